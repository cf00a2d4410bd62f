#include "training/evol_instruct.h"

#include "runtime/error.h"
#include "runtime/stable_hash.h"
#include "training/text_tokens.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace rrtf {
namespace {

// method.md §5.2, verbatim.
constexpr std::array<std::string_view, kCodeHeuristicCount> kHeuristics{
    "Add new constraints and requirements to the original problem, adding approximately 10 additional words.",
    "Replace a commonly used requirement in the programming task with a less common and more specific one.",
    "If the original problem can be solved with only a few logical steps, please add more reasoning steps.",
    "Provide a piece of erroneous code as a reference to increase misdirection.",
    "Propose higher time or space complexity requirements, but please refrain from doing so frequently.",
};

constexpr std::array<std::string_view, 4> kForbidden{"#Given Task#", "#Rewritten Task#", "given task",
                                                     "rewritten task"};

// Markers after which a reply that echoes the prompt holds the new task.
constexpr std::array<std::string_view, 3> kRewrittenMarkers{"#rewritten task#", "#rewritten test#",
                                                            "#rewritten prompt#"};

// Labels a teacher may put before the task on its first line.
constexpr std::array<std::string_view, 6> kLabels{"rewritten task",   "rewritten test",
                                                  "rewritten prompt", "rewritten programming task",
                                                  "rewritten question", "new task"};

std::string lowerAscii(std::string_view text)
{
    std::string lowered(text);
    for (char& c : lowered)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return lowered;
}

bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string_view trim(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string_view trimLabelDecoration(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t#*_:");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t#*_:") - first + 1);
}

// Whether `lowered` (a lower-cased text) contains `phrase` on its own, not as
// part of a longer word ("given tasks" does not contain "given task").
bool containsPhrase(std::string_view lowered, std::string_view phrase)
{
    for (std::size_t at = lowered.find(phrase); at != std::string_view::npos; at = lowered.find(phrase, at + 1)) {
        const bool startsWord = at == 0 || !isAsciiLetter(lowered[at - 1]);
        const std::size_t end = at + phrase.size();
        const bool endsWord = end >= lowered.size() || !isAsciiLetter(lowered[end]) || phrase.back() == '#';
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

// Removes "Rewritten Task:" (with any #, * or _ decoration) from the start of the text.
std::string_view stripLeadingLabel(std::string_view text)
{
    const std::size_t lineEnd = std::min(text.find('\n'), text.size());
    const std::string_view firstLine = text.substr(0, lineEnd);
    const std::size_t colon = firstLine.find(':');
    const std::string label = lowerAscii(trimLabelDecoration(firstLine.substr(0, colon)));
    if (std::find(kLabels.begin(), kLabels.end(), label) == kLabels.end())
        return text;
    if (colon == std::string_view::npos || trim(trimLabelDecoration(firstLine.substr(colon))).empty())
        return lineEnd < text.size() ? text.substr(lineEnd + 1) : std::string_view();
    // "**Rewritten Task:** Write ..." keeps the rest of the line.
    std::size_t rest = colon + 1;
    while (rest < firstLine.size() && (firstLine[rest] == '*' || firstLine[rest] == '_' || firstLine[rest] == ' '))
        ++rest;
    return text.substr(rest);
}

int wordCount(std::string_view text)
{
    int words = 0;
    bool inWord = false;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        words += !space && !inWord;
        inWord = !space;
    }
    return words;
}

}  // namespace

std::string_view evolPromptName(EvolPrompt prompt)
{
    return prompt == EvolPrompt::WizardCoder ? "wizardcoder" : "pangu-coder2";
}

std::optional<EvolPrompt> parseEvolPrompt(std::string_view name)
{
    if (name == "wizardcoder")
        return EvolPrompt::WizardCoder;
    if (name == "pangu-coder2")
        return EvolPrompt::PanGuCoder2;
    return std::nullopt;
}

std::string_view codeEvolutionHeuristic(int number)
{
    if (number < 1 || number > kCodeHeuristicCount)
        throw InvalidArgument("code evolution heuristic " + std::to_string(number) + " does not exist (1..5)");
    return kHeuristics[std::size_t(number - 1)];
}

std::string codeEvolutionHeuristicList()
{
    std::string list;
    for (int number = 1; number <= kCodeHeuristicCount; ++number)
        list += (number > 1 ? "\n" : "") + std::to_string(number) + ". " + std::string(codeEvolutionHeuristic(number));
    return list;
}

std::string wizardCoderEvolutionPrompt(std::string_view instruction, int heuristic)
{
    return "Please increase the difficulty of the given programming test question a bit.\n\n"
           "You can increase the difficulty using, but not limited to, the following methods:\n" +
           std::string(codeEvolutionHeuristic(heuristic)) + "\n\n" + std::string(instruction);
}

std::string panGuCoder2EvolutionPrompt(std::string_view instruction, std::string_view methods)
{
    return "I want you to act as a Programming Contest Designer. Your objective is to rewrite a programming task "
           "based on the given task by increasing the difficulty a bit.\n"
           "You can increase the difficulty using, but not limited to, the following methods:\n" +
           std::string(methods) +
           "\n\n"
           "Your response is the rewritten programming task (#Rewritten Task#). The #Rewritten Task# must be "
           "reasonable and must be understood and responded by humans, and also solvable with code. It should not "
           "be dependent on the #Given Task#. Your rewriting cannot omit the non-text parts such as the table and "
           "code in #Given Task#:. Also, please do not omit the input in #Given Task#.\n"
           "The rewritten task and the given task should have the similar length.\n"
           "The rewritten task should ask for a function-level code solution.\n"
           "\"#Given Task#\", \"#Rewritten Task#\", \"given task\", and \"rewritten task\" are NOT allowed to appear "
           "in #Rewritten Task#.\n\n"
           "#Given Task#\n" +
           std::string(instruction) + "\n\n#Rewritten Task#\n";
}

std::span<const std::string_view> forbiddenEvolutionPhrases() { return kForbidden; }

int drawHeuristic(std::uint64_t seed, std::string_view taskId)
{
    return 1 + int(mixBits(mixBits(seed) ^ fnv1a(taskId)) % kCodeHeuristicCount);
}

std::vector<EvolRequest> evolutionRequests(const std::vector<TrainingRecord>& records, const EvolOptions& options)
{
    std::unordered_set<std::string> existing;
    for (const TrainingRecord& record : records)
        existing.insert(record.taskId);
    std::vector<EvolRequest> requests;
    requests.reserve(records.size());
    for (const TrainingRecord& record : records) {
        EvolRequest request;
        request.parentTaskId = record.taskId;
        request.seedTaskId = record.evolution ? record.evolution->seed : record.taskId;
        request.round = record.evolution ? record.evolution->round + 1 : 1;
        request.taskId = request.seedTaskId + "/evol" + std::to_string(request.round);
        if (existing.count(request.taskId))
            throw InvalidArgument("evolving \"" + record.taskId + "\" would create task_id \"" + request.taskId +
                                  "\", which already names a record; evolve only each round's newest records");
        request.prompt = options.prompt;
        const int drawn = drawHeuristic(options.seed, record.taskId);
        if (options.prompt == EvolPrompt::WizardCoder) {
            request.heuristic = drawn;
            request.text = wizardCoderEvolutionPrompt(record.instruction, drawn);
        } else if (options.panGuOneHeuristic) {
            request.heuristic = drawn;
            request.text = panGuCoder2EvolutionPrompt(record.instruction, codeEvolutionHeuristic(drawn));
        } else {
            request.text = panGuCoder2EvolutionPrompt(record.instruction, codeEvolutionHeuristicList());
        }
        requests.push_back(std::move(request));
    }
    return requests;
}

CleanedInstruction cleanEvolvedInstruction(std::string_view reply)
{
    std::string text(reply);
    std::erase(text, '\r');
    // An echo of the prompt: the new task follows the last marker.
    const std::string lowered = lowerAscii(text);
    std::size_t cut = std::string::npos;
    for (const std::string_view marker : kRewrittenMarkers)
        if (const std::size_t at = lowered.rfind(marker); at != std::string::npos)
            cut = cut == std::string::npos ? at + marker.size() : std::max(cut, at + marker.size());
    std::string_view task = text;
    if (cut != std::string::npos) {
        task = task.substr(cut);
        const std::size_t start = task.find_first_not_of(" \t\n:*");
        task = start == std::string_view::npos ? std::string_view() : task.substr(start);
    }
    task = trim(stripLeadingLabel(trim(task)));

    CleanedInstruction cleaned;
    if (task.empty()) {
        cleaned.reason = "empty reply";
        return cleaned;
    }
    if (tokenizeText(task).size() == 0) {
        cleaned.reason = "the reply has no words";
        return cleaned;
    }
    const std::string taskLowered = lowerAscii(task);
    for (const std::string_view phrase : kForbidden) {
        if (containsPhrase(taskLowered, lowerAscii(phrase))) {
            cleaned.reason = "contains the forbidden phrase \"" + std::string(phrase) + "\"";
            return cleaned;
        }
    }
    if (wordCount(task) < 80 && containsPhrase(taskLowered, "sorry")) {
        cleaned.reason = "reads as a refusal (\"sorry\" in fewer than 80 words)";
        return cleaned;
    }
    cleaned.accepted = true;
    cleaned.instruction = std::string(task);
    return cleaned;
}

EvolResult applyEvolution(const std::vector<TrainingRecord>& records, const std::vector<EvolRequest>& requests,
                          const std::vector<std::string>& replies, const RecordFilterOptions& filters)
{
    if (requests.size() != replies.size())
        throw InvalidArgument("applyEvolution: " + std::to_string(requests.size()) + " requests but " +
                              std::to_string(replies.size()) + " replies");
    std::unordered_map<std::string, const TrainingRecord*> parents;
    for (const TrainingRecord& record : records)
        parents.emplace(record.taskId, &record);
    std::unordered_map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < requests.size(); ++i)
        if (!order.emplace(requests[i].taskId, i).second)
            throw InvalidArgument("applyEvolution: requests " + std::to_string(order[requests[i].taskId] + 1) +
                                  " and " + std::to_string(i + 1) + " both create task_id \"" + requests[i].taskId +
                                  "\"");

    std::vector<TrainingRecord> evolved;
    std::vector<DroppedRecord> rejected;
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const EvolRequest& request = requests[i];
        const auto parent = parents.find(request.parentTaskId);
        if (parent == parents.end())
            throw InvalidArgument("applyEvolution: request " + std::to_string(i + 1) + " evolves \"" +
                                  request.parentTaskId + "\", which is not among the records");
        CleanedInstruction cleaned = cleanEvolvedInstruction(replies[i]);
        if (cleaned.accepted && normalizedText(cleaned.instruction) == normalizedText(parent->second->instruction)) {
            cleaned.accepted = false;
            cleaned.reason = "restates its parent's instruction (nothing was rewritten)";
        }
        if (!cleaned.accepted) {
            rejected.push_back({request.taskId, "reply", cleaned.reason});
            continue;
        }
        TrainingRecord record;
        record.taskId = request.taskId;
        record.instruction = std::move(cleaned.instruction);
        record.evolution = EvolutionOrigin{request.seedTaskId, request.parentTaskId, request.round,
                                           std::string(evolPromptName(request.prompt)), request.heuristic};
        evolved.push_back(std::move(record));
    }

    FilterResult result = filterRecords(std::move(evolved), filters, {&records, nullptr});
    result.dropped.insert(result.dropped.end(), rejected.begin(), rejected.end());
    if (!rejected.empty())
        result.droppedBy["reply"] += int(rejected.size());
    // One list in request order, whichever step dropped the record.
    std::stable_sort(result.dropped.begin(), result.dropped.end(), [&](const DroppedRecord& a, const DroppedRecord& b) {
        return order.at(a.taskId) < order.at(b.taskId);
    });
    return result;
}

}  // namespace rrtf

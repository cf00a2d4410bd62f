#include "training/verdict_journal.h"

#include "evaluation/json_records.h"
#include "evaluation/sha256.h"
#include "evaluation/verdict_json.h"
#include "runtime/error.h"
#include "runtime/json_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace rrtf {
namespace {

constexpr const char* kFormatKey = "rrtf_verdict_journal";
constexpr int kFormatVersion = 1;

// Length-prefixed, so that moving text from one field to the next changes the hash.
void hashField(Sha256& hash, std::string_view field)
{
    hash.update(std::to_string(field.size()) + ":");
    hash.update(field);
}

nlohmann::ordered_json settingsJson(const JudgingSettings& settings)
{
    return {{"limits", judgeLimitsJson(settings.limits)},
            {"prefer_split", settings.preferSplit},
            {"interpreter", settings.interpreter}};
}

// "cpu_seconds 3 (this run: 5)" for the first setting that differs; "" when none does.
std::string settingsDifference(const nlohmann::json& recorded, const nlohmann::json& current)
{
    for (const auto& [key, value] : current.items()) {
        const auto it = recorded.find(key);
        if (value.is_object() && it != recorded.end() && it->is_object()) {
            if (std::string inner = settingsDifference(*it, value); !inner.empty())
                return inner;
        } else if (it == recorded.end() || *it != value) {
            return key + " " + (it == recorded.end() ? std::string("(absent)") : it->dump()) + " (this run: " +
                   value.dump() + ")";
        }
    }
    return {};
}

AnswerRole parseRole(const RecordFields& fields)
{
    const std::string role = fields.requiredString("role");
    if (role != "student" && role != "teacher")
        fields.fail("field \"role\" is \"" + printable(role) + "\", expected \"student\" or \"teacher\"");
    return role == "student" ? AnswerRole::Student : AnswerRole::Teacher;
}

[[noreturn]] void failSystem(const std::string& what, const std::filesystem::path& path)
{
    throw Error("cannot " + what + " " + path.string() + ": " + std::strerror(errno));
}

}  // namespace

ProgramHashes programHashes(const JudgeTask& task)
{
    ProgramHashes hashes;
    hashes.code = sha256Hex(task.candidateSource);
    Sha256 tests;
    hashField(tests, std::to_string(int(task.style)));
    for (const std::string* field : {&task.testPrelude, &task.testSource, &task.entryPoint, &task.referenceSource,
                                     &task.inputsJson})
        hashField(tests, *field);
    hashField(tests, nlohmann::json(task.atol).dump());
    hashField(tests, task.allowFallback ? "fallback" : "no fallback");
    hashes.tests = tests.hexDigest();
    return hashes;
}

std::filesystem::path verdictJournalPath(const std::filesystem::path& rankings)
{
    std::filesystem::path journal = rankings;
    journal += ".verdicts";
    return journal;
}

VerdictJournal::VerdictJournal(const std::filesystem::path& path, const JudgingSettings& settings)
    : m_path(path), m_lastSync(std::chrono::steady_clock::now())
{
    const nlohmann::ordered_json current = settingsJson(settings);
    std::uintmax_t keepBytes = 0;  // the header and every good line
    bool haveHeader = false;
    std::ifstream in(path, std::ios::binary);
    std::string line;
    std::uintmax_t offset = 0;
    int lineNumber = 0;
    std::string badLine;  // a bad line is forgiven only when nothing follows it
    while (std::getline(in, line)) {
        ++lineNumber;
        const bool complete = !in.eof();  // getline stops at end of file without a newline
        const std::string location = path.string() + ":" + std::to_string(lineNumber);
        if (!badLine.empty())
            throw FormatError(badLine + "; delete " + path.string() + " to judge every answer again");
        if (!complete) {
            m_partialTail = true;
            break;
        }
        nlohmann::json json;
        try {  // nested too deep to show or keep: not a line of ours either
            json = nlohmann::json::parse(line, jsonDepthLimit(location), false);
        } catch (const FormatError&) {
            json = nlohmann::json::value_t::discarded;
        }
        if (!haveHeader) {
            if (!json.is_object() || !json.contains(kFormatKey) || json.at(kFormatKey) != kFormatVersion ||
                !json.contains("settings") || !json.at("settings").is_object())
                throw FormatError(location + ": not a verdict journal of rrtf rank (expected {\"" + kFormatKey +
                                  "\": 1, \"settings\": ...}); delete it or write to another --out");
            if (const std::string differs = settingsDifference(json.at("settings"), current); !differs.empty())
                throw InvalidArgument(location + ": its verdicts were judged with " + differs +
                                      "; rank with the same --timeout and --memory-mb (and Python) to continue, "
                                      "or delete " + path.string() + " to judge every answer again");
            haveHeader = true;
        } else {
            try {
                if (json.is_discarded() || !json.is_object())
                    throw FormatError(location + ": not a JSON object");
                RecordFields fields(json, location);
                AnswerKey key{fields.requiredString("task_id"), parseRole(fields), fields.requiredString("model"), 0};
                if (!fields.has("index") || !fitsInt(json.at("index")))
                    fields.fail("field \"index\" must be an integer");
                key.index = json.at("index").get<int>();
                if (!fields.has("verdict"))
                    fields.fail("field \"verdict\" is missing");
                Entry entry{{fields.requiredString("code_sha256"), fields.requiredString("tests_sha256")},
                            verdictFromJson(json.at("verdict"), location + ": verdict")};
                m_entries.insert_or_assign(std::move(key), std::move(entry));  // a later line wins
            } catch (const FormatError& error) {
                badLine = error.what();
                offset += line.size() + 1;
                continue;  // cut away below when it turns out to be the last line
            }
        }
        offset += line.size() + 1;
        keepBytes = offset;
    }
    m_partialTail = m_partialTail || !badLine.empty();

    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        failSystem("write", path);
    if (::ftruncate(m_fd, off_t(keepBytes)) != 0 || ::lseek(m_fd, 0, SEEK_END) < 0) {
        const int saved = errno;
        ::close(m_fd);
        errno = saved;
        failSystem("write", path);
    }
    if (!haveHeader) {
        nlohmann::ordered_json header{{kFormatKey, kFormatVersion}, {"settings", current}};
        writeLine(header.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n');
        sync();
    }
}

VerdictJournal::~VerdictJournal()
{
    if (m_fd >= 0) {
        ::fdatasync(m_fd);  // best effort: a destructor cannot report it
        ::close(m_fd);
    }
}

const Verdict* VerdictJournal::find(const AnswerKey& key, const ProgramHashes& hashes) const
{
    const auto it = m_entries.find(key);
    return it != m_entries.end() && it->second.hashes == hashes ? &it->second.verdict : nullptr;
}

void VerdictJournal::append(const AnswerKey& key, const ProgramHashes& hashes, const Verdict& verdict)
{
    nlohmann::ordered_json json{{"task_id", key.taskId},       {"role", answerRoleName(key.role)},
                                {"model", key.modelKey},        {"index", key.index},
                                {"code_sha256", hashes.code},   {"tests_sha256", hashes.tests},
                                {"verdict", verdictJson(verdict)}};
    // The program's output may not be valid UTF-8: replaced, as rankings.jsonl replaces it.
    const std::string line = json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
    std::lock_guard lock(m_mutex);
    writeLine(line);
    const auto now = std::chrono::steady_clock::now();
    if (++m_unsynced >= kSyncEvery || now - m_lastSync >= std::chrono::seconds(1)) {
        if (::fdatasync(m_fd) != 0)
            failSystem("write", m_path);
        m_unsynced = 0;
        m_lastSync = now;
    }
}

void VerdictJournal::sync()
{
    std::lock_guard lock(m_mutex);
    if (::fdatasync(m_fd) != 0)
        failSystem("write", m_path);
    m_unsynced = 0;
    m_lastSync = std::chrono::steady_clock::now();
}

void VerdictJournal::writeLine(const std::string& line)
{
    // One write per line: a kill leaves the line whole or without its newline.
    std::size_t written = 0;
    while (written < line.size()) {
        const ssize_t n = ::write(m_fd, line.data() + written, line.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            // A full disk can take half a line: cut it off, so that a line another
            // thread appends next never follows a broken one (a resumed run would
            // refuse the file), and the space goes back.
            const int saved = errno;
            if (const off_t end = ::lseek(m_fd, 0, SEEK_CUR); end >= off_t(written) && written > 0)
                if (::ftruncate(m_fd, end - off_t(written)) == 0)
                    ::lseek(m_fd, end - off_t(written), SEEK_SET);
            errno = saved;
            failSystem("write", m_path);
        }
        written += std::size_t(n);
    }
}

}  // namespace rrtf

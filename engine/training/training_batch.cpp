#include "training/training_batch.h"

#include "generation/prompt_template.h"
#include "runtime/error.h"

#include <algorithm>
#include <optional>

namespace rrtf {
namespace {

struct Row {
    std::vector<int> ids;
    int64_t promptTokens = 0;
    int64_t responseTokens = 0;
    bool truncated = false;
};

// Special-token text inside an instruction or an answer stays text: the only
// EOS in a row is the one appended after the code.
const EncodeOptions kLiteralText{false};

class RowBuilder {
public:
    RowBuilder(const Tokenizer& tokenizer, const TrainingBatchOptions& options, std::optional<int> eos)
        : m_tokenizer(tokenizer), m_options(options), m_eos(eos)
    {
    }

    // The prompt's ids, or nullopt with `reason` set when it leaves no room.
    std::optional<std::vector<int>> prompt(const std::string& instruction, std::string& reason)
    {
        m_promptText = trainingPrompt(instruction, m_options.promptTemplate);
        std::vector<int> ids = m_tokenizer.encode(m_promptText, kLiteralText);
        if (ids.empty()) {
            reason = "the prompt has no token";
            return std::nullopt;
        }
        if (int64_t(ids.size()) >= m_options.maxLength) {
            reason = "the prompt alone has " + std::to_string(ids.size()) + " tokens; maxLength " +
                     std::to_string(m_options.maxLength) + " leaves no room for a response";
            return std::nullopt;
        }
        return ids;
    }

    // Prompt (the last one made) then response, cut at maxLength; nullopt when the
    // response has no token.
    std::optional<Row> row(const std::vector<int>& prompt, const RankedAnswer& answer) const
    {
        std::vector<int> response = m_tokenizer.encode(trainingResponse(m_promptText, answer.code), kLiteralText);
        if (m_options.appendEos)
            response.push_back(*m_eos);
        if (response.empty())
            return std::nullopt;
        Row row;
        row.promptTokens = int64_t(prompt.size());
        const int64_t room = m_options.maxLength - row.promptTokens;
        row.truncated = int64_t(response.size()) > room;
        if (row.truncated)
            response.resize(std::size_t(room));
        row.responseTokens = int64_t(response.size());
        row.ids = prompt;
        row.ids.insert(row.ids.end(), response.begin(), response.end());
        return row;
    }

private:
    const Tokenizer& m_tokenizer;
    const TrainingBatchOptions& m_options;
    std::optional<int> m_eos;
    std::string m_promptText;
};

void fillTensors(TrainingBatch& batch, const std::vector<Row>& rows, int pad)
{
    int64_t width = 0;
    for (const Row& row : rows)
        width = std::max<int64_t>(width, int64_t(row.ids.size()));
    const int64_t count = int64_t(rows.size());
    batch.ids = at::full({count, width}, pad, at::kLong);
    batch.labels = at::full({count, width}, kIgnoreLabel, at::kLong);
    batch.attentionMask = at::zeros({count, width}, at::kLong);
    auto ids = batch.ids.accessor<int64_t, 2>();
    auto labels = batch.labels.accessor<int64_t, 2>();
    auto mask = batch.attentionMask.accessor<int64_t, 2>();
    for (int64_t r = 0; r < count; ++r) {
        const Row& row = rows[std::size_t(r)];
        for (int64_t t = 0; t < int64_t(row.ids.size()); ++t) {
            ids[r][t] = row.ids[std::size_t(t)];
            mask[r][t] = 1;
            if (t >= row.promptTokens)
                labels[r][t] = row.ids[std::size_t(t)];
        }
        batch.promptTokens.push_back(row.promptTokens);
        batch.responseTokens.push_back(row.responseTokens);
        batch.truncated.push_back(row.truncated);
    }
}

}  // namespace

std::string trainingPrompt(const std::string& instruction, const PromptTemplate& format)
{
    return format.apply(instruction);
}

std::string trainingResponse(const std::string& prompt, const std::string& code)
{
    // Sampled answers often open with blank lines and references do not: rows of
    // both must start alike, or the ranking compares line breaks instead of code.
    const std::size_t start = std::min(code.find_first_not_of("\r\n"), code.size());
    std::string response = code.substr(start);
    if (response.empty() || prompt.empty() || prompt.back() == '\n')
        return response;
    return "\n" + response;
}

TrainingBatch buildTrainingBatch(const std::vector<RankedItem>& items, const Tokenizer& tokenizer,
                                 const TrainingBatchOptions& options)
{
    if (options.maxLength < 2)
        throw InvalidArgument("maxLength must be at least 2 (a prompt token and a response token), got " +
                              std::to_string(options.maxLength));
    const std::optional<int> eos = tokenizer.eosTokenId();
    if (options.appendEos && !eos)
        throw InvalidArgument("appendEos is set but the tokenizer has no EOS token");
    const int pad = options.padId >= 0 ? options.padId : eos.value_or(0);
    if (pad >= tokenizer.vocabSize())
        throw InvalidArgument("padId " + std::to_string(pad) + " is outside the vocabulary of " +
                              std::to_string(tokenizer.vocabSize()) + " tokens");

    TrainingBatch batch;
    std::vector<Row> rows;
    RowBuilder builder(tokenizer, options, eos);
    for (const RankedItem& item : items) {
        const RankedAnswer* teacher = item.teacher();
        if (item.pairs.empty() || !teacher) {
            batch.skipped.push_back({item.taskId, item.reason.empty() ? "no pair" : item.reason});
            continue;
        }
        const bool pairsValid = std::all_of(item.pairs.begin(), item.pairs.end(), [&](const RankedPair& pair) {
            return pair.student >= 0 && pair.student < int(item.students.size());
        });
        if (!pairsValid) {
            batch.skipped.push_back({item.taskId, "a pair names a student the item does not have"});
            continue;
        }
        std::string reason;
        try {
            const auto prompt = builder.prompt(item.instruction, reason);
            if (!prompt) {
                batch.skipped.push_back({item.taskId, reason});
                continue;
            }
            std::vector<Row> itemRows;
            LossItem lossItem;
            lossItem.teacherRow = int64_t(rows.size());
            auto teacherRow = builder.row(*prompt, *teacher);
            if (!teacherRow) {
                batch.skipped.push_back({item.taskId, "the teacher's code is empty"});
                continue;
            }
            itemRows.push_back(std::move(*teacherRow));
            for (const RankedPair& pair : item.pairs) {
                auto studentRow = builder.row(*prompt, item.students[std::size_t(pair.student)]);
                if (!studentRow) {
                    batch.skipped.push_back({item.taskId, "student " + std::to_string(pair.student) +
                                                              ": the code is empty (pair left out)"});
                    continue;
                }
                lossItem.pairs.push_back({int64_t(rows.size() + itemRows.size()), pair.rTeacher, pair.rStudent});
                itemRows.push_back(std::move(*studentRow));
            }
            if (lossItem.pairs.empty()) {
                batch.skipped.push_back({item.taskId, "every student's code is empty"});
                continue;
            }
            rows.insert(rows.end(), std::make_move_iterator(itemRows.begin()), std::make_move_iterator(itemRows.end()));
            batch.items.push_back(std::move(lossItem));
            batch.taskIds.push_back(item.taskId);
        } catch (const Error& error) {
            // Text the tokenizer refuses (invalid UTF-8) costs this item, not the run.
            batch.skipped.push_back({item.taskId, std::string("cannot tokenise: ") + error.what()});
        }
    }
    fillTensors(batch, rows, pad);
    return batch;
}

}  // namespace rrtf

#include "training/answer_samples.h"

#include "evaluation/json_records.h"
#include "runtime/error.h"
#include "runtime/printable.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rrtf {
namespace {

double numberField(const RecordFields& fields, std::string_view key)
{
    const nlohmann::json& value = fields.json().at(std::string(key));
    if (!value.is_number())
        fields.failWrongType(key, "a number");
    return value.get<double>();
}

std::optional<double> optionalNumber(const RecordFields& fields, std::string_view key)
{
    if (!fields.has(key))
        return std::nullopt;
    return numberField(fields, key);
}

int intField(const RecordFields& fields, std::string_view key, int fallback)
{
    if (!fields.has(key))
        return fallback;
    const nlohmann::json& value = fields.json().at(std::string(key));
    if (!fitsInt(value))
        fields.failWrongType(key, "an integer of 32 bits");
    return value.get<int>();
}

SampledAnswer sampledAnswerFromJson(const nlohmann::json& json, const std::string& location)
{
    if (!json.is_object())
        throw FormatError(location + ": expected an object with \"text\"");
    RecordFields fields(json, location);
    SampledAnswer answer;
    answer.index = intField(fields, "index", 0);
    answer.text = fields.requiredString("text");
    answer.finish = fields.optionalString("finish");
    answer.tokens = intField(fields, "tokens", 0);
    answer.source = fields.optionalString("source");
    answer.temperature = optionalNumber(fields, "temperature");
    return answer;
}

void writeAll(int fd, const std::string& text, const std::filesystem::path& path)
{
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const std::string reason = std::strerror(errno);
            // A full disk can take half a line: cut it off (the file ends in whole lines).
            if (const off_t end = ::lseek(fd, 0, SEEK_CUR); end >= off_t(written) && written > 0)
                if (::ftruncate(fd, end - off_t(written)) == 0)
                    ::lseek(fd, end - off_t(written), SEEK_SET);
            throw Error("cannot write " + path.string() + ": " + reason);
        }
        written += std::size_t(n);
    }
}

}  // namespace

std::string_view answerRoleName(AnswerRole role) { return role == AnswerRole::Student ? "student" : "teacher"; }

std::string SampleGroup::modelKey() const
{
    return fromData() ? std::string(kDataModelName) : std::string(answerRoleName(role)) + ":" + modelDir;
}

std::optional<SampleGroup> dataTeacherGroup(const TrainingRecord& record)
{
    if (record.answers.empty())
        return std::nullopt;
    SampleGroup group;
    group.taskId = record.taskId;
    group.role = AnswerRole::Teacher;
    group.modelName = std::string(kDataModelName);
    for (std::size_t i = 0; i < record.answers.size(); ++i) {
        const TeacherAnswer& teacher = record.answers[i];
        group.answers.push_back({int(i), teacher.text, "", 0, teacher.source, teacher.temperature});
    }
    return group;
}

nlohmann::ordered_json sampleGroupJson(const SampleGroup& group)
{
    nlohmann::ordered_json json;
    json["task_id"] = group.taskId;
    json["role"] = answerRoleName(group.role);
    nlohmann::ordered_json model{{"name", group.modelName}};
    if (!group.modelDir.empty())
        model["dir"] = group.modelDir;
    if (!group.fingerprint.empty())
        model["fingerprint"] = group.fingerprint;
    json["model"] = model;
    if (!group.fromData()) {
        json["template"] = group.promptTemplate;
        if (group.temperature)
            json["temperature"] = *group.temperature;
        json["top_p"] = group.topP;
        json["seed"] = group.seed;
        json["max_new_tokens"] = group.maxNewTokens;
    }
    nlohmann::ordered_json samples = nlohmann::ordered_json::array();
    for (const SampledAnswer& answer : group.answers) {
        nlohmann::ordered_json sample{{"index", answer.index}, {"text", answer.text}};
        if (!answer.finish.empty())
            sample["finish"] = answer.finish;
        if (answer.tokens > 0)
            sample["tokens"] = answer.tokens;
        if (!answer.source.empty())
            sample["source"] = answer.source;
        if (answer.temperature)
            sample["temperature"] = *answer.temperature;
        samples.push_back(std::move(sample));
    }
    json["samples"] = std::move(samples);
    return json;
}

SampleGroup sampleGroupFromJson(const nlohmann::json& json, const std::string& location)
{
    RecordFields fields(json, location);
    SampleGroup group;
    group.location = location;
    group.taskId = fields.taskId();
    const std::string role = fields.requiredString("role");
    if (role == "student")
        group.role = AnswerRole::Student;
    else if (role == "teacher")
        group.role = AnswerRole::Teacher;
    else
        fields.fail("field \"role\" is \"" + printable(role) + "\", expected \"student\" or \"teacher\"");
    if (!fields.has("model") || !json.at("model").is_object())
        fields.fail("field \"model\" must be an object with \"name\"");
    RecordFields model(json.at("model"), location + ": model");
    group.modelName = model.requiredString("name");
    group.modelDir = model.optionalString("dir");
    group.fingerprint = model.optionalString("fingerprint");
    group.promptTemplate = fields.optionalString("template");
    group.temperature = optionalNumber(fields, "temperature");
    if (fields.has("top_p"))
        group.topP = numberField(fields, "top_p");
    if (fields.has("seed")) {
        if (!json.at("seed").is_number_unsigned())
            fields.failWrongType("seed", "a non-negative integer");
        group.seed = json.at("seed").get<std::uint64_t>();
    }
    group.maxNewTokens = intField(fields, "max_new_tokens", 0);
    if (!fields.has("samples") || !json.at("samples").is_array())
        fields.fail("field \"samples\" must be a list of {\"index\", \"text\"}");
    const nlohmann::json& samples = json.at("samples");
    for (std::size_t i = 0; i < samples.size(); ++i)
        group.answers.push_back(sampledAnswerFromJson(samples[i], location + ": samples[" + std::to_string(i) + "]"));
    if (group.role == AnswerRole::Student && group.fromData())
        fields.fail("the data's answers are teacher answers, not \"student\"");
    return group;
}

std::vector<SampleGroup> readSampleGroups(const std::filesystem::path& path)
{
    const RecordFileBytes file = readRecordFile(path);
    std::vector<SampleGroup> groups;
    for (const RawRecord& record : splitRecords(file.text, path.string())) {
        const std::string location = recordLocation(path.string(), record);
        groups.push_back(sampleGroupFromJson(parseRecordObject(record, location), location));
    }
    return groups;
}

SampleFileState scanSampleFile(const std::filesystem::path& path)
{
    SampleFileState state;
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return state;
    const std::string text = readRecordFile(path).raw;  // appended to, so never gzip
    std::size_t start = 0;
    int line = 1;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1, ++line) {
        const std::string_view body(text.data() + start, end - start);
        if (body.find_first_not_of(" \t\r") != std::string_view::npos) {
            RawRecord record{body, line, int(state.groups.size()), false};
            const std::string location = path.string() + ":" + std::to_string(line);
            state.groups.push_back(sampleGroupFromJson(parseRecordObject(record, location), location));
        }
        state.completeBytes = end + 1;
    }
    state.partialTail = start < text.size();
    return state;
}

SampleFileWriter::SampleFileWriter(const std::filesystem::path& path, std::uintmax_t keepBytes) : m_path(path)
{
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw Error("cannot write " + path.string() + ": " + std::strerror(errno));
    if (::ftruncate(m_fd, off_t(keepBytes)) != 0 || ::lseek(m_fd, 0, SEEK_END) < 0) {
        const std::string reason = std::strerror(errno);
        ::close(m_fd);
        throw Error("cannot write " + path.string() + ": " + reason);
    }
}

SampleFileWriter::~SampleFileWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void SampleFileWriter::append(const SampleGroup& group)
{
    // A model's raw output may not be valid UTF-8: replaced, never refused.
    const std::string line =
        sampleGroupJson(group).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
    writeAll(m_fd, line, m_path);  // one write: a kill leaves the line whole or without its newline
    if (::fdatasync(m_fd) != 0)
        throw Error("cannot write " + m_path.string() + ": " + std::strerror(errno));
}

}  // namespace rrtf

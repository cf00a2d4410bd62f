#include "evaluation/samples.h"

#include "evaluation/json_records.h"
#include "evaluation/sha256.h"
#include "runtime/error.h"
#include "runtime/printable.h"

#include <unordered_map>
#include <unordered_set>

namespace rrtf {
namespace {

// Which field holds the sample's text: `solution` wins over `completion`.
const char* textField(const RecordFields& fields)
{
    if (fields.has("solution"))
        return "solution";
    if (fields.has("completion"))
        return "completion";
    fields.fail("missing field \"completion\" (or \"solution\")");
}

}  // namespace

SampleFile loadSamples(const std::filesystem::path& path)
{
    const std::string file = path.string();
    const RecordFileBytes bytes = readRecordFile(path);

    SampleFile result;
    result.sourcePath = path;
    result.sha256 = sha256Hex(bytes.raw);
    std::unordered_map<std::string, int> samplesSoFar;  // per task_id
    for (const RawRecord& record : splitRecords(bytes.text, file)) {
        const std::string location = recordLocation(file, record);
        Sample sample;
        sample.record = parseRecordObject(record, location);
        const RecordFields fields(sample.record, location);
        sample.taskId = fields.taskId();
        const char* field = textField(fields);
        sample.text = fields.requiredString(field);
        sample.isFullSolution = std::string_view(field) == "solution";
        sample.index = std::size_t(record.index);
        sample.line = record.line;
        sample.completionId = samplesSoFar[sample.taskId]++;
        result.samples.push_back(std::move(sample));
    }
    return result;
}

void validateSamples(const SampleFile& samples, const ProblemSet& problems)
{
    for (const Sample& sample : samples.samples)
        if (!problems.find(sample.taskId))
            throw FormatError(samples.sourcePath.string() + ":" + std::to_string(sample.line) + ": task_id \"" +
                              printable(sample.taskId) + "\" is not a problem of " + problems.sourcePath().string());
}

std::vector<std::string> unattemptedTasks(const SampleFile& samples, const ProblemSet& problems)
{
    std::unordered_set<std::string> attempted;
    for (const Sample& sample : samples.samples)
        attempted.insert(sample.taskId);
    std::vector<std::string> missing;
    for (const Problem& problem : problems)
        if (!attempted.count(problem.taskId))
            missing.push_back(problem.taskId);
    return missing;
}

}  // namespace rrtf

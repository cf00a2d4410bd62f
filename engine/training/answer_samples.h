// The answers file of RRTF step 1 (method.md §1.1), written by `rrtf sample` and
// read by `rrtf rank`: one JSON line per (record, model), the k answers one
// model gave to one instruction, with where they came from:
//
//   {"task_id": "alpaca/17", "role": "student",
//    "model": {"name": "starcoder", "dir": "/models/starcoder", "fingerprint": "3f9c..."},
//    "template": "pangu", "temperature": 0.8, "top_p": 0.95, "seed": 8812, "max_new_tokens": 512,
//    "samples": [{"index": 0, "text": "...", "finish": "eos", "tokens": 41}, ...]}
//
// The teacher answers already in the data are one line per record with role
// "teacher", model {"name": "data"} and each sample's own "source" and
// "temperature" (absent when the data gives none). A (record, model) line is the
// unit of work: a file cut short by a kill loses at most its last, partial line.
#pragma once

#include "training/training_records.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

enum class AnswerRole { Student, Teacher };
std::string_view answerRoleName(AnswerRole role);  // "student" | "teacher"

// The model name of the teacher answers carried over from the data.
inline constexpr std::string_view kDataModelName = "data";

struct SampledAnswer {
    int index = 0;                      // sample index within its line, 0-based
    std::string text;                   // the response as generated (or as the data gives it)
    std::string finish;                 // eos, length, stop (finishReasonName); "" for data answers
    int tokens = 0;                     // generated tokens; 0 for data answers
    std::string source;                 // data answers: who wrote it ("human", a model name)
    std::optional<double> temperature;  // data answers: their own temperature, when known
};

struct SampleGroup {
    std::string taskId;
    AnswerRole role = AnswerRole::Student;
    std::string modelName;    // the model folder's name, or "data"
    std::string modelDir;     // "" for data answers
    std::string fingerprint;  // of the checkpoint (see checkpointFingerprint); "" when unknown
    std::string promptTemplate;         // raw, alpaca, pangu; "" for data answers
    std::optional<double> temperature;  // sampling temperature; absent for data answers
    double topP = 1.0;
    std::uint64_t seed = 0;  // the seed of this line's request (sample i draws stream i)
    int maxNewTokens = 0;
    std::vector<SampledAnswer> answers;
    std::string location;  // "file:line" when read from a file; "" when built in memory

    // Identifies the model within a record: "data", or the role and the folder.
    std::string modelKey() const;
    bool fromData() const { return modelName == kDataModelName && modelDir.empty(); }
};

// The data's teacher answers of a record as one group; nullopt when it has none.
std::optional<SampleGroup> dataTeacherGroup(const TrainingRecord& record);

nlohmann::ordered_json sampleGroupJson(const SampleGroup& group);
// FormatError prefixed with `location`, naming the field at fault.
SampleGroup sampleGroupFromJson(const nlohmann::json& json, const std::string& location);

// Every line of a finished file; FormatError naming file:line for a bad line
// (a partial last line included: a file still being written is not ranked).
std::vector<SampleGroup> readSampleGroups(const std::filesystem::path& path);

// What a resumed run finds: the complete lines, and how many bytes they take.
// A last line without its newline is what a kill leaves: it is ignored
// (`partialTail`) and overwritten. A bad line before the last is
// a FormatError naming file:line. A missing file is an empty state.
struct SampleFileState {
    std::vector<SampleGroup> groups;
    std::uintmax_t completeBytes = 0;
    bool partialTail = false;
};
SampleFileState scanSampleFile(const std::filesystem::path& path);

// Appends lines to a samples file, each flushed to disk before append returns,
// so that a kill loses at most the line being written.
class SampleFileWriter {
public:
    // Cuts the file to `keepBytes` (dropping a partial tail) and opens it for
    // appending; creates it when missing. Error naming the path on failure.
    SampleFileWriter(const std::filesystem::path& path, std::uintmax_t keepBytes);
    ~SampleFileWriter();
    SampleFileWriter(const SampleFileWriter&) = delete;
    SampleFileWriter& operator=(const SampleFileWriter&) = delete;

    void append(const SampleGroup& group);

private:
    std::filesystem::path m_path;
    int m_fd = -1;
};

}  // namespace rrtf

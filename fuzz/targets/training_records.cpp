// Training records (instruction, tests, answers, evolution): read with and
// without required tests; what is read must write and read back the same.
#include "fuzz_support.h"
#include "training/training_records.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("train.jsonl", data, size);
    for (bool requireTests : {true, false}) {
        std::vector<rrtf::TrainingRecord> records;
        if (!rrtf::fuzz::expectCleanError(path.string(), [&] {
                records = rrtf::loadTrainingRecords(path, {requireTests});
            }))
            continue;
        const auto copy = rrtf::fuzz::scratch() / "copy.jsonl";
        rrtf::writeTrainingRecords(copy, records);
        const auto again = rrtf::loadTrainingRecords(copy, {requireTests});
        if (again.size() != records.size())
            rrtf::fuzz::broken("training records do not read back after writing");
        for (size_t i = 0; i < records.size(); ++i)
            if (rrtf::trainingRecordJson(again[i]) != rrtf::trainingRecordJson(records[i]) &&
                rrtf::trainingRecordJson(records[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) ==
                    rrtf::trainingRecordJson(records[i]).dump(-1, ' ', false, nlohmann::json::error_handler_t::strict))
                rrtf::fuzz::broken("training record " + records[i].taskId + " changes when written and read back");
    }
    return 0;
}

// human-eval / EvalPlus samples files (JSON Lines, a JSON array or gzip).
#include "fuzz_support.h"
#include "evaluation/samples.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("samples.jsonl", data, size);
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        const rrtf::SampleFile samples = rrtf::loadSamples(path);
        for (const rrtf::Sample& sample : samples.samples)  // results files carry the record
            (void)sample.record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    });
    return 0;
}

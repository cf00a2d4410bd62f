// The answers file of `rrtf sample` as `rrtf rank` reads it and as a resumed
// `rrtf sample` scans it.
#include "fuzz_support.h"
#include "training/answer_samples.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("answers.jsonl", data, size);
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        for (const rrtf::SampleGroup& group : rrtf::readSampleGroups(path))
            (void)rrtf::sampleGroupJson(group).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    });
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        const rrtf::SampleFileState state = rrtf::scanSampleFile(path);
        if (state.completeBytes > size)
            rrtf::fuzz::broken("scanSampleFile keeps more bytes than the file has");
    });
    return 0;
}

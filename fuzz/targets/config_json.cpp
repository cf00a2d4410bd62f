// A model's config.json.
#include "fuzz_support.h"
#include "model/config.h"

#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("config.json", data, size);
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        const auto config = rrtf::GPTBigCodeConfig::fromFile(path);
        // What was accepted must describe a model that can be built.
        (void)config.headDim();
        (void)config.innerSize();
        rrtf::GPTBigCodeConfig::fromJson(config.toJson(), path.string());
    });
    return 0;
}

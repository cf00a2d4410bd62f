// pytorch_model.bin: the zip directory, LibTorch's record reader and the
// restricted unpickler together.
#include "fuzz_support.h"
#include "model/torch_bin.h"

#include <ATen/ATen.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("pytorch_model.bin", data, size);
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        for (const auto& [name, tensor] : rrtf::readTorchBin(path))
            (void)tensor.sum().item<double>();  // every element must lie in its storage
    });
    return 0;
}

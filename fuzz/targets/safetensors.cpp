// A safetensors file: the header's JSON and every tensor's bytes.
#include "fuzz_support.h"
#include "model/safetensors.h"

#include <ATen/ATen.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("model.safetensors", data, size);
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        const auto file = rrtf::SafetensorsFile::open(path);
        for (const auto& entry : file->entries()) {
            const at::Tensor tensor = file->tensor(entry.name);
            if (tensor.nbytes() > 0) {  // the first and last bytes must be readable
                const auto* bytes = static_cast<const volatile uint8_t*>(tensor.data_ptr());
                (void)(bytes[0] + bytes[tensor.nbytes() - 1]);
            }
        }
    });
    return 0;
}

// model.safetensors.index.json / pytorch_model.bin.index.json: the first byte
// picks which; the rest is the index, read next to two small shards.
#include "fuzz_support.h"
#include "model/checkpoint.h"
#include "model/safetensors.h"
#include "model/torch_bin.h"

#include <ATen/ATen.h>

namespace {

std::filesystem::path folder(bool bin)
{
    // Written once; the index is replaced for every input.
    static const std::filesystem::path safetensors = [] {
        auto dir = rrtf::fuzz::freshFolder("safetensors");
        rrtf::writeSafetensors(dir / "model-00001-of-00002.safetensors",
                               {{"a", at::arange(4, at::kFloat)}, {"b", at::ones({2, 2}, at::kHalf)}});
        rrtf::writeSafetensors(dir / "model-00002-of-00002.safetensors", {{"c", at::zeros({3}, at::kBFloat16)}});
        return dir;
    }();
    static const std::filesystem::path torchBin = [] {
        auto dir = rrtf::fuzz::freshFolder("bin");
        rrtf::writeTorchBin(dir / "pytorch_model-00001-of-00002.bin",
                            {{"a", at::arange(4, at::kFloat)}, {"b", at::ones({2, 2}, at::kHalf)}},
                            rrtf::PickledDict::PlainDict);
        rrtf::writeTorchBin(dir / "pytorch_model-00002-of-00002.bin", {{"c", at::zeros({3}, at::kBFloat16)}},
                            rrtf::PickledDict::PlainDict);
        return dir;
    }();
    return bin ? torchBin : safetensors;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const bool bin = data[0] & 1;
    const auto dir = folder(bin);
    const auto index = dir / (bin ? "pytorch_model.bin.index.json" : "model.safetensors.index.json");
    rrtf::fuzz::writeFile(std::filesystem::relative(index, rrtf::fuzz::scratch()).string(), data + 1, size - 1);
    rrtf::fuzz::expectCleanError(dir.string(), [&] {
        const rrtf::StateDict tensors = rrtf::readCheckpoint(dir);
        for (const auto& [name, tensor] : tensors)
            (void)tensor.sum().item<double>();
    });
    rrtf::fuzz::expectCleanError(index.string(), [&] { rrtf::findCheckpointFiles(index); });
    return 0;
}

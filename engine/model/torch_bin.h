// pytorch_model.bin: the zip archive torch.save writes (PyTorch >= 1.6,
// formats.md §6), read through LibTorch's PyTorchStreamReader and a restricted
// unpickler of our own, and written as torch.save(state_dict) writes it.
#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace rrtf {

// The tensors of a saved state dict, in the file's order, on the CPU in their
// stored dtype. Tensors that shared a storage when saved (a tied lm_head)
// share memory again. Accepts a dict or OrderedDict of str -> tensor, or one
// wrapped under "state_dict" or "model". Throws FormatError naming the file
// (and the key or record at fault); pickled code is never run.
std::vector<std::pair<std::string, at::Tensor>> readTorchBin(const std::filesystem::path& path);

enum class PickledDict {
    OrderedDict,  // torch.save(model.state_dict())
    PlainDict,    // the shard dicts of transformers' save_pretrained
};

// Writes what torch.save(state_dict) writes: a zip of STORED, 64-byte aligned
// records in folder "archive/" (data.pkl in pickle protocol 2, data/<key> per
// storage, version). Tensors that share a storage share one record; views keep
// their offset and strides. Tensors on another device are copied to the CPU.
// InvalidArgument for duplicate names or unsupported tensors; Error on I/O failure.
void writeTorchBin(const std::filesystem::path& path, const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                   PickledDict kind = PickledDict::OrderedDict);

}  // namespace rrtf

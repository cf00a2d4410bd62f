// Hugging Face model directories: finding, reading and writing their weights
// (formats.md §1.6) in safetensors or pytorch_model.bin form, whole or sharded.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rrtf {

using StateDict = std::map<std::string, at::Tensor>;

enum class CheckpointFormat { Safetensors, TorchBin };

// The weight files readCheckpoint would read.
struct CheckpointFiles {
    CheckpointFormat format = CheckpointFormat::Safetensors;
    std::filesystem::path index;               // the *.index.json of a sharded checkpoint; empty otherwise
    std::vector<std::filesystem::path> files;  // the single file, or every shard (sorted, each present)
};

// Looks in `modelDir` for, in this order, model.safetensors,
// model.safetensors.index.json, pytorch_model.bin, pytorch_model.bin.index.json
// (safetensors first, as transformers does). `modelDir` may also name one
// weights file (*.safetensors, *.bin) or an index (*.index.json) directly.
// FormatError listing what was looked for, or naming a missing shard.
CheckpointFiles findCheckpointFiles(const std::filesystem::path& modelDir);

// Reads every tensor of a model directory (or a single weights file). Tensors
// keep their stored dtype; safetensors tensors are read-only zero-copy views
// over a memory map that their storage keeps alive; .bin tensors that shared a
// storage share memory. FormatError naming the file, shard and tensor at fault.
StateDict readCheckpoint(const std::filesystem::path& modelDir);

struct WriteOptions {
    CheckpointFormat format = CheckpointFormat::Safetensors;  // Safetensors
    uint64_t maxShardBytes = 0;  // 0: one file; else shards of at most this many bytes (a larger tensor gets its own)
};

// Writes `tensors` the way transformers' save_pretrained lays them out: one
// model.safetensors / pytorch_model.bin, or model-0000k-of-0000n.safetensors /
// pytorch_model-0000k-of-0000n.bin shards plus the index json when more than
// one shard is needed. .bin files hold plain dicts, as save_pretrained writes.
// Creates `modelDir` if needed. Once the new files are in place, earlier
// weight files that readCheckpoint could pick up instead are removed: those of
// the same format, and safetensors ones when writing .bin (they would shadow
// it). Other files are left alone. InvalidArgument for unsupported tensors.
void writeCheckpoint(const std::filesystem::path& modelDir, const StateDict& tensors, const WriteOptions& options = {});

}  // namespace rrtf

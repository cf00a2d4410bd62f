#include "model/checkpoint.h"

#include "model/mapped_file.h"
#include "model/safetensors.h"
#include "model/torch_bin.h"
#include "runtime/error.h"
#include "runtime/json_file.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace rrtf {
namespace {

struct Layout {
    CheckpointFormat format;
    const char* single;  // model.safetensors
    const char* index;   // model.safetensors.index.json
    const char* prefix;  // model-00001-of-00002.safetensors
    const char* suffix;
};

constexpr Layout kSafetensors{CheckpointFormat::Safetensors, "model.safetensors", "model.safetensors.index.json",
                              "model-", ".safetensors"};
constexpr Layout kTorchBin{CheckpointFormat::TorchBin, "pytorch_model.bin", "pytorch_model.bin.index.json",
                           "pytorch_model-", ".bin"};

const Layout& layoutOf(CheckpointFormat format)
{
    return format == CheckpointFormat::Safetensors ? kSafetensors : kTorchBin;
}

std::string shardName(const Layout& layout, size_t number, size_t count)
{
    char digits[32];
    std::snprintf(digits, sizeof digits, "%05zu-of-%05zu", number, count);
    return layout.prefix + std::string(digits) + layout.suffix;
}

bool isShardName(const Layout& layout, const std::string& name)
{
    const std::string prefix = layout.prefix, suffix = layout.suffix;
    if (name.size() != prefix.size() + 14 + suffix.size() || name.compare(0, prefix.size(), prefix) != 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    const std::string middle = name.substr(prefix.size(), 14);  // 00001-of-00002
    for (size_t i = 0; i < middle.size(); ++i)
        if (i >= 5 && i < 9 ? middle[i] != "-of-"[i - 5] : !std::isdigit(static_cast<unsigned char>(middle[i])))
            return false;
    return true;
}

// weight_map of an index json: tensor name -> shard file name (no folders).
std::map<std::string, std::string> readIndex(const fs::path& index)
{
    const std::string where = index.string();
    std::ifstream stream(index, std::ios::binary);
    if (!stream)
        throw FormatError(where + ": cannot open the index");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(stream, jsonDepthLimit(where));
    } catch (const nlohmann::json::exception& error) {
        throw FormatError(where + ": index is not valid JSON: " + error.what());
    }
    if (!json.is_object() || !json.contains("weight_map") || !json["weight_map"].is_object())
        throw FormatError(where + ": index has no \"weight_map\" object");
    std::map<std::string, std::string> map;
    for (const auto& [name, shard] : json["weight_map"].items()) {
        if (!shard.is_string())
            throw FormatError(where + ": weight_map entry \"" + name + "\" is not a file name: " + jsonExcerpt(shard));
        const std::string file = shard.get<std::string>();
        if (file.empty() || file == "." || file == ".." || file.find_first_of("/\\") != std::string::npos)
            throw FormatError(where + ": weight_map entry \"" + name + "\" names \"" + file +
                              "\", which is not a file in the model folder");
        map.emplace(name, file);
    }
    if (map.empty())
        throw FormatError(where + ": weight_map is empty");
    return map;
}

CheckpointFiles shardedFiles(const fs::path& index, CheckpointFormat format)
{
    CheckpointFiles files{format, index, {}};
    std::set<std::string> shards;
    for (const auto& [name, shard] : readIndex(index))
        if (shards.insert(shard).second && !fs::is_regular_file(index.parent_path() / shard))
            throw FormatError(index.string() + ": shard \"" + shard + "\" (holding \"" + name + "\") is missing");
    for (const auto& shard : shards)
        files.files.push_back(index.parent_path() / shard);
    return files;
}

void addTensor(StateDict& result, const std::string& name, at::Tensor tensor, const fs::path& file)
{
    if (!result.emplace(name, std::move(tensor)).second)
        throw FormatError(file.string() + ": tensor \"" + name + "\" appears twice in the checkpoint");
}

// Reads `wanted` tensors from one file (all of them when `wanted` is null).
void readFile(StateDict& result, const fs::path& file, CheckpointFormat format, const std::set<std::string>* wanted)
{
    std::set<std::string> found;
    if (format == CheckpointFormat::Safetensors) {
        const auto safetensors = SafetensorsFile::open(file);
        for (const auto& entry : safetensors->entries())
            if (!wanted || wanted->count(entry.name))
                addTensor(result, entry.name, safetensors->tensor(entry.name), file), found.insert(entry.name);
    } else {
        for (auto& [name, tensor] : readTorchBin(file))
            if (!wanted || wanted->count(name))
                addTensor(result, name, std::move(tensor), file), found.insert(name);
    }
    if (wanted)
        for (const auto& name : *wanted)
            if (!found.count(name))
                throw FormatError(file.string() + ": tensor \"" + name + "\", which the index places here, is missing");
}

}  // namespace

CheckpointFiles findCheckpointFiles(const fs::path& modelDir)
{
    if (fs::is_regular_file(modelDir)) {
        const std::string name = modelDir.filename().string();
        const std::string indexSuffix = ".index.json";
        const bool isIndex = name.size() > indexSuffix.size() &&
                             name.compare(name.size() - indexSuffix.size(), indexSuffix.size(), indexSuffix) == 0;
        const auto extension = fs::path(isIndex ? name.substr(0, name.size() - indexSuffix.size()) : name).extension();
        if (extension != ".safetensors" && extension != ".bin")
            throw FormatError(modelDir.string() + ": not a .safetensors, .bin or .index.json weights file");
        const auto format = extension == ".bin" ? CheckpointFormat::TorchBin : CheckpointFormat::Safetensors;
        return isIndex ? shardedFiles(modelDir, format) : CheckpointFiles{format, {}, {modelDir}};
    }
    if (!fs::is_directory(modelDir))
        throw FormatError(modelDir.string() + ": no such model folder");
    for (const Layout* layout : {&kSafetensors, &kTorchBin}) {
        if (fs::is_regular_file(modelDir / layout->single))
            return CheckpointFiles{layout->format, {}, {modelDir / layout->single}};
        if (fs::is_regular_file(modelDir / layout->index))
            return shardedFiles(modelDir / layout->index, layout->format);
    }
    throw FormatError(modelDir.string() + ": no weights found; looked for model.safetensors, "
                                          "model.safetensors.index.json, pytorch_model.bin and "
                                          "pytorch_model.bin.index.json");
}

StateDict readCheckpoint(const fs::path& modelDir)
{
    const CheckpointFiles files = findCheckpointFiles(modelDir);
    StateDict result;
    if (files.index.empty()) {
        readFile(result, files.files.front(), files.format, nullptr);
        return result;
    }
    std::map<std::string, std::set<std::string>> byShard;
    for (const auto& [name, shard] : readIndex(files.index))
        byShard[shard].insert(name);
    for (const auto& [shard, names] : byShard)
        readFile(result, files.index.parent_path() / shard, files.format, &names);
    return result;
}

void writeCheckpoint(const fs::path& modelDir, const StateDict& tensors, const WriteOptions& options)
{
    const Layout& layout = layoutOf(options.format);
    std::vector<std::vector<std::pair<std::string, at::Tensor>>> shards(1);
    uint64_t shardBytes = 0, totalBytes = 0;
    for (const auto& [name, tensor] : tensors) {
        if (!tensor.defined())
            throw InvalidArgument(modelDir.string() + ": tensor \"" + name + "\" is undefined");
        const uint64_t bytes = tensor.nbytes();
        if (options.maxShardBytes > 0 && !shards.back().empty() && shardBytes + bytes > options.maxShardBytes)
            shards.emplace_back(), shardBytes = 0;
        shards.back().emplace_back(name, tensor);
        shardBytes += bytes, totalBytes += bytes;
    }

    std::error_code error;
    fs::create_directories(modelDir, error);
    if (error)
        throw Error(modelDir.string() + ": cannot create the model folder: " + error.message());
    std::set<std::string> written;
    nlohmann::json weightMap = nlohmann::json::object();
    for (size_t i = 0; i < shards.size(); ++i) {
        const std::string name = shards.size() == 1 ? layout.single : shardName(layout, i + 1, shards.size());
        if (options.format == CheckpointFormat::Safetensors)
            writeSafetensors(modelDir / name, shards[i]);
        else
            writeTorchBin(modelDir / name, shards[i], PickledDict::PlainDict);
        written.insert(name);
        for (const auto& entry : shards[i])
            weightMap[entry.first] = name;
    }
    if (shards.size() > 1) {
        const nlohmann::json index = {{"metadata", {{"total_size", totalBytes}}}, {"weight_map", weightMap}};
        std::string text;
        try {
            text = index.dump(2) + "\n";  // transformers' layout: indent 2, keys sorted
        } catch (const nlohmann::json::exception& failure) {  // a name that is not UTF-8
            throw InvalidArgument(modelDir.string() + ": cannot write the index: " + failure.what());
        }
        AtomicOutputFile out(modelDir / layout.index);
        out.write(text.data(), text.size());
        out.commit();
        written.insert(layout.index);
    }

    // Earlier weight files that findCheckpointFiles could pick up instead go
    // last: a write that fails part-way leaves them where they were.
    std::vector<const Layout*> stale = {&layout};
    if (options.format == CheckpointFormat::TorchBin)
        stale.push_back(&kSafetensors);
    for (const auto& entry : fs::directory_iterator(modelDir, error)) {
        const std::string name = entry.path().filename().string();
        for (const Layout* old : stale)
            if (!written.count(name) && (name == old->single || name == old->index || isShardName(*old, name)))
                fs::remove(entry.path(), error);
    }
}

}  // namespace rrtf

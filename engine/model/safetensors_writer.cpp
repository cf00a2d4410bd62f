// safetensors writer: the reference layout (formats.md §3) so that files load
// in Python's safetensors and in our own strict reader.
#include "model/safetensors.h"

#include "model/mapped_file.h"
#include "runtime/error.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <bit>
#include <set>

namespace rrtf {

static_assert(std::endian::native == std::endian::little, "checkpoint files are little-endian");

std::string safetensorsDtype(at::ScalarType type)
{
    switch (type) {
    case at::kBool: return "BOOL";
    case at::kByte: return "U8";
    case at::kChar: return "I8";
    case at::kShort: return "I16";
    case at::kInt: return "I32";
    case at::kLong: return "I64";
    case at::kHalf: return "F16";
    case at::kBFloat16: return "BF16";
    case at::kFloat: return "F32";
    case at::kDouble: return "F64";
    default: throw InvalidArgument(std::string("safetensors cannot store dtype ") + at::toString(type));
    }
}

namespace {

// Declaration order of safetensors' Dtype enum (BOOL U8 I8 F8_E5M2 F8_E4M3 I16 U16 F16 BF16 I32 U32 F32 F64 I64 U64).
int dtypeRank(at::ScalarType type)
{
    static const std::vector<std::string> order = {"BOOL", "U8",  "I8",  "F8_E5M2", "F8_E4M3", "I16", "U16", "F16",
                                                   "BF16", "I32", "U32", "F32",     "F64",     "I64", "U64"};
    return static_cast<int>(std::find(order.begin(), order.end(), safetensorsDtype(type)) - order.begin());
}

}  // namespace

void writeSafetensors(const std::filesystem::path& path, const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                      const std::map<std::string, std::string>& metadata)
{
    struct Item {
        std::string name;
        at::Tensor data;  // contiguous, on the CPU
    };
    std::vector<Item> items;
    std::set<std::string> names;
    for (const auto& [name, tensor] : tensors) {
        if (name == "__metadata__" || !names.insert(name).second)
            throw InvalidArgument(path.string() + ": cannot write tensor name \"" + name + "\" twice or as a key");
        if (!tensor.defined() || tensor.layout() != at::kStrided)
            throw InvalidArgument(path.string() + ": tensor \"" + name + "\" is undefined or not a dense tensor");
        safetensorsDtype(tensor.scalar_type());  // refuse early, before any byte is written
        items.push_back({name, tensor.to(at::kCPU).contiguous()});
    }
    // The reference order: dtype by its rank in safetensors' Dtype enum, highest
    // first (larger elements first, so every tensor stays aligned), then name.
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        const int rankA = dtypeRank(a.data.scalar_type()), rankB = dtypeRank(b.data.scalar_type());
        return rankA != rankB ? rankA > rankB : a.name < b.name;
    });

    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    if (!metadata.empty())
        header["__metadata__"] = metadata;
    uint64_t offset = 0;
    for (const Item& item : items) {
        const uint64_t bytes = item.data.nbytes();
        header[item.name] = {{"dtype", safetensorsDtype(item.data.scalar_type())},
                             {"shape", item.data.sizes().vec()},
                             {"data_offsets", {offset, offset + bytes}}};
        offset += bytes;
    }
    std::string text;
    try {
        text = header.dump();
    } catch (const nlohmann::json::exception& error) {  // a name that is not UTF-8
        throw InvalidArgument(path.string() + ": cannot write the header: " + error.what());
    }
    text.append((8 - text.size() % 8) % 8, ' ');

    AtomicOutputFile out(path);
    uint8_t length[8];
    for (int i = 0; i < 8; ++i)
        length[i] = static_cast<uint8_t>(static_cast<uint64_t>(text.size()) >> (8 * i));
    out.write(length, sizeof length);
    out.write(text.data(), text.size());
    for (const Item& item : items)
        out.write(item.data.data_ptr(), item.data.nbytes());
    out.commit();
}

}  // namespace rrtf

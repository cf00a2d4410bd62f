// pytorch_model.bin writer: the pickle opcodes and memo numbering of Python's
// pickler (protocol 2) running torch.save, and LibTorch's own zip writer.
#include "model/torch_bin.h"

#include "model/mapped_file.h"
#include "runtime/error.h"

#include <ATen/ATen.h>
#include <caffe2/serialize/inline_container.h>

#include <algorithm>
#include <bit>
#include <exception>
#include <map>
#include <set>

namespace rrtf {
namespace {

static_assert(std::endian::native == std::endian::little, "checkpoint files are little-endian");

const char* storageClass(at::ScalarType type)
{
    switch (type) {
    case at::kFloat: return "FloatStorage";
    case at::kHalf: return "HalfStorage";
    case at::kBFloat16: return "BFloat16Storage";
    case at::kDouble: return "DoubleStorage";
    case at::kLong: return "LongStorage";
    case at::kInt: return "IntStorage";
    case at::kShort: return "ShortStorage";
    case at::kChar: return "CharStorage";
    case at::kByte: return "ByteStorage";
    case at::kBool: return "BoolStorage";
    default: return nullptr;
    }
}

// Emits opcodes and numbers memo entries exactly as pickle.Pickler does.
class Pickler {
public:
    std::string bytes;

    void op(uint8_t code) { bytes.push_back(static_cast<char>(code)); }

    void little(uint64_t value, int count)
    {
        for (int i = 0; i < count; ++i)
            bytes.push_back(static_cast<char>(value >> (8 * i)));
    }

    void memoize()
    {
        if (m_next < 256)
            op('q'), little(m_next, 1);  // BINPUT
        else
            op('r'), little(m_next, 4);  // LONG_BINPUT
        ++m_next;
    }

    void get(uint32_t index)
    {
        if (index < 256)
            op('h'), little(index, 1);  // BINGET
        else
            op('j'), little(index, 4);  // LONG_BINGET
    }

    // A string object; `shared` names one Python object pickled more than once.
    void string(const std::string& text, const std::string& shared = {})
    {
        if (!shared.empty()) {
            if (auto found = m_shared.find(shared); found != m_shared.end())
                return get(found->second);
            m_shared.emplace(shared, m_next);
        }
        op('X'), little(text.size(), 4);  // BINUNICODE
        bytes += text;
        memoize();
    }

    void global(const std::string& module, const std::string& name)
    {
        const std::string key = "global:" + module + "." + name;
        if (auto found = m_shared.find(key); found != m_shared.end())
            return get(found->second);
        m_shared.emplace(key, m_next);
        op('c');
        bytes += module + "\n" + name + "\n";
        memoize();
    }

    void integer(int64_t value)
    {
        if (value >= 0 && value < 256) {
            op('K'), little(value, 1);
        } else if (value >= 0 && value <= 0xFFFF) {
            op('M'), little(value, 2);
        } else if (value >= INT32_MIN && value <= INT32_MAX) {
            op('J'), little(static_cast<uint32_t>(value), 4);
        } else {  // LONG1: the shortest two's complement
            int count = 8;
            auto byte = [&](int i) { return static_cast<uint8_t>(static_cast<uint64_t>(value) >> (8 * i)); };
            while (count > 1 && ((byte(count - 1) == 0x00 && !(byte(count - 2) & 0x80)) ||
                                 (byte(count - 1) == 0xFF && (byte(count - 2) & 0x80))))
                --count;
            op(0x8a), op(static_cast<uint8_t>(count)), little(static_cast<uint64_t>(value), count);
        }
    }

    void intTuple(at::IntArrayRef values)
    {
        if (values.empty())
            return op(')');  // EMPTY_TUPLE, never memoized
        if (values.size() > 3)
            op('(');
        for (int64_t value : values)
            integer(value);
        op(values.size() > 3 ? 't' : static_cast<uint8_t>(0x84 + values.size()));  // TUPLE or TUPLE1..3
        memoize();
    }

    void emptyOrderedDict()
    {
        global("collections", "OrderedDict");
        op(')'), op('R');  // OrderedDict() via REDUCE
        memoize();
    }

private:
    uint32_t m_next = 0;
    std::map<std::string, uint32_t> m_shared;
};

struct StorageRecord {
    std::string key;
    at::Tensor flat;  // the whole storage as a 1-D CPU tensor
};

}  // namespace

void writeTorchBin(const std::filesystem::path& path, const std::vector<std::pair<std::string, at::Tensor>>& tensors,
                   PickledDict kind)
{
    const std::string file = path.string();
    std::set<std::string> names;
    std::map<const void*, StorageRecord> storages;  // by StorageImpl: tied tensors share one record
    Pickler pickle;
    pickle.op(0x80), pickle.op(2);  // PROTO 2
    if (kind == PickledDict::OrderedDict)
        pickle.emptyOrderedDict();
    else
        pickle.op('}'), pickle.memoize();  // EMPTY_DICT
    for (size_t i = 0; i < tensors.size(); ++i) {
        const auto& [name, tensor] = tensors[i];
        if (!names.insert(name).second)
            throw InvalidArgument(file + ": cannot write tensor name \"" + name + "\" twice");
        if (!tensor.defined() || tensor.layout() != at::kStrided || tensor.is_quantized() || tensor.is_meta() ||
            !storageClass(tensor.scalar_type()))
            throw InvalidArgument(file + ": cannot write tensor \"" + name + "\": not a dense tensor of a supported dtype");
        const c10::Storage& storage = tensor.storage();
        const auto itemSize = static_cast<int64_t>(tensor.element_size());
        const auto numel = static_cast<int64_t>(storage.nbytes()) / itemSize;
        auto [entry, fresh] = storages.try_emplace(storage.unsafeGetStorageImpl());
        if (fresh) {
            entry->second.key = std::to_string(storages.size() - 1);
            entry->second.flat = at::empty({0}, tensor.options()).set_(storage, 0, {numel}, {1}).cpu();
        } else if (entry->second.flat.scalar_type() != tensor.scalar_type()) {
            throw InvalidArgument(file + ": tensor \"" + name + "\" views a storage shared with another dtype");
        }
        if (static_cast<int64_t>(storage.nbytes()) % itemSize != 0)
            throw InvalidArgument(file + ": tensor \"" + name + "\" has a storage of partial elements");

        // Python's pickler adds dict items in batches of 1000: MARK ... SETITEMS, or SETITEM for one.
        const size_t batch = std::min<size_t>(1000, tensors.size() - i / 1000 * 1000);
        if (i % 1000 == 0 && batch > 1)
            pickle.op('(');
        pickle.string(name);
        pickle.global("torch._utils", "_rebuild_tensor_v2");
        pickle.op('(');
        pickle.op('(');  // persistent id ("storage", torch.<T>Storage, key, "cpu", numel)
        pickle.string("storage", "storage");
        pickle.global("torch", storageClass(tensor.scalar_type()));
        pickle.string(entry->second.key, "key:" + entry->second.key);
        pickle.string("cpu", "cpu");
        pickle.integer(numel);
        pickle.op('t'), pickle.memoize();
        pickle.op('Q');  // BINPERSID
        pickle.integer(tensor.storage_offset());
        pickle.intTuple(tensor.sizes());
        pickle.intTuple(tensor.strides());
        pickle.op(tensor.requires_grad() ? 0x88 : 0x89);
        pickle.emptyOrderedDict();  // backward_hooks
        pickle.op('t'), pickle.memoize();
        pickle.op('R'), pickle.memoize();
        if (i % 1000 == batch - 1)
            pickle.op(batch > 1 ? 'u' : 's');
    }
    pickle.op('.');  // STOP

    AtomicOutputFile out(path);
    std::exception_ptr failure;  // kept, not thrown: the zip writer's C code must not unwind
    auto sink = [&](const void* data, size_t size) -> size_t {
        try {
            if (!failure && data)
                out.write(data, size);
            else if (!failure)
                out.write(std::string(size, '\0').data(), size);
        } catch (...) {
            failure = std::current_exception();
        }
        return size;
    };
    try {
        caffe2::serialize::PyTorchStreamWriter writer(sink);
        writer.writeRecord("data.pkl", pickle.bytes.data(), pickle.bytes.size());
        std::map<std::string, const at::Tensor*> byKey;  // torch.save writes sorted(keys)
        for (const auto& [impl, record] : storages)
            byKey.emplace(record.key, &record.flat);
        for (const auto& [key, flat] : byKey)
            writer.writeRecord("data/" + key, flat->data_ptr(), flat->nbytes());
        writer.writeEndOfFile();
    } catch (const c10::Error& error) {
        std::string message = error.what_without_backtrace();
        throw Error(file + ": cannot write the archive: " + message.substr(0, message.find('\n')));
    }
    if (failure)
        std::rethrow_exception(failure);
    out.commit();
}

}  // namespace rrtf

// pytorch_model.bin reader: our own checks of the zip directory, LibTorch's
// PyTorchStreamReader for the records, the restricted unpickler for data.pkl.
#include "model/torch_bin.h"

#include "model/mapped_file.h"
#include "model/pickle.h"
#include "model/torch_bin_zip.h"
#include "runtime/error.h"

#include <ATen/ATen.h>
#include <caffe2/serialize/inline_container.h>
#include <caffe2/serialize/read_adapter_interface.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace rrtf {
namespace {

using Kind = PickleValue::Kind;

constexpr uint64_t kMaxPickleBytes = uint64_t(256) << 20;  // a 1000-tensor state dict pickles to ~200 KB
// The LONG1 magic number that opens a pre-1.6 (non-zip) torch.save stream.
constexpr uint8_t kLegacyMagic[] = {0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};

// Lets PyTorchStreamReader read exactly the bytes ZipDirectory checked.
class MappedAdapter final : public caffe2::serialize::ReadAdapterInterface {
public:
    explicit MappedAdapter(std::shared_ptr<MappedFile> file) : m_file(std::move(file)) {}
    size_t size() const override { return m_file->size(); }
    size_t read(uint64_t pos, void* buf, size_t n, const char*) const override
    {
        if (pos >= m_file->size())
            return 0;
        n = static_cast<size_t>(std::min<uint64_t>(n, m_file->size() - pos));
        std::memcpy(buf, m_file->data() + pos, n);
        return n;
    }

private:
    std::shared_ptr<MappedFile> m_file;
};

class BinReader {
public:
    explicit BinReader(const std::filesystem::path& path) : m_file(path.string())
    {
        m_mapped = MappedFile::open(path);
        const uint8_t* data = m_mapped->data();
        const uint64_t size = m_mapped->size();
        if (size < 4 || std::memcmp(data, "PK\x03\x04", 4) != 0) {
            const uint64_t head = std::min<uint64_t>(size, 64);
            if (std::search(data, data + head, std::begin(kLegacyMagic), std::end(kLegacyMagic)) != data + head)
                fail("written by torch.save before PyTorch 1.6 (legacy format); re-save it with a newer torch "
                     "or convert it to safetensors");
            fail("not a torch.save zip archive");
        }
        m_directory = ZipDirectory::read(data, size, m_file);
        // LibTorch's reader asserts it with its own words (and leaks its zip state): said here first.
        if (!m_directory.find("version") && !m_directory.find(".data/version"))
            fail("record version is missing: not an archive torch.save wrote");
        guarded("opening the archive", [&] {
            m_reader = std::make_unique<caffe2::serialize::PyTorchStreamReader>(
                std::make_shared<MappedAdapter>(m_mapped));
        });
    }

    std::vector<std::pair<std::string, at::Tensor>> read()
    {
        if (const ZipRecord* order = m_directory.find("byteorder")) {  // written by torch >= 2.1
            auto [bytes, size] = order->size <= 16 ? record("byteorder") : std::tuple<at::DataPtr, size_t>();
            if (std::string(static_cast<const char*>(bytes.get()), size) != "little")
                fail("record byteorder does not say \"little\"; only little-endian data is supported");
        }
        const ZipRecord* pickle = m_directory.find("data.pkl");
        if (!pickle)
            fail("record data.pkl is missing");
        if (pickle->size > kMaxPickleBytes)
            fail("data.pkl of " + std::to_string(pickle->size) + " bytes is too large for a state dict");
        auto [bytes, size] = record("data.pkl");
        PickleValuePtr root = unpickle(static_cast<const uint8_t*>(bytes.get()), size, m_file,
                                       [this](const PickleValue& id) { return loadStorage(id); });
        return stateDict(*root);
    }

private:
    [[noreturn]] void fail(const std::string& why) const { throw FormatError(m_file + ": " + why); }

    // LibTorch reports archive trouble as c10::Error, with a backtrace.
    template <class Function>
    void guarded(const char* what, Function&& function)
    {
        try {
            function();
        } catch (const Error&) {
            throw;
        } catch (const c10::Error& error) {
            std::string message = error.what_without_backtrace();
            fail(std::string(what) + ": " + message.substr(0, message.find('\n')));
        } catch (const std::exception& error) {
            fail(std::string(what) + ": " + error.what());
        }
    }

    std::tuple<at::DataPtr, size_t> record(const std::string& name)
    {
        std::tuple<at::DataPtr, size_t> result;
        guarded(("reading record " + name).c_str(), [&] { result = m_reader->getRecord(name); });
        return result;
    }

    // The persistent id torch writes for a storage:
    // ("storage", torch.<Type>Storage, "<key>", "<location>", numel).
    PickleValuePtr loadStorage(const PickleValue& id)
    {
        const auto& items = id.items;
        if (id.kind != Kind::Tuple || items.size() != 5 || items[0]->kind != Kind::String ||
            items[0]->text != "storage" || items[1]->kind != Kind::Global || items[2]->kind != Kind::String ||
            items[4]->kind != Kind::Int || items[4]->integer < 0)
            fail("data.pkl holds a persistent id that is not a torch storage");
        if (items[1]->global != PickleGlobal::StorageType)
            fail("data.pkl uses " + items[1]->text + " as a storage type");
        const std::string& key = items[2]->text;
        const at::ScalarType dtype = items[1]->dtype;
        const auto numel = static_cast<uint64_t>(items[4]->integer);
        if (auto cached = m_storages.find(key); cached != m_storages.end()) {
            if (cached->second->dtype != dtype || static_cast<uint64_t>(cached->second->tensor.numel()) != numel)
                fail("storage data/" + key + " is used with two different types or sizes");
            return cached->second;
        }
        const std::string name = "data/" + key;
        const ZipRecord* found = m_directory.find(name);
        if (!found)
            fail("record " + name + " is missing");
        uint64_t bytes = 0;
        if (__builtin_mul_overflow(numel, static_cast<uint64_t>(at::elementSize(dtype)), &bytes) ||
            found->size != bytes)
            fail("record " + name + " holds " + std::to_string(found->size) + " bytes, but its storage of " +
                 std::to_string(numel) + " " + at::toString(dtype) + " elements needs " + std::to_string(bytes));

        auto storage = std::make_shared<PickleValue>();
        storage->kind = Kind::Storage;
        storage->dtype = dtype;
        storage->text = key;
        const auto options = at::TensorOptions().dtype(dtype);
        if (numel == 0) {
            storage->tensor = at::empty({0}, options);
        } else {
            auto holder = std::make_shared<at::DataPtr>(std::move(std::get<0>(record(name))));
            storage->tensor = at::from_blob(
                holder->get(), {static_cast<int64_t>(numel)}, [holder](void*) mutable { holder.reset(); }, options);
        }
        m_storages.emplace(key, storage);
        return storage;
    }

    static bool onlyTensors(const PickleValue& dict)
    {
        for (size_t i = 1; i < dict.items.size(); i += 2)
            if (dict.items[i]->kind != Kind::Tensor)
                return false;
        return true;
    }

    const PickleValue* wrapped(const PickleValue& dict) const
    {
        for (const char* wrapper : {"state_dict", "model"})
            for (size_t i = 0; i < dict.items.size(); i += 2)
                if (dict.items[i]->kind == Kind::String && dict.items[i]->text == wrapper &&
                    dict.items[i + 1]->kind == Kind::Dict && onlyTensors(*dict.items[i + 1]))
                    return dict.items[i + 1].get();
        return nullptr;
    }

    std::vector<std::pair<std::string, at::Tensor>> stateDict(const PickleValue& root) const
    {
        if (root.kind != Kind::Dict)
            fail("data.pkl holds a " + std::string(pickleKindName(root.kind)) + ", not a state dict");
        const PickleValue* dict = &root;
        if (!onlyTensors(root))
            if (const PickleValue* inner = wrapped(root))
                dict = inner;
        std::vector<std::pair<std::string, at::Tensor>> tensors;
        std::set<std::string> names;
        for (size_t i = 0; i < dict->items.size(); i += 2) {
            const PickleValue& key = *dict->items[i];
            const PickleValue& value = *dict->items[i + 1];
            if (key.kind != Kind::String)
                fail("state dict key " + std::to_string(i / 2) + " is a " + pickleKindName(key.kind) + ", not a str");
            if (value.kind != Kind::Tensor)
                fail("entry \"" + key.text + "\" is a " + pickleKindName(value.kind) + ", not a tensor");
            if (!names.insert(key.text).second)
                fail("entry \"" + key.text + "\" appears twice");
            tensors.emplace_back(key.text, value.tensor);
        }
        return tensors;
    }

    std::string m_file;
    std::shared_ptr<MappedFile> m_mapped;
    ZipDirectory m_directory;
    std::unique_ptr<caffe2::serialize::PyTorchStreamReader> m_reader;
    std::map<std::string, PickleValuePtr> m_storages;
};

}  // namespace

std::vector<std::pair<std::string, at::Tensor>> readTorchBin(const std::filesystem::path& path)
{
    return BinReader(path).read();
}

}  // namespace rrtf

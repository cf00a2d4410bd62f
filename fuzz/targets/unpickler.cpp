// The restricted unpickler alone, on raw data.pkl bytes. Storages resolve as
// the .bin reader resolves them (checked id tuple, at most 4096 elements here).
#include "fuzz_support.h"
#include "model/pickle.h"

#include <ATen/ATen.h>

namespace {

const std::string kWhere = "fuzz/data.pkl";

rrtf::PickleValuePtr loadStorage(const rrtf::PickleValue& id)
{
    using Kind = rrtf::PickleValue::Kind;
    const auto& items = id.items;
    if (id.kind != Kind::Tuple || items.size() != 5 || items[0]->kind != Kind::String ||
        items[1]->kind != Kind::Global || items[1]->global != rrtf::PickleGlobal::StorageType ||
        items[2]->kind != Kind::String || items[4]->kind != Kind::Int || items[4]->integer < 0 ||
        items[4]->integer > 4096)
        throw rrtf::FormatError(kWhere + ": not a storage id");
    auto storage = std::make_shared<rrtf::PickleValue>();
    storage->kind = Kind::Storage;
    storage->dtype = items[1]->dtype;
    storage->text = items[2]->text;
    storage->tensor = at::zeros({items[4]->integer}, at::TensorOptions().dtype(items[1]->dtype));
    return storage;
}

void visit(const rrtf::PickleValue& value)
{
    if (value.kind == rrtf::PickleValue::Kind::Tensor)
        (void)value.tensor.sum().item<double>();
    for (const auto& item : value.items)
        visit(*item);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    rrtf::fuzz::expectCleanError(kWhere, [&] { visit(*rrtf::unpickle(data, size, kWhere, loadStorage)); });
    return 0;
}

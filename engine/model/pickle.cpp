// Restricted unpickler. Python's own unpickler imports whatever a pickle
// names; this one knows a handful of torch/collections globals and builds
// plain values, so a hostile checkpoint can only produce an error.
#include "model/pickle.h"

#include "model/pickle_unpickler.h"

namespace rrtf {
namespace detail {

// _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
PickleValuePtr Unpickler::rebuildTensor(const std::vector<PickleValuePtr>& args)
{
    if (args.size() != 6 && args.size() != 7)
        fail("_rebuild_tensor_v2 takes 6 or 7 arguments, got " + std::to_string(args.size()));
    const PickleValue& storage = *args[0];
    if (storage.kind != Kind::Storage)
        fail("_rebuild_tensor_v2 needs a storage, found a " + std::string(pickleKindName(storage.kind)));
    const int64_t offset = intArg(*args[1], "storage_offset");
    const auto sizes = intTuple(*args[2], "size");
    const auto strides = intTuple(*args[3], "stride");
    if (offset < 0 || sizes.size() != strides.size())
        fail("tensor has offset " + std::to_string(offset) + " and size/stride of different lengths");
    if (args[4]->kind != Kind::Bool)
        fail("requires_grad must be a bool");

    // Every element the view can reach must lie inside the storage.
    const auto available = static_cast<uint64_t>(storage.tensor.numel());
    const bool empty = std::find(sizes.begin(), sizes.end(), 0) != sizes.end();
    uint64_t last = static_cast<uint64_t>(offset);
    bool overflow = false;
    for (size_t i = 0; i < sizes.size() && !empty; ++i) {
        uint64_t reach = 0;
        overflow |= __builtin_mul_overflow(static_cast<uint64_t>(sizes[i] - 1), static_cast<uint64_t>(strides[i]),
                                           &reach);
        overflow |= __builtin_add_overflow(last, reach, &last);
    }
    if (overflow || (empty ? last > available : last >= available))
        fail("tensor at offset " + std::to_string(offset) + " with size " + c10::str(at::IntArrayRef(sizes)) +
             " and stride " + c10::str(at::IntArrayRef(strides)) + " reaches past storage \"" + storage.text +
             "\" of " + std::to_string(available) + " elements");

    auto tensor = make(Kind::Tensor);
    tensor->dtype = storage.dtype;
    tensor->tensor = storage.tensor.as_strided(sizes, strides, offset);
    return tensor;
}

void Unpickler::reduce()
{
    PickleValuePtr args = pop();
    PickleValuePtr callable = pop();
    if (args->kind != Kind::Tuple)
        fail("REDUCE arguments must be a tuple");
    if (callable->kind != Kind::Global)
        fail("REDUCE calls a " + std::string(pickleKindName(callable->kind)));
    switch (callable->global) {
    case PickleGlobal::OrderedDict: {
        if (!args->items.empty())
            fail("collections.OrderedDict called with arguments");
        auto dict = make(Kind::Dict);
        dict->ordered = true;
        push(std::move(dict));
        return;
    }
    case PickleGlobal::RebuildTensorV2:
        push(rebuildTensor(args->items));
        return;
    case PickleGlobal::RebuildParameter:  // (data, requires_grad, backward_hooks): the data is the tensor
        if (args->items.size() != 3 || args->items[0]->kind != Kind::Tensor)
            fail("_rebuild_parameter needs (tensor, requires_grad, backward_hooks)");
        push(args->items[0]);
        return;
    case PickleGlobal::RestoreTypeTag:  // (value, "Dict[str, Tensor]"): only a type annotation
        if (args->items.size() != 2 || args->items[1]->kind != Kind::String)
            fail("restore_type_tag needs (value, type name)");
        push(args->items[0]);
        return;
    case PickleGlobal::StorageType:
        break;
    }
    fail("refusing to call " + callable->text);
}

PickleValuePtr Unpickler::run()
{
    while (!m_result) {
        m_opcodeAt = m_pos;
        if (m_pos >= m_size)
            fail("data ends without a STOP opcode (truncated pickle)");
        step(m_data[m_pos++]);
    }
    return m_result;
}

}  // namespace detail

const char* pickleKindName(PickleValue::Kind kind)
{
    using Kind = PickleValue::Kind;
    switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::Tuple: return "tuple";
    case Kind::List: return "list";
    case Kind::Dict: return "dict";
    case Kind::Global: return "global";
    case Kind::Storage: return "storage";
    case Kind::Tensor: return "tensor";
    }
    return "value";
}

PickleValuePtr unpickle(const uint8_t* data, size_t size, const std::string& where, const PersistentLoader& load)
{
    return detail::Unpickler(data, size, where, load).run();
}

}  // namespace rrtf

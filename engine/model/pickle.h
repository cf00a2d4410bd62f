// A restricted unpickler for the data.pkl record of torch.save archives
// (formats.md §6). It knows the opcodes that state dicts use and a short
// allow-list of globals; it never imports or calls anything else, and every
// size (stack, memo, nesting, strings, object count) is bounded.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rrtf {

// The only Python callables a pickle may name.
enum class PickleGlobal {
    OrderedDict,      // collections.OrderedDict
    RebuildTensorV2,  // torch._utils._rebuild_tensor_v2
    RebuildParameter, // torch._utils._rebuild_parameter
    RestoreTypeTag,   // torch.jit._pickle.restore_type_tag: LibTorch's pickle_save tags typed dicts
    StorageType,      // torch.FloatStorage, torch.HalfStorage, ...
};

struct PickleValue;
using PickleValuePtr = std::shared_ptr<PickleValue>;

struct PickleValue {
    enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Storage, Tensor };
    Kind kind = Kind::None;
    bool boolean = false;
    int64_t integer = 0;
    double real = 0;
    std::string text;                    // String
    std::vector<PickleValuePtr> items;   // Tuple, List; Dict: key, value, key, value, ...
    bool ordered = false;                // Dict made by collections.OrderedDict
    PickleGlobal global{};               // Global
    at::ScalarType dtype = at::kFloat;   // Global (StorageType) and Storage
    at::Tensor tensor;                   // Storage: the whole storage, flat; Tensor
    int depth = 0;                       // nesting below this value
    bool sealed = false;                 // held by another value: no longer mutable
};

// The type name of a value, for error messages ("tuple", "tensor", ...).
const char* pickleKindName(PickleValue::Kind kind);

// Resolves a BINPERSID id (the tuple torch writes for a storage) to a Storage value.
using PersistentLoader = std::function<PickleValuePtr(const PickleValue& id)>;

// Unpickles `size` bytes and returns the object STOP leaves. `where` names the
// file in every FormatError; `load` is called once per persistent id.
PickleValuePtr unpickle(const uint8_t* data, size_t size, const std::string& where, const PersistentLoader& load);

}  // namespace rrtf

// The restricted unpickler's machine: its stack, marks, memo and limits.
// Internal to pickle.cpp (calls and globals) and pickle_opcodes.cpp (opcodes).
#pragma once

#include "model/pickle.h"
#include "runtime/error.h"
#include "runtime/printable.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <unordered_map>

namespace rrtf::detail {

using Kind = PickleValue::Kind;

inline constexpr size_t kMaxStack = size_t(1) << 20;
inline constexpr size_t kMaxMarks = 4096;
// Objects made, container slots filled and memo entries together; a state dict
// costs ~70 per tensor, so this allows ~60k tensors and caps memory near 500 MB.
inline constexpr size_t kMaxObjects = size_t(1) << 22;
inline constexpr int kMaxDepth = 100;
inline constexpr size_t kMaxDims = 64;

struct AllowedGlobal {
    const char* module;
    const char* name;
    PickleGlobal global;
    at::ScalarType dtype;
};

inline constexpr AllowedGlobal kAllowed[] = {
    {"collections", "OrderedDict", PickleGlobal::OrderedDict, at::kFloat},
    {"torch._utils", "_rebuild_tensor_v2", PickleGlobal::RebuildTensorV2, at::kFloat},
    {"torch._utils", "_rebuild_parameter", PickleGlobal::RebuildParameter, at::kFloat},
    {"torch.jit._pickle", "restore_type_tag", PickleGlobal::RestoreTypeTag, at::kFloat},
    {"torch", "FloatStorage", PickleGlobal::StorageType, at::kFloat},
    {"torch", "HalfStorage", PickleGlobal::StorageType, at::kHalf},
    {"torch", "BFloat16Storage", PickleGlobal::StorageType, at::kBFloat16},
    {"torch", "DoubleStorage", PickleGlobal::StorageType, at::kDouble},
    {"torch", "LongStorage", PickleGlobal::StorageType, at::kLong},
    {"torch", "IntStorage", PickleGlobal::StorageType, at::kInt},
    {"torch", "ShortStorage", PickleGlobal::StorageType, at::kShort},
    {"torch", "CharStorage", PickleGlobal::StorageType, at::kChar},
    {"torch", "ByteStorage", PickleGlobal::StorageType, at::kByte},
    {"torch", "BoolStorage", PickleGlobal::StorageType, at::kBool},
};

class Unpickler {
public:
    Unpickler(const uint8_t* data, size_t size, const std::string& where, const PersistentLoader& load)
        : m_data(data), m_size(size), m_where(where), m_load(load)
    {
    }

    PickleValuePtr run();

private:
    [[noreturn]] void fail(const std::string& why) const
    {
        throw FormatError(m_where + ": pickle byte " + std::to_string(m_opcodeAt) + ": " + why);
    }

    const uint8_t* take(uint64_t count)
    {
        if (m_size - m_pos < count)
            fail("data ends inside an opcode (truncated pickle)");
        const uint8_t* bytes = m_data + m_pos;
        m_pos += count;
        return bytes;
    }

    uint64_t readLittle(size_t count)
    {
        const uint8_t* bytes = take(count);
        uint64_t value = 0;
        for (size_t i = count; i-- > 0;)
            value = (value << 8) | bytes[i];
        return value;
    }

    std::string readLine()
    {
        const auto* begin = m_data + m_pos;
        const auto* end = static_cast<const uint8_t*>(std::memchr(begin, '\n', m_size - m_pos));
        if (!end)
            fail("GLOBAL name runs to the end of the data");
        m_pos += end - begin + 1;
        return std::string(begin, end);
    }

    void spend()
    {
        if (++m_spent > kMaxObjects)
            fail("more than " + std::to_string(kMaxObjects) + " objects, references and memo entries");
    }

    void memoize(uint64_t index)
    {
        auto& slot = m_memo[index];
        if (!slot)
            spend();
        slot = top();
    }

    PickleValuePtr make(Kind kind)
    {
        spend();
        auto value = std::make_shared<PickleValue>();
        value->kind = kind;
        return value;
    }

    PickleValuePtr makeInt(int64_t number)
    {
        auto value = make(Kind::Int);
        value->integer = number;
        return value;
    }

    PickleValuePtr makeString(uint64_t length)
    {
        const uint8_t* bytes = take(length);  // checked against the bytes left before any copy
        auto value = make(Kind::String);
        value->text.assign(reinterpret_cast<const char*>(bytes), length);
        return value;
    }

    size_t floor() const { return m_marks.empty() ? 0 : m_marks.back(); }

    void push(PickleValuePtr value)
    {
        if (m_stack.size() >= kMaxStack)
            fail("stack deeper than " + std::to_string(kMaxStack));
        m_stack.push_back(std::move(value));
    }

    PickleValuePtr pop()
    {
        if (m_stack.size() <= floor())
            fail("stack underflow");
        PickleValuePtr value = std::move(m_stack.back());
        m_stack.pop_back();
        return value;
    }

    const PickleValuePtr& top() const
    {
        if (m_stack.size() <= floor())
            fail("stack underflow");
        return m_stack.back();
    }

    std::vector<PickleValuePtr> popMark()
    {
        if (m_marks.empty())
            fail("no MARK to pop to");
        const size_t mark = m_marks.back();
        m_marks.pop_back();
        std::vector<PickleValuePtr> items(std::make_move_iterator(m_stack.begin() + mark),
                                          std::make_move_iterator(m_stack.end()));
        m_stack.resize(mark);
        return items;
    }

    // Children are complete when a container takes them (that is how Python
    // pickles), so sealing them rules out cycles and keeps `depth` exact.
    void adopt(PickleValue& parent, const PickleValuePtr& child)
    {
        if (child.get() == &parent)
            fail("a container holds itself");
        spend();
        child->sealed = true;
        parent.depth = std::max(parent.depth, child->depth + 1);
        if (parent.depth > kMaxDepth)
            fail("containers nested deeper than " + std::to_string(kMaxDepth));
    }

    PickleValuePtr makeTuple(std::vector<PickleValuePtr> items)
    {
        auto tuple = make(Kind::Tuple);
        for (const auto& item : items)
            adopt(*tuple, item);
        tuple->items = std::move(items);
        return tuple;
    }

    PickleValue& mutableTarget(Kind kind, const char* opcode)
    {
        const PickleValuePtr& target = top();
        if (target->kind != kind)
            fail(std::string(opcode) + " on a " + pickleKindName(target->kind));
        if (target->sealed)
            fail(std::string(opcode) + " changes a container after it was stored");
        return *target;
    }

    void addItems(Kind kind, const char* opcode, std::vector<PickleValuePtr> items)
    {
        if (kind == Kind::Dict && items.size() % 2 != 0)
            fail(std::string(opcode) + " with an odd number of items");
        PickleValue& target = mutableTarget(kind, opcode);
        for (auto& item : items) {
            adopt(target, item);
            target.items.push_back(std::move(item));
        }
    }

    void pushGlobal(const std::string& module, const std::string& name)
    {
        for (const AllowedGlobal& allowed : kAllowed) {
            if (module == allowed.module && name == allowed.name) {
                auto value = make(Kind::Global);
                value->global = allowed.global;
                value->dtype = allowed.dtype;
                value->text = module + "." + name;
                push(std::move(value));
                return;
            }
        }
        // The names are the file's bytes: a NUL or a newline in them must not cut the message.
        throw FormatError("refusing to load " + printable(module + "." + name, 200) + " from " + m_where +
                          ": pickled code is never run");
    }

    int64_t intArg(const PickleValue& value, const char* what) const
    {
        if (value.kind != Kind::Int)
            fail(std::string(what) + " must be an int, found a " + pickleKindName(value.kind));
        return value.integer;
    }

    std::vector<int64_t> intTuple(const PickleValue& value, const char* what) const
    {
        if (value.kind != Kind::Tuple || value.items.size() > kMaxDims)
            fail(std::string(what) + " must be a tuple of at most 64 ints");
        std::vector<int64_t> numbers;
        for (const auto& item : value.items) {
            numbers.push_back(intArg(*item, what));
            if (numbers.back() < 0)
                fail(std::string(what) + " holds the negative value " + std::to_string(numbers.back()));
        }
        return numbers;
    }

    PickleValuePtr rebuildTensor(const std::vector<PickleValuePtr>& args);
    void reduce();
    void step(uint8_t opcode);

    const uint8_t* m_data;
    uint64_t m_size;
    uint64_t m_pos = 0;
    uint64_t m_opcodeAt = 0;
    const std::string& m_where;
    const PersistentLoader& m_load;
    std::vector<PickleValuePtr> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, PickleValuePtr> m_memo;
    size_t m_spent = 0;
    PickleValuePtr m_result;
};

}  // namespace rrtf::detail

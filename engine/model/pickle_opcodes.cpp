// The opcodes of the restricted unpickler: what protocol 2 state dicts use,
// plus the protocol 4 framing and naming opcodes. Anything else is an error.
#include "model/pickle_unpickler.h"

#include <cstdio>

namespace rrtf::detail {

void Unpickler::step(uint8_t opcode)
{
    switch (opcode) {
    case 0x80:  // PROTO
        if (take(1)[0] > 5)
            fail("pickle protocol " + std::to_string(m_data[m_pos - 1]) + " is newer than 5");
        return;
    case 0x95:  // FRAME: only a buffering hint
        if (readLittle(8) > m_size - m_pos)
            fail("FRAME longer than the data");
        return;
    case '.':  // STOP
        m_result = pop();
        return;
    case '(':  // MARK
        if (m_marks.size() >= kMaxMarks)
            fail("more than " + std::to_string(kMaxMarks) + " nested MARKs");
        m_marks.push_back(m_stack.size());
        return;
    case '0':  // POP
        pop();
        return;
    case '1':  // POP_MARK
        popMark();
        return;
    case '2':  // DUP
        push(top());
        return;
    case 'N':  // NONE
        push(make(Kind::None));
        return;
    case 0x88:  // NEWTRUE
    case 0x89: {  // NEWFALSE
        auto value = make(Kind::Bool);
        value->boolean = opcode == 0x88;
        push(std::move(value));
        return;
    }
    case 'K':  // BININT1
        push(makeInt(static_cast<int64_t>(readLittle(1))));
        return;
    case 'M':  // BININT2
        push(makeInt(static_cast<int64_t>(readLittle(2))));
        return;
    case 'J':  // BININT: signed 32-bit
        push(makeInt(static_cast<int32_t>(static_cast<uint32_t>(readLittle(4)))));
        return;
    case 0x8a: {  // LONG1: little-endian two's complement of n bytes
        const uint64_t count = readLittle(1);
        if (count > 8)
            fail("integer of " + std::to_string(count) + " bytes does not fit 64 bits");
        uint64_t bits = readLittle(count);
        if (count > 0 && count < 8 && (bits >> (8 * count - 1)) & 1)
            bits |= ~uint64_t(0) << (8 * count);  // sign-extend
        push(makeInt(static_cast<int64_t>(bits)));
        return;
    }
    case 'G': {  // BINFLOAT: big-endian double
        uint64_t bits = 0;
        for (const uint8_t* bytes = take(8); bytes != m_data + m_pos; ++bytes)
            bits = (bits << 8) | *bytes;
        auto value = make(Kind::Float);
        std::memcpy(&value->real, &bits, sizeof bits);
        push(std::move(value));
        return;
    }
    case 0x8c:  // SHORT_BINUNICODE
    case 'U':   // SHORT_BINSTRING (Python 2)
        push(makeString(readLittle(1)));
        return;
    case 'X':  // BINUNICODE
    case 'T':  // BINSTRING (Python 2)
        push(makeString(readLittle(4)));
        return;
    case 0x8d:  // BINUNICODE8
        push(makeString(readLittle(8)));
        return;
    case '}':  // EMPTY_DICT
        push(make(Kind::Dict));
        return;
    case ']':  // EMPTY_LIST
        push(make(Kind::List));
        return;
    case ')':  // EMPTY_TUPLE
        push(makeTuple({}));
        return;
    case 0x85:  // TUPLE1
    case 0x86:  // TUPLE2
    case 0x87: {  // TUPLE3
        std::vector<PickleValuePtr> items(opcode - 0x84);
        for (auto item = items.rbegin(); item != items.rend(); ++item)
            *item = pop();
        push(makeTuple(std::move(items)));
        return;
    }
    case 't':  // TUPLE
        push(makeTuple(popMark()));
        return;
    case 'l': {  // LIST
        auto items = popMark();
        push(make(Kind::List));
        addItems(Kind::List, "LIST", std::move(items));
        return;
    }
    case 'd': {  // DICT
        auto items = popMark();
        push(make(Kind::Dict));
        addItems(Kind::Dict, "DICT", std::move(items));
        return;
    }
    case 'a': {  // APPEND
        PickleValuePtr item = pop();
        addItems(Kind::List, "APPEND", {std::move(item)});
        return;
    }
    case 'e':  // APPENDS
        addItems(Kind::List, "APPENDS", popMark());
        return;
    case 's': {  // SETITEM
        PickleValuePtr value = pop();
        PickleValuePtr key = pop();
        addItems(Kind::Dict, "SETITEM", {std::move(key), std::move(value)});
        return;
    }
    case 'u':  // SETITEMS
        addItems(Kind::Dict, "SETITEMS", popMark());
        return;
    case 'q':  // BINPUT
    case 'r':  // LONG_BINPUT
        memoize(readLittle(opcode == 'q' ? 1 : 4));
        return;
    case 0x94:  // MEMOIZE
        memoize(m_memo.size());
        return;
    case 'h':  // BINGET
    case 'j': {  // LONG_BINGET
        const uint64_t index = readLittle(opcode == 'h' ? 1 : 4);
        auto found = m_memo.find(index);
        if (found == m_memo.end())
            fail("memo entry " + std::to_string(index) + " was never stored");
        push(found->second);
        return;
    }
    case 'c': {  // GLOBAL "module\nname\n"
        const std::string module = readLine();
        const std::string name = readLine();
        pushGlobal(module, name);
        return;
    }
    case 0x93: {  // STACK_GLOBAL
        PickleValuePtr name = pop();
        PickleValuePtr module = pop();
        if (module->kind != Kind::String || name->kind != Kind::String)
            fail("STACK_GLOBAL needs two strings");
        pushGlobal(module->text, name->text);
        return;
    }
    case 'R':  // REDUCE
        reduce();
        return;
    case 'b': {  // BUILD
        PickleValuePtr state = pop();
        const PickleValuePtr& target = top();
        // A state_dict's OrderedDict carries `_metadata` (module versions): not needed.
        if (target->kind != Kind::Dict || !target->ordered)
            fail("BUILD on a " + std::string(pickleKindName(target->kind)));
        return;
    }
    case 'Q': {  // BINPERSID
        PickleValuePtr id = pop();
        PickleValuePtr storage = m_load(*id);
        if (!storage || storage->kind != Kind::Storage)
            fail("persistent id did not resolve to a storage");
        push(std::move(storage));
        return;
    }
    default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", opcode);
        std::string message = "unsupported pickle opcode ";
        message.append(hex);
        fail(message);
    }
    }
}

}  // namespace rrtf::detail

// Exercises a tokenizer that loaded: encoding and decoding text with ordinary
// words, digits, non-ASCII letters and special tokens, byte by byte too.
#pragma once

#include "fuzz_support.h"
#include "tokenizer/tokenizer.h"

#include <string_view>
#include <vector>

namespace rrtf::fuzz {

inline void exerciseTokenizer(const Tokenizer& tokenizer)
{
    static constexpr std::string_view kTexts[] = {
        "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)  # 12345\n",
        "<|endoftext|><fim_prefix>x = 1<fim_suffix>\n<fim_middle> \t\r\n  ",
        "ünïcödé 中文 русский 🙂 ١٢٣ \u00a0\u2028 ",
        "",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    };
    for (std::string_view text : kTexts) {
        for (bool special : {true, false}) {
            const std::vector<int> ids = tokenizer.encode(text, {special});
            for (bool skip : {false, true})
                (void)tokenizer.decode(ids, {skip, skip});
            StreamingDecoder stream(tokenizer);
            for (int id : ids)
                (void)stream.push(id);
            (void)stream.finish();
        }
    }
    const int size = tokenizer.vocabSize();
    std::vector<int> ids;
    for (int id = -1; id < size + 1 && id < 512; ++id) {
        ids.push_back(id);
        (void)tokenizer.isSpecial(id);
        if (id >= 0 && id < size) {
            try {
                (void)tokenizer.tokenBytes(id);
            } catch (const InvalidArgument&) {  // a gap in the ids
            }
        }
    }
    (void)tokenizer.decode(ids);
    (void)tokenizer.eosTokenId();
    (void)tokenizer.tokenId("<|endoftext|>");
}

}  // namespace rrtf::fuzz

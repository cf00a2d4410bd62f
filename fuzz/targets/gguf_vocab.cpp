// The vocabulary of a GGUF file, then the tokenizer built from it.
#include "tokenizer_common.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/gguf_vocab.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("vocab.gguf", data, size);
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        const rrtf::BpeTokenizer tokenizer(rrtf::readGgufVocab(path));
        rrtf::fuzz::exerciseTokenizer(tokenizer);
    });
    return 0;
}

// tokenizer.json (Hugging Face byte-level BPE), then the tokenizer built from it.
#include "tokenizer_common.h"
#include "tokenizer/bpe_tokenizer.h"
#include "tokenizer/tokenizer_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("tokenizer.json", data, size);
    rrtf::fuzz::expectCleanError(path.string(), [&] {
        const rrtf::BpeTokenizer tokenizer(rrtf::readTokenizerJson(path));
        rrtf::fuzz::exerciseTokenizer(tokenizer);
    });
    return 0;
}

// loadTokenizer: which file of a folder it takes and how it tells the kinds
// apart (content first, then the extension), and tokenizer_config.json's eos.
// Byte 0 picks the file name and whether the folder or the file is named,
// byte 1 the length of tokenizer_config.json (0: none), then that file, then
// the tokenizer file. SentencePiece's own protobuf is not fuzzed here: the
// module is pointed at a missing file, so a .model ends in that error.
#include "tokenizer_common.h"

#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    setenv("RRTF_SENTENCEPIECE_MODULE", "/nonexistent/librrtf_sentencepiece.so", 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static constexpr const char* kNames[] = {"tokenizer.json", "tokenizer.model", "vocab.gguf", "tok.json",
                                             "tokenizer", "tokenizer.json", "tokenizer.model", "x.gguf.json"};
    if (size < 2)
        return 0;
    const std::string name = kNames[data[0] & 7];
    const bool byFolder = data[0] & 8;
    const size_t configBytes = std::min<size_t>(data[1], size - 2);
    const auto dir = rrtf::fuzz::freshFolder("select");
    const std::string where = std::filesystem::relative(dir, rrtf::fuzz::scratch()).string();
    if (configBytes > 0)
        rrtf::fuzz::writeFile(where + "/tokenizer_config.json", data + 2, configBytes);
    rrtf::fuzz::writeFile(where + "/" + name, data + 2 + configBytes, size - 2 - configBytes);
    rrtf::fuzz::expectCleanError(dir.string(), [&] {
        const auto tokenizer = rrtf::loadTokenizer(byFolder ? dir : dir / name);
        rrtf::fuzz::exerciseTokenizer(*tokenizer);
    });
    return 0;
}

// Text <-> token ids for the StarCoder family: Hugging Face byte-level BPE
// (tokenizer.json, or the vocab arrays of a GGUF file) and SentencePiece models.
// encode() equals HF's encode(text, add_special_tokens=False); decode() equals
// HF's decode, including U+FFFD for invalid UTF-8.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

struct EncodeOptions {
    bool parseSpecialTokens = true;  // true: a literal "<fim_prefix>" in text becomes its id (HF default)
};

struct DecodeOptions {
    bool skipSpecialTokens = false;          // false: specials appear as their text
    bool cleanUpTokenizationSpaces = false;  // false: true rewrites " ." to "." etc. (changes code!)
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Thread-safe. Throws InvalidArgument when text is not valid UTF-8.
    virtual std::vector<int> encode(std::string_view text, const EncodeOptions& options = {}) const = 0;
    // Ids the tokenizer does not know are skipped, as HF does.
    virtual std::string decode(const std::vector<int>& ids, const DecodeOptions& options = {}) const = 0;
    // Raw bytes one token stands for (may be part of a UTF-8 character); specials
    // give their text. Throws InvalidArgument for an unknown id.
    virtual std::string tokenBytes(int id) const = 0;
    virtual int vocabSize() const = 0;  // highest id + 1, added tokens included
    virtual bool isSpecial(int id) const = 0;
    virtual std::optional<int> tokenId(std::string_view token) const = 0;  // "<|endoftext|>" -> 0
    virtual std::optional<int> eosTokenId() const = 0;

    // True when decode() is exactly the lossy UTF-8 of the concatenated
    // tokenBytes() (byte-level BPE), so streaming can work on bytes alone.
    virtual bool decodesByteWise() const { return false; }
};

// Picks the kind by content and extension: a tokenizer.json (HF byte-level BPE),
// a GGUF file's vocabulary, or a SentencePiece .model. A directory means its
// tokenizer.json (or tokenizer.model). Throws FormatError naming the file.
std::unique_ptr<Tokenizer> loadTokenizer(const std::filesystem::path& path);

// transformers' clean_up_tokenization: " ." -> ".", " n't" -> "n't", ...
std::string cleanUpTokenizationSpaces(std::string text);

// Turns a stream of ids into text as it arrives, emitting only complete UTF-8
// (a multi-byte character split over tokens is held back until complete;
// bytes that can never complete become U+FFFD). Concatenating push() results
// and finish() equals decode() of the whole sequence.
class StreamingDecoder {
public:
    explicit StreamingDecoder(const Tokenizer& tokenizer, DecodeOptions options = {});

    std::string push(int id);
    std::string finish();  // flushes what is held back; the decoder can then start again

private:
    std::string pushBytes(int id);
    std::string pushWindow(int id);
    std::string decodeWindow(std::size_t count) const;
    std::string cleanUp(std::string text, bool final);

    const Tokenizer& m_tokenizer;
    DecodeOptions m_options;
    bool m_byteWise;
    std::string m_pendingBytes;  // byte mode: an incomplete character
    std::vector<int> m_ids;      // window mode: ids from the last emitted boundary on
    std::size_t m_readOffset = 0;
    bool m_anchored = false;     // window mode: text came before the window
    int m_anchor = -1;           // an ordinary token standing in for that text
    std::string m_anchorText;
    std::string m_pendingText;   // clean-up mode: text a later token may still rewrite
};

}  // namespace rrtf

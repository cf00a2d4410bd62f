#include "tokenizer/sentencepiece_tokenizer.h"

#include "runtime/error.h"
#include "runtime/install_layout.h"
#include "tokenizer/sentencepiece_abi.h"
#include "tokenizer/utf8.h"

#include <dlfcn.h>

#include <mutex>

namespace rrtf {

struct SentencePieceModule {
    decltype(&rrtf_sp_abi_version) abiVersion = nullptr;
    decltype(&rrtf_sp_last_error) lastError = nullptr;
    decltype(&rrtf_sp_load) load = nullptr;
    decltype(&rrtf_sp_free) free = nullptr;
    decltype(&rrtf_sp_vocab_size) vocabSize = nullptr;
    decltype(&rrtf_sp_id_to_piece) idToPiece = nullptr;
    decltype(&rrtf_sp_piece_to_id) pieceToId = nullptr;
    decltype(&rrtf_sp_token_kind) tokenKind = nullptr;
    decltype(&rrtf_sp_special_id) specialId = nullptr;
    decltype(&rrtf_sp_encode) encode = nullptr;
    decltype(&rrtf_sp_decode) decode = nullptr;
    decltype(&rrtf_sp_free_buffer) freeBuffer = nullptr;
    decltype(&rrtf_sp_train) train = nullptr;
};

namespace {

constexpr const char* kModuleName = "librrtf_sentencepiece.so";

// Opens the module; returns an empty string on success, else why it failed.
std::string tryOpen(const std::filesystem::path& path, SentencePieceModule& module)
{
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return "not there";
    // DEEPBIND: the module's libsentencepiece binds to its own protobuf, not LibTorch's.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!handle) {
        const char* why = dlerror();
        return why ? why : "dlopen failed";
    }
    std::string missing;
    auto resolve = [&](auto& function, const char* name) {
        function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
        if (!function && missing.empty()) missing = name;
    };
    resolve(module.abiVersion, "rrtf_sp_abi_version");
    resolve(module.lastError, "rrtf_sp_last_error");
    resolve(module.load, "rrtf_sp_load");
    resolve(module.free, "rrtf_sp_free");
    resolve(module.vocabSize, "rrtf_sp_vocab_size");
    resolve(module.idToPiece, "rrtf_sp_id_to_piece");
    resolve(module.pieceToId, "rrtf_sp_piece_to_id");
    resolve(module.tokenKind, "rrtf_sp_token_kind");
    resolve(module.specialId, "rrtf_sp_special_id");
    resolve(module.encode, "rrtf_sp_encode");
    resolve(module.decode, "rrtf_sp_decode");
    resolve(module.freeBuffer, "rrtf_sp_free_buffer");
    resolve(module.train, "rrtf_sp_train");
    std::string problem;
    if (!missing.empty())
        problem = "not an rrtf_sentencepiece module (no " + missing + ")";
    else if (module.abiVersion() != RRTF_SP_ABI_VERSION)
        problem = "ABI version " + std::to_string(module.abiVersion()) + ", expected " + std::to_string(RRTF_SP_ABI_VERSION);
    if (!problem.empty()) dlclose(handle);
    return problem;  // on success the handle stays open for the life of the process
}

std::string takeError(const SentencePieceModule& module)
{
    const char* message = module.lastError();
    return message && *message ? message : "unknown SentencePiece error";
}

}  // namespace

const SentencePieceModule& sentencePieceModule()
{
    static std::mutex mutex;
    static std::unique_ptr<SentencePieceModule> loaded;
    std::lock_guard lock(mutex);
    if (loaded) return *loaded;
    // PREFIX/lib/rrtf/modules beside the running program, or $RRTF_SENTENCEPIECE_MODULE.
    const auto path = installedFile(InstallDir::PrivateLib, kModuleName, "RRTF_SENTENCEPIECE_MODULE");
    auto module = std::make_unique<SentencePieceModule>();
    const std::string problem = tryOpen(path, *module);
    if (problem.empty()) {
        loaded = std::move(module);
        return *loaded;
    }
    // Built with append: GCC 12 warns falsely about a chain of + on a temporary here.
    std::string message = "cannot load the SentencePiece module ";
    message.append(path.string()).append(" (").append(problem).append("; RRTF_SENTENCEPIECE_MODULE may name another)");
    throw FormatError(message);
}

void trainSentencePiece(const std::string& arguments)
{
    const SentencePieceModule& module = sentencePieceModule();
    if (module.train(arguments.c_str()) != 0)
        throw InvalidArgument("SentencePiece training failed: " + takeError(module));
}

namespace {

// The module, or a FormatError that names the model file too (the error is about
// the module, but the file is what the user asked for).
const SentencePieceModule& moduleFor(const std::string& source)
{
    try {
        return sentencePieceModule();
    } catch (const FormatError& error) {
        throw FormatError(source + ": cannot read a SentencePiece model: " + error.what());
    }
}

}  // namespace

SentencePieceTokenizer::SentencePieceTokenizer(const std::filesystem::path& path)
    : m_module(moduleFor(path.string())), m_source(path.string())
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) throw FormatError(m_source + ": no such file");
    m_model = m_module.load(m_source.c_str());
    if (!m_model) throw FormatError(m_source + ": not a SentencePiece model: " + takeError(m_module));
    const int size = m_module.vocabSize(m_model);
    std::vector<AddedToken> specials;
    for (int id = 0; id < size; ++id) {
        std::size_t length = 0;
        const char* piece = m_module.idToPiece(m_model, id, &length);
        m_pieces.emplace_back(piece ? std::string(piece, length) : std::string());
        m_kinds.push_back(m_module.tokenKind(m_model, id));
        m_ids.emplace(m_pieces.back(), id);
        if (isSpecial(id) && !m_pieces.back().empty()) specials.push_back({id, m_pieces.back()});
    }
    const int eos = m_module.specialId(m_model, RRTF_SP_EOS_ID);
    if (eos >= 0) m_eosId = eos;
    m_specials = std::make_unique<AddedTokenMatcher>(specials);
}

SentencePieceTokenizer::~SentencePieceTokenizer()
{
    m_module.free(m_model);
}

std::vector<int> SentencePieceTokenizer::encode(std::string_view text, const EncodeOptions& options) const
{
    if (auto bad = utf8::firstInvalidByte(text))
        throw InvalidArgument("encode: text is not valid UTF-8 at byte " + std::to_string(*bad));
    std::vector<int> ids;
    if (!options.parseSpecialTokens || m_specials->empty()) {
        encodeText(text, ids);
        return ids;
    }
    for (const TextSegment& segment : m_specials->split(text, true)) {
        if (segment.addedId >= 0)
            ids.push_back(segment.addedId);
        else
            encodeText(segment.text, ids);
    }
    return ids;
}

void SentencePieceTokenizer::encodeText(std::string_view text, std::vector<int>& ids) const
{
    int* buffer = nullptr;
    std::size_t count = 0;
    if (m_module.encode(m_model, text.data(), text.size(), &buffer, &count) != 0)
        throw InvalidArgument(m_source + ": encode failed: " + takeError(m_module));
    ids.insert(ids.end(), buffer, buffer + count);
    m_module.freeBuffer(buffer);
}

std::string SentencePieceTokenizer::decode(const std::vector<int>& ids, const DecodeOptions& options) const
{
    std::vector<int> kept;
    kept.reserve(ids.size());
    for (int id : ids) {
        if (id < 0 || id >= vocabSize()) continue;  // unknown ids are skipped, as with HF
        if (options.skipSpecialTokens && isSpecial(id)) continue;
        kept.push_back(id);
    }
    char* buffer = nullptr;
    std::size_t size = 0;
    if (m_module.decode(m_model, kept.data(), kept.size(), &buffer, &size) != 0)
        throw InvalidArgument(m_source + ": decode failed: " + takeError(m_module));
    std::string text(buffer, size);
    m_module.freeBuffer(buffer);
    return options.cleanUpTokenizationSpaces ? cleanUpTokenizationSpaces(std::move(text)) : text;
}

std::string SentencePieceTokenizer::tokenBytes(int id) const
{
    if (id < 0 || id >= vocabSize())
        throw InvalidArgument("token id " + std::to_string(id) + " is not in the vocabulary (size " +
                              std::to_string(vocabSize()) + ")");
    const std::string& piece = m_pieces[id];
    if (m_kinds[id] & RRTF_SP_BYTE) {  // "<0x41>"
        if (piece.size() == 6 && piece.starts_with("<0x") && piece.ends_with(">"))
            return std::string(1, char(std::strtol(piece.substr(3, 2).c_str(), nullptr, 16)));
        return piece;
    }
    if (isSpecial(id)) return piece;
    std::string bytes;
    static constexpr std::string_view kSpace = "\xE2\x96\x81";  // "▁" stands for a space
    for (std::size_t pos = 0; pos < piece.size();) {
        if (piece.compare(pos, kSpace.size(), kSpace) == 0) {
            bytes.push_back(' ');
            pos += kSpace.size();
        } else {
            bytes.push_back(piece[pos++]);
        }
    }
    return bytes;
}

bool SentencePieceTokenizer::isSpecial(int id) const
{
    return id >= 0 && id < vocabSize() && (m_kinds[id] & (RRTF_SP_CONTROL | RRTF_SP_UNKNOWN));
}

std::optional<int> SentencePieceTokenizer::tokenId(std::string_view token) const
{
    auto it = m_ids.find(std::string(token));
    if (it == m_ids.end()) return std::nullopt;
    return it->second;
}

}  // namespace rrtf

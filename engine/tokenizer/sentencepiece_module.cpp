// The rrtf_sentencepiece module: the C ABI of sentencepiece_abi.h over
// libsentencepiece. Built as its own shared object, never linked into the engine.
#include "tokenizer/sentencepiece_abi.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

struct RrtfSpModel {
    sentencepiece::SentencePieceProcessor processor;
};

namespace {

thread_local std::string lastError;

int fail(const std::string& message)
{
    lastError = message;
    return -1;
}

// Runs `body`, turning any C++ exception into an error code: none may escape a C ABI.
template <class Body>
int guarded(Body&& body)
{
    try {
        lastError.clear();
        return body();
    } catch (const std::exception& error) {
        return fail(error.what());
    } catch (...) {
        return fail("unknown error in the SentencePiece module");
    }
}

bool validId(const RrtfSpModel* model, int id)
{
    return model && id >= 0 && id < model->processor.GetPieceSize();
}

}  // namespace

// The module is built with hidden visibility; only this C ABI is exported.
#pragma GCC visibility push(default)
extern "C" {

int rrtf_sp_abi_version(void)
{
    return RRTF_SP_ABI_VERSION;
}

const char* rrtf_sp_last_error(void)
{
    return lastError.c_str();
}

RrtfSpModel* rrtf_sp_load(const char* path)
{
    RrtfSpModel* result = nullptr;
    guarded([&] {
        auto model = std::make_unique<RrtfSpModel>();
        const auto status = model->processor.Load(path);
        if (!status.ok()) return fail(status.ToString());
        if (model->processor.GetPieceSize() <= 0) return fail("the model has no pieces");
        result = model.release();
        return 0;
    });
    return result;
}

void rrtf_sp_free(RrtfSpModel* model)
{
    delete model;
}

int rrtf_sp_vocab_size(const RrtfSpModel* model)
{
    return model ? model->processor.GetPieceSize() : 0;
}

const char* rrtf_sp_id_to_piece(const RrtfSpModel* model, int id, size_t* size)
{
    if (!validId(model, id)) return nullptr;
    const std::string& piece = model->processor.IdToPiece(id);
    if (size) *size = piece.size();
    return piece.c_str();
}

int rrtf_sp_piece_to_id(const RrtfSpModel* model, const char* piece, size_t size)
{
    if (!model || !piece) return -1;
    const std::string text(piece, size);
    const int id = model->processor.PieceToId(text);
    // PieceToId answers unk_id for an unknown piece; only an exact match counts.
    return validId(model, id) && model->processor.IdToPiece(id) == text ? id : -1;
}

int rrtf_sp_token_kind(const RrtfSpModel* model, int id)
{
    if (!validId(model, id)) return 0;
    const auto& p = model->processor;
    return (p.IsControl(id) ? RRTF_SP_CONTROL : 0) | (p.IsUnknown(id) ? RRTF_SP_UNKNOWN : 0) |
           (p.IsByte(id) ? RRTF_SP_BYTE : 0) | (p.IsUnused(id) ? RRTF_SP_UNUSED : 0);
}

int rrtf_sp_special_id(const RrtfSpModel* model, int which)
{
    if (!model) return -1;
    const auto& p = model->processor;
    int id = -1;
    switch (which) {
    case RRTF_SP_UNK_ID: id = p.unk_id(); break;
    case RRTF_SP_BOS_ID: id = p.bos_id(); break;
    case RRTF_SP_EOS_ID: id = p.eos_id(); break;
    case RRTF_SP_PAD_ID: id = p.pad_id(); break;
    default: break;
    }
    return validId(model, id) ? id : -1;
}

int rrtf_sp_encode(const RrtfSpModel* model, const char* text, size_t size, int** ids, size_t* count)
{
    if (!model || !ids || !count || (!text && size)) return fail("rrtf_sp_encode: null argument");
    return guarded([&] {
        std::vector<int> result;
        const auto status = model->processor.Encode(std::string_view(text ? text : "", size), &result);
        if (!status.ok()) return fail(status.ToString());
        *ids = static_cast<int*>(std::malloc(std::max<size_t>(1, result.size()) * sizeof(int)));
        if (!*ids) return fail("out of memory");
        std::memcpy(*ids, result.data(), result.size() * sizeof(int));
        *count = result.size();
        return 0;
    });
}

int rrtf_sp_decode(const RrtfSpModel* model, const int* ids, size_t count, char** text, size_t* size)
{
    if (!model || !text || !size || (!ids && count)) return fail("rrtf_sp_decode: null argument");
    return guarded([&] {
        std::vector<int> input;
        for (size_t i = 0; i < count; ++i)
            if (validId(model, ids[i])) input.push_back(ids[i]);  // SentencePiece rejects bad ids
        std::string result;
        const auto status = model->processor.Decode(input, &result);
        if (!status.ok()) return fail(status.ToString());
        *text = static_cast<char*>(std::malloc(result.size() + 1));
        if (!*text) return fail("out of memory");
        std::memcpy(*text, result.c_str(), result.size() + 1);
        *size = result.size();
        return 0;
    });
}

void rrtf_sp_free_buffer(void* buffer)
{
    std::free(buffer);
}

int rrtf_sp_train(const char* arguments)
{
    if (!arguments) return fail("rrtf_sp_train: null argument");
    return guarded([&] {
        const auto status = sentencepiece::SentencePieceTrainer::Train(arguments);
        return status.ok() ? 0 : fail(status.ToString());
    });
}

}  // extern "C"
#pragma GCC visibility pop

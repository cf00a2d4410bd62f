// The C ABI between the engine and the rrtf_sentencepiece module. The module is
// the only code that links Debian's libsentencepiece, whose private protobuf
// clashes with LibTorch's; the engine dlopen()s it with RTLD_DEEPBIND and calls
// these functions only. No C++ types or exceptions cross this line.
#pragma once

#include <stddef.h>

#define RRTF_SP_ABI_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

typedef struct RrtfSpModel RrtfSpModel;

// Token kinds, as bit flags.
enum { RRTF_SP_CONTROL = 1, RRTF_SP_UNKNOWN = 2, RRTF_SP_BYTE = 4, RRTF_SP_UNUSED = 8 };
// Which special id rrtf_sp_special_id() reports.
enum { RRTF_SP_UNK_ID = 0, RRTF_SP_BOS_ID = 1, RRTF_SP_EOS_ID = 2, RRTF_SP_PAD_ID = 3 };

int rrtf_sp_abi_version(void);
// The calling thread's last error message (empty when none).
const char* rrtf_sp_last_error(void);

// NULL on failure (see rrtf_sp_last_error).
RrtfSpModel* rrtf_sp_load(const char* path);
void rrtf_sp_free(RrtfSpModel* model);

int rrtf_sp_vocab_size(const RrtfSpModel* model);
// The piece's text, owned by the model; NULL for an id out of range.
const char* rrtf_sp_id_to_piece(const RrtfSpModel* model, int id, size_t* size);
// -1 when the piece is not in the vocabulary.
int rrtf_sp_piece_to_id(const RrtfSpModel* model, const char* piece, size_t size);
int rrtf_sp_token_kind(const RrtfSpModel* model, int id);
int rrtf_sp_special_id(const RrtfSpModel* model, int which);  // -1 when the model has none

// Results are malloc()ed; release them with rrtf_sp_free_buffer. Return 0 on
// success, -1 on failure (see rrtf_sp_last_error).
int rrtf_sp_encode(const RrtfSpModel* model, const char* text, size_t size, int** ids, size_t* count);
int rrtf_sp_decode(const RrtfSpModel* model, const int* ids, size_t count, char** text, size_t* size);
void rrtf_sp_free_buffer(void* buffer);

// SentencePieceTrainer::Train with a command line such as
// "--input=a.txt --model_prefix=m --vocab_size=100". 0 on success.
int rrtf_sp_train(const char* arguments);

#ifdef __cplusplus
}
#endif

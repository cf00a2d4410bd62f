# The tokenizer links PCRE2 but never LibTorch or libsentencepiece: SentencePiece
# comes in through the rrtf_sentencepiece module (sentencepiece_module.cmake).
list(APPEND RRTF_ENGINE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/tokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/tokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/streaming_decoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/utf8.h
  ${CMAKE_CURRENT_LIST_DIR}/utf8.cpp
  ${CMAKE_CURRENT_LIST_DIR}/byte_level.h
  ${CMAKE_CURRENT_LIST_DIR}/byte_level.cpp
  ${CMAKE_CURRENT_LIST_DIR}/regex.h
  ${CMAKE_CURRENT_LIST_DIR}/regex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pre_tokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/pre_tokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/added_tokens.h
  ${CMAKE_CURRENT_LIST_DIR}/added_tokens.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bpe_model.h
  ${CMAKE_CURRENT_LIST_DIR}/bpe_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bpe_tokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/bpe_tokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tokenizer_json.h
  ${CMAKE_CURRENT_LIST_DIR}/tokenizer_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gguf_vocab.h
  ${CMAKE_CURRENT_LIST_DIR}/gguf_vocab.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sentencepiece_abi.h
  ${CMAKE_CURRENT_LIST_DIR}/sentencepiece_tokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/sentencepiece_tokenizer.cpp
)

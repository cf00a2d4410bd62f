# Talking to models served elsewhere (OpenAI-compatible endpoints, issue 16): the
# server-sent events their completions stream in. LibTorch-free, in rrtf_evaluation.
list(APPEND RRTF_EVALUATION_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/sse_parser.h
  ${CMAKE_CURRENT_LIST_DIR}/sse_parser.cpp
)

list(APPEND RRTF_ENGINE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/sampler.h
  ${CMAKE_CURRENT_LIST_DIR}/sampler.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sampler_row.h
  ${CMAKE_CURRENT_LIST_DIR}/sampler_row.cpp
  ${CMAKE_CURRENT_LIST_DIR}/stop_sequences.h
  ${CMAKE_CURRENT_LIST_DIR}/stop_sequences.cpp
  ${CMAKE_CURRENT_LIST_DIR}/prompt_template.h
  ${CMAKE_CURRENT_LIST_DIR}/prompt_template.cpp
  ${CMAKE_CURRENT_LIST_DIR}/decode_batch.h
  ${CMAKE_CURRENT_LIST_DIR}/decode_batch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/generator.h
  ${CMAKE_CURRENT_LIST_DIR}/generator.cpp
)
# The sampler's weight loop only vectorises when floating-point compares may be
# speculated and the loop may get an epilogue; it needs no LibTorch headers.
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/sampler_row.cpp PROPERTIES
  SKIP_PRECOMPILE_HEADERS ON
  COMPILE_OPTIONS "-fno-trapping-math;$<$<CXX_COMPILER_ID:GNU>:-fvect-cost-model=dynamic>")

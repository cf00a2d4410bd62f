# Runtime pieces without LibTorch, built into rrtf_evaluation (which rrtf_engine
# links), so that the sandbox client, the store and the training data code use them too.
list(APPEND RRTF_EVALUATION_SOURCES
  # Jobs over threads: a worker's exception reaches the caller, never std::terminate.
  ${CMAKE_CURRENT_LIST_DIR}/parallel_for.h
  ${CMAKE_CURRENT_LIST_DIR}/parallel_for.cpp
  # FNV-1a and splitmix64: seeds, fingerprints and n-gram ids that never change.
  ${CMAKE_CURRENT_LIST_DIR}/stable_hash.h
  # Where the programs' helper, module and data are, relative to the running program.
  ${CMAKE_CURRENT_LIST_DIR}/install_layout.h
  ${CMAKE_CURRENT_LIST_DIR}/install_layout.cpp
)
rrtf_layout_source(${CMAKE_CURRENT_LIST_DIR}/install_layout.cpp)

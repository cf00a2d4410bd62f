list(APPEND RRTF_EVALUATION_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/sha256.h
  ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_records.h
  ${CMAKE_CURRENT_LIST_DIR}/json_records.cpp
  ${CMAKE_CURRENT_LIST_DIR}/problem_set.h
  ${CMAKE_CURRENT_LIST_DIR}/problem_set.cpp
  ${CMAKE_CURRENT_LIST_DIR}/problem_records.h
  ${CMAKE_CURRENT_LIST_DIR}/problem_records.cpp
  ${CMAKE_CURRENT_LIST_DIR}/samples.h
  ${CMAKE_CURRENT_LIST_DIR}/samples.cpp
  ${CMAKE_CURRENT_LIST_DIR}/task_builder.h
  ${CMAKE_CURRENT_LIST_DIR}/task_builder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/leetcode.h
  ${CMAKE_CURRENT_LIST_DIR}/leetcode.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pass_at_k.h
  ${CMAKE_CURRENT_LIST_DIR}/pass_at_k.cpp
)

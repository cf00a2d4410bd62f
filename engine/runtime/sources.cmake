list(APPEND RRTF_ENGINE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/error.h
  ${CMAKE_CURRENT_LIST_DIR}/shape_text.h
  ${CMAKE_CURRENT_LIST_DIR}/json_file.h
  ${CMAKE_CURRENT_LIST_DIR}/cancellation.h
  ${CMAKE_CURRENT_LIST_DIR}/thread_guard.h
  ${CMAKE_CURRENT_LIST_DIR}/threads.h
  ${CMAKE_CURRENT_LIST_DIR}/threads.cpp
)

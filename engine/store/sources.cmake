# The workspace database: a SQLite connection wrapper, the schema's migrations
# and the Workspace API (evaluation runs, verdicts, reference timings, annotations).
list(APPEND RRTF_EVALUATION_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/database.h
  ${CMAKE_CURRENT_LIST_DIR}/database.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workspace_schema.h
  ${CMAKE_CURRENT_LIST_DIR}/workspace_schema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workspace.h
  ${CMAKE_CURRENT_LIST_DIR}/workspace.cpp
  ${CMAKE_CURRENT_LIST_DIR}/annotations.h
  ${CMAKE_CURRENT_LIST_DIR}/annotations.cpp
)

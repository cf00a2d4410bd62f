list(APPEND RRTF_EVALUATION_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/judge_task.h
  ${CMAKE_CURRENT_LIST_DIR}/verdict.h
  ${CMAKE_CURRENT_LIST_DIR}/verdict.cpp
  ${CMAKE_CURRENT_LIST_DIR}/verdict_json.h
  ${CMAKE_CURRENT_LIST_DIR}/verdict_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sandbox_pool.h
  ${CMAKE_CURRENT_LIST_DIR}/sandbox_pool.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evaluator.h
  ${CMAKE_CURRENT_LIST_DIR}/evaluator.cpp
  # Case-study statistics: solve matrix, Venn/UpSet regions, McNemar, Cohen's kappa.
  ${CMAKE_CURRENT_LIST_DIR}/case_study.h
  ${CMAKE_CURRENT_LIST_DIR}/case_study.cpp
  # The line of an answer a verdict points at (its syntax error, its bug).
  ${CMAKE_CURRENT_LIST_DIR}/fault_line.h
  ${CMAKE_CURRENT_LIST_DIR}/fault_line.cpp
  # The shipped demo models, problems and training job (demo.json).
  ${CMAKE_CURRENT_LIST_DIR}/demo_pack.h
  ${CMAKE_CURRENT_LIST_DIR}/demo_pack.cpp
)
# Problem sets, samples, program assembly and pass@k.
include(${CMAKE_CURRENT_LIST_DIR}/problem_sources.cmake)

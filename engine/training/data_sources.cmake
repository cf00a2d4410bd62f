# RRTF training data without LibTorch (built into rrtf_evaluation): the
# instruction/solution JSONL records, ranking of judged answers, Evol-Instruct
# prompts and filters, the contamination check.
list(APPEND RRTF_EVALUATION_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/ranking.h
  ${CMAKE_CURRENT_LIST_DIR}/ranking.cpp
  # The answers file of `rrtf sample` and judging its answers for ranking.
  ${CMAKE_CURRENT_LIST_DIR}/answer_samples.h
  ${CMAKE_CURRENT_LIST_DIR}/answer_samples.cpp
  ${CMAKE_CURRENT_LIST_DIR}/answer_judging.h
  ${CMAKE_CURRENT_LIST_DIR}/answer_judging.cpp
  # The verdicts of a rank run as they arrive, so that a killed run resumes.
  ${CMAKE_CURRENT_LIST_DIR}/verdict_journal.h
  ${CMAKE_CURRENT_LIST_DIR}/verdict_journal.cpp
  # Instruction/solution records (JSONL), normalised tokens, MinHash + LSH.
  ${CMAKE_CURRENT_LIST_DIR}/training_records.h
  ${CMAKE_CURRENT_LIST_DIR}/training_records.cpp
  ${CMAKE_CURRENT_LIST_DIR}/durable_file.h
  ${CMAKE_CURRENT_LIST_DIR}/durable_file.cpp
  # A training job's process (pid, start time, host) and its stop file.
  ${CMAKE_CURRENT_LIST_DIR}/job_process.h
  ${CMAKE_CURRENT_LIST_DIR}/job_process.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_tokens.h
  ${CMAKE_CURRENT_LIST_DIR}/text_tokens.cpp
  ${CMAKE_CURRENT_LIST_DIR}/min_hash.h
  ${CMAKE_CURRENT_LIST_DIR}/min_hash.cpp
  # Evol-Instruct prompts, reply cleaning and record filters.
  ${CMAKE_CURRENT_LIST_DIR}/evol_instruct.h
  ${CMAKE_CURRENT_LIST_DIR}/evol_instruct.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evol_filters.h
  ${CMAKE_CURRENT_LIST_DIR}/evol_filters.cpp
  # The data-leak study against HumanEval/MBPP.
  ${CMAKE_CURRENT_LIST_DIR}/contamination.h
  ${CMAKE_CURRENT_LIST_DIR}/contamination.cpp
  ${CMAKE_CURRENT_LIST_DIR}/contamination_report.cpp
)

# RRTF training data without LibTorch (built into rrtf_evaluation): the
# instruction/solution JSONL records, ranking of judged answers, Evol-Instruct
# prompts and filters, the contamination check.
list(APPEND RRTF_EVALUATION_SOURCES
)

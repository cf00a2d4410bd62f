# Training data without LibTorch: the instruction/solution JSONL records,
# ranking of judged answers, Evol-Instruct prompts and filters, contamination checks.
list(APPEND RRTF_EVALUATION_SOURCES
)

# RRTF training with LibTorch: the loss, batches of tokenised pairs, the
# optimiser and schedule, checkpoints and the training loop.
list(APPEND RRTF_ENGINE_SOURCES
)

# RRTF training with LibTorch: the loss, batches of tokenised pairs, the
# optimiser and schedule, checkpoints and the training loop.
list(APPEND RRTF_ENGINE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/rrtf_loss.h
  ${CMAKE_CURRENT_LIST_DIR}/rrtf_loss.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_batch.h
  ${CMAKE_CURRENT_LIST_DIR}/training_batch.cpp
)

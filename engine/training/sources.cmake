# RRTF training with LibTorch: the loss, batches of tokenised pairs, the
# optimiser and schedule, checkpoints and the training loop.
list(APPEND RRTF_ENGINE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/rrtf_loss.h
  ${CMAKE_CURRENT_LIST_DIR}/sft_reduction.h
  ${CMAKE_CURRENT_LIST_DIR}/rrtf_loss.cpp
  ${CMAKE_CURRENT_LIST_DIR}/training_batch.h
  ${CMAKE_CURRENT_LIST_DIR}/training_batch.cpp
  # Data-parallel training over c10d, LoRA adapters and gradient checkpointing.
  ${CMAKE_CURRENT_LIST_DIR}/distributed.h
  ${CMAKE_CURRENT_LIST_DIR}/distributed.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lora.h
  ${CMAKE_CURRENT_LIST_DIR}/lora.cpp
  # Step 1: answers sampled from student and teacher models for training records.
  ${CMAKE_CURRENT_LIST_DIR}/sampling.h
  ${CMAKE_CURRENT_LIST_DIR}/sampling.cpp
  # Step 3: the training job (rrtf train): config, schedule, data order,
  # checkpoints, metrics and status files, evaluation during training.
  ${CMAKE_CURRENT_LIST_DIR}/train_config.h
  ${CMAKE_CURRENT_LIST_DIR}/train_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/lr_schedule.h
  ${CMAKE_CURRENT_LIST_DIR}/lr_schedule.cpp
  ${CMAKE_CURRENT_LIST_DIR}/train_data.h
  ${CMAKE_CURRENT_LIST_DIR}/train_data.cpp
  ${CMAKE_CURRENT_LIST_DIR}/train_checkpoint.h
  ${CMAKE_CURRENT_LIST_DIR}/train_checkpoint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_files.h
  ${CMAKE_CURRENT_LIST_DIR}/run_files.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trainer.h
  ${CMAKE_CURRENT_LIST_DIR}/trainer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trainer_parts.h
  ${CMAKE_CURRENT_LIST_DIR}/trainer_parts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trainer_eval.h
  ${CMAKE_CURRENT_LIST_DIR}/trainer_eval.cpp
)
# c10d declares ProcessGroupGloo only under USE_C10D_GLOO (and NCCL under
# USE_C10D_NCCL); Debian's Torch target exports the first, other builds may not.
# RRTF_WITH_GLOO / RRTF_WITH_NCCL say what distributed.cpp may use; without the
# Gloo headers it builds for a single process only.
find_path(RRTF_GLOO_INCLUDE_DIR gloo/config.h HINTS ${TORCH_INCLUDE_DIRS})
find_path(RRTF_C10D_INCLUDE_DIR torch/csrc/distributed/c10d/ProcessGroupGloo.hpp HINTS ${TORCH_INCLUDE_DIRS})
if(RRTF_GLOO_INCLUDE_DIR AND RRTF_C10D_INCLUDE_DIR)
  set(rrtf_c10d_definitions RRTF_WITH_GLOO USE_C10D_GLOO)
  set(rrtf_c10d_includes ${RRTF_GLOO_INCLUDE_DIR})
  find_path(RRTF_NCCL_INCLUDE_DIR nccl.h HINTS ${TORCH_INCLUDE_DIRS} ${CUDA_TOOLKIT_ROOT_DIR}/include)
  if(TORCH_CUDA_LIBRARIES AND RRTF_NCCL_INCLUDE_DIR)
    list(APPEND rrtf_c10d_definitions RRTF_WITH_NCCL USE_C10D_NCCL)
    list(APPEND rrtf_c10d_includes ${RRTF_NCCL_INCLUDE_DIR})
  endif()
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/distributed.cpp PROPERTIES
    COMPILE_DEFINITIONS "${rrtf_c10d_definitions}"
    INCLUDE_DIRECTORIES "${rrtf_c10d_includes}")
else()
  message(STATUS "c10d Gloo headers not found: distributed training is single-process only")
endif()

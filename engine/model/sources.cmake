list(APPEND RRTF_ENGINE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/config.h
  ${CMAKE_CURRENT_LIST_DIR}/config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dense.h
  ${CMAKE_CURRENT_LIST_DIR}/dense.cpp
  ${CMAKE_CURRENT_LIST_DIR}/small_batch_product.h
  ${CMAKE_CURRENT_LIST_DIR}/small_batch_product.cpp
  ${CMAKE_CURRENT_LIST_DIR}/large_batch_product.h
  ${CMAKE_CURRENT_LIST_DIR}/large_batch_product.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_weight.h
  ${CMAKE_CURRENT_LIST_DIR}/quantized_weight.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_product.h
  ${CMAKE_CURRENT_LIST_DIR}/quantized_product.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel.h
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel_body.h
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel_avx2.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel_avx512.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel_vnni.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_integer_product.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kv_cache.h
  ${CMAKE_CURRENT_LIST_DIR}/kv_cache.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gpt_bigcode.h
  ${CMAKE_CURRENT_LIST_DIR}/gpt_bigcode.cpp
  ${CMAKE_CURRENT_LIST_DIR}/block_checkpoint.h
  ${CMAKE_CURRENT_LIST_DIR}/block_checkpoint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/causal_lm.h
  ${CMAKE_CURRENT_LIST_DIR}/causal_lm.cpp
)
list(APPEND RRTF_ENGINE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/mapped_file.h
  ${CMAKE_CURRENT_LIST_DIR}/mapped_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/safetensors.h
  ${CMAKE_CURRENT_LIST_DIR}/safetensors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/safetensors_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pickle.h
  ${CMAKE_CURRENT_LIST_DIR}/pickle_unpickler.h
  ${CMAKE_CURRENT_LIST_DIR}/pickle.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pickle_opcodes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_bin.h
  ${CMAKE_CURRENT_LIST_DIR}/torch_bin.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_bin_zip.h
  ${CMAKE_CURRENT_LIST_DIR}/torch_bin_zip.cpp
  ${CMAKE_CURRENT_LIST_DIR}/torch_bin_writer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/checkpoint.h
  ${CMAKE_CURRENT_LIST_DIR}/checkpoint.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gptq_checkpoint.h
  ${CMAKE_CURRENT_LIST_DIR}/gptq_checkpoint.cpp
)
# The kernels set their instruction set with #pragma GCC target, which would reach
# every file after them in a unity batch: each is compiled alone.
set_source_files_properties(
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel_avx2.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel_avx512.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quantized_kernel_vnni.cpp
  PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)

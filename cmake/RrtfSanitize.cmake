# RRTF_SANITIZE=address|thread (scripts/sanitize.sh): every file we compile, and
# every link, gets the sanitizer. LibTorch, Qt and the C++ library are not
# instrumented: their own memory errors and races are not seen.
if(RRTF_SANITIZE STREQUAL "address")
  # UB is an error that stops the program, like a report of ASan.
  set(RRTF_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined)
elseif(RRTF_SANITIZE STREQUAL "thread")
  set(RRTF_SANITIZER_FLAGS -fsanitize=thread)
elseif(NOT RRTF_SANITIZE STREQUAL "")
  message(FATAL_ERROR "RRTF_SANITIZE must be address, thread or empty, got '${RRTF_SANITIZE}'")
endif()
if(RRTF_SANITIZER_FLAGS)
  if(RRTF_BUILD_SENTENCEPIECE)
    # The engine dlopen()s that module with RTLD_DEEPBIND, which the sanitizers' runtimes refuse.
    message(FATAL_ERROR "RRTF_SANITIZE needs -DRRTF_BUILD_SENTENCEPIECE=OFF")
  endif()
  add_compile_options(${RRTF_SANITIZER_FLAGS} -fno-omit-frame-pointer -g)
  add_link_options(${RRTF_SANITIZER_FLAGS})
endif()

# rrtf_without_thread_sanitizer(TARGET...): under ThreadSanitizer, TARGET is built
# without it. For the sandbox helper: unshare(CLONE_NEWUSER) refuses a process
# with a second thread, and TSan's runtime starts one, so the helper could not
# isolate anything. Its code is single-threaded; the address build covers it.
function(rrtf_without_thread_sanitizer)
  if(RRTF_SANITIZE STREQUAL "thread")
    foreach(target ${ARGN})
      target_compile_options(${target} PRIVATE -fno-sanitize=thread)
      target_link_options(${target} PRIVATE -fno-sanitize=thread)
    endforeach()
  endif()
endfunction()

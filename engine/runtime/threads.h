// Compute set-up for LibTorch and OpenBLAS: the thread pool, and freed memory kept for reuse.
#pragma once

namespace rrtf {

// LibTorch starts with one intra-op thread on some machines. Sets the intra-op
// pool to `threads`, or to the number of usable cores when `threads` <= 0.
// Returns the count in effect. Also keeps freed heap memory for reuse (threads.cpp).
int configureComputeThreads(int threads = 0);

}  // namespace rrtf

// Thread-pool set-up for LibTorch and OpenBLAS.
#pragma once

namespace rrtf {

// LibTorch starts with one intra-op thread on some machines. Sets the intra-op
// pool to `threads`, or to the number of usable cores when `threads` <= 0.
// Returns the count in effect.
int configureComputeThreads(int threads = 0);

}  // namespace rrtf

#include "runtime/threads.h"

#include <ATen/Parallel.h>

#include <malloc.h>
#include <mutex>
#include <sched.h>
#include <thread>

namespace rrtf {

static int usableCores()
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) == 0) {
        int count = CPU_COUNT(&set);
        if (count > 0)
            return count;
    }
    unsigned hardware = std::thread::hardware_concurrency();
    return hardware > 0 ? static_cast<int>(hardware) : 1;
}

// A forward pass allocates and frees megabytes of activations. glibc's default
// hands freed memory at the heap's top back to the system beyond twice the
// last large block, so every pass faulted its pages in again (14% of prefill's
// time in the kernel); kept for reuse, prefill ran 1.4x faster. Blocks above
// 32 MiB (weights, caches) are still mapped and unmapped on their own.
static void keepFreedMemoryForReuse()
{
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 128 << 20);
    });
}

int configureComputeThreads(int threads)
{
    keepFreedMemoryForReuse();
    const int wanted = threads > 0 ? threads : usableCores();
    if (at::get_num_threads() != wanted)
        at::set_num_threads(wanted);
    return at::get_num_threads();
}

}  // namespace rrtf

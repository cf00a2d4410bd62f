#include "runtime/threads.h"

#include <ATen/Parallel.h>

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

int configureComputeThreads(int threads)
{
    const int wanted = threads > 0 ? threads : usableCores();
    if (at::get_num_threads() != wanted)
        at::set_num_threads(wanted);
    return at::get_num_threads();
}

}  // namespace rrtf

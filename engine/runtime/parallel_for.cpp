#include "runtime/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace rrtf {

int parallelFor(int count, int threads, const CancellationToken& cancel, const std::function<void(int)>& job)
{
    if (count <= 0)
        return 0;
    std::atomic<int> next{0};
    std::atomic<int> finished{0};
    std::atomic<bool> failed{false};
    std::mutex failureMutex;
    std::exception_ptr failure;  // the first job's exception, rethrown after the join

    const auto worker = [&] {
        while (!failed.load(std::memory_order_relaxed) && !cancel.isCancelled()) {
            const int i = next.fetch_add(1);
            if (i >= count)
                return;
            try {
                job(i);
                finished.fetch_add(1, std::memory_order_relaxed);
            } catch (...) {
                std::lock_guard lock(failureMutex);
                if (!failure)
                    failure = std::current_exception();
                failed.store(true, std::memory_order_relaxed);
            }
        }
    };

    std::vector<std::thread> pool;
    const int wanted = std::min(std::max(threads, 1), count);
    pool.reserve(std::size_t(wanted - 1));
    for (int t = 1; t < wanted; ++t) {
        try {
            pool.emplace_back(worker);
        } catch (const std::system_error&) {
            break;  // no more threads to be had: the ones running (and this one) do the work
        }
    }
    worker();
    for (std::thread& thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);
    return finished.load();
}

}  // namespace rrtf

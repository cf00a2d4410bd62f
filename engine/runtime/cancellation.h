// Cooperative cancellation shared between the thread that runs work and the
// thread (or signal handler) that wants it stopped.
#pragma once

#include <atomic>
#include <memory>

namespace rrtf {

class CancellationToken {
public:
    CancellationToken() : m_flag(std::make_shared<std::atomic<bool>>(false)) {}

    void cancel() const { m_flag->store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag->load(std::memory_order_relaxed); }

private:
    // Shared so that copies handed to workers observe the same flag.
    std::shared_ptr<std::atomic<bool>> m_flag;
};

}  // namespace rrtf

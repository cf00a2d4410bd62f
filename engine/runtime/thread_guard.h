// A check that engine work never runs on a thread that must stay responsive (the
// workbench's GUI thread). The program marks that thread once at start; the
// engine's entry points call requireWorkerThread(), which throws WrongThread
// naming the entry point when called there. Violations are also recorded, so a
// test can see one that a caller caught and swallowed. Qt-free, header-only
// (both rrtf_engine and the LibTorch-free rrtf_evaluation call it).
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "runtime/error.h"

namespace rrtf {

// Engine work was asked of the marked thread.
class WrongThread : public Error {
public:
    using Error::Error;
};

namespace detail {

inline bool& responsiveThreadFlag()
{
    thread_local bool marked = false;
    return marked;
}

struct ThreadViolations {
    std::mutex mutex;
    std::vector<std::string> entryPoints;
};

inline ThreadViolations& threadViolationLog()
{
    static ThreadViolations log;
    return log;
}

}  // namespace detail

// Marks (or, with false, unmarks) the calling thread as one that never runs engine work.
inline void markResponsiveThread(bool marked = true)
{
    detail::responsiveThreadFlag() = marked;
}

// Whether the calling thread is marked.
inline bool onResponsiveThread()
{
    return detail::responsiveThreadFlag();
}

// Throws WrongThread naming `entryPoint` (e.g. "CausalLM::load") when the calling
// thread is marked, after recording it (threadViolations). Otherwise it costs one
// thread-local read.
inline void requireWorkerThread(const char* entryPoint)
{
    if (!detail::responsiveThreadFlag())
        return;
    {
        auto& log = detail::threadViolationLog();
        std::lock_guard lock(log.mutex);
        log.entryPoints.emplace_back(entryPoint);
    }
    throw WrongThread(std::string(entryPoint) + " was called on the GUI thread; engine work runs on worker threads");
}

// The entry points called on a marked thread since the last clear, in order.
inline std::vector<std::string> threadViolations()
{
    auto& log = detail::threadViolationLog();
    std::lock_guard lock(log.mutex);
    return log.entryPoints;
}

inline void clearThreadViolations()
{
    auto& log = detail::threadViolationLog();
    std::lock_guard lock(log.mutex);
    log.entryPoints.clear();
}

}  // namespace rrtf

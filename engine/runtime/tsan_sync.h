// Happens-before edges that ThreadSanitizer cannot see for itself: a hand-off
// made under Qt's own locks (futexes inside libQt6Core, which is not
// instrumented: a QThreadPool's queue, a QSemaphore). `release` where one
// thread hands over, `acquire` where the other takes over, on the same key.
// Nothing without -fsanitize=thread (scripts/sanitize.sh thread).
#pragma once

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* address);
extern "C" void __tsan_release(void* address);
#endif

namespace rrtf::tsan {

inline void release([[maybe_unused]] const void* key)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(const_cast<void*>(key));
#endif
}

inline void acquire([[maybe_unused]] const void* key)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(const_cast<void*>(key));
#endif
}

}  // namespace rrtf::tsan

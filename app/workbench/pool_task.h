// Starting a task on a QThreadPool so that ThreadSanitizer can follow it.
//
// QThreadPool hands a task to its thread under Qt's own locks, which TSan
// cannot see (runtime/tsan_sync.h): the task's reads of what it captured would
// look like races with the writes that captured it. startPoolTask marks the
// hand-off as a release that the task acquires when it begins, the order the
// pool's queue gives. Without -fsanitize=thread it is pool.start.
#pragma once

#include "runtime/tsan_sync.h"

#include <QThreadPool>

#include <functional>
#include <utility>

namespace rrtf {

template <class Task>
void startPoolTask(QThreadPool& pool, Task&& task)
{
    // One key per place that starts tasks (each passes its own lambda type), so
    // that the task reads no capture before it acquires.
    static const char handOff = 0;
    // Built whole before the release: after it, Qt only moves the std::function's pointer.
    std::function<void()> job = [task = std::forward<Task>(task)]() mutable {
        tsan::acquire(&handOff);
        task();
    };
    tsan::release(&handOff);
    pool.start(std::move(job));
}

}  // namespace rrtf

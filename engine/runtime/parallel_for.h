// One way to spread independent jobs over threads: parallelFor runs job(i) for
// i in [0, count) on up to `threads` threads (the calling thread is one of them),
// handing out indexes in order. Qt-free and LibTorch-free (built into
// rrtf_evaluation, which rrtf_engine links).
//
// A job that throws never reaches std::terminate: the first exception stops
// every thread from taking a new job, the jobs in flight finish, all threads are
// joined, and then that exception is rethrown to the caller. Cancelling `cancel`
// likewise stops new jobs (in-flight ones finish) and parallelFor returns.
#pragma once

#include <functional>

#include "runtime/cancellation.h"

namespace rrtf {

// Runs job(i) for every i in [0, count) unless stopped early (cancel, or a job's
// exception, rethrown here after the join). Each index runs at most once.
// `threads` <= 0 means one. Returns how many jobs returned normally.
int parallelFor(int count, int threads, const CancellationToken& cancel, const std::function<void(int)>& job);

}  // namespace rrtf

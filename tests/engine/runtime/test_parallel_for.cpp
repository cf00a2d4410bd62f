// parallelFor, the one worker pool of the engine (evaluator, Evol-Instruct's
// syntax check, the contamination study, rank's judging): every job runs once,
// a job's exception reaches the caller (never std::terminate) and stops new
// jobs, cancelling stops new jobs, and odd sizes (no jobs, more threads than
// jobs) work. No assertion depends on timing: the bounds are counts.
#include "runtime/error.h"
#include "runtime/parallel_for.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace rrtf;

class TestParallelFor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyJobRunsOnce_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("threads");
        QTest::newRow("no jobs") << 0 << 4;
        QTest::newRow("one job, one thread") << 1 << 1;
        QTest::newRow("more threads than jobs") << 3 << 16;
        QTest::newRow("threads 0 means one") << 50 << 0;
        QTest::newRow("negative threads mean one") << 7 << -2;
        QTest::newRow("many jobs, four threads") << 10000 << 4;
        QTest::newRow("negative count") << -5 << 4;
    }
    void everyJobRunsOnce()
    {
        QFETCH(int, count);
        QFETCH(int, threads);
        std::vector<std::atomic<int>> runs(std::size_t(std::max(count, 0)));
        std::atomic<int> outOfRange{0};
        const int finished = parallelFor(count, threads, {}, [&](int i) {
            if (i < 0 || i >= count)
                ++outOfRange;
            else
                ++runs[std::size_t(i)];
        });
        QCOMPARE(outOfRange.load(), 0);
        QCOMPARE(finished, std::max(count, 0));
        for (std::size_t i = 0; i < runs.size(); ++i)
            QVERIFY2(runs[i].load() == 1, qPrintable(QString("job %1 ran %2 times").arg(i).arg(runs[i].load())));
    }

    // With as many threads as jobs, every job is running at once on its own thread
    // (each waits for the others; the timeout only guards against a hang).
    void jobsRunOnSeveralThreads()
    {
        constexpr int kThreads = 4;
        std::mutex mutex;
        std::condition_variable arrived;
        int waiting = 0;
        std::set<std::thread::id> ids;
        bool allMet = true;
        parallelFor(kThreads, kThreads, {}, [&](int) {
            std::unique_lock lock(mutex);
            ids.insert(std::this_thread::get_id());
            ++waiting;
            arrived.notify_all();
            if (!arrived.wait_for(lock, std::chrono::seconds(60), [&] { return waiting == kThreads; }))
                allMet = false;
        });
        QVERIFY(allMet);
        QCOMPARE(int(ids.size()), kThreads);
        QVERIFY(ids.count(std::this_thread::get_id()));  // the caller works too
    }

    // A worker's exception arrives at the caller, with its type and message, after
    // every thread is joined; before the fix it ended the process in std::terminate.
    void jobExceptionReachesTheCaller_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("failing");
        QTest::newRow("on the calling thread") << 1 << 3;
        QTest::newRow("on a worker thread") << 4 << 17;
        QTest::newRow("the last job") << 4 << 99;
    }
    void jobExceptionReachesTheCaller()
    {
        QFETCH(int, threads);
        QFETCH(int, failing);
        std::atomic<int> started{0};
        QString message;
        try {
            parallelFor(100, threads, {}, [&](int i) {
                ++started;
                if (i == failing)
                    throw FormatError("/tmp/ws.sqlite: database or disk is full");
            });
            QFAIL("parallelFor returned although a job threw");
        } catch (const FormatError& error) {
            message = error.what();
        }
        QCOMPARE(message, QString("/tmp/ws.sqlite: database or disk is full"));
        if (threads == 1)
            QCOMPARE(started.load(), failing + 1);  // in order, and nothing after the failure
    }

    // After a failure the other threads take no new job. The jobs that start after
    // the throw wait a millisecond each, so only a thread that never got to flag its
    // failure could let all 100,000 run.
    void failureStopsTheOtherThreads()
    {
        constexpr int kCount = 100000;
        std::atomic<int> started{0};
        std::atomic<bool> thrown{false};
        try {
            parallelFor(kCount, 4, {}, [&](int i) {
                ++started;
                if (i == 100) {
                    thrown = true;
                    throw InvalidArgument("job 100");
                }
                if (thrown)
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
            });
            QFAIL("parallelFor returned although a job threw");
        } catch (const InvalidArgument&) {
        }
        QVERIFY2(started.load() < kCount, qPrintable(QString::number(started.load())));
    }

    // Every job throws: one exception comes back (the first), the others are dropped.
    void manyExceptionsOneRethrown()
    {
        std::atomic<int> started{0};
        try {
            parallelFor(1000, 8, {}, [&](int i) {
                ++started;
                throw std::runtime_error("job " + std::to_string(i));
            });
            QFAIL("parallelFor returned although every job threw");
        } catch (const std::runtime_error& error) {
            QVERIFY(QString(error.what()).startsWith("job "));
        }
        QVERIFY2(started.load() <= 8, qPrintable(QString::number(started.load())));  // one per thread at most
    }

    // Cancelling stops new jobs; those in flight finish, and parallelFor returns normally.
    void cancelStopsNewJobs_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one thread") << 1;
        QTest::newRow("four threads") << 4;
    }
    void cancelStopsNewJobs()
    {
        QFETCH(int, threads);
        CancellationToken cancel;
        std::atomic<int> started{0};
        std::atomic<int> startedAfterCancel{0};
        const int finished = parallelFor(1000, threads, cancel, [&](int i) {
            ++started;
            if (cancel.isCancelled())
                ++startedAfterCancel;
            if (i == 10)
                cancel.cancel();
        });
        QCOMPARE(finished, started.load());
        QVERIFY2(startedAfterCancel.load() <= threads - 1, qPrintable(QString::number(startedAfterCancel.load())));
        QVERIFY(started.load() < 1000);
        if (threads == 1)
            QCOMPARE(started.load(), 11);  // jobs 0..10, in order
    }

    void cancelledBeforeStartRunsNothing()
    {
        CancellationToken cancel;
        cancel.cancel();
        std::atomic<int> started{0};
        QCOMPARE(parallelFor(100, 4, cancel, [&](int) { ++started; }), 0);
        QCOMPARE(started.load(), 0);
    }
};

QTEST_GUILESS_MAIN(TestParallelFor)
#include "test_parallel_for.moc"

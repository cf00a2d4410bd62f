// The sandbox protocol's lines (PROTOCOL.md §1) read by both sides: whatever a
// line holds, the client turns a bad answer into a sandbox_error verdict and a
// bad ready line into SandboxUnavailable, and rrtf-sandbox answers a bad job
// line with a sandbox_error and goes on serving (it used to abort on a
// mistyped "limits"). Inputs found by the fuzzers (fuzz/regressions/sandbox_*).
#include "evaluation/sandbox_pool.h"

#include <QProcess>
#include <QtTest>

using namespace rrtf;

namespace {

QByteArray deeplyNested(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

}  // namespace

class TestSandboxLines : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void goodAnswerIsRead()
    {
        const Verdict verdict = verdictFromLine(
            R"({"id": 7, "outcome": "failed", "tests_passed": 2, "tests_total": 3, "detail": "line 4",)"
            R"( "stdout": "out", "stderr": "", "wall_ms": 4.5, "cpu_ms": 2.0, "level": "split",)"
            R"( "fallback_reason": "", "tier": "userns", "interpreter": "/usr/bin/python3 3.11.2"})",
            JudgeLimits{});
        QCOMPARE(verdict.outcome, Outcome::Failed);
        QCOMPARE(verdict.testsPassed, 2);
        QCOMPARE(verdict.testsTotal, 3);
        QCOMPARE(verdict.detail, std::string("line 4"));
        QCOMPARE(verdict.wallMs, 4.5);
        QCOMPARE(verdict.tier, std::string("userns"));
    }

    void badAnswerIsASandboxError_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("why");
        QTest::newRow("not JSON") << QByteArray("Traceback (most recent call last):") << "not a JSON object";
        QTest::newRow("a list") << QByteArray("[1, 2]") << "not a JSON object";
        QTest::newRow("unknown outcome") << QByteArray(R"({"outcome": "great"})") << "unknown outcome";
        QTest::newRow("outcome a number") << QByteArray(R"({"outcome": 5})") << "\"outcome\" is not a string";
        // Read with json::value(): a type_error escaped judge() (the fuzzer's first find).
        QTest::newRow("count a string") << QByteArray(R"({"outcome": "passed", "tests_passed": "3"})")
                                        << "\"tests_passed\" is not a count";
        // 1e300 converted to int: undefined behaviour (UBSan: float-cast-overflow).
        QTest::newRow("count too large") << QByteArray(R"({"outcome": "passed", "tests_total": 1e300})")
                                         << "\"tests_total\" is not a count";
        QTest::newRow("negative count") << QByteArray(R"({"outcome": "passed", "tests_total": -1})")
                                        << "\"tests_total\" is not a count";
        QTest::newRow("detail an object") << QByteArray(R"({"outcome": "error", "detail": {"a": 1}})")
                                          << "\"detail\" is not a string";
        QTest::newRow("time a string") << QByteArray(R"({"outcome": "passed", "wall_ms": "4"})")
                                       << "\"wall_ms\" is not a number";
        QTest::newRow("deeply nested") << deeplyNested(100000) << "not a JSON object";
    }

    void badAnswerIsASandboxError()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, why);
        JudgeLimits limits;
        limits.wallSeconds = 2.5;
        Verdict verdict;
        try {
            verdict = verdictFromLine(line.toStdString(), limits);
        } catch (const std::exception& error) {
            QFAIL(qPrintable(QString("verdictFromLine threw: ") + error.what()));
        }
        QCOMPARE(verdict.outcome, Outcome::SandboxError);
        QCOMPARE(verdict.limits.wallSeconds, 2.5);
        const QString detail = QString::fromStdString(verdict.detail);
        QVERIFY2(detail.startsWith("malformed answer from the sandbox"), qPrintable(detail));
        QVERIFY2(detail.contains(why), qPrintable(detail));
        QVERIFY2(!detail.contains('\n') && detail.size() < 400, qPrintable(detail));
    }

    void readyLine()
    {
        const SandboxInfo info = sandboxInfoFromReadyLine(
            std::string(R"({"ready": true, "tier": "userns", "interpreter": "py 3", "detail": "d"})"));
        QCOMPARE(info.tier, std::string("userns"));
        QCOMPARE(info.interpreter, std::string("py 3"));
        QCOMPARE(info.detail, std::string("d"));
    }

    void badReadyLineIsUnavailable_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("why");
        QTest::newRow("refused") << QByteArray(R"({"ready": false, "error": "no isolation available"})")
                                 << "no isolation available";
        // json::value("ready", false) threw a type_error for a non-boolean.
        QTest::newRow("ready a string") << QByteArray(R"({"ready": "yes"})") << "\"ready\" is not true or false";
        QTest::newRow("tier a number") << QByteArray(R"({"ready": true, "tier": 3})") << "\"tier\" is not a string";
        QTest::newRow("error a list") << QByteArray(R"({"ready": false, "error": []})") << "\"error\" is not a string";
        QTest::newRow("not JSON") << QByteArray("rrtf-sandbox: unknown option") << "not JSON";
    }

    void badReadyLineIsUnavailable()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, why);
        try {
            sandboxInfoFromReadyLine(line.toStdString());
            QFAIL("expected SandboxUnavailable");
        } catch (const SandboxUnavailable& error) {
            const QString message = error.what();
            QVERIFY2(message.startsWith("sandbox unavailable: "), qPrintable(message));
            QVERIFY2(message.contains(why), qPrintable(message));
        } catch (const std::exception& error) {
            QFAIL(qPrintable(QString("an exception other than SandboxUnavailable: ") + error.what()));
        }
        QVERIFY_THROWS_EXCEPTION(SandboxUnavailable, sandboxInfoFromReadyLine(std::nullopt));
    }

    // rrtf-sandbox itself: a job whose limits are not numbers is answered, not fatal.
    void helperAnswersBadJobLines()
    {
        QProcess helper;
        helper.start(QString::fromStdString(findSandboxHelper().string()), {"--serve", "--allow-unsafe"});
        QVERIFY2(helper.waitForStarted(), qPrintable(helper.errorString()));
        const auto readLine = [&]() -> QByteArray {
            while (!helper.canReadLine())
                if (!helper.waitForReadyRead(30000))
                    return {};
            return helper.readLine().trimmed();
        };
        const QByteArray ready = readLine();
        QVERIFY2(ready.contains("\"ready\":true"), ready.constData());

        const QList<QPair<QByteArray, QByteArray>> jobs{
            {R"({"id": 1, "limits": {"wall_s": "x"}})", R"("limits"."wall_s" is not a number)"},
            {R"({"id": 2, "limits": {"wall_s": true, "cpu_s": 1}})", R"("limits"."wall_s" is not a number)"},
            {R"({"id": 3, "limits": [6]})", R"("limits" is not an object)"},
            {R"({"no_id": 4})", "malformed job line"},
            {"[" + QByteArray(100, '['), "malformed job line"},
            // The id is copied into the answer: nested a million deep, that overflowed the stack.
            {"{\"id\": " + deeplyNested(1000000) + "}", "malformed job line"},
        };
        for (const auto& [job, why] : jobs) {
            helper.write(job + "\n");
            const QByteArray answer = readLine();
            QVERIFY2(!answer.isEmpty(), qPrintable("rrtf-sandbox gave no answer to " + job + " (exit code " +
                                                   QString::number(helper.exitCode()) + ")"));
            QVERIFY2(answer.contains("\"outcome\":\"sandbox_error\""), answer.constData());
            QVERIFY2(answer.contains(QByteArray(why).replace("\"", "\\\"")), answer.constData());
        }
        helper.closeWriteChannel();  // end of input: it stops its zygote and exits
        QVERIFY(helper.waitForFinished(30000));
        QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
        QCOMPARE(helper.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSandboxLines)
#include "test_sandbox_lines.moc"

// The verdict journal of a resumable `rrtf rank`: verdicts written, read back
// after a reopen, a last line cut short by a kill cut away, other settings
// refused, bad lines named by file:line, and judging in the real sandbox that
// reuses only the verdicts of unchanged programs and tests.
#include "evaluation/sandbox_pool.h"
#include "evaluation/verdict_json.h"
#include "runtime/error.h"
#include "training/answer_judging.h"
#include "training/verdict_journal.h"

#include "support/test_files.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace rrtf;
using rrtf::test::readAll;

namespace {

void appendText(const std::filesystem::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary | std::ios::app) << text;
}

JudgingSettings settings(double cpuSeconds = 3.0, const std::string& interpreter = "/usr/bin/python3 3.11.2")
{
    JudgingSettings s;
    s.limits.cpuSeconds = cpuSeconds;
    s.limits.wallSeconds = 2 * cpuSeconds;
    s.interpreter = interpreter;
    return s;
}

Verdict failedVerdict()
{
    Verdict verdict;
    verdict.outcome = Outcome::Failed;
    verdict.testsPassed = 1;
    verdict.testsTotal = 2;
    verdict.detail = "assert add(-1, 1) == 0";
    verdict.stdoutText = "out\n";
    verdict.stderrText = "Traceback \xe2\x80\x94\n";
    verdict.wallMs = 12.5;
    verdict.cpuMs = 7.25;
    verdict.level = "split";
    verdict.fallbackReason = "none";
    verdict.tier = "userns";
    verdict.interpreter = "/usr/bin/python3 3.11.2";
    verdict.limits.memoryMiB = 512;
    verdict.rechecked = true;
    return verdict;
}

const AnswerKey kFirst{"t/1", AnswerRole::Student, "student:/models/s", 0};
const AnswerKey kSecond{"t/1", AnswerRole::Teacher, "data", 0};
const ProgramHashes kHashes{"c0de", "7e57"};

TrainingRecord addRecord(const std::string& taskId)
{
    TrainingRecord record;
    record.taskId = taskId;
    record.instruction = "Add two numbers.";
    record.tests = "assert add(1, 2) == 3\n";
    return record;
}

SampleGroup students(const std::string& taskId, std::vector<std::string> texts)
{
    SampleGroup group;
    group.taskId = taskId;
    group.modelName = "tiny";
    group.modelDir = "/models/tiny";
    group.temperature = 0.8;
    for (std::size_t i = 0; i < texts.size(); ++i)
        group.answers.push_back({int(i), texts[i], "eos", 3, "", std::nullopt});
    return group;
}

}  // namespace

class TestVerdictJournal : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::filesystem::path path(const char* name) const { return m_dir.filePath(name).toStdString(); }

private Q_SLOTS:
    void verdictRoundTripsThroughJson()
    {
        const Verdict verdict = failedVerdict();
        const Verdict back = verdictFromJson(nlohmann::json::parse(verdictJson(verdict).dump()), "x");
        QCOMPARE(verdictJson(back).dump(), verdictJson(verdict).dump());
        QCOMPARE(back.limits.memoryMiB, 512);
        QVERIFY(back.rechecked);
        try {
            verdictFromJson({{"outcome", "won"}}, "j:3: verdict");
            QFAIL("accepted an unknown outcome");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).startsWith("j:3: verdict") && QString(error.what()).contains("won"),
                     error.what());
        }
    }

    void verdictsAreReadBackAfterAReopen()
    {
        const auto file = path("reopen.verdicts");
        QCOMPARE(verdictJournalPath("/runs/rankings.jsonl"), std::filesystem::path("/runs/rankings.jsonl.verdicts"));
        {
            VerdictJournal journal(file, settings());
            QCOMPARE(journal.recorded(), std::size_t(0));
            QVERIFY(!journal.hadPartialTail());
            journal.append(kFirst, kHashes, failedVerdict());
            Verdict passed;
            passed.outcome = Outcome::Passed;
            journal.append(kSecond, kHashes, passed);
            passed.outcome = Outcome::SyntaxError;
            journal.append(kSecond, kHashes, passed);  // judged again later: the later line wins
        }
        VerdictJournal journal(file, settings());
        QCOMPARE(journal.recorded(), std::size_t(2));
        QVERIFY(!journal.hadPartialTail());
        const Verdict* first = journal.find(kFirst, kHashes);
        QVERIFY(first);
        QCOMPARE(verdictJson(*first).dump(), verdictJson(failedVerdict()).dump());
        QVERIFY(journal.find(kSecond, kHashes));
        QCOMPARE(journal.find(kSecond, kHashes)->outcome, Outcome::SyntaxError);
        // Another program or other tests under the same answer: not reused.
        QVERIFY(!journal.find(kFirst, {"c0de", "other tests"}));
        QVERIFY(!journal.find(kFirst, {"other code", "7e57"}));
        QVERIFY(!journal.find({"t/1", AnswerRole::Student, "student:/models/s", 1}, kHashes));
        QVERIFY(!journal.find({"t/1", AnswerRole::Teacher, "student:/models/s", 0}, kHashes));
    }

    void aLineCutShortByAKillIsCutAway()
    {
        const auto file = path("torn.verdicts");
        {
            VerdictJournal journal(file, settings());
            journal.append(kFirst, kHashes, failedVerdict());
        }
        const std::string whole = readAll(file);
        appendText(file, "{\"task_id\": \"t/1\", \"role\": \"teach");  // a kill in the middle of a write
        {
            VerdictJournal journal(file, settings());
            QVERIFY(journal.hadPartialTail());
            QCOMPARE(journal.recorded(), std::size_t(1));
            QCOMPARE(readAll(file), whole);  // cut back to the last whole line
            Verdict passed;
            passed.outcome = Outcome::Passed;
            journal.append(kSecond, kHashes, passed);
        }
        VerdictJournal journal(file, settings());
        QVERIFY(!journal.hadPartialTail());
        QCOMPARE(journal.recorded(), std::size_t(2));

        // Killed while writing the first line: the journal starts again.
        const auto headless = path("headless.verdicts");
        appendText(headless, "{\"rrtf_verdict_journal\": 1, \"sett");
        VerdictJournal fresh(headless, settings());
        QVERIFY(fresh.hadPartialTail());
        QCOMPARE(fresh.recorded(), std::size_t(0));
        QVERIFY(QString::fromStdString(readAll(headless)).startsWith("{\"rrtf_verdict_journal\":1,\"settings\""));
    }

    void otherJudgingSettingsAreRefused()
    {
        const auto file = path("settings.verdicts");
        {
            VerdictJournal journal(file, settings(3.0));
            journal.append(kFirst, kHashes, failedVerdict());
        }
        const std::string before = readAll(file);
        for (const JudgingSettings& other : {settings(5.0), settings(3.0, "/usr/bin/python3 3.12.1")}) {
            try {
                VerdictJournal journal(file, other);
                QFAIL("reused verdicts judged under other settings");
            } catch (const InvalidArgument& error) {
                const QString message = error.what();
                QVERIFY2(message.startsWith(QString::fromStdString(file.string() + ":1: ")), error.what());
                QVERIFY2(message.contains(other.limits.cpuSeconds == 5.0 ? "cpu_seconds 3.0 (this run: 5.0)"
                                                                         : "interpreter"),
                         error.what());
                QVERIFY2(message.contains("delete"), error.what());
            }
        }
        QCOMPARE(readAll(file), before);  // refused without touching it
    }

    void badLinesAreNamedByFileAndLine()
    {
        const auto file = path("bad.verdicts");
        {
            VerdictJournal journal(file, settings());
            journal.append(kFirst, kHashes, failedVerdict());
        }
        const std::string text = readAll(file);
        const std::size_t entryStart = text.find('\n') + 1;
        const std::string entry = text.substr(entryStart, text.find('\n', entryStart) + 1 - entryStart);
        appendText(file, "{\"task_id\": \"t/1\"}\n" + entry);  // a bad line with a good one after it
        try {
            VerdictJournal journal(file, settings());
            QFAIL("accepted a line without role, model and verdict");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).startsWith(QString::fromStdString(file.string() + ":3: ")), error.what());
        }

        const auto other = path("other.jsonl");
        appendText(other, "{\"task_id\": \"t/1\", \"instruction\": \"x\"}\n");
        try {
            VerdictJournal journal(other, settings());
            QFAIL("took another file for a journal");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).contains(":1: not a verdict journal"), error.what());
        }
    }

    // The recorded setting was shown whole in the message: nested a million deep, a
    // stack overflow. Now the line is not a journal's.
    void aDeeplyNestedHeaderIsNotAJournal()
    {
        const auto file = path("deep.verdicts");
        appendText(file, "{\"rrtf_verdict_journal\": 1, \"settings\": {\"limits\": " + std::string(1000000, '[') +
                             std::string(1000000, ']') + "}}\n");
        try {
            VerdictJournal journal(file, settings());
            QFAIL("accepted a header nested a million deep");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).startsWith(QString::fromStdString(file.string() + ":1: not a verdict journal")),
                     error.what());
        }
    }

    void judgingReusesOnlyVerdictsOfTheSameProgramAndTests()
    {
        SandboxPool pool(SandboxOptions{2});
        std::vector<TrainingRecord> records = {addRecord("t/1"), addRecord("t/2")};
        std::vector<SampleGroup> groups = {
            students("t/1", {"def add(a, b):\n    return a + b\n", "def add(a, b) return"}),
            students("t/2", {"def add(a, b):\n    return a - b\n"})};
        const auto file = path("judging.verdicts");
        JudgingSettings judgingSettings{{}, true, pool.info().interpreter};
        int lastTotal = -1;
        auto judge = [&] {
            VerdictJournal journal(file, judgingSettings);
            AnswerJudgingOptions options;
            options.journal = &journal;
            lastTotal = -1;
            return judgeSampleGroups(pool, records, groups, options, [&](int, int total) { lastTotal = total; });
        };
// Judged in the sandbox, taken from the journal, and the progress counting only what is judged.
#define JUDGE_EXPECTING(name, expectedJudged, expectedReused)                  \
    const JudgedRecords name = judge();                                        \
    QCOMPARE(name.answers, expectedJudged);                                    \
    QCOMPARE(name.reused, expectedReused);                                     \
    QCOMPARE(lastTotal, (expectedJudged) > 0 ? (expectedJudged) : -1)
        JUDGE_EXPECTING(first, 3, 0);
        JUDGE_EXPECTING(again, 0, 3);
        for (std::size_t i = 0; i < first.items.size(); ++i)
            for (std::size_t a = 0; a < first.items[i].studentAnswers.size(); ++a)
                QCOMPARE(verdictJson(again.items[i].studentAnswers[a].verdict).dump(),
                         verdictJson(first.items[i].studentAnswers[a].verdict).dump());
        QCOMPARE(again.items[0].studentAnswers[0].verdict.outcome, Outcome::Passed);

        groups[1].answers[0].text = "def add(a, b):\n    return b + a\n";  // another answer text
        JUDGE_EXPECTING(changedText, 1, 2);
        QCOMPARE(changedText.items[1].studentAnswers[0].verdict.outcome, Outcome::Passed);

        groups[0].answers[0].text = "Sure:\n```python\ndef add(a, b):\n    return a + b\n```\n";  // same code
        JUDGE_EXPECTING(sameCode, 0, 3);

        records[0].tests = "assert add(1, 2) == 4\n";  // other tests: that record's answers again
        JUDGE_EXPECTING(changedTests, 2, 1);
        QCOMPARE(changedTests.items[0].studentAnswers[0].verdict.outcome, Outcome::Failed);
        JUDGE_EXPECTING(unchanged, 0, 3);
#undef JUDGE_EXPECTING
    }
};

QTEST_GUILESS_MAIN(TestVerdictJournal)
#include "test_verdict_journal.moc"

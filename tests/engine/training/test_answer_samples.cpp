// The samples file of RRTF step 1 (round trip, resuming after a kill, errors
// naming file:line) and judging its answers for ranking in the real sandbox.
#include "evaluation/sandbox_pool.h"
#include "runtime/error.h"
#include "training/answer_judging.h"
#include "training/answer_samples.h"

#include "support/test_files.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace rrtf;
using rrtf::test::readAll;

namespace {

SampleGroup studentGroup(const std::string& taskId, std::vector<std::string> texts)
{
    SampleGroup group;
    group.taskId = taskId;
    group.role = AnswerRole::Student;
    group.modelName = "tiny";
    group.modelDir = "/models/tiny";
    group.fingerprint = "00112233aabbccdd";
    group.promptTemplate = "pangu";
    group.temperature = 0.8;
    group.topP = 0.95;
    group.seed = 18446744073709551615ULL;  // a seed uses all 64 bits
    group.maxNewTokens = 16;
    for (std::size_t i = 0; i < texts.size(); ++i)
        group.answers.push_back({int(i), texts[i], "eos", 3, "", std::nullopt});
    return group;
}

TrainingRecord addRecord(const std::string& taskId)
{
    TrainingRecord record;
    record.taskId = taskId;
    record.instruction = "Add two numbers.";
    record.tests = "assert add(1, 2) == 3\n";
    return record;
}

}  // namespace

class TestAnswerSamples : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void groupsRoundTripThroughJson()
    {
        const SampleGroup group = studentGroup("t/1", {"def add(a, b):\n    return a + b\n", ""});
        const SampleGroup back = sampleGroupFromJson(nlohmann::json::parse(sampleGroupJson(group).dump()), "f:1");
        QCOMPARE(back.taskId, group.taskId);
        QCOMPARE(back.modelKey(), std::string("student:/models/tiny"));
        QCOMPARE(back.fingerprint, group.fingerprint);
        QCOMPARE(back.seed, group.seed);
        QCOMPARE(*back.temperature, 0.8);
        QCOMPARE(back.answers.size(), std::size_t(2));
        QCOMPARE(back.answers[0].text, group.answers[0].text);
        QCOMPARE(back.answers[1].index, 1);
        QCOMPARE(back.answers[1].finish, std::string("eos"));
    }

    void dataAnswersBecomeOneTeacherGroup()
    {
        TrainingRecord record = addRecord("t/2");
        QVERIFY(!dataTeacherGroup(record));
        record.answers = {{"def add(a, b): return a + b", "human", std::nullopt, {}},
                          {"x", "gpt-4", 0.2, {}}};
        const SampleGroup group = *dataTeacherGroup(record);
        QVERIFY(group.fromData());
        QCOMPARE(group.role, AnswerRole::Teacher);
        QCOMPARE(group.modelKey(), std::string("data"));
        const nlohmann::json json = nlohmann::json::parse(sampleGroupJson(group).dump());
        QVERIFY(!json.contains("temperature"));  // data answers have no sampling settings
        QCOMPARE(json["samples"][1]["source"].get<std::string>(), std::string("gpt-4"));
        const SampleGroup back = sampleGroupFromJson(json, "f:1");
        QCOMPARE(back.answers[0].source, std::string("human"));
        QVERIFY(!back.answers[0].temperature);
        QCOMPARE(*back.answers[1].temperature, 0.2);
    }

    void badFieldsNameTheLocation_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("role") << R"({"task_id":"a","role":"judge","model":{"name":"m"},"samples":[]})" << "\"role\"";
        QTest::newRow("model") << R"({"task_id":"a","role":"student","samples":[]})" << "\"model\"";
        QTest::newRow("samples") << R"({"task_id":"a","role":"student","model":{"name":"m"}})" << "\"samples\"";
        QTest::newRow("text") << R"({"task_id":"a","role":"student","model":{"name":"m"},"samples":[{"index":0}]})"
                              << "samples[0]";
        QTest::newRow("data student") << R"({"task_id":"a","role":"student","model":{"name":"data"},"samples":[]})"
                                      << "teacher answers";
    }

    void badFieldsNameTheLocation()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        try {
            sampleGroupFromJson(nlohmann::json::parse(line.toStdString()), "s.jsonl:4");
            QFAIL("accepted");
        } catch (const FormatError& error) {
            const QString message = error.what();
            QVERIFY2(message.startsWith("s.jsonl:4") && message.contains(expected), error.what());
        }
    }

    void resumeDropsAPartialLastLineAndKeepsTheRest()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("samples.jsonl").toStdString();
        QCOMPARE(scanSampleFile(path).groups.size(), std::size_t(0));  // no file yet
        {
            SampleFileWriter writer(path, 0);
            writer.append(studentGroup("t/1", {"a"}));
            writer.append(studentGroup("t/2", {"b"}));
        }
        const std::string whole = readAll(path);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << whole << whole.substr(0, 20);  // a kill mid-line
        SampleFileState state = scanSampleFile(path);
        QVERIFY(state.partialTail);
        QCOMPARE(state.groups.size(), std::size_t(2));
        QCOMPARE(state.completeBytes, std::uintmax_t(whole.size()));
        QCOMPARE(state.groups[1].location, path + ":2");
        {
            SampleFileWriter writer(path, state.completeBytes);
            writer.append(studentGroup("t/3", {"c"}));
        }
        state = scanSampleFile(path);
        QVERIFY(!state.partialTail);
        QCOMPARE(state.groups.size(), std::size_t(3));
        QCOMPARE(state.groups[2].taskId, std::string("t/3"));
        QCOMPARE(readSampleGroups(path).size(), std::size_t(3));
    }

    void aBadLineBeforeTheLastIsAnError()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("samples.jsonl").toStdString();
        std::ofstream(path) << sampleGroupJson(studentGroup("t/1", {"a"})).dump() << "\n{oops\n"
                            << sampleGroupJson(studentGroup("t/2", {"b"})).dump() << "\n";
        for (auto read : {+[](const std::string& p) { scanSampleFile(p); },
                          +[](const std::string& p) { readSampleGroups(p); }}) {
            try {
                read(path);
                QFAIL("accepted");
            } catch (const FormatError& error) {
                QVERIFY2(QString(error.what()).contains("samples.jsonl:2"), error.what());
            }
        }
    }

    void judgeTaskRunsTheExtractedCodeAgainstTheTests()
    {
        const JudgeTask task = answerJudgeTask(addRecord("t/1"), "Sure:\n```python\ndef add(a, b):\n    return a + b\n```\nDone.");
        QCOMPARE(task.candidateSource, std::string("def add(a, b):\n    return a + b\n"));
        QCOMPARE(task.testSource, std::string("assert add(1, 2) == 3\n"));
        QCOMPARE(task.style, TestStyle::TopLevelAsserts);
        QCOMPARE(task.taskId, std::string("t/1"));
    }

    void judgesEveryAnswerInTheSandbox()
    {
        SandboxPool pool(SandboxOptions{2});
        std::vector<TrainingRecord> records = {addRecord("t/1"), addRecord("t/2")};
        records[0].answers = {{"```python\ndef add(a, b):\n    return a + b\n```", "human", std::nullopt, {}}};
        std::vector<SampleGroup> groups = {
            *dataTeacherGroup(records[0]),
            studentGroup("t/1", {"def add(a, b):\n    return a - b\n", "def add(a, b) return"})};
        int calls = 0;
        const JudgedRecords judged =
            judgeSampleGroups(pool, records, groups, {}, [&](int done, int total) {
                ++calls;
                QCOMPARE(total, 3);
                QVERIFY(done <= total);
            });
        QCOMPARE(calls, 3);
        QCOMPARE(judged.answers, 3);
        QVERIFY(!judged.cancelled);
        QCOMPARE(judged.items.size(), std::size_t(1));
        QCOMPARE(judged.unsampled.size(), std::size_t(1));
        QCOMPARE(judged.unsampled[0].taskId, std::string("t/2"));
        const RankingItem& item = judged.items[0];
        QCOMPARE(item.teacherAnswers[0].model, std::string("human"));  // the data answer's own source
        QCOMPARE(item.teacherAnswers[0].verdict.outcome, Outcome::Passed);
        QCOMPARE(item.studentAnswers[0].verdict.outcome, Outcome::Failed);
        QCOMPARE(item.studentAnswers[1].verdict.outcome, Outcome::SyntaxError);
        QCOMPARE(item.studentAnswers[0].temperature, 0.8);

        groups.push_back(studentGroup("t/9", {"x"}));
        groups.back().location = "s.jsonl:3";
        try {
            judgeSampleGroups(pool, records, groups);
            QFAIL("accepted an answer to a record that is not in the data");
        } catch (const FormatError& error) {
            QVERIFY2(QString(error.what()).startsWith("s.jsonl:3") && QString(error.what()).contains("t/9"),
                     error.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestAnswerSamples)
#include "test_answer_samples.moc"

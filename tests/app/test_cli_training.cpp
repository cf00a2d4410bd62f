// rrtf sample, rank and evolve as a user runs them, on tiny random-weight demo
// models (their answers are garbage) and three records whose tests one answer
// in the data passes: provenance, resuming after a kill, the ranking of the
// passing teacher above the students, ranking the data's own answers alone,
// Evol-Instruct's filter report, make-demo-model's vocabulary, and one-line
// errors naming file:line.
#include "support/cli_run.h"
#include "support/test_files.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using nlohmann::json;

using namespace rrtf::test;

namespace {

void writeText(const QString& path, const std::string& text)
{
    std::ofstream(path.toStdString(), std::ios::binary | std::ios::trunc) << text;
}

std::vector<json> readLines(const QString& path)
{
    std::vector<json> lines;
    std::istringstream text(readAll(path));
    for (std::string line; std::getline(text, line);)
        if (!line.empty())
            lines.push_back(json::parse(line));
    return lines;
}

// The last line of stderr: what a user reads when a command fails.
QByteArray lastErrorLine(const CliRun& run) { return run.err.trimmed().split('\n').last(); }

const char* kPassingAnswer = "Here is the code:\n```python\ndef add(a, b):\n    return a + b\n```\n";

}  // namespace

class TestCliTraining : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_student, m_teacher, m_data;

    QString path(const char* name) const { return m_dir.filePath(name); }

    // Student then teacher, two answers each, one record generated at a time so
    // that a resumed record's batch is the same as the first run's.
    QStringList sampleArgs(const QString& out) const
    {
        return {"sample", m_data, "--student", m_student, "--teacher", m_teacher, "--out", out, "--k", "2",
                "--max-new-tokens", "6", "--batch-records", "1", "--seed", "7", "--student-template", "pangu",
                "--teacher-template", "alpaca"};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_student = path("student");
        m_teacher = path("teacher");
        for (const auto& [dir, seed] : {std::pair{m_student, "1"}, std::pair{m_teacher, "2"}}) {
            CliRun run = runCli({"make-demo-model", dir, "--layers", "1", "--hidden", "32", "--heads", "4", "--positions",
                                 "1024", "--seed", seed, "--tokenizer", RRTF_TEST_DATA "/tokenizer/starcoder-tokenizer.json"});
            QVERIFY2(run.exitCode == 0, run.err.constData());
        }
        m_data = path("data.jsonl");
        std::ofstream data(m_data.toStdString());
        for (int i = 0; i < 3; ++i) {
            json record = {{"task_id", "add/" + std::to_string(i)},
                           {"instruction", "Write a function add(a, b) that returns the sum of a and b."},
                           {"tests", "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n"}};
            if (i == 1)
                record["answers"] = {{{"text", kPassingAnswer}, {"source", "gpt-3.5-turbo"}, {"temperature", 0.2}}};
            data << record.dump() << '\n';
        }
    }

    void sampleWritesAnswersWithProvenance()
    {
        const QString out = path("samples.jsonl");
        CliRun run = runCli(sampleArgs(out));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("tok/s"));  // the progress line

        const std::vector<json> lines = readLines(out);
        QCOMPARE(lines.size(), size_t(3 + 3 + 1));  // student and teacher per record, the data's answer once
        std::map<std::string, int> perRole;
        for (const json& line : lines) {
            const std::string name = line["model"]["name"].get<std::string>();
            if (name == "data") {
                QCOMPARE(line["task_id"].get<std::string>(), std::string("add/1"));
                QCOMPARE(line["role"].get<std::string>(), std::string("teacher"));
                QCOMPARE(line["samples"].size(), size_t(1));
                QCOMPARE(line["samples"][0]["source"].get<std::string>(), std::string("gpt-3.5-turbo"));
                QCOMPARE(line["samples"][0]["text"].get<std::string>(), std::string(kPassingAnswer));
                continue;
            }
            const bool student = line["role"] == "student";
            ++perRole[line["role"].get<std::string>()];
            QCOMPARE(QString::fromStdString(line["model"]["dir"].get<std::string>()), student ? m_student : m_teacher);
            QCOMPARE(QString::fromStdString(name), QString(student ? "student" : "teacher"));
            QCOMPARE(line["model"]["fingerprint"].get<std::string>().size(), size_t(16));
            QCOMPARE(line["template"].get<std::string>(), std::string(student ? "pangu" : "alpaca"));
            QVERIFY(std::abs(line["temperature"].get<double>() - (student ? 0.8 : 0.2)) < 1e-6);
            QVERIFY(std::abs(line["top_p"].get<double>() - 0.95) < 1e-6);
            QVERIFY(line["seed"].is_number_unsigned());
            QCOMPARE(line["samples"].size(), size_t(2));
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(line["samples"][i]["index"].get<int>(), i);
                QVERIFY(line["samples"][i]["text"].is_string());
                QVERIFY(line["samples"][i]["tokens"].get<int>() <= 6);
            }
        }
        QCOMPARE(perRole["student"], 3);
        QCOMPARE(perRole["teacher"], 3);
        // The two models' fingerprints differ: their weights do.
        QVERIFY(lines[1]["model"]["fingerprint"] != lines[6]["model"]["fingerprint"]);
    }

    void sampleResumesAfterAKill()
    {
        const QString out = path("samples.jsonl");
        const std::string complete = readAll(out);
        QVERIFY(!complete.empty());
        // A kill in the middle of the last line.
        const std::size_t lastLine = complete.rfind('\n', complete.size() - 2) + 1;
        writeText(out, complete.substr(0, lastLine + (complete.size() - lastLine) / 2));

        CliRun run = runCli(sampleArgs(out));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("partial line"));
        QVERIFY2(run.out.startsWith("1 new lines"), run.out.constData());
        QCOMPARE(readAll(out), complete);  // same answers, nothing twice

        run = runCli(sampleArgs(out));  // complete: nothing to do
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.startsWith("0 new lines"), run.out.constData());
        QCOMPARE(readAll(out), complete);

        std::set<std::pair<std::string, std::string>> keys;
        for (const json& line : readLines(out))
            QVERIFY(keys.insert({line["task_id"].get<std::string>(),
                                 line["role"].get<std::string>() + line["model"]["name"].get<std::string>()})
                        .second);
    }

    void sampleRefusesToMixSettings()
    {
        QStringList args = sampleArgs(path("samples.jsonl"));
        args[args.indexOf("--k") + 1] = "3";
        CliRun run = runCli(args);
        QVERIFY(run.exitCode != 0);
        const QByteArray last = lastErrorLine(run);
        QVERIFY2(last.startsWith("rrtf: error:") && last.contains("samples.jsonl:") && last.contains("k 2"),
                 run.err.constData());
    }

    void rankPutsThePassingTeacherAboveTheStudents()
    {
        const QString rankings = path("rankings.jsonl");
        CliRun run = runCli({"rank", m_data, path("samples.jsonl"), "--out", rankings, "--jobs", "2", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("answers"));  // the progress line
        const json summary = json::parse(run.out.toStdString());
        int teachers = 0, students = 0;
        for (const auto& [name, count] : summary["answers"]["teacher"].items())
            teachers += count.get<int>();
        for (const auto& [name, count] : summary["answers"]["student"].items())
            students += count.get<int>();
        QCOMPARE(teachers, 3 * 2 + 1);
        QCOMPARE(students, 3 * 2);
        QCOMPARE(summary["answers"]["teacher"]["all_pass"].get<int>(), 1);  // random weights pass nothing
        QCOMPARE(summary["answers"]["student"]["all_pass"].get<int>(), 0);
        QCOMPARE(summary["items"].get<int>(), 3);
        QVERIFY(summary["pairs"].get<int>() >= 2);

        const std::vector<json> items = readLines(rankings);
        QCOMPARE(items.size(), size_t(3));
        const json& item = items[1];
        QCOMPARE(item["task_id"].get<std::string>(), std::string("add/1"));
        const json& best = item["teachers"][item["best_teacher"].get<int>()];
        QCOMPARE(best["model"].get<std::string>(), std::string("gpt-3.5-turbo"));
        QCOMPARE(best["class"].get<std::string>(), std::string("all_pass"));
        QCOMPARE(best["code"].get<std::string>(), std::string("def add(a, b):\n    return a + b\n"));
        QCOMPARE(item["pairs"].size(), size_t(2));  // both student answers rank below it
        for (const json& pair : item["pairs"])
            QVERIFY(pair["r_tea"].get<double>() > pair["r_stu"].get<double>());
        for (const json& student : item["students"])
            QVERIFY(student["class"] != "all_pass");

        CliRun text = runCli({"rank", m_data, path("samples.jsonl"), "--out", rankings, "--quiet"});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY(text.out.contains("compile_error") && text.out.contains("pairs"));
    }

    // A written corpus, no sampling: the data's answers are ranked as teachers.
    void rankWithoutSamplesRanksTheDataAnswers()
    {
        const QString rankings = path("data-rankings.jsonl");
        CliRun run = runCli({"rank", m_data, "--out", rankings, "--workers", "2", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("objective \"sft\""), run.err.constData());  // what these rankings are for
        const json summary = json::parse(run.out.toStdString());
        QCOMPARE(summary["answers"]["teacher"]["all_pass"].get<int>(), 1);
        QCOMPARE(summary["answers"]["student"]["all_pass"].get<int>(), 0);
        QCOMPARE(summary["pairs"].get<int>(), 0);
        QCOMPARE(summary["items"].get<int>(), 3);  // two records have no answer at all
        const std::vector<json> items = readLines(rankings);
        QCOMPARE(items.size(), size_t(1));
        QCOMPARE(items[0]["task_id"].get<std::string>(), std::string("add/1"));
        QCOMPARE(items[0]["teachers"].size(), size_t(1));
        QCOMPARE(items[0]["students"].size(), size_t(0));
        // The two left out are so because no samples file was given and they carry
        // no answers, not for "no answers in the samples file".
        QCOMPARE(summary["dropped"].size(), size_t(2));
        bool said = false;
        for (const json& dropped : summary["dropped"]) {
            const std::string reason = dropped["reason"].get<std::string>();
            QVERIFY2(reason.find("no answers in the samples file") == std::string::npos, reason.c_str());
            if (reason.find("no samples file given") != std::string::npos) {
                QCOMPARE(dropped["items"].get<int>(), 2);
                said = true;
            }
        }
        QVERIFY2(said, summary.dump().c_str());
    }

    // Rankings without a pair: objective "rrtf" would be SFT in disguise, so rrtf
    // train refuses it, naming the file and the objective that does train on it.
    void trainRefusesRrtfWithoutPairs()
    {
        const QString rankings = path("pairless-rankings.jsonl");
        CliRun ranked = runCli({"rank", m_data, "--out", rankings, "--workers", "2", "--quiet"});
        QVERIFY2(ranked.exitCode == 0, ranked.err.constData());
        const QString runDir = path("pairless-run");
        QVERIFY(QDir().mkpath(runDir));
        for (const char* objective : {"rrtf", "sft"}) {
            const json config = {{"model", m_student.toStdString()}, {"rankings", rankings.toStdString()},
                                 {"objective", objective},           {"global_batch", 1},
                                 {"micro_batch", 1},                 {"max_steps", 1},
                                 {"max_length", 64},                 {"checkpoint_every", 1}};
            writeText(runDir + "/config.json", config.dump());
            CliRun train = runCli({"train", runDir, "--threads", "1"});
            if (std::string(objective) == "rrtf") {
                QCOMPARE(train.exitCode, 1);
                const QByteArray line = lastErrorLine(train);
                QVERIFY2(line.contains(rankings.toUtf8()) && line.contains("has no pairs") &&
                             line.contains("\"objective\": \"sft\""),
                         train.err.constData());
                QVERIFY(!QFile::exists(runDir + "/metrics.jsonl"));  // nothing trained
            } else {
                QVERIFY2(train.exitCode == 0, train.err.constData());  // SFT on the teacher answers is allowed
            }
        }
    }

    // The embedding has one row per id of the tokenizer shipped with the model.
    void demoModelTakesItsVocabularyFromTheTokenizer()
    {
        const json bytes = {
            {"model", {{"type", "BPE"}, {"vocab", {{"<|endoftext|>", 0}, {"a", 1}, {"b", 2}}}, {"merges", json::array()}}},
            {"added_tokens", {{{"id", 0}, {"content", "<|endoftext|>"}, {"special", true}}}},
            {"pre_tokenizer", {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"use_regex", true}}},
            {"decoder", {{"type", "ByteLevel"}}}};
        writeText(path("small-tokenizer.json"), bytes.dump());
        CliRun made = runCli({"make-demo-model", path("small"), "--layers", "1", "--hidden", "16", "--heads", "2",
                              "--tokenizer", path("small-tokenizer.json")});
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QCOMPARE(json::parse(readAll(path("small/config.json")))["vocab_size"].get<int>(), 3);
        CliRun padded = runCli({"make-demo-model", path("padded"), "--layers", "1", "--hidden", "16", "--heads", "2",
                                "--tokenizer", path("small-tokenizer.json"), "--vocab-size", "8"});
        QVERIFY2(padded.exitCode == 0, padded.err.constData());
        QCOMPARE(json::parse(readAll(path("padded/config.json")))["vocab_size"].get<int>(), 8);
        CliRun tooSmall = runCli({"make-demo-model", path("bad"), "--tokenizer", path("small-tokenizer.json"),
                                  "--vocab-size", "2"});
        QCOMPARE(tooSmall.exitCode, 1);
        QVERIFY2(lastErrorLine(tooSmall).contains("smaller than the tokenizer's 3 ids"), tooSmall.err.constData());
    }

    // rrtf rank killed (kill -9) and cancelled (Ctrl-C) partway: the same command
    // judges only what is left, and writes what an uninterrupted run writes.
    void rankResumesAfterAKillWithTheSameRankings()
    {
        // 4 records, 6 slow answers each (passing, failing, not compiling), judged one at a time.
        const QString data = path("resume_data.jsonl");
        const QString samples = path("resume_samples.jsonl");
        std::ofstream dataFile(data.toStdString()), samplesFile(samples.toStdString());
        const std::string slow = "import time\ntime.sleep(0.1)\n";
        const std::string bodies[] = {"return a + b", "return a - b", "return (", "return b + a", "return 3",
                                      "return a + b + 0"};
        for (int r = 0; r < 4; ++r) {
            const std::string id = "resume/" + std::to_string(r);
            dataFile << json{{"task_id", id}, {"instruction", "Add a and b."},
                             {"tests", "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n"}}.dump()
                     << '\n';
            json group = {{"task_id", id}, {"role", "student"}, {"model", {{"name", "s"}, {"dir", "/m/s"}}},
                          {"temperature", 0.8}, {"samples", json::array()}};
            for (int i = 0; i < 6; ++i)
                group["samples"].push_back({{"index", i}, {"text", slow + "def add(a, b):\n    " + bodies[i] + "\n"}});
            json teacher = group;
            teacher["role"] = "teacher";
            teacher["model"] = {{"name", "t"}, {"dir", "/m/t"}};
            teacher["samples"] = json::array({{{"index", 0}, {"text", slow + "def add(a, b):\n    return a + b\n"}}});
            samplesFile << group.dump() << '\n' << teacher.dump() << '\n';
        }
        dataFile.close();
        samplesFile.close();
        const int answers = 4 * 7;
        const QString rankings = path("resume_rankings.jsonl");
        const QString journal = rankings + ".verdicts";
        const QStringList args{"rank", data, samples, "--out", rankings, "--jobs", "1", "--json"};
        // Whole lines only: a kill may leave the last one without its newline.
        auto journalLines = [](const QString& file) {
            const std::string text = readAll(file);
            return int(std::count(text.begin(), text.end(), '\n'));
        };

        // Stopped by `signal` once `atLeast` verdicts are in the journal (its first line is the settings).
        auto stopPartway = [&](int signal, int atLeast) {
            QProcess process;
            process.start(RRTF_CLI_PATH, args);
            QVERIFY(process.waitForStarted());
            QElapsedTimer clock;
            clock.start();
            while (journalLines(journal) < 1 + atLeast && clock.elapsed() < 60000)
                QThread::msleep(5);
            ::kill(pid_t(process.processId()), signal);
            QVERIFY(process.waitForFinished(60000));
            if (signal == SIGINT) {
                QCOMPARE(process.exitCode(), 130);
                const QByteArray err = process.readAllStandardError();
                QVERIFY2(err.contains("run the command again to continue") && err.contains(".verdicts"),
                         err.constData());
            } else {
                QCOMPARE(process.exitStatus(), QProcess::CrashExit);
            }
        };
        stopPartway(SIGKILL, 4);
        QVERIFY(!QFile::exists(rankings));
        const int afterKill = journalLines(journal) - 1;
        QVERIFY2(afterKill >= 4 && afterKill < answers, std::to_string(afterKill).c_str());

        // Another --timeout would mix two kinds of verdict: refused, the journal untouched.
        const std::string kept = readAll(journal);
        CliRun other = runCli({"rank", data, samples, "--out", rankings, "--timeout", "5"});
        QVERIFY(other.exitCode != 0);
        QVERIFY2(lastErrorLine(other).contains(".verdicts:1:") && lastErrorLine(other).contains("cpu_seconds"),
                 other.err.constData());
        QCOMPARE(readAll(journal), kept);

        stopPartway(SIGINT, afterKill + 3);
        const int afterCancel = journalLines(journal) - 1;
        QVERIFY2(afterCancel > afterKill && afterCancel < answers, std::to_string(afterCancel).c_str());

        CliRun resumed = runCli(args);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        const json summary = json::parse(resumed.out.toStdString());
        QCOMPARE(summary["reused"].get<int>(), afterCancel);
        QCOMPARE(summary["judged"].get<int>(), answers - afterCancel);
        QVERIFY(resumed.err.contains("verdicts reused"));
        QVERIFY(!QFile::exists(journal));  // removed once the rankings are written

        const QString straight = path("straight_rankings.jsonl");
        CliRun uninterrupted = runCli({"rank", data, samples, "--out", straight, "--jobs", "1", "--json",
                                       "--keep-verdicts"});
        QVERIFY2(uninterrupted.exitCode == 0, uninterrupted.err.constData());
        QCOMPARE(json::parse(uninterrupted.out.toStdString())["judged"].get<int>(), answers);
        QVERIFY(readAll(rankings) == readAll(straight));
        QCOMPARE(readLines(rankings).size(), size_t(4));
        QCOMPARE(journalLines(straight + ".verdicts"), 1 + answers);  // kept, as asked
    }

    void evolveReportsWhatEachFilterDropped()
    {
        const QString seeds = path("seeds.jsonl");
        std::ofstream file(seeds.toStdString());
        const char* instructions[] = {"Write a function that reverses a string.",
                                      "Write a function that returns the largest of three numbers.",
                                      "Write a function that counts the vowels in a word."};
        for (int i = 0; i < 3; ++i)
            file << json{{"task_id", "seed/" + std::to_string(i)}, {"instruction", instructions[i]}}.dump() << '\n';
        file.close();
        const QString out = path("evolved.jsonl");
        CliRun run = runCli({"evolve", seeds, "--teacher", m_teacher, "--out", out, "--max-new-tokens", "2", "--json"});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const json report = json::parse(run.out.toStdString());
        QCOMPARE(report["rounds"].size(), size_t(1));
        const json& round = report["rounds"][0];
        QCOMPARE(round["requests"].get<int>(), 3);
        int dropped = 0;
        for (const auto& [filter, count] : round["dropped_by"].items())
            dropped += count.get<int>();
        QCOMPARE(round["kept"].get<int>() + dropped, 3);
        QVERIFY(dropped >= 1);  // two garbage tokens make no task
        QCOMPARE(round["dropped"].size(), size_t(dropped));
        for (const json& entry : round["dropped"])
            QVERIFY(!entry["filter"].get<std::string>().empty() && !entry["reason"].get<std::string>().empty());
        const std::vector<json> lines = readLines(out);
        QCOMPARE(int(lines.size()), report["kept"].get<int>());
        for (const json& line : lines)
            QCOMPARE(line["evolution"]["round"].get<int>(), 1);

        CliRun text = runCli({"evolve", seeds, "--teacher", m_teacher, "--out", out, "--max-new-tokens", "2", "--quiet"});
        QVERIFY2(text.exitCode == 0, text.err.constData());
        QVERIFY2(text.out.contains("dropped by"), text.out.constData());
    }

    void errorsAreOneLineNamingFileAndLine()
    {
        CliRun missing = runCli({"sample", path("absent.jsonl"), "--student", m_student, "--out", path("x.jsonl")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(lastErrorLine(missing).startsWith("rrtf: error:") && lastErrorLine(missing).contains("absent.jsonl"),
                 missing.err.constData());

        const QString bad = path("bad.jsonl");
        writeText(bad, readAll(m_data).substr(0, readAll(m_data).find('\n') + 1) + "{\"task_id\": \n");
        CliRun malformed = runCli({"sample", bad, "--student", m_student, "--out", path("x.jsonl")});
        QVERIFY(malformed.exitCode != 0);
        QVERIFY2(lastErrorLine(malformed).contains("bad.jsonl:2"), malformed.err.constData());

        const QString badSamples = path("bad_samples.jsonl");
        const std::string samples = readAll(path("samples.jsonl"));
        writeText(badSamples, samples.substr(0, samples.find('\n') + 1) + "{\"task_id\": \"add/0\"}\n");
        CliRun rank = runCli({"rank", m_data, badSamples, "--out", path("r.jsonl")});
        QVERIFY(rank.exitCode != 0);
        QVERIFY2(lastErrorLine(rank).startsWith("rrtf: error:") && lastErrorLine(rank).contains("bad_samples.jsonl:2"),
                 rank.err.constData());

        CliRun noModel = runCli({"evolve", m_data, "--teacher", path("nowhere"), "--out", path("e.jsonl")});
        QVERIFY(noModel.exitCode != 0);
        QVERIFY2(lastErrorLine(noModel).contains("nowhere"), noModel.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliTraining)
#include "test_cli_training.moc"

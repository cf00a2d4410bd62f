// The rrtf command line as other tools call it: the exact forms, one JSON
// object on stdout, one-line errors and non-zero exits on failure.
#include "runtime/version.h"
#include "support/golden.h"

#include "support/cli_run.h"
#include "support/format_error.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf::test;

namespace {

nlohmann::json parseJson(const CliRun& run)
{
    return nlohmann::json::parse(run.out.toStdString());
}

QString golden() { return QString::fromStdString(goldenDir().string()); }
QString starcoderTokenizer() { return RRTF_TEST_DATA "/tokenizer/starcoder-tokenizer.json"; }

// The commands `rrtf --help` lists under "Subcommands:".
QStringList helpCommands()
{
    const QStringList lines = runCli({"--help"}).outText().split('\n');
    QStringList commands;
    const qsizetype start = lines.indexOf(QRegularExpression("^Subcommands:"));
    for (qsizetype i = start + 1; start >= 0 && i < lines.size() && lines[i].startsWith("  "); ++i)
        commands << lines[i].trimmed().section(' ', 0, 0);
    return commands;
}

// What the bash completion script offers for `words` (the last one being typed).
QStringList bashCompletions(const QString& script, const QStringList& words)
{
    QProcess bash;
    bash.start("bash", QStringList{"-c",
                                   "source \"$0\"; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); _rrtf; "
                                   "printf '%s\\n' \"${COMPREPLY[@]}\"",
                                   script} +
                           words);
    bash.waitForFinished();
    QStringList offered = QString::fromUtf8(bash.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);
    offered.sort();
    return offered;
}

QString idsText(const std::vector<int>& ids)
{
    QStringList parts;
    for (int id : ids)
        parts << QString::number(id);
    return parts.join(' ');
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenizePrintsIds()
    {
        const CliRun run = runCli({"tokenize", "--tokenizer", starcoderTokenizer(), "--text", "Hello world", "--json"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parseJson(run)["ids"].get<std::vector<int>>(), (std::vector<int>{8279, 5788}));
    }

    void tokenizeReadsATextFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath("in.py"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("hello<|endoftext|>world");
        file.close();
        const CliRun run = runCli({"tokenize", "--tokenizer", starcoderTokenizer(), "--text-file", file.fileName(), "--json"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parseJson(run)["ids"].get<std::vector<int>>(), (std::vector<int>{7656, 0, 5860}));
    }

    void logitsMatchTransformers()
    {
        const auto ids = jsonIds(goldenExpected()["inputs"]["seq1"]);
        CliRun run = runCli({"logits", "--model", golden(), "--ids", idsText(ids), "--json"});
        QCOMPARE(run.exitCode, 0);
        at::Tensor last = jsonTensor(parseJson(run)["logits"]);
        QCOMPARE(last.size(0), 1);
        QVERIFY(maxAbsDiff(last[0], jsonTensor(goldenExpected()["forward"]["logits_seq1"])[16]) < 1e-4);

        run = runCli({"logits", "--model", golden(), "--ids", idsText(ids), "--all-positions", "--json"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(maxAbsDiff(jsonTensor(parseJson(run)["logits"]), jsonTensor(goldenExpected()["forward"]["logits_seq1"])) < 1e-4);
    }

    void greedyGenerationMatchesTransformers()
    {
        const auto& record = goldenExpected()["generate"]["prompt2"];
        const CliRun run = runCli({"generate", "--model", golden(), "--ids", idsText(jsonIds(record["prompt"])), "--greedy",
                                 "--max-new-tokens", "20", "--ignore-eos", "--json"});
        QCOMPARE(run.exitCode, 0);
        const auto samples = parseJson(run)["samples"];
        QCOMPARE(samples.size(), size_t(1));
        QCOMPARE(samples[0]["ids"].get<std::vector<int>>(), jsonIds(record["new_tokens"]));
    }

    void seededSamplesWithTextAndStops()
    {
        const QStringList arguments = {"generate", "--model", golden(), "--tokenizer", starcoderTokenizer(), "--ids",
                                       "45 419 489", "--temperature", "0.9", "--top-p", "0.9", "--n", "4", "--seed", "7",
                                       "--max-new-tokens", "12", "--stop", "\n", "--json"};
        const CliRun first = runCli(arguments);
        QCOMPARE(first.exitCode, 0);
        const auto samples = parseJson(first)["samples"];
        QCOMPARE(samples.size(), size_t(4));
        for (const auto& sample : samples) {
            QVERIFY(sample.contains("text"));
            QVERIFY(sample["text"].get<std::string>().find('\n') == std::string::npos);
        }
        QCOMPARE(parseJson(runCli(arguments)), parseJson(first));  // the seed reproduces the run
    }

    void promptTextNeedsATokenizer()
    {
        const CliRun run = runCli({"generate", "--model", golden(), "--prompt", "def f():", "--json"});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("tokenizer"), run.err.constData());
    }

    void failuresAreOneLineAndNonZero_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing model dir") << QStringList{"logits", "--model", "/nonexistent/model", "--ids", "1"} << "/nonexistent/model";
        QTest::newRow("bad ids") << QStringList{"logits", "--model", golden(), "--ids", "1 two 3"} << "two";
        QTest::newRow("id outside vocabulary") << QStringList{"logits", "--model", golden(), "--ids", "1 600"} << "range";
        QTest::newRow("context overflow") << QStringList{"generate", "--model", golden(), "--ids", "1 2 3", "--max-new-tokens", "200"} << "128";
        QTest::newRow("missing tokenizer file") << QStringList{"tokenize", "--tokenizer", "/nonexistent/tok.json", "--text", "x"} << "/nonexistent/tok.json";
        QTest::newRow("unknown template") << QStringList{"generate", "--model", golden(), "--tokenizer", starcoderTokenizer(), "--prompt", "x", "--template", "chatml"} << "chatml";
        QTest::newRow("bad top-p") << QStringList{"generate", "--model", golden(), "--ids", "1", "--top-p", "1.5"} << "1.5";
        QTest::newRow("unknown device") << QStringList{"logits", "--model", golden(), "--ids", "1", "--device", "tpu"} << "tpu";
    }

    void failuresAreOneLineAndNonZero()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const CliRun run = runCli(arguments);
        QVERIFY(run.exitCode > 0);
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY2(!err.contains('\n'), qPrintable(err));
        QVERIFY(run.out.isEmpty());
    }

    void everySubcommandHasHelp_data()
    {
        QTest::addColumn<QString>("command");
        for (const char* command : {"tokenize", "logits", "generate", "info", "make-demo-model", "eval", "check"})
            QTest::newRow(command) << command;
    }

    void everySubcommandHasHelp()
    {
        QFETCH(QString, command);
        const CliRun run = runCli({command, "--help"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Usage") || run.out.contains("OPTIONS"));
    }

    // One version, CMake's project(VERSION): what `rrtf --version` prints is what the
    // engine stores with a run and the workbench shows in About.
    void versionIsTheProjectVersion()
    {
        const QString version = QString::fromStdString(std::string(rrtf::projectVersion()));
        QVERIFY2(QRegularExpression("^\\d+\\.\\d+\\.\\d+").match(version).hasMatch(), qPrintable(version));
        const CliRun run = runCli({"--version"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.outText().trimmed(), "rrtf " + version);
    }

    // rrtf man: a section for every command --help lists, naming every option that
    // command's --help prints.
    void manPageFollowsHelp()
    {
        const CliRun page = runCli({"man"});
        QCOMPARE(page.exitCode, 0);
        const QString man = page.outText();
        QVERIFY(man.contains(QRegularExpression("^\\.TH RRTF 1 .*rrtf " + QRegularExpression::escape(
                                                    QString::fromStdString(std::string(rrtf::projectVersion()))),
                                                QRegularExpression::MultilineOption)));
        const QStringList commands = helpCommands();
        QVERIFY2(commands.size() >= 15 && commands.contains("eval") && commands.contains("man"),
                 qPrintable(commands.join(' ')));
        const QRegularExpression optionName("(?<![\\w-])--[a-z][a-z0-9-]*");
        for (const QString& command : commands) {
            QVERIFY2(man.contains(".SS \"rrtf " + command + "\""), qPrintable(command));
            const CliRun help = runCli({command, "--help"});
            QCOMPARE(help.exitCode, 0);
            for (const auto& match : optionName.globalMatch(help.outText())) {
                const QString name = match.captured();
                QVERIFY2(man.contains(QString(name).replace("-", "\\-")) || man.contains(name),
                         qPrintable(command + " " + name));
            }
        }
    }

    void bashCompletionCompletesCommandsOptionsAndFiles()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath("rrtf.bash");
        QCOMPARE(runCli({"completion", "bash", "--output", script}).exitCode, 0);
        QCOMPARE(bashCompletions(script, {"rrtf", "ev"}), (QStringList{"eval", "evolve"}));
        QVERIFY(bashCompletions(script, {"rrtf", ""}).contains("quantize"));
        QCOMPARE(bashCompletions(script, {"rrtf", "eval", "--sampl"}), (QStringList{"--samples"}));
        QVERIFY(writeBytes(dir.filePath("answers.jsonl"), "{}\n"));
        QCOMPARE(bashCompletions(script, {"rrtf", "eval", "--samples", dir.filePath("ans")}),
                 (QStringList{dir.filePath("answers.jsonl")}));
        QVERIFY(runCli({"completion", "zsh"}).exitCode != 0);  // only bash is written
    }

    void demoModelRoundTrip()
    {
        QTemporaryDir dir;
        CliRun run = runCli({"make-demo-model", dir.path(), "--layers", "1", "--hidden", "32", "--heads", "4", "--positions", "64",
                           "--tokenizer", starcoderTokenizer(), "--format", "bin"});
        QCOMPARE(run.exitCode, 0);
        run = runCli({"info", "--model", dir.path(), "--json"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parseJson(run)["layers"].get<int>(), 1);
        run = runCli({"generate", "--model", dir.path(), "--prompt", "def add(a, b):", "--max-new-tokens", "5", "--json"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parseJson(run)["samples"][0]["ids"].size(), size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"

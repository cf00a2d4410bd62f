// Failure annotations in the workspace: the default taxonomy a new or upgraded
// workspace gets, verdicts that survive the upgrade from schema version 1, labels
// and notes that come back after a reopen, label edits and deletion (the note
// stays), and exports other tools read (RFC 4180 CSV, JSONL).
#include "store/annotations.h"
#include "store/workspace_schema.h"
#include "store_fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sstream>
#include <string>
#include <vector>

using namespace rrtf;
using rrtf::test::pathIn;

namespace {

std::vector<std::string> labelNames(Annotations& annotations)
{
    std::vector<std::string> names;
    for (const FailureLabel& label : annotations.labels())
        names.push_back(label.name);
    return names;
}

std::int64_t labelId(Annotations& annotations, const std::string& name)
{
    for (const FailureLabel& label : annotations.labels())
        if (label.name == name)
            return label.id;
    return -1;
}

template <typename F>
void expectInvalid(F&& call, const QString& word)
{
    try {
        call();
        QFAIL("expected an InvalidArgument");
    } catch (const InvalidArgument& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains(word), qPrintable(message + " lacks " + word));
    }
}

const std::vector<std::string> kDefaultLabels{
    "wrong algorithm", "off-by-one / boundary", "misread the spec", "syntax error",     "runtime error",
    "timeout / inefficient", "incomplete code", "hallucinated API", "formatting / IO", "other"};

}  // namespace

class TestAnnotations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aNewWorkspaceHasTheDefaultTaxonomy()
    {
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        QCOMPARE(workspace.database().userVersion(), Workspace::schemaVersion());
        Annotations annotations(workspace);
        QCOMPARE(labelNames(annotations), kDefaultLabels);
        std::string keys;
        for (const FailureLabel& label : annotations.labels()) {
            keys += label.shortcut;
            QVERIFY(!label.description.empty());
            QVERIFY(label.createdMs > 0);
        }
        QCOMPARE(keys, std::string("1234567890"));
        QVERIFY(annotations.all().empty());
        QVERIFY(annotations.annotators().empty());
    }

    void versionOneVerdictsSurviveTheUpgrade()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "v1.sqlite");
        {
            // The file an earlier program left: schema version 1 and its rows.
            Database db(file);
            QCOMPARE(db.migrate({workspaceMigrations().front()}), 1);
            db.exec("INSERT INTO eval_runs (id, key, problem_set_path, problem_set_sha256, samples_path, "
                    "samples_sha256, settings, created_ms, finished_ms, engine_version) VALUES (7, 'run-key-1', "
                    "'/data/HumanEval.jsonl.gz', 'a1b2', '/data/samples.jsonl', 'c3d4', '{\"k\":[1]}', 1000, 2000, "
                    "'0.0.9')");
            db.exec("INSERT INTO eval_verdicts VALUES (7, 0, 'HumanEval/0', 'c0', '    return 1\n', 'passed', 3, 3, "
                    "'', '', '', 12.5, 8.25, 'split', '', 'userns', 'python3', '{}', 0, 1500), (7, 1, "
                    "'HumanEval/1', 'c1', '    return 2\n', 'failed', 1, 3, 'assert candidate(2) == 4', 'out', 'err', "
                    "20.0, 10.0, 'split', '', 'userns', 'python3', '{\"wall_seconds\":2.5}', 1, 1600)");
        }
        Workspace workspace(file);
        QCOMPARE(workspace.database().userVersion(), Workspace::schemaVersion());
        const std::optional<EvalRun> run = workspace.findRun("run-key-1");
        QVERIFY(run.has_value());
        QCOMPARE(run->id, std::int64_t(7));
        QCOMPARE(run->finishedMs, std::optional<std::int64_t>(2000));
        const std::vector<StoredVerdict> verdicts = workspace.verdicts(7);
        QCOMPARE(verdicts.size(), 2u);
        QCOMPARE(verdicts[0].taskId, std::string("HumanEval/0"));
        QVERIFY(verdicts[0].verdict.passed());
        QCOMPARE(verdicts[1].verdict.detail, std::string("assert candidate(2) == 4"));
        QCOMPARE(verdicts[1].verdict.limits.wallSeconds, 2.5);
        QVERIFY(verdicts[1].verdict.rechecked);

        Annotations annotations(workspace);
        QCOMPARE(labelNames(annotations), kDefaultLabels);
        annotations.setLabel("run:7:1", "ann", labelId(annotations, "off-by-one / boundary"));
        QCOMPARE(annotations.annotation("run:7:1", "ann")->label, std::string("off-by-one / boundary"));
    }

    void labelsAndNotesSurviveAReopen()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir.path(), "w.sqlite");
        std::int64_t wrong = 0;
        {
            Workspace workspace(file);
            Annotations annotations(workspace);
            wrong = labelId(annotations, "wrong algorithm");
            annotations.setLabel("run:1:0", "ann", wrong);
            annotations.setNote("run:1:0", "ann", "sorts instead of counting");
            annotations.setNote("run:1:0", "bo", "looks fine to me");
            annotations.setLabel("cmp:3:left", "bo", labelId(annotations, "syntax error"));
            // Setting one part keeps the other.
            annotations.setLabel("run:1:0", "ann", labelId(annotations, "misread the spec"));
            annotations.setLabel("run:1:0", "ann", wrong);
        }
        Workspace workspace(file);
        Annotations annotations(workspace);
        const std::optional<Annotation> ann = annotations.annotation("run:1:0", "ann");
        QVERIFY(ann.has_value());
        QCOMPARE(ann->labelId, std::optional<std::int64_t>(wrong));
        QCOMPARE(ann->label, std::string("wrong algorithm"));
        QCOMPARE(ann->note, std::string("sorts instead of counting"));
        QVERIFY(ann->updatedMs > 0);
        const std::vector<Annotation> item = annotations.annotationsFor("run:1:0");
        QCOMPARE(item.size(), 2u);
        QCOMPARE(item[1].annotator, std::string("bo"));
        QVERIFY(!item[1].labelId.has_value());
        QCOMPARE(item[1].note, std::string("looks fine to me"));
        QCOMPARE(annotations.annotators(), (std::vector<std::string>{"ann", "bo"}));
        QCOMPARE(annotations.all().size(), 3u);
        QCOMPARE(annotations.all().front().itemKey, std::string("cmp:3:left"));
        QVERIFY(!annotations.annotation("run:1:0", "cy").has_value());

        // Clearing both parts removes the annotation.
        annotations.setNote("run:1:0", "bo", "");
        QVERIFY(!annotations.annotation("run:1:0", "bo").has_value());
        QCOMPARE(annotations.annotators(), (std::vector<std::string>{"ann", "bo"}));  // bo still has cmp:3:left
        annotations.setLabel("cmp:3:left", "bo", std::nullopt);
        QCOMPARE(annotations.annotators(), (std::vector<std::string>{"ann"}));
    }

    void editingTheTaxonomy()
    {
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        Annotations annotations(workspace);
        const FailureLabel added = annotations.addLabel("  prompt leakage ", "Copies the tests.", "p");
        QCOMPARE(added.name, std::string("prompt leakage"));
        QCOMPARE(added.position, 10);
        QCOMPARE(annotations.labels().back().id, added.id);

        annotations.renameLabel(added.id, "test leakage");
        annotations.describeLabel(added.id, "Reads or copies the hidden tests.", "\xc3\xa9");  // é: one character
        const std::optional<FailureLabel> edited = annotations.label(added.id);
        QCOMPARE(edited->name, std::string("test leakage"));
        QCOMPARE(edited->description, std::string("Reads or copies the hidden tests."));
        QCOMPARE(edited->shortcut, std::string("\xc3\xa9"));
        annotations.renameLabel(added.id, "Test Leakage");  // its own name in another case is fine

        std::vector<std::int64_t> reversed;
        for (const FailureLabel& label : annotations.labels())
            reversed.insert(reversed.begin(), label.id);
        annotations.reorderLabels(reversed);
        QCOMPARE(annotations.labels().front().name, std::string("Test Leakage"));
        QCOMPARE(annotations.labels().back().name, std::string("wrong algorithm"));

        expectInvalid([&] { annotations.addLabel("OTHER"); }, "already a failure label named \"OTHER\"");
        expectInvalid([&] { annotations.addLabel("   "); }, "needs a name");
        expectInvalid([&] { annotations.renameLabel(added.id, "syntax error"); }, "syntax error");
        expectInvalid([&] { annotations.addLabel("new", "", "1"); }, "\"wrong algorithm\"");
        expectInvalid([&] { annotations.addLabel("new", "", "ab"); }, "one printable character");
        expectInvalid([&] { annotations.addLabel("new", "", " "); }, "one printable character");
        expectInvalid([&] { annotations.renameLabel(9999, "x"); }, "no failure label 9999");
        expectInvalid([&] { annotations.deleteLabel(9999); }, "no failure label 9999");
        expectInvalid([&] { annotations.reorderLabels(std::vector<std::int64_t>{added.id}); }, "exactly once");
        expectInvalid([&] { annotations.setLabel("run:1:0", "ann", 9999); }, "no failure label 9999");
        expectInvalid([&] { annotations.setNote("", "ann", "x"); }, "item key");
        expectInvalid([&] { annotations.setNote("run:1:0", "", "x"); }, "annotator");
        QCOMPARE(annotations.labels().size(), 11u);  // nothing half-done
        QVERIFY(annotations.all().empty());
    }

    void deletingALabelKeepsTheNote()
    {
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        Annotations annotations(workspace);
        const std::int64_t api = labelId(annotations, "hallucinated API");
        annotations.setLabel("run:2:5", "ann", api);
        annotations.setNote("run:2:5", "ann", "calls numpy.fastsort");
        annotations.setLabel("run:2:6", "ann", api);  // a label and nothing else
        annotations.deleteLabel(api);
        QCOMPARE(annotations.labels().size(), kDefaultLabels.size() - 1);
        QVERIFY(!annotations.label(api).has_value());
        const std::optional<Annotation> kept = annotations.annotation("run:2:5", "ann");
        QVERIFY(kept.has_value());
        QVERIFY(!kept->labelId.has_value());
        QCOMPARE(kept->label, std::string());
        QCOMPARE(kept->note, std::string("calls numpy.fastsort"));
        QVERIFY(!annotations.annotation("run:2:6", "ann").has_value());  // nothing left in it
    }

    void csvQuotesFieldsAsRfc4180Says_data()
    {
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << "plain words" << "plain words";
        QTest::newRow("comma") << "a, b" << "\"a, b\"";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "line 1\nline 2" << "\"line 1\nline 2\"";
        QTest::newRow("all") << "x,\"y\"\r\nz" << "\"x,\"\"y\"\"\r\nz\"";
    }

    void csvQuotesFieldsAsRfc4180Says()
    {
        QFETCH(QString, note);
        QFETCH(QString, field);
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        Annotations annotations(workspace);
        annotations.setLabel("run:1,0", "ann", labelId(annotations, "formatting / IO"));
        annotations.setNote("run:1,0", "ann", note.toStdString());
        const std::int64_t updated = annotations.annotation("run:1,0", "ann")->updatedMs;
        std::ostringstream out;
        annotations.exportCsv(out);
        const std::string expected = "item_key,annotator,label,note,updated_ms\r\n\"run:1,0\",ann,formatting / IO," +
                                     field.toStdString() + "," + std::to_string(updated) + "\r\n";
        QCOMPARE(out.str(), expected);
    }

    void jsonlExportParsesBack()
    {
        QTemporaryDir dir;
        Workspace workspace(pathIn(dir.path(), "w.sqlite"));
        Annotations annotations(workspace);
        annotations.setLabel("run:1:0", "ann", labelId(annotations, "timeout / inefficient"));
        annotations.setNote("run:1:0", "ann", "O(n^2) on \"big\" input\nsee test 3");
        annotations.setNote("run:1:0", "bo", "unsure");
        std::ostringstream out;
        annotations.exportJsonl(out);
        std::istringstream in(out.str());
        std::vector<nlohmann::json> lines;
        for (std::string line; std::getline(in, line);)
            lines.push_back(nlohmann::json::parse(line));
        QCOMPARE(lines.size(), 2u);
        QCOMPARE(lines[0]["item_key"].get<std::string>(), std::string("run:1:0"));
        QCOMPARE(lines[0]["annotator"].get<std::string>(), std::string("ann"));
        QCOMPARE(lines[0]["label"].get<std::string>(), std::string("timeout / inefficient"));
        QCOMPARE(lines[0]["note"].get<std::string>(), std::string("O(n^2) on \"big\" input\nsee test 3"));
        QCOMPARE(lines[0]["updated_ms"].get<std::int64_t>(), annotations.annotation("run:1:0", "ann")->updatedMs);
        QCOMPARE(lines[1]["annotator"].get<std::string>(), std::string("bo"));
        QVERIFY(lines[1]["label"].is_null());
        QCOMPARE(lines[1].size(), 5u);
    }
};

QTEST_GUILESS_MAIN(TestAnnotations)
#include "test_annotations.moc"

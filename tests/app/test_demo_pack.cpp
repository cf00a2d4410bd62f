// The shipped demo pack (resources/demo, as the build copies it beside the
// programs): its manifest reads back, a bad manifest is named by file and field,
// the three trained models load and solve the held-out demo problems in the order
// the README documents (base < RRTF < SFT, greedy, judged in the sandbox), and
// `rrtf demo` prints their answers and verdicts.
#include "evaluation/demo_pack.h"
#include "evaluation/problem_set.h"
#include "evaluation/sandbox_pool.h"
#include "evaluation/verdict_json.h"
#include "model/causal_lm.h"
#include "runtime/error.h"
#include "tokenizer/tokenizer.h"
#include "training/trainer_eval.h"

#include "support/cli_run.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace rrtf;
namespace fs = std::filesystem;

namespace {

const fs::path kPack = RRTF_DEMO_PACK;

QString text(const std::string& s) { return QString::fromStdString(s); }

// Copies the shipped manifest with `edit` applied into `folder`, whose files it
// names relative to the shipped pack.
fs::path editedManifest(const QTemporaryDir& folder, const std::function<void(nlohmann::json&)>& edit)
{
    std::ifstream in(kPack / "demo.json");
    nlohmann::json manifest = nlohmann::json::parse(in);
    for (auto& model : manifest["models"])
        model["folder"] = (kPack / model["folder"].get<std::string>()).string();
    manifest["problems"] = (kPack / manifest["problems"].get<std::string>()).string();
    for (const char* field : {"base", "rankings", "eval_problems"})
        manifest["training"][field] = (kPack / manifest["training"][field].get<std::string>()).string();
    edit(manifest);
    const fs::path dir = folder.path().toStdString();
    std::ofstream(dir / "demo.json") << manifest.dump(2);
    return dir;
}

}  // namespace

class TestDemoPack : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void manifestNamesEverything();
    void badManifestIsNamed_data();
    void badManifestIsNamed();
    void trainedModelsSolveInTheDocumentedOrder();
    void cliDemoPrintsAnswersAndVerdicts();
};

void TestDemoPack::manifestNamesEverything()
{
    const DemoPack pack = readDemoPack(kPack);
    QCOMPARE(pack.models.size(), size_t(3));
    QCOMPARE(text(pack.models[0].name), QString("StarCoder (demo)"));
    QCOMPARE(text(pack.models[1].name), QString("WizardCoder (demo)"));
    QCOMPARE(text(pack.models[2].name), QString("PanGu-Coder2 (demo)"));
    // Each slot's template is the one its model was trained with (the runs' configs).
    QCOMPARE(text(pack.models[0].promptTemplate), QString("raw"));
    QCOMPARE(text(pack.models[1].promptTemplate), QString("alpaca"));
    QCOMPARE(text(pack.models[2].promptTemplate), QString("pangu"));
    for (const DemoModel& model : pack.models) {
        QVERIFY(fs::exists(model.dir / "config.json"));
        QVERIFY(fs::exists(model.dir / "model.safetensors"));
        QVERIFY(fs::exists(model.dir / "tokenizer.json"));
    }
    const ProblemSet problems = loadProblemSet(pack.problems);
    QVERIFY(problems.size() >= 100);
    QVERIFY2(problems.find(pack.showcaseTaskId), pack.showcaseTaskId.c_str());

    QCOMPARE(pack.trainingJobs.size(), size_t(2));
    for (const DemoTrainingJob& job : pack.trainingJobs) {
        QCOMPARE(text(job.config.at("model").get<std::string>()), text(pack.models[0].dir.string()));
        QVERIFY(fs::exists(job.config.at("rankings").get<std::string>()));
        QVERIFY(fs::exists(job.config.at("eval_problems").get<std::string>()));
    }
    QCOMPARE(text(pack.trainingJobs[0].config.at("objective").get<std::string>()), QString("rrtf"));
    QCOMPARE(text(pack.trainingJobs[0].config.at("prompt_template").get<std::string>()), QString("pangu"));
    QCOMPARE(text(pack.trainingJobs[1].config.at("objective").get<std::string>()), QString("sft"));
    QCOMPARE(text(pack.trainingJobs[1].config.at("prompt_template").get<std::string>()), QString("alpaca"));
}

void TestDemoPack::badManifestIsNamed_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no problems") << "problems" << "\"problems\": missing";
    QTest::newRow("missing model folder") << "models" << "\"models[1].folder\": ";
    QTest::newRow("no template") << "template" << "\"models[0].template\": missing";
    QTest::newRow("jobs not a list") << "jobs" << "\"training.jobs\": missing or not a list";
}

void TestDemoPack::badManifestIsNamed()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const fs::path folder = editedManifest(dir, [&](nlohmann::json& manifest) {
        if (field == "problems")
            manifest.erase("problems");
        else if (field == "models")
            manifest["models"][1]["folder"] = "/nonexistent/wizardcoder-demo";
        else if (field == "template")
            manifest["models"][0].erase("template");
        else
            manifest["training"]["jobs"] = "rrtf";
    });
    try {
        readDemoPack(folder);
        QFAIL("a bad manifest was accepted");
    } catch (const FormatError& error) {
        const QString message = QString::fromUtf8(error.what());
        QVERIFY2(message.contains("demo.json") && message.contains(expected), qPrintable(message));
    }
}

void TestDemoPack::trainedModelsSolveInTheDocumentedOrder()
{
    const DemoPack pack = readDemoPack(kPack);
    const ProblemSet problems = loadProblemSet(pack.problems);
    SandboxPool pool(SandboxOptions{2});
    std::vector<int> passed;
    for (const DemoModel& model : pack.models) {
        auto lm = CausalLM::load(model.dir);
        auto tokenizer = loadTokenizer(model.dir);
        const PromptTemplate format(parsePromptTemplate(model.promptTemplate));
        const PassAtOne score = evaluatePassAtOne(*lm, *tokenizer, problems, 128, pool, format);
        QCOMPARE(score.problems, int(problems.size()));
        qInfo("%s: %d of %d held-out problems (greedy)", model.name.c_str(), score.passed, score.problems);
        passed.push_back(score.passed);
    }
    // What the demo task gives (README, "The demonstration"): both fine-tunes fix the
    // base model's learned bugs; SFT in Alpaca's template ends above RRTF in the
    // triple-quoted one, a gap the template makes, not the objective (pass-at-1.md:
    // 32, 119 and 102 of 140 where the models were made).
    QVERIFY2(passed[0] < passed[2], "the RRTF model should solve more than the base model");
    QVERIFY2(passed[2] < passed[1], "the SFT model should solve more than the RRTF model, as documented");
}

void TestDemoPack::cliDemoPrintsAnswersAndVerdicts()
{
    const DemoPack pack = readDemoPack(kPack);
    const test::CliRun run = test::runCli({"demo", "--pack", text(kPack.string()), "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const nlohmann::json out = nlohmann::json::parse(run.out.toStdString());
    QCOMPARE(text(out.at("task_id").get<std::string>()), text(pack.showcaseTaskId));
    QCOMPARE(out.at("answers").size(), size_t(3));
    // The showcase is a problem the base model fails with its bug and the RRTF model passes.
    QVERIFY(out["answers"][0]["outcome"] != "passed");
    QCOMPARE(text(out["answers"][2]["outcome"].get<std::string>()), QString("passed"));
    for (const auto& answer : out["answers"]) {
        QVERIFY2(answer["answer"].get<std::string>().find("def ") != std::string::npos,
                 answer["answer"].get<std::string>().c_str());
        // The whole verdict, as the other commands write it (verdict_json.h): it reads back.
        const Verdict verdict = verdictFromJson(answer, "demo answer");
        QCOMPARE(text(std::string(outcomeName(verdict.outcome))), text(answer["outcome"].get<std::string>()));
        QVERIFY(answer.contains("limits") && answer.contains("wall_ms") && answer.contains("level"));
    }

    const test::CliRun table = test::runCli({"demo", "--pack", text(kPack.string())});
    QVERIFY2(table.exitCode == 0, table.err.constData());
    for (const DemoModel& model : pack.models)
        QVERIFY2(table.outText().contains(text("| " + model.name + " |")), table.out.constData());
}

QTEST_GUILESS_MAIN(TestDemoPack)
#include "test_demo_pack.moc"

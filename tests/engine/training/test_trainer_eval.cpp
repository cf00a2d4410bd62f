// The trainer's held-out evaluation: the PanGu-Coder2 evaluation prompt for
// HumanEval and instruction problems (exact strings), and pass@1 from a tiny
// model rigged to answer every prompt with EOS at once, so that the tests alone
// decide which problems pass and the score can be checked to the problem.
#include "byte_tokenizer.h"

#include "evaluation/problem_set.h"
#include "evaluation/sandbox_pool.h"
#include "generation/generator.h"
#include "training/trainer_eval.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace rrtf;
using rrtf::test::ByteTokenizer;

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> codexStops = {"\nclass", "\ndef", "\n#", "\nif", "\nprint"};

// QString so that a failed comparison prints both texts.
QString text(const std::string& s) { return QString::fromStdString(s); }

Problem humanEvalProblem(const std::string& prompt, const std::string& entryPoint)
{
    Problem problem;
    problem.taskId = "handmade/" + entryPoint;
    problem.format = ProblemFormat::HumanEval;
    problem.prompt = prompt;
    problem.entryPoint = entryPoint;
    return problem;
}

// The workbench's own JSONL, loaded as the trainer loads its held-out set.
ProblemSet instructionProblems(const fs::path& file, const std::vector<std::pair<std::string, std::string>>& items)
{
    std::ofstream out(file);
    int n = 0;
    for (const auto& [instruction, tests] : items)
        out << nlohmann::json{{"task_id", "held/" + std::to_string(++n)}, {"instruction", instruction},
                              {"tests", tests}}.dump()
            << '\n';
    out.close();
    return loadProblemSet(file);
}

GPTBigCodeConfig tinyConfig()
{
    GPTBigCodeConfig config;
    config.vocabSize = 257;
    config.nPositions = 128;
    config.nEmbd = 32;
    config.nLayer = 1;
    config.nHead = 4;
    config.multiQuery = true;
    config.bosTokenId = config.eosTokenId = ByteTokenizer::kEos;
    return config;
}

// A model whose greedy answer is EOS whatever the prompt: with the final layer
// norm's weight 0 and bias b, the last hidden state is b; the tied embedding is 0
// except EOS's row, 100·b, so EOS's logit is 100·|b|² and every other logit 0.
std::shared_ptr<CausalLM> eosModel()
{
    auto model = CausalLM::random(tinyConfig(), 7);
    auto parameters = model->stateDict();  // detached views: writing them changes the model
    for (const char* name : {"transformer.wte.weight", "transformer.ln_f.weight", "transformer.ln_f.bias"})
        if (!parameters.count(name))
            qFatal("the model has no parameter %s: the EOS trick needs updating", name);
    at::NoGradGuard noGrad;
    const at::Tensor bias = at::linspace(0.5, 1.5, tinyConfig().nEmbd);
    parameters["transformer.ln_f.weight"].zero_();
    parameters["transformer.ln_f.bias"].copy_(bias);
    parameters["transformer.wte.weight"].zero_();
    parameters["transformer.wte.weight"][ByteTokenizer::kEos].copy_(100 * bias);
    return model;
}

SandboxPool& sandbox()
{
    // Unsafe mode where namespaces are refused, as the trainer's own test allows.
    static SandboxPool pool(SandboxOptions{2, true});
    return pool;
}

}  // namespace

class TestTrainerEval : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void humanEvalPutsTheDocstringFirst()
    {
        const ProblemSet set = loadProblemSet(fs::path(RRTF_TEST_DATA) / "humaneval" / "HumanEval.jsonl.gz");
        const Problem* problem = set.find("HumanEval/0");
        QVERIFY(problem);
        const std::string header =
            "from typing import List\n\n\n"
            "def has_close_elements(numbers: List[float], threshold: float) -> bool:\n";
        QVERIFY(problem->prompt.starts_with(header));
        const EvaluationPrompt made = evaluationPrompt(*problem);
        // The docstring as inspect.cleandoc gives it: `""" Check` sets no indentation.
        QCOMPARE(text(made.prompt), text("\"\"\"\n"
                              "Check if in given list of numbers, are any two numbers closer to each other than\n"
                              "given threshold.\n"
                              ">>> has_close_elements([1.0, 2.0, 3.0], 0.5)\n"
                              "False\n"
                              ">>> has_close_elements([1.0, 2.8, 3.0, 4.0, 5.0, 2.0], 0.3)\n"
                              "True\n"
                              "\"\"\"\n" +
                                  header));
        QCOMPARE(text(made.programPrefix), text(header));
        QCOMPARE(made.stops, codexStops);
    }

    void docstringOnItsOwnLinesKeepsItsInnerIndentation()
    {
        const std::string header = "def f(x):\n";
        const EvaluationPrompt made = evaluationPrompt(
            humanEvalProblem(header + "    '''\n    Returns x.\n\n      >>> f(1)\n      1\n    '''\n", "f"));
        QCOMPARE(text(made.prompt), text("\"\"\"\nReturns x.\n\n  >>> f(1)\n  1\n\"\"\"\n" + header));
        QCOMPARE(text(made.programPrefix), text(header));
    }

    void humanEvalWithoutADocstringOrWithCodeAfterItStaysAsIs()
    {
        const Problem noDocstring = humanEvalProblem("def add(a, b):\n    # Adds two numbers.\n", "add");
        const Problem codeAfter =
            humanEvalProblem("def add(a, b):\n    \"\"\"Adds two numbers.\"\"\"\n    total = a\n", "add");
        for (const Problem& problem : {noDocstring, codeAfter}) {
            const EvaluationPrompt made = evaluationPrompt(problem);
            QCOMPARE(text(made.prompt), text(problem.prompt));
            QCOMPARE(text(made.programPrefix), text(problem.prompt));
            QCOMPARE(made.stops, codexStops);
        }
    }

    void instructionGetsThePanGuTemplate()
    {
        QTemporaryDir dir;
        const ProblemSet set = instructionProblems(fs::path(dir.path().toStdString()) / "held.jsonl",
                                                   {{"Write add(a, b).", "assert add(1, 2) == 3"}});
        QCOMPARE(set[0].format, ProblemFormat::Rrtf);
        const EvaluationPrompt made = evaluationPrompt(set[0]);
        QCOMPARE(text(made.prompt), QString("\"\"\"\nWrite add(a, b).\n\"\"\"\n"));
        QCOMPARE(text(made.programPrefix), QString());
        QVERIFY(made.stops.empty());
        // A job that trains in Alpaca's template (WizardCoder's recipe) is evaluated in it.
        const EvaluationPrompt alpaca = evaluationPrompt(set[0], PromptTemplate(PromptTemplateKind::Alpaca));
        QCOMPARE(text(alpaca.prompt), text(applyPromptTemplate(PromptTemplateKind::Alpaca, "Write add(a, b).")));
        QVERIFY(alpaca.stops.empty());
    }

    void theRiggedModelAnswersWithEosAtOnce()
    {
        ByteTokenizer tokenizer;
        auto model = eosModel();
        GenerationRequest request;
        request.promptIds = tokenizer.encode("\"\"\"\nWrite add(a, b).\n\"\"\"\n");
        request.sampling.greedy = true;
        request.maxNewTokens = 8;
        const auto results = Generator(*model, &tokenizer).generate({request});
        const GeneratedSample& sample = results.at(0).samples.at(0);
        QCOMPARE(sample.ids, std::vector<int>{ByteTokenizer::kEos});
        QCOMPARE(text(sample.text), QString());
    }

    // Every answer is the empty program, so exactly the `assert True` problems pass.
    void passAtOneCountsTheSandboxVerdicts()
    {
        QTemporaryDir dir;
        const ProblemSet set = instructionProblems(fs::path(dir.path().toStdString()) / "held.jsonl",
                                                   {{"Pass one.", "assert True"},
                                                    {"Fail.", "assert False"},
                                                    {"Pass two.", "assert True"},
                                                    {"Pass three.", "assert True"}});
        ByteTokenizer tokenizer;
        auto model = eosModel();
        const PassAtOne score = evaluatePassAtOne(*model, tokenizer, set, 8, sandbox());
        QCOMPARE(score.problems, 4);
        QCOMPARE(score.passed, 3);
        QCOMPARE(score.value(), 0.75);
    }

    void aPromptBeyondTheContextCountsAsFailed()
    {
        QTemporaryDir dir;
        // 200 bytes of instruction do not fit 128 positions; its test would pass.
        const ProblemSet set = instructionProblems(fs::path(dir.path().toStdString()) / "held.jsonl",
                                                   {{"Pass one.", "assert True"},
                                                    {std::string(200, 'x'), "assert True"},
                                                    {"Fail.", "assert False"},
                                                    {"Pass two.", "assert True"},
                                                    {"Pass three.", "assert True"}});
        ByteTokenizer tokenizer;
        auto model = eosModel();
        const PassAtOne score = evaluatePassAtOne(*model, tokenizer, set, 8, sandbox());
        QCOMPARE(score.problems, 5);
        QCOMPARE(score.passed, 3);
    }
};

QTEST_GUILESS_MAIN(TestTrainerEval)
#include "test_trainer_eval.moc"

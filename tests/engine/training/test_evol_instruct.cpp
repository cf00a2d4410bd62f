// Evol-Instruct: the prompts word for word as method.md prints them, the seeded
// heuristic draw, cleaning and rejecting teacher replies, and a whole round
// through applyEvolution (the filters themselves: test_evol_filters).
#include "runtime/error.h"
#include "training/evol_instruct.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace rrtf;

namespace {

QString q(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }

// method.md §5.2, copied here so that the test fails if the code drifts from the spec.
const char* const kSpecHeuristics[5] = {
    "Add new constraints and requirements to the original problem, adding approximately 10 additional words.",
    "Replace a commonly used requirement in the programming task with a less common and more specific one.",
    "If the original problem can be solved with only a few logical steps, please add more reasoning steps.",
    "Provide a piece of erroneous code as a reference to increase misdirection.",
    "Propose higher time or space complexity requirements, but please refrain from doing so frequently.",
};

// method.md §1.0, Fig. 2: every sentence as printed (bold marks dropped).
const char* const kFig2Sentences[] = {
    "I want you to act as a Programming Contest Designer. Your objective is to rewrite a programming task based on "
    "the given task by increasing the difficulty a bit. You can increase the difficulty using, but not limited to, "
    "the following methods:",
    "Your response is the rewritten programming task (#Rewritten Task#). The #Rewritten Task# must be reasonable and "
    "must be understood and responded by humans, and also solvable with code. It should not be dependent on the "
    "#Given Task#. Your rewriting cannot omit the non-text parts such as the table and code in #Given Task#:. Also, "
    "please do not omit the input in #Given Task#.",
    "The rewritten task and the given task should have the similar length.",
    "The rewritten task should ask for a function-level code solution.",
    "\"#Given Task#\", \"#Rewritten Task#\", \"given task\", and \"rewritten task\" are NOT allowed to appear in "
    "#Rewritten Task#.",
};

TrainingRecord record(std::string id, std::string instruction, std::string tests = "assert f(1) == 2",
                      std::string solution = "")
{
    TrainingRecord r;
    r.taskId = std::move(id);
    r.instruction = std::move(instruction);
    r.tests = std::move(tests);
    r.solution = std::move(solution);
    return r;
}

QStringList ids(const std::vector<TrainingRecord>& records)
{
    QStringList list;
    for (const TrainingRecord& r : records)
        list << q(r.taskId);
    return list;
}

}  // namespace

class TestEvolInstruct : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void heuristicsAreVerbatim()
    {
        for (int n = 1; n <= 5; ++n)
            QCOMPARE(q(codeEvolutionHeuristic(n)), QString(kSpecHeuristics[n - 1]));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, codeEvolutionHeuristic(0));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, codeEvolutionHeuristic(6));
        QString list;
        for (int n = 1; n <= 5; ++n)
            list += (n > 1 ? "\n" : "") + QString::number(n) + ". " + kSpecHeuristics[n - 1];
        QCOMPARE(q(codeEvolutionHeuristicList()), list);
    }

    void wizardCoderPromptIsVerbatim_data()
    {
        QTest::addColumn<int>("heuristic");
        for (int n = 1; n <= 5; ++n)
            QTest::addRow("heuristic %d", n) << n;
    }

    void wizardCoderPromptIsVerbatim()
    {
        QFETCH(int, heuristic);
        const QString expected = QString("Please increase the difficulty of the given programming test question a bit.\n"
                                         "\n"
                                         "You can increase the difficulty using, but not limited to, the following "
                                         "methods:\n") +
                                 kSpecHeuristics[heuristic - 1] + "\n\nWrite a function that adds two numbers.";
        QCOMPARE(q(wizardCoderEvolutionPrompt("Write a function that adds two numbers.", heuristic)), expected);
    }

    void panGuCoder2PromptIsVerbatim()
    {
        const std::string prompt =
            panGuCoder2EvolutionPrompt("Write a function that adds two numbers.", codeEvolutionHeuristicList());
        const QString expected =
            QString("I want you to act as a Programming Contest Designer. Your objective is to rewrite a programming "
                    "task based on the given task by increasing the difficulty a bit.\n"
                    "You can increase the difficulty using, but not limited to, the following methods:\n") +
            q(codeEvolutionHeuristicList()) +
            "\n\nYour response is the rewritten programming task (#Rewritten Task#). The #Rewritten Task# must be "
            "reasonable and must be understood and responded by humans, and also solvable with code. It should not be "
            "dependent on the #Given Task#. Your rewriting cannot omit the non-text parts such as the table and code "
            "in #Given Task#:. Also, please do not omit the input in #Given Task#.\n"
            "The rewritten task and the given task should have the similar length.\n"
            "The rewritten task should ask for a function-level code solution.\n"
            "\"#Given Task#\", \"#Rewritten Task#\", \"given task\", and \"rewritten task\" are NOT allowed to appear "
            "in #Rewritten Task#.\n\n#Given Task#\nWrite a function that adds two numbers.\n\n#Rewritten Task#\n";
        QCOMPARE(q(prompt), expected);

        // Each sentence of Fig. 2 is there word for word once line breaks count as spaces.
        QString flat = q(prompt);
        flat.replace('\n', ' ');
        for (const char* sentence : kFig2Sentences)
            QVERIFY2(flat.contains(sentence), sentence);
        const std::vector<std::string_view> forbidden(forbiddenEvolutionPhrases().begin(),
                                                      forbiddenEvolutionPhrases().end());
        QCOMPARE(forbidden, (std::vector<std::string_view>{"#Given Task#", "#Rewritten Task#", "given task",
                                                             "rewritten task"}));
    }

    void heuristicDrawIsSeededAndReproducible()
    {
        std::vector<TrainingRecord> records;
        for (int i = 0; i < 200; ++i)
            records.push_back(record("alpaca/" + std::to_string(i), "Task number " + std::to_string(i) + " to solve."));
        EvolOptions options;
        options.prompt = EvolPrompt::WizardCoder;
        options.seed = 42;
        const std::vector<EvolRequest> first = evolutionRequests(records, options);
        const std::vector<EvolRequest> again = evolutionRequests(records, options);
        std::set<int> seen;
        for (std::size_t i = 0; i < first.size(); ++i) {
            QVERIFY(first[i].heuristic.has_value());
            QCOMPARE(first[i].heuristic, again[i].heuristic);
            QCOMPARE(*first[i].heuristic, drawHeuristic(42, records[i].taskId));
            QCOMPARE(q(first[i].text), q(wizardCoderEvolutionPrompt(records[i].instruction, *first[i].heuristic)));
            seen.insert(*first[i].heuristic);
        }
        QCOMPARE(seen, (std::set<int>{1, 2, 3, 4, 5}));

        // A record's draw does not depend on the other records or their order.
        std::vector<TrainingRecord> reversed(records.rbegin(), records.rend());
        reversed.resize(50);
        for (const EvolRequest& request : evolutionRequests(reversed, options))
            QCOMPARE(*request.heuristic, drawHeuristic(42, request.parentTaskId));

        // Another seed draws differently.
        options.seed = 43;
        const std::vector<EvolRequest> other = evolutionRequests(records, options);
        int differ = 0;
        for (std::size_t i = 0; i < other.size(); ++i)
            differ += *other[i].heuristic != *first[i].heuristic;
        QVERIFY2(differ > 100, qPrintable(QString::number(differ)));
    }

    void requestsNameTheEvolvedRecords()
    {
        TrainingRecord evolved = record("a/evol1", "Harder task, round one.");
        evolved.evolution = EvolutionOrigin{"a", "a", 1, "pangu-coder2", std::nullopt};
        const std::vector<EvolRequest> requests = evolutionRequests({record("b", "Seed task b."), evolved});
        QCOMPARE(requests.size(), std::size_t(2));
        QCOMPARE(q(requests[0].taskId), QString("b/evol1"));
        QCOMPARE(requests[0].round, 1);
        QCOMPARE(q(requests[1].taskId), QString("a/evol2"));
        QCOMPARE(q(requests[1].seedTaskId), QString("a"));
        QCOMPARE(q(requests[1].parentTaskId), QString("a/evol1"));
        QCOMPARE(requests[1].round, 2);
        // The paper's prompt lists all five methods by default: no single heuristic.
        QCOMPARE(requests[0].prompt, EvolPrompt::PanGuCoder2);
        QVERIFY(!requests[0].heuristic);
        QCOMPARE(q(requests[0].text), q(panGuCoder2EvolutionPrompt("Seed task b.", codeEvolutionHeuristicList())));

        EvolOptions one;
        one.panGuOneHeuristic = true;
        const EvolRequest single = evolutionRequests({record("b", "Seed task b.")}, one).front();
        QCOMPARE(single.heuristic, std::optional<int>(drawHeuristic(one.seed, "b")));
        QCOMPARE(q(single.text), q(panGuCoder2EvolutionPrompt("Seed task b.", codeEvolutionHeuristic(*single.heuristic))));

        // Evolving a seed next to its own round-1 record would reuse that id.
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, evolutionRequests({record("a", "Seed task a."), evolved}));
        QCOMPARE(parseEvolPrompt("wizardcoder"), std::optional<EvolPrompt>(EvolPrompt::WizardCoder));
        QCOMPARE(q(evolPromptName(EvolPrompt::PanGuCoder2)), QString("pangu-coder2"));
        QVERIFY(!parseEvolPrompt("wizardlm"));
    }

    void cleansReplies_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("result");  // the instruction, or words of the reason

        const QString task = "Write a function that merges two sorted lists in O(n) time.";
        QTest::newRow("plain") << task << true << task;
        QTest::newRow("surrounding whitespace") << "\n\n  " + task + "  \n" << true << task;
        QTest::newRow("marker with colon") << "#Rewritten Task#: " + task << true << task;
        QTest::newRow("marker on its own line") << "#Rewritten Task#\n" + task << true << task;
        QTest::newRow("whole prompt echoed")
            << q(panGuCoder2EvolutionPrompt("Merge two lists.", codeEvolutionHeuristicList())) + task << true << task;
        QTest::newRow("WizardCoder-style markers") << "#Given Test#\nMerge two lists.\n\n#Rewritten Test#\n" + task
                                                   << true << task;
        QTest::newRow("bold label") << "**Rewritten Task:** " + task << true << task;
        QTest::newRow("label line") << "Rewritten Task:\n" + task << true << task;
        QTest::newRow("heading label") << "### Rewritten Task\n\n" + task << true << task;
        QTest::newRow("CRLF") << "#Rewritten Task#\r\nWrite a function.\r\nIt returns 1." << true
                              << "Write a function.\nIt returns 1.";
        QTest::newRow("keeps code") << "Fix this code:\n```python\ndef f(x):\n    return x +\n```" << true
                                    << "Fix this code:\n```python\ndef f(x):\n    return x +\n```";
        QTest::newRow("'given tasks' is another phrase") << "Schedule the given tasks by deadline." << true
                                                         << "Schedule the given tasks by deadline.";
        QTest::newRow("empty") << "" << false << "empty reply";
        QTest::newRow("only a marker") << "#Rewritten Task#:\n  " << false << "empty reply";
        QTest::newRow("punctuation only") << "?!... ---" << false << "no words";
        QTest::newRow("mentions the given task") << "Make the given task handle negative numbers too." << false
                                                 << "forbidden phrase \"given task\"";
        QTest::newRow("mentions the rewritten task") << "The Rewritten Task asks for a sorted list." << false
                                                     << "forbidden phrase \"rewritten task\"";
        QTest::newRow("given marker after the answer") << task + "\n#Given Task#\nMerge two lists." << false
                                                        << "forbidden phrase \"#Given Task#\"";
        QTest::newRow("refusal") << "I'm sorry, but I cannot make this task harder." << false << "refusal";
    }

    void cleansReplies()
    {
        QFETCH(QString, reply);
        QFETCH(bool, accepted);
        QFETCH(QString, result);
        const CleanedInstruction cleaned = cleanEvolvedInstruction(reply.toStdString());
        QCOMPARE(cleaned.accepted, accepted);
        if (accepted)
            QCOMPARE(q(cleaned.instruction), result);
        else
            QVERIFY2(q(cleaned.reason).contains(result), cleaned.reason.c_str());
    }

    void applyEvolutionRunsARound()
    {
        const std::vector<TrainingRecord> seeds = {
            record("s/0", "Write a function that returns the sum of a list of integers."),
            record("s/1", "Write a function that reverses a string."),
            record("s/2", "Write a function that counts vowels in a word."),
            record("s/3", "Write a function that checks whether a number is prime."),
            record("s/4", "Write a function that returns the maximum of three numbers."),
        };
        EvolOptions options;
        options.prompt = EvolPrompt::WizardCoder;
        const std::vector<EvolRequest> requests = evolutionRequests(seeds, options);
        const std::vector<std::string> replies = {
            "#Rewritten Test#\nWrite a function that returns the sum of a list of integers, ignoring negative values "
            "and raising ValueError for non-integers.",
            "I'm sorry, I cannot do that.",
            "write a function that counts VOWELS in a word!",  // its parent, restated
            "Write a function that checks whether a number is prime in O(sqrt n) time and returns the smallest divisor "
            "otherwise.",
            "#Rewritten Test#: Write a function that returns the sum of a list of integers, ignoring negative values "
            "and raising ValueError for non-integers.",  // the same as s/0's
        };
        const EvolResult result = applyEvolution(seeds, requests, replies, evolvedInstructionFilters());
        QCOMPARE(ids(result.kept), (QStringList{"s/0/evol1", "s/3/evol1"}));
        const TrainingRecord& evolved = result.kept[1];
        QVERIFY(evolved.instruction.starts_with("Write a function that checks whether a number is prime in O(sqrt n)"));
        QVERIFY(evolved.tests.empty() && evolved.solution.empty());
        QVERIFY(evolved.evolution);
        QCOMPARE(q(evolved.evolution->seed), QString("s/3"));
        QCOMPARE(q(evolved.evolution->parent), QString("s/3"));
        QCOMPARE(evolved.evolution->round, 1);
        QCOMPARE(q(evolved.evolution->prompt), QString("wizardcoder"));
        QCOMPARE(evolved.evolution->heuristic, requests[3].heuristic);

        QCOMPARE(result.dropped.size(), std::size_t(3));
        QCOMPARE(q(result.dropped[0].taskId), QString("s/1/evol1"));
        QCOMPARE(q(result.dropped[0].filter), QString("reply"));
        QVERIFY(q(result.dropped[0].reason).contains("refusal"));
        QCOMPARE(q(result.dropped[1].taskId), QString("s/2/evol1"));
        QVERIFY(q(result.dropped[1].reason).contains("restates its parent"));
        QCOMPARE(q(result.dropped[2].taskId), QString("s/4/evol1"));
        QCOMPARE(q(result.dropped[2].filter), QString("duplicate"));
        QVERIFY(q(result.dropped[2].reason).contains("s/0/evol1"));
        QCOMPARE(result.droppedBy, (std::map<std::string, int>{{"duplicate", 1}, {"reply", 2}}));

        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 applyEvolution(seeds, requests, {"one reply"}, evolvedInstructionFilters()));
        std::vector<EvolRequest> orphan = requests;
        orphan[0].parentTaskId = "nowhere";
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, applyEvolution(seeds, orphan, replies, evolvedInstructionFilters()));
    }
};

QTEST_GUILESS_MAIN(TestEvolInstruct)
#include "test_evol_instruct.moc"

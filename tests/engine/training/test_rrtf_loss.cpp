// The RRTF loss against numbers worked out by hand (method.md §1.3): each
// response normalised by its own length, the gap-weighted hinge, the teacher's
// token-sum cross-entropy, the mean over prompts; token log-probs from logits
// in float32; and the tokenised batch the loss is computed on.
#include "byte_tokenizer.h"
#include "runtime/error.h"
#include "training/rrtf_loss.h"
#include "training/training_batch.h"

#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

namespace {

constexpr int64_t X = kIgnoreLabel;

at::Tensor longs(std::vector<std::vector<int64_t>> rows)
{
    std::vector<int64_t> flat;
    for (const auto& row : rows)
        flat.insert(flat.end(), row.begin(), row.end());
    return at::tensor(flat, at::kLong).view({int64_t(rows.size()), int64_t(rows[0].size())});
}

at::Tensor floats(std::vector<std::vector<float>> rows)
{
    std::vector<float> flat;
    for (const auto& row : rows)
        flat.insert(flat.end(), row.begin(), row.end());
    return at::tensor(flat, at::kFloat).view({int64_t(rows.size()), int64_t(rows[0].size())});
}

// Teacher row 0 (3 response tokens, sum -6, p = -2) and student row 1 (2 tokens
// then padding); position 0 is the prompt.
at::Tensor pairLabels() { return longs({{X, 5, 6, 7}, {X, 8, 9, X}}); }

at::Tensor pairLogProbs(float studentToken)
{
    // The padding of row 1 holds a value the loss must ignore.
    return floats({{0, -1, -2, -3}, {0, studentToken, studentToken, -50}});
}

double value(const at::Tensor& scalar) { return scalar.item<double>(); }

RankedAnswer rankedAnswer(std::string code)
{
    RankedAnswer answer;
    answer.code = std::move(code);
    answer.text = answer.code;
    answer.outcome = Outcome::Passed;
    answer.answerClass = AnswerClass::AllPass;
    return answer;
}

// A ranked item as ranking.cpp would produce it: teacher 0 paired with each student.
RankedItem rankedItem(std::string taskId, std::string instruction, std::string teacherCode,
                      std::vector<std::string> studentCodes)
{
    RankedItem item;
    item.taskId = std::move(taskId);
    item.instruction = std::move(instruction);
    item.teachers = {rankedAnswer(std::move(teacherCode))};
    item.bestTeacher = 0;
    for (auto& code : studentCodes) {
        item.pairs.push_back({int(item.students.size()), 3.0 + double(item.students.size()), 1.0});
        item.students.push_back(rankedAnswer(std::move(code)));
    }
    return item;
}

}  // namespace

class TestRrtfLoss : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scoresDivideByEachRowsOwnLength()
    {
        // Two responses of 2 and 4 tokens padded to one row length of 5: both p are
        // -2; dividing by the padded length (RRHF's bug) would give -0.8 and -1.6.
        const at::Tensor labels = longs({{X, 1, 2, X, X}, {X, 3, 4, 5, 6}});
        const at::Tensor logProbs = floats({{0, -1, -3, -9, -9}, {0, -1, -1, -2, -4}});
        const at::Tensor p = sequenceScores(logProbs, labels);
        QCOMPARE(p[0].item<float>(), -2.0f);
        QCOMPARE(p[1].item<float>(), -2.0f);
        QCOMPARE(responseTokenCounts(labels)[0].item<int64_t>(), int64_t(2));
        QCOMPARE(responseTokenCounts(labels)[1].item<int64_t>(), int64_t(4));
    }

    void lossValues_data()
    {
        QTest::addColumn<float>("studentToken");  // log-prob of each of the student's 2 tokens
        QTest::addColumn<double>("rTeacher");
        QTest::addColumn<double>("rStudent");
        QTest::addColumn<double>("rank");
        QTest::addColumn<int>("active");
        QTest::addColumn<int>("pairs");
        // p_tea = -2, sft = 6 in every row.
        QTest::newRow("student above teacher, gap 2") << -0.5f << 3.0 << 1.0 << 2 * 1.5 << 1 << 1;
        QTest::newRow("same p: hinge at zero") << -2.0f << 3.0 << 1.0 << 0.0 << 0 << 1;
        QTest::newRow("gap 3 weighs the hinge three times") << -0.5f << 3.0 << 0.0 << 3 * 1.5 << 1 << 1;
        QTest::newRow("tie: the margin is the weight") << -0.5f << 3.5 << 3.0 << 0.5 * 1.5 << 1 << 1;
        QTest::newRow("p_stu below p_tea: no rank loss") << -3.0f << 3.0 << 0.0 << 0.0 << 0 << 1;
        QTest::newRow("r_tea not above r_stu: not in the sum") << -0.5f << 1.0 << 3.0 << 0.0 << 0 << 0;
    }

    void lossValues()
    {
        QFETCH(float, studentToken);
        QFETCH(double, rTeacher);
        QFETCH(double, rStudent);
        QFETCH(double, rank);
        QFETCH(int, active);
        QFETCH(int, pairs);
        const RrtfLoss loss =
            rrtfLossFromLogProbs(pairLogProbs(studentToken), pairLabels(), {{0, {{1, rTeacher, rStudent}}}});
        QVERIFY2(qAbs(value(loss.rank) - rank) < 1e-6, qPrintable(QString::number(value(loss.rank))));
        QVERIFY(qAbs(value(loss.sft) - 6.0) < 1e-6);
        QVERIFY(qAbs(value(loss.total) - (rank + 6.0)) < 1e-6);
        QCOMPARE(loss.activePairs, int64_t(active));
        QCOMPARE(loss.pairs, int64_t(pairs));
        QCOMPARE(loss.tokens, int64_t(5));
        QCOMPARE(loss.teacherTokens, int64_t(3));
        QCOMPARE(loss.scores[1].item<float>(), studentToken);
    }

    void meanOverPrompts()
    {
        // Item A: rows 0 (teacher) and 1, rank 3, sft 6 (as above). Item B: teacher
        // row 2 (1 token, -1), students rows 3 (p -0.5, gap 1) and 4 (p -4, inactive):
        // rank 0.5, sft 1. Mean: rank (3 + 0.5) / 2, sft (6 + 1) / 2.
        const at::Tensor labels = longs({{X, 5, 6, 7}, {X, 8, 9, X}, {X, 1, X, X}, {X, 2, 3, X}, {X, 4, X, X}});
        const at::Tensor logProbs =
            floats({{0, -1, -2, -3}, {0, -0.5f, -0.5f, 0}, {0, -1, 0, 0}, {0, -0.25f, -0.75f, 0}, {0, -4, 0, 0}});
        const RrtfLoss loss = rrtfLossFromLogProbs(
            logProbs, labels, {{0, {{1, 3.0, 1.0}}}, {2, {{3, 2.0, 1.0}, {4, 2.0, 0.0}}}});
        QVERIFY(qAbs(value(loss.rank) - 1.75) < 1e-6);
        QVERIFY(qAbs(value(loss.sft) - 3.5) < 1e-6);
        QVERIFY(qAbs(value(loss.total) - 5.25) < 1e-6);
        QCOMPARE(loss.items, int64_t(2));
        QCOMPARE(loss.pairs, int64_t(3));
        QCOMPARE(loss.activePairs, int64_t(2));
        QCOMPARE(loss.tokens, int64_t(3 + 2 + 1 + 2 + 1));

        // RRHF's reduction: each teacher's token mean (-2 and -1), then the mean over
        // prompts; the ranking term is the same.
        const RrtfLoss mean = rrtfLossFromLogProbs(
            logProbs, labels, {{0, {{1, 3.0, 1.0}}}, {2, {{3, 2.0, 1.0}, {4, 2.0, 0.0}}}}, SftReduction::Mean);
        QVERIFY(qAbs(value(mean.sft) - 1.5) < 1e-6);
        QVERIFY(qAbs(value(mean.rank) - 1.75) < 1e-6);
        QVERIFY(qAbs(value(mean.total) - 3.25) < 1e-6);
    }

    void gradientSigns_data()
    {
        QTest::addColumn<float>("studentToken");
        QTest::addColumn<bool>("active");
        QTest::newRow("hinge active") << -0.5f << true;
        QTest::newRow("hinge inactive") << -3.0f << false;
    }

    void gradientSigns()
    {
        QFETCH(float, studentToken);
        QFETCH(bool, active);
        const at::Tensor logProbs = pairLogProbs(studentToken).requires_grad_(true);
        rrtfLossFromLogProbs(logProbs, pairLabels(), {{0, {{1, 3.0, 1.0}}}}).total.backward();
        const at::Tensor grad = logProbs.grad();
        // dL/dp_stu = +(r_tea - r_stu) = 2, spread over the student's 2 tokens.
        QCOMPARE(grad[1][1].item<float>(), active ? 1.0f : 0.0f);
        QCOMPARE(grad[1][2].item<float>(), active ? 1.0f : 0.0f);
        // The teacher: -1 per token from L_ft, and -(gap)/3 from the hinge when active.
        QVERIFY(qAbs(grad[0][1].item<float>() - (active ? -1.0f - 2.0f / 3 : -1.0f)) < 1e-6);
        // Prompt and padding get nothing.
        QCOMPARE(grad[0][0].item<float>(), 0.0f);
        QCOMPARE(grad[1][3].item<float>(), 0.0f);
    }

    void tokenLogProbsMatchLogSoftmax_data()
    {
        QTest::addColumn<int>("chunkRows");
        QTest::addColumn<bool>("bf16");
        QTest::newRow("one chunk") << 1024 << false;
        QTest::newRow("a row per chunk") << 1 << false;
        QTest::newRow("bf16 logits") << 3 << true;
    }

    void tokenLogProbsMatchLogSoftmax()
    {
        QFETCH(int, chunkRows);
        QFETCH(bool, bf16);
        at::manual_seed(7);
        at::Tensor logits = at::randn({2, 5, 11}) * 4;
        if (bf16)
            logits = logits.to(at::kBFloat16);
        logits.requires_grad_(true);
        const at::Tensor labels = longs({{X, X, 3, 10, X}, {X, 0, 1, 2, 9}});
        const at::Tensor got = tokenLogProbs(logits, labels, chunkRows);
        QCOMPARE(got.scalar_type(), at::kFloat);
        // Reference: a full float32 log_softmax, shifted by one position.
        const at::Tensor reference = at::log_softmax(logits.detach().to(at::kFloat), -1);
        for (int64_t r = 0; r < 2; ++r)
            for (int64_t t = 0; t < 5; ++t) {
                const int64_t label = labels[r][t].item<int64_t>();
                const float expected = label == X || t == 0 ? 0.0f : reference[r][t - 1][label].item<float>();
                QVERIFY2(qAbs(got[r][t].item<float>() - expected) < 1e-5,
                         qPrintable(QString("row %1 position %2: %3 vs %4").arg(r).arg(t).arg(got[r][t].item<float>()).arg(expected)));
            }
        got.sum().backward();
        QCOMPARE(logits.grad().scalar_type(), bf16 ? at::kBFloat16 : at::kFloat);
        // The last position predicts nothing and position 0 of row 0 predicts a prompt token.
        QCOMPARE(logits.grad()[0][4].abs().sum().item<float>(), 0.0f);
        QCOMPARE(logits.grad()[0][0].abs().sum().item<float>(), 0.0f);
        QVERIFY(logits.grad()[0][1].abs().sum().item<float>() > 0);
    }

    void lossFromLogitsPushesTheStudentDown()
    {
        // Raising the logit of a student's token raises p_stu; with the hinge
        // active that raises the loss, so its gradient is positive.
        at::manual_seed(3);
        const at::Tensor labels = longs({{X, 1, 2, 3}, {X, 4, 5, X}});
        at::Tensor logits = at::randn({2, 4, 8});
        // The student predicts its tokens well (p_stu > p_tea), not so well that the
        // softmax saturates and the gradient vanishes in float32.
        logits[1][0][4] = 5.0;
        logits[1][1][5] = 5.0;
        logits.requires_grad_(true);
        const RrtfLoss loss = rrtfLoss(logits, labels, {{0, {{1, 3.0, 1.0}}}});
        QCOMPARE(loss.activePairs, int64_t(1));
        loss.total.backward();
        QVERIFY(logits.grad()[1][0][4].item<float>() > 0);
        QVERIFY(logits.grad()[0][0][1].item<float>() < 0);  // the teacher's token is pushed up
    }

    void rejectsBadInput()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, rrtfLossFromLogProbs(pairLogProbs(-1), pairLabels(), {}));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument,
                                 rrtfLossFromLogProbs(pairLogProbs(-1), pairLabels(), {{0, {{2, 3.0, 1.0}}}}));
        const at::Tensor noResponse = longs({{X, 5, 6, 7}, {X, X, X, X}});
        try {
            rrtfLossFromLogProbs(pairLogProbs(-1), noResponse, {{0, {{1, 3.0, 1.0}}}});
            QFAIL("expected InvalidArgument");
        } catch (const InvalidArgument& error) {
            QVERIFY2(QString(error.what()).contains("row 1 has no response token"), error.what());
        }
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, tokenLogProbs(at::zeros({2, 4, 8}), longs({{X, 8, 1, 1}, {X, 1, 1, 1}})));
    }

    void batchRowsInAnotherTemplate()
    {
        const ByteTokenizer tokenizer;
        // Alpaca's prompt ends in "### Response:": the response starts on a line of its
        // own, the newline being its first (trained) token, as the answer is generated.
        TrainingBatchOptions options;
        options.promptTemplate = PromptTemplate(PromptTemplateKind::Alpaca);
        const std::string prompt = applyPromptTemplate(PromptTemplateKind::Alpaca, "add");
        QCOMPARE(trainingPrompt("add", options.promptTemplate), prompt);
        QCOMPARE(trainingResponse(prompt, "x=1\n"), std::string("\nx=1\n"));
        QCOMPARE(trainingResponse(trainingPrompt("add"), "x=1\n"), std::string("x=1\n"));
        QCOMPARE(trainingResponse(prompt, ""), std::string());
        // A sampled answer's own leading newlines are not kept: every row starts alike.
        QCOMPARE(trainingResponse(prompt, "\n\nx=1\n"), std::string("\nx=1\n"));
        QCOMPARE(trainingResponse(trainingPrompt("add"), "\nx=1\n"), std::string("x=1\n"));
        const TrainingBatch batch = buildTrainingBatch({rankedItem("a", "add", "x=1\n", {"y\n"})}, tokenizer, options);
        const int64_t promptTokens = int64_t(prompt.size());
        QCOMPARE(batch.promptTokens, (std::vector<int64_t>{promptTokens, promptTokens}));
        QCOMPARE(batch.responseTokens, (std::vector<int64_t>{6, 4}));  // "\nx=1\n" + EOS, "\ny\n" + EOS
        QCOMPARE(batch.ids[0][promptTokens].item<int64_t>(), int64_t('\n'));
        QCOMPARE(batch.labels[0][promptTokens].item<int64_t>(), int64_t('\n'));
        QCOMPARE(batch.labels[0][promptTokens - 1].item<int64_t>(), X);
    }

    void batchRowsAndLabels()
    {
        const ByteTokenizer tokenizer;
        // Prompt "\"\"\"\nadd\n\"\"\"\n": 12 bytes. Teacher code "x=1\n" + EOS: 5 tokens;
        // student code "y\n" + EOS: 3 tokens.
        const TrainingBatch batch = buildTrainingBatch(
            {rankedItem("a", "add", "x=1\n", {"y\n"})}, tokenizer);
        QCOMPARE(trainingPrompt("add"), std::string("\"\"\"\nadd\n\"\"\"\n"));
        QCOMPARE(batch.rows(), int64_t(2));
        QCOMPARE(batch.ids.size(1), int64_t(17));
        QCOMPARE(batch.promptTokens, (std::vector<int64_t>{12, 12}));
        QCOMPARE(batch.responseTokens, (std::vector<int64_t>{5, 3}));
        const at::Tensor counts = responseTokenCounts(batch.labels);
        QCOMPARE(counts[0].item<int64_t>(), int64_t(5));
        QCOMPARE(counts[1].item<int64_t>(), int64_t(3));
        for (int64_t t = 0; t < 17; ++t) {
            const int64_t id = batch.ids[0][t].item<int64_t>();
            QCOMPARE(batch.labels[0][t].item<int64_t>(), t < 12 ? X : id);
            QCOMPARE(batch.attentionMask[0][t].item<int64_t>(), int64_t(1));
        }
        QCOMPARE(batch.ids[0][12].item<int64_t>(), int64_t('x'));
        // Padding is the EOS id, yet the appended EOS stays labelled: masks come from lengths.
        QCOMPARE(batch.labels[0][16].item<int64_t>(), int64_t(ByteTokenizer::kEos));
        QCOMPARE(batch.labels[1][14].item<int64_t>(), int64_t(ByteTokenizer::kEos));
        QCOMPARE(batch.ids[1][15].item<int64_t>(), int64_t(ByteTokenizer::kEos));
        QCOMPARE(batch.labels[1][15].item<int64_t>(), X);
        QCOMPARE(batch.attentionMask[1][15].item<int64_t>(), int64_t(0));
        QCOMPARE(batch.items.size(), size_t(1));
        QCOMPARE(batch.items[0].teacherRow, int64_t(0));
        QCOMPARE(batch.items[0].pairs[0].studentRow, int64_t(1));
        QCOMPARE(batch.items[0].pairs[0].rTeacher, 3.0);
        QVERIFY(batch.skipped.empty());
    }

    void batchRowLayoutAndSkips()
    {
        const ByteTokenizer tokenizer;
        RankedItem dropped = rankedItem("dropped", "z", "t\n", {});
        dropped.reason = "every pair dropped: the teacher's class (runtime_error) is below every ranked student's";
        const TrainingBatch batch = buildTrainingBatch(
            {rankedItem("a", "add", "x=1\n", {"y\n"}), dropped, rankedItem("b", "mul", "m\n", {"n\n", "<|endoftext|>"})},
            tokenizer);
        QCOMPARE(batch.rows(), int64_t(5));
        QCOMPARE(batch.taskIds, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(batch.items[1].teacherRow, int64_t(2));
        QCOMPARE(batch.items[1].pairs.size(), size_t(2));
        QCOMPARE(batch.items[1].pairs[0].studentRow, int64_t(3));
        QCOMPARE(batch.items[1].pairs[1].studentRow, int64_t(4));
        QCOMPARE(batch.items[1].pairs[1].rTeacher, 4.0);
        // Special-token text in an answer is text: 13 bytes, then the one real EOS.
        QCOMPARE(batch.responseTokens[4], int64_t(14));
        QCOMPARE(batch.skipped.size(), size_t(1));
        QCOMPARE(batch.skipped[0].taskId, std::string("dropped"));
        QVERIFY(QString::fromStdString(batch.skipped[0].reason).contains("every pair dropped"));
    }

    void truncationAndTooLongPrompts_data()
    {
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("teacherTokens");
        QTest::addColumn<int>("studentTokens");
        QTest::newRow("room for everything") << 17 << 2 << 5 << 3;
        QTest::newRow("teacher cut, EOS with it") << 15 << 2 << 3 << 3;
        QTest::newRow("both cut") << 14 << 2 << 2 << 2;
        QTest::newRow("one response token") << 13 << 2 << 1 << 1;
        QTest::newRow("prompt fills the row: skipped") << 12 << 0 << 0 << 0;
        QTest::newRow("prompt too long: skipped") << 5 << 0 << 0 << 0;
    }

    void truncationAndTooLongPrompts()
    {
        QFETCH(int, maxLength);
        QFETCH(int, rows);
        QFETCH(int, teacherTokens);
        QFETCH(int, studentTokens);
        TrainingBatchOptions options;
        options.maxLength = maxLength;
        const TrainingBatch batch = buildTrainingBatch({rankedItem("a", "add", "x=1\n", {"y\n"})}, ByteTokenizer(), options);
        QCOMPARE(batch.rows(), int64_t(rows));
        if (rows == 0) {
            QVERIFY(batch.empty());
            QCOMPARE(batch.skipped.size(), size_t(1));
            const QString reason = QString::fromStdString(batch.skipped[0].reason);
            QVERIFY2(reason.contains("prompt alone has 12 tokens") && reason.contains(QString("maxLength %1").arg(maxLength)),
                     qPrintable(reason));
            return;
        }
        QVERIFY(batch.ids.size(1) <= maxLength);
        QCOMPARE(batch.responseTokens, (std::vector<int64_t>{teacherTokens, studentTokens}));
        QCOMPARE(bool(batch.truncated[0]), teacherTokens < 5);
        QCOMPARE(bool(batch.truncated[1]), studentTokens < 3);
        const bool teacherKeepsEos = batch.labels[0][11 + teacherTokens].item<int64_t>() == ByteTokenizer::kEos;
        QCOMPARE(teacherKeepsEos, teacherTokens == 5);
        QCOMPARE(responseTokenCounts(batch.labels)[0].item<int64_t>(), int64_t(teacherTokens));
    }

    void batchOptionErrors()
    {
        const std::vector<RankedItem> items{rankedItem("a", "add", "x=1\n", {"y\n"})};
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildTrainingBatch(items, ByteTokenizer(false)));
        TrainingBatchOptions options;
        options.maxLength = 1;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildTrainingBatch(items, ByteTokenizer(), options));
        options.maxLength = 64;
        options.padId = 257;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, buildTrainingBatch(items, ByteTokenizer(), options));
        // Without EOS (and not asking for it) the batch still builds, padded with id 0.
        options.padId = -1;
        options.appendEos = false;
        const TrainingBatch batch = buildTrainingBatch(items, ByteTokenizer(false), options);
        QCOMPARE(batch.responseTokens, (std::vector<int64_t>{4, 2}));
        QCOMPARE(batch.ids[1][15].item<int64_t>(), int64_t(0));
    }

    void invalidUtf8CostsOnlyItsItem()
    {
        // The byte tokenizer takes any bytes; a real one refuses invalid UTF-8,
        // which a tokenizer reports as InvalidArgument. Simulate with a throwing one.
        class Refusing : public ByteTokenizer {
        public:
            std::vector<int> encode(std::string_view text, const EncodeOptions& options = {}) const override
            {
                if (text.find('\xff') != std::string_view::npos)
                    throw InvalidArgument("text is not valid UTF-8");
                return ByteTokenizer::encode(text, options);
            }
        };
        const TrainingBatch batch =
            buildTrainingBatch({rankedItem("bad", "add", "x='\xff'\n", {"y\n"}), rankedItem("good", "add", "x\n", {"y\n"})},
                               Refusing());
        QCOMPARE(batch.taskIds, std::vector<std::string>{"good"});
        QCOMPARE(batch.skipped.size(), size_t(1));
        QVERIFY(QString::fromStdString(batch.skipped[0].reason).contains("not valid UTF-8"));
    }
};

QTEST_GUILESS_MAIN(TestRrtfLoss)
#include "test_rrtf_loss.moc"

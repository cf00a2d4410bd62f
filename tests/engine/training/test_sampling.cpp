// RRTF step 1 on a tiny random model: k answers per record with their
// provenance, seeds that depend on the record and model only, banned ids,
// cancellation, and the checkpoint fingerprint.
#include "byte_tokenizer.h"

#include "model/checkpoint.h"
#include "runtime/error.h"
#include "training/sampling.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace rrtf;
using rrtf::test::ByteTokenizer;

namespace {

GPTBigCodeConfig tinyConfig(int vocab = 257)
{
    GPTBigCodeConfig config;
    config.vocabSize = vocab;
    config.nPositions = 128;
    config.nEmbd = 32;
    config.nLayer = 1;
    config.nHead = 4;
    config.multiQuery = true;
    config.bosTokenId = config.eosTokenId = ByteTokenizer::kEos;
    return config;
}

TrainingRecord record(const std::string& taskId, const std::string& instruction)
{
    TrainingRecord r;
    r.taskId = taskId;
    r.instruction = instruction;
    return r;
}

SamplingModel student() { return {AnswerRole::Student, "tiny", "/models/tiny", "abc"}; }

RecordSamplingOptions options()
{
    RecordSamplingOptions o;
    o.samplesPerRecord = 3;
    o.maxNewTokens = 5;
    o.temperature = 1.0;
    o.seed = 9;
    return o;
}

}  // namespace

class TestSampling : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedsDependOnRecordModelAndRunSeedOnly()
    {
        QCOMPARE(requestSeed(1, "a/1", "student:/m"), requestSeed(1, "a/1", "student:/m"));
        QVERIFY(requestSeed(1, "a/1", "student:/m") != requestSeed(2, "a/1", "student:/m"));
        QVERIFY(requestSeed(1, "a/1", "student:/m") != requestSeed(1, "a/2", "student:/m"));
        QVERIFY(requestSeed(1, "a/1", "student:/m") != requestSeed(1, "a/1", "teacher:/m"));
        QVERIFY(requestSeed(1, "ab", "c") != requestSeed(1, "a", "bc"));
    }

    void bannedIdsCoverPadAndRowsBeyondTheTokenizer()
    {
        ByteTokenizer tokenizer;
        auto plain = CausalLM::random(tinyConfig(), 1);
        QVERIFY(bannedTokenIds(*plain, tokenizer).empty());
        GPTBigCodeConfig padded = tinyConfig(260);
        padded.padTokenId = 259;
        auto model = CausalLM::random(padded, 1);
        QCOMPARE(bannedTokenIds(*model, tokenizer), (std::vector<int>{257, 258, 259}));
        padded.padTokenId = 7;  // a [PAD] inside the tokenizer's vocabulary
        QCOMPARE(bannedTokenIds(*CausalLM::random(padded, 1), tokenizer), (std::vector<int>{7, 257, 258, 259}));
    }

    void requestUsesTheTemplateAndOptions()
    {
        ByteTokenizer tokenizer;
        auto model = CausalLM::random(tinyConfig(), 1);
        const TrainingRecord r = record("a/1", "Add.");
        const GenerationRequest request = recordRequest(r, student(), *model, tokenizer, options());
        QCOMPARE(request.promptIds, tokenizer.encode("\"\"\"\nAdd.\n\"\"\"\n"));  // the paper's student format
        QCOMPARE(request.numSamples, 3);
        QCOMPARE(request.maxNewTokens, 5);
        QCOMPARE(request.seed, requestSeed(9, "a/1", "student:/models/tiny"));
        RecordSamplingOptions none = options();
        none.samplesPerRecord = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, recordRequest(r, student(), *model, tokenizer, none));
        RecordSamplingOptions hot = options();
        hot.temperature = -1.0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, recordRequest(r, student(), *model, tokenizer, hot));
    }

    void samplesKAnswersPerRecordWithProvenance()
    {
        ByteTokenizer tokenizer;
        auto model = CausalLM::random(tinyConfig(), 3);
        Generator generator(*model, &tokenizer);
        const std::vector<TrainingRecord> records = {record("a/1", "Add two numbers."), record("a/2", "Sort a list.")};
        const auto groups = sampleRecords(generator, *model, tokenizer, records, student(), options());
        QCOMPARE(groups.size(), std::size_t(2));
        for (std::size_t r = 0; r < 2; ++r) {
            const SampleGroup& group = groups[r];
            QCOMPARE(group.taskId, records[r].taskId);
            QCOMPARE(group.modelName, std::string("tiny"));
            QCOMPARE(group.fingerprint, std::string("abc"));
            QCOMPARE(group.promptTemplate, std::string("pangu"));
            QCOMPARE(*group.temperature, 1.0);
            QCOMPARE(group.seed, requestSeed(9, records[r].taskId, group.modelKey()));
            QCOMPARE(group.answers.size(), std::size_t(3));
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(group.answers[i].index, i);
                QVERIFY(group.answers[i].tokens >= 1 && group.answers[i].tokens <= 5);
                QVERIFY(!group.answers[i].finish.empty());
            }
        }
        // The same seed gives the same answers.
        const auto again = sampleRecords(generator, *model, tokenizer, records, student(), options());
        for (std::size_t r = 0; r < 2; ++r)
            for (int i = 0; i < 3; ++i)
                QCOMPARE(again[r].answers[i].text, groups[r].answers[i].text);
    }

    void temperatureZeroIsGreedy()
    {
        ByteTokenizer tokenizer;
        auto model = CausalLM::random(tinyConfig(), 5);
        RecordSamplingOptions greedy = options();
        greedy.temperature = 0.0;
        const TrainingRecord r = record("a/1", "Add.");
        const GenerationRequest request = recordRequest(r, student(), *model, tokenizer, greedy);
        QVERIFY(request.sampling.greedy);
        QVERIFY(!recordRequest(r, student(), *model, tokenizer, options()).sampling.greedy);
        // Greedy answers do not depend on the seed, and all k of them are the same.
        Generator generator(*model, &tokenizer);
        const auto first = sampleRecords(generator, *model, tokenizer, {&r, 1}, student(), greedy);
        greedy.seed = 10;
        const auto reseeded = sampleRecords(generator, *model, tokenizer, {&r, 1}, student(), greedy);
        QCOMPARE(first.at(0).answers.size(), std::size_t(3));
        for (const SampledAnswer& answer : first[0].answers)
            QCOMPARE(answer.text, first[0].answers[0].text);
        QCOMPARE(reseeded.at(0).answers[0].text, first[0].answers[0].text);
    }

    void aCancelledRunReturnsNoUnfinishedGroup()
    {
        ByteTokenizer tokenizer;
        auto model = CausalLM::random(tinyConfig(), 3);
        Generator generator(*model, &tokenizer);
        GenerateOptions generate;
        generate.cancel.cancel();
        const std::vector<TrainingRecord> records = {record("a/1", "Add two numbers.")};
        QVERIFY(sampleRecords(generator, *model, tokenizer, records, student(), options(), generate).empty());
    }

    void fingerprintFollowsTheCheckpoint()
    {
        QTemporaryDir dir;
        const std::filesystem::path path = dir.path().toStdString();
        QCOMPARE(checkpointFingerprint(path), std::string());  // no config.json
        std::ofstream(path / "config.json") << tinyConfig().toJson().dump();
        writeCheckpoint(path, CausalLM::random(tinyConfig(), 1)->stateDict());
        const std::string first = checkpointFingerprint(path);
        QCOMPARE(first.size(), std::size_t(16));
        QCOMPARE(checkpointFingerprint(path), first);
        writeCheckpoint(path, CausalLM::random(tinyConfig(), 2)->stateDict());  // other weights, same shapes
        QVERIFY(checkpointFingerprint(path) != first);
    }
};

QTEST_GUILESS_MAIN(TestSampling)
#include "test_sampling.moc"

// The generator on the golden checkpoint: seeded sampling is reproducible and
// independent of batching, n samples continue one prompt, tokens stream to the
// callback, stop sequences and EOS end samples exactly, cancellation keeps
// what was generated.
#include "generation/generator.h"
#include "model/checkpoint.h"
#include "runtime/error.h"
#include "support/golden.h"
#include "tokenizer/tokenizer.h"

#include <QtTest>

using namespace rrtf;
using namespace rrtf::test;

class TestGenerator : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<CausalLM> m_model;
    std::unique_ptr<Tokenizer> m_tokenizer;

    GenerationRequest sampledRequest(int samples, uint64_t seed)
    {
        GenerationRequest request;
        request.promptIds = jsonIds(goldenExpected()["generate"]["prompt1"]["prompt"]);
        request.numSamples = samples;
        request.seed = seed;
        request.sampling.temperature = 1.0f;
        request.sampling.topP = 0.9f;
        request.maxNewTokens = 16;
        request.stopAtEos = false;
        return request;
    }

    static std::vector<std::vector<int>> idsOf(const GenerationResult& result)
    {
        std::vector<std::vector<int>> ids;
        for (const auto& sample : result.samples)
            ids.push_back(sample.ids);
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_model = CausalLM::load(goldenDir());
        // The golden model's 512 ids are all ordinary StarCoder tokens.
        m_tokenizer = loadTokenizer(std::filesystem::path(RRTF_TEST_DATA) / "tokenizer" / "starcoder-tokenizer.json");
    }

    void seededSamplingIsReproducible_data()
    {
        QTest::addColumn<int>("batchRows");
        QTest::newRow("all samples in one batch") << 8;
        QTest::newRow("three rows at a time") << 3;
        QTest::newRow("one row at a time") << 1;
    }

    void seededSamplingIsReproducible()
    {
        QFETCH(int, batchRows);
        Generator generator(*m_model);
        const auto reference = idsOf(generator.generate({sampledRequest(8, 42)})[0]);
        GenerateOptions options;
        options.maxBatchRows = batchRows;
        QCOMPARE(idsOf(generator.generate({sampledRequest(8, 42)}, options)[0]), reference);
        // The samples differ from each other and from another seed's.
        QVERIFY(reference[0] != reference[1]);
        QVERIFY(idsOf(generator.generate({sampledRequest(8, 43)})[0]) != reference);
    }

    void firstSampleOfManyEqualsSingleSample()
    {
        Generator generator(*m_model);
        const auto many = generator.generate({sampledRequest(5, 9)})[0];
        const auto one = generator.generate({sampledRequest(1, 9)})[0];
        QCOMPARE(many.samples[0].ids, one.samples[0].ids);
    }

    void requestsOfDifferentLengthsDecodeTogether()
    {
        // Two greedy prompts of lengths 5 and 8 plus a sampled one, through one batch and one at a time.
        std::vector<GenerationRequest> requests(3);
        for (int i = 0; i < 2; ++i) {
            requests[i].promptIds = jsonIds(goldenExpected()["generate"][i == 0 ? "prompt1" : "prompt2"]["prompt"]);
            requests[i].sampling.greedy = true;
            requests[i].maxNewTokens = 20;
            requests[i].stopAtEos = false;
        }
        requests[2] = sampledRequest(3, 5);
        Generator generator(*m_model);
        auto together = generator.generate(requests);
        GenerateOptions serial;
        serial.maxBatchRows = 1;
        auto alone = generator.generate(requests, serial);
        for (size_t r = 0; r < requests.size(); ++r)
            QCOMPARE(idsOf(together[r]), idsOf(alone[r]));
        QCOMPARE(together[0].samples[0].ids, jsonIds(goldenExpected()["generate"]["prompt1"]["new_tokens"]));
        QCOMPARE(together[1].samples[0].ids, jsonIds(goldenExpected()["generate"]["prompt2"]["new_tokens"]));
    }

    void tokensStreamToTheCallback()
    {
        Generator generator(*m_model, m_tokenizer.get());
        std::string streamed;
        int events = 0;
        GenerateOptions options;
        options.onToken = [&](const TokenEvent& event) {
            ++events;
            streamed += event.text;
            return true;
        };
        auto result = generator.generate({sampledRequest(1, 3)}, options)[0].samples[0];
        QCOMPARE(events, 16);
        QCOMPARE(streamed, result.text);
        QCOMPARE(result.text, m_tokenizer->decode(result.ids, {true, false}));
        QVERIFY(result.finish == FinishReason::Length);
    }

    void callbackCanEndASample()
    {
        Generator generator(*m_model);
        GenerateOptions options;
        options.onToken = [](const TokenEvent& event) { return event.sample != 1; };
        auto result = generator.generate({sampledRequest(3, 3)}, options)[0];
        QCOMPARE(result.samples[1].ids.size(), size_t(1));
        QVERIFY(result.samples[1].finish == FinishReason::Callback);
        QCOMPARE(result.samples[0].ids.size(), size_t(16));
    }

    void stopSequenceCutsTheTextExactly()
    {
        Generator generator(*m_model, m_tokenizer.get());
        GenerationRequest request = sampledRequest(1, 11);
        request.maxNewTokens = 24;
        const auto full = generator.generate({request})[0].samples[0];
        QVERIFY(full.text.size() > 10);
        // A stop string taken from the middle of the text cuts it at its first occurrence.
        const std::string stop = full.text.substr(full.text.size() / 2, 3);
        const size_t cut = full.text.find(stop);
        request.stopSequences = {stop};
        const auto stopped = generator.generate({request})[0].samples[0];
        QCOMPARE(stopped.text, full.text.substr(0, cut));
        QVERIFY(stopped.finish == FinishReason::StopSequence);
        QVERIFY(stopped.ids.size() < full.ids.size());
    }

    void eosEndsASample()
    {
        const auto greedy = jsonIds(goldenExpected()["generate"]["prompt1"]["new_tokens"]);
        auto config = GPTBigCodeConfig::fromFile(goldenDir() / "config.json");
        config.eosTokenId = greedy[3];  // greedy decoding reaches this token at step 4
        auto model = CausalLM::fromTensors(config, readCheckpoint(goldenDir()), {}, "golden");
        GenerationRequest request;
        request.promptIds = jsonIds(goldenExpected()["generate"]["prompt1"]["prompt"]);
        request.sampling.greedy = true;
        request.maxNewTokens = 20;
        Generator generator(*model);
        const auto sample = generator.generate({request})[0].samples[0];
        QCOMPARE(sample.ids, std::vector<int>(greedy.begin(), greedy.begin() + 4));
        QVERIFY(sample.finish == FinishReason::Eos);
    }

    void cancellationKeepsWhatWasGenerated()
    {
        Generator generator(*m_model);
        GenerateOptions options;
        int seen = 0;
        options.onToken = [&](const TokenEvent&) {
            if (++seen == 10)
                options.cancel.cancel();
            return true;
        };
        std::vector<GenerationRequest> requests = {sampledRequest(2, 1), sampledRequest(2, 2)};
        options.maxBatchRows = 2;
        auto results = generator.generate(requests, options);
        QVERIFY(results[0].samples[0].finish == FinishReason::Cancelled);
        QVERIFY(!results[0].samples[0].ids.empty());
        QVERIFY(results[1].samples[1].finish == FinishReason::Cancelled);
        QVERIFY(results[1].samples[1].ids.empty());
    }

    void badRequestsAreRefused_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("empty prompt") << 0;
        QTest::newRow("id outside vocabulary") << 1;
        QTest::newRow("zero samples") << 2;
        QTest::newRow("stop sequence without tokenizer") << 3;
        QTest::newRow("bad temperature") << 4;
    }

    void badRequestsAreRefused()
    {
        QFETCH(int, kind);
        GenerationRequest request = sampledRequest(1, 0);
        switch (kind) {
        case 0: request.promptIds.clear(); break;
        case 1: request.promptIds.push_back(512); break;
        case 2: request.numSamples = 0; break;
        case 3: request.stopSequences = {"\ndef"}; break;
        case 4: request.sampling.temperature = 0; break;
        }
        Generator generator(*m_model);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, generator.generate({request}));
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "test_generator.moc"

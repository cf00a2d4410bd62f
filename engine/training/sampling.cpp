#include "training/sampling.h"

#include "runtime/error.h"
#include "runtime/stable_hash.h"
#include "tokenizer/tokenizer.h"

#include <algorithm>
#include <cstdio>
#include <fstream>

namespace rrtf {
namespace {

// Up to `count` bytes of `path` from `offset`.
std::string readSpan(const std::filesystem::path& path, std::uintmax_t offset, std::uintmax_t count)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw Error("cannot read " + path.string());
    file.seekg(std::streamoff(offset));
    std::string bytes(count, '\0');
    file.read(bytes.data(), std::streamsize(count));
    bytes.resize(std::size_t(file.gcount()));
    return bytes;
}

bool isWeightFile(const std::filesystem::path& path)
{
    const std::string ext = path.extension().string();
    return ext == ".safetensors" || ext == ".bin" || ext == ".pt" || ext == ".pth";
}

}  // namespace

std::uint64_t requestSeed(std::uint64_t runSeed, std::string_view taskId, std::string_view modelKey)
{
    std::uint64_t hash = fnv1a(taskId);
    hash = fnv1a(std::string_view("\0", 1), hash);  // "ab"+"c" and "a"+"bc" differ
    hash = fnv1a(modelKey, hash);
    return splitmix64(runSeed ^ splitmix64(hash));
}

std::vector<int> bannedTokenIds(const CausalLM& model, const Tokenizer& tokenizer)
{
    const auto& config = model.config();
    std::vector<int> banned;
    if (config.padTokenId && *config.padTokenId != config.eosTokenId && *config.padTokenId < tokenizer.vocabSize())
        banned.push_back(*config.padTokenId);  // ids past the tokenizer are banned below
    for (int id = tokenizer.vocabSize(); id < config.vocabSize; ++id)
        banned.push_back(id);
    return banned;
}

std::string checkpointFingerprint(const std::filesystem::path& dir)
{
    const auto config = dir / "config.json";
    std::error_code error;
    if (!std::filesystem::is_regular_file(config, error))
        return "";
    constexpr std::uintmax_t kEnd = 1 << 20;
    std::uint64_t hash = fnv1a(readSpan(config, 0, std::filesystem::file_size(config)));
    std::vector<std::filesystem::path> weights;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file() && isWeightFile(entry.path()))
            weights.push_back(entry.path());
    std::sort(weights.begin(), weights.end());  // directory order is not stable
    for (const auto& path : weights) {
        const std::uintmax_t size = std::filesystem::file_size(path);
        hash = fnv1a(path.filename().string() + "\n" + std::to_string(size) + "\n", hash);
        hash = fnv1a(readSpan(path, 0, std::min(size, kEnd)), hash);
        if (size > kEnd)
            hash = fnv1a(readSpan(path, std::max(size - kEnd, kEnd), kEnd), hash);
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

SampleGroup emptySampleGroup(const TrainingRecord& record, const SamplingModel& model,
                             const RecordSamplingOptions& options)
{
    SampleGroup group;
    group.taskId = record.taskId;
    group.role = model.role;
    group.modelName = model.name;
    group.modelDir = model.dir.string();
    group.fingerprint = model.fingerprint;
    group.promptTemplate = std::string(promptTemplateName(options.promptTemplate));
    group.temperature = options.temperature;
    group.topP = options.topP;
    group.seed = requestSeed(options.seed, record.taskId, group.modelKey());
    group.maxNewTokens = options.maxNewTokens;
    return group;
}

GenerationRequest recordRequest(const TrainingRecord& record, const SamplingModel& model, const CausalLM& lm,
                                const Tokenizer& tokenizer, const RecordSamplingOptions& options)
{
    if (options.samplesPerRecord < 1)
        throw InvalidArgument("samples per record must be at least 1, not " + std::to_string(options.samplesPerRecord));
    if (options.maxNewTokens < 1)
        throw InvalidArgument("max new tokens must be at least 1, not " + std::to_string(options.maxNewTokens));
    GenerationRequest request;
    request.promptIds = tokenizer.encode(applyPromptTemplate(options.promptTemplate, record.instruction));
    request.numSamples = options.samplesPerRecord;
    request.sampling.greedy = options.temperature == 0.0;  // temperature 0 means greedy, as in vLLM
    request.sampling.temperature = float(options.temperature);
    request.sampling.topP = float(options.topP);
    request.sampling.validate();
    request.seed = emptySampleGroup(record, model, options).seed;
    request.maxNewTokens = options.maxNewTokens;
    request.stopSequences = options.stopSequences;
    request.bannedIds = bannedTokenIds(lm, tokenizer);
    return request;
}

std::vector<SampleGroup> sampleRecords(Generator& generator, const CausalLM& lm, const Tokenizer& tokenizer,
                                       std::span<const TrainingRecord> records, const SamplingModel& model,
                                       const RecordSamplingOptions& options, const GenerateOptions& generateOptions)
{
    std::vector<GenerationRequest> requests;
    for (const TrainingRecord& record : records) {
        requests.push_back(recordRequest(record, model, lm, tokenizer, options));
        try {
            generator.validate(requests.back());
        } catch (const InvalidArgument& error) {  // e.g. a prompt longer than the context
            throw InvalidArgument("record " + record.taskId + ": " + error.what());
        }
    }
    const std::vector<GenerationResult> results = generator.generate(requests, generateOptions);
    std::vector<SampleGroup> groups;
    for (std::size_t r = 0; r < records.size(); ++r) {
        const auto& samples = results[r].samples;
        if (std::any_of(samples.begin(), samples.end(),
                        [](const GeneratedSample& s) { return s.finish == FinishReason::Cancelled; }))
            continue;
        SampleGroup group = emptySampleGroup(records[r], model, options);
        for (std::size_t i = 0; i < samples.size(); ++i)
            group.answers.push_back({int(i), samples[i].text, finishReasonName(samples[i].finish),
                                     int(samples[i].ids.size()), "", std::nullopt});
        groups.push_back(std::move(group));
    }
    return groups;
}

}  // namespace rrtf

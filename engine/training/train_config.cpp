#include "training/train_config.h"

#include "evaluation/sha256.h"
#include "runtime/error.h"
#include "training/ranking.h"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace rrtf {
namespace {

using nlohmann::json;

// Reads fields of one JSON object, naming the file and the field in every error.
class TrainConfigReader {
public:
    TrainConfigReader(const json& object, std::string source) : object(object), source(std::move(source)) {}

    [[noreturn]] void fail(const std::string& field, const std::string& why) const
    {
        throw InvalidArgument(source + ": \"" + field + "\": " + why);
    }

    const json* find(const std::string& field) const
    {
        const auto it = object.find(field);
        return it == object.end() || it->is_null() ? nullptr : &*it;
    }

    std::string text(const std::string& field, const json& value) const
    {
        if (!value.is_string() || value.get<std::string>().empty())
            fail(field, value.dump() + " is not a non-empty string");
        return value.get<std::string>();
    }

    std::optional<std::string> text(const std::string& field) const
    {
        const json* value = find(field);
        return value ? std::optional(text(field, *value)) : std::nullopt;
    }

    std::optional<int64_t> integer(const std::string& field, int64_t minimum) const
    {
        const json* value = find(field);
        if (!value)
            return std::nullopt;
        if (!value->is_number_integer() || value->get<int64_t>() < minimum)
            fail(field, value->dump() + " is not an integer >= " + std::to_string(minimum));
        return value->get<int64_t>();
    }

    // A number in [low, high] (open at the ends marked so).
    std::optional<double> number(const std::string& field, double low, double high, bool lowOpen = false,
                                 bool highOpen = false) const
    {
        const json* value = find(field);
        return value ? std::optional(numberOf(field, *value, low, high, lowOpen, highOpen)) : std::nullopt;
    }

    double numberOf(const std::string& field, const json& value, double low, double high, bool lowOpen,
                    bool highOpen) const
    {
        const double x = value.is_number() ? value.get<double>() : NAN;
        const bool ok = std::isfinite(x) && (lowOpen ? x > low : x >= low) && (highOpen ? x < high : x <= high);
        if (!ok) {
            std::ostringstream range;
            range << (lowOpen ? "(" : "[") << low << ", " << high << (highOpen ? ")" : "]");
            fail(field, value.dump() + " is not a number in " + range.str());
        }
        return x;
    }

    std::optional<bool> boolean(const std::string& field) const
    {
        const json* value = find(field);
        if (value && !value->is_boolean())
            fail(field, value->dump() + " is not true or false");
        return value ? std::optional(value->get<bool>()) : std::nullopt;
    }

    const json& object;
    std::string source;
};

const std::set<std::string>& knownFields()
{
    static const std::set<std::string> fields = {
        "model", "tokenizer", "rankings", "eval_problems", "eval_every", "eval_max_new_tokens", "eval_allow_unsafe",
        "epochs",
        "max_steps", "global_batch", "micro_batch", "lr", "weight_decay", "betas", "eps", "warmup_steps",
        "warmup_ratio", "schedule", "min_lr_ratio", "max_grad_norm", "dtype", "gradient_checkpointing", "lora",
        "max_length", "seed", "checkpoint_every", "keep_checkpoints", "objective", "prompt_template", "sft_reduction"};
    return fields;
}

std::filesystem::path resolve(const std::filesystem::path& runDir, const std::string& path)
{
    const std::filesystem::path given(path);
    return given.is_absolute() ? given : runDir / given;
}

LoraOptions parseLora(const TrainConfigReader& reader, const json& value)
{
    if (!value.is_object())
        reader.fail("lora", value.dump() + " is not null or an object {rank, alpha, dropout, targets}");
    TrainConfigReader lora(value, reader.source);
    for (const auto& item : value.items())
        if (item.key() != "rank" && item.key() != "alpha" && item.key() != "dropout" && item.key() != "targets")
            reader.fail("lora." + item.key(), "unknown field (rank, alpha, dropout, targets)");
    LoraOptions options;
    if (const json* rank = lora.find("rank")) {
        if (!rank->is_number_integer() || rank->get<int64_t>() < 1)
            reader.fail("lora.rank", rank->dump() + " is not an integer >= 1");
        options.rank = rank->get<int>();
    }
    if (const json* alpha = lora.find("alpha"))
        options.alpha = lora.numberOf("lora.alpha", *alpha, 0.0, 1e9, true, false);
    if (const json* dropout = lora.find("dropout"))
        options.dropout = lora.numberOf("lora.dropout", *dropout, 0.0, 1.0, false, true);
    if (const json* targets = lora.find("targets")) {
        if (!targets->is_array() || targets->empty())
            reader.fail("lora.targets", targets->dump() + " is not a non-empty list of layer names");
        options.targets.clear();
        for (const json& target : *targets)
            options.targets.push_back(lora.text("lora.targets", target));
    }
    return options;
}

}  // namespace

TrainingDataProblem trainingDataProblem(TrainObjective objective, const TrainableCount& count)
{
    if (count.items == 0)
        return TrainingDataProblem::NoTeacherAnswers;
    if (objective == TrainObjective::Rrtf && count.pairs == 0)
        return TrainingDataProblem::NoPairs;
    return TrainingDataProblem::None;
}

int64_t TrainConfig::warmupFor(int64_t totalSteps) const
{
    if (warmupSteps)
        return *warmupSteps;
    return int64_t(std::ceil(warmupRatio * double(totalSteps)));
}

std::string TrainConfig::curveHash() const
{
    nlohmann::json shaping = json;
    for (const char* field : {"max_steps", "eval_problems", "eval_every", "eval_max_new_tokens", "eval_allow_unsafe",
                              "checkpoint_every", "keep_checkpoints"})
        shaping.erase(field);
    return sha256Hex(shaping.dump());  // nlohmann sorts keys: the hash ignores field order
}

TrainConfig parseTrainConfig(const nlohmann::json& object, const std::filesystem::path& runDir,
                             const std::string& source)
{
    if (!object.is_object())
        throw InvalidArgument(source + ": not a JSON object");
    const TrainConfigReader reader(object, source);
    for (const auto& item : object.items())
        if (!knownFields().count(item.key()))
            reader.fail(item.key(), "unknown field");

    TrainConfig config;
    config.runDir = runDir;
    config.json = object;
    const auto model = reader.text("model");
    if (!model)
        reader.fail("model", "missing: give the student model's folder");
    config.model = resolve(runDir, *model);
    config.tokenizer = reader.text("tokenizer") ? resolve(runDir, *reader.text("tokenizer")) : config.model;
    const auto rankings = reader.text("rankings");
    if (!rankings)
        reader.fail("rankings", "missing: give the rankings.jsonl to train on");
    config.rankings = resolve(runDir, *rankings);
    if (const auto problems = reader.text("eval_problems"))
        config.evalProblems = resolve(runDir, *problems);
    config.evalEvery = reader.integer("eval_every", 0).value_or(config.evalEvery);
    config.evalMaxNewTokens = int(reader.integer("eval_max_new_tokens", 1).value_or(config.evalMaxNewTokens));
    config.evalAllowUnsafe = reader.boolean("eval_allow_unsafe").value_or(false);
    config.epochs = int(reader.integer("epochs", 1).value_or(config.epochs));
    config.maxSteps = reader.integer("max_steps", 1);
    config.globalBatch = int(reader.integer("global_batch", 1).value_or(config.globalBatch));
    config.microBatch = int(reader.integer("micro_batch", 1).value_or(config.microBatch));
    config.lr = reader.number("lr", 0.0, 1.0, true).value_or(config.lr);
    config.weightDecay = reader.number("weight_decay", 0.0, 1.0).value_or(config.weightDecay);
    if (const json* betas = reader.find("betas")) {
        if (!betas->is_array() || betas->size() != 2)
            reader.fail("betas", betas->dump() + " is not a list of two numbers");
        config.beta1 = reader.numberOf("betas", (*betas)[0], 0.0, 1.0, false, true);
        config.beta2 = reader.numberOf("betas", (*betas)[1], 0.0, 1.0, false, true);
    }
    config.eps = reader.number("eps", 0.0, 1.0, true).value_or(config.eps);
    config.warmupSteps = reader.integer("warmup_steps", 0);
    config.warmupRatio = reader.number("warmup_ratio", 0.0, 1.0).value_or(config.warmupRatio);
    if (const auto schedule = reader.text("schedule")) {
        const auto kind = parseLrScheduleKind(*schedule);
        if (!kind)
            reader.fail("schedule", "\"" + *schedule + "\" is not cosine, linear or constant");
        config.schedule = *kind;
    }
    config.minLrRatio = reader.number("min_lr_ratio", 0.0, 1.0).value_or(config.minLrRatio);
    config.maxGradNorm = reader.number("max_grad_norm", 0.0, 1e9).value_or(config.maxGradNorm);
    if (const auto dtype = reader.text("dtype")) {
        if (*dtype != "float32" && *dtype != "bfloat16")
            reader.fail("dtype", "\"" + *dtype + "\" is not float32 or bfloat16");
        config.dtype = *dtype;
    }
    config.gradientCheckpointing = reader.boolean("gradient_checkpointing").value_or(false);
    if (const json* lora = reader.find("lora"))
        config.lora = parseLora(reader, *lora);
    config.maxLength = reader.integer("max_length", 2).value_or(config.maxLength);
    if (const json* seed = reader.find("seed")) {
        if (!seed->is_number_unsigned() && !(seed->is_number_integer() && seed->get<int64_t>() >= 0))
            reader.fail("seed", seed->dump() + " is not a non-negative integer");
        config.seed = seed->get<uint64_t>();
    }
    config.checkpointEvery = reader.integer("checkpoint_every", 1).value_or(config.checkpointEvery);
    config.keepCheckpoints = int(reader.integer("keep_checkpoints", 1).value_or(config.keepCheckpoints));
    if (const auto objective = reader.text("objective")) {
        if (*objective != "rrtf" && *objective != "sft")
            reader.fail("objective", "\"" + *objective + "\" is not rrtf or sft");
        config.objective = *objective == "sft" ? TrainObjective::Sft : TrainObjective::Rrtf;
    }
    if (const auto name = reader.text("prompt_template")) {
        if (name->find(PromptTemplate::placeholder) != std::string::npos)
            config.promptTemplate = PromptTemplate::custom(*name);
        else if (*name == "raw" || *name == "alpaca" || *name == "pangu")
            config.promptTemplate = PromptTemplate(parsePromptTemplate(*name));
        else
            reader.fail("prompt_template", "\"" + *name + "\" is not raw, alpaca, pangu or a text with {instruction}");
    }
    if (const auto reduction = reader.text("sft_reduction")) {
        if (*reduction != "sum" && *reduction != "mean")
            reader.fail("sft_reduction", "\"" + *reduction + "\" is not sum or mean");
        config.sftReduction = *reduction == "mean" ? SftReduction::Mean : SftReduction::Sum;
    }
    if (config.microBatch > config.globalBatch)
        reader.fail("micro_batch", std::to_string(config.microBatch) + " is larger than global_batch " +
                                       std::to_string(config.globalBatch));
    return config;
}

TrainConfig loadTrainConfig(const std::filesystem::path& runDir)
{
    const std::filesystem::path path = runDir / "config.json";
    std::ifstream file(path);
    if (!file)
        throw FormatError(path.string() + ": cannot read the training config");
    nlohmann::json object;
    try {
        object = nlohmann::json::parse(file);
    } catch (const nlohmann::json::exception& error) {
        throw FormatError(path.string() + ": not valid JSON (" + error.what() + ")");
    }
    return parseTrainConfig(object, runDir, path.string());
}

}  // namespace rrtf

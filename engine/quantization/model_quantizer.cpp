#include "quantization/model_quantizer.h"

#include "evaluation/json_records.h"
#include "model/config.h"
#include "quantization/rounding.h"
#include "runtime/error.h"
#include "runtime/json_file.h"
#include "training/durable_file.h"

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

namespace rrtf {
namespace {

namespace fs = std::filesystem;

// The linears of a block in the order they see data, quantised one after the
// other (AutoGPTQ's true_sequential for GPTBigCode).
const char* const kBlockLinears[] = {"attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj"};

void report(const QuantizeSettings& settings, int done, int total, const std::string& layer)
{
    if (settings.onProgress)
        settings.onProgress(done, total, layer);
    if (settings.cancel.isCancelled())
        throw Cancelled();
}

DenseImpl& linearNamed(CausalLM& model, const std::string& name)
{
    for (const auto& [layerName, dense] : model.linearLayers())
        if (layerName == name)
            return *dense;
    throw InvalidArgument("the model has no linear layer \"" + name + "\"");
}

// Each block's linears quantised from the inputs they see when the blocks
// before them are already quantised.
void quantizeWithGptq(CausalLM& model, const QuantizeSettings& settings)
{
    if (settings.calibration.empty())
        throw InvalidArgument("GPTQ needs calibration samples (--calibration FILE)");
    auto& transformer = *model.module()->transformer;
    std::vector<at::Tensor> hidden, allowed;
    for (const auto& ids : settings.calibration) {
        const at::Tensor tokens = at::tensor(ids, at::kLong).view({1, -1}).to(model.options().device);
        const at::Tensor positions = at::arange(tokens.size(1), tokens.options());
        hidden.push_back(transformer.wte(tokens) + transformer.wpe(positions));
        allowed.push_back(at::ones({tokens.size(1), tokens.size(1)}, tokens.options().dtype(at::kBool)).tril().unsqueeze(0));
    }
    const int total = static_cast<int>(transformer.blockCount() * std::size(kBlockLinears));
    int done = 0;
    for (int64_t index = 0; index < transformer.blockCount(); ++index) {
        BlockImpl& block = transformer.block(index);
        const std::string prefix = "transformer.h." + std::to_string(index) + ".";
        for (const char* linear : kBlockLinears) {
            report(settings, done++, total, prefix + linear);
            DenseImpl& dense = linearNamed(model, prefix + linear);
            HessianAccumulator hessian(dense.weight.size(1));
            dense.calibrationTap = [&hessian](const at::Tensor& input) { hessian.add(input); };
            for (size_t s = 0; s < hidden.size(); ++s)
                block.forward(hidden[s], allowed[s], nullptr);
            dense.calibrationTap = nullptr;
            dense.setQuantized(gptqQuantize(dense.weight, hessian.hessian(), settings.options));
        }
        for (size_t s = 0; s < hidden.size(); ++s)
            hidden[s] = block.forward(hidden[s], allowed[s], nullptr);
    }
    report(settings, total, total, "");
}

// Files the quantized checkpoint gets anew (weights, their index, its config); the rest is copied.
bool writtenByQuantizer(const fs::path& path)
{
    const std::string name = path.filename().string();
    for (const char* suffix : {".safetensors", ".bin", ".index.json", ".pt", ".gguf", ".pth"})
        if (name.ends_with(suffix))
            return true;
    return name == "config.json" || name == "quantize_config.json";
}

// The text of one calibration record, or empty when it has none of the known fields.
std::string recordText(const nlohmann::json& record)
{
    auto text = [&](const char* key) {
        const auto found = record.find(key);
        return found != record.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    if (std::string prompt = text("prompt"); !prompt.empty()) {
        std::string rest = text("canonical_solution");
        return prompt + (rest.empty() ? text("completion") : rest);
    }
    for (const char* key : {"text", "content", "code"})
        if (std::string found = text(key); !found.empty())
            return found;
    return {};
}

}  // namespace

QuantizeMethod parseQuantizeMethod(const std::string& name)
{
    if (name == "int8")
        return QuantizeMethod::Int8;
    if (name == "rtn4" || name == "rtn")
        return QuantizeMethod::RoundToNearest;
    if (name == "gptq")
        return QuantizeMethod::Gptq;
    throw InvalidArgument("unknown quantisation method \"" + name + "\" (expected int8, rtn4 or gptq)");
}

GptqSettings quantizeModel(CausalLM& model, const QuantizeSettings& settings)
{
    at::NoGradGuard noGrad;
    for (const auto& [name, dense] : model.linearLayers())
        if (dense->quantized)
            throw InvalidArgument("the model is already quantised (" + dense->quantized->scheme +
                                  "): quantise a float checkpoint");
    if (settings.options.bits != 4 && settings.options.bits != 8)
        throw InvalidArgument("--bits must be 4 or 8, not " + std::to_string(settings.options.bits));
    GptqSettings described;
    described.bits = settings.options.bits;
    described.groupSize = settings.options.groupSize > 0 ? settings.options.groupSize : -1;
    described.dampPercent = settings.options.dampPercent;
    described.symmetric = settings.options.symmetric;
    if (settings.method == QuantizeMethod::Gptq) {
        described.descAct = settings.options.actOrder;
        quantizeWithGptq(model, settings);
        return described;
    }
    described.descAct = false;
    if (settings.method == QuantizeMethod::Int8) {
        described.bits = 8;
        described.groupSize = -1;
    }
    int done = 0;
    const int total = static_cast<int>(model.linearLayers().size()) - (model.module()->outputLayer() ? 1 : 0);
    model.quantizeLinears([&](const std::string& name, const at::Tensor& weight) {
        report(settings, done++, total, name);
        return settings.method == QuantizeMethod::Int8
                   ? quantizeInt8PerChannel(weight)
                   : quantizeRoundToNearest(weight, settings.options.bits, settings.options.groupSize,
                                            settings.options.symmetric);
    });
    report(settings, total, total, "");
    return described;
}

void writeGptqModel(const CausalLM& model, const GptqSettings& settings, const fs::path& sourceDir,
                    const fs::path& outDir)
{
    if (fs::exists(outDir) && fs::equivalent(outDir, sourceDir))
        throw InvalidArgument("--out must differ from the model folder " + sourceDir.string());
    StateDict tensors;
    for (const auto& [name, dense] : model.linearLayers())
        if (dense->quantized && name != "lm_head")
            appendGptqLinear(tensors, name, *dense->quantized);
        else if (dense->quantized)
            throw InvalidArgument("the output projection is quantised; AutoGPTQ folders keep it in float16");
    for (const auto& item : model.module()->named_parameters())
        tensors[item.key()] = item.value().detach().to(at::kCPU, at::kHalf);
    if (tensors.count("transformer.wte.weight") == 0)
        throw InvalidArgument("the embeddings are quantised; AutoGPTQ folders keep them in float16");
    WriteOptions options;
    options.maxShardBytes = uint64_t{4} << 30;  // as save_pretrained's shards, so no single file is unwieldy
    fs::create_directories(outDir);
    writeCheckpoint(outDir, tensors, options);

    nlohmann::json config = readJsonFile(sourceDir / "config.json");
    config["quantization_config"] = gptqSettingsJson(settings);
    config["torch_dtype"] = "float16";
    replaceFileDurably(outDir / "config.json", config.dump(2) + "\n");
    replaceFileDurably(outDir / "quantize_config.json", gptqSettingsJson(settings).dump(2) + "\n");
    for (const auto& entry : fs::directory_iterator(sourceDir))
        if (entry.is_regular_file() && !writtenByQuantizer(entry.path()))
            fs::copy_file(entry.path(), outDir / entry.path().filename(), fs::copy_options::overwrite_existing);
}

std::vector<std::string> readCalibrationTexts(const fs::path& path, int samples, size_t pieceChars)
{
    const std::string text = readRecordFile(path).text;
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        throw FormatError(path.string() + ": the calibration file is empty");
    std::vector<std::string> texts;
    if (text[first] == '{' || text[first] == '[') {
        for (const RawRecord& record : splitRecords(text, path.string()))
            if (std::string found = recordText(parseRecordObject(record, recordLocation(path.string(), record)));
                !found.empty())
                texts.push_back(std::move(found));
        if (texts.empty())
            throw FormatError(path.string() + ": no record has prompt, text, content or code");
    } else {
        for (size_t at = 0; at < text.size(); at += pieceChars)
            texts.push_back(text.substr(at, pieceChars));
    }
    if (samples > 0 && texts.size() > static_cast<size_t>(samples)) {
        std::mt19937_64 generator(0);
        std::shuffle(texts.begin(), texts.end(), generator);
        texts.resize(samples);
    }
    return texts;
}

}  // namespace rrtf

#include "model/gptq_checkpoint.h"

#include "runtime/error.h"
#include "runtime/json_file.h"
#include "runtime/shape_text.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>


namespace rrtf {
namespace {

template <typename T>
T field(const nlohmann::json& json, const char* name, T fallback, const std::string& source)
{
    const auto found = json.find(name);
    if (found == json.end() || found->is_null())
        return fallback;
    try {
        return found->get<T>();
    } catch (const nlohmann::json::exception&) {
        throw FormatError(source + ": field \"" + name + "\" has the wrong type (" + found->dump() + ")");
    }
}

GptqSettings parseSettings(const nlohmann::json& json, const std::string& source)
{
    if (!json.is_object())
        throw FormatError(source + ": GPTQ settings must be a JSON object");
    const std::string method = field<std::string>(json, "quant_method", "gptq", source);
    if (method != "gptq")
        throw FormatError(source + ": quant_method \"" + method + "\" is not supported (only gptq)");
    GptqSettings settings;
    settings.source = source;
    settings.bits = field<int>(json, "bits", 0, source);
    if (settings.bits != 4 && settings.bits != 8)
        throw FormatError(source + ": bits " + std::to_string(settings.bits) + " is not supported (4 or 8)");
    settings.groupSize = field<int64_t>(json, "group_size", -1, source);
    if (settings.groupSize == 0 || settings.groupSize < -1)
        throw FormatError(source + ": group_size " + std::to_string(settings.groupSize) + " must be positive or -1");
    settings.descAct = field<bool>(json, "desc_act", false, source);
    settings.symmetric = field<bool>(json, "sym", true, source);
    settings.dampPercent = field<double>(json, "damp_percent", 0.01, source);
    settings.trueSequential = field<bool>(json, "true_sequential", true, source);
    settings.modelBasename = field<std::string>(json, "model_file_base_name", "", source);
    const std::string format = field<std::string>(json, "checkpoint_format", "gptq", source);
    if (format != "gptq" && format != "gptq_v2")
        throw FormatError(source + ": checkpoint_format \"" + format + "\" is not supported (gptq or gptq_v2)");
    settings.zeroPointOffset = format == "gptq";
    return settings;
}

at::Tensor requireTensor(const StateDict& tensors, const std::string& name, at::IntArrayRef shape, bool integer,
                         const std::string& source)
{
    const auto found = tensors.find(name);
    if (found == tensors.end())
        throw FormatError(source + ": GPTQ checkpoint has no tensor \"" + name + "\" (expected " + shapeText(shape) +
                          ")");
    const at::Tensor& tensor = found->second;
    if (tensor.sizes() != shape)
        throw FormatError(source + ": tensor \"" + name + "\" has shape " + shapeText(tensor.sizes()) + ", expected " +
                          shapeText(shape));
    if (integer ? tensor.scalar_type() != at::kInt : !at::isFloatingType(tensor.scalar_type()))
        throw FormatError(source + ": tensor \"" + name + "\" must be " + (integer ? "int32" : "floating point"));
    return tensor;
}

// [rows, cols] int32 words -> [rows, cols, 32/bits] values, least significant first.
at::Tensor unpackWords(const at::Tensor& words, int bits)
{
    const int64_t perWord = 32 / bits;
    const at::Tensor shifts = at::arange(0, 32, bits, at::kLong);
    return words.to(at::kLong).bitwise_and(static_cast<int64_t>(0xFFFFFFFF)).unsqueeze(-1).__rshift__(shifts).bitwise_and((1 << bits) - 1)
        .view({words.size(0), words.size(1), perWord});
}

// [rows, cols, 32/bits] values -> [rows, cols] int32 words.
at::Tensor packWords(const at::Tensor& values, int bits)
{
    const at::Tensor shifts = at::arange(0, 32, bits, at::kLong);
    at::Tensor words = values.to(at::kLong).__lshift__(shifts).sum(-1);
    return at::where(words >= (int64_t{1} << 31), words - (int64_t{1} << 32), words).to(at::kInt);
}

}  // namespace

std::optional<GptqSettings> readGptqSettings(const std::filesystem::path& modelDir)
{
    const auto quantizeConfig = modelDir / "quantize_config.json";
    if (std::filesystem::exists(quantizeConfig))
        return parseSettings(readJsonFile(quantizeConfig), quantizeConfig.string());
    const auto config = modelDir / "config.json";
    if (!std::filesystem::exists(config))
        return std::nullopt;
    const nlohmann::json json = readJsonFile(config);
    const auto found = json.find("quantization_config");
    if (found == json.end() || found->is_null())
        return std::nullopt;
    return parseSettings(*found, config.string() + " quantization_config");
}

nlohmann::json gptqSettingsJson(const GptqSettings& settings)
{
    return {{"bits", settings.bits},
            {"group_size", settings.groupSize},
            {"damp_percent", settings.dampPercent},
            {"desc_act", settings.descAct},
            {"static_groups", false},
            {"sym", settings.symmetric},
            {"true_sequential", settings.trueSequential},
            {"model_name_or_path", nullptr},
            {"model_file_base_name", settings.modelBasename.empty() ? "model" : settings.modelBasename},
            {"quant_method", "gptq"},
            {"checkpoint_format", settings.zeroPointOffset ? "gptq" : "gptq_v2"}};
}

std::filesystem::path gptqWeightsPath(const std::filesystem::path& modelDir, const GptqSettings& settings)
{
    if (!settings.modelBasename.empty())
        for (const char* extension : {".safetensors", ".safetensors.index.json", ".bin"})
            if (auto named = modelDir / (settings.modelBasename + extension); std::filesystem::exists(named))
                return named;
    try {
        findCheckpointFiles(modelDir);
        return modelDir;
    } catch (const FormatError&) {
    }
    std::vector<std::filesystem::path> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(modelDir, error))
        if (entry.path().extension() == ".safetensors")
            found.push_back(entry.path());
    if (found.size() == 1)
        return found.front();
    throw FormatError(modelDir.string() + ": GPTQ folder (" + settings.source + ") has " +
                      (found.empty() ? std::string("no") : std::to_string(found.size())) +
                      " .safetensors files and no model_file_base_name naming one");
}

StateDict readModelTensors(const std::filesystem::path& modelDir, std::optional<GptqSettings>& settings)
{
    settings = std::filesystem::is_directory(modelDir) ? readGptqSettings(modelDir) : std::nullopt;
    return readCheckpoint(settings ? gptqWeightsPath(modelDir, *settings) : modelDir);
}

bool hasGptqLinear(const StateDict& tensors, const std::string& prefix)
{
    return tensors.count(prefix + ".qweight") != 0;
}

std::vector<std::string> gptqTensorNames(const std::string& prefix)
{
    return {prefix + ".qweight", prefix + ".qzeros", prefix + ".scales", prefix + ".g_idx"};
}

QuantizedWeight readGptqLinear(const StateDict& tensors, const std::string& prefix, const GptqSettings& settings,
                               int64_t in, int64_t out, const std::string& source)
{
    const int bits = settings.bits;
    const int64_t perWord = 32 / bits;
    if (in % perWord != 0 || out % perWord != 0)
        throw FormatError(source + ": \"" + prefix + "\" is " + std::to_string(in) + " x " + std::to_string(out) +
                          ", which " + std::to_string(bits) + "-bit GPTQ cannot pack (multiples of " +
                          std::to_string(perWord) + " needed)");
    const int64_t groupSize = settings.groupSize > 0 ? settings.groupSize : in;
    const int64_t groups = (in + groupSize - 1) / groupSize;
    const at::Tensor qweight = requireTensor(tensors, prefix + ".qweight", {in / perWord, out}, true, source);
    const at::Tensor qzeros = requireTensor(tensors, prefix + ".qzeros", {groups, out / perWord}, true, source);
    const at::Tensor scales = requireTensor(tensors, prefix + ".scales", {groups, out}, false, source);
    at::Tensor groupIndex = at::arange(in, at::kLong).div(groupSize, "floor");
    if (tensors.count(prefix + ".g_idx")) {
        groupIndex = requireTensor(tensors, prefix + ".g_idx", {in}, true, source).to(at::kLong);
        const auto [low, high] = at::aminmax(groupIndex);
        if (low.item<int64_t>() < 0 || high.item<int64_t>() >= groups)
            throw FormatError(source + ": tensor \"" + prefix + ".g_idx\" has group " +
                              std::to_string(low.item<int64_t>() < 0 ? low.item<int64_t>() : high.item<int64_t>()) +
                              ", outside 0.." + std::to_string(groups - 1));
    }

    const at::Tensor codes = unpackWords(qweight, bits).permute({0, 2, 1}).reshape({in, out});  // [in, out]
    at::Tensor zeros = unpackWords(qzeros, bits).reshape({groups, out}).to(at::kFloat);
    if (settings.zeroPointOffset)
        zeros.add_(1);
    // Sorting the channels by group makes every group a run of positions.
    at::Tensor order;
    const bool monotonic = in < 2 || groupIndex.diff().ge(0).all().item<bool>();
    if (!monotonic)
        order = std::get<1>(groupIndex.sort(c10::optional<bool>(true), 0));
    const at::Tensor counts = at::bincount(groupIndex, {}, groups);
    std::vector<int64_t> starts{0};
    for (int64_t g = 0; g < groups; ++g)
        starts.push_back(starts.back() + counts[g].item<int64_t>());
    const at::Tensor positioned = order.defined() ? codes.index_select(0, order) : codes;
    std::string scheme = "gptq" + std::to_string(bits) +
                         (settings.groupSize > 0 ? " g" + std::to_string(settings.groupSize) : "") +
                         (settings.descAct ? " act-order" : "");
    return packQuantizedWeight(bits, positioned.t(), scales.to(at::kFloat).t(), zeros.t(), std::move(starts), order,
                               std::move(scheme));
}

void appendGptqLinear(StateDict& tensors, const std::string& prefix, const QuantizedWeight& weight)
{
    const int bits = weight.bits;
    const int64_t perWord = 32 / bits, in = weight.inFeatures, out = weight.outFeatures;
    if (in % perWord != 0 || out % perWord != 0)
        throw InvalidArgument(prefix + ": a " + std::to_string(in) + " x " + std::to_string(out) + " weight cannot be " +
                              std::to_string(bits) + "-bit GPTQ packed (multiples of " + std::to_string(perWord) +
                              " needed)");
    const at::Tensor zeros = weight.zeros.to(at::kCPU);
    const at::Tensor stored = zeros - 1;  // the v1 offset
    if (!zeros.eq(zeros.round()).all().item<bool>() || stored.min().item<float>() < 0 ||
        stored.max().item<float>() >= (1 << bits))
        throw InvalidArgument(prefix + ": zero points must be whole codes 1.." + std::to_string(1 << bits) +
                              " to be written in the GPTQ format");
    at::Tensor codes = unpackCodes(quantizedTo(weight, at::kCPU));  // [out, in], positions
    at::Tensor groupIndex = weight.groupOfPosition();
    if (weight.order.defined()) {
        const at::Tensor order = weight.order.to(at::kCPU);
        codes = at::empty_like(codes).index_copy_(1, order, codes);
        groupIndex = at::empty_like(groupIndex).index_copy_(0, order, groupIndex);
    }
    tensors[prefix + ".qweight"] = packWords(codes.t().reshape({in / perWord, perWord, out}).permute({0, 2, 1}), bits);
    tensors[prefix + ".qzeros"] = packWords(stored.t().reshape({-1, out / perWord, perWord}), bits);
    tensors[prefix + ".scales"] = weight.scales.to(at::kCPU).t().contiguous().to(at::kHalf);
    tensors[prefix + ".g_idx"] = groupIndex.to(at::kInt);
}

}  // namespace rrtf

// AutoGPTQ-format checkpoints (formats.md §4.1): the settings in
// quantize_config.json or config.json's quantization_config, and each
// quantised linear's qweight / qzeros / scales / g_idx, read into and written
// from the engine's QuantizedWeight.
#pragma once

#include "model/checkpoint.h"
#include "model/quantized_weight.h"

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace rrtf {

struct GptqSettings {
    int bits = 4;                  // 4 or 8
    int64_t groupSize = 128;       // input channels per group; -1: one group per column
    bool descAct = false;          // act-order: g_idx permutes the input channels
    bool symmetric = true;
    double dampPercent = 0.01;     // of the Hessian's mean diagonal, added before inverting
    bool trueSequential = true;
    bool zeroPointOffset = true;   // "gptq" (v1) stores zero - 1; "gptq_v2" stores the zero
    std::string modelBasename;     // weights file without extension; empty: the usual names
    std::string source;            // the file the settings came from, for messages
};

// The GPTQ settings of a model folder: quantize_config.json, else
// quantization_config in config.json (quant_method "gptq"); nullopt for a float
// model. FormatError naming the file and field for anything malformed or
// unsupported (bits other than 4 and 8, another quant_method).
std::optional<GptqSettings> readGptqSettings(const std::filesystem::path& modelDir);

// quantize_config.json's content (AutoGPTQ's field names), also used as config.json's
// quantization_config.
nlohmann::json gptqSettingsJson(const GptqSettings& settings);

// The weight files of a GPTQ folder: "<model_basename>.safetensors" (or its index)
// when named, else what findCheckpointFiles finds, else the folder's one
// *.safetensors file (gptq_model-4bit-128g.safetensors and the like).
std::filesystem::path gptqWeightsPath(const std::filesystem::path& modelDir, const GptqSettings& settings);

// Every tensor of a model folder, float or GPTQ; `settings` receives the folder's
// GPTQ settings (nullopt for a float checkpoint).
StateDict readModelTensors(const std::filesystem::path& modelDir, std::optional<GptqSettings>& settings);

// Whether `tensors` hold a quantised linear under `prefix` ("<prefix>.qweight").
bool hasGptqLinear(const StateDict& tensors, const std::string& prefix);

// Reads the quantised linear `prefix` with `in` inputs and `out` outputs.
// FormatError naming `source`, the tensor and the expected shape for a missing,
// misshapen or mistyped tensor, or a g_idx entry out of range.
QuantizedWeight readGptqLinear(const StateDict& tensors, const std::string& prefix, const GptqSettings& settings,
                               int64_t in, int64_t out, const std::string& source);

// The names read for a quantised linear, for the loader's "every tensor used" check.
std::vector<std::string> gptqTensorNames(const std::string& prefix);

// Adds prefix.qweight / .qzeros / .scales (float16) / .g_idx in AutoGPTQ's
// packing (v1 zero offset). InvalidArgument when the weight cannot be written
// that way (zeros that are not whole codes, channel counts not a multiple of 32/bits).
void appendGptqLinear(StateDict& tensors, const std::string& prefix, const QuantizedWeight& weight);

}  // namespace rrtf

// Quantising a whole model (rrtf quantize): CTranslate2's int8, round-to-nearest
// groups, or GPTQ layer by layer on calibration text; and writing the result as
// an AutoGPTQ-format folder that rrtf, AutoGPTQ and transformers load.
#pragma once

#include "model/causal_lm.h"
#include "model/gptq_checkpoint.h"
#include "quantization/gptq.h"
#include "runtime/cancellation.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace rrtf {

enum class QuantizeMethod { Int8, RoundToNearest, Gptq };

// "int8" | "rtn4" (also "rtn") | "gptq"; InvalidArgument otherwise.
QuantizeMethod parseQuantizeMethod(const std::string& name);

struct QuantizeSettings {
    QuantizeMethod method = QuantizeMethod::Gptq;
    GptqOptions options;  // bits, group size, act-order, damping (rtn uses bits and group size)
    // Token ids of each calibration sample (GPTQ only; each sample counts once in the Hessian).
    std::vector<std::vector<int64_t>> calibration;
    // Before each layer: `done` of `total` layers, the next one's name; and once at the end.
    std::function<void(int done, int total, const std::string& layer)> onProgress;
    CancellationToken cancel;
};

// Quantises the linear layers of the blocks in place (the model must hold float
// weights); embeddings and output projection stay as they are, as AutoGPTQ
// leaves them. Returns the settings that describe the result in a GPTQ folder.
GptqSettings quantizeModel(CausalLM& model, const QuantizeSettings& settings);

// Writes `model` (its block linears quantised) to `outDir`: model.safetensors with
// qweight/qzeros/scales/g_idx per quantised linear and float16 for the rest,
// config.json with quantization_config, quantize_config.json, and the other files
// of `sourceDir` (tokenizer, templates) copied.
void writeGptqModel(const CausalLM& model, const GptqSettings& settings, const std::filesystem::path& sourceDir,
                    const std::filesystem::path& outDir);

// Calibration text from a file: JSON records (JSON Lines or an array, gzip or not)
// give prompt (+ canonical_solution or completion), text, content or code; any
// other file is plain text cut into
// pieces of about `pieceChars` characters. Up to `samples` texts, picked with a
// fixed seed when there are more. FormatError naming the file and line.
std::vector<std::string> readCalibrationTexts(const std::filesystem::path& path, int samples,
                                              size_t pieceChars = 2048);

}  // namespace rrtf

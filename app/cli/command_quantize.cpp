// rrtf quantize: a float checkpoint to an AutoGPTQ-format folder in int8
// (CTranslate2's per-channel scheme), round-to-nearest 4-bit groups, or GPTQ on
// calibration text, with a progress line per layer.
#include "cli_support.h"

#include "quantization/model_quantizer.h"
#include "runtime/error.h"
#include "runtime/threads.h"
#include "tokenizer/tokenizer.h"

#include <iostream>
#include <memory>

namespace rrtf::cli {

namespace {
struct QuantizeArgs {
    ModelOptions model;
    std::string outDir;
    std::string method = "gptq";
    int bits = 4;
    int64_t groupSize = 128;
    bool actOrder = false;
    double damp = 0.01;
    std::string calibration;
    int samples = 128;
    int sequenceLength = 512;
};

std::vector<std::vector<int64_t>> calibrationIds(const QuantizeArgs& args, int contextLength)
{
    if (args.calibration.empty())
        throw InvalidArgument("--method gptq needs --calibration FILE: code the model will see, such as the "
                              "training data or HumanEval prompts (a .jsonl with prompt/text/content, or plain text)");
    const auto tokenizer = loadTokenizer(args.model.modelDir);
    const size_t limit = static_cast<size_t>(std::min(args.sequenceLength, contextLength));
    std::vector<std::vector<int64_t>> samples;
    for (const std::string& text : readCalibrationTexts(args.calibration, args.samples)) {
        std::vector<int> ids = tokenizer->encode(text);
        if (ids.size() > limit)
            ids.resize(limit);
        if (ids.size() >= 2)
            samples.emplace_back(ids.begin(), ids.end());
    }
    if (samples.empty())
        throw InvalidArgument(args.calibration + ": no calibration text of two tokens or more");
    return samples;
}

void runQuantize(const QuantizeArgs& args)
{
    configureComputeThreads(args.model.threads);
    CancellationToken cancel;
    cancelOnInterrupt(cancel);
    QuantizeSettings settings;
    settings.method = parseQuantizeMethod(args.method);
    settings.options.bits = settings.method == QuantizeMethod::Int8 ? 8 : args.bits;
    settings.options.groupSize = args.groupSize;
    settings.options.actOrder = args.actOrder;
    settings.options.dampPercent = args.damp;
    settings.cancel = cancel;

    LoadOptions options = args.model.loadOptions();  // float32: the command has no --dtype
    options.precision = WeightPrecision::Float;
    options.cancel = cancel;
    auto model = CausalLM::load(args.model.modelDir, options);
    if (settings.method == QuantizeMethod::Gptq)
        settings.calibration = calibrationIds(args, model->contextLength());

    Progress progress(true);
    settings.onProgress = [&progress](int done, int total, const std::string& layer) {
        progress.updateItems(done, total, "layers", layer, done == total);
    };
    const GptqSettings described = quantizeModel(*model, settings);
    writeGptqModel(*model, described, args.model.modelDir, args.outDir);
    std::cerr << "\nrrtf: wrote " << model->precisionLabel() << " (" << described.bits << "-bit GPTQ format) to "
              << args.outDir << '\n';
}
}  // namespace

void addQuantizeCommand(CLI::App& app)
{
    auto args = std::make_shared<QuantizeArgs>();
    CLI::App* command = app.add_subcommand(
        "quantize", "Quantise a model to int8 or 4 bits and write an AutoGPTQ-format folder");
    command->add_option("--model", args->model.modelDir, "Hugging Face model directory (float weights)")->required();
    command->add_option("--device", args->model.device, "Where calibration runs: cpu or cuda[:N]")->capture_default_str();
    command->add_option("--threads", args->model.threads, "Compute threads (0 = one per core)")->capture_default_str();
    command->add_option("--out", args->outDir, "Folder to write the quantised model to")->required();
    command->add_option("--method", args->method, "int8 (per-channel, CTranslate2's scheme), rtn4 (round to nearest) or gptq")
        ->capture_default_str();
    command->add_option("--bits", args->bits, "Bits per weight for rtn4 and gptq: 4 or 8")->capture_default_str();
    command->add_option("--group-size", args->groupSize, "Input channels per scale (-1: one per output channel)")
        ->capture_default_str();
    command->add_flag("--act-order", args->actOrder, "GPTQ: quantise channels by decreasing activation (desc_act)");
    command->add_option("--damp", args->damp, "GPTQ: damping, a fraction of the Hessian's mean diagonal")
        ->capture_default_str();
    command->add_option("--calibration", args->calibration, "GPTQ: calibration text (.jsonl records or plain text)");
    command->add_option("--samples", args->samples, "GPTQ: calibration samples to use")->capture_default_str();
    command->add_option("--seq-len", args->sequenceLength, "GPTQ: tokens per calibration sample at most")
        ->capture_default_str();
    command->callback([args] { runQuantize(*args); });
}

}  // namespace rrtf::cli

// rrtf info: what a model directory holds, checked without running it.
#include "cli_support.h"

#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "model/gptq_checkpoint.h"
#include "model/quantized_product.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <memory>

namespace rrtf::cli {

namespace {
struct InfoArgs {
    std::string modelDir;
    bool json = false;
};

void runInfo(const InfoArgs& args)
{
    const std::filesystem::path dir = args.modelDir;
    const auto config = GPTBigCodeConfig::fromFile(dir / "config.json");
    std::optional<GptqSettings> gptq;
    const auto tensors = readModelTensors(dir, gptq);
    int64_t bytes = 0;
    std::map<std::string, int> dtypes;
    for (const auto& [name, tensor] : tensors) {
        bytes += tensor.numel() * static_cast<int64_t>(tensor.element_size());
        dtypes[std::string(c10::toString(tensor.scalar_type()))]++;
    }
    // Builds the model to check every name and shape (and unpack GPTQ layers).
    const auto model = CausalLM::fromTensors(config, tensors, {}, dir.string(), gptq ? &*gptq : nullptr);
    nlohmann::json info = {
        {"model_type", "gpt_bigcode"},
        {"layers", config.nLayer},
        {"hidden", config.nEmbd},
        {"heads", config.nHead},
        {"multi_query", config.multiQuery},
        {"context", config.nPositions},
        {"vocab_size", config.vocabSize},
        {"tensors", tensors.size()},
        {"parameters", model->parameterCount()},
        {"stored_bytes", bytes},
        {"dtypes", dtypes},
        {"tied_lm_head", config.tieWordEmbeddings},
        {"precision", model->precisionLabel()},
        {"weights_in_memory_bytes", model->weightBytes()},
    };
    if (gptq)
        info["quantization"] = {{"method", "gptq"},     {"bits", gptq->bits},
                                {"group_size", gptq->groupSize}, {"desc_act", gptq->descAct},
                                {"sym", gptq->symmetric},        {"settings", gptq->source}};
    if (gptq)
        info["quantized_products"] = integerQuantizedProductsEnabled()
                                         ? "int8 inputs from two rows on (AVX-512 VNNI), float for one row"
                                         : "float (this CPU has no AVX-512 VNNI)";
    if (args.json) {
        printJson(info);
        return;
    }
    for (const auto& [key, value] : info.items())
        std::cout << key << ": " << value.dump() << '\n';
}
}  // namespace

void addInfoCommand(CLI::App& app)
{
    auto args = std::make_shared<InfoArgs>();
    CLI::App* command = app.add_subcommand("info", "Check a model directory and print what it holds");
    command->add_option("--model", args->modelDir, "Hugging Face model directory")->required();
    command->add_flag("--json", args->json, "Print one JSON object");
    command->callback([args] { runInfo(*args); });
}

}  // namespace rrtf::cli

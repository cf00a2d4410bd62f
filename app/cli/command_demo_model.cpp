// rrtf make-demo-model: writes a small GPTBigCode model with random weights and
// StarCoder's tokenizer, so everything can be tried without downloading 30 GB.
#include "cli_support.h"

#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "runtime/error.h"
#include "runtime/install_layout.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <iostream>
#include <memory>

namespace rrtf::cli {

namespace {
struct DemoModelArgs {
    std::string outputDir;
    std::string tokenizer;  // empty: the StarCoder tokenizer that ships with the programs
    int layers = 4;
    int hidden = 256;
    int heads = 8;
    int positions = 2048;
    int vocabSize = 0;  // 0: the tokenizer's (49,152 for StarCoder's)
    uint64_t seed = 1234;
    std::string format = "safetensors";
};

std::string shippedTokenizer()
{
    const auto path = installedFile(InstallDir::Data, "tokenizers/starcoder-tokenizer.json", nullptr);
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw Error("the shipped tokenizer " + path.string() + " is missing: give --tokenizer");
    return path.string();
}

void runDemo(DemoModelArgs args)
{
    if (args.tokenizer.empty()) args.tokenizer = shippedTokenizer();
    GPTBigCodeConfig config;
    // The embedding has a row per token id of the shipped tokenizer, whatever it is
    // (a byte-level one makes a model small enough to train from scratch in minutes).
    const int tokenizerSize = loadTokenizer(args.tokenizer)->vocabSize();
    config.vocabSize = args.vocabSize > 0 ? args.vocabSize : tokenizerSize;
    if (config.vocabSize < tokenizerSize)
        throw InvalidArgument("--vocab-size " + std::to_string(config.vocabSize) + " is smaller than the tokenizer's " +
                              std::to_string(tokenizerSize) + " ids");
    config.nPositions = args.positions;
    config.nEmbd = args.hidden;
    config.nLayer = args.layers;
    config.nHead = args.heads;
    config.multiQuery = true;
    config.bosTokenId = 0;
    config.eosTokenId = 0;
    if (config.nEmbd % config.nHead != 0)
        throw InvalidArgument("--hidden must be a multiple of --heads");

    const std::filesystem::path dir = args.outputDir;
    std::filesystem::create_directories(dir);
    auto model = CausalLM::random(config, args.seed);
    WriteOptions options;
    if (args.format == "bin")
        options.format = CheckpointFormat::TorchBin;
    else if (args.format != "safetensors")
        throw InvalidArgument("--format must be safetensors or bin");
    writeCheckpoint(dir, model->stateDict(), options);
    std::ofstream(dir / "config.json") << config.toJson().dump(2) << '\n';
    std::filesystem::copy_file(args.tokenizer, dir / "tokenizer.json",
                               std::filesystem::copy_options::overwrite_existing);
    std::cerr << "rrtf: wrote a " << config.nLayer << "-layer demo model (random weights) to " << dir.string() << '\n';
}
}  // namespace

void addDemoModelCommand(CLI::App& app)
{
    auto args = std::make_shared<DemoModelArgs>();
    CLI::App* command = app.add_subcommand("make-demo-model", "Write a small random-weight GPTBigCode model to try the tools");
    command->add_option("dir", args->outputDir, "Output directory")->required();
    command->add_option("--tokenizer", args->tokenizer, "tokenizer.json to ship with it (default: StarCoder's, from share/rrtf/tokenizers)");
    command->add_option("--layers", args->layers, "Layers")->capture_default_str();
    command->add_option("--hidden", args->hidden, "Hidden size")->capture_default_str();
    command->add_option("--heads", args->heads, "Query heads (multi-query attention)")->capture_default_str();
    command->add_option("--positions", args->positions, "Context length")->capture_default_str();
    command->add_option("--vocab-size", args->vocabSize, "Embedding rows (default: the tokenizer's size)");
    command->add_option("--seed", args->seed, "Seed of the random weights")->capture_default_str();
    command->add_option("--format", args->format, "safetensors or bin (pytorch_model.bin)")->capture_default_str();
    command->callback([args] { runDemo(*args); });
}

}  // namespace rrtf::cli

// rrtf generate: sample completions from a model, streamed or as JSON.
#include "cli_support.h"

#include "generation/generator.h"
#include "generation/prompt_template.h"
#include "generation/stop_sequences.h"
#include "runtime/error.h"
#include "runtime/threads.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <unistd.h>

namespace rrtf::cli {

namespace {
struct GenerateArgs {
    ModelOptions model;
    std::string ids;
    std::string prompt;
    std::string promptFile;
    std::string templateName = "raw";
    std::string tokenizer;
    bool greedy = false;
    float temperature = 0.8f;
    float topP = 0.95f;
    int topK = 0;
    int samples = 1;
    uint64_t seed = 0;
    int maxNewTokens = 128;
    std::vector<std::string> stops;
    bool humanEvalStops = false;
    bool ignoreEos = false;
    int batchRows = 64;
    bool json = false;
    bool quiet = false;
    bool echo = false;
};

std::unique_ptr<Tokenizer> findTokenizer(const GenerateArgs& args)
{
    if (!args.tokenizer.empty())
        return loadTokenizer(args.tokenizer);
    for (const char* name : {"tokenizer.json", "tokenizer.model"}) {
        const auto path = std::filesystem::path(args.model.modelDir) / name;
        if (std::filesystem::exists(path))
            return loadTokenizer(path);
    }
    return nullptr;
}

void runGenerate(const GenerateArgs& args, bool samplingRequested)
{
    configureComputeThreads(args.model.threads);
    auto tokenizer = findTokenizer(args);

    GenerationRequest request;
    if (!args.ids.empty()) {
        if (args.templateName != "raw")
            throw InvalidArgument("--template applies to --prompt text, not to --ids");
        request.promptIds = parseIds(args.ids);
    } else {
        if (!tokenizer)
            throw InvalidArgument("--prompt needs a tokenizer: none in " + args.model.modelDir + ", give --tokenizer");
        const std::string text = args.promptFile.empty() ? args.prompt : readTextFile(args.promptFile);
        request.promptIds = tokenizer->encode(applyPromptTemplate(parsePromptTemplate(args.templateName), text));
    }
    request.sampling.greedy = args.greedy || !samplingRequested;
    request.sampling.temperature = args.temperature;
    request.sampling.topP = args.topP;
    request.sampling.topK = args.topK;
    request.numSamples = args.samples;
    request.seed = args.seed;
    request.maxNewTokens = args.maxNewTokens;
    request.stopAtEos = !args.ignoreEos;
    request.stopSequences = args.stops;
    if (args.humanEvalStops)
        for (const auto& stop : codexHumanEvalStops())
            request.stopSequences.emplace_back(stop);

    request.sampling.validate();  // before the slow part: a typo fails at once
    if (!args.quiet && isatty(STDERR_FILENO))
        std::cerr << "rrtf: loading " << args.model.modelDir << "\n";
    auto model = CausalLM::load(args.model.modelDir, args.model.loadOptions());
    const auto& config = model->config();
    // WizardCoder's [PAD] row exists in the weights but must never be generated.
    if (config.padTokenId && *config.padTokenId != config.eosTokenId)
        request.bannedIds.push_back(*config.padTokenId);
    if (tokenizer)
        for (int id = tokenizer->vocabSize(); id < config.vocabSize; ++id)
            request.bannedIds.push_back(id);

    Generator generator(*model, tokenizer.get());
    generator.validate(request);
    GenerateOptions options;
    options.maxBatchRows = args.batchRows;
    cancelOnInterrupt(options.cancel);

    const bool stream = !args.json && args.samples == 1 && tokenizer;
    Progress progress(!args.quiet && !stream);
    long tokens = 0;
    int finished = 0;
    options.onToken = [&](const TokenEvent& event) {
        ++tokens;
        if (stream) {
            std::cout << event.text << std::flush;
        }
        progress.update(finished, args.samples, tokens);
        return true;
    };
    if (stream && args.echo)
        std::cout << tokenizer->decode(request.promptIds) << std::flush;
    auto results = generator.generate({request}, options);
    finished = args.samples;
    progress.update(finished, args.samples, tokens, true);

    bool cancelled = false;
    nlohmann::json samples = nlohmann::json::array();
    for (const auto& sample : results[0].samples) {
        cancelled |= sample.finish == FinishReason::Cancelled;
        nlohmann::json entry = {{"ids", sample.ids}, {"finish", finishReasonName(sample.finish)}};
        if (tokenizer)
            entry["text"] = sample.text;
        samples.push_back(entry);
    }
    if (args.json) {
        printJson({{"samples", samples}, {"prompt_tokens", request.promptIds.size()}});
    } else if (stream) {
        std::cout << '\n';
    } else {
        for (size_t i = 0; i < samples.size(); ++i) {
            std::cout << "--- sample " << i + 1 << " (" << samples[i]["finish"].get<std::string>() << ") ---\n";
            if (tokenizer)
                std::cout << results[0].samples[i].text << '\n';
            else
                std::cout << samples[i]["ids"].dump() << '\n';
        }
    }
    if (cancelled)
        throw Cancelled();
}
}  // namespace

void addGenerateCommand(CLI::App& app)
{
    auto args = std::make_shared<GenerateArgs>();
    CLI::App* command = app.add_subcommand("generate", "Generate completions from a prompt");
    args->model.addTo(*command);
    auto* ids = command->add_option("--ids", args->ids, "Prompt as token ids, e.g. \"1 2 3\"");
    auto* prompt = command->add_option("--prompt", args->prompt, "Prompt text (needs a tokenizer)");
    auto* promptFile = command->add_option("--prompt-file", args->promptFile, "File holding the prompt text");
    ids->excludes(prompt)->excludes(promptFile);
    prompt->excludes(promptFile);
    command->add_option("--template", args->templateName, "Prompt template: raw, alpaca (WizardCoder) or pangu")
        ->capture_default_str();
    command->add_option("--tokenizer", args->tokenizer, "tokenizer.json or .model (default: the model directory's)");
    auto* greedy = command->add_flag("--greedy", args->greedy, "Greedy decoding (the default without sampling options)");
    auto* temperature = command->add_option("--temperature", args->temperature, "Sampling temperature (> 0)")
                            ->capture_default_str();
    auto* topP = command->add_option("--top-p", args->topP, "Nucleus sampling mass in (0, 1]")->capture_default_str();
    auto* topK = command->add_option("--top-k", args->topK, "Keep the k most likely tokens (0 = off)")->capture_default_str();
    greedy->excludes(temperature)->excludes(topP)->excludes(topK);
    command->add_option("--n", args->samples, "Samples to draw from the prompt")->capture_default_str();
    command->add_option("--seed", args->seed, "Seed: the same seed gives the same samples")->capture_default_str();
    command->add_option("--max-new-tokens", args->maxNewTokens, "Most tokens to generate per sample")->capture_default_str();
    command->add_option("--stop", args->stops, "Stop sequence (repeatable); the text is cut before it");
    command->add_flag("--humaneval-stops", args->humanEvalStops, "Add HumanEval's stop sequences (\\ndef, \\nclass, ...)");
    command->add_flag("--ignore-eos", args->ignoreEos, "Keep generating past the end-of-text token");
    command->add_option("--batch-rows", args->batchRows, "Sequences decoded together")->capture_default_str();
    command->add_flag("--json", args->json, "Print {\"samples\": [{\"ids\", \"text\", \"finish\"}]} on stdout");
    command->add_flag("--quiet", args->quiet, "No progress on stderr");
    command->add_flag("--echo", args->echo, "Print the prompt before a streamed completion");
    command->callback([args, ids, prompt, promptFile, temperature, topP, topK] {
        if (ids->count() == 0 && prompt->count() == 0 && promptFile->count() == 0)
            throw InvalidArgument("generate needs --ids, --prompt or --prompt-file");
        runGenerate(*args, temperature->count() + topP->count() + topK->count() > 0);
    });
}

}  // namespace rrtf::cli

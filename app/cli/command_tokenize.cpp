// rrtf tokenize: text -> token ids with a tokenizer.json or SentencePiece model.
#include "cli_support.h"

#include "runtime/error.h"
#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace rrtf::cli {

namespace {
struct TokenizeArgs {
    std::string tokenizer;
    std::string text;
    std::string textFile;
    bool noSpecial = false;
    bool json = false;
};

void runTokenize(const TokenizeArgs& args)
{
    auto tokenizer = loadTokenizer(args.tokenizer);
    const std::string text = args.textFile.empty() ? args.text : readTextFile(args.textFile);
    const auto ids = tokenizer->encode(text, EncodeOptions{!args.noSpecial});
    if (args.json) {
        printJson({{"ids", ids}});
        return;
    }
    for (size_t i = 0; i < ids.size(); ++i)
        std::cout << (i ? " " : "") << ids[i];
    std::cout << '\n';
}
}  // namespace

void addTokenizeCommand(CLI::App& app)
{
    auto args = std::make_shared<TokenizeArgs>();
    CLI::App* command = app.add_subcommand("tokenize", "Turn text into token ids");
    command->add_option("--tokenizer", args->tokenizer, "tokenizer.json or SentencePiece .model file")->required();
    auto* text = command->add_option("--text", args->text, "Text to tokenize");
    auto* file = command->add_option("--text-file", args->textFile, "File whose bytes are tokenized");
    text->excludes(file);
    command->add_flag("--no-special", args->noSpecial, "Treat special-token text like <fim_prefix> as plain text");
    command->add_flag("--json", args->json, "Print {\"ids\": [...]} on stdout");
    command->callback([args, text, file] {
        if (text->count() == 0 && file->count() == 0)
            throw InvalidArgument("tokenize needs --text or --text-file");
        runTokenize(*args);
    });
}

}  // namespace rrtf::cli

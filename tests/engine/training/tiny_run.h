// A training run directory small enough for a test: a 2-layer GPTBigCode with
// random weights over a byte-level tokenizer.json (ids = bytes, 256 = EOS, the
// same ids as ByteTokenizer), a rankings.jsonl of short items, and a config.
#pragma once

#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "training/ranking.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace rrtf::test {

// GPT-2's bytes_to_unicode: the printable character standing for each byte.
inline std::string byteSymbol(int byte)
{
    std::vector<int> bytes;
    for (int b = 33; b <= 126; ++b) bytes.push_back(b);
    for (int b = 161; b <= 172; ++b) bytes.push_back(b);
    for (int b = 174; b <= 255; ++b) bytes.push_back(b);
    int codepoint = byte;
    if (std::find(bytes.begin(), bytes.end(), byte) == bytes.end()) {
        int extra = 0;
        for (int b = 0; b < byte; ++b)
            if (std::find(bytes.begin(), bytes.end(), b) == bytes.end())
                ++extra;
        codepoint = 256 + extra;
    }
    std::string utf8;
    if (codepoint < 0x80) {
        utf8 += char(codepoint);
    } else {
        utf8 += char(0xC0 | (codepoint >> 6));
        utf8 += char(0x80 | (codepoint & 0x3F));
    }
    return utf8;
}

inline void writeByteTokenizerJson(const std::filesystem::path& path)
{
    nlohmann::json vocab = nlohmann::json::object();
    for (int b = 0; b < 256; ++b)
        vocab[byteSymbol(b)] = b;
    vocab["<|endoftext|>"] = 256;
    const nlohmann::json byteLevel = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true},
                                      {"use_regex", true}};
    const nlohmann::json tokenizer = {
        {"version", "1.0"},
        {"added_tokens", {{{"id", 256}, {"content", "<|endoftext|>"}, {"single_word", false}, {"lstrip", false},
                           {"rstrip", false}, {"normalized", false}, {"special", true}}}},
        {"normalizer", nullptr},
        {"pre_tokenizer", byteLevel},
        {"post_processor", nullptr},
        {"decoder", byteLevel},
        {"model", {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr},
                   {"continuing_subword_prefix", nullptr}, {"end_of_word_suffix", nullptr}, {"fuse_unk", false},
                   {"vocab", vocab}, {"merges", nlohmann::json::array()}}}};
    std::ofstream(path) << tokenizer.dump() << '\n';
}

inline void writeTinyModel(const std::filesystem::path& dir, uint64_t seed = 3)
{
    GPTBigCodeConfig config;
    config.vocabSize = 257;
    config.nPositions = 256;
    config.nEmbd = 32;
    config.nLayer = 2;
    config.nHead = 4;
    config.bosTokenId = config.eosTokenId = 256;
    std::filesystem::create_directories(dir);
    writeCheckpoint(dir, CausalLM::random(config, seed)->stateDict());
    std::ofstream(dir / "config.json") << config.toJson().dump(2) << '\n';
    writeByteTokenizerJson(dir / "tokenizer.json");
}

inline RankedAnswer tinyAnswer(const std::string& code, AnswerClass answerClass, double score)
{
    RankedAnswer answer;
    answer.text = "```python\n" + code + "```\n";
    answer.code = code;
    answer.answerClass = answerClass;
    answer.score = score;
    return answer;
}

// Seven trainable items (one without a pair, which still gives the SFT term)
// and one without a teacher, which is skipped.
inline std::vector<RankedItem> tinyRankings()
{
    std::vector<RankedItem> items;
    const char* names[] = {"inc", "dbl", "neg", "sq", "half", "zero", "one"};
    const char* bodies[] = {"x + 1", "2 * x", "-x", "x * x", "x // 2", "0", "1"};
    for (int i = 0; i < 7; ++i) {
        RankedItem item;
        item.taskId = std::string("tiny/") + names[i];
        item.instruction = std::string("Write ") + names[i] + "(x).";
        item.teachers = {tinyAnswer(std::string("def ") + names[i] + "(x):\n    return " + bodies[i] + "\n",
                                    AnswerClass::AllPass, 3)};
        item.bestTeacher = 0;
        if (i != 5) {
            item.students = {tinyAnswer(std::string("def ") + names[i] + "(x):\n    return x\n",
                                        AnswerClass::RuntimeError, 1),
                             tinyAnswer(std::string("def ") + names[i] + "(x)\n", AnswerClass::CompileError, 0)};
            item.pairs = {{0, 3.0, 1.0}, {1, 3.0, 0.0}};
        }
        items.push_back(item);
    }
    RankedItem noTeacher;
    noTeacher.taskId = "tiny/none";
    noTeacher.instruction = "Nothing passes.";
    noTeacher.reason = "no teacher answer is ranked";
    items.push_back(noTeacher);
    return items;
}

// RUN_DIR with model/, rankings.jsonl and config.json (`settings` over the defaults given here).
inline void writeTinyRun(const std::filesystem::path& runDir, const nlohmann::json& settings)
{
    std::filesystem::create_directories(runDir);
    if (!std::filesystem::exists(runDir / "model" / "config.json"))
        writeTinyModel(runDir / "model");
    writeRankings(runDir / "rankings.jsonl", tinyRankings());
    nlohmann::json config = {{"model", "model"}, {"rankings", "rankings.jsonl"}, {"global_batch", 4},
                             {"micro_batch", 2}, {"lr", 3e-3}, {"warmup_steps", 0}, {"schedule", "constant"},
                             {"max_length", 128}, {"epochs", 4}, {"checkpoint_every", 3}};
    config.update(settings);
    std::ofstream(runDir / "config.json") << config.dump(2) << '\n';
}

// The JSON lines of a file.
inline std::vector<nlohmann::json> readJsonLines(const std::filesystem::path& path)
{
    std::vector<nlohmann::json> lines;
    std::ifstream file(path);
    for (std::string line; std::getline(file, line);)
        lines.push_back(nlohmann::json::parse(line));
    return lines;
}

// The per-step lines of RUN_DIR/metrics.jsonl (evaluation lines have no "loss").
inline std::vector<nlohmann::json> stepLines(const std::filesystem::path& runDir)
{
    std::vector<nlohmann::json> steps;
    for (const nlohmann::json& line : readJsonLines(runDir / "metrics.jsonl"))
        if (line.contains("loss"))
            steps.push_back(line);
    return steps;
}

// The largest absolute difference between same-named tensors of two state dicts.
inline double maxDifference(const StateDict& a, const StateDict& b)
{
    double worst = 0;
    for (const auto& [name, tensor] : a)
        worst = std::max(worst, (tensor.to(at::kDouble) - b.at(name).to(at::kDouble)).abs().max().item<double>());
    return worst;
}

}  // namespace rrtf::test

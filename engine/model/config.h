// GPTBigCode model configuration, read from a Hugging Face `config.json`.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace rrtf {

enum class Activation { GeluErf, GeluTanh };

struct GPTBigCodeConfig {
    int vocabSize = 50257;          // rows of wte / lm_head
    int nPositions = 1024;          // learned positions: the context limit
    int nEmbd = 768;                // hidden size E
    int nLayer = 12;
    int nHead = 12;                 // query heads H; head dim D = E / H
    int nInner = 0;                 // MLP width; 0 in the file (null) means 4 * E
    bool multiQuery = true;         // one shared K/V head (MQA) or one per query head
    Activation activation = Activation::GeluTanh;  // HF class default gelu_pytorch_tanh
    double layerNormEpsilon = 1e-5;
    bool scaleAttnWeights = true;   // scores * 1/sqrt(D)
    bool tieWordEmbeddings = true;  // lm_head shares wte
    int bosTokenId = 50256;
    int eosTokenId = 50256;
    std::optional<int> padTokenId;
    std::string torchDtype = "float32";  // what the checkpoint was saved in

    int headDim() const { return nEmbd / nHead; }
    int kvHeads() const { return multiQuery ? 1 : nHead; }
    int innerSize() const { return nInner > 0 ? nInner : 4 * nEmbd; }

    // Parses and validates; `source` names the file in error messages.
    static GPTBigCodeConfig fromJson(const nlohmann::json& json, const std::string& source);
    static GPTBigCodeConfig fromFile(const std::filesystem::path& path);
    nlohmann::json toJson() const;
};

}  // namespace rrtf

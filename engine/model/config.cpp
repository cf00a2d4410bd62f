#include "model/config.h"

#include "runtime/error.h"
#include "runtime/json_file.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>

namespace rrtf {
namespace {

// Reads an integer field, accepting the transformers attribute aliases.
class ModelConfigReader {
public:
    ModelConfigReader(const nlohmann::json& json, const std::string& source) : m_json(json), m_source(source) {}

    const nlohmann::json* find(std::initializer_list<const char*> names) const
    {
        for (const char* name : names) {
            auto it = m_json.find(name);
            if (it != m_json.end())
                return &*it;
        }
        return nullptr;
    }

    [[noreturn]] void fail(const std::string& field, const std::string& why) const
    {
        // Values quoted in `why` come from the file: shown on one line, cut short.
        throw FormatError(m_source + ": field \"" + field + "\" " + printable(why, 400));
    }

    int integer(std::initializer_list<const char*> names, std::optional<int> fallback, int minimum) const
    {
        const std::string field = *names.begin();
        const nlohmann::json* value = find(names);
        if (!value || value->is_null()) {
            if (!fallback)
                fail(field, "is missing");
            return *fallback;
        }
        if (!value->is_number_integer())
            fail(field, "must be an integer, found " + value->dump());
        const auto number = value->get<long long>();
        if (number < minimum || number > (1LL << 31) - 1)
            fail(field, "is out of range: " + value->dump());
        return static_cast<int>(number);
    }

    bool boolean(const char* name, bool fallback) const
    {
        const nlohmann::json* value = find({name});
        if (!value || value->is_null())
            return fallback;
        if (!value->is_boolean())
            fail(name, "must be true or false, found " + value->dump());
        return value->get<bool>();
    }

    double number(const char* name, double fallback) const
    {
        const nlohmann::json* value = find({name});
        if (!value || value->is_null())
            return fallback;
        if (!value->is_number())
            fail(name, "must be a number, found " + value->dump());
        return value->get<double>();
    }

    std::string string(const char* name, const std::string& fallback) const
    {
        const nlohmann::json* value = find({name});
        if (!value || value->is_null())
            return fallback;
        if (!value->is_string())
            fail(name, "must be a string, found " + value->dump());
        return value->get<std::string>();
    }

private:
    const nlohmann::json& m_json;
    const std::string& m_source;
};

Activation parseActivation(const ModelConfigReader& reader, const std::string& name)
{
    if (name == "gelu")
        return Activation::GeluErf;
    if (name == "gelu_pytorch_tanh" || name == "gelu_new" || name == "gelu_fast")
        return Activation::GeluTanh;
    reader.fail("activation_function", "names an unsupported activation \"" + name +
                                           "\" (expected gelu or gelu_pytorch_tanh)");
}

}  // namespace

GPTBigCodeConfig GPTBigCodeConfig::fromJson(const nlohmann::json& json, const std::string& source)
{
    if (!json.is_object())
        throw FormatError(source + ": expected a JSON object");
    ModelConfigReader reader(json, source);

    const std::string modelType = reader.string("model_type", "");
    if (modelType != "gpt_bigcode")
        reader.fail("model_type", modelType.empty() ? "is missing (expected \"gpt_bigcode\")"
                                                    : "is \"" + modelType + "\", expected \"gpt_bigcode\"");

    GPTBigCodeConfig config;
    config.vocabSize = reader.integer({"vocab_size"}, std::nullopt, 1);
    config.nPositions = reader.integer({"n_positions", "max_position_embeddings"}, std::nullopt, 1);
    config.nEmbd = reader.integer({"n_embd", "hidden_size"}, std::nullopt, 1);
    config.nLayer = reader.integer({"n_layer", "num_hidden_layers"}, std::nullopt, 1);
    config.nHead = reader.integer({"n_head", "num_attention_heads"}, std::nullopt, 1);
    config.nInner = reader.integer({"n_inner"}, 0, 1);
    config.multiQuery = reader.boolean("multi_query", true);
    config.activation = parseActivation(reader, reader.string("activation_function", "gelu_pytorch_tanh"));
    config.layerNormEpsilon = reader.number("layer_norm_epsilon", 1e-5);
    config.scaleAttnWeights = reader.boolean("scale_attn_weights", true);
    config.tieWordEmbeddings = reader.boolean("tie_word_embeddings", true);
    config.bosTokenId = reader.integer({"bos_token_id"}, 50256, 0);
    config.eosTokenId = reader.integer({"eos_token_id"}, 50256, 0);
    if (const auto* pad = reader.find({"pad_token_id"}); pad && !pad->is_null())
        config.padTokenId = reader.integer({"pad_token_id"}, std::nullopt, 0);
    config.torchDtype = reader.string("torch_dtype", "float32");

    // The MLP's width (4 * n_embd unless n_inner) and a layer's weights must fit an int.
    if (config.nEmbd > std::numeric_limits<int>::max() / 4)
        reader.fail("n_embd", "(" + std::to_string(config.nEmbd) + ") too large");
    if (config.nEmbd % config.nHead != 0)
        reader.fail("n_head", "(" + std::to_string(config.nHead) + ") must divide n_embd (" +
                                  std::to_string(config.nEmbd) + ")");
    if (config.layerNormEpsilon <= 0)
        reader.fail("layer_norm_epsilon", "must be positive");
    if (const auto* kvHeads = reader.find({"num_key_value_heads"}); kvHeads && kvHeads->is_number_integer()) {
        if (kvHeads->get<int>() != config.kvHeads())
            reader.fail("num_key_value_heads", "(" + kvHeads->dump() + ") disagrees with multi_query");
    }
    return config;
}

GPTBigCodeConfig GPTBigCodeConfig::fromFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw FormatError(path.string() + ": cannot open model config");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in, jsonDepthLimit(path.string()));
    } catch (const nlohmann::json::parse_error& error) {
        throw FormatError(path.string() + ": invalid JSON at byte " + std::to_string(error.byte));
    } catch (const nlohmann::json::exception& error) {  // out_of_range: a number past a double
        throw FormatError(path.string() + ": invalid JSON: " + error.what());
    }
    return fromJson(json, path.string());
}

nlohmann::json GPTBigCodeConfig::toJson() const
{
    nlohmann::json json = {
        {"model_type", "gpt_bigcode"},
        {"architectures", {"GPTBigCodeForCausalLM"}},
        {"vocab_size", vocabSize},
        {"n_positions", nPositions},
        {"n_embd", nEmbd},
        {"n_layer", nLayer},
        {"n_head", nHead},
        {"n_inner", nInner > 0 ? nlohmann::json(nInner) : nlohmann::json()},
        {"multi_query", multiQuery},
        {"activation_function", activation == Activation::GeluErf ? "gelu" : "gelu_pytorch_tanh"},
        {"layer_norm_epsilon", layerNormEpsilon},
        {"scale_attn_weights", scaleAttnWeights},
        {"attention_softmax_in_fp32", true},
        {"scale_attention_softmax_in_fp32", true},
        {"tie_word_embeddings", tieWordEmbeddings},
        {"bos_token_id", bosTokenId},
        {"eos_token_id", eosTokenId},
        {"torch_dtype", torchDtype},
    };
    if (padTokenId)
        json["pad_token_id"] = *padTokenId;
    return json;
}

}  // namespace rrtf

// Access to the golden GPTBigCode checkpoint and the outputs Hugging Face
// transformers recorded for it (tests/data/golden/gpt_bigcode_tiny_mqa).
#pragma once

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace rrtf::test {

inline std::filesystem::path goldenDir()
{
    return std::filesystem::path(RRTF_TEST_DATA) / "golden" / "gpt_bigcode_tiny_mqa";
}

inline const nlohmann::json& goldenExpected()
{
    static const nlohmann::json json = [] {
        std::ifstream in(goldenDir() / "expected.json");
        return nlohmann::json::parse(in);
    }();
    return json;
}

// A JSON array of numbers (any nesting) as a float tensor of the same shape.
inline at::Tensor jsonTensor(const nlohmann::json& json)
{
    std::vector<int64_t> shape;
    for (const nlohmann::json* level = &json; level->is_array(); level = &level->at(0))
        shape.push_back(static_cast<int64_t>(level->size()));
    std::vector<float> values;
    auto flatten = [&](auto& self, const nlohmann::json& node) -> void {
        if (node.is_array())
            for (const auto& child : node)
                self(self, child);
        else
            values.push_back(node.get<float>());
    };
    flatten(flatten, json);
    return at::tensor(values).view(shape);
}

inline std::vector<int> jsonIds(const nlohmann::json& json) { return json.get<std::vector<int>>(); }

inline at::Tensor idTensor(const std::vector<int>& ids)
{
    return at::tensor(std::vector<int64_t>(ids.begin(), ids.end()), at::kLong).view({1, -1});
}

inline double maxAbsDiff(const at::Tensor& a, const at::Tensor& b)
{
    return (a.to(at::kFloat) - b.to(at::kFloat)).abs().max().item<double>();
}

}  // namespace rrtf::test

// rrtf logits: next-token logits of a model for given ids (for parity checks).
#include "cli_support.h"

#include "model/causal_lm.h"
#include "runtime/error.h"
#include "runtime/threads.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace rrtf::cli {

namespace {
struct LogitsArgs {
    ModelOptions model;
    std::string ids;
    bool allPositions = false;
    bool json = false;
};

void runLogits(const LogitsArgs& args)
{
    configureComputeThreads(args.model.threads);
    const auto ids = parseIds(args.ids);
    if (ids.empty())
        throw InvalidArgument("--ids is empty");
    auto model = CausalLM::load(args.model.modelDir, args.model.loadOptions());
    ForwardInput input;
    input.ids = at::tensor(std::vector<int64_t>(ids.begin(), ids.end()), at::kLong).view({1, -1});
    input.lastPositionOnly = !args.allPositions;
    const at::Tensor logits = model->forward(input)[0].to(at::kCPU).contiguous();

    nlohmann::json rows = nlohmann::json::array();
    for (int64_t row = 0; row < logits.size(0); ++row) {
        const float* data = logits[row].data_ptr<float>();
        rows.push_back(std::vector<float>(data, data + logits.size(1)));
    }
    if (args.json) {
        printJson({{"logits", rows}});
        return;
    }
    for (const auto& row : rows) {
        const auto values = row.get<std::vector<float>>();
        const auto best = std::max_element(values.begin(), values.end()) - values.begin();
        std::cout << "argmax " << best << "  logit " << values[best] << '\n';
    }
}
}  // namespace

void addLogitsCommand(CLI::App& app)
{
    auto args = std::make_shared<LogitsArgs>();
    CLI::App* command = app.add_subcommand("logits", "Print a model's logits for a sequence of token ids");
    args->model.addTo(*command);
    command->add_option("--ids", args->ids, "Token ids, e.g. \"1 2 3\"")->required();
    command->add_flag("--all-positions", args->allPositions, "One row per position instead of the last only");
    command->add_flag("--json", args->json, "Print {\"logits\": [[...], ...]} on stdout");
    command->callback([args] { runLogits(*args); });
}

}  // namespace rrtf::cli

#include "training/lora.h"

#include "model/causal_lm.h"
#include "runtime/error.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>

namespace rrtf {
namespace {

// "transformer.h.0.attn.c_attn" matches "attn.c_attn" and "h.0.attn.c_attn",
// not "xattn.c_attn": the suffix starts at a name boundary.
bool matchesTarget(const std::string& name, const std::string& target)
{
    if (name == target)
        return true;
    return name.size() > target.size() && name.ends_with(target) && name[name.size() - target.size() - 1] == '.';
}

}  // namespace

std::map<std::string, at::Tensor> enableLora(CausalLM& model, const LoraOptions& options)
{
    if (options.rank < 1)
        throw InvalidArgument("LoRA rank " + std::to_string(options.rank) + " is below 1");
    if (!(options.dropout >= 0.0 && options.dropout < 1.0))
        throw InvalidArgument("LoRA dropout " + std::to_string(options.dropout) + " is not in [0, 1)");
    if (options.targets.empty())
        throw InvalidArgument("LoRA needs at least one target layer");

    auto& root = *model.module();
    // Check every target before changing anything, so an error leaves the model as it was.
    std::vector<std::pair<std::string, std::shared_ptr<DenseImpl>>> chosen;
    for (const auto& target : options.targets) {
        size_t found = 0;
        for (const auto& item : root.named_modules("", /*include_self=*/false)) {
            auto dense = std::dynamic_pointer_cast<DenseImpl>(item.value());
            if (!dense || !matchesTarget(item.key(), target))
                continue;
            if (dense->lora_A.defined())
                throw InvalidArgument("layer \"" + item.key() + "\" already has a LoRA adapter");
            ++found;
            if (std::none_of(chosen.begin(), chosen.end(), [&](const auto& c) { return c.second == dense; }))
                chosen.emplace_back(item.key(), dense);
        }
        if (found == 0)
            throw InvalidArgument("LoRA target \"" + target +
                                  "\" matches no layer (expected attn.c_attn, attn.c_proj, mlp.c_fc or mlp.c_proj)");
    }

    for (auto& parameter : root.parameters())
        parameter.requires_grad_(false);
    // A fixed seed: every rank of a distributed job starts from the same A.
    auto generator = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    const double scale = options.alpha / options.rank;
    for (auto& [name, dense] : chosen)
        dense->addAdapter(options.rank, scale, options.dropout, generator);

    std::map<std::string, at::Tensor> adapters;
    for (const auto& item : root.named_parameters()) {
        const std::string& name = item.key();
        if (name.ends_with(".lora_A") || name.ends_with(".lora_B"))
            adapters.emplace(name, item.value());
    }
    return adapters;
}

void mergeLora(CausalLM& model)
{
    for (const auto& module : model.module()->modules(/*include_self=*/false))
        if (auto dense = std::dynamic_pointer_cast<DenseImpl>(module))
            dense->mergeAdapter();
}

void setGradientCheckpointing(CausalLM& model, bool enabled)
{
    model.module()->transformer->setGradientCheckpointing(enabled);
}

}  // namespace rrtf

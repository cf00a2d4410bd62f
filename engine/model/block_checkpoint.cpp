#include "model/block_checkpoint.h"

#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/custom_function.h>

#include <ATen/Context.h>

#include <mutex>

namespace rrtf {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// What the backward needs besides the saved input: the block (kept alive here),
// the attention mask, which has no gradient, and the random state the forward
// started from, so that dropout (LoRA's) draws the same masks again.
struct BlockCall : torch::CustomClassHolder {
    std::shared_ptr<BlockImpl> block;
    at::Tensor allowed;
    at::Generator generator;
    at::Tensor randomState;
};

// Sets the generator to `state` and returns the state it had.
at::Tensor swapRandomState(at::Generator& generator, const at::Tensor& state)
{
    std::lock_guard<std::mutex> lock(generator.mutex());
    at::Tensor previous = generator.get_state();
    generator.set_state(state);
    return previous;
}

// Runs the block the way the training forward does: gradient mode on and the
// input's requires_grad as in the graph, so that the products take the same
// kernels (denseProduct picks by those flags) and the recompute in the backward
// reproduces the forward's values exactly. The graph built here lives only
// until the output is detached.
at::Tensor runBlock(const BlockCall& call, const at::Tensor& input)
{
    at::AutoGradMode gradMode(true);
    return call.block->forward(input, call.allowed, nullptr);
}

struct CheckpointFunction : torch::autograd::Function<CheckpointFunction> {
    // `parameters` are inputs only so that autograd routes their gradients here.
    static at::Tensor forward(AutogradContext* context, const at::Tensor& hidden,
                              const c10::intrusive_ptr<BlockCall>& call, at::TensorList parameters)
    {
        context->save_for_backward({hidden});
        context->saved_data["call"] = c10::IValue::make_capsule(call);
        context->saved_data["hiddenNeedsGrad"] = hidden.requires_grad();
        const at::Tensor input = hidden.detach().requires_grad_(hidden.requires_grad());
        return runBlock(*call, input).detach();
    }

    static variable_list backward(AutogradContext* context, variable_list gradOutputs)
    {
        auto call = c10::static_intrusive_pointer_cast<BlockCall>(context->saved_data["call"].toCapsule());
        const bool hiddenNeedsGrad = context->saved_data["hiddenNeedsGrad"].toBool();
        const at::Tensor input = context->get_saved_variables()[0].detach().requires_grad_(hiddenNeedsGrad);
        // Replay the forward's random draws, then give the generator back its own state.
        const at::Tensor current = swapRandomState(call->generator, call->randomState);
        const at::Tensor output = runBlock(*call, input);
        swapRandomState(call->generator, current);

        // Gradients for the input and the parameters that want one; the rest stay undefined.
        std::vector<at::Tensor> parameters = call->block->parameters();
        variable_list wanted;
        if (hiddenNeedsGrad)
            wanted.push_back(input);
        for (const at::Tensor& parameter : parameters)
            if (parameter.requires_grad())
                wanted.push_back(parameter);
        const variable_list grads =
            torch::autograd::grad({output}, wanted, {gradOutputs[0]}, false, false, /*allow_unused=*/true);

        variable_list result;  // one per forward argument: hidden, call, then each parameter
        size_t next = 0;
        result.push_back(hiddenNeedsGrad ? grads[next++] : at::Tensor());
        result.push_back(at::Tensor());
        for (const at::Tensor& parameter : parameters)
            result.push_back(parameter.requires_grad() ? grads[next++] : at::Tensor());
        return result;
    }
};

}  // namespace

at::Tensor checkpointedBlock(const std::shared_ptr<BlockImpl>& block, const at::Tensor& hidden,
                             const at::Tensor& allowed)
{
    const std::vector<at::Tensor> parameters = block->parameters();
    bool anyGradient = hidden.requires_grad();
    for (const at::Tensor& parameter : parameters)
        anyGradient = anyGradient || parameter.requires_grad();
    if (!anyGradient || !at::GradMode::is_enabled())
        return block->forward(hidden, allowed, nullptr);  // nothing to recompute for
    auto call = c10::make_intrusive<BlockCall>();
    call->block = block;
    call->allowed = allowed;
    call->generator = at::globalContext().defaultGenerator(hidden.device());
    {
        std::lock_guard<std::mutex> lock(call->generator.mutex());
        call->randomState = call->generator.get_state();
    }
    return CheckpointFunction::apply(hidden, call, at::TensorList(parameters));
}

}  // namespace rrtf

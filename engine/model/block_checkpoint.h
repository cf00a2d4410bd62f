// Gradient checkpointing for one transformer block: the forward keeps only the
// block's input, and the backward runs the block again to get its activations.
#pragma once

#include "model/gpt_bigcode.h"

#include <memory>

namespace rrtf {

// block(hidden, allowed) with the block's activations dropped after the forward
// and recomputed in the backward. Gradients reach `hidden` and every parameter of
// the block that requires one, as without checkpointing.
at::Tensor checkpointedBlock(const std::shared_ptr<BlockImpl>& block, const at::Tensor& hidden,
                             const at::Tensor& allowed);

}  // namespace rrtf

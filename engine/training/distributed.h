// Data-parallel training across processes through LibTorch's own c10d layer
// (ProcessGroupGloo over a TCPStore on CPU; NCCL where the LibTorch has CUDA),
// set up from the usual launcher variables RANK, WORLD_SIZE, MASTER_ADDR and
// MASTER_PORT (torchrun's names). Each rank trains on its own shard of every
// global batch; gradients are averaged with allreduce before the optimiser step,
// so N ranks take the same steps as one process with the same global batch.
#pragma once

#include <ATen/ATen.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace rrtf {

struct DistributedOptions {
    int rank = 0;
    int worldSize = 1;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
    std::chrono::seconds timeout{300};  // how long a rank waits for the others
};

// The options from RANK / WORLD_SIZE / MASTER_ADDR / MASTER_PORT; a single
// process (rank 0 of 1) when WORLD_SIZE is unset. InvalidArgument naming the
// variable for a value that is not a number or out of range.
DistributedOptions distributedOptionsFromEnvironment();

class DistributedContext {
public:
    // Joins the process group (blocks until every rank has joined or the timeout
    // passes: then Error naming the address and port). worldSize 1 needs no network.
    explicit DistributedContext(const DistributedOptions& options);
    ~DistributedContext();
    DistributedContext(const DistributedContext&) = delete;
    DistributedContext& operator=(const DistributedContext&) = delete;

    int rank() const;
    int worldSize() const;
    bool isMain() const { return rank() == 0; }  // the rank that writes metrics and checkpoints

    // Copies rank 0's values into every rank's tensors (at start and after resume).
    void broadcast(std::vector<at::Tensor>& tensors);
    // Replaces each gradient with its mean over the ranks (undefined grads count as
    // zero; a gradient that no rank has stays undefined). Travels in flat buckets.
    void averageGradients(const std::vector<at::Tensor>& parameters);
    // Sums plain numbers over the ranks (losses, token counts for metrics).
    std::vector<double> sum(const std::vector<double>& values);
    void barrier();

private:
    struct Group;
    std::unique_ptr<Group> group;  // null for a single process
    DistributedOptions options;
};

}  // namespace rrtf

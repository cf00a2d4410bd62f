#include "training/distributed.h"

#include "runtime/error.h"

#include <ATen/core/grad_mode.h>

#if defined(RRTF_WITH_GLOO)
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif
#if defined(RRTF_WITH_NCCL)
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <charconv>
#include <cstdlib>
#include <optional>

namespace rrtf {
namespace {

// Gradients travel in buckets of at most this many bytes: one collective per
// bucket instead of one per tensor, without doubling the memory of a large model.
constexpr int64_t kBucketBytes = 64ll << 20;

std::optional<std::string> environment(const char* name)
{
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

int integerVariable(const char* name, const std::string& text, int low, int high)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty())
        throw InvalidArgument(std::string(name) + "=\"" + text + "\" is not a whole number");
    if (value < low || value > high)
        throw InvalidArgument(std::string(name) + "=" + text + " is out of range [" + std::to_string(low) + ", " +
                              std::to_string(high) + "]");
    return value;
}

std::string endpoint(const DistributedOptions& options)
{
    return options.masterAddress + ":" + std::to_string(options.masterPort);
}

// Consecutive runs of tensors with one device and dtype, each at most kBucketBytes
// (a larger tensor makes a bucket of its own).
std::vector<std::vector<size_t>> buckets(const std::vector<at::Tensor>& tensors)
{
    std::vector<std::vector<size_t>> result;
    int64_t bytes = 0;
    for (size_t i = 0; i < tensors.size(); ++i) {
        const at::Tensor& tensor = tensors[i];
        const int64_t size = tensor.numel() * static_cast<int64_t>(tensor.element_size());
        const bool sameKind = !result.empty() && tensors[result.back().front()].device() == tensor.device() &&
                              tensors[result.back().front()].scalar_type() == tensor.scalar_type();
        if (!sameKind || bytes + size > kBucketBytes) {
            result.emplace_back();
            bytes = 0;
        }
        result.back().push_back(i);
        bytes += size;
    }
    return result;
}

}  // namespace

DistributedOptions distributedOptionsFromEnvironment()
{
    DistributedOptions options;
    const auto worldSize = environment("WORLD_SIZE");
    if (!worldSize)
        return options;  // a single process; RANK and the rest do not matter then
    options.worldSize = integerVariable("WORLD_SIZE", *worldSize, 1, 1 << 20);
    if (const auto rank = environment("RANK"))
        options.rank = integerVariable("RANK", *rank, 0, options.worldSize - 1);
    else if (options.worldSize > 1)
        throw InvalidArgument("RANK is not set but WORLD_SIZE is " + *worldSize);
    if (const auto address = environment("MASTER_ADDR")) {
        if (address->empty())
            throw InvalidArgument("MASTER_ADDR is empty");
        options.masterAddress = *address;
    }
    if (const auto port = environment("MASTER_PORT"))
        options.masterPort = integerVariable("MASTER_PORT", *port, 1, 65535);
    return options;  // LOCAL_RANK (torchrun's per-node index) is not needed on the CPU
}

#if defined(RRTF_WITH_GLOO)

struct DistributedContext::Group {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
#if defined(RRTF_WITH_NCCL)
    c10::intrusive_ptr<c10d::ProcessGroupNCCL> nccl;  // made at the first collective on CUDA tensors
#endif
    DistributedOptions options;

    explicit Group(const DistributedOptions& options) : options(options)
    {
        const std::chrono::milliseconds timeout = options.timeout;
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = static_cast<uint16_t>(options.masterPort);
        storeOptions.isServer = options.rank == 0;
        storeOptions.numWorkers = options.worldSize;
        storeOptions.waitWorkers = true;  // rank 0 returns once every rank has connected
        storeOptions.timeout = timeout;
        store = c10::make_intrusive<c10d::TCPStore>(options.masterAddress, storeOptions);

        auto glooOptions = c10d::ProcessGroupGloo::Options::create(timeout);
        glooOptions->devices.push_back(glooDevice());
        gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(c10::make_intrusive<c10d::PrefixStore>("gloo", store),
                                                            options.rank, options.worldSize, glooOptions);
    }

    // GLOO_SOCKET_IFNAME as PyTorch reads it; loopback when every rank is on this
    // machine; otherwise the address this host's name resolves to.
    std::shared_ptr<::gloo::transport::Device> glooDevice() const
    {
        if (const auto interface = environment("GLOO_SOCKET_IFNAME"); interface && !interface->empty())
            return c10d::ProcessGroupGloo::createDeviceForInterface(*interface);
        const std::string& address = options.masterAddress;
        if (address == "localhost" || address.starts_with("127."))
            return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
        return c10d::ProcessGroupGloo::createDefaultDevice();
    }

    // Runs one collective and waits for it; c10d's errors become rrtf::Error.
    template <typename Start>
    void run(const char* what, Start&& start)
    {
        try {
            start()->wait();
        } catch (const c10::Error& error) {
            throw Error(std::string("distributed ") + what + " failed (rank " + std::to_string(options.rank) +
                        ", " + endpoint(options) + "): " + error.what_without_backtrace());
        } catch (const std::exception& error) {
            throw Error(std::string("distributed ") + what + " failed (rank " + std::to_string(options.rank) +
                        ", " + endpoint(options) + "): " + error.what());
        }
    }

    // Collectives on a flat buffer: NCCL on CUDA where the LibTorch has it, else
    // Gloo on a CPU copy.
    void collective(const char* what, at::Tensor& flat, bool allreduce)
    {
#if defined(RRTF_WITH_NCCL)
        if (flat.is_cuda()) {
            if (!nccl)
                nccl = c10::make_intrusive<c10d::ProcessGroupNCCL>(c10::make_intrusive<c10d::PrefixStore>("nccl", store),
                                                                   options.rank, options.worldSize);
            std::vector<at::Tensor> tensors{flat};
            run(what, [&] { return allreduce ? nccl->allreduce(tensors) : nccl->broadcast(tensors); });
            return;
        }
#endif
        // Gloo has no bfloat16 sum: such buckets travel as float32.
        const auto dtype = flat.scalar_type() == at::kBFloat16 ? at::kFloat : flat.scalar_type();
        std::vector<at::Tensor> tensors{flat.to(at::kCPU, dtype)};
        run(what, [&] { return allreduce ? gloo->allreduce(tensors) : gloo->broadcast(tensors); });
        if (!tensors[0].is_same(flat))
            flat.copy_(tensors[0]);
    }
};

DistributedContext::DistributedContext(const DistributedOptions& options) : options(options)
{
    if (options.worldSize < 1)
        throw InvalidArgument("world size " + std::to_string(options.worldSize) + " is below 1");
    if (options.rank < 0 || options.rank >= options.worldSize)
        throw InvalidArgument("rank " + std::to_string(options.rank) + " is outside [0, " +
                              std::to_string(options.worldSize) + ")");
    if (options.masterPort < 1 || options.masterPort > 65535)
        throw InvalidArgument("master port " + std::to_string(options.masterPort) + " is outside [1, 65535]");
    if (options.timeout.count() <= 0)
        throw InvalidArgument("distributed timeout must be positive");
    if (options.worldSize == 1)
        return;
    try {
        group = std::make_unique<Group>(options);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& error) {
        const std::string detail =
            dynamic_cast<const c10::Error*>(&error) ? static_cast<const c10::Error&>(error).what_without_backtrace()
                                                    : error.what();
        throw Error("rank " + std::to_string(options.rank) + " of " + std::to_string(options.worldSize) +
                    " could not join the process group at " + endpoint(options) + " within " +
                    std::to_string(options.timeout.count()) + " s: " + detail);
    }
}

#else  // a LibTorch without c10d Gloo: single process only

struct DistributedContext::Group {};

DistributedContext::DistributedContext(const DistributedOptions& options) : options(options)
{
    if (options.worldSize != 1)
        throw Error("this build has no c10d Gloo support, so WORLD_SIZE must be 1 (it is " +
                    std::to_string(options.worldSize) + ")");
}

#endif

DistributedContext::~DistributedContext() = default;

int DistributedContext::rank() const { return options.rank; }

int DistributedContext::worldSize() const { return options.worldSize; }

void DistributedContext::broadcast(std::vector<at::Tensor>& tensors)
{
    for (size_t i = 0; i < tensors.size(); ++i)
        if (!tensors[i].defined())
            throw InvalidArgument("broadcast: tensor " + std::to_string(i) + " is undefined");
    if (!group)
        return;
#if defined(RRTF_WITH_GLOO)
    at::NoGradGuard noGrad;  // the tensors are usually parameters
    for (const auto& bucket : buckets(tensors)) {
        std::vector<at::Tensor> parts;
        for (size_t i : bucket)
            parts.push_back(tensors[i].reshape(-1));
        at::Tensor flat = at::cat(parts);
        group->collective("broadcast", flat, false);
        int64_t offset = 0;
        for (size_t i : bucket) {
            tensors[i].copy_(flat.narrow(0, offset, tensors[i].numel()).view_as(tensors[i]));
            offset += tensors[i].numel();
        }
    }
#endif
}

void DistributedContext::averageGradients(const std::vector<at::Tensor>& parameters)
{
    if (!group)
        return;
#if defined(RRTF_WITH_GLOO)
    at::NoGradGuard noGrad;
    // A gradient that some rank has becomes defined on every rank (zeros where it
    // was missing), so all ranks reduce the same buckets; one that no rank has
    // stays undefined, as it would in a single process, and the optimiser skips it.
    const auto count = static_cast<int64_t>(parameters.size());
    at::Tensor present = at::zeros({count}, at::kLong);
    auto flags = present.accessor<int64_t, 1>();
    for (int64_t i = 0; i < count; ++i)
        flags[i] = parameters[i].grad().defined() ? 1 : 0;
    group->collective("allreduce", present, true);

    std::vector<at::Tensor> grads;
    for (int64_t i = 0; i < count; ++i) {
        if (flags[i] == 0)
            continue;
        at::Tensor parameter = parameters[i];
        if (!parameter.grad().defined())
            parameter.mutable_grad() = at::zeros_like(parameter);
        grads.push_back(parameter.grad());
    }
    for (const auto& bucket : buckets(grads)) {
        std::vector<at::Tensor> parts;
        for (size_t i : bucket)
            parts.push_back(grads[i].reshape(-1));
        at::Tensor flat = at::cat(parts);
        group->collective("allreduce", flat, true);
        flat.div_(options.worldSize);
        int64_t offset = 0;
        for (size_t i : bucket) {
            grads[i].copy_(flat.narrow(0, offset, grads[i].numel()).view_as(grads[i]));
            offset += grads[i].numel();
        }
    }
#endif
}

std::vector<double> DistributedContext::sum(const std::vector<double>& values)
{
    if (!group || values.empty())
        return values;
#if defined(RRTF_WITH_GLOO)
    at::Tensor total = at::tensor(values, at::kDouble);
    group->collective("allreduce", total, true);
    const double* data = total.data_ptr<double>();
    return std::vector<double>(data, data + values.size());
#else
    return values;
#endif
}

void DistributedContext::barrier()
{
    if (!group)
        return;
#if defined(RRTF_WITH_GLOO)
    group->run("barrier", [&] { return group->gloo->barrier(); });
#endif
}

}  // namespace rrtf

#include "training/train_checkpoint.h"

#include "model/safetensors.h"
#include "runtime/error.h"
#include "training/durable_file.h"

#include <torch/serialize/archive.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

namespace rrtf {
namespace {

namespace fs = std::filesystem;

constexpr const char* kModelFile = "model.safetensors";
constexpr const char* kAdapterFile = "adapter_model.safetensors";
constexpr const char* kOptimizerFile = "optimizer.pt";
constexpr const char* kStateFile = "trainer_state.json";

std::string toHex(const at::Tensor& bytes)
{
    static const char digits[] = "0123456789abcdef";
    const at::Tensor contiguous = bytes.contiguous();
    const auto* data = contiguous.data_ptr<uint8_t>();
    std::string text;
    text.reserve(2 * contiguous.numel());
    for (int64_t i = 0; i < contiguous.numel(); ++i) {
        text += digits[data[i] >> 4];
        text += digits[data[i] & 15];
    }
    return text;
}

at::Tensor fromHex(const std::string& text, const std::string& source)
{
    if (text.size() % 2 != 0)
        throw FormatError(source + ": \"rng_state\" has an odd number of hex digits");
    at::Tensor bytes = at::empty({int64_t(text.size() / 2)}, at::kByte);
    auto* data = bytes.data_ptr<uint8_t>();
    auto digit = [&](char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        throw FormatError(source + ": \"rng_state\" is not hex");
    };
    for (size_t i = 0; i < text.size(); i += 2)
        data[i / 2] = uint8_t(digit(text[i]) * 16 + digit(text[i + 1]));
    return bytes;
}

void removeQuietly(const fs::path& path)
{
    std::error_code ignored;
    fs::remove_all(path, ignored);
}

// Step folders, oldest first.
std::vector<fs::path> stepFolders(const fs::path& checkpoints)
{
    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(checkpoints))
        if (entry.is_directory() && entry.path().filename().string().starts_with("step-"))
            folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    return folders;
}

}  // namespace

nlohmann::json TrainerState::toJson() const
{
    return {{"step", step},
            {"epoch", epoch},
            {"position", position},
            {"tokens_seen", tokensSeen},
            {"elapsed_seconds", elapsedSeconds},
            {"config_hash", configHash},
            {"rng_state", rngState.defined() ? toHex(rngState) : std::string()}};
}

TrainerState TrainerState::fromJson(const nlohmann::json& json, const std::string& source)
{
    TrainerState state;
    auto field = [&](const char* name) -> const nlohmann::json& {
        if (!json.is_object() || !json.contains(name))
            throw FormatError(source + ": missing \"" + name + "\"");
        return json.at(name);
    };
    try {
        state.step = field("step").get<int64_t>();
        state.epoch = field("epoch").get<int64_t>();
        state.position = field("position").get<int64_t>();
        state.tokensSeen = field("tokens_seen").get<int64_t>();
        state.elapsedSeconds = field("elapsed_seconds").get<double>();
        state.configHash = field("config_hash").get<std::string>();
        const std::string rng = field("rng_state").get<std::string>();
        if (!rng.empty())
            state.rngState = fromHex(rng, source);
    } catch (const nlohmann::json::exception& error) {
        throw FormatError(source + ": " + error.what());
    }
    if (state.step < 0 || state.epoch < 0 || state.position < 0)
        throw FormatError(source + ": negative step, epoch or position");
    return state;
}

std::string checkpointName(int64_t step)
{
    char name[32];
    std::snprintf(name, sizeof name, "step-%06lld", static_cast<long long>(step));
    return name;
}

void syncPath(const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error("cannot open " + path.string() + " to sync it");
    const int result = ::fsync(fd);
    ::close(fd);
    if (result != 0)
        throw Error("cannot sync " + path.string());
}

// Writes the archive to `path` and syncs it. LibTorch's zip writer throws from its
// destructor when a write fails (a full disk), which ends the process in
// std::terminate: so the bytes go through a sink that never reports a failure to
// it, and the failure is raised here, naming the file, once the writer is done.
static void saveArchive(torch::serialize::OutputArchive& archive, const fs::path& path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw Error("cannot write " + path.string() + ": " + std::strerror(errno));
    int failure = 0;  // errno of the first failed write
    archive.save_to([&](const void* data, size_t size) -> size_t {
        const char* bytes = static_cast<const char*>(data);
        for (size_t done = 0; failure == 0 && done < size;) {
            const ssize_t n = ::write(fd, bytes + done, size - done);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                failure = n < 0 ? errno : ENOSPC;
            else
                done += size_t(n);
        }
        return size;
    });
    if (failure == 0 && ::fsync(fd) != 0)
        failure = errno;
    ::close(fd);
    if (failure != 0)
        throw Error("cannot write " + path.string() + ": " + std::strerror(failure));
}

fs::path writeTrainCheckpoint(const fs::path& runDir, const CheckpointContents& contents, int keep)
{
    const fs::path checkpoints = runDir / "checkpoints";
    fs::create_directories(checkpoints);
    const std::string name = checkpointName(contents.state.step);
    const fs::path temporary = checkpoints / (".tmp-" + name);
    const fs::path final = checkpoints / name;
    removeQuietly(temporary);
    fs::create_directories(temporary);
    try {
        std::vector<std::pair<std::string, at::Tensor>> tensors(contents.weights.begin(), contents.weights.end());
        const fs::path weightsFile = temporary / (contents.adaptersOnly ? kAdapterFile : kModelFile);
        writeSafetensors(weightsFile, tensors);
        syncPath(weightsFile);

        torch::serialize::OutputArchive archive;
        contents.optimizer.save(archive);
        saveArchive(archive, temporary / kOptimizerFile);

        replaceFileDurably(temporary / kStateFile, contents.state.toJson().dump(2) + "\n");
        syncPath(temporary);
    } catch (...) {
        // A full disk: the half-written folder goes, and the space with it; the last
        // complete checkpoint (`latest`) is untouched, so a rerun resumes from it.
        removeQuietly(temporary);
        throw;
    }

    // A folder of the same step can exist when a killed run wrote it but not `latest`.
    removeQuietly(final);
    fs::rename(temporary, final);
    syncPath(checkpoints);
    replaceFileDurably(checkpoints / "latest", name + "\n");

    const auto folders = stepFolders(checkpoints);
    for (size_t i = 0; i + size_t(std::max(keep, 1)) < folders.size(); ++i)
        if (folders[i] != final)
            removeQuietly(folders[i]);
    for (const auto& entry : fs::directory_iterator(checkpoints))
        if (entry.path().filename().string().starts_with(".tmp-"))
            removeQuietly(entry.path());
    return final;
}

std::optional<fs::path> latestCheckpoint(const fs::path& runDir)
{
    const fs::path latest = runDir / "checkpoints" / "latest";
    std::ifstream file(latest);
    if (!file)
        return std::nullopt;
    std::string name;
    std::getline(file, name);
    if (name.empty() || name.find('/') != std::string::npos || !name.starts_with("step-"))
        throw FormatError(latest.string() + ": does not name a checkpoint folder");
    const fs::path folder = runDir / "checkpoints" / name;
    if (!fs::is_directory(folder))
        throw FormatError(latest.string() + ": names " + name + ", which does not exist");
    return folder;
}

TrainerState readTrainerState(const fs::path& checkpointDir)
{
    const fs::path path = checkpointDir / kStateFile;
    std::ifstream file(path);
    if (!file)
        throw FormatError(path.string() + ": cannot read the trainer state");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(file);
    } catch (const nlohmann::json::exception& error) {
        throw FormatError(path.string() + ": not valid JSON (" + error.what() + ")");
    }
    return TrainerState::fromJson(json, path.string());
}

StateDict readCheckpointWeights(const fs::path& checkpointDir, bool* adaptersOnly)
{
    const bool adapters = fs::exists(checkpointDir / kAdapterFile);
    if (adaptersOnly)
        *adaptersOnly = adapters;
    const fs::path path = checkpointDir / (adapters ? kAdapterFile : kModelFile);
    if (!fs::exists(path))
        throw FormatError(checkpointDir.string() + ": has neither " + kModelFile + " nor " + kAdapterFile);
    const auto file = SafetensorsFile::open(path);
    StateDict weights;
    for (const auto& entry : file->entries())
        weights.emplace(entry.name, file->tensor(entry.name));
    return weights;
}

void loadOptimizerState(const fs::path& checkpointDir, torch::optim::Optimizer& optimizer)
{
    const fs::path path = checkpointDir / kOptimizerFile;
    if (!fs::exists(path))
        throw FormatError(path.string() + ": missing");
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path.string());
        optimizer.load(archive);
    } catch (const c10::Error& error) {
        const std::string message = error.what_without_backtrace();
        throw FormatError(path.string() + ": cannot read the optimiser state (" +
                          message.substr(0, message.find('\n')) + ")");
    }
}

}  // namespace rrtf

// Shared pieces of the rrtf subcommands: argument parsing helpers, JSON output,
// progress on stderr, and Ctrl-C turned into cooperative cancellation.
#pragma once

#include "model/causal_lm.h"

#include "runtime/cancellation.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace rrtf::cli {

// "1 2 3" or "1,2,3" -> ids; a token that is not a non-negative integer is an error.
std::vector<int> parseIds(const std::string& text);

std::string readTextFile(const std::filesystem::path& path);

// Prints one JSON object and a newline on stdout.
void printJson(const nlohmann::json& json);

// Options shared by the commands that load a model.
struct ModelOptions {
    std::string modelDir;
    std::string dtype = "float32";  // compute dtype
    std::string device = "cpu";     // cpu, cuda, cuda:1, ...
    int threads = 0;                // 0 = one per core
    void addTo(CLI::App& command);
    // The device and dtype as load options; InvalidArgument for a device this build cannot use.
    LoadOptions loadOptions() const;
};

// What SIGTERM does to a command that cancels on Ctrl-C.
enum class OnSigterm {
    EndProcess,  // the default action: the process ends at once
    Cancel,      // like Ctrl-C, every time: for jobs a manager stops (rrtf train)
};

// The first SIGINT cancels `token`; a second one ends the process as usual.
// With OnSigterm::Cancel, SIGTERM cancels it too, however often it comes.
void cancelOnInterrupt(const CancellationToken& token, OnSigterm onSigterm = OnSigterm::EndProcess);

// A one-line progress report on stderr, redrawn at most a few times a second.
class Progress {
public:
    explicit Progress(bool enabled);
    ~Progress();
    // `done` of `total` units, `tokens` produced so far.
    void update(int done, int total, long tokens, bool force = false);
    // `done` of `total` items named `unit` ("programs"), with their rate and a note.
    void updateItems(int done, int total, const std::string& unit, const std::string& note, bool force = false);
    // Starts a new line and a new clock (a new phase of the same command).
    void restart();

private:
    void draw(int done, int total, const char* middle, bool force);

    bool m_enabled;
    bool m_terminal;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
};

// Subcommand registration, one per file.
void addTokenizeCommand(CLI::App& app);
void addLogitsCommand(CLI::App& app);
void addGenerateCommand(CLI::App& app);
void addDemoModelCommand(CLI::App& app);
// The three shipped demo models on one held-out problem, judged (quick start without a display).
void addDemoCommand(CLI::App& app);
void addInfoCommand(CLI::App& app);
void addEvalCommand(CLI::App& app);
void addCheckCommand(CLI::App& app);
void addContaminationCommand(CLI::App& app);
// RRTF data: Evol-Instruct, step 1 (sampling) and step 2 (ranking).
void addEvolveCommand(CLI::App& app);
void addSampleCommand(CLI::App& app);
void addRankCommand(CLI::App& app);
// Step 3: the training job.
void addTrainCommand(CLI::App& app);
// rrtf status and rrtf cancel: training jobs seen and stopped through their run folders.
void addJobCommands(CLI::App& app);
// int8 / int4 / GPTQ checkpoints.
void addQuantizeCommand(CLI::App& app);
// rrtf man, rrtf completion: written from `app`, so they come last.
void addDocsCommands(CLI::App& app);

}  // namespace rrtf::cli

#include "cli_support.h"

#include <ATen/Context.h>

#include "runtime/error.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace rrtf::cli {

std::vector<int> parseIds(const std::string& text)
{
    std::vector<int> ids;
    std::string token;
    std::istringstream in(text);
    auto flush = [&] {
        if (token.empty())
            return;
        if (token.find_first_not_of("0123456789") != std::string::npos || token.size() > 9)
            throw InvalidArgument("--ids: \"" + token + "\" is not a token id (expected non-negative integers)");
        ids.push_back(std::stoi(token));
        token.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == ',' || c == '\t' || c == '\n')
            flush();
        else
            token += c;
    }
    flush();
    return ids;
}

std::string readTextFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error(path.string() + ": cannot open file");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void printJson(const nlohmann::json& json)
{
    // Invalid UTF-8 (a sample cut inside a character) is replaced, never fatal.
    std::cout << json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    std::cout.flush();
}

void ModelOptions::addTo(CLI::App& command)
{
    command.add_option("--model", modelDir, "Hugging Face model directory (config.json + weights)")->required();
    command.add_option("--dtype", dtype, "Precision: float32, bfloat16, or int8 / int4 (weights quantised at load; a GPTQ folder loads quantised)")->capture_default_str();
    command.add_option("--device", device, "Where the model runs: cpu or cuda[:N]")->capture_default_str();
    command.add_option("--threads", threads, "Compute threads (0 = one per core)")->capture_default_str();
}

LoadOptions ModelOptions::loadOptions() const
{
    LoadOptions options;
    setPrecision(options, dtype);
    try {
        options.device = at::Device(device);
    } catch (const std::exception&) {
        throw InvalidArgument("--device must be cpu or cuda[:N], got \"" + device + "\"");
    }
    if (options.device.is_cuda() && !at::hasCUDA())
        throw InvalidArgument("--device " + device + ": this build of LibTorch has no CUDA support");
    if (!options.device.is_cpu() && !options.device.is_cuda())
        throw InvalidArgument("--device must be cpu or cuda[:N], got \"" + device + "\"");
    return options;
}

namespace {
CancellationToken* interruptTarget = nullptr;

// Only async-signal-safe work here: an atomic store and signal().
void onInterrupt(int signal)
{
    if (interruptTarget)
        interruptTarget->cancel();
    // A second Ctrl-C ends the process. SIGTERM stays a request to stop: the
    // workbench's Cancel sends it again on every click.
    if (signal == SIGINT)
        std::signal(SIGINT, SIG_DFL);
}
}  // namespace

void cancelOnInterrupt(const CancellationToken& token, OnSigterm onSigterm)
{
    static CancellationToken held;
    held = token;
    interruptTarget = &held;
    std::signal(SIGINT, onInterrupt);
    if (onSigterm == OnSigterm::Cancel)
        std::signal(SIGTERM, onInterrupt);
}

Progress::Progress(bool enabled)
    : m_enabled(enabled), m_terminal(isatty(STDERR_FILENO)), m_start(std::chrono::steady_clock::now())
{
}

Progress::~Progress()
{
    if (m_drawn && m_terminal)
        std::fputc('\n', stderr);
}

void Progress::update(int done, int total, long tokens, bool force)
{
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    char middle[96];
    std::snprintf(middle, sizeof middle, "%d/%d samples  %ld tokens  %.1f tok/s", done, total, tokens,
                  elapsed > 0 ? tokens / elapsed : 0.0);
    draw(done, total, middle, force);
}

void Progress::updateItems(int done, int total, const std::string& unit, const std::string& note, bool force)
{
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    char middle[160];
    std::snprintf(middle, sizeof middle, "%d/%d %s  %.1f %s/s%s%s", done, total, unit.c_str(),
                  elapsed > 0 ? done / elapsed : 0.0, unit.c_str(), note.empty() ? "" : "  ", note.c_str());
    draw(done, total, middle, force);
}

void Progress::restart()
{
    if (m_drawn && m_terminal)
        std::fputc('\n', stderr);
    m_drawn = false;
    m_start = std::chrono::steady_clock::now();
    m_lastDraw = {};
}

void Progress::draw(int done, int total, const char* middle, bool force)
{
    if (!m_enabled)
        return;
    const auto now = std::chrono::steady_clock::now();
    const double interval = m_terminal ? 0.2 : 2.0;
    if (!force && done < total && std::chrono::duration<double>(now - m_lastDraw).count() < interval)
        return;
    m_lastDraw = now;
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    char eta[32] = "--";
    if (done > 0 && done < total)
        std::snprintf(eta, sizeof eta, "%.0fs", elapsed / done * (total - done));
    else if (done >= total)
        std::snprintf(eta, sizeof eta, "done");
    const int width = 24;
    const int filled = total > 0 ? done * width / total : 0;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "%s[%s] %s  ETA %s%s", m_terminal ? "\r" : "", bar.c_str(), middle, eta,
                 m_terminal ? "\033[K" : "\n");
    std::fflush(stderr);
    m_drawn = true;
}

}  // namespace rrtf::cli

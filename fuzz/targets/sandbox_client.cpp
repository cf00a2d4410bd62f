// The client's side of the sandbox protocol (PROTOCOL.md §1): the helper's
// ready line, then its answer lines, framed by LineReader from a file. An
// answer never throws: a malformed one is a sandbox_error verdict.
#include "fuzz_support.h"
#include "evaluation/sandbox/line_channel.h"
#include "evaluation/sandbox_pool.h"

#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("helper.out", data, size);
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        rrtf::fuzz::broken("cannot open " + path.string());
    rrtf::sandbox::LineReader reader(fd);
    rrtf::fuzz::expectCleanError("sandbox", [&] { rrtf::sandboxInfoFromReadyLine(reader.readLine(1000)); });
    const rrtf::JudgeLimits limits;
    while (const auto line = reader.readLine(1000)) {
        try {
            const rrtf::Verdict verdict = rrtf::verdictFromLine(*line, limits);
            (void)rrtf::outcomeName(verdict.outcome);
        } catch (const std::exception& error) {
            rrtf::fuzz::broken(std::string("verdictFromLine threw: ") + error.what());
        }
    }
    close(fd);
    return 0;
}

// The supervisor's side of the sandbox protocol (rrtf-sandbox --serve): job
// lines from the client, framed by LineReader from a file, and the same lines
// taken as the zygote's hello and answers. None of it may throw.
#include "fuzz_support.h"
#include "evaluation/sandbox/job_lines.h"
#include "evaluation/sandbox/line_channel.h"

#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("jobs.in", data, size);
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        rrtf::fuzz::broken("cannot open " + path.string());
    rrtf::sandbox::LineReader reader(fd);
    while (const auto line = reader.readLine(1000)) {
        try {
            if (const auto job = rrtf::sandbox::decodeJobLine(*line, 5.0)) {
                if (job->watchdogMs <= 0)
                    rrtf::fuzz::broken("a job got no time: " + std::to_string(job->watchdogMs) + " ms");
                (void)job->job.at("id").dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            }
            (void)rrtf::sandbox::decodeHello(*line, "/usr/bin/python3");
            if (auto answer = rrtf::sandbox::decodeAnswer(*line)) {
                (*answer)["tier"] = "userns";  // what the supervisor adds before passing it on
                (void)answer->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            }
        } catch (const std::exception& error) {
            rrtf::fuzz::broken(std::string("the supervisor's decoding threw: ") + error.what());
        }
    }
    close(fd);
    return 0;
}

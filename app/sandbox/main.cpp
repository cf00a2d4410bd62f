// rrtf-sandbox: the supervisor that runs untrusted programs (spec/sandbox.md §6).
// Started by rrtf and the workbench, one per worker slot; speaks JSON lines on
// stdin/stdout (engine/evaluation/sandbox/PROTOCOL.md). Never linked to Qt or LibTorch.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "evaluation/sandbox/supervisor.h"

namespace {

void printUsage() {
    std::fputs(
        "usage: rrtf-sandbox --probe\n"
        "       rrtf-sandbox --serve [--slot N] [--python PATH] [--allow-unsafe]\n"
        "  --probe         print the isolation tier this machine allows and exit\n"
        "  --serve         judge jobs read as JSON lines on stdin (see PROTOCOL.md)\n"
        "  --slot N        worker number; as root it picks the unprivileged uid 60000+N\n"
        "  --python PATH   interpreter (default /usr/bin/python3)\n"
        "  --allow-unsafe  run even where namespaces are refused (files and network unprotected)\n",
        stderr);
}

}  // namespace

int main(int argc, char** argv) {
    rrtf::sandbox::SupervisorOptions options;
    bool serve = false, probe = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        bool hasValue = i + 1 < argc;
        if (arg == "--serve") serve = true;
        else if (arg == "--probe") probe = true;
        else if (arg == "--allow-unsafe") options.allowUnsafe = true;
        else if (arg == "--slot" && hasValue) options.slot = std::atoi(argv[++i]);
        else if (arg == "--python" && hasValue) options.python = argv[++i];
        else if (arg == "--help" || arg == "-h") {
            printUsage();
            return 0;
        } else {
            std::fprintf(stderr, "rrtf-sandbox: unknown argument '%s'\n", arg.c_str());
            printUsage();
            return 2;
        }
    }
    if (options.slot < 0 || options.slot > 4096) {
        std::fputs("rrtf-sandbox: --slot must be between 0 and 4096\n", stderr);
        return 2;
    }
    if (probe) return rrtf::sandbox::printProbe(STDOUT_FILENO);
    if (serve) return rrtf::sandbox::serveJobs(options, STDIN_FILENO, STDOUT_FILENO);
    printUsage();
    return 2;
}

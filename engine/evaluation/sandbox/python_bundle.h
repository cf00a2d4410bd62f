// The Python that runs inside the sandbox, shipped to the interpreter through a
// memfd rather than as files, so the sandbox needs nothing installed and the
// code cannot be changed from inside.
#pragma once

#include <string>

namespace rrtf::sandbox {

// All embedded modules as one archive: "<name> <bytes>\n<source>" repeated, in load order.
std::string pythonModuleArchive();

// The `python3 -c` program that reads the archive from `fd`, loads the modules
// and starts zygote.main().
std::string pythonBootstrap(int fd);

}  // namespace rrtf::sandbox

// The project's version, from CMake's project(VERSION) (the only place it is
// written): `rrtf --version`, the workbench's About box and the engine version
// stored with every run.
#pragma once

#include <string_view>

namespace rrtf {

// "0.1.0"
std::string_view projectVersion();

}  // namespace rrtf

#include "runtime/version.h"

namespace rrtf {

// RRTF_VERSION is defined for this file alone (engine/CMakeLists.txt), so a new
// version recompiles one file.
std::string_view projectVersion()
{
    return RRTF_VERSION;
}

}  // namespace rrtf

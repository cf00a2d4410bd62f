// Which isolation the machine allows, probed once at start (spec/sandbox.md §6.2).
#pragma once

#include <string>
#include <string_view>

namespace rrtf::sandbox {

enum class Tier {
    Root,           // started as root: user namespace mapped to a per-slot unprivileged uid
    UserNamespace,  // unprivileged, user namespaces allowed: the same namespaces, own uid
    Unsafe,         // no namespaces: rlimits and seccomp only; files and network NOT protected
};

std::string_view tierName(Tier tier);

struct TierProbe {
    Tier tier = Tier::Unsafe;
    std::string detail;  // what was tried and why a stronger tier was refused
};

// Tries the namespaces in a throw-away child process; changes nothing in this one.
TierProbe probeTier();

}  // namespace rrtf::sandbox

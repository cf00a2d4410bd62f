// The system-call deny-list every sandboxed process (candidate and tests) runs
// under (spec/sandbox.md §0.2): no tracing, no mounts or new namespaces, no
// network sockets, no kernel attack surface that Python never needs.
#pragma once

#include <string>

namespace rrtf::sandbox {

// The filter as a raw BPF program (an array of struct sock_filter), ready for
// prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER) in the zygote's children.
// Throws rrtf::Error when libseccomp cannot build it.
std::string buildSeccompProgram();

}  // namespace rrtf::sandbox

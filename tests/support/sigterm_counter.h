// Counts SIGTERMs to the test process instead of acting on them, while it
// lives: a command or a window that signalled a pid it had not checked (a
// reused pid, another host's job) would hit the test itself, and the count says so.
#pragma once

#include <csignal>

namespace rrtf::test {

class SigtermCounter {
public:
    SigtermCounter()
    {
        counted() = 0;
        struct sigaction action{};
        action.sa_handler = [](int) { counted() = counted() + 1; };
        sigemptyset(&action.sa_mask);
        sigaction(SIGTERM, &action, &m_previous);
    }
    ~SigtermCounter() { sigaction(SIGTERM, &m_previous, nullptr); }
    SigtermCounter(const SigtermCounter&) = delete;
    SigtermCounter& operator=(const SigtermCounter&) = delete;

    int count() const { return counted(); }

private:
    static volatile std::sig_atomic_t& counted()
    {
        static volatile std::sig_atomic_t count = 0;
        return count;
    }
    struct sigaction m_previous{};
};

}  // namespace rrtf::test

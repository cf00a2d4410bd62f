#include "evaluation/sandbox/line_channel.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace rrtf::sandbox {

std::optional<std::string> LineReader::readLine(int timeoutMs) {
    using Clock = std::chrono::steady_clock;
    m_timedOut = false;
    auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs < 0 ? 0 : timeoutMs);
    for (;;) {
        if (auto newline = m_buffer.find('\n'); newline != std::string::npos) {
            std::string line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            return line;
        }
        int waitMs = -1;
        if (timeoutMs >= 0) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) {
                m_timedOut = true;
                return std::nullopt;
            }
            waitMs = int(left.count());
        }
        pollfd entry{m_fd, POLLIN, 0};
        int ready = poll(&entry, 1, waitMs);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) continue;  // the deadline check above ends it
        char chunk[65536];
        ssize_t n = read(m_fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return std::nullopt;
        m_buffer.append(chunk, size_t(n));
    }
}

bool writeAll(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += size_t(n);
    }
    return true;
}

}  // namespace rrtf::sandbox

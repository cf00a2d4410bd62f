// Newline-framed messages over a pipe, with a deadline on reads: the supervisor
// must never block forever on a zygote that stopped answering.
#pragma once

#include <optional>
#include <string>

namespace rrtf::sandbox {

class LineReader {
public:
    explicit LineReader(int fd) : m_fd(fd) {}
    // The next line without its '\n'; nullopt on end of file or when `timeoutMs`
    // (negative: no limit) passes first — timedOut() tells which.
    std::optional<std::string> readLine(int timeoutMs = -1);
    bool timedOut() const { return m_timedOut; }

private:
    int m_fd;
    std::string m_buffer;
    bool m_timedOut = false;
};

// Writes all of `text`; false when the reader has gone away.
bool writeAll(int fd, const std::string& text);

}  // namespace rrtf::sandbox

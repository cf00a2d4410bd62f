// Server-sent events, the "text/event-stream" format (WHATWG HTML, "Server-sent
// events") in which OpenAI-compatible servers stream completions: the bytes of a
// response go in as they arrive, in pieces of any size, and whole events come out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

struct ServerSentEvent {
    std::string type = "message";  // the "event:" field, "message" when there is none
    std::string data;              // the "data:" lines, joined with "\n"
    std::string lastEventId;       // the newest "id:" so far (it carries over between events)
};

class SseParser {
public:
    // A line or an event longer than this is a FormatError, not unbounded memory.
    static constexpr std::size_t kDefaultLimitBytes = 16u << 20;

    explicit SseParser(std::size_t limitBytes = kDefaultLimitBytes);

    // The next bytes of the stream, split anywhere (inside a line, between CR and LF);
    // returns the events they complete, in order.
    std::vector<ServerSentEvent> feed(std::string_view bytes);

    // The stream has ended. An event without its closing blank line is dropped, as the
    // format says; returns false when that happened (the stream was cut mid-event).
    bool finish();

    // The server's "retry:" advice in milliseconds, when it gave one.
    std::optional<long> retryMs() const { return m_retryMs; }

private:
    std::vector<ServerSentEvent> scan(std::string_view bytes);
    void takeLine(std::string_view line, std::vector<ServerSentEvent>& events);
    void dispatch(std::vector<ServerSentEvent>& events);
    void checkSize(std::size_t size, const char* what) const;

    std::size_t m_limitBytes;
    std::size_t m_bytesSeen = 0;  // taken into lines so far, for messages naming a place
    std::string m_line;
    bool m_afterCarriageReturn = false;  // a LF right after a CR ends no second line
    bool m_atStart = true;               // a byte order mark may open the stream:
    std::string m_opening;               // the first bytes, until it is known whether it does
    std::string m_type;
    std::string m_data;  // each data line with its "\n": empty until one arrives
    bool m_eventPending = false;  // some field arrived since the last blank line
    std::string m_lastEventId;
    std::optional<long> m_retryMs;
};

}  // namespace rrtf

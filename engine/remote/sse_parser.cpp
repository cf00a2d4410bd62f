#include "remote/sse_parser.h"

#include "runtime/error.h"

#include <algorithm>

namespace rrtf {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

SseParser::SseParser(std::size_t limitBytes) : m_limitBytes(limitBytes) {}

std::vector<ServerSentEvent> SseParser::feed(std::string_view bytes)
{
    if (!m_atStart) return scan(bytes);
    // A byte order mark may open the stream, and may itself arrive in pieces.
    m_opening.append(bytes);
    if (m_opening.size() < kByteOrderMark.size() && kByteOrderMark.substr(0, m_opening.size()) == m_opening)
        return {};
    m_atStart = false;
    const std::string opening = std::move(m_opening);
    std::string_view rest(opening);
    if (rest.substr(0, kByteOrderMark.size()) == kByteOrderMark) rest.remove_prefix(kByteOrderMark.size());
    return scan(rest);
}

std::vector<ServerSentEvent> SseParser::scan(std::string_view bytes)
{
    std::vector<ServerSentEvent> events;
    std::size_t start = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '\r' && c != '\n') continue;
        // CR, LF and CRLF each end a line: the LF of a CRLF (perhaps at the start of the next
        // piece) ends none of its own.
        const bool lineFeedOfCrLf = c == '\n' && i == start && m_afterCarriageReturn && m_line.empty();
        m_afterCarriageReturn = c == '\r';
        if (!lineFeedOfCrLf) {
            m_line.append(bytes.substr(start, i - start));
            checkSize(m_line.size(), "line");
            takeLine(m_line, events);
            m_line.clear();
        }
        start = i + 1;
    }
    m_line.append(bytes.substr(start));
    checkSize(m_line.size(), "line");
    m_bytesSeen += bytes.size();
    return events;
}

bool SseParser::finish()
{
    const bool clean = m_line.empty() && m_opening.empty() && !m_eventPending;
    m_line.clear();
    m_opening.clear();
    m_type.clear();
    m_data.clear();
    m_eventPending = false;
    return clean;
}

void SseParser::takeLine(std::string_view line, std::vector<ServerSentEvent>& events)
{
    if (line.empty()) {
        dispatch(events);
        return;
    }
    if (line.front() == ':') return;  // a comment (servers send them to keep a connection alive)
    m_eventPending = true;
    const std::size_t colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (field == "data") {
        m_data.append(value).push_back('\n');
        checkSize(m_data.size(), "event");
    } else if (field == "event") {
        m_type.assign(value);
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos) m_lastEventId.assign(value);
    } else if (field == "retry") {
        if (allDigits(value) && value.size() < 10) m_retryMs = std::stol(std::string(value));
    }
    // Any other field is ignored, as the format says.
}

void SseParser::dispatch(std::vector<ServerSentEvent>& events)
{
    m_eventPending = false;
    if (m_data.empty()) {  // a blank line after no data: nothing to deliver
        m_type.clear();
        return;
    }
    ServerSentEvent event;
    if (!m_type.empty()) event.type = std::move(m_type);
    m_data.pop_back();  // the newline after the last data line
    event.data = std::move(m_data);
    event.lastEventId = m_lastEventId;
    events.push_back(std::move(event));
    m_type.clear();
    m_data.clear();
}

void SseParser::checkSize(std::size_t size, const char* what) const
{
    if (size > m_limitBytes)
        throw FormatError("server-sent events: a " + std::string(what) + " longer than " +
                          std::to_string(m_limitBytes) + " bytes near byte " + std::to_string(m_bytesSeen));
}

}  // namespace rrtf

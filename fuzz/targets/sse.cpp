// A completion stream of server-sent events as an OpenAI-compatible endpoint sends it:
// parsed whole, then again in pieces of byte 0's size, which must give the same events
// (the network splits a response anywhere).
#include "fuzz_support.h"
#include "remote/sse_parser.h"
#include "runtime/error.h"

#include <cstdlib>
#include <string_view>

namespace {

struct Parsed {
    std::vector<rrtf::ServerSentEvent> events;
    bool clean = false;
    bool refused = false;
};

Parsed parse(std::string_view stream, std::size_t pieceSize)
{
    rrtf::SseParser parser(4096);  // small, so the limit is reached too
    Parsed parsed;
    try {
        for (std::size_t at = 0; at < stream.size(); at += pieceSize)
            for (auto& event : parser.feed(stream.substr(at, pieceSize)))
                parsed.events.push_back(std::move(event));
        parsed.clean = parser.finish();
    } catch (const rrtf::FormatError&) {
        parsed.refused = true;
    }
    return parsed;
}

bool same(const Parsed& a, const Parsed& b)
{
    if (a.refused || b.refused) return a.refused == b.refused;
    if (a.clean != b.clean || a.events.size() != b.events.size()) return false;
    for (std::size_t i = 0; i < a.events.size(); ++i)
        if (a.events[i].type != b.events[i].type || a.events[i].data != b.events[i].data ||
            a.events[i].lastEventId != b.events[i].lastEventId)
            return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const std::size_t pieceSize = std::max<std::size_t>(1, data[0]);
    const std::string_view stream(reinterpret_cast<const char*>(data + 1), size - 1);
    const Parsed whole = parse(stream, stream.size() + 1);
    const Parsed pieces = parse(stream, pieceSize);
    if (!same(whole, pieces))
        std::abort();  // the events depend on where the stream was split
    return 0;
}

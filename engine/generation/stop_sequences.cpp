#include "generation/stop_sequences.h"

#include "runtime/error.h"

#include <algorithm>

namespace rrtf {
namespace {

void checkStops(const std::vector<std::string>& stops)
{
    for (std::size_t i = 0; i < stops.size(); ++i)
        if (stops[i].empty())
            throw InvalidArgument("stop sequence " + std::to_string(i) + " is an empty string");
}

}  // namespace

const std::vector<std::string>& codexHumanEvalStops()
{
    static const std::vector<std::string> stops{"\nclass", "\ndef", "\n#", "\nif", "\nprint"};
    return stops;
}

const std::vector<std::string>& bigcodeHumanEvalStops()
{
    static const std::vector<std::string> stops{"\nclass", "\ndef", "\n#", "\n@", "\nprint", "\nif", "\n```"};
    return stops;
}

StopSequenceMatcher::StopSequenceMatcher(std::vector<std::string> stops) : stopList(std::move(stops))
{
    checkStops(stopList);
    for (const std::string& stop : stopList)
        longest = std::max(longest, stop.size());
}

void StopSequenceMatcher::reset()
{
    tail.clear();
    pushed = 0;
    cut = npos;
    matched = 0;
    pendingTail = 0;
}

std::optional<std::size_t> StopSequenceMatcher::push(std::string_view text)
{
    const std::size_t windowStart = pushed - tail.size();
    pushed += text.size();
    if (stopped())
        return cut;
    if (longest == 0 || text.empty())
        return std::nullopt;

    // The window is the kept tail plus the new text. No stop string lies wholly
    // inside the tail (it would have stopped an earlier push), so every match
    // found here is new; the earliest start wins, as in the harness.
    tail.append(text);
    for (std::size_t i = 0; i < stopList.size(); ++i) {
        const std::size_t at = tail.find(stopList[i]);
        if (at != npos && (cut == npos || windowStart + at < cut)) {
            cut = windowStart + at;
            matched = i;
        }
    }
    if (stopped()) {
        tail.clear();
        pendingTail = 0;
        return cut;
    }

    // Trailing bytes that could still grow into a stop string are held back from streaming.
    pendingTail = 0;
    const std::string_view window = tail;
    for (std::size_t length = std::min(longest - 1, window.size()); length > 0 && pendingTail == 0; --length) {
        const std::string_view suffix = window.substr(window.size() - length);
        for (const std::string& stop : stopList)
            if (stop.size() > length && std::string_view(stop).starts_with(suffix)) {
                pendingTail = length;
                break;
            }
    }
    if (tail.size() > longest - 1)
        tail.erase(0, tail.size() - (longest - 1));
    return std::nullopt;
}

std::string truncateAtStop(std::string_view generated, const std::vector<std::string>& stops)
{
    checkStops(stops);
    std::size_t end = generated.size();
    for (const std::string& stop : stops)
        end = std::min(end, generated.find(stop));  // npos is larger than any position
    return std::string(generated.substr(0, end));
}

}  // namespace rrtf

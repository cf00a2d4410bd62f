// Stop strings over streamed, generated text (never the prompt), with the
// bigcode-evaluation-harness semantics: generation ends as soon as any stop
// string has appeared, and the output is cut at the earliest one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

// Stop strings of the Codex paper's HumanEval runs.
const std::vector<std::string>& codexHumanEvalStops();
// Stop strings of bigcode-evaluation-harness task `humaneval`.
const std::vector<std::string>& bigcodeHumanEvalStops();

// Fed the decoded text of one generated sequence piece by piece. Each push
// scans only the new text plus the last (longest stop - 1) bytes before it, so
// stop strings spanning pieces are found at O(new text) cost.
class StopSequenceMatcher {
public:
    // An empty list never stops; an empty string is InvalidArgument.
    explicit StopSequenceMatcher(std::vector<std::string> stops);

    // Appends generated text; once a stop string has appeared, returns
    // cutPosition() (this and every later push, whose text is ignored).
    std::optional<std::size_t> push(std::string_view text);

    bool stopped() const { return cut != npos; }
    // Bytes of generated text that make the output: the start of the earliest
    // stop string once stopped, otherwise everything pushed so far.
    std::size_t cutPosition() const { return stopped() ? cut : pushed; }
    // Bytes that can be shown while streaming: cutPosition(), less a trailing
    // part that could still become a stop string.
    std::size_t safeLength() const { return stopped() ? cut : pushed - pendingTail; }
    // The stop string that matched at cutPosition(); empty while not stopped.
    std::string_view matchedStop() const { return stopped() ? std::string_view(stopList[matched]) : ""; }
    std::size_t size() const { return pushed; }  // bytes pushed, including ignored ones
    const std::vector<std::string>& stops() const { return stopList; }

    void reset();  // for a new sequence with the same stop strings

private:
    static constexpr std::size_t npos = std::string::npos;

    std::vector<std::string> stopList;
    std::size_t longest = 0;       // bytes of the longest stop string
    std::string tail;              // last (longest - 1) bytes pushed
    std::size_t pushed = 0;        // bytes pushed so far
    std::size_t cut = npos;        // where the output ends, once stopped
    std::size_t matched = 0;       // index into stopList of the stop at `cut`
    std::size_t pendingTail = 0;   // trailing bytes that are a prefix of some stop string
};

// The text before the earliest occurrence of any stop string (all of it when
// none occurs). An empty stop string is InvalidArgument.
std::string truncateAtStop(std::string_view generated, const std::vector<std::string>& stops);

}  // namespace rrtf

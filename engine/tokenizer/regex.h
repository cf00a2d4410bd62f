// A compiled PCRE2 pattern (UTF + Unicode properties, JIT when available) that
// several threads may match with at once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rrtf {

class Regex {
public:
    // Throws rrtf::Error when the pattern does not compile (a bug, not bad input).
    explicit Regex(const std::string& pattern);
    ~Regex();
    Regex(const Regex&) = delete;
    Regex& operator=(const Regex&) = delete;

    struct Match {
        std::size_t begin = 0;
        std::size_t end = 0;
    };

    // Finds the first match in subject at or after `offset`. The subject must be
    // valid UTF-8 and `offset` a character boundary; the subject's end is the
    // end for look-aheads.
    bool find(std::string_view subject, std::size_t offset, Match& match) const;

    // Whether the pattern matches at exactly `offset`; returns the match end.
    bool matchAt(std::string_view subject, std::size_t offset, Match& match) const;

private:
    bool run(std::string_view subject, std::size_t offset, unsigned options, Match& match) const;

    void* m_code = nullptr;  // pcre2_code_8, kept opaque so callers need no PCRE2 headers
    bool m_jit = false;
};

}  // namespace rrtf

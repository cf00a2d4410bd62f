#include "tokenizer/regex.h"

#include "runtime/error.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <memory>

namespace rrtf {
namespace {

struct MatchDataDeleter {
    void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};

// One match block per thread: matching is the hot loop of encode(), and a
// single-pair block serves every pattern since only the whole match is read.
pcre2_match_data* threadMatchData()
{
    thread_local std::unique_ptr<pcre2_match_data, MatchDataDeleter> data(pcre2_match_data_create(1, nullptr));
    if (!data) throw Error("tokenizer: out of memory for PCRE2 match data");
    return data.get();
}

std::string pcreMessage(int code)
{
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(code, buffer, sizeof buffer);
    return reinterpret_cast<const char*>(buffer);
}

}  // namespace

Regex::Regex(const std::string& pattern)
{
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                     PCRE2_UTF | PCRE2_UCP, &errorCode, &errorOffset, nullptr);
    if (!code)
        throw Error("tokenizer: regex /" + pattern + "/ does not compile at " + std::to_string(errorOffset) + ": " +
                    pcreMessage(errorCode));
    m_code = code;
    // JIT is an optimisation only: a PCRE2 built without it still matches.
    m_jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
}

Regex::~Regex()
{
    pcre2_code_free(static_cast<pcre2_code*>(m_code));
}

bool Regex::find(std::string_view subject, std::size_t offset, Match& match) const
{
    return run(subject, offset, 0, match);
}

bool Regex::matchAt(std::string_view subject, std::size_t offset, Match& match) const
{
    return run(subject, offset, PCRE2_ANCHORED, match);
}

bool Regex::run(std::string_view subject, std::size_t offset, unsigned options, Match& match) const
{
    auto* code = static_cast<pcre2_code*>(m_code);
    pcre2_match_data* data = threadMatchData();
    const auto* begin = reinterpret_cast<PCRE2_SPTR>(subject.data());
    // The callers validated the text once; re-checking every piece would double the cost.
    options |= PCRE2_NO_UTF_CHECK;
    const int rc = m_jit && !(options & PCRE2_ANCHORED)
        ? pcre2_jit_match(code, begin, subject.size(), offset, options, data, nullptr)
        : pcre2_match(code, begin, subject.size(), offset, options, data, nullptr);
    if (rc == PCRE2_ERROR_NOMATCH) return false;
    if (rc < 0) throw Error("tokenizer: regex match failed: " + pcreMessage(rc));
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
    match.begin = ovector[0];
    match.end = ovector[1];
    return true;
}

}  // namespace rrtf

#include "evaluation/verdict.h"

#include <array>
#include <utility>

namespace rrtf {
namespace {

constexpr std::array<std::pair<Outcome, std::string_view>, 10> kOutcomeNames{{
    {Outcome::Passed, "passed"},
    {Outcome::Failed, "failed"},
    {Outcome::Error, "error"},
    {Outcome::SyntaxError, "syntax_error"},
    {Outcome::Timeout, "timeout"},
    {Outcome::OutOfMemory, "out_of_memory"},
    {Outcome::Crashed, "crashed"},
    {Outcome::OutputLimit, "output_limit"},
    {Outcome::Tampered, "tampered"},
    {Outcome::SandboxError, "sandbox_error"},
}};

}  // namespace

std::string_view outcomeName(Outcome outcome) {
    for (const auto& [value, name] : kOutcomeNames)
        if (value == outcome) return name;
    return "sandbox_error";
}

std::optional<Outcome> parseOutcome(std::string_view name) {
    for (const auto& [value, known] : kOutcomeNames)
        if (known == name) return value;
    return std::nullopt;
}

}  // namespace rrtf

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

// A new Outcome needs its name above: the enum's values, in order, up to SandboxError (the last).
static_assert(kOutcomeNames.size() == std::size_t(Outcome::SandboxError) + 1, "an Outcome has no name");
constexpr bool inEnumOrder() {
    for (std::size_t i = 0; i < kOutcomeNames.size(); ++i)
        if (kOutcomeNames[i].first != Outcome(i)) return false;
    return true;
}
static_assert(inEnumOrder(), "kOutcomeNames is not in the enum's order");

constexpr std::array<Outcome, kOutcomeNames.size()> kAllOutcomes = [] {
    std::array<Outcome, kOutcomeNames.size()> all{};
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = kOutcomeNames[i].first;
    return all;
}();

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

std::span<const Outcome> allOutcomes() { return kAllOutcomes; }

}  // namespace rrtf

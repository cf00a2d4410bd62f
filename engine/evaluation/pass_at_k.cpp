#include "evaluation/pass_at_k.h"

#include "runtime/error.h"

#include <algorithm>

namespace rrtf {
namespace {

void checkCounts(int n, int c, const std::string& what)
{
    if (n < 0 || c < 0 || c > n)
        throw InvalidArgument(what + ": " + std::to_string(c) + " correct of " + std::to_string(n) +
                              " samples is impossible (need 0 <= c <= n)");
}

void checkK(int k)
{
    if (k <= 0)
        throw InvalidArgument("pass@k needs k >= 1, got " + std::to_string(k));
}

// The first problem with fewer than k samples, as the reason k cannot be reported.
std::string whyDropped(const std::vector<ProblemCounts>& problems, int k)
{
    if (problems.empty())
        return "no problems to average over";
    const auto fewest = std::min_element(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
        return a.samples < b.samples;
    });
    return "needs at least " + std::to_string(k) + " samples per problem; " + fewest->taskId + " has " +
           std::to_string(fewest->samples);
}

}  // namespace

double passAtK(int n, int c, int k)
{
    checkCounts(n, c, "pass@k");
    checkK(k);
    if (k > n)
        throw InvalidArgument("pass@" + std::to_string(k) + " needs at least " + std::to_string(k) +
                              " samples, got " + std::to_string(n));
    if (n - c < k)
        return 1.0;
    // C(n-c, k) / C(n, k) = prod_{i=n-c+1}^{n} (1 - k/i): no factorials, no overflow.
    double allWrong = 1.0;
    for (int i = n - c + 1; i <= n; ++i)
        allWrong *= 1.0 - double(k) / double(i);
    return 1.0 - allWrong;
}

const PassAtKValue* PassAtKReport::find(int k) const
{
    for (const PassAtKValue& value : values)
        if (value.k == k)
            return &value;
    return nullptr;
}

PassAtKReport computePassAtK(const std::vector<ProblemCounts>& problems, const std::vector<int>& ks)
{
    for (const ProblemCounts& problem : problems)
        checkCounts(problem.samples, problem.correct, problem.taskId);
    for (int k : ks)
        checkK(k);

    PassAtKReport report;
    for (const ProblemCounts& problem : problems)
        report.correctFraction.push_back(problem.samples > 0 ? double(problem.correct) / problem.samples : 0.0);
    if (!problems.empty())
        report.minSamples = std::min_element(problems.begin(), problems.end(), [](const auto& a, const auto& b) {
                                return a.samples < b.samples;
                            })->samples;

    std::vector<int> seen;
    for (int k : ks) {
        if (std::find(seen.begin(), seen.end(), k) != seen.end())
            continue;
        seen.push_back(k);
        if (problems.empty() || k > report.minSamples) {
            report.dropped.push_back({k, whyDropped(problems, k)});
            continue;
        }
        PassAtKValue value{k, 0.0, {}};
        for (const ProblemCounts& problem : problems)
            value.perProblem.push_back(passAtK(problem.samples, problem.correct, k));
        double sum = 0.0;
        for (double perProblem : value.perProblem)
            sum += perProblem;
        value.mean = sum / double(problems.size());
        report.values.push_back(std::move(value));
    }
    return report;
}

}  // namespace rrtf

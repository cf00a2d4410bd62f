// pass@k: the unbiased estimator of Chen et al. (2021), 1 - C(n-c, k) / C(n, k),
// in the numerically stable product form the harnesses use, averaged over
// problems. A k is reported only when every problem has at least k samples.
#pragma once

#include <string>
#include <vector>

namespace rrtf {

// Probability that at least one of k samples drawn without replacement from n,
// of which c are correct, is correct: 1 if n - c < k, else
// 1 - prod_{i = n-c+1}^{n} (1 - k / i). InvalidArgument unless
// 0 <= c <= n and 1 <= k <= n.
double passAtK(int n, int c, int k);

// One problem's sample counts.
struct ProblemCounts {
    std::string taskId;
    int samples = 0;  // n
    int correct = 0;  // c
};

struct PassAtKValue {
    int k = 0;
    double mean = 0.0;               // over problems
    std::vector<double> perProblem;  // in the order of the input
};

struct DroppedK {
    int k = 0;
    std::string reason;  // e.g. "HumanEval/3 has only 5 samples"
};

struct PassAtKReport {
    std::vector<PassAtKValue> values;      // the reported ks, in the order asked (duplicates once)
    std::vector<DroppedK> dropped;         // ks not reported, and why
    std::vector<double> correctFraction;   // c / n per problem (0 when n is 0)
    int minSamples = 0;                    // smallest n over the problems

    const PassAtKValue* find(int k) const;  // nullptr when k was dropped or not asked for
};

// pass@k for each k in `ks` over `problems`. InvalidArgument for k <= 0, or a
// problem with n < 0 or c outside [0, n].
PassAtKReport computePassAtK(const std::vector<ProblemCounts>& problems, const std::vector<int>& ks);

}  // namespace rrtf

// Problem files: HumanEval, HumanEval+, MBPP (full and sanitized), LeetCode,
// CoderEval and the rrtf format; JSON Lines, a JSON array or gzip. The format
// is detected first, then every reader is made to read the same bytes.
#include "fuzz_support.h"
#include "evaluation/problem_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using rrtf::ProblemFormat;
    const auto path = rrtf::fuzz::writeFile("problems.jsonl", data, size);
    for (ProblemFormat format : {ProblemFormat::Auto, ProblemFormat::HumanEval, ProblemFormat::HumanEvalPlus,
                                 ProblemFormat::Mbpp, ProblemFormat::MbppSanitized, ProblemFormat::Rrtf,
                                 ProblemFormat::LeetCode, ProblemFormat::CoderEval}) {
        rrtf::fuzz::expectCleanError(path.string(), [&] {
            const rrtf::ProblemSet set = rrtf::loadProblemSet(path, format);
            (void)rrtf::noTestsReason(set);
            for (const rrtf::Problem& problem : set)
                if (set.find(problem.taskId) == nullptr)
                    rrtf::fuzz::broken("problem " + problem.taskId + " cannot be found by its task_id");
        });
    }
    return 0;
}

// pass@1 during training: greedy answers to a held-out problem set from the
// weights being trained, judged by the sandbox. The prompt is the paper's
// evaluation prompt (method.md §2.4), the one RRTF trains with (§2.3): the
// problem's description inside triple quotes, then code; an instruction goes
// into the job's own prompt template when it trains in another format.
#pragma once

#include "evaluation/problem_set.h"
#include "evaluation/sandbox_pool.h"
#include "generation/prompt_template.h"
#include "model/causal_lm.h"
#include "tokenizer/tokenizer.h"

#include <string>
#include <vector>

namespace rrtf {

struct EvaluationPrompt {
    std::string prompt;           // what the model continues
    std::string programPrefix;    // code that goes before the model's output in the judged program
    std::vector<std::string> stops;  // where greedy decoding ends besides EOS
};

// HumanEval(+): `"""\n{docstring}\n"""\n{imports and signature}` (docstring
// first, then the function header, which the answer's body continues; the
// judged program is the header plus the answer). When the prompt has no
// docstring after `def entry_point(`, the prompt as is (StarCoder's order).
// MBPP and the workbench's own format: the instruction in `format`
// (`"""\n{instruction}\n"""\n` by default), the answer being a whole program.
EvaluationPrompt evaluationPrompt(const Problem& problem,
                                  const PromptTemplate& format = PromptTemplate(PromptTemplateKind::PanGu));

struct PassAtOne {
    int problems = 0;
    int passed = 0;
    double value() const { return problems > 0 ? double(passed) / problems : 0.0; }
};

// Greedy decoding (no gradient) of every problem, then one sandbox verdict each.
// A prompt that does not fit the context counts as failed.
PassAtOne evaluatePassAtOne(CausalLM& model, const Tokenizer& tokenizer, const ProblemSet& problems,
                            int maxNewTokens, SandboxPool& pool,
                            const PromptTemplate& format = PromptTemplate(PromptTemplateKind::PanGu));

}  // namespace rrtf

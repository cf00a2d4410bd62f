#include "model_prompt.h"

#include "evaluation/problem_set.h"
#include "generation/prompt_template.h"

namespace rrtf {

bool promptIsCode(const Problem& problem)
{
    return problem.format == ProblemFormat::HumanEval || problem.format == ProblemFormat::HumanEvalPlus;
}

QString modelPrompt(const QString& text, bool isCode, const QString& templateName)
{
    if (isCode)
        return text;
    return QString::fromStdString(
        applyPromptTemplate(parsePromptTemplate(templateName.toStdString()), text.toStdString()));
}

}  // namespace rrtf

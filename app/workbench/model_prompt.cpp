#include "model_prompt.h"

#include "evaluation/problem_set.h"
#include "generation/prompt_template.h"
#include "runtime/error.h"

#include <QCoreApplication>

namespace rrtf {
namespace {

const QString kCustom = QStringLiteral("custom");

PromptTemplate slotTemplate(const QString& name, const QString& customText)
{
    if (name == kCustom)
        return PromptTemplate::custom(customText.toStdString());
    return PromptTemplate(parsePromptTemplate(name.toStdString()));
}

}  // namespace

bool promptIsCode(const Problem& problem)
{
    switch (problem.format) {
    case ProblemFormat::HumanEval:
    case ProblemFormat::HumanEvalPlus:
    case ProblemFormat::LeetCode:
    case ProblemFormat::CoderEval: return true;
    default: return false;
    }
}

QStringList promptTemplateNames()
{
    return {QStringLiteral("raw"), QStringLiteral("alpaca"), QStringLiteral("pangu"), kCustom};
}

QString promptTemplateText(const QString& name, const QString& customText)
{
    return QString::fromStdString(slotTemplate(name, customText).text());
}

QString promptTemplateProblem(const QString& text)
{
    if (text.contains(QString::fromUtf8(PromptTemplate::placeholder.data(), PromptTemplate::placeholder.size())))
        return {};
    return QCoreApplication::translate("rrtf::ModelPrompt", "A template must contain {instruction}: "
                                                            "that is where the prompt goes.");
}

QString promptTemplateIdentity(const ModelSlot& slot)
{
    if (slot.promptTemplate == kCustom)
        return kCustom + QLatin1Char(':') + slot.customTemplate;
    return slot.promptTemplate;
}

bool modelPromptUsesTemplate(bool isCode, const ModelSlot& slot, const QString& instruction)
{
    return !isCode || (!instruction.isEmpty() && slot.promptTemplate != QLatin1String("raw"));
}

QString modelPrompt(const QString& text, bool isCode, const ModelSlot& slot, const QString& instruction)
{
    if (!modelPromptUsesTemplate(isCode, slot, instruction))
        return text;
    const PromptTemplate chosen = slotTemplate(slot.promptTemplate, slot.customTemplate);
    return QString::fromStdString(chosen.apply((isCode ? instruction : text).toStdString()));
}

QStringList modelStopSequences(const QStringList& stops, bool isCode, const ModelSlot& slot,
                               const QString& instruction)
{
    return isCode && !modelPromptUsesTemplate(isCode, slot, instruction) ? stops : QStringList();
}

QString problemModelPrompt(const Problem& problem, const ModelSlot& slot)
{
    return modelPrompt(QString::fromStdString(problem.prompt), promptIsCode(problem), slot,
                       QString::fromStdString(problem.instructionPrompt));
}

}  // namespace rrtf

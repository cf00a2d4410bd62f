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
    return problem.format == ProblemFormat::HumanEval || problem.format == ProblemFormat::HumanEvalPlus;
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

QString modelPrompt(const QString& text, bool isCode, const ModelSlot& slot)
{
    if (isCode)
        return text;
    const PromptTemplate chosen = slotTemplate(slot.promptTemplate, slot.customTemplate);
    return QString::fromStdString(chosen.apply(text.toStdString()));
}

}  // namespace rrtf

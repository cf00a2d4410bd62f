#include "generation/prompt_template.h"

#include "runtime/error.h"

namespace rrtf {
namespace {

constexpr std::string_view alpacaHeader =
    "Below is an instruction that describes a task. Write a response that appropriately completes the request.";

// formats.md §5 (WizardCoder inference_wizardcoder.py, PROMPT_DICT["prompt_no_input"]):
// one blank line after the header and after the instruction, nothing after "### Response:".
const std::string& alpacaTemplate()
{
    static const std::string text = [] {
        std::string built(alpacaHeader);
        built.append("\n\n### Instruction:\n{instruction}\n\n### Response:");
        return built;
    }();
    return text;
}

// method.md §3 step 1, the prompt RRTF trains on and the paper's evaluation
// prompt (§2.3–2.4): opening quotes, the instruction, closing quotes, then a
// newline so the answer's code starts on a line of its own.
constexpr std::string_view panGuTemplate = "\"\"\"\n{instruction}\n\"\"\"\n";

std::string replaceAll(std::string_view text, std::string_view from, std::string_view to)
{
    std::string out;
    out.reserve(text.size());
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(from, start)) != std::string_view::npos; start = at + from.size()) {
        out.append(text.substr(start, at - start));
        out.append(to);
    }
    out.append(text.substr(start));
    return out;
}

}  // namespace

PromptTemplateKind parsePromptTemplate(std::string_view name)
{
    if (name == "raw")
        return PromptTemplateKind::Raw;
    if (name == "alpaca")
        return PromptTemplateKind::Alpaca;
    if (name == "pangu")
        return PromptTemplateKind::PanGu;
    throw InvalidArgument("unknown prompt template \"" + std::string(name) +
                          "\" (choose raw, alpaca or pangu)");
}

std::string_view promptTemplateName(PromptTemplateKind kind)
{
    switch (kind) {
    case PromptTemplateKind::Raw: return "raw";
    case PromptTemplateKind::Alpaca: return "alpaca";
    case PromptTemplateKind::PanGu: return "pangu";
    case PromptTemplateKind::Custom: return "custom";
    }
    return "custom";
}

PromptTemplate::PromptTemplate(PromptTemplateKind kind, std::string text)
    : templateKind(kind), templateText(std::move(text))
{
}

PromptTemplate::PromptTemplate(PromptTemplateKind kind) : templateKind(kind)
{
    switch (kind) {
    case PromptTemplateKind::Raw: templateText = placeholder; break;
    case PromptTemplateKind::Alpaca: templateText = alpacaTemplate(); break;
    case PromptTemplateKind::PanGu: templateText = panGuTemplate; break;
    case PromptTemplateKind::Custom:
        throw InvalidArgument("a custom prompt template needs its text: use PromptTemplate::custom");
    }
}

PromptTemplate PromptTemplate::custom(std::string text)
{
    if (text.find(placeholder) == std::string::npos)
        throw InvalidArgument("custom prompt template has no {instruction} placeholder: \"" + text + "\"");
    return PromptTemplate(PromptTemplateKind::Custom, std::move(text));
}

std::string PromptTemplate::apply(std::string_view instruction) const
{
    return replaceAll(templateText, placeholder, instruction);
}

std::string applyPromptTemplate(PromptTemplateKind kind, std::string_view instruction)
{
    return PromptTemplate(kind).apply(instruction);
}

std::string wizardCoderHumanEvalPrompt(std::string_view problem, int blankLines)
{
    if (blankLines != 1 && blankLines != 2)
        throw InvalidArgument("WizardCoder HumanEval prompt: blankLines must be 1 or 2, got " +
                              std::to_string(blankLines));
    return std::string(alpacaHeader) + std::string(static_cast<std::size_t>(blankLines) + 1, '\n') +
           "### Instruction:\nCreate a Python script for this problem:\n" + replaceAll(problem, "    ", "\t") +
           "\n\n### Response:";
}

std::string wizardCoderRestoreIndent(std::string_view answer)
{
    return replaceAll(answer, "\t", "    ");
}

}  // namespace rrtf

// Prompt templates: how an instruction becomes the text a model continues.
#pragma once

#include <string>
#include <string_view>

namespace rrtf {

enum class PromptTemplateKind {
    Raw,     // the text as is: StarCoder plain completion
    Alpaca,  // WizardCoder's Alpaca "no input" template
    PanGu,   // PanGu-Coder2: the instruction inside a Python triple-quoted string
    Custom,  // a user's string with an {instruction} placeholder
};

// "raw" | "alpaca" | "pangu"; anything else is InvalidArgument listing the choices.
PromptTemplateKind parsePromptTemplate(std::string_view name);
std::string_view promptTemplateName(PromptTemplateKind kind);

// Template text with the placeholder; every occurrence is replaced in one pass
// (an instruction that itself contains "{instruction}" is not expanded again),
// and other braces are plain text.
class PromptTemplate {
public:
    static constexpr std::string_view placeholder = "{instruction}";

    PromptTemplate() : PromptTemplate(PromptTemplateKind::Raw) {}
    explicit PromptTemplate(PromptTemplateKind kind);  // a built-in one; Custom is InvalidArgument
    // A user's template; InvalidArgument when it lacks the placeholder.
    static PromptTemplate custom(std::string text);

    std::string apply(std::string_view instruction) const;
    PromptTemplateKind kind() const { return templateKind; }
    const std::string& text() const { return templateText; }

private:
    PromptTemplate(PromptTemplateKind kind, std::string text);

    PromptTemplateKind templateKind;
    std::string templateText;
};

std::string applyPromptTemplate(PromptTemplateKind kind, std::string_view instruction);

// WizardCoder's HumanEval prompt (humaneval_gen.py from Aug 2023 on, and the
// bigcode harness task instruct_wizard_humaneval): `blankLines` (1 for the June
// 2023 script, else 2) after the header, "Create a Python script for this
// problem:", and the problem with every 4 spaces turned into a tab.
std::string wizardCoderHumanEvalPrompt(std::string_view problem, int blankLines = 2);
// Undoes the tab indentation in a WizardCoder answer (each tab to 4 spaces).
std::string wizardCoderRestoreIndent(std::string_view answer);

}  // namespace rrtf

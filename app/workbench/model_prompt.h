// The text a model is given for a problem or a prompt: code prompts (HumanEval)
// are continued as they are, instructions are wrapped in the model's template.
#pragma once

#include "model_slot.h"

#include <QString>
#include <QStringList>

namespace rrtf {

struct Problem;

// HumanEval-style problems show the model code to continue (HumanEval, HumanEval+,
// LeetCode's `prompt`, CoderEval's `input`).
bool promptIsCode(const Problem& problem);

// The names a slot's template can have: the built-in ones, then "custom".
QStringList promptTemplateNames();

// The template text (with {instruction}) that `name` stands for; `customText`
// when the name is "custom". Throws rrtf::Error for an unknown name.
QString promptTemplateText(const QString& name, const QString& customText);

// Why `text` cannot be a template (it lacks {instruction}), or an empty string.
QString promptTemplateProblem(const QString& text);

// What identifies the slot's template in run keys and records: the name, and
// for a custom template its text too (two different texts are two runs).
QString promptTemplateIdentity(const ModelSlot& slot);

// `text` as the model sees it: unchanged when it is code, else through the slot's template.
// A code prompt that also has an instruction form (`instruction`: LeetCode's prompt_sft)
// goes to a slot with a template in that form instead, as DeepSeek-Coder prompts
// instruction models; a raw slot still continues the code.
QString modelPrompt(const QString& text, bool isCode, const ModelSlot& slot, const QString& instruction = {});

// Whether modelPrompt puts the text through the slot's template (for the reproducibility record).
bool modelPromptUsesTemplate(bool isCode, const ModelSlot& slot, const QString& instruction = {});

// What the slot's model is given for a problem: modelPrompt of its prompt and instruction form.
QString problemModelPrompt(const Problem& problem, const ModelSlot& slot);

// The stop sequences for that prompt: `stops` (HumanEval's end a code continuation), none
// when the model answers an instruction (a template's prompt): its answer is a whole
// program, which "\ndef" would cut at its first line (a fenced `class Solution`, a
// function after a newline); instruction models stop at the end of text, as
// DeepSeek-Coder and WizardCoder generate them.
QStringList modelStopSequences(const QStringList& stops, bool isCode, const ModelSlot& slot,
                               const QString& instruction);

}  // namespace rrtf

// The text a model is given for a problem or a prompt: code prompts (HumanEval)
// are continued as they are, instructions are wrapped in the model's template.
#pragma once

#include "model_slot.h"

#include <QString>
#include <QStringList>

namespace rrtf {

struct Problem;

// HumanEval-style problems show the model code to continue.
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
QString modelPrompt(const QString& text, bool isCode, const ModelSlot& slot);

}  // namespace rrtf

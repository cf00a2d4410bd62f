// The text a model is given for a problem or a prompt: code prompts (HumanEval)
// are continued as they are, instructions are wrapped in the model's template.
#pragma once

#include <QString>

namespace rrtf {

struct Problem;

// HumanEval-style problems show the model code to continue.
bool promptIsCode(const Problem& problem);

// `text` as the model sees it: unchanged when it is code, else through the
// template named raw, alpaca or pangu.
QString modelPrompt(const QString& text, bool isCode, const QString& templateName);

}  // namespace rrtf

#include "failure_label_text.h"

#include <QCoreApplication>

namespace rrtf {
namespace {

struct DefaultLabel {
    const char* name;
    const char* description;
};

// The same text as the schema's defaults, marked for lupdate under context "rrtf".
constexpr DefaultLabel kDefaults[] = {
    {QT_TRANSLATE_NOOP("rrtf", "wrong algorithm"),
     QT_TRANSLATE_NOOP("rrtf", "The approach cannot solve the problem even when carried out correctly.")},
    {QT_TRANSLATE_NOOP("rrtf", "off-by-one / boundary"),
     QT_TRANSLATE_NOOP("rrtf", "Right idea, wrong at the edges: ranges, empty input, first or last element.")},
    {QT_TRANSLATE_NOOP("rrtf", "misread the spec"),
     QT_TRANSLATE_NOOP("rrtf", "Solves a different problem than the docstring asks for.")},
    {QT_TRANSLATE_NOOP("rrtf", "syntax error"), QT_TRANSLATE_NOOP("rrtf", "The completion does not parse.")},
    {QT_TRANSLATE_NOOP("rrtf", "runtime error"),
     QT_TRANSLATE_NOOP("rrtf", "Raises an exception (TypeError, IndexError, ...) on some test.")},
    {QT_TRANSLATE_NOOP("rrtf", "timeout / inefficient"),
     QT_TRANSLATE_NOOP("rrtf", "Correct in principle but too slow for the tests' inputs.")},
    {QT_TRANSLATE_NOOP("rrtf", "incomplete code"),
     QT_TRANSLATE_NOOP("rrtf", "Stops early: a missing return, an unfinished branch, cut off at the token limit.")},
    {QT_TRANSLATE_NOOP("rrtf", "hallucinated API"),
     QT_TRANSLATE_NOOP("rrtf", "Calls functions, methods or modules that do not exist.")},
    {QT_TRANSLATE_NOOP("rrtf", "formatting / IO"),
     QT_TRANSLATE_NOOP("rrtf", "Right values in the wrong form: types, rounding, whitespace, printing.")},
    {QT_TRANSLATE_NOOP("rrtf", "other"),
     QT_TRANSLATE_NOOP("rrtf", "Anything the labels above do not cover: say what in the note.")},
};

const DefaultLabel* defaultLabel(const std::string& name)
{
    for (const DefaultLabel& label : kDefaults)
        if (name == label.name)
            return &label;
    return nullptr;
}

}  // namespace

QString failureLabelName(const std::string& storedName)
{
    if (const DefaultLabel* label = defaultLabel(storedName))
        return QCoreApplication::translate("rrtf", label->name);
    return QString::fromStdString(storedName);
}

QString failureLabelName(const QString& storedName)
{
    return failureLabelName(storedName.toStdString());
}

QString failureLabelDescription(const std::string& storedName, const std::string& storedDescription)
{
    const DefaultLabel* label = defaultLabel(storedName);
    if (label && storedDescription == label->description)
        return QCoreApplication::translate("rrtf", label->description);
    return QString::fromStdString(storedDescription);
}

}  // namespace rrtf

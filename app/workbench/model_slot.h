// One model of the workbench as the user configured it: where its checkpoint
// is, where and how it runs, and the prompt template its instructions go through.
#pragma once

#include <QString>

namespace rrtf {

struct ModelSlot {
    QString name;
    QString directory;
    QString device = QStringLiteral("cpu");
    QString dtype = QStringLiteral("float32");
    QString promptTemplate = QStringLiteral("raw");  // raw | alpaca | pangu | custom
    QString customTemplate;  // the text with {instruction}, used when promptTemplate is "custom"
};

}  // namespace rrtf

// The embedded default: on first start with no models configured, the window
// opens on three tiny GPTBigCode models the program writes itself (random
// weights, StarCoder's tokenizer; one per slot and prompt template) and a small
// built-in problem set, so every view works without a download.
#pragma once

#include "model_list_model.h"

#include <QString>
#include <QVector>

namespace rrtf {

struct DemoPack {
    QVector<ModelSlot> models;
    QString problemSetPath;
};

// Writes what is missing under `folder` (existing files are kept) and returns
// the slots and problem set. Throws rrtf::Error when the folder cannot be written.
DemoPack ensureDemoPack(const QString& folder);

}  // namespace rrtf

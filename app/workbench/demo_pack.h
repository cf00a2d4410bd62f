// The demo pack in the window: three small models that the project's own
// pipeline trained (StarCoder, WizardCoder and PanGu-Coder2 stand-ins), the
// held-out problem set they are shown on, the problem the window opens on and
// the Training tab's ready jobs. Everything ships read-only beside the program
// (engine/evaluation/demo_pack.h reads its demo.json): nothing is built or
// written at start-up.
#pragma once

#include "model_slot.h"
#include "training_view.h"

#include <QString>
#include <QVector>

namespace rrtf {

struct WorkbenchDemo {
    QString folder;
    QVector<ModelSlot> models;
    QString problemSetPath;
    QString showcaseTaskId;
    QVector<TrainingJobSpec> trainingJobs;
};

// Reads FOLDER/demo.json. Throws rrtf::Error naming the file and the field.
WorkbenchDemo readWorkbenchDemo(const QString& folder);

// The pack that ships beside this program (share/rrtf/demo, or
// $RRTF_DEMO_DIR); empty when there is none.
QString shippedDemoFolder();

}  // namespace rrtf

#include "demo_pack.h"

#include "evaluation/demo_pack.h"

#include <QJsonDocument>

namespace rrtf {

WorkbenchDemo readWorkbenchDemo(const QString& folder)
{
    const DemoPack pack = readDemoPack(folder.toStdString());
    WorkbenchDemo demo;
    demo.folder = QString::fromStdString(pack.folder.string());
    for (const DemoModel& model : pack.models) {
        ModelSlot slot;
        slot.name = QString::fromStdString(model.name);
        slot.directory = QString::fromStdString(model.dir.string());
        slot.promptTemplate = QString::fromStdString(model.promptTemplate);
        demo.models.push_back(slot);
    }
    demo.problemSetPath = QString::fromStdString(pack.problems.string());
    demo.showcaseTaskId = QString::fromStdString(pack.showcaseTaskId);
    for (const DemoTrainingJob& job : pack.trainingJobs) {
        const QByteArray config = QByteArray::fromStdString(job.config.dump());
        demo.trainingJobs.push_back({QString::fromStdString(job.name), QJsonDocument::fromJson(config).object()});
    }
    return demo;
}

QString shippedDemoFolder()
{
    return QString::fromStdString(installedDemoPack().string());
}

}  // namespace rrtf

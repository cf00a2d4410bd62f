// A training run's metrics.jsonl as the workbench's MetricsFollower reads it:
// the file as a whole, then grown by a second part (byte 0 says where the
// input splits), then replaced by the second part alone.
#include "fuzz_support.h"
#include "widgets/metrics_follower.h"

#include <QCoreApplication>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const size_t split = std::min<size_t>(data[0], size - 1);
    const uint8_t* body = data + 1;
    const size_t bodySize = size - 1;
    const auto path = rrtf::fuzz::writeFile("metrics.jsonl", body, split);
    rrtf::MetricsFollower follower(QString::fromStdString(path.string()));
    rrtf::fuzz::writeFile("metrics.jsonl", body, bodySize);  // grown
    follower.refresh();
    rrtf::fuzz::writeFile("metrics.jsonl", body + split, bodySize - split);  // replaced
    follower.refresh();
    qsizetype points = 0;
    for (const QJsonObject& record : follower.records())
        points += record.size();
    (void)points;
    return 0;
}

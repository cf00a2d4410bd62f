// LibTorch first: Qt defines "slots" as a macro, and LibTorch's headers use the word.
#include "model/causal_lm.h"
#include "model/checkpoint.h"
#include "runtime/error.h"

#include "demo_pack.h"


#include <QDir>

#include <nlohmann/json.hpp>
#include <QFile>

#include <fstream>

namespace rrtf {
namespace {

struct DemoModel {
    const char* name;
    const char* folder;
    const char* promptTemplate;
    uint64_t seed;
};

// The three slots of the paper's comparison, each with its own prompt format.
constexpr DemoModel kDemoModels[] = {
    {"StarCoder (demo)", "starcoder-demo", "raw", 11},
    {"WizardCoder (demo)", "wizardcoder-demo", "alpaca", 22},
    {"PanGu-Coder2 (demo)", "pangu-coder2-demo", "pangu", 33},
};

void copyResource(const QString& resource, const QString& target)
{
    if (QFile::exists(target))
        return;
    QFile::remove(target + ".part");
    if (!QFile::copy(resource, target + ".part") || !QFile::rename(target + ".part", target))
        throw Error("cannot write " + target.toStdString());
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

void writeDemoModel(const QString& dir, uint64_t seed)
{
    const std::filesystem::path path = dir.toStdString();
    if (std::filesystem::exists(path / "config.json") && std::filesystem::exists(path / "model.safetensors"))
        return;
    std::filesystem::create_directories(path);
    GPTBigCodeConfig config;
    config.vocabSize = 49152;  // StarCoder's tokenizer
    config.nPositions = 1024;
    config.nEmbd = 64;
    config.nLayer = 2;
    config.nHead = 4;
    config.multiQuery = true;
    config.bosTokenId = 0;
    config.eosTokenId = 0;
    auto model = CausalLM::random(config, seed);
    writeCheckpoint(path, model->stateDict());
    // config.json last: a folder with it is complete.
    std::ofstream(path / "config.json") << config.toJson().dump(2) << '\n';
}

}  // namespace

DemoPack ensureDemoPack(const QString& folder)
{
    if (!QDir().mkpath(folder))
        throw Error("cannot create the demo folder " + folder.toStdString());
    const QDir dir(folder);
    DemoPack pack;
    for (const DemoModel& demo : kDemoModels) {
        const QString modelDir = dir.filePath(QString::fromLatin1(demo.folder));
        writeDemoModel(modelDir, demo.seed);
        copyResource(QStringLiteral(":/rrtf/tokenizers/starcoder-tokenizer.json"), modelDir + "/tokenizer.json");
        ModelSlot slot;
        slot.name = QString::fromLatin1(demo.name);
        slot.directory = modelDir;
        slot.promptTemplate = QString::fromLatin1(demo.promptTemplate);
        pack.models.push_back(slot);
    }
    pack.problemSetPath = dir.filePath(QStringLiteral("demo-problems.jsonl"));
    copyResource(QStringLiteral(":/rrtf/demo/problems.jsonl"), pack.problemSetPath);
    return pack;
}

}  // namespace rrtf

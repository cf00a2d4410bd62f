// One model on its own host thread. The GUI thread never runs torch: it calls
// the slots through queued connections (or invokeMethod) and hears back through
// signals. Token text is batched so that a pane repaints at most ~30 times a second.
#pragma once

#include "generation_request.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace rrtf {

class CausalLM;
class Tokenizer;

// What a loaded model is, for the model manager.
struct LoadedModelInfo {
    QString directory;
    QString device;
    QString dtype;
    qint64 parameters = 0;
    qint64 weightBytes = 0;  // memory held by the weights
    QString configSha256;    // identity of the checkpoint in reproducibility records
    int contextLength = 0;
};

class ModelHost : public QObject {
    Q_OBJECT
public:
    ModelHost();
    ~ModelHost() override;

    // Safe from any thread: stops the generation running now (if it is `requestId`, or any when 0).
    void cancel(quint64 requestId = 0);

public Q_SLOTS:
    void load(const QString& directory, const QString& device, const QString& dtype);
    void unload();
    void generate(const rrtf::PaneRequest& request);

Q_SIGNALS:
    void loadProgress(int percent, const QString& phase);
    void loaded(const rrtf::LoadedModelInfo& info);
    void loadFailed(const QString& message);
    void unloaded();
    // `text` is what arrived since the last signal; `tokens` the count so far.
    void tokensArrived(quint64 requestId, const QString& text, int tokens);
    void generationFinished(const rrtf::PaneResult& result);

private:
    std::shared_ptr<CausalLM> m_model;
    std::unique_ptr<Tokenizer> m_tokenizer;
    LoadedModelInfo m_info;
    std::atomic<quint64> m_running{0};
    std::atomic<bool> m_cancelRequested{false};
};

}  // namespace rrtf

Q_DECLARE_METATYPE(rrtf::LoadedModelInfo)

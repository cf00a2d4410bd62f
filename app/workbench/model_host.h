// One model on its own host thread. The GUI thread never runs torch: it calls
// the slots through queued connections (or invokeMethod) and hears back through
// signals. Token text is batched so that a pane repaints at most ~30 times a second.
#pragma once

#include "generation_request.h"

#include "runtime/cancellation.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>

namespace rrtf {

class CausalLM;
class Tokenizer;

// What a loaded model is, for the model manager.
struct LoadedModelInfo {
    QString directory;
    QString device;
    QString dtype;
    qint64 parameters = 0;
    qint64 weightBytes = 0;  // memory held by the weights (quantised ones at their packed size)
    QString precision;       // "float32", "int8", "gptq4 g128 act-order", ...
    QString configSha256;    // identity of the checkpoint in reproducibility records
    int contextLength = 0;
};

class ModelHost : public QObject {
    Q_OBJECT
public:
    ModelHost();
    ~ModelHost() override;

    // Safe from any thread: stops generation `requestId`, whether it runs now or is
    // still queued (then it finishes at once as "cancelled", never starting); 0 stops
    // the one running now, whichever it is.
    void cancel(quint64 requestId = 0);

    // Safe from any thread: keeps `cancel` for a load to come and returns the id
    // to pass to load. (Not a queued argument: Qt would copy it under its own
    // locks, where ThreadSanitizer cannot follow the token from thread to thread.)
    quint64 prepareLoad(const CancellationToken& cancel);

public Q_SLOTS:
    // Cancelling the token prepareLoad kept under `loadId` stops the load between
    // tensors: loadCancelled, and nothing stays loaded. 0: a load nothing cancels.
    void load(const QString& directory, const QString& device, const QString& dtype, quint64 loadId = 0);
    void unload();
    void generate(const rrtf::PaneRequest& request);

Q_SIGNALS:
    void loadProgress(int percent, const QString& phase);
    void loaded(const rrtf::LoadedModelInfo& info);
    void loadFailed(const QString& message);
    void loadCancelled();
    void unloaded();
    // `text` is what arrived since the last signal; `tokens` the count so far.
    void tokensArrived(quint64 requestId, const QString& text, int tokens);
    void generationFinished(const rrtf::PaneResult& result);

private:
    std::shared_ptr<CausalLM> m_model;
    std::unique_ptr<Tokenizer> m_tokenizer;
    LoadedModelInfo m_info;
    bool takeCancel(quint64 requestId);

    CancellationToken takeLoadCancel(quint64 loadId);

    std::mutex m_cancelMutex;         // guards m_running, m_cancelled and the loads' tokens
    quint64 m_running = 0;            // the generation running now, 0 when none
    std::set<quint64> m_cancelled;    // cancelled before they started
    std::atomic<bool> m_cancelRunning{false};  // the running one is cancelled
    std::map<quint64, CancellationToken> m_loadCancels;  // by load id, until the load starts
    quint64 m_lastLoadId = 0;
};

}  // namespace rrtf

Q_DECLARE_METATYPE(rrtf::LoadedModelInfo)

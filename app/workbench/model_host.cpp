#include "model_host.h"

#include "evaluation/sha256.h"
#include "generation/generator.h"
#include "model/causal_lm.h"
#include "runtime/error.h"
#include "tokenizer/tokenizer.h"

#include <ATen/Context.h>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <exception>
#include <fstream>

namespace rrtf {
namespace {

constexpr qint64 kEmitIntervalMs = 33;  // ~30 updates a second per pane

// A fingerprint of the checkpoint for reproducibility records: config.json and,
// for each weight file, its name, size and first MiB (safetensors headers hold
// every tensor's offsets, so a changed weight file changes it). Whole-file hashes
// of a 30 GB checkpoint would take minutes.
QString checkpointFingerprint(const QString& directory)
{
    std::string material;
    const QDir dir(directory);
    const QStringList files =
        dir.entryList({"config.json", "quantize_config.json", "*.safetensors", "*.bin", "*.index.json"}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        material += name.toStdString() + '\n' + std::to_string(file.size()) + '\n';
        material += file.read(1 << 20).toStdString();
    }
    return QString::fromStdString(sha256Hex(material));
}

}  // namespace

QStringList defaultStopSequences()
{
    return {"\ndef", "\nclass", "\nif", "\nprint", "\n#"};
}

ModelHost::ModelHost() = default;
ModelHost::~ModelHost() = default;

void ModelHost::cancel(quint64 requestId)
{
    std::lock_guard lock(m_cancelMutex);
    if (m_running != 0 && (requestId == 0 || requestId == m_running)) {
        m_cancelRunning.store(true);
        return;
    }
    if (requestId == 0)
        return;
    m_cancelled.insert(requestId);
    // A cancel that came after its generation had finished stays here unused: keep the newest few.
    while (m_cancelled.size() > 256)
        m_cancelled.erase(m_cancelled.begin());
}

// Marks `requestId` as running; true when it was cancelled before it started.
bool ModelHost::takeCancel(quint64 requestId)
{
    std::lock_guard lock(m_cancelMutex);
    m_running = requestId;
    m_cancelRunning.store(m_cancelled.erase(requestId) > 0);
    return m_cancelRunning.load();
}

quint64 ModelHost::prepareLoad(const CancellationToken& cancel)
{
    std::lock_guard lock(m_cancelMutex);
    m_loadCancels.emplace(++m_lastLoadId, cancel);
    return m_lastLoadId;
}

CancellationToken ModelHost::takeLoadCancel(quint64 loadId)
{
    std::lock_guard lock(m_cancelMutex);
    const auto found = m_loadCancels.find(loadId);
    if (found == m_loadCancels.end())
        return {};
    CancellationToken cancel = found->second;
    m_loadCancels.erase(found);
    return cancel;
}

void ModelHost::load(const QString& directory, const QString& device, const QString& dtype, quint64 loadId)
{
    const CancellationToken cancel = takeLoadCancel(loadId);
    try {
        Q_EMIT loadProgress(5, tr("Reading the checkpoint"));
        m_model.reset();
        m_tokenizer.reset();
        LoadOptions options;
        options.device = at::Device(device.toStdString());
        setPrecision(options, dtype.toStdString());
        options.cancel = cancel;
        int shown = -1;
        options.onProgress = [this, &shown](int done, int total) {
            const int percent = 10 + 70 * done / std::max(1, total);
            if (percent != shown)
                Q_EMIT loadProgress(percent, tr("Reading the weights"));
            shown = percent;
        };
        if (options.device.is_cuda() && !at::hasCUDA())
            throw InvalidArgument("this build of LibTorch has no CUDA: pick the cpu device");
        m_model = CausalLM::load(directory.toStdString(), options);
        Q_EMIT loadProgress(80, tr("Reading the tokenizer"));
        m_tokenizer = loadTokenizer(directory.toStdString());
        if (cancel.isCancelled())
            throw Cancelled();
        Q_EMIT loadProgress(95, tr("Fingerprinting"));
        LoadedModelInfo info;
        info.directory = directory;
        info.device = device;
        info.dtype = dtype;
        info.parameters = m_model->parameterCount();
        info.weightBytes = m_model->weightBytes();
        info.precision = QString::fromStdString(m_model->precisionLabel());
        info.configSha256 = checkpointFingerprint(directory);
        info.contextLength = m_model->contextLength();
        m_info = info;
        Q_EMIT loadProgress(100, tr("Ready"));
        Q_EMIT loaded(info);
    } catch (const Cancelled&) {
        m_model.reset();
        m_tokenizer.reset();
        Q_EMIT loadCancelled();
    } catch (const std::exception& error) {
        m_model.reset();
        m_tokenizer.reset();
        Q_EMIT loadFailed(QString::fromUtf8(error.what()));
    }
}

void ModelHost::unload()
{
    m_model.reset();
    m_tokenizer.reset();
    Q_EMIT unloaded();
}

void ModelHost::generate(const PaneRequest& request)
{
    PaneResult result;
    result.id = request.id;
    if (!m_model || !m_tokenizer) {
        result.finishReason = "error";
        result.error = tr("The model is not loaded.");
        Q_EMIT generationFinished(result);
        return;
    }
    QElapsedTimer clock;
    clock.start();
    if (takeCancel(request.id)) {
        // Stop was pressed before this generation started: it never runs.
        {
            std::lock_guard lock(m_cancelMutex);
            m_running = 0;
        }
        result.finishReason = QStringLiteral("cancelled");
        Q_EMIT generationFinished(result);
        return;
    }
    try {
        GenerationRequest job;
        job.promptIds = m_tokenizer->encode(request.promptText.toStdString());
        job.maxNewTokens = request.sampling.maxNewTokens;
        job.numSamples = std::max(1, request.numSamples);
        job.seed = request.sampling.seed;
        job.sampling.greedy = request.sampling.greedy;
        job.sampling.temperature = static_cast<float>(request.sampling.temperature);
        job.sampling.topP = static_cast<float>(request.sampling.topP);
        for (const QString& stop : request.sampling.stopSequences)
            if (!stop.isEmpty())
                job.stopSequences.push_back(stop.toStdString());
        result.promptTokens = static_cast<int>(job.promptIds.size());

        std::string pending;
        int tokens = 0;
        qint64 lastEmit = 0;
        GenerateOptions options;
        options.onToken = [&](const TokenEvent& event) {
            if (tokens++ == 0)
                result.timeToFirstTokenMs = clock.nsecsElapsed() / 1e6;
            if (event.sample == 0)
                pending.append(event.text);
            if (request.stream && clock.elapsed() - lastEmit >= kEmitIntervalMs) {
                Q_EMIT tokensArrived(request.id, QString::fromStdString(pending), tokens);
                pending.clear();
                lastEmit = clock.elapsed();
            }
            return !m_cancelRunning.load();
        };
        Generator generator(*m_model, m_tokenizer.get());
        const GenerationResult generated = generator.generate({job}, options).at(0);
        const GeneratedSample& sample = generated.samples.at(0);
        if (request.stream && !pending.empty())
            Q_EMIT tokensArrived(request.id, QString::fromStdString(pending), tokens);
        for (const GeneratedSample& each : generated.samples) {
            result.texts << QString::fromStdString(each.text);
            result.allNewTokens += static_cast<int>(each.ids.size());
        }
        result.text = result.texts.value(0);
        result.newTokens = static_cast<int>(sample.ids.size());
        result.finishReason = m_cancelRunning.load() ? QStringLiteral("cancelled")
                                                       : QString::fromLatin1(finishReasonName(sample.finish));
    } catch (const std::exception& error) {
        result.finishReason = "error";
        result.error = QString::fromUtf8(error.what());
    }
    result.totalMs = clock.nsecsElapsed() / 1e6;
    const double decodeMs = result.totalMs - result.timeToFirstTokenMs;
    if (result.newTokens > 1 && decodeMs > 0)
        result.tokensPerSecond = (result.newTokens - 1) / (decodeMs / 1000.0);
    {
        std::lock_guard lock(m_cancelMutex);
        m_running = 0;
    }
    Q_EMIT generationFinished(result);
}

}  // namespace rrtf

#include "compare_view.h"

#include "benchmark_runs.h"
#include "judge_service.h"
#include "model_list_model.h"
#include "model_prompt.h"
#include "widgets/code_editor.h"
#include "widgets/line_diff.h"

#include "evaluation/sha256.h"
#include "evaluation/verdict.h"
#include "runtime/version.h"
#include "store/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>


namespace rrtf {

QString engineVersion()
{
    const std::string_view version = projectVersion();
    return QString::fromUtf8(version.data(), qsizetype(version.size()));
}

CompareView::CompareView(ModelListModel& models, JudgeWorker& judge, QWidget* parent)
    : QWidget(parent), m_models(models), m_judge(judge)
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_sync = new QCheckBox(tr("Synchronised scrolling"), this);
    m_sync->setChecked(true);
    connect(m_sync, &QCheckBox::toggled, this, [this] { linkScrollBars(); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_sync);
    connect(&m_judge, &JudgeWorker::judged, this, [this](const AnswerVerdict& verdict) {
        AnswerPane* owner = nullptr;
        for (AnswerPane* pane : m_panes)
            if (pane->answerId() == verdict.answerId)
                owner = pane;
        if (!owner)
            return;  // a benchmark's, or a pane that has gone
        owner->showVerdict(verdict);
        if (!verdict.itemKey.isEmpty())  // stored by the judge's thread
            Q_EMIT answerStored(verdict.itemKey);
        Q_EMIT verdictShown(verdict);
    });
}

void CompareView::syncPanes()
{
    const QVector<int> loaded = m_models.loadedRows();
    QList<AnswerPane*> kept;
    for (AnswerPane* pane : m_panes) {
        if (loaded.contains(pane->modelRow()) && m_models.slotAt(pane->modelRow()).name == pane->modelName())
            kept << pane;
        else
            pane->deleteLater();
    }
    m_panes.clear();
    for (int row : loaded) {
        AnswerPane* pane = nullptr;
        for (AnswerPane* candidate : kept)
            if (candidate->modelRow() == row)
                pane = candidate;
        if (!pane) {
            pane = new AnswerPane(row, m_models.slotAt(row).name, m_splitter);
            ModelHost* host = m_models.hostAt(row);
            connect(host, &ModelHost::tokensArrived, pane, &AnswerPane::appendText);
            connect(host, &ModelHost::generationFinished, pane, &AnswerPane::finishRun);
            connect(host, &ModelHost::generationFinished, this, [this](const PaneResult&) {
                if (m_pending > 0 && --m_pending == 0)
                    Q_EMIT runFinished();
            });
            connect(pane, &AnswerPane::stopRequested, this, [this, row](quint64 id) { m_models.hostAt(row)->cancel(id); });
            connect(pane, &AnswerPane::testRequested, this, [this](AnswerPane* p) { test(p); });
        }
        m_splitter->addWidget(pane);
        m_panes << pane;
    }
    linkScrollBars();
}

void CompareView::showProblem(const QString& problemKey)
{
    if (problemKey == m_problemKey)
        return;
    m_problemKey = problemKey;
    stopAll();
    for (AnswerPane* pane : m_panes)
        pane->clearAnswer();
    m_lastSource = PromptSource();
}

void CompareView::setSyncScrolling(bool on)
{
    m_sync->setChecked(on);
}

bool CompareView::syncScrolling() const
{
    return m_sync->isChecked();
}

void CompareView::runAll(const PromptSource& source)
{
    m_lastSource = source;
    m_pending = 0;
    for (AnswerPane* pane : m_panes)
        run(pane, source);
}

void CompareView::run(AnswerPane* pane, const PromptSource& source)
{
    const ModelSlot& slot = m_models.slotAt(pane->modelRow());
    const LoadedModelInfo& info = m_models.infoAt(pane->modelRow());
    PaneRequest request;
    request.id = m_nextRequest++;
    request.sampling = pane->sampling();
    request.promptText = modelPrompt(source.instruction, source.promptIsCode, slot, source.instructionPrompt);
    request.sampling.stopSequences =
        modelStopSequences(request.sampling.stopSequences, source.promptIsCode, slot, source.instructionPrompt);
    QJsonObject record{
        {"model", slot.name},
        {"checkpoint", slot.directory},
        {"checkpoint_fingerprint_sha256", info.configSha256},
        {"device", slot.device},
        {"dtype", slot.dtype},
        {"precision", info.precision},
        {"template", modelPromptUsesTemplate(source.promptIsCode, slot, source.instructionPrompt)
                         ? promptTemplateIdentity(slot)
                         : QStringLiteral("raw (code prompt)")},
        {"task_id", source.taskId},
        {"prompt", request.promptText},
        {"max_new_tokens", request.sampling.maxNewTokens},
        {"stop_sequences", QJsonArray::fromStringList(request.sampling.stopSequences)},
        {"engine_version", engineVersion()},
        {"started", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    const QJsonObject decoding = decodingRecord(request.sampling);
    for (auto it = decoding.begin(); it != decoding.end(); ++it)
        record.insert(it.key(), it.value());
    pane->setTestsUnavailable(source.noTestsReason);
    pane->startRun(request.id, record);
    ++m_pending;
    QMetaObject::invokeMethod(m_models.hostAt(pane->modelRow()), "generate", Qt::QueuedConnection,
                              Q_ARG(rrtf::PaneRequest, request));
}

// Where a judged answer is kept (one "comparison" run per model and problem set,
// sample indexes in judging order): the judge's thread writes it, each answer once.
VerdictTarget CompareView::storeTarget(const AnswerPane& pane)
{
    if (!m_workspace || m_lastSource.taskId.isEmpty() || m_lastSource.problemSetSha256.isEmpty() ||
        m_storedAnswers.contains(pane.answerId()))
        return {};
    m_storedAnswers.insert(pane.answerId());
    const ModelSlot& slot = m_models.slotAt(pane.modelRow());
    const QString fingerprint = m_models.infoAt(pane.modelRow()).configSha256;
    VerdictTarget target;
    target.workspacePath = QString::fromStdString(m_workspace->path().string());
    EvalRunSpec& spec = target.run;
    const QString identity =
        slot.name + '\n' + fingerprint + '\n' + m_lastSource.problemSetSha256 + '\n' + promptTemplateIdentity(slot);
    spec.key = "comparison:" + sha256Hex(identity.toStdString());
    spec.problemSetPath = m_lastSource.problemSetPath.toStdString();
    spec.problemSetSha256 = m_lastSource.problemSetSha256.toStdString();
    spec.samplesPath = "side-by-side:" + slot.name.toStdString();
    spec.samplesSha256 = spec.key;
    spec.engineVersion = engineVersion().toStdString();
    spec.settings = {{"kind", "comparison"},          {"model", slot.name.toStdString()},
                     {"checkpoint", slot.directory.toStdString()}, {"fingerprint", fingerprint.toStdString()},
                     {"template", promptTemplateIdentity(slot).toStdString()}, {"decoding", "side by side"},
                     {"n", 1}};
    target.completionId = m_lastSource.taskId.toStdString() + "#" + std::to_string(pane.answerId());
    return target;
}

void CompareView::stopAll()
{
    for (AnswerPane* pane : m_panes)
        if (const quint64 id = pane->runningRequest())
            m_models.hostAt(pane->modelRow())->cancel(id);
}

void CompareView::testAll()
{
    for (AnswerPane* pane : m_panes)
        if (!pane->runningRequest() && pane->answerId() != 0)
            test(pane);
}

void CompareView::test(AnswerPane* pane)
{
    if (m_lastSource.taskId.isEmpty()) {
        pane->showNotJudged(tr("This prompt has no tests: pick a problem from the problem list."));
        return;
    }
    if (!m_lastSource.noTestsReason.isEmpty()) {
        pane->showNotJudged(m_lastSource.noTestsReason);
        return;
    }
    const JudgeRequest request{pane->answerId(), m_lastSource.taskId, pane->answer(), false, storeTarget(*pane)};
    JudgeWorker* judge = &m_judge;
    QMetaObject::invokeMethod(judge, [judge, request] { judge->submit(request); }, Qt::QueuedConnection);
}

void CompareView::showDiff()
{
    if (m_panes.size() < 2)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Difference between two answers"));
    auto* left = new QComboBox(&dialog);
    auto* right = new QComboBox(&dialog);
    for (AnswerPane* pane : m_panes) {
        left->addItem(pane->modelName());
        right->addItem(pane->modelName());
    }
    right->setCurrentIndex(1);
    auto* leftEditor = new CodeEditor(&dialog);
    auto* rightEditor = new CodeEditor(&dialog);
    leftEditor->setReadOnly(true);
    rightEditor->setReadOnly(true);
    auto refresh = [=, this] {
        const QString a = m_panes[left->currentIndex()]->answer();
        const QString b = m_panes[right->currentIndex()]->answer();
        leftEditor->setText(a);
        rightEditor->setText(b);
        const LineDiff diff = lineDiff(a, b);
        leftEditor->setLineMarks(diff.left);
        rightEditor->setLineMarks(diff.right);
    };
    connect(left, &QComboBox::currentIndexChanged, &dialog, refresh);
    connect(right, &QComboBox::currentIndexChanged, &dialog, refresh);
    refresh();
    auto* pickers = new QHBoxLayout;
    pickers->addWidget(left);
    pickers->addWidget(right);
    auto* editors = new QHBoxLayout;
    editors->addWidget(leftEditor);
    editors->addWidget(rightEditor);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addLayout(pickers);
    layout->addLayout(editors, 1);
    layout->addWidget(buttons);
    dialog.resize(900, 560);
    dialog.exec();
}

// With the toggle on, scrolling one answer scrolls every other to the same line.
void CompareView::linkScrollBars()
{
    for (AnswerPane* pane : m_panes)
        disconnect(pane->editor()->verticalScrollBar(), &QScrollBar::valueChanged, this, nullptr);
    if (!m_sync->isChecked())
        return;
    for (AnswerPane* pane : m_panes) {
        connect(pane->editor()->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, pane](int value) {
            for (AnswerPane* other : m_panes)
                if (other != pane && other->editor()->verticalScrollBar()->value() != value)
                    other->editor()->verticalScrollBar()->setValue(value);
        });
    }
}

}  // namespace rrtf

#include "answer_pane.h"

#include "widgets/code_editor.h"
#include "widgets/outcome_badge.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rrtf {

QStringList parseStopSequences(const QString& text)
{
    QStringList stops;
    for (QString item : text.split(',', Qt::SkipEmptyParts)) {
        item.replace(QStringLiteral("\\n"), QStringLiteral("\n")).replace(QStringLiteral("\\t"), QStringLiteral("\t"));
        if (!item.trimmed().isEmpty())
            stops << item;
    }
    return stops;
}

QString formatStopSequences(const QStringList& stops)
{
    QStringList escaped;
    for (QString stop : stops)
        escaped << stop.replace('\n', QStringLiteral("\\n")).replace('\t', QStringLiteral("\\t"));
    return escaped.join(',');
}

QJsonObject decodingRecord(const PaneSampling& sampling)
{
    QJsonObject record{{"greedy", sampling.greedy}};
    if (!sampling.greedy) {
        record.insert("temperature", sampling.temperature);
        record.insert("top_p", sampling.topP);
        record.insert("seed", static_cast<qint64>(sampling.seed));
    }
    return record;
}

AnswerPane::AnswerPane(int modelRow, const QString& modelName, QWidget* parent)
    : QWidget(parent), m_modelRow(modelRow), m_modelName(modelName)
{
    setObjectName(QStringLiteral("answerPane"));
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(modelName.toHtmlEscaped()), this);
    // No text in the pane sets its width: a long name, answer line, stats line or
    // message is clipped, wrapped or scrolled inside the pane, so three panes fit
    // a normal window and streaming never widens it.
    title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    title->setToolTip(modelName);

    m_greedy = new QCheckBox(tr("Greedy"), this);
    m_greedy->setChecked(true);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(0.01, 5.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0.8);
    m_temperature->setAccessibleName(tr("Temperature"));
    m_topP = new QDoubleSpinBox(this);
    m_topP->setRange(0.01, 1.0);
    m_topP->setSingleStep(0.05);
    m_topP->setValue(0.95);
    m_topP->setAccessibleName(tr("Top-p"));
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(1);
    m_seed->setAccessibleName(tr("Seed"));
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 4096);
    m_maxTokens->setValue(256);
    m_maxTokens->setAccessibleName(tr("Maximum new tokens"));
    m_stops = new QLineEdit(formatStopSequences(defaultStopSequences()), this);
    m_stops->setAccessibleName(tr("Stop sequences"));
    m_stops->setToolTip(tr("Comma-separated; \\n is a newline"));
    auto enableSampling = [this](bool greedy) {
        m_temperature->setEnabled(!greedy);
        m_topP->setEnabled(!greedy);
    };
    connect(m_greedy, &QCheckBox::toggled, this, enableSampling);
    enableSampling(true);

    auto* settings = new QFormLayout;
    settings->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow pane puts the labels above
    auto* decodingRow = new QHBoxLayout;
    decodingRow->addWidget(m_greedy);
    decodingRow->addWidget(new QLabel(tr("T"), this));
    decodingRow->addWidget(m_temperature);
    decodingRow->addWidget(new QLabel(tr("top-p"), this));
    decodingRow->addWidget(m_topP);
    settings->addRow(tr("Decoding"), decodingRow);
    auto* limitsRow = new QHBoxLayout;
    limitsRow->addWidget(new QLabel(tr("seed"), this));
    limitsRow->addWidget(m_seed);
    limitsRow->addWidget(new QLabel(tr("max tokens"), this));
    limitsRow->addWidget(m_maxTokens);
    settings->addRow(tr("Limits"), limitsRow);
    settings->addRow(tr("Stop at"), m_stops);

    m_editor = new CodeEditor(this);
    m_editor->setReadOnly(true);
    m_editor->setAccessibleName(tr("Answer of %1").arg(modelName));

    m_badge = new OutcomeBadge(this);
    m_badge->setOutcome(QStringLiteral("not_judged"));
    m_stats = new QLabel(this);
    m_stats->setWordWrap(true);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(this);
    m_detail->setWordWrap(true);
    m_detail->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // a long traceback word must not widen it
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stop = new QPushButton(tr("Stop"), this);
    m_stop->setEnabled(false);
    m_test = new QPushButton(tr("Run tests"), this);
    m_test->setEnabled(false);
    m_recordButton = new QPushButton(tr("Record…"), this);
    m_recordButton->setToolTip(tr("How to reproduce this answer: model, template, parameters, seed, versions"));
    m_recordButton->setEnabled(false);
    connect(m_stop, &QPushButton::clicked, this, [this] { Q_EMIT stopRequested(m_requestId); });
    connect(m_test, &QPushButton::clicked, this, [this] { Q_EMIT testRequested(this); });
    connect(m_recordButton, &QPushButton::clicked, this, &AnswerPane::showRecord);

    // The badge at its full size with the stats wrapping beside it, the buttons on their own row.
    auto* status = new QHBoxLayout;
    status->addWidget(m_badge, 0, Qt::AlignTop);
    status->addWidget(m_stats, 1);
    auto* actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_stop);
    actions->addWidget(m_test);
    actions->addWidget(m_recordButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(settings);
    layout->addWidget(m_editor, 1);
    layout->addLayout(status);
    layout->addWidget(m_detail);
    layout->addLayout(actions);
}

PaneSampling AnswerPane::sampling() const
{
    PaneSampling sampling;
    sampling.greedy = m_greedy->isChecked();
    sampling.temperature = m_temperature->value();
    sampling.topP = m_topP->value();
    sampling.seed = static_cast<quint64>(m_seed->value());
    sampling.maxNewTokens = m_maxTokens->value();
    sampling.stopSequences = parseStopSequences(m_stops->text());
    return sampling;
}

void AnswerPane::setSampling(const PaneSampling& sampling)
{
    m_greedy->setChecked(sampling.greedy);
    m_temperature->setValue(sampling.temperature);
    m_topP->setValue(sampling.topP);
    m_seed->setValue(static_cast<int>(sampling.seed));
    m_maxTokens->setValue(sampling.maxNewTokens);
    m_stops->setText(formatStopSequences(sampling.stopSequences));
}

void AnswerPane::startRun(quint64 requestId, const QJsonObject& record)
{
    m_requestId = requestId;
    m_running = true;
    m_record = record;
    m_answer.clear();
    m_editor->setText(QString());
    m_editor->clearLineMarks();
    m_badge->setOutcome(QStringLiteral("running"));
    m_badge->clearTestCounts();
    m_badge->setDetail(QString());
    m_detail->clear();
    m_stats->setText(tr("waiting for the first token…"));
    m_stop->setEnabled(true);
    m_test->setEnabled(false);
    m_recordButton->setEnabled(true);
}

void AnswerPane::clearAnswer()
{
    startRun(0, {});
    m_running = false;
    m_stats->clear();
    m_badge->setOutcome(QStringLiteral("not_judged"));
    m_stop->setEnabled(false);
    m_recordButton->setEnabled(false);
}

void AnswerPane::appendText(quint64 requestId, const QString& text, int tokens)
{
    if (requestId != m_requestId || !m_running)
        return;
    m_answer += text;
    m_editor->setText(m_answer);
    m_stats->setText(tr("%n token(s)", nullptr, tokens));
}

void AnswerPane::finishRun(const PaneResult& result)
{
    if (result.id != m_requestId)
        return;
    m_running = false;
    m_answer = result.text;
    m_editor->setText(m_answer);
    m_stop->setEnabled(false);
    m_test->setEnabled(result.error.isEmpty() && m_noTestsReason.isEmpty());
    m_badge->setOutcome(QStringLiteral("not_judged"));
    m_record.insert("finish_reason", result.finishReason);
    m_record.insert("prompt_tokens", result.promptTokens);
    m_record.insert("new_tokens", result.newTokens);
    if (!result.error.isEmpty()) {
        m_detail->setText(result.error);
        m_stats->setText(tr("failed"));
        return;
    }
    m_stats->setText(tr("%1 tokens · first token %2 ms · %3 tok/s · %4")
                         .arg(result.newTokens)
                         .arg(result.timeToFirstTokenMs, 0, 'f', 0)
                         .arg(result.tokensPerSecond, 0, 'f', 1)
                         .arg(finishReasonText(result.finishReason)));
}

QString AnswerPane::finishReasonText(const QString& reason)
{
    if (reason == QLatin1String("length"))
        return tr("token limit");
    if (reason == QLatin1String("eos"))
        return tr("end of text");
    if (reason == QLatin1String("stop"))
        return tr("stop sequence");
    if (reason == QLatin1String("cancelled"))
        return tr("cancelled");
    if (reason == QLatin1String("error"))
        return tr("error");
    return reason;
}

void AnswerPane::showVerdict(const AnswerVerdict& verdict)
{
    if (verdict.answerId != m_requestId)
        return;
    const QString detail = QString::fromStdString(verdict.verdict.detail);
    showOutcome(verdict.outcomeKey(), verdict.verdict.testsPassed, verdict.verdict.testsTotal, detail);
    if (verdict.failingLine > 0)
        m_editor->setErrorLine(verdict.failingLine - 1, detail);
}

void AnswerPane::setTestsUnavailable(const QString& reason)
{
    m_noTestsReason = reason;
    m_test->setToolTip(reason.isEmpty() ? tr("Run the problem's tests on this answer in the sandbox") : reason);
    if (!reason.isEmpty())
        m_test->setEnabled(false);
}

void AnswerPane::showNotJudged(const QString& reason)
{
    showOutcome(QStringLiteral("not_judged"), 0, 0, reason);
}

void AnswerPane::showOutcome(const QString& outcomeKey, int testsPassed, int testsTotal, const QString& detail)
{
    m_badge->setOutcome(outcomeKey);
    m_badge->setTestCounts(testsPassed, testsTotal);
    m_badge->setDetail(detail);
    m_detail->setText(detail);
    m_record.insert("outcome", outcomeKey);
}

QString AnswerPane::answer() const
{
    return m_answer;
}

void AnswerPane::showRecord()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Reproducibility record — %1").arg(m_modelName));
    auto* text = new QPlainTextEdit(QString::fromUtf8(QJsonDocument(m_record).toJson()), &dialog);
    text->setReadOnly(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, &dialog, [text] { QGuiApplication::clipboard()->setText(text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(560, 480);
    dialog.exec();
}

}  // namespace rrtf

// One model's column in the side-by-side view: its decoding settings, the
// answer streaming in, speed figures, the test verdict and the record that
// reproduces the answer.
#pragma once

#include "generation_request.h"
#include "judge_service.h"

#include <QJsonObject>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rrtf {

class CodeEditor;
class OutcomeBadge;

class AnswerPane : public QWidget {
    Q_OBJECT
public:
    explicit AnswerPane(int modelRow, const QString& modelName, QWidget* parent = nullptr);

    int modelRow() const { return m_modelRow; }
    QString modelName() const { return m_modelName; }
    PaneSampling sampling() const;
    void setSampling(const PaneSampling& sampling);

    // A run starts: clears the answer and remembers what produced it.
    void startRun(quint64 requestId, const QJsonObject& record);
    // Forgets the answer, its verdict and its record (another problem is shown): what
    // still arrives for the old request is ignored.
    void clearAnswer();
    quint64 runningRequest() const { return m_running ? m_requestId : 0; }
    void appendText(quint64 requestId, const QString& text, int tokens);
    void finishRun(const PaneResult& result);
    void showVerdict(const AnswerVerdict& verdict);
    void showNotJudged(const QString& reason);  // no verdict to show, and why
    // Answers to this prompt cannot be judged (CoderEval): Run tests stays disabled and its
    // tooltip says why. An empty reason enables it again for the next answer.
    void setTestsUnavailable(const QString& reason);

    QString answer() const;
    quint64 answerId() const { return m_requestId; }
    QJsonObject record() const { return m_record; }  // the reproducibility record
    CodeEditor* editor() const { return m_editor; }
    QLabel* statsLabel() const { return m_stats; }
    // A finish reason as the record keeps it (length, eos, stop, cancelled, error),
    // as shown in the stats line: in the user's language.
    static QString finishReasonText(const QString& reason);

Q_SIGNALS:
    void stopRequested(quint64 requestId);
    void testRequested(rrtf::AnswerPane* pane);

private:
    void showRecord();
    void showOutcome(const QString& outcomeKey, int testsPassed, int testsTotal, const QString& detail);

    int m_modelRow;
    QString m_modelName;
    quint64 m_requestId = 0;
    bool m_running = false;
    QJsonObject m_record;
    QString m_answer;

    QCheckBox* m_greedy;
    QDoubleSpinBox* m_temperature;
    QDoubleSpinBox* m_topP;
    QSpinBox* m_seed;
    QSpinBox* m_maxTokens;
    QLineEdit* m_stops;
    CodeEditor* m_editor;
    OutcomeBadge* m_badge;
    QLabel* m_stats;
    QLabel* m_detail;
    QPushButton* m_stop;
    QPushButton* m_test;
    QString m_noTestsReason;
    QPushButton* m_recordButton;
};

// The decoding part of a reproducibility record: only what decoding used.
// Greedy decoding uses no temperature, top-p or seed, so none is written.
QJsonObject decodingRecord(const PaneSampling& sampling);

// "\\n" escapes in the stop field become newlines and back; items are separated by commas.
QStringList parseStopSequences(const QString& text);
QString formatStopSequences(const QStringList& stops);

}  // namespace rrtf

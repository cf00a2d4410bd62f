// The side-by-side view: one AnswerPane per loaded model, a shared prompt, and
// the controls that run, stop, judge and diff them all.
#pragma once

#include "answer_pane.h"

#include <QSet>
#include <QWidget>

class QCheckBox;
class QSplitter;

namespace rrtf {

class JudgeWorker;
class ModelListModel;
class Workspace;

// What the compare view needs to know about the problem being answered.
struct PromptSource {
    QString instruction;  // the text in the prompt editor
    QString taskId;       // empty for a free prompt (then answers cannot be tested)
    bool promptIsCode = false;  // HumanEval-style prompt: answers continue it
    QString instructionPrompt;  // what models with a template get instead (LeetCode's prompt_sft), or empty
    QString noTestsReason;      // why the problem's answers cannot be judged (CoderEval), or empty
    QString problemSetPath;     // the problem's file, where judged answers are filed
    QString problemSetSha256;
};

class CompareView : public QWidget {
    Q_OBJECT
public:
    CompareView(ModelListModel& models, JudgeWorker& judge, QWidget* parent = nullptr);

    // Rebuilds the panes for the loaded models, keeping the settings of panes that stay.
    void syncPanes();
    QList<AnswerPane*> panes() const { return m_panes; }
    // The problem the prompt now shows ("<problem set>\n<task id>"): when it is
    // another one, running answers are stopped and every pane is cleared.
    void showProblem(const QString& problemKey);
    void setSyncScrolling(bool on);
    bool syncScrolling() const;
    // Judged answers are kept here (one "comparison" run per model and problem
    // set), so the inspector can label them. Null: they are only shown.
    void setWorkspace(Workspace* workspace) { m_workspace = workspace; }

public Q_SLOTS:
    void runAll(const rrtf::PromptSource& source);
    void stopAll();
    void testAll();
    void showDiff();

Q_SIGNALS:
    void runFinished();  // every pane of the last run has finished
    void verdictShown(const rrtf::AnswerVerdict& verdict);
    void answerStored(const QString& itemKey);  // a judged answer went to the workspace

private:
    void run(AnswerPane* pane, const PromptSource& source);
    void test(AnswerPane* pane);
    void linkScrollBars();
    VerdictTarget storeTarget(const AnswerPane& pane);

    ModelListModel& m_models;
    JudgeWorker& m_judge;
    Workspace* m_workspace = nullptr;
    QSplitter* m_splitter;
    QCheckBox* m_sync;
    QList<AnswerPane*> m_panes;
    PromptSource m_lastSource;
    QString m_problemKey;
    QSet<quint64> m_storedAnswers;  // answers already sent to the workspace: Run tests again only shows
    quint64 m_nextRequest = 1;
    int m_pending = 0;
};

// The project version (runtime/version.h) as stored with runs and shown in About.
QString engineVersion();

}  // namespace rrtf

Q_DECLARE_METATYPE(rrtf::PromptSource)

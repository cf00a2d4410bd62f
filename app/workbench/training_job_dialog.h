// The form over a training job's config.json: where the run goes, the student
// model, the rankings to learn from, the held-out problems for pass@1, and the
// optimiser settings. Accepting writes RUN_DIR/config.json (the file `rrtf
// train` reads, so a job can also be started by hand or by a cluster launcher).
#pragma once

#include <QDialog>
#include <QJsonObject>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rrtf {

struct TrainableCount;

class TrainingJobDialog : public QDialog {
    Q_OBJECT
public:
    explicit TrainingJobDialog(QWidget* parent = nullptr);

    QString runFolder() const;
    void setRunFolder(const QString& folder);
    void setModel(const QString& folder);
    void setRankings(const QString& file);
    QJsonObject config() const;
    // Checks the form: empty when it can be written, else what is missing.
    QString problem() const;
    // Creates the folder and writes config.json there (atomically). False with `error` set on failure.
    bool writeConfig(QString* error) const;

    QDialogButtonBox* buttons() const { return m_buttons; }

    // True once the rankings file in the form has been read (off the GUI thread)
    // and its trainable items and pairs counted: what rrtf train refuses
    // (trainingDataProblem) is refused here too.
    bool rankingsChecked() const;

private:
    QLineEdit* pathRow(const QString& label, bool folder, const QString& filter, QWidget* extra = nullptr);
    void updateState();
    void checkRankings();

    QFormLayout* m_form;
    QLineEdit* m_runFolder;
    QLineEdit* m_model;
    QLineEdit* m_rankings;
    QPushButton* m_viewRankings;
    QLineEdit* m_evalProblems;
    QComboBox* m_objective;
    QSpinBox* m_epochs;
    QSpinBox* m_globalBatch;
    QSpinBox* m_microBatch;
    QDoubleSpinBox* m_learningRate;
    QSpinBox* m_warmup;
    QComboBox* m_schedule;
    QComboBox* m_dtype;
    QDoubleSpinBox* m_maxGradNorm;
    QCheckBox* m_checkpointing;
    QSpinBox* m_loraRank;
    QSpinBox* m_evalEvery;
    QSpinBox* m_checkpointEvery;
    QSpinBox* m_seed;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
    QString m_countedRankings;                       // the file m_trainable was counted in
    std::shared_ptr<const TrainableCount> m_trainable;  // null while unknown or unreadable
    quint64 m_countGeneration = 0;
};

}  // namespace rrtf

#include "training_job_dialog.h"

#include "rankings_view.h"
#include "training/ranking.h"
#include "training/train_config.h"
#include "widgets/error_label.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <memory>
#include <optional>

namespace rrtf {
namespace {

QSpinBox* spin(QWidget* parent, int low, int high, int value)
{
    auto* box = new QSpinBox(parent);
    box->setRange(low, high);
    box->setValue(value);
    return box;
}

}  // namespace

TrainingJobDialog::TrainingJobDialog(QWidget* parent)
    : QDialog(parent),
      m_form(new QFormLayout),
      m_objective(new QComboBox(this)),
      m_epochs(spin(this, 1, 100, 3)),
      m_globalBatch(spin(this, 1, 65536, 64)),
      m_microBatch(spin(this, 1, 4096, 4)),
      m_learningRate(new QDoubleSpinBox(this)),
      m_warmup(spin(this, 0, 1000000, 30)),
      m_schedule(new QComboBox(this)),
      m_dtype(new QComboBox(this)),
      m_maxGradNorm(new QDoubleSpinBox(this)),
      m_checkpointing(new QCheckBox(tr("Recompute activations in the backward pass (less memory)"), this)),
      m_loraRank(spin(this, 0, 1024, 0)),
      m_evalEvery(spin(this, 0, 1000000, 50)),
      m_checkpointEvery(spin(this, 1, 1000000, 50)),
      m_seed(spin(this, 0, 1 << 30, 1)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New training job"));
    m_runFolder = pathRow(tr("Run folder:"), true, {});
    m_model = pathRow(tr("Student model:"), true, {});
    // "View…" beside the rankings: see what the job will train on before starting it.
    m_viewRankings = new QPushButton(tr("View…"), this);
    m_viewRankings->setAccessibleName(tr("View the rankings"));
    m_viewRankings->setToolTip(tr("Show the ranked answers and the pairs of this file"));
    m_rankings = pathRow(tr("Rankings:"), false, tr("Rankings (*.jsonl)"), m_viewRankings);
    connect(m_viewRankings, &QPushButton::clicked, this,
            [this] { RankingsView::openWindow(this, m_rankings->text().trimmed()); });
    m_evalProblems = pathRow(tr("Held-out problems:"), false, tr("Problem sets (*.jsonl *.jsonl.gz *.json)"));
    m_objective->addItem(tr("RRTF: ranking + supervised loss"), QStringLiteral("rrtf"));
    m_objective->addItem(tr("Supervised fine-tuning only"), QStringLiteral("sft"));
    m_form->addRow(tr("Objective:"), m_objective);
    m_form->addRow(tr("Epochs:"), m_epochs);
    m_form->addRow(tr("Global batch (prompts):"), m_globalBatch);
    m_form->addRow(tr("Micro batch (prompts):"), m_microBatch);
    m_learningRate->setDecimals(8);
    m_learningRate->setRange(1e-8, 1.0);
    m_learningRate->setSingleStep(1e-5);
    m_learningRate->setValue(2e-5);
    m_form->addRow(tr("Learning rate:"), m_learningRate);
    m_form->addRow(tr("Warm-up steps:"), m_warmup);
    m_schedule->addItems({QStringLiteral("cosine"), QStringLiteral("linear"), QStringLiteral("constant")});
    m_form->addRow(tr("Schedule:"), m_schedule);
    m_dtype->addItems({QStringLiteral("float32"), QStringLiteral("bfloat16")});
    m_form->addRow(tr("Precision:"), m_dtype);
    m_maxGradNorm->setRange(0.0, 1000.0);
    m_maxGradNorm->setValue(1.0);
    m_form->addRow(tr("Clip gradients at norm:"), m_maxGradNorm);
    m_form->addRow(tr("Gradient checkpointing:"), m_checkpointing);
    m_loraRank->setSpecialValueText(tr("off (train every weight)"));
    m_form->addRow(tr("LoRA rank:"), m_loraRank);
    m_evalEvery->setSpecialValueText(tr("at the end only"));
    m_form->addRow(tr("Evaluate every (steps):"), m_evalEvery);
    m_form->addRow(tr("Checkpoint every (steps):"), m_checkpointEvery);
    m_form->addRow(tr("Seed:"), m_seed);

    m_problem->setWordWrap(true);
    styleAsError(m_problem);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_runFolder, m_model, m_rankings})
        connect(edit, &QLineEdit::textChanged, this, &TrainingJobDialog::updateState);
    connect(m_rankings, &QLineEdit::textChanged, this, &TrainingJobDialog::checkRankings);
    connect(m_objective, &QComboBox::currentIndexChanged, this, &TrainingJobDialog::updateState);
    connect(m_microBatch, &QSpinBox::valueChanged, this, &TrainingJobDialog::updateState);
    connect(m_globalBatch, &QSpinBox::valueChanged, this, &TrainingJobDialog::updateState);
    updateState();
}

QLineEdit* TrainingJobDialog::pathRow(const QString& label, bool folder, const QString& filter, QWidget* extra)
{
    auto* edit = new QLineEdit(this);
    auto* browse = new QPushButton(tr("Browse…"), this);
    QString what = label;
    what.remove(QRegularExpression(QStringLiteral("[:：]\\s*$")));
    browse->setAccessibleName(tr("Browse for %1").arg(what));
    connect(browse, &QPushButton::clicked, this, [this, edit, folder, filter, label] {
        const QString path = folder ? QFileDialog::getExistingDirectory(this, label, edit->text())
                                    : QFileDialog::getOpenFileName(this, label, edit->text(), filter);
        if (!path.isEmpty())
            edit->setText(path);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(edit, 1);
    row->addWidget(browse);
    if (extra)
        row->addWidget(extra);
    m_form->addRow(label, row);
    return edit;
}

QString TrainingJobDialog::runFolder() const { return m_runFolder->text().trimmed(); }
void TrainingJobDialog::setRunFolder(const QString& folder) { m_runFolder->setText(folder); }
void TrainingJobDialog::setModel(const QString& folder) { m_model->setText(folder); }
void TrainingJobDialog::setRankings(const QString& file) { m_rankings->setText(file); }

QJsonObject TrainingJobDialog::config() const
{
    QJsonObject config{
        {"model", m_model->text().trimmed()},
        {"rankings", m_rankings->text().trimmed()},
        {"objective", m_objective->currentData().toString()},
        {"epochs", m_epochs->value()},
        {"global_batch", m_globalBatch->value()},
        {"micro_batch", m_microBatch->value()},
        {"lr", m_learningRate->value()},
        {"warmup_steps", m_warmup->value()},
        {"schedule", m_schedule->currentText()},
        {"dtype", m_dtype->currentText()},
        {"max_grad_norm", m_maxGradNorm->value()},
        {"gradient_checkpointing", m_checkpointing->isChecked()},
        {"eval_every", m_evalEvery->value()},
        {"checkpoint_every", m_checkpointEvery->value()},
        {"seed", m_seed->value()},
    };
    if (!m_evalProblems->text().trimmed().isEmpty())
        config.insert("eval_problems", m_evalProblems->text().trimmed());
    if (m_loraRank->value() > 0)
        config.insert("lora", QJsonObject{{"rank", m_loraRank->value()}, {"alpha", 2.0 * m_loraRank->value()}});
    return config;
}

QString TrainingJobDialog::problem() const
{
    if (runFolder().isEmpty())
        return tr("Choose a folder for the run.");
    if (!QFileInfo(m_model->text().trimmed()).isDir())
        return tr("Choose the student model's folder.");
    if (!QFileInfo(m_rankings->text().trimmed()).isFile())
        return tr("Choose a rankings file (made by rrtf rank).");
    // The trainer's own validation, so the form never accepts what `rrtf train` refuses.
    TrainObjective objective = TrainObjective::Rrtf;
    try {
        const QByteArray json = QJsonDocument(config()).toJson(QJsonDocument::Compact);
        objective =
            parseTrainConfig(nlohmann::json::parse(json.toStdString()), runFolder().toStdString(), "config.json")
                .objective;
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    // And its check of the rankings, said here before it starts.
    const QString rankings = QDir::toNativeSeparators(m_rankings->text().trimmed());
    if (m_trainable && m_countedRankings == m_rankings->text().trimmed()) {
        switch (trainingDataProblem(objective, *m_trainable)) {
        case TrainingDataProblem::NoTeacherAnswers:
            return tr("%1 has no item with a teacher answer: there is nothing to train on.").arg(rankings);
        case TrainingDataProblem::NoPairs:
            return tr("%1 has no pairs (no student answer ranked below its teacher): the RRTF objective would "
                      "only fine-tune on the teacher answers. Choose \"Supervised fine-tuning only\" for that, or "
                      "rank sampled student answers (rrtf sample, then rrtf rank).")
                .arg(rankings);
        case TrainingDataProblem::None: break;
        }
    }
    if (QFileInfo::exists(QDir(runFolder()).filePath(QStringLiteral("metrics.jsonl"))))
        return tr("This folder already holds a run: choose a new one (to continue that run, open it).");
    return {};
}

void TrainingJobDialog::updateState()
{
    m_viewRankings->setEnabled(QFileInfo(m_rankings->text().trimmed()).isFile());
    const QString now = problem();
    m_problem->setText(now);
    m_problem->setVisible(!now.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(now.isEmpty());
}

bool TrainingJobDialog::rankingsChecked() const
{
    return m_countedRankings == m_rankings->text().trimmed() && m_trainable;
}

// Reads the rankings on a worker thread (a file of many items takes a while);
// the count comes back to updateState() unless the path changed meanwhile.
void TrainingJobDialog::checkRankings()
{
    const quint64 generation = ++m_countGeneration;
    m_trainable.reset();
    m_countedRankings.clear();
    const QString path = m_rankings->text().trimmed();
    if (!QFileInfo(path).isFile())
        return;
    auto counted = std::make_shared<std::optional<TrainableCount>>();
    const std::string file = QFile::encodeName(path).toStdString();
    QThread* worker = QThread::create([file, counted] {
        try {
            *counted = countTrainable(readRankings(file));
        } catch (const std::exception&) {
            // Unreadable: the rankings viewer and rrtf train say why.
        }
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, generation, path, counted] {
        if (generation != m_countGeneration)
            return;
        m_countedRankings = path;
        if (*counted)
            m_trainable = std::make_shared<const TrainableCount>(**counted);
        updateState();
    });
    worker->start();
}

bool TrainingJobDialog::writeConfig(QString* error) const
{
    if (!QDir().mkpath(runFolder())) {
        *error = tr("Cannot create the folder %1.").arg(runFolder());
        return false;
    }
    QSaveFile file(QDir(runFolder()).filePath(QStringLiteral("config.json")));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config()).toJson()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

}  // namespace rrtf

#include "benchmark_view.h"

#include "benchmark_runs.h"

#include "model_list_model.h"
#include "problem_list_model.h"

#include "evaluation/pass_at_k.h"
#include "evaluation/problem_set.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <map>

namespace rrtf {

int BenchmarkTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BenchmarkTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BenchmarkTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || role != Qt::DisplayRole)
        return {};
    const BenchmarkModelProgress& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Model: return row.model;
    case Decoding: return decodingText(row.decoding);
    case Samples: return tr("%1 / %2").arg(row.done).arg(row.total);
    case Passed: return row.passed;
    case PassAt1: return m_passAt[static_cast<std::size_t>(index.row())][0];
    case PassAt10: return m_passAt[static_cast<std::size_t>(index.row())][1];
    case PassAt100: return m_passAt[static_cast<std::size_t>(index.row())][2];
    case Speed:
        return row.generation.newTokens > 0 ? tr("%1 tok/s").arg(row.generation.tokensPerSecond(), 0, 'f', 1)
                                            : QString();
    case Memory:
        if (row.generation.weightBytes <= 0)
            return QString();
        return tr("%1 (%2, %3)")
            .arg(QLocale().formattedDataSize(row.generation.weightBytes))
            .arg(QString::fromStdString(row.generation.device), QString::fromStdString(row.generation.dtype));
    case Status: return row.status;
    }
    return {};
}

QVariant BenchmarkTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Model: return tr("Model");
    case Decoding: return tr("Decoding");
    case Samples: return tr("Judged");
    case Passed: return tr("Passed");
    case PassAt1: return tr("pass@1");
    case PassAt10: return tr("pass@10");
    case PassAt100: return tr("pass@100");
    case Speed: return tr("Speed");
    case Memory: return tr("Weights");
    case Status: return tr("Status");
    }
    return {};
}

void BenchmarkTableModel::setRows(std::vector<BenchmarkModelProgress> rows)
{
    std::vector<std::array<QString, 3>> passAt;
    for (const BenchmarkModelProgress& row : rows)
        passAt.push_back({passAtKText(row, 1), passAtKText(row, 10), passAtKText(row, 100)});
    if (rows.size() == m_rows.size()) {
        m_rows = std::move(rows);
        m_passAt = std::move(passAt);
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_passAt = std::move(passAt);
    endResetModel();
}

BenchmarkView::BenchmarkView(ModelListModel& models, ProblemListModel& problems, BenchmarkRunner& runner,
                             QWidget* parent)
    : QWidget(parent), m_models(models), m_problems(problems), m_runner(runner)
{
    m_modelList = new QListWidget(this);
    m_modelList->setAccessibleName(tr("Models to benchmark"));
    m_modelList->setMaximumHeight(120);
    m_greedy = new QCheckBox(tr("Greedy (one answer per problem)"), this);
    m_greedy->setChecked(true);
    m_samples = new QSpinBox(this);
    m_samples->setRange(1, 200);
    m_samples->setValue(10);
    m_temperature = new QDoubleSpinBox(this);
    m_temperature->setRange(0.01, 5.0);
    m_temperature->setValue(0.8);
    m_temperature->setSingleStep(0.1);
    m_topP = new QDoubleSpinBox(this);
    m_topP->setRange(0.01, 1.0);
    m_topP->setValue(0.95);
    m_topP->setSingleStep(0.05);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setRange(1, 4096);
    m_maxTokens->setValue(256);
    connect(m_greedy, &QCheckBox::toggled, this, [this](bool greedy) {
        m_samples->setEnabled(!greedy);
        m_temperature->setEnabled(!greedy);
        m_topP->setEnabled(!greedy);
    });
    Q_EMIT m_greedy->toggled(true);
    connect(m_greedy, &QCheckBox::toggled, this, &BenchmarkView::decodingChanged);
    for (QSpinBox* box : {m_samples, m_maxTokens})
        connect(box, &QSpinBox::valueChanged, this, &BenchmarkView::decodingChanged);
    for (QDoubleSpinBox* box : {m_temperature, m_topP})
        connect(box, &QDoubleSpinBox::valueChanged, this, &BenchmarkView::decodingChanged);

    auto* form = new QFormLayout;
    form->addRow(m_greedy);
    form->addRow(tr("Samples per problem"), m_samples);
    form->addRow(tr("Temperature"), m_temperature);
    form->addRow(tr("Top-p"), m_topP);
    form->addRow(tr("Max new tokens"), m_maxTokens);

    m_start = new QPushButton(tr("Start or resume"), this);
    m_start->setObjectName(QStringLiteral("benchmarkStart"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("benchmarkCancel"));
    m_cancel->setEnabled(false);
    m_bar = new QProgressBar(this);
    m_eta = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setModel(&m_table);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->setAccessibleName(tr("Benchmark results"));
    connect(m_start, &QPushButton::clicked, this, &BenchmarkView::start);
    connect(m_cancel, &QPushButton::clicked, &m_runner, &BenchmarkRunner::cancel);
    connect(&m_runner, &BenchmarkRunner::progressChanged, this, &BenchmarkView::showProgress);
    connect(&m_runner, &BenchmarkRunner::finished, this, [this](bool) {
        m_start->setEnabled(true);
        m_cancel->setEnabled(false);
        showProgress();
    });
    connect(m_modelList, &QListWidget::itemChanged, this, &BenchmarkView::rememberChoice);
    connect(&m_models, &ModelListModel::stateChanged, this, &BenchmarkView::refreshModels);
    connect(&m_models, &QAbstractItemModel::rowsInserted, this, &BenchmarkView::refreshModels);
    connect(&m_models, &QAbstractItemModel::rowsRemoved, this, &BenchmarkView::refreshModels);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_bar, 1);
    buttons->addWidget(m_eta);
    auto* top = new QHBoxLayout;
    top->addWidget(m_modelList, 1);
    top->addLayout(form, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    refreshModels();
}

void BenchmarkView::setWorkspace(Workspace* workspace)
{
    m_workspace = workspace;
    m_runner.setWorkspace(workspace);
    reloadStoredRuns();
}

// Every loaded model is in the benchmark unless the user took it out.
void BenchmarkView::refreshModels()
{
    const QSignalBlocker blocker(m_modelList);
    m_modelList->clear();
    for (int row = 0; row < m_models.rowCount(); ++row) {
        const QString name = m_models.slotAt(row).name;
        auto* item = new QListWidgetItem(name, m_modelList);
        item->setData(Qt::UserRole, row);
        const bool loaded = m_models.stateAt(row) == ModelState::Loaded;
        item->setFlags(loaded ? Qt::ItemIsUserCheckable | Qt::ItemIsEnabled : Qt::ItemIsUserCheckable);
        item->setCheckState(loaded && !m_excluded.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

void BenchmarkView::setCheckedModels(const QVector<int>& rows)
{
    for (int i = 0; i < m_modelList->count(); ++i)
        m_modelList->item(i)->setCheckState(rows.contains(m_modelList->item(i)->data(Qt::UserRole).toInt())
                                                ? Qt::Checked
                                                : Qt::Unchecked);
}

void BenchmarkView::rememberChoice(QListWidgetItem* item)
{
    if (item->checkState() == Qt::Checked)
        m_excluded.remove(item->text());
    else
        m_excluded.insert(item->text());
}

BenchmarkDecoding BenchmarkView::decoding() const
{
    BenchmarkDecoding decoding;
    decoding.greedy = m_greedy->isChecked();
    decoding.samplesPerProblem = decoding.greedy ? 1 : m_samples->value();
    decoding.temperature = m_temperature->value();
    decoding.topP = m_topP->value();
    decoding.maxNewTokens = m_maxTokens->value();
    decoding.stopSequences = defaultStopSequences();
    return decoding;
}

void BenchmarkView::setDecoding(const BenchmarkDecoding& decoding)
{
    m_greedy->setChecked(decoding.greedy);
    m_samples->setValue(decoding.samplesPerProblem);
    m_temperature->setValue(decoding.temperature);
    m_topP->setValue(decoding.topP);
    m_maxTokens->setValue(decoding.maxNewTokens);
}

void BenchmarkView::start()
{
    QVector<int> rows;
    for (int i = 0; i < m_modelList->count(); ++i)
        if (m_modelList->item(i)->checkState() == Qt::Checked)
            rows << m_modelList->item(i)->data(Qt::UserRole).toInt();
    QString error;
    if (!m_runner.start(m_problems.problemSet(), rows, decoding(), &error)) {
        QMessageBox::warning(this, tr("Benchmark"), error);
        return;
    }
    // Running until `finished`, even a run whose verdicts are all stored (its runs
    // are opened on the judge's thread first).
    const bool running = m_runner.isRunning();
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    showProgress();
}

void BenchmarkView::showProgress()
{
    m_table.setRows(m_runner.progress());
    const int total = m_runner.samplesTotal();
    m_bar->setRange(0, std::max(1, total));
    m_bar->setValue(m_runner.samplesDone());
    const double eta = m_runner.etaSeconds();
    if (!m_runner.isRunning())
        m_eta->setText(tr("%1 of %2 judged").arg(m_runner.samplesDone()).arg(total));
    else if (eta < 0)
        m_eta->setText(tr("estimating…"));
    else
        m_eta->setText(tr("about %1 s left").arg(static_cast<int>(eta + 0.5)));
}

// Stored runs as rows, so results survive closing the window; totals need the
// problem set, read once per file.
void BenchmarkView::reloadStoredRuns()
{
    if (!m_workspace || m_runner.isRunning())
        return;
    try {
        m_table.setRows(storedBenchmarkProgress(*m_workspace));
    } catch (const std::exception& error) {
        m_eta->setText(tr("Could not read the stored runs: %1").arg(QString::fromUtf8(error.what())));
    }
}

}  // namespace rrtf

// The benchmark panel: pick models and decoding, run the open problem set
// through them, watch progress (count, bar, ETA) and a live pass@k table; the
// runs stored in the workspace are listed too and can be resumed.
#pragma once

#include "benchmark_runner.h"

#include <QAbstractTableModel>

#include <array>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace rrtf {

class ModelListModel;
class ProblemListModel;

// One row per model run, a leaderboard: decoding, samples judged, passed,
// pass@1/10/100, generation speed, weight memory, status.
class BenchmarkTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Model, Decoding, Samples, Passed, PassAt1, PassAt10, PassAt100, Speed, Memory, Status, ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRows(std::vector<BenchmarkModelProgress> rows);
    const BenchmarkModelProgress& rowAt(int row) const { return m_rows[static_cast<std::size_t>(row)]; }

private:
    std::vector<BenchmarkModelProgress> m_rows;
    std::vector<std::array<QString, 3>> m_passAt;  // pass@1/10/100 per row, computed once per update
};


class BenchmarkView : public QWidget {
    Q_OBJECT
public:
    BenchmarkView(ModelListModel& models, ProblemListModel& problems, BenchmarkRunner& runner,
                  QWidget* parent = nullptr);

    void setWorkspace(Workspace* workspace);
    void reloadStoredRuns();
    BenchmarkTableModel& table() { return m_table; }
    BenchmarkDecoding decoding() const;
    void setDecoding(const BenchmarkDecoding& decoding);
    // Checks exactly these model rows in the model list.
    void setCheckedModels(const QVector<int>& rows);

public Q_SLOTS:
    void start();
    void refreshModels();

Q_SIGNALS:
    void decodingChanged();  // the user changed a decoding setting (kept in the settings)

private:
    void showProgress();
    void rememberChoice(QListWidgetItem* item);

    ModelListModel& m_models;
    ProblemListModel& m_problems;
    BenchmarkRunner& m_runner;
    Workspace* m_workspace = nullptr;
    BenchmarkTableModel m_table;
    QSet<QString> m_excluded;  // models the user unchecked, by name
    QListWidget* m_modelList;
    QCheckBox* m_greedy;
    QSpinBox* m_samples;
    QDoubleSpinBox* m_temperature;
    QDoubleSpinBox* m_topP;
    QSpinBox* m_maxTokens;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QProgressBar* m_bar;
    QLabel* m_eta;
    QTableView* m_view;
};

}  // namespace rrtf

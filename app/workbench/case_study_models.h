// The item models of the case-study view (the paper's Figure 5): the problems of
// one Venn/UpSet region, problems ranked by how much the models disagree, and
// McNemar's paired test for every pair of models. Each reads a SolveMatrix that
// the view builds from the workspace's benchmark runs; none touches the database.
#pragma once

#include "evaluation/case_study.h"

#include <QAbstractListModel>
#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace rrtf {

// Roles shared by the case-study models.
enum CaseStudyRole {
    CaseStudyTaskIdRole = Qt::UserRole,   // QString: the row's task id (every column)
    CaseStudySortRole = Qt::UserRole + 1, // the cell's raw value for sorting (numbers, natural task order)
};

// The problems of one region: task id and each model's pass fraction.
class RegionProblemsModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit RegionProblemsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // taskIds must be rows of matrix (unknown ones are shown without fractions).
    void setProblems(std::shared_ptr<const SolveMatrix> matrix, const QStringList& taskIds);
    void clear();
    QStringList taskIds() const { return m_taskIds; }
    QString taskIdAt(int row) const;

private:
    std::shared_ptr<const SolveMatrix> m_matrix;
    QStringList m_taskIds;
};

// Problems by disagreement, highest first: task, variance score, then one pass
// fraction column per model (matrix order). Sort through a proxy on CaseStudySortRole.
class DisagreementModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TaskColumn, ScoreColumn, FirstModelColumn };

    explicit DisagreementModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMatrix(std::shared_ptr<const SolveMatrix> matrix);
    void clear();
    QString taskIdAt(int row) const;
    double scoreAt(int row) const;

private:
    std::shared_ptr<const SolveMatrix> m_matrix;
    std::vector<Disagreement> m_rows;
};

// McNemar's test for every pair of models (i < j in matrix order).
class McNemarModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ModelAColumn, ModelBColumn, OnlyAColumn, OnlyBColumn, PValueColumn, ChiSquareColumn, ColumnCount };

    explicit McNemarModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setMatrix(const SolveMatrix& matrix, SolvedRule rule);
    void clear();
    // The row of the pair (either order), or -1.
    int rowOf(const QString& modelA, const QString& modelB) const;
    const McNemarResult& resultAt(int row) const { return m_rows.at(std::size_t(row)).result; }

    static QString formatPValue(double p);      // 3 significant digits
    static QString formatChiSquare(double chi);

private:
    struct Row {
        QString modelA;
        QString modelB;
        McNemarResult result;
    };
    std::vector<Row> m_rows;
};

}  // namespace rrtf

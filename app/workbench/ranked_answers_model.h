// Every answer of one ranked item, teachers first: who wrote it, at what
// temperature, its class, score and tests, and what ranking made of it (the
// best teacher, a pair the loss uses with its r_tea and r_stu, a dropped pair,
// not ranked). The rankings viewer's detail pane lists it.
#pragma once

#include "training/ranking.h"

#include <QAbstractTableModel>

namespace rrtf {

class RankedAnswersModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { AnswerColumn, ModelColumn, TemperatureColumn, ClassColumn, ScoreColumn, TestsColumn,
                  PairColumn, DetailColumn, ColumnCount };

    explicit RankedAnswersModel(QObject* parent = nullptr);

    // Not owned: the item must outlive the model or be replaced first (nullptr empties it).
    void setItem(const RankedItem* item);
    const RankedItem* item() const { return m_item; }

    const RankedAnswer* answerAt(int row) const;
    bool isTeacher(int row) const;
    // The row's index among the teachers or the students.
    int answerIndex(int row) const;
    // The pair the loss forms with this student row; nullptr for teachers and unpaired students.
    const RankedPair* pairAt(int row) const;
    // "Teacher 1 (best)", "Student 2": how the pane names an answer.
    QString answerName(int row) const;
    // What ranking made of the answer, in a few words ("pair: r_tea 3.00, r_stu 0.00").
    QString rankingText(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const RankedItem* m_item = nullptr;
};

}  // namespace rrtf

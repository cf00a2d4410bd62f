// The inspector's view of the answers: only those of one model, one outcome,
// one label (or none) and containing a search text; sorts task ids naturally.
#pragma once

#include <QSortFilterProxyModel>

namespace rrtf {

class AnswerFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AnswerFilterModel(QObject* parent = nullptr);

    // The label filter that keeps only answers without a label (not translated:
    // it is a key, not a text to show).
    static QString unlabelled() { return QStringLiteral("(unlabelled)"); }
    // The outcome filter that keeps every answer that did not pass (a key too).
    static QString failures() { return QStringLiteral("(failures)"); }

    // Empty: no filter. The model name and outcome key ("failed") must match
    // exactly; the label name ignores case; the search text is a case-insensitive
    // substring of the task id, the answer and the verdict's detail.
    void setModelFilter(const QString& model);
    void setOutcomeFilter(const QString& outcome);
    void setLabelFilter(const QString& label);
    void setSearchText(const QString& text);

    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    void setFilter(QString& member, const QString& value);

    QString m_model;
    QString m_outcome;
    QString m_label;
    QString m_search;
};

}  // namespace rrtf

// The problems of the open problem set, for the problem list (task id and the
// first line of what the model is shown).
#pragma once

#include <QAbstractListModel>

#include <memory>

namespace rrtf {

class ProblemSet;
struct Problem;

class ProblemListModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit ProblemListModel(QObject* parent = nullptr);
    ~ProblemListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Reads a problem set (any format the engine knows); throws rrtf::Error naming the file and line.
    void open(const QString& path);
    QString path() const { return m_path; }
    std::shared_ptr<const ProblemSet> problemSet() const { return m_problems; }
    const Problem* problemAt(int row) const;

private:
    QString m_path;
    std::shared_ptr<const ProblemSet> m_problems;
};

}  // namespace rrtf

// The problems of the open problem set, for the problem list (task id with the
// difficulty when the set has one, LeetCode's; the prompt as the tooltip).
#pragma once

#include <QAbstractListModel>

#include <memory>
#include <string>

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

    // LeetCode's "Easy", "Medium" and "Hard" in the user's language; other text as it is.
    static QString difficultyName(const std::string& difficulty);
    // Why the answers to a problem without tests (CoderEval) cannot be judged, in
    // the user's language: the one text the list, the panes and the benchmark show.
    static QString noTestsText();

private:
    QString m_path;
    std::shared_ptr<const ProblemSet> m_problems;
};

}  // namespace rrtf

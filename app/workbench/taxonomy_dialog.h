// The failure taxonomy editor the inspector opens: adds, renames, deletes and
// reorders the failure labels and sets their one-key shortcuts.
#pragma once

#include <QDialog>

#include <cstdint>
#include <functional>

class QListWidget;

namespace rrtf {

class Workspace;

// Each change is written to the workspace at once; errors are shown, not thrown.
class TaxonomyDialog : public QDialog {
    Q_OBJECT
public:
    explicit TaxonomyDialog(Workspace& workspace, QWidget* parent = nullptr);
    QListWidget* list() const { return m_list; }

private:
    void refresh(std::int64_t selectId = 0);
    std::int64_t selectedId() const;
    void addLabel();
    void renameLabel();
    void setKey();
    void deleteLabel();
    void move(int delta);
    void attempt(const std::function<void()>& action);

    Workspace& m_workspace;
    QListWidget* m_list;
};

}  // namespace rrtf

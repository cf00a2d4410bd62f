// Preferences page for keyboard shortcuts: every remappable action with its
// keys in a QKeySequenceEdit, its default, and the clashes (two actions on one
// key, or a key the editor owns) shown as they appear; OK stays off while any remain.
#pragma once

#include "shortcut_map.h"

#include <QDialog>

class QDialogButtonBox;
class QKeySequenceEdit;
class QLabel;
class QTableWidget;

namespace rrtf {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const ShortcutMap& shortcuts, QWidget* parent = nullptr);

    QMap<QString, QKeySequence> chosenKeys() const;  // by action id
    QKeySequenceEdit* editorFor(const QString& id) const { return m_edits.value(id); }
    QStringList conflicts() const;
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void restoreDefaults();
    void updateConflicts();

    QMap<QString, QKeySequenceEdit*> m_edits;
    QMap<QString, QKeySequence> m_defaults;
    QMap<QString, QString> m_labels;
    QTableWidget* m_table;
    QLabel* m_conflictText;
    QDialogButtonBox* m_buttons;
};

// An action's menu text as a label: without the & mnemonic and the trailing "…".
QString actionLabel(const QString& menuText);

}  // namespace rrtf

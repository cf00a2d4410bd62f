#include "shortcuts_dialog.h"

#include "widgets/error_label.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rrtf {

QString actionLabel(const QString& menuText)
{
    QString label = menuText;
    label.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    if (label.endsWith(QChar(0x2026)))
        label.chop(1);
    return label;
}

ShortcutsDialog::ShortcutsDialog(const ShortcutMap& shortcuts, QWidget* parent)
    : QDialog(parent),
      m_table(new QTableWidget(static_cast<int>(shortcuts.entries().size()), 3, this)),
      m_conflictText(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                     QDialogButtonBox::RestoreDefaults, this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut"), tr("Default")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    int row = 0;
    for (const ShortcutEntry& entry : shortcuts.entries()) {
        const QString label = actionLabel(entry.action->text());
        m_labels.insert(entry.id, label);
        m_defaults.insert(entry.id, entry.defaultKeys);
        m_table->setItem(row, 0, new QTableWidgetItem(label));
        auto* edit = new QKeySequenceEdit(entry.action->shortcut(), m_table);
        edit->setClearButtonEnabled(true);
        edit->setAccessibleName(tr("Shortcut for %1").arg(label));
        connect(edit, &QKeySequenceEdit::keySequenceChanged, this, &ShortcutsDialog::updateConflicts);
        m_table->setCellWidget(row, 1, edit);
        m_edits.insert(entry.id, edit);
        m_table->setItem(row, 2, new QTableWidgetItem(entry.defaultKeys.toString(QKeySequence::NativeText)));
        ++row;
    }
    m_conflictText->setWordWrap(true);
    styleAsError(m_conflictText);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Click a shortcut and press the new keys; the clear button removes it."), this));
    layout->addWidget(m_table);
    layout->addWidget(m_conflictText);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &ShortcutsDialog::restoreDefaults);
    updateConflicts();
    resize(560, 480);
}

QMap<QString, QKeySequence> ShortcutsDialog::chosenKeys() const
{
    QMap<QString, QKeySequence> keys;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        keys.insert(it.key(), it.value()->keySequence());
    return keys;
}

QStringList ShortcutsDialog::conflicts() const
{
    return shortcutConflicts(chosenKeys(), m_labels);
}

void ShortcutsDialog::restoreDefaults()
{
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        it.value()->setKeySequence(m_defaults.value(it.key()));
    updateConflicts();
}

void ShortcutsDialog::updateConflicts()
{
    const QStringList found = conflicts();
    m_conflictText->setText(found.join(QLatin1Char('\n')));
    m_conflictText->setVisible(!found.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(found.isEmpty());
}

}  // namespace rrtf

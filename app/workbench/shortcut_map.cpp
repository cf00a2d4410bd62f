#include "shortcut_map.h"

#include "free_tr.h"

#include <QAction>
#include <QCoreApplication>

namespace rrtf {
namespace {

QString keysText(const QKeySequence& keys)
{
    return keys.toString(QKeySequence::NativeText);
}

}  // namespace

void ShortcutMap::add(QAction* action, const QString& id, const QKeySequence& defaultKeys,
                      const QMap<QString, QKeySequence>& overrides)
{
    action->setObjectName(id);
    action->setShortcut(overrides.value(id, defaultKeys));
    m_entries.push_back({id, action, defaultKeys});
}

QMap<QString, QKeySequence> ShortcutMap::apply(const QMap<QString, QKeySequence>& keys)
{
    QMap<QString, QKeySequence> changed;
    for (const ShortcutEntry& entry : m_entries) {
        const QKeySequence chosen = keys.value(entry.id, entry.action->shortcut());
        entry.action->setShortcut(chosen);
        if (chosen != entry.defaultKeys)
            changed.insert(entry.id, chosen);
    }
    return changed;
}

QVector<ReservedShortcut> reservedShortcuts()
{
    return {
        {QKeySequence(Qt::CTRL | Qt::Key_F), tr("find in the editor")},
        {QKeySequence(Qt::Key_F3), tr("find next in the editor")},
        {QKeySequence(Qt::SHIFT | Qt::Key_F3), tr("find previous in the editor")},
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), tr("zoom in the editor")},
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), tr("zoom in the editor")},
        {QKeySequence(Qt::CTRL | Qt::Key_Minus), tr("zoom out the editor")},
        {QKeySequence(Qt::CTRL | Qt::Key_0), tr("reset the editor's zoom")},
        // Editing keys of every editor and text field: a window shortcut on one
        // would take it from them (Ctrl+Z would run instead of undoing).
        {QKeySequence(Qt::CTRL | Qt::Key_Z), tr("undo")},
        {QKeySequence(Qt::CTRL | Qt::Key_Y), tr("redo")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), tr("redo")},
        {QKeySequence(Qt::CTRL | Qt::Key_X), tr("cut")},
        {QKeySequence(Qt::SHIFT | Qt::Key_Delete), tr("cut")},
        {QKeySequence(Qt::CTRL | Qt::Key_C), tr("copy")},
        {QKeySequence(Qt::CTRL | Qt::Key_Insert), tr("copy")},
        {QKeySequence(Qt::CTRL | Qt::Key_V), tr("paste")},
        {QKeySequence(Qt::SHIFT | Qt::Key_Insert), tr("paste")},
        {QKeySequence(Qt::CTRL | Qt::Key_A), tr("select all")},
        {QKeySequence(Qt::CTRL | Qt::Key_Backspace), tr("delete the previous word")},
        {QKeySequence(Qt::CTRL | Qt::Key_Delete), tr("delete the next word")},
        {QKeySequence(Qt::Key_Backspace), tr("delete the previous character")},
        {QKeySequence(Qt::Key_Delete), tr("delete the next character")},
        {QKeySequence(Qt::Key_Return), tr("start a new line")},
        {QKeySequence(Qt::Key_Tab), tr("indent")},
    };
}

QStringList shortcutConflicts(const QMap<QString, QKeySequence>& keys, const QMap<QString, QString>& labels)
{
    QStringList conflicts;
    QMap<QString, QString> firstOwner;  // keys text -> id
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        const QString text = keysText(it.value());
        const QString label = labels.value(it.key(), it.key());
        if (firstOwner.contains(text)) {
            conflicts << tr("%1 is given to both \"%2\" and \"%3\".")
                             .arg(text, labels.value(firstOwner[text], firstOwner[text]), label);
            continue;
        }
        firstOwner.insert(text, it.key());
        for (const ReservedShortcut& reserved : reservedShortcuts())
            if (reserved.keys == it.value())
                conflicts << tr("%1 (\"%2\") is the editor's key to %3.").arg(text, label, reserved.purpose);
    }
    return conflicts;
}

}  // namespace rrtf

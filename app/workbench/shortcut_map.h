// The window's remappable keyboard shortcuts: every menu action that has one is
// registered here under a stable id with its default keys; the user's changes
// are kept in the settings and applied at start. Keys that widgets own (the
// editor's find and zoom keys, the editing keys of every text field: undo,
// cut, copy, paste, select all, ...) are listed as reserved so a remap cannot
// steal them.
#pragma once

#include <QKeySequence>
#include <QMap>
#include <QString>
#include <QVector>

class QAction;

namespace rrtf {

struct ShortcutEntry {
    QString id;                // stable, saved in the settings ("run.all")
    QAction* action = nullptr;
    QKeySequence defaultKeys;
};

// Keys a widget handles itself, with what they do there.
struct ReservedShortcut {
    QKeySequence keys;
    QString purpose;
};

class ShortcutMap {
public:
    // Registers `action` (and names it `id`), giving it the override from
    // `overrides` when there is one, else `defaultKeys`.
    void add(QAction* action, const QString& id, const QKeySequence& defaultKeys,
             const QMap<QString, QKeySequence>& overrides);
    const QVector<ShortcutEntry>& entries() const { return m_entries; }

    // Sets the keys of every registered action from `keys` (by id; a missing id
    // keeps its action's keys) and returns what differs from the defaults, for the settings.
    QMap<QString, QKeySequence> apply(const QMap<QString, QKeySequence>& keys);

private:
    QVector<ShortcutEntry> m_entries;
};

// The keys the editor owns (find, find next/previous, zoom) and the editing
// keys every editor and text field owns (undo, redo, cut, copy, paste, ...).
QVector<ReservedShortcut> reservedShortcuts();

// For a proposed assignment (id -> keys; empty keys mean none), one line per
// clash: two actions on the same keys, or an action on a reserved key. Labels
// name the actions as the menu does (without the & mnemonic).
QStringList shortcutConflicts(const QMap<QString, QKeySequence>& keys, const QMap<QString, QString>& labels);

}  // namespace rrtf

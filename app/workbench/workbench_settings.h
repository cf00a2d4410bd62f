// The one typed view of QSettings: every key the workbench stores, with its
// default, in one place.
#pragma once

#include "benchmark_runs.h"
#include "model_list_model.h"

#include <QByteArray>
#include <QKeySequence>
#include <QMap>
#include <QSettings>
#include <QStringList>

namespace rrtf {

class WorkbenchSettings {
public:
    // Bumped when docks are added or renamed: an older saved layout is then ignored.
    static constexpr int kLayoutVersion = 2;

    WorkbenchSettings();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;  // empty when saved by another layout version
    void setWindowState(const QByteArray& state);

    QVector<ModelSlot> modelSlots() const;
    void setModelSlots(const QVector<ModelSlot>& models);
    bool hasModelSlots() const;

    QString problemSetPath() const;
    void setProblemSetPath(const QString& path);
    QStringList recentWorkspaces() const;
    void addRecentWorkspace(const QString& path);  // most recent first, at most 8

    int editorZoom() const;
    void setEditorZoom(int zoom);
    bool syncScrolling() const;
    void setSyncScrolling(bool on);
    // Shortcut keys the user changed, by action id (ShortcutMap); others keep their defaults.
    QMap<QString, QKeySequence> shortcutOverrides() const;
    void setShortcutOverrides(const QMap<QString, QKeySequence>& keys);
    QStringList trainingRuns() const;  // run folders the training dashboard follows
    void setTrainingRuns(const QStringList& folders);
    QString theme() const;  // "system" (follow the OS), "light" or "dark"
    void setTheme(const QString& name);
    QString annotator() const;  // who labels, for agreement between annotators
    void setAnnotator(const QString& name);
    // The benchmark tab's decoding (greedy or n samples at T / top-p, max tokens, seed),
    // so that Start after a restart resumes the same run. Stop sequences are not kept.
    BenchmarkDecoding benchmarkDecoding() const;
    void setBenchmarkDecoding(const BenchmarkDecoding& decoding);

private:
    mutable QSettings m_settings;
};

}  // namespace rrtf

#include "workbench_settings.h"

#include <QDir>

namespace rrtf {

WorkbenchSettings::WorkbenchSettings() = default;

QByteArray WorkbenchSettings::windowGeometry() const
{
    return m_settings.value("window/geometry").toByteArray();
}

void WorkbenchSettings::setWindowGeometry(const QByteArray& geometry)
{
    m_settings.setValue("window/geometry", geometry);
}

QByteArray WorkbenchSettings::windowState() const
{
    if (m_settings.value("window/layoutVersion").toInt() != kLayoutVersion)
        return {};
    return m_settings.value("window/state").toByteArray();
}

void WorkbenchSettings::setWindowState(const QByteArray& state)
{
    m_settings.setValue("window/state", state);
    m_settings.setValue("window/layoutVersion", kLayoutVersion);
}

QVector<ModelSlot> WorkbenchSettings::modelSlots() const
{
    QVector<ModelSlot> result;
    const int count = m_settings.beginReadArray("models");
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        ModelSlot slot;
        slot.name = m_settings.value("name").toString();
        slot.directory = m_settings.value("directory").toString();
        slot.device = m_settings.value("device", slot.device).toString();
        slot.dtype = m_settings.value("dtype", slot.dtype).toString();
        slot.promptTemplate = m_settings.value("template", slot.promptTemplate).toString();
        slot.customTemplate = m_settings.value("customTemplate").toString();
        result.push_back(slot);
    }
    m_settings.endArray();
    return result;
}

void WorkbenchSettings::setModelSlots(const QVector<ModelSlot>& models)
{
    m_settings.remove("models");
    m_settings.beginWriteArray("models", static_cast<int>(models.size()));
    for (int i = 0; i < models.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue("name", models[i].name);
        m_settings.setValue("directory", models[i].directory);
        m_settings.setValue("device", models[i].device);
        m_settings.setValue("dtype", models[i].dtype);
        m_settings.setValue("template", models[i].promptTemplate);
        m_settings.setValue("customTemplate", models[i].customTemplate);
    }
    m_settings.endArray();
    m_settings.setValue("modelsConfigured", true);
}

bool WorkbenchSettings::hasModelSlots() const
{
    return m_settings.value("modelsConfigured", false).toBool();
}

QString WorkbenchSettings::problemSetPath() const
{
    return m_settings.value("problems/path").toString();
}

void WorkbenchSettings::setProblemSetPath(const QString& path)
{
    m_settings.setValue("problems/path", path);
}

QStringList WorkbenchSettings::recentWorkspaces() const
{
    return m_settings.value("workspaces/recent").toStringList();
}

void WorkbenchSettings::addRecentWorkspace(const QString& path)
{
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    m_settings.setValue("workspaces/recent", recent);
}

int WorkbenchSettings::editorZoom() const
{
    return m_settings.value("editor/zoom", 0).toInt();
}

void WorkbenchSettings::setEditorZoom(int zoom)
{
    m_settings.setValue("editor/zoom", zoom);
}

bool WorkbenchSettings::syncScrolling() const
{
    return m_settings.value("compare/syncScrolling", true).toBool();
}

void WorkbenchSettings::setSyncScrolling(bool on)
{
    m_settings.setValue("compare/syncScrolling", on);
}

QMap<QString, QKeySequence> WorkbenchSettings::shortcutOverrides() const
{
    QMap<QString, QKeySequence> keys;
    m_settings.beginGroup("shortcuts");
    for (const QString& id : m_settings.childKeys())
        keys.insert(id, QKeySequence(m_settings.value(id).toString(), QKeySequence::PortableText));
    m_settings.endGroup();
    return keys;
}

void WorkbenchSettings::setShortcutOverrides(const QMap<QString, QKeySequence>& keys)
{
    m_settings.remove("shortcuts");
    m_settings.beginGroup("shortcuts");
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        m_settings.setValue(it.key(), it.value().toString(QKeySequence::PortableText));
    m_settings.endGroup();
}

QStringList WorkbenchSettings::trainingRuns() const
{
    return m_settings.value("trainingRuns").toStringList();
}

void WorkbenchSettings::setTrainingRuns(const QStringList& folders)
{
    m_settings.setValue("trainingRuns", folders);
}

QString WorkbenchSettings::theme() const
{
    return m_settings.value("theme", QStringLiteral("system")).toString();
}

void WorkbenchSettings::setTheme(const QString& name)
{
    m_settings.setValue("theme", name);
}

QString WorkbenchSettings::annotator() const
{
    return m_settings.value("annotation/annotator", qEnvironmentVariable("USER", QStringLiteral("annotator")))
        .toString();
}

void WorkbenchSettings::setAnnotator(const QString& name)
{
    m_settings.setValue("annotation/annotator", name);
}

BenchmarkDecoding WorkbenchSettings::benchmarkDecoding() const
{
    BenchmarkDecoding decoding;
    decoding.greedy = m_settings.value("benchmark/greedy", decoding.greedy).toBool();
    decoding.samplesPerProblem = m_settings.value("benchmark/samples", decoding.samplesPerProblem).toInt();
    decoding.temperature = m_settings.value("benchmark/temperature", decoding.temperature).toDouble();
    decoding.topP = m_settings.value("benchmark/topP", decoding.topP).toDouble();
    decoding.maxNewTokens = m_settings.value("benchmark/maxNewTokens", decoding.maxNewTokens).toInt();
    decoding.seed = m_settings.value("benchmark/seed", decoding.seed).toULongLong();
    return decoding;
}

void WorkbenchSettings::setBenchmarkDecoding(const BenchmarkDecoding& decoding)
{
    m_settings.setValue("benchmark/greedy", decoding.greedy);
    m_settings.setValue("benchmark/samples", decoding.samplesPerProblem);
    m_settings.setValue("benchmark/temperature", decoding.temperature);
    m_settings.setValue("benchmark/topP", decoding.topP);
    m_settings.setValue("benchmark/maxNewTokens", decoding.maxNewTokens);
    m_settings.setValue("benchmark/seed", decoding.seed);
}

}  // namespace rrtf

#include "model_list_model.h"

#include "model_prompt.h"
#include "model_table_delegate.h"

#include <QLocale>

#include <algorithm>

namespace rrtf {

QString stateText(ModelState state)
{
    switch (state) {
    case ModelState::Unloaded: return ModelListModel::tr("not loaded");
    case ModelState::Loading: return ModelListModel::tr("loading");
    case ModelState::Loaded: return ModelListModel::tr("loaded");
    case ModelState::Failed: return ModelListModel::tr("failed");
    }
    return {};
}

ModelListModel::ModelListModel(QObject* parent) : QAbstractTableModel(parent)
{
    qRegisterMetaType<LoadedModelInfo>();
    qRegisterMetaType<PaneRequest>();
    qRegisterMetaType<PaneResult>();
}

// At exit the host threads are joined, but only after what they run was told to stop.
ModelListModel::~ModelListModel()
{
    // Retiring rows were cancelled when they were removed, and their host may
    // already be deleted (it goes with its thread): only wait for those.
    for (auto& row : m_rows) {
        row->loadCancel.cancel();
        row->host->cancel();
        row->thread.quit();
    }
    for (auto* rows : {&m_rows, &m_retiring})
        for (auto& row : *rows)
            row->thread.wait();
}

int ModelListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ModelListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const Row& row = *m_rows[index.row()];
    if (role == Qt::ToolTipRole)
        return toolTip(row, index.column());
    if (role == ProgressRole && index.column() == State)
        return row.state == ModelState::Loading ? QVariant(row.progress) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Name: return row.slot.name;
    case Directory: return row.slot.directory;
    case Device: return row.slot.device;
    case DType: return row.slot.dtype;
    case Template: return row.slot.promptTemplate;
    case State:
        return row.state == ModelState::Loading ? tr("%1 (%2%)").arg(row.phase).arg(row.progress)
                                                : stateText(row.state);
    case Memory: {
        if (row.state != ModelState::Loaded)
            return QString();
        const QString size = QLocale().formattedDataSize(row.info.weightBytes);
        // A quantised model says how: "int8", "gptq4 g128 act-order" (a GPTQ folder under any dtype).
        return row.info.precision.isEmpty() || row.info.precision == row.slot.dtype
                   ? size
                   : tr("%1 (%2)").arg(size, row.info.precision);
    }
    }
    return {};
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Directory: return tr("Checkpoint folder");
    case Device: return tr("Device");
    case DType: return tr("Precision");
    case Template: return tr("Template");
    case State: return tr("State");
    case Memory: return tr("Memory");
    }
    return {};
}

Qt::ItemFlags ModelListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const int column = index.column();
    if (column == Name || column == Device || column == DType || column == Template || column == Directory)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ModelListModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    ModelSlot& slot = m_rows[index.row()]->slot;
    const ModelSlot before = slot;
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case Name: slot.name = text; break;
    case Directory: slot.directory = text; break;
    case Device:
        if (text != "cpu" && !text.startsWith("cuda"))
            return false;
        slot.device = text;
        break;
    case DType:
        if (!ModelTableDelegate::choices(DType).contains(text))
            return false;
        slot.dtype = text;
        break;
    case Template:
        if (!promptTemplateNames().contains(text))
            return false;
        if (text == QLatin1String("custom") && !promptTemplateProblem(slot.customTemplate).isEmpty())
            return false;  // no usable custom text yet: the template dialog sets it
        slot.promptTemplate = text;
        break;
    default: return false;
    }
    Q_EMIT dataChanged(index, index);
    Q_EMIT stateChanged(index.row());
    // A loaded model follows its row: another folder, device or precision loads it again
    // (the old one answers until the new one is ready).
    const bool loadedChanged = slot.directory != before.directory || slot.device != before.device ||
                               slot.dtype != before.dtype;
    if (loadedChanged && stateAt(index.row()) == ModelState::Loaded)
        load(index.row());
    return true;
}

void ModelListModel::setCustomTemplate(int row, const QString& text)
{
    if (row < 0 || row >= rowCount() || !promptTemplateProblem(text).isEmpty())
        return;
    ModelSlot& slot = m_rows[row]->slot;
    slot.customTemplate = text;
    slot.promptTemplate = QStringLiteral("custom");
    changed(row);
}

QString ModelListModel::toolTip(const Row& row, int column)
{
    if (row.state == ModelState::Failed)
        return row.error;
    if (column == Template) {
        try {
            return promptTemplateText(row.slot.promptTemplate, row.slot.customTemplate);
        } catch (const std::exception& error) {
            return QString::fromUtf8(error.what());
        }
    }
    if (column == DType)
        return tr("float32, bfloat16 and float16 compute in that type; int8 and int4 quantise the weights at load "
                  "(int4: 4 bits in groups of 128). A GPTQ folder loads quantised whatever is picked here.");
    if (column == Memory && row.state == ModelState::Loaded)  // the cell itself is often cut short
        return tr("The weights take %1 in memory, held as %2.")
            .arg(QLocale().formattedDataSize(row.info.weightBytes),
                 row.info.precision.isEmpty() ? row.slot.dtype : row.info.precision);
    return row.slot.directory;
}

int ModelListModel::addSlot(const ModelSlot& slot)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    auto entry = std::make_unique<Row>();
    entry->slot = slot;
    entry->host = new ModelHost;
    entry->host->moveToThread(&entry->thread);
    connect(&entry->thread, &QThread::finished, entry->host, &QObject::deleteLater);
    ModelHost* host = entry->host;
    connect(host, &ModelHost::loadProgress, this, [this, host](int percent, const QString& phase) {
        const int r = rowOf(host);
        if (r < 0)
            return;
        m_rows[r]->progress = percent;
        m_rows[r]->phase = phase;
        changed(r);
    });
    connect(host, &ModelHost::loaded, this, [this, host](const LoadedModelInfo& info) {
        const int r = rowOf(host);
        if (r < 0)
            return;
        if (m_rows[r]->loadCancel.isCancelled()) {
            // Unload was pressed as the load was finishing: it still wins.
            QMetaObject::invokeMethod(host, "unload", Qt::QueuedConnection);
            m_rows[r]->state = ModelState::Unloaded;
            changed(r);
            return;
        }
        m_rows[r]->state = ModelState::Loaded;
        m_rows[r]->info = info;
        m_rows[r]->error.clear();
        changed(r);
    });
    connect(host, &ModelHost::loadFailed, this, [this, host](const QString& message) {
        const int r = rowOf(host);
        if (r < 0)
            return;
        m_rows[r]->state = ModelState::Failed;
        m_rows[r]->error = message;
        changed(r);
    });
    connect(host, &ModelHost::unloaded, this, [this, host] {
        const int r = rowOf(host);
        if (r < 0 || m_rows[r]->state == ModelState::Loading)
            return;  // a load queued after the unload is on its way
        m_rows[r]->state = ModelState::Unloaded;
        changed(r);
    });
    connect(host, &ModelHost::loadCancelled, this, [this, host] {
        const int r = rowOf(host);
        if (r < 0)
            return;
        m_rows[r]->state = ModelState::Unloaded;
        m_rows[r]->error.clear();
        changed(r);
    });
    entry->thread.setObjectName(QStringLiteral("model host: %1").arg(slot.name));
    entry->thread.start();
    m_rows.push_back(std::move(entry));
    endInsertRows();
    return row;
}

void ModelListModel::removeSlot(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    std::unique_ptr<Row> entry = std::move(m_rows[row]);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    retire(std::move(entry));
}

void ModelListModel::retire(std::unique_ptr<Row> row)
{
    row->loadCancel.cancel();
    row->host->cancel();
    // The weights are freed on the host thread, which then ends; the row is
    // deleted once it has (reap), so nothing here waits for it.
    QThread* thread = &row->thread;
    QMetaObject::invokeMethod(row->host, [host = row->host, thread] {
        host->unload();
        thread->quit();
    }, Qt::QueuedConnection);
    const Row* raw = row.get();
    connect(thread, &QThread::finished, this, [this, raw] { reap(raw); }, Qt::QueuedConnection);
    m_retiring.push_back(std::move(row));
}

void ModelListModel::reap(const Row* row)
{
    const auto found = std::find_if(m_retiring.begin(), m_retiring.end(),
                                    [row](const std::unique_ptr<Row>& each) { return each.get() == row; });
    // Queued after finished(): isFinished() holds by now (Qt counts a thread in its
    // last clean-up as finished), and ~QThread lets that clean-up end.
    if (found != m_retiring.end())
        m_retiring.erase(found);
}

QVector<ModelSlot> ModelListModel::allSlots() const
{
    QVector<ModelSlot> result;
    for (const auto& row : m_rows)
        result.push_back(row->slot);
    return result;
}

QVector<int> ModelListModel::loadedRows() const
{
    QVector<int> result;
    for (int r = 0; r < rowCount(); ++r)
        if (m_rows[r]->state == ModelState::Loaded)
            result.push_back(r);
    return result;
}

void ModelListModel::load(int row)
{
    if (row < 0 || row >= rowCount() || m_rows[row]->state == ModelState::Loading)
        return;
    Row& entry = *m_rows[row];
    entry.state = ModelState::Loading;
    entry.progress = 0;
    entry.phase = tr("Waiting");
    entry.loadCancel = CancellationToken();
    changed(row);
    const quint64 loadId = entry.host->prepareLoad(entry.loadCancel);
    QMetaObject::invokeMethod(entry.host, "load", Qt::QueuedConnection, Q_ARG(QString, entry.slot.directory),
                              Q_ARG(QString, entry.slot.device), Q_ARG(QString, entry.slot.dtype),
                              Q_ARG(quint64, loadId));
}

void ModelListModel::unload(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    Row& entry = *m_rows[row];
    if (entry.state == ModelState::Loading) {
        // The host stops between tensors and answers loadCancelled (the row becomes Unloaded).
        entry.loadCancel.cancel();
        entry.phase = tr("Cancelling");
        changed(row);
        return;
    }
    entry.host->cancel();
    QMetaObject::invokeMethod(entry.host, "unload", Qt::QueuedConnection);
}

int ModelListModel::rowOf(const ModelHost* host) const
{
    for (int r = 0; r < rowCount(); ++r)
        if (m_rows[r]->host == host)
            return r;
    return -1;
}

void ModelListModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT stateChanged(row);
}

}  // namespace rrtf

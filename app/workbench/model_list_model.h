// The models of the workbench (the model manager's table): each row is a slot
// with a checkpoint folder, device, dtype and prompt template, and owns the
// ModelHost that runs it on its own thread.
#pragma once

#include "model_host.h"
#include "model_slot.h"

#include <QAbstractTableModel>
#include <QThread>

#include <memory>
#include <vector>

namespace rrtf {

enum class ModelState { Unloaded, Loading, Loaded, Failed };

class ModelListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Directory, Device, DType, Template, State, Memory, ColumnCount };
    // State column: the load progress in percent while loading, invalid otherwise.
    static constexpr int ProgressRole = Qt::UserRole;

    explicit ModelListModel(QObject* parent = nullptr);
    ~ModelListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    int addSlot(const ModelSlot& slot);
    // Removes the row at once; its generation and load are cancelled and its host
    // thread frees the weights and ends on its own (the GUI thread never waits for it).
    void removeSlot(int row);
    QVector<ModelSlot> allSlots() const;
    const ModelSlot& slotAt(int row) const { return m_rows[row]->slot; }
    ModelState stateAt(int row) const { return m_rows[row]->state; }
    const LoadedModelInfo& infoAt(int row) const { return m_rows[row]->info; }
    QString errorAt(int row) const { return m_rows[row]->error; }
    ModelHost* hostAt(int row) const { return m_rows[row]->host; }
    QVector<int> loadedRows() const;

    // Makes the row use its own template text (ignored unless it has {instruction}).
    void setCustomTemplate(int row, const QString& text);

    void load(int row);
    // Unloads the row's model; a load in progress is cancelled (the row goes back to
    // Unloaded, not Failed). Never waits: the host thread does the work.
    void unload(int row);

Q_SIGNALS:
    void stateChanged(int row);

private:
    struct Row {
        ModelSlot slot;
        ModelState state = ModelState::Unloaded;
        int progress = 0;
        QString phase;
        QString error;
        LoadedModelInfo info;
        CancellationToken loadCancel;  // of the load in progress
        QThread thread;
        ModelHost* host = nullptr;  // lives in `thread`; deleted when it finishes
    };
    void retire(std::unique_ptr<Row> row);
    void reap(const Row* row);
    static QString toolTip(const Row& row, int column);
    int rowOf(const ModelHost* host) const;
    void changed(int row);

    std::vector<std::unique_ptr<Row>> m_rows;
    std::vector<std::unique_ptr<Row>> m_retiring;  // removed rows whose host thread is still ending
};

QString stateText(ModelState state);

}  // namespace rrtf

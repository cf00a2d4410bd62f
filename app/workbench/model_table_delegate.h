// How the model manager's table draws and edits its cells: a progress bar in
// the State column while a model loads, and pickers (not free text) for the
// device, dtype and prompt template.
#pragma once

#include <QStyledItemDelegate>

namespace rrtf {

class ModelTableDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;

    // The values offered for a column (empty: free text).
    static QStringList choices(int column);
};

}  // namespace rrtf

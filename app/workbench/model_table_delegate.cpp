#include "model_table_delegate.h"

#include "model_list_model.h"
#include "model_prompt.h"

#include <QApplication>
#include <QComboBox>
#include <QStyleOptionProgressBar>

namespace rrtf {

QStringList ModelTableDelegate::choices(int column)
{
    switch (column) {
    case ModelListModel::Device: return {QStringLiteral("cpu"), QStringLiteral("cuda"), QStringLiteral("cuda:1")};
    case ModelListModel::DType:
        return {QStringLiteral("float32"), QStringLiteral("bfloat16"), QStringLiteral("float16"), QStringLiteral("int8"),
                QStringLiteral("int4")};
    case ModelListModel::Template: return promptTemplateNames();
    default: return {};
    }
}

void ModelTableDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QVariant progress = index.data(ModelListModel::ProgressRole);
    if (index.column() != ModelListModel::State || !progress.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = progress.toInt();
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    // Qt 6 reads the orientation from the state: without Horizontal, Fusion draws
    // the bar rotated, outside the cell (stray blue bars below the rows).
    bar.state = option.state | QStyle::State_Horizontal;
    const QWidget* widget = option.widget;
    (widget ? widget->style() : QApplication::style())->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QWidget* ModelTableDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                          const QModelIndex& index) const
{
    const QStringList values = choices(index.column());
    if (values.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* combo = new QComboBox(parent);
    combo->addItems(values);
    combo->setEditable(index.column() == ModelListModel::Device);  // cuda:N for any N
    return combo;
}

void ModelTableDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        combo->setCurrentText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ModelTableDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        model->setData(index, combo->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

}  // namespace rrtf

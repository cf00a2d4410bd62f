#include "taxonomy_dialog.h"

#include "failure_label_text.h"
#include "inspector_view.h"
#include "store/annotations.h"
#include "store/workspace.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace rrtf {

TaxonomyDialog::TaxonomyDialog(Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Failure taxonomy"));
    m_list->setAccessibleName(tr("Failure labels"));
    auto* buttons = new QVBoxLayout;
    const std::pair<QString, void (TaxonomyDialog::*)()> actions[] = {
        {tr("Add…"), &TaxonomyDialog::addLabel},       {tr("Rename…"), &TaxonomyDialog::renameLabel},
        {tr("Set key…"), &TaxonomyDialog::setKey},     {tr("Delete"), &TaxonomyDialog::deleteLabel},
    };
    for (const auto& [text, slot] : actions) {
        auto* button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, slot);
        buttons->addWidget(button);
    }
    auto* up = new QPushButton(tr("Move up"), this);
    auto* down = new QPushButton(tr("Move down"), this);
    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(1); });
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch(1);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(close);
    refresh();
}

void TaxonomyDialog::attempt(const std::function<void()>& action)
{
    try {
        action();
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Failure taxonomy"), QString::fromStdString(error.what()));
    }
    refresh(selectedId());
}

void TaxonomyDialog::refresh(std::int64_t selectId)
{
    std::vector<FailureLabel> labels;
    try {
        labels = Annotations(m_workspace).labels();
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Failure taxonomy"), QString::fromStdString(error.what()));
    }
    m_list->clear();
    for (const FailureLabel& label : labels) {
        auto* item = new QListWidgetItem(InspectorView::labelCaption(label), m_list);
        item->setData(Qt::UserRole, QVariant::fromValue<qint64>(label.id));
        item->setToolTip(failureLabelDescription(label.name, label.description));
        if (label.id == selectId)
            m_list->setCurrentItem(item);
    }
}

std::int64_t TaxonomyDialog::selectedId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void TaxonomyDialog::addLabel()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add label"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    attempt([&] {
        Annotations annotations(m_workspace);
        std::string key;  // the first free digit, so that a new label has a key at once
        for (char digit = '1'; digit <= '9' && key.empty(); ++digit) {
            key = std::string(1, digit);
            for (const FailureLabel& label : annotations.labels())
                if (label.shortcut == key)
                    key.clear();
        }
        const FailureLabel added = annotations.addLabel(name.toStdString(), {}, key);
        refresh(added.id);
    });
}

void TaxonomyDialog::renameLabel()
{
    const std::int64_t id = selectedId();
    if (!id)
        return;
    attempt([&] {
        Annotations annotations(m_workspace);
        const std::optional<FailureLabel> label = annotations.label(id);
        if (!label)
            return;
        bool ok = false;
        const QString shown = failureLabelName(label->name);  // a default label in the user's language
        const QString name = QInputDialog::getText(this, tr("Rename label"), tr("Name:"), QLineEdit::Normal,
                                                   shown, &ok);
        if (ok && name != shown)
            annotations.renameLabel(id, name.toStdString());
    });
}

void TaxonomyDialog::setKey()
{
    const std::int64_t id = selectedId();
    if (!id)
        return;
    attempt([&] {
        Annotations annotations(m_workspace);
        const std::optional<FailureLabel> label = annotations.label(id);
        if (!label)
            return;
        bool ok = false;
        const QString key = QInputDialog::getText(this, tr("Label key"), tr("One character (empty: none):"),
                                                  QLineEdit::Normal, QString::fromStdString(label->shortcut), &ok);
        if (ok)
            annotations.describeLabel(id, label->description, key.trimmed().toStdString());
    });
}

void TaxonomyDialog::deleteLabel()
{
    const std::int64_t id = selectedId();
    if (!id || QMessageBox::question(this, tr("Delete label"),
                                     tr("Delete “%1”? Answers labelled with it keep their notes and become unlabelled.")
                                         .arg(m_list->currentItem()->text()))
                   != QMessageBox::Yes)
        return;
    attempt([&] { Annotations(m_workspace).deleteLabel(id); });
}

void TaxonomyDialog::move(int delta)
{
    const std::int64_t id = selectedId();
    if (!id)
        return;
    attempt([&] {
        Annotations annotations(m_workspace);
        std::vector<std::int64_t> ids;
        for (const FailureLabel& label : annotations.labels())
            ids.push_back(label.id);
        const auto at = std::find(ids.begin(), ids.end(), id) - ids.begin();
        const auto to = at + delta;
        if (at >= static_cast<std::ptrdiff_t>(ids.size()) || to < 0 || to >= static_cast<std::ptrdiff_t>(ids.size()))
            return;
        std::swap(ids[static_cast<std::size_t>(at)], ids[static_cast<std::size_t>(to)]);
        annotations.reorderLabels(ids);
    });
}

}  // namespace rrtf

#include "widgets/find_bar.h"

#include "widgets/code_editor.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace rrtf {

FindBar::FindBar(CodeEditor& editor, QWidget* parent) : QWidget(parent), m_editor(editor)
{
    m_pattern = new QLineEdit(this);
    m_pattern->setPlaceholderText(tr("Find"));
    m_pattern->setAccessibleName(tr("Find text"));
    m_pattern->setClearButtonEnabled(true);
    m_caseSensitive = new QCheckBox(tr("Match case"), this);
    m_regex = new QCheckBox(tr("Regular expression"), this);
    auto* previous = new QPushButton(tr("Previous"), this);
    auto* next = new QPushButton(tr("Next"), this);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("×"));
    close->setAccessibleName(tr("Close the find bar"));
    close->setToolTip(tr("Close (Escape)"));
    m_status = new QLabel(this);
    connect(next, &QPushButton::clicked, this, &FindBar::findNext);
    connect(previous, &QPushButton::clicked, this, &FindBar::findPrevious);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(&m_editor, &CodeEditor::findRequested, this, &FindBar::open);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pattern, 1);
    layout->addWidget(m_caseSensitive);
    layout->addWidget(m_regex);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(close);
    hide();
}

void FindBar::open()
{
    if (m_editor.hasSelectedText() && !m_editor.selectedText().contains('\n'))
        m_pattern->setText(m_editor.selectedText());
    show();
    m_pattern->setFocus();
    m_pattern->selectAll();
}

bool FindBar::findNext()
{
    return find(false);
}

bool FindBar::findPrevious()
{
    return find(true);
}

bool FindBar::find(bool backwards)
{
    const bool found =
        m_editor.findNext(m_pattern->text(), m_caseSensitive->isChecked(), m_regex->isChecked(), backwards);
    m_status->setText(found ? tr("%n match(es)", nullptr, m_editor.highlightedMatchCount()) : tr("Not found"));
    return found;
}

void FindBar::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        find(event->modifiers() & Qt::ShiftModifier);
        return;
    case Qt::Key_Escape:
        m_editor.clearFindHighlights();
        hide();
        m_editor.setFocus();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace rrtf

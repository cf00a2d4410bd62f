#include "template_dialog.h"

#include "model_prompt.h"
#include "widgets/code_editor.h"
#include "widgets/error_label.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rrtf {
namespace {

QPlainTextEdit* codeBox(QWidget* parent)
{
    auto* box = new QPlainTextEdit(parent);
    box->setFont(CodeEditor::codeFont());
    box->setLineWrapMode(QPlainTextEdit::NoWrap);
    return box;
}

}  // namespace

TemplateDialog::TemplateDialog(const QString& modelName, const QString& templateName, const QString& customText,
                               QWidget* parent)
    : QDialog(parent),
      m_startFrom(new QComboBox(this)),
      m_editor(codeBox(this)),
      m_preview(codeBox(this)),
      m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Prompt template of %1").arg(modelName));
    QStringList builtIn = promptTemplateNames();
    builtIn.removeAll(QStringLiteral("custom"));
    m_startFrom->addItems(builtIn);
    m_startFrom->setAccessibleName(tr("Start from a built-in template"));
    m_editor->setAccessibleName(tr("Template text"));
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Preview"));
    m_problem->setWordWrap(true);
    styleAsError(m_problem);

    auto* form = new QFormLayout;
    form->addRow(tr("Start from:"), m_startFrom);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Template ({instruction} is replaced by the prompt):"), this));
    layout->addWidget(m_editor, 2);
    layout->addWidget(new QLabel(tr("What the model is given for a sample instruction:"), this));
    layout->addWidget(m_preview, 2);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    if (templateName == QLatin1String("custom") && !customText.isEmpty()) {
        m_editor->setPlainText(customText);
    } else {
        m_startFrom->setCurrentText(templateName);
        loadBuiltIn(m_startFrom->currentText());
    }
    connect(m_startFrom, &QComboBox::textActivated, this, &TemplateDialog::loadBuiltIn);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &TemplateDialog::updatePreview);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePreview();
    resize(640, 520);
}

QString TemplateDialog::templateText() const
{
    return m_editor->toPlainText();
}

void TemplateDialog::loadBuiltIn(const QString& name)
{
    m_editor->setPlainText(promptTemplateText(name, {}));
}

void TemplateDialog::updatePreview()
{
    const QString problem = promptTemplateProblem(templateText());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        m_preview->clear();
        return;
    }
    ModelSlot sample;
    sample.promptTemplate = QStringLiteral("custom");
    sample.customTemplate = templateText();
    m_preview->setPlainText(modelPrompt(tr("Write a function that returns the sum of a list of numbers."),
                                        false, sample));
}

}  // namespace rrtf

// Shows a model's prompt template and lets the user edit it: start from a
// built-in one (raw, Alpaca, PanGu-Coder2's triple quotes), change the text,
// and see what a sample instruction becomes before accepting.
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;

namespace rrtf {

class TemplateDialog : public QDialog {
    Q_OBJECT
public:
    // `templateName` and `customText` as in ModelSlot.
    TemplateDialog(const QString& modelName, const QString& templateName, const QString& customText,
                   QWidget* parent = nullptr);

    // The edited text; has {instruction} whenever the dialog was accepted.
    QString templateText() const;
    QPlainTextEdit* editor() const { return m_editor; }
    QComboBox* startFrom() const { return m_startFrom; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void loadBuiltIn(const QString& name);
    void updatePreview();

    QComboBox* m_startFrom;
    QPlainTextEdit* m_editor;
    QPlainTextEdit* m_preview;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

}  // namespace rrtf

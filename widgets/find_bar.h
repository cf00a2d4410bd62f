// A find bar for a CodeEditor: pattern, case and regex switches, next and
// previous; Enter finds the next match, Shift+Enter the previous, Escape closes.
// It opens on the editor's findRequested() (Ctrl+F).
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace rrtf {

class CodeEditor;

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(CodeEditor& editor, QWidget* parent = nullptr);

    QLineEdit* patternEdit() const { return m_pattern; }

public Q_SLOTS:
    void open();  // shows the bar with the editor's selection as the pattern
    bool findNext();
    bool findPrevious();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    bool find(bool backwards);

    CodeEditor& m_editor;
    QLineEdit* m_pattern;
    QCheckBox* m_caseSensitive;
    QCheckBox* m_regex;
    QLabel* m_status;
};

} // namespace rrtf

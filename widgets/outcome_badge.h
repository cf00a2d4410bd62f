#pragma once
// A rounded, coloured pill naming an evaluation outcome ("Passed",
// "Failed · 3/5 tests"). Outcomes are the engine's string keys, so the widgets
// library does not depend on the engine.

#include <QColor>
#include <QWidget>

namespace rrtf {

class OutcomeBadge : public QWidget {
    Q_OBJECT
    Q_PROPERTY(QString outcome READ outcome WRITE setOutcome)

public:
    explicit OutcomeBadge(QWidget* parent = nullptr);
    explicit OutcomeBadge(const QString& outcome, QWidget* parent = nullptr);

    // The engine's keys: passed, failed, error, syntax_error, timeout,
    // out_of_memory, crashed, output_limit, tampered, sandbox_error, plus the
    // UI states running and not_judged. Spaces and '-' are read as '_', case
    // is ignored; an unknown key is shown as is, in the neutral colour.
    QString outcome() const { return m_outcome; }
    void setOutcome(const QString& outcome);

    // Adds "3/5 tests" after the outcome; total <= 0 removes it.
    void setTestCounts(int passed, int total);
    void clearTestCounts() { setTestCounts(0, 0); }
    int testsPassed() const { return m_passed; }
    int testsTotal() const { return m_total; }

    // Tooltip text (test output, traceback summary); the tooltip always starts
    // with the outcome's name.
    void setDetail(const QString& detail);
    QString detail() const { return m_detail; }

    // What the pill shows: the outcome text and the optional test counts.
    QString text() const;

    static QStringList knownOutcomes();
    static QString normalizedKey(const QString& outcome);
    static QString outcomeText(const QString& outcome);  // translated
    // Pill fill and text colours for a palette: a saturated fill with white text
    // on light palettes, a light fill with near-black text on dark ones, both
    // with a contrast ratio of at least 4.5.
    static QColor backgroundColor(const QString& outcome, const QPalette& palette);
    static QColor textColor(const QString& outcome, const QPalette& palette);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();

    QString m_outcome;
    QString m_detail;
    int m_passed = 0;
    int m_total = 0;
};

} // namespace rrtf

// Desktop features around the main window: the prompt template editor, and
// that what the user sets there reaches the model's prompt and survives a restart.
#include "answer_pane.h"
#include "benchmark_runs.h"
#include "failure_label_text.h"
#include "inspector_view.h"
#include "main_window.h"
#include "shortcuts_dialog.h"
#include "widgets/code_editor.h"
#include "widgets/series_colors.h"
#include "model_list_model.h"
#include "model_prompt.h"
#include "problem_list_model.h"
#include "template_dialog.h"
#include "workbench_settings.h"

#include "store/workspace.h"

#include <QComboBox>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTranslator>
#include <QtTest>

using namespace rrtf;

class TestDesktop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void templateDialogShowsAndValidates();
    void customTemplateReachesThePromptAndSurvivesARestart();
    void shortcutsAreRemappableAndConflictChecked();
    void themeOverridesTheSystemPalette();
    void startsWhenTheLastProblemSetIsGone();
    void zhCNTranslatesLabelsReasonsAndTitle();

private:
    // The demo pack the build installs: three trained models, the demo problems.
    static QString demoFolder() { return QStringLiteral(RRTF_DEMO_PACK); }
    QTemporaryDir m_dir;
};

void TestDesktop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName("rrtf-workbench-test");
    QCoreApplication::setApplicationName("test_desktop");
    QVERIFY(m_dir.isValid());
    qputenv("RRTF_WORKSPACE", m_dir.filePath("default-workspace.sqlite").toUtf8());
    QSettings().clear();
}

void TestDesktop::cleanup()
{
    QSettings().clear();
}

void TestDesktop::templateDialogShowsAndValidates()
{
    TemplateDialog dialog("pangu-demo", "pangu", {});
    QCOMPARE(dialog.startFrom()->currentText(), QString("pangu"));
    QCOMPARE(dialog.templateText(), QString("\"\"\"\n{instruction}\n\"\"\"\n"));
    QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());

    dialog.editor()->setPlainText("no placeholder here");
    QVERIFY(!ok->isEnabled());  // a template without {instruction} cannot be accepted
    dialog.editor()->setPlainText("# Task\n{instruction}\n# Solution\n");
    QVERIFY(ok->isEnabled());
    const QList<QPlainTextEdit*> boxes = dialog.findChildren<QPlainTextEdit*>();
    bool previewShown = false;
    for (const QPlainTextEdit* box : boxes)
        previewShown |= box->isReadOnly() && box->toPlainText().startsWith("# Task\nWrite a function");
    QVERIFY(previewShown);

    dialog.startFrom()->setCurrentText("alpaca");
    Q_EMIT dialog.startFrom()->textActivated("alpaca");
    QVERIFY(dialog.templateText().startsWith("Below is an instruction"));
}

void TestDesktop::customTemplateReachesThePromptAndSurvivesARestart()
{
    const QString text = "### Task\n{instruction}\n### Code\n";
    {
        MainWindow window({demoFolder(), false});
        ModelListModel& models = window.models();
        // "custom" cannot be picked before the model has a template text of its own.
        QVERIFY(!models.setData(models.index(0, ModelListModel::Template), "custom"));
        window.editTemplate(0);
        auto* dialog = window.findChild<TemplateDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->startFrom()->currentText(), models.slotAt(0).promptTemplate);
        dialog->editor()->setPlainText(text);
        dialog->accept();
        QCOMPARE(models.slotAt(0).promptTemplate, QString("custom"));
        QCOMPARE(models.slotAt(0).customTemplate, text);
        QCOMPARE(models.index(0, ModelListModel::Template).data(Qt::ToolTipRole).toString(), text);
        QCOMPARE(modelPrompt("Add two numbers.", false, models.slotAt(0)), QString("### Task\nAdd two numbers.\n### Code\n"));
        QCOMPARE(modelPrompt("def f():\n", true, models.slotAt(0)), QString("def f():\n"));  // code is continued as is
        QVERIFY(promptTemplateIdentity(models.slotAt(0)).endsWith(text));
        // Back to a built-in one and to the custom text again, through the table.
        QVERIFY(models.setData(models.index(0, ModelListModel::Template), "raw"));
        QVERIFY(models.setData(models.index(0, ModelListModel::Template), "custom"));
        window.close();
    }
    MainWindow reopened({demoFolder(), false});
    QCOMPARE(reopened.models().slotAt(0).promptTemplate, QString("custom"));
    QCOMPARE(reopened.models().slotAt(0).customTemplate, text);
}

static QAction* actionOf(const MainWindow& window, const QString& id)
{
    for (const ShortcutEntry& entry : window.shortcuts().entries())
        if (entry.id == id)
            return entry.action;
    return nullptr;
}

void TestDesktop::shortcutsAreRemappableAndConflictChecked()
{
    const QKeySequence mine(Qt::CTRL | Qt::SHIFT | Qt::Key_T);
    {
        MainWindow window({demoFolder(), false});
        QAction* tests = actionOf(window, "run.tests");
        QVERIFY(tests);
        QCOMPARE(tests->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
        QCOMPARE(actionLabel(tests->text()), QString("Run Tests"));
        window.editShortcuts();
        auto* dialog = window.findChild<ShortcutsDialog*>();
        QVERIFY(dialog);
        QPushButton* ok = dialog->buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(dialog->conflicts().isEmpty());  // the defaults do not clash
        QVERIFY(ok->isEnabled());

        dialog->editorFor("run.tests")->setKeySequence(QKeySequence(Qt::CTRL | Qt::Key_D));
        QCOMPARE(dialog->conflicts().size(), 1);  // Diff Two Answers has Ctrl+D
        QVERIFY(dialog->conflicts().first().contains("Diff Two Answers"));
        QVERIFY(!ok->isEnabled());
        dialog->editorFor("run.tests")->setKeySequence(QKeySequence(Qt::CTRL | Qt::Key_F));
        QCOMPARE(dialog->conflicts().size(), 1);  // the editor's find key
        QVERIFY(dialog->conflicts().first().contains("find in the editor"));
        QVERIFY(!ok->isEnabled());

        dialog->buttons()->button(QDialogButtonBox::RestoreDefaults)->click();
        // The editing keys of every editor are refused like the editor's own.
        for (const auto& [keys, purpose] : {std::pair{QKeySequence(Qt::CTRL | Qt::Key_Z), "undo"},
                                            std::pair{QKeySequence(Qt::CTRL | Qt::Key_C), "copy"},
                                            std::pair{QKeySequence(Qt::CTRL | Qt::Key_V), "paste"},
                                            std::pair{QKeySequence(Qt::CTRL | Qt::Key_A), "select all"}}) {
            dialog->editorFor("run.all")->setKeySequence(keys);
            QCOMPARE(dialog->conflicts().size(), 1);
            QVERIFY2(dialog->conflicts().first().contains(purpose), qPrintable(dialog->conflicts().first()));
            QVERIFY(!ok->isEnabled());
        }
        dialog->buttons()->button(QDialogButtonBox::RestoreDefaults)->click();
        QCOMPARE(dialog->editorFor("run.tests")->keySequence(), QKeySequence(Qt::CTRL | Qt::Key_T));
        dialog->editorFor("run.tests")->setKeySequence(mine);
        dialog->editorFor("run.diff")->clear();  // no shortcut at all is allowed
        QVERIFY(ok->isEnabled());
        ok->click();
        QCOMPARE(tests->shortcut(), mine);
        QVERIFY(actionOf(window, "run.diff")->shortcut().isEmpty());
        window.close();
    }
    MainWindow reopened({demoFolder(), false});
    QCOMPARE(actionOf(reopened, "run.tests")->shortcut(), mine);
    QVERIFY(actionOf(reopened, "run.diff")->shortcut().isEmpty());
    QCOMPARE(actionOf(reopened, "run.all")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Return));  // untouched
}

static bool isDark(const QPalette& palette)
{
    return isDarkPalette(palette);
}

void TestDesktop::themeOverridesTheSystemPalette()
{
    const QPalette system = QApplication::palette();
    {
        MainWindow window({demoFolder(), false});
        window.show();  // a hidden window's widgets pick up a new application palette only when shown
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const bool systemDark = isDark(system);
        window.setTheme(systemDark ? Theme::Light : Theme::Dark);
        QCOMPARE(isDark(QApplication::palette()), !systemDark);
        // The editor follows (the palette reaches widgets through posted events).
        QTRY_COMPARE(window.promptEditor().paperColor().lightnessF() < 0.5, !systemDark);
        window.close();
    }
    {
        MainWindow reopened({demoFolder(), false});  // the choice is applied at start
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        QCOMPARE(isDark(QApplication::palette()), !isDark(system));
        QVERIFY(reopened.findChild<QAction*>(isDark(system) ? "theme.light" : "theme.dark")->isChecked());
        reopened.setTheme(Theme::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
        QVERIFY(reopened.findChild<QAction*>("theme.system")->isChecked());
    }
}

// A problem set deleted since the last session is reported in the status bar;
// a modal box there would block the start (and a test) until someone clicks it.
void TestDesktop::startsWhenTheLastProblemSetIsGone()
{
    {
        WorkbenchSettings settings;
        ModelSlot slot;
        slot.name = "somewhere";
        slot.directory = m_dir.filePath("no-model");
        settings.setModelSlots({slot});
        settings.setProblemSetPath(m_dir.filePath("deleted/problems.jsonl"));
    }
    MainWindow window({demoFolder(), false});
    QCOMPARE(window.problems().rowCount(), 0);
    QVERIFY(window.statusBar()->currentMessage().contains("deleted/problems.jsonl"));
}

static bool hasChinese(const QString& text)
{
    for (QChar c : text)
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    return false;
}

// Under zh_CN, what stayed English: the default failure labels (stored in
// English, shown translated), "greedy", the finish reasons, the Dtype column
// and the window title.
void TestDesktop::zhCNTranslatesLabelsReasonsAndTitle()
{
    QTranslator translator;
    QVERIFY(translator.load(QLocale("zh_CN"), "rrtf_workbench", "_", ":/i18n"));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });

    QVERIFY(hasChinese(decodingText("greedy")));
    QCOMPARE(decodingText("T=0.8 top-p=0.95 n=10"), QString("T=0.8 top-p=0.95 n=10"));
    for (const char* reason : {"length", "eos", "stop", "cancelled"})
        QVERIFY2(hasChinese(AnswerPane::finishReasonText(reason)), reason);
    AnswerPane pane(0, "model");
    pane.startRun(1, {});
    PaneResult result;
    result.id = 1;
    result.text = "return a + b";
    result.finishReason = "length";
    pane.finishRun(result);
    QVERIFY2(!pane.statsLabel()->text().contains("length") && pane.statsLabel()->text().contains(
                 AnswerPane::finishReasonText("length")), qPrintable(pane.statsLabel()->text()));

    // The default taxonomy: translated where it is shown, English where it is kept.
    Workspace workspace(m_dir.filePath("zh-workspace.sqlite").toStdString());
    InspectorView inspector;
    inspector.setWorkspace(&workspace);
    QStringList captions;
    for (QAction* action : inspector.labelBar()->actions())
        if (action->isCheckable())
            captions << action->text();
    QCOMPARE(captions.size(), 10);
    for (const QString& caption : captions)
        QVERIFY2(hasChinese(caption), qPrintable(caption));
    QCOMPARE(failureLabelName(std::string("wrong algorithm")), captions.first().mid(2));
    QVERIFY(hasChinese(failureLabelDescription(
        "wrong algorithm", "The approach cannot solve the problem even when carried out correctly.")));
    QCOMPARE(failureLabelDescription("wrong algorithm", "my own words"), QString("my own words"));
    QCOMPARE(failureLabelName(std::string("my own label")), QString("my own label"));

    MainWindow window({demoFolder(), false});
    QVERIFY2(hasChinese(window.windowTitle()), qPrintable(window.windowTitle()));
    const QString dtype = window.models().headerData(ModelListModel::DType, Qt::Horizontal).toString();
    QVERIFY2(hasChinese(dtype), qPrintable(dtype));
}

QTEST_MAIN(TestDesktop)
#include "test_desktop.moc"

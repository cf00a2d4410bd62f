// Desktop features around the main window: the prompt template editor, and
// that what the user sets there reaches the model's prompt and survives a restart.
#include "main_window.h"
#include "model_list_model.h"
#include "model_prompt.h"
#include "template_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rrtf;

class TestDesktop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void templateDialogShowsAndValidates();
    void customTemplateReachesThePromptAndSurvivesARestart();

private:
    QString demoFolder() const { return m_dir.filePath("demo"); }
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

QTEST_MAIN(TestDesktop)
#include "test_desktop.moc"

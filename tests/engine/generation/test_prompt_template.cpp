// Prompt templates: the exact strings each model family was trained and
// evaluated with, byte for byte.
#include "generation/prompt_template.h"
#include "runtime/error.h"

#include <QtTest>

using namespace rrtf;

namespace {

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}

}  // namespace

class TestPromptTemplate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtins_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("raw") << "raw" << "Write a function that adds two numbers.";
        QTest::newRow("alpaca") << "alpaca"
                                << "Below is an instruction that describes a task. Write a response that "
                                   "appropriately completes the request.\n"
                                   "\n"
                                   "### Instruction:\n"
                                   "Write a function that adds two numbers.\n"
                                   "\n"
                                   "### Response:";
        QTest::newRow("pangu") << "pangu"
                               << "\"\"\"\n"
                                  "Write a function that adds two numbers.\n"
                                  "\"\"\"\n";
    }

    void builtins()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const PromptTemplateKind kind = parsePromptTemplate(name.toStdString());
        QCOMPARE(QString::fromUtf8(promptTemplateName(kind).data(), qsizetype(promptTemplateName(kind).size())), name);
        QCOMPARE(q(applyPromptTemplate(kind, "Write a function that adds two numbers.")), expected);
        QCOMPARE(q(PromptTemplate(kind).apply("Write a function that adds two numbers.")), expected);
    }

    void rejectsUnknownNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("other family") << "chatml";
        QTest::newRow("wrong case") << "Alpaca";
        QTest::newRow("empty") << "";
    }

    void rejectsUnknownNames()
    {
        QFETCH(QString, name);
        try {
            parsePromptTemplate(name.toStdString());
            QFAIL("expected an error");
        } catch (const InvalidArgument& error) {
            const QString message = error.what();
            QVERIFY2(message.contains("\"" + name + "\"") && message.contains("raw, alpaca or pangu"),
                     qPrintable(message));
        }
    }

    void customTemplate()
    {
        const PromptTemplate custom = PromptTemplate::custom("<|user|>{instruction}<|end|>\n{\"again\": \"{instruction}\"}");
        QVERIFY(custom.kind() == PromptTemplateKind::Custom);
        QCOMPARE(q(custom.apply("sum {instruction} x")),
                 QString("<|user|>sum {instruction} x<|end|>\n{\"again\": \"sum {instruction} x\"}"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, PromptTemplate::custom("no placeholder {instr}"));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, PromptTemplate(PromptTemplateKind::Custom));
    }

    void wizardCoderHumanEval()
    {
        const std::string problem = "def add(a, b):\n    \"\"\"Add.\"\"\"\n        pass\n";
        const QString body = "### Instruction:\n"
                             "Create a Python script for this problem:\n"
                             "def add(a, b):\n\t\"\"\"Add.\"\"\"\n\t\tpass\n"
                             "\n"
                             "\n"
                             "### Response:";
        const QString header = "Below is an instruction that describes a task. Write a response that "
                               "appropriately completes the request.";
        QCOMPARE(q(wizardCoderHumanEvalPrompt(problem)), header + "\n\n\n" + body);
        QCOMPARE(q(wizardCoderHumanEvalPrompt(problem, 1)), header + "\n\n" + body);
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, wizardCoderHumanEvalPrompt(problem, 3));
        QCOMPARE(q(wizardCoderRestoreIndent("\tif x:\n\t\treturn 1")), QString("    if x:\n        return 1"));
    }
};

QTEST_GUILESS_MAIN(TestPromptTemplate)
#include "test_prompt_template.moc"

// The case-study view (the paper's Figure 5) on a workspace the test writes:
// three greedy runs whose verdicts give every Venn region a different, known
// count, and five sampled runs that need the UpSet plot and the solved rule.
#include "case_study_models.h"
#include "case_study_view.h"
#include "widgets/venn_view.h"

#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QListView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <array>
#include <memory>

using namespace rrtf;

namespace {

// Problems solved by exactly the models in mask (bit 0 = A, 1 = B, 2 = C): all different.
constexpr std::array<int, 8> kRegionCounts{4, 9, 1, 5, 2, 6, 3, 8};
constexpr int kTasks = 38;
const QString kHumanEvalSha = QStringLiteral("sha-humaneval");
const QString kMbppSha = QStringLiteral("sha-mbpp");

}  // namespace

class TestCaseStudyView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void groupsByProblemSetAndDecoding();
    void vennCountsMatchTheVerdicts();
    void clickingARegionListsItsProblems_data();
    void clickingARegionListsItsProblems();
    void mouseClickOnTheDiagram();
    void activatingAProblemOpensIt();
    void mcNemarOfAAndB();
    void disagreementRanksSplitProblemsFirst();
    void fiveModelsShowAnUpSetPlot();
    void solvedRuleAppliesToSamples();
    void noWorkspaceShowsNothing();

private:
    void recordRun(const QString& key, const QString& model, const QString& sha, const QString& path,
                   const QString& decoding, int n, const std::vector<StoredVerdict>& verdicts);
    void selectGroup(const QString& text);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    std::array<quint32, kTasks> m_maskOfTask{};  // task i -> models that solve it
    std::unique_ptr<CaseStudyView> m_view;
    QList<QAbstractItemModelTester*> m_testers;
};

static QString humanEvalTask(int i)
{
    return QStringLiteral("HumanEval/%1").arg(i);
}

static StoredVerdict verdict(int sampleIndex, const QString& taskId, int sample, bool passed)
{
    StoredVerdict v;
    v.sampleIndex = sampleIndex;
    v.taskId = taskId.toStdString();
    v.completionId = QStringLiteral("%1#%2").arg(taskId).arg(sample).toStdString();
    v.completion = "    return 0\n";
    v.verdict.outcome = passed ? Outcome::Passed : Outcome::Failed;
    return v;
}

void TestCaseStudyView::recordRun(const QString& key, const QString& model, const QString& sha, const QString& path,
                                  const QString& decoding, int n, const std::vector<StoredVerdict>& verdicts)
{
    EvalRunSpec spec;
    spec.key = key.toStdString();
    spec.problemSetPath = path.toStdString();
    spec.problemSetSha256 = sha.toStdString();
    spec.samplesPath = ("generated:" + model).toStdString();
    spec.settings = {{"kind", "benchmark"}, {"model", model.toStdString()}, {"checkpoint", "/models/x"},
                     {"template", "raw"},   {"decoding", decoding.toStdString()}, {"greedy", n == 1},
                     {"temperature", 0.8},  {"top_p", 0.95}, {"n", n}, {"seed", 1}, {"max_new_tokens", 256},
                     {"stop_sequences", nlohmann::json::array()}};
    const EvalRun run = m_workspace->findOrCreateRun(spec);
    m_workspace->recordVerdicts(run.id, verdicts);
    m_workspace->markRunFinished(run.id);
}

void TestCaseStudyView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = std::make_unique<Workspace>(m_dir.filePath("workspace.sqlite").toStdString());
    const QString humanEval = m_dir.filePath("HumanEval.jsonl.gz");

    // Spread the regions over the task ids (5 is coprime with 38), so that a
    // region's problems are not one block and natural order is tested.
    int j = 0;
    for (quint32 mask = 0; mask < 8; ++mask)
        for (int c = 0; c < kRegionCounts[mask]; ++c, ++j)
            m_maskOfTask[std::size_t((j * 5) % kTasks)] = mask;

    // An older run of A that solves everything: the newer run of A replaces it.
    std::vector<StoredVerdict> old;
    for (int i = 0; i < kTasks; ++i)
        old.push_back(verdict(i, humanEvalTask(i), 0, true));
    recordRun("old-A", "A", kHumanEvalSha, humanEval, "greedy", 1, old);
    const QStringList models{"C", "A", "B"};  // recorded out of order: shown by name
    for (const QString& model : models) {
        const int bit = model == "A" ? 0 : model == "B" ? 1 : 2;
        std::vector<StoredVerdict> verdicts;
        for (int i = 0; i < kTasks; ++i)
            verdicts.push_back(verdict(i, humanEvalTask(i), 0, (m_maskOfTask[std::size_t(i)] >> bit) & 1u));
        recordRun("he-" + model, model, kHumanEvalSha, humanEval, "greedy", 1, verdicts);
    }

    // Five sampled models, 4 samples per problem. M1 passes 1/4 of MBPP/1,
    // 3/4 of MBPP/2 and 4/4 of MBPP/3; M2 passes 4/4 of MBPP/3; the rest fail.
    const QString decoding = QStringLiteral("T=0.8 top-p=0.95 n=4");
    for (int m = 1; m <= 5; ++m) {
        std::vector<StoredVerdict> verdicts;
        for (int t = 1; t <= 3; ++t) {
            const int passes = m == 1 ? (t == 1 ? 1 : t == 2 ? 3 : 4) : m == 2 && t == 3 ? 4 : 0;
            for (int s = 0; s < 4; ++s)
                verdicts.push_back(verdict((t - 1) * 4 + s, QStringLiteral("MBPP/%1").arg(t), s, s < passes));
        }
        recordRun(QStringLiteral("mbpp-%1").arg(m), QStringLiteral("M%1").arg(m), kMbppSha,
                  m_dir.filePath("mbpp.jsonl"), decoding, 4, verdicts);
    }
}

void TestCaseStudyView::init()
{
    m_view = std::make_unique<CaseStudyView>();
    for (QAbstractItemModel* model : std::initializer_list<QAbstractItemModel*>{
             m_view->regionModel(), m_view->disagreementModel(), m_view->mcNemarModel(),
             m_view->disagreementTable()->model(), m_view->groupCombo()->model()})
        m_testers << new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest, m_view.get());
    m_view->setWorkspace(m_workspace.get());
    selectGroup(QStringLiteral("greedy"));
}

void TestCaseStudyView::cleanup()
{
    m_testers.clear();  // children of the view
    m_view.reset();
}

void TestCaseStudyView::selectGroup(const QString& text)
{
    QComboBox* combo = m_view->groupCombo();
    const int index = combo->findText(text, Qt::MatchContains);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setCurrentIndex(index);
}

void TestCaseStudyView::groupsByProblemSetAndDecoding()
{
    QComboBox* combo = m_view->groupCombo();
    QCOMPARE(combo->count(), 2);
    const int greedy = combo->findText(QStringLiteral("greedy"), Qt::MatchContains);
    QVERIFY(greedy >= 0);
    QVERIFY(combo->itemText(greedy).startsWith(QStringLiteral("HumanEval · greedy (3 ")));
    QVERIFY(combo->findText(QStringLiteral("mbpp · T=0.8 top-p=0.95 n=4 (5 "), Qt::MatchStartsWith) >= 0);
    QCOMPARE(m_view->problemSetPath(), m_dir.filePath("HumanEval.jsonl.gz"));
    QCOMPARE(m_view->vennView()->modelNames(), (QStringList{"A", "B", "C"}));
    QVERIFY(!m_view->ruleCombo()->isEnabled());  // one sample per problem: every rule agrees

    // Reloading keeps the chosen group.
    selectGroup(QStringLiteral("mbpp"));
    m_view->reload();
    QVERIFY(m_view->groupCombo()->currentText().startsWith(QStringLiteral("mbpp")));
}

void TestCaseStudyView::vennCountsMatchTheVerdicts()
{
    VennView* venn = m_view->vennView();
    for (quint32 mask = 0; mask < 8; ++mask)
        QCOMPARE(venn->count(mask), kRegionCounts[mask]);
    QCOMPARE(venn->solvedByNone(), 4);
    QCOMPARE(venn->setSize(0), 9 + 5 + 6 + 8);  // A, not the older run that solved everything
    QVERIFY(!venn->isUpSetShown());
    QVERIFY(m_view->upSetCheck()->isEnabled());
    m_view->upSetCheck()->setChecked(true);
    QVERIFY(venn->isUpSetShown());
}

void TestCaseStudyView::clickingARegionListsItsProblems_data()
{
    QTest::addColumn<quint32>("mask");
    for (quint32 mask = 0; mask < 8; ++mask)
        QTest::addRow("mask %u", mask) << mask;
}

void TestCaseStudyView::clickingARegionListsItsProblems()
{
    QFETCH(quint32, mask);
    QStringList expected;  // natural order: HumanEval/2 before HumanEval/10
    for (int i = 0; i < kTasks; ++i)
        if (m_maskOfTask[std::size_t(i)] == mask)
            expected << humanEvalTask(i);
    Q_EMIT m_view->vennView()->regionClicked(mask);
    QCOMPARE(m_view->regionProblems(), expected);
    QCOMPARE(m_view->regionModel()->rowCount(), kRegionCounts[mask]);
    const QString first = m_view->regionModel()->index(0).data().toString();
    QVERIFY2(first.startsWith(expected.first()) && first.contains(QStringLiteral("A ")), qPrintable(first));
}

void TestCaseStudyView::mouseClickOnTheDiagram()
{
    m_view->resize(1000, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    VennView* venn = m_view->vennView();
    for (quint32 mask : {3u, 4u, 7u}) {
        QTest::mouseClick(venn, Qt::LeftButton, {}, venn->regionCenter(mask).toPoint());
        QCOMPARE(m_view->shownRegion(), mask);
        QCOMPARE(m_view->regionProblems().size(), kRegionCounts[mask]);
    }
}

void TestCaseStudyView::activatingAProblemOpensIt()
{
    m_view->resize(1000, 800);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QSignalSpy spy(m_view.get(), &CaseStudyView::problemActivated);
    const QString path = m_dir.filePath("HumanEval.jsonl.gz");

    Q_EMIT m_view->vennView()->regionClicked(7);
    const QStringList listed = m_view->regionProblems();
    QListView* list = m_view->regionList();
    const QModelIndex second = list->model()->index(1, 0);
    // As a user double-clicks: a click, then the double-click event (QTest sends only the latter).
    const QPoint pos = list->visualRect(second).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, pos);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, pos);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).toString(), listed.at(1));
    QCOMPARE(spy.last().at(1).toString(), path);

    spy.clear();
    list->setCurrentIndex(list->model()->index(2, 0));
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.last().at(0).toString(), listed.at(2));

    spy.clear();
    QTableView* table = m_view->disagreementTable();
    table->setCurrentIndex(table->model()->index(0, DisagreementModel::ScoreColumn));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Enter);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.last().at(0).toString(), table->model()->index(0, 0).data().toString());
    QCOMPARE(spy.last().at(1).toString(), path);
}

void TestCaseStudyView::mcNemarOfAAndB()
{
    McNemarModel* model = m_view->mcNemarModel();
    QCOMPARE(model->rowCount(), 3);  // A-B, A-C, B-C
    const int row = model->rowOf("A", "B");
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, McNemarModel::ModelAColumn).data().toString(), QStringLiteral("A"));
    // Only A: masks 1 and 5 (9 + 6); only B: masks 2 and 6 (1 + 3).
    QCOMPARE(model->index(row, McNemarModel::OnlyAColumn).data().toInt(), 15);
    QCOMPARE(model->index(row, McNemarModel::OnlyBColumn).data().toInt(), 4);
    // p = 2 * (C(19,0) + ... + C(19,4)) / 2^19 = 2 * 5036 / 524288; chi² = (|15 - 4| - 1)² / 19.
    QCOMPARE(model->index(row, McNemarModel::PValueColumn).data().toString(), QStringLiteral("0.0192"));
    QVERIFY(qAbs(model->index(row, McNemarModel::PValueColumn).data(CaseStudySortRole).toDouble() - 10072.0 / 524288.0) < 1e-12);
    QCOMPARE(model->index(row, McNemarModel::ChiSquareColumn).data().toString(), QStringLiteral("5.263"));
    QCOMPARE(model->resultAt(row).both, 5 + 8);
    QCOMPARE(model->resultAt(row).neither, 4 + 2);
    QCOMPARE(McNemarModel::formatPValue(1.0), QStringLiteral("1.00"));
}

void TestCaseStudyView::disagreementRanksSplitProblemsFirst()
{
    DisagreementModel* model = m_view->disagreementModel();
    QCOMPARE(model->rowCount(), kTasks);
    QCOMPARE(model->columnCount(), DisagreementModel::FirstModelColumn + 3);
    QCOMPARE(model->headerData(DisagreementModel::FirstModelColumn + 1, Qt::Horizontal).toString(), QStringLiteral("B"));
    // One or two of three models solve it: variance of {1, 0, 0} = 2/9; all or none: 0.
    const int split = kTasks - kRegionCounts[0] - kRegionCounts[7];
    for (int row = 0; row < kTasks; ++row) {
        const quint32 mask = m_maskOfTask[std::size_t(model->taskIdAt(row).section('/', 1).toInt())];
        const bool disagree = mask != 0 && mask != 7;
        QCOMPARE(row < split, disagree);
        QVERIFY(qAbs(model->scoreAt(row) - (disagree ? 2.0 / 9.0 : 0.0)) < 1e-12);
    }
    // The table sorts by any column; by A's pass fraction, A's failures come first.
    QTableView* table = m_view->disagreementTable();
    table->sortByColumn(DisagreementModel::FirstModelColumn, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, DisagreementModel::FirstModelColumn).data().toString(), QStringLiteral("0.00"));
    const int lastRow = table->model()->rowCount() - 1;
    QCOMPARE(table->model()->index(lastRow, DisagreementModel::FirstModelColumn).data().toString(), QStringLiteral("1.00"));
    table->sortByColumn(DisagreementModel::TaskColumn, Qt::AscendingOrder);
    QCOMPARE(table->model()->index(0, 0).data().toString(), humanEvalTask(0));
    QCOMPARE(table->model()->index(2, 0).data().toString(), humanEvalTask(2));
    QCOMPARE(table->model()->index(10, 0).data().toString(), humanEvalTask(10));
}

void TestCaseStudyView::fiveModelsShowAnUpSetPlot()
{
    selectGroup(QStringLiteral("mbpp"));
    VennView* venn = m_view->vennView();
    QCOMPARE(venn->modelNames().size(), 5);
    QVERIFY(venn->isUpSetShown());
    QVERIFY(m_view->upSetCheck()->isChecked());
    QVERIFY(!m_view->upSetCheck()->isEnabled());
    QCOMPARE(m_view->mcNemarModel()->rowCount(), 10);
    QCOMPARE(m_view->problemSetPath(), m_dir.filePath("mbpp.jsonl"));

    selectGroup(QStringLiteral("greedy"));  // three models again: the Venn diagram
    QVERIFY(!venn->isUpSetShown());
    QVERIFY(!m_view->upSetCheck()->isChecked());
}

void TestCaseStudyView::solvedRuleAppliesToSamples()
{
    selectGroup(QStringLiteral("mbpp"));
    QComboBox* rule = m_view->ruleCombo();
    QVERIFY(rule->isEnabled());
    VennView* venn = m_view->vennView();
    struct Expected {
        SolvedRule rule;
        int m1Only, m1AndM2, none;
    };
    for (const Expected& e : {Expected{SolvedRule::AnyPass, 2, 1, 0}, Expected{SolvedRule::Majority, 1, 1, 1},
                              Expected{SolvedRule::AllPass, 0, 1, 2}}) {
        rule->setCurrentIndex(rule->findData(int(e.rule)));
        QCOMPARE(venn->count(1), e.m1Only);
        QCOMPARE(venn->count(3), e.m1AndM2);
        QCOMPARE(venn->solvedByNone(), e.none);
    }
    // The listed region follows the rule.
    Q_EMIT venn->regionClicked(0);
    QCOMPARE(m_view->regionProblems(), (QStringList{"MBPP/1", "MBPP/2"}));
    rule->setCurrentIndex(rule->findData(int(SolvedRule::Majority)));
    QCOMPARE(m_view->regionProblems(), (QStringList{"MBPP/1"}));
    // Fractions, not the rule, rank disagreement: MBPP/3 (M1 and M2 pass all, the rest none) splits most.
    QCOMPARE(m_view->disagreementModel()->taskIdAt(0), QStringLiteral("MBPP/3"));
    QCOMPARE(m_view->disagreementModel()->index(0, DisagreementModel::FirstModelColumn).data(CaseStudySortRole).toDouble(), 1.0);
}

void TestCaseStudyView::noWorkspaceShowsNothing()
{
    m_view->setWorkspace(nullptr);
    QCOMPARE(m_view->groupCombo()->count(), 0);
    QCOMPARE(m_view->vennView()->modelNames().size(), 0);
    QCOMPARE(m_view->disagreementModel()->rowCount(), 0);
    QCOMPARE(m_view->mcNemarModel()->rowCount(), 0);
    QVERIFY(m_view->regionProblems().isEmpty());
    QVERIFY(m_view->problemSetPath().isEmpty());
    m_view->setWorkspace(m_workspace.get());
    QCOMPARE(m_view->groupCombo()->count(), 2);
}

QTEST_MAIN(TestCaseStudyView)
#include "test_case_study_view.moc"

#include "case_study_view.h"

#include "benchmark_runs.h"
#include "case_study_models.h"
#include "widgets/venn_view.h"

#include "evaluation/case_study.h"
#include "store/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace rrtf {

namespace {

constexpr quint32 kNoRegion = 0xFFFFFFFFu;

}  // namespace

CaseStudyView::CaseStudyView(QWidget* parent)
    : QWidget(parent),
      m_regionModel(new RegionProblemsModel(this)),
      m_disagreementModel(new DisagreementModel(this)),
      m_disagreementProxy(new QSortFilterProxyModel(this)),
      m_mcNemarModel(new McNemarModel(this))
{
    setObjectName(QStringLiteral("caseStudyView"));

    m_groupCombo = new QComboBox(this);
    m_groupCombo->setObjectName(QStringLiteral("caseStudyGroups"));
    m_groupCombo->setPlaceholderText(tr("No benchmark runs"));
    m_groupCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_groupCombo->setMinimumContentsLength(16);
    m_groupCombo->setToolTip(tr("Benchmark runs on one problem set with one decoding"));

    m_ruleCombo = new QComboBox(this);
    m_ruleCombo->setObjectName(QStringLiteral("caseStudyRule"));
    m_ruleCombo->addItem(tr("Any sample passes"), int(SolvedRule::AnyPass));
    m_ruleCombo->addItem(tr("Majority of samples pass"), int(SolvedRule::Majority));
    m_ruleCombo->addItem(tr("All samples pass"), int(SolvedRule::AllPass));
    m_ruleCombo->setToolTip(tr("When a model counts as solving a problem it answered several times"));

    m_upSetCheck = new QCheckBox(tr("UpSet plot"), this);
    m_upSetCheck->setObjectName(QStringLiteral("caseStudyUpSet"));

    auto* reloadButton = new QPushButton(tr("Reload"), this);
    reloadButton->setToolTip(tr("Read the workspace's benchmark runs again"));

    auto* controls = new QHBoxLayout;
    auto* groupLabel = new QLabel(tr("&Runs:"), this);
    groupLabel->setBuddy(m_groupCombo);
    auto* ruleLabel = new QLabel(tr("&Solved when:"), this);
    ruleLabel->setBuddy(m_ruleCombo);
    controls->addWidget(groupLabel);
    controls->addWidget(m_groupCombo, 1);
    controls->addWidget(ruleLabel);
    controls->addWidget(m_ruleCombo);
    controls->addWidget(m_upSetCheck);
    controls->addWidget(reloadButton);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_venn = new VennView(this);
    m_venn->setObjectName(QStringLiteral("caseStudyVenn"));

    m_regionLabel = new QLabel(this);
    m_regionLabel->setWordWrap(true);
    m_regionList = new QListView(this);
    m_regionList->setObjectName(QStringLiteral("caseStudyRegionList"));
    m_regionList->setModel(m_regionModel);
    m_regionList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_regionList->setUniformItemSizes(true);
    auto* regionPane = new QWidget(this);
    auto* regionLayout = new QVBoxLayout(regionPane);
    regionLayout->setContentsMargins(0, 0, 0, 0);
    regionLayout->addWidget(m_regionLabel);
    regionLayout->addWidget(m_regionList, 1);

    m_disagreementProxy->setSourceModel(m_disagreementModel);
    m_disagreementProxy->setSortRole(CaseStudySortRole);
    m_disagreementTable = new QTableView(this);
    m_disagreementTable->setObjectName(QStringLiteral("caseStudyDisagreement"));
    m_disagreementTable->setModel(m_disagreementProxy);
    m_disagreementTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_disagreementTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_disagreementTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_disagreementTable->verticalHeader()->hide();
    m_disagreementTable->setSortingEnabled(true);
    m_disagreementTable->sortByColumn(DisagreementModel::ScoreColumn, Qt::DescendingOrder);

    m_mcNemarTable = new QTableView(this);
    m_mcNemarTable->setObjectName(QStringLiteral("caseStudyMcNemar"));
    m_mcNemarTable->setModel(m_mcNemarModel);
    m_mcNemarTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mcNemarTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mcNemarTable->verticalHeader()->hide();
    m_mcNemarTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* tabs = new QTabWidget(this);
    tabs->addTab(m_disagreementTable, tr("Problems by disagreement"));
    tabs->addTab(m_mcNemarTable, tr("McNemar's test"));

    auto* upper = new QSplitter(Qt::Horizontal, this);
    upper->addWidget(m_venn);
    upper->addWidget(regionPane);
    upper->setStretchFactor(0, 3);
    upper->setStretchFactor(1, 2);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(upper);
    splitter->addWidget(tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, &CaseStudyView::showGroup);
    connect(m_ruleCombo, &QComboBox::currentIndexChanged, this, &CaseStudyView::applyRule);
    connect(m_upSetCheck, &QCheckBox::toggled, m_venn, &VennView::setUpSetMode);
    connect(reloadButton, &QPushButton::clicked, this, &CaseStudyView::reload);
    connect(m_venn, &VennView::regionClicked, this, &CaseStudyView::showRegion);
    connect(m_regionList, &QAbstractItemView::activated, this, &CaseStudyView::activateProblem);
    connect(m_disagreementTable, &QAbstractItemView::activated, this, &CaseStudyView::activateProblem);

    clearResults();
}

CaseStudyView::~CaseStudyView() = default;

void CaseStudyView::setWorkspace(Workspace* workspace)
{
    m_workspace = workspace;
    reload();
}

QStringList CaseStudyView::regionProblems() const
{
    return m_regionModel->taskIds();
}

QString CaseStudyView::problemSetPath() const
{
    return m_group >= 0 ? m_groups[std::size_t(m_group)].problemSetPath : QString();
}

void CaseStudyView::reload()
{
    const QString previous = m_group >= 0 ? m_groups[std::size_t(m_group)].key() : QString();
    std::vector<RunGroup> groups;
    QString error;
    if (m_workspace) {
        try {
            groups = runGroups(*m_workspace);
        } catch (const std::exception& e) {
            error = tr("Could not read the benchmark runs: %1").arg(QString::fromUtf8(e.what()));
            groups.clear();
        }
    }

    QStringList labels;
    for (const RunGroup& group : groups) {
        QString name = QFileInfo(group.problemSetPath).baseName();
        if (name.isEmpty())
            name = group.sha256.isEmpty() ? tr("Unknown problem set") : group.sha256.left(8);
        labels << tr("%1 · %2 (%n model(s))", nullptr, int(group.runs.size())).arg(name, decodingText(group.decoding));
    }
    for (qsizetype i = 0; i < labels.size(); ++i)  // two versions of one problem set: tell them apart
        if (labels.count(labels[i]) > 1)
            labels[i] += QStringLiteral(" [%1]").arg(groups[std::size_t(i)].sha256.left(8));

    {
        const QSignalBlocker blocker(m_groupCombo);
        m_groupCombo->clear();
        for (std::size_t i = 0; i < groups.size(); ++i) {
            m_groupCombo->addItem(labels[int(i)], groups[i].key());
            m_groupCombo->setItemData(int(i), groups[i].problemSetPath, Qt::ToolTipRole);
        }
        m_groupCombo->setCurrentIndex(-1);
    }
    m_groups = std::move(groups);
    m_group = -1;
    m_groupCombo->setEnabled(!m_groups.empty());
    const int index = m_groups.empty() ? -1 : std::max(0, m_groupCombo->findData(previous));
    m_groupCombo->setCurrentIndex(index);  // shows the group through currentIndexChanged
    if (index < 0)
        clearResults();
    if (!error.isEmpty())
        showError(error);
}

void CaseStudyView::showGroup(int comboIndex)
{
    m_group = comboIndex >= 0 && comboIndex < int(m_groups.size()) ? comboIndex : -1;
    m_matrix.reset();
    m_regions.reset();
    if (m_group < 0 || !m_workspace) {
        clearResults();
        return;
    }
    const RunGroup& group = m_groups[std::size_t(m_group)];
    int sandboxErrors = 0;
    try {
        m_matrix = std::make_shared<const SolveMatrix>(groupSolveMatrix(*m_workspace, group, &sandboxErrors));
    } catch (const std::exception& e) {
        clearResults();
        showError(tr("Could not read the verdicts: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    QString status = tr("%n problem(s) judged", nullptr, int(m_matrix->taskIds().size()));
    if (sandboxErrors > 0)
        status += QLatin1Char(' ') + tr("(%n sandbox error(s) left out)", nullptr, sandboxErrors);
    m_status->setText(status);
    m_status->setToolTip(group.problemSetPath);
    m_ruleCombo->setEnabled(group.samplesPerProblem > 1);
    m_disagreementModel->setMatrix(m_matrix);
    m_region = kNoRegion;
    applyRule();
}

void CaseStudyView::applyRule()
{
    if (!m_matrix)
        return;
    const auto rule = SolvedRule(m_ruleCombo->currentData().toInt());
    const auto& all = m_matrix->models();
    // The diagram takes at most 16 models; the tables take them all.
    const std::vector<std::string> shown(all.begin(), all.begin() + std::ptrdiff_t(std::min(all.size(), SolveRegions::kMaxModels)));
    try {
        m_regions = std::make_unique<SolveRegions>(solveRegions(*m_matrix, shown, rule));
        m_mcNemarModel->setMatrix(*m_matrix, rule);
    } catch (const std::exception& e) {
        m_regions.reset();
        m_mcNemarModel->clear();
        m_venn->clear();
        showError(tr("Could not compare the models: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    QStringList names;
    for (const std::string& model : m_regions->models)
        names << QString::fromStdString(model);
    QMap<quint32, int> counts;
    for (const SolveRegion& region : m_regions->regions)
        counts.insert(region.mask, int(region.taskIds.size()));
    m_venn->setData(names, counts, int(m_regions->solvedByNone.size()));
    m_mcNemarTable->resizeColumnsToContents();
    m_disagreementTable->resizeColumnsToContents();
    updateUpSetCheck();
    showRegion(m_region);  // the same region under the new rule
}

void CaseStudyView::updateUpSetCheck()
{
    const bool forced = m_venn->modelNames().size() > 3;
    const QSignalBlocker blocker(m_upSetCheck);
    m_upSetCheck->setChecked(forced || m_venn->upSetMode());
    m_upSetCheck->setEnabled(!forced);
    m_upSetCheck->setToolTip(forced ? tr("More than three models are always shown as an UpSet plot")
                                    : tr("Show the regions as bars instead of a Venn diagram"));
}

void CaseStudyView::showRegion(quint32 mask)
{
    const std::size_t modelCount = m_regions ? m_regions->models.size() : 0;
    if (!m_regions || mask == kNoRegion || (modelCount < 32 && (mask >> modelCount) != 0)) {
        m_region = kNoRegion;
        m_regionModel->clear();
        m_regionLabel->setText(m_regions ? tr("Click a region to list its problems.") : QString());
        return;
    }
    m_region = mask;
    QStringList taskIds;
    for (const std::string& taskId : m_regions->region(mask))
        taskIds << QString::fromStdString(taskId);
    m_regionModel->setProblems(m_matrix, taskIds);
    m_regionLabel->setText(m_venn->regionDescription(mask));
    m_venn->setFocusedRegion(mask);
}

void CaseStudyView::activateProblem(const QModelIndex& index)
{
    const QString taskId = index.data(CaseStudyTaskIdRole).toString();
    if (!taskId.isEmpty())
        Q_EMIT problemActivated(taskId, problemSetPath());
}

void CaseStudyView::showError(const QString& message)
{
    m_status->setText(message);
    m_status->setToolTip(QString());
}

void CaseStudyView::clearResults()
{
    m_matrix.reset();
    m_regions.reset();
    m_region = kNoRegion;
    m_venn->clear();
    m_regionModel->clear();
    m_disagreementModel->clear();
    m_mcNemarModel->clear();
    m_regionLabel->clear();
    m_status->clear();
    m_ruleCombo->setEnabled(false);
    updateUpSetCheck();
}

}  // namespace rrtf

#include "rankings_view.h"

#include "ranked_answers_model.h"
#include "rankings_filter_model.h"
#include "widgets/code_editor.h"
#include "widgets/error_label.h"
#include "widgets/outcome_badge.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

#include <exception>
#include <memory>

namespace rrtf {
namespace {

QTableView* newTable(QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows, however many there are.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

// The class filter's choices: any class, then the four classes best first, then not ranked.
void fillClassCombo(QComboBox* combo, const QString& any)
{
    combo->addItem(any, RankingsFilterModel::AnyClass);
    for (int slot : {int(AnswerClass::AllPass), int(AnswerClass::Partial), int(AnswerClass::RuntimeError),
                     int(AnswerClass::CompileError), kNotRankedSlot})
        combo->addItem(classSlotText(slot), slot);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
}

}  // namespace

// What the worker thread hands back: the items, or the reader's message.
struct RankingsView::LoadResult {
    RankedItems items;
    std::vector<RankingsTableModel::Row> rows;
    RankingsSummary summary;
    QString error;
};

namespace {

// Reads and prepares a file: everything but showing it, so that it can run off the GUI thread.
void readInto(RankingsView::LoadResult& result, const std::string& file)
{
    try {
        auto items = std::make_shared<std::vector<RankedItem>>(readRankings(file));
        result.summary = summarizeRankings(*items);
        result.rows = RankingsTableModel::rowsFor(*items);
        result.items = std::move(items);
    } catch (const std::exception& error) {
        result.error = QString::fromUtf8(error.what());
    }
}

}  // namespace

RankingsView::RankingsView(QWidget* parent)
    : QWidget(parent),
      m_items(new RankingsTableModel(this)),
      m_filter(new RankingsFilterModel(this)),
      m_answers(new RankedAnswersModel(this))
{
    setObjectName(QStringLiteral("rankingsView"));
    m_filter->setSourceModel(m_items);

    auto* open = new QPushButton(tr("Open…"), this);
    m_reload = new QPushButton(tr("Reload"), this);
    m_reload->setEnabled(false);
    m_pathLabel = new QLabel(tr("No rankings file open: open the rankings.jsonl that rrtf rank wrote."), this);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(open, &QPushButton::clicked, this, &RankingsView::chooseFile);
    connect(m_reload, &QPushButton::clicked, this, &RankingsView::reload);
    auto* top = new QHBoxLayout;
    top->addWidget(m_pathLabel, 1);
    top->addWidget(open);
    top->addWidget(m_reload);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("rankingsSummary"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summaryLabel->hide();  // until a file is open
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("rankingsError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    styleAsError(m_error);

    m_table = newTable(this);
    m_table->setObjectName(QStringLiteral("rankingsTable"));
    m_table->setModel(m_filter);
    m_table->setAccessibleName(tr("Ranked items"));
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // file order until a click
    m_table->setSortingEnabled(true);
    const std::pair<int, int> widths[] = {
        {RankingsTableModel::TaskColumn, 140},    {RankingsTableModel::InstructionColumn, 340},
        {RankingsTableModel::TeacherColumn, 130}, {RankingsTableModel::StudentsColumn, 380},
        {RankingsTableModel::PairsColumn, 50},
    };
    for (const auto& [column, width] : widths)
        m_table->setColumnWidth(column, width);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RankingsView::showCurrentItem);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RankingsView::showCurrentItem);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &RankingsView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &RankingsView::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &RankingsView::updateCount);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(createDetails());
    splitter->setSizes({380, 470});  // relative: the items a little under half

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_error);
    layout->addWidget(createFilterBar());
    layout->addWidget(splitter, 1);

    // Ctrl+F goes to the search field, from the code too (its own Ctrl+F asks through findRequested).
    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    const auto focusSearch = [this] {
        m_search->setFocus();
        m_search->selectAll();
    };
    connect(find, &QShortcut::activated, this, focusSearch);
    connect(m_code, &CodeEditor::findRequested, this, focusSearch);
    updateCount();
    showCurrentItem();
}

RankingsView::~RankingsView()
{
    m_answers->setItem(nullptr);  // it points into the items the table model owns
}

QWidget* RankingsView::createFilterBar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("rankingsSearch"));
    m_search->setPlaceholderText(tr("Search task, instruction, reason and model (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_teacherClass = new QComboBox(bar);
    m_teacherClass->setAccessibleName(tr("Best teacher class filter"));
    fillClassCombo(m_teacherClass, tr("Best teacher: any class"));
    m_studentClass = new QComboBox(bar);
    m_studentClass->setAccessibleName(tr("Student class filter"));
    m_studentClass->setToolTip(tr("Items with at least one student answer of this class"));
    fillClassCombo(m_studentClass, tr("Students: any class"));
    m_attention = new QCheckBox(tr("Only items with a reason or a dropped pair"), bar);
    m_attention->setToolTip(tr("Items left out, and items where a pair was dropped or an answer was not ranked"));
    m_count = new QLabel(bar);
    connect(m_search, &QLineEdit::textChanged, m_filter, &RankingsFilterModel::setSearchText);
    connect(m_teacherClass, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setTeacherClass(m_teacherClass->currentData().toInt()); });
    connect(m_studentClass, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStudentClass(m_studentClass->currentData().toInt()); });
    connect(m_attention, &QCheckBox::toggled, m_filter, &RankingsFilterModel::setOnlyAttention);
    row->addWidget(m_search, 1);
    row->addWidget(m_teacherClass);
    row->addWidget(m_studentClass);
    row->addWidget(m_attention);
    row->addWidget(m_count);
    return bar;
}

QWidget* RankingsView::createDetails()
{
    const QFont fixed = CodeEditor::codeFont();  // fixed-pitch on any machine
    auto* left = new QWidget(this);
    m_title = new QLabel(left);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_instruction = new QPlainTextEdit(left);
    m_instruction->setReadOnly(true);
    m_instruction->setAccessibleName(tr("Instruction"));
    m_instruction->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    m_answersView = newTable(left);
    m_answersView->setObjectName(QStringLiteral("rankingsAnswers"));
    m_answersView->setModel(m_answers);
    m_answersView->setAccessibleName(tr("Answers of the item"));
    m_answersView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);  // a handful of rows
    // The detail takes what is left and is elided; its tooltip has all of it.
    m_answersView->horizontalHeader()->setSectionResizeMode(RankedAnswersModel::DetailColumn, QHeaderView::Stretch);
    connect(m_answersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RankingsView::showCurrentAnswer);
    m_pairs = new QPlainTextEdit(left);
    m_pairs->setObjectName(QStringLiteral("rankingsPairs"));
    m_pairs->setReadOnly(true);
    m_pairs->setAccessibleName(tr("Pairs the loss uses"));
    m_pairs->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(m_instruction);
    leftLayout->addWidget(m_answersView, 1);
    leftLayout->addWidget(new QLabel(tr("Pairs the loss will use:"), left));
    leftLayout->addWidget(m_pairs);

    auto* right = new QWidget(this);
    m_wholeResponse = new QCheckBox(tr("Show the whole response (training keeps only the code)"), right);
    connect(m_wholeResponse, &QCheckBox::toggled, this, &RankingsView::showCurrentAnswer);
    m_code = new CodeEditor(right);
    m_code->setObjectName(QStringLiteral("rankingsCode"));
    m_code->setReadOnly(true);
    m_code->setAccessibleName(tr("Answer code"));
    m_answerDetail = new QPlainTextEdit(right);
    m_answerDetail->setObjectName(QStringLiteral("rankingsAnswerDetail"));
    m_answerDetail->setReadOnly(true);
    m_answerDetail->setFont(fixed);
    m_answerDetail->setAccessibleName(tr("Verdict and ranking of the answer"));
    m_answerDetail->setMaximumHeight(fontMetrics().lineSpacing() * 8);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_wholeResponse);
    rightLayout->addWidget(m_code, 1);
    rightLayout->addWidget(m_answerDetail);

    auto* details = new QSplitter(Qt::Horizontal, this);
    details->addWidget(left);
    details->addWidget(right);
    details->setSizes({700, 600});  // relative: the answers table is the wider
    return details;
}

RankingsView* RankingsView::openWindow(QWidget* parent, const QString& path)
{
    auto* view = new RankingsView(parent);
    view->setWindowFlag(Qt::Window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowTitle(tr("Rankings"));
    view->resize(1300, 850);
    view->show();
    if (!path.isEmpty())
        view->open(path);
    return view;
}

bool RankingsView::load(const QString& path)
{
    ++m_generation;  // an open() still running is now stale
    LoadResult result;
    readInto(result, QFile::encodeName(path).toStdString());
    apply(path, result);
    return result.error.isEmpty();
}

void RankingsView::open(const QString& path)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    m_pathLabel->setText(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    auto result = std::make_shared<LoadResult>();
    const std::string file = QFile::encodeName(path).toStdString();
    // The worker touches only `result`; the view reads it once the thread is done.
    QThread* worker = QThread::create([file, result] { readInto(*result, file); });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [this, generation, path, result] {
        if (generation == m_generation)  // a newer open() or load() wins
            apply(path, *result);
    });
    worker->start();
}

void RankingsView::apply(const QString& path, LoadResult& result)
{
    m_loading = false;
    if (!result.error.isEmpty()) {
        showError(tr("Cannot read the rankings: %1").arg(result.error));
        m_pathLabel->setText(m_path.isEmpty() ? tr("No rankings file open.") : QDir::toNativeSeparators(m_path));
        Q_EMIT finishedLoading(false);
        return;
    }
    m_error->hide();
    m_error->clear();
    m_answers->setItem(nullptr);  // it points into the items being replaced
    m_path = path;
    m_summary = result.summary;
    m_items->setItems(std::move(result.items), std::move(result.rows));
    m_pathLabel->setText(QDir::toNativeSeparators(path));
    m_pathLabel->setToolTip(QFileInfo(path).absoluteFilePath());
    m_summaryLabel->setText(rrtf::summaryText(m_summary));
    m_summaryLabel->show();
    m_reload->setEnabled(true);
    setWindowTitle(tr("Rankings — %1").arg(QFileInfo(path).fileName()));
    if (m_filter->rowCount() > 0)
        m_table->selectRow(0);
    Q_EMIT finishedLoading(true);
}

void RankingsView::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

QString RankingsView::errorText() const
{
    return m_error->text();
}

QString RankingsView::summaryText() const
{
    return m_summaryLabel->text();
}

void RankingsView::chooseFile()
{
    const QString start = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open rankings"), start,
                                                      tr("Rankings (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

void RankingsView::reload()
{
    if (!m_path.isEmpty())
        open(m_path);
}

void RankingsView::updateCount()
{
    m_count->setText(tr("%1 of %2 items").arg(m_filter->rowCount()).arg(m_items->rowCount()));
}

const RankedItem* RankingsView::currentItem() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_items->itemAt(m_filter->mapToSource(current).row()) : nullptr;
}

bool RankingsView::selectTask(const QString& taskId)
{
    for (int pass = 0; pass < 2; ++pass) {
        for (int row = 0; row < m_filter->rowCount(); ++row) {
            const QModelIndex index = m_filter->index(row, RankingsTableModel::TaskColumn);
            if (index.data().toString() == taskId) {
                m_table->selectRow(row);
                m_table->scrollTo(index);
                return true;
            }
        }
        // Hidden by a filter: clear the filters and look again.
        m_search->clear();
        m_teacherClass->setCurrentIndex(0);
        m_studentClass->setCurrentIndex(0);
        m_attention->setChecked(false);
    }
    return false;
}

void RankingsView::showCurrentItem()
{
    const RankedItem* item = currentItem();
    m_answers->setItem(item);
    if (!item) {
        m_title->setText(m_items->rowCount() > 0 ? tr("Select an item to see its answers.") : QString());
        m_instruction->clear();
        m_pairs->clear();
        showCurrentAnswer();
        return;
    }
    m_title->setText(tr("%1 — %2 teacher and %3 student answers")
                         .arg(QString::fromStdString(item->taskId))
                         .arg(item->teachers.size())
                         .arg(item->students.size()));
    m_instruction->setPlainText(QString::fromStdString(item->instruction));
    m_pairs->setPlainText(describePairs(*item));
    // The best teacher answer first: every pair is trained against it.
    selectAnswer(std::max(item->bestTeacher, 0));
}

void RankingsView::selectAnswer(int row)
{
    if (row >= 0 && row < m_answers->rowCount())
        m_answersView->selectRow(row);
    else
        showCurrentAnswer();
}

QString RankingsView::describePairs(const RankedItem& item) const
{
    QStringList lines;
    const RankedAnswer* teacher = item.teacher();
    if (item.pairs.empty())
        lines << tr("None: %1").arg(item.reason.empty() ? tr("the item yields no pair") : QString::fromStdString(item.reason));
    else
        lines << tr("Teacher %1 (%2, %3, score %4) against:")
                     .arg(item.bestTeacher + 1)
                     .arg(QString::fromStdString(teacher->model), answerClassText(teacher->answerClass))
                     .arg(teacher->score, 0, 'f', 2);
    for (const RankedPair& pair : item.pairs) {
        const RankedAnswer& student = item.students[size_t(pair.student)];
        lines << tr("  Student %1 (%2, %3): r_tea %4, r_stu %5, weight %6")
                     .arg(pair.student + 1)
                     .arg(QString::fromStdString(student.model), answerClassText(student.answerClass))
                     .arg(pair.rTeacher, 0, 'f', 2)
                     .arg(pair.rStudent, 0, 'f', 2)
                     .arg(pair.rTeacher - pair.rStudent, 0, 'f', 2);
    }
    for (size_t s = 0; s < item.students.size(); ++s)
        if (item.students[s].ranked() && !item.students[s].reason.empty())
            lines << tr("  Student %1 dropped: %2").arg(s + 1).arg(QString::fromStdString(item.students[s].reason));
    return lines.join(QLatin1Char('\n'));
}

void RankingsView::showCurrentAnswer()
{
    const int row = m_answersView->selectionModel()->currentIndex().row();
    const RankedAnswer* answer = m_answers->answerAt(row);
    if (!answer) {
        m_code->setText(QString());
        m_answerDetail->clear();
        return;
    }
    m_code->setText(QString::fromStdString(m_wholeResponse->isChecked() ? answer->text : answer->code));
    QStringList lines;
    lines << tr("%1 · %2 · temperature %3").arg(m_answers->answerName(row), QString::fromStdString(answer->model))
                 .arg(answer->temperature, 0, 'g', 3);
    const std::string_view outcome = outcomeName(answer->outcome);
    lines << tr("Outcome: %1 · tests passed: %2 of %3 · class: %4 · score: %5")
                 .arg(OutcomeBadge::outcomeText(QString::fromUtf8(outcome.data(), qsizetype(outcome.size()))))
                 .arg(answer->testsPassed)
                 .arg(answer->testsTotal)
                 .arg(answerClassText(answer->answerClass),
                      answer->ranked() ? QString::number(answer->score, 'f', 2) : QStringLiteral("—"));
    lines << tr("Ranking: %1").arg(m_answers->rankingText(row));
    if (!answer->reason.empty())
        lines << tr("Reason: %1").arg(QString::fromStdString(answer->reason));
    if (!answer->detail.empty())
        lines << tr("Detail: %1").arg(QString::fromStdString(answer->detail));
    m_answerDetail->setPlainText(lines.join(QLatin1Char('\n')));
}

QString RankingsView::pairsText() const
{
    return m_pairs->toPlainText();
}

QString RankingsView::answerDetailText() const
{
    return m_answerDetail->toPlainText();
}

}  // namespace rrtf

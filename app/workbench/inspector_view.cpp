#include "inspector_view.h"

#include "answer_filter_model.h"
#include "answer_table_model.h"
#include "benchmark_runs.h"
#include "failure_label_text.h"
#include "taxonomy_dialog.h"

#include "evaluation/fault_line.h"
#include "evaluation/problem_set.h"
#include "runtime/error.h"
#include "store/annotations.h"
#include "store/workspace.h"
#include "widgets/code_editor.h"
#include "widgets/outcome_badge.h"

#include <QComboBox>
#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <fstream>

namespace rrtf {

namespace {

QString defaultAnnotator()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("USERNAME") : user;
}

}  // namespace

InspectorView::InspectorView(QWidget* parent)
    : QWidget(parent), m_answers(new AnswerTableModel(this)), m_filter(new AnswerFilterModel(this))
{
    setObjectName(QStringLiteral("inspectorView"));
    m_filter->setSourceModel(m_answers);
    // Labels, notes and exports are written on the model's writer thread: a
    // failure comes back here (the edit is undone in its row).
    connect(m_answers, &AnswerTableModel::annotationWriteFailed, this, [this](const QString& error) {
        QMessageBox::warning(this, tr("Cannot save the annotation"), error);
    });
    connect(m_answers, &AnswerTableModel::exported, this, [this](const QString& fileName, const QString& error) {
        if (m_exports.removeOne(fileName) && !error.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), error);
    });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("inspectorTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // stored order until a click
    m_table->setSortingEnabled(true);
    m_table->setAccessibleName(tr("Answers"));
    m_table->setToolTip(tr("A label's key labels the selected answer and moves to the next; Backspace clears the label"));
    m_table->installEventFilter(this);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InspectorView::showCurrent);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &InspectorView::showCurrent);  // no currentRowChanged then

    // A tool bar: it folds the labels that do not fit into its extension menu.
    m_labelBar = new QToolBar(tr("Failure labels"), this);
    m_labelBar->setObjectName(QStringLiteral("inspectorLabelBar"));
    m_labelBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_labelBar->addWidget(new QLabel(tr("Label:"), m_labelBar));
    m_labelsEnd = m_labelBar->addSeparator();
    m_clearLabel = m_labelBar->addAction(tr("Clear label"), this, [this] { labelCurrent(std::nullopt, false); });
    m_clearLabel->setToolTip(tr("Clear the label (Backspace in the table)"));

    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("inspectorNote"));
    m_note->setPlaceholderText(tr("Note on this answer (saved on leaving the field or with Ctrl+Return)"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    m_note->installEventFilter(this);

    m_annotatorEdit = new QLineEdit(this);
    m_annotatorEdit->setObjectName(QStringLiteral("inspectorAnnotator"));
    m_annotatorEdit->setPlaceholderText(tr("Your name"));
    m_annotatorEdit->setAccessibleName(tr("Annotator"));
    connect(m_annotatorEdit, &QLineEdit::editingFinished, this,
            [this] { setAnnotator(m_annotatorEdit->text()); });

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Annotator"), this));
    bottom->addWidget(m_annotatorEdit);
    bottom->addStretch(1);
    const std::pair<QString, void (InspectorView::*)()> actions[] = {
        {tr("Taxonomy…"), &InspectorView::editTaxonomy},
        {tr("Agreement…"), &InspectorView::showAgreement},
        {tr("Export CSV…"), &InspectorView::exportCsv},
        {tr("Export JSONL…"), &InspectorView::exportJsonl},
    };
    for (const auto& [text, slot] : actions) {
        auto* button = new QPushButton(text, this);
        connect(button, &QPushButton::clicked, this, slot);
        bottom->addWidget(button);
        m_workspaceButtons << button;
    }

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(createDetails());
    splitter->setSizes({2, 3});  // relative: the table gets two fifths

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createFilterBar());
    layout->addWidget(splitter, 1);
    layout->addWidget(m_labelBar);
    layout->addWidget(m_note);
    layout->addLayout(bottom);

    // Ctrl+F focuses the search field; the code editors ask for it through findRequested
    // (a second shortcut over them would make the key ambiguous).
    const QList<QWidget*> findTargets{m_search, m_table, m_prompt, m_traceback, m_note, m_labelBar};
    for (QWidget* widget : findTargets) {
        auto* shortcut = new QShortcut(QKeySequence::Find, widget);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this] { m_search->setFocus(); m_search->selectAll(); });
    }
    for (CodeEditor* editor : {m_answer, m_tests})
        connect(editor, &CodeEditor::findRequested, this, [this] { m_search->setFocus(); m_search->selectAll(); });

    m_annotatorEdit->setText(defaultAnnotator());
    m_answers->setAnnotator(m_annotatorEdit->text());
    setWorkspace(nullptr);
}

InspectorView::~InspectorView() = default;

QWidget* InspectorView::createFilterBar()
{
    auto* bar = new QWidget(this);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_modelCombo = new QComboBox(bar);
    m_modelCombo->setAccessibleName(tr("Model filter"));
    m_outcomeCombo = new QComboBox(bar);
    m_outcomeCombo->setAccessibleName(tr("Outcome filter"));
    m_labelCombo = new QComboBox(bar);
    m_labelCombo->setAccessibleName(tr("Label filter"));
    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("inspectorSearch"));
    m_search->setPlaceholderText(tr("Search task, answer and traceback (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    for (QComboBox* combo : {m_modelCombo, m_outcomeCombo, m_labelCombo}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(combo, &QComboBox::currentIndexChanged, this, &InspectorView::applyFilters);
        row->addWidget(combo);
    }
    connect(m_search, &QLineEdit::textChanged, m_filter, &AnswerFilterModel::setSearchText);
    row->addWidget(m_search, 1);
    return bar;
}

QWidget* InspectorView::createDetails()
{
    auto* details = new QWidget(this);
    m_badge = new OutcomeBadge(details);
    m_title = new QLabel(details);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QFont fixed = CodeEditor::codeFont();  // fixed-pitch on any machine
    m_prompt = new QPlainTextEdit(details);
    m_prompt->setReadOnly(true);
    m_prompt->setFont(fixed);
    m_prompt->setAccessibleName(tr("Prompt"));
    m_tests = new CodeEditor(details);
    m_tests->setReadOnly(true);
    m_tests->setAccessibleName(tr("Tests"));
    m_answer = new CodeEditor(details);
    m_answer->setObjectName(QStringLiteral("inspectorAnswer"));
    m_answer->setReadOnly(true);
    m_answer->setAccessibleName(tr("Answer"));
    m_traceback = new QPlainTextEdit(details);
    m_traceback->setReadOnly(true);
    m_traceback->setFont(fixed);
    m_traceback->setAccessibleName(tr("Verdict detail and traceback"));

    auto* tabs = new QTabWidget(details);
    tabs->addTab(m_prompt, tr("Prompt"));
    tabs->addTab(m_tests, tr("Tests"));
    auto* right = new QSplitter(Qt::Vertical, details);
    right->addWidget(m_answer);
    right->addWidget(m_traceback);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    auto* split = new QSplitter(Qt::Horizontal, details);
    split->addWidget(tabs);
    split->addWidget(right);

    auto* header = new QHBoxLayout;
    header->addWidget(m_badge);
    header->addWidget(m_title, 1);
    auto* layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(split, 1);
    return details;
}

bool InspectorView::attempt(const std::function<void()>& action, const QString& what)
{
    try {
        action();
        return true;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, what, QString::fromStdString(error.what()));
        return false;
    }
}

void InspectorView::setWorkspace(Workspace* workspace)
{
    saveNote();
    m_workspace = workspace;
    m_problemSets.clear();
    if (!attempt([&] { m_answers->setWorkspace(workspace); }, tr("Cannot read the workspace")))
        m_answers->setWorkspace(nullptr);
    for (QPushButton* button : m_workspaceButtons)
        button->setEnabled(m_workspace != nullptr);
    refreshFilterCombos();
    refreshLabelBar();
    showCurrent();
}

void InspectorView::reload()
{
    saveNote();
    const QString current = m_answers->answerAt(currentSourceRow()).itemKey;
    const int column = qMax(0, m_table->currentIndex().column());
    m_problemSets.clear();
    attempt([this] { m_answers->reload(); }, tr("Cannot read the workspace"));
    refreshFilterCombos();
    refreshLabelBar();
    selectSourceRow(m_answers->rowOfItem(current), column);
    showCurrent();
}

void InspectorView::showModelAnswers(const QString& model)
{
    m_modelCombo->setCurrentIndex(qMax(0, m_modelCombo->findData(model)));
    m_outcomeCombo->setCurrentIndex(qMax(0, m_outcomeCombo->findData(AnswerFilterModel::failures())));
    applyFilters();
    if (m_filter->rowCount() > 0) {
        m_table->setCurrentIndex(m_filter->index(0, 0));
        showCurrent();
    }
}

void InspectorView::setAnnotator(const QString& annotator)
{
    const QString name = annotator.trimmed();
    m_annotatorEdit->setText(name);
    if (name == m_answers->annotator())
        return;
    saveNote();
    attempt([&] { m_answers->setAnnotator(name); }, tr("Cannot read the annotations"));
    showCurrent();
    Q_EMIT annotatorChanged(name);
}

QString InspectorView::annotator() const
{
    return m_answers->annotator();
}

void InspectorView::refreshFilterCombos()
{
    auto refill = [](QComboBox* combo, const QString& allText, const QList<std::pair<QString, QString>>& items) {
        const QString kept = combo->currentData().toString();
        const QSignalBlocker blocker(combo);
        combo->clear();
        combo->addItem(allText, QString());
        for (const auto& [text, key] : items)
            combo->addItem(text, key);
        combo->setCurrentIndex(qMax(0, combo->findData(kept)));
    };
    QList<std::pair<QString, QString>> models, outcomes, labels;
    for (const QString& model : m_answers->models())
        models.append({model, model});
    outcomes.append({tr("All failures"), AnswerFilterModel::failures()});
    for (const QString& outcome : m_answers->outcomes())
        outcomes.append({OutcomeBadge::outcomeText(outcome), outcome});
    labels.append({tr("(unlabelled)"), AnswerFilterModel::unlabelled()});
    for (const FailureLabel& label : m_answers->labels())
        labels.append({failureLabelName(label.name), QString::fromStdString(label.name)});
    refill(m_modelCombo, tr("All models"), models);
    refill(m_outcomeCombo, tr("All outcomes"), outcomes);
    refill(m_labelCombo, tr("All labels"), labels);
    applyFilters();
}

void InspectorView::applyFilters()
{
    m_filter->setModelFilter(m_modelCombo->currentData().toString());
    m_filter->setOutcomeFilter(m_outcomeCombo->currentData().toString());
    m_filter->setLabelFilter(m_labelCombo->currentData().toString());
}

QString InspectorView::labelCaption(const FailureLabel& label)
{
    const QString name = failureLabelName(label.name);
    return label.shortcut.empty() ? name : QString::fromStdString(label.shortcut) + ' ' + name;
}

void InspectorView::refreshLabelBar()
{
    qDeleteAll(m_labelActions);
    m_labelActions.clear();
    for (const FailureLabel& label : m_answers->labels()) {
        auto* action = new QAction(labelCaption(label), m_labelBar);
        action->setCheckable(true);
        action->setToolTip(failureLabelDescription(label.name, label.description));
        action->setData(QVariant::fromValue<qint64>(label.id));
        const std::int64_t id = label.id;
        connect(action, &QAction::triggered, this, [this, id] { labelCurrent(id, false); });
        m_labelBar->insertAction(m_labelsEnd, action);
        m_labelActions << action;
    }
    updateLabelButtons();
}

void InspectorView::updateLabelButtons()
{
    const InspectedAnswer answer = m_answers->answerAt(currentSourceRow());
    const bool editable = answer.isValid() && !m_answers->annotator().isEmpty();
    for (QAction* action : m_labelActions) {
        action->setEnabled(editable);
        action->setChecked(answer.labelId && *answer.labelId == action->data().toLongLong());
    }
    m_clearLabel->setEnabled(editable && answer.labelId);
    m_note->setEnabled(editable);
}

int InspectorView::currentSourceRow() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_filter->mapToSource(current).row() : -1;
}

void InspectorView::selectSourceRow(int sourceRow, int column)
{
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_answers->index(sourceRow, column));
    if (!index.isValid())
        return;
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

void InspectorView::showCurrent()
{
    saveNote();
    const InspectedAnswer answer = m_answers->answerAt(currentSourceRow());
    m_noteKey = answer.itemKey;
    m_noteOriginal = answer.note;
    m_note->setPlainText(answer.note);
    updateLabelButtons();
    if (!answer.isValid()) {
        m_badge->setOutcome(QStringLiteral("not_judged"));
        m_badge->clearTestCounts();
        m_title->clear();
        for (QPlainTextEdit* text : {m_prompt, m_traceback})
            text->clear();
        m_answer->clear();
        m_answer->clearErrorLine();
        m_tests->clear();
        return;
    }
    const Verdict& verdict = answer.verdict;
    const QString detail = QString::fromStdString(verdict.detail);
    const std::string_view outcome = outcomeName(verdict.outcome);
    m_badge->setOutcome(QString::fromUtf8(outcome.data(), static_cast<qsizetype>(outcome.size())));
    m_badge->setTestCounts(verdict.testsPassed, verdict.testsTotal);
    m_badge->setDetail(detail);
    m_title->setText(tr("%1 · %2 · %3 · sample %4")
                         .arg(answer.model, decodingText(answer.decoding), answer.taskId)
                         .arg(answer.sampleNumber));
    m_answer->setText(answer.completion);
    const int line = faultLine(answer);
    if (line >= 1 && line <= m_answer->lines())
        m_answer->setErrorLine(line - 1, detail.section('\n', 0, 0));
    else
        m_answer->clearErrorLine();
    QString traceback = detail;
    if (!verdict.stderrText.empty())
        traceback += QStringLiteral("\n\n") + tr("Standard error:") + '\n' + QString::fromStdString(verdict.stderrText);
    if (!verdict.stdoutText.empty())
        traceback += QStringLiteral("\n\n") + tr("Standard output:") + '\n' + QString::fromStdString(verdict.stdoutText);
    m_traceback->setPlainText(traceback);
    showProblem(answer);
}

const InspectorView::CachedProblems& InspectorView::problemsAt(const QString& path)
{
    auto found = m_problemSets.find(path);
    if (found != m_problemSets.end())
        return found->second;
    CachedProblems entry;
    try {
        entry.problems = std::make_shared<const ProblemSet>(loadProblemSet(QFile::encodeName(path).toStdString()));
    } catch (const std::exception& error) {
        entry.error = QString::fromStdString(error.what());
    }
    return m_problemSets.emplace(path, std::move(entry)).first->second;
}

int InspectorView::faultLine(const InspectedAnswer& answer)
{
    const CachedProblems& cached = problemsAt(answer.problemSetPath);
    const Problem* problem = cached.problems ? cached.problems->find(answer.taskId.toStdString()) : nullptr;
    return problem ? answerFaultLine(answer.verdict, *problem, answer.completion.toStdString(), false) : 0;
}

void InspectorView::showProblem(const InspectedAnswer& answer)
{
    const CachedProblems& cached = problemsAt(answer.problemSetPath);
    const Problem* problem = cached.problems ? cached.problems->find(answer.taskId.toStdString()) : nullptr;
    if (!problem) {
        m_prompt->setPlainText(cached.problems ? tr("%1 is not in %2").arg(answer.taskId, answer.problemSetPath)
                                               : tr("Cannot read the problem set: %1").arg(cached.error));
        m_tests->clear();
        return;
    }
    m_prompt->setPlainText(QString::fromStdString(problem->prompt));
    QString tests = QString::fromStdString(problem->testSetupCode);
    if (!problem->test.empty())
        tests += QString::fromStdString(problem->test);
    for (const auto* list : {&problem->testList, &problem->challengeTestList})
        for (const std::string& line : *list)
            tests += (tests.isEmpty() || tests.endsWith('\n') ? QString() : QStringLiteral("\n"))
                     + QString::fromStdString(line) + '\n';
    m_tests->setText(tests);
}

bool InspectorView::labelCurrent(std::optional<std::int64_t> labelId, bool advance)
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return false;
    if (m_answers->annotator().isEmpty()) {
        QMessageBox::information(this, tr("No annotator"), tr("Enter your name as annotator before labelling."));
        m_annotatorEdit->setFocus();
        return false;
    }
    saveNote();  // before the label changes rows: no note write while the table updates
    const int column = current.column();
    const int sourceRow = m_filter->mapToSource(current).row();
    // The row after this one as the table is now: labelling may filter or re-sort this one away.
    int target = sourceRow;
    if (advance && current.row() + 1 < m_filter->rowCount())
        target = m_filter->mapToSource(m_filter->index(current.row() + 1, 0)).row();
    if (!attempt([&] { m_answers->setLabel(sourceRow, labelId); }, tr("Cannot save the label")))
        return false;
    selectSourceRow(target, column);
    updateLabelButtons();
    return true;
}

void InspectorView::saveNote()
{
    if (m_noteKey.isEmpty() || m_note->toPlainText() == m_noteOriginal)
        return;
    const int row = m_answers->rowOfItem(m_noteKey);
    const QString text = m_note->toPlainText();
    if (row >= 0 && attempt([&] { m_answers->setNote(row, text); }, tr("Cannot save the note")))
        m_noteOriginal = text;
}

bool InspectorView::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::FocusOut && watched == m_note) {
        saveNote();
    } else if (event->type() == QEvent::ShortcutOverride && watched == m_note) {
        // Ctrl+Return saves the note (as the placeholder says): claimed before the
        // window's shortcut on the same keys (Run All) can take it.
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            event->accept();
            return true;
        }
    } else if (event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool plain = !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (watched == m_note && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & Qt::ControlModifier)) {
            saveNote();
            m_table->setFocus();
            return true;
        }
        if (watched == m_table && plain) {
            if (key->key() == Qt::Key_Backspace || key->key() == Qt::Key_Delete) {
                labelCurrent(std::nullopt, false);
                return true;
            }
            const QString text = key->text();
            if (!text.isEmpty() && text.at(0).isPrint()) {
                const FailureLabel* match = nullptr;
                for (const FailureLabel& label : m_answers->labels()) {
                    const QString shortcut = QString::fromStdString(label.shortcut);
                    if (shortcut == text)
                        match = &label;
                    else if (!match && !shortcut.isEmpty() && shortcut.compare(text, Qt::CaseInsensitive) == 0)
                        match = &label;
                }
                if (match) {
                    labelCurrent(match->id, true);
                    return true;
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

std::vector<PairwiseKappa> InspectorView::agreement() const
{
    return m_answers->agreement();
}

QString InspectorView::formatAgreement(const std::vector<PairwiseKappa>& pairs)
{
    if (pairs.empty())
        return tr("Agreement needs labels from at least two annotators.");
    QStringList lines;
    for (const PairwiseKappa& pair : pairs) {
        const QString who = QStringLiteral("%1 · %2").arg(QString::fromStdString(pair.annotatorA),
                                                          QString::fromStdString(pair.annotatorB));
        const KappaResult& r = pair.result;
        if (r.items == 0)
            lines << tr("%1: no answer labelled by both").arg(who);
        else if (!r.kappa)
            lines << tr("%1: κ undefined over %n answer(s) (both used one label throughout)", nullptr, r.items).arg(who);
        else
            lines << tr("%1: κ = %2 over %n answer(s) (observed %3, chance %4)", nullptr, r.items)
                         .arg(who, QString::number(*r.kappa, 'f', 2), QString::number(r.observed, 'f', 2),
                              QString::number(r.expected, 'f', 2));
    }
    return lines.join('\n');
}

QString InspectorView::agreementSummary() const
{
    return formatAgreement(agreement());
}

void InspectorView::showAgreement()
{
    saveNote();
    QString summary;
    if (attempt([&] { summary = agreementSummary(); }, tr("Cannot compute the agreement")))
        QMessageBox::information(this, tr("Annotator agreement (Cohen's κ)"), summary);
}

void InspectorView::exportTo(AnnotationFormat format)
{
    saveNote();
    const bool csv = format == AnnotationFormat::Csv;
    const QString fileName = QFileDialog::getSaveFileName(
        this, csv ? tr("Export annotations as CSV") : tr("Export annotations as JSONL"),
        QDir::home().filePath(csv ? QStringLiteral("annotations.csv") : QStringLiteral("annotations.jsonl")),
        csv ? tr("CSV files (*.csv);;All files (*)") : tr("JSON Lines files (*.jsonl);;All files (*)"));
    if (fileName.isEmpty())
        return;
    if (attempt([&] { m_answers->exportAnnotations(fileName, format); }, tr("Export failed")))
        m_exports << fileName;  // how it went comes back through AnswerTableModel::exported
}

void InspectorView::exportCsv() { exportTo(AnnotationFormat::Csv); }
void InspectorView::exportJsonl() { exportTo(AnnotationFormat::Jsonl); }

void InspectorView::editTaxonomy()
{
    if (!m_workspace)
        return;
    saveNote();
    TaxonomyDialog dialog(*m_workspace, this);
    dialog.exec();
    attempt([this] { m_answers->reloadAnnotations(); }, tr("Cannot read the annotations"));
    refreshFilterCombos();
    refreshLabelBar();
}

}  // namespace rrtf

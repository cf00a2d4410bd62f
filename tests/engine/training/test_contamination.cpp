// The contamination check against the real HumanEval and MBPP files: a copied
// problem with renamed variables and new whitespace is found under the right
// task id, unrelated problems are not, a verbatim 13-gram is found, thresholds
// hold, and the report renders. (Tokens, runs and MinHash: test_text_tokens.)
#include "evaluation/problem_set.h"
#include "runtime/error.h"
#include "training/contamination.h"
#include "training/text_tokens.h"

#include <QtTest>

#include <regex>
#include <set>

using namespace rrtf;

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

const ProblemSet& humanEval()
{
    static const ProblemSet set = loadProblemSet(std::filesystem::path(RRTF_TEST_DATA) / "humaneval/HumanEval.jsonl.gz");
    return set;
}

TrainingRecord record(std::string id, std::string instruction, std::string solution = "", std::string tests = "")
{
    TrainingRecord r;
    r.taskId = std::move(id);
    r.instruction = std::move(instruction);
    r.solution = std::move(solution);
    r.tests = std::move(tests);
    return r;
}

// Whole-word renames, the way someone disguising a copy would do it.
std::string renamed(std::string text, const QStringList& renames)
{
    for (const QString& rename : renames) {
        const QStringList parts = rename.split('=');
        text = std::regex_replace(text, std::regex("\\b" + parts[0].toStdString() + "\\b"), parts[1].toStdString());
    }
    return text;
}

// New whitespace and quotes: two-space indents, ''' docstrings, spaced brackets.
std::string reformatted(std::string code)
{
    code = std::regex_replace(code, std::regex("    "), "  ");
    code = std::regex_replace(code, std::regex("\"\"\""), "'''");
    code = std::regex_replace(code, std::regex("\\("), "( ");
    return std::regex_replace(code, std::regex("\n\n+"), "\n");
}

// Jaccard similarity of word k-shingles computed independently of the library:
// ASCII words, lower case, shingles as strings.
double referenceJaccard(const std::string& a, const std::string& b, int k)
{
    const auto shingles = [k](const std::string& text) {
        std::vector<std::string> words;
        const std::regex word("[A-Za-z0-9_]+");
        for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
            std::string w = it->str();
            for (char& c : w)
                c = char(std::tolower(static_cast<unsigned char>(c)));
            words.push_back(w);
        }
        std::set<std::string> set;
        for (std::size_t i = 0; i + std::size_t(k) <= words.size(); ++i) {
            std::string s;
            for (int j = 0; j < k; ++j)
                s += words[i + std::size_t(j)] + " ";
            set.insert(s);
        }
        return set;
    };
    const std::set<std::string> sa = shingles(a), sb = shingles(b);
    std::size_t shared = 0;
    for (const std::string& s : sa)
        shared += sb.count(s);
    return double(shared) / double(sa.size() + sb.size() - shared);
}

std::set<std::string> flaggedProblems(const ContaminationReport& report, const std::string& trainingId)
{
    std::set<std::string> ids;
    for (const OverlapPair& pair : report.pairs)
        if (pair.trainingTaskId == trainingId)
            ids.insert(pair.benchmarkTaskId);
    return ids;
}

// The flagged field pair of one training record and one benchmark problem, or nullptr.
const FieldOverlap* fieldPair(const ContaminationReport& report, const std::string& trainingId,
                              const std::string& benchmarkId, const std::string& trainingField,
                              const std::string& benchmarkField)
{
    for (const OverlapPair& pair : report.pairs)
        if (pair.trainingTaskId == trainingId && pair.benchmarkTaskId == benchmarkId)
            for (const FieldOverlap& field : pair.fields)
                if (field.trainingField == trainingField && field.benchmarkField == benchmarkField)
                    return &field;
    return nullptr;
}

// Hand-written tasks unlike any HumanEval problem.
std::vector<TrainingRecord> unrelatedRecords()
{
    std::vector<TrainingRecord> records = {
        record("own/csv", "Write a function split_csv_line(line) that splits one line of a CSV file into its fields, "
                          "honouring double quotes around fields that contain commas.",
               "def split_csv_line(line):\n    import csv\n    return next(csv.reader([line]))\n",
               "assert split_csv_line('a,\"b,c\",d') == ['a', 'b,c', 'd']\n"),
        record("own/merge", "Merge two singly linked lists that are already sorted into one sorted linked list and "
                            "return its head node; reuse the existing nodes instead of allocating new ones.",
               "def merge(a, b):\n    dummy = tail = Node(0)\n    while a and b:\n        if a.value <= b.value:\n"
               "            tail.next, a = a, a.next\n        else:\n            tail.next, b = b, b.next\n"
               "        tail = tail.next\n    tail.next = a or b\n    return dummy.next\n"),
        record("own/sha", "Compute the SHA-256 digest of a file on disk in chunks of 64 KiB so that large files do not "
                          "have to fit in memory, and return it as a lower-case hexadecimal string.",
               "import hashlib\n\ndef file_sha256(path):\n    digest = hashlib.sha256()\n    with open(path, 'rb') as f:\n"
               "        for chunk in iter(lambda: f.read(65536), b''):\n            digest.update(chunk)\n"
               "    return digest.hexdigest()\n"),
        record("own/http", "Parse the status line of an HTTP/1.1 response such as 'HTTP/1.1 404 Not Found' into a "
                           "tuple of the protocol version, the integer status code and the reason phrase.",
               "def parse_status(line):\n    version, code, reason = line.split(' ', 2)\n"
               "    return version, int(code), reason\n"),
    };
    records[3].answers = {{"Here is the code:\n```python\ndef parse_status(line):\n    parts = line.split(maxsplit=2)\n"
                           "    return parts[0], int(parts[1]), parts[2]\n```",
                           "teacher-model", 0.8, nlohmann::json::object()}};
    return records;
}

}  // namespace

class TestContamination : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void flagsARenamedReformattedCopy_data()
    {
        QTest::addColumn<QString>("taskId");
        QTest::addColumn<QStringList>("renames");

        QTest::newRow("HumanEval/0") << "HumanEval/0"
                                     << QStringList{"has_close_elements=any_pair_within", "idx2=j", "elem2=b", "idx=i",
                                                    "elem=a", "distance=gap"};
        QTest::newRow("HumanEval/12") << "HumanEval/12"
                                      << QStringList{"longest=pick_longest", "maxlen=best", "s=candidate", "x=item"};
        QTest::newRow("HumanEval/26") << "HumanEval/26"
                                      << QStringList{"remove_duplicates=drop_repeats", "c=counts", "n=value",
                                                     "collections=cl"};
    }

    void flagsARenamedReformattedCopy()
    {
        QFETCH(QString, taskId);
        QFETCH(QStringList, renames);
        const Problem& problem = *humanEval().find(taskId.toStdString());
        std::vector<TrainingRecord> training = unrelatedRecords();
        training.push_back(record("leak/1", "Complete the following Python function.\n\n" +
                                                reformatted(renamed(problem.prompt, renames)),
                                  reformatted(renamed(problem.prompt + problem.canonicalSolution, renames))));
        const ContaminationReport report = findContamination(training, humanEval());

        QCOMPARE(flaggedProblems(report, "leak/1"), std::set<std::string>{taskId.toStdString()});
        for (const TrainingRecord& unrelated : unrelatedRecords())
            QVERIFY2(flaggedProblems(report, unrelated.taskId).empty(), unrelated.taskId.c_str());
        QCOMPARE(report.summary.pairs, 1);
        QCOMPARE(report.summary.trainingRecordsAffected, 1);
        QCOMPARE(report.summary.benchmarkProblemsAffected, 1);
        QCOMPARE(report.summary.benchmarkTaskIds, std::vector<std::string>{taskId.toStdString()});

        const FieldOverlap* field = fieldPair(report, "leak/1", taskId.toStdString(), "instruction", "prompt");
        QVERIFY(field);
        QVERIFY(field->ngramMatch);
        QVERIFY(field->sharedNgrams > 0 && field->sharedNgrams <= field->benchmarkNgrams);
        QVERIFY2(field->longestRun >= 13, qPrintable(QString::number(field->longestRun)));
        QVERIFY(!field->snippet.empty());
        QCOMPARE(int(tokenizeText(field->snippet).size()), field->longestRun);  // the snippet is that run
        QVERIFY(normalizedText(problem.prompt).find(normalizedText(field->snippet)) != std::string::npos);
    }

    void unrelatedProblemsAreNotFlagged()
    {
        const ContaminationReport report = findContamination(unrelatedRecords(), humanEval());
        QVERIFY(report.complete);
        QCOMPARE(report.summary.pairs, 0);
        QCOMPARE(report.summary.trainingRecords, 4);
        QCOMPARE(report.summary.benchmarkProblems, 164);
        QVERIFY(q(contaminationMarkdown(report)).contains("No overlaps found."));
    }

    void everyProblemFindsItself()
    {
        // HumanEval as its own training set: each record must meet its own problem.
        std::vector<TrainingRecord> training;
        for (const Problem& problem : humanEval())
            training.push_back(record("copy/" + problem.taskId, problem.prompt, problem.prompt + problem.canonicalSolution));
        const ContaminationReport report = findContamination(training, humanEval());
        QCOMPARE(report.summary.benchmarkProblemsAffected, 164);
        QCOMPARE(report.summary.trainingRecordsAffected, 164);
        for (const Problem& problem : humanEval()) {
            const FieldOverlap* field = fieldPair(report, "copy/" + problem.taskId, problem.taskId, "instruction", "prompt");
            QVERIFY2(field, problem.taskId.c_str());
            QVERIFY(field->jaccardMatch);
            QCOMPARE(field->jaccard, 1.0);
            QCOMPARE(std::size_t(field->longestRun), tokenizeText(problem.prompt).size());
        }
    }

    void verbatimNgramRespectsN_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("ngram");
        QTest::addColumn<bool>("flagged");
        QTest::addColumn<int>("run");  // tokens shared in a row

        // HumanEval/12's docstring holds exactly these 13 tokens; the words around them differ.
        const QString thirteen = "return the first one in case of multiple strings of the same length";
        const QString twelve = "return the first one in case of multiple strings of the same";
        QTest::newRow("13 tokens, n = 13") << "My homework: " + thirteen + ", so please be careful with ties." << 13
                                           << true << 13;
        QTest::newRow("13 tokens, n = 14") << "My homework: " + thirteen + ", so please be careful with ties." << 14
                                           << false << 13;
        QTest::newRow("12 tokens, n = 13") << "My homework: " + twelve + " size, so please be careful." << 13 << false
                                           << 12;
        QTest::newRow("12 tokens, n = 12") << "My homework: " + twelve + " size, so please be careful." << 12 << true
                                           << 12;
        QTest::newRow("13 tokens, n = 10") << "My homework: " + thirteen + ", so please be careful with ties." << 10
                                           << true << 13;
        QTest::newRow("other case and punctuation") << "RETURN the FIRST one -- in case of multiple strings (of the "
                                                       "same length)!"
                                                    << 13 << true << 13;
    }

    void verbatimNgramRespectsN()
    {
        QFETCH(QString, text);
        QFETCH(int, ngram);
        QFETCH(bool, flagged);
        QFETCH(int, run);
        ContaminationOptions options;
        options.ngram = ngram;
        options.jaccard = 0;  // the n-gram check alone
        const ContaminationReport report =
            findContamination({record("t/1", text.toStdString())}, humanEval(), options);
        if (!flagged) {
            QCOMPARE(report.summary.pairs, 0);
            return;
        }
        QCOMPARE(flaggedProblems(report, "t/1"), std::set<std::string>{"HumanEval/12"});
        const FieldOverlap* field = fieldPair(report, "t/1", "HumanEval/12", "instruction", "prompt");
        QVERIFY(field);
        QVERIFY(field->ngramMatch && !field->jaccardMatch);
        QCOMPARE(field->sharedNgrams, run - ngram + 1);  // a run of r tokens holds r - n + 1 n-grams
        QCOMPARE(field->longestRun, run);
        QVERIFY(q(field->snippet).startsWith("return the first one", Qt::CaseInsensitive));
    }

    void numericNgramsAreSkipped()
    {
        // A doctest of HumanEval/35: one word among fourteen tokens.
        const std::string text = "Sample output: 3 max_element([5, 3, -5, 2, -3, 3, 9, 0, 123, 1, -10]) gives 123.";
        ContaminationOptions options;
        options.jaccard = 0;
        QCOMPARE(findContamination({record("t/1", text)}, humanEval(), options).summary.pairs, 0);
        options.skipNumericNgrams = false;
        const ContaminationReport report = findContamination({record("t/1", text)}, humanEval(), options);
        QVERIFY(flaggedProblems(report, "t/1").count("HumanEval/35"));
    }

    void jaccardThresholdIsRespected_data()
    {
        QTest::addColumn<double>("offset");  // threshold = exact Jaccard + offset
        QTest::addColumn<bool>("flagged");
        QTest::newRow("below") << -0.05 << true;
        QTest::newRow("at") << 0.0 << true;
        QTest::newRow("above") << 0.05 << false;
    }

    void jaccardThresholdIsRespected()
    {
        QFETCH(double, offset);
        QFETCH(bool, flagged);
        // HumanEval/26's prompt with its function renamed and one sentence rewritten.
        const Problem& problem = *humanEval().find("HumanEval/26");
        const std::string text =
            renamed(problem.prompt, {"remove_duplicates=unique_only", "Keep=Preserve"}) + "\nUse a Counter.";
        const double exact = referenceJaccard(text, problem.prompt, 5);
        QVERIFY2(exact > 0.3 && exact < 0.9, qPrintable(QString::number(exact)));

        ContaminationOptions options;
        options.ngram = 0;  // the near-duplicate check alone
        options.jaccard = std::clamp(exact + offset, 0.01, 1.0);
        const ContaminationReport report = findContamination({record("t/1", text)}, humanEval(), options);
        const FieldOverlap* field = fieldPair(report, "t/1", "HumanEval/26", "instruction", "prompt");
        QCOMPARE(field != nullptr, flagged);
        if (field) {
            QVERIFY(field->jaccardMatch && !field->ngramMatch);
            QVERIFY(std::abs(field->jaccard - exact) < 1e-12);
        }
    }

    void mbppUsesItsOwnFieldNames()
    {
        const ProblemSet mbpp = loadProblemSet(std::filesystem::path(RRTF_TEST_DATA) / "mbpp/mbpp.jsonl");
        const Problem& problem = *mbpp.find("11");
        std::string code = problem.canonicalSolution;
        std::erase(code, '\r');
        const ContaminationReport report =
            findContamination({record("copy", problem.prompt, renamed(code, {"remove_Occ=strip_char"}))}, mbpp);
        QVERIFY(flaggedProblems(report, "copy").count("11"));
        QVERIFY(fieldPair(report, "copy", "11", "instruction", "text"));
        QVERIFY(fieldPair(report, "copy", "11", "solution", "code"));
        QCOMPARE(report.benchmarkFormat, std::string("mbpp"));
    }

    void reportRendersAsJsonAndMarkdown()
    {
        const Problem& problem = *humanEval().find("HumanEval/0");
        std::vector<TrainingRecord> training = unrelatedRecords();
        training.push_back(record("leak|0", problem.prompt, problem.prompt + problem.canonicalSolution));
        ContaminationReport report = findContamination(training, humanEval());
        report.trainingLabel = "train.jsonl";

        const nlohmann::ordered_json json = contaminationJson(report);
        const QString markdown = q(contaminationMarkdown(report));
        QCOMPARE(json["training"]["path"].get<std::string>(), std::string("train.jsonl"));
        QCOMPARE(json["training"]["records"].get<int>(), 5);
        QCOMPARE(json["benchmark"]["format"].get<std::string>(), std::string("humaneval"));
        QCOMPARE(json["benchmark"]["problems"].get<int>(), 164);
        QCOMPARE(json["options"]["ngram"].get<int>(), 13);
        QCOMPARE(json["options"]["minhash"]["bands"].get<int>(), 42);
        // HumanEval/20's solution shares the double loop over enumerate(numbers)
        // with HumanEval/0's, 15 tokens: a real overlap, reported with its small coverage.
        QVERIFY2(json["summary"]["pairs"].get<int>() == 2, qPrintable(markdown));
        QCOMPARE(json["summary"]["training_records_affected"].get<int>(), 1);
        QCOMPARE(json["summary"]["benchmark_task_ids"], (nlohmann::ordered_json{"HumanEval/0", "HumanEval/20"}));
        const auto& idiom = json["pairs"][1];
        QCOMPARE(idiom["fields"].size(), std::size_t(1));
        QCOMPARE(idiom["fields"][0]["training_field"].get<std::string>(), std::string("solution"));
        QCOMPARE(idiom["fields"][0]["benchmark_field"].get<std::string>(), std::string("canonical_solution"));
        QVERIFY(idiom["fields"][0]["ngram_match"].get<bool>() && !idiom["fields"][0]["jaccard_match"].get<bool>());
        QCOMPARE(idiom["fields"][0]["longest_run"].get<int>(), 15);
        QCOMPARE(idiom["fields"][0]["shared_ngrams"].get<int>(), 3);
        const auto& pair = json["pairs"][0];
        QCOMPARE(pair["training_task_id"].get<std::string>(), std::string("leak|0"));
        QCOMPARE(pair["benchmark_task_id"].get<std::string>(), std::string("HumanEval/0"));
        QCOMPARE(pair["fields"][0]["training_field"].get<std::string>(), std::string("instruction"));
        QCOMPARE(pair["fields"][0]["benchmark_field"].get<std::string>(), std::string("prompt"));
        QCOMPARE(pair["fields"][0]["jaccard"].get<double>(), 1.0);
        QVERIFY(pair["fields"][0]["snippet"].get<std::string>().starts_with("from typing import List def"));

        QVERIFY(markdown.contains("Training set: train.jsonl (5 records)"));
        QVERIFY(markdown.contains("13-gram overlap"));
        QVERIFY(markdown.contains("| training task | benchmark task"));
        QVERIFY(markdown.contains("| leak\\|0 "));  // a pipe in a cell cannot break the table
        QVERIFY(markdown.contains("| HumanEval/0 "));
        QVERIFY(markdown.contains("13-gram, Jaccard"));
    }

    void badOptionsAreRefused()
    {
        ContaminationOptions options;
        options.ngram = 0;
        options.jaccard = 0;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, findContamination({}, humanEval(), options));
        options.jaccard = 1.5;
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, findContamination({}, humanEval(), options));
    }
};

QTEST_GUILESS_MAIN(TestContamination)
#include "test_contamination.moc"

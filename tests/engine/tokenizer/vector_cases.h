// The llama.cpp-style tokenizer vectors in tests/data/tokenizer: an .inp file
// of cases each followed by "\n__ggml_vocab_test__\n", and an .out file with one
// line of " id id ..." per case. Read as bytes: CR characters are part of cases.
#pragma once

#include "tokenizer/tokenizer.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QtTest>

#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace rrtf::test {

inline const QString kTokenizerData = QStringLiteral(RRTF_TEST_DATA "/tokenizer/");

struct VectorCase {
    QByteArray text;
    QList<int> ids;
};

inline QByteArray readBytes(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) throw std::runtime_error("cannot read " + path.toStdString());
    return file.readAll();
}

inline std::vector<VectorCase> readVectorCases(const QString& inputName, const QString& outputName)
{
    const QByteArray input = readBytes(kTokenizerData + inputName);
    const QByteArray output = readBytes(kTokenizerData + outputName);
    const QByteArray separator = "\n__ggml_vocab_test__\n";
    QList<QByteArray> texts;
    qsizetype done = 0;
    for (qsizetype at = input.indexOf(separator); at >= 0; at = input.indexOf(separator, done)) {
        texts.append(input.mid(done, at - done));
        done = at + separator.size();
    }
    QList<QByteArray> lines = output.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty()) lines.removeLast();
    if (lines.size() != texts.size())
        throw std::runtime_error(inputName.toStdString() + " and " + outputName.toStdString() + " disagree on the case count");
    std::vector<VectorCase> cases;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        VectorCase c{texts[i], {}};
        for (const QByteArray& id : lines[i].split(' '))
            if (!id.isEmpty()) c.ids.append(id.toInt());
        cases.push_back(c);
    }
    return cases;
}

// Loading a 2 MB tokenizer.json takes a moment: each file is loaded once per test run.
inline const Tokenizer& sharedTokenizer(const QString& name)
{
    static std::mutex mutex;
    static std::map<QString, std::unique_ptr<Tokenizer>> loaded;
    std::lock_guard lock(mutex);
    auto& slot = loaded[name];
    if (!slot) slot = loadTokenizer((kTokenizerData + name).toStdString());
    return *slot;
}

// Adds one row per case: columns tokenizer (QString), text (QByteArray), ids (QList<int>).
inline void addVectorRows(const QString& tokenizerName, const QString& inputName, const QString& outputName)
{
    const auto cases = readVectorCases(inputName, outputName);
    for (std::size_t i = 0; i < cases.size(); ++i)
        QTest::addRow("%s #%02d", qPrintable(outputName), int(i)) << tokenizerName << cases[i].text << cases[i].ids;
}

inline void addAllVectorColumns()
{
    QTest::addColumn<QString>("tokenizer");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("ids");
}

// The three required sets: StarCoder 1 and WizardCoder tokenizer.json files.
inline void addJsonVectorRows()
{
    addAllVectorColumns();
    addVectorRows("starcoder-tokenizer.json", "ggml-vocab-starcoder1.gguf.inp", "ggml-vocab-starcoder1.gguf.out");
    addVectorRows("starcoder-tokenizer.json", "starcoder1-code.inp", "starcoder1-code.out");
    addVectorRows("wizardcoder-15b-tokenizer.json", "starcoder1-code.inp", "wizardcoder-code.out");
}

inline QList<int> toList(const std::vector<int>& ids)
{
    return QList<int>(ids.begin(), ids.end());
}

inline std::vector<int> toVector(const QList<int>& ids)
{
    return std::vector<int>(ids.begin(), ids.end());
}

inline std::string toStd(const QByteArray& bytes)
{
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

}  // namespace rrtf::test

#include "rankings_summary.h"

#include "free_tr.h"

#include <algorithm>
#include <map>

namespace rrtf {

int classSlot(const std::optional<AnswerClass>& answerClass)
{
    return answerClass ? int(*answerClass) : kNotRankedSlot;
}

QString classSlotText(int slot)
{
    switch (slot) {
    case int(AnswerClass::CompileError): return tr("compile error");
    case int(AnswerClass::RuntimeError): return tr("runtime error");
    case int(AnswerClass::Partial): return tr("partial");
    case int(AnswerClass::AllPass): return tr("all pass");
    default: return tr("not ranked");
    }
}

QString answerClassText(const std::optional<AnswerClass>& answerClass)
{
    return classSlotText(classSlot(answerClass));
}

RankingsSummary summarizeRankings(const std::vector<RankedItem>& items)
{
    RankingsSummary summary;
    std::map<std::string, int> reasons;
    summary.items = int(items.size());
    for (const RankedItem& item : items) {
        for (const RankedAnswer& answer : item.teachers)
            ++summary.teacherClasses[classSlot(answer.answerClass)];
        for (const RankedAnswer& answer : item.students) {
            ++summary.studentClasses[classSlot(answer.answerClass)];
            // A ranked student with a reason is a dropped pair (ranking.h).
            if (answer.ranked() && !answer.reason.empty())
                ++summary.droppedPairs;
        }
        summary.pairs += int(item.pairs.size());
        if (!item.pairs.empty())
            ++summary.itemsWithPairs;
        else
            ++reasons[item.reason.empty() ? std::string("no pair") : item.reason];
    }
    summary.leftOut.assign(reasons.begin(), reasons.end());
    std::stable_sort(summary.leftOut.begin(), summary.leftOut.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return summary;
}

QString classCountsText(const ClassCounts& counts, const QString& none)
{
    QStringList parts;
    // Best first: all pass, partial, runtime error, compile error, then not ranked.
    for (int slot : {int(AnswerClass::AllPass), int(AnswerClass::Partial), int(AnswerClass::RuntimeError),
                     int(AnswerClass::CompileError), kNotRankedSlot})
        if (counts[slot] > 0)
            parts << QStringLiteral("%1 %2").arg(counts[slot]).arg(classSlotText(slot));
    return parts.isEmpty() ? none : parts.join(QStringLiteral(" · "));
}

ClassCounts studentClassCounts(const RankedItem& item)
{
    ClassCounts counts{};
    for (const RankedAnswer& answer : item.students)
        ++counts[classSlot(answer.answerClass)];
    return counts;
}

QString summaryText(const RankingsSummary& summary)
{
    QStringList lines;
    lines << tr("Items: %1 · with pairs: %2 · left out: %3 · pairs trained on: %4 · pairs dropped: %5")
                 .arg(summary.items)
                 .arg(summary.itemsWithPairs)
                 .arg(summary.itemsLeftOut())
                 .arg(summary.pairs)
                 .arg(summary.droppedPairs);
    lines << tr("Teachers: %1").arg(classCountsText(summary.teacherClasses, tr("no answer")));
    lines << tr("Students: %1").arg(classCountsText(summary.studentClasses, tr("no answer")));
    if (!summary.leftOut.empty()) {
        QStringList reasons;
        for (const auto& [reason, count] : summary.leftOut)
            reasons << QStringLiteral("%1 × %2").arg(count).arg(QString::fromStdString(reason));
        lines << tr("Left out: %1").arg(reasons.join(QStringLiteral("; ")));
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace rrtf

// What a rankings file (`rrtf rank`) holds, counted: items, answers per class
// for teachers and students, the pairs the loss will train on, the pairs
// dropped, and the items left out grouped by their reason. The rankings viewer
// shows it above its table so that the shape of the training data is visible
// before a job starts.
#pragma once

#include "training/ranking.h"

#include <QString>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rrtf {

// Answer classes as the viewer counts them: the four of ranking.h, then
// answers that were not ranked (tampered or sandbox error).
constexpr int kAnswerClassCount = 4;
constexpr int kNotRankedSlot = kAnswerClassCount;
using ClassCounts = std::array<int, kAnswerClassCount + 1>;

// The slot of an answer's class in ClassCounts (kNotRankedSlot when not ranked).
int classSlot(const std::optional<AnswerClass>& answerClass);
// The class as shown to people ("all pass", "not ranked"), translated.
QString classSlotText(int slot);
QString answerClassText(const std::optional<AnswerClass>& answerClass);

struct RankingsSummary {
    int items = 0;
    int itemsWithPairs = 0;
    int pairs = 0;
    int droppedPairs = 0;  // ranked students whose teacher's class is below theirs
    ClassCounts teacherClasses{};  // every teacher answer, not only the best
    ClassCounts studentClasses{};
    // Items that yield no pair, by reason, the most frequent first.
    std::vector<std::pair<std::string, int>> leftOut;

    int itemsLeftOut() const { return items - itemsWithPairs; }
};

RankingsSummary summarizeRankings(const std::vector<RankedItem>& items);

// "2 all pass · 1 partial · 1 compile error" (classes with no answer left out,
// best first); `none` when every count is zero.
QString classCountsText(const ClassCounts& counts, const QString& none);
ClassCounts studentClassCounts(const RankedItem& item);

// The summary as lines of plain text (the viewer's header and its tooltip).
QString summaryText(const RankingsSummary& summary);

}  // namespace rrtf

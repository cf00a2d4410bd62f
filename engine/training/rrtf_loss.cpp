#include "training/rrtf_loss.h"

#include "runtime/error.h"
#include "runtime/shape_text.h"

#include <algorithm>
#include <set>
#include <string>

namespace rrtf {
namespace {

// Positions whose label is scored: labelled and not the first position.
at::Tensor scoredMask(const at::Tensor& labels)
{
    at::Tensor scored = labels.ne(kIgnoreLabel);
    if (scored.size(1) > 0)
        scored.select(1, 0).fill_(false);
    return scored;
}

void checkLabels(const at::Tensor& labels, at::IntArrayRef expected, const char* what)
{
    if (!labels.defined() || labels.dim() != 2 || labels.sizes() != expected)
        throw InvalidArgument(std::string("labels must be [rows, tokens] matching the ") + what + " " +
                              shapeText(expected) + ", got " +
                              (labels.defined() ? shapeText(labels.sizes()) : std::string("none")));
}

}  // namespace

at::Tensor tokenLogProbs(const at::Tensor& logits, const at::Tensor& labels, int64_t chunkRows)
{
    if (!logits.defined() || logits.dim() != 3)
        throw InvalidArgument("logits must be [rows, tokens, vocab], got " +
                              (logits.defined() ? shapeText(logits.sizes()) : std::string("none")));
    if (chunkRows <= 0)
        throw InvalidArgument("chunkRows must be positive, got " + std::to_string(chunkRows));
    const int64_t rows = logits.size(0), steps = logits.size(1), vocab = logits.size(2);
    checkLabels(labels, logits.sizes().slice(0, 2), "logits");

    at::Tensor out = at::zeros({rows * steps}, logits.options().dtype(at::kFloat));
    const at::Tensor onDevice = labels.to(logits.device(), at::kLong);
    const at::Tensor target = scoredMask(onDevice).flatten().nonzero().squeeze(1);  // flat positions scored
    const int64_t count = target.numel();
    if (count == 0)
        return out.view({rows, steps});
    const at::Tensor tokens = onDevice.flatten().index_select(0, target);
    const auto [low, high] = at::aminmax(tokens);
    if (low.item<int64_t>() < 0 || high.item<int64_t>() >= vocab)
        throw InvalidArgument("label id out of range: labels must be " + std::to_string(kIgnoreLabel) +
                              " or lie in [0, " + std::to_string(vocab) + ")");

    // The logits one position earlier predict each scored token. Only those rows
    // are taken, a chunk at a time, and normalised in float32 by logsumexp.
    const at::Tensor flat = logits.reshape({rows * steps, vocab});
    const at::Tensor source = target - 1;
    std::vector<at::Tensor> parts;
    for (int64_t begin = 0; begin < count; begin += chunkRows) {
        const int64_t length = std::min(chunkRows, count - begin);
        const at::Tensor chunk = flat.index_select(0, source.narrow(0, begin, length)).to(at::kFloat);
        const at::Tensor picked = chunk.gather(1, tokens.narrow(0, begin, length).unsqueeze(1)).squeeze(1);
        parts.push_back(picked - chunk.logsumexp(1));
    }
    return out.scatter(0, target, parts.size() == 1 ? parts.front() : at::cat(parts)).view({rows, steps});
}

at::Tensor responseTokenCounts(const at::Tensor& labels)
{
    if (!labels.defined() || labels.dim() != 2)
        throw InvalidArgument("labels must be [rows, tokens]");
    return scoredMask(labels).sum(1);
}

at::Tensor sequenceScores(const at::Tensor& tokenLogProbs, const at::Tensor& labels)
{
    if (!tokenLogProbs.defined() || tokenLogProbs.dim() != 2)
        throw InvalidArgument("token log-probs must be [rows, tokens]");
    checkLabels(labels, tokenLogProbs.sizes(), "token log-probs");
    const at::Tensor mask = scoredMask(labels.to(tokenLogProbs.device()));
    const at::Tensor counts = mask.sum(1);
    const auto empty = counts.eq(0).nonzero();
    if (empty.numel() > 0)
        throw InvalidArgument("row " + std::to_string(empty[0].item<int64_t>()) +
                              " has no response token: its length-normalised score is undefined");
    const at::Tensor sums = at::where(mask, tokenLogProbs.to(at::kFloat), at::zeros({}, tokenLogProbs.options().dtype(at::kFloat))).sum(1);
    return sums / counts.to(at::kFloat);
}

RrtfLoss rrtfLossFromLogProbs(const at::Tensor& tokenLogProbs, const at::Tensor& labels,
                              const std::vector<LossItem>& items, SftReduction sft)
{
    if (!tokenLogProbs.defined() || tokenLogProbs.dim() != 2)
        throw InvalidArgument("token log-probs must be [rows, tokens]");
    checkLabels(labels, tokenLogProbs.sizes(), "token log-probs");
    if (items.empty())
        throw InvalidArgument("the RRTF loss needs at least one item (prompt)");
    const int64_t rowCount = tokenLogProbs.size(0);

    // Rows that take part, checked before any row is scored.
    std::set<int64_t> usedRows;
    std::vector<int64_t> teacherRows, pairTeacher, pairStudent;
    std::vector<double> gaps;
    auto checkRow = [&](int64_t row, std::size_t item, const char* role) {
        if (row < 0 || row >= rowCount)
            throw InvalidArgument("item " + std::to_string(item) + ": " + role + " row " + std::to_string(row) +
                                  " is out of range (" + std::to_string(rowCount) + " rows)");
        usedRows.insert(row);
    };
    for (std::size_t i = 0; i < items.size(); ++i) {
        checkRow(items[i].teacherRow, i, "teacher");
        teacherRows.push_back(items[i].teacherRow);
        for (const LossPair& pair : items[i].pairs) {
            checkRow(pair.studentRow, i, "student");
            if (!(pair.rTeacher > pair.rStudent))
                continue;  // the sum runs over r_tea > r_stu only (method.md §1.3)
            pairTeacher.push_back(items[i].teacherRow);
            pairStudent.push_back(pair.studentRow);
            gaps.push_back(pair.rTeacher - pair.rStudent);
        }
    }

    const at::Tensor mask = scoredMask(labels.to(tokenLogProbs.device()));
    const at::Tensor counts = mask.sum(1);
    const at::Tensor countsOnHost = counts.to(at::kCPU);
    RrtfLoss loss;
    for (int64_t row : usedRows) {
        const int64_t tokens = countsOnHost[row].item<int64_t>();
        if (tokens == 0)
            throw InvalidArgument("row " + std::to_string(row) +
                                  " has no response token: its length-normalised score is undefined");
        loss.tokens += tokens;
    }
    for (int64_t row : teacherRows)
        loss.teacherTokens += countsOnHost[row].item<int64_t>();

    const auto floatOptions = tokenLogProbs.options().dtype(at::kFloat);
    const auto indexOptions = at::TensorOptions().dtype(at::kLong).device(tokenLogProbs.device());
    const at::Tensor sums = at::where(mask, tokenLogProbs.to(at::kFloat), at::zeros({}, floatOptions)).sum(1);
    // Unused rows may be empty; their count is clamped only to keep the division finite.
    const at::Tensor p = sums / counts.clamp_min(1).to(at::kFloat);
    const double itemCount = double(items.size());

    const at::Tensor teachers = at::tensor(teacherRows, indexOptions);
    loss.sft = -(sft == SftReduction::Mean ? p : sums).index_select(0, teachers).sum() / itemCount;
    if (gaps.empty()) {
        loss.rank = at::zeros({}, floatOptions);
    } else {
        const at::Tensor pTeacher = p.index_select(0, at::tensor(pairTeacher, indexOptions));
        const at::Tensor pStudent = p.index_select(0, at::tensor(pairStudent, indexOptions));
        const at::Tensor gap = at::tensor(gaps, at::TensorOptions().dtype(at::kDouble)).to(floatOptions);
        const at::Tensor difference = pStudent - pTeacher;
        loss.rank = (gap * at::relu(difference)).sum() / itemCount;
        loss.activePairs = difference.detach().gt(0).sum().item<int64_t>();
    }
    loss.total = loss.rank + loss.sft;
    loss.scores = p.detach();
    loss.items = int64_t(items.size());
    loss.pairs = int64_t(gaps.size());
    return loss;
}

RrtfLoss rrtfLoss(const at::Tensor& logits, const at::Tensor& labels, const std::vector<LossItem>& items,
                  SftReduction sft)
{
    return rrtfLossFromLogProbs(tokenLogProbs(logits, labels), labels, items, sft);
}

}  // namespace rrtf

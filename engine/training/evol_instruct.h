// Evol-Instruct for code (method.md §1.0 and §5): the evolution prompts,
// verbatim, and the two halves of a round around the teacher model that the
// caller runs in between:
//
//   std::vector<EvolRequest> requests = evolutionRequests(seeds, options);
//   std::vector<std::string> replies = /* the teacher's reply to each request.text */;
//   EvolResult round = applyEvolution(seeds, requests, replies, evolvedInstructionFilters());
//
// The evolved records carry no solution and no tests yet; those are written in
// a later step and checked with filterRecords (evol_filters.h).
#pragma once

#include "training/evol_filters.h"
#include "training/training_records.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rrtf {

enum class EvolPrompt {
    WizardCoder,  // method.md §5.1: one heuristic per instruction
    PanGuCoder2,  // method.md §1.0, the paper's Fig. 2
};

// Stable names: "wizardcoder", "pangu-coder2".
std::string_view evolPromptName(EvolPrompt prompt);
std::optional<EvolPrompt> parseEvolPrompt(std::string_view name);

// WizardCoder's five code heuristics, verbatim (method.md §5.2), numbered 1..5.
constexpr int kCodeHeuristicCount = 5;
std::string_view codeEvolutionHeuristic(int number);  // InvalidArgument outside 1..5
// The five as a numbered list, one per line: "1. Add new constraints ...\n2. ...".
std::string codeEvolutionHeuristicList();

// WizardCoder's template with heuristic `number` (no trailing newline, as in
// its Python source):
//   "Please increase the difficulty of the given programming test question a bit.\n\n"
//   "You can increase the difficulty using, but not limited to, the following methods:\n"
//   "{method}\n\n{question}"
std::string wizardCoderEvolutionPrompt(std::string_view instruction, int heuristic);

// PanGu-Coder2's Fig. 2 prompt. The paper prints its sentences without line
// breaks (lost in extraction) and does not print what fills {methods}
// ([NOT FOUND]); here the sentences are laid out one group per line, the
// bold-faced sentences are plain text, and {methods} is `methods`, by default
// codeEvolutionHeuristicList() (the natural candidate, method.md §1.0). Ends
// with "#Rewritten Task#\n" so that the reply is the rewritten task itself.
std::string panGuCoder2EvolutionPrompt(std::string_view instruction, std::string_view methods);

// The phrases Fig. 2 forbids in the rewritten task: "#Given Task#",
// "#Rewritten Task#", "given task", "rewritten task".
std::span<const std::string_view> forbiddenEvolutionPhrases();

// The heuristic for one instruction, 1..5: a splitmix64 draw from the seed and
// the task id, so a record's draw does not depend on the others in the set and
// is the same on every platform.
int drawHeuristic(std::uint64_t seed, std::string_view taskId);

struct EvolOptions {
    EvolPrompt prompt = EvolPrompt::PanGuCoder2;  // the paper's own prompt
    std::uint64_t seed = 1;                       // heuristic draws
    // PanGu-Coder2 only. false: {methods} lists all five heuristics; true: only the
    // one drawn for the instruction, as WizardCoder does.
    bool panGuOneHeuristic = false;
};

// One prompt for the teacher. Give `text` as the user message of the teacher's
// own prompt template (e.g. WizardCoder's Alpaca template).
struct EvolRequest {
    std::string parentTaskId;
    std::string taskId;  // of the evolved record: "<seed id>/evol<round>"
    std::string seedTaskId;
    int round = 1;
    EvolPrompt prompt = EvolPrompt::PanGuCoder2;
    std::optional<int> heuristic;  // 1..5 when the prompt names one heuristic
    std::string text;
};

// One request per record, in record order. InvalidArgument when an evolved
// task id would equal an existing record's (evolve each round's newest records).
std::vector<EvolRequest> evolutionRequests(const std::vector<TrainingRecord>& records, const EvolOptions& options = {});

struct CleanedInstruction {
    bool accepted = false;
    std::string instruction;  // when accepted
    std::string reason;       // when rejected
};

// The evolved instruction in a teacher's reply. Removes an echo of the prompt
// up to the last "#Rewritten Task#" (or WizardCoder-style "#Rewritten Test#",
// "#Rewritten Prompt#") marker and a leading "Rewritten Task:" label, trims
// whitespace. Rejects an empty reply, one without words, one that still contains
// a forbidden phrase (Fig. 2), and a short refusal ("sorry" in fewer than 80
// words: WizardLM's elimination rule for responses, applied to the reply).
CleanedInstruction cleanEvolvedInstruction(std::string_view reply);

using EvolResult = FilterResult;

// The evolved records: each reply cleaned (rejections are dropped by the
// "reply" filter, and so is a reply that only restates its parent), then
// `filters` with the input records as the existing set. InvalidArgument when
// the counts of requests and replies differ or a request's parent is not among
// `records`.
EvolResult applyEvolution(const std::vector<TrainingRecord>& records, const std::vector<EvolRequest>& requests,
                          const std::vector<std::string>& replies, const RecordFilterOptions& filters);

}  // namespace rrtf

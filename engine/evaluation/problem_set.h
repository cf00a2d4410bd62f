// Benchmark problem sets: HumanEval, HumanEval+ (EvalPlus), MBPP (full and
// sanitized), DeepSeek-Coder's LeetCode contest set, CoderEval's prompts and the
// workbench's own instruction format, read into one Problem type. See
// spec/evaluation.md §3 and §4 for the formats.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rrtf {

enum class ProblemFormat {
    Auto,           // decided from the first record's fields
    HumanEval,      // openai/human-eval, also HumanEval+ "OriginFmt": task_id, prompt, entry_point, canonical_solution, test
    HumanEvalPlus,  // EvalPlus v0.1.10: HumanEval fields + contract, base_input, plus_input, atol (Mini: no test)
    Mbpp,           // mbpp.jsonl: task_id, text, code, test_list, test_setup_code, challenge_test_list
    MbppSanitized,  // sanitized-mbpp.json: task_id, prompt, code, test_list, test_imports, source_file
    Rrtf,           // the workbench's own JSONL: task_id, instruction, tests, solution?, entry_point?
    LeetCode,       // DeepSeek-Coder's contest set: task_id, prompt, prompt_sft, test, meta{difficulty}, url, title
    CoderEval,      // CoderEval's Python prompts: question_id, input, signature, docstring (no tests)
};

// Stable names for the CLI and JSON: "auto", "humaneval", "humanevalplus", "mbpp",
// "mbpp-sanitized", "rrtf", "leetcode", "codereval".
std::string_view problemFormatName(ProblemFormat format);
std::optional<ProblemFormat> parseProblemFormat(std::string_view name);

// One problem. The common fields carry each format's counterpart; the comments
// name the source field per format.
struct Problem {
    std::string taskId;  // task_id; MBPP's integer ids as decimal text ("11"); CoderEval's question_id
    ProblemFormat format = ProblemFormat::HumanEval;
    int sourceLine = 0;  // 1-based line of the record in its file

    // What the model is shown: HumanEval(+) `prompt` (code: imports, signature,
    // docstring), MBPP `text`, sanitized MBPP `prompt`, own format `instruction`,
    // LeetCode `prompt` (the problem as a docstring, then a `class Solution` stub
    // whose method body the model writes), CoderEval `input` (signature, docstring).
    std::string prompt;
    // What an instruction-tuned model is shown instead, when the format has it:
    // LeetCode `prompt_sft` (the problem text, then the stub in a ```python fence).
    // Empty for the other formats.
    std::string instructionPrompt;
    // LeetCode `meta.difficulty` ("Easy", "Medium", "Hard"), for display; empty elsewhere.
    std::string difficulty;
    // The reference: HumanEval(+) `canonical_solution` (a body that continues the
    // prompt), MBPP `code` (a whole program), own format `solution`. May be empty.
    std::string canonicalSolution;
    // Test code: HumanEval(+) `test` (defines check(candidate); empty for
    // HumanEval+ Mini), own format `tests` (asserts or a check function).
    // MBPP keeps its asserts in testList.
    // LeetCode `test`: a script that makes `my_solution = Solution()` and runs 100 asserts.
    std::string test;
    std::string entryPoint;  // HumanEval(+) `entry_point`, own format `entry_point`; empty for MBPP, LeetCode

    // HumanEval+ only. The inputs are kept as the exact JSON text of the file's
    // `base_input` / `plus_input` values (lists of argument lists; some integers
    // are wider than 64 bits, so they are never converted to numbers here). When
    // the file stores a value as a string holding a list literal, the string's
    // content is kept: as JSON when it parses as a JSON list, otherwise as Python
    // text, and then inputsArePython is true.
    std::string contract;
    std::string baseInputs;
    std::string plusInputs;
    bool inputsArePython = false;
    double atol = 0.0;  // `atol`, given as a number or a string

    // MBPP only.
    std::vector<std::string> testList;           // `test_list`: assert lines
    std::vector<std::string> challengeTestList;  // `challenge_test_list` (full MBPP)
    std::string testSetupCode;                   // `test_setup_code` (full MBPP)
    std::vector<std::string> testImports;        // `test_imports` (sanitized MBPP)
    std::string sourceFile;                      // `source_file` (sanitized MBPP)
};

// The problems of one file, in file order, with the file's identity: its path
// and the SHA-256 of its bytes as stored (compressed when the file is .gz), so
// that runs can be keyed by exactly the data they used.
class ProblemSet {
public:
    ProblemSet() = default;
    ProblemSet(std::filesystem::path sourcePath, std::string sha256, ProblemFormat format,
               std::vector<Problem> problems);

    const std::filesystem::path& sourcePath() const { return path; }
    const std::string& sha256() const { return hash; }  // lower-case hex
    ProblemFormat format() const { return setFormat; }
    const std::vector<Problem>& problems() const { return list; }
    std::size_t size() const { return list.size(); }
    bool empty() const { return list.empty(); }
    const Problem& operator[](std::size_t i) const { return list[i]; }
    auto begin() const { return list.begin(); }
    auto end() const { return list.end(); }

    // The problem with this task_id, or nullptr.
    const Problem* find(std::string_view taskId) const;

private:
    std::filesystem::path path;
    std::string hash;
    ProblemFormat setFormat = ProblemFormat::Auto;
    std::vector<Problem> list;
    std::unordered_map<std::string, std::size_t> byTaskId;
};

// Reads a problem file: JSON Lines (.jsonl, or gzip-compressed .jsonl.gz, detected
// from the bytes) or a JSON array (sanitized-mbpp.json). Blank lines are skipped.
// With Auto the format is decided from the first record's fields. Throws
// FormatError naming file and line for an unreadable file, bad JSON, a missing
// field, a field of the wrong type, a duplicate task_id or an empty file.
ProblemSet loadProblemSet(const std::filesystem::path& path, ProblemFormat format = ProblemFormat::Auto);

// The format a record with these top-level keys belongs to; nullopt when none fits.
std::optional<ProblemFormat> detectProblemFormat(const std::vector<std::string>& keys);

// Whether answers to `problem` can be judged here. False for CoderEval: its
// tests and project environments are not part of the records.
bool problemHasTests(const Problem& problem);

// Why answers to `problems` cannot be judged, naming the file ("" when they can).
std::string noTestsReason(const ProblemSet& problems);
// Why answers to `problem` cannot be judged ("" when they can).
std::string noTestsReason(const Problem& problem);

}  // namespace rrtf

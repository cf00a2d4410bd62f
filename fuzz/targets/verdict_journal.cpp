// The verdict journal of `rrtf rank` (RANKINGS.jsonl.verdicts), opened as a
// resumed run opens it: read, its bad or partial tail cut away, appended to.
#include "fuzz_support.h"
#include "training/verdict_journal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("rankings.jsonl.verdicts", data, size);
    rrtf::JudgingSettings settings;
    settings.interpreter = "/usr/bin/python3 3.11.2";
    const bool opened = rrtf::fuzz::expectCleanError(path.string(), [&] {
        rrtf::VerdictJournal journal(path, settings);
        rrtf::Verdict verdict;
        verdict.outcome = rrtf::Outcome::Passed;
        journal.append({"HumanEval/0", rrtf::AnswerRole::Student, "student:/m", 0}, {"c", "t"}, verdict);
        (void)journal.find({"HumanEval/0", rrtf::AnswerRole::Student, "student:/m", 0}, {"c", "t"});
    });
    // What an open left behind must open again, with the verdict appended.
    if (opened) {
        try {
            rrtf::VerdictJournal again(path, settings);
            if (!again.find({"HumanEval/0", rrtf::AnswerRole::Student, "student:/m", 0}, {"c", "t"}))
                rrtf::fuzz::broken("the appended verdict is not found when the journal is opened again");
        } catch (const rrtf::Error& error) {
            rrtf::fuzz::broken(std::string("a journal that opened does not open again: ") + error.what());
        }
    }
    return 0;
}

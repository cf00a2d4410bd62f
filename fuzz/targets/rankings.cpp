// rankings.jsonl as `rrtf train` and the workbench read it; what is read must
// write and read back.
#include "fuzz_support.h"
#include "training/ranking.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto path = rrtf::fuzz::writeFile("rankings.jsonl", data, size);
    std::vector<rrtf::RankedItem> items;
    if (!rrtf::fuzz::expectCleanError(path.string(), [&] { items = rrtf::readRankings(path); }))
        return 0;
    const auto copy = rrtf::fuzz::scratch() / "rankings-copy.jsonl";
    rrtf::writeRankings(copy, items);
    rrtf::fuzz::expectCleanError("", [&] {
        if (rrtf::readRankings(copy).size() != items.size())
            rrtf::fuzz::broken("rankings do not read back after writing");
    });
    return 0;
}

// The learning rate of each optimiser step: linear warm-up from 0 to the peak,
// then cosine (or linear) decay to min_lr_ratio × peak, or constant. A pure
// function of the step, so a resumed run continues the same schedule.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rrtf {

enum class LrScheduleKind { Cosine, Linear, Constant };

// "cosine" | "linear" | "constant".
std::optional<LrScheduleKind> parseLrScheduleKind(std::string_view name);
std::string_view lrScheduleKindName(LrScheduleKind kind);

struct LrSchedule {
    double peakLr = 2e-5;                      // reached at the end of the warm-up
    int64_t warmupSteps = 0;                   // steps 1..warmupSteps ramp up linearly
    int64_t totalSteps = 1;                    // the last step reaches the minimum
    LrScheduleKind kind = LrScheduleKind::Cosine;
    double minLrRatio = 0.0;                   // the floor, as a fraction of peakLr
};

// The rate for optimiser step `step` (1-based: the first step is 1). Step k of
// the warm-up gets peak·k/warmup, so the first step already moves (transformers
// starts at 0 and wastes it). After the warm-up the decay's progress is
// (step - warmupSteps) / (totalSteps - warmupSteps), so the last step gets the
// minimum; later steps keep it. InvalidArgument for a step below 1.
double learningRate(const LrSchedule& schedule, int64_t step);

}  // namespace rrtf

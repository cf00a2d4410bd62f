#include "training/lr_schedule.h"

#include "runtime/error.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace rrtf {

std::optional<LrScheduleKind> parseLrScheduleKind(std::string_view name)
{
    if (name == "cosine")
        return LrScheduleKind::Cosine;
    if (name == "linear")
        return LrScheduleKind::Linear;
    if (name == "constant")
        return LrScheduleKind::Constant;
    return std::nullopt;
}

std::string_view lrScheduleKindName(LrScheduleKind kind)
{
    switch (kind) {
    case LrScheduleKind::Cosine: return "cosine";
    case LrScheduleKind::Linear: return "linear";
    case LrScheduleKind::Constant: return "constant";
    }
    return "cosine";
}

double learningRate(const LrSchedule& schedule, int64_t step)
{
    if (step < 1)
        throw InvalidArgument("learning-rate schedule: step " + std::to_string(step) + " is below 1");
    const double peak = schedule.peakLr;
    if (schedule.warmupSteps > 0 && step <= schedule.warmupSteps)
        return peak * double(step) / double(schedule.warmupSteps);
    if (schedule.kind == LrScheduleKind::Constant)
        return peak;
    const double floor = peak * schedule.minLrRatio;
    const int64_t decaySteps = schedule.totalSteps - schedule.warmupSteps;
    if (decaySteps <= 0)
        return peak;
    const double progress = std::clamp(double(step - schedule.warmupSteps) / double(decaySteps), 0.0, 1.0);
    const double factor = schedule.kind == LrScheduleKind::Cosine
                              ? 0.5 * (1.0 + std::cos(std::numbers::pi * progress))
                              : 1.0 - progress;
    return floor + (peak - floor) * factor;
}

}  // namespace rrtf

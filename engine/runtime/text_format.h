// Small text helpers shared by the record readers and the reports.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace rrtf {

// True when `text` holds nothing but whitespace (an empty solution, an empty test).
inline bool isBlank(std::string_view text)
{
    return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// `value` with exactly `decimals` digits after the point, as printf's "%.*f" writes it.
inline std::string fixedDecimals(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

}  // namespace rrtf

// "[2, 3]": a tensor shape as error messages print it.
#pragma once

#include <c10/util/ArrayRef.h>

#include <cstdint>
#include <string>

namespace rrtf {

inline std::string shapeText(c10::IntArrayRef shape)
{
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i)
        text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

}  // namespace rrtf

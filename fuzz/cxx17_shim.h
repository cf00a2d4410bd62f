// Force-included into the C++17 tensor readers of the fuzz build (see
// CMakeLists.txt): the C++20 names they use that libstdc++ 12 leaves out in C++17.
#pragma once

#include <bit>

#if __cplusplus <= 201703L
namespace std {
enum class endian { little = __ORDER_LITTLE_ENDIAN__, big = __ORDER_BIG_ENDIAN__, native = __BYTE_ORDER__ };
}  // namespace std
#endif

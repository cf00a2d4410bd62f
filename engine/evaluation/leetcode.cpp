#include "evaluation/leetcode.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace rrtf {
namespace {

constexpr std::string_view kImports =
    "import math\n"
    "import re\n"
    "import sys\n"
    "import copy\n"
    "import datetime\n"
    "import itertools\n"
    "import collections\n"
    "import heapq\n"
    "import functools\n"
    "import hashlib\n"
    "import string\n"
    "from typing import *\n"
    "from collections import *\n"
    "from functools import *\n";

constexpr std::string_view kNumpyImports =
    "try:\n"
    "    import numpy\n"
    "    import numpy as np\n"
    "except ImportError:\n"
    "    pass\n";

std::string lowerTrimmed(std::string_view text)
{
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// The body of the first fence tagged python, py or python3 (DeepSeek's regex takes the
// first "```python\n...\n```"); a fence still open at the end runs to the end.
std::optional<std::string> firstPythonBlock(const std::string& text)
{
    static constexpr std::array<std::string_view, 3> kTags{"python", "py", "python3"};
    for (std::size_t open = text.find("```"); open != std::string::npos; open = text.find("```", open + 3)) {
        const std::size_t lineEnd = text.find('\n', open);
        if (lineEnd == std::string::npos)
            return std::nullopt;
        const std::string tag = lowerTrimmed(std::string_view(text).substr(open + 3, lineEnd - open - 3));
        if (std::find(kTags.begin(), kTags.end(), tag) == kTags.end())
            continue;
        const std::size_t bodyStart = lineEnd + 1;
        const std::size_t close = text.find("\n```", lineEnd);
        if (close == std::string::npos)
            return text.substr(bodyStart);
        return close < bodyStart ? std::string() : text.substr(bodyStart, close - bodyStart);
    }
    return std::nullopt;
}

bool startsWithSolutionClass(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return false;
    const std::size_t lineStart = text.rfind('\n', first);
    // At the start of its line: indented text continues the method body instead.
    const bool atColumnZero = lineStart == std::string_view::npos ? first == 0 : lineStart + 1 == first;
    return atColumnZero && text.substr(first).starts_with("class Solution");
}

}  // namespace

std::string leetCodeSolution(const Problem& problem, std::string_view text, bool isFullSolution)
{
    if (isFullSolution)
        return std::string(text);
    // CodeLlama's [PYTHON] tags count as fences, as in evaluate_leetcode.py.
    const std::string answer = replaceAll(replaceAll(std::string(text), "[PYTHON]", "```python"), "[/PYTHON]", "```");
    if (std::optional<std::string> block = firstPythonBlock(answer))
        return *block;
    if (startsWithSolutionClass(text))
        return std::string(text);
    return problem.prompt + std::string(text);
}

std::string leetCodeImports(std::string_view code)
{
    std::string imports(kImports);
    if (code.find("numpy") != std::string_view::npos || code.find("np.") != std::string_view::npos)
        imports += kNumpyImports;
    return imports;
}

}  // namespace rrtf

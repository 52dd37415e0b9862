#pragma once

// The failure and scanning helpers shared by the matrix readers (matrixtext.cpp, npy.cpp).
// Internal to the core: nothing outside those readers includes this header.

#include "messages.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace poolviz::textscan {

inline constexpr std::size_t npos = std::string_view::npos;

// UTF-8 sequences the parser knows.
inline constexpr std::string_view kBom = "\xEF\xBB\xBF";
inline constexpr std::string_view kNbsp = "\xC2\xA0";         // U+00A0 no-break space
inline constexpr std::string_view kMinus = "\xE2\x88\x92";    // U+2212 minus sign
inline constexpr std::string_view kInfinity = "\xE2\x88\x9E"; // U+221E infinity
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6"; // U+2026 horizontal ellipsis

/// Character classes inside brackets. 0: part of a value, 1: space, 2: ',', 3: '[' or '(',
/// 4: ']' or ')', 5: ';', 6: 0xC2, the first byte of a no-break space among others.
constexpr std::array<unsigned char, 256> bracketTable()
{
    std::array<unsigned char, 256> t{};
    t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\v'] = t['\f'] = 1;
    t[','] = 2;
    t['['] = t['('] = 3;
    t[']'] = t[')'] = 4;
    t[';'] = 5;
    t[0xC2] = 6;
    return t;
}
inline constexpr std::array<unsigned char, 256> kBracketTable = bracketTable();

/// Thrown inside the readers only; every public function catches it and returns an IoError.
struct Failure
{
    Message message;
    std::size_t offset = npos; ///< byte offset of the problem in the text, or npos
    bool withColumn = true;    ///< false: report the line only
};

/// Throws a Failure.
[[noreturn]] void fail(Message message, std::size_t offset = npos, bool withColumn = true);
/// Throws a Failure with the message `id` and its arguments.
[[noreturn]] void fail(MessageId id, std::vector<std::string> args = {}, unsigned verbatim = 0,
                       std::size_t offset = npos, bool withColumn = true);

/// `one` when n is 1, else `many`: the id of a message whose English counts "1 value", "3 values".
[[nodiscard]] inline MessageId counted(std::size_t n, MessageId one, MessageId many)
{
    return n == 1 ? one : many;
}

/// 1-based line and column (in characters) of byte `offset`; CRLF and lone CR end lines too.
[[nodiscard]] std::pair<int, int> lineColumn(std::string_view text, std::size_t offset);
/// A token for an error message, to stand between its quotes: at most 32 characters, cut at a
/// character boundary (then ending in "…"), control bytes escaped ("\\x00").
[[nodiscard]] std::string shown(std::string_view token);

[[nodiscard]] bool startsWith(std::string_view s, std::string_view prefix);
/// ASCII case-insensitive equality.
[[nodiscard]] bool equalsIgnoreCase(std::string_view a, std::string_view b);
[[nodiscard]] bool isDigit(char c);

enum class NumberStatus
{
    Ok,
    NotNumber,
    TooLarge
};

/// Reads one number: decimal or exponent notation, nan, inf/infinity, ∞, true/false, with an
/// optional sign ('+', '-' or U+2212). Values beyond float range are TooLarge; tiny values
/// round to zero or a subnormal, as a float32 cast does.
[[nodiscard]] NumberStatus parseNumber(std::string_view s, float &out);
/// Parses `token` (found at `offset`) or fails with a message that quotes it.
[[nodiscard]] float numberOrFail(std::string_view token, std::size_t offset);

/// True if a space (ASCII white space or U+00A0) starts at byte `i`; `length` is its byte count.
/// Inline: the parsers call it for every character.
[[nodiscard]] inline bool isSpace(std::string_view text, std::size_t i, std::size_t &length)
{
    length = 1;
    const unsigned char k = kBracketTable[static_cast<unsigned char>(text[i])];
    if (k == 1)
        return true;
    if (k == 6 && i + 1 < text.size() && text[i + 1] == '\xA0') {
        length = 2;
        return true;
    }
    return false;
}

/// The first byte at or after `pos` that does not start a space.
[[nodiscard]] inline std::size_t skipSpace(std::string_view text, std::size_t pos)
{
    std::size_t length = 1;
    while (pos < text.size() && isSpace(text, pos, length))
        pos += length;
    return pos;
}

/// A letter or '_'.
[[nodiscard]] bool isIdentStart(char c);
/// A letter, digit, '_' or '.'.
[[nodiscard]] bool isIdentChar(char c);
/// The end of the identifier (letters, digits, '_', '.') starting at `pos`; `pos` if none does.
[[nodiscard]] std::size_t identEnd(std::string_view text, std::size_t pos);
/// The word at `pos`, for "unexpected ..." messages.
[[nodiscard]] std::string_view wordAt(std::string_view text, std::size_t pos);

} // namespace poolviz::textscan

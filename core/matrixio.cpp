#include "matrixio.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <new>
#include <random>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

namespace poolviz {

std::string IoError::toString() const
{
    if (line > 0 && column > 0)
        return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
               message;
    if (line > 0)
        return "line " + std::to_string(line) + ": " + message;
    return message;
}

namespace {

constexpr std::size_t npos = std::string_view::npos;

// UTF-8 sequences the parser knows.
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNbsp = "\xC2\xA0";         // U+00A0 no-break space
constexpr std::string_view kMinus = "\xE2\x88\x92";    // U+2212 minus sign
constexpr std::string_view kInfinity = "\xE2\x88\x9E"; // U+221E infinity
constexpr std::string_view kEllipsis = "\xE2\x80\xA6"; // U+2026 horizontal ellipsis

/// Thrown inside this file only; every public function catches it.
struct Failure
{
    std::string message;
    std::size_t offset = npos; ///< byte offset of the problem in the text, or npos
    bool withColumn = true;    ///< false: report the line only
};

[[noreturn]] void fail(std::string message, std::size_t offset = npos, bool withColumn = true)
{
    throw Failure{std::move(message), offset, withColumn};
}

std::string plural(std::size_t n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// 1-based line and column (in characters) of byte `offset`; CRLF and lone CR end lines too.
std::pair<int, int> lineColumn(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    int line = 1;
    std::size_t lineStart = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
    for (std::size_t i = 0; i < offset; ++i) {
        const char c = text[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (std::size_t i = lineStart; i < offset; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++column;
    return {line, column};
}

std::string where(std::string_view text, std::size_t offset)
{
    const auto [line, column] = lineColumn(text, offset);
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// A token for an error message: at most 32 characters, cut at a character boundary.
std::string quoted(std::string_view token)
{
    constexpr std::size_t limit = 32;
    std::size_t chars = 0;
    std::size_t i = 0;
    for (; i < token.size(); ++i) {
        if ((static_cast<unsigned char>(token[i]) & 0xC0) != 0x80 && chars++ == limit)
            break;
    }
    // Control bytes (a NUL from a binary file) are shown escaped, never raw in a message.
    std::string s = "\"";
    for (const char ch : token.substr(0, i)) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            s += "\\x";
            s += hex[c >> 4];
            s += hex[c & 15];
        } else {
            s += ch;
        }
    }
    if (i < token.size())
        s += "\u2026";
    return s + "\"";
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

enum class NumberStatus
{
    Ok,
    NotNumber,
    TooLarge
};

/// Reads one number: decimal or exponent notation, nan, inf/infinity, ∞, true/false, with an
/// optional sign ('+', '-' or U+2212). Values beyond float range are TooLarge; tiny values
/// round to zero or a subnormal, as a float32 cast does.
NumberStatus parseNumber(std::string_view s, float &out)
{
    bool negative = false;
    if (!s.empty() && s[0] == '\xE2' && startsWith(s, kMinus)) {
        negative = true;
        s.remove_prefix(kMinus.size());
    } else if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s.empty())
        return NumberStatus::NotNumber;
    float value = 0.0f;
    if (isDigit(s[0]) || s[0] == '.') {
        const char *end = s.data() + s.size();
        auto [ptr, ec] = std::from_chars(s.data(), end, value);
        if (ptr != end)
            return NumberStatus::NotNumber;
        if (ec == std::errc::result_out_of_range) {
            double wide = 0.0;
            auto [wptr, wec] = std::from_chars(s.data(), end, wide);
            if (wptr != end)
                return NumberStatus::NotNumber;
            if (wec == std::errc()) {
                if (std::fabs(wide) > double(std::numeric_limits<float>::max()))
                    return NumberStatus::TooLarge;
                value = float(wide);
            } else {
                // Beyond double range: an underflow when the exponent is negative or the
                // number starts "0." with no exponent.
                const std::size_t e = s.find_first_of("eE");
                const bool underflow = e != npos ? (e + 1 < s.size() && s[e + 1] == '-')
                                                 : (s[0] == '.' || startsWith(s, "0."));
                if (!underflow)
                    return NumberStatus::TooLarge;
                value = 0.0f;
            }
        } else if (ec != std::errc()) {
            return NumberStatus::NotNumber;
        }
    } else if (s == kInfinity || equalsIgnoreCase(s, "inf") || equalsIgnoreCase(s, "infinity")) {
        value = std::numeric_limits<float>::infinity();
    } else if (equalsIgnoreCase(s, "nan")) {
        value = std::numeric_limits<float>::quiet_NaN();
    } else if (!negative && equalsIgnoreCase(s, "true")) {
        value = 1.0f;
    } else if (!negative && equalsIgnoreCase(s, "false")) {
        value = 0.0f;
    } else {
        return NumberStatus::NotNumber;
    }
    out = negative ? -value : value;
    return NumberStatus::Ok;
}

/// Parses `token` (found at `offset`) or fails with a message that quotes it.
float numberOrFail(std::string_view token, std::size_t offset)
{
    float v = 0.0f;
    switch (parseNumber(token, v)) {
    case NumberStatus::Ok:
        return v;
    case NumberStatus::TooLarge:
        fail(quoted(token) + " is too large for a 32-bit float (largest 3.4028235e+38)", offset);
    case NumberStatus::NotNumber:
        break;
    }
    if (token == "..." || token == kEllipsis)
        fail("\"...\" marks a shortened NumPy print; print the whole array with "
             "np.set_printoptions(threshold=sys.maxsize)",
             offset);
    fail(quoted(token) + " is not a number", offset);
}

/// The numbers read, in C order, and their shape.
struct Parsed
{
    std::vector<float> values;
    std::array<int, 4> shape{1, 1, 0, 0};
    int rank = 2;
};

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
constexpr std::array<unsigned char, 256> kBracketTable = bracketTable();

bool isSpace(std::string_view text, std::size_t i, std::size_t &length)
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

std::size_t skipSpace(std::string_view text, std::size_t pos)
{
    std::size_t length = 1;
    while (pos < text.size() && isSpace(text, pos, length))
        pos += length;
    return pos;
}

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isIdentChar(char c)
{
    return isIdentStart(c) || isDigit(c) || c == '.';
}

std::size_t identEnd(std::string_view text, std::size_t pos)
{
    if (pos >= text.size() || !isIdentStart(text[pos]))
        return pos;
    while (pos < text.size() && isIdentChar(text[pos]))
        ++pos;
    return pos;
}

/// The word at `pos`, for "unexpected ..." messages.
std::string_view wordAt(std::string_view text, std::size_t pos)
{
    std::size_t end = pos;
    std::size_t length = 1;
    while (end < text.size() && !isSpace(text, end, length) && end - pos < 40)
        ++end;
    if (end == pos && pos < text.size())
        end = pos + 1;
    return text.substr(pos, end - pos);
}

// ---- Plain text: rows by line (or ';'), values by spaces, commas, tabs, semicolons ---------

/// Character classes for plain text. 0: part of a value, 1: space-like, 2: a cell separator
/// (',' '\t', and ';' when it separates values), 3: a row end ('\n' '\r', and ';' when it ends
/// rows), 4: 0xC2, the first byte of a no-break space (U+00A0) among others.
constexpr std::array<unsigned char, 256> plainTable(bool semicolonRows)
{
    std::array<unsigned char, 256> t{};
    t[' '] = t['\v'] = t['\f'] = 1;
    t[','] = t['\t'] = 2;
    t['\n'] = t['\r'] = 3;
    t[';'] = semicolonRows ? 3 : 2;
    t[0xC2] = 4;
    return t;
}
constexpr std::array<unsigned char, 256> kPlainValueSemicolons = plainTable(false);
constexpr std::array<unsigned char, 256> kPlainRowSemicolons = plainTable(true);

/// Up to 7 digits with an optional '-': the common case, exact in float, without from_chars.
bool smallInteger(const char *s, std::size_t n, float &out)
{
    const bool negative = n > 1 && s[0] == '-';
    if (negative) {
        ++s;
        --n;
    }
    if (n == 0 || n > 7)
        return false;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned d = unsigned(static_cast<unsigned char>(s[i])) - unsigned('0');
        if (d > 9)
            return false;
        v = v * 10 + int(d);
    }
    out = negative ? -float(v) : float(v);
    return true;
}

/// Appends to a vector through a raw pointer: push_back costs a call per value in Debug builds.
struct Appender
{
    std::vector<float> &values;
    std::size_t count = 0;
    float *data = nullptr;
    void grow()
    {
        values.resize(values.size() * 2 + 4096);
        data = values.data();
    }
    void finish() { values.resize(count); }
};

/// True when some ';'-separated piece of a line holds two or more values ("1 2; 3 4"): then ';'
/// ends rows (MATLAB). Otherwise ';' separates values ("1;2;3", a European CSV).
bool semicolonsSeparateRows(std::string_view text, std::size_t begin, std::size_t end)
{
    const char *p = text.data();
    if (!std::memchr(p + begin, ';', end - begin))
        return false;
    std::size_t words = 0;
    bool inWord = false;
    for (std::size_t i = begin; i < end; ++i) {
        const char c = p[i];
        if (c == ';' || c == '\n' || c == '\r') {
            words = 0;
            inWord = false;
        } else if (c == ' ' || c == '\t' || c == ',' || c == '\v' || c == '\f' ||
                   (c == '\xC2' && i + 1 < end && p[i + 1] == '\xA0')) {
            inWord = false;
        } else if (!inWord && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            inWord = true;
            if (++words >= 2)
                return true;
        }
    }
    return false;
}

/// Parses text[begin, end) as rows of values; blank lines and lines starting with '#' or '%'
/// are skipped.
Parsed parsePlain(std::string_view text, std::size_t begin, std::size_t end, bool semicolonRows)
{
    const unsigned char *table =
        semicolonRows ? kPlainRowSemicolons.data() : kPlainValueSemicolons.data();
    const char *p = text.data();
    // The class of the character at i, and its length in bytes.
    const auto classAt = [&](std::size_t i, std::size_t &length) {
        const unsigned char k = table[static_cast<unsigned char>(p[i])];
        length = 1;
        if (k != 4)
            return int(k);
        if (i + 1 < end && p[i + 1] == '\xA0') {
            length = 2;
            return 1;
        }
        return 0;
    };
    Parsed out;
    Appender values{out.values};
    std::size_t width = 0;
    std::size_t rows = 0;
    std::size_t pos = begin;
    bool lineStart = true;
    while (pos < end) {
        // One row.
        std::size_t count = 0;
        std::size_t firstToken = npos;
        std::size_t surplus = npos;     // the first value beyond row 1's width
        std::size_t leadingCell = npos; // a cell separator before the first value
        std::size_t separators = 0;     // cell separators since the last value
        std::size_t emptyCell = npos;
        bool comment = false;
        std::size_t length = 1;
        while (pos < end) {
            int cls = table[static_cast<unsigned char>(p[pos])];
            length = 1;
            if (cls == 4)
                cls = classAt(pos, length);
            if (cls == 3)
                break;
            if (cls == 1) {
                pos += length;
                continue;
            }
            if (cls == 2) {
                if (firstToken == npos) {
                    if (leadingCell == npos)
                        leadingCell = pos;
                } else if (++separators == 2 && emptyCell == npos) {
                    emptyCell = pos;
                }
                ++pos;
                continue;
            }
            if (firstToken == npos && lineStart && leadingCell == npos &&
                (p[pos] == '#' || p[pos] == '%')) {
                comment = true;
                while (pos < end && p[pos] != '\n' && p[pos] != '\r')
                    ++pos;
                break;
            }
            // A value.
            if (firstToken == npos && leadingCell != npos)
                fail("empty cell before the first value", leadingCell);
            if (emptyCell != npos)
                fail("empty cell: two separators with no value between them", emptyCell);
            const std::size_t start = pos;
            float v = 0.0f;
            if (p[pos] == '"') {
                std::size_t close = pos + 1;
                while (true) {
                    close = text.find('"', close);
                    if (close == npos || close >= end)
                        fail("unterminated quote", start);
                    if (close + 1 < end && p[close + 1] == '"') {
                        close += 2;
                        continue;
                    }
                    break;
                }
                std::string_view cell = text.substr(start + 1, close - start - 1);
                while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\t'))
                    cell.remove_prefix(1);
                while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\t'))
                    cell.remove_suffix(1);
                v = numberOrFail(cell, start);
                pos = close + 1;
                if (pos < end && classAt(pos, length) == 0)
                    fail("unexpected " + quoted(wordAt(text, pos)) + " after a quoted cell", pos);
            } else {
                while (pos < end) {
                    const unsigned char k = table[static_cast<unsigned char>(p[pos])];
                    if (k == 0 || (k == 4 && (pos + 1 >= end || p[pos + 1] != '\xA0')))
                        ++pos;
                    else
                        break;
                }
                if (!smallInteger(p + start, pos - start, v))
                    v = numberOrFail(text.substr(start, pos - start), start);
            }
            if (firstToken == npos)
                firstToken = start;
            ++count;
            if (rows > 0 && count == width + 1)
                surplus = start;
            separators = 0;
            if (values.count == values.values.size())
                values.grow();
            values.data[values.count++] = v;
        }
        // The row's end.
        if (pos < end) {
            const char c = p[pos];
            ++pos;
            if (c == '\r' && pos < end && p[pos] == '\n')
                ++pos;
            lineStart = c != ';';
        }
        if (comment || count == 0)
            continue;
        if (rows == 0) {
            width = count;
        } else if (count != width) {
            // Name the row: on one line ("1 2 3; 4 5") the line number alone does not.
            const std::string message = "row " + std::to_string(rows + 1) + " has " +
                                        plural(count, "value", "values") + ", but row 1 has " +
                                        std::to_string(width);
            if (surplus != npos)
                fail(message, surplus);
            fail(message, firstToken, false);
        }
        ++rows;
        if (rows > std::size_t(std::numeric_limits<int>::max()))
            fail("too many rows");
    }
    values.finish();
    if (rows == 0)
        fail("no numbers found");
    if (width > std::size_t(std::numeric_limits<int>::max()))
        fail("too many values in a row");
    out.shape = {1, 1, int(rows), int(width)};
    out.rank = 2;
    return out;
}

// ---- Bracketed text: NumPy/PyTorch repr and print, nested lists, MATLAB [1 2; 3 4] ----------

/// Checks that brackets and parentheses pair up, and counts '[' nesting and top-level lists.
struct BracketScan
{
    int maxDepth = 0;      ///< deepest list nesting: '[', and '(' inside a list
    int topLevelLists = 0; ///< lists opened with no '[' around them
};

BracketScan scanBrackets(std::string_view text, std::size_t begin)
{
    BracketScan scan;
    struct Open
    {
        std::size_t offset; ///< of the open '[' or '('
        bool list;          ///< a '[', or a '(' inside one (a tuple row)
    };
    std::vector<Open> open;
    int depth = 0;
    const char *p = text.data();
    const unsigned char *table = kBracketTable.data();
    for (std::size_t i = begin; i < text.size(); ++i) {
        const char c = p[i];
        if (table[static_cast<unsigned char>(c)] < 3)
            continue;
        if (c == '[' || c == '(') {
            const bool list = c == '[' || depth > 0;
            open.push_back({i, list});
            if (list) {
                if (depth == 0)
                    ++scan.topLevelLists;
                scan.maxDepth = std::max(scan.maxDepth, ++depth);
            }
        } else if (c == ']' || c == ')') {
            const char want = c == ']' ? '[' : '(';
            if (open.empty())
                fail(std::string("unbalanced brackets: \"") + c + "\" has no matching \"" + want +
                         "\"",
                     i);
            const std::size_t at = open.back().offset;
            if (text[at] != want)
                fail(std::string("unbalanced brackets: \"") + c + "\" does not match \"" +
                         text[at] + "\" at " + where(text, at),
                     i);
            if (open.back().list)
                --depth;
            open.pop_back();
        }
    }
    if (!open.empty())
        fail(std::string("unbalanced brackets: \"") + text[open.back().offset] +
                 "\" is never closed",
             open.back().offset);
    return scan;
}

/// After the closing ']': `, dtype=float32)` and other keyword arguments when the list was
/// inside `name(`, then an optional ';', then nothing.
void checkTail(std::string_view text, std::size_t pos, std::size_t paren)
{
    pos = skipSpace(text, pos);
    if (paren != npos) {
        if (pos < text.size() && text[pos] == ',') {
            const std::size_t arg = skipSpace(text, pos + 1);
            const std::size_t argEnd = identEnd(text, arg);
            const std::size_t eq = skipSpace(text, argEnd);
            if (argEnd == arg || eq >= text.size() || text[eq] != '=')
                fail("unexpected " + quoted(wordAt(text, arg)) + " after the closing \"]\"", arg);
            int depth = 1; // the '(' of `name(`
            pos = eq + 1;
            for (; pos < text.size() && depth > 0; ++pos) {
                const char c = text[pos];
                if (c == '(' || c == '[' || c == '{')
                    ++depth;
                else if (c == ')' || c == ']' || c == '}')
                    --depth;
            }
            if (depth > 0)
                fail("unbalanced brackets: \"(\" is never closed", paren);
        } else if (pos < text.size() && text[pos] == ')') {
            ++pos;
        } else {
            fail("unexpected " + quoted(wordAt(text, pos)) + " after the closing \"]\"", pos);
        }
        pos = skipSpace(text, pos);
    }
    if (pos < text.size() && text[pos] == ';')
        pos = skipSpace(text, pos + 1);
    if (pos < text.size())
        fail("unexpected " + quoted(wordAt(text, pos)) + " after the closing \"]\"", pos);
}

/// Nested lists from `pos` (an opening '['), or, when `implicit`, a sequence of lists that
/// together form the rows ("[1, 2]\n[3, 4]"). Nesting fixes the shape: 2 levels (H, W),
/// 3 levels (C, H, W), 4 levels (N, C, H, W).
Parsed parseNested(std::string_view text, std::size_t pos, bool implicit, std::size_t &endPos)
{
    struct Open
    {
        char close;
        std::size_t offset;
        std::size_t count;
    };
    Open stack[5]; // at most 4 levels are opened; the depth check comes first
    std::size_t depthNow = 0;
    std::array<std::ptrdiff_t, 6> dims;
    dims.fill(-1);
    std::size_t leafDepth = 0;
    std::size_t maxDepth = 0;
    bool commaPending = false;
    Parsed out;
    Appender values{out.values};
    const unsigned char *table = kBracketTable.data();
    if (implicit) {
        stack[depthNow++] = {'\0', pos, 0};
        maxDepth = 1;
    }
    const auto mixed = [&](std::size_t at, std::string_view shown) {
        fail(quoted(shown) + ": numbers and nested lists are mixed at the same level", at);
    };
    const char *p = text.data();
    const std::size_t size = text.size();
    while (true) {
        if (pos >= size) {
            if (implicit && depthNow == 1) {
                dims[1] = std::ptrdiff_t(stack[depthNow - 1].count);
                break;
            }
            fail("unbalanced brackets: \"" + std::string(1, text[stack[depthNow - 1].offset]) +
                     "\" is never closed",
                 stack[depthNow - 1].offset);
        }
        const char c = p[pos];
        unsigned char k = table[static_cast<unsigned char>(c)];
        if (k == 6)
            k = pos + 1 < size && p[pos + 1] == '\xA0' ? 1 : 0;
        switch (k) {
        case 1: // space
            pos += c == '\xC2' ? 2 : 1;
            break;
        case 2: // ','
            if (stack[depthNow - 1].count == 0 || commaPending)
                fail("empty value: \",\" with no value before it", pos);
            commaPending = true;
            ++pos;
            break;
        case 3: { // '[' or '('
            const std::size_t depth = depthNow + 1;
            if (depth > 4)
                fail("nested too deeply: PoolViz reads arrays of 2 to 4 dimensions", pos);
            if (leafDepth != 0 && depth > leafDepth)
                mixed(pos, text.substr(pos, 1));
            if (depthNow > 0)
                ++stack[depthNow - 1].count;
            stack[depthNow++] = {c == '[' ? ']' : ')', pos, 0};
            maxDepth = std::max(maxDepth, depth);
            commaPending = false;
            ++pos;
            break;
        }
        case 4: { // ']' or ')'
            const Open top = stack[depthNow - 1];
            if (top.close != c) {
                if (top.close == '\0')
                    fail(std::string("unbalanced brackets: \"") + c + "\" has no matching \"" +
                             (c == ']' ? "[" : "(") + "\"",
                         pos);
                fail(std::string("unbalanced brackets: \"") + c + "\" does not match \"" +
                         text[top.offset] + "\" at " + where(text, top.offset),
                     pos);
            }
            const std::size_t depth = depthNow;
            if (dims[depth] < 0) {
                dims[depth] = std::ptrdiff_t(top.count);
            } else if (dims[depth] != std::ptrdiff_t(top.count)) {
                const std::size_t first = std::size_t(dims[depth]);
                std::string message;
                const std::size_t level = leafDepth >= depth ? leafDepth - depth : 9;
                // Which row of its matrix (the parent counted it when it opened).
                const std::size_t index = depthNow >= 2 ? stack[depthNow - 2].count : 0;
                if (level == 0)
                    message = "row " + std::to_string(index) + " has " +
                              plural(top.count, "value", "values") + ", but row 1 has " +
                              std::to_string(first);
                else if (level == 1)
                    message = "matrix has " + plural(top.count, "row", "rows") +
                              ", but matrix 1 has " + std::to_string(first);
                else if (level == 2)
                    message = "sample has " + plural(top.count, "channel", "channels") +
                              ", but sample 1 has " + std::to_string(first);
                else
                    message = "list has " + plural(top.count, "element", "elements") +
                              ", but the first list at this depth has " + std::to_string(first);
                fail(message, top.offset, false);
            }
            --depthNow;
            commaPending = false;
            ++pos;
            break;
        }
        case 5: // ';'
            fail("unexpected \";\" inside nested brackets; write rows as [[1, 2], [3, 4]]", pos);
        default: { // a value
            const std::size_t start = pos;
            while (pos < size) {
                const unsigned char d = table[static_cast<unsigned char>(p[pos])];
                if (d == 0 || (d == 6 && (pos + 1 >= size || p[pos + 1] != '\xA0')))
                    ++pos;
                else
                    break;
            }
            const std::size_t depth = depthNow;
            if (leafDepth == 0) {
                if (depth < maxDepth)
                    mixed(start, text.substr(start, pos - start));
                leafDepth = depth;
            } else if (depth != leafDepth) {
                mixed(start, text.substr(start, pos - start));
            }
            float v = 0.0f;
            if (!smallInteger(p + start, pos - start, v))
                v = numberOrFail(text.substr(start, pos - start), start);
            if (values.count == values.values.size())
                values.grow();
            values.data[values.count++] = v;
            ++stack[depthNow - 1].count;
            commaPending = false;
            break;
        }
        }
        if (depthNow == 0)
            break;
    }
    values.finish();
    endPos = pos;
    if (leafDepth == 0 || out.values.empty())
        fail("no numbers found");
    if (maxDepth != leafDepth)
        fail("numbers and nested lists are mixed at the same level");
    std::array<int, 4> shape{1, 1, 1, 1};
    std::size_t product = 1;
    for (std::size_t d = 1; d <= leafDepth; ++d) {
        if (dims[d] > std::numeric_limits<int>::max())
            fail("dimension too large: " + std::to_string(dims[d]));
        shape[4 - leafDepth + d - 1] = int(dims[d]);
        product *= std::size_t(dims[d]);
    }
    if (product != out.values.size())
        fail("the nested lists do not form a rectangular array");
    out.shape = shape;
    out.rank = std::max<int>(2, int(leafDepth));
    return out;
}

Parsed parseAny(std::string_view text)
{
    const std::size_t begin = startsWith(text, kBom) ? kBom.size() : 0;
    const char *rest = text.data() + begin;
    const std::size_t restSize = text.size() - begin;
    if (!std::memchr(rest, '[', restSize) && !std::memchr(rest, ']', restSize))
        return parsePlain(text, begin, text.size(),
                          semicolonsSeparateRows(text, begin, text.size()));

    const BracketScan scan = scanBrackets(text, begin);
    // Optional `name =` and `name(` before the first '['.
    std::size_t pos = skipSpace(text, begin);
    bool prefix = false;
    std::size_t paren = npos;
    std::size_t ident = identEnd(text, pos);
    if (ident > pos) {
        const std::size_t after = skipSpace(text, ident);
        if (after < text.size() && text[after] == '=') {
            prefix = true;
            pos = skipSpace(text, after + 1);
            ident = identEnd(text, pos);
        }
    }
    if (ident > pos) {
        const std::size_t after = skipSpace(text, ident);
        if (after >= text.size() || text[after] != '(')
            fail("unexpected " + quoted(text.substr(pos, ident - pos)) +
                     " before the opening \"[\"",
                 pos);
        prefix = true;
        paren = after;
        pos = skipSpace(text, after + 1);
    }
    if (pos >= text.size() || text[pos] != '[')
        fail("unexpected " + quoted(wordAt(text, pos)) + " before the opening \"[\"", pos);

    if (scan.maxDepth == 1 && (scan.topLevelLists == 1 || prefix)) {
        // One flat list: "[1, 2, 3]", MATLAB "[1 2; 3 4]", array([1, 2, 3]).
        const std::size_t close = text.find(']', pos);
        Parsed out = parsePlain(text, pos + 1, close, true);
        checkTail(text, close + 1, paren);
        return out;
    }
    std::size_t endPos = pos;
    Parsed out = parseNested(text, pos, scan.topLevelLists > 1 && !prefix, endPos);
    checkTail(text, endPos, paren);
    return out;
}

Tensor toTensor(Parsed &&p)
{
    Tensor t(p.shape[0], p.shape[1], p.shape[2], p.shape[3], 0.0f, p.rank);
    t.data() = std::move(p.values);
    return t;
}

// ---- Formatting -----------------------------------------------------------------------------

void appendValue(std::string &out, float v)
{
    if (std::isnan(v)) {
        out += "nan";
    } else if (std::isinf(v)) {
        out += v < 0 ? "-inf" : "inf";
    } else {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
        out.append(buffer, result.ptr);
    }
}

// ---- Files ----------------------------------------------------------------------------------

std::string osError(int error)
{
    return std::generic_category().message(error);
}

/// How a file is read: a text matrix, or a .npy array.
enum class FileRole
{
    Text,
    Npy
};

/// Reads a whole file; returns an error message naming the path and the OS reason. A file
/// larger than PoolViz reads is refused as it is read, so that a link to /dev/zero cannot grow
/// until memory runs out: text above 128 MiB (about 10⁷ numbers), a .npy above 8 bytes per value
/// at the value limit; a .npy whose first bytes are not the magic string stops at once (the
/// parser then says what it is).
std::string readFile(const std::string &path, std::string &bytes, FileRole role = FileRole::Text)
{
    errno = 0;
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return "cannot read \"" + path + "\": " + osError(errno ? errno : ENOENT);
    bytes.clear();
    const std::size_t cap =
        role == FileRole::Text
            ? std::size_t(128) << 20
            : std::size_t(saturatedMul(currentLimits().values, 8)) + (std::size_t(1) << 20);
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        if (bytes.size() + n > cap) {
            std::fclose(f);
            bytes.clear();
            return "\"" + path + "\": the file is larger than " +
                   (role == FileRole::Text
                        ? std::string("128 MiB, more than PoolViz reads as text (save large "
                                      "arrays as .npy)")
                        : std::to_string(cap) + " bytes, more than an array of at most " +
                              formatCount(double(currentLimits().values)) +
                              " values (the limit) needs");
        }
        bytes.append(buffer, n);
        if (role == FileRole::Npy && bytes.size() >= 6 && bytes.compare(0, 6, "\x93NUMPY") != 0)
            break;
    }
    const int error = std::ferror(f) ? (errno ? errno : EIO) : 0;
    std::fclose(f);
    if (error)
        return "cannot read \"" + path + "\": " + osError(error);
    return {};
}

/// Adds the file's name to a parse error: after the message when it has a line, else before.
IoError inFile(IoError e, const std::string &path)
{
    if (e.line > 0)
        e.message += " (in \"" + path + "\")";
    else
        e.message = "\"" + path + "\": " + e.message;
    return e;
}

// ---- .npy -------------------------------------------------------------------------------------

struct NpyHeader
{
    std::string descr;
    bool fortranOrder = false;
    std::vector<std::int64_t> shape;
    std::size_t dataOffset = 0;
};

std::string shapeRepr(const std::vector<std::int64_t> &shape)
{
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

std::string shapeTimes(const std::vector<std::int64_t> &shape)
{
    std::string s;
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? "\u00d7" : "") + std::to_string(shape[i]);
    return s;
}

/// Python's b'...' for the first bytes of a file.
std::string bytesRepr(std::string_view bytes)
{
    std::string s = "b'";
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
            s += char(c);
        } else if (c == '\n' || c == '\r' || c == '\t' || c == '\'' || c == '\\') {
            s += '\\';
            s += c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : char(c);
        } else {
            static const char hex[] = "0123456789abcdef";
            s += "\\x";
            s += hex[c >> 4];
            s += hex[c & 15];
        }
    }
    return s + "'";
}

/// A reader for the Python dict literal of a .npy header.
class HeaderDict
{
public:
    explicit HeaderDict(std::string_view text) : m_text(text) {}

    NpyHeader parse()
    {
        NpyHeader h;
        bool haveDescr = false, haveOrder = false, haveShape = false;
        expect('{');
        while (true) {
            skip();
            if (peek() == '}')
                break;
            const std::string key = string();
            skip();
            expect(':');
            skip();
            if (key == "descr") {
                if (peek() == '[')
                    fail("structured dtypes are not supported (descr " + rest() + ")");
                h.descr = string();
                haveDescr = true;
            } else if (key == "fortran_order") {
                const std::string word = this->word();
                if (word != "True" && word != "False")
                    malformed();
                h.fortranOrder = word == "True";
                haveOrder = true;
            } else if (key == "shape") {
                h.shape = tuple();
                haveShape = true;
            } else {
                skipValue();
            }
            skip();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            expect('}');
            break;
        }
        for (const auto &[have, name] :
             {std::pair{haveDescr, "descr"}, std::pair{haveOrder, "fortran_order"},
              std::pair{haveShape, "shape"}})
            if (!have)
                fail(std::string("the .npy header has no '") + name + "': " + trimmed());
        return h;
    }

private:
    [[noreturn]] void malformed() { fail("malformed .npy header: " + trimmed()); }
    std::string trimmed() const
    {
        std::string_view t = m_text;
        while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\0'))
            t.remove_suffix(1);
        if (t.size() > 200)
            return std::string(t.substr(0, 200)) + "\u2026";
        return std::string(t);
    }
    std::string rest() const
    {
        std::size_t depth = 0, i = m_pos;
        for (; i < m_text.size(); ++i) {
            if (m_text[i] == '[' || m_text[i] == '(')
                ++depth;
            else if ((m_text[i] == ']' || m_text[i] == ')') && --depth == 0)
                break;
        }
        return std::string(m_text.substr(m_pos, std::min(i + 1, m_text.size()) - m_pos));
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void skip()
    {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'))
            ++m_pos;
    }
    void expect(char c)
    {
        skip();
        if (peek() != c)
            malformed();
        ++m_pos;
    }
    std::string string()
    {
        const char q = peek();
        if (q != '\'' && q != '"')
            malformed();
        const std::size_t end = m_text.find(q, m_pos + 1);
        if (end == npos)
            malformed();
        std::string s(m_text.substr(m_pos + 1, end - m_pos - 1));
        m_pos = end + 1;
        return s;
    }
    std::string word()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]))
            ++m_pos;
        return std::string(m_text.substr(start, m_pos - start));
    }
    std::vector<std::int64_t> tuple()
    {
        std::vector<std::int64_t> values;
        expect('(');
        while (true) {
            skip();
            if (peek() == ')') {
                ++m_pos;
                break;
            }
            std::int64_t v = 0;
            const char *begin = m_text.data() + m_pos;
            const auto [ptr, ec] = std::from_chars(begin, m_text.data() + m_text.size(), v);
            if (ec != std::errc() || ptr == begin || v < 0)
                malformed();
            m_pos += std::size_t(ptr - begin);
            if (peek() == 'L') // Python 2 long
                ++m_pos;
            values.push_back(v);
            skip();
            if (peek() == ',')
                ++m_pos;
            else if (peek() != ')')
                malformed();
        }
        return values;
    }
    void skipValue()
    {
        const char c = peek();
        if (c == '\'' || c == '"') {
            string();
            return;
        }
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char d = m_text[m_pos];
            if (d == '(' || d == '[' || d == '{')
                ++depth;
            else if (d == ')' || d == ']' || d == '}') {
                if (depth == 0)
                    return;
                --depth;
            } else if (d == ',' && depth == 0)
                return;
            ++m_pos;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

NpyHeader parseNpyHeader(std::string_view bytes)
{
    constexpr std::string_view magic = "\x93NUMPY";
    if (bytes.size() < magic.size() || !startsWith(bytes, magic)) {
        if (bytes.size() < magic.size() && startsWith(magic, bytes))
            fail("truncated .npy file: it ends after " + plural(bytes.size(), "byte", "bytes") +
                 ", inside the 10-byte prefix");
        fail("not a .npy file: it starts with " + bytesRepr(bytes.substr(0, 6)) +
             " instead of b'\\x93NUMPY'");
    }
    if (bytes.size() < 8)
        fail("truncated .npy file: it ends after " + plural(bytes.size(), "byte", "bytes") +
             ", inside the prefix");
    const int major = static_cast<unsigned char>(bytes[6]);
    const int minor = static_cast<unsigned char>(bytes[7]);
    if (major < 1 || major > 3 || minor != 0)
        fail("unsupported .npy format version " + std::to_string(major) + "." +
             std::to_string(minor) + " (PoolViz reads 1.0, 2.0 and 3.0)");
    const std::size_t lengthBytes = major == 1 ? 2 : 4;
    const std::size_t prefix = 8 + lengthBytes;
    if (bytes.size() < prefix)
        fail("truncated .npy file: it ends after " + plural(bytes.size(), "byte", "bytes") +
             ", inside the " + std::to_string(prefix) + "-byte prefix");
    std::size_t headerLength = 0;
    for (std::size_t i = 0; i < lengthBytes; ++i)
        headerLength |= std::size_t(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    if (bytes.size() - prefix < headerLength)
        fail("truncated .npy header: it declares " + plural(headerLength, "byte", "bytes") +
             ", but the file has only " + std::to_string(bytes.size() - prefix) +
             " after the prefix");
    NpyHeader h = HeaderDict(bytes.substr(prefix, headerLength)).parse();
    h.dataOffset = prefix + headerLength;
    return h;
}

struct Dtype
{
    NpyType type;
    std::size_t size;
};

Dtype dtypeOf(const std::string &descr)
{
    if (descr == "<f4")
        return {NpyType::Float32, 4};
    if (descr == "<f8")
        return {NpyType::Float64, 8};
    if (descr == "|u1" || descr == "<u1")
        return {NpyType::UInt8, 1};
    if (descr == "<i4")
        return {NpyType::Int32, 4};
    if (descr == "<i8")
        return {NpyType::Int64, 8};
    if (descr.size() == 3 && descr[0] == '>') {
        const std::string little = "<" + descr.substr(1);
        if (little == "<f4" || little == "<f8" || little == "<i4" || little == "<i8")
            fail("big-endian data ('" + descr + "') is not supported; convert with a.astype('" +
                 little + "')");
    }
    fail("unsupported dtype '" + descr + "' (PoolViz reads '<f4', '<f8', '|u1', '<i4' and '<i8')");
}

/// Checks order and rank, and that the data is long enough; returns the element count.
std::size_t checkLayout(const NpyHeader &h, std::size_t itemSize, std::size_t available)
{
    if (h.fortranOrder)
        fail("fortran_order is True: Fortran-order arrays are not supported; save with "
             "np.ascontiguousarray");
    if (h.shape.size() < 2 || h.shape.size() > 4)
        fail("unsupported shape " + shapeRepr(h.shape) +
             ": PoolViz reads arrays of rank 2 to 4, this one has rank " +
             std::to_string(h.shape.size()));
    // Checked 64-bit products: every dimension, the planes (all but the last two) and the whole
    // count must fit before anything is allocated.
    std::int64_t count = 1, planes = 1;
    for (std::size_t i = 0; i < h.shape.size(); ++i) {
        const std::int64_t d = h.shape[i];
        const auto next = checkedMul(count, d);
        if (d > std::numeric_limits<int>::max() || !next)
            fail("shape " + shapeRepr(h.shape) + " is too large");
        count = *next;
        if (i + 2 < h.shape.size())
            planes *= d; // ≤ count or 0·…: a product of ints, it cannot overflow 64 bits here
        if (planes > std::numeric_limits<int>::max())
            fail("shape " + shapeRepr(h.shape) + " has " + std::to_string(planes) +
                 " planes, more than " + std::to_string(std::numeric_limits<int>::max()));
    }
    if (const std::int64_t limit = currentLimits().values; count > limit)
        fail("shape " + shapeTimes(h.shape) + " holds " +
             formatCount(double(count), double(limit)) + " values, above the limit of " +
             formatCount(double(limit)));
    if (available / itemSize < std::size_t(count))
        fail("file holds " + plural(available, "byte", "bytes") + " of data, shape " +
             shapeTimes(h.shape) + " needs " + std::to_string(std::size_t(count) * itemSize));
    return std::size_t(count);
}

template <class T> BasicTensor<T> tensorForShape(const std::vector<std::int64_t> &shape)
{
    const int rank = int(shape.size());
    std::array<int, 4> s{1, 1, 1, 1};
    for (int i = 0; i < rank; ++i)
        s[std::size_t(4 - rank + i)] = int(shape[std::size_t(i)]);
    return BasicTensor<T>(s[0], s[1], s[2], s[3], T(), rank);
}

template <class U> U loadLittle(const char *p)
{
    U v = 0;
    for (std::size_t i = 0; i < sizeof(U); ++i)
        v |= U(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
}

/// `v` in the shortest form that reads back ("1e+300").
std::string shortDouble(double v)
{
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

template <class T> void decode(const char *p, NpyType type, std::vector<T> &out)
{
    const std::size_t n = out.size();
    switch (type) {
    case NpyType::Float32:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = T(std::bit_cast<float>(loadLittle<std::uint32_t>(p + 4 * i)));
        break;
    case NpyType::Float64:
        for (std::size_t i = 0; i < n; ++i) {
            const double v = std::bit_cast<double>(loadLittle<std::uint64_t>(p + 8 * i));
            // As the text parser does: a finite value float32 cannot hold is refused, not
            // turned into infinity (converting it would be undefined behaviour besides).
            if constexpr (std::is_same_v<T, float>)
                if (std::isfinite(v) && std::fabs(v) > double(std::numeric_limits<float>::max()))
                    fail("value " + shortDouble(v) + " at flat index " + std::to_string(i) +
                         " is too large for a 32-bit float (largest 3.4028235e+38)");
            out[i] = T(v);
        }
        break;
    case NpyType::UInt8:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = T(static_cast<unsigned char>(p[i]));
        break;
    case NpyType::Int32:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = T(std::bit_cast<std::int32_t>(loadLittle<std::uint32_t>(p + 4 * i)));
        break;
    case NpyType::Int64:
        for (std::size_t i = 0; i < n; ++i)
            out[i] = T(std::bit_cast<std::int64_t>(loadLittle<std::uint64_t>(p + 8 * i)));
        break;
    }
}

IoResult<IndexTensor> parseNpyIndices(const std::string &bytes)
{
    IoResult<IndexTensor> result;
    try {
        const NpyHeader h = parseNpyHeader(bytes);
        if (h.descr != "<i8" && h.descr != "<i4")
            fail("argmax indices must be int64 ('<i8') or int32 ('<i4'), not '" + h.descr + "'");
        const Dtype dtype = dtypeOf(h.descr);
        checkLayout(h, dtype.size, bytes.size() - h.dataOffset);
        IndexTensor t = tensorForShape<std::int64_t>(h.shape);
        decode(bytes.data() + h.dataOffset, dtype.type, t.data());
        result.value = std::move(t);
    } catch (const Failure &f) {
        result.error.message = f.message;
    } catch (const std::bad_alloc &) {
        result.error.message = "not enough memory for the array";
    }
    return result;
}

/// The dimensions to write for a tensor: its rank's trailing dimensions, or more when the
/// leading ones it drops are not 1 (so no data is lost).
template <class T> std::vector<std::int64_t> npyShape(const BasicTensor<T> &t)
{
    int rank = t.rank();
    if (rank <= 2 && t.planeCount() != 1)
        rank = t.n() == 1 ? 3 : 4;
    if (rank == 3 && t.n() != 1)
        rank = 4;
    rank = std::clamp(rank, 2, 4);
    std::vector<std::int64_t> shape;
    for (int i = 4 - rank; i < 4; ++i)
        shape.push_back(t.shape()[std::size_t(i)]);
    return shape;
}

/// NumPy's own format-1.0 header: the dict, spare spaces for the first axis to grow
/// (GROWTH_AXIS_MAX_DIGITS = 21), then spaces and '\n' to a multiple of 64 bytes.
std::string npyHeaderBytes(const std::string &descr, const std::vector<std::int64_t> &shape)
{
    std::string dict =
        "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeRepr(shape) + ", }";
    const std::size_t digits = shape.empty() ? 21 : std::to_string(shape[0]).size();
    dict.append(21 - std::min<std::size_t>(21, digits), ' ');
    const std::size_t length = dict.size() + 1;
    const std::size_t pad = 64 - (10 + length) % 64;
    const std::size_t total = length + pad;
    std::string out = "\x93NUMPY";
    out += '\x01';
    out += '\x00';
    out += char(total & 0xFF);
    out += char((total >> 8) & 0xFF);
    out += dict;
    out.append(pad, ' ');
    out += '\n';
    return out;
}

template <class U> void storeLittle(char *p, U v)
{
    for (std::size_t i = 0; i < sizeof(U); ++i)
        p[i] = char((v >> (8 * i)) & 0xFF);
}

} // namespace

IoResult<Tensor> parseMatrixText(const std::string &text)
{
    IoResult<Tensor> result;
    try {
        result.value = toTensor(parseAny(text));
    } catch (const Failure &f) {
        result.error.message = f.message;
        if (f.offset != npos) {
            const auto [line, column] = lineColumn(text, f.offset);
            result.error.line = line;
            result.error.column = f.withColumn ? column : 0;
        }
    } catch (const std::bad_alloc &) {
        result.error.message =
            "not enough memory to read " + std::to_string(text.size()) + " bytes of text";
    } catch (const std::exception &e) {
        result.error.message = e.what();
    }
    return result;
}

std::string formatMatrixText(const Tensor &plane, char separator)
{
    std::string out;
    if (plane.planeCount() == 0)
        return out;
    const float *data = plane.planeData(0);
    out.reserve(plane.planeSize() * 4 + std::size_t(plane.h()));
    for (int r = 0; r < plane.h(); ++r) {
        for (int c = 0; c < plane.w(); ++c) {
            if (c > 0)
                out += separator;
            appendValue(out, data[std::size_t(r) * std::size_t(plane.w()) + std::size_t(c)]);
        }
        out += '\n';
    }
    return out;
}

IoResult<Tensor> readCsv(const std::string &path)
{
    IoResult<Tensor> result;
    std::string bytes;
    if (std::string error = readFile(path, bytes); !error.empty()) {
        result.error.message = std::move(error);
        return result;
    }
    result = parseMatrixText(bytes);
    if (!result.ok()) {
        result.error = inFile(result.error, path);
    } else if (result.value->rank() != 2) {
        result.error.message = "\"" + path + "\" holds a " + result.value->shapeString() +
                               " array; a CSV file holds one 2-D matrix";
        result.value.reset();
    }
    return result;
}

std::string writeCsv(const std::string &path, const Tensor &t)
{
    if (t.planeCount() == 0)
        return "cannot write \"" + path + "\": the tensor " + t.shapeString() + " has no plane";
    try {
        return writeFileAtomically(path, formatMatrixText(t, ','));
    } catch (const std::bad_alloc &) {
        return "cannot write \"" + path + "\": not enough memory";
    }
}

IoResult<NpyArray> parseNpy(const std::string &bytes)
{
    IoResult<NpyArray> result;
    try {
        const NpyHeader h = parseNpyHeader(bytes);
        const Dtype dtype = dtypeOf(h.descr);
        checkLayout(h, dtype.size, bytes.size() - h.dataOffset);
        NpyArray array;
        array.type = dtype.type;
        array.tensor = tensorForShape<float>(h.shape);
        decode(bytes.data() + h.dataOffset, dtype.type, array.tensor.data());
        result.value = std::move(array);
    } catch (const Failure &f) {
        result.error.message = f.message;
    } catch (const std::bad_alloc &) {
        result.error.message = "not enough memory for the array";
    }
    return result;
}

IoResult<NpyArray> readNpy(const std::string &path)
{
    IoResult<NpyArray> result;
    std::string bytes;
    if (std::string error = readFile(path, bytes, FileRole::Npy); !error.empty()) {
        result.error.message = std::move(error);
        return result;
    }
    result = parseNpy(bytes);
    if (!result.ok())
        result.error = inFile(result.error, path);
    return result;
}

IoResult<IndexTensor> readNpyIndices(const std::string &path)
{
    IoResult<IndexTensor> result;
    std::string bytes;
    if (std::string error = readFile(path, bytes, FileRole::Npy); !error.empty()) {
        result.error.message = std::move(error);
        return result;
    }
    result = parseNpyIndices(bytes);
    if (!result.ok())
        result.error = inFile(result.error, path);
    return result;
}

std::string npyBytes(const Tensor &t, NpyType type)
{
    const bool wide = type == NpyType::Float64;
    std::string out = npyHeaderBytes(wide ? "<f8" : "<f4", npyShape(t));
    const std::size_t offset = out.size();
    const std::vector<float> &data = t.data();
    out.resize(offset + data.size() * (wide ? 8 : 4));
    char *p = out.data() + offset;
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (wide)
            storeLittle(p + 8 * i, std::bit_cast<std::uint64_t>(double(data[i])));
        else
            storeLittle(p + 4 * i, std::bit_cast<std::uint32_t>(data[i]));
    }
    return out;
}

std::string writeNpy(const std::string &path, const Tensor &t, NpyType type)
{
    try {
        return writeFileAtomically(path, npyBytes(t, type));
    } catch (const std::bad_alloc &) {
        return "cannot write \"" + path + "\": not enough memory";
    }
}

std::string writeNpyIndices(const std::string &path, const IndexTensor &t)
{
    try {
        std::string bytes = npyHeaderBytes("<i8", npyShape(t));
        const std::size_t offset = bytes.size();
        bytes.resize(offset + t.size() * 8);
        for (std::size_t i = 0; i < t.size(); ++i)
            storeLittle(bytes.data() + offset + 8 * i, std::uint64_t(t.data()[i]));
        return writeFileAtomically(path, bytes);
    } catch (const std::bad_alloc &) {
        return "cannot write \"" + path + "\": not enough memory";
    }
}

std::string writeFileAtomically(const std::string &path, const std::string &bytes)
{
    namespace fs = std::filesystem;
    if (path.empty())
        return "cannot write a file with an empty name";
    try {
        const fs::path target(path);
        const std::string name = target.filename().string();
        if (name.empty() || name == "." || name == "..")
            return "cannot write \"" + path + "\": it names a folder, not a file";
        // A name no one else uses: ".NAME.XXXXXXXX.tmp" in the same folder, created exclusively.
        static std::atomic<unsigned> counter{0};
        std::mt19937 gen(unsigned(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                         (counter.fetch_add(1) * 2654435761u));
        std::FILE *f = nullptr;
        fs::path temp;
        for (int attempt = 0; attempt < 100 && !f; ++attempt) {
            char suffix[16];
            std::snprintf(suffix, sizeof suffix, "%08x", unsigned(gen()));
            temp = target.parent_path() / ("." + name + "." + suffix + ".tmp");
            errno = 0;
            f = std::fopen(temp.c_str(), "wbx");
            if (!f && errno != EEXIST)
                return "cannot write \"" + path + "\": " + osError(errno ? errno : EIO);
        }
        if (!f)
            return "cannot write \"" + path + "\": no free temporary file name in its folder";
        errno = 0;
        const bool written =
            std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
        int error = written ? 0 : (errno ? errno : EIO);
        if (std::fclose(f) != 0 && error == 0)
            error = errno ? errno : EIO;
        std::error_code ec;
        if (error != 0) {
            fs::remove(temp, ec);
            return "cannot write \"" + path + "\": " + osError(error);
        }
        fs::rename(temp, target, ec);
        if (ec) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            return "cannot write \"" + path + "\": " + ec.message();
        }
        return {};
    } catch (const std::exception &e) {
        return "cannot write \"" + path + "\": " + e.what();
    }
}

Tensor randomIntegers(int h, int w, int lo, int hi, unsigned seed)
{
    if (hi < lo)
        std::swap(lo, hi);
    // Not std::uniform_int_distribution: its algorithm differs between standard libraries.
    std::mt19937 gen(seed);
    const std::uint64_t range = std::uint64_t(std::int64_t(hi) - std::int64_t(lo)) + 1;
    Tensor t = Tensor::matrix(h, w);
    for (float &v : t.data())
        v = float(std::int64_t(lo) + std::int64_t(std::uint64_t(gen()) % range));
    return t;
}

} // namespace poolviz

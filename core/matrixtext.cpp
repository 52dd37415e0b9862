// The matrix text parser: plain rows (spaces, commas, tabs, semicolons; MATLAB's "1 2; 3 4";
// spreadsheet cells) and bracketed reprs (NumPy, PyTorch, nested lists), and the formatter that
// writes text it reads back exactly. Slightly above 600 lines: the two parsers share the Parsed
// value and the error positions, and splitting them would expose both through a header.

#include "matrixtext.h"

#include "textscan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <new>
#include <string_view>
#include <vector>

namespace poolviz {

using namespace textscan;

std::string IoError::toString() const
{
    std::string text = message.text();
    if (line > 0 && column > 0)
        text = fillTemplate(messageTemplate(MessageId::IoLineColumn),
                            {std::to_string(line), std::to_string(column), text});
    else if (line > 0)
        text = fillTemplate(messageTemplate(MessageId::IoLine), {std::to_string(line), text});
    if (file.empty())
        return text;
    return fillTemplate(messageTemplate(line > 0 ? MessageId::IoInFile : MessageId::IoFileNamed),
                        line > 0 ? std::vector<std::string>{text, file}
                                 : std::vector<std::string>{file, text});
}

namespace {

/// The numbers read, in C order, and their shape.
struct Parsed
{
    Tensor::Storage values;
    std::array<int, 4> shape{1, 1, 0, 0};
    int rank = 2;
};

/// Fails at `closeAt`: its bracket does not match the one opened at `openAt`.
[[noreturn]] void mismatched(std::string_view text, std::size_t closeAt, std::size_t openAt)
{
    const auto [line, column] = lineColumn(text, openAt);
    fail(MessageId::TextMismatchedBracket,
         {std::string(1, text[closeAt]), std::string(1, text[openAt]), std::to_string(line),
          std::to_string(column)},
         3, closeAt);
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
    Tensor::Storage &values;
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
                fail(MessageId::TextEmptyCellFirst, {}, 0, leadingCell);
            if (emptyCell != npos)
                fail(MessageId::TextEmptyCell, {}, 0, emptyCell);
            const std::size_t start = pos;
            float v = 0.0f;
            if (p[pos] == '"') {
                std::size_t close = pos + 1;
                while (true) {
                    close = text.find('"', close);
                    if (close == npos || close >= end)
                        fail(MessageId::TextUnterminatedQuote, {}, 0, start);
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
                    fail(MessageId::TextUnexpectedAfterQuote, {shown(wordAt(text, pos))}, 1, pos);
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
            const Message message{
                counted(count, MessageId::TextRowValuesOne, MessageId::TextRowValues),
                {std::to_string(rows + 1), std::to_string(count), std::to_string(width)}};
            if (surplus != npos)
                fail(message, surplus);
            fail(message, firstToken, false);
        }
        ++rows;
        if (rows > std::size_t(std::numeric_limits<int>::max()))
            fail(MessageId::TextTooManyRows);
    }
    values.finish();
    if (rows == 0)
        fail(MessageId::TextNoNumbers);
    if (width > std::size_t(std::numeric_limits<int>::max()))
        fail(MessageId::TextTooManyValuesInRow);
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
                fail(MessageId::TextNoMatchingOpen, {std::string(1, c), std::string(1, want)}, 3,
                     i);
            const std::size_t at = open.back().offset;
            if (text[at] != want)
                mismatched(text, i, at);
            if (open.back().list)
                --depth;
            open.pop_back();
        }
    }
    if (!open.empty())
        fail(MessageId::TextNeverClosed, {std::string(1, text[open.back().offset])}, 1,
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
                fail(MessageId::TextUnexpectedAfterClose, {shown(wordAt(text, arg))}, 1, arg);
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
                fail(MessageId::TextNeverClosed, {"("}, 1, paren);
        } else if (pos < text.size() && text[pos] == ')') {
            ++pos;
        } else {
            fail(MessageId::TextUnexpectedAfterClose, {shown(wordAt(text, pos))}, 1, pos);
        }
        pos = skipSpace(text, pos);
    }
    if (pos < text.size() && text[pos] == ';')
        pos = skipSpace(text, pos + 1);
    if (pos < text.size())
        fail(MessageId::TextUnexpectedAfterClose, {shown(wordAt(text, pos))}, 1, pos);
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
    const auto mixed = [&](std::size_t at, std::string_view token) {
        fail(MessageId::TextMixedAt, {shown(token)}, 1, at);
    };
    const char *p = text.data();
    const std::size_t size = text.size();
    while (true) {
        if (pos >= size) {
            if (implicit && depthNow == 1) {
                dims[1] = std::ptrdiff_t(stack[depthNow - 1].count);
                break;
            }
            fail(MessageId::TextNeverClosed, {std::string(1, text[stack[depthNow - 1].offset])}, 1,
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
                fail(MessageId::TextEmptyValue, {}, 0, pos);
            commaPending = true;
            ++pos;
            break;
        case 3: { // '[' or '('
            const std::size_t depth = depthNow + 1;
            if (depth > 4)
                fail(MessageId::TextNestedTooDeep, {}, 0, pos);
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
                    fail(MessageId::TextNoMatchingOpen, {std::string(1, c), c == ']' ? "[" : "("},
                         3, pos);
                mismatched(text, pos, top.offset);
            }
            const std::size_t depth = depthNow;
            if (dims[depth] < 0) {
                dims[depth] = std::ptrdiff_t(top.count);
            } else if (dims[depth] != std::ptrdiff_t(top.count)) {
                const std::size_t first = std::size_t(dims[depth]);
                const std::size_t level = leafDepth >= depth ? leafDepth - depth : 9;
                // Which row of its matrix (the parent counted it when it opened).
                const std::size_t index = depthNow >= 2 ? stack[depthNow - 2].count : 0;
                const std::string count = std::to_string(top.count);
                const std::string firstCount = std::to_string(first);
                Message message;
                if (level == 0)
                    message = {
                        counted(top.count, MessageId::TextRowValuesOne, MessageId::TextRowValues),
                        {std::to_string(index), count, firstCount}};
                else if (level == 1)
                    message = {
                        counted(top.count, MessageId::TextMatrixRowsOne, MessageId::TextMatrixRows),
                        {count, firstCount}};
                else if (level == 2)
                    message = {counted(top.count, MessageId::TextSampleChannelsOne,
                                       MessageId::TextSampleChannels),
                               {count, firstCount}};
                else
                    message = {counted(top.count, MessageId::TextListElementsOne,
                                       MessageId::TextListElements),
                               {count, firstCount}};
                fail(std::move(message), top.offset, false);
            }
            --depthNow;
            commaPending = false;
            ++pos;
            break;
        }
        case 5: // ';'
            fail(MessageId::TextSemicolonInBrackets, {}, 0, pos);
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
        fail(MessageId::TextNoNumbers);
    if (maxDepth != leafDepth)
        fail(MessageId::TextMixed);
    std::array<int, 4> shape{1, 1, 1, 1};
    std::size_t product = 1;
    for (std::size_t d = 1; d <= leafDepth; ++d) {
        if (dims[d] > std::numeric_limits<int>::max())
            fail(MessageId::TextDimensionTooLarge, {std::to_string(dims[d])});
        shape[4 - leafDepth + d - 1] = int(dims[d]);
        product *= std::size_t(dims[d]);
    }
    if (product != out.values.size())
        fail(MessageId::TextNotRectangular);
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
            fail(MessageId::TextUnexpectedBeforeOpen, {shown(text.substr(pos, ident - pos))}, 1,
                 pos);
        prefix = true;
        paren = after;
        pos = skipSpace(text, after + 1);
    }
    if (pos >= text.size() || text[pos] != '[')
        fail(MessageId::TextUnexpectedBeforeOpen, {shown(wordAt(text, pos))}, 1, pos);

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
        result.error.message = {MessageId::TextOutOfMemory, {std::to_string(text.size())}};
    } catch (const TensorSizeError &e) {
        result.error.message = e.message();
    } catch (const std::exception &e) {
        result.error.message = {MessageId::InternalError, {e.what()}, 1};
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

} // namespace poolviz

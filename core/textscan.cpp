// The scanning helpers the matrix readers share (see textscan.h).

#include "textscan.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <system_error>

namespace poolviz::textscan {

void fail(Message message, std::size_t offset, bool withColumn)
{
    throw Failure{std::move(message), offset, withColumn};
}

void fail(MessageId id, std::vector<std::string> args, unsigned verbatim, std::size_t offset,
          bool withColumn)
{
    throw Failure{Message{id, std::move(args), verbatim}, offset, withColumn};
}

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

std::string shown(std::string_view token)
{
    constexpr std::size_t limit = 32;
    std::size_t chars = 0;
    std::size_t i = 0;
    for (; i < token.size(); ++i) {
        if ((static_cast<unsigned char>(token[i]) & 0xC0) != 0x80 && chars++ == limit)
            break;
    }
    // Control bytes (a NUL from a binary file) are shown escaped, never raw in a message.
    std::string s;
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
    return s;
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

float numberOrFail(std::string_view token, std::size_t offset)
{
    float v = 0.0f;
    switch (parseNumber(token, v)) {
    case NumberStatus::Ok:
        return v;
    case NumberStatus::TooLarge:
        fail(MessageId::TextTooLargeForFloat, {shown(token)}, 1, offset);
    case NumberStatus::NotNumber:
        break;
    }
    if (token == "..." || token == kEllipsis)
        fail(MessageId::TextShortenedPrint, {}, 0, offset);
    fail(MessageId::TextNotANumber, {shown(token)}, 1, offset);
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

} // namespace poolviz::textscan

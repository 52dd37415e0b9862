#include "npy.h"

#include "sizelimits.h"
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
#include <optional>
#include <string_view>
#include <vector>

namespace poolviz {

using namespace textscan;

namespace {

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
                    fail(MessageId::NpyStructuredDtype, {rest()}, 1);
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
                fail(MessageId::NpyHeaderMissingKey, {name, trimmed()}, 3);
        return h;
    }

private:
    [[noreturn]] void malformed() { fail(MessageId::NpyMalformedHeader, {trimmed()}, 1); }
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
            fail(counted(bytes.size(), MessageId::NpyTruncatedMagicOne,
                         MessageId::NpyTruncatedMagic),
                 {std::to_string(bytes.size())});
        fail(MessageId::NpyNotNpy, {bytesRepr(bytes.substr(0, 6))}, 1);
    }
    // The magic string is there: at least 6 bytes.
    if (bytes.size() < 8)
        fail(MessageId::NpyTruncatedVersion, {std::to_string(bytes.size())});
    const int major = static_cast<unsigned char>(bytes[6]);
    const int minor = static_cast<unsigned char>(bytes[7]);
    if (major < 1 || major > 3 || minor != 0)
        fail(MessageId::NpyVersion, {std::to_string(major), std::to_string(minor)});
    const std::size_t lengthBytes = major == 1 ? 2 : 4;
    const std::size_t prefix = 8 + lengthBytes;
    if (bytes.size() < prefix)
        fail(MessageId::NpyTruncatedPrefix, {std::to_string(bytes.size()), std::to_string(prefix)});
    std::size_t headerLength = 0;
    for (std::size_t i = 0; i < lengthBytes; ++i)
        headerLength |= std::size_t(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
    if (bytes.size() - prefix < headerLength)
        fail(counted(headerLength, MessageId::NpyTruncatedHeaderOne, MessageId::NpyTruncatedHeader),
             {std::to_string(headerLength), std::to_string(bytes.size() - prefix)});
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
        // The byte-order mark swapped in a copy (GCC 12 warns falsely, -Wrestrict, on
        // "<" + descr.substr(1)).
        std::string little = descr;
        little[0] = '<';
        if (little == "<f4" || little == "<f8" || little == "<i4" || little == "<i8")
            fail(MessageId::NpyBigEndian, {descr, little}, 3);
    }
    fail(MessageId::NpyDtype, {descr}, 1);
}

/// Checks order and rank, and that the data is long enough; returns the element count.
std::size_t checkLayout(const NpyHeader &h, std::size_t itemSize, std::size_t available)
{
    if (h.fortranOrder)
        fail(MessageId::NpyFortranOrder);
    if (h.shape.size() < 2 || h.shape.size() > 4)
        fail(MessageId::NpyRank, {shapeRepr(h.shape), std::to_string(h.shape.size())});
    // Checked 64-bit products: every dimension, the planes (all but the last two) and the whole
    // count must fit before anything is allocated.
    std::int64_t count = 1, planes = 1;
    for (std::size_t i = 0; i < h.shape.size(); ++i) {
        const std::int64_t d = h.shape[i];
        const auto next = checkedMul(count, d);
        if (d > std::numeric_limits<int>::max() || !next)
            fail(MessageId::NpyShapeTooLarge, {shapeRepr(h.shape)});
        count = *next;
        if (i + 2 < h.shape.size())
            planes *= d; // ≤ count or 0·…: a product of ints, it cannot overflow 64 bits here
        if (planes > std::numeric_limits<int>::max())
            fail(MessageId::NpyTooManyPlanes, {shapeRepr(h.shape), std::to_string(planes),
                                               std::to_string(std::numeric_limits<int>::max())});
    }
    if (const std::int64_t limit = currentLimits().values; count > limit)
        fail(MessageId::NpyAboveLimit,
             {shapeTimes(h.shape), formatCount(double(count), double(limit)),
              formatCount(double(limit))});
    if (available / itemSize < std::size_t(count))
        fail(counted(available, MessageId::NpyShortDataOne, MessageId::NpyShortData),
             {std::to_string(available), shapeTimes(h.shape),
              std::to_string(std::size_t(count) * itemSize)});
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

template <class T> void decode(const char *p, NpyType type, BasicTensor<T> &t)
{
    typename BasicTensor<T>::Storage &out = t.data();
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
                    fail(MessageId::NpyValueTooLarge, {shortDouble(v), std::to_string(i)});
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

/// The NumPy index of flat position `i` in `shape`: "[0, 1]".
std::string indexText(std::size_t i, const std::vector<std::int64_t> &shape)
{
    std::vector<std::int64_t> index(shape.size());
    for (std::size_t d = shape.size(); d-- > 0;) {
        index[d] = std::int64_t(i % std::size_t(shape[d]));
        i /= std::size_t(shape[d]);
    }
    std::string s = "[";
    for (std::size_t d = 0; d < index.size(); ++d)
        s += (d ? ", " : "") + std::to_string(index[d]);
    return s + "]";
}

/// For int32/int64 data: a warning naming the first value that float32 cannot hold exactly
/// (magnitude above 2^24 and not a multiple of the spacing there), its index and the value it
/// became, with how many changed; nothing when every value was read exactly.
std::optional<Message> roundingWarning(const char *p, NpyType type,
                                       const std::vector<std::int64_t> &shape,
                                       const Tensor::Storage &values)
{
    if (type != NpyType::Int32 && type != NpyType::Int64)
        return {};
    constexpr std::int64_t kExact = std::int64_t(1) << 24;
    std::size_t changed = 0, first = 0;
    std::int64_t firstValue = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const std::int64_t v =
            type == NpyType::Int32
                ? std::int64_t(std::bit_cast<std::int32_t>(loadLittle<std::uint32_t>(p + 4 * i)))
                : std::bit_cast<std::int64_t>(loadLittle<std::uint64_t>(p + 8 * i));
        if (v >= -kExact && v <= kExact)
            continue;
        // The float is a whole number of magnitude ≤ 2^63; 2^63 itself is beyond int64.
        const float f = values[i];
        if (f < 0x1p63f && std::int64_t(f) == v)
            continue;
        if (changed++ == 0) {
            first = i;
            firstValue = v;
        }
    }
    if (changed == 0)
        return {};
    char buf[32];
    const auto end =
        std::to_chars(buf, buf + sizeof buf, double(values[first]), std::chars_format::fixed, 0)
            .ptr;
    return Message{counted(changed, MessageId::NpyRoundedOne, MessageId::NpyRounded),
                   {type == NpyType::Int32 ? "int32" : "int64", std::to_string(firstValue),
                    indexText(first, shape), std::string(buf, end), std::to_string(changed),
                    std::to_string(values.size())},
                   1};
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
        const char *data = bytes.data() + h.dataOffset;
        decode(data, dtype.type, array.tensor);
        if (std::optional<Message> w =
                roundingWarning(data, dtype.type, h.shape, array.tensor.data()))
            result.warnings.push_back(IoError{std::move(*w)});
        result.value = std::move(array);
    } catch (const Failure &f) {
        result.error.message = f.message;
    } catch (const std::bad_alloc &) {
        result.error.message = {MessageId::NpyOutOfMemory, {}};
    }
    return result;
}

std::string npyBytes(const Tensor &t, NpyType type)
{
    const bool wide = type == NpyType::Float64;
    std::string out = npyHeaderBytes(wide ? "<f8" : "<f4", npyShape(t));
    const std::size_t offset = out.size();
    const Tensor::Storage &data = t.data();
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

IoResult<IndexTensor> parseNpyIndices(const std::string &bytes)
{
    IoResult<IndexTensor> result;
    try {
        const NpyHeader h = parseNpyHeader(bytes);
        if (h.descr != "<i8" && h.descr != "<i4")
            fail(MessageId::NpyIndicesDtype, {h.descr}, 1);
        const Dtype dtype = dtypeOf(h.descr);
        checkLayout(h, dtype.size, bytes.size() - h.dataOffset);
        IndexTensor t = tensorForShape<std::int64_t>(h.shape);
        decode(bytes.data() + h.dataOffset, dtype.type, t);
        result.value = std::move(t);
    } catch (const Failure &f) {
        result.error.message = f.message;
    } catch (const std::bad_alloc &) {
        result.error.message = {MessageId::NpyOutOfMemory, {}};
    }
    return result;
}

std::string npyIndexBytes(const IndexTensor &t)
{
    std::string bytes = npyHeaderBytes("<i8", npyShape(t));
    const std::size_t offset = bytes.size();
    bytes.resize(offset + t.size() * 8);
    for (std::size_t i = 0; i < t.size(); ++i)
        storeLittle(bytes.data() + offset + 8 * i, std::uint64_t(t.data()[i]));
    return bytes;
}

} // namespace poolviz

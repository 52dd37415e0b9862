#pragma once

// Shared helpers for the core test suites: building tensors and params in one line, a portable
// random draw, comparing tensors and floats with NaN equal to NaN and readable failure messages,
// the independent reference's view of the parameters (tst_property, tst_kernels) and .npy bytes
// built by hand.

#include "poolparams.h"
#include "reference.h"
#include "tensor.h"

#include <QByteArray>
#include <QString>
#include <QTest>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <sstream>
#include <vector>

namespace poolviz::test {

/// A rank-2 tensor from rows given as a flat list and a width.
inline Tensor matrix(int h, int w, const std::vector<float> &values)
{
    Tensor t = Tensor::matrix(h, w);
    t.data().assign(values.begin(), values.end());
    return t;
}

/// The h × w matrix first, first+1, … in row-major order.
inline Tensor iota(int h, int w, float first = 0)
{
    Tensor t = Tensor::matrix(h, w);
    for (std::size_t i = 0; i < t.size(); ++i)
        t.data()[i] = first + float(i);
    return t;
}

inline PoolParams params(PoolMode mode, int k, int s = 0)
{
    PoolParams p;
    p.mode = mode;
    p.kernel = {k, k};
    if (s > 0)
        p.stride = Size2{s, s};
    return p;
}

/// A portable uniform draw in [lo, hi] for the random-case suites (std::uniform_int_distribution
/// differs between standard libraries; the modulo bias of a 32-bit draw over ≤ 100 values is
/// irrelevant here).
struct Random
{
    explicit Random(std::uint32_t seed = 20240607u) : rng(seed) {}
    std::mt19937 rng;
    int between(int lo, int hi) { return lo + int(rng() % std::uint32_t(hi - lo + 1)); }
    bool chance(int percent) { return between(0, 99) < percent; }
    /// Explicit padding 60 % of the time, SAME and SAME_LOWER 10 % each, VALID 20 %.
    PaddingMode paddingMode()
    {
        const int pad = between(0, 9);
        return pad <= 5   ? PaddingMode::Explicit
               : pad == 6 ? PaddingMode::SameUpper
               : pad == 7 ? PaddingMode::SameLower
                          : PaddingMode::Valid;
    }
};

/// Lp (p = 2) 2×5, stride 2×5, ceil mode: on a 6×2 input 3×1 windows, each holding 4 of its 10
/// taps (three columns are ceil-mode overhang), where PyTorch's LPPool2d differs from PoolViz.
inline PoolParams lpCeil2x5()
{
    PoolParams p;
    p.mode = PoolMode::Lp;
    p.kernel = {2, 5};
    p.stride = Size2{2, 5};
    p.ceilMode = true;
    return p;
}

template <class T> std::string str(const BasicTensor<T> &t)
{
    std::ostringstream os;
    os.precision(9);
    os << t;
    return os.str();
}

/// Equal shapes and values, NaN matching NaN, within `tol` (absolute).
template <class T> bool sameValues(const BasicTensor<T> &a, const BasicTensor<T> &b, double tol = 0)
{
    if (a.shape() != b.shape())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const double x = double(a.data()[i]), y = double(b.data()[i]);
        if (std::isnan(x) || std::isnan(y)) {
            if (!(std::isnan(x) && std::isnan(y)))
                return false;
        } else if (std::isinf(x) || std::isinf(y)) {
            if (x != y)
                return false;
        } else if (std::fabs(x - y) > tol) {
            return false;
        }
    }
    return true;
}

/// Bitwise equal, or both NaN (any NaN payload or sign).
inline bool sameFloat(float a, float b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
}

/// |a − b| ≤ rel·max(1, |b|), infinities equal, NaN matching NaN.
inline bool closeTo(double a, double b, double rel)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b))
        return a == b;
    return std::fabs(a - b) <= rel * std::max(1.0, std::fabs(b));
}

/// The reference's view of the engine's parameters.
inline ref::Params toRef(const PoolParams &p)
{
    ref::Params r;
    r.mode = ref::Mode(int(p.mode));
    r.p = p.p;
    r.kh = p.kernel.h;
    r.kw = p.kernel.w;
    const Size2 s = p.stride.value_or(p.kernel);
    r.sh = s.h;
    r.sw = s.w;
    r.dh = p.dilation.h;
    r.dw = p.dilation.w;
    r.pad = ref::Pad(int(p.paddingMode));
    r.padTop = p.padding.top;
    r.padBottom = p.padding.bottom;
    r.padLeft = p.padding.left;
    r.padRight = p.padding.right;
    r.ceil = p.ceilMode;
    r.countIncludePad = p.countIncludePad;
    r.divisorOverride = p.divisorOverride.value_or(0);
    r.adaptive = p.global || p.adaptiveOutput.has_value();
    const Size2 a = p.global ? Size2{1, 1} : p.adaptiveOutput.value_or(Size2{1, 1});
    r.adaptiveH = a.h;
    r.adaptiveW = a.w;
    return r;
}

/// Little-endian two's-complement bytes of `values`, `size` (1, 2, 4 or 8) bytes each: the data of
/// an integer .npy written out here, not by the reader's own decoder.
inline QByteArray intBytes(std::initializer_list<std::int64_t> values, int size)
{
    QByteArray out;
    for (const std::int64_t v : values)
        for (int i = 0; i < size; ++i)
            out += char((std::uint64_t(v) >> (8 * i)) & 0xFF);
    return out;
}

/// A format-1.0 .npy file as NumPy writes it: the magic, the header dict for `descr` ("<i4") and
/// `shape` ("(2, 2)") padded with spaces and '\n' to a multiple of 64 bytes, then `data` as given.
inline QByteArray npyFile(const char *descr, const char *shape, const QByteArray &data)
{
    QByteArray dict =
        QByteArray("{'descr': '") + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    dict += QByteArray((64 - (10 + dict.size() + 1) % 64) % 64, ' ') + '\n';
    QByteArray out("\x93NUMPY\x01\x00", 8);
    out += char(dict.size() & 0xFF);
    out += char(dict.size() >> 8);
    return out + dict + data;
}

} // namespace poolviz::test

#define POOLVIZ_COMPARE_TENSORS(actual, expected, tol)                                             \
    QVERIFY2(poolviz::test::sameValues(actual, expected, tol),                                     \
             qPrintable(QString::fromStdString("got " + poolviz::test::str(actual) +               \
                                               "\n   expected " + poolviz::test::str(expected))))

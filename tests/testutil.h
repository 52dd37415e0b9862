#pragma once

// Shared helpers for the core test suites: building tensors and params in one line, and
// comparing tensors with NaN equal to NaN and readable failure messages.

#include "poolparams.h"
#include "tensor.h"

#include <QByteArray>
#include <QString>
#include <QTest>

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
    t.data() = values;
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

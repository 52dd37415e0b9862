#pragma once

// Shared helpers for the core test suites: building tensors and params in one line, and
// comparing tensors with NaN equal to NaN and readable failure messages.

#include "poolparams.h"
#include "tensor.h"

#include <QString>
#include <QTest>

#include <cmath>
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

} // namespace poolviz::test

#define POOLVIZ_COMPARE_TENSORS(actual, expected, tol)                                             \
    QVERIFY2(poolviz::test::sameValues(actual, expected, tol),                                     \
             qPrintable(QString::fromStdString("got " + poolviz::test::str(actual) +               \
                                               "\n   expected " + poolviz::test::str(expected))))

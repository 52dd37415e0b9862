#pragma once

#include "hugepagealloc.h"
#include "messages.h"
#include "sizelimits.h"

#include <Eigen/Core>

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace poolviz {

/// Row-major planes, so that a plane's memory order equals PyTorch's `h·W + w` index order.
template <class T>
using PlaneMatrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// A dense (N, C, H, W) array in C order. 2-D and 3-D data are the same storage with N = 1
/// (and C = 1); `rank()` remembers how many dimensions the data came with, so that files are
/// written back with the shape they were read with.
/// Thrown when a tensor would hold more values than the limit: a std::length_error whose
/// message also has its id and numbers (TensorTooLarge), so that the GUI can translate it.
class TensorSizeError : public std::length_error
{
public:
    explicit TensorSizeError(Message message)
        : std::length_error(message.text()), m_message(std::move(message))
    {
    }
    const Message &message() const { return m_message; }

private:
    Message m_message;
};

template <class T> class BasicTensor
{
public:
    using value_type = T;
    /// The values in C order; a large tensor's block is on huge pages (see HugePageAllocator).
    using Storage = std::vector<T, HugePageAllocator<T>>;

    BasicTensor() = default;
    /// An (n, c, h, w) tensor filled with `fill`; `rank` is 2, 3 or 4. Throws
    /// TensorSizeError (a std::length_error), before allocating, when it would hold more values
    /// than `currentLimits().values` (the count is computed in checked 64-bit arithmetic).
    BasicTensor(int n, int c, int h, int w, T fill = T(), int rank = 4)
        : m_shape{n, c, h, w}, m_rank(rank)
    {
        if (n < 0 || c < 0 || h < 0 || w < 0)
            throw std::invalid_argument("negative tensor dimension");
        if (rank < 2 || rank > 4)
            throw std::invalid_argument("tensor rank must be 2, 3 or 4");
        const std::int64_t count = saturatedMul(saturatedMul(n, c), saturatedMul(h, w));
        if (const std::int64_t limit = currentLimits().values; count > limit)
            throw TensorSizeError(
                Message{MessageId::TensorTooLarge,
                        {shapeString(), formatCount(double(n) * c * h * w, double(limit)),
                         formatCount(double(limit))}});
        m_data.assign(std::size_t(count), fill);
    }
    /// An (h, w) matrix, rank 2.
    static BasicTensor matrix(int h, int w, T fill = T())
    {
        return BasicTensor(1, 1, h, w, fill, 2);
    }
    /// A rank-2 tensor from rows; every row must have the same length.
    static BasicTensor fromRows(std::initializer_list<std::initializer_list<T>> rows)
    {
        const int h = int(rows.size());
        const int w = h ? int(rows.begin()->size()) : 0;
        BasicTensor t = matrix(h, w);
        int r = 0;
        for (const auto &row : rows) {
            if (int(row.size()) != w)
                throw std::invalid_argument("ragged rows");
            int c = 0;
            for (const T &v : row)
                t.at(r, c++) = v;
            ++r;
        }
        return t;
    }
    /// A rank-2 tensor from an Eigen matrix.
    template <class Derived> static BasicTensor fromEigen(const Eigen::MatrixBase<Derived> &m)
    {
        BasicTensor t = matrix(int(m.rows()), int(m.cols()));
        t.plane(0, 0) = m.template cast<T>();
        return t;
    }

    int n() const { return m_shape[0]; }
    int c() const { return m_shape[1]; }
    int h() const { return m_shape[2]; }
    int w() const { return m_shape[3]; }
    int rank() const { return m_rank; }
    void setRank(int rank) { m_rank = rank; }
    const std::array<int, 4> &shape() const { return m_shape; }
    int planeCount() const { return n() * c(); }
    std::size_t planeSize() const { return std::size_t(h()) * w(); }
    std::size_t size() const { return m_data.size(); }
    bool empty() const { return m_data.empty(); }

    T &at(int n, int c, int h, int w) { return m_data[offset(n, c, h, w)]; }
    const T &at(int n, int c, int h, int w) const { return m_data[offset(n, c, h, w)]; }
    /// Element (h, w) of the first plane: for matrices.
    T &at(int h, int w) { return m_data[offset(0, 0, h, w)]; }
    const T &at(int h, int w) const { return m_data[offset(0, 0, h, w)]; }

    T *planeData(int n, int c)
    {
        return m_data.data() + std::size_t(n * this->c() + c) * planeSize();
    }
    const T *planeData(int n, int c) const
    {
        return m_data.data() + std::size_t(n * this->c() + c) * planeSize();
    }
    T *planeData(int p) { return m_data.data() + std::size_t(p) * planeSize(); }
    const T *planeData(int p) const { return m_data.data() + std::size_t(p) * planeSize(); }
    /// The (n, c) plane as a row-major Eigen map.
    Eigen::Map<PlaneMatrix<T>> plane(int n, int c) { return {planeData(n, c), h(), w()}; }
    Eigen::Map<const PlaneMatrix<T>> plane(int n, int c) const
    {
        return {planeData(n, c), h(), w()};
    }
    /// The (n, c) plane as a new rank-2 tensor.
    BasicTensor planeTensor(int n, int c) const
    {
        BasicTensor t = matrix(h(), w());
        std::copy(planeData(n, c), planeData(n, c) + planeSize(), t.m_data.begin());
        return t;
    }

    Storage &data() { return m_data; }
    const Storage &data() const { return m_data; }

    bool sameShape(const std::array<int, 4> &s) const { return m_shape == s; }
    /// Shape and values equal (NaN never equals NaN; use `identical` for that).
    bool operator==(const BasicTensor &o) const
    {
        return m_shape == o.m_shape && m_data == o.m_data;
    }

    /// "4×4", "3×4×4" or "2×3×4×4", as the data's rank shows it.
    std::string shapeString() const
    {
        std::string s;
        const int first = 4 - m_rank;
        for (int i = first; i < 4; ++i) {
            if (i > first)
                s += "\u00d7";
            s += std::to_string(m_shape[std::size_t(i)]);
        }
        return s;
    }

private:
    std::size_t offset(int n, int c, int h, int w) const
    {
        return ((std::size_t(n) * m_shape[1] + c) * m_shape[2] + h) * m_shape[3] + w;
    }

    std::array<int, 4> m_shape{0, 0, 0, 0};
    int m_rank = 2;
    Storage m_data;
};

using Tensor = BasicTensor<float>;
using IndexTensor = BasicTensor<std::int64_t>;
/// 8-bit values, e.g. a photo's channels (see forwardBytes in pool.h).
using ByteTensor = BasicTensor<std::uint8_t>;

/// Prints a tensor as NumPy would print it, for test failures.
template <class T> std::ostream &operator<<(std::ostream &os, const BasicTensor<T> &t)
{
    os << "tensor(" << t.shapeString() << ")[";
    for (std::size_t i = 0; i < t.size(); ++i)
        os << (i ? " " : "") << t.data()[i];
    return os << "]";
}

} // namespace poolviz

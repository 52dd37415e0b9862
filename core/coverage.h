#pragma once

#include "geometry.h"
#include "messages.h"
#include "poolparams.h"
#include "sizelimits.h"

#include <cstdint>
#include <string>
#include <vector>

namespace poolviz {

/// How many windows read each cell of an inH × inW input: the overlap and the skipped cells of a
/// pooling at a glance. Padding and ceil mode's overhang are not input cells and never counted;
/// a dilated window counts only its taps, not the cells between them.
struct CoverageMap
{
    int rows = 0;
    int cols = 0;
    std::vector<int> counts; ///< row-major, rows·cols entries

    /// Windows reading input cell (r, c); 0 outside the map.
    int at(int row, int col) const
    {
        if (row < 0 || col < 0 || row >= rows || col >= cols)
            return 0;
        return counts[std::size_t(row) * std::size_t(cols) + std::size_t(col)];
    }
    /// The largest count (0 for an empty map).
    int maxCount() const;
    /// Input cells that no window reads (count 0): the stride's leftovers.
    std::int64_t skipped() const;

    friend bool operator==(const CoverageMap &, const CoverageMap &) = default;
};

/// The coverage map of `g`: count(r, c) = rowCount(r) · colCount(c), where an axis count is the
/// number of windows o whose taps start(o) + t·step (0 ≤ t < tapCount(o)) hit the position
/// (AxisGeometry::coverage, built from each window's start, step and tap count in O(in + out)).
/// Throws PoolError naming the problem when `g` is invalid or the map (inH·inW values) is above
/// `limits.values`; nothing is allocated then.
CoverageMap coverageMap(const Geometry &g, const Limits &limits = currentLimits());

/// One setting of a stride (or kernel) series: its parameters, output size and coverage map, or
/// why it is impossible (`errors` non-empty, output 0×0, empty map).
struct PoolingVariant
{
    PoolParams params;
    int outH = 0;
    int outW = 0;
    CoverageMap coverage;
    std::vector<Message> errors;

    bool ok() const { return errors.empty(); }
    /// The errors' English texts joined with "; " ("" when ok).
    std::string errorText() const { return joinedText(errors); }
    friend bool operator==(const PoolingVariant &, const PoolingVariant &) = default;
};

/// What a series varies: the stride (kernel kept) or the kernel (stride kept).
enum class VariantAxis
{
    Stride,
    Kernel
};

/// The stride explorer's small multiples for an inH × inW input: `params` with stride
/// s = 1, 2, …, max(kh, kw) + 1 on both axes (one step past the kernel, where cells start to be
/// skipped), or with kernel k = 1 … max(kh, kw) + 1 on both axes and the current stride kept
/// (stride unset stays unset, so it follows the kernel). Adaptive and global parameters have no
/// stride: an empty series. Each entry is validated and measured on its own; its coverage map
/// respects `limits`.
std::vector<PoolingVariant> poolingVariants(const PoolParams &params, int inH, int inW,
                                            VariantAxis axis,
                                            const Limits &limits = currentLimits());

} // namespace poolviz

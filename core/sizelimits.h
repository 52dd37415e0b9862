#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace poolviz {

/// How much PoolViz agrees to compute, checked before anything is allocated. A request above a
/// limit is refused with a message naming its sizes; a hostile or careless request is thus
/// answered in well under a second instead of exhausting memory.
struct Limits
{
    /// Values in one tensor: an output (all planes), an input gradient, an unpooled tensor, a
    /// coverage map, the taps a trace stores. 10⁸ floats are 400 MB.
    std::int64_t values = 100'000'000;
    /// Steps of one animation (trace) and so frames of one GIF or PNG sequence.
    std::int64_t steps = 10'000;
    /// Window taps one animation keeps over all its steps (each with its value): 4·10⁶ taps are
    /// about 70 MB and well under a second to trace, so that no parameter combination freezes
    /// the window (a 64×64 kernel at stride 1 over a padded 64×64 matrix has 1.7·10⁷).
    std::int64_t traceTaps = 4'000'000;

    friend bool operator==(const Limits &, const Limits &) = default;
};

/// The limits in force for this process (the defaults until `setCurrentLimits`). Thread-safe.
Limits currentLimits();
/// Sets the limits in force (CLI flags, GUI settings). Values below 1 are raised to 1.
void setCurrentLimits(const Limits &limits);

/// The largest coordinate or extent along one axis: positions are `int`.
constexpr std::int64_t kMaxExtent = 2147483647;

/// a·b, or nothing if it does not fit in 64 bits.
inline std::optional<std::int64_t> checkedMul(std::int64_t a, std::int64_t b)
{
    std::int64_t r = 0;
    if (__builtin_mul_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

/// a + b, or nothing if it does not fit in 64 bits.
inline std::optional<std::int64_t> checkedAdd(std::int64_t a, std::int64_t b)
{
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

/// a·b saturated at INT64_MAX for non-negative factors: a product that overflows is above any
/// limit anyway, and the message shows it from `formatCount(double)`.
inline std::int64_t saturatedMul(std::int64_t a, std::int64_t b)
{
    return checkedMul(a, b).value_or(INT64_MAX);
}

/// A count as messages show it: plain digits below 10⁶ ("529"), a power of ten as "10⁸",
/// otherwise one decimal and a power ("1.0·10¹²"). Never rounds onto `limit` when the count is
/// above it: then more digits are shown ("100000001", not "1.0·10⁸").
std::string formatCount(double count, double limit = -1);

} // namespace poolviz

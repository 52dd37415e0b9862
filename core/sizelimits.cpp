#include "sizelimits.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>

namespace poolviz {

namespace {

std::atomic<std::int64_t> gValues{Limits{}.values};
std::atomic<std::int64_t> gSteps{Limits{}.steps};
std::atomic<std::int64_t> gTraceTaps{Limits{}.traceTaps};

std::string superscript(int n)
{
    static const char *const digits[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                         "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    std::string s;
    for (char c : std::to_string(n))
        s += c == '-' ? std::string("\u207b") : std::string(digits[c - '0']);
    return s;
}

/// One decimal and a power of ten, "1.0·10¹²" (or "10⁸" for an exact power); `shown` is the
/// value the text stands for. Digits are made by hand: the C locale may be German (a comma).
std::string scientific(double v, double &shown)
{
    int exponent = int(std::floor(std::log10(v)));
    long long tenths = std::llround(v / std::pow(10.0, exponent) * 10.0);
    if (tenths >= 100) { // 9.96 → "10.0": one power up
        ++exponent;
        tenths = std::llround(v / std::pow(10.0, exponent) * 10.0);
    }
    shown = double(tenths) / 10.0 * std::pow(10.0, exponent);
    if (v == std::pow(10.0, exponent))
        return "10" + superscript(exponent);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "\u00b7" + "10" +
           superscript(exponent);
}

} // namespace

Limits currentLimits()
{
    return {gValues.load(std::memory_order_relaxed), gSteps.load(std::memory_order_relaxed),
            gTraceTaps.load(std::memory_order_relaxed)};
}

void setCurrentLimits(const Limits &limits)
{
    gValues.store(std::max<std::int64_t>(limits.values, 1), std::memory_order_relaxed);
    gSteps.store(std::max<std::int64_t>(limits.steps, 1), std::memory_order_relaxed);
    gTraceTaps.store(std::max<std::int64_t>(limits.traceTaps, 1), std::memory_order_relaxed);
}

std::string formatCount(double count, double limit)
{
    if (!std::isfinite(count))
        return "more than 10\u00b9\u2078";
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.0f", count);
    if (count < 1e6)
        return digits;
    double shown = 0;
    const std::string s = scientific(count, shown);
    // Above the limit but rounded onto it (or below): every digit, so it visibly exceeds it.
    if (limit > 0 && count > limit && shown <= limit)
        return digits;
    return s;
}

} // namespace poolviz

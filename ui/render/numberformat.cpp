#include "numberformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace poolviz {

namespace {

/// Unicode's vulgar fractions, by numerator and denominator.
QString vulgar(long long p, long long q)
{
    struct Glyph
    {
        int p, q;
        char16_t c;
    };
    static constexpr Glyph glyphs[] = {{1, 2, u'\u00bd'}, {1, 3, u'\u2153'}, {2, 3, u'\u2154'},
                                       {1, 4, u'\u00bc'}, {3, 4, u'\u00be'}, {1, 5, u'\u2155'},
                                       {2, 5, u'\u2156'}, {3, 5, u'\u2157'}, {4, 5, u'\u2158'},
                                       {1, 6, u'\u2159'}, {5, 6, u'\u215a'}, {1, 8, u'\u215b'},
                                       {3, 8, u'\u215c'}, {5, 8, u'\u215d'}, {7, 8, u'\u215e'}};
    for (const Glyph &g : glyphs)
        if (g.p == p && g.q == q)
            return QString(QChar(g.c));
    return {};
}

QString withMinus(QString s, const QLocale &locale)
{
    const QString minus = locale.negativeSign();
    if (s.startsWith(minus))
        s.replace(0, minus.size(), QChar(0x2212));
    return s;
}

} // namespace

NumberFormat::NumberFormat(int decimals, Style style, const QLocale &locale)
    : m_decimals(std::clamp(decimals, 0, kMaxExact)), m_style(style), m_locale(locale)
{
    m_locale.setNumberOptions(QLocale::OmitGroupSeparator);
}

bool NumberFormat::exactAt(double v, int decimals)
{
    if (!std::isfinite(v))
        return true;
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return std::strtof(buf, nullptr) == float(v);
}

int NumberFormat::exactDecimals(const std::vector<float> &values)
{
    int decimals = 0;
    for (float v : values) {
        while (decimals <= kMaxExact && !exactAt(v, decimals))
            ++decimals;
        if (decimals > kMaxExact)
            return -1;
    }
    return decimals;
}

QString NumberFormat::fraction(double v)
{
    if (!std::isfinite(v) || v == std::floor(v) || std::fabs(v) > 1e6)
        return {};
    for (long long q = 2; q <= 64; ++q) {
        const double scaled = v * double(q);
        const double p = std::round(scaled);
        // The value is a float: p/q must round to the very same float.
        if (float(p / double(q)) != float(v) || std::gcd((long long)std::fabs(p), q) != 1)
            continue;
        const long long num = (long long)std::fabs(p);
        const QString sign = v < 0 ? QString(QChar(0x2212)) : QString();
        const long long whole = num / q, rest = num % q;
        const QString glyph = vulgar(rest, q);
        if (!glyph.isEmpty())
            return sign + (whole ? QString::number(whole) : QString()) + glyph;
        return sign + QStringLiteral("%1/%2").arg(num).arg(q);
    }
    return {};
}

bool NumberFormat::isExact(double v) const
{
    if (m_style == Style::Fraction && !fraction(v).isEmpty())
        return true;
    return exactAt(v, m_decimals);
}

QString NumberFormat::text(double v) const
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (m_style == Style::Fraction) {
        const QString f = fraction(v);
        if (!f.isEmpty())
            return f;
    }
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return withMinus(m_locale.toString(qlonglong(v)), m_locale);
    // The fewest decimals (up to the grid's) that are exact; the grid's, marked, if none is.
    for (int d = 0; d <= m_decimals; ++d)
        if (exactAt(v, d))
            return withMinus(m_locale.toString(v, 'f', d), m_locale);
    return QStringLiteral("≈") + withMinus(m_locale.toString(v, 'f', m_decimals), m_locale);
}

} // namespace poolviz

#pragma once

#include <QLocale>
#include <QString>

#include <vector>

namespace poolviz {

/// How one grid of the stage writes its numbers for the screen: one number of decimals for the
/// whole grid, chosen so that every value is shown exactly (trailing zeros dropped: 0.25, 37.75,
/// 12) or, where no decimals would be exact (1/9), marked "≈" ("≈0.111"). Nothing is rounded
/// silently. Written with the locale's decimal separator ("0,25" in German) and a real minus
/// sign; files never use this (they keep "."). With Style::Fraction, values that are fractions
/// with a small denominator are written as fractions ("¼", "37¾", "4/9").
class NumberFormat
{
public:
    enum class Style
    {
        Decimal,
        Fraction
    };
    /// Decimals used for values no decimal count up to kMaxExact writes exactly.
    static constexpr int kInexactDecimals = 3;
    /// The most decimals tried when looking for an exact form.
    static constexpr int kMaxExact = 6;

    explicit NumberFormat(int decimals = kInexactDecimals, Style style = Style::Decimal,
                          const QLocale &locale = QLocale());

    /// The fewest decimals (0…kMaxExact) at which every finite value of `values` is exact
    /// (its digits read back as the same float: 0.1 and 0.25 are, 1/9 is not); −1 if none.
    static int exactDecimals(const std::vector<float> &values);
    /// Whether `v` written with `decimals` decimals reads back as the float v (±∞, NaN: true).
    static bool exactAt(double v, int decimals);
    /// `v` as a fraction with a denominator ≤ 64 ("¼", "−1½", "37¾", "4/9", "13/9"); empty
    /// for whole numbers, non-finite values and values that are no such fraction.
    static QString fraction(double v);

    int decimals() const { return m_decimals; }
    Style style() const { return m_style; }
    /// Whether text(v) is the value itself (no "≈").
    bool isExact(double v) const;
    /// `v` for a cell: "12", "0.25", "≈0.111", "−∞", "NaN", or its fraction.
    QString text(double v) const;

private:
    int m_decimals;
    Style m_style;
    QLocale m_locale;
};

} // namespace poolviz

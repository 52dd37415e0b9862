#pragma once

// The stage's colours, sizes and the small painting helpers its parts share (layout, cells,
// captions, links). Internal to poolviz_render: only the StageRenderer sources include it.

#include "numberformat.h"
#include "trace.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>
#include <QRectF>
#include <QSize>
#include <QString>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace poolviz::stage {

// Colours (Open Color): dark text on light fills everywhere. Every text of the stage keeps at
// least 4.5:1 contrast (WCAG AA) against what it is drawn on, read from the back of a classroom:
// kMuted 8.2:1 on white, kFaint 6.1:1 on white and 5.5:1 on the padding fill.
inline const QColor kText(0x21, 0x25, 0x29);
inline const QColor kTitle(0x34, 0x3a, 0x40);
inline const QColor kMuted(0x49, 0x50, 0x57);
inline const QColor kFaint(0x5c, 0x63, 0x6a);
inline const QColor kGridLine(0xce, 0xd4, 0xda);
inline const QColor kInputBorder(0x49, 0x50, 0x57);
inline const QColor kPaddingFill(0xf1, 0xf3, 0xf5);
inline const QColor kPaddingHatch(0xdc, 0xe0, 0xe4);
inline const QColor kUncoveredHatch(0x9a, 0xa3, 0xab);
inline const QColor kNaNFill(0xfc, 0xc2, 0xd7);
inline const QColor kHeatLow(0xff, 0xfe, 0xfb);
inline const QColor kHeatMid(0xff, 0xe8, 0xcc);
inline const QColor kHeatHigh(0xff, 0xc0, 0x78);
inline const QColor kGradPos(0x9c, 0xe8, 0xa8);
inline const QColor kGradNeg(0xe0, 0xa8, 0xf2);
inline const QColor kWindow(0x19, 0x71, 0xc2);
inline const QColor kWinner(0xc9, 0x2a, 0x2a);
inline const QColor kGradient(0x2b, 0x8a, 0x3e);     ///< lines and frames (no text on it)
inline const QColor kGradientText(0x1e, 0x51, 0x28); ///< "+amount" and "×n" on the gradient's fills
inline const QColor kHover(0x70, 0x48, 0xe8);
/// Output cells not filled yet, when cells are tiny.
inline const QColor kUnfilled(0xe7, 0xf5, 0xff);

/// Below this cell size the grids show colours only.
inline constexpr double kNumbersMinCell = 16.0;
/// Room for row/column indices, in cells.
inline constexpr double kIndexStrip = 0.5;
/// Caption space reserved (the layout never jumps).
inline constexpr int kCaptionLines = 3;
inline constexpr double kPreferredCell = 56.0;
inline constexpr QSize kScreen(1920, 1080);

/// A core string as a QString.
inline QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

[[nodiscard]] QString pairText(int a, int b);

[[nodiscard]] QString sizeText(int h, int w);

[[nodiscard]] QColor mix(const QColor &a, const QColor &b, double t);

[[nodiscard]] QColor withAlpha(QColor c, double alpha);

[[nodiscard]] QFont stageFont(double px, bool bold = false);

/// Text widths measured once at 100 px and scaled: cheap enough to fit every number of a
/// 64×64 grid to its cell.
class TextFit
{
public:
    double width(const QString &text, double px, bool bold = false)
    {
        auto &cache = bold ? m_bold : m_normal;
        auto it = cache.constFind(text);
        if (it == cache.constEnd())
            it = cache.insert(text, (bold ? m_fmBold : m_fm).horizontalAdvance(text));
        return it.value() * px / 100.0;
    }
    /// The largest size ≤ px at which `text` fits `room` pixels wide.
    double fit(const QString &text, double px, double room, bool bold = false)
    {
        const double w = width(text, px, bold);
        return w > room ? px * room / w : px;
    }
    /// The height of capitals and digits at `px`.
    double capHeight(double px) const { return m_fm.capHeight() * px / 100.0; }

private:
    QFontMetricsF m_fm{stageFont(100)};
    QFontMetricsF m_fmBold{stageFont(100, true)};
    QHash<QString, double> m_normal, m_bold;
};

/// `v` as a cell of a grid written with `format` shows it (see NumberFormat).
[[nodiscard]] QString cellNumber(const NumberFormat &format, double v, const QString &prefix = {});

/// The size of a cell's number in a cell of `s` px, before it is fitted to numberRoom.
[[nodiscard]] double numberPx(double s);

/// The share of a cell's width its number may use: small cells give their numbers more of it.
[[nodiscard]] double numberRoom(double s);

/// Where a gradient cell's running sum goes: under the "+amount" note when `note`, above the
/// "×n" count when `counted` (which sits in the bottom fifth, as large as the indices).
[[nodiscard]] QRectF runningRect(const QRectF &rect, double s, bool note, bool counted);

/// The box the "×n" count is drawn right- and bottom-aligned in.
[[nodiscard]] QRectF timesRect(const QRectF &rect, double s);

/// Font size of the row and column indices for cell size s; badges are never smaller.
[[nodiscard]] double indexPx(double s);

/// Font size of the winner's badge ("max") and the "×n" count: never below the indices.
[[nodiscard]] double badgePx(double s);

/// Font size of the "past edge" note in a ceil-mode overhang cell.
[[nodiscard]] double pastEdgePx(double s);

/// The "+amount" note at the top of a gradient cell that a contribution reaches, and its font
/// size (never below the indices'); no text where the cell is too small for it to be readable.
[[nodiscard]] std::pair<QString, double> amountNote(const NumberFormat &format, double amount,
                                                    double s, TextFit &fit);

/// A value range for colouring cells.
struct Range
{
    double lo = 0;
    double hi = 0;
    bool any = false;
    void add(double v)
    {
        if (!std::isfinite(v))
            return;
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
    }
    void add(const Tensor &t)
    {
        for (float v : t.data())
            add(v);
    }
    /// 0..1 position of v (±∞ at the ends; a flat range sits in the middle).
    double position(double v) const
    {
        if (std::isinf(v))
            return v > 0 ? 1.0 : 0.0;
        if (!any || hi <= lo)
            return 0.5;
        return std::clamp((v - lo) / (hi - lo), 0.0, 1.0);
    }
};

/// Diagonal lines across `rect`.
void hatch(QPainter &p, const QRectF &rect, const QColor &color, double spacing, double width);

/// Where badge() draws its pill.
[[nodiscard]] QRectF badgeRect(QPointF center, const QString &text, double px, TextFit &fit);

/// The width of a badge's white outline (half of it outside badgeRect).
[[nodiscard]] double badgeLinePx(double px);

/// A filled pill with centred text; returns its rect.
QRectF badge(QPainter &p, QPointF center, const QString &text, double px, const QColor &fill,
             TextFit &fit, double alpha = 1.0);

/// Draws `text` centred in `rect` at up to `px` (shrunk to fit the width); nothing if it would
/// be smaller than 5 px.
void cellText(QPainter &p, TextFit &fit, const QRectF &rect, const QString &text, double px,
              const QColor &color, bool bold = false, double room = 0);

[[nodiscard]] QString paddingValueText(PoolMode mode);

/// `p` in superscript digits ("³"), or "^2.5" when p is not a whole number.
[[nodiscard]] QString superscript(double p);

/// The badge on the winner's ring: "max", "min" or "NaN".
[[nodiscard]] QString winnerBadgeText(const Step &st, const PoolParams &params);

/// What an average, Lp or empty window computes, shown on its lower edge ("÷ 4", "L3",
/// "no input → 0"); empty for the other rules.
[[nodiscard]] QString windowBadgeText(const Step &st, const PoolParams &params);

/// Font size of the window badge for cell size s: never smaller than the indices.
[[nodiscard]] double windowBadgePx(double s);

} // namespace poolviz::stage

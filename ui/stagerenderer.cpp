#include "stagerenderer.h"

#include <QFontMetricsF>
#include <QHash>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace poolviz {

namespace {

// Colours (Open Color): dark text on light fills everywhere, so numbers keep high contrast.
const QColor kText(0x21, 0x25, 0x29);
const QColor kTitle(0x34, 0x3a, 0x40);
const QColor kMuted(0x86, 0x8e, 0x96);
const QColor kFaint(0xad, 0xb5, 0xbd);
const QColor kGridLine(0xce, 0xd4, 0xda);
const QColor kInputBorder(0x49, 0x50, 0x57);
const QColor kPaddingFill(0xf1, 0xf3, 0xf5);
const QColor kPaddingHatch(0xdc, 0xe0, 0xe4);
const QColor kUncoveredHatch(0x9a, 0xa3, 0xab);
const QColor kNaNFill(0xfc, 0xc2, 0xd7);
const QColor kHeatLow(0xff, 0xfe, 0xfb);
const QColor kHeatMid(0xff, 0xe8, 0xcc);
const QColor kHeatHigh(0xff, 0xc0, 0x78);
const QColor kGradPos(0x9c, 0xe8, 0xa8);
const QColor kGradNeg(0xe0, 0xa8, 0xf2);
const QColor kWindow(0x19, 0x71, 0xc2);
const QColor kWinner(0xc9, 0x2a, 0x2a);
const QColor kGradient(0x2b, 0x8a, 0x3e);
const QColor kHover(0x70, 0x48, 0xe8);

constexpr double kNumbersMinCell = 16.0; ///< below this cell size the grids show colours only
constexpr double kIndexStrip = 0.5;      ///< room for row/column indices, in cells
constexpr int kCaptionLines = 3;         ///< caption space reserved (the layout never jumps)
constexpr double kPreferredCell = 56.0;
constexpr QSize kScreen(1920, 1080);

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString num(double v)
{
    return qs(formatNumber(v));
}

QString pairText(int a, int b)
{
    return a == b ? QString::number(a) : QStringLiteral("%1×%2").arg(a).arg(b);
}

QString sizeText(int h, int w)
{
    return QStringLiteral("%1×%2").arg(h).arg(w);
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t),
                            float(a.alphaF() + (b.alphaF() - a.alphaF()) * t));
}

QColor withAlpha(QColor c, double alpha)
{
    c.setAlphaF(float(std::clamp(alpha, 0.0, 1.0)));
    return c;
}

double smoothstep(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3.0 - 2.0 * t);
}

QRectF lerp(const QRectF &a, const QRectF &b, double t)
{
    auto f = [t](double x, double y) { return x + (y - x) * t; };
    return QRectF(QPointF(f(a.left(), b.left()), f(a.top(), b.top())),
                  QPointF(f(a.right(), b.right()), f(a.bottom(), b.bottom())));
}

QFont stageFont(double px, bool bold = false)
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
                   QStringLiteral("Segoe UI"), QStringLiteral("Helvetica Neue"),
                   QStringLiteral("Arial")});
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(std::max(1, int(std::lround(px))));
    f.setBold(bold);
    return f;
}

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

private:
    QFontMetricsF m_fm{stageFont(100)};
    QFontMetricsF m_fmBold{stageFont(100, true)};
    QHash<QString, double> m_normal, m_bold;
};

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

/// Gentle warm heat for values (dark text stays readable on every step); plain grayscale when the
/// cells are too small for numbers, which is also how an image looks.
QColor heatColor(double v, const Range &range, bool numbers)
{
    if (std::isnan(v))
        return kNaNFill;
    const double t = range.position(v);
    if (!numbers)
        return QColor::fromRgbF(float(t), float(t), float(t));
    return t < 0.5 ? mix(kHeatLow, kHeatMid, t * 2) : mix(kHeatMid, kHeatHigh, t * 2 - 1);
}

/// Diverging green (positive) / violet (negative) around white for gradients.
QColor gradientFill(double v, double maxAbs, bool numbers)
{
    if (std::isnan(v))
        return kNaNFill;
    if (v == 0 || maxAbs <= 0)
        return Qt::white;
    const double t = std::isinf(v) ? 1.0 : std::min(std::fabs(v) / maxAbs, 1.0);
    if (!numbers)
        return mix(Qt::white, v > 0 ? kGradient : QColor(0x86, 0x2e, 0x9c), t);
    return mix(Qt::white, v > 0 ? kGradPos : kGradNeg, t);
}

/// Diagonal lines across `rect`.
void hatch(QPainter &p, const QRectF &rect, const QColor &color, double spacing, double width)
{
    p.save();
    p.setClipRect(rect, Qt::IntersectClip);
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
    const double h = rect.height();
    for (double x = rect.left() - h; x < rect.right() + spacing; x += spacing)
        p.drawLine(QPointF(x, rect.bottom()), QPointF(x + h, rect.top()));
    p.restore();
}

/// A filled pill with centred text; returns its rect.
QRectF badge(QPainter &p, QPointF center, const QString &text, double px, const QColor &fill,
             TextFit &fit, double alpha = 1.0)
{
    const double w = fit.width(text, px, true) + px * 0.9;
    const double h = px * 1.45;
    const QRectF r(center.x() - w / 2, center.y() - h / 2, w, h);
    p.save();
    p.setPen(QPen(withAlpha(Qt::white, alpha), std::max(1.5, px * 0.14)));
    p.setBrush(withAlpha(fill, alpha));
    p.drawRoundedRect(r, h / 2, h / 2);
    p.setPen(withAlpha(Qt::white, alpha));
    p.setFont(stageFont(px, true));
    p.drawText(r, Qt::AlignCenter, text);
    p.restore();
    return r;
}

/// How many cells of its own grid lie between a rect and each edge of that grid: an arrow that
/// leaves or enters through a side crosses that many cells.
struct Crossings
{
    int left = 0, right = 0, top = 0, bottom = 0;
};

/// Where an arrow may run above and below the grids without crossing cells (the strip of the
/// column indices, the space under the grids).
struct Channels
{
    double top = 0, bottom = 0;
    QRectF fromGrid, toGrid; ///< the cells of the two grids
};

/// A link from `from` to `to` (rects) with a white halo so it reads over cells. Between grids
/// side by side it leaves and enters through the facing sides, the top or the bottom – whichever
/// pair crosses the fewest cells (`src`, `dst`); a link that leaves and enters through the top
/// (or bottom) runs along the channel above (below) the grids with rounded corners. Between grids
/// one above the other it runs vertically.
void arrow(QPainter &p, const QRectF &from, const QRectF &to, const QColor &color, double width,
           double cell, Crossings src, Crossings dst, Channels channels, double alpha = 1.0)
{
    enum Side
    {
        Facing,
        Top,
        Bottom
    };
    QPainterPath path;
    QPointF b, inward; // the tip and the direction the arrow points there
    const double head = std::max(9.0, width * 3.6);

    if (to.left() >= from.right() - 0.5 || to.right() <= from.left() + 0.5) {
        const bool right = to.left() >= from.right() - 0.5;
        const double sx = right ? 1 : -1;
        const int exitCost[3] = {right ? src.right : src.left, src.top, src.bottom};
        const int entryCost[3] = {right ? dst.left : dst.right, dst.top, dst.bottom};
        // In order of preference; top-then-bottom (or the reverse) would cut through a grid.
        static const std::array<std::pair<Side, Side>, 7> pairs{{{Facing, Facing},
                                                                 {Facing, Top},
                                                                 {Top, Facing},
                                                                 {Top, Top},
                                                                 {Facing, Bottom},
                                                                 {Bottom, Facing},
                                                                 {Bottom, Bottom}}};
        std::pair<Side, Side> best = pairs[0];
        int bestCost = std::numeric_limits<int>::max();
        for (const auto &pair : pairs) {
            // Crossing a cell covers its number, so it costs far more than the longer way
            // round through the top or bottom channel (one unit per detour).
            const int cost = 4 * (exitCost[pair.first] + entryCost[pair.second]) +
                             (pair.first != Facing) + (pair.second != Facing);
            if (cost < bestCost) {
                bestCost = cost;
                best = pair;
            }
        }
        const QPointF a =
            best.first == Facing
                ? QPointF(right ? from.right() : from.left(), from.center().y())
                : QPointF(from.center().x(), best.first == Top ? from.top() : from.bottom());
        b = best.second == Facing
                ? QPointF(right ? to.left() : to.right(), to.center().y())
                : QPointF(to.center().x(), best.second == Top ? to.top() : to.bottom());
        inward = best.second == Facing ? QPointF(sx, 0) : QPointF(0, best.second == Top ? 1 : -1);
        const QPointF end = b - inward * head * 0.8;
        path.moveTo(a);
        const double strip = kIndexStrip * cell;
        // The outer edges of the two grids facing each other (row indices sit left of a grid).
        const double fromEdge =
            right ? channels.fromGrid.right() : channels.fromGrid.left() - strip;
        const double toEdge = right ? channels.toGrid.left() - strip : channels.toGrid.right();
        if (best.first == Facing && best.second == Facing) {
            const double dist = QLineF(a, b).length();
            path.cubicTo(a + QPointF(sx * std::clamp(0.45 * dist, 0.5 * cell, 4.0 * cell), 0),
                         b - inward * std::clamp(0.35 * dist, 0.6 * cell, 3.0 * cell), end);
        } else {
            // Round the grids through the channel above (below) them, with rounded corners.
            const Side via = best.first != Facing ? best.first : best.second;
            const double y = via == Top ? channels.top : channels.bottom;
            const double dy = via == Top ? 1 : -1; // from the channel back towards the grids
            const double r0 = 0.6 * cell;
            if (best.first == Facing) {
                // Sideways out of the source grid, rising into the channel in the gap.
                const QPointF m(toEdge, y);
                const double run = std::fabs(m.x() - a.x());
                path.cubicTo(a + QPointF(sx * 0.5 * run, 0), m - QPointF(sx * 0.5 * run, 0), m);
            } else {
                const double r =
                    std::min({r0, std::fabs(y - a.y()) * 0.9, std::fabs(fromEdge - a.x()) * 0.9});
                path.lineTo(a.x(), y + dy * r);
                path.quadTo(QPointF(a.x(), y), QPointF(a.x() + sx * r, y));
            }
            if (best.second == Facing) {
                // Out of the channel in the gap, into the target's side.
                const double x = path.currentPosition().x();
                const QPointF m(right ? std::max(fromEdge, x) : std::min(fromEdge, x), y);
                path.lineTo(m);
                const double run = std::fabs(end.x() - m.x());
                path.cubicTo(m + QPointF(sx * 0.5 * run, 0), end - QPointF(sx * 0.5 * run, 0), end);
            } else {
                const double r = std::min({r0, std::fabs(y - end.y()) * 0.9,
                                           std::fabs(b.x() - path.currentPosition().x()) * 0.9});
                path.lineTo(b.x() - sx * r, y);
                path.quadTo(QPointF(b.x(), y), QPointF(b.x(), y + dy * r));
                path.lineTo(end);
            }
        }
    } else {
        const bool down = to.top() >= from.bottom() - 0.5;
        const QPointF a(from.center().x(), down ? from.bottom() : from.top());
        const QPointF outA(0, down ? 1 : -1);
        QPointF outB;
        if (down && dst.left < dst.top) {
            b = QPointF(to.left(), to.center().y());
            outB = QPointF(-1, 0);
        } else {
            b = QPointF(to.center().x(), down ? to.top() : to.bottom());
            outB = QPointF(0, down ? -1 : 1);
        }
        inward = -outB;
        const double dist = QLineF(a, b).length();
        const QPointF end = b - inward * head * 0.8;
        path.moveTo(a);
        path.cubicTo(a + outA * std::clamp(0.45 * dist, 0.5 * cell, 4.0 * cell),
                     b + outB * std::clamp(0.35 * dist, 0.6 * cell, 3.0 * cell), end);
    }

    const QPointF normal(-inward.y(), inward.x());
    const QPointF base = b - inward * head;
    const QPolygonF triangle{b, base + normal * head * 0.5, base - normal * head * 0.5};

    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(withAlpha(Qt::white, 0.9 * alpha), width + 4, Qt::SolidLine, Qt::RoundCap,
                  Qt::RoundJoin));
    p.drawPath(path);
    p.setPen(QPen(withAlpha(color, alpha), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
    p.setPen(QPen(withAlpha(Qt::white, 0.9 * alpha), 2));
    p.setBrush(withAlpha(color, alpha));
    p.drawPolygon(triangle);
    p.drawEllipse(path.elementAt(0), width * 1.1, width * 1.1);
    p.restore();
}

/// "padding 1", "padding top 0, bottom 1, left 0, right 1", with SAME noted; empty without.
QString paddingPhrase(const Geometry &g)
{
    const Padding pad = g.resolvedPadding();
    const bool same = g.params.paddingMode == PaddingMode::SameUpper ||
                      g.params.paddingMode == PaddingMode::SameLower;
    if (pad == Padding{})
        return {};
    QString text = same ? QStringLiteral("SAME padding ") : QStringLiteral("padding ");
    if (pad.top == pad.bottom && pad.top == pad.left && pad.top == pad.right)
        return text + QString::number(pad.top);
    return text + QStringLiteral("top %1, bottom %2, left %3, right %4")
                      .arg(pad.top)
                      .arg(pad.bottom)
                      .arg(pad.left)
                      .arg(pad.right);
}

QString paddingValueText(PoolMode mode)
{
    switch (mode) {
    case PoolMode::Max:
        return QStringLiteral("−∞");
    case PoolMode::Min:
        return QStringLiteral("+∞");
    default:
        return QStringLiteral("0");
    }
}

QString opName(const PoolParams &params)
{
    if (params.mode == PoolMode::Lp)
        return QStringLiteral("L") + num(params.p);
    return qs(modeName(params.mode));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Layout

namespace {

/// One grid of the stage.
struct GridBox
{
    bool present = false;
    int row0 = 0, col0 = 0; ///< coordinates of the first row/column shown
    int rows = 0, cols = 0;
    QString title, subtitle;
    QRectF cells; ///< the cell area
    QRectF titleRect, subtitleRect;
};

/// Sizes of everything that scales with the cell.
struct Metrics
{
    double cell, title, subtitle, caption, formula, index, margin, hgap, vgap, titleH, captionGap;
    explicit Metrics(double s)
        : cell(s), title(std::clamp(0.36 * s, 14.0, 40.0)),
          subtitle(std::clamp(0.25 * s, 11.0, 27.0)), caption(std::clamp(0.40 * s, 15.0, 42.0)),
          formula(std::clamp(0.26 * s, 11.0, 26.0)), index(0.24 * s),
          margin(std::max(10.0, 0.7 * title)), hgap(std::max(0.9 * s, 2.2 * title)),
          vgap(std::max(0.5 * s, 1.1 * title)), titleH(title * 1.3 + subtitle * 1.4 + 0.2 * title),
          captionGap(std::max(0.9 * caption, 0.8 * s)) // room for links running under the grids
    {
    }
};

using Arrangement = std::vector<std::vector<StageGrid>>;

} // namespace

struct StageRenderer::Layout
{
    bool valid = false;
    double cell = 0;
    double titlePx = 14, subtitlePx = 11, captionPx = 15, formulaPx = 11, indexPx = 0;
    bool numbers = true;
    std::array<GridBox, 4> grids;
    QRectF caption, formula, content;
    int formulaLines = 0;

    const GridBox &box(StageGrid g) const { return grids[std::size_t(g)]; }
    bool has(StageGrid g, int r, int c) const
    {
        const GridBox &b = box(g);
        return b.present && r >= b.row0 && r < b.row0 + b.rows && c >= b.col0 &&
               c < b.col0 + b.cols;
    }
    QRectF rect(StageGrid g, int r, int c) const
    {
        const GridBox &b = box(g);
        return QRectF(b.cells.left() + (c - b.col0) * cell, b.cells.top() + (r - b.row0) * cell,
                      cell, cell);
    }
    QRectF span(StageGrid g, int r0, int r1, int c0, int c1) const
    {
        return rect(g, r0, c0).united(rect(g, r1, c1));
    }
    /// Above two grids (in the index strip) and below them: where links run.
    Channels channels(StageGrid a, StageGrid b) const
    {
        const QRectF ra = box(a).cells, rb = box(b).cells;
        return {std::min(ra.top(), rb.top()) - (kIndexStrip - 0.04) * cell,
                std::max(ra.bottom(), rb.bottom()) + 0.35 * cell, ra, rb};
    }
};

namespace {

/// Everything the layout needs that does not depend on the cell size.
struct LayoutPlan
{
    std::array<GridBox, 4> grids;
    std::vector<Arrangement> arrangements;
    std::array<double, 4> titleW100{}, subtitleW100{};
    int formulaLines = 0;
    bool caption = true;
};

/// Size of the whole stage for arrangement `arr` at cell size s.
QSizeF measure(const LayoutPlan &plan, const Arrangement &arr, double s)
{
    const Metrics m(s);
    std::vector<double> colW;
    double height = 2 * m.margin;
    for (std::size_t i = 0; i < arr.size(); ++i) {
        double gridH = 0;
        for (std::size_t j = 0; j < arr[i].size(); ++j) {
            const GridBox &b = plan.grids[std::size_t(arr[i][j])];
            const std::size_t g = std::size_t(arr[i][j]);
            const double w =
                std::max({(kIndexStrip + b.cols) * s, plan.titleW100[g] * m.title / 100.0,
                          plan.subtitleW100[g] * m.subtitle / 100.0});
            if (colW.size() <= j)
                colW.push_back(0);
            colW[j] = std::max(colW[j], w);
            gridH = std::max(gridH, (kIndexStrip + b.rows) * s);
        }
        height += m.titleH + gridH + (i ? m.vgap : 0);
    }
    double width = 2 * m.margin;
    for (std::size_t j = 0; j < colW.size(); ++j)
        width += colW[j] + (j ? m.hgap : 0);
    if (plan.caption)
        height += m.captionGap + kCaptionLines * m.caption * 1.3;
    if (plan.formulaLines)
        height += 0.3 * m.formula + plan.formulaLines * m.formula * 1.45;
    return {width, height};
}

/// The largest cell size (≤ cap) at which `arr` fits `room`; 0 if none ≥ 2 px does.
double fitCell(const LayoutPlan &plan, const Arrangement &arr, QSizeF room, double cap)
{
    auto fits = [&](double s) {
        const QSizeF size = measure(plan, arr, s);
        return size.width() <= room.width() + 1e-6 && size.height() <= room.height() + 1e-6;
    };
    if (!fits(2.0))
        return 0;
    if (fits(cap))
        return cap;
    double lo = 2.0, hi = cap;
    for (int i = 0; i < 40 && hi - lo > 0.01; ++i) {
        const double mid = (lo + hi) / 2;
        (fits(mid) ? lo : hi) = mid;
    }
    return lo;
}

/// Pixel-aligned cells: whole-pixel sizes above 10 px keep grid lines crisp.
double snapCell(double s)
{
    return s >= 10 ? std::floor(s) : s;
}

} // namespace

StageRenderer::StageRenderer(const Trace &trace) : m_trace(trace) {}

StageRenderer::Layout StageRenderer::layout(const QRectF &target) const
{
    return layout(target, StageView{});
}

namespace {

LayoutPlan makePlan(const Trace &trace, const StageView &view)
{
    LayoutPlan plan;
    const Geometry &g = trace.geometry();
    const PoolParams &params = g.params;
    const int inH = trace.input.h(), inW = trace.input.w();
    const bool backward = trace.phase == Phase::Backward;

    // Input: the padding ring plus any overhang ceil mode's last window reaches.
    auto extent = [](const AxisGeometry &a, int &first, int &count) {
        int lo = -a.padBefore, hi = a.in - 1 + a.padAfter;
        for (const auto &taps : a.taps)
            for (const AxisTap &t : taps) {
                lo = std::min(lo, t.pos);
                hi = std::max(hi, t.pos);
            }
        first = lo;
        count = hi - lo + 1;
    };
    GridBox &in = plan.grids[std::size_t(StageGrid::Input)];
    in.present = true;
    extent(g.rows, in.row0, in.rows);
    extent(g.cols, in.col0, in.cols);
    const Padding pad = g.resolvedPadding();
    const bool uniform = pad.top == pad.bottom && pad.top == pad.left && pad.top == pad.right;
    const bool same = params.paddingMode == PaddingMode::SameUpper ||
                      params.paddingMode == PaddingMode::SameLower;
    in.title = QStringLiteral("Input ") + sizeText(inH, inW);
    if (pad == Padding{}) {
        in.subtitle = params.paddingMode == PaddingMode::Valid ? QStringLiteral("VALID: no padding")
                                                               : QStringLiteral("no padding");
    } else {
        if (uniform && !same)
            in.title += QStringLiteral(" (padding %1)").arg(pad.top);
        if (uniform && !same) {
            in.subtitle = QStringLiteral("padding counts as ") + paddingValueText(params.mode);
        } else {
            QStringList sides;
            const std::array<std::pair<const char *, int>, 4> named{{{"top", pad.top},
                                                                     {"bottom", pad.bottom},
                                                                     {"left", pad.left},
                                                                     {"right", pad.right}}};
            for (const auto &[name, n] : named)
                if (n > 0)
                    sides << QStringLiteral("%1 %2").arg(QLatin1String(name)).arg(n);
            in.subtitle = (same ? QStringLiteral("SAME padding ") : QStringLiteral("padding ")) +
                          sides.join(QStringLiteral(", ")) + QStringLiteral(" (") +
                          paddingValueText(params.mode) + QLatin1Char(')');
        }
    }

    GridBox &out = plan.grids[std::size_t(StageGrid::Output)];
    out.present = true;
    out.rows = g.outH();
    out.cols = g.outW();
    out.title = QStringLiteral("Output ") + sizeText(out.rows, out.cols);
    if (params.global) {
        out.subtitle = QStringLiteral("global ") + opName(params);
    } else if (params.isAdaptive()) {
        out.subtitle = QStringLiteral("adaptive ") + opName(params);
    } else {
        out.subtitle = opName(params) + QLatin1Char(' ') + sizeText(g.rows.kernel, g.cols.kernel) +
                       QStringLiteral(", stride ") + pairText(g.rows.stride, g.cols.stride);
        if (g.rows.dilation != 1 || g.cols.dilation != 1)
            out.subtitle +=
                QStringLiteral(", dilation ") + pairText(g.rows.dilation, g.cols.dilation);
        if (params.ceilMode)
            out.subtitle += QStringLiteral(", ceil mode");
    }

    if (backward) {
        GridBox &up = plan.grids[std::size_t(StageGrid::Upstream)];
        up.present = true;
        up.rows = g.outH();
        up.cols = g.outW();
        up.title = QStringLiteral("Upstream gradient");
        up.subtitle = QStringLiteral("∂L/∂output ") + sizeText(up.rows, up.cols);
        GridBox &grad = plan.grids[std::size_t(StageGrid::InputGradient)];
        grad.present = true;
        grad.rows = inH;
        grad.cols = inW;
        grad.title = QStringLiteral("Input gradient");
        grad.subtitle =
            QStringLiteral("∂L/∂input ") + sizeText(inH, inW) + QStringLiteral(", running sum");
        // The second candidate is the 2×2 arrangement: input-shaped grids on the left, one above
        // the other; output-shaped on the right.
        plan.arrangements = {
            {{StageGrid::Input, StageGrid::Output, StageGrid::Upstream, StageGrid::InputGradient}},
            {{StageGrid::Input, StageGrid::Output},
             {StageGrid::InputGradient, StageGrid::Upstream}}};
    } else {
        plan.arrangements = {{{StageGrid::Input, StageGrid::Output}},
                             {{StageGrid::Input}, {StageGrid::Output}}};
    }

    const QFontMetricsF title(stageFont(100, true));
    const QFontMetricsF sub(stageFont(100));
    for (std::size_t i = 0; i < 4; ++i) {
        plan.titleW100[i] = title.horizontalAdvance(plan.grids[i].title);
        plan.subtitleW100[i] = sub.horizontalAdvance(plan.grids[i].subtitle);
    }
    plan.caption = view.showCaption;
    if (view.showFormula)
        plan.formulaLines =
            g.rows.formula(params.ceilMode) == g.cols.formula(params.ceilMode) ? 1 : 2;
    return plan;
}

} // namespace

StageRenderer::Layout StageRenderer::layout(const QRectF &target, const StageView &view) const
{
    Layout l;
    const Geometry &g = m_trace.geometry();
    if (!g.ok() || g.outH() < 1 || g.outW() < 1 || m_trace.input.empty())
        return l;
    const LayoutPlan plan = makePlan(m_trace, view);

    // The arrangement with the largest cells wins; cells never grow beyond a quarter of the
    // target's short side (a 1×1 input should not fill the screen with one cell).
    const double cap = std::max(2.0, std::min(target.width(), target.height()) / 4.0);
    double best = -1;
    std::size_t chosen = 0;
    for (std::size_t a = 0; a < plan.arrangements.size(); ++a) {
        const double s = fitCell(plan, plan.arrangements[a], target.size(), cap);
        if (s > best + 0.5) {
            best = s;
            chosen = a;
        }
    }
    const double s = snapCell(std::max(best, 2.0));
    const Arrangement &arr = plan.arrangements[chosen];
    const Metrics m(s);

    l.valid = true;
    l.cell = s;
    l.titlePx = m.title;
    l.subtitlePx = m.subtitle;
    l.captionPx = m.caption;
    l.formulaPx = m.formula;
    l.indexPx = m.index;
    l.numbers = s >= kNumbersMinCell;
    l.grids = plan.grids;
    l.formulaLines = plan.formulaLines;

    const QSizeF size = measure(plan, arr, s);
    const QPointF origin(std::round(target.center().x() - size.width() / 2),
                         std::round(target.center().y() - size.height() / 2));
    l.content = QRectF(origin, size);

    std::vector<double> colW;
    for (const auto &row : arr)
        for (std::size_t j = 0; j < row.size(); ++j) {
            const std::size_t gi = std::size_t(row[j]);
            const GridBox &b = plan.grids[gi];
            const double w =
                std::max({(kIndexStrip + b.cols) * s, plan.titleW100[gi] * m.title / 100.0,
                          plan.subtitleW100[gi] * m.subtitle / 100.0});
            if (colW.size() <= j)
                colW.push_back(0);
            colW[j] = std::max(colW[j], w);
        }

    double y = origin.y() + m.margin;
    for (std::size_t i = 0; i < arr.size(); ++i) {
        if (i)
            y += m.vgap;
        double gridH = 0;
        double x = origin.x() + m.margin;
        for (std::size_t j = 0; j < arr[i].size(); ++j) {
            if (j)
                x += m.hgap;
            GridBox &b = l.grids[std::size_t(arr[i][j])];
            const double cellsW = b.cols * s;
            const double blockW = (kIndexStrip + b.cols) * s;
            const double left = std::round(x + (colW[j] - blockW) / 2 + kIndexStrip * s);
            const double top = std::round(y + m.titleH + kIndexStrip * s);
            b.cells = QRectF(left, top, cellsW, b.rows * s);
            const double textW = colW[j] + m.hgap * 0.8;
            b.titleRect = QRectF(b.cells.center().x() - textW / 2, y, textW, m.title * 1.3);
            b.subtitleRect =
                QRectF(b.titleRect.left(), b.titleRect.bottom(), textW, m.subtitle * 1.4);
            gridH = std::max(gridH, (kIndexStrip + b.rows) * s);
            x += colW[j];
        }
        y += m.titleH + gridH;
    }
    // Text may use the whole target width: long captions wrap less.
    const double textLeft = target.left() + m.margin;
    const double textW = std::max(target.width(), size.width()) - 2 * m.margin;
    if (plan.caption) {
        y += m.captionGap;
        l.caption = QRectF(textLeft, y, textW, kCaptionLines * m.caption * 1.3);
        y = l.caption.bottom();
    }
    if (plan.formulaLines) {
        y += 0.3 * m.formula;
        l.formula = QRectF(textLeft, y, textW, plan.formulaLines * m.formula * 1.45);
    }
    return l;
}

QSize StageRenderer::preferredSize() const
{
    const Geometry &g = m_trace.geometry();
    if (!g.ok() || g.outH() < 1 || g.outW() < 1 || m_trace.input.empty())
        return QSize(640, 360);
    const LayoutPlan plan = makePlan(m_trace, StageView{});
    double best = -1;
    QSizeF size;
    for (const Arrangement &arr : plan.arrangements) {
        const double s = fitCell(plan, arr, QSizeF(kScreen), kPreferredCell);
        if (s > best + 0.5) {
            best = s;
            size = measure(plan, arr, snapCell(std::max(s, 2.0)));
        }
    }
    // Wide enough that a caption wraps to a few lines, never wider than the screen.
    const double captionWidth = 34 * Metrics(snapCell(std::max(best, 2.0))).caption;
    const double w = std::min(std::max(size.width(), captionWidth), double(kScreen.width()));
    return QSize(int(std::ceil(w)), int(std::ceil(size.height())));
}

std::optional<StageCell> StageRenderer::hitTest(const QPointF &pos, const QRectF &target) const
{
    return hitTest(pos, target, StageView{});
}

std::optional<StageCell> StageRenderer::hitTest(const QPointF &pos, const QRectF &target,
                                                const StageView &view) const
{
    const Layout l = layout(target, view);
    if (!l.valid)
        return std::nullopt;
    for (std::size_t i = 0; i < l.grids.size(); ++i) {
        const GridBox &b = l.grids[i];
        if (!b.present || !b.cells.contains(pos))
            continue;
        const int c = std::min(b.cols - 1, int(std::floor((pos.x() - b.cells.left()) / l.cell)));
        const int r = std::min(b.rows - 1, int(std::floor((pos.y() - b.cells.top()) / l.cell)));
        return StageCell{StageGrid(i), b.row0 + r, b.col0 + c};
    }
    return std::nullopt;
}

QRectF StageRenderer::cellRect(const StageCell &cell, const QRectF &target,
                               const StageView &view) const
{
    const Layout l = layout(target, view);
    if (!l.valid || !l.has(cell.grid, cell.row, cell.col))
        return {};
    return l.rect(cell.grid, cell.row, cell.col);
}

double StageRenderer::cellSize(const QRectF &target, const StageView &view) const
{
    return layout(target, view).cell;
}

QColor StageRenderer::windowColor()
{
    return kWindow;
}

QColor StageRenderer::winnerColor()
{
    return kWinner;
}

QColor StageRenderer::gradientColor()
{
    return kGradient;
}

QColor StageRenderer::hoverColor()
{
    return kHover;
}

QString StageRenderer::readyCaption() const
{
    const Geometry &g = m_trace.geometry();
    const PoolParams &params = g.params;
    const int windows = g.outH() * g.outW();
    const QString input = sizeText(m_trace.input.h(), m_trace.input.w());
    const QString output = sizeText(g.outH(), g.outW());
    QString what;
    switch (params.mode) {
    case PoolMode::Max:
        what = QStringLiteral("maximum");
        break;
    case PoolMode::Min:
        what = QStringLiteral("minimum");
        break;
    case PoolMode::Avg:
        what = QStringLiteral("average");
        break;
    case PoolMode::Lp:
        what = QStringLiteral("L") + num(params.p) + QStringLiteral(" norm");
        break;
    }
    QString windowsText;
    if (params.global) {
        windowsText =
            QStringLiteral("one window over the whole %1 input (global pooling)").arg(input);
    } else if (params.isAdaptive()) {
        windowsText = QStringLiteral("%1 adaptive bin%2 over a %3 input (bins may overlap)")
                          .arg(windows)
                          .arg(windows == 1 ? "" : "s")
                          .arg(input);
    } else {
        windowsText = QStringLiteral("%1 window%2 of %3, stride %4")
                          .arg(windows)
                          .arg(windows == 1 ? "" : "s")
                          .arg(sizeText(g.rows.kernel, g.cols.kernel))
                          .arg(pairText(g.rows.stride, g.cols.stride));
        if (g.rows.dilation != 1 || g.cols.dilation != 1)
            windowsText +=
                QStringLiteral(", dilation ") + pairText(g.rows.dilation, g.cols.dilation);
        const QString pad = paddingPhrase(g);
        if (!pad.isEmpty())
            windowsText += QStringLiteral(", ") + pad;
        if (params.ceilMode)
            windowsText += QStringLiteral(", ceil mode");
        windowsText += QStringLiteral(", over a %1 input").arg(input);
    }
    if (m_trace.phase == Phase::Forward)
        return QStringLiteral("Ready: %1. Each window's %2 becomes one cell of the %3 output.")
            .arg(windowsText, what, output);
    QString share;
    switch (params.mode) {
    case PoolMode::Max:
    case PoolMode::Min:
        share = QStringLiteral("only the cell that held the window's %1 receives it").arg(what);
        break;
    case PoolMode::Avg:
        share = QStringLiteral("it is shared evenly, g ÷ divisor to each input cell of the window");
        break;
    case PoolMode::Lp:
        share = QStringLiteral("each input cell of the window receives its share ∂y/∂x");
        break;
    }
    return QStringLiteral("Ready for the backward pass: %1. The gradient of each of the %2 output "
                          "cells flows back through its window; %3.")
        .arg(windowsText)
        .arg(windows)
        .arg(share);
}

// ---------------------------------------------------------------------------------------------
// Painting

QImage StageRenderer::render(const QSize &size, const StageView &view) const
{
    QImage image(size.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(image.size())), view);
    painter.end();
    return image;
}

namespace {

/// Draws `text` centred in `rect` at up to `px` (shrunk to fit the width); nothing if it would
/// be smaller than 5 px.
void cellText(QPainter &p, TextFit &fit, const QRectF &rect, const QString &text, double px,
              const QColor &color, bool bold = false, double room = 0.74)
{
    const double size = fit.fit(text, px, rect.width() * room, bold);
    if (size < 5)
        return;
    p.setFont(stageFont(size, bold));
    p.setPen(color);
    p.drawText(rect, Qt::AlignCenter, text);
}

void frameCell(QPainter &p, const QRectF &rect, const QColor &color, double width, double inset,
               double alpha, bool tint, Qt::PenStyle style = Qt::SolidLine)
{
    const QRectF r = rect.adjusted(inset, inset, -inset, -inset);
    p.save();
    QPen pen(withAlpha(color, alpha), width, style, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(tint ? QBrush(withAlpha(color, 0.08 * alpha)) : Qt::NoBrush);
    const double radius = std::min(r.width(), r.height()) * 0.14;
    p.drawRoundedRect(r, radius, radius);
    p.restore();
}

void gridLines(QPainter &p, const QRectF &area, double cell, int rows, int cols, double width)
{
    if (cell < 9) // lines would outweigh the colours
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(kGridLine, width));
    for (int r = 1; r < rows; ++r)
        p.drawLine(QPointF(area.left(), area.top() + r * cell),
                   QPointF(area.right(), area.top() + r * cell));
    for (int c = 1; c < cols; ++c)
        p.drawLine(QPointF(area.left() + c * cell, area.top()),
                   QPointF(area.left() + c * cell, area.bottom()));
    p.restore();
}

} // namespace

void StageRenderer::paint(QPainter &p, const QRectF &target, const StageView &view) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(target, Qt::white);
    const Layout l = layout(target, view);
    if (!l.valid) {
        const Geometry &g = m_trace.geometry();
        QString why = qs(g.validation.errorText());
        if (why.isEmpty())
            why = QStringLiteral("nothing to show: the input is empty");
        p.setPen(kText);
        p.setFont(stageFont(std::clamp(target.height() / 20, 13.0, 28.0)));
        p.drawText(target.adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, why);
        p.restore();
        return;
    }
    const int last = int(m_trace.steps.size()) - 1;
    const int step = std::clamp(view.step, -1, last);

    for (StageGrid grid :
         {StageGrid::Input, StageGrid::Output, StageGrid::Upstream, StageGrid::InputGradient})
        if (l.box(grid).present)
            paintGrid(p, l, grid, view, step);
    paintHover(p, l, view);
    paintWindow(p, l, view, step);
    if (m_trace.phase == Phase::Backward)
        paintBackward(p, l, view, step);
    paintText(p, l, view, step);
    p.restore();
}

void StageRenderer::paintGrid(QPainter &p, const Layout &l, StageGrid grid, const StageView &view,
                              int step) const
{
    const GridBox &b = l.box(grid);
    const Geometry &g = m_trace.geometry();
    const double s = l.cell;
    const int inH = m_trace.input.h(), inW = m_trace.input.w();
    TextFit fit;
    const double numberPx = 0.44 * s;
    const double lineW = std::max(1.0, s * 0.025);

    // Title and subtitle.
    p.setPen(kTitle);
    p.setFont(stageFont(l.titlePx, true));
    p.drawText(b.titleRect, Qt::AlignHCenter | Qt::AlignBottom, b.title);
    p.setPen(kMuted);
    p.setFont(stageFont(l.subtitlePx));
    p.drawText(b.subtitleRect, Qt::AlignHCenter | Qt::AlignVCenter, b.subtitle);

    // Row and column indices of the real cells (not of the padding ring).
    const bool inputShaped = grid == StageGrid::Input || grid == StageGrid::InputGradient;
    const int realRows = inputShaped ? inH : b.rows;
    const int realCols = inputShaped ? inW : b.cols;
    if (l.indexPx >= 8) {
        p.setPen(kFaint);
        p.setFont(stageFont(l.indexPx));
        const double strip = kIndexStrip * s;
        for (int r = 0; r < realRows; ++r) {
            const QRectF cell = l.rect(grid, r, b.col0);
            p.drawText(QRectF(b.cells.left() - strip, cell.top(), strip * 0.8, s),
                       Qt::AlignRight | Qt::AlignVCenter, QString::number(r));
        }
        for (int c = 0; c < realCols; ++c) {
            const QRectF cell = l.rect(grid, b.row0, c);
            p.drawText(QRectF(cell.left(), b.cells.top() - strip, s, strip * 0.85),
                       Qt::AlignHCenter | Qt::AlignBottom, QString::number(c));
        }
    }

    Range valueRange;
    valueRange.add(m_trace.input);
    valueRange.add(m_trace.result.values);
    const bool backward = m_trace.phase == Phase::Backward;

    switch (grid) {
    case StageGrid::Input: {
        const Padding pad = g.resolvedPadding();
        const QString padText = paddingValueText(g.params.mode);
        p.setRenderHint(QPainter::Antialiasing, false);
        for (int r = b.row0; r < b.row0 + b.rows; ++r) {
            for (int c = b.col0; c < b.col0 + b.cols; ++c) {
                const QRectF rect = l.rect(grid, r, c);
                const bool inside = r >= 0 && r < inH && c >= 0 && c < inW;
                const bool padded =
                    r >= -pad.top && r < inH + pad.bottom && c >= -pad.left && c < inW + pad.right;
                if (inside) {
                    p.fillRect(rect, heatColor(m_trace.input.at(r, c), valueRange, l.numbers));
                } else if (padded) {
                    p.fillRect(rect, kPaddingFill);
                }
            }
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        for (int r = b.row0; r < b.row0 + b.rows; ++r) {
            for (int c = b.col0; c < b.col0 + b.cols; ++c) {
                const QRectF rect = l.rect(grid, r, c);
                const bool inside = r >= 0 && r < inH && c >= 0 && c < inW;
                const bool padded =
                    r >= -pad.top && r < inH + pad.bottom && c >= -pad.left && c < inW + pad.right;
                if (inside) {
                    const bool uncovered = g.coverage(r, c) == 0;
                    if (uncovered)
                        hatch(p, rect, kUncoveredHatch, std::max(4.0, s / 5.5),
                              std::max(1.0, s * 0.03));
                    if (l.numbers) {
                        const QString text = num(m_trace.input.at(r, c));
                        if (uncovered) {
                            // A white backing keeps the number readable over the hatch.
                            const double px = fit.fit(text, numberPx, s * 0.74);
                            const double w = fit.width(text, px) + 0.16 * s;
                            const QRectF back(rect.center().x() - w / 2,
                                              rect.center().y() - px * 0.68, w, px * 1.36);
                            p.setPen(Qt::NoPen);
                            p.setBrush(withAlpha(Qt::white, 0.88));
                            p.drawRoundedRect(back, px * 0.2, px * 0.2);
                        }
                        cellText(p, fit, rect, text, numberPx, kText);
                    }
                } else if (padded) {
                    hatch(p, rect, kPaddingHatch, std::max(4.0, s / 7), std::max(1.0, s * 0.018));
                    if (l.numbers)
                        cellText(p, fit, rect, padText, 0.34 * s, kMuted);
                }
            }
        }
        // Lines: light between cells, the padding ring's outline dashed, the input's solid.
        const QRectF inputArea = l.span(grid, 0, inH - 1, 0, inW - 1);
        gridLines(p, inputArea, s, inH, inW, lineW);
        if (!(pad == Padding{})) {
            const QRectF ringArea =
                l.span(grid, -pad.top, inH - 1 + pad.bottom, -pad.left, inW - 1 + pad.right);
            p.save();
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(QPen(kGridLine, lineW));
            for (int r = -pad.top; r < inH + pad.bottom; ++r)
                for (int c = -pad.left; c < inW + pad.right; ++c)
                    if (r < 0 || r >= inH || c < 0 || c >= inW)
                        p.drawRect(l.rect(grid, r, c));
            p.setPen(QPen(kFaint, lineW, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            p.drawRect(ringArea);
            p.restore();
        }
        p.setPen(QPen(kInputBorder, std::max(1.5, s * 0.04)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(inputArea);
        break;
    }
    case StageGrid::Output: {
        const Tensor values = m_trace.outputAfter(step);
        const std::vector<bool> filled = m_trace.filledAfter(step);
        const Step *current = step >= 0 ? &m_trace.steps[std::size_t(step)] : nullptr;
        const double appear = smoothstep(view.motion);
        for (int r = 0; r < b.rows; ++r) {
            for (int c = 0; c < b.cols; ++c) {
                const QRectF rect = l.rect(grid, r, c);
                const bool isCurrent = current && current->outRow == r && current->outCol == c;
                const bool has = filled[std::size_t(r) * std::size_t(b.cols) + std::size_t(c)];
                p.setRenderHint(QPainter::Antialiasing, false);
                if (has) {
                    QColor fill = heatColor(values.at(r, c), valueRange, l.numbers);
                    if (isCurrent && !backward)
                        fill = mix(Qt::white, fill, appear);
                    p.fillRect(rect, fill);
                } else {
                    p.fillRect(rect, Qt::white);
                }
                p.setRenderHint(QPainter::Antialiasing, true);
                if (!l.numbers)
                    continue;
                if (has) {
                    QColor color = kText;
                    if (isCurrent && !backward)
                        color = withAlpha(color, appear);
                    cellText(p, fit, rect, num(values.at(r, c)), numberPx, color, isCurrent);
                } else {
                    cellText(p, fit, rect, QStringLiteral("·"), numberPx, kFaint);
                }
            }
        }
        gridLines(p, b.cells, s, b.rows, b.cols, lineW);
        p.setPen(QPen(kInputBorder, std::max(1.5, s * 0.04)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(b.cells);
        break;
    }
    case StageGrid::Upstream:
    case StageGrid::InputGradient: {
        const bool up = grid == StageGrid::Upstream;
        const Tensor values = up ? m_trace.upstream : m_trace.gradientAfter(step);
        double maxAbs = 0;
        for (const Tensor *t : {&m_trace.upstream, &m_trace.inputGradient})
            for (float v : t->data())
                if (std::isfinite(v))
                    maxAbs = std::max(maxAbs, double(std::fabs(v)));
        // How many windows have added to each input-gradient cell so far.
        std::vector<int> adds(std::size_t(inH) * std::size_t(inW), 0);
        std::vector<char> now(adds.size(), 0);
        if (!up) {
            for (int k = 0; k <= step; ++k)
                for (const Contribution &c : m_trace.steps[std::size_t(k)].contributions) {
                    ++adds[std::size_t(c.row) * std::size_t(inW) + std::size_t(c.col)];
                    if (k == step)
                        now[std::size_t(c.row) * std::size_t(inW) + std::size_t(c.col)] = 1;
                }
        }
        for (int r = 0; r < b.rows; ++r) {
            for (int c = 0; c < b.cols; ++c) {
                const QRectF rect = l.rect(grid, r, c);
                const double v = values.at(r, c);
                const std::size_t i = std::size_t(r) * std::size_t(b.cols) + std::size_t(c);
                p.setRenderHint(QPainter::Antialiasing, false);
                p.fillRect(rect, gradientFill(v, maxAbs, l.numbers));
                p.setRenderHint(QPainter::Antialiasing, true);
                if (!up && g.coverage(r, c) == 0)
                    hatch(p, rect, kPaddingHatch, std::max(4.0, s / 5.5), std::max(1.0, s * 0.03));
                if (!l.numbers)
                    continue;
                if (up) {
                    cellText(p, fit, rect, num(v), numberPx, kText);
                    continue;
                }
                const int count = adds[i];
                if (count == 0) {
                    cellText(p, fit, rect, num(v), numberPx, kFaint);
                    continue;
                }
                if (now[i]) {
                    // Leave the top of the cell to the "+amount" annotation.
                    cellText(p, fit, rect.adjusted(0, 0.18 * s, 0, 0), num(v), 0.38 * s, kText,
                             true);
                } else {
                    cellText(p, fit, rect, num(v), numberPx, kText);
                }
                if (count > 1 && s >= 30) {
                    const QString times = QStringLiteral("×%1").arg(count);
                    const double px = std::max(8.0, 0.2 * s);
                    p.setFont(stageFont(px, true));
                    p.setPen(kGradient);
                    p.drawText(rect.adjusted(0, 0, -0.13 * s, -0.08 * s),
                               Qt::AlignRight | Qt::AlignBottom, times);
                }
            }
        }
        gridLines(p, b.cells, s, b.rows, b.cols, lineW);
        p.setPen(QPen(kInputBorder, std::max(1.5, s * 0.04)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(b.cells);
        break;
    }
    }
}

void StageRenderer::paintHover(QPainter &p, const Layout &l, const StageView &view) const
{
    if (!view.hover)
        return;
    const StageCell h = *view.hover;
    if (!l.has(h.grid, h.row, h.col))
        return;
    const Geometry &g = m_trace.geometry();
    const double s = l.cell;
    const int inH = m_trace.input.h(), inW = m_trace.input.w();
    const double frameW = std::max(1.5, 0.05 * s);

    auto markOutput = [&](int r, int c, bool strong) {
        for (StageGrid grid : {StageGrid::Output, StageGrid::Upstream})
            if (l.has(grid, r, c))
                frameCell(p, l.rect(grid, r, c), kHover, strong ? frameW * 1.4 : frameW, 0.06 * s,
                          strong ? 1.0 : 0.8, true);
    };
    auto markInput = [&](int r, int c, bool strong) {
        if (l.has(StageGrid::Input, r, c))
            frameCell(p, l.rect(StageGrid::Input, r, c), kHover, strong ? frameW * 1.4 : frameW,
                      0.06 * s, strong ? 1.0 : 0.8, true);
        if (l.has(StageGrid::InputGradient, r, c))
            frameCell(p, l.rect(StageGrid::InputGradient, r, c), kHover,
                      strong ? frameW * 1.4 : frameW, 0.06 * s, strong ? 1.0 : 0.8, true);
    };

    if (h.grid == StageGrid::Output || h.grid == StageGrid::Upstream) {
        // The hovered output's window, drawn lightly on the input (and the input gradient).
        const Window w = g.window(h.row, h.col);
        for (const Tap &t : w.taps)
            if (t.kind != TapKind::Overhang)
                markInput(t.row, t.col, false);
        const QRectF span = l.span(StageGrid::Input, w.rowFirst, w.rowLast, w.colFirst, w.colLast);
        p.save();
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(kHover, std::max(2.0, 0.05 * s), Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        const double o = 0.04 * s;
        p.drawRoundedRect(span.adjusted(-o, -o, o, o), 0.15 * s, 0.15 * s);
        if (l.box(StageGrid::InputGradient).present) {
            const int r0 = std::clamp(w.rowFirst, 0, inH - 1),
                      r1 = std::clamp(w.rowLast, 0, inH - 1);
            const int c0 = std::clamp(w.colFirst, 0, inW - 1),
                      c1 = std::clamp(w.colLast, 0, inW - 1);
            p.drawRoundedRect(
                l.span(StageGrid::InputGradient, r0, r1, c0, c1).adjusted(-o, -o, o, o), 0.15 * s,
                0.15 * s);
        }
        p.restore();
        markOutput(h.row, h.col, true);
    } else {
        // The hovered input cell and every output whose window reads it.
        for (const auto &[r, c] : g.outputsReading(h.row, h.col))
            markOutput(r, c, false);
        markInput(h.row, h.col, true);
    }
}

void StageRenderer::paintWindow(QPainter &p, const Layout &l, const StageView &view, int step) const
{
    if (step < 0)
        return;
    const Geometry &g = m_trace.geometry();
    const Step &st = m_trace.steps[std::size_t(step)];
    const double s = l.cell;
    const double e = smoothstep(view.motion);
    const bool backward = m_trace.phase == Phase::Backward;
    TextFit fit;

    const Window w = g.window(st.outRow, st.outCol);
    QRectF span = l.span(StageGrid::Input, w.rowFirst, w.rowLast, w.colFirst, w.colLast);
    if (step > 0 && view.motion < 1.0) {
        const Step &prev = m_trace.steps[std::size_t(step - 1)];
        const Window pw = g.window(prev.outRow, prev.outCol);
        const QRectF from =
            l.span(StageGrid::Input, pw.rowFirst, pw.rowLast, pw.colFirst, pw.colLast);
        span = lerp(from, span, e);
    }
    const double appear = e;

    // Overhang cells (ceil mode): dashed empty cells, only where this window reaches them.
    for (const Tap &t : st.taps) {
        if (t.kind != TapKind::Overhang || !l.has(StageGrid::Input, t.row, t.col))
            continue;
        const QRectF rect = l.rect(StageGrid::Input, t.row, t.col);
        p.save();
        p.setPen(QPen(withAlpha(kMuted, appear), std::max(1.0, 0.03 * s), Qt::DashLine));
        p.setBrush(withAlpha(Qt::white, appear));
        p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
        if (l.numbers) {
            p.setFont(stageFont(std::max(6.0, 0.2 * s)));
            p.setPen(withAlpha(kMuted, appear));
            p.drawText(rect, Qt::AlignCenter, QStringLiteral("past\nedge"));
        }
        p.restore();
    }

    // Each tap read: a tinted inner frame; untapped cells of a dilated span stay unmarked.
    const double tapW = std::max(1.2, 0.035 * s);
    const bool extreme =
        st.rule == StepRule::Single || st.rule == StepRule::Tie || st.rule == StepRule::NaN;
    auto ringed = [&](std::size_t tap) {
        return extreme &&
               std::find(st.winners.begin(), st.winners.end(), int(tap)) != st.winners.end();
    };
    for (std::size_t i = 0; i < st.taps.size(); ++i) {
        const Tap &t = st.taps[i];
        if (t.kind != TapKind::Overhang && !ringed(i) && l.has(StageGrid::Input, t.row, t.col))
            frameCell(p, l.rect(StageGrid::Input, t.row, t.col), kWindow, tapW, 0.09 * s,
                      0.6 * appear, false);
    }

    // The window: a thick rounded outline around its whole span, with a white halo.
    {
        const double o = 0.05 * s;
        const QRectF r = span.adjusted(-o, -o, o, o);
        const double radius = 0.16 * s;
        const double width = std::max(2.5, 0.085 * s);
        p.save();
        p.setBrush(Qt::NoBrush);
        p.setPen(
            QPen(withAlpha(Qt::white, 0.9), width + 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawRoundedRect(r, radius, radius);
        p.setPen(QPen(kWindow, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawRoundedRect(r, radius, radius);
        p.restore();
    }

    // Winner: a bold ring with a badge; tied taps a dashed ring.
    if (extreme && !st.winners.empty()) {
        for (std::size_t i = st.winners.size(); i-- > 0;) {
            const Tap &t = st.taps[std::size_t(st.winners[i])];
            if (!l.has(StageGrid::Input, t.row, t.col))
                continue;
            const QRectF rect = l.rect(StageGrid::Input, t.row, t.col);
            const bool first = i == 0;
            const double radius = 0.44 * s;
            const double width = first ? std::max(2.5, 0.075 * s) : std::max(1.5, 0.045 * s);
            p.save();
            p.setBrush(Qt::NoBrush);
            if (first) {
                p.setPen(QPen(withAlpha(Qt::white, 0.85 * appear), width + 3));
                p.drawEllipse(rect.center(), radius, radius);
            }
            QPen pen(withAlpha(kWinner, appear), width, first ? Qt::SolidLine : Qt::DashLine,
                     Qt::FlatCap);
            if (!first)
                pen.setDashPattern({2.5, 2.0});
            p.setPen(pen);
            p.drawEllipse(rect.center(), radius, radius);
            p.restore();
            if (first && s >= 20) {
                const QString label = st.rule == StepRule::NaN         ? QStringLiteral("NaN")
                                      : g.params.mode == PoolMode::Min ? QStringLiteral("min")
                                                                       : QStringLiteral("max");
                badge(p, QPointF(rect.center().x(), rect.top() + 0.06 * s), label,
                      std::max(8.0, 0.2 * s), kWinner, fit, appear);
            }
        }
    }

    // Average / Lp / empty windows: what the window computes, on its lower edge.
    QString windowLabel;
    if (st.rule == StepRule::Average)
        windowLabel = QStringLiteral("÷ ") + num(st.divisor);
    else if (st.rule == StepRule::Lp)
        windowLabel = QStringLiteral("L") + num(g.params.p);
    else if (st.rule == StepRule::NoInput)
        windowLabel = QStringLiteral("no input → ") + num(st.output);
    if (!windowLabel.isEmpty() && s >= 14) {
        const double px = std::clamp(0.26 * s, 10.0, 30.0);
        badge(p, QPointF(span.center().x(), span.bottom() + 0.05 * s), windowLabel, px, kWindow,
              fit, appear);
    }

    // The output cell this window fills, linked to the window.
    const QRectF outRect = l.rect(StageGrid::Output, st.outRow, st.outCol);
    frameCell(p, outRect, kWindow, std::max(2.5, 0.075 * s), 0.03 * s, 1.0, false);
    if (!backward) {
        const double o = 0.05 * s;
        const GridBox &in = l.box(StageGrid::Input);
        const Crossings src{w.colFirst - in.col0, in.col0 + in.cols - 1 - w.colLast,
                            w.rowFirst - in.row0, in.row0 + in.rows - 1 - w.rowLast};
        const Crossings dst{st.outCol, g.outW() - 1 - st.outCol, st.outRow,
                            g.outH() - 1 - st.outRow};
        arrow(p, span.adjusted(-o, -o, o, o), outRect, kWindow, std::max(2.0, 0.055 * s), s, src,
              dst, l.channels(StageGrid::Input, StageGrid::Output));
    }
}

void StageRenderer::paintBackward(QPainter &p, const Layout &l, const StageView &view,
                                  int step) const
{
    if (step < 0)
        return;
    const Geometry &g = m_trace.geometry();
    const Step &st = m_trace.steps[std::size_t(step)];
    const double s = l.cell;
    const double appear = smoothstep(view.motion);
    const int inH = m_trace.input.h(), inW = m_trace.input.w();
    TextFit fit;

    const QRectF upRect = l.rect(StageGrid::Upstream, st.outRow, st.outCol);
    frameCell(p, upRect, kGradient, std::max(2.5, 0.075 * s), 0.03 * s, 1.0, true);

    // The window again on the gradient grid (its in-input part), dashed.
    const Window w = g.window(st.outRow, st.outCol);
    const int r0 = std::clamp(w.rowFirst, 0, inH - 1), r1 = std::clamp(w.rowLast, 0, inH - 1);
    const int c0 = std::clamp(w.colFirst, 0, inW - 1), c1 = std::clamp(w.colLast, 0, inW - 1);
    const QRectF span = l.span(StageGrid::InputGradient, r0, r1, c0, c1);
    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(withAlpha(kWindow, 0.8), std::max(1.5, 0.045 * s), Qt::DashLine, Qt::RoundCap,
                  Qt::RoundJoin));
    const double o = 0.05 * s;
    p.drawRoundedRect(span.adjusted(-o, -o, o, o), 0.16 * s, 0.16 * s);
    p.restore();

    QRectF target;
    int rowFirst = inH, rowLast = -1, colFirst = inW, colLast = -1;
    for (const Contribution &c : st.contributions) {
        rowFirst = std::min(rowFirst, c.row);
        rowLast = std::max(rowLast, c.row);
        colFirst = std::min(colFirst, c.col);
        colLast = std::max(colLast, c.col);
        if (!l.has(StageGrid::InputGradient, c.row, c.col))
            continue;
        const QRectF rect = l.rect(StageGrid::InputGradient, c.row, c.col);
        target = target.isNull() ? rect : target.united(rect);
        frameCell(p, rect, kGradient, std::max(2.0, 0.06 * s), 0.06 * s, appear, true);
        if (l.numbers && s >= 24) {
            const QString text = QStringLiteral("+") + num(c.amount);
            const double px = fit.fit(text, std::max(8.0, 0.24 * s), 0.84 * s, true);
            p.setFont(stageFont(px, true));
            p.setPen(withAlpha(kGradient, appear));
            p.drawText(QRectF(rect.left(), rect.top() + 0.07 * s, s, 0.3 * s), Qt::AlignCenter,
                       text);
        }
    }
    if (target.isNull()) {
        target = span;
        rowFirst = r0;
        rowLast = r1;
        colFirst = c0;
        colLast = c1;
    }
    const Crossings src{st.outCol, g.outW() - 1 - st.outCol, st.outRow, g.outH() - 1 - st.outRow};
    const Crossings dst{colFirst, inW - 1 - colLast, rowFirst, inH - 1 - rowLast};
    arrow(p, upRect, target.adjusted(-o, -o, o, o), kGradient, std::max(2.0, 0.055 * s), s, src,
          dst, l.channels(StageGrid::Upstream, StageGrid::InputGradient), std::max(appear, 0.15));
}

void StageRenderer::paintText(QPainter &p, const Layout &l, const StageView &view, int step) const
{
    if (view.showCaption && !l.caption.isEmpty()) {
        const QString text =
            step < 0 ? readyCaption() : qs(m_trace.steps[std::size_t(step)].caption);
        // Shrink a long caption until it fits the reserved lines.
        double px = l.captionPx;
        for (int i = 0; i < 12; ++i) {
            const QFontMetricsF fm(stageFont(px));
            const QRectF need = fm.boundingRect(QRectF(0, 0, l.caption.width(), 1e6),
                                                Qt::TextWordWrap | Qt::AlignHCenter, text);
            if (need.height() <= l.caption.height() || px < 10)
                break;
            px *= 0.92;
        }
        p.setFont(stageFont(px));
        p.setPen(kText);
        p.drawText(l.caption, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
    }
    if (view.showFormula && !l.formula.isEmpty()) {
        const Geometry &g = m_trace.geometry();
        const QString rows = qs(g.rows.formula(g.params.ceilMode));
        const QString cols = qs(g.cols.formula(g.params.ceilMode));
        const QString text =
            rows == cols ? QStringLiteral("Output size (rows and columns):  ") + rows
                         : QStringLiteral("Output rows:  %1\nOutput columns:  %2").arg(rows, cols);
        double px = l.formulaPx;
        TextFit fit;
        for (const QString &line : text.split(QLatin1Char('\n')))
            px = std::min(px, fit.fit(line, l.formulaPx, l.formula.width() * 0.96));
        p.setFont(stageFont(px));
        p.setPen(kMuted);
        p.drawText(l.formula, Qt::AlignHCenter | Qt::AlignTop, text);
    }
}

} // namespace poolviz

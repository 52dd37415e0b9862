#include "stagerenderer.h"

#include "conventions.h"
#include "frameworks.h"
#include "numberformat.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <QPainterPath>
#include <QPainterPathStroker>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <queue>
#include <vector>

namespace poolviz {

namespace {

// Colours (Open Color): dark text on light fills everywhere. Every text of the stage keeps at
// least 4.5:1 contrast (WCAG AA) against what it is drawn on, read from the back of a classroom:
// kMuted 8.2:1 on white, kFaint 6.1:1 on white and 5.5:1 on the padding fill.
const QColor kText(0x21, 0x25, 0x29);
const QColor kTitle(0x34, 0x3a, 0x40);
const QColor kMuted(0x49, 0x50, 0x57);
const QColor kFaint(0x5c, 0x63, 0x6a);
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
const QColor kGradient(0x2b, 0x8a, 0x3e);     ///< lines and frames (no text on it)
const QColor kGradientText(0x1e, 0x51, 0x28); ///< "+amount" and "×n" on the gradient's fills
const QColor kHover(0x70, 0x48, 0xe8);
const QColor kUnfilled(0xe7, 0xf5, 0xff); ///< output cells not filled yet, when cells are tiny

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

/// `v` as a cell of a grid written with `format` shows it (see NumberFormat).
QString cellNumber(const NumberFormat &format, double v, const QString &prefix = {})
{
    return prefix + format.text(v);
}

/// The share of a cell's width its number may use: small cells give their numbers more of it.
double numberRoom(double s)
{
    return s < 32 ? 0.86 : 0.74;
}

/// Where a gradient cell's running sum goes: under the "+amount" note when `note`, above the
/// "×n" count when `counted` (which sits in the bottom fifth, as large as the indices).
QRectF runningRect(const QRectF &rect, double s, bool note, bool counted)
{
    return rect.adjusted(0, note ? 0.18 * s : 0, 0, counted ? -0.2 * s : 0);
}

/// The box the "×n" count is drawn right- and bottom-aligned in.
QRectF timesRect(const QRectF &rect, double s)
{
    return rect.adjusted(0, 0, -0.1 * s, -0.04 * s);
}

/// Font size of the row and column indices for cell size s; badges are never smaller.
double indexPx(double s)
{
    return 0.24 * s;
}

/// Font size of the winner's badge ("max") and the "×n" count: never below the indices.
double badgePx(double s)
{
    return std::max(8.0, indexPx(s));
}

/// Font size of the "past edge" note in a ceil-mode overhang cell.
double pastEdgePx(double s)
{
    return std::max(6.0, indexPx(s));
}

/// The "+amount" note at the top of a gradient cell that a contribution reaches, and its font
/// size (never below the indices'); no text where the cell is too small for it to be readable.
std::pair<QString, double> amountNote(const NumberFormat &format, double amount, double s,
                                      TextFit &fit)
{
    if (s < 24)
        return {};
    const double nominal = std::max(8.0, 0.26 * s);
    const QString text = cellNumber(format, amount, amount < 0 ? QString() : QStringLiteral("+"));
    const double px = std::max(indexPx(s), fit.fit(text, nominal, 0.9 * s, true));
    return {text, px};
}

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

/// Where badge() draws its pill.
QRectF badgeRect(QPointF center, const QString &text, double px, TextFit &fit)
{
    const double w = fit.width(text, px, true) + px * 0.9;
    const double h = px * 1.45;
    return QRectF(center.x() - w / 2, center.y() - h / 2, w, h);
}

/// A filled pill with centred text; returns its rect.
QRectF badge(QPainter &p, QPointF center, const QString &text, double px, const QColor &fill,
             TextFit &fit, double alpha = 1.0)
{
    const QRectF r = badgeRect(center, text, px, fit);
    const double h = r.height();
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

/// What a link arrow joins and what it must keep clear of. The route is orthogonal and runs on
/// lanes: the grids' cell boundaries (between numbers), the gutters around the grids (the index
/// strips, the space below, the gaps between grids) and lanes through the two ends.
struct LinkSpec
{
    QRectF from;                ///< the source outline (the window, the upstream cell)
    bool fromCell = false;      ///< the source is one framed cell: it may also start along a side
    QRectF to;                  ///< the target's cells (the output cell, the gradient cells)
    std::vector<QRectF> text;   ///< ink to keep clear: numbers, indices, titles, badges
    std::vector<QRectF> toText; ///< the target's own text, which a head turning in must miss
    std::vector<QRectF> grids;  ///< the grids' cell areas: running inside them costs more
    std::vector<double> xs, ys; ///< lanes besides those through the two ends
    QRectF bounds;              ///< the painted area
    bool strict = true;         ///< inside a grid, keep to cell boundaries (else merely dearer)
    double cell = 0, width = 2, head = 9;
};

/// The arrow as drawn: a line with rounded corners, its head and the dot where it starts.
struct LinkShape
{
    QPainterPath line;
    QPolygonF head;
    QPointF start;
    bool valid = false;
};

enum Dir
{
    East,
    West,
    South,
    North
};

QPointF dirVector(int d)
{
    static const QPointF v[4] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    return v[d];
}

int opposite(int d)
{
    return d ^ 1;
}

/// Sorted lanes, merging those closer than half a pixel, inside [lo, hi].
std::vector<double> lanes(std::vector<double> v, double lo, double hi)
{
    std::sort(v.begin(), v.end());
    std::vector<double> out;
    for (double x : v)
        if (x >= lo && x <= hi && (out.empty() || x - out.back() > 0.5))
            out.push_back(x);
    return out;
}

/// The ink of a link: the line with its white halo, the head and the start dot.
QPainterPath linkInk(const LinkShape &shape, double width)
{
    QPainterPathStroker stroker;
    stroker.setWidth(width + 4);
    stroker.setCapStyle(Qt::RoundCap);
    stroker.setJoinStyle(Qt::RoundJoin);
    QPainterPath ink = stroker.createStroke(shape.line);
    QPainterPath head;
    head.addPolygon(shape.head);
    head.closeSubpath();
    ink.addPath(head);
    ink.addEllipse(shape.start, width * 1.1 + 1, width * 1.1 + 1);
    return ink.simplified();
}

bool inkClear(const QPainterPath &ink, const std::vector<QRectF> &text)
{
    const QRectF box = ink.boundingRect();
    for (const QRectF &t : text)
        if (t.intersects(box) && ink.intersects(t))
            return false;
    return true;
}

/// An orthogonal polyline with rounded corners (radius ≤ `radius`, ≤ half of each leg; the last
/// corner leaves `straightEnd` of the last leg straight for the head).
QPainterPath roundedPolyline(const std::vector<QPointF> &pts, double radius, double straightEnd)
{
    QPainterPath path(pts.front());
    for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
        const QPointF a = pts[i - 1], b = pts[i], c = pts[i + 1];
        const double in = QLineF(a, b).length(), out = QLineF(b, c).length();
        const double outRoom = i + 2 == pts.size() ? out - straightEnd : out / 2;
        const double r = std::max(0.0, std::min({radius, in / 2, outRoom}));
        if (r < 0.5) {
            path.lineTo(b);
            continue;
        }
        const QPointF u = (b - a) / in, v = (c - b) / out;
        path.lineTo(b - u * r);
        path.quadTo(b, b + v * r);
    }
    path.lineTo(pts.back());
    return path;
}

/// Routes a link from spec.from to spec.to around spec.text (see LinkSpec) by Dijkstra over the
/// lanes' crossings: length (dearer inside grids, dearest off their cell boundaries), bends and
/// off-centre ends all cost. Entry into the target is head-on through a side (the head outside
/// the cell) or, for a cell hemmed in by its neighbours, along a cell boundary with the head
/// turning into the cell. Returns an invalid shape if no clear route exists.
LinkShape routeLink(const LinkSpec &spec)
{
    const double s = spec.cell;
    // Half the line's ink plus a margin, so that it passes text with a visible gap.
    const double halo = (spec.width + 4) / 2 + std::max(1.5, 0.04 * spec.cell);
    const double head = spec.head;
    const double approach = head * 1.7; // straight run before a head-on entry
    const double offset = 0.3 * s;      // off-centre lanes, clear of centred indices
    const QRectF &from = spec.from;
    const QRectF &to = spec.to;

    std::vector<double> xs = spec.xs, ys = spec.ys;
    for (const QRectF &r : {from, to}) {
        const QPointF c = r.center();
        for (double d : {-offset, 0.0, offset}) {
            xs.push_back(c.x() + d);
            ys.push_back(c.y() + d);
        }
        xs.insert(xs.end(), {r.left(), r.right()});
        ys.insert(ys.end(), {r.top(), r.bottom()});
    }
    xs.insert(xs.end(), {to.left() - approach, to.right() + approach});
    ys.insert(ys.end(), {to.top() - approach, to.bottom() + approach});
    const QRectF room = spec.bounds.adjusted(halo, halo, -halo, -halo);
    xs = lanes(std::move(xs), room.left(), room.right());
    ys = lanes(std::move(ys), room.top(), room.bottom());
    const int nx = int(xs.size()), ny = int(ys.size());
    if (nx < 2 || ny < 2)
        return {};
    auto xi = [&](double x) {
        const auto it = std::lower_bound(xs.begin(), xs.end(), x - 0.5);
        return it != xs.end() && std::fabs(*it - x) <= 0.5 ? int(it - xs.begin()) : -1;
    };
    auto yi = [&](double y) {
        const auto it = std::lower_bound(ys.begin(), ys.end(), y - 0.5);
        return it != ys.end() && std::fabs(*it - y) <= 0.5 ? int(it - ys.begin()) : -1;
    };

    // What the line may not enter: text grown by its halo; the two ends' interiors.
    std::vector<QRectF> walls;
    walls.reserve(spec.text.size() + 2);
    for (const QRectF &t : spec.text)
        walls.push_back(t.adjusted(-halo, -halo, halo, halo));
    walls.push_back(from.adjusted(1, 1, -1, -1));
    walls.push_back(to.adjusted(1, 1, -1, -1));

    // Edge (i, i+1) of horizontal lane j is hBlocked[j * nx + i]; likewise vertical.
    std::vector<char> hBlocked(std::size_t(nx) * std::size_t(ny), 0);
    std::vector<char> vBlocked(std::size_t(nx) * std::size_t(ny), 0);
    for (const QRectF &w : walls) {
        const int j0 = int(std::upper_bound(ys.begin(), ys.end(), w.top()) - ys.begin());
        const int j1 = int(std::lower_bound(ys.begin(), ys.end(), w.bottom()) - ys.begin());
        const int i0 = int(std::upper_bound(xs.begin(), xs.end(), w.left()) - xs.begin());
        const int i1 = int(std::lower_bound(xs.begin(), xs.end(), w.right()) - xs.begin());
        // Horizontal lanes strictly inside the wall: edges overlapping (left, right).
        for (int j = j0; j < j1; ++j)
            for (int i = std::max(0, i0 - 1); i < std::min(nx - 1, i1); ++i)
                hBlocked[std::size_t(j) * std::size_t(nx) + std::size_t(i)] = 1;
        for (int i = i0; i < i1; ++i)
            for (int j = std::max(0, j0 - 1); j < std::min(ny - 1, j1); ++j)
                vBlocked[std::size_t(i) * std::size_t(ny) + std::size_t(j)] = 1;
    }

    // Length weight of a segment: 1 in the gutters, 2 along cell boundaries inside a grid.
    // Inside a grid the line keeps to cell boundaries (it never cuts through a cell), except in
    // the cells of its two ends.
    const QRectF fromZone = from.adjusted(-0.5, -0.5, 0.5, 0.5);
    const QRectF toZone = to.adjusted(-0.5, -0.5, 0.5, 0.5);
    auto weight = [&](QPointF a, QPointF b) {
        const QPointF m = (a + b) / 2;
        for (const QRectF &g : spec.grids) {
            if (!g.adjusted(-0.5, -0.5, 0.5, 0.5).contains(m))
                continue;
            const bool horizontal = std::fabs(a.y() - b.y()) < 0.5;
            const double along = horizontal ? (m.y() - g.top()) / s : (m.x() - g.left()) / s;
            if (std::fabs(along - std::round(along)) * s < 0.75)
                return 2.0;
            if (fromZone.contains(m) || toZone.contains(m))
                return 2.0;
            return spec.strict ? std::numeric_limits<double>::infinity() : 4.0;
        }
        return 1.0;
    };

    const double bend = 0.8 * s;
    const int states = nx * ny * 4;
    std::vector<double> dist(std::size_t(states), std::numeric_limits<double>::infinity());
    std::vector<int> prev(std::size_t(states), -1);
    std::vector<char> fresh(std::size_t(states), 0); // a start: may only go on outward
    using Item = std::pair<double, int>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
    auto state = [&](int i, int j, int d) { return (j * nx + i) * 4 + d; };
    auto point = [&](int st) {
        return QPointF(xs[std::size_t((st / 4) % nx)], ys[std::size_t((st / 4) / nx)]);
    };

    // Starts: every lane crossing a side of the source, leaving outward; off-centre costs.
    auto addStart = [&](int i, int j, int d, double cost) {
        if (i < 0 || j < 0)
            return;
        const int st = state(i, j, d);
        if (cost < dist[std::size_t(st)]) {
            dist[std::size_t(st)] = cost;
            fresh[std::size_t(st)] = 1;
            queue.push({cost, st});
        }
    };
    // Starting in a rounded corner of the outline reads as leaving a neighbour: it costs more.
    const double cornerZone = 0.25 * s;
    for (int j = 0; j < ny; ++j) {
        const double y = ys[std::size_t(j)];
        if (y <= from.top() || y >= from.bottom())
            continue;
        const double corner = std::min(y - from.top(), from.bottom() - y) < cornerZone ? s : 0.0;
        const double cost = 1.5 * std::fabs(y - from.center().y()) + corner;
        addStart(xi(from.right()), j, East, cost);
        addStart(xi(from.left()), j, West, cost);
    }
    for (int i = 0; i < nx; ++i) {
        const double x = xs[std::size_t(i)];
        if (x <= from.left() || x >= from.right())
            continue;
        const double corner = std::min(x - from.left(), from.right() - x) < cornerZone ? s : 0.0;
        const double cost = 1.5 * std::fabs(x - from.center().x()) + corner;
        addStart(i, yi(from.bottom()), South, cost);
        addStart(i, yi(from.top()), North, cost);
    }
    if (spec.fromCell) {
        // From the middle of a side, along it (a cell hemmed in by its neighbours).
        const int ci = xi(from.center().x()), cj = yi(from.center().y());
        for (const int j : {yi(from.top()), yi(from.bottom())})
            for (const int d : {East, West})
                addStart(ci, j, d, 1.2 * s);
        for (const int i : {xi(from.left()), xi(from.right())})
            for (const int d : {South, North})
                addStart(i, cj, d, 1.2 * s);
    }

    while (!queue.empty()) {
        const auto [cost, st] = queue.top();
        queue.pop();
        if (cost > dist[std::size_t(st)])
            continue;
        const int d = st % 4, n = st / 4, i = n % nx, j = n / nx;
        for (int nd = 0; nd < 4; ++nd) {
            if (nd == opposite(d) || (fresh[std::size_t(st)] && nd != d))
                continue;
            int ni = i, nj = j;
            bool blocked = false;
            switch (nd) {
            case East:
                ni = i + 1;
                blocked = ni >= nx || hBlocked[std::size_t(j) * std::size_t(nx) + std::size_t(i)];
                break;
            case West:
                ni = i - 1;
                blocked = ni < 0 || hBlocked[std::size_t(j) * std::size_t(nx) + std::size_t(ni)];
                break;
            case South:
                nj = j + 1;
                blocked = nj >= ny || vBlocked[std::size_t(i) * std::size_t(ny) + std::size_t(j)];
                break;
            case North:
                nj = j - 1;
                blocked = nj < 0 || vBlocked[std::size_t(i) * std::size_t(ny) + std::size_t(nj)];
                break;
            }
            if (blocked)
                continue;
            const QPointF a(xs[std::size_t(i)], ys[std::size_t(j)]);
            const QPointF b(xs[std::size_t(ni)], ys[std::size_t(nj)]);
            const double wgt = weight(a, b);
            if (!std::isfinite(wgt))
                continue;
            const double next = cost + QLineF(a, b).length() * wgt + (nd != d ? bend : 0.0);
            const int ns = state(ni, nj, nd);
            if (next < dist[std::size_t(ns)]) {
                dist[std::size_t(ns)] = next;
                prev[std::size_t(ns)] = st;
                fresh[std::size_t(ns)] = 0;
                queue.push({next, ns});
            }
        }
    }

    // Ends. Head-on: from a point `approach` outside a side, straight in; its run and head
    // must be clear of text. Along a boundary: arriving on the side's lane at its middle, the
    // head turns into the cell (the target's own number sits lower, in its middle).
    struct End
    {
        double cost = std::numeric_limits<double>::infinity();
        int state = -1;
        QPointF tip, base;
        bool turn = false;
        double head = 0;
    } best;
    auto clearOfText = [&](const QPolygonF &poly) {
        const QRectF box = poly.boundingRect();
        for (const QRectF &t : spec.text)
            if (t.adjusted(-1, -1, 1, 1).intersects(box))
                return false;
        return true;
    };
    for (int side = 0; side < 4; ++side) {
        // The side's inward direction and its points.
        const int inward = side; // East: enters through the left side, and so on
        const QPointF in = dirVector(inward);
        const QPointF along(-in.y(), in.x());
        QPointF mid;
        switch (inward) {
        case East:
            mid = QPointF(to.left(), to.center().y());
            break;
        case West:
            mid = QPointF(to.right(), to.center().y());
            break;
        case South:
            mid = QPointF(to.center().x(), to.top());
            break;
        case North:
            mid = QPointF(to.center().x(), to.bottom());
            break;
        }
        for (double d : {0.0, -offset, offset}) {
            const QPointF e = mid + along * d;
            const QPointF a = e - in * approach;
            const int ai = xi(a.x()), aj = yi(a.y());
            if (ai < 0 || aj < 0)
                continue;
            const QPointF tip = e + in * std::min(0.03 * s, 2.0);
            // The run from a to the tip (halo included) and the head's full width.
            const QPointF side1 = along * std::max(halo, head * 0.5);
            const QPolygonF corridor{a + side1, tip + side1, tip - side1, a - side1};
            if (!clearOfText(corridor))
                continue;
            for (int ad = 0; ad < 4; ++ad) {
                if (ad == opposite(inward))
                    continue;
                const int st = state(ai, aj, ad);
                const double c = dist[std::size_t(st)] + (ad != inward ? bend : 0.0) + approach +
                                 (d != 0 ? 0.3 * s : 0.0);
                if (c < best.cost)
                    best = {c, st, tip, a, false, head};
            }
        }
        // Along the boundary, into the middle of the side; the head, inside the target, must
        // miss its text (shorter if need be).
        const int ei = xi(mid.x()), ej = yi(mid.y());
        if (ei < 0 || ej < 0)
            continue;
        for (const double len : {head, 0.7 * head}) {
            const QPointF tip = mid + in * len;
            const QPointF half = along * head * 0.5;
            const QPolygonF arrowHead{tip, mid + half, mid - half};
            const double gap = std::max(2.0, 0.06 * s);
            const QRectF box = arrowHead.boundingRect().adjusted(-gap, -gap, gap, gap);
            if (std::any_of(spec.toText.begin(), spec.toText.end(),
                            [&](const QRectF &t) { return t.intersects(box); }) ||
                !clearOfText(arrowHead))
                continue;
            for (int ad = 0; ad < 4; ++ad) {
                if (ad == inward || ad == opposite(inward))
                    continue;
                const int st = state(ei, ej, ad);
                const double c = dist[std::size_t(st)] + bend + 2.0 * s;
                if (c < best.cost)
                    best = {c, st, tip, mid, true, len};
            }
            break;
        }
    }
    if (best.state < 0 || !std::isfinite(best.cost))
        return {};

    // The polyline back to the start, without collinear middle points.
    std::vector<QPointF> pts;
    for (int st = best.state; st >= 0; st = prev[std::size_t(st)])
        pts.push_back(point(st));
    std::reverse(pts.begin(), pts.end());
    if (!best.turn)
        pts.push_back(best.base);
    const QPointF inward = best.tip - best.base;
    const QPointF unit = inward / QLineF(best.base, best.tip).length();
    // The line ends under the head (head-on) or at the boundary (turning in).
    pts.push_back(best.turn ? best.base : best.tip - unit * best.head * 0.8);
    std::vector<QPointF> simple;
    for (const QPointF &p : pts) {
        if (!simple.empty() && QLineF(simple.back(), p).length() < 0.5)
            continue;
        if (simple.size() >= 2) {
            const QPointF a = simple[simple.size() - 2], b = simple.back();
            const bool collinear =
                (std::fabs(a.x() - b.x()) < 0.5 && std::fabs(b.x() - p.x()) < 0.5) ||
                (std::fabs(a.y() - b.y()) < 0.5 && std::fabs(b.y() - p.y()) < 0.5);
            if (collinear)
                simple.back() = p;
            else
                simple.push_back(p);
            continue;
        }
        simple.push_back(p);
    }
    if (simple.size() < 2)
        simple.insert(simple.begin(), simple.front() - unit * head);

    LinkShape shape;
    shape.valid = true;
    shape.start = simple.front();
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = best.tip - unit * best.head;
    shape.head = QPolygonF{best.tip, base + normal * head * 0.5, base - normal * head * 0.5};
    // Rounded corners cut inside the bends: keep them only where they stay clear.
    for (double radius : {0.4 * s, 0.15 * s, 0.0}) {
        shape.line = roundedPolyline(simple, radius, best.turn ? 0.0 : head * 0.4);
        if (radius == 0.0 || inkClear(linkInk(shape, spec.width), spec.text))
            break;
    }
    return shape;
}

/// "padding 1", "padding top 0, bottom 1, left 0, right 1", with SAME noted; empty without.
QString paddingPhrase(const Geometry &g)
{
    const Padding pad = g.resolvedPadding();
    const bool same = g.params.isSame();
    if (pad == Padding{})
        return {};
    const QString sides = pad.top == pad.bottom && pad.top == pad.left && pad.top == pad.right
                              ? QString::number(pad.top)
                              : StageRenderer::tr("top %1, bottom %2, left %3, right %4")
                                    .arg(pad.top)
                                    .arg(pad.bottom)
                                    .arg(pad.left)
                                    .arg(pad.right);
    return same ? StageRenderer::tr("SAME padding %1").arg(sides)
                : StageRenderer::tr("padding %1").arg(sides);
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

/// `p` in superscript digits ("³"), or "^2.5" when p is not a whole number.
QString superscript(double p)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    if (!(p >= 0 && p < 1000 && p == std::floor(p)))
        return QStringLiteral("^") + num(p);
    QString out;
    for (QChar c : QString::number(int(p)))
        out += digits[c.digitValue()];
    return out;
}

QString opName(const PoolParams &params)
{
    if (params.mode == PoolMode::Lp)
        return QStringLiteral("L") + superscript(params.p);
    return qs(modeName(params.mode));
}

/// Whether a step rings its winner (max, min, a tie or a NaN).
bool ringsWinner(const Step &st)
{
    return (st.rule == StepRule::Single || st.rule == StepRule::Tie || st.rule == StepRule::NaN) &&
           !st.winners.empty();
}

/// The badge on the winner's ring: "max", "min" or "NaN".
QString winnerBadgeText(const Step &st, const PoolParams &params)
{
    return st.rule == StepRule::NaN       ? QStringLiteral("NaN")
           : params.mode == PoolMode::Min ? QStringLiteral("min")
                                          : QStringLiteral("max");
}

/// What an average, Lp or empty window computes, shown on its lower edge ("÷ 4", "L3",
/// "no input → 0"); empty for the other rules.
QString windowBadgeText(const Step &st, const PoolParams &params)
{
    if (st.rule == StepRule::Average)
        return QStringLiteral("÷ ") + num(st.divisor);
    if (st.rule == StepRule::Lp)
        return QStringLiteral("L") + superscript(params.p);
    if (st.rule == StepRule::NoInput)
        return StageRenderer::tr("no input → %1").arg(num(st.output));
    return {};
}

/// Font size of the window badge for cell size s: never smaller than the indices.
double windowBadgePx(double s)
{
    return std::max(indexPx(s), std::clamp(0.26 * s, 10.0, 30.0));
}

/// Draws a link shape: white halo, line, head and start dot.
void drawLink(QPainter &p, const LinkShape &shape, const QColor &color, double width, double alpha)
{
    if (!shape.valid)
        return;
    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(withAlpha(Qt::white, 0.9 * alpha), width + 4, Qt::SolidLine, Qt::RoundCap,
                  Qt::RoundJoin));
    p.drawPath(shape.line);
    p.setPen(QPen(withAlpha(color, alpha), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(shape.line);
    p.setPen(QPen(withAlpha(Qt::white, 0.9 * alpha), 2));
    p.setBrush(withAlpha(color, alpha));
    p.drawPolygon(shape.head);
    p.drawEllipse(shape.start, width * 1.1, width * 1.1);
    p.restore();
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

/// The legend's and the notes' font size: read from the back of the room even beside small cells.
double legendPx(const Metrics &m)
{
    return std::max(m.formula, 15.0);
}

} // namespace

struct StageRenderer::Layout
{
    bool valid = false;
    double cell = 0;
    double titlePx = 14, subtitlePx = 11, captionPx = 15, formulaPx = 11, indexPx = 0;
    double legendPx = 14;
    bool numbers = true;
    std::array<GridBox, 4> grids;
    /// How each grid writes its numbers (StageGrid order), then the gradient's "+amount" notes.
    std::array<NumberFormat, 5> formats;
    bool precisionLost = false; ///< some grid's exact numbers are below a comfortable size
    const NumberFormat &format(StageGrid g) const { return formats[std::size_t(g)]; }
    const NumberFormat &amountFormat() const { return formats[4]; }
    QRectF caption, formula, legend, content;
    QRectF bounds; ///< the target painted into
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
};

namespace {

/// Everything the layout needs that does not depend on the cell size.
struct LayoutPlan
{
    std::array<GridBox, 4> grids;
    std::vector<Arrangement> arrangements;
    std::array<double, 4> titleW100{}, subtitleW100{};
    int formulaLines = 0;
    int legendLines = 0; ///< legend (two lines) and notes (one each), drawn at the formula's size
    bool caption = true;
};

/// Width of the column holding grid `g`. Its title and subtitle are centred on the cells, which
/// sit half an index strip right of the block's middle, so the widest text needs that much more.
double columnWidth(const LayoutPlan &plan, std::size_t g, const Metrics &m)
{
    const double strip = kIndexStrip * m.cell;
    return std::max({(kIndexStrip + plan.grids[g].cols) * m.cell,
                     plan.titleW100[g] * m.title / 100.0 + strip,
                     plan.subtitleW100[g] * m.subtitle / 100.0 + strip});
}

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
            const double w = columnWidth(plan, std::size_t(arr[i][j]), m);
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
    if (plan.legendLines)
        height += 0.5 * m.formula + plan.legendLines * legendPx(m) * 1.6;
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

/// The notes the legend draws: the parameters' warnings, then each framework whose own layer does
/// not take the settings as they are (PyTorch, TensorFlow, ONNX) with its first reason; four at
/// most, the last saying how many more the Frameworks panel lists.
QStringList stageNotes(const Trace &trace)
{
    const Geometry &g = trace.geometry();
    QStringList notes;
    for (const Message &w : g.validation.warnings)
        notes << QString::fromStdString(w.text());
    if (g.ok())
        for (const FrameworkAnswer &a : explainFrameworks(g.params, g.inH(), g.inW()))
            if (a.framework != Framework::NumPy && a.support != Support::Native &&
                !a.reasons.empty())
                notes << QString::fromStdString(a.name + ": " + a.reasons.front());
    constexpr int kMost = 4;
    if (notes.size() > kMost) {
        const int more = int(notes.size()) - (kMost - 1);
        notes.resize(kMost - 1);
        notes << StageRenderer::tr("%1 more in the Frameworks panel").arg(more);
    }
    return notes;
}

/// One precision for the grid holding `values`: the fewest decimals that show every value exactly
/// if its widest number then fits a cell (`room` px wide) at 6 px or more (cells shrink their
/// text to fit), else as many as fit at 9 px (at least the first significant digit of each
/// value), the values no longer exact marked "≈" (see NumberFormat). `cramped`
/// becomes true when the exact numbers would be smaller than a comfortable 9 px: the window then
/// folds its panels to give the stage room.
NumberFormat chooseFormat(std::vector<float> values, double px, double room, TextFit &fit,
                          NumberFormat::Style style, bool &cramped, bool bold = false)
{
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    const int exact = NumberFormat::exactDecimals(values);
    const int top = exact >= 0 ? exact : NumberFormat::kInexactDecimals;
    auto widest = [&](const NumberFormat &f) {
        double w = 0;
        for (float v : values)
            w = std::max(w, fit.width(f.text(v), px, bold));
        return w;
    };
    auto fits = [&](double w, double readable) {
        return w <= room || px * room / w >= std::min(px, readable);
    };
    if (!fits(widest(NumberFormat(top, style)), 9.0))
        cramped = true;
    // Never so few decimals that a value's first significant digit goes (0.25 as "≈0").
    int least = 0;
    for (float v : values)
        if (std::isfinite(v) && v != 0 && std::fabs(v) < 1)
            least = std::max(least, int(std::ceil(-std::log10(std::fabs(double(v))) - 1e-9)));
    least = std::min(least, top);
    // Exact numbers may shrink down to 6 px; once digits must go anyway, the fewer the larger.
    if (exact >= 0 && fits(widest(NumberFormat(top, style)), 6.0))
        return NumberFormat(top, style);
    for (int d = exact >= 0 ? top - 1 : top; d > least; --d) {
        const NumberFormat f(d, style);
        if (fits(widest(f), 9.0))
            return f;
    }
    return NumberFormat(least, style);
}

std::vector<float> valuesOf(const Tensor &t)
{
    return std::vector<float>(t.data().begin(), t.data().end());
}

LayoutPlan makePlan(const Trace &trace, const StageView &view)
{
    LayoutPlan plan;
    const Geometry &g = trace.geometry();
    const PoolParams &params = g.params;
    const int inH = trace.input.h(), inW = trace.input.w();
    const bool backward = trace.phase != Phase::Forward; // unpool draws like backward

    // Input: the padding ring plus any overhang ceil mode's last window reaches.
    auto extent = [](const AxisGeometry &a, int &first, int &count) {
        int lo = -a.padBefore, hi = a.in - 1 + a.padAfter;
        for (int o = 0; o < a.out; ++o) {
            lo = std::min(lo, a.start(o));
            hi = std::max(hi, a.last(o));
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
    const bool same = params.isSame();
    in.title = StageRenderer::tr("Input %1").arg(sizeText(inH, inW));
    if (!view.planeName.isEmpty())
        in.title += QStringLiteral(", ") + view.planeName;
    if (pad == Padding{}) {
        in.subtitle = params.paddingMode == PaddingMode::Valid
                          ? StageRenderer::tr("VALID: no padding")
                          : StageRenderer::tr("no padding");
    } else {
        if (uniform && !same)
            in.title += StageRenderer::tr(" (padding %1)").arg(pad.top);
        if (uniform && !same) {
            in.subtitle =
                StageRenderer::tr("padding counts as %1").arg(paddingValueText(params.mode));
        } else {
            QStringList sides;
            const std::array<std::pair<QString, int>, 4> named{
                {{StageRenderer::tr("top %1"), pad.top},
                 {StageRenderer::tr("bottom %1"), pad.bottom},
                 {StageRenderer::tr("left %1"), pad.left},
                 {StageRenderer::tr("right %1"), pad.right}}};
            for (const auto &[side, n] : named)
                if (n > 0)
                    sides << side.arg(n);
            const QString list = sides.join(QStringLiteral(", "));
            in.subtitle = (same ? StageRenderer::tr("SAME padding %1 (%2)")
                                : StageRenderer::tr("padding %1 (%2)"))
                              .arg(list, paddingValueText(params.mode));
        }
    }

    GridBox &out = plan.grids[std::size_t(StageGrid::Output)];
    out.present = true;
    out.rows = g.outH();
    out.cols = g.outW();
    out.title = StageRenderer::tr("Output %1").arg(sizeText(out.rows, out.cols));
    if (!view.planeName.isEmpty())
        out.title += QStringLiteral(", ") + view.planeName;
    if (params.global) {
        out.subtitle = StageRenderer::tr("global %1").arg(opName(params));
    } else if (params.isAdaptive()) {
        out.subtitle = StageRenderer::tr("adaptive %1").arg(opName(params));
    } else {
        out.subtitle = StageRenderer::tr("%1 %2, stride %3")
                           .arg(opName(params), sizeText(g.rows.kernel, g.cols.kernel),
                                pairText(g.rows.stride, g.cols.stride));
        if (g.rows.dilation != 1 || g.cols.dilation != 1)
            out.subtitle +=
                StageRenderer::tr(", dilation %1").arg(pairText(g.rows.dilation, g.cols.dilation));
        if (ceilModeApplies(params)) // not under SAME, where it has no effect
            out.subtitle += StageRenderer::tr(", ceil mode");
    }

    if (backward) {
        GridBox &up = plan.grids[std::size_t(StageGrid::Upstream)];
        up.present = true;
        up.rows = g.outH();
        up.cols = g.outW();
        const bool unpool = trace.phase == Phase::Unpool;
        up.title =
            unpool ? StageRenderer::tr("Pooled values") : StageRenderer::tr("Upstream gradient");
        up.subtitle =
            (unpool ? StageRenderer::tr("to unpool %1") : StageRenderer::tr("∂L/∂output %1"))
                .arg(sizeText(up.rows, up.cols));
        GridBox &grad = plan.grids[std::size_t(StageGrid::InputGradient)];
        grad.present = true;
        grad.rows = inH;
        grad.cols = inW;
        grad.title = unpool ? StageRenderer::tr("Unpooled") : StageRenderer::tr("Input gradient");
        grad.subtitle = (unpool ? (params.mode == PoolMode::Max || params.mode == PoolMode::Min
                                       ? StageRenderer::tr("%1, values at their argmax")
                                       : StageRenderer::tr("%1, values spread over windows"))
                                : StageRenderer::tr("∂L/∂input %1, running sum"))
                            .arg(sizeText(inH, inW));
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
        plan.formulaLines = outputSizeFormula(params, g.inH(), g.inW(), Axis::Rows) ==
                                    outputSizeFormula(params, g.inH(), g.inW(), Axis::Cols)
                                ? 1
                                : 2;
    if (view.legend)
        plan.legendLines = 2 + int(stageNotes(trace).size());
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
    l.bounds = target;
    l.cell = s;
    l.titlePx = m.title;
    l.subtitlePx = m.subtitle;
    l.captionPx = m.caption;
    l.formulaPx = m.formula;
    l.indexPx = m.index;
    l.numbers = s >= kNumbersMinCell;
    l.grids = plan.grids;
    if (l.numbers) {
        TextFit fit;
        const auto style =
            view.fractions ? NumberFormat::Style::Fraction : NumberFormat::Style::Decimal;
        const double px = 0.44 * s, room = numberRoom(s) * s;
        std::vector<float> running = valuesOf(m_trace.inputGradient), amounts;
        for (const Step &st : m_trace.steps)
            for (const Contribution &c : st.contributions) {
                running.push_back(c.running);
                amounts.push_back(c.amount);
            }
        if (!running.empty())
            running.push_back(0.0f);
        bool &lost = l.precisionLost;
        l.formats = {
            chooseFormat(valuesOf(m_trace.input), px, room, fit, style, lost),
            chooseFormat(valuesOf(m_trace.result.values), px, room, fit, style, lost, true),
            chooseFormat(valuesOf(m_trace.upstream), px, room, fit, style, lost),
            chooseFormat(running, px, room, fit, style, lost),
            chooseFormat(amounts, 0.26 * s, 0.9 * s, fit, style, lost, true)};
    }
    l.formulaLines = plan.formulaLines;

    const QSizeF size = measure(plan, arr, s);
    const QPointF origin(std::round(target.center().x() - size.width() / 2),
                         std::round(target.center().y() - size.height() / 2));
    l.content = QRectF(origin, size);

    std::vector<double> colW;
    for (const auto &row : arr)
        for (std::size_t j = 0; j < row.size(); ++j) {
            const std::size_t gi = std::size_t(row[j]);
            const double w = columnWidth(plan, gi, m);
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
        y = l.formula.bottom();
    }
    if (plan.legendLines) {
        y += 0.5 * m.formula;
        l.legend = QRectF(textLeft, y, textW, plan.legendLines * legendPx(m) * 1.6);
        l.legendPx = legendPx(m);
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

QString StageRenderer::localeNumbers(const QString &text)
{
    const QString point = QLocale().decimalPoint();
    if (point == QLatin1String("."))
        return text;
    QString out = text;
    for (qsizetype i = 1; i + 1 < out.size(); ++i)
        if (out[i] == QLatin1Char('.') && out[i - 1].isDigit() && out[i + 1].isDigit())
            out.replace(i, 1, point);
    return out;
}

QString StageRenderer::captionForDisplay(const QString &caption)
{
    static const QString operators = QStringLiteral("+−-×÷/=→·≤≥<>");
    const QChar joiner(0x2060), noBreak(0x00a0);
    const QStringList tokens = caption.split(QLatin1Char(' '));
    auto isWord = [](const QString &t) {
        return !t.isEmpty() &&
               std::all_of(t.begin(), t.end(), [](QChar c) { return c.isLetter(); });
    };
    auto isNumber = [](const QString &t) {
        return !t.isEmpty() && std::all_of(t.begin(), t.end(), [](QChar c) {
            return c.isDigit() || c == QLatin1Char('.') || c == QChar(0x2212);
        });
    };
    auto startsNumber = [](const QString &t) {
        if (t.isEmpty())
            return false;
        if (t[0].isDigit())
            return true;
        return t.size() > 1 && (t[0] == QChar(0x2212) || t[0] == QLatin1Char('-')) &&
               (t[1].isDigit() || t[1] == QChar(0x221e));
    };
    QString out;
    out.reserve(caption.size() * 2);
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QString &t = tokens[i];
        if (i > 0) {
            const QString &before = tokens[i - 1];
            const bool glue = (isWord(before) && startsNumber(t)) ||
                              (isNumber(before) && isWord(t)) ||
                              (before.size() == 1 && operators.contains(before[0]));
            out += glue ? noBreak : QLatin1Char(' ');
        }
        if (isWord(t)) {
            out += t;
            continue;
        }
        // A term: no break anywhere inside it (never between the halves of a surrogate pair).
        for (qsizetype k = 0; k < t.size(); ++k) {
            if (k > 0 && !t[k].isLowSurrogate())
                out += joiner;
            out += t[k];
        }
    }
    return out;
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
        what = StageRenderer::tr("maximum");
        break;
    case PoolMode::Min:
        what = StageRenderer::tr("minimum");
        break;
    case PoolMode::Avg:
        what = StageRenderer::tr("average");
        break;
    case PoolMode::Lp:
        what = StageRenderer::tr("L%1 norm").arg(superscript(params.p));
        break;
    }
    QString windowsText;
    if (params.global) {
        windowsText =
            StageRenderer::tr("one window over the whole %1 input (global pooling)").arg(input);
    } else if (params.isAdaptive()) {
        // Two sentences rather than %n: without a translator (the CLI) tr() would print "(s)".
        windowsText =
            windows == 1
                ? StageRenderer::tr("1 adaptive bin over a %1 input (bins may overlap)").arg(input)
                : StageRenderer::tr("%1 adaptive bins over a %2 input (bins may overlap)")
                      .arg(QString::number(windows), input);
    } else {
        const QString kernel = sizeText(g.rows.kernel, g.cols.kernel);
        const QString stride = pairText(g.rows.stride, g.cols.stride);
        windowsText = windows == 1
                          ? StageRenderer::tr("1 window of %1, stride %2").arg(kernel, stride)
                          : StageRenderer::tr("%1 windows of %2, stride %3")
                                .arg(QString::number(windows), kernel, stride);
        if (g.rows.dilation != 1 || g.cols.dilation != 1)
            windowsText +=
                StageRenderer::tr(", dilation %1").arg(pairText(g.rows.dilation, g.cols.dilation));
        const QString pad = paddingPhrase(g);
        if (!pad.isEmpty())
            windowsText += QStringLiteral(", ") + pad;
        if (ceilModeApplies(params))
            windowsText += StageRenderer::tr(", ceil mode");
        windowsText += StageRenderer::tr(", over a %1 input").arg(input);
    }
    if (m_trace.phase == Phase::Forward)
        return StageRenderer::tr("Ready: %1. Each window's %2 becomes one cell of the %3 output.")
            .arg(windowsText, what, output);
    if (m_trace.phase == Phase::Unpool) {
        const int values = int(m_trace.steps.size());
        if (params.mode == PoolMode::Max || params.mode == PoolMode::Min)
            return StageRenderer::tr(
                       "Ready to unpool: %1. Each of the %2 pooled values goes back "
                       "to the input cell its %3 came from; every other cell stays 0.")
                .arg(windowsText)
                .arg(values)
                .arg(what);
        return StageRenderer::tr("Ready to unpool: %1. Each of the %2 pooled values is copied to "
                                 "every input cell of its window; where windows overlap, a cell "
                                 "holds the mean of their values.")
            .arg(windowsText)
            .arg(values);
    }
    QString share;
    switch (params.mode) {
    case PoolMode::Max:
    case PoolMode::Min:
        share = StageRenderer::tr("only the cell that held the window's %1 receives it").arg(what);
        break;
    case PoolMode::Avg:
        share =
            StageRenderer::tr("it is shared evenly, g ÷ divisor to each input cell of the window");
        break;
    case PoolMode::Lp:
        share = StageRenderer::tr("each input cell of the window receives its share ∂y/∂x");
        break;
    }
    return StageRenderer::tr(
               "Ready for the backward pass: %1. The gradient of each of the %2 output cells "
               "flows back through its window; %3.")
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
              const QColor &color, bool bold = false, double room = 0)
{
    if (room <= 0)
        room = numberRoom(rect.width());
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
            why = StageRenderer::tr("nothing to show: the input is empty");
        p.setPen(kText);
        p.setFont(stageFont(std::clamp(target.height() / 20, 13.0, 28.0)));
        p.drawText(target.adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, why);
        p.restore();
        return;
    }
    const int last = int(m_trace.steps.size()) - 1;
    const int step = std::clamp(view.step, -1, last);

    for (StageGrid grid :
         {StageGrid::Input, StageGrid::Output, StageGrid::Upstream, StageGrid::InputGradient}) {
        if (!l.box(grid).present)
            continue;
        if (grid == StageGrid::Output && view.conceal && step < 0) {
            // Predict mode asks for the output size: the grid is a question mark until then.
            p.setPen(kMuted);
            p.setFont(stageFont(std::max(12.0, 1.2 * l.cell), true));
            p.drawText(l.box(grid).cells, Qt::AlignCenter, QStringLiteral("?"));
            continue;
        }
        paintGrid(p, l, grid, view, step);
    }
    paintHover(p, l, view);
    paintWindow(p, l, view, step);
    if (m_trace.phase != Phase::Forward)
        paintBackward(p, l, view, step);
    paintText(p, l, view, step);
    paintLegend(p, l, view);
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
    const bool backward = m_trace.phase != Phase::Forward;
    const int shown = view.conceal ? step - 1 : step; // predict mode hides the current result

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
                        const QString text =
                            cellNumber(l.format(StageGrid::Input), m_trace.input.at(r, c));
                        if (uncovered) {
                            // A white backing keeps the number readable over the hatch.
                            const double px = fit.fit(text, numberPx, s * numberRoom(s));
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
        const Tensor values = m_trace.outputAfter(shown);
        const std::vector<bool> filled = m_trace.filledAfter(shown);
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
                    // Without numbers a grey value could pass for an empty cell: empty cells
                    // are pale blue, a colour no grey value takes.
                    p.fillRect(rect, l.numbers ? QColor(Qt::white) : kUnfilled);
                }
                p.setRenderHint(QPainter::Antialiasing, true);
                if (!l.numbers)
                    continue;
                if (has) {
                    QColor color = kText;
                    if (isCurrent && !backward)
                        color = withAlpha(color, appear);
                    cellText(p, fit, rect, cellNumber(l.format(StageGrid::Output), values.at(r, c)),
                             numberPx, color, isCurrent);
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
        const Tensor values = up ? m_trace.upstream : m_trace.gradientAfter(shown);
        double maxAbs = 0;
        for (const Tensor *t : {&m_trace.upstream, &m_trace.inputGradient})
            for (float v : t->data())
                if (std::isfinite(v))
                    maxAbs = std::max(maxAbs, double(std::fabs(v)));
        // How many windows have added to each input-gradient cell so far.
        std::vector<int> adds(std::size_t(inH) * std::size_t(inW), 0);
        std::vector<char> now(adds.size(), 0);
        if (!up) {
            for (int k = 0; k <= shown; ++k)
                for (const Contribution &c : m_trace.steps[std::size_t(k)].contributions) {
                    ++adds[std::size_t(c.row) * std::size_t(inW) + std::size_t(c.col)];
                    // The running sum moves down under the step's "+amount" note.
                    if (k == step && l.numbers &&
                        !amountNote(l.amountFormat(), c.amount, s, fit).first.isEmpty())
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
                const QString text = cellNumber(l.format(grid), v);
                if (up) {
                    cellText(p, fit, rect, text, numberPx, kText);
                    continue;
                }
                const int count = adds[i];
                if (count == 0) {
                    cellText(p, fit, rect, text, numberPx, kFaint);
                    continue;
                }
                const bool counted = count > 1 && s >= 30;
                if (now[i]) {
                    // Leave the top of the cell to the "+amount" annotation.
                    cellText(p, fit, runningRect(rect, s, true, counted),
                             cellNumber(l.format(grid), v), 0.38 * s, kText, true);
                } else {
                    cellText(p, fit, runningRect(rect, s, false, counted), text, numberPx, kText);
                }
                if (counted) {
                    const QString times = QStringLiteral("×%1").arg(count);
                    const double px = badgePx(s);
                    p.setFont(stageFont(px, true));
                    p.setPen(kGradientText);
                    p.drawText(timesRect(rect, s), Qt::AlignRight | Qt::AlignBottom, times);
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

struct StageRenderer::Link
{
    LinkShape shape;
    double width = 2;
};

StageRenderer::Link StageRenderer::link(const Layout &l, int step) const
{
    Link result;
    if (!l.valid || step < 0 || step >= int(m_trace.steps.size()))
        return result;
    const Geometry &g = m_trace.geometry();
    const Step &st = m_trace.steps[std::size_t(step)];
    const double s = l.cell;
    const double o = 0.05 * s; // the window outline's distance from its cells
    const bool backward = m_trace.phase != Phase::Forward;
    const int inH = m_trace.input.h(), inW = m_trace.input.w();
    const Window w = g.window(st.outRow, st.outCol);

    LinkSpec spec;
    spec.cell = s;
    spec.width = std::max(2.0, 0.055 * s);
    spec.head = std::max(6.0, spec.width * 3.6);
    spec.bounds = l.bounds;
    result.width = spec.width;

    // The two ends; the numbers of the cells they cover belong to the link.
    StageGrid fromGrid, toGrid;
    QRectF fromCells, toCells;
    if (!backward) {
        fromGrid = StageGrid::Input;
        toGrid = StageGrid::Output;
        fromCells = l.span(StageGrid::Input, w.rowFirst, w.rowLast, w.colFirst, w.colLast);
        toCells = l.rect(StageGrid::Output, st.outRow, st.outCol);
    } else {
        fromGrid = StageGrid::Upstream;
        toGrid = StageGrid::InputGradient;
        fromCells = l.rect(StageGrid::Upstream, st.outRow, st.outCol);
        for (const Contribution &c : st.contributions)
            if (l.has(StageGrid::InputGradient, c.row, c.col)) {
                const QRectF r = l.rect(StageGrid::InputGradient, c.row, c.col);
                toCells = toCells.isNull() ? r : toCells.united(r);
            }
        if (toCells.isNull()) // the window holds only padding: point at its in-input part
            toCells = l.span(StageGrid::InputGradient, std::clamp(w.rowFirst, 0, inH - 1),
                             std::clamp(w.rowLast, 0, inH - 1), std::clamp(w.colFirst, 0, inW - 1),
                             std::clamp(w.colLast, 0, inW - 1));
    }
    // The window's outline lies just outside its cells; the upstream cell's frame inside it.
    spec.from = backward ? fromCells : fromCells.adjusted(-o, -o, o, o);
    spec.fromCell = backward;
    spec.to = toCells;
    auto exempt = [&](StageGrid grid, const QRectF &cell) {
        return (grid == fromGrid && fromCells.contains(cell.center())) ||
               (grid == toGrid && toCells.contains(cell.center()));
    };

    TextFit fit;
    // A line of text centred on `center`: the box of its digits and letters.
    auto addText = [&](QPointF center, const QString &text, double px, bool bold = false) {
        const double width = fit.width(text, px, bold);
        spec.text.push_back(
            QRectF(center.x() - width / 2, center.y() - 0.42 * px, width, 0.84 * px));
    };
    // A number as cellText() draws it.
    auto addNumber = [&](const QRectF &cell, const QString &text, double px, bool bold = false) {
        const double size = fit.fit(text, px, cell.width() * numberRoom(cell.width()), bold);
        if (size >= 5)
            addText(cell.center(), text, size, bold);
    };

    const Tensor output = m_trace.outputAfter(step);
    const std::vector<bool> filled = m_trace.filledAfter(step);
    const Tensor gradient = m_trace.gradientAfter(step);
    std::vector<int> adds(std::size_t(inH) * std::size_t(inW), 0);
    if (backward)
        for (int k = 0; k <= step; ++k)
            for (const Contribution &c : m_trace.steps[std::size_t(k)].contributions)
                ++adds[std::size_t(c.row) * std::size_t(inW) + std::size_t(c.col)];
    const Padding pad = g.resolvedPadding();
    const QString padText = paddingValueText(g.params.mode);
    const double numberPx = 0.44 * s;
    const double strip = kIndexStrip * s;

    for (std::size_t gi = 0; gi < l.grids.size(); ++gi) {
        const GridBox &b = l.grids[gi];
        if (!b.present)
            continue;
        const StageGrid grid = StageGrid(gi);
        spec.grids.push_back(b.cells);

        // Lanes: every cell boundary when cells carry numbers (the outline otherwise), the
        // gutters beside and below, and the strip between the subtitle and the column indices.
        for (int c = 0; c <= b.cols; ++c)
            if (l.numbers || c == 0 || c == b.cols)
                spec.xs.push_back(b.cells.left() + c * s);
        for (int r = 0; r <= b.rows; ++r)
            if (l.numbers || r == 0 || r == b.rows)
                spec.ys.push_back(b.cells.top() + r * s);
        spec.xs.push_back(b.cells.left() - strip - 0.35 * s);
        spec.xs.push_back(b.cells.right() + 0.35 * s);
        spec.ys.push_back(b.cells.bottom() + 0.35 * s);

        // Title and subtitle.
        const double titleW = QFontMetricsF(stageFont(l.titlePx, true)).horizontalAdvance(b.title);
        const QRectF title(b.titleRect.center().x() - titleW / 2,
                           b.titleRect.bottom() - 1.0 * l.titlePx, titleW, l.titlePx);
        const double subW = QFontMetricsF(stageFont(l.subtitlePx)).horizontalAdvance(b.subtitle);
        const QRectF subtitle(b.subtitleRect.center().x() - subW / 2,
                              b.subtitleRect.center().y() - 0.5 * l.subtitlePx, subW, l.subtitlePx);
        spec.text.push_back(title);
        spec.text.push_back(subtitle);
        for (const QRectF &t : {title, subtitle}) {
            spec.xs.push_back(t.left() - 0.3 * s);
            spec.xs.push_back(t.right() + 0.3 * s);
        }

        // Indices, as paintGrid() draws them.
        const bool inputShaped = grid == StageGrid::Input || grid == StageGrid::InputGradient;
        const int realRows = inputShaped ? inH : b.rows;
        const int realCols = inputShaped ? inW : b.cols;
        double labelsTop = b.cells.top();
        if (l.indexPx >= 8) {
            for (int r = 0; r < realRows; ++r) {
                const QString text = QString::number(r);
                const double tw = fit.width(text, l.indexPx);
                const double right = b.cells.left() - strip + strip * 0.8;
                const double cy = l.rect(grid, r, b.col0).center().y();
                spec.text.push_back(
                    QRectF(right - tw, cy - 0.42 * l.indexPx, tw, 0.84 * l.indexPx));
            }
            const double bottom = b.cells.top() - strip + strip * 0.85;
            labelsTop = bottom - 1.0 * l.indexPx;
            for (int c = 0; c < realCols; ++c) {
                const QString text = QString::number(c);
                const double tw = fit.width(text, l.indexPx);
                const double cx = l.rect(grid, b.row0, c).center().x();
                spec.text.push_back(QRectF(cx - tw / 2, labelsTop, tw, 0.82 * l.indexPx));
            }
        }
        spec.ys.push_back((labelsTop + subtitle.bottom()) / 2);

        if (!l.numbers)
            continue;
        // Every number, except those of the two ends.
        for (int r = b.row0; r < b.row0 + b.rows; ++r) {
            for (int c = b.col0; c < b.col0 + b.cols; ++c) {
                const QRectF rect = l.rect(grid, r, c);
                if (exempt(grid, rect))
                    continue;
                switch (grid) {
                case StageGrid::Input: {
                    const bool inside = r >= 0 && r < inH && c >= 0 && c < inW;
                    const bool padded = r >= -pad.top && r < inH + pad.bottom && c >= -pad.left &&
                                        c < inW + pad.right;
                    if (inside)
                        addNumber(rect,
                                  cellNumber(l.format(StageGrid::Input), m_trace.input.at(r, c)),
                                  numberPx);
                    else if (padded)
                        addNumber(rect, padText, 0.34 * s);
                    break;
                }
                case StageGrid::Output: {
                    const bool has = filled[std::size_t(r) * std::size_t(b.cols) + std::size_t(c)];
                    addNumber(rect,
                              has ? cellNumber(l.format(StageGrid::Output), output.at(r, c))
                                  : QStringLiteral("·"),
                              numberPx, has);
                    break;
                }
                case StageGrid::Upstream:
                    addNumber(rect,
                              cellNumber(l.format(StageGrid::Upstream), m_trace.upstream.at(r, c)),
                              numberPx);
                    break;
                case StageGrid::InputGradient: {
                    const int count = adds[std::size_t(r) * std::size_t(inW) + std::size_t(c)];
                    const bool counted = count > 1 && s >= 30;
                    addNumber(runningRect(rect, s, false, counted),
                              cellNumber(l.format(StageGrid::InputGradient), gradient.at(r, c)),
                              numberPx);
                    if (counted) {
                        const double px = badgePx(s);
                        const double tw = fit.width(QStringLiteral("×%1").arg(count), px, true);
                        const QRectF box = timesRect(rect, s);
                        spec.text.push_back(
                            QRectF(box.right() - tw, box.bottom() - 0.97 * px, tw, 0.85 * px));
                    }
                    break;
                }
                }
            }
        }
    }

    // The target's own text, which a head turning into it must miss: the output number, or
    // each gradient cell's "+amount", running sum and "×n".
    const std::size_t before = spec.text.size();
    if (!backward) {
        addNumber(toCells, cellNumber(l.format(StageGrid::Output), st.output), numberPx, true);
    } else {
        for (const Contribution &c : st.contributions) {
            if (!l.has(StageGrid::InputGradient, c.row, c.col))
                continue;
            const QRectF rect = l.rect(StageGrid::InputGradient, c.row, c.col);
            const int count = adds[std::size_t(c.row) * std::size_t(inW) + std::size_t(c.col)];
            const bool counted = count > 1 && s >= 30;
            const auto [amount, px] = amountNote(l.amountFormat(), c.amount, s, fit);
            if (amount.isEmpty()) {
                addNumber(runningRect(rect, s, false, counted),
                          cellNumber(l.format(StageGrid::InputGradient), c.running), numberPx);
            } else {
                addText(QPointF(rect.center().x(), rect.top() + 0.22 * s), amount, px, true);
                addNumber(runningRect(rect, s, true, counted),
                          cellNumber(l.format(StageGrid::InputGradient), c.running), 0.38 * s,
                          true);
            }
            if (counted) {
                const double tpx = badgePx(s);
                const double tw = fit.width(QStringLiteral("×%1").arg(count), tpx, true);
                const QRectF box = timesRect(rect, s);
                spec.text.push_back(
                    QRectF(box.right() - tw, box.bottom() - 0.97 * tpx, tw, 0.85 * tpx));
            }
        }
    }
    spec.toText.assign(spec.text.begin() + std::ptrdiff_t(before), spec.text.end());
    spec.text.resize(before);

    // Overhang notes ("past edge") of the current window, where they are not its own cells.
    if (l.numbers)
        for (const Tap &t : st.taps)
            if (t.kind == TapKind::Overhang && l.has(StageGrid::Input, t.row, t.col)) {
                const QRectF rect = l.rect(StageGrid::Input, t.row, t.col);
                if (!exempt(StageGrid::Input, rect))
                    spec.text.push_back(rect.adjusted(0.12 * s, 0.12 * s, -0.12 * s, -0.12 * s));
            }

    // The badges on the window: its winner's and what it computes.
    if (ringsWinner(st) && s >= 20) {
        const Tap &t = st.taps[std::size_t(st.winners.front())];
        if (l.has(StageGrid::Input, t.row, t.col)) {
            const QRectF rect = l.rect(StageGrid::Input, t.row, t.col);
            spec.text.push_back(badgeRect(QPointF(rect.center().x(), rect.top() + 0.06 * s),
                                          winnerBadgeText(st, g.params), badgePx(s), fit));
        }
    }
    const QString windowLabel = windowBadgeText(st, g.params);
    if (!windowLabel.isEmpty() && s >= 14) {
        const QRectF span = l.span(StageGrid::Input, w.rowFirst, w.rowLast, w.colFirst, w.colLast);
        spec.text.push_back(badgeRect(QPointF(span.center().x(), span.bottom() + 0.05 * s),
                                      windowLabel, windowBadgePx(s), fit));
    }
    if (!l.caption.isEmpty())
        spec.text.push_back(l.caption);
    if (!l.formula.isEmpty())
        spec.text.push_back(l.formula);

    result.shape = routeLink(spec);
    if (!result.shape.valid) {
        // Hemmed in (cells too small for the gaps between their numbers): cut across cells where
        // need be, still clear of the indices, titles and badges...
        spec.text.erase(std::remove_if(spec.text.begin(), spec.text.end(),
                                       [&](const QRectF &t) {
                                           return std::any_of(
                                               spec.grids.begin(), spec.grids.end(),
                                               [&](const QRectF &gr) { return gr.contains(t); });
                                       }),
                        spec.text.end());
        spec.strict = false;
        result.shape = routeLink(spec);
    }
    if (!result.shape.valid) {
        // ...and failing that, by the shortest way: the link always shows.
        spec.text.clear();
        spec.toText.clear();
        result.shape = routeLink(spec);
    }
    return result;
}

QPainterPath StageRenderer::linkPath(const QRectF &target, const StageView &view) const
{
    const Layout l = layout(target, view);
    const int step = std::clamp(view.step, -1, int(m_trace.steps.size()) - 1);
    const Link k = link(l, step);
    return k.shape.valid ? linkInk(k.shape, k.width) : QPainterPath();
}

QRectF StageRenderer::slidingSpan(const Layout &l, const StageView &view, int step) const
{
    const Geometry &g = m_trace.geometry();
    const Step &st = m_trace.steps[std::size_t(step)];
    const Window w = g.window(st.outRow, st.outCol);
    const QRectF span = l.span(StageGrid::Input, w.rowFirst, w.rowLast, w.colFirst, w.colLast);
    if (step == 0 || view.motion >= 1.0 || m_trace.steps[std::size_t(step - 1)].outRow != st.outRow)
        // Slides only along a row: at a row wrap the window jumps back to the left edge rather
        // than passing diagonally through positions no window takes.
        return span;
    const Step &prev = m_trace.steps[std::size_t(step - 1)];
    const Window pw = g.window(prev.outRow, prev.outCol);
    const QRectF from = l.span(StageGrid::Input, pw.rowFirst, pw.rowLast, pw.colFirst, pw.colLast);
    return lerp(from, span, smoothstep(view.motion));
}

QRectF StageRenderer::windowSpan(const QRectF &target, const StageView &view) const
{
    const Layout l = layout(target, view);
    const int step = std::clamp(view.step, -1, int(m_trace.steps.size()) - 1);
    if (!l.valid || step < 0)
        return {};
    return slidingSpan(l, view, step);
}

void StageRenderer::paintWindow(QPainter &p, const Layout &l, const StageView &view, int step) const
{
    if (step < 0)
        return;
    const Geometry &g = m_trace.geometry();
    const Step &st = m_trace.steps[std::size_t(step)];
    const double s = l.cell;
    const double e = smoothstep(view.motion);
    const bool backward = m_trace.phase != Phase::Forward;
    TextFit fit;

    const QRectF span = slidingSpan(l, view, step);
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
            p.setFont(stageFont(pastEdgePx(s)));
            p.setPen(withAlpha(kMuted, appear));
            p.drawText(rect, Qt::AlignCenter, StageRenderer::tr("past\nedge"));
        }
        p.restore();
    }

    // Each tap read: a tinted inner frame; untapped cells of a dilated span stay unmarked.
    const double tapW = std::max(1.2, 0.035 * s);
    const bool extreme = !view.conceal && (st.rule == StepRule::Single ||
                                           st.rule == StepRule::Tie || st.rule == StepRule::NaN);
    auto ringed = [&](std::size_t tap) {
        return extreme &&
               std::find(st.winners.begin(), st.winners.end(), int(tap)) != st.winners.end();
    };
    // Padding an average does not count (count_include_pad false, SAME, a divisor override) or
    // Lp leaves out is not read: it stays unboxed, so the two averages look different.
    const PoolParams &params = g.params;
    const bool padCounted =
        params.mode == PoolMode::Max || params.mode == PoolMode::Min ||
        (params.mode == PoolMode::Avg && params.countIncludePad && !params.divisorOverride &&
         params.paddingMode == PaddingMode::Explicit);
    for (std::size_t i = 0; i < st.taps.size(); ++i) {
        const Tap &t = st.taps[i];
        if (t.kind == TapKind::Padding && !padCounted)
            continue;
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
            if (first && s >= 20)
                badge(p, QPointF(rect.center().x(), rect.top() + 0.06 * s),
                      winnerBadgeText(st, g.params), badgePx(s), kWinner, fit, appear);
        }
    }

    // Average / Lp / empty windows: what the window computes, on its lower edge.
    // Predict mode: "no input → −∞" would give the answer away.
    const QString windowLabel =
        view.conceal && st.rule == StepRule::NoInput ? QString() : windowBadgeText(st, g.params);
    if (!windowLabel.isEmpty() && s >= 14)
        badge(p, QPointF(span.center().x(), span.bottom() + 0.05 * s), windowLabel,
              windowBadgePx(s), kWindow, fit, appear);

    // The output cell this window fills, linked to the window.
    const QRectF outRect = l.rect(StageGrid::Output, st.outRow, st.outCol);
    frameCell(p, outRect, kWindow, std::max(2.5, 0.075 * s), 0.03 * s, 1.0, false);
    if (!backward) {
        // Routed for the window at rest: it fades in over the second half of the slide, as the
        // window arrives where the link starts.
        const Link k = link(l, step);
        drawLink(p, k.shape, kWindow, k.width, smoothstep(2 * view.motion - 1));
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
    if (view.conceal)
        return; // predict mode: where the gradient goes is the question

    for (const Contribution &c : st.contributions) {
        if (!l.has(StageGrid::InputGradient, c.row, c.col))
            continue;
        const QRectF rect = l.rect(StageGrid::InputGradient, c.row, c.col);
        frameCell(p, rect, kGradient, std::max(2.0, 0.06 * s), 0.06 * s, appear, true);
        auto [text, px] = amountNote(l.amountFormat(), c.amount, s, fit);
        if (m_trace.phase == Phase::Unpool && !text.isEmpty()) // placed, not added
            text = QStringLiteral("→") + (text.startsWith(QLatin1Char('+')) ? text.mid(1) : text);
        if (l.numbers && !text.isEmpty()) {
            p.setFont(stageFont(px, true));
            p.setPen(withAlpha(kGradientText, appear));
            p.drawText(QRectF(rect.left(), rect.top() + 0.07 * s, s, 0.3 * s), Qt::AlignCenter,
                       text);
        }
    }
    const Link k = link(l, step);
    drawLink(p, k.shape, kGradient, k.width, std::max(appear, 0.15));
}

void StageRenderer::paintText(QPainter &p, const Layout &l, const StageView &view, int step) const
{
    if (view.showCaption && !l.caption.isEmpty()) {
        const QString text = captionForDisplay(
            localeNumbers(view.conceal ? view.prompt
                          : step < 0   ? readyCaption()
                                       : qs(m_trace.steps[std::size_t(step)].caption)));
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
    if (view.showFormula && !l.formula.isEmpty() && !(view.conceal && step < 0)) {
        const Geometry &g = m_trace.geometry();
        const QString rows = qs(outputSizeFormula(g.params, g.inH(), g.inW(), Axis::Rows));
        const QString cols = qs(outputSizeFormula(g.params, g.inH(), g.inW(), Axis::Cols));
        const QString text = localeNumbers(
            rows == cols
                ? StageRenderer::tr("Output size (rows and columns):  %1").arg(rows)
                : StageRenderer::tr("Output rows:  %1\nOutput columns:  %2").arg(rows, cols));
        double px = l.formulaPx;
        TextFit fit;
        for (const QString &line : text.split(QLatin1Char('\n')))
            px = std::min(px, fit.fit(line, l.formulaPx, l.formula.width() * 0.96));
        p.setFont(stageFont(px));
        p.setPen(kMuted);
        p.drawText(l.formula, Qt::AlignHCenter | Qt::AlignTop, text);
    }
}

// ---------------------------------------------------------------------------------------------
// Legend, notes and the numbers' text

namespace {

enum class Swatch
{
    Window,
    Winner,
    Padding,
    Uncovered,
    Overhang,
    Gradient,
    Hover,
    Unfilled
};

struct LegendEntry
{
    Swatch swatch;
    QString text;
};

/// The legend for what this trace draws: an entry only for the marks it can show.
std::vector<LegendEntry> legendFor(const Trace &trace, const StageView &view, bool numbers)
{
    const Geometry &g = trace.geometry();
    const PoolParams &params = g.params;
    const bool backward = trace.phase != Phase::Forward;
    std::vector<LegendEntry> entries;
    entries.push_back({Swatch::Window, StageRenderer::tr("window")});
    if (params.mode == PoolMode::Max || params.mode == PoolMode::Min)
        entries.push_back({Swatch::Winner, params.mode == PoolMode::Min
                                               ? StageRenderer::tr("ring: the minimum")
                                               : StageRenderer::tr("ring: the maximum")});
    if (!(g.resolvedPadding() == Padding{})) {
        QString text;
        switch (params.mode) {
        case PoolMode::Max:
            text = StageRenderer::tr("grey: padding, −∞ (never wins)");
            break;
        case PoolMode::Min:
            text = StageRenderer::tr("grey: padding, +∞ (never wins)");
            break;
        case PoolMode::Avg:
            text = params.countIncludePad && !params.divisorOverride &&
                           params.paddingMode == PaddingMode::Explicit
                       ? StageRenderer::tr("grey: padding, 0, counted in the divisor")
                       : StageRenderer::tr("grey: padding, 0, not counted (not boxed)");
            break;
        case PoolMode::Lp:
            text = StageRenderer::tr("grey: padding, left out");
            break;
        }
        entries.push_back({Swatch::Padding, text});
    }
    bool uncovered = false;
    for (int r = 0; r < g.inH() && !uncovered; ++r)
        for (int c = 0; c < g.inW() && !uncovered; ++c)
            uncovered = g.coverage(r, c) == 0;
    if (uncovered)
        entries.push_back(
            {Swatch::Uncovered, StageRenderer::tr("hatched: no window reads this cell")});
    bool overhang = false;
    // Only the last window can reach past the padding: O(1) per axis.
    if (g.rows.out > 0)
        overhang = g.rows.last(g.rows.out - 1) >= g.inH() + g.rows.padAfter;
    if (g.cols.out > 0)
        overhang = overhang || g.cols.last(g.cols.out - 1) >= g.inW() + g.cols.padAfter;
    if (overhang)
        entries.push_back(
            {Swatch::Overhang, StageRenderer::tr("dashed: past the edge (ceil mode), never read")});
    if (backward)
        entries.push_back(
            {Swatch::Gradient,
             StageRenderer::tr("green: gradient added now; ×n: windows that added so far")});
    if (!numbers && !backward)
        entries.push_back({Swatch::Unfilled, StageRenderer::tr("pale blue: not computed yet")});
    entries.push_back(
        {Swatch::Hover, StageRenderer::tr("purple: under the mouse, with what it reads or feeds")});
    Q_UNUSED(view);
    return entries;
}

void paintSwatch(QPainter &p, const QRectF &r, Swatch swatch)
{
    p.save();
    p.setBrush(Qt::NoBrush);
    const double w = std::max(1.5, r.width() * 0.12);
    switch (swatch) {
    case Swatch::Window:
        p.fillRect(r, Qt::white);
        p.setPen(QPen(kWindow, w));
        p.drawRoundedRect(r.adjusted(w / 2, w / 2, -w / 2, -w / 2), r.width() * 0.18,
                          r.width() * 0.18);
        break;
    case Swatch::Winner:
        p.setPen(QPen(kWinner, w));
        p.drawEllipse(r.center(), r.width() * 0.42, r.width() * 0.42);
        break;
    case Swatch::Padding:
        p.fillRect(r, kPaddingFill);
        hatch(p, r, kPaddingHatch, std::max(3.0, r.width() / 4), 1.0);
        p.setPen(QPen(kFaint, 1, Qt::DashLine));
        p.drawRect(r);
        break;
    case Swatch::Uncovered:
        p.fillRect(r, Qt::white);
        hatch(p, r, kUncoveredHatch, std::max(3.0, r.width() / 4), 1.2);
        p.setPen(QPen(kGridLine, 1));
        p.drawRect(r);
        break;
    case Swatch::Overhang:
        p.setPen(QPen(kMuted, 1.2, Qt::DashLine));
        p.drawRect(r);
        break;
    case Swatch::Gradient:
        p.fillRect(r, kGradPos);
        p.setPen(QPen(kGradient, w));
        p.drawRect(r.adjusted(w / 2, w / 2, -w / 2, -w / 2));
        break;
    case Swatch::Hover:
        p.setPen(QPen(kHover, w));
        p.setBrush(withAlpha(kHover, 0.08));
        p.drawRoundedRect(r.adjusted(w / 2, w / 2, -w / 2, -w / 2), r.width() * 0.14,
                          r.width() * 0.14);
        break;
    case Swatch::Unfilled:
        p.fillRect(r, kUnfilled);
        p.setPen(QPen(kGridLine, 1));
        p.drawRect(r);
        break;
    }
    p.restore();
}

} // namespace

QStringList StageRenderer::legendEntries(const StageView &view) const
{
    const Layout l = layout(QRectF(0, 0, 1280, 720), view);
    QStringList out;
    for (const LegendEntry &e : legendFor(m_trace, view, l.numbers))
        out << e.text;
    return out;
}

StageRenderer::TextSizes StageRenderer::textSizes(const QRectF &target, const StageView &view) const
{
    TextSizes sizes;
    const Layout l = layout(target, view);
    if (!l.valid)
        return sizes;
    const double s = l.cell;
    sizes.index = l.indexPx;
    sizes.winnerBadge = badgePx(s);
    sizes.windowBadge = windowBadgePx(s);
    sizes.count = badgePx(s);
    sizes.pastEdge = pastEdgePx(s);
    if (l.numbers) {
        TextFit fit;
        for (const Step &st : m_trace.steps)
            for (const Contribution &c : st.contributions) {
                const auto [text, px] = amountNote(l.amountFormat(), c.amount, s, fit);
                if (!text.isEmpty())
                    sizes.amount = sizes.amount > 0 ? std::min(sizes.amount, px) : px;
            }
    }
    return sizes;
}

QStringList StageRenderer::notes() const
{
    return stageNotes(m_trace);
}

bool StageRenderer::numbersCramped(const QRectF &target, const StageView &view) const
{
    const Layout l = layout(target, view);
    return l.valid && (!l.numbers || l.precisionLost);
}

QString StageRenderer::numberText(StageGrid grid, double value, const QRectF &target,
                                  const StageView &view) const
{
    const Layout l = layout(target, view);
    return l.valid && l.numbers ? l.format(grid).text(value) : QString();
}

QList<QPair<QColor, QColor>> StageRenderer::textColours()
{
    return {{kText, Qt::white},     {kText, kHeatHigh},        {kText, kGradPos},
            {kText, kGradNeg},      {kText, kNaNFill},         {kTitle, Qt::white},
            {kMuted, Qt::white},    {kMuted, kPaddingFill},    {kFaint, Qt::white},
            {kFaint, kPaddingFill}, {kGradientText, kGradPos}, {kGradientText, Qt::white},
            {Qt::white, kWindow},   {Qt::white, kWinner}};
}

void StageRenderer::paintLegend(QPainter &p, const Layout &l, const StageView &view) const
{
    if (!view.legend || l.legend.isEmpty())
        return;
    const std::vector<LegendEntry> entries = legendFor(m_trace, view, l.numbers);
    const QStringList noteLines = notes();
    const double lineH = l.legendPx * 1.6;
    TextFit fit;
    // Entries flow left to right over two lines, centred; they shrink together if need be.
    const double gap = l.legendPx * 1.4;
    // Widths measured with the font drawn (hinting makes small text wider than scaled widths).
    auto textW = [](const QString &text, double px) {
        return QFontMetricsF(stageFont(px)).horizontalAdvance(text);
    };
    auto entryW = [&](const LegendEntry &e, double px) {
        return px * 1.1 + px * 0.4 + textW(e.text, px);
    };
    double px = l.legendPx;
    std::vector<std::vector<std::size_t>> lines;
    for (int attempt = 0; attempt < 12; ++attempt) {
        lines.assign(1, {});
        double x = 0;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const double w = entryW(entries[i], px);
            if (x > 0 && x + gap + w > l.legend.width()) {
                lines.emplace_back();
                x = 0;
            }
            x += (x > 0 ? gap : 0) + w;
            lines.back().push_back(i);
        }
        if (lines.size() <= 2 || px < 9)
            break;
        px *= 0.92;
    }
    p.save();
    p.setFont(stageFont(px));
    double y = l.legend.top();
    for (const auto &line : lines) {
        double width = 0;
        for (std::size_t k = 0; k < line.size(); ++k)
            width += (k ? gap : 0) + entryW(entries[line[k]], px);
        double x = l.legend.center().x() - width / 2;
        for (std::size_t i : line) {
            const QRectF sw(x, y + (lineH - px * 1.1) / 2, px * 1.1, px * 1.1);
            paintSwatch(p, sw, entries[i].swatch);
            p.setPen(kMuted);
            const double tw = textW(entries[i].text, px);
            p.drawText(QRectF(sw.right() + px * 0.4, y, tw + 2, lineH),
                       Qt::TextDontClip | Qt::AlignLeft | Qt::AlignVCenter, entries[i].text);
            x += entryW(entries[i], px) + gap;
        }
        y += lineH;
    }
    if (lines.size() < 2)
        y += lineH;
    for (const QString &note : noteLines) {
        const QString text = StageRenderer::tr("Note: %1").arg(note);
        const double full = textW(text, l.legendPx);
        const double notePx = std::max(
            6.0, full > l.legend.width() ? l.legendPx * l.legend.width() / full : l.legendPx);
        p.setFont(stageFont(notePx));
        p.setPen(kText);
        p.drawText(QRectF(l.legend.left(), y, l.legend.width(), lineH),
                   Qt::AlignCenter | Qt::TextDontClip, text);
        y += lineH;
    }
    p.restore();
}

} // namespace poolviz

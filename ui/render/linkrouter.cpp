#include "linkrouter.h"

#include "stagestyle.h"

#include <QPainterPathStroker>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <queue>

namespace poolviz::stage {

namespace {

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

} // namespace

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

} // namespace poolviz::stage

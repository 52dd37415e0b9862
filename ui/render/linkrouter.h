#pragma once

// The link arrow's router: an orthogonal path on lanes (cell boundaries and the gutters around
// the grids) from a source outline to target cells that keeps clear of the stage's text. Pure
// geometry on rectangles: it knows nothing of traces or grids. Internal to poolviz_render.

#include <QColor>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>

#include <vector>

namespace poolviz::stage {

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

/// Routes a link from spec.from to spec.to around spec.text (see LinkSpec) by Dijkstra over the
/// lanes' crossings: length (dearer inside grids, dearest off their cell boundaries), bends and
/// off-centre ends all cost. Entry into the target is head-on through a side (the head outside
/// the cell) or, for a cell hemmed in by its neighbours, along a cell boundary with the head
/// turning into the cell. Returns an invalid shape if no clear route exists.
[[nodiscard]] LinkShape routeLink(const LinkSpec &spec);

/// The ink of a link: the line with its white halo, the head and the start dot.
[[nodiscard]] QPainterPath linkInk(const LinkShape &shape, double width);

/// Draws a link shape: white halo, line, head and start dot.
void drawLink(QPainter &p, const LinkShape &shape, const QColor &color, double width, double alpha);

} // namespace poolviz::stage

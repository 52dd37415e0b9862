// The link arrow of each step: from the window to the output cell it fills (forward), or from the
// upstream cell to the input-gradient cells it reaches (backward), routed by linkrouter.

#include "stagelayout.h"

#include <algorithm>
#include <cmath>

namespace poolviz {

using namespace stage;

namespace {

/// Whether a step rings its winner (max, min, a tie or a NaN).
bool ringsWinner(const Step &st)
{
    return (st.rule == StepRule::Single || st.rule == StepRule::Tie || st.rule == StepRule::NaN) &&
           !st.winners.empty();
}

} // namespace

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
    // A gradient cell's "×n" badge (how many windows added to it), as paintGrid() draws it.
    const auto addTimesBadge = [&](const QRectF &rect, int count) {
        const double px = badgePx(s);
        const double tw = fit.width(QStringLiteral("×%1").arg(count), px, true);
        const QRectF box = timesRect(rect, s);
        spec.text.push_back(QRectF(box.right() - tw, box.bottom() - 0.97 * px, tw, 0.85 * px));
    };
    const QString padText = paddingValueText(g.params.mode);
    const double numberPx = stage::numberPx(s);
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
                    const TapKind kind = g.cellKind(r, c);
                    if (kind == TapKind::Input)
                        addNumber(rect,
                                  cellNumber(l.format(StageGrid::Input), m_trace.input.at(r, c)),
                                  numberPx);
                    else if (kind == TapKind::Padding)
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
                    if (counted)
                        addTimesBadge(rect, count);
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
            if (counted)
                addTimesBadge(rect, count);
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

} // namespace poolviz

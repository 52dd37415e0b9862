// The stage's cells: the grids with their values, padding ring and indices, the hover highlight,
// the current window with its badges, and the backward pass's contributions.

#include "stagelayout.h"

#include <algorithm>
#include <cmath>

namespace poolviz {

using namespace stage;

namespace {

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

void StageRenderer::paintGrid(QPainter &p, const Layout &l, StageGrid grid, const StageView &view,
                              int step) const
{
    const GridBox &b = l.box(grid);
    const Geometry &g = m_trace.geometry();
    const double s = l.cell;
    const int inH = m_trace.input.h(), inW = m_trace.input.w();
    TextFit fit;
    const double numberPx = stage::numberPx(s);
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
                if (g.cellKind(r, c) == TapKind::Input) {
                    p.fillRect(rect, heatColor(m_trace.input.at(r, c), valueRange, l.numbers));
                } else if (g.cellKind(r, c) == TapKind::Padding) {
                    p.fillRect(rect, kPaddingFill);
                }
            }
        }
        p.setRenderHint(QPainter::Antialiasing, true);
        for (int r = b.row0; r < b.row0 + b.rows; ++r) {
            for (int c = b.col0; c < b.col0 + b.cols; ++c) {
                const QRectF rect = l.rect(grid, r, c);
                if (g.cellKind(r, c) == TapKind::Input) {
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
                } else if (g.cellKind(r, c) == TapKind::Padding) {
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
                    if (g.cellKind(r, c) != TapKind::Input)
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
        params.hasArgmax() ||
        (params.mode == PoolMode::Avg && params.divisorCountsPadding() && !params.divisorOverride);
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
            const double width = first ? std::max(2.5, 0.075 * s) : std::max(1.5, 0.045 * s);
            // The ring (and the winner's white halo) and the badge go around the number, never
            // over it: in cells under about 25 px the lines' minimum widths and the badge's
            // minimum size would otherwise cover the digits of the one number the step is about.
            QSizeF number;
            if (l.numbers) {
                const QString text =
                    cellNumber(l.format(StageGrid::Input), m_trace.input.at(t.row, t.col));
                const double px = fit.fit(text, numberPx(s), s * numberRoom(s));
                number = QSizeF(fit.width(text, px), fit.capHeight(px));
            }
            // At most the cell's own circle: wider still, the halo would cover the neighbours'
            // digits (the window's other taps), and a long number's ends are the lesser loss.
            const double halo = first ? width + 3 : width;
            const double radius = std::clamp(
                std::hypot(number.width(), number.height()) / 2 + halo / 2 + 1, 0.44 * s, 0.5 * s);
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
                const QString text = winnerBadgeText(st, g.params);
                const double px = badgePx(s);
                const double half = badgeRect({}, text, px, fit).height() / 2 + badgeLinePx(px) / 2;
                const double lowest = rect.center().y() - number.height() / 2 - 1 - half;
                badge(p, QPointF(rect.center().x(), std::min(rect.top() + 0.06 * s, lowest)), text,
                      px, kWinner, fit, appear);
            }
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

} // namespace poolviz

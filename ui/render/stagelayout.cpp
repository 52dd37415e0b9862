// The stage's layout: which grids show and how they are arranged, the cell size that fits the
// target, where titles, caption, formula and legend go, how each grid writes its numbers, and hit
// testing against that layout.

#include "stagelayout.h"
#include "coremessage.h"

#include "frameworks.h"
#include "windowrules.h"

#include <algorithm>
#include <cmath>

namespace poolviz {

using namespace stage;

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

QString opName(const PoolParams &params)
{
    if (params.mode == PoolMode::Lp)
        return QStringLiteral("L") + superscript(params.p);
    return qs(modeName(params.mode));
}

} // namespace

QStringList stage::stageNotes(const Trace &trace)
{
    const Geometry &g = trace.geometry();
    QStringList notes;
    for (const Message &w : g.validation.warnings)
        notes << coreMessageText(w);
    if (g.ok())
        for (const FrameworkAnswer &a : explainFrameworks(g.params, g.inH(), g.inW()))
            if (a.framework != Framework::NumPy && a.support != Support::Native &&
                !a.reasons.empty())
                notes << QString::fromStdString(a.name) + QStringLiteral(": ") +
                             coreMessageText(a.reasons.front());
    constexpr int kMost = 4;
    if (notes.size() > kMost) {
        const int more = int(notes.size()) - (kMost - 1);
        notes.resize(kMost - 1);
        notes << StageRenderer::tr("%1 more in the Frameworks panel").arg(more);
    }
    return notes;
}

namespace {

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

StageRenderer::StageRenderer(const Trace &trace) : m_trace(trace) {}

StageRenderer::Layout StageRenderer::layout(const QRectF &target) const
{
    return layout(target, StageView{});
}

StageRenderer::Layout StageRenderer::layout(const QRectF &target, const StageView &view) const
{
    Layout l;
    const Geometry &g = m_trace.geometry();
    if (!g.ok() || g.outH() < 1 || g.outW() < 1 || m_trace.input.empty())
        return l;
    LayoutPlan plan = makePlan(m_trace, view);

    // The arrangement with the largest cells wins; cells never grow beyond a quarter of the
    // target's short side (a 1×1 input should not fill the screen with one cell).
    const double cap = std::max(2.0, std::min(target.width(), target.height()) / 4.0);
    double best = -1;
    std::size_t chosen = 0;
    const auto fitBest = [&] {
        best = -1;
        for (std::size_t a = 0; a < plan.arrangements.size(); ++a) {
            const double s = fitCell(plan, plan.arrangements[a], target.size(), cap);
            if (s > best + 0.5) {
                best = s;
                chosen = a;
            }
        }
    };
    fitBest();
    bool formulaSplit = false;
    if (plan.formulaLines) {
        // A formula wider than the stage wraps: fit again with the lines it takes. Smaller cells
        // only shrink its font and widen the text area, so the count does not grow again.
        const double s0 = snapCell(std::max(best, 2.0));
        const Metrics m0(s0);
        const double width0 =
            std::max(target.width(), measure(plan, plan.arrangements[chosen], s0).width()) -
            2 * m0.margin;
        if (formulaLineCount(formulaText(m_trace), m0.formula, width0) > plan.formulaLines) {
            // Too wide for one line per axis: each label gets a line, its formula the next.
            formulaSplit = true;
            plan.formulaLines = formulaLineCount(formulaText(m_trace, true), m0.formula, width0);
            fitBest();
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
        const double px = numberPx(s), room = numberRoom(s) * s;
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
    l.formulaSplit = formulaSplit;

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

} // namespace poolviz

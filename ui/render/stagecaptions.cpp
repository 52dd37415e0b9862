// The stage's words: the caption (ready and per step), the output-size formula, the legend of
// marks and the notes.

#include "coremessage.h"
#include "stagelayout.h"
#include "windowrules.h"

#include <QLocale>

#include <algorithm>

namespace poolviz {

using namespace stage;

namespace {

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
    if (params.hasArgmax())
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
            text = params.divisorCountsPadding() && !params.divisorOverride
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

void StageRenderer::paintText(QPainter &p, const Layout &l, const StageView &view, int step) const
{
    if (view.showCaption && !l.caption.isEmpty()) {
        const QString text = captionForDisplay(
            localeNumbers(view.conceal ? view.prompt
                          : step < 0   ? readyCaption()
                                     : captionText(m_trace.steps[std::size_t(step)].captionParts)));
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
        // Never shrunk: the layout reserved the lines it wraps to (see formulaLineCount).
        p.setFont(stageFont(l.formulaPx));
        p.setPen(kMuted);
        p.drawText(l.formula, kFormulaFlags, formulaText(m_trace, l.formulaSplit));
    }
}

QString stage::formulaText(const Trace &trace, bool split)
{
    const Geometry &g = trace.geometry();
    const QString rows =
        captionText(outputSizeFormulaCaption(g.params, g.inH(), g.inW(), Axis::Rows));
    const QString cols =
        captionText(outputSizeFormulaCaption(g.params, g.inH(), g.inW(), Axis::Cols));
    QString text = rows == cols
                       ? StageRenderer::tr("Output size (rows and columns):  %1").arg(rows)
                       : StageRenderer::tr("Output rows:  %1\nOutput columns:  %2").arg(rows, cols);
    if (split) // each label on a line of its own, its formula under it
        text.replace(QStringLiteral(":  "), QStringLiteral(":\n"));
    return StageRenderer::captionForDisplay(StageRenderer::localeNumbers(text));
}

int stage::formulaLineCount(const QString &text, double px, double width)
{
    const QFontMetricsF fm(stageFont(px));
    const QRectF need = fm.boundingRect(QRectF(0, 0, width, 1e6), kFormulaFlags, text);
    return std::max(1, int(std::ceil(need.height() / fm.lineSpacing() - 0.01)));
}

QStringList StageRenderer::legendEntries(const StageView &view) const
{
    const Layout l = layout(QRectF(0, 0, 1280, 720), view);
    QStringList out;
    for (const LegendEntry &e : legendFor(m_trace, view, l.numbers))
        out << e.text;
    return out;
}

QStringList StageRenderer::notes() const
{
    return stageNotes(m_trace);
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

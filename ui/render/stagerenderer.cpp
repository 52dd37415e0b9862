// StageRenderer's entry points: render and paint (which call the parts in stagecells.cpp,
// stagelinks.cpp and stagecaptions.cpp over the layout of stagelayout.cpp), its colours and the
// sizes and texts tests and the window ask for.

#include "stagerenderer.h"
#include "coremessage.h"

#include "stagelayout.h"

#include <algorithm>

namespace poolviz {

using namespace stage;

QImage StageRenderer::render(const QSize &size, const StageView &view) const
{
    QImage image(size.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(image.size())), view);
    painter.end();
    return image;
}

void StageRenderer::paint(QPainter &p, const QRectF &target, const StageView &view) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(target, Qt::white);
    const Layout l = layout(target, view);
    if (!l.valid) {
        const Geometry &g = m_trace.geometry();
        QString why = coreMessageText(g.validation.errors);
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
    sizes.formula = l.formula.isEmpty() ? 0 : l.formulaPx;
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

} // namespace poolviz

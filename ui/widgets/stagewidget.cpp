#include "stagewidget.h"

#include "numbertext.h"
#include "pooldocument.h"

#include <QAccessible>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>

#include <algorithm>

namespace poolviz {

namespace {

QString num(double v)
{
    return screenNumber(v);
}

QString cellList(const std::vector<std::pair<int, int>> &cells, int limit = 8)
{
    QStringList parts;
    for (std::size_t i = 0; i < cells.size() && int(i) < limit; ++i)
        parts << QStringLiteral("(%1, %2)").arg(cells[i].first).arg(cells[i].second);
    if (int(cells.size()) > limit)
        parts << StageWidget::tr("… %1 more").arg(int(cells.size()) - limit);
    return parts.join(QStringLiteral(", "));
}

} // namespace

StageWidget::StageWidget(PoolDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_motion(new QVariantAnimation(this))
{
    setObjectName(QStringLiteral("stage"));
    setAccessibleName(tr("Pooling stage"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_motion->setStartValue(0.0);
    m_motion->setEndValue(1.0);
    m_motion->setDuration(320);
    m_motion->setEasingCurve(QEasingCurve::InOutCubic);
    connect(m_motion, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        m_view.motion = v.toDouble();
        update();
    });
    connect(document, &PoolDocument::traceChanged, this, &StageWidget::onTraceChanged);
    connect(document, &PoolDocument::stepChanged, this, &StageWidget::onStepChanged);
    onTraceChanged();
}

StageWidget::~StageWidget() = default;

std::vector<Tap> StageWidget::currentWindow() const
{
    if (!m_trace || m_view.step < 0 || m_view.step >= int(m_trace->steps.size()))
        return {};
    return m_trace->steps[std::size_t(m_view.step)].taps;
}

void StageWidget::setSmoothMotion(bool smooth)
{
    m_smooth = smooth;
    if (!smooth && m_motion->state() == QAbstractAnimation::Running) {
        m_motion->stop();
        m_view.motion = 1.0;
        update();
    }
}

void StageWidget::setFractions(bool on)
{
    m_view.fractions = on;
    update();
}

bool StageWidget::numbersCramped() const
{
    return m_renderer && m_renderer->numbersCramped(stageRect(), m_view);
}

void StageWidget::setLegendShown(bool on)
{
    m_view.legend = on;
    update();
}

void StageWidget::setCaptionShown(bool on)
{
    m_view.showCaption = on;
    m_view.showFormula = on;
    updateGeometry();
    update();
}

void StageWidget::setMotionDuration(int ms)
{
    m_motion->setDuration(std::max(1, ms));
}

bool StageWidget::isAnimating() const
{
    return m_motion->state() == QAbstractAnimation::Running;
}

void StageWidget::onTraceChanged()
{
    m_motion->stop();
    // The renderer keeps a reference to the trace: keep the trace alive as long as it.
    m_renderer.reset();
    m_trace = m_document->trace();
    if (m_trace)
        m_renderer = std::make_unique<StageRenderer>(*m_trace);
    m_view.step = m_document->step();
    m_view.motion = 1.0;
    m_view.hover.reset();
    // Multi-channel inputs: the titles name the channel traced ("channel 2", "sample 1,
    // channel 0"), the word the channel chooser and the captions use.
    const Tensor &input = m_document->input();
    const int channels = std::max(1, input.c()), plane = m_document->plane();
    const QString channel =
        m_document->channelNames().value(plane % channels, QString::number(plane % channels));
    m_view.planeName = input.planeCount() < 2 ? QString()
                       : input.n() > 1
                           ? tr("sample %1, channel %2").arg(plane / channels).arg(channel)
                           : tr("channel %1").arg(channel);
    updateGeometry();
    updateAccessibleDescription();
    update();
}

void StageWidget::onStepChanged(int step, int previous)
{
    m_view.step = step;
    if (m_smooth && step == previous + 1 && step > 0 && isVisible()) {
        m_motion->stop();
        m_view.motion = 0.0;
        m_motion->start();
    } else {
        m_motion->stop();
        m_view.motion = 1.0;
    }
    updateAccessibleDescription();
    update();
}

void StageWidget::updateAccessibleDescription()
{
    setAccessibleDescription(m_document->caption());
}

QRectF StageWidget::stageRect() const
{
    return QRectF(rect()).adjusted(8, 8, -8, -8);
}

QSize StageWidget::sizeHint() const
{
    if (!m_renderer)
        return {800, 560};
    return m_renderer->preferredSize().boundedTo(QSize(1400, 900)).expandedTo(QSize(480, 320));
}

QSize StageWidget::minimumSizeHint() const
{
    return {320, 220};
}

void StageWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_renderer)
        m_renderer->paint(painter, stageRect(), m_view);
    else
        paintError(painter);
    if (hasFocus()) {
        QPen pen(palette().color(QPalette::Highlight), 2);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
}

void StageWidget::paintError(QPainter &painter)
{
    const QString message = m_document->traceError();
    const QRectF area = stageRect();
    QFont titleFont = font();
    titleFont.setPointSizeF(std::clamp(area.height() / 22.0, 14.0, 26.0));
    titleFont.setBold(true);
    QFont bodyFont = font();
    bodyFont.setPointSizeF(std::clamp(area.height() / 30.0, 11.0, 20.0));

    const double width = std::min(area.width() - 40, 900.0);
    const QFontMetricsF titleMetrics(titleFont);
    const QFontMetricsF bodyMetrics(bodyFont);
    const QString title = tr("No output with these parameters");
    const QString hint = tr("Change the kernel, stride, padding, dilation or ceil mode in the "
                            "Pooling panel; Undo (Ctrl+Z) goes back.");
    const QRectF bodyBounds =
        bodyMetrics.boundingRect(QRectF(0, 0, width - 48, 10000), Qt::TextWordWrap, message);
    const QRectF hintBounds =
        bodyMetrics.boundingRect(QRectF(0, 0, width - 48, 10000), Qt::TextWordWrap, hint);
    const double height =
        32 + titleMetrics.height() + 16 + bodyBounds.height() + 16 + hintBounds.height() + 32;
    const QRectF card(area.center().x() - width / 2, area.center().y() - height / 2, width, height);
    painter.setPen(QPen(QColor(0xb0, 0x00, 0x20), 2));
    painter.setBrush(QColor(0xff, 0xf1, 0xf3));
    painter.drawRoundedRect(card, 12, 12);
    double y = card.top() + 32;
    painter.setFont(titleFont);
    painter.setPen(QColor(0x8a, 0x00, 0x18));
    painter.drawText(QRectF(card.left() + 24, y, width - 48, titleMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, title);
    y += titleMetrics.height() + 16;
    painter.setFont(bodyFont);
    painter.setPen(QColor(0x20, 0x20, 0x20));
    painter.drawText(QRectF(card.left() + 24, y, width - 48, bodyBounds.height()), Qt::TextWordWrap,
                     message);
    y += bodyBounds.height() + 16;
    painter.setPen(QColor(0x55, 0x55, 0x55));
    painter.drawText(QRectF(card.left() + 24, y, width - 48, hintBounds.height()), Qt::TextWordWrap,
                     hint);
}

int StageWidget::stepOfOutput(int row, int col) const
{
    if (!m_trace)
        return -1;
    for (const Step &s : m_trace->steps)
        if (s.outRow == row && s.outCol == col)
            return s.index;
    return -1;
}

QString StageWidget::uncoveredReason(int row, int col) const
{
    const Geometry &g = m_trace->geometry();
    const bool rowSkipped = g.rows.coverage[std::size_t(row)] == 0;
    const AxisGeometry &axis = rowSkipped ? g.rows : g.cols;
    const int pos = rowSkipped ? row : col;
    // Inside the span of some window but between its taps: the dilation leaves it out.
    bool insideSpan = false;
    for (int o = 0; o < axis.out; ++o)
        if (axis.start(o) <= pos && pos <= axis.last(o))
            insideSpan = true;
    QString reason = insideSpan && axis.dilation > 1
                         ? tr("the dilation %1 skips it").arg(axis.dilation)
                         : tr("the stride %1 skips it").arg(axis.stride);
    QString text = tr("No window covers row %1, column %2: %3").arg(row).arg(col).arg(reason);
    if (!insideSpan && !g.params.ceilMode && !g.params.isAdaptive()) {
        PoolParams ceil = g.params;
        ceil.ceilMode = true;
        const Geometry alt = computeGeometry(ceil, g.inH(), g.inW());
        if (alt.ok() && alt.coverage(row, col) > 0)
            text += tr(" (ceil mode would add a partial window that covers it)");
    }
    return text;
}

QString StageWidget::describeCell(const StageCell &cell) const
{
    if (!m_trace)
        return {};
    const Trace &t = *m_trace;
    const Geometry &g = t.geometry();
    const bool backward = t.phase == Phase::Backward;
    switch (cell.grid) {
    case StageGrid::Input: {
        const bool inside =
            cell.row >= 0 && cell.col >= 0 && cell.row < g.inH() && cell.col < g.inW();
        if (!inside) {
            const PoolMode mode = g.params.mode;
            QString as;
            if (mode == PoolMode::Max)
                as = tr("max reads it as −∞, so it never wins");
            else if (mode == PoolMode::Min)
                as = tr("min reads it as +∞, so it never wins");
            else if (mode == PoolMode::Avg)
                as = g.params.countIncludePad && g.params.paddingMode == PaddingMode::Explicit &&
                             !g.params.divisorOverride
                         ? tr("average adds 0 and counts it in the divisor (count_include_pad)")
                         : tr("average adds 0 and does not count it in the divisor");
            else
                as = tr("Lp leaves it out");
            return tr("Padding at row %1, column %2: %3").arg(cell.row).arg(cell.col).arg(as);
        }
        const float v = t.input.at(cell.row, cell.col);
        if (g.coverage(cell.row, cell.col) == 0)
            return uncoveredReason(cell.row, cell.col) + tr(" (value %1)").arg(num(v));
        const auto outputs = g.outputsReading(cell.row, cell.col);
        QString text = tr("Input row %1, column %2 = %3\nRead by %n window(s): output ", nullptr,
                          int(outputs.size()))
                           .arg(cell.row)
                           .arg(cell.col)
                           .arg(num(v)) +
                       cellList(outputs);
        if (backward && !t.inputGradient.empty())
            text += tr("\nIts gradient after this step: %1 (final %2)")
                        .arg(num(t.gradientAfter(m_view.step).at(cell.row, cell.col)))
                        .arg(num(t.inputGradient.at(cell.row, cell.col)));
        return text;
    }
    case StageGrid::Output: {
        const int step = stepOfOutput(cell.row, cell.col);
        if (step < 0)
            return {};
        const Step &s = t.steps[std::size_t(step)];
        QString text =
            tr("Output row %1, column %2 = %3").arg(cell.row).arg(cell.col).arg(num(s.output));
        if (!backward && step > m_view.step)
            text += tr("\nFilled at step %1 of %2 (click to go there)")
                        .arg(step + 1)
                        .arg(t.steps.size());
        else
            text += QStringLiteral("\n") + QString::fromStdString(s.caption);
        return text;
    }
    case StageGrid::Upstream: {
        const int step = stepOfOutput(cell.row, cell.col);
        if (t.upstream.empty() || step < 0)
            return {};
        return tr("Upstream gradient ∂L/∂y at output (%1, %2) = %3\nIt flows back at step %4 of %5 "
                  "(click to go there)")
            .arg(cell.row)
            .arg(cell.col)
            .arg(num(t.upstream.at(cell.row, cell.col)))
            .arg(step + 1)
            .arg(t.steps.size());
    }
    case StageGrid::InputGradient: {
        if (t.inputGradient.empty() || cell.row < 0 || cell.col < 0 || cell.row >= g.inH() ||
            cell.col >= g.inW())
            return {};
        const auto outputs = g.outputsReading(cell.row, cell.col);
        return tr("Input gradient ∂L/∂x at row %1, column %2: %3 after this step, %4 in the end\n"
                  "Gradients can come from %n window(s): output ",
                  nullptr, int(outputs.size()))
                   .arg(cell.row)
                   .arg(cell.col)
                   .arg(num(t.gradientAfter(m_view.step).at(cell.row, cell.col)))
                   .arg(num(t.inputGradient.at(cell.row, cell.col))) +
               (outputs.empty() ? tr("none") : cellList(outputs));
    }
    }
    return {};
}

QString StageWidget::toolTipAt(const QPoint &pos) const
{
    if (!m_renderer)
        return m_document->traceError();
    const auto cell = m_renderer->hitTest(QPointF(pos), stageRect(), m_view);
    return cell ? describeCell(*cell) : QString();
}

void StageWidget::setHover(const std::optional<StageCell> &cell)
{
    if (cell == m_view.hover)
        return;
    m_view.hover = cell;
    update();
    emit hoverTextChanged(
        cell ? describeCell(*cell).replace(QLatin1Char('\n'), QStringLiteral(" — ")) : QString());
}

void StageWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_renderer)
        setHover(m_renderer->hitTest(event->position(), stageRect(), m_view));
    QWidget::mouseMoveEvent(event);
}

void StageWidget::mousePressEvent(QMouseEvent *event)
{
    if (m_renderer && event->button() == Qt::LeftButton) {
        const auto cell = m_renderer->hitTest(event->position(), stageRect(), m_view);
        if (cell && (cell->grid == StageGrid::Output || cell->grid == StageGrid::Upstream)) {
            const int step = stepOfOutput(cell->row, cell->col);
            if (step >= 0)
                m_document->setStep(step);
        }
    }
    QWidget::mousePressEvent(event);
}

void StageWidget::leaveEvent(QEvent *event)
{
    setHover(std::nullopt);
    QWidget::leaveEvent(event);
}

bool StageWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace poolviz

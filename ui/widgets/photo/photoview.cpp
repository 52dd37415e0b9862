#include "photoview.h"

#include "numbertext.h"
#include "photocamera.h"
#include "trace.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace poolviz {

namespace {

const QColor kBackground(43, 43, 46);
const QColor kCropColour(255, 214, 0);
const QColor kTapColour(0, 200, 255);
const QColor kWinnerColour(255, 64, 160);

/// Wheel steps of 120 units zoom by this factor.
constexpr double kWheelFactor = 1.25;

void paintCheckerboard(QPainter &painter, const QRectF &area)
{
    painter.save();
    painter.setClipRect(area, Qt::IntersectClip);
    painter.fillRect(area, QColor(204, 204, 204));
    const double s = 8;
    for (double y = std::floor(area.top() / s) * s; y < area.bottom(); y += s)
        for (double x = std::floor(area.left() / s) * s; x < area.right(); x += s)
            if ((int(std::floor(x / s)) + int(std::floor(y / s))) % 2 == 0)
                painter.fillRect(QRectF(x, y, s, s), QColor(245, 245, 245));
    painter.restore();
}

} // namespace

PhotoView::PhotoView(PhotoCamera *camera, const QString &name, QWidget *parent)
    : QWidget(parent), m_camera(camera), m_name(name)
{
    setMouseTracking(true);
    setMinimumSize(160, 120);
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::OpenHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(camera, &PhotoCamera::changed, this, qOverload<>(&QWidget::update));
}

void PhotoView::setContent(std::shared_ptr<const Tensor> values, const QImage &image,
                           const PhotoMapping &mapping, const QString &title,
                           const QStringList &channels)
{
    m_values = std::move(values);
    m_image = image;
    m_mapping = mapping;
    m_title = title;
    m_channels = channels;
    m_message.clear();
    update();
}

QStringList PhotoView::titleLines(const QString &title, const QFontMetricsF &metrics, qreal width)
{
    static const QString separator = QStringLiteral(" · ");
    QStringList lines;
    for (const QString &part : title.split(separator)) {
        if (!lines.isEmpty() && metrics.horizontalAdvance(lines.last() + separator + part) <= width)
            lines.last() += separator + part;
        else if (lines.isEmpty())
            lines << part;
        else
            lines << QStringLiteral("· ") + part;
    }
    return lines;
}

void PhotoView::clearContent(const QString &message)
{
    m_values.reset();
    m_image = QImage();
    m_message = message;
    m_marks.clear();
    update();
}

void PhotoView::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void PhotoView::setMarks(const std::vector<PhotoMark> &marks)
{
    if (marks == m_marks)
        return;
    m_marks = marks;
    update();
}

QSizeF PhotoView::cellSize() const
{
    const double z = m_camera ? m_camera->zoom() : 1.0;
    return {z * m_mapping.scaleX, z * m_mapping.scaleY};
}

bool PhotoView::showsValues() const
{
    const QSizeF cell = cellSize();
    return hasContent() && std::min(cell.width(), cell.height()) >= valueZoom;
}

QRectF PhotoView::visibleScene() const
{
    return QRectF(toScene(QPointF(0, 0)), toScene(QPointF(width(), height())));
}

QPointF PhotoView::toWidget(const QPointF &scene) const
{
    const double z = m_camera ? m_camera->zoom() : 1.0;
    const QPointF c = m_camera ? m_camera->centre() : QPointF();
    return (scene - c) * z + QPointF(width() / 2.0, height() / 2.0);
}

QPointF PhotoView::toScene(const QPointF &widget) const
{
    const double z = m_camera ? m_camera->zoom() : 1.0;
    const QPointF c = m_camera ? m_camera->centre() : QPointF();
    return (widget - QPointF(width() / 2.0, height() / 2.0)) / z + c;
}

std::optional<QPoint> PhotoView::pixelAt(const QPointF &pos) const
{
    if (!hasContent())
        return std::nullopt;
    const QPointF p = m_mapping.toImage(toScene(pos));
    const int col = int(std::floor(p.x()));
    const int row = int(std::floor(p.y()));
    if (col < 0 || row < 0 || col >= m_image.width() || row >= m_image.height())
        return std::nullopt;
    return QPoint(col, row);
}

QString PhotoView::valueText(int row, int col, int channel) const
{
    if (!m_values || channel >= m_values->planeCount() || row >= m_values->h() ||
        col >= m_values->w())
        return {};
    const float v = m_values->planeData(channel)[std::size_t(row) * m_values->w() + col];
    return screenNumber(v, 4);
}

QString PhotoView::describePixel(int row, int col) const
{
    if (!m_values)
        return {};
    QStringList parts;
    const int planes = m_values->planeCount();
    for (int c = 0; c < planes; ++c) {
        const QString name = c < m_channels.size() ? m_channels[c] : QString::number(c);
        parts << (planes == 1 ? valueText(row, col, c)
                              : QStringLiteral("%1 %2").arg(name, valueText(row, col, c)));
    }
    return tr("%1 · row %2, column %3: %4")
        .arg(m_name)
        .arg(row)
        .arg(col)
        .arg(parts.join(QLatin1Char(' ')));
}

void PhotoView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);

    if (hasContent() && m_camera) {
        // Only the pixels in view are drawn, so a 24-megapixel photo at 1:1 stays cheap.
        const QRectF scene = visibleScene();
        const QPointF a = m_mapping.toImage(scene.topLeft());
        const QPointF b = m_mapping.toImage(scene.bottomRight());
        const int c0 = std::clamp(int(std::floor(std::min(a.x(), b.x()))), 0, m_image.width());
        const int c1 = std::clamp(int(std::ceil(std::max(a.x(), b.x()))), 0, m_image.width());
        const int r0 = std::clamp(int(std::floor(std::min(a.y(), b.y()))), 0, m_image.height());
        const int r1 = std::clamp(int(std::ceil(std::max(a.y(), b.y()))), 0, m_image.height());
        if (c1 > c0 && r1 > r0) {
            const QRect pixels(c0, r0, c1 - c0, r1 - r0);
            const QRectF target(toWidget(m_mapping.toScene(QPointF(c0, r0))),
                                toWidget(m_mapping.toScene(QPointF(c1, r1))));
            if (m_image.hasAlphaChannel())
                paintCheckerboard(painter, target);
            painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
            painter.drawImage(target, m_image, QRectF(pixels));
            if (showsValues())
                paintValues(painter, pixels);
        }
        paintMarks(painter);
    } else if (!m_message.isEmpty()) {
        painter.setPen(QColor(220, 220, 220));
        painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                         m_message);
    }

    if (!m_title.isEmpty()) {
        QFont font = painter.font();
        font.setBold(true);
        painter.setFont(font);
        const QFontMetricsF fm(font);
        // A view narrower than its title (a side panel open at 1280×720) breaks it between its
        // " · " parts, so the output's size at the end stays on screen.
        const QStringList lines = titleLines(m_title, fm, width() - 24);
        qreal widest = 0;
        for (const QString &line : lines)
            widest = std::max(widest, fm.horizontalAdvance(line));
        const QRectF box(6, 6, widest + 12, fm.height() * lines.size() + 6);
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 170));
        painter.drawRoundedRect(box, 4, 4);
        painter.setPen(Qt::white);
        painter.drawText(box.adjusted(6, 3, -6, -3), Qt::AlignLeft | Qt::AlignVCenter,
                         lines.join(QLatin1Char('\n')));
    }
}

void PhotoView::paintValues(QPainter &painter, const QRect &pixels)
{
    const QSizeF cell = cellSize();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);

    // Grid lines between the pixels.
    painter.setPen(QPen(QColor(128, 128, 128, 160), 1));
    for (int c = pixels.left(); c <= pixels.right() + 1; ++c) {
        const double x = toWidget(m_mapping.toScene(QPointF(c, 0))).x();
        painter.drawLine(
            QPointF(x, toWidget(m_mapping.toScene(QPointF(0, pixels.top()))).y()),
            QPointF(x, toWidget(m_mapping.toScene(QPointF(0, pixels.bottom() + 1))).y()));
    }
    for (int r = pixels.top(); r <= pixels.bottom() + 1; ++r) {
        const double y = toWidget(m_mapping.toScene(QPointF(0, r))).y();
        painter.drawLine(
            QPointF(toWidget(m_mapping.toScene(QPointF(pixels.left(), 0))).x(), y),
            QPointF(toWidget(m_mapping.toScene(QPointF(pixels.right() + 1, 0))).x(), y));
    }

    // One line per channel; the font is as large as the cell allows.
    const int planes = m_values ? m_values->planeCount() : 0;
    if (planes == 0) {
        painter.restore();
        return;
    }
    const bool named = planes > 1;
    const double lineBudget = cell.height() / (planes + 0.6);
    const double charBudget = cell.width() / ((named ? 7.0 : 5.0) * 0.62);
    const double px = std::min({lineBudget, charBudget, 22.0});
    if (px < 7) {
        painter.restore();
        return;
    }
    QFont font = painter.font();
    font.setPixelSize(int(px));
    painter.setFont(font);
    const QFontMetricsF fm(font);
    for (int r = pixels.top(); r <= pixels.bottom(); ++r) {
        for (int c = pixels.left(); c <= pixels.right(); ++c) {
            const QRectF box(toWidget(m_mapping.toScene(QPointF(c, r))),
                             toWidget(m_mapping.toScene(QPointF(c + 1, r + 1))));
            const QRgb shown = m_image.pixel(c, r);
            const bool light = qAlpha(shown) < 128 || qGray(shown) >= 128;
            painter.setPen(light ? QColor(0, 0, 0) : QColor(255, 255, 255));
            QStringList lines;
            for (int p = 0; p < planes; ++p) {
                const QString v = valueText(r, c, p);
                lines << (named ? QStringLiteral("%1 %2").arg(
                                      p < m_channels.size() ? m_channels[p] : QString::number(p), v)
                                : v);
            }
            painter.drawText(box, Qt::AlignCenter, lines.join(QLatin1Char('\n')));
        }
    }
    painter.restore();
}

void PhotoView::paintMarks(QPainter &painter)
{
    if (m_marks.empty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    // Taps first, then the winner and the output on top of them, the crop last.
    const PhotoMark::Kind order[] = {PhotoMark::Tap, PhotoMark::Winner, PhotoMark::Output,
                                     PhotoMark::Crop, PhotoMark::Largest};
    for (PhotoMark::Kind kind : order) {
        for (const PhotoMark &mark : m_marks) {
            if (mark.kind != kind)
                continue;
            const QRectF r(toWidget(mark.scene.topLeft()), toWidget(mark.scene.bottomRight()));
            switch (kind) {
            case PhotoMark::Tap:
                painter.setPen(QPen(kTapColour, 2));
                painter.fillRect(r, QColor(0, 200, 255, 40));
                painter.drawRect(r.adjusted(1, 1, -1, -1));
                break;
            case PhotoMark::Winner: {
                painter.setPen(QPen(kWinnerColour, 3));
                painter.drawRect(r.adjusted(2, 2, -2, -2));
                // A diamond as well as the colour, so the winner reads in grayscale too.
                const QPointF c = r.center();
                const double s = std::min(r.width(), r.height()) * 0.18;
                if (s >= 2) {
                    QPainterPath diamond;
                    diamond.moveTo(c.x(), r.top() + 3);
                    diamond.lineTo(c.x() + s, r.top() + 3 + s);
                    diamond.lineTo(c.x(), r.top() + 3 + 2 * s);
                    diamond.lineTo(c.x() - s, r.top() + 3 + s);
                    diamond.closeSubpath();
                    painter.fillPath(diamond, kWinnerColour);
                }
                break;
            }
            case PhotoMark::Output:
                painter.setPen(QPen(kWinnerColour, 3));
                painter.drawRect(r.adjusted(1, 1, -1, -1));
                break;
            case PhotoMark::Largest: {
                // A ring that stays visible when the pixel is tiny on screen.
                const double radius = std::max(std::max(r.width(), r.height()) * 0.75, 12.0);
                for (const auto &[colour, width] :
                     {std::pair{QColor(0, 0, 0), 5.0}, std::pair{QColor(255, 235, 0), 2.5}}) {
                    painter.setPen(QPen(colour, width));
                    painter.drawEllipse(r.center(), radius, radius);
                }
                break;
            }
            case PhotoMark::Crop:
                painter.setPen(QPen(kCropColour, 2, Qt::DashLine));
                painter.drawRect(r);
                break;
            }
        }
    }
    painter.restore();
}

void PhotoView::wheelEvent(QWheelEvent *event)
{
    if (!m_camera || event->angleDelta().y() == 0) {
        event->ignore();
        return;
    }
    const double steps = event->angleDelta().y() / 120.0;
    m_camera->zoomAbout(toScene(event->position()), std::pow(kWheelFactor, steps));
    event->accept();
}

void PhotoView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position();
        m_pressAt = event->position();
        m_dragged = false;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void PhotoView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom && m_camera && (event->buttons() & Qt::LeftButton)) {
        const QPointF delta = event->position() - *m_dragFrom;
        m_dragFrom = event->position();
        m_dragged = m_dragged || (event->position() - m_pressAt).manhattanLength() > 4;
        m_camera->panBy(-delta / m_camera->zoom());
    }
    const std::optional<QPoint> pixel = pixelAt(event->position());
    emit hoverText(pixel ? describePixel(pixel->y(), pixel->x()) : QString());
    QWidget::mouseMoveEvent(event);
}

void PhotoView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragFrom) {
        m_dragFrom.reset();
        setCursor(Qt::OpenHandCursor);
        if (!m_dragged)
            if (const std::optional<QPoint> pixel = pixelAt(event->position()))
                emit pixelClicked(*pixel);
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void PhotoView::leaveEvent(QEvent *event)
{
    emit hoverText(QString());
    QWidget::leaveEvent(event);
}

} // namespace poolviz

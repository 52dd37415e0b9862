#include "pyramidstrip.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace poolviz {

namespace {

constexpr int kGap = 26; // between pictures: room for the arrow
constexpr int kMargin = 6;
constexpr int kLabel = 20; // text line under each picture

} // namespace

PyramidStrip::PyramidStrip(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("pyramidStrip"));
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Pyramid levels"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void PyramidStrip::setLevels(const QImage &original, const std::vector<QImage> &levels)
{
    m_original = original;
    m_levels = levels;
    m_current = std::clamp(m_current, 1, std::max(1, levelCount()));
    setToolTip(levels.empty() ? QString() : tr("Click a level to show it in the views above"));
    updateGeometry();
    update();
}

void PyramidStrip::setCurrentLevel(int level)
{
    level = std::clamp(level, 1, std::max(1, levelCount()));
    if (level == m_current)
        return;
    m_current = level;
    update();
}

QString PyramidStrip::label(int level) const
{
    if (level < 0 || level > levelCount())
        return {};
    const QImage &img = image(level);
    const QString size = QStringLiteral("%1×%2").arg(img.height()).arg(img.width());
    return level == 0 ? tr("photo · %1").arg(size) : tr("level %1 · %2").arg(level).arg(size);
}

QRect PyramidStrip::levelRect(int level) const
{
    const int count = levelCount() + 1;
    if (level < 0 || level >= count || m_original.isNull())
        return {};
    // One height for all, as large as the width allows: widths follow each picture's aspect.
    double aspects = 0;
    for (int i = 0; i < count; ++i)
        aspects += double(image(i).width()) / std::max(1, image(i).height());
    const int room = width() - 2 * kMargin - (count - 1) * kGap;
    const int h = std::clamp(int(room / std::max(aspects, 0.01)), 8,
                             std::max(8, height() - 2 * kMargin - kLabel));
    int x = kMargin;
    for (int i = 0; i < level; ++i)
        x += int(h * double(image(i).width()) / std::max(1, image(i).height())) + kGap;
    const int w =
        std::max(1, int(h * double(image(level).width()) / std::max(1, image(level).height())));
    return QRect(x, kMargin, w, h);
}

QSize PyramidStrip::sizeHint() const
{
    return QSize(600, 150);
}

QSize PyramidStrip::minimumSizeHint() const
{
    return QSize(200, 90);
}

void PyramidStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (m_original.isNull())
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    QFont small = font();
    small.setPixelSize(12);
    p.setFont(small);
    for (int i = 0; i <= levelCount(); ++i) {
        const QRect r = levelRect(i);
        p.drawImage(r, image(i));
        const bool current = i == m_current;
        p.setPen(
            QPen(current ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid),
                 current ? 3 : 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(-1, -1, 0, 0));
        p.setPen(palette().color(QPalette::WindowText));
        const QRect text(r.left() - kGap / 2, r.bottom() + 3, r.width() + kGap, kLabel);
        p.drawText(text, Qt::AlignHCenter | Qt::AlignTop, label(i));
        if (i > 0) {
            // The arrow from the level before: "pooled once more".
            const int y = r.center().y(), x1 = r.left() - kGap + 5, x2 = r.left() - 5;
            p.setPen(QPen(palette().color(QPalette::WindowText), 1.5));
            p.drawLine(x1, y, x2, y);
            p.drawLine(x2, y, x2 - 5, y - 4);
            p.drawLine(x2, y, x2 - 5, y + 4);
        }
    }
}

void PyramidStrip::mousePressEvent(QMouseEvent *event)
{
    for (int i = 1; i <= levelCount(); ++i)
        if (levelRect(i).contains(event->position().toPoint())) {
            setCurrentLevel(i);
            emit levelChosen(i);
            return;
        }
    QWidget::mousePressEvent(event);
}

void PyramidStrip::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Left || event->key() == Qt::Key_Right) {
        const int before = m_current;
        setCurrentLevel(m_current + (event->key() == Qt::Key_Left ? -1 : 1));
        if (m_current != before)
            emit levelChosen(m_current);
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace poolviz

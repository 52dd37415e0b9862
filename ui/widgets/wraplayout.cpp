#include "wraplayout.h"

#include <QHBoxLayout>
#include <QStyle>
#include <QWidget>

#include <algorithm>
#include <limits>

namespace poolviz {

QWidget *wrapGroup(QWidget *parent, std::initializer_list<QWidget *> widgets)
{
    auto *box = new QWidget(parent);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : widgets)
        row->addWidget(widget);
    return box;
}

namespace {

/// The width an item asks for: its size hint, but never below its minimum.
int preferredWidth(const QLayoutItem *item)
{
    return std::max(item->sizeHint().width(), item->minimumSize().width());
}

} // namespace

WrapLayout::WrapLayout(QWidget *parent) : QLayout(parent) {}

WrapLayout::~WrapLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void WrapLayout::addBreak()
{
    m_breakNext = true;
}

void WrapLayout::setPacked(bool packed)
{
    m_packed = packed;
    invalidate();
}

void WrapLayout::setVerticalSpacing(int space)
{
    m_verticalSpacing = space;
    invalidate();
}

void WrapLayout::addItem(QLayoutItem *item)
{
    m_items.append({item, m_breakNext});
    m_breakNext = false;
    invalidate();
}

QLayoutItem *WrapLayout::itemAt(int index) const
{
    return index >= 0 && index < m_items.size() ? m_items[index].item : nullptr;
}

QLayoutItem *WrapLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    const Entry entry = m_items.takeAt(index);
    // A break before a removed item stays with the item that now starts there.
    if (entry.breakBefore && index < m_items.size())
        m_items[index].breakBefore = true;
    invalidate();
    return entry.item;
}

Qt::Orientations WrapLayout::expandingDirections() const
{
    Qt::Orientations directions;
    for (const Entry &entry : m_items)
        directions |= entry.item->expandingDirections() & Qt::Horizontal;
    return directions;
}

int WrapLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false).first;
}

QSize WrapLayout::minimumSize() const
{
    int width = 0;
    for (const Entry &entry : m_items)
        if (!entry.item->isEmpty())
            width = std::max(width, entry.item->minimumSize().width());
    const QMargins margins = contentsMargins();
    width += margins.left() + margins.right();
    return {width, heightForWidth(width)};
}

QSize WrapLayout::sizeHint() const
{
    // As wide as the longest line that only the breaks end.
    const int space = horizontalSpacing();
    int widest = 0;
    for (const QList<QLayoutItem *> &line : breakLines(std::numeric_limits<int>::max(), space)) {
        int width = space * int(line.size() - 1);
        for (const QLayoutItem *item : line)
            width += preferredWidth(item);
        widest = std::max(widest, width);
    }
    const QMargins margins = contentsMargins();
    const int width = widest + margins.left() + margins.right();
    return {width, heightForWidth(width)};
}

void WrapLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    m_lines = arrange(rect, true).second;
}

int WrapLayout::horizontalSpacing() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *widget = parentWidget();
    const int space = widget ? widget->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing) : 6;
    return std::max(space, 6);
}

QList<QList<QLayoutItem *>> WrapLayout::breakLines(int available, int space) const
{
    QList<QList<QLayoutItem *>> lines;
    qint64 used = 0;
    bool breakPending = false;
    for (const Entry &entry : m_items) {
        breakPending = breakPending || entry.breakBefore;
        if (entry.item->isEmpty())
            continue;
        const int width = preferredWidth(entry.item);
        if (lines.isEmpty() || breakPending || used + space + width > available) {
            lines.append(QList<QLayoutItem *>());
            used = width;
        } else {
            used += space + width;
        }
        lines.last().append(entry.item);
        breakPending = false;
    }
    return lines;
}

std::pair<int, int> WrapLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int available = std::max(0, area.width());
    const int space = horizontalSpacing();
    const int lineSpace = m_verticalSpacing >= 0 ? m_verticalSpacing : space;
    const QList<QList<QLayoutItem *>> lines = breakLines(available, space);

    int y = area.top();
    for (const QList<QLayoutItem *> &line : std::as_const(lines)) {
        QList<int> widths;
        int total = space * int(line.size() - 1);
        int expanding = 0;
        for (QLayoutItem *item : line) {
            // Only a line's single item can be wider than the line: it shrinks to fit.
            const int width =
                std::max(std::min(preferredWidth(item), available), item->minimumSize().width());
            widths.append(width);
            total += width;
            if (item->expandingDirections() & Qt::Horizontal)
                ++expanding;
        }
        const int spare = std::max(0, available - total);
        int gap = space;
        int x = area.left();
        if (expanding > 0) {
            int share = spare;
            for (int i = 0; i < line.size() && expanding > 0; ++i)
                if (line[i]->expandingDirections() & Qt::Horizontal) {
                    const int extra = share / expanding--;
                    widths[i] += extra;
                    share -= extra;
                }
        } else if (line.size() == 1 && !m_packed) {
            const Qt::Alignment align = line.first()->alignment();
            if (align & Qt::AlignHCenter)
                x += spare / 2;
            else if (align & Qt::AlignRight)
                x += spare;
        } else if (!m_packed && line.size() > 1) {
            gap += spare / int(line.size() - 1);
        }
        int height = 0;
        QList<int> heights;
        for (int i = 0; i < line.size(); ++i) {
            QLayoutItem *item = line[i];
            const int h = item->hasHeightForWidth() ? item->heightForWidth(widths[i])
                                                    : item->sizeHint().height();
            heights.append(h);
            height = std::max(height, h);
        }
        if (apply) {
            for (int i = 0; i < line.size(); ++i) {
                const int h = (line[i]->expandingDirections() & Qt::Vertical) ? height : heights[i];
                line[i]->setGeometry(QRect(x, y + (height - h) / 2, widths[i], h));
                x += widths[i] + gap;
            }
        }
        y += height + lineSpace;
    }
    if (!lines.isEmpty())
        y -= lineSpace;
    const QMargins margins = contentsMargins();
    return {y - area.top() + margins.top() + margins.bottom(), std::max(1, int(lines.size()))};
}

} // namespace poolviz

#pragma once

#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QList>
#include <QToolButton>
#include <QWidget>

#include <algorithm>

namespace poolviz {

/// Lays out its items left to right and wraps them onto new rows when the width runs out, so
/// the controls never hide behind a toolbar's overflow arrow (after Qt's flow layout example).
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent) : QLayout(parent) { setContentsMargins(0, 0, 0, 0); }
    ~FlowLayout() override
    {
        while (QLayoutItem *item = takeAt(0))
            delete item;
    }
    void addItem(QLayoutItem *item) override { m_items.append(item); }
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override
    {
        return index >= 0 && index < m_items.size() ? m_items.takeAt(index) : nullptr;
    }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange(QRect(0, 0, width, 0), false); }
    void setGeometry(const QRect &rect) override
    {
        QLayout::setGeometry(rect);
        arrange(rect, true);
    }
    QSize sizeHint() const override { return minimumSize(); }
    QSize minimumSize() const override
    {
        QSize size;
        for (const QLayoutItem *item : m_items)
            size = size.expandedTo(item->minimumSize());
        return size;
    }

private:
    int arrange(const QRect &rect, bool apply) const
    {
        const int hGap = 14, vGap = 2;
        int x = rect.x(), y = rect.y(), rowHeight = 0;
        for (QLayoutItem *item : m_items) {
            if (item->isEmpty())
                continue;
            const QSize hint = item->sizeHint();
            if (x > rect.x() && x + hint.width() > rect.right() + 1) {
                x = rect.x();
                y += rowHeight + vGap;
                rowHeight = 0;
            }
            if (apply)
                item->setGeometry(QRect(QPoint(x, y), hint));
            x += hint.width() + hGap;
            rowHeight = std::max(rowHeight, hint.height());
        }
        return y + rowHeight - rect.y();
    }
    QList<QLayoutItem *> m_items;
};

/// Builds the control strip: groups of related controls that stay together on one row.
class ControlStrip
{
public:
    explicit ControlStrip(QWidget *container) : m_container(container)
    {
        m_flow = new FlowLayout(container);
        newGroup();
    }
    /// A tool button for `action`.
    QToolButton *addAction(QAction *action)
    {
        auto *button = new QToolButton(m_group);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        addWidget(button);
        return button;
    }
    void addWidget(QWidget *widget)
    {
        widget->setParent(m_group);
        m_row->addWidget(widget);
    }
    QLabel *addLabel(const QString &text)
    {
        auto *label = new QLabel(text, m_group);
        addWidget(label);
        return label;
    }
    /// Starts a new group (the flow may wrap before it).
    void newGroup()
    {
        if (m_row && m_row->count() == 0)
            return;
        m_group = new QWidget(m_container);
        m_row = new QHBoxLayout(m_group);
        m_row->setContentsMargins(0, 0, 0, 0);
        m_row->setSpacing(4);
        m_flow->addWidget(m_group);
    }
    QWidget *group() const { return m_group; }

private:
    QWidget *m_container;
    FlowLayout *m_flow = nullptr;
    QWidget *m_group = nullptr;
    QHBoxLayout *m_row = nullptr;
};

} // namespace poolviz

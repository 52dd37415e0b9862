#include "planeselector.h"

#include "wraplayout.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QStyleOptionFocusRect>
#include <QStylePainter>
#include <QToolButton>

#include <algorithm>

namespace poolviz {

PlaneSelector::PlaneSelector(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    m_layout = new WrapLayout(this);
    m_layout->setContentsMargins(2, 2, 2, 2); // room for the focus frame around a button
    m_layout->setSpacing(4);
    m_layout->setPacked(true);
    m_caption = new QLabel(this);
    m_list = new QComboBox(this);
    m_list->setFocusPolicy(Qt::NoFocus); // the selector is the one Tab stop
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_list->hide();
    connect(m_list, &QComboBox::activated, this, [this](int plane) {
        choose(plane);
        setFocus(Qt::MouseFocusReason);
    });
    relayout();
}

void PlaneSelector::setPlanes(const QString &caption, const QStringList &labels,
                              const QStringList &names)
{
    m_caption->setText(caption);
    const int planes = int(labels.size());
    const bool asList = planes > kMaxButtons;
    const int buttons = asList ? 0 : planes;
    const bool recount = buttons != int(m_buttons.size());
    m_names = names;
    while (int(m_buttons.size()) > buttons)
        delete m_buttons.takeLast();
    while (int(m_buttons.size()) < buttons) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus); // the selector is the one Tab stop
        const int plane = int(m_buttons.size());
        connect(button, &QToolButton::clicked, this, [this, plane] {
            choose(plane);
            setFocus(Qt::MouseFocusReason);
        });
        m_buttons.append(button);
    }
    for (int i = 0; i < buttons; ++i) {
        QToolButton *button = m_buttons[i];
        button->setText(labels[i]);
        button->setToolTip(m_names[i]);
        button->setAccessibleName(m_names[i]);
        // At least square: a single digit is still a comfortable target.
        button->setMinimumWidth(button->sizeHint().height());
    }
    {
        const QSignalBlocker blocker(m_list);
        // The short labels after the caption, as on the buttons; the full names for tooltips
        // and screen readers.
        QStringList listed;
        for (int i = 0; i < m_list->count(); ++i)
            listed << m_list->itemData(i, Qt::AccessibleTextRole).toString();
        if (listed != (asList ? m_names : QStringList())) {
            m_list->clear();
            for (int i = 0; asList && i < planes; ++i) {
                m_list->addItem(labels[i]);
                m_list->setItemData(i, m_names[i], Qt::ToolTipRole);
                m_list->setItemData(i, m_names[i], Qt::AccessibleTextRole);
            }
        }
    }
    m_list->setVisible(asList);
    if (recount)
        relayout();
    setCurrent(std::clamp(m_current, planes > 0 ? 0 : -1, planes - 1));
}

void PlaneSelector::setCurrent(int plane)
{
    m_current = plane >= 0 && plane < count() ? plane : -1;
    if (m_list->count() > 0) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentIndex(m_current);
        m_list->setToolTip(m_current >= 0 ? m_names[m_current] : QString());
        m_list->setAccessibleName(m_list->toolTip());
    }
    for (int i = 0; i < int(m_buttons.size()); ++i) {
        // Checked and bold: the plane shown reads at a glance from the back of the room.
        QFont font = m_buttons[i]->font();
        font.setBold(i == m_current);
        m_buttons[i]->setFont(font);
        m_buttons[i]->setChecked(i == m_current);
    }
    setAccessibleDescription(m_current >= 0 ? m_names[m_current] : QString());
    update();
}

QAbstractButton *PlaneSelector::button(int plane) const
{
    return plane >= 0 && plane < int(m_buttons.size()) ? m_buttons[plane] : nullptr;
}

QWidget *PlaneSelector::currentWidget() const
{
    if (m_list->isVisibleTo(this))
        return m_list;
    return button(m_current);
}

void PlaneSelector::addTrailingWidget(QWidget *widget)
{
    widget->setParent(this);
    m_trailing.append(widget);
    m_layout->addWidget(widget);
}

void PlaneSelector::relayout()
{
    // The caption, the buttons in order (or the list), then the trailing widgets.
    while (QLayoutItem *item = m_layout->takeAt(0))
        delete item;
    m_layout->addWidget(m_caption);
    for (QToolButton *button : std::as_const(m_buttons))
        m_layout->addWidget(button);
    m_layout->addWidget(m_list);
    for (QWidget *widget : std::as_const(m_trailing))
        m_layout->addWidget(widget);
    for (QToolButton *button : std::as_const(m_buttons))
        button->show();
}

void PlaneSelector::choose(int plane)
{
    if (plane < 0 || plane >= count())
        return;
    const bool changed = plane != m_current;
    setCurrent(plane);
    if (changed)
        emit currentChanged(plane);
}

namespace {

/// The keys that choose a plane (unmodified).
bool isChoosingKey(const QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End:
        return true;
    default:
        return false;
    }
}

} // namespace

bool PlaneSelector::event(QEvent *event)
{
    // The choosing keys win over the window's playback shortcuts (Left/Right step), as in a table.
    if (event->type() == QEvent::ShortcutOverride &&
        isChoosingKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void PlaneSelector::keyPressEvent(QKeyEvent *event)
{
    if (!isChoosingKey(event)) {
        QWidget::keyPressEvent(event);
        return;
    }
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    switch (event->key()) {
    case Qt::Key_Left:
        choose(m_current + (rtl ? 1 : -1));
        break;
    case Qt::Key_Right:
        choose(m_current + (rtl ? -1 : 1));
        break;
    case Qt::Key_Up:
        choose(m_current - 1);
        break;
    case Qt::Key_Down:
        choose(m_current + 1);
        break;
    case Qt::Key_Home:
        choose(0);
        break;
    default: // Qt::Key_End
        choose(count() - 1);
        break;
    }
    event->accept();
}

void PlaneSelector::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    const QWidget *shown = currentWidget();
    if (!hasFocus() || !shown)
        return;
    // The focus frame around the current plane's button, as a tab bar marks its current tab.
    QStylePainter painter(this);
    QStyleOptionFocusRect option;
    option.initFrom(this);
    option.rect = shown->geometry().adjusted(-2, -2, 2, 2);
    painter.drawPrimitive(QStyle::PE_FrameFocusRect, option);
}

void PlaneSelector::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void PlaneSelector::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

} // namespace poolviz

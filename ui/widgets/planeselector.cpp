#include "planeselector.h"

#include "wraplayout.h"

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
    m_layout->addWidget(m_caption);
}

void PlaneSelector::setPlanes(const QString &caption, const QStringList &labels,
                              const QStringList &names)
{
    m_caption->setText(caption);
    const int planes = int(labels.size());
    const bool recount = planes != count();
    while (count() > planes)
        delete m_buttons.takeLast();
    while (count() < planes) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setFocusPolicy(Qt::NoFocus); // the selector is the one Tab stop
        const int plane = count();
        connect(button, &QToolButton::clicked, this, [this, plane] {
            choose(plane);
            setFocus(Qt::MouseFocusReason);
        });
        m_buttons.append(button);
    }
    for (int i = 0; i < planes; ++i) {
        QToolButton *button = m_buttons[i];
        button->setText(labels[i]);
        button->setToolTip(names.value(i));
        button->setAccessibleName(names.value(i));
        // At least square: a single digit is still a comfortable target.
        button->setMinimumWidth(button->sizeHint().height());
    }
    if (recount)
        relayout();
    setCurrent(std::clamp(m_current, planes > 0 ? 0 : -1, planes - 1));
}

void PlaneSelector::setCurrent(int plane)
{
    m_current = plane >= 0 && plane < count() ? plane : -1;
    for (int i = 0; i < count(); ++i) {
        // Checked and bold: the plane shown reads at a glance from the back of the room.
        QFont font = m_buttons[i]->font();
        font.setBold(i == m_current);
        m_buttons[i]->setFont(font);
        m_buttons[i]->setChecked(i == m_current);
    }
    setAccessibleDescription(m_current >= 0 ? m_buttons[m_current]->accessibleName() : QString());
    update();
}

QAbstractButton *PlaneSelector::button(int plane) const
{
    return plane >= 0 && plane < count() ? m_buttons[plane] : nullptr;
}

void PlaneSelector::addTrailingWidget(QWidget *widget)
{
    widget->setParent(this);
    m_trailing.append(widget);
    m_layout->addWidget(widget);
}

void PlaneSelector::relayout()
{
    // The caption, the buttons in order, then the trailing widgets.
    while (QLayoutItem *item = m_layout->takeAt(0))
        delete item;
    m_layout->addWidget(m_caption);
    for (QToolButton *button : std::as_const(m_buttons))
        m_layout->addWidget(button);
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
    if (!hasFocus() || m_current < 0)
        return;
    // The focus frame around the current plane's button, as a tab bar marks its current tab.
    QStylePainter painter(this);
    QStyleOptionFocusRect option;
    option.initFrom(this);
    option.rect = m_buttons[m_current]->geometry().adjusted(-2, -2, 2, 2);
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

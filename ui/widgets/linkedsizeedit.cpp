#include "linkedsizeedit.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>

namespace poolviz {

QIcon linkIcon(bool linked)
{
    return linked ? QIcon::fromTheme(QStringLiteral("insert-link"),
                                     QIcon(QStringLiteral(":/icons/link.svg")))
                  : QIcon(QStringLiteral(":/icons/unlink.svg"));
}

QToolButton *makeLinkButton(const QString &what, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setCheckable(true);
    button->setChecked(true);
    button->setAutoRaise(true);
    button->setIcon(linkIcon(true));
    button->setToolTip(
        QObject::tr("Linked: %1 change together. Click to set them apart.").arg(what));
    button->setAccessibleName(QObject::tr("Link %1").arg(what));
    QObject::connect(button, &QToolButton::toggled, button, [button, what](bool on) {
        button->setIcon(linkIcon(on));
        button->setToolTip(
            on ? QObject::tr("Linked: %1 change together. Click to set them apart.").arg(what)
               : QObject::tr("Separate: %1 change on their own. Click to link them.").arg(what));
    });
    return button;
}

LinkedSizeEdit::LinkedSizeEdit(const QString &name, int minimum, int maximum, QWidget *parent)
    : QWidget(parent), m_h(new QSpinBox(this)), m_w(new QSpinBox(this)),
      m_link(makeLinkButton(tr("height and width"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QSpinBox *spin : {m_h, m_w}) {
        spin->setRange(minimum, maximum);
        spin->setAccelerated(true);
        spin->setKeyboardTracking(true);
    }
    m_h->setToolTip(tr("%1 height (rows)").arg(name));
    m_w->setToolTip(tr("%1 width (columns)").arg(name));
    m_h->setAccessibleName(tr("%1 height").arg(name));
    m_w->setAccessibleName(tr("%1 width").arg(name));
    layout->addWidget(m_h, 1);
    layout->addWidget(new QLabel(QStringLiteral("×"), this));
    layout->addWidget(m_w, 1);
    layout->addWidget(m_link);
    connect(m_h, &QSpinBox::valueChanged, this, [this](int v) {
        if (isLinked() && m_w->value() != v) {
            const QSignalBlocker blocker(m_w);
            m_w->setValue(v);
        }
        emit edited(value());
    });
    connect(m_w, &QSpinBox::valueChanged, this, [this](int v) {
        if (isLinked() && m_h->value() != v) {
            const QSignalBlocker blocker(m_h);
            m_h->setValue(v);
        }
        emit edited(value());
    });
    connect(m_h, &QSpinBox::editingFinished, this, &LinkedSizeEdit::editingFinished);
    connect(m_w, &QSpinBox::editingFinished, this, &LinkedSizeEdit::editingFinished);
    connect(m_link, &QToolButton::toggled, this, [this](bool on) {
        m_autoUnlinked = false;
        if (on && m_w->value() != m_h->value()) {
            // Linking is an undo step of its own, not part of a spin-box run.
            emit editingFinished();
            const QSignalBlocker blocker(m_w);
            m_w->setValue(m_h->value());
            emit edited(value());
            emit editingFinished();
        }
    });
}

Size2 LinkedSizeEdit::value() const
{
    return {m_h->value(), m_w->value()};
}

void LinkedSizeEdit::setValue(const Size2 &size)
{
    const QSignalBlocker b1(m_h);
    const QSignalBlocker b2(m_w);
    const QSignalBlocker b3(m_link);
    // Parameters from the command line or a file may exceed what the arrows reach: show them as
    // they are rather than clamped (a 10⁶ kernel shown as 64 would hide the reason of a refusal).
    for (QSpinBox *spin : {m_h, m_w})
        spin->setMaximum(std::max({spin->maximum(), size.h, size.w}));
    m_h->setValue(size.h);
    m_w->setValue(size.w);
    // Unequal sides cannot stay linked; equal ones link again unless the user unlinked them.
    if (size.h != size.w && m_link->isChecked()) {
        m_link->setChecked(false);
        m_link->setIcon(linkIcon(false));
        m_autoUnlinked = true;
    } else if (size.h == size.w && m_autoUnlinked) {
        m_link->setChecked(true);
        m_link->setIcon(linkIcon(true));
        m_autoUnlinked = false;
    }
}

bool LinkedSizeEdit::isLinked() const
{
    return m_link->isChecked();
}

void LinkedSizeEdit::setLinked(bool linked)
{
    m_link->setChecked(linked);
}

} // namespace poolviz

#pragma once

#include "poolparams.h"

#include <QIcon>
#include <QWidget>

class QSpinBox;
class QToolButton;

namespace poolviz {

/// The chain icon of a link toggle: linked or set apart.
QIcon linkIcon(bool linked);
/// A checkable, checked link toggle for `what` ("height and width", "all four sides"): its icon
/// and tooltip follow its state.
QToolButton *makeLinkButton(const QString &what, QWidget *parent);

/// A height × width pair of spin boxes with a chain toggle: while linked (the default), changing
/// one side changes the other too.
class LinkedSizeEdit : public QWidget
{
    Q_OBJECT

public:
    LinkedSizeEdit(const QString &name, int minimum, int maximum, QWidget *parent = nullptr);

    QSpinBox *heightSpin() const { return m_h; }
    QSpinBox *widthSpin() const { return m_w; }
    QToolButton *linkButton() const { return m_link; }
    /// The size shown.
    Size2 value() const;
    /// Shows `size` without emitting; unlinks when the sides differ.
    void setValue(const Size2 &size);
    bool isLinked() const;
    /// Links or unlinks the sides; linking makes the width equal the height (emits edited).
    void setLinked(bool linked);

signals:
    /// The user changed the size (already linked through).
    void edited(const poolviz::Size2 &size);
    /// A spin box lost focus or Return was pressed: the edit run ended.
    void editingFinished();

private:
    QSpinBox *m_h;
    QSpinBox *m_w;
    QToolButton *m_link;
    bool m_autoUnlinked = false; ///< unlinked by setValue (unequal sides), not by the user
};

} // namespace poolviz

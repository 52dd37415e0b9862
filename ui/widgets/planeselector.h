#pragma once

#include <QList>
#include <QWidget>

class QAbstractButton;
class QComboBox;
class QLabel;
class QToolButton;

namespace poolviz {

class WrapLayout;

/// The planes of a tensor (its channels, or sample · channel) as a row of toggle buttons after a
/// caption ("Channel 0 1 2"), wrapping onto further lines in a narrow editor, so every plane is in
/// view at once (a tab bar showed scroll arrows at 1280×720 with three channels and a side panel
/// open). Like a tab bar it is one stop in the Tab chain: Left/Right, Home/End choose while it
/// has focus, and a click chooses too. Each button's tooltip and accessible name are the plane's
/// full name ("Channel 2"). Past kMaxButtons planes (a 1×512×4×4 tensor from a file) a list
/// of their full names takes the buttons' place: the keys and signals stay the same.
class PlaneSelector : public QWidget
{
    Q_OBJECT

public:
    explicit PlaneSelector(QWidget *parent = nullptr);

    /// The most planes shown as buttons (five short lines in a 190 px editor).
    static constexpr int kMaxButtons = 24;

    /// One button per plane, `labels[i]` on it ("2", "1·2") and `names[i]` its full name
    /// ("Channel 2"), as many names as labels; `caption` before them says what the labels count.
    /// The current plane stays, clamped to the new count.
    void setPlanes(const QString &caption, const QStringList &labels, const QStringList &names);
    int count() const { return int(m_names.size()); }
    /// The plane chosen, or -1 when there are none.
    int current() const { return m_current; }
    /// Chooses `plane` without emitting currentChanged (the document's plane changed).
    void setCurrent(int plane);
    /// The button of `plane`; null past kMaxButtons planes, where the list shows them.
    QAbstractButton *button(int plane) const;
    /// The list that replaces the buttons past kMaxButtons planes (hidden otherwise).
    QComboBox *list() const { return m_list; }
    QLabel *caption() const { return m_caption; }
    /// Puts `widget` after the buttons, on their wrapping row (a remove button, say).
    void addTrailingWidget(QWidget *widget);

signals:
    /// The user chose `plane` (a click, or a key while the selector has focus).
    void currentChanged(int plane);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void relayout();
    /// The widget that shows the current plane: its button, or the list.
    QWidget *currentWidget() const;
    void choose(int plane);

    WrapLayout *m_layout = nullptr;
    QLabel *m_caption = nullptr;
    QList<QToolButton *> m_buttons;
    QComboBox *m_list = nullptr;
    QStringList m_names;
    QList<QWidget *> m_trailing;
    int m_current = -1;
};

} // namespace poolviz

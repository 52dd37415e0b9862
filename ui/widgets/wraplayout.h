#pragma once

#include <QLayout>
#include <QList>

#include <initializer_list>

namespace poolviz {

/// A row of control groups that wraps onto further lines when its width is too small for them,
/// as words wrap in a paragraph, so a narrow pane (a 1280×720 projector with a side panel open)
/// shows every control whole instead of scrolling sideways or cutting the last one off.
///
/// Items keep their order. A line takes items while the sum of their size hints (plus spacing)
/// fits; an item wider than a line alone gets the line, shrunk no further than its minimum.
/// `addBreak()` starts a new line even where the next item would fit. On each line, items that
/// expand horizontally share the spare width; otherwise it goes between the items (first at the
/// left edge, last at the right) or, with `setPacked(true)`, after the last one.
/// The layout's minimum width is its widest item's minimum; its height follows the width
/// (heightForWidth), so the parent gives it the lines it needs.
class WrapLayout : public QLayout
{
    Q_OBJECT

public:
    explicit WrapLayout(QWidget *parent = nullptr);
    ~WrapLayout() override;

    /// The next item added starts a new line.
    void addBreak();
    /// Packed lines keep their items at the left; unpacked ones spread them to both edges.
    void setPacked(bool packed);
    /// The space between lines (by default the spacing between items).
    void setVerticalSpacing(int space);
    /// The number of lines at the last geometry set (1 for an empty layout).
    int lineCount() const { return m_lines; }

    void addItem(QLayoutItem *item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    struct Entry
    {
        QLayoutItem *item;
        bool breakBefore;
    };
    /// The space between items: spacing(), or the style's (at least 6 px) when unset.
    int horizontalSpacing() const;
    /// The visible items split into lines, the one rule for both the size hint and the layout:
    /// a line ends at a break (also one added before an item that is now hidden) or where the
    /// next item's preferred width (plus `space`) would pass `available`.
    QList<QList<QLayoutItem *>> breakLines(int available, int space) const;
    /// Lays the items out in `rect` (moving them only if `apply`); returns the height used and
    /// the number of lines.
    std::pair<int, int> arrange(const QRect &rect, bool apply) const;

    QList<Entry> m_items;
    bool m_breakNext = false;
    bool m_packed = false;
    int m_verticalSpacing = -1;
    int m_lines = 1;
};

/// `widgets` side by side in a new child of `parent` (no margins): a group that a WrapLayout
/// keeps whole on one line.
QWidget *wrapGroup(QWidget *parent, std::initializer_list<QWidget *> widgets);

} // namespace poolviz

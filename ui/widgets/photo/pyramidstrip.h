#pragma once

#include <QImage>
#include <QString>
#include <QWidget>

#include <vector>

namespace poolviz {

/// The pyramid as a strip: the photo and every pooled level side by side, each labelled with its
/// size and drawn to the same height without smoothing, so what each repeated pooling keeps and
/// loses reads left to right. The level shown in the views is framed; clicking a level (or Left
/// and Right) asks for it to be shown.
class PyramidStrip : public QWidget
{
    Q_OBJECT

public:
    explicit PyramidStrip(QWidget *parent = nullptr);

    /// Shows `original` (the photo) and `levels` (level 1 … n, each pooled from the one before).
    void setLevels(const QImage &original, const std::vector<QImage> &levels);
    /// Number of pooled levels shown (the photo not counted).
    int levelCount() const { return int(m_levels.size()); }
    /// The framed level, 1 … levelCount().
    int currentLevel() const { return m_current; }
    void setCurrentLevel(int level);
    /// Where level `level` is drawn (0: the photo); empty if there is no such level.
    QRect levelRect(int level) const;
    /// The label under level `level` (0: the photo), e.g. "level 2 · 56×56".
    QString label(int level) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The user chose level `level` (1-based) to be shown.
    void levelChosen(int level);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    const QImage &image(int level) const
    {
        return level == 0 ? m_original : m_levels[std::size_t(level - 1)];
    }

    QImage m_original;
    std::vector<QImage> m_levels;
    int m_current = 1;
};

} // namespace poolviz

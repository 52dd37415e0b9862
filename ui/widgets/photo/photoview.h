#pragma once

#include "photocamera.h"
#include "photodifference.h"
#include "tensor.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

namespace poolviz {

/// A rectangle drawn over the photo views, in scene (original pixel) coordinates.
struct PhotoMark
{
    enum Kind
    {
        Crop,   ///< the crop the sliding window runs on (dashed)
        Tap,    ///< one in-input tap of the current window
        Winner, ///< the tap that wins the window (max/min)
        Output, ///< the pooled pixel the window fills
        Largest ///< the most different pixel of A and B (ringed)
    };
    Kind kind = Crop;
    QRectF scene;
    friend bool operator==(const PhotoMark &, const PhotoMark &) = default;
};

/// Shows one image (the photo, a pooled level, B, or |A − B|) through a shared PhotoCamera:
/// wheel zooms about the cursor, dragging pans, and every view on the same camera follows. From
/// `valueZoom` screen pixels per image pixel on, each pixel becomes a grid cell showing its value
/// (one line per channel). Values come from the tensor shown, never from the picture.
class PhotoView : public QWidget
{
    Q_OBJECT

public:
    /// Cells this large (screen pixels) show the grid and the values.
    static constexpr double valueZoom = 24;

    /// A view through `camera`; `name` ("Original", "A", "B", "|A − B|") starts hover texts.
    PhotoView(PhotoCamera *camera, const QString &name, QWidget *parent = nullptr);

    /// Shows `image` (the picture of `values`, (1, C, h, w)) placed over the photo by `mapping`;
    /// `title` labels the view, `channels` names the planes ("R", "G", "B" or "gray").
    void setContent(std::shared_ptr<const Tensor> values, const QImage &image,
                    const PhotoMapping &mapping, const QString &title, const QStringList &channels);
    /// Shows no image but `message` (e.g. why there is no result yet).
    void clearContent(const QString &message);
    /// `title` in lines no wider than `width` (as measured by `metrics`) where it can be: broken
    /// only between its " · " parts, each further line starting with "· ". A part wider than
    /// `width` gets a line of its own. Joined, the lines read as the title.
    static QStringList titleLines(const QString &title, const QFontMetricsF &metrics, qreal width);
    /// Changes the title only.
    void setTitle(const QString &title);
    /// Rectangles drawn over the image (the crop and the sliding window).
    void setMarks(const std::vector<PhotoMark> &marks);

    bool hasContent() const { return !m_image.isNull(); }
    QString title() const { return m_title; }
    QString name() const { return m_name; }
    QString message() const { return m_message; }
    const QImage &image() const { return m_image; }
    std::shared_ptr<const Tensor> values() const { return m_values; }
    const PhotoMapping &mapping() const { return m_mapping; }
    const std::vector<PhotoMark> &marks() const { return m_marks; }
    PhotoCamera *camera() const { return m_camera; }

    /// Screen pixels per image pixel (width, height).
    QSizeF cellSize() const;
    /// True when the current zoom shows the grid and values.
    bool showsValues() const;
    /// The scene rectangle the view shows.
    QRectF visibleScene() const;
    /// Widget point of a scene point, and back.
    QPointF toWidget(const QPointF &scene) const;
    QPointF toScene(const QPointF &widget) const;
    /// The image pixel (x = column, y = row) under widget point `pos`, if any.
    std::optional<QPoint> pixelAt(const QPointF &pos) const;
    /// "Original · row R, column C: R 201 G 180 B 20" for pixel (row, col).
    QString describePixel(int row, int col) const;

    QSize sizeHint() const override { return {480, 360}; }

signals:
    /// The pointer moved over a pixel (its description) or left the image (empty).
    void hoverText(const QString &text);
    /// A click (a press and release without dragging) on image pixel `pixel` (x = column).
    void pixelClicked(const QPoint &pixel);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void paintValues(QPainter &painter, const QRect &pixels);
    void paintMarks(QPainter &painter);
    QString valueText(int row, int col, int channel) const;

    QPointer<PhotoCamera> m_camera;
    QString m_name;
    std::shared_ptr<const Tensor> m_values;
    QImage m_image;
    PhotoMapping m_mapping;
    QString m_title;
    QString m_message;
    QStringList m_channels;
    std::vector<PhotoMark> m_marks;
    std::optional<QPointF> m_dragFrom;
    QPointF m_pressAt;      ///< where the left button went down
    bool m_dragged = false; ///< the press became a drag (a pan), not a click
};

} // namespace poolviz

#pragma once

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace poolviz {

/// The zoom and pan shared by the photo views: screen pixels per original-photo pixel and the
/// scene point (in original pixels) shown at the centre of every view. Because all views look
/// through one camera, zooming or panning one moves the others.
class PhotoCamera : public QObject
{
    Q_OBJECT

public:
    static constexpr double minZoom = 1.0 / 64;
    static constexpr double maxZoom = 256;

    using QObject::QObject;

    /// Screen pixels per original pixel.
    double zoom() const { return m_zoom; }
    /// The scene point at the centre of the views.
    QPointF centre() const { return m_centre; }

    /// Sets both (zoom clamped to [minZoom, maxZoom]); emits changed() if anything moved.
    void setView(double zoom, const QPointF &centre);
    /// Moves the centre to `centre`.
    void setCentre(const QPointF &centre) { setView(m_zoom, centre); }
    /// Multiplies the zoom by `factor` keeping scene point `anchor` where it is on screen (wheel
    /// zoom about the cursor): centre' = anchor − (anchor − centre)·zoom/zoom'.
    void zoomAbout(const QPointF &anchor, double factor);
    /// Shifts the view by `sceneDelta` original pixels.
    void panBy(const QPointF &sceneDelta) { setView(m_zoom, m_centre + sceneDelta); }
    /// Zooms so that `scene` fits a viewport of `viewport` screen pixels, centred.
    void fit(const QRectF &scene, const QSizeF &viewport);

signals:
    /// zoom() or centre() changed.
    void changed();

private:
    double m_zoom = 1;
    QPointF m_centre;
};

} // namespace poolviz

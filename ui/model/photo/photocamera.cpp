#include "photocamera.h"

#include <algorithm>

namespace poolviz {

void PhotoCamera::setView(double zoom, const QPointF &centre)
{
    zoom = std::clamp(zoom, minZoom, maxZoom);
    if (zoom == m_zoom && centre == m_centre)
        return;
    m_zoom = zoom;
    m_centre = centre;
    emit changed();
}

void PhotoCamera::zoomAbout(const QPointF &anchor, double factor)
{
    const double zoom = std::clamp(m_zoom * factor, minZoom, maxZoom);
    setView(zoom, anchor - (anchor - m_centre) * (m_zoom / zoom));
}

void PhotoCamera::fit(const QRectF &scene, const QSizeF &viewport)
{
    if (scene.isEmpty() || viewport.isEmpty())
        return;
    const double zoom =
        std::min(viewport.width() / scene.width(), viewport.height() / scene.height());
    setView(zoom, scene.center());
}

} // namespace poolviz

// PhotoDocument's sliding window: the crop it opens on the photo (aligned to the stride where
// the crop's windows are the photo's), the trace of that crop in windowDocument(), and the crop
// sent to the matrix tab as one undo step there.

#include "photodocument.h"

#include "photocamera.h"
#include "pooldocument.h"
#include "undocommands.h"

#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace poolviz {

void PhotoDocument::setCropSize(int pixels)
{
    pixels = std::clamp(pixels, 2, maxCropSize);
    if (pixels == m_cropSize)
        return;
    m_cropSize = pixels;
    emit settingsChanged();
}

void PhotoDocument::setWindowChannel(int channel)
{
    channel = std::clamp(channel, 0, std::max(0, int(m_channels.size()) - 1));
    if (channel == m_windowChannel)
        return;
    m_windowChannel = channel;
    if (!m_crop.isEmpty())
        retrace();
    emit settingsChanged();
}

bool PhotoDocument::cropIsAligned() const
{
    const PoolParams a = paramsA();
    if (a.isAdaptive())
        return false;
    if (a.paddingMode == PaddingMode::Valid)
        return true;
    return a.paddingMode == PaddingMode::Explicit && a.padding == Padding{};
}

QRect PhotoDocument::cropAroundCentre() const
{
    if (!hasInput())
        return {};
    const int H = m_input->h();
    const int W = m_input->w();
    const int h = std::min(m_cropSize, H);
    const int w = std::min(m_cropSize, W);
    const QPointF c = m_camera->centre();
    int x0 = std::clamp(int(std::lround(c.x() - w / 2.0)), 0, W - w);
    int y0 = std::clamp(int(std::lround(c.y() - h / 2.0)), 0, H - h);
    if (cropIsAligned()) {
        // Start on the stride grid, so the crop's windows are the photo's windows.
        const Size2 s = paramsA().effectiveStride();
        x0 -= x0 % s.w;
        y0 -= y0 % s.h;
    }
    return QRect(x0, y0, w, h);
}

Tensor PhotoDocument::cropTensor(const QRect &crop) const
{
    const Tensor &in = *m_input;
    Tensor out(1, in.c(), crop.height(), crop.width(), 0.0f, 4);
    for (int c = 0; c < in.c(); ++c)
        for (int r = 0; r < crop.height(); ++r)
            for (int col = 0; col < crop.width(); ++col)
                out.at(0, c, r, col) = in.at(0, c, crop.y() + r, crop.x() + col);
    return out;
}

bool PhotoDocument::setWindowCrop(const QRect &crop)
{
    if (!hasInput()) {
        setMessage(tr("Open a photo first: the sliding window runs on a crop of it."), true);
        return false;
    }
    const QRect clamped = crop.intersected(QRect(0, 0, m_input->w(), m_input->h()));
    if (clamped.isEmpty())
        return false;
    const QRect previous = m_crop;
    m_crop = clamped;
    if (!retrace()) {
        m_crop = previous;
        if (!previous.isEmpty())
            retrace();
        return false;
    }
    m_window->setStep(0); // a new crop starts at its first window
    return true;
}

bool PhotoDocument::retrace()
{
    if (!hasInput() || m_crop.isEmpty())
        return false;
    const QString where = tr("rows %1–%2, columns %3–%4")
                              .arg(m_crop.top())
                              .arg(m_crop.bottom())
                              .arg(m_crop.left())
                              .arg(m_crop.right());
    m_window->setChannelNames(m_channels);
    m_window->replaceInput(cropTensor(m_crop), tr("Photo crop: %1, %2").arg(m_inputName, where));
    m_window->setPlane(std::min(m_windowChannel, m_input->c() - 1));
    if (!m_window->trace()) {
        setMessage(tr("The sliding window cannot run on the %1 crop: %2")
                       .arg(photoSizeText(m_crop.height(), m_crop.width()), m_window->traceError()),
                   true);
        return false;
    }
    emit windowChanged(m_crop);
    return true;
}

void PhotoDocument::closeWindow()
{
    if (m_crop.isEmpty())
        return;
    m_crop = QRect();
    emit windowChanged(m_crop);
}

bool PhotoDocument::sendCropToMatrix()
{
    if (!hasInput()) {
        setMessage(tr("Open a photo first: a crop of it goes to the matrix tab."), true);
        return false;
    }
    const QRect crop = m_crop.isEmpty() ? cropAroundCentre() : m_crop;
    const int channel = std::min(m_windowChannel, m_input->c() - 1);
    const Tensor matrix = cropTensor(crop).planeTensor(0, channel);
    const QString description = tr("Photo crop: %1, rows %2–%3, columns %4–%5 (%6)")
                                    .arg(m_inputName)
                                    .arg(crop.top())
                                    .arg(crop.bottom())
                                    .arg(crop.left())
                                    .arg(crop.right())
                                    .arg(m_channels.value(channel));
    if (m_matrix)
        m_matrix->undoStack()->push(new CropToMatrixCommand(m_matrix, matrix, description));
    setMessage(tr("Sent the %1 crop (rows %2–%3, columns %4–%5, %6) to the matrix tab.")
                   .arg(photoSizeText(crop.height(), crop.width()))
                   .arg(crop.top())
                   .arg(crop.bottom())
                   .arg(crop.left())
                   .arg(crop.right())
                   .arg(m_channels.value(channel)),
               false);
    emit cropSentToMatrix(description);
    return true;
}

} // namespace poolviz

// Photo scenes of a lesson: capturing what the Photo tab shows (the photo by path or embedded,
// the channel choice, the Photo tab's own parameters and the sliding window's crop, channel,
// phase and step) and giving exactly that back. The rest of LessonController is in
// lessoncontroller.cpp.

#include "lessoncontroller.h"

#include "imageio.h"
#include "lessondocument.h"
#include "mainwindow.h"
#include "photodocument.h"
#include "photoworkspace.h"
#include "pooldocument.h"
#include "stagewidget.h"

#include <QBoxLayout>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QTabWidget>

#include <algorithm>

namespace poolviz {

namespace {

bool allOnes(const Tensor &t)
{
    return std::all_of(t.data().begin(), t.data().end(), [](float v) { return v == 1.0f; });
}

/// The pixels of `crop` (x = column) of every channel of `photo`, a (1, C, H, W) tensor.
Tensor cropOf(const Tensor &photo, const QRect &crop)
{
    Tensor out(1, photo.c(), crop.height(), crop.width(), 0.0f, 4);
    for (int c = 0; c < photo.c(); ++c)
        for (int r = 0; r < crop.height(); ++r)
            for (int col = 0; col < crop.width(); ++col)
                out.at(0, c, r, col) = photo.at(0, c, crop.y() + r, crop.x() + col);
    return out;
}

} // namespace

bool LessonController::photoTabShown() const
{
    return m_window->workspaceTabs()->currentWidget() == m_window->photoWorkspace();
}

PoolDocument *LessonController::shownDocument() const
{
    return photoTabShown() ? m_window->photoDocument()->windowDocument() : m_window->document();
}

void LessonController::placeNote(QWidget *stage, bool below)
{
    auto *column = qobject_cast<QBoxLayout *>(stage->parentWidget()->layout());
    if (!column)
        return;
    if (QWidget *old = m_note->parentWidget(); old && old->layout())
        old->layout()->removeWidget(m_note);
    column->insertWidget(column->indexOf(stage) + (below ? 1 : 0), m_note);
}

Scene LessonController::capturePhotoScene(const QString &title) const
{
    const PhotoDocument *photo = m_window->photoDocument();
    const PoolDocument *window = photo->windowDocument();
    Scene s;
    s.title = title;
    s.tab = SceneTab::Photo;
    s.photo.crop = photo->windowCrop();
    s.photo.channel = photo->windowChannel();
    s.photo.channels = photo->channelMode();
    s.photo.keepAlpha = photo->keepAlpha();
    if (!photo->inputPath().isEmpty())
        s.photo.path = QFileInfo(photo->inputPath()).absoluteFilePath();
    else
        s.photo.png =
            encodeImage(photo->inputImage()); // pasted or dropped: only the lesson keeps it
    s.params = photo->paramsA();
    if (!s.photo.crop.isEmpty()) {
        s.input = window->input();
        s.inputDescription = window->inputDescription();
        if (const Tensor g = window->upstream(); !g.empty() && !allOnes(g))
            s.upstream = g;
        s.phase = window->phase();
        s.plane = window->plane();
        s.step = window->step() + 1;
    } else {
        // The window is closed: the scene keeps the crop it would open on, so that it still
        // traces (and prints) without the photo.
        const QRect crop = photo->cropAroundCentre();
        s.input = cropOf(photo->input(), crop);
        s.inputDescription = tr("Photo crop: %1, rows %2–%3, columns %4–%5")
                                 .arg(photo->inputName())
                                 .arg(crop.top())
                                 .arg(crop.bottom())
                                 .arg(crop.left())
                                 .arg(crop.right());
        s.plane = std::min(photo->windowChannel(), s.input.planeCount() - 1);
    }
    return s;
}

bool LessonController::showPhotoScene(const Scene &s, const QString &name, QString &problem)
{
    PhotoDocument *photo = m_window->photoDocument();
    PhotoWorkspace *workspace = m_window->photoWorkspace();
    const ScenePhoto &p = s.photo;
    const QString file = QFileInfo(p.path).fileName();
    const auto fallBack = [&](const QString &why) {
        problem = tr("The photo of scene “%1” cannot be shown: %2 Its saved %3×%4 crop is on the "
                     "Matrix tab instead.")
                      .arg(name, why)
                      .arg(s.input.h())
                      .arg(s.input.w());
        return false;
    };
    if (p.png.isEmpty() && p.missing)
        return fallBack(
            tr("“%1” is not there (looked for %2).").arg(file, QDir::toNativeSeparators(p.path)));

    // The channel choice first: changing it reloads the photo shown now, not the scene's.
    photo->setChannelMode(p.channels);
    photo->setKeepAlpha(p.keepAlpha);
    bool loaded = false;
    if (!p.png.isEmpty())
        loaded = photo->setImage(QImage::fromData(p.png, "PNG"),
                                 file.isEmpty() ? tr("Photo of “%1”").arg(name) : file);
    else if (photo->hasInput() && QFileInfo(photo->inputPath()) == QFileInfo(p.path))
        loaded = true; // the photo shown already (the next scene on the same photo)
    else
        loaded = photo->openImage(p.path);
    if (!loaded)
        return fallBack(photo->message() + QLatin1Char('.'));

    // The scene's parameters are the Photo tab's own: the matrix tab's stay as they are.
    photo->setLinked(false);
    PoolDocument *window = photo->windowDocument();
    m_window->workspaceTabs()->setCurrentWidget(workspace);
    window->closeMergeWindow();
    window->setParams(s.params, tr("Show Scene “%1”").arg(name));
    window->closeMergeWindow();
    photo->setWindowChannel(p.channel);
    if (!p.crop.isEmpty())
        photo->setCropSize(std::max(p.crop.width(), p.crop.height())); // the control shows it
    if (p.crop.isEmpty()) {
        photo->closeWindow();
    } else if (!workspace->showSlidingWindow(p.crop)) {
        problem = tr("The sliding window of scene “%1” cannot run: %2")
                      .arg(name, photo->windowError().isEmpty() ? photo->message()
                                                                : photo->windowError());
    } else {
        window->setPhase(s.phase);
        const Tensor current = window->upstream();
        if (!s.upstream.empty() && !current.empty() && s.upstream.sameShape(current.shape()))
            window->setUpstream(s.upstream, tr("Show Scene “%1”").arg(name));
        else if (!s.upstream.empty())
            problem = tr("The gradient of scene “%1” is %2 but the output is %3: ones are used.")
                          .arg(name, QString::fromStdString(s.upstream.shapeString()),
                               current.empty() ? tr("missing")
                                               : QString::fromStdString(current.shapeString()));
        if ((s.upstream.empty() || !problem.isEmpty()) && !current.empty() && !allOnes(current)) {
            Tensor ones = current;
            std::fill(ones.data().begin(), ones.data().end(), 1.0f);
            window->setUpstream(ones, tr("Show Scene “%1”").arg(name));
        }
        window->setStep(s.step - 1);
    }
    // Above the sliding window's stage; with the window closed, under the Photo tab's controls.
    if (p.crop.isEmpty())
        placeNote(workspace->findChild<QWidget *>(QStringLiteral("photoControls")), true);
    else
        placeNote(workspace->stage());
    return true;
}

} // namespace poolviz

// The Qt side of fuzzcheck.h, linked only by the harnesses that decode images (image, lesson).
#include "fuzzcheck.h"

#include <QGuiApplication>
#include <QImageReader>

#include <memory>

namespace poolviz::fuzz {

void startGuiApplication(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static std::unique_ptr<QGuiApplication> app(new QGuiApplication(*argc, *argv));
    // Small decodes only, also for formats whose header gives no size: 2 MiB is the least
    // loadImage keeps (it raises the limit to what maxPixels needs, plus 1 MiB).
    QImageReader::setAllocationLimit(2);
}

} // namespace poolviz::fuzz

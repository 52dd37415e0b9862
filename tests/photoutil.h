#pragma once

// Shared helpers for the Photo tab's suites (tst_photodocument without widgets, tst_photo with):
// square pooling parameters, waiting for the pooling jobs, and seed 002's tensor as a picture.

#include "photodocument.h"

#include <QDeadlineTimer>
#include <QImage>
#include <QTest>

namespace poolviz::phototest {

/// `mode` pooling with a k×k kernel and stride s (the rest PyTorch's defaults).
inline PoolParams pool(PoolMode mode, int k, int s)
{
    PoolParams p;
    p.mode = mode;
    p.kernel = {k, k};
    p.stride = Size2{s, s};
    return p;
}

/// Waits (processing events) until the document has no job running or pending; true when it
/// then holds a result.
inline bool settle(const PhotoDocument &doc, int timeoutMs = 120000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (doc.isPooling() && !deadline.hasExpired())
        QTest::qWait(5);
    return !doc.isPooling() && doc.result() != nullptr;
}

/// Seed 002's small tensor [[6 9 9 2] [6 9 6 0] [8 3 4 5] [9 2 3 5]] as a gray picture.
inline QImage seed002Image()
{
    const int v[4][4] = {{6, 9, 9, 2}, {6, 9, 6, 0}, {8, 3, 4, 5}, {9, 2, 3, 5}};
    QImage img(4, 4, QImage::Format_Grayscale8);
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            img.scanLine(r)[c] = uchar(v[r][c]);
    return img;
}

} // namespace poolviz::phototest

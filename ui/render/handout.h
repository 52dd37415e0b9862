#pragma once

#include "trace.h"

#include <QCoreApplication>
#include <QPainter>
#include <QString>

#include <memory>
#include <vector>

namespace poolviz {

/// One scene of a handout: its words and the trace the stage renderer draws.
struct HandoutScene
{
    QString title;
    QString note;
    /// The scene's trace; null when its parameters are invalid (then `error` says why).
    std::shared_ptr<const Trace> trace;
    QString error;
    QString planeName; ///< "channel 2" for a multi-channel input, else empty
    bool fractions = false;
};

/// What a handout holds.
enum class HandoutKind
{
    /// One page per step of every scene: the stage at that step with its caption.
    Steps,
    /// One page per scene with the result grid left blank (the output forward, the input
    /// gradient backward) for students to fill in, then one answer page per scene.
    Worksheet
};

/// Lays out and writes PDF handouts (A4 landscape) with the stage renderer: a heading with the
/// lesson and scene titles, the teacher's note, the stage, and "Page n of N" at the foot.
class Handout
{
    Q_DECLARE_TR_FUNCTIONS(poolviz::Handout)

public:
    /// The most pages one handout may have (a photo crop of 64 steps in ten scenes is 640).
    static constexpr int kMaxPages = 1000;

    /// What one page shows: a scene, the step drawn (−1: before the first, the grid to fill in
    /// blank) and whether it is an answer page.
    struct Page
    {
        int scene = 0;
        int step = -1;
        bool answer = false;
        friend bool operator==(const Page &, const Page &) = default;
    };
    /// The pages of a handout, in order. A scene without a trace gets one page saying why.
    static std::vector<Page> pages(const std::vector<HandoutScene> &scenes, HandoutKind kind);

    /// Paints page `page` (of `pageCount`) into `target` (in the painter's units).
    static void paintPage(QPainter &painter, const QRectF &target, const QString &lessonTitle,
                          const std::vector<HandoutScene> &scenes, const Page &page, int pageNumber,
                          int pageCount);

    /// Writes the handout to `path` as PDF, atomically (QSaveFile). Returns an empty string on
    /// success, else the reason naming the file (a handout of more than kMaxPages pages is
    /// refused before anything is written, naming the count).
    static QString write(const QString &path, const QString &lessonTitle,
                         const std::vector<HandoutScene> &scenes, HandoutKind kind);
};

} // namespace poolviz

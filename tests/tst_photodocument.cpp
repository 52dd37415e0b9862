// The Photo tab's model without a widget: pooling against naive loops, the pyramid, A/B
// comparison on seed 002's tensor, cancel, latest-wins, the sliding window's crop, sending a crop
// to the matrix (and undoing it), the parameter link and the loader's warnings.

#include "imageio.h"
#include "photocamera.h"
#include "photodocument.h"
#include "photoutil.h"
#include "pooldocument.h"
#include "undocommands.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace poolviz;
using namespace poolviz::phototest;

namespace {

/// A w × h gray picture with irregular values: (x·37 + y·101 + seed·7)·2654435761 >> 8, low byte.
QImage grayPicture(int w, int h, int seed = 1)
{
    QImage img(w, h, QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            img.scanLine(y)[x] =
                uchar(((unsigned(x * 37 + y * 101 + seed * 7) * 2654435761u) >> 8) & 255);
    return img;
}

/// The k×k/k pooling of the gray image `img` at output (r, c), by a naive loop over its bytes (in
/// double; the float result of the core rounds to the same float).
double naiveBlock(const QImage &img, PoolMode mode, int k, int r, int c)
{
    double best = mode == PoolMode::Min ? 256 : -1, sum = 0;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            const double v = img.constScanLine(r * k + i)[c * k + j];
            sum += v;
            best = mode == PoolMode::Min ? std::min(best, v) : std::max(best, v);
        }
    return mode == PoolMode::Avg ? sum / (k * k) : best;
}

} // namespace

class TstPhotoDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void poolsLikeNaiveLoops_data();
    void poolsLikeNaiveLoops();
    void pyramidLevels();
    void compareSeed002();
    void cancelKeepsLastResult();
    void latestParamsWin();
    void windowCrop();
    void windowCropRefusedWithReason();
    void cropToMatrixIsOneUndoStep();
    void parametersLink();
    void loaderWarnings_data();
    void loaderWarnings();
};

void TstPhotoDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PoolVizTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_photodocument"));
    QSettings().clear();
}

void TstPhotoDocument::poolsLikeNaiveLoops_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("kernel");
    QTest::newRow("max 2×2/2") << int(PoolMode::Max) << 2;
    QTest::newRow("avg 3×3/3") << int(PoolMode::Avg) << 3;
    QTest::newRow("min 4×4/4") << int(PoolMode::Min) << 4;
}

void TstPhotoDocument::poolsLikeNaiveLoops()
{
    QFETCH(int, mode);
    QFETCH(int, kernel);
    PhotoDocument doc(nullptr);
    doc.windowDocument()->setParams(pool(PoolMode(mode), kernel, kernel), "A");
    const QImage img = grayPicture(25, 14);
    QVERIFY2(doc.setImage(img, "gray"), qPrintable(doc.message()));
    QCOMPARE(doc.channelNames(), QStringList{"gray"}); // a gray picture is one plane
    QVERIFY(settle(doc));
    const Tensor &out = *doc.result()->a.at(0).values;
    QCOMPARE(out.h(), 14 / kernel); // floor: the partial last window is dropped
    QCOMPARE(out.w(), 25 / kernel);
    for (int r = 0; r < out.h(); ++r)
        for (int c = 0; c < out.w(); ++c)
            QCOMPARE(out.at(0, 0, r, c), float(naiveBlock(img, PoolMode(mode), kernel, r, c)));
}

void TstPhotoDocument::pyramidLevels()
{
    PhotoDocument doc(nullptr);
    QVERIFY(doc.setImage(grayPicture(16, 12), "p"));
    doc.setLevels(3);
    QVERIFY(settle(doc));
    // 2×2/2 three times: 12×16 → 6×8 → 3×4 → 1×2.
    const PhotoResult &r = *doc.result();
    QCOMPARE(int(r.a.size()), 3);
    QCOMPARE(r.a[0].values->h(), 6);
    QCOMPARE(r.a[1].values->h(), 3);
    QCOMPARE(r.a[2].values->h(), 1);
    QCOMPARE(r.a[2].values->w(), 2);
    // Each level is the max of the previous one's 2×2 blocks.
    for (int l = 1; l < 3; ++l) {
        const Tensor &prev = *r.a[std::size_t(l - 1)].values, &cur = *r.a[std::size_t(l)].values;
        for (int i = 0; i < cur.h(); ++i)
            for (int j = 0; j < cur.w(); ++j)
                QCOMPARE(cur.at(0, 0, i, j),
                         std::max({prev.at(0, 0, 2 * i, 2 * j), prev.at(0, 0, 2 * i, 2 * j + 1),
                                   prev.at(0, 0, 2 * i + 1, 2 * j),
                                   prev.at(0, 0, 2 * i + 1, 2 * j + 1)}));
    }
    QCOMPARE(doc.levelChoices(), 3);
    doc.setShownLevel(9); // clamped to the levels computed
    QCOMPARE(doc.shownLevel(), 3);
    QCOMPARE(doc.valuesOf(PhotoLayer::Pooled), r.a[2].values.get());
    QCOMPARE(doc.suggestedName(PhotoLayer::Pooled), QStringLiteral("p-max2x2s2-level3"));
    doc.setLevels(1);
    QCOMPARE(doc.shownLevel(), 1);
    QVERIFY(settle(doc));
}

void TstPhotoDocument::compareSeed002()
{
    // Seed 002: max 2×2/2 gives [[9 9] [9 5]], avg 2×2/2 [[7.5 4.25] [5.5 4.25]], so |A − B| is
    // [[1.5 4.75] [3.5 0.75]], largest 4.75 at row 0, column 1.
    PhotoDocument doc(nullptr);
    QVERIFY(doc.setImage(seed002Image(), "seed002"));
    doc.setCompareSettings(PoolMode::Avg, 2, 2);
    QSignalSpy settings(&doc, &PhotoDocument::settingsChanged);
    doc.setComparing(true);
    QCOMPARE(settings.count(), 1);
    QCOMPARE(doc.paramsB(), pool(PoolMode::Avg, 2, 2));
    QVERIFY(settle(doc));
    const PhotoResult &r = *doc.result();
    QVERIFY(r.request.b.has_value());
    const Tensor &diff = r.diff.at(0).difference->values;
    const float expected[2][2] = {{1.5f, 4.75f}, {3.5f, 0.75f}};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j)
            QCOMPARE(diff.at(0, 0, i, j), expected[i][j]);
    const PhotoDifference &d = *r.diff[0].difference;
    QCOMPARE(d.largest, 4.75f);
    QCOMPARE(d.row, 0);
    QCOMPARE(d.col, 1);
    QCOMPARE(d.a, 9.0f);
    QCOMPARE(d.b, 4.25f);
    QCOMPARE(doc.differenceSummary(),
             QStringLiteral("Largest difference 4.75 at row 0, column 1: max 9 vs avg 4.25"));
    doc.setComparing(false);
    QVERIFY(settle(doc));
    QVERIFY(doc.differenceSummary().isEmpty());
    QVERIFY(!doc.valuesOf(PhotoLayer::Difference));
}

void TstPhotoDocument::cancelKeepsLastResult()
{
    PhotoDocument doc(nullptr);
    QImage big(3000, 2000, QImage::Format_RGB888);
    big.fill(QColor(10, 200, 30));
    QVERIFY(doc.setImage(big, "big"));
    QVERIFY(settle(doc));
    const PhotoResult *before = doc.result();
    // A job that takes seconds (L3 needs a pow() per tap, 3×3 at stride 1 on 18 M values),
    // cancelled as soon as it has started.
    PoolParams slow = pool(PoolMode::Lp, 3, 1);
    slow.p = 3;
    QSignalSpy started(&doc, &PhotoDocument::poolingStarted);
    QSignalSpy stopped(&doc, &PhotoDocument::poolingStopped);
    QSignalSpy applied(&doc, &PhotoDocument::resultApplied);
    doc.windowDocument()->setParams(slow, "slow");
    QVERIFY(doc.isPooling());
    QTRY_COMPARE(started.count(), 1);
    doc.cancelPooling();
    QVERIFY(!doc.isPooling());
    QVERIFY(stopped.count() >= 1);
    QVERIFY(doc.message().contains("cancelled"));
    // The last complete result stays, and nothing arrives for the cancelled job.
    QTest::qWait(100);
    QCOMPARE(applied.count(), 0);
    QCOMPARE(doc.result(), before);
    QCOMPARE(doc.result()->request.a, PoolParams{});
    // Pooling again delivers only the new job.
    doc.windowDocument()->setParams(pool(PoolMode::Max, 4, 4), "max 4");
    QVERIFY(settle(doc));
    QCOMPARE(applied.count(), 1);
    QCOMPARE(doc.result()->request.a, pool(PoolMode::Max, 4, 4));
}

void TstPhotoDocument::latestParamsWin()
{
    PhotoDocument doc(nullptr);
    QImage big(3000, 2000, QImage::Format_RGB888);
    for (int y = 0; y < big.height(); ++y) {
        uchar *line = big.scanLine(y);
        for (int x = 0; x < big.width() * 3; ++x)
            line[x] = uchar((x * 7 + y * 13) & 255);
    }
    QVERIFY(doc.setImage(big, "big"));
    QVERIFY(settle(doc));
    QSignalSpy started(&doc, &PhotoDocument::poolingStarted);
    QSignalSpy applied(&doc, &PhotoDocument::resultApplied);
    // A slow job (L3, 3×3 at stride 1), then two settings while it runs: each start cancels the
    // running job, and only the last one's result is applied.
    PoolParams slow = pool(PoolMode::Lp, 3, 1);
    slow.p = 3;
    doc.windowDocument()->setParams(slow, "slow");
    QTRY_COMPARE(started.count(), 1);
    doc.windowDocument()->setParams(pool(PoolMode::Avg, 4, 4), "avg 4");
    QTRY_COMPARE(started.count(), 2);
    doc.windowDocument()->setParams(pool(PoolMode::Min, 8, 8), "min 8");
    QVERIFY(settle(doc));
    QCOMPARE(started.count(), 3);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(applied.first().at(0).toULongLong(), started.last().at(0).toULongLong());
    QCOMPARE(doc.result()->request.a, pool(PoolMode::Min, 8, 8));
    QCOMPARE(doc.result()->a.at(0).values->w(), 375);
    QCOMPARE(doc.result()->a.at(0).values->h(), 250);
}

void TstPhotoDocument::windowCrop()
{
    PhotoDocument doc(nullptr);
    QImage rgb(40, 30, QImage::Format_RGB888);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 40; ++x)
            rgb.setPixel(x, y, qRgb(x * 6, y * 8, (x + y) % 256));
    QVERIFY(doc.setImage(rgb, "rgb"));
    QCOMPARE(doc.channelNames(), (QStringList{"R", "G", "B"}));
    // Centre (21.6, 10.2), 8×8: columns from round(17.6) = 18, rows from round(6.2) = 6, back
    // onto the stride-2 grid: (18, 6).
    doc.camera()->setView(4, QPointF(21.6, 10.2));
    QCOMPARE(doc.cropAroundCentre(), QRect(18, 6, 8, 8));
    doc.setWindowChannel(2);
    QSignalSpy changed(&doc, &PhotoDocument::windowChanged);
    QVERIFY(doc.setWindowCrop(doc.cropAroundCentre()));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(doc.windowCrop(), QRect(18, 6, 8, 8));
    // The window document holds the crop, traces the B channel and starts at its first step.
    const PoolDocument *window = doc.windowDocument();
    QCOMPARE(window->input().c(), 3);
    QCOMPARE(window->plane(), 2);
    QCOMPARE(window->channelNames(), (QStringList{"R", "G", "B"}));
    QCOMPARE(window->step(), 0);
    QCOMPARE(window->stepCount(), 16);
    for (int r = 0; r < 8; ++r)
        for (int c = 0; c < 8; ++c)
            QCOMPARE(window->trace()->input.at(r, c), float((18 + c + 6 + r) % 256));
    // Moving to another channel keeps the crop and the step.
    const_cast<PoolDocument *>(window)->setStep(5);
    doc.setWindowChannel(0);
    QCOMPARE(window->plane(), 0);
    QCOMPARE(window->step(), 5);
    QCOMPARE(window->trace()->input.at(0, 0), float(18 * 6));
    doc.closeWindow();
    QVERIFY(doc.windowCrop().isEmpty());
    QCOMPARE(changed.last().at(0).toRect(), QRect());
}

void TstPhotoDocument::windowCropRefusedWithReason()
{
    PhotoDocument doc(nullptr);
    QVERIFY(!doc.setWindowCrop(QRect(0, 0, 8, 8)));
    QVERIFY(doc.message().contains("Open a photo first"));
    QVERIFY(doc.setImage(grayPicture(30, 30), "g"));
    doc.windowDocument()->setParams(pool(PoolMode::Max, 9, 9), "9×9");
    // A 9×9 window does not fit the 8×8 crop: refused, with the core's reason.
    QVERIFY(!doc.setWindowCrop(QRect(0, 0, 8, 8)));
    QVERIFY(doc.windowCrop().isEmpty());
    QVERIFY2(doc.messageIsError() && doc.message().contains("8×8 crop"), qPrintable(doc.message()));
    QVERIFY(settle(doc));
}

void TstPhotoDocument::cropToMatrixIsOneUndoStep()
{
    PoolDocument matrix;
    PhotoDocument doc(&matrix);
    QVERIFY(!doc.sendCropToMatrix());
    QCOMPARE(matrix.undoStack()->count(), 0);
    QVERIFY(doc.setImage(grayPicture(20, 10), "g"));
    doc.setCropSize(4);
    doc.camera()->setView(1, QPointF(0, 0)); // the top-left corner: the crop is clamped to (0, 0)
    QSignalSpy sent(&doc, &PhotoDocument::cropSentToMatrix);
    QVERIFY(doc.sendCropToMatrix());
    QCOMPARE(sent.count(), 1);
    const QString description = QStringLiteral("Photo crop: g, rows 0–3, columns 0–3 (gray)");
    QCOMPARE(sent.first().at(0).toString(), description);
    QCOMPARE(matrix.undoStack()->count(), 1);
    const auto *command = dynamic_cast<const CropToMatrixCommand *>(matrix.undoStack()->command(0));
    QVERIFY(command);
    QCOMPARE(command->description(), description);
    QCOMPARE(matrix.input().h(), 4);
    QCOMPARE(matrix.input().at(1, 2), doc.input().at(0, 0, 1, 2));
    QCOMPARE(matrix.inputDescription(), description);
    QVERIFY(!matrix.isInputModified());
    matrix.undoStack()->undo();
    QCOMPARE(matrix.input().h(), 4);
    QCOMPARE(matrix.input().at(3, 3), 16.0f); // the 4×4 matrix 1…16 again
    QCOMPARE(matrix.inputDescription(), QStringLiteral("The 4×4 matrix 1…16"));
    matrix.undoStack()->redo();
    QCOMPARE(matrix.inputDescription(), description);
    QVERIFY(settle(doc));
}

void TstPhotoDocument::parametersLink()
{
    PoolDocument matrix;
    PhotoDocument doc(&matrix);
    QSignalSpy params(&doc, &PhotoDocument::paramsChanged);
    matrix.setParams(pool(PoolMode::Avg, 3, 3), "avg");
    QCOMPARE(params.count(), 0); // unlinked: the matrix's parameters do not reach the photo
    QCOMPARE(doc.paramsA(), PoolParams{});
    doc.setLinked(true);
    QCOMPARE(doc.paramsA(), pool(PoolMode::Avg, 3, 3));
    QCOMPARE(params.count(), 1);
    QCOMPARE(doc.parametersDocument(), &matrix);
    matrix.setParams(pool(PoolMode::Max, 4, 4), "max");
    QCOMPARE(doc.paramsA(), pool(PoolMode::Max, 4, 4));
    doc.setLinked(false);
    QCOMPARE(doc.parametersDocument(), doc.windowDocument());
    QCOMPARE(doc.paramsA(), pool(PoolMode::Max, 4, 4)); // the values it had stay
    // Without a matrix document there is nothing to link to.
    PhotoDocument alone(nullptr);
    alone.setLinked(true);
    QVERIFY(!alone.linked());
}

void TstPhotoDocument::loaderWarnings_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("warning"); // part of it; empty: none
    QTest::newRow("8-bit PNG") << int(QImage::Format_RGB888) << QString();
    QTest::newRow("16-bit PNG") << int(QImage::Format_RGBA64) << QStringLiteral("16 bits");
}

void TstPhotoDocument::loaderWarnings()
{
    QFETCH(int, format);
    QFETCH(QString, warning);
    QTemporaryDir dir;
    const QString path = dir.filePath("w.png");
    QImage img(6, 4, QImage::Format(format));
    img.fill(QColor(200, 100, 50));
    QVERIFY(img.save(path));
    PhotoDocument doc(nullptr);
    QSignalSpy input(&doc, &PhotoDocument::inputChanged);
    QVERIFY2(doc.openImage(path), qPrintable(doc.message()));
    QCOMPARE(input.count(), 1);
    if (warning.isEmpty()) {
        QVERIFY(doc.warnings().isEmpty());
    } else {
        QCOMPARE(doc.warnings().size(), 1);
        QVERIFY2(doc.warnings().first().contains(warning) &&
                     doc.warnings().first().contains("w.png"),
                 qPrintable(doc.warnings().first()));
        // A sound photo clears them.
        QVERIFY(doc.setImage(grayPicture(4, 4), "sound"));
        QVERIFY(doc.warnings().isEmpty());
    }
    QVERIFY(settle(doc));
}

QTEST_MAIN(TstPhotoDocument)
#include "tst_photodocument.moc"

// The stride explorer driven offscreen: its tiles for the 4×4 matrix 1…16 (outputs and coverage
// worked out by hand), a click and the keyboard choosing a setting as one undo step, the kernel
// series, and the bundled stripes pattern pooled at stride 2 and 3, where stride 3 > kernel 2
// paints false stripes (aliasing).

#include "datadir.h"
#include "imageio.h"
#include "pooldocument.h"
#include "strideexplorer.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace poolviz;

namespace {

QString plane(const Tensor &t)
{
    QStringList rows;
    for (int r = 0; r < t.h(); ++r) {
        QStringList cells;
        for (int c = 0; c < t.w(); ++c)
            cells << QString::number(t.at(r, c));
        rows << cells.join(QLatin1Char(' '));
    }
    return rows.join(QStringLiteral(" | "));
}

} // namespace

class TestStrideExplorer : public QObject
{
    Q_OBJECT
private slots:
    void tilesOfTheDefaultMatrix();
    void clickChoosesAsOneUndoStep();
    void keyboardChooses();
    void kernelSeries();
    void stripesAliasWhenStrideExceedsKernel();
    void photoTilesOffTheGuiThread();
};

void TestStrideExplorer::tilesOfTheDefaultMatrix()
{
    PoolDocument doc; // 1 … 16 in a 4×4, max 2×2 (stride = kernel)
    StrideExplorer explorer(&doc);
    explorer.resize(900, 400);
    explorer.show();
    const auto &tiles = explorer.tiles();
    QCOMPARE(tiles.size(), std::size_t(3)); // strides 1, 2, 3
    // Stride 1: ⌊(4 − 2)/1⌋ + 1 = 3 outputs per axis, each the window's bottom-right cell.
    QCOMPARE(plane(tiles[0].pooled), QStringLiteral("6 7 8 | 10 11 12 | 14 15 16"));
    QCOMPARE(tiles[0].variant.coverage.at(1, 1), 4); // inner cells: 2 windows per axis
    QCOMPARE(tiles[0].variant.coverage.at(0, 0), 1);
    QVERIFY(!tiles[0].current);
    // Stride 2 is the document's own setting (stride unset = kernel).
    QVERIFY(tiles[1].current);
    QCOMPARE(plane(tiles[1].pooled), QStringLiteral("6 8 | 14 16"));
    QCOMPARE(tiles[1].variant.coverage.skipped(), std::int64_t(0));
    // Stride 3: ⌊(4 − 2)/3⌋ + 1 = 1; only rows and columns 0–1 are read, 16 − 4 = 12 never.
    QCOMPARE(plane(tiles[2].pooled), QStringLiteral("6"));
    QCOMPARE(tiles[2].variant.coverage.skipped(), std::int64_t(12));
    QCOMPARE(VariantTilePainter::summary(tiles[2].variant),
             QStringLiteral("1×1 output · 12 cells never read"));
    QCOMPARE(VariantTilePainter::summary(tiles[0].variant),
             QStringLiteral("3×3 output · overlap up to 4"));
    QCOMPARE(VariantTilePainter::title(tiles[1], VariantAxis::Stride),
             QStringLiteral("stride 2 (now)"));
    QVERIFY(!explorer.tileRect(2).isEmpty());
}

void TestStrideExplorer::clickChoosesAsOneUndoStep()
{
    PoolDocument doc;
    StrideExplorer explorer(&doc);
    explorer.resize(900, 400);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    const int undoBefore = doc.undoStack()->count();
    QTest::mouseClick(explorer.tileView(), Qt::LeftButton, {}, explorer.tileRect(0).center());
    QCOMPARE(doc.params().effectiveStride(), (Size2{1, 1}));
    QCOMPARE(doc.params().kernel, (Size2{2, 2}));
    QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Choose stride 1 in the stride explorer"));
    QVERIFY(explorer.tiles()[0].current); // the tiles follow the document
    QCOMPARE(doc.geometry().outW(), 3);
    // Clicking the current setting again changes nothing.
    QTest::mouseClick(explorer.tileView(), Qt::LeftButton, {}, explorer.tileRect(0).center());
    QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.params().effectiveStride(), (Size2{2, 2}));
    QVERIFY(explorer.tiles()[1].current);
}

void TestStrideExplorer::keyboardChooses()
{
    PoolDocument doc;
    StrideExplorer explorer(&doc);
    explorer.resize(900, 400);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    explorer.tileView()->setFocus();
    QTest::keyClick(explorer.tileView(), Qt::Key_Right);
    QTest::keyClick(explorer.tileView(), Qt::Key_Right);
    QTest::keyClick(explorer.tileView(), Qt::Key_Return);
    QCOMPARE(doc.params().effectiveStride(), (Size2{3, 3}));
    QCOMPARE(doc.geometry().outH(), 1);
}

void TestStrideExplorer::kernelSeries()
{
    PoolDocument doc;
    StrideExplorer explorer(&doc);
    QSignalSpy spy(&explorer, &StrideExplorer::tilesChanged);
    auto *axis = explorer.findChild<QComboBox *>(QStringLiteral("strideAxis"));
    QVERIFY(axis);
    axis->setCurrentIndex(axis->findData(int(VariantAxis::Kernel)));
    QCOMPARE(explorer.axis(), VariantAxis::Kernel);
    QCOMPARE(spy.count(), 1);
    const auto &tiles = explorer.tiles();
    QCOMPARE(tiles.size(), std::size_t(3)); // kernels 1, 2, 3; stride unset follows the kernel
    QCOMPARE(plane(tiles[0].pooled),
             QStringLiteral("1 2 3 4 | 5 6 7 8 | 9 10 11 12 | 13 14 15 16"));
    QVERIFY(tiles[1].current);
    // Kernel 3, stride 3: ⌊(4 − 3)/3⌋ + 1 = 1 window over rows and columns 0–2: max 11.
    QCOMPARE(plane(tiles[2].pooled), QStringLiteral("11"));
    QCOMPARE(tiles[2].variant.coverage.skipped(), std::int64_t(7)); // 16 − 9
    QCOMPARE(VariantTilePainter::title(tiles[2], VariantAxis::Kernel),
             QStringLiteral("kernel 3×3"));
}

void TestStrideExplorer::stripesAliasWhenStrideExceedsKernel()
{
    const LoadedImage stripes = loadImage(
        dataPath(QStringLiteral("photos/test-pattern-stripes.png")), {ChannelMode::Grayscale});
    QVERIFY2(stripes.ok(), qPrintable(stripes.error));
    QCOMPARE(stripes.tensor.h(), 448);
    QCOMPARE(stripes.tensor.w(), 384);
    PoolDocument doc;         // the matrix tab's (max 2×2)
    PoolDocument photoParams; // the Photo tab's own parameters (max 2×2)
    StrideExplorer explorer(&doc);
    explorer.resize(1200, 500);
    explorer.setSource(StrideExplorer::Source::Photo);
    explorer.setPhoto(std::make_shared<const Tensor>(stripes.tensor),
                      QStringLiteral("test-pattern-stripes.png"), &photoParams);
    explorer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&explorer));
    // Pooled off the GUI thread: the tiles arrive with the job's result.
    const auto &tiles = explorer.tiles();
    QTRY_COMPARE(tiles.size(), std::size_t(3));
    QVERIFY(!explorer.isPooling());
    const QImage s2 = tiles[1].pooledImage, s3 = tiles[2].pooledImage;
    QCOMPARE(s2.size(), QSize(192, 224));
    // ⌊(384 − 2)/3⌋ + 1 = 128 columns, ⌊(448 − 2)/3⌋ + 1 = 149 rows.
    QCOMPARE(s3.size(), QSize(128, 149));
    // The right third of the stripe band (rows 384–447, columns 256–383) is 2 dark + 2 light
    // pixels: x mod 4 < 2 is 0, else 255.
    // Stride 2 reads columns 2j, 2j + 1: all dark when 2j mod 4 = 0, so the output alternates
    // 0, 255: stripes at half the size, true to the input.
    for (int j = 128; j < 192; ++j)
        QCOMPARE(qGray(s2.pixel(j, 200)), (2 * j) % 4 == 0 ? 0 : 255);
    // Stride 3 reads columns 3j, 3j + 1 and skips 3j + 2: both dark only when 3j mod 4 = 0, so
    // one output in four is dark: stripes of period 4 outputs (12 pixels) with a 1 : 3 duty that
    // the input does not have. That is aliasing.
    int dark = 0;
    for (int j = 86; j < 128; ++j) {
        QCOMPARE(qGray(s3.pixel(j, 140)), (3 * j) % 4 == 0 ? 0 : 255);
        dark += qGray(s3.pixel(j, 140)) == 0;
    }
    QCOMPARE(dark, 10); // j = 88, 92, …, 124
    // Choosing stride 3 sets the Photo tab's parameters, not the matrix's; the tiles are
    // pooled again for the new setting.
    QVERIFY(explorer.choose(2));
    QCOMPARE(photoParams.params().effectiveStride(), (Size2{3, 3}));
    QCOMPARE(doc.params().effectiveStride(), (Size2{2, 2}));
    QTRY_COMPARE(explorer.tiles().size(), std::size_t(3));
    QVERIFY(explorer.tiles()[2].current);
}

void TestStrideExplorer::photoTilesOffTheGuiThread()
{
    const LoadedImage stripes = loadImage(
        dataPath(QStringLiteral("photos/test-pattern-stripes.png")), {ChannelMode::Grayscale});
    QVERIFY2(stripes.ok(), qPrintable(stripes.error));
    PoolDocument doc;
    PoolDocument photoParams; // max 2×2
    StrideExplorer explorer(&doc);
    explorer.resize(1200, 500);
    explorer.setSource(StrideExplorer::Source::Photo);
    // The kernel of every photo tile the view was ever given.
    QList<int> shownKernels;
    connect(&explorer, &StrideExplorer::tilesChanged, this, [&] {
        for (const VariantTile &t : explorer.tiles())
            shownKernels << t.variant.params.kernel.h;
    });
    explorer.show();
    explorer.setPhoto(std::make_shared<const Tensor>(stripes.tensor),
                      QStringLiteral("test-pattern-stripes.png"), &photoParams);
    // The job runs while the GUI thread goes on: no tiles yet, and the status says so.
    QVERIFY(explorer.isPooling());
    QVERIFY(explorer.tiles().empty());
    QCOMPARE(explorer.findChild<QLabel *>(QStringLiteral("strideStatus"))->text(),
             QStringLiteral("Pooling test-pattern-stripes.png at each setting…"));
    // Kernel 3 before the 2×2 job is done: its result is stale and never shown.
    PoolParams k3;
    k3.kernel = {3, 3};
    photoParams.setParams(k3, QStringLiteral("k3"));
    QTRY_VERIFY(!explorer.isPooling() && !explorer.tiles().empty());
    const auto &tiles = explorer.tiles();
    // Kernel 3 at strides 1–4 on 448×384: ⌊(448 − 3)/s⌋ + 1 rows, ⌊(384 − 3)/s⌋ + 1 columns.
    QCOMPARE(tiles.size(), std::size_t(4));
    const QSize sizes[] = {{382, 446}, {191, 223}, {128, 149}, {96, 112}};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(tiles[std::size_t(i)].variant.params.kernel, (Size2{3, 3}));
        QCOMPARE(tiles[std::size_t(i)].pooledImage.size(), sizes[i]);
    }
    QVERIFY(tiles[2].current); // stride unset = kernel 3
    // Measured off the GUI thread. Stride 1: every cell, up to 3·3 windows. Stride 3: rows
    // 0–446 and all 384 columns are read, row 447 is not. Stride 4: 3 rows and columns in 4,
    // 336·288 cells of 448·384 read.
    QCOMPARE(VariantTilePainter::summary(tiles[0]),
             QStringLiteral("446×382 output · overlap up to 9"));
    QCOMPARE(VariantTilePainter::summary(tiles[2]),
             QStringLiteral("149×128 output · 384 cells never read"));
    QCOMPARE(VariantTilePainter::summary(tiles[3]),
             QStringLiteral("112×96 output · 75264 cells never read"));
    QVERIFY(tiles[0].variant.coverage.counts.empty()); // the photo-sized map is not kept
    // The 2×2 job's tiles never reached the view: every tile shown was kernel 3's.
    QCOMPARE(shownKernels, (QList<int>{3, 3, 3, 3}));
}

QTEST_MAIN(TestStrideExplorer)
#include "tst_strideexplorer.moc"

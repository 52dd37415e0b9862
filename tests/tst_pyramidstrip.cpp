// The pyramid strip offscreen: every level side by side with its size, one height for all,
// clicks and arrow keys choosing the level the views show.

#include "photodocument.h"
#include "photoworkspace.h"
#include "pooldocument.h"
#include "pyramidstrip.h"

#include <QSignalSpy>
#include <QTest>

using namespace poolviz;

class TestPyramidStrip : public QObject
{
    Q_OBJECT
private slots:
    void levelsSideBySide();
    void clickAndKeysChooseALevel();
    void photoTabShowsEveryLevel();
};

namespace {

QImage gray(int w, int h)
{
    QImage img(w, h, QImage::Format_Grayscale8);
    img.fill(128);
    return img;
}

} // namespace

void TestPyramidStrip::levelsSideBySide()
{
    PyramidStrip strip;
    strip.resize(900, 150);
    // A 64×48 photo pooled 2×2 three times: 32×24, 16×12, 8×6.
    strip.setLevels(gray(64, 48), {gray(32, 24), gray(16, 12), gray(8, 6)});
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    QCOMPARE(strip.levelCount(), 3);
    QCOMPARE(strip.label(0), QStringLiteral("photo · 48×64"));
    QCOMPARE(strip.label(2), QStringLiteral("level 2 · 12×16"));
    QCOMPARE(strip.label(4), QString());
    // One height for all, left to right without overlap, all inside the strip.
    for (int i = 0; i <= 3; ++i) {
        const QRect r = strip.levelRect(i);
        QCOMPARE(r.height(), strip.levelRect(0).height());
        QVERIFY(strip.rect().contains(r));
        if (i > 0)
            QVERIFY(r.left() > strip.levelRect(i - 1).right());
    }
    // Same aspect 4 : 3 at every level, so the same width too.
    QCOMPARE(strip.levelRect(3).width(), strip.levelRect(0).width());
    QVERIFY(strip.levelRect(4).isEmpty());
}

void TestPyramidStrip::clickAndKeysChooseALevel()
{
    PyramidStrip strip;
    strip.resize(900, 150);
    strip.setLevels(gray(64, 48), {gray(32, 24), gray(16, 12), gray(8, 6)});
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    QSignalSpy chosen(&strip, &PyramidStrip::levelChosen);
    QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.levelRect(3).center());
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.takeFirst().at(0).toInt(), 3);
    QCOMPARE(strip.currentLevel(), 3);
    QTest::mouseClick(&strip, Qt::LeftButton, {}, strip.levelRect(0).center()); // the photo
    QCOMPARE(chosen.count(), 0);
    QTest::keyClick(&strip, Qt::Key_Left);
    QCOMPARE(chosen.takeFirst().at(0).toInt(), 2);
    QTest::keyClick(&strip, Qt::Key_Right);
    QTest::keyClick(&strip, Qt::Key_Right); // already at the last level: stays 3
    QCOMPARE(strip.currentLevel(), 3);
    QCOMPARE(chosen.count(), 1); // only the move to 3 was a choice
    // Fewer levels after a new result: the frame moves to the last one there is.
    strip.setLevels(gray(64, 48), {gray(32, 24)});
    QCOMPARE(strip.currentLevel(), 1);
}

void TestPyramidStrip::photoTabShowsEveryLevel()
{
    PoolDocument matrix;
    PhotoDocument doc(&matrix); // max 2×2, stride 2
    PhotoWorkspace ws(&doc);
    ws.resize(1100, 800);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));
    QVERIFY(doc.setImage(gray(64, 48), QStringLiteral("gray 48×64")));
    doc.setLevels(3);
    // 48×64 → 24×32 → 12×16 → 6×8, each level pooled from the one before.
    QTRY_COMPARE(ws.pyramidStrip()->levelCount(), 3);
    QVERIFY(ws.pyramidStrip()->isVisible());
    QCOMPARE(ws.pyramidStrip()->label(0), QStringLiteral("photo · 48×64"));
    QCOMPARE(ws.pyramidStrip()->label(1), QStringLiteral("level 1 · 24×32"));
    QCOMPARE(ws.pyramidStrip()->label(3), QStringLiteral("level 3 · 6×8"));
    PyramidStrip *strip = ws.pyramidStrip();
    QTest::mouseClick(strip, Qt::LeftButton, {}, strip->levelRect(2).center());
    QCOMPARE(doc.shownLevel(), 2);
    doc.setShownLevel(3);
    QTRY_COMPARE(strip->currentLevel(), 3);
    doc.setLevels(1);
    QTRY_VERIFY(!strip->isVisible()); // one level: nothing to compare side by side
}

QTEST_MAIN(TestPyramidStrip)
#include "tst_pyramidstrip.moc"

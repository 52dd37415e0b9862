// Animation export with options (step range, frame size), progress and cancellation, its
// estimate, and the dialog that runs it off the GUI thread.

#include "animationexport.h"
#include "animationexportdialog.h"
#include "pool.h"

#include <QDir>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace poolviz;

namespace {

/// A 6×6 matrix pooled max 2×2, stride 1: 25 steps.
AnimationSource source(Phase phase = Phase::Forward)
{
    AnimationSource s;
    s.input = Tensor::matrix(6, 6);
    for (std::size_t i = 0; i < s.input.size(); ++i)
        s.input.data()[i] = float(i % 7);
    s.params.kernel = {2, 2};
    s.params.stride = Size2{1, 1};
    s.phase = phase;
    return s;
}

Trace traceOf(const AnimationSource &s)
{
    return makeTrace(s.input, s.params, s.phase, 0);
}

} // namespace

class TestAnimationExport : public QObject
{
    Q_OBJECT
private slots:
    void stepRangeAndSize_data();
    void stepRangeAndSize();
    void progressCancels();
    void estimateCountsFrames();
    void dialogExportsOffTheGuiThread();
    void dialogStopsOnCancel();
    void byteSizes_data();
    void byteSizes();
};

void TestAnimationExport::stepRangeAndSize_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::addColumn<int>("frames");
    QTest::newRow("all") << 0 << -1 << 25;
    QTest::newRow("steps 3 to 7") << 2 << 6 << 5;
    QTest::newRow("one step") << 24 << 24 << 1;
    QTest::newRow("last past the end") << 20 << 99 << 5;
}

void TestAnimationExport::stepRangeAndSize()
{
    QFETCH(int, first);
    QFETCH(int, last);
    QFETCH(int, frames);
    const Trace trace = traceOf(source());
    QCOMPARE(int(trace.steps.size()), 25);
    QTemporaryDir dir;
    AnimationOptions o;
    o.firstStep = first;
    o.lastStep = last;
    o.size = QSize(120, 80);
    int calls = 0;
    QCOMPARE(exportAnimation(trace, dir.path(), o,
                             [&](int done, int total) {
                                 ++calls;
                                 return done <= total;
                             }),
             QString());
    QCOMPARE(calls, frames);
    const QStringList written = QDir(dir.path()).entryList({"frame_*.png"}, QDir::Files);
    QCOMPARE(written.size(), frames);
    QCOMPARE(QImageReader(QDir(dir.path()).filePath(written.first())).size(), QSize(120, 80));
}

void TestAnimationExport::progressCancels()
{
    const Trace trace = traceOf(source());
    QTemporaryDir dir;
    const QString gif = dir.filePath("a.gif");
    AnimationOptions o;
    o.size = QSize(64, 48);
    // Stop after 3 frames: "cancelled", and no half-written GIF is left.
    QCOMPARE(exportAnimation(trace, gif, o, [](int done, int) { return done < 3; }),
             QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(gif));
}

void TestAnimationExport::estimateCountsFrames()
{
    const Trace trace = traceOf(source());
    AnimationOptions o;
    o.firstStep = 5;
    o.lastStep = 14;
    o.size = QSize(100, 60);
    const AnimationEstimate png = estimateAnimation(trace, o, false);
    QCOMPARE(png.frames, 10);
    QCOMPARE(png.size, QSize(100, 60));
    QVERIFY(png.bytes > 0);
    const AnimationEstimate gif = estimateAnimation(trace, o, true);
    QCOMPARE(gif.frames, 10);
    QVERIFY(gif.bytes > 0);
    // The estimate is within a factor of two of what the export writes.
    QTemporaryDir dir;
    const QString path = dir.filePath("e.gif");
    QCOMPARE(exportAnimation(trace, path, o), QString());
    const qint64 actual = QFileInfo(path).size();
    QVERIFY2(gif.bytes > actual / 2 && gif.bytes < actual * 2,
             qPrintable(QStringLiteral("estimate %1, actual %2").arg(gif.bytes).arg(actual)));
}

void TestAnimationExport::dialogExportsOffTheGuiThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("anim.gif");
    AnimationExportDialog dialog(source(Phase::Backward), path, 300);
    QCOMPARE(dialog.phase(), Phase::Backward);
    QCOMPARE(dialog.estimate().frames, 25);
    QVERIFY(dialog.findChild<QLabel *>("animationEstimate")->text().startsWith("25 frames"));
    dialog.findChild<QSpinBox *>("animationFrom")->setValue(4);
    dialog.findChild<QSpinBox *>("animationTo")->setValue(9);
    dialog.findChild<QSpinBox *>("animationWidth")->setValue(160);
    dialog.findChild<QSpinBox *>("animationHeight")->setValue(90);
    QTRY_COMPARE(dialog.estimate().frames, 6);
    QCOMPARE(dialog.options().firstStep, 3);
    QCOMPARE(dialog.options().lastStep, 8);
    QCOMPARE(dialog.options().frameMs, 300);
    QSignalSpy finished(&dialog, &AnimationExportDialog::finished);
    dialog.findChild<QPushButton *>("animationExport")->click();
    QVERIFY(dialog.isExporting());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toString(), QString());
    QCOMPARE(finished.first().at(1).toString(), QStringLiteral("Exported 6 frames to anim.gif."));
    QImageReader gif(path);
    QCOMPARE(gif.imageCount(), 6);
    QCOMPARE(gif.size(), QSize(160, 90));
}

void TestAnimationExport::dialogStopsOnCancel()
{
    // A large trace (64×64, stride 1: 3969 steps) takes long enough to stop halfway.
    AnimationSource big;
    big.input = Tensor::matrix(64, 64, 1.0f);
    big.params.kernel = {2, 2};
    big.params.stride = Size2{1, 1};
    QTemporaryDir dir;
    const QString path = dir.filePath("big.gif");
    AnimationExportDialog dialog(big, path, 100);
    QCOMPARE(dialog.estimate().frames, 63 * 63);
    QSignalSpy finished(&dialog, &AnimationExportDialog::finished);
    dialog.startExport();
    QVERIFY(dialog.isExporting());
    static_cast<QDialog &>(dialog).reject(); // Stop: stays open until the worker stops
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().at(0).toString(), QStringLiteral("cancelled"));
    QVERIFY(!dialog.isExporting());
    QVERIFY(!QFile::exists(path));
}

void TestAnimationExport::byteSizes_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("12") << qint64(12) << "12 bytes";
    QTest::newRow("8 500") << qint64(8500) << "8.5 kB";
    QTest::newRow("850 000") << qint64(850000) << "850 kB";
    QTest::newRow("129 MB") << qint64(129000000) << "129 MB";
    QTest::newRow("2.5 GB") << qint64(2500000000) << "2.5 GB";
}

void TestAnimationExport::byteSizes()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QLocale::setDefault(QLocale::c()); // German would write "8,5 kB" (tst_coremessages)
    QCOMPARE(byteSize(bytes), text);
}

QTEST_MAIN(TestAnimationExport)
#include "tst_animationexport.moc"

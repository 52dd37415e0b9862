// Animation export (ui/render/gifwriter.cpp, animationexport.cpp): GIF files with exact colours,
// PNG frames and their names, and export errors.
#include "renderutil.h"

#include "animationexport.h"
#include "gifwriter.h"
#include "stagerenderer.h"
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <gif_lib.h>

using namespace poolviz;
using namespace poolviz::test;

class TestFrameExport : public QObject
{
    Q_OBJECT
private slots:
    void gifExport();
    void gifWriterExactColours();
    void gifWriterErrors();
    void pngFrames();
    void pngFramesManySteps();
    void frameFileNames_data();
    void frameFileNames();
    void exportErrors();
};

void TestFrameExport::gifExport()
{
    QVERIFY(QImageReader::supportedImageFormats().contains("gif"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const QString path = dir.filePath("seed.gif");
    const QSize size(480, 300);
    QCOMPARE(exportAnimation(trace, path, 100, size), QString());
    QVERIFY(!QFile::exists(path + ".tmp"));

    QImageReader reader(path);
    QCOMPARE(reader.format(), QByteArray("gif"));
    QCOMPARE(reader.imageCount(), 9);
    QCOMPARE(reader.size(), size);
    // Frame i is step i at rest, colours preserved within quantization.
    const StageRenderer stage(trace);
    for (int i = 0; i < 9; ++i) {
        const QImage frame = reader.read().convertToFormat(QImage::Format_RGB32);
        QVERIFY2(!frame.isNull(), qPrintable(reader.errorString()));
        StageView view;
        view.step = i;
        const QImage expected = stage.render(size, view).convertToFormat(QImage::Format_RGB32);
        double diff = 0;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x) {
                const QRgb a = frame.pixel(x, y), b = expected.pixel(x, y);
                diff += std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) +
                        std::abs(qBlue(a) - qBlue(b));
            }
        diff /= 3.0 * size.width() * size.height();
        QVERIFY2(diff < 2.0,
                 qPrintable(QStringLiteral("frame %1: mean difference %2").arg(i).arg(diff)));
        QCOMPARE(frame.pixel(0, 0), qRgb(255, 255, 255));
    }

    // giflib's own view: 9 images, the NETSCAPE2.0 loop extension (0 = forever), 1/10 s delays.
    int error = 0;
    GifFileType *gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
    QVERIFY(gif);
    QCOMPARE(DGifSlurp(gif), GIF_OK);
    QCOMPARE(gif->ImageCount, 9);
    QCOMPARE(gif->SWidth, 480);
    QCOMPARE(gif->SHeight, 300);
    bool loop = false;
    const SavedImage &first = gif->SavedImages[0];
    for (int i = 0; i + 1 < first.ExtensionBlockCount; ++i) {
        const ExtensionBlock &b = first.ExtensionBlocks[i];
        if (b.Function == APPLICATION_EXT_FUNC_CODE && b.ByteCount == 11 &&
            QByteArray(reinterpret_cast<const char *>(b.Bytes), 11) == "NETSCAPE2.0") {
            const ExtensionBlock &data = first.ExtensionBlocks[i + 1];
            QCOMPARE(data.Function, CONTINUE_EXT_FUNC_CODE);
            QCOMPARE(data.ByteCount, 3);
            QCOMPARE(int(data.Bytes[0]), 1);
            QCOMPARE(int(data.Bytes[1]) | (int(data.Bytes[2]) << 8), 0);
            loop = true;
        }
    }
    QVERIFY(loop);
    for (int i = 0; i < 9; ++i) {
        GraphicsControlBlock gcb;
        QCOMPARE(DGifSavedExtensionToGCB(gif, i, &gcb), GIF_OK);
        QCOMPARE(gcb.DelayTime, 10);
    }
    DGifCloseFile(gif, &error);
}

void TestFrameExport::gifWriterExactColours()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("rgb.gif");
    GifWriter gif(path);
    QVERIFY(gif.open(QSize(16, 8), 3));
    const QList<QColor> colours{QColor(255, 0, 0), QColor(0, 200, 0), QColor(10, 20, 250)};
    for (const QColor &c : colours) {
        QImage frame(16, 8, QImage::Format_RGB32);
        frame.fill(c);
        frame.setPixel(15, 7, qRgb(255, 255, 255));
        QVERIFY2(gif.addFrame(frame, 250), qPrintable(gif.errorString()));
    }
    QVERIFY(!QFile::exists(path)); // nothing appears before finish()
    QVERIFY2(gif.finish(), qPrintable(gif.errorString()));
    QCOMPARE(gif.frameCount(), 3);

    QImageReader reader(path);
    QCOMPARE(reader.imageCount(), 3);
    QCOMPARE(reader.loopCount(), 3);
    for (const QColor &c : colours) {
        const QImage frame = reader.read();
        QCOMPARE(reader.nextImageDelay(), 250);
        QCOMPARE(QColor(frame.pixel(3, 3)), c);
        QCOMPARE(QColor(frame.pixel(15, 7)), QColor(Qt::white));
    }
    QCOMPARE(GifWriter::delayCentiseconds(700), 70);
    QCOMPARE(GifWriter::delayCentiseconds(14), 2); // browsers ignore delays below 2/100 s
    QCOMPARE(GifWriter::delayCentiseconds(125), 13);

    // A photo-like frame with thousands of colours: median cut, then exact palette means.
    QImage noisy(64, 64, QImage::Format_RGB32);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            noisy.setPixel(x, y, qRgb(x * 4, y * 4, (x * y) % 256));
    noisy.setPixel(0, 0, qRgb(255, 255, 255));
    const QString photo = dir.filePath("photo.gif");
    GifWriter g2(photo);
    QVERIFY(g2.open(noisy.size()));
    QVERIFY(g2.addFrame(noisy, 100));
    QVERIFY(g2.finish());
    const QImage back = QImage(photo).convertToFormat(QImage::Format_RGB32);
    double diff = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            diff += std::abs(qRed(back.pixel(x, y)) - qRed(noisy.pixel(x, y))) +
                    std::abs(qGreen(back.pixel(x, y)) - qGreen(noisy.pixel(x, y)));
    QVERIFY2(diff / (2 * 64 * 64) < 12, qPrintable(QString::number(diff / (2 * 64 * 64))));
}

void TestFrameExport::gifWriterErrors()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.gif");
    {
        GifWriter gif(path);
        QVERIFY(gif.open(QSize(16, 16)));
        QImage small(8, 8, QImage::Format_RGB32);
        small.fill(Qt::black);
        QVERIFY(!gif.addFrame(small, 100));
        QCOMPARE(gif.errorString(),
                 QStringLiteral("cannot write GIF \"%1\": frame 1 is 8×8, but the GIF is 16×16")
                     .arg(path));
    }
    QVERIFY(!QFile::exists(path));
    {
        GifWriter gif(path);
        QVERIFY(gif.open(QSize(16, 16)));
        QVERIFY(!gif.finish());
        QVERIFY(gif.errorString().contains("at least one frame"));
    }
    QVERIFY(!QFile::exists(path));
    {
        GifWriter gif(path);
        QVERIFY(!gif.open(QSize(0, 16)));
        QVERIFY(gif.errorString().contains("0×16"));
    }
    const QString nowhere = dir.filePath("missing/folder/x.gif");
    GifWriter gif(nowhere);
    QVERIFY(!gif.open(QSize(4, 4)));
    QVERIFY2(gif.errorString().startsWith(QStringLiteral("cannot write GIF \"%1\": ").arg(nowhere)),
             qPrintable(gif.errorString()));
}

void TestFrameExport::pngFrames()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath("frames");
    QVERIFY(QDir().mkpath(folder));
    // Left from an earlier, longer export, and a file of the user's.
    QImage stale(4, 4, QImage::Format_RGB32);
    stale.fill(Qt::red);
    QVERIFY(stale.save(folder + "/frame_012.png"));
    QFile notes(folder + "/notes.txt");
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("keep me");
    notes.close();

    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const QSize size(400, 260);
    QCOMPARE(exportAnimation(trace, folder, 700, size), QString());
    const QStringList frames = QDir(folder).entryList({"*.png"}, QDir::Files, QDir::Name);
    QStringList expected;
    for (int i = 0; i < 9; ++i)
        expected << QStringLiteral("frame_00%1.png").arg(i);
    QCOMPARE(frames, expected);
    QVERIFY(QFile::exists(folder + "/notes.txt"));
    const StageRenderer stage(trace);
    for (int i = 0; i < 9; ++i) {
        const QImage frame(folder + "/" + expected[i]);
        QCOMPARE(frame.size(), size);
        StageView view;
        view.step = i;
        QCOMPARE(frame.convertToFormat(QImage::Format_RGB32),
                 stage.render(size, view).convertToFormat(QImage::Format_RGB32));
    }
}

void TestFrameExport::pngFramesManySteps()
{
    // 33×33 with kernel 1: 1089 steps, so names need four digits.
    QTemporaryDir dir;
    const Trace trace = makeTrace(ramp(33, 33), maxPool(1, 1), Phase::Forward);
    QCOMPARE(int(trace.steps.size()), 1089);
    QCOMPARE(exportAnimation(trace, dir.path(), 50, QSize(96, 64)), QString());
    const QStringList frames = QDir(dir.path()).entryList({"*.png"}, QDir::Files, QDir::Name);
    QCOMPARE(frames.size(), 1089);
    QCOMPARE(frames.first(), QStringLiteral("frame_0000.png"));
    QCOMPARE(frames.last(), QStringLiteral("frame_1088.png"));
}

void TestFrameExport::frameFileNames_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("name");
    QTest::newRow("first of 9") << 0 << 9 << "frame_000.png";
    QTest::newRow("last of 9") << 8 << 9 << "frame_008.png";
    QTest::newRow("last of 1000") << 999 << 1000 << "frame_999.png";
    QTest::newRow("42 of 1200") << 42 << 1200 << "frame_0042.png";
    QTest::newRow("last of 1001") << 1000 << 1001 << "frame_1000.png";
    QTest::newRow("of 100000") << 7 << 100000 << "frame_00007.png";
}

void TestFrameExport::frameFileNames()
{
    QFETCH(int, index);
    QFETCH(int, count);
    QFETCH(QString, name);
    QCOMPARE(frameFileName(index, count), name);
}

void TestFrameExport::exportErrors()
{
    QTemporaryDir dir;
    const Trace trace = makeTrace(seedMatrix(), maxPool(2, 1), Phase::Forward);
    const QString file = dir.filePath("plain.txt");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    const QString error = exportAnimation(trace, file, 700, QSize(200, 100));
    QVERIFY2(error.contains("not a folder") && error.contains(file), qPrintable(error));

    const QString gif = dir.filePath("no/such/dir/a.gif");
    const QString gifError = exportAnimation(trace, gif, 700, QSize(200, 100));
    QVERIFY2(gifError.contains(gif), qPrintable(gifError));
    QVERIFY(!QFile::exists(gif));

    const Trace empty;
    QVERIFY(exportAnimation(empty, dir.filePath("e.gif")).contains("no steps"));
}

QTEST_MAIN(TestFrameExport)
#include "tst_frameexport.moc"

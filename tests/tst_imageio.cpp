// Image loading and saving (ui/render/imageio.cpp): round trips, grayscale luma, channels, scaling
// to bytes, broken and oversized files, and save errors.
#include "renderutil.h"

#include "imageio.h"
#include "stagerenderer.h"
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <cmath>
#include <limits>

#include <sys/stat.h>

using namespace poolviz;
using namespace poolviz::test;

class TestImageIo : public QObject
{
    Q_OBJECT
private slots:
    void imageRoundTrip_data();
    void imageRoundTrip();
    void grayscaleLuma_data();
    void grayscaleLuma();
    void singleChannels();
    void tensorToImageClampsAndScales();
    void loadColourPng();
    void loadBrokenFiles();
    void loadRefusesHugeHeader();
    void loadRefusesAboveCustomLimit();
    void saveImageErrors();
    void encodeImageInMemory();
};

void TestImageIo::imageRoundTrip_data()
{
    QTest::addColumn<int>("planes");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("keepAlpha");
    QTest::newRow("grayscale") << 1 << int(ChannelMode::Grayscale) << false;
    QTest::newRow("rgb") << 3 << int(ChannelMode::Color) << false;
    QTest::newRow("rgba") << 4 << int(ChannelMode::Color) << true;
}

void TestImageIo::imageRoundTrip()
{
    QFETCH(int, planes);
    QFETCH(int, mode);
    QFETCH(bool, keepAlpha);
    Tensor t(1, planes, 7, 9);
    for (std::size_t i = 0; i < t.size(); ++i)
        t.data()[i] = float((i * 37 + 11) % 256);
    if (planes == 4)
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 9; ++x)
                t.at(0, 3, y, x) = 255; // fully opaque keeps RGB exact through any premultiply
    const QImage image = tensorToImage(t);
    QCOMPARE(image.size(), QSize(9, 7));
    ImageLoadOptions options;
    options.channels = ChannelMode(mode);
    options.keepAlpha = keepAlpha;
    const LoadedImage back = imageToTensor(image, options);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.tensor.shape(), t.shape());
    QCOMPARE(back.tensor.data(), t.data());
    QCOMPARE(back.tensor.rank(), planes == 1 ? 2 : 3);
    QCOMPARE(back.grayscaleSource, planes == 1);
}

void TestImageIo::grayscaleLuma_data()
{
    QTest::addColumn<QColor>("colour");
    QTest::addColumn<float>("luma");
    // round(0.299 R + 0.587 G + 0.114 B)
    QTest::newRow("200,100,50") << QColor(200, 100, 50) << 124.0f; // 124.2
    QTest::newRow("red") << QColor(255, 0, 0) << 76.0f;            // 76.245
    QTest::newRow("green") << QColor(0, 255, 0) << 150.0f;         // 149.685
    QTest::newRow("blue") << QColor(0, 0, 255) << 29.0f;           // 29.07
    QTest::newRow("white") << QColor(255, 255, 255) << 255.0f;
    QTest::newRow("10,20,30") << QColor(10, 20, 30) << 18.0f; // 17.15
}

void TestImageIo::grayscaleLuma()
{
    QFETCH(QColor, colour);
    QFETCH(float, luma);
    QImage image(2, 1, QImage::Format_RGB32);
    image.fill(colour);
    ImageLoadOptions options;
    options.channels = ChannelMode::Grayscale;
    const LoadedImage loaded = imageToTensor(image, options);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.tensor.shape(), (std::array<int, 4>{1, 1, 1, 2}));
    QCOMPARE(loaded.tensor.at(0, 0), luma);
    QCOMPARE(loaded.tensor.at(0, 1), luma);
}

void TestImageIo::singleChannels()
{
    QImage image(1, 1, QImage::Format_ARGB32);
    image.setPixel(0, 0, qRgba(10, 20, 30, 40));
    const std::array<std::pair<ChannelMode, float>, 4> cases{{{ChannelMode::Red, 10},
                                                              {ChannelMode::Green, 20},
                                                              {ChannelMode::Blue, 30},
                                                              {ChannelMode::Alpha, 40}}};
    for (const auto &[mode, value] : cases) {
        ImageLoadOptions options;
        options.channels = mode;
        const LoadedImage loaded = imageToTensor(image, options);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.tensor.c(), 1);
        QCOMPARE(loaded.tensor.at(0, 0), value);
        QVERIFY(loaded.alphaSource);
    }
    ImageLoadOptions rgba;
    rgba.keepAlpha = true;
    const LoadedImage loaded = imageToTensor(image, rgba);
    QCOMPARE(loaded.tensor.data(), (Tensor::Storage{10, 20, 30, 40}));
    QVERIFY(!imageToTensor(QImage()).ok());
}

void TestImageIo::tensorToImageClampsAndScales()
{
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const Tensor t = Tensor::fromRows({{-5, 300}, {nan, 127.5f}});
    const QImage image = tensorToImage(t);
    QCOMPARE(image.format(), QImage::Format_Grayscale8);
    QCOMPARE(qGray(image.pixel(0, 0)), 0);
    QCOMPARE(qGray(image.pixel(1, 0)), 255);
    QCOMPARE(qGray(image.pixel(0, 1)), 0);
    QCOMPARE(qGray(image.pixel(1, 1)), 128);
    const QImage big = tensorToImage(t, 0, 3);
    QCOMPARE(big.size(), QSize(6, 6));
    for (int y = 0; y < 6; ++y)
        for (int x = 0; x < 6; ++x)
            QCOMPARE(big.pixel(x, y), image.pixel(x / 3, y / 3));
    // (2, 1, 1, 2): the second batch entry.
    Tensor batch(2, 3, 1, 2, 0.0f, 4);
    batch.at(1, 0, 0, 1) = 9;
    batch.at(1, 2, 0, 1) = 250;
    QCOMPARE(tensorToImage(batch, 1).pixel(1, 0), qRgb(9, 0, 250));
    QVERIFY(tensorToImage(batch, 2).isNull());
    QVERIFY(tensorToImage(Tensor(1, 2, 2, 2)).isNull());
}

void TestImageIo::loadColourPng()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("rgb.png");
    QImage image(3, 2, QImage::Format_RGB32);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 3; ++x)
            image.setPixel(x, y, qRgb(x * 100, y * 50 + 5, 7));
    QCOMPARE(saveImage(image, path), QString());
    const LoadedImage loaded = loadImage(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.size, QSize(3, 2));
    QCOMPARE(loaded.tensor.shape(), (std::array<int, 4>{1, 3, 2, 3}));
    QCOMPARE(loaded.tensor.at(0, 0, 1, 2), 200.0f);
    QCOMPARE(loaded.tensor.at(0, 1, 1, 2), 55.0f);
    QCOMPARE(loaded.tensor.at(0, 2, 1, 2), 7.0f);
    QVERIFY(!loaded.grayscaleSource);
}

void TestImageIo::loadBrokenFiles()
{
    QTemporaryDir dir;
    // Truncated: a valid noisy PNG cut in half.
    const QString truncated = dir.filePath("truncated.png");
    QImage noisy(64, 64, QImage::Format_RGB32);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            noisy.setPixel(x, y,
                           qRgb((x * 73 + y * 151) % 256, (x * y * 31) % 256, (x + y * 17) % 256));
    QVERIFY(noisy.save(truncated, "PNG"));
    QFile f(truncated);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 full = f.size();
    QVERIFY(f.resize(full / 2));
    f.close();
    const LoadedImage cut = loadImage(truncated);
    QVERIFY(!cut.ok());
    QVERIFY2(cut.error.contains(truncated), qPrintable(cut.error));

    // Not an image at all.
    const QString text = dir.filePath("notes.png");
    QFile t(text);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write("this is not a PNG, just text\n");
    t.close();
    const LoadedImage junk = loadImage(text);
    QVERIFY(!junk.ok());
    QVERIFY2(junk.error.startsWith(QStringLiteral("cannot read image \"%1\": ").arg(text)),
             qPrintable(junk.error));

    const QString missing = dir.filePath("nothing.png");
    QCOMPARE(loadImage(missing).error,
             QStringLiteral("cannot open image \"%1\": the file does not exist").arg(missing));
}

void TestImageIo::loadRefusesHugeHeader()
{
    // A 1×1 PNG whose IHDR claims 20000×20000 (CRC recomputed so the header is valid).
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.png");
    QImage one(1, 1, QImage::Format_RGB32);
    one.fill(Qt::blue);
    QByteArray bytes;
    {
        QFile tmp(dir.filePath("one.png"));
        QVERIFY(one.save(tmp.fileName(), "PNG"));
        QVERIFY(tmp.open(QIODevice::ReadOnly));
        bytes = tmp.readAll();
    }
    QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
    QCOMPARE(crc32(bytes.mid(12, 17)),
             quint32(quint8(bytes[29])) << 24 | quint32(quint8(bytes[30])) << 16 |
                 quint32(quint8(bytes[31])) << 8 | quint32(quint8(bytes[32])));
    putBigEndian(bytes, 16, 20000);
    putBigEndian(bytes, 20, 20000);
    putBigEndian(bytes, 29, crc32(bytes.mid(12, 17)));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    QCOMPARE(QImageReader(path).size(), QSize(20000, 20000));

    QElapsedTimer timer;
    timer.start();
    const LoadedImage loaded = loadImage(path);
    QVERIFY(timer.elapsed() < 1000); // refused from the header, nothing decoded
    QCOMPARE(loaded.error,
             QStringLiteral("cannot load \"%1\": the image is 20000×20000 = 400 megapixels, "
                            "above the limit of 100 megapixels")
                 .arg(path));
    QVERIFY(loaded.tensor.empty());
    QCOMPARE(loaded.size, QSize(20000, 20000));
}

void TestImageIo::loadRefusesAboveCustomLimit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("forty.png");
    QImage image(40, 40, QImage::Format_Grayscale8);
    image.fill(3);
    QVERIFY(image.save(path));
    ImageLoadOptions options;
    options.maxPixels = 1000;
    QCOMPARE(
        loadImage(path, options).error,
        QStringLiteral(
            "cannot load \"%1\": the image is 40×40 = 1600 pixels, above the limit of 1000 pixels")
            .arg(path));
    options.maxPixels = 1600;
    const LoadedImage ok = loadImage(path, options);
    QVERIFY2(ok.ok(), qPrintable(ok.error));
    QCOMPARE(ok.tensor.c(), 3);
    QCOMPARE(ok.tensor.at(0, 1, 39, 39), 3.0f);
    QVERIFY(ok.grayscaleSource);
    // Qt's own allocation limit is raised to fit maxPixels at 8 bytes per pixel.
    options.maxPixels = 100'000'000;
    QVERIFY(loadImage(path, options).ok());
    QVERIFY(QImageReader::allocationLimit() >= 763);
}

void TestImageIo::encodeImageInMemory()
{
    QImage image(3, 2, QImage::Format_RGB32);
    image.fill(QColor(10, 200, 30));
    image.setPixelColor(1, 1, QColor(255, 0, 0));
    const QByteArray png = encodeImage(image);
    QVERIFY(png.startsWith("\x89PNG\r\n\x1a\n"));
    const QImage back = QImage::fromData(png, "PNG");
    QCOMPARE(back.size(), QSize(3, 2));
    QCOMPARE(back.pixelColor(1, 1), QColor(255, 0, 0)); // lossless
    QCOMPARE(back.pixelColor(2, 0), QColor(10, 200, 30));
    const QByteArray jpeg = encodeImage(image, "JPEG", 90);
    QVERIFY(jpeg.startsWith("\xff\xd8\xff"));
    QVERIFY(encodeImage(QImage()).isEmpty());
}

void TestImageIo::saveImageErrors()
{
    QTemporaryDir dir;
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::green);
    const QString xyz = dir.filePath("a.xyz");
    QCOMPARE(saveImage(image, xyz),
             QStringLiteral("cannot save \"%1\": Qt cannot write .xyz images").arg(xyz));
    QVERIFY(!QFile::exists(xyz));
    const QString bare = dir.filePath("noextension");
    QVERIFY(saveImage(image, bare).contains("no extension"));
    const QString nowhere = dir.filePath("missing/a.png");
    QVERIFY(
        saveImage(image, nowhere).startsWith(QStringLiteral("cannot write \"%1\": ").arg(nowhere)));
    QVERIFY(saveImage(QImage(), dir.filePath("b.png")).contains("empty"));
    const QString jpg = dir.filePath("c.jpg");
    QCOMPARE(saveImage(image, jpg, 95), QString());
    QCOMPARE(QImageReader(jpg).format(), QByteArray("jpeg"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"c.jpg"});

    // QSaveFile renames onto its target: onto a named pipe (or /dev/full through a link) that
    // put a PNG in the device's place. Refused, and the pipe stays a pipe.
    const QString pipe = dir.filePath("pipe.png");
    QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
    QCOMPARE(saveImage(image, pipe),
             QStringLiteral("cannot write \"%1\": it is a device, pipe or socket, not a regular "
                            "file (PoolViz replaces an output file whole)")
                 .arg(pipe));
    QVERIFY(QFileInfo(pipe).exists() && !QFileInfo(pipe).isFile());
}

QTEST_MAIN(TestImageIo)
#include "tst_imageio.moc"

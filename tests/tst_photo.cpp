// The Photo tab: loading (formats, channels, corrupt/truncated files, size limit), pooling off the
// GUI thread (latest result wins), synchronized views, the sliding window on a crop, the pyramid,
// A/B comparison with |A − B|, and export round trips. Runs on the offscreen platform.

#include "imageio.h"
#include "matrixio.h"
#include "photocamera.h"
#include "photodifference.h"
#include "photodocument.h"
#include "photopooler.h"
#include "photosettings.h"
#include "photoutil.h"
#include "photoview.h"
#include "photoworkspace.h"
#include "playbackbar.h"
#include "pool.h"
#include "pooldocument.h"
#include "stagewidget.h"
#include "trace.h"
#include "traceplayer.h"
#include "undocommands.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QtEndian>

#include <cmath>

using namespace poolviz;
using namespace poolviz::phototest;

namespace {

/// The matrix document, the Photo tab's document with setting A = `a`, and the tab's widgets,
/// wired as the main window wires them.
struct PhotoTab
{
    explicit PhotoTab(const PoolParams &a = {}) : doc(&matrix), ws(&doc) { set(a); }
    /// Sets A as the parameter panel does (one undo step on the tab's own stack).
    void set(const PoolParams &a) { doc.windowDocument()->setParams(a, QStringLiteral("A")); }
    PoolDocument matrix;
    PhotoDocument doc;
    PhotoWorkspace ws;
};

/// A w × h RGB picture with distinct, irregular values in every channel.
QImage testPicture(int w, int h, int seed = 1)
{
    QImage img(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
        uchar *line = img.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const unsigned v = unsigned(x * 37 + y * 101 + seed * 7) * 2654435761u;
            line[3 * x + 0] = uchar((v >> 8) & 255);
            line[3 * x + 1] = uchar((x * 5 + y * 3 + seed) & 255);
            line[3 * x + 2] = uchar((v >> 20) & 255);
        }
    }
    return img;
}

QString sampleNamed(const QString &part)
{
    for (const QString &s : PhotoDocument::samplePhotos())
        if (s.contains(part))
            return s;
    return {};
}

/// CRC-32 as PNG chunks use it (polynomial 0xEDB88320).
quint32 pngCrc(const QByteArray &bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char ch : bytes) {
        crc ^= quint8(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc & 1) ? (crc >> 1) ^ 0xedb88320u : crc >> 1;
    }
    return crc ^ 0xffffffffu;
}

/// A PNG whose header claims width × height pixels but that holds no image data: decoding it would
/// need width·height·4 bytes, so only a check of the header can refuse it cheaply.
QByteArray pngHeaderOnly(quint32 width, quint32 height)
{
    QByteArray ihdr("IHDR");
    char data[13];
    qToBigEndian(width, data);
    qToBigEndian(height, data + 4);
    data[8] = 8; // bit depth
    data[9] = 2; // colour type RGB
    data[10] = data[11] = data[12] = 0;
    ihdr.append(data, 13);
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    char len[4];
    qToBigEndian(quint32(13), len);
    png.append(len, 4);
    png.append(ihdr);
    char crc[4];
    qToBigEndian(pngCrc(ihdr), crc);
    png.append(crc, 4);
    // An IDAT chunk that ends the header (its few bytes could never hold the picture), then IEND.
    for (const QByteArray &chunk :
         {QByteArray("IDAT\x78\x9c\x03\x00\x00\x00\x00\x01", 12), QByteArray("IEND")}) {
        qToBigEndian(quint32(chunk.size() - 4), len);
        png.append(len, 4);
        png.append(chunk);
        qToBigEndian(pngCrc(chunk), crc);
        png.append(crc, 4);
    }
    return png;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// The max of the k×k block at (r·s, c·s) of plane p, by a naive loop.
float blockMax(const Tensor &t, int p, int r, int c, int k, int s)
{
    float m = -1;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j)
            m = std::max(m, t.planeData(p)[std::size_t(r * s + i) * t.w() + (c * s + j)]);
    return m;
}

/// Every value of `a` equals `b` (same shape); the first difference in `where`.
bool sameTensor(const Tensor &a, const Tensor &b, QString *where = nullptr, double tol = 0)
{
    if (a.c() != b.c() || a.h() != b.h() || a.w() != b.w()) {
        if (where)
            *where = QStringLiteral("shapes %1 vs %2")
                         .arg(QString::fromStdString(a.shapeString()),
                              QString::fromStdString(b.shapeString()));
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::fabs(double(a.data()[i]) - double(b.data()[i])) > tol) {
            if (where)
                *where =
                    QStringLiteral("index %1: %2 vs %3").arg(i).arg(a.data()[i]).arg(b.data()[i]);
            return false;
        }
    return true;
}

Tensor seed002Tensor()
{
    Tensor t(1, 1, 4, 4, 0.0f, 2);
    t.data() = {6, 9, 9, 2, 6, 9, 6, 0, 8, 3, 4, 5, 9, 2, 3, 5};
    return t;
}

} // namespace

class TstPhoto : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void samplesAreBundled();
    void pooledHalfSizeIsBlockMax_data();
    void pooledHalfSizeIsBlockMax();
    void perChannelEqualsChannelAlone();
    void exportRoundTrip_data();
    void exportRoundTrip();
    void exportUpscaledShowsBlocks();
    void exportValuesNpyAndCsv();
    void exportFailuresSayWhy();
    void badFileKeepsInput_data();
    void badFileKeepsInput();
    void sizeLimitRefusesFromHeader();
    void sizeLimitIsConfigurable();
    void channelChoices_data();
    void channelChoices();
    void grayPhotoIsOneChannel();
    void invalidParamsSayWhy();
    void latestParamsWinWhileLargePhotoPools();
    void cancelKeepsLastResult();
    void synchronizedZoomAndPan();
    void valuesAppearAtHighZoom();
    void pyramidLevels();
    void poolerPoolsBytesAndFloatsAlike_data();
    void poolerPoolsBytesAndFloatsAlike();
    void differenceOfSeed002();
    void differenceOfDifferentSizes();
    void slidingWindowOnCrop();
    void sendCropToMatrix();
    void dropAndPaste();
    void loaderWarningsShowInline();
    void recentFiles();
    void linkedParameters();
    void poolDocumentIntegration();
    void screenshots();
};

void TstPhoto::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PoolVizTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_photo"));
    QSettings().clear();
}

void TstPhoto::init()
{
    PhotoSettings().setMaxMegapixels(PhotoSettings::defaultMaxMegapixels);
}

void TstPhoto::samplesAreBundled()
{
    const QStringList samples = PhotoDocument::samplePhotos();
    QVERIFY2(samples.size() >= 3, qPrintable(samples.join(',')));
    // Seed 000's 224×224 grayscale cat and seed 002's 321×481 colour photo size.
    const LoadedImage cat = loadImage(sampleNamed("cat-224"), {ChannelMode::Grayscale});
    QVERIFY2(cat.ok(), qPrintable(cat.error));
    QCOMPARE(cat.tensor.h(), 224);
    QCOMPARE(cat.tensor.w(), 224);
    const LoadedImage lake = loadImage(sampleNamed("lake"));
    QVERIFY2(lake.ok(), qPrintable(lake.error));
    QCOMPARE(lake.tensor.c(), 3);
    QCOMPARE(lake.tensor.h(), 321);
    QCOMPARE(lake.tensor.w(), 481);
    for (const QString &s : samples)
        QVERIFY2(QFileInfo(s).size() <= 300 * 1024, qPrintable(s));
}

void TstPhoto::pooledHalfSizeIsBlockMax_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("outH");
    QTest::addColumn<int>("outW");
    // Seed 000: the 224×224 grayscale cat pooled 2×2/2 is 112×112.
    QTest::newRow("seed 000 cat 224→112") << "cat-224" << int(ChannelMode::Grayscale) << 112 << 112;
    // Seed 002: a 321×481 RGB photo pooled 2×2 is 160×240.
    QTest::newRow("seed 002 lake 321×481→160×240")
        << "lake" << int(ChannelMode::Color) << 160 << 240;
}

void TstPhoto::pooledHalfSizeIsBlockMax()
{
    QFETCH(QString, sample);
    QFETCH(int, channels);
    QFETCH(int, outH);
    QFETCH(int, outW);
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    doc.setChannelMode(ChannelMode(channels));
    QVERIFY2(doc.openImage(sampleNamed(sample)), qPrintable(doc.message()));
    QVERIFY(settle(doc));
    QCOMPARE(doc.result()->a.size(), std::size_t(1));
    const Tensor &in = doc.input();
    const Tensor &out = *doc.result()->a[0].values;
    QCOMPARE(out.h(), outH);
    QCOMPARE(out.w(), outW);
    QCOMPARE(out.c(), in.c());
    int checked = 0;
    for (int p = 0; p < out.c(); ++p)
        for (int r = 0; r < outH; ++r)
            for (int c = 0; c < outW; ++c) {
                const float expected = blockMax(in, p, r, c, 2, 2);
                const float got = out.planeData(p)[std::size_t(r) * outW + c];
                if (got != expected)
                    QFAIL(qPrintable(QStringLiteral("plane %1 (%2, %3): %4, block max %5")
                                         .arg(p)
                                         .arg(r)
                                         .arg(c)
                                         .arg(got)
                                         .arg(expected)));
                ++checked;
            }
    QCOMPARE(checked, outH * outW * in.c());
    // The pooled view shows it, drawn over the photo at twice the pixel size.
    QCOMPARE(ws.pooledView()->image().size(), QSize(outW, outH));
    QCOMPARE(ws.pooledView()->mapping().scaleX, 2.0);
    QCOMPARE(ws.pooledView()->mapping().offsetX, 0.0);
}

void TstPhoto::perChannelEqualsChannelAlone()
{
    PhotoTab tab(pool(PoolMode::Avg, 3, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.openImage(sampleNamed("lake")));
    QVERIFY(settle(doc));
    const Tensor colour = *doc.result()->a[0].values;
    QCOMPARE(colour.c(), 3);
    const ChannelMode alone[] = {ChannelMode::Red, ChannelMode::Green, ChannelMode::Blue};
    for (int c = 0; c < 3; ++c) {
        doc.setChannelMode(alone[c]);
        QCOMPARE(doc.input().c(), 1);
        QVERIFY(settle(doc));
        const Tensor &single = *doc.result()->a[0].values;
        QString where;
        QVERIFY2(sameTensor(single, colour.planeTensor(0, c), &where),
                 qPrintable(QStringLiteral("channel %1: %2").arg(c).arg(where)));
        // …and both equal core's forward on that channel of the photo.
        const Tensor direct = forward(doc.input(), pool(PoolMode::Avg, 3, 2)).values;
        QVERIFY(sameTensor(single, direct, &where));
    }
}

void TstPhoto::exportRoundTrip_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("quality");
    QTest::addColumn<double>("meanTolerance"); // 0: exact
    QTest::newRow("png") << "png" << -1 << 0.0;
    QTest::newRow("bmp") << "bmp" << -1 << 0.0;
    QTest::newRow("tiff") << "tiff" << -1 << 0.0;
    QTest::newRow("webp lossless (quality 100)") << "webp" << 100 << 0.0;
    QTest::newRow("webp lossy") << "webp" << 80 << 6.0;
    QTest::newRow("jpeg") << "jpg" << 95 << 4.0;
}

void TstPhoto::exportRoundTrip()
{
    QFETCH(QString, suffix);
    QFETCH(int, quality);
    QFETCH(double, meanTolerance);
    const QByteArray format = suffix == "jpg" ? QByteArray("jpeg") : suffix.toLatin1();
    if (!QImageWriter::supportedImageFormats().contains(format))
        QSKIP(qPrintable(QStringLiteral("Qt has no %1 writer plugin here").arg(suffix)));

    // A real photo (lossy formats are made for those), pooled 2×2/2 to 160×240.
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.openImage(sampleNamed("lake")));
    QVERIFY(settle(doc));
    const Tensor &pooled = *doc.result()->a[0].values;
    QTemporaryDir dir;
    const QString path = dir.filePath("pooled." + suffix);
    QCOMPARE(doc.exportImage(path, PhotoLayer::Pooled, 1, quality), QString());
    const LoadedImage back = loadImage(path);
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.tensor.h(), 160);
    QCOMPARE(back.tensor.w(), 240);
    QCOMPARE(back.tensor.c(), 3);
    double sum = 0;
    for (std::size_t i = 0; i < pooled.size(); ++i)
        sum += std::fabs(double(back.tensor.data()[i]) - pooled.data()[i]);
    const double mean = sum / double(pooled.size());
    if (meanTolerance == 0)
        QCOMPARE(mean, 0.0);
    else
        QVERIFY2(mean <= meanTolerance && mean > 0, qPrintable(QString::number(mean)));
    // No temporary file is left next to it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"pooled." + suffix});
}

void TstPhoto::exportUpscaledShowsBlocks()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.setImage(testPicture(20, 10), "test"));
    QVERIFY(settle(doc));
    const Tensor &pooled = *doc.result()->a[0].values; // 5×10
    QTemporaryDir dir;
    const QString path = dir.filePath("big.png");
    QCOMPARE(doc.exportImage(path, PhotoLayer::Pooled, 4), QString());
    const QImage img(path);
    QCOMPARE(img.size(), QSize(40, 20));
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 40; ++x) {
            const QColor c = img.pixelColor(x, y);
            QCOMPARE(float(c.red()), pooled.at(0, 0, y / 4, x / 4));
            QCOMPARE(float(c.blue()), pooled.at(0, 2, y / 4, x / 4));
        }
    // Too large an upscale is refused with the numbers.
    const QString error = doc.exportImage(dir.filePath("huge.png"), PhotoLayer::Pooled, 4000);
    QVERIFY2(error.contains("20000×40000") && error.contains("32768"), qPrintable(error));
    QVERIFY(!QFile::exists(dir.filePath("huge.png")));
}

void TstPhoto::exportValuesNpyAndCsv()
{
    // Average pooling of 1 2 / 4 4 gives 2.75: the values must not be rounded.
    QImage img(4, 2, QImage::Format_RGB888);
    const int red[2][4] = {{1, 2, 10, 20}, {4, 4, 30, 41}};
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 4; ++x)
            img.setPixel(x, y, qRgb(red[y][x], 100 + x, 7));
    PhotoTab tab(pool(PoolMode::Avg, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.setImage(img, "tiny"));
    QVERIFY(settle(doc));
    QTemporaryDir dir;
    const QString npy = dir.filePath("v.npy");
    QCOMPARE(doc.exportValues(npy, PhotoLayer::Pooled), QString());
    const IoResult<NpyArray> back = readNpy(npy.toStdString());
    QVERIFY2(back.ok(), back.error.toString().c_str());
    const Tensor &t = back.value->tensor;
    QCOMPARE(t.rank(), 3);
    QCOMPARE(QString::fromStdString(t.shapeString()), QString("3×1×2"));
    QCOMPARE(t.at(0, 0, 0, 0), 2.75f);  // (1+2+4+4)/4
    QCOMPARE(t.at(0, 0, 0, 1), 25.25f); // (10+20+30+41)/4
    QCOMPARE(t.at(0, 1, 0, 0), 100.5f); // (100+101+100+101)/4
    QCOMPARE(t.at(0, 2, 0, 1), 7.0f);

    // CSV: one file per channel, named after it.
    const QString csv = dir.filePath("v.csv");
    const QStringList files = doc.valueFiles(csv);
    QCOMPARE(files, (QStringList{dir.filePath("v-R.csv"), dir.filePath("v-G.csv"),
                                 dir.filePath("v-B.csv")}));
    QCOMPARE(doc.exportValues(csv, PhotoLayer::Pooled), QString());
    const IoResult<Tensor> r = readCsv(files[0].toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->at(0, 0), 2.75f);
    QCOMPARE(r.value->at(0, 1), 25.25f);
    const IoResult<Tensor> g = readCsv(files[1].toStdString());
    QVERIFY(g.ok());
    QCOMPARE(g.value->at(0, 1), 102.5f);
}

void TstPhoto::exportFailuresSayWhy()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QTemporaryDir dir;
    // Nothing pooled yet.
    QVERIFY(doc.exportImage(dir.filePath("a.png"), PhotoLayer::Pooled).contains("no pooled photo"));
    QVERIFY(doc.setImage(testPicture(8, 8), "t"));
    QVERIFY(settle(doc));
    // An unknown format names the suffix and the choices.
    QString error = doc.exportImage(dir.filePath("a.xyz"), PhotoLayer::Pooled);
    QVERIFY2(error.contains("xyz") && error.contains("png"), qPrintable(error));
    // A folder that does not exist: the message names the file.
    error = doc.exportImage(dir.filePath("missing/a.png"), PhotoLayer::Pooled);
    QVERIFY2(!error.isEmpty() && error.contains("a.png"), qPrintable(error));
    error = doc.exportValues(dir.filePath("missing/a.npy"), PhotoLayer::Pooled);
    QVERIFY2(!error.isEmpty() && error.contains("a.npy"), qPrintable(error));
    // No difference without a comparison.
    QVERIFY(doc.exportImage(dir.filePath("d.png"), PhotoLayer::Difference).contains("Compare"));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TstPhoto::badFileKeepsInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // part of the message
    const QByteArray png = encodeImage(testPicture(120, 90, 3));
    const QByteArray jpg = encodeImage(testPicture(120, 90, 3), "JPEG", 90);
    QByteArray garbage = png.left(16);
    for (int i = 0; i < 400; ++i)
        garbage.append(char((i * 73) & 255));
    QTest::newRow("corrupt png") << "corrupt.png" << garbage << "cannot read image";
    QTest::newRow("truncated png")
        << "truncated.png" << png.left(png.size() / 2) << "cannot read image";
    QTest::newRow("truncated jpeg")
        << "truncated.jpg" << jpg.left(jpg.size() / 2) << "cannot read image";
    QTest::newRow("not an image") << "notes.png" << QByteArray("just some text\n")
                                  << "cannot read image";
    QTest::newRow("unsupported format")
        << "data.xyz" << QByteArray("XYZ1\0\0\0\0", 8) << "cannot read image";
    QTest::newRow("empty file") << "empty.png" << QByteArray() << "cannot read image";
}

void TstPhoto::badFileKeepsInput()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.setImage(testPicture(30, 20), "good"));
    QVERIFY(settle(doc));
    const Tensor before = doc.input();
    const QString title = ws.originalView()->title();
    const PhotoResult *result = doc.result();
    QSignalSpy inputs(&doc, &PhotoDocument::inputChanged);

    const QString path = dir.filePath(name);
    QVERIFY(writeFile(path, bytes));
    QVERIFY(!doc.openImage(path));
    QVERIFY2(doc.message().contains(expected) && doc.message().contains(name),
             qPrintable(doc.message()));
    QVERIFY(ws.findChild<QLabel *>("photoMessage")->isVisibleTo(&ws));
    QVERIFY(doc.input() == before);
    QCOMPARE(doc.inputName(), QString("good"));
    QCOMPARE(ws.originalView()->title(), title);
    QCOMPARE(doc.result(), result);
    QCOMPARE(inputs.count(), 0);
    QVERIFY(!doc.isPooling());
}

void TstPhoto::sizeLimitRefusesFromHeader()
{
    QTemporaryDir dir;
    // 60000 × 50000 = 3000 megapixels: decoding would need 12 GB, the header alone says so.
    const QString path = dir.filePath("huge.png");
    QVERIFY(writeFile(path, pngHeaderOnly(60000, 50000)));
    PhotoTab tab;
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.setImage(testPicture(10, 10), "small"));
    QCOMPARE(doc.maxMegapixels(), 100.0);
    QVERIFY(!doc.openImage(path));
    QVERIFY2(doc.message().contains("60000×50000") && doc.message().contains("3000 megapixels") &&
                 doc.message().contains("limit of 100 megapixels"),
             qPrintable(doc.message()));
    QCOMPARE(doc.inputName(), QString("small"));
    QCOMPARE(doc.input().w(), 10);
}

void TstPhoto::sizeLimitIsConfigurable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("p.png");
    QVERIFY(testPicture(300, 200).save(path)); // 60 000 pixels
    PhotoTab tab;
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    doc.setMaxMegapixels(0.05);
    QVERIFY(!doc.openImage(path));
    QVERIFY2(doc.message().contains("300×200") && doc.message().contains("60000 pixels") &&
                 doc.message().contains("50000 pixels"),
             qPrintable(doc.message()));
    QVERIFY(!doc.hasInput());
    // The limit is kept in the settings for the next workspace.
    PhotoTab tab_next;
    PhotoWorkspace &next = tab_next.ws;
    PhotoDocument &nextDoc = tab_next.doc;
    QCOMPARE(nextDoc.maxMegapixels(), 0.05);
    nextDoc.setMaxMegapixels(0.06);
    QVERIFY2(nextDoc.openImage(path), qPrintable(nextDoc.message()));
    QCOMPARE(nextDoc.input().w(), 300);
    nextDoc.setMaxMegapixels(100);
}

void TstPhoto::channelChoices_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("keepAlpha");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<float>("first"); // plane 0 at (1, 2)
    QTest::addColumn<float>("last");  // last plane at (1, 2)
    // Pixel (1, 2) is rgba(200, 100, 50, 128); gray = round(.299·200 + .587·100 + .114·50) = 124.
    QTest::newRow("colour") << int(ChannelMode::Color) << false << QStringList{"R", "G", "B"}
                            << 200.f << 50.f;
    QTest::newRow("colour + alpha")
        << int(ChannelMode::Color) << true << QStringList{"R", "G", "B", "A"} << 200.f << 128.f;
    QTest::newRow("grayscale") << int(ChannelMode::Grayscale) << false << QStringList{"gray"}
                               << 124.f << 124.f;
    QTest::newRow("red") << int(ChannelMode::Red) << false << QStringList{"R"} << 200.f << 200.f;
    QTest::newRow("green") << int(ChannelMode::Green) << false << QStringList{"G"} << 100.f
                           << 100.f;
    QTest::newRow("blue") << int(ChannelMode::Blue) << false << QStringList{"B"} << 50.f << 50.f;
    QTest::newRow("alpha") << int(ChannelMode::Alpha) << false << QStringList{"A"} << 128.f
                           << 128.f;
}

void TstPhoto::channelChoices()
{
    QFETCH(int, mode);
    QFETCH(bool, keepAlpha);
    QFETCH(QStringList, names);
    QFETCH(float, first);
    QFETCH(float, last);
    QImage img(4, 4, QImage::Format_RGBA8888);
    img.fill(QColor(10, 20, 30, 255));
    img.setPixelColor(2, 1, QColor(200, 100, 50, 128));
    PhotoTab tab;
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.setImage(img, "rgba"));
    doc.setKeepAlpha(keepAlpha);
    // Through the real combo box, as a user would choose it.
    auto *combo = ws.findChild<QComboBox *>("photoChannels");
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(mode));
    emit combo->activated(combo->currentIndex());
    QCOMPARE(int(doc.channelMode()), mode);
    QCOMPARE(doc.channelNames(), names);
    QCOMPARE(doc.input().c(), int(names.size()));
    QCOMPARE(doc.input().at(0, 0, 1, 2), first);
    QCOMPARE(doc.input().at(0, doc.input().c() - 1, 1, 2), last);
    QVERIFY(settle(doc));
    QCOMPARE(doc.result()->a[0].values->c(), int(names.size()));
}

void TstPhoto::grayPhotoIsOneChannel()
{
    // Colour means the photo's own colours: the gray cat is one plane, the lake three.
    PhotoTab tab;
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.openImage(sampleNamed("cat-224")));
    QCOMPARE(doc.channelMode(), ChannelMode::Color);
    QCOMPARE(doc.input().c(), 1);
    QCOMPARE(doc.channelNames(), QStringList{"gray"});
    const LoadedImage gray = loadImage(sampleNamed("cat-224"), {ChannelMode::Grayscale});
    QVERIFY(doc.input() == gray.tensor);
    QVERIFY(doc.openImage(sampleNamed("lake")));
    QCOMPARE(doc.input().c(), 3);
    QCOMPARE(doc.channelNames(), (QStringList{"R", "G", "B"}));
    // One channel of a gray photo is still available.
    QVERIFY(doc.openImage(sampleNamed("cat-224")));
    doc.setChannelMode(ChannelMode::Red);
    QCOMPARE(doc.channelNames(), QStringList{"R"});
    QVERIFY(doc.input() == gray.tensor);
    QVERIFY(settle(doc));
}

void TstPhoto::invalidParamsSayWhy()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(doc.setImage(testPicture(12, 10), "small"));
    QVERIFY(settle(doc));
    tab.set(pool(PoolMode::Max, 20, 20));
    QVERIFY(settle(doc));
    QVERIFY(doc.result()->a.empty());
    QVERIFY2(doc.message().contains("cannot pool the 10×12 photo"), qPrintable(doc.message()));
    QVERIFY(!ws.pooledView()->hasContent());
    QVERIFY(ws.pooledView()->message().contains("cannot pool"));
    // Valid again: the message goes, the result comes back.
    tab.set(pool(PoolMode::Max, 2, 2));
    QVERIFY(settle(doc));
    QCOMPARE(doc.message(), QString());
    QCOMPARE(doc.result()->a[0].values->w(), 6);
}

void TstPhoto::latestParamsWinWhileLargePhotoPools()
{
    // The first job takes seconds on any machine (L3 needs a pow() per tap, 3×3 at stride 1 on a
    // 12-megapixel RGB photo), and progress shows at once: no race with a fast machine.
    PoolParams slow = pool(PoolMode::Lp, 3, 1);
    slow.p = 3;
    PhotoTab tab(slow);
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    ws.setProgressDelay(0);
    ws.resize(900, 600);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));
    QList<quint64> applied;
    QList<PoolParams> appliedParams;
    connect(&doc, &PhotoDocument::resultApplied, &ws, [&](quint64 g) {
        applied << g;
        appliedParams << doc.result()->request.a;
    });
    QSignalSpy started(&doc, &PhotoDocument::poolingStarted);

    QImage big(4000, 3000, QImage::Format_RGB888);
    for (int y = 0; y < big.height(); ++y) {
        uchar *line = big.scanLine(y);
        for (int x = 0; x < big.width() * 3; ++x)
            line[x] = uchar((x * 7 + y * 13) & 255);
    }
    QVERIFY(doc.setImage(big, "big"));
    // The event loop keeps running while it pools: progress shows and a timer keeps firing.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, &ws, [&] { ++ticks; });
    ticker.start(20);
    QTRY_VERIFY_WITH_TIMEOUT(ws.findChild<QProgressBar *>("photoProgress")->isVisible(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 5, 10000);
    QVERIFY(doc.isPooling());
    QVERIFY(applied.isEmpty());

    // Change the parameters twice while it runs; the running jobs are cancelled.
    tab.set(pool(PoolMode::Avg, 4, 4));
    QTRY_COMPARE(started.count(), 2);
    tab.set(pool(PoolMode::Min, 8, 8));
    QVERIFY(settle(doc));

    // Only the last job's result was ever shown.
    QCOMPARE(applied.size(), 1);
    QCOMPARE(started.count(), 3);
    QCOMPARE(appliedParams.first(), pool(PoolMode::Min, 8, 8));
    QCOMPARE(doc.result()->a[0].values->w(), 500);
    QCOMPARE(doc.result()->a[0].values->h(), 375);
    QCOMPARE(ws.pooledView()->image().size(), QSize(500, 375));
    // The first pooled pixel is the min of the 8×8 block: channel 0 is (x·7 + y·13) mod 256 at
    // x = 3·col, so min over cols 0,3,…,21 and rows 0…7 of (21·i + 13·y) mod 256 = 0 (at 0, 0).
    QCOMPARE(doc.result()->a[0].values->at(0, 0, 0, 0), 0.f);
    QVERIFY(!ws.findChild<QProgressBar *>("photoProgress")->isVisible());
}

void TstPhoto::cancelKeepsLastResult()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    ws.resize(900, 600);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));
    QImage big(4000, 3000, QImage::Format_RGB888);
    big.fill(QColor(10, 200, 30));
    QVERIFY(doc.setImage(big, "big"));
    QVERIFY(settle(doc));
    const PhotoResult *before = doc.result();
    QSignalSpy applied(&doc, &PhotoDocument::resultApplied);
    // A job that takes seconds (L3 needs a pow() per tap, 3×3 at stride 1 on 36 M values), with
    // Cancel shown at once, so the click always lands while it runs however fast the machine.
    ws.setProgressDelay(0);
    PoolParams slow = pool(PoolMode::Lp, 3, 1);
    slow.p = 3;
    tab.set(slow);
    auto *cancel = ws.findChild<QToolButton *>("photoCancel");
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 10000);
    QVERIFY(doc.isPooling());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!doc.isPooling());
    QVERIFY(!cancel->isVisible());
    QVERIFY(doc.message().contains("cancelled"));
    // The last complete result stays, and nothing arrives for the cancelled job.
    QCOMPARE(doc.result(), before);
    QCOMPARE(ws.pooledView()->title(), QString("A · max 2×2, stride 2×2, padding 0 · 3×1500×2000"));
    // Pooling again delivers only the new job: the cancelled L3 job never shows up.
    QList<PoolParams> shown;
    connect(&doc, &PhotoDocument::resultApplied, &ws, [&] { shown << doc.result()->request.a; });
    tab.set(pool(PoolMode::Max, 4, 4));
    QVERIFY(settle(doc));
    QCOMPARE(shown, QList<PoolParams>{pool(PoolMode::Max, 4, 4)});
    QCOMPARE(applied.count(), 1);
}

void TstPhoto::synchronizedZoomAndPan()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    ws.resize(1000, 600);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));
    QVERIFY(doc.setImage(testPicture(200, 100), "t"));
    QVERIFY(settle(doc));
    PhotoView *original = ws.originalView();
    PhotoView *pooled = ws.pooledView();
    // Fit: the photo fills the original view.
    const QRectF seen = original->visibleScene();
    QVERIFY(seen.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(QRectF(0, 0, 200, 100)));
    QVERIFY(std::fabs(seen.width() - 200) < 1 || std::fabs(seen.height() - 100) < 1);

    // Wheel one notch up over the pooled view: both zoom ×1.25 about the pointer.
    const QPointF at(pooled->width() * 0.3, pooled->height() * 0.6);
    const QPointF sceneAt = pooled->toScene(at);
    const double zoom = ws.camera()->zoom();
    QWheelEvent wheel(at, pooled->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(pooled, &wheel);
    QCOMPARE(ws.camera()->zoom(), zoom * 1.25);
    QCOMPARE(original->cellSize().width(), zoom * 1.25);   // photo pixels
    QCOMPARE(pooled->cellSize().width(), 2 * zoom * 1.25); // pooled pixels are 2×2 photo pixels
    const QPointF stays = pooled->toScene(at);
    QVERIFY(std::fabs(stays.x() - sceneAt.x()) < 1e-9 && std::fabs(stays.y() - sceneAt.y()) < 1e-9);
    // The original shows the same scene: its centre follows.
    QCOMPARE(original->visibleScene().center(), pooled->visibleScene().center());

    // Drag the original 50 screen pixels to the right: both pan left by 50/zoom photo pixels.
    const QPointF before = ws.camera()->centre();
    const QPoint from(original->width() / 2, original->height() / 2);
    QTest::mousePress(original, Qt::LeftButton, Qt::NoModifier, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(50, 0)),
                     original->mapToGlobal(QPointF(from + QPoint(50, 0))), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(original, &move);
    QTest::mouseRelease(original, Qt::LeftButton, Qt::NoModifier, from + QPoint(50, 0));
    QVERIFY(std::fabs(ws.camera()->centre().x() - (before.x() - 50 / ws.camera()->zoom())) < 1e-9);
    QCOMPARE(pooled->visibleScene().center(), original->visibleScene().center());

    // 1:1 and fit through the toolbar actions.
    ws.zoomActual();
    QCOMPARE(original->cellSize().width(), 1.0);
    QCOMPARE(pooled->cellSize().width(), 2.0);
}

void TstPhoto::valuesAppearAtHighZoom()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    ws.resize(1000, 600);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));
    QVERIFY(doc.setImage(testPicture(40, 30), "t"));
    QVERIFY(settle(doc));
    ws.camera()->setView(12, QPointF(10, 10));
    QVERIFY(!ws.originalView()->showsValues());
    QVERIFY(ws.pooledView()->showsValues()); // pooled pixels are 24 screen pixels now
    ws.camera()->setView(30, QPointF(10, 10));
    QVERIFY(ws.originalView()->showsValues());
    // The hover text gives the values of the pixel under the pointer, per channel.
    PhotoView *view = ws.originalView();
    const QPointF p = view->toWidget(QPointF(7.5, 9.5));
    QCOMPARE(view->pixelAt(p), std::optional<QPoint>(QPoint(7, 9)));
    const QColor c = testPicture(40, 30).pixelColor(7, 9);
    QCOMPARE(view->describePixel(9, 7), QStringLiteral("Original · row 9, column 7: R %1 G %2 B %3")
                                            .arg(c.red())
                                            .arg(c.green())
                                            .arg(c.blue()));
    QSignalSpy hover(view, &PhotoView::hoverText);
    QTest::mouseMove(view, p.toPoint());
    QTRY_VERIFY(!hover.isEmpty());
    QVERIFY(hover.last().first().toString().startsWith("Original · row 9, column 7"));
}

void TstPhoto::pyramidLevels()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    doc.setChannelMode(ChannelMode::Grayscale);
    QVERIFY(doc.openImage(sampleNamed("cat-224")));
    doc.setLevels(3);
    QVERIFY(settle(doc));
    QCOMPARE(doc.result()->a.size(), std::size_t(3));
    const int sizes[] = {112, 56, 28};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(doc.result()->a[std::size_t(i)].values->w(), sizes[i]);
    // Level 2 is level 1 pooled again.
    QString where;
    QVERIFY2(sameTensor(*doc.result()->a[1].values,
                        forward(*doc.result()->a[0].values, pool(PoolMode::Max, 2, 2)).values,
                        &where),
             qPrintable(where));
    doc.setShownLevel(3);
    QCOMPARE(doc.shownLevel(), 3);
    QCOMPARE(ws.pooledView()->image().size(), QSize(28, 28));
    QCOMPARE(ws.pooledView()->mapping().scaleX, 8.0);
    QVERIFY(ws.pooledView()->title().contains("level 3"));
    QTemporaryDir dir;
    QCOMPARE(doc.exportImage(dir.filePath("l3.png"), PhotoLayer::Pooled), QString());
    QCOMPARE(QImage(dir.filePath("l3.png")).size(), QSize(28, 28));

    // A pyramid stops where the image gets too small, and says so.
    QVERIFY(doc.setImage(QImage(4, 4, QImage::Format_Grayscale8), "tiny"));
    doc.setLevels(4);
    QVERIFY(settle(doc));
    QCOMPARE(doc.result()->a.size(), std::size_t(2)); // 4 → 2 → 1
    QVERIFY2(doc.result()->note.contains("stops at level 2") &&
                 doc.result()->note.contains("level 3 would pool 1×1"),
             qPrintable(doc.result()->note));
    QVERIFY(ws.findChild<QLabel *>("photoNote")->text().contains("stops at level 2"));
}

void TstPhoto::poolerPoolsBytesAndFloatsAlike_data()
{
    // A 4×4 photo, max or min 2×2/2, a pyramid of 2 levels (4×4 → 2×2 → 1×1). Whole bytes go
    // through 8-bit pooling, anything else (a fraction, NaN) through floats; same results.
    QTest::addColumn<std::vector<float>>("photo");
    QTest::addColumn<int>("mode");
    QTest::addColumn<std::vector<float>>("level1");
    QTest::addColumn<float>("level2");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const std::vector<float> bytes{1, 200, 255, 3, 17, 0, 254, 255, 5, 6, 7, 8, 9, 10, 11, 12};
    std::vector<float> fraction = bytes, withNaN = bytes;
    fraction[1] = 200.5f;
    withNaN[2] = nan;
    QTest::newRow("bytes, max") << bytes << int(PoolMode::Max)
                                << std::vector<float>{200, 255, 10, 12} << 255.0f;
    QTest::newRow("bytes, min") << bytes << int(PoolMode::Min) << std::vector<float>{0, 3, 5, 7}
                                << 0.0f;
    QTest::newRow("a fraction, max")
        << fraction << int(PoolMode::Max) << std::vector<float>{200.5f, 255, 10, 12} << 255.0f;
    // NaN wins max (PyTorch): the floats carry it, bytes could not.
    QTest::newRow("NaN, max") << withNaN << int(PoolMode::Max)
                              << std::vector<float>{200, nan, 10, 12} << nan;
}

void TstPhoto::poolerPoolsBytesAndFloatsAlike()
{
    QFETCH(std::vector<float>, photo);
    QFETCH(int, mode);
    QFETCH(std::vector<float>, level1);
    QFETCH(float, level2);
    auto input = std::make_shared<Tensor>(1, 1, 4, 4);
    input->data().assign(photo.begin(), photo.end());
    PhotoRequest request;
    request.input = input;
    request.a = pool(PoolMode(mode), 2, 2);
    request.levels = 2;
    const std::optional<PhotoResult> r = PhotoPooler::compute(request, {});
    QVERIFY(r && r->error.isEmpty());
    QCOMPARE(r->a.size(), std::size_t(2));
    // NaN must meet NaN (a difference with NaN compares false, so no tolerance test here).
    auto same = [](float got, float expected) {
        return std::isnan(expected) ? std::isnan(got) : got == expected;
    };
    const Tensor &one = *r->a[0].values;
    QCOMPARE(one.h(), 2);
    QCOMPARE(one.w(), 2);
    for (std::size_t i = 0; i < 4; ++i)
        QVERIFY2(same(one.data()[i], level1[i]),
                 qPrintable(QStringLiteral("level 1, %1: %2").arg(i).arg(one.data()[i])));
    QCOMPARE(r->a[1].values->size(), std::size_t(1));
    QVERIFY2(same(r->a[1].values->data()[0], level2),
             qPrintable(QStringLiteral("level 2: %1").arg(r->a[1].values->data()[0])));
    QCOMPARE(one.rank(), input->rank());
}

void TstPhoto::differenceOfSeed002()
{
    // Seed 002: max 2×2 → [[9 9] [9 5]], avg → [[7.5 4.25] [5.5 4.25]], so
    // |max − avg| = [[1.5 4.75] [3.5 0.75]], largest 4.75 at row 0, column 1.
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    doc.setChannelMode(ChannelMode::Grayscale);
    QVERIFY(doc.setImage(seed002Image(), "seed 002"));
    doc.setCompareSettings(PoolMode::Avg, 2, 2);
    ws.findChild<QCheckBox *>("photoCompare")->click();
    QVERIFY(doc.isComparing());
    QVERIFY(settle(doc));
    const PhotoResult &r = *doc.result();
    QVERIFY(r.request.b.has_value());
    QCOMPARE(r.a[0].values->data(), (Tensor::Storage{9, 9, 9, 5}));
    QCOMPARE(r.b[0].values->data(), (Tensor::Storage{7.5f, 4.25f, 5.5f, 4.25f}));
    const PhotoDifference &d = *r.diff[0].difference;
    QVERIFY(!d.resampled);
    QCOMPARE(d.values.data(), (Tensor::Storage{1.5f, 4.75f, 3.5f, 0.75f}));
    QCOMPARE(d.largest, 4.75f);
    QCOMPARE(d.row, 0);
    QCOMPARE(d.col, 1);
    QCOMPARE(doc.differenceSummary(),
             QString("Largest difference 4.75 at row 0, column 1: max 9 vs avg 4.25"));
    QVERIFY(
        ws.findChild<QLabel *>("photoDifferenceSummary")->text().contains(doc.differenceSummary()));
    // "show it" centres the views on that pixel: A's pixel (0, 1) covers columns 2–3, rows 0–1.
    ws.resize(800, 600);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));
    emit ws.findChild<QLabel *>("photoDifferenceSummary")->linkActivated("largest");
    QCOMPARE(ws.camera()->centre(), QPointF(3, 1));
    QVERIFY(ws.differenceView()->showsValues());
    int rings = 0;
    for (PhotoView *v : {ws.pooledView(), ws.comparedView(), ws.differenceView()})
        for (const PhotoMark &m : v->marks())
            if (m.kind == PhotoMark::Largest) {
                QCOMPARE(m.scene, QRectF(2, 0, 2, 2));
                ++rings;
            }
    QCOMPARE(rings, 3);
    // The picture is stretched so the largest difference is white: 255/4.75 ≈ 53.7.
    QCOMPARE(r.diff[0].image.pixelColor(1, 0).red(), 255);
    QCOMPARE(r.diff[0].image.pixelColor(0, 0).red(), int(std::lround(1.5 * 255 / 4.75)));
    QVERIFY(ws.differenceView()->isVisibleTo(&ws));
    QVERIFY(ws.differenceView()->title().contains("shown ×53.7"));
    // Its export, and its values unrounded.
    QTemporaryDir dir;
    QCOMPARE(doc.exportImage(dir.filePath("d.png"), PhotoLayer::Difference), QString());
    QCOMPARE(QImage(dir.filePath("d.png")).pixelColor(1, 0).red(), 255);
    QCOMPARE(doc.exportValues(dir.filePath("d.npy"), PhotoLayer::Difference), QString());
    QCOMPARE(readNpy(dir.filePath("d.npy").toStdString()).value->tensor.data(),
             (Tensor::Storage{1.5f, 4.75f, 3.5f, 0.75f}));
    QCOMPARE(doc.exportImage(dir.filePath("b.png"), PhotoLayer::Compared), QString());
    QCOMPARE(QImage(dir.filePath("b.png")).pixelColor(0, 0).red(), 8); // 7.5 rounds to 8
}

void TstPhoto::differenceOfDifferentSizes()
{
    // A: max 2×2 stride 2 → [[9 9] [9 5]] (pixels 2 wide); B: max 2×2 stride 1 →
    // [[9 9 9] [9 9 6] [9 4 5]] (pixels 1 wide, centred on their windows: offset 0.5).
    // Sampled at the photo's pixel centres x + 0.5: A column ⌊x/2⌋, B column x (none for x = 3).
    const Tensor in = seed002Tensor();
    const PoolResult a = forward(in, pool(PoolMode::Max, 2, 2));
    const PoolResult b = forward(in, pool(PoolMode::Max, 2, 1));
    const PhotoMapping ma = PhotoMapping{}.pooled(a.geometry);
    const PhotoMapping mb = PhotoMapping{}.pooled(b.geometry);
    QCOMPARE(ma, (PhotoMapping{2, 0, 2, 0}));
    QCOMPARE(mb, (PhotoMapping{1, 0.5, 1, 0.5}));
    const PhotoDifference d = absoluteDifference(a.values, ma, b.values, mb, 4, 4);
    QVERIFY(d.resampled);
    QCOMPARE(d.values.h(), 4);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const std::vector<float> expected = {0, 0, 0, nan, 0,   0,   3,   nan,
                                         0, 5, 0, nan, nan, nan, nan, nan};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (std::isnan(expected[i]))
            QVERIFY2(std::isnan(d.values.data()[i]), qPrintable(QString::number(i)));
        else
            QCOMPARE(d.values.data()[i], expected[i]);
    }
    QCOMPARE(d.largest, 5.f);
    QCOMPARE(d.row, 2);
    QCOMPARE(d.col, 1);
    QCOMPARE(d.a, 9.f);
    QCOMPARE(d.b, 4.f);

    // The same through the workspace: same mode, so the sides are called A and B.
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    doc.setChannelMode(ChannelMode::Grayscale);
    QVERIFY(doc.setImage(seed002Image(), "seed 002"));
    doc.setCompareSettings(PoolMode::Max, 2, 1);
    doc.setComparing(true);
    QVERIFY(settle(doc));
    QVERIFY2(doc.differenceSummary().startsWith(
                 "Largest difference 5 at row 2, column 1: A 9 vs B 4 — A and B differ in size"),
             qPrintable(doc.differenceSummary()));
}

void TstPhoto::slidingWindowOnCrop()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    ws.resize(1200, 800);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));
    QVERIFY(doc.openImage(sampleNamed("lake")));
    QVERIFY(settle(doc));
    doc.setWindowChannel(1); // G
    doc.setCropSize(16);
    ws.camera()->setView(2, QPointF(201.3, 100.7));
    // Crop 16×16 around (201.3, 100.7): columns from round(193.3) = 193, rows from 93, moved
    // back onto the stride-2 grid: (192, 92).
    QCOMPARE(doc.cropAroundCentre(), QRect(192, 92, 16, 16));
    QVERIFY(ws.findChild<QPushButton *>("photoWindowButton"));
    QTest::mouseClick(ws.findChild<QPushButton *>("photoWindowButton"), Qt::LeftButton);
    QCOMPARE(doc.windowCrop(), QRect(192, 92, 16, 16));
    // The Matrix tab's stage and playback bar, on the window's document.
    StageWidget *stage = ws.stage();
    PoolDocument *window = doc.windowDocument();
    TracePlayer *player = ws.playbackBar()->player();
    QCOMPARE(player->document(), window);
    QVERIFY(stage->isVisible());
    QVERIFY(stage->height() >= stage->minimumSizeHint().height());
    const std::shared_ptr<const Trace> trace = window->trace();
    QVERIFY(trace);
    QCOMPARE(trace->plane, 1);
    QCOMPARE(int(trace->steps.size()), 64);
    QCOMPARE(window->step(), 0); // a new crop starts at its first window
    // The grid titles name the channel, as on the Matrix tab.
    QCOMPARE(stage->view().planeName, QStringLiteral("channel G"));
    // The traced plane is the crop of the green channel…
    for (int r = 0; r < 16; ++r)
        for (int c = 0; c < 16; ++c)
            QCOMPARE(trace->input.at(r, c), doc.input().at(0, 1, 92 + r, 192 + c));
    // …and every step's output is the pooled photo's pixel (46 + row, 96 + column).
    const Tensor &pooled = *doc.result()->a[0].values;
    for (const Step &s : trace->steps)
        QCOMPARE(s.output, pooled.at(0, 1, 46 + s.outRow, 96 + s.outCol));
    // The views zoomed in far enough to show values.
    QVERIFY(ws.originalView()->showsValues());

    // Step 5 (row 0, column 5): four taps at rows 92–93, columns 202–203, the view follows.
    const auto button = [&ws](const QString &text) -> QToolButton * {
        for (auto *b : ws.playbackBar()->findChildren<QToolButton *>())
            if (b->defaultAction() && b->defaultAction()->text() == text)
                return b;
        return nullptr;
    };
    QVERIFY(button("Last step"));
    QTRY_VERIFY(button("Last step")->width() > 0);
    QTest::mouseClick(button("Last step"), Qt::LeftButton);
    QCOMPARE(window->step(), 63);
    QCOMPARE(ws.camera()->centre(), QPointF(192 + 15, 92 + 15)); // window rows/cols 14–15
    window->setStep(5);
    QCOMPARE(ws.camera()->centre(), QPointF(203, 93));
    int taps = 0, winners = 0, crops = 0;
    for (const PhotoMark &m : ws.originalView()->marks()) {
        taps += m.kind == PhotoMark::Tap;
        winners += m.kind == PhotoMark::Winner;
        crops += m.kind == PhotoMark::Crop;
        if (m.kind == PhotoMark::Tap)
            QVERIFY(QRectF(202, 92, 2, 2).contains(m.scene));
    }
    QCOMPARE(taps, 4);
    QCOMPARE(winners, 1);
    QCOMPARE(window->caption(), QString::fromStdString(trace->steps[5].caption));
    QVERIFY(window->caption().startsWith("Step 6 of 64"));
    QCOMPARE(stage->accessibleDescription(), window->caption());
    QCOMPARE(crops, 1);
    // The pooled view outlines the output pixel (46, 101): scene [202, 204) × [92, 94).
    bool output = false;
    for (const PhotoMark &m : ws.pooledView()->marks())
        if (m.kind == PhotoMark::Output) {
            QCOMPARE(m.scene, QRectF(202, 92, 2, 2));
            output = true;
        }
    QVERIFY(output);

    // Playing moves the window (and the view) on.
    player->setSpeed(4);
    QTest::mouseClick(button("Play"), Qt::LeftButton);
    QVERIFY(player->isPlaying());
    QTRY_VERIFY(window->step() >= 8);
    player->pause();
    const Step &now = trace->steps[std::size_t(window->step())];
    QCOMPARE(ws.camera()->centre(), QPointF(192 + 2 * now.outCol + 1, 92 + 2 * now.outRow + 1));

    // Closing clears the marks.
    QTest::mouseClick(ws.findChild<QToolButton *>("photoStageClose"), Qt::LeftButton);
    QVERIFY(!stage->isVisible());
    QVERIFY(doc.windowCrop().isEmpty());
    QVERIFY(ws.originalView()->marks().empty());
}

void TstPhoto::sendCropToMatrix()
{
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QVERIFY(!doc.sendCropToMatrix()); // no photo yet
    QVERIFY(doc.message().contains("Open a photo"));
    doc.setChannelMode(ChannelMode::Grayscale);
    QVERIFY(doc.openImage(sampleNamed("cat-224")));
    QCOMPARE(doc.cropSize(), 8); // the default
    doc.setCropSize(16);
    ws.camera()->setView(4, QPointF(3, 220)); // near the bottom-left corner: the crop is clamped
    QCOMPARE(doc.cropAroundCentre(), QRect(0, 208, 16, 16));
    QVERIFY(doc.sendCropToMatrix());
    // One undo step on the matrix document, named for the crop.
    QUndoStack *stack = tab.matrix.undoStack();
    QCOMPARE(stack->count(), 1);
    QVERIFY(dynamic_cast<const CropToMatrixCommand *>(stack->command(0)));
    const Tensor &sent = tab.matrix.input();
    QCOMPARE(sent.rank(), 2);
    QCOMPARE(sent.h(), 16);
    for (int r = 0; r < 16; ++r)
        for (int c = 0; c < 16; ++c)
            QCOMPARE(sent.at(r, c), doc.input().at(0, 0, 208 + r, c));
    QCOMPARE(tab.matrix.inputDescription(),
             QString("Photo crop: cat-224.jpg, rows 208–223, columns 0–15 (gray)"));
    QVERIFY(!tab.matrix.isInputModified()); // a crop counts as loaded, not as typed edits
    stack->undo();
    QCOMPARE(tab.matrix.input().h(), 4); // back to the 4×4 matrix 1…16
    QCOMPARE(tab.matrix.input().at(3, 3), 16.0f);
}

void TstPhoto::loaderWarningsShowInline()
{
    // A 16-bit PNG loads, read as 8 bits: the tab says so above the views, not in a dialog.
    QTemporaryDir dir;
    const QString path = dir.filePath("deep.png");
    QImage deep(8, 6, QImage::Format_RGBA64);
    deep.fill(QColor(250, 120, 10));
    QVERIFY(deep.save(path));
    PhotoTab tab;
    tab.ws.resize(900, 600);
    tab.ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab.ws));
    auto *banner = tab.ws.findChild<QLabel *>("photoWarnings");
    QVERIFY(banner && !banner->isVisible());
    QVERIFY2(tab.doc.openImage(path), qPrintable(tab.doc.message()));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains("16 bits") && banner->text().contains("deep.png"),
             qPrintable(banner->text()));
    QVERIFY(!QApplication::activeModalWidget()); // no message box
    // A sound photo takes the banner away.
    QVERIFY(tab.doc.setImage(testPicture(8, 6), "sound"));
    QVERIFY(!banner->isVisible());
    QVERIFY(settle(tab.doc));
}

void TstPhoto::dropAndPaste()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("dropped.png");
    QVERIFY(testPicture(30, 20).save(path));
    PhotoTab tab;
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    ws.resize(800, 500);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));

    // A file dropped from a file manager.
    auto *files = new QMimeData;
    files->setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&ws, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&ws, &drop);
    QCOMPARE(doc.inputName(), QString("dropped.png"));
    QCOMPARE(doc.input().w(), 30);

    // An image dropped from a browser.
    auto *image = new QMimeData;
    image->setImageData(testPicture(12, 7));
    QDragEnterEvent enterImage(QPoint(100, 100), Qt::CopyAction, image, Qt::LeftButton,
                               Qt::NoModifier);
    QApplication::sendEvent(&ws, &enterImage);
    QVERIFY(enterImage.isAccepted());
    QDropEvent dropImage(QPointF(100, 100), Qt::CopyAction, image, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&ws, &dropImage);
    QCOMPARE(doc.inputName(), QString("Dropped image"));
    QCOMPARE(doc.input().w(), 12);

    // Pasted from the clipboard: an image, then a copied file, then text (refused, input kept).
    QApplication::clipboard()->setImage(testPicture(9, 5));
    QVERIFY(ws.paste());
    QCOMPARE(doc.inputName(), QString("Pasted image"));
    QCOMPARE(doc.input().h(), 5);
    auto *copied = new QMimeData;
    copied->setUrls({QUrl::fromLocalFile(path)});
    QApplication::clipboard()->setMimeData(copied);
    QVERIFY(ws.paste());
    QCOMPARE(doc.inputName(), QString("dropped.png"));
    QApplication::clipboard()->setText("1 2 3");
    QVERIFY(!ws.paste());
    QVERIFY(doc.message().contains("no image"));
    QCOMPARE(doc.inputName(), QString("dropped.png"));
    QVERIFY(settle(doc));
    delete files;
    delete image;
}

void TstPhoto::recentFiles()
{
    QTemporaryDir dir;
    PhotoSettings().clearRecentFiles();
    PhotoTab tab;
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    QStringList paths;
    for (int i = 0; i < PhotoSettings::maxRecentFiles + 2; ++i) {
        paths.prepend(dir.filePath(QStringLiteral("p%1.png").arg(i)));
        QVERIFY(testPicture(4, 4, i).save(paths.first()));
        QVERIFY(doc.openImage(paths.first()));
    }
    // Newest first, at most maxRecentFiles; bundled samples and failed opens are not added.
    QVERIFY(doc.openImage(sampleNamed("cat")));
    QVERIFY(!doc.openImage(dir.filePath("missing.png")));
    QCOMPARE(PhotoSettings().recentFiles(), paths.mid(0, PhotoSettings::maxRecentFiles));
    // Reopening moves a file to the front.
    QVERIFY(doc.openImage(paths[3]));
    QCOMPARE(PhotoSettings().recentFiles().first(), paths[3]);
    // The workspace's File actions: Open, Recent Photos, Paste, Export.
    QStringList texts;
    for (QAction *a : ws.fileActions())
        if (!a->isSeparator())
            texts << a->text().remove('&');
    QCOMPARE(texts, (QStringList{"Open Photo…", "Recent Photos", "Paste Photo", "Export Photo"}));
    QVERIFY(settle(doc));
}

void TstPhoto::linkedParameters()
{
    // Each tab owns its parameters: a 9×9 kernel for the photo does not reach the matrix.
    PhotoTab tab;
    tab.matrix.setParams(pool(PoolMode::Avg, 4, 4), "avg 4");
    QCOMPARE(tab.doc.paramsA(), PoolParams{}); // the tab's own: PyTorch's default 2×2 max
    tab.set(pool(PoolMode::Max, 9, 9));
    QCOMPARE(tab.matrix.params(), pool(PoolMode::Avg, 4, 4));
    QCOMPARE(tab.doc.parametersDocument(), tab.doc.windowDocument());
    QVERIFY(tab.doc.setImage(testPicture(16, 8), "t"));
    QVERIFY(settle(tab.doc));
    QVERIFY(tab.doc.result()->a.empty()); // 9×9 does not fit 8 rows
    // Linked, A is the matrix's parameters, and the panel edits the matrix document.
    QSignalSpy linked(&tab.doc, &PhotoDocument::linkedChanged);
    auto *check = tab.ws.findChild<QCheckBox *>("photoLinkParams");
    QVERIFY(check && !check->isChecked());
    check->click();
    QCOMPARE(linked.count(), 1);
    QVERIFY(tab.doc.linked());
    QCOMPARE(tab.doc.parametersDocument(), &tab.matrix);
    QCOMPARE(tab.doc.paramsA(), pool(PoolMode::Avg, 4, 4));
    QVERIFY(settle(tab.doc));
    QCOMPARE(tab.doc.result()->a[0].values->w(), 4);
    tab.matrix.setParams(pool(PoolMode::Max, 8, 8), "max 8");
    QVERIFY(tab.doc.isPooling());
    QVERIFY(settle(tab.doc));
    QCOMPARE(tab.doc.result()->request.a, pool(PoolMode::Max, 8, 8));
    QCOMPARE(tab.doc.result()->a[0].values->w(), 2);
    // Following the matrix adds nothing to the tab's own undo history.
    QCOMPARE(tab.doc.windowDocument()->undoStack()->count(), 1); // only the 9×9 set()
    // Unlinked again, A keeps the values it had and the matrix no longer moves it.
    tab.doc.setLinked(false);
    QVERIFY(!check->isChecked());
    tab.matrix.setParams(pool(PoolMode::Min, 2, 2), "min 2");
    QCOMPARE(tab.doc.paramsA(), pool(PoolMode::Max, 8, 8));
    // The tab's own parameters are undoable on its own stack.
    tab.set(pool(PoolMode::Avg, 2, 2));
    QCOMPARE(tab.doc.paramsA(), pool(PoolMode::Avg, 2, 2));
    tab.doc.windowDocument()->undoStack()->undo();
    QCOMPARE(tab.doc.paramsA(), pool(PoolMode::Max, 8, 8));
    QVERIFY(settle(tab.doc));
}

void TstPhoto::poolDocumentIntegration()
{
    PhotoTab tab;
    PoolDocument &matrix = tab.matrix;
    PhotoDocument &doc = tab.doc;
    doc.setLinked(true);
    QCOMPARE(doc.paramsA(), matrix.params());
    QVERIFY(doc.setImage(testPicture(24, 12), "t"));
    QVERIFY(settle(doc));
    PoolParams p = pool(PoolMode::Max, 3, 3);
    matrix.setParams(p, "kernel 3");
    QVERIFY(settle(doc));
    QCOMPARE(doc.result()->request.a, p);
    QCOMPARE(doc.result()->a[0].values->w(), 8);
    // The 24×12 photo is centred at (12, 6): the 8×8 crop starts at column 12 − 4 = 8 and row
    // 6 − 4 = 2, moved back onto the stride-3 grid: (6, 0).
    QCOMPARE(doc.cropAroundCentre(), QRect(6, 0, 8, 8));
    QSignalSpy sent(&doc, &PhotoDocument::cropSentToMatrix);
    QVERIFY(doc.sendCropToMatrix());
    QCOMPARE(sent.count(), 1);
    QCOMPARE(matrix.input().h(), 8);
    QCOMPARE(matrix.input().w(), 8);
    for (int r = 0; r < 8; ++r)
        for (int c = 0; c < 8; ++c)
            QCOMPARE(matrix.input().at(r, c), doc.input().at(0, 0, r, 6 + c));
}

void TstPhoto::screenshots()
{
    // Pictures to look at: POOLVIZ_PHOTO_SHOTS=/tmp ctest -R photo writes them there.
    QTemporaryDir temp;
    const QString dir = qEnvironmentVariable("POOLVIZ_PHOTO_SHOTS", temp.path());
    PhotoTab tab(pool(PoolMode::Max, 2, 2));
    PhotoWorkspace &ws = tab.ws;
    PhotoDocument &doc = tab.doc;
    ws.resize(1400, 820);
    ws.show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws));

    // 1. A photo at 2×2/2 beside its original.
    QVERIFY(doc.openImage(sampleNamed("lake")));
    QVERIFY(settle(doc));
    ws.fitToView();
    QImage shot = ws.grab().toImage();
    QVERIFY(shot.save(QDir(dir).filePath("photo_pooled.png")));
    QCOMPARE(shot.size(), QSize(1400, 820));

    // 2. Zoomed in with pixel values and the sliding window on the grayscale cat.
    doc.setChannelMode(ChannelMode::Grayscale);
    QVERIFY(doc.openImage(sampleNamed("cat-224")));
    QVERIFY(settle(doc));
    ws.camera()->setView(4, QPointF(86, 118)); // the left eye
    QVERIFY(ws.showSlidingWindow());
    doc.windowDocument()->setStep(9);
    QVERIFY(ws.originalView()->showsValues());
    shot = ws.grab().toImage();
    QVERIFY(shot.save(QDir(dir).filePath("photo_window.png")));
    ws.findChild<QToolButton *>("photoStageClose")->click();

    // 3. max − avg on the city at night.
    doc.setChannelMode(ChannelMode::Color);
    QVERIFY(doc.openImage(sampleNamed("city")));
    doc.setCompareSettings(PoolMode::Avg, 2, 2);
    doc.setComparing(true);
    QVERIFY(settle(doc));
    ws.fitToView();
    shot = ws.grab().toImage();
    QVERIFY(shot.save(QDir(dir).filePath("photo_difference.png")));
    QVERIFY(doc.differenceSummary().startsWith("Largest difference"));
}

QTEST_MAIN(TstPhoto)
#include "tst_photo.moc"

// Runs the built poolviz-cli binary (POOLVIZ_CLI) with QProcess on files made in a QTemporaryDir
// and checks the files it writes with readers of its own, so that a bug in the core's .npy or CSV
// code cannot hide itself. Every expected value is written out by hand from the seed documents.
#include "renderutil.h"
#include "stagerenderer.h"
#include "unpooltrace.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <random>

#include <sys/stat.h>

#ifndef POOLVIZ_CLI
#error "POOLVIZ_CLI must be the path of the poolviz-cli binary"
#endif

using namespace poolviz;
using Rows = QList<QList<double>>;

namespace {

// ---------------------------------------------------------------------------------------------
// Files

/// A .npy array as this test reads it: element type, shape and values as doubles.
struct Npy
{
    QString descr;
    QList<int> shape;
    QList<double> values;
    bool ok = false;
};

QByteArray npyHeader(const QString &descr, const QList<int> &shape, bool fortran = false)
{
    QString dims;
    for (int d : shape)
        dims += QString::number(d) + ", ";
    if (shape.size() > 1)
        dims.chop(2);
    else
        dims.chop(1);
    QByteArray dict = QStringLiteral("{'descr': '%1', 'fortran_order': %2, 'shape': (%3), }")
                          .arg(descr, fortran ? "True" : "False", dims)
                          .toLatin1();
    const int total = 10 + dict.size() + 1;
    dict += QByteArray((64 - total % 64) % 64, ' ') + '\n';
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    const quint16 len = quint16(dict.size());
    bytes += char(len & 0xff);
    bytes += char(len >> 8);
    return bytes + dict;
}

/// The bytes of a .npy file holding `values` as `descr` ('<f4', '<f8', '|u1', '<i4', '<i8').
QByteArray npyBytes(const QString &descr, const QList<int> &shape, const QList<double> &values,
                    bool fortran = false)
{
    QByteArray data;
    for (double v : values) {
        if (descr == "<f4") {
            const float f = float(v);
            data.append(reinterpret_cast<const char *>(&f), 4);
        } else if (descr == "<f8") {
            data.append(reinterpret_cast<const char *>(&v), 8);
        } else if (descr == "|u1") {
            data.append(char(quint8(v)));
        } else if (descr == "<i4") {
            const qint32 i = qint32(v);
            data.append(reinterpret_cast<const char *>(&i), 4);
        } else if (descr == "<i8") {
            const qint64 i = qint64(v);
            data.append(reinterpret_cast<const char *>(&i), 8);
        } else {
            qFatal("unknown descr");
        }
    }
    return npyHeader(descr, shape, fortran) + data;
}

Npy readNpy(const QString &path)
{
    Npy r;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return r;
    const QByteArray bytes = f.readAll();
    if (!bytes.startsWith("\x93NUMPY") || bytes.size() < 10)
        return r;
    const int major = quint8(bytes[6]);
    const int lenSize = major == 1 ? 2 : 4;
    int len = 0;
    for (int i = lenSize - 1; i >= 0; --i)
        len = len * 256 + quint8(bytes[8 + i]);
    const int start = 8 + lenSize;
    const QString header = QString::fromLatin1(bytes.mid(start, len));
    if (header.contains("'fortran_order': True"))
        return r;
    const auto d = QRegularExpression("'descr': '([^']+)'").match(header);
    const auto s = QRegularExpression("'shape': \\(([^)]*)\\)").match(header);
    if (!d.hasMatch() || !s.hasMatch())
        return r;
    r.descr = d.captured(1);
    std::size_t count = 1;
    for (const QString &dim : s.captured(1).split(',', Qt::SkipEmptyParts)) {
        r.shape << dim.trimmed().toInt();
        count *= std::size_t(r.shape.back());
    }
    const char *p = bytes.constData() + start + len;
    const int size = r.descr == "<f8" || r.descr == "<i8" ? 8 : r.descr == "|u1" ? 1 : 4;
    if (std::size_t(bytes.size() - start - len) != count * size)
        return r;
    for (std::size_t i = 0; i < count; ++i, p += size) {
        if (r.descr == "<f4") {
            float v;
            std::memcpy(&v, p, 4);
            r.values << v;
        } else if (r.descr == "<f8") {
            double v;
            std::memcpy(&v, p, 8);
            r.values << v;
        } else if (r.descr == "<i8") {
            qint64 v;
            std::memcpy(&v, p, 8);
            r.values << double(v);
        } else {
            return r;
        }
    }
    r.ok = true;
    return r;
}

QList<double> flatten(const Rows &rows)
{
    QList<double> v;
    for (const auto &row : rows)
        v += row;
    return v;
}

QString csvText(const Rows &rows)
{
    QString text;
    for (const auto &row : rows) {
        QStringList cells;
        for (double v : row)
            cells << QString::number(v, 'g', 17);
        text += cells.join(',') + '\n';
    }
    return text;
}

/// Reads a matrix written as CSV (commas) or text (spaces).
Rows readMatrix(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    Rows rows;
    for (const QString &line : QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts)) {
        QList<double> row;
        for (const QString &cell : line.split(QRegularExpression("[,\\s]+"), Qt::SkipEmptyParts)) {
            bool ok = false;
            row << cell.toDouble(&ok);
            if (!ok)
                return {};
        }
        rows << row;
    }
    return rows;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

/// Every entry below `dir`, hidden ones too, with sizes: to see that a failure wrote nothing.
QStringList listing(const QString &dir)
{
    QStringList entries;
    QDir d(dir);
    for (const QFileInfo &info : d.entryInfoList(
             QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name)) {
        entries << info.fileName() + (info.isDir() ? "/" : " " + QString::number(info.size()));
        if (info.isDir())
            for (const QString &sub : listing(info.filePath()))
                entries << info.fileName() + "/" + sub;
    }
    return entries;
}

// ---------------------------------------------------------------------------------------------
// Running the tool

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QString &dir, const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(POOLVIZ_CLI), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run &r)
{
    return QStringLiteral("exit %1, stdout: %2, stderr: %3").arg(r.code).arg(r.out, r.err);
}

// ---------------------------------------------------------------------------------------------
// Seed data

const Rows conv000 = {{10, 12, 8, 7}, {4, 11, 5, 9}, {18, 13, 7, 7}, {3, 15, 2, 2}};
const Rows seed001 = {{8, 3, 7, 15, 16, 10}, {2, 2, 2, 14, 2, 17}, {16, 15, 4, 11, 16, 9},
                      {2, 12, 4, 1, 13, 19}, {4, 4, 3, 7, 17, 15}, {1, 14, 7, 16, 2, 9}};
const Rows oneTo16 = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}};
const Rows small002 = {{6, 9, 9, 2}, {6, 9, 6, 0}, {8, 3, 4, 5}, {9, 2, 3, 5}};
const Rows seed003 = {{40, 24, 61, 60}, {8, 11, 27, 5},   {17, 41, 7, 41},
                      {44, 5, 47, 13},  {31, 53, 40, 36}, {31, 23, 39, 26}};
const Rows mean003 = {{19, 32, 28, 25, 31, 49, 17, 18}, {4, 19, 50, 57, 29, 42, 5, 8},
                      {44, 16, 54, 13, 15, 1, 58, 50},  {18, 36, 29, 12, 39, 45, 47, 44},
                      {34, 31, 17, 28, 35, 62, 30, 54}, {38, 50, 14, 50, 25, 24, 36, 4},
                      {58, 27, 20, 34, 55, 22, 63, 59}, {61, 30, 37, 24, 23, 34, 5, 16}};

QList<int> shapeOf(const Rows &rows)
{
    return {int(rows.size()), int(rows.front().size())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void poolSeeds_data();
    void poolSeeds();
    void ceilLargerThanInput_data();
    void ceilLargerThanInput();
    void explainFrameworks();
    void codeScripts();
    void indicesAndMaxUnpool();
    void avgUnpool();
    void batchedSeed004();
    void npyRoundTrip_data();
    void npyRoundTrip();
    void textOutput();
    void imagePooledPerChannel();
    void imageToValuesAndBack();
    void backward_data();
    void backward();
    void animateGif();
    void animatePngFolderWithoutDisplay();
    void animateBackward();
    void animateUnpool();
    void errors_data();
    void errors();
    void warningKeepsExitZero();
    void englishInAGermanLocale();
    void verboseSummary();
    void help();
    void batchContinuesPastABadFile();
    void batchFolderWithFormat();
    void hostileInputs_data();
    void hostileInputs();
    void outputOntoSpecialFile_data();
    void outputOntoSpecialFile();
    void outputThroughSymlink();
    void batchWarningsFollowTheirFile();

private:
    /// A fresh folder with the files the error rows refer to.
    void makeErrorFixtures(const QString &dir);
};

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(POOLVIZ_CLI)).isExecutable(), POOLVIZ_CLI);
}

// ---------------------------------------------------------------------------------------------
// pool: every seed example, through CSV and through .npy

void TestCli::poolSeeds_data()
{
    QTest::addColumn<Rows>("input");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<Rows>("expected");

    QTest::newRow("000 conv_output 2x2 stride 1")
        << conv000 << QStringList{"--kernel", "2", "--stride", "1"}
        << Rows{{12, 12, 9}, {18, 13, 9}, {18, 15, 7}};
    QTest::newRow("000 conv_output 2x2 stride 2")
        << conv000 << QStringList{"--kernel", "2", "--stride", "2"} << Rows{{12, 9}, {18, 7}};
    QTest::newRow("000 conv_output 2x2 stride 1, one thread")
        << conv000 << QStringList{"--kernel", "2", "--stride", "1", "--threads", "1"}
        << Rows{{12, 12, 9}, {18, 13, 9}, {18, 15, 7}};
    QTest::newRow("000 conv_output 2x2 stride 1, three threads")
        << conv000 << QStringList{"--kernel", "2", "--stride", "1", "--threads=3"}
        << Rows{{12, 12, 9}, {18, 13, 9}, {18, 15, 7}};
    QTest::newRow("001 6x6 f3 s3")
        << seed001 << QStringList{"--kernel", "3", "--stride", "3"} << Rows{{16, 17}, {14, 19}};
    QTest::newRow("002 1..16 max 2")
        << oneTo16 << QStringList{"--kernel", "2"} << Rows{{6, 8}, {14, 16}};
    QTest::newRow("002 1..16 avg 2") << oneTo16 << QStringList{"--mode", "avg", "--kernel", "2"}
                                     << Rows{{3.5, 5.5}, {11.5, 13.5}};
    QTest::newRow("002 1..16 global avg")
        << oneTo16 << QStringList{"--global", "--mode", "avg"} << Rows{{8.5}};
    QTest::newRow("002 1..16 global max") << oneTo16 << QStringList{"--global"} << Rows{{16}};
    QTest::newRow("002 small max")
        << small002 << QStringList{"--kernel", "2", "--stride", "2"} << Rows{{9, 9}, {9, 5}};
    QTest::newRow("002 small avg")
        << small002 << QStringList{"--mode=avg", "--kernel=2x2"} << Rows{{7.5, 4.25}, {5.5, 4.25}};
    QTest::newRow("003 6x4 max") << seed003 << QStringList{"--kernel", "2×2"}
                                 << Rows{{40, 61}, {44, 47}, {53, 40}};
    QTest::newRow("003 8x8 mean") << mean003 << QStringList{"--mode", "avg", "--kernel", "2"}
                                  << Rows{{18.5, 40, 37.75, 12},
                                          {28.5, 27, 25, 49.75},
                                          {38.25, 27.25, 36.5, 31},
                                          {44, 28.75, 33.5, 35.75}};
}

void TestCli::poolSeeds()
{
    QFETCH(Rows, input);
    QFETCH(QStringList, options);
    QFETCH(Rows, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(input).toUtf8()));
    QVERIFY(writeFile(dir.filePath("in.npy"), npyBytes("<f4", shapeOf(input), flatten(input))));

    const Run csv = cli(dir.path(), QStringList{"pool", "in.csv", "-o", "out.csv"} + options);
    QVERIFY2(csv.code == 0, qPrintable(describe(csv)));
    QCOMPARE(csv.out, QString());
    QCOMPARE(csv.err, QString());
    QCOMPARE(readMatrix(dir.filePath("out.csv")), expected);

    const Run npy = cli(dir.path(), QStringList{"pool", "in.npy", "-o", "out.npy"} + options);
    QVERIFY2(npy.code == 0, qPrintable(describe(npy)));
    const Npy out = readNpy(dir.filePath("out.npy"));
    QVERIFY(out.ok);
    QCOMPARE(out.descr, QString("<f4"));
    QCOMPARE(out.shape, shapeOf(expected));
    QCOMPARE(out.values, flatten(expected));
}

// ---------------------------------------------------------------------------------------------
// ceil mode with windows larger than the input: PyTorch answers them, so does the CLI

void TestCli::ceilLargerThanInput_data()
{
    QTest::addColumn<Rows>("input");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<Rows>("expected");
    // Worked out in tst_pool's forward rows.
    const Rows row12 = {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}};
    const Rows six2 = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}};
    QTest::newRow("ceil max 2x1 stride 2x1 on 1x12")
        << row12 << QStringList{"--kernel", "2x1", "--stride", "2x1", "--ceil-mode"} << row12;
    QTest::newRow("ceil min k2 s3 on 1x2")
        << Rows{{3, -1}}
        << QStringList{"--mode", "min", "--kernel", "2", "--stride", "3", "--ceil-mode"}
        << Rows{{-1}};
    QTest::newRow("ceil avg 2x5 pad 1x0 exclude pad on 6x2")
        << six2 << QStringList{"--mode", "avg",       "--kernel", "2x5",         "--stride",
                               "2x5",    "--padding", "1x0",      "--ceil-mode", "--exclude-pad"}
        << Rows{{1.5}, {4.5}, {8.5}, {11.5}};
    QTest::newRow("ceil max 5x2 dilation 2x1 pad 0x1 on 6x2")
        << six2 << QStringList{"--kernel", "5x2",       "--dilation", "2x1",        "--stride",
                               "5x2",      "--padding", "0x1",        "--ceil-mode"}
        << Rows{{9, 10}};
}

void TestCli::ceilLargerThanInput()
{
    QFETCH(Rows, input);
    QFETCH(QStringList, options);
    QFETCH(Rows, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(input).toUtf8()));
    const Run r = cli(dir.path(), QStringList{"pool", "in.csv", "-o", "out.csv"} + options);
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    // The overhang is worth a warning, never an error.
    for (const QString &line : r.err.split('\n', Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith("poolviz-cli: warning: "), qPrintable(line));
    QVERIFY2(r.err.contains("overhang"), qPrintable(r.err));
    QCOMPARE(readMatrix(dir.filePath("out.csv")), expected);
}

// ---------------------------------------------------------------------------------------------
// explain and code

void TestCli::explainFrameworks()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("six2.csv"), "1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n"));
    const QStringList lp{"--mode", "lp", "--kernel", "2x5", "--stride", "2x5", "--ceil-mode"};
    const Run bySize = cli(dir.path(), QStringList{"explain", "--input-size", "6x2"} + lp);
    QVERIFY2(bySize.code == 0, qPrintable(describe(bySize)));
    QVERIFY(bySize.out.contains(QString::fromUtf8("on a 6\u00d72 input \u2192 3\u00d71")));
    QVERIFY(bySize.out.contains("PyTorch: differs"));
    QVERIFY(bySize.out.contains("ONNX: native"));
    QVERIFY(bySize.out.contains("NumPy: recipe"));
    // With the values: which cells, by how much. √30 = 5.477 against √75 = 8.66, and so on.
    const Run byFile = cli(dir.path(), QStringList{"explain", "six2.csv"} + lp);
    QVERIFY2(byFile.code == 0, qPrintable(describe(byFile)));
    QVERIFY(byFile.out.contains("cell (0, 0): PoolViz 5.477, PyTorch 8.66"));
    QVERIFY(byFile.out.contains("cell (2, 0): PoolViz 21.12, PyTorch 33.39"));

    const Run noSize = cli(dir.path(), {"explain", "--kernel", "2"});
    QCOMPARE(noSize.code, 2);
    QVERIFY2(noSize.err.contains("--input-size"), qPrintable(noSize.err));
    const Run badSize = cli(dir.path(), {"explain", "--input-size", "6x"});
    QCOMPARE(badSize.code, 2);
    QVERIFY2(badSize.err.contains("\"6x\""), qPrintable(badSize.err));
    const Run refused = cli(dir.path(), {"explain", "--input-size", "4x3", "--kernel", "5"});
    QCOMPARE(refused.code, 2);
    QCOMPARE(refused.out, QString());
    QVERIFY2(refused.err.contains(QString::fromUtf8("kernel 5\u00d75 is larger than the input "
                                                    "4\u00d73: no window fits")),
             qPrintable(refused.err));
    const Run mismatch = cli(dir.path(), {"explain", "six2.csv", "--input-size", "3x3"});
    QCOMPARE(mismatch.code, 2);
    QVERIFY2(mismatch.err.contains(QString::fromUtf8("6\u00d72")), qPrintable(mismatch.err));
}

void TestCli::codeScripts()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(oneTo16).toUtf8()));
    const Run out = cli(dir.path(), {"code", "--lang", "pytorch", "in.csv", "--kernel", "2"});
    QVERIFY2(out.code == 0, qPrintable(describe(out)));
    QVERIFY(out.out.contains("pool = torch.nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2)"));
    QVERIFY(out.out.contains("expected = np.array([[6, 8],"));
    // Written to a file, atomically: nothing else is left in the folder.
    const Run file = cli(dir.path(), {"code", "--lang", "numpy", "in.csv", "--mode", "avg",
                                      "--kernel", "2", "-o", "pool.py"});
    QVERIFY2(file.code == 0, qPrintable(describe(file)));
    QFile script(dir.filePath("pool.py"));
    QVERIFY(script.open(QIODevice::ReadOnly));
    QVERIFY(script.readAll().contains("y = blocks.mean(axis=(3, 5))"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);

    const Run badLang = cli(dir.path(), {"code", "--lang", "jax", "in.csv"});
    QCOMPARE(badLang.code, 2);
    QVERIFY2(badLang.err.contains("\"jax\""), qPrintable(badLang.err));
    const Run noLang = cli(dir.path(), {"code", "in.csv"});
    QCOMPARE(noLang.code, 2);
    QVERIFY2(noLang.err.contains("--lang"), qPrintable(noLang.err));
    const Run notPy = cli(dir.path(), {"code", "--lang", "onnx", "in.csv", "-o", "x.txt"});
    QCOMPARE(notPy.code, 2);
    QVERIFY2(notPy.err.contains("x.txt"), qPrintable(notPy.err));
    QVERIFY(!QFile::exists(dir.filePath("x.txt")));
    const Run invalid = cli(dir.path(), {"code", "--lang", "numpy", "in.csv", "--kernel", "5"});
    QCOMPARE(invalid.code, 2);
    QVERIFY2(invalid.err.contains("no window fits"), qPrintable(invalid.err));
}

// ---------------------------------------------------------------------------------------------
// seed 001: positions of the maxima and max-unpooling

void TestCli::indicesAndMaxUnpool()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("x.npy"), npyBytes("<f8", {6, 6}, flatten(seed001))));
    Run r = cli(dir.path(), {"pool", "x.npy", "-o", "y.npy", "--kernel", "3", "--stride", "3",
                             "--indices", "idx.npy"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const Npy y = readNpy(dir.filePath("y.npy"));
    QVERIFY(y.ok);
    QCOMPARE(y.descr, QString("<f8")); // float64 in, float64 out
    QCOMPARE(y.values, (QList<double>{16, 17, 14, 19}));
    const Npy idx = readNpy(dir.filePath("idx.npy"));
    QVERIFY(idx.ok);
    QCOMPARE(idx.descr, QString("<i8"));
    QCOMPARE(idx.shape, (QList<int>{2, 2}));
    // 16 at (2,0) → 12, 17 at (1,5) → 11, 14 at (5,1) → 31, 19 at (3,5) → 23: h·6 + w.
    QCOMPARE(idx.values, (QList<double>{12, 11, 31, 23}));

    const QList<double> unpooled = flatten(Rows{{0, 0, 0, 0, 0, 0},
                                                {0, 0, 0, 0, 0, 17},
                                                {16, 0, 0, 0, 0, 0},
                                                {0, 0, 0, 0, 0, 19},
                                                {0, 0, 0, 0, 0, 0},
                                                {0, 14, 0, 0, 0, 0}});
    r = cli(dir.path(),
            {"unpool", "y.npy", "--indices", "idx.npy", "--output-size", "6x6", "-o", "u.npy"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    Npy u = readNpy(dir.filePath("u.npy"));
    QVERIFY(u.ok);
    QCOMPARE(u.descr, QString("<f8"));
    QCOMPARE(u.shape, (QList<int>{6, 6}));
    QCOMPARE(u.values, unpooled);

    // The default size (in−1)·s − 2p + k = (2−1)·3 + 3 = 6 from the pool options, into CSV.
    r = cli(dir.path(), {"unpool", "y.npy", "--indices", "idx.npy", "--kernel", "3", "-o", "u.csv",
                         "--verbose"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(flatten(readMatrix(dir.filePath("u.csv"))), unpooled);
    QCOMPARE(r.out, QString("unpooled 2×2 → 6×6 (max)\n"));
}

void TestCli::avgUnpool()
{
    // seed 001's unpoolingAvg: np.repeat puts each pooled value on every cell of its 3×3 window.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("p.csv"), "16,17\n14,19\n"));
    const Run r = cli(dir.path(), {"unpool", "p.csv", "--mode", "avg", "--kernel", "3",
                                   "--output-size", "6x6", "-o", "u.csv"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(readMatrix(dir.filePath("u.csv")), (Rows{{16, 16, 16, 17, 17, 17},
                                                      {16, 16, 16, 17, 17, 17},
                                                      {16, 16, 16, 17, 17, 17},
                                                      {14, 14, 14, 19, 19, 19},
                                                      {14, 14, 14, 19, 19, 19},
                                                      {14, 14, 14, 19, 19, 19}}));
    // Stride 2 with a 3×3 kernel on 5×5: the windows overlap on row and column 2, where the
    // values are averaged (two windows: (16+17)/2; four windows: (16+17+14+19)/4).
    const Run o = cli(dir.path(), {"unpool", "p.csv", "--mode", "avg", "--kernel", "3", "--stride",
                                   "2", "--output-size", "5x5", "-o", "o.csv"});
    QVERIFY2(o.code == 0, qPrintable(describe(o)));
    QCOMPARE(readMatrix(dir.filePath("o.csv")), (Rows{{16, 16, 16.5, 17, 17},
                                                      {16, 16, 16.5, 17, 17},
                                                      {15, 15, 16.5, 18, 18},
                                                      {14, 14, 16.5, 19, 19},
                                                      {14, 14, 16.5, 19, 19}}));
}

// ---------------------------------------------------------------------------------------------
// seed 004: a batch (5, 3, 100, 100), size 3, stride 2

void TestCli::batchedSeed004()
{
    const int n = 5, c = 3, h = 100, w = 100, k = 3, s = 2, oh = 49, ow = 49;
    std::mt19937 rng(4);
    std::uniform_real_distribution<float> dist(-10.f, 10.f);
    QList<double> values;
    values.reserve(n * c * h * w);
    for (int i = 0; i < n * c * h * w; ++i)
        values << dist(rng);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("batch.npy"), npyBytes("<f4", {n, c, h, w}, values)));
    const Run r = cli(dir.path(),
                      {"pool", "batch.npy", "-o", "pooled.npy", "--kernel", "3", "--stride", "2"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const Npy out = readNpy(dir.filePath("pooled.npy"));
    QVERIFY(out.ok);
    QCOMPARE(out.descr, QString("<f4"));
    QCOMPARE(out.shape, (QList<int>{n, c, oh, ow}));
    int checked = 0;
    for (int p = 0; p < n * c; ++p)
        for (int i = 0; i < oh; ++i)
            for (int j = 0; j < ow; ++j) {
                double best = -INFINITY;
                for (int a = 0; a < k; ++a)
                    for (int b = 0; b < k; ++b)
                        best = std::max(best, values[(p * h + i * s + a) * w + j * s + b]);
                const double got = out.values[(p * oh + i) * ow + j];
                if (got != best)
                    QFAIL(qPrintable(QString("plane %1 (%2, %3): %4, expected %5")
                                         .arg(p)
                                         .arg(i)
                                         .arg(j)
                                         .arg(got)
                                         .arg(best)));
                ++checked;
            }
    QCOMPARE(checked, n * c * oh * ow);
}

// ---------------------------------------------------------------------------------------------
// .npy element types and ranks

void TestCli::npyRoundTrip_data()
{
    QTest::addColumn<QString>("descr");
    QTest::addColumn<QList<int>>("shape");
    QTest::addColumn<QString>("outDescr");
    QTest::addColumn<QList<int>>("outShape");

    QTest::newRow("f8 rank 2") << "<f8" << QList<int>{4, 6} << "<f8" << QList<int>{2, 3};
    QTest::newRow("f4 rank 3") << "<f4" << QList<int>{2, 4, 4} << "<f4" << QList<int>{2, 2, 2};
    QTest::newRow("f8 rank 4") << "<f8" << QList<int>{2, 3, 4, 2} << "<f8"
                               << QList<int>{2, 3, 2, 1};
    QTest::newRow("u1 rank 2") << "|u1" << QList<int>{4, 4} << "<f4" << QList<int>{2, 2};
    QTest::newRow("i4 rank 3") << "<i4" << QList<int>{3, 4, 4} << "<f4" << QList<int>{3, 2, 2};
    QTest::newRow("i8 rank 4") << "<i8" << QList<int>{1, 1, 4, 4} << "<f4"
                               << QList<int>{1, 1, 2, 2};
}

void TestCli::npyRoundTrip()
{
    QFETCH(QString, descr);
    QFETCH(QList<int>, shape);
    QFETCH(QString, outDescr);
    QFETCH(QList<int>, outShape);
    int planes = 1;
    for (int i = 0; i < shape.size() - 2; ++i)
        planes *= shape[i];
    const int h = shape[shape.size() - 2], w = shape.back();
    QList<double> values;
    for (int i = 0; i < planes * h * w; ++i)
        values << double((i * 37 + 11) % 101); // 0–100 fits every type
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("in.npy"), npyBytes(descr, shape, values)));
    const Run r = cli(dir.path(), {"pool", "in.npy", "-o", "out.npy", "--kernel", "2"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const Npy out = readNpy(dir.filePath("out.npy"));
    QVERIFY(out.ok);
    QCOMPARE(out.descr, outDescr);
    QCOMPARE(out.shape, outShape);
    const int oh = h / 2, ow = w / 2;
    QList<double> expected;
    for (int p = 0; p < planes; ++p)
        for (int i = 0; i < oh; ++i)
            for (int j = 0; j < ow; ++j) {
                const auto at = [&](int a, int b) { return values[(p * h + a) * w + b]; };
                expected << std::max({at(2 * i, 2 * j), at(2 * i, 2 * j + 1), at(2 * i + 1, 2 * j),
                                      at(2 * i + 1, 2 * j + 1)});
            }
    QCOMPARE(out.values, expected);
}

void TestCli::textOutput()
{
    // CSV in, space-separated .txt out, and a .txt read back as input.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(oneTo16).toUtf8()));
    Run r = cli(dir.path(), {"pool", "in.csv", "-o", "out.txt", "--mode", "avg"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QFile f(dir.filePath("out.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY2(!text.contains(','), text.constData());
    QCOMPARE(readMatrix(dir.filePath("out.txt")), (Rows{{3.5, 5.5}, {11.5, 13.5}}));
    r = cli(dir.path(), {"pool", "out.txt", "-o", "global.csv", "--global"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(readMatrix(dir.filePath("global.csv")), (Rows{{13.5}}));
}

// ---------------------------------------------------------------------------------------------
// Images

namespace {

QRgb pixelAt(int x, int y)
{
    return qRgb((x * 37 + y * 11) % 256, (x * 13 + y * 29 + 7) % 256, (x * y + 3 * x) % 256);
}

QImage testImage()
{
    QImage image(64, 48, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, pixelAt(x, y));
    return image;
}

} // namespace

void TestCli::imagePooledPerChannel()
{
    QTemporaryDir dir;
    QVERIFY(testImage().save(dir.filePath("in.png")));
    const Run r = cli(dir.path(), {"pool", "in.png", "-o", "out.png", "--kernel", "2x2"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const QImage out(dir.filePath("out.png"));
    QCOMPARE(out.size(), QSize(32, 24));
    for (int y = 0; y < 24; ++y)
        for (int x = 0; x < 32; ++x) {
            int red = 0, green = 0, blue = 0;
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx) {
                    const QRgb p = pixelAt(2 * x + dx, 2 * y + dy);
                    red = std::max(red, qRed(p));
                    green = std::max(green, qGreen(p));
                    blue = std::max(blue, qBlue(p));
                }
            const QRgb got = out.pixel(x, y);
            if (qRed(got) != red || qGreen(got) != green || qBlue(got) != blue)
                QFAIL(qPrintable(QString("pixel (%1, %2) is %3 %4 %5, expected %6 %7 %8")
                                     .arg(x)
                                     .arg(y)
                                     .arg(qRed(got))
                                     .arg(qGreen(got))
                                     .arg(qBlue(got))
                                     .arg(red)
                                     .arg(green)
                                     .arg(blue)));
        }
}

void TestCli::imageToValuesAndBack()
{
    QTemporaryDir dir;
    QVERIFY(testImage().save(dir.filePath("in.bmp")));
    // Image in, values out: (C, H, W) = (3, 24, 32), the averages of each 2×2 block.
    Run r = cli(dir.path(), {"pool", "in.bmp", "-o", "avg.npy", "--mode", "avg"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const Npy avg = readNpy(dir.filePath("avg.npy"));
    QVERIFY(avg.ok);
    QCOMPARE(avg.shape, (QList<int>{3, 24, 32}));
    const auto channel = [](QRgb p, int c) {
        return c == 0 ? qRed(p) : c == 1 ? qGreen(p) : qBlue(p);
    };
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < 24; y += 5)
            for (int x = 0; x < 32; x += 3) {
                const double sum = channel(pixelAt(2 * x, 2 * y), c) +
                                   channel(pixelAt(2 * x + 1, 2 * y), c) +
                                   channel(pixelAt(2 * x, 2 * y + 1), c) +
                                   channel(pixelAt(2 * x + 1, 2 * y + 1), c);
                QCOMPARE(avg.values[(c * 24 + y) * 32 + x], sum / 4);
            }

    // Values in, image out: a (3, 2, 2) .npy becomes a 2×2 RGB image (rounded, clamped).
    QVERIFY(writeFile(dir.filePath("rgb.npy"),
                      npyBytes("<f4", {3, 2, 4}, {10, 20,    30, 40, 50, 60, 70, 80,    // red
                                                  1,  2,     3,  4,  5,  6,  7,  300,   // green
                                                  -5, 100.4, 9,  8,  7,  6,  5,  4}))); // blue
    r = cli(dir.path(), {"pool", "rgb.npy", "-o", "rgb.png", "--kernel", "1x2"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const QImage image(dir.filePath("rgb.png"));
    QCOMPARE(image.size(), QSize(2, 2));
    QCOMPARE(image.pixel(0, 0), qRgb(20, 2, 100));
    QCOMPARE(image.pixel(1, 0), qRgb(40, 4, 9));
    QCOMPARE(image.pixel(0, 1), qRgb(60, 6, 7));
    QCOMPARE(image.pixel(1, 1), qRgb(80, 255, 5));

    // A grayscale image is one plane: it can go to CSV.
    QImage gray(4, 2, QImage::Format_Grayscale8);
    for (int x = 0; x < 4; ++x) {
        gray.setPixel(x, 0, qRgb(x * 10, x * 10, x * 10));
        gray.setPixel(x, 1, qRgb(100 + x, 100 + x, 100 + x));
    }
    QVERIFY(gray.save(dir.filePath("gray.png")));
    r = cli(dir.path(), {"pool", "gray.png", "-o", "gray.csv"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(readMatrix(dir.filePath("gray.csv")), (Rows{{101, 103}}));
}

// ---------------------------------------------------------------------------------------------
// backward

void TestCli::backward_data()
{
    QTest::addColumn<Rows>("input");
    QTest::addColumn<Rows>("grad");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<Rows>("expected");

    // Windows of seed 000 at stride 1 and their argmax: (0,0)→(0,1) (0,1)→(0,1) (0,2)→(1,3)
    // (1,0)→(2,0) (1,1)→(2,1) (1,2)→(1,3) (2,0)→(2,0) (2,1)→(3,1) (2,2)→(2,2) (7 ties 7: first).
    QTest::newRow("000 max stride 1")
        << conv000 << Rows{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
        << QStringList{"--kernel", "2", "--stride", "1"}
        << Rows{{0, 3, 0, 0}, {0, 0, 0, 9}, {11, 5, 9, 0}, {0, 8, 0, 0}};
    QTest::newRow("000 max stride 2")
        << conv000 << Rows{{1, 2}, {3, 4}} << QStringList{"--kernel", "2"}
        << Rows{{0, 1, 0, 0}, {0, 0, 0, 2}, {3, 0, 4, 0}, {0, 0, 0, 0}};
    QTest::newRow("000 avg stride 1: coverage / 4")
        << conv000 << Rows{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}}
        << QStringList{"--mode", "avg", "--kernel", "2", "--stride", "1"}
        << Rows{{0.25, 0.5, 0.5, 0.25}, {0.5, 1, 1, 0.5}, {0.5, 1, 1, 0.5}, {0.25, 0.5, 0.5, 0.25}};
    QTest::newRow("1..16 avg stride 2")
        << oneTo16 << Rows{{4, 8}, {12, 16}} << QStringList{"--mode", "avg"}
        << Rows{{1, 1, 2, 2}, {1, 1, 2, 2}, {3, 3, 4, 4}, {3, 3, 4, 4}};
}

void TestCli::backward()
{
    QFETCH(Rows, input);
    QFETCH(Rows, grad);
    QFETCH(QStringList, options);
    QFETCH(Rows, expected);
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("x.csv"), csvText(input).toUtf8()));
    QVERIFY(writeFile(dir.filePath("g.npy"), npyBytes("<f4", shapeOf(grad), flatten(grad))));
    const Run r = cli(
        dir.path(), QStringList{"backward", "x.csv", "--grad", "g.npy", "-o", "dx.csv"} + options);
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(r.err, QString());
    QCOMPARE(readMatrix(dir.filePath("dx.csv")), expected);
}

// ---------------------------------------------------------------------------------------------
// animate

void TestCli::animateGif()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("conv.csv"), csvText(conv000).toUtf8()));
    Run r = cli(dir.path(), {"animate", "conv.csv", "-o", "steps.gif", "--kernel", "2", "--stride",
                             "1", "--frame-ms", "100", "--verbose"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QString("animated 9 forward steps of plane 0 → steps.gif\n"));
    QImageReader reader(dir.filePath("steps.gif"));
    QCOMPARE(reader.format(), QByteArray("gif"));
    QCOMPARE(reader.imageCount(), 9);

    // Stride 2: 4 pools, 4 frames.
    r = cli(dir.path(), {"animate", "conv.csv", "-o", "four.gif", "--kernel", "2"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(QImageReader(dir.filePath("four.gif")).imageCount(), 4);
}

void TestCli::animatePngFolderWithoutDisplay()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("conv.csv"), csvText(conv000).toUtf8()));
    // No display and no QT_QPA_PLATFORM: the tool picks the offscreen platform itself.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("QT_QPA_PLATFORM");
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    const Run r = cli(dir.path(),
                      {"animate", "conv.csv", "-o", "frames", "--kernel", "2", "--stride", "1",
                       "--size", "320x200"},
                      env);
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(r.err, QString());
    const QStringList frames = QDir(dir.filePath("frames")).entryList(QDir::Files, QDir::Name);
    QCOMPARE(frames, (QStringList{"frame_000.png", "frame_001.png", "frame_002.png",
                                  "frame_003.png", "frame_004.png", "frame_005.png",
                                  "frame_006.png", "frame_007.png", "frame_008.png"}));
    const QImage first(dir.filePath("frames/frame_000.png"));
    QCOMPARE(first.size(), QSize(320, 200));
    QVERIFY(first != QImage(dir.filePath("frames/frame_008.png")));
}

void TestCli::animateBackward()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("conv.csv"), csvText(conv000).toUtf8()));
    QVERIFY(writeFile(dir.filePath("g.csv"), "1,2\n3,4\n"));
    const Run r = cli(dir.path(), {"animate", "conv.csv", "-o", "back.gif", "--phase", "backward",
                                   "--grad", "g.csv"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(QImageReader(dir.filePath("back.gif")).imageCount(), 4);
}

void TestCli::animateUnpool()
{
    // Max 2×2, stride 2 of seed 000's matrix pools 12, 9, 18, 7 from (0, 1), (1, 3), (2, 0) and
    // (2, 2) (7 ties with 7 at (2, 3): the first wins); unpooling puts them back there.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("conv.csv"), csvText(conv000).toUtf8()));
    Run r = cli(dir.path(), {"animate", "conv.csv", "-o", "unpool.gif", "--kernel", "2", "--phase",
                             "unpool", "--verbose"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QString("animated 4 unpool steps of plane 0 → unpool.gif\n"));
    QCOMPARE(QImageReader(dir.filePath("unpool.gif")).imageCount(), 4);

    // PNG frames: each is the stage the window draws at that step of its Unpool view.
    r = cli(dir.path(), {"animate", "conv.csv", "-o", "frames", "--kernel", "2", "--phase",
                         "unpool", "--size", "640x360"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    const QStringList frames = QDir(dir.filePath("frames")).entryList(QDir::Files, QDir::Name);
    QCOMPARE(frames,
             (QStringList{"frame_000.png", "frame_001.png", "frame_002.png", "frame_003.png"}));
    PoolParams k2;
    k2.kernel = {2, 2};
    const Trace trace = makeUnpoolTrace(
        Tensor::fromRows({{10, 12, 8, 7}, {4, 11, 5, 9}, {18, 13, 7, 7}, {3, 15, 2, 2}}), k2);
    const Tensor expected =
        Tensor::fromRows({{0, 12, 0, 0}, {0, 0, 0, 9}, {18, 0, 7, 0}, {0, 0, 0, 0}});
    QVERIFY(trace.inputGradient.data() == expected.data());
    const StageRenderer renderer(trace);
    for (int i = 0; i < 4; ++i) {
        StageView view;
        view.step = i;
        view.motion = 1.0;
        const QImage want =
            renderer.render(QSize(640, 360), view).convertToFormat(QImage::Format_RGB32);
        const QImage got =
            QImage(dir.filePath("frames/" + frames[i])).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(got.size(), QSize(640, 360));
        QVERIFY2(got == want,
                 qPrintable(QString("frame %1 differs from the window's stage").arg(i)));
    }
    // Consecutive frames differ: each step puts one more value back.
    QVERIFY(QImage(dir.filePath("frames/" + frames[0])) !=
            QImage(dir.filePath("frames/" + frames[3])));

    // Unpooling takes no gradient.
    QVERIFY(writeFile(dir.filePath("g.csv"), "1,2\n3,4\n"));
    r = cli(dir.path(), {"animate", "conv.csv", "-o", "u2.gif", "--kernel", "2", "--phase",
                         "unpool", "--grad", "g.csv"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--grad applies only to --phase backward"), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir.filePath("u2.gif")));
}

// ---------------------------------------------------------------------------------------------
// Errors: status 2, one line naming the value, nothing written

void TestCli::makeErrorFixtures(const QString &dir)
{
    QVERIFY(writeFile(dir + "/in.csv", csvText(conv000).toUtf8()));
    QVERIFY(writeFile(dir + "/grad3.csv", "1,1,1\n1,1,1\n1,1,1\n"));
    QVERIFY(writeFile(dir + "/corrupt.npy", "\x93NUMPY\x01\x00garbage"));
    QVERIFY(
        writeFile(dir + "/fortran.npy", npyBytes("<f4", {2, 2}, {1, 2, 3, 4}, /*fortran=*/true)));
    QVERIFY(writeFile(dir + "/pooled.npy", npyBytes("<f4", {2, 2}, {16, 17, 14, 19})));
    QVERIFY(writeFile(dir + "/idx.npy", npyBytes("<i8", {2, 2}, {12, 11, 31, 23})));
    QVERIFY(writeFile(dir + "/idx99.npy", npyBytes("<i8", {2, 2}, {12, 11, 99, 23})));
    QVERIFY(writeFile(dir + "/two.npy", npyBytes("<f4", {2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8})));
    QVERIFY(writeFile(dir + "/in.dat", "1 2\n3 4\n"));
}

void TestCli::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("mentions"); // every one must appear in the message

    QTest::newRow("no command") << QStringList{} << QStringList{"missing command"};
    QTest::newRow("unknown command")
        << QStringList{"frobnicate", "in.csv"} << QStringList{"\"frobnicate\""};
    QTest::newRow("unknown flag") << QStringList{"pool", "in.csv", "-o", "o.csv", "--bogus"}
                                  << QStringList{"\"--bogus\""};
    QTest::newRow("missing value") << QStringList{"pool", "in.csv", "-o", "o.csv", "--kernel"}
                                   << QStringList{"--kernel: missing value"};
    QTest::newRow("threads not a count")
        << QStringList{"pool", "in.csv", "-o", "o.csv", "--threads", "many"}
        << QStringList{"--threads", "\"many\"", "0 to 1024"};
    QTest::newRow("missing -o value")
        << QStringList{"pool", "in.csv", "-o"} << QStringList{"-o: missing value"};
    QTest::newRow("missing -o") << QStringList{"pool", "in.csv", "--kernel", "2"}
                                << QStringList{"missing --output"};
    QTest::newRow("missing input")
        << QStringList{"pool", "-o", "o.csv"} << QStringList{"missing INPUT"};
    QTest::newRow("non-existent input") << QStringList{"pool", "nope.csv", "-o", "o.csv"}
                                        << QStringList{"nope.csv", "no such file"};
    QTest::newRow("unknown input extension")
        << QStringList{"pool", "in.dat", "-o", "o.csv"} << QStringList{"in.dat", ".dat"};
    QTest::newRow("corrupt .npy") << QStringList{"pool", "corrupt.npy", "-o", "o.npy"}
                                  << QStringList{"corrupt.npy"};
    QTest::newRow("Fortran-order .npy") << QStringList{"pool", "fortran.npy", "-o", "o.npy"}
                                        << QStringList{"fortran.npy", "ortran"};
    QTest::newRow("bad mode") << QStringList{"pool", "in.csv", "-o", "o.csv", "--mode", "foo"}
                              << QStringList{"\"foo\""};
    QTest::newRow("bad kernel") << QStringList{"pool", "in.csv", "-o", "o.csv", "--kernel", "0"}
                                << QStringList{"--kernel", "\"0\""};
    QTest::newRow("kernel too big") << QStringList{"pool", "in.csv", "-o", "o.csv", "--kernel", "5"}
                                    << QStringList{"5×5", "4×4"};
    QTest::newRow("kernel too big even in ceil mode")
        << QStringList{"pool", "in.csv",   "-o", "o.csv",      "--kernel",
                       "9",    "--stride", "1",  "--ceil-mode"}
        << QStringList{"9×9", "4×4", "even in ceil mode"};
    QTest::newRow("unknown output extension")
        << QStringList{"pool", "in.csv", "-o", "o.xyz"} << QStringList{"o.xyz", ".xyz"};
    QTest::newRow("unwritable output dir")
        << QStringList{"pool", "in.csv", "-o", "missing/sub/o.csv"}
        << QStringList{"missing/sub/o.csv"};
    QTest::newRow("output below a file")
        << QStringList{"pool", "in.csv", "-o", "in.csv/o.npy"} << QStringList{"in.csv/o.npy"};
    QTest::newRow("3-D into CSV") << QStringList{"pool", "two.npy", "-o", "o.csv", "--kernel", "1"}
                                  << QStringList{"2×2×2", "o.csv"};
    QTest::newRow("2 channels into PNG")
        << QStringList{"pool", "two.npy", "-o", "o.png", "--kernel", "1"}
        << QStringList{"2×2×2", "o.png"};
    QTest::newRow("indices with avg")
        << QStringList{"pool", "in.csv", "-o", "o.csv", "--mode", "avg", "--indices", "i.npy"}
        << QStringList{"--indices", "avg"};
    QTest::newRow("indices unwritable: no output either")
        << QStringList{"pool", "in.csv", "-o", "o.csv", "--indices", "nodir/i.npy"}
        << QStringList{"nodir/i.npy"};
    QTest::newRow("output unwritable: no indices either")
        << QStringList{"pool", "in.csv", "-o", "nodir/o.csv", "--indices", "i.npy"}
        << QStringList{"nodir/o.csv"};
    QTest::newRow("format with one file")
        << QStringList{"pool", "in.csv", "-o", "o.csv", "--format", "png"}
        << QStringList{"--format"};
    QTest::newRow("grad shape mismatch")
        << QStringList{"backward", "in.csv", "--grad", "grad3.csv", "-o", "dx.csv", "--kernel", "2"}
        << QStringList{"--grad has shape 3×3 but the pooled output is 2×2"};
    QTest::newRow("grad missing") << QStringList{"backward", "in.csv", "-o", "dx.csv"}
                                  << QStringList{"--grad"};
    QTest::newRow("grad not found")
        << QStringList{"backward", "in.csv", "--grad", "nograd.npy", "-o", "dx.csv"}
        << QStringList{"nograd.npy"};
    QTest::newRow("bad --output-size")
        << QStringList{"unpool",        "pooled.npy", "--indices", "idx.npy",
                       "--output-size", "6x",         "-o",        "u.npy"}
        << QStringList{"--output-size", "\"6x\""};
    QTest::newRow("--output-size too small for the indices")
        << QStringList{"unpool",        "pooled.npy", "--indices", "idx.npy",
                       "--output-size", "4x4",        "-o",        "u.npy"}
        << QStringList{"31"};
    QTest::newRow("index out of range")
        << QStringList{"unpool",        "pooled.npy", "--indices", "idx99.npy",
                       "--output-size", "6x6",        "-o",        "u.npy"}
        << QStringList{"99"};
    QTest::newRow("indices shape mismatch")
        << QStringList{"unpool",        "in.csv", "--indices", "idx.npy",
                       "--output-size", "6x6",    "-o",        "u.npy"}
        << QStringList{"2×2", "4×4"};
    QTest::newRow("unpool without indices")
        << QStringList{"unpool", "pooled.npy", "--output-size", "6x6", "-o", "u.npy"}
        << QStringList{"--indices"};
    QTest::newRow("unpool lp") << QStringList{"unpool",        "pooled.npy", "--mode", "lp",
                                              "--output-size", "6x6",        "-o",     "u.npy"}
                               << QStringList{"lp"};
    QTest::newRow("animate plane out of range")
        << QStringList{"animate", "in.csv", "-o", "a.gif", "--plane", "3"}
        << QStringList{"\"3\"", "0 to 0"};
    QTest::newRow("animate grad in forward")
        << QStringList{"animate", "in.csv", "-o", "a.gif", "--grad", "grad3.csv"}
        << QStringList{"--grad", "backward"};
    QTest::newRow("animate bad phase")
        << QStringList{"animate", "in.csv", "-o", "a.gif", "--phase", "sideways"}
        << QStringList{"\"sideways\""};
    QTest::newRow("animate to png")
        << QStringList{"animate", "in.csv", "-o", "a.png"} << QStringList{"a.png"};
    QTest::newRow("animate kernel too big into a folder")
        << QStringList{"animate", "in.csv", "-o", "frames", "--kernel", "5"} << QStringList{"5×5"};
    QTest::newRow("animate bad frame-ms")
        << QStringList{"animate", "in.csv", "-o", "a.gif", "--frame-ms", "0"}
        << QStringList{"--frame-ms", "\"0\""};
    QTest::newRow("batch output is a file")
        << QStringList{"pool", "in.csv", "pooled.npy", "-o", "in.dat"} << QStringList{"in.dat"};
}

void TestCli::errors()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, mentions);
    QTemporaryDir dir;
    makeErrorFixtures(dir.path());
    const QStringList before = listing(dir.path());

    const Run r = cli(dir.path(), args);
    QVERIFY2(r.code == 2, qPrintable(describe(r)));
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith("poolviz-cli: ") && r.err.endsWith('\n') && r.err.count('\n') == 1,
             qPrintable(r.err));
    for (const QString &m : mentions)
        QVERIFY2(r.err.contains(m), qPrintable(QString("%1 does not mention %2").arg(r.err, m)));
    QCOMPARE(listing(dir.path()), before);
}

void TestCli::warningKeepsExitZero()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(conv000).toUtf8()));
    // Padding 2 with a 2×2 kernel: PyTorch refuses (pad ≤ k/2), PoolViz pools and warns.
    const Run r = cli(dir.path(), {"pool", "in.csv", "-o", "o.csv", "--padding", "2"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith("poolviz-cli: warning: ") && r.err.contains("PyTorch"),
             qPrintable(r.err));
    // out = (4 + 4 − 2) / 2 + 1 = 4; the windows start at −2, 0, 2, 4 on each axis, so the outer
    // ring reads only padding (−∞, padding never wins) and the inner 2×2 is the stride-2 result.
    QCOMPARE(readMatrix(dir.filePath("o.csv")),
             (Rows{{-INFINITY, -INFINITY, -INFINITY, -INFINITY},
                   {-INFINITY, 12, 9, -INFINITY},
                   {-INFINITY, 18, 7, -INFINITY},
                   {-INFINITY, -INFINITY, -INFINITY, -INFINITY}}));
}

void TestCli::englishInAGermanLocale()
{
    // The window speaks German in a German locale; the CLI stays English (scripts read it),
    // for core's messages and for image errors, which the window translates.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(conv000).toUtf8()));
    // A PNG cut in half: its last chunk declares more bytes than the file holds.
    QBuffer png;
    png.open(QIODevice::WriteOnly);
    QImage noise(64, 64, QImage::Format_Grayscale8);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            noise.setPixel(x, y, qRgb((x * 37 + y * 91) % 256, 0, 0));
    QVERIFY(noise.save(&png, "PNG"));
    QVERIFY(writeFile(dir.filePath("photo.png"), png.data().left(png.data().size() / 2)));
    QProcessEnvironment german = QProcessEnvironment::systemEnvironment();
    german.insert("LANG", "de_DE.UTF-8");
    german.insert("LC_ALL", "de_DE.UTF-8");
    german.insert("LANGUAGE", "de");
    const Run kernel = cli(dir.path(), {"pool", "in.csv", "-o", "o.csv", "--kernel", "5"}, german);
    QCOMPARE(kernel.code, 2);
    QVERIFY2(kernel.err.contains("kernel 5×5 is larger than the input 4×4: no window fits"),
             qPrintable(describe(kernel)));
    const Run image = cli(dir.path(), {"pool", "photo.png", "-o", "o.png"}, german);
    QCOMPARE(image.code, 2);
    QVERIFY2(image.err.startsWith("poolviz-cli: cannot read photo.png: it is damaged or cut short"),
             qPrintable(describe(image)));
}

void TestCli::verboseSummary()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(oneTo16).toUtf8()));
    const Run r = cli(dir.path(), {"pool", "in.csv", "-o", "o.npy", "--verbose"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.startsWith("pooled 4×4 → 2×2 (max 2×2, stride 2") && r.out.endsWith(")\n") &&
                 r.out.count('\n') == 1,
             qPrintable(r.out));
    QCOMPARE(r.err, QString());
}

void TestCli::help()
{
    QTemporaryDir dir;
    Run r = cli(dir.path(), {"--help"});
    QCOMPARE(r.code, 0);
    for (const char *command : {"pool", "backward", "unpool", "animate"})
        QVERIFY2(r.out.contains(QString("  ") + command + " "), command);
    QCOMPARE(cli(dir.path(), {"help"}).out, r.out);

    r = cli(dir.path(), {"--version"});
    QCOMPARE(r.code, 0);
    QVERIFY2(QRegularExpression("^poolviz-cli \\d+\\.\\d+\\.\\d+\n$").match(r.out).hasMatch(),
             qPrintable(r.out));

    const QStringList poolFlags = {"--mode",     "--p",         "--kernel",      "--stride",
                                   "--padding",  "--same",      "--same-lower",  "--valid",
                                   "--dilation", "--ceil-mode", "--exclude-pad", "--divisor",
                                   "--adaptive", "--global"};
    const QMap<QString, QStringList> commandFlags = {
        {"pool", {"-o", "--indices", "--verbose", "--format", "--progress"}},
        {"backward", {"--grad", "-o", "--verbose"}},
        {"unpool", {"--indices", "--output-size", "--mode", "-o", "--verbose"}},
        {"animate", {"-o", "--phase", "--plane", "--grad", "--frame-ms", "--size", "--verbose"}}};
    for (auto it = commandFlags.begin(); it != commandFlags.end(); ++it) {
        const Run viaHelp = cli(dir.path(), {"help", it.key()});
        QCOMPARE(viaHelp.code, 0);
        const Run viaFlag = cli(dir.path(), {it.key(), "--help"});
        QCOMPARE(viaFlag.out, viaHelp.out);
        QVERIFY(viaHelp.out.contains("example") || viaHelp.out.contains("e.g."));
        const QStringList lines = viaHelp.out.split('\n');
        for (const QString &flag : it.value() + poolFlags) {
            // Documented by an entry (its line and the indented lines continuing it) that also
            // shows it in use.
            bool documented = false;
            for (int i = 0; i < lines.size() && !documented; ++i) {
                const QString t = lines[i].trimmed();
                if (!t.startsWith(flag + ' ') && !t.startsWith(flag + ','))
                    continue;
                QString entry = t;
                for (int j = i + 1; j < lines.size() && !lines[j].trimmed().isEmpty() &&
                                    !lines[j].trimmed().startsWith('-');
                     ++j)
                    entry += ' ' + lines[j].trimmed();
                documented = entry.contains("e.g.");
            }
            QVERIFY2(documented, qPrintable(it.key() + ": " + flag));
        }
    }
    r = cli(dir.path(), {"help", "nothing"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("\"nothing\""));
}

// ---------------------------------------------------------------------------------------------
// Batch (issue 4)

void TestCli::batchContinuesPastABadFile()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("a.csv"), csvText(conv000).toUtf8()));
    QVERIFY(writeFile(dir.filePath("b.npy"), npyBytes("<f4", {4, 4}, flatten(oneTo16))));
    QVERIFY(writeFile(dir.filePath("c.npy"), "not a numpy file"));
    QVERIFY(testImage().save(dir.filePath("d.png")));

    Run r =
        cli(dir.path(), {"pool", "a.csv", "b.npy", "c.npy", "d.png", "-o", "out/", "--progress"});
    QCOMPARE(r.code, 2);
    QCOMPARE(r.out, QString());
    const QStringList lines = r.err.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines[0], QString("[1/4] a.csv → out/a_pooled.csv"));
    QCOMPARE(lines[1], QString("[2/4] b.npy → out/b_pooled.npy"));
    QCOMPARE(lines[2], QString("[3/4] c.npy → out/c_pooled.npy"));
    QCOMPARE(lines[3], QString("[4/4] d.png → out/d_pooled.png"));
    QCOMPARE(lines[4], QString("pooled 3 of 4 files; 1 failed:"));
    QVERIFY2(lines[5].startsWith("  c.npy: ") && lines[5].contains("c.npy: cannot read c.npy"),
             qPrintable(lines[5]));

    QCOMPARE(QDir(dir.filePath("out")).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             (QStringList{"a_pooled.csv", "b_pooled.npy", "d_pooled.png"}));
    QCOMPARE(readMatrix(dir.filePath("out/a_pooled.csv")), (Rows{{12, 9}, {18, 7}}));
    QCOMPARE(readNpy(dir.filePath("out/b_pooled.npy")).values, (QList<double>{6, 8, 14, 16}));
    QCOMPARE(QImage(dir.filePath("out/d_pooled.png")).size(), QSize(32, 24));

    // Without --progress (stderr is not a terminal here) only the summary is printed.
    r = cli(dir.path(), {"pool", "a.csv", "c.npy", "-o", "out2", "--kernel", "2"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.startsWith("pooled 1 of 2 files; 1 failed:\n  c.npy: "), qPrintable(r.err));
    QCOMPARE(r.err.count('\n'), 2);
}

void TestCli::batchFolderWithFormat()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("in"));
    QVERIFY(writeFile(dir.filePath("in/b.csv"), csvText(oneTo16).toUtf8()));
    QVERIFY(writeFile(dir.filePath("in/a.npy"), npyBytes("<f4", {4, 4}, flatten(conv000))));
    QVERIFY(writeFile(dir.filePath("in/notes.md"), "not an input"));
    QVERIFY(QDir(dir.path()).mkdir("in/sub"));
    QVERIFY(writeFile(dir.filePath("in/sub/c.csv"), csvText(oneTo16).toUtf8()));

    const Run r = cli(dir.path(), {"pool", "in", "-o", "out", "--format", "csv", "--verbose"});
    QVERIFY2(r.code == 0, qPrintable(describe(r)));
    QCOMPARE(r.err, QString());
    // Sorted, non-recursive, only readable extensions; one summary line per file with --verbose.
    const QStringList out = r.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(out.size(), 2);
    QVERIFY2(out[0].startsWith("in/a.npy: pooled 4×4 → 2×2"), qPrintable(out[0]));
    QVERIFY2(out[1].startsWith("in/b.csv: pooled 4×4 → 2×2"), qPrintable(out[1]));
    QCOMPARE(QDir(dir.filePath("out")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             (QStringList{"a_pooled.csv", "b_pooled.csv"}));
    QCOMPARE(readMatrix(dir.filePath("out/a_pooled.csv")), (Rows{{12, 9}, {18, 7}}));
    QCOMPARE(readMatrix(dir.filePath("out/b_pooled.csv")), (Rows{{6, 8}, {14, 16}}));
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs (issue 12): each example refused at once with its exact one-line message, or
// answered with a one-line warning; nothing crashes or exhausts memory.

void TestCli::hostileInputs_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("err"); // the whole of stderr

    const QStringList in4{"pool", "in.csv", "-o", "o.csv"};
    // Once a SEGV under ASan: QImageReader::imageFormat() of the first 20 bytes of a JPEG.
    QTest::newRow("20-byte JPEG")
        << QStringList{"pool", "head20.jpg", "-o", "o.png", "--kernel", "2"} << 2
        << "poolviz-cli: cannot read head20.jpg: Unable to read image data\n";
    // Once 98 s, 11.4 GB and exit 0: ek = 10⁶·(10⁶ − 1) + 1 wrapped in 32 bits.
    QTest::newRow("kernel and dilation 10^6")
        << in4 + QStringList{"--kernel", "1000000", "--dilation", "1000000"} << 2
        << "poolviz-cli: kernel 1000000×1000000 with dilation 1000000 spans "
           "999999000001×999999000001, larger than the input 4×4: no window fits\n";
    // Once allocated until out of memory.
    QTest::newRow("padding 500006")
        << in4 + QStringList{"--kernel", "3", "--stride", "1", "--padding", "500006"} << 2
        << "poolviz-cli: output would be 1000014×1000014 = 1.0·10¹² values, above the limit of "
           "10⁸\n";
    QTest::newRow("adaptive 10^6")
        << in4 + QStringList{"--adaptive", "1000000x1000000"} << 2
        << "poolviz-cli: output would be 1000000×1000000 = 10¹² values, above the limit of 10⁸\n";
    QTest::newRow("unpool 10^6") << QStringList{"unpool",        "in.csv",          "--mode",
                                                "avg",           "--kernel",        "2",
                                                "--output-size", "1000000x1000000", "-o",
                                                "u.npy"}
                                 << 2
                                 << "poolviz-cli: unpool: output would be 1000000×1000000 = 10¹² "
                                    "values, above the limit of 10⁸\n";
    // Once 32 s and 6.3 GB: out = (4 + 40000 − 2) / 2 + 1 = 20002.
    QTest::newRow("padding 20000")
        << in4 + QStringList{"--kernel", "2", "--padding", "20000"} << 2
        << "poolviz-cli: output would be 20002×20002 = 4.0·10⁸ values, above the limit of 10⁸\n";
    // The limit is a flag: 10×10 = 100 values against 99.
    // A size above the largest option value was called "not a size ≥ 1".
    QTest::newRow("--input-size 10^8")
        << QStringList{"explain", "--input-size", "99999999x1"} << 2
        << "poolviz-cli: --input-size: \"99999999x1\" is not a size from 1 to 1000000 per side "
           "(use HxW)\n";
    QTest::newRow("--output-size 10^7")
        << QStringList{"unpool",        "in.csv",     "--mode", "avg",
                       "--output-size", "10000000x4", "-o",     "u.npy"}
        << 2
        << "poolviz-cli: --output-size: \"10000000x4\" is not a size from 1 to 1000000 per side "
           "(use HxW, e.g. 6x6)\n";
    QTest::newRow("--max-values")
        << in4 + QStringList{"--kernel", "1", "--padding", "3", "--max-values", "99"} << 2
        << "poolviz-cli: output would be 10×10 = 100 values, above the limit of 99\n";
    QTest::newRow("bad --max-values")
        << in4 + QStringList{"--kernel", "1", "--max-values", "0"} << 2
        << "poolviz-cli: --max-values: \"0\" is not a whole number from 1 to 10¹²\n";
    // 23×23 at stride 1 is 529 steps: under --max-steps 100 refused before any frame.
    QTest::newRow("--max-steps")
        << QStringList{"animate", "m23.csv", "-o", "a.gif", "--kernel", "1", "--max-steps", "100"}
        << 2 << "poolviz-cli: the animation would have 529 steps, above the limit of 100\n";
    // Shapes whose products overflow int, or allocate before being rejected.
    QTest::newRow("planes past int")
        << QStringList{"pool", "planes.npy", "-o", "o.npy", "--kernel", "1"} << 2
        << "poolviz-cli: cannot read planes.npy: shape (65536, 65536, 0, 1) has 4294967296 "
           "planes, more than 2147483647\n";
    QTest::newRow("2147483647×0")
        << QStringList{"pool", "wide.npy", "-o", "o.npy", "--kernel", "1"} << 2
        << "poolviz-cli: cannot read wide.npy: it holds no values (shape 2147483647×0)\n";
    // As the text parser does: float64 values beyond float32 are refused, not made infinite.
    QTest::newRow("float64 1e300")
        << QStringList{"pool", "big.npy", "-o", "o.npy", "--kernel", "1"} << 2
        << "poolviz-cli: cannot read big.npy: value 1e+300 at flat index 2 is too large for a "
           "32-bit float (largest 3.4028235e+38)\n";
    // float32 holds whole numbers exactly only up to 2^24: 16777217 becomes 16777216 (ties to
    // even), and the pooled output says so in one warning; pooling goes on.
    QTest::newRow("int32 above 2^24")
        << QStringList{"pool", "ints.npy", "-o", "o.npy", "--kernel", "1"} << 0
        << "poolviz-cli: warning: ints.npy: int32 value 16777217 at index [1, 0] is read as "
           "16777216: 32-bit floats hold whole numbers exactly only up to 2^24 = 16777216 (2 "
           "values of 4 changed)\n";
    // A NUL byte reaches the message escaped, not raw (which cut the line short).
    QTest::newRow("NUL byte")
        << QStringList{"pool", "nul.csv", "-o", "o.csv", "--kernel", "1"} << 2
        << "poolviz-cli: cannot read nul.csv: line 1, column 1: \"a\\x00b\" is not a number\n";
    // Truncated files: a PNG's chunks are checked before libpng allocates what they declare (and
    // libpng's own stderr line is kept out); a cut JPEG pools with a warning.
    QTest::newRow("half a PNG")
        << QStringList{"pool", "half.png", "-o", "o.png", "--kernel", "2"} << 2
        << "poolviz-cli: cannot read half.png: it is damaged or cut short (its "
           "IDAT chunk at byte 54 declares 850 bytes; the file ends 402 "
           "bytes later)\n";
    QTest::newRow("a third of a JPEG")
        << QStringList{"pool", "third.jpg", "-o", "o.png", "--kernel", "2"} << 0
        << "poolviz-cli: warning: \"third.jpg\" is damaged or cut short (the decoder says: "
           "Corrupt JPEG data: premature end of data segment); what is missing reads as grey\n";
    // The pixel limit's message lost its file name but kept "cannot load": "cannot read big.png:
    // cannot load the image is …".
    QTest::newRow("PNG declaring 20000×20000")
        << QStringList{"pool", "huge.png", "-o", "o.png", "--kernel", "2"} << 2
        << "poolviz-cli: cannot read huge.png: the image is 20000×20000 = 400 megapixels, above "
           "the limit of 100 megapixels\n";
    QTest::newRow("16-bit PNG")
        << QStringList{"pool", "deep.png", "-o", "o.png", "--kernel", "2"} << 0
        << "poolviz-cli: warning: \"deep.png\" has 16 bits per channel; PoolViz reads it as 8 "
           "bits (0–255), rounding each value\n";
    // A link to /dev/zero is refused after 128 MiB instead of growing until memory runs out.
    // Bytes that are not UTF-8 reach the line as \xNN (they came through raw, so the terminal
    // showed U+FFFD); well-formed UTF-8 such as "ü" stays as it is.
    QTest::newRow("Latin-1 bytes")
        << QStringList{"pool", "latin1.csv", "-o", "o.csv", "--kernel", "1"} << 2
        << "poolviz-cli: cannot read latin1.csv: line 1, column 1: \"\\xff\\xfe1\" is not a "
           "number\n";
    QTest::newRow("UTF-8 kept")
        << QStringList{"pool", "utf8.csv", "-o", "o.csv", "--kernel", "1"} << 2
        << "poolviz-cli: cannot read utf8.csv: line 1, column 3: \"caf\u00e9\\xe9\" is not a "
           "number\n";
    // A named pipe without a writer: opening it waited forever (as the window refuses it).
    const QString pipe = ": it is a pipe or socket, not a regular file, which could keep "
                         "poolviz-cli waiting forever\n";
    QTest::newRow("pipe as input") << QStringList{"pool", "pipe.csv", "-o", "o.csv"} << 2
                                   << "poolviz-cli: cannot read pipe.csv" + pipe;
    QTest::newRow("pipe as --grad")
        << QStringList{"backward", "in.csv", "--grad", "pipe.npy", "--kernel", "1", "-o", "g.npy"}
        << 2 << "poolviz-cli: cannot read --grad pipe.npy" + pipe;
    QTest::newRow("pipe as --indices")
        << QStringList{"unpool",        "in.csv", "--indices", "pipe.npy",
                       "--output-size", "8x8",    "-o",        "u.npy"}
        << 2 << "poolviz-cli: cannot read --indices pipe.npy" + pipe;
    // Warnings printed before a refusal made the error the last of several lines; a command
    // that fails now prints its error alone.
    QTest::newRow("warnings, then --grad refused")
        << QStringList{"backward", "in.csv",    "--grad", "in.csv", "--kernel",
                       "2",        "--padding", "5",      "-o",     "g.npy"}
        << 2 << "poolviz-cli: --grad has shape 4×4 but the pooled output is 7×7\n";
    QTest::newRow("warnings, then --max-steps refused")
        << QStringList{"animate", "m23.csv",   "-o", "a.gif",       "--kernel",
                       "1",       "--padding", "2",  "--max-steps", "100"}
        << 2 << "poolviz-cli: the animation would have 729 steps, above the limit of 100\n";
    QTest::newRow("link to /dev/zero")
        << QStringList{"pool", "zero.csv", "-o", "o.csv", "--kernel", "1"} << 2
        << "poolviz-cli: cannot read zero.csv: the file is larger than 128 MiB, more than "
           "PoolViz reads as text (save large arrays as .npy)\n";
}

void TestCli::hostileInputs()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, err);
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(oneTo16).toUtf8()));
    QVERIFY(writeFile(dir.filePath("m23.csv"), csvText(Rows(23, QList<double>(23, 1.0))).toUtf8()));
    QVERIFY(writeFile(dir.filePath("planes.npy"), npyHeader("<f4", {65536, 65536, 0, 1})));
    QVERIFY(writeFile(dir.filePath("wide.npy"), npyHeader("<f4", {2147483647, 0})));
    QVERIFY(writeFile(dir.filePath("big.npy"), npyBytes("<f8", {2, 2}, {1, 2, 1e300, 4})));
    QVERIFY(writeFile(dir.filePath("ints.npy"),
                      npyBytes("<i4", {2, 2}, {16777216, -5, 16777217, 2147483647})));
    QVERIFY(writeFile(dir.filePath("nul.csv"), QByteArray("a\0b,1\n", 7)));
    QVERIFY(QFile::link("/dev/zero", dir.filePath("zero.csv")));
    for (const char *name : {"pipe.csv", "pipe.npy"})
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(name)).constData(), 0600), 0);
    QVERIFY(writeFile(dir.filePath("latin1.csv"), "\xff\xfe"
                                                  "1,2\n3,4\n"));
    QVERIFY(writeFile(dir.filePath("utf8.csv"), "1,caf\xc3\xa9\xe9\n"));
    // Images: a small JPEG cut to 20 bytes and to a third, a PNG cut in half, a 16-bit PNG.
    QImage photo(64, 48, QImage::Format_RGB32);
    for (int y = 0; y < photo.height(); ++y)
        for (int x = 0; x < photo.width(); ++x)
            photo.setPixel(x, y, qRgb(x * 4, y * 5, (x * y) % 256));
    QVERIFY(photo.save(dir.filePath("full.jpg"), "JPEG", 90));
    QFile jpeg(dir.filePath("full.jpg"));
    QVERIFY(jpeg.open(QIODevice::ReadOnly));
    const QByteArray jpegBytes = jpeg.readAll();
    QVERIFY(writeFile(dir.filePath("head20.jpg"), jpegBytes.left(20)));
    QVERIFY(writeFile(dir.filePath("third.jpg"), jpegBytes.left(jpegBytes.size() / 3)));
    QVERIFY(photo.save(dir.filePath("full.png")));
    QFile png(dir.filePath("full.png"));
    QVERIFY(png.open(QIODevice::ReadOnly));
    const QByteArray pngBytes = png.readAll();
    QVERIFY(writeFile(dir.filePath("half.png"), pngBytes.left(pngBytes.size() / 2)));
    QByteArray huge = pngBytes; // the IHDR chunk declares 20000×20000, with a valid CRC
    QCOMPARE(huge.mid(12, 4), QByteArray("IHDR"));
    test::putBigEndian(huge, 16, 20000);
    test::putBigEndian(huge, 20, 20000);
    test::putBigEndian(huge, 29, test::crc32(huge.mid(12, 17)));
    QVERIFY(writeFile(dir.filePath("huge.png"), huge));
    QImage deep(8, 6, QImage::Format_Grayscale16);
    deep.fill(Qt::gray);
    QVERIFY(deep.save(dir.filePath("deep.png")));

    const Run r = cli(tmp.path(), args);
    QCOMPARE(r.err, err);
    QCOMPARE(r.code, code);
    QCOMPARE(r.out, QString());
}

// ---------------------------------------------------------------------------------------------
// Outputs are replaced whole by a rename: onto a device, pipe or socket that would put a regular
// file in its place (run as root, /dev/full itself became a PNG). Each writer refuses instead,
// and the FIFO here (a stand-in for /dev/full that a failing test cannot harm) stays a FIFO.

void TestCli::outputOntoSpecialFile_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("err"); // the whole of stderr

    const QString notRegular = "\": it is a device, pipe or socket, not a regular file (PoolViz "
                               "replaces an output file whole)\n";
    const QString pool = "poolviz-cli: cannot write \"";
    QTest::newRow("pool .npy") << QStringList{"pool", "in.csv", "-o", "fifo.npy"}
                               << pool + "fifo.npy" + notRegular;
    QTest::newRow("pool .csv") << QStringList{"pool", "in.csv", "-o", "fifo.csv"}
                               << pool + "fifo.csv" + notRegular;
    QTest::newRow("pool .png through a link")
        << QStringList{"pool", "in.csv", "-o", "link.png"} << pool + "link.png" + notRegular;
    QTest::newRow("--indices") << QStringList{"pool",  "in.csv",    "-o",
                                              "o.npy", "--indices", "fifo.npy"}
                               << "poolviz-cli: --indices: cannot write \"fifo.npy" + notRegular;
    QTest::newRow("backward") << QStringList{"backward", "in.csv", "--grad", "in.csv",
                                             "--kernel", "1",      "-o",     "fifo.npy"}
                              << pool + "fifo.npy" + notRegular;
    QTest::newRow("unpool") << QStringList{"unpool",   "in.csv", "--mode", "avg",
                                           "--kernel", "2",      "-o",     "fifo.npy"}
                            << pool + "fifo.npy" + notRegular;
    QTest::newRow("animate .gif") << QStringList{"animate", "in.csv", "-o", "fifo.gif"}
                                  << "poolviz-cli: animate: cannot write \"fifo.gif" + notRegular;
    QTest::newRow("code .py") << QStringList{"code", "--lang", "pytorch", "in.csv", "-o", "fifo.py"}
                              << pool + "fifo.py" + notRegular;
}

void TestCli::outputOntoSpecialFile()
{
    QFETCH(QStringList, args);
    QFETCH(QString, err);
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(oneTo16).toUtf8()));
    for (const char *name : {"fifo.npy", "fifo.csv", "fifo.gif", "fifo.py", "fifo.png"})
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(name)).constData(), 0600), 0);
    QVERIFY(QFile::link(dir.filePath("fifo.png"), dir.filePath("link.png")));
    const QStringList before = listing(tmp.path());

    const Run r = cli(tmp.path(), args);
    QCOMPARE(r.err, err);
    QCOMPARE(r.code, 2);
    QCOMPARE(listing(tmp.path()), before); // no output, no temporary file left
    for (const char *name : {"fifo.npy", "fifo.csv", "fifo.gif", "fifo.py", "fifo.png"}) {
        struct stat st = {};
        QCOMPARE(::lstat(QFile::encodeName(dir.filePath(name)).constData(), &st), 0);
        QVERIFY2(S_ISFIFO(st.st_mode), name);
    }
    QVERIFY(QFileInfo(dir.filePath("link.png")).isSymLink());
}

// Through a symbolic link the file it points to is replaced and the link stays, for the
// matrix writers as for the image writer (QSaveFile).
void TestCli::outputThroughSymlink()
{
    QTemporaryDir tmp;
    const QDir dir(tmp.path());
    QVERIFY(dir.mkdir("real"));
    QVERIFY(writeFile(dir.filePath("in.csv"), csvText(oneTo16).toUtf8()));
    QVERIFY(writeFile(dir.filePath("real/y.csv"), "old\n"));
    QVERIFY(QFile::link("real/y.csv", dir.filePath("y.csv")));
    QVERIFY(QFile::link("real/y.npy", dir.filePath("y.npy"))); // dangling: created

    const Run csv = cli(tmp.path(), {"pool", "in.csv", "-o", "y.csv", "--kernel", "2"});
    QVERIFY2(csv.code == 0, qPrintable(describe(csv)));
    const Run npy = cli(tmp.path(), {"pool", "in.csv", "-o", "y.npy", "--kernel", "2"});
    QVERIFY2(npy.code == 0, qPrintable(describe(npy)));
    QVERIFY(QFileInfo(dir.filePath("y.csv")).isSymLink());
    QVERIFY(QFileInfo(dir.filePath("y.npy")).isSymLink());
    QCOMPARE(readMatrix(dir.filePath("real/y.csv")), (Rows{{6, 8}, {14, 16}}));
    const Npy y = readNpy(dir.filePath("real/y.npy"));
    QVERIFY(y.ok);
    QCOMPARE(y.values, (QList<double>{6, 8, 14, 16}));
    QCOMPARE(QDir(dir.filePath("real")).entryList(QDir::Files | QDir::Hidden),
             (QStringList{"y.csv", "y.npy"}));

    // --indices as well: the link stays and the file it names gets the indices, staged beside
    // that file under a name of its own (not a fixed one another user could plant a link at).
    QVERIFY(QFile::link("real/i.npy", dir.filePath("i.npy")));
    const Run idx =
        cli(tmp.path(), {"pool", "in.csv", "-o", "z.csv", "--kernel", "2", "--indices", "i.npy"});
    QVERIFY2(idx.code == 0, qPrintable(describe(idx)));
    QVERIFY(QFileInfo(dir.filePath("i.npy")).isSymLink());
    const Npy i = readNpy(dir.filePath("real/i.npy"));
    QVERIFY(i.ok);
    QCOMPARE(i.values, (QList<double>{5, 7, 13, 15}));
    QCOMPARE(QDir(dir.filePath("real")).entryList(QDir::Files | QDir::Hidden),
             (QStringList{"i.npy", "y.csv", "y.npy"}));
    QCOMPARE(dir.entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name),
             (QStringList{"i.npy", "in.csv", "y.csv", "y.npy", "z.csv"}));
}

void TestCli::batchWarningsFollowTheirFile()
{
    // 16777217 (2^24 + 1) has no float32: reading it warns. In a batch, a file's warnings
    // follow its own progress line; a file that fails shows only its error.
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath("a.npy"), npyBytes("<i4", {2, 2}, {1, 2, 3, 16777217})));
    QVERIFY(writeFile(dir.filePath("b.npy"), npyBytes("<i4", {1, 1}, {16777217})));
    QVERIFY(writeFile(dir.filePath("c.csv"), csvText(oneTo16).toUtf8()));
    const Run r = cli(dir.path(), {"pool", "a.npy", "b.npy", "c.csv", "-o", "out/", "--kernel", "2",
                                   "--progress"});
    QCOMPARE(r.code, 2);
    const QStringList lines = r.err.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 6);
    QCOMPARE(lines[0], QString("[1/3] a.npy → out/a_pooled.npy"));
    QVERIFY2(lines[1].startsWith("poolviz-cli: warning: a.npy") && lines[1].contains("16777217"),
             qPrintable(lines[1]));
    QCOMPARE(lines[2], QString("[2/3] b.npy → out/b_pooled.npy"));
    QCOMPARE(lines[3], QString("[3/3] c.csv → out/c_pooled.csv"));
    QCOMPARE(lines[4], QString("pooled 2 of 3 files; 1 failed:"));
    QVERIFY2(lines[5].startsWith("  b.npy: "), qPrintable(lines[5]));
    QVERIFY2(!r.err.contains("warning: b.npy"), qPrintable(r.err));
}

QTEST_MAIN(TestCli) // a QGuiApplication: animateUnpool draws the stage the window draws
#include "tst_cli.moc"

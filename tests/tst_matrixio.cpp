// Tests for core/matrixio: pasted text, CSV, .npy and seeded random matrices.
// Expected values are written out by hand (or, for the files in data/matrixio, made by NumPy
// 1.24 with data/matrixio/generate.py).

#include "matrixio.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include <sys/stat.h>

using namespace poolviz;
using poolviz::test::intBytes;

Q_DECLARE_METATYPE(poolviz::NpyType)

namespace {

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

#define BYTES(s) QByteArray(s, sizeof(s) - 1)

/// The tensor's dimensions as its rank shows them: (H, W), (C, H, W) or (N, C, H, W).
QList<int> dimsOf(const Tensor &t)
{
    QList<int> dims;
    for (int i = 4 - t.rank(); i < 4; ++i)
        dims << t.shape()[std::size_t(i)];
    return dims;
}

template <class T> QString listString(const QList<T> &list)
{
    QStringList parts;
    for (const T &v : list)
        parts << QString::number(double(v));
    return "(" + parts.join(", ") + ")";
}

bool sameValue(float a, float b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

/// Empty when `t` has exactly `dims` and `values` (NaN equals NaN), else what differs.
QString mismatch(const Tensor &t, const QList<int> &dims, const QList<float> &values)
{
    if (dimsOf(t) != dims)
        return QString("shape %1, expected %2").arg(listString(dimsOf(t)), listString(dims));
    if (t.size() != std::size_t(values.size()))
        return QString("%1 values, expected %2").arg(t.size()).arg(values.size());
    for (qsizetype i = 0; i < values.size(); ++i)
        if (!sameValue(t.data()[std::size_t(i)], values[i]))
            return QString("value %1 is %2, expected %3")
                .arg(i)
                .arg(double(t.data()[std::size_t(i)]), 0, 'g', 9)
                .arg(double(values[i]), 0, 'g', 9);
    return {};
}

#define VERIFY_TENSOR(t, dims, values)                                                             \
    do {                                                                                           \
        const QString why = mismatch((t), (dims), (values));                                       \
        QVERIFY2(why.isEmpty(), qPrintable(why));                                                  \
    } while (false)

Tensor makeTensor(const QList<int> &dims, const QList<float> &values)
{
    std::array<int, 4> s{1, 1, 1, 1};
    for (qsizetype i = 0; i < dims.size(); ++i)
        s[std::size_t(4 - dims.size() + i)] = dims[i];
    Tensor t(s[0], s[1], s[2], s[3], 0.0f, int(dims.size()));
    std::copy(values.begin(), values.end(), t.data().begin());
    return t;
}

QList<float> range(int n, float start = 0.0f, float step = 1.0f)
{
    QList<float> v;
    for (int i = 0; i < n; ++i)
        v << start + step * float(i);
    return v;
}

/// A .npy file built by hand: magic, version, little-endian header length, the dict padded with
/// spaces and '\n' to a multiple of 16 bytes (as NumPy before 1.? did; readers accept any).
QByteArray npyFile(int major, const QByteArray &dict, const QByteArray &data)
{
    const int prefix = major == 1 ? 10 : 12;
    QByteArray header = dict;
    while ((prefix + header.size() + 1) % 16 != 0)
        header += ' ';
    header += '\n';
    QByteArray out = BYTES("\x93NUMPY");
    out += char(major);
    out += char(0);
    const auto length = quint32(header.size());
    out += char(length & 0xFF);
    out += char((length >> 8) & 0xFF);
    if (major != 1) {
        out += char((length >> 16) & 0xFF);
        out += char((length >> 24) & 0xFF);
    }
    return out + header + data;
}

QByteArray dict(const char *descr, const char *shape, const char *fortran = "False")
{
    return QByteArray("{'descr': '") + descr + "', 'fortran_order': " + fortran +
           ", 'shape': " + shape + ", }";
}

// Little-endian element bytes, written out by hand.
const QByteArray kF4 = BYTES("\x00\x00\xc0\x3f") + BYTES("\x00\x00\x00\xc0") +
                       BYTES("\x00\x00\x80\x3e") + BYTES("\x00\x00\xc8\x42"); // 1.5 -2 0.25 100
const QByteArray kF8 = BYTES("\x00\x00\x00\x00\x00\x00\xf8\x3f") +
                       BYTES("\x00\x00\x00\x00\x00\x00\x00\xc0") +
                       BYTES("\x00\x00\x00\x00\x00\x00\xd0\x3f") +
                       BYTES("\x00\x00\x00\x00\x00\x00\x59\x40"); // 1.5 -2 0.25 100
const QByteArray kU1 = BYTES("\x00\x07\x80\xff");                 // 0 7 128 255
const QByteArray kI4 = BYTES("\xff\xff\xff\xff") + BYTES("\x02\x00\x00\x00") +
                       BYTES("\x00\x00\x01\x00") + BYTES("\x00\x00\xff\xff"); // -1 2 65536 -65536
const QByteArray kI8 =
    BYTES("\x01\x00\x00\x00\x00\x00\x00\x00") + BYTES("\xfe\xff\xff\xff\xff\xff\xff\xff") +
    BYTES("\x03\x00\x00\x00\x00\x00\x00\x00") + BYTES("\xfc\xff\xff\xff\xff\xff\xff\xff") +
    BYTES("\x05\x00\x00\x00\x00\x00\x00\x00") +
    BYTES("\x00\x00\x00\x00\x01\x00\x00\x00"); // 1 -2 3 -4 5 2^32

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System |
                               QDir::NoDotAndDotDot);
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

QString dataFile(const char *name)
{
    return QFINDTESTDATA(QString("data/matrixio/") + name);
}

} // namespace

class TestMatrixIo : public QObject
{
    Q_OBJECT

private slots:
    void ioErrorToString_data();
    void ioErrorToString();

    void parseMatrixText_data();
    void parseMatrixText();
    void parseSpecialValues_data();
    void parseSpecialValues();
    void parseErrors_data();
    void parseErrors();
    void parseNeverThrows();
    void parseLargePaste();

    void formatMatrixText_data();
    void formatMatrixText();
    void formatRoundTrip_data();
    void formatRoundTrip();
    void formatUsesFirstPlane();

    void csvRoundTrip();
    void readCsvVariants_data();
    void readCsvVariants();
    void readCsvErrors();
    void writeCsvIntoMissingFolder();
    void writeFileAtomically();

    void npyHeaderLayout();
    void npyBytesMatchNumPy_data();
    void npyBytesMatchNumPy();
    void npyWriteReadRoundTrip_data();
    void npyWriteReadRoundTrip();
    void parseNpyHandBuilt_data();
    void parseNpyHandBuilt();
    void readNpyFromNumPy_data();
    void readNpyFromNumPy();
    void npyErrors_data();
    void npyErrors();
    void npyFileErrorsNamePath_data();
    void npyFileErrorsNamePath();
    void npyIndices_data();
    void npyIndices();
    void npyIndicesTypes();
    void npyIntegerPrecision_data();
    void npyIntegerPrecision();

    void readMatrixFile_data();
    void readMatrixFile();

    void randomIntegers_data();
    void randomIntegers();
    void randomIntegersPinned();
    void randomIntegersSwapsBounds();
};

// ---- IoError -------------------------------------------------------------------------------

void TestMatrixIo::ioErrorToString_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no position") << 0 << 0 << ""
                                 << "no numbers found";
    QTest::newRow("line only") << 3 << 0 << ""
                               << "line 3: no numbers found";
    QTest::newRow("line and column") << 2 << 5 << ""
                                     << "line 2, column 5: no numbers found";
    // A file's name goes before a message without a line, after one with a line.
    QTest::newRow("file") << 0 << 0 << "m.csv"
                          << "\"m.csv\": no numbers found";
    QTest::newRow("file, line and column") << 2 << 5 << "m.csv"
                                           << "line 2, column 5: no numbers found (in \"m.csv\")";
}

void TestMatrixIo::ioErrorToString()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const IoError e{{MessageId::TextNoNumbers, {}}, line, column, file.toStdString()};
    QCOMPARE(QString::fromStdString(e.toString()), expected);
}

// ---- parseMatrixText -----------------------------------------------------------------------

void TestMatrixIo::parseMatrixText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QList<float>>("values");

    const QList<float> oneToFour{1, 2, 3, 4};
    const QList<float> seed000{10, 12, 8, 7, 4, 11, 5, 9, 18, 13, 7, 7, 3, 15, 2, 2};
    const QList<float> seed001{8, 3,  7, 15, 16, 10, 2, 2, 2, 14, 2,  17, 16, 15, 4, 11, 16, 9,
                               2, 12, 4, 1,  13, 19, 4, 4, 3, 7,  17, 15, 1,  14, 7, 16, 2,  9};
    const QList<float> seed002{6, 9, 9, 2, 6, 9, 6, 0, 8, 3, 4, 5, 9, 2, 3, 5};

    QTest::newRow("MATLAB rows") << QByteArray("1 2; 3 4") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("MATLAB brackets") << QByteArray("[1 2; 3 4]") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("MATLAB column")
        << QByteArray("[1; 2; 3]") << QList<int>{3, 1} << QList<float>{1, 2, 3};
    QTest::newRow("MATLAB trailing semicolons")
        << QByteArray("1 2;\n3 4;\n") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("MATLAB assignment")
        << QByteArray("A = [1, 2; 3, 4];") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("commas") << QByteArray("1,2,3\n4,5,6") << QList<int>{2, 3} << range(6, 1);
    QTest::newRow("semicolon CSV")
        << QByteArray("1;2;3\n4;5;6\n") << QList<int>{2, 3} << range(6, 1);
    QTest::newRow("mixed separators")
        << QByteArray("1, 2\t3  4\n5,6,7,8") << QList<int>{2, 4} << range(8, 1);
    QTest::newRow("seed 000 NumPy source")
        << QByteArray("conv_output = np.array([\n[10, 12, 8, 7],\n[ 4, 11, 5, 9],\n"
                      "[18, 13, 7, 7],\n[ 3, 15, 2, 2]\n])")
        << QList<int>{4, 4} << seed000;
    QTest::newRow("seed 000 repr") << QByteArray("array([[10, 12,  8,  7],\n"
                                                 "       [ 4, 11,  5,  9],\n"
                                                 "       [18, 13,  7,  7],\n"
                                                 "       [ 3, 15,  2,  2]])")
                                   << QList<int>{4, 4} << seed000;
    QTest::newRow("float32 repr") << QByteArray("array([[1., 2.],\n       [3., 4.]], "
                                                "dtype=float32)")
                                  << QList<int>{2, 2} << oneToFour;
    QTest::newRow("np.matrix repr")
        << QByteArray("matrix([[1, 2],\n        [3, 4]])") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("seed 002 tensor")
        << QByteArray("tensor([[6., 9., 9., 2.],\n[6., 9., 6., 0.],\n[8., 3., 4., 5.],\n"
                      "[9., 2., 3., 5.]])")
        << QList<int>{4, 4} << seed002;
    QTest::newRow("seed 002 4-D tensor")
        << QByteArray("tensor([[[[ 1., 2., 3., 4.],\n[ 5., 6., 7., 8.],\n"
                      "[ 9., 10., 11., 12.],\n[13., 14., 15., 16.]]]])")
        << QList<int>{1, 1, 4, 4} << range(16, 1);
    QTest::newRow("tensor with keywords")
        << QByteArray("tensor([[0.5000, 1.2500]], device='cuda:0', "
                      "grad_fn=<MaxPool2DWithIndicesBackward0>)")
        << QList<int>{1, 2} << QList<float>{0.5f, 1.25f};
    QTest::newRow("nested lists") << QByteArray("[[1,2],[3,4]]") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("trailing commas")
        << QByteArray("[[1, 2,], [3, 4,],]") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("seed 001 NumPy print") << QByteArray("[[ 8  3  7 15 16 10]\n"
                                                        " [ 2  2  2 14  2 17]\n"
                                                        " [16 15  4 11 16  9]\n"
                                                        " [ 2 12  4  1 13 19]\n"
                                                        " [ 4  4  3  7 17 15]\n"
                                                        " [ 1 14  7 16  2  9]]")
                                          << QList<int>{6, 6} << seed001;
    QTest::newRow("seed 001 print on one line")
        << QByteArray("[[ 8 3 7 15 16 10] [ 2 2 2 14 2 17] [16 15 4 11 16 9] [ 2 12 4 1 13 19] "
                      "[ 4 4 3 7 17 15] [ 1 14 7 16 2 9]]")
        << QList<int>{6, 6} << seed001;
    QTest::newRow("NumPy float print")
        << QByteArray("[[1.  2.5]\n [3.  4. ]]") << QList<int>{2, 2} << QList<float>{1, 2.5f, 3, 4};
    QTest::newRow("3-D repr") << QByteArray("array([[[ 0,  1,  2,  3],\n"
                                            "        [ 4,  5,  6,  7],\n"
                                            "        [ 8,  9, 10, 11]],\n"
                                            "\n"
                                            "       [[12, 13, 14, 15],\n"
                                            "        [16, 17, 18, 19],\n"
                                            "        [20, 21, 22, 23]]])")
                              << QList<int>{2, 3, 4} << range(24);
    QTest::newRow("3-D print") << QByteArray("[[[ 0.   0.5  1.   1.5]\n"
                                             "  [ 2.   2.5  3.   3.5]\n"
                                             "  [ 4.   4.5  5.   5.5]]\n"
                                             "\n"
                                             " [[ 6.   6.5  7.   7.5]\n"
                                             "  [ 8.   8.5  9.   9.5]\n"
                                             "  [10.  10.5 11.  11.5]]]")
                               << QList<int>{2, 3, 4} << range(24, 0, 0.5f);
    QTest::newRow("rows of tuples")
        << QByteArray("[(1, 2), (3, 4)]") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("rows in separate brackets")
        << QByteArray("[1, 2]\n[3, 4]") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("1-D array") << QByteArray("array([1, 2, 3])") << QList<int>{1, 3}
                               << QList<float>{1, 2, 3};
    QTest::newRow("spreadsheet") << QByteArray("1\t2\t3\r\n4\t5\t6\r\n") << QList<int>{2, 3}
                                 << range(6, 1);
    QTest::newRow("spreadsheet trailing tab and empty line")
        << QByteArray("1\t2\t\r\n3\t4\t\r\n\r\n") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("quoted cells") << QByteArray("\"1\",\"2.5\"\r\n\" -3 \",\"4e2\"\r\n")
                                  << QList<int>{2, 2} << QList<float>{1, 2.5f, -3, 400};
    QTest::newRow("blank lines around")
        << QByteArray("\n   \n1 2\n3 4\n\n\n") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("decimals and exponents")
        << QByteArray("0.5 -1.25e-3 +7 .5 3. 1E+2 -0") << QList<int>{1, 7}
        << QList<float>{0.5f, -1.25e-3f, 7, 0.5f, 3, 100, 0};
    QTest::newRow("underflow to zero")
        << QByteArray("1e-50 -1e-400") << QList<int>{1, 2} << QList<float>{0, 0};
    QTest::newRow("unicode minus") << QByteArray("\u22121 \u22122.5\n3 \u22120.25")
                                   << QList<int>{2, 2} << QList<float>{-1, -2.5f, 3, -0.25f};
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF"
                                             "1,2\n3,4")
                               << QList<int>{2, 2} << oneToFour;
    QTest::newRow("no-break spaces")
        << QByteArray("1\u00a02\n3\u00a0\u00a04") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("comment lines")
        << QByteArray("# x y\n1 2\n% MATLAB\n3 4") << QList<int>{2, 2} << oneToFour;
    QTest::newRow("booleans") << QByteArray("array([[ True, False],\n       [False,  True]])")
                              << QList<int>{2, 2} << QList<float>{1, 0, 0, 1};
    QTest::newRow("nan and inf in repr")
        << QByteArray("array([[    nan,     inf],\n       [   -inf, 1.5e-08]])") << QList<int>{2, 2}
        << QList<float>{kNan, kInf, -kInf, 1.5e-8f};
    QTest::newRow("single value") << QByteArray("42\n") << QList<int>{1, 1} << QList<float>{42};
    QTest::newRow("CR line ends") << QByteArray("1 2\r3 4") << QList<int>{2, 2} << oneToFour;
}

void TestMatrixIo::parseMatrixText()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<int>, dims);
    QFETCH(QList<float>, values);
    const IoResult<Tensor> r = poolviz::parseMatrixText(text.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->rank(), int(dims.size()));
    VERIFY_TENSOR(*r.value, dims, values);
}

void TestMatrixIo::parseSpecialValues_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<float>("expected");
    QTest::newRow("nan") << QByteArray("nan") << kNan;
    QTest::newRow("NaN") << QByteArray("NaN") << kNan;
    QTest::newRow("NAN") << QByteArray("NAN") << kNan;
    QTest::newRow("-nan") << QByteArray("-nan") << kNan;
    QTest::newRow("inf") << QByteArray("inf") << kInf;
    QTest::newRow("+inf") << QByteArray("+inf") << kInf;
    QTest::newRow("-inf") << QByteArray("-inf") << -kInf;
    QTest::newRow("Inf") << QByteArray("Inf") << kInf;
    QTest::newRow("Infinity") << QByteArray("Infinity") << kInf;
    QTest::newRow("-Infinity") << QByteArray("-Infinity") << -kInf;
    QTest::newRow("infinity sign") << QByteArray("\u221e") << kInf;
    QTest::newRow("+infinity sign") << QByteArray("+\u221e") << kInf;
    QTest::newRow("minus-sign infinity") << QByteArray("\u2212\u221e") << -kInf;
    QTest::newRow("minus-sign inf") << QByteArray("\u2212inf") << -kInf;
    QTest::newRow("largest float") << QByteArray("3.4028235e38") << 3.4028235e38f;
    QTest::newRow("smallest subnormal") << QByteArray("1e-45") << 1e-45f;
}

void TestMatrixIo::parseSpecialValues()
{
    QFETCH(QByteArray, token);
    QFETCH(float, expected);
    // Alone, in a matrix, and quoted in a cell.
    for (const QByteArray &text :
         {token, "1 " + token + "\n2 3", "[[1, " + token + "], [2, 3]]", "\"" + token + "\",1"}) {
        const IoResult<Tensor> r = poolviz::parseMatrixText(text.toStdString());
        QVERIFY2(r.ok(), (text.toStdString() + ": " + r.error.toString()).c_str());
        const float v = text == token          ? r.value->at(0, 0)
                        : text.startsWith('"') ? r.value->at(0, 0)
                                               : r.value->at(0, 1);
        const QString what = QString("%1 read as %2").arg(text).arg(double(v));
        if (std::isnan(expected))
            QVERIFY2(std::isnan(v), qPrintable(what));
        else
            QVERIFY2(v == expected && std::signbit(v) == std::signbit(expected), qPrintable(what));
    }
}

void TestMatrixIo::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("bad token") << QByteArray("1 2 3\n4 5 abc") << 2 << 5
                               << "\"abc\" is not a number";
    QTest::newRow("bad token in repr")
        << QByteArray("[[1, 2], [3, x4]]") << 1 << 14 << "\"x4\" is not a number";
    QTest::newRow("bad token after CRLF")
        << QByteArray("1\t2\r\n3\tfoo\r\n") << 2 << 3 << "\"foo\" is not a number";
    QTest::newRow("column counts characters")
        << QByteArray("\u22121 \u22122 x") << 1 << 7 << "\"x\" is not a number";
    QTest::newRow("ragged: fewer values")
        << QByteArray("1 2 3\n4 5 6\n7 8") << 3 << 0 << "row 3 has 2 values, but row 1 has 3";
    QTest::newRow("ragged: more values")
        << QByteArray("1 2\n3 4 5") << 2 << 5 << "row 2 has 3 values, but row 1 has 2";
    QTest::newRow("ragged NumPy") << QByteArray("[[1, 2, 3],\n [4, 5]]") << 2 << 0
                                  << "row 2 has 2 values, but row 1 has 3";
    QTest::newRow("ragged MATLAB")
        << QByteArray("1 2 3; 4 5") << 1 << 0 << "row 2 has 2 values, but row 1 has 3";
    QTest::newRow("ragged 3-D") << QByteArray("[[[1, 2], [3, 4]],\n [[5, 6]]]") << 2 << 0
                                << "matrix has 1 row, but matrix 1 has 2";
    QTest::newRow("empty") << QByteArray("") << 0 << 0 << "no numbers found";
    QTest::newRow("blank") << QByteArray(" \n\t\n") << 0 << 0 << "no numbers found";
    QTest::newRow("empty brackets") << QByteArray("[]") << 0 << 0 << "no numbers found";
    QTest::newRow("empty nested brackets")
        << QByteArray("[[], []]") << 0 << 0 << "no numbers found";
    QTest::newRow("unclosed bracket") << QByteArray("[[1, 2],\n [3, 4]") << 1 << 1
                                      << "unbalanced brackets: \"[\" is never closed";
    QTest::newRow("extra closing bracket")
        << QByteArray("[[1, 2]]]") << 1 << 9 << "unbalanced brackets: \"]\" has no matching \"[\"";
    QTest::newRow("mismatched bracket")
        << QByteArray("[(1, 2], [3, 4]]") << 1 << 7
        << "unbalanced brackets: \"]\" does not match \"(\" at line 1, column 2";
    QTest::newRow("unclosed parenthesis")
        << QByteArray("array([[1, 2]]") << 1 << 6 << "unbalanced brackets: \"(\" is never closed";
    QTest::newRow("too deep") << QByteArray("[[[[[1]]]]]") << 1 << 5
                              << "nested too deeply: PoolViz reads arrays of 2 to 4 dimensions";
    QTest::newRow("number beside list")
        << QByteArray("[[1, 2], 3]") << 1 << 10
        << "\"3\": numbers and nested lists are mixed at the same level";
    QTest::newRow("empty cell") << QByteArray("1,,2") << 1 << 3
                                << "empty cell: two separators with no value between them";
    QTest::newRow("empty first cell")
        << QByteArray("1\t2\n\t3\t4") << 2 << 1 << "empty cell before the first value";
    QTest::newRow("double comma in list")
        << QByteArray("[[1,, 2]]") << 1 << 5 << "empty value: \",\" with no value before it";
    QTest::newRow("shortened print")
        << QByteArray("[[0 1 ... 8 9]]") << 1 << 7
        << "\"...\" marks a shortened NumPy print; print the whole array with "
           "np.set_printoptions(threshold=sys.maxsize)";
    QTest::newRow("too large") << QByteArray("1 1e39") << 1 << 3
                               << "\"1e39\" is too large for a 32-bit float (largest "
                                  "3.4028235e+38)";
    QTest::newRow("text after list")
        << QByteArray("[[1, 2]] x") << 1 << 10 << "unexpected \"x\" after the closing \"]\"";
    QTest::newRow("positional argument") << QByteArray("array([[1, 2]], float)") << 1 << 17
                                         << "unexpected \"float)\" after the closing \"]\"";
    QTest::newRow("text before list")
        << QByteArray("print [[1]]") << 1 << 1 << "unexpected \"print\" before the opening \"[\"";
    QTest::newRow("quoted bad cell")
        << QByteArray("\"1\",\"x\"") << 1 << 5 << "\"x\" is not a number";
    QTest::newRow("unterminated quote") << QByteArray("1,\"2") << 1 << 3 << "unterminated quote";
    QTest::newRow("semicolon inside nested")
        << QByteArray("[[1, 2]; [3, 4]]") << 1 << 8
        << "unexpected \";\" inside nested brackets; write rows as [[1, 2], [3, 4]]";
    QTest::newRow("double sign") << QByteArray("--1") << 1 << 1 << "\"--1\" is not a number";
    QTest::newRow("hexadecimal") << QByteArray("0x10") << 1 << 1 << "\"0x10\" is not a number";
}

void TestMatrixIo::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const IoResult<Tensor> r = poolviz::parseMatrixText(text.toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error.message), message);
    QCOMPARE(r.error.line, line);
    QCOMPARE(r.error.column, column);
}

void TestMatrixIo::parseNeverThrows()
{
    // Every prefix of a text that mixes all syntaxes, and random bytes: each gives a value or
    // an error with a message, never an exception.
    const std::string mixed = "A = array([[1., -2.5e3, nan],\r\n [\"4\", \u2212\u221e, (6)]], "
                              "dtype=float32); 1,,2\t\"3 ... [[[";
    for (std::size_t n = 0; n <= mixed.size(); ++n) {
        const IoResult<Tensor> r = poolviz::parseMatrixText(mixed.substr(0, n));
        QVERIFY(r.ok() || !r.error.message.text().empty());
    }
    std::mt19937 gen(7);
    const std::string alphabet = "0123456789.,;-+eE[]() \t\r\n\"'naif\xe2\x88\x92\x9e\xc2\xa0";
    for (int i = 0; i < 2000; ++i) {
        std::string s(gen() % 24, ' ');
        for (char &c : s)
            c = alphabet[gen() % alphabet.size()];
        const IoResult<Tensor> r = poolviz::parseMatrixText(s);
        QVERIFY(r.ok() || !r.error.message.text().empty());
        if (r.ok())
            QCOMPARE(r.value->size(), r.value->data().size());
    }
}

void TestMatrixIo::parseLargePaste()
{
    // A 2000 × 2000 paste, once as plain rows and once as a NumPy repr, parses to the right
    // values. (Speed belongs in a benchmark, not in a timed pass/fail test.)
    const int n = 2000;
    std::string plain, repr = "array([";
    plain.reserve(std::size_t(n) * n * 5);
    repr.reserve(std::size_t(n) * n * 6);
    for (int r = 0; r < n; ++r) {
        repr += r ? ",\n       [" : "[";
        for (int c = 0; c < n; ++c) {
            const std::string v = std::to_string((r * 7 + c * 13) % 1000);
            plain += (c ? " " : "") + v;
            repr += (c ? ", " : "") + v;
        }
        plain += '\n';
        repr += ']';
    }
    repr += "])";
    for (const std::string *text : {&plain, &repr}) {
        const IoResult<Tensor> r = poolviz::parseMatrixText(*text);
        QVERIFY2(r.ok(), r.error.toString().c_str());
        QCOMPARE(dimsOf(*r.value), (QList<int>{n, n}));
        QCOMPARE(r.value->at(0, 1), 13.0f);
        QCOMPARE(r.value->at(1999, 1999), float((1999 * 7 + 1999 * 13) % 1000));
        QCOMPARE(r.value->at(1234, 567), float((1234 * 7 + 567 * 13) % 1000));
    }
}

// ---- formatMatrixText ----------------------------------------------------------------------

void TestMatrixIo::formatMatrixText_data()
{
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QList<float>>("values");
    QTest::addColumn<char>("separator");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("integers") << QList<int>{2, 2} << QList<float>{1, 2, 3, 4} << ' '
                              << QByteArray("1 2\n3 4\n");
    QTest::newRow("decimals, commas") << QList<int>{1, 3} << QList<float>{0.1f, -2.5f, 1e-7f} << ','
                                      << QByteArray("0.1,-2.5,1e-07\n");
    QTest::newRow("specials, tabs") << QList<int>{1, 4} << QList<float>{kNan, kInf, -kInf, -0.0f}
                                    << '\t' << QByteArray("nan\tinf\t-inf\t-0\n");
    QTest::newRow("large, semicolons") << QList<int>{2, 1} << QList<float>{16777216, 1e8f} << ';'
                                       << QByteArray("16777216\n1e+08\n");
    QTest::newRow("shortest digits") << QList<int>{1, 2} << QList<float>{1.0f / 3.0f, 3.4028235e38f}
                                     << ' ' << QByteArray("0.33333334 3.4028235e+38\n");
    QTest::newRow("empty") << QList<int>{0, 0} << QList<float>{} << ' ' << QByteArray("");
}

void TestMatrixIo::formatMatrixText()
{
    QFETCH(QList<int>, dims);
    QFETCH(QList<float>, values);
    QFETCH(char, separator);
    QFETCH(QByteArray, expected);
    const std::string text = poolviz::formatMatrixText(makeTensor(dims, values), separator);
    QCOMPARE(QByteArray::fromStdString(text), expected);
}

void TestMatrixIo::formatRoundTrip_data()
{
    QTest::addColumn<char>("separator");
    QTest::newRow("space") << ' ';
    QTest::newRow("comma") << ',';
    QTest::newRow("tab") << '\t';
    QTest::newRow("semicolon") << ';';
}

void TestMatrixIo::formatRoundTrip()
{
    QFETCH(char, separator);
    using L = std::numeric_limits<float>;
    const QList<float> values{0.1f,         1.0f / 3.0f, L::max(), L::min(), L::denorm_min(),
                              -0.0f,        kNan,        kInf,     -kInf,    3.14159274f,
                              123456789.0f, -1e-30f,     0.5f,     1e10f,    7};
    const Tensor t = makeTensor({3, 5}, values);
    const IoResult<Tensor> r = poolviz::parseMatrixText(poolviz::formatMatrixText(t, separator));
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(dimsOf(*r.value), (QList<int>{3, 5}));
    for (std::size_t i = 0; i < t.size(); ++i) {
        const float a = t.data()[i], b = r.value->data()[i];
        QVERIFY2(std::isnan(a) ? std::isnan(b) : std::memcmp(&a, &b, sizeof a) == 0,
                 qPrintable(QString("value %1: %2 came back as %3").arg(i).arg(a).arg(b)));
    }
}

void TestMatrixIo::formatUsesFirstPlane()
{
    const Tensor t = makeTensor({2, 1, 2}, {1, 2, 3, 4});
    QCOMPARE(QByteArray::fromStdString(poolviz::formatMatrixText(t)), QByteArray("1 2\n"));
}

// ---- CSV -----------------------------------------------------------------------------------

void TestMatrixIo::csvRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("m.csv");
    const Tensor t = makeTensor({2, 3}, {1, 2.5f, -3, kNan, 0.1f, -kInf});
    QCOMPARE(QString::fromStdString(writeCsv(path.toStdString(), t)), QString());
    QCOMPARE(readAll(path), QByteArray("1,2.5,-3\nnan,0.1,-inf\n"));
    QCOMPARE(entries(dir.path()), QStringList{"m.csv"});
    const IoResult<Tensor> r = readCsv(path.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->rank(), 2);
    VERIFY_TENSOR(*r.value, (QList<int>{2, 3}), (QList<float>{1, 2.5f, -3, kNan, 0.1f, -kInf}));
}

void TestMatrixIo::readCsvVariants_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QList<float>>("values");
    QTest::newRow("semicolons") << QByteArray("1;2;3\n4;5;6\n") << QList<int>{2, 3} << range(6, 1);
    QTest::newRow("tabs and CRLF")
        << QByteArray("1\t2\r\n3\t4\r\n") << QList<int>{2, 2} << range(4, 1);
    QTest::newRow("spaces") << QByteArray("  1   2\n  3   4\n") << QList<int>{2, 2} << range(4, 1);
    QTest::newRow("savetxt with header")
        << QByteArray("# a b\n1.000000000000000000e+00 2.500000000000000000e+00\n")
        << QList<int>{1, 2} << QList<float>{1, 2.5f};
    QTest::newRow("Excel UTF-8 CSV") << QByteArray("\xEF\xBB\xBF"
                                                   "1,2\r\n3,4\r\n")
                                     << QList<int>{2, 2} << range(4, 1);
}

void TestMatrixIo::readCsvVariants()
{
    QFETCH(QByteArray, content);
    QFETCH(QList<int>, dims);
    QFETCH(QList<float>, values);
    QTemporaryDir dir;
    const QString path = dir.filePath("in.csv");
    QVERIFY(writeAll(path, content));
    const IoResult<Tensor> r = readCsv(path.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    VERIFY_TENSOR(*r.value, dims, values);
}

void TestMatrixIo::readCsvErrors()
{
    QTemporaryDir dir;
    const std::string missing = dir.filePath("missing.csv").toStdString();
    IoResult<Tensor> r = readCsv(missing);
    QVERIFY(!r.ok());
    QCOMPARE(qs(r.error.toString()),
             qs("cannot read \"" + missing + "\": No such file or directory"));

    const std::string bad = dir.filePath("bad.csv").toStdString();
    QVERIFY(writeAll(QString::fromStdString(bad), "1,2\n3,x\n"));
    r = readCsv(bad);
    QVERIFY(!r.ok());
    QCOMPARE(qs(r.error.toString()),
             qs("line 2, column 3: \"x\" is not a number (in \"" + bad + "\")"));

    const std::string cube = dir.filePath("cube.csv").toStdString();
    QVERIFY(writeAll(QString::fromStdString(cube), "[[[1, 2]], [[3, 4]]]"));
    r = readCsv(cube);
    QVERIFY(!r.ok());
    QCOMPARE(qs(r.error.toString()),
             qs("\"" + cube + "\" holds a 2\u00d71\u00d72 array; a CSV file holds one 2-D matrix"));

    r = readCsv(dir.path().toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(qs(r.error.toString()),
             qs("cannot read \"" + dir.path().toStdString() + "\": Is a directory"));
}

void TestMatrixIo::writeCsvIntoMissingFolder()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("no/such/folder/m.csv").toStdString();
    const std::string error = writeCsv(path, makeTensor({1, 2}, {1, 2}));
    QCOMPARE(qs(error), qs("cannot write \"" + path + "\": No such file or directory"));
    QVERIFY(!QFile::exists(QString::fromStdString(path)));
    QCOMPARE(entries(dir.path()), QStringList());
}

void TestMatrixIo::writeFileAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("out.bin");
    QVERIFY(writeAll(path, "old contents that are longer"));
    QCOMPARE(QString::fromStdString(poolviz::writeFileAtomically(path.toStdString(), "new")),
             QString());
    QCOMPARE(readAll(path), QByteArray("new"));
    QCOMPARE(entries(dir.path()), QStringList{"out.bin"});

    // Replacing a folder fails and leaves neither the folder's contents nor a temporary file.
    QVERIFY(QDir(dir.path()).mkdir("folder"));
    const std::string folder = dir.filePath("folder").toStdString();
    const std::string error = poolviz::writeFileAtomically(folder, "x");
    QCOMPARE(qs(error), qs("cannot write \"" + folder + "\": Is a directory"));
    QCOMPARE(entries(dir.path()), (QStringList{"folder", "out.bin"}));
    QCOMPARE(entries(dir.filePath("folder")), QStringList());

    QCOMPARE(qs(poolviz::writeFileAtomically("", "x")),
             QString("cannot write a file with an empty name"));

    // A named pipe (as /dev/full, a device) is refused: a rename would put a file in its place.
    const QString pipe = dir.filePath("pipe.npy");
    QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
    QCOMPARE(qs(poolviz::writeFileAtomically(pipe.toStdString(), "x")),
             "cannot write \"" + pipe +
                 "\": it is a device, pipe or socket, not a regular file (PoolViz replaces an "
                 "output file whole)");
    QVERIFY(QFileInfo(pipe).isFile() == false && QFileInfo(pipe).exists());
    QCOMPARE(entries(dir.path()), (QStringList{"folder", "out.bin", "pipe.npy"}));

    // Through a symbolic link the file it points to is replaced; the link stays a link.
    QVERIFY(QFile::link("out.bin", dir.filePath("link.bin")));
    QCOMPARE(qs(poolviz::writeFileAtomically(dir.filePath("link.bin").toStdString(), "linked")),
             QString());
    QVERIFY(QFileInfo(dir.filePath("link.bin")).isSymLink());
    QCOMPARE(readAll(path), QByteArray("linked"));
}

// ---- .npy ----------------------------------------------------------------------------------

void TestMatrixIo::npyHeaderLayout()
{
    // NumPy's format 1.0 header for shape (2, 3): the dict, 20 spaces so the first axis can grow
    // to 21 digits, padding to 128 bytes in all, '\n'; then the values as little-endian float32.
    const QByteArray dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    QCOMPARE(dict.size(), 59);
    const QByteArray header =
        BYTES("\x93NUMPY\x01\x00\x76\x00") + dict + QByteArray(58, ' ') + '\n';
    QCOMPARE(header.size(), 128);
    const QByteArray data = kF4 + BYTES("\x00\x00\x00\x00") + BYTES("\x00\x00\x80\x7f");
    const Tensor t = makeTensor({2, 3}, {1.5f, -2, 0.25f, 100, 0, kInf});
    QCOMPARE(QByteArray::fromStdString(npyBytes(t)), header + data);

    // float64 and a (3, 2, 4, 5) shape: a 65-byte dict, 21 - 1 spaces, then
    // 64 - (10 + 65 + 20 + 1) % 64 = 32 spaces of padding and '\n'.
    const Tensor t4(3, 2, 4, 5, 0.5f, 4);
    const QByteArray bytes = QByteArray::fromStdString(npyBytes(t4, NpyType::Float64));
    const QByteArray dict4 = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2, 4, 5), }";
    QCOMPARE(bytes.left(128), BYTES("\x93NUMPY\x01\x00\x76\x00") + dict4 +
                                  QByteArray(128 - 10 - dict4.size() - 1, ' ') + '\n');
    QCOMPARE(bytes.size(), 128 + 120 * 8);
    QCOMPARE(bytes.mid(128, 8), BYTES("\x00\x00\x00\x00\x00\x00\xe0\x3f"));
}

void TestMatrixIo::npyBytesMatchNumPy_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QList<float>>("values");
    QTest::addColumn<NpyType>("type");
    QTest::newRow("float32 2x3") << dataFile("f4_2x3.npy") << QList<int>{2, 3}
                                 << QList<float>{1.5f, -2, 0.25f, 100, kNan, -kInf}
                                 << NpyType::Float32;
    QTest::newRow("float64 2x2x3") << dataFile("f8_2x2x3.npy") << QList<int>{2, 2, 3}
                                   << range(12, -1, 0.25f) << NpyType::Float64;
}

void TestMatrixIo::npyBytesMatchNumPy()
{
    QFETCH(QString, file);
    QFETCH(QList<int>, dims);
    QFETCH(QList<float>, values);
    QFETCH(NpyType, type);
    const QByteArray numpy = readAll(file);
    QVERIFY(!numpy.isEmpty());
    QCOMPARE(QByteArray::fromStdString(npyBytes(makeTensor(dims, values), type)), numpy);
}

void TestMatrixIo::npyWriteReadRoundTrip_data()
{
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<NpyType>("type");
    QTest::addColumn<QByteArray>("shapeText");
    QTest::newRow("rank 2 float32")
        << QList<int>{2, 3} << NpyType::Float32 << QByteArray("'shape': (2, 3), }");
    QTest::newRow("rank 3 float32")
        << QList<int>{3, 2, 4} << NpyType::Float32 << QByteArray("'shape': (3, 2, 4), }");
    QTest::newRow("rank 4 float32")
        << QList<int>{2, 3, 4, 5} << NpyType::Float32 << QByteArray("'shape': (2, 3, 4, 5), }");
    QTest::newRow("rank 2 float64")
        << QList<int>{4, 1} << NpyType::Float64 << QByteArray("'shape': (4, 1), }");
    QTest::newRow("rank 4 float64")
        << QList<int>{1, 1, 2, 2} << NpyType::Float64 << QByteArray("'shape': (1, 1, 2, 2), }");
}

void TestMatrixIo::npyWriteReadRoundTrip()
{
    QFETCH(QList<int>, dims);
    QFETCH(NpyType, type);
    QFETCH(QByteArray, shapeText);
    int count = 1;
    for (int d : dims)
        count *= d;
    QList<float> values = range(count, -3.5f, 0.75f);
    values[0] = kNan;
    const Tensor t = makeTensor(dims, values);

    QTemporaryDir dir;
    const QString path = dir.filePath("t.npy");
    QCOMPARE(QString::fromStdString(writeNpy(path.toStdString(), t, type)), QString());
    const QByteArray bytes = readAll(path);
    const int headerLength = uchar(bytes[8]) | uchar(bytes[9]) << 8;
    QCOMPARE(bytes.left(8), BYTES("\x93NUMPY\x01\x00"));
    QCOMPARE((10 + headerLength) % 64, 0);
    QCOMPARE(bytes[10 + headerLength - 1], '\n');
    QVERIFY(bytes.mid(10, headerLength).contains(shapeText));
    QCOMPARE(bytes.size(), 10 + headerLength + count * (type == NpyType::Float64 ? 8 : 4));
    QCOMPARE(entries(dir.path()), QStringList{"t.npy"});

    const IoResult<NpyArray> r = readNpy(path.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->type, type);
    QCOMPARE(r.value->tensor.rank(), int(dims.size()));
    VERIFY_TENSOR(r.value->tensor, dims, values);
}

void TestMatrixIo::parseNpyHandBuilt_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<NpyType>("type");
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QList<float>>("values");
    const QList<float> fourValues{1.5f, -2, 0.25f, 100};
    QTest::newRow("<f4") << npyFile(1, dict("<f4", "(2, 2)"), kF4) << NpyType::Float32
                         << QList<int>{2, 2} << fourValues;
    QTest::newRow("<f8") << npyFile(1, dict("<f8", "(2, 2)"), kF8) << NpyType::Float64
                         << QList<int>{2, 2} << fourValues;
    QTest::newRow("|u1") << npyFile(1, dict("|u1", "(2, 2)"), kU1) << NpyType::UInt8
                         << QList<int>{2, 2} << QList<float>{0, 7, 128, 255};
    QTest::newRow("<u1") << npyFile(1, dict("<u1", "(1, 4)"), kU1) << NpyType::UInt8
                         << QList<int>{1, 4} << QList<float>{0, 7, 128, 255};
    QTest::newRow("<i4") << npyFile(1, dict("<i4", "(2, 2)"), kI4) << NpyType::Int32
                         << QList<int>{2, 2} << QList<float>{-1, 2, 65536, -65536};
    QTest::newRow("<i8") << npyFile(1, dict("<i8", "(2, 3)"), kI8) << NpyType::Int64
                         << QList<int>{2, 3} << QList<float>{1, -2, 3, -4, 5, 4294967296.0f};
    QTest::newRow("rank 3") << npyFile(1, dict("<f4", "(2, 1, 2)"), kF4) << NpyType::Float32
                            << QList<int>{2, 1, 2} << fourValues;
    QTest::newRow("rank 4") << npyFile(1, dict("<f4", "(1, 2, 2, 1)"), kF4) << NpyType::Float32
                            << QList<int>{1, 2, 2, 1} << fourValues;
    QTest::newRow("version 2.0") << npyFile(2, dict("<f4", "(2, 2)"), kF4) << NpyType::Float32
                                 << QList<int>{2, 2} << fourValues;
    QTest::newRow("version 3.0") << npyFile(3, dict("<f4", "(2, 2)"), kF4) << NpyType::Float32
                                 << QList<int>{2, 2} << fourValues;
    QTest::newRow("keys in another order")
        << npyFile(1, "{'shape': (4, 1), 'fortran_order': False, 'descr': '<f4'}", kF4)
        << NpyType::Float32 << QList<int>{4, 1} << fourValues;
    QTest::newRow("Python 2 longs") << npyFile(1, dict("<f4", "(2L, 2L)"), kF4) << NpyType::Float32
                                    << QList<int>{2, 2} << fourValues;
    QTest::newRow("bytes after the data")
        << npyFile(1, dict("|u1", "(1, 2)"), kU1) << NpyType::UInt8 << QList<int>{1, 2}
        << QList<float>{0, 7};
    QTest::newRow("empty rows") << npyFile(1, dict("<f4", "(0, 3)"), {}) << NpyType::Float32
                                << QList<int>{0, 3} << QList<float>{};
}

void TestMatrixIo::parseNpyHandBuilt()
{
    QFETCH(QByteArray, bytes);
    QFETCH(NpyType, type);
    QFETCH(QList<int>, dims);
    QFETCH(QList<float>, values);
    const IoResult<NpyArray> r = parseNpy(bytes.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->type, type);
    QCOMPARE(r.value->tensor.rank(), int(dims.size()));
    VERIFY_TENSOR(r.value->tensor, dims, values);
}

void TestMatrixIo::readNpyFromNumPy_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<NpyType>("type");
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QList<float>>("values");
    QTest::newRow("f4_2x3") << dataFile("f4_2x3.npy") << NpyType::Float32 << QList<int>{2, 3}
                            << QList<float>{1.5f, -2, 0.25f, 100, kNan, -kInf};
    QTest::newRow("f8_2x2x3") << dataFile("f8_2x2x3.npy") << NpyType::Float64 << QList<int>{2, 2, 3}
                              << range(12, -1, 0.25f);
    QTest::newRow("u1_2x2") << dataFile("u1_2x2.npy") << NpyType::UInt8 << QList<int>{2, 2}
                            << QList<float>{0, 7, 128, 255};
    QTest::newRow("i4_1x2x2x2") << dataFile("i4_1x2x2x2.npy") << NpyType::Int32
                                << QList<int>{1, 2, 2, 2}
                                << QList<float>{-1, 2, 65536, -65536, 0, 3, 4, 2147483648.0f};
    QTest::newRow("i8_2x3") << dataFile("i8_2x3.npy") << NpyType::Int64 << QList<int>{2, 3}
                            << QList<float>{1, -2, 3, -4, 5, 4294967296.0f};
    QTest::newRow("v2_2x3") << dataFile("v2_2x3.npy") << NpyType::Float32 << QList<int>{2, 3}
                            << range(6, 0, 0.5f);
    QTest::newRow("v3_2x3") << dataFile("v3_2x3.npy") << NpyType::Float32 << QList<int>{2, 3}
                            << range(6, 0, 0.5f);
}

void TestMatrixIo::readNpyFromNumPy()
{
    QFETCH(QString, file);
    QFETCH(NpyType, type);
    QFETCH(QList<int>, dims);
    QFETCH(QList<float>, values);
    QVERIFY(!file.isEmpty());
    const IoResult<NpyArray> r = readNpy(file.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->type, type);
    QCOMPARE(r.value->tensor.rank(), int(dims.size()));
    VERIFY_TENSOR(r.value->tensor, dims, values);
}

void TestMatrixIo::npyErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("zip file") << BYTES("PK\x03\x04\x14\x00\x08\x00")
                              << "not a .npy file: it starts with b'PK\\x03\\x04\\x14\\x00' "
                                 "instead of b'\\x93NUMPY'";
    QTest::newRow("CSV text") << QByteArray("1,2,3\n4,5,6\n")
                              << "not a .npy file: it starts with b'1,2,3\\n' instead of "
                                 "b'\\x93NUMPY'";
    QTest::newRow("truncated prefix") << BYTES("\x93NUM")
                                      << "truncated .npy file: it ends after 4 bytes, inside the "
                                         "10-byte prefix";
    QTest::newRow("truncated header")
        << BYTES("\x93NUMPY\x01\x00\x76\x00{'descr'")
        << "truncated .npy header: it declares 118 bytes, but the file has only 8 after the prefix";
    QTest::newRow("version 4.0") << npyFile(1, dict("<f4", "(2, 2)"), kF4).replace(6, 1, "\x04")
                                 << "unsupported .npy format version 4.0 (PoolViz reads 1.0, 2.0 "
                                    "and 3.0)";
    QTest::newRow("Fortran order") << npyFile(1, dict("<f4", "(2, 2)", "True"), kF4)
                                   << "fortran_order is True: Fortran-order arrays are not "
                                      "supported; save with np.ascontiguousarray";
    QTest::newRow("big-endian") << npyFile(1, dict(">f4", "(2, 2)"), kF4)
                                << "big-endian data ('>f4') is not supported; convert with "
                                   "a.astype('<f4')";
    QTest::newRow("big-endian int64") << npyFile(1, dict(">i8", "(2, 3)"), kI8)
                                      << "big-endian data ('>i8') is not supported; convert with "
                                         "a.astype('<i8')";
    QTest::newRow("complex") << npyFile(1, dict("<c8", "(2, 2)"), kF8)
                             << "unsupported dtype '<c8' (PoolViz reads '<f4', '<f8', '|u1', "
                                "'<i4' and '<i8')";
    QTest::newRow("bool") << npyFile(1, dict("|b1", "(2, 2)"), kU1)
                          << "unsupported dtype '|b1' (PoolViz reads '<f4', '<f8', '|u1', '<i4' "
                             "and '<i8')";
    QTest::newRow("rank 1") << npyFile(1, dict("<f4", "(4,)"), kF4)
                            << "unsupported shape (4,): PoolViz reads arrays of rank 2 to 4, this "
                               "one has rank 1";
    QTest::newRow("rank 5") << npyFile(1, dict("<f4", "(1, 1, 1, 2, 2)"), kF4)
                            << "unsupported shape (1, 1, 1, 2, 2): PoolViz reads arrays of rank 2 "
                               "to 4, this one has rank 5";
    QTest::newRow("data too short") << npyFile(1, dict("<f4", "(2, 3)"), kF4 + "1234")
                                    << "file holds 20 bytes of data, shape 2\u00d73 needs 24";
    QTest::newRow("no data") << npyFile(1, dict("<i8", "(1, 1, 2, 3)"), {})
                             << "file holds 0 bytes of data, shape 1\u00d71\u00d72\u00d73 needs 48";
    QTest::newRow("no shape") << npyFile(1, "{'descr': '<f4', 'fortran_order': False, }", kF4)
                              << "the .npy header has no 'shape': {'descr': '<f4', "
                                 "'fortran_order': False, }";
    QTest::newRow("malformed") << npyFile(1, "{'descr': '<f4', 'shape': [2, 2]}", kF4)
                               << "malformed .npy header: {'descr': '<f4', 'shape': [2, 2]}";
    QTest::newRow("structured")
        << npyFile(1,
                   "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, "
                   "'shape': (2, 1), }",
                   kF4)
        << "structured dtypes are not supported (descr [('x', '<f4'), ('y', '<f4')])";
}

void TestMatrixIo::npyErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const IoResult<NpyArray> r = parseNpy(bytes.toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error.message), message);
    QCOMPARE(r.error.line, 0);
}

void TestMatrixIo::npyFileErrorsNamePath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("Fortran order") << dataFile("fortran_2x3.npy")
                                   << "fortran_order is True: Fortran-order arrays are not "
                                      "supported; save with np.ascontiguousarray";
    QTest::newRow("big-endian") << dataFile("bigendian_2x2.npy")
                                << "big-endian data ('>f4') is not supported; convert with "
                                   "a.astype('<f4')";
    QTest::newRow("complex64") << dataFile("c8_2x2.npy")
                               << "unsupported dtype '<c8' (PoolViz reads '<f4', '<f8', '|u1', "
                                  "'<i4' and '<i8')";
    QTest::newRow("bool") << dataFile("b1_2x2.npy")
                          << "unsupported dtype '|b1' (PoolViz reads '<f4', '<f8', '|u1', '<i4' "
                             "and '<i8')";
    QTest::newRow("rank 1") << dataFile("rank1_6.npy")
                            << "unsupported shape (6,): PoolViz reads arrays of rank 2 to 4, this "
                               "one has rank 1";
    QTest::newRow("rank 5") << dataFile("rank5.npy")
                            << "unsupported shape (1, 1, 1, 2, 2): PoolViz reads arrays of rank 2 "
                               "to 4, this one has rank 5";
}

void TestMatrixIo::npyFileErrorsNamePath()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QVERIFY(!file.isEmpty());
    const IoResult<NpyArray> r = readNpy(file.toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error.toString()), "\"" + file + "\": " + message);

    QTemporaryDir dir;
    const std::string missing = dir.filePath("gone.npy").toStdString();
    QCOMPARE(qs(readNpy(missing).error.toString()),
             qs("cannot read \"" + missing + "\": No such file or directory"));
}

void TestMatrixIo::npyIndices_data()
{
    QTest::addColumn<QList<int>>("dims");
    QTest::addColumn<QByteArray>("shapeText");
    QTest::newRow("rank 2") << QList<int>{2, 3} << QByteArray("(2, 3)");
    QTest::newRow("rank 3") << QList<int>{2, 1, 3} << QByteArray("(2, 1, 3)");
    QTest::newRow("rank 4") << QList<int>{1, 2, 1, 3} << QByteArray("(1, 2, 1, 3)");
}

void TestMatrixIo::npyIndices()
{
    QFETCH(QList<int>, dims);
    QFETCH(QByteArray, shapeText);
    std::array<int, 4> s{1, 1, 1, 1};
    for (qsizetype i = 0; i < dims.size(); ++i)
        s[std::size_t(4 - dims.size() + i)] = dims[i];
    IndexTensor t(s[0], s[1], s[2], s[3], 0, int(dims.size()));
    const IndexTensor::Storage values{0, 5, -1, 4294967296LL, 7, 1};
    t.data() = values;

    QTemporaryDir dir;
    const QString path = dir.filePath("idx.npy");
    QCOMPARE(QString::fromStdString(writeNpyIndices(path.toStdString(), t)), QString());
    const QByteArray bytes = readAll(path);
    const QByteArray dictText =
        "{'descr': '<i8', 'fortran_order': False, 'shape': " + shapeText + ", }";
    QCOMPARE(bytes.left(128), BYTES("\x93NUMPY\x01\x00\x76\x00") + dictText +
                                  QByteArray(128 - 10 - dictText.size() - 1, ' ') + '\n');
    QCOMPARE(bytes.mid(128 + 8, 8), BYTES("\x05\x00\x00\x00\x00\x00\x00\x00"));
    QCOMPARE(bytes.mid(128 + 16, 8), BYTES("\xff\xff\xff\xff\xff\xff\xff\xff"));
    QCOMPARE(bytes.mid(128 + 24, 8), BYTES("\x00\x00\x00\x00\x01\x00\x00\x00"));

    const IoResult<IndexTensor> r = readNpyIndices(path.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->rank(), int(dims.size()));
    QVERIFY(r.value->sameShape(t.shape()));
    QVERIFY(r.value->data() == values);

    // The same file read as data is int64.
    const IoResult<NpyArray> asData = readNpy(path.toStdString());
    QVERIFY(asData.ok());
    QCOMPARE(asData.value->type, NpyType::Int64);
}

void TestMatrixIo::npyIndicesTypes()
{
    // int32 indices are read too.
    const IoResult<IndexTensor> i4 = readNpyIndices(dataFile("i4_1x2x2x2.npy").toStdString());
    QVERIFY2(i4.ok(), i4.error.toString().c_str());
    QCOMPARE(i4.value->rank(), 4);
    QVERIFY(i4.value->data() == (IndexTensor::Storage{-1, 2, 65536, -65536, 0, 3, 4, 2147483647}));
    const IoResult<IndexTensor> i8 = readNpyIndices(dataFile("i8_2x3.npy").toStdString());
    QVERIFY2(i8.ok(), i8.error.toString().c_str());
    QVERIFY(i8.value->data() == (IndexTensor::Storage{1, -2, 3, -4, 5, 4294967296LL}));

    // Floats are not indices.
    const std::string f4 = dataFile("f4_2x3.npy").toStdString();
    const IoResult<IndexTensor> bad = readNpyIndices(f4);
    QVERIFY(!bad.ok());
    QCOMPARE(qs(bad.error.toString()), qs("\"" + f4 +
                                          "\": argmax indices must be int64 ('<i8') or int32 "
                                          "('<i4'), not '<f4'"));
}

void TestMatrixIo::npyIntegerPrecision_data()
{
    // float32 has a 24-bit significand: every whole number up to 2^24 = 16777216 is exact; above
    // it only multiples of 2 (to 2^25), 4 (to 2^26), 8 (to 2^27) … are, and the rest round to the
    // nearest, ties to the even significand.
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QList<float>>("values");
    QTest::addColumn<QString>("warning"); // empty: none
    const QString why =
        QStringLiteral(": 32-bit floats hold whole numbers exactly only up to 2^24 = 16777216 (");
    QTest::newRow("int32 up to 2^24: exact")
        << npyFile(1, dict("<i4", "(2, 2)"), intBytes({16777216, -16777216, 1, 2}, 4))
        << QList<float>{16777216, -16777216, 1, 2} << QString();
    QTest::newRow("int32 above 2^24 but even: exact")
        << npyFile(1, dict("<i4", "(1, 2)"), intBytes({16777218, 33554432}, 4))
        << QList<float>{16777218, 33554432} << QString();
    QTest::newRow("int32 2^24 + 1 rounds to even")
        << npyFile(1, dict("<i4", "(2, 2)"), intBytes({1, 16777217, 3, 4}, 4))
        << QList<float>{1, 16777216, 3, 4}
        << QStringLiteral("int32 value 16777217 at index [0, 1] is read as 16777216") + why +
               QStringLiteral("1 value of 4 changed)");
    QTest::newRow("int32 negative, rank 3 index")
        << npyFile(1, dict("<i4", "(2, 1, 2)"), intBytes({0, 5, 7, -16777219}, 4))
        << QList<float>{0, 5, 7, -16777220}
        << QStringLiteral("int32 value -16777219 at index [1, 0, 1] is read as -16777220") + why +
               QStringLiteral("1 value of 4 changed)");
    // 123456789 lies between multiples of 8: 123456784 and 123456792 (3 away): it becomes the
    // latter. 2^53 + 1 becomes 2^53.
    QTest::newRow("int64: the first of two named")
        << npyFile(1, dict("<i8", "(2, 2)"),
                   intBytes({4294967296LL, 123456789, 5, 9007199254740993LL}, 8))
        << QList<float>{4294967296.0f, 123456792.0f, 5, 9007199254740992.0f}
        << QStringLiteral("int64 value 123456789 at index [0, 1] is read as 123456792") + why +
               QStringLiteral("2 values of 4 changed)");
    // −2^63 is a power of two (exact); 2^63 − 1 rounds up to 2^63, past the int64 range.
    QTest::newRow("int64 extremes")
        << npyFile(1, dict("<i8", "(1, 2)"),
                   intBytes(
                       {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}, 8))
        << QList<float>{-9223372036854775808.0f, 9223372036854775808.0f}
        << QStringLiteral("int64 value 9223372036854775807 at index [0, 1] is read as "
                          "9223372036854775808") +
               why + QStringLiteral("1 value of 2 changed)");
    QTest::newRow("uint8 never warns")
        << npyFile(1, dict("|u1", "(2, 2)"), kU1) << QList<float>{0, 7, 128, 255} << QString();
    QTest::newRow("float64 is not asked") << npyFile(1, dict("<f8", "(2, 2)"), kF8)
                                          << QList<float>{1.5f, -2, 0.25f, 100} << QString();
}

void TestMatrixIo::npyIntegerPrecision()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QList<float>, values);
    QFETCH(QString, warning);
    const IoResult<NpyArray> r = parseNpy(bytes.toStdString());
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->tensor.data(), Tensor::Storage(values.begin(), values.end()));
    QCOMPARE(r.warnings.size(), warning.isEmpty() ? std::size_t(0) : std::size_t(1));
    if (!warning.isEmpty())
        QCOMPARE(qs(r.warnings.front().toString()), warning);
}

// ---- readMatrixFile --------------------------------------------------------------------------

void TestMatrixIo::readMatrixFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<float>>("values"); // empty: an error is expected
    QTest::addColumn<int>("npyType");         // −1: not a .npy
    QTest::addColumn<QString>("message");     // the error, or the warning ("" for none); PATH
                                              // stands for the file's path
    QTest::newRow("csv") << "m.csv" << QByteArray("1,2\n3,4\n") << QList<float>{1, 2, 3, 4} << -1
                         << QString();
    QTest::newRow("txt, MATLAB rows")
        << "m.txt" << QByteArray("1 2; 3 4") << QList<float>{1, 2, 3, 4} << -1 << QString();
    QTest::newRow("no extension is text")
        << "matrix" << QByteArray("5 6") << QList<float>{5, 6} << -1 << QString();
    QTest::newRow("npy") << "m.npy" << npyFile(1, dict("<f4", "(2, 2)"), kF4)
                         << QList<float>{1.5f, -2, 0.25f, 100} << int(NpyType::Float32)
                         << QString();
    QTest::newRow("NPY in capitals")
        << "M.NPY" << npyFile(1, dict("<f8", "(2, 2)"), kF8) << QList<float>{1.5f, -2, 0.25f, 100}
        << int(NpyType::Float64) << QString();
    QTest::newRow("npy warning names the file")
        << "big.npy" << npyFile(1, dict("<i4", "(1, 2)"), intBytes({16777217, 2}, 4))
        << QList<float>{16777216, 2} << int(NpyType::Int32)
        << QStringLiteral("\"PATH\": int32 value 16777217 at index [0, 0] is read as 16777216: "
                          "32-bit floats hold whole numbers exactly only up to 2^24 = 16777216 (1 "
                          "value of 2 changed)");
    QTest::newRow("empty text") << "empty.csv" << QByteArray("\n") << QList<float>{} << -1
                                << QStringLiteral("\"PATH\": no numbers found");
    QTest::newRow("empty npy") << "empty.npy" << npyFile(1, dict("<f4", "(0, 3)"), {})
                               << QList<float>{} << -1
                               << QStringLiteral("\"PATH\": it holds no values (shape 0\u00d73)");
    QTest::newRow("text error") << "bad.csv" << QByteArray("1,2\n3,x\n") << QList<float>{} << -1
                                << QStringLiteral("line 2, column 3: \"x\" is not a number (in "
                                                  "\"PATH\")");
    QTest::newRow("text in a .npy") << "text.npy" << QByteArray("1 2") << QList<float>{} << -1
                                    << QStringLiteral("\"PATH\": not a .npy file: it starts with "
                                                      "b'1 2' instead of b'\\x93NUMPY'");
}

void TestMatrixIo::readMatrixFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QList<float>, values);
    QFETCH(int, npyType);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QVERIFY(writeAll(path, content));
    const QString expected = QString(message).replace(QStringLiteral("PATH"), path);
    const IoResult<MatrixFile> r = poolviz::readMatrixFile(path.toStdString());
    if (values.isEmpty()) {
        QVERIFY(!r.ok());
        QCOMPARE(qs(r.error.toString()), expected);
        QVERIFY(r.warnings.empty());
        return;
    }
    QVERIFY2(r.ok(), r.error.toString().c_str());
    QCOMPARE(r.value->tensor.data(), Tensor::Storage(values.begin(), values.end()));
    QCOMPARE(r.value->npyType.has_value(), npyType >= 0);
    if (npyType >= 0)
        QCOMPARE(int(*r.value->npyType), npyType);
    QCOMPARE(r.warnings.size(), expected.isEmpty() ? std::size_t(0) : std::size_t(1));
    if (!expected.isEmpty())
        QCOMPARE(qs(r.warnings.front().toString()), expected);
}

// ---- randomIntegers ------------------------------------------------------------------------

void TestMatrixIo::randomIntegers_data()
{
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("lo");
    QTest::addColumn<int>("hi");
    QTest::addColumn<uint>("seed");
    QTest::newRow("digits") << 4 << 4 << 0 << 9 << 42u;
    QTest::newRow("seed 001 range") << 6 << 6 << 0 << 19 << 100u;
    QTest::newRow("negative range") << 5 << 7 << -3 << 3 << 1u;
    QTest::newRow("single value") << 2 << 3 << 5 << 5 << 9u;
    QTest::newRow("tall") << 30 << 1 << -100 << 100 << 0u;
    QTest::newRow("whole int range")
        << 3 << 3 << std::numeric_limits<int>::min() << std::numeric_limits<int>::max() << 5u;
}

void TestMatrixIo::randomIntegers()
{
    QFETCH(int, h);
    QFETCH(int, w);
    QFETCH(int, lo);
    QFETCH(int, hi);
    QFETCH(uint, seed);
    const Tensor t = poolviz::randomIntegers(h, w, lo, hi, seed);
    QCOMPARE(dimsOf(t), (QList<int>{h, w}));
    QCOMPARE(t.rank(), 2);
    // Oracle: the generator's raw outputs, reduced modulo the range size, in row-major order.
    std::mt19937 gen(seed);
    const std::uint64_t size = std::uint64_t(std::int64_t(hi) - lo) + 1;
    for (int r = 0; r < h; ++r) {
        for (int c = 0; c < w; ++c) {
            const std::int64_t expected = lo + std::int64_t(gen() % size);
            QCOMPARE(t.at(r, c), float(expected));
            QVERIFY(t.at(r, c) >= float(lo) && t.at(r, c) <= float(hi));
            QCOMPARE(t.at(r, c), std::floor(t.at(r, c)));
        }
    }
    QVERIFY(poolviz::randomIntegers(h, w, lo, hi, seed) == t);
}

void TestMatrixIo::randomIntegersPinned()
{
    // Observed once and pinned: the same on every platform and standard library.
    const Tensor digits = poolviz::randomIntegers(2, 2, 0, 9, 42);
    VERIFY_TENSOR(digits, (QList<int>{2, 2}), (QList<float>{2, 7, 6, 4}));
    const Tensor teens = poolviz::randomIntegers(1, 4, 0, 19, 100);
    VERIFY_TENSOR(teens, (QList<int>{1, 4}), (QList<float>{0, 12, 15, 19}));
    QVERIFY(poolviz::randomIntegers(4, 4, 0, 9, 43) != poolviz::randomIntegers(4, 4, 0, 9, 42));
}

void TestMatrixIo::randomIntegersSwapsBounds()
{
    QVERIFY(poolviz::randomIntegers(3, 4, 9, 0, 7) == poolviz::randomIntegers(3, 4, 0, 9, 7));
    const Tensor empty = poolviz::randomIntegers(0, 5, 0, 9, 7);
    QCOMPARE(dimsOf(empty), (QList<int>{0, 5}));
}

QTEST_GUILESS_MAIN(TestMatrixIo)
#include "tst_matrixio.moc"

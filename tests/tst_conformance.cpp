// Conformance with the frameworks themselves: the PyTorch and NumPy scripts PoolViz generates
// (core/codegen) are run by Debian's python3-torch and python3-numpy for 240 random parameter
// sets (every mode, padding kind, dilation, ceil mode with windows larger than the input,
// count_include_pad, divisor, adaptive and global) and every built-in example, and the `y` each
// script computes is compared with what `poolviz-cli pool` writes, to float32 precision.
// TensorFlow and onnxruntime are no Debian packages: the TensorFlow scripts run against a NumPy
// stand-in for the tf calls they use (tests/data/tfstandin, which checks their logic, not
// TensorFlow), and every ONNX script must at least compile.
//
// All scripts of one language run in a single Python process (importing torch once), so the
// suite takes seconds. Without torch it skips, except when CI is set: then it fails loudly,
// because CI installs python3-torch (scripts/test.sh) and a skip there would hide a regression.

#include "codegen.h"
#include "examples.h"
#include "matrixio.h"
#include "pool.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <sstream>

using namespace poolviz;
using namespace poolviz::test;

namespace {

struct Case
{
    std::string id;
    PoolParams params;
    Tensor input;
};

std::string size(Size2 s)
{
    return std::to_string(s.h) + "x" + std::to_string(s.w);
}

/// The poolviz-cli options that give `p` (only those the mode takes).
QStringList cliOptions(const PoolParams &p)
{
    QStringList o{"--mode", QString::fromStdString(modeName(p.mode))};
    if (p.mode == PoolMode::Lp)
        o << "--p" << QString::number(p.p, 'g', 17);
    if (p.global)
        return o << "--global";
    if (p.adaptiveOutput)
        return o << "--adaptive" << QString::fromStdString(size(*p.adaptiveOutput));
    o << "--kernel" << QString::fromStdString(size(p.kernel));
    if (p.stride)
        o << "--stride" << QString::fromStdString(size(*p.stride));
    o << "--dilation" << QString::fromStdString(size(p.dilation));
    switch (p.paddingMode) {
    case PaddingMode::Explicit:
        o << "--padding"
          << QStringLiteral("%1,%2,%3,%4")
                 .arg(p.padding.top)
                 .arg(p.padding.bottom)
                 .arg(p.padding.left)
                 .arg(p.padding.right);
        break;
    case PaddingMode::SameUpper:
        o << "--same";
        break;
    case PaddingMode::SameLower:
        o << "--same-lower";
        break;
    case PaddingMode::Valid:
        o << "--valid";
        break;
    }
    if (p.ceilMode)
        o << "--ceil-mode";
    if (p.mode == PoolMode::Avg) {
        if (!p.countIncludePad && p.paddingMode == PaddingMode::Explicit)
            o << "--exclude-pad";
        if (p.divisorOverride)
            o << "--divisor" << QString::number(*p.divisorOverride);
    }
    return o;
}

PoolParams randomParams(Random &rnd, int h, int w)
{
    PoolParams p;
    p.mode = PoolMode(rnd.between(0, 3));
    const double orders[] = {1.0, 2.0, 3.0, 1.5};
    p.p = orders[rnd.between(0, 3)];
    const int kind = rnd.between(0, 19);
    if (kind <= 1) {
        p.adaptiveOutput = Size2{rnd.between(1, h + 1), rnd.between(1, w + 1)};
        return p;
    }
    if (kind == 2) {
        p.global = true;
        return p;
    }
    if (kind <= 7) {
        // Ceil mode with a window larger than the input along at least one axis.
        p.ceilMode = true;
        if (rnd.chance(50))
            p.kernel = {h + rnd.between(1, 3), rnd.between(1, w + 2)};
        else
            p.kernel = {rnd.between(1, h + 2), w + rnd.between(1, 3)};
        p.stride = Size2{rnd.between(1, 5), rnd.between(1, 5)};
        if (rnd.chance(30))
            p.dilation = Size2{rnd.between(1, 2), rnd.between(1, 2)};
        if (rnd.chance(40))
            p.padding = {rnd.between(0, 1), rnd.between(0, 1), rnd.between(0, 1),
                         rnd.between(0, 1)};
    } else {
        p.kernel = {rnd.between(1, 4), rnd.between(1, 4)};
        if (rnd.chance(70))
            p.stride = Size2{rnd.between(1, 4), rnd.between(1, 4)};
        if (rnd.chance(35))
            p.dilation = Size2{rnd.between(1, 3), rnd.between(1, 3)};
        p.paddingMode = rnd.paddingMode();
        const int style = rnd.between(0, 2);
        if (style == 1) {
            const int a = rnd.between(0, 2), b = rnd.between(0, 2);
            p.padding = {a, a, b, b};
        } else if (style == 2) {
            p.padding = {rnd.between(0, 3), rnd.between(0, 3), rnd.between(0, 3),
                         rnd.between(0, 3)};
        }
        p.ceilMode = rnd.chance(50);
    }
    p.countIncludePad = rnd.chance(50);
    if (p.mode == PoolMode::Avg && rnd.chance(20))
        p.divisorOverride = rnd.between(1, 9);
    return p;
}

Tensor randomInput(Random &rnd, int h, int w)
{
    Tensor t = Tensor::matrix(h, w);
    const int style = rnd.between(0, 9);
    for (float &v : t.data()) {
        if (style <= 5)
            v = float(rnd.between(-9, 9));
        else if (style <= 8)
            v = float(rnd.between(-400, 400)) / 32.0f; // fractions, exact in float32
        else {
            const int s = rnd.between(0, 15);
            v = s == 0   ? std::numeric_limits<float>::quiet_NaN()
                : s == 1 ? std::numeric_limits<float>::infinity()
                : s == 2 ? -std::numeric_limits<float>::infinity()
                         : float(rnd.between(-5, 5));
        }
    }
    return t;
}

/// 240 random cases that PoolViz accepts and every built-in example; `ceilLarger` counts the
/// ceil-mode cases with a window larger than the padded input.
std::vector<Case> conformanceCases(int &ceilLarger)
{
    std::vector<Case> cases;
    Random rnd(20261129u);
    ceilLarger = 0;
    while (cases.size() < 240) {
        const int h = rnd.between(1, 9), w = rnd.between(1, 9);
        Case c;
        c.params = randomParams(rnd, h, w);
        if (!validate(c.params, h, w).ok())
            continue;
        c.input = randomInput(rnd, h, w);
        c.id = "random" + std::to_string(cases.size());
        const Geometry g = computeGeometry(c.params, h, w);
        if (!c.params.isAdaptive() && c.params.ceilMode &&
            (g.rows.effectiveKernel() > h + g.rows.padBefore + g.rows.padAfter ||
             g.cols.effectiveKernel() > w + g.cols.padBefore + g.cols.padAfter))
            ++ceilLarger;
        cases.push_back(c);
    }
    for (const Example &e : examples())
        cases.push_back({"example-" + e.id, e.params, e.input});
    return cases;
}

/// Debian's interpreter first: python3-torch lives there, not in a pyenv shim on PATH.
QString findPython()
{
    // POOLVIZ_PYTHON, if set, is the only interpreter tried.
    QStringList candidates{QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")};
    if (const QByteArray env = qgetenv("POOLVIZ_PYTHON"); !env.isEmpty())
        candidates = {QString::fromLocal8Bit(env)};
    for (const QString &python : candidates) {
        QProcess probe;
        probe.start(python, {"-c", "import numpy, torch"});
        if (probe.waitForFinished(120000) && probe.exitStatus() == QProcess::NormalExit &&
            probe.exitCode() == 0)
            return python;
    }
    return {};
}

/// Runs every script of `scripts` (id → path) in one Python process; returns id → the line
/// "SHAPE … VALUES …" or "ERROR …".
const char *driver = R"(import contextlib, io, sys, warnings
import numpy as np
warnings.simplefilter("ignore")
for line in open(sys.argv[1]):
    ident, path = line.rstrip("\n").split("\t")
    ns = {"__name__": "__main__"}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(open(path).read(), path, "exec"), ns)
        y = np.asarray(ns["y"], dtype=np.float32)
        print(ident, "SHAPE", *y.shape, "VALUES", *[repr(float(v)) for v in y.ravel()])
    except BaseException as e:
        print(ident, "ERROR", type(e).__name__, str(e).replace("\n", " "))
    sys.stdout.flush()
)";

} // namespace

class TestConformance : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void generatedCodeMatchesPoolViz_data();
    void generatedCodeMatchesPoolViz();
    void otherScriptsAreValidPython_data();
    void otherScriptsAreValidPython();

private:
    QString m_python;
};

void TestConformance::initTestCase()
{
    m_python = findPython();
    if (m_python.isEmpty()) {
        if (!qEnvironmentVariableIsEmpty("CI"))
            QFAIL("CI is set but no Python with torch and numpy was found (tried $POOLVIZ_PYTHON, "
                  "or else /usr/bin/python3 and python3): install Debian's python3-torch and "
                  "python3-numpy (scripts/test.sh does)");
        QSKIP("no Python with torch and numpy (install python3-torch python3-numpy)");
    }
    qInfo("python: %s", qPrintable(m_python));
}

void TestConformance::generatedCodeMatchesPoolViz_data()
{
    QTest::addColumn<int>("language");
    QTest::newRow("pytorch") << int(CodeLanguage::PyTorch);
    QTest::newRow("numpy") << int(CodeLanguage::NumPy);
    // TensorFlow is no Debian package: its scripts run against tests/data/tfstandin, a NumPy
    // stand-in for the tf calls they use, which checks their logic (not TensorFlow itself).
    QTest::newRow("tensorflow (NumPy stand-in for tf)") << int(CodeLanguage::TensorFlow);
}

void TestConformance::generatedCodeMatchesPoolViz()
{
    QFETCH(int, language);
    const CodeLanguage lang = CodeLanguage(language);

    int ceilLarger = 0;
    const std::vector<Case> cases = conformanceCases(ceilLarger);
    QVERIFY2(ceilLarger >= 20, qPrintable(QString("only %1 ceil cases with windows larger than "
                                                  "the padded input")
                                              .arg(ceilLarger)));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cli = QStringLiteral(POOLVIZ_CLI);
    std::map<std::string, Tensor> expected;
    std::map<std::string, int> routes;
    QString list;
    for (const Case &c : cases) {
        const QString in = dir.filePath(QString::fromStdString(c.id) + ".in.npy");
        const QString out = dir.filePath(QString::fromStdString(c.id) + ".out.npy");
        QVERIFY(writeNpy(in.toStdString(), c.input).empty());
        QProcess pool;
        pool.start(cli, QStringList{"pool", in, "-o", out} + cliOptions(c.params));
        QVERIFY(pool.waitForFinished(30000));
        QVERIFY2(pool.exitCode() == 0, qPrintable(QString::fromStdString(c.id) + ": " +
                                                  QString::fromUtf8(pool.readAllStandardError())));
        const auto read = readNpy(out.toStdString());
        QVERIFY(read.ok());
        expected[c.id] = read.value->tensor;

        const QString script = dir.filePath(QString::fromStdString(c.id) + ".py");
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const std::string code = generateCode(lang, c.params, {c.input, {}});
        file.write(QByteArray::fromStdString(code));
        // Which route the script takes, so the closing count shows every one was exercised.
        const bool unfold = code.find("F.unfold") != std::string::npos ||
                            code.find("sliding_window_view(a") != std::string::npos;
        const bool padFirst = code.find("goes through F.pad first") != std::string::npos;
        const bool patches = code.find("tf.image.extract_patches") != std::string::npos;
        const bool bins = code.find("def bins") != std::string::npos;
        const bool blocks = code.find("blocks = x4.reshape") != std::string::npos;
        ++routes[unfold || patches ? "window taps"
                 : padFirst        ? "F.pad then layer"
                 : bins            ? "bins"
                 : blocks          ? "reshape into blocks"
                                   : "layer"];
        file.close();
        list += QString::fromStdString(c.id) + "\t" + script + "\n";
    }
    QFile listFile(dir.filePath("cases.tsv"));
    QVERIFY(listFile.open(QIODevice::WriteOnly));
    listFile.write(list.toUtf8());
    listFile.close();
    QFile driverFile(dir.filePath("driver.py"));
    QVERIFY(driverFile.open(QIODevice::WriteOnly));
    driverFile.write(driver);
    driverFile.close();

    QProcess python;
    if (lang == CodeLanguage::TensorFlow) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PYTHONPATH", QStringLiteral(POOLVIZ_TESTS_DIR "/data/tfstandin"));
        python.setProcessEnvironment(env);
    }
    python.start(m_python, {driverFile.fileName(), listFile.fileName()});
    QVERIFY(python.waitForFinished(300000));
    QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
    const QStringList lines =
        QString::fromUtf8(python.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts);

    int run = 0, matched = 0;
    QStringList failures;
    for (const QString &line : lines) {
        const QStringList f = line.split(' ');
        const std::string id = f.value(0).toStdString();
        const auto it = expected.find(id);
        if (it == expected.end())
            continue;
        ++run;
        const Tensor &want = it->second;
        const auto caseOf =
            std::find_if(cases.begin(), cases.end(), [&](const Case &c) { return c.id == id; });
        const QString what = QString::fromStdString(id + " (" + describe(caseOf->params) + ")");
        if (f.value(1) != "SHAPE") {
            failures << what + ": " + line;
            continue;
        }
        const int valuesAt = int(f.indexOf("VALUES"));
        std::vector<int> shape;
        for (int i = 2; i < valuesAt; ++i)
            shape.push_back(f[i].toInt());
        std::vector<int> wantShape;
        if (want.rank() == 4)
            wantShape = {want.n(), want.c(), want.h(), want.w()};
        else if (want.rank() == 3)
            wantShape = {want.c(), want.h(), want.w()};
        else
            wantShape = {want.h(), want.w()};
        if (shape != wantShape || f.size() - valuesAt - 1 != qsizetype(want.size())) {
            failures << what + ": shape " + f.mid(2, valuesAt - 2).join('x') + " expected " +
                            QString::fromStdString(want.shapeString());
            continue;
        }
        bool same = true;
        for (std::size_t i = 0; i < want.size() && same; ++i) {
            const double got = f[valuesAt + 1 + qsizetype(i)].toDouble();
            const double ref = want.data()[i];
            if (std::isnan(ref) || std::isnan(got))
                same = std::isnan(ref) && std::isnan(got);
            else if (std::isinf(ref) || std::isinf(got))
                same = got == ref;
            else
                same = std::fabs(got - ref) <= 1e-5 * std::max(1.0, std::fabs(ref));
            if (!same)
                failures << what + QString(": value %1 is %2, poolviz-cli pool wrote %3")
                                       .arg(i)
                                       .arg(got, 0, 'g', 9)
                                       .arg(ref, 0, 'g', 9);
        }
        if (same)
            ++matched;
    }
    qInfo("%s: %d cases run, %d matched (%d random incl. %d ceil windows larger than the padded "
          "input, %d examples)",
          qPrintable(QString::fromStdString(languageName(lang))), run, matched, 240, ceilLarger,
          int(cases.size()) - 240);
    std::string tally;
    for (const auto &[route, n] : routes)
        tally += (tally.empty() ? "" : ", ") + route + " " + std::to_string(n);
    qInfo("routes: %s", tally.c_str());
    QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 8).join("\n")));
    QCOMPARE(run, int(cases.size()));
    QCOMPARE(matched, run);
}

// onnxruntime is not a Debian package, so the ONNX scripts cannot run here; every one of them
// must at least be valid Python that compiles.
void TestConformance::otherScriptsAreValidPython_data()
{
    QTest::addColumn<int>("language");
    QTest::newRow("onnx") << int(CodeLanguage::Onnx);
}

void TestConformance::otherScriptsAreValidPython()
{
    QFETCH(int, language);
    int ceilLarger = 0;
    const std::vector<Case> cases = conformanceCases(ceilLarger);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList paths;
    for (const Case &c : cases) {
        const QString path = dir.filePath(QString::fromStdString(c.id) + ".py");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(
            generateCode(CodeLanguage(language), c.params, {c.input, {}})));
        paths << path;
    }
    const QString checker = QStringLiteral("import sys\n"
                                           "bad = 0\n"
                                           "for p in sys.argv[1:]:\n"
                                           "    try:\n"
                                           "        compile(open(p).read(), p, 'exec')\n"
                                           "    except SyntaxError as e:\n"
                                           "        bad += 1\n"
                                           "        print(p, e)\n"
                                           "print('compiled', len(sys.argv) - 1, 'bad', bad)");
    QProcess python;
    python.start(m_python, QStringList{"-c", checker} + paths);
    QVERIFY(python.waitForFinished(120000));
    const QString out = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
    qInfo("%s", qPrintable(out.split('\n').last()));
    QCOMPARE(out.split('\n').last(), QStringLiteral("compiled %1 bad 0").arg(cases.size()));
}

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"

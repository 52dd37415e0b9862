// Tests of PoolOptionParser: every flag form gives the expected PoolParams, every bad value the
// expected message.
#include "pooloptions.h"

#include <QStringList>
#include <QTest>

#include <sstream>

using namespace poolviz;

Q_DECLARE_METATYPE(poolviz::PoolParams)

namespace poolviz {
/// Prints every field, so that a failing QCOMPARE shows what differs.
char *toString(const PoolParams &p)
{
    std::ostringstream s;
    s << "mode=" << modeName(p.mode) << " p=" << p.p << " kernel=" << p.kernel.h << 'x'
      << p.kernel.w << " stride=";
    if (p.stride)
        s << p.stride->h << 'x' << p.stride->w;
    else
        s << "default";
    s << " paddingMode=" << int(p.paddingMode) << " padding=" << p.padding.top << ','
      << p.padding.bottom << ',' << p.padding.left << ',' << p.padding.right
      << " dilation=" << p.dilation.h << 'x' << p.dilation.w << " ceil=" << p.ceilMode
      << " includePad=" << p.countIncludePad << " divisor=";
    if (p.divisorOverride)
        s << *p.divisorOverride;
    else
        s << "none";
    s << " adaptive=";
    if (p.adaptiveOutput)
        s << p.adaptiveOutput->h << 'x' << p.adaptiveOutput->w;
    else
        s << "none";
    s << " global=" << p.global;
    return qstrdup(s.str().c_str());
}
} // namespace poolviz

namespace {

std::vector<std::string> toArgs(const QStringList &list)
{
    std::vector<std::string> args;
    for (const QString &s : list)
        args.push_back(s.toStdString());
    return args;
}

/// Feeds every argument to the parser, as poolviz-cli does; non-pool arguments are collected.
struct Parsed
{
    PoolOptionParser parser;
    QStringList rest;
};

Parsed parseAll(const QStringList &list)
{
    Parsed r;
    const std::vector<std::string> args = toArgs(list);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::size_t before = i;
        if (!r.parser.consume(args, i)) {
            // A declined argument is left where it was.
            if (i != before)
                qFatal("consume advanced past an argument it declined");
            r.rest << QString::fromStdString(args[i]);
        }
    }
    r.parser.finish();
    return r;
}

PoolParams with(auto change)
{
    PoolParams p;
    change(p);
    return p;
}

} // namespace

class TestPoolOptions : public QObject
{
    Q_OBJECT

private slots:
    void parses_data();
    void parses();
    void rejects_data();
    void rejects();
    void leavesOtherArguments();
    void startsFromDefaults();
    void parseSize_data();
    void parseSize();
    void helpDocumentsEveryFlag();
    void threads_data();
    void threads();
};

void TestPoolOptions::parses_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<PoolParams>("expected");

    QTest::newRow("nothing") << QStringList{} << PoolParams{};
    QTest::newRow("mode max") << QStringList{"--mode", "max"} << PoolParams{};
    QTest::newRow("mode avg") << QStringList{"--mode", "avg"}
                              << with([](PoolParams &p) { p.mode = PoolMode::Avg; });
    QTest::newRow("mode mean") << QStringList{"--mode", "mean"}
                               << with([](PoolParams &p) { p.mode = PoolMode::Avg; });
    QTest::newRow("mode=min") << QStringList{"--mode=min"}
                              << with([](PoolParams &p) { p.mode = PoolMode::Min; });
    QTest::newRow("mode lp, p 3") << QStringList{"--mode", "lp", "--p", "3"}
                                  << with([](PoolParams &p) {
                                         p.mode = PoolMode::Lp;
                                         p.p = 3;
                                     });
    QTest::newRow("p before mode")
        << QStringList{"--p=1.5", "--mode", "lp"} << with([](PoolParams &p) {
               p.mode = PoolMode::Lp;
               p.p = 1.5;
           });
    QTest::newRow("p exponent") << QStringList{"--mode", "lp", "--p", "1e1"}
                                << with([](PoolParams &p) {
                                       p.mode = PoolMode::Lp;
                                       p.p = 10;
                                   });
    QTest::newRow("kernel 3") << QStringList{"--kernel", "3"} << with([](PoolParams &p) {
        p.kernel = {3, 3};
    });
    QTest::newRow("kernel 2x3") << QStringList{"--kernel", "2x3"} << with([](PoolParams &p) {
        p.kernel = {2, 3};
    });
    QTest::newRow("kernel 2X3") << QStringList{"--kernel", "2X3"} << with([](PoolParams &p) {
        p.kernel = {2, 3};
    });
    QTest::newRow("kernel 2×3") << QStringList{"--kernel", "2×3"} << with([](PoolParams &p) {
        p.kernel = {2, 3};
    });
    QTest::newRow("kernel=4x1") << QStringList{"--kernel=4x1"} << with([](PoolParams &p) {
        p.kernel = {4, 1};
    });
    QTest::newRow("kernel 1000000")
        << QStringList{"--kernel", "1000000"} << with([](PoolParams &p) {
               p.kernel = {1000000, 1000000};
           });
    QTest::newRow("stride 1") << QStringList{"--stride", "1"} << with([](PoolParams &p) {
        p.stride = Size2{1, 1};
    });
    QTest::newRow("stride 1x2") << QStringList{"--stride", "1x2"} << with([](PoolParams &p) {
        p.stride = Size2{1, 2};
    });
    QTest::newRow("padding 1") << QStringList{"--padding", "1"} << with([](PoolParams &p) {
        p.padding = {1, 1, 1, 1};
    });
    QTest::newRow("padding 0") << QStringList{"--padding", "0"} << PoolParams{};
    QTest::newRow("padding 1x2") << QStringList{"--padding", "1x2"} << with([](PoolParams &p) {
        p.padding = {1, 1, 2, 2};
    });
    QTest::newRow("padding 0,1,2,3")
        << QStringList{"--padding", "0,1,2,3"} << with([](PoolParams &p) {
               p.padding = {0, 1, 2, 3};
           });
    QTest::newRow("padding twice: last wins")
        << QStringList{"--padding", "1", "--padding", "2"} << with([](PoolParams &p) {
               p.padding = {2, 2, 2, 2};
           });
    QTest::newRow("same") << QStringList{"--same"}
                          << with([](PoolParams &p) { p.paddingMode = PaddingMode::SameUpper; });
    QTest::newRow("same-lower") << QStringList{"--same-lower"} << with([](PoolParams &p) {
        p.paddingMode = PaddingMode::SameLower;
    });
    QTest::newRow("valid") << QStringList{"--valid"}
                           << with([](PoolParams &p) { p.paddingMode = PaddingMode::Valid; });
    QTest::newRow("dilation 2") << QStringList{"--dilation", "2"} << with([](PoolParams &p) {
        p.dilation = {2, 2};
    });
    QTest::newRow("dilation 2x1") << QStringList{"--dilation", "2x1"} << with([](PoolParams &p) {
        p.dilation = {2, 1};
    });
    QTest::newRow("ceil-mode") << QStringList{"--ceil-mode"}
                               << with([](PoolParams &p) { p.ceilMode = true; });
    QTest::newRow("exclude-pad") << QStringList{"--mode", "avg", "--exclude-pad"}
                                 << with([](PoolParams &p) {
                                        p.mode = PoolMode::Avg;
                                        p.countIncludePad = false;
                                    });
    QTest::newRow("divisor 3") << QStringList{"--divisor", "3", "--mode", "avg"}
                               << with([](PoolParams &p) {
                                      p.mode = PoolMode::Avg;
                                      p.divisorOverride = 3;
                                  });
    QTest::newRow("adaptive 7x5") << QStringList{"--adaptive", "7x5"} << with([](PoolParams &p) {
        p.adaptiveOutput = Size2{7, 5};
    });
    QTest::newRow("adaptive 3") << QStringList{"--adaptive=3"} << with([](PoolParams &p) {
        p.adaptiveOutput = Size2{3, 3};
    });
    QTest::newRow("global") << QStringList{"--global"}
                            << with([](PoolParams &p) { p.global = true; });
    QTest::newRow("global avg") << QStringList{"--global", "--mode", "avg"}
                                << with([](PoolParams &p) {
                                       p.global = true;
                                       p.mode = PoolMode::Avg;
                                   });
    QTest::newRow("everything") << QStringList{"--kernel",    "3x2",     "--stride",   "2",
                                               "--padding",   "1,0,1,0", "--dilation", "2",
                                               "--ceil-mode", "--mode",  "min"}
                                << with([](PoolParams &p) {
                                       p.mode = PoolMode::Min;
                                       p.kernel = {3, 2};
                                       p.stride = Size2{2, 2};
                                       p.padding = {1, 0, 1, 0};
                                       p.dilation = {2, 2};
                                       p.ceilMode = true;
                                   });
}

void TestPoolOptions::parses()
{
    QFETCH(QStringList, args);
    QFETCH(PoolParams, expected);
    const Parsed r = parseAll(args);
    QCOMPARE(QString::fromStdString(r.parser.error()), QString());
    QVERIFY(r.rest.isEmpty());
    QCOMPARE(r.parser.params(), expected);
    QCOMPARE(r.parser.anyGiven(), !args.isEmpty());
}

void TestPoolOptions::rejects_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");

    QTest::newRow("kernel 0") << QStringList{"--kernel", "0"}
                              << "--kernel: \"0\" is not a size ≥ 1 (use K or KHxKW)";
    QTest::newRow("kernel 0x2") << QStringList{"--kernel", "0x2"}
                                << "--kernel: \"0x2\" is not a size ≥ 1 (use K or KHxKW)";
    QTest::newRow("kernel -1") << QStringList{"--kernel", "-1"}
                               << "--kernel: \"-1\" is not a size ≥ 1 (use K or KHxKW)";
    QTest::newRow("kernel 1.5") << QStringList{"--kernel", "1.5"}
                                << "--kernel: \"1.5\" is not a size ≥ 1 (use K or KHxKW)";
    QTest::newRow("kernel 2x3x4") << QStringList{"--kernel", "2x3x4"}
                                  << "--kernel: \"2x3x4\" is not a size ≥ 1 (use K or KHxKW)";
    QTest::newRow("kernel +2") << QStringList{"--kernel=+2"}
                               << "--kernel: \"+2\" is not a size ≥ 1 (use K or KHxKW)";
    QTest::newRow("kernel empty") << QStringList{"--kernel="}
                                  << "--kernel: \"\" is not a size ≥ 1 (use K or KHxKW)";
    QTest::newRow("kernel too large") << QStringList{"--kernel", "2x5000000"}
                                      << "--kernel: \"2x5000000\" is too large (at most 1000000)";
    QTest::newRow("kernel 99999999999")
        << QStringList{"--kernel", "99999999999"}
        << "--kernel: \"99999999999\" is too large (at most 1000000)";
    QTest::newRow("kernel missing value")
        << QStringList{"--kernel"} << "--kernel: missing value (use K or KHxKW)";
    QTest::newRow("kernel followed by a flag")
        << QStringList{"--kernel", "--stride", "2"} << "--kernel: missing value (use K or KHxKW)";
    QTest::newRow("stride 2x") << QStringList{"--stride", "2x"}
                               << "--stride: \"2x\" is not a size ≥ 1 (use S or SHxSW)";
    QTest::newRow("stride x2") << QStringList{"--stride", "x2"}
                               << "--stride: \"x2\" is not a size ≥ 1 (use S or SHxSW)";
    QTest::newRow("stride 0") << QStringList{"--stride", "0"}
                              << "--stride: \"0\" is not a size ≥ 1 (use S or SHxSW)";
    QTest::newRow("dilation 0") << QStringList{"--dilation", "0"}
                                << "--dilation: \"0\" is not a size ≥ 1 (use D or DHxDW)";
    QTest::newRow("padding 1,2,3")
        << QStringList{"--padding", "1,2,3"}
        << "--padding: \"1,2,3\" is not a padding ≥ 0 (use P, PHxPW or T,B,L,R)";
    QTest::newRow("padding 1,2,3,4,5")
        << QStringList{"--padding", "1,2,3,4,5"}
        << "--padding: \"1,2,3,4,5\" is not a padding ≥ 0 (use P, PHxPW or T,B,L,R)";
    QTest::newRow("padding 1,,2,3")
        << QStringList{"--padding", "1,,2,3"}
        << "--padding: \"1,,2,3\" is not a padding ≥ 0 (use P, PHxPW or T,B,L,R)";
    QTest::newRow("padding -1") << QStringList{"--padding", "-1"}
                                << "--padding: \"-1\" is not a padding ≥ 0 (use P, PHxPW or "
                                   "T,B,L,R)";
    QTest::newRow("mode foo") << QStringList{"--mode", "foo"}
                              << "--mode: \"foo\" is not a mode (use max, avg, min or lp)";
    QTest::newRow("mode MAX") << QStringList{"--mode", "MAX"}
                              << "--mode: \"MAX\" is not a mode (use max, avg, min or lp)";
    QTest::newRow("p -1") << QStringList{"--mode", "lp", "--p", "-1"}
                          << "--p: \"-1\" is not a number > 0 (e.g. 2 or 1.5)";
    QTest::newRow("p 0") << QStringList{"--mode", "lp", "--p", "0"}
                         << "--p: \"0\" is not a number > 0 (e.g. 2 or 1.5)";
    QTest::newRow("p inf") << QStringList{"--mode", "lp", "--p", "inf"}
                           << "--p: \"inf\" is not a number > 0 (e.g. 2 or 1.5)";
    QTest::newRow("p nan") << QStringList{"--mode", "lp", "--p", "nan"}
                           << "--p: \"nan\" is not a number > 0 (e.g. 2 or 1.5)";
    QTest::newRow("p 2a") << QStringList{"--mode", "lp", "--p", "2a"}
                          << "--p: \"2a\" is not a number > 0 (e.g. 2 or 1.5)";
    QTest::newRow("divisor 0") << QStringList{"--mode", "avg", "--divisor", "0"}
                               << "--divisor: \"0\" is not a whole number ≥ 1 (e.g. 4)";
    QTest::newRow("divisor 2.5") << QStringList{"--mode", "avg", "--divisor", "2.5"}
                                 << "--divisor: \"2.5\" is not a whole number ≥ 1 (e.g. 4)";
    QTest::newRow("adaptive 0x3")
        << QStringList{"--adaptive", "0x3"}
        << "--adaptive: \"0x3\" is not an output size ≥ 1 (use OHxOW, e.g. 7x7)";
    QTest::newRow("same then padding")
        << QStringList{"--same", "--padding", "1"}
        << "--padding conflicts with --same: choose one of --padding, --same, --same-lower, "
           "--valid";
    QTest::newRow("padding then same")
        << QStringList{"--padding", "1", "--same"}
        << "--same conflicts with --padding: choose one of --padding, --same, --same-lower, "
           "--valid";
    QTest::newRow("same and valid")
        << QStringList{"--same", "--valid"}
        << "--valid conflicts with --same: choose one of --padding, --same, --same-lower, --valid";
    QTest::newRow("global and kernel")
        << QStringList{"--global", "--kernel", "2"}
        << "--kernel cannot be combined with --global (adaptive pooling chooses its own windows)";
    QTest::newRow("stride then adaptive")
        << QStringList{"--stride", "2", "--adaptive", "2x2"}
        << "--adaptive cannot be combined with --stride (adaptive pooling chooses its own "
           "windows)";
    QTest::newRow("global and adaptive") << QStringList{"--global", "--adaptive", "2x2"}
                                         << "--adaptive conflicts with --global: choose one "
                                            "output size";
    QTest::newRow("ceil-mode=yes")
        << QStringList{"--ceil-mode=yes"} << "--ceil-mode takes no value (got \"yes\")";
    QTest::newRow("p without lp") << QStringList{"--p", "3"}
                                  << "--p applies only to --mode lp (the mode is max)";
    QTest::newRow("divisor without avg")
        << QStringList{"--divisor", "2", "--mode", "min"}
        << "--divisor applies only to --mode avg (the mode is min)";
    QTest::newRow("exclude-pad without avg")
        << QStringList{"--exclude-pad"}
        << "--exclude-pad applies only to --mode avg (the mode "
           "is max)";
    QTest::newRow("first error wins") << QStringList{"--kernel", "0", "--stride", "0"}
                                      << "--kernel: \"0\" is not a size ≥ 1 (use K or KHxKW)";
}

void TestPoolOptions::rejects()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Parsed r = parseAll(args);
    QCOMPARE(QString::fromStdString(r.parser.error()), message);
    // Bad values are still consumed: nothing is left over as a positional argument.
    QVERIFY2(r.rest.isEmpty(), qPrintable(r.rest.join(' ')));
    QVERIFY(r.parser.anyGiven());
}

void TestPoolOptions::threads_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("threads"); // −1: not given
    QTest::addColumn<QString>("message");
    QTest::newRow("absent") << QStringList{"--kernel", "3"} << -1 << QString();
    QTest::newRow("4") << QStringList{"--threads", "4"} << 4 << QString();
    QTest::newRow("0: every core") << QStringList{"--threads", "0"} << 0 << QString();
    QTest::newRow("=2") << QStringList{"--threads=2"} << 2 << QString();
    QTest::newRow("1024") << QStringList{"--threads", "1024"} << 1024 << QString();
    const QString usage = QStringLiteral(" is not a thread count from 0 to 1024 (e.g. 1, or 0 for "
                                         "every core)");
    QTest::newRow("1025") << QStringList{"--threads", "1025"} << -1
                          << "--threads: \"1025\"" + usage;
    QTest::newRow("-1") << QStringList{"--threads=-1"} << -1 << "--threads: \"-1\"" + usage;
    QTest::newRow("two") << QStringList{"--threads", "two"} << -1 << "--threads: \"two\"" + usage;
    QTest::newRow("missing") << QStringList{"--threads"} << -1
                             << "--threads: missing value (e.g. 1, or 0 for every core)";
}

void TestPoolOptions::threads()
{
    QFETCH(QStringList, args);
    QFETCH(int, threads);
    QFETCH(QString, message);
    const Parsed r = parseAll(args);
    QCOMPARE(QString::fromStdString(r.parser.error()), message);
    QCOMPARE(r.parser.threads().value_or(-1), threads);
    // A thread count alone is not a pooling parameter: the parameters stay as they were.
    if (args.first().startsWith("--threads"))
        QVERIFY(!r.parser.anyGiven());
}

void TestPoolOptions::leavesOtherArguments()
{
    const std::vector<std::string> args = {"in.npy",    "-o",       "out.npy", "--kernel", "3",
                                           "--kernels", "--output", "x",       "--pp",     "-k"};
    PoolOptionParser parser;
    std::size_t i = 0;
    QVERIFY(!parser.consume(args, i)); // in.npy
    QCOMPARE(i, std::size_t(0));
    QVERIFY(!parser.anyGiven());
    i = 1;
    QVERIFY(!parser.consume(args, i)); // -o
    QCOMPARE(i, std::size_t(1));
    i = 3;
    QVERIFY(parser.consume(args, i)); // --kernel 3
    QCOMPARE(i, std::size_t(4));      // left on the value; the caller's loop moves on
    QCOMPARE(parser.params().kernel, (Size2{3, 3}));
    for (std::size_t j : {std::size_t(5), std::size_t(6), std::size_t(8), std::size_t(9)}) {
        i = j;
        QVERIFY2(!parser.consume(args, i), args[j].c_str());
        QCOMPARE(i, j);
    }
    i = 10;
    QVERIFY(!parser.consume(args, i)); // past the end
    QVERIFY(parser.error().empty());
    QVERIFY(parser.anyGiven());
}

void TestPoolOptions::startsFromDefaults()
{
    PoolParams defaults;
    defaults.mode = PoolMode::Avg;
    defaults.kernel = {3, 3};
    defaults.stride = Size2{1, 1};
    PoolOptionParser parser(defaults);
    QCOMPARE(parser.params(), defaults);
    const std::vector<std::string> args = {"--stride", "2"};
    std::size_t i = 0;
    QVERIFY(parser.consume(args, i));
    PoolParams expected = defaults;
    expected.stride = Size2{2, 2};
    QCOMPARE(parser.params(), expected);
}

void TestPoolOptions::parseSize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("w");
    QTest::newRow("6") << "6" << 1 << true << 6 << 6;
    QTest::newRow("6x4") << "6x4" << 1 << true << 6 << 4;
    QTest::newRow("6×4") << "6×4" << 1 << true << 6 << 4;
    QTest::newRow("6X4") << "6X4" << 1 << true << 6 << 4;
    QTest::newRow("0x4 min 0") << "0x4" << 0 << true << 0 << 4;
    QTest::newRow("0x4 min 1") << "0x4" << 1 << false << 0 << 0;
    QTest::newRow("6x") << "6x" << 1 << false << 0 << 0;
    QTest::newRow("x6") << "x6" << 1 << false << 0 << 0;
    QTest::newRow("6x4x2") << "6x4x2" << 1 << false << 0 << 0;
    QTest::newRow("6 x 4") << "6 x 4" << 1 << false << 0 << 0;
    QTest::newRow("6*4") << "6*4" << 1 << false << 0 << 0;
    QTest::newRow("empty") << "" << 1 << false << 0 << 0;
    QTest::newRow("16 below minimum 32") << "16x64" << 32 << false << 0 << 0;
}

void TestPoolOptions::parseSize()
{
    QFETCH(QString, text);
    QFETCH(int, minimum);
    QFETCH(bool, valid);
    QFETCH(int, h);
    QFETCH(int, w);
    const auto size = PoolOptionParser::parseSize(text.toStdString(), minimum);
    QCOMPARE(size.has_value(), valid);
    if (valid)
        QCOMPARE(*size, (Size2{h, w}));
}

void TestPoolOptions::helpDocumentsEveryFlag()
{
    const QStringList lines = QString::fromStdString(PoolOptionParser::help()).split('\n');
    const QStringList flags = {"--mode",     "--p",         "--kernel",      "--stride",
                               "--padding",  "--same",      "--same-lower",  "--valid",
                               "--dilation", "--ceil-mode", "--exclude-pad", "--divisor",
                               "--adaptive", "--global"};
    for (const QString &flag : flags) {
        // The line that documents the flag starts with it and carries an example using it.
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const QString &l) {
            return l.trimmed().startsWith(flag + ' ');
        });
        QVERIFY2(line != lines.end(), qPrintable(flag));
        QVERIFY2(line->contains("e.g. ") && line->mid(line->indexOf("e.g.")).contains(flag),
                 qPrintable(*line));
        // and every documented flag is accepted
        PoolOptionParser parser;
        const std::vector<std::string> args = {flag.toStdString(), "2"};
        std::size_t i = 0;
        QVERIFY2(parser.consume(args, i), qPrintable(flag));
    }
}

QTEST_GUILESS_MAIN(TestPoolOptions)
#include "tst_pooloptions.moc"

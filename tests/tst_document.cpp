// The PoolDocument, its undo commands, the matrix models and the typed settings, without windows.

#include "examples.h"
#include "matrixmodel.h"
#include "pool.h"
#include "pooldocument.h"
#include "settings.h"
#include "testutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <limits>

using namespace poolviz;

Q_DECLARE_METATYPE(poolviz::PoolParams)

namespace {

Tensor matrix(std::initializer_list<std::initializer_list<float>> rows)
{
    return Tensor::fromRows(rows);
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaults();
    void paramsUndoRedo();
    void mergedEditsAreOneStep();
    void mergeBackToStartDropsTheStep();
    void cellEditsAreModifiedAndUndoable();
    void loadExample_data();
    void loadExample();
    void backwardGradientOfOverlappingWindows();
    void upstreamEditFlowsBack();
    void upstreamFollowsOutputShape();
    void invalidKernelHasMessageAndNoTrace();
    void stepIsClamped();
    void planesAreTracedSeparately();
    void inputModelEditsDocument();
    void upstreamModel();
    void settingsParamsRoundTrip_data();
    void settingsParamsRoundTrip();
    void settingsInputRoundTrip();
    void settingsRejectsDamagedValues();
};

void TestDocument::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDocument::defaults()
{
    PoolDocument doc;
    QCOMPARE(doc.input(), matrix({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}}));
    QCOMPARE(doc.params(), PoolParams{});
    QVERIFY(doc.trace());
    QCOMPARE(doc.stepCount(), 4);
    QCOMPARE(doc.step(), 0);
    QCOMPARE(doc.trace()->result.values, matrix({{6, 8}, {14, 16}}));
    QVERIFY(!doc.isInputModified());
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestDocument::paramsUndoRedo()
{
    PoolDocument doc;
    QSignalSpy params(&doc, &PoolDocument::paramsChanged);
    doc.setParams(test::params(PoolMode::Max, 2, 1), QStringLiteral("Stride 1"));
    QCOMPARE(params.count(), 1);
    QCOMPARE(doc.geometry().outH(), 3);
    QCOMPARE(doc.geometry().outW(), 3);
    QCOMPARE(doc.stepCount(), 9);
    doc.undoStack()->undo();
    QCOMPARE(doc.params(), PoolParams{});
    QCOMPARE(doc.geometry().outH(), 2);
    QCOMPARE(doc.stepCount(), 4);
    doc.undoStack()->redo();
    QCOMPARE(doc.params(), test::params(PoolMode::Max, 2, 1));
    QCOMPARE(doc.trace()->result.values, matrix({{6, 7, 8}, {10, 11, 12}, {14, 15, 16}}));
    // Setting the same parameters again is no step at all.
    doc.setParams(test::params(PoolMode::Max, 2, 1), QStringLiteral("Again"));
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestDocument::mergedEditsAreOneStep()
{
    PoolDocument doc;
    doc.setInput(Tensor::matrix(9, 9, 1.0f), QStringLiteral("ones"));
    const int before = doc.undoStack()->count();
    for (int k = 3; k <= 5; ++k) {
        PoolParams p = doc.params();
        p.kernel = {k, k};
        doc.setParams(p, QStringLiteral("Kernel"), 7);
    }
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.params().kernel, (Size2{5, 5}));
    // A new run (after the spin box lost focus) is a new step.
    doc.closeMergeWindow();
    PoolParams p = doc.params();
    p.kernel = {4, 4};
    doc.setParams(p, QStringLiteral("Kernel"), 7);
    QCOMPARE(doc.undoStack()->count(), before + 2);
    doc.undoStack()->undo();
    QCOMPARE(doc.params().kernel, (Size2{5, 5}));
    doc.undoStack()->undo();
    QCOMPARE(doc.params().kernel, (Size2{2, 2}));
}

void TestDocument::mergeBackToStartDropsTheStep()
{
    PoolDocument doc;
    PoolParams p = doc.params();
    p.dilation = {2, 2};
    doc.setParams(p, QStringLiteral("Dilation"), 3);
    p.dilation = {1, 1};
    doc.setParams(p, QStringLiteral("Dilation"), 3);
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(doc.params(), PoolParams{});
}

void TestDocument::cellEditsAreModifiedAndUndoable()
{
    PoolDocument doc;
    QSignalSpy modified(&doc, &PoolDocument::inputModifiedChanged);
    doc.setInputValue(0, 0, 42.0f);
    QCOMPARE(doc.input().at(0, 0), 42.0f);
    QVERIFY(doc.isInputModified());
    QCOMPARE(modified.count(), 1);
    // The first window now holds 42: the output follows.
    QCOMPARE(doc.trace()->result.values.at(0, 0), 42.0f);
    doc.undoStack()->undo();
    QCOMPARE(doc.input().at(0, 0), 1.0f);
    QVERIFY(!doc.isInputModified());
    doc.undoStack()->redo();
    QVERIFY(doc.isInputModified());
    doc.markInputSaved(QStringLiteral("m.csv"));
    QVERIFY(!doc.isInputModified());
    QCOMPARE(doc.inputDescription(), QStringLiteral("m.csv"));
    // A clean replacement (a file, a photo crop) is not an unsaved edit.
    doc.setInput(matrix({{1, 2}, {3, 4}}), QStringLiteral("crop"));
    QVERIFY(!doc.isInputModified());
    QCOMPARE(doc.trace()->result.values, matrix({{4}}));
}

void TestDocument::loadExample_data()
{
    QTest::addColumn<QString>("id");
    for (const Example &ex : examples())
        QTest::newRow(ex.id.c_str()) << QString::fromStdString(ex.id);
}

void TestDocument::loadExample()
{
    QFETCH(QString, id);
    const Example *ex = findExample(id.toStdString());
    QVERIFY(ex);
    PoolDocument doc;
    doc.loadExample(*ex);
    QCOMPARE(doc.params(), ex->params);
    QVERIFY(identicalTensors(doc.input(), ex->input));
    QVERIFY(!doc.isInputModified());
    QVERIFY2(doc.trace(), qPrintable(doc.traceError()));
    // The traced plane's output is the tutorial's printed result.
    const Tensor &values = doc.trace()->result.values;
    const Tensor expected = ex->expected.planeTensor(0, 0);
    QCOMPARE(values.h(), expected.h());
    QCOMPARE(values.w(), expected.w());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(values.data()[i] - expected.data()[i]) <=
                     1e-4f * std::max(1.0f, std::abs(expected.data()[i])),
                 qPrintable(QStringLiteral("value %1: %2 vs %3")
                                .arg(i)
                                .arg(values.data()[i])
                                .arg(expected.data()[i])));
    // One undo step takes input and parameters back together.
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.undoStack()->undo();
    QCOMPARE(doc.params(), PoolParams{});
    QCOMPARE(doc.input().h(), 4);
}

void TestDocument::backwardGradientOfOverlappingWindows()
{
    // Seed 000's matrix, 2×2 max at stride 1: windows overlap, so some cells collect twice.
    PoolDocument doc;
    const Tensor x = matrix({{10, 12, 8, 7}, {4, 11, 5, 9}, {18, 13, 7, 7}, {3, 15, 2, 2}});
    doc.setInput(x, QStringLiteral("seed 000"));
    doc.setParams(test::params(PoolMode::Max, 2, 1), QStringLiteral("k2 s1"));
    doc.setPhase(Phase::Backward);
    const auto trace = doc.trace();
    QVERIFY(trace);
    QCOMPARE(int(trace->steps.size()), 9);
    // Hand-computed: 12 at (0,1) wins windows (0,0) and (0,1); 9 at (1,3) wins (0,2) and (1,2);
    // 18 at (2,0) wins (1,0) and (2,0); 13, 15 and the first 7 win one each.
    const Tensor expected = matrix({{0, 2, 0, 0}, {0, 0, 0, 2}, {2, 1, 1, 0}, {0, 1, 0, 0}});
    QCOMPARE(trace->gradientAfter(8), expected);
    QCOMPARE(trace->inputGradient, expected);
    QCOMPARE(trace->gradientAfter(8), backward(x, doc.params(), Tensor::matrix(3, 3, 1.0f)));
    // After two steps (0,1) already holds the sum of two contributions.
    QCOMPARE(trace->gradientAfter(1).at(0, 1), 2.0f);
    QCOMPARE(trace->gradientAfter(0).at(0, 1), 1.0f);
    QCOMPARE(trace->gradientAfter(-1), Tensor::matrix(4, 4, 0.0f));
}

void TestDocument::upstreamEditFlowsBack()
{
    PoolDocument doc;
    doc.setPhase(Phase::Backward);
    QCOMPARE(doc.upstreamPlane(), Tensor::matrix(2, 2, 1.0f));
    doc.setUpstreamValue(0, 0, 5.0f);
    QCOMPARE(doc.upstreamPlane().at(0, 0), 5.0f);
    // Output (0,0) = 6 at input (1,1): its gradient is now 5.
    QCOMPARE(doc.trace()->inputGradient.at(1, 1), 5.0f);
    QCOMPARE(doc.trace()->inputGradient.at(1, 3), 1.0f);
    doc.undoStack()->undo();
    QCOMPARE(doc.trace()->inputGradient.at(1, 1), 1.0f);
    // Average spreads g / divisor over the window.
    PoolParams avg = doc.params();
    avg.mode = PoolMode::Avg;
    doc.setParams(avg, QStringLiteral("avg"));
    doc.setUpstreamPlane(matrix({{4, 8}, {0, 0}}), QStringLiteral("g"));
    QCOMPARE(doc.trace()->inputGradient,
             matrix({{1, 1, 2, 2}, {1, 1, 2, 2}, {0, 0, 0, 0}, {0, 0, 0, 0}}));
}

void TestDocument::upstreamFollowsOutputShape()
{
    PoolDocument doc;
    doc.setUpstreamValue(1, 1, 3.0f);
    QCOMPARE(doc.upstreamPlane(), matrix({{1, 1}, {1, 3}}));
    doc.setParams(test::params(PoolMode::Max, 2, 1), QStringLiteral("s1"));
    // A 3×3 output: the 2×2 edit no longer fits, the gradient is ones again.
    QCOMPARE(doc.upstreamPlane(), Tensor::matrix(3, 3, 1.0f));
    doc.undoStack()->undo();
    QCOMPARE(doc.upstreamPlane(), matrix({{1, 1}, {1, 3}}));
}

void TestDocument::invalidKernelHasMessageAndNoTrace()
{
    PoolDocument doc;
    QSignalSpy trace(&doc, &PoolDocument::traceChanged);
    PoolParams p;
    p.kernel = {5, 5};
    doc.setParams(p, QStringLiteral("k5"));
    QCOMPARE(trace.count(), 1);
    QVERIFY(!doc.trace());
    QVERIFY(!doc.validation().ok());
    QCOMPARE(doc.traceError(), QString::fromStdString(doc.validation().errorText()));
    QVERIFY2(doc.traceError().contains(QStringLiteral("5")), qPrintable(doc.traceError()));
    QCOMPARE(doc.step(), -1);
    QCOMPARE(doc.stepCount(), 0);
    QVERIFY(doc.upstream().empty());
    QCOMPARE(doc.caption(), doc.traceError());
    doc.setStep(3); // no crash, nothing to show
    QCOMPARE(doc.step(), -1);
    doc.undoStack()->undo();
    QVERIFY(doc.trace());
}

void TestDocument::stepIsClamped()
{
    PoolDocument doc;
    QSignalSpy steps(&doc, &PoolDocument::stepChanged);
    doc.setStep(100);
    QCOMPARE(doc.step(), 3);
    QCOMPARE(steps.count(), 1);
    QCOMPARE(steps.first().at(0).toInt(), 3);
    QCOMPARE(steps.first().at(1).toInt(), 0);
    doc.setStep(-7);
    QCOMPARE(doc.step(), -1);
    QVERIFY(doc.caption().startsWith(QStringLiteral("Before the first step")));
    doc.setStep(2);
    QCOMPARE(doc.caption(), QString::fromStdString(doc.trace()->steps[2].caption));
}

void TestDocument::planesAreTracedSeparately()
{
    PoolDocument doc;
    Tensor t(1, 2, 2, 2, 0.0f, 3);
    const float values[] = {1, 2, 3, 4, 8, 7, 6, 5};
    std::copy(std::begin(values), std::end(values), t.data().begin());
    doc.setInput(t, QStringLiteral("two channels"));
    QCOMPARE(doc.planeCount(), 2);
    QCOMPARE(doc.trace()->result.values, matrix({{4}}));
    doc.setPlane(1);
    QCOMPARE(doc.inputPlane(), matrix({{8, 7}, {6, 5}}));
    QCOMPARE(doc.trace()->result.values, matrix({{8}}));
    QCOMPARE(doc.trace()->steps[0].argmax, 0);
    doc.setPlane(5); // clamped
    QCOMPARE(doc.plane(), 1);
}

void TestDocument::inputModelEditsDocument()
{
    PoolDocument doc;
    MatrixModel model(&doc, MatrixModel::Source::Input);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.data(model.index(1, 2)).toString(), QStringLiteral("7"));
    QVERIFY(model.setData(model.index(1, 2), QStringLiteral("2.5")));
    QCOMPARE(doc.input().at(1, 2), 2.5f);
    QCOMPARE(model.data(model.index(1, 2), Qt::EditRole).toString(), QStringLiteral("2.5"));
    QVERIFY(model.setData(model.index(0, 0), QStringLiteral("-inf")));
    QVERIFY(std::isinf(doc.input().at(0, 0)) && doc.input().at(0, 0) < 0);
    QSignalSpy rejected(&model, &MatrixModel::editRejected);
    QVERIFY(!model.setData(model.index(0, 1), QStringLiteral("twelve")));
    QCOMPARE(rejected.count(), 1);
    QVERIFY(rejected.first().first().toString().contains(QStringLiteral("twelve")));
    QCOMPARE(doc.input().at(0, 1), 2.0f);
    // Shape changes reset the model; undo brings the old shape back.
    doc.editInput(matrix({{1, 2, 3}}), QStringLiteral("1×3"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.columnCount(), 3);
    doc.undoStack()->undo();
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("3"));
}

void TestDocument::upstreamModel()
{
    PoolDocument doc;
    MatrixModel model(&doc, MatrixModel::Source::Upstream);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("1"));
    QVERIFY(model.setData(model.index(1, 1), 4.0));
    QCOMPARE(doc.upstreamPlane().at(1, 1), 4.0f);
    doc.setParams(test::params(PoolMode::Max, 2, 1), QStringLiteral("s1"));
    QCOMPARE(model.rowCount(), 3);
    PoolParams bad;
    bad.kernel = {9, 9};
    doc.setParams(bad, QStringLiteral("k9"));
    QCOMPARE(model.rowCount(), 0);
}

void TestDocument::settingsParamsRoundTrip_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::newRow("default") << PoolParams{};
    PoolParams avg = test::params(PoolMode::Avg, 3, 2);
    avg.padding = {1, 0, 2, 1};
    avg.countIncludePad = false;
    avg.divisorOverride = 7;
    avg.ceilMode = true;
    avg.dilation = {1, 2};
    QTest::newRow("avg padded") << avg;
    PoolParams lp;
    lp.mode = PoolMode::Lp;
    lp.p = 3.5;
    lp.paddingMode = PaddingMode::SameLower;
    lp.kernel = {2, 3};
    QTest::newRow("lp same-lower") << lp;
    PoolParams adaptive;
    adaptive.adaptiveOutput = Size2{3, 2};
    QTest::newRow("adaptive") << adaptive;
    PoolParams global;
    global.global = true;
    global.mode = PoolMode::Min;
    global.paddingMode = PaddingMode::Valid;
    QTest::newRow("global") << global;
}

void TestDocument::settingsParamsRoundTrip()
{
    QFETCH(PoolParams, params);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("poolviz.ini"));
    {
        Settings s(path);
        QVERIFY(!s.params());
        s.setParams(params);
        s.setPhase(Phase::Backward);
        s.setSpeed(2.0);
        s.setSmoothMotion(false);
        s.setWindowGeometry(QByteArray("geometry-bytes"));
        s.sync();
    }
    Settings s(path);
    QVERIFY(s.params());
    QCOMPARE(*s.params(), params);
    QCOMPARE(s.phase(), Phase::Backward);
    QCOMPARE(s.speed(), 2.0);
    QCOMPARE(s.smoothMotion(), false);
    QCOMPARE(s.windowGeometry(), QByteArray("geometry-bytes"));
}

void TestDocument::settingsInputRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("poolviz.ini"));
    Tensor t(1, 2, 2, 3, 0.0f, 3);
    const float inf = std::numeric_limits<float>::infinity();
    const float values[] = {0.1f, -2.5f, 3e-8f, inf, -inf, std::nanf(""), 7, 8, 9, 10, 11, 1e30f};
    std::copy(std::begin(values), std::end(values), t.data().begin());
    {
        Settings s(path);
        s.setInput(t, QStringLiteral("two channels"));
        s.sync();
    }
    Settings s(path);
    QVERIFY(s.input());
    QVERIFY(identicalTensors(*s.input(), t));
    QCOMPARE(s.inputDescription(), QStringLiteral("two channels"));
    // Large inputs (photos) are not kept.
    s.setInput(Tensor::matrix(100, 100), QStringLiteral("big"));
    QVERIFY(!s.input());
}

void TestDocument::settingsRejectsDamagedValues()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("poolviz.ini"));
    {
        Settings s(path);
        s.setParams(test::params(PoolMode::Max, 3, 2));
        s.sync();
    }
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue(QStringLiteral("params/kernelH"), QStringLiteral("zero"));
        raw.setValue(QStringLiteral("input/shape"), QStringLiteral("1,1,2,2,2"));
        raw.setValue(QStringLiteral("input/values"), QStringLiteral("1 2 3"));
        raw.setValue(QStringLiteral("playback/speed"), 100.0);
    }
    Settings s(path);
    QVERIFY(!s.params());
    QVERIFY(!s.input());
    QCOMPARE(s.speed(), 4.0);
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"

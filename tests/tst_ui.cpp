// The PoolViz window driven as a user drives it: offscreen, with real key presses and clicks.

#include "examples.h"
#include "mainwindow.h"
#include "matrixeditor.h"
#include "matrixio.h"
#include "parameterpanel.h"
#include "photocamera.h"
#include "photodocument.h"
#include "photoview.h"
#include "photoworkspace.h"
#include "planeselector.h"
#include "playbackbar.h"
#include "pool.h"
#include "pooldocument.h"
#include "settings.h"
#include "stagewidget.h"
#include "testutil.h"
#include "traceplayer.h"
#include "wraplayout.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace poolviz;

namespace {

Tensor matrix(std::initializer_list<std::initializer_list<float>> rows)
{
    return Tensor::fromRows(rows);
}

/// A window whose drag-and-drop handlers a test can call.
struct DropTarget : MainWindow
{
    using MainWindow::dragEnterEvent;
    using MainWindow::dropEvent;
    using MainWindow::MainWindow;
};

/// A shown, active window that never asks questions (unsaved edits: discard).
template <class Window = MainWindow>
std::unique_ptr<Window> openWindow(Settings *settings = nullptr)
{
    auto w = std::make_unique<Window>(settings);
    w->setUnsavedPrompt([](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    w->show();
    w->activateWindow();
    if (!QTest::qWaitForWindowActive(w.get()))
        qWarning("window did not become active");
    return w;
}

QToolButton *buttonFor(QWidget *parent, QAction *action)
{
    for (QToolButton *b : parent->findChildren<QToolButton *>())
        if (b->defaultAction() == action)
            return b;
    return nullptr;
}

} // namespace

class TestUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void typeIntoCells();
    void pasteNumpyRepr();
    void parseErrorKeepsMatrix();
    void channelsSideBySide();
    void removeShownChannel();
    void manyChannelsAsAList_data();
    void manyChannelsAsAList();
    void spacePressesATabbedButton();
    void strideChangesOutputAndFormula();
    void steppingMovesWindow_data();
    void steppingMovesWindow();
    void buttonsStep();
    void backwardSumsEqualCore_data();
    void backwardSumsEqualCore();
    void undoRedoParameters();
    void eachTabOwnsItsParameters();
    void photoTabResolvesPaddingForThePhoto_data();
    void photoTabResolvesPaddingForThePhoto();
    void spinDragIsOneUndoStep();
    void linkedSides();
    void invalidKernelExplainsItself();
    void examplesMenuLoadsSeed001();
    void unsavedEditsAsk();
    void hatchedCellTooltip();
    void playPlaysToTheEnd();
    void exportStageAndMatrices();
    void exportFailureIsReported();
    void randomAndClear();
    void settingsRoundTrip();
    void filesRouteByExtension();
    void screenshotWritesPng_data();
    void screenshotWritesPng();
    void badArgumentsExit2_data();
    void badArgumentsExit2();
    void tabOrderFollowsTheRows_data();
    void tabOrderFollowsTheRows();
    void collapsedEditorStaysShut();
    void wrapLayoutWraps_data();
    void wrapLayoutWraps();
    void wrapLayoutHintFollowsTheBreaks_data();
    void wrapLayoutHintFollowsTheBreaks();
    void photoTitleBreaksBetweenParts_data();
    void photoTitleBreaksBetweenParts();
};

void TestUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PoolVizTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ui"));
}

void TestUi::typeIntoCells()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    QAbstractItemModelTester tester(editor->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTableView *table = editor->tableView();
    table->setFocus();
    table->setCurrentIndex(editor->model()->index(0, 0));
    // Typing starts the edit; Return commits it.
    QTest::keyClick(table, Qt::Key_4);
    QWidget *cellEditor = QApplication::focusWidget();
    QVERIFY(cellEditor && cellEditor != table);
    QTest::keyClicks(cellEditor, QStringLiteral("2"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_COMPARE(w->document()->input().at(0, 0), 42.0f);
    QVERIFY(w->document()->isInputModified());
    QVERIFY(w->isWindowModified());
    // The first window's maximum is now 42.
    QCOMPARE(w->document()->trace()->result.values.at(0, 0), 42.0f);
    // Arrow keys stay with the table (they do not step the animation).
    const int step = w->document()->step();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Right);
    QCOMPARE(w->document()->step(), step);
    QCOMPARE(table->currentIndex().column(), 1);
    // Delete clears the selected cell to 0.
    table->setCurrentIndex(editor->model()->index(3, 3));
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(w->document()->input().at(3, 3), 0.0f);
}

void TestUi::pasteNumpyRepr()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    editor->pasteEdit()->setPlainText(QStringLiteral("array([[1, 2, 3],\n       [4, 5, 6]])"));
    QVERIFY(editor->applyPasteButton()->isEnabled());
    QVERIFY2(editor->pasteStatus()->text().contains(QStringLiteral("2×3")),
             qPrintable(editor->pasteStatus()->text()));
    QTest::mouseClick(editor->applyPasteButton(), Qt::LeftButton);
    QCOMPARE(w->document()->input(), matrix({{1, 2, 3}, {4, 5, 6}}));
    QCOMPARE(editor->rowsSpin()->value(), 2);
    QCOMPARE(editor->columnsSpin()->value(), 3);
    QCOMPARE(editor->model()->columnCount(), 3);
    // 2×2 max on 2×3: one window; the leftover column is noted by the geometry.
    QCOMPARE(w->document()->trace()->result.values, matrix({{5}}));
    // Spreadsheet cells (tabs) too.
    QVERIFY(editor->applyText(QStringLiteral("7\t8\n9\t10\n")));
    QCOMPARE(w->document()->input(), matrix({{7, 8}, {9, 10}}));
}

void TestUi::parseErrorKeepsMatrix()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    const Tensor before = w->document()->input();
    const int undoSteps = w->document()->undoStack()->count();
    editor->pasteEdit()->setPlainText(QStringLiteral("1 2\n3 x"));
    const QString status = editor->pasteStatus()->text();
    QVERIFY2(status.contains(QStringLiteral("Line 2, column 3")), qPrintable(status));
    QVERIFY(!editor->applyPasteButton()->isEnabled());
    QVERIFY(!editor->pasteEdit()->extraSelections().isEmpty()); // the bad token is marked
    QVERIFY(!editor->applyText(editor->pasteEdit()->toPlainText()));
    QVERIFY(identicalTensors(w->document()->input(), before));
    QCOMPARE(w->document()->undoStack()->count(), undoSteps);
    // Fixing the text clears the error.
    editor->pasteEdit()->setPlainText(QStringLiteral("1 2\n3 4"));
    QVERIFY(editor->applyPasteButton()->isEnabled());
    QVERIFY(!editor->pasteStatus()->text().contains(QStringLiteral("Line")));
}

void TestUi::channelsSideBySide()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    QAbstractItemModelTester tester(editor->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    PlaneSelector *selector = editor->planeSelector();
    QVERIFY(!selector->isVisible());
    QVERIFY(editor->applyText(QStringLiteral("[[[1, 2], [3, 4]], [[8, 7], [6, 5]]]")));
    QCOMPARE(w->document()->planeCount(), 2);
    QVERIFY(selector->isVisible());
    QCOMPARE(selector->count(), 2);
    QCOMPARE(selector->caption()->text(), QStringLiteral("Channel"));
    QCOMPARE(selector->button(1)->text(), QStringLiteral("1"));
    QCOMPARE(selector->button(1)->toolTip(), QStringLiteral("Channel 1"));
    QTest::mouseClick(selector->button(1), Qt::LeftButton);
    QCOMPARE(w->document()->plane(), 1);
    QVERIFY(selector->button(1)->isChecked());
    QVERIFY(!selector->button(0)->isChecked());
    QCOMPARE(editor->model()->data(editor->model()->index(0, 0)).toString(), QStringLiteral("8"));
    QCOMPARE(w->document()->trace()->result.values, matrix({{8}}));
    // Typing goes into the channel shown.
    QVERIFY(editor->model()->setData(editor->model()->index(1, 1), QStringLiteral("9")));
    QCOMPARE(w->document()->input().at(0, 1, 1, 1), 9.0f);
    QCOMPARE(w->document()->input().at(0, 0, 1, 1), 4.0f);
    // The keyboard chooses too: the selector is one Tab stop, the arrows and Home/End move
    // (the window's Left/Right step shortcuts wait while it has focus).
    selector->setFocus();
    QTRY_VERIFY(selector->hasFocus());
    const int step = w->document()->step();
    QTest::keyClick(selector, Qt::Key_Left);
    QCOMPARE(w->document()->plane(), 0);
    QCOMPARE(w->document()->step(), step);
    QTest::keyClick(selector, Qt::Key_Left); // already the first
    QCOMPARE(w->document()->plane(), 0);
    QTest::keyClick(selector, Qt::Key_End);
    QCOMPARE(w->document()->plane(), 1);
    QTest::keyClick(selector, Qt::Key_Home);
    QCOMPARE(w->document()->plane(), 0);
    // Tab leaves it for Remove, then the size; Shift+Tab comes back.
    QTest::keyClick(selector, Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), editor->removeChannelButton());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_COMPARE(QApplication::focusWidget(), editor->rowsSpin());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_COMPARE(QApplication::focusWidget(), selector);
    // A 2×2×2×2 batch: each button names sample and channel.
    QVERIFY(editor->applyText(QStringLiteral(
        "[[[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [[[9, 10], [11, 12]], [[13, 14], [15, 16]]]]")));
    QCOMPARE(selector->count(), 4);
    QCOMPARE(selector->caption()->text(), QStringLiteral("Sample · channel"));
    QCOMPARE(selector->button(2)->text(), QStringLiteral("1·0"));
    QCOMPARE(selector->button(2)->accessibleName(), QStringLiteral("Sample 1 · channel 0"));
    QVERIFY(!editor->removeChannelButton()->isVisible()); // channels of one sample only
}

void TestUi::removeShownChannel()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    QVERIFY(editor->applyText(QStringLiteral("[[[1, 2]], [[3, 4]], [[5, 6]]]")));
    QToolButton *remove = editor->removeChannelButton();
    QVERIFY(remove->isVisible());
    QTest::mouseClick(editor->planeSelector()->button(1), Qt::LeftButton);
    QCOMPARE(remove->accessibleName(), QStringLiteral("Remove channel 1"));
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(w->document()->input().c(), 2);
    QCOMPARE(w->document()->input().at(0, 1, 0, 1), 6.0f); // channel 2 moved up
    QCOMPARE(editor->planeSelector()->count(), 2);
    w->document()->undoStack()->undo();
    QCOMPARE(w->document()->input().c(), 3);
    QCOMPARE(w->document()->input().at(0, 1, 0, 1), 4.0f);
    // Down to one channel: nothing left to choose or remove.
    QTest::mouseClick(remove, Qt::LeftButton);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(w->document()->planeCount(), 1);
    QVERIFY(!editor->planeSelector()->isVisible());
}

void TestUi::manyChannelsAsAList_data()
{
    // Up to PlaneSelector::kMaxButtons (24) channels are buttons; more (a 1×512×4×4 tensor from
    // a file) would fill the editor with lines of them, so a list of their names takes over.
    QTest::addColumn<int>("channels");
    QTest::addColumn<bool>("asList");
    QTest::newRow("24: buttons") << 24 << false;
    QTest::newRow("25: a list") << 25 << true;
    QTest::newRow("64: a list") << 64 << true;
}

void TestUi::manyChannelsAsAList()
{
    QFETCH(int, channels);
    QFETCH(bool, asList);
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    PlaneSelector *selector = editor->planeSelector();
    QStringList planes;
    for (int c = 0; c < channels; ++c)
        planes << QStringLiteral("[[%1]]").arg(c);
    QVERIFY(editor->applyText(QStringLiteral("[%1]").arg(planes.join(u','))));
    QCOMPARE(w->document()->planeCount(), channels);
    QCOMPARE(selector->count(), channels);
    QCOMPARE(selector->list()->isVisible(), asList);
    QCOMPARE(selector->button(channels - 1) != nullptr, !asList);
    if (asList) {
        QCOMPARE(selector->list()->count(), channels);
        QCOMPARE(selector->list()->itemText(channels - 1), QString::number(channels - 1));
        QCOMPARE(selector->list()->itemData(channels - 1, Qt::AccessibleTextRole).toString(),
                 QStringLiteral("Channel %1").arg(channels - 1));
        emit selector->list()->activated(7); // as a pick from its popup
        QCOMPARE(w->document()->plane(), 7);
        QCOMPARE(w->document()->input().at(0, 7, 0, 0), 7.0f);
        QCOMPARE(selector->list()->accessibleName(), QStringLiteral("Channel 7"));
    }
    // The keys work either way, and the list follows them.
    selector->setFocus();
    QTRY_VERIFY(selector->hasFocus());
    QTest::keyClick(selector, Qt::Key_End);
    QCOMPARE(w->document()->plane(), channels - 1);
    if (asList)
        QCOMPARE(selector->list()->currentIndex(), channels - 1);
    else
        QVERIFY(selector->button(channels - 1)->isChecked());
    // Back to two channels: buttons again.
    QVERIFY(editor->applyText(QStringLiteral("[[[1]], [[2]]]")));
    QVERIFY(!selector->list()->isVisible());
    QVERIFY(selector->button(1) && selector->button(1)->isVisible());
}

void TestUi::spacePressesATabbedButton()
{
    // Reached with Tab, "+ Channel" takes Space (a keyboard user's only way to press it);
    // "New Random" focused by a click leaves Space to Play.
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    editor->columnsSpin()->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(editor->columnsSpin()->hasFocus());
    QTest::keyClick(editor->columnsSpin(), Qt::Key_Tab);
    auto *add = editor->findChild<QToolButton *>(QStringLiteral("addChannel"));
    QTRY_COMPARE(QApplication::focusWidget(), add);
    QTest::keyClick(add, Qt::Key_Space);
    QCOMPARE(w->document()->planeCount(), 2);
    QVERIFY(!w->player()->isPlaying());
    QTest::mouseClick(editor->randomButton(), Qt::LeftButton);
    QTRY_COMPARE(QApplication::focusWidget(), editor->randomButton());
    const Tensor drawn = w->document()->input();
    const int undoSteps = w->document()->undoStack()->count();
    QTest::keyClick(editor->randomButton(), Qt::Key_Space);
    QVERIFY(w->player()->isPlaying());
    QCOMPARE(w->document()->input(), drawn); // not drawn again
    QCOMPARE(w->document()->undoStack()->count(), undoSteps);
}

void TestUi::strideChangesOutputAndFormula()
{
    auto w = openWindow();
    ParameterPanel *panel = w->parameterPanel();
    QCOMPARE(panel->outputLabel()->text(), QStringLiteral("4×4 input → 2×2 output"));
    QVERIFY2(
        panel->formulaLabel()->text().contains(QStringLiteral("⌊(4 + 0 + 0 − 2) / 2⌋ + 1 = 2")),
        qPrintable(panel->formulaLabel()->text()));
    QTest::mouseClick(panel->strideFollowsKernel(), Qt::LeftButton);
    QVERIFY(w->document()->params().stride.has_value());
    QSpinBox *strideH = panel->strideEdit()->heightSpin();
    strideH->setFocus();
    strideH->selectAll();
    QTest::keyClick(strideH, Qt::Key_Down);
    QCOMPARE(w->document()->params().effectiveStride(), (Size2{1, 1})); // linked: both sides
    QCOMPARE(w->document()->geometry().outH(), 3);
    QCOMPARE(w->document()->geometry().outW(), 3);
    QCOMPARE(panel->outputLabel()->text(), QStringLiteral("4×4 input → 3×3 output"));
    const QString formula = panel->formulaLabel()->text();
    QVERIFY2(formula.contains(QStringLiteral("⌊(4 + 0 + 0 − 2) / 1⌋ + 1 = 3")),
             qPrintable(formula));
    QVERIFY(formula.contains(
        QString::fromStdString(outputSizeFormula(w->document()->params(), 4, 4, Axis::Rows))
            .toHtmlEscaped())); // the 4×4 input above
    QCOMPARE(w->playbackBar()->stepLabel()->text(), QStringLiteral("Step 1 of 9"));
}

void TestUi::steppingMovesWindow_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id :
         {"seed000-stride1", "seed001-max", "padding-ceil", "dilation", "same-avg"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestUi::steppingMovesWindow()
{
    QFETCH(QString, id);
    auto w = openWindow();
    QVERIFY(w->loadExample(id));
    const Example *ex = findExample(id.toStdString());
    // The core's own trace, made independently of the window; a backward lesson opens on the
    // backward pass.
    const Trace reference =
        makeTrace(ex->input, ex->params, ex->backward ? Phase::Backward : Phase::Forward, 0);
    StageWidget *stage = w->stage();
    stage->setFocus();
    QTest::keyClick(stage, Qt::Key_Home);
    QCOMPARE(w->document()->step(), -1);
    QVERIFY(stage->currentWindow().empty());
    for (std::size_t i = 0; i < reference.steps.size(); ++i) {
        QTest::keyClick(stage, Qt::Key_Right);
        QCOMPARE(w->document()->step(), int(i));
        QCOMPARE(stage->view().step, int(i));
        QVERIFY2(stage->currentWindow() == reference.steps[i].taps,
                 qPrintable(QStringLiteral("step %1").arg(i)));
        QCOMPARE(stage->accessibleDescription(),
                 QString::fromStdString(reference.steps[i].caption));
    }
    QVERIFY(!w->action(QStringLiteral("stepForward"))->isEnabled());
    QTest::keyClick(stage, Qt::Key_Left);
    QCOMPARE(w->document()->step(), int(reference.steps.size()) - 2);
    QTest::keyClick(stage, Qt::Key_End);
    QCOMPARE(w->document()->step(), int(reference.steps.size()) - 1);
    QCOMPARE(w->playbackBar()->slider()->value(), int(reference.steps.size()));
}

void TestUi::buttonsStep()
{
    auto w = openWindow();
    QVERIFY(w->loadExample(QStringLiteral("seed000-stride2")));
    const Trace reference = makeTrace(findExample("seed000-stride2")->input,
                                      findExample("seed000-stride2")->params, Phase::Forward, 0);
    QToolButton *forward = buttonFor(w->playbackBar(), w->action(QStringLiteral("stepForward")));
    QToolButton *first = buttonFor(w->playbackBar(), w->action(QStringLiteral("firstStep")));
    QVERIFY(forward && first);
    QVERIFY(forward->toolTip().contains(QStringLiteral("Right")));
    QTest::mouseClick(first, Qt::LeftButton);
    QCOMPARE(w->document()->step(), -1);
    QTest::mouseClick(forward, Qt::LeftButton);
    QTest::mouseClick(forward, Qt::LeftButton);
    QCOMPARE(w->document()->step(), 1);
    QVERIFY(w->stage()->currentWindow() == reference.steps[1].taps);
    // The window of step 2 of seed 000 at stride 2: rows 0–1, columns 2–3.
    const std::vector<Tap> expected{{0, 2, TapKind::Input},
                                    {0, 3, TapKind::Input},
                                    {1, 2, TapKind::Input},
                                    {1, 3, TapKind::Input}};
    QVERIFY(w->stage()->currentWindow() == expected);
    // The scrub slider moves the step too.
    w->playbackBar()->slider()->setValue(4);
    QCOMPARE(w->document()->step(), 3);
}

void TestUi::backwardSumsEqualCore_data()
{
    QTest::addColumn<QString>("id");
    for (const char *id :
         {"seed000-stride1", "seed001-max", "same-avg", "padding-ceil", "seed003-mean"})
        QTest::newRow(id) << QString::fromLatin1(id);
}

void TestUi::backwardSumsEqualCore()
{
    QFETCH(QString, id);
    auto w = openWindow();
    QVERIFY(w->loadExample(id));
    w->stage()->setFocus();
    QTest::keyClick(w->stage(), Qt::Key_B);
    QCOMPARE(w->document()->phase(), Phase::Backward);
    QTest::keyClick(w->stage(), Qt::Key_End);
    const auto trace = w->document()->trace();
    QVERIFY(trace);
    const int last = int(trace->steps.size()) - 1;
    QCOMPARE(w->document()->step(), last);
    const Example *ex = findExample(id.toStdString());
    const Tensor ones = Tensor::matrix(trace->result.values.h(), trace->result.values.w(), 1.0f);
    const Tensor expected = backward(ex->input.planeTensor(0, 0), ex->params, ones);
    const Tensor got = trace->gradientAfter(last);
    QCOMPARE(got.h(), expected.h());
    QCOMPARE(got.w(), expected.w());
    for (std::size_t i = 0; i < got.size(); ++i)
        QVERIFY2(std::abs(got.data()[i] - expected.data()[i]) < 1e-5f,
                 qPrintable(QStringLiteral("cell %1: %2 vs %3")
                                .arg(i)
                                .arg(got.data()[i])
                                .arg(expected.data()[i])));
    if (id == QLatin1String("seed000-stride1")) // hand-computed: overlapping windows add up
        QCOMPARE(got, matrix({{0, 2, 0, 0}, {0, 0, 0, 2}, {2, 1, 1, 0}, {0, 1, 0, 0}}));
}

void TestUi::eachTabOwnsItsParameters()
{
    auto w = openWindow();
    ParameterPanel *panel = w->parameterPanel();
    PhotoDocument *photo = w->photoDocument();
    QCOMPARE(panel->document(), w->document());
    // On the Photo tab the panel edits the photo's parameters: a 9×9 kernel stays there.
    w->workspaceTabs()->setCurrentWidget(w->photoWorkspace());
    QCOMPARE(panel->document(), photo->windowDocument());
    // No divisor override here: the (disabled) box keeps its value rather than reading an
    // empty optional.
    QCOMPARE(panel->divisorSpin()->value(), 1);
    for (int i = 0; i < 7; ++i)
        panel->kernelEdit()->heightSpin()->stepUp();
    QCOMPARE(photo->paramsA().kernel, (Size2{9, 9}));
    QCOMPARE(w->document()->params(), PoolParams{});
    // Undo follows the tab: it takes back the photo's kernel, not the matrix's last change.
    QVERIFY(w->action(QStringLiteral("undo"))->isEnabled());
    w->action(QStringLiteral("undo"))->trigger();
    QVERIFY(photo->paramsA().kernel.h < 9);
    // Back on the Matrix tab the panel shows the matrix's 2×2 again.
    w->workspaceTabs()->setCurrentWidget(w->workspaceTabs()->widget(0));
    QCOMPARE(panel->document(), w->document());
    QCOMPARE(panel->kernelEdit()->heightSpin()->value(), 2);
    QVERIFY(!w->action(QStringLiteral("undo"))->isEnabled());
    // Linked, the Photo tab's panel edits the matrix document: one set of parameters.
    w->workspaceTabs()->setCurrentWidget(w->photoWorkspace());
    photo->setLinked(true);
    QCOMPARE(panel->document(), w->document());
    panel->kernelEdit()->heightSpin()->stepUp();
    QCOMPARE(w->document()->params().kernel, (Size2{3, 3}));
    QCOMPARE(photo->paramsA().kernel, (Size2{3, 3}));
}

void TestUi::photoTabResolvesPaddingForThePhoto_data()
{
    QTest::addColumn<int>("photoH");
    QTest::addColumn<int>("photoW");
    QTest::addColumn<int>("kernel");
    QTest::addColumn<int>("stride");
    QTest::addColumn<int>("padding"); // PaddingMode
    QTest::addColumn<bool>("linked");
    QTest::addColumn<QString>("resolved");
    QTest::addColumn<QString>("matrixResolved"); // the same parameters on the 4×4 matrix
    // SAME: out = ⌈in/s⌉, total = max((out − 1)·s + k − in, 0), the odd one after (upper) or
    // before (lower). 321: out 161, (160·2 + 3 − 321) = 2 → 1 + 1; 481: out 241, 480 + 3 − 481
    // = 2 → 1 + 1. The 4×4 matrix: out 2, 2 + 3 − 4 = 1 → 0 + 1.
    QTest::newRow("lake 321×481, 3×3/2 SAME")
        << 321 << 481 << 3 << 2 << int(PaddingMode::SameUpper) << false
        << QString::fromUtf8("Resolved for the 321×481 photo: top 1, bottom 1, left 1, right 1 "
                             "→ 161×241 output")
        << QStringLiteral("Resolved: top 0, bottom 1, left 0, right 1");
    // Linked, the panel edits the matrix's document, but the parameters still pool the photo.
    QTest::newRow("lake, linked to the matrix")
        << 321 << 481 << 3 << 2 << int(PaddingMode::SameUpper) << true
        << QString::fromUtf8("Resolved for the 321×481 photo: top 1, bottom 1, left 1, right 1 "
                             "→ 161×241 output")
        << QStringLiteral("Resolved: top 0, bottom 1, left 0, right 1");
    // 2×2/2: 160·2 + 2 − 321 = 1 and 240·2 + 2 − 481 = 1, the one before with SAME_LOWER; on
    // the 4×4 matrix 2 + 2 − 4 = 0.
    QTest::newRow("lake, 2×2/2 SAME_LOWER")
        << 321 << 481 << 2 << 2 << int(PaddingMode::SameLower) << false
        << QString::fromUtf8("Resolved for the 321×481 photo: top 1, bottom 0, left 1, right 0 "
                             "→ 161×241 output")
        << QStringLiteral("Resolved: top 0, bottom 0, left 0, right 0");
    // 10: out ⌈10/3⌉ = 4, 3·3 + 4 − 10 = 3 → 1 + 2; 12: out 4, 9 + 4 − 12 = 1 → 0 + 1. The
    // 4×4 matrix: out 2, 3 + 4 − 4 = 3 → 1 + 2 on both axes.
    QTest::newRow("10×12, 4×4/3 SAME")
        << 10 << 12 << 4 << 3 << int(PaddingMode::SameUpper) << false
        << QString::fromUtf8("Resolved for the 10×12 photo: top 1, bottom 2, left 0, right 1 → "
                             "4×4 output")
        << QStringLiteral("Resolved: top 1, bottom 2, left 1, right 2");
    // VALID: no padding, ⌊(321 − 3)/2⌋ + 1 = 160 and ⌊(481 − 3)/2⌋ + 1 = 240.
    QTest::newRow("lake, 3×3/2 VALID")
        << 321 << 481 << 3 << 2 << int(PaddingMode::Valid) << false
        << QString::fromUtf8("Resolved for the 321×481 photo: top 0, bottom 0, left 0, right 0 "
                             "→ 160×240 output")
        << QStringLiteral("Resolved: top 0, bottom 0, left 0, right 0");
}

void TestUi::photoTabResolvesPaddingForThePhoto()
{
    QFETCH(int, photoH);
    QFETCH(int, photoW);
    QFETCH(int, kernel);
    QFETCH(int, stride);
    QFETCH(int, padding);
    QFETCH(bool, linked);
    QFETCH(QString, resolved);
    QFETCH(QString, matrixResolved);
    auto w = openWindow();
    ParameterPanel *panel = w->parameterPanel();
    PhotoDocument *photo = w->photoDocument();
    // The matrix tab pools a 4×4 matrix; the photo tab's window document holds only a crop.
    w->document()->setInput(Tensor(1, 1, 4, 4), QStringLiteral("zeros"));
    QImage image(photoW, photoH, QImage::Format_RGB32);
    image.fill(Qt::gray);
    QVERIFY(photo->setImage(image, QStringLiteral("test photo")));
    w->workspaceTabs()->setCurrentWidget(w->photoWorkspace());
    photo->setLinked(linked);
    PoolParams p;
    p.kernel = {kernel, kernel};
    p.stride = Size2{stride, stride};
    p.paddingMode = PaddingMode(padding);
    photo->parametersDocument()->setParams(p, QStringLiteral("photo parameters"));
    QVERIFY(!panel->resolvedPaddingLabel()->isHidden());
    QCOMPARE(panel->resolvedPaddingLabel()->text(), resolved);
    // On the Matrix tab the line is the matrix's again: 4×4 with the same parameters.
    w->workspaceTabs()->setCurrentWidget(w->workspaceTabs()->widget(0));
    w->document()->setParams(p, QStringLiteral("matrix parameters"));
    QCOMPARE(panel->resolvedPaddingLabel()->text(), matrixResolved);
    // A new photo on the Photo tab: the line follows it. 7×9 with 3×3/3 SAME: out 3×3,
    // 2·3 + 3 − 7 = 2 → 1 + 1 and 2·3 + 3 − 9 = 0.
    w->workspaceTabs()->setCurrentWidget(w->photoWorkspace());
    p.kernel = {3, 3};
    p.stride = Size2{3, 3};
    p.paddingMode = PaddingMode::SameUpper;
    photo->parametersDocument()->setParams(p, QStringLiteral("3×3/3"));
    QVERIFY(photo->setImage(image.scaled(9, 7), QStringLiteral("small photo")));
    QCOMPARE(panel->resolvedPaddingLabel()->text(),
             QString::fromUtf8("Resolved for the 7×9 photo: top 1, bottom 1, left 0, right 0 → "
                               "3×3 output"));
}

void TestUi::undoRedoParameters()
{
    auto w = openWindow();
    ParameterPanel *panel = w->parameterPanel();
    QSpinBox *kernelH = panel->kernelEdit()->heightSpin();
    kernelH->setFocus();
    QTest::keyClick(kernelH, Qt::Key_Up);
    QCOMPARE(w->document()->params().kernel, (Size2{3, 3}));
    QCOMPARE(panel->kernelEdit()->widthSpin()->value(), 3);
    // Mode from the combo box.
    panel->modeCombo()->setFocus();
    QTest::keyClick(panel->modeCombo(), Qt::Key_Down);
    QCOMPARE(w->document()->params().mode, PoolMode::Avg);
    w->stage()->setFocus();
    QTest::keyClick(w->stage(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w->document()->params().mode, PoolMode::Max);
    QCOMPARE(panel->modeCombo()->currentText(), QStringLiteral("Max"));
    QTest::keyClick(w->stage(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(w->document()->params(), PoolParams{});
    QCOMPARE(kernelH->value(), 2);
    QTest::keyClick(w->stage(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(w->document()->params().kernel, (Size2{3, 3}));
    QCOMPARE(kernelH->value(), 3);
    QVERIFY(w->action(QStringLiteral("undo"))->isEnabled());
}

void TestUi::spinDragIsOneUndoStep()
{
    auto w = openWindow();
    QVERIFY(w->loadExample(QStringLiteral("seed003-mean"))); // 8×8
    QUndoStack *stack = w->document()->undoStack();
    const int before = stack->count();
    QSpinBox *dilation = w->parameterPanel()->dilationEdit()->heightSpin();
    dilation->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(dilation, Qt::Key_Up);
    QCOMPARE(w->document()->params().dilation, (Size2{4, 4}));
    QCOMPARE(stack->count(), before + 1);
    // Leaving the box ends the run: the next change is a step of its own.
    w->stage()->setFocus();
    dilation->setFocus();
    QTest::keyClick(dilation, Qt::Key_Down);
    QCOMPARE(stack->count(), before + 2);
    stack->undo();
    stack->undo();
    QCOMPARE(w->document()->params().dilation, (Size2{1, 1}));
    QCOMPARE(dilation->value(), 1);
}

void TestUi::linkedSides()
{
    auto w = openWindow();
    LinkedSizeEdit *kernel = w->parameterPanel()->kernelEdit();
    QVERIFY(kernel->isLinked());
    kernel->widthSpin()->setFocus();
    QTest::keyClick(kernel->widthSpin(), Qt::Key_Up);
    QCOMPARE(w->document()->params().kernel, (Size2{3, 3}));
    // Unlinked by the user: one side at a time, and it stays unlinked.
    QTest::mouseClick(kernel->linkButton(), Qt::LeftButton);
    QVERIFY(!kernel->isLinked());
    QTest::keyClick(kernel->widthSpin(), Qt::Key_Down);
    QCOMPARE(w->document()->params().kernel, (Size2{3, 2}));
    QVERIFY(!kernel->isLinked());
    // Relinking makes the width follow the height, as one more undo step.
    const int steps = w->document()->undoStack()->count();
    QTest::mouseClick(kernel->linkButton(), Qt::LeftButton);
    QVERIFY(kernel->isLinked());
    QCOMPARE(w->document()->params().kernel, (Size2{3, 3}));
    QCOMPARE(w->document()->undoStack()->count(), steps + 1);
    // Unequal sides from elsewhere (an example, undo) unlink; equal ones link again.
    PoolParams p = w->document()->params();
    p.kernel = {2, 4};
    w->document()->setParams(p, QStringLiteral("2×4"));
    QVERIFY(!kernel->isLinked());
    QCOMPARE(kernel->widthSpin()->value(), 4);
    w->document()->undoStack()->undo();
    QVERIFY(kernel->isLinked());
    QCOMPARE(w->document()->params().kernel, (Size2{3, 3}));
    // Padding: all four sides together until unlinked.
    QSpinBox *left = w->parameterPanel()->paddingSpin(2);
    left->setFocus();
    QTest::keyClick(left, Qt::Key_Up);
    QCOMPARE(w->document()->params().padding, (Padding{1, 1, 1, 1}));
    QTest::mouseClick(w->parameterPanel()->paddingLink(), Qt::LeftButton);
    QTest::keyClick(left, Qt::Key_Up);
    QCOMPARE(w->document()->params().padding, (Padding{1, 1, 2, 1}));
}

void TestUi::invalidKernelExplainsItself()
{
    auto w = openWindow();
    ParameterPanel *panel = w->parameterPanel();
    QSpinBox *kernelH = panel->kernelEdit()->heightSpin();
    kernelH->setFocus();
    kernelH->selectAll();
    QTest::keyClicks(kernelH, QStringLiteral("5"));
    QCOMPARE(w->document()->params().kernel, (Size2{5, 5}));
    const QString message = QString::fromStdString(w->document()->validation().errorText());
    QVERIFY(!message.isEmpty());
    QVERIFY2(message.contains(QStringLiteral("5")), qPrintable(message));
    QVERIFY(panel->errorLabel()->isVisible());
    QCOMPARE(panel->errorLabel()->text(), message);
    QCOMPARE(panel->outputLabel()->text(), QStringLiteral("4×4 input → no output"));
    QVERIFY(!w->stage()->renderer());
    QCOMPARE(w->stage()->accessibleDescription(), message);
    QVERIFY(!w->stage()->grab().isNull()); // paints the message, no crash
    QVERIFY(!w->action(QStringLiteral("playPause"))->isEnabled());
    QVERIFY(!w->action(QStringLiteral("exportStagePng"))->isEnabled());
    QVERIFY(!w->upstreamEditor()->tableView()->isEnabled());
    QCOMPARE(w->playbackBar()->stepLabel()->text(), QStringLiteral("No steps"));
    // Padding 1 makes it valid again: 4 + 2 − 5 + 1 = 2.
    QSpinBox *top = panel->paddingSpin(0);
    top->setFocus();
    QTest::keyClick(top, Qt::Key_Up);
    QCOMPARE(w->document()->params().padding, (Padding{1, 1, 1, 1}));
    QVERIFY(w->document()->trace());
    QVERIFY(!panel->errorLabel()->isVisible());
    QCOMPARE(w->document()->geometry().outH(), 1);
}

void TestUi::examplesMenuLoadsSeed001()
{
    auto w = openWindow();
    QAction *action = nullptr;
    // Grouped by idea: the example sits in the "Backward and unpooling" submenu.
    for (QMenu *group : w->examplesMenu()->findChildren<QMenu *>())
        for (QAction *a : group->actions())
            if (a->data().toString() == QLatin1String("max-positions")) {
                QCOMPARE(group->title(), QStringLiteral("Backward and unpooling"));
                action = a;
            }
    QVERIFY(action);
    action->trigger();
    const Example *ex = findExample("seed001-max"); // the old id still works
    QCOMPARE(ex, findExample("max-positions"));
    QCOMPARE(w->document()->phase(), Phase::Backward);
    QCOMPARE(w->document()->params(), ex->params);
    QVERIFY(identicalTensors(w->document()->input(), ex->input));
    QCOMPARE(w->parameterPanel()->kernelEdit()->heightSpin()->value(), 3);
    QCOMPARE(w->parameterPanel()->strideEdit()->heightSpin()->value(), 3);
    QCOMPARE(w->document()->trace()->result.values, matrix({{16, 17}, {14, 19}}));
    QVERIFY(w->windowTitle().contains(QString::fromStdString(ex->title)));
    QCOMPARE(w->inputEditor()->model()->rowCount(), 6);
}

void TestUi::unsavedEditsAsk()
{
    auto w = openWindow();
    QStringList asked;
    MainWindow::UnsavedChoice answer = MainWindow::UnsavedChoice::Cancel;
    w->setUnsavedPrompt([&](const QString &what) {
        asked << what;
        return answer;
    });
    // No edits: no question.
    QVERIFY(w->loadExample(QStringLiteral("seed002-max")));
    QVERIFY(asked.isEmpty());
    w->document()->setInputValue(0, 0, 99.0f);
    QVERIFY(!w->loadExample(QStringLiteral("seed001-max")));
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.first().contains(QStringLiteral("the gradient goes to each maximum")),
             qPrintable(asked.first()));
    QCOMPARE(w->document()->input().at(0, 0), 99.0f);
    // Closing asks too; Cancel keeps the window open.
    QVERIFY(!w->close());
    QCOMPARE(asked.size(), 2);
    answer = MainWindow::UnsavedChoice::Discard;
    QVERIFY(w->loadExample(QStringLiteral("seed001-max")));
    QCOMPARE(w->document()->params(), findExample("seed001-max")->params);
    // Save: writes the file, then goes on.
    QTemporaryDir dir;
    w->document()->setInputValue(0, 0, 5.0f);
    QVERIFY(w->saveMatrix(dir.filePath(QStringLiteral("mine.csv"))));
    QVERIFY(!w->document()->isInputModified());
    w->document()->setInputValue(0, 0, 6.0f);
    answer = MainWindow::UnsavedChoice::Save;
    QVERIFY(w->loadExample(QStringLiteral("seed002-max")));
    const IoResult<Tensor> saved = readCsv(dir.filePath(QStringLiteral("mine.csv")).toStdString());
    QVERIFY(saved.ok());
    QCOMPARE(saved.value->at(0, 0), 6.0f);
}

void TestUi::hatchedCellTooltip()
{
    auto w = openWindow();
    QVERIFY(w->inputEditor()->applyText(
        QStringLiteral("1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25")));
    StageWidget *stage = w->stage();
    const QString text = stage->describeCell({StageGrid::Input, 4, 4});
    QVERIFY2(
        text.startsWith(QStringLiteral("No window covers row 4, column 4: the stride 2 skips it")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("ceil mode")));
    const QString covered = stage->describeCell({StageGrid::Input, 1, 1});
    QVERIFY2(covered.contains(QStringLiteral("= 7")) && covered.contains(QStringLiteral("(0, 0)")),
             qPrintable(covered));
    const QString output = stage->describeCell({StageGrid::Output, 1, 1});
    QVERIFY2(output.contains(QStringLiteral("= 19")), qPrintable(output));
    // The tooltip of the point where the renderer draws that cell is the same text.
    const StageRenderer *renderer = stage->renderer();
    QVERIFY(renderer);
    bool found = false;
    for (int y = 0; y < stage->height() && !found; y += 4)
        for (int x = 0; x < stage->width() && !found; x += 4) {
            const auto cell = renderer->hitTest(QPointF(x, y), stage->stageRect());
            if (cell && *cell == StageCell{StageGrid::Input, 4, 4}) {
                QCOMPARE(stage->toolTipAt(QPoint(x, y)), text);
                found = true;
            }
        }
    QVERIFY(found);
}

void TestUi::playPlaysToTheEnd()
{
    auto w = openWindow();
    w->player()->setSpeed(4.0);
    QCOMPARE(w->player()->stepInterval(), 250);
    QTest::keyClick(w->stage(), Qt::Key_End);
    w->stage()->setFocus();
    QTest::keyClick(w->stage(), Qt::Key_Space);
    QVERIFY(w->player()->isPlaying());
    QCOMPARE(w->action(QStringLiteral("playPause"))->text(), QStringLiteral("&Pause"));
    QCOMPARE(w->document()->step(), 0); // from the end, play starts again at the first step
    QTRY_COMPARE_WITH_TIMEOUT(w->document()->step(), 3, 5000);
    QTRY_VERIFY(!w->player()->isPlaying());
    QCOMPARE(w->action(QStringLiteral("playPause"))->text(), QStringLiteral("&Play"));
}

void TestUi::exportStageAndMatrices()
{
    auto w = openWindow();
    QTemporaryDir dir;
    QVERIFY(w->exportStage(dir.filePath(QStringLiteral("stage.png"))));
    const QImage png(dir.filePath(QStringLiteral("stage.png")));
    QVERIFY(!png.isNull());
    const StageRenderer renderer(*w->document()->trace());
    QCOMPARE(png.size(), renderer.preferredSize() * 2);
    QVERIFY(w->exportStage(dir.filePath(QStringLiteral("stage.svg"))));
    QFile svg(dir.filePath(QStringLiteral("stage.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
    QVERIFY(w->exportStage(dir.filePath(QStringLiteral("stage.pdf"))));
    QFile pdf(dir.filePath(QStringLiteral("stage.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QVERIFY(w->exportOutput(dir.filePath(QStringLiteral("out.csv"))));
    const IoResult<Tensor> out = readCsv(dir.filePath(QStringLiteral("out.csv")).toStdString());
    QVERIFY(out.ok());
    QCOMPARE(*out.value, matrix({{6, 8}, {14, 16}}));
    QVERIFY(w->exportOutput(dir.filePath(QStringLiteral("out.npy"))));
    const IoResult<NpyArray> npy = readNpy(dir.filePath(QStringLiteral("out.npy")).toStdString());
    QVERIFY(npy.ok());
    QCOMPARE(npy.value->tensor, matrix({{6, 8}, {14, 16}}));
    // The input gradient exists backward only.
    QVERIFY(!w->exportInputGradient(dir.filePath(QStringLiteral("grad.csv"))));
    w->action(QStringLiteral("backwardPhase"))->trigger();
    QVERIFY(w->exportInputGradient(dir.filePath(QStringLiteral("grad.csv"))));
    const IoResult<Tensor> grad = readCsv(dir.filePath(QStringLiteral("grad.csv")).toStdString());
    QVERIFY(grad.ok());
    QCOMPARE(*grad.value, matrix({{0, 0, 0, 0}, {0, 1, 0, 1}, {0, 0, 0, 0}, {0, 1, 0, 1}}));
    QVERIFY(w->exportAnimation(dir.filePath(QStringLiteral("anim.gif"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("anim.gif"))));
}

void TestUi::exportFailureIsReported()
{
    auto w = openWindow();
    QVERIFY(!w->exportStage(QStringLiteral("/nonexistent-folder/stage.png")));
    QVERIFY2(w->lastMessage().startsWith(QStringLiteral("Could not export “stage.png”")),
             qPrintable(w->lastMessage()));
    QVERIFY(!QFile::exists(QStringLiteral("/nonexistent-folder/stage.png")));
    QVERIFY(!w->exportStage(QStringLiteral("/tmp/stage.bmpx")));
    QVERIFY(w->lastMessage().contains(QStringLiteral(".png, .svg or .pdf")));
    QVERIFY(!w->openFile(QStringLiteral("/nonexistent-folder/m.csv")));
    QVERIFY2(w->lastMessage().startsWith(QStringLiteral("Cannot open “m.csv”")),
             qPrintable(w->lastMessage()));
    QCOMPARE(w->document()->input().h(), 4);
}

void TestUi::randomAndClear()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    editor->randomLowSpin()->setValue(0);
    editor->randomHighSpin()->setValue(9);
    editor->seedSpin()->setValue(7);
    QTest::mouseClick(editor->randomButton(), Qt::LeftButton);
    QCOMPARE(w->document()->input(), randomIntegers(4, 4, 0, 9, 7));
    QVERIFY(!w->document()->isInputModified());
    QTest::mouseClick(editor->clearButton(), Qt::LeftButton);
    QCOMPARE(w->document()->input(), Tensor::matrix(4, 4, 0.0f));
    // Size spin boxes add and remove rows and columns, keeping the values.
    w->document()->undoStack()->undo();
    QSpinBox *rows = editor->rowsSpin();
    rows->setFocus();
    QTest::keyClick(rows, Qt::Key_Up);
    QCOMPARE(w->document()->input().h(), 5);
    QCOMPARE(w->document()->input().at(3, 3), randomIntegers(4, 4, 0, 9, 7).at(3, 3));
    QCOMPARE(w->document()->input().at(4, 0), 0.0f);
    // The upstream gradient: random, then ones.
    MatrixEditor *grad = w->upstreamEditor();
    grad->seedSpin()->setValue(3);
    QTest::mouseClick(grad->randomButton(), Qt::LeftButton);
    QCOMPARE(w->document()->upstreamPlane(), randomIntegers(2, 2, grad->randomLowSpin()->value(),
                                                            grad->randomHighSpin()->value(), 3));
    QTest::mouseClick(grad->clearButton(), Qt::LeftButton);
    QCOMPARE(w->document()->upstreamPlane(), Tensor::matrix(2, 2, 1.0f));
}

void TestUi::settingsRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("poolviz.ini"));
    PoolParams chosen;
    {
        Settings settings(path);
        auto w = openWindow(&settings);
        QVERIFY(w->loadExample(QStringLiteral("padding-ceil")));
        w->action(QStringLiteral("backwardPhase"))->trigger();
        w->action(QStringLiteral("faster"))->trigger();
        w->action(QStringLiteral("reducedMotion"))->trigger();
        w->resize(1300, 900);
        chosen = w->document()->params();
        // The Photo tab's own 9×9 avg comes back too, unlinked.
        PoolParams photo;
        photo.mode = PoolMode::Avg;
        photo.kernel = {9, 9};
        w->photoDocument()->windowDocument()->setParams(photo, QStringLiteral("photo"));
        QVERIFY(w->close());
    }
    Settings settings(path);
    QCOMPARE(settings.params(), std::optional<PoolParams>(chosen));
    MainWindow w(&settings);
    w.restoreSession();
    w.restoreWindowLayout();
    QCOMPARE(w.document()->params(), chosen);
    QVERIFY(identicalTensors(w.document()->input(), findExample("padding-ceil")->input));
    QCOMPARE(w.document()->phase(), Phase::Backward);
    QCOMPARE(w.player()->speed(), 1.5);
    QVERIFY(w.action(QStringLiteral("reducedMotion"))->isChecked());
    QVERIFY(!w.stage()->smoothMotion());
    QCOMPARE(w.size(), QSize(1300, 900));
    QCOMPARE(w.document()->undoStack()->count(), 0);
    QCOMPARE(w.photoDocument()->paramsA().kernel, (Size2{9, 9}));
    QCOMPARE(w.photoDocument()->paramsA().mode, PoolMode::Avg);
    QVERIFY(!w.photoDocument()->linked());
    QCOMPARE(w.photoDocument()->windowDocument()->undoStack()->count(), 0);
}

void TestUi::filesRouteByExtension()
{
    auto w = openWindow<DropTarget>();
    QTemporaryDir dir;
    // A matrix file goes to the matrix tab.
    const Tensor m = matrix({{3, 1, 4}, {1, 5, 9}, {2, 6, 5}});
    QVERIFY(writeNpy(dir.filePath(QStringLiteral("m.npy")).toStdString(), m).empty());
    QVERIFY(writeCsv(dir.filePath(QStringLiteral("m.csv")).toStdString(), m).empty());
    QVERIFY(w->openFile(dir.filePath(QStringLiteral("m.npy"))));
    QCOMPARE(w->document()->input(), m);
    QCOMPARE(w->document()->inputDescription(), QStringLiteral("m.npy"));
    QCOMPARE(w->workspaceTabs()->currentIndex(), 0);
    QCOMPARE(w->lastMessage(), QStringLiteral("Opened m.npy (3×3)."));
    // int32 values float32 cannot hold exactly open with the reader's warning in the status bar.
    const QString ints = dir.filePath(QStringLiteral("ints.npy"));
    QFile intFile(ints);
    QVERIFY(intFile.open(QIODevice::WriteOnly));
    intFile.write(test::npyFile("<i4", "(1, 2)", test::intBytes({7, 16777217}, 4)));
    intFile.close();
    QVERIFY(w->openFile(ints));
    QCOMPARE(w->document()->input(), matrix({{7, 16777216}}));
    QCOMPARE(w->lastMessage(),
             QStringLiteral("Opened ints.npy (1×2). Warning: \"%1\": int32 value 16777217 at index "
                            "[0, 1] is read as 16777216: 32-bit floats hold whole numbers exactly "
                            "only up to 2^24 = 16777216 (1 value of 2 changed)")
                 .arg(ints));
    QVERIFY(w->openFile(dir.filePath(QStringLiteral("m.npy"))));
    // An image goes to the photo tab; the matrix stays.
    PhotoWorkspace *photo = w->photoWorkspace();
    QVERIFY(photo);
    const QStringList samples = PhotoDocument::samplePhotos();
    QVERIFY(!samples.isEmpty());
    QVERIFY(w->openFile(samples.first()));
    QCOMPARE(w->workspaceTabs()->currentWidget(), photo);
    QVERIFY(photo->document()->hasInput());
    QCOMPARE(w->document()->input(), m);
    QVERIFY(!w->action(QStringLiteral("stepForward"))->isEnabled()); // the stage rests meanwhile
    QVERIFY(!w->parameterPanel()->outputLabel()->isVisible());
    // A crop sent from the photo becomes the matrix, shown in the matrix tab.
    QVERIFY(photo->document()->sendCropToMatrix());
    QCOMPARE(w->workspaceTabs()->currentIndex(), 0);
    QVERIFY(w->document()->input().h() <= 16 && w->document()->input().h() > 1);
    QVERIFY(!w->document()->isInputModified());
    w->document()->undoStack()->undo();
    QCOMPARE(w->document()->input(), m);
    // Dropping a CSV file on the window opens it.
    DropTarget *target = w.get();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("m.csv")))});
    w->document()->setInput(matrix({{1}}), QStringLiteral("one"));
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    target->dragEnterEvent(&enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    target->dropEvent(&drop);
    QCOMPARE(w->document()->input(), m);
    QCOMPARE(w->document()->inputDescription(), QStringLiteral("m.csv"));
    // Anything else is refused with a message.
    QFile other(dir.filePath(QStringLiteral("notes.docx")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    QVERIFY(!w->openFile(other.fileName()));
    QVERIFY2(w->lastMessage().contains(QStringLiteral(".csv, .txt, .npy")),
             qPrintable(w->lastMessage()));
}

void TestUi::screenshotWritesPng_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QSize>("size");
    QTest::newRow("forward") << QStringList{QStringLiteral("--preset"),
                                            QStringLiteral("seed000-stride1"),
                                            QStringLiteral("--step"), QStringLiteral("3")}
                             << QSize(1600, 1000);
    QTest::newRow("backward sized")
        << QStringList{QStringLiteral("--preset"), QStringLiteral("seed001-max"),
                       QStringLiteral("--phase"),  QStringLiteral("backward"),
                       QStringLiteral("--size"),   QStringLiteral("1280x800")}
        << QSize(1280, 800);
    QTest::newRow("matrix and options")
        << QStringList{QStringLiteral("--matrix"), QStringLiteral("1 2 3; 4 5 6; 7 8 9"),
                       QStringLiteral("--kernel"), QStringLiteral("2"),
                       QStringLiteral("--stride"), QStringLiteral("1"),
                       QStringLiteral("--mode"),   QStringLiteral("avg")}
        << QSize(1600, 1000);
    QTest::newRow("presenter at 1280×720")
        << QStringList{QStringLiteral("--preset"), QStringLiteral("padding-ceil"),
                       QStringLiteral("--presenter"), QStringLiteral("--size"),
                       QStringLiteral("1280x720")}
        << QSize(1280, 720);
    QTest::newRow("invalid kernel still renders")
        << QStringList{QStringLiteral("--matrix"), QStringLiteral("1 2; 3 4"),
                       QStringLiteral("--kernel"), QStringLiteral("3")}
        << QSize(1600, 1000);
}

void TestUi::screenshotWritesPng()
{
    QFETCH(QStringList, args);
    QFETCH(QSize, size);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("shot.png"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // poolviz must choose offscreen itself
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(POOLVIZ_BINARY),
                  args + QStringList{QStringLiteral("--screenshot"), out});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QImage image(out);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), size);
}

void TestUi::badArgumentsExit2_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("kernel 0") << QStringList{QStringLiteral("--kernel"), QStringLiteral("0")}
                              << QStringLiteral("--kernel");
    QTest::newRow("phase") << QStringList{QStringLiteral("--phase"), QStringLiteral("sideways")}
                           << QStringLiteral("sideways");
    QTest::newRow("preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("nope")}
                            << QStringLiteral("nope");
    QTest::newRow("matrix") << QStringList{QStringLiteral("--matrix"), QStringLiteral("1 2; 3")}
                            << QStringLiteral("--matrix");
    QTest::newRow("step") << QStringList{QStringLiteral("--preset"), QStringLiteral("seed002-max"),
                                         QStringLiteral("--step"), QStringLiteral("9")}
                          << QStringLiteral("4 steps");
    QTest::newRow("panel") << QStringList{QStringLiteral("--panel"), QStringLiteral("teapot")}
                           << QStringLiteral("\"teapot\": use frameworks, code, lesson, predict or "
                                             "stride");
    QTest::newRow("unknown") << QStringList{QStringLiteral("--frobnicate")}
                             << QStringLiteral("frobnicate");
    QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent/m.csv")}
                                  << QStringLiteral("no such file");
}

void TestUi::badArgumentsExit2()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("shot.png"));
    QProcess process;
    process.start(QStringLiteral(POOLVIZ_BINARY),
                  args + QStringList{QStringLiteral("--screenshot"), out});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    QVERIFY2(err.startsWith(QStringLiteral("poolviz: ")) && err.contains(message), qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 0);
    QVERIFY(!QFile::exists(out));
}

void TestUi::tabOrderFollowsTheRows_data()
{
    // Tab walks the wrapped rows as they read, left to right and down, whatever groups hold them.
    QTest::addColumn<QString>("container");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("playback bar")
        << QStringLiteral("playbackBar")
        << QStringList{QStringLiteral("scrubSlider"),  QStringLiteral("speedCombo"),
                       QStringLiteral("forwardPhase"), QStringLiteral("backwardPhase"),
                       QStringLiteral("firstStep"),    QStringLiteral("stepBack"),
                       QStringLiteral("playPause"),    QStringLiteral("stepForward"),
                       QStringLiteral("lastStep"),     QStringLiteral("reducedMotion")};
    QTest::newRow("input editor")
        << QStringLiteral("inputEditor")
        << QStringList{QStringLiteral("rowsSpin"),   QStringLiteral("columnsSpin"),
                       QStringLiteral("addChannel"), QStringLiteral("clearValues"),
                       QStringLiteral("inputTable"), QStringLiteral("randomInput"),
                       QStringLiteral("randomLow"),  QStringLiteral("randomHigh"),
                       QStringLiteral("seedSpin"),   QStringLiteral("inputPaste"),
                       QStringLiteral("applyPaste")};
}

// The matrix editor yields to the stage when the window narrows, but an editor the user collapsed
// (dragged shut) must not reopen at its minimum width when the window is resized.
void TestUi::collapsedEditorStaysShut()
{
    auto w = openWindow();
    w->resize(1600, 900);
    QSplitter *splitter = nullptr;
    for (QSplitter *s : w->findChildren<QSplitter *>())
        if (s->count() == 2 && s->widget(0)->objectName() == QLatin1String("editorPane"))
            splitter = s;
    QVERIFY(splitter);
    QTRY_VERIFY(splitter->sizes().constFirst() > 0);
    const int total = splitter->sizes().constFirst() + splitter->sizes().constLast();
    splitter->setSizes({0, total});
    QCOMPARE(splitter->sizes().constFirst(), 0);
    w->resize(1280, 720);
    QTest::qWait(50);
    QCOMPARE(splitter->sizes().constFirst(), 0);
    w->resize(1500, 800);
    QTest::qWait(50);
    QCOMPARE(splitter->sizes().constFirst(), 0);
}

void TestUi::tabOrderFollowsTheRows()
{
    QFETCH(QString, container);
    QFETCH(QStringList, expected);
    auto w = openWindow();
    QWidget *root = w->findChild<QWidget *>(container);
    QVERIFY(root);
    const auto name = [](const QWidget *widget) {
        if (const auto *button = qobject_cast<const QToolButton *>(widget);
            button && button->defaultAction())
            return button->defaultAction()->objectName();
        return widget->objectName();
    };
    QStringList order;
    const QWidget *widget = root;
    do {
        widget = widget->nextInFocusChain();
        if (root->isAncestorOf(widget) && widget->isVisible() &&
            (widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy())
            order << name(widget);
    } while (widget != root);
    QCOMPARE(order.join(u' '), expected.join(u' '));
}

void TestUi::wrapLayoutWraps_data()
{
    // Three groups 100×20 (the first expanding when asked, its minimum then 50), spacing 10, no
    // margins: where each lands, worked by hand.
    QTest::addColumn<int>("width");
    QTest::addColumn<bool>("packed");
    QTest::addColumn<bool>("breakAfterFirst");
    QTest::addColumn<bool>("expandFirst");
    QTest::addColumn<QList<QRect>>("expected");
    QTest::addColumn<int>("height"); // heightForWidth(width)
    // 100 + 10 + 100 + 10 + 100 = 320 fits 400; the 80 px spare go between: gaps of 50.
    QTest::newRow("one line, spread")
        << 400 << false << false << false
        << QList<QRect>{{0, 0, 100, 20}, {150, 0, 100, 20}, {300, 0, 100, 20}} << 20;
    QTest::newRow("one line, packed")
        << 400 << true << false << false
        << QList<QRect>{{0, 0, 100, 20}, {110, 0, 100, 20}, {220, 0, 100, 20}} << 20;
    // 250: two fit (210, gap 10 + 40), the third wraps to y = 20 + 10.
    QTest::newRow("wraps the third")
        << 250 << false << false << false
        << QList<QRect>{{0, 0, 100, 20}, {150, 0, 100, 20}, {0, 30, 100, 20}} << 50;
    QTest::newRow("a line each") << 100 << false << false << false
                                 << QList<QRect>{{0, 0, 100, 20},
                                                 {0, 30, 100, 20},
                                                 {0, 60, 100, 20}}
                                 << 80;
    QTest::newRow("break after the first")
        << 400 << false << true << false
        << QList<QRect>{{0, 0, 100, 20}, {0, 30, 100, 20}, {300, 30, 100, 20}} << 50;
    // The expanding group (no size hint of its own: it asks for its minimum, 50) takes the
    // spare: 400 − 10 − 100 − 10 − 100 = 180.
    QTest::newRow("expanding first")
        << 400 << false << false << true
        << QList<QRect>{{0, 0, 180, 20}, {190, 0, 100, 20}, {300, 0, 100, 20}} << 20;
}

void TestUi::wrapLayoutWraps()
{
    QFETCH(int, width);
    QFETCH(bool, packed);
    QFETCH(bool, breakAfterFirst);
    QFETCH(bool, expandFirst);
    QFETCH(QList<QRect>, expected);
    QFETCH(int, height);
    QWidget host;
    auto *layout = new WrapLayout(&host);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->setPacked(packed);
    QList<QWidget *> groups;
    for (int i = 0; i < 3; ++i) {
        auto *group = new QWidget(&host);
        if (i == 0 && expandFirst) {
            group->setMinimumSize(50, 20);
            group->setMaximumHeight(20);
            group->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        } else {
            group->setFixedSize(100, 20);
        }
        layout->addWidget(group);
        if (i == 0 && breakAfterFirst)
            layout->addBreak();
        groups << group;
    }
    QCOMPARE(layout->heightForWidth(width), height);
    QCOMPARE(layout->minimumSize().width(), 100);
    layout->setGeometry(QRect(0, 0, width, height));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(groups[i]->geometry(), expected[i]);
}

void TestUi::wrapLayoutHintFollowsTheBreaks_data()
{
    // Three 100 px groups, spacing 10. "hidden" and "breaks" give, per group, whether it is
    // hidden and whether a break was added before it. The hint is as wide as the widest line
    // that only breaks end, and laid out at that width the layout has just those lines.
    QTest::addColumn<QList<bool>>("hidden");
    QTest::addColumn<QList<bool>>("breaks");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("lines");
    QTest::newRow("no break") << QList<bool>{false, false, false}
                              << QList<bool>{false, false, false} << 320 << 1;
    QTest::newRow("break before the second")
        << QList<bool>{false, false, false} << QList<bool>{false, true, false} << 210 << 2;
    // The break before the hidden second group still starts the third on a line of its own
    // (as arrange() has it), so the hint is one group wide, not two.
    QTest::newRow("break before a hidden group")
        << QList<bool>{false, true, false} << QList<bool>{false, true, false} << 100 << 2;
    QTest::newRow("break before a hidden last group")
        << QList<bool>{false, false, true} << QList<bool>{false, false, true} << 210 << 1;
    QTest::newRow("hidden group, no break")
        << QList<bool>{false, true, false} << QList<bool>{false, false, false} << 210 << 1;
}

void TestUi::wrapLayoutHintFollowsTheBreaks()
{
    QFETCH(QList<bool>, hidden);
    QFETCH(QList<bool>, breaks);
    QFETCH(int, width);
    QFETCH(int, lines);
    QWidget host;
    auto *layout = new WrapLayout(&host);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    for (int i = 0; i < 3; ++i) {
        auto *group = new QWidget(&host);
        group->setFixedSize(100, 20);
        group->setHidden(hidden[i]);
        if (breaks[i])
            layout->addBreak();
        layout->addWidget(group);
    }
    const QSize hint = layout->sizeHint();
    QCOMPARE(hint.width(), width);
    QCOMPARE(hint.height(), lines * 20 + (lines - 1) * 10);
    layout->setGeometry(QRect(QPoint(0, 0), hint));
    QCOMPARE(layout->lineCount(), lines);
}

void TestUi::photoTitleBreaksBetweenParts_data()
{
    QTest::addColumn<int>("parts"); // how many of the title's parts the first line holds
    QTest::addColumn<QStringList>("expected");
    const QString title = QStringLiteral("A · max 2×2, stride 2×2, padding 0 · 112×112");
    QTest::newRow("wide enough") << 3 << QStringList{title};
    QTest::newRow("the size wraps")
        << 2
        << QStringList{QStringLiteral("A · max 2×2, stride 2×2, padding 0"),
                       QStringLiteral("· 112×112")};
    QTest::newRow("a part a line")
        << 1
        << QStringList{QStringLiteral("A"), QStringLiteral("· max 2×2, stride 2×2, padding 0"),
                       QStringLiteral("· 112×112")};
}

void TestUi::photoTitleBreaksBetweenParts()
{
    QFETCH(int, parts);
    QFETCH(QStringList, expected);
    const QString title = QStringLiteral("A · max 2×2, stride 2×2, padding 0 · 112×112");
    const QFontMetricsF metrics(QApplication::font());
    // Just the width of the first `parts` parts: one pixel less would break them too.
    const QString first = title.section(QStringLiteral(" · "), 0, parts - 1);
    const QStringList lines =
        PhotoView::titleLines(title, metrics, metrics.horizontalAdvance(first));
    QCOMPARE(lines, expected);
}

QTEST_MAIN(TestUi)
#include "tst_ui.moc"

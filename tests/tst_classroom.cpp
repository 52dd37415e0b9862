// Classroom readiness of the window as a teacher drives it: presenter mode, fitting the screen,
// panels that fold before numbers shrink, clicker keys, focus back to the stage, examples grouped
// by idea, New Random, honest titles, inline errors, channel names and the photo crop, every
// channel in view and the Code panel's share of the height. (The stage's numbers and marks are
// tested in tst_stagenumbers.) Over 600 lines: its tests share the window helpers and the
// projector's rows (size × language × panel) that make them comparable.

#include "examples.h"
#include "frameworkspanel.h"
#include "language.h"
#include "mainwindow.h"
#include "matrixeditor.h"
#include "matrixio.h"
#include "parameterpanel.h"
#include "photocamera.h" // photoview.h holds a QPointer<PhotoCamera>
#include "photodocument.h"
#include "photoutil.h"
#include "photoview.h"
#include "photoworkspace.h"
#include "planeselector.h"
#include "playbackbar.h"
#include "pooldocument.h"
#include "settings.h"
#include "stagerenderer.h"
#include "stagewidget.h"
#include "strideexplorer.h"
#include "traceplayer.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <memory>

using namespace poolviz;

namespace {

std::unique_ptr<MainWindow> openWindow()
{
    auto w = std::make_unique<MainWindow>();
    w->setUnsavedPrompt([](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    w->show();
    w->activateWindow();
    if (!QTest::qWaitForWindowActive(w.get()))
        qWarning("window did not become active");
    return w;
}

/// What a teacher at the projector would see wrong in `w`: a scroll area that scrolls sideways,
/// a button of `containers` outside the window, cut by its parents or overlapping another, or a
/// line edit too narrow for its hint. Empty when all is well.
QStringList layoutProblems(const QWidget *w, const QList<const QWidget *> &containers)
{
    QStringList problems;
    for (const QScrollArea *scroll : w->findChildren<QScrollArea *>())
        if (scroll->isVisible() && scroll->horizontalScrollBar()->isVisible())
            problems << QStringLiteral("%1 scrolls sideways (%2 px wide, needs %3)")
                            .arg(scroll->objectName().isEmpty()
                                     ? QString::fromLatin1(
                                           scroll->parentWidget()->metaObject()->className())
                                     : scroll->objectName())
                            .arg(scroll->viewport()->width())
                            .arg(scroll->widget()->minimumSizeHint().width());
    const auto name = [](const QWidget *widget) {
        const auto *button = qobject_cast<const QAbstractButton *>(widget);
        const QString text = button ? button->text() : QString();
        return text.isEmpty() ? widget->objectName() + widget->accessibleName() : text;
    };
    for (const QWidget *container : containers) {
        QList<QPair<const QWidget *, QRect>> placed;
        for (const QAbstractButton *button : container->findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || qobject_cast<const QWidget *>(button->parent()) == nullptr)
                continue;
            // Tab bars' scroll arrows and spin boxes' parts are not buttons of their own here.
            if (button->parentWidget()->inherits("QTabBar"))
                continue;
            const QRect inWindow(button->mapTo(w, QPoint(0, 0)), button->size());
            if (!w->rect().contains(inWindow))
                problems << QStringLiteral("%1 lies outside the window").arg(name(button));
            else if (button->visibleRegion().boundingRect() != button->rect())
                problems << QStringLiteral("%1 is cut: %2 px of %3 visible")
                                .arg(name(button))
                                .arg(button->visibleRegion().boundingRect().width())
                                .arg(button->width());
            for (const auto &[other, rect] : std::as_const(placed))
                if (rect.intersects(inWindow))
                    problems << QStringLiteral("%1 overlaps %2").arg(name(button), name(other));
            placed.append({button, inWindow});
        }
    }
    for (const QLineEdit *edit : w->findChildren<QLineEdit *>()) {
        if (!edit->isVisible() || edit->placeholderText().isEmpty() || !edit->text().isEmpty())
            continue;
        const int needs = edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 12;
        if (edit->width() < needs)
            problems << QStringLiteral("the hint \"%1\" is cut (%2 px of %3)")
                            .arg(edit->placeholderText())
                            .arg(edit->width())
                            .arg(needs);
    }
    return problems;
}

/// The --panel names, and none.
QStringList panelNames()
{
    return {QString(),
            QStringLiteral("frameworks"),
            QStringLiteral("code"),
            QStringLiteral("lesson"),
            QStringLiteral("predict"),
            QStringLiteral("stride")};
}

} // namespace

class TestClassroom : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensWithinTheScreen_data();
    void opensWithinTheScreen();
    void presenterMode();
    void panelsFoldBeforeNumbersShrink();
    void clickerKeysStep();
    void focusReturnsToStage();
    void examplesGroupedByIdea();
    void newRandomAdvancesSeed();
    void titleAfterPaste();
    void openErrorInBanner();
    void pasteErrorNamesTheRow();
    void stageTitleNamesTheChannel();
    void photoClickPlacesCrop();
    void newPhotoRetitlesAtOnce();
    void helpShowsNoInternalTags();
    void reducedMotionFollowsDesktop();
    void dockFitsTheProjector_data();
    void dockFitsTheProjector();
    void germanFrameworksKeepNumbersWhole();
    void fitsTheProjector_data();
    void fitsTheProjector();
    void everyChannelInView_data();
    void everyChannelInView();
    void codePanelLeavesTheStageRoom_data();
    void codePanelLeavesTheStageRoom();
    void strideTilesReadable_data();
    void strideTilesReadable();
};

void TestClassroom::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestClassroom::opensWithinTheScreen_data()
{
    QTest::addColumn<QSize>("available");
    QTest::addColumn<QSize>("expected");
    QTest::newRow("1920×1080") << QSize(1920, 1040) << QSize(1600, 984);
    QTest::newRow("1280×720 projector") << QSize(1280, 690) << QSize(1256, 634);
    QTest::newRow("2× on 1920×1080") << QSize(960, 510) << QSize(936, 454);
}

void TestClassroom::opensWithinTheScreen()
{
    QFETCH(QSize, available);
    QFETCH(QSize, expected);
    QCOMPARE(MainWindow::fittingSize(available), expected);
    QVERIFY(MainWindow::fittingSize(available).width() <= available.width());
    // The window may be made that small: its minimum width is at most 1024 logical px, and it
    // honours --size 960x540.
    auto w = openWindow();
    QVERIFY2(w->minimumSizeHint().width() <= 960,
             qPrintable(QString::number(w->minimumSizeHint().width())));
    QVERIFY(w->minimumWidth() <= 1024);
    w->resize(960, 540);
    QTRY_COMPARE(w->size(), QSize(960, 540));
    QVERIFY(w->playbackBar()->geometry().bottom() < 540);
}

void TestClassroom::presenterMode()
{
    auto w = openWindow();
    auto *dock = w->findChild<QDockWidget *>(QStringLiteral("parametersDock"));
    QVERIFY(dock && dock->isVisible());
    QVERIFY(!w->action(QStringLiteral("leaveFullScreen"))->isEnabled());
    // F11 is full screen where the platform has no key of its own: never an empty shortcut.
    QVERIFY(!w->action(QStringLiteral("fullScreen"))->shortcut().isEmpty());
    QTest::keyClick(w.get(), Qt::Key_F5);
    QVERIFY(w->isPresenting());
    QTRY_VERIFY(w->isFullScreen());
    QVERIFY(!dock->isVisible());
    QVERIFY(!w->inputEditor()->isVisible());
    QVERIFY(!w->menuBar()->isVisible());
    QVERIFY(!w->statusBar()->isVisible());
    QVERIFY(!w->playbackBar()->isVisible());
    QVERIFY(w->stage()->legendShown());
    QVERIFY(w->action(QStringLiteral("leaveFullScreen"))->isEnabled());
    QTRY_VERIFY(w->stage()->hasFocus());
    QTest::keyClick(w->stage(), Qt::Key_Escape);
    QVERIFY(!w->isPresenting());
    QTRY_VERIFY(!w->isFullScreen());
    QVERIFY(dock->isVisible());
    QVERIFY(w->inputEditor()->isVisible());
    QVERIFY(w->menuBar()->isVisible());
    QVERIFY(w->playbackBar()->isVisible());
    QVERIFY(!w->stage()->legendShown());
    QVERIFY(!w->action(QStringLiteral("presenter"))->isChecked());
}

void TestClassroom::panelsFoldBeforeNumbersShrink()
{
    // Mean 2×2 on the 8×8 matrix, backward, at 1280×720: with the panels, 0.25 and 37.75 would
    // lose digits; the panels fold first and every number is exact.
    auto w = openWindow();
    QVERIFY(w->loadExample(QStringLiteral("mean-8x8")));
    w->action(QStringLiteral("backwardPhase"))->trigger();
    w->resize(1280, 720);
    QTRY_COMPARE(w->size(), QSize(1280, 720));
    QVERIFY(w->stage()->numbersCramped());
    w->fitPanelsToNumbers();
    QTRY_VERIFY(!w->upstreamEditor()->isVisible()); // backward: the gradient's editor
    QVERIFY(!w->action(QStringLiteral("showPanels"))->isChecked());
    QTRY_VERIFY(!w->stage()->numbersCramped());
    const QRectF target = w->stage()->stageRect();
    QCOMPARE(w->stage()->renderer()->numberText(StageGrid::InputGradient, 0.25, target,
                                                w->stage()->view()),
             QStringLiteral("0.25"));
    // A window wide enough for panels and exact numbers brings them back.
    w->resize(1920, 1080);
    QTRY_COMPARE(w->size(), QSize(1920, 1080));
    w->fitPanelsToNumbers();
    QTRY_VERIFY(w->upstreamEditor()->isVisible());
    QTRY_VERIFY(!w->stage()->numbersCramped());
    w->fitPanelsToNumbers();
    QVERIFY(w->action(QStringLiteral("showPanels"))->isChecked());
}

void TestClassroom::clickerKeysStep()
{
    auto w = openWindow();
    QVERIFY(w->loadExample(QStringLiteral("stride-1")));
    w->stage()->setFocus();
    const int start = w->document()->step();
    QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(w->document()->step(), start + 1);
    QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(w->document()->step(), start + 2);
    QTest::keyClick(w->stage(), Qt::Key_PageUp);
    QCOMPARE(w->document()->step(), start + 1);
}

void TestClassroom::focusReturnsToStage()
{
    auto w = openWindow();
    // "Use Matrix" in the paste box.
    MatrixEditor *editor = w->inputEditor();
    editor->pasteEdit()->setFocus();
    editor->pasteEdit()->setPlainText(QStringLiteral("1 2 3; 4 5 6; 7 8 9"));
    QTRY_VERIFY(editor->applyPasteButton()->isEnabled());
    QTest::mouseClick(editor->applyPasteButton(), Qt::LeftButton);
    QCOMPARE(w->document()->input().h(), 3);
    QTRY_VERIFY(w->stage()->hasFocus());
    // Enter in a parameter's spin box.
    QSpinBox *kernel = w->parameterPanel()->kernelEdit()->heightSpin();
    kernel->setFocus();
    QVERIFY(kernel->hasFocus());
    kernel->selectAll();
    QTest::keyClicks(kernel, QStringLiteral("1"));
    QTest::keyClick(kernel, Qt::Key_Return);
    QCOMPARE(w->document()->params().kernel.h, 1); // 9 windows of 1×1
    QTRY_VERIFY(w->stage()->hasFocus());
    // Space plays from the stage again.
    QTest::keyClick(w->stage(), Qt::Key_Space);
    QVERIFY(w->player()->isPlaying());
    w->player()->pause();
}

void TestClassroom::examplesGroupedByIdea()
{
    auto w = openWindow();
    const QList<QAction *> top = w->examplesMenu()->actions();
    QStringList groups;
    for (QAction *a : top)
        if (a->menu())
            groups << a->menu()->title();
    QCOMPARE(groups,
             (QStringList{"Stride", "Padding and SAME", "Ceil mode", "Dilation", "Max vs Average",
                          "Backward and unpooling", "Adaptive and global"}));
    int count = 0;
    for (QAction *g : top)
        for (QAction *a : g->menu()->actions()) {
            ++count;
            QVERIFY2(!a->text().contains(QStringLiteral("seed"), Qt::CaseInsensitive),
                     qPrintable(a->text()));
            QVERIFY2(!a->toolTip().contains(QStringLiteral("seed"), Qt::CaseInsensitive),
                     qPrintable(a->toolTip()));
        }
    QCOMPARE(count, int(examples().size()));
    for (const Example &e : examples()) {
        QVERIFY(!QString::fromStdString(e.id).contains(QStringLiteral("seed")));
        for (const std::string &alias : e.aliases)
            QCOMPARE(findExample(alias), &e);
    }
    // The title says what is shown, without internal tags.
    QVERIFY(w->loadExample(QStringLiteral("seed000-stride2")));
    QCOMPARE(w->windowTitle(),
             QStringLiteral("Example: Max 2×2, stride 2: 4 pools, no overlap[*] — PoolViz"));
}

void TestClassroom::newRandomAdvancesSeed()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    editor->seedSpin()->setValue(100);
    QUndoStack *stack = w->document()->undoStack();
    const int before = stack->count();
    QTest::mouseClick(editor->randomButton(), Qt::LeftButton);
    const Tensor first = w->document()->input();
    QCOMPARE(editor->seedSpin()->value(), 101);
    QTest::mouseClick(editor->randomButton(), Qt::LeftButton);
    const Tensor second = w->document()->input();
    QCOMPARE(editor->seedSpin()->value(), 102);
    QVERIFY(!identicalTensors(first, second));
    QCOMPARE(stack->count(), before + 2); // two steps, neither empty
    QCOMPARE(first, randomIntegers(4, 4, editor->randomLowSpin()->value(),
                                   editor->randomHighSpin()->value(), 100));
    QVERIFY(w->windowTitle().contains(QStringLiteral("seed 101")));
}

void TestClassroom::titleAfterPaste()
{
    auto w = openWindow();
    QVERIFY(w->inputEditor()->applyText(QStringLiteral("1 2 3 4\n5 6 7 8\n9 10 11 12\n0 0 0 0")));
    QCOMPARE(w->windowTitle(), QStringLiteral("4×4 pasted matrix[*] — PoolViz"));
    QVERIFY(w->isWindowModified());
}

void TestClassroom::openErrorInBanner()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("1,2,3\n4,five,6\n");
    f.close();
    auto w = openWindow();
    const Tensor before = w->document()->input();
    QVERIFY(!w->openFile(path));
    const QString banner = w->bannerText();
    QVERIFY2(banner.contains(QStringLiteral("broken.csv")) &&
                 banner.contains(QStringLiteral("line 2")) &&
                 banner.contains(QStringLiteral("five")),
             qPrintable(banner));
    QVERIFY(identicalTensors(w->document()->input(), before));
    // A file that opens clears it.
    const QString good = dir.filePath(QStringLiteral("good.csv"));
    QFile g(good);
    QVERIFY(g.open(QIODevice::WriteOnly));
    g.write("1,2\n3,4\n");
    g.close();
    QVERIFY(w->openFile(good));
    QVERIFY(w->bannerText().isEmpty());
}

void TestClassroom::pasteErrorNamesTheRow()
{
    auto w = openWindow();
    MatrixEditor *editor = w->inputEditor();
    QVERIFY(!editor->applyText(QStringLiteral("1 2 3\n4 5\n7 8 9")));
    const QString status = editor->findChild<QLabel *>(QStringLiteral("pasteStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("row 2")), qPrintable(status));
}

void TestClassroom::stageTitleNamesTheChannel()
{
    auto w = openWindow();
    Tensor rgb(1, 3, 2, 2, 1.0f, 3);
    w->document()->setInput(rgb, QStringLiteral("three channels"));
    w->document()->setPlane(2);
    QCOMPARE(w->stage()->view().planeName, QStringLiteral("channel 2"));
    QVERIFY(w->document()->caption().contains(QStringLiteral("(channel 2)")) ||
            w->document()->step() < 0);
}

void TestClassroom::photoClickPlacesCrop()
{
    auto w = openWindow();
    PhotoWorkspace *photo = w->photoWorkspace();
    QVERIFY(photo);
    w->workspaceTabs()->setCurrentWidget(photo);
    QImage image(64, 48, QImage::Format_Grayscale8);
    for (int r = 0; r < 48; ++r)
        for (int c = 0; c < 64; ++c)
            image.scanLine(r)[c] = uchar((r * 5 + c * 3) % 256);
    QVERIFY(photo->document()->setImage(image, QStringLiteral("ramp")));
    // The tooltips name the crop in use, not a fixed 16×16.
    photo->document()->setCropSize(6);
    auto *button = photo->findChild<QPushButton *>(QStringLiteral("photoWindowButton"));
    QVERIFY(button);
    QVERIFY2(button->toolTip().contains(QStringLiteral("6×6")), qPrintable(button->toolTip()));
    // A click on pixel (row 20, column 40) of the picture places the crop there.
    PhotoView *view = photo->originalView();
    QTRY_VERIFY(view->pixelAt(view->toWidget(QPointF(40.5, 20.5))).has_value());
    const QPoint at = view->toWidget(QPointF(40.5, 20.5)).toPoint();
    QCOMPARE(view->pixelAt(QPointF(at)), std::optional<QPoint>(QPoint(40, 20)));
    QTest::mouseClick(view, Qt::LeftButton, {}, at);
    const QRect crop = photo->document()->windowCrop();
    QCOMPARE(crop.size(), QSize(6, 6));
    QVERIFY2(crop.contains(QPoint(40, 20)), qPrintable(QStringLiteral("%1,%2 %3×%4")
                                                           .arg(crop.x())
                                                           .arg(crop.y())
                                                           .arg(crop.width())
                                                           .arg(crop.height())));
}

void TestClassroom::newPhotoRetitlesAtOnce()
{
    auto w = openWindow();
    PhotoWorkspace *photo = w->photoWorkspace();
    QVERIFY(photo);
    w->workspaceTabs()->setCurrentWidget(photo);
    QImage first(32, 32, QImage::Format_Grayscale8);
    first.fill(100);
    QVERIFY(photo->document()->setImage(first, QStringLiteral("first.png")));
    auto *pooled = photo->findChild<PhotoView *>(QStringLiteral("photoPooledView"));
    QVERIFY(pooled);
    QTRY_VERIFY(pooled->hasContent());
    QVERIFY(!pooled->title().contains(QStringLiteral("second")));
    QImage second(48, 40, QImage::Format_Grayscale8);
    second.fill(30);
    QVERIFY(photo->document()->setImage(second, QStringLiteral("second.png")));
    // As soon as the new photo starts pooling, nothing names or shows the previous result.
    QVERIFY(!pooled->hasContent());
    QVERIFY2(pooled->title().contains(QStringLiteral("second.png")), qPrintable(pooled->title()));
    QTRY_VERIFY(pooled->hasContent());
}

void TestClassroom::helpShowsNoInternalTags()
{
    QProcess process;
    process.start(QStringLiteral(POOLVIZ_BINARY), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY(help.contains(QStringLiteral("stride-1")));
    QVERIFY(help.contains(QStringLiteral("--presenter")));
    QVERIFY2(!help.contains(QStringLiteral("seed"), Qt::CaseInsensitive), qPrintable(help));
}

void TestClassroom::reducedMotionFollowsDesktop()
{
    // Until the user chooses, reduced motion follows the desktop where it says so: a KDE
    // desktop with Qt's UI effects off asks for it. A saved choice wins.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("poolviz.ini"));
    qputenv("XDG_CURRENT_DESKTOP", "KDE");
    QApplication::setEffectEnabled(Qt::UI_General, false);
    {
        Settings settings(path);
        MainWindow w(&settings);
        w.restoreSession();
        QAction *reduced = w.action(QStringLiteral("reducedMotion"));
        QCOMPARE(reduced->text(), QStringLiteral("&Reduced Motion"));
        QVERIFY(reduced->isChecked());
        QVERIFY(!w.stage()->smoothMotion());
    }
    QApplication::setEffectEnabled(Qt::UI_General, true);
    {
        Settings settings(path);
        MainWindow w(&settings);
        w.restoreSession();
        QVERIFY(!w.action(QStringLiteral("reducedMotion"))->isChecked());
        QVERIFY(w.stage()->smoothMotion());
        settings.setSmoothMotion(false); // the user's choice
    }
    {
        Settings settings(path);
        MainWindow w(&settings);
        w.restoreSession();
        QVERIFY(w.action(QStringLiteral("reducedMotion"))->isChecked());
    }
    qunsetenv("XDG_CURRENT_DESKTOP");
}

void TestClassroom::dockFitsTheProjector_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dockName");
    // German words are long: at 1280×720 with the Lesson dock open the window still fits the
    // projector (the dock's buttons two to a row, its note label wrapping; three to a row made
    // the window 1294 px wide), and the parameter panel shows its controls whole. The Predict
    // dock likewise, in both languages.
    QTest::newRow("lesson, German") << QStringLiteral("de") << QStringLiteral("lessonDock");
    QTest::newRow("predict, English") << QStringLiteral("en") << QStringLiteral("predictDock");
    QTest::newRow("predict, German") << QStringLiteral("de") << QStringLiteral("predictDock");
}

void TestClassroom::dockFitsTheProjector()
{
    QFETCH(QString, language);
    QFETCH(QString, dockName);
    QCOMPARE(installTranslations(language), language);
    {
        auto w = openWindow();
        auto *dock = w->findChild<QDockWidget *>(dockName);
        QVERIFY(dock);
        dock->show();
        w->resize(1280, 720);
        QTRY_COMPARE(w->size(), QSize(1280, 720));
        QVERIFY2(w->minimumSizeHint().width() <= 1280,
                 qPrintable(QString::number(w->minimumSizeHint().width())));
        QVERIFY(dock->isVisible());
        const auto *scroll = qobject_cast<QScrollArea *>(
            w->findChild<QDockWidget *>(QStringLiteral("parametersDock"))->widget());
        QVERIFY(scroll && scroll->isVisible());
        QTRY_VERIFY2(scroll->widget()->minimumSizeHint().width() <= scroll->viewport()->width(),
                     qPrintable(QStringLiteral("panel needs %1 px, has %2; %3 is %4 px wide")
                                    .arg(scroll->widget()->minimumSizeHint().width())
                                    .arg(scroll->viewport()->width())
                                    .arg(dockName)
                                    .arg(dock->width())));
    }
    installTranslations(QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

void TestClassroom::germanFrameworksKeepNumbersWhole()
{
    // Average 2×2, stride 1 on 1…16, backward, with the Frameworks panel at 1280×720 in German:
    // the dock asks only for the height of its table (a fixed 300 px left the input gradient's
    // 0,25 a few pixels high), and the stage's numbers stay exact and comfortable.
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    {
        auto w = openWindow();
        QVERIFY(w->loadExample(QStringLiteral("overlap-avg")));
        w->action(QStringLiteral("backwardPhase"))->trigger();
        w->document()->setStep(2);
        w->resize(1280, 720);
        QTRY_COMPARE(w->size(), QSize(1280, 720));
        auto *dock = w->findChild<QDockWidget *>(QStringLiteral("frameworksDock"));
        QVERIFY(dock);
        dock->show();
        QTRY_VERIFY(dock->isVisible());
        w->fitPanelsToNumbers();
        QTRY_VERIFY(!w->stage()->numbersCramped());
        QVERIFY2(dock->height() <= 720 * 2 / 5, qPrintable(QString::number(dock->height())));
        // Every row of the table is on screen: nothing to scroll to.
        const auto *panel = qobject_cast<FrameworksPanel *>(dock->widget());
        QVERIFY(panel);
        QCOMPARE(panel->table()->verticalScrollBar()->maximum(), 0);
        const QRectF target = w->stage()->stageRect();
        QCOMPARE(w->stage()->renderer()->numberText(StageGrid::InputGradient, 0.25, target,
                                                    w->stage()->view()),
                 QStringLiteral("0,25"));
    }
    installTranslations(QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

void TestClassroom::fitsTheProjector_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<bool>("photo");
    // At 1280×720 (the usual projector), in English and German, with each side panel or none,
    // on both tabs: nothing scrolls sideways, every button is whole and reachable, and the stage
    // keeps room for numbers a class can read. (Parameters 345 px + editor 345 + a stage column
    // whose playback bar asked for 468 + Predict 200 made the editor scroll and cut "+ Channel".)
    for (const QString language : {QStringLiteral("en"), QStringLiteral("de")})
        for (const bool photo : {false, true})
            for (const QString &panel : panelNames())
                QTest::addRow("%s, %s, %s", photo ? "photo" : "matrix",
                              panel.isEmpty() ? "no panel" : qPrintable(panel),
                              qPrintable(language))
                    << language << panel << photo;
}

void TestClassroom::fitsTheProjector()
{
    QFETCH(QString, language);
    QFETCH(QString, panel);
    QFETCH(bool, photo);
    QCOMPARE(installTranslations(language), language);
    {
        // As on the projector: the window opens at its size, then the teacher picks the tab and
        // opens the panel.
        auto w = openWindow();
        w->resize(1280, 720);
        QTRY_COMPARE(w->size(), QSize(1280, 720));
        QVERIFY(w->loadExample(QStringLiteral("stride-1")));
        w->document()->setStep(2);
        QList<const QWidget *> containers;
        if (photo) {
            PhotoWorkspace *workspace = w->photoWorkspace();
            w->workspaceTabs()->setCurrentWidget(workspace);
            // A colour photo the size of the bundled cat, so the captions are as long.
            QImage image(224, 224, QImage::Format_RGB32);
            for (int r = 0; r < image.height(); ++r)
                for (int c = 0; c < image.width(); ++c)
                    image.setPixel(c, r, qRgb(r, c, (r * c) % 256));
            QVERIFY(workspace->document()->setImage(image, QStringLiteral("cat-224.jpg")));
            QVERIFY(phototest::settle(*workspace->document()));
            containers << workspace;
        } else {
            containers << w->inputEditor() << w->playbackBar();
        }
        if (!panel.isEmpty()) {
            auto *dock = w->findChild<QDockWidget *>(panel + QStringLiteral("Dock"));
            QVERIFY(dock);
            dock->show();
            QTRY_VERIFY(dock->isVisible());
            containers << dock;
        }
        QCOMPARE(w->size(), QSize(1280, 720));
        QVERIFY2(w->minimumSizeHint().width() <= 1280,
                 qPrintable(QString::number(w->minimumSizeHint().width())));
        QTRY_VERIFY2(layoutProblems(w.get(), containers).isEmpty(),
                     qPrintable(layoutProblems(w.get(), containers).join(QStringLiteral("; "))));
        if (!photo) {
            // The stage keeps most of the window: its 4×4 input and 3×3 output stay readable.
            const QSize stage = w->stage()->size();
            QVERIFY2(
                stage.width() >= 400 && stage.height() >= 260,
                qPrintable(QStringLiteral("stage %1×%2").arg(stage.width()).arg(stage.height())));
            QVERIFY(!w->stage()->numbersCramped());
        }
    }
    installTranslations(QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

void TestClassroom::everyChannelInView_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("panel");
    // At 1280×720 with each panel (or none), in English and German, the teacher adds channels
    // with "+ Channel" up to four: every channel's button stays whole in the editor, named in
    // full for tooltips and screen readers, with no scrolling to reach one (the tab bar showed
    // scroll arrows from three channels on with a side panel open).
    for (const QString language : {QStringLiteral("en"), QStringLiteral("de")})
        for (const QString &panel : panelNames())
            QTest::addRow("%s, %s", panel.isEmpty() ? "no panel" : qPrintable(panel),
                          qPrintable(language))
                << language << panel;
}

void TestClassroom::everyChannelInView()
{
    QFETCH(QString, language);
    QFETCH(QString, panel);
    QCOMPARE(installTranslations(language), language);
    {
        auto w = openWindow();
        w->resize(1280, 720);
        QTRY_COMPARE(w->size(), QSize(1280, 720));
        QVERIFY(w->loadExample(QStringLiteral("stride-1")));
        if (!panel.isEmpty()) {
            auto *dock = w->findChild<QDockWidget *>(panel + QStringLiteral("Dock"));
            QVERIFY(dock);
            dock->show();
            QTRY_VERIFY(dock->isVisible());
        }
        MatrixEditor *editor = w->inputEditor();
        PlaneSelector *selector = editor->planeSelector();
        auto *add = editor->findChild<QToolButton *>(QStringLiteral("addChannel"));
        QVERIFY(selector && add);
        QVERIFY(!selector->isVisible()); // one channel: nothing to choose
        const QString name = language == QStringLiteral("de") ? QStringLiteral("Kanal %1")
                                                              : QStringLiteral("Channel %1");
        for (int channels = 2; channels <= 4; ++channels) {
            QTest::mouseClick(add, Qt::LeftButton);
            QCOMPARE(w->document()->planeCount(), channels);
            QCOMPARE(w->document()->plane(), channels - 1); // the new channel is shown
            QTRY_VERIFY(selector->isVisible());
            QCOMPARE(selector->count(), channels);
            QCOMPARE(selector->current(), channels - 1);
            QTRY_VERIFY2(layoutProblems(w.get(), {editor}).isEmpty(),
                         qPrintable(layoutProblems(w.get(), {editor}).join(QStringLiteral("; "))));
            for (int c = 0; c < channels; ++c) {
                QAbstractButton *button = selector->button(c);
                QVERIFY(button && button->isVisible());
                QCOMPARE(button->text(), QString::number(c));
                QCOMPARE(button->accessibleName(), name.arg(c));
                QCOMPARE(button->isChecked(), c == channels - 1);
                // Whole, and inside the editor (not cut off at its right edge).
                QCOMPARE(button->visibleRegion().boundingRect(), button->rect());
                const QRect inEditor(button->mapTo(editor, QPoint(0, 0)), button->size());
                QVERIFY2(editor->rect().contains(inEditor),
                         qPrintable(QStringLiteral("%1 at %2,%3 in an editor %4 px wide")
                                        .arg(name.arg(c))
                                        .arg(inEditor.x())
                                        .arg(inEditor.y())
                                        .arg(editor->width())));
            }
        }
    }
    installTranslations(QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

void TestClassroom::codePanelLeavesTheStageRoom_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    // The Code panel scrolls, so it takes at most a quarter of the window's height and the stage
    // keeps the most (its text edit's default size gave it 251 px of 720, the stage 327); its
    // controls stay whole and at least four lines of the script stay in view.
    for (const QString language : {QStringLiteral("en"), QStringLiteral("de")})
        for (const QSize size : {QSize(1280, 720), QSize(1600, 1000)})
            QTest::addRow("%s, %dx%d", qPrintable(language), size.width(), size.height())
                << language << size;
}

void TestClassroom::codePanelLeavesTheStageRoom()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QCOMPARE(installTranslations(language), language);
    {
        auto w = openWindow();
        w->resize(size);
        QTRY_COMPARE(w->size(), size);
        QVERIFY(w->loadExample(QStringLiteral("stride-1")));
        auto *dock = w->findChild<QDockWidget *>(QStringLiteral("codeDock"));
        QVERIFY(dock);
        dock->show();
        QTRY_VERIFY(dock->isVisible());
        const auto report = [&] {
            return QStringLiteral("code dock %1 px, stage %2 px of %3")
                .arg(dock->height())
                .arg(w->stage()->height())
                .arg(w->height());
        };
        QTRY_VERIFY2(dock->height() <= size.height() / 4, qPrintable(report()));
        QVERIFY2(w->stage()->height() * 100 >= size.height() * 50, qPrintable(report()));
        QVERIFY(!w->stage()->numbersCramped());
        QTRY_VERIFY2(layoutProblems(w.get(), {dock}).isEmpty(),
                     qPrintable(layoutProblems(w.get(), {dock}).join(QStringLiteral("; "))));
        const auto *text = dock->findChild<QPlainTextEdit *>(QStringLiteral("codeText"));
        QVERIFY(text && !text->toPlainText().isEmpty());
        const int lines = text->viewport()->height() / text->fontMetrics().lineSpacing();
        QVERIFY2(lines >= 4, qPrintable(QStringLiteral("%1 lines in view").arg(lines)));
    }
    installTranslations(QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

void TestClassroom::strideTilesReadable_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("example");
    QTest::addColumn<int>("tiles");
    QTest::addColumn<bool>("stageNumbers");
    // The Stride Explorer opened at the projector: every tile shows its coverage map and output
    // in cells of 18 px or more, labels and grids apart, all inside the dock, and the stage
    // keeps room for its own numbers. (Its tiles were 90 px high with 6 px cells, "windows per
    // cell" cut to "v" under "output".) stride-1: 4×4 input, kernel 2, strides 1 to 3;
    // same-max: 5×5 input, kernel 3, strides 1 to 4. Its stage, 7×7 with the SAME padding and
    // three caption lines, does not keep whole numbers above four tiles in 720 px: there the
    // stage still has 260 px but may shrink its digits (and the window folds its panels).
    for (const QSize size : {QSize(1280, 720), QSize(1600, 1000)})
        for (const QString language : {QStringLiteral("en"), QStringLiteral("de")})
            for (const auto &[example, tiles] : {std::pair{QStringLiteral("stride-1"), 3},
                                                 std::pair{QStringLiteral("same-max"), 4}})
                QTest::addRow("%d×%d, %s, %s", size.width(), size.height(), qPrintable(language),
                              qPrintable(example))
                    << size << language << example << tiles
                    << (size.height() >= 1000 || example == QStringLiteral("stride-1"));
}

void TestClassroom::strideTilesReadable()
{
    QFETCH(QSize, size);
    QFETCH(QString, language);
    QFETCH(QString, example);
    QFETCH(int, tiles);
    QFETCH(bool, stageNumbers);
    QCOMPARE(installTranslations(language), language);
    {
        auto w = openWindow();
        w->resize(size);
        QTRY_COMPARE(w->size(), size);
        QVERIFY(w->loadExample(example));
        auto *dock = w->findChild<QDockWidget *>(QStringLiteral("strideDock"));
        auto *explorer = w->findChild<StrideExplorer *>();
        QVERIFY(dock && explorer);
        dock->show();
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(w->size(), size);
        QCOMPARE(int(explorer->tiles().size()), tiles);
        QWidget *view = explorer->tileView();
        const QRect visible(view->mapTo(dock, view->visibleRegion().boundingRect().topLeft()),
                            view->visibleRegion().boundingRect().size());
        QVERIFY2(dock->rect().contains(visible), "the tiles spill out of the dock");
        QList<QRect> placed;
        for (int i = 0; i < tiles; ++i) {
            const VariantTile &tile = explorer->tiles()[std::size_t(i)];
            const QRect rect = explorer->tileRect(i);
            const QString what = VariantTilePainter::title(tile, explorer->axis());
            // Whole, in view without scrolling, and beside (not on) the other tiles.
            QVERIFY2(view->visibleRegion().boundingRect().contains(rect),
                     qPrintable(QStringLiteral("%1 at %2,%3 %4×%5 is cut")
                                    .arg(what)
                                    .arg(rect.x())
                                    .arg(rect.y())
                                    .arg(rect.width())
                                    .arg(rect.height())));
            for (const QRect &other : std::as_const(placed))
                QVERIFY2(!other.intersects(rect), qPrintable(what + QStringLiteral(" overlaps")));
            placed << rect;
            // Tall enough for its grids' rows at 18 px a cell, a line of labels above them
            // (13 px type at least) and the frame's margins.
            const int rows = std::max(tile.variant.coverage.rows, int(tile.pooled.h()));
            QVERIFY2(rect.height() >= rows * 18 + 30,
                     qPrintable(QStringLiteral("%1: %2 px high for %3 rows")
                                    .arg(what)
                                    .arg(rect.height())
                                    .arg(rows)));
            const auto layout = VariantTilePainter::matrixLayout(rect, tile, explorer->axis());
            QVERIFY2(layout.cell >= 18,
                     qPrintable(QStringLiteral("%1: cells of %2 px").arg(what).arg(layout.cell)));
            // Each grid is its input's (or output's) size in cells, inside the tile.
            QCOMPARE(layout.coverage.size(), QSizeF(tile.variant.coverage.cols * layout.cell,
                                                    tile.variant.coverage.rows * layout.cell));
            QCOMPARE(layout.output.size(),
                     QSizeF(tile.pooled.w() * layout.cell, tile.pooled.h() * layout.cell));
            const QRectF inside = QRectF(rect).adjusted(-0.5, -0.5, 0.5, 0.5);
            const QList<QPair<QString, QRectF>> parts{
                {QStringLiteral("title"), layout.header},
                {QStringLiteral("map label"), layout.coverageLabel},
                {QStringLiteral("output label"), layout.outputLabel},
                {QStringLiteral("map"), layout.coverage},
                {QStringLiteral("output"), layout.output}};
            for (int a = 0; a < parts.size(); ++a) {
                QVERIFY2(inside.contains(parts[a].second),
                         qPrintable(what + QStringLiteral(": ") + parts[a].first + " leaves it"));
                for (int b = a + 1; b < parts.size(); ++b)
                    QVERIFY2(!parts[a].second.intersects(parts[b].second),
                             qPrintable(QStringLiteral("%1: %2 overlaps %3")
                                            .arg(what, parts[a].first, parts[b].first)));
            }
        }
        // The stage keeps its numbers readable beside the open dock.
        const QSize stage = w->stage()->size();
        QVERIFY2(stage.height() >= 260,
                 qPrintable(QStringLiteral("stage %1×%2").arg(stage.width()).arg(stage.height())));
        if (stageNumbers)
            QVERIFY(!w->stage()->numbersCramped());
    }
    installTranslations(QStringLiteral("en"));
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestClassroom)
#include "tst_classroom.moc"

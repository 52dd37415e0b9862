// Photo scenes of a lesson through the window, offscreen: the Photo tab's state (the photo by
// relative path or embedded, the channel choice, the tab's own parameters, the sliding window's
// crop, channel, phase and step, the note) captured, saved, opened in another window and given
// back exactly; Page Down through a photo scene in presenter mode; and a lesson whose photo is
// missing, which names the file and shows the scene's saved crop on the Matrix tab. The photo is
// the bundled stripes test pattern (448×384, gray): in its bottom band (rows 384–447) the right
// third (columns 256–383) is 2 dark and 2 light pixels, x mod 4 < 2 being 0, else 255.

#include "datadir.h"
#include "lessoncontroller.h"
#include "lessondocument.h"
#include "lessonfile.h"
#include "mainwindow.h"
#include "photodocument.h"
#include "photoworkspace.h"
#include "pooldocument.h"
#include "scenelistdock.h"
#include "stagewidget.h"
#include "testutil.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QStandardPaths>
#include <QTabWidget>
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
    w->lessons()->setUnsavedPrompt(
        [](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    w->resize(1400, 900);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        qWarning("window was not exposed");
    return w;
}

/// Row `row` of plane `plane` of `t`, as "0 0 255 255 …".
QString rowText(const Tensor &t, int plane, int row)
{
    const int c = std::max(1, t.c());
    QStringList cells;
    for (int col = 0; col < t.w(); ++col)
        cells << QString::number(t.at(plane / c, plane % c, row, col));
    return cells.join(QLatin1Char(' '));
}

} // namespace

class TestPhotoScenes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void photoSceneRoundTrip();
    void embeddedPhotoRoundTrip();
    void pageDownThroughAPhotoScene();
    void missingPhotoShowsTheSavedCrop();
    void embeddingAPhotoScene();
    void closedWindowScene();

private:
    QTemporaryDir m_dir;
    QString m_stripes; ///< the stripes pattern copied to m_dir/photos/
};

void TestPhotoScenes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("photos")));
    m_stripes = m_dir.filePath(QStringLiteral("photos/stripes.png"));
    QVERIFY(QFile::copy(dataPath(QStringLiteral("photos/test-pattern-stripes.png")), m_stripes));
}

void TestPhotoScenes::photoSceneRoundTrip()
{
    auto w = openWindow();
    PhotoDocument *photo = w->photoDocument();
    photo->setChannelMode(ChannelMode::Grayscale);
    QVERIFY2(photo->openImage(m_stripes), qPrintable(photo->message()));
    w->workspaceTabs()->setCurrentWidget(w->photoWorkspace());
    PoolDocument *window = photo->windowDocument();
    window->setParams(test::params(PoolMode::Max, 2, 3), QStringLiteral("k2 s3"));
    QVERIFY(w->photoWorkspace()->showSlidingWindow(QRect(256, 390, 8, 8)));
    window->setPhase(Phase::Backward);
    window->setStep(4); // after step 5 of 9: ⌊(8 − 2)/3⌋ + 1 = 3 outputs a side
    QCOMPARE(window->stepCount(), 9);

    const Scene s = w->lessons()->captureScene(QStringLiteral("Aliasing"));
    QCOMPARE(s.tab, SceneTab::Photo);
    QCOMPARE(s.photo.path, m_stripes);
    QVERIFY(s.photo.png.isEmpty());
    QCOMPARE(s.photo.crop, QRect(256, 390, 8, 8));
    QCOMPARE(s.photo.channels, ChannelMode::Grayscale);
    QCOMPARE(s.params, test::params(PoolMode::Max, 2, 3));
    QCOMPARE(s.phase, Phase::Backward);
    QCOMPARE(s.step, 5);
    QCOMPARE(rowText(s.input, 0, 0), QStringLiteral("0 0 255 255 0 0 255 255"));

    LessonDocument *lesson = w->lessons()->document();
    Scene noted = s;
    noted.note = QStringLiteral("Stride 3 skips every third column.");
    lesson->addScene(noted);
    const QString path = m_dir.filePath(QStringLiteral("aliasing.poolviz"));
    QVERIFY(w->lessons()->saveAs(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject stored = QJsonDocument::fromJson(file.readAll())
                                   .object()[QStringLiteral("scenes")]
                                   .toArray()[0]
                                   .toObject()[QStringLiteral("photo")]
                                   .toObject();
    QCOMPARE(stored[QStringLiteral("path")].toString(), QStringLiteral("photos/stripes.png"));
    QCOMPARE(stored[QStringLiteral("crop")].toArray(), (QJsonArray{256, 390, 8, 8}));
    QCOMPARE(stored[QStringLiteral("channels")].toString(), QStringLiteral("gray"));

    // Another window, on the Matrix tab with its own photo choice, opens the lesson.
    auto v = openWindow();
    const Tensor matrixBefore = v->document()->input();
    const PoolParams matrixParams = v->document()->params();
    QVERIFY(v->lessons()->openLesson(path));
    QCOMPARE(v->bannerText(), QString());
    PhotoDocument *restored = v->photoDocument();
    QCOMPARE(v->workspaceTabs()->currentWidget(), v->photoWorkspace());
    QCOMPARE(restored->inputPath(), m_stripes);
    QCOMPARE(restored->channelMode(), ChannelMode::Grayscale);
    QCOMPARE(restored->input().h(), 448);
    QCOMPARE(restored->input().w(), 384);
    QCOMPARE(restored->windowCrop(), QRect(256, 390, 8, 8));
    QCOMPARE(restored->windowChannel(), 0);
    QVERIFY(!restored->linked());
    QCOMPARE(restored->paramsA(), test::params(PoolMode::Max, 2, 3));
    PoolDocument *rw = restored->windowDocument();
    QCOMPARE(rw->phase(), Phase::Backward);
    QCOMPARE(rw->step(), 4);
    QCOMPARE(rowText(rw->input(), 0, 0), QStringLiteral("0 0 255 255 0 0 255 255"));
    // Step 5 is output (1, 1): rows 3–4, columns 3–4 of the crop, photo columns 259 (255) and
    // 260 (0); its max is the first 255 in row-major order, (3, 3), index 3·8 + 3 = 27, and the
    // gradient 1 goes there.
    const Step &five = rw->trace()->steps[4];
    QCOMPARE(five.outRow, 1);
    QCOMPARE(five.outCol, 1);
    QCOMPARE(five.output, 255.0f);
    QCOMPARE(five.argmax, std::int64_t(27));
    QVERIFY(v->photoWorkspace()->stage()->isVisible());
    QVERIFY(v->lessons()->noteLabel()->isVisible());
    QCOMPARE(v->lessons()->noteLabel()->accessibleDescription(), noted.note);
    // The matrix tab was left alone.
    QVERIFY(v->document()->input().data() == matrixBefore.data());
    QCOMPARE(v->document()->params(), matrixParams);

    // Captured again, the window gives back the very scene it was given.
    Scene again = v->lessons()->captureScene(QStringLiteral("Aliasing"));
    again.note = noted.note;
    QVERIFY(again == v->lessons()->document()->scene(0));
}

void TestPhotoScenes::embeddedPhotoRoundTrip()
{
    auto w = openWindow();
    PhotoDocument *photo = w->photoDocument();
    QImage pasted(5, 4, QImage::Format_RGB32);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 5; ++x)
            pasted.setPixelColor(x, y, QColor(10 * x + y, 100 + x, 200 - 10 * y));
    QVERIFY(photo->setImage(pasted, QStringLiteral("Pasted image")));
    w->workspaceTabs()->setCurrentWidget(w->photoWorkspace());
    photo->windowDocument()->setParams(test::params(PoolMode::Max, 2, 1), QStringLiteral("k2 s1"));
    photo->setWindowChannel(2); // B
    QVERIFY(w->photoWorkspace()->showSlidingWindow(QRect(1, 1, 4, 3)));
    const Scene s = w->lessons()->captureScene(QStringLiteral("Pasted"));
    QVERIFY(s.photo.path.isEmpty());
    QVERIFY(!s.photo.png.isEmpty());
    QCOMPARE(s.plane, 2);
    w->lessons()->document()->addScene(s);
    const QString path = m_dir.filePath(QStringLiteral("embedded.poolviz"));
    QVERIFY(w->lessons()->saveAs(path));

    auto v = openWindow();
    QVERIFY(v->lessons()->openLesson(path));
    PhotoDocument *restored = v->photoDocument();
    QCOMPARE(restored->channelNames(), (QStringList{"R", "G", "B"}));
    QCOMPARE(restored->windowChannel(), 2);
    QCOMPARE(restored->windowCrop(), QRect(1, 1, 4, 3));
    QCOMPARE(restored->cropSize(), 4); // the crop control shows the scene's crop
    // Channel B of row 1 (y = 1), columns 1–4: 200 − 10·1 = 190 each; channel R: 10x + 1.
    const Tensor &crop = restored->windowDocument()->input();
    QCOMPARE(rowText(crop, 2, 0), QStringLiteral("190 190 190 190"));
    QCOMPARE(rowText(crop, 0, 0), QStringLiteral("11 21 31 41"));
    QCOMPARE(restored->windowDocument()->params(), test::params(PoolMode::Max, 2, 1));
}

void TestPhotoScenes::pageDownThroughAPhotoScene()
{
    // A photo scene of 9 steps, then a matrix scene: in presenter mode Page Down walks the
    // sliding window and, after its last step, goes on to the matrix scene.
    Scene photoScene;
    photoScene.title = QStringLiteral("Stripes");
    photoScene.tab = SceneTab::Photo;
    photoScene.photo.path = m_stripes;
    photoScene.photo.crop = QRect(256, 390, 8, 8);
    photoScene.params = test::params(PoolMode::Max, 2, 3);
    photoScene.input = Tensor(1, 1, 8, 8, 0.0f, 4);
    photoScene.step = 8;
    Scene matrixScene;
    matrixScene.title = QStringLiteral("Matrix");
    matrixScene.input =
        Tensor::fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
    matrixScene.params = test::params(PoolMode::Max, 2, 2);
    const QString path = m_dir.filePath(QStringLiteral("twotabs.poolviz"));
    QCOMPARE(LessonFile::write({QStringLiteral("Two tabs"), {photoScene, matrixScene}}, path),
             QString());

    auto w = openWindow();
    QVERIFY(w->lessons()->openLesson(path));
    w->setPresenting(true, false);
    QCOMPARE(w->workspaceTabs()->currentWidget(), w->photoWorkspace()); // kept for the scene
    // The Photo tab presents its stage: its controls go while presenting.
    QWidget *controls = w->photoWorkspace()->findChild<QWidget *>(QStringLiteral("photoControls"));
    QVERIFY(controls && !controls->isVisible());
    PoolDocument *window = w->photoDocument()->windowDocument();
    QCOMPARE(window->step(), 7);
    w->lessons()->pageDown();
    QCOMPARE(window->step(), 8); // the last of 9
    QCOMPARE(w->lessons()->document()->currentScene(), 0);
    w->lessons()->pageDown();
    QCOMPARE(w->lessons()->document()->currentScene(), 1);
    QCOMPARE(w->workspaceTabs()->currentIndex(), 0);
    QCOMPARE(w->document()->step(), -1);
    w->lessons()->pageUp(); // back to the photo scene, at its last step
    QCOMPARE(w->lessons()->document()->currentScene(), 0);
    QCOMPARE(w->workspaceTabs()->currentWidget(), w->photoWorkspace());
    QCOMPARE(window->step(), 8);
    w->setPresenting(false);
    QVERIFY(controls->isVisible());
}

void TestPhotoScenes::missingPhotoShowsTheSavedCrop()
{
    Scene gone;
    gone.title = QStringLiteral("Gone");
    gone.tab = SceneTab::Photo;
    gone.photo.path = m_dir.filePath(QStringLiteral("photos/gone.png"));
    gone.photo.crop = QRect(0, 0, 4, 4);
    gone.params = test::params(PoolMode::Max, 2, 2);
    gone.input = Tensor::fromRows({{9, 1, 0, 3}, {2, 4, 8, 0}, {1, 1, 5, 6}, {0, 2, 7, 1}});
    gone.step = 2;
    Scene second = gone;
    second.title = QStringLiteral("Still here");
    second.tab = SceneTab::Matrix;
    second.photo = {};
    const QString path = m_dir.filePath(QStringLiteral("missing.poolviz"));
    QCOMPARE(LessonFile::write({QStringLiteral("Missing"), {gone, second}}, path), QString());

    auto w = openWindow();
    QVERIFY(w->lessons()->openLesson(path)); // the lesson opens with both scenes
    QCOMPARE(w->lessons()->document()->sceneCount(), 2);
    const QString banner = w->bannerText();
    QVERIFY2(banner.contains(QStringLiteral("“gone.png” is not there")), qPrintable(banner));
    QVERIFY2(banner.contains(QDir::toNativeSeparators(gone.photo.path)), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("Its saved 4×4 crop is on the Matrix tab")),
             qPrintable(banner));
    // The saved crop with the scene's parameters and step: windows max 9, 8 | 2, 7.
    QCOMPARE(w->workspaceTabs()->currentIndex(), 0);
    QCOMPARE(rowText(w->document()->input(), 0, 0), QStringLiteral("9 1 0 3"));
    QCOMPARE(w->document()->params(), test::params(PoolMode::Max, 2, 2));
    QCOMPARE(w->document()->step(), 1);
    QCOMPARE(w->document()->trace()->steps[1].output, 8.0f);
    QVERIFY(!w->photoDocument()->hasInput() || w->photoDocument()->inputPath() != gone.photo.path);
    QVERIFY(w->lessons()->nextScene());
    QCOMPARE(w->bannerText(), QString());
}

void TestPhotoScenes::embeddingAPhotoScene()
{
    // A photo scene by path, embedded from the Lesson dock: saved with the PNG inside, it opens
    // with the very pixels after the photo file is gone; undo links it again.
    const QString photoPath = m_dir.filePath(QStringLiteral("photos/travels.png"));
    QVERIFY(QFile::copy(m_stripes, photoPath));
    Scene s;
    s.title = QStringLiteral("Travels");
    s.tab = SceneTab::Photo;
    s.photo.path = photoPath;
    s.photo.crop = QRect(264, 387, 12, 12);
    s.params = test::params(PoolMode::Max, 2, 3);
    s.input = Tensor(1, 1, 12, 12, 0.0f, 4);
    auto w = openWindow();
    LessonDocument *lesson = w->lessons()->document();
    lesson->addScene(s);
    SceneListDock *dock = w->lessons()->dock();
    dock->show();
    dock->list()->setCurrentRow(0);
    QToolButton *embed = dock->button(QStringLiteral("embedPhoto"));
    QVERIFY(embed->isEnabled());
    QVERIFY(!embed->isChecked());
    QTest::mouseClick(embed, Qt::LeftButton);
    QVERIFY(embed->isChecked());
    QVERIFY(!lesson->scene(0).photo.png.isEmpty());
    QCOMPARE(lesson->undoStack()->undoText(), QStringLiteral("Embed the Photo of “Travels”"));
    const QString path = m_dir.filePath(QStringLiteral("travels.poolviz"));
    QVERIFY(w->lessons()->saveAs(path));
    QVERIFY(QFile::remove(photoPath));

    auto v = openWindow();
    QVERIFY(v->lessons()->openLesson(path));
    QCOMPARE(v->bannerText(), QString()); // embedded: nothing is missing
    PhotoDocument *photo = v->photoDocument();
    QCOMPARE(photo->input().h(), 448);
    QCOMPARE(photo->input().w(), 384);
    QCOMPARE(photo->inputName(), QStringLiteral("travels.png"));
    QCOMPARE(rowText(photo->windowDocument()->input(), 0, 0),
             QStringLiteral("0 0 255 255 0 0 255 255 0 0 255 255"));
    // Linking it again keeps only the path, whose file is gone now: the scene says so.
    v->lessons()->dock()->list()->setCurrentRow(0);
    QVERIFY(v->lessons()->dock()->button(QStringLiteral("embedPhoto"))->isEnabled());
    QTest::mouseClick(v->lessons()->dock()->button(QStringLiteral("embedPhoto")), Qt::LeftButton);
    QVERIFY(v->lessons()->document()->scene(0).photo.png.isEmpty());
    QVERIFY(v->lessons()->document()->scene(0).photo.missing);

    lesson->undoStack()->undo();
    QVERIFY(lesson->scene(0).photo.png.isEmpty());
    QVERIFY(!embed->isChecked());
}

void TestPhotoScenes::closedWindowScene()
{
    // The whole photo, no sliding window: the note shows under the Photo tab's controls, and
    // capturing gives the scene back with its window closed.
    Scene s;
    s.title = QStringLiteral("Whole pattern");
    s.note = QStringLiteral("Look at the whole pattern first.");
    s.tab = SceneTab::Photo;
    s.photo.path = m_stripes;
    s.params = test::params(PoolMode::Max, 2, 2);
    s.input = Tensor(1, 1, 8, 8, 0.0f, 4);
    const QString path = m_dir.filePath(QStringLiteral("closed.poolviz"));
    QCOMPARE(LessonFile::write({QStringLiteral("Closed"), {s}}, path), QString());
    auto w = openWindow();
    QVERIFY(w->lessons()->openLesson(path));
    QCOMPARE(w->workspaceTabs()->currentWidget(), w->photoWorkspace());
    QVERIFY(w->photoDocument()->windowCrop().isEmpty());
    QLabel *note = w->lessons()->noteLabel();
    QVERIFY(note->isVisible());
    QVERIFY(w->photoWorkspace()->isAncestorOf(note));
    const Scene again = w->lessons()->captureScene();
    QCOMPARE(again.tab, SceneTab::Photo);
    QVERIFY(again.photo.crop.isEmpty());
    QCOMPARE(again.params, test::params(PoolMode::Max, 2, 2));
    QCOMPARE(again.input.h(), 8); // the crop the window would open on
}

QTEST_MAIN(TestPhotoScenes)
#include "tst_photoscenes.moc"

// Lessons in the window, driven as a teacher would on the offscreen platform: the Lesson dock
// adds, restores, reorders, renames and deletes scenes (undoably), the teacher's note shows above
// the stage, Page Down / Page Up change scene in presenter mode, unsaved lessons and matrices are
// never dropped silently, broken files say what is wrong, the command line and drag and drop
// open lessons, PDF handouts have the pages and words they should (pdfinfo, pdftotext), and the
// three sample lessons read cleanly with the numbers their notes promise.

#include "handout.h"
#include "lessoncontroller.h"
#include "lessondocument.h"
#include "lessonfile.h"
#include "mainwindow.h"
#include "photodocument.h"
#include "photoworkspace.h"
#include "pooldocument.h"
#include "scenelistdock.h"
#include "settings.h"
#include "stagerenderer.h"
#include "stagewidget.h"
#include "testutil.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QToolButton>
#include <QUndoStack>
#include <QUrl>

#include <memory>

using namespace poolviz;

namespace {

std::unique_ptr<MainWindow> openWindow(Settings *settings = nullptr)
{
    auto w = std::make_unique<MainWindow>(settings);
    w->setUnsavedPrompt([](const QString &) { return MainWindow::UnsavedChoice::Discard; });
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        qWarning("window was not exposed");
    return w;
}

Tensor oneToSixteen()
{
    return Tensor::fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
}

/// A lesson of two scenes: 2×2 stride 2 (4 steps) and 3×3 stride 1 (4 steps) on 1…16.
Lesson twoScenes()
{
    Scene a;
    a.title = QStringLiteral("Stride 2");
    a.note = QStringLiteral("Four windows that never overlap.");
    a.input = oneToSixteen();
    a.params = test::params(PoolMode::Max, 2, 2);
    a.step = 1;
    Scene b = a;
    b.title = QStringLiteral("Kernel 3, stride 1");
    b.note = QStringLiteral(
        "Now the windows overlap: the middle four cells are read by all four windows.");
    b.params = test::params(PoolMode::Max, 3, 1);
    b.step = 0;
    return {QStringLiteral("Two scenes"), {a, b}};
}

QString pdfText(const QString &path, const QString &tool = QStringLiteral("pdftotext"))
{
    QProcess p;
    if (tool == QLatin1String("pdftotext"))
        p.start(tool, {QStringLiteral("-layout"), path, QStringLiteral("-")});
    else
        p.start(tool, {path});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>")
            .arg(tool, QString::fromUtf8(p.readAllStandardError()));
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString &path)
{
    const QString info = pdfText(path, QStringLiteral("pdfinfo"));
    for (const QString &line : info.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    return -1;
}

QString sampleLesson(const QString &file)
{
    return QStringLiteral(POOLVIZ_SOURCE_DIR "/resources/lessons/") + file;
}

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void addAndRestoreScenes();
    void dockEditsAreUndoable();
    void dragReordersScenes();
    void noteShowsOnTheStage();
    void pageDownChangesSceneWhenPresenting();
    void saveOpenAndUnsavedQuestions();
    void openingAsksAboutMatrixEdits();
    void brokenLessonsSayWhatIsWrong();
    void dropAndRecentLessons();
    void commandLineOpensALesson();
    void handoutPages_data();
    void handoutPages();
    void worksheetGridIsBlank();
    void handoutRefusesHugeAndUnwritable();
    void sampleLessons_data();
    void sampleLessons();
    void sampleLessonNumbers_data();
    void sampleLessonNumbers();

private:
    QTemporaryDir m_dir;
};

void TestLessons::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
}

void TestLessons::addAndRestoreScenes()
{
    auto w = openWindow();
    LessonController *lessons = w->lessons();
    PoolDocument *doc = w->document();
    SceneListDock *dock = lessons->dock();
    doc->setInput(oneToSixteen(), QStringLiteral("1…16"));
    doc->setParams(test::params(PoolMode::Max, 2, 2), QStringLiteral("k2"));
    doc->setStep(2);
    QTest::mouseClick(dock->button(QStringLiteral("addScene")), Qt::LeftButton);
    doc->setParams(test::params(PoolMode::Max, 3, 1), QStringLiteral("k3"));
    doc->setPhase(Phase::Backward);
    doc->setStep(0);
    QTest::mouseClick(dock->button(QStringLiteral("addScene")), Qt::LeftButton);
    LessonDocument *lesson = lessons->document();
    QCOMPARE(lesson->sceneCount(), 2);
    QCOMPARE(dock->list()->count(), 2);
    QCOMPARE(dock->list()->item(0)->text(), QStringLiteral("Scene 1"));
    QCOMPARE(lesson->scene(0).step, 3); // after step 3 (index 2)
    QCOMPARE(lesson->scene(0).params, test::params(PoolMode::Max, 2, 2));
    QCOMPARE(lesson->scene(1).phase, Phase::Backward);
    QCOMPARE(lesson->scene(1).step, 1);

    // Clicking scene 1 brings back its parameters, phase and step, as one undo step.
    const int undoBefore = doc->undoStack()->count();
    const QRect first = dock->list()->visualItemRect(dock->list()->item(0));
    QTest::mouseClick(dock->list()->viewport(), Qt::LeftButton, {}, first.center());
    QCOMPARE(doc->params(), test::params(PoolMode::Max, 2, 2));
    QCOMPARE(doc->phase(), Phase::Forward);
    QCOMPARE(doc->step(), 2);
    QCOMPARE(doc->stepCount(), 4);
    QCOMPARE(lesson->currentScene(), 0);
    QCOMPARE(doc->undoStack()->count(), undoBefore + 1);
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Show Scene “Scene 1”"));
    doc->undoStack()->undo(); // what was on screen before comes back
    QCOMPARE(doc->params(), test::params(PoolMode::Max, 3, 1));

    // An edited gradient is part of the scene; ones are not stored.
    QVERIFY(lesson->scene(1).upstream.empty());
    lessons->showScene(1);
    doc->setUpstreamValue(0, 1, 5.0f);
    QTest::mouseClick(dock->button(QStringLiteral("updateScene")), Qt::LeftButton);
    QCOMPARE(lesson->scene(1).upstream.at(0, 1), 5.0f);
    QCOMPARE(lesson->scene(1).upstream.at(0, 0), 1.0f);
    lessons->showScene(0);
    QCOMPARE(doc->upstreamPlane().at(0, 1), 1.0f);
    lessons->showScene(1);
    QCOMPARE(doc->upstreamPlane().at(0, 1), 5.0f);
}

void TestLessons::dockEditsAreUndoable()
{
    auto w = openWindow();
    LessonController *lessons = w->lessons();
    lessons->document()->reset(twoScenes());
    SceneListDock *dock = lessons->dock();
    QListWidget *list = dock->list();
    const auto titles = [&] {
        QStringList t;
        for (int i = 0; i < list->count(); ++i)
            t << list->item(i)->text();
        return t;
    };
    list->setCurrentRow(0);
    QTest::mouseClick(dock->button(QStringLiteral("duplicateScene")), Qt::LeftButton);
    QCOMPARE(titles(), (QStringList{"Stride 2", "Stride 2 (copy)", "Kernel 3, stride 1"}));
    QCOMPARE(list->currentRow(), 1);
    QTest::mouseClick(dock->button(QStringLiteral("sceneDown")), Qt::LeftButton);
    QCOMPARE(titles(), (QStringList{"Stride 2", "Kernel 3, stride 1", "Stride 2 (copy)"}));
    QVERIFY(!dock->button(QStringLiteral("sceneDown"))->isEnabled()); // last row
    QTest::mouseClick(dock->button(QStringLiteral("sceneUp")), Qt::LeftButton);
    QTest::mouseClick(dock->button(QStringLiteral("sceneUp")), Qt::LeftButton);
    QCOMPARE(titles(), (QStringList{"Stride 2 (copy)", "Stride 2", "Kernel 3, stride 1"}));
    QVERIFY(!dock->button(QStringLiteral("sceneUp"))->isEnabled()); // first row
    // Renaming in place (as the editor would commit it); an empty name is refused.
    list->item(0)->setText(QStringLiteral("Stride 2 again"));
    QCOMPARE(lessons->document()->scene(0).title, QStringLiteral("Stride 2 again"));
    list->item(0)->setText(QStringLiteral("  "));
    QCOMPARE(list->item(0)->text(), QStringLiteral("Stride 2 again"));
    list->setCurrentRow(2);
    QTest::mouseClick(dock->button(QStringLiteral("deleteScene")), Qt::LeftButton);
    QCOMPARE(titles(), (QStringList{"Stride 2 again", "Stride 2"}));
    QVERIFY(lessons->document()->isModified());
    // Undo, from the dock, back to the lesson as it was read; each step one edit.
    QToolButton *undo = dock->button(QStringLiteral("undoLesson"));
    QCOMPARE(undo->toolTip(), QStringLiteral("Undo Delete Scene “Kernel 3, stride 1”"));
    for (int i = 0; i < 6; ++i)
        QTest::mouseClick(undo, Qt::LeftButton);
    QCOMPARE(titles(), (QStringList{"Stride 2", "Kernel 3, stride 1"}));
    QVERIFY(!undo->isEnabled());
    QVERIFY(!lessons->document()->isModified());
    QTest::mouseClick(dock->button(QStringLiteral("redoLesson")), Qt::LeftButton);
    QCOMPARE(titles().size(), 3);
}

void TestLessons::dragReordersScenes()
{
    auto w = openWindow();
    LessonDocument *lesson = w->lessons()->document();
    Lesson three = twoScenes();
    three.scenes << three.scenes[0];
    three.scenes[2].title = QStringLiteral("Third");
    lesson->reset(three);
    QListWidget *list = w->lessons()->dock()->list();
    // What a drop of the first row below the last does to the list's model.
    QVERIFY(list->model()->moveRow(QModelIndex(), 0, QModelIndex(), 3));
    QTRY_COMPARE(lesson->scene(2).title, QStringLiteral("Stride 2"));
    QCOMPARE(lesson->scene(0).title, QStringLiteral("Kernel 3, stride 1"));
    QCOMPARE(list->item(2)->text(), QStringLiteral("Stride 2"));
    QCOMPARE(lesson->undoStack()->undoText(), QStringLiteral("Move Scene “Stride 2”"));
    lesson->undoStack()->undo();
    QCOMPARE(list->item(0)->text(), QStringLiteral("Stride 2"));
}

void TestLessons::noteShowsOnTheStage()
{
    auto w = openWindow();
    LessonController *lessons = w->lessons();
    lessons->document()->reset(twoScenes());
    QLabel *note = lessons->noteLabel();
    QVERIFY(note->isHidden());
    lessons->showScene(0);
    QCOMPARE(note->text(), QStringLiteral("<b>Stride 2</b>&nbsp;&nbsp;Four windows that never "
                                          "overlap."));
    QVERIFY(note->isVisible());
    // Just above the stage, in its column.
    QCOMPARE(note->parentWidget(), w->stage()->parentWidget());
    QVERIFY(note->geometry().bottom() <= w->stage()->geometry().top());
    // Typing in the dock's note edits the scene (one undo step) and the stage follows.
    QPlainTextEdit *edit = lessons->dock()->noteEdit();
    edit->setFocus();
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" Say it."));
    QCOMPARE(note->accessibleDescription(),
             QStringLiteral("Four windows that never overlap. Say it."));
    QCOMPARE(lessons->document()->undoStack()->count(), 1);
    // Presenter mode keeps the note, with the stage.
    w->setPresenting(true, false);
    QVERIFY(note->isVisible());
    lessons->showScene(1);
    QCOMPARE(note->accessibleDescription(), twoScenes().scenes[1].note);
    w->setPresenting(false);
}

void TestLessons::pageDownChangesSceneWhenPresenting()
{
    auto w = openWindow();
    LessonController *lessons = w->lessons();
    PoolDocument *doc = w->document();
    lessons->document()->reset(twoScenes());
    lessons->showScene(0);
    QCOMPARE(doc->step(), 0);
    // Not presenting: Page Down steps, and stops at the last step.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(doc->step(), 3);
    QCOMPARE(lessons->document()->currentScene(), 0);

    w->setPresenting(true, false);
    QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(lessons->document()->currentScene(), 1);
    QCOMPARE(doc->params(), test::params(PoolMode::Max, 3, 1));
    QCOMPARE(doc->step(), -1); // scene 2 starts before its first step
    QCOMPARE(lessons->noteLabel()->accessibleDescription(), twoScenes().scenes[1].note);
    QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(doc->step(), 0);
    QTest::keyClick(w->stage(), Qt::Key_PageUp);
    QCOMPARE(doc->step(), -1);
    // Page Up before the first step: back to scene 1, at its last step.
    QTest::keyClick(w->stage(), Qt::Key_PageUp);
    QCOMPARE(lessons->document()->currentScene(), 0);
    QCOMPARE(doc->params(), test::params(PoolMode::Max, 2, 2));
    QCOMPARE(doc->step(), 3);
    // At the last scene's last step Page Down stays.
    lessons->showScene(1);
    doc->setStep(3);
    QTest::keyClick(w->stage(), Qt::Key_PageDown);
    QCOMPARE(lessons->document()->currentScene(), 1);
    QCOMPARE(doc->step(), 3);
    w->setPresenting(false);
}

void TestLessons::saveOpenAndUnsavedQuestions()
{
    auto w = openWindow();
    LessonController *lessons = w->lessons();
    QStringList asked;
    LessonController::UnsavedChoice answer = LessonController::UnsavedChoice::Cancel;
    lessons->setUnsavedPrompt([&](const QString &action) {
        asked << action;
        return answer;
    });
    const QString path = m_dir.filePath(QStringLiteral("two"));
    lessons->document()->reset(twoScenes());
    lessons->document()->renameScene(0, QStringLiteral("Renamed"));
    QCOMPARE(lessons->dock()->windowTitle(), QStringLiteral("Lesson *"));
    QVERIFY(lessons->saveAs(path)); // ".poolviz" is added
    QCOMPARE(lessons->dock()->windowTitle(), QStringLiteral("Lesson: two.poolviz"));
    QCOMPARE(lessons->document()->filePath(), path + QStringLiteral(".poolviz"));
    QVERIFY(!lessons->document()->isModified());
    const LessonReadResult back = LessonFile::read(path + QStringLiteral(".poolviz"));
    QVERIFY(back.ok());
    QCOMPARE(back.lesson->scenes[0].title, QStringLiteral("Renamed"));

    // Unsaved changes: Cancel keeps everything; Discard opens the other lesson.
    lessons->document()->removeScene(1);
    const QString other = m_dir.filePath(QStringLiteral("other.poolviz"));
    QCOMPARE(LessonFile::write(twoScenes(), other), QString());
    QVERIFY(!lessons->openLesson(other));
    QCOMPARE(asked, QStringList{QStringLiteral("opening “other.poolviz”")});
    QCOMPARE(lessons->document()->sceneCount(), 1);
    // Closing the window asks too; Cancel keeps it open.
    QVERIFY(!w->close());
    QCOMPARE(asked.last(), QStringLiteral("closing PoolViz"));
    answer = LessonController::UnsavedChoice::Discard;
    QVERIFY(lessons->openLesson(other));
    QCOMPARE(lessons->document()->sceneCount(), 2);
    QCOMPARE(lessons->document()->currentScene(), 0);
    // Save from the question: the changes go to the file.
    lessons->document()->renameScene(1, QStringLiteral("Saved on the way"));
    answer = LessonController::UnsavedChoice::Save;
    QVERIFY(lessons->newLesson());
    QCOMPARE(LessonFile::read(other).lesson->scenes[1].title, QStringLiteral("Saved on the way"));
    QCOMPARE(lessons->document()->sceneCount(), 0);
    QVERIFY(!lessons->document()->isModified());
    // A new lesson saved through the file-name question.
    lessons->setSavePathPrompt([&] { return m_dir.filePath(QStringLiteral("fresh.poolviz")); });
    lessons->dock()->button(QStringLiteral("addScene"))->click();
    QVERIFY(lessons->save());
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("fresh.poolviz"))));
}

void TestLessons::openingAsksAboutMatrixEdits()
{
    auto w = openWindow();
    PoolDocument *doc = w->document();
    QStringList asked;
    MainWindow::UnsavedChoice answer = MainWindow::UnsavedChoice::Cancel;
    w->setUnsavedPrompt([&](const QString &action) {
        asked << action;
        return answer;
    });
    doc->setInputValue(0, 0, 99.0f);
    QVERIFY(doc->isInputModified());
    const QString path = m_dir.filePath(QStringLiteral("matrix-question.poolviz"));
    QCOMPARE(LessonFile::write(twoScenes(), path), QString());
    QVERIFY(!w->lessons()->openLesson(path));
    QCOMPARE(asked, QStringList{QStringLiteral("opening the lesson “matrix-question.poolviz”")});
    QCOMPARE(doc->input().at(0, 0), 99.0f);
    QCOMPARE(w->lessons()->document()->sceneCount(), 0);
    answer = MainWindow::UnsavedChoice::Discard;
    QVERIFY(w->lessons()->openLesson(path));
    QCOMPARE(doc->input().at(0, 0), 1.0f);
    // Still there, one undo away.
    doc->undoStack()->undo();
    QCOMPARE(doc->input().at(0, 0), 99.0f);
}

void TestLessons::brokenLessonsSayWhatIsWrong()
{
    auto w = openWindow();
    LessonController *lessons = w->lessons();
    lessons->document()->reset(twoScenes());
    const QString notLesson = m_dir.filePath(QStringLiteral("broken.poolviz"));
    {
        QFile f(notLesson);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"poolviz-lesson\"");
    }
    QVERIFY(!w->openFile(notLesson));
    QCOMPARE(w->bannerText(), QStringLiteral("Cannot open “broken.poolviz”: not a PoolViz lesson: "
                                             "the JSON is broken at character 27 (unterminated "
                                             "string)"));
    QCOMPARE(lessons->document()->sceneCount(), 2); // what was open stays
    // One bad scene of three, a newer version: the rest opens, the banner says what is missing.
    const QString partly = m_dir.filePath(QStringLiteral("partly.poolviz"));
    QJsonObject root =
        QJsonDocument::fromJson(LessonFile::toJson(twoScenes(), m_dir.path())).object();
    QJsonArray scenes = root[QStringLiteral("scenes")].toArray();
    QJsonObject bad = scenes[0].toObject();
    bad[QStringLiteral("title")] = QStringLiteral("Bad");
    bad[QStringLiteral("phase")] = QStringLiteral("sideways");
    scenes.insert(1, bad);
    root[QStringLiteral("scenes")] = scenes;
    root[QStringLiteral("version")] = 2;
    {
        QFile f(partly);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(root).toJson());
    }
    QVERIFY(w->openFile(partly));
    QCOMPARE(lessons->document()->sceneCount(), 2);
    QCOMPARE(w->bannerText(),
             QStringLiteral("Opened “partly.poolviz”, but: The lesson was written by a newer "
                            "PoolViz (format version 2; this one reads version 1): what this "
                            "version does not know is left out. Scene 2 (“Bad”) left out: "
                            "“phase” must be one of \"forward\", \"backward\", \"unpool\", "
                            "not \"sideways\"."));
}

void TestLessons::dropAndRecentLessons()
{
    QTemporaryDir settingsDir;
    Settings settings(settingsDir.filePath(QStringLiteral("s.ini")));
    auto w = openWindow(&settings);
    const QString a = m_dir.filePath(QStringLiteral("dropped.poolviz"));
    QCOMPARE(LessonFile::write(twoScenes(), a), QString());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(a)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(w.get(), &drop);
    QCOMPARE(w->lessons()->document()->filePath(), a);
    QCOMPARE(w->lessons()->document()->sceneCount(), 2);
    QVERIFY(w->lessons()->dock()->isVisible());
    QCOMPARE(w->lessons()->recentLessons(), QStringList{a});
    // A second window (the next session) lists it in File ▸ Lesson ▸ Open Recent Lesson.
    auto next = openWindow(&settings);
    auto *recent = next->findChild<QMenu *>(QStringLiteral("recentLessonsMenu"));
    QVERIFY(recent);
    QCOMPARE(recent->actions().size(), 1);
    QCOMPARE(recent->actions()[0]->text(), QStringLiteral("dropped.poolviz"));
    recent->actions()[0]->trigger();
    QCOMPARE(next->lessons()->document()->filePath(), a);
}

void TestLessons::commandLineOpensALesson()
{
    const QString lesson = m_dir.filePath(QStringLiteral("cli.poolviz"));
    QCOMPARE(LessonFile::write(twoScenes(), lesson), QString());
    const QString shot = m_dir.filePath(QStringLiteral("cli.png"));
    QProcess p;
    p.start(QStringLiteral(POOLVIZ_BINARY),
            {lesson, QStringLiteral("--scene"), QStringLiteral("2"), QStringLiteral("--presenter"),
             QStringLiteral("--size"), QStringLiteral("1280x720"), QStringLiteral("--screenshot"),
             shot});
    QVERIFY(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(!err.contains(QStringLiteral("poolviz:")), qPrintable(err));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(QImage(shot).size(), QSize(1280, 720));
    p.start(QStringLiteral(POOLVIZ_BINARY), {lesson, QStringLiteral("--scene"), QStringLiteral("9"),
                                             QStringLiteral("--screenshot"), shot});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    // (The offscreen platform may warn first; the message is the last line.)
    QVERIFY(QString::fromUtf8(p.readAllStandardError())
                .endsWith(QStringLiteral("poolviz: --scene 9: the lesson has 2 scenes\n")));
    // A worksheet of a whole sample lesson, from the command line: 7 scenes, 7 answer pages.
    const QString pdf = m_dir.filePath(QStringLiteral("backward-worksheet.pdf"));
    p.start(QStringLiteral(POOLVIZ_BINARY),
            {sampleLesson(QStringLiteral("backward-where-the-gradient-goes.poolviz")),
             QStringLiteral("--handout"), pdf, QStringLiteral("--worksheet")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(pdfPages(pdf), 14);
    QVERIFY(pdfText(pdf).contains(QStringLiteral("Fill in the input gradient")));
    p.start(QStringLiteral(POOLVIZ_BINARY), {QStringLiteral("--worksheet")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(
        QString::fromUtf8(p.readAllStandardError())
            .endsWith(QStringLiteral("poolviz: --worksheet: say where with --handout OUT.pdf\n")));
    p.start(QStringLiteral(POOLVIZ_BINARY),
            {QStringLiteral("--scene"), QStringLiteral("1"), QStringLiteral("--screenshot"), shot});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    QCOMPARE(QString::fromUtf8(p.readAllStandardError()),
             QStringLiteral("poolviz: --scene 1: open a lesson (.poolviz) to choose a scene of\n"));
}

void TestLessons::handoutPages_data()
{
    QTest::addColumn<bool>("whole");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("pages");
    QTest::addColumn<QStringList>("words");
    // Scene 1: 2×2 stride 2 on 1…16, 4 windows; scene 2: 3×3 stride 1, 4 windows.
    QTest::newRow("lesson steps") << true << int(HandoutKind::Steps) << 8
                                  << QStringList{
                                         "Two scenes",         "Stride 2",
                                         "Step 1 of 4",        "Four windows that never overlap.",
                                         "Kernel 3, stride 1", "Page 8 of 8"};
    QTest::newRow("lesson worksheet")
        << true << int(HandoutKind::Worksheet) << 4
        << QStringList{"Fill in the output grid: one number for each of the 4 windows.",
                       "Answer: Stride 2", "by all 4 windows.", // pdftotext keeps the "fi" ligature
                       "Answer: Kernel 3, stride 1", "Page 4 of 4"};
    QTest::newRow("scene steps") << false << int(HandoutKind::Steps) << 4
                                 << QStringList{"Stride 2", "Step 4 of 4", "Page 4 of 4"};
    QTest::newRow("scene worksheet") << false << int(HandoutKind::Worksheet) << 2
                                     << QStringList{"Fill in the output grid", "Page 2 of 2"};
}

void TestLessons::handoutPages()
{
    QFETCH(bool, whole);
    QFETCH(int, kind);
    QFETCH(int, pages);
    QFETCH(QStringList, words);
    auto w = openWindow();
    LessonController *lessons = w->lessons();
    lessons->document()->reset(twoScenes());
    lessons->showScene(0);
    const QString path = m_dir.filePath(QStringLiteral("handout-%1-%2.pdf").arg(whole).arg(kind));
    QVERIFY(lessons->exportHandout(path, HandoutKind(kind), whole));
    // POOLVIZ_HANDOUT_DIR=/tmp/dir keeps the PDFs to look at.
    if (const QString keep = qEnvironmentVariable("POOLVIZ_HANDOUT_DIR"); !keep.isEmpty())
        QFile::copy(path, QDir(keep).filePath(QFileInfo(path).fileName()));
    QCOMPARE(pdfPages(path), pages);
    const QString text = pdfText(path);
    for (const QString &word : words)
        QVERIFY2(text.contains(word), qPrintable(word + QStringLiteral(" not in:\n") + text));
    if (HandoutKind(kind) == HandoutKind::Worksheet) {
        // Page 1 is the first question page.
        QProcess p;
        p.start(QStringLiteral("pdftotext"),
                {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                 QStringLiteral("1"), path, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(30000));
        const QString first = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(first.contains(QStringLiteral("Fill in")), qPrintable(first));
        // The teacher's note, which may give the answer away, is not on a student's page.
        QVERIFY2(!text.contains(QStringLiteral("Four windows that never overlap.")),
                 qPrintable(text));
    }
}

void TestLessons::worksheetGridIsBlank()
{
    // Pages painted as the PDF paints them: the output cells of the question page hold no ink,
    // those of the answer page hold their numbers.
    const Lesson lesson = twoScenes();
    const Scene &s = lesson.scenes[0];
    HandoutScene scene;
    scene.title = s.title;
    scene.trace = std::make_shared<const Trace>(makeTrace(s.input, s.params, Phase::Forward));
    const std::vector<HandoutScene> scenes{scene};
    const std::vector<Handout::Page> pages = Handout::pages(scenes, HandoutKind::Worksheet);
    QCOMPARE(pages.size(), std::size_t(2));
    QVERIFY(pages[0].blank && !pages[0].answer && pages[0].step == -1);
    QVERIFY(pages[1].answer && !pages[1].blank && pages[1].step == 3);
    const StageRenderer renderer(*scene.trace);
    for (const Handout::Page &page : pages) {
        QImage image(1123, 794, QImage::Format_RGB32);
        QPainter painter(&image);
        const QRectF stage =
            Handout::paintPage(painter, QRectF(0, 0, 1123, 794), {}, scenes, page, 1, 2);
        painter.end();
        QVERIFY(!stage.isEmpty());
        StageView view;
        view.step = page.step;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c) {
                const QRect cell =
                    renderer.cellRect({StageGrid::Output, r, c}, stage, view).toAlignedRect();
                int ink = 0;
                for (int y = cell.top() + 4; y < cell.bottom() - 4; ++y)
                    for (int x = cell.left() + 4; x < cell.right() - 4; ++x)
                        ink += image.pixel(x, y) != qRgb(255, 255, 255);
                if (page.blank)
                    QCOMPARE(ink, 0);
                else
                    QVERIFY2(ink > 20, qPrintable(QString::number(ink)));
            }
    }
}

void TestLessons::handoutRefusesHugeAndUnwritable()
{
    auto w = openWindow();
    PoolDocument *doc = w->document();
    Tensor big = Tensor::matrix(40, 40, 1.0f);
    doc->setInput(big, QStringLiteral("40×40"));
    doc->setParams(test::params(PoolMode::Max, 1, 1), QStringLiteral("k1")); // 1600 windows
    const QString path = m_dir.filePath(QStringLiteral("huge.pdf"));
    QVERIFY(!w->lessons()->exportHandout(path, HandoutKind::Steps, false));
    QCOMPARE(w->bannerText(),
             QStringLiteral("Cannot write “huge.pdf”: the handout would have more than 1000 "
                            "pages; choose the worksheet, or fewer or smaller scenes"));
    QVERIFY(!QFile::exists(path));
    QVERIFY(w->lessons()->exportHandout(path, HandoutKind::Worksheet, false));
    QCOMPARE(pdfPages(path), 2);
    const QString bad = m_dir.filePath(QStringLiteral("no/such/dir/h.pdf"));
    QVERIFY(!w->lessons()->exportHandout(bad, HandoutKind::Worksheet, false));
    QVERIFY2(w->bannerText().startsWith(QStringLiteral("Cannot write “h.pdf”: ")),
             qPrintable(w->bannerText()));
}

void TestLessons::sampleLessons_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("title");
    QTest::newRow("stride") << "max-pooling-and-stride.poolviz"
                            << "Max pooling and stride";
    QTest::newRow("padding") << "padding-same-and-ceil-mode.poolviz"
                             << "Padding, SAME and ceil mode";
    QTest::newRow("backward") << "backward-where-the-gradient-goes.poolviz"
                              << "Backward: where the gradient goes";
}

void TestLessons::sampleLessons()
{
    QFETCH(QString, file);
    QFETCH(QString, title);
    const LessonReadResult r = LessonFile::read(sampleLesson(file));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.problems, QStringList());
    QCOMPARE(r.lesson->title, title);
    QVERIFY(r.lesson->scenes.size() >= 5 && r.lesson->scenes.size() <= 8);
    // Every scene shows in the window with a note, traces, and starts at a step it has.
    auto w = openWindow();
    QVERIFY(w->lessons()->openLesson(sampleLesson(file)));
    QCOMPARE(w->bannerText(), QString());
    for (int i = 0; i < r.lesson->scenes.size(); ++i) {
        const Scene &s = r.lesson->scenes[i];
        QVERIFY2(!s.title.isEmpty() && s.note.size() > 40, qPrintable(s.title));
        QVERIFY2(w->lessons()->showScene(i), qPrintable(w->bannerText()));
        // A photo scene shows on the Photo tab, its sliding window on the scene's crop.
        const bool photo = s.tab == SceneTab::Photo;
        QCOMPARE(w->workspaceTabs()->currentWidget() == w->photoWorkspace(), photo);
        PoolDocument *shown = photo ? w->photoDocument()->windowDocument() : w->document();
        if (photo)
            QCOMPARE(w->photoDocument()->windowCrop(), s.photo.crop);
        QVERIFY(shown->trace());
        QVERIFY2(s.step <= shown->stepCount(), qPrintable(s.title));
        QCOMPARE(shown->step(), s.step - 1);
    }
    // The sample lessons are listed in File ▸ Lesson ▸ Open Sample Lesson.
    auto *samples = w->findChild<QMenu *>(QStringLiteral("sampleLessonsMenu"));
    QVERIFY(samples);
    QStringList titles;
    for (QAction *a : samples->actions())
        titles << a->text();
    QVERIFY2(titles.contains(title), qPrintable(titles.join(u'|')));
}

void TestLessons::sampleLessonNumbers_data()
{
    // The numbers each note quotes, worked by hand from the scene's matrix (not by the core):
    // the whole forward output, or backward the whole input gradient ("" skips the check).
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("scene");
    QTest::addColumn<QString>("expected");
    const QString stride = QStringLiteral("max-pooling-and-stride.poolviz");
    const QString padding = QStringLiteral("padding-same-and-ceil-mode.poolviz");
    const QString backward = QStringLiteral("backward-where-the-gradient-goes.poolviz");
    // A = 1 3 2 4; 5 6 1 2; 7 2 9 0; 1 8 3 5.   B = 4 1 0 2 3; 1 7 2 5 1; 0 3 9 1 0; 2 6 1 4 8;
    // 5 0 2 3 1.   C = 1…25 row by row.   T = 5 1 3 3; 0 5 3 1.
    QTest::newRow("stride 1: first window") << stride << 0 << "6 4; 8 9";
    QTest::newRow("stride 2: tiles") << stride << 1 << "6 4; 8 9";
    QTest::newRow("stride 1: overlap") << stride << 2 << "6 6 4; 7 9 9; 8 9 9";
    QTest::newRow("stride 3 skips the 9") << stride << 3 << "7 5; 6 8";
    QTest::newRow("3x3 stride 2: all 9") << stride << 4 << "9 9; 9 9";
    QTest::newRow("ties") << stride << 5 << "5 3";
    QTest::newRow("min") << stride << 6 << "1 1; 1 0";
    // The stripes (rows 384–447, columns 256–383: x mod 4 < 2 is 0, else 255), crop at column
    // 264, stride 3 reads columns 3j and 3j + 1: both dark only for j = 0 in 0…3.
    QTest::newRow("aliasing on the stripes")
        << stride << 7 << "0 255 255 255; 0 255 255 255; 0 255 255 255; 0 255 255 255";
    QTest::newRow("floor drops the edge") << padding << 0 << "7 9; 17 19";
    QTest::newRow("ceil keeps it") << padding << 1 << "7 9 10; 17 19 20; 22 24 25";
    QTest::newRow("padding never wins") << padding << 2 << "1 3 5; 11 13 15; 21 23 25";
    QTest::newRow("avg counts padding") << padding << 3 << "0.25 1.25 2.25; 4.25 10 12; 9.25 20 22";
    QTest::newRow("avg without padding") << padding << 4 << "1 2.5 4.5; 8.5 10 12; 18.5 20 22";
    QTest::newRow("SAME = ceil here") << padding << 5 << "7 9 10; 17 19 20; 22 24 25";
    QTest::newRow("SAME stride 1") << padding << 6
                                   << "7 8 9 10 10; 12 13 14 15 15; 17 18 19 20 20; "
                                      "22 23 24 25 25; 22 23 24 25 25";
    QTest::newRow("max backward") << backward << 0 << "0 0 0 1; 0 1 0 0; 0 0 1 0; 0 1 0 0";
    QTest::newRow("any gradient") << backward << 1 << "0 0 0 -1; 0 0.5 0 0; 0 0 3 0; 0 2 0 0";
    QTest::newRow("overlap adds") << backward << 2 << "0 0 0 1; 0 2 0 0; 1 0 4 0; 0 1 0 0";
    QTest::newRow("avg shares")
        << backward << 3
        << "0.25 0.25 0.25 0.25; 0.25 0.25 0.25 0.25; 0.25 0.25 0.25 0.25; 0.25 0.25 0.25 0.25";
    QTest::newRow("avg overlap")
        << backward << 4 << "0.25 0.5 0.5 0.25; 0.5 1 1 0.5; 0.5 1 1 0.5; 0.25 0.5 0.5 0.25";
    QTest::newRow("ties backward") << backward << 5 << "1 0 1 0; 0 0 0 0";
    QTest::newRow("skipped get nothing")
        << backward << 6 << "0 0 0 0 0; 0 1 0 1 0; 0 0 0 0 0; 0 1 0 0 1; 0 0 0 0 0";
}

void TestLessons::sampleLessonNumbers()
{
    QFETCH(QString, file);
    QFETCH(int, scene);
    QFETCH(QString, expected);
    auto w = openWindow();
    QVERIFY(w->lessons()->openLesson(sampleLesson(file)));
    QVERIFY(w->lessons()->showScene(scene));
    const bool photo = w->workspaceTabs()->currentWidget() == w->photoWorkspace();
    const auto trace = (photo ? w->photoDocument()->windowDocument() : w->document())->trace();
    QVERIFY(trace);
    const Tensor &got =
        trace->phase == Phase::Backward ? trace->inputGradient : trace->result.values;
    const QStringList rows = expected.split(QStringLiteral("; "));
    QCOMPARE(got.h(), int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList cols = rows[r].split(u' ');
        QCOMPARE(got.w(), int(cols.size()));
        for (int c = 0; c < cols.size(); ++c)
            QVERIFY2(got.at(r, c) == cols[c].toFloat(),
                     qPrintable(QStringLiteral("(%1, %2): %3, expected %4")
                                    .arg(r)
                                    .arg(c)
                                    .arg(got.at(r, c))
                                    .arg(cols[c])));
    }
    if (QTest::currentDataTag() == QByteArray("ties")) {
        // PyTorch's argmax of the two tied windows: index 0 (the first 5), index 2 (the first 3).
        QCOMPARE(trace->result.indices.at(0, 0), std::int64_t(0));
        QCOMPARE(trace->result.indices.at(0, 1), std::int64_t(2));
    }
}

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"

#include "lessoncontroller.h"

#include "coremessage.h"
#include "datadir.h"
#include "lessondocument.h"
#include "mainwindow.h"
#include "photoworkspace.h"
#include "pooldocument.h"
#include "scenelistdock.h"
#include "settings.h"
#include "stagewidget.h"
#include "traceplayer.h"
#include "unpooltrace.h"

#include <QAction>
#include <QBoxLayout>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QTabWidget>
#include <QUndoStack>

#include <algorithm>

namespace poolviz {

namespace {

constexpr int kMaxRecent = 8;
const QString kSuffix = QStringLiteral("poolviz");

bool allOnes(const Tensor &t)
{
    return std::all_of(t.data().begin(), t.data().end(), [](float v) { return v == 1.0f; });
}

} // namespace

LessonController::LessonController(MainWindow *window, QMenu *fileMenu)
    : QObject(window), m_window(window), m_lesson(new LessonDocument(this))
{
    setObjectName(QStringLiteral("lessonController"));
    m_dock = new SceneListDock(m_lesson, window);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide(); // shown when a lesson is opened or a scene added (View menu, F5 keep it)

    // The teacher's note: above the stage, in the stage's column, so presenter mode keeps it.
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("teacherNote"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::RichText);
    m_note->setStyleSheet(QStringLiteral(
        "#teacherNote { background: #fff8dc; color: #3a2c00; border: 1px solid #d8b650;"
        " border-radius: 4px; padding: 6px 10px; font-size: 13pt; }"));
    m_note->hide();
    placeNote(window->stage());

    createActions(fileMenu);

    connect(m_dock, &SceneListDock::addRequested, this, [this] {
        m_lesson->addScene(captureScene(tr("Scene %1").arg(m_lesson->sceneCount() + 1)));
        updateNote();
    });
    connect(m_dock, &SceneListDock::updateRequested, this,
            [this](int index) { m_lesson->updateScene(index, captureScene()); });
    connect(m_dock, &SceneListDock::sceneActivated, this, &LessonController::showScene);
    connect(m_dock, &SceneListDock::problemFound, m_window, &MainWindow::showError);
    connect(m_lesson, &LessonDocument::scenesChanged, this, &LessonController::updateNote);
    connect(m_lesson, &LessonDocument::currentSceneChanged, this, &LessonController::updateNote);
    connect(m_lesson, &LessonDocument::scenesChanged, this, &LessonController::updateActions);
    connect(m_lesson, &LessonDocument::modifiedChanged, this, &LessonController::updateActions);
    connect(m_lesson, &LessonDocument::currentSceneChanged, this, &LessonController::updateActions);
    // Presenter mode shows the Matrix tab; a photo scene on the Photo tab stays where it is.
    connect(window->workspaceTabs(), &QTabWidget::currentChanged, this, [this] {
        if (!m_window->isPresenting())
            m_photoBeforePresenting = photoTabShown();
    });
    connect(window, &MainWindow::presentingChanged, this, [this](bool on) {
        m_window->photoWorkspace()->setPresenting(on);
        const int current = m_lesson->currentScene();
        if (on && m_photoBeforePresenting && current >= 0 &&
            m_lesson->scene(current).tab == SceneTab::Photo) {
            m_window->workspaceTabs()->setCurrentWidget(m_window->photoWorkspace());
            m_window->photoWorkspace()->stage()->setFocus(Qt::OtherFocusReason);
        }
    });
    updateActions();
}

LessonController::~LessonController() = default;

bool LessonController::isLessonFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(kSuffix, Qt::CaseInsensitive) == 0;
}

QAction *LessonController::action(const QString &name) const
{
    return m_window->findChild<QAction *>(name);
}

// --- actions and menus ------------------------------------------------------------------------

void LessonController::createActions(QMenu *fileMenu)
{
    const auto make = [this](const QString &name, const QString &text,
                             const QKeySequence &keys = {}) {
        auto *a = new QAction(text, m_window);
        a->setObjectName(name);
        if (!keys.isEmpty())
            a->setShortcut(keys);
        m_window->addAction(a); // works while the menu bar is hidden (presenter mode)
        return a;
    };
    QAction *newAct = make(QStringLiteral("newLesson"), tr("New &Lesson"));
    newAct->setStatusTip(tr("Start an empty lesson: add scenes from the Lesson panel"));
    connect(newAct, &QAction::triggered, this, &LessonController::newLesson);
    QAction *openAct = make(QStringLiteral("openLesson"), tr("Open Lesso&n…"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openAct, &QAction::triggered, this, [this] {
        QString dir = QFileInfo(m_lesson->filePath()).absolutePath();
        if (m_lesson->filePath().isEmpty())
            dir = m_window->settings() ? m_window->settings()->lastDirectory() : QString();
        if (dir.isEmpty())
            dir = dataPath(QStringLiteral("lessons"));
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Lesson"), dir,
                                                          tr("PoolViz lessons (*.poolviz)"));
        if (!path.isEmpty())
            openLesson(path);
    });
    QAction *saveAct = make(QStringLiteral("saveLesson"), tr("Sa&ve Lesson"),
                            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    connect(saveAct, &QAction::triggered, this, &LessonController::save);
    QAction *saveAsAct = make(QStringLiteral("saveLessonAs"), tr("Sav&e Lesson As…"));
    connect(saveAsAct, &QAction::triggered, this, [this] {
        const QString path = m_savePathPrompt ? m_savePathPrompt() : QString();
        if (m_savePathPrompt) {
            if (!path.isEmpty())
                saveAs(path);
            return;
        }
        const QString chosen = QFileDialog::getSaveFileName(
            m_window, tr("Save Lesson"),
            m_lesson->filePath().isEmpty() ? tr("lesson.poolviz") : m_lesson->filePath(),
            tr("PoolViz lessons (*.poolviz)"));
        if (!chosen.isEmpty())
            saveAs(chosen);
    });
    QAction *nextAct = make(QStringLiteral("nextScene"), tr("Ne&xt Scene"),
                            QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    connect(nextAct, &QAction::triggered, this, &LessonController::nextScene);
    QAction *previousAct = make(QStringLiteral("previousScene"), tr("Pre&vious Scene"),
                                QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    connect(previousAct, &QAction::triggered, this, &LessonController::previousScene);
    // A presentation clicker sends Page Down / Page Up: a step, or the next scene.
    QAction *pageDownAct =
        make(QStringLiteral("nextPage"), tr("Next Step or Scene"), QKeySequence(Qt::Key_PageDown));
    connect(pageDownAct, &QAction::triggered, this, &LessonController::pageDown);
    QAction *pageUpAct = make(QStringLiteral("previousPage"), tr("Previous Step or Scene"),
                              QKeySequence(Qt::Key_PageUp));
    connect(pageUpAct, &QAction::triggered, this, &LessonController::pageUp);

    const auto handout = [&](const char *name, const QString &text, HandoutKind kind, bool whole) {
        QAction *a = make(QLatin1String(name), text);
        connect(a, &QAction::triggered, this, [this, kind, whole] { askHandout(kind, whole); });
        return a;
    };

    // File menu: the lesson's files, in a section before the last separator (Quit).
    QAction *before = nullptr;
    const QList<QAction *> existing = fileMenu->actions();
    for (auto it = existing.rbegin(); it != existing.rend(); ++it)
        if ((*it)->isSeparator()) {
            before = *it;
            break;
        }
    fileMenu->insertSeparator(before);
    fileMenu->insertAction(before, newAct);
    fileMenu->insertAction(before, openAct);
    m_samplesMenu = new QMenu(tr("Open Sa&mple Lesson"), fileMenu);
    m_samplesMenu->setObjectName(QStringLiteral("sampleLessonsMenu"));
    fileMenu->insertMenu(before, m_samplesMenu);
    for (const QString &path : sampleLessons()) {
        const LessonReadResult r = LessonFile::read(path);
        const QString title =
            r.ok() && !r.lesson->title.isEmpty() ? r.lesson->title : QFileInfo(path).baseName();
        QAction *a = m_samplesMenu->addAction(title);
        connect(a, &QAction::triggered, this, [this, path] { openLesson(path); });
    }
    m_samplesMenu->setEnabled(!m_samplesMenu->isEmpty());
    m_recentMenu = new QMenu(tr("Open &Recent Lesson"), fileMenu);
    m_recentMenu->setObjectName(QStringLiteral("recentLessonsMenu"));
    fileMenu->insertMenu(before, m_recentMenu);
    rebuildRecentMenu();
    fileMenu->insertAction(before, saveAct);
    fileMenu->insertAction(before, saveAsAct);
    auto *handoutMenu = new QMenu(tr("Export Han&dout (PDF)"), fileMenu);
    handoutMenu->setObjectName(QStringLiteral("handoutMenu"));
    fileMenu->insertMenu(before, handoutMenu);
    handoutMenu->addAction(handout("handoutLessonSteps", tr("Whole Lesson, One Page per &Step…"),
                                   HandoutKind::Steps, true));
    handoutMenu->addAction(handout("handoutLessonWorksheet",
                                   tr("Whole Lesson, &Worksheet with Answers…"),
                                   HandoutKind::Worksheet, true));
    handoutMenu->addAction(handout("handoutSceneSteps", tr("This Scene, One &Page per Step…"),
                                   HandoutKind::Steps, false));
    handoutMenu->addAction(handout("handoutSceneWorksheet",
                                   tr("This Scene, W&orksheet with Answers…"),
                                   HandoutKind::Worksheet, false));

    // View menu: the Lesson panel and moving between scenes.
    m_dock->toggleViewAction()->setText(tr("&Lesson Panel"));
    m_dock->toggleViewAction()->setObjectName(QStringLiteral("showLessonPanel"));
    if (auto *view = m_window->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
        view->addSeparator();
        view->addAction(m_dock->toggleViewAction());
        view->addAction(nextAct);
        view->addAction(previousAct);
    }
}

void LessonController::updateActions()
{
    const int count = m_lesson->sceneCount();
    const int current = m_lesson->currentScene();
    action(QStringLiteral("nextScene"))->setEnabled(count > 0 && current < count - 1);
    action(QStringLiteral("previousScene"))->setEnabled(count > 0 && current > 0);
    action(QStringLiteral("handoutLessonSteps"))->setEnabled(count > 0);
    action(QStringLiteral("handoutLessonWorksheet"))->setEnabled(count > 0);
    action(QStringLiteral("saveLesson"))->setEnabled(count > 0 || m_lesson->isModified());
}

void LessonController::updateNote()
{
    // The scene's title in bold, then the note: the class sees which scene this is.
    const int current = m_lesson->currentScene();
    const QString note = current >= 0 ? m_lesson->scene(current).note : QString();
    const QString title = current >= 0 ? m_lesson->scene(current).title : QString();
    m_note->setText(note.isEmpty()    ? QString()
                    : title.isEmpty() ? note.toHtmlEscaped()
                                      : QStringLiteral("<b>%1</b>&nbsp;&nbsp;%2")
                                            .arg(title.toHtmlEscaped(), note.toHtmlEscaped()));
    m_note->setAccessibleDescription(note);
    m_note->setVisible(!note.isEmpty());
}

// --- scenes -----------------------------------------------------------------------------------

Scene LessonController::captureScene(const QString &title) const
{
    if (photoTabShown() && m_window->photoDocument()->hasInput())
        return capturePhotoScene(title);
    const PoolDocument *doc = m_window->document();
    Scene s;
    s.title = title;
    s.tab = SceneTab::Matrix;
    s.input = doc->input();
    s.inputDescription = doc->inputDescription();
    if (const Tensor g = doc->upstream(); !g.empty() && !allOnes(g))
        s.upstream = g;
    s.params = doc->params();
    s.phase = doc->phase();
    s.plane = doc->plane();
    s.step = doc->step() + 1;
    return s;
}

bool LessonController::showScene(int index)
{
    if (index < 0 || index >= m_lesson->sceneCount())
        return false;
    const Scene &s = m_lesson->scene(index);
    PoolDocument *doc = m_window->document();
    m_window->player()->pause();
    const QString name = s.title.isEmpty() ? tr("Scene %1").arg(index + 1) : s.title;
    QString problem;
    if (s.tab == SceneTab::Photo && showPhotoScene(s, name, problem)) {
        m_lesson->setCurrentScene(index);
        updateNote();
        m_window->showError(problem);
        if (problem.isEmpty())
            m_window->showMessage(
                tr("Scene %1 of %2: %3").arg(index + 1).arg(m_lesson->sceneCount()).arg(name));
        return problem.isEmpty();
    }
    const QString photoProblem = problem;
    placeNote(m_window->stage());
    doc->undoStack()->beginMacro(tr("Show Scene “%1”").arg(name));
    doc->setInput(s.input,
                  s.inputDescription.isEmpty() ? tr("Scene “%1”").arg(name) : s.inputDescription);
    doc->setParams(s.params, tr("Show Scene “%1”").arg(name));
    doc->closeMergeWindow();
    doc->setPlane(s.plane);
    doc->setPhase(s.phase);
    // The gradient belongs to the output's shape: without one the document's ones stay.
    const Tensor current = doc->upstream();
    if (!s.upstream.empty()) {
        if (!current.empty() && s.upstream.sameShape(current.shape()))
            doc->setUpstream(s.upstream, tr("Show Scene “%1”").arg(name));
        else
            problem = tr("The gradient of scene “%1” is %2 but the output is %3: ones are used.")
                          .arg(name, QString::fromStdString(s.upstream.shapeString()),
                               current.empty() ? tr("missing")
                                               : QString::fromStdString(current.shapeString()));
    } else if (!current.empty() && !allOnes(current)) {
        Tensor ones = current;
        std::fill(ones.data().begin(), ones.data().end(), 1.0f);
        doc->setUpstream(ones, tr("Show Scene “%1”").arg(name));
    }
    doc->undoStack()->endMacro();
    doc->setStep(s.step - 1);
    m_window->workspaceTabs()->setCurrentIndex(0);
    m_lesson->setCurrentScene(index);
    updateNote();
    if (!doc->trace() && problem.isEmpty())
        problem = tr("Scene “%1” cannot be traced: %2").arg(name, doc->traceError());
    if (!photoProblem.isEmpty())
        problem = problem.isEmpty() ? photoProblem : photoProblem + QLatin1Char(' ') + problem;
    m_window->showError(problem);
    if (problem.isEmpty())
        m_window->showMessage(
            tr("Scene %1 of %2: %3").arg(index + 1).arg(m_lesson->sceneCount()).arg(name));
    return problem.isEmpty();
}

bool LessonController::nextScene()
{
    const int next = m_lesson->currentScene() + 1;
    return next < m_lesson->sceneCount() && showScene(next);
}

bool LessonController::previousScene()
{
    const int previous = m_lesson->currentScene() - 1;
    return previous >= 0 && showScene(previous);
}

void LessonController::pageDown()
{
    PoolDocument *doc = shownDocument();
    if (m_window->isPresenting() && m_lesson->currentScene() >= 0 &&
        doc->step() >= doc->stepCount() - 1 && nextScene())
        return;
    if (doc == m_window->document())
        m_window->action(QStringLiteral("stepForward"))->trigger();
    else
        doc->setStep(doc->step() + 1); // the Photo tab's sliding window
}

void LessonController::pageUp()
{
    PoolDocument *doc = shownDocument();
    if (m_window->isPresenting() && m_lesson->currentScene() > 0 && doc->step() < 0) {
        const int previous = m_lesson->currentScene() - 1;
        showScene(previous);
        shownDocument()->setStep(shownDocument()->stepCount() - 1);
        return;
    }
    if (doc == m_window->document())
        m_window->action(QStringLiteral("stepBack"))->trigger();
    else
        doc->setStep(doc->step() - 1);
}

// --- files ------------------------------------------------------------------------------------

bool LessonController::maybeKeepLesson(const QString &action)
{
    if (!m_lesson->isModified())
        return true;
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (m_prompt) {
        choice = m_prompt(action);
    } else {
        QMessageBox box(QMessageBox::Warning, tr("Unsaved Lesson"),
                        tr("The lesson has changes that are not saved."),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
        box.setInformativeText(tr("Save them before %1?").arg(action));
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        choice = answer == QMessageBox::Save      ? UnsavedChoice::Save
                 : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                  : UnsavedChoice::Cancel;
    }
    switch (choice) {
    case UnsavedChoice::Save:
        return save() && !m_lesson->isModified();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

bool LessonController::openLesson(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    if (!maybeKeepLesson(tr("opening “%1”").arg(name)))
        return false;
    const LessonReadResult r = LessonFile::read(path);
    if (!r.ok()) {
        m_window->showError(r.error);
        return false;
    }
    if (!r.lesson->scenes.isEmpty() &&
        !m_window->keepEditsBefore(tr("opening the lesson “%1”").arg(name)))
        return false;
    m_lesson->reset(*r.lesson, QFileInfo(path).absoluteFilePath());
    rememberRecent(QFileInfo(path).absoluteFilePath());
    m_dock->show();
    m_dock->raise();
    bool shown = true;
    if (m_lesson->sceneCount() > 0)
        shown = showScene(0);
    QStringList problems = r.problems;
    if (!shown) {
        // What the first scene could not show, said once: its missing photo names the file.
        const Scene &first = m_lesson->scene(0);
        if (first.tab == SceneTab::Photo && first.photo.missing) {
            const QString looked = QDir::toNativeSeparators(first.photo.path);
            problems.removeIf([&](const QString &p) { return p.contains(looked); });
        }
        problems.prepend(m_window->bannerText());
    }
    if (m_lesson->sceneCount() == 0)
        problems << tr("The lesson has no scenes.");
    if (!problems.isEmpty()) {
        m_window->showError(tr("Opened “%1”, but: %2").arg(name, problems.join(QLatin1Char(' '))));
    } else if (shown) {
        m_window->showMessage(
            tr("Opened the lesson “%1” (%n scene(s)).", nullptr, m_lesson->sceneCount())
                .arg(m_lesson->lesson().title.isEmpty() ? name : m_lesson->lesson().title));
    }
    return true;
}

bool LessonController::newLesson()
{
    if (!maybeKeepLesson(tr("starting a new lesson")))
        return false;
    m_lesson->reset(Lesson{});
    m_dock->show();
    m_dock->raise();
    updateNote();
    return true;
}

bool LessonController::save()
{
    if (!m_lesson->filePath().isEmpty())
        return saveAs(m_lesson->filePath());
    QAction *saveAs = action(QStringLiteral("saveLessonAs"));
    saveAs->trigger();
    return !m_lesson->isModified() && !m_lesson->filePath().isEmpty();
}

bool LessonController::saveAs(const QString &path)
{
    QString target = path;
    if (!isLessonFile(target))
        target += QLatin1Char('.') + kSuffix;
    const QString error = m_lesson->save(target);
    if (!error.isEmpty()) {
        m_window->showError(error);
        return false;
    }
    rememberRecent(QFileInfo(target).absoluteFilePath());
    m_window->showMessage(tr("Saved the lesson to %1.").arg(QFileInfo(target).fileName()));
    return true;
}

QStringList LessonController::recentLessons() const
{
    return m_window->settings() ? m_window->settings()->recentLessons() : QStringList();
}

QStringList LessonController::sampleLessons()
{
    const QString dir = dataPath(QStringLiteral("lessons"));
    if (dir.isEmpty())
        return {};
    QStringList paths;
    const QDir folder(dir);
    for (const QString &file :
         folder.entryList({QStringLiteral("*.poolviz")}, QDir::Files, QDir::Name))
        paths << folder.filePath(file);
    return paths;
}

void LessonController::rememberRecent(const QString &path)
{
    Settings *settings = m_window->settings();
    if (!settings)
        return;
    QStringList recent = settings->recentLessons();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings->setRecentLessons(recent);
    rebuildRecentMenu();
}

void LessonController::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : recentLessons()) {
        QAction *a = m_recentMenu->addAction(QFileInfo(path).fileName());
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { openLesson(path); });
    }
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

// --- handouts ---------------------------------------------------------------------------------

std::vector<HandoutScene> LessonController::handoutScenes(bool wholeLesson) const
{
    QList<Scene> scenes;
    if (wholeLesson)
        scenes = m_lesson->lesson().scenes;
    else
        scenes << captureScene(m_lesson->currentScene() >= 0
                                   ? m_lesson->scene(m_lesson->currentScene()).title
                                   : m_window->document()->inputDescription());
    if (!wholeLesson && m_lesson->currentScene() >= 0)
        scenes.first().note = m_lesson->scene(m_lesson->currentScene()).note;
    std::vector<HandoutScene> out;
    for (const Scene &s : std::as_const(scenes)) {
        HandoutScene h;
        h.title = s.title;
        h.note = s.note;
        h.fractions = m_window->stage()->fractions();
        try {
            // The core traces the scene as the window would; an invalid scene prints why.
            const Validation v = validate(s.params, s.input.h(), s.input.w(), s.input.planeCount());
            const int c = std::max(1, s.input.c());
            if (!v.ok())
                h.error = coreMessageText(v.errors);
            else if (s.phase == Phase::Unpool)
                h.trace =
                    std::make_shared<const Trace>(makeUnpoolTrace(s.input, s.params, s.plane));
            else
                h.trace = std::make_shared<const Trace>(makeTrace(
                    s.input, s.params, s.phase, s.plane,
                    s.upstream.empty() ? Tensor()
                                       : s.upstream.planeTensor(s.plane / c, s.plane % c)));
        } catch (const std::exception &e) {
            h.error = coreErrorText(e);
        }
        if (s.input.planeCount() > 1)
            h.planeName = tr("plane %1").arg(s.plane);
        out.push_back(std::move(h));
    }
    return out;
}

bool LessonController::exportHandout(const QString &path, HandoutKind kind, bool wholeLesson)
{
    const QString title =
        wholeLesson || m_lesson->currentScene() >= 0 ? m_lesson->lesson().title : QString();
    const QString error = Handout::write(path, title, handoutScenes(wholeLesson), kind);
    if (!error.isEmpty()) {
        m_window->showError(error);
        return false;
    }
    m_window->showMessage(tr("Wrote the handout %1.").arg(QFileInfo(path).fileName()));
    return true;
}

void LessonController::askHandout(HandoutKind kind, bool wholeLesson)
{
    QString base =
        m_lesson->filePath().isEmpty() ? tr("handout") : QFileInfo(m_lesson->filePath()).baseName();
    if (kind == HandoutKind::Worksheet)
        base += tr("-worksheet");
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Handout"), base + QStringLiteral(".pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    exportHandout(path, kind, wholeLesson);
}

} // namespace poolviz

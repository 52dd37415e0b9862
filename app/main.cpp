// poolviz: the PoolViz window. Parses the command line (FILE, --preset, --matrix, the pool options
// shared with poolviz-cli, --phase, --step), restores the last session, and either shows the
// window or, with --screenshot, renders it at its default size to a PNG and exits.

#include "examples.h"
#include "geometry.h"
#include "imageio.h"
#include "language.h"
#include "lessoncontroller.h"
#include "lessondocument.h"
#include "mainwindow.h"
#include "matrixio.h"
#include "pool.h"
#include "pooldocument.h"
#include "pooloptions.h"
#include "settings.h"

#include "photodocument.h"
#include "photopooler.h"
#include "photoworkspace.h"
#include "strideexplorer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QEventLoop>
#include <QFileInfo>
#include <QImageReader>
#include <QLayout>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace poolviz;

namespace {

/// Everything the command line asks for, checked before any window exists.
struct Options
{
    QString file;
    QString preset;
    QString matrixText;
    PoolParams params;
    bool poolOptionsGiven = false;
    std::optional<int> threads; ///< --threads: overrides the saved setting for this session
    std::optional<Phase> phase;
    std::optional<int> step; ///< 1-based; 0 = before the first step
    QString screenshot;
    QString handout;        ///< --handout: write a PDF handout and exit
    bool worksheet = false; ///< --worksheet: the handout as a worksheet with answers
    QSize size = MainWindow::defaultSize();
    bool sizeGiven = false;
    bool presenter = false;
    QString panel;            ///< "frameworks", "code" or "lesson": that panel shown
    QString lesson;           ///< a .poolviz lesson to open
    std::optional<int> scene; ///< --scene: 1-based scene of the lesson to show
};

int fail(const QString &message)
{
    std::fprintf(stderr, "poolviz: %s\n", qPrintable(message));
    return 2;
}

QString knownExamples()
{
    QStringList ids;
    for (const Example &ex : examples())
        ids << QString::fromStdString(ex.id);
    return ids.join(QStringLiteral(", "));
}

QString helpText(QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text.replace(QStringLiteral("<executable_name>"), QStringLiteral("poolviz"));
    // The examples grouped by the idea each teaches, as the Examples menu shows them.
    QString byIdea;
    for (const std::string &group : exampleGroups()) {
        QStringList ids;
        for (const Example &ex : examples())
            if (ex.group == group)
                ids << QString::fromStdString(ex.id);
        byIdea += QStringLiteral("  %1: %2\n")
                      .arg(QString::fromStdString(group), ids.join(QStringLiteral(", ")));
    }
    return text + QStringLiteral("\n") + QString::fromStdString(PoolOptionParser::help()) +
           QStringLiteral("\nExamples (--preset NAME), by idea:\n") + byIdea;
}

/// Parses `args` (without the program name). Returns an exit code when poolviz should stop now
/// (help, version, or an error already printed), nullopt to go on.
std::optional<int> parseArguments(const QStringList &args, Options &out)
{
    // The preset's parameters are the defaults the pool options change, so find it first.
    QString preset;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--preset") && i + 1 < args.size())
            preset = args[i + 1];
        else if (args[i].startsWith(QLatin1String("--preset=")))
            preset = args[i].mid(9);
    }
    PoolParams defaults;
    if (!preset.isEmpty()) {
        const Example *ex = findExample(preset.toStdString());
        if (!ex)
            return fail(QStringLiteral("--preset \"%1\": no such example (known: %2)")
                            .arg(preset, knownExamples()));
        defaults = ex->params;
    }

    std::vector<std::string> raw;
    for (const QString &a : args)
        raw.push_back(a.toStdString());
    PoolOptionParser pool(defaults);
    QStringList rest{QStringLiteral("poolviz")};
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == "--") { // everything after is positional
            for (std::size_t k = i; k < raw.size(); ++k)
                rest << QString::fromStdString(raw[k]);
            break;
        }
        if (!pool.consume(raw, i))
            rest << QString::fromStdString(raw[i]);
        else if (!pool.error().empty())
            return fail(QString::fromStdString(pool.error()));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "PoolViz: step through 2-D pooling (max, average, min, Lp, adaptive) forward "
        "and backward, as PyTorch and TensorFlow compute it."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Show this help and exit."));
    parser.addOption(helpOption);
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           QStringLiteral("Show the version and exit."));
    parser.addOption(versionOption);
    const QCommandLineOption presetOption(
        QStringLiteral("preset"), QStringLiteral("Load a built-in example (see the list below)."),
        QStringLiteral("NAME"));
    const QCommandLineOption matrixOption(
        QStringLiteral("matrix"),
        QStringLiteral("Use this matrix, e.g. \"1 2; 3 4\" or a NumPy repr."),
        QStringLiteral("TEXT"));
    const QCommandLineOption phaseOption(
        QStringLiteral("phase"), QStringLiteral("Show the forward or backward pass, or unpooling."),
        QStringLiteral("forward|backward|unpool"));
    const QCommandLineOption stepOption(
        QStringLiteral("step"),
        QStringLiteral("Show step N (1 = the first window, 0 = before it)."), QStringLiteral("N"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Render the window to this PNG and exit (needs no display)."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption sizeOption(
        QStringLiteral("size"),
        QStringLiteral("Window size (default 1600x1000, shrunk to fit the screen)."),
        QStringLiteral("WxH"));
    const QCommandLineOption presenterOption(
        QStringLiteral("presenter"),
        QStringLiteral("Start in presenter mode (F5): only the stage, full screen."));
    const QCommandLineOption panelOption(
        QStringLiteral("panel"),
        QStringLiteral("Show the Frameworks, Code, Lesson, Predict or Stride Explorer panel "
                       "(also in View)."),
        QStringLiteral("frameworks|code|lesson|predict|stride"));
    const QCommandLineOption sceneOption(
        QStringLiteral("scene"),
        QStringLiteral("With a lesson FILE: show its scene N (1 = the first)."),
        QStringLiteral("N"));
    const QCommandLineOption handoutOption(
        QStringLiteral("handout"),
        QStringLiteral("Write a PDF handout and exit: the whole lesson, or with --scene (or "
                       "without a lesson) the scene shown; one page per step."),
        QStringLiteral("OUT.pdf"));
    const QCommandLineOption worksheetOption(
        QStringLiteral("worksheet"),
        QStringLiteral("With --handout: a worksheet, the result grid blank, then the answers."));
    parser.addOptions({presetOption, matrixOption, phaseOption, stepOption, screenshotOption,
                       sizeOption, presenterOption, panelOption, sceneOption, handoutOption,
                       worksheetOption});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A matrix (.csv, .txt, .npy), an image or a lesson "
                                                "(.poolviz) to open."),
                                 QStringLiteral("[FILE]"));
    if (!parser.parse(rest))
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(helpText(parser)), stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("poolviz %s\n", POOLVIZ_VERSION);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(QStringLiteral("one FILE at most, got %1: %2")
                        .arg(positional.size())
                        .arg(positional.join(QLatin1Char(' '))));
    if (!positional.isEmpty())
        out.file = positional.first();
    if (LessonController::isLessonFile(out.file))
        std::swap(out.lesson, out.file);
    if (parser.isSet(sceneOption)) {
        bool ok = false;
        const int scene = parser.value(sceneOption).toInt(&ok);
        if (!ok || scene < 1)
            return fail(QStringLiteral("--scene \"%1\": not a scene number ≥ 1")
                            .arg(parser.value(sceneOption)));
        if (out.lesson.isEmpty())
            return fail(QStringLiteral("--scene %1: open a lesson (.poolviz) to choose a scene of")
                            .arg(scene));
        out.scene = scene;
    }
    out.preset = preset;
    out.matrixText = parser.value(matrixOption);
    out.params = pool.params();
    out.poolOptionsGiven = pool.anyGiven();
    out.threads = pool.threads();
    if (parser.isSet(phaseOption)) {
        const QString phase = parser.value(phaseOption).toLower();
        if (phase == QLatin1String("forward"))
            out.phase = Phase::Forward;
        else if (phase == QLatin1String("backward"))
            out.phase = Phase::Backward;
        else if (phase == QLatin1String("unpool"))
            out.phase = Phase::Unpool;
        else
            return fail(QStringLiteral("--phase \"%1\": use forward, backward or unpool")
                            .arg(parser.value(phaseOption)));
    }
    if (parser.isSet(stepOption)) {
        bool ok = false;
        const int step = parser.value(stepOption).toInt(&ok);
        if (!ok || step < 0)
            return fail(QStringLiteral("--step \"%1\": not a step number ≥ 0")
                            .arg(parser.value(stepOption)));
        out.step = step;
    }
    out.presenter = parser.isSet(presenterOption);
    if (parser.isSet(panelOption)) {
        out.panel = parser.value(panelOption).toLower();
        static const QStringList panels{QStringLiteral("frameworks"), QStringLiteral("code"),
                                        QStringLiteral("lesson"), QStringLiteral("predict"),
                                        QStringLiteral("stride")};
        if (!panels.contains(out.panel))
            return fail(QStringLiteral("--panel \"%1\": use frameworks, code, lesson, predict or "
                                       "stride")
                            .arg(parser.value(panelOption)));
    }
    out.handout = parser.value(handoutOption);
    if (parser.isSet(handoutOption) && out.handout.isEmpty())
        return fail(QStringLiteral("--handout needs a file name"));
    out.worksheet = parser.isSet(worksheetOption);
    if (out.worksheet && out.handout.isEmpty())
        return fail(QStringLiteral("--worksheet: say where with --handout OUT.pdf"));
    out.screenshot = parser.value(screenshotOption);
    if (parser.isSet(screenshotOption) && out.screenshot.isEmpty())
        return fail(QStringLiteral("--screenshot needs a file name"));
    if (parser.isSet(sizeOption)) {
        static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[x×X](\\d{2,5})$"));
        const auto m = re.match(parser.value(sizeOption));
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
        const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 320 || h < 240 || w > 10000 || h > 10000)
            return fail(QStringLiteral("--size \"%1\": use WxH between 320x240 and 10000x10000")
                            .arg(parser.value(sizeOption)));
        out.size = QSize(w, h);
        out.sizeGiven = true;
    }
    return std::nullopt;
}

bool isMatrixPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("txt") ||
           suffix == QLatin1String("npy");
}

/// The input the command line names (preset, --matrix, a matrix file), read before any window
/// exists so that every error is one line on stderr. `imageFile` is set for an image instead.
struct CommandInput
{
    std::optional<Tensor> input;
    /// What the input is, told once the translators are in (this runs before the application).
    std::function<QString()> description;
    QString imageFile;
};

std::optional<int> resolveInput(const Options &options, CommandInput &out)
{
    if (!options.preset.isEmpty()) {
        const Example *ex = findExample(options.preset.toStdString());
        out.input = ex->input;
        out.description = [ex] { return QObject::tr("Example: %1").arg(exampleText(ex->title)); };
    }
    if (!options.matrixText.isEmpty()) {
        const IoResult<Tensor> parsed = parseMatrixText(options.matrixText.toStdString());
        if (!parsed.ok())
            return fail(QStringLiteral("--matrix: %1")
                            .arg(QString::fromStdString(parsed.error.toString())));
        out.input = *parsed.value;
        out.description = [] { return QObject::tr("Matrix from the command line"); };
    }
    if (!options.file.isEmpty()) {
        if (!QFileInfo::exists(options.file))
            return fail(QStringLiteral("%1: no such file").arg(options.file));
        if (isMatrixPath(options.file)) {
            const IoResult<MatrixFile> r = readMatrixFile(options.file.toStdString());
            if (!r.ok())
                return fail(QString::fromStdString(r.error.toString()));
            for (const IoError &w : r.warnings)
                std::fprintf(stderr, "poolviz: warning: %s\n", w.toString().c_str());
            out.input = r.value->tensor;
            out.description = [name = QFileInfo(options.file).fileName()] { return name; };
        } else {
            out.imageFile = options.file; // checked once Qt's image plugins are loaded
        }
    }
    if (options.step && out.input && out.imageFile.isEmpty()) {
        // The number of steps is the trace's: ask core, as the window will.
        const Geometry g = computeGeometry(options.params, out.input->h(), out.input->w());
        const int steps = g.ok() ? g.outH() * g.outW() : 0;
        if (*options.step > steps)
            return fail(g.ok() ? QStringLiteral("--step %1: the trace has %2 steps")
                                     .arg(*options.step)
                                     .arg(steps)
                               : QStringLiteral("--step %1: there are no steps: %2")
                                     .arg(*options.step)
                                     .arg(QString::fromStdString(g.validation.errorText())));
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setOrganizationName(QStringLiteral("PoolViz"));
    QCoreApplication::setApplicationName(QStringLiteral("PoolViz"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POOLVIZ_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.poolviz.PoolViz"));

    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    Options options;
    if (const auto exitCode = parseArguments(args, options))
        return *exitCode;
    // Opened from a file manager (Open With, a double click), nobody reads stderr: the window
    // opens and says inline what is wrong with the file, as File ▸ Open does. A screenshot, or a
    // --step that must fit the file's trace, still checks the file first.
    QString openInWindow;
    if (!options.file.isEmpty() && options.screenshot.isEmpty() && options.handout.isEmpty() &&
        !options.step)
        std::swap(openInWindow, options.file);
    CommandInput command;
    if (const auto exitCode = resolveInput(options, command))
        return *exitCode;

    // A screenshot and a handout run without a window on screen.
    const bool screenshot = !options.screenshot.isEmpty() || !options.handout.isEmpty();
    if (screenshot && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    PhotoPooler::reuseLargeBuffers();
    QApplication app(argc, argv);
    app.setWindowIcon(QIcon(QStringLiteral(":/icons/poolviz.svg")));
    if (!command.imageFile.isEmpty() &&
        !QImageReader::supportedImageFormats().contains(
            QFileInfo(command.imageFile).suffix().toLower().toLatin1()))
        return fail(QStringLiteral("%1: not a matrix (.csv, .txt, .npy) or an image Qt reads")
                        .arg(command.imageFile));

    // A screenshot neither reads nor writes the user's settings: it must be reproducible.
    std::unique_ptr<Settings> settings;
    if (!screenshot)
        settings = std::make_unique<Settings>();
    if (settings)
        setCurrentLimits(settings->limits()); // Edit ▸ Limits…
    installTranslations(settings ? settings->language() : QString());
    MainWindow window(settings.get());
    PoolDocument *doc = window.document();
    window.restoreSession();
    if (options.threads)
        setThreadCount(*options.threads);

    // The input: a preset, a typed matrix or a file; pool options change the parameters.
    const PoolParams params =
        options.poolOptionsGiven || !options.preset.isEmpty() ? options.params : doc->params();
    doc->reset(command.input.value_or(doc->input()),
               command.input ? command.description() : doc->inputDescription(), params);
    if (options.phase)
        doc->setPhase(*options.phase);
    else if (const Example *ex = findExample(options.preset.toStdString()); ex && ex->backward)
        doc->setPhase(Phase::Backward); // a backward lesson opens on the backward pass
    if (!command.imageFile.isEmpty()) {
        PhotoDocument *photo = window.photoDocument();
        if (!photo->openImage(command.imageFile))
            return fail(QStringLiteral("%1: %2").arg(command.imageFile, photo->message()));
        // Each tab owns its parameters: pool options given with a photo are the Photo tab's.
        if (options.poolOptionsGiven)
            photo->parametersDocument()->setParams(options.params,
                                                   QObject::tr("Command-line parameters"));
        window.workspaceTabs()->setCurrentWidget(window.photoWorkspace());
    }
    if (!options.lesson.isEmpty() && screenshot) {
        // A screenshot or handout of a lesson shows it as the window would, or says why not.
        if (!window.lessons()->openLesson(options.lesson))
            return fail(QStringLiteral("%1: %2").arg(options.lesson, window.bannerText()));
        const int scenes = window.lessons()->document()->sceneCount();
        if (options.scene && *options.scene > scenes)
            return fail(QStringLiteral("--scene %1: the lesson has %2 scenes")
                            .arg(*options.scene)
                            .arg(scenes));
        if (options.scene)
            window.lessons()->showScene(*options.scene - 1);
    }
    if (options.step) {
        if (*options.step > doc->stepCount())
            return fail(QStringLiteral("--step %1: the trace has %2 steps")
                            .arg(*options.step)
                            .arg(doc->stepCount()));
        doc->setStep(*options.step - 1);
    }

    const auto showPanel = [&] {
        if (options.panel.isEmpty())
            return;
        if (auto *dock = window.findChild<QDockWidget *>(options.panel + QStringLiteral("Dock"))) {
            dock->show();
            dock->raise();
        }
    };
    if (!options.handout.isEmpty()) {
        const bool whole = !options.lesson.isEmpty() && !options.scene;
        if (!window.lessons()->exportHandout(
                options.handout, options.worksheet ? HandoutKind::Worksheet : HandoutKind::Steps,
                whole))
            return fail(window.bannerText());
        return 0;
    }
    if (screenshot)
        showPanel();

    if (screenshot) {
        window.setAttribute(Qt::WA_DontShowOnScreen);
        window.resize(options.size);
        if (options.presenter)
            window.setPresenting(true, false); // the stage alone, at --size
        window.show();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (window.layout())
            window.layout()->activate();
        // As on a screen of that size: panels fold before numbers lose digits.
        window.fitPanelsToNumbers();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        if (window.layout())
            window.layout()->activate();
        if (PhotoDocument *photo = window.photoDocument(); photo->isPooling()) {
            // Pooling a photo runs off the GUI thread: wait (bounded) for its result.
            QEventLoop wait;
            QObject::connect(photo, &PhotoDocument::resultApplied, &wait, &QEventLoop::quit);
            QTimer::singleShot(20000, &wait, &QEventLoop::quit);
            wait.exec();
        }
        if (auto *explorer = window.findChild<StrideExplorer *>();
            explorer && explorer->isPooling()) {
            // So are the stride explorer's photo tiles.
            QEventLoop wait;
            QObject::connect(explorer, &StrideExplorer::tilesChanged, &wait, &QEventLoop::quit);
            QTimer::singleShot(20000, &wait, &QEventLoop::quit);
            wait.exec();
        }
        QCoreApplication::sendPostedEvents();
        QImage image = window.grab().toImage();
        image.setDevicePixelRatio(1.0);
        const QString error = saveImage(image, options.screenshot);
        if (!error.isEmpty())
            return fail(error);
        return 0;
    }

    window.restoreWindowLayout();
    showPanel(); // after the saved layout, which may have hidden it
    if (options.sizeGiven)
        window.resize(options.size);
    window.show();
    if (!openInWindow.isEmpty())
        window.openFile(openInWindow);
    if (!options.lesson.isEmpty() && window.lessons()->openLesson(options.lesson) && options.scene)
        window.lessons()->showScene(*options.scene - 1);
    if (options.presenter)
        window.setPresenting(true);
    return app.exec();
}

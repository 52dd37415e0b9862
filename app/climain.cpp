// poolviz-cli: the headless tool (pool, backward, unpool, animate). See DESIGN.md "poolviz-cli".
#include "clicommands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

/// Keeps stderr to poolviz-cli's own one-line messages: Qt's debug, info and warning chatter
/// (e.g. about XDG_RUNTIME_DIR on the offscreen platform) is dropped.
void messageHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::fprintf(stderr, "poolviz-cli: %s\n", message.toLocal8Bit().constData());
}

} // namespace

int main(int argc, char **argv)
{
    // Taken before Qt sees argv, so that Qt never consumes options such as -platform.
    const std::vector<std::string> args(argv + 1, argv + argc);
    qInstallMessageHandler(messageHandler);

    std::unique_ptr<QCoreApplication> app;
    if (!args.empty() && poolviz::cli::needsGui(args.front())) {
        // animate renders text with QPainter, which needs a QGuiApplication; no display needed.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("poolviz-cli"));
    // The CLI speaks English whatever the system locale: it installs no translator, and numbers
    // in its messages and in animate's captions keep '.' (scripts parse them).
    QLocale::setDefault(QLocale::c());
    return poolviz::cli::run(args);
}

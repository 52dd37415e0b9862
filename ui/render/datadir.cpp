#include "datadir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace poolviz {

QString dataDirectory()
{
    const auto isDir = [](const QString &path) {
        return !path.isEmpty() && QFileInfo(path).isDir();
    };
    if (const QString env = qEnvironmentVariable("POOLVIZ_DATA_DIR"); isDir(env))
        return QDir::cleanPath(QDir(env).absolutePath());
    // Set by CMake from the install layout (bin → share/poolviz), relative so a moved prefix works.
    const QString installed =
        QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                        QStringLiteral(POOLVIZ_BIN_TO_DATA_DIR));
    if (isDir(installed))
        return installed;
    // A build-tree run (and only that: an installed copy must never lean on the sources).
    const QString buildDir = QDir::cleanPath(QStringLiteral(POOLVIZ_BUILD_DIR)) + QLatin1Char('/');
    if (QCoreApplication::applicationDirPath().startsWith(buildDir) &&
        isDir(QStringLiteral(POOLVIZ_SOURCE_DATA_DIR)))
        return QStringLiteral(POOLVIZ_SOURCE_DATA_DIR);
    return {};
}

QString dataPath(const QString &relative)
{
    const QString dir = dataDirectory();
    return dir.isEmpty() ? QString() : QDir(dir).filePath(relative);
}

} // namespace poolviz

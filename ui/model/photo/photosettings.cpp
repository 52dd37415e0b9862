#include "photosettings.h"

#include <QFileInfo>

#include <algorithm>

namespace poolviz {

namespace {
const char kRecent[] = "photos/recentFiles";
const char kMaxMegapixels[] = "photos/maxMegapixels";
const char kThreads[] = "photos/threads";
const char kLastDirectory[] = "photos/lastDirectory";
const char kExportScale[] = "photos/exportScale";
const char kExportQuality[] = "photos/exportQuality";

int readInt(const QSettings &settings, const char *key, int fallback, int lo, int hi)
{
    bool ok = false;
    const int v = settings.value(key).toInt(&ok);
    return ok && v >= lo && v <= hi ? v : fallback;
}
} // namespace

QStringList PhotoSettings::recentFiles() const
{
    QStringList files;
    for (const QString &f : m_settings.value(kRecent).toStringList())
        if (!f.isEmpty() && QFileInfo::exists(f) && !files.contains(f))
            files << f;
    return files.mid(0, maxRecentFiles);
}

void PhotoSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    m_settings.setValue(kRecent, files.mid(0, maxRecentFiles));
}

void PhotoSettings::clearRecentFiles()
{
    m_settings.remove(kRecent);
}

double PhotoSettings::maxMegapixels() const
{
    bool ok = false;
    const double v = m_settings.value(kMaxMegapixels).toDouble(&ok);
    return ok && v >= 0.01 && v <= 10000 ? v : defaultMaxMegapixels;
}

void PhotoSettings::setMaxMegapixels(double megapixels)
{
    m_settings.setValue(kMaxMegapixels, std::clamp(megapixels, 0.01, 10000.0));
}

int PhotoSettings::threads() const
{
    bool ok = false;
    const int v = m_settings.value(kThreads).toInt(&ok);
    return ok && v >= 0 && v <= 256 ? v : 0;
}

void PhotoSettings::setThreads(int threads)
{
    m_settings.setValue(kThreads, std::clamp(threads, 0, 256));
}

QString PhotoSettings::lastDirectory() const
{
    return m_settings.value(kLastDirectory).toString();
}

void PhotoSettings::setLastDirectory(const QString &dir)
{
    m_settings.setValue(kLastDirectory, dir);
}

int PhotoSettings::exportScale() const
{
    return readInt(m_settings, kExportScale, 1, 1, 64);
}

void PhotoSettings::setExportScale(int scale)
{
    m_settings.setValue(kExportScale, std::clamp(scale, 1, 64));
}

int PhotoSettings::exportQuality() const
{
    return readInt(m_settings, kExportQuality, 90, 1, 100);
}

void PhotoSettings::setExportQuality(int quality)
{
    m_settings.setValue(kExportQuality, std::clamp(quality, 1, 100));
}

} // namespace poolviz

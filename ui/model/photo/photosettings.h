#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>

namespace poolviz {

/// The photo workspace's settings, kept under "photos/" in the application's QSettings: every
/// key is named once here and checked when read back.
class PhotoSettings
{
public:
    /// At most this many recent files are remembered.
    static constexpr int maxRecentFiles = 8;
    /// The default size limit of a photo, in megapixels.
    static constexpr double defaultMaxMegapixels = 100;

    /// Recently opened photos, newest first (only ones that still exist).
    QStringList recentFiles() const;
    /// Moves `path` to the front of the recent files.
    void addRecentFile(const QString &path);
    /// Forgets all recent files.
    void clearRecentFiles();

    /// The size limit in megapixels (0.01–10000; default 100).
    double maxMegapixels() const;
    void setMaxMegapixels(double megapixels);

    /// How many threads pool photos: 0 (the default) for every core, else 1–256.
    int threads() const;
    void setThreads(int threads);

    /// The folder last used in a photo dialog (empty: the dialog's own choice).
    QString lastDirectory() const;
    void setLastDirectory(const QString &dir);

    /// The last export upscale factor (1–64, default 1) and JPEG/WebP quality (1–100, default 90).
    int exportScale() const;
    void setExportScale(int scale);
    int exportQuality() const;
    void setExportQuality(int quality);

private:
    mutable QSettings m_settings;
};

} // namespace poolviz

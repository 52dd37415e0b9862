#pragma once

#include "poolparams.h"
#include "sizelimits.h"
#include "tensor.h"
#include "trace.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace poolviz {

/// A typed view of PoolViz's QSettings: every key is named once here, and every value read back
/// is checked, so a damaged or old settings file gives defaults instead of nonsense.
class Settings
{
public:
    /// The application's settings (organisation and application name from QCoreApplication).
    Settings();
    /// Settings kept in the INI file `path` (tests use a temporary file).
    explicit Settings(const QString &path);

    /// The pooling parameters of the last session, if any were saved and they read back whole.
    std::optional<PoolParams> params() const;
    void setParams(const PoolParams &params);

    /// The last session's matrix (only small matrices are kept), if any.
    std::optional<Tensor> input() const;
    /// What the last session's matrix was ("Example: …", a file name), empty if none.
    QString inputDescription() const;
    /// Keeps `input` for the next session when it has at most `maxValues` values; else forgets it.
    void setInput(const Tensor &input, const QString &description, int maxValues = 4096);

    Phase phase() const;
    void setPhase(Phase phase);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    /// Playback speed factor, clamped to 0.25–4 (default 1).
    double speed() const;
    void setSpeed(double speed);
    /// True for smooth sliding, false for jumping (reduced motion); `fallback` until chosen.
    bool smoothMotion(bool fallback = true) const;
    void setSmoothMotion(bool smooth);

    /// How much PoolViz computes before refusing (core's Limits); defaults when unset or damaged.
    Limits limits() const;
    void setLimits(const Limits &limits);

    /// The folder last used in a file dialog (default: empty, the dialog's own choice).
    QString lastDirectory() const;
    void setLastDirectory(const QString &dir);

    /// The window's language: "" follows the system locale (the default), else a code such as
    /// "de" (see language.h). Read back as stored; language.h falls back to English for a code
    /// it has no translation for.
    QString language() const;
    void setLanguage(const QString &code);

    /// The lesson files opened or saved lately, most recent first (missing entries dropped).
    QStringList recentLessons() const;
    void setRecentLessons(const QStringList &paths);

    /// Writes pending changes to storage.
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace poolviz

#include "settings.h"

#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace poolviz {

namespace {

constexpr int kFormatVersion = 1;

QString modeKey(PoolMode mode)
{
    switch (mode) {
    case PoolMode::Max:
        return QStringLiteral("max");
    case PoolMode::Avg:
        return QStringLiteral("avg");
    case PoolMode::Min:
        return QStringLiteral("min");
    case PoolMode::Lp:
        return QStringLiteral("lp");
    }
    return QStringLiteral("max");
}

std::optional<PoolMode> modeFromKey(const QString &key)
{
    for (PoolMode m : {PoolMode::Max, PoolMode::Avg, PoolMode::Min, PoolMode::Lp})
        if (modeKey(m) == key)
            return m;
    return std::nullopt;
}

QString paddingKey(PaddingMode mode)
{
    switch (mode) {
    case PaddingMode::Explicit:
        return QStringLiteral("explicit");
    case PaddingMode::SameUpper:
        return QStringLiteral("same");
    case PaddingMode::SameLower:
        return QStringLiteral("same_lower");
    case PaddingMode::Valid:
        return QStringLiteral("valid");
    }
    return QStringLiteral("explicit");
}

std::optional<PaddingMode> paddingFromKey(const QString &key)
{
    for (PaddingMode m : {PaddingMode::Explicit, PaddingMode::SameUpper, PaddingMode::SameLower,
                          PaddingMode::Valid})
        if (paddingKey(m) == key)
            return m;
    return std::nullopt;
}

/// Reads an integer in [lo, hi]; nullopt if missing or out of range.
std::optional<int> readInt(const QSettings &s, const QString &key, int lo, int hi)
{
    bool ok = false;
    const int v = s.value(key).toInt(&ok);
    if (!ok || v < lo || v > hi)
        return std::nullopt;
    return v;
}

QString floatText(float v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return QString::fromLatin1(buf, int(r.ptr - buf));
}

} // namespace

Settings::Settings() : m_settings(std::make_unique<QSettings>()) {}

Settings::Settings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{
}

std::optional<PoolParams> Settings::params(const QString &group) const
{
    QSettings &s = *m_settings;
    if (s.value(group + QStringLiteral("/version")).toInt() != kFormatVersion)
        return std::nullopt;
    PoolParams p;
    const auto mode = modeFromKey(s.value(group + QStringLiteral("/mode")).toString());
    const auto padding = paddingFromKey(s.value(group + QStringLiteral("/paddingMode")).toString());
    const auto kh = readInt(s, group + QStringLiteral("/kernelH"), 1, 1024);
    const auto kw = readInt(s, group + QStringLiteral("/kernelW"), 1, 1024);
    const auto dh = readInt(s, group + QStringLiteral("/dilationH"), 1, 1024);
    const auto dw = readInt(s, group + QStringLiteral("/dilationW"), 1, 1024);
    const auto pt = readInt(s, group + QStringLiteral("/padTop"), 0, 1024);
    const auto pb = readInt(s, group + QStringLiteral("/padBottom"), 0, 1024);
    const auto pl = readInt(s, group + QStringLiteral("/padLeft"), 0, 1024);
    const auto pr = readInt(s, group + QStringLiteral("/padRight"), 0, 1024);
    bool pOk = false;
    const double lp = s.value(group + QStringLiteral("/p")).toDouble(&pOk);
    if (!mode || !padding || !kh || !kw || !dh || !dw || !pt || !pb || !pl || !pr || !pOk ||
        !(lp > 0) || !std::isfinite(lp))
        return std::nullopt;
    p.mode = *mode;
    p.paddingMode = *padding;
    p.kernel = {*kh, *kw};
    p.dilation = {*dh, *dw};
    p.padding = {*pt, *pb, *pl, *pr};
    p.p = lp;
    if (s.value(group + QStringLiteral("/strideSet")).toBool()) {
        const auto sh = readInt(s, group + QStringLiteral("/strideH"), 1, 1024);
        const auto sw = readInt(s, group + QStringLiteral("/strideW"), 1, 1024);
        if (!sh || !sw)
            return std::nullopt;
        p.stride = Size2{*sh, *sw};
    }
    p.ceilMode = s.value(group + QStringLiteral("/ceilMode")).toBool();
    p.countIncludePad = s.value(group + QStringLiteral("/countIncludePad"), true).toBool();
    if (const auto d = readInt(s, group + QStringLiteral("/divisor"), 1, 1 << 20))
        p.divisorOverride = *d;
    if (s.value(group + QStringLiteral("/adaptiveSet")).toBool()) {
        const auto ah = readInt(s, group + QStringLiteral("/adaptiveH"), 1, 4096);
        const auto aw = readInt(s, group + QStringLiteral("/adaptiveW"), 1, 4096);
        if (!ah || !aw)
            return std::nullopt;
        p.adaptiveOutput = Size2{*ah, *aw};
    }
    p.global = s.value(group + QStringLiteral("/global")).toBool();
    return p;
}

void Settings::setParams(const PoolParams &p, const QString &group)
{
    QSettings &s = *m_settings;
    s.remove(group);
    s.setValue(group + QStringLiteral("/version"), kFormatVersion);
    s.setValue(group + QStringLiteral("/mode"), modeKey(p.mode));
    s.setValue(group + QStringLiteral("/p"), p.p);
    s.setValue(group + QStringLiteral("/kernelH"), p.kernel.h);
    s.setValue(group + QStringLiteral("/kernelW"), p.kernel.w);
    s.setValue(group + QStringLiteral("/strideSet"), p.stride.has_value());
    if (p.stride) {
        s.setValue(group + QStringLiteral("/strideH"), p.stride->h);
        s.setValue(group + QStringLiteral("/strideW"), p.stride->w);
    }
    s.setValue(group + QStringLiteral("/paddingMode"), paddingKey(p.paddingMode));
    s.setValue(group + QStringLiteral("/padTop"), p.padding.top);
    s.setValue(group + QStringLiteral("/padBottom"), p.padding.bottom);
    s.setValue(group + QStringLiteral("/padLeft"), p.padding.left);
    s.setValue(group + QStringLiteral("/padRight"), p.padding.right);
    s.setValue(group + QStringLiteral("/dilationH"), p.dilation.h);
    s.setValue(group + QStringLiteral("/dilationW"), p.dilation.w);
    s.setValue(group + QStringLiteral("/ceilMode"), p.ceilMode);
    s.setValue(group + QStringLiteral("/countIncludePad"), p.countIncludePad);
    if (p.divisorOverride)
        s.setValue(group + QStringLiteral("/divisor"), *p.divisorOverride);
    s.setValue(group + QStringLiteral("/adaptiveSet"), p.adaptiveOutput.has_value());
    if (p.adaptiveOutput) {
        s.setValue(group + QStringLiteral("/adaptiveH"), p.adaptiveOutput->h);
        s.setValue(group + QStringLiteral("/adaptiveW"), p.adaptiveOutput->w);
    }
    s.setValue(group + QStringLiteral("/global"), p.global);
}

std::optional<Tensor> Settings::input() const
{
    const QSettings &s = *m_settings;
    const QStringList shape =
        s.value(QStringLiteral("input/shape")).toString().split(QLatin1Char(','));
    if (shape.size() != 5)
        return std::nullopt;
    int dims[5];
    for (int i = 0; i < 5; ++i) {
        bool ok = false;
        dims[i] = shape[i].toInt(&ok);
        if (!ok || dims[i] < 1 || dims[i] > 4096)
            return std::nullopt;
    }
    if (dims[4] < 2 || dims[4] > 4)
        return std::nullopt;
    const QStringList values = s.value(QStringLiteral("input/values"))
                                   .toString()
                                   .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    Tensor t(dims[0], dims[1], dims[2], dims[3], 0.0f, dims[4]);
    if (qsizetype(t.size()) != values.size())
        return std::nullopt;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QByteArray text = values[i].toLatin1();
        float v = 0;
        const auto r = std::from_chars(text.constData(), text.constData() + text.size(), v);
        if (r.ec != std::errc() || r.ptr != text.constData() + text.size())
            return std::nullopt;
        t.data()[std::size_t(i)] = v;
    }
    return t;
}

QString Settings::inputDescription() const
{
    return m_settings->value(QStringLiteral("input/description")).toString();
}

void Settings::setInput(const Tensor &input, const QString &description, int maxValues)
{
    QSettings &s = *m_settings;
    s.remove(QStringLiteral("input"));
    if (input.empty() || input.size() > std::size_t(std::max(0, maxValues)))
        return;
    QStringList values;
    values.reserve(qsizetype(input.size()));
    for (float v : input.data())
        values << floatText(v);
    s.setValue(QStringLiteral("input/shape"), QStringLiteral("%1,%2,%3,%4,%5")
                                                  .arg(input.n())
                                                  .arg(input.c())
                                                  .arg(input.h())
                                                  .arg(input.w())
                                                  .arg(input.rank()));
    s.setValue(QStringLiteral("input/values"), values.join(QLatin1Char(' ')));
    s.setValue(QStringLiteral("input/description"), description);
}

Phase Settings::phase() const
{
    return m_settings->value(QStringLiteral("view/phase")).toString() == QLatin1String("backward")
               ? Phase::Backward
               : Phase::Forward;
}

void Settings::setPhase(Phase phase)
{
    m_settings->setValue(QStringLiteral("view/phase"), phase == Phase::Backward
                                                           ? QStringLiteral("backward")
                                                           : QStringLiteral("forward"));
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/state"), state);
}

Limits Settings::limits() const
{
    Limits l;
    bool ok = false;
    const qint64 values = m_settings->value(QStringLiteral("limits/maxValues")).toLongLong(&ok);
    if (ok && values >= 1)
        l.values = values;
    const qint64 steps = m_settings->value(QStringLiteral("limits/maxSteps")).toLongLong(&ok);
    if (ok && steps >= 1)
        l.steps = steps;
    return l;
}

void Settings::setLimits(const Limits &limits)
{
    m_settings->setValue(QStringLiteral("limits/maxValues"), qint64(limits.values));
    m_settings->setValue(QStringLiteral("limits/maxSteps"), qint64(limits.steps));
}

double Settings::speed() const
{
    bool ok = false;
    const double v = m_settings->value(QStringLiteral("playback/speed"), 1.0).toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return 1.0;
    return std::clamp(v, 0.25, 4.0);
}

void Settings::setSpeed(double speed)
{
    m_settings->setValue(QStringLiteral("playback/speed"), std::clamp(speed, 0.25, 4.0));
}

bool Settings::smoothMotion(bool fallback) const
{
    return m_settings->value(QStringLiteral("playback/smooth"), fallback).toBool();
}

void Settings::setSmoothMotion(bool smooth)
{
    m_settings->setValue(QStringLiteral("playback/smooth"), smooth);
}

bool Settings::photoParamsLinked() const
{
    return m_settings->value(QStringLiteral("photo/linkedParameters"), false).toBool();
}

void Settings::setPhotoParamsLinked(bool linked)
{
    m_settings->setValue(QStringLiteral("photo/linkedParameters"), linked);
}

QString Settings::lastDirectory() const
{
    return m_settings->value(QStringLiteral("files/lastDirectory")).toString();
}

void Settings::setLastDirectory(const QString &dir)
{
    m_settings->setValue(QStringLiteral("files/lastDirectory"), dir);
}

QString Settings::language() const
{
    return m_settings->value(QStringLiteral("ui/language")).toString();
}

void Settings::setLanguage(const QString &code)
{
    m_settings->setValue(QStringLiteral("ui/language"), code);
}

QStringList Settings::recentLessons() const
{
    QStringList paths;
    for (const QString &path : m_settings->value(QStringLiteral("lessons/recent")).toStringList())
        if (!path.isEmpty() && !paths.contains(path) && QFileInfo::exists(path))
            paths << path;
    return paths;
}

void Settings::setRecentLessons(const QStringList &paths)
{
    m_settings->setValue(QStringLiteral("lessons/recent"), paths);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace poolviz

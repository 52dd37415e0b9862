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

std::optional<PoolParams> Settings::params() const
{
    QSettings &s = *m_settings;
    if (s.value(QStringLiteral("params/version")).toInt() != kFormatVersion)
        return std::nullopt;
    PoolParams p;
    const auto mode = modeFromKey(s.value(QStringLiteral("params/mode")).toString());
    const auto padding = paddingFromKey(s.value(QStringLiteral("params/paddingMode")).toString());
    const auto kh = readInt(s, QStringLiteral("params/kernelH"), 1, 1024);
    const auto kw = readInt(s, QStringLiteral("params/kernelW"), 1, 1024);
    const auto dh = readInt(s, QStringLiteral("params/dilationH"), 1, 1024);
    const auto dw = readInt(s, QStringLiteral("params/dilationW"), 1, 1024);
    const auto pt = readInt(s, QStringLiteral("params/padTop"), 0, 1024);
    const auto pb = readInt(s, QStringLiteral("params/padBottom"), 0, 1024);
    const auto pl = readInt(s, QStringLiteral("params/padLeft"), 0, 1024);
    const auto pr = readInt(s, QStringLiteral("params/padRight"), 0, 1024);
    bool pOk = false;
    const double lp = s.value(QStringLiteral("params/p")).toDouble(&pOk);
    if (!mode || !padding || !kh || !kw || !dh || !dw || !pt || !pb || !pl || !pr || !pOk ||
        !(lp > 0) || !std::isfinite(lp))
        return std::nullopt;
    p.mode = *mode;
    p.paddingMode = *padding;
    p.kernel = {*kh, *kw};
    p.dilation = {*dh, *dw};
    p.padding = {*pt, *pb, *pl, *pr};
    p.p = lp;
    if (s.value(QStringLiteral("params/strideSet")).toBool()) {
        const auto sh = readInt(s, QStringLiteral("params/strideH"), 1, 1024);
        const auto sw = readInt(s, QStringLiteral("params/strideW"), 1, 1024);
        if (!sh || !sw)
            return std::nullopt;
        p.stride = Size2{*sh, *sw};
    }
    p.ceilMode = s.value(QStringLiteral("params/ceilMode")).toBool();
    p.countIncludePad = s.value(QStringLiteral("params/countIncludePad"), true).toBool();
    if (const auto d = readInt(s, QStringLiteral("params/divisor"), 1, 1 << 20))
        p.divisorOverride = *d;
    if (s.value(QStringLiteral("params/adaptiveSet")).toBool()) {
        const auto ah = readInt(s, QStringLiteral("params/adaptiveH"), 1, 4096);
        const auto aw = readInt(s, QStringLiteral("params/adaptiveW"), 1, 4096);
        if (!ah || !aw)
            return std::nullopt;
        p.adaptiveOutput = Size2{*ah, *aw};
    }
    p.global = s.value(QStringLiteral("params/global")).toBool();
    return p;
}

void Settings::setParams(const PoolParams &p)
{
    QSettings &s = *m_settings;
    s.remove(QStringLiteral("params"));
    s.setValue(QStringLiteral("params/version"), kFormatVersion);
    s.setValue(QStringLiteral("params/mode"), modeKey(p.mode));
    s.setValue(QStringLiteral("params/p"), p.p);
    s.setValue(QStringLiteral("params/kernelH"), p.kernel.h);
    s.setValue(QStringLiteral("params/kernelW"), p.kernel.w);
    s.setValue(QStringLiteral("params/strideSet"), p.stride.has_value());
    if (p.stride) {
        s.setValue(QStringLiteral("params/strideH"), p.stride->h);
        s.setValue(QStringLiteral("params/strideW"), p.stride->w);
    }
    s.setValue(QStringLiteral("params/paddingMode"), paddingKey(p.paddingMode));
    s.setValue(QStringLiteral("params/padTop"), p.padding.top);
    s.setValue(QStringLiteral("params/padBottom"), p.padding.bottom);
    s.setValue(QStringLiteral("params/padLeft"), p.padding.left);
    s.setValue(QStringLiteral("params/padRight"), p.padding.right);
    s.setValue(QStringLiteral("params/dilationH"), p.dilation.h);
    s.setValue(QStringLiteral("params/dilationW"), p.dilation.w);
    s.setValue(QStringLiteral("params/ceilMode"), p.ceilMode);
    s.setValue(QStringLiteral("params/countIncludePad"), p.countIncludePad);
    if (p.divisorOverride)
        s.setValue(QStringLiteral("params/divisor"), *p.divisorOverride);
    s.setValue(QStringLiteral("params/adaptiveSet"), p.adaptiveOutput.has_value());
    if (p.adaptiveOutput) {
        s.setValue(QStringLiteral("params/adaptiveH"), p.adaptiveOutput->h);
        s.setValue(QStringLiteral("params/adaptiveW"), p.adaptiveOutput->w);
    }
    s.setValue(QStringLiteral("params/global"), p.global);
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

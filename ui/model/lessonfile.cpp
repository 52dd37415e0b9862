#include "lessonfile.h"

#include "coremessage.h"
#include "imageio.h"
#include "pooldocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace poolviz {

bool operator==(const Scene &a, const Scene &b)
{
    return a.title == b.title && a.note == b.note && a.tab == b.tab &&
           identicalTensors(a.input, b.input) && a.inputDescription == b.inputDescription &&
           identicalTensors(a.upstream, b.upstream) && a.params == b.params && a.phase == b.phase &&
           a.plane == b.plane && a.step == b.step && a.photo == b.photo;
}

namespace {

const QString kFormatName = QStringLiteral("poolviz-lesson");

// --- names of enum values in the file ---------------------------------------------------------

const char *const kModes[] = {"max", "avg", "min", "lp"};
const char *const kPaddings[] = {"explicit", "same", "same_lower", "valid"};
const char *const kPhases[] = {"forward", "backward", "unpool"}; // Phase's order
const char *const kChannelModes[] = {"color", "gray", "red", "green", "blue", "alpha"};

QString modeKeyOf(PoolMode m)
{
    return QString::fromLatin1(kModes[int(m)]);
}
QString paddingKeyOf(PaddingMode m)
{
    return QString::fromLatin1(kPaddings[int(m)]);
}

// --- writing ----------------------------------------------------------------------------------

QJsonValue numberValue(float v)
{
    if (std::isnan(v))
        return QStringLiteral("nan");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    if (v == 0 && std::signbit(v))
        return QStringLiteral("-0"); // JSON numbers lose the sign of zero
    // The shortest decimal that reads back as this float ("0.1", not 0.10000000149011612), as a
    // double; the exact double where that would round to another float.
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    const double shortest = std::strtod(std::string(buf, r.ptr).c_str(), nullptr);
    return float(shortest) == v ? shortest : double(v);
}

QJsonObject tensorObject(const Tensor &t)
{
    QJsonArray shape;
    for (int i = 4 - t.rank(); i < 4; ++i)
        shape.append(t.shape()[std::size_t(i)]);
    QJsonArray values;
    for (float v : t.data())
        values.append(numberValue(v));
    return {{QStringLiteral("shape"), shape}, {QStringLiteral("values"), values}};
}

QJsonArray pair(const Size2 &s)
{
    return {s.h, s.w};
}

QJsonObject paramsObject(const PoolParams &p)
{
    QJsonObject o{
        {QStringLiteral("mode"), modeKeyOf(p.mode)},
        {QStringLiteral("p"), p.p},
        {QStringLiteral("kernel"), pair(p.kernel)},
        {QStringLiteral("stride"), p.stride ? QJsonValue(pair(*p.stride)) : QJsonValue()},
        {QStringLiteral("padding"), paddingKeyOf(p.paddingMode)},
        {QStringLiteral("pad"),
         QJsonArray{p.padding.top, p.padding.bottom, p.padding.left, p.padding.right}},
        {QStringLiteral("dilation"), pair(p.dilation)},
        {QStringLiteral("ceil_mode"), p.ceilMode},
        {QStringLiteral("count_include_pad"), p.countIncludePad},
        {QStringLiteral("divisor_override"),
         p.divisorOverride ? QJsonValue(*p.divisorOverride) : QJsonValue()},
        {QStringLiteral("adaptive_output"),
         p.adaptiveOutput ? QJsonValue(pair(*p.adaptiveOutput)) : QJsonValue()},
        {QStringLiteral("global"), p.global},
    };
    return o;
}

/// A photo path read from a lesson, made absolute against the lesson's folder. A lesson names
/// files on disk, never Qt resources: a leading ':' is part of a relative file name (QDir would
/// take ":x.png" for a resource path and leave it unresolved, so it would not read back).
QString photoFilePath(const QDir &lessonDir, const QString &path)
{
    const QString absolute = path.startsWith(QLatin1Char(':'))
                                 ? lessonDir.absolutePath() + QLatin1Char('/') + path
                                 : lessonDir.absoluteFilePath(path);
    return QDir::cleanPath(absolute);
}

QJsonObject sceneObject(const Scene &s, const QDir &lessonDir)
{
    QJsonObject o{
        {QStringLiteral("title"), s.title},
        {QStringLiteral("note"), s.note},
        {QStringLiteral("tab"),
         s.tab == SceneTab::Photo ? QStringLiteral("photo") : QStringLiteral("matrix")},
        {QStringLiteral("input"), tensorObject(s.input)},
        {QStringLiteral("input_description"), s.inputDescription},
        {QStringLiteral("gradient"),
         s.upstream.empty() ? QJsonValue() : QJsonValue(tensorObject(s.upstream))},
        {QStringLiteral("params"), paramsObject(s.params)},
        {QStringLiteral("phase"), QString::fromLatin1(kPhases[int(s.phase)])},
        {QStringLiteral("plane"), s.plane},
        {QStringLiteral("step"), s.step},
    };
    if (s.tab == SceneTab::Photo || !s.photo.path.isEmpty() || !s.photo.png.isEmpty()) {
        QJsonObject photo;
        if (!s.photo.path.isEmpty())
            photo[QStringLiteral("path")] =
                QDir::fromNativeSeparators(lessonDir.relativeFilePath(s.photo.path));
        if (!s.photo.png.isEmpty())
            photo[QStringLiteral("png_base64")] = QString::fromLatin1(s.photo.png.toBase64());
        photo[QStringLiteral("crop")] =
            s.photo.crop.isEmpty()
                ? QJsonValue()
                : QJsonValue(QJsonArray{s.photo.crop.x(), s.photo.crop.y(), s.photo.crop.width(),
                                        s.photo.crop.height()});
        photo[QStringLiteral("channel")] = s.photo.channel;
        photo[QStringLiteral("channels")] =
            QString::fromLatin1(kChannelModes[int(s.photo.channels)]);
        photo[QStringLiteral("keep_alpha")] = s.photo.keepAlpha;
        o[QStringLiteral("photo")] = photo;
    }
    return o;
}

// --- reading ----------------------------------------------------------------------------------

/// A field that cannot be read: the scene it belongs to is left out, with this sentence.
struct BadField
{
    QString text;
};

/// The value as the file spells it, for messages: compact JSON, or "nothing" when it is missing.
QString spelled(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Undefined:
        return LessonFile::tr("nothing");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::String:
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    case QJsonValue::Array: {
        QString s = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        return s.size() > 60 ? s.left(57) + QStringLiteral("…") : s;
    }
    case QJsonValue::Object:
        return LessonFile::tr("an object");
    }
    return {};
}

[[noreturn]] void bad(const QString &field, const QString &expected, const QJsonValue &v)
{
    throw BadField{LessonFile::tr("“%1” must be %2, not %3").arg(field, expected, spelled(v))};
}

/// A whole number in [lo, hi] (a JSON number with no fraction).
int wholeNumber(const QJsonValue &v, const QString &field, int lo, int hi, const QString &expected)
{
    const double d = v.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!v.isDouble() || d != std::floor(d) || d < lo || d > hi)
        bad(field, expected, v);
    return int(d);
}

Size2 sizePair(const QJsonValue &v, const QString &field, int lo)
{
    const QString expected = lo == 0 ? LessonFile::tr("two whole numbers of at least 0")
                                     : LessonFile::tr("two whole numbers of at least %1").arg(lo);
    const QJsonArray a = v.toArray();
    if (!v.isArray() || a.size() != 2)
        bad(field, expected, v);
    for (const QJsonValue &x : a) {
        const double d = x.toDouble(-1);
        if (!x.isDouble() || d != std::floor(d) || d < lo || d > 1e9)
            bad(field, expected, v);
    }
    return {int(a[0].toDouble()), int(a[1].toDouble())};
}

bool flag(const QJsonObject &o, const QString &key, const QString &field, bool fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool())
        bad(field, LessonFile::tr("true or false"), v);
    return v.toBool();
}

QString text(const QJsonObject &o, const QString &key, const QString &field)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isString())
        bad(field, LessonFile::tr("a text"), v);
    return v.toString();
}

template <std::size_t N>
int choice(const QJsonValue &v, const QString &field, const char *const (&names)[N], int fallback)
{
    if (v.isUndefined())
        return fallback;
    QStringList quoted;
    for (std::size_t i = 0; i < N; ++i) {
        if (v.toString() == QLatin1String(names[i]))
            return int(i);
        quoted << QLatin1Char('"') + QLatin1String(names[i]) + QLatin1Char('"');
    }
    bad(field, LessonFile::tr("one of %1").arg(quoted.join(QStringLiteral(", "))), v);
}

Tensor readTensor(const QJsonValue &value, const QString &field)
{
    if (!value.isObject())
        bad(field, LessonFile::tr("an object with “shape” and “values”"), value);
    const QJsonObject o = value.toObject();
    const QJsonValue shapeValue = o.value(QStringLiteral("shape"));
    const QJsonArray shape = shapeValue.toArray();
    const QString shapeField = field + QStringLiteral(".shape");
    const QString shapeExpected = LessonFile::tr("2 to 4 whole numbers of at least 1");
    if (!shapeValue.isArray() || shape.size() < 2 || shape.size() > 4)
        bad(shapeField, shapeExpected, shapeValue);
    std::array<int, 4> dims{1, 1, 1, 1};
    for (int i = 0; i < shape.size(); ++i) {
        const double d = shape[i].toDouble(-1);
        if (!shape[i].isDouble() || d != std::floor(d) || d < 1 || d > 1e9)
            bad(shapeField, shapeExpected, shapeValue);
        dims[std::size_t(4 - shape.size() + i)] = int(d);
    }
    Tensor t;
    try {
        t = Tensor(dims[0], dims[1], dims[2], dims[3], 0.0f, int(shape.size()));
    } catch (const std::exception &e) {
        throw BadField{LessonFile::tr("“%1” is too large: %2").arg(shapeField, coreErrorText(e))};
    }
    const QJsonValue valuesValue = o.value(QStringLiteral("values"));
    const QJsonArray values = valuesValue.toArray();
    const QString valuesField = field + QStringLiteral(".values");
    if (!valuesValue.isArray() || std::size_t(values.size()) != t.size())
        bad(valuesField, LessonFile::tr("a list of %1 numbers").arg(t.size()), valuesValue);
    for (int i = 0; i < values.size(); ++i) {
        const QJsonValue v = values[i];
        float x = 0;
        if (v.isDouble())
            x = float(v.toDouble());
        else if (v.toString() == QLatin1String("nan"))
            x = std::numeric_limits<float>::quiet_NaN();
        else if (v.toString() == QLatin1String("inf"))
            x = std::numeric_limits<float>::infinity();
        else if (v.toString() == QLatin1String("-inf"))
            x = -std::numeric_limits<float>::infinity();
        else if (v.toString() == QLatin1String("-0"))
            x = -0.0f;
        else
            bad(QStringLiteral("%1[%2]").arg(valuesField).arg(i),
                LessonFile::tr("a number, \"nan\", \"inf\", \"-inf\" or \"-0\""), v);
        t.data()[std::size_t(i)] = x;
    }
    return t;
}

PoolParams readParams(const QJsonValue &value)
{
    const QString field = QStringLiteral("params");
    if (!value.isObject())
        bad(field, LessonFile::tr("an object"), value);
    const QJsonObject o = value.toObject();
    const auto name = [](const char *key) {
        return QStringLiteral("params.") + QLatin1String(key);
    };
    PoolParams p;
    p.mode = PoolMode(choice(o.value(QStringLiteral("mode")), name("mode"), kModes, 0));
    if (const QJsonValue v = o.value(QStringLiteral("p")); !v.isUndefined()) {
        if (!v.isDouble() || !(v.toDouble() > 0) || !std::isfinite(v.toDouble()))
            bad(name("p"), LessonFile::tr("a number above 0"), v);
        p.p = v.toDouble();
    }
    if (const QJsonValue v = o.value(QStringLiteral("kernel")); !v.isUndefined())
        p.kernel = sizePair(v, name("kernel"), 1);
    if (const QJsonValue v = o.value(QStringLiteral("stride")); !v.isUndefined() && !v.isNull())
        p.stride = sizePair(v, name("stride"), 1);
    p.paddingMode =
        PaddingMode(choice(o.value(QStringLiteral("padding")), name("padding"), kPaddings, 0));
    if (const QJsonValue v = o.value(QStringLiteral("pad")); !v.isUndefined()) {
        const QString expected = LessonFile::tr("four whole numbers of at least 0 (top, bottom, "
                                                "left, right)");
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 4)
            bad(name("pad"), expected, v);
        int sides[4];
        for (int i = 0; i < 4; ++i) {
            const double d = a[i].toDouble(-1);
            if (!a[i].isDouble() || d != std::floor(d) || d < 0 || d > 1e9)
                bad(name("pad"), expected, v);
            sides[i] = int(d);
        }
        p.padding = {sides[0], sides[1], sides[2], sides[3]};
    }
    if (const QJsonValue v = o.value(QStringLiteral("dilation")); !v.isUndefined())
        p.dilation = sizePair(v, name("dilation"), 1);
    p.ceilMode = flag(o, QStringLiteral("ceil_mode"), name("ceil_mode"), false);
    p.countIncludePad =
        flag(o, QStringLiteral("count_include_pad"), name("count_include_pad"), true);
    if (const QJsonValue v = o.value(QStringLiteral("divisor_override"));
        !v.isUndefined() && !v.isNull())
        p.divisorOverride = wholeNumber(v, name("divisor_override"), 1, 1 << 30,
                                        LessonFile::tr("a whole number of at least 1, or null"));
    if (const QJsonValue v = o.value(QStringLiteral("adaptive_output"));
        !v.isUndefined() && !v.isNull())
        p.adaptiveOutput = sizePair(v, name("adaptive_output"), 1);
    p.global = flag(o, QStringLiteral("global"), name("global"), false);
    return p;
}

/// Reads the scene object; `warnings` gets what is missing but does not leave the scene out.
Scene readScene(const QJsonValue &value, const QDir &lessonDir, QStringList &warnings)
{
    if (!value.isObject())
        throw BadField{LessonFile::tr("it is %1, not an object").arg(spelled(value))};
    const QJsonObject o = value.toObject();
    Scene s;
    s.title = text(o, QStringLiteral("title"), QStringLiteral("title"));
    s.note = text(o, QStringLiteral("note"), QStringLiteral("note"));
    static const char *const tabs[] = {"matrix", "photo"};
    s.tab = SceneTab(choice(o.value(QStringLiteral("tab")), QStringLiteral("tab"), tabs, 0));
    s.input = readTensor(o.value(QStringLiteral("input")), QStringLiteral("input"));
    s.inputDescription =
        text(o, QStringLiteral("input_description"), QStringLiteral("input_description"));
    if (const QJsonValue g = o.value(QStringLiteral("gradient")); !g.isUndefined() && !g.isNull())
        s.upstream = readTensor(g, QStringLiteral("gradient"));
    s.params = readParams(o.value(QStringLiteral("params")));
    s.phase = Phase(choice(o.value(QStringLiteral("phase")), QStringLiteral("phase"), kPhases, 0));
    if (const QJsonValue v = o.value(QStringLiteral("plane")); !v.isUndefined())
        s.plane = wholeNumber(v, QStringLiteral("plane"), 0, s.input.planeCount() - 1,
                              LessonFile::tr("a whole number from 0 to %1 (the input's planes)")
                                  .arg(s.input.planeCount() - 1));
    if (const QJsonValue v = o.value(QStringLiteral("step")); !v.isUndefined())
        s.step = wholeNumber(v, QStringLiteral("step"), 0, std::numeric_limits<int>::max(),
                             LessonFile::tr("a whole number of at least 0"));

    const QJsonValue photoValue = o.value(QStringLiteral("photo"));
    if (photoValue.isUndefined() || photoValue.isNull()) {
        if (s.tab == SceneTab::Photo)
            bad(QStringLiteral("photo"), LessonFile::tr("an object on a photo scene"), photoValue);
        return s;
    }
    if (!photoValue.isObject())
        bad(QStringLiteral("photo"), LessonFile::tr("an object"), photoValue);
    const QJsonObject photo = photoValue.toObject();
    const QString path = text(photo, QStringLiteral("path"), QStringLiteral("photo.path"));
    if (!path.isEmpty())
        s.photo.path = photoFilePath(lessonDir, path);
    if (const QJsonValue v = photo.value(QStringLiteral("png_base64")); !v.isUndefined()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!v.isString() || !decoded || QImage::fromData(*decoded, "PNG").isNull())
            bad(QStringLiteral("photo.png_base64"), LessonFile::tr("a PNG image in base64"),
                v.isString() ? QJsonValue(v.toString().left(24)) : v);
        s.photo.png = *decoded;
    }
    if (const QJsonValue v = photo.value(QStringLiteral("crop")); !v.isUndefined() && !v.isNull()) {
        const QString expected =
            LessonFile::tr("four whole numbers x, y, width, height (width and height at least 1)");
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 4)
            bad(QStringLiteral("photo.crop"), expected, v);
        int r[4];
        for (int i = 0; i < 4; ++i) {
            const double d = a[i].toDouble(-1);
            if (!a[i].isDouble() || d != std::floor(d) || d < (i < 2 ? 0 : 1) || d > 1e6)
                bad(QStringLiteral("photo.crop"), expected, v);
            r[i] = int(d);
        }
        s.photo.crop = QRect(r[0], r[1], r[2], r[3]);
    }
    if (const QJsonValue v = photo.value(QStringLiteral("channel")); !v.isUndefined())
        s.photo.channel = wholeNumber(v, QStringLiteral("photo.channel"), 0, 3,
                                      LessonFile::tr("a whole number from 0 to 3"));
    s.photo.channels = ChannelMode(choice(photo.value(QStringLiteral("channels")),
                                          QStringLiteral("photo.channels"), kChannelModes, 0));
    s.photo.keepAlpha =
        flag(photo, QStringLiteral("keep_alpha"), QStringLiteral("photo.keep_alpha"), false);
    if (s.photo.png.isEmpty()) {
        if (s.photo.path.isEmpty()) {
            bad(QStringLiteral("photo"), LessonFile::tr("an object with “path” or “png_base64”"),
                photoValue);
        } else if (!QFileInfo(s.photo.path).isFile()) {
            s.photo.missing = true;
            warnings << LessonFile::tr("the photo “%1” is not there (looked for %2)")
                            .arg(path, QDir::toNativeSeparators(s.photo.path));
        }
    }
    return s;
}

QString sceneName(int index, const QJsonValue &scene)
{
    const QString title = scene.toObject().value(QStringLiteral("title")).toString();
    return title.isEmpty() ? LessonFile::tr("Scene %1").arg(index + 1)
                           : LessonFile::tr("Scene %1 (“%2”)").arg(index + 1).arg(title);
}

} // namespace

QByteArray LessonFile::toJson(const Lesson &lesson, const QString &lessonDir)
{
    const QDir dir(lessonDir);
    QJsonArray scenes;
    for (const Scene &s : lesson.scenes)
        scenes.append(sceneObject(s, dir));
    const QJsonObject root{{QStringLiteral("format"), kFormatName},
                           {QStringLiteral("version"), kLessonFormatVersion},
                           {QStringLiteral("title"), lesson.title},
                           {QStringLiteral("scenes"), scenes}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

LessonReadResult LessonFile::fromJson(const QByteArray &json, const QString &lessonDir)
{
    LessonReadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = tr("not a PoolViz lesson: the JSON is broken at character %1 (%2)")
                           .arg(parseError.offset)
                           .arg(parseError.errorString());
        return result;
    }
    if (!doc.isObject()) {
        result.error = tr("not a PoolViz lesson: the file holds a JSON array, not an object");
        return result;
    }
    const QJsonObject root = doc.object();
    if (const QJsonValue format = root.value(QStringLiteral("format")); format != kFormatName) {
        result.error = tr("not a PoolViz lesson: “format” is %1, not \"%2\"")
                           .arg(spelled(format), kFormatName);
        return result;
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    const double v = version.toDouble(-1);
    if (!version.isDouble() || v != std::floor(v) || v < 1) {
        result.error =
            tr("“version” must be a whole number of at least 1, not %1").arg(spelled(version));
        return result;
    }
    if (v > kLessonFormatVersion)
        result.problems << tr("The lesson was written by a newer PoolViz (format version %1; this "
                              "one reads version %2): what this version does not know is left "
                              "out.")
                               .arg(v)
                               .arg(kLessonFormatVersion);
    const QJsonValue scenes = root.value(QStringLiteral("scenes"));
    if (!scenes.isArray()) {
        result.error = tr("“scenes” must be a list of scenes, not %1").arg(spelled(scenes));
        return result;
    }
    Lesson lesson;
    const QJsonValue title = root.value(QStringLiteral("title"));
    if (title.isString())
        lesson.title = title.toString();
    else if (!title.isUndefined())
        result.problems
            << tr("“title” must be a text, not %1; the lesson has no title.").arg(spelled(title));
    const QDir dir(lessonDir);
    const QJsonArray list = scenes.toArray();
    for (int i = 0; i < list.size(); ++i) {
        QStringList warnings;
        try {
            lesson.scenes << readScene(list[i], dir, warnings);
            for (const QString &w : std::as_const(warnings))
                result.problems << tr("%1: %2.").arg(sceneName(i, list[i]), w);
        } catch (const BadField &e) {
            result.problems << tr("%1 left out: %2.").arg(sceneName(i, list[i]), e.text);
        }
    }
    result.lesson = std::move(lesson);
    return result;
}

LessonReadResult LessonFile::read(const QString &path)
{
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    // A pipe would keep the window waiting and a link to /dev/zero would be read until memory
    // runs out: refused before reading, as is more text than any lesson holds (the sample
    // lessons are 9 kB; a scene with an embedded 100-megapixel photo a few hundred MB).
    constexpr qint64 kMaxLessonBytes = qint64(1) << 30;
    QString unreadable = specialFileProblem(path);
    if (unreadable.isEmpty() && QFileInfo(path).size() > kMaxLessonBytes)
        unreadable = QStringLiteral("it is %1 bytes, more than a lesson holds (at most 1 GiB)")
                         .arg(QFileInfo(path).size());
    if (unreadable.isEmpty() && !file.open(QIODevice::ReadOnly))
        unreadable = file.errorString();
    if (!unreadable.isEmpty()) {
        LessonReadResult result;
        result.error = tr("Cannot read “%1”: %2").arg(name, unreadable);
        return result;
    }
    LessonReadResult result = fromJson(file.readAll(), QFileInfo(path).absolutePath());
    if (!result.error.isEmpty())
        result.error = tr("Cannot open “%1”: %2").arg(name, result.error);
    return result;
}

QString LessonFile::write(const Lesson &lesson, const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot save “%1”: %2").arg(name, file.errorString());
    file.write(toJson(lesson, QFileInfo(path).absolutePath()));
    if (!file.commit())
        return tr("Cannot save “%1”: %2").arg(name, file.errorString());
    return {};
}

} // namespace poolviz

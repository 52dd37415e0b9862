// The .poolviz lesson format and the lesson document without widgets: every scene field
// round-trips exactly, every way a file can be wrong gives its exact sentence and the rest is
// read, and every edit of the scene list is one undo step.

#include "imageio.h"
#include "lessondocument.h"
#include "lessonfile.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <limits>

using namespace poolviz;

Q_DECLARE_METATYPE(poolviz::Scene)

namespace {

Scene baseScene()
{
    Scene s;
    s.title = QStringLiteral("Stride 2");
    s.note = QStringLiteral("Four windows, no overlap.");
    s.input = Tensor::fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
    s.inputDescription = QStringLiteral("The 4×4 matrix 1…16");
    return s;
}

QByteArray pngBytes()
{
    QImage image(3, 2, QImage::Format_RGB32);
    image.fill(QColor(10, 200, 30));
    image.setPixelColor(1, 1, QColor(255, 0, 0));
    return encodeImage(image);
}

/// A lesson JSON with one scene whose field `key` (a dotted path) is replaced by `value`.
QByteArray withField(const QString &key, const QJsonValue &value)
{
    Lesson lesson{QStringLiteral("L"), {baseScene()}};
    QJsonObject root = QJsonDocument::fromJson(LessonFile::toJson(lesson, QString())).object();
    QJsonArray scenes = root[QStringLiteral("scenes")].toArray();
    QJsonObject scene = scenes[0].toObject();
    const QStringList parts = key.split(QLatin1Char('.'));
    if (parts.size() == 1) {
        if (value.isUndefined())
            scene.remove(key);
        else
            scene[key] = value;
    } else {
        QJsonObject inner = scene[parts[0]].toObject();
        if (value.isUndefined())
            inner.remove(parts[1]);
        else
            inner[parts[1]] = value;
        scene[parts[0]] = inner;
    }
    scenes[0] = scene;
    root[QStringLiteral("scenes")] = scenes;
    return QJsonDocument(root).toJson();
}

} // namespace

class TestLessonFile : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void writtenJson();
    void photoPathIsRelative();
    void photoPathWithALeadingColonIsAFile();
    void fileErrors_data();
    void fileErrors();
    void sceneErrors_data();
    void sceneErrors();
    void newerVersionReadsWhatItKnows();
    void missingPhotoKeepsTheScene();
    void writeIsAtomic();
    void documentEditsAreUndoable();
    void noteTypingMerges();
    void modifiedFollowsTheFile();
};

void TestLessonFile::roundTrip_data()
{
    QTest::addColumn<Scene>("scene");
    const Scene base = baseScene();
    QTest::newRow("defaults") << base;
    // One row per field, each far from its default.
    Scene s = base;
    s.title = QStringLiteral("Ünïcode “quotes” — and\ttabs");
    QTest::newRow("title") << s;
    s = base;
    s.note = QStringLiteral("Line one.\nLine two: 3 × 3 → 1.");
    QTest::newRow("note") << s;
    s = base;
    s.tab = SceneTab::Photo;
    s.photo.png = pngBytes();
    QTest::newRow("tab photo, embedded") << s;
    s = base;
    s.input = Tensor(2, 3, 2, 5, 0.0f, 4);
    for (std::size_t i = 0; i < s.input.size(); ++i)
        s.input.data()[i] = float(i) * 0.1f - 1.0f;
    s.plane = 5;
    QTest::newRow("rank 4 input, plane 5") << s;
    s = base;
    s.input = Tensor(1, 3, 2, 2, 0.0f, 3);
    s.input.data() = {0.1f, -0.0f, 1e-38f, 3.4e38f, 1.0f / 3.0f, 7, 8, 9, 10, 11, 12, 13};
    QTest::newRow("rank 3, awkward floats") << s;
    s = base;
    s.input.at(0, 1) = std::numeric_limits<float>::quiet_NaN();
    s.input.at(1, 2) = std::numeric_limits<float>::infinity();
    s.input.at(2, 3) = -std::numeric_limits<float>::infinity();
    QTest::newRow("nan and infinities") << s;
    s = base;
    s.inputDescription = QStringLiteral("Example: stride 1");
    QTest::newRow("input description") << s;
    s = base;
    s.upstream = Tensor::fromRows({{0.5f, -2}, {3, 0.25f}});
    QTest::newRow("gradient") << s;
    s = base;
    s.params.mode = PoolMode::Lp;
    s.params.p = 3.5;
    QTest::newRow("lp with p") << s;
    s = base;
    s.params.mode = PoolMode::Min;
    s.params.kernel = {3, 2};
    s.params.stride = Size2{1, 2};
    QTest::newRow("kernel and stride") << s;
    s = base;
    s.params.paddingMode = PaddingMode::Explicit;
    s.params.padding = {1, 0, 2, 1};
    QTest::newRow("explicit padding") << s;
    for (PaddingMode m : {PaddingMode::SameUpper, PaddingMode::SameLower, PaddingMode::Valid}) {
        s = base;
        s.params.paddingMode = m;
        QTest::addRow("padding mode %d", int(m)) << s;
    }
    s = base;
    s.params.dilation = {2, 3};
    s.params.ceilMode = true;
    QTest::newRow("dilation, ceil") << s;
    s = base;
    s.params.mode = PoolMode::Avg;
    s.params.countIncludePad = false;
    s.params.divisorOverride = 7;
    QTest::newRow("avg exclude pad, divisor") << s;
    s = base;
    s.params.adaptiveOutput = Size2{3, 2};
    QTest::newRow("adaptive") << s;
    s = base;
    s.params.global = true;
    QTest::newRow("global") << s;
    s = base;
    s.phase = Phase::Backward;
    s.step = 3;
    QTest::newRow("backward, step 3") << s;
    s = base;
    s.phase = Phase::Unpool;
    s.step = 2;
    QTest::newRow("unpool, step 2") << s;
    s = base;
    s.tab = SceneTab::Photo;
    s.photo.png = pngBytes();
    s.photo.crop = QRect(4, 5, 16, 12);
    s.photo.channel = 2;
    QTest::newRow("photo crop and channel") << s;
    s.photo.channels = ChannelMode::Grayscale;
    s.photo.channel = 0;
    QTest::newRow("photo in gray") << s;
    s.photo.channels = ChannelMode::Color;
    s.photo.keepAlpha = true;
    s.photo.channel = 3;
    QTest::newRow("photo with alpha") << s;
}

void TestLessonFile::roundTrip()
{
    QFETCH(Scene, scene);
    const Lesson lesson{QStringLiteral("Max pooling and stride"), {scene, baseScene()}};
    const LessonReadResult r = LessonFile::fromJson(LessonFile::toJson(lesson, QString()), {});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.problems, QStringList());
    QCOMPARE(r.lesson->title, lesson.title);
    QCOMPARE(r.lesson->scenes.size(), 2);
    QVERIFY(r.lesson->scenes[0] == scene);
    QCOMPARE(r.lesson->scenes[0].input.rank(), scene.input.rank());
    QVERIFY(*r.lesson == lesson);
}

void TestLessonFile::writtenJson()
{
    // The documented names and spellings (resources/lessons/README.md), checked on the text itself.
    Scene s = baseScene();
    s.params.stride = Size2{1, 1};
    s.params.padding = {1, 1, 0, 0};
    s.input.at(0, 0) = std::numeric_limits<float>::quiet_NaN();
    const QJsonObject root =
        QJsonDocument::fromJson(LessonFile::toJson({QStringLiteral("T"), {s}}, {})).object();
    QCOMPARE(root[QStringLiteral("format")].toString(), QStringLiteral("poolviz-lesson"));
    QCOMPARE(root[QStringLiteral("version")].toInt(), 1);
    const QJsonObject scene = root[QStringLiteral("scenes")].toArray()[0].toObject();
    QCOMPARE(scene[QStringLiteral("tab")].toString(), QStringLiteral("matrix"));
    QCOMPARE(scene[QStringLiteral("phase")].toString(), QStringLiteral("forward"));
    QCOMPARE(scene[QStringLiteral("step")].toInt(), 0);
    QVERIFY(scene[QStringLiteral("gradient")].isNull());
    QVERIFY(!scene.contains(QStringLiteral("photo")));
    const QJsonObject input = scene[QStringLiteral("input")].toObject();
    QCOMPARE(input[QStringLiteral("shape")].toArray(), (QJsonArray{4, 4}));
    QCOMPARE(input[QStringLiteral("values")].toArray().size(), 16);
    QCOMPARE(input[QStringLiteral("values")].toArray()[0].toString(), QStringLiteral("nan"));
    QCOMPARE(input[QStringLiteral("values")].toArray()[15].toDouble(), 16.0);
    const QJsonObject p = scene[QStringLiteral("params")].toObject();
    QCOMPARE(p[QStringLiteral("mode")].toString(), QStringLiteral("max"));
    QCOMPARE(p[QStringLiteral("kernel")].toArray(), (QJsonArray{2, 2}));
    QCOMPARE(p[QStringLiteral("stride")].toArray(), (QJsonArray{1, 1}));
    QCOMPARE(p[QStringLiteral("padding")].toString(), QStringLiteral("explicit"));
    QCOMPARE(p[QStringLiteral("pad")].toArray(), (QJsonArray{1, 1, 0, 0}));
    QVERIFY(p[QStringLiteral("divisor_override")].isNull());
    QCOMPARE(p[QStringLiteral("count_include_pad")].toBool(), true);
    // Floats are written as their shortest decimal: 0.1, not 0.10000000149011612.
    Scene tenth = baseScene();
    tenth.input.at(0, 0) = 0.1f;
    tenth.input.at(0, 1) = -0.0f;
    const QByteArray text = LessonFile::toJson({QStringLiteral("T"), {tenth}}, {});
    QVERIFY2(text.contains("\"values\": [\n                    0.1,\n                    \"-0\","),
             text.constData());
}

void TestLessonFile::photoPathIsRelative()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("photos")));
    const QString photo = dir.filePath(QStringLiteral("photos/cat.png"));
    QVERIFY(QImage::fromData(pngBytes()).save(photo));
    Scene s = baseScene();
    s.tab = SceneTab::Photo;
    s.photo.path = photo;
    const QString lessonPath = dir.filePath(QStringLiteral("a.poolviz"));
    QCOMPARE(LessonFile::write({QStringLiteral("T"), {s}}, lessonPath), QString());
    QFile file(lessonPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("\"path\": \"photos/cat.png\""), text.constData());
    QVERIFY(!text.contains(dir.path().toUtf8()));
    // Moved with its photo, the lesson still finds it.
    QTemporaryDir moved;
    QVERIFY(QDir(moved.path()).mkpath(QStringLiteral("photos")));
    QVERIFY(QFile::copy(lessonPath, moved.filePath(QStringLiteral("a.poolviz"))));
    QVERIFY(QFile::copy(photo, moved.filePath(QStringLiteral("photos/cat.png"))));
    const LessonReadResult r = LessonFile::read(moved.filePath(QStringLiteral("a.poolviz")));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.problems, QStringList());
    QCOMPARE(r.lesson->scenes[0].photo.path, moved.filePath(QStringLiteral("photos/cat.png")));
    QVERIFY(!r.lesson->scenes[0].photo.missing);
}

void TestLessonFile::photoPathWithALeadingColonIsAFile()
{
    // Found by fuzzing: QDir takes ":x" for a Qt resource, so ":cat.png" stayed unresolved and a
    // written lesson read back with another path. On disk ":cat.png" is an ordinary file name.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray json = R"({"format": "poolviz-lesson", "version": 1, "title": "t",
        "scenes": [{"tab": "photo", "input": {"shape": [2, 2], "values": [1, 2, 3, 4]},
                    "params": {}, "photo": {"path": ":cat.png", "channel": 1}}]})";
    const LessonReadResult r = LessonFile::fromJson(json, dir.path());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lesson->scenes[0].photo.path, dir.path() + QStringLiteral("/:cat.png"));
    QVERIFY(r.lesson->scenes[0].photo.missing);
    const QByteArray written = LessonFile::toJson(*r.lesson, dir.path());
    QVERIFY2(written.contains("\"path\": \":cat.png\""), written.constData());
    const LessonReadResult again = LessonFile::fromJson(written, dir.path());
    QVERIFY2(again.ok(), qPrintable(again.error));
    QCOMPARE(again.lesson->scenes[0].photo.path, r.lesson->scenes[0].photo.path);
    QVERIFY(*again.lesson == *r.lesson);
}

void TestLessonFile::fileErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{\"format\": \"poolviz-lesson\",")
                              << QStringLiteral("not a PoolViz lesson: the JSON is broken at "
                                                "character 28 (unterminated object)");
    QTest::newRow("array") << QByteArray("[1, 2]")
                           << QStringLiteral("not a PoolViz lesson: the file holds a JSON array, "
                                             "not an object");
    QTest::newRow("other format")
        << QByteArray("{\"format\": \"tiled-map\", \"version\": 1, \"scenes\": []}")
        << QStringLiteral("not a PoolViz lesson: “format” is \"tiled-map\", not "
                          "\"poolviz-lesson\"");
    QTest::newRow("no format") << QByteArray("{\"version\": 1, \"scenes\": []}")
                               << QStringLiteral("not a PoolViz lesson: “format” is nothing, not "
                                                 "\"poolviz-lesson\"");
    QTest::newRow("version text")
        << QByteArray("{\"format\": \"poolviz-lesson\", \"version\": \"1\", \"scenes\": []}")
        << QStringLiteral("“version” must be a whole number of at least 1, not \"1\"");
    QTest::newRow("version 0")
        << QByteArray("{\"format\": \"poolviz-lesson\", \"version\": 0, \"scenes\": []}")
        << QStringLiteral("“version” must be a whole number of at least 1, not 0");
    QTest::newRow("scenes object")
        << QByteArray("{\"format\": \"poolviz-lesson\", \"version\": 1, \"scenes\": {}}")
        << QStringLiteral("“scenes” must be a list of scenes, not an object");
}

void TestLessonFile::fileErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const LessonReadResult r = LessonFile::fromJson(json, {});
    QVERIFY(!r.ok());
    QCOMPARE(r.error, error);
}

void TestLessonFile::sceneErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("problem");
    const QString prefix = QStringLiteral("Scene 1 (“Stride 2”) left out: ");
    const auto row = [&](const char *name, const char *field, const QJsonValue &value,
                         const QString &text) {
        QTest::newRow(name) << QString::fromLatin1(field) << value << prefix + text + u'.';
    };
    // A title that is no text cannot name its scene.
    QTest::newRow("title number") << QStringLiteral("title") << QJsonValue(3)
                                  << QStringLiteral("Scene 1 left out: “title” must be a text, "
                                                    "not 3.");
    row("tab", "tab", QStringLiteral("video"),
        QStringLiteral("“tab” must be one of \"matrix\", \"photo\", not \"video\""));
    row("no input", "input", QJsonValue::Undefined,
        QStringLiteral("“input” must be an object with “shape” and “values”, not nothing"));
    row("shape rank 5", "input.shape", QJsonArray{1, 1, 1, 2, 2},
        QStringLiteral("“input.shape” must be 2 to 4 whole numbers of at least 1, not "
                       "[1,1,1,2,2]"));
    row("shape zero", "input.shape", QJsonArray{0, 4},
        QStringLiteral("“input.shape” must be 2 to 4 whole numbers of at least 1, not [0,4]"));
    row("too few values", "input.values", QJsonArray{1, 2, 3},
        QStringLiteral("“input.values” must be a list of 16 numbers, not [1,2,3]"));
    QJsonArray values;
    for (int i = 0; i < 16; ++i)
        values.append(i == 5 ? QJsonValue(QStringLiteral("five")) : QJsonValue(i));
    row("bad value", "input.values", values,
        QStringLiteral("“input.values[5]” must be a number, \"nan\", \"inf\", \"-inf\" or \"-0\", "
                       "not \"five\""));
    row("mode", "params.mode", QStringLiteral("median"),
        QStringLiteral("“params.mode” must be one of \"max\", \"avg\", \"min\", \"lp\", not "
                       "\"median\""));
    row("kernel zero", "params.kernel", QJsonArray{0, 2},
        QStringLiteral("“params.kernel” must be two whole numbers of at least 1, not [0,2]"));
    row("kernel fraction", "params.kernel", QJsonArray{2.5, 2},
        QStringLiteral("“params.kernel” must be two whole numbers of at least 1, not [2.5,2]"));
    row("stride", "params.stride", 2,
        QStringLiteral("“params.stride” must be two whole numbers of at least 1, not 2"));
    row("padding", "params.padding", QStringLiteral("SAME"),
        QStringLiteral("“params.padding” must be one of \"explicit\", \"same\", \"same_lower\", "
                       "\"valid\", not \"SAME\""));
    row("pad", "params.pad", QJsonArray{1, -1, 0, 0},
        QStringLiteral("“params.pad” must be four whole numbers of at least 0 (top, bottom, "
                       "left, right), not [1,-1,0,0]"));
    row("ceil", "params.ceil_mode", QStringLiteral("yes"),
        QStringLiteral("“params.ceil_mode” must be true or false, not \"yes\""));
    row("p", "params.p", 0, QStringLiteral("“params.p” must be a number above 0, not 0"));
    row("divisor", "params.divisor_override", 0,
        QStringLiteral("“params.divisor_override” must be a whole number of at least 1, or "
                       "null, not 0"));
    row("phase", "phase", QStringLiteral("sideways"),
        QStringLiteral("“phase” must be one of \"forward\", \"backward\", \"unpool\", not "
                       "\"sideways\""));
    row("plane", "plane", 1,
        QStringLiteral("“plane” must be a whole number from 0 to 0 (the input's planes), not 1"));
    row("step", "step", -1, QStringLiteral("“step” must be a whole number of at least 0, not -1"));
    row("photo scene without photo", "tab", QStringLiteral("photo"),
        QStringLiteral("“photo” must be an object on a photo scene, not nothing"));
    row("photo channels", "photo",
        QJsonObject{{QStringLiteral("png_base64"), QString::fromLatin1(pngBytes().toBase64())},
                    {QStringLiteral("channels"), QStringLiteral("rgb")}},
        QStringLiteral("“photo.channels” must be one of \"color\", \"gray\", \"red\", "
                       "\"green\", \"blue\", \"alpha\", not \"rgb\""));
    row("gradient shape", "gradient", QJsonObject{{QStringLiteral("shape"), QJsonArray{2}}},
        QStringLiteral("“gradient.shape” must be 2 to 4 whole numbers of at least 1, not [2]"));
}

void TestLessonFile::sceneErrors()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, problem);
    // The broken scene sits between two good ones: it is left out, they are read.
    QJsonObject root = QJsonDocument::fromJson(withField(field, value)).object();
    QJsonArray scenes = root[QStringLiteral("scenes")].toArray();
    const QJsonObject good = QJsonDocument::fromJson(LessonFile::toJson({{}, {baseScene()}}, {}))
                                 .object()[QStringLiteral("scenes")]
                                 .toArray()[0]
                                 .toObject();
    scenes.prepend(good);
    scenes.append(good);
    root[QStringLiteral("scenes")] = scenes;
    const LessonReadResult r = LessonFile::fromJson(QJsonDocument(root).toJson(), {});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.lesson->scenes.size(), 2);
    QVERIFY(r.lesson->scenes[0] == baseScene());
    QString expected = problem;
    expected.replace(QStringLiteral("Scene 1 "), QStringLiteral("Scene 2 "));
    QCOMPARE(r.problems, QStringList{expected});
}

void TestLessonFile::newerVersionReadsWhatItKnows()
{
    QJsonObject root =
        QJsonDocument::fromJson(withField(QStringLiteral("hologram"), true)).object();
    root[QStringLiteral("version")] = 3;
    const LessonReadResult r = LessonFile::fromJson(QJsonDocument(root).toJson(), {});
    QVERIFY(r.ok());
    QCOMPARE(r.problems,
             QStringList{QStringLiteral(
                 "The lesson was written by a newer PoolViz (format version 3; this one reads "
                 "version 1): what this version does not know is left out.")});
    QCOMPARE(r.lesson->scenes.size(), 1);
    QVERIFY(r.lesson->scenes[0] == baseScene());
}

void TestLessonFile::missingPhotoKeepsTheScene()
{
    QTemporaryDir dir;
    const QByteArray json =
        withField(QStringLiteral("photo"),
                  QJsonObject{{QStringLiteral("path"), QStringLiteral("photos/gone.jpg")}});
    const LessonReadResult r = LessonFile::fromJson(json, dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r.lesson->scenes.size(), 1);
    const QString full = QDir::toNativeSeparators(dir.filePath(QStringLiteral("photos/gone.jpg")));
    QCOMPARE(r.problems, QStringList{QStringLiteral("Scene 1 (“Stride 2”): the photo "
                                                    "“photos/gone.jpg” is not there (looked for "
                                                    "%1).")
                                         .arg(full)});
    QVERIFY(r.lesson->scenes[0].photo.missing);
    // A corrupt embedded photo leaves the scene out.
    const LessonReadResult broken = LessonFile::fromJson(
        withField(QStringLiteral("photo"),
                  QJsonObject{{QStringLiteral("png_base64"), QStringLiteral("bm90IGEgcG5n")}}),
        dir.path());
    QCOMPARE(broken.problems,
             QStringList{QStringLiteral("Scene 1 (“Stride 2”) left out: “photo.png_base64” must "
                                        "be a PNG image in base64, not \"bm90IGEgcG5n\".")});
    QCOMPARE(broken.lesson->scenes.size(), 0);
}

void TestLessonFile::writeIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.poolviz"));
    const Lesson first{QStringLiteral("First"), {baseScene()}};
    QCOMPARE(LessonFile::write(first, path), QString());
    // A folder that does not exist: the message names the file, nothing is left behind.
    const QString bad = dir.filePath(QStringLiteral("no/such/b.poolviz"));
    const QString error = LessonFile::write(first, bad);
    QVERIFY2(error.startsWith(QStringLiteral("Cannot save “b.poolviz”: ")), qPrintable(error));
    QVERIFY(!QFile::exists(bad));
    const LessonReadResult back = LessonFile::read(path);
    QVERIFY(back.ok());
    QVERIFY(*back.lesson == first);
    const LessonReadResult none = LessonFile::read(dir.filePath(QStringLiteral("none.poolviz")));
    QCOMPARE(none.error, QStringLiteral("Cannot read “none.poolviz”: No such file or directory"));
}

void TestLessonFile::documentEditsAreUndoable()
{
    LessonDocument doc;
    QSignalSpy changed(&doc, &LessonDocument::scenesChanged);
    Scene a = baseScene();
    a.title = QStringLiteral("A");
    Scene b = baseScene();
    b.title = QStringLiteral("B");
    doc.addScene(a);
    doc.addScene(b);
    QCOMPARE(doc.sceneCount(), 2);
    QCOMPARE(doc.currentScene(), 1);
    doc.duplicateScene(0);
    QCOMPARE(doc.scene(1).title, QStringLiteral("A (copy)"));
    doc.moveScene(2, 0);
    QCOMPARE(doc.scene(0).title, QStringLiteral("B"));
    QCOMPARE(doc.scene(2).title, QStringLiteral("A (copy)"));
    doc.renameScene(0, QStringLiteral("Bee"));
    Scene changedView = baseScene();
    changedView.params.kernel = {3, 3};
    changedView.title = QStringLiteral("ignored");
    doc.updateScene(0, changedView);
    QCOMPARE(doc.scene(0).title, QStringLiteral("Bee")); // the title and note stay
    QCOMPARE(doc.scene(0).params.kernel, (Size2{3, 3}));
    doc.removeScene(1);
    doc.setTitle(QStringLiteral("Lesson"));
    QStringList titles;
    for (const Scene &s : doc.lesson().scenes)
        titles << s.title;
    QCOMPARE(titles, (QStringList{QStringLiteral("Bee"), QStringLiteral("A (copy)")}));
    QCOMPARE(doc.undoStack()->count(), 8);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Rename Lesson"));
    // Undo everything, one edit at a time, back to the empty lesson; redo it all.
    const Lesson end = doc.lesson();
    for (int i = 0; i < 8; ++i)
        doc.undoStack()->undo();
    QCOMPARE(doc.sceneCount(), 0);
    QCOMPARE(doc.lesson().title, QString());
    for (int i = 0; i < 8; ++i)
        doc.undoStack()->redo();
    QVERIFY(doc.lesson() == end);
    QVERIFY(changed.count() >= 24);
    // Out-of-range requests change nothing.
    doc.moveScene(0, 5);
    doc.removeScene(-1);
    doc.renameScene(7, QStringLiteral("x"));
    QCOMPARE(doc.undoStack()->count(), 8);
}

void TestLessonFile::noteTypingMerges()
{
    LessonDocument doc;
    doc.addScene(baseScene());
    doc.addScene(baseScene());
    const int before = doc.undoStack()->count();
    for (const char *text : {"F", "Fo", "Fou", "Four"})
        doc.setNote(0, QString::fromLatin1(text));
    QCOMPARE(doc.undoStack()->count(), before + 1);
    QCOMPARE(doc.scene(0).note, QStringLiteral("Four"));
    doc.setNote(1, QStringLiteral("Other"));
    QCOMPARE(doc.undoStack()->count(), before + 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.scene(0).note, baseScene().note);
}

void TestLessonFile::modifiedFollowsTheFile()
{
    QTemporaryDir dir;
    LessonDocument doc;
    QSignalSpy modified(&doc, &LessonDocument::modifiedChanged);
    QVERIFY(!doc.isModified()); // an empty new lesson has nothing to lose
    doc.addScene(baseScene());
    QVERIFY(doc.isModified());
    const QString path = dir.filePath(QStringLiteral("m.poolviz"));
    QCOMPARE(doc.save(path), QString());
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.filePath(), path);
    doc.renameScene(0, QStringLiteral("New"));
    QVERIFY(doc.isModified());
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified()); // back to what the file holds
    QVERIFY(modified.count() >= 4);
    const LessonReadResult r = LessonFile::read(path);
    doc.reset(*r.lesson, path);
    QVERIFY(!doc.isModified());
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(doc.currentScene(), -1);
}

QTEST_GUILESS_MAIN(TestLessonFile)
#include "tst_lessonfile.moc"

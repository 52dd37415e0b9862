// `cmake --install` into a temporary prefix, moved elsewhere afterwards (a relocated install):
// every file a desktop needs is in its place, and the installed programs run from there.

#include "datadir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kAppId = QStringLiteral("io.github.poolviz.PoolViz");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &args, const QString &workDir = {})
{
    QProcess p;
    p.setWorkingDirectory(workDir);
    p.start(program, args);
    Run r;
    if (!p.waitForFinished(180000)) {
        r.err = p.errorString();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

} // namespace

class TstInstall : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void installedFiles_data();
    void installedFiles();
    void iconSizes();
    void cliRunsRelocated();
    void windowRunsRelocated_data();
    void windowRunsRelocated();
    void versions();
    void metainfoNamesThisRelease();
    void dataDirectoryInBuildTree();

private:
    QTemporaryDir m_dir;
    QString m_prefix; ///< where the install ended up after the move
};

void TstInstall::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString first = m_dir.filePath(QStringLiteral("first"));
    const Run install = run(QStringLiteral(POOLVIZ_CMAKE),
                            {QStringLiteral("--install"), QStringLiteral(POOLVIZ_BUILD_DIR),
                             QStringLiteral("--prefix"), first});
    QVERIFY2(install.exitCode == 0, qPrintable(install.out + install.err));
    // Relocate: nothing may depend on the prefix the files were installed to.
    m_prefix = m_dir.filePath(QStringLiteral("moved/prefix"));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("moved"))));
    QVERIFY(QDir().rename(first, m_prefix));
}

void TstInstall::installedFiles_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files{
        "bin/poolviz",
        "bin/poolviz-cli",
        "share/applications/" + kAppId + ".desktop",
        "share/metainfo/" + kAppId + ".metainfo.xml",
        "share/mime/packages/" + kAppId + ".xml",
        "share/icons/hicolor/scalable/apps/" + kAppId + ".svg",
        "share/man/man1/poolviz-cli.1.gz",
        "share/man/man1/poolviz.1.gz",
        "share/poolviz/photos/cat-224.jpg",
        "share/poolviz/photos/lake-321x481.jpg",
        "share/poolviz/photos/city-night.jpg",
        "share/poolviz/photos/LICENSE.txt",
        "share/poolviz/examples/conv-output-4x4.csv",
        "share/poolviz/examples/random-6x6.csv",
        "share/poolviz/examples/matrix-6x4.csv",
        "share/poolviz/lessons/max-pooling-and-stride.poolviz",
        "share/poolviz/lessons/padding-same-and-ceil-mode.poolviz",
        "share/poolviz/lessons/backward-where-the-gradient-goes.poolviz",
    };
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << f;
}

void TstInstall::installedFiles()
{
    QFETCH(QString, path);
    const QFileInfo info(QDir(m_prefix).filePath(path));
    QVERIFY2(info.isFile() && info.size() > 0, qPrintable(info.filePath()));
    if (path.startsWith(QLatin1String("bin/")))
        QVERIFY(info.isExecutable());
}

void TstInstall::iconSizes()
{
    // Each PNG sits in the folder of its size, as the icon theme spec asks.
    const QDir hicolor(QDir(m_prefix).filePath(QStringLiteral("share/icons/hicolor")));
    int pngs = 0;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString path =
            hicolor.filePath(QStringLiteral("%1x%1/apps/%2.png").arg(size).arg(kAppId));
        const QImage icon(path);
        QVERIFY2(!icon.isNull(), qPrintable(path));
        QCOMPARE(icon.size(), QSize(size, size));
        QVERIFY(icon.hasAlphaChannel());
        ++pngs;
    }
    QCOMPARE(pngs, 9);
}

void TstInstall::cliRunsRelocated()
{
    // Seed 000: the 4×4 conv_output pooled 2×2 at stride 2 (the stride defaults to the kernel):
    // max{10,12,4,11} = 12, max{8,7,5,9} = 9, max{18,13,3,15} = 18, max{7,7,2,2} = 7.
    const QDir prefix(m_prefix);
    const QString out = m_dir.filePath(QStringLiteral("pooled.csv"));
    const Run r =
        run(prefix.filePath(QStringLiteral("bin/poolviz-cli")),
            {QStringLiteral("pool"),
             prefix.filePath(QStringLiteral("share/poolviz/examples/conv-output-4x4.csv")),
             QStringLiteral("-o"), out, QStringLiteral("--kernel"), QStringLiteral("2")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const auto numbers = [](const QString &line) {
        QList<double> values;
        for (const QString &v : line.split(QLatin1Char(',')))
            values << v.trimmed().toDouble();
        return values;
    };
    QCOMPARE(numbers(lines[0]), (QList<double>{12, 9}));
    QCOMPARE(numbers(lines[1]), (QList<double>{18, 7}));
}

void TstInstall::windowRunsRelocated_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QSize>("size");
    QTest::newRow("seed 000 at step 3")
        << QStringList{"--preset", "seed000-stride1", "--step", "3", "--size", "1280x720"}
        << QSize(1280, 720);
    QTest::newRow("an installed sample photo")
        << QStringList{"share/poolviz/photos/cat-224.jpg", "--size", "1024x640"}
        << QSize(1024, 640);
}

void TstInstall::windowRunsRelocated()
{
    QFETCH(QStringList, args);
    QFETCH(QSize, size);
    const QDir prefix(m_prefix);
    for (QString &a : args)
        if (a.startsWith(QLatin1String("share/")))
            a = prefix.filePath(a);
    const QString shot = m_dir.filePath(QStringLiteral("shot-%1.png").arg(size.width()));
    const Run r = run(prefix.filePath(QStringLiteral("bin/poolviz")),
                      args + QStringList{QStringLiteral("--screenshot"), shot});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage image(shot);
    QVERIFY2(!image.isNull(), qPrintable(shot));
    QCOMPARE(image.size(), size);
}

void TstInstall::versions()
{
    const QDir prefix(m_prefix);
    for (const QString program : {QStringLiteral("poolviz"), QStringLiteral("poolviz-cli")}) {
        const Run r =
            run(prefix.filePath(QStringLiteral("bin/") + program), {QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, program + QStringLiteral(" " POOLVIZ_VERSION "\n"));
    }
}

void TstInstall::metainfoNamesThisRelease()
{
    // The newest <release> (listed first) is this version: bumping the version needs notes.
    QFile file(QDir(m_prefix).filePath("share/metainfo/" + kAppId + ".metainfo.xml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(file.readAll());
    static const QRegularExpression release(QStringLiteral("<release version=\"([^\"]+)\""));
    const auto m = release.match(xml);
    QVERIFY(m.hasMatch());
    QCOMPARE(m.captured(1), QStringLiteral(POOLVIZ_VERSION));
    // The screenshot it shows in software centres is in the repository, at the size it states.
    static const QRegularExpression image(QStringLiteral(
        "<image type=\"source\" width=\"(\\d+)\" height=\"(\\d+)\">[^<]*/main/([^<]+)</image>"));
    const auto shot = image.match(xml);
    QVERIFY(shot.hasMatch());
    const QImage picture(QStringLiteral(POOLVIZ_SOURCE_DIR "/") + shot.captured(3));
    QVERIFY2(!picture.isNull(), qPrintable(shot.captured(3)));
    QCOMPARE(picture.size(), QSize(shot.captured(1).toInt(), shot.captured(2).toInt()));
}

void TstInstall::dataDirectoryInBuildTree()
{
    // This test runs from the build tree: the source resources/ (the installed copy is found
    // relative to bin/, as windowRunsRelocated shows with the moved prefix).
    qunsetenv("POOLVIZ_DATA_DIR");
    const QString source = QDir::cleanPath(QStringLiteral(POOLVIZ_SOURCE_DIR "/resources"));
    QCOMPARE(poolviz::dataDirectory(), source);
    QCOMPARE(poolviz::dataPath(QStringLiteral("photos")), source + QStringLiteral("/photos"));
    // $POOLVIZ_DATA_DIR wins when it exists, and is ignored when it does not.
    QTemporaryDir other;
    qputenv("POOLVIZ_DATA_DIR", other.path().toLocal8Bit());
    QCOMPARE(poolviz::dataDirectory(), QDir::cleanPath(other.path()));
    qputenv("POOLVIZ_DATA_DIR", QByteArray("/nonexistent/poolviz-data"));
    QCOMPARE(poolviz::dataDirectory(), source);
    qunsetenv("POOLVIZ_DATA_DIR");
}

QTEST_GUILESS_MAIN(TstInstall)
#include "tst_install.moc"

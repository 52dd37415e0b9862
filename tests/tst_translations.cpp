// The German translation: every .ts entry finished and current, placeholders and accelerators
// kept, the language chosen as the settings and the system locale say, and the window speaking it.

#include "language.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "matrixio.h"
#include "matrixmodel.h"
#include "numbertext.h"
#include "paramstext.h"
#include "pooldocument.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace poolviz;

Q_DECLARE_METATYPE(poolviz::PoolParams)

namespace {

/// One <message> of a .ts file as Linguist stores it.
struct TsMessage
{
    QString context;
    QString source;
    QStringList translations; ///< one, or one per numerus form
    QString type;             ///< "" (finished), "unfinished", "vanished" or "obsolete"
    bool numerus = false;
};

/// Every message of a .ts file, numerus ones with one translation per form.
QList<TsMessage> readTsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                current = TsMessage{context, {}, {}, {}, false};
                current.numerus = xml.attributes().value("numerus") == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                current.type = xml.attributes().value("type").toString();
                if (!current.numerus)
                    current.translations << xml.readElementText();
            } else if (name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

/// %1…%99, %n and %p% in `text`, sorted: a translation must keep every one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d{1,2}|n|p%)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

/// Keyboard accelerators ("&File"), not "&&" (a literal ampersand) or HTML entities.
int accelerators(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("&(?!&|[a-z]+;|#)"));
    QString plain = text;
    plain.remove(QStringLiteral("&&"));
    return int(plain.count(re));
}

QStringList tsFiles()
{
    const QDir dir(QStringLiteral(POOLVIZ_TS_DIR));
    QStringList files;
    for (const QString &name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name))
        files << dir.filePath(name);
    return files;
}

QString describe(const TsMessage &m)
{
    return QStringLiteral("%1: \"%2\"").arg(m.context, m.source.left(80));
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void tsComplete_data();
    void tsComplete();
    void tsCurrent_data();
    void tsCurrent();
    void languages();
    void resolve_data();
    void resolve();
    void settingPersists();
    void windowSpeaksGerman();
    void switchesBackToEnglish();
    void menuStoresChoice();
    void screenNumbers_data();
    void screenNumbers();
    void matrixCellsInGerman();
    void filesKeepThePoint();
    void paramsInWords_data();
    void paramsInWords();
};

void TstTranslations::init()
{
    // Each test starts in English with the C locale's numbers.
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(QLocale::c());
}

void TstTranslations::tsComplete_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = tsFiles();
    QVERIFY2(!files.isEmpty(), POOLVIZ_TS_DIR);
    for (const QString &f : files)
        QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
}

void TstTranslations::tsComplete()
{
    QFETCH(QString, path);
    QString error;
    const QList<TsMessage> messages = readTsFile(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(messages.size() > 400, qPrintable(QString::number(messages.size())));
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (m.type == QLatin1String("unfinished"))
            problems << QStringLiteral("unfinished: ") + describe(m);
        else if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            problems << QStringLiteral("%1 (no longer in the sources): ").arg(m.type) + describe(m);
        if (!m.type.isEmpty())
            continue;
        // German has two plural forms (one, other).
        if (m.numerus && m.translations.size() != 2)
            problems << QStringLiteral("%1 plural forms, not 2: ").arg(m.translations.size()) +
                            describe(m);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty())
                problems << QStringLiteral("empty translation: ") + describe(m);
            else if (placeholders(t) != placeholders(m.source))
                problems << QStringLiteral("placeholders %1 in \"%2\": ")
                                    .arg(placeholders(t).join(','), t) +
                                describe(m);
            if (accelerators(t) != accelerators(m.source))
                problems << QStringLiteral("accelerator (&) lost in \"%1\": ").arg(t) + describe(m);
            if (t.startsWith(QLatin1Char(' ')) != m.source.startsWith(QLatin1Char(' ')) ||
                t.endsWith(QLatin1Char(' ')) != m.source.endsWith(QLatin1Char(' ')))
                problems << QStringLiteral("leading/trailing space differs in \"%1\": ").arg(t) +
                                describe(m);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2:\n  %3")
                                                .arg(problems.size())
                                                .arg(path, problems.join("\n  "))));
}

void TstTranslations::tsCurrent_data()
{
    tsComplete_data();
}

// lupdate over today's sources adds nothing: every tr() string is in the .ts file already. On
// failure run `cmake --build --preset release --target update_translations` and translate.
void TstTranslations::tsCurrent()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QProcess lupdate;
    lupdate.start(QStringLiteral(POOLVIZ_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-no-obsolete"),
                   QStringLiteral("@") + QStringLiteral(POOLVIZ_TR_SOURCES_LIST),
                   QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    QString error;
    const QList<TsMessage> before = readTsFile(path, &error);
    const QList<TsMessage> after = readTsFile(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList added, removed;
    for (const TsMessage &m : after)
        if (m.type == QLatin1String("unfinished"))
            added << describe(m);
    QSet<QString> now;
    for (const TsMessage &m : after)
        now.insert(m.context + QLatin1Char('\x1f') + m.source);
    for (const TsMessage &m : before)
        if (!now.contains(m.context + QLatin1Char('\x1f') + m.source))
            removed << describe(m);
    QVERIFY2(added.isEmpty() && removed.isEmpty(),
             qPrintable(QStringLiteral("%1 is out of date (run the update_translations target, "
                                       "then translate):\n  new: %2\n  gone: %3")
                            .arg(QFileInfo(path).fileName(), added.join("\n       "),
                                 removed.join("\n        "))));
}

void TstTranslations::languages()
{
    const QList<Language> languages = availableLanguages();
    QVERIFY(languages.size() >= 2);
    QCOMPARE(languages.first(), (Language{QStringLiteral("en"), QStringLiteral("English")}));
    QVERIFY(languages.contains(Language{QStringLiteral("de"), QStringLiteral("Deutsch")}));
}

void TstTranslations::resolve_data()
{
    QTest::addColumn<QString>("choice");
    QTest::addColumn<QStringList>("system");
    QTest::addColumn<QString>("expected");
    QTest::newRow("system de-DE") << QString() << QStringList{"de-DE", "de"} << "de";
    QTest::newRow("system de-AT") << QString() << QStringList{"de-AT", "de"} << "de";
    QTest::newRow("system fr, then de") << QString() << QStringList{"fr-FR", "fr", "de"} << "de";
    QTest::newRow("system en-US") << QString() << QStringList{"en-US", "en"} << "en";
    QTest::newRow("system fr only") << QString() << QStringList{"fr-FR", "fr"} << "en";
    QTest::newRow("system C") << QString() << QStringList{"C"} << "en";
    QTest::newRow("choice de over en system") << "de" << QStringList{"en-US"} << "de";
    QTest::newRow("choice en over de system") << "en" << QStringList{"de-DE"} << "en";
    QTest::newRow("unknown choice") << "xx" << QStringList{"de-DE"} << "en";
}

void TstTranslations::resolve()
{
    QFETCH(QString, choice);
    QFETCH(QStringList, system);
    QFETCH(QString, expected);
    QCOMPARE(resolveLanguage(choice, system), expected);
}

void TstTranslations::settingPersists()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("s.ini"));
    {
        Settings s(ini);
        QCOMPARE(s.language(), QString()); // default: follow the system
        s.setLanguage(QStringLiteral("de"));
        s.sync();
    }
    QCOMPARE(Settings(ini).language(), QStringLiteral("de"));
}

void TstTranslations::windowSpeaksGerman()
{
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    // An explicit choice sets the locale for numbers on screen: a decimal comma.
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    QCOMPARE(QLocale().toString(2.5), QStringLiteral("2,5"));
    // Qt's own strings (file and message dialogs) from qt6-translations-l10n.
    QCOMPARE(QCoreApplication::translate("QFileDialog", "&Open"), QStringLiteral("&Öffnen"));

    MainWindow w(nullptr);
    QStringList titles;
    for (QAction *a : w.menuBar()->actions())
        titles << a->text();
    QCOMPARE(titles.mid(0, 3), (QStringList{"&Datei", "&Bearbeiten", "Bei&spiele"}));
    QVERIFY2(titles.contains(QStringLiteral("&Hilfe")), qPrintable(titles.join(',')));
    auto *language = w.findChild<LanguageMenu *>(QStringLiteral("languageMenu"));
    QVERIFY(language);
    QCOMPARE(language->title(), QStringLiteral("&Sprache"));
    // The built-in examples' titles come from core, marked for lupdate there (a "×2" written
    // \u00d72 in C++ once reached the .ts as U+0D72 and never matched).
    const QAction *example = w.findChild<QAction *>(QStringLiteral("example:stride-1"));
    QVERIFY(example);
    QCOMPARE(example->text(),
             QStringLiteral("Max 2×2, Schrittweite 1: überlappende Fenster, 9 Pools"));
    // No settings (as for a screenshot): nothing to store a choice in.
    QVERIFY(!language->isEnabled());
}

void TstTranslations::switchesBackToEnglish()
{
    // A later call replaces the language: English again, then German again (tests switch between
    // rows; once the German translators stayed and an "English" row ran in German).
    const auto open = [] { return QCoreApplication::translate("QFileDialog", "&Open"); };
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(open(), QStringLiteral("&Öffnen"));
    QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(open(), QStringLiteral("&Open"));
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral("."));
    {
        MainWindow w(nullptr);
        QCOMPARE(w.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    }
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de")); // not twice
    QCOMPARE(QCoreApplication::instance()->findChildren<QTranslator *>().size(), 2);
    MainWindow w(nullptr);
    QCOMPARE(w.menuBar()->actions().value(0)->text(), QStringLiteral("&Datei"));
}

void TstTranslations::menuStoresChoice()
{
    QTemporaryDir dir;
    Settings settings(dir.filePath(QStringLiteral("s.ini")));
    LanguageMenu menu(&settings);
    QVERIFY(menu.isEnabled());
    QAction *system = menu.findChild<QAction *>(QStringLiteral("language:system"));
    QAction *german = menu.findChild<QAction *>(QStringLiteral("language:de"));
    QAction *english = menu.findChild<QAction *>(QStringLiteral("language:en"));
    QVERIFY(system && german && english);
    QVERIFY(system->isChecked()); // nothing stored yet: the system's language
    QCOMPARE(german->text(), QStringLiteral("Deutsch"));
    QSignalSpy chosen(&menu, &LanguageMenu::languageChosen);
    german->trigger();
    QCOMPARE(settings.language(), QStringLiteral("de"));
    QVERIFY(german->isChecked() && !system->isChecked());
    QCOMPARE(chosen.size(), 1);
    // The note is in the language chosen, though the window is still English.
    QCOMPARE(chosen.at(0).at(1).toString(),
             QStringLiteral("Die Sprache wechselt beim nächsten Start von PoolViz."));
    english->trigger();
    QCOMPARE(settings.language(), QStringLiteral("en"));
    QCOMPARE(chosen.at(1).at(1).toString(),
             QStringLiteral("The language changes when PoolViz starts again."));
}

void TstTranslations::screenNumbers_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("shown");
    // formatNumber's 4 significant digits, with the locale's separator and nothing else changed.
    QTest::newRow("de 2.5") << "de_DE" << 2.5 << "2,5";
    QTest::newRow("de -0.125") << "de_DE" << -0.125
                               << "\u2212"
                                  "0,125";
    QTest::newRow("de integer, no grouping") << "de_DE" << 12345.0 << "12345";
    QTest::newRow("de exponent") << "de_DE" << 1.5e-7 << "1,5e-07";
    QTest::newRow("de NaN") << "de_DE" << qQNaN() << "NaN";
    QTest::newRow("de_CH keeps the point") << "de_CH" << 2.5 << "2.5";
    QTest::newRow("en 2.5") << "en_US" << 2.5 << "2.5";
    QTest::newRow("fr 0.333") << "fr_FR" << 1.0 / 3 << "0,3333";
}

void TstTranslations::screenNumbers()
{
    QFETCH(QString, locale);
    QFETCH(double, value);
    QFETCH(QString, shown);
    QCOMPARE(screenNumber(value, 4, QLocale(locale)), shown);
}

void TstTranslations::matrixCellsInGerman()
{
    installTranslations(QStringLiteral("de"));
    PoolDocument doc;
    doc.reset(Tensor::fromRows({{2.5f, -1}, {0.125f, 4}}), QStringLiteral("m"), PoolParams{});
    MatrixModel model(&doc, MatrixModel::Source::Input);
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("2,5"));
    QCOMPARE(model.data(model.index(1, 0), Qt::EditRole).toString(), QStringLiteral("0,125"));
    QCOMPARE(model.data(model.index(0, 0), Qt::ToolTipRole).toString(),
             QStringLiteral("Eingabe Zeile 0, Spalte 0: 2,5"));
    // Typed with a comma: one number in German.
    QVERIFY(model.setData(model.index(1, 1), QStringLiteral("1,5")));
    QCOMPARE(doc.input().at(1, 1), 1.5f);
    QVERIFY(model.setData(model.index(1, 1), QStringLiteral("-0.25"))); // the point still reads
    QCOMPARE(doc.input().at(1, 1), -0.25f);
    QSignalSpy rejected(&model, &MatrixModel::editRejected);
    QVERIFY(!model.setData(model.index(1, 1), QStringLiteral("1,5,2")));
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(doc.input().at(1, 1), -0.25f);

    // In English a comma separates two values, so "1,5" is not one number.
    init();
    QVERIFY(!model.setData(model.index(1, 1), QStringLiteral("1,5")));
    QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("2.5"));
}

void TstTranslations::filesKeepThePoint()
{
    // German on screen, '.' in files: the output a German user exports from the window reads
    // back anywhere. Average 2×2 of [[1, 2], [3, 4.5]] = 10.5 / 4 = 2.625.
    installTranslations(QStringLiteral("de"));
    MainWindow w(nullptr);
    PoolParams avg;
    avg.mode = PoolMode::Avg;
    avg.kernel = {2, 2};
    w.document()->reset(Tensor::fromRows({{1.f, 2.f}, {3.f, 4.5f}}), QStringLiteral("m"), avg);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QVERIFY(w.exportOutput(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().trimmed(), QByteArray("2.625"));
}

void TstTranslations::paramsInWords_data()
{
    QTest::addColumn<PoolParams>("params");
    QTest::addColumn<QString>("german");
    const auto make = [](auto change) {
        PoolParams p;
        p.kernel = {2, 2};
        change(p);
        return p;
    };
    QTest::newRow("max 2x2") << make([](PoolParams &) {}) << "max 2×2, Schrittweite 2×2, Padding 0";
    QTest::newRow("avg, padding per side, exclude, ceil") << make([](PoolParams &p) {
        p.mode = PoolMode::Avg;
        p.kernel = {3, 2};
        p.stride = Size2{1, 2};
        p.padding = {1, 0, 1, 0};
        p.countIncludePad = false;
        p.ceilMode = true;
    }) << "avg 3×2, Schrittweite 1×2, Padding 1,0,1,0, Ceil-Modus, ohne Padding im Divisor";
    QTest::newRow("lp 2.5, dilation, SAME") << make([](PoolParams &p) {
        p.mode = PoolMode::Lp;
        p.p = 2.5;
        p.dilation = {2, 2};
        p.paddingMode = PaddingMode::SameUpper;
        p.ceilMode = true; // no effect under SAME, so not named
    }) << "L2,5 2×2, Schrittweite 2×2, SAME-Padding, Dilatation 2×2";
    QTest::newRow("avg divisor") << make([](PoolParams &p) {
        p.mode = PoolMode::Avg;
        p.divisorOverride = 3;
        p.paddingMode = PaddingMode::Valid;
    }) << "avg 2×2, Schrittweite 2×2, VALID, Divisor 3";
    QTest::newRow("adaptive") << make([](PoolParams &p) {
        p.adaptiveOutput = Size2{3, 4};
    }) << "adaptives max auf 3×4";
    QTest::newRow("global avg") << make([](PoolParams &p) {
        p.mode = PoolMode::Avg;
        p.global = true;
    }) << "globales avg";
}

// In English the window says what poolviz-cli says (core's describe()); in German the same parts.
void TstTranslations::paramsInWords()
{
    QFETCH(PoolParams, params);
    QFETCH(QString, german);
    QCOMPARE(ParamsText::describe(params), QString::fromStdString(describe(params)));
    installTranslations(QStringLiteral("de"));
    QCOMPARE(ParamsText::describe(params), german);
}

QTEST_MAIN(TstTranslations)
#include "tst_translations.moc"

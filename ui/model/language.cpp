#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <algorithm>

namespace poolviz {

namespace {

const QString kPrefix = QStringLiteral("poolviz_");

/// The translators installTranslations put in, owned by the application (which may delete them
/// first: then the pointer is null).
QList<QPointer<QTranslator>> &installedTranslators()
{
    static QList<QPointer<QTranslator>> installed;
    return installed;
}

} // namespace

QString qmPath(const QString &code)
{
    const QString path = QStringLiteral(":/i18n/%1%2.qm").arg(kPrefix, code);
    return QFile::exists(path) ? path : QString();
}

QList<Language> availableLanguages()
{
    QList<Language> languages{{QStringLiteral("en"), QStringLiteral("English")}};
    QStringList codes;
    for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({kPrefix + "*.qm"}))
        codes << file.mid(kPrefix.size()).chopped(3);
    std::sort(codes.begin(), codes.end());
    for (const QString &code : codes) {
        // QLocale's own name for its language, capitalised as a menu item ("Deutsch").
        QString name = QLocale(code).nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        languages.append({code, name.isEmpty() ? code : name});
    }
    return languages;
}

QString resolveLanguage(const QString &choice, const QStringList &uiLanguages)
{
    const QList<Language> languages = availableLanguages();
    const auto has = [&](const QString &code) {
        return std::any_of(languages.begin(), languages.end(),
                           [&](const Language &l) { return l.code == code; });
    };
    if (!choice.isEmpty())
        return has(choice) ? choice : QStringLiteral("en");
    // uiLanguages() lists e.g. "de-AT", "de", "en-US": the first we have wins.
    for (QString ui : uiLanguages) {
        ui.replace(QLatin1Char('-'), QLatin1Char('_'));
        const QString code = ui.section(QLatin1Char('_'), 0, 0).toLower();
        if (has(code))
            return code;
    }
    return QStringLiteral("en");
}

QString installTranslations(const QString &choice)
{
    const QString code = resolveLanguage(choice);
    if (!choice.isEmpty())
        QLocale::setDefault(QLocale(code));
    for (const QPointer<QTranslator> &old : std::as_const(installedTranslators()))
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    installedTranslators().clear();
    if (code == QLatin1String("en"))
        return code;
    const auto install = [](bool loaded, QTranslator *translator) {
        if (loaded && QCoreApplication::installTranslator(translator))
            installedTranslators().append(translator);
        else
            delete translator;
    };
    auto *own = new QTranslator(QCoreApplication::instance());
    install(own->load(qmPath(code)), own);
    auto *qt = new QTranslator(QCoreApplication::instance());
    install(qt->load(QStringLiteral("qtbase_") + code,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
            qt);
    return code;
}

QString exampleText(const std::string &text)
{
    return QCoreApplication::translate("poolviz::Example", text.c_str());
}

} // namespace poolviz

#pragma once

#include <QList>
#include <QLocale>
#include <QString>

#include <string>

namespace poolviz {

/// A language the window can speak: its code ("en", "de") and its name in itself ("Deutsch").
struct Language
{
    QString code;
    QString nativeName;
    bool operator==(const Language &) const = default;
};

/// English (the source strings) and every translation embedded as :/i18n/poolviz_<code>.qm,
/// English first, then by code.
QList<Language> availableLanguages();

/// The language `choice` means: a code from availableLanguages() as it is (an unknown code gives
/// "en"), or for "" (follow the system) the first of `uiLanguages` (BCP 47 such as "de-AT", most
/// preferred first; by default the system locale's) that PoolViz has, else "en".
QString resolveLanguage(const QString &choice,
                        const QStringList &uiLanguages = QLocale::system().uiLanguages());

/// Installs the translators for resolveLanguage(`choice`) into the running application:
/// PoolViz's own (:/i18n) and Qt's (qtbase_<code>.qm from Qt's translations folder, for the file
/// and message dialogs). An explicit choice also becomes QLocale's default, so numbers on screen
/// use that language's decimal separator; "" keeps the system locale. Files always keep '.'.
/// Translators an earlier call installed are removed first, so a later call switches the
/// language, also back to English (tests do that between rows). Returns the language now in use.
/// Needs a QCoreApplication; call it before creating windows.
QString installTranslations(const QString &choice);

/// The embedded translation for `code` (:/i18n/poolviz_<code>.qm), or an empty path.
QString qmPath(const QString &code);

/// A built-in example's group, title or description (core/examples.cpp, context
/// "poolviz::Example") in the window's language; as it is where no translator is installed.
QString exampleText(const std::string &text);

} // namespace poolviz

#include "languagemenu.h"

#include "language.h"
#include "settings.h"

#include <QActionGroup>
#include <QTranslator>

namespace poolviz {

LanguageMenu::LanguageMenu(Settings *settings, QWidget *parent)
    : QMenu(tr("&Language"), parent), m_settings(settings)
{
    setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    const QString current = settings ? settings->language() : QString();
    const auto add = [&](const QString &code, const QString &text) {
        QAction *a = addAction(text);
        a->setObjectName(QStringLiteral("language:%1").arg(code.isEmpty() ? "system" : code));
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            if (!m_settings)
                return;
            m_settings->setLanguage(code);
            // Said in the chosen language, which the window itself shows only after a restart.
            const QString used = resolveLanguage(code);
            QTranslator translator;
            const char *source = QT_TR_NOOP("The language changes when PoolViz starts again.");
            QString note;
            if (used != QLatin1String("en") && translator.load(qmPath(used)))
                note = translator.translate("poolviz::LanguageMenu", source);
            emit languageChosen(code, note.isEmpty() ? QString::fromUtf8(source) : note);
        });
    };
    const QString system = resolveLanguage({});
    const QList<Language> languages = availableLanguages();
    const auto systemName = std::find_if(languages.begin(), languages.end(),
                                         [&](const Language &l) { return l.code == system; });
    add({}, tr("System Default (%1)").arg(systemName->nativeName));
    addSeparator();
    for (const Language &l : languages)
        add(l.code, l.nativeName);
    setEnabled(settings != nullptr);
}

} // namespace poolviz

#pragma once

#include <QMenu>
#include <QString>

namespace poolviz {

class Settings;

/// View ▸ Language: "System default" and each available language, checked as `settings` says.
/// Choosing one stores it; it takes effect the next time PoolViz starts (the window says so in
/// the status bar, in the language chosen). Without settings (a screenshot) it is disabled.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(Settings *settings, QWidget *parent = nullptr);

signals:
    /// The user chose `code` ("" = system default); `note` says when it applies, in that language.
    void languageChosen(const QString &code, const QString &note);

private:
    Settings *m_settings;
};

} // namespace poolviz

#pragma once

#include <QLocale>
#include <QString>

namespace poolviz {

/// `text`, a number as core writes it (formatNumber, std::to_chars: '.' before the decimals),
/// as the screen shows it: with `locale`'s decimal separator ("2,5" in German). Nothing else
/// changes: no digit grouping, and NaN, ∞ and exponents stay as they are. Files, the clipboard
/// and the CLI keep '.'; only what is drawn in widgets goes through here.
QString screenNumber(const QString &text, const QLocale &locale = QLocale());

/// formatNumber(v, precision) (core/trace.h) for the screen.
QString screenNumber(double v, int precision = 4, const QLocale &locale = QLocale());

/// What a user typed for one number, with `locale`'s decimal separator turned back into '.', so
/// core's parser reads "1,5" in German as 1.5. Unchanged when the locale already uses '.'.
QString typedNumber(const QString &text, const QLocale &locale = QLocale());

} // namespace poolviz

#include "numbertext.h"

#include "trace.h"

namespace poolviz {

QString screenNumber(const QString &text, const QLocale &locale)
{
    const QString point = locale.decimalPoint();
    if (point == QLatin1String("."))
        return text;
    QString shown = text;
    return shown.replace(QLatin1Char('.'), point);
}

QString screenNumber(double v, int precision, const QLocale &locale)
{
    return screenNumber(QString::fromStdString(formatNumber(v, precision)), locale);
}

QString typedNumber(const QString &text, const QLocale &locale)
{
    const QString point = locale.decimalPoint();
    if (point == QLatin1String("."))
        return text;
    QString typed = text;
    return typed.replace(point, QStringLiteral("."));
}

} // namespace poolviz

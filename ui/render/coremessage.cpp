#include "coremessage.h"

#include "numbertext.h"
#include "pool.h"
#include "tensor.h"

#include <QCoreApplication>
#include <QStringList>

namespace poolviz {

namespace {

/// One argument of a message: a number or size as core wrote it ("2.5", "4×4", "1.0·10¹²"),
/// with the locale's decimal separator. formatCount's "more than 10¹⁸" carries words: they are
/// translated here.
QString messageArgument(const std::string &arg, const QLocale &locale)
{
    static const std::string moreThan = "more than ";
    if (arg.rfind(moreThan, 0) == 0)
        return QCoreApplication::translate("poolviz::Message", "more than %1")
            .arg(screenNumber(QString::fromStdString(arg.substr(moreThan.size())), locale));
    return screenNumber(QString::fromStdString(arg), locale);
}

QString translatedTemplate(MessageId id)
{
    return QCoreApplication::translate("poolviz::Message", messageTemplate(id));
}

QString literalText(const std::string &text, const QLocale &locale)
{
    QString s = QString::fromStdString(text);
    if (locale.decimalPoint() == QLatin1String(","))
        s.replace(QLatin1String(", "), QLatin1String("; "));
    return screenNumber(s, locale);
}

} // namespace

QString fillPlaceholders(const QString &templ, const QStringList &args)
{
    std::vector<std::string> utf8;
    utf8.reserve(std::size_t(args.size()));
    for (const QString &a : args)
        utf8.push_back(a.toStdString());
    return QString::fromStdString(fillTemplate(templ.toStdString(), utf8));
}

QString coreMessageText(const Message &message, const QLocale &locale)
{
    QStringList args;
    for (std::size_t i = 0; i < message.args.size(); ++i)
        args << (i < 32 && (message.verbatim >> i & 1u) ? QString::fromStdString(message.args[i])
                                                        : messageArgument(message.args[i], locale));
    return fillPlaceholders(translatedTemplate(message.id), args);
}

QString coreMessageText(const std::vector<Message> &messages, const QLocale &locale)
{
    QStringList texts;
    for (const Message &m : messages)
        texts << coreMessageText(m, locale);
    return texts.join(QLatin1String("; "));
}

QString coreErrorText(const std::exception &error, const QLocale &locale)
{
    if (const auto *pool = dynamic_cast<const PoolError *>(&error);
        pool && !pool->messages().empty())
        return coreMessageText(pool->messages(), locale);
    if (const auto *size = dynamic_cast<const TensorSizeError *>(&error))
        return coreMessageText(size->message(), locale);
    return QString::fromUtf8(error.what());
}

QString coreIoText(const IoError &error, const QLocale &locale)
{
    QString text = coreMessageText(error.message, locale);
    const QString line = QString::number(error.line);
    if (error.line > 0 && error.column > 0)
        text = fillPlaceholders(translatedTemplate(MessageId::IoLineColumn),
                                {line, QString::number(error.column), text});
    else if (error.line > 0)
        text = fillPlaceholders(translatedTemplate(MessageId::IoLine), {line, text});
    if (error.file.empty())
        return text;
    const QString file = QString::fromStdString(error.file);
    return error.line > 0
               ? fillPlaceholders(translatedTemplate(MessageId::IoInFile), {text, file})
               : fillPlaceholders(translatedTemplate(MessageId::IoFileNamed), {file, text});
}

QString coreWriteText(const WriteError &error, const QLocale &locale)
{
    return error.message ? coreMessageText(*error.message, locale) : QString();
}

QString captionText(const Caption &caption, const QLocale &locale)
{
    switch (caption.id) {
    case CaptionId::Literal:
        return literalText(caption.literal, locale);
    case CaptionId::Join: {
        QString s;
        for (const Caption &part : caption.args)
            s += captionText(part, locale);
        return s;
    }
    default:
        break;
    }
    QStringList args;
    for (const Caption &a : caption.args)
        args << captionText(a, locale);
    return fillPlaceholders(
        QCoreApplication::translate("poolviz::Caption", captionTemplate(caption.id)), args);
}

} // namespace poolviz

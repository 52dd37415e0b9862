#pragma once

#include "caption.h"
#include "matrixfile.h"
#include "messages.h"

#include <QLocale>
#include <QString>

#include <exception>
#include <vector>

namespace poolviz {

// Core's messages and step captions as the window shows them: each template translated by its id
// (QCoreApplication::translate with context "poolviz::Message" or "poolviz::Caption", the texts
// core marks with QT_TRANSLATE_NOOP; see core/trnoop.h) and each number written with the
// locale's decimal separator. Where no translator is installed (the CLI, tests in English) the
// text is core's English one. Files and the clipboard never use these: they keep '.'.

/// `message` in the window's language: "Kernel 5×5 ist größer als die Eingabe 4×4 …", its
/// numbers as screenNumber writes them ("2,5" in German).
QString coreMessageText(const Message &message, const QLocale &locale = QLocale());

/// `messages` each translated, joined with "; " (as Validation::errorText joins them).
QString coreMessageText(const std::vector<Message> &messages, const QLocale &locale = QLocale());

/// What `error` says, translated when it is a PoolError thrown with its messages or a
/// TensorSizeError, else its what() as it is.
QString coreErrorText(const std::exception &error, const QLocale &locale = QLocale());

/// A matrix reader's error or warning in the window's language, placed as IoError::toString()
/// places it in English: "Zeile 2, Spalte 3: „x“ ist keine Zahl", "„m.npy“: …". File names and
/// quoted tokens stay exactly as they are.
QString coreIoText(const IoError &error, const QLocale &locale = QLocale());

/// A write's error in the window's language; "" when the write succeeded.
QString coreWriteText(const WriteError &error, const QLocale &locale = QLocale());

/// A step caption in the window's language. Literal parts (numbers, formulas) keep their symbols
/// and take the locale's decimal separator; where that separator is a comma, the ", " between the
/// values of a list becomes "; " so that "max(1,5; 2)" reads as two values, not three.
QString captionText(const Caption &caption, const QLocale &locale = QLocale());

/// `templ` with %1…%9 replaced by `args` in one pass (an argument containing "%2" stays as it
/// is; a placeholder without an argument too): core's fillTemplate on QStrings.
QString fillPlaceholders(const QString &templ, const QStringList &args);

} // namespace poolviz

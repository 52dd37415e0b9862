#pragma once

// Texts the GUI translates are marked for Qt's lupdate with QT_TRANSLATE_NOOP(context, text)
// (contexts "poolviz::Message", "poolviz::Caption", "poolviz::Example"). In core the mark is only
// the text: core stays Qt-free, and lupdate, reading the source, still finds every marked text.
// Write the text itself in UTF-8 ("×", not "\u00d7"): the GUI looks a translation up by exactly
// these bytes, and lupdate stores what it reads.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

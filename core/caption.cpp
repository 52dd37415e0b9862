#include "caption.h"

#include "trnoop.h"

#include <cstring>

namespace poolviz {

const char *captionTemplate(CaptionId id)
{
    switch (id) {
    case CaptionId::Literal:
    case CaptionId::Join:
        return "";
    case CaptionId::Step:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "Step %1 of %2: %3");
    case CaptionId::StepChannel:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "Step %1 of %2 (channel %3): %4");
    case CaptionId::StepSampleChannel:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "Step %1 of %2 (sample %3, channel %4): %5");
    case CaptionId::Row:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "row %1");
    case CaptionId::Rows:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "rows %1–%2");
    case CaptionId::RowsTo:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "rows %1 to %2");
    case CaptionId::Column:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "column %1");
    case CaptionId::Columns:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "columns %1–%2");
    case CaptionId::ColumnsTo:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "columns %1 to %2");
    case CaptionId::Cell:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "row %1, column %2");
    case CaptionId::ValueCount:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "%1 values");
    case CaptionId::LpSumOver:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "%1 over %2 values");
    case CaptionId::ForwardFormula:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "input %1, %2: %3 → output %4%5");
    case CaptionId::ForwardNoInput:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "input %1, %2: the window holds no input cell (only padding), so "
                                 "the output is %3 → output %4");
    case CaptionId::ForwardNaN:
        return QT_TRANSLATE_NOOP(
            "poolviz::Caption",
            "input %1, %2: %3: a NaN in the window propagates; the index is the "
            "last NaN scanned, at input %4 → output %5");
    case CaptionId::FoundAt:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "%1, found at input %2");
    case CaptionId::FoundAtTie:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "%1, found at input %2 (tie with %3: the first in row-major order "
                                 "wins)");
    case CaptionId::PaddingNeverWinsMax:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "; padding counts as −∞ and never wins");
    case CaptionId::PaddingNeverWinsMin:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "; padding counts as +∞ and never wins");
    case CaptionId::DivisorOverride:
        return QT_TRANSLATE_NOOP("poolviz::Caption", " (divisor override %1)");
    case CaptionId::DivisorCountsPaddingCell:
        return QT_TRANSLATE_NOOP("poolviz::Caption", " (the divisor counts %1 padding cell)");
    case CaptionId::DivisorCountsPaddingCells:
        return QT_TRANSLATE_NOOP("poolviz::Caption", " (the divisor counts %1 padding cells)");
    case CaptionId::PaddingNotCounted:
        return QT_TRANSLATE_NOOP("poolviz::Caption", " (padding is not counted)");
    case CaptionId::BackwardNoInput:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "gradient %1 of output %2 reaches no input cell (the window holds "
                                 "only padding)");
    case CaptionId::BackwardMax:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "gradient %1 of output %2 goes to its max at input %3; the input "
                                 "gradient there is now %4");
    case CaptionId::BackwardMin:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "gradient %1 of output %2 goes to its min at input %3; the input "
                                 "gradient there is now %4");
    case CaptionId::BackwardAverage:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "gradient %1 of output %2 is spread as %3 over %4 input cells%5");
    case CaptionId::BackwardAverageOne:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "gradient %1 of output %2 is spread as %3 over %4 input cell%5");
    case CaptionId::BackwardLp:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "gradient %1 of output %2 is shared by the derivative %3 over %4 "
                                 "cells%5");
    case CaptionId::BackwardOverlaps:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "; %1 of them already held gradient from earlier windows and add "
                                 "up");
    case CaptionId::UnpoolNoInput:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "value %1 of output %2 (the window holds no input cell): nothing "
                                 "is placed");
    case CaptionId::UnpoolNoMaxPosition:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "value %1 of output %2 has no max position (the window holds no "
                                 "input cell): nothing is placed");
    case CaptionId::UnpoolNoMinPosition:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "value %1 of output %2 has no min position (the window holds no "
                                 "input cell): nothing is placed");
    case CaptionId::UnpoolToMax:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "value %1 of output %2 goes back to where its max was, input %3; "
                                 "the other cells of the window stay 0");
    case CaptionId::UnpoolToMin:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "value %1 of output %2 goes back to where its min was, input %3; "
                                 "the other cells of the window stay 0");
    case CaptionId::UnpoolCopied:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "value %1 of output %2 is copied to the %3 input cells of its "
                                 "window%4");
    case CaptionId::UnpoolCopiedOne:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "value %1 of output %2 is copied to the %3 input cell of its "
                                 "window%4");
    case CaptionId::UnpoolShared:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "; %1 of them already held values from earlier windows and now "
                                 "hold the mean of what they received");
    case CaptionId::FormulaLastWindow:
        return QT_TRANSLATE_NOOP("poolviz::Caption",
                                 "; last window would start at %1 ≥ %2 + %3, so out = %4");
    case CaptionId::FormulaSamePadding:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "%1; padding %2 = %3: %4 before, %5 after");
    case CaptionId::FormulaAdaptive:
        return QT_TRANSLATE_NOOP("poolviz::Caption", "adaptive: %1 bins over %2, bin i = %3");
    }
    return "";
}

namespace {

/// Appends the English text of `c` to `out`: the template copied in runs between its
/// placeholders, each argument written straight into `out` (no string per part; a 64×64 trace
/// renders thousands of captions).
void appendText(const Caption &c, std::string &out)
{
    if (c.id == CaptionId::Literal) {
        out += c.literal;
        return;
    }
    if (c.id == CaptionId::Join) {
        for (const Caption &a : c.args)
            appendText(a, out);
        return;
    }
    // As fillTemplate: %1…%9 with an argument are replaced, any other '%' is kept.
    const char *p = captionTemplate(c.id);
    while (const char *pct = std::strchr(p, '%')) {
        out.append(p, std::size_t(pct - p));
        const char digit = pct[1];
        if (digit >= '1' && digit <= '9' && std::size_t(digit - '1') < c.args.size()) {
            appendText(c.args[std::size_t(digit - '1')], out);
            p = pct + 2;
        } else {
            out += '%';
            p = pct + 1;
        }
    }
    out.append(p);
}

} // namespace

std::string Caption::text() const
{
    std::string s;
    s.reserve(192); // most step captions fit: no regrowth while appending
    appendText(*this, s);
    return s;
}

} // namespace poolviz

#pragma once

#include <string>
#include <utility>
#include <vector>

namespace poolviz {

/// Every kind of sentence (or part of one) a step caption is built from. Each has an English
/// template with numbered placeholders %1, %2, … (`captionTemplate`), which a translation may
/// reorder. Two kinds have no template: Literal holds language-neutral text (a number, a formula
/// such as "max(1, 2.5) = 2.5"), Join concatenates its parts.
///
/// To add a kind (e.g. for a new trace phase): add the id here, its English template to
/// `captionTemplate` in caption.cpp marked QT_TRANSLATE_NOOP("poolviz::Caption", …), build the
/// caption with `Caption::make(CaptionId::New, {…})`, then refresh and translate the .ts files
/// (`cmake --build --preset release --target update_translations`; tst_translations fails until
/// the new entry is translated). The GUI needs no change: `captionText` (ui/render/coremessage.h)
/// translates any id by its template.
enum class CaptionId
{
    Literal,
    Join,
    // The step prefix; the last argument is the body.
    Step,
    StepChannel,
    StepSampleChannel,
    // Positions.
    Row,
    Rows,
    RowsTo,
    Column,
    Columns,
    ColumnsTo,
    Cell,
    // Inside formulas: a window too large to list.
    ValueCount,
    LpSumOver,
    // Forward.
    ForwardFormula,
    ForwardNoInput,
    ForwardNaN,
    FoundAt,
    FoundAtTie,
    PaddingNeverWinsMax,
    PaddingNeverWinsMin,
    DivisorOverride,
    DivisorCountsPaddingCell,
    DivisorCountsPaddingCells,
    PaddingNotCounted,
    // Backward.
    BackwardNoInput,
    BackwardMax,
    BackwardMin,
    BackwardAverage,
    BackwardAverageOne,
    BackwardLp,
    BackwardOverlaps,
    // Unpool (unpooltrace.cpp).
    UnpoolNoInput,
    UnpoolNoMaxPosition,
    UnpoolNoMinPosition,
    UnpoolToMax,
    UnpoolToMin,
    UnpoolCopied,
    UnpoolCopiedOne,
    UnpoolShared,
    // The output-size formula's words (windowrules.cpp, outputSizeFormulaCaption).
    FormulaLastWindow,
    FormulaSamePadding,
    FormulaAdaptive,
};

/// The English template of `id` ("row %1, column %2"); empty for Literal and Join.
const char *captionTemplate(CaptionId id);

/// A caption as data: an id and its arguments, each itself a caption, so that the GUI can
/// translate every part and write every number in its locale while the CLI, the tests and the
/// GIF export's default read the English `text()`. Literal parts are language-neutral: numbers as
/// formatNumber writes them ('.' before decimals) and formulas, whose lists are joined with ", ".
struct Caption
{
    CaptionId id = CaptionId::Literal;
    std::string literal;       ///< Literal: the text
    std::vector<Caption> args; ///< Join: the parts; otherwise the template's %1, %2, …

    static Caption lit(std::string text) { return {CaptionId::Literal, std::move(text), {}}; }
    static Caption make(CaptionId id, std::vector<Caption> args)
    {
        return {id, std::string(), std::move(args)};
    }
    static Caption join(std::vector<Caption> parts)
    {
        return make(CaptionId::Join, std::move(parts));
    }
    /// `make(id, {parts…})` without the copy a braced list makes (an initializer_list's elements
    /// are const, so each part and all it holds would be copied): the parts are moved in. A trace
    /// builds thousands of captions, each a few levels deep.
    template <class... Parts> static Caption of(CaptionId id, Parts &&...parts)
    {
        std::vector<Caption> args;
        args.reserve(sizeof...(Parts));
        (args.push_back(std::forward<Parts>(parts)), ...);
        return make(id, std::move(args));
    }

    /// The English sentence.
    std::string text() const;

    friend bool operator==(const Caption &, const Caption &) = default;
};

} // namespace poolviz

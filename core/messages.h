#pragma once

#include <string>
#include <vector>

namespace poolviz {

/// Every validation error and warning the core reports, by id. The English template of each is
/// `messageTemplate(id)`, with numbered placeholders %1, %2, … in Qt's style, so that a
/// translation may reorder them; the arguments are the numbers (and sizes such as "4×4") the
/// sentence names.
enum class MessageId
{
    // Errors
    EmptyInput,
    InputTooLarge,
    LpOrder,
    DivisorBelowOne,
    AdaptiveBelowOne,
    KernelBelowOne,
    StrideBelowOne,
    DilationBelowOne,
    NegativePadding,
    KernelLargerThanInput,
    KernelLargerThanPaddedInput,
    DilatedKernelLargerThanInput,
    DilatedKernelLargerThanPaddedInput,
    KernelLargerThanInputCeil,
    KernelLargerThanPaddedInputCeil,
    DilatedKernelLargerThanInputCeil,
    DilatedKernelLargerThanPaddedInputCeil,
    EmptyOutput,
    RowsBeyondRange,
    ColumnsBeyondRange,
    OutputTooLarge,
    OutputPlanesTooLarge,
    TraceTooManySteps,
    TraceTooManyTaps,
    PlaneMissing,
    UpstreamShape,
    // Warnings
    AdaptiveRepeatsCells,
    AdaptiveIgnoresDivisor,
    EmptyWindowsMax,
    EmptyWindowsMin,
    EmptyWindowsZero,
    PyTorchPaddingAboveHalf,
    PyTorchPadsEqually,
    SameNotInPyTorch,
    SameHasNoCeilMode,
    AvgDilationNotInPyTorch,
    LpPaddingNotInPyTorch,
    LpCeilScaled,
    MinNotInFrameworks,
    CeilOverhang,
    // The Frameworks panel (core/frameworks.cpp): summaries, reasons, the Lp window note.
    FrameworkTakesSettings,
    FrameworkWorkaround,
    FrameworkRecipe,
    FrameworkCellsDiffer,
    FrameworkCellsMayDiffer,
    FrameworkCannotExpress,
    FrameworkNoOutput,
    TorchNoMin,
    TorchGlobalLp,
    TorchNoAdaptiveLp,
    TorchSameAsPadding,
    TorchSameAsPaddingAvg,
    TorchSamePadFirst,
    TorchUnequalPadFirst,
    TorchLargePadFirst,
    TorchCeilAfterPad,
    TorchExcludePadAfterPad,
    TorchLpUnfold,
    TorchAvgDilationUnfold,
    TorchSameNeverCounted,
    TorchLpCeilScaled,
    TorchLpSignedPower,
    TfNoMin,
    TfNoLp,
    TfNoAdaptive,
    TfSameLowerPadFirst,
    TfExplicitPadFirst,
    TfExplicitPadFirstExcluded,
    TfNoCeil,
    TfNoCeilNoOutput,
    TfCeilNoPart,
    TfNoDilation,
    TfNoDivisor,
    TfArgmaxNhwc,
    OnnxNoMin,
    OnnxIntegerP,
    OnnxNoAdaptive,
    OnnxDilationsOpset,
    OnnxLpCeilOpset,
    OnnxCeilFormula,
    OnnxNoDivisor,
    NumpyAdaptiveSlices,
    NumpyReshape,
    NumpyStridedView,
    LpWindowScaled,
    LpWindowSigned,
    // Matrix text, .npy and files (core/iomessages.cpp): where an error is, parse errors, file
    // errors. Each id with a count has a singular twin (…One) where English says "1 value".
    IoLineColumn,
    IoLine,
    IoInFile,
    IoFileNamed,
    InternalError,
    TensorTooLarge,
    TextTooLargeForFloat,
    TextShortenedPrint,
    TextNotANumber,
    TextEmptyCellFirst,
    TextEmptyCell,
    TextUnterminatedQuote,
    TextUnexpectedAfterQuote,
    TextRowValuesOne,
    TextRowValues,
    TextTooManyRows,
    TextNoNumbers,
    TextTooManyValuesInRow,
    TextNoMatchingOpen,
    TextMismatchedBracket,
    TextNeverClosed,
    TextUnexpectedAfterClose,
    TextUnexpectedBeforeOpen,
    TextMixedAt,
    TextMixed,
    TextEmptyValue,
    TextNestedTooDeep,
    TextMatrixRowsOne,
    TextMatrixRows,
    TextSampleChannelsOne,
    TextSampleChannels,
    TextListElementsOne,
    TextListElements,
    TextSemicolonInBrackets,
    TextDimensionTooLarge,
    TextNotRectangular,
    TextOutOfMemory,
    NpyStructuredDtype,
    NpyHeaderMissingKey,
    NpyMalformedHeader,
    NpyNotNpy,
    NpyTruncatedMagicOne,
    NpyTruncatedMagic,
    NpyTruncatedVersion,
    NpyVersion,
    NpyTruncatedPrefix,
    NpyTruncatedHeaderOne,
    NpyTruncatedHeader,
    NpyBigEndian,
    NpyDtype,
    NpyFortranOrder,
    NpyRank,
    NpyShapeTooLarge,
    NpyTooManyPlanes,
    NpyAboveLimit,
    NpyShortDataOne,
    NpyShortData,
    NpyValueTooLarge,
    NpyRoundedOne,
    NpyRounded,
    NpyOutOfMemory,
    NpyIndicesDtype,
    FileCannotRead,
    FileTextTooLarge,
    FileNpyTooLarge,
    FileCsvRank,
    FileNoValues,
    FileCannotWrite,
    FileWriteNoMemory,
    FileWriteNoPlane,
    FileWriteEmptyName,
    FileWriteFolder,
    FileWriteNoTempName,
    FileWriteNotRegular,
    // Why a parameter panel control has no effect (core/conventions.h, noEffectMessage).
    NoEffectCeilAdaptive,
    NoEffectCeilSame,
    NoEffectCountPadMode,
    NoEffectCountPadAdaptive,
    NoEffectCountPadOverride,
    NoEffectCountPadSame,
    NoEffectCountPadValid,
    NoEffectDivisorMode,
    NoEffectDivisorAdaptive,
};

/// The English template of `id` (marked for lupdate, context "poolviz::Message": the GUI shows it
/// translated, see ui/render/coremessage.h; the CLI keeps the English), e.g. "kernel %1 is larger
/// than the input %2: no window fits".
const char *messageTemplate(MessageId id);

/// The template of an id from IoLineColumn on (core/iomessages.cpp); "" for the others.
const char *ioMessageTemplate(MessageId id);

/// `templ` with %1…%9 replaced by `args` (a placeholder without an argument stays as it is).
std::string fillTemplate(const std::string &templ, const std::vector<std::string> &args);

/// One message: its id and arguments. `text()` is the English sentence.
struct Message
{
    MessageId id = MessageId::EmptyInput;
    std::vector<std::string> args;
    /// Bit i set: args[i] is shown exactly as it is (a file name, a token quoted from the input,
    /// a dtype), never as a number whose '.' the screen writes as its decimal separator.
    unsigned verbatim = 0;

    /// The English sentence: the template filled with the arguments.
    std::string text() const { return fillTemplate(messageTemplate(id), args); }
    /// Reads as its English text wherever a string was expected before messages had ids.
    operator std::string() const { return text(); }

    friend bool operator==(const Message &, const Message &) = default;
};

/// The English texts of `messages` joined with "; ".
std::string joinedText(const std::vector<Message> &messages);

} // namespace poolviz

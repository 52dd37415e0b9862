// The English templates of the matrix readers' and writers' messages (matrixtext, npy,
// matrixfile) and of a tensor above the size limit: see messages.h. Quoted tokens, file names and
// dtypes are verbatim arguments (Message::verbatim); counts are plain ones.

#include "messages.h"

#include "trnoop.h"

namespace poolviz {

const char *ioMessageTemplate(MessageId id)
{
    switch (id) {
    // Where: IoError::toString() puts the message into one of these.
    case MessageId::IoLineColumn:
        return QT_TRANSLATE_NOOP("poolviz::Message", "line %1, column %2: %3");
    case MessageId::IoLine:
        return QT_TRANSLATE_NOOP("poolviz::Message", "line %1: %2");
    case MessageId::IoInFile:
        return QT_TRANSLATE_NOOP("poolviz::Message", "%1 (in \"%2\")");
    case MessageId::IoFileNamed:
        return QT_TRANSLATE_NOOP("poolviz::Message", "\"%1\": %2");
    case MessageId::InternalError:
        return QT_TRANSLATE_NOOP("poolviz::Message", "internal error: %1");
    case MessageId::TensorTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "a %1 array would hold %2 values, above the limit of %3");
    // Matrix text
    case MessageId::TextTooLargeForFloat:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "\"%1\" is too large for a 32-bit float (largest 3.4028235e+38)");
    case MessageId::TextShortenedPrint:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "\"...\" marks a shortened NumPy print; print the whole array "
                                 "with np.set_printoptions(threshold=sys.maxsize)");
    case MessageId::TextNotANumber:
        return QT_TRANSLATE_NOOP("poolviz::Message", "\"%1\" is not a number");
    case MessageId::TextEmptyCellFirst:
        return QT_TRANSLATE_NOOP("poolviz::Message", "empty cell before the first value");
    case MessageId::TextEmptyCell:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "empty cell: two separators with no value between them");
    case MessageId::TextUnterminatedQuote:
        return QT_TRANSLATE_NOOP("poolviz::Message", "unterminated quote");
    case MessageId::TextUnexpectedAfterQuote:
        return QT_TRANSLATE_NOOP("poolviz::Message", "unexpected \"%1\" after a quoted cell");
    case MessageId::TextRowValuesOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "row %1 has %2 value, but row 1 has %3");
    case MessageId::TextRowValues:
        return QT_TRANSLATE_NOOP("poolviz::Message", "row %1 has %2 values, but row 1 has %3");
    case MessageId::TextTooManyRows:
        return QT_TRANSLATE_NOOP("poolviz::Message", "too many rows");
    case MessageId::TextNoNumbers:
        return QT_TRANSLATE_NOOP("poolviz::Message", "no numbers found");
    case MessageId::TextTooManyValuesInRow:
        return QT_TRANSLATE_NOOP("poolviz::Message", "too many values in a row");
    case MessageId::TextNoMatchingOpen:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "unbalanced brackets: \"%1\" has no matching \"%2\"");
    case MessageId::TextMismatchedBracket:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "unbalanced brackets: \"%1\" does not match \"%2\" at line %3, column %4");
    case MessageId::TextNeverClosed:
        return QT_TRANSLATE_NOOP("poolviz::Message", "unbalanced brackets: \"%1\" is never closed");
    case MessageId::TextUnexpectedAfterClose:
        return QT_TRANSLATE_NOOP("poolviz::Message", "unexpected \"%1\" after the closing \"]\"");
    case MessageId::TextUnexpectedBeforeOpen:
        return QT_TRANSLATE_NOOP("poolviz::Message", "unexpected \"%1\" before the opening \"[\"");
    case MessageId::TextMixedAt:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "\"%1\": numbers and nested lists are mixed at the same level");
    case MessageId::TextMixed:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "numbers and nested lists are mixed at the same level");
    case MessageId::TextEmptyValue:
        return QT_TRANSLATE_NOOP("poolviz::Message", "empty value: \",\" with no value before it");
    case MessageId::TextNestedTooDeep:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "nested too deeply: PoolViz reads arrays of 2 to 4 dimensions");
    case MessageId::TextMatrixRowsOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "matrix has %1 row, but matrix 1 has %2");
    case MessageId::TextMatrixRows:
        return QT_TRANSLATE_NOOP("poolviz::Message", "matrix has %1 rows, but matrix 1 has %2");
    case MessageId::TextSampleChannelsOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "sample has %1 channel, but sample 1 has %2");
    case MessageId::TextSampleChannels:
        return QT_TRANSLATE_NOOP("poolviz::Message", "sample has %1 channels, but sample 1 has %2");
    case MessageId::TextListElementsOne:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "list has %1 element, but the first list at this depth has %2");
    case MessageId::TextListElements:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "list has %1 elements, but the first list at this depth has %2");
    case MessageId::TextSemicolonInBrackets:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "unexpected \";\" inside nested brackets; write rows as [[1, 2], [3, 4]]");
    case MessageId::TextDimensionTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message", "dimension too large: %1");
    case MessageId::TextNotRectangular:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "the nested lists do not form a rectangular array");
    case MessageId::TextOutOfMemory:
        return QT_TRANSLATE_NOOP("poolviz::Message", "not enough memory to read %1 bytes of text");
    // .npy
    case MessageId::NpyStructuredDtype:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "structured dtypes are not supported (descr %1)");
    case MessageId::NpyHeaderMissingKey:
        return QT_TRANSLATE_NOOP("poolviz::Message", "the .npy header has no '%1': %2");
    case MessageId::NpyMalformedHeader:
        return QT_TRANSLATE_NOOP("poolviz::Message", "malformed .npy header: %1");
    case MessageId::NpyNotNpy:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "not a .npy file: it starts with %1 instead of b'\\x93NUMPY'");
    case MessageId::NpyTruncatedMagicOne:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "truncated .npy file: it ends after %1 byte, inside the 10-byte prefix");
    case MessageId::NpyTruncatedMagic:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "truncated .npy file: it ends after %1 bytes, inside the 10-byte prefix");
    case MessageId::NpyTruncatedVersion:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "truncated .npy file: it ends after %1 bytes, inside the prefix");
    case MessageId::NpyVersion:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "unsupported .npy format version %1.%2 (PoolViz reads 1.0, 2.0 and 3.0)");
    case MessageId::NpyTruncatedPrefix:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "truncated .npy file: it ends after %1 bytes, inside the %2-byte prefix");
    case MessageId::NpyTruncatedHeaderOne:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "truncated .npy header: it declares %1 byte, but the file has "
                                 "only %2 after the prefix");
    case MessageId::NpyTruncatedHeader:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "truncated .npy header: it declares %1 bytes, but the file has "
                                 "only %2 after the prefix");
    case MessageId::NpyBigEndian:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "big-endian data ('%1') is not supported; convert with a.astype('%2')");
    case MessageId::NpyDtype:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "unsupported dtype '%1' (PoolViz reads '<f4', '<f8', '|u1', '<i4' and '<i8')");
    case MessageId::NpyFortranOrder:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "fortran_order is True: Fortran-order arrays are not supported; "
                                 "save with np.ascontiguousarray");
    case MessageId::NpyRank:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "unsupported shape %1: PoolViz reads arrays of rank 2 to 4, this one has rank %2");
    case MessageId::NpyShapeTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message", "shape %1 is too large");
    case MessageId::NpyTooManyPlanes:
        return QT_TRANSLATE_NOOP("poolviz::Message", "shape %1 has %2 planes, more than %3");
    case MessageId::NpyAboveLimit:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "shape %1 holds %2 values, above the limit of %3");
    case MessageId::NpyShortDataOne:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "file holds %1 byte of data, shape %2 needs %3");
    case MessageId::NpyShortData:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "file holds %1 bytes of data, shape %2 needs %3");
    case MessageId::NpyValueTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "value %1 at flat index %2 is too large for a 32-bit float "
                                 "(largest 3.4028235e+38)");
    case MessageId::NpyRoundedOne:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "%1 value %2 at index %3 is read as %4: 32-bit floats hold whole "
                                 "numbers exactly only up to 2^24 = 16777216 (%5 value of %6 "
                                 "changed)");
    case MessageId::NpyRounded:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "%1 value %2 at index %3 is read as %4: 32-bit floats hold whole "
                                 "numbers exactly only up to 2^24 = 16777216 (%5 values of %6 "
                                 "changed)");
    case MessageId::NpyOutOfMemory:
        return QT_TRANSLATE_NOOP("poolviz::Message", "not enough memory for the array");
    case MessageId::NpyIndicesDtype:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "argmax indices must be int64 ('<i8') or int32 ('<i4'), not '%1'");
    // Files
    case MessageId::FileCannotRead:
        return QT_TRANSLATE_NOOP("poolviz::Message", "cannot read \"%1\": %2");
    case MessageId::FileTextTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "the file is larger than 128 MiB, more than PoolViz reads as "
                                 "text (save large arrays as .npy)");
    case MessageId::FileNpyTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "the file is larger than %1 bytes, more than an array of at "
                                 "most %2 values (the limit) needs");
    case MessageId::FileCsvRank:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "\"%1\" holds a %2 array; a CSV file holds one 2-D matrix");
    case MessageId::FileNoValues:
        return QT_TRANSLATE_NOOP("poolviz::Message", "it holds no values (shape %1)");
    case MessageId::FileCannotWrite:
        return QT_TRANSLATE_NOOP("poolviz::Message", "cannot write \"%1\": %2");
    case MessageId::FileWriteNoMemory:
        return QT_TRANSLATE_NOOP("poolviz::Message", "cannot write \"%1\": not enough memory");
    case MessageId::FileWriteNoPlane:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "cannot write \"%1\": the tensor %2 has no plane");
    case MessageId::FileWriteEmptyName:
        return QT_TRANSLATE_NOOP("poolviz::Message", "cannot write a file with an empty name");
    case MessageId::FileWriteFolder:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "cannot write \"%1\": it names a folder, not a file");
    case MessageId::FileWriteNoTempName:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "cannot write \"%1\": no free temporary file name in its folder");
    case MessageId::FileWriteNotRegular:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "cannot write \"%1\": it is a device, pipe or socket, not a "
                                 "regular file (PoolViz replaces an output file whole)");
    default:
        break;
    }
    return "";
}

} // namespace poolviz

#pragma once

#include "matrixio.h"
#include "tensor.h"

#include <array>
#include <stdexcept>
#include <string>

namespace poolviz::cli {

/// A failure that ends a poolviz-cli command: the message names the problem and the value.
class CliError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

/// `message` on one line: line breaks become spaces; other control bytes (a NUL from a file
/// name or a file's text) are shown escaped, "\x00", never raw.
std::string oneLine(std::string message);
/// Queues "poolviz-cli: warning: MESSAGE" (one line) for stderr. The warnings are printed when
/// the command has finished (flushWarnings); a command that fails drops them (dropWarnings), so
/// that an error is the one line on stderr, not the last of several. Batch pooling prints each
/// file's warnings after it is written and drops those of a file that failed.
void queueWarning(const std::string &message);
/// Prints the queued warnings on stderr, in order, and empties the queue.
void flushWarnings();
/// Empties the queue without printing.
void dropWarnings();

/// What a file holds, by its extension.
enum class FileKind
{
    Npy,
    Csv,
    Text,
    Image,
    Unknown
};

/// The lower-case extension of `path` without the dot ("" if none).
std::string extensionOf(const std::string &path);
/// The file kind for reading `path`: .npy, .csv, .txt or an image format Qt reads.
FileKind readKind(const std::string &path);
/// The file kind for writing `path`: .npy, .csv, .txt or an image format Qt writes.
FileKind writeKind(const std::string &path);
/// True if poolviz-cli reads files with extension `ext` (lower case, no dot).
bool isReadableExtension(const std::string &ext);
/// True if poolviz-cli writes files with extension `ext` (lower case, no dot).
bool isWritableExtension(const std::string &ext);
/// "npy, csv, txt, bmp, jpg, …": the extensions poolviz-cli writes, for messages.
std::string writableExtensionList();

/// Data read from a file: the tensor (images as (C, H, W) 0–255, or (H, W) for grayscale) and
/// the element type to write results in (Float64 only for float64 .npy input).
struct Data
{
    Tensor tensor;
    NpyType type = NpyType::Float32;
    FileKind kind = FileKind::Unknown;
};

/// Reads `path` by its extension. `role` names it in messages ("" for the input, "--grad" …).
/// Throws CliError, e.g. "cannot read in.npy: no such file".
Data readData(const std::string &path, const std::string &role = {});

/// Throws CliError unless `path` is something to read: it exists, is no folder, and is no pipe
/// or socket (opening a pipe without a writer would wait forever). `name` names it.
void checkInputFile(const std::string &path, const std::string &name);

/// Throws CliError unless `path` has an extension poolviz-cli writes; `role` as in readData.
void checkOutputPath(const std::string &path, const std::string &role = {});

/// Writes `t` to `path` in the format its extension chooses, atomically: .npy as float32 (or
/// float64 when `type` is Float64), .csv/.txt one 2-D matrix, images with 1, 3 or 4 channels.
/// Throws CliError naming the path; nothing is left behind on failure.
void writeData(const std::string &path, const Tensor &t, NpyType type);

/// A reader's error `message` about `path` without the file name in it (the caller names it).
std::string reason(std::string message, const std::string &path);

/// "4×4", "3×4×4" or "2×3×4×4" for an (n, c, h, w) shape shown with `rank` dimensions.
std::string shapeString(const std::array<int, 4> &shape, int rank);

} // namespace poolviz::cli

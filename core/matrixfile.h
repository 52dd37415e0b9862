#pragma once

#include "npy.h"

#include <optional>
#include <string>

namespace poolviz {

/// A matrix file as read: its values and, for a .npy, the element type it held.
struct MatrixFile
{
    Tensor tensor;
    std::optional<NpyType> npyType; ///< set for a .npy file
};

/// What a write reports: nothing on success, else the message naming the file and the reason.
/// Reads as its English text wherever a string was expected (empty on success), as Message does.
struct WriteError
{
    std::optional<Message> message;

    /// True on success.
    [[nodiscard]] bool empty() const { return !message; }
    /// The English text, "" on success.
    [[nodiscard]] std::string text() const { return message ? message->text() : std::string(); }
    operator std::string() const { return text(); }
};

/// Reads a matrix file, the one way every reader of matrix files does: a ".npy" name (any case)
/// as .npy (`readNpy`), anything else as text (`readCsv`). A file that holds no values is an
/// error ("\"m.csv\": it holds no values (shape 0×0)"). Errors name the file; `warnings` are the
/// .npy reader's (see parseNpy), each beginning with the file's name.
IoResult<MatrixFile> readMatrixFile(const std::string &path);

/// Reads a CSV/TXT file holding one 2-D matrix (comma, semicolon, tab or space separated).
IoResult<Tensor> readCsv(const std::string &path);
/// Writes the first plane of `t` as CSV, atomically (temporary file, then rename).
[[nodiscard]] WriteError writeCsv(const std::string &path, const Tensor &t);

/// Reads a .npy file (see parseNpy); errors and warnings name the file.
IoResult<NpyArray> readNpy(const std::string &path);
/// Reads an int64 .npy (argmax indices) of rank 2–4.
IoResult<IndexTensor> readNpyIndices(const std::string &path);
/// Writes `t` with its rank as float32 (or float64 when `type` is Float64), atomically.
[[nodiscard]] WriteError writeNpy(const std::string &path, const Tensor &t,
                                  NpyType type = NpyType::Float32);
/// Writes int64 indices with their rank, atomically.
[[nodiscard]] WriteError writeNpyIndices(const std::string &path, const IndexTensor &t);

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a failure
/// never leaves a partial file. A symbolic link is followed: the file it points to is replaced
/// and the link stays. Refused (see outputTargetError): a device, pipe or socket.
[[nodiscard]] WriteError writeFileAtomically(const std::string &path, const std::string &bytes);

/// The first half of writeFileAtomically, for writing two files both or neither: the bytes in a
/// new temporary file beside the target (created exclusively under an unpredictable name, so a
/// link planted there is never written through), until commit() renames it into place. A file
/// never committed is removed when this goes.
class StagedFile
{
public:
    StagedFile() = default;
    StagedFile(const StagedFile &) = delete;
    StagedFile &operator=(const StagedFile &) = delete;
    ~StagedFile();

    /// Writes `bytes` for `path` (see writeFileAtomically for links and refusals).
    [[nodiscard]] WriteError stage(const std::string &path, const std::string &bytes);
    /// Renames the staged file over its target; after a failure the temporary file is gone.
    [[nodiscard]] WriteError commit();

private:
    std::string m_path;   ///< as the caller named it (for messages)
    std::string m_target; ///< symbolic links followed
    std::string m_temp;   ///< empty when nothing is staged
};

/// Why an output file cannot replace what `path` names (symbolic links followed): a device, pipe
/// or socket, which a rename would turn into a regular file (/dev/full, a FIFO). Empty for a
/// regular file, a folder (the rename fails and says so), a missing file, or a path that cannot
/// be examined (the write then reports the OS's reason).
[[nodiscard]] WriteError outputTargetError(const std::string &path);

/// An h × w matrix of random integers in [lo, hi] from a std::mt19937 seeded with `seed`
/// (the same matrix on every platform).
[[nodiscard]] Tensor randomIntegers(int h, int w, int lo, int hi, unsigned seed);

} // namespace poolviz

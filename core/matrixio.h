#pragma once

#include "tensor.h"

#include <optional>
#include <string>

namespace poolviz {

/// A parse or file error: the message names the problem and the value; line and column are
/// 1-based (0 when they do not apply).
struct IoError
{
    std::string message;
    int line = 0;
    int column = 0;
    /// "line L, column C: message", or just the message.
    std::string toString() const;
};

/// Either a value or an error.
template <class T> struct IoResult
{
    std::optional<T> value;
    IoError error;
    bool ok() const { return value.has_value(); }
};

/// Parses a matrix as people type or paste it: numbers separated by spaces, commas, tabs or
/// semicolons; rows separated by newlines or semicolons (MATLAB style "1 2; 3 4"); a NumPy or
/// PyTorch repr (`array([[1, 2], [3, 4]])`, `tensor([[1., 2.]])`, nested brackets, `dtype=`
/// suffix); spreadsheet cells (tabs, quoted cells). Accepts nan, inf, -inf, −∞. Ragged rows and
/// unknown tokens are errors with line and column. A 3-D repr gives a (C, H, W) tensor.
IoResult<Tensor> parseMatrixText(const std::string &text);

/// Formats a plane as text that `parseMatrixText` reads back exactly (one row a line, values
/// separated by `separator`; shortest round-trip float formatting).
std::string formatMatrixText(const Tensor &plane, char separator = ' ');

/// Reads a CSV/TXT file holding one 2-D matrix (comma, semicolon, tab or space separated).
IoResult<Tensor> readCsv(const std::string &path);
/// Writes the first plane of `t` as CSV, atomically (temporary file, then rename). Returns an
/// error message, empty on success.
std::string writeCsv(const std::string &path, const Tensor &t);

/// The element type found in or written to a .npy file.
enum class NpyType
{
    Float32,
    Float64,
    UInt8,
    Int32,
    Int64
};

/// A .npy array as read: converted to float, with its original element type and rank.
struct NpyArray
{
    Tensor tensor;
    NpyType type = NpyType::Float32;
};

/// Reads a .npy file (format 1.0–3.0; '<f4', '<f8', '|u1', '<i4', '<i8'; C order; rank 2–4).
/// Fortran order, big-endian data, other types or ranks are errors that name the header value.
IoResult<NpyArray> readNpy(const std::string &path);
/// Same, from the bytes of a file.
IoResult<NpyArray> parseNpy(const std::string &bytes);
/// Reads an int64 .npy (argmax indices) of rank 2–4.
IoResult<IndexTensor> readNpyIndices(const std::string &path);
/// Writes `t` with its rank as float32 (or float64 when `type` is Float64), atomically.
/// Returns an error message, empty on success.
std::string writeNpy(const std::string &path, const Tensor &t, NpyType type = NpyType::Float32);
/// Writes int64 indices with their rank, atomically.
std::string writeNpyIndices(const std::string &path, const IndexTensor &t);
/// The bytes of a .npy file for `t` (used by writeNpy and tests).
std::string npyBytes(const Tensor &t, NpyType type = NpyType::Float32);

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a failure
/// never leaves a partial file. Returns an error message, empty on success.
std::string writeFileAtomically(const std::string &path, const std::string &bytes);

/// An h × w matrix of random integers in [lo, hi] from a std::mt19937 seeded with `seed`
/// (the same matrix on every platform).
Tensor randomIntegers(int h, int w, int lo, int hi, unsigned seed);

} // namespace poolviz

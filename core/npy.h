#pragma once

#include "matrixtext.h"

#include <string>

namespace poolviz {

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

/// Reads the bytes of a .npy file (format 1.0–3.0; '<f4', '<f8', '|u1', '<i4', '<i8'; C order;
/// rank 2–4). Fortran order, big-endian data, other types or ranks are errors that name the
/// header value. float32 holds every integer up to 2^24 = 16777216 exactly, not all above it:
/// int32/int64 values that change on conversion give one warning naming the first of them, its
/// index and the value it became.
IoResult<NpyArray> parseNpy(const std::string &bytes);
/// Reads the bytes of an int64 (or int32) .npy of rank 2–4: argmax indices.
IoResult<IndexTensor> parseNpyIndices(const std::string &bytes);

/// The bytes of a .npy file for `t` with its rank, as float32 (or float64 when `type` is
/// Float64).
[[nodiscard]] std::string npyBytes(const Tensor &t, NpyType type = NpyType::Float32);
/// The bytes of an int64 .npy file for the indices `t`, with their rank.
[[nodiscard]] std::string npyIndexBytes(const IndexTensor &t);

} // namespace poolviz

#pragma once

#include "messages.h"
#include "tensor.h"

#include <optional>
#include <string>
#include <vector>

namespace poolviz {

/// A parse or file error, or a reader's warning: the message names the problem and the value
/// (its id and numbers, so that the GUI can translate it); line and column are 1-based (0 when
/// they do not apply); `file` is the file it was read from, when the message does not name it.
struct IoError
{
    Message message;
    int line = 0;
    int column = 0;
    std::string file{};
    /// The English text: "line L, column C: message (in "file")", "line L: message (in
    /// "file")", ""file": message", or just the message (the templates IoLineColumn, IoLine,
    /// IoInFile, IoFileNamed).
    [[nodiscard]] std::string toString() const;
};

/// Either a value or an error; with a value, `warnings` says what was read other than exactly
/// as stored (one each, naming the first value concerned and where it is).
template <class T> struct [[nodiscard]] IoResult
{
    std::optional<T> value;
    IoError error;
    std::vector<IoError> warnings;
    [[nodiscard]] bool ok() const { return value.has_value(); }
};

/// Parses a matrix as people type or paste it: numbers separated by spaces, commas, tabs or
/// semicolons; rows separated by newlines or semicolons (MATLAB style "1 2; 3 4"); a NumPy or
/// PyTorch repr (`array([[1, 2], [3, 4]])`, `tensor([[1., 2.]])`, nested brackets, `dtype=`
/// suffix); spreadsheet cells (tabs, quoted cells). Accepts nan, inf, -inf, −∞. Ragged rows and
/// unknown tokens are errors with line and column. A 3-D repr gives a (C, H, W) tensor.
IoResult<Tensor> parseMatrixText(const std::string &text);

/// Formats a plane as text that `parseMatrixText` reads back exactly (one row a line, values
/// separated by `separator`; shortest round-trip float formatting).
[[nodiscard]] std::string formatMatrixText(const Tensor &plane, char separator = ' ');

} // namespace poolviz

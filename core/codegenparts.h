#pragma once

// Internal to core/codegen*.cpp: the pieces every script is built from (Python literals, the plan
// of one pooling, the shared window recipe) and the generator of each language. Not part of the
// core's interface; include codegen.h instead.

#include "codegen.h"
#include "geometry.h"

#include <string>
#include <vector>

namespace poolviz::codegen {

/// A float32 value as a Python literal that reads back to the same float ("nan", "-inf", "0.1").
std::string pyFloat(float v);
/// A double as Python writes it, shortest first.
std::string pyNumber(double v);
std::string str(int v);
/// "(a, b)".
std::string tuple(int a, int b);
/// A Python shape tuple: "(3,)", "(2, 3)".
std::string pyShape(const std::vector<int> &dims);
/// The shape of `t` as its rank has it: (H, W), (C, H, W) or (N, C, H, W).
std::vector<int> dims(const Tensor &t);
/// Nested Python lists of the values of `t`, one matrix row per line.
std::string literal(const Tensor &t, const std::string &indent);

/// Everything a recipe needs, in the numbers of the current pooling.
struct Plan
{
    PoolParams p;
    Geometry g;
    Tensor input;
    Tensor expected;
    std::string imagePath;
    int n = 1, c = 1, h = 1, w = 1;
    int kh = 1, kw = 1, sh = 1, sw = 1, dh = 1, dw = 1;
    Padding pad;
    int extraH = 0, extraW = 0; ///< ceil-mode overhang past the padded input
    bool ceil = false;
};

Plan makePlan(const PoolParams &params, const CodeInput &in);
/// The two comment lines every script starts with.
std::string header(const Plan &pl, const std::string &framework);
/// `x = …` as a NumPy array (the literal, or the photo loaded by path).
std::string numpyInput(const Plan &pl);
/// `expected = …` (PoolViz's output) and the closing prints; `y` must be a NumPy array by then.
std::string numpyCheck(const Plan &pl, std::size_t maxLiteral, const std::string &name);

/// How a library spells the few operations the window recipes need.
struct Dialect
{
    std::string (*where)(const std::string &cond, const std::string &a, const std::string &fill);
    std::string (*reduce)(const std::string &op, const std::string &a);
    std::string (*count)(const std::string &cond);
    std::string abs;
    std::string (*safeDivide)(const std::string &total, const std::string &count);
};
extern const Dialect numpyDialect;
extern const Dialect torchDialect;
extern const Dialect tfDialect;

/// `y = …` from the window values `vals` and their kinds `kinds` (1 input, 2 padding, 0 ceil
/// overhang), with `inside` = kinds == 1 already defined.
std::string reduceLines(const Plan &pl, const Dialect &d, const std::string &vals,
                        const std::string &kinds);
/// Comment line that says what the padding and overhang in the recipes are.
std::string padComment(const Plan &pl);
/// The adaptive bins [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) as a Python helper.
extern const char *const binsHelper;

std::string numpyCode(const Plan &pl, std::size_t maxLiteral); // codegen.cpp
std::string torchCode(const Plan &pl, std::size_t maxLiteral); // codegenlayers.cpp
std::string tfCode(const Plan &pl, std::size_t maxLiteral);    // codegenlayers.cpp
std::string onnxCode(const Plan &pl, std::size_t maxLiteral);  // codegenlayers.cpp

} // namespace poolviz::codegen

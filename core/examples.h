#pragma once

#include "poolparams.h"
#include "tensor.h"

#include <string>
#include <vector>

namespace poolviz {

/// A worked example from the documents PoolViz grew from, with the parameters its tutorial used
/// and the result it printed.
struct Example
{
    std::string id;     ///< short name for --preset, e.g. "seed000-stride2"
    std::string title;  ///< what a menu shows
    std::string source; ///< which seed document and what it teaches
    Tensor input;       ///< rank 2 (or 3 for multi-channel examples)
    PoolParams params;
    Tensor expected; ///< the output the tutorial printed
};

/// Every built-in example, in menu order.
const std::vector<Example> &examples();
/// The example called `id`, or nullptr.
const Example *findExample(const std::string &id);

} // namespace poolviz

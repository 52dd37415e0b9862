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
    std::string id;     ///< short name for --preset, e.g. "stride-2"
    std::string group;  ///< the idea it teaches, e.g. "Stride": the Examples submenu
    std::string title;  ///< what a menu shows, e.g. "Max 2×2, stride 2: 4 pools, no overlap"
    std::string source; ///< what the example shows and where its numbers come from
    Tensor input;       ///< rank 2 (or 3 for multi-channel examples)
    PoolParams params;
    Tensor expected;                    ///< the output the tutorial printed
    bool backward = false;              ///< opens on the backward pass
    std::vector<std::string> aliases{}; ///< earlier ids that still work (scripts, --preset)
};

/// Every built-in example, in menu order: grouped by idea, the groups in exampleGroups() order.
const std::vector<Example> &examples();
/// The groups of examples() in menu order: "Stride", "Padding and SAME", "Ceil mode",
/// "Dilation", "Max vs Average", "Backward and unpooling", "Adaptive and global".
std::vector<std::string> exampleGroups();
/// The example called `id` (or one of its aliases), or nullptr.
const Example *findExample(const std::string &id);

} // namespace poolviz

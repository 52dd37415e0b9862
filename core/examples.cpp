#include "examples.h"

#include "trnoop.h"

#include <algorithm>
#include <cmath>
#include <numeric>

// Groups, titles and descriptions are marked for Qt's lupdate (trnoop.h): the window shows them
// in its language (context "poolviz::Example").

namespace poolviz {

namespace {

Tensor range(int h, int w, float first)
{
    Tensor t = Tensor::matrix(h, w);
    std::iota(t.data().begin(), t.data().end(), first);
    return t;
}

PoolParams kernelStride(PoolMode mode, int k, int s)
{
    PoolParams p;
    p.mode = mode;
    p.kernel = {k, k};
    p.stride = Size2{s, s};
    return p;
}

PoolParams global(PoolMode mode)
{
    PoolParams p;
    p.mode = mode;
    p.global = true;
    return p;
}

std::vector<Example> makeExamples()
{
    const Tensor convOutput =
        Tensor::fromRows({{10, 12, 8, 7}, {4, 11, 5, 9}, {18, 13, 7, 7}, {3, 15, 2, 2}});
    const Tensor seed100 = Tensor::fromRows({{8, 3, 7, 15, 16, 10},
                                             {2, 2, 2, 14, 2, 17},
                                             {16, 15, 4, 11, 16, 9},
                                             {2, 12, 4, 1, 13, 19},
                                             {4, 4, 3, 7, 17, 15},
                                             {1, 14, 7, 16, 2, 9}});
    const Tensor small = Tensor::fromRows({{6, 9, 9, 2}, {6, 9, 6, 0}, {8, 3, 4, 5}, {9, 2, 3, 5}});
    const Tensor oneTo16 = range(4, 4, 1);
    const Tensor block = Tensor::fromRows({{40, 24, 61, 60},
                                           {8, 11, 27, 5},
                                           {17, 41, 7, 41},
                                           {44, 5, 47, 13},
                                           {31, 53, 40, 36},
                                           {31, 23, 39, 26}});
    const Tensor mean8 = Tensor::fromRows({{19, 32, 28, 25, 31, 49, 17, 18},
                                           {4, 19, 50, 57, 29, 42, 5, 8},
                                           {44, 16, 54, 13, 15, 1, 58, 50},
                                           {18, 36, 29, 12, 39, 45, 47, 44},
                                           {34, 31, 17, 28, 35, 62, 30, 54},
                                           {38, 50, 14, 50, 25, 24, 36, 4},
                                           {58, 27, 20, 34, 55, 22, 63, 59},
                                           {61, 30, 37, 24, 23, 34, 5, 16}});

    PoolParams ceilAvg = kernelStride(PoolMode::Avg, 2, 3);
    ceilAvg.ceilMode = true;
    PoolParams sameMax = kernelStride(PoolMode::Max, 3, 2);
    sameMax.paddingMode = PaddingMode::SameUpper;
    PoolParams sameAvg = kernelStride(PoolMode::Avg, 2, 2);
    sameAvg.paddingMode = PaddingMode::SameUpper;
    PoolParams padded = kernelStride(PoolMode::Max, 3, 2);
    padded.padding = {1, 1, 1, 1};
    padded.ceilMode = true;
    PoolParams dilated = kernelStride(PoolMode::Max, 2, 1);
    dilated.dilation = {2, 2};

    PoolParams adaptive;
    adaptive.mode = PoolMode::Avg;
    adaptive.adaptiveOutput = Size2{3, 3};
    PoolParams overlapAvg = kernelStride(PoolMode::Avg, 2, 1);

    const std::string stride = QT_TRANSLATE_NOOP("poolviz::Example", "Stride"),
                      padding = QT_TRANSLATE_NOOP("poolviz::Example", "Padding and SAME"),
                      ceil = QT_TRANSLATE_NOOP("poolviz::Example", "Ceil mode"),
                      dilation = QT_TRANSLATE_NOOP("poolviz::Example", "Dilation"),
                      maxAvg = QT_TRANSLATE_NOOP("poolviz::Example", "Max vs Average"),
                      backward = QT_TRANSLATE_NOOP("poolviz::Example", "Backward and unpooling"),
                      adaptiveGroup = QT_TRANSLATE_NOOP("poolviz::Example", "Adaptive and global");
    return {
        {"stride-1",
         stride,
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Max 2×2, stride 1: overlapping windows, 9 pools"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "Max pooling from scratch in NumPy: the 4×4 conv_output matrix, windows one step "
             "apart"),
         convOutput,
         kernelStride(PoolMode::Max, 2, 1),
         Tensor::fromRows({{12, 12, 9}, {18, 13, 9}, {18, 15, 7}}),
         false,
         {"seed000-stride1"}},
        {"stride-2",
         stride,
         QT_TRANSLATE_NOOP("poolviz::Example", "Max 2×2, stride 2: 4 pools, no overlap"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "Max pooling from scratch in NumPy: the same 4×4 matrix, windows side by side"),
         convOutput,
         kernelStride(PoolMode::Max, 2, 2),
         Tensor::fromRows({{12, 9}, {18, 7}}),
         false,
         {"seed000-stride2"}},
        {"same-max", padding,
         QT_TRANSLATE_NOOP("poolviz::Example", "Max 3×3, stride 2, SAME padding on 1…25"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "TensorFlow SAME: out = ⌈in/s⌉, the extra padding at the bottom/right"),
         range(5, 5, 1), sameMax, Tensor::fromRows({{7, 9, 10}, {17, 19, 20}, {22, 24, 25}})},
        {"same-avg", padding,
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Average 2×2, stride 2, SAME padding on 1…9"),
         QT_TRANSLATE_NOOP("poolviz::Example", "TensorFlow SAME average: padding is never counted"),
         range(3, 3, 1), sameAvg, Tensor::fromRows({{3, 4.5f}, {7.5f, 9}})},
        {"padding-ceil", padding,
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Max 3×3, stride 2, padding 1 on a 6×6 matrix"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "Padding counts as −∞ and never wins; ceil mode adds a last window"),
         seed100, padded,
         Tensor::fromRows({{8, 15, 17, 17}, {16, 15, 19, 19}, {14, 16, 19, 19}, {14, 16, 16, 9}})},
        {"ceil-avg", ceil,
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Average 2×2, stride 3, ceil mode on 0…48"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "PyTorch ceil mode: the last window overhangs and its overhang is not counted"),
         range(7, 7, 0), ceilAvg,
         Tensor::fromRows({{4, 7, 9.5f}, {25, 28, 30.5f}, {42.5f, 45.5f, 48}})},
        {"dilation", dilation,
         QT_TRANSLATE_NOOP("poolviz::Example", "Max 2×2, dilation 2, stride 1 on 1…25"),
         QT_TRANSLATE_NOOP("poolviz::Example", "Dilated windows skip every other cell"),
         range(5, 5, 1), dilated, Tensor::fromRows({{13, 14, 15}, {18, 19, 20}, {23, 24, 25}})},
        {"max-1to16",
         maxAvg,
         QT_TRANSLATE_NOOP("poolviz::Example", "Max 2×2 on 1…16"),
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "PyTorch MaxPool2d on the 4×4 tensor 1…16"),
         oneTo16,
         kernelStride(PoolMode::Max, 2, 2),
         Tensor::fromRows({{6, 8}, {14, 16}}),
         false,
         {"seed002-max"}},
        {"avg-1to16",
         maxAvg,
         QT_TRANSLATE_NOOP("poolviz::Example", "Average 2×2 on 1…16"),
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "PyTorch AvgPool2d on the same tensor: compare with max"),
         oneTo16,
         kernelStride(PoolMode::Avg, 2, 2),
         Tensor::fromRows({{3.5f, 5.5f}, {11.5f, 13.5f}}),
         false,
         {"seed002-avg"}},
        {"max-random-4x4",
         maxAvg,
         QT_TRANSLATE_NOOP("poolviz::Example", "Max 2×2 on random integers 0…9"),
         QT_TRANSLATE_NOOP("poolviz::Example", "torch.randint(0, 10, (1, 1, 4, 4)) max pooled"),
         small,
         kernelStride(PoolMode::Max, 2, 2),
         Tensor::fromRows({{9, 9}, {9, 5}}),
         false,
         {"seed002-small-max"}},
        {"avg-random-4x4",
         maxAvg,
         QT_TRANSLATE_NOOP("poolviz::Example", "Average 2×2 on random integers 0…9"),
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "torch.randint(0, 10, (1, 1, 4, 4)) average pooled: compare with max"),
         small,
         kernelStride(PoolMode::Avg, 2, 2),
         Tensor::fromRows({{7.5f, 4.25f}, {5.5f, 4.25f}}),
         false,
         {"seed002-small-avg"}},
        {"max-6x4",
         maxAvg,
         QT_TRANSLATE_NOOP("poolviz::Example", "Max 2×2 on a 6×4 matrix"),
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Pooling by reshape: each 2×2 block keeps its largest value"),
         block,
         kernelStride(PoolMode::Max, 2, 2),
         Tensor::fromRows({{40, 61}, {44, 47}, {53, 40}}),
         false,
         {"seed003-max"}},
        {"mean-8x8",
         maxAvg,
         QT_TRANSLATE_NOOP("poolviz::Example", "Mean 2×2 on an 8×8 matrix"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "Mean pooling by stride tricks: each 2×2 block becomes its average"),
         mean8,
         kernelStride(PoolMode::Avg, 2, 2),
         Tensor::fromRows({{18.5f, 40, 37.75f, 12},
                           {28.5f, 27, 25, 49.75f},
                           {38.25f, 27.25f, 36.5f, 31},
                           {44, 28.75f, 33.5f, 35.75f}}),
         false,
         {"seed003-mean"}},
        {"max-positions",
         backward,
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Max 3×3, stride 3: the gradient goes to each maximum"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "Strided-view pooling of a 6×6 random matrix: the positions of the maxima and "
             "max-unpooling"),
         seed100,
         kernelStride(PoolMode::Max, 3, 3),
         Tensor::fromRows({{16, 17}, {14, 19}}),
         true,
         {"seed001-max"}},
        {"overlap-max", backward,
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Max 2×2, stride 1: overlapping windows add up"),
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "One input cell wins two windows and receives both gradients"),
         convOutput, kernelStride(PoolMode::Max, 2, 1),
         Tensor::fromRows({{12, 12, 9}, {18, 13, 9}, {18, 15, 7}}), true},
        {"overlap-avg", backward,
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "Average 2×2, stride 1: the gradient shared by 4"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "Each window gives g/4 to each of its cells; the centre cells collect four shares"),
         oneTo16, overlapAvg,
         Tensor::fromRows({{3.5f, 4.5f, 5.5f}, {7.5f, 8.5f, 9.5f}, {11.5f, 12.5f, 13.5f}}), true},
        {"adaptive-avg", adaptiveGroup,
         QT_TRANSLATE_NOOP("poolviz::Example", "Adaptive average 5×5 → 3×3"),
         QT_TRANSLATE_NOOP(
             "poolviz::Example",
             "AdaptiveAvgPool2d(3): bins [⌊i·5/3⌋, ⌈(i+1)·5/3⌉) "
             "overlap"),
         range(5, 5, 1), adaptive,
         Tensor::fromRows({{4, 5.5f, 7}, {11.5f, 13, 14.5f}, {19, 20.5f, 22}})},
        {"global-avg",
         adaptiveGroup,
         QT_TRANSLATE_NOOP("poolviz::Example", "Global average of 1…16"),
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "AdaptiveAvgPool2d(1×1): one window over everything"),
         oneTo16,
         global(PoolMode::Avg),
         Tensor::fromRows({{8.5f}}),
         false,
         {"seed002-global-avg"}},
        {"global-max",
         adaptiveGroup,
         QT_TRANSLATE_NOOP("poolviz::Example", "Global max of 1…16"),
         QT_TRANSLATE_NOOP("poolviz::Example",
                           "AdaptiveMaxPool2d(1×1): one window over everything"),
         oneTo16,
         global(PoolMode::Max),
         Tensor::fromRows({{16}}),
         false,
         {"seed002-global-max"}},
    };
}

} // namespace

const std::vector<Example> &examples()
{
    static const std::vector<Example> all = makeExamples();
    return all;
}

std::vector<std::string> exampleGroups()
{
    std::vector<std::string> groups;
    for (const Example &e : examples())
        if (std::find(groups.begin(), groups.end(), e.group) == groups.end())
            groups.push_back(e.group);
    return groups;
}

const Example *findExample(const std::string &id)
{
    for (const Example &e : examples())
        if (e.id == id || std::find(e.aliases.begin(), e.aliases.end(), id) != e.aliases.end())
            return &e;
    return nullptr;
}

} // namespace poolviz

#pragma once

// The stage's layout as the StageRenderer sources share it: where each grid, title, caption,
// formula and legend goes for a target rectangle, and how each grid writes its numbers.
// Internal to poolviz_render.

#include "linkrouter.h"
#include "numberformat.h"
#include "stagerenderer.h"
#include "stagestyle.h"

#include <QRectF>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace poolviz {

namespace stage {

/// One grid of the stage.
struct GridBox
{
    bool present = false;
    int row0 = 0, col0 = 0; ///< coordinates of the first row/column shown
    int rows = 0, cols = 0;
    QString title, subtitle;
    QRectF cells; ///< the cell area
    QRectF titleRect, subtitleRect;
};

/// The output-size formula's smallest font size in pixels: as large as the legend and the notes,
/// read from the back of the room. A formula too long for the stage's width at this size wraps
/// between terms onto more lines rather than shrinking.
inline constexpr double kFormulaMinPx = 15.0;

/// Sizes of everything that scales with the cell.
struct Metrics
{
    double cell, title, subtitle, caption, formula, index, margin, hgap, vgap, titleH, captionGap;
    explicit Metrics(double s)
        : cell(s), title(std::clamp(0.36 * s, 14.0, 40.0)),
          subtitle(std::clamp(0.25 * s, 11.0, 27.0)), caption(std::clamp(0.40 * s, 15.0, 42.0)),
          formula(std::clamp(0.26 * s, kFormulaMinPx, 26.0)), index(0.24 * s),
          margin(std::max(10.0, 0.7 * title)), hgap(std::max(0.9 * s, 2.2 * title)),
          vgap(std::max(0.5 * s, 1.1 * title)), titleH(title * 1.3 + subtitle * 1.4 + 0.2 * title),
          captionGap(std::max(0.9 * caption, 0.8 * s)) // room for links running under the grids
    {
    }
};

using Arrangement = std::vector<std::vector<StageGrid>>;

/// The legend's and the notes' font size: read from the back of the room even beside small cells.
inline double legendPx(const Metrics &m)
{
    return std::max(m.formula, kFormulaMinPx);
}

/// The notes the legend draws: the parameters' warnings, then each framework whose own layer does
/// not take the settings as they are (PyTorch, TensorFlow, ONNX) with its first reason; four at
/// most, the last saying how many more the Frameworks panel lists.
[[nodiscard]] QStringList stageNotes(const Trace &trace);

/// How the formula is drawn: centred, wrapped between terms.
inline constexpr int kFormulaFlags = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
/// The output-size formula under the caption: one line when rows and columns agree, else one
/// per axis; numbers in the locale's separator, breaks only between terms (captionForDisplay).
/// `split`: each label ("Output size (rows and columns):") on a line of its own, for a formula
/// too wide to follow it.
[[nodiscard]] QString formulaText(const Trace &trace, bool split = false);
/// The lines `text` takes at `px` wrapped in `width` (at least 1).
[[nodiscard]] int formulaLineCount(const QString &text, double px, double width);

} // namespace stage

struct StageRenderer::Layout
{
    bool valid = false;
    double cell = 0;
    double titlePx = 14, subtitlePx = 11, captionPx = 15, formulaPx = 11, indexPx = 0;
    double legendPx = 14;
    bool numbers = true;
    std::array<stage::GridBox, 4> grids;
    /// How each grid writes its numbers (StageGrid order), then the gradient's "+amount" notes.
    std::array<NumberFormat, 5> formats;
    bool precisionLost = false; ///< some grid's exact numbers are below a comfortable size
    const NumberFormat &format(StageGrid g) const { return formats[std::size_t(g)]; }
    const NumberFormat &amountFormat() const { return formats[4]; }
    QRectF caption, formula, legend, content;
    QRectF bounds; ///< the target painted into
    int formulaLines = 0;
    bool formulaSplit = false; ///< the formula's labels on lines of their own (see formulaText)

    const stage::GridBox &box(StageGrid g) const { return grids[std::size_t(g)]; }
    bool has(StageGrid g, int r, int c) const
    {
        const stage::GridBox &b = box(g);
        return b.present && r >= b.row0 && r < b.row0 + b.rows && c >= b.col0 &&
               c < b.col0 + b.cols;
    }
    QRectF rect(StageGrid g, int r, int c) const
    {
        const stage::GridBox &b = box(g);
        return QRectF(b.cells.left() + (c - b.col0) * cell, b.cells.top() + (r - b.row0) * cell,
                      cell, cell);
    }
    QRectF span(StageGrid g, int r0, int r1, int c0, int c1) const
    {
        return rect(g, r0, c0).united(rect(g, r1, c1));
    }
};

/// The routed link arrow of a step (see StageRenderer::linkPath).
struct StageRenderer::Link
{
    stage::LinkShape shape;
    double width = 2;
};

} // namespace poolviz

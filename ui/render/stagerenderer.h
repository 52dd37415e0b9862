#pragma once

#include "trace.h"

#include <QColor>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRectF>
#include <QSize>
#include <QStringList>

#include <optional>

namespace poolviz {

/// Which grid of the stage a point or cell belongs to.
enum class StageGrid
{
    Input,
    Output,
    Upstream,
    InputGradient
};

/// A cell of one of the stage's grids (input coordinates may lie in the padding ring: negative
/// or ≥ the input size).
struct StageCell
{
    StageGrid grid = StageGrid::Input;
    int row = 0;
    int col = 0;
    friend bool operator==(const StageCell &, const StageCell &) = default;
};

/// What the stage shows besides the trace itself.
struct StageView
{
    int step = -1;                  ///< current step; −1 before the first
    double motion = 1.0;            ///< 0..1: smooth slide from the previous step's window
    std::optional<StageCell> hover; ///< hovered cell: output lights its window, input its outputs
    bool showCaption = true;        ///< draw the caption under the grids
    bool showFormula = true;        ///< draw the output-size formulas
    bool fractions = false;         ///< write rational values as fractions (¼, 37¾, 4/9)
    /// Draw a legend of what the marks mean and the notes (where PyTorch or TensorFlow would
    /// refuse or differ) under the stage: presenter mode, where the side panels are hidden.
    bool legend = false;
    QString planeName; ///< e.g. "channel 2" for a multi-channel input: named in the grid titles
    /// Predict mode: the current step's result stays hidden (its output value, winner ring,
    /// the cells it writes and, before the first step, the output grid and its size) and
    /// `prompt` replaces the caption, so a class can guess first.
    bool conceal = false;
    QString prompt; ///< the question shown instead of the caption while `conceal` is set
};

/// Paints the stage – input (with padding ring), output and, backward, upstream and input-gradient
/// grids side by side, the current window, its winner, the link to the output cell, hatched
/// uncovered cells and the caption – from a Trace. It never computes pooling: every number and
/// window comes from the trace. Used by the window, the screenshot, GIF/PNG frames and SVG/PDF.
/// The renderer keeps a reference to `trace`, which must outlive it. Text needs a
/// QGuiApplication (the offscreen platform is enough).
class StageRenderer
{
    // StageRenderer::tr(): the stage's words in the window's language (the CLI stays English).
    Q_DECLARE_TR_FUNCTIONS(poolviz::StageRenderer)

public:
    explicit StageRenderer(const Trace &trace);

    /// The size at which every number is comfortably readable (cell size ~ 56 px, clamped so
    /// large matrices still fit a 1920×1080 screen).
    QSize preferredSize() const;
    /// Paints into `target` (the layout scales to fit, keeping cells square).
    void paint(QPainter &painter, const QRectF &target, const StageView &view) const;
    /// The cell under `pos` for a stage painted into `target`, if any.
    std::optional<StageCell> hitTest(const QPointF &pos, const QRectF &target) const;
    /// Paints into a new image of `size` (white background).
    QImage render(const QSize &size, const StageView &view) const;

    /// Same as hitTest(pos, target) for a stage painted with `view`: the layout depends only on
    /// the target and on view.showCaption / view.showFormula (the space they take).
    std::optional<StageCell> hitTest(const QPointF &pos, const QRectF &target,
                                     const StageView &view) const;
    /// Where `cell` is drawn in a stage painted into `target` (input cells of the padding ring
    /// and of ceil mode's overhang included); an empty rect if that grid or cell is not shown.
    QRectF cellRect(const StageCell &cell, const QRectF &target, const StageView &view = {}) const;
    /// The side of one (square) cell in pixels for `target`.
    double cellSize(const QRectF &target, const StageView &view = {}) const;
    /// The legend's entries for `view` (only the marks this trace draws): "window", "max: the
    /// winner", "padding counts as −∞", "hatched: no window reads this cell", …
    QStringList legendEntries(const StageView &view) const;
    /// The notes drawn under the legend: the parameters' warnings, then where PyTorch,
    /// TensorFlow or ONNX need a workaround, differ or refuse (four lines at most).
    QStringList notes() const;
    /// How the numbers of `grid` are written at `target` (its precision, see NumberFormat).
    QString numberText(StageGrid grid, double value, const QRectF &target,
                       const StageView &view = {}) const;
    /// True when the cells at `target` are too small for their numbers: no numbers at all, or
    /// some grid's exact numbers would be drawn smaller than 9 px (or lose digits, marked "≈").
    /// The window folds its panels before that happens.
    bool numbersCramped(const QRectF &target, const StageView &view = {}) const;
    /// The outline of the window at view.step and view.motion (its cells' span while resting).
    QRectF windowSpan(const QRectF &target, const StageView &view) const;
    /// Font sizes in pixels of the stage's small texts at `target`: the row and column indices
    /// and the badges (the winner's "max", the window's "÷ 4", the "×n" count, "past edge", the
    /// smallest "+amount" note; 0 where the trace has none). Badges are never smaller than the
    /// indices, so they read from as far. `formula`: the output-size formula's size (0 when not
    /// shown), never below 15 px: a long formula wraps instead.
    struct TextSizes
    {
        double index = 0, winnerBadge = 0, windowBadge = 0, count = 0, pastEdge = 0, amount = 0,
               formula = 0;
    };
    TextSizes textSizes(const QRectF &target, const StageView &view = {}) const;
    /// Pairs of (text colour, background) the stage draws text with, for contrast checks.
    static QList<QPair<QColor, QColor>> textColours();

    /// The caption shown before the first step, e.g. "Ready: 9 windows of 2×2, stride 1, over a
    /// 4×4 input. …".
    QString readyCaption() const;

    /// The ink of the link arrow at view.step in a stage painted into `target`: the window to
    /// the output cell it fills (forward) or the upstream cell to the input-gradient cells it
    /// reaches (backward), line with its white halo, head and start dot. The arrow runs along
    /// cell boundaries and the gutters around the grids, so it covers no number, index, title or
    /// badge other than those of the cells it joins. Empty before the first step.
    QPainterPath linkPath(const QRectF &target, const StageView &view) const;
    /// `caption` as the stage draws it: lines may break only at spaces between terms. Characters
    /// inside a term ("(|3|^3", "0–1,") are joined by U+2060 WORD JOINER; a word and the
    /// number after it ("row 1", "Step 2 of 4"), a number and the word after it ("16 cells") and
    /// an operator and the term after it ("+ 7") by U+00A0 NO-BREAK SPACE. Removing the joiners and
    /// turning the no-break spaces back into spaces gives `caption` again.
    static QString captionForDisplay(const QString &caption);
    /// `text` (a caption, a formula) with the decimal points of its numbers in the locale's
    /// separator, as the stage draws it next to its cells ("1 / 4 = 0,25" in German). Files and
    /// the core's own strings keep ".".
    static QString localeNumbers(const QString &text);

    /// Colours of the stage, for tests and legends: the current window's outline and tap marks,
    /// the winner's ring and badge, the backward pass (upstream cell, contributions, arrow), the
    /// hover highlight.
    static QColor windowColor();
    static QColor winnerColor();
    static QColor gradientColor();
    static QColor hoverColor();

    const Trace &trace() const { return m_trace; }

private:
    struct Layout;
    Layout layout(const QRectF &target) const;
    Layout layout(const QRectF &target, const StageView &view) const;
    void paintGrid(QPainter &p, const Layout &l, StageGrid grid, const StageView &view,
                   int step) const;
    void paintWindow(QPainter &p, const Layout &l, const StageView &view, int step) const;
    void paintBackward(QPainter &p, const Layout &l, const StageView &view, int step) const;
    void paintHover(QPainter &p, const Layout &l, const StageView &view) const;
    void paintText(QPainter &p, const Layout &l, const StageView &view, int step) const;
    void paintLegend(QPainter &p, const Layout &l, const StageView &view) const;
    QRectF slidingSpan(const Layout &l, const StageView &view, int step) const;
    struct Link;
    /// The routed link arrow of `step` (see linkPath).
    Link link(const Layout &l, int step) const;
    const Trace &m_trace;
};

} // namespace poolviz

#pragma once

#include "stagerenderer.h"
#include "trace.h"

#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QVariantAnimation;

namespace poolviz {

class PoolDocument;

/// The stage: paints the document's trace with StageRenderer at the current step, slides the
/// window smoothly between steps (unless reduced motion is chosen), lights windows and outputs
/// under the mouse, explains every cell in a tooltip, and jumps to an output cell's step when it
/// is clicked. Its accessible description is the current caption. When the parameters are
/// invalid it shows the core's messages where the output would be.
class StageWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StageWidget(PoolDocument *document, QWidget *parent = nullptr);
    ~StageWidget() override;

    /// What is painted besides the trace: step, motion, hover.
    const StageView &view() const { return m_view; }
    /// The taps of the window outlined now (the current step's), empty before the first step
    /// or without a trace.
    std::vector<Tap> currentWindow() const;
    /// The renderer of the current trace, or null.
    const StageRenderer *renderer() const { return m_renderer.get(); }

    /// Smooth sliding between consecutive steps (true) or jumping (reduced motion).
    bool smoothMotion() const { return m_smooth; }
    void setSmoothMotion(bool smooth);
    /// Rational values as fractions (¼, 4/9) instead of decimals.
    bool fractions() const { return m_view.fractions; }
    void setFractions(bool on);
    /// The legend and the notes drawn on the stage (presenter mode).
    bool legendShown() const { return m_view.legend; }
    void setLegendShown(bool on);
    /// The caption and the output-size formulas under the grids (default: shown). The Photo
    /// tab's short panel shows the caption in a label instead, leaving the height to the cells.
    void setCaptionShown(bool on);
    /// Whether the stage's cells are too small for their numbers at its current size.
    bool numbersCramped() const;
    /// Duration of one slide in milliseconds.
    void setMotionDuration(int ms);
    /// True while a slide is running.
    bool isAnimating() const;

    /// The tooltip for the stage point `pos` (widget coordinates); empty over no cell.
    QString toolTipAt(const QPoint &pos) const;
    /// The explanation of `cell`, as its tooltip shows it.
    QString describeCell(const StageCell &cell) const;
    /// The rectangle the stage is painted into.
    QRectF stageRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The hovered cell's explanation, empty when the mouse leaves the cells (for a status bar).
    void hoverTextChanged(const QString &text);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void onTraceChanged();
    void onStepChanged(int step, int previous);
    void setHover(const std::optional<StageCell> &cell);
    void updateAccessibleDescription();
    void paintError(QPainter &painter);
    QString uncoveredReason(int row, int col) const;
    int stepOfOutput(int row, int col) const;

    PoolDocument *m_document;
    std::shared_ptr<const Trace> m_trace;
    std::unique_ptr<StageRenderer> m_renderer;
    StageView m_view;
    QVariantAnimation *m_motion = nullptr;
    bool m_smooth = true;
};

} // namespace poolviz

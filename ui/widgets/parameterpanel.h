#pragma once

#include "linkedsizeedit.h"
#include "poolparams.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QSpinBox;
class QToolButton;

namespace poolviz {

class PoolDocument;

/// Every pooling parameter, the output-size formula of each axis with the numbers filled in, and
/// the core's validation messages. Changes go to the document as undoable, mergeable commands;
/// the panel shows whatever the document holds.
class ParameterPanel : public QWidget
{
    Q_OBJECT

public:
    /// Which kind of window the pool uses.
    enum class WindowKind
    {
        Sliding,
        Adaptive,
        Global
    };

    explicit ParameterPanel(PoolDocument *document, QWidget *parent = nullptr);
    /// The document whose parameters the panel shows and edits.
    PoolDocument *document() const { return m_document; }
    /// Shows and edits `document`'s parameters from now on (each tab owns its parameters).
    void setDocument(PoolDocument *document);

    QComboBox *modeCombo() const { return m_mode; }
    QComboBox *windowCombo() const { return m_window; }
    QDoubleSpinBox *pSpin() const { return m_p; }
    LinkedSizeEdit *kernelEdit() const { return m_kernel; }
    QCheckBox *strideFollowsKernel() const { return m_strideAuto; }
    LinkedSizeEdit *strideEdit() const { return m_stride; }
    QComboBox *paddingModeCombo() const { return m_paddingMode; }
    QSpinBox *paddingSpin(int side) const
    {
        return m_pad[side];
    } ///< 0 top, 1 bottom, 2 left, 3 right
    QToolButton *paddingLink() const { return m_padLink; }
    LinkedSizeEdit *dilationEdit() const { return m_dilation; }
    QCheckBox *ceilModeCheck() const { return m_ceil; }
    QCheckBox *countIncludePadCheck() const { return m_countPad; }
    QCheckBox *divisorCheck() const { return m_divisorOn; }
    QSpinBox *divisorSpin() const { return m_divisor; }
    LinkedSizeEdit *adaptiveEdit() const { return m_adaptive; }
    /// "Output 2 × 2" or "No output".
    QLabel *outputLabel() const { return m_outputLabel; }
    /// The two formulas, one line per axis.
    QLabel *formulaLabel() const { return m_formula; }
    /// The core's errors (red), empty when the parameters are valid.
    QLabel *errorLabel() const { return m_error; }
    /// Warnings and notes (where PyTorch or TensorFlow would refuse or differ).
    QLabel *notesLabel() const { return m_notes; }

    /// Shows or hides the matrix's output size, formula and notes (hidden on the photo tab,
    /// where the photo has its own sizes).
    void setMatrixGeometryVisible(bool visible);
    /// The Photo tab's photo size (rows × columns), or nullopt on the Matrix tab. With a photo
    /// the parameters pool the photo, not the document's input (there only the sliding window's
    /// crop), so SAME's "Resolved" padding line is computed for the photo and names its size
    /// and output.
    void setPhotoSize(std::optional<Size2> size);
    /// The padding SAME or VALID resolves to, e.g. "Resolved: top 0, bottom 1, left 0, right 1"
    /// (hidden for explicit padding).
    QLabel *resolvedPaddingLabel() const { return m_padResolved; }

private:
    enum MergeKey
    {
        KeyP,
        KeyKernel,
        KeyStride,
        KeyPadding,
        KeyDilation,
        KeyDivisor,
        KeyAdaptive
    };

    void syncParams();
    void syncGeometry();
    void syncResolvedPadding();
    void commit(const PoolParams &params, const QString &text, int mergeKey = -1);
    void setPaddingSide(int side, int value);
    void updateRows();

    PoolDocument *m_document;
    QFormLayout *m_form = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_window = nullptr;
    QDoubleSpinBox *m_p = nullptr;
    LinkedSizeEdit *m_kernel = nullptr;
    QCheckBox *m_strideAuto = nullptr;
    LinkedSizeEdit *m_stride = nullptr;
    QWidget *m_strideRow = nullptr;
    QComboBox *m_paddingMode = nullptr;
    QWidget *m_padRow = nullptr;
    QSpinBox *m_pad[4] = {};
    QToolButton *m_padLink = nullptr;
    QLabel *m_padResolved = nullptr;
    LinkedSizeEdit *m_dilation = nullptr;
    QCheckBox *m_ceil = nullptr;
    QCheckBox *m_countPad = nullptr;
    QCheckBox *m_divisorOn = nullptr;
    QSpinBox *m_divisor = nullptr;
    QWidget *m_divisorRow = nullptr;
    LinkedSizeEdit *m_adaptive = nullptr;
    QLabel *m_outputLabel = nullptr;
    QLabel *m_formula = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_notes = nullptr;
    QWidget *m_outputBox = nullptr;
    QWidget *m_notesBox = nullptr;
    QString m_ceilTip;     ///< what ceil mode does (the tooltip while it has an effect)
    QString m_countPadTip; ///< likewise for count_include_pad
    QString m_divisorTip;  ///< and for the divisor override
    Size2 m_lastAdaptive{2, 2};
    std::optional<Size2> m_photoSize;
    bool m_padAutoUnlinked = false;
};

} // namespace poolviz

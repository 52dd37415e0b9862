#include "parameterpanel.h"

#include "conventions.h"
#include "coremessage.h"
#include "pooldocument.h"
#include "windowrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace poolviz {

ParameterPanel::ParameterPanel(PoolDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setObjectName(QStringLiteral("parameterPanel"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);

    auto *paramsBox = new QGroupBox(tr("Pooling"), this);
    m_form = new QFormLayout(paramsBox);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->addItem(tr("Max"), int(PoolMode::Max));
    m_mode->addItem(tr("Average"), int(PoolMode::Avg));
    m_mode->addItem(tr("Min"), int(PoolMode::Min));
    m_mode->addItem(tr("Lp norm"), int(PoolMode::Lp));
    m_mode->setToolTip(tr("What each window computes from its values"));
    m_form->addRow(tr("&Mode"), m_mode);

    m_window = new QComboBox(this);
    m_window->setObjectName(QStringLiteral("windowCombo"));
    m_window->addItem(tr("Sliding window"), int(WindowKind::Sliding));
    m_window->addItem(tr("Adaptive (output size)"), int(WindowKind::Adaptive));
    m_window->addItem(tr("Global (1×1)"), int(WindowKind::Global));
    m_window->setToolTip(tr("Sliding: kernel and stride decide the output size.\n"
                            "Adaptive: you choose the output size and the windows follow "
                            "(AdaptiveMaxPool2d / AdaptiveAvgPool2d).\nGlobal: one window over "
                            "the whole input."));
    m_form->addRow(tr("&Window"), m_window);

    m_p = new QDoubleSpinBox(this);
    m_p->setObjectName(QStringLiteral("pSpin"));
    m_p->setRange(0.1, 64.0);
    m_p->setSingleStep(0.5);
    m_p->setDecimals(2);
    m_p->setToolTip(tr("Order p of the Lp norm (Σ|x|^p)^(1/p): 1 sums magnitudes, 2 is the "
                       "Euclidean norm, large p approaches max"));
    m_form->addRow(tr("&p"), m_p);

    m_kernel = new LinkedSizeEdit(tr("Kernel"), 1, 64, this);
    m_kernel->setObjectName(QStringLiteral("kernelEdit"));
    m_form->addRow(tr("&Kernel"), m_kernel);

    m_strideRow = new QWidget(this);
    {
        auto *row = new QHBoxLayout(m_strideRow);
        row->setContentsMargins(0, 0, 0, 0);
        m_strideAuto = new QCheckBox(tr("= kernel"), m_strideRow);
        m_strideAuto->setObjectName(QStringLiteral("strideFollowsKernel"));
        m_strideAuto->setToolTip(tr("Stride defaults to the kernel size (PyTorch's default)"));
        m_stride = new LinkedSizeEdit(tr("Stride"), 1, 64, m_strideRow);
        m_stride->setObjectName(QStringLiteral("strideEdit"));
        row->addWidget(m_stride, 1);
        row->addWidget(m_strideAuto);
    }
    m_form->addRow(tr("&Stride"), m_strideRow);

    m_paddingMode = new QComboBox(this);
    m_paddingMode->setObjectName(QStringLiteral("paddingModeCombo"));
    m_paddingMode->addItem(tr("Explicit"), int(PaddingMode::Explicit));
    m_paddingMode->addItem(tr("SAME (TensorFlow)"), int(PaddingMode::SameUpper));
    m_paddingMode->addItem(tr("SAME_LOWER (ONNX)"), int(PaddingMode::SameLower));
    m_paddingMode->addItem(tr("VALID (none)"), int(PaddingMode::Valid));
    m_paddingMode->setToolTip(tr("Explicit: choose each side.\nSAME: output = ⌈in / stride⌉, the "
                                 "odd extra row/column at the bottom/right.\nSAME_LOWER: the extra "
                                 "one at the top/left.\nVALID: no padding."));
    m_form->addRow(tr("&Padding"), m_paddingMode);

    m_padRow = new QWidget(this);
    {
        auto *grid = new QGridLayout(m_padRow);
        grid->setContentsMargins(0, 0, 0, 0);
        const QString names[4] = {tr("top"), tr("bottom"), tr("left"), tr("right")};
        for (int side = 0; side < 4; ++side) {
            m_pad[side] = new QSpinBox(m_padRow);
            m_pad[side]->setRange(0, 32);
            m_pad[side]->setAccelerated(true);
            m_pad[side]->setToolTip(tr("Padding cells added at the %1").arg(names[side]));
            m_pad[side]->setAccessibleName(tr("Padding %1").arg(names[side]));
            m_pad[side]->setObjectName(QStringLiteral("pad_%1").arg(names[side]));
            grid->addWidget(new QLabel(names[side], m_padRow), side / 2, (side % 2) * 2);
            grid->addWidget(m_pad[side], side / 2, (side % 2) * 2 + 1);
            connect(m_pad[side], &QSpinBox::valueChanged, this,
                    [this, side](int v) { setPaddingSide(side, v); });
            connect(m_pad[side], &QSpinBox::editingFinished, document,
                    &PoolDocument::closeMergeWindow);
        }
        m_padLink = makeLinkButton(tr("all four sides"), m_padRow);
        grid->addWidget(m_padLink, 0, 4, 2, 1);
        grid->setColumnStretch(1, 1);
        grid->setColumnStretch(3, 1);
        connect(m_padLink, &QToolButton::toggled, this, [this](bool on) {
            m_padAutoUnlinked = false;
            if (on) {
                m_document->closeMergeWindow();
                setPaddingSide(0, m_pad[0]->value());
                m_document->closeMergeWindow();
            }
        });
    }
    m_form->addRow(QString(), m_padRow);
    m_padResolved = new QLabel(this);
    m_padResolved->setWordWrap(true);
    m_form->addRow(QString(), m_padResolved);

    m_dilation = new LinkedSizeEdit(tr("Dilation"), 1, 16, this);
    m_dilation->setObjectName(QStringLiteral("dilationEdit"));
    m_dilation->setToolTip(tr("Gap between the taps of a window: dilation d spreads a k-wide "
                              "kernel over d·(k−1)+1 cells"));
    m_form->addRow(tr("&Dilation"), m_dilation);

    m_ceil = new QCheckBox(tr("Ceil mode (keep a partial last window)"), this);
    m_ceil->setObjectName(QStringLiteral("ceilMode"));
    m_ceilTip = tr("Round the output size up: a last window that overhangs the input is kept if "
                   "it starts inside the input or the leading padding");
    m_ceil->setToolTip(m_ceilTip);
    m_form->addRow(QString(), m_ceil);

    m_countPad = new QCheckBox(tr("Count padding in the average"), this);
    m_countPad->setObjectName(QStringLiteral("countIncludePad"));
    m_countPadTip = tr("count_include_pad: divide by the window size including padded cells "
                       "(PyTorch's default) or only by the input cells it covers");
    m_countPad->setToolTip(m_countPadTip);
    m_form->addRow(QString(), m_countPad);

    m_divisorRow = new QWidget(this);
    {
        auto *row = new QHBoxLayout(m_divisorRow);
        row->setContentsMargins(0, 0, 0, 0);
        m_divisorOn = new QCheckBox(tr("Divisor override"), m_divisorRow);
        m_divisorOn->setObjectName(QStringLiteral("divisorOverride"));
        m_divisorTip = tr("divisor_override: divide every window's sum by this number");
        m_divisorOn->setToolTip(m_divisorTip);
        m_divisor = new QSpinBox(m_divisorRow);
        m_divisor->setObjectName(QStringLiteral("divisorSpin"));
        m_divisor->setRange(1, 4096);
        m_divisor->setAccessibleName(tr("Divisor"));
        row->addWidget(m_divisorOn);
        row->addWidget(m_divisor, 1);
    }
    m_form->addRow(QString(), m_divisorRow);

    m_adaptive = new LinkedSizeEdit(tr("Output"), 1, 256, this);
    m_adaptive->setObjectName(QStringLiteral("adaptiveEdit"));
    m_form->addRow(tr("&Target size"), m_adaptive);
    outer->addWidget(paramsBox);

    auto *outputBox = new QGroupBox(tr("Output size"), this);
    m_outputBox = outputBox;
    auto *outputLayout = new QVBoxLayout(outputBox);
    m_outputLabel = new QLabel(this);
    m_outputLabel->setObjectName(QStringLiteral("outputLabel"));
    QFont big = m_outputLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_outputLabel->setFont(big);
    m_formula = new QLabel(this);
    m_formula->setObjectName(QStringLiteral("formulaLabel"));
    m_formula->setWordWrap(true);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b00020; }"));
    outputLayout->addWidget(m_outputLabel);
    outputLayout->addWidget(m_formula);
    outputLayout->addWidget(m_error);
    outer->addWidget(outputBox);

    auto *notesBox = new QGroupBox(tr("Notes"), this);
    m_notesBox = notesBox;
    auto *notesLayout = new QVBoxLayout(notesBox);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("notesLabel"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setTextFormat(Qt::RichText);
    notesLayout->addWidget(m_notes);
    outer->addWidget(notesBox);
    outer->addStretch(1);

    // User edits → document.
    connect(m_mode, &QComboBox::activated, this, [this] {
        PoolParams p = m_document->params();
        p.mode = PoolMode(m_mode->currentData().toInt());
        commit(p, tr("Mode %1").arg(m_mode->currentText()));
    });
    connect(m_window, &QComboBox::activated, this, [this] {
        PoolParams p = m_document->params();
        switch (WindowKind(m_window->currentData().toInt())) {
        case WindowKind::Sliding:
            p.global = false;
            p.adaptiveOutput.reset();
            break;
        case WindowKind::Adaptive:
            p.global = false;
            p.adaptiveOutput = m_lastAdaptive;
            break;
        case WindowKind::Global:
            p.global = true;
            p.adaptiveOutput.reset();
            break;
        }
        commit(p, tr("Window %1").arg(m_window->currentText()));
    });
    connect(m_p, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        PoolParams p = m_document->params();
        p.p = v;
        commit(p, tr("p = %1").arg(QLocale().toString(v)), KeyP);
    });
    connect(m_p, &QDoubleSpinBox::editingFinished, document, &PoolDocument::closeMergeWindow);
    connect(m_kernel, &LinkedSizeEdit::edited, this, [this](const Size2 &s) {
        PoolParams p = m_document->params();
        p.kernel = s;
        commit(p, tr("Kernel %1×%2").arg(s.h).arg(s.w), KeyKernel);
    });
    connect(m_strideAuto, &QCheckBox::toggled, this, [this](bool automatic) {
        PoolParams p = m_document->params();
        if (automatic)
            p.stride.reset();
        else
            p.stride = p.kernel;
        commit(p, automatic ? tr("Stride = kernel")
                            : tr("Stride %1×%2").arg(p.kernel.h).arg(p.kernel.w));
    });
    connect(m_stride, &LinkedSizeEdit::edited, this, [this](const Size2 &s) {
        PoolParams p = m_document->params();
        p.stride = s;
        commit(p, tr("Stride %1×%2").arg(s.h).arg(s.w), KeyStride);
    });
    connect(m_paddingMode, &QComboBox::activated, this, [this] {
        PoolParams p = m_document->params();
        p.paddingMode = PaddingMode(m_paddingMode->currentData().toInt());
        commit(p, tr("Padding %1").arg(m_paddingMode->currentText()));
    });
    connect(m_dilation, &LinkedSizeEdit::edited, this, [this](const Size2 &s) {
        PoolParams p = m_document->params();
        p.dilation = s;
        commit(p, tr("Dilation %1×%2").arg(s.h).arg(s.w), KeyDilation);
    });
    connect(m_ceil, &QCheckBox::toggled, this, [this](bool on) {
        PoolParams p = m_document->params();
        p.ceilMode = on;
        commit(p, on ? tr("Ceil mode on") : tr("Ceil mode off"));
    });
    connect(m_countPad, &QCheckBox::toggled, this, [this](bool on) {
        PoolParams p = m_document->params();
        p.countIncludePad = on;
        commit(p, on ? tr("Count padding") : tr("Exclude padding"));
    });
    connect(m_divisorOn, &QCheckBox::toggled, this, [this](bool on) {
        PoolParams p = m_document->params();
        if (on)
            p.divisorOverride = m_divisor->value();
        else
            p.divisorOverride.reset();
        commit(p, on ? tr("Divisor %1").arg(m_divisor->value()) : tr("No divisor override"));
    });
    connect(m_divisor, &QSpinBox::valueChanged, this, [this](int v) {
        PoolParams p = m_document->params();
        if (!p.divisorOverride)
            return;
        p.divisorOverride = v;
        commit(p, tr("Divisor %1").arg(v), KeyDivisor);
    });
    connect(m_divisor, &QSpinBox::editingFinished, document, &PoolDocument::closeMergeWindow);
    connect(m_adaptive, &LinkedSizeEdit::edited, this, [this](const Size2 &s) {
        PoolParams p = m_document->params();
        if (!p.adaptiveOutput)
            return;
        p.adaptiveOutput = s;
        commit(p, tr("Adaptive output %1×%2").arg(s.h).arg(s.w), KeyAdaptive);
    });
    for (LinkedSizeEdit *edit : {m_kernel, m_stride, m_dilation, m_adaptive})
        connect(edit, &LinkedSizeEdit::editingFinished, this,
                [this] { m_document->closeMergeWindow(); });

    m_document = nullptr;
    setDocument(document);
}

void ParameterPanel::setDocument(PoolDocument *document)
{
    if (document == m_document)
        return;
    if (m_document)
        m_document->disconnect(this);
    m_document = document;
    // Document → widgets.
    connect(document, &PoolDocument::paramsChanged, this, &ParameterPanel::syncParams);
    connect(document, &PoolDocument::traceChanged, this, &ParameterPanel::syncGeometry);
    syncParams();
    syncGeometry();
}

void ParameterPanel::setMatrixGeometryVisible(bool visible)
{
    m_outputBox->setVisible(visible);
    m_notesBox->setVisible(visible);
}

void ParameterPanel::setPhotoSize(std::optional<Size2> size)
{
    if (size == m_photoSize)
        return;
    m_photoSize = size;
    syncResolvedPadding();
}

void ParameterPanel::syncResolvedPadding()
{
    const PoolParams &p = m_document->params();
    if (p.paddingMode == PaddingMode::Explicit || p.isAdaptive())
        return; // the row is hidden
    if (!m_photoSize) {
        const Geometry &g = m_document->geometry();
        const Padding r = g.resolvedPadding();
        m_padResolved->setText(g.ok() ? tr("Resolved: top %1, bottom %2, left %3, right %4")
                                            .arg(r.top)
                                            .arg(r.bottom)
                                            .arg(r.left)
                                            .arg(r.right)
                                      : QString());
        return;
    }
    // The photo's own geometry (the core resolves SAME for its size); a photo the parameters
    // refuse shows nothing here, the Photo tab says why.
    const Geometry g = computeGeometry(p, m_photoSize->h, m_photoSize->w);
    const Padding r = g.resolvedPadding();
    m_padResolved->setText(
        g.ok() ? tr("Resolved for the %1×%2 photo: top %3, bottom %4, left %5, right %6 → "
                    "%7×%8 output")
                     .arg(m_photoSize->h)
                     .arg(m_photoSize->w)
                     .arg(r.top)
                     .arg(r.bottom)
                     .arg(r.left)
                     .arg(r.right)
                     .arg(g.outH())
                     .arg(g.outW())
               : QString());
}

void ParameterPanel::commit(const PoolParams &params, const QString &text, int mergeKey)
{
    m_document->setParams(params, text, mergeKey);
}

void ParameterPanel::setPaddingSide(int side, int value)
{
    PoolParams p = m_document->params();
    int *sides[4] = {&p.padding.top, &p.padding.bottom, &p.padding.left, &p.padding.right};
    if (m_padLink->isChecked()) {
        for (int *s : sides)
            *s = value;
    } else {
        *sides[side] = value;
    }
    if (m_padLink->isChecked())
        commit(p, tr("Padding %1").arg(value), KeyPadding);
    else
        commit(p,
               tr("Padding %1,%2,%3,%4")
                   .arg(p.padding.top)
                   .arg(p.padding.bottom)
                   .arg(p.padding.left)
                   .arg(p.padding.right),
               KeyPadding);
}

void ParameterPanel::syncParams()
{
    const PoolParams &p = m_document->params();
    const QSignalBlocker b0(m_mode), b1(m_window), b2(m_p), b3(m_strideAuto), b4(m_paddingMode),
        b5(m_ceil), b6(m_countPad), b7(m_divisorOn), b8(m_divisor);
    m_mode->setCurrentIndex(m_mode->findData(int(p.mode)));
    const WindowKind kind = p.global           ? WindowKind::Global
                            : p.adaptiveOutput ? WindowKind::Adaptive
                                               : WindowKind::Sliding;
    m_window->setCurrentIndex(m_window->findData(int(kind)));
    m_p->setValue(p.p);
    m_kernel->setValue(p.kernel);
    m_strideAuto->setChecked(!p.stride.has_value());
    m_stride->setValue(p.effectiveStride());
    m_stride->setEnabled(p.stride.has_value());
    m_paddingMode->setCurrentIndex(m_paddingMode->findData(int(p.paddingMode)));
    const int sides[4] = {p.padding.top, p.padding.bottom, p.padding.left, p.padding.right};
    bool allEqual = true;
    for (int side = 0; side < 4; ++side) {
        const QSignalBlocker blocker(m_pad[side]);
        m_pad[side]->setMaximum(std::max(m_pad[side]->maximum(), sides[side]));
        m_pad[side]->setValue(sides[side]);
        allEqual = allEqual && sides[side] == sides[0];
    }
    if (!allEqual && m_padLink->isChecked()) {
        const QSignalBlocker blocker(m_padLink);
        m_padLink->setChecked(false);
        m_padLink->setIcon(linkIcon(false));
        m_padAutoUnlinked = true;
    } else if (allEqual && m_padAutoUnlinked) {
        const QSignalBlocker blocker(m_padLink);
        m_padLink->setChecked(true);
        m_padLink->setIcon(linkIcon(true));
        m_padAutoUnlinked = false;
    }
    m_dilation->setValue(p.dilation);
    m_ceil->setChecked(p.ceilMode);
    m_countPad->setChecked(p.countIncludePad);
    m_divisorOn->setChecked(p.divisorOverride.has_value());
    if (p.divisorOverride) { // without one the box keeps its last value (it is disabled)
        m_divisor->setMaximum(std::max(m_divisor->maximum(), *p.divisorOverride));
        m_divisor->setValue(*p.divisorOverride);
    }
    if (p.adaptiveOutput) {
        m_lastAdaptive = *p.adaptiveOutput;
        m_adaptive->setValue(*p.adaptiveOutput);
    }
    updateRows();
    syncResolvedPadding();
}

void ParameterPanel::updateRows()
{
    const PoolParams &p = m_document->params();
    const bool sliding = !p.isAdaptive();
    m_form->setRowVisible(m_p, p.mode == PoolMode::Lp);
    m_form->setRowVisible(m_kernel, sliding);
    m_form->setRowVisible(m_strideRow, sliding);
    m_form->setRowVisible(m_paddingMode, sliding);
    m_form->setRowVisible(m_padRow, sliding && p.paddingMode == PaddingMode::Explicit);
    m_form->setRowVisible(m_padResolved, sliding && p.paddingMode != PaddingMode::Explicit);
    m_form->setRowVisible(m_dilation, sliding);
    m_form->setRowVisible(m_ceil, sliding);
    m_form->setRowVisible(m_countPad, sliding);
    m_form->setRowVisible(m_divisorRow, sliding);
    // A control without effect stays visible, disabled, and its tooltip says why.
    const auto explain = [&p](QWidget *w, Setting setting, const QString &what) {
        const std::optional<Message> why = noEffectMessage(p, setting);
        w->setEnabled(!why);
        w->setToolTip(!why ? what
                           : tr("%1\n\nNo effect here: %2").arg(what, coreMessageText(*why)));
    };
    explain(m_ceil, Setting::CeilMode, m_ceilTip);
    explain(m_countPad, Setting::CountIncludePad, m_countPadTip);
    explain(m_divisorOn, Setting::Divisor, m_divisorTip);
    m_divisor->setEnabled(m_divisorOn->isEnabled() && p.divisorOverride.has_value());
    m_divisor->setToolTip(m_divisorOn->toolTip());
    m_form->setRowVisible(m_adaptive, p.adaptiveOutput.has_value() && !p.global);
}

void ParameterPanel::syncGeometry()
{
    const Geometry &g = m_document->geometry();
    const PoolParams &p = m_document->params();
    const int inH = m_document->input().h();
    const int inW = m_document->input().w();
    if (g.ok()) {
        m_outputLabel->setText(
            tr("%1×%2 input → %3×%4 output").arg(inH).arg(inW).arg(g.outH()).arg(g.outW()));
    } else {
        m_outputLabel->setText(tr("%1×%2 input → no output").arg(inH).arg(inW));
    }
    // The core decides the formula (SAME's ⌈in/s⌉, ceil mode only where it applies), also for
    // refused parameters, where it shows why there is no output.
    const QString rows = captionText(outputSizeFormulaCaption(p, inH, inW, Axis::Rows));
    const QString cols = captionText(outputSizeFormulaCaption(p, inH, inW, Axis::Cols));
    const bool haveAxes = !rows.isEmpty() && !cols.isEmpty();
    m_formula->setText(haveAxes ? tr("<b>rows:</b> %1<br><b>columns:</b> %2")
                                      .arg(rows.toHtmlEscaped(), cols.toHtmlEscaped())
                                : QString());
    m_formula->setVisible(haveAxes);
    // A valid pooling whose animation is above the limits is refused inline as well.
    const QString error = g.ok() ? (m_document->trace() ? QString() : m_document->traceError())
                                 : coreMessageText(g.validation.errors);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    syncResolvedPadding();
    QStringList notes;
    for (const Message &w : g.validation.warnings)
        notes << QStringLiteral("<li>%1</li>").arg(coreMessageText(w).toHtmlEscaped());
    if (notes.isEmpty() && !g.ok())
        m_notes->setText(tr("<i>No further notes.</i>"));
    else if (notes.isEmpty())
        m_notes->setText(
            tr("<i>No warnings: nothing here that PyTorch or TensorFlow would refuse.</i>"));
    else
        m_notes->setText(
            QStringLiteral("<ul style='margin-left:-20px'>%1</ul>").arg(notes.join(QString())));
}

} // namespace poolviz

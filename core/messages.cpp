#include "messages.h"

#include "trnoop.h"

namespace poolviz {

const char *messageTemplate(MessageId id)
{
    switch (id) {
    case MessageId::EmptyInput:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "input %1 is empty: it needs at least one row and one column");
    case MessageId::InputTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "input %1 = %2 values is above the limit of %3");
    case MessageId::LpOrder:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "Lp order p = %1 must be a finite number above 0");
    case MessageId::DivisorBelowOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "divisor %1 must be at least 1");
    case MessageId::AdaptiveBelowOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "adaptive output %1 must be at least 1×1");
    case MessageId::KernelBelowOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "kernel %1: every size must be at least 1");
    case MessageId::StrideBelowOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "stride %1: every step must be at least 1");
    case MessageId::DilationBelowOne:
        return QT_TRANSLATE_NOOP("poolviz::Message", "dilation %1: must be at least 1");
    case MessageId::NegativePadding:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "padding %1,%2,%3,%4 (top, bottom, left, right) must not be negative");
    case MessageId::KernelLargerThanInput:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "kernel %1 is larger than the input %2: no window fits");
    case MessageId::KernelLargerThanPaddedInput:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "kernel %1 is larger than the padded input %2: no window fits");
    case MessageId::DilatedKernelLargerThanInput:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "kernel %1 with dilation %2 spans %3, larger than the input %4: no window fits");
    case MessageId::DilatedKernelLargerThanPaddedInput:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "kernel %1 with dilation %2 spans %3, larger than the padded input %4: no window "
            "fits");
    case MessageId::KernelLargerThanInputCeil:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "kernel %1 is larger than the input %2: no window fits, even in ceil mode");
    case MessageId::KernelLargerThanPaddedInputCeil:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "kernel %1 is larger than the padded input %2: no window fits, even in ceil mode");
    case MessageId::DilatedKernelLargerThanInputCeil:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "kernel %1 with dilation %2 spans %3, larger than the input %4: no window fits, "
            "even in ceil mode");
    case MessageId::DilatedKernelLargerThanPaddedInputCeil:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "kernel %1 with dilation %2 spans %3, larger than the padded input %4: no window "
            "fits, even in ceil mode");
    case MessageId::EmptyOutput:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "output size %1 is empty for input %2 with kernel %3 and stride %4");
    case MessageId::RowsBeyondRange:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "the windows reach rows %1 to %2, beyond the largest supported position %3");
    case MessageId::ColumnsBeyondRange:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "the windows reach columns %1 to %2, beyond the largest supported position %3");
    case MessageId::OutputTooLarge:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "output would be %1 = %2 values, above the limit of %3");
    case MessageId::OutputPlanesTooLarge:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "output would be %1 planes of %2 = %3 values, above the limit of %4");
    case MessageId::TraceTooManySteps:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "the animation would have %1 steps, above the limit of %2");
    case MessageId::PlaneMissing:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "plane %1 does not exist: the input has %2 plane(s)");
    case MessageId::UpstreamShape:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "the upstream gradient is %1 but the pooled output is %2");
    case MessageId::TraceTooManyTaps:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "the animation would draw %1 window taps in all, above the limit of %2");
    case MessageId::AdaptiveRepeatsCells:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "adaptive output %1 is larger than the input %2: bins repeat input cells");
    case MessageId::AdaptiveIgnoresDivisor:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "the divisor applies to fixed-kernel average pooling only; adaptive pooling "
            "ignores it");
    case MessageId::EmptyWindowsMax:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "%1 of %2 windows hold no input cell: max gives −∞ there");
    case MessageId::EmptyWindowsMin:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "%1 of %2 windows hold no input cell: min gives +∞ there");
    case MessageId::EmptyWindowsZero:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "%1 of %2 windows hold no input cell: they output 0");
    case MessageId::PyTorchPaddingAboveHalf:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "PyTorch refuses padding larger than half the effective kernel (%1 here); ONNX "
            "allows it");
    case MessageId::PyTorchPadsEqually:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "PyTorch pads both sides equally: for padding %1,%2,%3,%4 apply F.pad first (ONNX "
            "pads per side)");
    case MessageId::SameNotInPyTorch:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "SAME padding is TensorFlow's and ONNX's; PyTorch's pooling layers have no "
            "padding='same'");
    case MessageId::SameHasNoCeilMode:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "TensorFlow has no ceil mode: with SAME padding it computes ceil(in/stride) "
            "outputs");
    case MessageId::AvgDilationNotInPyTorch:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "PyTorch's AvgPool2d has no dilation; ONNX AveragePool (opset 19) has");
    case MessageId::LpPaddingNotInPyTorch:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "PyTorch's LPPool2d has no padding or dilation; ONNX LpPool has");
    case MessageId::LpCeilScaled:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "PyTorch's LPPool2d scales a partial ceil-mode window by kh·kw/taps before the "
            "root: a window here holds %1 of %2 taps, so PyTorch gives (%2/%1)^(1/p) = %3 times "
            "PoolViz's value (ONNX's LpPool agrees with PoolViz)");
    case MessageId::MinNotInFrameworks:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "No framework has a min-pooling layer: PyTorch computes it as "
                                 "−max_pool2d(−x)");
    case MessageId::CeilOverhang:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "with ceil mode a window runs past the padded input; its overhang is never "
            "counted");
    case MessageId::FrameworkTakesSettings:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "takes these settings: same %1 output, same numbers");
    case MessageId::FrameworkWorkaround:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "with a workaround (in the generated code): same %1 output, same numbers");
    case MessageId::FrameworkRecipe:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "no pooling function; a recipe gives the same %1 output, same numbers");
    case MessageId::FrameworkCellsDiffer:
        return QT_TRANSLATE_NOOP("poolviz::Message", "%1 of %2 cells differ from PoolViz's");
    case MessageId::FrameworkCellsMayDiffer:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "some cells may differ from PoolViz's (see why)");
    case MessageId::FrameworkCannotExpress:
        return QT_TRANSLATE_NOOP("poolviz::Message", "cannot express these settings");
    case MessageId::FrameworkNoOutput:
        return QT_TRANSLATE_NOOP("poolviz::Message", "no output: %1");
    case MessageId::TorchNoMin:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "PyTorch has no min pooling: the code computes −max_pool(−x)");
    case MessageId::TorchGlobalLp:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "global Lp pooling is nn.LPPool2d with the whole plane as its "
                                 "kernel (there is no AdaptiveLPPool2d)");
    case MessageId::TorchNoAdaptiveLp:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "PyTorch has no adaptive Lp pooling: the code pools each bin "
                                 "[⌊i·in/out⌋, ⌈(i+1)·in/out⌉) by hand");
    case MessageId::TorchSameAsPadding:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "PyTorch's pooling has no padding='same', but SAME here is padding %1 on both sides");
    case MessageId::TorchSameAsPaddingAvg:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "PyTorch's pooling has no padding='same', but SAME here is "
                                 "padding %1 on both sides, never counted");
    case MessageId::TorchSamePadFirst:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "PyTorch's pooling has no padding='same': the code pads SAME's "
                                 "%1,%2,%3,%4 (top, bottom, left, right) with F.pad first");
    case MessageId::TorchUnequalPadFirst:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "PyTorch pads both sides equally: padding %1,%2,%3,%4 goes through F.pad first");
    case MessageId::TorchLargePadFirst:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "PyTorch refuses padding %1 larger than half the kernel %2 (\"pad "
                                 "should be at most half of kernel size\"): F.pad first");
    case MessageId::TorchCeilAfterPad:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "after F.pad, ceil mode's last-window rule sees the padded input "
                                 "and would give %1, not %2: the code pads the overhang itself");
    case MessageId::TorchExcludePadAfterPad:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "count_include_pad=False cannot see padding added by F.pad: the "
                                 "code divides each window's sum by its in-input count");
    case MessageId::TorchLpUnfold:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "LPPool2d has no padding or dilation: the code sums |x|^p over the taps of F.unfold");
    case MessageId::TorchAvgDilationUnfold:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "AvgPool2d has no dilation: the code averages the taps of F.unfold with dilation %1");
    case MessageId::TorchSameNeverCounted:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "SAME never counts its padding (TensorFlow's rule): the code "
                                 "divides by the in-input count of each window");
    case MessageId::TorchLpCeilScaled:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "LPPool2d computes avg_pool2d(x^p)·(kh·kw), then ^(1/p): a "
                                 "ceil-mode window holding n of its kh·kw = %1 taps is scaled by "
                                 "(kh·kw/n)^(1/p); PoolViz sums the taps it holds (ONNX's LpPool)");
    case MessageId::TorchLpSignedPower:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "LPPool2d raises x to p keeping its sign (negative for odd p, NaN "
                                 "for fractional p); PoolViz uses |x|^p");
    case MessageId::TfNoMin:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message", "TensorFlow has no min pooling: the code computes −max_pool2d(−x)");
    case MessageId::TfNoLp:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "TensorFlow has no Lp pooling: the code sums |x|^p over "
                                 "tf.image.extract_patches, then takes the p-th root");
    case MessageId::TfNoAdaptive:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "TensorFlow has no adaptive pooling: the code pools each bin "
                                 "[⌊i·in/out⌋, ⌈(i+1)·in/out⌉) by hand");
    case MessageId::TfSameLowerPadFirst:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "TensorFlow's SAME puts the odd padding row and column at the bottom/right; "
            "SAME_LOWER's %1,%2,%3,%4 goes through tf.pad, then VALID");
    case MessageId::TfExplicitPadFirst:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "TensorFlow pools with SAME or VALID only: padding %1,%2,%3,%4 "
                                 "goes through tf.pad, then VALID");
    case MessageId::TfExplicitPadFirstExcluded:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "TensorFlow pools with SAME or VALID only: padding %1,%2,%3,%4 goes through tf.pad, "
            "then VALID (dividing by the in-input count, as count_include_pad = False asks)");
    case MessageId::TfNoCeil:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "TensorFlow has no ceil mode: VALID would give %1, not %2; the "
                                 "code pads the overhang, which never counts");
    case MessageId::TfNoCeilNoOutput:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "TensorFlow has no ceil mode: VALID would give no output (a window is larger than the "
            "padded input), not %1; the code pads the overhang, which never counts");
    case MessageId::TfCeilNoPart:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "ceil mode plays no part: SAME gives ⌈in/stride⌉ outputs");
    case MessageId::TfNoDilation:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "tf.nn.%1_pool2d has no dilation (tf.nn.pool has, with stride 1 "
                                 "only): the code pools tf.image.extract_patches with rates %2");
    case MessageId::TfNoDivisor:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "TensorFlow has no divisor_override: the code sums each window and divides by %1");
    case MessageId::TfArgmaxNhwc:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "tf.nn.max_pool_with_argmax numbers NHWC: ((b·H + y)·W + x)·C + "
                                 "c; for one channel that is PoolViz's y·W + x");
    case MessageId::OnnxNoMin:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "ONNX has no min pooling: the graph is Neg → MaxPool → Neg");
    case MessageId::OnnxIntegerP:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "LpPool's p is an integer attribute: p = %1 cannot be expressed");
    case MessageId::OnnxNoAdaptive:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "ONNX has only global pooling (GlobalMaxPool, GlobalAveragePool, "
                                 "GlobalLpPool), no adaptive bins");
    case MessageId::OnnxDilationsOpset:
        return QT_TRANSLATE_NOOP("poolviz::Message", "%1 takes dilations from opset %2 on");
    case MessageId::OnnxLpCeilOpset:
        return QT_TRANSLATE_NOOP("poolviz::Message", "LpPool takes ceil_mode from opset 18 on");
    case MessageId::OnnxCeilFormula:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "with ceil_mode the older ONNX formula ⌈(in + pads − ek)/s⌉ + 1 gives %1; the spec "
            "since ONNX 1.16 drops a last window that would start in the end padding, as PyTorch "
            "and PoolViz do (%2): runtimes may differ");
    case MessageId::OnnxNoDivisor:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "AveragePool has no divisor_override: the graph multiplies its "
                                 "count_include_pad=1 result by count / %1 per cell");
    case MessageId::NumpyAdaptiveSlices:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "adaptive bins [⌊i·in/out⌋, ⌈(i+1)·in/out⌉) by slicing");
    case MessageId::NumpyReshape:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "the windows tile the input exactly, so a reshape into %1 blocks pools it");
    case MessageId::NumpyStridedView:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "strided view of the padded input: every stride-th window, every dilation-th tap, with "
            "a mask that tells input, padding and overhang apart");
    case MessageId::LpWindowScaled:
        return QT_TRANSLATE_NOOP(
            "poolviz::Message",
            "This window holds %1 of the kernel's %2 taps: PyTorch's LPPool2d computes (%3 · "
            "%2/%1)%4 = %5, PoolViz (%3)%4 = %6 (ONNX's LpPool)");
    case MessageId::LpWindowSigned:
        return QT_TRANSLATE_NOOP("poolviz::Message",
                                 "PyTorch's LPPool2d raises x to p keeping its sign: it gives %1 "
                                 "here, PoolViz (Σ|x|^p)%2 = %3");
    default:
        break;
    }
    return ioMessageTemplate(id);
}

std::string fillTemplate(const std::string &templ, const std::vector<std::string> &args)
{
    std::string s;
    s.reserve(templ.size());
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '%' && i + 1 < templ.size() && templ[i + 1] >= '1' && templ[i + 1] <= '9') {
            const std::size_t n = std::size_t(templ[i + 1] - '1');
            if (n < args.size()) {
                s += args[n];
                ++i;
                continue;
            }
        }
        s += templ[i];
    }
    return s;
}

std::string joinedText(const std::vector<Message> &messages)
{
    std::string text;
    for (const Message &m : messages) {
        if (!text.empty())
            text += "; ";
        text += m.text();
    }
    return text;
}

} // namespace poolviz

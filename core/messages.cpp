#include "messages.h"

namespace poolviz {

const char *messageTemplate(MessageId id)
{
    switch (id) {
    case MessageId::EmptyInput:
        return "input %1 is empty: it needs at least one row and one column";
    case MessageId::InputTooLarge:
        return "input %1 = %2 values is above the limit of %3";
    case MessageId::LpOrder:
        return "Lp order p = %1 must be a finite number above 0";
    case MessageId::DivisorBelowOne:
        return "divisor %1 must be at least 1";
    case MessageId::AdaptiveBelowOne:
        return "adaptive output %1 must be at least 1\u00d71";
    case MessageId::KernelBelowOne:
        return "kernel %1: every size must be at least 1";
    case MessageId::StrideBelowOne:
        return "stride %1: every step must be at least 1";
    case MessageId::DilationBelowOne:
        return "dilation %1: must be at least 1";
    case MessageId::NegativePadding:
        return "padding %1,%2,%3,%4 (top, bottom, left, right) must not be negative";
    case MessageId::KernelLargerThanInput:
        return "kernel %1 is larger than the input %2: no window fits";
    case MessageId::KernelLargerThanPaddedInput:
        return "kernel %1 is larger than the padded input %2: no window fits";
    case MessageId::DilatedKernelLargerThanInput:
        return "kernel %1 with dilation %2 spans %3, larger than the input %4: no window fits";
    case MessageId::DilatedKernelLargerThanPaddedInput:
        return "kernel %1 with dilation %2 spans %3, larger than the padded input %4: no window "
               "fits";
    case MessageId::KernelLargerThanInputCeil:
        return "kernel %1 is larger than the input %2: no window fits, even in ceil mode";
    case MessageId::KernelLargerThanPaddedInputCeil:
        return "kernel %1 is larger than the padded input %2: no window fits, even in ceil mode";
    case MessageId::DilatedKernelLargerThanInputCeil:
        return "kernel %1 with dilation %2 spans %3, larger than the input %4: no window fits, "
               "even in ceil mode";
    case MessageId::DilatedKernelLargerThanPaddedInputCeil:
        return "kernel %1 with dilation %2 spans %3, larger than the padded input %4: no window "
               "fits, even in ceil mode";
    case MessageId::EmptyOutput:
        return "output size %1 is empty for input %2 with kernel %3 and stride %4";
    case MessageId::RowsBeyondRange:
        return "the windows reach rows %1 to %2, beyond the largest supported position %3";
    case MessageId::ColumnsBeyondRange:
        return "the windows reach columns %1 to %2, beyond the largest supported position %3";
    case MessageId::OutputTooLarge:
        return "output would be %1 = %2 values, above the limit of %3";
    case MessageId::OutputPlanesTooLarge:
        return "output would be %1 planes of %2 = %3 values, above the limit of %4";
    case MessageId::TraceTooManySteps:
        return "the animation would have %1 steps, above the limit of %2";
    case MessageId::TraceTooManyTaps:
        return "the animation would draw %1 window taps in all, above the limit of %2";
    case MessageId::AdaptiveRepeatsCells:
        return "adaptive output %1 is larger than the input %2: bins repeat input cells";
    case MessageId::AdaptiveIgnoresDivisor:
        return "the divisor applies to fixed-kernel average pooling only; adaptive pooling "
               "ignores it";
    case MessageId::EmptyWindowsMax:
        return "%1 of %2 windows hold no input cell: max gives \u2212\u221e there";
    case MessageId::EmptyWindowsMin:
        return "%1 of %2 windows hold no input cell: min gives +\u221e there";
    case MessageId::EmptyWindowsZero:
        return "%1 of %2 windows hold no input cell: they output 0";
    case MessageId::PyTorchPaddingAboveHalf:
        return "PyTorch refuses padding larger than half the effective kernel (%1 here); ONNX "
               "allows it";
    case MessageId::PyTorchPadsEqually:
        return "PyTorch pads both sides equally: for padding %1,%2,%3,%4 apply F.pad first (ONNX "
               "pads per side)";
    case MessageId::SameNotInPyTorch:
        return "SAME padding is TensorFlow's and ONNX's; PyTorch's pooling layers have no "
               "padding='same'";
    case MessageId::SameHasNoCeilMode:
        return "TensorFlow has no ceil mode: with SAME padding it computes ceil(in/stride) "
               "outputs";
    case MessageId::AvgDilationNotInPyTorch:
        return "PyTorch's AvgPool2d has no dilation; ONNX AveragePool (opset 19) has";
    case MessageId::LpPaddingNotInPyTorch:
        return "PyTorch's LPPool2d has no padding or dilation; ONNX LpPool has";
    case MessageId::LpCeilScaled:
        return "PyTorch's LPPool2d scales a partial ceil-mode window by kh\u00b7kw/taps before the "
               "root: a window here holds %1 of %2 taps, so PyTorch gives (%2/%1)^(1/p) = %3 times "
               "PoolViz's value (ONNX's LpPool agrees with PoolViz)";
    case MessageId::MinNotInFrameworks:
        return "No framework has a min-pooling layer: PyTorch computes it as "
               "\u2212max_pool2d(\u2212x)";
    case MessageId::CeilOverhang:
        return "with ceil mode a window runs past the padded input; its overhang is never "
               "counted";
    }
    return "";
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

} // namespace poolviz

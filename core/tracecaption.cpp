#include "tracecaption.h"

#include <cmath>

namespace poolviz {

namespace {

Caption number(double v)
{
    return Caption::lit(formatNumber(v));
}

std::string val(double v)
{
    std::string digits = formatNumber(v);
    return shownExactly(v, digits) ? digits : "\u2248" + digits;
}

/// A value as a caption shows it: "0.25", or "≈0.1111" when the digits shown are not the value.
Caption value(double v)
{
    return Caption::lit(val(v));
}

/// " = 0.25", or " ≈ 0.1111" when the digits shown are not the value.
std::string equals(double v)
{
    const std::string digits = formatNumber(v);
    return (shownExactly(v, digits) ? " = " : " \u2248 ") + digits;
}

/// "row 1, column 3".
Caption cell(int r, int c)
{
    return Caption::make(CaptionId::Cell, {number(r), number(c)});
}

/// "rows 0–1" or "row 2"; negative rows (padding) read "rows −1 to 0".
Caption span(CaptionId one, CaptionId many, CaptionId manyTo, int first, int last)
{
    if (first == last)
        return Caption::make(one, {number(first)});
    return Caption::make(first < 0 || last < 0 ? manyTo : many, {number(first), number(last)});
}

/// The values as a list joined by `joiner`, or "12 values" for large windows.
Caption valueList(const std::vector<float> &values, const char *joiner)
{
    if (values.size() > 12)
        return Caption::make(CaptionId::ValueCount, {number(double(values.size()))});
    std::string s;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i)
            s += joiner;
        s += val(values[i]);
    }
    return Caption::lit(s);
}

/// `n` in superscript digits ("³", "¹²"); empty when n is not a whole number from 0 to 999.
std::string superscript(double n)
{
    static const char *const digits[] = {"\u2070", "\u00b9", "\u00b2", "\u00b3", "\u2074",
                                         "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    if (!(n >= 0 && n < 1000 && n == std::floor(n)))
        return {};
    std::string s;
    for (char c : std::to_string(int(n)))
        s += digits[c - '0'];
    return s;
}

/// "x" raised to p as a caption writes it: "|3|³", else "|3|^2.5".
std::string power(const std::string &base, double p)
{
    const std::string sup = superscript(p);
    return sup.empty() ? base + "^" + formatNumber(p) : base + sup;
}

/// The p-th root of "(body)": "√(…)", "∛(…)", "∜(…)", "⁵√(…)", else "(…)^(1/2.5)".
Caption root(Caption body, double p)
{
    std::string before = "(", after = ")";
    if (p == 2)
        before = "\u221a(";
    else if (p == 3)
        before = "\u221b(";
    else if (p == 4)
        before = "\u221c(";
    else if (const std::string sup = superscript(p); !sup.empty())
        before = sup + "\u221a(";
    else
        after = ")^(1/" + formatNumber(p) + ")";
    return Caption::join({Caption::lit(before), std::move(body), Caption::lit(after)});
}

Caption none()
{
    return Caption::lit({});
}

} // namespace

Caption forwardCaption(const Step &s, const Window &w, const PoolParams &params)
{
    // Both ends, so students never read an input position as the output's: "input rows 0–1,
    // columns 2–3: max(…) = 9, found at input row 1, column 3 → output row 0, column 2".
    Caption rows = span(CaptionId::Row, CaptionId::Rows, CaptionId::RowsTo, w.rowFirst, w.rowLast);
    Caption cols =
        span(CaptionId::Column, CaptionId::Columns, CaptionId::ColumnsTo, w.colFirst, w.colLast);
    Caption to = cell(s.outRow, s.outCol);
    std::vector<float> shown;
    int paddingTaps = 0;
    for (std::size_t i = 0; i < s.taps.size(); ++i) {
        if (s.taps[i].kind == TapKind::Input)
            shown.push_back(s.values[i]);
        else if (s.taps[i].kind == TapKind::Padding)
            ++paddingTaps;
    }
    const auto formula = [&](Caption result, Caption note) {
        return Caption::make(
            CaptionId::ForwardFormula,
            {std::move(rows), std::move(cols), std::move(result), std::move(to), std::move(note)});
    };
    if (s.rule == StepRule::NoInput)
        return Caption::make(CaptionId::ForwardNoInput,
                             {std::move(rows), std::move(cols), number(s.output), std::move(to)});
    if (params.mode == PoolMode::Max || params.mode == PoolMode::Min) {
        std::vector<float> all;
        for (std::size_t i = 0; i < s.taps.size(); ++i)
            if (s.taps[i].kind != TapKind::Overhang)
                all.push_back(s.values[i]);
        const bool min = params.mode == PoolMode::Min;
        Caption extreme = Caption::join({Caption::lit(min ? "min(" : "max("), valueList(all, ", "),
                                         Caption::lit(")" + equals(s.output))});
        const Tap &win = s.taps[std::size_t(s.winners.front())];
        if (s.rule == StepRule::NaN)
            return Caption::make(CaptionId::ForwardNaN,
                                 {std::move(rows), std::move(cols), std::move(extreme),
                                  cell(win.row, win.col), std::move(to)});
        Caption found;
        if (s.rule == StepRule::Tie) {
            std::vector<Caption> ties;
            for (std::size_t i = 1; i < s.winners.size(); ++i) {
                const Tap &t = s.taps[std::size_t(s.winners[i])];
                if (i > 1)
                    ties.push_back(Caption::lit("; "));
                ties.push_back(cell(t.row, t.col));
            }
            found =
                Caption::make(CaptionId::FoundAtTie, {std::move(extreme), cell(win.row, win.col),
                                                      Caption::join(std::move(ties))});
        } else {
            found = Caption::make(CaptionId::FoundAt, {std::move(extreme), cell(win.row, win.col)});
        }
        Caption note = paddingTaps == 0 ? none()
                                        : Caption::make(min ? CaptionId::PaddingNeverWinsMin
                                                            : CaptionId::PaddingNeverWinsMax,
                                                        {});
        return formula(std::move(found), std::move(note));
    }
    if (params.mode == PoolMode::Avg) {
        Caption mean =
            Caption::join({Caption::lit("("), valueList(shown, " + "),
                           Caption::lit(") / " + formatNumber(s.divisor) + equals(s.output))});
        const int inputs = int(shown.size());
        Caption note = none();
        if (params.divisorOverride && !params.isAdaptive())
            note = Caption::make(CaptionId::DivisorOverride, {number(*params.divisorOverride)});
        else if (s.divisor > inputs)
            note = Caption::make(s.divisor - inputs == 1 ? CaptionId::DivisorCountsPaddingCell
                                                         : CaptionId::DivisorCountsPaddingCells,
                                 {number(s.divisor - inputs)});
        else if (paddingTaps > 0)
            note = Caption::make(CaptionId::PaddingNotCounted, {});
        return formula(std::move(mean), std::move(note));
    }
    Caption sum;
    if (shown.size() > 12) {
        sum = Caption::make(CaptionId::LpSumOver, {Caption::lit("\u03a3 " + power("|x|", params.p)),
                                                   number(double(shown.size()))});
    } else {
        std::string terms;
        for (std::size_t i = 0; i < shown.size(); ++i)
            terms += (i ? " + " : "") + power("|" + val(shown[i]) + "|", params.p);
        sum = Caption::lit(terms);
    }
    return formula(Caption::join({root(std::move(sum), params.p), Caption::lit(equals(s.output))}),
                   none());
}

Caption backwardCaption(const Step &s, const PoolParams &params)
{
    Caption gradient = value(s.upstream);
    Caption of = cell(s.outRow, s.outCol);
    if (s.contributions.empty())
        return Caption::make(CaptionId::BackwardNoInput, {std::move(gradient), std::move(of)});
    if (params.mode == PoolMode::Max || params.mode == PoolMode::Min) {
        const Contribution &c = s.contributions.front();
        return Caption::make(
            params.mode == PoolMode::Min ? CaptionId::BackwardMin : CaptionId::BackwardMax,
            {std::move(gradient), std::move(of), cell(c.row, c.col), value(c.running)});
    }
    int overlaps = 0;
    for (const Contribution &c : s.contributions)
        if (c.running != c.amount)
            ++overlaps;
    Caption added =
        overlaps > 0 ? Caption::make(CaptionId::BackwardOverlaps, {number(overlaps)}) : none();
    Caption cells = number(double(s.contributions.size()));
    if (params.mode == PoolMode::Avg) {
        Caption share = Caption::lit(val(s.upstream) + " / " + formatNumber(s.divisor) +
                                     equals(s.contributions.front().amount));
        return Caption::make(s.contributions.size() == 1 ? CaptionId::BackwardAverageOne
                                                         : CaptionId::BackwardAverage,
                             {std::move(gradient), std::move(of), std::move(share),
                              std::move(cells), std::move(added)});
    }
    Caption derivative = Caption::lit("sign(x)\u00b7" + power("|x|", params.p - 1) + " / " +
                                      power("y", params.p - 1));
    return Caption::make(CaptionId::BackwardLp,
                         {std::move(gradient), std::move(of), std::move(derivative),
                          std::move(cells), std::move(added)});
}

Caption unpoolCaption(const Step &s, const PoolParams &params)
{
    const bool min = params.mode == PoolMode::Min;
    const bool extreme = params.mode == PoolMode::Max || min;
    if (s.contributions.empty())
        return Caption::make(!extreme ? CaptionId::UnpoolNoInput
                             : min    ? CaptionId::UnpoolNoMinPosition
                                      : CaptionId::UnpoolNoMaxPosition,
                             {value(s.output), cell(s.outRow, s.outCol)});
    if (extreme) {
        const Contribution &c = s.contributions.front();
        return Caption::make(min ? CaptionId::UnpoolToMin : CaptionId::UnpoolToMax,
                             {value(s.output), cell(s.outRow, s.outCol), cell(c.row, c.col)});
    }
    int shared = 0;
    for (const Contribution &c : s.contributions)
        if (c.running != c.amount)
            ++shared;
    return Caption::make(
        s.contributions.size() == 1 ? CaptionId::UnpoolCopiedOne : CaptionId::UnpoolCopied,
        {value(s.output), cell(s.outRow, s.outCol), number(double(s.contributions.size())),
         shared > 0 ? Caption::make(CaptionId::UnpoolShared, {number(shared)}) : none()});
}

Caption stepCaption(const Step &s, std::size_t total, const Tensor &input, Caption body)
{
    Caption index = number(s.index + 1), count = number(double(total));
    const int channels = std::max(1, input.c());
    if (input.planeCount() <= 1)
        return Caption::make(CaptionId::Step,
                             {std::move(index), std::move(count), std::move(body)});
    if (input.n() > 1)
        return Caption::make(CaptionId::StepSampleChannel,
                             {std::move(index), std::move(count), number(s.plane / channels),
                              number(s.plane % channels), std::move(body)});
    return Caption::make(CaptionId::StepChannel, {std::move(index), std::move(count),
                                                  number(s.plane % channels), std::move(body)});
}

} // namespace poolviz

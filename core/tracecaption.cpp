#include "tracecaption.h"

#include <charconv>
#include <cmath>

namespace poolviz {

namespace {

Caption number(double v)
{
    return Caption::lit(formatNumber(v));
}

/// A row, column or count as formatNumber writes it ("3", "−1"), without the double's tests.
Caption number(int v)
{
    char buf[16];
    const bool minus = v < 0;
    char *const end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    std::string s = minus ? "\u2212" : "";
    s.append(buf + (minus ? 1 : 0), std::size_t(end - buf) - (minus ? 1 : 0));
    return Caption::lit(std::move(s));
}

/// Appends `v` as a caption shows it: "0.25", or "≈0.1111" when the digits are not the value.
void appendValue(std::string &out, double v)
{
    const std::string digits = formatNumber(v);
    if (!shownExactly(v, digits))
        out += "\u2248";
    out += digits;
}

std::string val(double v)
{
    std::string s;
    appendValue(s, v);
    return s;
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
    return Caption::of(CaptionId::Cell, number(r), number(c));
}

/// "rows 0–1" or "row 2"; negative rows (padding) read "rows −1 to 0".
Caption span(CaptionId one, CaptionId many, CaptionId manyTo, int first, int last)
{
    if (first == last)
        return Caption::of(one, number(first));
    return Caption::of(first < 0 || last < 0 ? manyTo : many, number(first), number(last));
}

/// The values of the taps of `s` whose kind `keep` accepts, as a list joined by `joiner`, or
/// "13 values" for large windows. Written straight into one string (no list of values first).
template <class Keep> Caption valueList(const Step &s, Keep keep, const char *joiner)
{
    std::size_t count = 0;
    for (const Tap &t : s.taps)
        count += keep(t.kind) ? 1 : 0;
    if (count > 12)
        return Caption::of(CaptionId::ValueCount, number(double(count)));
    std::string text;
    bool first = true;
    for (std::size_t i = 0; i < s.taps.size(); ++i) {
        if (!keep(s.taps[i].kind))
            continue;
        if (!first)
            text += joiner;
        first = false;
        appendValue(text, s.values[i]);
    }
    return Caption::lit(std::move(text));
}

bool isInput(TapKind kind)
{
    return kind == TapKind::Input;
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

/// What raises a base to p in a caption: "³", else "^2.5".
std::string exponent(double p)
{
    std::string sup = superscript(p);
    return sup.empty() ? std::string("^").append(formatNumber(p)) : sup;
}

/// "x" raised to p as a caption writes it: "|3|³", else "|3|^2.5".
std::string power(const std::string &base, double p)
{
    return base + exponent(p);
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
    return Caption::of(CaptionId::Join, Caption::lit(before), std::move(body), Caption::lit(after));
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
    int inputs = 0, paddingTaps = 0; // the caption lists the input taps' values
    for (const Tap &t : s.taps) {
        if (t.kind == TapKind::Input)
            ++inputs;
        else if (t.kind == TapKind::Padding)
            ++paddingTaps;
    }
    const auto formula = [&](Caption result, Caption note) {
        return Caption::of(CaptionId::ForwardFormula, std::move(rows), std::move(cols),
                           std::move(result), std::move(to), std::move(note));
    };
    if (s.rule == StepRule::NoInput)
        return Caption::of(CaptionId::ForwardNoInput, std::move(rows), std::move(cols),
                           number(s.output), std::move(to));
    if (params.mode == PoolMode::Max || params.mode == PoolMode::Min) {
        const bool min = params.mode == PoolMode::Min;
        // Padding taps are listed too (as −∞ or +∞): the caption shows why they never win.
        const auto notOverhang = [](TapKind kind) { return kind != TapKind::Overhang; };
        Caption extreme =
            Caption::of(CaptionId::Join, Caption::lit(min ? "min(" : "max("),
                        valueList(s, notOverhang, ", "), Caption::lit(")" + equals(s.output)));
        const Tap &win = s.taps[std::size_t(s.winners.front())];
        if (s.rule == StepRule::NaN)
            return Caption::of(CaptionId::ForwardNaN, std::move(rows), std::move(cols),
                               std::move(extreme), cell(win.row, win.col), std::move(to));
        Caption found;
        if (s.rule == StepRule::Tie) {
            std::vector<Caption> ties;
            for (std::size_t i = 1; i < s.winners.size(); ++i) {
                const Tap &t = s.taps[std::size_t(s.winners[i])];
                if (i > 1)
                    ties.push_back(Caption::lit("; "));
                ties.push_back(cell(t.row, t.col));
            }
            found = Caption::of(CaptionId::FoundAtTie, std::move(extreme), cell(win.row, win.col),
                                Caption::join(std::move(ties)));
        } else {
            found = Caption::of(CaptionId::FoundAt, std::move(extreme), cell(win.row, win.col));
        }
        Caption note = paddingTaps == 0 ? none()
                                        : Caption::of(min ? CaptionId::PaddingNeverWinsMin
                                                          : CaptionId::PaddingNeverWinsMax);
        return formula(std::move(found), std::move(note));
    }
    if (params.mode == PoolMode::Avg) {
        Caption mean =
            Caption::of(CaptionId::Join, Caption::lit("("), valueList(s, isInput, " + "),
                        Caption::lit(") / " + formatNumber(s.divisor) + equals(s.output)));
        Caption note = none();
        if (params.divisorOverride && !params.isAdaptive())
            note = Caption::of(CaptionId::DivisorOverride, number(*params.divisorOverride));
        else if (s.divisor > inputs)
            note = Caption::of(s.divisor - inputs == 1 ? CaptionId::DivisorCountsPaddingCell
                                                       : CaptionId::DivisorCountsPaddingCells,
                               number(s.divisor - inputs));
        else if (paddingTaps > 0)
            note = Caption::of(CaptionId::PaddingNotCounted);
        return formula(std::move(mean), std::move(note));
    }
    Caption sum;
    const std::string toP = exponent(params.p);
    if (inputs > 12) {
        sum = Caption::of(CaptionId::LpSumOver, Caption::lit("\u03a3 |x|" + toP),
                          number(double(inputs)));
    } else {
        std::string terms;
        for (std::size_t i = 0; i < s.taps.size(); ++i) {
            if (s.taps[i].kind != TapKind::Input)
                continue;
            terms += terms.empty() ? "|" : " + |";
            appendValue(terms, s.values[i]);
            terms += "|" + toP;
        }
        sum = Caption::lit(std::move(terms));
    }
    return formula(Caption::of(CaptionId::Join, root(std::move(sum), params.p),
                               Caption::lit(equals(s.output))),
                   none());
}

Caption backwardCaption(const Step &s, const PoolParams &params)
{
    Caption gradient = value(s.upstream);
    Caption of = cell(s.outRow, s.outCol);
    if (s.contributions.empty())
        return Caption::of(CaptionId::BackwardNoInput, std::move(gradient), std::move(of));
    if (params.mode == PoolMode::Max || params.mode == PoolMode::Min) {
        const Contribution &c = s.contributions.front();
        return Caption::of(
            params.mode == PoolMode::Min ? CaptionId::BackwardMin : CaptionId::BackwardMax,
            std::move(gradient), std::move(of), cell(c.row, c.col), value(c.running));
    }
    int overlaps = 0;
    for (const Contribution &c : s.contributions)
        if (c.running != c.amount)
            ++overlaps;
    Caption added =
        overlaps > 0 ? Caption::of(CaptionId::BackwardOverlaps, number(overlaps)) : none();
    Caption cells = number(double(s.contributions.size()));
    if (params.mode == PoolMode::Avg) {
        Caption share = Caption::lit(val(s.upstream) + " / " + formatNumber(s.divisor) +
                                     equals(s.contributions.front().amount));
        return Caption::of(s.contributions.size() == 1 ? CaptionId::BackwardAverageOne
                                                       : CaptionId::BackwardAverage,
                           std::move(gradient), std::move(of), std::move(share), std::move(cells),
                           std::move(added));
    }
    Caption derivative = Caption::lit("sign(x)\u00b7" + power("|x|", params.p - 1) + " / " +
                                      power("y", params.p - 1));
    return Caption::of(CaptionId::BackwardLp, std::move(gradient), std::move(of),
                       std::move(derivative), std::move(cells), std::move(added));
}

Caption unpoolCaption(const Step &s, const PoolParams &params)
{
    const bool min = params.mode == PoolMode::Min;
    const bool extreme = params.mode == PoolMode::Max || min;
    if (s.contributions.empty())
        return Caption::of(!extreme ? CaptionId::UnpoolNoInput
                           : min    ? CaptionId::UnpoolNoMinPosition
                                    : CaptionId::UnpoolNoMaxPosition,
                           value(s.output), cell(s.outRow, s.outCol));
    if (extreme) {
        const Contribution &c = s.contributions.front();
        return Caption::of(min ? CaptionId::UnpoolToMin : CaptionId::UnpoolToMax, value(s.output),
                           cell(s.outRow, s.outCol), cell(c.row, c.col));
    }
    int shared = 0;
    for (const Contribution &c : s.contributions)
        if (c.running != c.amount)
            ++shared;
    return Caption::of(
        s.contributions.size() == 1 ? CaptionId::UnpoolCopiedOne : CaptionId::UnpoolCopied,
        value(s.output), cell(s.outRow, s.outCol), number(double(s.contributions.size())),
        shared > 0 ? Caption::of(CaptionId::UnpoolShared, number(shared)) : none());
}

Caption stepCaption(const Step &s, std::size_t total, const Tensor &input, Caption body)
{
    Caption index = number(s.index + 1), count = number(double(total));
    const int channels = std::max(1, input.c());
    if (input.planeCount() <= 1)
        return Caption::of(CaptionId::Step, std::move(index), std::move(count), std::move(body));
    if (input.n() > 1)
        return Caption::of(CaptionId::StepSampleChannel, std::move(index), std::move(count),
                           number(s.plane / channels), number(s.plane % channels), std::move(body));
    return Caption::of(CaptionId::StepChannel, std::move(index), std::move(count),
                       number(s.plane % channels), std::move(body));
}

} // namespace poolviz

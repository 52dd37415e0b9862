#include "pooloptions.h"

#include <charconv>
#include <cmath>
#include <string_view>

namespace poolviz {

namespace {

constexpr int maxValue = 1'000'000;

/// How each option takes its value.
enum class Kind
{
    Mode,
    P,
    Kernel,
    Stride,
    Padding,
    Same,
    SameLower,
    Valid,
    Dilation,
    CeilMode,
    ExcludePad,
    Divisor,
    Adaptive,
    Global,
    Threads
};

struct Option
{
    std::string_view name;
    Kind kind;
    bool takesValue;
    std::string_view usage; ///< the forms a value may take, for error messages
};

constexpr Option options[] = {
    {"--mode", Kind::Mode, true, "use max, avg, min or lp"},
    {"--p", Kind::P, true, "e.g. 2 or 1.5"},
    {"--kernel", Kind::Kernel, true, "use K or KHxKW"},
    {"--stride", Kind::Stride, true, "use S or SHxSW"},
    {"--padding", Kind::Padding, true, "use P, PHxPW or T,B,L,R"},
    {"--same", Kind::Same, false, ""},
    {"--same-lower", Kind::SameLower, false, ""},
    {"--valid", Kind::Valid, false, ""},
    {"--dilation", Kind::Dilation, true, "use D or DHxDW"},
    {"--ceil-mode", Kind::CeilMode, false, ""},
    {"--exclude-pad", Kind::ExcludePad, false, ""},
    {"--divisor", Kind::Divisor, true, "e.g. 4"},
    {"--adaptive", Kind::Adaptive, true, "use OHxOW, e.g. 7x7"},
    {"--global", Kind::Global, false, ""},
    {"--threads", Kind::Threads, true, "e.g. 1, or 0 for every core"},
};

const Option *findOption(std::string_view name)
{
    for (const Option &o : options)
        if (o.name == name)
            return &o;
    return nullptr;
}

/// A whole number in [minimum, maxValue]: digits only, no sign.
std::optional<int> parseInt(std::string_view s, int minimum)
{
    if (s.empty() || s.size() > 9)
        return std::nullopt;
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.front() == '-' || s.front() == '+')
        return std::nullopt;
    if (v < minimum || v > maxValue)
        return std::nullopt;
    return v;
}

/// Splits "AxB", "A×B" or "AXB" into its two parts; a single part if there is no separator.
std::vector<std::string_view> splitSize(std::string_view s)
{
    static constexpr std::string_view times = "\u00d7";
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size();) {
        std::size_t sepLen = 0;
        if (i == s.size())
            sepLen = 0;
        else if (s[i] == 'x' || s[i] == 'X')
            sepLen = 1;
        else if (s.substr(i, times.size()) == times)
            sepLen = times.size();
        else {
            ++i;
            continue;
        }
        parts.push_back(s.substr(start, i - start));
        if (i == s.size())
            break;
        i += sepLen;
        start = i;
    }
    return parts;
}

/// True if `s` is one or two whole numbers (as a size or padding) of which one exceeds maxValue.
bool tooLarge(std::string_view s)
{
    bool any = false;
    for (std::string_view part : splitSize(s)) {
        if (part.empty() || part.find_first_not_of("0123456789") != std::string_view::npos)
            return false;
        const std::size_t first = part.find_first_not_of('0');
        if (first != std::string_view::npos && part.size() - first > 7)
            any = true;
        else if (first != std::string_view::npos && std::stoi(std::string(part)) > maxValue)
            any = true;
    }
    return any;
}

std::string quoted(const std::string &s)
{
    return "\"" + s + "\"";
}

std::string sizeString(Size2 s)
{
    return std::to_string(s.h) + "\u00d7" + std::to_string(s.w);
}

} // namespace

PoolOptionParser::PoolOptionParser(PoolParams defaults) : m_params(std::move(defaults)) {}

std::optional<Size2> PoolOptionParser::parseSize(const std::string &text, int minimum)
{
    const std::vector<std::string_view> parts = splitSize(text);
    if (parts.size() == 1) {
        if (const auto v = parseInt(parts[0], minimum))
            return Size2{*v, *v};
        return std::nullopt;
    }
    if (parts.size() == 2) {
        const auto h = parseInt(parts[0], minimum);
        const auto w = parseInt(parts[1], minimum);
        if (h && w)
            return Size2{*h, *w};
    }
    return std::nullopt;
}

void PoolOptionParser::fail(const std::string &message)
{
    if (m_error.empty())
        m_error = message;
}

void PoolOptionParser::noteWindowOption(const std::string &flag)
{
    if (!m_adaptiveFlag.empty())
        fail(flag + " cannot be combined with " + m_adaptiveFlag +
             " (adaptive pooling chooses its own windows)");
    else if (m_windowFlag.empty())
        m_windowFlag = flag;
}

void PoolOptionParser::noteAdaptiveOption(const std::string &flag)
{
    if (!m_adaptiveFlag.empty() && m_adaptiveFlag != flag)
        fail(flag + " conflicts with " + m_adaptiveFlag + ": choose one output size");
    else if (!m_windowFlag.empty())
        fail(flag + " cannot be combined with " + m_windowFlag +
             " (adaptive pooling chooses its own windows)");
    m_adaptiveFlag = flag;
}

void PoolOptionParser::notePaddingChoice(const std::string &flag)
{
    if (!m_paddingFlag.empty() && m_paddingFlag != flag)
        fail(flag + " conflicts with " + m_paddingFlag +
             ": choose one of --padding, --same, --same-lower, --valid");
    m_paddingFlag = flag;
    noteWindowOption(flag);
}

bool PoolOptionParser::consume(const std::vector<std::string> &args, std::size_t &i)
{
    if (i >= args.size())
        return false;
    const std::string &arg = args[i];
    if (arg.rfind("--", 0) != 0)
        return false;
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    const Option *option = findOption(name);
    if (!option)
        return false;
    if (option->kind != Kind::Threads) // how many threads is not a pooling parameter
        m_anyGiven = true;

    std::string value;
    if (option->takesValue) {
        if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) {
            value = args[++i];
        } else {
            fail(name + ": missing value (" + std::string(option->usage) + ")");
            return true;
        }
    } else if (eq != std::string::npos) {
        fail(name + " takes no value (got " + quoted(arg.substr(eq + 1)) + ")");
        return true;
    }
    const std::string bad = name + ": " + quoted(value) + " is not ";
    if (option->takesValue && option->kind != Kind::P && tooLarge(value)) {
        fail(name + ": " + quoted(value) + " is too large (at most " + std::to_string(maxValue) +
             ")");
        return true;
    }
    const std::string usage = " (" + std::string(option->usage) + ")";

    switch (option->kind) {
    case Kind::Mode:
        if (value == "max")
            m_params.mode = PoolMode::Max;
        else if (value == "avg" || value == "average" || value == "mean")
            m_params.mode = PoolMode::Avg;
        else if (value == "min")
            m_params.mode = PoolMode::Min;
        else if (value == "lp")
            m_params.mode = PoolMode::Lp;
        else
            fail(bad + "a mode" + usage);
        break;
    case Kind::P: {
        double p = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), p);
        if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
            !std::isfinite(p) || p <= 0)
            fail(bad + "a number > 0" + usage);
        else
            m_params.p = p;
        m_pGiven = true;
        break;
    }
    case Kind::Kernel:
    case Kind::Stride:
    case Kind::Dilation: {
        const auto size = parseSize(value);
        if (!size) {
            fail(bad + "a size \u2265 1" + usage);
        } else if (option->kind == Kind::Kernel) {
            m_params.kernel = *size;
        } else if (option->kind == Kind::Stride) {
            m_params.stride = *size;
        } else {
            m_params.dilation = *size;
        }
        noteWindowOption(name);
        break;
    }
    case Kind::Padding: {
        Padding padding;
        bool ok = false;
        if (value.find(',') != std::string::npos) {
            std::vector<int> sides;
            std::size_t start = 0;
            ok = true;
            while (ok) {
                const std::size_t comma = value.find(',', start);
                const std::string_view part = std::string_view(value).substr(
                    start, comma == std::string::npos ? std::string::npos : comma - start);
                const auto v = parseInt(part, 0);
                if (!v)
                    ok = false;
                else
                    sides.push_back(*v);
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
            ok = ok && sides.size() == 4;
            if (ok)
                padding = {sides[0], sides[1], sides[2], sides[3]};
        } else if (const auto size = parseSize(value, 0)) {
            padding = {size->h, size->h, size->w, size->w};
            ok = true;
        }
        if (!ok) {
            fail(bad + "a padding \u2265 0" + usage);
        } else {
            m_params.paddingMode = PaddingMode::Explicit;
            m_params.padding = padding;
        }
        notePaddingChoice(name);
        break;
    }
    case Kind::Same:
        m_params.paddingMode = PaddingMode::SameUpper;
        notePaddingChoice(name);
        break;
    case Kind::SameLower:
        m_params.paddingMode = PaddingMode::SameLower;
        notePaddingChoice(name);
        break;
    case Kind::Valid:
        m_params.paddingMode = PaddingMode::Valid;
        m_params.padding = {};
        notePaddingChoice(name);
        break;
    case Kind::CeilMode:
        m_params.ceilMode = true;
        noteWindowOption(name);
        break;
    case Kind::ExcludePad:
        m_params.countIncludePad = false;
        m_excludePadGiven = true;
        break;
    case Kind::Divisor:
        if (const auto v = parseInt(value, 1))
            m_params.divisorOverride = *v;
        else
            fail(bad + "a whole number \u2265 1" + usage);
        m_divisorGiven = true;
        break;
    case Kind::Adaptive:
        if (const auto size = parseSize(value))
            m_params.adaptiveOutput = *size;
        else
            fail(bad + "an output size \u2265 1" + usage);
        noteAdaptiveOption(name);
        break;
    case Kind::Global:
        m_params.global = true;
        noteAdaptiveOption(name);
        break;
    case Kind::Threads:
        if (const auto n = parseInt(value, 0); n && *n <= 1024)
            m_threads = *n;
        else
            fail(bad + "a thread count from 0 to 1024 (" + std::string(option->usage) + ")");
        break;
    }
    return true;
}

void PoolOptionParser::finish()
{
    const std::string mode = modeName(m_params.mode);
    if (m_pGiven && m_params.mode != PoolMode::Lp)
        fail("--p applies only to --mode lp (the mode is " + mode + ")");
    if (m_divisorGiven && m_params.mode != PoolMode::Avg)
        fail("--divisor applies only to --mode avg (the mode is " + mode + ")");
    if (m_excludePadGiven && m_params.mode != PoolMode::Avg)
        fail("--exclude-pad applies only to --mode avg (the mode is " + mode + ")");
    if (m_params.adaptiveOutput && m_params.global)
        fail("--adaptive " + sizeString(*m_params.adaptiveOutput) + " conflicts with --global");
}

std::string PoolOptionParser::help()
{
    return "pool options:\n"
           "  --mode max|avg|min|lp    pooling type (default max)           e.g. --mode avg\n"
           "  --p P                    Lp norm order, > 0 (lp; default 2)   e.g. --mode lp --p 3\n"
           "  --kernel K|KHxKW         window size (default 2)              e.g. --kernel 3 or "
           "--kernel 2x3\n"
           "  --stride S|SHxSW         step between windows (default: the kernel)  e.g. --stride "
           "1\n"
           "  --padding P|PHxPW|T,B,L,R  padding per side (default 0)       e.g. --padding 1 or "
           "--padding 0,1,0,1\n"
           "  --same                   TensorFlow/ONNX SAME padding, extra at bottom/right  e.g. "
           "--same\n"
           "  --same-lower             SAME padding with the extra at top/left  e.g. --same-lower\n"
           "  --valid                  no padding (TensorFlow VALID)        e.g. --valid\n"
           "  --dilation D|DHxDW       spacing between taps (default 1)     e.g. --dilation 2\n"
           "  --ceil-mode              round the output size up             e.g. --ceil-mode\n"
           "  --exclude-pad            avg: do not count padding (count_include_pad=False)  e.g. "
           "--mode avg --padding 1 --exclude-pad\n"
           "  --divisor N              avg: divide by N (divisor_override)  e.g. --mode avg "
           "--divisor 4\n"
           "  --adaptive OHxOW         adaptive pooling to this output size  e.g. --adaptive 7x7\n"
           "  --global                 global pooling (adaptive to 1x1)     e.g. --global --mode "
           "avg\n"
           "  --threads N              threads to pool with (default 0: every core)  e.g. "
           "--threads 1\n"
           "  Sizes take x, X or \u00d7 between height and width; --name=value also works.\n";
}

} // namespace poolviz

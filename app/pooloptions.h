#pragma once

#include "poolparams.h"

#include <optional>
#include <string>
#include <vector>

namespace poolviz {

/// Parses poolviz-cli's pool options (DESIGN.md) out of an argument list, shared by poolviz-cli
/// and poolviz: --mode, --p, --kernel, --stride, --padding, --same, --same-lower, --valid,
/// --dilation, --ceil-mode, --exclude-pad, --divisor, --adaptive, --global, and --threads (how
/// many threads pool; not a pooling parameter, so it is kept apart from params()).
/// Every option also accepts the `--name=value` form; sizes accept `x`, `X` or `×` between the
/// two numbers.
class PoolOptionParser
{
public:
    /// Starts from `defaults` (PoolParams{} unless given).
    explicit PoolOptionParser(PoolParams defaults = {});

    /// If args[i] is a pool option, consumes it (and its value, advancing i) and returns true;
    /// returns false for any other argument. A bad value sets error() (e.g. "--kernel: \"0x2\"
    /// is not a size ≥ 1 (use K or KHxKW)") and returns true.
    bool consume(const std::vector<std::string> &args, std::size_t &i);

    /// Checks the combinations that depend on several options once all are consumed (e.g.
    /// "--divisor applies only to --mode avg (the mode is max)"); sets error() if none is set yet.
    void finish();

    /// The parameters so far.
    const PoolParams &params() const { return m_params; }
    /// The first error, empty if none.
    const std::string &error() const { return m_error; }
    /// --threads N if given: N ≥ 1 threads, or 0 for every core (see poolviz::setThreadCount).
    std::optional<int> threads() const { return m_threads; }
    /// True if any pool option was given.
    bool anyGiven() const { return m_anyGiven; }

    /// The help text for the pool options, one line per flag with an example.
    static std::string help();

    /// Parses "N" (N×N) or "HxW" / "H×W" / "HXW" with both numbers in [minimum, 1000000];
    /// nullopt for anything else ("2x", "x2", "0", "1.5", "2x3x4").
    static std::optional<Size2> parseSize(const std::string &text, int minimum = 1);

private:
    void fail(const std::string &message);
    void noteWindowOption(const std::string &flag);
    void noteAdaptiveOption(const std::string &flag);
    void notePaddingChoice(const std::string &flag);

    PoolParams m_params;
    std::string m_error;
    bool m_anyGiven = false;
    std::string m_windowFlag; ///< first of --kernel/--stride/--padding/--dilation/--ceil-mode/SAME
    std::string m_adaptiveFlag; ///< --adaptive or --global, if given
    std::string m_paddingFlag;  ///< --padding, --same, --same-lower or --valid, if given
    bool m_pGiven = false;
    bool m_divisorGiven = false;
    bool m_excludePadGiven = false;
    std::optional<int> m_threads;
};

} // namespace poolviz

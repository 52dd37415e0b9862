#pragma once
// What every poolviz-cli command shares: its entry in the command table, its own flags beside the
// pool options and the run limits, one input, whole numbers, and core exceptions as CliError.
// The commands live one group per file: clipool.cpp (pool, backward, unpool), clianimate.cpp,
// cliexplain.cpp (explain, code); clicommands.cpp dispatches and prints help.

#include "clicommands.h"
#include "clifiles.h"
#include "pooloptions.h"

#include <map>
#include <new>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace poolviz::cli {

inline constexpr const char *programName = "poolviz-cli";

/// One poolviz-cli command: its name, its help text (the pool options' help is appended) and
/// its entry point, which gets the arguments after the name and throws CliError on failure.
struct Command
{
    const char *name;
    const char *help;
    int (*run)(const std::vector<std::string> &args);
    bool needsGui = false; ///< renders with QPainter, so it needs a QGuiApplication
};

extern const Command poolCommand;     ///< clipool.cpp
extern const Command backwardCommand; ///< clipool.cpp
extern const Command unpoolCommand;   ///< clipool.cpp
extern const Command animateCommand;  ///< clianimate.cpp
extern const Command explainCommand;  ///< cliexplain.cpp
extern const Command codeCommand;     ///< cliexplain.cpp

/// A command's own option: "--name" (and "-a" alias), with or without a value.
struct Flag
{
    std::string_view name;
    std::string_view alias;
    bool takesValue;
    std::string_view what; ///< the value, for "missing value" messages
};

inline constexpr Flag outputFlag{"--output", "-o", true, "the output path"};
inline constexpr Flag verboseFlag{"--verbose", "-v", false, ""};

/// A command's parsed arguments: positionals, its flags by canonical name, the pool options.
struct Args
{
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string, std::less<>> values;
    std::set<std::string, std::less<>> switches;
    PoolOptionParser pool;

    bool has(std::string_view name) const
    {
        return values.find(name) != values.end() || switches.find(name) != switches.end();
    }
    std::optional<std::string> value(std::string_view name) const
    {
        const auto it = values.find(name);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    /// The value of `name`; throws "COMMAND: missing NAME WHAT (see poolviz-cli help COMMAND)".
    std::string required(std::string_view name, const std::string &what) const;
};

/// Parses `args` of `command`: the pool options (their --threads applied), --max-values and
/// --max-steps (applied to the current limits), `flags`, positionals; "--" ends the options.
/// Throws CliError for an unknown option, a missing or repeated value, or a bad pool option.
Args parseArgs(const std::string &command, const std::vector<std::string> &args,
               std::span<const Flag> flags);

/// The single positional argument of a command that takes exactly one input.
std::string singleInput(const Args &args, const std::string &what);

/// A whole number in [lo, hi] (no sign, at most 9 digits) or nullopt.
std::optional<int> parseNumber(const std::string &s, int lo, int hi);

/// Throws CliError for validation errors of `params` on `input` and prints its warnings
/// (prefixed with "CONTEXT: " if `context` is given).
void checkParams(const PoolParams &params, const Tensor &input, const std::string &context);

/// Runs a core computation, turning its exceptions into CliError.
template <class F> auto guarded(F &&f) -> decltype(f())
{
    try {
        return f();
    } catch (const CliError &) {
        throw;
    } catch (const std::bad_alloc &) {
        throw CliError("out of memory");
    } catch (const std::exception &e) {
        throw CliError(e.what());
    }
}

} // namespace poolviz::cli

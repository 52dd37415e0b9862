#include "cliargs.h"

#include "pool.h"
#include "validation.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <system_error>

namespace poolviz::cli {

namespace {

/// If args[i] is --max-values N or --max-steps N (also with =), sets that limit for this run,
/// advancing i past its value, and returns true.
bool consumeLimit(const std::vector<std::string> &args, std::size_t &i)
{
    const std::string &arg = args[i];
    const std::size_t eq = arg.find('=');
    const std::string name = arg.substr(0, eq);
    if (name != "--max-values" && name != "--max-steps")
        return false;
    std::string value;
    if (eq != std::string::npos)
        value = arg.substr(eq + 1);
    else if (i + 1 < args.size())
        value = args[++i];
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    constexpr std::int64_t most = 1'000'000'000'000; // 4 TB of floats: beyond any machine
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || v < 1 ||
        v > most)
        throw CliError(name + ": \"" + value + "\" is not a whole number from 1 to 10\u00b9\u00b2");
    Limits limits = currentLimits();
    (name == "--max-values" ? limits.values : limits.steps) = v;
    setCurrentLimits(limits);
    return true;
}

} // namespace

std::string Args::required(std::string_view name, const std::string &what) const
{
    if (const auto v = value(name))
        return *v;
    throw CliError(command + ": missing " + std::string(name) + " " + what + " (see " +
                   programName + " help " + command + ")");
}

Args parseArgs(const std::string &command, const std::vector<std::string> &args,
               std::span<const Flag> flags)
{
    Args parsed;
    parsed.command = command;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg.front() != '-') {
            parsed.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (parsed.pool.consume(args, i)) {
            if (!parsed.pool.error().empty())
                throw CliError(parsed.pool.error());
            continue;
        }
        if (consumeLimit(args, i))
            continue;
        const std::size_t eq = arg.rfind("--", 0) == 0 ? arg.find('=') : std::string::npos;
        const std::string name = arg.substr(0, eq);
        const auto flag = std::find_if(flags.begin(), flags.end(), [&](const Flag &f) {
            return f.name == name || f.alias == name;
        });
        if (flag == flags.end())
            throw CliError("unknown option \"" + arg + "\" for " + command + " (see " +
                           programName + " help " + command + ")");
        const std::string canonical(flag->name);
        if (!flag->takesValue) {
            if (eq != std::string::npos)
                throw CliError(name + " takes no value (got \"" + arg.substr(eq + 1) + "\")");
            parsed.switches.insert(canonical);
            continue;
        }
        std::string value;
        if (eq != std::string::npos)
            value = arg.substr(eq + 1);
        else if (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0)
            value = args[++i];
        else
            throw CliError(name + ": missing value (" + std::string(flag->what) + ")");
        if (value.empty())
            throw CliError(name + ": empty value (" + std::string(flag->what) + ")");
        const auto [it, inserted] = parsed.values.emplace(canonical, value);
        if (!inserted)
            throw CliError(name + " given twice: \"" + it->second + "\" and \"" + value + "\"");
    }
    parsed.pool.finish();
    if (const auto threads = parsed.pool.threads())
        setThreadCount(*threads);
    if (!parsed.pool.error().empty())
        throw CliError(parsed.pool.error());
    return parsed;
}

std::string singleInput(const Args &args, const std::string &what)
{
    if (args.positional.empty())
        throw CliError(args.command + ": missing " + what + " (see " + programName + " help " +
                       args.command + ")");
    if (args.positional.size() > 1)
        throw CliError(args.command + ": takes one " + what + ", got " +
                       std::to_string(args.positional.size()) + " (\"" + args.positional[0] +
                       "\", \"" + args.positional[1] + "\", ...)");
    return args.positional.front();
}

std::optional<int> parseNumber(const std::string &s, int lo, int hi)
{
    int v = 0;
    if (s.empty() || s.size() > 9 || s.front() == '-' || s.front() == '+')
        return std::nullopt;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi)
        return std::nullopt;
    return v;
}

void checkParams(const PoolParams &params, const Tensor &input, const std::string &context)
{
    const Validation v = validate(params, input.h(), input.w(), input.planeCount());
    if (!v.ok())
        throw CliError(v.errorText());
    for (const Message &w : v.warnings)
        queueWarning(context.empty() ? w.text() : context + ": " + w.text());
}

} // namespace poolviz::cli

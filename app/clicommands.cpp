#include "clicommands.h"

#include "animationexport.h"
#include "clifiles.h"
#include "codegen.h"
#include "frameworks.h"
#include "pool.h"
#include "pooloptions.h"
#include "trace.h"

#include <QFile>
#include <QSize>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <new>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <system_error>

#include <unistd.h>

#ifndef POOLVIZ_VERSION
#define POOLVIZ_VERSION "0.0.0"
#endif

namespace poolviz::cli {

namespace {

namespace fs = std::filesystem;

const char *const programName = "poolviz-cli";

// ---------------------------------------------------------------------------------------------
// Help

const char *const overviewHelp =
    "usage: poolviz-cli COMMAND ARGUMENTS [options]\n"
    "\n"
    "Pools matrices, .npy arrays and images the way PyTorch does, headless.\n"
    "\n"
    "commands:\n"
    "  pool      INPUT... -o OUTPUT [options] [--indices IDX.npy]   pool files or folders\n"
    "  backward  INPUT --grad GRAD -o GRAD_INPUT [options]          the input gradient\n"
    "  unpool    POOLED --indices IDX.npy --output-size HxW -o OUTPUT  max- or average-unpool\n"
    "  animate   INPUT -o OUT.gif|OUT_DIR [options]                 the sliding window as "
    "frames\n"
    "  explain   --input-size HxW [options] [INPUT]                 what PyTorch, TensorFlow, "
    "ONNX\n"
    "                                                               and NumPy make of the "
    "options\n"
    "  code      --lang LANG [options] INPUT [-o SCRIPT.py]         a script that reproduces "
    "the pool\n"
    "  help [COMMAND]                                               this text, or a command's\n"
    "\n"
    "Files by extension: .npy (float32/float64/uint8/int32/int64, C order, rank 2-4), .csv/.txt\n"
    "(one 2-D matrix), or an image Qt reads (pooled per channel). Outputs are written in the\n"
    "format their extension names: .npy (float32, float64 for float64 input), .csv, .txt, png,\n"
    "jpg, bmp, tiff, webp...\n"
    "\n"
    "  -h, --help      show help (also: poolviz-cli help pool)\n"
    "  --version       show the version\n"
    "  --max-values N  refuse outputs above N values, all planes (default 100000000)\n"
    "  --max-steps N   refuse animations above N steps (default 10000)\n"
    "\n"
    "Errors print one line \"poolviz-cli: ...\" on stderr and exit with status 2; no output file "
    "is\n"
    "left behind. Warnings (\"poolviz-cli: warning: ...\") do not change the exit status 0.\n"
    "\n"
    "example:\n"
    "  poolviz-cli pool photo.png -o pooled.png --kernel 2\n";

const char *const explainHelp =
    "usage: poolviz-cli explain --input-size HxW [options]\n"
    "       poolviz-cli explain INPUT [options]\n"
    "\n"
    "For the pool options and an input size (or an input file, whose values then show which\n"
    "cells differ), says for PyTorch, TensorFlow/Keras, ONNX and NumPy: the layer with these\n"
    "settings under its argument names, whether it takes them as they are, needs a workaround\n"
    "or cannot express them, its output size, and where its numbers differ from PoolViz's.\n"
    "\n"
    "  --input-size HxW   the input's height and width (not needed with INPUT)\n"
    "\n"
    "example:\n"
    "  poolviz-cli explain --input-size 6x2 --mode lp --kernel 2x5 --stride 2x5 --ceil-mode\n";

const char *const codeHelp =
    "usage: poolviz-cli code --lang pytorch|tensorflow|numpy|onnx [options] INPUT [-o FILE.py]\n"
    "\n"
    "Prints (or writes to FILE.py) a short runnable Python script that pools INPUT with the\n"
    "options in that framework: the input as a literal (an image is loaded by its path), the\n"
    "layer with PoolViz's settings under the framework's argument names, the call, and PoolViz's\n"
    "own output beside it as the expected result. Workarounds (F.pad for asymmetric or SAME\n"
    "padding, min as -max(-x), ceil mode in TensorFlow) come with a one-line comment.\n"
    "\n"
    "  --lang LANG        pytorch, tensorflow, numpy or onnx\n"
    "  -o, --output FILE  write the script there (atomically) instead of printing it\n"
    "\n"
    "example:\n"
    "  poolviz-cli code --lang pytorch in.csv --kernel 2 --ceil-mode | python3\n";

const char *const poolHelp =
    "usage: poolviz-cli pool INPUT... -o OUTPUT [options] [--indices IDX.npy]\n"
    "\n"
    "Pools every (n, c) plane of INPUT and writes the result to OUTPUT.\n"
    "\n"
    "  INPUT                 .npy, .csv/.txt or an image          e.g. pool conv.csv -o out.csv\n"
    "  -o, --output OUTPUT   the result; its extension chooses the format  e.g. -o pooled.npy\n"
    "  --indices IDX.npy     max/min: also write PyTorch's argmax indices (int64, h*W + w)\n"
    "                        e.g. pool x.npy -o y.npy --kernel 3 --indices idx.npy\n"
    "  --verbose             print a summary line on stdout     e.g. --verbose\n"
    "\n"
    "batch: several inputs, or a folder (every readable file in it, sorted, not recursive):\n"
    "  -o OUTDIR/            write OUTDIR/<stem>_pooled.<ext> (created if needed)\n"
    "                        e.g. pool a.png b.jpg c.npy -o out/\n"
    "  --format EXT          write EXT instead of each input's format  e.g. --format png\n"
    "  --progress            print \"[i/n] INPUT -> OUTPUT\" per file on stderr (default: only\n"
    "                        when stderr is a terminal)          e.g. --progress\n"
    "  A bad file does not stop the others; the failures are listed at the end and the exit\n"
    "  status is 2 if any failed.\n"
    "\n";

const char *const backwardHelp =
    "usage: poolviz-cli backward INPUT --grad GRAD -o GRAD_INPUT [options]\n"
    "\n"
    "Writes the gradient of the pooling with respect to INPUT, given the gradient of its output:\n"
    "max/min put each output gradient at its argmax, avg spreads g/divisor over the window, lp\n"
    "uses its derivative; overlapping windows add up.\n"
    "\n"
    "  INPUT                 the forward input (.npy, .csv/.txt or image)\n"
    "  --grad GRAD           the output gradient, shaped like the pooled output  e.g. --grad "
    "g.npy\n"
    "  -o, --output FILE     the input gradient, shaped like INPUT    e.g. -o dx.npy\n"
    "  --verbose             print a summary line on stdout     e.g. --verbose\n"
    "\n"
    "example:\n"
    "  poolviz-cli backward x.csv --grad g.csv -o dx.csv --kernel 2 --stride 1\n"
    "\n";

const char *const unpoolHelp =
    "usage: poolviz-cli unpool POOLED --indices IDX.npy --output-size HxW -o OUTPUT\n"
    "       poolviz-cli unpool POOLED --mode avg [pool options] --output-size HxW -o OUTPUT\n"
    "\n"
    "Max-unpool (MaxUnpool2d, the default): scatters POOLED to the argmax indices written by\n"
    "`pool --indices` in a zero plane. Average-unpool (--mode avg): spreads each value evenly\n"
    "over its window of the pool options.\n"
    "\n"
    "  POOLED                the pooled values (.npy, .csv/.txt or image)\n"
    "  --indices IDX.npy     max: the int64 argmax indices, shaped like POOLED\n"
    "                        e.g. --indices idx.npy\n"
    "  --output-size HxW     the unpooled plane size               e.g. --output-size 6x6\n"
    "                        (default: (in-1)*stride - padding + kernel from the pool options)\n"
    "  --mode max|avg        max-unpool (default) or average-unpool  e.g. --mode avg --kernel 2\n"
    "  -o, --output FILE     the unpooled result                   e.g. -o unpooled.npy\n"
    "  --verbose             print a summary line on stdout     e.g. --verbose\n"
    "\n"
    "example:\n"
    "  poolviz-cli pool x.npy -o y.npy --kernel 3 --indices idx.npy\n"
    "  poolviz-cli unpool y.npy --indices idx.npy --output-size 6x6 -o x2.npy\n"
    "\n";

const char *const animateHelp =
    "usage: poolviz-cli animate INPUT -o OUT.gif|OUT_DIR [options]\n"
    "\n"
    "Draws one frame per step of the sliding window, exactly as the PoolViz stage shows it: an\n"
    "animated GIF when the output ends in .gif, otherwise a folder of frame_000.png...\n"
    "\n"
    "  INPUT                 the input (.npy, .csv/.txt or image)\n"
    "  -o, --output PATH     OUT.gif or a folder (created if needed)  e.g. -o steps.gif\n"
    "  --phase forward|backward  animate the forward pass (default) or the gradient flowing "
    "back\n"
    "                        e.g. --phase backward\n"
    "  --plane N             which (n, c) plane, n*C + c (default 0)  e.g. --plane 2\n"
    "  --grad GRAD           backward: the output gradient (default: ones)  e.g. --grad g.npy\n"
    "  --frame-ms MS         delay between frames, 10 to 60000 (default 700)  e.g. --frame-ms "
    "400\n"
    "  --size WxH            frame size in pixels (default: fit the stage)  e.g. --size 800x600\n"
    "  --verbose             print a summary line on stdout     e.g. --verbose\n"
    "\n"
    "example:\n"
    "  poolviz-cli animate conv.csv -o steps.gif --kernel 2 --stride 1\n"
    "\n";

// ---------------------------------------------------------------------------------------------
// Output

void warn(const std::string &message)
{
    printWarning(message);
}

/// Throws for validation errors and prints its warnings (prefixed with `context` if given).
void checkParams(const PoolParams &params, const Tensor &input, const std::string &context)
{
    const Validation v = validate(params, input.h(), input.w(), input.planeCount());
    if (!v.ok())
        throw CliError(v.errorText());
    for (const Message &w : v.warnings)
        warn(context.empty() ? w.text() : context + ": " + w.text());
}

std::string replaceAll(std::string s, const std::string &from, const std::string &to)
{
    if (from.empty())
        return s;
    for (std::size_t pos = s.find(from); pos != std::string::npos;
         pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
    return s;
}

/// A temporary file next to `path`: ".NAME.poolviz-PID.tmp".
std::string temporaryPathFor(const std::string &path)
{
    const fs::path p(path);
    return (p.parent_path() /
            ("." + p.filename().string() + ".poolviz-" + std::to_string(::getpid()) + ".tmp"))
        .string();
}

void removeQuietly(const std::string &path)
{
    std::error_code ec;
    fs::remove(path, ec);
}

/// Writes `values` to `output` and `indices` to `indicesPath`, both or neither: the indices go
/// to a temporary file first and are renamed into place after the output is written.
void writeWithIndices(const std::string &output, const Tensor &values, NpyType type,
                      const std::string &indicesPath, const IndexTensor &indices)
{
    const std::string tmp = temporaryPathFor(indicesPath);
    std::string error = writeNpyIndices(tmp, indices);
    if (!error.empty()) {
        removeQuietly(tmp);
        error = replaceAll(error, tmp, indicesPath);
        if (error.find(indicesPath) == std::string::npos)
            error = "cannot write --indices " + indicesPath + ": " + error;
        throw CliError(error);
    }
    try {
        writeData(output, values, type);
    } catch (...) {
        removeQuietly(tmp);
        throw;
    }
    std::error_code ec;
    fs::rename(tmp, indicesPath, ec);
    if (ec) {
        removeQuietly(tmp);
        // The output may already have replaced a file of the same name: deleting it now would
        // lose both, so it stays, and the message says so.
        throw CliError("cannot write --indices " + indicesPath + ": " + ec.message() + " (" +
                       output + " was written)");
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments

struct Flag
{
    std::string_view name;
    std::string_view alias;
    bool takesValue;
    std::string_view what; ///< the value, for "missing value" messages
};

const Flag outputFlag{"--output", "-o", true, "the output path"};
const Flag verboseFlag{"--verbose", "-v", false, ""};

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
    std::string required(std::string_view name, const std::string &what) const
    {
        if (const auto v = value(name))
            return *v;
        throw CliError(command + ": missing " + std::string(name) + " " + what + " (see " +
                       programName + " help " + command + ")");
    }
};

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

/// The single positional argument of a command that takes exactly one input.
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

/// A whole number in [lo, hi] or nullopt.
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

// ---------------------------------------------------------------------------------------------
// pool

/// Pools one file; returns the summary line. `context` prefixes warnings (batch: the input).
std::string poolFile(const std::string &input, const std::string &output,
                     const std::optional<std::string> &indicesPath, const PoolParams &params,
                     const std::string &context)
{
    checkOutputPath(output);
    if (indicesPath) {
        if (extensionOf(*indicesPath) != "npy")
            throw CliError("--indices " + *indicesPath +
                           ": the indices are written as int64 .npy (use IDX.npy)");
        if (!params.hasArgmax())
            throw CliError("--indices needs --mode max or min (" + modeName(params.mode) +
                           " pooling has no argmax)");
        if (fs::path(*indicesPath).lexically_normal() == fs::path(output).lexically_normal())
            throw CliError("--indices " + *indicesPath + " is the output file too");
    }
    const Data in = readData(input);
    checkParams(params, in.tensor, context);
    PoolResult result = guarded([&] { return forward(in.tensor, params); });
    result.values.setRank(in.tensor.rank());
    if (indicesPath) {
        result.indices.setRank(in.tensor.rank());
        writeWithIndices(output, result.values, in.type, *indicesPath, result.indices);
    } else {
        writeData(output, result.values, in.type);
    }
    return "pooled " + in.tensor.shapeString() + " \u2192 " + result.values.shapeString() + " (" +
           describe(params) + ")";
}

std::string joinDisplay(const std::string &dir, const std::string &name)
{
    if (dir.empty())
        return name;
    return dir.back() == '/' ? dir + name : dir + "/" + name;
}

int poolBatch(const Args &args, const std::string &outDir)
{
    if (args.has("--indices"))
        throw CliError("--indices works with one input and one output file, not with a batch");
    std::optional<std::string> format = args.value("--format");
    if (format) {
        if (!format->empty() && format->front() == '.')
            format->erase(0, 1);
        std::string lowerFormat = *format;
        std::transform(lowerFormat.begin(), lowerFormat.end(), lowerFormat.begin(),
                       [](unsigned char c) { return char(std::tolower(c)); });
        if (!isWritableExtension(lowerFormat))
            throw CliError("--format: \"" + *format +
                           "\" is not a format poolviz-cli writes (use " + writableExtensionList() +
                           ")");
    }

    // Every input in order; a folder contributes its readable files, sorted by name.
    std::vector<std::string> inputs;
    for (const std::string &input : args.positional) {
        std::error_code ec;
        if (!fs::is_directory(input, ec)) {
            inputs.push_back(input);
            continue;
        }
        std::vector<std::string> names;
        for (const fs::directory_entry &e : fs::directory_iterator(input, ec)) {
            const std::string name = e.path().filename().string();
            std::error_code fileEc;
            if (name.front() != '.' && e.is_regular_file(fileEc) &&
                isReadableExtension(extensionOf(name)))
                names.push_back(name);
        }
        if (ec)
            throw CliError("cannot list the folder " + input + ": " + ec.message());
        std::sort(names.begin(), names.end());
        for (const std::string &name : names)
            inputs.push_back(joinDisplay(input, name));
    }
    if (inputs.empty())
        throw CliError("pool: no readable files in " + args.positional.front() + " (use " +
                       writableExtensionList() + ")");

    std::error_code ec;
    if (fs::exists(outDir, ec) && !fs::is_directory(outDir, ec))
        throw CliError("-o " + outDir +
                       " is a file: with several inputs or a folder, -o names "
                       "the output folder");
    const bool created = !fs::exists(outDir, ec);
    if (created && !fs::create_directories(outDir, ec))
        throw CliError("cannot create the output folder " + outDir + ": " + ec.message());

    const bool progress = args.has("--progress") || ::isatty(STDERR_FILENO);
    const bool verbose = args.has("--verbose");
    std::vector<std::pair<std::string, std::string>> failures;
    std::map<std::string, std::string> written; // output → the input it came from
    const std::size_t total = inputs.size();
    for (std::size_t i = 0; i < total; ++i) {
        const std::string &input = inputs[i];
        const fs::path inPath(input);
        std::string ext = format ? *format : inPath.extension().string();
        if (!ext.empty() && ext.front() == '.')
            ext.erase(0, 1);
        const std::string name =
            inPath.stem().string() + "_pooled" + (ext.empty() ? std::string() : "." + ext);
        const std::string output = joinDisplay(outDir, name);
        if (progress)
            std::cerr << '[' << i + 1 << '/' << total << "] " << input << " \u2192 " << output
                      << '\n';
        try {
            const std::string key = fs::weakly_canonical(output, ec).string();
            if (const auto it = written.find(key); it != written.end())
                throw CliError("its output " + output + " was already written for " + it->second);
            const std::string summary =
                poolFile(input, output, std::nullopt, args.pool.params(), input);
            written.emplace(key, input);
            if (verbose)
                std::cout << input << ": " << summary << '\n';
        } catch (const CliError &e) {
            failures.emplace_back(input, oneLine(e.what()));
        }
    }
    if (created && failures.size() == total)
        fs::remove(outDir, ec); // nothing was written: leave nothing behind

    const std::size_t done = total - failures.size();
    if (failures.empty()) {
        if (progress)
            std::cerr << "pooled " << done << " of " << total << " files\n";
        return ExitOk;
    }
    std::cerr << "pooled " << done << " of " << total << " files; " << failures.size()
              << " failed:\n";
    for (const auto &[input, reason] : failures)
        std::cerr << "  " << input << ": " << reason << '\n';
    return ExitError;
}

int runPool(const std::vector<std::string> &rest)
{
    static const Flag flags[] = {outputFlag,
                                 verboseFlag,
                                 {"--indices", "", true, "the indices file IDX.npy"},
                                 {"--format", "", true, "an extension such as png or npy"},
                                 {"--progress", "", false, ""}};
    const Args args = parseArgs("pool", rest, flags);
    if (args.positional.empty())
        throw CliError("pool: missing INPUT (see poolviz-cli help pool)");
    const std::string output = args.required("--output", "OUTPUT (-o FILE or -o FOLDER/)");

    std::error_code ec;
    const bool batch = args.positional.size() > 1 ||
                       fs::is_directory(args.positional.front(), ec) || output.back() == '/' ||
                       fs::is_directory(output, ec);
    if (batch)
        return poolBatch(args, output);
    if (const auto format = args.value("--format"))
        throw CliError("--format " + *format +
                       " applies to batch output only (the extension of -o " + output +
                       " chooses the format)");
    const std::string summary =
        poolFile(args.positional.front(), output, args.value("--indices"), args.pool.params(), {});
    if (args.has("--verbose"))
        std::cout << summary << '\n';
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------
// backward

int runBackward(const std::vector<std::string> &rest)
{
    static const Flag flags[] = {
        outputFlag, verboseFlag, {"--grad", "", true, "the output gradient file"}};
    const Args args = parseArgs("backward", rest, flags);
    const std::string input = singleInput(args, "INPUT");
    const std::string gradPath = args.required("--grad", "GRAD (the output gradient)");
    const std::string output = args.required("--output", "GRAD_INPUT (-o FILE)");
    checkOutputPath(output);

    const PoolParams &params = args.pool.params();
    const Data in = readData(input);
    const Data grad = readData(gradPath, "--grad");
    checkParams(params, in.tensor, {});
    const Geometry geometry =
        guarded([&] { return computeGeometry(params, in.tensor.h(), in.tensor.w()); });
    const std::array<int, 4> pooledShape{in.tensor.n(), in.tensor.c(), geometry.outH(),
                                         geometry.outW()};
    if (!grad.tensor.sameShape(pooledShape))
        throw CliError("--grad has shape " + grad.tensor.shapeString() +
                       " but the pooled output is " + shapeString(pooledShape, in.tensor.rank()));
    Tensor gradInput = guarded([&] { return backward(in.tensor, params, grad.tensor); });
    gradInput.setRank(in.tensor.rank());
    writeData(output, gradInput, in.type);
    if (args.has("--verbose"))
        std::cout << "backward " << grad.tensor.shapeString() << " \u2192 "
                  << gradInput.shapeString() << " (" << describe(params) << ")\n";
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------
// unpool

int runUnpool(const std::vector<std::string> &rest)
{
    static const Flag flags[] = {outputFlag,
                                 verboseFlag,
                                 {"--indices", "", true, "the indices file IDX.npy"},
                                 {"--output-size", "", true, "HxW, e.g. 6x6"}};
    const Args args = parseArgs("unpool", rest, flags);
    const std::string input = singleInput(args, "POOLED");
    const std::string output = args.required("--output", "OUTPUT (-o FILE)");
    const PoolParams &params = args.pool.params();
    const bool max = params.hasArgmax();
    if (params.mode == PoolMode::Lp)
        throw CliError("unpool: --mode lp has no unpooling (use --mode max or avg)");
    if (max && !args.has("--indices"))
        throw CliError("unpool: --mode " + modeName(params.mode) +
                       " needs --indices IDX.npy (written by pool --indices)");
    if (!max && args.has("--indices"))
        throw CliError("--indices applies only to max unpooling (the mode is avg)");

    std::optional<Size2> size;
    if (const auto text = args.value("--output-size")) {
        size = PoolOptionParser::parseSize(*text);
        if (!size)
            throw CliError("--output-size: \"" + *text +
                           "\" is not a size \u2265 1 (use HxW, e.g. 6x6)");
    }
    checkOutputPath(output);
    const Data pooled = readData(input);
    if (!size) {
        // MaxUnpool2d's default: (in−1)·s − pb − pe + k, from explicit pool options.
        if (!args.pool.anyGiven() || params.isAdaptive() || params.isSame())
            throw CliError("unpool: missing --output-size HxW (or give --kernel, --stride and "
                           "explicit --padding for the default size)");
        const Size2 s = params.effectiveStride();
        const std::int64_t h = defaultUnpoolSize(pooled.tensor.h(), params.kernel.h, s.h,
                                                 params.padding.top, params.padding.bottom);
        const std::int64_t w = defaultUnpoolSize(pooled.tensor.w(), params.kernel.w, s.w,
                                                 params.padding.left, params.padding.right);
        if (h < 1 || w < 1)
            throw CliError("unpool: the default output size " + std::to_string(h) + "\u00d7" +
                           std::to_string(w) + " is empty (give --output-size HxW)");
        if (h > kMaxExtent || w > kMaxExtent)
            throw CliError("unpool: the default output size " + std::to_string(h) + "\u00d7" +
                           std::to_string(w) + " is beyond the largest supported size " +
                           std::to_string(kMaxExtent) + " (give --output-size HxW)");
        size = Size2{int(h), int(w)};
    }
    // Refused before anything is allocated: planes × H × W against the value limit.
    {
        const std::int64_t planes = pooled.tensor.planeCount();
        const std::int64_t values = saturatedMul(planes, saturatedMul(size->h, size->w));
        const Limits limits = currentLimits();
        if (values > limits.values) {
            const std::string hw = std::to_string(size->h) + "\u00d7" + std::to_string(size->w);
            const std::string exact =
                formatCount(double(planes) * size->h * size->w, double(limits.values));
            const std::string limit = formatCount(double(limits.values));
            throw CliError("unpool: " +
                           (planes == 1 ? Message{MessageId::OutputTooLarge, {hw, exact, limit}}
                                        : Message{MessageId::OutputPlanesTooLarge,
                                                  {std::to_string(planes), hw, exact, limit}})
                               .text());
        }
    }

    Tensor result;
    if (max) {
        const std::string indicesPath = *args.value("--indices");
        std::error_code ec;
        if (!fs::exists(indicesPath, ec))
            throw CliError("cannot read --indices " + indicesPath + ": no such file");
        IoResult<IndexTensor> indices = readNpyIndices(indicesPath);
        if (!indices.ok())
            throw CliError("cannot read --indices " + indicesPath + ": " +
                           reason(indices.error.toString(), indicesPath));
        if (!indices.value->sameShape(pooled.tensor.shape()))
            throw CliError("--indices has shape " + indices.value->shapeString() + " but " + input +
                           " has shape " + pooled.tensor.shapeString());
        result =
            guarded([&] { return maxUnpool(pooled.tensor, *indices.value, size->h, size->w); });
    } else {
        const Validation v = validate(params, size->h, size->w);
        if (!v.ok())
            throw CliError("--output-size " + std::to_string(size->h) + "\u00d7" +
                           std::to_string(size->w) + ": " + v.errorText());
        result = guarded([&] { return avgUnpool(pooled.tensor, params, size->h, size->w); });
    }
    result.setRank(pooled.tensor.rank());
    writeData(output, result, pooled.type);
    if (args.has("--verbose"))
        std::cout << "unpooled " << pooled.tensor.shapeString() << " \u2192 "
                  << result.shapeString() << " (" << (max ? "max" : "avg") << ")\n";
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------
// animate

int runAnimate(const std::vector<std::string> &rest)
{
    static const Flag flags[] = {outputFlag,
                                 verboseFlag,
                                 {"--phase", "", true, "forward or backward"},
                                 {"--plane", "", true, "a plane number n*C + c"},
                                 {"--grad", "", true, "the output gradient file"},
                                 {"--frame-ms", "", true, "milliseconds between frames"},
                                 {"--size", "", true, "WxH in pixels"}};
    const Args args = parseArgs("animate", rest, flags);
    const std::string input = singleInput(args, "INPUT");
    const std::string output = args.required("--output", "OUT.gif or OUT_DIR (-o PATH)");

    Phase phase = Phase::Forward;
    if (const auto p = args.value("--phase")) {
        if (*p == "backward")
            phase = Phase::Backward;
        else if (*p != "forward")
            throw CliError("--phase: \"" + *p + "\" is not a phase (use forward or backward)");
    }
    if (phase == Phase::Forward && args.has("--grad"))
        throw CliError("--grad applies only to --phase backward");
    int frameMs = 700;
    if (const auto ms = args.value("--frame-ms")) {
        const auto v = parseNumber(*ms, 10, 60000);
        if (!v)
            throw CliError("--frame-ms: \"" + *ms +
                           "\" is not a delay in milliseconds (use 10 to 60000)");
        frameMs = *v;
    }
    QSize frameSize;
    if (const auto text = args.value("--size")) {
        const auto s = PoolOptionParser::parseSize(*text, 16);
        if (!s || s->h > 8192 || s->w > 8192)
            throw CliError("--size: \"" + *text +
                           "\" is not a frame size (use WxH, each 16 to 8192, e.g. 800x600)");
        frameSize = QSize(s->h, s->w); // parseSize reads "AxB" as {A, B}; here A is the width
    }

    const std::string ext = extensionOf(output);
    const bool gif = ext == "gif";
    std::error_code ec;
    if (!gif && !ext.empty() && (isReadableExtension(ext) || isWritableExtension(ext)))
        throw CliError("animate: -o " + output +
                       " is neither a .gif nor a folder (use OUT.gif "
                       "or a folder for PNG frames)");
    if (!gif && fs::exists(output, ec) && !fs::is_directory(output, ec))
        throw CliError("animate: -o " + output + " exists and is not a folder");
    const bool folderExisted = !gif && fs::exists(output, ec);

    const Data in = readData(input);
    int plane = 0;
    if (const auto text = args.value("--plane")) {
        const int last = in.tensor.planeCount() - 1;
        const auto v = parseNumber(*text, 0, 1'000'000);
        if (!v || *v > last)
            throw CliError("--plane: \"" + *text + "\" is not a plane of " + input + " (" +
                           in.tensor.shapeString() + " has planes 0 to " + std::to_string(last) +
                           ")");
        plane = *v;
    }
    checkParams(args.pool.params(), in.tensor, {});
    const PoolParams &params = args.pool.params();

    Tensor upstream;
    if (const auto gradPath = args.value("--grad")) {
        const Data grad = readData(*gradPath, "--grad");
        const Geometry g =
            guarded([&] { return computeGeometry(params, in.tensor.h(), in.tensor.w()); });
        const std::array<int, 4> full{in.tensor.n(), in.tensor.c(), g.outH(), g.outW()};
        if (grad.tensor.sameShape(full))
            upstream = grad.tensor.planeTensor(plane / in.tensor.c(), plane % in.tensor.c());
        else if (grad.tensor.planeCount() == 1 && grad.tensor.h() == g.outH() &&
                 grad.tensor.w() == g.outW())
            upstream = grad.tensor.planeTensor(0, 0);
        else
            throw CliError("--grad has shape " + grad.tensor.shapeString() +
                           " but the pooled output is " + shapeString(full, in.tensor.rank()));
    }
    const Trace trace =
        guarded([&] { return makeTrace(in.tensor, params, phase, plane, upstream); });
    const QString error = exportAnimation(
        trace, QFile::decodeName(QByteArray::fromStdString(output)), frameMs, frameSize);
    if (!error.isEmpty()) {
        if (!gif && !folderExisted)
            fs::remove_all(output, ec);
        throw CliError(error.toStdString());
    }
    if (args.has("--verbose"))
        std::cout << "animated " << trace.steps.size() << ' '
                  << (phase == Phase::Forward ? "forward" : "backward")
                  << (trace.steps.size() == 1 ? " step" : " steps") << " of plane " << plane
                  << " \u2192 " << output << '\n';
    return ExitOk;
}

int runHelp(const std::vector<std::string> &rest)
{
    if (rest.size() > 1)
        throw CliError("help takes at most one command, got " + std::to_string(rest.size()));
    const std::string command = rest.empty() ? std::string() : rest.front();
    const std::string text = helpText(command);
    if (text.empty())
        throw CliError("help: unknown command \"" + command +
                       "\" (use pool, backward, unpool or animate)");
    std::cout << text;
    return ExitOk;
}

// ---------------------------------------------------------------------------------------------
// explain and code

int runExplain(const std::vector<std::string> &rest)
{
    static const Flag flags[] = {{"--input-size", "", true, "the input size HxW"}};
    const Args args = parseArgs("explain", rest, flags);
    if (args.positional.size() > 1)
        throw CliError("explain: takes at most one INPUT, got " +
                       std::to_string(args.positional.size()));
    std::optional<Data> data;
    if (!args.positional.empty())
        data = readData(args.positional.front());
    Size2 size;
    if (const auto text = args.value("--input-size")) {
        const auto parsed = PoolOptionParser::parseSize(*text);
        if (!parsed)
            throw CliError("--input-size: \"" + *text + "\" is not a size \u2265 1 (use HxW)");
        size = *parsed;
        if (data && (data->tensor.h() != size.h || data->tensor.w() != size.w))
            throw CliError("--input-size " + *text + " does not match the input's " +
                           std::to_string(data->tensor.h()) + "\u00d7" +
                           std::to_string(data->tensor.w()));
    } else if (data) {
        size = {data->tensor.h(), data->tensor.w()};
    } else {
        throw CliError("explain: missing --input-size HxW or INPUT (see poolviz-cli help explain)");
    }
    const PoolParams &params = args.pool.params();
    // Refused parameters: one line, exit 2. Warnings are part of the explanation below.
    if (const Validation v = validate(params, size.h, size.w); !v.ok())
        throw CliError(v.errorText());
    const auto answers = explainFrameworks(params, size.h, size.w, data ? &data->tensor : nullptr);
    std::cout << explainText(params, size.h, size.w, answers);
    return ExitOk;
}

int runCode(const std::vector<std::string> &rest)
{
    static const Flag flags[] = {outputFlag,
                                 {"--lang", "", true, "pytorch, tensorflow, numpy or onnx"}};
    const Args args = parseArgs("code", rest, flags);
    const std::string input = singleInput(args, "INPUT");
    const std::string langText =
        args.required("--lang", "LANG (pytorch, tensorflow, numpy or onnx)");
    const auto language = parseLanguage(langText);
    if (!language)
        throw CliError("--lang: \"" + langText +
                       "\" is not one of pytorch, tensorflow, numpy, onnx");
    const std::optional<std::string> output = args.value("--output");
    if (output && extensionOf(*output) != "py")
        throw CliError("code: the script " + *output + " must end in .py");
    const Data data = readData(input);
    checkParams(args.pool.params(), data.tensor, {});
    CodeInput in;
    in.values = data.tensor;
    if (data.kind == FileKind::Image)
        in.imagePath = fs::absolute(input).string();
    const std::string script =
        guarded([&] { return generateCode(*language, args.pool.params(), in); });
    if (!output) {
        std::cout << script;
        return ExitOk;
    }
    const std::string temp = temporaryPathFor(*output);
    {
        std::ofstream file(temp, std::ios::binary);
        file << script;
        file.close();
        if (!file) {
            removeQuietly(temp);
            throw CliError("cannot write " + *output);
        }
    }
    std::error_code ec;
    fs::rename(temp, *output, ec);
    if (ec) {
        removeQuietly(temp);
        throw CliError("cannot write " + *output + ": " + ec.message());
    }
    return ExitOk;
}

} // namespace

bool needsGui(const std::string &command)
{
    return command == "animate";
}

std::string helpText(const std::string &command)
{
    if (command.empty())
        return overviewHelp;
    std::string text;
    if (command == "pool")
        text = poolHelp;
    else if (command == "backward")
        text = backwardHelp;
    else if (command == "unpool")
        text = unpoolHelp;
    else if (command == "animate")
        text = animateHelp;
    else if (command == "explain")
        text = explainHelp;
    else if (command == "code")
        text = codeHelp;
    else
        return {};
    return text + PoolOptionParser::help();
}

int run(const std::vector<std::string> &args)
{
    try {
        if (args.empty())
            throw CliError(
                "missing command (use pool, backward, unpool, animate, explain, code or help; see "
                "--help)");
        const std::string &command = args.front();
        if (command == "--version" || command == "-V") {
            std::cout << programName << ' ' << POOLVIZ_VERSION << '\n';
            return ExitOk;
        }
        if (command == "--help" || command == "-h")
            return runHelp({});
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (command == "help")
            return runHelp(rest);
        if (!helpText(command).empty()) {
            const auto end = std::find(rest.begin(), rest.end(), "--");
            if (std::find(rest.begin(), end, "--help") != end ||
                std::find(rest.begin(), end, "-h") != end)
                return runHelp({command});
        }
        if (command == "pool")
            return runPool(rest);
        if (command == "backward")
            return runBackward(rest);
        if (command == "unpool")
            return runUnpool(rest);
        if (command == "animate")
            return runAnimate(rest);
        if (command == "explain")
            return runExplain(rest);
        if (command == "code")
            return runCode(rest);
        throw CliError("unknown command \"" + command +
                       "\" (use pool, backward, unpool, animate, explain, code or help)");
    } catch (const CliError &e) {
        std::cerr << programName << ": " << oneLine(e.what()) << '\n';
    } catch (const std::bad_alloc &) {
        std::cerr << programName << ": out of memory\n";
    } catch (const std::exception &e) {
        std::cerr << programName << ": " << oneLine(e.what()) << '\n';
    }
    return ExitError;
}

} // namespace poolviz::cli

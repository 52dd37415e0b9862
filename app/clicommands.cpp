// poolviz-cli's entry: the command table, help and the one place errors become a line on stderr.
// The commands themselves live one group per file (see cliargs.h).
#include "clicommands.h"

#include "cliargs.h"

#include <algorithm>
#include <iostream>
#include <new>

#ifndef POOLVIZ_VERSION
#define POOLVIZ_VERSION "0.0.0"
#endif

namespace poolviz::cli {

namespace {

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

/// Every command, in the order help and error messages list them.
const Command *const commands[] = {&poolCommand,    &backwardCommand, &unpoolCommand,
                                   &animateCommand, &explainCommand,  &codeCommand};

const Command *findCommand(const std::string &name)
{
    const auto it = std::find_if(std::begin(commands), std::end(commands),
                                 [&](const Command *c) { return name == c->name; });
    return it == std::end(commands) ? nullptr : *it;
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

} // namespace

bool needsGui(const std::string &command)
{
    const Command *c = findCommand(command);
    return c && c->needsGui;
}

std::string helpText(const std::string &command)
{
    if (command.empty())
        return overviewHelp;
    const Command *c = findCommand(command);
    return c ? c->help + PoolOptionParser::help() : std::string();
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
        if (const Command *c = findCommand(command)) {
            const auto end = std::find(rest.begin(), rest.end(), "--");
            if (std::find(rest.begin(), end, "--help") != end ||
                std::find(rest.begin(), end, "-h") != end)
                return runHelp({command});
            const int code = c->run(rest);
            flushWarnings();
            return code;
        }
        throw CliError("unknown command \"" + command +
                       "\" (use pool, backward, unpool, animate, explain, code or help)");
    } catch (const CliError &e) {
        dropWarnings();
        std::cerr << programName << ": " << oneLine(e.what()) << '\n';
    } catch (const std::bad_alloc &) {
        dropWarnings();
        std::cerr << programName << ": out of memory\n";
    } catch (const std::exception &e) {
        dropWarnings();
        std::cerr << programName << ": " << oneLine(e.what()) << '\n';
    }
    return ExitError;
}

} // namespace poolviz::cli

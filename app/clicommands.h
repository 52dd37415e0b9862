#pragma once

#include <string>
#include <vector>

namespace poolviz::cli {

/// Exit statuses of poolviz-cli.
enum ExitCode
{
    ExitOk = 0,
    ExitError = 2
};

/// True if `command` needs a QGuiApplication (it renders text with QPainter).
bool needsGui(const std::string &command);

/// Runs poolviz-cli with `args` (argv without the program name): dispatches to pool, backward,
/// unpool, animate or help; handles --help and --version. Errors print one line
/// "poolviz-cli: <message>" on stderr and return ExitError; nothing else is printed on stdout
/// unless --verbose or help was asked for.
int run(const std::vector<std::string> &args);

/// The help text of `command` ("" for the overview); empty if there is no such command.
std::string helpText(const std::string &command);

} // namespace poolviz::cli

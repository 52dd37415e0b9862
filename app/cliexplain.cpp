// poolviz-cli explain and code: what the frameworks make of the pool options, and a script that
// reproduces the pool in one of them.
#include "cliargs.h"

#include "codegen.h"
#include "frameworks.h"
#include "pool.h"

#include <filesystem>
#include <iostream>
#include <system_error>

namespace poolviz::cli {

namespace {

namespace fs = std::filesystem;

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
            throw CliError("--input-size: \"" + *text +
                           "\" is not a size from 1 to 1000000 per side (use HxW)");
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
    if (const WriteError e = writeFileAtomically(*output, script); !e.empty())
        throw CliError(e.text());
    return ExitOk;
}

} // namespace

const Command explainCommand{"explain", explainHelp, runExplain};
const Command codeCommand{"code", codeHelp, runCode};

} // namespace poolviz::cli

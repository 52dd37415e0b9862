// poolviz-cli pool, backward and unpool: the computations that read files and write files.
#include "cliargs.h"

#include "pool.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>
#include <system_error>

#include <unistd.h>

namespace poolviz::cli {

namespace {

namespace fs = std::filesystem;

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

/// Writes `values` to `output` and `indices` to `indicesPath`, both or neither: the indices are
/// staged in a temporary file first (see StagedFile) and renamed into place after the output is
/// written.
void writeWithIndices(const std::string &output, const Tensor &values, NpyType type,
                      const std::string &indicesPath, const IndexTensor &indices)
{
    StagedFile staged;
    std::string error;
    try {
        error = staged.stage(indicesPath, npyIndexBytes(indices));
    } catch (const std::bad_alloc &) {
        error = Message{MessageId::FileWriteNoMemory, {indicesPath}, 1}.text();
    }
    if (!error.empty())
        throw CliError(error.find(indicesPath) == std::string::npos
                           ? "cannot write --indices " + indicesPath + ": " + error
                           : error);
    writeData(output, values, type); // on failure the staged indices go with `staged`
    if (const std::string late = staged.commit(); !late.empty()) {
        // The output may already have replaced a file of the same name: deleting it now would
        // lose both, so it stays, and the message says so.
        throw CliError(late + " (" + output + " was written)");
    }
}

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
        if (const WriteError e = outputTargetError(*indicesPath); !e.empty())
            throw CliError("--indices: " + e.text());
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
    flushWarnings(); // the options' own: every file is pooled with them
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
            flushWarnings(); // this file's, beside its progress line
        } catch (const CliError &e) {
            dropWarnings(); // a file that failed reports its error alone, in the list below
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
                           "\" is not a size from 1 to 1000000 per side (use HxW, e.g. 6x6)");
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
        checkInputFile(indicesPath, "--indices " + indicesPath);
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

} // namespace

const Command poolCommand{"pool", poolHelp, runPool};
const Command backwardCommand{"backward", backwardHelp, runBackward};
const Command unpoolCommand{"unpool", unpoolHelp, runUnpool};

} // namespace poolviz::cli

// poolviz-cli animate: the sliding window drawn frame by frame, as a GIF or a folder of PNGs.
#include "cliargs.h"

#include "animationexport.h"
#include "pool.h"
#include "trace.h"
#include "unpooltrace.h"

#include <QFile>
#include <QSize>

#include <filesystem>
#include <iostream>
#include <system_error>

namespace poolviz::cli {

namespace {

namespace fs = std::filesystem;

const char *const animateHelp =
    "usage: poolviz-cli animate INPUT -o OUT.gif|OUT_DIR [options]\n"
    "\n"
    "Draws one frame per step of the sliding window, exactly as the PoolViz stage shows it: an\n"
    "animated GIF when the output ends in .gif, otherwise a folder of frame_000.png...\n"
    "\n"
    "  INPUT                 the input (.npy, .csv/.txt or image)\n"
    "  -o, --output PATH     OUT.gif or a folder (created if needed)  e.g. -o steps.gif\n"
    "  --phase forward|backward|unpool  the forward pass (default), the gradient flowing "
    "back,\n"
    "                        or the pooled values put back where they came from (as the\n"
    "                        Unpool view)  e.g. --phase unpool\n"
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

int runAnimate(const std::vector<std::string> &rest)
{
    static const Flag flags[] = {outputFlag,
                                 verboseFlag,
                                 {"--phase", "", true, "forward, backward or unpool"},
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
        else if (*p == "unpool")
            phase = Phase::Unpool;
        else if (*p != "forward")
            throw CliError("--phase: \"" + *p +
                           "\" is not a phase (use forward, backward or unpool)");
    }
    if (phase != Phase::Backward && args.has("--grad"))
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
    if (gif)
        if (const WriteError e = outputTargetError(output); !e.empty())
            throw CliError("animate: " + e.text());
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
    // The unpool phase is the GUI's Unpool view: each pooled value put back at its argmax
    // (max, min) or spread over its window (average, Lp).
    const Trace trace = guarded([&] {
        return phase == Phase::Unpool ? makeUnpoolTrace(in.tensor, params, plane)
                                      : makeTrace(in.tensor, params, phase, plane, upstream);
    });
    const QString error = exportAnimation(
        trace, QFile::decodeName(QByteArray::fromStdString(output)), frameMs, frameSize);
    if (!error.isEmpty()) {
        if (!gif && !folderExisted)
            fs::remove_all(output, ec);
        throw CliError(error.toStdString());
    }
    if (args.has("--verbose"))
        std::cout << "animated " << trace.steps.size() << ' '
                  << (phase == Phase::Forward    ? "forward"
                      : phase == Phase::Backward ? "backward"
                                                 : "unpool")
                  << (trace.steps.size() == 1 ? " step" : " steps") << " of plane " << plane
                  << " \u2192 " << output << '\n';
    return ExitOk;
}

} // namespace

const Command animateCommand{"animate", animateHelp, runAnimate, true};

} // namespace poolviz::cli

#include "clifiles.h"

#include "imageio.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPixelFormat>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace poolviz::cli {

namespace {

namespace fs = std::filesystem;

/// Sends stderr to /dev/null while alive (the CLI is single-threaded when it loads a file).
class QuietStderr
{
public:
    QuietStderr()
    {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (m_saved >= 0 && null >= 0)
            ::dup2(null, STDERR_FILENO);
        if (null >= 0)
            ::close(null);
    }
    ~QuietStderr()
    {
        std::fflush(stderr);
        if (m_saved >= 0) {
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
        }
    }
    QuietStderr(const QuietStderr &) = delete;
    QuietStderr &operator=(const QuietStderr &) = delete;

private:
    int m_saved = -1;
};

QString qPath(const std::string &path)
{
    return QFile::decodeName(QByteArray::fromStdString(path));
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool contains(const QList<QByteArray> &formats, const std::string &ext)
{
    return !ext.empty() && formats.contains(QByteArray::fromStdString(ext));
}

bool isDataExtension(const std::string &ext)
{
    return ext == "npy" || ext == "csv" || ext == "txt";
}

std::string withRole(const std::string &role, const std::string &path)
{
    return role.empty() ? path : role + " " + path;
}

std::string readableExtensionList()
{
    std::string list = "npy, csv, txt";
    for (const QByteArray &f : QImageReader::supportedImageFormats())
        list += ", " + f.toStdString();
    return list;
}

} // namespace

/// The reader's message without the file name (`"in.npy": …`, `… (in "in.csv")`,
/// `cannot read image "in.png": …`, `cannot load "in.png": …`), since "cannot read in.npy: "
/// names it already.
std::string reason(std::string message, const std::string &path)
{
    const std::string name = "\"" + path + "\"";
    for (const std::string &pattern :
         {"cannot read image " + name + ": ", "cannot load " + name + ": ", name + ": ",
          " (in " + name + ")"}) {
        for (std::size_t at = message.find(pattern); at != std::string::npos;
             at = message.find(pattern, at))
            message.erase(at, pattern.size());
    }
    return message.empty() ? "unreadable" : message;
}

std::string extensionOf(const std::string &path)
{
    const fs::path p(path);
    std::string ext = p.extension().string();
    if (!ext.empty() && ext.front() == '.')
        ext.erase(0, 1);
    return lower(ext);
}

bool isReadableExtension(const std::string &ext)
{
    return isDataExtension(ext) || contains(QImageReader::supportedImageFormats(), ext);
}

bool isWritableExtension(const std::string &ext)
{
    return isDataExtension(ext) || contains(QImageWriter::supportedImageFormats(), ext);
}

std::string writableExtensionList()
{
    std::string list = "npy, csv, txt";
    for (const QByteArray &f : QImageWriter::supportedImageFormats())
        list += ", " + f.toStdString();
    return list;
}

static FileKind dataKind(const std::string &ext)
{
    if (ext == "npy")
        return FileKind::Npy;
    if (ext == "csv")
        return FileKind::Csv;
    if (ext == "txt")
        return FileKind::Text;
    return FileKind::Unknown;
}

FileKind readKind(const std::string &path)
{
    const std::string ext = extensionOf(path);
    if (isDataExtension(ext))
        return dataKind(ext);
    return contains(QImageReader::supportedImageFormats(), ext) ? FileKind::Image
                                                                : FileKind::Unknown;
}

FileKind writeKind(const std::string &path)
{
    const std::string ext = extensionOf(path);
    if (isDataExtension(ext))
        return dataKind(ext);
    return contains(QImageWriter::supportedImageFormats(), ext) ? FileKind::Image
                                                                : FileKind::Unknown;
}

std::string shapeString(const std::array<int, 4> &shape, int rank)
{
    std::string s;
    for (int i = 4 - rank; i < 4; ++i) {
        if (i > 4 - rank)
            s += "\u00d7";
        s += std::to_string(shape[std::size_t(i)]);
    }
    return s;
}

void checkInputFile(const std::string &path, const std::string &name)
{
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status))
        throw CliError("cannot read " + name + ": no such file");
    if (fs::is_directory(status))
        throw CliError("cannot read " + name + ": it is a folder, not a file");
    // Opening a named pipe waits for a writer: refused, as the window refuses it. (Devices
    // such as /dev/zero open at once; the readers' size limits stop them.)
    if (fs::is_fifo(status) || fs::is_socket(status))
        throw CliError("cannot read " + name +
                       ": it is a pipe or socket, not a regular file, which could keep "
                       "poolviz-cli waiting forever");
}

Data readData(const std::string &path, const std::string &role)
{
    const std::string name = withRole(role, path);
    checkInputFile(path, name);

    Data data;
    data.kind = readKind(path);
    switch (data.kind) {
    case FileKind::Npy:
    case FileKind::Csv:
    case FileKind::Text: {
        IoResult<MatrixFile> r = readMatrixFile(path);
        if (!r.ok())
            throw CliError("cannot read " + name + ": " + reason(r.error.toString(), path));
        for (const IoError &w : r.warnings)
            queueWarning(name + ": " + reason(w.toString(), path));
        data.tensor = std::move(r.value->tensor);
        if (r.value->npyType == NpyType::Float64)
            data.type = NpyType::Float64;
        break;
    }
    case FileKind::Image: {
        // Grayscale files become one (H, W) plane, images with alpha keep it as a fourth plane.
        const QString file = qPath(path);
        ImageLoadOptions options;
        options.autoChannels = true;
        // libpng prints its errors straight to stderr; the one-line message below says it all.
        const LoadedImage image = [&] {
            const QuietStderr quiet;
            return loadImage(file, options);
        }();
        if (!image.ok())
            throw CliError("cannot read " + name + ": " + reason(image.error.toStdString(), path));
        for (const QString &w : image.warnings)
            queueWarning(w.toStdString());
        data.tensor = image.tensor;
        data.tensor.setRank(data.tensor.planeCount() == 1 ? 2 : 3);
        break;
    }
    case FileKind::Unknown: {
        const std::string ext = extensionOf(path);
        throw CliError("cannot read " + name + ": " +
                       (ext.empty() ? std::string("no extension") : "unknown extension ." + ext) +
                       " (use " + readableExtensionList() + ")");
    }
    }
    if (data.tensor.empty())
        throw CliError("cannot read " + name + ": it holds no values (shape " +
                       data.tensor.shapeString() + ")");
    return data;
}

void checkOutputPath(const std::string &path, const std::string &role)
{
    if (writeKind(path) != FileKind::Unknown) {
        // A rename onto /dev/full or a FIFO would put a regular file in its place.
        if (const WriteError e = outputTargetError(path); !e.empty())
            throw CliError(e.text());
        return;
    }
    const std::string ext = extensionOf(path);
    throw CliError("cannot write " + withRole(role, path) + ": " +
                   (ext.empty() ? std::string("no extension") : "unknown extension ." + ext) +
                   " (use " + writableExtensionList() + ")");
}

void writeData(const std::string &path, const Tensor &t, NpyType type)
{
    checkOutputPath(path);
    std::string error;
    switch (writeKind(path)) {
    case FileKind::Npy:
        error = writeNpy(path, t, type == NpyType::Float64 ? NpyType::Float64 : NpyType::Float32);
        break;
    case FileKind::Csv:
    case FileKind::Text:
        if (t.planeCount() != 1)
            throw CliError("cannot write " + t.shapeString() + " to " + path + ": a ." +
                           extensionOf(path) + " file holds one 2-D matrix (use .npy)");
        if (writeKind(path) == FileKind::Csv)
            error = writeCsv(path, t);
        else
            error = writeFileAtomically(path, formatMatrixText(t.planeTensor(0, 0), ' '));
        break;
    case FileKind::Image: {
        if (t.n() != 1 || (t.c() != 1 && t.c() != 3 && t.c() != 4))
            throw CliError("cannot write " + t.shapeString() + " as an image to " + path +
                           ": an image needs 1, 3 or 4 channels (use .npy)");
        const QImage image = tensorToImage(t);
        if (image.isNull())
            throw CliError("cannot write " + path + ": cannot make a " + t.shapeString() +
                           " image");
        error = saveImage(image, qPath(path)).toStdString();
        break;
    }
    case FileKind::Unknown:
        break;
    }
    if (error.empty())
        return;
    // The writers usually name the file already; make sure the message does.
    if (error.find(path) == std::string::npos)
        error = "cannot write " + path + ": " + error;
    throw CliError(error);
}

namespace {

/// The length of the well-formed UTF-8 sequence at `s[i]` (1–4), or 0 if there is none there
/// (a stray continuation byte, a cut sequence, an overlong form, a surrogate, above U+10FFFF).
std::size_t utf8SequenceLength(const std::string &s, std::size_t i)
{
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    if (c < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xbf; // the allowed range of the second byte
    if (c >= 0xc2 && c <= 0xdf) {
        n = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        lo = c == 0xe0 ? 0xa0 : 0x80;
        hi = c == 0xed ? 0x9f : 0xbf;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        lo = c == 0xf0 ? 0x90 : 0x80;
        hi = c == 0xf4 ? 0x8f : 0xbf;
    } else {
        return 0;
    }
    if (i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (at(i + k) < 0x80 || at(i + k) > 0xbf)
            return 0;
    return n;
}

} // namespace

std::string oneLine(std::string message)
{
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(message.size());
    for (std::size_t i = 0; i < message.size();) {
        const auto c = static_cast<unsigned char>(message[i]);
        const std::size_t n = utf8SequenceLength(message, i);
        if (c == '\n' || c == '\r') {
            out += ' ';
        } else if (c < 0x20 || c == 0x7f || n == 0) {
            // Control characters and bytes that are not UTF-8 (a Latin-1 file's "\xe9") are
            // shown as \xNN, so the line is one line of valid text on any terminal.
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out.append(message, i, n);
            i += n;
            continue;
        }
        ++i;
    }
    return out;
}

namespace {

std::vector<std::string> &queuedWarnings()
{
    static std::vector<std::string> warnings;
    return warnings;
}

} // namespace

void queueWarning(const std::string &message)
{
    queuedWarnings().push_back("poolviz-cli: warning: " + oneLine(message));
}

void flushWarnings()
{
    for (const std::string &w : queuedWarnings())
        std::cerr << w << '\n';
    queuedWarnings().clear();
}

void dropWarnings()
{
    queuedWarnings().clear();
}

} // namespace poolviz::cli

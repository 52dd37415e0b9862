#include "matrixfile.h"

#include "sizelimits.h"

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <new>
#include <random>
#include <system_error>

namespace poolviz {

namespace {

std::string osError(int error)
{
    return std::generic_category().message(error);
}

/// How a file is read: a text matrix, or a .npy array.
enum class FileRole
{
    Text,
    Npy
};

/// Reads a whole file; returns an error message naming the path and the OS reason. A file
/// larger than PoolViz reads is refused as it is read, so that a link to /dev/zero cannot grow
/// until memory runs out: text above 128 MiB (about 10⁷ numbers), a .npy above 8 bytes per value
/// at the value limit; a .npy whose first bytes are not the magic string stops at once (the
/// parser then says what it is).
std::string readFile(const std::string &path, std::string &bytes, FileRole role)
{
    errno = 0;
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return "cannot read \"" + path + "\": " + osError(errno ? errno : ENOENT);
    bytes.clear();
    const std::size_t cap =
        role == FileRole::Text
            ? std::size_t(128) << 20
            : std::size_t(saturatedMul(currentLimits().values, 8)) + (std::size_t(1) << 20);
    char buffer[1 << 16];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        if (bytes.size() + n > cap) {
            std::fclose(f);
            bytes.clear();
            return "\"" + path + "\": the file is larger than " +
                   (role == FileRole::Text
                        ? std::string("128 MiB, more than PoolViz reads as text (save large "
                                      "arrays as .npy)")
                        : std::to_string(cap) + " bytes, more than an array of at most " +
                              formatCount(double(currentLimits().values)) +
                              " values (the limit) needs");
        }
        bytes.append(buffer, n);
        if (role == FileRole::Npy && bytes.size() >= 6 && bytes.compare(0, 6, "\x93NUMPY") != 0)
            break;
    }
    const int error = std::ferror(f) ? (errno ? errno : EIO) : 0;
    std::fclose(f);
    if (error)
        return "cannot read \"" + path + "\": " + osError(error);
    return {};
}

/// Adds the file's name to a parse error: after the message when it has a line, else before.
IoError inFile(IoError e, const std::string &path)
{
    if (e.line > 0)
        e.message += " (in \"" + path + "\")";
    else
        e.message = "\"" + path + "\": " + e.message;
    return e;
}

/// Reads `path` and parses its bytes with `parse`; the error and warnings name the file.
template <class T>
IoResult<T> readParsed(const std::string &path, FileRole role,
                       IoResult<T> (*parse)(const std::string &))
{
    IoResult<T> result;
    std::string bytes;
    if (std::string error = readFile(path, bytes, role); !error.empty()) {
        result.error.message = std::move(error);
        return result;
    }
    result = parse(bytes);
    if (!result.ok())
        result.error = inFile(result.error, path);
    for (std::string &w : result.warnings)
        w = "\"" + path + "\": " + w;
    return result;
}

} // namespace

IoResult<Tensor> readCsv(const std::string &path)
{
    IoResult<Tensor> result = readParsed(path, FileRole::Text, parseMatrixText);
    if (result.ok() && result.value->rank() != 2) {
        result.error.message = "\"" + path + "\" holds a " + result.value->shapeString() +
                               " array; a CSV file holds one 2-D matrix";
        result.value.reset();
    }
    return result;
}

std::string writeCsv(const std::string &path, const Tensor &t)
{
    if (t.planeCount() == 0)
        return "cannot write \"" + path + "\": the tensor " + t.shapeString() + " has no plane";
    try {
        return writeFileAtomically(path, formatMatrixText(t, ','));
    } catch (const std::bad_alloc &) {
        return "cannot write \"" + path + "\": not enough memory";
    }
}

IoResult<NpyArray> readNpy(const std::string &path)
{
    return readParsed(path, FileRole::Npy, parseNpy);
}

IoResult<IndexTensor> readNpyIndices(const std::string &path)
{
    return readParsed(path, FileRole::Npy, parseNpyIndices);
}

std::string writeNpy(const std::string &path, const Tensor &t, NpyType type)
{
    try {
        return writeFileAtomically(path, npyBytes(t, type));
    } catch (const std::bad_alloc &) {
        return "cannot write \"" + path + "\": not enough memory";
    }
}

std::string writeNpyIndices(const std::string &path, const IndexTensor &t)
{
    try {
        return writeFileAtomically(path, npyIndexBytes(t));
    } catch (const std::bad_alloc &) {
        return "cannot write \"" + path + "\": not enough memory";
    }
}

IoResult<MatrixFile> readMatrixFile(const std::string &path)
{
    IoResult<MatrixFile> result;
    MatrixFile file;
    std::string ext = std::filesystem::path(path).extension().string();
    for (char &c : ext)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".npy") {
        IoResult<NpyArray> r = readNpy(path);
        result.error = std::move(r.error);
        result.warnings = std::move(r.warnings);
        if (!r.ok())
            return result;
        file.tensor = std::move(r.value->tensor);
        file.npyType = r.value->type;
    } else {
        IoResult<Tensor> r = readCsv(path);
        result.error = std::move(r.error);
        if (!r.ok())
            return result;
        file.tensor = std::move(*r.value);
    }
    if (file.tensor.empty()) {
        result.error.message =
            "\"" + path + "\": it holds no values (shape " + file.tensor.shapeString() + ")";
        result.warnings.clear();
        return result;
    }
    result.value = std::move(file);
    return result;
}

std::string writeFileAtomically(const std::string &path, const std::string &bytes)
{
    namespace fs = std::filesystem;
    if (path.empty())
        return "cannot write a file with an empty name";
    try {
        const fs::path target(path);
        const std::string name = target.filename().string();
        if (name.empty() || name == "." || name == "..")
            return "cannot write \"" + path + "\": it names a folder, not a file";
        // A name no one else uses: ".NAME.XXXXXXXX.tmp" in the same folder, created exclusively.
        static std::atomic<unsigned> counter{0};
        std::mt19937 gen(unsigned(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                         (counter.fetch_add(1) * 2654435761u));
        std::FILE *f = nullptr;
        fs::path temp;
        for (int attempt = 0; attempt < 100 && !f; ++attempt) {
            char suffix[16];
            std::snprintf(suffix, sizeof suffix, "%08x", unsigned(gen()));
            temp = target.parent_path() / ("." + name + "." + suffix + ".tmp");
            errno = 0;
            f = std::fopen(temp.c_str(), "wbx");
            if (!f && errno != EEXIST)
                return "cannot write \"" + path + "\": " + osError(errno ? errno : EIO);
        }
        if (!f)
            return "cannot write \"" + path + "\": no free temporary file name in its folder";
        errno = 0;
        const bool written =
            std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
        int error = written ? 0 : (errno ? errno : EIO);
        if (std::fclose(f) != 0 && error == 0)
            error = errno ? errno : EIO;
        std::error_code ec;
        if (error != 0) {
            fs::remove(temp, ec);
            return "cannot write \"" + path + "\": " + osError(error);
        }
        fs::rename(temp, target, ec);
        if (ec) {
            std::error_code ignored;
            fs::remove(temp, ignored);
            return "cannot write \"" + path + "\": " + ec.message();
        }
        return {};
    } catch (const std::exception &e) {
        return "cannot write \"" + path + "\": " + e.what();
    }
}

Tensor randomIntegers(int h, int w, int lo, int hi, unsigned seed)
{
    if (hi < lo)
        std::swap(lo, hi);
    // Not std::uniform_int_distribution: its algorithm differs between standard libraries.
    std::mt19937 gen(seed);
    const std::uint64_t range = std::uint64_t(std::int64_t(hi) - std::int64_t(lo)) + 1;
    Tensor t = Tensor::matrix(h, w);
    for (float &v : t.data())
        v = float(std::int64_t(lo) + std::int64_t(std::uint64_t(gen()) % range));
    return t;
}

} // namespace poolviz

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
#include <optional>
#include <random>
#include <system_error>

namespace poolviz {

namespace {

std::string osError(int error)
{
    return std::generic_category().message(error);
}

/// "cannot read "path": reason" for the OS error `error`.
IoError cannotRead(const std::string &path, int error)
{
    return IoError{{MessageId::FileCannotRead, {path, osError(error)}, 3}};
}

/// How a file is read: a text matrix, or a .npy array.
enum class FileRole
{
    Text,
    Npy
};

/// Reads a whole file; returns an error naming the path and the OS reason. A file
/// larger than PoolViz reads is refused as it is read, so that a link to /dev/zero cannot grow
/// until memory runs out: text above 128 MiB (about 10⁷ numbers), a .npy above 8 bytes per value
/// at the value limit; a .npy whose first bytes are not the magic string stops at once (the
/// parser then says what it is).
std::optional<IoError> readFile(const std::string &path, std::string &bytes, FileRole role)
{
    errno = 0;
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return cannotRead(path, errno ? errno : ENOENT);
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
            IoError e;
            e.file = path;
            e.message =
                role == FileRole::Text
                    ? Message{MessageId::FileTextTooLarge, {}}
                    : Message{MessageId::FileNpyTooLarge,
                              {std::to_string(cap), formatCount(double(currentLimits().values))}};
            return e;
        }
        bytes.append(buffer, n);
        if (role == FileRole::Npy && bytes.size() >= 6 && bytes.compare(0, 6, "\x93NUMPY") != 0)
            break;
    }
    const int error = std::ferror(f) ? (errno ? errno : EIO) : 0;
    std::fclose(f);
    if (error)
        return cannotRead(path, error);
    return {};
}

/// Reads `path` and parses its bytes with `parse`; the error and warnings name the file.
template <class T>
IoResult<T> readParsed(const std::string &path, FileRole role,
                       IoResult<T> (*parse)(const std::string &))
{
    IoResult<T> result;
    std::string bytes;
    if (std::optional<IoError> error = readFile(path, bytes, role)) {
        result.error = std::move(*error);
        return result;
    }
    result = parse(bytes);
    if (!result.ok())
        result.error.file = path;
    for (IoError &w : result.warnings)
        w.file = path;
    return result;
}

} // namespace

IoResult<Tensor> readCsv(const std::string &path)
{
    IoResult<Tensor> result = readParsed(path, FileRole::Text, parseMatrixText);
    if (result.ok() && result.value->rank() != 2) {
        result.error.message = {MessageId::FileCsvRank, {path, result.value->shapeString()}, 1};
        result.value.reset();
    }
    return result;
}

WriteError writeCsv(const std::string &path, const Tensor &t)
{
    if (t.planeCount() == 0)
        return {Message{MessageId::FileWriteNoPlane, {path, t.shapeString()}, 1}};
    try {
        return writeFileAtomically(path, formatMatrixText(t, ','));
    } catch (const std::bad_alloc &) {
        return {Message{MessageId::FileWriteNoMemory, {path}, 1}};
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

WriteError writeNpy(const std::string &path, const Tensor &t, NpyType type)
{
    try {
        return writeFileAtomically(path, npyBytes(t, type));
    } catch (const std::bad_alloc &) {
        return {Message{MessageId::FileWriteNoMemory, {path}, 1}};
    }
}

WriteError writeNpyIndices(const std::string &path, const IndexTensor &t)
{
    try {
        return writeFileAtomically(path, npyIndexBytes(t));
    } catch (const std::bad_alloc &) {
        return {Message{MessageId::FileWriteNoMemory, {path}, 1}};
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
        result.error = IoError{{MessageId::FileNoValues, {file.tensor.shapeString()}}, 0, 0, path};
        result.warnings.clear();
        return result;
    }
    result.value = std::move(file);
    return result;
}

WriteError writeFileAtomically(const std::string &path, const std::string &bytes)
{
    StagedFile file;
    if (WriteError e = file.stage(path, bytes); !e.empty())
        return e;
    return file.commit();
}

StagedFile::~StagedFile()
{
    if (!m_temp.empty()) {
        std::error_code ignored;
        std::filesystem::remove(m_temp, ignored);
    }
}

WriteError StagedFile::stage(const std::string &path, const std::string &bytes)
{
    namespace fs = std::filesystem;
    const auto cannotWrite = [&path](std::string reason) {
        return WriteError{Message{MessageId::FileCannotWrite, {path, std::move(reason)}, 3}};
    };
    if (!m_temp.empty())
        return cannotWrite("a file is already staged");
    if (path.empty())
        return {Message{MessageId::FileWriteEmptyName, {}}};
    try {
        if (WriteError e = outputTargetError(path); !e.empty())
            return e;
        fs::path target(path);
        const std::string name = target.filename().string();
        if (name.empty() || name == "." || name == "..")
            return {Message{MessageId::FileWriteFolder, {path}, 1}};
        // Through symbolic links (a dangling one too): replace the file they end at, keep them.
        std::error_code linkEc;
        for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(target, linkEc));
             ++hops) {
            const fs::path next = fs::read_symlink(target, linkEc);
            if (linkEc)
                break;
            target = next.is_absolute() ? next : target.parent_path() / next;
        }
        // A name no one else uses: ".NAME.XXXXXXXX.tmp" in the same folder, created exclusively
        // ("x": never through an existing name or link).
        static std::atomic<unsigned> counter{0};
        std::mt19937 gen(unsigned(std::chrono::steady_clock::now().time_since_epoch().count()) ^
                         (counter.fetch_add(1) * 2654435761u));
        std::FILE *f = nullptr;
        fs::path temp;
        for (int attempt = 0; attempt < 100 && !f; ++attempt) {
            char suffix[16];
            std::snprintf(suffix, sizeof suffix, "%08x", unsigned(gen()));
            // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on "." + string&&.
            std::string tempName = ".";
            tempName += target.filename().string();
            tempName += '.';
            tempName += suffix;
            tempName += ".tmp";
            temp = target.parent_path() / tempName;
            errno = 0;
            f = std::fopen(temp.c_str(), "wbx");
            if (!f && errno != EEXIST)
                return cannotWrite(osError(errno ? errno : EIO));
        }
        if (!f)
            return {Message{MessageId::FileWriteNoTempName, {path}, 1}};
        errno = 0;
        const bool written =
            std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size() && std::fflush(f) == 0;
        int error = written ? 0 : (errno ? errno : EIO);
        if (std::fclose(f) != 0 && error == 0)
            error = errno ? errno : EIO;
        if (error != 0) {
            std::error_code ec;
            fs::remove(temp, ec);
            return cannotWrite(osError(error));
        }
        m_path = path;
        m_target = target.string();
        m_temp = temp.string();
        return {};
    } catch (const std::exception &e) {
        return cannotWrite(e.what());
    }
}

WriteError StagedFile::commit()
{
    namespace fs = std::filesystem;
    if (m_temp.empty())
        return {Message{MessageId::FileCannotWrite, {m_path, "nothing is staged"}, 3}};
    std::error_code ec;
    fs::rename(m_temp, m_target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(m_temp, ignored);
    }
    m_temp.clear();
    if (ec)
        return {Message{MessageId::FileCannotWrite, {m_path, ec.message()}, 3}};
    return {};
}

WriteError outputTargetError(const std::string &path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec); // follows symbolic links
    if (ec || !fs::exists(status) || fs::is_regular_file(status) || fs::is_directory(status))
        return {};
    return {Message{MessageId::FileWriteNotRegular, {path}, 1}};
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

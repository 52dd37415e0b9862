// The storage of tensors (core/hugepagealloc.h, issue 8): blocks of at least kHugePageThreshold
// bytes are 2 MiB-aligned (so that madvise(MADV_HUGEPAGE) can give them huge pages), smaller
// ones are ordinary memory, and the values survive every way a tensor is copied, moved, resized
// and assigned between the two. Whether the kernel granted huge pages is not asserted: it may
// refuse under fragmentation, and nothing but speed depends on it. A block given back by the
// wrong path (ordinary delete for an aligned block, or the reverse) goes unnoticed in a release
// build, where both end in free(); the sanitizer build of this suite (the dev-asan preset, run by
// scripts/test.sh) reports it as a new-delete type mismatch.

#include "tensor.h"

#include <QTest>

#include <algorithm>
#include <cstdint>
#include <vector>

using namespace poolviz;

namespace {

/// Values in the threshold's units: a block of exactly kHugePageThreshold bytes.
template <class T> constexpr qint64 atThreshold()
{
    return qint64(kHugePageThreshold / sizeof(T));
}

bool hugeAligned(const void *p)
{
    return reinterpret_cast<std::uintptr_t>(p) % kHugePageSize == 0;
}

/// Value i of the test pattern: not constant, not the index itself, exact in float and uint8.
template <class T> T pattern(std::size_t i, int salt)
{
    return T((i * 7 + std::size_t(salt) * 13) % 251);
}

/// A (1, 1, 1, count) tensor holding the pattern.
template <class T> BasicTensor<T> patterned(qint64 count, int salt)
{
    BasicTensor<T> t(1, 1, 1, int(count));
    for (std::size_t i = 0; i < t.size(); ++i)
        t.data()[i] = pattern<T>(i, salt);
    return t;
}

/// Whether `t` holds the pattern in its first `count` values and has exactly `count` values.
template <class T> bool holdsPattern(const BasicTensor<T> &t, qint64 count, int salt)
{
    if (t.size() != std::size_t(count))
        return false;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t.data()[i] != pattern<T>(i, salt))
            return false;
    return true;
}

/// A block of at least the threshold must be 2 MiB-aligned (its capacity is what was allocated).
template <class T> bool placedRight(const typename BasicTensor<T>::Storage &s)
{
    return !HugePageAllocator<T>::onHugePages(s.capacity()) || hugeAligned(s.data());
}

/// Whether a tensor of at least the threshold's size sits on a 2 MiB-aligned block (so that each
/// row with a large tensor fails if the storage bypasses the allocator), and any tensor's block
/// on the side of the threshold its capacity says.
bool largeAligned(const Tensor &t)
{
    return placedRight<float>(t.data()) &&
           (t.size() < std::size_t(atThreshold<float>()) || hugeAligned(t.data().data()));
}

} // namespace

class TestTensorStorage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void threshold_data();
    void threshold();
    void survives_data();
    void survives();
    void equalsOrdinaryVector_data();
    void equalsOrdinaryVector();
};

void TestTensorStorage::initTestCase()
{
    if (!kHugePagesPossible)
        QSKIP("no transparent huge pages on this system: every block is ordinary memory");
}

void TestTensorStorage::threshold_data()
{
    QTest::addColumn<bool>("bytes"); // uint8 (true) or float (false) values
    QTest::addColumn<qint64>("count");
    QTest::addColumn<bool>("huge");
    // 4 MiB: 1 048 576 floats or 4 194 304 bytes.
    QTest::newRow("float, one below") << false << atThreshold<float>() - 1 << false;
    QTest::newRow("float, at") << false << atThreshold<float>() << true;
    QTest::newRow("float, one above") << false << atThreshold<float>() + 1 << true;
    QTest::newRow("float, 4K frame 3×2160×3840") << false << qint64(3) * 2160 * 3840 << true;
    QTest::newRow("float, 4×4") << false << qint64(16) << false;
    QTest::newRow("uint8, one below") << true << atThreshold<std::uint8_t>() - 1 << false;
    QTest::newRow("uint8, at") << true << atThreshold<std::uint8_t>() << true;
    QTest::newRow("uint8, one above") << true << atThreshold<std::uint8_t>() + 1 << true;
    QTest::newRow("uint8, 12 MP photo 3×3000×4000") << true << qint64(3) * 3000 * 4000 << true;
}

/// The threshold is in bytes, whatever the value type; a block at or above it is 2 MiB-aligned
/// and holds its fill (zero, and another value), the first and the last value included.
void TestTensorStorage::threshold()
{
    QFETCH(bool, bytes);
    QFETCH(qint64, count);
    QFETCH(bool, huge);
    const auto check = [&](auto fill) {
        using T = decltype(fill);
        QCOMPARE(HugePageAllocator<T>::onHugePages(std::size_t(count)), huge);
        for (T value : {T(0), fill}) {
            const BasicTensor<T> t(1, 1, 1, int(count), value);
            QCOMPARE(t.size(), std::size_t(count));
            if (huge)
                QVERIFY2(hugeAligned(t.data().data()), "a large block is not 2 MiB-aligned");
            QVERIFY(std::all_of(t.data().begin(), t.data().end(), [&](T v) { return v == value; }));
        }
    };
    if (bytes)
        check(std::uint8_t(200));
    else
        check(3.5f);
}

void TestTensorStorage::survives_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<qint64>("from"); // values of the source (or of the tensor resized)
    QTest::addColumn<qint64>("to");   // values of the target (or the new size)
    const qint64 small = 1000, large = atThreshold<float>() + 4096;
    QTest::newRow("copy, large") << "copy" << large << qint64(0);
    QTest::newRow("move, large") << "move" << large << qint64(0);
    QTest::newRow("copy-assign large onto small") << "copy-assign" << large << small;
    QTest::newRow("copy-assign small onto large") << "copy-assign" << small << large;
    QTest::newRow("move-assign large onto small") << "move-assign" << large << small;
    QTest::newRow("move-assign small onto large") << "move-assign" << small << large;
    QTest::newRow("resize small to large") << "resize" << small << large;
    QTest::newRow("resize large to larger") << "resize" << large << 2 * large;
    QTest::newRow("resize large to small") << "resize" << large << small;
    QTest::newRow("resize large to small, shrunk") << "shrink" << large << small;
    QTest::newRow("resize small to large, shrunk") << "shrink" << small << large;
    QTest::newRow("swap large and small") << "swap" << large << small;
}

/// Every way a tensor's values change hands keeps them, and every block a tensor ends up with is
/// on the side of the threshold its capacity says.
void TestTensorStorage::survives()
{
    QFETCH(QString, operation);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    Tensor source = patterned<float>(from, 1);
    QVERIFY(largeAligned(source));
    if (operation == "copy") {
        const Tensor copy(source);
        QVERIFY(holdsPattern(copy, from, 1));
        QVERIFY(holdsPattern(source, from, 1));
        QVERIFY(largeAligned(copy));
        QVERIFY(copy.data().data() != source.data().data());
    } else if (operation == "move") {
        const float *block = source.data().data();
        const Tensor moved(std::move(source));
        QCOMPARE(moved.data().data(), block); // the block itself, not a copy
        QVERIFY(holdsPattern(moved, from, 1));
        QVERIFY(largeAligned(moved));
    } else if (operation == "copy-assign" || operation == "move-assign") {
        Tensor target = patterned<float>(to, 2);
        QVERIFY(largeAligned(target));
        if (operation == "copy-assign") {
            target = source;
            QVERIFY(holdsPattern(source, from, 1));
        } else {
            const float *block = source.data().data();
            target = std::move(source);
            QCOMPARE(target.data().data(), block);
        }
        QVERIFY(holdsPattern(target, from, 1));
        QVERIFY(largeAligned(target));
    } else if (operation == "resize" || operation == "shrink") {
        Tensor::Storage &s = source.data();
        s.resize(std::size_t(to), -1.0f);
        if (operation == "shrink")
            s.shrink_to_fit();
        const std::size_t kept = std::size_t(std::min(from, to));
        for (std::size_t i = 0; i < kept; ++i)
            QCOMPARE(s[i], pattern<float>(i, 1));
        for (std::size_t i = kept; i < s.size(); ++i)
            QCOMPARE(s[i], -1.0f);
        QCOMPARE(s.size(), std::size_t(to));
        QVERIFY(placedRight<float>(s));
        if (std::max(from, to) >= atThreshold<float>() && operation == "resize")
            QVERIFY2(hugeAligned(s.data()), "a large block lost its alignment");
        if (operation == "shrink" && to >= atThreshold<float>())
            QVERIFY2(hugeAligned(s.data()), "a large block is not 2 MiB-aligned");
    } else if (operation == "swap") {
        Tensor other = patterned<float>(to, 2);
        QVERIFY(largeAligned(other));
        std::swap(source, other);
        QVERIFY(holdsPattern(source, to, 2));
        QVERIFY(holdsPattern(other, from, 1));
        QVERIFY(largeAligned(source));
        QVERIFY(largeAligned(other));
    } else {
        QFAIL(qPrintable("unknown operation " + operation));
    }
}

void TestTensorStorage::equalsOrdinaryVector_data()
{
    QTest::addColumn<bool>("bytes");
    QTest::addColumn<qint64>("count");
    QTest::newRow("float, at the threshold") << false << atThreshold<float>();
    QTest::newRow("float, 3×1080×1920") << false << qint64(3) * 1080 * 1920;
    QTest::newRow("uint8, at the threshold") << true << atThreshold<std::uint8_t>();
    QTest::newRow("uint8, 12 MP photo 3×3000×4000") << true << qint64(3) * 3000 * 4000;
}

/// A tensor whose storage comes from the allocator equals, value for value, the same values kept
/// the old way in a std::vector, and a tensor built back from that vector equals the first.
void TestTensorStorage::equalsOrdinaryVector()
{
    QFETCH(bool, bytes);
    QFETCH(qint64, count);
    const auto check = [&](auto zero) {
        using T = decltype(zero);
        std::vector<T> old(static_cast<std::size_t>(count));
        for (std::size_t i = 0; i < old.size(); ++i)
            old[i] = pattern<T>(i, 3);
        const BasicTensor<T> t = patterned<T>(count, 3);
        QVERIFY(std::equal(t.data().begin(), t.data().end(), old.begin(), old.end()));
        BasicTensor<T> rebuilt(1, 1, 1, int(count));
        rebuilt.data().assign(old.begin(), old.end());
        QVERIFY(rebuilt == t);
        QVERIFY(placedRight<T>(t.data()));
        QVERIFY(placedRight<T>(rebuilt.data()));
        if (count * qint64(sizeof(T)) >= qint64(kHugePageThreshold))
            QVERIFY2(hugeAligned(rebuilt.data().data()), "a large block is not 2 MiB-aligned");
    };
    if (bytes)
        check(std::uint8_t(0));
    else
        check(0.0f);
}

QTEST_GUILESS_MAIN(TestTensorStorage)
#include "tst_tensorstorage.moc"

#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <type_traits>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace poolviz {

/// Size and alignment of a transparent huge page on x86-64 Linux (2 MiB).
inline constexpr std::size_t kHugePageSize = std::size_t(2) << 20;

/// Blocks of at least this many bytes go on huge pages; smaller blocks are ordinary memory.
/// Chosen by measurement (issue 8): from 4 MiB up a block spans at least two huge pages and a
/// warm pass over it is as fast or faster on huge pages (a 12 MP photo's planes: the Photo tab's
/// latency halves; a 4K frame: every kernel 10–25 % faster), and from 36 MiB up a fresh block
/// costs less too (fewer page faults: `poolviz-cli pool` of a 4K frame took 60 % of the minor
/// faults and 20 % less time). Below, rounding up to whole huge pages would waste a large share of
/// the block and a pass gains nothing measurable.
inline constexpr std::size_t kHugePageThreshold = std::size_t(4) << 20;

/// Whether this system can have 2 MiB transparent huge pages at all (Linux on x86-64; on other
/// architectures the huge page may be far larger, e.g. 512 MiB with 64 KiB base pages, and
/// rounding to it would only waste memory); elsewhere every block is ordinary memory.
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(__x86_64__)
inline constexpr bool kHugePagesPossible = true;
#else
inline constexpr bool kHugePagesPossible = false;
#endif

/// A stateless allocator for the storage of large tensors. A block of at least
/// kHugePageThreshold bytes is rounded up to whole huge pages, aligned to kHugePageSize and,
/// on Linux, marked `madvise(MADV_HUGEPAGE)`, so that a kernel set to transparent huge pages
/// "madvise" (or "always") backs it with 2 MiB pages: fewer TLB misses on every pass over it,
/// and a hardware prefetcher that is not stopped at each 4 KiB page. A smaller block, and every
/// block on a system without huge pages, is ordinary memory from std::allocator. A refused
/// madvise (THP "never", a kernel without THP) leaves the aligned block on ordinary pages. When
/// huge pages are granted, the rounded-up tail of the last one is resident memory too (at most
/// 2 MiB, under 7 % of a 4K frame's plane). The block comes from operator new, so the sanitizers
/// track it; when malloc serves it from its heap rather than a mapping of its own (always in the
/// app, which keeps large buffers for reuse, see PhotoPooler::reuseLargeBuffers), the mark stays
/// on that part of the heap after the block is freed, and later allocations there, large or
/// small, may be served from huge pages as well: the same memory use as THP "always".
/// All instances compare equal, so containers move and swap blocks freely whatever the
/// propagation traits say; a copy always allocates anew for its own size.
template <class T> class HugePageAllocator
{
public:
    using value_type = T;
    using is_always_equal = std::true_type;
    using propagate_on_container_move_assignment = std::true_type;

    HugePageAllocator() = default;
    template <class U> constexpr HugePageAllocator(const HugePageAllocator<U> &) noexcept {}

    /// Whether a block of `n` values goes on huge pages: n·sizeof(T) ≥ kHugePageThreshold, on a
    /// system that has them.
    static constexpr bool onHugePages(std::size_t n)
    {
        return kHugePagesPossible && n >= (kHugePageThreshold + sizeof(T) - 1) / sizeof(T);
    }

    /// Uninitialised room for `n` values; throws std::bad_alloc (or std::bad_array_new_length)
    /// like std::allocator.
    T *allocate(std::size_t n)
    {
        if (!onHugePages(n))
            return std::allocator<T>().allocate(n);
        if (n > (std::size_t(-1) - kHugePageSize) / sizeof(T))
            throw std::bad_array_new_length();
        const std::size_t bytes = hugeBytes(n);
        void *p = ::operator new(bytes, std::align_val_t(kHugePageSize));
#if defined(__linux__) && defined(MADV_HUGEPAGE)
        // Before the first touch, so that the page faults of fresh memory already take huge
        // pages (reused heap memory keeps the pages it has); a failure (a kernel without THP,
        // or THP "never") leaves ordinary pages.
        ::madvise(p, bytes, MADV_HUGEPAGE);
#endif
        return static_cast<T *>(p);
    }
    /// Returns a block from allocate(n), with the same `n`.
    void deallocate(T *p, std::size_t n) noexcept
    {
        if (!onHugePages(n))
            return std::allocator<T>().deallocate(p, n);
        // The unsized aligned form: clang does not declare the sized one unless built with
        // -fsized-deallocation (the fuzzing build is clang).
        ::operator delete(p, std::align_val_t(kHugePageSize));
    }

    template <class U> bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }

private:
    /// n values rounded up to whole huge pages: every page madvise marks belongs to the block.
    static constexpr std::size_t hugeBytes(std::size_t n)
    {
        return (n * sizeof(T) + kHugePageSize - 1) / kHugePageSize * kHugePageSize;
    }
};

} // namespace poolviz

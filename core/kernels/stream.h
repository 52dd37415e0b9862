#pragma once
// Memory traffic of the forward kernels: non-temporal stores for outputs written once and not
// read again soon (a plane larger than the caches; planepool.cpp), and prefetches ahead of a
// pass that may reach past its buffer (tilingpool.cpp, slidingsums.cpp). Kernel-only, compiled
// once per instruction set like reduce.h (see isa.h).

#include "isa.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <immintrin.h>
#endif

POOLVIZ_KERNELS_BEGIN
namespace poolviz::kernels::POOLVIZ_KERNEL_ISA {

/// Outputs of at least this many bytes are written with non-temporal stores (see streamRow).
inline constexpr std::size_t kStreamFrom = std::size_t(16) << 20;

/// Copies n values from src to dst with non-temporal stores, which write whole lines to memory
/// without reading them first and without evicting the working set from the caches: for an
/// output written once and not read again soon (a large plane), about a third less memory
/// traffic than normal stores. A whole row in one go: spreading a row's streamed stores over
/// the work of the next row (a line, 16 lines or 64 lines at a time) made max 3×3/1 and
/// 31×31/1 on the 4K frame 25–40 % slower, and two rows per go 5–10 % slower (CPU time, one
/// thread, AVX2), although the stores of a row stall the core (without them, those two cases
/// take about 4 and 6 ms less).
template <class T> inline void streamRow(T *dst, const T *src, int n)
{
#ifdef POOLVIZ_KERNEL_AVX2
    constexpr std::size_t kVector = 32;
#else
    constexpr std::size_t kVector = 16;
#endif
    auto *d = reinterpret_cast<char *>(dst);
    const auto *s = reinterpret_cast<const char *>(src);
    std::size_t bytes = std::size_t(n) * sizeof(T);
    const std::size_t head =
        std::min(bytes, (kVector - reinterpret_cast<std::uintptr_t>(d) % kVector) % kVector);
    std::memcpy(d, s, head);
    d += head;
    s += head;
    bytes -= head;
#if defined(__SSE2__)
    for (; bytes >= kVector; bytes -= kVector, d += kVector, s += kVector) {
#ifdef POOLVIZ_KERNEL_AVX2
        _mm256_stream_si256(reinterpret_cast<__m256i *>(d),
                            _mm256_loadu_si256(reinterpret_cast<const __m256i *>(s)));
#else
        _mm_stream_si128(reinterpret_cast<__m128i *>(d),
                         _mm_loadu_si128(reinterpret_cast<const __m128i *>(s)));
#endif
    }
#endif
    // The rest (everything without SSE2, on another architecture) by an ordinary copy.
    std::memcpy(d, s, bytes);
}

/// Asks for the cache line `bytes` past p. A prefetch never faults, so the line may lie past the
/// end of p's buffer (the next rows of a plane, or nothing, after the last); its address is
/// therefore formed as an integer, since a pointer past one-past-the-end is undefined in C++.
inline void prefetchPast(const void *p, std::ptrdiff_t bytes)
{
    __builtin_prefetch(reinterpret_cast<const void *>(reinterpret_cast<std::uintptr_t>(p) +
                                                      std::uintptr_t(bytes)));
}

/// Orders streamRow's stores before what follows (nothing to do without SSE2).
inline void storeFence()
{
#if defined(__SSE2__)
    _mm_sfence();
#endif
}

} // namespace poolviz::kernels::POOLVIZ_KERNEL_ISA
POOLVIZ_KERNELS_END

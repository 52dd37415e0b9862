#pragma once
// Which copy of the kernels a translation unit compiles (see core/CMakeLists.txt), and for which
// instruction set. Included by every kernel source and kernel-only header.
//
// POOLVIZ_KERNEL_ISA names the copy's namespace: `generic` (baseline x86-64, or any CPU) or
// `avx2`. In the AVX2 copy (POOLVIZ_KERNEL_AVX2 set), only the code between
// POOLVIZ_KERNELS_BEGIN and POOLVIZ_KERNELS_END is compiled for AVX2, never the whole file with
// -mavx2: the inline functions of the headers a kernel includes (std::vector, BasicTensor) would
// then be emitted with AVX2 instructions as weak symbols, and the linker may keep that copy for
// the baseline code too, which then stops with an illegal instruction on a CPU without AVX2.
// The isa_symbols test checks the AVX2 objects for such symbols.

#ifndef POOLVIZ_KERNEL_ISA
#define POOLVIZ_KERNEL_ISA generic
#endif

#if defined(POOLVIZ_KERNEL_AVX2) && defined(__clang__)
#define POOLVIZ_KERNELS_BEGIN                                                                      \
    _Pragma("clang attribute push(__attribute__((target(\"avx2\"))), apply_to = function)")
#define POOLVIZ_KERNELS_END _Pragma("clang attribute pop")
#elif defined(POOLVIZ_KERNEL_AVX2)
#define POOLVIZ_KERNELS_BEGIN _Pragma("GCC push_options") _Pragma("GCC target(\"avx2\")")
#define POOLVIZ_KERNELS_END _Pragma("GCC pop_options")
#else
#define POOLVIZ_KERNELS_BEGIN
#define POOLVIZ_KERNELS_END
#endif

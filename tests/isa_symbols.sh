#!/usr/bin/env bash
# Checks the AVX2 copy of the kernels (core/kernels/isa.h): every function in its objects that
# uses AVX instructions must belong to that copy (its name contains "avx2::"), and every object
# that holds functions of the copy must hold 256-bit code. A shared inline function (std::vector<float>::resize, say) emitted with
# AVX instructions could be the one the linker keeps for the whole program, which would then stop
# with an illegal instruction on a CPU without AVX2.
# Usage: isa_symbols.sh OBJECT...
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "isa_symbols.sh: no object files given" >&2
    exit 2
fi

stray=0
wide=0
baseline=0
for object in "$@"; do
    kernels=0
    objectWide=0
    # One line per function that uses an AVX instruction (VEX mnemonics start with "v"):
    # "<symbol>\t<count of %ymm operands>".
    report=$(objdump -d --no-show-raw-insn -C "$object" | awk '
        /^[0-9a-f]+ <.*>:$/ {
            flush()
            name = substr($0, index($0, "<") + 1)
            sub(/>:$/, "", name)
            next
        }
        /:\tv[a-z]/ { vex = 1; if ($0 ~ /%ymm/) ymm++ }
        function flush() { if (vex) printf "%s\t%d\n", name, ymm; vex = 0; ymm = 0 }
        END { flush() }')
    while IFS=$'\t' read -r name ymm; do
        [[ -z $name ]] && continue
        if [[ $name == *avx2::* ]]; then
            ((ymm > 0)) && objectWide=$((objectWide + 1))
        else
            echo "$(basename "$object"): AVX instructions outside the avx2 kernels: $name"
            stray=$((stray + 1))
        fi
    done <<<"$report"
    # Functions of the copy at all (with or without AVX instructions).
    kernels=$(objdump -d --no-show-raw-insn -C "$object" | grep -c '^[0-9a-f]* <.*avx2::.*>:$' || true)
    if ((kernels > 0 && objectWide == 0)); then
        echo "$(basename "$object"): $kernels avx2 functions, none with 256-bit code: compiled for the baseline"
        baseline=$((baseline + 1))
    fi
    wide=$((wide + objectWide))
done

if ((wide == 0 || baseline > 0)); then
    echo "the AVX2 copy (or part of it) was compiled for the baseline"
    exit 1
fi
if ((stray > 0)); then
    echo "$stray shared function(s) compiled with AVX instructions"
    exit 1
fi
echo "AVX2 kernels: $wide functions with 256-bit code, no shared function with AVX instructions"

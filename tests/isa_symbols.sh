#!/usr/bin/env bash
# Checks the AVX2 copy of the kernels (core/kernels/isa.h): every function in its objects that
# uses AVX instructions must belong to that copy (its name contains "avx2::"), every object that
# holds functions of the copy must hold AVX (VEX-encoded) code, and the copy as a whole 256-bit
# code. (Per object only VEX: an object whose loops happen not to vectorise, at -O1 under ASan
# say, still encodes its scalar float operations as vaddss and the like when compiled for AVX2,
# and as addss when compiled for the baseline.) A shared inline function
# (std::vector<float>::resize, say) emitted with AVX instructions could be the one the linker
# keeps for the whole program, which would then stop with an illegal instruction on a CPU
# without AVX2.
# One disassembly of all the objects, read once by one awk program.
# Usage: isa_symbols.sh OBJECT...
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "isa_symbols.sh: no object files given" >&2
    exit 2
fi

objdump -d --no-show-raw-insn -C "$@" | awk '
    # The end of a function: one that uses AVX instructions (VEX mnemonics start with "v")
    # must be of the copy, and counts as 256-bit code if it names a %ymm register.
    function endFunction() {
        if (vex) {
            if (name ~ /avx2::/) {
                objectVex++
                if (ymm > 0)
                    objectWide++
            } else {
                printf "%s: AVX instructions outside the avx2 kernels: %s\n", object, name
                stray++
            }
        }
        vex = 0
        ymm = 0
    }
    # The end of an object: functions of the copy but no AVX code means the baseline.
    function endObject() {
        endFunction()
        if (kernels > 0 && objectVex == 0) {
            printf "%s: %d avx2 functions, none with AVX instructions: compiled for the baseline\n",
                object, kernels
            baseline++
        }
        wide += objectWide
        kernels = 0
        objectVex = 0
        objectWide = 0
    }
    # "/path/to/planepool.cpp.o:     file format elf64-x86-64"
    /:[ \t]+file format / {
        endObject()
        object = $0
        sub(/:[ \t]+file format .*$/, "", object)
        sub(/.*\//, "", object)
        next
    }
    # "0000000000000040 <poolviz::kernels::avx2::planeMax(...)>:"
    /^[0-9a-f]+ <.*>:$/ {
        endFunction()
        name = substr($0, index($0, "<") + 1)
        sub(/>:$/, "", name)
        if (name ~ /avx2::/)
            kernels++
        next
    }
    /:\tv[a-z]/ {
        vex = 1
        if ($0 ~ /%ymm/)
            ymm++
    }
    END {
        endObject()
        if (wide == 0 || baseline > 0) {
            print "the AVX2 copy (or part of it) was compiled for the baseline"
            exit 1
        }
        if (stray > 0) {
            printf "%d shared function(s) compiled with AVX instructions\n", stray
            exit 1
        }
        printf "AVX2 kernels: %d functions with 256-bit code, no shared function with AVX instructions\n", wide
    }'

#pragma once

// Matrix input and output, in three parts: typed and pasted text (matrixtext.h), the .npy format
// (npy.h) and files, with the one reader of matrix files `readMatrixFile` (matrixfile.h).
#include "matrixfile.h"
#include "matrixtext.h"
#include "npy.h"

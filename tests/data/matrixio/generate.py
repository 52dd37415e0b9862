#!/usr/bin/env python3
"""Writes the .npy files tst_matrixio reads, with NumPy itself (run here with NumPy 1.24.2).

The files are committed; run this only to regenerate them: python3 generate.py
"""
import numpy as np
import numpy.lib.format as fmt

nan, inf = np.nan, np.inf
np.save('f4_2x3.npy', np.array([[1.5, -2, 0.25], [100, nan, -inf]], np.float32))
np.save('f8_2x2x3.npy', np.arange(12, dtype=np.float64).reshape(2, 2, 3) / 4 - 1)
np.save('u1_2x2.npy', np.array([[0, 7], [128, 255]], np.uint8))
np.save('i4_1x2x2x2.npy',
        np.array([-1, 2, 65536, -65536, 0, 3, 4, 2147483647], np.int32).reshape(1, 2, 2, 2))
np.save('i8_2x3.npy', np.array([[1, -2, 3], [-4, 5, 4294967296]], np.int64))
np.save('fortran_2x3.npy', np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
np.save('bigendian_2x2.npy', np.arange(4, dtype='>f4').reshape(2, 2))
np.save('c8_2x2.npy', np.ones((2, 2), np.complex64))
np.save('b1_2x2.npy', np.ones((2, 2), bool))
np.save('rank1_6.npy', np.arange(6, dtype=np.float32))
np.save('rank5.npy', np.zeros((1, 1, 1, 2, 2), np.float32))
a = np.arange(6, dtype=np.float32).reshape(2, 3) * 0.5
with open('v2_2x3.npy', 'wb') as f:
    fmt.write_array(f, a, version=(2, 0))
with open('v3_2x3.npy', 'wb') as f:
    fmt.write_array(f, a, version=(3, 0))

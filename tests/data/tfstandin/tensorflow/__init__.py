# A NumPy stand-in for the few TensorFlow calls PoolViz's generated scripts use, written from
# TensorFlow's documentation (NHWC layout; VALID and SAME as documented, SAME never counting its
# padding; extract_patches in row-major tap order). TensorFlow is not a Debian package, so
# tst_conformance runs the generated TensorFlow scripts against this: it checks the scripts'
# padding, masks, slicing and reductions, not TensorFlow itself.
import numpy as np

float32 = np.float32


class T(np.ndarray):
    def numpy(self):
        return np.asarray(self)


def _t(a):
    """A float32 array (booleans stay booleans) with TensorFlow's .numpy()."""
    a = np.asarray(a)
    return (a if a.dtype == bool else a.astype(np.float32)).view(T)


def constant(x, dtype=None):
    return _t(np.array(x, dtype=np.float32))


def reshape(x, shape):
    return np.reshape(np.asarray(x), shape).view(T)


def pad(x, paddings, constant_values=0.0):
    return _t(np.pad(np.asarray(x), paddings, constant_values=constant_values))


def ones(shape):
    return _t(np.ones(shape, np.float32))


def equal(a, b):
    return (np.asarray(a) == b).view(T)


def not_equal(a, b):
    return (np.asarray(a) != b).view(T)


def where(c, a, b):
    return _t(np.where(np.asarray(c), a, b))


def cast(x, dtype):
    return _t(np.asarray(x).astype(np.float32))


def abs(x):
    return _t(np.abs(np.asarray(x)))


def maximum(a, b):
    return _t(np.maximum(a, b))


def stack(xs, axis=0):
    return _t(np.stack([np.asarray(x) for x in xs], axis=axis))


def reduce_max(x, axis=None):
    return _t(np.max(np.asarray(x), axis=axis))


def reduce_min(x, axis=None):
    return _t(np.min(np.asarray(x), axis=axis))


def reduce_sum(x, axis=None):
    return _t(np.sum(np.asarray(x), axis=axis))


def reduce_mean(x, axis=None):
    return _t(np.mean(np.asarray(x), axis=axis))


class image:
    @staticmethod
    def extract_patches(images, sizes, strides, rates, padding):
        assert padding == "VALID"
        x = np.asarray(images)
        b, h, w, c = x.shape
        kh, kw, sh, sw, rh, rw = sizes[1], sizes[2], strides[1], strides[2], rates[1], rates[2]
        ekh, ekw = rh * (kh - 1) + 1, rw * (kw - 1) + 1
        oh, ow = (h - ekh) // sh + 1, (w - ekw) // sw + 1
        out = np.zeros((b, oh, ow, kh * kw * c), np.float32)
        for i in range(oh):
            for j in range(ow):
                patch = x[:, i * sh:i * sh + ekh:rh, j * sw:j * sw + ekw:rw, :]
                out[:, i, j, :] = patch.reshape(b, -1)
        return _t(out)


class nn:
    @staticmethod
    def _pool(x, ksize, strides, padding, op):
        x = np.asarray(x)
        b, h, w, c = x.shape
        (kh, kw), (sh, sw) = ksize, strides
        if padding == "SAME":
            oh, ow = -(-h // sh), -(-w // sw)
            th, tw = max((oh - 1) * sh + kh - h, 0), max((ow - 1) * sw + kw - w, 0)
            top, left = th // 2, tw // 2
        else:
            oh, ow = (h - kh) // sh + 1, (w - kw) // sw + 1
            top = left = 0
        out = np.zeros((b, oh, ow, c), np.float32)
        for i in range(oh):
            for j in range(ow):
                r0, c0 = i * sh - top, j * sw - left
                win = x[:, max(r0, 0):min(r0 + kh, h), max(c0, 0):min(c0 + kw, w), :]
                out[:, i, j, :] = op(win, axis=(1, 2))  # padding never counted, never wins
        return _t(out)

    @staticmethod
    def max_pool2d(x, ksize, strides, padding):
        return nn._pool(x, ksize, strides, padding, np.max)

    @staticmethod
    def avg_pool2d(x, ksize, strides, padding):
        return nn._pool(x, ksize, strides, padding, np.mean)

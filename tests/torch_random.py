#!/usr/bin/env python3
"""Random poolings through poolviz-cli against PyTorch: forward values, argmax indices and the
input gradient, on shapes up to 3×300×1100 (large enough for the threaded kernels, the
128-column chunks and every fast path) with 1, 2 or every core's threads (--threads 0).

Usage: torch_random.py POOLVIZ_CLI [CASES] [SEED]

The reference is PyTorch itself (torch.nn.functional), not PoolViz's code. What is compared:
- max and min (min as -max_pool2d(-x)): values, indices and the gradient bit for bit (PyTorch
  adds the gradient at each argmax in float, in output order, as PoolViz does);
- average: values within max(1e-5, taps·2.4e-7) of the window's |x| average (PyTorch sums in
  float, PoolViz in double), gradients within 1e-4 of the sum of the |shares|;
- Lp on x ≥ 0 with full windows (where core/README.md says the two agree): values within the
  same tolerance relative, gradients within 1e-4 of the |shares| of PyTorch's in float64;
- a dilated window whose taps all miss the input: -inf and index -1 as core/README.md says
  (PyTorch gives the index of a cell outside the window and sends the gradient there).
Some cases are adaptive (adaptive_max_pool2d / adaptive_avg_pool2d). Parameters PyTorch refuses
must be refused by poolviz-cli (exit status 2, one line on stderr), and so must a fixed list of
bad values (kernel 0, stride 0, ...), each named in the line.

Beyond PyTorch's own arguments:
- padding per side (--padding T,B,L,R) and TensorFlow's SAME / SAME_LOWER (--same,
  --same-lower), whose pads are computed here from TensorFlow's documented formula
  (out = ceil(in / s), total = max((out - 1)·s + ek - in, 0), the odd one after, or before for
  SAME_LOWER); the reference pools the explicitly padded input: -inf for max (an index in the
  padding becomes -1: no input tap), zeros for Lp, zeros with a count of the input taps for
  average (SAME and --exclude-pad divide by the input taps, as TensorFlow does);
- average and Lp with dilation (ONNX's, not in PyTorch), against sums over the taps F.unfold
  gathers from the padded input (a window without an input tap gives 0);
- max unpooling (poolviz-cli unpool) of the pooled values at their indices, against a scatter
  into a zero plane as MaxUnpool2d does;
- every input format the CLI reads: .npy as float32, float64 (written back as float64), uint8,
  int32 and int64, a .csv or .txt matrix, an 8-bit PNG (grey: one plane, RGB: three); and the
  output sometimes as .csv or .txt (shortest round-trip text, read back bit for bit);
- shapes (H, W), (C, H, W), (1, C, H, W) and (N, C, H, W); 1×N and N×1 planes; Lp with
  p from 0.5 to 7 on values whose x^p stays within float32's normal range;
- the options in each spelling: "3" or "3x2" / "3×2" / "3X2", --name=value, the stride left to
  its default, --valid for no padding, --global for adaptive 1×1.
Exit status: 0 all agree, 1 a mismatch (each printed with its case), 77 PyTorch missing.
(One file of about 650 lines on purpose: ctest runs it as it is, with no module path to set.)
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as e:
    # On CI the set-up installs python3-torch: missing there is a failure, not a skip.
    print(f"torch_random.py: PyTorch or NumPy missing ({e})" + ("" if os.environ.get("CI") else
                                                                ": skipped"))
    sys.exit(1 if os.environ.get("CI") else 77)

CLI = sys.argv[1]
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 150
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 20261130
rng = np.random.default_rng(SEED)
pick = random.Random(SEED)
work = tempfile.mkdtemp(prefix="poolviz-torch-")


def values(shape):
    """Ties, plain floats, 60 decades of magnitude, bytes or subnormals; NaN/±inf in some."""
    style = rng.integers(0, 5)
    if style == 0:
        x = rng.integers(-3, 4, shape).astype(np.float32)
    elif style == 1:
        x = rng.standard_normal(shape).astype(np.float32)
    elif style == 2:
        x = rng.standard_normal(shape) * 10.0 ** rng.integers(-30, 30, shape)
        x = x.astype(np.float32)
    elif style == 3:
        x = rng.integers(0, 256, shape).astype(np.float32)
    else:
        x = (rng.random(shape) * 1e-39).astype(np.float32)
    if rng.random() < 0.3:
        m = rng.random(shape)
        x[m < 0.01] = np.nan
        x[(m >= 0.01) & (m < 0.02)] = np.inf
        x[(m >= 0.02) & (m < 0.03)] = -np.inf
    return x


def write_png(path, x):
    """An 8-bit PNG of the uint8 values x: (H, W) grey or (3, H, W) RGB (zlib, no library)."""
    import struct
    import zlib

    rgb = x.ndim == 3
    pixels = np.moveaxis(x, 0, -1) if rgb else x
    h, w = pixels.shape[:2]
    rows = pixels.reshape(h, -1).astype(np.uint8)
    raw = b"".join(b"\x00" + rows[r].tobytes() for r in range(h))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", w, h, 8, 2 if rgb else 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
                + chunk(b"IEND", b""))


def write_text(path, x):
    """A 2-D float32 matrix as text that reads back bit for bit (9 significant digits)."""
    sep = "," if path.endswith(".csv") else " "
    with open(path, "w") as f:
        for row in x:
            f.write(sep.join("%.9g" % v for v in row.astype(np.float64)) + "\n")


def read_output(path):
    """poolviz-cli's output as float32: .npy as written, .csv/.txt parsed."""
    if path.endswith(".npy"):
        return np.load(path)
    rows = [line.replace(",", " ").split() for line in open(path) if line.strip()]
    return np.array(rows, dtype=np.float32).reshape(len(rows), -1)


def size_text(h, w):
    """A size as the CLI takes it, in each spelling: "3" when square, "3x2", "3×2" or "3X2"."""
    if h == w and pick.random() < 0.5:
        return str(h)
    return f"{h}{pick.choice(['x', 'x', chr(0xD7), 'X'])}{w}"


def name_equals_value(options):
    """The options with each "--name value" pair written as "--name=value"."""
    out = []
    for o in options:
        if out and out[-1].startswith("--") and "=" not in out[-1] and not o.startswith("--"):
            out[-1] += "=" + o
        else:
            out.append(o)
    return out


def same_pads(n, k, s, d, lower):
    """TensorFlow's SAME padding of one axis, (before, after), from its documented formula."""
    ek = (k - 1) * d + 1
    out = -(-n // s)
    total = max((out - 1) * s + ek - n, 0)
    small = total // 2
    return (total - small, small) if lower else (small, total - small)


def tapless(n, out, k, s, d, pb):
    """Along one axis, True for each output whose taps o·s − pb + j·d all miss [0, n)."""
    return np.array([not any(0 <= o * s - pb + j * d < n for j in range(k)) for o in range(out)])


def identical(a, b):
    """The same shape and bits (−0 is not +0), NaN in the same cells (any payload)."""
    if a.shape != b.shape or a.dtype != np.float32 or b.dtype != np.float32:
        return False
    na, nb = np.isnan(a), np.isnan(b)
    return np.array_equal(na, nb) and np.array_equal(a.view(np.uint32)[~na], b.view(np.uint32)[~nb])


def within(a, b, scale, tol):
    """Same NaNs and infinities; elsewhere |a − b| ≤ tol·scale."""
    if a.shape != b.shape:
        return False
    if not np.array_equal(np.isnan(a), np.isnan(b)):
        return False
    a = np.where(np.isnan(a), 0, a).astype(np.float64)
    b = np.where(np.isnan(b), 0, b).astype(np.float64)
    inf = np.isinf(a) | np.isinf(b)
    if not np.array_equal(a[inf], b[inf]):
        return False
    with np.errstate(invalid="ignore", over="ignore"):
        limit = tol * np.nan_to_num(scale.astype(np.float64), nan=0, posinf=0) + 1e-37
        return bool(np.all(np.abs(a - b)[~inf] <= limit[~inf]))


def first_difference(a, b, scale=None, tol=0.0):
    """The first cell where a (PoolViz) and b (PyTorch) differ beyond tol·scale, as text."""
    if a.shape != b.shape:
        return f"shapes {a.shape} and {b.shape}"
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    limit = 0.0 if scale is None else tol * np.nan_to_num(scale.astype(np.float64), nan=0)
    with np.errstate(invalid="ignore", over="ignore"):
        same = (np.isnan(a64) & np.isnan(b64)) | (a64 == b64) | (np.abs(a64 - b64) <= limit)
    same &= np.signbit(a64) == np.signbit(b64)
    cells = np.argwhere(~same)
    if len(cells) == 0:
        return "no cell beyond the tolerance (NaN or infinity placement)"
    at = tuple(cells[0])
    return (f"{len(cells)} cells, first {at}: PoolViz {a[at]!r}, PyTorch {b[at]!r}"
            + ("" if scale is None else f", scale {scale[at]!r}"))


def cli(args):
    r = subprocess.run([CLI] + args, capture_output=True, text=True)
    return r.returncode, r.stderr.strip()


def padded_pool(mode, x, k, s, pads, dil, cip, div, p):
    """The pool of x padded explicitly by pads = (top, bottom, left, right), as TensorFlow and
    ONNX define it: max never picks the padding (an index there is -1), average divides by the
    input taps unless cip (then by the whole window, which lies inside the padded input) or div,
    Lp adds nothing for the padding."""
    t, b, l, r = pads
    H, W = x.shape[-2:]
    if mode in ("max", "min"):
        src = F.pad(x if mode == "max" else -x, (l, r, t, b), value=-float("inf"))
        out, idx = F.max_pool2d(src, k, s, 0, dil, return_indices=True)
        h, w = idx // src.shape[-1] - t, idx % src.shape[-1] - l
        inside = (h >= 0) & (h < H) & (w >= 0) & (w < W)
        idx = torch.where(inside, h * W + w, torch.full_like(idx, -1))
        return (out if mode == "max" else -out), idx
    def tap_sums(v):
        """Each window's sum of v padded (any dilation: F.unfold takes one, avg_pool2d not)."""
        v = F.pad(v, (l, r, t, b))
        cols = F.unfold(v.reshape((-1, 1) + v.shape[-2:]), k, dilation=dil, stride=s)
        oh = (v.shape[-2] - dil[0] * (k[0] - 1) - 1) // s[0] + 1
        ow = (v.shape[-1] - dil[1] * (k[1] - 1) - 1) // s[1] + 1
        return cols.sum(1).reshape(v.shape[:-2] + (oh, ow))

    if mode == "lp":
        if dil == (1, 1):
            return F.lp_pool2d(F.pad(x, (l, r, t, b)), p, k, s), None
        total = tap_sums(x ** p)  # x ≥ 0; PyTorch's x^p has derivative 1 at 0 for p = 1
        some = total > 0  # a window of zeros (or of padding only) gives 0, its gradient 0
        return torch.where(some, torch.where(some, total, 1.0) ** (1 / p), 0.0), None
    sums = tap_sums(x)
    if div:
        return sums / div, None
    if cip:
        return sums / (k[0] * k[1]), None
    count = tap_sums(torch.ones((1, 1, H, W), dtype=x.dtype))
    return torch.where(count > 0, sums / torch.where(count > 0, count, 1.0), 0.0), None


def torch_pool(mode, x, k, s, pad, dil, ceil, cip, div, p, adaptive=None, pads=None):
    if pads:
        return padded_pool(mode, x, k, s, pads, dil, cip, div, p)
    if adaptive:
        if mode == "avg":
            return F.adaptive_avg_pool2d(x, adaptive), None
        src = x if mode == "max" else -x
        out, idx = F.adaptive_max_pool2d(src, adaptive, return_indices=True)
        return (out if mode == "max" else -out), idx
    if mode in ("max", "min"):
        src = x if mode == "max" else -x
        out, idx = F.max_pool2d(src, k, s, pad, dil, ceil_mode=ceil, return_indices=True)
        return (out if mode == "max" else -out), idx
    if mode == "avg":
        return F.avg_pool2d(x, k, s, pad, ceil_mode=ceil, count_include_pad=cip,
                            divisor_override=div), None
    return F.lp_pool2d(x, p, k, s, ceil_mode=ceil), None


def refused(rc, err, what):
    """The refusal poolviz-cli promises: exit status 2 and one line on stderr; else a message."""
    if rc != 2:
        return f"PyTorch refuses, poolviz-cli exits {rc}: {what}"
    if "\n" in err or not err.startswith("poolviz-cli: "):
        return f"refused, but not with one line \"poolviz-cli: ...\" ({err!r}): {what}"
    return None


def draw_case():
    """One random case: parameters, padding kind, input shape and file format."""
    c = {"mode": pick.choice(["max", "max", "min", "avg", "avg", "lp"])}
    mode = c["mode"]
    C = pick.choice([1, 1, 2, 3])
    H = pick.choice([pick.randint(1, 40), pick.randint(1, 300), pick.randint(1, 6)])
    W = pick.choice([pick.randint(1, 40), pick.randint(1, 300), pick.randint(120, 1100),
                     pick.randint(1, 6)])
    if pick.random() < 0.08:
        H = 1  # a 1×N plane
    elif pick.random() < 0.08:
        W = 1  # an N×1 plane
    kmax = pick.choice([4, 8, 31])
    kh, kw = pick.randint(1, kmax), pick.randint(1, kmax)
    if pick.random() < 0.4:
        kw = kh
    sh = pick.choice([1, 1, 2, pick.randint(1, 5), kh])
    sw = sh if pick.random() < 0.5 else pick.choice([1, 1, 2, pick.randint(1, 5), kw])
    dh = dw = 1
    if pick.random() < (0.3 if mode in ("max", "min") else 0.15):
        dh, dw = pick.randint(1, 3), pick.randint(1, 3)
    # Padding: symmetric (PyTorch's own), per side, or TensorFlow's SAME / SAME_LOWER.
    r = pick.random()
    padding = "sym" if r < 0.76 else "sides" if r < 0.88 else pick.choice(["same", "same-lower"])
    ph = pw = 0
    if padding == "sym" and mode != "lp" and pick.random() < 0.5:
        ph, pw = pick.randint(0, kh // 2), pick.randint(0, kw // 2)
    ekh, ekw = dh * (kh - 1) + 1, dw * (kw - 1) + 1
    pads = None
    if padding == "sides":
        pads = (pick.randint(0, ekh - 1), pick.randint(0, ekh - 1), pick.randint(0, ekw - 1),
                pick.randint(0, ekw - 1))
    elif padding != "sym":
        lower = padding == "same-lower"
        pads = same_pads(H, kh, sh, dh, lower) + same_pads(W, kw, sw, dw, lower)
    # Average and Lp with dilation (ONNX has it, PyTorch not): against sums over F.unfold's taps.
    unfolded = mode in ("avg", "lp") and (dh, dw) != (1, 1)
    if unfolded and not pads:
        pads = (ph, ph, pw, pw)
    ceil = mode != "lp" and padding == "sym" and not unfolded and pick.random() < 0.4
    cip = pick.random() < 0.5 and not padding.startswith("same")  # SAME excludes the padding
    div = (pick.randint(1, 9) if mode == "avg" and not padding.startswith("same")
           and pick.random() < 0.15 else None)
    p = pick.choice([1.0, 2.0, 3.0, 1.5]) if pick.random() < 0.7 else pick.choice(
        [0.5, 2.5, 4.0, 7.0])
    # Adaptive bins (max, min, avg) in some cases: any output size up to the input's + 2.
    adaptive = None
    if mode != "lp" and padding == "sym" and not unfolded and pick.random() < 0.15:
        adaptive = ((1, 1) if pick.random() < 0.15 else  # global pooling
                    (pick.randint(1, H + 2), pick.randint(1, W + 2)))
    r = pick.random()
    if r < 0.25 and C == 1:
        shape = (H, W)
    elif r < 0.5:
        shape = (C, H, W)
    elif r < 0.8:
        shape = (1, C, H, W)
    else:
        shape = (pick.randint(2, 3), C, H, W)
    # The file the input goes in: .npy of each dtype the CLI reads, text, or a PNG.
    r = pick.random()
    form = "f4"
    if r < 0.1:
        form = "f8"
    elif r < 0.18:
        form = pick.choice(["u1", "i4", "i8"])
    elif r < 0.28 and len(shape) == 2:
        form = pick.choice(["csv", "txt"])
    elif r < 0.36 and (len(shape) == 2 or shape[0] == 3 and len(shape) == 3):
        form = "png"
    c.update(C=C, H=H, W=W, k=(kh, kw), s=(sh, sw), d=(dh, dw), pad=(ph, pw), padding=padding,
             pads=pads, ceil=ceil, cip=cip, div=div, p=p, adaptive=adaptive, shape=shape,
             form=form, threads=pick.choice(["2", "2", "1", "0"]))
    return c


def input_values(c):
    """The input for case c, within what the mode and the file format hold."""
    mode, shape, form, p = c["mode"], c["shape"], c["form"], c["p"]
    if form in ("u1", "png"):
        x = rng.integers(0, 256, shape).astype(np.float32)
    elif form in ("i4", "i8"):
        x = (rng.integers(-3, 4, shape) if rng.random() < 0.5 else
             rng.integers(-2 ** 24, 2 ** 24 + 1, shape)).astype(np.float32)
    else:
        x = values(shape)
    if mode == "lp":
        # x^p within float32's normal range (core/README.md: beyond it PyTorch loses the value).
        bound = 10.0 ** min(6.0, 30.0 / p)
        x = np.abs(np.nan_to_num(x, nan=1.0, posinf=3.0, neginf=3.0))
        x = np.where(x == 0, 0, np.clip(x, 1 / bound, bound)).astype(np.float32)
        if p < 1:  # PyTorch's derivative at 0 differs for p < 1 (core/README.md)
            x = np.where(x == 0, 1, x).astype(np.float32)
    if mode == "avg":
        x = np.clip(x, -1e30, 1e30).astype(np.float32)
    if c["pads"] and mode in ("max", "min"):
        # The padded reference pads with -inf: an input -inf would tie with it.
        x = np.where(np.isinf(x), np.sign(x) * 3e38, x).astype(np.float32)
    if form in ("u1", "png", "i4", "i8"):
        # What the file holds: whole numbers (Lp's clipping above made fractions).
        x = np.round(x).astype(np.float32)
    return x


def write_input(path_base, x, form):
    """Writes x in the format `form`; returns the file's path."""
    if form in ("csv", "txt"):
        path = f"{path_base}.{form}"
        write_text(path, x)
    elif form == "png":
        path = f"{path_base}.png"
        write_png(path, x.astype(np.uint8))
    else:
        path = f"{path_base}.npy"
        dtype = {"f4": np.float32, "f8": np.float64, "u1": np.uint8, "i4": np.int32,
                 "i8": np.int64}[form]
        np.save(path, x.astype(dtype))
    return path


def main():
    failures = 0
    counts = {}
    for case in range(CASES):
        c = draw_case()
        mode, (kh, kw), (sh, sw), (dh, dw) = c["mode"], c["k"], c["s"], c["d"]
        (ph, pw), pads, ceil, cip, div, p = c["pad"], c["pads"], c["ceil"], c["cip"], c["div"], c["p"]
        adaptive, H, W = c["adaptive"], c["H"], c["W"]
        x = input_values(c)
        what = (f"case {case}: {mode} x{x.shape} as {c['form']} kernel {kh}x{kw} stride {sh}x{sw} "
                f"dilation {dh}x{dw} "
                + (f"padding {ph}x{pw}" if not pads else f"{c['padding']} pads {pads}")
                + f" ceil={ceil} count_include_pad={cip} divisor={div}"
                + (f" p={p}" if mode == "lp" else "")
                + (f" adaptive {adaptive[0]}x{adaptive[1]}" if adaptive else ""))
        key = mode + (" adaptive" if adaptive else "")
        counts[key] = counts.get(key, 0) + 1
        for extra_key in (c["padding"] if c["padding"] != "sym" else None,
                          f"{mode} dilated" if mode in ("avg", "lp") and (dh, dw) != (1, 1)
                          else None,
                          f"input {c['form']}", f"rank {x.ndim}"):
            if extra_key:
                counts[extra_key] = counts.get(extra_key, 0) + 1

        def reference(source):
            return torch_pool(mode, source, (kh, kw), (sh, sw), (ph, pw), (dh, dw), ceil, cip,
                              div, p, adaptive, pads)

        xt = torch.from_numpy(x.reshape((-1,) + x.shape[-3:]).copy()).requires_grad_(True)
        try:
            out, idx = reference(xt)
            accepted = out.numel() > 0
        except RuntimeError:
            accepted = False

        options = ["--mode", mode, "--kernel", size_text(kh, kw), "--threads", c["threads"]]
        if (sh, sw) != (kh, kw) or pick.random() < 0.5:  # the stride defaults to the kernel
            options += ["--stride", size_text(sh, sw)]
        if mode in ("max", "min") or (dh, dw) != (1, 1):
            options += ["--dilation", size_text(dh, dw)]
        if c["padding"] == "sides":
            options += ["--padding", ",".join(str(v) for v in pads)]
        elif c["padding"] != "sym":
            options.append("--" + c["padding"])
        elif mode != "lp":
            options += (["--valid"] if ph == pw == 0 and pick.random() < 0.3 else
                        ["--padding", size_text(ph, pw)])
        if mode == "lp":
            options += ["--p", repr(p)]
        if ceil:
            options.append("--ceil-mode")
        if mode == "avg" and not cip and (ph or pw or c["padding"] == "sides" and any(pads)):
            options.append("--exclude-pad")
        if div:
            options += ["--divisor", str(div)]
        if adaptive:
            options = ["--mode", mode, "--threads", c["threads"]] + (
                ["--global"] if adaptive == (1, 1) and pick.random() < 0.7 else
                ["--adaptive", size_text(*adaptive)])
        if pick.random() < 0.2:
            options = name_equals_value(options)
        # The output as text sometimes, where it is one plane.
        out_ext = "npy"
        if x.ndim == 2 and pick.random() < 0.25:
            out_ext = pick.choice(["csv", "txt"])
            counts["output text"] = counts.get("output text", 0) + 1
        yout, iout = os.path.join(work, f"y.{out_ext}"), os.path.join(work, "i.npy")
        gin, gxout = os.path.join(work, "g.npy"), os.path.join(work, "gx.npy")
        uout = os.path.join(work, "u.npy")
        for n in os.listdir(work):
            os.remove(os.path.join(work, n))
        xin = write_input(os.path.join(work, "x"), x, c["form"])
        extra = ["--indices", iout] if mode in ("max", "min") else []
        rc, err = cli(["pool", xin, "-o", yout] + options + extra)
        if not accepted:
            counts["refused"] = counts.get("refused", 0) + 1
            problem = refused(rc, err, what)
            if not problem and os.path.exists(yout):
                problem = f"refused, but {yout} was written: {what}"
            if problem:
                print(problem)
                failures += 1
            continue
        if rc != 0:
            print(f"PyTorch accepts, poolviz-cli refuses ({err}): {what}")
            failures += 1
            continue

        y = read_output(yout)
        wide = c["form"] == "f8"  # float64 in, float64 out (holding float32 values)
        if out_ext == "npy" and y.dtype != (np.float64 if wide else np.float32):
            print(f"output dtype {y.dtype} for {c['form']} input: {what}")
            failures += 1
            continue
        y = y.astype(np.float32)
        expected = out.detach().numpy()
        # PyTorch sums a window in float: up to about taps·2⁻²³ of the |x| sum off (a window of
        # 19×19 values near 10⁻⁶ beside a few near 1 gives 20.000576 for the exact 20.000353).
        taps = (-(-H // adaptive[0]) + 1) * (-(-W // adaptive[1]) + 1) if adaptive else kh * kw
        tol = max(1e-5, 2.4e-7 * taps)
        # PoolViz keeps the input's rank: (C, H, W) in, (C, oh, ow) out.
        expected = expected.reshape(x.shape[:-2] + expected.shape[-2:])
        if y.shape != expected.shape:
            print(f"shape {y.shape}, PyTorch {expected.shape}: {what}")
            failures += 1
            continue
        # A dilated window whose taps all miss the input: PoolViz gives -inf and index -1
        # (core/README.md); PyTorch gives -inf with the index of a cell outside the window and
        # sends that window's gradient there. Compared: the values, -1, and the gradient without
        # those windows' share.
        no_tap = None
        if mode in ("max", "min") and not adaptive and not pads:
            no_tap = (tapless(H, expected.shape[-2], kh, sh, dh, ph)[:, None]
                      | tapless(W, expected.shape[-1], kw, sw, dw, pw)[None, :])
            if no_tap.any():
                counts["windows without an input tap"] = counts.get(
                    "windows without an input tap", 0) + 1
                idx = idx.clone()
                idx[..., torch.from_numpy(no_tap)] = -1
            else:
                no_tap = None
        scale = None  # max and min: bit for bit
        if mode == "avg":
            scale, _ = reference(xt.detach().abs())
            scale = scale.numpy().reshape(y.shape)
        elif mode == "lp":
            scale = np.abs(expected)
        ok = identical(y, expected) if scale is None else within(y, expected, scale, tol)
        if not ok:
            print(f"values differ ({first_difference(y, expected, scale, tol)}): {what}")
            failures += 1
            continue
        if mode in ("max", "min"):
            indices = np.load(iout)
            if not np.array_equal(indices, idx.numpy().reshape(y.shape)):
                print(f"indices differ: {what}")
                failures += 1
                continue
            # Max unpooling: the pooled values back at their indices in a zero plane.
            if out_ext == "npy" and pick.random() < 0.3:
                counts["unpool"] = counts.get("unpool", 0) + 1
                rc, err = cli(["unpool", yout, "--indices", iout, "--mode", mode,
                               "--output-size", f"{H}x{W}", "-o", uout])
                planes = int(np.prod(x.shape[:-2], dtype=np.int64))
                want = np.zeros((planes, H * W), np.float32)
                at = indices.reshape(planes, -1)
                row = np.broadcast_to(np.arange(planes)[:, None], at.shape)
                hit = at >= 0
                want[row[hit], at[hit]] = y.reshape(planes, -1)[hit]
                if (at < 0).any():
                    # Index -1 (a window without an input tap) is refused, as MaxUnpool2d
                    # refuses an index outside the plane.
                    problem = refused(rc, err, "unpool of index -1: " + what)
                    if problem:
                        print(problem)
                        failures += 1
                        continue
                elif rc != 0:
                    print(f"unpool refused ({err}): {what}")
                    failures += 1
                    continue
                else:
                    got = np.load(uout).astype(np.float32)
                    if not identical(got, want.reshape(x.shape)):
                        print(f"unpool differs ({first_difference(got, want.reshape(x.shape))}):"
                              f" {what}")
                        failures += 1
                        continue

        # The input gradient for a random upstream gradient: small integers or normal floats.
        if rng.random() < 0.5:
            g = rng.integers(-4, 5, out.shape).astype(np.float32)
        else:
            g = rng.standard_normal(out.shape).astype(np.float32)
        np.save(gin, g.reshape(y.shape))
        if mode == "lp":
            # x^p and its sums in float64: PyTorch's float32 loses about taps·p·2⁻²⁴ of the
            # gradient (y^(1−p) magnifies the error of the sum), PoolViz works in double.
            xt = xt.detach().double().requires_grad_(True)
            out, _ = reference(xt)
        g_torch = g.copy()
        if no_tap is not None:
            g_torch[..., no_tap] = 0
        out.backward(torch.from_numpy(g_torch).to(out.dtype))
        expected_gx = xt.grad.numpy().astype(np.float32).reshape(x.shape)
        if mode == "min":
            # −max(−x) hands the untouched cells −(+0) = −0; a min pool leaves them +0.
            expected_gx = expected_gx + np.float32(0)
        rc, err = cli(["backward", xin, "--grad", gin, "-o", gxout] + options)
        if rc != 0:
            print(f"backward refused ({err}): {what}")
            failures += 1
            continue
        gx = np.load(gxout).astype(np.float32)
        gscale = None  # max and min: bit for bit
        if mode not in ("max", "min"):
            # The scale: the same backward with |g|, the sum of the |shares| each cell receives.
            x2 = xt.detach().clone().requires_grad_(True)  # float64 for Lp
            out2, _ = reference(x2)
            out2.backward(torch.from_numpy(np.abs(g)).to(out2.dtype))
            gscale = x2.grad.numpy().astype(np.float32).reshape(gx.shape)
        ok = identical(gx, expected_gx) if gscale is None else within(gx, expected_gx, gscale, 1e-4)
        if not ok:
            print(f"gradients differ ({first_difference(gx, expected_gx, gscale, 1e-4)}): {what}")
            failures += 1
    failures += check_refusals()
    print(f"{CASES} random cases against PyTorch {torch.__version__} (seed {SEED}): "
          f"{failures} differ; by kind {dict(sorted(counts.items()))}")
    return 1 if failures else 0


# Values PyTorch refuses, each with the text poolviz-cli's one line must name: the value itself,
# or the sizes that do not fit. The input is 4×4.
REFUSALS = [
    (["--kernel", "0"], '"0"', lambda x: F.max_pool2d(x, 0)),
    (["--kernel", "-3"], '"-3"', lambda x: F.max_pool2d(x, -3)),
    (["--kernel", "2147483648"], '"2147483648"', lambda x: F.max_pool2d(x, 2 ** 31)),
    (["--kernel", "2", "--stride", "0"], '"0"', lambda x: F.max_pool2d(x, 2, 0)),
    (["--kernel", "2", "--dilation", "0"], '"0"', lambda x: F.max_pool2d(x, 2, 2, 0, 0)),
    (["--kernel", "2", "--padding", "-1"], '"-1"', lambda x: F.max_pool2d(x, 2, 2, -1)),
    (["--kernel", "5"], "5×5", lambda x: F.max_pool2d(x, 5)),
    (["--kernel", "3", "--dilation", "2"], "5×5", lambda x: F.max_pool2d(x, 3, 3, 0, 2)),
    (["--kernel", "9", "--stride", "1", "--ceil-mode"], "9×9",
     lambda x: F.max_pool2d(x, 9, 1, ceil_mode=True)),
    (["--mode", "avg", "--kernel", "2", "--divisor", "0"], '"0"',
     lambda x: F.avg_pool2d(x, 2, divisor_override=0)),
    (["--mode", "lp", "--kernel", "2", "--p", "0"], '"0"', lambda x: F.lp_pool2d(x, 0, 2)),
    (["--adaptive", "0x3"], '"0x3"', lambda x: F.adaptive_max_pool2d(x, (0, 3))),
]


def check_refusals():
    x = np.arange(16, dtype=np.float32).reshape(4, 4)
    xin, yout = os.path.join(work, "r.npy"), os.path.join(work, "ry.npy")
    np.save(xin, x)
    failures = 0
    for args, names, torch_call in REFUSALS:
        what = "poolviz-cli pool 4×4 " + " ".join(args)
        try:
            torch_out = torch_call(torch.from_numpy(x)[None, None])
            torch_refuses = torch_out.numel() == 0
        except (RuntimeError, ValueError, ZeroDivisionError, OverflowError):
            torch_refuses = True
        if not torch_refuses:
            print(f"the test expects PyTorch to refuse, but it answers: {what}")
            failures += 1
            continue
        if os.path.exists(yout):
            os.remove(yout)
        rc, err = cli(["pool", xin, "-o", yout] + args)
        problem = refused(rc, err, what)
        if not problem and names not in err:
            problem = f"the refusal does not name {names} ({err}): {what}"
        if not problem and os.path.exists(yout):
            problem = f"refused, but {yout} was written: {what}"
        if problem:
            print(problem)
            failures += 1
    return failures


if __name__ == "__main__":
    try:
        status = main()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)

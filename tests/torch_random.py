#!/usr/bin/env python3
"""Random poolings through poolviz-cli against PyTorch: forward values, argmax indices and the
input gradient, on shapes up to 3×300×1100 (large enough for the threaded kernels, the
128-column chunks and every fast path) with 2 threads.

Usage: torch_random.py POOLVIZ_CLI [CASES] [SEED]

The reference is PyTorch itself (torch.nn.functional), not PoolViz's code. What is compared:
- max and min (min as -max_pool2d(-x)): values, indices and the gradient bit for bit (PyTorch
  adds the gradient at each argmax in float, in output order, as PoolViz does);
- average: values within max(1e-5, taps·2.4e-7) of the window's |x| average (PyTorch sums in
  float, PoolViz in double), gradients within 1e-4 of the sum of the |shares|;
- Lp on x ≥ 0 in [1e-6, 1e6] with full windows (where core/README.md says the two agree):
  values within the same tolerance relative, gradients within 1e-4 of the |shares|.
Some cases are adaptive (adaptive_max_pool2d / adaptive_avg_pool2d). Parameters PyTorch refuses
must be refused by poolviz-cli (exit status 2).
Exit status: 0 all agree, 1 a mismatch (each printed with its case), 77 PyTorch missing.
"""
import os
import random
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


def torch_pool(mode, x, k, s, pad, dil, ceil, cip, div, p, adaptive=None):
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


def main():
    failures = 0
    counts = {}
    for case in range(CASES):
        mode = pick.choice(["max", "max", "min", "avg", "avg", "lp"])
        C = pick.choice([1, 1, 2, 3])
        H = pick.choice([pick.randint(1, 40), pick.randint(1, 300)])
        W = pick.choice([pick.randint(1, 40), pick.randint(1, 300), pick.randint(120, 1100)])
        kmax = pick.choice([4, 8, 31])
        kh, kw = pick.randint(1, kmax), pick.randint(1, kmax)
        if pick.random() < 0.4:
            kw = kh
        sh = pick.choice([1, 1, 2, pick.randint(1, 5), kh])
        sw = sh if pick.random() < 0.5 else pick.choice([1, 1, 2, pick.randint(1, 5), kw])
        dh = dw = 1
        if mode in ("max", "min") and pick.random() < 0.3:
            dh, dw = pick.randint(1, 3), pick.randint(1, 3)
        ph = pw = 0
        if mode != "lp" and pick.random() < 0.5:
            ph, pw = pick.randint(0, kh // 2), pick.randint(0, kw // 2)
        ceil = mode != "lp" and pick.random() < 0.4
        cip = pick.random() < 0.5
        div = pick.randint(1, 9) if mode == "avg" and pick.random() < 0.15 else None
        p = pick.choice([1.0, 2.0, 3.0, 1.5])
        # Adaptive bins (max, min, avg) in some cases: any output size up to the input's + 2.
        adaptive = None
        if mode != "lp" and pick.random() < 0.15:
            adaptive = (pick.randint(1, H + 2), pick.randint(1, W + 2))
        x = values((1, C, H, W) if pick.random() < 0.5 else (C, H, W))
        if mode == "lp":
            x = np.abs(np.nan_to_num(x, nan=1.0, posinf=3.0, neginf=3.0))
            x = np.where(x == 0, 0, np.clip(x, 1e-6, 1e6)).astype(np.float32)
        if mode == "avg":
            x = np.clip(x, -1e30, 1e30).astype(np.float32)
        what = (f"case {case}: {mode} x{x.shape} kernel {kh}x{kw} stride {sh}x{sw} dilation "
                f"{dh}x{dw} padding {ph}x{pw} ceil={ceil} count_include_pad={cip} divisor={div}"
                + (f" p={p}" if mode == "lp" else "")
                + (f" adaptive {adaptive[0]}x{adaptive[1]}" if adaptive else ""))
        key = mode + (" adaptive" if adaptive else "")
        counts[key] = counts.get(key, 0) + 1

        xt = torch.from_numpy(x.reshape((-1,) + x.shape[-3:]).copy()).requires_grad_(True)
        try:
            out, idx = torch_pool(mode, xt, (kh, kw), (sh, sw), (ph, pw), (dh, dw), ceil, cip,
                                  div, p, adaptive)
            accepted = out.numel() > 0
        except RuntimeError:
            accepted = False

        options = ["--mode", mode, "--kernel", f"{kh}x{kw}", "--stride", f"{sh}x{sw}",
                   "--threads", "2"]
        if mode in ("max", "min"):
            options += ["--dilation", f"{dh}x{dw}"]
        if mode != "lp":
            options += ["--padding", f"{ph}x{pw}"]
        else:
            options += ["--p", repr(p)]
        if ceil:
            options.append("--ceil-mode")
        if mode == "avg" and not cip and (ph or pw):
            options.append("--exclude-pad")
        if div:
            options += ["--divisor", str(div)]
        if adaptive:
            options = ["--mode", mode, "--adaptive", f"{adaptive[0]}x{adaptive[1]}",
                       "--threads", "2"]
        xin, yout, iout = (os.path.join(work, n) for n in ("x.npy", "y.npy", "i.npy"))
        gin, gxout = os.path.join(work, "g.npy"), os.path.join(work, "gx.npy")
        for f in (yout, iout, gxout):
            if os.path.exists(f):
                os.remove(f)
        np.save(xin, x)
        extra = ["--indices", iout] if mode in ("max", "min") else []
        rc, err = cli(["pool", xin, "-o", yout] + options + extra)
        if not accepted:
            if rc != 2:
                print(f"PyTorch refuses, poolviz-cli exits {rc}: {what}")
                failures += 1
            continue
        if rc != 0:
            print(f"PyTorch accepts, poolviz-cli refuses ({err}): {what}")
            failures += 1
            continue

        y = np.load(yout)
        expected = out.detach().numpy()
        # PyTorch sums a window in float: up to about taps·2⁻²³ of the |x| sum off (a window of
        # 19×19 values near 10⁻⁶ beside a few near 1 gives 20.000576 for the exact 20.000353).
        taps = (-(-H // adaptive[0]) + 1) * (-(-W // adaptive[1]) + 1) if adaptive else kh * kw
        tol = max(1e-5, 2.4e-7 * taps)
        # PoolViz keeps the input's rank: (C, H, W) in, (C, oh, ow) out.
        if x.ndim == 3:
            expected = expected[0]
        if y.shape != expected.shape:
            print(f"shape {y.shape}, PyTorch {expected.shape}: {what}")
            failures += 1
            continue
        scale = None  # max and min: bit for bit
        if mode == "avg":
            scale, _ = torch_pool(mode, xt.detach().abs(), (kh, kw), (sh, sw), (ph, pw), (dh, dw),
                                  ceil, cip, div, p, adaptive)
            scale = scale.numpy().reshape(y.shape)
        elif mode == "lp":
            scale = np.abs(expected)
        ok = identical(y, expected) if scale is None else within(y, expected, scale, tol)
        if not ok:
            print(f"values differ ({first_difference(y, expected, scale, tol)}): {what}")
            failures += 1
            continue
        if mode in ("max", "min") and not np.array_equal(np.load(iout),
                                                          idx.numpy().reshape(y.shape)):
            print(f"indices differ: {what}")
            failures += 1
            continue

        # The input gradient for a random upstream gradient: small integers or normal floats.
        if rng.random() < 0.5:
            g = rng.integers(-4, 5, out.shape).astype(np.float32)
        else:
            g = rng.standard_normal(out.shape).astype(np.float32)
        np.save(gin, g.reshape(y.shape))
        out.backward(torch.from_numpy(g))
        expected_gx = xt.grad.numpy().reshape(x.shape)
        if mode == "min":
            # −max(−x) hands the untouched cells −(+0) = −0; a min pool leaves them +0.
            expected_gx = expected_gx + np.float32(0)
        rc, err = cli(["backward", xin, "--grad", gin, "-o", gxout] + options)
        if rc != 0:
            print(f"backward refused ({err}): {what}")
            failures += 1
            continue
        gx = np.load(gxout)
        gscale = None  # max and min: bit for bit
        if mode not in ("max", "min"):
            # The scale: the same backward with |g|, the sum of the |shares| each cell receives.
            x2 = xt.detach().clone().requires_grad_(True)
            out2, _ = torch_pool(mode, x2, (kh, kw), (sh, sw), (ph, pw), (dh, dw), ceil, cip, div,
                                 p, adaptive)
            out2.backward(torch.from_numpy(np.abs(g)))
            gscale = x2.grad.numpy().reshape(gx.shape)
        ok = identical(gx, expected_gx) if gscale is None else within(gx, expected_gx, gscale, 1e-4)
        if not ok:
            print(f"gradients differ ({first_difference(gx, expected_gx, gscale, 1e-4)}): {what}")
            failures += 1
    print(f"{CASES} random cases against PyTorch {torch.__version__} (seed {SEED}): "
          f"{failures} differ; by mode {counts}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

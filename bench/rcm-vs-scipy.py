#!/usr/bin/env python3
"""Reverse Cuthill-McKee: Skylift against SciPy on the same graph, on this machine, in one run.

Generates a randomly relabelled side x side x side grid (default 100: 1,000,000 vertices,
2,970,000 edges) as MatrixMarket, times scipy.sparse.csgraph.reverse_cuthill_mckee on it in
process (file reading excluded), then runs `./skylift bench rcm` on the same file (in-process
time after JIT warm-up, file reading excluded) and prints both, their bandwidths and the ratio.

    python3 bench/rcm-vs-scipy.py [--side 100] [--seed 42] [--repeat 10]
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import numpy as np
import scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import reverse_cuthill_mckee

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def grid_edges(side):
    idx = np.arange(side ** 3, dtype=np.int64).reshape(side, side, side)
    pairs = [
        (idx[:-1, :, :].ravel(), idx[1:, :, :].ravel()),
        (idx[:, :-1, :].ravel(), idx[:, 1:, :].ravel()),
        (idx[:, :, :-1].ravel(), idx[:, :, 1:].ravel()),
    ]
    return np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])


def write_mtx(path, n, u, v):
    hi, lo = np.maximum(u, v) + 1, np.minimum(u, v) + 1
    with open(path, "w") as f:
        f.write("%%MatrixMarket matrix coordinate pattern symmetric\n")
        f.write("% randomly relabelled grid, written by bench/rcm-vs-scipy.py\n")
        f.write(f"{n} {n} {len(u)}\n")
        np.savetxt(f, np.column_stack([hi, lo]), fmt="%d")


def bandwidth(u, v, perm):
    pos = np.empty_like(perm)
    pos[perm] = np.arange(len(perm))
    return int(np.max(np.abs(pos[u] - pos[v])))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--side", type=int, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()

    n = args.side ** 3
    u, v = grid_edges(args.side)
    relabel = np.random.default_rng(args.seed).permutation(n)
    u, v = relabel[u], relabel[v]
    scratch = os.path.join(ROOT, "bench", "scratch")
    os.makedirs(scratch, exist_ok=True)
    path = os.path.join(scratch, f"grid{args.side}-rnd{args.seed}.mtx")
    if not os.path.exists(path):
        write_mtx(path, n, u, v)

    data = np.ones(2 * len(u), dtype=np.int8)
    matrix = csr_matrix((data, (np.concatenate([u, v]), np.concatenate([v, u]))), shape=(n, n))
    times = []
    perm = None
    for _ in range(args.repeat):
        t = time.perf_counter()
        perm = reverse_cuthill_mckee(matrix, symmetric_mode=True)
        times.append((time.perf_counter() - t) * 1000)
    scipy_bw = bandwidth(u, v, perm.astype(np.int64))
    scipy_ms = statistics.median(times)

    def skylift(*extra):
        out = subprocess.run([os.path.join(ROOT, "skylift"), "bench", "rcm", "--graph", path, "--json",
                              "--warmup", "5", "--repeat", str(args.repeat), *extra],
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    ours = skylift()

    print(f"graph: {args.side}x{args.side}x{args.side} grid relabelled with seed {args.seed}: n={n:,} m={len(u):,} ({os.path.relpath(path, ROOT)})")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, SciPy {scipy.__version__}")
    print(f"scipy   rcm: median {scipy_ms:7.1f} ms  min {min(times):7.1f} ms  over {args.repeat} runs  bandwidth {scipy_bw}")
    print(f"skylift rcm: median {ours['medianMillis']:7.1f} ms  min {ours['minMillis']:7.1f} ms  over {args.repeat} runs  bandwidth {ours['bandwidth']}")
    print(f"ratio skylift/scipy (median): {ours['medianMillis'] / scipy_ms:.2f}  (both orderings run on one thread; file reading excluded)")

if __name__ == "__main__":
    sys.exit(main())

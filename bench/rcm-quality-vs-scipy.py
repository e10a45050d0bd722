#!/usr/bin/env python3
"""Bandwidth of Skylift's RCM against SciPy's RCM on every instance of a folder, in one run.

Runs `./skylift bench bandwidth --method rcm --csv` on the folder, then SciPy's
reverse_cuthill_mckee on each same file, and prints one row per instance and the totals.

    python3 bench/rcm-quality-vs-scipy.py ../shared/bench/bandwidth/instances [../shared/bench/bandwidth/best-known.csv]
"""
import csv
import os
import subprocess
import sys
import tempfile

import numpy as np
import scipy
import scipy.io
from scipy.sparse.csgraph import reverse_cuthill_mckee

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def scipy_rcm_bandwidth(path):
    m = scipy.io.mmread(path).tocsr()
    m = (abs(m) + abs(m.T)).tocsr()
    perm = reverse_cuthill_mckee(m, symmetric_mode=True)
    pos = np.empty_like(perm)
    pos[perm] = np.arange(len(perm))
    coo = m.tocoo()
    off = coo.row != coo.col
    return int(np.max(np.abs(pos[coo.row[off]] - pos[coo.col[off]]))) if off.any() else 0


def main():
    folder = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "rcm.csv")
        cmd = [os.path.join(ROOT, "skylift"), "bench", "bandwidth", "--instances", folder, "--method", "rcm", "--csv", out]
        if len(sys.argv) > 2:
            cmd += ["--best-known", sys.argv[2]]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ours = list(csv.DictReader(open(out)))
    print(f"SciPy {scipy.__version__}")
    print(f"{'instance':10} {'n':>5} {'skylift':>8} {'scipy':>6}  verdict")
    tally = {"better": 0, "equal": 0, "worse": 0}
    total_ours = total_scipy = 0
    for row in ours:
        s = scipy_rcm_bandwidth(os.path.join(folder, row["instance"] + ".mtx"))
        o = int(row["result"])
        verdict = "better" if o < s else "equal" if o == s else "worse"
        tally[verdict] += 1
        total_ours += o
        total_scipy += s
        print(f"{row['instance']:10} {row['n']:>5} {o:>8} {s:>6}  {verdict}")
    print(f"skylift rcm narrower than scipy on {tally['better']}, equal on {tally['equal']}, wider on {tally['worse']}; "
          f"sum of bandwidths {total_ours} vs {total_scipy}")


if __name__ == "__main__":
    main()

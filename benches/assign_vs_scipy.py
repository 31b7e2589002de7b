#!/usr/bin/env python3
"""Our assignment solver against scipy.optimize.linear_sum_assignment, side by side.

Usage: python3 benches/assign_vs_scipy.py [--seeds N]   (needs numpy and scipy; builds the
example in release mode). For each size and seed it writes one random integer matrix, times
scipy on it in this process and `examples/assign` on the same file, and checks the optimal
costs are identical. Parsing is excluded from both timings. Prints a Markdown table.
"""
import argparse, os, subprocess, sys, tempfile, time
import numpy as np
from scipy.optimize import linear_sum_assignment

SIZES = [(1000, 1000), (2000, 2000), (2000, 3000)]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ap = argparse.ArgumentParser()
ap.add_argument("--seeds", type=int, default=3)
ap.add_argument("--high", type=int, default=1000, help="costs are uniform in [0, high)")
args = ap.parse_args()

subprocess.run(["cargo", "build", "-q", "--release", "--example", "assign"], cwd=root, check=True)
exe = os.path.join(root, "target", "release", "examples", "assign")

print(f"| size | seed | scipy s | kontakt s | speed-up | cost equal |")
print(f"|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    for rows, cols in SIZES:
        for seed in range(args.seeds):
            rng = np.random.default_rng(seed)
            m = rng.integers(0, args.high, size=(rows, cols), dtype=np.int64)
            path = os.path.join(tmp, f"m{rows}x{cols}-{seed}.txt")
            np.savetxt(path, m, fmt="%d")
            t = time.perf_counter()
            r, c = linear_sum_assignment(m)
            scipy_s = time.perf_counter() - t
            scipy_cost = int(m[r, c].sum())
            out = subprocess.run([exe, path], capture_output=True, text=True, check=True).stdout
            fields = dict(kv.split("=") for kv in out.split())
            ours_cost, ours_s = int(fields["cost"]), float(fields["seconds"])
            same = ours_cost == scipy_cost
            print(f"| {rows}x{cols} | {seed} | {scipy_s:.3f} | {ours_s:.3f} | {scipy_s / ours_s:.1f}x | {'yes' if same else f'NO ({ours_cost} vs {scipy_cost})'} |")
            if not same:
                sys.exit(1)

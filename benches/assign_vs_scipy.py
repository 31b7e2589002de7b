#!/usr/bin/env python3
"""Our assignment solver against scipy.optimize.linear_sum_assignment, side by side.

Usage: python3 benches/assign_vs_scipy.py [--seeds N] [--reps R]   (needs numpy and scipy;
builds the example in release mode, under $CARGO_TARGET_DIR if set). For each size and seed it
writes one random integer matrix, times scipy on it in this process and `examples/assign` on
the same file, R times each, alternating which goes first, and checks the optimal costs are
identical. Parsing is excluded from both timings. Prints the medians as a Markdown table.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time
import numpy as np
from scipy.optimize import linear_sum_assignment

SIZES = [(1000, 1000), (2000, 2000), (2000, 3000)]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ap = argparse.ArgumentParser()
ap.add_argument("--seeds", type=int, default=3)
ap.add_argument("--reps", type=int, default=3, help="timings per solver and seed (median kept)")
ap.add_argument("--exe", help="an already built `assign` to time instead of building this tree's")
ap.add_argument("--high", type=int, default=1000, help="costs are uniform in [0, high)")
args = ap.parse_args()

if args.exe:
    exe = args.exe
else:
    subprocess.run(["cargo", "build", "-q", "--release", "--example", "assign"], cwd=root, check=True)
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(root, "target")
    exe = os.path.join(target, "release", "examples", "assign")

print(f"| size | seed | scipy s | kontakt s | speed-up | cost equal |")
print(f"|---|---|---|---|---|---|")
with tempfile.TemporaryDirectory() as tmp:
    for rows, cols in SIZES:
        for seed in range(args.seeds):
            rng = np.random.default_rng(seed)
            m = rng.integers(0, args.high, size=(rows, cols), dtype=np.int64)
            path = os.path.join(tmp, f"m{rows}x{cols}-{seed}.txt")
            np.savetxt(path, m, fmt="%d")
            scipy_t, ours_t = [], []
            for rep in range(max(1, args.reps)):
                for turn in range(2):
                    if (rep + turn) % 2 == 0:
                        t = time.perf_counter()
                        r, c = linear_sum_assignment(m)
                        scipy_t.append(time.perf_counter() - t)
                        scipy_cost = int(m[r, c].sum())
                    else:
                        out = subprocess.run([exe, path], capture_output=True, text=True, check=True).stdout
                        fields = dict(kv.split("=") for kv in out.split())
                        ours_cost = int(fields["cost"])
                        ours_t.append(float(fields["seconds"]))
            scipy_s, ours_s = statistics.median(scipy_t), statistics.median(ours_t)
            same = ours_cost == scipy_cost
            print(f"| {rows}x{cols} | {seed} | {scipy_s:.3f} | {ours_s:.3f} | {scipy_s / ours_s:.1f}x | {'yes' if same else f'NO ({ours_cost} vs {scipy_cost})'} |")
            if not same:
                sys.exit(1)

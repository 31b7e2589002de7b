#!/usr/bin/env python3
"""Scale benchmarks for docs/benchmarks.md (issue: a city's history and a whole country).

    cargo build --release --bins --examples && python3 benches/scale.py [--runs 3] [--work /tmp/kontakt-scale] [--only 1,3]

Generates (once, kept in --work) a city with 60 months of history, the same city with one month,
and the national directory, then measures side by side, medians of --runs:

1. pay MONTH --dry-run on the city: 60 months of history against one month.
2. pay MONTH --dry-run on the national directory against examples/read_minimal (one thread,
   toml + serde, exactly the files the run needs).
3. kontakt check on the national directory against `hledger check` on a journal with as many
   transactions as there are records (Debian's hledger): reading every file (`--no-cache`), after
   one record changed since the last check (the cache answers for the rest), and with nothing
   changed.
4. show, apply, screen, report and agree on the national directory against the demo records.
5. Peak memory (maximum resident set) of pay and check on the national directory.

Wall-clock figures, never asserted by tests. Needs /usr/bin/time (Debian's `time` package).
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KONTAKT = os.path.join(ROOT, "target/release/kontakt")
GENERATE = os.path.join(ROOT, "target/release/examples/generate")
MINIMAL = os.path.join(ROOT, "target/release/examples/read_minimal")
TODAY = "2026-11-05"
MONTH = "2026-10"


def timed(cmd, env=None, ok_codes=(0,)):
    """(seconds, peak KiB) of one run of cmd."""
    t = time.perf_counter()
    p = subprocess.run(
        ["/usr/bin/time", "-f", "%M"] + cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    secs = time.perf_counter() - t
    if p.returncode not in ok_codes:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    peak = int(p.stderr.strip().splitlines()[-1])
    return secs, peak


def median(cmd, runs, **kw):
    results = [timed(cmd, **kw) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def generate(work, name, *args):
    path = os.path.join(work, name)
    if not os.path.exists(os.path.join(path, "kontakt.toml")):
        shutil.rmtree(path, ignore_errors=True)
        t = time.perf_counter()
        subprocess.run([GENERATE, path, *args], check=True)
        print(f"generated {name} in {time.perf_counter() - t:.1f} s", flush=True)
    return path


def k(records, *args):
    return [KONTAKT, "--records", records, "--today", TODAY, *args]


def count_records(path):
    n = 0
    for _, _, files in os.walk(path):
        n += sum(1 for f in files if f.endswith(".toml") and f != "kontakt.toml")
    return n


def journal(path, n):
    if os.path.exists(path):
        return
    rnd = random.Random(1)
    with open(path, "w") as f:
        for i in range(n):
            day = 1 + i % 28
            month = 1 + (i // 28) % 12
            f.write(
                f"2026-{month:02d}-{day:02d} Arvode uppdrag {i}\n"
                f"    expenses:arvode:cc{rnd.randint(1, 4)}    {rnd.randint(100, 300000) / 100:.2f} SEK\n"
                f"    liabilities:lon\n\n"
            )


def changed_one(records, runs):
    """(median seconds, peak KiB) of check after one record was saved again since the last
    check, a different record each run, as a day's work leaves it."""
    folder = os.path.join(records, "clients")
    names = sorted(os.listdir(folder))[:runs]
    results = []
    for name in names:
        path = os.path.join(folder, name)
        text = open(path, "rb").read()
        with open(path + ".tmp", "wb") as f:
            f.write(text)
        os.replace(path + ".tmp", path)  # an editor's save: same text, a new file
        results.append(timed(k(records, "check")))
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def writes(records, runs):
    """Median seconds of show, apply, screen, report and agree on a copy of `records`."""
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        # A copy only of what the commands touch would not be fair; hard links keep it cheap.
        copy = os.path.join(tmp, "r")
        subprocess.run(["cp", "-al", records, copy], check=True)
        listed = json.loads(
            subprocess.run(k(copy, "--json", "list", "assignments", "--status", "active"), capture_output=True, text=True, check=True).stdout
        )
        a = listed[0]["id"]
        shown = json.loads(subprocess.run(k(copy, "--json", "show", a), capture_output=True, text=True, check=True).stdout)
        c, v = shown["client"], shown["volunteer"]
        pnrs = [
            l.strip()
            for l in open(os.path.join(ROOT, "../shared/reference/personnummer/skatteverket-testpersonnummer.txt"))
            if l.strip() and not l.startswith("#") and l.startswith("1940")
        ]
        cmds = {
            "show": lambda i: k(copy, "show", a),
            "apply": lambda i: k(copy, "apply", "volunteer", "--name", f"Ny {i}", "--pnr", pnrs[-1 - i]),
            "screen": lambda i: k(copy, "screen", "volunteer", v, "--employee-number", f"B{i}"),
            "report": lambda i: k(copy, "report", a, "2026-11", "--meeting", "2026-11-02"),
            "agree": lambda i: k(copy, "agree", a, "--signed", f"2026-10-{10 + i:02d}"),
        }
        for name, cmd in cmds.items():
            # kontakt writes by renaming a new file into place, so the hard-linked original is
            # never changed.
            times = [timed(cmd(i))[0] for i in range(runs)]
            out[name] = statistics.median(times)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/kontakt-scale")
    ap.add_argument("--only", default="1,2,3,4,5", help="targets to measure, e.g. 3 or 1,4")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    for exe in (KONTAKT, GENERATE, MINIMAL):
        if not os.path.exists(exe):
            sys.exit(f"missing {exe}: cargo build --release --bins --examples")

    city60 = generate(a.work, "city60", "--clients", "3600", "--volunteers", "4000", "--assignments", "3000", "--months", "60")
    city1 = generate(a.work, "city1", "--clients", "3600", "--volunteers", "4000", "--assignments", "3000", "--months", "1")
    national = generate(
        a.work, "national", "--clients", "55000", "--volunteers", "60000", "--assignments", "50000", "--months", "12"
    )
    only = set(a.only.split(","))
    res = {}
    # 1. History does not cost.
    if "1" in only:
        t60, _ = median(k(city60, "pay", MONTH, "--dry-run"), a.runs)
        t1, _ = median(k(city1, "pay", MONTH, "--dry-run"), a.runs)
        res["1 city pay --dry-run 60 months / 1 month"] = (t60, t1, t60 / t1, 1.2)
    # 2. The national run against reading its files.
    if "2" in only or "5" in only:
        tp, mp = median(k(national, "pay", MONTH, "--dry-run"), a.runs)
    if "2" in only:
        tm, mm = median([MINIMAL, national, MONTH], a.runs)
        res["2 national pay --dry-run / minimal reader"] = (tp, tm, tp / tm, 1.5)
    # 3. check against hledger check, records per second.
    n = count_records(national)
    if "3" in only or "5" in only:
        tc, mc = median(k(national, "check", "--no-cache"), a.runs)
        timed(k(national, "check"))  # brings the cache up to date
        one, m1 = changed_one(national, a.runs)
        tw, mw = median(k(national, "check"), a.runs)
        mc = max(mc, m1, mw)
    if "3" in only:
        jpath = os.path.join(a.work, "national.journal")
        journal(jpath, n)
        th, mh = median(["hledger", "-f", jpath, "check"], a.runs)
        hl = n / th
        res["3 check records/s: every file read / hledger"] = (n / tc, hl, (n / tc) / hl, 10)
        res["3 check records/s: one record changed / hledger"] = (n / one, hl, (n / one) / hl, 10)
        res["3 check records/s: nothing changed / hledger"] = (n / tw, hl, (n / tw) / hl, 10)
    # 4. Single-record commands, national against the demo.
    if "4" in only:
        demo = os.path.join(ROOT, "records")
        wn = writes(national, a.runs)
        wd = writes(demo, a.runs)
        for name in wn:
            res[f"4 {name}: national / demo"] = (wn[name], wd[name], wn[name] / wd[name], 1.2)
    # 5. Peak memory.
    if "5" in only:
        res["5 peak MiB: pay national"] = (mp / 1024, None, None, 1024)
        res["5 peak MiB: check national (largest of the three)"] = (mc / 1024, None, None, 1024)
    print(f"\nrecords: national {n}; hledger journal {n} transactions; medians of {a.runs} runs\n")
    print(f"{'target':48} {'ours':>12} {'against':>12} {'ratio':>8} {'goal':>8}")
    for name, (ours, against, ratio, goal) in res.items():
        fmt = lambda x: "" if x is None else (f"{x:.3f}" if x < 1000 else f"{x:.0f}")
        print(f"{name:48} {fmt(ours):>12} {fmt(against):>12} {fmt(ratio):>8} {goal:>8}")


if __name__ == "__main__":
    main()

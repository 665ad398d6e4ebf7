#!/usr/bin/env python3
"""Quality benchmark for `slate plan`: film minutes scheduled by slate against
an exact solver (OR-Tools CP-SAT) under the same hard rules.

    cargo build --release
    python3 -m pip install ortools      # once
    python3 benches/plan_quality.py [--small 30] [--large 5] [--seed 1]

Small instances (1-2 venues, 1-2 days, up to 8 slots, 2-4 series) are solved
to proven optimality; the table reports slate's minutes / the optimum.
Large instances (3 venues x 4 days x 3 slots, 8 series) give CP-SAT the same
wall time slate took, end to end (solver time only; building the model is
not counted), and compare what each found; CP-SAT with 30 s is shown too.

The rules, as in src/schedule/search.rs: a film qualifies for a series when
it carries any (or all, with match = "all") of its themes, directly or
through a narrower theme, is not excluded, fits `max_runtime`, has a runtime,
fits the longest slot with the introduction, and is not pinned in another
series; a screening of n films occupies intro + sum(runtime) +
interval*(n-1) <= slot length, holds at most 8 films; each film once; a
series gets at most `screenings` slots, pairwise non-overlapping; pins are
screened in their series. The exact solver maximises film minutes only.
"""
import argparse
import datetime as dt
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tomllib
from zoneinfo import ZoneInfo

from ortools.sat.python import cp_model

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLATE = os.path.join(ROOT, "target", "release", "slate")
MAX_FILMS = 8
THEMES = ["strikes", "mining", "coal", "textiles", "womens-work", "automation",
          "migrant-labour", "cooperatives", "deindustrialisation", "transport",
          "steel", "agriculture", "unemployment", "precarity"]


def load_catalogue():
    with open(os.path.join(ROOT, "data", "themes.toml"), "rb") as f:
        themes = tomllib.load(f)["theme"]
    broader = {t["id"]: t.get("broader") for t in themes}
    films = []
    for p in sorted(glob.glob(os.path.join(ROOT, "data", "films", "*.toml"))):
        with open(p, "rb") as f:
            films.extend(tomllib.load(f)["film"])
    return films, broader


def implies(broader, carried, wanted):
    cur, steps = carried, 0
    while cur is not None and steps < 32:
        if cur == wanted:
            return True
        cur, steps = broader.get(cur), steps + 1
    return False


def programme(rng, venues, days, times, n_series, max_screenings, films):
    text = ['name = "Bench"', 'timezone = "Europe/Lisbon"',
            f"intro = {rng.choice([0, 5, 10])}", f"interval = {rng.choice([0, 5])}",
            "changeover = 15", f"seed = {rng.randrange(1000)}"]
    for v in range(venues):
        text += ["", "[[venue]]", f'id = "v{v}"', f'name = "Venue {v}"']
    for v in range(venues):
        for d in range(days):
            for (h, m, length) in times:
                text += ["", "[[slot]]", f'venue = "v{v}"',
                         f"start = 2027-06-{10 + d:02d}T{h:02d}:{m:02d}:00", f"length = {length}"]
    ids = [f["id"] for f in films if f.get("runtime", 999) <= 100]
    pinned = set()
    for s in range(n_series):
        a, b = rng.sample(THEMES, 2)
        text += ["", "[[series]]", f'id = "s{s}"', f'title = "Series {s}"',
                 f'themes = ["{a}", "{b}"]', f"screenings = {rng.randint(1, max_screenings)}"]
        if rng.random() < 0.15:
            text.append(f"max_runtime = {rng.choice([40, 90, 110])}")
    return "\n".join(text) + "\n"


def rules(prog, films, broader):
    """Candidate films per series, slot data and overlaps, as slate sees them."""
    tz = ZoneInfo(prog["timezone"])
    intro, interval = prog.get("intro", 0), prog.get("interval", 0)
    slots = []
    for s in prog.get("slot", []):
        start = dt.datetime.fromisoformat(str(s["start"])).replace(tzinfo=tz)
        slots.append((start.timestamp(), s["length"]))
    longest = max(l for _, l in slots)
    overlap = [[a[0] < b[0] + b[1] * 60 and b[0] < a[0] + a[1] * 60 for b in slots] for a in slots]
    index = {f["id"]: i for i, f in enumerate(films)}
    series = prog["series"]
    pins = {s["id"]: [index[p] for p in s.get("pin", [])] for s in series}
    cands = []
    for s in series:
        others = {p for o in series if o["id"] != s["id"] for p in pins[o["id"]]}
        wanted = s["themes"]
        out = []
        for i, f in enumerate(films):
            r = f.get("runtime")
            if r is None or intro + r > longest or i in others:
                continue
            carries = [any(implies(broader, t, w) for t in f.get("themes", [])) for w in wanted]
            ok = all(carries) if s.get("match") == "all" else any(carries)
            if not ok or f["id"] in s.get("exclude", []):
                continue
            if "max_runtime" in s and r > s["max_runtime"]:
                continue
            out.append(i)
        cands.append(out)
    return slots, overlap, cands, pins, intro, interval


def exact(prog, films, broader, budget):
    slots, overlap, cands, pins, intro, interval = rules(prog, films, broader)
    series = prog["series"]
    m = cp_model.CpModel()
    x, y = {}, {}
    for t, (_, length) in enumerate(slots):
        for si, s in enumerate(series):
            y[t, si] = m.NewBoolVar("")
            fs = [f for f in cands[si] if intro + films[f]["runtime"] <= length]
            for f in fs:
                x[t, si, f] = m.NewBoolVar("")
                m.AddImplication(x[t, si, f], y[t, si])
            m.Add(sum((films[f]["runtime"] + interval) * x[t, si, f] for f in fs)
                  <= (length - intro + interval) * y[t, si])
            m.Add(sum(x[t, si, f] for f in fs) <= MAX_FILMS * y[t, si])
            m.Add(sum(x[t, si, f] for f in fs) >= y[t, si])
        m.Add(sum(y[t, si] for si in range(len(series))) <= 1)
    by_film = {}
    for (t, si, f), v in x.items():
        by_film.setdefault(f, []).append(v)
    for vs in by_film.values():
        m.Add(sum(vs) <= 1)
    for si, s in enumerate(series):
        m.Add(sum(y[t, si] for t in range(len(slots))) <= s["screenings"])
        for a in range(len(slots)):
            for b in range(a + 1, len(slots)):
                if overlap[a][b]:
                    m.Add(y[a, si] + y[b, si] <= 1)
        for p in pins[s["id"]]:
            m.Add(sum(v for (t, sj, f), v in x.items() if sj == si and f == p) == 1)
    m.Maximize(sum(films[f]["runtime"] * v for (t, si, f), v in x.items()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = budget
    solver.parameters.num_workers = 2
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, False
    return int(round(solver.ObjectiveValue())), status == cp_model.OPTIMAL


def slate(path):
    start = time.monotonic()
    out = subprocess.run([SLATE, "--data", os.path.join(ROOT, "data"), "plan", path, "--format", "json"],
                         capture_output=True, text=True)
    secs = time.monotonic() - start
    if out.returncode != 0:
        return None, secs, out.stderr
    return json.loads(out.stdout)["metrics"]["film_minutes"], secs, ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=30)
    ap.add_argument("--large", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not os.path.exists(SLATE):
        sys.exit("build slate first: cargo build --release")
    films, broader = load_catalogue()
    rng = random.Random(args.seed)
    tmp = tempfile.mkdtemp()
    small_times = [(11, 0, 150), (14, 0, 120), (16, 30, 180), (20, 0, 100), (22, 0, 200)]
    ratios = []
    print(f"{'instance':<10} {'slots':>5} {'series':>6} {'slate min':>9} {'exact min':>9} {'ratio':>6} {'slate s':>7}")
    for i in range(args.small):
        times = sorted(rng.sample(small_times, rng.randint(2, 4)))
        text = programme(rng, rng.randint(1, 2), rng.randint(1, 2), times, rng.randint(2, 4), 3, films)
        path = os.path.join(tmp, f"small-{i}.toml")
        open(path, "w").write(text)
        got, secs, err = slate(path)
        if got is None:
            print(f"small-{i:<4} slate refused: {err.strip().splitlines()[0] if err else '?'}")
            continue
        with open(path, "rb") as f:
            prog = tomllib.load(f)
        best, proven = exact(prog, films, broader, 120)
        ratio = got / best if best else 1.0
        ratios.append(ratio)
        print(f"small-{i:<4} {len(prog['slot']):>5} {len(prog['series']):>6} {got:>9} {best:>9} {ratio:>6.3f} {secs:>7.2f}"
              + ("" if proven else "  (optimum not proven)"))
    if ratios:
        print(f"\nsmall instances: mean ratio {sum(ratios) / len(ratios):.4f}, worst {min(ratios):.4f} "
              f"over {len(ratios)} instances")
    large_times = [(11, 0, 150), (15, 0, 150), (20, 0, 190)]
    print(f"\n{'instance':<10} {'slots':>5} {'series':>6} {'slate min':>9} {'slate s':>7} {'CP-SAT same time':>16} {'CP-SAT 30 s':>11}")
    wins = 0
    for i in range(args.large):
        text = programme(rng, 3, 4, large_times, 8, 6, films)
        path = os.path.join(tmp, f"large-{i}.toml")
        open(path, "w").write(text)
        got, secs, err = slate(path)
        if got is None:
            print(f"large-{i:<4} slate refused: {err.strip().splitlines()[0] if err else '?'}")
            continue
        with open(path, "rb") as f:
            prog = tomllib.load(f)
        best, _ = exact(prog, films, broader, secs)
        longer, proven = exact(prog, films, broader, 30)
        wins += got >= (best or 0)
        print(f"large-{i:<4} {len(prog['slot']):>5} {len(prog['series']):>6} {got:>9} {secs:>7.2f} "
              f"{best if best is not None else 'none':>16} {longer if longer is not None else 'none':>11}"
              + (" (optimal)" if proven else ""))
    print(f"\nlarge instances: slate found at least as many film minutes as CP-SAT in {wins} of {args.large}")


if __name__ == "__main__":
    main()

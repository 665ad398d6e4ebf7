#!/usr/bin/env python3
"""Quality benchmark for `slate plan`: film minutes scheduled by slate against
an exact solver (OR-Tools CP-SAT) under the same hard rules, every plan
checked rule by rule by an independent checker.

    cargo build --release
    python3 -m pip install ortools      # once (add --break-system-packages
                                        # if pip refuses an externally
                                        # managed environment)
    python3 benches/plan_quality.py [--small 30] [--large 5] [--seed 1]
                                    [--slate target/release/slate] [--out DIR]
    python3 benches/plan_quality_model.py   # the model's and checker's self-test
    python3 benches/plan_quality_model.py --brute 500   # the model against
                                        # brute force on tiny instances

Random programmes use every key of docs/programme-files.md, the festival
ones included: tagged slots and [[slots]] templates, venue `formats`,
series criteria (`themes`/`match`, `films`, `countries`, `kinds`,
`directors`, `languages`, `years`), series `venues`/`days`/`tags`,
`intro`/`discussion` on programme, series and fixed screenings, `repeats`,
pins, `exclude` (series and programme), `max_per_director`, `max_runtime`,
[[copy]], [[guest]] with `available` windows, and a [[fixed]] screening
(in a series or a one-off) checked valid before the file is written. The
instance files are kept in --out (default: a fresh temporary directory,
printed) and are reproduced exactly by --seed.

Small instances (1-2 venues, 2-4 days, up to 10 slots, 2-4 series) are solved
to proven optimality; the table reports slate's `metrics.film_minutes` / the
optimum. An instance CP-SAT finds feasible but slate refuses (exit non-zero)
is a feasibility failure; one CP-SAT proves infeasible (pins, fixed
screenings, guests) should be refused by slate too. Large instances (3
venues x 4 days x 3 slots, 8 series) give CP-SAT the same wall time slate
took, end to end (solver time only; building the model is not counted),
and compare what each found; CP-SAT with 30 s is shown too.

The rules (benches/plan_quality_model.py, from the docs' contract): a film
qualifies for a series when it meets every criterion the series gives
(themes with match, films, countries, kinds, directors, languages — any of
the values, case and accents aside — and years "A..B" inclusive, open ends
or one year), is not excluded by the series or the programme, fits
`max_runtime`, has a runtime and is not pinned in another series; a series
uses only slots at its `venues`, on its `days` (the local date a slot starts
on) and carrying one of its `tags` (case aside). A screening of n films
occupies intro + sum(runtime) + interval*(n-1) + discussion <= slot length
(intro and discussion: the fixed screening's, else the series', else the
programme's; a guest's discussion when longer), holds at most 8 films; a
slot holds one screening. With `repeats = N` each programme (set of films)
of a series is screened exactly N times on N different festival days;
`screenings` counts programmes; all occurrences of a series are pairwise
non-overlapping (slot windows); a film is in at most one programme; pins are
screened in their series. [[fixed]] screenings are placed as written and
count as one programme of their series (one-offs: slot and films only). A
film with copies is screened only on a day one of them covers at a venue
projecting its format (venue `formats`, absent: anything). A guest's
screened film is attended by the guest at exactly one of its occurrences,
which lies (start to start + occupancy) inside one `available` window; a
guest's screenings never overlap and leave `changeover` between venues.
`max_per_director` bounds distinct films per director (each co-director
counts). Film minutes count every occurrence; the exact solver maximises
them only (slate optimises a blend, see docs, so ratios below 1 are
expected).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import tomllib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from plan_quality_model import (ROOT, check_plan, exact, generate,  # noqa: E402
                                load_catalogue, to_toml)

SLATE = os.path.join(ROOT, "target", "release", "slate")

KEYS = {
    "slot tags": lambda p: any("tags" in s for s in p.get("slot", []) + p.get("slots", [])),
    "[[slots]]": lambda p: bool(p.get("slots")),
    "venue formats": lambda p: any("formats" in v for v in p["venue"]),
    "programme discussion": lambda p: "discussion" in p,
    "programme exclude": lambda p: "exclude" in p,
    "max_per_director": lambda p: "max_per_director" in p,
    **{f"series {k}": (lambda k: lambda p: any(k in s for s in p["series"]))(k)
       for k in ("themes", "match", "films", "countries", "kinds", "directors", "languages", "years",
                 "venues", "days", "tags", "intro", "discussion", "repeats", "pin", "exclude", "max_runtime")},
    "several criteria": lambda p: any(sum(k in s for k in ("themes", "films", "countries", "kinds", "directors",
                                                            "languages", "years")) > 1 for s in p["series"]),
    "fixed in a series": lambda p: any("series" in f for f in p.get("fixed", [])),
    "fixed one-off": lambda p: any("series" not in f for f in p.get("fixed", [])),
    "fixed intro/discussion": lambda p: any("intro" in f or "discussion" in f for f in p.get("fixed", [])),
    "copy": lambda p: bool(p.get("copy")),
    "copy from/until": lambda p: any("from" in c or "until" in c for c in p.get("copy", [])),
    "guest": lambda p: bool(p.get("guest")),
    "guest windows": lambda p: any("available" in g for g in p.get("guest", [])),
    "two guests": lambda p: len(p.get("guest", [])) > 1,
}


def features(p):
    """A short tag of the festival keys an instance uses."""
    out = ""
    out += "R" if any("repeats" in s for s in p["series"]) else "."
    out += "G" if p.get("guest") else "."
    out += "C" if p.get("copy") else "."
    out += "F" if p.get("fixed") else "."
    out += "P" if any("pin" in s for s in p["series"]) else "."
    out += "D" if "max_per_director" in p else "."
    return out


def slate(binary, path):
    start = time.monotonic()
    out = subprocess.run([binary, "--data", os.path.join(ROOT, "data"), "plan", path, "--format", "json"],
                         capture_output=True, text=True)
    secs = time.monotonic() - start
    if out.returncode != 0:
        lines = [l for l in out.stderr.strip().splitlines() if l.strip()]
        errors = [l for l in lines if l.startswith("error")]
        return None, secs, ((errors or lines)[0] if lines else f"exit {out.returncode}")
    return json.loads(out.stdout), secs, ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=30)
    ap.add_argument("--large", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--slate", default=SLATE, help="the slate binary (default target/release/slate)")
    ap.add_argument("--out", help="directory for the instance files (default: a new temporary one)")
    ap.add_argument("--budget", type=float, default=120, help="CP-SAT seconds per small instance")
    args = ap.parse_args()
    if not os.path.exists(args.slate):
        sys.exit(f"no slate binary at {args.slate}: cargo build --release (or --slate PATH)")
    films, broader = load_catalogue()
    rng = random.Random(args.seed)
    tmp = args.out or tempfile.mkdtemp(prefix="plan-quality-")
    os.makedirs(tmp, exist_ok=True)
    print(f"instances in {tmp} (seed {args.seed})\n")
    ratios, refused, infeasible_agree, unproven = [], [], [], []
    violations, used = {}, {k: 0 for k in KEYS}
    print(f"{'instance':<10} {'keys':<6} {'slots':>5} {'series':>6} {'slate min':>9} {'exact min':>9} "
          f"{'ratio':>6} {'slate s':>7} {'rules':>5}")
    for i in range(args.small):
        prog = generate(rng, films, broader, "small")
        text = to_toml(prog)
        name = f"small-{i}"
        path = os.path.join(tmp, f"{name}.toml")
        with open(path, "w") as f:
            f.write(text)
        prog = tomllib.loads(text)
        for k, has in KEYS.items():
            used[k] += bool(has(prog))
        plan, secs, err = slate(args.slate, path)
        best, status = exact(prog, films, broader, args.budget)
        nslots = len(prog.get("slot", [])) + sum(len(t["venues"]) * len(t["dates"]) * len(t["times"])
                                                 for t in prog.get("slots", []))
        head = f"{name:<10} {features(prog):<6} {nslots:>5} {len(prog['series']):>6}"
        if plan is None:
            if status == "infeasible":
                infeasible_agree.append(name)
                print(f"{head} {'refused':>9} {'infeas.':>9}   (both: no plan) {err}")
            else:
                refused.append((name, status, best, err))
                print(f"{head} {'REFUSED':>9} {best if best is not None else status:>9}   {err}")
            continue
        bad = check_plan(prog, films, plan, broader)
        if bad:
            violations[name] = bad
        got = plan["metrics"]["film_minutes"]
        if status == "infeasible":
            violations.setdefault(name, []).insert(0, "slate planned an instance CP-SAT proves infeasible")
            print(f"{head} {got:>9} {'infeas.':>9} {'':>6} {secs:>7.2f} {len(violations[name]):>5}")
            continue
        if best is None:
            unproven.append(name)
            print(f"{head} {got:>9} {'?':>9} {'':>6} {secs:>7.2f} {len(bad):>5}  (CP-SAT: {status})")
            continue
        ratio = got / best if best else (1.0 if got == 0 else float("inf"))
        ratios.append((ratio, name))
        if status != "optimal":
            unproven.append(name)
        print(f"{head} {got:>9} {best:>9} {ratio:>6.3f} {secs:>7.2f} {len(bad):>5}"
              + ("" if status == "optimal" else "  (optimum not proven)"))
    print("\nkeys: R repeats, G guests, C copies, F fixed, P pins, D max_per_director; rules: violations found")
    if ratios:
        worst = min(ratios)
        print(f"\nsmall instances: mean ratio {sum(r for r, _ in ratios) / len(ratios):.4f}, "
              f"worst {worst[0]:.4f} ({worst[1]}) over {len(ratios)} planned instances "
              f"({len(ratios) - len([u for u in unproven if u in {n for _, n in ratios}])} optimal)")
    print(f"feasibility failures (CP-SAT feasible, slate refused): {len(refused)}")
    for name, status, best, err in refused:
        print(f"  {name}: CP-SAT {status} {best}; slate: {err}")
    if infeasible_agree:
        print(f"proven infeasible and refused by slate too: {', '.join(infeasible_agree)}")
    print(f"rule violations in slate's plans: {sum(len(v) for v in violations.values())} "
          f"in {len(violations)} instances")
    for name, bad in violations.items():
        for b in bad[:8]:
            print(f"  {name}: {b}")
        if len(bad) > 8:
            print(f"  {name}: … {len(bad) - 8} more")
    never = [k for k, n in used.items() if not n]
    print(f"keys used across the small instances: {len(KEYS) - len(never)} of {len(KEYS)}"
          + (f"; never: {', '.join(never)}" if never else ""))

    if not args.large:
        return
    print(f"\n{'instance':<10} {'keys':<6} {'slots':>5} {'series':>6} {'slate min':>9} {'slate s':>7} "
          f"{'CP-SAT same time':>16} {'CP-SAT 30 s':>11} {'rules':>5}")
    wins, planned, large_refused = 0, 0, []
    for i in range(args.large):
        prog = generate(rng, films, broader, "large")
        text = to_toml(prog)
        name = f"large-{i}"
        path = os.path.join(tmp, f"{name}.toml")
        with open(path, "w") as f:
            f.write(text)
        prog = tomllib.loads(text)
        plan, secs, err = slate(args.slate, path)
        head = f"{name:<10} {features(prog):<6} {len(prog['slot']):>5} {len(prog['series']):>6}"
        if plan is None:
            longer, status = exact(prog, films, broader, 30)
            print(f"{head} slate refused: {err}; CP-SAT 30 s: {longer if longer is not None else status}")
            if longer is not None:
                large_refused.append(name)
            continue
        planned += 1
        got = plan["metrics"]["film_minutes"]
        bad = check_plan(prog, films, plan, broader)
        if bad:
            violations[name] = bad
            for b in bad[:5]:
                print(f"  {name}: {b}")
        best, _ = exact(prog, films, broader, secs)
        longer, status = exact(prog, films, broader, 30)
        wins += got >= (best or 0)
        print(f"{head} {got:>9} {secs:>7.2f} {best if best is not None else 'none':>16} "
              f"{longer if longer is not None else status:>11} {len(bad):>5}"
              + (" (optimal)" if status == "optimal" else ""))
    print(f"\nlarge instances: slate found at least as many film minutes as CP-SAT (same time) "
          f"in {wins} of {planned} planned")
    print(f"large feasibility failures (CP-SAT feasible, slate refused): {len(large_refused)}"
          + (f" ({', '.join(large_refused)})" if large_refused else "")
          + f"; rule violations: {sum(len(v) for k, v in violations.items() if k.startswith('large'))}")


if __name__ == "__main__":
    main()

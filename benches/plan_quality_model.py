"""The rules of `slate plan` in Python, independent of the planner: the
programme file read into plain data (`Instance`), an exact CP-SAT model of
the film minutes (`exact`), a rule checker for slate's plan JSON
(`check_plan`) and the random programmes of the quality bench (`generate`).

The rules are the contract of docs/programme-files.md (sections "Rules the
plan never breaks" and "A real festival: fixed screenings, constraints,
repeats, copies and guests"). Used by benches/plan_quality.py.

Validation: `python3 benches/plan_quality_model.py` solves hand-made tiny
programmes whose optimum is known (repeats, guests' windows, discussions and
changeovers, copies and formats, max_per_director, fixed screenings, tags,
days, intro/discussion precedence, pins) and feeds hand-broken plans to the
checker; `python3 benches/plan_quality_model.py --brute N` compares the
model with brute-force enumeration (every candidate plan judged by
check_plan) on N tiny random programmes.
"""
import datetime as dt
import glob
import os
import random
import tomllib
import unicodedata
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_FILMS = 8
INF = 10 ** 12


# ---------------------------------------------------------------- catalogue

def load_catalogue(root=ROOT):
    with open(os.path.join(root, "data", "themes.toml"), "rb") as f:
        themes = tomllib.load(f)["theme"]
    broader = {t["id"]: t.get("broader") for t in themes}
    films = []
    for p in sorted(glob.glob(os.path.join(root, "data", "films", "*.toml"))):
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


def norm(s):
    """Case and accents aside."""
    s = unicodedata.normalize("NFKD", str(s))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def year_range(v):
    if isinstance(v, int):
        return v, v
    a, _, b = str(v).partition("..")
    return (int(a) if a.strip() else -INF), (int(b) if b.strip() else INF)


# ----------------------------------------------------------------- instance

def _minutes(t):
    return int(t.timestamp()) // 60


class Instance:
    """A programme file (parsed TOML) as the data the rules speak about."""

    def __init__(self, prog, films, broader):
        self.prog, self.films, self.broader = prog, films, broader
        self.tz = ZoneInfo(prog["timezone"])
        self.intro = prog.get("intro", 0)
        self.interval = prog.get("interval", 0)
        self.discussion = prog.get("discussion", 0)
        self.changeover = prog.get("changeover", 0)
        self.max_per_director = prog.get("max_per_director")
        self.fidx = {f["id"]: i for i, f in enumerate(films)}
        self.exclude = {self.fidx[e] for e in prog.get("exclude", []) if e in self.fidx}
        self.venues = {}
        for v in prog.get("venue", []):
            fm = v.get("formats")
            self.venues[v["id"]] = None if fm is None else {norm(x) for x in fm}
        self.slots = self._slots()
        self.sidx = {s["id"]: i for i, s in enumerate(self.slots)}
        self.series = prog.get("series", [])
        self.ser_idx = {s["id"]: i for i, s in enumerate(self.series)}
        self.pins = {s["id"]: [self.fidx[p] for p in s.get("pin", [])] for s in self.series}
        self.copies = {}
        for c in prog.get("copy", []):
            self.copies.setdefault(self.fidx[c["film"]], []).append(c)
        self.guests = []
        for g in prog.get("guest", []):
            wins = []
            if "available" in g:
                for w in g["available"]:
                    a = _minutes(self.local(w["from"])) if "from" in w else -INF
                    b = _minutes(self.local(w["until"])) if "until" in w else INF
                    wins.append((a, b))
            else:
                wins.append((-INF, INF))
            self.guests.append({"name": g["name"], "films": {self.fidx[f] for f in g.get("films", [])},
                                "discussion": g.get("discussion", 0), "windows": wins})
        self.fixed = []
        for fx in prog.get("fixed", []):
            ser = fx.get("series")
            sd = self.series[self.ser_idx[ser]] if ser is not None else {}
            self.fixed.append({
                "slot": self.sidx[fx["slot"]], "films": [self.fidx[f] for f in fx["films"]],
                "series": ser,
                "intro": fx.get("intro", sd.get("intro", self.intro)),
                "discussion": fx.get("discussion", sd.get("discussion", self.discussion)),
            })

    def local(self, t):
        if isinstance(t, dt.datetime):
            return t.replace(tzinfo=self.tz)
        return dt.datetime.fromisoformat(str(t)).replace(tzinfo=self.tz)

    def _slots(self):
        out = []

        def add(sid, venue, start, length, tags):
            st = self.local(start)
            out.append({"id": sid, "venue": venue, "start": _minutes(st), "length": length,
                        "day": st.date(), "tags": {norm(t) for t in tags}, "dt": st})

        for s in self.prog.get("slot", []):
            st = self.local(s["start"])
            sid = s.get("id", f"{s['venue']}-{st:%Y%m%d}-{st:%H%M}")
            add(sid, s["venue"], s["start"], s["length"], s.get("tags", []))
        for tpl in self.prog.get("slots", []):
            times = sorted(tpl["times"])
            for v in tpl["venues"]:
                for d in tpl["dates"]:
                    for n, hm in enumerate(times, 1):
                        start = dt.datetime.fromisoformat(f"{d}T{hm}:00")
                        if "id" not in tpl:
                            sid = f"{v}-{start:%Y%m%d}-{start:%H%M}"
                        elif len(times) == 1:
                            sid = f"{tpl['id']}-{v}-{start:%Y%m%d}"
                        else:
                            sid = f"{tpl['id']}-{v}-{start:%Y%m%d}-{n}"
                        add(sid, v, start, tpl["length"], tpl.get("tags", []))
        return out

    # --- the rules, one question each
    def series_intro(self, s):
        return s.get("intro", self.intro)

    def series_discussion(self, s):
        return s.get("discussion", self.discussion)

    def qualifies(self, s, f):
        """Film index f may be used by series dict s (criteria, excludes,
        max_runtime, runtime, pins elsewhere)."""
        film = self.films[f]
        r = film.get("runtime")
        if r is None or f in self.exclude:
            return False
        if any(f in self.pins[o["id"]] for o in self.series if o["id"] != s["id"]):
            return False
        if film["id"] in s.get("exclude", []):
            return False
        if "max_runtime" in s and r > s["max_runtime"]:
            return False
        if "themes" in s:
            carries = [any(implies(self.broader, t, w) for t in film.get("themes", [])) for w in s["themes"]]
            if not (all(carries) and carries if s.get("match") == "all" else any(carries)):
                return False
        if "films" in s and film["id"] not in s["films"]:
            return False
        for key, fkey in (("countries", "countries"), ("directors", "directors"), ("languages", "languages")):
            if key in s:
                want = {norm(x) for x in s[key]}
                if not any(norm(x) in want for x in film.get(fkey, [])):
                    return False
        if "kinds" in s and norm(film.get("kind", "")) not in {norm(k) for k in s["kinds"]}:
            return False
        if "years" in s:
            a, b = year_range(s["years"])
            y = film.get("year")
            if y is None or not a <= y <= b:
                return False
        return True

    def slot_allowed(self, s, t):
        sl = self.slots[t]
        if "venues" in s and sl["venue"] not in s["venues"]:
            return False
        if "days" in s and sl["day"] not in set(s["days"]):
            return False
        if "tags" in s and not ({norm(x) for x in s["tags"]} & sl["tags"]):
            return False
        return True

    def copy_for(self, f, t):
        """The copy of film f screened in slot t: None when the film has no
        copies (unconstrained), False when none fits, else the first that fits."""
        cs = self.copies.get(f)
        if not cs:
            return None
        sl = self.slots[t]
        fm = self.venues.get(sl["venue"])
        for c in cs:
            if "from" in c and sl["day"] < c["from"]:
                continue
            if "until" in c and sl["day"] > c["until"]:
                continue
            if fm is not None and norm(c["format"]) not in fm:
                continue
            return c
        return False

    def copy_ok(self, f, t):
        return self.copy_for(f, t) is not False

    def overlap(self, a, b):
        x, y = self.slots[a], self.slots[b]
        return x["start"] < y["start"] + y["length"] and y["start"] < x["start"] + x["length"]

    def occupancy(self, intro, film_ids, discussion):
        rs = [self.films[f]["runtime"] for f in film_ids]
        return intro + sum(rs) + self.interval * (len(rs) - 1) + discussion

    def directors(self, f):
        return self.films[f].get("directors", [])


# ---------------------------------------------------------------- the model

def best_fill(I, cands, t, intro, disc):
    """The most film minutes one screening of these candidates can hold in
    slot t (at most 8 films, their copies fitting): a bound for the model."""
    _memo = I.__dict__.setdefault("_fill", {})
    key = (tuple(cands), t, intro, disc)
    if key not in _memo:
        cap = I.slots[t]["length"] - intro - disc + I.interval
        reach = [{0}] + [set() for _ in range(MAX_FILMS)]   # reach[n]: sums of (runtime + interval) of n films
        for f in cands:
            if not I.copy_ok(f, t):
                continue
            w = I.films[f]["runtime"] + I.interval
            for n in range(MAX_FILMS - 1, -1, -1):
                reach[n + 1] |= {x + w for x in reach[n] if x + w <= cap}
        _memo[key] = max(x - n * I.interval for n, xs in enumerate(reach) for x in xs)
    return _memo[key]


def exact(prog, films, broader, budget, workers=2, want_plan=False):
    """Maximum film minutes (over every occurrence) under all the rules.
    Returns (minutes or None, status) with status in "optimal", "feasible",
    "infeasible", "unknown"; with want_plan, also a plan-like dict of the
    solution (for check_plan)."""
    from ortools.sat.python import cp_model
    I = Instance(prog, films, broader)
    m = cp_model.CpModel()
    nT = len(I.slots)
    fixed_at = {fx["slot"]: fx for fx in I.fixed}
    fixed_films = {f for fx in I.fixed for f in fx["films"]}
    O = [m.NewIntVar(0, I.slots[t]["length"], f"O{t}") for t in range(nT)]   # occupancy of slot t
    D = [m.NewIntVar(0, 240, f"D{t}") for t in range(nT)]                    # its discussion
    in_slot = {t: [] for t in range(nT)}
    z, occ, P, used, prog_of = {}, {}, {}, {}, {}
    by_film = {}
    objective = []
    const_minutes = 0
    infeasible = False
    # fixed screenings
    for fx in I.fixed:
        t = fx["slot"]
        content = I.occupancy(fx["intro"], fx["films"], 0)
        m.Add(D[t] >= fx["discussion"])
        m.Add(O[t] >= content + D[t])
        const_minutes += sum(films[f]["runtime"] for f in fx["films"])
    for si, s in enumerate(I.series):
        N = s.get("repeats", 1)
        nfix = sum(1 for fx in I.fixed if fx["series"] == s["id"])
        if nfix and N > 1:
            raise NotImplementedError("fixed screenings in a repeated series")
        K = max(0, s["screenings"] - nfix)
        intro, disc = I.series_intro(s), I.series_discussion(s)
        Ts = [t for t in range(nT) if t not in fixed_at and I.slot_allowed(s, t)]
        cands = []
        for f in range(len(films)):
            if f in fixed_films or not I.qualifies(s, f):
                continue
            r = films[f]["runtime"]
            if any(intro + r + disc <= I.slots[t]["length"] and I.copy_ok(f, t) for t in Ts):
                cands.append(f)
        fixed_pins = {f for fx in I.fixed if fx["series"] == s["id"] for f in fx["films"]}
        for p in I.pins[s["id"]]:
            if p not in cands and p not in fixed_pins:
                infeasible = True
        days = sorted({I.slots[t]["day"] for t in Ts})
        for k in range(K):
            u = used[si, k] = m.NewBoolVar("")
            if k:
                m.Add(used[si, k - 1] >= u)
            for f in cands:
                z[si, k, f] = m.NewBoolVar("")
                by_film.setdefault(f, []).append(z[si, k, f])
                objective.append(N * films[f]["runtime"] * z[si, k, f])
            zs = [z[si, k, f] for f in cands]
            m.Add(sum(zs) >= u)
            m.Add(sum(zs) <= MAX_FILMS * u)
            P[si, k] = m.NewIntVar(0, 100000, "")
            m.Add(P[si, k] == intro * u - I.interval * u
                  + sum((films[f]["runtime"] + I.interval) * z[si, k, f] for f in cands))
            for t in Ts:
                o = occ[si, k, t] = m.NewBoolVar("")
                in_slot[t].append(o)
                m.Add(O[t] >= P[si, k] + D[t]).OnlyEnforceIf(o)
                m.Add(D[t] >= disc).OnlyEnforceIf(o)
                for f in cands:
                    if not I.copy_ok(f, t):
                        m.AddBoolOr([z[si, k, f].Not(), o.Not()])
            m.Add(sum(occ[si, k, t] for t in Ts) == N * u)
            # a valid cut: N x the programme's minutes <= sum over its occurrences of
            # the most minutes the slot can hold for the series (a knapsack)
            m.Add(N * sum(films[f]["runtime"] * z[si, k, f] for f in cands)
                  <= sum(best_fill(I, cands, t, intro, disc) * occ[si, k, t] for t in Ts))
            if k:   # symmetry: the used programmes in order of the sum of their slot indices
                m.Add(sum(t * occ[si, k, t] for t in Ts) >= sum(t * occ[si, k - 1, t] for t in Ts)).OnlyEnforceIf(u)
            for d in days:
                m.Add(sum(occ[si, k, t] for t in Ts if I.slots[t]["day"] == d) <= 1)
        # every occurrence of the series, fixed ones too, pairwise non-overlapping
        here = {t: [occ[si, k, t] for k in range(K)] for t in Ts}
        for fx in I.fixed:
            if fx["series"] == s["id"]:
                here[fx["slot"]] = [1]
        ts = sorted(here)
        for i, a in enumerate(ts):
            m.Add(sum(here[a]) <= 1)
            for b in ts[i + 1:]:
                if I.overlap(a, b):
                    m.Add(sum(here[a]) + sum(here[b]) <= 1)
        for p in I.pins[s["id"]]:
            if p in cands:
                m.Add(sum(z[si, k, p] for k in range(K)) == 1)
        prog_of[si] = (K, N, cands, Ts, intro, disc)
    for t in range(nT):
        if in_slot[t]:
            m.Add(sum(in_slot[t]) <= (0 if t in fixed_at else 1))
    for f, vs in by_film.items():
        m.Add(sum(vs) <= 1)

    def screened(f):
        return 1 if f in fixed_films else sum(by_film.get(f, []))

    if I.max_per_director is not None:
        dirs = {}
        for f in set(by_film) | fixed_films:
            for d in I.directors(f):
                dirs.setdefault(d, []).append(f)
        for d, fs in dirs.items():
            m.Add(sum(screened(f) if f not in fixed_films else 1 for f in fs) <= I.max_per_director)
    # guests
    att = {}
    for gi, g in enumerate(I.guests):
        A = {t: [] for t in range(nT)}
        for fx in I.fixed:
            if g["films"] & set(fx["films"]):
                A[fx["slot"]].append(1)
        for si, (K, N, cands, Ts, intro, disc) in prog_of.items():
            gf = [f for f in cands if f in g["films"]]
            if not gf:
                continue
            for k in range(K):
                has = m.NewBoolVar("")
                for f in gf:
                    m.AddImplication(z[si, k, f], has)
                m.Add(has <= sum(z[si, k, f] for f in gf))
                avs = []
                for t in Ts:
                    st = I.slots[t]["start"]
                    a = att[gi, si, k, t] = m.NewBoolVar("")
                    m.AddImplication(a, occ[si, k, t])
                    wins = [w for w in g["windows"] if w[0] <= st]
                    if not wins:
                        m.Add(a == 0)
                    elif wins[0][1] < INF or len(wins) > 1:
                        ws = [m.NewBoolVar("") for _ in wins]
                        m.Add(sum(ws) == a)
                        for wv, (_, until) in zip(ws, wins):
                            if until < INF:
                                m.Add(st + O[t] <= until).OnlyEnforceIf(wv)
                    avs.append(a)
                    A[t].append(a)
                m.Add(sum(avs) == has)
        Av = {}
        for t in range(nT):
            if not A[t]:
                continue
            if any(isinstance(x, int) for x in A[t]):
                Av[t] = 1
                for x in A[t]:
                    if not isinstance(x, int):
                        m.Add(x == 0)    # the fixed screening is the only one in t
            else:
                v = m.NewBoolVar("")
                m.Add(v == sum(A[t]))
                Av[t] = v
            m.Add(D[t] >= g["discussion"] * Av[t])
        ts = sorted(Av, key=lambda t: I.slots[t]["start"])
        for i, a in enumerate(ts):
            for b in ts[i + 1:]:
                sa, sb = I.slots[a], I.slots[b]
                c = I.changeover if sa["venue"] != sb["venue"] else 0
                if sa["start"] + sa["length"] + c <= sb["start"]:
                    continue
                lits = [x for x in (Av[a], Av[b]) if not isinstance(x, int)]
                if sa["start"] == sb["start"]:
                    m.Add(sum(lits) <= len(lits) - 1) if lits else None
                    if not lits:
                        infeasible = True
                else:
                    m.Add(O[a] <= sb["start"] - sa["start"] - c).OnlyEnforceIf(lits)
    if infeasible or fixed_errors(I):
        m.Add(0 == 1)
    m.Maximize(sum(objective) + const_minutes)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = budget
    solver.parameters.num_workers = workers
    status = solver.Solve(m)
    name = {cp_model.OPTIMAL: "optimal", cp_model.FEASIBLE: "feasible",
            cp_model.INFEASIBLE: "infeasible"}.get(status, "unknown")
    if name not in ("optimal", "feasible"):
        return (None, name, None) if want_plan else (None, name)
    best = int(round(solver.ObjectiveValue()))
    if not want_plan:
        return best, name
    # the solution as a plan (the fields check_plan reads)
    screenings = []

    def guests_at(t, fs):
        out = []
        for gi, g in enumerate(I.guests):
            if any(isinstance(k, tuple) and k[0] == gi and k[3] == t and solver.Value(v)
                   for k, v in att.items()):
                out.append(g["name"])
            elif t in fixed_at and g["films"] & set(fs):
                out.append(g["name"])
        return out

    def screening(t, ser, fs, intro, disc, fixed):
        gs = guests_at(t, fs)
        d = max([disc] + [g["discussion"] for g in I.guests if g["name"] in gs])
        return {"id": f"{ser}@{I.slots[t]['id']}", "slot": I.slots[t]["id"], "series": ser,
                "films": [{"id": films[f]["id"], "runtime": films[f]["runtime"],
                           **({"format": I.copy_for(f, t)["format"]} if I.copy_for(f, t) else {})}
                          for f in fs],
                "guests": gs, "intro": intro, "discussion": d,
                "minutes": I.occupancy(intro, fs, d), "fixed": fixed, "start": I.slots[t]["start"]}

    for fx in I.fixed:
        ser = fx["series"] or "one-off-" + I.slots[fx["slot"]]["id"]
        screenings.append(screening(fx["slot"], ser, fx["films"], fx["intro"], fx["discussion"], True))
    for si, (K, N, cands, Ts, intro, disc) in prog_of.items():
        for k in range(K):
            fs = [f for f in cands if solver.Value(z[si, k, f])]
            group = [screening(t, I.series[si]["id"], fs, intro, disc, False)
                     for t in Ts if solver.Value(occ[si, k, t])]
            group.sort(key=lambda x: x["start"])
            for x in group[1:]:
                x["repeat_of"] = group[0]["id"]
            screenings.extend(group)
    plan = {"screenings": screenings, "metrics": {"film_minutes": best}}
    return best, name, plan


# -------------------------------------------------------------- the checker

def check_plan(prog, films, plan, broader=None):
    """Every rule of the contract, checked on a plan (slate's JSON as a dict).
    Returns the list of violations (empty: the plan keeps every rule)."""
    if broader is None:
        _, broader = load_catalogue()
    I = Instance(prog, films, broader)
    bad = []
    scr = plan.get("screenings", [])
    fixed_by_slot = {fx["slot"]: fx for fx in I.fixed}
    ser_by_id = {s["id"]: s for s in I.series}
    seen_slots = {}
    info = []   # per screening: (t, series dict or None, film idx list, fixed)
    for x in scr:
        sid = x.get("slot")
        if sid not in I.sidx:
            bad.append(f"{x.get('id')}: unknown slot {sid}")
            continue
        t = I.sidx[sid]
        if t in seen_slots:
            bad.append(f"slot {sid} holds two screenings ({seen_slots[t]}, {x.get('id')})")
        seen_slots[t] = x.get("id")
        fs = []
        for fj in x.get("films", []):
            if fj["id"] not in I.fidx:
                bad.append(f"{x.get('id')}: unknown film {fj['id']}")
            else:
                fs.append(I.fidx[fj["id"]])
        if not fs:
            bad.append(f"{x.get('id')}: no films")
            continue
        if len(fs) > MAX_FILMS:
            bad.append(f"{x.get('id')}: {len(fs)} films > {MAX_FILMS}")
        if any(films[f].get("runtime") is None for f in fs):
            bad.append(f"{x.get('id')}: a film without runtime")
            continue
        fx = fixed_by_slot.get(t)
        s = ser_by_id.get(x.get("series"))
        if fx is not None:
            if fs != fx["films"]:
                bad.append(f"{x.get('id')}: fixed screening in {sid} has films "
                           f"{[films[f]['id'] for f in fs]}, not as written")
            if fx["series"] is not None and x.get("series") != fx["series"]:
                bad.append(f"{x.get('id')}: fixed screening in {sid} is not in series {fx['series']}")
            if fx["series"] is None and s is not None:
                bad.append(f"{x.get('id')}: one-off fixed screening in {sid} given to series {s['id']}")
                s = None
        elif s is None:
            bad.append(f"{x.get('id')}: series {x.get('series')} unknown (and not a fixed one-off)")
            continue
        info.append((x, t, s, fs, fx))
    for fx in I.fixed:
        if fx["slot"] not in seen_slots:
            bad.append(f"fixed screening in {I.slots[fx['slot']]['id']} missing from the plan")
    # per screening: qualification, slot restrictions, copies, time
    for x, t, s, fs, fx in info:
        sl, xid = I.slots[t], x.get("id")
        if s is not None:
            for f in fs:
                if not I.qualifies(s, f):
                    bad.append(f"{xid}: film {films[f]['id']} does not qualify for {s['id']}")
            if not I.slot_allowed(s, t):
                bad.append(f"{xid}: series {s['id']} may not use slot {sl['id']} (venues/days/tags)")
        else:
            for f in fs:
                if f in I.exclude:
                    bad.append(f"{xid}: excluded film {films[f]['id']}")
        for f, fj in zip(fs, x["films"]):
            c = I.copy_for(f, t)
            if c is False:
                bad.append(f"{xid}: no copy of {films[f]['id']} for {sl['day']} at {sl['venue']}")
            elif c is None and fj.get("format"):
                bad.append(f"{xid}: {films[f]['id']} has no [[copy]] but format {fj.get('format')}")
            elif c and fj.get("format") != c["format"]:
                bad.append(f"{xid}: {films[f]['id']} screened from {fj.get('format')}, "
                           f"the first copy that fits is {c['format']}")
        if fx is not None:
            intro, disc = fx["intro"], fx["discussion"]
        else:
            intro, disc = I.series_intro(s), I.series_discussion(s)
        gs = x.get("guests", []) or []
        gd = [g["discussion"] for g in I.guests if g["name"] in gs]
        for name in gs:
            g = next((g for g in I.guests if g["name"] == name), None)
            if g is None:
                bad.append(f"{xid}: unknown guest {name}")
            elif not g["films"] & set(fs):
                bad.append(f"{xid}: guest {name} attends a screening of none of their films")
        disc = max([disc] + gd)
        want = I.occupancy(intro, fs, disc)
        if x.get("intro") is not None and x["intro"] != intro:
            bad.append(f"{xid}: intro {x['intro']}, expected {intro}")
        if x.get("discussion", 0) != disc:
            bad.append(f"{xid}: discussion {x.get('discussion')}, expected {disc}")
        if x.get("minutes") != want:
            bad.append(f"{xid}: minutes {x.get('minutes')}, expected {want}")
        if want > sl["length"]:
            bad.append(f"{xid}: occupies {want} min > slot {sl['id']} of {sl['length']}")
        x["_occ"] = want
    # programmes: (series, films) groups
    groups = {}
    for x, t, s, fs, fx in info:
        groups.setdefault((x.get("series"), tuple(fs)), []).append((x, t, s, fx))
    film_groups = {}
    for key, occs in groups.items():
        for f in key[1]:
            film_groups.setdefault(f, []).append(key)
    for f, keys in film_groups.items():
        if len(keys) > 1:
            bad.append(f"film {films[f]['id']} in {len(keys)} programmes: {[k[0] for k in keys]}")
    per_series = {}
    for (ser, fs), occs in groups.items():
        s = ser_by_id.get(ser)
        if s is None:
            continue
        per_series.setdefault(ser, []).append(occs)
        N = s.get("repeats", 1)
        has_fixed = any(fx is not None for *_, fx in occs)
        if len(occs) != N and not (has_fixed and len(occs) < N):
            bad.append(f"series {ser}: programme {[films[f]['id'] for f in fs]} screened {len(occs)} "
                       f"times, repeats = {N}")
        days = [I.slots[t]["day"] for _, t, _, _ in occs]
        if len(set(days)) != len(days):
            bad.append(f"series {ser}: programme {[films[f]['id'] for f in fs]} twice on one day")
        occs = sorted(occs, key=lambda o: I.slots[o[1]]["start"])
        first = occs[0][0]
        if first.get("repeat_of"):
            bad.append(f"{first.get('id')}: first occurrence carries repeat_of")
        for x, *_ in occs[1:]:
            if x.get("repeat_of") != first.get("id"):
                bad.append(f"{x.get('id')}: repeat_of {x.get('repeat_of')}, expected {first.get('id')}")
    for ser, progs in per_series.items():
        s = ser_by_id[ser]
        if len(progs) > s["screenings"]:
            bad.append(f"series {ser}: {len(progs)} programmes > screenings = {s['screenings']}")
        ts = [t for occs in progs for _, t, _, _ in occs]
        for i, a in enumerate(ts):
            for b in ts[i + 1:]:
                if I.overlap(a, b):
                    bad.append(f"series {ser}: slots {I.slots[a]['id']} and {I.slots[b]['id']} overlap")
    screened = {}
    for x, t, s, fs, fx in info:
        for f in fs:
            screened.setdefault(f, []).append((x, t, s))
    for s in I.series:
        for p in I.pins[s["id"]]:
            if not any(s2 is s for _, _, s2 in screened.get(p, [])):
                bad.append(f"series {s['id']}: pinned film {films[p]['id']} not screened in it")
    if I.max_per_director is not None:
        count = {}
        for f in screened:
            for d in I.directors(f):
                count[d] = count.get(d, 0) + 1
        for d, n in count.items():
            if n > I.max_per_director:
                bad.append(f"{n} films by {d} > max_per_director = {I.max_per_director}")
    # guests
    for g in I.guests:
        hosting = [(x, t) for x, t, s, fs, fx in info if g["name"] in (x.get("guests") or [])]
        for f in g["films"]:
            if f not in screened:
                continue
            n = sum(1 for x, t in hosting if films[f]["id"] in [fj["id"] for fj in x["films"]])
            if n != 1:
                bad.append(f"guest {g['name']}: film {films[f]['id']} screened, attended {n} times")
        for x, t in hosting:
            st = I.slots[t]["start"]
            if not any(a <= st and st + x["_occ"] <= b for a, b in g["windows"]):
                bad.append(f"guest {g['name']}: {x.get('id')} ({I.slots[t]['dt']:%m-%d %H:%M} + "
                           f"{x['_occ']} min) outside their windows")
        hosting.sort(key=lambda h: I.slots[h[1]]["start"])
        for i, (x, a) in enumerate(hosting):
            for y, b in hosting[i + 1:]:
                sa, sb = I.slots[a], I.slots[b]
                c = I.changeover if sa["venue"] != sb["venue"] else 0
                if sa["start"] + x["_occ"] + c > sb["start"]:
                    bad.append(f"guest {g['name']}: {x.get('id')} and {y.get('id')} overlap "
                               f"(or leave less than changeover {c})")
    total = sum(films[f]["runtime"] for _, _, _, fs, _ in info for f in fs)
    fm = plan.get("metrics", {}).get("film_minutes")
    if fm is not None and fm != total:
        bad.append(f"metrics.film_minutes = {fm}, but the screenings hold {total} minutes of film")
    for x, *_ in info:
        x.pop("_occ", None)
    return bad


# ---------------------------------------------------------- the generator

THEMES = ["strikes", "mining", "coal", "textiles", "womens-work", "automation",
          "migrant-labour", "cooperatives", "deindustrialisation", "transport",
          "steel", "agriculture", "unemployment", "precarity"]
TAGS = ["late", "matinee", "shorts", "premiere"]
FORMATS = ["DCP", "35mm", "16mm"]
GUESTS = ["Ana Ribeiro", "Jonas Weber", "Mia Kovač", "Tomás Oliveira"]


def toml_value(v):
    import json
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%S")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def to_toml(prog):
    lines = [f"{k} = {toml_value(v)}" for k, v in prog.items() if not isinstance(v, list) or k == "exclude"]
    for key in ("venue", "slot", "slots", "series", "fixed", "copy", "guest"):
        for table in prog.get(key, []):
            lines += ["", f"[[{key}]]"] + [f"{k} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


def catalogue_values(films):
    """Criteria values that occur in the catalogue (so series are not empty)."""
    from collections import Counter
    cnt = lambda key: Counter(x for f in films for x in f.get(key, []))
    return {
        "countries": [c for c, n in cnt("countries").items() if n >= 5],
        "languages": [c for c, n in cnt("languages").items() if n >= 5],
        "directors": [c for c, n in cnt("directors").items() if n >= 2],
        "years": sorted({f["year"] for f in films if "year" in f}),
    }


def _criteria(rng, films, values):
    kind = rng.choice(["themes", "themes", "countries", "languages", "directors", "years", "kinds", "films"])
    if kind == "themes":
        ths = rng.sample(THEMES, rng.choice([1, 2, 2]))
        out = {"themes": ths}
        if len(ths) == 2 and rng.random() < 0.2:
            out["match"] = "all"
        return out
    if kind in ("countries", "languages"):
        vs = rng.sample(values[kind], rng.randint(1, 2))
        if rng.random() < 0.15:
            vs = [v.lower() for v in vs]     # compared without regard to case
        return {kind: vs}
    if kind == "directors":
        return {"directors": rng.sample(values["directors"], rng.randint(2, 5))}
    if kind == "years":
        a = rng.choice(values["years"])
        b = a + rng.randint(5, 30)
        return {"years": rng.choice([f"{a}..{b}", f"{a}..", f"..{b}", a])}
    if kind == "kinds":
        return {"kinds": rng.choice([["documentary"], ["fiction"], ["animation", "experimental", "documentary"]])}
    short = [f["id"] for f in films if f.get("runtime") and f["runtime"] <= 120]
    return {"films": rng.sample(short, rng.randint(3, 7))}


def _instance(prog, films, broader):
    return Instance(tomllib.loads(to_toml(prog)), films, broader)


def generate(rng, films, broader, size="small"):
    """A random programme (a dict; `to_toml` writes it) using every key of
    the contract, valid as the docs define it."""
    values = catalogue_values(films)
    base = dt.date(2027, 6, 10)
    grid = [(11, 0, 150), (14, 0, 120), (16, 30, 180), (20, 0, 100), (22, 0, 200)]
    if size == "small":
        nV, nD = rng.randint(1, 2), rng.randint(2, 4)
        cap = max(1, min(4, 10 // (nV * nD)))
        times = sorted(rng.sample(grid, rng.randint(1, cap)))
        n_series, max_scr = rng.randint(2, 4), 3
    else:
        nV, nD, times = 3, 4, [(11, 0, 150), (15, 0, 150), (20, 0, 190)]
        n_series, max_scr = 8, 6
    days = [base + dt.timedelta(days=d) for d in range(nD)]
    prog = {"name": "Bench", "timezone": "Europe/Lisbon",
            "intro": rng.choice([0, 5, 10]), "interval": rng.choice([0, 5]),
            "changeover": 15, "seed": rng.randrange(1000)}
    if rng.random() < 0.3:
        prog["discussion"] = rng.choice([5, 10])
    prog["venue"] = []
    for v in range(nV):
        ven = {"id": f"v{v}", "name": f"Venue {v}"}
        if rng.random() < 0.4:
            ven["formats"] = rng.choice([["DCP"], ["DCP", "35mm"], ["dcp", "16mm"]])
        prog["venue"].append(ven)
    prog["slot"], prog["slots"] = [], []
    for v in range(nV):
        if rng.random() < 0.25 and size == "small":
            tpl = {"venues": [f"v{v}"], "dates": days, "times": [f"{h:02d}:{m:02d}" for h, m, _ in times],
                   "length": rng.choice([100, 105])}
            if rng.random() < 0.5:
                tpl["id"] = f"t{v}"
            if rng.random() < 0.5:
                tpl["tags"] = [rng.choice(TAGS).capitalize()]
            prog["slots"].append(tpl)
            continue
        for d in days:
            for (h, m, length) in times:
                s = {"venue": f"v{v}", "start": dt.datetime(d.year, d.month, d.day, h, m), "length": length}
                if rng.random() < 0.5:
                    s["id"] = f"v{v}-d{d.day}-{h:02d}{m:02d}"
                if rng.random() < 0.4:
                    s["tags"] = rng.sample(TAGS, rng.randint(1, 2))
                    if rng.random() < 0.2:
                        s["tags"] = [t.upper() for t in s["tags"]]
                prog["slot"].append(s)
    if not prog["slots"]:
        del prog["slots"]
    if not prog["slot"]:
        del prog["slot"]
    inst = _instance(prog, films, broader)
    longest = max(s["length"] for s in inst.slots)
    all_tags = sorted({t for s in inst.slots for t in s["tags"]})
    prog["series"] = []
    for si in range(n_series):
        for _ in range(50):
            s = {"id": f"s{si}", "title": f"Series {si}"}
            s.update(_criteria(rng, films, values))
            if rng.random() < 0.3:
                extra = _criteria(rng, films, values)
                s.update({k: v for k, v in extra.items() if k not in s and k != "match"})
            s["screenings"] = rng.randint(1, max_scr)
            if nD >= 2 and rng.random() < 0.3:
                s["repeats"] = 2
            if nV > 1 and rng.random() < 0.25:
                s["venues"] = [f"v{rng.randrange(nV)}"]
            if rng.random() < 0.2:
                s["days"] = sorted(rng.sample(days, rng.randint(2 if nD > 2 else 1, nD)))
            if all_tags and rng.random() < 0.25:
                s["tags"] = rng.sample(all_tags, 1)
            if rng.random() < 0.3:
                s["intro"] = rng.choice([0, 5, 15])
            if rng.random() < 0.3:
                s["discussion"] = rng.choice([0, 10, 20, 30])
            if rng.random() < 0.15:
                s["max_runtime"] = rng.choice([40, 90, 110])
            trial = dict(prog, series=prog["series"] + [s])
            I = _instance(trial, films, broader)
            if not any(I.slot_allowed(s, t) for t in range(len(I.slots))):
                continue
            cands = [f for f in range(len(films)) if I.qualifies(s, f)
                     and films[f]["runtime"] + I.series_intro(s) + I.series_discussion(s) <= longest]
            if len(cands) < 2:
                continue
            if rng.random() < 0.1:
                s["exclude"] = [films[rng.choice(cands)]["id"]]
            if rng.random() < 0.2:
                pin = films[rng.choice(cands)]["id"]
                if all(pin not in o.get("pin", []) for o in prog["series"]) and pin not in s.get("exclude", []):
                    s["pin"] = [pin]
            s["_cands"] = [f for f in cands if films[f]["id"] not in s.get("exclude", [])]
            break
        else:
            s = {"id": f"s{si}", "title": f"Series {si}", "themes": ["strikes"], "screenings": 1, "_cands":
                 [f for f in range(len(films)) if films[f].get("runtime", 999) <= 100][:20]}
        prog["series"].append(s)
    pool = sorted({f for s in prog["series"] for f in s["_cands"]})
    pinned = {p for s in prog["series"] for p in s.get("pin", [])}
    if rng.random() < 0.25:
        prog["exclude"] = [films[f]["id"] for f in rng.sample(pool, min(len(pool), rng.randint(1, 3)))
                           if films[f]["id"] not in pinned]
    if rng.random() < 0.3:
        prog["max_per_director"] = rng.choice([1, 2])
    # copies
    prog["copy"] = []
    for f in rng.sample(pool, min(len(pool), rng.randint(0, 6 if size == "small" else 12))):
        for _ in range(rng.choice([1, 1, 2])):
            c = {"film": films[f]["id"], "format": rng.choice(FORMATS + ["dcp"])}
            if rng.random() < 0.5:
                c["from"] = rng.choice(days)
            if rng.random() < 0.5:
                c["until"] = rng.choice([d for d in days if d >= c.get("from", days[0])])
            prog["copy"].append(c)
    # guests
    prog["guest"] = []
    for gi in range(rng.choice([0, 1, 1, 2, 2])):
        g = {"name": GUESTS[gi], "films": [films[f]["id"] for f in rng.sample(pool, min(len(pool), rng.randint(1, 2)))],
             "discussion": rng.choice([15, 20, 30, 45])}
        if rng.random() < 0.85:
            wins = []
            for _ in range(rng.choice([1, 1, 2])):
                a = rng.randrange(nD)
                b = rng.randint(a, min(nD - 1, a + 2))
                w = {}
                if rng.random() < 0.85:
                    d = days[a]
                    w["from"] = dt.datetime(d.year, d.month, d.day, rng.choice([10, 13, 16, 19]), 0)
                if rng.random() < 0.85:
                    d = days[b]
                    w["until"] = dt.datetime(d.year, d.month, d.day, rng.choice([18, 21, 23]), rng.choice([0, 30, 59]))
                if not w:    # a window needs at least one end
                    d = days[a]
                    w["from"] = dt.datetime(d.year, d.month, d.day, 10, 0)
                if "from" in w and "until" in w and w["until"] <= w["from"]:
                    w["until"] = w["from"] + dt.timedelta(hours=6)
                wins.append(w)
            g["available"] = wins
        prog["guest"].append(g)
    # a fixed screening, validated
    if rng.random() < 0.35:
        for _ in range(30):
            fx = _fixed_candidate(rng, prog, films, broader, pool)
            if fx is None:
                continue
            trial = dict(prog, fixed=[fx])
            if not fixed_errors(_instance(trial, films, broader)):
                prog["fixed"] = [fx]
                break
    for key in ("copy", "guest"):
        if not prog[key]:
            del prog[key]
    for s in prog["series"]:
        del s["_cands"]
    return prog


def _fixed_candidate(rng, prog, films, broader, pool):
    inst = _instance(prog, films, broader)
    plain = [s for s in prog["series"] if s.get("repeats", 1) == 1]
    pinned = {p for s in prog["series"] for p in s.get("pin", [])}
    excl = set(prog.get("exclude", []))
    fx = {}
    if plain and rng.random() < 0.6:
        s = rng.choice(plain)
        fx["series"] = s["id"]
        ts = [t for t in range(len(inst.slots)) if inst.slot_allowed(s, t)]
        cands = [f for f in s["_cands"] if films[f]["id"] not in pinned | excl]
        intro, disc = inst.series_intro(s), inst.series_discussion(s)
    else:
        ts = list(range(len(inst.slots)))
        cands = [f for f in pool if films[f]["id"] not in pinned | excl]
        intro, disc = inst.intro, inst.discussion
        if rng.random() < 0.5:
            fx["id"] = "opening-night"
        if rng.random() < 0.5:
            fx["title"] = "Opening night"
    if not cands or not ts:
        return None
    t = rng.choice(ts)
    fx["slot"] = inst.slots[t]["id"]
    fits = [f for f in cands if intro + films[f]["runtime"] + disc <= inst.slots[t]["length"]] or cands
    fx["films"] = [films[f]["id"] for f in rng.sample(fits, min(len(fits), rng.choice([1, 1, 2])))]
    if rng.random() < 0.3:
        fx["intro"] = rng.choice([0, 20])
    if rng.random() < 0.3:
        fx["discussion"] = rng.choice([0, 15, 30])
    if rng.random() < 0.5:
        fx["note"] = "With reception"
    return {"slot": fx.pop("slot"), **fx}


def fixed_errors(I):
    """What makes the fixed screenings invalid (the docs' list), empty if none."""
    out = []
    for fx in I.fixed:
        t, fs, sl = fx["slot"], fx["films"], I.slots[fx["slot"]]
        s = I.series[I.ser_idx[fx["series"]]] if fx["series"] else None
        if any(f in I.exclude or I.films[f].get("runtime") is None for f in fs):
            out.append("excluded film or no runtime")
            continue
        if s is not None and (not all(I.qualifies(s, f) for f in fs) or not I.slot_allowed(s, t)):
            out.append("does not qualify or may not use the slot")
        if s is None and any(f in p for p in I.pins.values() for f in fs):
            out.append("pinned film in a one-off")
        if any(not I.copy_ok(f, t) for f in fs):
            out.append("no copy")
        gs = [g for g in I.guests if g["films"] & set(fs)]
        disc = max([fx["discussion"]] + [g["discussion"] for g in gs])
        occ = I.occupancy(fx["intro"], fs, disc)
        if occ > sl["length"]:
            out.append("does not fit")
        for g in gs:
            if not any(a <= sl["start"] and sl["start"] + occ <= b for a, b in g["windows"]):
                out.append(f"guest {g['name']} not available")
        if I.max_per_director is not None:
            from collections import Counter
            c = Counter(d for f in fs for d in I.directors(f))
            if c and max(c.values()) > I.max_per_director:
                out.append("max_per_director")
    return out


# ---------------------------------------------------------------- self-test

def _mk(slots, series, venues=("v0",), **top):
    """A tiny programme: slots as (venue, "YYYY-MM-DDTHH:MM", length[, tags])."""
    prog = {"name": "T", "timezone": "Europe/Lisbon", "intro": 0, "interval": 0, "changeover": 15}
    prog.update({k: v for k, v in top.items() if k not in ("copy", "guest", "fixed", "venue")})
    prog["venue"] = top.get("venue") or [{"id": v, "name": v} for v in venues]
    prog["slot"] = []
    for s in slots:
        d = {"venue": s[0], "start": dt.datetime.fromisoformat(s[1]), "length": s[2]}
        if len(s) > 3:
            d["tags"] = s[3]
        prog["slot"].append(d)
    prog["series"] = [dict({"id": f"s{i}", "title": f"S{i}", "screenings": 1}, **s) for i, s in enumerate(series)]
    for k in ("fixed", "copy", "guest"):
        if k in top:
            prog[k] = top[k]
    return tomllib.loads(to_toml(prog))


def selftest():
    """Tiny instances whose optimum is known by hand; the exact model must
    find it, and its solution must pass check_plan; then hand-broken plans
    must be flagged. Run: python3 benches/plan_quality_model.py"""
    import copy as cp
    films, br = load_catalogue()
    BH, KW, WB, ED, RS = "behemoth", "kuhle-wampe", "with-babies-and-banners", "every-day-except-christmas", "raining-stones"
    rt = {f["id"]: f.get("runtime") for f in films}
    assert (rt[BH], rt[KW], rt[WB], rt[ED], rt[RS]) == (90, 80, 45, 40, 90)
    d10, d11 = "2027-06-10T14:00", "2027-06-11T14:00"
    two_days = [("v0", d10, 100), ("v0", d11, 100)]
    W = lambda a=None, b=None: dict(**({"from": dt.datetime.fromisoformat(a)} if a else {}),
                                    **({"until": dt.datetime.fromisoformat(b)} if b else {}))
    G = lambda name, fs, disc, *wins: dict({"name": name, "films": fs, "discussion": disc},
                                           **({"available": list(wins)} if wins else {}))
    cases = [
        ("repeats: one programme twice", _mk(two_days, [{"films": [BH, KW], "repeats": 2, "screenings": 2}]), 180),
        ("repeats: one day only", _mk([("v0", d10, 100), ("v0", "2027-06-10T17:00", 100)],
                                      [{"films": [BH, KW], "repeats": 2, "screenings": 2}]), 0),
        ("no repeats", _mk(two_days, [{"films": [BH, KW], "screenings": 2}]), 170),
        ("repeats: three days, screenings 1", _mk(two_days + [("v0", "2027-06-12T14:00", 100)],
                                                  [{"films": [BH, KW], "repeats": 2}]), 180),
        ("repeats: double bill twice", _mk([("v0", d10, 140), ("v0", d11, 140)],
                                           [{"films": [WB, ED, BH], "repeats": 2, "interval": 0}]), 2 * (90 + 45)),
        ("guest window too short", _mk([("v0", d10, 100)], [{"films": [BH, KW]}],
                                       guest=[G("G", [BH], 0, W(None, "2027-06-10T15:00"))]), 80),
        ("guest window just right", _mk([("v0", d10, 100)], [{"films": [BH, KW]}],
                                        guest=[G("G", [BH], 0, W("2027-06-10T14:00", "2027-06-10T15:30"))]), 90),
        ("guest discussion too long", _mk([("v0", d10, 100)], [{"films": [BH, KW]}], guest=[G("G", [BH], 15)]), 80),
        ("guest discussion fits", _mk([("v0", d10, 105)], [{"films": [BH, KW]}], guest=[G("G", [BH], 15)]), 90),
        ("guest changeover between venues", _mk(
            [("v0", d10, 100), ("v1", "2027-06-10T15:40", 100)],
            [{"films": [BH], "venues": ["v0"]}, {"films": [RS], "venues": ["v1"]}],
            venues=("v0", "v1"), guest=[G("G", [BH, RS], 0)]), 90),
        ("guest changeover shorter", _mk(
            [("v0", d10, 100), ("v1", "2027-06-10T15:40", 100)],
            [{"films": [BH], "venues": ["v0"]}, {"films": [RS], "venues": ["v1"]}],
            venues=("v0", "v1"), changeover=10, guest=[G("G", [BH, RS], 0)]), 180),
        ("two guests, one film, repeats", _mk(
            [("v0", d10, 120), ("v0", d11, 120)], [{"films": [BH, KW], "repeats": 2}],
            guest=[G("G1", [BH], 10, W(None, "2027-06-10T15:45")), G("G2", [BH], 20, W("2027-06-11T00:00"))]), 180),
        ("two guests must share the only day", _mk(
            [("v0", d10, 120), ("v0", d11, 120)], [{"films": [BH, KW], "repeats": 2}],
            guest=[G("G1", [BH], 10, W(None, "2027-06-10T15:45")),
                   G("G2", [BH], 20, W("2027-06-10T00:00", "2027-06-10T23:00"))]), 160),
        ("copy format not projected", _mk(two_days, [{"films": [BH, KW], "screenings": 2}],
                                          venue=[{"id": "v0", "name": "v0", "formats": ["DCP"]}],
                                          copy=[{"film": BH, "format": "35mm"}]), 80),
        ("copy format, case aside, from d11", _mk(two_days, [{"films": [BH, KW], "screenings": 2}],
                                                  venue=[{"id": "v0", "name": "v0", "formats": ["DCP"]}],
                                                  copy=[{"film": BH, "format": "dcp", "from": dt.date(2027, 6, 11)}]), 170),
        ("copies both on d11 only", _mk(two_days, [{"films": [BH, KW], "screenings": 2}],
                                        copy=[{"film": BH, "format": "dcp", "from": dt.date(2027, 6, 11)},
                                              {"film": KW, "format": "dcp", "from": dt.date(2027, 6, 11),
                                               "until": dt.date(2027, 6, 11)}]), 90),
        ("max_per_director", _mk(two_days + [("v0", "2027-06-12T14:00", 100)],
                                 [{"directors": ["Ken Loach"], "screenings": 3}], max_per_director=1), 100),
        ("max_per_director 2", _mk(two_days + [("v0", "2027-06-12T14:00", 100)],
                                   [{"directors": ["Ken Loach"], "screenings": 3}], max_per_director=2), 100 + 96),
        ("fixed one-off", _mk([("v0", d10, 100), ("v0", "2027-06-10T17:00", 100)],
                              [{"films": [BH, ED], "screenings": 2}],
                              fixed=[{"slot": "v0-20270610-1400", "films": [WB]}]), 135),
        ("fixed in the series", _mk([("v0", d10, 100), ("v0", "2027-06-10T17:00", 100)],
                                    [{"films": [BH, ED, WB]}],
                                    fixed=[{"slot": "v0-20270610-1400", "films": [WB], "series": "s0"}]), 45),
        ("slot tags, case aside", _mk([("v0", d10, 100, ["Late"]), ("v0", d11, 100)],
                                      [{"films": [BH, KW], "screenings": 2, "tags": ["late"]}]), 90),
        ("series days", _mk(two_days, [{"films": [BH, KW], "screenings": 2, "days": [dt.date(2027, 6, 11)]}]), 90),
        ("series discussion wins over programme intro", _mk([("v0", d10, 100)],
                                                           [{"films": [BH, KW], "intro": 0, "discussion": 10}], intro=10), 90),
        ("series discussion 11", _mk([("v0", d10, 100)], [{"films": [BH, KW], "intro": 0, "discussion": 11}]), 80),
        ("criteria and-ed", _mk([("v0", d10, 100)], [{"directors": ["Ken Loach"], "years": "..1995"}]), 96),  # riff-raff
        ("programme exclude", _mk([("v0", d10, 100)], [{"films": [BH, KW]}], exclude=[BH]), 80),
        ("pin", _mk([("v0", d10, 100)], [{"films": [BH, KW], "pin": [KW]}]), 80),
        ("pin impossible", _mk([("v0", d10, 100)], [{"films": [BH, KW], "pin": [KW]}],
                               copy=[{"film": KW, "format": "35mm"}],
                               venue=[{"id": "v0", "name": "v0", "formats": ["DCP"]}]), None),
        ("series overlap across venues", _mk([("v0", d10, 100), ("v1", "2027-06-10T15:00", 100)],
                                             [{"films": [BH, RS], "screenings": 2}], venues=("v0", "v1")), 90),
    ]
    ok = True
    for name, prog, want in cases:
        got, status, plan = exact(prog, films, br, 30, want_plan=True)
        errs = check_plan(prog, films, plan, br) if plan else []
        good = got == want and (status == "optimal" or want is None) and not errs
        ok &= good
        print(f"{'ok ' if good else 'BAD'} {name}: exact {got} ({status}), expected {want}" + (f" {errs}" if errs else ""))
    # the checker must flag broken plans
    prog = _mk([("v0", d10, 110), ("v0", d11, 110), ("v1", "2027-06-10T17:00", 110)],
               [{"films": [BH, KW, WB, ED], "repeats": 2}], venues=("v0", "v1"),
               venue=[{"id": "v0", "name": "v0"}, {"id": "v1", "name": "v1", "formats": ["DCP"]}],
               copy=[{"film": BH, "format": "DCP"}], guest=[G("G", [BH], 20, W(None, "2027-06-12T00:00"))])
    _, status, plan = exact(prog, films, br, 30, want_plan=True)
    print("base plan:", [(x["slot"], [f["id"] for f in x["films"]], x["guests"]) for x in plan["screenings"]])
    assert not check_plan(prog, films, plan, br)
    breaks = {
        "minutes wrong": lambda p: p["screenings"][0].update(minutes=1),
        "guest dropped": lambda p: [x.update(guests=[]) for x in p["screenings"]],
        "guest twice": lambda p: [x.update(guests=["G"], discussion=20, minutes=x["minutes"] - x["discussion"] + 20)
                                  for x in p["screenings"]],
        "one occurrence": lambda p: p["screenings"].pop(),
        "repeat_of missing": lambda p: [x.pop("repeat_of", None) for x in p["screenings"]],
        "film twice": lambda p: p["screenings"][1]["films"].append(dict(p["screenings"][0]["films"][0])),
        "format wrong": lambda p: p["screenings"][0]["films"][0].update(format="35mm"),
        "metric": lambda p: p["metrics"].update(film_minutes=1),
        "unknown slot": lambda p: p["screenings"][0].update(slot="nowhere"),
    }
    for name, brk in breaks.items():
        p = cp.deepcopy(plan)
        brk(p)
        errs = check_plan(prog, films, p, br)
        ok &= bool(errs)
        print(f"{'ok ' if errs else 'BAD'} checker flags {name}: {errs[:2]}")
    # same-day repeat, series overlap, window, copy day, director
    prog2 = _mk([("v0", d10, 120), ("v0", "2027-06-10T17:00", 120), ("v1", "2027-06-10T17:30", 120),
                 ("v0", d11, 120)],
                [{"films": [BH, KW, RS]}], venues=("v0", "v1"), max_per_director=1,
                copy=[{"film": KW, "format": "DCP", "from": dt.date(2027, 6, 11)}],
                guest=[G("G", [RS], 0, W(None, "2027-06-10T15:00"))])
    sc = lambda slot, fs, **kw: dict({"id": f"s0@{slot}", "slot": slot, "series": "s0",
                                      "films": [{"id": f} for f in fs], "intro": 0, "discussion": 0,
                                      "minutes": sum(rt[f] for f in fs), "guests": []}, **kw)
    bad_plans = {
        "two programmes > screenings, overlap, copy day, guest window, director": {"screenings": [
            sc("v0-20270610-1700", [RS], guests=["G"]), sc("v1-20270610-1730", [KW]),
            sc("v0-20270611-1400", ["riff-raff"])]},
    }
    for name, p in bad_plans.items():
        errs = check_plan(prog2, films, p, br)
        print(f"checker on {name}:")
        for e in errs:
            print("   ", e)
        want = ["programmes > screenings", "overlap", "no copy", "outside their windows",
                "max_per_director", "does not qualify"]
        miss = [w for w in want if not any(w in e for e in errs)]
        ok &= not miss
        if miss:
            print("BAD missing", miss)
    print("self-test", "passed" if ok else "FAILED")
    return ok


# ------------------------------------------- brute force on tiny instances

def tiny(rng, films):
    """A tiny random programme (at most 4 slots, 1-2 series of 3-4 listed
    films) using the festival keys, small enough to enumerate."""
    short = [f["id"] for f in films if f.get("runtime") and f["runtime"] <= 110]
    nV, nD = rng.randint(1, 2), rng.randint(1, 3)
    days = [dt.date(2027, 6, 10 + d) for d in range(nD)]
    times = rng.sample([(14, 0), (17, 0), (17, 45), (21, 0)], rng.randint(1, 2))
    slots = [(f"v{v}", dt.datetime(d.year, d.month, d.day, h, m)) for v in range(nV) for d in days for h, m in times]
    slots = rng.sample(slots, min(len(slots), rng.randint(2, 4)))
    prog = {"name": "T", "timezone": "Europe/Lisbon", "intro": rng.choice([0, 5]),
            "interval": rng.choice([0, 5]), "changeover": rng.choice([0, 15, 60])}
    if rng.random() < 0.3:
        prog["discussion"] = rng.choice([5, 20])
    if rng.random() < 0.3:
        prog["max_per_director"] = 1
    prog["venue"] = [dict({"id": f"v{v}", "name": f"v{v}"}, **({"formats": ["DCP"]} if rng.random() < 0.3 else {}))
                     for v in range(nV)]
    prog["slot"] = []
    for v, st in sorted(slots):
        sl = {"venue": v, "start": st, "length": rng.choice([60, 90, 100, 120, 150, 170])}
        if rng.random() < 0.3:
            sl["tags"] = ["Late"]
        prog["slot"].append(sl)
    # slots of one venue must not overlap (with changeover): drop clashes
    keep = []
    for sl in prog["slot"]:
        if all(o["venue"] != sl["venue"] or o["start"] + dt.timedelta(minutes=o["length"] + prog["changeover"]) <= sl["start"]
               or sl["start"] + dt.timedelta(minutes=sl["length"] + prog["changeover"]) <= o["start"] for o in keep):
            keep.append(sl)
    prog["slot"] = keep
    pool = rng.sample(short, 6) + (["raining-stones", "riff-raff"] if rng.random() < 0.3 else [])
    prog["series"] = []
    for si in range(rng.randint(1, 2)):
        s = {"id": f"s{si}", "title": f"S{si}", "films": rng.sample(pool, rng.randint(2, 4)),
             "screenings": rng.randint(1, 2)}
        if nD > 1 and rng.random() < 0.4:
            s["repeats"] = 2
        if rng.random() < 0.2:
            s["discussion"] = rng.choice([0, 15])
        if rng.random() < 0.2:
            s["intro"] = 10
        if rng.random() < 0.15:
            s["tags"] = ["late"]
        if rng.random() < 0.15:
            s["pin"] = [s["films"][0]]
        prog["series"].append(s)
    used = sorted({f for s in prog["series"] for f in s["films"]})
    fixed = None
    if rng.random() < 0.35:
        fx = {"slot": f"{prog['slot'][0]['venue']}-{prog['slot'][0]['start']:%Y%m%d-%H%M}"}
        plain = [s for s in prog["series"] if "repeats" not in s]
        if plain and rng.random() < 0.5:
            fx["series"] = plain[0]["id"]
            fx["films"] = [rng.choice(plain[0]["films"])]
        else:
            fx["films"] = [f for f in pool if f not in used][:1] or [used[0]]
        if rng.random() < 0.3:
            fx["discussion"] = 0
        fixed = [fx]
        used = sorted(set(used) | set(fx["films"]))
    if rng.random() < 0.5:
        prog["copy"] = [dict({"film": rng.choice(used), "format": rng.choice(["DCP", "35mm"])},
                             **({"from": rng.choice(days)} if rng.random() < 0.5 else {}))]
    if rng.random() < 0.7:
        prog["guest"] = []
        for gi in range(rng.randint(1, 2)):
            g = {"name": f"G{gi}", "films": rng.sample(used, rng.randint(1, 2)), "discussion": rng.choice([10, 30])}
            if rng.random() < 0.7:
                d = rng.choice(days)
                g["available"] = [{"from": dt.datetime(d.year, d.month, d.day, rng.choice([13, 16])),
                                   "until": dt.datetime(d.year, d.month, d.day, rng.choice([16, 19, 23]))}]
            prog["guest"].append(g)
    if fixed:
        prog["fixed"] = fixed
    return tomllib.loads(to_toml(prog))


def brute(prog, films, broader):
    """The best film minutes by enumeration, every candidate plan judged by
    check_plan (None: no valid plan)."""
    import itertools
    I = Instance(prog, films, broader)
    fixed_at = {fx["slot"]: fx for fx in I.fixed}
    fixed_films = {f for fx in I.fixed for f in fx["films"]}
    options = []
    for t, sl in enumerate(I.slots):
        if t in fixed_at:
            options.append([("fixed", tuple(fixed_at[t]["films"]))])
            continue
        opts = [None]
        for si, s in enumerate(I.series):
            if not I.slot_allowed(s, t):
                continue
            cands = [f for f in range(len(films)) if f not in fixed_films and I.qualifies(s, f) and I.copy_ok(f, t)]
            for n in range(1, min(len(cands), MAX_FILMS) + 1):
                for fs in itertools.combinations(cands, n):
                    if I.occupancy(I.series_intro(s), fs, I.series_discussion(s)) <= sl["length"]:
                        opts.append((si, fs))
        options.append(opts)
    combos = []
    for combo in itertools.product(*options):
        owner = {}
        ok = True
        for o in combo:
            if o is None:
                continue
            for f in o[1]:
                if owner.setdefault(f, o) != o:
                    ok = False
        if ok:
            combos.append((sum(films[f]["runtime"] for o in combo if o for f in o[1]), combo))
    combos.sort(key=lambda c: -c[0])
    for minutes, combo in combos:
        base = []
        for t, o in enumerate(combo):
            if o is None:
                continue
            if o[0] == "fixed":
                fx = fixed_at[t]
                ser, intro, disc = fx["series"] or "one-off", fx["intro"], fx["discussion"]
            else:
                s = I.series[o[0]]
                ser, intro, disc = s["id"], I.series_intro(s), I.series_discussion(s)
            base.append({"id": f"{ser}@{I.slots[t]['id']}", "slot": I.slots[t]["id"], "series": ser, "t": t,
                         "films": [dict({"id": films[f]["id"]}, **({"format": I.copy_for(f, t)["format"]}
                                                                  if I.copy_for(f, t) else {})) for f in o[1]],
                         "fs": o[1], "intro": intro, "d0": disc})
        groups = {}
        for x in sorted(base, key=lambda x: I.slots[x["t"]]["start"]):
            groups.setdefault((x["series"], x["fs"]), []).append(x)
        for occs in groups.values():
            for x in occs[1:]:
                x["repeat_of"] = occs[0]["id"]
        choices = [(g, occs) for g in I.guests for key, occs in groups.items() if g["films"] & set(key[1])]
        for pick in itertools.product(*[range(len(occs)) for _, occs in choices]):
            plan = []
            for x in base:
                gs = [g for (g, occs), k in zip(choices, pick) if occs[k] is x]
                d = max([x["d0"]] + [g["discussion"] for g in gs])
                plan.append(dict({k: v for k, v in x.items() if k not in ("t", "fs", "d0")},
                                 guests=[g["name"] for g in gs], discussion=d,
                                 minutes=I.occupancy(x["intro"], x["fs"], d)))
            if not check_plan(prog, films, {"screenings": plan}, broader):
                return minutes
    return None


def crosscheck(n, seed=1):
    """Exact model against brute force on n tiny random instances."""
    films, br = load_catalogue()
    rng = random.Random(seed)
    bad = 0
    for i in range(n):
        prog = tiny(rng, films)
        want = brute(prog, films, br)
        got, status = exact(prog, films, br, 30)
        if got != want:
            bad += 1
            print(f"MISMATCH tiny-{i}: exact {got} ({status}), brute force {want}")
            print(to_toml(prog))
    print(f"exact model vs brute force: {n - bad} of {n} agree")
    return bad == 0


if __name__ == "__main__":
    import random
    import sys
    if len(sys.argv) > 2 and sys.argv[1] == "--brute":
        sys.exit(0 if crosscheck(int(sys.argv[2])) else 1)
    sys.exit(0 if selftest() else 1)

#!/usr/bin/env python3
"""The peer of `slate related`: the same related-films query computed with
networkx, end to end (read the TOML catalogue, build the film-theme graph,
answer one query), for benches/graph.rs to time against slate.

Same model as slate (src/graph/mod.rs, src/recommend/related.rs):
  idf(t) = ln(1 + N / n_t), n_t = films carrying t or a narrower theme;
  a film weighs idf in its own themes, 0.5**depth * idf in broader ones;
  score = dot product of the weight vectors over their pivoted lengths
  ((1 - 0.6) * mean length + 0.6 * length) + 0.10 same director + 0.05 same
  country + 0.05 * (1 - gap/10) for films under 10 years apart;
  + 4 + 4 * closeness for a companion film, + 1.55 (+ 0.25 per further
  event, two at most) for films of a shared event;
  then the best max(3n, 30) are reordered by + 0.3 * the cosine of their
  synopsis words (src/recommend/words.rs), weighed over those candidates.

usage: networkx_related.py DATA_DIR FILM_ID N   (prints the top N ids, one a line)
"""
import glob
import math
import unicodedata
import os
import sys
import tomllib

import networkx as nx

STOP = set("""about after again against also among another around because been before
being between both came come comes could does documentary down during each even every
film films first follows from have having here into just life like lives made make makes
many more most much must never only other over own portrait shows some story such take
takes than that their them then there these they this those through told tells under
until upon very were what when where which while whose will with within without would
year years your""".split())

PIVOT_SLOPE = 0.6

CLOSENESS = {"sequel": 3, "prequel": 3, "part": 3, "remake": 2, "answer": 2, "same-subject": 1}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in "'\u2019").lower()
    return " ".join("".join(c if c.isascii() and c.isalnum() else " " for c in s).split())


def stem(w):
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    for suffix in ["ings", "ing", "ers", "er", "ed", "es", "s"]:
        if len(w) > len(suffix) + 2 and w.endswith(suffix) and not w.endswith("ss"):
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) - 1 >= 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


def stems(text):
    out = set()
    for w in fold(text).split():
        if len(w) < 4 or w.isdigit() or w in STOP:
            continue
        s = stem(w)
        if len(s) >= 3:
            out.add(s)
    return out


def main():
    data, film_id, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(os.path.join(data, "themes.toml"), "rb") as f:
        themes = tomllib.load(f)["theme"]
    broader = {t["id"]: t.get("broader") for t in themes}
    paths = ([os.path.join(data, "films.toml")] if os.path.exists(os.path.join(data, "films.toml")) else [])
    paths += sorted(glob.glob(os.path.join(data, "films", "*.toml")))
    films = []
    for p in paths:
        with open(p, "rb") as f:
            films.extend(tomllib.load(f).get("film", []))

    # Each film's themes with their depth above a carried theme.
    expanded = []
    count = {}
    for film in films:
        depth_of = {}
        for t in film.get("themes", []):
            d, cur = 0, t
            while cur is not None and d <= 16:
                if cur not in depth_of or d < depth_of[cur]:
                    depth_of[cur] = d
                cur = broader.get(cur)
                d += 1
        for t in depth_of:
            count[t] = count.get(t, 0) + 1
        expanded.append(depth_of)
    total = max(len(films), 1)
    idf = {t: math.log(1 + total / c) for t, c in count.items()}

    g = nx.Graph()
    for i, film in enumerate(films):
        g.add_node(("f", i))
        for t, d in expanded[i].items():
            g.add_edge(("f", i), ("t", t), weight=idf[t] * 0.5 ** d)
    norm = {}
    for i in range(len(films)):
        node = ("f", i)
        norm[i] = math.sqrt(sum(w * w for _, _, w in g.edges(node, data="weight")))
    # Pivoted lengths, as slate's graph: (1 - s) * mean + s * |x| for the
    # films that carry themes.
    lengths = [x for x in norm.values() if x > 0.0]
    if lengths:
        mean = sum(lengths) / len(lengths)
        for i, x in norm.items():
            if x > 0.0:
                norm[i] = (1.0 - PIVOT_SLOPE) * mean + PIVOT_SLOPE * x

    a = next(i for i, f in enumerate(films) if f["id"] == film_id)
    acc = {}
    for _, theme, wa in g.edges(("f", a), data="weight"):
        for _, other, wb in g.edges(theme, data="weight"):
            b = other[1]
            acc[b] = acc.get(b, 0.0) + wa * wb
    fa = films[a]
    # Companions (both sides) and films of a shared event are scored too.
    index = {f["id"]: i for i, f in enumerate(films)}
    companion = {}
    for i, f in enumerate(films):
        for c in f.get("companions", []):
            j = index.get(c["film"])
            if j is None or j == i:
                continue
            if i == a:
                companion.setdefault(j, CLOSENESS[c["relation"]])
            elif j == a:
                companion.setdefault(i, CLOSENESS[c["relation"]])
    events = set(fa.get("events", []))
    tied = set(companion)
    if events:
        tied |= {i for i, f in enumerate(films) if events & set(f.get("events", []))}
    for b in tied:
        acc.setdefault(b, 0.0)
    scores = []
    for b, dot in acc.items():
        if b == a:
            continue
        fb = films[b]
        s = dot / (norm[a] * norm[b]) if norm[a] and norm[b] else 0.0
        if dot == 0.0 and b not in tied and not (set(fa.get("directors", [])) & set(fb.get("directors", []))):
            continue
        if set(fa.get("directors", [])) & set(fb.get("directors", [])):
            s += 0.10
        if set(fa.get("countries", [])) & set(fb.get("countries", [])):
            s += 0.05
        if "year" in fa and "year" in fb:
            s += max(0.0, 0.05 * (1 - abs(fa["year"] - fb["year"]) / 10))
        if b in companion:
            s += 4.0 + 4.0 * companion[b]
        shared = len(events & set(fb.get("events", [])))
        if shared:
            s += 1.55 + 0.25 * min(shared - 1, 2)
        scores.append((-s, fb["id"], b))
    scores.sort()
    pool = scores[: max(3 * n, 30)]
    own = stems(fa.get("synopsis", ""))
    docs = [stems(films[b].get("synopsis", "")) for _, _, b in pool]
    df = {}
    for d in [own] + docs:
        for w in d:
            df[w] = df.get(w, 0) + 1
    total_docs = len(docs) + 1
    weight = {w: math.log(1 + total_docs / c) for w, c in df.items() if c >= 2}

    def norm_of(d):
        return math.sqrt(sum(weight.get(w, 0.0) ** 2 for w in d))

    reranked = []
    for (neg, fid, b), d in zip(pool, docs):
        na, nb = norm_of(d), norm_of(own)
        sim = 0.0
        if na and nb:
            sim = min(1.0, sum(weight.get(w, 0.0) ** 2 for w in d & own) / (na * nb))
        reranked.append((neg - 0.3 * sim, fid))
    reranked.sort()
    for _, fid in reranked[:n]:
        print(fid)


if __name__ == "__main__":
    main()

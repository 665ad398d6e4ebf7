#!/usr/bin/env python3
"""The peer of `slate related`: the same related-films query computed with
networkx, end to end (read the TOML catalogue, build the film-theme graph,
answer one query), for benches/graph.rs to time against slate.

Same model as slate (src/graph.rs, src/recommend/related.rs):
  idf(t) = ln(1 + N / n_t), n_t = films carrying t or a narrower theme;
  a film weighs idf in its own themes, 0.5**depth * idf in broader ones;
  score = cosine of the weight vectors + 0.10 same director + 0.05 same
  country + 0.05 * (1 - gap/10) for films under 10 years apart.

usage: networkx_related.py DATA_DIR FILM_ID N   (prints the top N ids, one a line)
"""
import glob
import math
import os
import sys
import tomllib

import networkx as nx


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

    a = next(i for i, f in enumerate(films) if f["id"] == film_id)
    acc = {}
    for _, theme, wa in g.edges(("f", a), data="weight"):
        for _, other, wb in g.edges(theme, data="weight"):
            b = other[1]
            acc[b] = acc.get(b, 0.0) + wa * wb
    fa = films[a]
    scores = []
    for b, dot in acc.items():
        if b == a:
            continue
        fb = films[b]
        s = dot / (norm[a] * norm[b])
        if set(fa.get("directors", [])) & set(fb.get("directors", [])):
            s += 0.10
        if set(fa.get("countries", [])) & set(fb.get("countries", [])):
            s += 0.05
        if "year" in fa and "year" in fb:
            s += max(0.0, 0.05 * (1 - abs(fa["year"] - fb["year"]) / 10))
        scores.append((-s, fb["id"]))
    scores.sort()
    for _, fid in scores[:n]:
        print(fid)


if __name__ == "__main__":
    main()

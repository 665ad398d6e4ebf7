//! The [`ThemeGraph`]: films linked through the themes they carry.
//!
//! ## Structure: a film–theme bipartite graph, neighbours on demand
//!
//! One node per film and one per theme, in a petgraph [`Csr`] (compressed
//! sparse rows): an edge film → theme and theme → film for every theme a film
//! carries, directly or through `broader`. Two films are related when they
//! meet at a theme, so a film's related films are found by walking two hops
//! (film → its themes → their films) when asked.
//!
//! The alternative — an edge between every two films that share a theme —
//! does not scale: a theme carried by 100k films alone makes 5·10⁹ edges. The
//! bipartite graph has one edge per film-theme pair (about 7 per film), so it
//! is built in linear time and memory; the price is paid per query, which
//! touches every film of the query film's themes (O(Σ films per theme)). The
//! Csr keeps a theme's films contiguous in memory, which is what makes that
//! walk fast even for popular themes.
//!
//! ## Weights: how telling a shared theme is
//!
//! - A theme carried by `n` of the catalogue's `N` films has weight
//!   `idf = ln(1 + N / n)`: a theme on a handful of films says more than one
//!   on half the catalogue. `n` counts films carrying the theme or a narrower
//!   one (a coal film is a mining film).
//! - A film's membership in a theme it carries directly weighs `idf`; in a
//!   broader theme it reaches only through `broader`, `0.5 · idf` per step up.
//! - The thematic similarity of two films is the dot product of their
//!   membership vectors over their *pivoted* lengths:
//!   `Σ_t w(a,t)·w(b,t) / (p(a)·p(b))` with
//!   `p(x) = (1 − s)·avg + s·|x|`, where `avg` is the mean length of the
//!   films that carry themes and `s` is [`PIVOT_SLOPE`]. Plain cosine
//!   (`s = 1`) divides by the full length and so penalises a film tagged
//!   with many themes: *China Blue* (six themes) shares three rare ones with
//!   *Made in Bangladesh* and ranked 15th behind films sharing the same
//!   three with shorter theme lists. Pivoting (Singhal, Buckley and Mitra,
//!   1996, for long documents in retrieval) tilts the normalisation towards
//!   the average length. A film's nearest films are still those sharing its
//!   most telling themes; a score can exceed 1 between two long theme lists,
//!   and [`ThemeGraph::similarity`] clamps it to 1 for display.
//!
//! Director and year bonuses are added on top by [`crate::recommend`].
//! Building is deterministic: films in catalogue order, themes in vocabulary
//! order.

pub mod nearest;

use std::collections::HashMap;

use petgraph::csr::Csr;
use petgraph::Directed;
use rayon::prelude::*;

use crate::catalogue::Catalogue;
use crate::text::fold;

/// Weight factor of a broader theme per step up the hierarchy.
pub const BROADER_FACTOR: f32 = 0.5;

/// How far a film's own theme-vector length counts in normalising its
/// similarity (1: plain cosine; 0: the catalogue's average length for
/// every film). 0.6 keeps all 18 same-struggle pairs of `tests/recommend.rs`
/// within each other's top 7 (plain cosine: one at 15th, one at 10th).
pub const PIVOT_SLOPE: f32 = 0.6;

/// A film's weight in one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Membership {
    /// Index of the theme in the vocabulary.
    pub theme: u32,
    /// `idf` for a theme carried directly, less for a broader one.
    pub weight: f32,
    /// Whether the film carries the theme itself (not only a narrower one).
    pub direct: bool,
}

/// Films and themes linked in a weighted bipartite graph. Film nodes are
/// numbered as in [`Catalogue::films`]; see the module docs for the weights.
pub struct ThemeGraph {
    /// Nodes `0..films` are films, `films..films+themes` are themes.
    csr: Csr<(), f32, Directed, u32>,
    films: u32,
    themes: u32,
    /// Per theme: `ln(1 + N/n)`.
    idf: Vec<f32>,
    /// Per theme: films carrying it directly or through a narrower theme.
    theme_films: Vec<u32>,
    /// Per film: where its row starts among all film→theme edges (plus one
    /// final entry), to index `direct`.
    row_start: Vec<u32>,
    /// Per film→theme edge: whether the film carries the theme itself.
    direct: Vec<bool>,
    /// Per film: the pivoted length of its membership vector (0 for a film
    /// without themes); see the module docs.
    norm: Vec<f32>,
    /// Per film: where its directors start in `director_ids` (plus one final entry).
    director_start: Vec<u32>,
    /// Interned director ids (folded names), film after film.
    director_ids: Vec<u32>,
    /// Per director id: where its films start in `director_films` (plus one final entry).
    director_films_start: Vec<u32>,
    /// Films of each director, director after director, in catalogue order.
    director_films: Vec<u32>,
    /// Per film: release year.
    years: Vec<Option<i32>>,
}

/// Replaces each nonzero vector length `|x|` by its pivoted length
/// `(1 − s)·avg + s·|x|` (see the module docs). The average is summed in
/// film order in `f64`, so it is the same on every machine.
fn pivot_lengths(lengths: &mut [f32]) {
    let (sum, count) = lengths
        .iter()
        .filter(|&&x| x > 0.0)
        .fold((0.0f64, 0usize), |(sum, count), &x| {
            (sum + f64::from(x), count + 1)
        });
    if count == 0 {
        return;
    }
    let average = (sum / count as f64) as f32;
    for x in lengths.iter_mut().filter(|x| **x > 0.0) {
        *x = (1.0 - PIVOT_SLOPE) * average + PIVOT_SLOPE * *x;
    }
}

impl ThemeGraph {
    /// Builds the graph of a catalogue.
    pub fn build(catalogue: &Catalogue) -> ThemeGraph {
        let vocab = catalogue.vocabulary();
        let films = catalogue.films();
        let n_films = films.len();
        let n_themes = vocab.len();

        // Parent index per theme, for walking `broader`.
        let parent: Vec<Option<u32>> = vocab
            .themes()
            .iter()
            .map(|t| {
                t.broader
                    .as_deref()
                    .and_then(|b| vocab.position(b))
                    .map(|p| p as u32)
            })
            .collect();

        // Each film's themes with their depth above a carried theme (0 = direct),
        // in parallel (rayon keeps the order).
        let expanded: Vec<Vec<(u32, u8)>> = films
            .par_iter()
            .map(|film| {
                let mut set: Vec<(u32, u8)> = Vec::with_capacity(film.themes.len() * 2);
                for t in &film.themes {
                    let Some(mut cur) = vocab.position(t).map(|p| p as u32) else {
                        continue;
                    };
                    let mut depth = 0u8;
                    loop {
                        match set.iter_mut().find(|(x, _)| *x == cur) {
                            Some(entry) => entry.1 = entry.1.min(depth),
                            None => set.push((cur, depth)),
                        }
                        match parent[cur as usize] {
                            Some(p) if depth < 16 => {
                                cur = p;
                                depth += 1;
                            }
                            _ => break,
                        }
                    }
                }
                set.sort_unstable_by_key(|&(t, _)| t);
                set
            })
            .collect();
        let mut theme_films = vec![0u32; n_themes];
        for set in &expanded {
            for &(t, _) in set {
                theme_films[t as usize] += 1;
            }
        }
        let n = n_films.max(1) as f32;
        let idf: Vec<f32> = theme_films
            .iter()
            .map(|&c| {
                if c == 0 {
                    0.0
                } else {
                    (1.0 + n / c as f32).ln()
                }
            })
            .collect();

        // Film rows, then theme rows: the Csr wants edges sorted by source.
        let film_base = 0u32;
        let theme_base = n_films as u32;
        let total: usize = expanded.iter().map(Vec::len).sum();
        let mut edges: Vec<(u32, u32, f32)> = Vec::with_capacity(total * 2);
        let mut direct = Vec::with_capacity(total);
        let mut row_start = Vec::with_capacity(n_films + 1);
        let mut norm = Vec::with_capacity(n_films);
        // Counting sort of the reverse edges by theme.
        let mut by_theme_start = vec![0usize; n_themes + 1];
        for set in &expanded {
            for &(t, _) in set {
                by_theme_start[t as usize + 1] += 1;
            }
        }
        for i in 0..n_themes {
            by_theme_start[i + 1] += by_theme_start[i];
        }
        let mut reverse: Vec<(u32, u32, f32)> = vec![(0, 0, 0.0); total];
        let mut fill = by_theme_start.clone();
        for (f, set) in expanded.iter().enumerate() {
            let mut sq = 0.0f32;
            row_start.push(direct.len() as u32);
            for &(t, depth) in set {
                let w = idf[t as usize] * BROADER_FACTOR.powi(depth as i32);
                sq += w * w;
                edges.push((film_base + f as u32, theme_base + t, w));
                direct.push(depth == 0);
                let slot = &mut fill[t as usize];
                reverse[*slot] = (theme_base + t, f as u32, w);
                *slot += 1;
            }
            norm.push(sq.sqrt());
        }
        row_start.push(direct.len() as u32);
        drop(expanded);
        pivot_lengths(&mut norm);
        edges.extend(reverse);
        let mut csr: Csr<(), f32, Directed, u32> =
            Csr::from_sorted_edges(&edges).expect("edges are generated in sorted order");
        // Nodes without edges at the end (films or themes nobody carries)
        // still get a node, so every index is valid.
        while csr.node_count() < n_films + n_themes {
            csr.add_node(());
        }

        // Directors are the same when their folded names are; fold each
        // distinct spelling once.
        let mut by_spelling: HashMap<&str, u32> = HashMap::new();
        let mut interned: HashMap<String, u32> = HashMap::new();
        let mut director_start = Vec::with_capacity(n_films + 1);
        let mut director_ids = Vec::with_capacity(n_films);
        for f in films {
            director_start.push(director_ids.len() as u32);
            for d in &f.directors {
                let id = match by_spelling.get(d.as_str()) {
                    Some(&id) => id,
                    None => {
                        let next = interned.len() as u32;
                        let id = *interned.entry(fold(d)).or_insert(next);
                        by_spelling.insert(d, id);
                        id
                    }
                };
                director_ids.push(id);
            }
        }
        director_start.push(director_ids.len() as u32);
        // The inverse index, by counting sort.
        let mut director_films_start = vec![0u32; interned.len() + 1];
        for &d in &director_ids {
            director_films_start[d as usize + 1] += 1;
        }
        for i in 0..interned.len() {
            director_films_start[i + 1] += director_films_start[i];
        }
        let mut director_films = vec![0u32; director_ids.len()];
        let mut fill = director_films_start.clone();
        for f in 0..n_films {
            for &d in &director_ids[director_start[f] as usize..director_start[f + 1] as usize] {
                director_films[fill[d as usize] as usize] = f as u32;
                fill[d as usize] += 1;
            }
        }
        ThemeGraph {
            csr,
            films: n_films as u32,
            themes: n_themes as u32,
            idf,
            theme_films,
            row_start,
            direct,
            norm,
            director_start,
            director_ids,
            director_films_start,
            director_films,
            years: films.iter().map(|f| f.year).collect(),
        }
    }

    pub fn film_count(&self) -> usize {
        self.films as usize
    }

    pub fn theme_count(&self) -> usize {
        self.themes as usize
    }

    /// Edges of the underlying graph (both directions counted).
    pub fn edge_count(&self) -> usize {
        self.csr.edge_count()
    }

    /// `ln(1 + N/n)` of a theme (by vocabulary index).
    pub fn idf(&self, theme: u32) -> f32 {
        self.idf[theme as usize]
    }

    /// Films carrying a theme directly or through a narrower theme.
    pub fn films_with_theme(&self, theme: u32) -> u32 {
        self.theme_films[theme as usize]
    }

    /// The film's themes with their weights, in vocabulary order.
    pub fn memberships(&self, film: u32) -> impl Iterator<Item = Membership> + '_ {
        let themes = self.csr.neighbors_slice(film);
        let weights = self.csr.edges_slice(film);
        let row =
            self.row_start[film as usize] as usize..self.row_start[film as usize + 1] as usize;
        themes
            .iter()
            .zip(weights)
            .zip(&self.direct[row])
            .map(move |((&t, &w), &direct)| Membership {
                theme: t - self.films,
                weight: w,
                direct,
            })
    }

    /// The films carrying a theme (directly or through a narrower one) with
    /// their weight in it, in catalogue order.
    pub fn theme_members(&self, theme: u32) -> impl Iterator<Item = (u32, f32)> + '_ {
        let node = self.films + theme;
        self.csr
            .neighbors_slice(node)
            .iter()
            .copied()
            .zip(self.csr.edges_slice(node).iter().copied())
    }

    /// The film's row: theme nodes and weights, as stored (what its
    /// similarity to any film depends on).
    fn row(&self, film: u32) -> (&[u32], &[f32]) {
        (self.csr.neighbors_slice(film), self.csr.edges_slice(film))
    }

    /// The pivoted length of the film's membership vector.
    fn norm(&self, film: u32) -> f32 {
        self.norm[film as usize]
    }

    /// Whether the film carries any theme.
    pub fn has_themes(&self, film: u32) -> bool {
        self.norm[film as usize] > 0.0
    }

    pub fn year(&self, film: u32) -> Option<i32> {
        self.years[film as usize]
    }

    /// Whether two films share a director.
    pub fn same_director(&self, a: u32, b: u32) -> bool {
        let db = self.director_ids(b);
        self.director_ids(a).iter().any(|d| db.contains(d))
    }

    /// Interned director ids of a film (equal ids: the same name, folded).
    pub fn director_ids(&self, film: u32) -> &[u32] {
        let (s, e) = (
            self.director_start[film as usize] as usize,
            self.director_start[film as usize + 1] as usize,
        );
        &self.director_ids[s..e]
    }

    /// Films sharing a director with `film` (itself excluded), ascending and unique.
    pub fn same_director_films(&self, film: u32) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .director_ids(film)
            .iter()
            .flat_map(|&d| {
                let (s, e) = (
                    self.director_films_start[d as usize] as usize,
                    self.director_films_start[d as usize + 1] as usize,
                );
                self.director_films[s..e].iter().copied()
            })
            .filter(|&f| f != film)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Thematic similarity (pivoted, see the module docs) of `film` to every film sharing a
    /// theme with it, accumulated into `scores` (one slot per film, all zero
    /// on entry). Returns the films touched, in first-touch order. The caller
    /// resets the touched slots afterwards (see [`Scratch`]).
    pub fn similar_into(&self, film: u32, scores: &mut [f32], touched: &mut Vec<u32>) {
        let na = self.norm[film as usize];
        if na == 0.0 {
            return;
        }
        for m in self.memberships(film) {
            let wa = m.weight;
            for (other, wb) in self.theme_members(m.theme) {
                let slot = &mut scores[other as usize];
                if *slot == 0.0 {
                    touched.push(other);
                }
                *slot += wa * wb;
            }
        }
        for &o in touched.iter() {
            let nb = self.norm[o as usize];
            scores[o as usize] /= na * nb;
        }
    }

    /// Thematic similarity of two films (pivoted, clamped to 1), by merging
    /// their rows.
    pub fn similarity(&self, a: u32, b: u32) -> f32 {
        self.cosine(a, b).min(1.0)
    }

    /// The pivoted similarity of two films' rows, computed as [`similar_into`]
    /// (Self::similar_into) does (the same sums in the same order, so the
    /// same bits; not clamped to 1).
    fn cosine(&self, a: u32, b: u32) -> f32 {
        let (na, nb) = (self.norm[a as usize], self.norm[b as usize]);
        if na == 0.0 || nb == 0.0 {
            return 0.0;
        }
        let (ta, wa) = (self.csr.neighbors_slice(a), self.csr.edges_slice(a));
        let (tb, wb) = (self.csr.neighbors_slice(b), self.csr.edges_slice(b));
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < ta.len() && j < tb.len() {
            match ta[i].cmp(&tb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += wa[i] * wb[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        dot / (na * nb)
    }

    /// The themes two films share, with each one's contribution to their
    /// similarity (`w(a,t)·w(b,t) / (|a|·|b|)`), largest first.
    pub fn shared_themes(&self, a: u32, b: u32) -> Vec<(Membership, f32)> {
        let (na, nb) = (self.norm[a as usize], self.norm[b as usize]);
        if na == 0.0 || nb == 0.0 {
            return Vec::new();
        }
        let theirs: Vec<Membership> = self.memberships(b).collect();
        let mut out: Vec<(Membership, f32)> = self
            .memberships(a)
            .filter_map(|m| {
                theirs.iter().find(|o| o.theme == m.theme).map(|o| {
                    let shared = Membership {
                        direct: m.direct && o.direct,
                        ..m
                    };
                    (shared, m.weight * o.weight / (na * nb))
                })
            })
            .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.theme.cmp(&y.0.theme)));
        out
    }

    /// One step of `k` random walks with restart at once, pulled over the
    /// edges: film → theme with probability proportional to the membership
    /// weight, theme → film likewise. Vectors hold `k` values per node,
    /// walk after walk (`current[film * k + j]` is walk `j` at `film`).
    /// `next` receives `alpha·restart + (1-alpha)·Pᵀ·current`; mass on films
    /// without themes returns to the restart distribution.
    #[allow(clippy::too_many_arguments)]
    pub fn walk_step(
        &self,
        k: usize,
        current: &[f32],
        restart: &[f32],
        alpha: f32,
        theme_mass: &mut [f32],
        next: &mut [f32],
        out_weight: &WalkWeights,
    ) {
        let mut dangling = vec![0.0f32; k];
        for film in 0..self.films as usize {
            if out_weight.film[film] == 0.0 {
                for j in 0..k {
                    dangling[j] += current[film * k + j];
                }
            }
        }
        // Each output value is computed by one thread from the inputs alone,
        // so the result does not depend on the number of threads.
        theme_mass.par_chunks_mut(k).enumerate().for_each(|(t, m)| {
            m.iter_mut().for_each(|x| *x = 0.0);
            for (film, w) in self.theme_members(t as u32) {
                let share = w / out_weight.film[film as usize];
                let c = &current[film as usize * k..(film as usize + 1) * k];
                for j in 0..k {
                    m[j] += c[j] * share;
                }
            }
        });
        let keep = 1.0 - alpha;
        let theme_mass = &*theme_mass;
        next.par_chunks_mut(k).enumerate().for_each(|(film, out)| {
            out.iter_mut().for_each(|x| *x = 0.0);
            for mem in self.memberships(film as u32) {
                let total = out_weight.theme[mem.theme as usize];
                if total > 0.0 {
                    let share = mem.weight / total;
                    let m = &theme_mass[mem.theme as usize * k..(mem.theme as usize + 1) * k];
                    for j in 0..k {
                        out[j] += m[j] * share;
                    }
                }
            }
            let base = film * k;
            for j in 0..k {
                out[j] = (alpha + keep * dangling[j]) * restart[base + j] + keep * out[j];
            }
        });
    }

    /// Sums of edge weights per node, for [`ThemeGraph::walk_step`].
    pub fn walk_weights(&self) -> WalkWeights {
        WalkWeights {
            film: (0..self.films)
                .map(|f| self.memberships(f).map(|m| m.weight).sum())
                .collect(),
            theme: (0..self.themes)
                .map(|t| self.theme_members(t).map(|(_, w)| w).sum())
                .collect(),
        }
    }
}

/// Out-weights of the nodes of a [`ThemeGraph`], for random walks.
pub struct WalkWeights {
    pub film: Vec<f32>,
    pub theme: Vec<f32>,
}

/// Reusable buffers for [`ThemeGraph::similar_into`], so a query costs only
/// what it touches.
pub struct Scratch {
    pub scores: Vec<f32>,
    pub touched: Vec<u32>,
}

impl Scratch {
    pub fn new(graph: &ThemeGraph) -> Scratch {
        Scratch {
            scores: vec![0.0; graph.film_count()],
            touched: Vec::new(),
        }
    }

    /// Zeroes the touched slots.
    pub fn reset(&mut self) {
        for &t in &self.touched {
            self.scores[t as usize] = 0.0;
        }
        self.touched.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{Catalogue, Film, Origin};
    use crate::themes::{Theme, Vocabulary};

    fn theme(id: &str, broader: Option<&str>) -> Theme {
        Theme {
            id: id.into(),
            label: id.into(),
            description: None,
            keywords: vec![],
            broader: broader.map(Into::into),
        }
    }

    pub(crate) fn catalogue(films: &[(&str, &[&str])]) -> Catalogue {
        let vocab = Vocabulary::new(vec![
            theme("mining", None),
            theme("coal", Some("mining")),
            theme("strikes", None),
            theme("textiles", None),
        ]);
        let films: Vec<Film> = films
            .iter()
            .map(|(id, themes)| Film {
                id: id.to_string(),
                title: id.to_string(),
                themes: themes.iter().map(|t| t.to_string()).collect(),
                ..Film::default()
            })
            .collect();
        let origins = vec![
            Origin {
                file: 0,
                line: 1,
                column: 1
            };
            films.len()
        ];
        Catalogue::from_parts(films, origins, vec!["f.toml".into()], vocab)
    }

    #[test]
    fn weights_follow_idf_and_broader() {
        let c = catalogue(&[
            ("a", &["coal", "strikes"]),
            ("b", &["coal"]),
            ("c", &["mining"]),
            ("d", &["textiles", "strikes"]),
        ]);
        let g = ThemeGraph::build(&c);
        // mining is carried by a, b (through coal) and c.
        assert_eq!(g.films_with_theme(0), 3);
        let a: Vec<Membership> = g.memberships(0).collect();
        assert_eq!(a.len(), 3); // mining (broader), coal, strikes
        let mining = a.iter().find(|m| m.theme == 0).unwrap();
        assert!(!mining.direct);
        assert!((mining.weight - 0.5 * (1.0f32 + 4.0 / 3.0).ln()).abs() < 1e-6);
        // Edges: 3 + 2 + 1 + 2 memberships, both directions.
        assert_eq!(g.edge_count(), 16);
    }

    #[test]
    fn similarity_is_pivoted_and_symmetric() {
        let c = catalogue(&[
            ("a", &["coal", "strikes"]),
            ("b", &["coal", "strikes"]),
            ("c", &["textiles"]),
            ("d", &["mining"]),
        ]);
        let g = ThemeGraph::build(&c);
        assert!((g.similarity(0, 1) - 1.0).abs() < 1e-6);
        assert_eq!(g.similarity(0, 2), 0.0);
        assert!(g.similarity(0, 3) > 0.0);
        assert!((g.similarity(0, 3) - g.similarity(3, 0)).abs() < 1e-6);
        let mut s = Scratch::new(&g);
        g.similar_into(0, &mut s.scores, &mut s.touched);
        assert_eq!(s.scores[1], g.cosine(0, 1), "the same sums, the same bits");
        assert_eq!(s.scores[3], g.cosine(0, 3));
        assert!((s.scores[3] - g.similarity(0, 3)).abs() < 1e-6);
        assert_eq!(s.scores[2], 0.0);
        s.reset();
        assert!(s.scores.iter().all(|&x| x == 0.0));
    }

    #[test]
    fn a_long_theme_list_is_penalised_less_than_by_cosine() {
        // `q` shares `strikes` with `short` (one theme) and with `long`
        // (three): plain cosine puts `long` far behind; pivoting narrows the
        // gap and keeps the order.
        let c = catalogue(&[
            ("q", &["strikes", "textiles"]),
            ("short", &["strikes"]),
            ("long", &["strikes", "coal", "mining"]),
            ("other", &["coal"]),
        ]);
        let g = ThemeGraph::build(&c);
        let row = |f: u32| -> f32 {
            let (_, w) = g.row(f);
            w.iter().map(|x| x * x).sum::<f32>().sqrt()
        };
        let strikes = g.idf(2);
        let plain = |b: u32| strikes * strikes / (row(0) * row(b));
        let (short, long) = (g.similarity(0, 1), g.similarity(0, 2));
        assert!(short > long);
        assert!(long / short > plain(2) / plain(1), "{long}/{short}");
        // The average film keeps its cosine's scale: lengths pivot around
        // the mean, so they average the same.
        let mean = |v: &mut dyn Iterator<Item = f32>| {
            let v: Vec<f32> = v.collect();
            v.iter().sum::<f32>() / v.len() as f32
        };
        let pivoted = mean(&mut (0..4).map(|f| g.norm(f)));
        let raw = mean(&mut (0..4).map(row));
        assert!((pivoted - raw).abs() < 1e-5, "{pivoted} vs {raw}");
    }

    #[test]
    fn walk_keeps_probability_mass() {
        let c = catalogue(&[
            ("a", &["coal", "strikes"]),
            ("b", &["coal"]),
            ("c", &[]),
            ("d", &["textiles", "strikes"]),
        ]);
        let g = ThemeGraph::build(&c);
        let w = g.walk_weights();
        // Two walks at once: from film 0 and from film 3.
        let restart = vec![1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0];
        let mut cur = restart.clone();
        let mut next = vec![0.0; 8];
        let mut tm = vec![0.0; 2 * g.theme_count()];
        for _ in 0..30 {
            g.walk_step(2, &cur, &restart, 0.15, &mut tm, &mut next, &w);
            std::mem::swap(&mut cur, &mut next);
        }
        for j in 0..2 {
            let total: f32 = (0..4).map(|f| cur[f * 2 + j]).sum();
            assert!((total - 1.0).abs() < 1e-4, "{total}");
            assert_eq!(cur[2 * 2 + j], 0.0);
        }
        assert!(cur[2] > cur[3], "film 1 is nearer the first walk's seed");
        assert!(cur[7] > cur[6]);
    }
}

//! The `k` films nearest a film, for every film, in near-linear time — what
//! `series suggest` (a k-nearest-neighbour film graph) and `graph` (each
//! drawn film's strongest links) ask of the [`ThemeGraph`].
//!
//! Scoring a film against every film it shares a theme with costs the sum
//! of its themes' sizes; asked for every film, that is quadratic when a
//! theme is common (20,000 films on one theme: 4·10⁸ steps; 440,000: never
//! finishes). Two facts make it near-linear:
//!
//! - **Films with the same membership vector are one point.** Similarity
//!   depends only on a film's row (themes and weights), so films are grouped
//!   by their row, a *signature*; scores are computed between signatures,
//!   and a signature's films are taken in id order. Real and generated
//!   catalogues alike have far fewer signatures than films. (The films of
//!   one signature are not always each other's nearest: with pivoted
//!   lengths a longer row sharing the same themes can score higher.)
//! - **A bounded scan per query.** A theme's signatures are kept best first
//!   by what they can add to a similarity (`w(b,t) / p(b)`, `p` the pivoted
//!   length). A query may scan
//!   [`SCAN_TOTAL`] signatures shared among the catalogue's films, and at
//!   least [`SCAN_BUDGET`]. When the query's themes hold no more than that
//!   (every catalogue slate ships or has seen, and a 10,000-film catalogue
//!   of any shape), all are scanned and the result is exact.
//!   Otherwise the query's rarest themes are scanned in full while the
//!   budget lasts (true neighbours share a film's telling themes) and the
//!   common ones by their best entries (at least [`SCAN_FLOOR`] each); the
//!   [`RESCORED`] best candidates are then scored in full, since partial
//!   sums undercount. `cargo bench --bench neighbours` prints the recall
//!   against scoring every film.
//!
//! Results are deterministic: ties by score are broken by film index.

use std::collections::HashMap;

use super::ThemeGraph;

/// Signatures one query scans, at least: the budget is the larger of this
/// and [`SCAN_TOTAL`] shared among the films (beyond it the result is
/// approximate).
pub const SCAN_BUDGET: usize = 1024;
/// Signatures all the queries of a catalogue may scan together (one query
/// per film), so that asking every film stays near-linear.
pub const SCAN_TOTAL: usize = 100_000_000;
/// Signatures scanned per theme at least, when the budget is shared.
pub const SCAN_FLOOR: usize = 32;
/// Candidates scored in full when the scan was bounded.
pub const RESCORED: usize = 64;

/// Films grouped by membership vector, and each theme's signatures.
pub struct NearestIndex {
    /// Per film: its signature.
    film_sig: Vec<u32>,
    /// Per signature: its films, ascending.
    members: Vec<Vec<u32>>,
    /// Per signature: one of its films (the first).
    representative: Vec<u32>,
    /// Per theme node offset: (signature, w(b,t) / |b|), best first.
    theme_sigs: Vec<Vec<(u32, f32)>>,
}

/// Reusable buffers for [`NearestIndex::nearest`].
pub struct SigScratch {
    scores: Vec<f32>,
    touched: Vec<u32>,
}

impl NearestIndex {
    /// Groups the graph's films by signature (films without themes stand
    /// alone, near nothing).
    pub fn build(graph: &ThemeGraph) -> NearestIndex {
        let n = graph.film_count() as u32;
        let mut by_row: HashMap<(Vec<u32>, Vec<u32>), u32> = HashMap::new();
        let mut film_sig = Vec::with_capacity(n as usize);
        let mut members: Vec<Vec<u32>> = Vec::new();
        let mut representative = Vec::new();
        for f in 0..n {
            let (themes, weights) = graph.row(f);
            let key = (
                themes.to_vec(),
                weights.iter().map(|w| w.to_bits()).collect(),
            );
            let next = members.len() as u32;
            let sig = *by_row.entry(key).or_insert(next);
            if sig == next {
                members.push(Vec::new());
                representative.push(f);
            }
            members[sig as usize].push(f);
            film_sig.push(sig);
        }
        let mut theme_sigs: Vec<Vec<(u32, f32)>> = vec![Vec::new(); graph.theme_count()];
        for (sig, &rep) in representative.iter().enumerate() {
            let norm = graph.norm(rep);
            if norm == 0.0 {
                continue;
            }
            for m in graph.memberships(rep) {
                theme_sigs[m.theme as usize].push((sig as u32, m.weight / norm));
            }
        }
        for list in &mut theme_sigs {
            list.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        NearestIndex {
            film_sig,
            members,
            representative,
            theme_sigs,
        }
    }

    /// Up to k films from each signature of `sigs` (best first), until k are
    /// found and the next signature scores clearly less than the k-th
    /// (signature scores are summed in another order than a film's own
    /// similarity, so they may differ in the last bits). Returns the films
    /// and the k-th's signature score, when k were found.
    fn take_films(
        &self,
        sigs: &[(u32, f32)],
        film: u32,
        k: usize,
        keep: &impl Fn(u32) -> bool,
    ) -> (Vec<u32>, Option<f32>) {
        let mut found: Vec<u32> = Vec::new();
        let mut kth = None;
        for &(sig, score) in sigs {
            if kth.is_some_and(|t: f32| score < t - 1e-5) {
                break;
            }
            found.extend(
                self.members[sig as usize]
                    .iter()
                    .copied()
                    .filter(|&g| g != film && keep(g))
                    .take(k),
            );
            if kth.is_none() && found.len() >= k {
                kth = Some(score);
            }
        }
        (found, kth)
    }

    /// How many distinct membership vectors the films have.
    pub fn signature_count(&self) -> usize {
        self.members.len()
    }

    pub fn scratch(&self) -> SigScratch {
        SigScratch {
            scores: vec![0.0; self.members.len()],
            touched: Vec::new(),
        }
    }

    /// The `k` films most similar to `film` that pass `keep` (and have a
    /// similarity above 0), best first, ties by film index.
    pub fn nearest(
        &self,
        graph: &ThemeGraph,
        scratch: &mut SigScratch,
        film: u32,
        k: usize,
        keep: impl Fn(u32) -> bool,
    ) -> Vec<(u32, f32)> {
        let own = self.film_sig[film as usize];
        let rep = self.representative[own as usize];
        let norm = graph.norm(rep);
        if norm == 0.0 || k == 0 {
            return Vec::new();
        }
        let mut memberships: Vec<_> = graph.memberships(rep).collect();
        let listed: usize = memberships
            .iter()
            .map(|m| self.theme_sigs[m.theme as usize].len())
            .sum();
        let budget = SCAN_BUDGET.max(SCAN_TOTAL / self.film_sig.len().max(1));
        let exact = listed <= budget;
        // Rarest themes first: scanned in full while the budget lasts (a
        // film's true neighbours share its telling themes), the common ones
        // by their best entries only.
        memberships.sort_by_key(|m| (self.theme_sigs[m.theme as usize].len(), m.theme));
        let mut left = budget;
        let themes = memberships.len();
        for (i, m) in memberships.iter().enumerate() {
            let list = &self.theme_sigs[m.theme as usize];
            let take = if exact || list.len() <= left {
                list.len()
            } else {
                (left / (themes - i)).max(SCAN_FLOOR)
            };
            left = left.saturating_sub(take);
            for &(sig, w) in list.iter().take(take) {
                let slot = &mut scratch.scores[sig as usize];
                if *slot == 0.0 {
                    scratch.touched.push(sig);
                }
                *slot += m.weight * w;
            }
        }
        let mut sigs: Vec<(u32, f32)> = scratch
            .touched
            .iter()
            .map(|&s| (s, scratch.scores[s as usize] / norm))
            .collect();
        for &s in &scratch.touched {
            scratch.scores[s as usize] = 0.0;
        }
        scratch.touched.clear();
        if !exact {
            // Partial sums undercount what the unscanned entries would add:
            // the best candidates are scored in full.
            let best = RESCORED.min(sigs.len());
            if best < sigs.len() {
                sigs.select_nth_unstable_by(best, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            for (s, score) in sigs.iter_mut().take(best) {
                *score = graph.cosine(rep, self.representative[*s as usize]);
            }
        }
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        // Only the best signatures are needed: select them rather than sort
        // them all; the whole list only when those do not settle the answer
        // (a filter that keeps few films, or near-ties at the cut).
        let head = (2 * k + 8).min(sigs.len());
        let found = if head < sigs.len() {
            sigs.select_nth_unstable_by(head, order);
            let cut = sigs[head].1;
            let mut best = sigs[..head].to_vec();
            best.sort_by(order);
            match self.take_films(&best, film, k, &keep) {
                (found, Some(kth)) if cut < kth - 1e-5 => found,
                _ => {
                    sigs.sort_by(order);
                    self.take_films(&sigs, film, k, &keep).0
                }
            }
        } else {
            sigs.sort_by(order);
            self.take_films(&sigs, film, k, &keep).0
        };
        // Scored exactly as `ThemeGraph::similar_into` scores them.
        let mut scored: Vec<(u32, f32)> = found
            .into_iter()
            .map(|g| (g, graph.cosine(film, g)))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(k);
        scored
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::catalogue;
    use super::*;
    use crate::graph::Scratch;

    /// The exact answer: score every film.
    fn brute(graph: &ThemeGraph, film: u32, k: usize) -> Vec<(u32, f32)> {
        let mut scratch = Scratch::new(graph);
        graph.similar_into(film, &mut scratch.scores, &mut scratch.touched);
        let mut all: Vec<(u32, f32)> = scratch
            .touched
            .iter()
            .filter(|&&g| g != film)
            .map(|&g| (g, scratch.scores[g as usize]))
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(k);
        all
    }

    #[test]
    fn the_same_films_as_scoring_every_film() {
        let films: Vec<(String, Vec<&str>)> = (0..60)
            .map(|i| {
                let themes: &[&str] = match i % 5 {
                    0 => &["coal"],
                    1 => &["coal", "strikes"],
                    2 => &["strikes"],
                    3 => &["mining", "strikes"],
                    _ => &["coal", "mining"],
                };
                (format!("f{i:02}"), themes.to_vec())
            })
            .collect();
        let refs: Vec<(&str, &[&str])> = films
            .iter()
            .map(|(id, t)| (id.as_str(), t.as_slice()))
            .collect();
        let cat = catalogue(&refs);
        let graph = ThemeGraph::build(&cat);
        let index = NearestIndex::build(&graph);
        assert!(index.signature_count() <= 5);
        let mut scratch = index.scratch();
        for f in 0..60 {
            for k in [1, 5, 12, 30] {
                let fast = index.nearest(&graph, &mut scratch, f, k, |_| true);
                let slow = brute(&graph, f, k);
                let ids = |v: &[(u32, f32)]| v.iter().map(|x| x.0).collect::<Vec<_>>();
                assert_eq!(ids(&fast), ids(&slow), "film {f}, k {k}");
                assert_eq!(fast, slow, "the same scores, to the bit");
            }
        }
        // A filter is honoured.
        let odd = index.nearest(&graph, &mut scratch, 0, 5, |g| g % 2 == 1);
        assert!(odd.iter().all(|(g, _)| g % 2 == 1) && odd.len() == 5);
    }
}

//! Related films: the films closest to one film in the [`ThemeGraph`].
//!
//! Score = thematic similarity (cosine, 0..=1, see [`crate::graph`])
//! + [`DIRECTOR_BONUS`] when the films share a director
//! + [`COUNTRY_BONUS`] when they share a production country (labour history
//!   is national: a programme pairs Harlan County with Matewan)
//! + up to [`YEAR_BONUS`] for films made close together
//!   (`YEAR_BONUS · (1 − gap/10)` for a gap under 10 years).
//!
//! The bonuses reorder films that share themes; a film sharing no theme is
//! listed only for a shared director. A film without themes falls back to
//! director, country and years (see [`Related::fallback`]). Ties break by id.

use crate::catalogue::query::Filter;
use crate::catalogue::Catalogue;
use crate::graph::{Scratch, ThemeGraph};

use super::explain::Why;
use super::Recommendation;

/// Added to the score of a film by the same director.
pub const DIRECTOR_BONUS: f32 = 0.10;
/// Added to the score of a film from one of the same countries.
pub const COUNTRY_BONUS: f32 = 0.05;
/// Added, at most, to the score of a film of the same year.
pub const YEAR_BONUS: f32 = 0.05;

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// How many films to return.
    pub n: usize,
    /// Criteria every result must meet (runtime, decade, country, kind, short).
    pub filter: Filter,
    /// Leave out films by the query film's director(s).
    pub exclude_director: bool,
}

/// The answer to a related-films query.
#[derive(Debug, Clone)]
pub struct Related {
    pub items: Vec<Recommendation>,
    /// True when the query film has no themes and was matched on director,
    /// country and years only.
    pub fallback: bool,
}

fn shares_country(a: &crate::Film, b: &crate::Film) -> bool {
    a.countries.iter().any(|c| b.countries.contains(c))
}

/// The year part of the score of two films.
pub fn year_bonus(graph: &ThemeGraph, a: u32, b: u32) -> f32 {
    match (graph.year(a), graph.year(b)) {
        (Some(x), Some(y)) => {
            let gap = x.abs_diff(y) as f32;
            (YEAR_BONUS * (1.0 - gap / 10.0)).max(0.0)
        }
        _ => 0.0,
    }
}

/// The `query.n` films closest to the film at catalogue index `film`.
pub fn related(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    scratch: &mut Scratch,
    film: usize,
    query: &Query,
) -> Related {
    let a = film as u32;
    let films = catalogue.films();
    let fallback = !graph.has_themes(a);
    let mut candidates: Vec<(u32, f32)> = Vec::new();
    let keep = |b: u32| {
        b != a
            && !(query.exclude_director && graph.same_director(a, b))
            && query.filter.matches(&films[b as usize], catalogue)
    };
    if fallback {
        // No themes: same director, then same country and close years.
        let fa = &films[film];
        for b in 0..graph.film_count() as u32 {
            if !keep(b) {
                continue;
            }
            let fb = &films[b as usize];
            let mut s = 0.0;
            if graph.same_director(a, b) {
                s += 0.5;
            }
            if shares_country(fa, fb) {
                s += 0.2;
            }
            s += 2.0 * year_bonus(graph, a, b);
            if s >= 0.25 {
                candidates.push((b, s));
            }
        }
    } else {
        graph.similar_into(a, &mut scratch.scores, &mut scratch.touched);
        let fa = &films[film];
        for &b in &scratch.touched {
            if keep(b) {
                let mut s = scratch.scores[b as usize];
                if graph.same_director(a, b) {
                    s += DIRECTOR_BONUS;
                }
                if shares_country(fa, &films[b as usize]) {
                    s += COUNTRY_BONUS;
                }
                s += year_bonus(graph, a, b);
                candidates.push((b, s));
            }
        }
        // Same director but no shared theme: still related, at the tail.
        for b in graph.same_director_films(a) {
            if scratch.scores[b as usize] == 0.0 && keep(b) {
                candidates.push((b, DIRECTOR_BONUS + year_bonus(graph, a, b)));
            }
        }
        scratch.reset();
    }
    let order = |x: &(u32, f32), y: &(u32, f32)| {
        y.1.total_cmp(&x.1)
            .then_with(|| films[x.0 as usize].id.cmp(&films[y.0 as usize].id))
    };
    let n = query.n.min(candidates.len());
    if n > 0 && n < candidates.len() {
        candidates.select_nth_unstable_by(n - 1, order);
        candidates.truncate(n);
    }
    candidates.sort_by(order);
    candidates.truncate(n);
    let total = films.len();
    let items = candidates
        .into_iter()
        .map(|(b, score)| {
            let reasons = Why::between(catalogue, graph, film, b as usize);
            let fb = &films[b as usize];
            Recommendation {
                film: b as usize,
                id: fb.id.clone(),
                title: fb.title.clone(),
                year: fb.year,
                score,
                why: reasons.line(total, (films[film].year, fb.year)),
                reasons,
            }
        })
        .collect();
    Related { items, fallback }
}

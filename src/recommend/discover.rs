//! Discovery from several seed films: a random walk with restart
//! (personalised PageRank) over the [`ThemeGraph`], diversified so the answer
//! is not ten films by one director or from one decade.
//!
//! 1. The walk starts from the seeds and, at each step, moves from a film to
//!    one of its themes and on to another film of that theme, with
//!    probabilities proportional to the membership weights (so rare themes
//!    carry the walk further than common ones); with probability
//!    [`RESTART`] it jumps back to a seed. Power iteration over the edges
//!    ([`ThemeGraph::walk_step`]) until the change is below 1e-5 or after
//!    [`MAX_ITERATIONS`] steps. Films two or three themes away get mass too:
//!    that is what reaches past direct neighbours.
//! 2. One walk runs per seed (all in the same passes over the edges). In
//!    each, a film's visiting probability is divided by the square root of
//!    its total theme weight (the walk favours films with many themes; this
//!    evens that out) and scaled so the walk's best film is 1; a film's
//!    relevance is the mean over the seeds, so a seed with rare themes does
//!    not drown one with common themes.
//! 3. Maximal marginal relevance picks the answer: each next film maximises
//!    `λ·relevance − (1−λ)·redundancy` with the films already picked
//!    (λ = [`LAMBDA`]); redundancy mixes thematic similarity, a shared
//!    director and a shared decade. At most two films per director.
//! 4. Companions of a seed ([`COMPANION_RELEVANCE`]) and films of an event a
//!    seed is about ([`EVENT_RELEVANCE`]) are added to the relevance, shared
//!    among the seeds as the walks are.
//! 5. Each film is explained by the path that reached it: the seed it is
//!    tied to or closest to, or the film in between when it shares no theme
//!    with a seed.
//!
//! The answer says how much diversifying changed it: each film carries its
//! rank by relevance alone ([`Recommendation::relevance_rank`]), and
//! [`Diversity`] sums it up.

use crate::catalogue::query::Filter;
use crate::catalogue::Catalogue;
use crate::graph::{Scratch, ThemeGraph};

use super::explain::{Via, Why};
use super::Recommendation;

/// Probability of jumping back to a seed at each step.
pub const RESTART: f32 = 0.15;
/// Upper bound on power-iteration steps: the walks' error is below
/// 0.85³⁰ < 1% of their mass by then, far finer than a ranking needs.
pub const MAX_ITERATIONS: usize = 30;
/// Weight of relevance against redundancy when diversifying.
pub const LAMBDA: f32 = 0.7;
/// At most this many films by one director in an answer.
pub const PER_DIRECTOR: usize = 2;
/// Relevance added to a seed's companion films (the best walk film has 1).
pub const COMPANION_RELEVANCE: f32 = 1.0;
/// Relevance added to films of an event a seed is about.
pub const EVENT_RELEVANCE: f32 = 0.5;

/// How much diversifying changed an answer of `n` films.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diversity {
    /// Weight of relevance against redundancy.
    pub lambda: f32,
    pub per_director: usize,
    /// Films in the answer that are not among the `n` most relevant.
    pub replaced: usize,
    /// Films whose place differs from their rank by relevance.
    pub moved: usize,
    /// The answer's total relevance over that of the `n` most relevant films.
    pub relevance_kept: f32,
}

impl Diversity {
    /// Of the answer `items` (with their relevance ranks and scores) and the
    /// scores of the most relevant films, in order.
    pub fn of(items: &[Recommendation], best: &[f32]) -> Diversity {
        let n = items.len();
        let top: f32 = best.iter().take(n).sum();
        let kept: f32 = items.iter().map(|r| r.score).sum();
        Diversity {
            lambda: LAMBDA,
            per_director: PER_DIRECTOR,
            replaced: items
                .iter()
                .filter(|r| r.relevance_rank.is_none_or(|k| k > n))
                .count(),
            moved: items
                .iter()
                .enumerate()
                .filter(|(i, r)| r.relevance_rank != Some(i + 1))
                .count(),
            relevance_kept: if top > 0.0 {
                (kept / top).min(1.0)
            } else {
                1.0
            },
        }
    }

    /// "Order diversified (λ = 0.70, at most 2 films per director): 3 of 10
    /// films replace more relevant ones, 5 moved from their rank by
    /// relevance; 94% of the relevance kept."
    pub fn line(&self, n: usize) -> String {
        format!(
            "Order diversified (λ = {:.2}, at most {} films per director): {} of {n} {} more relevant ones, {} moved from {} rank by relevance; {:.0}% of the relevance kept.",
            self.lambda,
            self.per_director,
            self.replaced,
            if self.replaced == 1 { "film replaces" } else { "films replace" },
            self.moved,
            if self.moved == 1 { "its" } else { "their" },
            self.relevance_kept * 100.0
        )
    }
}

/// A discovery answer: the films, and how diversifying changed them.
#[derive(Debug, Clone)]
pub struct Discovery {
    pub items: Vec<Recommendation>,
    pub diversity: Diversity,
}

/// Why discovery could not run.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DiscoverError {
    #[error("none of the seed films carries a theme, so there is nothing to walk from")]
    NoThemes,
}

/// Relevance of every film to `seeds`: one walk with restart per seed (run
/// together, one pass over the edges per step), each visiting probability
/// divided by the square root of the film's total theme weight, each walk
/// scaled so its best non-seed film is 1, then averaged — so every seed
/// counts alike, however common its themes.
pub fn walk(graph: &ThemeGraph, seeds: &[usize]) -> Vec<f32> {
    let n = graph.film_count();
    let walkable: Vec<usize> = seeds
        .iter()
        .copied()
        .filter(|&s| graph.has_themes(s as u32))
        .collect();
    let k = walkable.len();
    let mut relevance = vec![0.0f32; n];
    if k == 0 {
        return relevance;
    }
    let mut restart = vec![0.0f32; n * k];
    for (j, &s) in walkable.iter().enumerate() {
        restart[s * k + j] = 1.0;
    }
    let weights = graph.walk_weights();
    let mut current = restart.clone();
    let mut next = vec![0.0f32; n * k];
    let mut theme_mass = vec![0.0f32; graph.theme_count() * k];
    for _ in 0..MAX_ITERATIONS {
        graph.walk_step(
            k,
            &current,
            &restart,
            RESTART,
            &mut theme_mass,
            &mut next,
            &weights,
        );
        let change: f32 = current.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut current, &mut next);
        if change < 1e-5 * k as f32 {
            break;
        }
    }
    for j in 0..k {
        let mut best = 0.0f32;
        for f in 0..n {
            let w = weights.film[f];
            let v = if w > 0.0 {
                current[f * k + j] / w.sqrt()
            } else {
                0.0
            };
            current[f * k + j] = v;
            if !seeds.contains(&f) {
                best = best.max(v);
            }
        }
        if best > 0.0 {
            for (f, r) in relevance.iter_mut().enumerate() {
                *r += current[f * k + j] / best / k as f32;
            }
        }
    }
    relevance
}

/// The `n` films to discover from `seeds` (catalogue indices), diversified
/// and explained. `filter` applies to the results, not to the seeds.
pub fn discover(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    seeds: &[usize],
    n: usize,
    filter: &Filter,
) -> Result<Discovery, DiscoverError> {
    if !seeds.iter().any(|&s| graph.has_themes(s as u32)) {
        return Err(DiscoverError::NoThemes);
    }
    let films = catalogue.films();
    let mut mass = walk(graph, seeds);
    let share = 1.0 / seeds.len().max(1) as f32;
    for &s in seeds {
        for l in catalogue.companions(s) {
            mass[l.film as usize] += COMPANION_RELEVANCE * share;
        }
        for e in &films[s].events {
            if let Some(p) = catalogue.events().position(e) {
                for &f in catalogue.event_films(p) {
                    mass[f as usize] += EVENT_RELEVANCE * share;
                }
            }
        }
    }
    let mut pool: Vec<(u32, f32)> = mass
        .iter()
        .enumerate()
        .filter(|&(f, &m)| m > 0.0 && !seeds.contains(&f) && filter.matches(&films[f], catalogue))
        .map(|(f, &m)| (f as u32, m))
        .collect();
    let order = |x: &(u32, f32), y: &(u32, f32)| {
        y.1.total_cmp(&x.1)
            .then_with(|| films[x.0 as usize].id.cmp(&films[y.0 as usize].id))
    };
    let pool_size = (n * 10).max(50).min(pool.len());
    if pool_size > 0 && pool_size < pool.len() {
        pool.select_nth_unstable_by(pool_size - 1, order);
        pool.truncate(pool_size);
    }
    pool.sort_by(order);
    let best = pool.first().map(|p| p.1).unwrap_or(1.0);
    let mut chosen: Vec<(u32, f32)> = Vec::with_capacity(n);
    let mut remaining: Vec<(u32, f32)> = pool.into_iter().map(|(f, m)| (f, m / best)).collect();
    let by_relevance: Vec<(u32, f32)> = remaining.clone();
    while chosen.len() < n && !remaining.is_empty() {
        let mut pick: Option<(usize, f32)> = None;
        for (i, &(c, rel)) in remaining.iter().enumerate() {
            let director_full = graph.director_ids(c).iter().any(|d| {
                chosen
                    .iter()
                    .filter(|(s, _)| graph.director_ids(*s).contains(d))
                    .count()
                    >= PER_DIRECTOR
            });
            if director_full {
                continue;
            }
            let redundancy = chosen
                .iter()
                .map(|&(s, _)| redundancy(graph, c, s))
                .fold(0.0f32, f32::max);
            let value = LAMBDA * rel - (1.0 - LAMBDA) * redundancy;
            // Strictly greater: earlier (better ranked) candidates win ties.
            if pick.is_none_or(|(_, v)| value > v) {
                pick = Some((i, value));
            }
        }
        let Some((i, _)) = pick else { break };
        chosen.push(remaining.remove(i));
    }
    let mut scratch = Scratch::new(graph);
    let total = films.len();
    let items: Vec<Recommendation> = chosen
        .into_iter()
        .map(|(c, rel)| {
            let c = c as usize;
            let reasons = path(catalogue, graph, &mut scratch, seeds, c);
            let anchor = reasons
                .via
                .as_ref()
                .and_then(|v| v.through.as_ref().or(Some(&v.seed)))
                .and_then(|id| catalogue.get(id))
                .and_then(|f| f.year);
            Recommendation {
                film: c,
                id: films[c].id.clone(),
                title: films[c].title.clone(),
                year: films[c].year,
                score: rel,
                why: reasons.line(total, (anchor, films[c].year)),
                reasons,
                relevance_rank: by_relevance
                    .iter()
                    .position(|&(f, _)| f as usize == c)
                    .map(|p| p + 1),
            }
        })
        .collect();
    let best: Vec<f32> = by_relevance.iter().map(|&(_, r)| r).collect();
    let diversity = Diversity::of(&items, &best);
    Ok(Discovery { items, diversity })
}

/// How much a candidate repeats a film already picked.
fn redundancy(graph: &ThemeGraph, a: u32, b: u32) -> f32 {
    let mut r = 0.6 * graph.similarity(a, b);
    if graph.same_director(a, b) {
        r += 0.25;
    }
    if let (Some(x), Some(y)) = (graph.year(a), graph.year(b)) {
        if x.div_euclid(10) == y.div_euclid(10) {
            r += 0.15;
        }
    }
    r
}

/// The path that explains a discovered film: its closest seed, or the film
/// in between.
fn path(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    scratch: &mut Scratch,
    seeds: &[usize],
    film: usize,
) -> Why {
    let films = catalogue.films();
    let closest = seeds
        .iter()
        .map(|&s| {
            let tie = super::related::tie_bonus(catalogue, s, film);
            (s, tie + graph.similarity(s as u32, film as u32))
        })
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
    if let Some((s, sim)) = closest.filter(|&(_, sim)| sim > 0.0) {
        let _ = sim;
        let mut why = Why::between(catalogue, graph, s, film);
        why.via = Some(Via {
            seed: films[s].id.clone(),
            seed_title: films[s].title.clone(),
            through: None,
            through_title: None,
        });
        return why;
    }
    // Two steps: the neighbour of the film that is closest to a seed.
    graph.similar_into(film as u32, &mut scratch.scores, &mut scratch.touched);
    let mut best: Option<(usize, usize, f32)> = None;
    for &m in &scratch.touched {
        let m = m as usize;
        if m == film || seeds.contains(&m) {
            continue;
        }
        for &s in seeds {
            let v = scratch.scores[m] * graph.similarity(s as u32, m as u32);
            let better = match best {
                None => v > 0.0,
                Some((bm, _, bv)) => v > bv || (v == bv && films[m].id < films[bm].id),
            };
            if better {
                best = Some((m, s, v));
            }
        }
    }
    scratch.reset();
    match best {
        Some((m, s, _)) => {
            let mut why = Why::between(catalogue, graph, m, film);
            why.via = Some(Via {
                seed: films[s].id.clone(),
                seed_title: films[s].title.clone(),
                through: Some(films[m].id.clone()),
                through_title: Some(films[m].title.clone()),
            });
            why
        }
        None => Why::default(),
    }
}

//! Related films: the films closest to one film in the [`ThemeGraph`].
//!
//! Score = thematic similarity (pivoted, about 0..=1, see [`crate::graph`])
//! + [`DIRECTOR_BONUS`] when the films share a director
//! + [`COUNTRY_BONUS`] when they share a production country (labour history
//!   is national: a programme pairs Harlan County with Matewan)
//! + up to [`YEAR_BONUS`] for films made close together
//!   (`YEAR_BONUS · (1 − gap/10)` for a gap under 10 years).
//!
//! + [`COMPANION_BONUS`] (plus [`CLOSENESS_STEP`] per step of
//!   [`crate::catalogue::Relation::closeness`]) for a companion film: a sequel, a part of the
//!   same work, a remake, a reply, a film about the very same subject
//! + [`EVENT_BONUS`] for sharing a historical event, [`MORE_EVENTS_BONUS`]
//!   for each further one (two at most).
//!
//! The bonuses reorder films that share themes; a film sharing no theme is
//! listed only for a shared director, a companion relation or an event. The
//! tie bonuses are tiers, not nudges: every companion outranks every other
//! film and every film of a shared event outranks every film that shares
//! only themes (whose score is at most 1 + [`MAX_BONUS`]), because a
//! programmer asked for *Man of Iron*'s relatives wants *Man of Marble*
//! first and, for *Billy Elliot*, the other films of the 1984–85 strike. A
//! film without themes falls back to director, country, years and these
//! ties (see [`Related::fallback`]). Ties break by id.

use crate::catalogue::query::Filter;
use crate::catalogue::Catalogue;
use crate::graph::{Scratch, ThemeGraph};

use super::explain::Why;
use super::{words, Recommendation};

/// Added to the score of a film by the same director.
pub const DIRECTOR_BONUS: f32 = 0.10;
/// Added to the score of a film from one of the same countries.
pub const COUNTRY_BONUS: f32 = 0.05;
/// Added, at most, to the score of a film of the same year.
pub const YEAR_BONUS: f32 = 0.05;
/// The most the director, country and year bonuses together add.
pub const MAX_BONUS: f32 = DIRECTOR_BONUS + COUNTRY_BONUS + YEAR_BONUS;
/// Added to the score of a companion film (above any other film's score).
pub const COMPANION_BONUS: f32 = 4.0;
/// Added per step of a companion relation's closeness (sequel over remake
/// over same subject): more than events and themes together can add, so a
/// closer relation always ranks first.
pub const CLOSENESS_STEP: f32 = 4.0;
/// Added to the score of a film about an event the query film is about:
/// more than any film sharing only themes can score.
pub const EVENT_BONUS: f32 = 1.0 + MAX_BONUS + WORDS_BONUS + 0.05;
/// Added for each further shared event, up to two.
pub const MORE_EVENTS_BONUS: f32 = 0.25;

/// The companion part and the event part of the score of film `b` for film `a`.
pub fn tie_bonuses(catalogue: &Catalogue, a: usize, b: usize) -> (f32, f32) {
    let companion = catalogue
        .companions(a)
        .iter()
        .find(|l| l.film as usize == b)
        .map_or(0.0, |l| {
            COMPANION_BONUS + CLOSENESS_STEP * l.relation.closeness() as f32
        });
    let (fa, fb) = (&catalogue.films()[a], &catalogue.films()[b]);
    let shared = fa.events.iter().filter(|e| fb.events.contains(e)).count();
    let events = if shared > 0 {
        EVENT_BONUS + MORE_EVENTS_BONUS * (shared - 1).min(2) as f32
    } else {
        0.0
    };
    (companion, events)
}

/// The companion and event part of the score of film `b` for film `a`.
pub fn tie_bonus(catalogue: &Catalogue, a: usize, b: usize) -> f32 {
    let (c, e) = tie_bonuses(catalogue, a, b);
    c + e
}

/// The films tied to film `a` by a companion relation or a shared event,
/// sorted, without `a`.
pub fn tied_films(catalogue: &Catalogue, a: usize) -> Vec<u32> {
    let mut out: Vec<u32> = catalogue.companions(a).iter().map(|l| l.film).collect();
    for e in &catalogue.films()[a].events {
        if let Some(p) = catalogue.events().position(e) {
            out.extend_from_slice(catalogue.event_films(p));
        }
    }
    out.sort_unstable();
    out.dedup();
    out.retain(|&b| b as usize != a);
    out
}

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

/// Added, at most, for distinctive synopsis words the two films share
/// (the cosine of their weighted word sets, see [`super::words`]).
pub const WORDS_BONUS: f32 = 0.3;
/// How many of the best films by themes and bonuses the words stage
/// reorders: this many times the films asked for, at least [`MIN_POOL`].
pub const POOL_FACTOR: usize = 3;
pub const MIN_POOL: usize = 30;
/// How many shared words an explanation names.
pub const WORDS_SHOWN: usize = 3;

/// The `query.n` films closest to the film at catalogue index `film`: the
/// best by themes, bonuses, companions and events, then reordered by the
/// synopsis words they share with it.
pub fn related(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    scratch: &mut Scratch,
    film: usize,
    query: &Query,
) -> Related {
    let films = catalogue.films();
    let pool = Query {
        n: (query.n * POOL_FACTOR).max(MIN_POOL),
        ..query.clone()
    };
    let (mut candidates, fallback) = by_themes(catalogue, graph, scratch, film, &pool);
    let text = |i: usize| films[i].synopsis.as_deref().unwrap_or("");
    let own = words::stems(text(film));
    let docs: Vec<Vec<String>> = candidates
        .iter()
        .map(|&(b, _)| words::stems(text(b as usize)))
        .collect();
    let weights =
        words::Weights::new(std::iter::once(own.as_slice()).chain(docs.iter().map(Vec::as_slice)));
    let mut shared_words: Vec<(f32, Vec<String>)> = Vec::with_capacity(candidates.len());
    for ((_, score), doc) in candidates.iter_mut().zip(&docs) {
        let (sim, shared) = weights.similarity(doc, &own);
        *score += WORDS_BONUS * sim;
        shared_words.push((
            WORDS_BONUS * sim,
            shared
                .iter()
                .take(WORDS_SHOWN)
                .map(|w| w.to_string())
                .collect(),
        ));
    }
    let mut ranked: Vec<(u32, f32, (f32, Vec<String>))> = candidates
        .into_iter()
        .zip(shared_words)
        .map(|((b, s), w)| (b, s, w))
        .collect();
    ranked.sort_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then_with(|| films[x.0 as usize].id.cmp(&films[y.0 as usize].id))
    });
    ranked.truncate(query.n);
    let total = films.len();
    let items = ranked
        .into_iter()
        .map(|(b, score, (words_bonus, shared))| {
            let mut reasons = Why::between(catalogue, graph, film, b as usize);
            let fb = &films[b as usize];
            let wanted: Vec<&str> = shared.iter().map(String::as_str).collect();
            reasons.words = words::as_written(text(b as usize), &wanted);
            (reasons.companion_bonus, reasons.events_bonus) =
                tie_bonuses(catalogue, film, b as usize);
            reasons.words_bonus = words_bonus;
            Recommendation {
                film: b as usize,
                id: fb.id.clone(),
                title: fb.title.clone(),
                year: fb.year,
                score,
                why: reasons.line(total, (films[film].year, fb.year)),
                reasons,
                relevance_rank: None,
            }
        })
        .collect();
    Related { items, fallback }
}

/// The first stage: the `query.n` best films by themes, director, country,
/// years, companions and events, best first (ties by id); and whether the
/// film had no themes to go by.
fn by_themes(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    scratch: &mut Scratch,
    film: usize,
    query: &Query,
) -> (Vec<(u32, f32)>, bool) {
    let a = film as u32;
    let films = catalogue.films();
    let fallback = !graph.has_themes(a);
    let mut candidates: Vec<(u32, f32)> = Vec::new();
    let tied = tied_films(catalogue, film);
    let is_tied = |b: u32| tied.binary_search(&b).is_ok();
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
            if is_tied(b) {
                candidates.push((b, s + tie_bonus(catalogue, film, b as usize)));
            } else if s >= 0.25 {
                candidates.push((b, s));
            }
        }
    } else {
        graph.similar_into(a, &mut scratch.scores, &mut scratch.touched);
        let fa = &films[film];
        let score = |b: u32, cos: f32| {
            let mut s = cos;
            if graph.same_director(a, b) {
                s += DIRECTOR_BONUS;
            }
            if shares_country(fa, &films[b as usize]) {
                s += COUNTRY_BONUS;
            }
            s + year_bonus(graph, a, b)
        };
        // Bonuses and filters are applied in order of falling similarity,
        // chunk by chunk, until no film left could still enter the top n:
        // in a big catalogue a query touches most films, and only the head
        // of that list matters.
        // Tied films are scored in full first; the search below covers the rest.
        for &b in &tied {
            if keep(b) {
                let cos = scratch.scores[b as usize];
                candidates.push((b, score(b, cos) + tie_bonus(catalogue, film, b as usize)));
            }
        }
        let mut pairs: Vec<(u32, f32)> = scratch
            .touched
            .iter()
            .filter(|&&b| b != a && !is_tied(b))
            .map(|&b| (b, scratch.scores[b as usize]))
            .collect();
        let by_similarity =
            |x: &(u32, f32), y: &(u32, f32)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0));
        let mut done = 0;
        let mut chunk = (query.n * 20).max(64);
        while done < pairs.len() {
            let end = (done + chunk).min(pairs.len());
            pairs[done..].select_nth_unstable_by(end - done - 1, by_similarity);
            pairs[done..end].sort_by(by_similarity);
            for &(b, cos) in &pairs[done..end] {
                if keep(b) {
                    candidates.push((b, score(b, cos)));
                }
            }
            done = end;
            // Every film not yet scored has similarity <= this bound.
            let bound = pairs[end - 1].1 + MAX_BONUS;
            if candidates.len() >= query.n.max(1) {
                let mut best: Vec<f32> = candidates.iter().map(|c| c.1).collect();
                let k = query.n.max(1) - 1;
                best.select_nth_unstable_by(k, |x, y| y.total_cmp(x));
                if best[k] > bound {
                    break;
                }
            }
            chunk *= 4;
        }
        // Same director but no shared theme: still related, at the tail.
        for b in graph.same_director_films(a) {
            if scratch.scores[b as usize] == 0.0 && keep(b) && !is_tied(b) {
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
    (candidates, fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load::load;
    use crate::catalogue::LoadOptions;
    use crate::synthetic::{write_catalogue, Spec};
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn generated() -> &'static (Catalogue, ThemeGraph) {
        static G: OnceLock<(Catalogue, ThemeGraph)> = OnceLock::new();
        G.get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let spec = Spec {
                per_file: 1000,
                ..Spec::new(3000)
            };
            write_catalogue(dir.path(), &spec).unwrap();
            let cat = load(
                dir.path(),
                &LoadOptions {
                    max_year: 2027,
                    ..LoadOptions::default()
                },
                &|_| {},
            )
            .unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
            .catalogue;
            let graph = ThemeGraph::build(&cat);
            (cat, graph)
        })
    }

    /// Scores every film, the slow way.
    fn brute_force(cat: &Catalogue, graph: &ThemeGraph, a: usize, q: &Query) -> Vec<String> {
        let films = cat.films();
        let mut all: Vec<(u32, f32)> = (0..films.len() as u32)
            .filter(|&b| b != a as u32)
            .filter(|&b| !(q.exclude_director && graph.same_director(a as u32, b)))
            .filter(|&b| q.filter.matches(&films[b as usize], cat))
            .filter_map(|b| {
                let cos = graph.similarity(a as u32, b);
                let dir = graph.same_director(a as u32, b);
                if cos == 0.0 && !dir {
                    return None;
                }
                let mut s = cos;
                if dir {
                    s += DIRECTOR_BONUS;
                }
                if cos > 0.0 && shares_country(&films[a], &films[b as usize]) {
                    s += COUNTRY_BONUS;
                }
                Some((b, s + year_bonus(graph, a as u32, b)))
            })
            .collect();
        all.sort_by(|x, y| {
            y.1.total_cmp(&x.1)
                .then_with(|| films[x.0 as usize].id.cmp(&films[y.0 as usize].id))
        });
        all.into_iter()
            .take(q.n)
            .map(|(b, _)| films[b as usize].id.clone())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(60))]

        /// Scoring only the head of the similarity list gives exactly the
        /// answer of scoring every film.
        #[test]
        fn pruned_search_equals_brute_force(film in 0usize..3000, n in 1usize..40, max_runtime in prop::option::of(20u32..200), exclude in any::<bool>()) {
            let (cat, graph) = generated();
            let q = Query {
                n,
                filter: Filter { max_runtime, ..Filter::default() },
                exclude_director: exclude,
            };
            let mut scratch = Scratch::new(graph);
            let got: Vec<String> = by_themes(cat, graph, &mut scratch, film, &q).0.into_iter().map(|(b, _)| cat.films()[b as usize].id.clone()).collect();
            let want = brute_force(cat, graph, film, &q);
            // Cosines from the accumulator and from merging rows may differ in
            // the last bit; compare as sets only when scores are that close.
            if got != want {
                let g: std::collections::BTreeSet<_> = got.iter().collect();
                let w: std::collections::BTreeSet<_> = want.iter().collect();
                prop_assert!(g.len() == w.len() && g.symmetric_difference(&w).count() <= 2, "{got:?}\n{want:?}");
            }
            prop_assert!(scratch.scores.iter().all(|&s| s == 0.0), "scratch not reset");
        }
    }
}

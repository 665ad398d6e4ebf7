//! Series suggestions: the themed series a catalogue can carry, found as
//! communities of the film graph.
//!
//! 1. Each film is linked to its [`NEIGHBOURS`] most similar films (thematic
//!    similarity ≥ [`MIN_SIMILARITY`]) in a petgraph `UnGraph`.
//! 2. Label propagation finds communities: every film starts with its own
//!    label and, round after round in an order shuffled by `--seed`, takes
//!    the label with the largest total edge weight among its neighbours
//!    (ties: the smallest label), until no label changes.
//! 3. Each community big enough becomes a series: its dominant theme (the
//!    one its films carry with the most weight) anchors it; the series grows
//!    from the community's best-connected film carrying that theme (the
//!    largest sum of its links within the community), adding
//!    the film with the highest mean similarity to those already in, up to
//!    `max_films` films and the runtime budget.
//! 4. A series is titled by its one or two dominant themes, ordered
//!    chronologically (the way retrospectives usually run), and ranked by
//!    its coherence (the mean thematic similarity over all pairs of its
//!    films), weighted up for more films, and down for films that meet on a
//!    single theme (see [`FULL_DEPTH`]) and for films of unknown length.
//!
//! **Steering** ([`Steering`]) narrows what a series may hold: films
//! carrying given themes, films about given events, films from given
//! countries, films no longer than a runtime, or the films around one film.
//! Communities are still found on the whole graph (their structure does not
//! depend on the request); each is cut down to the films that qualify, and
//! the qualifying films are also tried as one group, so a narrow request (the
//! films of one strike) still yields its series. A series steered by themes
//! is anchored on the first of them; one steered by events is titled by the
//! event; one steered `around` a film holds that film.

use std::collections::BTreeMap;

use petgraph::graph::{NodeIndex, UnGraph};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::SeedableRng;
use serde::Serialize;

use crate::catalogue::Catalogue;
use rayon::prelude::*;

use crate::graph::nearest::NearestIndex;
use crate::graph::ThemeGraph;

/// Neighbours each film is linked to when looking for communities.
pub const NEIGHBOURS: usize = 12;
/// Weakest similarity that links two films when looking for communities.
pub const MIN_SIMILARITY: f32 = 0.2;
/// Themes two films of a series share, on average, for its full score.
pub const FULL_DEPTH: f32 = 2.0;

/// What series to look for.
#[derive(Debug, Clone)]
pub struct SeriesQuery {
    /// How many series to propose.
    pub n: usize,
    pub min_films: usize,
    pub max_films: usize,
    /// Upper bound on the sum of a series' runtimes, in minutes; films of
    /// unknown runtime are then left out.
    pub max_runtime_total: Option<u32>,
    /// Seeds the order of label propagation.
    pub seed: u64,
    /// What the series must hold.
    pub steer: Steering,
}

impl Default for SeriesQuery {
    fn default() -> Self {
        SeriesQuery {
            n: 6,
            min_films: 4,
            max_films: 8,
            max_runtime_total: None,
            seed: 1,
            steer: Steering::default(),
        }
    }
}

/// What a series must hold; every part given must hold for every film.
#[derive(Debug, Clone, Default)]
pub struct Steering {
    /// Theme ids: a film carries each (or a narrower theme).
    pub themes: Vec<String>,
    /// Event ids: a film is about any of them.
    pub events: Vec<String>,
    /// Canonical country names: a film is from any of them.
    pub countries: Vec<String>,
    /// Catalogue index of a film every series holds, with films related to it.
    pub around: Option<usize>,
    /// Longest film, in minutes (films of unknown runtime are left out).
    pub max_film_runtime: Option<u32>,
}

impl Steering {
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
            && self.events.is_empty()
            && self.countries.is_empty()
            && self.around.is_none()
            && self.max_film_runtime.is_none()
    }

    /// Whether film `f` may be in a steered series (`near`: the films
    /// around [`Steering::around`], when given).
    fn admits(&self, catalogue: &Catalogue, near: &[usize], f: usize) -> bool {
        let film = &catalogue.films()[f];
        let vocab = catalogue.vocabulary();
        self.themes
            .iter()
            .all(|t| film.themes.iter().any(|c| vocab.implies(c, t)))
            && (self.events.is_empty() || film.events.iter().any(|e| self.events.contains(e)))
            && (self.countries.is_empty()
                || film.countries.iter().any(|c| self.countries.contains(c)))
            && self
                .max_film_runtime
                .is_none_or(|m| film.runtime.is_some_and(|r| r <= m))
            && (self.around.is_none() || near.contains(&f))
    }
}

/// How many related films make the pool of a series steered `around` a film.
pub const AROUND_POOL: usize = 40;

/// A proposed series.
#[derive(Debug, Clone, Serialize)]
pub struct SuggestedSeries {
    /// A slug of the title, usable as a programme's series id.
    pub id: String,
    pub title: String,
    /// Ids of the dominant themes the title is built from.
    pub themes: Vec<String>,
    /// Catalogue indices of the films, in the suggested running order.
    #[serde(skip)]
    pub films: Vec<usize>,
    /// Film ids, in running order.
    pub film_ids: Vec<String>,
    /// Sum of the known runtimes, in minutes.
    pub total_runtime: u32,
    /// Films whose runtime is unknown.
    pub unknown_runtimes: usize,
    /// Mean thematic similarity over all pairs of films, 0..=1.
    pub coherence: f32,
    /// What the series are ranked by: coherence × depth × share of known runtimes × ln(1 + films).
    pub score: f32,
    /// What holds the series together.
    pub why: String,
}

/// The film graph used for communities: each film linked to its nearest
/// films (found through a [`NearestIndex`], so near-linear in the films).
pub fn neighbour_graph(graph: &ThemeGraph) -> UnGraph<u32, f32> {
    let n = graph.film_count();
    let index = NearestIndex::build(graph);
    // Each film's nearest, in parallel (rayon keeps the order).
    let near: Vec<Vec<(u32, f32)>> = (0..n as u32)
        .into_par_iter()
        .map_init(
            || index.scratch(),
            |scratch, a| index.nearest(graph, scratch, a, NEIGHBOURS, |_| true),
        )
        .collect();
    let mut g: UnGraph<u32, f32> = UnGraph::with_capacity(n, n * NEIGHBOURS);
    for f in 0..n as u32 {
        g.add_node(f);
    }
    let mut seen = std::collections::HashSet::new();
    for (a, list) in near.into_iter().enumerate() {
        let a = a as u32;
        for (b, s) in list.into_iter().filter(|&(_, s)| s >= MIN_SIMILARITY) {
            let key = (a.min(b), a.max(b));
            if seen.insert(key) {
                g.add_edge(
                    NodeIndex::new(key.0 as usize),
                    NodeIndex::new(key.1 as usize),
                    s,
                );
            }
        }
    }
    g
}

/// Community label of every film by weighted label propagation.
pub fn communities(g: &UnGraph<u32, f32>, seed: u64) -> Vec<usize> {
    let n = g.node_count();
    let mut label: Vec<usize> = (0..n).collect();
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = StdRng::seed_from_u64(seed);
    // Votes per label, reset after each film (linear in its links, even for
    // a film thousands of others link to).
    let mut votes: Vec<f32> = vec![0.0; n];
    let mut voted: Vec<usize> = Vec::new();
    for _ in 0..100 {
        order.shuffle(&mut rng);
        let mut changed = false;
        for &v in &order {
            for e in g.edges(NodeIndex::new(v)) {
                let other = if e.source().index() == v {
                    e.target().index()
                } else {
                    e.source().index()
                };
                let l = label[other];
                if votes[l] == 0.0 {
                    voted.push(l);
                }
                votes[l] += *e.weight();
            }
            // The heaviest label; ties: the smallest.
            let best = voted
                .iter()
                .map(|&l| (l, votes[l]))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            if let Some((l, w)) = best {
                if l != label[v] && w > votes[label[v]] {
                    label[v] = l;
                    changed = true;
                }
            }
            for &l in &voted {
                votes[l] = 0.0;
            }
            voted.clear();
        }
        if !changed {
            break;
        }
    }
    label
}

use petgraph::visit::EdgeRef;

/// Proposes up to `query.n` series, best first.
pub fn suggest(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    query: &SeriesQuery,
) -> Vec<SuggestedSeries> {
    let g = neighbour_graph(graph);
    let labels = communities(&g, query.seed);
    let steer = &query.steer;
    let near: Vec<usize> = match steer.around {
        Some(a) => {
            let mut scratch = crate::graph::Scratch::new(graph);
            let q = super::related::Query {
                n: AROUND_POOL,
                ..Default::default()
            };
            std::iter::once(a)
                .chain(
                    super::related::related(catalogue, graph, &mut scratch, a, &q)
                        .items
                        .into_iter()
                        .map(|r| r.film),
                )
                .collect()
        }
        None => Vec::new(),
    };
    let admits = |f: usize| steer.admits(catalogue, &near, f);
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (f, &l) in labels.iter().enumerate() {
        if graph.has_themes(f as u32)
            && g.neighbors(NodeIndex::new(f)).next().is_some()
            && admits(f)
        {
            groups.entry(l).or_default().push(f);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    if !steer.is_empty() {
        // The qualifying films as one group too: a narrow request may fall
        // across several communities.
        let all: Vec<usize> = (0..catalogue.len())
            .filter(|&f| graph.has_themes(f as u32) && admits(f))
            .collect();
        if !groups.contains(&all) {
            groups.push(all);
        }
    }
    if let Some(a) = steer.around {
        // Every series holds the film it is steered around.
        for members in &mut groups {
            if !members.contains(&a) && admits(a) {
                members.push(a);
            }
        }
    }
    let mut series: Vec<SuggestedSeries> = groups
        .into_iter()
        .filter(|members| members.len() >= query.min_films)
        .filter_map(|members| build(catalogue, graph, (&g, &labels), &members, query))
        .filter(|s| steer.around.is_none_or(|a| s.films.contains(&a)))
        .collect();
    // Best first: coherent series with enough films; ties by title.
    series.sort_by(|a, b| {
        rank(b)
            .total_cmp(&rank(a))
            .then_with(|| a.title.cmp(&b.title))
    });
    let mut titles = std::collections::HashSet::new();
    series.retain(|s| titles.insert(s.title.clone()));
    series.truncate(query.n);
    series
}

fn rank(s: &SuggestedSeries) -> f32 {
    s.score
}

/// Turns a community into a series, or None when it cannot carry one.
fn build(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    (g, labels): (&UnGraph<u32, f32>, &[usize]),
    members: &[usize],
    query: &SeriesQuery,
) -> Option<SuggestedSeries> {
    let films = catalogue.films();
    let vocab = catalogue.vocabulary();
    let runtime_ok = |f: usize| query.max_runtime_total.is_none() || films[f].runtime.is_some();
    let members: Vec<usize> = members.iter().copied().filter(|&f| runtime_ok(f)).collect();
    // Dominant themes: direct themes by total weight among the members.
    let mut weight: BTreeMap<u32, f32> = BTreeMap::new();
    for &f in &members {
        for m in graph.memberships(f as u32).filter(|m| m.direct) {
            *weight.entry(m.theme).or_default() += m.weight;
        }
    }
    let mut ranked: Vec<(u32, f32)> = weight.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    // A series steered by themes is anchored on the first of them.
    if let Some(p) = query
        .steer
        .themes
        .first()
        .and_then(|t| vocab.position(t))
        .map(|p| p as u32)
    {
        ranked.retain(|&(t, _)| t != p);
        ranked.insert(0, (p, f32::INFINITY));
    }
    let anchor = ranked.first()?.0;
    let carries = |f: usize, t: u32| graph.memberships(f as u32).any(|m| m.theme == t);
    // Grow from the best-connected film carrying the anchor theme: the
    // largest sum of its links to the community in the neighbour graph
    // (linear in the links, where summing similarities to every member was
    // quadratic in the community).
    let strength = |f: usize| -> f32 {
        g.edges(NodeIndex::new(f))
            .filter(|e| {
                let o = if e.source().index() == f {
                    e.target().index()
                } else {
                    e.source().index()
                };
                labels[o] == labels[f]
            })
            .map(|e| *e.weight())
            .sum()
    };
    let start = match query.steer.around {
        Some(a) if members.contains(&a) => a,
        _ => {
            members
                .iter()
                .copied()
                .filter(|&f| carries(f, anchor))
                .map(|f| (f, strength(f)))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?
                .0
        }
    };
    let mut chosen = vec![start];
    let mut budget = query.max_runtime_total.map(|m| m as i64);
    if let Some(b) = budget.as_mut() {
        *b -= films[start].runtime.unwrap_or(0) as i64;
        if *b < 0 {
            return None;
        }
    }
    while chosen.len() < query.max_films {
        let next = members
            .iter()
            .copied()
            .filter(|f| !chosen.contains(f))
            .filter(|&f| match budget {
                Some(b) => films[f].runtime.is_some_and(|r| r as i64 <= b),
                None => true,
            })
            .map(|f| {
                let mean = chosen
                    .iter()
                    .map(|&c| graph.similarity(f as u32, c as u32))
                    .sum::<f32>()
                    / chosen.len() as f32;
                (f, mean)
            })
            .filter(|&(_, mean)| mean >= MIN_SIMILARITY)
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then_with(|| films[b.0].id.cmp(&films[a.0].id))
            });
        let Some((f, _)) = next else { break };
        if let Some(b) = budget.as_mut() {
            *b -= films[f].runtime.unwrap_or(0) as i64;
        }
        chosen.push(f);
    }
    if chosen.len() < query.min_films {
        return None;
    }
    chosen.sort_by(|&a, &b| {
        (films[a].year.is_none(), films[a].year, &films[a].id).cmp(&(
            films[b].year.is_none(),
            films[b].year,
            &films[b].id,
        ))
    });
    // Title: the anchor theme, and the next theme if most films carry it.
    let count = |t: u32| chosen.iter().filter(|&&f| carries(f, t)).count();
    let mut title_themes = vec![anchor];
    if let Some(&(second, _)) = ranked
        .iter()
        .skip(1)
        .find(|(t, _)| count(*t) * 2 >= chosen.len() && !vocab_implies(catalogue, anchor, *t))
    {
        title_themes.push(second);
    }
    let label = |t: u32| vocab.themes()[t as usize].label.clone();
    // A series steered by events is titled by the event its films share.
    let event_title = query.steer.events.iter().find_map(|e| {
        let all = chosen.iter().all(|&f| films[f].events.contains(e));
        all.then(|| catalogue.events().get(e).map(|ev| ev.label.clone()))
            .flatten()
    });
    let title = event_title.unwrap_or_else(|| {
        title_themes
            .iter()
            .map(|&t| label(t))
            .collect::<Vec<_>>()
            .join(" & ")
    });
    let why = title_themes
        .iter()
        .map(|&t| {
            let c = count(t);
            if c == chosen.len() {
                format!("all carry {}", label(t).to_lowercase())
            } else {
                format!("{c} of {} carry {}", chosen.len(), label(t).to_lowercase())
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut pairs = 0;
    let mut total = 0.0;
    for (i, &a) in chosen.iter().enumerate() {
        for &b in &chosen[i + 1..] {
            total += graph.similarity(a as u32, b as u32);
            pairs += 1;
        }
    }
    let coherence = if pairs == 0 {
        0.0
    } else {
        total / pairs as f32
    };
    // Depth: how many themes two films of the series share, on average (two
    // or more count fully). Films tagged with one theme each are perfectly
    // "coherent" yet say little together; a programmer's series has films
    // that meet on several counts.
    let mut shared = 0usize;
    for (i, &a) in chosen.iter().enumerate() {
        for &b in &chosen[i + 1..] {
            shared += films[a]
                .themes
                .iter()
                .filter(|t| films[b].themes.contains(t))
                .count();
        }
    }
    let depth = if pairs == 0 {
        0.0
    } else {
        (shared as f32 / pairs as f32 / FULL_DEPTH).min(1.0)
    };
    // A series whose films' lengths are unknown cannot be fitted into slots.
    let known = chosen
        .iter()
        .filter(|&&f| films[f].runtime.is_some())
        .count() as f32
        / chosen.len() as f32;
    let score = coherence * depth * known * (1.0 + chosen.len() as f32).ln();
    Some(SuggestedSeries {
        id: crate::text::slugify(&title),
        title,
        themes: title_themes
            .iter()
            .map(|&t| vocab.themes()[t as usize].id.clone())
            .collect(),
        film_ids: chosen.iter().map(|&f| films[f].id.clone()).collect(),
        total_runtime: chosen.iter().filter_map(|&f| films[f].runtime).sum(),
        unknown_runtimes: chosen
            .iter()
            .filter(|&&f| films[f].runtime.is_none())
            .count(),
        films: chosen,
        coherence,
        score,
        why,
    })
}

/// Whether theme `a` is `b` or narrower than it (a coal series need not be
/// titled "Coal mining & Mining").
fn vocab_implies(catalogue: &Catalogue, a: u32, b: u32) -> bool {
    let v = catalogue.vocabulary();
    let (ta, tb) = (&v.themes()[a as usize].id, &v.themes()[b as usize].id);
    v.implies(ta, tb) || v.implies(tb, ta)
}

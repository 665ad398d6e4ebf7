//! A picture of the theme graph: which films and links to draw
//! ([`select`]), where to put them ([`layout`]), and how to write them
//! ([`svg`], [`dot`], or JSON through serde).
//!
//! The picture shows films as nodes and their strongest thematic links as
//! edges: each film is linked to its [`LINKS_PER_FILM`] most similar films
//! among those drawn (similarity ≥ [`MIN_LINK`]). Nodes are coloured by the
//! theme that best tells the drawn films apart: the legend themes are picked
//! greedily, each covering the most films not yet coloured, skipping themes
//! nearly every drawn film carries (they would colour everything alike).

pub mod dot;
pub mod layout;
pub mod svg;

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};

use rayon::prelude::*;

use serde::Serialize;

use crate::catalogue::Catalogue;
use crate::graph::nearest::{NearestIndex, SigScratch};
use crate::graph::ThemeGraph;

/// Each film is linked to at most this many of its most similar drawn films.
pub const LINKS_PER_FILM: usize = 4;
/// Weakest similarity drawn as a link.
pub const MIN_LINK: f32 = 0.25;
/// Most legend entries (colours) before "other themes".
pub const MAX_LEGEND: usize = 8;
/// Neighbours followed per film when growing a neighbourhood (`--around`).
pub const AROUND_FANOUT: usize = 8;

/// Colour-blind-friendly palette for legend themes (Tableau 10), then grey.
pub const PALETTE: [&str; 9] = [
    "#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
    "#bab0ac",
];

/// What to draw.
#[derive(Debug, Clone)]
pub struct PictureQuery {
    /// Films carrying any of these themes (or a narrower one); all films if empty.
    pub themes: Vec<String>,
    /// Grow the picture from this film (catalogue index) ...
    pub around: Option<usize>,
    /// ... this many links deep.
    pub depth: usize,
    /// At most this many films.
    pub max_nodes: usize,
    /// Seeds the layout.
    pub seed: u64,
}

/// A film in the picture.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    #[serde(skip)]
    pub film: usize,
    pub id: String,
    pub title: String,
    pub year: Option<i32>,
    /// Index into [`Picture::legend`]; `None` for "other themes".
    pub legend: Option<usize>,
    pub colour: String,
    /// Sum of the weights of its links.
    pub strength: f32,
    pub x: f32,
    pub y: f32,
}

/// A drawn link between two nodes (indices into [`Picture::nodes`]).
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    pub weight: f32,
}

/// A colour of the picture and the theme it stands for.
#[derive(Debug, Clone, Serialize)]
pub struct LegendEntry {
    pub theme: String,
    pub label: String,
    pub colour: String,
    /// Drawn films in this colour.
    pub films: usize,
}

/// Everything needed to draw the graph, in any format.
#[derive(Debug, Clone, Serialize)]
pub struct Picture {
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub legend: Vec<LegendEntry>,
    /// Films that matched but were left out to keep within `max_nodes`.
    pub left_out: usize,
}

/// Chooses the films and links to draw and lays them out.
pub fn select(catalogue: &Catalogue, graph: &ThemeGraph, query: &PictureQuery) -> Picture {
    let films = catalogue.films();
    let vocab = catalogue.vocabulary();
    let mut near = Near::new(graph);
    let themed = |f: usize| {
        query.themes.is_empty()
            || films[f]
                .themes
                .iter()
                .any(|t| query.themes.iter().any(|w| vocab.implies(t, w)))
    };
    // Candidate films, in priority order.
    let mut chosen: Vec<usize> = match query.around {
        Some(start) => {
            let mut order = vec![start];
            let mut seen = BTreeSet::from([start]);
            let mut queue = VecDeque::from([(start, 0usize)]);
            while let Some((f, d)) = queue.pop_front() {
                if d >= query.depth {
                    continue;
                }
                for (n, _) in nearest(&mut near, f, AROUND_FANOUT, themed) {
                    if seen.insert(n) {
                        order.push(n);
                        queue.push_back((n, d + 1));
                    }
                }
            }
            order
        }
        None => (0..films.len())
            .filter(|&f| themed(f) && graph.has_themes(f as u32))
            .collect(),
    };
    let mut left_out = 0;
    if chosen.len() > query.max_nodes {
        left_out = chosen.len() - query.max_nodes;
        if query.around.is_some() {
            chosen.truncate(query.max_nodes);
        } else {
            // Keep the best-connected films.
            let l = links(&mut near, &chosen);
            let mut strength: BTreeMap<usize, f32> = BTreeMap::new();
            for (&(a, b), &w) in &l {
                *strength.entry(a).or_default() += w;
                *strength.entry(b).or_default() += w;
            }
            chosen.sort_by(|a, b| {
                let (sa, sb) = (
                    strength.get(a).unwrap_or(&0.0),
                    strength.get(b).unwrap_or(&0.0),
                );
                sb.total_cmp(sa)
                    .then_with(|| films[*a].id.cmp(&films[*b].id))
            });
            chosen.truncate(query.max_nodes);
        }
    }
    Picture {
        title: picture_title(catalogue, query),
        left_out,
        ..assemble(catalogue, &mut near, chosen, &query.themes, query.seed)
    }
}

/// The picture of exactly these films (catalogue indices), say a
/// programme's: their strongest links among themselves, coloured by the
/// themes that tell them apart.
pub fn select_films(
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    films: &[usize],
    title: &str,
    seed: u64,
) -> Picture {
    let mut chosen: Vec<usize> = films.to_vec();
    chosen.sort_unstable();
    chosen.dedup();
    let mut near = Near::new(graph);
    Picture {
        title: title.to_string(),
        ..assemble(catalogue, &mut near, chosen, &[], seed)
    }
}

/// Each film's strongest links (at least [`MIN_LINK`]) among `set`.
fn links(near: &mut Near, set: &[usize]) -> BTreeMap<(usize, usize), f32> {
    let member: HashSet<usize> = set.iter().copied().collect();
    let (graph, index) = (near.graph, &near.index);
    // Each film's strongest links, in parallel (rayon keeps the order).
    let each: Vec<Vec<(u32, f32)>> = set
        .par_iter()
        .map_init(
            || index.scratch(),
            |scratch, &f| {
                index.nearest(graph, scratch, f as u32, LINKS_PER_FILM, |g| {
                    member.contains(&(g as usize))
                })
            },
        )
        .collect();
    let mut out = BTreeMap::new();
    for (&f, list) in set.iter().zip(each) {
        for (n, w) in list {
            let n = n as usize;
            if w >= MIN_LINK {
                out.insert((f.min(n), f.max(n)), w);
            }
        }
    }
    out
}

/// Links, colours and layout of the chosen films (untitled, none left out:
/// the caller says).
fn assemble(
    catalogue: &Catalogue,
    near: &mut Near,
    mut chosen: Vec<usize>,
    asked: &[String],
    seed: u64,
) -> Picture {
    let films = catalogue.films();
    chosen.sort_by(|a, b| films[*a].id.cmp(&films[*b].id));
    let index: BTreeMap<usize, usize> = chosen.iter().enumerate().map(|(i, &f)| (f, i)).collect();
    let edges: Vec<Edge> = links(near, &chosen)
        .into_iter()
        .map(|((a, b), w)| Edge {
            source: index[&a],
            target: index[&b],
            weight: w,
        })
        .collect();
    let (legend, colour_of) = legend(catalogue, &chosen, asked);
    let mut nodes: Vec<Node> = chosen
        .iter()
        .enumerate()
        .map(|(i, &f)| Node {
            film: f,
            id: films[f].id.clone(),
            title: films[f].title.clone(),
            year: films[f].year,
            legend: colour_of[i],
            colour: colour_of[i]
                .map(|c| PALETTE[c].to_string())
                .unwrap_or_else(|| PALETTE[PALETTE.len() - 1].to_string()),
            strength: 0.0,
            x: 0.0,
            y: 0.0,
        })
        .collect();
    for e in &edges {
        nodes[e.source].strength += e.weight;
        nodes[e.target].strength += e.weight;
    }
    let positions = layout::layout(nodes.len(), &edges, seed);
    for (n, (x, y)) in nodes.iter_mut().zip(positions) {
        n.x = x;
        n.y = y;
    }
    Picture {
        title: String::new(),
        nodes,
        edges,
        legend,
        left_out: 0,
    }
}

/// The `k` films most similar to `f` that pass `keep`, best first (ties by
/// index), through the picture's [`Near`] index.
fn nearest(near: &mut Near, f: usize, k: usize, keep: impl Fn(usize) -> bool) -> Vec<(usize, f32)> {
    near.index
        .nearest(near.graph, &mut near.scratch, f as u32, k, |g| {
            keep(g as usize)
        })
        .into_iter()
        .map(|(g, w)| (g as usize, w))
        .collect()
}

/// A picture's nearest-film queries: the graph, its [`NearestIndex`] (built
/// once per picture) and the query buffers.
struct Near<'g> {
    graph: &'g ThemeGraph,
    index: NearestIndex,
    scratch: SigScratch,
}

impl<'g> Near<'g> {
    fn new(graph: &'g ThemeGraph) -> Near<'g> {
        let index = NearestIndex::build(graph);
        let scratch = index.scratch();
        Near {
            graph,
            index,
            scratch,
        }
    }
}

/// Legend themes (greedy cover of the drawn films) and each film's colour.
/// The themes the picture was asked for, and their broader themes, colour
/// nothing: every film drawn carries them.
fn legend(
    catalogue: &Catalogue,
    chosen: &[usize],
    asked: &[String],
) -> (Vec<LegendEntry>, Vec<Option<usize>>) {
    let films = catalogue.films();
    let vocab = catalogue.vocabulary();
    let n = chosen.len();
    let carriers = |t: &str| {
        chosen
            .iter()
            .enumerate()
            .filter(|(_, &f)| films[f].themes.iter().any(|c| c == t))
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    };
    let candidates: Vec<(&str, Vec<usize>)> = vocab
        .themes()
        .iter()
        .filter(|t| !asked.iter().any(|a| vocab.implies(a, &t.id)))
        .map(|t| (t.id.as_str(), carriers(&t.id)))
        // A theme most films carry tells them apart from little.
        .filter(|(_, c)| !c.is_empty() && (c.len() * 10 <= n * 7 || n < 4))
        .collect();
    let mut colour: Vec<Option<usize>> = vec![None; n];
    let mut legend = Vec::new();
    while legend.len() < MAX_LEGEND {
        let best = candidates
            .iter()
            .filter(|(t, _)| !legend.iter().any(|l: &LegendEntry| l.theme == *t))
            .map(|(t, c)| (t, c.iter().filter(|&&i| colour[i].is_none()).count()))
            .filter(|&(_, gain)| gain > 0)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)));
        let Some((t, gain)) = best else { break };
        if gain * 50 < n && legend.len() >= 3 {
            break; // under 2% of the picture: not worth a colour
        }
        let idx = legend.len();
        let (_, members) = candidates.iter().find(|(c, _)| c == t).expect("candidate");
        for &i in members {
            if colour[i].is_none() {
                colour[i] = Some(idx);
            }
        }
        let theme = vocab
            .get(t)
            .expect("legend themes come from the vocabulary");
        legend.push(LegendEntry {
            theme: theme.id.clone(),
            label: theme.label.clone(),
            colour: PALETTE[idx].to_string(),
            films: gain,
        });
    }
    let others = colour.iter().filter(|c| c.is_none()).count();
    if others > 0 {
        legend.push(LegendEntry {
            theme: String::new(),
            label: "other themes".into(),
            colour: PALETTE[PALETTE.len() - 1].to_string(),
            films: others,
        });
    }
    (legend, colour)
}

fn picture_title(catalogue: &Catalogue, query: &PictureQuery) -> String {
    let vocab = catalogue.vocabulary();
    let themes: Vec<String> = query
        .themes
        .iter()
        .map(|t| {
            vocab
                .get(t)
                .map(|x| x.label.clone())
                .unwrap_or_else(|| t.clone())
        })
        .collect();
    match (query.around, themes.is_empty()) {
        (Some(f), true) => format!("Around {}", catalogue.films()[f].display_title()),
        (Some(f), false) => format!(
            "Around {}: {}",
            catalogue.films()[f].display_title(),
            themes.join(", ")
        ),
        (None, false) => format!("Films on {}", themes.join(", ")),
        (None, true) => "The catalogue's theme graph".to_string(),
    }
}

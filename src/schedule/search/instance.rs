//! What the search needs to know about a programme, computed once: each
//! series' candidate films (best-fitting first, and shortest first), the
//! slots it may use, the time around its films, and per film its directors,
//! copies and guests — so every move asks cheap questions.

use std::collections::HashMap;

use super::super::pack::Item;
use crate::catalogue::Catalogue;
use crate::graph::ThemeGraph;
use crate::programme::load::qualifies;
use crate::programme::Programme;

/// Everything the search needs, precomputed once.
pub struct Instance<'a> {
    pub programme: &'a Programme,
    pub catalogue: &'a Catalogue,
    pub graph: &'a ThemeGraph,
    /// Per series: qualifying films with a runtime that fits some slot it
    /// may use, best-fitting first (ties by id).
    pub candidates: Vec<Vec<usize>>,
    /// Per series: the same films, shortest first.
    pub shortest: Vec<Vec<usize>>,
    /// Per series: its candidates that guests come for (always offered).
    pub with_guests: Vec<Vec<usize>>,
    /// Per series, per film: how well it fits the series (0..=1; 0 for
    /// films that are not candidates).
    pub preference: Vec<Vec<f32>>,
    /// Per series, per slot: whether the series may use the slot.
    pub allowed: Vec<Vec<bool>>,
    /// Per series: its screenings' introduction and discussion.
    pub intro: Vec<u32>,
    pub discussion: Vec<u32>,
    /// Per film: its directors, as small numbers (for `max_per_director`).
    pub directors: Vec<Vec<u32>>,
    /// Per film: the guests who come for it.
    guests_of: Vec<Vec<usize>>,
    /// How many directors there are (numbered from 0).
    directors_known: usize,
    /// Per film with copies: per slot, whether one of them can be screened
    /// there (None: no copies, anywhere is fine).
    copy_ok: Vec<Option<Vec<bool>>>,
    /// Whether any film has copies, any guest or director limit exists: then
    /// whether a film fits depends on the slot itself, not only its length.
    pub slot_specific: bool,
}

impl<'a> Instance<'a> {
    pub fn new(
        programme: &'a Programme,
        catalogue: &'a Catalogue,
        graph: &'a ThemeGraph,
    ) -> Instance<'a> {
        let films = catalogue.films();
        let vocab = catalogue.vocabulary();
        let p = programme;
        let allowed: Vec<Vec<bool>> = p
            .series
            .iter()
            .map(|s| p.slots.iter().map(|sl| s.placement.allows(sl)).collect())
            .collect();
        let intro: Vec<u32> = (0..p.series.len())
            .map(|s| p.intro_of(Some(s), None))
            .collect();
        let discussion: Vec<u32> = (0..p.series.len())
            .map(|s| p.discussion_of(Some(s), None))
            .collect();
        // Films fixed anywhere are never candidates: they are placed.
        let fixed: std::collections::HashSet<usize> = p
            .fixed
            .iter()
            .flat_map(|f| f.films.iter().copied())
            .collect();
        let mut candidates = Vec::new();
        let mut shortest = Vec::new();
        let mut preference = Vec::new();
        for (index, s) in p.series.iter().enumerate() {
            let longest = p
                .slots
                .iter()
                .zip(&allowed[index])
                .filter(|(_, ok)| **ok)
                .map(|(sl, _)| sl.length)
                .max()
                .unwrap_or(0);
            // A film pinned in one series is never filler in another.
            let pinned_elsewhere = |f: usize| {
                p.series
                    .iter()
                    .enumerate()
                    .any(|(o, other)| o != index && other.pin.contains(&f))
            };
            let theme_weight = |t: &str| {
                vocab
                    .position(t)
                    .map(|q| graph.idf(q as u32))
                    .unwrap_or(0.0)
            };
            let total: f32 = s
                .themes
                .iter()
                .map(|t| theme_weight(t))
                .sum::<f32>()
                .max(1e-6);
            let around = intro[index] + discussion[index];
            let mut pref: Vec<f32> = vec![0.0; films.len()];
            let mut list: Vec<usize> = (0..films.len())
                .filter(|&f| {
                    films[f].runtime.is_some_and(|r| around + r <= longest)
                        && !pinned_elsewhere(f)
                        && !fixed.contains(&f)
                        && p.schedulable(f)
                        && qualifies(catalogue, s, f)
                })
                .collect();
            for &f in &list {
                // Without themes, every film fits the series equally.
                let fit = if s.themes.is_empty() {
                    1.0
                } else {
                    s.themes
                        .iter()
                        .filter(|t| films[f].themes.iter().any(|c| vocab.implies(c, t)))
                        .map(|t| theme_weight(t))
                        .sum::<f32>()
                        / total
                };
                pref[f] = fit;
            }
            list.sort_by(|&a, &b| {
                pref[b]
                    .total_cmp(&pref[a])
                    .then_with(|| films[a].id.cmp(&films[b].id))
            });
            let mut short = list.clone();
            short.sort_by(|&a, &b| {
                (films[a].runtime, &films[a].id).cmp(&(films[b].runtime, &films[b].id))
            });
            candidates.push(list);
            shortest.push(short);
            preference.push(pref);
        }
        let mut names: HashMap<&str, u32> = HashMap::new();
        let directors = films
            .iter()
            .map(|f| {
                f.directors
                    .iter()
                    .map(|d| {
                        let next = names.len() as u32;
                        *names.entry(d.as_str()).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let copy_ok = (0..films.len())
            .map(|f| {
                (!p.copies_of[f].is_empty()).then(|| {
                    (0..p.slots.len())
                        .map(|s| p.copy_for(f, s).is_some())
                        .collect()
                })
            })
            .collect();
        let mut guests_of: Vec<Vec<usize>> = vec![Vec::new(); films.len()];
        for (g, guest) in p.guests.iter().enumerate() {
            for &f in &guest.films {
                guests_of[f].push(g);
            }
        }
        let with_guests = candidates
            .iter()
            .map(|list: &Vec<usize>| {
                list.iter()
                    .copied()
                    .filter(|&f| !guests_of[f].is_empty())
                    .collect()
            })
            .collect();
        Instance {
            programme,
            with_guests,
            catalogue,
            graph,
            candidates,
            shortest,
            preference,
            allowed,
            intro,
            discussion,
            directors,
            guests_of,
            directors_known: names.len(),
            copy_ok,
            slot_specific: !p.copies.is_empty()
                || !p.guests.is_empty()
                || p.max_per_director.is_some()
                || p.series.iter().any(|s| s.repeats > 1),
        }
    }

    /// The slots overlapping `slot` (any venue), in index order.
    pub fn overlapping(&self, slot: usize) -> impl Iterator<Item = usize> + '_ {
        self.programme
            .overlaps
            .of_slot(slot)
            .iter()
            .map(|&o| o as usize)
    }

    /// How many directors the catalogue names.
    pub fn director_count(&self) -> usize {
        self.directors_known
    }

    /// Whether a copy of the film can be screened in the slot (always,
    /// for a film without copies).
    pub fn copy_ok(&self, film: usize, slot: usize) -> bool {
        self.copy_ok[film].as_ref().is_none_or(|ok| ok[slot])
    }

    /// The guests who come for a film.
    pub fn guests_of(&self, film: usize) -> &[usize] {
        &self.guests_of[film]
    }

    pub fn runtime(&self, film: usize) -> u32 {
        self.catalogue.films()[film].runtime.unwrap_or(0)
    }

    /// Minutes a guest's discussion adds to a screening of `series` when
    /// the film brings a guest (the longest discussion wins).
    pub fn extra_for(&self, series: usize, film: usize) -> u32 {
        self.guests_of[film]
            .iter()
            .map(|&g| self.programme.guests[g].discussion)
            .max()
            .unwrap_or(0)
            .saturating_sub(self.discussion[series])
    }

    pub fn item(&self, series: usize, film: usize) -> Item {
        Item {
            film,
            runtime: self.runtime(film),
            preference: self.preference[series][film],
            extra: self.extra_for(series, film),
            guests: !self.guests_of[film].is_empty(),
        }
    }

    /// Whether the programme has series at all beyond index `s` (one-off
    /// events are numbered after the series).
    pub fn is_event(&self, series: usize) -> bool {
        series >= self.programme.series.len()
    }

    /// Minutes a screening occupies: its introduction, films, intervals and
    /// discussion (`discussion` already includes any guest's).
    pub fn occupied(&self, intro: u32, discussion: u32, films: &[usize]) -> u32 {
        self.programme
            .occupied_with(intro, discussion, films.iter().map(|&f| self.runtime(f)))
    }
}

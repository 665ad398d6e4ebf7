//! The objective the search maximises (see the module docs of
//! [`search`](super)), series by series, with each series' part cached
//! until its screenings change.

use std::collections::{HashMap, HashSet};

use super::state::State;
use super::Instance;
use crate::graph::ThemeGraph;

/// Minute-equivalents for each screening a series gets.
pub const SCREENING_BONUS: f64 = 5.0;
/// Minute-equivalents per film for a perfectly coherent series.
pub const COHERENCE_WEIGHT: f64 = 6.0;
pub const SAME_DIRECTOR_PENALTY: f64 = 8.0;
pub const SAME_DECADE_PENALTY: f64 = 2.0;
pub const SAME_DAY_PENALTY: f64 = 6.0;
/// Minute-equivalents for each guest seated at a screening of their film.
pub const GUEST_BONUS: f64 = 20.0;
/// For a repeat at the venue of its first screening.
pub const SAME_VENUE_REPEAT_PENALTY: f64 = 3.0;

/// The value of a plan. Series whose screenings did not change since the
/// last call keep their cached value.
pub fn score(inst: &Instance, state: &mut State) -> f64 {
    let mut value = 0.0;
    for s in 0..inst.programme.series.len() {
        let v = match state.value[s] {
            Some(v) => v,
            None => {
                let v = series_value(inst, state, s);
                state.value[s] = Some(v);
                v
            }
        };
        value += v;
    }
    value
}

/// One series' part of the objective.
fn series_value(inst: &Instance, state: &State, s: usize) -> f64 {
    let films = inst.catalogue.films();
    let slots_of = &inst.programme.slots;
    let mut value = 0.0;
    let mut slots: Vec<usize> = state.series_slots(s).collect();
    slots.sort_unstable();
    let mut chosen: Vec<usize> = Vec::new();
    let mut days: HashMap<jiff::civil::Date, u32> = HashMap::new();
    for slot in slots {
        let a = state.assign[slot]
            .as_ref()
            .expect("series slots are assigned");
        value += SCREENING_BONUS;
        value += a.films.iter().map(|&f| inst.runtime(f) as f64).sum::<f64>();
        value += GUEST_BONUS * a.guests.len() as f64;
        match a.anchor {
            None => chosen.extend(&a.films),
            Some(anchor) if slots_of[anchor].venue == slots_of[slot].venue => {
                value -= SAME_VENUE_REPEAT_PENALTY
            }
            Some(_) => {}
        }
        *days.entry(slots_of[slot].day()).or_default() += 1;
    }
    value -= SAME_DAY_PENALTY
        * days
            .values()
            .map(|&n| n.saturating_sub(1) as f64)
            .sum::<f64>();
    value += COHERENCE_WEIGHT * chosen.len() as f64 * coherence(inst.graph, &chosen) as f64;
    let mut directors: HashSet<&str> = HashSet::new();
    let mut decades: HashMap<i32, u32> = HashMap::new();
    for &f in &chosen {
        for d in &films[f].directors {
            if !directors.insert(d) {
                value -= SAME_DIRECTOR_PENALTY;
            }
        }
        if let Some(d) = films[f].decade() {
            let n = decades.entry(d).or_default();
            *n += 1;
            if *n > 2 {
                value -= SAME_DECADE_PENALTY;
            }
        }
    }
    value
}

/// Mean thematic similarity over all pairs of films (1 for a single film).
pub fn coherence(graph: &ThemeGraph, films: &[usize]) -> f32 {
    if films.len() < 2 {
        return if films.is_empty() { 0.0 } else { 1.0 };
    }
    let mut total = 0.0;
    let mut pairs = 0;
    for (i, &a) in films.iter().enumerate() {
        for &b in &films[i + 1..] {
            total += graph.similarity(a as u32, b as u32);
            pairs += 1;
        }
    }
    total / pairs as f32
}

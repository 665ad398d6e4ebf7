//! The planner's search: a greedy construction followed by a seeded large
//! neighbourhood search (destroy some screenings, rebuild them greedily,
//! accept by simulated annealing), each slot packed exactly by [`pack`].
//!
//! ## Hard rules (never broken)
//! - a screening fits its slot: `intro + Σ runtime + interval·(n−1) ≤ length`;
//! - each film is screened at most once; every film qualifies for its series;
//! - a series gets at most the screenings it asks for, and its screenings'
//!   slot windows never overlap (one person can follow a series);
//! - every pinned film is screened in its series; kept screenings (`--keep`)
//!   stay as they were.
//!
//! ## Objective (maximised; in minute-equivalents)
//! - every minute of film screened: 1 (fill the slots);
//! - every screening a series gets: [`SCREENING_BONUS`];
//! - per series: [`COHERENCE_WEIGHT`] × films × mean thematic similarity of
//!   its films (the theme graph's edge weights);
//! - per series: −[`SAME_DIRECTOR_PENALTY`] for each film by a director
//!   already in the series, −[`SAME_DECADE_PENALTY`] for each film beyond two
//!   from one decade, −[`SAME_DAY_PENALTY`] for each screening beyond the
//!   first on one festival day (spread a series across days).
//!
//! The search is deterministic for a seed: it runs a fixed number of
//! iterations ([`default_iterations`], scaled to the programme's size) and
//! consults no clock unless a `time_limit` is given — then where it stops
//! depends on the machine, and the plan says so.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use super::pack::{pack, Item};
use crate::catalogue::Catalogue;
use crate::graph::ThemeGraph;
use crate::programme::load::qualifies;
use crate::programme::Programme;

/// Minute-equivalents for each screening a series gets.
pub const SCREENING_BONUS: f64 = 5.0;
/// Minute-equivalents per film for a perfectly coherent series.
pub const COHERENCE_WEIGHT: f64 = 6.0;
pub const SAME_DIRECTOR_PENALTY: f64 = 8.0;
pub const SAME_DECADE_PENALTY: f64 = 2.0;
pub const SAME_DAY_PENALTY: f64 = 6.0;

/// Films of a series offered to one slot's packing: the best-fitting ones…
const BEST_CANDIDATES: usize = 24;
/// …and the shortest ones (for double bills and shorts packages).
const SHORT_CANDIDATES: usize = 8;

/// A screening in the search: a series and its films (catalogue indices).
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub series: usize,
    pub films: Vec<usize>,
}

/// Everything the search needs, precomputed once.
pub struct Instance<'a> {
    pub programme: &'a Programme,
    pub catalogue: &'a Catalogue,
    pub graph: &'a ThemeGraph,
    /// Per series: qualifying films with a runtime that fits some slot,
    /// best-fitting first (ties by id).
    pub candidates: Vec<Vec<usize>>,
    /// Per series: the same films, shortest first.
    pub shortest: Vec<Vec<usize>>,
    /// Per series: how well each candidate fits it (0..=1).
    pub preference: Vec<HashMap<usize, f32>>,
}

impl<'a> Instance<'a> {
    pub fn new(
        programme: &'a Programme,
        catalogue: &'a Catalogue,
        graph: &'a ThemeGraph,
    ) -> Instance<'a> {
        let films = catalogue.films();
        let vocab = catalogue.vocabulary();
        let longest = programme.slots.iter().map(|s| s.length).max().unwrap_or(0);
        let mut candidates = Vec::new();
        let mut shortest = Vec::new();
        let mut preference = Vec::new();
        for (index, s) in programme.series.iter().enumerate() {
            // A film pinned in one series is never filler in another.
            let pinned_elsewhere = |f: usize| {
                programme
                    .series
                    .iter()
                    .enumerate()
                    .any(|(o, other)| o != index && other.pin.contains(&f))
            };
            let theme_weight = |t: &str| {
                vocab
                    .position(t)
                    .map(|p| graph.idf(p as u32))
                    .unwrap_or(0.0)
            };
            let total: f32 = s
                .themes
                .iter()
                .map(|t| theme_weight(t))
                .sum::<f32>()
                .max(1e-6);
            let mut pref: HashMap<usize, f32> = HashMap::new();
            let mut list: Vec<usize> = (0..films.len())
                .filter(|&f| {
                    films[f]
                        .runtime
                        .is_some_and(|r| programme.intro + r <= longest)
                        && !pinned_elsewhere(f)
                        && qualifies(catalogue, s, f)
                })
                .collect();
            for &f in &list {
                let carried: f32 = s
                    .themes
                    .iter()
                    .filter(|t| films[f].themes.iter().any(|c| vocab.implies(c, t)))
                    .map(|t| theme_weight(t))
                    .sum();
                pref.insert(f, carried / total);
            }
            list.sort_by(|&a, &b| {
                pref[&b]
                    .total_cmp(&pref[&a])
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
        Instance {
            programme,
            catalogue,
            graph,
            candidates,
            shortest,
            preference,
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

    fn runtime(&self, film: usize) -> u32 {
        self.catalogue.films()[film].runtime.unwrap_or(0)
    }

    fn item(&self, series: usize, film: usize) -> Item {
        Item {
            film,
            runtime: self.runtime(film),
            preference: self.preference[series].get(&film).copied().unwrap_or(0.0),
        }
    }
}

/// A plan being searched: what each slot shows.
#[derive(Debug, Clone)]
pub struct State {
    pub assign: Vec<Option<Assigned>>,
    /// Screenings that must not change (kept from a published plan).
    pub locked: Vec<bool>,
    used: HashSet<usize>,
    /// Per series: its slots, in no particular order.
    by_series: Vec<Vec<usize>>,
    /// Per series: its part of the objective, while its screenings are unchanged.
    value: Vec<Option<f64>>,
}

impl State {
    pub fn empty(slots: usize, series: usize) -> State {
        State {
            assign: vec![None; slots],
            locked: vec![false; slots],
            used: HashSet::new(),
            by_series: vec![Vec::new(); series],
            value: vec![None; series],
        }
    }

    pub fn put(&mut self, slot: usize, a: Assigned) {
        self.clear(slot);
        for &f in &a.films {
            self.used.insert(f);
        }
        self.by_series[a.series].push(slot);
        self.value[a.series] = None;
        self.assign[slot] = Some(a);
    }

    fn clear(&mut self, slot: usize) -> Option<Assigned> {
        let a = self.assign[slot].take()?;
        for f in &a.films {
            self.used.remove(f);
        }
        self.by_series[a.series].retain(|&s| s != slot);
        self.value[a.series] = None;
        Some(a)
    }

    pub fn is_used(&self, film: usize) -> bool {
        self.used.contains(&film)
    }

    fn series_slots(&self, series: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_series[series].iter().copied()
    }

    /// Whether `series` may take the empty `slot`.
    fn can_take(&self, inst: &Instance, series: usize, slot: usize) -> bool {
        self.assign[slot].is_none() && self.could_take(inst, series, slot)
    }

    /// Whether `series` could take `slot` were it empty: it has screenings
    /// to spare and none of them overlaps the slot.
    fn could_take(&self, inst: &Instance, series: usize, slot: usize) -> bool {
        (self.by_series[series].len() as u32) < inst.programme.series[series].screenings
            && !inst
                .overlapping(slot)
                .any(|o| self.assign[o].as_ref().is_some_and(|a| a.series == series))
    }
}

/// The value of a plan (see the module docs). Series whose screenings did
/// not change since the last call keep their cached value.
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
        chosen.extend(&a.films);
        *days.entry(inst.programme.slots[slot].day()).or_default() += 1;
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

/// Packs the best screening of `series` for `slot` from the films still free
/// (and the `freed` ones: those of a screening about to be replaced), with
/// `forced` films in it.
fn best_pack(
    inst: &Instance,
    state: &State,
    series: usize,
    slot: usize,
    forced: &[usize],
    freed: &[usize],
) -> Option<Assigned> {
    let mut offered: Vec<Item> = Vec::with_capacity(BEST_CANDIDATES + SHORT_CANDIDATES);
    let free = |f: &&usize| (!state.is_used(**f) || freed.contains(f)) && !forced.contains(f);
    for &f in inst.candidates[series]
        .iter()
        .filter(free)
        .take(BEST_CANDIDATES)
    {
        offered.push(inst.item(series, f));
    }
    for &f in inst.shortest[series]
        .iter()
        .filter(free)
        .take(SHORT_CANDIDATES)
    {
        if !offered.iter().any(|i| i.film == f) {
            offered.push(inst.item(series, f));
        }
    }
    let forced_items: Vec<Item> = forced.iter().map(|&f| inst.item(series, f)).collect();
    let p = inst.programme;
    let packed = pack(
        p.slots[slot].length,
        p.intro,
        p.interval,
        &forced_items,
        &offered,
    )?;
    if packed.films.is_empty() {
        return None;
    }
    Some(Assigned {
        series,
        films: packed.films,
    })
}

/// Pinned films not yet screened, series by series, longest first.
fn unplaced_pins(inst: &Instance, state: &State) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, req) in inst.programme.series.iter().enumerate() {
        let mut pins: Vec<usize> = req
            .pin
            .iter()
            .copied()
            .filter(|&f| !state.is_used(f))
            .collect();
        pins.sort_by_key(|&f| (std::cmp::Reverse(inst.runtime(f)), f));
        out.extend(pins.into_iter().map(|f| (s, f)));
    }
    out
}

/// Screens every pinned film, evicting unpinned screenings of other series
/// when needed. Returns the pins that could not be placed.
fn place_pins(inst: &Instance, state: &mut State) -> Vec<(usize, usize)> {
    let mut failed = Vec::new();
    for (s, pin) in unplaced_pins(inst, state) {
        if state.is_used(pin) {
            continue; // packed in already, as another pin's companion
        }
        let pinned_elsewhere = |a: &Assigned| {
            inst.programme.series[a.series]
                .pin
                .iter()
                .any(|p| a.films.contains(p))
        };
        let mut best: Option<(usize, Assigned, u32)> = None;
        // Empty slots of a length already tried give the same screening,
        // which never beats the first (ties keep the earlier slot): pack
        // once per length, not once per slot.
        let mut lengths_tried: HashSet<u32> = HashSet::new();
        let consider =
            |slot: usize, a: Option<Assigned>, best: &mut Option<(usize, Assigned, u32)>| {
                if let Some(a) = a {
                    let minutes: u32 = a.films.iter().map(|&f| inst.runtime(f)).sum();
                    if best.as_ref().is_none_or(|b| minutes > b.2) {
                        *best = Some((slot, a, minutes));
                    }
                }
            };
        for slot in 0..inst.programme.slots.len() {
            match &state.assign[slot] {
                // Join an existing screening of the series (a double bill with the pin).
                Some(a) if a.series == s && !state.locked[slot] => {
                    let mut forced = vec![pin];
                    forced.extend(
                        a.films
                            .iter()
                            .filter(|f| inst.programme.series[s].pin.contains(f)),
                    );
                    consider(
                        slot,
                        best_pack(inst, state, s, slot, &forced, &a.films),
                        &mut best,
                    );
                }
                None if !lengths_tried.contains(&inst.programme.slots[slot].length)
                    && state.can_take(inst, s, slot) =>
                {
                    lengths_tried.insert(inst.programme.slots[slot].length);
                    consider(
                        slot,
                        best_pack(inst, state, s, slot, &[pin], &[]),
                        &mut best,
                    );
                }
                _ => {}
            }
        }
        if best.is_none() {
            // Make room: free an unpinned, unlocked screening of another series.
            for slot in 0..inst.programme.slots.len() {
                let Some(a) = &state.assign[slot] else {
                    continue;
                };
                if a.series == s || state.locked[slot] || pinned_elsewhere(a) {
                    continue;
                }
                // As if the slot were cleared (no state is copied).
                if state.could_take(inst, s, slot) {
                    consider(
                        slot,
                        best_pack(inst, state, s, slot, &[pin], &a.films),
                        &mut best,
                    );
                }
            }
        }
        match best {
            Some((slot, a, _)) => {
                state.clear(slot);
                state.put(slot, a);
            }
            None => failed.push((s, pin)),
        }
    }
    failed
}

/// Fills empty slots greedily, in the given order: each takes the series
/// whose best screening there adds the most.
fn fill(inst: &Instance, state: &mut State, order: &[usize]) {
    // Per series, the longest slot no free film of it fits. Films are only
    // taken during a fill, so no slot as short or shorter can fit one
    // either: large programmes with more slots than films skip the packing.
    let series = &inst.programme.series;
    let mut fits_none: Vec<Option<u32>> = vec![None; series.len()];
    let longest = order
        .iter()
        .map(|&s| inst.programme.slots[s].length)
        .max()
        .unwrap_or(0);
    for &slot in order {
        if state.assign[slot].is_some() {
            continue;
        }
        // When no series can take another screening (all it asked for, or
        // no free film fits even the longest slot), the rest stay empty.
        let finished = (0..series.len()).all(|s| {
            state.by_series[s].len() as u32 >= series[s].screenings
                || fits_none[s].is_some_and(|l| l >= longest)
        });
        if finished {
            break;
        }
        let length = inst.programme.slots[slot].length;
        let mut best: Option<(f64, Assigned)> = None;
        for (s, none_fits) in fits_none.iter_mut().enumerate() {
            if none_fits.is_some_and(|l| length <= l) || !state.can_take(inst, s, slot) {
                continue;
            }
            let Some(a) = best_pack(inst, state, s, slot, &[], &[]) else {
                *none_fits = (*none_fits).max(Some(length));
                continue;
            };
            let mut gain =
                SCREENING_BONUS + a.films.iter().map(|&f| inst.runtime(f) as f64).sum::<f64>();
            gain += a
                .films
                .iter()
                .map(|f| inst.preference[s][f] as f64)
                .sum::<f64>();
            let day = inst.programme.slots[slot].day();
            if state
                .series_slots(s)
                .any(|o| inst.programme.slots[o].day() == day)
            {
                gain -= SAME_DAY_PENALTY;
            }
            if best.as_ref().is_none_or(|(g, _)| gain > *g) {
                best = Some((gain, a));
            }
        }
        if let Some((_, a)) = best {
            state.put(slot, a);
        }
    }
}

/// How the search ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub state: State,
    pub score: f64,
    pub iterations: usize,
    pub planned_iterations: usize,
    /// True when `time_limit` stopped the search early.
    pub timed_out: bool,
    /// Pinned films (series, film) that could not be placed.
    pub unplaced_pins: Vec<(usize, usize)>,
}

/// Search settings.
pub struct Options<'p> {
    pub seed: u64,
    /// None: no time limit (the default; the plan is reproducible).
    pub time_limit: Option<Duration>,
    /// Iterations of the neighbourhood search (None: scaled to the programme).
    pub iterations: Option<usize>,
    /// Screenings to keep as they are: (slot, assignment).
    pub keep: Vec<(usize, Assigned)>,
    /// Called with (done, planned) iterations now and then.
    pub progress: &'p (dyn Fn(usize, usize) + Sync),
}

/// Slot-iterations the default budget allows: an iteration costs time in
/// proportion to the slots (copying, shuffling and refilling the plan), so
/// programmes of thousands of slots get fewer iterations, not longer runs.
pub const WORK_BUDGET: usize = 20_000_000;

/// The iteration budget for a programme of this many slots, when none is
/// given: `400 + 12 × slots`, at most 6,000 and at most
/// [`WORK_BUDGET`]` / slots`, at least 100. A number, not a time, so the
/// plan is the same on every machine and under any load (320 slots: 4,240
/// iterations; 100,000: 200).
pub fn default_iterations(slots: usize) -> usize {
    (400 + 12 * slots)
        .min(6000)
        .min(WORK_BUDGET / slots.max(1))
        .max(100)
}

/// Searches for the best plan.
pub fn search(inst: &Instance, options: &Options) -> Outcome {
    let n = inst.programme.slots.len();
    let mut rng = StdRng::seed_from_u64(options.seed);
    let mut state = State::empty(n, inst.programme.series.len());
    for (slot, a) in &options.keep {
        state.put(*slot, a.clone());
        state.locked[*slot] = true;
    }
    let failed = place_pins(inst, &mut state);
    let by_time: Vec<usize> = (0..n).collect();
    fill(inst, &mut state, &by_time);
    let mut current = state;
    let mut current_score = score(inst, &mut current);
    let mut best = current.clone();
    let mut best_score = current_score;
    let planned = options.iterations.unwrap_or_else(|| default_iterations(n));
    let start = Instant::now();
    let mut done = 0;
    let mut timed_out = false;
    let mut temperature = 20.0f64;
    let cooling = (0.05f64 / temperature).powf(1.0 / planned.max(1) as f64);
    while done < planned && failed.is_empty() {
        if done % 64 == 0 {
            (options.progress)(done, planned);
            if options
                .time_limit
                .is_some_and(|limit| start.elapsed() > limit)
            {
                timed_out = true;
                break;
            }
        }
        done += 1;
        let mut trial = current.clone();
        destroy(inst, &mut trial, &mut rng);
        if !place_pins(inst, &mut trial).is_empty() {
            continue;
        }
        let mut order: Vec<usize> = (0..n).filter(|&s| trial.assign[s].is_none()).collect();
        order.shuffle(&mut rng);
        fill(inst, &mut trial, &order);
        let s = score(inst, &mut trial);
        let accept =
            s >= current_score || rng.random::<f64>() < ((s - current_score) / temperature).exp();
        if accept {
            current = trial;
            current_score = s;
            if s > best_score + 1e-9 {
                best = current.clone();
                best_score = s;
            }
        }
        temperature *= cooling;
    }
    (options.progress)(planned, planned);
    Outcome {
        state: best,
        score: best_score,
        iterations: done,
        planned_iterations: planned,
        timed_out,
        unplaced_pins: failed,
    }
}

/// Removes some unlocked screenings: a few at random, all of one day, or
/// all of one series.
fn destroy(inst: &Instance, state: &mut State, rng: &mut StdRng) {
    let taken: Vec<usize> = (0..state.assign.len())
        .filter(|&s| state.assign[s].is_some() && !state.locked[s])
        .collect();
    if taken.is_empty() {
        return;
    }
    let slots = &inst.programme.slots;
    match rng.random_range(0..10) {
        0..=5 => {
            let k = rng.random_range(1..=(taken.len() / 8).clamp(2, 6));
            for _ in 0..k {
                let s = taken[rng.random_range(0..taken.len())];
                state.clear(s);
            }
        }
        6..=7 => {
            let day = slots[taken[rng.random_range(0..taken.len())]].day();
            for &s in &taken {
                if slots[s].day() == day {
                    state.clear(s);
                }
            }
        }
        _ => {
            let series = state.assign[taken[rng.random_range(0..taken.len())]]
                .as_ref()
                .expect("taken slots are assigned")
                .series;
            for &s in &taken {
                if state.assign[s].as_ref().is_some_and(|a| a.series == series) {
                    state.clear(s);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::default_iterations;

    #[test]
    fn the_default_budget_is_scaled_to_the_programme_and_bounded() {
        assert_eq!(default_iterations(0), 400);
        assert_eq!(default_iterations(10), 520);
        assert_eq!(default_iterations(320), 4240);
        assert_eq!(default_iterations(1000), 6000);
        assert_eq!(default_iterations(10_000), 2000);
        assert_eq!(default_iterations(100_000), 200);
        assert_eq!(default_iterations(10_000_000), 100);
        // Never more work than the budget (beyond the floor of 100).
        for slots in [500, 3_334, 20_000, 100_000] {
            assert!(slots * default_iterations(slots) <= super::WORK_BUDGET);
        }
    }
}

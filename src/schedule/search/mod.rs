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
//!   and fixed ones stay as they were;
//! - a series uses only the slots its `venues`, `days` and `tags` allow;
//!   a copy of each film is on site and projectable; no director has more
//!   than `max_per_director` films; a repeated series' screenings are given
//!   `repeats` times on different days; every guest of a screened film sits
//!   in one of its screenings, inside their windows, never in two places.
//!
//! The modules: [`instance`] (what is computed once), [`state`] (the plan
//! being searched and its tallies), [`place`] (one screening or group in a
//! slot), [`fill`] (building plans), [`score`] (the objective).
//!
//! ## Objective (maximised; in minute-equivalents)
//! - every minute of film screened: 1 (fill the slots);
//! - every screening a series gets: [`SCREENING_BONUS`];
//! - per series: [`COHERENCE_WEIGHT`] × films × mean thematic similarity of
//!   its films (the theme graph's edge weights);
//! - per series: −[`SAME_DIRECTOR_PENALTY`] for each film by a director
//!   already in the series, −[`SAME_DECADE_PENALTY`] for each film beyond two
//!   from one decade, −[`SAME_DAY_PENALTY`] for each screening beyond the
//!   first on one festival day (spread a series across days);
//! - [`GUEST_BONUS`] for each guest seated; −[`SAME_VENUE_REPEAT_PENALTY`]
//!   for a repeat at its first screening's venue.
//!
//! The search is deterministic for a seed: it runs a fixed number of
//! iterations ([`default_iterations`], scaled to the programme's size) and
//! consults no clock unless a `time_limit` is given — then where it stops
//! depends on the machine, and the plan says so.

use std::time::{Duration, Instant};

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

pub mod fill;
pub mod instance;
pub mod place;
pub mod score;
pub mod state;

pub use fill::Unseated;
pub use instance::Instance;
pub use score::{
    coherence, score, COHERENCE_WEIGHT, GUEST_BONUS, SAME_DAY_PENALTY, SAME_DECADE_PENALTY,
    SAME_DIRECTOR_PENALTY, SAME_VENUE_REPEAT_PENALTY, SCREENING_BONUS,
};
pub use state::{Assigned, State};

use fill::{complete_locked, fill, place_locked, place_pins, Rank};

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
    /// Guests of fixed or kept screenings seated at none of them.
    pub unseated: Vec<Unseated>,
}

/// Search settings.
pub struct Options<'p> {
    pub seed: u64,
    /// None: no time limit (the default; the plan is reproducible).
    pub time_limit: Option<Duration>,
    /// Iterations of the neighbourhood search (None: scaled to the programme).
    pub iterations: Option<usize>,
    /// Screenings to keep as they are (fixed, kept): groups of
    /// occurrences, each (slot, assignment), anchor first.
    pub keep: Vec<Vec<(usize, Assigned)>>,
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

/// The budget when repeats, copies, guests or `max_per_director` are in
/// play: small programmes get up to [`FESTIVAL_ITERATIONS`]. Their
/// moves fail more often — a repeat needs a second free slot on another
/// day, a film its copy, a guest their window — so a small festival needs
/// more of them than [`default_iterations`] gives; large ones get the same.
pub fn festival_iterations(slots: usize) -> usize {
    default_iterations(slots).max(FESTIVAL_ITERATIONS.min(FESTIVAL_WORK / slots.max(1)))
}

/// The most iterations a small programme with festival rules gets…
pub const FESTIVAL_ITERATIONS: usize = 6000;
/// …as long as iterations × slots stay within this (100 slots: 5,000;
/// from about 140 slots on the default budget is larger).
pub const FESTIVAL_WORK: usize = 500_000;

/// Searches for the best plan.
pub fn search(inst: &Instance, options: &Options) -> Outcome {
    let n = inst.programme.slots.len();
    let mut state = State::empty(inst);
    place_locked(inst, &mut state, &options.keep);
    complete_locked(inst, &mut state);
    let unseated = fill::unseated(inst, &state);
    let failed = place_pins(inst, &mut state);
    let by_time: Vec<usize> = (0..n).collect();
    fill(inst, &mut state, &by_time, Rank::Slot);
    let planned = options.iterations.unwrap_or_else(|| {
        if inst.slot_specific {
            festival_iterations(n)
        } else {
            default_iterations(n)
        }
    });
    let start = Instant::now();
    // Large programmes search as two independent chains, one per core,
    // each with its own seed and half the iterations: the same work, in
    // about half the time, and the same plan on any machine (the better
    // chain wins; the first on a tie).
    let chains = if n >= PARALLEL_SLOTS && planned >= 2 * PARALLEL_MIN_ITERATIONS {
        2
    } else {
        1
    };
    let share = |k: usize| planned / chains + usize::from(k < planned % chains);
    let run = |k: usize| {
        let seed = options
            .seed
            .wrapping_add(CHAIN_SEED_STEP.wrapping_mul(k as u64));
        anneal(
            inst,
            state.clone(),
            seed,
            share(k),
            chains,
            k == 0,
            start,
            options,
            failed.is_empty(),
        )
    };
    let results: Vec<Chain> = if chains == 1 {
        vec![run(0)]
    } else {
        let (a, b) = rayon::join(|| run(0), || run(1));
        vec![a, b]
    };
    (options.progress)(planned, planned);
    let done = results.iter().map(|c| c.done).sum();
    let timed_out = results.iter().any(|c| c.timed_out);
    let winner = results
        .into_iter()
        .reduce(|a, b| if b.score > a.score + 1e-9 { b } else { a })
        .expect("one chain at least");
    Outcome {
        state: winner.best,
        score: winner.score,
        iterations: done,
        planned_iterations: planned,
        timed_out,
        unplaced_pins: failed,
        unseated,
    }
}

/// Programmes of this many slots or more search as two chains.
pub const PARALLEL_SLOTS: usize = 200;
/// …when each chain gets at least this many iterations.
pub const PARALLEL_MIN_ITERATIONS: usize = 100;
/// The seed of chain k is the plan's seed plus k times this.
const CHAIN_SEED_STEP: u64 = 0x9E37_79B9_7F4A_7C15;

/// The end of one chain of the search.
struct Chain {
    best: State,
    score: f64,
    done: usize,
    timed_out: bool,
}

/// One chain of destroy-and-rebuild moves under simulated annealing, from
/// `current`, for `planned` iterations. The first chain reports progress
/// (as if every chain were as far as it is).
#[allow(clippy::too_many_arguments)]
fn anneal(
    inst: &Instance,
    mut current: State,
    seed: u64,
    planned: usize,
    chains: usize,
    reports: bool,
    start: Instant,
    options: &Options,
    feasible: bool,
) -> Chain {
    let n = inst.programme.slots.len();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut current_score = score(inst, &mut current);
    let mut best = current.clone();
    let mut best_score = current_score;
    let mut done = 0;
    let mut timed_out = false;
    let mut temperature = 20.0f64;
    let cooling = (0.05f64 / temperature).powf(1.0 / planned.max(1) as f64);
    while done < planned && feasible {
        if done % 64 == 0 {
            if reports {
                (options.progress)(done * chains, planned * chains);
            }
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
        complete_locked(inst, &mut trial);
        if !place_pins(inst, &mut trial).is_empty() {
            continue;
        }
        let mut order: Vec<usize> = (0..n).filter(|&s| trial.assign[s].is_none()).collect();
        order.shuffle(&mut rng);
        let rank = if done % 2 == 0 {
            Rank::Slot
        } else {
            Rank::Programme
        };
        fill(inst, &mut trial, &order, rank);
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
    Chain {
        best,
        score: best_score,
        done,
        timed_out,
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
                state.clear_group(inst, s);
            }
        }
        6..=7 => {
            let day = slots[taken[rng.random_range(0..taken.len())]].day();
            for &s in &taken {
                if slots[s].day() == day {
                    state.clear_group(inst, s);
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
                    state.clear_group(inst, s);
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

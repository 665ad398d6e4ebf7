//! Building plans: fixed and kept screenings first ([`place_locked`]),
//! then pinned films ([`place_pins`]), the repeats locked screenings still
//! lack ([`complete_locked`]), and every other slot greedily ([`fill`]).

use std::collections::HashSet;

use super::place::{group_at, repeat_slots, screening_at, seat_guests, wanted_by, Room};
use super::score::{GUEST_BONUS, SAME_DAY_PENALTY, SCREENING_BONUS};
use super::state::{Assigned, State};
use super::Instance;

/// A locked screening's guest who can attend none of its occurrences.
#[derive(Debug, Clone, PartialEq)]
pub struct Unseated {
    /// The anchor slot of the group.
    pub slot: usize,
    pub guest: usize,
    pub film: usize,
}

/// Puts fixed and kept screenings (groups of occurrences, anchor first) in
/// place, locked, seating their guests where they can.
pub fn place_locked(inst: &Instance, state: &mut State, groups: &[Vec<(usize, Assigned)>]) {
    for group in groups {
        let mut occ: Vec<(usize, Assigned)> = group.clone();
        for (_, a) in occ.iter_mut() {
            a.guests.clear();
        }
        // Guests who cannot come to these occurrences wait for a repeat.
        let _ = seat_guests(inst, state, &mut occ, &[], true);
        let anchor = occ[0].0;
        occ[0].1.repeats = occ[1..].iter().map(|(s, _)| *s).collect();
        for (i, (slot, mut a)) in occ.into_iter().enumerate() {
            a.anchor = (i > 0).then_some(anchor);
            state.put(inst, slot, a);
            state.locked[slot] = true;
        }
    }
}

/// Guests of locked screenings' films seated nowhere in their group.
pub fn unseated(inst: &Instance, state: &State) -> Vec<Unseated> {
    let mut out = Vec::new();
    for (slot, a) in state.assign.iter().enumerate() {
        let Some(a) = a else { continue };
        if a.anchor.is_some() || !state.locked[slot] {
            continue;
        }
        let seated: HashSet<usize> = std::iter::once(slot)
            .chain(a.repeats.iter().copied())
            .filter_map(|s| state.assign[s].as_ref())
            .flat_map(|x| x.guests.iter().copied())
            .collect();
        for &f in &a.films {
            for &g in inst.guests_of(f) {
                if !seated.contains(&g)
                    && !out
                        .iter()
                        .any(|u: &Unseated| u.slot == slot && u.guest == g)
                {
                    out.push(Unseated {
                        slot,
                        guest: g,
                        film: f,
                    });
                }
            }
        }
    }
    out
}

/// Gives locked screenings of repeated series the repeats they lack,
/// seating their guests still waiting.
pub fn complete_locked(inst: &Instance, state: &mut State) {
    let p = inst.programme;
    for slot in 0..state.assign.len() {
        let Some(a) = state.assign[slot].clone() else {
            continue;
        };
        if a.anchor.is_some() || !state.locked[slot] || inst.is_event(a.series) {
            continue;
        }
        let have = 1 + a.repeats.len();
        let want = p.series[a.series].repeats as usize;
        if have >= want {
            continue;
        }
        let days: Vec<jiff::civil::Date> = a.repeats.iter().map(|&r| p.slots[r].day()).collect();
        // A repeat is planned like any screening of the series: its intro
        // and discussion are the series' (a fixed table's are its own).
        let mut base = a.clone();
        base.guests.clear();
        base.intro = inst.intro[a.series];
        base.discussion = inst.discussion[a.series];
        base.fixed = None;
        base.anchor = Some(slot);
        base.repeats.clear();
        let occupied = base.occupied(inst);
        let Some(slots) = repeat_slots(
            inst,
            state,
            a.series,
            slot,
            &a.films,
            occupied,
            want - have,
            &days,
        ) else {
            continue;
        };
        // Seat the guests no occurrence has yet.
        let seated: Vec<usize> = std::iter::once(slot)
            .chain(a.repeats.iter().copied())
            .filter_map(|s| state.assign[s].as_ref())
            .flat_map(|x| x.guests.iter().copied())
            .collect();
        let mut occ: Vec<(usize, Assigned)> = slots.iter().map(|&s| (s, base.clone())).collect();
        if seat_guests(inst, state, &mut occ, &seated, false).is_err() {
            continue;
        }
        for (s, rep) in occ {
            state.add_repeat(inst, slot, s, rep);
        }
    }
}

/// Pinned films not yet screened, series by series, longest first.
pub fn unplaced_pins(inst: &Instance, state: &State) -> Vec<(usize, usize)> {
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

/// Minutes of film in a group.
fn minutes(inst: &Instance, group: &[(usize, Assigned)]) -> u32 {
    group
        .iter()
        .flat_map(|(_, a)| a.films.iter())
        .map(|&f| inst.runtime(f))
        .sum()
}

/// Puts a group (anchor first) in place.
pub fn put_group(inst: &Instance, state: &mut State, group: Vec<(usize, Assigned)>) {
    for (slot, a) in group {
        state.put(inst, slot, a);
    }
}

/// A way to screen a pin: the group, its film minutes, the slots to empty
/// first, and how much other series want its slots.
type Candidate = (Vec<(usize, Assigned)>, u32, Vec<usize>, usize);

/// Screens every pinned film, evicting unpinned screenings of other series
/// when needed. Returns the pins that could not be placed.
pub fn place_pins(inst: &Instance, state: &mut State) -> Vec<(usize, usize)> {
    let p = inst.programme;
    let mut failed = Vec::new();
    for (s, pin) in unplaced_pins(inst, state) {
        if state.is_used(pin) {
            continue; // packed in already, as another pin's companion
        }
        let repeated = p.series[s].repeats > 1;
        let pinned_elsewhere = |a: &Assigned| {
            !inst.is_event(a.series) && p.series[a.series].pin.iter().any(|x| a.films.contains(x))
        };
        let mut best: Option<Candidate> = None;
        // Empty slots of a length already tried give the same screening,
        // which never beats the first (ties keep the earlier slot): pack
        // once per length, not once per slot — when only the length matters.
        let mut lengths_tried: HashSet<u32> = HashSet::new();
        let consider = |group: Option<Vec<(usize, Assigned)>>,
                        evict: Vec<usize>,
                        best: &mut Option<Candidate>| {
            if let Some(g) = group {
                // The most minutes; among equals, the slots other series
                // need least (a pin should not take the one slot another
                // series may use).
                let m = minutes(inst, &g);
                let cost: usize = g.iter().map(|(u, _)| wanted_by(inst, state, s, *u)).sum();
                if best
                    .as_ref()
                    .is_none_or(|b| m > b.1 || (m == b.1 && cost < b.3))
                {
                    *best = Some((g, m, evict, cost));
                }
            }
        };
        for slot in 0..p.slots.len() {
            match &state.assign[slot] {
                // Join an existing screening of the series (a double bill with the pin).
                Some(a)
                    if a.series == s && !state.locked[slot] && !repeated && a.anchor.is_none() =>
                {
                    let mut forced = vec![pin];
                    forced.extend(a.films.iter().filter(|f| p.series[s].pin.contains(f)));
                    let room = Room {
                        forced: &forced,
                        freed: &a.films,
                        avoid: &[],
                    };
                    let one = screening_at(inst, state, s, slot, room).map(|x| vec![(slot, x)]);
                    consider(one, vec![slot], &mut best);
                }
                None if (inst.slot_specific || !lengths_tried.contains(&p.slots[slot].length))
                    && state.can_take(inst, s, slot) =>
                {
                    lengths_tried.insert(p.slots[slot].length);
                    let room = Room {
                        forced: &[pin],
                        ..Room::default()
                    };
                    let group = if repeated {
                        group_at(inst, state, s, slot, room, None)
                    } else {
                        screening_at(inst, state, s, slot, room).map(|x| vec![(slot, x)])
                    };
                    consider(group, Vec::new(), &mut best);
                }
                _ => {}
            }
        }
        if best.is_none() && !repeated {
            // Make room: free an unpinned, unlocked plain screening of another series.
            for slot in 0..p.slots.len() {
                let Some(a) = &state.assign[slot] else {
                    continue;
                };
                if a.series == s
                    || state.locked[slot]
                    || pinned_elsewhere(a)
                    || a.anchor.is_some()
                    || !a.repeats.is_empty()
                {
                    continue;
                }
                // As if the slot were cleared (no state is copied).
                if state.could_take(inst, s, slot) {
                    let room = Room {
                        forced: &[pin],
                        freed: &a.films,
                        avoid: &[],
                    };
                    let one = screening_at(inst, state, s, slot, room).map(|x| vec![(slot, x)]);
                    consider(one, vec![slot], &mut best);
                }
            }
        }
        match best {
            Some((group, _, evict, _)) => {
                for e in evict {
                    state.clear_group(inst, e);
                }
                put_group(inst, state, group);
            }
            None => failed.push((s, pin)),
        }
    }
    failed
}

/// How the greedy weighs a repeated screening against a single one: by
/// what it brings to the slot at hand (its repeats take slots another
/// series might fill as well), or by all its occurrences bring. Neither is
/// right everywhere, so the search alternates; without repeats they agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rank {
    Slot,
    Programme,
}

/// Fills empty slots greedily, in the given order: each takes the series
/// whose best screening there adds the most.
pub fn fill(inst: &Instance, state: &mut State, order: &[usize], rank: Rank) {
    let p = inst.programme;
    let series = &p.series;
    // Per series, the longest slot no free film of it fits. Films are only
    // taken during a fill, so no slot as short or shorter can fit one
    // either (unless where a film may go depends on more than length):
    // large programmes with more slots than films skip the packing.
    let mut fits_none: Vec<Option<u32>> = vec![None; series.len()];
    let longest = order.iter().map(|&s| p.slots[s].length).max().unwrap_or(0);
    for &slot in order {
        if state.assign[slot].is_some() {
            continue;
        }
        // When no series can take another screening (all it asked for, or
        // no free film fits even the longest slot), the rest stay empty.
        let finished = (0..series.len()).all(|s| {
            state.programmes(s) >= series[s].screenings
                || fits_none[s].is_some_and(|l| l >= longest)
        });
        if finished {
            break;
        }
        let length = p.slots[slot].length;
        let mut options: Vec<(f64, usize, Assigned)> = Vec::new();
        for (s, none_fits) in fits_none.iter_mut().enumerate() {
            if none_fits.is_some_and(|l| length <= l) || !state.can_take(inst, s, slot) {
                continue;
            }
            let Some(a) = screening_at(inst, state, s, slot, Room::default()) else {
                if !inst.slot_specific {
                    *none_fits = (*none_fits).max(Some(length));
                }
                continue;
            };
            // A repeated screening also takes other slots, which other
            // series might fill as well: ranked by what it brings to this
            // slot, or by all it brings (see [`Rank`]).
            let mut gain =
                SCREENING_BONUS + a.films.iter().map(|&f| inst.runtime(f) as f64).sum::<f64>();
            if rank == Rank::Programme {
                gain *= series[s].repeats as f64;
            }
            gain += a
                .films
                .iter()
                .map(|&f| inst.preference[s][f] as f64)
                .sum::<f64>();
            gain += GUEST_BONUS * a.guests.len() as f64;
            let day = p.slots[slot].day();
            if state.series_slots(s).any(|o| p.slots[o].day() == day) {
                gain -= SAME_DAY_PENALTY;
            }
            options.push((gain, s, a));
        }
        // The best first; among equals the first series.
        options.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, s, a) in options {
            if series[s].repeats <= 1 {
                state.put(inst, slot, a);
                break;
            }
            if let Some(group) = group_at(inst, state, s, slot, Room::default(), Some(&a.films)) {
                put_group(inst, state, group);
                break;
            }
        }
    }
}

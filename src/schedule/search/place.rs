//! Making one screening (and its repeats) for a series in a slot, within
//! every rule that depends on where it goes: the films offered are those
//! still free whose copy can be screened there and whose directors have
//! room under `max_per_director`; the slot is packed exactly
//! ([`pack`](super::super::pack)); repeats are found on other days; and the
//! guests of its films are seated where their windows and bookings allow
//! ([`host`]). A film whose guest cannot attend is left out and the slot
//! packed again, so a screening is only ever made whole.

use std::collections::HashMap;

use jiff::SignedDuration;

use super::super::pack::{pack, Item};
use super::state::{Assigned, State};
use super::Instance;

/// Films of a series offered to one slot's packing: the best-fitting ones…
const BEST_CANDIDATES: usize = 24;
/// …and the shortest ones (for double bills and shorts packages).
const SHORT_CANDIDATES: usize = 8;
/// How often a slot is packed again without a film whose guest cannot come.
const GUEST_RETRIES: usize = 3;

/// What a new screening may not use: films about to be freed (a screening
/// being replaced) count as free, `avoid` films are not offered.
#[derive(Default, Clone, Copy)]
pub struct Room<'r> {
    pub forced: &'r [usize],
    pub freed: &'r [usize],
    pub avoid: &'r [usize],
}

/// The films offered to a slot's packing, within the rules that depend on
/// the slot, and the director room left.
fn offered(
    inst: &Instance,
    state: &State,
    series: usize,
    slots: &[usize],
    room: Room,
) -> Vec<Item> {
    let room_ok = |f: usize| -> bool {
        inst.programme.max_per_director.is_none()
            || inst.directors[f]
                .iter()
                .all(|&d| director_left(inst, state, room, d) > 0)
    };
    // A film whose guest cannot be there (out of town, or busy) would
    // only be packed to be taken out again; with repeats the guest may
    // come to another occurrence, so it stays.
    let single = inst.programme.series[series].repeats <= 1;
    let guest_ok = |f: usize| !single || guests_could_come(inst, state, series, f, slots[0]);
    let free = |f: usize| {
        guest_ok(f)
            && (!state.is_used(f) || room.freed.contains(&f))
            && !room.forced.contains(&f)
            && !room.avoid.contains(&f)
            && slots.iter().all(|&s| inst.copy_ok(f, s))
    };
    let mut out: Vec<Item> = Vec::with_capacity(BEST_CANDIDATES + SHORT_CANDIDATES);
    let mut best = 0;
    for &f in &inst.candidates[series] {
        if best == BEST_CANDIDATES {
            break;
        }
        if free(f) && room_ok(f) {
            out.push(inst.item(series, f));
            best += 1;
        }
    }
    // Films guests come for are always offered: they are worth more than
    // their minutes (see `score::GUEST_BONUS`).
    for &f in &inst.with_guests[series] {
        if free(f) && !out.iter().any(|i| i.film == f) && room_ok(f) {
            out.push(inst.item(series, f));
        }
    }
    let mut short = 0;
    for &f in &inst.shortest[series] {
        if short == SHORT_CANDIDATES {
            break;
        }
        if !free(f) {
            continue;
        }
        short += 1;
        if !out.iter().any(|i| i.film == f) && room_ok(f) {
            out.push(inst.item(series, f));
        }
    }
    out
}

/// Whether every guest of `film` could attend a screening of it alone in
/// `slot`: in town from the start to the end of it (their discussion
/// included), and not at another screening then.
fn guests_could_come(
    inst: &Instance,
    state: &State,
    series: usize,
    film: usize,
    slot: usize,
) -> bool {
    let guests = inst.guests_of(film);
    if guests.is_empty() {
        return true;
    }
    let p = inst.programme;
    let s = &p.slots[slot];
    guests.iter().all(|&g| {
        let guest = &p.guests[g];
        let minutes =
            inst.intro[series] + inst.runtime(film) + inst.discussion[series].max(guest.discussion);
        let end = s.start_at + SignedDuration::from_mins(minutes as i64);
        minutes <= s.length
            && guest.available_for(s.start_at, end)
            && free(inst, state, g, slot, s.start_at, end)
    })
}

/// Films the director `d` may still have: `max_per_director`, less those in
/// use, plus those about to be freed, less forced films not yet in use.
fn director_left(inst: &Instance, state: &State, room: Room, d: u32) -> i64 {
    let Some(cap) = inst.programme.max_per_director else {
        return i64::MAX;
    };
    let by_d = |list: &[usize], in_use: bool| {
        list.iter()
            .filter(|&&x| inst.directors[x].contains(&d) && (!in_use || !state.is_used(x)))
            .count() as i64
    };
    cap as i64 - state.director_count(d) as i64 + by_d(room.freed, false) - by_d(room.forced, true)
}

/// Packs `items` into the slot within `max_per_director`: the knapsack
/// knows nothing of directors, so when its best set has too many films by
/// one director, it is packed again keeping each of them in turn (and
/// none of that director's other films), and the fullest is taken.
#[allow(clippy::too_many_arguments)]
fn pack_within_caps(
    inst: &Instance,
    state: &State,
    series: usize,
    length: u32,
    room: Room,
    forced: &[Item],
    items: &[Item],
    depth: usize,
) -> Option<super::super::pack::Packed> {
    let p = inst.programme;
    let packed = pack(length, inst.intro[series], p.interval, forced, items)?;
    if p.max_per_director.is_none() {
        return Some(packed);
    }
    let chosen: Vec<usize> = packed
        .films
        .iter()
        .copied()
        .filter(|f| !room.forced.contains(f))
        .collect();
    let mut over = None;
    for &f in &chosen {
        for &d in &inst.directors[f] {
            let n = chosen
                .iter()
                .filter(|&&x| inst.directors[x].contains(&d))
                .count() as i64;
            if n > director_left(inst, state, room, d) {
                over = Some(d);
                break;
            }
        }
        if over.is_some() {
            break;
        }
    }
    let Some(d) = over else {
        return Some(packed);
    };
    let by_d: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|&x| inst.directors[x].contains(&d))
        .collect();
    let keep: &[usize] = if depth >= 2 { &by_d[..1] } else { &by_d };
    let mut best: Option<super::super::pack::Packed> = None;
    for &k in keep {
        let rest: Vec<Item> = items
            .iter()
            .copied()
            .filter(|i| i.film == k || !inst.directors[i.film].contains(&d))
            .collect();
        if let Some(q) =
            pack_within_caps(inst, state, series, length, room, forced, &rest, depth + 1)
        {
            if best.as_ref().is_none_or(|b| q.minutes > b.minutes) {
                best = Some(q);
            }
        }
    }
    best
}

/// Whether the films that must be in a screening may be there: their
/// copies can be screened in every slot, and their directors have room.
fn forced_allowed(inst: &Instance, state: &State, slots: &[usize], room: Room) -> bool {
    if !room
        .forced
        .iter()
        .all(|&f| slots.iter().all(|&s| inst.copy_ok(f, s)))
    {
        return false;
    }
    let Some(cap) = inst.programme.max_per_director else {
        return true;
    };
    let mut adding: HashMap<u32, i64> = HashMap::new();
    for &f in room.forced.iter().filter(|&&f| !state.is_used(f)) {
        for &d in &inst.directors[f] {
            *adding.entry(d).or_default() += 1;
        }
    }
    adding.into_iter().all(|(d, n)| {
        let freed = room
            .freed
            .iter()
            .filter(|&&x| inst.directors[x].contains(&d))
            .count() as i64;
        state.director_count(d) as i64 - freed + n <= cap as i64
    })
}

/// Packs the best screening of `series` for `slot` (films allowed in every
/// slot of `also` too, for repeats), without guests seated yet.
fn packed(
    inst: &Instance,
    state: &State,
    series: usize,
    slot: usize,
    also: &[usize],
    length: u32,
    room: Room,
) -> Option<Assigned> {
    let mut slots = vec![slot];
    slots.extend_from_slice(also);
    if !forced_allowed(inst, state, &slots, room) {
        return None;
    }
    let items = offered(inst, state, series, &slots, room);
    let forced: Vec<Item> = room.forced.iter().map(|&f| inst.item(series, f)).collect();
    let length = length.checked_sub(inst.discussion[series])?;
    let packed = pack_within_caps(inst, state, series, length, room, &forced, &items, 0)?;
    if packed.films.is_empty() {
        return None;
    }
    Some(Assigned::plain(inst, series, packed.films))
}

/// The best screening of `series` in `slot` with every guest of its films
/// seated (repeats: none; see [`group_at`]).
pub fn screening_at(
    inst: &Instance,
    state: &State,
    series: usize,
    slot: usize,
    room: Room,
) -> Option<Assigned> {
    let mut avoid: Vec<usize> = room.avoid.to_vec();
    for _ in 0..=GUEST_RETRIES {
        let r = Room {
            avoid: &avoid,
            ..room
        };
        let mut a = packed(
            inst,
            state,
            series,
            slot,
            &[],
            inst.programme.slots[slot].length,
            r,
        )?;
        let mut occ = vec![(slot, a.clone())];
        match host(inst, state, &mut occ) {
            Ok(()) => {
                a = occ.pop().expect("one occurrence").1;
                return Some(a);
            }
            Err(film) if !room.forced.contains(&film) => avoid.push(film),
            Err(_) => return None,
        }
    }
    None
}

/// A screening of a repeated series with its repeats: the anchor in
/// `slot`, the repeats in free slots on other days (a different venue
/// preferred), guests seated. Returns every occurrence, anchor first.
/// `first`: films already packed for the anchor slot, tried before packing.
pub fn group_at(
    inst: &Instance,
    state: &State,
    series: usize,
    slot: usize,
    room: Room,
    first: Option<&[usize]>,
) -> Option<Vec<(usize, Assigned)>> {
    let p = inst.programme;
    let wanted = p.series[series].repeats as usize - 1;
    let mut avoid: Vec<usize> = room.avoid.to_vec();
    let mut length = p.slots[slot].length;
    for attempt in 0..=GUEST_RETRIES + 1 {
        let r = Room {
            avoid: &avoid,
            ..room
        };
        // The films the caller packed already for this slot come first.
        let a = match first.filter(|_| attempt == 0) {
            Some(films) => Assigned::plain(inst, series, films.to_vec()),
            None => packed(inst, state, series, slot, &[], length, r)?,
        };
        let occupied = a.occupied(inst);
        let Some(others) = repeat_slots(inst, state, series, slot, &a.films, occupied, wanted, &[])
        else {
            // Try once more with what the longest other-day slots hold.
            if attempt > 0 {
                return None;
            }
            let shorter = longest_elsewhere(inst, state, series, slot, wanted)?;
            if shorter >= length {
                return None;
            }
            length = shorter;
            continue;
        };
        let mut occ = vec![(slot, a.clone())];
        for &o in &others {
            let mut rep = a.clone();
            rep.anchor = Some(slot);
            occ.push((o, rep));
        }
        match host(inst, state, &mut occ) {
            Ok(()) => {
                occ[0].1.repeats = others;
                return Some(occ);
            }
            Err(film) if !room.forced.contains(&film) => avoid.push(film),
            Err(_) => return None,
        }
    }
    None
}

/// The length of the `wanted`-th longest free slot the series could repeat
/// in (on days other than `slot`'s, one per day).
fn longest_elsewhere(
    inst: &Instance,
    state: &State,
    series: usize,
    slot: usize,
    wanted: usize,
) -> Option<u32> {
    let p = inst.programme;
    let day = p.slots[slot].day();
    let mut per_day: HashMap<jiff::civil::Date, u32> = HashMap::new();
    for u in 0..p.slots.len() {
        if p.slots[u].day() != day
            && state.assign[u].is_none()
            && state.fits_series(inst, series, u)
        {
            let e = per_day.entry(p.slots[u].day()).or_default();
            *e = (*e).max(p.slots[u].length);
        }
    }
    let mut lengths: Vec<u32> = per_day.into_values().collect();
    lengths.sort_unstable_by(|a, b| b.cmp(a));
    lengths.get(wanted.checked_sub(1)?).copied()
}

/// How many other series, still short of screenings, may use `slot`: the
/// cost of taking it, for choices that are otherwise equal.
pub fn wanted_by(inst: &Instance, state: &State, series: usize, slot: usize) -> usize {
    let p = inst.programme;
    (0..p.series.len())
        .filter(|&o| {
            o != series && inst.allowed[o][slot] && state.programmes(o) < p.series[o].screenings
        })
        .count()
}

/// `wanted` free slots for repeats of a screening in `slot`: other days
/// (pairwise different), slots the series may use, long enough, the films'
/// copies screenable, no overlap with the series' screenings or each
/// other. Slots fewer other series could use first, then a different
/// venue, then the least waste.
#[allow(clippy::too_many_arguments)]
pub fn repeat_slots(
    inst: &Instance,
    state: &State,
    series: usize,
    slot: usize,
    films: &[usize],
    occupied: u32,
    wanted: usize,
    taken_days: &[jiff::civil::Date],
) -> Option<Vec<usize>> {
    if wanted == 0 {
        return Some(Vec::new());
    }
    let p = inst.programme;
    let anchor = &p.slots[slot];
    let mut options: Vec<(usize, bool, u32, usize)> = (0..p.slots.len())
        .filter(|&u| {
            let s = &p.slots[u];
            u != slot
                && s.day() != anchor.day()
                && !taken_days.contains(&s.day())
                && state.assign[u].is_none()
                && s.length >= occupied
                && state.fits_series(inst, series, u)
                && films.iter().all(|&f| inst.copy_ok(f, u))
        })
        .map(|u| {
            // Slots other series still short of screenings could use are
            // taken last: a repeat should not take the one slot another
            // series may use.
            let wanted_by = wanted_by(inst, state, series, u);
            (
                wanted_by,
                p.slots[u].venue == anchor.venue,
                p.slots[u].length - occupied,
                u,
            )
        })
        .collect();
    options.sort_unstable();
    let mut chosen: Vec<usize> = Vec::new();
    for (_, _, _, u) in options {
        let s = &p.slots[u];
        if chosen
            .iter()
            .any(|&c| p.slots[c].day() == s.day() || p.slots[c].overlaps(s))
            || anchor.overlaps(s)
        {
            continue;
        }
        chosen.push(u);
        if chosen.len() == wanted {
            return Some(chosen);
        }
    }
    None
}

/// Seats the guests of a group's films: each guest at the first occurrence
/// (in the order given) where the screening, with the guest's discussion,
/// still fits its slot, lies inside one of the guest's windows, and leaves
/// the guest's other screenings (and the changeover between venues) clear.
/// Guests already seated at one of the occurrences are left there. On
/// failure returns a film whose guest found no seat; with `lenient`, such
/// guests are returned instead (to be seated at a repeat placed later).
pub fn host(inst: &Instance, state: &State, occ: &mut [(usize, Assigned)]) -> Result<(), usize> {
    let unseated = seat_guests(inst, state, occ, &[], false)?;
    debug_assert!(unseated.is_empty());
    Ok(())
}

/// [`host`], leaving out the guests in `seated` (seated elsewhere in the
/// group); returns the guests (with a film of theirs) who found no seat
/// when `lenient`.
pub fn seat_guests(
    inst: &Instance,
    state: &State,
    occ: &mut [(usize, Assigned)],
    seated: &[usize],
    lenient: bool,
) -> Result<Vec<(usize, usize)>, usize> {
    let mut unseated = Vec::new();
    let p = inst.programme;
    let films: Vec<usize> = occ[0].1.films.clone();
    let mut guests: Vec<(usize, usize)> = Vec::new();
    for &f in &films {
        for &g in inst.guests_of(f) {
            if !guests.iter().any(|(x, _)| *x == g) {
                guests.push((g, f));
            }
        }
    }
    for (g, film) in guests {
        if seated.contains(&g) || occ.iter().any(|(_, a)| a.guests.contains(&g)) {
            continue;
        }
        let guest = &p.guests[g];
        let seat = (0..occ.len()).find(|&i| {
            let (slot, a) = &occ[i];
            let discussion = a.discussion.max(guest.discussion);
            let occupied = inst.occupied(a.intro, discussion, &a.films);
            let s = &p.slots[*slot];
            if occupied > s.length {
                return false;
            }
            let start = s.start_at;
            let end = start + SignedDuration::from_mins(occupied as i64);
            // Everyone seated here must still be free and in town until the new end.
            a.guests.iter().chain(std::iter::once(&g)).all(|&h| {
                p.guests[h].available_for(start, end)
                    && free(inst, state, h, *slot, start, end)
                    && !occ.iter().enumerate().any(|(j, (o, b))| {
                        j != i && b.guests.contains(&h) && clash(inst, *slot, start, end, *o, b)
                    })
            })
        });
        match seat {
            Some(i) => {
                let a = &mut occ[i].1;
                a.discussion = a.discussion.max(guest.discussion);
                a.guests.push(g);
                a.guests.sort_unstable();
            }
            None if lenient => unseated.push((g, film)),
            None => return Err(film),
        }
    }
    Ok(unseated)
}

/// Whether two screenings are too close for one guest: they overlap, or
/// leave less than the changeover between venues.
fn clash(
    inst: &Instance,
    slot: usize,
    start: jiff::Timestamp,
    end: jiff::Timestamp,
    other: usize,
    b: &Assigned,
) -> bool {
    let p = inst.programme;
    let o_start = p.slots[other].start_at;
    let o_end = o_start + SignedDuration::from_mins(b.occupied(inst) as i64);
    too_close(inst, slot, start, end, other, o_start, o_end)
}

fn too_close(
    inst: &Instance,
    slot: usize,
    start: jiff::Timestamp,
    end: jiff::Timestamp,
    other: usize,
    o_start: jiff::Timestamp,
    o_end: jiff::Timestamp,
) -> bool {
    let p = inst.programme;
    let gap = if p.slots[slot].venue == p.slots[other].venue {
        0
    } else {
        p.changeover as i64
    };
    let gap = SignedDuration::from_mins(gap);
    !(end + gap <= o_start || o_end + gap <= start)
}

/// Whether a guest is free from `start` to `end` in `slot`, as far as the
/// plan's other screenings go.
fn free(
    inst: &Instance,
    state: &State,
    guest: usize,
    slot: usize,
    start: jiff::Timestamp,
    end: jiff::Timestamp,
) -> bool {
    state
        .bookings(guest)
        .iter()
        .all(|b| b.slot == slot || !too_close(inst, slot, start, end, b.slot, b.start, b.end))
}

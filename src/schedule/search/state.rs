//! A plan being searched: what each slot shows, and the running tallies the
//! rules need (films in use, each series' screenings, films per director,
//! each guest's bookings), kept up to date by [`State::put`] and
//! [`State::clear_group`] so that a move never rescans the plan.
//!
//! A screening given several times (`repeats`) is a group: its first-placed
//! occurrence is the anchor, which owns the films (and the director
//! counts); the others point at it. Clearing any unlocked occurrence of an
//! unlocked group clears the whole group.

use jiff::{SignedDuration, Timestamp};

use super::Instance;

/// A screening in the search: a series (or a one-off event, numbered after
/// the series) and its films (catalogue indices).
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub series: usize,
    pub films: Vec<usize>,
    /// For a repeat: the slot of its group's anchor.
    pub anchor: Option<usize>,
    /// For an anchor: the slots of its repeats.
    pub repeats: Vec<usize>,
    /// Guests attending (indices into the programme's guests).
    pub guests: Vec<usize>,
    pub intro: u32,
    /// Minutes after the films, guests' included.
    pub discussion: u32,
    /// Index of the `[[fixed]]` table it comes from.
    pub fixed: Option<usize>,
}

impl Assigned {
    /// A screening of `series` with no repeats, guests or fixed origin.
    pub fn plain(inst: &Instance, series: usize, films: Vec<usize>) -> Assigned {
        Assigned {
            series,
            films,
            anchor: None,
            repeats: Vec::new(),
            guests: Vec::new(),
            intro: inst.intro[series],
            discussion: inst.discussion[series],
            fixed: None,
        }
    }

    /// Minutes it occupies.
    pub fn occupied(&self, inst: &Instance) -> u32 {
        inst.occupied(self.intro, self.discussion, &self.films)
    }
}

/// When a guest is busy: the slot, and the screening's start and end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Booking {
    pub slot: usize,
    pub start: Timestamp,
    pub end: Timestamp,
}

/// A plan being searched: what each slot shows.
#[derive(Debug, Clone)]
pub struct State {
    pub assign: Vec<Option<Assigned>>,
    /// Screenings that must not change (fixed, or kept from a published plan).
    pub locked: Vec<bool>,
    /// Per film: in use (by an anchor).
    used: Vec<bool>,
    /// Per series (events after them): its occupied slots, in no particular order.
    by_series: Vec<Vec<usize>>,
    /// Per series: how many distinct screenings (groups) it has.
    programmes: Vec<u32>,
    /// Per series: its part of the objective, while its screenings are unchanged.
    pub(super) value: Vec<Option<f64>>,
    /// Films in use per director.
    per_director: Vec<u32>,
    /// Per guest: the screenings they attend.
    bookings: Vec<Vec<Booking>>,
}

impl State {
    pub fn empty(inst: &Instance) -> State {
        let p = inst.programme;
        let groups = p.series.len() + p.fixed.len();
        State {
            assign: vec![None; p.slots.len()],
            locked: vec![false; p.slots.len()],
            used: vec![false; inst.catalogue.films().len()],
            by_series: vec![Vec::new(); groups],
            programmes: vec![0; groups],
            value: vec![None; groups],
            per_director: vec![0; inst.director_count()],
            bookings: vec![Vec::new(); p.guests.len()],
        }
    }

    /// Puts a screening in an empty slot (clearing what was there).
    pub fn put(&mut self, inst: &Instance, slot: usize, a: Assigned) {
        self.clear(inst, slot);
        if a.anchor.is_none() {
            for &f in &a.films {
                self.used[f] = true;
                for &d in &inst.directors[f] {
                    self.per_director[d as usize] += 1;
                }
            }
            self.programmes[a.series] += 1;
        }
        if !a.guests.is_empty() {
            let start = inst.programme.slots[slot].start_at;
            let end = start + SignedDuration::from_mins(a.occupied(inst) as i64);
            for &g in &a.guests {
                self.bookings[g].push(Booking { slot, start, end });
            }
        }
        self.by_series[a.series].push(slot);
        self.value[a.series] = None;
        self.assign[slot] = Some(a);
    }

    /// Empties one slot (not its group); returns what it held.
    fn clear(&mut self, inst: &Instance, slot: usize) -> Option<Assigned> {
        let a = self.assign[slot].take()?;
        if a.anchor.is_none() {
            for f in &a.films {
                self.used[*f] = false;
                for &d in &inst.directors[*f] {
                    self.per_director[d as usize] -= 1;
                }
            }
            self.programmes[a.series] -= 1;
        }
        for &g in &a.guests {
            self.bookings[g].retain(|b| b.slot != slot);
        }
        self.by_series[a.series].retain(|&s| s != slot);
        self.value[a.series] = None;
        Some(a)
    }

    /// Empties a slot and its group: a repeat of a locked screening alone
    /// (its anchor forgets it; the repeat is found again), any other
    /// occurrence with its whole group — a screening is never left without
    /// the repeats its series asks for.
    pub fn clear_group(&mut self, inst: &Instance, slot: usize) {
        let Some(a) = &self.assign[slot] else {
            return;
        };
        let anchor = a.anchor.unwrap_or(slot);
        if a.anchor.is_some() && self.locked[anchor] {
            if let Some(head) = self.assign[anchor].as_mut() {
                head.repeats.retain(|&r| r != slot);
            }
            self.clear(inst, slot);
            return;
        }
        let repeats = self.assign[anchor]
            .as_ref()
            .map(|h| h.repeats.clone())
            .unwrap_or_default();
        for r in repeats {
            self.clear(inst, r);
        }
        self.clear(inst, anchor);
    }

    /// Adds a repeat to an existing anchor.
    pub fn add_repeat(&mut self, inst: &Instance, anchor: usize, slot: usize, a: Assigned) {
        debug_assert_eq!(a.anchor, Some(anchor));
        self.put(inst, slot, a);
        if let Some(head) = self.assign[anchor].as_mut() {
            head.repeats.push(slot);
        }
    }

    pub fn is_used(&self, film: usize) -> bool {
        self.used[film]
    }

    /// Films by this director in use.
    pub fn director_count(&self, director: u32) -> u32 {
        self.per_director[director as usize]
    }

    pub fn bookings(&self, guest: usize) -> &[Booking] {
        &self.bookings[guest]
    }

    pub fn series_slots(&self, series: usize) -> impl Iterator<Item = usize> + '_ {
        self.by_series[series].iter().copied()
    }

    /// Distinct screenings (groups) the series has.
    pub fn programmes(&self, series: usize) -> u32 {
        self.programmes[series]
    }

    /// Whether `series` may take the empty `slot`.
    pub fn can_take(&self, inst: &Instance, series: usize, slot: usize) -> bool {
        self.assign[slot].is_none() && self.could_take(inst, series, slot)
    }

    /// Whether `series` could start a new screening in `slot` were it empty:
    /// it may use the slot, has screenings to spare, and none of its
    /// screenings overlaps the slot.
    pub fn could_take(&self, inst: &Instance, series: usize, slot: usize) -> bool {
        self.programmes[series] < inst.programme.series[series].screenings
            && self.fits_series(inst, series, slot)
    }

    /// Whether a screening of `series` may go in `slot` as far as where the
    /// series may go and its other screenings are concerned.
    pub fn fits_series(&self, inst: &Instance, series: usize, slot: usize) -> bool {
        inst.allowed[series][slot]
            && !inst
                .overlapping(slot)
                .any(|o| self.assign[o].as_ref().is_some_and(|a| a.series == series))
    }
}

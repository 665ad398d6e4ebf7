//! Slots against each other, in time.
//!
//! Within a venue they must not overlap, and must leave the programme's
//! changeover between one's end and the next start: [`check`] reports every
//! offending pair (a long slot overlapping the next three gives three
//! errors), not only neighbours in start order, while staying linear when
//! slots do not overlap: a sweep per venue in start order keeps only the
//! slots that still reach the next start (their end plus the changeover).
//!
//! Across venues they may overlap, but a series' screenings may not (one
//! person follows a series), so the planner asks "which slots overlap this
//! one?" all the time. [`Overlaps`] answers it with adjacency lists built by
//! one sweep over the slots in start order, so memory is linear in slots
//! plus overlapping pairs (a dense slots × slots matrix took 7.6 GB for
//! 100,000 slots). [`count_pairs`] counts the pairs first, in O(n log n)
//! whatever their number, so a programme with too many is refused before
//! anything large is allocated.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::Path;

use jiff::tz::TimeZone;

use super::{Slot, Venue};
use crate::diagnostics::Diagnostic;

/// Reports every pair of slots of a venue that overlap or leave less than
/// `changeover` minutes between them. `slots` are in start order.
pub(super) fn check(
    path: &Path,
    venues: &[Venue],
    slots: &[Slot],
    changeover: u32,
    tz: Option<&TimeZone>,
    diags: &mut Vec<Diagnostic>,
) {
    // Each venue's slots, in start order, gathered in one pass.
    let mut of_venue: Vec<Vec<&Slot>> = vec![Vec::new(); venues.len()];
    for s in slots {
        of_venue[s.venue].push(s);
    }
    for (venue, own) in venues.iter().zip(of_venue) {
        let mut reaching: Vec<&Slot> = Vec::new();
        for b in own {
            let limit = b.start_at.as_second() - 60 * changeover as i64;
            reaching.retain(|a| a.end_at().as_second() > limit);
            for &a in &reaching {
                let gap = (b.start_at.as_second() - a.end_at().as_second()).div_euclid(60);
                let mut d = if a.overlaps(b) {
                    Diagnostic::error(format!(
                        "slots `{}` and `{}` overlap in venue `{}`",
                        a.id, b.id, venue.id
                    ))
                    .in_file(path)
                    .help(format!(
                        "`{}` (line {}) runs until {}; `{}` (line {}) starts at {}",
                        a.id,
                        a.line,
                        local_end(a, tz),
                        b.id,
                        b.line,
                        b.start.strftime("%Y-%m-%d %H:%M")
                    ))
                } else {
                    Diagnostic::error(format!(
                    "only {gap} minutes between slots `{}` and `{}` in venue `{}`; the changeover is {changeover}",
                    a.id, b.id, venue.id
                ))
                .in_file(path)
                .help(format!(
                    "`{}` (line {}) ends at {}: start `{}` later or shorten the first slot",
                    a.id,
                    a.line,
                    local_end(a, tz),
                    b.id
                ))
                };
                d.line = Some(b.line);
                diags.push(d);
            }
            reaching.push(b);
        }
    }
}

/// The most pairs of overlapping slots a programme may have: the planner
/// keeps both directions of each (8 bytes a pair), so this bounds that
/// memory to about 160 MB.
pub const MAX_OVERLAPPING_PAIRS: usize = 20_000_000;

/// How many pairs of slots overlap in time, whatever their venues.
pub fn count_pairs(slots: &[Slot]) -> usize {
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| slots[i].start_at);
    // Ends of the slots started so far that are still running.
    let mut running: BinaryHeap<Reverse<jiff::Timestamp>> = BinaryHeap::new();
    let mut pairs = 0;
    for i in order {
        let s = &slots[i];
        while running
            .peek()
            .is_some_and(|Reverse(end)| *end <= s.start_at)
        {
            running.pop();
        }
        pairs += running.len();
        running.push(Reverse(s.end_at()));
    }
    pairs
}

/// For each slot, the slots whose windows overlap it (any venue), in index
/// order: adjacency lists stored one after another (compressed rows).
#[derive(Debug, Clone, Default)]
pub struct Overlaps {
    /// `first[i]..first[i + 1]` is slot `i`'s part of `others`.
    first: Vec<usize>,
    others: Vec<u32>,
}

impl Overlaps {
    /// Builds the lists by a sweep in start order: the slots still running
    /// when one starts are exactly the earlier ones it overlaps. Time and
    /// memory are linear in slots plus overlapping pairs.
    pub fn of(slots: &[Slot]) -> Overlaps {
        let n = slots.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| slots[i].start_at);
        let ends: Vec<jiff::Timestamp> = slots.iter().map(Slot::end_at).collect();
        // Two passes over the same sweep: count each slot's overlaps, then
        // place them, so `others` is allocated once at its final size.
        let sweep = |visit: &mut dyn FnMut(usize, usize)| {
            let mut running: Vec<usize> = Vec::new();
            for &b in &order {
                let start = slots[b].start_at;
                running.retain(|&a| ends[a] > start);
                for &a in &running {
                    visit(a, b);
                }
                running.push(b);
            }
        };
        let mut degree = vec![0usize; n];
        sweep(&mut |a, b| {
            degree[a] += 1;
            degree[b] += 1;
        });
        let mut first = Vec::with_capacity(n + 1);
        first.push(0);
        for d in &degree {
            first.push(first.last().copied().unwrap_or(0) + d);
        }
        let mut others = vec![0u32; first[n]];
        let mut next = first[..n].to_vec();
        sweep(&mut |a, b| {
            others[next[a]] = b as u32;
            next[a] += 1;
            others[next[b]] = a as u32;
            next[b] += 1;
        });
        for i in 0..n {
            others[first[i]..first[i + 1]].sort_unstable();
        }
        Overlaps { first, others }
    }

    /// The slots overlapping slot `i`, in index order.
    pub fn of_slot(&self, i: usize) -> &[u32] {
        &self.others[self.first[i]..self.first[i + 1]]
    }

    /// Whether slots `a` and `b` overlap.
    pub fn contains(&self, a: usize, b: usize) -> bool {
        self.of_slot(a).binary_search(&(b as u32)).is_ok()
    }

    /// How many pairs of slots overlap.
    pub fn pairs(&self) -> usize {
        self.others.len() / 2
    }
}

/// A slot's local end, for messages.
fn local_end(s: &Slot, tz: Option<&TimeZone>) -> String {
    match tz {
        Some(tz) => s
            .end_at()
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn slot(venue: usize, hour: i8, length: u32) -> Slot {
        let start = date(2027, 5, 1).at(hour, 0, 0, 0);
        Slot {
            id: format!("v{venue}-{hour}"),
            venue,
            day: start.date(),
            start,
            start_at: start.to_zoned(TimeZone::UTC).unwrap().timestamp(),
            length,
            line: hour as usize,
            tags: Vec::new(),
            audience: Default::default(),
        }
    }

    fn messages(slots: &[Slot], changeover: u32) -> Vec<String> {
        let venues: Vec<Venue> = (0..2)
            .map(|i| Venue {
                id: format!("v{i}"),
                name: String::new(),
                address: None,
                url: None,
                formats: None,
            })
            .collect();
        let mut diags = Vec::new();
        check(
            Path::new("p.toml"),
            &venues,
            slots,
            changeover,
            Some(&TimeZone::UTC),
            &mut diags,
        );
        diags.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn every_overlapping_or_close_pair_of_a_venue() {
        // v0: 10:00 for 8 hours covers 12:00, 14:00 and 16:00; 18:00 starts
        // as it ends (only the changeover is short). v1 is clear.
        let slots = [
            slot(0, 10, 480),
            slot(1, 10, 60),
            slot(0, 12, 60),
            slot(1, 12, 60),
            slot(0, 14, 60),
            slot(0, 16, 60),
            slot(0, 18, 60),
        ];
        let m = messages(&slots, 15);
        assert_eq!(m.len(), 4, "{m:#?}");
        for later in ["v0-12", "v0-14", "v0-16"] {
            assert!(
                m.contains(&format!(
                    "slots `v0-10` and `{later}` overlap in venue `v0`"
                )),
                "{m:#?}"
            );
        }
        assert!(
            m[3].starts_with("only 0 minutes between slots `v0-10` and `v0-18`"),
            "{m:#?}"
        );
        assert!(messages(&slots[1..], 15).is_empty());
        assert_eq!(messages(&slots, 0).len(), 3);
    }

    proptest::proptest! {
        /// The sweep's lists and count agree with comparing every pair.
        #[test]
        fn overlaps_are_every_overlapping_pair(
            spec in proptest::collection::vec((0usize..3, 0i64..48, 1u32..400), 0..40)
        ) {
            let slots: Vec<Slot> = spec
                .iter()
                .enumerate()
                .map(|(i, &(venue, half_hours, length))| {
                    let start = date(2027, 5, 1).at(0, 0, 0, 0) + jiff::Span::new().minutes(30 * half_hours);
                    Slot {
                        id: format!("s{i}"),
                        venue,
                        day: start.date(),
                        start,
                        start_at: start.to_zoned(TimeZone::UTC).unwrap().timestamp(),
                        length,
                        line: i,
                        tags: Vec::new(),
                        audience: Default::default(),
                    }
                })
                .collect();
            let o = Overlaps::of(&slots);
            let mut pairs = 0;
            for a in 0..slots.len() {
                let want: Vec<u32> = (0..slots.len())
                    .filter(|&b| b != a && slots[a].overlaps(&slots[b]))
                    .map(|b| b as u32)
                    .collect();
                proptest::prop_assert_eq!(o.of_slot(a), &want[..]);
                for b in 0..slots.len() {
                    proptest::prop_assert_eq!(o.contains(a, b), want.contains(&(b as u32)));
                }
                pairs += want.len();
            }
            proptest::prop_assert_eq!(o.pairs(), pairs / 2);
            proptest::prop_assert_eq!(count_pairs(&slots), pairs / 2);
        }
    }
}

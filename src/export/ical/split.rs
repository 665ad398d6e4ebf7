//! Splitting a publication into calendars — one per venue, series, day or
//! screening — each in a file of its own, even when two ids make the same
//! file name.

use std::collections::{BTreeMap, HashSet};

use super::{lines, Event};
use crate::schedule::Plan;

/// How to split a programme into calendars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Venue,
    Series,
    Day,
    /// One calendar per screening: "add this screening".
    Screening,
}

/// The calendars of a split: file stem → (calendar name, events). Each
/// venue, series, day or screening has a stem of its own, even when two ids
/// slug alike (see [`unique_stems`]).
pub fn split<'e>(
    plan: &Plan,
    events: &'e [Event],
    by: Split,
) -> BTreeMap<String, (String, Vec<&'e Event>)> {
    let mut groups: BTreeMap<String, (String, Vec<&Event>)> = BTreeMap::new();
    for e in events {
        let key = match by {
            Split::Venue => format!("venue-{}", e.venue),
            Split::Series => format!("series-{}", e.series),
            Split::Day => format!("day-{}", e.day),
            Split::Screening => format!(
                "screening-{}",
                e.screening().unwrap_or_else(|| e.uid.clone())
            ),
        };
        groups
            .entry(key)
            .or_insert_with(|| {
                let label = match by {
                    Split::Venue => plan
                        .screenings
                        .iter()
                        .find(|s| s.venue == e.venue)
                        .map(|s| s.venue_name.clone())
                        .unwrap_or_else(|| e.venue.clone()),
                    Split::Series => plan
                        .series
                        .iter()
                        .find(|s| s.id == e.series)
                        .map(|s| s.title.clone())
                        .unwrap_or_else(|| e.series.clone()),
                    Split::Day => crate::export::markdown::day_heading(&e.day),
                    Split::Screening => e.prop("SUMMARY").map(lines::unescape).unwrap_or_default(),
                };
                (format!("{} — {label}", plan.programme), Vec::new())
            })
            .1
            .push(e);
    }
    let stems = unique_stems(groups.keys().map(String::as_str));
    let mut out = BTreeMap::new();
    for (key, group) in &groups {
        out.insert(stems[key.as_str()].clone(), group.clone());
    }
    out
}

/// File stems for distinct keys: each key's slug; where slugs coincide
/// (`coal` and `Coal`), a key that is its own slug keeps it (so an existing
/// file keeps its name), then the others in byte order, and the rest get
/// `-2`, `-3`, … — never a stem another key has by right.
pub fn unique_stems<'k>(keys: impl IntoIterator<Item = &'k str>) -> BTreeMap<&'k str, String> {
    let mut keyed: Vec<(bool, &str, String)> = keys
        .into_iter()
        .map(|k| {
            let slug = crate::text::slugify(k);
            (slug != k, k, slug)
        })
        .collect();
    keyed.sort_unstable();
    keyed.dedup();
    let mut used: HashSet<String> = HashSet::new();
    let first: Vec<bool> = keyed
        .iter()
        .map(|(_, _, s)| used.insert(s.clone()))
        .collect();
    let mut out = BTreeMap::new();
    for ((_, key, slug), first) in keyed.iter().zip(first) {
        let stem = if first {
            slug.clone()
        } else {
            (2..)
                .map(|n| format!("{slug}-{n}"))
                .find(|c| used.insert(c.clone()))
                .unwrap_or_default()
        };
        out.insert(*key, stem);
    }
    out
}

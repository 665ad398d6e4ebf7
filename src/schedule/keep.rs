//! Re-planning around a published plan (`slate plan --keep previous.json`):
//! its screenings stay exactly as they were unless they became impossible —
//! the slot, series or a film is gone, a film no longer qualifies or no
//! longer fits, a film is now pinned elsewhere — and each dropped screening
//! says why. The search then plans only the rest.

use std::collections::{HashMap, HashSet};

use super::search::{Assigned, Instance};
use super::{Plan, Unscheduled};
use crate::programme::load::qualifies;

/// The previous plan's screenings to keep (slot index, assignment) and the
/// ones dropped, with reasons.
pub fn resolve(inst: &Instance, previous: &Plan) -> (Vec<(usize, Assigned)>, Vec<Unscheduled>) {
    let p = inst.programme;
    let cat = inst.catalogue;
    let mut kept: Vec<(usize, Assigned)> = Vec::new();
    let mut dropped = Vec::new();
    let mut used: HashSet<usize> = HashSet::new();
    let mut drop = |id: &str, reason: String| {
        dropped.push(Unscheduled {
            kind: "kept".into(),
            id: id.to_string(),
            reason,
        })
    };
    let slot_at: HashMap<&str, usize> = p
        .slots
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // A plan of another programme: said once, not once per screening.
    let none_fits = !previous.screenings.is_empty()
        && !previous
            .screenings
            .iter()
            .any(|sc| slot_at.contains_key(sc.slot.as_str()));
    if none_fits {
        drop(
            &previous.programme,
            format!(
                "the plan given to --keep{} has none of this programme's slots, so none of its \
                 {} screenings is kept; is it a plan of another programme?",
                if previous.programme == p.name {
                    String::new()
                } else {
                    format!(" is of `{}`, not `{}`, and", previous.programme, p.name)
                },
                previous.screenings.len()
            ),
        );
        return (kept, dropped);
    }
    for sc in &previous.screenings {
        let Some(&slot) = slot_at.get(sc.slot.as_str()) else {
            drop(
                &sc.id,
                format!("slot `{}` is no longer in the programme", sc.slot),
            );
            continue;
        };
        let Some(series) = p.series.iter().position(|s| s.id == sc.series) else {
            drop(
                &sc.id,
                format!("series `{}` is no longer in the programme", sc.series),
            );
            continue;
        };
        let mut films = Vec::new();
        let mut problem = None;
        for f in &sc.films {
            match cat.position(&f.id) {
                None => problem = Some(format!("film `{}` is no longer in the catalogue", f.id)),
                Some(i) if !qualifies(cat, &p.series[series], i) => {
                    problem = Some(format!(
                        "film `{}` no longer qualifies for series `{}`",
                        f.id, sc.series
                    ))
                }
                Some(i) if cat.films()[i].runtime.is_none() => {
                    problem = Some(format!("film `{}` has no runtime any more", f.id))
                }
                Some(i) if used.contains(&i) => {
                    problem = Some(format!(
                        "film `{}` is screened twice in the previous plan",
                        f.id
                    ))
                }
                Some(i)
                    if p.series
                        .iter()
                        .enumerate()
                        .any(|(o, s)| o != series && s.pin.contains(&i)) =>
                {
                    problem = Some(format!("film `{}` is now pinned in another series", f.id))
                }
                Some(i) => films.push(i),
            }
        }
        if let Some(why) = problem {
            drop(&sc.id, why);
            continue;
        }
        let occupied = p.occupied(films.iter().map(|&f| cat.films()[f].runtime.unwrap_or(0)));
        if occupied > p.slots[slot].length {
            drop(
                &sc.id,
                format!(
                    "it needs {occupied} min and slot `{}` now has {}",
                    sc.slot, p.slots[slot].length
                ),
            );
            continue;
        }
        if kept.iter().any(|(s, _)| *s == slot) {
            drop(
                &sc.id,
                format!(
                    "slot `{}` holds two screenings in the previous plan",
                    sc.slot
                ),
            );
            continue;
        }
        let own = kept.iter().filter(|(_, a)| a.series == series).count() as u32;
        if own >= p.series[series].screenings {
            drop(
                &sc.id,
                format!(
                    "series `{}` now asks for only {} screenings",
                    sc.series, p.series[series].screenings
                ),
            );
            continue;
        }
        if let Some((o, _)) = kept
            .iter()
            .find(|(o, a)| a.series == series && inst.programme.overlaps.contains(slot, *o))
        {
            drop(
                &sc.id,
                format!(
                    "it now overlaps the series' screening in `{}`",
                    p.slots[*o].id
                ),
            );
            continue;
        }
        used.extend(films.iter().copied());
        kept.push((slot, Assigned { series, films }));
    }
    (kept, dropped)
}

//! Re-planning around a published plan (`slate plan --keep previous.json`):
//! its screenings stay exactly as they were unless they became impossible —
//! the slot, series or a film is gone, a film no longer qualifies, fits,
//! has a copy there or may be screened at all, the series may no longer use
//! the slot, the slot or a film is now fixed, a film is now pinned
//! elsewhere — and each dropped screening says why. Repeats stay with their
//! first screening (`repeat_of`): when it is dropped, so are they. The
//! search then plans only the rest.

use std::collections::{HashMap, HashSet};

use super::search::{Assigned, Instance};
use super::{Plan, Unscheduled};
use crate::programme::load::qualifies;

/// The previous plan's screenings to keep, as groups of occurrences (slot,
/// assignment; the first screening first), and the ones dropped, with
/// reasons. A kept repeat of a fixed screening comes as a group of its own
/// whose one occurrence already names the fixed slot as its `anchor`: the
/// caller joins it to the fixed screening's group ([`attach`]).
pub fn resolve(
    inst: &Instance,
    previous: &Plan,
) -> (Vec<Vec<(usize, Assigned)>>, Vec<Unscheduled>) {
    let p = inst.programme;
    let cat = inst.catalogue;
    let mut kept: Vec<Vec<(usize, Assigned)>> = Vec::new();
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
    let fixed_slots: HashSet<usize> = p.fixed.iter().map(|f| f.slot).collect();
    let fixed_films: HashSet<usize> = p.fixed.iter().flat_map(|f| f.films.clone()).collect();
    // Films per director screened whatever is kept: fixed and pinned ones.
    let mut directors: HashMap<&str, usize> = HashMap::new();
    let sure: HashSet<usize> = fixed_films
        .iter()
        .copied()
        .chain(p.series.iter().flat_map(|s| s.pin.iter().copied()))
        .collect();
    for &f in &sure {
        for d in &cat.films()[f].directors {
            *directors.entry(d.as_str()).or_default() += 1;
        }
    }
    // Previous screening id → (group index, films) of kept first screenings.
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    // Fixed screenings of the previous plan that are fixed still: their
    // kept repeats join the fixed screening's group (see `attach`).
    let fixed_first: HashMap<&str, usize> = previous
        .screenings
        .iter()
        .filter(|sc| sc.fixed)
        .filter_map(|sc| {
            let slot = *slot_at.get(sc.slot.as_str())?;
            fixed_slots
                .contains(&slot)
                .then_some((sc.id.as_str(), slot))
        })
        .collect();
    for sc in &previous.screenings {
        if sc.fixed {
            continue; // fixed screenings come from the programme file itself
        }
        let Some(&slot) = slot_at.get(sc.slot.as_str()) else {
            drop(
                &sc.id,
                format!("slot `{}` is no longer in the programme", sc.slot),
            );
            continue;
        };
        if fixed_slots.contains(&slot) {
            drop(
                &sc.id,
                format!("slot `{}` now holds a fixed screening", sc.slot),
            );
            continue;
        }
        let Some(series) = p.series.iter().position(|s| s.id == sc.series) else {
            drop(
                &sc.id,
                format!("series `{}` is no longer in the programme", sc.series),
            );
            continue;
        };
        let fixed_anchor = sc
            .repeat_of
            .as_deref()
            .and_then(|first| fixed_first.get(first).copied());
        let anchor_group = match &sc.repeat_of {
            _ if fixed_anchor.is_some() => None,
            Some(first) => match group_of.get(first.as_str()) {
                Some(&g) => Some(g),
                None => {
                    drop(&sc.id, format!("it repeats `{first}`, which is not kept"));
                    continue;
                }
            },
            None => None,
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
                Some(i) if !p.schedulable(i) => {
                    problem = Some(format!(
                        "film `{}` is now in the programme's `exclude`",
                        f.id
                    ))
                }
                Some(i) if fixed_films.contains(&i) && fixed_anchor.is_none() => {
                    problem = Some(format!("film `{}` is now in a fixed screening", f.id))
                }
                Some(i) if cat.films()[i].runtime.is_none() => {
                    problem = Some(format!("film `{}` has no runtime any more", f.id))
                }
                Some(i) if anchor_group.is_none() && used.contains(&i) => {
                    problem = Some(format!(
                        "film `{}` is screened twice in the previous plan",
                        f.id
                    ))
                }
                Some(i) if !inst.copy_ok(i, slot) => {
                    problem = Some(format!(
                        "no copy of film `{}` can be screened in slot `{}` any more",
                        f.id, sc.slot
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
        if !inst.allowed[series][slot] {
            drop(
                &sc.id,
                format!(
                    "series `{}` may no longer use slot `{}` (its venues, days or tags)",
                    sc.series, sc.slot
                ),
            );
            continue;
        }
        let a = Assigned::plain(inst, series, films.clone());
        let occupied = a.occupied(inst);
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
        let all: Vec<&(usize, Assigned)> = kept.iter().flatten().collect();
        if all.iter().any(|(s, _)| *s == slot) {
            drop(
                &sc.id,
                format!(
                    "slot `{}` holds two screenings in the previous plan",
                    sc.slot
                ),
            );
            continue;
        }
        if let Some((o, _)) = all
            .iter()
            .find(|(o, a)| a.series == series && p.overlaps.contains(slot, *o))
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
        if let Some(anchor) = fixed_anchor {
            let mut rep = a;
            rep.anchor = Some(anchor);
            kept.push(vec![(slot, rep)]);
            continue;
        }
        match anchor_group {
            Some(g) => {
                let group = &mut kept[g];
                if group[0].1.films != films || group[0].1.series != series {
                    drop(&sc.id, "it repeats a screening with other films".into());
                } else if group.len() as u32 >= p.series[series].repeats {
                    drop(
                        &sc.id,
                        format!(
                            "series `{}` now gives each screening only {} time{}",
                            sc.series,
                            p.series[series].repeats,
                            if p.series[series].repeats == 1 {
                                ""
                            } else {
                                "s"
                            }
                        ),
                    );
                } else if group
                    .iter()
                    .any(|(s, _)| p.slots[*s].day() == p.slots[slot].day())
                {
                    drop(
                        &sc.id,
                        "it is on the same day as another screening of its films".into(),
                    );
                } else {
                    let mut rep = a;
                    rep.anchor = Some(group[0].0);
                    group.push((slot, rep));
                }
            }
            None => {
                let own = kept.iter().filter(|g| g[0].1.series == series).count() as u32;
                let fixed_own = p
                    .fixed
                    .iter()
                    .filter(|f| f.series == Some(series))
                    .map(|f| &f.films)
                    .collect::<HashSet<_>>()
                    .len() as u32;
                if own + fixed_own >= p.series[series].screenings {
                    drop(
                        &sc.id,
                        format!(
                            "series `{}` now asks for only {} screenings",
                            sc.series, p.series[series].screenings
                        ),
                    );
                    continue;
                }
                if let Some(cap) = p.max_per_director {
                    let over = films
                        .iter()
                        .flat_map(|&f| &cat.films()[f].directors)
                        .find(|d| {
                            let new = films
                                .iter()
                                .filter(|&&f| {
                                    !sure.contains(&f) && cat.films()[f].directors.contains(d)
                                })
                                .count();
                            directors.get(d.as_str()).copied().unwrap_or(0) + new > cap as usize
                        });
                    if let Some(d) = over {
                        drop(
                            &sc.id,
                            format!("it would give {d} more films than max_per_director = {cap}"),
                        );
                        continue;
                    }
                }
                for &f in films.iter().filter(|f| !sure.contains(f)) {
                    for d in &cat.films()[f].directors {
                        *directors.entry(d.as_str()).or_default() += 1;
                    }
                }
                used.extend(films.iter().copied());
                group_of.insert(&sc.id, kept.len());
                kept.push(vec![(slot, a)]);
            }
        }
    }
    (kept, dropped)
}

/// Joins kept repeats of fixed screenings (groups of one whose occurrence
/// has an `anchor`) to the fixed groups, as far as their series' `repeats`
/// allow; returns the kept groups left, and the ids of repeats that found
/// no place (their fixed screening changed).
pub fn attach(
    inst: &Instance,
    fixed: &mut [Vec<(usize, Assigned)>],
    kept: Vec<Vec<(usize, Assigned)>>,
) -> (Vec<Vec<(usize, Assigned)>>, Vec<Unscheduled>) {
    let p = inst.programme;
    let mut rest = Vec::new();
    let mut dropped = Vec::new();
    for group in kept {
        let Some(anchor) = group[0].1.anchor else {
            rest.push(group);
            continue;
        };
        let (slot, a) = group.into_iter().next().expect("one occurrence");
        let target = fixed.iter_mut().find(|g| {
            g.iter().any(|(s, _)| *s == anchor)
                && g[0].1.series == a.series
                && g[0].1.films == a.films
        });
        match target {
            Some(g)
                if (g.len() as u32) < p.series[a.series].repeats
                    && g.iter()
                        .all(|(s, _)| p.slots[*s].day() != p.slots[slot].day()) =>
            {
                let mut rep = a;
                rep.anchor = Some(g[0].0);
                g.push((slot, rep));
            }
            _ => dropped.push(Unscheduled {
                kind: "kept".into(),
                id: format!("{}@{}", p.series[a.series].id, p.slots[slot].id),
                reason: "it repeats a fixed screening that changed".into(),
            }),
        }
    }
    (rest, dropped)
}

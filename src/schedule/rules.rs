//! The hard rules, checked on a finished [`Plan`] against its programme and
//! the catalogue — independently of how the plan was made. Tests use it on
//! every plan; anyone can use it on a plan edited by hand.

use std::collections::{HashMap, HashSet};

use super::Plan;
use crate::catalogue::Catalogue;
use crate::programme::load::qualifies;
use crate::programme::Programme;

/// Every broken hard rule, as a sentence; empty when the plan is sound.
pub fn violations(programme: &Programme, catalogue: &Catalogue, plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen_films: HashSet<&str> = HashSet::new();
    let mut seen_slots: HashSet<&str> = HashSet::new();
    let mut per_series: HashMap<&str, Vec<usize>> = HashMap::new();
    for sc in &plan.screenings {
        let Some(slot_ix) = programme.slots.iter().position(|s| s.id == sc.slot) else {
            out.push(format!("{}: no slot `{}` in the programme", sc.id, sc.slot));
            continue;
        };
        let slot = &programme.slots[slot_ix];
        if !seen_slots.insert(&sc.slot) {
            out.push(format!(
                "{}: slot `{}` holds two screenings",
                sc.id, sc.slot
            ));
        }
        if programme.venues[slot.venue].id != sc.venue {
            out.push(format!("{}: venue `{}` is not the slot's", sc.id, sc.venue));
        }
        let Some(series_ix) = programme.series.iter().position(|s| s.id == sc.series) else {
            out.push(format!(
                "{}: no series `{}` in the programme",
                sc.id, sc.series
            ));
            continue;
        };
        per_series.entry(&sc.series).or_default().push(slot_ix);
        if sc.films.is_empty() {
            out.push(format!("{}: a screening without films", sc.id));
        }
        let mut runtimes = Vec::new();
        for f in &sc.films {
            if !seen_films.insert(&f.id) {
                out.push(format!("{}: film `{}` is screened twice", sc.id, f.id));
            }
            match catalogue.position(&f.id) {
                None => out.push(format!(
                    "{}: film `{}` is not in the catalogue",
                    sc.id, f.id
                )),
                Some(i) => {
                    if !qualifies(catalogue, &programme.series[series_ix], i) {
                        out.push(format!(
                            "{}: film `{}` does not qualify for `{}`",
                            sc.id, f.id, sc.series
                        ));
                    }
                    match catalogue.films()[i].runtime {
                        Some(r) => runtimes.push(r),
                        None => out.push(format!("{}: film `{}` has no runtime", sc.id, f.id)),
                    }
                }
            }
        }
        let occupied = programme.occupied(runtimes.iter().copied());
        if occupied > slot.length {
            out.push(format!(
                "{}: needs {occupied} min in a {}-min slot",
                sc.id, slot.length
            ));
        }
        if sc.minutes != occupied {
            out.push(format!(
                "{}: says {} min, occupies {occupied}",
                sc.id, sc.minutes
            ));
        }
    }
    for (series, slots) in &per_series {
        let req = programme
            .series
            .iter()
            .find(|s| s.id == *series)
            .expect("checked above");
        if slots.len() as u32 > req.screenings {
            out.push(format!(
                "series `{series}` has {} screenings, asked for {}",
                slots.len(),
                req.screenings
            ));
        }
        for (i, &a) in slots.iter().enumerate() {
            for &b in &slots[i + 1..] {
                if programme.slots[a].overlaps(&programme.slots[b]) {
                    out.push(format!(
                        "series `{series}` has overlapping screenings in `{}` and `{}`",
                        programme.slots[a].id, programme.slots[b].id
                    ));
                }
            }
        }
    }
    for req in &programme.series {
        for &pin in &req.pin {
            let id = &catalogue.films()[pin].id;
            let placed = plan
                .screenings
                .iter()
                .any(|sc| sc.series == req.id && sc.films.iter().any(|f| &f.id == id));
            if !placed {
                out.push(format!(
                    "pinned film `{id}` is not screened in series `{}`",
                    req.id
                ));
            }
        }
    }
    out
}

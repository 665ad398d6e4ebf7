//! Explanations of a plan: why each series got its films, why a series got
//! fewer screenings than it asked for, why a slot stayed empty — and, when
//! no plan is possible, which hard requirement fails and where in the file.

use std::collections::HashSet;

use super::search::{Instance, State, Unseated};
use super::{Plan, Unscheduled};
use crate::diagnostics::Diagnostic;
use crate::programme::load::qualifies;

/// "4 films; all carry strikes and lockouts; 2 also carry coal mining".
pub fn why_series(inst: &Instance, series: usize, chosen: &[usize]) -> String {
    if chosen.is_empty() {
        return "no films".into();
    }
    let vocab = inst.catalogue.vocabulary();
    let films = inst.catalogue.films();
    let req = &inst.programme.series[series];
    let mut parts = vec![format!(
        "{} film{}",
        chosen.len(),
        if chosen.len() == 1 { "" } else { "s" }
    )];
    for t in &req.themes {
        let n = chosen
            .iter()
            .filter(|&&f| films[f].themes.iter().any(|c| vocab.implies(c, t)))
            .count();
        if n == 0 {
            continue;
        }
        let label = vocab
            .get(t)
            .map(|x| x.label.to_lowercase())
            .unwrap_or_else(|| t.clone());
        if n == chosen.len() {
            parts.push(format!("all carry {label}"));
        } else {
            parts.push(format!(
                "{n} carr{} {label}",
                if n == 1 { "ies" } else { "y" }
            ));
        }
    }
    // The most common other theme, as the thread that runs through them.
    let mut counts: Vec<(usize, &str)> = vocab
        .themes()
        .iter()
        .filter(|t| !req.themes.contains(&t.id))
        .map(|t| {
            (
                chosen
                    .iter()
                    .filter(|&&f| films[f].themes.contains(&t.id))
                    .count(),
                t.label.as_str(),
            )
        })
        .filter(|(n, _)| *n >= 2)
        .collect();
    counts.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    if let Some((n, label)) = counts.first() {
        parts.push(format!(
            "{n} also carr{} {}",
            if *n == 1 { "ies" } else { "y" },
            label.to_lowercase()
        ));
    }
    let directors: HashSet<&str> = chosen
        .iter()
        .flat_map(|&f| films[f].directors.iter().map(String::as_str))
        .collect();
    let countries: HashSet<&str> = chosen
        .iter()
        .flat_map(|&f| films[f].countries.iter().map(String::as_str))
        .collect();
    // What the catalogue does not say is not counted as none.
    let mut spread = Vec::new();
    if !directors.is_empty() {
        spread.push(format!(
            "{} director{}",
            directors.len(),
            if directors.len() == 1 { "" } else { "s" }
        ));
    }
    if !countries.is_empty() {
        spread.push(format!(
            "{} countr{}",
            countries.len(),
            if countries.len() == 1 { "y" } else { "ies" }
        ));
    }
    if !spread.is_empty() {
        parts.push(spread.join(", "));
    }
    parts.join("; ")
}

/// The most slots that do not overlap one another (a series' ceiling).
fn max_disjoint_slots(inst: &Instance) -> usize {
    let mut slots: Vec<&crate::programme::Slot> = inst.programme.slots.iter().collect();
    slots.sort_by_key(|s| s.end_at());
    let mut count = 0;
    let mut free_from = None;
    for s in slots {
        if free_from.is_none_or(|f| s.start_at >= f) {
            count += 1;
            free_from = Some(s.end_at());
        }
    }
    count
}

/// Adds a reason for every series short of its screenings and every empty slot.
pub fn shortfalls(inst: &Instance, state: &State, plan: &mut Plan) {
    let assign = &state.assign;
    let p = inst.programme;
    let films = inst.catalogue.films();
    let vocab = inst.catalogue.vocabulary();
    let used: HashSet<usize> = assign
        .iter()
        .flatten()
        .flat_map(|a| a.films.iter().copied())
        .collect();
    let own_count: Vec<u32> = (0..p.series.len()).map(|s| state.programmes(s)).collect();
    // Film → the series screening it.
    let screened_in: std::collections::HashMap<usize, usize> = assign
        .iter()
        .flatten()
        .flat_map(|a| a.films.iter().map(move |&f| (f, a.series)))
        .collect();
    let usable: Vec<usize> = (0..p.series.len())
        .map(|s| inst.allowed[s].iter().filter(|&&ok| ok).count())
        .collect();
    let disjoint = max_disjoint_slots(inst);
    let requested: u32 = p.series.iter().map(|s| s.screenings).sum();
    for (s, req) in p.series.iter().enumerate() {
        let got = own_count[s];
        if got >= req.screenings {
            continue;
        }
        let q = inst.candidates[s].len();
        // Films carrying the themes, whatever the series' other limits.
        let probe = crate::programme::SeriesRequest {
            exclude: Vec::new(),
            max_runtime: None,
            ..req.clone()
        };
        let carrying = (0..films.len())
            .filter(|&f| qualifies(inst.catalogue, &probe, f))
            .count();
        let themes: Vec<String> = req
            .themes
            .iter()
            .map(|t| {
                vocab
                    .get(t)
                    .map(|x| x.label.to_lowercase())
                    .unwrap_or_else(|| t.clone())
            })
            .collect();
        let unused: Vec<usize> = inst.candidates[s]
            .iter()
            .copied()
            .filter(|f| !used.contains(f))
            .collect();
        let cause = if q == 0 {
            format!(
                "no film in the catalogue qualifies ({} carry {}; none of them has a runtime that fits a slot)",
                carrying,
                themes.join(" or ")
            )
        } else if (q as u32) < req.screenings {
            let mut c = format!(
                "only {q} film{} qualif{} (carr{} {} and fit{} a slot), and each screening needs at least one",
                if q == 1 { "" } else { "s" },
                if q == 1 { "ies" } else { "y" },
                if q == 1 { "ies" } else { "y" },
                themes.join(" or "),
                if q == 1 { "s" } else { "" },
            );
            if carrying > q {
                c.push_str(&format!(
                    "; {} more carry the themes but are excluded, too long for the series or every slot, or have no runtime",
                    carrying - q
                ));
            }
            c
        } else if (req.screenings * req.repeats) as usize > usable[s] {
            format!(
                "its `venues`, `days` and `tags` leave it {} slot{}, and it asks for {} screening{}{}",
                usable[s],
                if usable[s] == 1 { "" } else { "s" },
                req.screenings * req.repeats,
                if req.screenings * req.repeats == 1 { "" } else { "s" },
                if req.repeats > 1 { format!(" ({} × {} repeats)", req.screenings, req.repeats) } else { String::new() }
            )
        } else if req.screenings as usize > disjoint {
            format!(
                "the programme has only {disjoint} slots that do not overlap one another, and a series' screenings must not overlap"
            )
        } else if unused.is_empty() {
            let elsewhere = inst.candidates[s]
                .iter()
                .filter(|f| screened_in.get(f).is_some_and(|&o| o != s))
                .count();
            format!(
                "all {q} qualifying films are screened already ({elsewhere} of them in other series)"
            )
        } else if req.repeats > 1 {
            format!(
                "each screening is given {} times on different days, and no more free slots that do not overlap its screenings could hold its remaining films {} times",
                req.repeats, req.repeats
            )
        } else if requested as usize > p.slots.len() {
            format!(
                "the series together ask for {requested} screenings and the programme has {} slots; the slots went where they filled the most minutes",
                p.slots.len()
            )
        } else {
            let shortest = unused
                .iter()
                .map(|&f| films[f].runtime.unwrap_or(0))
                .min()
                .unwrap_or(0);
            format!(
                "no free slot that does not overlap its other screenings fits its remaining films (the shortest runs {shortest} min, {} with the introduction)",
                shortest + p.intro
            )
        };
        let reason = format!(
            "{got} of {} screenings: {cause} ({})",
            req.screenings,
            p.at(req.screenings_line)
        );
        plan.unscheduled.push(Unscheduled {
            kind: "series".into(),
            id: req.id.clone(),
            reason: reason.clone(),
        });
        if let Some(o) = plan.series.iter_mut().find(|o| o.id == req.id) {
            o.shortfall = Some(reason);
        }
    }
    // Per series, once (not once per empty slot: a large programme has
    // tens of thousands): its shortest free film.
    let all_served = p
        .series
        .iter()
        .zip(&own_count)
        .all(|(req, &n)| n >= req.screenings);
    let shortest_free: Vec<Option<u32>> = (0..p.series.len())
        .map(|s| {
            inst.candidates[s]
                .iter()
                .filter(|f| !used.contains(f))
                .map(|&f| films[f].runtime.unwrap_or(0))
                .min()
        })
        .collect();
    for (i, slot) in p.slots.iter().enumerate() {
        if assign[i].is_some() {
            continue;
        }
        let reason = if all_served {
            "every series already has the screenings it asked for".to_string()
        } else {
            let mut why = Vec::new();
            for (s, req) in p.series.iter().enumerate() {
                if own_count[s] >= req.screenings {
                    continue;
                }
                if !inst.allowed[s][i] {
                    why.push(format!(
                        "{} may not use it (its venues, days or tags)",
                        req.id
                    ));
                    continue;
                }
                // The first of its screenings (in slot order) overlapping this slot.
                let clash = inst
                    .overlapping(i)
                    .find(|&o| assign[o].as_ref().is_some_and(|a| a.series == s));
                if let Some(o) = clash {
                    why.push(format!(
                        "{} overlaps its screening in {}",
                        req.id, p.slots[o].id
                    ));
                    continue;
                }
                match shortest_free[s] {
                    None => why.push(format!("{} has no free film left", req.id)),
                    Some(r) if r + inst.intro[s] + inst.discussion[s] > slot.length => {
                        why.push(format!(
                            "{}'s free films need at least {} min",
                            req.id,
                            r + inst.intro[s] + inst.discussion[s]
                        ))
                    }
                    Some(_)
                        if !inst.candidates[s]
                            .iter()
                            .any(|&f| !used.contains(&f) && inst.copy_ok(f, i)) =>
                    {
                        why.push(format!(
                            "no copy of {}'s free films can be screened there that day",
                            req.id
                        ))
                    }
                    Some(_) if req.repeats > 1 => why.push(format!(
                        "{} fits, but no slot on another day was free for its repeat",
                        req.id
                    )),
                    Some(_) => {
                        why.push(format!("{} fits but another slot served it better", req.id))
                    }
                }
            }
            format!("no series could use it: {}", why.join("; "))
        };
        plan.unscheduled.push(Unscheduled {
            kind: "slot".into(),
            id: slot.id.clone(),
            reason: format!(
                "{} min left empty: {reason} ({})",
                slot.length,
                p.at(slot.line)
            ),
        });
    }
}

/// Diagnostics for pinned films no plan can screen.
pub fn unplaceable_pins(
    inst: &Instance,
    pins: &[(usize, usize)],
    keep: &[usize],
) -> Vec<Diagnostic> {
    let p = inst.programme;
    let films = inst.catalogue.films();
    pins.iter()
        .map(|&(s, f)| {
            let req = &p.series[s];
            let rt = films[f].runtime.unwrap_or(0);
            let fitting: Vec<&str> = p
                .slots
                .iter()
                .filter(|sl| sl.length >= p.intro + rt)
                .map(|sl| sl.id.as_str())
                .collect();
            let line = req
                .pin
                .iter()
                .position(|&x| x == f)
                .and_then(|i| req.pin_lines.get(i))
                .copied()
                .unwrap_or(req.line);
            let mut cause = format!(
                "series `{}` asks for {} screening{} and pins {} film{}; `{}` ({rt} min, {} with the introduction) fits {} slot{}",
                req.id,
                req.screenings,
                if req.screenings == 1 { "" } else { "s" },
                req.pin.len(),
                if req.pin.len() == 1 { "" } else { "s" },
                films[f].id,
                rt + p.intro,
                fitting.len(),
                if fitting.len() == 1 { "" } else { "s" }
            );
            if fitting.len() <= 6 && !fitting.is_empty() {
                cause.push_str(&format!(" ({})", fitting.join(", ")));
            }
            cause.push_str(
                ", and those are taken by the series' other pinned films (which cannot share a screening with it), overlap them, or hold kept screenings",
            );
            if !keep.is_empty() {
                cause.push_str(&format!("; {} screenings are kept from the previous plan", keep.len()));
            }
            let mut d = Diagnostic::error(format!(
                "pinned film `{}` cannot be screened in series `{}`",
                films[f].id, req.id
            ))
            .in_file(&p.path)
            .value(films[f].id.as_str())
            .help(format!(
                "{cause}; ask for more screenings, add longer slots, or unpin a film"
            ));
            d.line = Some(line);
            d
        })
        .collect()
}

/// Diagnostics for guests of fixed or kept screenings who can attend none
/// of their occurrences (nor a repeat the planner could add).
pub fn unseated_guests(inst: &Instance, state: &State, unseated: &[Unseated]) -> Vec<Diagnostic> {
    let p = inst.programme;
    let films = inst.catalogue.films();
    unseated
        .iter()
        .map(|u| {
            let a = state.assign[u.slot].as_ref().expect("locked screenings stay");
            let guest = &p.guests[u.guest];
            let slots: Vec<&str> = std::iter::once(u.slot)
                .chain(a.repeats.iter().copied())
                .map(|s| p.slots[s].id.as_str())
                .collect();
            let mut d = Diagnostic::error(format!(
                "guest `{}` can attend no screening of `{}` ({})",
                guest.name,
                films[u.film].id,
                slots.join(", ")
            ))
            .in_file(&p.path)
            .value(guest.name.as_str())
            .help(format!(
                "with their {}-min discussion the screening must fit its slot, lie inside one of their `available` windows and not clash with their other screenings; widen the windows (line {}), move the screening, or leave the film out",
                guest.discussion, guest.line
            ));
            d.line = Some(match a.fixed {
                Some(f) => p.fixed[f].line,
                None => guest.line,
            });
            d
        })
        .collect()
}

/// Unscheduled entries for what the festival rules left undone: guests'
/// films not screened, fixed screenings still short of their repeats.
pub fn festival_shortfalls(inst: &Instance, state: &State, plan: &mut Plan) {
    let p = inst.programme;
    let films = inst.catalogue.films();
    for guest in &p.guests {
        for &f in &guest.films {
            if state.is_used(f) {
                continue;
            }
            let series: Vec<&str> = (0..p.series.len())
                .filter(|&s| inst.candidates[s].contains(&f))
                .map(|s| p.series[s].id.as_str())
                .collect();
            let full: Vec<&str> = (0..p.series.len())
                .filter(|&s| inst.candidates[s].contains(&f))
                .filter(|&s| state.programmes(s) >= p.series[s].screenings)
                .map(|s| p.series[s].id.as_str())
                .collect();
            let cause = if series.is_empty() {
                "no series of the programme may use it".to_string()
            } else if full.len() == series.len() {
                format!(
                    "{} already {} all the screenings asked for, and the films chosen fill the slots better; pin it to screen it",
                    series.join(" and "),
                    if series.len() == 1 { "has" } else { "have" }
                )
            } else {
                format!(
                    "no free slot that {} may use lies inside the guest's windows with room for the film and a {}-min discussion, clear of their other screenings",
                    series.join(" or "),
                    guest.discussion
                )
            };
            plan.unscheduled.push(Unscheduled {
                kind: "guest".into(),
                id: format!("{}/{}", guest.name, films[f].id),
                reason: format!(
                    "`{}` is not screened, so {} does not come for it: {cause} ({})",
                    films[f].id,
                    guest.name,
                    p.at(guest.line)
                ),
            });
        }
    }
    for (slot, a) in state.assign.iter().enumerate() {
        let Some(a) = a else { continue };
        if a.anchor.is_some() || inst.is_event(a.series) || !state.locked[slot] {
            continue;
        }
        let want = p.series[a.series].repeats as usize;
        let have = 1 + a.repeats.len();
        if have < want {
            let line = a.fixed.map_or(p.series[a.series].line, |f| p.fixed[f].line);
            plan.unscheduled.push(Unscheduled {
                kind: "repeat".into(),
                id: format!("{}@{}", p.series[a.series].id, p.slots[slot].id),
                reason: format!(
                    "given {have} of {want} times: no free slot on another day that series `{}` may use fits these films with their copies and guests ({})",
                    p.series[a.series].id,
                    p.at(line)
                ),
            });
        }
    }
}

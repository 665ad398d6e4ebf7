//! The hard rules, checked on a finished [`Plan`] against its programme and
//! the catalogue — independently of how the plan was made: nothing here
//! looks at the search's state, only at the plan's JSON fields. Tests hold
//! every plan to it; `slate check PROGRAMME PLAN` holds a plan edited by
//! hand to it.
//!
//! Each violation names the JSON path of the value concerned
//! (`screenings[3].films[0].format`), so a caller with the file's
//! [`JsonPaths`](crate::json_paths::JsonPaths) can locate it.

use std::collections::{HashMap, HashSet};

use jiff::{SignedDuration, Timestamp};

use super::{Plan, Screening};
use crate::catalogue::Catalogue;
use crate::programme::load::qualifies;
use crate::programme::Programme;

/// A broken rule, at a JSON path of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub path: String,
    pub message: String,
}

/// Every broken hard rule, as a sentence; empty when the plan is sound.
pub fn violations(programme: &Programme, catalogue: &Catalogue, plan: &Plan) -> Vec<String> {
    located(programme, catalogue, plan)
        .into_iter()
        .map(|v| v.message)
        .collect()
}

/// Every broken rule of the plan JSON at `path` against its programme, as
/// errors at the line and column of the offending value.
pub fn diagnostics(
    path: &std::path::Path,
    plan: &Plan,
    programme: &Programme,
    catalogue: &Catalogue,
) -> Vec<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::{Diagnostic, SourceFile};
    let found = located(programme, catalogue, plan);
    if found.is_empty() {
        return Vec::new();
    }
    let source = SourceFile::read(path).ok();
    let paths = source
        .as_ref()
        .map(|s| crate::json_paths::JsonPaths::new(&s.text));
    found
        .into_iter()
        .map(|v| {
            let d = Diagnostic::error(v.message).help(format!(
                "the plan breaks a rule of {}; plan again with `slate plan`, or correct it",
                programme.path.display()
            ));
            match (&source, paths.as_ref().and_then(|p| p.nearest(&v.path))) {
                (Some(src), Some(span)) => d.at(src, span),
                _ => d.in_file(path),
            }
        })
        .collect()
}

/// Every broken hard rule, with the JSON path it concerns.
pub fn located(programme: &Programme, catalogue: &Catalogue, plan: &Plan) -> Vec<Violation> {
    let mut out = Vec::new();
    let p = programme;
    let mut v = |path: String, message: String| out.push(Violation { path, message });
    let slot_of: HashMap<&str, usize> = p
        .slots
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let event_of = |id: &str| {
        p.fixed
            .iter()
            .position(|f| f.series.is_none() && f.id == id)
    };
    let ids: HashMap<&str, usize> = plan
        .screenings
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    // A screening's group: the original it repeats, else itself.
    let group = |s: &Screening| s.repeat_of.clone().unwrap_or_else(|| s.id.clone());
    let mut seen_slots: HashSet<&str> = HashSet::new();
    let mut film_group: HashMap<&str, String> = HashMap::new();
    let mut per_series: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut group_members: HashMap<String, Vec<usize>> = HashMap::new();
    // Guest name → (screening index, film ids) they attend.
    let mut attends: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut films_in_plan: HashSet<usize> = HashSet::new();
    for (k, sc) in plan.screenings.iter().enumerate() {
        let at = |field: &str| format!("screenings[{k}].{field}");
        let Some(&slot_ix) = slot_of.get(sc.slot.as_str()) else {
            v(
                at("slot"),
                format!("{}: no slot `{}` in the programme", sc.id, sc.slot),
            );
            continue;
        };
        let slot = &p.slots[slot_ix];
        if !seen_slots.insert(&sc.slot) {
            v(
                at("slot"),
                format!("{}: slot `{}` holds two screenings", sc.id, sc.slot),
            );
        }
        if p.venues[slot.venue].id != sc.venue {
            v(
                at("venue"),
                format!("{}: venue `{}` is not the slot's", sc.id, sc.venue),
            );
        }
        let series_ix = p.series.iter().position(|s| s.id == sc.series);
        let event = if series_ix.is_none() {
            event_of(&sc.series)
        } else {
            None
        };
        if series_ix.is_none() && event.is_none() {
            v(
                at("series"),
                format!("{}: no series `{}` in the programme", sc.id, sc.series),
            );
            continue;
        }
        // The fixed table this screening comes from, if any.
        let fixed = p.fixed.iter().position(|f| f.slot == slot_ix);
        if sc.fixed != fixed.is_some() {
            v(
                at("fixed"),
                format!(
                    "{}: `fixed` is {}, but slot `{}` {} a fixed screening",
                    sc.id,
                    sc.fixed,
                    sc.slot,
                    if fixed.is_some() { "holds" } else { "holds no" }
                ),
            );
        }
        if let Some(fx) = fixed.map(|f| &p.fixed[f]) {
            let films: Vec<&str> = sc.films.iter().map(|f| f.id.as_str()).collect();
            let want: Vec<&str> = fx
                .films
                .iter()
                .map(|&f| catalogue.films()[f].id.as_str())
                .collect();
            if films != want || series_ix != fx.series {
                v(
                    at("films"),
                    format!(
                        "{}: slot `{}` is fixed with {} ",
                        sc.id,
                        sc.slot,
                        want.join(", ")
                    ),
                );
            }
        }
        if let Some(s) = series_ix {
            per_series.entry(&sc.series).or_default().push(k);
            if !p.series[s].placement.allows(slot) {
                v(
                    at("slot"),
                    format!(
                        "{}: series `{}` may not use slot `{}`",
                        sc.id, sc.series, sc.slot
                    ),
                );
            }
        }
        group_members.entry(group(sc)).or_default().push(k);
        if sc.films.is_empty() {
            v(at("films"), format!("{}: a screening without films", sc.id));
        }
        let mut runtimes = Vec::new();
        for (j, f) in sc.films.iter().enumerate() {
            let film_at = |field: &str| format!("screenings[{k}].films[{j}].{field}");
            let g = group(sc);
            match film_group.get(f.id.as_str()) {
                Some(other) if *other != g => v(
                    film_at("id"),
                    format!("{}: film `{}` is screened twice", sc.id, f.id),
                ),
                Some(_) => {}
                None => {
                    film_group.insert(&f.id, g);
                }
            }
            let Some(i) = catalogue.position(&f.id) else {
                v(
                    film_at("id"),
                    format!("{}: film `{}` is not in the catalogue", sc.id, f.id),
                );
                continue;
            };
            films_in_plan.insert(i);
            if !p.schedulable(i) {
                v(
                    film_at("id"),
                    format!("{}: film `{}` is excluded from the programme", sc.id, f.id),
                );
            }
            if let Some(s) = series_ix {
                if !qualifies(catalogue, &p.series[s], i) {
                    v(
                        film_at("id"),
                        format!(
                            "{}: film `{}` does not qualify for `{}`",
                            sc.id, f.id, sc.series
                        ),
                    );
                }
            }
            match p.copy_for(i, slot_ix) {
                None => v(
                    film_at("format"),
                    format!(
                        "{}: no copy of `{}` can be screened in `{}`",
                        sc.id, f.id, sc.slot
                    ),
                ),
                Some(copy) => {
                    let want = copy.map(|c| c.format.as_str());
                    if f.format.as_deref() != want {
                        v(
                            film_at("format"),
                            format!(
                                "{}: film `{}` is screened from {}, not {}",
                                sc.id,
                                f.id,
                                want.unwrap_or("no listed copy"),
                                f.format.as_deref().unwrap_or("nothing")
                            ),
                        );
                    }
                }
            }
            match catalogue.films()[i].runtime {
                Some(r) => runtimes.push(r),
                None => v(
                    film_at("id"),
                    format!("{}: film `{}` has no runtime", sc.id, f.id),
                ),
            }
        }
        // Time around the films: the most specific intro and discussion,
        // the longest of the guests' discussions.
        let fixed_ref = fixed.map(|f| &p.fixed[f]);
        let intro = p.intro_of(series_ix, fixed_ref);
        let mut discussion = p.discussion_of(series_ix, fixed_ref);
        for name in &sc.guests {
            match p.guests.iter().find(|g| &g.name == name) {
                Some(g) => {
                    discussion = discussion.max(g.discussion);
                    attends.entry(&g.name).or_default().push(k);
                }
                None => v(
                    at("guests"),
                    format!("{}: no guest `{name}` in the programme", sc.id),
                ),
            }
        }
        if sc.intro_minutes(plan.intro) != intro {
            v(
                at("intro"),
                format!(
                    "{}: the introduction is {intro} min, not {}",
                    sc.id,
                    sc.intro_minutes(plan.intro)
                ),
            );
        }
        if sc.discussion != discussion {
            v(
                at("discussion"),
                format!(
                    "{}: the discussion is {discussion} min, not {}",
                    sc.id, sc.discussion
                ),
            );
        }
        let occupied = p.occupied_with(intro, discussion, runtimes.iter().copied());
        if occupied > slot.length {
            v(
                at("films"),
                format!(
                    "{}: needs {occupied} min in a {}-min slot",
                    sc.id, slot.length
                ),
            );
        }
        if sc.minutes != occupied {
            v(
                at("minutes"),
                format!("{}: says {} min, occupies {occupied}", sc.id, sc.minutes),
            );
        }
        let mut film_start = slot.start_at + SignedDuration::from_mins(intro as i64);
        for (j, f) in sc.films.iter().enumerate() {
            if f.start.as_deref().and_then(|s| s.parse::<Timestamp>().ok()) != Some(film_start) {
                v(
                    format!("screenings[{k}].films[{j}].start"),
                    format!(
                        "{}: film `{}` does not start when its screening says",
                        sc.id, f.id
                    ),
                );
            }
            film_start += SignedDuration::from_mins((f.runtime + p.interval) as i64);
        }
    }
    // Series: their screenings (programmes) and occurrences.
    for (series, list) in &per_series {
        let req = p
            .series
            .iter()
            .find(|s| s.id == *series)
            .expect("checked above");
        let programmes = list
            .iter()
            .filter(|&&k| plan.screenings[k].repeat_of.is_none())
            .count();
        if programmes as u32 > req.screenings {
            v(
                format!("screenings[{}].series", list[0]),
                format!(
                    "series `{series}` has {programmes} screenings, asked for {}",
                    req.screenings
                ),
            );
        }
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                let (sa, sb) = (&plan.screenings[a], &plan.screenings[b]);
                let (Some(&x), Some(&y)) =
                    (slot_of.get(sa.slot.as_str()), slot_of.get(sb.slot.as_str()))
                else {
                    continue;
                };
                if p.slots[x].overlaps(&p.slots[y]) {
                    v(
                        format!("screenings[{b}].slot"),
                        format!(
                            "series `{series}` has overlapping screenings in `{}` and `{}`",
                            sa.slot, sb.slot
                        ),
                    );
                }
            }
        }
    }
    for (first, members) in &group_members {
        let head = &plan.screenings[members[0]];
        let Some(req) = p.series.iter().find(|s| s.id == head.series) else {
            if members.len() > 1 {
                v(
                    format!("screenings[{}].repeat_of", members[1]),
                    format!("one-off `{}` is repeated", head.series),
                );
            }
            continue;
        };
        if !ids.contains_key(first.as_str()) {
            v(
                format!("screenings[{}].repeat_of", members[0]),
                format!("`{first}` is not a screening of the plan"),
            );
            continue;
        }
        let fixed_in = members.iter().any(|&k| plan.screenings[k].fixed);
        let n = members.len() as u32;
        if n > req.repeats || (n < req.repeats && !fixed_in) {
            v(
                format!("screenings[{}].repeat_of", members[members.len() - 1]),
                format!(
                    "`{first}` is given {n} times; series `{}` gives each screening {} time{}",
                    req.id,
                    req.repeats,
                    if req.repeats == 1 { "" } else { "s" }
                ),
            );
        }
        let mut days: Vec<&str> = members
            .iter()
            .map(|&k| plan.screenings[k].day.as_str())
            .collect();
        days.sort_unstable();
        if days.windows(2).any(|w| w[0] == w[1]) {
            v(
                format!("screenings[{}].day", members[0]),
                format!("`{first}` is repeated on the same day"),
            );
        }
        let films = |k: usize| {
            plan.screenings[k]
                .films
                .iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
        };
        if members
            .iter()
            .any(|&k| films(k) != films(members[0]) || plan.screenings[k].series != head.series)
        {
            v(
                format!("screenings[{}].films", members[0]),
                format!("the repeats of `{first}` do not show the same films"),
            );
        }
        if plan.screenings[ids[first.as_str()]].repeat_of.is_some() {
            v(
                format!("screenings[{}].repeat_of", members[0]),
                format!("`{first}` is itself a repeat"),
            );
        }
    }
    // Guests: one seat per film screened, inside a window, never in two places.
    for g in &p.guests {
        let seats = attends.get(g.name.as_str()).cloned().unwrap_or_default();
        for &f in &g.films {
            let id = catalogue.films()[f].id.as_str();
            if !films_in_plan.contains(&f) {
                continue;
            }
            let n = seats
                .iter()
                .filter(|&&k| plan.screenings[k].films.iter().any(|x| x.id == id))
                .count();
            if n != 1 {
                v(
                    "screenings".into(),
                    format!(
                        "guest `{}` attends {n} screenings of `{id}`, not one",
                        g.name
                    ),
                );
            }
        }
        let times: Vec<(usize, Timestamp, Timestamp, &str)> = seats
            .iter()
            .filter_map(|&k| {
                let sc = &plan.screenings[k];
                let start = sc.start.parse::<Timestamp>().ok()?;
                Some((
                    k,
                    start,
                    start + SignedDuration::from_mins(sc.minutes as i64),
                    sc.venue.as_str(),
                ))
            })
            .collect();
        for &(k, start, end, _) in &times {
            if !g.available_for(start, end) {
                v(
                    format!("screenings[{k}].guests"),
                    format!(
                        "guest `{}` is not in town for `{}`",
                        g.name, plan.screenings[k].id
                    ),
                );
            }
        }
        for (i, a) in times.iter().enumerate() {
            for b in &times[i + 1..] {
                let gap =
                    SignedDuration::from_mins(if a.3 == b.3 { 0 } else { p.changeover as i64 });
                if !(a.2 + gap <= b.1 || b.2 + gap <= a.1) {
                    v(
                        format!("screenings[{}].guests", b.0),
                        format!(
                            "guest `{}` is at `{}` and `{}` too close together",
                            g.name, plan.screenings[a.0].id, plan.screenings[b.0].id
                        ),
                    );
                }
            }
        }
    }
    if let Some(cap) = p.max_per_director {
        let mut count: HashMap<&str, u32> = HashMap::new();
        for &f in &films_in_plan {
            for d in &catalogue.films()[f].directors {
                *count.entry(d).or_default() += 1;
            }
        }
        let mut over: Vec<_> = count.into_iter().filter(|(_, n)| *n > cap).collect();
        over.sort();
        for (d, n) in over {
            v(
                "screenings".into(),
                format!("{n} films by {d}, over max_per_director = {cap}"),
            );
        }
    }
    for req in &p.series {
        for &pin in &req.pin {
            let id = &catalogue.films()[pin].id;
            let placed = plan
                .screenings
                .iter()
                .any(|sc| sc.series == req.id && sc.films.iter().any(|f| &f.id == id));
            if !placed {
                v(
                    "screenings".into(),
                    format!("pinned film `{id}` is not screened in series `{}`", req.id),
                );
            }
        }
    }
    for f in &p.fixed {
        let slot = &p.slots[f.slot].id;
        if !plan
            .screenings
            .iter()
            .any(|sc| &sc.slot == slot && sc.fixed)
        {
            v(
                "screenings".into(),
                format!("the fixed screening in `{slot}` is missing"),
            );
        }
    }
    out
}

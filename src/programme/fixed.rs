//! The `[[fixed]]` tables: screenings placed exactly as written, so each is
//! checked here as completely as the planner's own screenings are checked
//! afterwards — its slot, films, series, the series' criteria and
//! restrictions, the time around the films, copies, `max_per_director`,
//! and, across fixed screenings of one series, how many there are, their
//! repeats' days and their overlaps — each problem located.

use std::collections::HashMap;

use super::audience::AUDIENCE_KEYS;
use super::festival::film;
use super::load::{tables, MAX_INTRO};
use super::qualify::{missing_themes, unmet_criteria};
use super::values::ranged;
use super::{Fixed, Programme};
use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::{did_you_mean, is_slug, slugify};
use crate::toml_fields::Fields;

const FIXED_KEYS: &[&str] = &[
    "slot",
    "films",
    "series",
    "id",
    "title",
    "intro",
    "discussion",
    "note",
];

/// The `[[fixed]]` tables, checked against the whole programme.
pub(super) fn fixed(
    top: &Fields<'_, '_>,
    src: &SourceFile,
    catalogue: &Catalogue,
    p: &Programme,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Fixed> {
    let films = catalogue.films();
    let mut out: Vec<Fixed> = Vec::new();
    let mut slot_taken: HashMap<usize, usize> = HashMap::new();
    // Film → the fixed screening (index into `out`) that first shows it.
    let mut shown_in: HashMap<usize, usize> = HashMap::new();
    for (table, span) in tables(top, "fixed", diags) {
        let line = src.locate(span.start).0;
        let mut f =
            Fields::new(table, span.clone(), src, 0, "a fixed screening").plain_text(&["note"]);
        f.unknown_keys(&[FIXED_KEYS, AUDIENCE_KEYS].concat(), diags);
        let slot = match f.str("slot", diags) {
            Some((id, s)) => match p.slots.iter().position(|x| x.id == id) {
                Some(i) => Some((i, s)),
                None => {
                    diags.push(
                        Diagnostic::error(format!("unknown slot `{id}` in a fixed screening"))
                            .at(src, s)
                            .value(id)
                            .help(
                                did_you_mean(id, p.slots.iter().map(|s| s.id.as_str()))
                                    .unwrap_or_else(|| "slots are named by their `id` (or `<venue>-<YYYYMMDD>-<HHMM>`); `slate plan` lists them".into()),
                            ),
                    );
                    None
                }
            },
            None => {
                if f.get("slot").is_none() {
                    f.missing("slot", "slot = \"opening\"", diags);
                }
                None
            }
        };
        if let Some((s, _)) = &slot {
            f.set_what(format!("the fixed screening in slot `{}`", p.slots[*s].id));
        }
        let series = f.str("series", diags).and_then(|(id, s)| {
            let found = p.series.iter().position(|x| x.id == id);
            if found.is_none() {
                diags.push(
                    Diagnostic::error(format!("unknown series `{id}` in {}", f.what))
                        .at(src, s)
                        .value(id)
                        .help(
                            did_you_mean(id, p.series.iter().map(|s| s.id.as_str()))
                                .unwrap_or_else(|| "leave `series` out for a one-off event".into()),
                        ),
                );
            }
            found
        });
        let mut film_ids = Vec::new();
        match f.str_list("films", diags) {
            Some(list) if list.is_empty() => diags.push(
                Diagnostic::error(format!("{} has no films", f.what))
                    .at(src, f.get("films").map_or(span.clone(), |v| v.span()))
                    .help("films = [\"la-reprise\"]"),
            ),
            Some(list) => {
                for (id, s) in list {
                    if let Some(i) = film(id, s.clone(), &f, catalogue, diags) {
                        film_ids.push((i, s));
                    }
                }
            }
            None => {
                if f.get("films").is_none() {
                    f.missing("films", "films = [\"la-reprise\"]", diags);
                }
            }
        }
        let minutes = |key: &str, diags: &mut Vec<Diagnostic>| {
            ranged(&f, key, 0..=MAX_INTRO, " minutes", diags).map(|(n, _)| n as u32)
        };
        let intro = minutes("intro", diags);
        let discussion = minutes("discussion", diags);
        let audience = super::audience::read(&f, diags);
        let note = f
            .str("note", diags)
            .map(|(n, _)| n.trim().to_string())
            .filter(|n| !n.is_empty());
        let title = f.str("title", diags);
        let given_id = f.str("id", diags);
        if series.is_some() {
            for key in ["id", "title"] {
                if let Some(v) = f.get(key) {
                    diags.push(
                        Diagnostic::error(format!(
                            "`{key}` names a one-off event, but {} belongs to a series",
                            f.what
                        ))
                        .at(src, v.span())
                        .help(format!(
                            "remove `{key}`, or remove `series` to make it a one-off"
                        )),
                    );
                }
            }
        }
        let Some((slot, slot_span)) = slot else {
            continue;
        };
        if film_ids.is_empty() {
            continue;
        }
        if let Some(&other) = slot_taken.get(&slot) {
            diags.push(
                Diagnostic::error(format!(
                    "slot `{}` holds two fixed screenings (lines {} and {line})",
                    p.slots[slot].id, out[other].line
                ))
                .at(src, slot_span.clone())
                .value(p.slots[slot].id.as_str()),
            );
            continue;
        }
        let film_list: Vec<usize> = film_ids.iter().map(|(i, _)| *i).collect();
        for (i, (film, s)) in film_ids.iter().enumerate() {
            let fr = &films[*film];
            if film_ids[..i].iter().any(|(o, _)| o == film) {
                diags.push(
                    Diagnostic::error(format!("film `{}` is listed twice in {}", fr.id, f.what))
                        .at(src, s.clone()),
                );
            }
            if let Some(&o) = shown_in.get(film) {
                let same_programme =
                    out[o].series.is_some() && out[o].series == series && out[o].films == film_list;
                if !same_programme {
                    diags.push(
                        Diagnostic::error(format!(
                            "film `{}` is in two fixed screenings (lines {} and {line}); a film is screened once, or in repeats of one series' screening",
                            fr.id, out[o].line
                        ))
                        .at(src, s.clone()),
                    );
                }
            }
            if !p.schedulable(*film) {
                diags.push(
                    Diagnostic::error(format!(
                        "film `{}` is in the programme's `exclude` (no screening rights) but fixed in slot `{}`",
                        fr.id, p.slots[slot].id
                    ))
                    .at(src, s.clone()),
                );
            }
            if fr.runtime.is_none() {
                diags.push(
                    Diagnostic::error(format!(
                        "film `{}` has no runtime in the catalogue, so it cannot be fitted into a slot",
                        fr.id
                    ))
                    .at(src, s.clone())
                    .help("add its runtime to the catalogue"),
                );
            }
            if let Some(si) = series {
                let req = &p.series[si];
                let mut why: Vec<String> = Vec::new();
                let missing = missing_themes(catalogue, req, *film);
                if !req.themes.is_empty() && !missing.is_empty() {
                    why.push(format!("it lacks {}", missing.join(", ")));
                }
                why.extend(unmet_criteria(catalogue, &req.criteria, *film));
                if req.exclude.contains(film) {
                    why.push("the series excludes it".into());
                }
                if let (Some(m), Some(r)) = (req.max_runtime, fr.runtime) {
                    if r > m {
                        why.push(format!(
                            "it runs {r} min, over the series' max_runtime of {m}"
                        ));
                    }
                }
                if !why.is_empty() {
                    diags.push(
                        Diagnostic::error(format!(
                            "film `{}` does not qualify for series `{}`: {}",
                            fr.id,
                            req.id,
                            why.join("; ")
                        ))
                        .at(src, s.clone()),
                    );
                }
            }
            if let Some((o, _)) = p
                .series
                .iter()
                .enumerate()
                .find(|(o, x)| Some(*o) != series && x.pin.contains(film))
            {
                diags.push(
                    Diagnostic::error(format!(
                        "film `{}` is pinned in series `{}` but fixed {}",
                        fr.id,
                        p.series[o].id,
                        match series {
                            Some(si) => format!("in series `{}`", p.series[si].id),
                            None => "as a one-off".into(),
                        }
                    ))
                    .at(src, s.clone()),
                );
            }
            if p.copy_for(*film, slot).is_none() {
                let sl = &p.slots[slot];
                diags.push(
                    Diagnostic::error(format!(
                        "no copy of `{}` can be screened in slot `{}`: {}",
                        fr.id,
                        sl.id,
                        copies_text(p, *film)
                    ))
                    .at(src, s.clone())
                    .help(format!(
                        "the slot is on {} at `{}`, which projects {}",
                        sl.day(),
                        p.venues[sl.venue].id,
                        p.venues[sl.venue]
                            .formats
                            .as_ref()
                            .map_or("anything".to_string(), |f| f.join(", "))
                    )),
                );
            }
        }
        if let Some(si) = series {
            if !p.series[si].placement.allows(&p.slots[slot]) {
                diags.push(
                    Diagnostic::error(format!(
                        "series `{}` may not use slot `{}` (its `venues`, `days` or `tags` rule it out)",
                        p.series[si].id, p.slots[slot].id
                    ))
                    .at(src, slot_span.clone())
                    .value(p.slots[slot].id.as_str()),
                );
            }
        }
        let (id, title) = match series {
            Some(si) => (p.series[si].id.clone(), p.series[si].title.clone()),
            None => {
                let title = title
                    .map(|(t, _)| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| {
                        film_list
                            .iter()
                            .map(|&i| films[i].title.as_str())
                            .collect::<Vec<_>>()
                            .join(" + ")
                    });
                let id = match &given_id {
                    Some((id, s)) => {
                        if !is_slug(id) {
                            diags.push(
                                Diagnostic::error(format!("event id `{id}` is not a slug"))
                                    .at(src, s.clone())
                                    .help(format!("use id = \"{}\"", slugify(id))),
                            );
                        }
                        id.to_string()
                    }
                    None if f.get("title").is_some() => slugify(&title),
                    None => films[film_list[0]].id.clone(),
                };
                let clash = p.series.iter().any(|s| s.id == id)
                    || out.iter().any(|o| o.series.is_none() && o.id == id);
                if clash {
                    diags.push(
                        Diagnostic::error(format!(
                            "the one-off event `{id}` has the id of a series or of another event"
                        ))
                        .at(
                            src,
                            given_id.as_ref().map_or(span.clone(), |(_, s)| s.clone()),
                        )
                        .value(id.as_str())
                        .help("give it its own id = \"...\""),
                    );
                }
                (id, title)
            }
        };
        let fixed = Fixed {
            slot,
            films: film_list,
            series,
            id,
            title,
            intro,
            discussion,
            note,
            audience,
            line,
        };
        let runtimes = fixed.films.iter().map(|&i| films[i].runtime.unwrap_or(0));
        let occupied = p.occupied_with(
            p.intro_of(series, Some(&fixed)),
            p.discussion_of(series, Some(&fixed)),
            runtimes,
        );
        if occupied > p.slots[slot].length {
            diags.push(
                Diagnostic::error(format!(
                    "{} needs {occupied} min (introduction, films, intervals and discussion) but slot `{}` is {} min",
                    f.what, p.slots[slot].id, p.slots[slot].length
                ))
                .at(src, f.get("films").map_or(span.clone(), |v| v.span()))
                .help("use a longer slot, fewer films, or a shorter `intro` or `discussion`"),
            );
        }
        slot_taken.insert(slot, out.len());
        for &film in &fixed.films {
            shown_in.entry(film).or_insert(out.len());
        }
        out.push(fixed);
    }
    occurrences(p, &out, src, diags);
    directors(p, catalogue, &out, src, diags);
    out
}

/// "its copies: 35mm from 2027-05-02 until 2027-05-04".
pub(super) fn copies_text(p: &Programme, film: usize) -> String {
    let list: Vec<String> = p
        .copies
        .iter()
        .filter(|c| c.film == film)
        .map(|c| {
            let mut t = c.format.clone();
            if let Some(a) = c.from {
                t.push_str(&format!(" from {a}"));
            }
            if let Some(b) = c.until {
                t.push_str(&format!(" until {b}"));
            }
            t
        })
        .collect();
    format!("its copies: {}", list.join("; "))
}

/// The fixed screenings of one series: as many programmes as it asks for
/// at most, each shown at most `repeats` times, on different days, never
/// overlapping.
fn occurrences(p: &Programme, fixed: &[Fixed], src: &SourceFile, diags: &mut Vec<Diagnostic>) {
    let at = |f: &Fixed| {
        let mut d = Diagnostic::error(String::new()).in_file(&src.path);
        d.line = Some(f.line);
        d
    };
    for (si, req) in p.series.iter().enumerate() {
        let own: Vec<&Fixed> = fixed.iter().filter(|f| f.series == Some(si)).collect();
        let mut programmes: Vec<Vec<&Fixed>> = Vec::new();
        for f in &own {
            match programmes.iter_mut().find(|g| g[0].films == f.films) {
                Some(g) => g.push(f),
                None => programmes.push(vec![f]),
            }
        }
        if programmes.len() as u32 > req.screenings {
            let mut d = at(programmes[req.screenings as usize][0]);
            d.message = format!(
                "series `{}` asks for {} screenings but {} are fixed",
                req.id,
                req.screenings,
                programmes.len()
            );
            diags.push(d.help("raise its `screenings`, or fix fewer"));
        }
        for g in &programmes {
            if g.len() as u32 > req.repeats {
                let mut d = at(g[req.repeats as usize]);
                d.message = format!(
                    "series `{}` gives each screening {} time{}, but these films are fixed {} times",
                    req.id,
                    req.repeats,
                    if req.repeats == 1 { "" } else { "s" },
                    g.len()
                );
                diags.push(d.help("raise its `repeats`, or fix fewer"));
            }
            for (i, a) in g.iter().enumerate() {
                for b in &g[i + 1..] {
                    if p.slots[a.slot].day() == p.slots[b.slot].day() {
                        let mut d = at(b);
                        d.message = format!(
                            "repeats of one screening of series `{}` must be on different days; lines {} and {} are both on {}",
                            req.id,
                            a.line,
                            b.line,
                            p.slots[a.slot].day()
                        );
                        diags.push(d);
                    }
                }
            }
        }
        for (i, a) in own.iter().enumerate() {
            for b in &own[i + 1..] {
                if p.slots[a.slot].overlaps(&p.slots[b.slot]) {
                    let mut d = at(b);
                    d.message = format!(
                        "fixed screenings of series `{}` overlap (lines {} and {}); a series' screenings never do",
                        req.id, a.line, b.line
                    );
                    diags.push(d);
                }
            }
        }
    }
}

/// `max_per_director` over the fixed films alone.
fn directors(
    p: &Programme,
    catalogue: &Catalogue,
    fixed: &[Fixed],
    src: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(cap) = p.max_per_director else {
        return;
    };
    // Fixed and pinned films are screened whatever else happens.
    let mut films: Vec<usize> = fixed
        .iter()
        .flat_map(|f| f.films.iter().copied())
        .chain(p.series.iter().flat_map(|s| s.pin.iter().copied()))
        .collect();
    films.sort_unstable();
    films.dedup();
    let mut count: HashMap<&str, Vec<usize>> = HashMap::new();
    for &f in &films {
        for d in &catalogue.films()[f].directors {
            count.entry(d).or_default().push(f);
        }
    }
    let mut over: Vec<(&str, Vec<usize>)> = count
        .into_iter()
        .filter(|(_, v)| v.len() as u32 > cap)
        .collect();
    over.sort();
    for (director, list) in over {
        let mut d = Diagnostic::error(format!(
            "the fixed and pinned films include {} by {director}, over max_per_director = {cap}",
            list.len()
        ))
        .in_file(&src.path)
        .value(director);
        let culprit = list[cap as usize];
        d.line = fixed
            .iter()
            .find(|f| f.films.contains(&culprit))
            .map(|f| f.line)
            .or_else(|| {
                p.series.iter().find_map(|s| {
                    let i = s.pin.iter().position(|&x| x == culprit)?;
                    s.pin_lines.get(i).copied()
                })
            });
        diags.push(d);
    }
}

//! What a festival knows before planning: fixed screenings (`[[fixed]]`),
//! copies of films (`[[copy]]`) and what venues project (`formats`), guests
//! and when they are in town (`[[guest]]`), and films without screening
//! rights (`exclude`).
//!
//! A fixed screening is placed as written, so it is checked here as
//! completely as the planner's own screenings are checked afterwards: its
//! slot, films, series, the series' restrictions, the time around the films,
//! copies, guests and `max_per_director` — each problem located at the
//! offending value. [`feasibility`] then looks for requests no plan can
//! meet (a guest never in town when a slot could take their film, a copy
//! never on site), so they are reported before solving, not only as
//! shortfalls after.

use std::collections::HashMap;
use std::ops::Range;

use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};
use jiff::Timestamp;
use toml::de::DeValue;

use super::load::{tables, MAX_INTRO};
use super::qualify::{missing_themes, unmet_criteria};
use super::values::{date, datetime, ranged};
use super::{Copy, Fixed, Guest, Programme};
use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::{did_you_mean, is_slug, slugify};
use crate::toml_fields::{type_name, Fields};

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
const COPY_KEYS: &[&str] = &["film", "format", "from", "until"];
const GUEST_KEYS: &[&str] = &["name", "films", "available", "discussion"];
const WINDOW_KEYS: &[&str] = &["from", "until"];

/// A list of catalogue film ids (`exclude`, a guest's `films`), resolved.
pub(super) fn film_list(
    f: &Fields<'_, '_>,
    key: &str,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for (id, span) in f.str_list(key, diags).unwrap_or_default() {
        match film(id, span, f, catalogue, diags) {
            Some(i) if !out.contains(&i) => out.push(i),
            _ => {}
        }
    }
    out
}

/// One catalogue film id, resolved, or a located error.
fn film(
    id: &str,
    span: Range<usize>,
    f: &Fields<'_, '_>,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = catalogue.position(id);
    if found.is_none() {
        diags.push(
            Diagnostic::error(format!("unknown film `{id}` in {}", f.what))
                .at(f.source, span)
                .value(id)
                .help(
                    did_you_mean(id, catalogue.films().iter().map(|f| f.id.as_str()))
                        .unwrap_or_else(|| {
                            "films are named by their catalogue id (`slate catalog list` shows them)"
                                .into()
                        }),
                ),
        );
    }
    found
}

/// A venue's `formats`: what it projects.
pub(super) fn formats(f: &Fields<'_, '_>, diags: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let list = f.str_list("formats", diags)?;
    let mut out: Vec<String> = Vec::new();
    for (x, span) in list {
        if x.trim().is_empty() {
            diags.push(
                Diagnostic::error(format!("an empty format in {}", f.what))
                    .at(f.source, span)
                    .help("formats are words such as \"DCP\", \"35mm\", \"16mm\" or \"digital\""),
            );
        } else if !out.iter().any(|o| o.eq_ignore_ascii_case(x.trim())) {
            out.push(x.trim().to_string());
        }
    }
    Some(out)
}

/// The `[[copy]]` tables.
pub(super) fn copies(
    top: &Fields<'_, '_>,
    src: &SourceFile,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Copy> {
    let mut out = Vec::new();
    for (table, span) in tables(top, "copy", diags) {
        let line = src.locate(span.start).0;
        let f = Fields::new(table, span.clone(), src, 0, "a copy").plain_text(&[]);
        f.unknown_keys(COPY_KEYS, diags);
        let film_ix = match f.str("film", diags) {
            Some((id, s)) => film(id, s, &f, catalogue, diags),
            None => {
                if f.get("film").is_none() {
                    f.missing("film", "film = \"enthusiasm\"", diags);
                }
                None
            }
        };
        let format = match f.str("format", diags) {
            Some((x, _)) if !x.trim().is_empty() => Some(x.trim().to_string()),
            Some((_, s)) => {
                diags.push(
                    Diagnostic::error("the copy's `format` is empty")
                        .at(src, s)
                        .help("format = \"35mm\""),
                );
                None
            }
            None => {
                if f.get("format").is_none() {
                    f.missing("format", "format = \"35mm\"", diags);
                }
                None
            }
        };
        let day = |key: &str, diags: &mut Vec<Diagnostic>| {
            f.get(key)
                .and_then(|v| date(v.get_ref(), v.span(), src, diags))
        };
        let (from, until) = (day("from", diags), day("until", diags));
        if let (Some(a), Some(b)) = (from, until) {
            if a > b {
                diags.push(
                    Diagnostic::error(format!(
                        "the copy is on site from {a} until {b}: it ends before it begins"
                    ))
                    .at(src, f.get("until").map_or(span.clone(), |v| v.span()))
                    .value(b.to_string()),
                );
            }
        }
        if let (Some(film), Some(format)) = (film_ix, format) {
            out.push(Copy {
                film,
                format,
                from,
                until,
                line,
            });
        }
    }
    out
}

/// A local date-time in the zone: the first occurrence when it happens
/// twice; None (with an error) when it does not exist.
fn instant(
    tz: &TimeZone,
    at: DateTime,
    span: Range<usize>,
    src: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<Timestamp> {
    let offset = match tz.to_ambiguous_zoned(at).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset,
        AmbiguousOffset::Fold { before, .. } => before,
        AmbiguousOffset::Gap { .. } => {
            diags.push(
                Diagnostic::error(format!(
                    "{} does not exist in the programme's time zone (the clocks skip it)",
                    at.strftime("%Y-%m-%d %H:%M")
                ))
                .at(src, span),
            );
            return None;
        }
    };
    offset.to_timestamp(at).ok()
}

/// The `[[guest]]` tables.
pub(super) fn guests(
    top: &Fields<'_, '_>,
    src: &SourceFile,
    catalogue: &Catalogue,
    tz: Option<&TimeZone>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Guest> {
    let mut out: Vec<Guest> = Vec::new();
    for (table, span) in tables(top, "guest", diags) {
        let line = src.locate(span.start).0;
        let mut f = Fields::new(table, span.clone(), src, 0, "a guest").plain_text(&[]);
        let name = f.str("name", diags);
        if let Some((n, _)) = name {
            f.set_what(format!("guest `{}`", n.trim()));
        }
        f.unknown_keys(GUEST_KEYS, diags);
        let name = match name {
            Some((n, s)) if n.trim().is_empty() => {
                diags.push(Diagnostic::error("the guest's `name` is empty").at(src, s));
                None
            }
            Some((n, s)) => {
                if out.iter().any(|g| g.name == n.trim()) {
                    diags.push(
                        Diagnostic::error(format!("guest `{}` is listed twice", n.trim()))
                            .at(src, s)
                            .help("give one [[guest]] table all their films and windows"),
                    );
                    None
                } else {
                    Some(n.trim().to_string())
                }
            }
            None => {
                if f.get("name").is_none() {
                    f.missing("name", "name = \"Ana Ribeiro\"", diags);
                }
                None
            }
        };
        if f.get("films").is_none() {
            f.missing("films", "films = [\"la-reprise\"]", diags);
        }
        let films = film_list(&f, "films", catalogue, diags);
        let discussion =
            ranged(&f, "discussion", 0..=MAX_INTRO, " minutes", diags).map_or(0, |(n, _)| n as u32);
        let mut available = Vec::new();
        if let Some(v) = f.get("available") {
            match v.get_ref() {
                DeValue::Array(items) => {
                    if items.is_empty() {
                        diags.push(
                            Diagnostic::error(format!("`available` of {} is empty", f.what))
                                .at(src, v.span())
                                .help("leave `available` out when the guest is there throughout"),
                        );
                    }
                    for item in items.iter() {
                        let DeValue::Table(t) = item.get_ref() else {
                            diags.push(
                                Diagnostic::error(format!(
                                    "each window of `available` must be a table, found {}",
                                    type_name(item.get_ref())
                                ))
                                .at(src, item.span())
                                .help("available = [{ from = 2027-05-01T18:00:00, until = 2027-05-02T23:00:00 }]"),
                            );
                            continue;
                        };
                        let w =
                            Fields::new(t, item.span(), src, 0, format!("a window of {}", f.what));
                        w.unknown_keys(WINDOW_KEYS, diags);
                        let end = |key: &str, diags: &mut Vec<Diagnostic>| {
                            let v = w.get(key)?;
                            let at = datetime(v.get_ref(), v.span(), src, diags)?;
                            instant(tz?, at, v.span(), src, diags)
                        };
                        let (from, until) = (end("from", diags), end("until", diags));
                        if w.get("from").is_none() && w.get("until").is_none() {
                            diags.push(
                                Diagnostic::error("a window with neither `from` nor `until`")
                                    .at(src, item.span())
                                    .help(
                                        "leave `available` out when the guest is there throughout",
                                    ),
                            );
                        }
                        if let (Some(a), Some(b)) = (from, until) {
                            if a >= b {
                                diags.push(
                                    Diagnostic::error(format!(
                                        "{}: the window ends before it begins",
                                        f.what
                                    ))
                                    .at(src, w.get("until").map_or(item.span(), |v| v.span())),
                                );
                            }
                        }
                        available.push((from, until));
                    }
                }
                other => diags.push(
                    Diagnostic::error(format!(
                        "`available` must be an array of windows, found {}",
                        type_name(other)
                    ))
                    .at(src, v.span())
                    .help(
                        "available = [{ from = 2027-05-01T18:00:00, until = 2027-05-02T23:00:00 }]",
                    ),
                ),
            }
        }
        if let Some(name) = name {
            out.push(Guest {
                name,
                films,
                available,
                discussion,
                line,
            });
        }
    }
    out
}

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
        f.unknown_keys(FIXED_KEYS, diags);
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
fn copies_text(p: &Programme, film: usize) -> String {
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
    let mut films: Vec<usize> = fixed.iter().flat_map(|f| f.films.iter().copied()).collect();
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
            "the fixed screenings show {} films by {director}, over max_per_director = {cap}",
            list.len()
        ))
        .in_file(&src.path)
        .value(director);
        d.line = fixed
            .iter()
            .find(|f| f.films.contains(&list[cap as usize]))
            .map(|f| f.line);
        diags.push(d);
    }
}

/// Requests no plan can meet, found before solving: warnings at the line
/// of the guest, copy or series concerned.
pub(super) fn feasibility(
    catalogue: &Catalogue,
    p: &Programme,
    src: &SourceFile,
) -> Vec<Diagnostic> {
    let films = catalogue.films();
    let mut out = Vec::new();
    let warn = |line: usize, message: String, help: &str| {
        let mut d = Diagnostic::warning(message).in_file(&src.path).help(help);
        d.line = Some(line);
        d
    };
    // Series a film may join (by its criteria), for guests and copies.
    let joins = |film: usize| -> Vec<usize> {
        (0..p.series.len())
            .filter(|&s| {
                p.schedulable(film) && super::qualify::qualifies(catalogue, &p.series[s], film)
            })
            .collect()
    };
    let fixed_film = |film: usize| p.fixed.iter().any(|f| f.films.contains(&film));
    for g in &p.guests {
        for &film in &g.films {
            if fixed_film(film) {
                continue;
            }
            let Some(runtime) = films[film].runtime else {
                continue;
            };
            let series = joins(film);
            let can = series.iter().any(|&s| {
                let discussion = p.discussion_of(Some(s), None).max(g.discussion);
                let need = p.intro_of(Some(s), None) + runtime + discussion;
                p.slots.iter().enumerate().any(|(i, sl)| {
                    p.series[s].placement.allows(sl)
                        && need <= sl.length
                        && p.copy_for(film, i).is_some()
                        && g.available_for(
                            sl.start_at,
                            sl.start_at + jiff::SignedDuration::from_mins(need as i64),
                        )
                })
            });
            if !can {
                out.push(warn(
                    g.line,
                    format!(
                        "guest `{}` can attend no screening of `{}`: {}",
                        g.name,
                        films[film].id,
                        if series.is_empty() {
                            "no series of the programme may use the film".to_string()
                        } else {
                            "no slot its series may use lies inside the guest's windows with room for the film and the discussion".to_string()
                        }
                    ),
                    "the film is screened only with its guest, so it will not be scheduled; widen the guest's `available` windows or add a slot",
                ));
            }
        }
    }
    let mut with_copies: Vec<usize> = p.copies.iter().map(|c| c.film).collect();
    with_copies.sort_unstable();
    with_copies.dedup();
    for film in with_copies {
        if fixed_film(film) {
            continue;
        }
        let series = joins(film);
        if series.is_empty() {
            continue;
        }
        let can = series.iter().any(|&s| {
            p.slots
                .iter()
                .enumerate()
                .any(|(i, sl)| p.series[s].placement.allows(sl) && p.copy_for(film, i).is_some())
        });
        if !can {
            let line = p
                .copies
                .iter()
                .find(|c| c.film == film)
                .map_or(0, |c| c.line);
            out.push(warn(
                line,
                format!(
                    "`{}` cannot be screened: {}, and no slot its series may use is on such a day at a venue projecting it",
                    films[film].id,
                    copies_text(p, film)
                ),
                "change the copy's dates, a venue's `formats`, or the series' restrictions",
            ));
        }
    }
    for c in &p.copies {
        if !p.venues.iter().any(|v| v.projects(&c.format)) {
            out.push(warn(
                c.line,
                format!(
                    "no venue projects {} (the copy of `{}`)",
                    c.format, films[c.film].id
                ),
                "add the format to a venue's `formats`",
            ));
        }
    }
    let requested: u32 = p.series.iter().map(|s| s.screenings * s.repeats).sum();
    let free = p.slots.len() - p.fixed.len();
    let repeated = p.series.iter().any(|s| s.repeats > 1);
    if repeated && requested as usize > free {
        let mut d = Diagnostic::warning(format!(
            "the series ask for {requested} screenings with their repeats, and {free} slots are free"
        ))
        .in_file(&src.path)
        .help("some series will get fewer screenings; the plan says which");
        d.line = None;
        out.push(d);
    }
    for req in &p.series {
        if req.repeats < 2 {
            continue;
        }
        let mut days: Vec<jiff::civil::Date> = p
            .slots
            .iter()
            .filter(|s| req.placement.allows(s))
            .map(|s| s.day())
            .collect();
        days.dedup();
        days.sort();
        days.dedup();
        if (days.len() as u32) < req.repeats {
            out.push(warn(
                req.line,
                format!(
                    "series `{}` repeats each screening {} times on different days, but may use slots on only {} day{}",
                    req.id,
                    req.repeats,
                    days.len(),
                    if days.len() == 1 { "" } else { "s" }
                ),
                "it will get no screenings; lower `repeats` or widen `days`",
            ));
        }
    }
    out
}

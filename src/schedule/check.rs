//! A plan JSON checked before it is published: read, then held to the
//! catalogue and to the hard rules the planner keeps, with every problem at
//! the file, line and column of the offending value.
//!
//! A plan may have been edited by hand, written by another version, or made
//! against a catalogue that has changed since. Publishing it as is would put
//! wrong end times in subscribers' calendars. So, without the programme file
//! (a plan stands alone), the check recomputes what the catalogue decides:
//!
//! - every film exists, with the plan's runtime being the catalogue's (a
//!   title that differs is a warning: the catalogue may have fixed a typo);
//! - each screening's minutes (`intro + Σ runtime + interval × (films − 1) +
//!   discussion`), its end, each film's start and the minutes left free
//!   follow from those runtimes, and it fits its slot; a slot lasts at most
//!   a day;
//! - no film is screened twice, except in repeats (`repeat_of`, another day,
//!   the same series and films); one slot holds one screening; a series'
//!   screenings never overlap; slots never overlap within a venue;
//! - times are RFC 3339, the zone is known, the day is the start's date.
//!
//! Checks name a JSON path (`screenings[3].films[0].runtime`); the file's
//! [`JsonPaths`] turns it into a place.

use std::collections::HashMap;
use std::path::Path;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::Plan;
use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::json_paths::JsonPaths;
use crate::programme::timezone::{fixed_offset_advice, unknown_zone_help};

/// The longest slot a plan may hold (as a programme file's).
const MAX_SLOT_MINUTES: i64 = 24 * 60;

/// A problem, at a JSON path.
struct Finding {
    path: String,
    diagnostic: Diagnostic,
}

#[derive(Default)]
struct Findings(Vec<Finding>);

impl Findings {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) -> &mut Diagnostic {
        self.push(path.into(), Diagnostic::error(message))
    }

    fn warning(&mut self, path: impl Into<String>, message: impl Into<String>) -> &mut Diagnostic {
        self.push(path.into(), Diagnostic::warning(message))
    }

    fn push(&mut self, path: String, diagnostic: Diagnostic) -> &mut Diagnostic {
        self.0.push(Finding { path, diagnostic });
        &mut self.0.last_mut().expect("just pushed").diagnostic
    }
}

fn help(d: &mut Diagnostic, text: impl Into<String>) {
    d.help = Some(text.into());
}

/// Reads a plan JSON and checks it against `catalogue`. Returns the plan and
/// its warnings, or every problem (errors and warnings) found.
pub fn read(
    path: &Path,
    catalogue: &Catalogue,
) -> Result<(Plan, Vec<Diagnostic>), Vec<Diagnostic>> {
    let source = SourceFile::read(path).map_err(|d| vec![*d])?;
    let plan: Plan = serde_json::from_str(&source.text).map_err(|e| {
        let offset = offset_of(&source.text, e.line(), e.column());
        vec![Diagnostic::error(format!(
            "not a plan written by `slate plan --format json`: {e}"
        ))
        .at(&source, offset..offset)]
    })?;
    let paths = JsonPaths::new(&source.text);
    let mut diagnostics: Vec<Diagnostic> = check(&plan, catalogue)
        .0
        .into_iter()
        .map(|f| match paths.nearest(&f.path) {
            Some(span) => f.diagnostic.at(&source, span),
            None => f.diagnostic.in_file(path),
        })
        .collect();
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if diagnostics.iter().any(Diagnostic::is_error) {
        Err(diagnostics)
    } else {
        Ok((plan, diagnostics))
    }
}

/// The byte offset of a 1-based line and column (serde_json's, in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut at = (start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A time of the plan, or a finding at its path.
fn time(findings: &mut Findings, path: String, value: &str) -> Option<Timestamp> {
    match value.parse::<Timestamp>() {
        Ok(t) => Some(t),
        Err(_) => {
            let d = findings.error(path, "not an RFC 3339 time");
            help(
                d,
                "write times as slate plan does, e.g. 2027-03-27T19:30:00+00:00",
            );
            None
        }
    }
}

fn clock(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned(tz.clone())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// Every problem of `plan` against `catalogue`.
fn check(plan: &Plan, catalogue: &Catalogue) -> Findings {
    let mut findings = Findings::default();
    let tz = match TimeZone::get(&plan.timezone) {
        Ok(tz) => {
            if let Some(advice) = fixed_offset_advice(&plan.timezone) {
                let d = findings.warning("timezone", "not a regional time zone");
                help(d, advice);
            }
            tz
        }
        Err(_) => {
            let d = findings.error("timezone", "unknown time zone");
            help(d, unknown_zone_help(&plan.timezone));
            TimeZone::UTC
        }
    };
    let day_starts = plan.day_starts.0;
    let series_ids: Vec<&str> = plan.series.iter().map(|s| s.id.as_str()).collect();
    let mut screening_ids: HashMap<&str, usize> = HashMap::new();
    // Film → (the screening it was first seen in, that screening's group:
    // the original a repeat points at, else itself).
    let mut first_screening_of_film: HashMap<&str, (&str, &str)> = HashMap::new();
    // (venue, slot id) → (start, slot end, path) for overlap checks.
    let mut slots: HashMap<&str, Vec<(Timestamp, Timestamp, &str, String)>> = HashMap::new();
    let mut slot_holder: HashMap<&str, &str> = HashMap::new();
    let mut by_series: HashMap<&str, Vec<(Timestamp, Timestamp, &str, String)>> = HashMap::new();
    for (i, s) in plan.screenings.iter().enumerate() {
        let at = |field: &str| format!("screenings[{i}].{field}");
        if let Some(first) = screening_ids.insert(&s.id, i) {
            findings.error(
                at("id"),
                format!("screening id `{}` is also screening {}'s", s.id, first + 1),
            );
        }
        if let Some(other) = slot_holder.insert(&s.slot, &s.id) {
            findings.error(
                at("slot"),
                format!("slot `{}` already holds screening `{other}`", s.slot),
            );
        }
        if !series_ids.contains(&s.series.as_str()) {
            let d = findings.error(
                at("series"),
                format!("series `{}` is not among the plan's series", s.series),
            );
            help(d, format!("the plan's series: {}", series_ids.join(", ")));
        }
        if s.films.is_empty() {
            findings.error(at("films"), "a screening without films");
        }
        // Runtimes as the catalogue gives them.
        let mut runtimes: Vec<u32> = Vec::new();
        let mut complete = true;
        for (j, f) in s.films.iter().enumerate() {
            let film_at = |field: &str| format!("screenings[{i}].films[{j}].{field}");
            let group = s.repeat_of.as_deref().unwrap_or(&s.id);
            match first_screening_of_film.get(f.id.as_str()) {
                Some((other, other_group)) if *other_group != group => {
                    let d = findings.error(
                        film_at("id"),
                        format!("film `{}` is also screened in `{other}`", f.id),
                    );
                    help(
                        d,
                        "a film is screened once, or again only as a repeat (`repeat_of`) of the same screening",
                    );
                }
                Some(_) => {}
                None => {
                    first_screening_of_film.insert(&f.id, (&s.id, group));
                }
            }
            let Some(film) = catalogue.get(&f.id) else {
                let d = findings.error(film_at("id"), "no film with this id in the catalogue");
                help(
                    d,
                    "plan again with `slate plan`, or correct the id (`slate catalog list` lists them)",
                );
                complete = false;
                continue;
            };
            match film.runtime {
                None => {
                    findings.error(
                        film_at("id"),
                        format!("the catalogue has no runtime for `{}`", f.id),
                    );
                    complete = false;
                }
                Some(r) => {
                    if r != f.runtime {
                        let d = findings.error(
                            film_at("runtime"),
                            format!(
                                "`{}` runs {r} min in the catalogue, not {} min",
                                f.id, f.runtime
                            ),
                        );
                        help(d, format!("write {r}, or plan again with `slate plan`"));
                    }
                    runtimes.push(r);
                }
            }
            if film.title != f.title {
                let d = findings.warning(
                    film_at("title"),
                    format!("the catalogue titles `{}` \"{}\"", f.id, film.title),
                );
                help(d, "the published files use the plan's title");
            }
        }
        let start = time(&mut findings, at("start"), &s.start);
        let end = time(&mut findings, at("end"), &s.end);
        let slot_end = time(&mut findings, at("slot_end"), &s.slot_end);
        let (Some(start), Some(end), Some(slot_end)) = (start, end, slot_end) else {
            continue;
        };
        let local = start.to_zoned(tz.clone()).datetime();
        let festival_day = crate::programme::Slot::festival_day(local, day_starts).to_string();
        if s.day != festival_day {
            let d = findings.error(
                at("day"),
                format!(
                    "the screening starts at {} local time, on festival day {festival_day}, not {}",
                    local.strftime("%Y-%m-%d %H:%M"),
                    s.day
                ),
            );
            help(
                d,
                format!(
                    "a festival day begins at {} (`day_starts`)",
                    plan.day_starts
                ),
            );
        }
        let slot_minutes = (slot_end - start).get_seconds() / 60;
        if slot_end <= start {
            findings.error(at("slot_end"), "the slot ends before it starts");
            continue;
        }
        if slot_minutes > MAX_SLOT_MINUTES {
            let d = findings.error(
                at("slot_end"),
                format!("a slot of {slot_minutes} min; a slot lasts at most a day"),
            );
            help(d, "correct the slot's end");
            continue;
        }
        slots
            .entry(&s.venue)
            .or_default()
            .push((start, slot_end, &s.slot, at("slot_end")));
        if complete && !runtimes.is_empty() {
            let intro = s.intro_minutes(plan.intro);
            let minutes = intro
                + runtimes.iter().sum::<u32>()
                + plan.interval * (runtimes.len() as u32 - 1)
                + s.discussion;
            // Each film's own start: after the introduction, the films
            // before it and the intervals.
            let mut at_film = start + jiff::SignedDuration::from_mins(intro as i64);
            for (j, f) in s.films.iter().enumerate() {
                if let Some(given) = &f.start {
                    if given.parse::<Timestamp>().ok() != Some(at_film) {
                        findings.error(
                            format!("screenings[{i}].films[{j}].start"),
                            format!("the film starts at {}", clock(at_film, &tz)),
                        );
                    }
                }
                at_film += jiff::SignedDuration::from_mins((f.runtime + plan.interval) as i64);
            }
            if minutes as i64 > slot_minutes {
                let d = findings.error(
                    at("films"),
                    format!(
                        "the films need {minutes} min (introduction, intervals and discussion \
                         included) in a {slot_minutes}-min slot"
                    ),
                );
                help(
                    d,
                    "move a film to a longer slot, or plan again with `slate plan`",
                );
            }
            if s.minutes != minutes {
                findings.error(
                    at("minutes"),
                    format!("the screening occupies {minutes} min, not {}", s.minutes),
                );
            }
            let real_end = start + jiff::SignedDuration::from_mins(minutes as i64);
            if end != real_end {
                findings.error(
                    at("end"),
                    format!("the films end at {}", clock(real_end, &tz)),
                );
            }
            let free = (slot_minutes - minutes as i64).max(0) as u32;
            if s.free_minutes != free {
                findings.error(
                    at("free_minutes"),
                    format!("{free} min of the slot are free, not {}", s.free_minutes),
                );
            }
            by_series
                .entry(&s.series)
                .or_default()
                .push((start, real_end, &s.id, at("start")));
        }
    }
    // A repeat points at a screening of the same series and films.
    for (i, s) in plan.screenings.iter().enumerate() {
        let Some(first) = &s.repeat_of else { continue };
        let at = format!("screenings[{i}].repeat_of");
        match screening_ids.get(first.as_str()) {
            None => {
                findings.error(at, format!("no screening `{first}` in the plan"));
            }
            Some(&k) => {
                let o = &plan.screenings[k];
                let ids =
                    |x: &super::Screening| x.films.iter().map(|f| f.id.clone()).collect::<Vec<_>>();
                if o.series != s.series || ids(o) != ids(s) {
                    findings.error(
                        at,
                        format!("`{first}` is not a screening of the same series and films"),
                    );
                } else if o.repeat_of.is_some() {
                    findings.error(
                        at,
                        format!("`{first}` is itself a repeat; point at the first screening"),
                    );
                } else if o.day == s.day {
                    findings.error(
                        at,
                        format!("`{first}` is on the same day; repeats are on other days"),
                    );
                }
            }
        }
    }
    for (i, o) in plan.open_slots.iter().enumerate() {
        let at = |field: &str| format!("open_slots[{i}].{field}");
        let start = time(&mut findings, at("start"), &o.start);
        let end = time(&mut findings, at("end"), &o.end);
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start || (end - start).get_seconds() / 60 > MAX_SLOT_MINUTES {
                findings.error(
                    at("end"),
                    "a slot lasts more than nothing and at most a day",
                );
            } else {
                slots
                    .entry(&o.venue)
                    .or_default()
                    .push((start, end, &o.id, at("start")));
            }
        }
        if let Some(other) = slot_holder.insert(&o.id, "an open slot") {
            findings.error(at("id"), format!("slot `{}` is also in `{other}`", o.id));
        }
    }
    for (venue, list) in slots {
        for (a, b) in overlapping(list) {
            findings.error(
                b.3.clone(),
                format!(
                    "slot `{}` overlaps slot `{}` at venue `{venue}` ({} – {})",
                    b.2,
                    a.2,
                    clock(a.0, &tz),
                    clock(a.1, &tz)
                ),
            );
        }
    }
    for (series, list) in by_series {
        for (a, b) in overlapping(list) {
            findings.error(
                b.3.clone(),
                format!(
                    "screening `{}` of series `{series}` overlaps its screening `{}`",
                    b.2, a.2
                ),
            );
        }
    }
    findings
}

type Interval<'a> = (Timestamp, Timestamp, &'a str, String);

/// Every overlapping pair of intervals (sweep over the starts): each pair
/// once, the earlier first; in order, so the report is deterministic.
fn overlapping(mut list: Vec<Interval<'_>>) -> Vec<(Interval<'_>, Interval<'_>)> {
    list.sort_by(|a, b| (a.0, a.2).cmp(&(b.0, b.2)));
    let mut pairs = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (k, item) in list.iter().enumerate() {
        open.retain(|&o| list[o].1 > item.0);
        for &o in &open {
            pairs.push((list[o].clone(), item.clone()));
        }
        open.push(k);
    }
    pairs
}

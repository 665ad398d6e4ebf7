//! iCalendar export of a plan: one VEVENT per screening, a VTIMEZONE built
//! from the IANA data, stable UIDs, and clean re-publishing against the file
//! published before.
//!
//! - Each event: SUMMARY (the film's title; "Double bill: A + B"; "Shorts
//!   programme: <series>" for three shorts or more, else the titles), DTSTART/DTEND with the
//!   programme's TZID (DTEND is the screening's real end, discussion
//!   included), DESCRIPTION (series; introduction, discussion and guests,
//!   a fixed screening's note and the other occurrences of a repeated
//!   programme, one to a line; each film — with its own start time when the
//!   screening has several — with director, year, countries, runtime, copy
//!   format and synopsis), LOCATION (venue name and address), CATEGORIES (series
//!   title and the films' themes), UID, DTSTAMP, SEQUENCE, LAST-MODIFIED,
//!   URL (the venue's, when it is an `http(s)` address), STATUS, and
//!   `X-SLATE-*` properties (venue, series, day, screening id, film ids)
//!   that let a later run place a cancelled event in the right split file
//!   and recognise a moved screening. The calendar carries
//!   `X-SLATE-PROGRAMME`: the programme's identity.
//! - UIDs are name-based UUIDs (v5) of the programme's identity (its `id`,
//!   else its name) and the screening's id `<series>@<slot>`: no clock, no
//!   randomness.
//! - Re-publishing (`previous`): a screening keeps the UID it was published
//!   under — the same UID, else (same programme) the event published for the
//!   same screening id, else a *move*: a screening that vanished and one that
//!   appeared with the same series and films are one screening moved (paired
//!   nearest start first, then by id), which keeps the old UID with
//!   SEQUENCE+1 instead of a cancellation and a new event. An event whose
//!   times, place and texts are unchanged keeps its SEQUENCE and
//!   LAST-MODIFIED; a changed one gets SEQUENCE+1 (capped at 2147483647) and
//!   a new LAST-MODIFIED; a screening that is gone is published once more
//!   with STATUS:CANCELLED, SEQUENCE+1 and its SUMMARY prefixed
//!   "Cancelled: " — Google removes cancelled events and Apple strikes them
//!   through, and the prefix reads right in both and in clients that ignore
//!   STATUS. What changed is counted in [`Changes`].
//! - Identity: when not one previous UID survives although most screenings
//!   are the same (the programme's name or id changed), or the previous file
//!   is not a slate calendar of this programme, publishing is refused with
//!   an [`IdentityError`] — unless `new_identity` says it is on purpose (then
//!   every previous event is cancelled and the plan's events are new).
//! - DTSTAMP (and LAST-MODIFIED of new changes) is `now`: from `--now`, or
//!   `SOURCE_DATE_EPOCH`, or the clock — so output can be byte-identical.

pub mod lines;
pub mod previous;
mod republish;
mod split;
pub mod vtimezone;

use republish::check_identity;
pub use republish::{Changes, IdentityError};
pub use split::{split, unique_stems, Split};

use std::collections::HashMap;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use super::facts::{facts, film_starts, paragraphs, series_description, Shown};
use super::markdown::clock;
use crate::catalogue::Catalogue;
use crate::schedule::{Plan, Screening};
use lines::{param, push, text};
use previous::{Previous, PreviousEvent, SEQUENCE_MAX};

/// How often subscribers should refresh.
pub const REFRESH: &str = "PT12H";

/// Export settings.
pub struct Options<'a> {
    /// DTSTAMP, and LAST-MODIFIED of what changes now.
    pub now: Timestamp,
    /// The calendar published last time.
    pub previous: Option<&'a Previous>,
    /// Publish under the plan's identity even though the previous calendar
    /// is of another identity: its events are all cancelled, none carries on.
    pub new_identity: bool,
}

pub use super::ExportError;

/// One event, rendered property by property (values already escaped).
#[derive(Debug, Clone)]
pub struct Event {
    pub uid: String,
    pub sequence: u32,
    pub last_modified: String,
    pub cancelled: bool,
    pub start: Timestamp,
    pub end: Timestamp,
    /// (name with parameters, value), in output order, without UID/DTSTAMP/SEQUENCE/LAST-MODIFIED/STATUS.
    pub props: Vec<(String, String)>,
    pub venue: String,
    pub series: String,
    pub day: String,
}

impl Event {
    /// The plan's id of the screening (`<series>@<slot>`), when known.
    pub fn screening(&self) -> Option<String> {
        self.prop("X-SLATE-SCREENING").map(lines::unescape)
    }

    /// A text property's value, unescaped (`SUMMARY`, `LOCATION`).
    pub fn text_of(&self, name: &str) -> Option<String> {
        self.prop(name).map(lines::unescape)
    }

    fn prop(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(n, _)| n.split(';').next() == Some(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The UID of a screening: a name-based UUID, stable across runs.
pub fn uid(programme: &str, screening: &str) -> String {
    let name = format!("slate:{programme}/{screening}");
    format!(
        "{}@slate",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
    )
}

/// The programme's identity, the namespace of its UIDs: its `id`, else its name.
pub fn identity(plan: &Plan) -> &str {
    plan.programme_id.as_deref().unwrap_or(&plan.programme)
}

fn utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn parse_time(s: &Screening, value: &str) -> Result<Timestamp, ExportError> {
    super::instant(&s.id, value)
}

/// SEQUENCE + 1, never past the RFC 5545 maximum.
fn bump(sequence: u32) -> u32 {
    sequence.saturating_add(1).min(SEQUENCE_MAX)
}

/// The summary of a screening: the title; "Double bill: A + B"; for three
/// films or more, "Shorts programme: <series>" when all are shorts (40 min
/// or less), otherwise the titles joined by " + ".
pub fn summary(s: &Screening) -> String {
    match s.films.as_slice() {
        [one] => one.title.clone(),
        [a, b] => format!("Double bill: {} + {}", a.title, b.title),
        films
            if films
                .iter()
                .all(|f| f.runtime <= crate::catalogue::SHORT_MAX_MINUTES) =>
        {
            format!("Shorts programme: {}", s.series_title)
        }
        films => films
            .iter()
            .map(|f| f.title.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// The event's text: the series and programme, and the series'
/// description (a paragraph a line); the introduction, the
/// discussion and guests, the note and the other occurrences, one to a
/// line; then each film — with its own start when the screening has more
/// than one, its credits, runtime, copy format and synopsis.
pub(crate) fn description(s: &Screening, plan: &Plan, catalogue: Option<&Catalogue>) -> String {
    let mut d = format!("{} — {}", s.series_title, plan.programme);
    for p in series_description(plan, s)
        .map(paragraphs)
        .unwrap_or_default()
    {
        d.push('\n');
        d.push_str(&p);
    }
    for fact in facts(plan, s, Shown::Always) {
        d.push('\n');
        d.push_str(&sentence(&fact.text()));
    }
    let starts = film_starts(plan, s);
    for (f, start) in s.films.iter().zip(&starts) {
        let film = catalogue.and_then(|c| c.get(&f.id));
        d.push_str("\n\n");
        if let (true, Some(at)) = (s.films.len() > 1, start) {
            d.push_str(&format!("{} ", clock(at)));
        }
        d.push_str(&f.title);
        if let Some(y) = f.year {
            d.push_str(&format!(" ({y})"));
        }
        if !f.directors.is_empty() {
            d.push_str(&format!(", directed by {}", f.directors.join(", ")));
        }
        if let Some(film) = film.filter(|x| !x.countries.is_empty()) {
            d.push_str(&format!("; {}", film.countries.join(", ")));
        }
        d.push_str(&format!("; {} min", f.runtime));
        if let Some(format) = f.format.as_deref().filter(|x| !x.trim().is_empty()) {
            d.push_str(&format!("; {}", format.trim()));
        }
        d.push('.');
        if let Some(syn) = film.and_then(|x| x.synopsis.as_ref()) {
            d.push_str(&format!("\n{syn}"));
        }
    }
    d
}

/// A phrase as a sentence: a full stop unless it ends in punctuation.
fn sentence(phrase: &str) -> String {
    if phrase.ends_with(['.', '!', '?', '…']) {
        phrase.to_string()
    } else {
        format!("{phrase}.")
    }
}

fn categories(s: &Screening, catalogue: Option<&Catalogue>) -> String {
    let mut cats = vec![s.series_title.clone()];
    if let Some(cat) = catalogue {
        for f in &s.films {
            if let Some(film) = cat.get(&f.id) {
                for t in &film.themes {
                    if let Some(theme) = cat.vocabulary().get(t) {
                        if !cats.contains(&theme.label) {
                            cats.push(theme.label.clone());
                        }
                    }
                }
            }
        }
    }
    cats.iter().map(|c| text(c)).collect::<Vec<_>>().join(",")
}

/// A DTSTART/DTEND property: local time with the zone's TZID — or, for a
/// time that happens twice when clocks go back, the UTC form: a TZID form
/// means the first occurrence (RFC 5545), so it cannot express the second,
/// and readers do not agree on the first either (vobject takes the second),
/// so either occurrence is written as the instant it is.
fn time_prop(name: &str, ts: Timestamp, tz: &TimeZone, tzid: &str) -> (String, String) {
    let local = ts.to_zoned(tz.clone()).datetime();
    let unambiguous = matches!(
        tz.to_ambiguous_zoned(local).offset(),
        jiff::tz::AmbiguousOffset::Unambiguous { .. }
    );
    if unambiguous {
        (
            format!("{name};TZID={tzid}"),
            local.strftime("%Y%m%dT%H%M%S").to_string(),
        )
    } else {
        (name.to_string(), utc(ts))
    }
}

/// The events of a plan, with UIDs, SEQUENCE and cancellations settled
/// against the previous calendar, and what changed. Cancelled events follow
/// the plan's, by start.
pub fn events(
    plan: &Plan,
    catalogue: Option<&Catalogue>,
    options: &Options,
) -> Result<(Vec<Event>, Changes), ExportError> {
    let tz = super::zone(plan)?;
    let now = utc(options.now);
    let tzid = param(&plan.timezone);
    let namespace = identity(plan);
    let mut out = Vec::with_capacity(plan.screenings.len());
    for s in &plan.screenings {
        let start = parse_time(s, &s.start)?;
        let end = parse_time(s, &s.end)?;
        let mut location = s.venue_name.clone();
        if let Some(a) = &s.venue_address {
            location.push_str(&format!(", {a}"));
        }
        let mut props = vec![
            time_prop("DTSTART", start, &tz, &tzid),
            time_prop("DTEND", end, &tz, &tzid),
            ("SUMMARY".to_string(), text(&summary(s))),
            (
                "DESCRIPTION".to_string(),
                text(&description(s, plan, catalogue)),
            ),
            ("LOCATION".to_string(), text(&location)),
            ("CATEGORIES".to_string(), categories(s, catalogue)),
        ];
        if let Some(url) = s.venue_url.as_deref().and_then(super::web_url) {
            props.push(("URL".to_string(), url.to_string()));
        }
        props.push(("TRANSP".to_string(), "OPAQUE".to_string()));
        props.push(("X-SLATE-SCREENING".to_string(), text(&s.id)));
        props.push(("X-SLATE-FILMS".to_string(), text(&film_ids(s).join(","))));
        out.push(Event {
            uid: uid(namespace, &s.id),
            sequence: 0,
            last_modified: now.clone(),
            cancelled: false,
            start,
            end,
            props,
            venue: s.venue.clone(),
            series: s.series.clone(),
            day: s.day.clone(),
        });
    }
    let mut changes = Changes {
        events: out.len(),
        first: options.previous.is_none(),
        new: out.len(),
        ..Changes::default()
    };
    let Some(previous) = options.previous else {
        return Ok((out, changes));
    };
    changes.new = 0;
    // Which previous event each screening was published as.
    let mut claimed: Vec<Option<usize>> = out.iter().map(|e| previous.index(&e.uid)).collect();
    if !options.new_identity {
        check_identity(plan, previous, claimed.iter().flatten().count())?;
    }
    let mut taken = vec![false; previous.events.len()];
    for j in claimed.iter().flatten() {
        taken[*j] = true;
    }
    let mut moved = vec![false; out.len()];
    if !options.new_identity {
        // The event published for the same screening id under this identity
        // (a screening moved before keeps the UID it was first published under).
        if previous.programme.as_deref() == Some(namespace) {
            let mut by_screening: HashMap<&str, usize> = HashMap::new();
            for (j, old) in previous.events.iter().enumerate() {
                if !taken[j] && !old.cancelled && !old.screening.is_empty() {
                    by_screening.entry(old.screening.as_str()).or_insert(j);
                }
            }
            for (i, s) in plan.screenings.iter().enumerate() {
                if claimed[i].is_none() {
                    if let Some(&j) = by_screening.get(s.id.as_str()) {
                        if !taken[j] {
                            claimed[i] = Some(j);
                            taken[j] = true;
                        }
                    }
                }
            }
        }
        // Moves: a vanished screening and a new one of the same series and films.
        let mut vanished: HashMap<(&str, &[String]), Vec<usize>> = HashMap::new();
        for (j, old) in previous.events.iter().enumerate() {
            if let (false, false, Some(films)) = (taken[j], old.cancelled, &old.films) {
                vanished
                    .entry((old.series.as_str(), films.as_slice()))
                    .or_default()
                    .push(j);
            }
        }
        let mut pairs = Vec::new();
        if !vanished.is_empty() {
            for (i, s) in plan.screenings.iter().enumerate() {
                if claimed[i].is_some() {
                    continue;
                }
                let films = film_ids(s);
                if let Some(olds) = vanished.get(&(s.series.as_str(), films.as_slice())) {
                    for &j in olds {
                        let old = &previous.events[j];
                        let distance = (out[i].start.as_second() - old.start.as_second()).abs();
                        pairs.push((distance, s.id.as_str(), old.uid.as_str(), i, j));
                    }
                }
            }
        }
        pairs.sort_unstable();
        for (_, _, _, i, j) in pairs {
            if claimed[i].is_none() && !taken[j] {
                claimed[i] = Some(j);
                taken[j] = true;
                moved[i] = true;
            }
        }
    }
    for (i, event) in out.iter_mut().enumerate() {
        let Some(j) = claimed[i] else {
            changes.new += 1;
            continue;
        };
        let old = &previous.events[j];
        event.uid = old.uid.clone();
        if !old.cancelled && same(old, event) {
            event.sequence = old.sequence;
            event.last_modified = old.last_modified.clone().unwrap_or(now.clone());
            changes.unchanged += 1;
        } else {
            event.sequence = bump(old.sequence);
            if moved[i] {
                changes.moved += 1;
            } else {
                changes.changed += 1;
            }
        }
    }
    let mut gone: Vec<&PreviousEvent> = previous
        .events
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(e, _)| e)
        .collect();
    gone.sort_by(|a, b| (a.start, &a.uid).cmp(&(b.start, &b.uid)));
    for old in gone {
        if old.cancelled {
            changes.still_cancelled += 1;
        } else {
            changes.cancelled += 1;
        }
        out.push(cancelled(old, &now, &tz, &tzid));
    }
    changes.events = out.len();
    Ok((out, changes))
}

/// The ids of a screening's films, in order.
fn film_ids(s: &Screening) -> Vec<String> {
    s.films.iter().map(|f| f.id.clone()).collect()
}

/// Whether an event reads the same as before: times, place and texts.
fn same(old: &PreviousEvent, new: &Event) -> bool {
    old.start == new.start
        && old.end == new.end
        && ["SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "URL"]
            .iter()
            .all(|name| old.value(name) == new.prop(name))
}

/// A screening that is gone, published as cancelled — from the previous
/// event's cleaned properties only.
fn cancelled(old: &PreviousEvent, now: &str, tz: &TimeZone, tzid: &str) -> Event {
    let mut props = vec![
        time_prop("DTSTART", old.start, tz, tzid),
        time_prop("DTEND", old.end, tz, tzid),
    ];
    if old.value("SUMMARY").is_none() {
        props.push(("SUMMARY".to_string(), "Cancelled".to_string()));
    }
    for (name, value) in &old.props {
        let value = if name == "SUMMARY" && !value.starts_with("Cancelled: ") && !old.cancelled {
            format!("Cancelled: {value}")
        } else {
            value.clone()
        };
        props.push((name.clone(), value));
    }
    if !old.screening.is_empty() {
        props.push(("X-SLATE-SCREENING".to_string(), text(&old.screening)));
    }
    if let Some(films) = &old.films {
        props.push(("X-SLATE-FILMS".to_string(), text(&films.join(","))));
    }
    Event {
        uid: old.uid.clone(),
        sequence: if old.cancelled {
            old.sequence
        } else {
            bump(old.sequence)
        },
        last_modified: match (&old.last_modified, old.cancelled) {
            (Some(lm), true) => lm.clone(),
            _ => now.to_string(),
        },
        cancelled: true,
        start: old.start,
        end: old.end,
        props,
        venue: old.venue.clone(),
        series: old.series.clone(),
        day: old.day.clone(),
    }
}

/// A whole calendar of `events`.
pub fn calendar(
    plan: &Plan,
    name: &str,
    events: &[&Event],
    now: Timestamp,
) -> Result<String, ExportError> {
    let tz = super::zone(plan)?;
    let mut out = String::new();
    push(&mut out, "BEGIN:VCALENDAR");
    push(&mut out, "VERSION:2.0");
    push(
        &mut out,
        &format!("PRODID:-//slate//slate {}//EN", env!("CARGO_PKG_VERSION")),
    );
    push(&mut out, "CALSCALE:GREGORIAN");
    push(&mut out, "METHOD:PUBLISH");
    push(&mut out, &format!("NAME:{}", text(name)));
    push(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    push(&mut out, &format!("X-WR-TIMEZONE:{}", text(&plan.timezone)));
    push(
        &mut out,
        &format!("REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}"),
    );
    push(&mut out, &format!("X-PUBLISHED-TTL:{REFRESH}"));
    push(
        &mut out,
        &format!("X-SLATE-PROGRAMME:{}", text(identity(plan))),
    );
    // The zone over the span of the programme and of these events.
    let mut span: Option<(Timestamp, Timestamp)> = None;
    let plan_times = plan
        .screenings
        .iter()
        .filter_map(|s| Some((s.start.parse::<Timestamp>().ok()?, s.end.parse().ok()?)));
    for (a, b) in plan_times.chain(events.iter().map(|e| (e.start, e.end))) {
        span = Some(match span {
            None => (a, b),
            Some((x, y)) => (x.min(a), y.max(b)),
        });
    }
    // From the observance in force at the first event to the first change
    // after the last (200 days always reach one in a zone with daylight
    // saving), so clients see both the standard and the daylight offsets;
    // no more, as some parsers (ics-py) give up on long calendars.
    let (from, to) = span.unwrap_or((now, now));
    let day = jiff::SignedDuration::from_hours(24);
    vtimezone::write(
        &mut out,
        &plan.timezone,
        &tz,
        from,
        to.checked_add(day * 200).unwrap_or(to),
    );
    let stamp = utc(now);
    for e in events {
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:{}", e.uid));
        push(&mut out, &format!("DTSTAMP:{stamp}"));
        push(&mut out, &format!("SEQUENCE:{}", e.sequence));
        push(&mut out, &format!("LAST-MODIFIED:{}", e.last_modified));
        push(
            &mut out,
            &format!(
                "STATUS:{}",
                if e.cancelled {
                    "CANCELLED"
                } else {
                    "CONFIRMED"
                }
            ),
        );
        for (name, value) in &e.props {
            if name.starts_with("X-SLATE-") {
                continue;
            }
            push(&mut out, &format!("{name}:{value}"));
        }
        for (name, value) in [
            ("X-SLATE-VENUE", &e.venue),
            ("X-SLATE-SERIES", &e.series),
            ("X-SLATE-DAY", &e.day),
        ] {
            push(&mut out, &format!("{name}:{}", text(value)));
        }
        for (name, value) in &e.props {
            if name.starts_with("X-SLATE-") {
                push(&mut out, &format!("{name}:{value}"));
            }
        }
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// A plan published: its events (re-published against the previous
/// calendar, if any), what changed, and the calendar of them all.
#[derive(Debug, Clone)]
pub struct Published {
    pub events: Vec<Event>,
    pub changes: Changes,
    pub calendar: String,
}

/// A plan's events (re-published against `options.previous`, if any) and
/// the calendar of them all.
pub fn publish(
    plan: &Plan,
    catalogue: Option<&Catalogue>,
    options: &Options,
) -> Result<Published, ExportError> {
    let (events, changes) = events(plan, catalogue, options)?;
    let all: Vec<&Event> = events.iter().collect();
    let calendar = calendar(plan, &plan.programme, &all, options.now)?;
    Ok(Published {
        events,
        changes,
        calendar,
    })
}

#[cfg(test)]
mod tests;

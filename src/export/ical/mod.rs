//! iCalendar export of a plan: one VEVENT per screening, a VTIMEZONE built
//! from the IANA data, stable UIDs, and clean re-publishing against the file
//! published before.
//!
//! - Each event: SUMMARY (the film's title; "Double bill: A + B"; "Shorts
//!   programme: <series>" for three shorts or more, else the titles), DTSTART/DTEND with the
//!   programme's TZID (DTEND is the screening's real end), DESCRIPTION
//!   (series, introduction, each film's director, year, countries, runtime
//!   and synopsis), LOCATION (venue name and address), CATEGORIES (series
//!   title and the films' themes), UID, DTSTAMP, SEQUENCE, LAST-MODIFIED,
//!   URL (the venue's, when known), STATUS, and `X-SLATE-*` properties that
//!   let a later run place a cancelled event in the right split file.
//! - UIDs are name-based UUIDs (v5) of the programme's name and the
//!   screening's stable id `<series>@<slot>`: no clock, no randomness.
//! - Re-publishing (`previous`): an event whose times, place and texts are
//!   unchanged keeps its SEQUENCE and LAST-MODIFIED; a changed one keeps its
//!   UID with SEQUENCE+1 and a new LAST-MODIFIED; a screening that is gone
//!   is published once more with STATUS:CANCELLED, SEQUENCE+1 and its
//!   SUMMARY prefixed "Cancelled: " — Google removes cancelled events and
//!   Apple strikes them through, and the prefix reads right in both and in
//!   clients that ignore STATUS.
//! - DTSTAMP (and LAST-MODIFIED of new changes) is `now`: from `--now`, or
//!   `SOURCE_DATE_EPOCH`, or the clock — so output can be byte-identical.

pub mod lines;
pub mod previous;
pub mod vtimezone;

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::catalogue::Catalogue;
use crate::schedule::{Plan, Screening};
use lines::{param, push, text};
use previous::{Previous, PreviousEvent};

/// How often subscribers should refresh.
pub const REFRESH: &str = "PT12H";

/// How to split a programme into calendars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Venue,
    Series,
    Day,
    /// One calendar per screening: "add this screening".
    Screening,
}

/// Export settings.
pub struct Options<'a> {
    /// DTSTAMP, and LAST-MODIFIED of what changes now.
    pub now: Timestamp,
    /// The calendar published last time.
    pub previous: Option<&'a Previous>,
}

pub use super::ExportError;

/// One event, rendered property by property (values already escaped).
#[derive(Debug, Clone)]
pub struct Event {
    pub uid: String,
    pub sequence: u32,
    pub last_modified: String,
    pub cancelled: bool,
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

fn utc(ts: Timestamp) -> String {
    ts.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn parse_time(s: &Screening, value: &str) -> Result<Timestamp, ExportError> {
    super::instant(&s.id, value)
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

fn description(s: &Screening, plan: &Plan, catalogue: Option<&Catalogue>) -> String {
    let mut d = format!("{} — {}", s.series_title, plan.programme);
    if plan.intro > 0 {
        d.push_str(&format!("\nIntroduced ({} min).", plan.intro));
    }
    for f in &s.films {
        let film = catalogue.and_then(|c| c.get(&f.id));
        let mut line = format!("\n\n{}", f.title);
        if let Some(y) = f.year {
            line.push_str(&format!(" ({y})"));
        }
        if !f.directors.is_empty() {
            line.push_str(&format!(", directed by {}", f.directors.join(", ")));
        }
        if let Some(film) = film.filter(|x| !x.countries.is_empty()) {
            line.push_str(&format!("; {}", film.countries.join(", ")));
        }
        line.push_str(&format!("; {} min.", f.runtime));
        if let Some(syn) = film.and_then(|x| x.synopsis.as_ref()) {
            line.push_str(&format!("\n{syn}"));
        }
        d.push_str(&line);
    }
    d
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

/// The events of a plan, with SEQUENCE and cancellations settled against
/// the previous calendar. Cancelled events follow the plan's, by start.
pub fn events(
    plan: &Plan,
    catalogue: Option<&Catalogue>,
    options: &Options,
) -> Result<Vec<Event>, ExportError> {
    let tz = super::zone(plan)?;
    let now = utc(options.now);
    let tzid = param(&plan.timezone);
    let mut out = Vec::new();
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
        if let Some(url) = &s.venue_url {
            props.push((
                "URL".to_string(),
                url.chars().filter(|c| !c.is_control()).collect(),
            ));
        }
        props.push(("TRANSP".to_string(), "OPAQUE".to_string()));
        props.push(("X-SLATE-SCREENING".to_string(), text(&s.id)));
        let uid = uid(&plan.programme, &s.id);
        let mut event = Event {
            uid: uid.clone(),
            sequence: 0,
            last_modified: now.clone(),
            cancelled: false,
            props,
            venue: s.venue.clone(),
            series: s.series.clone(),
            day: s.day.clone(),
        };
        if let Some(old) = options.previous.and_then(|p| p.get(&uid)) {
            if !old.cancelled && same(old, &event) {
                event.sequence = old.sequence;
                event.last_modified = old.last_modified.clone().unwrap_or(now.clone());
            } else {
                event.sequence = old.sequence + 1;
            }
        }
        out.push(event);
    }
    if let Some(previous) = options.previous {
        let mut gone: Vec<&PreviousEvent> = previous
            .events
            .iter()
            .filter(|e| !out.iter().any(|n| n.uid == e.uid))
            .collect();
        gone.sort_by(|a, b| (&a.sort_key, &a.uid).cmp(&(&b.sort_key, &b.uid)));
        for old in gone {
            out.push(cancelled(old, &now));
        }
    }
    Ok(out)
}

/// A DTSTART/DTEND property: local time with the zone's TZID — or, for the
/// second occurrence of a time that happens twice when clocks go back (which
/// a TZID form cannot express: it means the first), the UTC form.
fn time_prop(name: &str, ts: Timestamp, tz: &TimeZone, tzid: &str) -> (String, String) {
    let local = ts.to_zoned(tz.clone()).datetime();
    let first = tz
        .to_ambiguous_zoned(local)
        .earlier()
        .map(|z| z.timestamp())
        .ok();
    if first == Some(ts) {
        (
            format!("{name};TZID={tzid}"),
            local.strftime("%Y%m%dT%H%M%S").to_string(),
        )
    } else {
        (name.to_string(), utc(ts))
    }
}

/// Whether an event reads the same as before: times, place and texts.
fn same(old: &PreviousEvent, new: &Event) -> bool {
    [
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "DESCRIPTION",
        "LOCATION",
        "CATEGORIES",
        "URL",
    ]
    .iter()
    .all(|name| old.value(name) == new.prop(name))
}

/// A screening that is gone, published as cancelled.
fn cancelled(old: &PreviousEvent, now: &str) -> Event {
    let mut props: Vec<(String, String)> = old.props.clone();
    if !old.cancelled {
        for (name, value) in props.iter_mut() {
            if name == "SUMMARY" && !value.starts_with("Cancelled: ") {
                *value = format!("Cancelled: {value}");
            }
        }
    }
    Event {
        uid: old.uid.clone(),
        sequence: if old.cancelled {
            old.sequence
        } else {
            old.sequence + 1
        },
        last_modified: if old.cancelled {
            old.last_modified.clone().unwrap_or_else(|| now.to_string())
        } else {
            now.to_string()
        },
        cancelled: true,
        props,
        venue: old.slate("X-SLATE-VENUE"),
        series: old.slate("X-SLATE-SERIES"),
        day: old.slate("X-SLATE-DAY"),
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
    // The zone over the span of the programme (and of cancelled events).
    let mut span: Option<(Timestamp, Timestamp)> = None;
    for s in &plan.screenings {
        if let (Ok(a), Ok(b)) = (s.start.parse::<Timestamp>(), s.end.parse::<Timestamp>()) {
            span = Some(match span {
                None => (a, b),
                Some((x, y)) => (x.min(a), y.max(b)),
            });
        }
    }
    let (from, to) = span.unwrap_or((now, now));
    let day = jiff::SignedDuration::from_hours(24);
    vtimezone::write(
        &mut out,
        &plan.timezone,
        &tz,
        from.checked_sub(day * 400).unwrap_or(from),
        to.checked_add(day * 400).unwrap_or(to),
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
        if let Some((_, v)) = e.props.iter().find(|(n, _)| n == "X-SLATE-SCREENING") {
            push(&mut out, &format!("X-SLATE-SCREENING:{v}"));
        }
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    Ok(out)
}

/// A plan's events (re-published against `options.previous`, if any) and
/// the calendar of them all.
pub fn publish(
    plan: &Plan,
    catalogue: Option<&Catalogue>,
    options: &Options,
) -> Result<(Vec<Event>, String), ExportError> {
    let evs = events(plan, catalogue, options)?;
    let all: Vec<&Event> = evs.iter().collect();
    let whole = calendar(plan, &plan.programme, &all, options.now)?;
    Ok((evs, whole))
}

/// The calendars of a split: file stem → (calendar name, events).
pub fn split<'e>(
    plan: &Plan,
    events: &'e [Event],
    by: Split,
) -> BTreeMap<String, (String, Vec<&'e Event>)> {
    let mut out: BTreeMap<String, (String, Vec<&Event>)> = BTreeMap::new();
    for e in events {
        let (key, label) = match by {
            Split::Venue => (
                format!("venue-{}", e.venue),
                plan.screenings
                    .iter()
                    .find(|s| s.venue == e.venue)
                    .map(|s| s.venue_name.clone())
                    .unwrap_or_else(|| e.venue.clone()),
            ),
            Split::Series => (
                format!("series-{}", e.series),
                plan.series
                    .iter()
                    .find(|s| s.id == e.series)
                    .map(|s| s.title.clone())
                    .unwrap_or_else(|| e.series.clone()),
            ),
            Split::Day => (
                format!("day-{}", e.day),
                crate::export::markdown::day_heading(&e.day),
            ),
            Split::Screening => {
                let id = e.screening().unwrap_or_else(|| e.uid.clone());
                let label = e.prop("SUMMARY").map(lines::unescape).unwrap_or_default();
                (format!("screening-{id}"), label)
            }
        };
        let entry = out
            .entry(crate::text::slugify(&key))
            .or_insert_with(|| (format!("{} — {label}", plan.programme), Vec::new()));
        entry.1.push(e);
    }
    out
}

//! The plan as a frab/pretalx schedule (`schedule.xml` and `schedule.json`),
//! the format festival and conference apps read: Giggity, EventFahrplan,
//! ConfClerk, Fahrplan, info-beamer signage. The format is defined by the
//! C3VOC schedule project's XSD and JSON schema; the tests validate what is
//! written here against both.
//!
//! One model ([`Schedule`]) is built from the plan and written two ways, so
//! the XML and the JSON never disagree. Choices, where the format leaves
//! them to the producer:
//! - a day is a festival day: the plan's screening `day`s, each from the
//!   plan's `day_starts` local time to the same time the next morning (or
//!   wider when a screening ends later), so a late show belongs to the
//!   evening it follows, as on the page and in the day calendars;
//! - a room is a venue; a track is a series; an event is a screening, of
//!   type `screening`, titled as its calendar event is, its subtitle the
//!   films' credits, its persons the guests who attend it, its description
//!   the calendar event's text;
//! - an event's `guid` is its calendar event's UID (without `@slate`), so an
//!   app that loads a new schedule replaces the event rather than adding a
//!   copy, and the calendar and the feed name the same thing; its integer
//!   `id` (which some apps still key favourites and alarms on) is taken from
//!   the guid, so it is stable too;
//! - an event's `url` is the programme page's anchor for the screening when
//!   the programme has a `url`; otherwise the JSON (where `url` is required)
//!   gives the `urn:uuid:` of its guid and the XML leaves it out;
//! - `version` is a digest of the schedule's content: it changes exactly
//!   when the schedule does.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::{json, Value};

use super::ical::{description, summary};
use super::{instant, zone, ExportError};
use crate::catalogue::Catalogue;
use crate::schedule::{Plan, Screening};

/// A schedule in the frab model, ready to be written as XML or JSON.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub version: String,
    pub title: String,
    pub acronym: String,
    pub url: Option<String>,
    pub time_zone: String,
    pub start: Date,
    pub end: Date,
    /// Series (id as slug, title), in the plan's order.
    pub tracks: Vec<(String, String)>,
    /// Venues (name, guid), in the plan's order.
    pub rooms: Vec<(String, String)>,
    pub days: Vec<Day>,
}

#[derive(Debug, Clone)]
pub struct Day {
    pub index: u32,
    pub date: Date,
    pub start: String,
    pub end: String,
    /// Rooms with events this day: (room name, events in start order).
    pub rooms: Vec<(String, Vec<Event>)>,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: u32,
    pub guid: String,
    pub room: String,
    pub title: String,
    pub subtitle: String,
    pub date: String,
    pub start: String,
    pub duration: String,
    pub abstract_text: String,
    pub description: String,
    pub slug: String,
    pub track: String,
    pub persons: Vec<String>,
    pub url: Option<String>,
    /// The spoken language (BCP 47), when the programme gives it: the first
    /// of the screening's `language` tags (the format holds one).
    pub language: Option<String>,
    /// (title, url): where to buy tickets, then the films' own pages
    /// (website, IMDb).
    pub links: Vec<(String, String)>,
}

/// The schedule of a plan. `guid` gives each screening's calendar UID (with
/// or without its `@slate` suffix).
pub fn schedule(
    plan: &Plan,
    catalogue: Option<&Catalogue>,
    guid: &dyn Fn(&Screening) -> String,
) -> Result<Schedule, ExportError> {
    let tz = zone(plan)?;
    let identity = super::ical::identity(plan);
    let acronym = acronym(identity);
    let mut screenings: Vec<(&Screening, Timestamp, Timestamp)> = Vec::new();
    for s in &plan.screenings {
        screenings.push((s, instant(&s.id, &s.start)?, instant(&s.id, &s.end)?));
    }
    screenings.sort_by(|a, b| (a.1, &a.0.venue).cmp(&(b.1, &b.0.venue)));
    let venue_order = plan.venue_order();
    let venue_name = |v: &str| {
        plan.screenings
            .iter()
            .find(|s| s.venue == v)
            .map(|s| s.venue_name.clone())
            .or_else(|| {
                plan.open_slots
                    .iter()
                    .find(|o| o.venue == v)
                    .map(|o| o.venue_name.clone())
            })
            .unwrap_or_else(|| v.to_string())
    };
    let rooms: Vec<(String, String)> = venue_order
        .iter()
        .map(|v| {
            (
                venue_name(v),
                name_uuid(&format!("slate:{identity}/venue/{v}")),
            )
        })
        .collect();
    let mut ids = std::collections::BTreeSet::new();
    let mut by_day: BTreeMap<Date, Vec<(&Screening, Timestamp, Timestamp, Event)>> =
        BTreeMap::new();
    for &(s, start, end) in &screenings {
        let g = guid(s);
        let g = g.strip_suffix("@slate").unwrap_or(&g).to_string();
        let day = s.day.parse::<Date>().map_err(|_| ExportError::Time {
            id: s.id.clone(),
            value: s.day.clone(),
        })?;
        let event = event(plan, catalogue, s, start, end, &tz, &g, &acronym, &mut ids);
        by_day.entry(day).or_default().push((s, start, end, event));
    }
    let day_start = plan.day_starts.0;
    let mut days = Vec::new();
    for (i, (date, events)) in by_day.into_iter().enumerate() {
        let mut first = local_instant(date, day_start, &tz);
        let mut last = local_instant(date.tomorrow().unwrap_or(date), day_start, &tz);
        for (_, s, e, _) in &events {
            first = first.min(*s);
            last = last.max(*e);
        }
        let mut rooms_of: Vec<(String, Vec<Event>)> = Vec::new();
        for v in &venue_order {
            let here: Vec<Event> = events
                .iter()
                .filter(|(s, ..)| s.venue == *v)
                .map(|(.., e)| e.clone())
                .collect();
            if !here.is_empty() {
                rooms_of.push((venue_name(v), here));
            }
        }
        days.push(Day {
            index: i as u32 + 1,
            date,
            start: rfc3339(first, &tz),
            end: rfc3339(last, &tz),
            rooms: rooms_of,
        });
    }
    let tracks = plan
        .series
        .iter()
        .filter(|s| s.screenings > 0)
        .map(|s| (slug(&s.id), s.title.clone()))
        .collect();
    let (start, end) = match (days.first(), days.last()) {
        (Some(a), Some(b)) => (a.date, b.date),
        _ => {
            let today = Timestamp::UNIX_EPOCH.to_zoned(tz.clone()).date();
            (today, today)
        }
    };
    let mut schedule = Schedule {
        version: String::new(),
        title: plan.programme.clone(),
        acronym,
        url: plan.url.clone(),
        time_zone: plan.timezone.clone(),
        start,
        end,
        tracks,
        rooms,
        days,
    };
    schedule.version = version(&schedule);
    Ok(schedule)
}

fn local_instant(date: Date, time: Time, tz: &TimeZone) -> Timestamp {
    date.to_datetime(time)
        .to_zoned(tz.clone())
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

fn rfc3339(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// A name-based UUID (v5 in the URL namespace), as calendar UIDs are made.
fn name_uuid(name: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
}

/// The conference acronym: the programme's identity as lowercase letters,
/// digits and underscores (the JSON schema allows no hyphen after the first
/// character), at least four characters.
fn acronym(identity: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold(identity).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let mut out = out.trim_end_matches('_').to_string();
    while out.len() < 4 {
        out.push('_');
    }
    out
}

/// A slug of lowercase letters, digits, `-` and `_`, not ending in `-`/`_`.
fn slug(id: &str) -> String {
    let mut out = String::new();
    for c in crate::text::fold(id).chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches(['-', '_']).to_string();
    if out.is_empty() {
        "x".to_string()
    } else {
        out
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    plan: &Plan,
    catalogue: Option<&Catalogue>,
    s: &Screening,
    start: Timestamp,
    end: Timestamp,
    tz: &TimeZone,
    guid: &str,
    acronym: &str,
    ids: &mut std::collections::BTreeSet<u32>,
) -> Event {
    // A stable positive integer from the guid, unique in this schedule.
    let mut id = u32::from_str_radix(guid.get(..8).unwrap_or("1"), 16).unwrap_or(1) & 0x7fff_ffff;
    id = id.max(1);
    while !ids.insert(id) {
        id = if id == 0x7fff_ffff { 1 } else { id + 1 };
    }
    let minutes = end.duration_since(start).as_mins().max(0);
    let local = start.to_zoned(tz.clone());
    let mut links = Vec::new();
    if let Some(url) = s.audience.tickets.as_deref().and_then(super::web_url) {
        links.push(("Tickets".to_string(), url.to_string()));
    }
    for f in &s.films {
        if let Some(film) = catalogue.and_then(|c| c.get(&f.id)) {
            if let Some(w) = film.website.as_deref() {
                links.push((format!("{}: website", f.title), w.to_string()));
            }
            if let Some(i) = film.imdb.as_deref() {
                links.push((
                    format!("{}: IMDb", f.title),
                    format!("https://www.imdb.com/title/{i}/"),
                ));
            }
        }
    }
    Event {
        id,
        guid: guid.to_string(),
        room: s.venue_name.clone(),
        title: summary(s),
        subtitle: s
            .films
            .iter()
            .map(|f| {
                let mut credit = f.title.clone();
                let mut parts = Vec::new();
                if !f.directors.is_empty() {
                    parts.push(f.directors.join(", "));
                }
                if let Some(y) = f.year {
                    parts.push(y.to_string());
                }
                parts.push(format!("{} min", f.runtime));
                if s.films.len() == 1 {
                    return parts.join(", ");
                }
                let _ = write!(credit, " ({})", parts.join(", "));
                credit
            })
            .collect::<Vec<_>>()
            .join(" + "),
        date: rfc3339(start, tz),
        start: local.strftime("%H:%M").to_string(),
        duration: format!("{}:{:02}", minutes / 60, minutes % 60),
        abstract_text: abstract_text(plan, catalogue, s),
        description: description(s, plan, catalogue),
        slug: format!("{acronym}-{}", slug(&s.id)),
        track: s.series_title.clone(),
        persons: s.guests.clone(),
        url: plan.url.as_deref().and_then(super::web_url).map(|u| {
            let base = u.split('#').next().unwrap_or(u);
            format!("{base}#{}", super::html::screening_anchor(&s.id))
        }),
        language: s.audience.languages().first().cloned(),
        links,
    }
}

/// The short text apps show in a list: the screening's facts (guests,
/// note) and the first film's synopsis.
fn abstract_text(plan: &Plan, catalogue: Option<&Catalogue>, s: &Screening) -> String {
    let mut parts: Vec<String> = super::facts::facts(plan, s, super::facts::Shown::Always)
        .iter()
        .map(|f| f.text())
        .collect();
    if let Some(syn) = s
        .films
        .first()
        .and_then(|f| catalogue.and_then(|c| c.get(&f.id)))
        .and_then(|f| f.synopsis.as_deref())
    {
        parts.push(syn.trim().to_string());
    }
    parts.join(". ")
}

/// A digest of the schedule's content (without its version).
fn version(s: &Schedule) -> String {
    let mut text = String::new();
    let _ = write!(text, "{}|{}|{}", s.title, s.acronym, s.time_zone);
    for d in &s.days {
        for (room, events) in &d.rooms {
            for e in events {
                let _ = write!(
                    text,
                    "|{room}|{}|{}|{}|{}|{}|{}",
                    e.guid, e.date, e.duration, e.title, e.subtitle, e.description
                );
            }
        }
    }
    let digest = name_uuid(&text);
    digest[..8].to_string()
}

/// Text as XML 1.0 character data or attribute value (the page's escaping,
/// which also drops what XML cannot hold).
fn x(s: &str) -> String {
    crate::text::escape_markup(s)
}

/// `schedule.xml`.
pub fn xml(s: &Schedule) -> String {
    let mut o = String::new();
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
    let _ = writeln!(
        o,
        "  <generator name=\"slate\" version=\"{}\"/>",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(o, "  <version>{}</version>", x(&s.version));
    o.push_str("  <conference>\n");
    let _ = writeln!(o, "    <title>{}</title>", x(&s.title));
    let _ = writeln!(o, "    <acronym>{}</acronym>", x(&s.acronym));
    let _ = writeln!(o, "    <start>{}</start>", s.start);
    let _ = writeln!(o, "    <end>{}</end>", s.end);
    let _ = writeln!(o, "    <days>{}</days>", s.days.len());
    o.push_str("    <timeslot_duration>00:05</timeslot_duration>\n");
    if let Some(u) = s.url.as_deref().and_then(super::web_url) {
        let _ = writeln!(o, "    <url>{}</url>", x(u));
    }
    let _ = writeln!(
        o,
        "    <time_zone_name>{}</time_zone_name>",
        x(&s.time_zone)
    );
    for (slug, name) in &s.tracks {
        let _ = writeln!(
            o,
            "    <track name=\"{}\"{}/>",
            x(name),
            if is_xsd_slug(slug) {
                format!(" slug=\"{}\"", x(slug))
            } else {
                String::new()
            }
        );
    }
    o.push_str("  </conference>\n");
    for d in &s.days {
        let _ = writeln!(
            o,
            "  <day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">",
            d.index, d.date, d.start, d.end
        );
        for (room, events) in &d.rooms {
            let guid = s
                .rooms
                .iter()
                .find(|(n, _)| n == room)
                .map(|(_, g)| g.as_str())
                .unwrap_or_default();
            let _ = writeln!(o, "    <room name=\"{}\" guid=\"{guid}\">", x(room));
            for e in events {
                xml_event(&mut o, e);
            }
            o.push_str("    </room>\n");
        }
        o.push_str("  </day>\n");
    }
    o.push_str("</schedule>\n");
    o
}

/// The XSD's track slug: a letter, then letters, digits and hyphens.
fn is_xsd_slug(s: &str) -> bool {
    s.len() >= 2
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn xml_event(o: &mut String, e: &Event) {
    let _ = writeln!(o, "      <event id=\"{}\" guid=\"{}\">", e.id, e.guid);
    let el = |o: &mut String, name: &str, value: &str| {
        let _ = writeln!(o, "        <{name}>{}</{name}>", x(value));
    };
    el(o, "room", &e.room);
    el(o, "title", &e.title);
    el(o, "subtitle", &e.subtitle);
    el(o, "type", "screening");
    el(o, "date", &e.date);
    el(o, "start", &e.start);
    el(o, "duration", &e.duration);
    el(o, "abstract", &e.abstract_text);
    el(o, "slug", &e.slug);
    el(o, "track", &e.track);
    o.push_str("        <persons>\n");
    for p in &e.persons {
        let _ = writeln!(o, "          <person>{}</person>", x(p));
    }
    o.push_str("        </persons>\n");
    if let Some(l) = &e.language {
        el(o, "language", l);
    }
    el(o, "description", &e.description);
    o.push_str("        <links>\n");
    for (title, url) in &e.links {
        let _ = writeln!(o, "          <link href=\"{}\">{}</link>", x(url), x(title));
    }
    o.push_str("        </links>\n");
    if let Some(u) = &e.url {
        el(o, "url", u);
    }
    o.push_str("      </event>\n");
}

/// `schedule.json`.
pub fn json(s: &Schedule) -> String {
    let days: Vec<Value> = s
        .days
        .iter()
        .map(|d| {
            let mut rooms = serde_json::Map::new();
            for (room, events) in &d.rooms {
                rooms.insert(room.clone(), events.iter().map(json_event).collect());
            }
            json!({
                "index": d.index,
                "date": d.date.to_string(),
                "day_start": d.start,
                "day_end": d.end,
                "rooms": rooms,
            })
        })
        .collect();
    let mut conference = serde_json::Map::new();
    conference.insert("acronym".into(), json!(s.acronym));
    conference.insert("title".into(), json!(s.title));
    conference.insert("start".into(), json!(s.start.to_string()));
    conference.insert("end".into(), json!(s.end.to_string()));
    conference.insert("daysCount".into(), json!(s.days.len()));
    conference.insert("timeslot_duration".into(), json!("00:05"));
    conference.insert("time_zone_name".into(), json!(s.time_zone));
    if let Some(u) = s.url.as_deref().and_then(super::web_url) {
        conference.insert("url".into(), json!(u));
    }
    conference.insert(
        "tracks".into(),
        s.tracks
            .iter()
            .map(|(slug, name)| json!({"name": name, "slug": slug}))
            .collect(),
    );
    conference.insert(
        "rooms".into(),
        s.rooms
            .iter()
            .map(|(name, guid)| json!({"name": name, "guid": guid}))
            .collect(),
    );
    conference.insert("days".into(), Value::Array(days));
    let doc = json!({
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "slate", "version": env!("CARGO_PKG_VERSION")},
        "schedule": {"version": s.version, "conference": conference},
    });
    let mut out = serde_json::to_string_pretty(&doc).expect("a JSON value serialises");
    out.push('\n');
    out
}

fn json_event(e: &Event) -> Value {
    json!({
        "guid": e.guid,
        "id": e.id,
        "date": e.date,
        "start": e.start,
        "duration": e.duration,
        "room": e.room,
        "slug": e.slug,
        "url": e.url.clone().unwrap_or_else(|| format!("urn:uuid:{}", e.guid)),
        "title": e.title,
        "subtitle": e.subtitle,
        "track": e.track,
        "type": "screening",
        "language": e.language.as_ref().map_or(Value::Null, |l| json!(l)),
        "abstract": e.abstract_text,
        "description": e.description,
        "persons": e.persons.iter().map(|p| json!({"name": p})).collect::<Vec<_>>(),
        "links": e
            .links
            .iter()
            .map(|(title, url)| {
                let kind = if title == "Tickets" { "web" } else { "related" };
                json!({"type": kind, "url": url, "title": title})
            })
            .collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_slugs_fit_the_schemas() {
        assert_eq!(acronym("Labour Film Week 2027"), "labour_film_week_2027");
        assert_eq!(acronym("São Jorge"), "sao_jorge");
        assert_eq!(acronym("ab"), "ab__");
        assert_eq!(
            slug("coal@sao-jorge-20270501-1100"),
            "coal-sao-jorge-20270501-1100"
        );
        assert_eq!(slug("--"), "x");
        assert!(is_xsd_slug("coal-mining"));
        assert!(!is_xsd_slug("1st"));
    }

    #[test]
    fn xml_text_holds_no_markup_and_no_forbidden_characters() {
        assert_eq!(
            x("a <b> & \"c\" \u{1}'d'\u{FFFF}"),
            "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"
        );
    }
}

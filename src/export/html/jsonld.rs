//! schema.org `ScreeningEvent`s for the page, as JSON-LD, so search engines
//! and event aggregators read the programme: one event per screening (and
//! one per screening cancelled since the last publication), each with its
//! name, start and end with their UTC offset, the venue as a `Place` with
//! its address, the films as `Movie`s (director, duration, year), the
//! organiser, the description, and `eventStatus`: scheduled, rescheduled
//! (moved since the last publication, with its previous start) or cancelled.
//!
//! Google's event guidelines require `name`, `startDate` and `location`
//! (with an address) and recommend `description`, `endDate`,
//! `eventStatus`, `image`, `offers`, `organizer` and `performer`. slate has
//! no pictures, so no `image`; `offers` awaits ticket facts in the
//! programme; a screening has no performer, its guests go in `performer`
//! when it has some. A venue without an address gives its name as the
//! address, which is what a person would search for.
//!
//! The block is a data block (`<script type="application/ld+json">`): it
//! is never executed, so the page's Content-Security-Policy, which forbids
//! scripts, does not stop it. `<`, `>` and `&` are written as `\u003c`…,
//! so no text can close the block.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;
use jiff::Timestamp;
use serde_json::{json, Map, Value};

use super::Page;
use crate::schedule::Screening;

/// What changed since the last publication, for `eventStatus`.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Screening id → its start in the calendar published last time, for
    /// screenings moved since (they keep their calendar event).
    pub rescheduled: BTreeMap<String, Timestamp>,
    /// Screenings published before and cancelled now.
    pub cancelled: Vec<Cancelled>,
}

/// A screening cancelled since the last publication, as it was published.
#[derive(Debug, Clone)]
pub struct Cancelled {
    pub name: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub location: String,
    pub description: String,
}

/// The `<script type="application/ld+json">` block of the page, or nothing
/// when there is no event to describe.
pub fn block(page: &Page) -> String {
    let plan = page.plan;
    let Ok(tz) = TimeZone::get(&plan.timezone) else {
        return String::new();
    };
    let mut events: Vec<Value> = plan
        .screenings
        .iter()
        .filter_map(|s| screening(page, s, &tz))
        .collect();
    for c in &page.status.cancelled {
        events.push(json!({
            "@type": "ScreeningEvent",
            "name": c.name,
            "startDate": rfc3339(c.start, &tz),
            "endDate": rfc3339(c.end, &tz),
            "eventStatus": "https://schema.org/EventCancelled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": c.location, "address": c.location},
            "description": c.description,
            "organizer": organizer(page),
        }));
    }
    if events.is_empty() {
        return String::new();
    }
    let doc = json!({"@context": "https://schema.org", "@graph": events});
    let text = serde_json::to_string(&doc)
        .expect("a JSON value serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    format!("<script type=\"application/ld+json\">{text}</script>\n")
}

fn rfc3339(t: Timestamp, tz: &TimeZone) -> String {
    t.to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

fn organizer(page: &Page) -> Value {
    let mut o = Map::new();
    o.insert("@type".into(), json!("Organization"));
    o.insert("name".into(), json!(page.plan.programme));
    if let Some(u) = page.plan.url.as_deref().and_then(super::super::web_url) {
        o.insert("url".into(), json!(u));
    }
    Value::Object(o)
}

fn screening(page: &Page, s: &Screening, tz: &TimeZone) -> Option<Value> {
    let start: Timestamp = s.start.parse().ok()?;
    let end: Timestamp = s.end.parse().ok()?;
    let mut e = Map::new();
    e.insert("@type".into(), json!("ScreeningEvent"));
    e.insert("name".into(), json!(super::super::ical::summary(s)));
    e.insert("startDate".into(), json!(rfc3339(start, tz)));
    e.insert("endDate".into(), json!(rfc3339(end, tz)));
    match page.status.rescheduled.get(&s.id) {
        Some(previous) => {
            e.insert(
                "eventStatus".into(),
                json!("https://schema.org/EventRescheduled"),
            );
            e.insert("previousStartDate".into(), json!(rfc3339(*previous, tz)));
        }
        None => {
            e.insert(
                "eventStatus".into(),
                json!("https://schema.org/EventScheduled"),
            );
        }
    }
    e.insert(
        "eventAttendanceMode".into(),
        json!("https://schema.org/OfflineEventAttendanceMode"),
    );
    let address = match &s.venue_address {
        Some(a) => json!({"@type": "PostalAddress", "streetAddress": a}),
        None => json!(s.venue_name),
    };
    let mut place = Map::new();
    place.insert("@type".into(), json!("Place"));
    place.insert("name".into(), json!(s.venue_name));
    place.insert("address".into(), address);
    if let Some(u) = s.venue_url.as_deref().and_then(super::super::web_url) {
        place.insert("url".into(), json!(u));
    }
    e.insert("location".into(), Value::Object(place));
    let films: Vec<Value> = s
        .films
        .iter()
        .map(|f| {
            let mut m = Map::new();
            m.insert("@type".into(), json!("Movie"));
            m.insert("name".into(), json!(f.title));
            if !f.directors.is_empty() {
                m.insert(
                    "director".into(),
                    f.directors
                        .iter()
                        .map(|d| json!({"@type": "Person", "name": d}))
                        .collect(),
                );
            }
            m.insert("duration".into(), json!(format!("PT{}M", f.runtime)));
            if let Some(y) = f.year {
                m.insert("dateCreated".into(), json!(y.to_string()));
            }
            if let Some(film) = page.film(&f.id) {
                if let Some(i) = film.imdb.as_deref() {
                    m.insert(
                        "sameAs".into(),
                        json!(format!("https://www.imdb.com/title/{i}/")),
                    );
                }
            }
            Value::Object(m)
        })
        .collect();
    e.insert("workPresented".into(), Value::Array(films));
    let description = super::super::ical::description(s, page.plan, page.catalogue);
    e.insert("description".into(), json!(description));
    e.insert("organizer".into(), organizer(page));
    if !s.guests.is_empty() {
        e.insert(
            "performer".into(),
            s.guests
                .iter()
                .map(|g| json!({"@type": "Person", "name": g}))
                .collect(),
        );
    }
    if let Some(u) = page.plan.url.as_deref().and_then(super::super::web_url) {
        let base = u.split('#').next().unwrap_or(u);
        e.insert(
            "url".into(),
            json!(format!("{base}#{}", super::screening_anchor(&s.id))),
        );
    }
    Some(Value::Object(e))
}

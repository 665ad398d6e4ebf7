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
//! no pictures, so no `image`; `offers` carries the screening's `tickets`
//! and the amount read from its `price` (with the currency when the price
//! names one); a screening has no performer, its guests go in `performer`
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
use serde::Serialize;
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
    let organizer = organizer(page);
    let mut events: Vec<Value> = Vec::new();
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
            "organizer": organizer,
        }));
    }
    let screenings: Vec<Event> = plan
        .screenings
        .iter()
        .filter_map(|s| screening(page, s, &organizer))
        .collect();
    if events.is_empty() && screenings.is_empty() {
        return String::new();
    }
    // The screenings, then the cancelled events, written one by one.
    let mut json = String::from("{\"@context\":\"https://schema.org\",\"@graph\":[");
    let mut first = true;
    let mut write = |json: &mut String, text: String| {
        if !std::mem::take(&mut first) {
            json.push(',');
        }
        json.push_str(&text);
    };
    for e in &screenings {
        write(
            &mut json,
            serde_json::to_string(e).expect("an event serialises"),
        );
    }
    for e in &events {
        write(
            &mut json,
            serde_json::to_string(e).expect("an event serialises"),
        );
    }
    json.push_str("]}");
    let mut out = String::with_capacity(json.len() + 64);
    out.push_str("<script type=\"application/ld+json\">");
    // One pass: `<`, `>` and `&` (only ever inside strings) as escapes.
    let mut run = 0;
    for (i, b) in json.bytes().enumerate() {
        let escape = match b {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            _ => continue,
        };
        out.push_str(&json[run..i]);
        out.push_str(escape);
        run = i + 1;
    }
    out.push_str(&json[run..]);
    out.push_str("</script>\n");
    out
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

/// A screening as schema.org reads it: typed and borrowed, serialised in
/// one pass (a page of 10,000 screenings builds no tree of JSON values).
/// Field order is the document's.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Event<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    start_date: &'a str,
    end_date: &'a str,
    event_status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_start_date: Option<String>,
    event_attendance_mode: &'static str,
    location: Place<'a>,
    work_presented: Vec<Movie<'a>>,
    description: String,
    organizer: &'a Value,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    performer: Vec<Person<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offers: Option<Offer<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_accessible_for_free: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_language: Option<OneOrMany<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subtitle_language: Option<OneOrMany<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    typical_age_range: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Place<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    address: Address<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Address<'a> {
    Postal {
        #[serde(rename = "@type")]
        kind: &'static str,
        #[serde(rename = "streetAddress")]
        street_address: &'a str,
    },
    Name(&'a str),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Movie<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    director: Vec<Person<'a>>,
    duration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<String>,
}

#[derive(Serialize)]
struct Person<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Offer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    price_currency: Option<&'static str>,
}

/// One language tag as a string, several as an array.
#[derive(Serialize)]
#[serde(untagged)]
enum OneOrMany<'a> {
    One(&'a str),
    Many(&'a [String]),
}

fn person(name: &str) -> Person<'_> {
    Person {
        kind: "Person",
        name,
    }
}

fn screening<'a>(page: &'a Page, s: &'a Screening, organizer: &'a Value) -> Option<Event<'a>> {
    // The plan's times are RFC 3339 in the programme's zone already; a
    // screening whose times do not read (a hand-edited plan) is left out.
    s.start.parse::<Timestamp>().ok()?;
    s.end.parse::<Timestamp>().ok()?;
    let (event_status, previous_start_date) = match page.status.rescheduled.get(&s.id) {
        Some(previous) => {
            let tz = TimeZone::get(&page.plan.timezone).ok()?;
            (
                "https://schema.org/EventRescheduled",
                Some(rfc3339(*previous, &tz)),
            )
        }
        None => ("https://schema.org/EventScheduled", None),
    };
    let work_presented = s
        .films
        .iter()
        .map(|f| Movie {
            kind: "Movie",
            name: &f.title,
            director: f.directors.iter().map(|d| person(d)).collect(),
            duration: format!("PT{}M", f.runtime),
            date_created: f.year.map(|y| y.to_string()),
            same_as: page
                .film(&f.id)
                .and_then(|film| film.imdb.as_deref())
                .map(|i| format!("https://www.imdb.com/title/{i}/")),
        })
        .collect();
    let facts = &s.audience;
    let tickets = facts.tickets.as_deref().and_then(super::super::web_url);
    let amount = facts.amount();
    let offers = (tickets.is_some() || amount.is_some()).then(|| Offer {
        kind: "Offer",
        url: tickets,
        price: amount.as_ref().map(|a| a.value.clone()),
        price_currency: amount.as_ref().and_then(|a| a.currency),
    });
    let one_or_many = |tags: &'a [String]| match tags {
        [] => None,
        [one] => Some(OneOrMany::One(one)),
        many => Some(OneOrMany::Many(many)),
    };
    let typical_age_range = facts.age.as_deref().and_then(|age| {
        let digits = age.trim().trim_end_matches('+');
        (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| format!("{digits}-"))
    });
    Some(Event {
        kind: "ScreeningEvent",
        name: super::super::ical::summary(s),
        start_date: &s.start,
        end_date: &s.end,
        event_status,
        previous_start_date,
        event_attendance_mode: "https://schema.org/OfflineEventAttendanceMode",
        location: Place {
            kind: "Place",
            name: &s.venue_name,
            address: match &s.venue_address {
                Some(a) => Address::Postal {
                    kind: "PostalAddress",
                    street_address: a,
                },
                None => Address::Name(&s.venue_name),
            },
            url: s.venue_url.as_deref().and_then(super::super::web_url),
        },
        work_presented,
        description: super::super::ical::description(s, page.plan, page.catalogue),
        organizer,
        performer: s.guests.iter().map(|g| person(g)).collect(),
        offers,
        is_accessible_for_free: amount
            .as_ref()
            .is_some_and(|a| a.value == "0")
            .then_some(true),
        in_language: one_or_many(facts.languages()),
        subtitle_language: one_or_many(facts.subtitle_languages()),
        typical_age_range,
        url: page
            .plan
            .url
            .as_deref()
            .and_then(super::super::web_url)
            .map(|u| {
                let base = u.split('#').next().unwrap_or(u);
                format!("{base}#{}", super::screening_anchor(&s.id))
            }),
    })
}

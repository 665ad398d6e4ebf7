//! Reading and validating a programme file against the catalogue, with every
//! problem located (file, line, column, value) and reported at once.
//!
//! Keys (a public interface; see docs/programme-files.md for the whole format):
//! - top level: `id` (optional: the programme's stable identity, which
//!   names its calendars' UIDs, so `name` can be corrected without changing
//!   them; 1–64 ASCII letters, digits, `-`, `_`, `.`), `name`, `timezone`,
//!   `intro`, `interval`, `changeover`, `seed`, `description`, and the
//!   tables below;
//! - `[[venue]]`: `id`, `name`, `address`, `url`;
//! - `[[slot]]`: `venue`, `start` (local date-time), `length`, `id`;
//! - `[[slots]]` (a template, every venue × date × time): `venues`,
//!   `dates`, `times` (`"17:30"`), `length`, `id`. Without `id` a template's
//!   slots are `<venue>-<YYYYMMDD>-<HHMM>`; with `id = "eve"` they are
//!   `eve-<venue>-<YYYYMMDD>` when it has one time, `eve-<venue>-<YYYYMMDD>-<n>`
//!   (n = 1, 2… in time order) when it has several, so moving its times keeps
//!   the ids (and the screenings' calendar UIDs). Every slot id, given or
//!   made, must be unique.
//! - `[[series]]`: `id`, `title`, `description`, `themes`, `match`
//!   (`"any"`, the default, or `"all"`), `screenings`, `pin`, `exclude`,
//!   `max_runtime` (longest film the series may use, minutes).

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use toml::de::DeValue;

use super::audience::AUDIENCE_KEYS;
use super::criteria::tag_list;
use super::festival;
pub use super::qualify::{missing_themes, qualifies};
use super::series::{series_requests, ProgrammeWide};
use super::values::{date, datetime, instant, ranged, time};
use super::{ids, overlap, timezone, AudienceFacts, Programme, Slot, Venue};
use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::{did_you_mean, is_slug, slugify};
use crate::toml_fields::{parse, type_name, Fields};

const TOP_KEYS: &[&str] = &[
    "id",
    "name",
    "description",
    "url",
    "timezone",
    "day_starts",
    "intro",
    "interval",
    "changeover",
    "seed",
    "discussion",
    "exclude",
    "max_per_director",
    "venue",
    "slot",
    "slots",
    "series",
    "fixed",
    "copy",
    "guest",
];
const VENUE_KEYS: &[&str] = &["id", "name", "address", "url", "formats"];
const SLOT_KEYS: &[&str] = &["id", "venue", "start", "length", "tags"];
const TEMPLATE_KEYS: &[&str] = &["id", "venues", "dates", "times", "length", "tags"];
pub(super) const SERIES_KEYS: &[&str] = &[
    "id",
    "title",
    "description",
    "themes",
    "match",
    "screenings",
    "pin",
    "exclude",
    "max_runtime",
    "films",
    "countries",
    "kinds",
    "directors",
    "languages",
    "years",
    "silent",
    "venues",
    "days",
    "tags",
    "intro",
    "discussion",
    "repeats",
];

/// The longest slot: a day.
pub const MAX_LENGTH: i64 = 24 * 60;
/// The longest introduction and interval, in minutes.
pub const MAX_INTRO: i64 = 240;
pub const MAX_INTERVAL: i64 = 240;
/// The longest changeover between two slots of a venue, in minutes.
pub const MAX_CHANGEOVER: i64 = 720;
/// The most screenings a series may ask for.
pub const MAX_SCREENINGS: i64 = 10_000;
/// The longest `max_runtime`: the catalogue's longest runtime.
pub const MAX_RUNTIME: i64 = crate::catalogue::load::MAX_RUNTIME;
/// The largest `max_per_director`.
pub const MAX_PER_DIRECTOR: i64 = 10_000;

/// Reads `path` and validates it against `catalogue`. Returns the programme
/// and its warnings, or every error found.
pub fn load(
    path: &Path,
    catalogue: &Catalogue,
) -> Result<(Programme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let src = SourceFile::read(path).map_err(|d| vec![*d])?;
    let root = parse(&src)?;
    let mut diags = Vec::new();
    let top =
        Fields::new(root.get_ref(), 0..0, &src, 0, "the programme").plain_text(&["description"]);
    top.unknown_keys(&[TOP_KEYS, AUDIENCE_KEYS].concat(), &mut diags);
    let audience = super::audience::read(&top, &mut diags);
    let line_of = |span: &Range<usize>| src.locate(span.start).0;

    let name = match top.str("name", &mut diags) {
        Some((n, _)) if !n.trim().is_empty() => n.trim().to_string(),
        Some((_, span)) => {
            diags.push(Diagnostic::error("the programme's name is empty").at(&src, span));
            String::new()
        }
        None => {
            if top.get("name").is_none() {
                diags.push(
                    Diagnostic::error("the programme has no `name`")
                        .in_file(path)
                        .help("add a line such as name = \"Labour on Screen 2027\""),
                );
            }
            String::new()
        }
    };
    let id = top.str("id", &mut diags).and_then(|(id, span)| {
        let problem = ids::programme_id_problem(id);
        match problem {
            Some(p) => {
                diags.push(
                    Diagnostic::error(p)
                        .at(&src, span)
                        .value(id)
                        .help(format!(
                            "an id is 1 to {} characters of text, such as id = \"labour-on-screen-2027\" or the programme's first name; it names the programme's calendars, so choose it once and keep it",
                            ids::MAX_PROGRAMME_ID
                        )),
                );
                None
            }
            None => Some(id.trim().to_string()),
        }
    });
    let description = top
        .str("description", &mut diags)
        .map(|(d, _)| d.trim().to_string())
        .filter(|d| !d.is_empty());
    let url = web_address(&top, "url", &mut diags);
    let (timezone, tz) = match top.str("timezone", &mut diags) {
        Some((z, span)) => match TimeZone::get(z.trim()) {
            Ok(tz) => {
                if let Some(advice) = timezone::fixed_offset_advice(z) {
                    diags.push(
                        Diagnostic::warning(format!(
                            "time zone `{}` is a fixed offset or a legacy name, not a place's zone",
                            z.trim()
                        ))
                        .at(&src, span)
                        .value(z)
                        .help(advice),
                    );
                }
                (z.trim().to_string(), Some(tz))
            }
            Err(_) => {
                diags.push(
                    Diagnostic::error(format!("unknown time zone `{z}`"))
                        .at(&src, span)
                        .value(z)
                        .help(timezone::unknown_zone_help(z)),
                );
                (z.to_string(), None)
            }
        },
        None => {
            if top.get("timezone").is_none() {
                diags.push(
                    Diagnostic::error("the programme has no `timezone`")
                        .in_file(path)
                        .help("add a line such as timezone = \"Europe/Lisbon\"; every time in the file is local to it"),
                );
            }
            (String::new(), None)
        }
    };
    let minutes = |key: &str, max: i64, diags: &mut Vec<Diagnostic>| -> u32 {
        ranged(&top, key, 0..=max, " minutes", diags).map_or(0, |(n, _)| n as u32)
    };
    let intro = minutes("intro", MAX_INTRO, &mut diags);
    let interval = minutes("interval", MAX_INTERVAL, &mut diags);
    let changeover = minutes("changeover", MAX_CHANGEOVER, &mut diags);
    let day_starts = super::values::day_starts(&top, &mut diags);
    let discussion = minutes("discussion", MAX_INTRO, &mut diags);
    let max_per_director = ranged(
        &top,
        "max_per_director",
        1..=MAX_PER_DIRECTOR,
        "",
        &mut diags,
    )
    .map(|(n, _)| n as u32);
    let exclude = festival::film_list(&top, "exclude", catalogue, &mut diags);
    let seed = ranged(&top, "seed", 0..=i64::MAX, "", &mut diags).map_or(1, |(n, _)| n as u64);

    // Venues.
    let mut venues: Vec<Venue> = Vec::new();
    let mut venue_at: HashMap<String, usize> = HashMap::new();
    for (table, span) in tables(&top, "venue", &mut diags) {
        let mut f = Fields::new(table, span.clone(), &src, 0, "a venue").plain_text(&[]);
        let id = f.str("id", &mut diags);
        if let Some((id, _)) = id {
            f.set_what(format!("venue `{id}`"));
        }
        f.unknown_keys(VENUE_KEYS, &mut diags);
        let vname = f.str("name", &mut diags);
        let address = f
            .str("address", &mut diags)
            .map(|(a, _)| a.trim().to_string());
        let url = f.str("url", &mut diags).map(|(u, _)| u.trim().to_string());
        let formats = festival::formats(&f, &mut diags);
        let Some((id, id_span)) = id else {
            f.missing("id", "id = \"sala1\"", &mut diags);
            continue;
        };
        if !is_slug(id) {
            diags.push(
                Diagnostic::error(format!("venue id `{id}` is not a slug"))
                    .at(&src, id_span.clone())
                    .help(format!("use id = \"{}\"", slugify(id))),
            );
        }
        if venue_at.contains_key(id) {
            diags.push(Diagnostic::error(format!("duplicate venue id `{id}`")).at(&src, id_span));
            continue;
        }
        if vname.is_none() && f.get("name").is_none() {
            f.missing("name", "name = \"Cinema São Jorge – Sala 1\"", &mut diags);
        }
        venue_at.insert(id.to_string(), venues.len());
        venues.push(Venue {
            id: id.to_string(),
            name: vname
                .map(|(n, _)| n.trim().to_string())
                .unwrap_or_else(|| id.to_string()),
            address: address.filter(|a| !a.is_empty()),
            url: url.filter(|u| !u.is_empty()),
            formats,
        });
    }
    let venue_ids: Vec<&str> = venues.iter().map(|v| v.id.as_str()).collect();
    let find_venue =
        |v: &str, span: Range<usize>, diags: &mut Vec<Diagnostic>| -> Option<usize> {
            match venue_at.get(v) {
                Some(&i) => Some(i),
                None => {
                    diags.push(
                        Diagnostic::error(format!("unknown venue `{v}`"))
                            .at(&src, span)
                            .value(v)
                            .help(did_you_mean(v, venue_ids.iter().copied()).unwrap_or_else(
                                || format!("venues defined in this file: {}", venue_ids.join(", ")),
                            )),
                    );
                    None
                }
            }
        };

    // Slots, explicit and from templates, before their times are resolved.
    let mut raw: Vec<RawSlot> = Vec::new();
    let length_of = |f: &Fields, diags: &mut Vec<Diagnostic>| -> Option<u32> {
        if f.get("length").is_none() {
            f.missing("length", "length = 150", diags);
            return None;
        }
        // A slot holds the introduction and at least a minute of film.
        ranged(
            f,
            "length",
            intro as i64 + 1..=MAX_LENGTH,
            " minutes",
            diags,
        )
        .map(|(n, _)| n as u32)
    };
    for (table, span) in tables(&top, "slot", &mut diags) {
        let f = Fields::new(table, span.clone(), &src, 0, "a slot").plain_text(&[]);
        f.unknown_keys(&[SLOT_KEYS, AUDIENCE_KEYS].concat(), &mut diags);
        let slot_audience = super::audience::read(&f, &mut diags);
        let venue = match f.str("venue", &mut diags) {
            Some((v, vs)) => find_venue(v, vs, &mut diags),
            None => {
                if f.get("venue").is_none() {
                    f.missing("venue", "venue = \"sala1\"", &mut diags);
                }
                None
            }
        };
        let start = match f.get("start") {
            Some(v) => datetime(v.get_ref(), v.span(), &src, &mut diags).map(|d| (d, v.span())),
            None => {
                f.missing("start", "start = 2027-05-01T14:00:00", &mut diags);
                None
            }
        };
        let length = length_of(&f, &mut diags);
        let id = slug_id(&f, "slot id", &mut diags);
        let tags = tag_list(&f, &mut diags).unwrap_or_default();
        if let (Some(v), Some((start, sspan)), Some(len)) = (venue, start, length) {
            let (id, id_span) = match id {
                Some((id, s)) => (id.to_string(), s),
                None => (ids::default_slot_id(&venues[v].id, start), sspan.clone()),
            };
            raw.push(RawSlot {
                id,
                id_span,
                venue: v,
                start,
                length: len,
                line: line_of(&span),
                span: sspan,
                tags,
                audience: slot_audience,
            });
        }
    }
    for (table, span) in tables(&top, "slots", &mut diags) {
        let f = Fields::new(table, span.clone(), &src, 0, "a slot template").plain_text(&[]);
        f.unknown_keys(&[TEMPLATE_KEYS, AUDIENCE_KEYS].concat(), &mut diags);
        let slot_audience = super::audience::read(&f, &mut diags);
        let vs: Vec<usize> = f
            .str_list("venues", &mut diags)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(v, s)| find_venue(v, s, &mut diags))
            .collect();
        let dates: Vec<Date> = match f.get("dates") {
            Some(v) => match v.get_ref() {
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|i| date(i.get_ref(), i.span(), &src, &mut diags))
                    .collect(),
                other => {
                    diags.push(
                        Diagnostic::error(format!(
                            "`dates` must be an array of dates, found {}",
                            type_name(other)
                        ))
                        .at(&src, v.span())
                        .help("dates = [2027-05-01, 2027-05-02]"),
                    );
                    Vec::new()
                }
            },
            None => {
                f.missing("dates", "dates = [2027-05-01, 2027-05-02]", &mut diags);
                Vec::new()
            }
        };
        let times: Vec<(Time, Range<usize>)> = match f.get("times") {
            Some(v) => match v.get_ref() {
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|i| {
                        time(i.get_ref(), i.span(), &src, &mut diags).map(|t| (t, i.span()))
                    })
                    .collect(),
                other => {
                    diags.push(
                        Diagnostic::error(format!(
                            "`times` must be an array of times, found {}",
                            type_name(other)
                        ))
                        .at(&src, v.span())
                        .help("times = [\"17:30\", \"21:00\"]"),
                    );
                    Vec::new()
                }
            },
            None => {
                f.missing("times", "times = [\"17:30\", \"21:00\"]", &mut diags);
                Vec::new()
            }
        };
        if f.get("venues").is_none() {
            f.missing("venues", "venues = [\"sala1\", \"sala2\"]", &mut diags);
        }
        let prefix = slug_id(&f, "slot template id", &mut diags);
        let tags = tag_list(&f, &mut diags).unwrap_or_default();
        let Some(len) = length_of(&f, &mut diags) else {
            continue;
        };
        // With an `id`, slot ids do not carry the time (see `ids`); they
        // are numbered in time order.
        let mut times = times;
        times.sort_by_key(|(t, _)| *t);
        for &v in &vs {
            for &d in &dates {
                for (n, (t, tspan)) in times.iter().enumerate() {
                    let start = d.to_datetime(*t);
                    let venue = &venues[v].id;
                    let (id, id_span) = match &prefix {
                        Some((p, ps)) => (
                            ids::template_slot_id(p, venue, d, n + 1, times.len()),
                            ps.clone(),
                        ),
                        None => (ids::default_slot_id(venue, start), tspan.clone()),
                    };
                    raw.push(RawSlot {
                        id,
                        id_span,
                        venue: v,
                        start,
                        length: len,
                        line: line_of(&span),
                        span: tspan.clone(),
                        tags: tags.clone(),
                        audience: slot_audience.clone(),
                    });
                }
            }
        }
    }

    // Slot ids are unique, whether given, numbered by a template or made
    // from venue, date and time.
    let mut slot_ids: HashMap<&str, usize> = HashMap::new();
    for r in &raw {
        match slot_ids.get(r.id.as_str()) {
            Some(&first) => diags.push(
                Diagnostic::error(format!("slot `{}` is defined twice", r.id))
                    .at(&src, r.id_span.clone())
                    .value(r.id.clone())
                    .help(if first == r.line {
                        format!(
                            "line {first} makes it twice; give the slots different ids or times"
                        )
                    } else {
                        format!(
                            "lines {first} and {} make the same slot; give one a different `id`",
                            r.line
                        )
                    }),
            ),
            None => {
                slot_ids.insert(&r.id, r.line);
            }
        }
    }

    // Resolve local times in the zone.
    let mut slots: Vec<Slot> = Vec::new();
    if let Some(tz) = &tz {
        for RawSlot {
            id,
            venue,
            start,
            length,
            line,
            span,
            tags,
            audience,
            ..
        } in raw
        {
            let Some(start_at) = instant(
                tz,
                &timezone,
                start,
                span,
                &src,
                "move the slot out of the hour skipped when the clocks go forward",
                &mut diags,
            ) else {
                continue;
            };
            slots.push(Slot {
                id,
                venue,
                day: Slot::festival_day(start, day_starts),
                start,
                start_at,
                length,
                line,
                tags,
                audience,
            });
        }
    }
    slots.sort_by(|a, b| (a.start_at, a.venue, &a.id).cmp(&(b.start_at, b.venue, &b.id)));
    // Within a venue, slots must not overlap and must leave the changeover.
    overlap::check(path, &venues, &slots, changeover, tz.as_ref(), &mut diags);
    // The planner keeps every overlapping pair (across venues): refuse a
    // programme with more than it can hold, before anything is allocated.
    let overlapping = overlap::count_pairs(&slots);
    if overlapping > overlap::MAX_OVERLAPPING_PAIRS {
        diags.push(
            Diagnostic::error(format!(
                "{overlapping} pairs of slots overlap in time; the planner handles at most {}",
                overlap::MAX_OVERLAPPING_PAIRS
            ))
            .in_file(path)
            .value(overlapping.to_string())
            .help("a series' screenings must not overlap, so the planner keeps every overlapping pair; split the programme, or spread its slots over more days"),
        );
    }

    let series = series_requests(
        &top,
        &src,
        catalogue,
        &slots,
        &ProgrammeWide {
            intro,
            discussion,
            exclude: &exclude,
        },
        &find_venue,
        &mut diags,
    );
    let copies = festival::copies(&top, &src, catalogue, &mut diags);
    let guests = festival::guests(
        &top,
        &src,
        catalogue,
        tz.as_ref().map(|t| (t, timezone.as_str())),
        &mut diags,
    );
    if venues.is_empty() && diags.iter().all(|d| !d.is_error()) {
        diags.push(
            Diagnostic::error("the programme defines no venues")
                .in_file(path)
                .help("add [[venue]] tables with `id` and `name`"),
        );
    }
    if slots.is_empty() && diags.iter().all(|d| !d.is_error()) {
        diags.push(
            Diagnostic::error("the programme defines no slots")
                .in_file(path)
                .help("add [[slot]] tables or a [[slots]] template"),
        );
    }
    if series.is_empty() && top.get("fixed").is_none() && diags.iter().all(|d| !d.is_error()) {
        diags.push(
            Diagnostic::error("the programme asks for no series")
                .in_file(path)
                .help("add [[series]] tables with `id`, `title`, `themes` and `screenings`"),
        );
    }
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let mut programme = Programme {
        path: path.to_path_buf(),
        id,
        name,
        description,
        url,
        audience,
        day_starts,
        timezone,
        tz: tz.expect("a valid zone when there are no errors"),
        intro,
        interval,
        changeover,
        discussion,
        exclude,
        max_per_director,
        seed,
        venues,
        overlaps: overlap::Overlaps::of(&slots),
        slots,
        series,
        fixed: Vec::new(),
        copies_of: {
            let mut by_film: Vec<Vec<usize>> = vec![Vec::new(); catalogue.films().len()];
            for (i, c) in copies.iter().enumerate() {
                by_film[c.film].push(i);
            }
            by_film
        },
        copies,
        guests,
    };
    // Fixed screenings are checked against the whole programme: its
    // series, copies, guests and rules.
    let mut late = Vec::new();
    programme.fixed = super::fixed::fixed(&top, &src, catalogue, &programme, &mut late);
    late.extend(super::feasibility::feasibility(catalogue, &programme, &src));
    late.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if late.iter().any(Diagnostic::is_error) {
        diags.extend(late);
        diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        return Err(diags);
    }
    diags.extend(late);
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok((programme, diags))
}

/// A slot as written, before its local start is resolved in the zone.
struct RawSlot {
    id: String,
    /// Where a duplicate of the id is reported: the `id` value, or the start.
    id_span: Range<usize>,
    venue: usize,
    start: DateTime,
    length: u32,
    /// Line of the `[[slot]]` or `[[slots]]` table.
    line: usize,
    /// Span of the start (or template time).
    span: Range<usize>,
    tags: Vec<String>,
    audience: AudienceFacts,
}

/// An optional `id` that must be a slug, with its span.
fn slug_id<'t>(
    f: &Fields<'t, '_>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(&'t str, Range<usize>)> {
    let (id, span) = f.str("id", diags)?;
    if !is_slug(id) {
        diags.push(
            Diagnostic::error(format!("{what} `{id}` is not a slug"))
                .at(f.source, span.clone())
                .help(format!("use id = \"{}\"", slugify(id))),
        );
    }
    Some((id, span))
}

/// `a`, `b`, `c`.
pub(super) fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The `[[name]]` tables of the programme, with their spans.
pub(super) fn tables<'t, 'i>(
    top: &Fields<'t, 'i>,
    name: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(&'t toml::de::DeTable<'i>, Range<usize>)> {
    let Some(v) = top.get(name) else {
        return Vec::new();
    };
    match v.get_ref() {
        DeValue::Array(items) => items
            .iter()
            .filter_map(|i| match i.get_ref() {
                DeValue::Table(t) => Some((t, i.span())),
                other => {
                    diags.push(
                        Diagnostic::error(format!(
                            "each `{name}` must be a table, found {}",
                            type_name(other)
                        ))
                        .at(top.source, i.span()),
                    );
                    None
                }
            })
            .collect(),
        other => {
            diags.push(
                Diagnostic::error(format!(
                    "`{name}` must be an array of tables ([[{name}]]), found {}",
                    type_name(other)
                ))
                .at(top.source, v.span()),
            );
            Vec::new()
        }
    }
}

/// An optional web address under `key` (`url`, `tickets`), checked as the
/// catalogue's addresses are ([`crate::addresses::url`]).
pub(super) fn web_address(f: &Fields, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let (u, span) = f.str(key, diags)?;
    match crate::addresses::url(u.trim()) {
        None => Some(u.trim().to_string()),
        Some(fault) => {
            diags.push(crate::addresses::error(f, key, u, span, &fault));
            None
        }
    }
}

//! A published directory: the web page ([`html`](super::html)) and the
//! calendars beside it ([`ical`](super::ical)) — the whole programme, one
//! per series, one per venue and one per screening — as files relative to
//! the directory. Everything is rendered before anything is written; the
//! caller writes the files (each atomically).
//!
//! Re-publishing: give the directory's `calendars/programme.ics` as the
//! previous calendar; every calendar of the directory is then re-published
//! against it, so a series or venue dropped from the programme keeps its
//! file, its events cancelled.

use std::path::PathBuf;

use jiff::Timestamp;

use super::html::{self, CalendarLinks, Page};
use super::ical::previous::Previous;
use super::ical::{calendar, publish, split, Changes, Options, Split};
use super::ExportError;
use crate::catalogue::Catalogue;
use crate::graph::ThemeGraph;
use crate::schedule::Plan;

/// The calendars' folder, relative to the page.
pub const CALENDARS: &str = "calendars";
/// The whole programme's calendar, relative to the page (and the calendar
/// read back as the previous publication).
pub const PROGRAMME_CALENDAR: &str = "calendars/programme.ics";

/// What to publish besides the plan.
pub struct SiteOptions<'a> {
    /// DTSTAMP of the calendars.
    pub now: Timestamp,
    /// The programme's calendar published last time.
    pub previous: Option<&'a Previous>,
    /// Publish even though the previous calendar is of another identity
    /// (its events are cancelled): see [`Options::new_identity`].
    pub new_identity: bool,
    /// Write calendars (and link them from the page).
    pub calendars: bool,
    /// The theme graph picture of the programme's films, as SVG.
    pub picture: Option<String>,
    /// The team's own page, with what only the programmer needs
    /// ([`Page::internal`]).
    pub internal: bool,
}

/// A published directory's files.
pub struct Site {
    /// (path relative to the directory, contents); the page last.
    pub files: Vec<(PathBuf, String)>,
    /// The calendars the page links.
    pub calendars: CalendarLinks,
    /// What the calendars changed (when written).
    pub changes: Option<Changes>,
}

/// Renders the page and its calendars.
pub fn build(
    plan: &Plan,
    catalogue: &Catalogue,
    options: SiteOptions,
) -> Result<Site, ExportError> {
    let mut files = Vec::new();
    let mut links = CalendarLinks::default();
    let mut changes = None;
    let mut status = html::jsonld::Status::default();
    if options.calendars {
        let published = publish(
            plan,
            Some(catalogue),
            &Options {
                now: options.now,
                previous: options.previous,
                new_identity: options.new_identity,
            },
        )?;
        let evs = published.events;
        changes = Some(published.changes);
        status = republished(plan, &evs, options.previous);
        files.push((PathBuf::from(PROGRAMME_CALENDAR), published.calendar));
        links.all = Some(PROGRAMME_CALENDAR.to_string());
        for by in [Split::Series, Split::Venue, Split::Screening] {
            for (stem, (name, part)) in split(plan, &evs, by) {
                let text = calendar(plan, &name, &part, options.now)?;
                let first = part[0];
                // One file per screening, in a folder of their own.
                let (map, key, file) = match by {
                    Split::Series => (
                        &mut links.series,
                        first.series.clone(),
                        format!("{stem}.ics"),
                    ),
                    Split::Venue => (
                        &mut links.venues,
                        first.venue.clone(),
                        format!("{stem}.ics"),
                    ),
                    _ => (
                        &mut links.screenings,
                        first.screening().unwrap_or_default(),
                        format!(
                            "screenings/{}.ics",
                            stem.strip_prefix("screening-").unwrap_or(&stem)
                        ),
                    ),
                };
                let path = format!("{CALENDARS}/{file}");
                map.insert(key, path.clone());
                files.push((PathBuf::from(path), text));
            }
        }
    }
    let page = html::render(&Page {
        plan,
        catalogue: Some(catalogue),
        picture: options.picture,
        calendars: links.clone(),
        status,
        internal: options.internal,
        now: Some(options.now),
    })?;
    files.push((PathBuf::from("index.html"), page));
    Ok(Site {
        files,
        calendars: links,
        changes,
    })
}

/// What the page says of re-publishing: screenings moved since the previous
/// calendar (an event that kept its UID under a new screening id, or whose
/// start changed) and those cancelled now.
fn republished(
    plan: &Plan,
    events: &[crate::export::ical::Event],
    previous: Option<&crate::export::ical::previous::Previous>,
) -> html::jsonld::Status {
    let mut status = html::jsonld::Status::default();
    let Some(previous) = previous else {
        return status;
    };
    let before: std::collections::HashMap<&str, jiff::Timestamp> = previous
        .events
        .iter()
        .filter(|e| !e.cancelled)
        .map(|e| (e.uid.as_str(), e.start))
        .collect();
    for e in events {
        if e.cancelled {
            if before.contains_key(e.uid.as_str()) {
                // The calendar says "Cancelled: " in the summary; here the
                // status says it, and the name stays the screening's.
                let summary = e.text_of("SUMMARY").unwrap_or_default();
                let name = summary.strip_prefix("Cancelled: ").unwrap_or(&summary);
                status.cancelled.push(html::jsonld::Cancelled {
                    name: name.to_string(),
                    start: e.start,
                    end: e.end,
                    location: e.text_of("LOCATION").unwrap_or_default(),
                    description: e
                        .text_of("DESCRIPTION")
                        .filter(|d| !d.trim().is_empty())
                        .unwrap_or_else(|| format!("Cancelled: {name}.")),
                });
            }
            continue;
        }
        if let (Some(id), Some(&was)) = (e.screening(), before.get(e.uid.as_str())) {
            if was != e.start && plan.screenings.iter().any(|s| s.id == id) {
                status.rescheduled.insert(id, was);
            }
        }
    }
    status
}

/// The programme's films the catalogue knows (catalogue indices).
pub fn programme_films(plan: &Plan, catalogue: &Catalogue) -> Vec<usize> {
    plan.screenings
        .iter()
        .flat_map(|s| s.films.iter())
        .filter_map(|f| catalogue.position(&f.id))
        .collect()
}

/// The theme graph picture of the programme's films, when it has two or
/// more; laid out with the plan's seed.
pub fn picture(plan: &Plan, catalogue: &Catalogue, graph: &ThemeGraph) -> Option<String> {
    let films = programme_films(plan, catalogue);
    (films.len() >= 2).then(|| {
        let p = crate::picture::select_films(
            catalogue,
            graph,
            &films,
            &format!("The films of {}", plan.programme),
            plan.metrics.seed,
        );
        crate::picture::svg::render(&p)
    })
}

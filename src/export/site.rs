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
    })?;
    files.push((PathBuf::from("index.html"), page));
    Ok(Site {
        files,
        calendars: links,
        changes,
    })
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

//! Programme files: the venues, screening slots and series requests of a
//! festival or season (TOML under `programmes/`), read and validated against
//! the catalogue by [`load`].
//!
//! Times in a programme are local to its IANA `timezone`. A slot belongs to
//! the festival day its start falls on, even when it ends after midnight.
//! A local time that does not exist (the hour skipped when clocks go
//! forward) is an error; a local time that happens twice (the hour repeated
//! when clocks go back) is taken as its first occurrence, with a warning.
//! A zone that names no place (`GMT`, `Etc/GMT-1`, `EST`) is accepted with a
//! warning, and a name that is not a zone (`BST`, `Glasgow`) is refused with
//! the zone it means: [`timezone`] owns those judgements.
//!
//! Besides [`load`] (reading and validating; the `[[series]]` tables and
//! their ties to the catalogue in `series`), [`ids`] owns the programme and
//! slot ids that calendar UIDs are made from, [`qualify`] which films a
//! series may use, [`values`] the values of keys (ranges, dates, times of
//! day), and [`overlap`] the check that the slots of a venue neither overlap
//! nor crowd the changeover, and which slots overlap one another at all
//! (the planner's [`overlap::Overlaps`]).

pub mod ids;
pub mod load;
pub mod overlap;
pub mod qualify;
mod series;
pub mod timezone;
pub mod values;

use std::path::PathBuf;

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

pub use load::load;

/// A place screenings happen.
#[derive(Debug, Clone)]
pub struct Venue {
    pub id: String,
    pub name: String,
    pub address: Option<String>,
    pub url: Option<String>,
}

/// A time a venue is ours.
#[derive(Debug, Clone)]
pub struct Slot {
    /// Stable id: given; for a template with an `id`, `<id>-<venue>-<YYYYMMDD>`
    /// (`-<n>` added when it has several times); else `<venue>-<YYYYMMDD>-<HHMM>`.
    pub id: String,
    /// Index into [`Programme::venues`].
    pub venue: usize,
    /// Local start.
    pub start: DateTime,
    /// The same instant in absolute time.
    pub start_at: Timestamp,
    /// Minutes the venue is ours, introduction included.
    pub length: u32,
    /// Line of the slot in the programme file.
    pub line: usize,
}

impl Slot {
    /// The festival day: the local date the slot starts on.
    pub fn day(&self) -> Date {
        self.start.date()
    }

    /// When the slot ends (absolute).
    pub fn end_at(&self) -> Timestamp {
        self.start_at
            .checked_add((self.length as i64).minutes())
            .expect("slot lengths are validated to under a day")
    }

    /// Whether two slots' windows `[start, start + length)` overlap.
    pub fn overlaps(&self, other: &Slot) -> bool {
        self.start_at < other.end_at() && other.start_at < self.end_at()
    }
}

/// Whether a film qualifies for a series by any or all of its themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Any,
    All,
}

/// A series the programmer asks for.
#[derive(Debug, Clone)]
pub struct SeriesRequest {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Theme ids; a film qualifies if it carries any (or all, see `matching`)
    /// of them, directly or through a narrower theme.
    pub themes: Vec<String>,
    pub matching: Match,
    /// How many screenings the series should get, at most.
    pub screenings: u32,
    /// Catalogue indices of films that must be screened in this series.
    pub pin: Vec<usize>,
    /// Catalogue indices of films never to use in this series.
    pub exclude: Vec<usize>,
    /// Longest film (minutes) the series may use.
    pub max_runtime: Option<u32>,
    /// Line of the `[[series]]` table, and of its `screenings` and `pin` keys.
    pub line: usize,
    pub screenings_line: usize,
    pub pin_lines: Vec<usize>,
}

/// A whole programme file.
#[derive(Debug, Clone)]
pub struct Programme {
    pub path: PathBuf,
    /// The programme's stable identity (`id`), the namespace of its
    /// calendars' UIDs; None when the file has none (the name serves).
    pub id: Option<String>,
    pub name: String,
    /// IANA zone name, as written.
    pub timezone: String,
    pub tz: TimeZone,
    /// Minutes of introduction, once per screening.
    pub intro: u32,
    /// Minutes between two films of one screening.
    pub interval: u32,
    /// Least minutes between one slot's end and the next slot's start in a venue.
    pub changeover: u32,
    /// Seed of the search when `--seed` is not given.
    pub seed: u64,
    pub venues: Vec<Venue>,
    /// Slots in start order (then venue order).
    pub slots: Vec<Slot>,
    pub series: Vec<SeriesRequest>,
    /// Which slots overlap which in time, across venues.
    pub overlaps: overlap::Overlaps,
}

impl Programme {
    /// Minutes a screening of films with these runtimes occupies.
    pub fn occupied(&self, runtimes: impl IntoIterator<Item = u32>) -> u32 {
        let (mut total, mut n) = (0, 0);
        for r in runtimes {
            total += r;
            n += 1;
        }
        if n == 0 {
            0
        } else {
            self.intro + total + self.interval * (n - 1)
        }
    }

    /// "file:line" for messages.
    pub fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path.display())
    }
}

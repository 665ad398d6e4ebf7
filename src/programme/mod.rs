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
//! their ties to the catalogue in `series`, their criteria and restrictions
//! in `criteria`, copies and guests in `festival`, fixed screenings in
//! `fixed`, requests no plan can meet in `feasibility`), [`ids`] owns the programme and
//! slot ids that calendar UIDs are made from, [`qualify`] which films a
//! series may use, [`values`] the values of keys (ranges, dates, times of
//! day), and [`overlap`] the check that the slots of a venue neither overlap
//! nor crowd the changeover, and which slots overlap one another at all
//! (the planner's [`overlap::Overlaps`]).

pub mod audience;
mod criteria;
mod feasibility;
mod festival;
mod fixed;
pub mod ids;
pub mod load;
pub mod overlap;
pub mod qualify;
mod series;
pub mod timezone;
pub mod values;

use std::path::PathBuf;

pub use audience::AudienceFacts;

use jiff::civil::{Date, DateTime, Time};
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
    /// What it projects (`formats`), lower-cased; None: anything.
    pub formats: Option<Vec<String>>,
}

impl Venue {
    /// Whether the venue projects a copy of this format.
    pub fn projects(&self, format: &str) -> bool {
        self.formats
            .as_ref()
            .is_none_or(|f| f.iter().any(|x| x.eq_ignore_ascii_case(format)))
    }
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
    /// The festival day: the local date it starts on, or the day before
    /// when it starts after midnight but before the programme's
    /// `day_starts` (a late show belongs to the evening it follows).
    pub day: Date,
    /// Minutes the venue is ours, introduction included.
    pub length: u32,
    /// Line of the slot in the programme file.
    pub line: usize,
    /// Free words (`tags`), as written; compared without regard to case.
    pub tags: Vec<String>,
    /// Ticketing and access facts of whatever screening goes here.
    pub audience: AudienceFacts,
}

impl Slot {
    /// Whether the slot carries any of `tags` (case aside).
    pub fn has_any_tag(&self, tags: &[String]) -> bool {
        self.tags
            .iter()
            .any(|t| tags.iter().any(|w| w.eq_ignore_ascii_case(t)))
    }

    /// The festival day (see [`Slot::day`]'s field).
    pub fn day(&self) -> Date {
        self.day
    }

    /// The festival day of a local start, when days begin at `day_starts`.
    pub fn festival_day(start: DateTime, day_starts: Time) -> Date {
        if start.time() < day_starts {
            start.date().yesterday().unwrap_or(start.date())
        } else {
            start.date()
        }
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

/// What a film must be to join a series, besides its themes: every
/// criterion given must hold (see [`qualify`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Criteria {
    /// `films`: only these (catalogue indices).
    pub films: Option<Vec<usize>>,
    /// Canonical country names; the film has any of them.
    pub countries: Vec<String>,
    pub kinds: Vec<crate::catalogue::Kind>,
    /// Director names, folded (case and accents aside).
    pub directors: Vec<String>,
    /// Languages, folded.
    pub languages: Vec<String>,
    /// `years`: inclusive bounds, either open.
    pub years: Option<(Option<i32>, Option<i32>)>,
    /// `silent`: only silent films (true) or only films with sound (false).
    pub silent: Option<bool>,
}

impl Criteria {
    /// Whether any criterion besides themes is given.
    pub fn any(&self) -> bool {
        self != &Criteria::default()
    }
}

/// Which slots a series may use: every restriction given must hold.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    /// Venue indices.
    pub venues: Option<Vec<usize>>,
    /// Festival days.
    pub days: Option<Vec<Date>>,
    /// Slot tags, one of which the slot carries.
    pub tags: Option<Vec<String>>,
}

impl Placement {
    /// Whether a slot satisfies every restriction.
    pub fn allows(&self, slot: &Slot) -> bool {
        self.venues.as_ref().is_none_or(|v| v.contains(&slot.venue))
            && self.days.as_ref().is_none_or(|d| d.contains(&slot.day()))
            && self.tags.as_ref().is_none_or(|t| slot.has_any_tag(t))
    }
}

/// A series the programmer asks for.
#[derive(Debug, Clone)]
pub struct SeriesRequest {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Theme ids; a film qualifies if it carries any (or all, see `matching`)
    /// of them, directly or through a narrower theme. Empty: themes do not
    /// matter (another criterion is given).
    pub themes: Vec<String>,
    pub matching: Match,
    /// The other criteria a film must meet.
    pub criteria: Criteria,
    /// Where its screenings may go.
    pub placement: Placement,
    /// `intro` and `discussion` of its screenings, when the series sets them.
    pub intro: Option<u32>,
    pub discussion: Option<u32>,
    /// How many times each of its screenings is given (1: no repeats).
    pub repeats: u32,
    /// How many screenings the series should get, at most.
    pub screenings: u32,
    /// Catalogue indices of films that must be screened in this series.
    pub pin: Vec<usize>,
    /// Catalogue indices of films never to use in this series.
    pub exclude: Vec<usize>,
    /// Longest film (minutes) the series may use.
    pub max_runtime: Option<u32>,
    /// Ticketing and access facts of its screenings.
    pub audience: AudienceFacts,
    /// Line of the `[[series]]` table, and of its `screenings` and `pin` keys.
    pub line: usize,
    pub screenings_line: usize,
    pub pin_lines: Vec<usize>,
}

/// A screening placed as written (`[[fixed]]`).
#[derive(Debug, Clone)]
pub struct Fixed {
    /// Index into [`Programme::slots`].
    pub slot: usize,
    /// Catalogue indices, in running order.
    pub films: Vec<usize>,
    /// Index into [`Programme::series`]; None for a one-off event.
    pub series: Option<usize>,
    /// A one-off's id and title (for a series screening: the series').
    pub id: String,
    pub title: String,
    pub intro: Option<u32>,
    pub discussion: Option<u32>,
    pub note: Option<String>,
    /// Ticketing and access facts of this screening.
    pub audience: AudienceFacts,
    pub line: usize,
}

/// A copy of a film on site (`[[copy]]`).
#[derive(Debug, Clone)]
pub struct Copy {
    /// Catalogue index.
    pub film: usize,
    /// As written (`"35mm"`); compared without regard to case.
    pub format: String,
    /// Festival days it is on site, inclusive; None: open.
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub line: usize,
}

impl Copy {
    /// Whether the copy is on site on `day`.
    pub fn on_site(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }
}

/// A guest (`[[guest]]`).
#[derive(Debug, Clone)]
pub struct Guest {
    pub name: String,
    /// Catalogue indices.
    pub films: Vec<usize>,
    /// When they are in town: absolute, either end open. Empty: always.
    pub available: Vec<(Option<Timestamp>, Option<Timestamp>)>,
    /// Minutes of discussion when they attend.
    pub discussion: u32,
    pub line: usize,
}

impl Guest {
    /// Whether `[start, end]` lies inside one of the guest's windows.
    pub fn available_for(&self, start: Timestamp, end: Timestamp) -> bool {
        self.available.is_empty()
            || self
                .available
                .iter()
                .any(|(f, u)| f.is_none_or(|f| f <= start) && u.is_none_or(|u| end <= u))
    }
}

/// A whole programme file.
#[derive(Debug, Clone)]
pub struct Programme {
    pub path: PathBuf,
    /// The programme's stable identity (`id`), the namespace of its
    /// calendars' UIDs; None when the file has none (the name serves).
    pub id: Option<String>,
    pub name: String,
    /// The programmer's words about the programme, for the audience.
    pub description: Option<String>,
    /// The programme's public web page (`https://…`), which feeds link to.
    pub url: Option<String>,
    /// When a festival day begins (`day_starts`, default 05:00).
    pub day_starts: Time,
    /// Ticketing and access facts of every screening (`tickets`: the
    /// festival's box office), unless a series, slot or fixed screening
    /// says otherwise.
    pub audience: AudienceFacts,
    /// IANA zone name, as written.
    pub timezone: String,
    pub tz: TimeZone,
    /// Minutes of introduction, once per screening.
    pub intro: u32,
    /// Minutes between two films of one screening.
    pub interval: u32,
    /// Minutes after the films (Q&A), once per screening.
    pub discussion: u32,
    /// Films never scheduled (catalogue indices).
    pub exclude: Vec<usize>,
    /// Most films by one director across the programme.
    pub max_per_director: Option<u32>,
    /// Least minutes between one slot's end and the next slot's start in a venue.
    pub changeover: u32,
    /// Seed of the search when `--seed` is not given.
    pub seed: u64,
    pub venues: Vec<Venue>,
    /// Slots in start order (then venue order).
    pub slots: Vec<Slot>,
    pub series: Vec<SeriesRequest>,
    /// Screenings placed as written, in file order.
    pub fixed: Vec<Fixed>,
    /// Copies of films on site, in file order.
    pub copies: Vec<Copy>,
    /// Per film (catalogue index): its copies' indices, in file order.
    pub copies_of: Vec<Vec<usize>>,
    pub guests: Vec<Guest>,
    /// Which slots overlap which in time, across venues.
    pub overlaps: overlap::Overlaps,
}

impl Programme {
    /// Minutes a screening of films with these runtimes occupies, with the
    /// programme's introduction and no discussion.
    pub fn occupied(&self, runtimes: impl IntoIterator<Item = u32>) -> u32 {
        self.occupied_with(self.intro, 0, runtimes)
    }

    /// Minutes a screening occupies with this introduction and discussion.
    pub fn occupied_with(
        &self,
        intro: u32,
        discussion: u32,
        runtimes: impl IntoIterator<Item = u32>,
    ) -> u32 {
        let (mut total, mut n) = (0, 0);
        for r in runtimes {
            total += r;
            n += 1;
        }
        if n == 0 {
            0
        } else {
            intro + total + self.interval * (n - 1) + discussion
        }
    }

    /// The introduction of a screening of `series` (or of a fixed
    /// screening): the most specific wins.
    pub fn intro_of(&self, series: Option<usize>, fixed: Option<&Fixed>) -> u32 {
        fixed
            .and_then(|f| f.intro)
            .or_else(|| series.and_then(|s| self.series[s].intro))
            .unwrap_or(self.intro)
    }

    /// The discussion of a screening before any guest's: the most specific wins.
    pub fn discussion_of(&self, series: Option<usize>, fixed: Option<&Fixed>) -> u32 {
        fixed
            .and_then(|f| f.discussion)
            .or_else(|| series.and_then(|s| self.series[s].discussion))
            .unwrap_or(self.discussion)
    }

    /// The ticketing and access facts of a screening in `slot`, key by key
    /// the most specific given: the fixed screening's (index into
    /// [`Programme::fixed`]), the slot's, the series' (`series` beyond the
    /// series is a one-off event, which has none of its own), the
    /// programme's.
    pub fn audience_of(&self, series: usize, fixed: Option<usize>, slot: usize) -> AudienceFacts {
        let mut facts = self.audience.clone();
        if let Some(s) = self.series.get(series) {
            facts = s.audience.over(&facts);
        }
        facts = self.slots[slot].audience.over(&facts);
        if let Some(f) = fixed {
            facts = self.fixed[f].audience.over(&facts);
        }
        facts
    }

    /// The copy a film is screened from in `slot`: `Some(None)` when the
    /// programme lists no copy of it (unconstrained), `Some(Some(copy))`
    /// for the first copy on site that the venue projects, None when no
    /// copy can be screened there.
    pub fn copy_for(&self, film: usize, slot: usize) -> Option<Option<&Copy>> {
        let list = &self.copies_of[film];
        if list.is_empty() {
            return Some(None);
        }
        let s = &self.slots[slot];
        list.iter()
            .map(|&c| &self.copies[c])
            .find(|c| c.on_site(s.day()) && self.venues[s.venue].projects(&c.format))
            .map(Some)
    }

    /// Whether a film may be scheduled at all (not in the programme's `exclude`).
    pub fn schedulable(&self, film: usize) -> bool {
        !self.exclude.contains(&film)
    }

    /// "file:line" for messages.
    pub fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path.display())
    }
}

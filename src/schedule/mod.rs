//! The scheduler: from a [`Programme`] and the catalogue to a [`Plan`] —
//! which series screens which films in which slot — within the hard rules,
//! with the reasons for what it could not do.
//!
//! - [`pack`]: the best films for one slot (exact, dynamic programming);
//! - [`search`]: the whole plan (greedy construction + seeded large
//!   neighbourhood search), its objective and hard rules;
//! - [`explain`]: why each series got its films, and shortfalls with causes;
//! - [`keep`]: re-planning around screenings already published;
//! - [`rules`]: every rule checked on a finished plan against its programme
//!   (independently of the search), [`check`]: a plan JSON checked alone;
//! - `report`: the plan's JSON from the searched state.
//!
//! The [`Plan`] serialises to the stable JSON of `slate plan --format json`.

pub mod check;
pub mod explain;
pub mod keep;
pub mod pack;
mod report;
pub mod rules;
pub mod search;

pub use report::report;

use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::diagnostics::Diagnostic;
use crate::graph::ThemeGraph;
use crate::programme::Programme;

use search::{search, Assigned, Instance, Options};

/// A film in a screening.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ScreenedFilm {
    pub id: String,
    pub title: String,
    pub runtime: u32,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    /// When this film begins (RFC 3339): the screening's start, its
    /// introduction, the films before it and the intervals between them.
    /// Absent only in plans written before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The format of the copy screened (`[[copy]]`), when the programme
    /// lists copies of the film.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// One screening of the plan (JSON field names are a public interface).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Screening {
    /// Stable id: `<series>@<slot>`; the same series in the same slot keeps it.
    pub id: String,
    pub slot: String,
    pub venue: String,
    pub venue_name: String,
    #[serde(default)]
    pub venue_address: Option<String>,
    #[serde(default)]
    pub venue_url: Option<String>,
    /// Festival day (the local date the slot starts on), YYYY-MM-DD.
    pub day: String,
    /// RFC 3339 with the zone's offset.
    pub start: String,
    /// The screening's real end: start + intro + runtimes + intervals.
    pub end: String,
    /// The end of the slot (the venue is ours until then).
    pub slot_end: String,
    pub series: String,
    pub series_title: String,
    pub films: Vec<ScreenedFilm>,
    /// Minutes the screening occupies, and minutes of the slot left free.
    pub minutes: u32,
    pub free_minutes: u32,
    /// Kept from a previous plan (`--keep`).
    #[serde(default)]
    pub kept: bool,
    /// Minutes of introduction before the films (the fixed screening's,
    /// the series' or the programme's `intro`). Absent in plans written
    /// before it existed: then the plan's `intro`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<u32>,
    /// Minutes after the films (Q&A, panel): the most specific `discussion`,
    /// or a guest's when longer.
    #[serde(default)]
    pub discussion: u32,
    /// Guests attending this screening (`[[guest]]` names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<String>,
    /// The id of the first screening of the same films when this one is a
    /// repeat (`repeats` on the series).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat_of: Option<String>,
    /// The slot's tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// A fixed screening's `note`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Placed as written in a `[[fixed]]` table.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fixed: bool,
    /// Ticketing and access facts (`tickets`, `price`, `language`,
    /// `subtitles`, `captions`, `audio_description`, `relaxed`, `age`),
    /// key by key the most specific the programme gives (see
    /// [`crate::programme::audience`]).
    #[serde(flatten)]
    pub audience: crate::programme::AudienceFacts,
}

impl Screening {
    /// Minutes of introduction: the screening's own, else the plan's.
    pub fn intro_minutes(&self, plan_intro: u32) -> u32 {
        self.intro.unwrap_or(plan_intro)
    }
}

/// How a series fared.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SeriesOutcome {
    pub id: String,
    pub title: String,
    /// The programmer's words about the series (its `description`), for
    /// the audience.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub requested: u32,
    pub screenings: u32,
    /// Mean thematic similarity of its films (0..=1).
    pub coherence: f32,
    pub films: Vec<String>,
    /// Why these films belong together.
    pub why: String,
    /// When it got fewer screenings than asked: why, with the file line.
    pub shortfall: Option<String>,
    /// A one-off event (a `[[fixed]]` screening without a series), shown
    /// as a series of one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_off: bool,
    /// How many times each of its screenings is given (absent: once).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub repeats: u32,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// Something the plan did not do, and why.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Unscheduled {
    /// `slot` (left empty), `series` (screenings short) or `kept` (a kept
    /// screening dropped).
    pub kind: String,
    pub id: String,
    pub reason: String,
}

/// A slot the plan left empty, with its times, so pages can show it free.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct OpenSlot {
    pub id: String,
    pub venue: String,
    pub venue_name: String,
    /// Festival day, YYYY-MM-DD.
    pub day: String,
    /// RFC 3339 with the zone's offset.
    pub start: String,
    pub end: String,
}

/// Summary figures of a plan.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Metrics {
    pub slots: usize,
    pub slots_used: usize,
    pub screenings_requested: u32,
    pub screenings: u32,
    /// Minutes of film screened.
    pub film_minutes: u32,
    /// Film minutes over the minutes of all slots.
    pub fill: f32,
    /// Mean coherence over the series with films.
    pub coherence: f32,
    /// The search objective (see [`search`]).
    pub objective: f64,
    pub iterations: usize,
    pub seed: u64,
}

/// When a festival day begins, local time (00:00 to 12:00; default 05:00),
/// written `"HH:MM"` in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayStarts(pub jiff::civil::Time);

impl Default for DayStarts {
    fn default() -> Self {
        DayStarts(crate::programme::values::DAY_STARTS)
    }
}

impl std::fmt::Display for DayStarts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.strftime("%H:%M"))
    }
}

impl Serialize for DayStarts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for DayStarts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        match text.parse::<jiff::civil::Time>() {
            Ok(t) if t <= jiff::civil::Time::constant(12, 0, 0, 0) => Ok(DayStarts(t)),
            _ => Err(serde::de::Error::custom(format!(
                "day_starts `{text}` is not a time from 00:00 to 12:00 such as \"05:00\""
            ))),
        }
    }
}

/// A plan, as `slate plan --format json` writes it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Plan {
    pub programme: String,
    /// The programme's identity (its file's `id`), the namespace of its
    /// calendar UIDs; without it, the programme's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme_id: Option<String>,
    /// The programmer's words about the programme (its `description`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The programme's public web page (its `url`), which feeds link to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The programme's own ticketing and access facts (its box office
    /// `tickets`, and the price, languages and access every screening has
    /// unless a series, slot or fixed screening says otherwise): each
    /// screening carries the facts it ends up with, and outputs that list
    /// screenings say these once.
    #[serde(flatten)]
    pub audience: crate::programme::AudienceFacts,
    pub timezone: String,
    /// When a festival day begins, `"HH:MM"` local time (the programme's
    /// `day_starts`): each screening's `day` is the festival day, so one
    /// starting at 00:30 belongs to the evening before. Plans written before
    /// it existed read as 05:00.
    #[serde(default)]
    pub day_starts: DayStarts,
    /// Minutes of introduction per screening, and between films.
    #[serde(default)]
    pub intro: u32,
    #[serde(default)]
    pub interval: u32,
    pub screenings: Vec<Screening>,
    pub series: Vec<SeriesOutcome>,
    pub unscheduled: Vec<Unscheduled>,
    pub metrics: Metrics,
    /// Remarks on the run (a time limit reached, ...).
    pub notes: Vec<String>,
    /// The slots left empty (absent from plans written before it existed).
    #[serde(default)]
    pub open_slots: Vec<OpenSlot>,
    /// The screenings of each repeated programme, found once for the
    /// outputs that ask for every screening's other occurrences (see
    /// [`Plan::groups`]).
    #[serde(skip)]
    pub groups_cache: GroupsCache,
}

/// Screening indices by the id of the original of a repeated programme
/// (the original and its repeats), built on first use. It is not cloned,
/// not compared and not serialised: a cloned or deserialised plan builds
/// its own. Built from the screenings as they are at first use, so a plan
/// is not to be changed once published from.
#[derive(Debug, Default)]
pub struct GroupsCache(std::sync::OnceLock<HashMap<String, Vec<usize>>>);

impl Clone for GroupsCache {
    fn clone(&self) -> Self {
        GroupsCache::default()
    }
}

impl PartialEq for GroupsCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Plan {
    /// The screenings (indices) of the repeated programme whose original is
    /// `original`: the original and its repeats, in plan order; empty for a
    /// programme given once.
    pub fn group(&self, original: &str) -> &[usize] {
        let groups = self.groups_cache.0.get_or_init(|| {
            let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
            let repeated: std::collections::HashSet<&str> = self
                .screenings
                .iter()
                .filter_map(|s| s.repeat_of.as_deref())
                .collect();
            for (i, s) in self.screenings.iter().enumerate() {
                let root = s.repeat_of.as_deref().unwrap_or(&s.id);
                if repeated.contains(root) {
                    groups.entry(root.to_string()).or_default().push(i);
                }
            }
            groups
        });
        groups.get(original).map_or(&[], Vec::as_slice)
    }

    /// The plan's venue ids in the order they first appear (screenings, then
    /// empty slots, each in start order) — the programme file's order for
    /// any plan slate wrote, so every output lists venues alike.
    pub fn venue_order(&self) -> Vec<&str> {
        let mut seen: Vec<(&str, &str)> = self
            .screenings
            .iter()
            .map(|s| (s.start.as_str(), s.venue.as_str()))
            .collect();
        seen.sort_by(|a, b| a.0.cmp(b.0));
        let mut open: Vec<(&str, &str)> = self
            .open_slots
            .iter()
            .map(|o| (o.start.as_str(), o.venue.as_str()))
            .collect();
        open.sort_by(|a, b| a.0.cmp(b.0));
        let mut out: Vec<&str> = Vec::new();
        for (_, v) in seen.into_iter().chain(open) {
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }

    /// How many different films the plan screens.
    pub fn film_count(&self) -> usize {
        self.screenings
            .iter()
            .flat_map(|s| s.films.iter().map(|f| f.id.as_str()))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    }
}

/// Planning settings.
pub struct PlanOptions<'p> {
    pub seed: u64,
    /// Stop the search after this long (`--time-limit`). None (the
    /// default): run the whole iteration budget, so the plan is the same
    /// on every machine.
    pub time_limit: Option<Duration>,
    /// Iterations of the search (None: [`search::default_iterations`]).
    pub iterations: Option<usize>,
    /// A previously published plan whose screenings should stay.
    pub keep: Option<&'p Plan>,
    pub progress: &'p (dyn Fn(usize, usize) + Sync),
}

/// Why no plan could be made: hard requirements that cannot be met.
#[derive(Debug, thiserror::Error)]
#[error("the programme cannot be planned")]
pub struct PlanError {
    pub diagnostics: Vec<Diagnostic>,
}

/// Plans a programme.
pub fn plan(
    programme: &Programme,
    catalogue: &Catalogue,
    graph: &ThemeGraph,
    options: &PlanOptions,
) -> Result<Plan, PlanError> {
    let inst = Instance::new(programme, catalogue, graph);
    let mut locked = fixed_groups(&inst);
    let (kept, mut dropped) = match options.keep {
        Some(previous) => keep::resolve(&inst, previous),
        None => (Vec::new(), Vec::new()),
    };
    let kept_slots: Vec<usize> = kept.iter().flatten().map(|(s, _)| *s).collect();
    let (kept, lost) = keep::attach(&inst, &mut locked, kept);
    dropped.extend(lost);
    locked.extend(kept.iter().cloned());
    let outcome = search(
        &inst,
        &Options {
            seed: options.seed,
            time_limit: options.time_limit,
            iterations: options.iterations,
            keep: locked,
            progress: options.progress,
        },
    );
    if !outcome.unplaced_pins.is_empty() || !outcome.unseated.is_empty() {
        let mut diagnostics = explain::unplaceable_pins(&inst, &outcome.unplaced_pins, &kept_slots);
        diagnostics.extend(explain::unseated_guests(
            &inst,
            &outcome.state,
            &outcome.unseated,
        ));
        return Err(PlanError { diagnostics });
    }
    let mut plan = report(&inst, &outcome.state, &kept_slots);
    plan.metrics.objective = (outcome.score * 1000.0).round() / 1000.0;
    plan.metrics.iterations = outcome.iterations;
    plan.metrics.seed = options.seed;
    plan.unscheduled.extend(dropped);
    explain::shortfalls(&inst, &outcome.state, &mut plan);
    explain::festival_shortfalls(&inst, &outcome.state, &mut plan);
    if options.time_limit.is_some() {
        plan.notes.push(if outcome.timed_out {
            format!(
                "the search stopped at the time limit after {} of {} iterations; where it stops depends on the machine and its load, so this plan is not reproducible (leave out --time-limit for the same plan everywhere)",
                outcome.iterations, outcome.planned_iterations
            )
        } else {
            format!(
                "a time limit was set, so this plan is not reproducible in general (where the search stops depends on the machine and its load); this time it ran all {} iterations",
                outcome.planned_iterations
            )
        });
    }
    Ok(plan)
}

/// The fixed screenings as locked groups: the occurrences of one series'
/// screening together (first in time first), each one-off on its own.
fn fixed_groups(inst: &Instance) -> Vec<Vec<(usize, Assigned)>> {
    let p = inst.programme;
    let mut order: Vec<usize> = (0..p.fixed.len()).collect();
    order.sort_by_key(|&i| p.fixed[i].slot);
    let mut groups: Vec<Vec<(usize, Assigned)>> = Vec::new();
    for i in order {
        let f = &p.fixed[i];
        let a = Assigned {
            series: f.series.unwrap_or(p.series.len() + i),
            films: f.films.clone(),
            anchor: None,
            repeats: Vec::new(),
            guests: Vec::new(),
            intro: p.intro_of(f.series, Some(f)),
            discussion: p.discussion_of(f.series, Some(f)),
            fixed: Some(i),
        };
        let same = groups
            .iter_mut()
            .find(|g| f.series.is_some() && g[0].1.series == a.series && g[0].1.films == a.films);
        match same {
            Some(g) => {
                let mut rep = a;
                rep.anchor = Some(g[0].0);
                g.push((f.slot, rep));
            }
            None => groups.push(vec![(f.slot, a)]),
        }
    }
    groups
}

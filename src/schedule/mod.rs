//! The scheduler: from a [`Programme`] and the catalogue to a [`Plan`] —
//! which series screens which films in which slot — within the hard rules,
//! with the reasons for what it could not do.
//!
//! - [`pack`]: the best films for one slot (exact, dynamic programming);
//! - [`search`]: the whole plan (greedy construction + seeded large
//!   neighbourhood search), its objective and hard rules;
//! - [`explain`]: why each series got its films, and shortfalls with causes;
//! - [`keep`]: re-planning around screenings already published.
//!
//! The [`Plan`] serialises to the stable JSON of `slate plan --format json`.

pub mod check;
pub mod explain;
pub mod keep;
pub mod pack;
pub mod rules;
pub mod search;

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::diagnostics::Diagnostic;
use crate::graph::ThemeGraph;
use crate::programme::Programme;

use search::{coherence, search, Assigned, Instance, Options};

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
    pub requested: u32,
    pub screenings: u32,
    /// Mean thematic similarity of its films (0..=1).
    pub coherence: f32,
    pub films: Vec<String>,
    /// Why these films belong together.
    pub why: String,
    /// When it got fewer screenings than asked: why, with the file line.
    pub shortfall: Option<String>,
    /// A one-off event (a `[[fixed]]` screening without a series, such as
    /// an opening night), shown as a series of one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub one_off: bool,
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

/// A plan, as `slate plan --format json` writes it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Plan {
    pub programme: String,
    /// The programme's identity (its file's `id`), the namespace of its
    /// calendar UIDs; without it, the programme's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme_id: Option<String>,
    pub timezone: String,
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
}

impl Plan {
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
    let (keep, dropped) = match options.keep {
        Some(previous) => keep::resolve(&inst, previous),
        None => (Vec::new(), Vec::new()),
    };
    let outcome = search(
        &inst,
        &Options {
            seed: options.seed,
            time_limit: options.time_limit,
            iterations: options.iterations,
            keep: keep.clone(),
            progress: options.progress,
        },
    );
    if !outcome.unplaced_pins.is_empty() {
        return Err(PlanError {
            diagnostics: explain::unplaceable_pins(&inst, &outcome.unplaced_pins, &keep),
        });
    }
    let kept: Vec<usize> = keep.iter().map(|(s, _)| *s).collect();
    let mut plan = report(&inst, &outcome.state.assign, &kept);
    plan.metrics.objective = (outcome.score * 1000.0).round() / 1000.0;
    plan.metrics.iterations = outcome.iterations;
    plan.metrics.seed = options.seed;
    plan.unscheduled.extend(dropped);
    explain::shortfalls(&inst, &outcome.state.assign, &mut plan);
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

fn rfc3339(ts: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    ts.to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Builds the plan's report from an assignment of slots.
pub fn report(inst: &Instance, assign: &[Option<Assigned>], kept: &[usize]) -> Plan {
    let p = inst.programme;
    let films = inst.catalogue.films();
    let mut is_kept = vec![false; assign.len()];
    for &k in kept {
        is_kept[k] = true;
    }
    let mut screenings = Vec::new();
    for (i, a) in assign.iter().enumerate() {
        let Some(a) = a else { continue };
        let slot = &p.slots[i];
        let series = &p.series[a.series];
        let occupied = p.occupied(a.films.iter().map(|&f| films[f].runtime.unwrap_or(0)));
        let end = slot
            .start_at
            .checked_add(jiff::SignedDuration::from_mins(occupied as i64))
            .expect("within a day of the slot");
        screenings.push(Screening {
            id: format!("{}@{}", series.id, slot.id),
            slot: slot.id.clone(),
            venue: p.venues[slot.venue].id.clone(),
            venue_name: p.venues[slot.venue].name.clone(),
            venue_address: p.venues[slot.venue].address.clone(),
            venue_url: p.venues[slot.venue].url.clone(),
            day: slot.day().to_string(),
            start: rfc3339(slot.start_at, &p.tz),
            end: rfc3339(end, &p.tz),
            slot_end: rfc3339(slot.end_at(), &p.tz),
            series: series.id.clone(),
            series_title: series.title.clone(),
            films: {
                let mut at = slot.start_at + jiff::SignedDuration::from_mins(p.intro as i64);
                a.films
                    .iter()
                    .map(|&f| {
                        let runtime = films[f].runtime.unwrap_or(0);
                        let film = ScreenedFilm {
                            id: films[f].id.clone(),
                            title: films[f].title.clone(),
                            runtime,
                            year: films[f].year,
                            directors: films[f].directors.clone(),
                            start: Some(rfc3339(at, &p.tz)),
                            format: None,
                        };
                        at += jiff::SignedDuration::from_mins((runtime + p.interval) as i64);
                        film
                    })
                    .collect()
            },
            minutes: occupied,
            free_minutes: slot.length - occupied,
            kept: is_kept[i],
            intro: Some(p.intro),
            ..Default::default()
        });
    }
    let open_slots = assign
        .iter()
        .zip(&p.slots)
        .filter(|(a, _)| a.is_none())
        .map(|(_, slot)| OpenSlot {
            id: slot.id.clone(),
            venue: p.venues[slot.venue].id.clone(),
            venue_name: p.venues[slot.venue].name.clone(),
            day: slot.day().to_string(),
            start: rfc3339(slot.start_at, &p.tz),
            end: rfc3339(slot.end_at(), &p.tz),
        })
        .collect();
    let mut series_out = Vec::new();
    let mut coherences = Vec::new();
    for (s, req) in p.series.iter().enumerate() {
        let chosen: Vec<usize> = assign
            .iter()
            .flatten()
            .filter(|a| a.series == s)
            .flat_map(|a| a.films.iter().copied())
            .collect();
        let count = assign.iter().flatten().filter(|a| a.series == s).count() as u32;
        let c = coherence(inst.graph, &chosen);
        if !chosen.is_empty() {
            coherences.push(c);
        }
        series_out.push(SeriesOutcome {
            id: req.id.clone(),
            title: req.title.clone(),
            requested: req.screenings,
            screenings: count,
            coherence: (c * 1000.0).round() / 1000.0,
            films: chosen.iter().map(|&f| films[f].id.clone()).collect(),
            why: explain::why_series(inst, s, &chosen),
            shortfall: None,
            one_off: false,
        });
    }
    let film_minutes: u32 = assign
        .iter()
        .flatten()
        .flat_map(|a| a.films.iter())
        .map(|&f| films[f].runtime.unwrap_or(0))
        .sum();
    let slot_minutes: u32 = p.slots.iter().map(|s| s.length).sum();
    Plan {
        programme: p.name.clone(),
        programme_id: p.id.clone(),
        timezone: p.timezone.clone(),
        intro: p.intro,
        interval: p.interval,
        metrics: Metrics {
            slots: p.slots.len(),
            slots_used: screenings.len(),
            screenings_requested: p.series.iter().map(|s| s.screenings).sum(),
            screenings: screenings.len() as u32,
            film_minutes,
            fill: if slot_minutes == 0 {
                0.0
            } else {
                ((film_minutes as f32 / slot_minutes as f32) * 1000.0).round() / 1000.0
            },
            coherence: if coherences.is_empty() {
                0.0
            } else {
                ((coherences.iter().sum::<f32>() / coherences.len() as f32) * 1000.0).round()
                    / 1000.0
            },
            objective: 0.0,
            iterations: 0,
            seed: 0,
        },
        screenings,
        series: series_out,
        unscheduled: Vec::new(),
        notes: Vec::new(),
        open_slots,
    }
}

//! The plan's report: from the searched state to the [`Plan`] that
//! `slate plan --format json` writes — each screening with its times, its
//! films' own starts and copies, guests, repeats and notes; each series'
//! outcome; the empty slots and the figures.

use super::explain;
use super::search::{coherence, Instance, State};
use super::{Metrics, OpenSlot, Plan, ScreenedFilm, Screening, SeriesOutcome};

fn rfc3339(ts: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> String {
    ts.to_zoned(tz.clone())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Builds the plan's report from a searched state; `kept` are the slots
/// kept from a previous plan.
pub fn report(inst: &Instance, state: &State, kept: &[usize]) -> Plan {
    let p = inst.programme;
    let films = inst.catalogue.films();
    let assign = &state.assign;
    let group_name = |series: usize| -> (&str, &str) {
        if inst.is_event(series) {
            let f = &p.fixed[series - p.series.len()];
            (&f.id, &f.title)
        } else {
            (&p.series[series].id, &p.series[series].title)
        }
    };
    // The first occurrence in time of each group (slots are in start order).
    let original = |slot: usize| -> usize {
        let a = assign[slot].as_ref().expect("assigned");
        let anchor = a.anchor.unwrap_or(slot);
        let head = assign[anchor].as_ref().expect("anchors stay");
        std::iter::once(anchor)
            .chain(head.repeats.iter().copied())
            .min()
            .expect("one at least")
    };
    let mut screenings = Vec::new();
    for (i, a) in assign.iter().enumerate() {
        let Some(a) = a else { continue };
        let slot = &p.slots[i];
        let venue = &p.venues[slot.venue];
        let (series_id, series_title) = group_name(a.series);
        let occupied = a.occupied(inst);
        let end = slot
            .start_at
            .checked_add(jiff::SignedDuration::from_mins(occupied as i64))
            .expect("within a day of the slot");
        let mut at = slot.start_at + jiff::SignedDuration::from_mins(a.intro as i64);
        let screened: Vec<ScreenedFilm> = a
            .films
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
                    format: p.copy_for(f, i).flatten().map(|c| c.format.clone()),
                };
                at += jiff::SignedDuration::from_mins((runtime + p.interval) as i64);
                film
            })
            .collect();
        let first = original(i);
        screenings.push(Screening {
            id: format!("{series_id}@{}", slot.id),
            slot: slot.id.clone(),
            venue: venue.id.clone(),
            venue_name: venue.name.clone(),
            venue_address: venue.address.clone(),
            venue_url: venue.url.clone(),
            day: slot.day().to_string(),
            start: rfc3339(slot.start_at, &p.tz),
            end: rfc3339(end, &p.tz),
            slot_end: rfc3339(slot.end_at(), &p.tz),
            series: series_id.to_string(),
            series_title: series_title.to_string(),
            films: screened,
            minutes: occupied,
            free_minutes: slot.length - occupied,
            kept: kept.contains(&i),
            intro: Some(a.intro),
            discussion: a.discussion,
            guests: a.guests.iter().map(|&g| p.guests[g].name.clone()).collect(),
            repeat_of: (first != i).then(|| format!("{series_id}@{}", p.slots[first].id)),
            tags: slot.tags.clone(),
            note: a.fixed.and_then(|f| p.fixed[f].note.clone()),
            fixed: a.fixed.is_some(),
            audience: p.audience_of(a.series, a.fixed, i),
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
    for s in 0..p.series.len() + p.fixed.len() {
        let event = inst.is_event(s);
        // Events exist only when fixed as one-offs.
        if event && p.fixed[s - p.series.len()].series.is_some() {
            continue;
        }
        let firsts: Vec<usize> = (0..assign.len())
            .filter(|&i| {
                assign[i]
                    .as_ref()
                    .is_some_and(|a| a.series == s && a.anchor.is_none())
            })
            .collect();
        let chosen: Vec<usize> = firsts
            .iter()
            .flat_map(|&i| assign[i].as_ref().expect("assigned").films.iter().copied())
            .collect();
        let c = coherence(inst.graph, &chosen);
        let (id, title) = group_name(s);
        if event {
            series_out.push(SeriesOutcome {
                id: id.to_string(),
                title: title.to_string(),
                description: None,
                requested: 1,
                screenings: firsts.len() as u32,
                coherence: 1.0,
                films: chosen.iter().map(|&f| films[f].id.clone()).collect(),
                why: "a one-off event, fixed in the programme".into(),
                shortfall: None,
                one_off: true,
                repeats: 1,
            });
            continue;
        }
        if !chosen.is_empty() {
            coherences.push(c);
        }
        let req = &p.series[s];
        series_out.push(SeriesOutcome {
            id: id.to_string(),
            title: title.to_string(),
            description: req.description.clone(),
            requested: req.screenings,
            screenings: firsts.len() as u32,
            coherence: (c * 1000.0).round() / 1000.0,
            films: chosen.iter().map(|&f| films[f].id.clone()).collect(),
            why: explain::why_series(inst, s, &chosen),
            shortfall: None,
            one_off: false,
            repeats: req.repeats,
        });
    }
    let film_minutes: u32 = assign
        .iter()
        .flatten()
        .flat_map(|a| a.films.iter())
        .map(|&f| films[f].runtime.unwrap_or(0))
        .sum();
    let slot_minutes: u32 = p.slots.iter().map(|s| s.length).sum();
    let events = p.fixed.iter().filter(|f| f.series.is_none()).count() as u32;
    Plan {
        programme: p.name.clone(),
        programme_id: p.id.clone(),
        description: p.description.clone(),
        url: p.url.clone(),
        audience: p.audience.clone(),
        timezone: p.timezone.clone(),
        day_starts: super::DayStarts(p.day_starts),
        intro: p.intro,
        interval: p.interval,
        metrics: Metrics {
            slots: p.slots.len(),
            slots_used: screenings.len(),
            screenings_requested: p
                .series
                .iter()
                .map(|s| s.screenings * s.repeats)
                .sum::<u32>()
                + events,
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
        groups_cache: Default::default(),
    }
}

//! Requests no plan can meet, found before solving: a guest never in town
//! when a slot could take their film, a copy never on site where its film
//! may go, a format no venue projects, repeats with too few days, more
//! screenings asked for than slots. Warnings at the line of the guest, copy
//! or series concerned, so they are seen before the plan's shortfalls.

use super::fixed::copies_text;
use super::Programme;
use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, SourceFile};

/// Requests no plan can meet, found before solving: warnings at the line
/// of the guest, copy or series concerned.
pub(super) fn feasibility(
    catalogue: &Catalogue,
    p: &Programme,
    src: &SourceFile,
) -> Vec<Diagnostic> {
    let films = catalogue.films();
    let mut out = Vec::new();
    let warn = |line: usize, message: String, help: &str| {
        let mut d = Diagnostic::warning(message).in_file(&src.path).help(help);
        d.line = Some(line);
        d
    };
    // Series a film may join (by its criteria), for guests and copies.
    let joins = |film: usize| -> Vec<usize> {
        (0..p.series.len())
            .filter(|&s| {
                p.schedulable(film) && super::qualify::qualifies(catalogue, &p.series[s], film)
            })
            .collect()
    };
    let fixed_film = |film: usize| p.fixed.iter().any(|f| f.films.contains(&film));
    for g in &p.guests {
        for &film in &g.films {
            if fixed_film(film) {
                continue;
            }
            let Some(runtime) = films[film].runtime else {
                continue;
            };
            let series = joins(film);
            let can = series.iter().any(|&s| {
                let discussion = p.discussion_of(Some(s), None).max(g.discussion);
                let need = p.intro_of(Some(s), None) + runtime + discussion;
                p.slots.iter().enumerate().any(|(i, sl)| {
                    p.series[s].placement.allows(sl)
                        && need <= sl.length
                        && p.copy_for(film, i).is_some()
                        && g.available_for(
                            sl.start_at,
                            sl.start_at + jiff::SignedDuration::from_mins(need as i64),
                        )
                })
            });
            if !can {
                out.push(warn(
                    g.line,
                    format!(
                        "guest `{}` can attend no screening of `{}`: {}",
                        g.name,
                        films[film].id,
                        if series.is_empty() {
                            "no series of the programme may use the film".to_string()
                        } else {
                            "no slot its series may use lies inside the guest's windows with room for the film and the discussion".to_string()
                        }
                    ),
                    "the film is screened only with its guest, so it will not be scheduled; widen the guest's `available` windows or add a slot",
                ));
            }
        }
    }
    let mut with_copies: Vec<usize> = p.copies.iter().map(|c| c.film).collect();
    with_copies.sort_unstable();
    with_copies.dedup();
    for film in with_copies {
        if fixed_film(film) {
            continue;
        }
        let series = joins(film);
        if series.is_empty() {
            continue;
        }
        let can = series.iter().any(|&s| {
            p.slots
                .iter()
                .enumerate()
                .any(|(i, sl)| p.series[s].placement.allows(sl) && p.copy_for(film, i).is_some())
        });
        if !can {
            let line = p
                .copies
                .iter()
                .find(|c| c.film == film)
                .map_or(0, |c| c.line);
            out.push(warn(
                line,
                format!(
                    "`{}` cannot be screened: {}, and no slot its series may use is on such a day at a venue projecting it",
                    films[film].id,
                    copies_text(p, film)
                ),
                "change the copy's dates, a venue's `formats`, or the series' restrictions",
            ));
        }
    }
    for c in &p.copies {
        if !p.venues.iter().any(|v| v.projects(&c.format)) {
            out.push(warn(
                c.line,
                format!(
                    "no venue projects {} (the copy of `{}`)",
                    c.format, films[c.film].id
                ),
                "add the format to a venue's `formats`",
            ));
        }
    }
    // Fixed screenings of a series are among its requests; one-offs are not.
    let requested: u32 = p.series.iter().map(|s| s.screenings * s.repeats).sum();
    let free = p.slots.len() - p.fixed.iter().filter(|f| f.series.is_none()).count();
    let repeated = p.series.iter().any(|s| s.repeats > 1);
    if repeated && requested as usize > free {
        let mut d = Diagnostic::warning(format!(
            "the series ask for {requested} screenings with their repeats, and {free} slots are free"
        ))
        .in_file(&src.path)
        .help("some series will get fewer screenings; the plan says which");
        d.line = None;
        out.push(d);
    }
    for req in &p.series {
        if req.repeats < 2 {
            continue;
        }
        let mut days: Vec<jiff::civil::Date> = p
            .slots
            .iter()
            .filter(|s| req.placement.allows(s))
            .map(|s| s.day())
            .collect();
        days.dedup();
        days.sort();
        days.dedup();
        if (days.len() as u32) < req.repeats {
            out.push(warn(
                req.line,
                format!(
                    "series `{}` repeats each screening {} times on different days, but may use slots on only {} day{}",
                    req.id,
                    req.repeats,
                    days.len(),
                    if days.len() == 1 { "" } else { "s" }
                ),
                "it will get no screenings; lower `repeats` or widen `days`",
            ));
        }
    }
    out
}

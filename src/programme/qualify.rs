//! Which films a series may use: a film qualifies when it carries the
//! series' themes (any or all of them, directly or through a narrower
//! theme), is not excluded, and is no longer than its `max_runtime`.
//!
//! The loader (pins must qualify), the planner (its candidates), `--keep`
//! (a kept film must still qualify) and the explanations all ask this; it
//! lives here, apart from reading the file, so they ask the same question.

use super::{Match, SeriesRequest};
use crate::catalogue::Catalogue;

/// The series' themes a film lacks for it: with `match = "any"` all of them
/// when it carries none (else nothing), with `match = "all"` each one it does
/// not carry, directly or through a narrower theme.
pub fn missing_themes<'s>(
    catalogue: &Catalogue,
    series: &'s SeriesRequest,
    film: usize,
) -> Vec<&'s str> {
    let vocab = catalogue.vocabulary();
    let f = &catalogue.films()[film];
    let carries = |want: &String| f.themes.iter().any(|t| vocab.implies(t, want));
    let lacking: Vec<&str> = series
        .themes
        .iter()
        .filter(|t| !carries(t))
        .map(String::as_str)
        .collect();
    match series.matching {
        Match::Any if lacking.len() < series.themes.len() => Vec::new(),
        _ => lacking,
    }
}

/// Whether a film qualifies for a series: it carries any (or all) of the
/// series' themes, directly or through a narrower theme, is not excluded,
/// and is not longer than the series' `max_runtime`.
pub fn qualifies(catalogue: &Catalogue, series: &SeriesRequest, film: usize) -> bool {
    let vocab = catalogue.vocabulary();
    let f = &catalogue.films()[film];
    let carries = |want: &String| f.themes.iter().any(|t| vocab.implies(t, want));
    let themed = match series.matching {
        Match::Any => series.themes.iter().any(carries),
        Match::All => !series.themes.is_empty() && series.themes.iter().all(carries),
    };
    themed
        && !series.exclude.contains(&film)
        && series
            .max_runtime
            .is_none_or(|m| f.runtime.is_some_and(|r| r <= m))
}

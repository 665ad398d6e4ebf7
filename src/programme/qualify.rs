//! Which films a series may use: a film qualifies when it carries the
//! series' themes (any or all of them, directly or through a narrower
//! theme) when it names themes, meets every other criterion it gives
//! (`films`, `countries`, `kinds`, `directors`, `languages`, `years`, `silent`), is
//! not excluded, and is no longer than its `max_runtime`.
//!
//! The loader (pins must qualify), the planner (its candidates), `--keep`
//! (a kept film must still qualify) and the explanations all ask this; it
//! lives here, apart from reading the file, so they ask the same question.

use super::{Criteria, Match, SeriesRequest};
use crate::catalogue::Catalogue;
use crate::text::fold;

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
/// series' themes, directly or through a narrower theme (when the series
/// names themes), meets every other criterion given, is not excluded, and
/// is not longer than the series' `max_runtime`.
pub fn qualifies(catalogue: &Catalogue, series: &SeriesRequest, film: usize) -> bool {
    let f = &catalogue.films()[film];
    themed(catalogue, series, film)
        && unmet_criteria(catalogue, &series.criteria, film).is_empty()
        && !series.exclude.contains(&film)
        && series
            .max_runtime
            .is_none_or(|m| f.runtime.is_some_and(|r| r <= m))
}

/// Whether the film meets the series' themes (always, when it names none).
fn themed(catalogue: &Catalogue, series: &SeriesRequest, film: usize) -> bool {
    if series.themes.is_empty() {
        return true;
    }
    let vocab = catalogue.vocabulary();
    let f = &catalogue.films()[film];
    let carries = |want: &String| f.themes.iter().any(|t| vocab.implies(t, want));
    match series.matching {
        Match::Any => series.themes.iter().any(carries),
        Match::All => series.themes.iter().all(carries),
    }
}

/// The criteria (besides themes) a film does not meet, each as a phrase
/// for messages ("its year 1990 is not in 1925..1939").
pub fn unmet_criteria(catalogue: &Catalogue, c: &Criteria, film: usize) -> Vec<String> {
    let f = &catalogue.films()[film];
    let mut out = Vec::new();
    if let Some(list) = &c.films {
        if !list.contains(&film) {
            out.push("it is not among the series' `films`".to_string());
        }
    }
    if !c.countries.is_empty() && !f.countries.iter().any(|x| c.countries.contains(x)) {
        out.push(match f.countries.is_empty() {
            true => "the catalogue gives no country for it".to_string(),
            false => format!("it is from {}", f.countries.join(", ")),
        });
    }
    if !c.kinds.is_empty() && !f.kind.is_some_and(|k| c.kinds.contains(&k)) {
        out.push(match f.kind {
            Some(k) => format!("it is {}", k.as_str()),
            None => "the catalogue gives no kind for it".to_string(),
        });
    }
    if !c.directors.is_empty() && !f.directors.iter().any(|d| c.directors.contains(&fold(d))) {
        out.push(match f.directors.is_empty() {
            true => "the catalogue gives no director for it".to_string(),
            false => format!("it is by {}", f.directors.join(", ")),
        });
    }
    if !c.languages.is_empty() && !f.languages.iter().any(|l| c.languages.contains(&fold(l))) {
        out.push(match f.languages.is_empty() {
            true => "the catalogue gives no language for it".to_string(),
            false => format!("it is in {}", f.languages.join(", ")),
        });
    }
    if let Some(silent) = c.silent {
        if f.silent != silent {
            out.push(match f.silent {
                true => "it is a silent film".to_string(),
                false => "it is not a silent film".to_string(),
            });
        }
    }
    if let Some((lo, hi)) = c.years {
        let inside = f
            .year
            .is_some_and(|y| lo.is_none_or(|l| l <= y) && hi.is_none_or(|h| y <= h));
        if !inside {
            out.push(match f.year {
                Some(y) => format!("its year {y} is not in {}", years_text(lo, hi)),
                None => "the catalogue gives no year for it".to_string(),
            });
        }
    }
    out
}

/// "1970..1989", "1970..", "..1989".
pub fn years_text(lo: Option<i32>, hi: Option<i32>) -> String {
    let show = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    if lo.is_some() && lo == hi {
        return show(lo);
    }
    format!("{}..{}", show(lo), show(hi))
}

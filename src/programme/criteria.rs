//! The keys of a `[[series]]` table beyond themes: how it chooses films
//! (`films`, `countries`, `kinds`, `directors`, `languages`, `years`, `silent`),
//! where its screenings may go (`venues`, `days`, `tags`) and the time
//! around its films (`intro`, `discussion`, `repeats`).
//!
//! Values are tied to what exists: a country is resolved to the
//! catalogue's canonical name (aliases such as "USSR" accepted), a director
//! or language must be one some film in the catalogue has (else the nearest
//! is suggested), a venue must be the programme's. Every problem is
//! reported, located, at once.

use std::collections::BTreeSet;
use std::ops::Range;

use jiff::civil::Date;
use toml::de::DeValue;

use super::load::MAX_INTRO;
use super::values::{date, ranged};
use super::{Criteria, Placement};
use crate::catalogue::{Catalogue, Kind};
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::{did_you_mean, fold};
use crate::toml_fields::{type_name, Fields};

/// The most times a screening may be repeated.
pub const MAX_REPEATS: i64 = 10;
/// The earliest and latest years a `years` range may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1870..=2100;

/// Resolves a venue id at a span (reporting an unknown one).
pub(super) type VenueOf<'v> =
    dyn Fn(&str, Range<usize>, &mut Vec<Diagnostic>) -> Option<usize> + 'v;

/// A series' keys besides themes, screenings, pins and exclusions.
pub(super) struct SeriesKeys {
    pub criteria: Criteria,
    pub placement: Placement,
    pub intro: Option<u32>,
    pub discussion: Option<u32>,
    pub repeats: u32,
}

/// Reads them, reporting every problem. `venue_of` resolves a venue id.
pub(super) fn series_keys(
    f: &Fields<'_, '_>,
    src: &SourceFile,
    catalogue: &Catalogue,
    venue_of: &VenueOf,
    diags: &mut Vec<Diagnostic>,
) -> SeriesKeys {
    let what = f.what.clone();
    let films = f.str_list("films", diags).map(|list| {
        let mut out = Vec::new();
        for (id, span) in list {
            match catalogue.position(id) {
                Some(i) => out.push(i),
                None => diags.push(
                    Diagnostic::error(format!("unknown film `{id}` in `films` of {what}"))
                        .at(src, span)
                        .value(id)
                        .help(
                            did_you_mean(id, catalogue.films().iter().map(|f| f.id.as_str()))
                                .unwrap_or_else(|| {
                                    "films are named by their catalogue id (`slate catalog list` shows them)".into()
                                }),
                        ),
                ),
            }
        }
        empty_list(f, "films", diags);
        out
    });
    let countries = f
        .str_list("countries", diags)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(c, span)| match crate::countries::canonical(c) {
            Some(name) => Some(name.to_string()),
            None => {
                diags.push(
                    Diagnostic::error(format!("unknown country `{c}` in {what}"))
                        .at(src, span)
                        .value(c)
                        .help(match crate::countries::suggest(c) {
                            Some(s) => format!("did you mean `{s}`?"),
                            None => "write countries as the catalogue does, such as \"United Kingdom\" or \"Soviet Union\"".into(),
                        }),
                );
                None
            }
        })
        .collect();
    let kinds = f
        .str_list("kinds", diags)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, span)| {
            let found = Kind::ALL
                .into_iter()
                .find(|x| x.as_str() == k.trim().to_lowercase());
            if found.is_none() {
                diags.push(
                    Diagnostic::error(format!("unknown kind `{k}` in {what}"))
                        .at(src, span)
                        .value(k)
                        .help(format!(
                            "kinds are {}",
                            Kind::ALL.map(|k| format!("\"{}\"", k.as_str())).join(", ")
                        )),
                );
            }
            found
        })
        .collect();
    let known = |pick: fn(&crate::catalogue::Film) -> &Vec<String>| -> BTreeSet<&str> {
        catalogue
            .films()
            .iter()
            .flat_map(|film| pick(film).iter().map(String::as_str))
            .collect()
    };
    let directors = names(
        f,
        "directors",
        "director",
        &known(|film| &film.directors),
        diags,
    );
    let languages = names(
        f,
        "languages",
        "language",
        &known(|film| &film.languages),
        diags,
    );
    let years = years(f, diags);
    for key in ["countries", "kinds", "directors", "languages"] {
        empty_list(f, key, diags);
    }

    let venues = f.str_list("venues", diags).map(|list| {
        empty_list(f, "venues", diags);
        list.into_iter()
            .filter_map(|(v, span)| venue_of(v, span, diags))
            .collect()
    });
    let days = f.get("days").map(|v| match v.get_ref() {
        DeValue::Array(items) => {
            empty_list(f, "days", diags);
            items
                .iter()
                .filter_map(|i| date(i.get_ref(), i.span(), src, diags))
                .collect::<Vec<Date>>()
        }
        other => {
            diags.push(
                Diagnostic::error(format!(
                    "`days` must be an array of dates, found {}",
                    type_name(other)
                ))
                .at(src, v.span())
                .help("days = [2027-05-01, 2027-05-02]"),
            );
            Vec::new()
        }
    });
    let tags = tag_list(f, diags);
    let minutes = |key: &str, diags: &mut Vec<Diagnostic>| {
        ranged(f, key, 0..=MAX_INTRO, " minutes", diags).map(|(n, _)| n as u32)
    };
    SeriesKeys {
        criteria: Criteria {
            films,
            countries,
            kinds,
            directors,
            languages,
            years,
            silent: f.bool("silent", diags).map(|(b, _)| b),
        },
        placement: Placement { venues, days, tags },
        intro: minutes("intro", diags),
        discussion: minutes("discussion", diags),
        repeats: ranged(f, "repeats", 1..=MAX_REPEATS, "", diags).map_or(1, |(n, _)| n as u32),
    }
}

/// `tags = [...]` of a slot, template or series: free words, trimmed, none empty.
pub(super) fn tag_list(f: &Fields<'_, '_>, diags: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let list = f.str_list("tags", diags)?;
    let mut out = Vec::new();
    for (t, span) in list {
        if t.trim().is_empty() {
            diags.push(
                Diagnostic::error("an empty tag")
                    .at(f.source, span)
                    .help("tags are words such as \"late\", \"lunch\" or \"shorts\""),
            );
        } else if !out
            .iter()
            .any(|o: &String| o.eq_ignore_ascii_case(t.trim()))
        {
            out.push(t.trim().to_string());
        }
    }
    Some(out)
}

/// An empty list given for a criterion would rule out every film (or slot):
/// always a mistake.
fn empty_list(f: &Fields<'_, '_>, key: &str, diags: &mut Vec<Diagnostic>) {
    if let Some(v) = f.get(key) {
        if matches!(v.get_ref(), DeValue::Array(items) if items.is_empty()) {
            diags.push(
                Diagnostic::error(format!("`{key}` in {} is empty", f.what))
                    .at(f.source, v.span())
                    .help(format!("list at least one value, or remove `{key}`")),
            );
        }
    }
}

/// Names (directors, languages) that must be among the catalogue's,
/// returned folded (compared without case or accents).
fn names(
    f: &Fields<'_, '_>,
    key: &str,
    what: &str,
    known: &BTreeSet<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let folded: BTreeSet<String> = known.iter().map(|k| fold(k)).collect();
    let mut out = Vec::new();
    for (name, span) in f.str_list(key, diags).unwrap_or_default() {
        let key_of = fold(name);
        if folded.contains(&key_of) {
            out.push(key_of);
        } else {
            diags.push(
                Diagnostic::error(format!(
                    "no film in the catalogue has the {what} `{name}` ({})",
                    f.what
                ))
                .at(f.source, span)
                .value(name)
                .help(
                    did_you_mean(name, known.iter().copied())
                        .unwrap_or_else(|| format!("write the {what} as the catalogue does")),
                ),
            );
        }
    }
    out
}

/// `years = "1970..1989"` (inclusive; either end may be left out) or `years = 1975`.
fn years(f: &Fields<'_, '_>, diags: &mut Vec<Diagnostic>) -> Option<(Option<i32>, Option<i32>)> {
    let v = f.get("years")?;
    let span = v.span();
    let bad = |diags: &mut Vec<Diagnostic>, value: String, why: &str| {
        diags.push(
            Diagnostic::error(format!("`years` in {} {why}", f.what))
                .at(f.source, span.clone())
                .value(value)
                .help(format!(
                    "write years = \"1970..1989\" (inclusive), \"1970..\", \"..1989\" or a single year, between {} and {}",
                    YEARS.start(),
                    YEARS.end()
                )),
        );
        None
    };
    let year = |s: &str| -> Result<Option<i32>, ()> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        match s.parse::<i32>() {
            Ok(y) if YEARS.contains(&y) => Ok(Some(y)),
            _ => Err(()),
        }
    };
    match v.get_ref() {
        DeValue::Integer(_) => {
            let (n, _) = f.int("years", diags)?;
            match i32::try_from(n).ok().filter(|y| YEARS.contains(y)) {
                Some(y) => Some((Some(y), Some(y))),
                None => bad(diags, n.to_string(), "is out of range"),
            }
        }
        DeValue::String(s) => {
            let Some((a, b)) = s.split_once("..") else {
                return match year(s) {
                    Ok(Some(y)) => Some((Some(y), Some(y))),
                    _ => bad(diags, s.to_string(), "is not a range of years"),
                };
            };
            match (year(a), year(b)) {
                (Ok(None), Ok(None)) => bad(diags, s.to_string(), "has neither end"),
                (Ok(Some(lo)), Ok(Some(hi))) if lo > hi => {
                    bad(diags, s.to_string(), "starts after it ends")
                }
                (Ok(lo), Ok(hi)) => Some((lo, hi)),
                _ => bad(diags, s.to_string(), "is not a range of years"),
            }
        }
        other => bad(
            diags,
            type_name(other).to_string(),
            "must be a string such as \"1970..1989\" or a year",
        ),
    }
}

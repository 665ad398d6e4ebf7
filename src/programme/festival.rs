//! What a festival knows about its films before planning: copies on site
//! (`[[copy]]`) and what venues project (`formats`), guests and when they
//! are in town (`[[guest]]`), and films without screening rights
//! (`exclude`) — read and located. Fixed screenings are read in `fixed`,
//! requests no plan can meet found in `feasibility`.

use std::ops::Range;

use jiff::tz::TimeZone;
use toml::de::DeValue;

use super::load::{tables, MAX_INTRO};
use super::values::{date, datetime, instant, ranged};
use super::{Copy, Guest};
use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::did_you_mean;
use crate::toml_fields::{type_name, Fields};

const COPY_KEYS: &[&str] = &["film", "format", "from", "until"];
const GUEST_KEYS: &[&str] = &["name", "films", "available", "discussion"];
const WINDOW_KEYS: &[&str] = &["from", "until"];

/// A list of catalogue film ids (`exclude`, a guest's `films`), resolved.
pub(super) fn film_list(
    f: &Fields<'_, '_>,
    key: &str,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for (id, span) in f.str_list(key, diags).unwrap_or_default() {
        match film(id, span, f, catalogue, diags) {
            Some(i) if !out.contains(&i) => out.push(i),
            _ => {}
        }
    }
    out
}

/// One catalogue film id, resolved, or a located error.
pub(super) fn film(
    id: &str,
    span: Range<usize>,
    f: &Fields<'_, '_>,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Option<usize> {
    let found = catalogue.position(id);
    if found.is_none() {
        diags.push(
            Diagnostic::error(format!("unknown film `{id}` in {}", f.what))
                .at(f.source, span)
                .value(id)
                .help(
                    did_you_mean(id, catalogue.films().iter().map(|f| f.id.as_str()))
                        .unwrap_or_else(|| {
                            "films are named by their catalogue id (`slate catalog list` shows them)"
                                .into()
                        }),
                ),
        );
    }
    found
}

/// A venue's `formats`: what it projects.
pub(super) fn formats(f: &Fields<'_, '_>, diags: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let list = f.str_list("formats", diags)?;
    let mut out: Vec<String> = Vec::new();
    for (x, span) in list {
        if x.trim().is_empty() {
            diags.push(
                Diagnostic::error(format!("an empty format in {}", f.what))
                    .at(f.source, span)
                    .help("formats are words such as \"DCP\", \"35mm\", \"16mm\" or \"digital\""),
            );
        } else if !out.iter().any(|o| o.eq_ignore_ascii_case(x.trim())) {
            out.push(x.trim().to_string());
        }
    }
    Some(out)
}

/// The `[[copy]]` tables.
pub(super) fn copies(
    top: &Fields<'_, '_>,
    src: &SourceFile,
    catalogue: &Catalogue,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Copy> {
    let mut out = Vec::new();
    for (table, span) in tables(top, "copy", diags) {
        let line = src.locate(span.start).0;
        let f = Fields::new(table, span.clone(), src, 0, "a copy").plain_text(&[]);
        f.unknown_keys(COPY_KEYS, diags);
        let film_ix = match f.str("film", diags) {
            Some((id, s)) => film(id, s, &f, catalogue, diags),
            None => {
                if f.get("film").is_none() {
                    f.missing("film", "film = \"enthusiasm\"", diags);
                }
                None
            }
        };
        let format = match f.str("format", diags) {
            Some((x, _)) if !x.trim().is_empty() => Some(x.trim().to_string()),
            Some((_, s)) => {
                diags.push(
                    Diagnostic::error("the copy's `format` is empty")
                        .at(src, s)
                        .help("format = \"35mm\""),
                );
                None
            }
            None => {
                if f.get("format").is_none() {
                    f.missing("format", "format = \"35mm\"", diags);
                }
                None
            }
        };
        let day = |key: &str, diags: &mut Vec<Diagnostic>| {
            f.get(key)
                .and_then(|v| date(v.get_ref(), v.span(), src, diags))
        };
        let (from, until) = (day("from", diags), day("until", diags));
        if let (Some(a), Some(b)) = (from, until) {
            if a > b {
                diags.push(
                    Diagnostic::error(format!(
                        "the copy is on site from {a} until {b}: it ends before it begins"
                    ))
                    .at(src, f.get("until").map_or(span.clone(), |v| v.span()))
                    .value(b.to_string()),
                );
            }
        }
        if let (Some(film), Some(format)) = (film_ix, format) {
            out.push(Copy {
                film,
                format,
                from,
                until,
                line,
            });
        }
    }
    out
}

/// The `[[guest]]` tables.
pub(super) fn guests(
    top: &Fields<'_, '_>,
    src: &SourceFile,
    catalogue: &Catalogue,
    tz: Option<(&TimeZone, &str)>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Guest> {
    let mut out: Vec<Guest> = Vec::new();
    for (table, span) in tables(top, "guest", diags) {
        let line = src.locate(span.start).0;
        let mut f = Fields::new(table, span.clone(), src, 0, "a guest").plain_text(&[]);
        let name = f.str("name", diags);
        if let Some((n, _)) = name.as_ref().filter(|(n, _)| !n.trim().is_empty()) {
            f.set_what(format!("guest `{}`", n.trim()));
        }
        f.unknown_keys(GUEST_KEYS, diags);
        let name = match name {
            Some((n, s)) if n.trim().is_empty() => {
                diags.push(Diagnostic::error("the guest's `name` is empty").at(src, s));
                None
            }
            Some((n, s)) => {
                if out.iter().any(|g| g.name == n.trim()) {
                    diags.push(
                        Diagnostic::error(format!("guest `{}` is listed twice", n.trim()))
                            .at(src, s)
                            .help("give one [[guest]] table all their films and windows"),
                    );
                    None
                } else {
                    Some(n.trim().to_string())
                }
            }
            None => {
                if f.get("name").is_none() {
                    f.missing("name", "name = \"Ana Ribeiro\"", diags);
                }
                None
            }
        };
        if f.get("films").is_none() {
            f.missing("films", "films = [\"la-reprise\"]", diags);
        }
        let films = film_list(&f, "films", catalogue, diags);
        let discussion =
            ranged(&f, "discussion", 0..=MAX_INTRO, " minutes", diags).map_or(0, |(n, _)| n as u32);
        let mut available = Vec::new();
        if let Some(v) = f.get("available") {
            match v.get_ref() {
                DeValue::Array(items) => {
                    if items.is_empty() {
                        diags.push(
                            Diagnostic::error(format!("`available` of {} is empty", f.what))
                                .at(src, v.span())
                                .help("leave `available` out when the guest is there throughout"),
                        );
                    }
                    for item in items.iter() {
                        let DeValue::Table(t) = item.get_ref() else {
                            diags.push(
                                Diagnostic::error(format!(
                                    "each window of `available` must be a table, found {}",
                                    type_name(item.get_ref())
                                ))
                                .at(src, item.span())
                                .help("available = [{ from = 2027-05-01T18:00:00, until = 2027-05-02T23:00:00 }]"),
                            );
                            continue;
                        };
                        let w =
                            Fields::new(t, item.span(), src, 0, format!("a window of {}", f.what));
                        w.unknown_keys(WINDOW_KEYS, diags);
                        let end = |key: &str, diags: &mut Vec<Diagnostic>| {
                            let v = w.get(key)?;
                            let at = datetime(v.get_ref(), v.span(), src, diags)?;
                            let (tz, zone) = tz?;
                            instant(
                                tz,
                                zone,
                                at,
                                v.span(),
                                src,
                                "move the window's end out of the hour skipped when the clocks go forward",
                                diags,
                            )
                        };
                        let (from, until) = (end("from", diags), end("until", diags));
                        if w.get("from").is_none() && w.get("until").is_none() {
                            diags.push(
                                Diagnostic::error("a window with neither `from` nor `until`")
                                    .at(src, item.span())
                                    .help(
                                        "leave `available` out when the guest is there throughout",
                                    ),
                            );
                        }
                        if let (Some(a), Some(b)) = (from, until) {
                            if a >= b {
                                diags.push(
                                    Diagnostic::error(format!(
                                        "{}: the window ends before it begins",
                                        f.what
                                    ))
                                    .at(src, w.get("until").map_or(item.span(), |v| v.span())),
                                );
                            }
                        }
                        available.push((from, until));
                    }
                }
                other => diags.push(
                    Diagnostic::error(format!(
                        "`available` must be an array of windows, found {}",
                        type_name(other)
                    ))
                    .at(src, v.span())
                    .help(
                        "available = [{ from = 2027-05-01T18:00:00, until = 2027-05-02T23:00:00 }]",
                    ),
                ),
            }
        }
        if let Some(name) = name {
            out.push(Guest {
                name,
                films,
                available,
                discussion,
                line,
            });
        }
    }
    out
}

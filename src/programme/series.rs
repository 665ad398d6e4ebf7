//! The `[[series]]` tables of a programme file: what each series asks for
//! (themes and `match`, screenings, pins, exclusions, `max_runtime`) and the
//! checks that tie it to the catalogue — unknown themes and films, pins
//! that do not qualify, are excluded, or fit no slot — each located.

use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeValue;

use super::audience::AUDIENCE_KEYS;
use super::criteria::{series_keys, VenueOf};
use super::load::{quoted, tables, MAX_RUNTIME, MAX_SCREENINGS, SERIES_KEYS};
use super::qualify::{missing_themes, unmet_criteria};
use super::values::ranged;
use super::*;
use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::{did_you_mean, is_slug, slugify};
use crate::toml_fields::Fields;

/// What the programme sets for every series: the introduction and
/// discussion a series does not override, and the films excluded everywhere.
pub(super) struct ProgrammeWide<'a> {
    pub intro: u32,
    pub discussion: u32,
    pub exclude: &'a [usize],
}

/// Reads the series of a programme whose slots (and introduction and
/// discussion) are known, reporting every problem into `diags`.
pub(super) fn series_requests(
    top: &Fields<'_, '_>,
    src: &SourceFile,
    catalogue: &Catalogue,
    slots: &[Slot],
    programme: &ProgrammeWide,
    venue_of: &VenueOf,
    diags: &mut Vec<Diagnostic>,
) -> Vec<SeriesRequest> {
    let line_of = |span: &Range<usize>| src.locate(span.start).0;
    let vocab = catalogue.vocabulary();
    let mut series: Vec<SeriesRequest> = Vec::new();
    let mut pinned_in: HashMap<usize, String> = HashMap::new();
    let film_ids = || catalogue.films().iter().map(|f| f.id.as_str());
    for (table, span) in tables(top, "series", diags) {
        let mut f =
            Fields::new(table, span.clone(), src, 0, "a series").plain_text(&["description"]);
        let id = f.str("id", diags);
        if let Some((id, _)) = id {
            f.set_what(format!("series `{id}`"));
        }
        f.unknown_keys(&[SERIES_KEYS, AUDIENCE_KEYS].concat(), diags);
        let audience = super::audience::read(&f, diags);
        let Some((id, id_span)) = id else {
            f.missing("id", "id = \"strikes\"", diags);
            continue;
        };
        if !is_slug(id) {
            diags.push(
                Diagnostic::error(format!("series id `{id}` is not a slug"))
                    .at(src, id_span.clone())
                    .help(format!("use id = \"{}\"", slugify(id))),
            );
        }
        if series.iter().any(|s| s.id == id) {
            diags.push(
                Diagnostic::error(format!("duplicate series id `{id}`")).at(src, id_span.clone()),
            );
            continue;
        }
        let title = match f.str("title", diags) {
            Some((t, _)) if !t.trim().is_empty() => t.trim().to_string(),
            Some((_, s)) => {
                diags.push(
                    Diagnostic::error(format!("series `{id}` has an empty `title`"))
                        .at(src, s)
                        .help("give it a title such as title = \"Strikes and Solidarity\""),
                );
                id.to_string()
            }
            None => {
                if f.get("title").is_none() {
                    f.missing("title", "title = \"Strikes and Solidarity\"", diags);
                }
                id.to_string()
            }
        };
        let mut themes = Vec::new();
        let listed = f.str_list("themes", diags);
        if let (Some(list), Some(v)) = (&listed, f.get("themes")) {
            if list.is_empty() && matches!(v.get_ref(), DeValue::Array(items) if items.is_empty()) {
                diags.push(
                    Diagnostic::error(format!("series `{id}` has no themes: `themes` is empty"))
                        .at(src, v.span())
                        .help("list at least one theme id, such as themes = [\"strikes\"]"),
                );
            }
        }
        for (t, s) in listed.unwrap_or_default() {
            if vocab.contains(t) {
                themes.push(t.to_string());
            } else {
                diags.push(
                    Diagnostic::error(format!("unknown theme `{t}` in series `{id}`"))
                        .at(src, s)
                        .value(t)
                        .help(
                            vocab
                                .suggestion(t)
                                .unwrap_or_else(|| "`slate themes` lists the theme ids".into()),
                        ),
                );
            }
        }
        let keys = series_keys(&f, src, catalogue, venue_of, diags);
        if f.get("themes").is_none() && !keys.criteria.any() {
            diags.push(
                Diagnostic::error(format!("series `{id}` says nothing about which films it wants"))
                    .at(src, id_span.clone())
                    .help("give it `themes`, or another criterion: `films`, `countries`, `kinds`, `directors`, `languages`, `years` or `silent`"),
            );
        }
        let matching = match f.str("match", diags) {
            None => Match::Any,
            Some(("any", _)) => Match::Any,
            Some(("all", _)) => Match::All,
            Some((m, s)) => {
                diags.push(
                    Diagnostic::error(format!("`match` must be \"any\" or \"all\", found \"{m}\""))
                        .at(src, s),
                );
                Match::Any
            }
        };
        let (screenings, screenings_line) = match f.get("screenings") {
            Some(v) => (
                ranged(&f, "screenings", 1..=MAX_SCREENINGS, "", diags)
                    .map_or(0, |(n, _)| n as u32),
                line_of(&v.span()),
            ),
            None => {
                f.missing("screenings", "screenings = 4", diags);
                (0, line_of(&span))
            }
        };
        let max_runtime =
            ranged(&f, "max_runtime", 1..=MAX_RUNTIME, " minutes", diags).map(|(n, _)| n as u32);
        let resolve = |key: &str, diags: &mut Vec<Diagnostic>| -> Vec<(usize, Range<usize>)> {
            let mut out = Vec::new();
            for (fid, s) in f.str_list(key, diags).unwrap_or_default() {
                match catalogue.position(fid) {
                    Some(i) => out.push((i, s)),
                    None => diags.push(
                        Diagnostic::error(format!("unknown film `{fid}` in `{key}` of series `{id}`"))
                            .at(src, s)
                            .value(fid)
                            .help(did_you_mean(fid, film_ids()).unwrap_or_else(|| {
                                "films are named by their catalogue id (`slate catalog list` shows them)".into()
                            })),
                    ),
                }
            }
            out
        };
        let pins = resolve("pin", diags);
        let excludes = resolve("exclude", diags);
        let request = SeriesRequest {
            id: id.to_string(),
            title,
            description: f
                .str("description", diags)
                .map(|(d, _)| d.trim().to_string()),
            themes,
            matching,
            criteria: keys.criteria,
            placement: keys.placement,
            intro: keys.intro,
            discussion: keys.discussion,
            repeats: keys.repeats,
            screenings,
            pin: pins.iter().map(|(i, _)| *i).collect(),
            exclude: excludes.iter().map(|(i, _)| *i).collect(),
            max_runtime,
            audience,
            line: line_of(&span),
            screenings_line,
            pin_lines: pins.iter().map(|(_, s)| line_of(s)).collect(),
        };
        // Where it may go: a restriction that leaves no slot at all.
        let open: Vec<&Slot> = slots
            .iter()
            .filter(|s| request.placement.allows(s))
            .collect();
        if open.is_empty() && !slots.is_empty() {
            diags.push(
                Diagnostic::error(format!(
                    "series `{id}` may use no slot: no slot satisfies its {}",
                    restriction_keys(&f)
                ))
                .at(
                    src,
                    ["tags", "days", "venues"]
                        .iter()
                        .find_map(|k| f.get(k).map(|v| v.span()))
                        .unwrap_or_else(|| id_span.clone()),
                )
                .help("widen `venues`, `days` or `tags`, or tag more slots"),
            );
        }
        let intro = request.intro.unwrap_or(programme.intro);
        let discussion = request.discussion.unwrap_or(programme.discussion);
        for (film, s) in &pins {
            let film_ref = &catalogue.films()[*film];
            if let Some(other) = pinned_in.insert(*film, id.to_string()) {
                diags.push(
                    Diagnostic::error(format!(
                        "film `{}` is pinned in series `{other}` and `{id}`; a film is screened at most once",
                        film_ref.id
                    ))
                    .at(src, s.clone()),
                );
            }
            if programme.exclude.contains(film) {
                diags.push(
                    Diagnostic::error(format!(
                        "film `{}` is pinned in series `{id}` but is in the programme's `exclude`",
                        film_ref.id
                    ))
                    .at(src, s.clone())
                    .help("remove it from `pin` or from the programme's `exclude`"),
                );
                continue;
            }
            if excludes.iter().any(|(e, _)| e == film) {
                // The one real conflict: the film's themes or length do not
                // matter while the series both wants and refuses it.
                diags.push(
                    Diagnostic::error(format!(
                        "film `{}` is both pinned and excluded in series `{id}`",
                        film_ref.id
                    ))
                    .at(src, s.clone())
                    .help("remove it from `pin` or from `exclude`"),
                );
                continue;
            }
            let missing = missing_themes(catalogue, &request, *film);
            if !request.themes.is_empty() && !missing.is_empty() {
                let d = match request.matching {
                    Match::Any => Diagnostic::error(format!(
                        "pinned film `{}` does not qualify for series `{id}`: it carries none of {}",
                        film_ref.id,
                        request.themes.join(", ")
                    ))
                    .help(format!(
                        "it carries {}; add one of its themes to the series or pin it elsewhere",
                        if film_ref.themes.is_empty() { "no themes".to_string() } else { film_ref.themes.join(", ") }
                    )),
                    Match::All => Diagnostic::error(format!(
                        "pinned film `{}` does not qualify for series `{id}`: it lacks {}",
                        film_ref.id,
                        quoted(&missing)
                    ))
                    .help(format!(
                        "with match = \"all\" a film must carry every theme: remove the pin, or drop {} from the series, or use match = \"any\"",
                        if missing.len() == 1 { "that theme" } else { "those themes" }
                    )),
                };
                diags.push(d.at(src, s.clone()));
            }
            let unmet = unmet_criteria(catalogue, &request.criteria, *film);
            if !unmet.is_empty() {
                diags.push(
                    Diagnostic::error(format!(
                        "pinned film `{}` does not qualify for series `{id}`: {}",
                        film_ref.id,
                        unmet.join("; ")
                    ))
                    .at(src, s.clone())
                    .help("pin it in a series it qualifies for, or widen the series' criteria"),
                );
            }
            match film_ref.runtime {
                None => diags.push(
                    Diagnostic::error(format!(
                        "pinned film `{}` has no runtime in the catalogue, so it cannot be fitted into a slot",
                        film_ref.id
                    ))
                    .at(src, s.clone())
                    .help("add its runtime to the catalogue"),
                ),
                Some(r) => {
                    let longest = open.iter().map(|s| s.length).max().unwrap_or(0);
                    let around = intro + discussion;
                    if !open.is_empty() && around + r > longest {
                        diags.push(
                            Diagnostic::error(format!(
                                "pinned film `{}` runs {r} min; with the {} it needs {} min, but the longest slot{} is {longest} min",
                                film_ref.id,
                                if discussion == 0 { format!("{intro}-min introduction") } else { format!("{intro}-min introduction and {discussion}-min discussion") },
                                around + r,
                                if open.len() == slots.len() { "" } else { " the series may use" }
                            ))
                            .at(src, s.clone())
                            .help("add a longer slot, or unpin it"),
                        );
                    }
                    if let Some(m) = request.max_runtime.filter(|&m| r > m) {
                        diags.push(
                            Diagnostic::error(format!(
                                "pinned film `{}` runs {r} min, over the series' max_runtime of {m}",
                                film_ref.id
                            ))
                            .at(src, s.clone()),
                        );
                    }
                }
            }
        }
        series.push(request);
    }
    series
}

/// "venues, days" — the restriction keys a series gives, for messages.
fn restriction_keys(f: &Fields<'_, '_>) -> String {
    let given: Vec<String> = ["venues", "days", "tags"]
        .iter()
        .filter(|k| f.get(k).is_some())
        .map(|k| format!("`{k}`"))
        .collect();
    given.join(" and ")
}

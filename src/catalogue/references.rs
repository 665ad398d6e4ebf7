//! The keys of a `[[film]]` that point outside the film: the festivals that
//! screened it, the events it is about, its companion films, its Wikidata and
//! IMDb ids, its website and the addresses of its sources; and `silent`,
//! which decides what `languages` may say.
//!
//! Festivals and events are checked against their vocabularies here, like
//! themes. Companions name other films, so they are only read here and
//! checked once every film is loaded ([`super::companions::check`]).
//!
//! **Silent films.** `languages` lists spoken languages. A silent film has
//! none: it says `silent = true` and leaves `languages` out. "Silent" (or
//! "none", "no dialogue") written as a language is an error that says so.

use super::{Companion, Film, Relation};
use crate::addresses;
use crate::diagnostics::Diagnostic;
use crate::events::Events;
use crate::festivals::Festivals;
use crate::text::did_you_mean;
use crate::themes::Vocabulary;
use crate::toml_fields::Fields;

/// The vocabularies a film's ids refer to. A vocabulary that failed to load
/// (`*_failed`) checks nothing: its own errors say why.
pub(super) struct Vocabularies {
    pub themes: Vocabulary,
    pub events: Events,
    pub events_failed: bool,
    pub festivals: Festivals,
    pub festivals_failed: bool,
}

/// An example companion entry for messages.
const COMPANION_EXAMPLE: &str =
    "companions = [{ film = \"man-of-marble\", relation = \"sequel\" }]";

/// Reads the outward keys of a film into `film`. Returns where each
/// companion is written (an error to fill in when a later check fails).
pub(super) fn read_references(
    f: &Fields,
    film: &mut Film,
    vocab: &Vocabularies,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let src = f.source;
    film.silent = f.bool("silent", diags).is_some_and(|(b, _)| b);
    // `languages` was read already; its spans are looked up again only when
    // something is wrong (every load passes here for every film).
    let not_language = |l: &str| super::not_a_language(l).is_some();
    if film.languages.iter().any(|l| not_language(l)) || (film.silent && !film.languages.is_empty())
    {
        for (l, span) in f.str_list("languages", &mut Vec::new()).unwrap_or_default() {
            if not_language(l.trim()) {
                diags.push(
                    Diagnostic::error(format!("`{}` in `languages` of {} is not a language", l.trim(), f.what))
                        .at(src, span)
                        .value(l)
                        .help("a silent film has no spoken language: write silent = true and leave it out of `languages`"),
                );
            } else if film.silent {
                diags.push(
                    Diagnostic::error(format!(
                        "{} is silent but lists the spoken language `{}`",
                        f.what,
                        l.trim()
                    ))
                    .at(src, span)
                    .value(l)
                    .help("`languages` lists spoken languages: remove it, or remove silent = true if the film has dialogue (intertitle languages go in `notes`)"),
                );
            }
        }
        film.languages.retain(|l| !not_language(l));
    }
    film.festivals = ids(
        f,
        "festivals",
        |id| vocab.festivals.contains(id),
        |id| vocab.festivals.suggestion(id),
        vocab.festivals_failed,
        "festivals are the ids defined in festivals.toml",
        diags,
    );
    film.events = ids(
        f,
        "events",
        |id| vocab.events.contains(id),
        |id| vocab.events.suggestion(id),
        vocab.events_failed,
        "events are the ids defined in events.toml",
        diags,
    );
    for (key, check) in [
        (
            "wikidata",
            addresses::wikidata as fn(&str) -> Option<addresses::Fault>,
        ),
        ("imdb", addresses::imdb),
        ("website", addresses::url),
    ] {
        let Some((value, span)) = f.str(key, diags) else {
            continue;
        };
        let value = value.trim();
        match check(value) {
            Some(fault) => diags.push(addresses::error(f, key, value, span, &fault)),
            None => {
                let slot = match key {
                    "wikidata" => &mut film.wikidata,
                    "imdb" => &mut film.imdb,
                    _ => &mut film.website,
                };
                *slot = Some(value.to_string());
            }
        }
    }
    let faulty = |s: &str| {
        addresses::is_address(s)
            .then(|| addresses::url(s))
            .flatten()
    };
    if film.sources.iter().any(|s| faulty(s).is_some()) {
        for (s, span) in f.str_list("sources", &mut Vec::new()).unwrap_or_default() {
            let s = s.trim();
            if let Some(fault) = faulty(s) {
                diags.push(addresses::error(f, "sources", s, span, &fault));
            }
        }
    }
    let mut at = Vec::new();
    let what = format!("a companion of {}", f.what);
    for c in f
        .table_list("companions", &what, COMPANION_EXAMPLE, diags)
        .unwrap_or_default()
    {
        c.unknown_keys(&["film", "relation"], diags);
        let other = c.str("film", diags);
        if other.is_none() && c.get("film").is_none() {
            c.missing("film", "film = \"man-of-marble\"", diags);
        }
        let relation = match c.str("relation", diags) {
            Some((r, span)) => match Relation::parse(r.trim()) {
                Some(r) => Some(r),
                None => {
                    let all: Vec<&str> = Relation::WRITTEN.iter().map(|r| r.as_str()).collect();
                    diags.push(
                        Diagnostic::error(format!("unknown relation `{r}` in {what}"))
                            .at(src, span)
                            .value(r)
                            .help(did_you_mean(r, all.iter().copied()).unwrap_or_else(|| {
                                format!(
                                    "relations are {} (\"this film is a … of the other\"); write the pair on the other film for the reverse",
                                    all.join(", ")
                                )
                            })),
                    );
                    None
                }
            },
            None => {
                if c.get("relation").is_none() {
                    c.missing("relation", "relation = \"sequel\"", diags);
                }
                None
            }
        };
        if let (Some((id, span)), Some(relation)) = (other, relation) {
            film.companions.push(Companion {
                film: id.trim().to_string(),
                relation,
            });
            at.push(Diagnostic::error("").at(src, span).value(id));
        }
    }
    at
}

/// A list of vocabulary ids under `key`, each checked, without repeats.
fn ids(
    f: &Fields,
    key: &str,
    known: impl Fn(&str) -> bool,
    suggestion: impl Fn(&str) -> Option<String>,
    failed: bool,
    help: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (id, span) in f.str_list(key, diags).unwrap_or_default() {
        let id = id.trim();
        if !known(id) {
            if !failed {
                let singular = key.trim_end_matches('s');
                diags.push(
                    Diagnostic::error(format!("unknown {singular} `{id}` in {}", f.what))
                        .at(f.source, span)
                        .value(id)
                        .help(suggestion(id).unwrap_or_else(|| help.to_string())),
                );
            }
        } else if out.iter().any(|x| x == id) {
            diags.push(
                Diagnostic::warning(format!("`{id}` is listed twice in `{key}` of {}", f.what))
                    .at(f.source, span)
                    .value(id),
            );
        } else {
            out.push(id.to_string());
        }
    }
    out
}

//! Deciding what an import does: each entry becomes a new film, is merged
//! into a catalogue film (or an earlier entry of the same import), is
//! reported as untitled, or is skipped — nothing is written here.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use super::listing::Entry;
use super::matching::{find, key, same_director, Index};
use crate::catalogue::load::{MAX_RUNTIME, MIN_YEAR};
use crate::catalogue::{spoken_languages, Catalogue, Film, Kind, LoadOptions};
use crate::text::{fold, slugify};
use crate::themes::tagging::{Tag, Tagger};

/// What happens to one entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    /// A film new to the catalogue, written with this id.
    New { id: String },
    /// The same film as a catalogue film (or an earlier entry): its source is
    /// added; facts that disagree are reported, the catalogue's kept; facts
    /// the catalogue lacks are filled in.
    Merged {
        id: String,
        conflicts: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        filled: Vec<String>,
    },
    /// No title: reported with what was found, never written.
    Untitled,
    /// The reader is unsure this is a film (its title looks like a name, a
    /// line stands alone): reported, not written unless accepted.
    Uncertain { reason: String },
    /// The same untitled text again.
    Repeated { line: usize },
}

/// An entry and its fate.
#[derive(Debug, Clone, Serialize)]
pub struct Reported {
    pub file: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    #[serde(flatten)]
    pub entry: Entry,
    pub tags: Vec<Tag>,
    /// Facts the listing gives that no catalogue film can have (a year
    /// after next year, a runtime of 3,000 minutes): left out, and why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<String>,
}

/// The entry (a copy: the report keeps it) less what the catalogue would
/// refuse, so an import never writes a catalogue that does not load; and
/// what it left out.
fn sanitise(entry: &Entry, max_year: i32) -> (Entry, Vec<String>) {
    let mut e = entry.clone();
    let mut dropped = Vec::new();
    if let Some(y) = e.year {
        if y < MIN_YEAR {
            dropped.push(format!(
                "year {y}: before {MIN_YEAR}, earlier than any film"
            ));
            e.year = None;
        } else if y > max_year {
            dropped.push(format!("year {y}: after {max_year}, next year"));
            e.year = None;
        }
    }
    if let Some(r) = e.runtime {
        if !(1..=MAX_RUNTIME as u32).contains(&r) {
            dropped.push(format!("runtime {r} min: outside 1..={MAX_RUNTIME}"));
            e.runtime = None;
        }
    }
    (e, dropped)
}

/// A fact a catalogue film lacks and a listing gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Fill {
    Year(i32),
    Runtime(u32),
    Directors(Vec<String>),
    Countries(Vec<String>),
    Languages(Vec<String>),
    Kind(Kind),
}

/// An import's decisions.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    pub reported: Vec<Reported>,
    /// Films to append.
    pub new_films: Vec<Film>,
    /// Sources to add to existing catalogue films: (id, source).
    pub merges: Vec<(String, String)>,
    /// Facts to fill in on existing catalogue films: (id, fact).
    pub fills: Vec<(String, Fill)>,
}

/// The names of a list as the catalogue takes them: trimmed, none blank.
/// The catalogue refuses a blank item in any list, so whatever a reader let
/// through, a blank item is nothing to write.
fn listed(v: &[String]) -> Vec<String> {
    v.iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Facts `entry` gives that `film` lacks (synopses are never copied: a
/// catalogue's synopses are its own words).
fn fills(film: &Film, entry: &Entry) -> Vec<Fill> {
    let mut out = Vec::new();
    if film.year.is_none() {
        out.extend(entry.year.map(Fill::Year));
    }
    if film.runtime.is_none() {
        out.extend(entry.runtime.map(Fill::Runtime));
    }
    let directors = listed(&entry.directors);
    if film.directors.is_empty() && !directors.is_empty() {
        out.push(Fill::Directors(directors));
    }
    let canonical: Vec<String> = entry
        .countries
        .iter()
        .filter_map(|c| super::listing::country_name(c).map(str::to_string))
        .collect();
    if film.countries.is_empty() && !canonical.is_empty() {
        out.push(Fill::Countries(canonical));
    }
    // A silent film has no spoken languages to fill in.
    let (languages, _) = crate::catalogue::spoken_languages(&entry.languages);
    if film.languages.is_empty() && !film.silent && !languages.is_empty() {
        out.push(Fill::Languages(languages));
    }
    if film.kind.is_none() {
        out.extend(entry.kind.as_deref().and_then(Kind::parse).map(Fill::Kind));
    }
    out
}

fn describe(fill: &Fill) -> String {
    match fill {
        Fill::Year(y) => format!("year {y}"),
        Fill::Runtime(r) => format!("runtime {r} min"),
        Fill::Directors(d) => format!("directors {}", d.join(", ")),
        Fill::Countries(c) => format!("countries {}", c.join(", ")),
        Fill::Languages(l) => format!("languages {}", l.join(", ")),
        Fill::Kind(k) => format!("kind {k}"),
    }
}

/// Decides what importing `files` (name, entries) into `catalogue` does.
pub fn plan(catalogue: &Catalogue, files: &[(String, Vec<Entry>)], source: &str) -> ImportPlan {
    let max_year = LoadOptions::default().max_year;
    let index = Index::new(catalogue);
    let tagger = Tagger::new(catalogue.vocabulary());
    // Events are found by their keywords as themes are.
    let event_tagger = Tagger::new(&catalogue.events().tagging_vocabulary());
    let mut out = ImportPlan::default();
    let mut untitled_seen: HashMap<String, usize> = HashMap::new();
    let mut new_by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut ids: HashSet<String> = catalogue.films().iter().map(|f| f.id.clone()).collect();
    let mut merged: HashSet<String> = HashSet::new();
    let mut filled_facts: HashSet<(String, std::mem::Discriminant<Fill>)> = HashSet::new();
    for (file, entries) in files {
        // Tagging and matching against the catalogue read only the entry,
        // so they run in parallel; what depends on earlier entries of the
        // import (duplicates within it, ids, fills) runs in order below.
        type Read = (Entry, Vec<String>, Vec<Tag>, Option<super::matching::Match>);
        let events_of = |entry: &Entry| -> Vec<String> {
            if catalogue.events().is_empty() {
                return Vec::new();
            }
            event_tagger
                .tag(&entry_text(entry))
                .into_iter()
                .map(|t| t.theme)
                .collect()
        };
        let read: Vec<Read> = entries
            .par_iter()
            .map(|entry| {
                let (entry, dropped) = sanitise(entry, max_year);
                let tags = tagger.tag(&entry_text(&entry));
                let found = find(catalogue, &index, &entry);
                (entry, dropped, tags, found)
            })
            .collect();
        for (entry, dropped, tags, found) in read {
            let outcome = match &entry.title {
                Some(_) if entry.uncertain.is_some() => Outcome::Uncertain {
                    reason: entry.uncertain.clone().unwrap_or_default(),
                },
                None => {
                    let sig = fold(&format!(
                        "{} {}",
                        entry_text(&entry),
                        entry.directors.join(" ")
                    ));
                    match untitled_seen.get(&sig) {
                        Some(&line) => Outcome::Repeated { line },
                        None => {
                            untitled_seen.insert(sig, entry.line);
                            Outcome::Untitled
                        }
                    }
                }
                Some(title) => {
                    if let Some(m) = found {
                        if merged.insert(m.film.clone()) {
                            out.merges.push((m.film.clone(), source.to_string()));
                        }
                        let film = catalogue.get(&m.film).expect("matched films exist");
                        let mut filled = Vec::new();
                        for fill in fills(film, &entry) {
                            // The first listing to give a missing fact fills it.
                            if filled_facts.insert((m.film.clone(), std::mem::discriminant(&fill)))
                            {
                                filled.push(describe(&fill));
                                out.fills.push((m.film.clone(), fill));
                            }
                        }
                        Outcome::Merged {
                            id: m.film,
                            conflicts: m.conflicts,
                            filled,
                        }
                    } else if let Some((i, conflicts)) = within(&out.new_films, &new_by_key, &entry)
                    {
                        // An earlier entry of this import: fill what it lacked.
                        let mut filled = Vec::new();
                        for fill in fills(&out.new_films[i], &entry) {
                            filled.push(describe(&fill));
                            apply(&mut out.new_films[i], fill);
                        }
                        Outcome::Merged {
                            id: out.new_films[i].id.clone(),
                            conflicts,
                            filled,
                        }
                    } else {
                        let mut film = new_film(catalogue, &entry, title, &tags, source, &mut ids);
                        film.events = events_of(&entry);
                        new_by_key
                            .entry(key(title))
                            .or_default()
                            .push(out.new_films.len());
                        let id = film.id.clone();
                        out.new_films.push(film);
                        Outcome::New { id }
                    }
                }
            };
            out.reported.push(Reported {
                file: file.clone(),
                outcome,
                entry,
                tags,
                dropped,
            });
        }
    }
    out
}

/// The text an entry is tagged from: its synopsis and notes.
fn entry_text(entry: &Entry) -> String {
    format!(
        "{} {}",
        entry.synopsis.as_deref().unwrap_or(""),
        entry.notes.as_deref().unwrap_or("")
    )
}

/// Fills a fact into a film being created.
fn apply(film: &mut Film, fill: Fill) {
    match fill {
        Fill::Year(y) => film.year = Some(y),
        Fill::Runtime(r) => film.runtime = Some(r),
        Fill::Directors(d) => film.directors = d,
        Fill::Countries(c) => film.countries = c,
        Fill::Languages(l) => film.languages = l,
        Fill::Kind(k) => film.kind = Some(k),
    }
}

/// An earlier new film of this import that the entry repeats.
fn within(
    new: &[Film],
    by_key: &HashMap<String, Vec<usize>>,
    e: &Entry,
) -> Option<(usize, Vec<String>)> {
    let title = e.title.as_deref()?;
    for &i in by_key.get(&key(title))? {
        let f = &new[i];
        let dirs_ok = e.directors.is_empty()
            || f.directors.is_empty()
            || e.directors
                .iter()
                .any(|d| f.directors.iter().any(|c| same_director(d, c)));
        let years_ok = match (e.year, f.year) {
            (Some(a), Some(b)) => a.abs_diff(b) <= 1,
            _ => true,
        };
        if dirs_ok && years_ok {
            let mut conflicts = Vec::new();
            if let (Some(a), Some(b)) = (e.runtime, f.runtime) {
                if a != b {
                    conflicts.push(format!(
                        "runtime: {a} min here, {b} min in the entry first imported"
                    ));
                }
            }
            return Some((i, conflicts));
        }
    }
    None
}

fn new_film(
    catalogue: &Catalogue,
    e: &Entry,
    title: &str,
    tags: &[Tag],
    source: &str,
    ids: &mut HashSet<String>,
) -> Film {
    let base = slugify(title);
    let base = if base.is_empty() {
        "film".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    if ids.contains(&id) {
        if let Some(y) = e.year {
            id = format!("{base}-{y}");
        }
        let mut n = 2;
        while ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
    }
    ids.insert(id.clone());
    let mut notes = Vec::new();
    if !e.other_titles.is_empty() {
        notes.push(format!("Also listed as: {}.", e.other_titles.join("; ")));
    }
    let mut country_list = Vec::new();
    for c in &e.countries {
        match super::listing::country_name(c) {
            Some(name) => country_list.push(name.to_string()),
            None => notes.push(format!("Country as listed, not recognised: {c}.")),
        }
    }
    if let Some(n) = &e.notes {
        notes.push(n.clone());
    }
    let vocab = catalogue.vocabulary();
    let (languages, silent) = spoken_languages(&e.languages);
    Film {
        id,
        title: title.to_string(),
        year: e.year,
        directors: listed(&e.directors),
        countries: country_list,
        languages,
        silent,
        runtime: e.runtime,
        kind: e.kind.as_deref().and_then(Kind::parse),
        themes: tags
            .iter()
            .filter(|t| vocab.contains(&t.theme))
            .map(|t| t.theme.clone())
            .collect(),
        synopsis: e.synopsis.clone(),
        sources: vec![source.to_string()],
        notes: (!notes.is_empty()).then(|| notes.join(" ")),
        cast: listed(&e.cast),
        ..Film::default()
    }
}

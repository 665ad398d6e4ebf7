//! Deciding what an import does: each entry becomes a new film, is merged
//! into a catalogue film (or an earlier entry of the same import), is
//! reported as untitled, or is skipped — nothing is written here.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::listing::Entry;
use super::matching::{find, key, same_director, Index};
use crate::catalogue::{Catalogue, Film, Kind};
use crate::countries;
use crate::text::{fold, slugify};
use crate::themes::tagging::{Tag, Tagger};

/// What happens to one entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    /// A film new to the catalogue, written with this id.
    New { id: String },
    /// The same film as a catalogue film (or an earlier entry): its source is
    /// added; facts that disagree are reported, the catalogue's kept.
    Merged { id: String, conflicts: Vec<String> },
    /// No title: reported with what was found, never written.
    Untitled,
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
}

/// An import's decisions.
#[derive(Debug, Clone, Default)]
pub struct ImportPlan {
    pub reported: Vec<Reported>,
    /// Films to append.
    pub new_films: Vec<Film>,
    /// Sources to add to existing catalogue films: id → sources.
    pub merges: Vec<(String, String)>,
}

/// Decides what importing `files` (name, entries) into `catalogue` does.
pub fn plan(catalogue: &Catalogue, files: &[(String, Vec<Entry>)], source: &str) -> ImportPlan {
    let index = Index::new(catalogue);
    let tagger = Tagger::new(catalogue.vocabulary());
    let mut out = ImportPlan::default();
    let mut untitled_seen: HashMap<String, usize> = HashMap::new();
    let mut new_by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut ids: HashSet<String> = catalogue.films().iter().map(|f| f.id.clone()).collect();
    for (file, entries) in files {
        for entry in entries {
            let text = format!(
                "{} {}",
                entry.synopsis.as_deref().unwrap_or(""),
                entry.notes.as_deref().unwrap_or("")
            );
            let tags = tagger.tag(&text);
            let outcome = match &entry.title {
                None => {
                    let sig = fold(&format!("{text} {}", entry.directors.join(" ")));
                    match untitled_seen.get(&sig) {
                        Some(&line) => Outcome::Repeated { line },
                        None => {
                            untitled_seen.insert(sig, entry.line);
                            Outcome::Untitled
                        }
                    }
                }
                Some(title) => {
                    if let Some(m) = find(catalogue, &index, entry) {
                        if !out
                            .merges
                            .iter()
                            .any(|(id, s)| *id == m.film && s == source)
                        {
                            out.merges.push((m.film.clone(), source.to_string()));
                        }
                        Outcome::Merged {
                            id: m.film,
                            conflicts: m.conflicts,
                        }
                    } else if let Some((i, conflicts)) = within(&out.new_films, &new_by_key, entry)
                    {
                        Outcome::Merged {
                            id: out.new_films[i].id.clone(),
                            conflicts,
                        }
                    } else {
                        let film = new_film(catalogue, entry, title, &tags, source, &mut ids);
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
                entry: entry.clone(),
                tags,
            });
        }
    }
    out
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
        match countries::canonical(c) {
            Some(name) => country_list.push(name.to_string()),
            None => notes.push(format!("Country as listed, not recognised: {c}.")),
        }
    }
    if let Some(n) = &e.notes {
        notes.push(n.clone());
    }
    let vocab = catalogue.vocabulary();
    Film {
        id,
        title: title.to_string(),
        year: e.year,
        directors: e.directors.clone(),
        countries: country_list,
        languages: e.languages.clone(),
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
        cast: e.cast.clone(),
        ..Film::default()
    }
}

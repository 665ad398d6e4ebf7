//! The film catalogue: the [`Film`] model, the [`Catalogue`] of a data
//! directory (films plus theme [`Vocabulary`]), and look-ups by id or title.
//!
//! Loading and validation live in [`load`] (film files found by `files`,
//! big ones cut for parallel parsing by `split`), filters in [`query`], summary figures in [`stats`].

pub mod companions;
mod files;
pub mod load;
pub mod lock;
pub mod query;
mod references;
mod split;
pub mod stats;

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::events::Events;
use crate::festivals::Festivals;
use crate::themes::Vocabulary;

pub use companions::{Companion, Link, Relation};

pub use load::{LoadError, LoadOptions};

/// The keys a `[[film]]` table may have (a public interface), in
/// the order of the JSON and CSV output.
pub const FILM_KEYS: &[&str] = &[
    "id",
    "title",
    "original_title",
    "year",
    "directors",
    "countries",
    "languages",
    "runtime",
    "kind",
    "short",
    "themes",
    "synopsis",
    "sources",
    "notes",
    "cast",
    "silent",
    "festivals",
    "events",
    "companions",
    "wikidata",
    "imdb",
    "website",
];

/// The keys of a `[[film]]` table whose text may hold line breaks and tabs;
/// no other text may hold any control character (see
/// [`crate::text::is_control`]).
pub const MULTILINE_KEYS: &[&str] = &["synopsis", "notes"];

/// Films at or under this many minutes are shorts unless `short` says otherwise.
pub const SHORT_MAX_MINUTES: u32 = 40;

/// What kind of film it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Documentary,
    Fiction,
    Animation,
    Experimental,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Documentary,
        Kind::Fiction,
        Kind::Animation,
        Kind::Experimental,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Documentary => "documentary",
            Kind::Fiction => "fiction",
            Kind::Animation => "animation",
            Kind::Experimental => "experimental",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One film of the catalogue. Field names are those of the `[[film]]` TOML
/// tables and of the JSON output (a public interface).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Film {
    /// Unique, stable slug.
    pub id: String,
    pub title: String,
    pub original_title: Option<String>,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    /// Canonical English country names (see [`crate::countries`]).
    pub countries: Vec<String>,
    pub languages: Vec<String>,
    /// Whole minutes.
    pub runtime: Option<u32>,
    pub kind: Option<Kind>,
    /// `short` as written in the file; see [`Film::is_short`] for the derived value.
    pub short: Option<bool>,
    /// Theme ids, in the order given.
    pub themes: Vec<String>,
    pub synopsis: Option<String>,
    /// Where the facts come from (URLs or citations).
    pub sources: Vec<String>,
    pub notes: Option<String>,
    /// Leading players, when known.
    pub cast: Vec<String>,
    /// A silent film (it then has no spoken `languages`).
    pub silent: bool,
    /// Ids of the festivals that screened it (see [`crate::festivals`]).
    pub festivals: Vec<String>,
    /// Ids of the struggles and events it is about (see [`crate::events`]).
    pub events: Vec<String>,
    /// Related films as written in its file (see [`companions`]).
    pub companions: Vec<Companion>,
    /// Wikidata item id ("Q1151155").
    pub wikidata: Option<String>,
    /// IMDb title id ("tt0074605").
    pub imdb: Option<String>,
    /// The film's own website.
    pub website: Option<String>,
}

impl Film {
    /// Whether the film is a short: as set in the file, otherwise runtime ≤ 40
    /// minutes. A film without a runtime is not a short unless marked so.
    pub fn is_short(&self) -> bool {
        self.short
            .unwrap_or_else(|| self.runtime.is_some_and(|r| r <= SHORT_MAX_MINUTES))
    }

    /// The decade the film was released in (1976 → 1970).
    pub fn decade(&self) -> Option<i32> {
        self.year.map(|y| y.div_euclid(10) * 10)
    }

    /// "Harlan County, USA (1976)".
    pub fn display_title(&self) -> String {
        match self.year {
            Some(y) => format!("{} ({y})", self.title),
            None => self.title.clone(),
        }
    }
}

impl Serialize for Film {
    /// Every key is always present (null or [] when unknown) so scripts can
    /// rely on the shape; `short` is the derived value.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Film", 22)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("original_title", &self.original_title)?;
        st.serialize_field("year", &self.year)?;
        st.serialize_field("directors", &self.directors)?;
        st.serialize_field("countries", &self.countries)?;
        st.serialize_field("languages", &self.languages)?;
        st.serialize_field("runtime", &self.runtime)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("short", &self.is_short())?;
        st.serialize_field("themes", &self.themes)?;
        st.serialize_field("synopsis", &self.synopsis)?;
        st.serialize_field("sources", &self.sources)?;
        st.serialize_field("notes", &self.notes)?;
        st.serialize_field("cast", &self.cast)?;
        st.serialize_field("silent", &self.silent)?;
        st.serialize_field("festivals", &self.festivals)?;
        st.serialize_field("events", &self.events)?;
        st.serialize_field("companions", &self.companions)?;
        st.serialize_field("wikidata", &self.wikidata)?;
        st.serialize_field("imdb", &self.imdb)?;
        st.serialize_field("website", &self.website)?;
        st.end()
    }
}

/// Words written as a language that say a film has no spoken language, and
/// whether each means a silent film ("silent", "muet") or only one without
/// dialogue ("none", "no dialogue").
const NOT_LANGUAGES: &[(&str, bool)] = &[
    ("silent", true),
    ("mute", true),
    ("muet", true),
    ("stumm", true),
    ("mudo", true),
    ("muto", true),
    ("none", false),
    ("no dialogue", false),
    ("without dialogue", false),
    ("no language", false),
];

/// `Some(silent)` when `language` is not a language but says there is none
/// ("silent", "muet", "none", "no dialogue"…); `None` for a language.
pub fn not_a_language(language: &str) -> Option<bool> {
    let folded = crate::text::fold(language);
    NOT_LANGUAGES
        .iter()
        .find(|(w, _)| *w == folded)
        .map(|&(_, silent)| silent)
}

/// The spoken languages of a list as a listing gives them, and whether the
/// list says the film is silent.
pub fn spoken_languages(list: &[String]) -> (Vec<String>, bool) {
    let mut silent = false;
    let mut out = Vec::new();
    for l in list.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        match not_a_language(l) {
            Some(s) => silent |= s,
            None => out.push(l.to_string()),
        }
    }
    if silent {
        out.clear();
    }
    (out, silent)
}

/// A film's pages elsewhere, as (name, address): its website, Wikidata item
/// and IMDb title, for `catalog show` and the published page.
pub fn links(f: &Film) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if let Some(w) = &f.website {
        out.push(("website", w.clone()));
    }
    if let Some(q) = &f.wikidata {
        out.push(("wikidata", format!("https://www.wikidata.org/wiki/{q}")));
    }
    if let Some(t) = &f.imdb {
        out.push(("imdb", format!("https://www.imdb.com/title/{t}/")));
    }
    out
}

/// Where a film was defined, for messages that point back at the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Catalogue::files`].
    pub file: usize,
    pub line: u32,
    pub column: u32,
}

/// All films and themes of a data directory, validated.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    films: Vec<Film>,
    origins: Vec<Origin>,
    files: Vec<PathBuf>,
    vocabulary: Vocabulary,
    by_id: HashMap<String, usize>,
    events: Events,
    festivals: Festivals,
    /// Per film: its companions from both sides (see [`companions::links`]).
    links: Vec<Vec<Link>>,
    /// Per event (vocabulary position): the films carrying it, in catalogue order.
    event_films: Vec<Vec<u32>>,
}

impl Catalogue {
    /// Builds a catalogue from parts already validated (ids unique, themes known).
    pub fn from_parts(
        films: Vec<Film>,
        origins: Vec<Origin>,
        files: Vec<PathBuf>,
        vocabulary: Vocabulary,
    ) -> Self {
        let by_id = films
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        Self::with_index(films, origins, files, vocabulary, by_id)
    }

    /// Like [`Catalogue::from_parts`] with the id index already built.
    pub(crate) fn with_index(
        films: Vec<Film>,
        origins: Vec<Origin>,
        files: Vec<PathBuf>,
        vocabulary: Vocabulary,
        by_id: HashMap<String, usize>,
    ) -> Self {
        debug_assert_eq!(films.len(), origins.len());
        debug_assert_eq!(films.len(), by_id.len());
        let links = companions::links(&films, &by_id);
        Catalogue {
            films,
            origins,
            files,
            vocabulary,
            by_id,
            events: Events::default(),
            festivals: Festivals::default(),
            links,
            event_films: Vec::new(),
        }
    }

    /// Adds the event and festival vocabularies the films refer to.
    pub fn with_vocabularies(mut self, events: Events, festivals: Festivals) -> Self {
        let mut event_films = vec![Vec::new(); events.len()];
        for (i, f) in self.films.iter().enumerate() {
            for e in &f.events {
                if let Some(p) = events.position(e) {
                    event_films[p].push(i as u32);
                }
            }
        }
        self.events = events;
        self.festivals = festivals;
        self.event_films = event_films;
        self
    }

    /// The historical events films can be about.
    pub fn events(&self) -> &Events {
        &self.events
    }

    /// The festivals films were screened at.
    pub fn festivals(&self) -> &Festivals {
        &self.festivals
    }

    /// A film's companions from both sides, closest relation first.
    pub fn companions(&self, film: usize) -> &[Link] {
        self.links.get(film).map_or(&[], Vec::as_slice)
    }

    /// The films carrying the event at `position` in [`Catalogue::events`].
    pub fn event_films(&self, position: usize) -> &[u32] {
        self.event_films.get(position).map_or(&[], Vec::as_slice)
    }

    /// Films in load order (files in name order, films in file order).
    pub fn films(&self) -> &[Film] {
        &self.films
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The film files that were read, in load order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    pub fn len(&self) -> usize {
        self.films.len()
    }

    pub fn is_empty(&self) -> bool {
        self.films.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Film> {
        self.by_id.get(id).map(|&i| &self.films[i])
    }

    /// Position of a film in [`Catalogue::films`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The file that defines a film.
    pub fn file_of(&self, id: &str) -> Option<&std::path::Path> {
        let i = self.position(id)?;
        Some(self.files[self.origins[i].file].as_path())
    }

    /// "data/films/seeds.toml:12:1" for a film.
    pub fn origin(&self, id: &str) -> Option<String> {
        let i = self.position(id)?;
        let o = self.origins[i];
        Some(format!(
            "{}:{}:{}",
            self.files[o.file].display(),
            o.line,
            o.column
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_is_derived_unless_set() {
        let mut f = Film {
            runtime: Some(40),
            ..Film::default()
        };
        assert!(f.is_short());
        f.runtime = Some(41);
        assert!(!f.is_short());
        f.short = Some(true);
        assert!(f.is_short());
        f.runtime = None;
        f.short = None;
        assert!(!f.is_short());
    }

    #[test]
    fn json_has_every_key() {
        let f = Film {
            id: "x".into(),
            title: "X".into(),
            runtime: Some(12),
            ..Film::default()
        };
        let v = serde_json::to_value(&f).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id",
                "title",
                "original_title",
                "year",
                "directors",
                "countries",
                "languages",
                "runtime",
                "kind",
                "short",
                "themes",
                "synopsis",
                "sources",
                "notes",
                "cast",
                "silent",
                "festivals",
                "events",
                "companions",
                "wikidata",
                "imdb",
                "website"
            ]
        );
        assert_eq!(v["short"], true);
        assert_eq!(v["year"], serde_json::Value::Null);
    }

    #[test]
    fn decades() {
        let f = Film {
            year: Some(1976),
            ..Film::default()
        };
        assert_eq!(f.decade(), Some(1970));
    }
}

//! The importer's reading of the three seed listings (the documents this
//! project started from, copied under tests/fixtures/listings/): every
//! titled entry matches its curated catalogue film, the untitled ones are
//! found with what they state, and theme tagging is measured against the
//! curated themes.
//!
//! The import command itself (writing the catalogue) is still to come; these
//! tests pin down the parsing, matching and tagging it will stand on.

use std::collections::HashSet;
use std::path::PathBuf;

use slate::catalogue::load::load;
use slate::catalogue::LoadOptions;
use slate::import::listing::{parse, Entry};
use slate::import::matching::{find, Index};
use slate::themes::tagging::Tagger;

fn listing(name: &str) -> Vec<Entry> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/listings")
        .join(name);
    parse(&std::fs::read_to_string(path).unwrap())
}

fn catalogue() -> slate::Catalogue {
    load(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data"),
        &LoadOptions::default(),
        &|_| {},
    )
    .unwrap()
    .catalogue
}

#[test]
fn seed_listings_read_as_the_documents_state() {
    let e = listing("seed-000.txt");
    let titles: Vec<Option<&str>> = e.iter().map(|e| e.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("Harlan County USA"),
            Some("Bringing It All Back Home"),
            Some("Strike"),
            Some("Rough Side Of The Mountain"),
            None,
            Some("Pyme"),
            Some("Industria Argentina"),
        ]
    );
    // Runtimes, years and directors as the listing states them.
    assert_eq!((e[0].year, e[0].runtime), (Some(1976), Some(103)));
    assert_eq!(e[1].runtime, Some(48));
    assert_eq!(e[2].runtime, Some(82)); // "1 hr 22 min"
    assert_eq!(e[2].directors, ["Sergei M. Esenstein"]);
    assert_eq!((e[3].year, e[3].runtime), (Some(1999), Some(57)));
    assert_eq!(e[4].directors, ["Mangesh Joshi"]);
    assert!(e[4]
        .synopsis
        .as_deref()
        .unwrap()
        .contains("lathe machine worker"));
    assert_eq!((e[5].year, e[5].runtime), (Some(2004), Some(96)));
    assert_eq!(e[5].other_titles, ["SMB"]);
    assert_eq!(e[6].countries, ["Argentina"]);

    let e = listing("seed-001.txt");
    assert_eq!(e.len(), 7);
    assert_eq!(e[0].title, None);
    assert_eq!(e[0].directors, ["Pedro Pinho"]);
    assert_eq!((e[0].year, e[0].runtime), (Some(2017), Some(177)));
    assert_eq!(e[0].languages, ["Portuguese", "French"]);
    assert_eq!(e[1].directors, ["Hanna Slak"]);
    assert_eq!(e[1].countries, ["Slovenia", "Croatia"]);
    assert_eq!((e[1].year, e[1].runtime), (Some(2017), Some(98)));
    assert_eq!(e[1].kind.as_deref(), Some("fiction"));

    let e = listing("seed-002.txt");
    assert_eq!(e.len(), 10, "the introduction is not an entry");
    assert_eq!(e[0].title.as_deref(), Some("The Strike"));
    assert_eq!(e[9].title.as_deref(), Some("The Ascent"));
    assert!(e
        .iter()
        .all(|x| x.year.is_some() && x.synopsis.is_some() && x.notes.is_some()));
}

#[test]
fn titled_seed_entries_match_their_catalogue_films() {
    let cat = catalogue();
    let index = Index::new(&cat);
    let mut matched = HashSet::new();
    let mut untitled = HashSet::new();
    for name in ["seed-000.txt", "seed-001.txt", "seed-002.txt"] {
        for e in listing(name) {
            match &e.title {
                Some(t) => {
                    let m = find(&cat, &index, &e)
                        .unwrap_or_else(|| panic!("{t} ({name}) matched nothing"));
                    matched.insert(m.film);
                }
                None => {
                    assert!(find(&cat, &index, &e).is_none());
                    untitled.insert(e.synopsis.clone().unwrap_or_default());
                }
            }
        }
    }
    assert_eq!(matched.len(), 15, "{matched:?}");
    for id in [
        "harlan-county-usa",
        "strike-1925",
        "pyme",
        "rough-side-of-the-mountain",
        "the-ascent",
    ] {
        assert!(matched.contains(id), "{id}");
    }
    // The lathe-worker film appears twice with the same text: one entry.
    assert_eq!(untitled.len(), 3);
    // A year the listing gets wrong is a conflict, and the catalogue keeps its own.
    let e = &listing("seed-000.txt")[3];
    let m = find(&cat, &index, e).unwrap();
    assert_eq!(
        m.conflicts,
        ["year: the listing says 1999, the catalogue 1997"]
    );
}

/// Tally of assigned against curated themes.
#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    missed: usize,
}

impl Score {
    /// Counts one film; with `SLATE_TAGGING_DEBUG` set, prints what was
    /// assigned, what was wanted and the words that triggered each tag.
    fn add(&mut self, id: &str, tagger: &Tagger, text: &str, want: &[String]) {
        let tags = tagger.tag(text);
        let hit = tags.iter().filter(|t| want.contains(&t.theme)).count();
        self.tp += hit;
        self.fp += tags.len() - hit;
        self.missed += want.len() - hit;
        if std::env::var_os("SLATE_TAGGING_DEBUG").is_some() {
            let extra: Vec<String> = tags
                .iter()
                .filter(|t| !want.contains(&t.theme))
                .map(|t| format!("{} ({})", t.theme, t.words.join(", ")))
                .collect();
            let ok: Vec<String> = tags
                .iter()
                .filter(|t| want.contains(&t.theme))
                .map(|t| format!("{} ({})", t.theme, t.words.join(", ")))
                .collect();
            let missed: Vec<&String> = want
                .iter()
                .filter(|w| !tags.iter().any(|t| &t.theme == *w))
                .collect();
            println!("{id}\n  ok: {ok:?}\n  FP: {extra:?}\n  MISSED: {missed:?}");
        }
    }

    fn counts(&self) -> String {
        format!(
            "{} right, {} wrong, {} missed",
            self.tp, self.fp, self.missed
        )
    }

    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp) as f64
    }

    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.missed) as f64
    }
}

#[test]
fn theme_tagging_on_the_seed_listings() {
    let cat = catalogue();
    let index = Index::new(&cat);
    let tagger = Tagger::new(cat.vocabulary());
    let mut score = Score::default();
    let mut seen = HashSet::new();
    for name in ["seed-000.txt", "seed-001.txt", "seed-002.txt"] {
        for e in listing(name) {
            let id = match find(&cat, &index, &e) {
                Some(m) => m.film,
                None => match e.directors.first().map(String::as_str) {
                    Some("Mangesh Joshi") => "lathe-joshi".into(),
                    Some("Pedro Pinho") => "the-nothing-factory".into(),
                    Some("Hanna Slak") => "the-miner-2017".into(),
                    other => panic!("unexpected {other:?}"),
                },
            };
            if !seen.insert(id.clone()) {
                continue;
            }
            let text = format!(
                "{} {}",
                e.synopsis.unwrap_or_default(),
                e.notes.unwrap_or_default()
            );
            score.add(&id, &tagger, &text, &cat.get(&id).unwrap().themes);
        }
    }
    let (precision, recall) = (score.precision(), score.recall());
    println!(
        "tagging on the seed listings: precision {precision:.2}, recall {recall:.2} ({})",
        score.counts()
    );
    // Measured 0.81 / 0.73 (43 right, 10 wrong, 16 missed; targets 0.8 / 0.7),
    // up from 0.66 / 0.69. Most of what is left wrong comes from the Soviet
    // list's descriptions, which are partly false (see the films' notes): it
    // tags what the listing says, a steel plant for a Civil War film. Most of
    // what is missed the shortest synopses never mention.
    assert!(
        precision >= 0.8 && recall >= 0.72,
        "precision {precision:.2}, recall {recall:.2}"
    );
}

/// The same measurement on every catalogue film's own synopsis (363 films,
/// not the listings' wording): a guard that tuning the vocabulary for the
/// seed listings does not cost elsewhere. `SLATE_TAGGING_DEBUG=1 cargo test
/// --test import_seeds -- --nocapture` prints every film's tags and misses.
#[test]
fn theme_tagging_on_the_catalogue_synopses() {
    let cat = catalogue();
    let tagger = Tagger::new(cat.vocabulary());
    // The guard is the original 363 films; the festival films added in
    // catalogue v2 (data/films/festivals-*.toml) are measured and printed.
    let mut score = Score::default();
    let mut added = Score::default();
    for f in cat.films() {
        let later = cat
            .file_of(&f.id)
            .and_then(|p| p.file_name())
            .is_some_and(|n| n.to_string_lossy().starts_with("festivals-"));
        if let Some(s) = &f.synopsis {
            if later {
                added.add(&f.id, &tagger, s, &f.themes);
            } else {
                score.add(&f.id, &tagger, s, &f.themes);
            }
        }
    }
    println!(
        "tagging on the festival films' synopses: precision {:.2}, recall {:.2} ({})",
        added.precision(),
        added.recall(),
        added.counts()
    );
    let (precision, recall) = (score.precision(), score.recall());
    println!(
        "tagging on the catalogue synopses: precision {precision:.2}, recall {recall:.2} ({})",
        score.counts()
    );
    // Measured 0.75 / 0.58 (858 right, 287 wrong, 625 missed), up from
    // 0.65 / 0.57 before the vocabulary's weak keywords, stop-phrases and
    // implications: tuning for the seed listings must not lower either.
    // Curators tag from what they know of a film, so recall on a one-sentence
    // synopsis stays modest; and they leave out a broader theme the narrower
    // one implies (coal films without `mining`), which counts as wrong here.
    assert!(
        precision >= 0.74 && recall >= 0.57,
        "precision {precision:.2}, recall {recall:.2}"
    );
}

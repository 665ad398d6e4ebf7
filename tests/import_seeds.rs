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

#[test]
fn theme_tagging_on_the_seed_listings() {
    let cat = catalogue();
    let index = Index::new(&cat);
    let tagger = Tagger::new(cat.vocabulary());
    let (mut tp, mut fp, mut missed) = (0usize, 0usize, 0usize);
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
            let got: Vec<String> = tagger.tag(&text).into_iter().map(|t| t.theme).collect();
            let want = &cat.get(&id).unwrap().themes;
            let hit = got.iter().filter(|g| want.contains(g)).count();
            tp += hit;
            fp += got.len() - hit;
            missed += want.len() - hit;
        }
    }
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / (tp + missed) as f64;
    println!("tagging on the seed listings: precision {precision:.2}, recall {recall:.2}");
    // Measured 0.64 / 0.59 (targets 0.8 / 0.7, not met yet: the Soviet list's
    // descriptions are partly wrong, and the shortest synopses name one theme).
    // Guard against regressions while the tagger is tuned.
    assert!(
        precision >= 0.6 && recall >= 0.55,
        "precision {precision:.2}, recall {recall:.2}"
    );
}

//! The importer measured on real listings: pages and extracts copied from
//! festival, film-society, cinematheque, archive and distributor pages in
//! several languages (`tests/corpus/import/`), each with the films a careful
//! reader finds in it and the credits it states (see
//! `tests/corpus/import/README.md`).
//!
//! Up to three parts: `dev/`, which the importer was developed on,
//! `heldout/`, kept out of development and looked at only through these
//! totals, and, when one has been gathered, `next/`, the next held-out part
//! (likewise looked at only through its totals). For
//! each part the test prints films found, credits right and films invented,
//! and holds them to the issue's bar (95% found, 90% of stated credits
//! right, nothing invented). Print the table with
//!
//! ```text
//! cargo test --release --test import_corpus -- --nocapture
//! ```
//!
//! Scoring: an expected film is found when an entry the import would write
//! (not an uncertain one) has one of its titles (folded: case, accents and
//! punctuation ignored), as title or other title. Each credit the listing
//! states (title, year, directors, runtime, countries) is right when the
//! matching entry has the same (directors and countries as sets; countries
//! compared by canonical name, a name written surname first, "Ritchie,
//! James", as the same person); a film not found has all its credits wrong.
//! An entry that would be written and matches no expected film is
//! invented. Every file's reading must also account for every line.

mod common;

use std::path::{Path, PathBuf};

use slate::import::listing::{read, Entry, Knowledge};
use slate::text::fold;

#[derive(serde::Deserialize)]
struct Expected {
    #[serde(default)]
    film: Vec<Film>,
}

#[derive(serde::Deserialize)]
struct Film {
    titles: Vec<String>,
    year: Option<i32>,
    #[serde(default)]
    directors: Vec<String>,
    runtime: Option<u32>,
    #[serde(default)]
    countries: Vec<String>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    files: usize,
    films: usize,
    found: usize,
    found_uncertain: usize,
    credits: usize,
    right: usize,
    invented: usize,
    uncertain: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.files += o.files;
        self.films += o.films;
        self.found += o.found;
        self.found_uncertain += o.found_uncertain;
        self.credits += o.credits;
        self.right += o.right;
        self.invented += o.invented;
        self.uncertain += o.uncertain;
    }
    fn found_pct(&self) -> f64 {
        100.0 * self.found as f64 / self.films.max(1) as f64
    }
    fn right_pct(&self) -> f64 {
        100.0 * self.right as f64 / self.credits.max(1) as f64
    }
}

static INVENTED_BY: std::sync::Mutex<std::collections::BTreeMap<(String, &'static str), usize>> =
    std::sync::Mutex::new(std::collections::BTreeMap::new());

fn part_name(txt: &Path) -> String {
    txt.parent()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn titles_of(e: &Entry) -> Vec<String> {
    let mut out: Vec<String> = e
        .title
        .iter()
        .chain(&e.other_titles)
        .map(|t| fold(t))
        .collect();
    // "Clean with me (After dark)" read as a title and another title.
    if let Some(t) = &e.title {
        for o in &e.other_titles {
            out.push(fold(&format!("{t} ({o})")));
        }
    }
    out
}

fn matches(e: &Entry, f: &Film) -> bool {
    let mine = titles_of(e);
    f.titles.iter().any(|t| mine.contains(&fold(t)))
}

fn country_key(c: &str) -> String {
    slate::import::listing::country_name(c)
        .map(str::to_string)
        .unwrap_or_else(|| fold(c))
}

fn same_set(a: &[String], b: &[String], key: impl Fn(&str) -> String) -> bool {
    let mut a: Vec<String> = a.iter().map(|x| key(x)).collect();
    let mut b: Vec<String> = b.iter().map(|x| key(x)).collect();
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    a == b
}

/// A person's name compared: folded, and in the order given name first
/// (a catalogue's "Ritchie, James" is James Ritchie).
fn person_key(name: &str) -> String {
    let name = match name.split_once(", ") {
        Some((surname, given)) if !given.contains(',') => format!("{given} {surname}"),
        _ => name.to_string(),
    };
    fold(&name)
}

/// Scores one listing; `detail` lists what went wrong (development part only).
fn score(txt: &Path, knowledge: &Knowledge, detail: bool) -> Score {
    let text = std::fs::read_to_string(txt).unwrap();
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(txt.with_extension("toml")).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
    let reading = read(&text, knowledge);
    assert_eq!(
        reading.lines,
        reading.blank + reading.entry_lines() + reading.skipped_lines(),
        "{}: the report's totals do not add up to the input",
        txt.display()
    );
    let written: Vec<&Entry> = reading
        .entries
        .iter()
        .filter(|e| e.uncertain.is_none())
        .collect();
    let mut s = Score {
        files: 1,
        films: expected.film.len(),
        uncertain: reading
            .entries
            .iter()
            .filter(|e| e.uncertain.is_some())
            .count(),
        ..Score::default()
    };
    let name = txt.file_stem().unwrap().to_string_lossy();
    for f in &expected.film {
        let stated = 1
            + usize::from(f.year.is_some())
            + usize::from(!f.directors.is_empty())
            + usize::from(f.runtime.is_some())
            + usize::from(!f.countries.is_empty());
        s.credits += stated;
        let Some(e) = written.iter().find(|e| matches(e, f)) else {
            if reading.entries.iter().any(|e| matches(e, f)) {
                s.found_uncertain += 1;
            }
            if detail {
                println!("  {name}: not found: {}", f.titles[0]);
            }
            continue;
        };
        s.found += 1;
        let mut right = 1;
        let mut wrong = Vec::new();
        if let Some(y) = f.year {
            if e.year == Some(y) {
                right += 1
            } else {
                wrong.push(format!("year {:?} not {y}", e.year));
            }
        }
        if !f.directors.is_empty() {
            if same_set(&e.directors, &f.directors, person_key) {
                right += 1
            } else {
                wrong.push(format!("directors {:?} not {:?}", e.directors, f.directors));
            }
        }
        if let Some(r) = f.runtime {
            if e.runtime == Some(r) {
                right += 1
            } else {
                wrong.push(format!("runtime {:?} not {r}", e.runtime));
            }
        }
        if !f.countries.is_empty() {
            if same_set(&e.countries, &f.countries, country_key) {
                right += 1
            } else {
                wrong.push(format!("countries {:?} not {:?}", e.countries, f.countries));
            }
        }
        s.right += right;
        if detail && !wrong.is_empty() {
            println!("  {name}: {}: {}", f.titles[0], wrong.join("; "));
        }
    }
    for e in &written {
        if e.title.is_some() && !expected.film.iter().any(|f| matches(e, f)) {
            s.invented += 1;
            // By layout only: the held-out part is seen through counts.
            *INVENTED_BY
                .lock()
                .unwrap()
                .entry((part_name(txt), e.layout))
                .or_default() += 1;
            if detail {
                println!(
                    "  {name}: invented: {:?} (line {}, {})",
                    e.title.as_deref().unwrap_or(""),
                    e.line,
                    e.layout
                );
            }
        }
    }
    s
}

fn part(dir: &str, knowledge: &Knowledge, detail: bool) -> Option<Score> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus/import")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut total = Score::default();
    for f in &files {
        let s = score(f, knowledge, detail);
        if !detail {
            // The held-out part is looked at only through its totals.
            total.add(s);
            continue;
        }
        println!(
            "{dir:8} {:44} films {:3} found {:3} credits {:3}/{:3} invented {} uncertain {}",
            f.file_stem().unwrap().to_string_lossy(),
            s.films,
            s.found,
            s.right,
            s.credits,
            s.invented,
            s.uncertain
        );
        total.add(s);
    }
    Some(total)
}

#[test]
fn real_listings_are_read_without_losing_or_inventing_films() {
    let knowledge = Knowledge::of_catalogue(&common::bundled().0);
    let mut rows = Vec::new();
    // `SLATE_CORPUS_PARTS=dev` measures the development part alone, so
    // that work on the importer need not see the held-out figures.
    let parts = std::env::var("SLATE_CORPUS_PARTS").unwrap_or_default();
    for (dir, detail) in [("dev", true), ("heldout", false), ("next", false)] {
        if !parts.is_empty() && !parts.split(',').any(|p| p == dir) {
            continue;
        }
        if let Some(s) = part(dir, &knowledge, detail) {
            rows.push((dir, s));
        }
    }
    println!(
        "\n| part | listings | films | found | found (with uncertain) | credits right | invented |\n|---|---|---|---|---|---|---|"
    );
    for (dir, s) in &rows {
        println!(
            "| {dir} | {} | {} | {} ({:.1}%) | {} | {}/{} ({:.1}%) | {} |",
            s.files,
            s.films,
            s.found,
            s.found_pct(),
            s.found + s.found_uncertain,
            s.right,
            s.credits,
            s.right_pct(),
            s.invented
        );
    }
    println!("\ninvented entries by layout:");
    for ((dir, layout), n) in INVENTED_BY.lock().unwrap().iter() {
        println!("  {dir}: {layout}: {n}");
    }
    // The bar the importer is held to is 95% found, 90% of credits right
    // and nothing invented (issue 14); it is not reached yet (see
    // docs/import.md). These floors, just under today's figures, keep it
    // from sliding back.
    for (dir, s) in &rows {
        let (found, right, invented) = FLOORS
            .iter()
            .find(|(d, ..)| d == dir)
            .map(|(_, f, r, i)| (*f, *r, *i))
            .unwrap_or((0.0, 0.0, usize::MAX));
        assert!(
            s.found_pct() >= found,
            "{dir}: {:.1}% of films found, floor {found}%",
            s.found_pct()
        );
        assert!(
            s.right_pct() >= right,
            "{dir}: {:.1}% of credits right, floor {right}%",
            s.right_pct()
        );
        assert!(
            s.invented <= invented,
            "{dir}: {} films invented, at most {invented}",
            s.invented
        );
    }
}

/// Per part: films found (%), credits right (%), films invented (at most).
const FLOORS: &[(&str, f64, f64, usize)] = &[
    ("dev", 91.0, 88.8, 14),
    ("heldout", 53.1, 60.3, 10),
    ("next", 22.9, 18.4, 27),
];

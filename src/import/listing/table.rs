//! Tables: CSV with a header row (IMDb and Letterboxd exports among them)
//! and tab-separated tables copied from a spreadsheet, read by their
//! column names ([`COLUMNS`]).

use super::credits::*;
use super::*;

/// Column names a CSV header may use for each field.
pub(super) const COLUMNS: &[(&str, &[&str])] = &[
    ("title", &["title", "film", "name", "english title"]),
    ("original_title", &["original title", "original_title"]),
    ("year", &["year", "release year", "date"]),
    (
        "directors",
        &["director", "directors", "directed by", "dir"],
    ),
    (
        "runtime",
        &[
            "runtime",
            "running time",
            "length",
            "duration",
            "minutes",
            "min",
            "mins",
            "runtime (mins)",
            "runtime (min)",
            "runtime (minutes)",
            "length (min)",
            "duration (min)",
        ],
    ),
    ("countries", &["country", "countries"]),
    ("languages", &["language", "languages"]),
    ("synopsis", &["synopsis", "description", "summary", "plot"]),
    ("cast", &["cast", "starring", "actors"]),
    ("kind", &["genre", "genres", "kind", "type"]),
];

/// A CSV listing with a header row naming at least a title column, in any
/// order. A preamble before the table (Letterboxd's list exports carry one)
/// is passed over: then the table read is the largest block of lines,
/// between blank lines, whose header names a title and another known column.
pub(super) fn csv_entries(text: &str) -> Option<Vec<Entry>> {
    if let Some(entries) = csv_table(text, 0, 1) {
        return Some(entries);
    }
    let lines: Vec<&str> = text.lines().collect();
    // A header names a title column: without one anywhere, no block is a
    // table (and a long listing is not cut into blocks to ask).
    let title_words = [
        "title", "film", "name", "titel", "titre", "titulo", "titolo",
    ];
    if !lines.iter().any(|l| {
        l.len() < 400
            && l.contains([',', ';', '\t'])
            && title_words
                .iter()
                .any(|w| l.to_ascii_lowercase().contains(w))
    }) {
        return None;
    }
    let mut best: Option<Vec<Entry>> = None;
    let mut start = 0;
    while start < lines.len() {
        if lines[start].trim().is_empty() {
            start += 1;
            continue;
        }
        let end = (start..lines.len())
            .find(|&i| lines[i].trim().is_empty())
            .unwrap_or(lines.len());
        let block = lines[start..end].join("\n");
        if let Some(entries) = csv_table(&block, start, 2) {
            if best.as_ref().is_none_or(|b| entries.len() > b.len()) {
                best = Some(entries);
            }
        }
        start = end;
    }
    best
}

/// A CSV table whose header (its first non-empty line) names a title
/// column and at least `known` other columns slate reads; `offset` is the
/// number of lines before `text` in its file.
pub(super) fn csv_table(text: &str, offset: usize, known: usize) -> Option<Vec<Entry>> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    // Commas, semicolons, or tabs (a range copied from a spreadsheet).
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&d| first.matches(d as char).count())
        .filter(|&d| first.contains(d as char))?;
    // Cheaply first: does the header name a title column at all?
    let titles = COLUMNS
        .iter()
        .find(|(f, _)| *f == "title")
        .map_or(&[][..], |(_, n)| *n);
    if !first
        .split(delimiter as char)
        .map(|h| crate::text::fold(h.trim().trim_matches('"')))
        .any(|h| titles.contains(&h.as_str()))
    {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .ok()?
        .iter()
        .map(crate::text::fold)
        .collect();
    let column = |field: &str| {
        let names = COLUMNS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, n)| *n)
            .unwrap_or(&[]);
        headers
            .iter()
            .position(|h| names.iter().any(|n| crate::text::fold(n) == *h))
    };
    let recognised = COLUMNS
        .iter()
        .filter(|(f, _)| *f != "title" && column(f).is_some())
        .count();
    if recognised < known {
        return None;
    }
    let title_col = column("title")?;
    if headers.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let Ok(record) = record else { continue };
        let line = offset + record.position().map_or(n + 2, |p| p.line() as usize);
        let get = |field: &str| {
            column(field)
                .and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let mut e = Entry {
            line,
            ..Entry::default()
        };
        if let Some(t) = record
            .get(title_col)
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let first = super::facts::titled_entry(title_line(t), line);
            e.title = first.title;
            e.year = first.year;
            e.other_titles = first.other_titles;
        }
        if let Some(o) = get("original_title") {
            e.other_titles.push(o.to_string());
        }
        if let Some(y) = get("year") {
            e.year = y.get(..4).and_then(|y| y.parse().ok()).or(e.year);
        }
        e.directors = get("directors").map(names).unwrap_or_default();
        e.runtime = get("runtime").and_then(runtime::parse);
        e.countries = get("countries")
            .map(|c| {
                c.split(['/', ',', ';'])
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        e.languages = get("languages").map(names).unwrap_or_default();
        e.cast = get("cast").map(names).unwrap_or_default();
        e.synopsis = get("synopsis").map(str::to_string);
        e.kind = get("kind").map(kind_of_genre);
        if e.title.is_some() || !e.directors.is_empty() {
            out.push(e);
        }
    }
    Some(out)
}

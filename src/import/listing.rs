//! Splitting pasted listings into entries and reading their fields.
//!
//! Layouts read so far:
//! - labelled blocks: a title line, optionally with "(1976)" and other
//!   parentheticals, then `Directed by:`, `Running Time:`, `Starring:`,
//!   `Website:`, `Synopsis:`, `Country:` lines and free synopsis paragraphs;
//! - prose blocks with credits inline (`DIR/SCR/PROD Name; PROD Name.
//!   Portugal, 2017, color, 177 min. In Portuguese and French …`), followed
//!   by `Run Time:` and `Genre:` lines, usually without a title;
//! - titled lists with `Description:` and `Fact:` lines.
//!
//! An entry without a title keeps everything else found; paragraphs with
//! no film facts at all (an introduction) are skipped.

use super::runtime;

/// What a listing says about one film.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Entry {
    pub title: Option<String>,
    /// Other titles in parentheses ("SMB", "Argentine Industry").
    pub other_titles: Vec<String>,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    pub cast: Vec<String>,
    pub runtime: Option<u32>,
    pub countries: Vec<String>,
    pub languages: Vec<String>,
    pub kind: Option<String>,
    pub synopsis: Option<String>,
    pub notes: Option<String>,
    /// Line of the entry in its file (1-based).
    pub line: usize,
}

const LABELS: &[&str] = &[
    "directed by",
    "dir.",
    "director",
    "running time",
    "run time",
    "runtime",
    "starring",
    "cast",
    "website",
    "synopsis",
    "country",
    "countries",
    "description",
    "fact",
    "genre",
    "year",
    "language",
    "languages",
];

/// The label a line starts with ("Directed by: X" → ("directed by", "X")).
fn label(line: &str) -> Option<(&'static str, String)> {
    let lower = line.trim().to_lowercase();
    for l in LABELS {
        if let Some(rest) = lower.strip_prefix(l) {
            let rest_trim = rest.trim_start();
            let free = (*l == "directed by" || *l == "dir.") && !rest_trim.is_empty();
            if rest_trim.starts_with(':') || free {
                let offset = line.trim().len() - rest_trim.len();
                let value = line.trim()[offset..].trim_start_matches(':').trim();
                return Some((l, value.to_string()));
            }
        }
    }
    None
}

fn is_nothing(v: &str) -> bool {
    let t = v.trim().trim_end_matches('.').to_lowercase();
    t.is_empty() || t == "n/a" || t == "na" || t == "none" || t == "-"
}

/// "Harlan County USA (1976)" → title, year, other titles.
fn title_line(line: &str) -> (String, Option<i32>, Vec<String>) {
    let title;
    let mut year = None;
    let mut others = Vec::new();
    let mut rest = line.trim();
    if let Some(i) = rest.find('(') {
        title = rest[..i].trim().to_string();
        rest = &rest[i..];
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')') else {
                break;
            };
            let inner = rest[open + 1..open + close].trim();
            if inner.len() == 4 && inner.bytes().all(|b| b.is_ascii_digit()) {
                year = inner.parse().ok();
            } else if !inner.is_empty() {
                others.push(inner.to_string());
            }
            rest = &rest[open + close + 1..];
        }
    } else {
        title = rest.to_string();
    }
    (title, year, others)
}

fn names(v: &str) -> Vec<String> {
    if is_nothing(v) {
        return Vec::new();
    }
    v.split([',', ';'])
        .map(|n| n.trim().trim_end_matches('.').trim())
        .filter(|n| !n.is_empty() && n.chars().any(|c| c.is_alphabetic()))
        .map(str::to_string)
        .collect()
}

/// Reads credits written inline in prose ("DIR/SCR Hanna Slak; PROD … .
/// Slovenia/Croatia, 2017, color, 98 min. In Slovenian with English subtitles.").
fn prose_credits(text: &str, e: &mut Entry) -> Option<usize> {
    let at = text.find("DIR/").or_else(|| text.find("DIR "))?;
    let credits = &text[at..];
    for part in credits.split(';') {
        let part = part.trim();
        let Some((roles, who)) = part.split_once(' ') else {
            continue;
        };
        if roles.split('/').any(|r| r == "DIR") {
            let who = who.split(". ").next().unwrap_or(who);
            for n in names(who) {
                if !e.directors.contains(&n) {
                    e.directors.push(n);
                }
            }
        }
    }
    // "Portugal, 2017, color, 177 min."
    for sentence in credits.split(". ") {
        let fields: Vec<&str> = sentence.split(',').map(str::trim).collect();
        if let Some(pos) = fields
            .iter()
            .position(|f| f.len() == 4 && f.bytes().all(|b| b.is_ascii_digit()))
        {
            if pos > 0 && e.year.is_none() {
                e.year = fields[pos].parse().ok();
                e.countries = fields[pos - 1]
                    .split('/')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty() && !c.contains(' ') || c.split(' ').count() <= 3)
                    .collect();
                if let Some(rt) = fields
                    .iter()
                    .skip(pos)
                    .find_map(|f| f.contains("min").then(|| runtime::parse(f)).flatten())
                {
                    e.runtime = Some(rt);
                }
            }
        }
        if let Some(langs) = sentence.trim().strip_prefix("In ") {
            let langs = langs.split(" with ").next().unwrap_or(langs);
            e.languages = langs
                .split([',', '&'])
                .flat_map(|p| p.split(" and "))
                .map(|l| l.trim().trim_end_matches('.').to_string())
                .filter(|l| !l.is_empty())
                .collect();
        }
    }
    Some(at)
}

/// Splits a listing into entries.
pub fn parse(text: &str) -> Vec<Entry> {
    // Pasted web text is full of non-breaking and odd spaces.
    let text: String = text
        .chars()
        .map(|c| {
            if c != '\n' && c != '\r' && c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    if let Some(entries) = csv_entries(&text) {
        return entries;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut entries: Vec<Entry> = Vec::new();
    let mut current: Option<Entry> = None;
    // Whether the current entry still takes free text as its synopsis.
    let mut open = false;
    let next_nonempty = |i: usize| {
        lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .copied()
    };
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.is_empty() || line.to_lowercase().starts_with("category archives") {
            i += 1;
            continue;
        }
        if let Some((l, value)) = label(line) {
            let e = current.get_or_insert_with(|| Entry {
                line: i + 1,
                ..Entry::default()
            });
            match l {
                "directed by" | "director" | "dir." if value.contains('/') => {
                    // One-line credits: "Dir. Mike Nichols/USA/1983/128 min".
                    credit_parts(e, value.split('/'));
                }
                "directed by" | "director" | "dir." => {
                    for n in names(value.split(';').next().unwrap_or(&value)) {
                        if !e.directors.contains(&n) {
                            e.directors.push(n);
                        }
                    }
                }
                "running time" | "run time" | "runtime" if e.runtime.is_none() => {
                    e.runtime = runtime::parse(&value);
                }
                "starring" | "cast" => e.cast = names(&value),
                "country" | "countries" => {
                    e.countries = value
                        .trim_end_matches('.')
                        .split([',', '/'])
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect()
                }
                "language" | "languages" => e.languages = names(&value),
                "year" => e.year = value.trim().parse().ok(),
                "genre" => e.kind = Some(kind_of_genre(&value)),
                "synopsis" | "description" => {
                    if !is_nothing(&value) {
                        e.synopsis = Some(value);
                    }
                    open = e.synopsis.is_none();
                }
                "fact" => e.notes = Some(value),
                _ => {}
            }
            i += 1;
            continue;
        }
        // A pipe line: "Title | Country | Year | N minutes".
        if line.matches('|').count() >= 2 {
            if let Some(done) = current.take() {
                entries.push(done);
            }
            let mut fields = line.split('|').map(str::trim);
            let mut e = Entry {
                line: i + 1,
                ..Entry::default()
            };
            let (title, year, others) = title_line(fields.next().unwrap_or(""));
            e.title = (!title.is_empty()).then_some(title);
            e.year = year;
            e.other_titles = others;
            credit_parts(&mut e, fields);
            current = Some(e);
            open = true;
            i += 1;
            continue;
        }
        // A title: a short line followed by labels.
        let short = line.chars().count() <= 100 && !line.ends_with('.');
        if short && next_nonempty(i).and_then(label).is_some() {
            if let Some(done) = current.take() {
                entries.push(done);
            }
            let (title, year, others) = title_line(line);
            current = Some(Entry {
                title: (!title.is_empty()).then_some(title),
                year,
                other_titles: others,
                line: i + 1,
                ..Entry::default()
            });
            open = true;
            i += 1;
            continue;
        }
        // Free text: a paragraph.
        let start = i;
        let mut para = Vec::new();
        while i < lines.len() && !lines[i].trim().is_empty() && label(lines[i]).is_none() {
            para.push(lines[i].trim());
            i += 1;
        }
        let text = para.join(" ");
        let continues = open && current.as_ref().is_some_and(|e| e.synopsis.is_none());
        if continues {
            let e = current.as_mut().expect("checked");
            apply_prose(e, &text);
            open = false;
        } else {
            if let Some(done) = current.take() {
                entries.push(done);
            }
            let mut e = Entry {
                line: start + 1,
                ..Entry::default()
            };
            apply_prose(&mut e, &text);
            current = Some(e);
            open = false;
        }
    }
    if let Some(done) = current.take() {
        entries.push(done);
    }
    entries
        .into_iter()
        .filter(|e| {
            e.title.is_some() || !e.directors.is_empty() || e.runtime.is_some() || e.year.is_some()
        })
        .collect()
}

/// A film's kind from a listing's genre: documentary, animation and
/// experimental by name, any other genre (drama, thriller, comedy) fiction.
fn kind_of_genre(genre: &str) -> String {
    let g = genre.to_lowercase();
    if g.contains("doc") {
        "documentary"
    } else if g.contains("anim") {
        "animation"
    } else if g.contains("experimental") {
        "experimental"
    } else {
        "fiction"
    }
    .to_string()
}

/// Reads credit fields of unknown order: a year, a runtime, a country, or
/// else a director's name.
fn credit_parts<'a>(e: &mut Entry, parts: impl Iterator<Item = &'a str>) {
    for part in parts
        .map(|p| p.trim().trim_end_matches('.'))
        .filter(|p| !p.is_empty())
    {
        if part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()) {
            e.year = part.parse().ok();
        } else if part.bytes().any(|b| b.is_ascii_digit()) {
            if let Some(r) = runtime::parse(part) {
                e.runtime = Some(r);
            }
        } else if crate::countries::canonical(part).is_some() {
            e.countries.push(part.to_string());
        } else {
            for n in names(part) {
                if !e.directors.contains(&n) {
                    e.directors.push(n);
                }
            }
        }
    }
}

/// Column names a CSV header may use for each field.
const COLUMNS: &[(&str, &[&str])] = &[
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
        ],
    ),
    ("countries", &["country", "countries"]),
    ("languages", &["language", "languages"]),
    ("synopsis", &["synopsis", "description", "summary", "plot"]),
    ("cast", &["cast", "starring", "actors"]),
    ("kind", &["genre", "kind", "type"]),
];

/// A CSV listing with a header row naming at least a title column, in any order.
fn csv_entries(text: &str) -> Option<Vec<Entry>> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    if !first.contains(',') && !first.contains(';') {
        return None;
    }
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.trim_start().as_bytes());
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
        headers.iter().position(|h| names.contains(&h.as_str()))
    };
    let title_col = column("title")?;
    if headers.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let Ok(record) = record else { continue };
        let get = |field: &str| {
            column(field)
                .and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let mut e = Entry {
            line: n + 2,
            ..Entry::default()
        };
        if let Some(t) = record
            .get(title_col)
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let (title, year, others) = title_line(t);
            e.title = (!title.is_empty()).then_some(title);
            e.year = year;
            e.other_titles = others;
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

/// Free text: a synopsis, with any inline credits read out of it.
fn apply_prose(e: &mut Entry, text: &str) {
    let synopsis = match prose_credits(text, e) {
        Some(at) => text[..at].trim(),
        None => text.trim(),
    };
    if !synopsis.is_empty() {
        e.synopsis = Some(synopsis.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_blocks() {
        let e = parse(
            "Category Archives: Industrial\n\nHarlan County USA (1976)\n\nDirected by:  Barbara Kopple\nRunning Time: 103 min\nStarring:  Norman Yarborough, Houston Elmore\n\nWebsite: N/a\n\nSynopsis: A filmed account of a bitterly violent miner strike.\n\n\nPyme (2004) (SMB)\n\nDirected by: Alejandro Malowiki\nRunning Time: 96 minutes.\nStarring: N/a\n\nSMB (Pyme) is a fiction film about a plastics factory.\n",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("Harlan County USA"));
        assert_eq!(e[0].year, Some(1976));
        assert_eq!(e[0].directors, ["Barbara Kopple"]);
        assert_eq!(e[0].runtime, Some(103));
        assert_eq!(e[0].cast.len(), 2);
        assert_eq!(e[1].other_titles, ["SMB"]);
        assert_eq!(e[1].runtime, Some(96));
        assert!(e[1].synopsis.as_deref().unwrap().starts_with("SMB (Pyme)"));
    }

    #[test]
    fn prose_with_inline_credits_and_no_title() {
        let e = parse("Workers at a factory. DIR/SCR/PROD Pedro Pinho; SCR/PROD Tiago Hespanha. Portugal, 2017, color, 177 min. In Portuguese and French with English subtitles. NOT RATED\nRun Time: 177 Minutes\nGenre: Drama\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].title, None);
        assert_eq!(e[0].directors, ["Pedro Pinho"]);
        assert_eq!(e[0].year, Some(2017));
        assert_eq!(e[0].countries, ["Portugal"]);
        assert_eq!(e[0].runtime, Some(177));
        assert_eq!(e[0].languages, ["Portuguese", "French"]);
        assert_eq!(e[0].kind.as_deref(), Some("fiction"));
        assert_eq!(e[0].synopsis.as_deref(), Some("Workers at a factory."));
    }

    #[test]
    fn one_line_credits_pipes_and_csv() {
        let e = parse(
            "Silkwood\nDir. Mike Nichols/USA/1983/128 min\n\nMatewan | USA | 1987 | 133 minutes\n",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("Silkwood"));
        assert_eq!(e[0].directors, ["Mike Nichols"]);
        assert_eq!((e[0].year, e[0].runtime), (Some(1983), Some(128)));
        assert_eq!(e[0].countries, ["USA"]);
        assert_eq!(e[1].title.as_deref(), Some("Matewan"));
        assert_eq!((e[1].year, e[1].runtime), (Some(1987), Some(133)));
        let e = parse("Year,Director,Title,Running time,Country\n1979,Martin Ritt,Norma Rae,1h54,USA\n1996,Mark Herman,\"Brassed Off\",107 min,UK\n");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("Norma Rae"));
        assert_eq!(e[0].runtime, Some(114));
        assert_eq!(e[1].directors, ["Mark Herman"]);
        assert_eq!(e[1].countries, ["UK"]);
    }

    #[test]
    fn description_lists_and_introductions() {
        let e = parse("Soviet cinema has a rich history. Here is a list.\n\nThe Strike (1925)\nDescription: Workers strike.\nFact: Shot in Moscow.\n\n\nThe Vow (1946)\nDescription: A wartime factory.\n");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("The Strike"));
        assert_eq!(e[0].notes.as_deref(), Some("Shot in Moscow."));
        assert_eq!(e[1].year, Some(1946));
    }
}

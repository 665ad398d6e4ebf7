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
            if rest_trim.starts_with(':') || (*l == "directed by" && !rest_trim.is_empty()) {
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
                "directed by" | "director" => {
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
                "genre" => {
                    let g = value.to_lowercase();
                    e.kind = Some(
                        if g.contains("documentary") {
                            "documentary"
                        } else if g.contains("animat") {
                            "animation"
                        } else if g.contains("experimental") {
                            "experimental"
                        } else {
                            "fiction"
                        }
                        .to_string(),
                    );
                }
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
    fn description_lists_and_introductions() {
        let e = parse("Soviet cinema has a rich history. Here is a list.\n\nThe Strike (1925)\nDescription: Workers strike.\nFact: Shot in Moscow.\n\n\nThe Vow (1946)\nDescription: A wartime factory.\n");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("The Strike"));
        assert_eq!(e[0].notes.as_deref(), Some("Shot in Moscow."));
        assert_eq!(e[1].year, Some(1946));
    }
}

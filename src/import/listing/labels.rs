//! The labelled lines of a listing ("Directed by:", "Running Time:",
//! several labels on one line), title lines with their parentheticals and
//! alternative titles, and the clean-up of list markers and Markdown.

use super::credits::*;
use super::*;

pub(super) const LABELS: &[&str] = &[
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
pub(super) fn label(line: &str) -> Option<(&'static str, String)> {
    let line = line.trim();
    for l in LABELS {
        // Labels are ASCII: compare bytes without case, then cut the line
        // itself (lower-casing can change a text's length: "İ" → "i̇").
        let Some(rest) = line
            .get(..l.len())
            .filter(|head| head.eq_ignore_ascii_case(l))
            .map(|_| line[l.len()..].trim_start())
        else {
            continue;
        };
        let free = (*l == "directed by" || *l == "dir.") && !rest.is_empty();
        if rest.starts_with(':') || free {
            let value = rest.trim_start_matches(':').trim();
            return Some((l, value.to_string()));
        }
    }
    None
}

pub(super) fn is_nothing(v: &str) -> bool {
    let t = v.trim().trim_end_matches('.').to_lowercase();
    t.is_empty() || t == "n/a" || t == "na" || t == "none" || t == "-"
}

/// A title line, read: the title, a year, other titles and credits.
#[derive(Debug, Default, PartialEq)]
pub(super) struct TitleLine {
    pub(super) title: String,
    pub(super) year: Option<i32>,
    /// Other titles in parentheses ("SMB", "Argentine Industry").
    pub(super) others: Vec<String>,
    /// Credits from parentheses or after a dash ("Paul Schrader",
    /// "114 min").
    pub(super) credits: Vec<Part>,
}

/// "Harlan County USA (1976)", "Pyme (2004) (SMB)", "Blue Collar (Paul
/// Schrader, 1978, 114 min)", "Norma Rae — Martin Ritt (USA, 1979, 114')".
pub(super) fn title_line(line: &str) -> TitleLine {
    let mut out = TitleLine::default();
    let mut rest = line.trim();
    let mut title = rest;
    if let Some(i) = rest.find('(') {
        title = rest[..i].trim();
        rest = &rest[i..];
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')') else {
                break;
            };
            let inner = rest[open + 1..open + close].trim();
            if is_year(inner) {
                out.year = inner.parse().ok();
            } else if let Some(parts) = credit_line(inner) {
                out.credits.extend(parts);
            } else if !inner.is_empty() {
                out.others.push(inner.to_string());
            }
            rest = &rest[open + close + 1..];
        }
    }
    // "Title — Director (…)": only when parentheses held credits beyond a
    // year, so that "Part III – Popular Power (1979)" keeps its whole title.
    if !out.credits.is_empty() {
        for dash in [" — ", " – ", " - "] {
            if let Some((t, who)) = title.rsplit_once(dash) {
                if let Some(name @ Part::Name(_)) = part(who.trim()) {
                    out.credits.insert(0, name);
                    title = t.trim();
                    break;
                }
            }
        }
    }
    // "The Miner / Rudar": the title, then another (original) title.
    let mut titles = title.split(" / ").map(str::trim).filter(|t| !t.is_empty());
    out.title = ordinary_case(titles.next().unwrap_or(""));
    out.others.extend(titles.map(ordinary_case));
    out
}

/// A title in capitals, given ordinary capitalisation.
pub(super) fn ordinary_case(title: &str) -> String {
    let letters = title.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || title.chars().any(|c| c.is_lowercase()) {
        return title.to_string();
    }
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "by", "de", "la", "le",
        "les", "du", "des", "el", "y", "e", "da", "do", "der", "die", "und",
    ];
    let roman = |w: &str| w.len() > 1 && w.chars().all(|c| "IVXLC".contains(c));
    title
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if roman(w) || w.chars().any(|c| c.is_ascii_digit()) {
                w.to_string()
            } else if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line without the markup of lists and Markdown: list markers ("1.",
/// "2)", "-", "*", "•"), heading marks ("## "), emphasis ("**Director:**",
/// "*Strike*") and a trailing hard break.
pub(super) fn clean(line: &str) -> String {
    let mut t = line.trim();
    t = t.trim_start_matches('#').trim_start();
    // "1. ", "12) ", "#3 " — at most three digits, so "1976. The miners" stays.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && t.as_bytes().get(digits + 1) == Some(&b' ')
    {
        t = t[digits + 2..].trim_start();
    }
    for marker in ["- ", "* ", "• ", "· ", "– ", "— "] {
        if let Some(rest) = t.strip_prefix(marker) {
            t = rest.trim_start();
            break;
        }
    }
    let mut out = t.replace("**", "").replace("__", "");
    // Emphasis in pairs ("*Strike* (1925)"); a lone or odd star is text.
    let stars = out.matches('*').count();
    if stars >= 2 && stars.is_multiple_of(2) {
        out = out.replace('*', "");
    }
    out.trim().to_string()
}

/// A labelled line cut where another label follows a separator (`|`, `·`,
/// `•`): "Year: 1972 · Director: Marin Karmitz · 85'" → three segments. A
/// line with one label is one segment.
pub(super) fn label_segments(line: &str) -> Vec<String> {
    let pieces: Vec<&str> = line.split(['|', '·', '•']).map(str::trim).collect();
    if pieces.len() > 1 && pieces[1..].iter().any(|p| label(p).is_some()) {
        pieces
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        vec![line.to_string()]
    }
}

/// Applies one labelled value to an entry; `Some(open)` when it decides
/// whether free text that follows is the synopsis.
pub(super) fn apply_label(e: &mut Entry, l: &str, value: String) -> Option<bool> {
    match l {
        "directed by" | "director" | "dir." if value.contains(['/', '|', '·', '•']) => {
            // One-line credits: "Dir. Mike Nichols/USA/1983/128 min".
            credit_parts(e, value.split(['/', '|', '·', '•']));
        }
        "directed by" | "director" | "dir." => {
            add_directors(e, names(value.split(';').next().unwrap_or(&value)));
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
            return Some(e.synopsis.is_none());
        }
        "fact" => e.notes = Some(value),
        _ => {}
    }
    None
}

//! Labelled lines in the languages listings are written in ("Directed by:",
//! "Réalisation :", "Regie:", "Durée", "Original title:", "Country/Year:"),
//! read into the field they label; several labels on one line; and the
//! clean-up of list markers and Markdown.
//!
//! A label is recognised by its words, folded (case and accents ignored),
//! before a colon; a few director labels need none ("Directed by Ken
//! Loach", "Dir. Mike Nichols"). A label naming several fields
//! ("Country/Year:", "Pays, année :") is read as a credit line.

use super::credits::*;
use super::label_words::{FREE_LABELS, LABELS};
use super::titles::*;
use super::*;
use crate::text::fold;

/// The field a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Title,
    OriginalTitle,
    Director,
    /// "D:": the director in database records, the cast (Darsteller) in
    /// German listings, where "R:" is the director.
    DirectorOrCast,
    Runtime,
    Country,
    Year,
    Language,
    Cast,
    Synopsis,
    Genre,
    Notes,
    /// Crew, producers, format, subtitles, awards: part of the entry,
    /// nothing slate keeps.
    Other,
    /// Several fields in one label ("Country/Year"): a credit line.
    Credits,
    /// The event, not the film: date, venue, tickets, guests.
    Event,
    /// A heading over several films ("Strand:", "Section:").
    Section,
}

/// Whether a line is a table's header: column names only ("Date Film
/// Title Director(s) Year Country").
pub(super) fn is_column_header(line: &str) -> bool {
    let words: Vec<String> = fold(line).split(' ').map(str::to_string).collect();
    words.len() >= 3
        && words.iter().all(|w| {
            field_of(w).is_some()
                || matches!(
                    w.as_str(),
                    "date" | "datum" | "fecha" | "data" | "s" | "time" | "venue" | "no"
                )
        })
}

/// The field a folded label names: one of [`LABELS`], or several of them
/// ("country year", "pays annee") as a credit line.
fn field_of(folded: &str) -> Option<Field> {
    static BY_LABEL: std::sync::OnceLock<std::collections::HashMap<&'static str, Field>> =
        std::sync::OnceLock::new();
    let by_label = BY_LABEL.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (l, f) in LABELS {
            m.entry(*l).or_insert(*f);
        }
        m
    });
    if let Some(f) = by_label.get(folded) {
        return Some(*f);
    }
    if !folded.contains(' ') {
        return None;
    }
    // "country year", "land jahr", "pays annee", "B+K+R": every word a
    // label. With a director among them, the value is the director ("B+K+R:
    // Claudia von Alemann"); labels of credit facts alone make a credit
    // line; anything else is crew.
    let words: Vec<&str> = folded
        .split(' ')
        .filter(|w| !matches!(*w, "and" | "et" | "und" | "y" | "e"))
        .collect();
    let fields: Vec<Field> = words
        .iter()
        .map(|w| by_label.get(w).copied())
        .collect::<Option<_>>()?;
    if fields.len() < 2 {
        return None;
    }
    if fields.contains(&Field::Director) {
        return Some(Field::Director);
    }
    let facts = fields.iter().all(|f| {
        matches!(
            f,
            Field::Country | Field::Year | Field::Runtime | Field::Language
        )
    });
    Some(if facts { Field::Credits } else { Field::Other })
}

/// Whether a line opens with a label and a colon ("Director: …"), not a
/// label that needs none ("Dir. Bob Byington/USA/…").
pub(super) fn colon_label(line: &str) -> bool {
    line.split_once(':').is_some_and(|(head, _)| {
        head.chars().count() <= 32
            && head.split_whitespace().count() <= 4
            && field_of(&fold(head)).is_some()
    })
}

/// The label a line starts with and its value ("Réalisation : Agnès
/// Varda" → (Director, "Agnès Varda")).
pub(super) fn label(line: &str) -> Option<(Field, String)> {
    let line = line.trim();
    if let Some(colon) = line.find(':') {
        let head = &line[..colon];
        // Labels are short: at most four words before the colon.
        if head.chars().count() <= 32 && head.split_whitespace().count() <= 4 {
            let folded = fold(head);
            // "Buch, Regie:", "Buch und Montage:": several labels for one
            // value; a director among them makes it the director.
            let joint = || {
                let fields: Vec<Field> = head
                    .split([',', '/', '&'])
                    .flat_map(|p| p.split(" und "))
                    .flat_map(|p| p.split(" and "))
                    .flat_map(|p| p.split(" et "))
                    .map(|p| field_of(&fold(p)))
                    .collect::<Option<_>>()?;
                (fields.len() >= 2).then(|| {
                    if fields.contains(&Field::Director) {
                        Field::Director
                    } else {
                        fields[0]
                    }
                })
            };
            if let Some(field) = field_of(&folded).or_else(joint) {
                let value = line[colon + 1..].trim();
                // "D:" and other one-letter labels only with a value.
                if folded.len() > 1 || !value.is_empty() {
                    return Some((field, value.to_string()));
                }
            }
        }
    }
    // "de Elio Petri", "by Ken Loach", "von Slatan Dudow": a bare "by"
    // before a name and nothing else.
    for by in [
        "de ", "di ", "by ", "von ", "van ", "door ", "af ", "av ", "por ", "par ", "da ",
    ] {
        // In lower case: "De Staking", "VON DER WÜRDE DER ARBEIT" are titles.
        if let Some(rest) = line.strip_prefix(by) {
            let rest = rest.trim().trim_end_matches('.');
            let joined = rest.replace(" and ", ", ").replace(" et ", ", ");
            let first = joined.split(", ").next().unwrap_or("");
            if rest.split_whitespace().count() <= 6 && super::fields::is_name_shaped(first) {
                return Some((Field::Director, rest.to_string()));
            }
        }
    }
    for l in FREE_LABELS {
        // Compare without case, then cut the line itself (lower-casing can
        // change a text's length: "İ" → "i̇").
        let Some(head) = line.get(..l.len()) else {
            continue;
        };
        if head.to_lowercase() == *l {
            let rest = line[l.len()..].trim();
            if !rest.is_empty() {
                return Some((Field::Director, rest.to_string()));
            }
        }
    }
    None
}

pub(super) fn is_nothing(v: &str) -> bool {
    let t = v.trim().trim_end_matches('.').to_lowercase();
    t.is_empty() || t == "n/a" || t == "na" || t == "none" || t == "-" || t == "—"
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
/// "*Strike*"), a web page's "Read More" and a trailing hard break. The
/// flag says whether a list marker was dropped.
pub(super) fn clean(line: &str) -> (String, bool) {
    let mut t = line.trim();
    let mut marked = false;
    // The edges of a table cell copied from a page ("… DIR Jason Barker |").
    t = t.trim_matches('|').trim();
    t = t.trim_start_matches('#').trim_start();
    // "1. ", "12) ", "#3 " — at most three digits, so "1976. The miners" stays.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    // "18. jun – Okrug Harlan": a day and its month, not a list marker.
    let month_after = t
        .get(digits + 2..)
        .and_then(|r| r.split_whitespace().next())
        .is_some_and(|w| {
            super::fields::is_calendar_word(&crate::text::fold(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
            ))
        });
    if (1..=3).contains(&digits)
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && t.as_bytes().get(digits + 1) == Some(&b' ')
        && !month_after
    {
        t = t[digits + 2..].trim_start();
        marked = true;
    }
    // "#1 – Strike (1925)", "1 – Strike", "No. 3: Matewan".
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        for sep in [" – ", " — ", " - ", ": "] {
            if let Some(r) = rest.strip_prefix(sep) {
                t = r.trim_start();
                marked = true;
                break;
            }
        }
    }
    for marker in ["- ", "* ", "• ", "· ", "– ", "— ", "▪ ", "► ", "> "] {
        if let Some(rest) = t.strip_prefix(marker) {
            t = rest.trim_start();
            marked = true;
            break;
        }
    }
    for link in [
        "Read More ",
        "Read more ",
        "READ MORE ",
        "More ",
        "Lire la suite ",
    ] {
        if let Some(rest) = t.strip_prefix(link) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                t = rest.trim_start();
                break;
            }
        }
    }
    let mut out = t.replace("**", "").replace("__", "");
    // Emphasis in pairs ("*Strike* (1925)"); a lone or odd star is text.
    let stars = out.matches('*').count();
    if stars >= 2 && stars.is_multiple_of(2) {
        out = out.replace('*', "");
    }
    (out.trim().to_string(), marked)
}

/// A labelled line cut where another label follows a separator (`|`, `·`,
/// `•`, `;`, or a run of spaces): "Year: 1972 · Director: Marin Karmitz ·
/// 85'" → three segments. A line with one label is one segment.
pub(super) fn label_segments(line: &str) -> Vec<String> {
    let pieces: Vec<&str> = line
        .split(['|', '·', '•', ';'])
        .flat_map(|p| p.split("   "))
        .map(str::trim)
        .collect();
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
pub(super) fn apply_label(e: &mut Entry, field: Field, value: String) -> Option<bool> {
    match field {
        Field::Title => {
            if !is_nothing(&value) {
                let t = title_line(&value);
                if e.title.is_none() && !t.title.is_empty() {
                    e.title = Some(t.title);
                } else if !t.title.is_empty() {
                    e.other_titles.push(t.title);
                }
                e.other_titles.extend(t.others);
                e.year = e.year.or(t.year);
                for p in t.credits {
                    apply_part(e, p);
                }
            }
        }
        Field::OriginalTitle => {
            if !is_nothing(&value) && !e.other_titles.contains(&value) {
                e.other_titles
                    .push(value.trim_end_matches('.').trim().to_string());
            }
        }
        Field::Director if credit_line(&value).is_some() => {
            // One-line credits: "Dir. Mike Nichols/USA/1983/128 min".
            credit_parts(e, split_credits(&value));
        }
        Field::Director
            if split_credits(&value)
                .skip(1)
                .any(|p| part(p).is_some_and(|p| !matches!(p, Part::Name(_)))) =>
        {
            // "Regie: Joop Huisken, Eva Maria Lange, DEFA-Studio für
            // Dokumentarfilme 1956, s/w, 13 Minuten": the names, then
            // credits, some of them in pieces slate does not know.
            let mut facts = false;
            for piece in split_credits(&value) {
                match part(piece) {
                    Some(Part::Name(n)) if !facts => add_directors(e, names(&n)),
                    Some(Part::Name(_)) => {}
                    Some(p) => {
                        facts = true;
                        apply_part(e, p);
                    }
                    None => {
                        facts = true;
                        loose_facts(e, piece);
                    }
                }
            }
        }
        Field::Director => {
            add_directors(e, names(value.split(';').next().unwrap_or(&value)));
        }
        Field::DirectorOrCast => {
            let found = names(&value);
            if found.len() >= 3 || !e.directors.is_empty() {
                e.cast = found;
            } else {
                add_directors(e, found);
            }
        }
        Field::Runtime if e.runtime.is_none() => {
            e.runtime = runtime::parse(&value);
        }
        Field::Cast => e.cast = names(&value),
        Field::Country => {
            e.countries = value
                .trim_end_matches('.')
                .split([',', '/', ';'])
                .flat_map(|c| c.split(" and "))
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty() && !is_year(c))
                .collect();
            // "Country: France, 1972" gives a year too.
            if let Some(y) = value
                .split([',', '/', ' '])
                .map(str::trim)
                .find(|v| is_year(v))
            {
                e.year = e.year.or(y.parse().ok());
            }
        }
        Field::Language => e.languages = names(&value),
        Field::Year => {
            e.year = value
                .split(|c: char| !c.is_ascii_digit())
                .find(|v| is_year(v))
                .and_then(|y| y.parse().ok())
        }
        Field::Genre => e.kind = Some(kind_of_genre(&value)),
        Field::Synopsis => {
            if !is_nothing(&value) {
                e.synopsis = Some(value);
            }
            return Some(e.synopsis.is_none());
        }
        Field::Notes => e.notes = Some(value),
        Field::Credits => credit_parts(e, split_credits(&value)),
        Field::Runtime | Field::Other | Field::Event | Field::Section => {}
    }
    None
}

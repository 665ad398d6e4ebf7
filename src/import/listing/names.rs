//! People's names in credits: a list of names as a listing writes it
//! ("Jean-Pierre e Luc Dardenne", "Julio Wallovits y Roger Gual u.a."),
//! read into names, without what listings write around them (a maker
//! phrase before, "Documentaire de Gérard Vidal"; a note in parentheses
//! after, "Robert Ménégoz (scène des noceurs)").
//!
//! Kept apart from `credits` (which reads whole credit lines) because
//! every reader of names uses it: labels, records, prose and tables.

use super::labels::is_nothing;

/// The names in a list of names: split at commas, semicolons and the
/// words for "and", each without a maker phrase, a note in parentheses
/// or a closing "et al.".
pub(super) fn names(v: &str) -> Vec<String> {
    if is_nothing(v) {
        return Vec::new();
    }
    let joined = v
        .replace(" and ", ", ")
        .replace(" & ", ", ")
        .replace(" et ", ", ")
        .replace(" und ", ", ")
        .replace(" y ", ", ")
        .replace(" en ", ", ")
        .replace(" e ", ", ");
    // "Robert Ménégoz (scène des noceurs)": what a name's parentheses say
    // of the person is no part of the name.
    let joined = without_parentheses(&joined);
    let mut out: Vec<String> = joined
        .split([',', ';'])
        .map(|n| {
            let n = without_maker_phrase(n.trim());
            let n = ["u.a.", "et al.", "et al", "etc.", "u. a."]
                .iter()
                .find_map(|x| n.strip_suffix(x))
                .unwrap_or(n);
            n.trim().trim_end_matches('.').trim()
        })
        .filter(|n| !n.is_empty() && n.chars().any(|c| c.is_alphabetic()))
        .map(str::to_string)
        .collect();
    // "Jean-Pierre e Luc Dardenne": a first name alone shares the surname
    // of the name after it.
    for i in 0..out.len().saturating_sub(1) {
        if !out[i].contains(' ')
            && out[i + 1].contains(' ')
            && out[i].chars().next().is_some_and(char::is_uppercase)
        {
            let surname = out[i + 1].rsplit(' ').next().unwrap_or("").to_string();
            out[i] = format!("{} {surname}", out[i]);
        }
    }
    out
}

/// Phrases that say who made a film, before the name ("Documentaire de
/// Gérard Vidal", "A film by …"), folded, in the languages of the
/// listings.
const MAKER_PHRASES: &[&str] = &[
    "un documentaire de",
    "documentaire de",
    "un film de",
    "film de",
    "a film by",
    "film by",
    "a documentary by",
    "documentary by",
    "directed by",
    "realise par",
    "ein film von",
    "film von",
    "dokumentarfilm von",
    "un film di",
    "film di",
    "un documentario di",
    "documentario di",
    "regia di",
    "una pelicula de",
    "pelicula de",
    "un documental de",
    "documental de",
    "dirigida por",
    "um filme de",
    "filme de",
    "um documentario de",
    "documentario de",
    "dirigido por",
];

/// A name without a maker phrase before it.
fn without_maker_phrase(name: &str) -> &str {
    let folded = crate::text::fold(name);
    for phrase in MAKER_PHRASES {
        if folded.starts_with(phrase) && folded[phrase.len()..].starts_with(' ') {
            // The name from the word after the phrase.
            let mut rest = name.trim_start();
            for _ in 0..phrase.split(' ').count() {
                rest = rest
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, r)| r)
                    .trim_start();
            }
            if !rest.is_empty() {
                return rest;
            }
        }
    }
    name
}

/// A text without its parenthesised parts.
fn without_parentheses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_what_is_written_around_them() {
        assert_eq!(names("Documentaire de Gérard Vidal"), ["Gérard Vidal"]);
        assert_eq!(names("A film by Ken Loach"), ["Ken Loach"]);
        assert_eq!(
            names("Robert Ménégoz (scène des noceurs), Henri Aisner"),
            ["Robert Ménégoz", "Henri Aisner"]
        );
        assert_eq!(
            names("Jean-Pierre e Luc Dardenne"),
            ["Jean-Pierre Dardenne", "Luc Dardenne"]
        );
        // A name that merely starts like a phrase stays whole.
        assert_eq!(names("Filmer Lindqvist"), ["Filmer Lindqvist"]);
    }
}

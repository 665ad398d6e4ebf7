//! The facts of entries: an entry from a title line, whether facts read
//! from a line can belong to an entry and how they join it, and paragraphs
//! read as a synopsis with the credits and labels inside them taken out
//! (a credit-shaped text is never a synopsis).

use super::credits::*;
use super::fields::*;
use super::labels::*;
use super::titles::*;
use super::*;

/// An entry from a title line.
pub(super) fn titled_entry(tl: TitleLine, line: usize) -> Entry {
    let mut e = Entry {
        title: (!tl.title.is_empty()).then_some(tl.title),
        year: tl.year,
        other_titles: tl.others,
        line,
        ..Entry::default()
    };
    for p in tl.credits {
        apply_part(&mut e, p);
    }
    e
}

/// Whether facts read from a line can belong to an entry: no fact of
/// theirs contradicts one it has.
pub(super) fn compatible(e: &Entry, facts: &Entry) -> bool {
    let same = |a: Option<i64>, b: Option<i64>| a.is_none() || b.is_none() || a == b;
    same(e.year.map(i64::from), facts.year.map(i64::from))
        && same(e.runtime.map(i64::from), facts.runtime.map(i64::from))
        && (e.directors.is_empty() || facts.directors.is_empty() || e.directors == facts.directors)
        && (e.countries.is_empty() || facts.countries.is_empty() || e.countries == facts.countries)
        && (e.synopsis.is_none() || facts.synopsis.is_none())
}

/// Fills what an entry lacks from facts.
pub(super) fn merge(e: &mut Entry, facts: Entry) {
    if e.title.is_none() {
        e.title = facts.title;
    } else if let Some(t) = facts.title {
        if Some(&t) != e.title.as_ref() && !e.other_titles.contains(&t) {
            e.other_titles.push(t);
        }
    }
    for t in facts.other_titles {
        if !e.other_titles.contains(&t) && e.title.as_ref() != Some(&t) {
            e.other_titles.push(t);
        }
    }
    e.year = e.year.or(facts.year);
    e.runtime = e.runtime.or(facts.runtime);
    add_directors(e, facts.directors);
    for c in facts.countries {
        if !e.countries.contains(&c) {
            e.countries.push(c);
        }
    }
    for l in facts.languages {
        if !e.languages.contains(&l) {
            e.languages.push(l);
        }
    }
    if e.cast.is_empty() {
        e.cast = facts.cast;
    }
    e.kind = e.kind.take().or(facts.kind);
    e.synopsis = e.synopsis.take().or(facts.synopsis);
    e.notes = e.notes.take().or(facts.notes);
}

/// Credits scattered in a paragraph: a year and a runtime both present
/// ("Portugal, 2017, color, 177 min. In Portuguese…").
pub(super) fn loose_credits(text: &str) -> Option<Vec<Part>> {
    let parts: Vec<Part> = split_credits(text)
        .flat_map(|p| p.split(". "))
        .flat_map(|p| {
            let p = p.trim();
            // "Belgium 2011": a country and a year in one piece.
            match (p.split_whitespace().count() <= 3)
                .then(|| part(p))
                .flatten()
            {
                Some(one) => vec![one],
                None => words_as_parts(p).unwrap_or_default(),
            }
        })
        .filter(|p| !matches!(p, Part::Name(_)))
        .collect();
    let year = parts.iter().any(|p| matches!(p, Part::Year(_)));
    let runtime = parts.iter().any(|p| matches!(p, Part::Runtime(_)));
    (year && runtime).then_some(parts)
}

/// Whether a paragraph opens with a date or a time ("Friday 23 September
/// 20:30 A film to make you laugh…").
pub(super) fn starts_with_date(text: &str) -> bool {
    let head: Vec<&str> = text.split_whitespace().take(5).collect();
    head.iter().take(2).any(|w| is_date_token(w))
        && head
            .iter()
            .any(|w| is_time(w) || is_date_token(w) && w.bytes().any(|b| b.is_ascii_digit()))
}

/// Free text: a synopsis, with inline credits and labels read out of it
/// ("… Director: Lynne Harwood.").
pub(super) fn apply_prose(e: &mut Entry, text: &str) {
    let text = prose_facts(e, text);
    // "… their families. 52 min. See also Gold Widows": a running time
    // written as a sentence of its own.
    if e.runtime.is_none() {
        e.runtime = text.split(". ").find_map(|s| {
            let s = s.trim().trim_end_matches('.');
            match (s.split_whitespace().count() <= 3)
                .then(|| part(s))
                .flatten()
            {
                Some(Part::Runtime(r)) if !s.bytes().all(|b| b.is_ascii_digit()) => Some(r),
                _ => None,
            }
        });
    }
    let synopsis = match prose_credits(&text, e) {
        Some(at) => text[..at].trim(),
        None => text.trim(),
    };
    if !synopsis.is_empty() && e.synopsis.is_none() {
        e.synopsis = Some(synopsis.to_string());
    }
}

/// A paragraph read as a film's description: `apply_prose`, and the
/// director the description names ("Writer-director John Sayles
/// recreates…") when the entry has none. (A paragraph merely probed for
/// credits is read with `apply_prose` alone: a director named in prose
/// does not make a paragraph another film's credits.)
pub(super) fn describe(e: &mut Entry, text: &str) {
    apply_prose(e, text);
    if e.directors.is_empty() {
        if let Some(who) = super::names::director_named(text) {
            e.directors.push(who);
        }
    }
}

/// Reads labelled sentences out of a paragraph ("Director: Joel
/// Lamangan"), returning the rest.
pub(super) fn prose_facts(e: &mut Entry, text: &str) -> String {
    let mut rest = Vec::new();
    for sentence in text.split_inclusive(". ") {
        match label(sentence.trim()) {
            Some((
                f @ (Field::Director
                | Field::Runtime
                | Field::Country
                | Field::Year
                | Field::Language
                | Field::OriginalTitle
                | Field::Credits),
                value,
            )) => {
                let value = value.trim_end_matches('.').to_string();
                apply_label(e, f, value);
            }
            _ => rest.push(sentence),
        }
    }
    rest.concat()
}

/// Whether a paragraph speaks of one film, so that the line above it is
/// that film's title: within its first words a film word after an article
/// or a demonstrative ("This video takes viewers…", "A shocking
/// documentary…", "Ce film raconte…"), or a running time.
pub(super) fn speaks_of_a_film(text: &str) -> bool {
    const DETERMINERS: &[&str] = &[
        "this", "the", "a", "an", "ce", "le", "un", "une", "il", "questo", "un", "der", "dieser",
        "ein", "eine", "la", "el", "este", "esta", "o", "um", "uma", "het", "de", "een", "deze",
        "den", "denna", "en", "ta", "ten", "lo", "ese", "aquest",
    ];
    const FILM: &[&str] = &[
        "film",
        "movie",
        "documentary",
        "video",
        "documental",
        "documentaire",
        "documentario",
        "dokumentarfilm",
        "dokumentation",
        "pelicula",
        "filme",
        "cortometraje",
        "cortometraggio",
        "kurzfilm",
        "spielfilm",
        "feature",
        "docudrama",
        "filmen",
        "dokument",
        "reportage",
    ];
    let words: Vec<String> = crate::text::fold(text)
        .split(' ')
        .take(30)
        .map(str::to_string)
        .collect();
    // "the film", "The 29 minute documentary": a determiner, at most two
    // words, a film word.
    // (Not "the following video tapes", "the film festival": a film word
    // naming something else.)
    const COMPOUNDS: &[&str] = &[
        "tapes",
        "tape",
        "cassettes",
        "series",
        "festival",
        "club",
        "library",
        "programme",
        "program",
        "season",
        "society",
        "school",
        "night",
        "nights",
        "week",
    ];
    let named = (2..=4).any(|n| {
        words.windows(n + 1).any(|w| {
            DETERMINERS.contains(&w[0].as_str())
                && FILM.contains(&w[n - 1].as_str())
                && !COMPOUNDS.contains(&w[n].as_str())
                && !w[1..n - 1].iter().any(|f| f == "following" || f == "other")
        })
    }) || words.windows(3).any(|w| {
        // "A shocking documentary", "Un beau film" (not "the following
        // video tapes").
        [
            "a", "an", "un", "une", "ein", "eine", "um", "uma", "een", "en",
        ]
        .contains(&w[0].as_str())
            && FILM.contains(&w[2].as_str())
    });
    let mut probe = Entry::default();
    apply_prose(&mut probe, text);
    named || probe.runtime.is_some()
}

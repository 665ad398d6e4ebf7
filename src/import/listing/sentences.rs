//! Sentences that say what a film is: "We want sex è un film del 2010
//! diretto da Nigel Cole", "Harlan County, USA di Barbara Kopple, Oscar…",
//! with the film words of the languages of listings that `mentions` and
//! `inline` also read ("film", "documentary", "películas"). Kept apart
//! from `mentions` because a line is tested with them before it is known
//! to be prose (`lines`).

use super::fields::is_name_shaped;
use crate::text::fold;

/// Phrases that say the subject before them is a film ("is a 1979
/// documentary", "è un film del 2010", "est un film français").
const IS_A_FILM: &[&str] = &[
    " is a ",
    " was a ",
    " is an ",
    " è un ",
    " è una ",
    " est un ",
    " est une ",
    " ist ein ",
    " ist eine ",
    " es una ",
    " es un ",
    " é um ",
    " é uma ",
    " jest ",
    " är en ",
    " is een ",
];

/// Film words after [`IS_A_FILM`].
pub(super) const FILM_WORDS: &[&str] = &[
    "film",
    "movie",
    "documentary",
    "feature",
    "drama",
    "comedy",
    "documental",
    "documentario",
    "documentaire",
    "dokumentarfilm",
    "kurzfilm",
    "stummfilm",
    "essayfilm",
    "spielfilm",
    "pelicula",
    "película",
    "pellicula",
    "curtmetratge",
    "filme",
    "cortometraje",
    "cortometraggio",
    "cinta",
    "court",
    "short",
    "dokument",
    "filmen",
    "dramatisation",
    "dramatization",
    "docudrama",
];

/// Plural film words: before a colon they open a list of films (folded).
pub(super) const FILM_PLURALS: &[&str] = &[
    "films",
    "movies",
    "documentaries",
    "dramatisations",
    "dramatizations",
    "peliculas",
    "documentales",
    "cortometrajes",
    "filmes",
    "documentarios",
    "filme",
    "dokumentarfilme",
    "documentaires",
    "courts-metrages",
    "documentari",
    "cortometraggi",
    "pellicole",
    "pellicules",
    "curtmetratges",
    "filmer",
    "titles",
    "titulos",
    "titres",
    "titoli",
];

/// Where a list of films opens after a film word and a colon, in lower
/// case text ("se proyectarán otras siete películas: …").
pub(super) fn film_word_colon(lower: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = lower[from..].find(':').map(|i| i + from) {
        let word = lower[..i].split_whitespace().next_back().unwrap_or("");
        if FILM_PLURALS.contains(&fold(word).as_str()) && lower[i + 1..].trim().len() > 2 {
            return Some(i + 1);
        }
        from = i + 1;
    }
    None
}

/// Words before a director's name.
const DIRECTED_BY: &[&str] = &[
    "directed by ",
    "diretto da ",
    "diretta da ",
    "réalisé par ",
    "realise par ",
    "von ",
    "dirigida por ",
    "dirigido por ",
    "de ",
    "di ",
    "by ",
    "regia di ",
    "dirigé par ",
    "gedreht von ",
    "in regia di ",
    "w reżyserii ",
    "regisserad av ",
    "geregisseerd door ",
];

/// Verbs of making a film, after its title ("… was made for Scottish
/// Television in 1967").
const MADE: &[&str] = &[
    " was made ",
    " was filmed ",
    " was shot ",
    " a été tourné ",
    " fu girato ",
    " fue rodada ",
    " fue filmada ",
    " foi filmado ",
    " werd gemaakt ",
];

/// "Is" in the languages of the listings.
const COPULAS: &[&str] = &["è", "is", "est", "ist", "es", "é", "är", "jest"];

/// A sentence about a film: the title it opens with and, where it says
/// so, the director and the year. "Harlan County, USA di Barbara Kopple,
/// Oscar…" (title, then "di" and a name, at the start), "We want sex è un
/// film del 2010 diretto da Nigel Cole" (title, then "is a film").
pub(super) fn film_sentence(sentence: &str) -> Option<(String, Option<String>, Option<i32>)> {
    let lower = crate::text::lower_keeping_offsets(sentence);
    // The title: what comes before "is a … film".
    let (title, rest) = IS_A_FILM
        .iter()
        .filter_map(|p| lower.find(p).map(|i| (i, p.len())))
        .min()
        .and_then(|(i, len)| {
            let after = &lower[i + len..];
            let head: Vec<&str> = after.split_whitespace().take(6).collect();
            head.iter()
                .any(|w| FILM_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())))
                .then(|| (sentence[..i].trim(), &sentence[i + len..]))
        })
        .or_else(|| {
            // "Title di Name": a name right after the opening title.
            for by in [" di ", " de ", " by ", " von "] {
                if let Some(i) = sentence.find(by) {
                    let who: String = sentence[i + by.len()..]
                        .split([',', '.', ';', '('])
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    let title = sentence[..i].trim();
                    // The title opens the sentence: no quotation (those are
                    // read above) and no clause before it.
                    let clause = title
                        .split_whitespace()
                        .filter(|w| {
                            w.chars().count() > 4
                                && w.chars().next().is_some_and(char::is_lowercase)
                        })
                        .count();
                    // "Sally Field è protagonista di Norma Rae": a person,
                    // then "is", is a sentence about someone ("La vita è
                    // bella di Roberto Benigni" is a title).
                    let about_someone = title
                        .split_whitespace()
                        .position(|w| COPULAS.contains(&w))
                        .is_some_and(|at| {
                            let subject: Vec<&str> = title
                                .split_whitespace()
                                .take(at)
                                .skip_while(|w| {
                                    super::credits::is_year(w) || ["–", "—", "-", ":"].contains(w)
                                })
                                .collect();
                            subject.len() >= 2
                                && is_name_shaped(&subject.join(" "))
                                && subject
                                    .first()
                                    .is_some_and(|w| super::fields::is_given_name(w))
                        });
                    // (A name starts with a capital: "Gedreht wurde er von
                    // den Fotoindustriellen Lumière" names no maker.)
                    if is_name_shaped(&who)
                        && who.chars().next().is_some_and(char::is_uppercase)
                        && who.split_whitespace().count() <= 4
                        && !title.contains(['"', '“', '”', '«', '»', '„'])
                        && clause <= 1
                        && (clause == 0 || title.split_whitespace().count() <= 8)
                        && !about_someone
                    {
                        return Some((title, &sentence[i..]));
                    }
                }
            }
            None
        })
        .or_else(|| {
            // "The Bowler and The Bunnet was made for Scottish Television in
            // 1967": a title in title case, a verb of making, a year.
            MADE.iter().find_map(|v| {
                let i = sentence.find(v)?;
                let (title, rest) = (sentence[..i].trim(), &sentence[i..]);
                let words: Vec<&str> = title.split_whitespace().collect();
                let capitals = words
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .count();
                let dated = rest
                    .split(|c: char| !c.is_ascii_digit())
                    .any(super::credits::is_year);
                (dated && capitals >= 2 && capitals * 3 >= words.len() * 2 && words.len() <= 8)
                    .then_some((title, rest))
            })
        })?;
    let title = title
        .trim_matches(|c: char| "\"“”«»'‘’*_".contains(c))
        .trim();
    // "Si parte alle ore 15 con: Guardiano del faro di …": the title is
    // after a colon that ends a clause.
    let title = match title.rsplit_once(": ") {
        Some((head, tail))
            if head
                .split_whitespace()
                .next_back()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)) =>
        {
            tail.trim()
        }
        _ => title,
    };
    let words = title.split_whitespace().count();
    // "The film is a…", "Il documentario è un…": the subject is the film
    // already spoken of, not a title.
    let subject_words = [
        "the", "this", "that", "it", "its", "our", "his", "her", "their", "a", "an", "le", "la",
        "ce", "il", "lo", "questo", "der", "die", "das", "dieser", "el", "este", "o", "este", "de",
        "het", "deze", "den", "new", "latest", "first", "last", "second", "next", "short",
        "feature", "story", "work", "piece",
    ];
    if title
        .split_whitespace()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .all(|w| subject_words.contains(&w.as_str()) || FILM_WORDS.contains(&w.as_str()))
    {
        return None;
    }
    if words == 0
        || words > 10
        || !title
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || title.ends_with([',', ':'])
    {
        return None;
    }
    let rest_lower = crate::text::lower_keeping_offsets(rest);
    let director = DIRECTED_BY.iter().find_map(|by| {
        let i = find_words(&rest_lower, by.trim_end())?;
        let who: String = rest[i + by.len()..]
            .split([',', '.', ';', '('])
            .next()?
            .split_whitespace()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "de" | "da" | "von" | "van" | "del" | "e" | "y" | "and")
            })
            .collect::<Vec<_>>()
            .join(" ");
        is_name_shaped(&who).then_some(who)
    });
    let year = rest
        .split(|c: char| !c.is_ascii_digit())
        .find(|w| super::credits::is_year(w))
        .and_then(|y| y.parse().ok());
    Some((title.to_string(), director, year))
}

/// Whether a line is a sentence about a film ("X è un film del 2010
/// diretto da Y"), which is prose, however short.
pub(super) fn is_film_sentence(line: &str) -> bool {
    let lower = line.to_lowercase();
    IS_A_FILM.iter().any(|p| lower.contains(p)) && film_sentence(line).is_some()
}

/// Where a phrase occurs as whole words in lower-case text.
pub(super) fn find_words(lower: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = lower[from..].find(phrase) {
        let at = from + i;
        let before = lower[..at].chars().next_back();
        let after = lower[at + phrase.len()..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(at);
        }
        from = at + phrase.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_about_a_person_names_no_film_before_di() {
        assert_eq!(
            film_sentence("Harlan County, USA di Barbara Kopple, Oscar per il documentario.")
                .map(|f| (f.0, f.1)),
            Some((
                "Harlan County, USA".to_string(),
                Some("Barbara Kopple".to_string())
            ))
        );
        assert_eq!(
            film_sentence("La vita è bella di Roberto Benigni, tre Oscar nel 1999.").map(|f| f.0),
            Some("La vita è bella".to_string())
        );
        assert_eq!(
            film_sentence("1979 – Sally Field è protagonista di Norma Rae, film di Martin Ritt."),
            None
        );
        assert_eq!(
            film_sentence("The Bowler and The Bunnet was made for Scottish Television in 1967 and looks at the unions."),
            Some(("The Bowler and The Bunnet".to_string(), None, Some(1967)))
        );
        assert_eq!(
            film_sentence("The factory was made in 1920 of brick."),
            None
        );
    }
}

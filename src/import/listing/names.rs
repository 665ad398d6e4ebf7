//! People's names in credits: a list of names as a listing writes it
//! ("Jean-Pierre e Luc Dardenne", "Julio Wallovits y Roger Gual u.a."),
//! read into names, without what listings write around them (a maker
//! phrase before, "Documentaire de Gérard Vidal"; a note in parentheses
//! after, "Robert Ménégoz (scène des noceurs)").
//!
//! Also the director a film's description names after a maker phrase
//! ("Writer-director John Sayles recreates…"): the same phrases, read in
//! running text.
//!
//! Kept apart from `credits` (which reads whole credit lines) because
//! every reader of names uses it: labels, records, prose and tables.

use super::labels::is_nothing;
use crate::text::fold;

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
        // "Pawel Pawlikowski, Poland subtitles": a country or a language
        // with words in lower case is no name.
        .filter(|n| {
            super::fields::is_name_shaped(n)
                || !n
                    .split_whitespace()
                    .any(|w| w.chars().all(char::is_lowercase))
                || !n.split_whitespace().any(|w| {
                    super::fields::country_name(w).is_some() || super::fields::is_language(w)
                })
        })
        .map(str::to_string)
        .collect();
    // "Jean-Pierre e Luc Dardenne", "Jean Pierre y Luc Dardenne": given
    // names alone share the surname of the name after them.
    for i in 0..out.len().saturating_sub(1) {
        // (A compound given name, "Jean Pierre", "José Luis"; "Niccolo
        // Bruna" is a whole name.)
        let given_only = out[i].split_whitespace().count() == 2
            && out[i]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| SECOND_GIVEN_NAMES.contains(&fold(w).as_str()));
        if (!out[i].contains(' ') || given_only)
            && out[i + 1].contains(' ')
            && out[i].chars().next().is_some_and(char::is_uppercase)
        {
            let surname = out[i + 1].rsplit(' ').next().unwrap_or("").to_string();
            out[i] = format!("{} {surname}", out[i]);
        }
    }
    out
}

/// Second halves of compound given names written without a hyphen ("Jean
/// Pierre", "Mary Ann", "José Luis"; folded).
const SECOND_GIVEN_NAMES: &[&str] = &[
    "pierre",
    "paul",
    "marie",
    "maria",
    "ann",
    "anne",
    "luis",
    "carlos",
    "jose",
    "antonio",
    "louis",
    "francois",
    "claude",
    "michel",
    "jacques",
    "luc",
    "baptiste",
    "philippe",
    "manuel",
    "miguel",
    "paolo",
    "pedro",
    "lou",
    "jo",
    "beth",
    "jane",
    "sophie",
    "christophe",
    "marc",
];

/// Phrases that say who made a film, before the name ("Documentaire de
/// Gérard Vidal", "A film by …", "Writer-director John Sayles"), folded,
/// in the languages of the listings; each with whether it names the film's
/// own director when it stands in a description's running text. A
/// credit's name loses any of them; a description is searched only for
/// the sure ones ("le film de Ken Loach" in a description is as often
/// another film's director, "regia di" never is).
const MAKER_PHRASES: &[(&str, bool)] = &[
    ("writer director", true),
    ("writer and director", true),
    ("un documentaire de", false),
    ("documentaire de", false),
    ("un film de", true),
    ("film de", false),
    ("a film by", true),
    ("film by", false),
    ("a documentary by", false),
    ("documentary by", false),
    ("directed by", true),
    ("realise par", true),
    ("ein film von", true),
    ("film von", false),
    ("dokumentarfilm von", false),
    ("un film di", true),
    ("film di", false),
    ("un documentario di", false),
    ("documentario di", false),
    ("regia di", true),
    ("diretto da", true),
    ("una pelicula de", false),
    ("pelicula de", false),
    ("un documental de", false),
    ("documental de", false),
    ("dirigida por", true),
    ("un filme de", true),
    ("um filme de", false),
    ("filme de", false),
    ("um documentario de", false),
    ("documentario de", false),
    ("dirigido por", true),
];

/// A name without a maker phrase before it.
pub(super) fn without_maker_phrase(name: &str) -> &str {
    let folded = fold(name);
    for (phrase, _) in MAKER_PHRASES {
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

/// The director a description names after a sure maker phrase
/// ("Writer-director John Sayles recreates…", "…, regia di Daniele
/// Segre"): a name that starts with a given name, right after the phrase.
/// A bare "director" is no such phrase: in a description it is as often
/// another film's ("in the tradition of director Ken Loach").
pub(super) fn director_named(text: &str) -> Option<String> {
    // Most descriptions name no director this way: a cheap look first.
    let lower = text.to_lowercase();
    if ![
        "writer", "directed", "film", "realis", "réalis", "regia", "diretto", "dirig",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // Folded words, each with the word of the text it comes from
    // ("Writer-director" gives two).
    let folded: Vec<(String, usize)> = words
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            fold(w)
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(|s| (s.to_string(), i))
                .collect::<Vec<_>>()
        })
        .collect();
    for (cue, _) in MAKER_PHRASES.iter().filter(|(_, sure)| *sure) {
        let cue: Vec<&str> = cue.split(' ').collect();
        for at in 0..folded.len().saturating_sub(cue.len()) {
            let here = &folded[at..at + cue.len()];
            if here.iter().zip(&cue).all(|((w, _), c)| w == c) {
                if let Some(n) = name_at(&words, here[cue.len() - 1].1 + 1) {
                    return Some(n);
                }
            }
        }
    }
    // "Documentary 1976 PG 103 minutes. Director Barbara Kopple’s film about
    // the 1973 coal miners’ strike": in the description's first two
    // sentences, a name (two words or more) with "'s" right before a film
    // word.
    let opening: Vec<&str> = words
        .iter()
        .copied()
        .scan(0, |stops, w| {
            let here = *stops;
            if w.ends_with(['.', '!', '?']) {
                *stops += 1;
            }
            (here < 2).then_some(w)
        })
        .collect();
    (0..opening.len()).find_map(|i| {
        let next = opening.get(i + 1).map(|n| fold(n)).unwrap_or_default();
        super::sentences::FILM_WORDS
            .contains(&next.as_str())
            .then(|| possessor(&opening, i))
            .flatten()
    })
}

/// The person a possessive names, `words[at]` being the word with "'s"
/// ("Michael Powell's", "Director Barbara Kopple’s"): the capitalised
/// words before it and its own, a trade word left out; two to four words
/// shaped like a name.
pub(super) fn possessor(words: &[&str], at: usize) -> Option<String> {
    let word = words.get(at)?;
    let surname = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))?;
    let from = (0..at)
        .rev()
        .take_while(|&j| words[j].chars().next().is_some_and(char::is_uppercase))
        .last()
        .unwrap_or(at);
    let mut who: Vec<&str> = words[from..at]
        .iter()
        .copied()
        .filter(|w| !matches!(fold(w).as_str(), "director" | "filmmaker" | "regisseur"))
        .collect();
    who.push(surname);
    let who = who.join(" ");
    ((2..=4).contains(&who.split_whitespace().count()) && super::fields::is_name_shaped(&who))
        .then_some(who)
}

/// Short words that say "made by" right after a title, in the listings'
/// languages ("« Marche funèbre » d’Axel et Tancrède Ramonet", "“Il
/// posto” di Ermanno Olmi", "„Streik“ von Sergej Eisenstein"), longest
/// first.
const BY_WORDS: &[&str] = &[
    "directed by ",
    "regia di ",
    "réalisé par ",
    "realizado por ",
    "dirigida por ",
    "dirigido por ",
    "diretto da ",
    "réal. ",
    "dir. ",
    "del ",
    "by ",
    "de ",
    "d’",
    "d'",
    "di ",
    "von ",
    "van ",
    "av ",
    "da ",
    "dei ",
    "des ",
];

/// Words that join two makers' names ("Axel et Tancrède Ramonet").
const NAME_JOINERS: &[&str] = &["et", "and", "y", "e", "und", "en", "och", "og", "i", "&"];

/// Words that open a sentence in the languages of listings, written with a
/// capital there: after a name they start the text about the film ("di
/// Carlo Mazzacurati Una delle prime pellicole").
const SENTENCE_OPENERS: &[&str] = &[
    "a", "an", "the", "this", "in", "un", "una", "uno", "il", "lo", "la", "le", "les", "el", "los",
    "las", "der", "die", "das", "ein", "eine", "o", "os", "as", "um", "uma", "nel", "dans", "im",
    "en", "ce", "cette", "questo", "questa", "este", "esta",
];

/// The people a database's credits mark as directors: "Credits: Ritchie,
/// James (Directed by) British Transport Films (Production Company)" →
/// "James Ritchie" (a name written surname first is turned round).
pub(super) fn credited_as_director(fields: &str) -> Vec<String> {
    const ROLES: &[&str] = &[
        "(directed by)",
        "(director)",
        "(directors)",
        "(réalisateur)",
        "(réalisation)",
        "(regie)",
        "(dirección)",
        "(regia)",
    ];
    let lower = crate::text::lower_keeping_offsets(fields);
    let mut out = Vec::new();
    for role in ROLES {
        for (at, _) in lower.match_indices(role) {
            // The name runs back to the last closing parenthesis or colon
            // ("Surname, First").
            let before = &fields[..at];
            let start = before.rfind([')', ':']).map_or(0, |i| i + 1);
            let who = before[start..].trim();
            let who = match who.split_once(", ") {
                Some((surname, given)) if given.split(' ').count() <= 2 => {
                    format!("{} {}", given.trim(), surname.trim())
                }
                _ => who.to_string(),
            };
            if super::fields::is_name_shaped(&who) && !out.contains(&who) {
                out.push(who);
            }
        }
    }
    out
}

/// Whether a text opens with an article or a like word ("El Teniente",
/// "La Moneda"): a place or a thing, not a person.
pub(super) fn opens_with_article(text: &str) -> bool {
    text.split_whitespace()
        .next()
        .is_some_and(|w| SENTENCE_OPENERS.contains(&crate::text::fold(w).as_str()))
}

/// Whether a capitalised word after a name already two words long starts
/// the sentence that follows it rather than continuing the name: the next
/// word is in lower case, the name's last word is no given name ("Luc
/// Dardenne racconta" keeps "Dardenne"), and the word is a given name, a
/// word that opens sentences, or an adverb ("Paolo Virzì Liberamente
/// ispirato", "Mario Monicelli Vincenzina davanti alla fabbrica").
pub(super) fn opens_sentence_after(name: &[&str], word: &str, next: Option<&str>) -> bool {
    let lower_next = next
        .and_then(|n| n.chars().next())
        .is_some_and(|c| c.is_alphabetic() && c.is_lowercase());
    let folded = crate::text::fold(word);
    name.len() >= 2
        && lower_next
        && !name.last().is_some_and(|w| super::fields::is_given_name(w))
        && (super::fields::is_given_name(word)
            || SENTENCE_OPENERS.contains(&folded.as_str())
            || folded.len() > 6 && (folded.ends_with("mente") || folded.ends_with("ly")))
}

/// The makers a text names right after a title ("de Sylvie Deleule
/// (2004, 55mn.)", "d’Axel et Tancrède Ramonet", "di Lech Kowalski,
/// vincitore…"), and the text after their names. The names are
/// capitalised words with particles and joiners between them, ending
/// before a parenthesis, a comma, a full stop or a word in lower case (or
/// the word that opens the next sentence); each must be shaped like a name,
/// the first start with a given name or be two or more words. A comma may
/// come before the maker word (`"Horas de luz", de Manuel Matjí`) and one
/// word in lower case saying who the maker is after it ("del argentino
/// Pino Solana", "du cinéaste Jean Rouch").
pub(super) fn makers_after(text: &str) -> Option<(Vec<String>, &str)> {
    let text = text.trim_start();
    // After a comma the maker word is in lower case ("…, De Zwarte Stroom"
    // is the next title).
    let (text, after_comma) = match text.strip_prefix(',') {
        Some(t) => (t.trim_start(), true),
        None => (text, false),
    };
    let lower = crate::text::lower_keeping_offsets(text);
    let by = BY_WORDS
        .iter()
        .find(|b| lower.starts_with(*b) && (!after_comma || text.starts_with(*b)))?;
    // (Lower case kept every offset: the prefix has the same length.)
    let mut rest = text.get(by.len()..)?;
    if let Some((first, after)) = rest.split_once(' ') {
        let describes = first.chars().count() >= 4
            && first.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            && !SENTENCE_OPENERS.contains(&crate::text::fold(first).as_str())
            && after.starts_with(char::is_uppercase);
        if describes {
            rest = after;
        }
    }
    let mut end = 0;
    let mut words: Vec<&str> = Vec::new();
    for (start, w) in rest.split_inclusive(' ').scan(0usize, |pos, w| {
        let s = *pos;
        *pos += w.len();
        Some((s, w))
    }) {
        let t = w.trim();
        if t.is_empty() {
            continue;
        }
        let bare = t.trim_end_matches([',', '.', ';', ':', ')']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let joiner = !words.is_empty()
            && (NAME_JOINERS.contains(&bare) || super::fields::NAME_PARTICLES.contains(&bare));
        if t.starts_with('(') || !(capital || joiner) || words.len() == 8 {
            break;
        }
        // "di Nicholas Philibert In ogni istante": the title follows.
        let next = rest[start + w.len()..].split_whitespace().next();
        if opens_sentence_after(&words, bare, next) {
            break;
        }
        words.push(bare);
        end = start + w.trim_end().len();
        if bare.len() != t.len() {
            // A comma or a full stop ends the names (an initial's full stop
            // does not: "Herbert J. Biberman").
            let initial = t.ends_with('.') && bare.chars().count() == 1;
            if !initial {
                // The punctuation stays with what follows the names.
                end = start + (w.len() - w.trim_start().len()) + bare.len();
                break;
            }
            words.pop();
            words.push(t);
        }
    }
    while words
        .last()
        .is_some_and(|w| NAME_JOINERS.contains(w) || super::fields::NAME_PARTICLES.contains(w))
    {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    let found = names(&words.join(" "));
    let shaped = |n: &String| {
        super::fields::is_name_shaped(n)
            && n.split_whitespace().count() <= 4
            && (n.split_whitespace().count() >= 2
                || n.split_whitespace()
                    .next()
                    .is_some_and(super::fields::is_given_name))
    };
    if found.is_empty() || !found.iter().all(shaped) {
        return None;
    }
    Some((found, &rest[end..]))
}

/// Where the maker phrase that ends a text starts, and the makers it names:
/// "Un monde moderne d'Arnaud Soulier et Sabrina Malek" → (16, ["Arnaud
/// Soulier", "Sabrina Malek"]); the first such phrase that runs to the end.
pub(super) fn makers_ending(text: &str) -> Option<(usize, Vec<String>)> {
    // A title and its makers are a line's length, not a paragraph's.
    if text.len() > 400 {
        return None;
    }
    text.match_indices(' ').find_map(|(i, _)| {
        let (makers, rest) = makers_after(&text[i..])?;
        rest.trim()
            .trim_end_matches(['.', ','])
            .is_empty()
            .then_some((i, makers))
    })
}

/// A person's name starting at word `at`: two to four capitalised words
/// (particles inside), the first a given name.
fn name_at(words: &[&str], at: usize) -> Option<String> {
    let first = words.get(at)?;
    if !super::fields::is_given_name(first.trim_matches(|c: char| !c.is_alphanumeric())) {
        return None;
    }
    let mut name: Vec<&str> = Vec::new();
    for w in &words[at..] {
        let bare = w.trim_end_matches([',', '.', ';', ':', ')', '’', '\'']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let particle = super::fields::NAME_PARTICLES.contains(&bare) && !name.is_empty();
        if !(capital || particle) || name.len() == 4 {
            break;
        }
        name.push(bare);
        if bare.len() != w.len() {
            break;
        }
    }
    while name
        .last()
        .is_some_and(|w| super::fields::NAME_PARTICLES.contains(w))
    {
        name.pop();
    }
    let name = name.join(" ");
    (name.split_whitespace().count() >= 2 && super::fields::is_name_shaped(&name)).then_some(name)
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
        assert_eq!(
            names("Jean Pierre y Luc Dardenne"),
            ["Jean Pierre Dardenne", "Luc Dardenne"]
        );
        assert_eq!(
            names("Pawel Pawlikowski, Poland subtitles"),
            ["Pawel Pawlikowski"]
        );
        // A name that merely starts like a phrase stays whole.
        assert_eq!(names("Filmer Lindqvist"), ["Filmer Lindqvist"]);
    }

    #[test]
    fn makers_named_after_a_title() {
        let (who, rest) = makers_after(" d’Axel et Tancrède Ramonet (2002, 14mn)").unwrap();
        assert_eq!(who, ["Axel Ramonet", "Tancrède Ramonet"]);
        assert_eq!(rest.trim(), "(2002, 14mn)");
        let (who, rest) = makers_after("de Sylvie Deleule (2004, 55mn.)").unwrap();
        assert_eq!(who, ["Sylvie Deleule"]);
        assert_eq!(rest.trim(), "(2004, 55mn.)");
        let (who, rest) = makers_after("di Lech Kowalski, vincitore").unwrap();
        assert_eq!(who, ["Lech Kowalski"]);
        assert_eq!(rest, ", vincitore");
        let (who, _) = makers_after("by Herbert J. Biberman.").unwrap();
        assert_eq!(who, ["Herbert J. Biberman"]);
        // After a comma; after a word saying who the maker is.
        let (who, _) = makers_after(", de Manuel Matjí.").unwrap();
        assert_eq!(who, ["Manuel Matjí"]);
        let (who, _) = makers_after(" del argentino Pino Solana, dentro").unwrap();
        assert_eq!(who, ["Pino Solana"]);
        // Not makers: the next title after a comma, a place, lower-case
        // words, nothing.
        assert_eq!(makers_after(", De Zwarte Stroom (1952)"), None);
        assert_eq!(makers_after("de la ville"), None);
        assert_eq!(makers_after("(2004)"), None);
        assert_eq!(makers_after("de Paris (2004)"), None);
    }

    #[test]
    fn a_director_named_with_a_possessive() {
        assert_eq!(
            director_named("Documentary 1976 PG 103 minutes. Director Barbara Kopple’s film about the 1973 coal miners’ strike won an Oscar.").as_deref(),
            Some("Barbara Kopple")
        );
        // Further on, another film's maker.
        assert_eq!(
            director_named("A strike in Kentucky. The miners hold out. Later it recalls Ken Loach's film about dockers."),
            None
        );
    }

    #[test]
    fn a_director_named_in_a_description() {
        assert_eq!(
            director_named("Writer-director John Sayles recreates the strike.").as_deref(),
            Some("John Sayles")
        );
        assert_eq!(
            director_named("Un film di lotta, regia di Daniele Segre, girato a Torino.").as_deref(),
            Some("Daniele Segre")
        );
        // No given name after the cue: no director.
        assert_eq!(director_named("Directed by the workers themselves."), None);
    }
}

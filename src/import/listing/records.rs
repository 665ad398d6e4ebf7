//! Lines that are one film's record with more on the same line: a title
//! and its facts, then its description ("THE CHILDREN ACT (cert 12A) 1
//! hour 45 mins. Fiona Maye, …"); a title, a colon and what the film is
//! ("One Day Longer: Ten-year strike of Las Vegas casino workers"); a
//! database record run on into labelled fields ("Cybernetica 20 min,
//! 1972 Production: … Credits: Sims, Peter (Directed by)"). Each is told
//! from running text by the shape of its head: short, a title's case, no
//! label, no heading, and facts where the layout needs them. A book's
//! record in a library's list (its publisher) is told apart too.

use super::credits::*;
use super::fields::context_reason;
use super::guard::Knowledge;
use super::labels::*;
use super::lines::{is_heading, Class};
use super::titles::*;

/// A title, a colon and what the film is, after a time: "11:10 a.m. -
/// 12:35 p.m. -- Inside Job: As the Administration in Washington today
/// dismantles regulations…". The title is short and capitalised, no label
/// or heading, and a sentence follows.
pub(super) fn title_then_text(text: &str) -> Option<Class> {
    let (head, rest) = text.split_once(": ")?;
    let rest = rest.trim_start();
    let words = head.split_whitespace().count();
    let titled = (1..=10).contains(&words)
        && head.chars().next().is_some_and(char::is_uppercase)
        && label(text).is_none()
        && !is_heading(head)
        && context_reason(head).is_none()
        && rest.split_whitespace().nth(5).is_some();
    titled.then(|| Class::RecordThen(title_line(head), rest.trim().to_string()))
}

/// Tags a catalogue puts before a title (folded).
const BADGES: &[&str] = &["highlight", "highlights", "featured", "staff pick"];

/// Words a genre ends with in a catalogue record (folded).
const GENRE_ENDS: &[&str] = &[
    "film",
    "travelogue",
    "documentary",
    "newsreel",
    "animation",
    "drama",
    "short",
];

/// A database record on one line: a title with its facts, then labelled
/// fields ("Cybernetica 20 min, 1972 Production: British Transport Films
/// Credits: Sims, Peter (Directed by) …"). The head before the first label
/// is read as a title line and must give a year or a runtime; the
/// director is a labelled one or a credit marked "(Directed by)".
pub(super) fn record_then_labels(line: &str) -> Option<Class> {
    // Where the first label starts: a word (or two) ending in a colon that
    // names a field, after the start of the line.
    let words = super::fields::words_at(line);
    let starts: Vec<usize> = words
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(n, &(at, w))| {
            if !w.ends_with(':') || !w.chars().next().is_some_and(char::is_uppercase) {
                return None;
            }
            // "Directed by:" is two words; try one word, then two.
            [at, n.checked_sub(1).map_or(at, |m| words[m].0)]
                .into_iter()
                .find(|&start| start > 0 && label(&line[start..]).is_some())
        })
        .collect();
    let first = *starts.first()?;
    let head = line[..first].trim().trim_end_matches([',', ';']);
    // A catalogue's badge before the title ("Volume 1 – On Rail Highlight
    // Blue Pullman …"): the title follows it.
    let head = head
        .match_indices(' ')
        .map(|(i, _)| i)
        .rfind(|&i| {
            let before = head[..i].rsplit(' ').next().unwrap_or("");
            BADGES.contains(&crate::text::fold(before).as_str())
        })
        .map_or(head, |i| head[i + 1..].trim());
    let mut tl = title_line(head);
    // Its genre between the title and the facts ("Blue Pullman Industry
    // sponsored film, 26 min, 1960", "Elizabethan Express Travelogue, 20
    // min"): up to three words ending in a genre word.
    let words: Vec<&str> = tl.title.split_whitespace().collect();
    if words.len() >= 2
        && words
            .last()
            .is_some_and(|w| GENRE_ENDS.contains(&crate::text::fold(w).as_str()))
    {
        // "Travelogue" stands alone; "film" takes the words in lower case
        // before it and the capitalised one before them ("Industry
        // sponsored film").
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let last = words.len() - 1;
        let mut start = last;
        if !capital(words[last]) {
            while start > 0 && !capital(words[start - 1]) && last - start < 2 {
                start -= 1;
            }
            start = start.saturating_sub(1);
        }
        if start > 0 {
            tl.title = words[..start].join(" ");
        }
    }
    if !tl.has_year_or_runtime() || tl.title.is_empty() || tl.title.split_whitespace().count() > 12
    {
        return None;
    }
    // Each labelled field ("R: Karl Gass", "Duration: 27 min") read as a
    // credit.
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(line.len());
        let field = line[start..end].trim().trim_end_matches([',', ';']);
        if let Some(p) = part(field) {
            if matches!(
                p,
                Part::Name(_) | Part::Year(_) | Part::Runtime(_) | Part::Country(_)
            ) {
                tl.credits.push(p);
            }
        }
    }
    if !tl.credits.iter().any(|p| matches!(p, Part::Name(_))) {
        let directors = super::names::credited_as_director(&line[first..]);
        tl.credits.extend(directors.into_iter().map(Part::Name));
    }
    Some(Class::Record(tl))
}

/// Whether a text names a kind of film, not a film: "Episodenfilm",
/// "Documentary", "Kurzfilm".
pub(super) fn names_a_kind(text: &str) -> bool {
    let f = crate::text::fold(text);
    !f.contains(' ')
        && (f.ends_with("film")
            || super::sentences::FILM_WORDS.contains(&f.as_str())
            || KIND_WORDS.contains(&f.as_str()))
}

/// Whether words are in title case: most of them capitalised (short
/// words aside), the first and the last.
pub(super) fn title_cased(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = |w: &&str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let capitals = words.iter().filter(|w| capital(w)).count();
    !words.is_empty()
        && words.len() <= 8
        && capital(&words[0])
        && words.last().is_some_and(capital)
        && capitals * 3 >= words.len() * 2
}

/// Whether a text opens a sentence: a capital, then words in lower case.
pub(super) fn starts_sentence(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.len() >= 4
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words[1..]
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count()
            * 2
            >= words.len() - 1
}

/// A record at the start of a paragraph: its first sentence a title with
/// facts, the rest the description.
pub(super) fn record_then(text: &str) -> Option<Class> {
    let (first, rest) = text.split_once(". ")?;
    let tl = title_line(first);
    (tl.has_year_or_runtime() && !tl.title.is_empty() && tl.title.split_whitespace().count() <= 12)
        .then(|| Class::RecordThen(tl, rest.trim().to_string()))
}

/// "FEMININAS, Brasil/PR, 1990, de Werner Schumann. Documentário. Sobre
/// mulheres…": a paragraph whose first sentence is a record (a title, its
/// country and year) and the rest its description, not more credits
/// ("Bread and Roses – França, 2000. Drama. Cor: 110min. Dir. Ken Loach."
/// is a record of its own kind).
pub(super) fn record_sentence_then_text(line: &str, k: &Knowledge) -> Option<Class> {
    // (Cheap tests first: every long line comes here.)
    if !line.contains(". ") || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let Some(Class::RecordThen(tl, text)) = record_then(line) else {
        return None;
    };
    let placed = tl.credits.iter().any(|p| matches!(p, Part::Country(_)));
    let more_credits = super::facts::loose_credits(&text).is_some()
        || text.split(". ").any(|s| label(s).is_some());
    (placed
        && !more_credits
        && tl.year_given().is_some()
        && tl.title.split_whitespace().count() <= 8
        && super::lines::titled_not_a_person(&tl.title, k)
        && context_reason(&tl.title).is_none())
    .then_some(Class::RecordThen(tl, text))
}

/// Whether a short line gives a book's publisher ("Stéphane FRATTINI,
/// édition Milan, 2011", "Suhrkamp Verlag, 1998", "ISBN 978-…"): a
/// library's list mixes books with its films.
pub(super) fn is_publication(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let folded = |w: &str| crate::text::fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
    // "édition Milan": the publisher's word in lower case, then its name.
    let publisher = words.windows(2).any(|w| {
        matches!(
            folded(w[0]).as_str(),
            "edition" | "editions" | "editorial" | "editora"
        ) && w[0].chars().next().is_some_and(char::is_lowercase)
            && w[1].chars().next().is_some_and(char::is_uppercase)
    });
    words.len() <= 14
        && (publisher
            || words
                .iter()
                .any(|w| matches!(folded(w).as_str(), "isbn" | "verlag" | "publishers")))
        && line.split([',', ';']).count() >= 2
}

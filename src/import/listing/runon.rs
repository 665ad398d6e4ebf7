//! A programme index pasted as one line: a page's list of screenings whose
//! line breaks were lost in the copy, each title followed by its date and
//! time ("MARX RELOADED: Thu, April 26, 6:30p COMRADE, WHERE ARE YOU
//! TODAY? Thu, May 3, 6:30p …", "Norma Rae – Fri 3 May 7pm; Matewan – Sat
//! 4 May 2pm").
//!
//! The line is cut at its runs of calendar words (dates, weekdays, times);
//! the text right before each run is a title when it is shaped like one
//! (capitalised, short, not a clause). A paragraph that merely mentions
//! dates ("The strike began on 3 May…") has no such titles, so it is left
//! to the other readers.

use super::fields::{context_reason, is_calendar_word, is_date_token, is_time};
use super::guard::Knowledge;
use crate::text::fold;

/// Fewer date runs than this make no index.
const MIN_DATES: usize = 3;

/// The titles of a programme index run on one line, in order, or `None`
/// when the line is not one.
pub(super) fn index_titles(line: &str, k: &Knowledge) -> Option<Vec<String>> {
    if line.len() < 60 {
        return None;
    }
    // Cheap first: an index has a number (a day, an hour) for each entry;
    // running text seldom has three.
    let numbers = line
        .split_whitespace()
        .filter(|w| w.bytes().any(|b| b.is_ascii_digit()))
        .take(MIN_DATES)
        .count();
    if numbers < MIN_DATES {
        return None;
    }
    let tokens: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let calendar = calendar_tokens(&tokens);
    // A title before its date needs more text round it to be sure of.
    (line.len() >= 120)
        .then(|| titles_before_dates(line, &tokens, &calendar))
        .flatten()
        .or_else(|| titles_after_dates(line, &tokens, &calendar, k))
}

/// "MARX RELOADED: Thu, April 26, 6:30p COMRADE, …": each title before
/// its date.
fn titles_before_dates(
    line: &str,
    tokens: &[(usize, &str)],
    calendar: &[bool],
) -> Option<Vec<String>> {
    let mut titles = Vec::new();
    let mut runs = 0;
    let mut start = 0; // byte where the text before the next run starts
    let mut i = 0;
    while i < tokens.len() {
        if !calendar[i] {
            i += 1;
            continue;
        }
        runs += 1;
        let before = &line[start..tokens[i].0];
        if let Some(t) = title_before_date(before) {
            titles.push(t);
        }
        while i < tokens.len() && calendar[i] {
            i += 1;
        }
        start = tokens.get(i).map_or(line.len(), |t| t.0);
    }
    (runs >= MIN_DATES && titles.len() >= MIN_DATES && titles.len() * 2 >= runs).then_some(titles)
}

/// "01/06 (quinta-feira) 17h00 Coal face 19h00 A classe operária vai ao
/// paraíso 21h20 Peões": each title after its time. Only a run that ends
/// in a clock time opens a title (a date alone opens the day's times).
fn titles_after_dates(
    line: &str,
    tokens: &[(usize, &str)],
    calendar: &[bool],
    k: &Knowledge,
) -> Option<Vec<String>> {
    let mut titles = Vec::new();
    let mut runs = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !calendar[i] {
            i += 1;
            continue;
        }
        while i < tokens.len() && calendar[i] {
            i += 1;
        }
        if !is_time(tokens[i - 1].1) {
            continue;
        }
        runs += 1;
        let start = tokens.get(i).map_or(line.len(), |t| t.0);
        let end = (i..tokens.len())
            .find(|&j| calendar[j])
            .map_or(line.len(), |j| tokens[j].0);
        let text = &line[start..end];
        // "오후 2시 30분 <보라보라>, 오후 …", "19h «Coal Face», débat":
        // the titles are the quoted ones.
        let quoted = super::quotes::quoted(text);
        if !quoted.is_empty() {
            titles.extend(
                quoted
                    .into_iter()
                    .filter(|q| q.split_whitespace().count() <= 12 && context_reason(q).is_none())
                    .map(str::to_string),
            );
            continue;
        }
        // The first sentence after the time: "Peões. Debate with …".
        let first = [". ", "! ", "? "]
            .iter()
            .filter_map(|s| text.find(s))
            .min()
            .map_or(text, |at| &text[..at]);
        // "a las 19.30, Recursos humanos, del francés Laurent Cantet; a
        // las 22.00, …": running text with times in it, not an index.
        // (A comma inside a title is followed by a word of its own:
        // "Braços cruzados, máquinas paradas".)
        let clause = first.contains(';')
            || first.match_indices(", ").any(|(at, _)| {
                let next = first[at + 2..].split_whitespace().next().unwrap_or("");
                next.chars().next().is_some_and(char::is_lowercase)
                    && (next.chars().count() <= 3
                        || [
                            "del", "dei", "della", "by", "with", "avec", "mit", "que", "which",
                        ]
                        .contains(&next))
            });
        if clause {
            continue;
        }
        for piece in titles_run_together(first)
            .into_iter()
            .flat_map(|p| before_known_title(p, k))
        {
            if let Some(t) = title_shaped(piece, true) {
                titles.push(t);
            }
        }
    }
    (runs >= MIN_DATES && titles.len() >= MIN_DATES && titles.len() * 2 >= runs).then_some(titles)
}

/// Which tokens belong to a date or time: calendar words and dates, times,
/// day numbers and "am"/"noon" beside them, and joiners between two of them.
fn calendar_tokens(tokens: &[(usize, &str)]) -> Vec<bool> {
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let strong: Vec<bool> = tokens
        .iter()
        .map(|(_, w)| {
            let b = bare(w);
            is_date_token(w)
                || is_time(w)
                || is_calendar_word(&fold(&b))
                // "6p", "12a": an hour on a page that abbreviates.
                || b.strip_suffix(['p', 'a']).is_some_and(|h| {
                    !h.is_empty() && h.len() <= 2 && h.bytes().all(|c| c.is_ascii_digit())
                })
        })
        .collect();
    let mut out = strong.clone();
    for i in 0..tokens.len() {
        if out[i] {
            continue;
        }
        let b = bare(tokens[i].1);
        let near = |j: Option<usize>| j.is_some_and(|j| j < tokens.len() && strong[j]);
        let beside = near(i.checked_sub(1)) || near(Some(i + 1));
        let between = near(i.checked_sub(1)) && near(Some(i + 1));
        let day = !b.is_empty()
            && b.len() <= 2
            && b.bytes().all(|c| c.is_ascii_digit())
            && b.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
        let year = b.len() == 4 && b.bytes().all(|c| c.is_ascii_digit());
        // "Tu, May 8": a two-letter weekday right before a date.
        let weekday = matches!(b.as_str(), "mo" | "tu" | "we" | "th" | "fr" | "sa" | "su")
            && near(Some(i + 1));
        let clock = matches!(
            b.as_str(),
            "am" | "pm" | "a.m" | "p.m" | "noon" | "uhr" | "h"
        );
        let joiner = matches!(
            b.as_str(),
            "" | "and" | "at" | "from" | "to" | "et" | "und" | "y" | "e" | "à" | "um" | "ab"
        );
        out[i] = (day || year || clock || weekday) && beside || joiner && between;
    }
    out
}

/// The title right before a date, if the text there is shaped like one:
/// the last sentence of the text, without the separators round it,
/// capitalised, short, not ending in a word in lower case.
fn title_before_date(text: &str) -> Option<String> {
    let text = text
        .trim()
        .trim_matches(|c: char| ":;,–—-|•·/".contains(c) || c.is_whitespace());
    // "TWO LOCATIONS! Takoma Busboys AND Shirlington Busboys! COMPANY
    // TOWN": the last sentence.
    let last = &text[super::fields::after_last(text, &["! ", ". ", "? "])..];
    title_shaped(last, false)
}

/// Titles written one after another after one time, in the sentence case
/// most languages write titles in ("Trabalhadoras metalúrgicas Linha de
/// montagem"): a new title starts at a capital right after a word in
/// lower case that is no small joining word ("Garotas do ABC", "Companhia
/// Paulista de Estradas de Ferro" stay whole). Titles in English title
/// case have no such place, and stay whole.
fn titles_run_together(text: &str) -> Vec<&str> {
    const JOINERS: &[&str] = &[
        "with", "from", "into", "over", "para", "pelo", "pela", "pelos", "dans", "avec", "sous",
        "nach", "über", "unter", "della", "delle", "degli", "dello", "sobre", "entre", "contra",
        "und", "and", "the", "des", "del", "los", "las", "les", "dos", "das",
    ];
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut previous: Option<&str> = None;
    for (at, w) in text.split_inclusive(' ').scan(0usize, |pos, w| {
        let s = *pos;
        *pos += w.len();
        Some((s, w.trim()))
    }) {
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let after_lower = previous.is_some_and(|p| {
            p.chars().next().is_some_and(char::is_lowercase)
                && p.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && p.chars().all(|c| c.is_alphabetic() || c == '-')
                && !JOINERS.contains(&p)
        });
        if capital && after_lower {
            pieces.push(text[start..at].trim());
            start = at;
        }
        previous = Some(w);
    }
    pieces.push(text[start..].trim());
    // "El efecto Iguazú": a title may end in a name; only pieces of two
    // words or more are titles of their own.
    if pieces.iter().any(|p| p.split_whitespace().count() < 2) {
        pieces = vec![text];
    }
    // "Greve Braços cruzados, máquinas paradas": a one-word title before a
    // title in sentence case (a capital, then words in lower case).
    pieces
        .into_iter()
        .flat_map(|p| match one_word_before_sentence_case(p, JOINERS) {
            Some(at) => vec![p[..at].trim(), p[at..].trim()],
            None => vec![p],
        })
        .collect()
}

/// A piece cut before a title the catalogue knows that ends it
/// ("Chapeleiros Garotas do ABC" → "Chapeleiros", "Garotas do ABC").
fn before_known_title<'a>(piece: &'a str, k: &Knowledge) -> Vec<&'a str> {
    let starts = piece.match_indices(' ').map(|(i, _)| i + 1);
    for at in starts {
        let tail = &piece[at..];
        if tail.chars().next().is_some_and(char::is_uppercase) && k.knows_title(tail) {
            return vec![piece[..at].trim(), tail];
        }
    }
    vec![piece]
}

/// Where a sentence-case title starts after a one-word title: the first
/// two words capitalised, the first no article, and two or more words in
/// lower case after them that are no small joining words.
fn one_word_before_sentence_case(piece: &str, joiners: &[&str]) -> Option<usize> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let article = |w: &str| {
        [
            "a", "an", "the", "o", "os", "as", "el", "la", "le", "les", "los", "las", "il", "lo",
            "der", "die", "das", "de", "het", "en", "um", "uma", "un", "une", "una",
        ]
        .contains(&fold(w).as_str())
    };
    let lower_words = words
        .iter()
        .skip(2)
        .filter(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphabetic());
            bare.chars().next().is_some_and(char::is_lowercase)
                && bare.chars().count() >= 4
                && !joiners.contains(&bare)
        })
        .count();
    (words.len() >= 4
        && capital(words[0])
        && capital(words[1])
        && !article(words[0])
        && words[0].chars().all(char::is_alphabetic)
        && lower_words >= 2)
        .then(|| piece.find(words[1]))
        .flatten()
}

/// A text without the separators round it, if it is shaped like a title:
/// capitalised, short, no label, and (unless `sentence_case`, as titles
/// are written in most languages but English) not ending in a word in
/// lower case.
fn title_shaped(text: &str, sentence_case: bool) -> Option<String> {
    let title = text
        .trim()
        .trim_matches(|c: char| ":;,–—-|•·/".contains(c) || c.is_whitespace());
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let capital = |w: &str| {
        w.trim_start_matches(|c: char| "\"“«„'(".contains(c))
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let capitals = words.iter().filter(|w| capital(w)).count();
    let shaped = capital(words[0])
        && (sentence_case
            || words
                .last()
                .is_some_and(|w| capital(w) || w.ends_with(['?', '!', ')'])))
        && (capitals * 2 >= words.len() || sentence_case && words.len() <= 8)
        && !title.starts_with('(');
    (shaped && context_reason(title).is_none()).then(|| title.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_run_together_after_their_times() {
        let mut k = Knowledge::default();
        k.add_title("Garotas do ABC");
        let line = "- 02/06 (sexta-feira) 17h00 Greve Braços cruzados, máquinas paradas 19h00 Linha de montagem 21h10 Chapeleiros Garotas do ABC";
        assert_eq!(
            index_titles(line, &k).unwrap(),
            [
                "Greve",
                "Braços cruzados, máquinas paradas",
                "Linha de montagem",
                "Chapeleiros",
                "Garotas do ABC"
            ]
        );
    }

    #[test]
    fn quoted_titles_after_their_times() {
        let line = "첫날인 10일에는 오전 11시 <미국민중사1>, 오후 2시 30분 <보라보라>, 오후 6시 30분 <조끼하나면충분하다>를 상영하고, 다음날 11일에는 오전 11시 <언더그라운드>와 <례>를 선보인다.";
        assert_eq!(
            index_titles(line, &Knowledge::default()).unwrap(),
            [
                "미국민중사1",
                "보라보라",
                "조끼하나면충분하다",
                "언더그라운드",
                "례"
            ]
        );
    }

    #[test]
    fn an_index_run_on_one_line() {
        let line = "MARX RELOADED: Thu, April 26, 6:30p COMRADE, WHERE ARE YOU TODAY? Thu, May 3, 6:30p; 6:30p HARVEST OF EMPIRE Sun, May 6, 12:30pm A STRIKE AND AN UPRISING (IN TEXAS): Fri, May 11, 12 noon ZERO WEEKS: Tues, May 15, 6p TWO LOCATIONS! Takoma Busboys AND Shirlington Busboys! COMPANY TOWN: Thu, May 24, 8p See below for write-ups.";
        assert_eq!(
            index_titles(line, &Knowledge::default()).unwrap(),
            [
                "MARX RELOADED",
                "COMRADE, WHERE ARE YOU TODAY?",
                "HARVEST OF EMPIRE",
                "A STRIKE AND AN UPRISING (IN TEXAS)",
                "ZERO WEEKS",
                "COMPANY TOWN"
            ]
        );
        let line = "Norma Rae – Fri 3 May 7pm; Matewan – Sat 4 May 2pm; Silkwood – Sun 5 May 6.30pm; Blue Collar – Mon 6 May 8pm. All screenings at the Union Hall.";
        assert_eq!(
            index_titles(line, &Knowledge::default()).unwrap(),
            ["Norma Rae", "Matewan", "Silkwood", "Blue Collar"]
        );
        // Times first, each title after its time.
        let line = "- 04/06 (domingo) 14h00 Coal Face 15h15 O machão 17h00 A queda 19h15 Peões 21h00 Garotas do ABC";
        assert_eq!(
            index_titles(line, &Knowledge::default()).unwrap(),
            [
                "Coal Face",
                "O machão",
                "A queda",
                "Peões",
                "Garotas do ABC"
            ]
        );
        // Several titles after one time.
        let line = "- 03/06 (sábado) 16h00 Companhia Docas de Santos 17h20 Trabalhadoras metalúrgicas Linha de montagem 19h15 Kuhle Wampe";
        assert_eq!(
            index_titles(line, &Knowledge::default()).unwrap(),
            [
                "Companhia Docas de Santos",
                "Trabalhadoras metalúrgicas",
                "Linha de montagem",
                "Kuhle Wampe"
            ]
        );
    }

    #[test]
    fn a_paragraph_with_dates_is_no_index() {
        let line = "The strike began on Monday 3 May 1926 and the miners held out until November; the general strike itself was called off on Wednesday 12 May, and the last pits went back on 30 November after seven months.";
        assert_eq!(index_titles(line, &Knowledge::default()), None);
    }
}

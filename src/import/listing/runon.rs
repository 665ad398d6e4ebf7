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
use crate::text::fold;

/// Fewer date runs than this make no index.
const MIN_DATES: usize = 3;

/// The titles of a programme index run on one line, in order, or `None`
/// when the line is not one.
pub(super) fn index_titles(line: &str) -> Option<Vec<String>> {
    if line.len() < 120 {
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
    let last = ["! ", ". ", "? "]
        .iter()
        .filter_map(|s| text.rfind(s).map(|i| i + s.len()))
        .max()
        .map_or(text, |i| &text[i..]);
    let title = last
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
        && words
            .last()
            .is_some_and(|w| capital(w) || w.ends_with(['?', '!', ')']))
        && capitals * 2 >= words.len()
        && !title.starts_with('(');
    (shaped && context_reason(title).is_none()).then(|| title.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_run_on_one_line() {
        let line = "MARX RELOADED: Thu, April 26, 6:30p COMRADE, WHERE ARE YOU TODAY? Thu, May 3, 6:30p; 6:30p HARVEST OF EMPIRE Sun, May 6, 12:30pm A STRIKE AND AN UPRISING (IN TEXAS): Fri, May 11, 12 noon ZERO WEEKS: Tues, May 15, 6p TWO LOCATIONS! Takoma Busboys AND Shirlington Busboys! COMPANY TOWN: Thu, May 24, 8p See below for write-ups.";
        assert_eq!(
            index_titles(line).unwrap(),
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
            index_titles(line).unwrap(),
            ["Norma Rae", "Matewan", "Silkwood", "Blue Collar"]
        );
    }

    #[test]
    fn a_paragraph_with_dates_is_no_index() {
        let line = "The strike began on Monday 3 May 1926 and the miners held out until November; the general strike itself was called off on Wednesday 12 May, and the last pits went back on 30 November after seven months.";
        assert_eq!(index_titles(line), None);
    }
}

//! Titles framed by what the sentence says of them before they start: an
//! article, the film's year and a film word ("The 2000 film Bread and
//! Roses by British director Ken Loach depicted…", "The 1985 documentary
//! film Final Offer by Sturla Gunnarsson and Robert Collision shows…",
//! "The 1979 film Norma Rae, directed by Martin Ritt, is…"). The frame
//! says a film follows, so a title shaped like a person's name is still
//! a title here; the title is the capitalised run after the film word, to
//! the maker word, a comma, a parenthesis or a word in lower case.

use super::super::credits::is_year;
use super::super::fields::words_at;
use super::*;

/// Words that may open the frame before the year (folded).
const OPENERS: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "this"];

/// Small words a title keeps inside it in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "for", "in", "of", "on", "or", "the", "to", "with", "de", "la",
    "le", "les", "des", "du", "del", "di", "e", "et", "y", "i", "z", "w",
];

/// Words that describe a maker between "by" and the name ("by British
/// director Ken Loach"): the maker word the name follows.
const MAKER_NOUNS: &[&str] = &["director", "filmmaker", "film-maker", "documentarist"];

/// A film framed by an article, its year and a film word, the title, and
/// who made it where the sentence says so.
pub(super) fn framed_films(text: &str) -> Vec<(String, Option<String>, i32)> {
    let words = words_at(text);
    let mut out = Vec::new();
    for n in 1..words.len() {
        let (_, year_word) = words[n];
        if !is_year(year_word) || !OPENERS.contains(&fold(words[n - 1].1).as_str()) {
            continue;
        }
        // The film word, maybe after one adjective or another film word
        // ("documentary film", "silent film", "feature-length film").
        let mut film_at = None;
        for (m, &(_, w)) in words.iter().enumerate().skip(n + 1).take(3) {
            let lower = w.chars().next().is_some_and(char::is_lowercase);
            if !lower {
                break;
            }
            if FILM_WORDS.contains(&fold(w).as_str()) {
                film_at = Some(m);
            } else if film_at.is_some() {
                break;
            }
        }
        let Some(film_at) = film_at else { continue };
        let Some(title) = title_after(&words[film_at + 1..]) else {
            continue;
        };
        let (title_end, title) = title;
        let after = &text[title_end..];
        let maker = maker_after(after);
        let year = year_word.parse().unwrap_or_default();
        out.push((title, maker, year));
    }
    out
}

/// The title run at the start of `words`: capitalised words with small
/// words inside, ending at a comma, a parenthesis, a maker word or any
/// other word in lower case. Its end offset in the text and the title.
fn title_after(words: &[(usize, &str)]) -> Option<(usize, String)> {
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«„".contains(c))
    };
    let (first_at, first) = *words.first()?;
    if !capital(first) {
        return None;
    }
    let mut end = first_at;
    let mut taken: Vec<&str> = Vec::new();
    for &(at, w) in words.iter().take(12) {
        if w.starts_with('(') {
            break;
        }
        let bare = w.trim_end_matches([',', ';', ':', ')']);
        let small = TITLE_SMALL_WORDS.contains(&bare) && !taken.is_empty();
        if !(capital(w) || small) || bare == "by" {
            break;
        }
        taken.push(bare);
        end = at + bare.len();
        // A comma, a semicolon or a sentence's end closes the title
        // ("Norma Rae, directed by"); an initial's full stop does not
        // ("Made in L.A.").
        let full_stop =
            bare.ends_with('.') && bare.chars().filter(|c| c.is_alphabetic()).count() > 2;
        if bare.len() != w.len() || full_stop {
            break;
        }
    }
    while taken.last().is_some_and(|w| TITLE_SMALL_WORDS.contains(w)) {
        taken.pop();
    }
    if taken.is_empty() || taken.len() > 10 {
        return None;
    }
    let title = taken.join(" ");
    let title = title
        .trim_end_matches('.')
        .trim_matches(|c: char| "\"“”«»„".contains(c));
    Some((end, title.to_string()))
}

/// Who made the film, after its title: "by Sturla Gunnarsson and Robert
/// Collision", ", directed by Martin Ritt", "by British director Ken
/// Loach".
fn maker_after(after: &str) -> Option<String> {
    let rest = after.trim_start().trim_start_matches(',').trim_start();
    let lower = rest.to_lowercase();
    let from = if lower.starts_with("by ") {
        // "by British director Ken Loach": past the words saying who.
        let words = words_at(&rest[3..]);
        let noun = words
            .iter()
            .take(3)
            .position(|&(_, w)| MAKER_NOUNS.contains(&fold(w).as_str()));
        match noun {
            Some(at) => {
                let (offset, w) = words[at];
                return super::super::names::makers_after(&format!(
                    "by {}",
                    &rest[3 + offset + w.len()..].trim_start()
                ))
                .map(|(who, _)| who.join(", "));
            }
            None => rest,
        }
    } else if lower.starts_with("directed by ") {
        rest
    } else {
        return None;
    };
    super::super::names::makers_after(from).map(|(who, _)| who.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Option<String>, i32)> {
        framed_films(text)
    }

    #[test]
    fn a_year_and_a_film_word_before_the_title() {
        assert_eq!(
            read(
                "The 2000 film Bread and Roses by British director Ken Loach depicted the struggle"
            ),
            [(
                "Bread and Roses".to_string(),
                Some("Ken Loach".to_string()),
                2000
            )]
        );
        assert_eq!(
            read("The 1985 documentary film Final Offer by Sturla Gunnarsson and Robert Collision shows the 1984 negotiations."),
            [(
                "Final Offer".to_string(),
                Some("Sturla Gunnarsson, Robert Collision".to_string()),
                1985
            )]
        );
        assert_eq!(
            read("The 1979 film Norma Rae, directed by Martin Ritt, is based on a true story."),
            [(
                "Norma Rae".to_string(),
                Some("Martin Ritt".to_string()),
                1979
            )]
        );
    }

    #[test]
    fn no_frame_no_title() {
        // A year with no film word after it, or a film word with no year
        // before it, frames nothing.
        assert!(read("The 1984 union contract negotiations with General Motors").is_empty());
        assert!(read("In 1984 the miners struck").is_empty());
        assert!(read("the 1984 film was shown to the strikers").is_empty());
    }
}

//! Holding titles to what they may not be: a date, a time, a weekday, a
//! venue, a country, a language, a heading, a number, or a person's name.
//! Every title the reader proposes passes here, whatever layout it came
//! from, so a new layout cannot bring invented films back.
//!
//! What the catalogue knows counts: a title the catalogue has is a title
//! (even "Norma Rae", shaped like a name), and a name the catalogue has as
//! a director is a name. First names come from the catalogue's directors,
//! so "Firstname Lastname" is recognised without a list of names.

use std::collections::HashSet;

use super::fields::*;
use super::lines::is_heading;
use crate::text::fold;

/// What the catalogue (and the listing itself) knows of titles and names.
#[derive(Debug, Default, Clone)]
pub struct Knowledge {
    /// Folded titles (and other titles) of catalogue films.
    titles: HashSet<String>,
    /// Folded names of directors and cast.
    people: HashSet<String>,
    /// Folded first words of those names ("ken", "barbara").
    first_names: HashSet<String>,
    /// Catalogue titles by their first folded word: the title as written
    /// and its folded words, to find titles in running text.
    by_first_word: std::collections::HashMap<String, Vec<(String, Vec<String>)>>,
}

impl Knowledge {
    /// What a catalogue knows.
    pub fn of_catalogue(catalogue: &crate::Catalogue) -> Knowledge {
        let mut k = Knowledge::default();
        for film in catalogue.films() {
            k.titles.insert(fold(&film.title));
            let words: Vec<String> = fold(&film.title).split(' ').map(str::to_string).collect();
            if let Some(first) = words.first().filter(|w| !w.is_empty()) {
                k.by_first_word
                    .entry(first.clone())
                    .or_default()
                    .push((film.title.clone(), words));
            }
            if let Some(t) = &film.original_title {
                k.titles.insert(fold(t));
            }
            for person in film.directors.iter().chain(&film.cast) {
                k.add_person(person);
            }
        }
        k
    }

    /// A title known, as the catalogue's are (for tests of readers).
    #[cfg(test)]
    pub(super) fn add_title(&mut self, title: &str) {
        self.titles.insert(fold(title));
    }

    /// Learns a name (a director found in the listing).
    pub(super) fn add_person(&mut self, name: &str) {
        let f = fold(name);
        if let Some(first) = f.split(' ').next().filter(|w| w.len() >= 3) {
            if f.contains(' ') {
                self.first_names.insert(first.to_string());
            }
        }
        self.people.insert(f);
    }

    /// Whether the catalogue has a film of this title.
    pub(super) fn knows_title(&self, title: &str) -> bool {
        self.titles.contains(&fold(title))
    }

    /// Catalogue titles written in running text, capitalised as titles
    /// are: "the first was Strike, a 1925 silent" finds *Strike*; a
    /// one-word title only away from the start of a sentence.
    pub(super) fn titles_in(&self, text: &str) -> Vec<String> {
        let words: Vec<(&str, String)> = text
            .split(|c: char| c.is_whitespace() || c == '—' || c == '–')
            .filter(|w| !w.is_empty())
            .map(|w| (w, fold(w)))
            .collect();
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (raw, folded) = &words[i];
            let capital = raw
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            let sentence_start = i == 0 || words[i - 1].0.ends_with(['.', '!', '?', ':']);
            // Inside a longer name ("the centenary of International
            // Women's Day"): the word before is capitalised mid-sentence,
            // after one in lower case (a possessive aside: "Ken Loach's
            // Riff Raff").
            let inside_name = !sentence_start
                && i > 1
                && words[i - 2]
                    .0
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && words[i - 1]
                    .0
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && !words[i - 1].0.ends_with(['s', ',', ';'])
                && !words[i - 1].0.ends_with("'s")
                && !words[i - 1].0.ends_with("’s");
            let mut advanced = false;
            if capital && !folded.is_empty() && !inside_name {
                if let Some(candidates) = self
                    .by_first_word
                    .get(folded.split(' ').next().unwrap_or(""))
                {
                    // The longest title that matches here.
                    let mut best: Option<(&String, usize)> = None;
                    for (title, tw) in candidates {
                        let n = tw.len();
                        if i + n > words.len() {
                            continue;
                        }
                        let here: Vec<&str> = words[i..i + n]
                            .iter()
                            .flat_map(|(_, f)| f.split(' '))
                            .collect();
                        if here.len() != n || here.iter().zip(tw).any(|(a, b)| *a != b) {
                            continue;
                        }
                        // A one-word title is a word first: only with its
                        // year close after it ("was Strike, a 1925 silent
                        // movie"), away from the start of a sentence.
                        if n == 1 {
                            let year_after =
                                words[i + 1..words.len().min(i + 5)].iter().any(|(raw, _)| {
                                    super::credits::is_year(
                                        raw.trim_matches(|c: char| !c.is_ascii_digit()),
                                    )
                                });
                            if sentence_start || title.chars().count() < 4 || !year_after {
                                continue;
                            }
                        }
                        if best.is_none_or(|(_, m)| n > m) {
                            best = Some((title, n));
                        }
                    }
                    if let Some((title, n)) = best {
                        if !out.contains(title) {
                            out.push(title.clone());
                        }
                        i += n;
                        advanced = true;
                    }
                }
            }
            if !advanced {
                i += 1;
            }
        }
        out
    }

    /// Whether a text is a name the catalogue or the listing knows.
    pub(super) fn knows_person(&self, name: &str) -> bool {
        self.people.contains(&fold(name))
    }

    /// Whether a text is shaped like a person's name and starts with a
    /// first name some known person has.
    pub(super) fn looks_like_person(&self, text: &str) -> bool {
        let f = fold(text);
        let words = f.split(' ').count();
        (2..=4).contains(&words)
            && is_name_shaped(text)
            && f.split(' ')
                .next()
                .is_some_and(|w| self.first_names.contains(w))
    }
}

/// What is wrong with a title.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Verdict {
    /// A title.
    Fine,
    /// Not a title: the reason.
    Not(&'static str),
    /// Perhaps not a title: reported as uncertain, with the reason.
    Doubtful(&'static str),
}

/// Holds a proposed title to what titles may not be; `strong` when the
/// entry has its own credits (a year or runtime and a director).
/// `listed` holds the names the listing itself gives as directors.
pub(super) fn verdict(title: &str, k: &Knowledge, listed: &Knowledge, strong: bool) -> Verdict {
    let t = title.trim();
    if !t.chars().any(char::is_alphabetic) {
        return Verdict::Not("a number, not a title");
    }
    if k.knows_title(t) {
        return Verdict::Fine;
    }
    // "(SERVIMEDIA)", "(trailer)": a note in parentheses, not a title.
    if t.starts_with('(') && t.ends_with(')') {
        return Verdict::Not("a note in parentheses");
    }
    // "Spanien 2004, R: Marcelo Expósito, 70 min": credits, not a title.
    if super::facts::loose_credits(t).is_some()
        || super::credits::credit_line(t).is_some_and(|parts| {
            parts.iter().any(|p| {
                matches!(
                    p,
                    super::credits::Part::Year(_) | super::credits::Part::Runtime(_)
                )
            })
        })
    {
        return Verdict::Not("credits, not a title");
    }
    // "Documentary Feature", "Narrative Short": a film's kind.
    if super::credits::is_form_phrase(t) {
        return Verdict::Not("a kind of film, not a title");
    }
    if super::labels::is_column_header(t) {
        return Verdict::Not("a table's header");
    }
    // "La Izquierda Diario México @LaIzqDiarioMX", "www.…": an address.
    if t.split_whitespace().any(|w| {
        w.starts_with('@') && w.len() > 1 || w.starts_with("http") || w.starts_with("www.")
    }) {
        return Verdict::Not("a link or an account name");
    }
    let f = fold(t);
    let tokens: Vec<&str> = t.split_whitespace().collect();
    let context = context_reason(t);
    // ("1. Mai - Helden bei der Arbeit" with its year, runtime and
    // director is a film named after a date: three words or more that are
    // no date.)
    let words_beyond = tokens
        .iter()
        .filter(|w| {
            let b = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            b.chars().all(|c| c.is_alphabetic() || c == ' ')
                && b.chars().count() >= 2
                && !is_calendar_word(&b)
        })
        .count();
    // ("Le 1er mai 1967 à Saint-Nazaire, de Marcel Trillat, 1967, 24’":
    // a day in history and a place, with no clock time or weekday as a
    // screening's date line has, is a title with two words more.)
    let no_clock = !tokens.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        is_time(w) || super::lexicon::WEEKDAYS.contains(&fold(w).as_str())
    });
    let beyond_date = words_beyond >= 3 || words_beyond >= 2 && no_clock;
    let named_after_a_date = context == Some("a date and time line") && strong && beyond_date;
    if tokens.iter().all(|w| {
        is_date_token(w) || is_time(w) || matches!(fold(w).as_str(), "at" | "a" | "from" | "to")
    }) || context == Some("a date and time line") && !named_after_a_date
    {
        return Verdict::Not("a date or time");
    }
    // "Tuesdays, February 2-April 26 at 6:30pm in the Integrative Learning
    // Center": a clock time beside a calendar word is when, not what.
    if tokens
        .iter()
        .any(|w| is_time(w.trim_matches(|c: char| c == ',' || c == '*')))
        && tokens.iter().any(|w| {
            let w = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            is_calendar_word(&w) || is_calendar_word(w.trim_end_matches('s'))
        })
    {
        return Verdict::Not("a date or time");
    }
    if crate::countries::canonical(t).is_some()
        || t.split([',', '/'])
            .all(|c| crate::countries::canonical(c.trim()).is_some())
    {
        return if strong {
            // "Brazil (15) … (Terry Gilliam, UK 1985)": a film may bear a
            // country's name; with its credits it is reported, not dropped.
            Verdict::Doubtful("its title is a country's name")
        } else {
            Verdict::Not("a country")
        };
    }
    if is_language(t) {
        return Verdict::Not("a language");
    }
    if k.knows_person(t) || listed.knows_person(t) {
        return Verdict::Not("a person's name (a director the catalogue or the listing has)");
    }
    if context.is_some() && !named_after_a_date {
        return Verdict::Not("a ticket, guest or event note");
    }
    // "Category Archives: Industrial", "Strand: Women at Work": a heading
    // by its label, whatever follows.
    if t.split_once(':')
        .is_some_and(|(head, _)| is_heading(head) && head.split_whitespace().count() <= 3)
    {
        return Verdict::Not("a heading");
    }
    if is_heading(t) {
        // With credits of its own, a title with a heading's word ("Short
        // Films About Love") is reported, not dropped.
        return if strong {
            Verdict::Doubtful("it reads like a heading")
        } else {
            Verdict::Not("a heading")
        };
    }
    let first = f.split(' ').next().unwrap_or("");
    let person_shaped = (2..=4).contains(&f.split(' ').count())
        && is_name_shaped(t)
        && (k.first_names.contains(first) || listed.first_names.contains(first));
    if person_shaped {
        return Verdict::Doubtful("it looks like a person's name");
    }
    if is_venue(t) && f.split(' ').count() <= 4 {
        return Verdict::Doubtful("it looks like a venue");
    }
    // "Responses to an inquiry sent out to the list in January, 2015": a
    // phrase that ends on a month is running text with its date.
    let last = tokens
        .last()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .unwrap_or_default();
    if tokens.len() >= 4 && is_calendar_word(&last) {
        return Verdict::Doubtful("it ends on a month, like a sentence with its date");
    }
    // "czas trwania bloku": titles open with a capital (or a digit or a
    // quotation mark); words in lower case are text.
    if t.chars().next().is_some_and(char::is_lowercase) {
        return Verdict::Doubtful("it starts in lower case, like running text");
    }
    // "Sein Stummfilmklassiker „Streik“": words round a quotation.
    let quotes = t.matches(['“', '”', '„', '«', '»', '"']).count();
    if quotes > 0 {
        return Verdict::Doubtful("it has words round a quotation");
    }
    Verdict::Fine
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_that_are_not() {
        let mut k = Knowledge::default();
        k.add_person("Ken Loach");
        k.add_person("Martin Ritt");
        k.titles.insert(fold("Norma Rae"));
        for (t, why) in [
            ("Sunday 3 May", "a date or time"),
            ("6.30pm", "a date or time"),
            ("THURSDAY", "a date or time"),
            ("France", "a country"),
            ("UK / France", "a country"),
            ("French", "a language"),
            (
                "Ken Loach",
                "a person's name (a director the catalogue or the listing has)",
            ),
            ("Strand: Women at Work", "a heading"),
            ("2016 programme of events", "a heading"),
            ("1979", "a number, not a title"),
            ("Book tickets", "a ticket, guest or event note"),
            ("(SERVIMEDIA)", "a note in parentheses"),
            ("Documentary Feature", "a kind of film, not a title"),
            (
                "Date Film Title Director(s) Year Country",
                "a table's header",
            ),
            (
                "Spanien 2004, R: Marcelo Expósito, 70 min",
                "credits, not a title",
            ),
            ("21 Abr 2008", "a date or time"),
        ] {
            assert_eq!(
                verdict(t, &k, &Knowledge::default(), false),
                Verdict::Not(why),
                "{t}"
            );
        }
        assert_eq!(
            verdict("Martin Scorsese", &k, &Knowledge::default(), false),
            Verdict::Doubtful("it looks like a person's name")
        );
        assert_eq!(
            verdict(
                "Responses to an inquiry sent out in January",
                &k,
                &Knowledge::default(),
                false
            ),
            Verdict::Doubtful("it ends on a month, like a sentence with its date")
        );
        for t in [
            "Norma Rae",
            "Matewan",
            "The Organizer",
            "I, Daniel Blake",
            "Salt of the Earth",
            "Ten Days",
        ] {
            assert_eq!(
                verdict(t, &k, &Knowledge::default(), false),
                Verdict::Fine,
                "{t}"
            );
        }
    }
}

//! Tables pasted without their cell borders: a header line that names the
//! columns ("Date Film Title Director(s) Year Country") and, under it,
//! rows whose cells a web page's copy ran together with single spaces
//! ("2022-Sep The Discreet Charm of the Bourgeoisie Luis Buñuel 1972
//! France").
//!
//! Cells are told apart by what they are, from both ends of a row: a date,
//! a year, a runtime, a country or a language is recognised where its
//! column says it is; what is left is the title and, when the header has
//! one, the director: a person's name at the title's end (the catalogue's
//! or the listing's people first, then a given name and capitalised words).
//! A row is rewritten as the one-line record the rest of the reader knows
//! ("Title — Director, 1972, France"); a row that does not fit its header is
//! left as it was. Rows run to the first blank line.

use super::credits::is_year;
use super::fields::{country_name, is_calendar_word, is_date_token, is_given_name, NAME_PARTICLES};
use super::guard::Knowledge;
use crate::text::fold;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Date,
    Title,
    Director,
    Year,
    Runtime,
    Country,
    Language,
}

/// The words of a header for each column (folded, "(s)" removed).
const HEADER_WORDS: &[(&str, Column)] = &[
    ("date", Column::Date),
    ("datum", Column::Date),
    ("fecha", Column::Date),
    ("data", Column::Date),
    ("day", Column::Date),
    ("film", Column::Title),
    ("title", Column::Title),
    ("titre", Column::Title),
    ("titel", Column::Title),
    ("titulo", Column::Title),
    ("titolo", Column::Title),
    ("movie", Column::Title),
    ("director", Column::Director),
    ("directors", Column::Director),
    ("regie", Column::Director),
    ("realisation", Column::Director),
    ("realisateur", Column::Director),
    ("direccion", Column::Director),
    ("regia", Column::Director),
    ("year", Column::Year),
    ("jahr", Column::Year),
    ("annee", Column::Year),
    ("ano", Column::Year),
    ("anno", Column::Year),
    ("runtime", Column::Runtime),
    ("length", Column::Runtime),
    ("duration", Column::Runtime),
    ("duree", Column::Runtime),
    ("dauer", Column::Runtime),
    ("min", Column::Runtime),
    ("minutes", Column::Runtime),
    ("country", Column::Country),
    ("countries", Column::Country),
    ("land", Column::Country),
    ("pays", Column::Country),
    ("pais", Column::Country),
    ("paese", Column::Country),
    ("language", Column::Language),
    ("languages", Column::Language),
    ("sprache", Column::Language),
    ("langue", Column::Language),
];

/// The columns a header line names, in order: every word a column's name
/// (adjacent words of one column, "Film Title", are one), a title column
/// and at least two others.
fn header(line: &str) -> Option<Vec<Column>> {
    let mut columns: Vec<Column> = Vec::new();
    for word in line.split_whitespace() {
        let w = fold(&word.replace("(s)", ""));
        let column = HEADER_WORDS.iter().find(|(name, _)| *name == w)?.1;
        if columns.last() != Some(&column) {
            columns.push(column);
        }
    }
    let distinct = |c: Column| columns.iter().filter(|&&x| x == c).count() == 1;
    (columns.len() >= 3 && distinct(Column::Title) && columns.iter().all(|&c| distinct(c)))
        .then_some(columns)
}

/// Whether a line is the header of a table pasted without its borders.
pub(super) fn is_header(line: &str) -> bool {
    line.len() < 120 && header(line).is_some()
}

/// Rewrites the rows under each borderless table's header as one-line
/// records; the header stays (it is reported as a table's header).
pub(super) fn rewrite_rows(lines: &mut [String], k: &Knowledge) {
    let mut i = 0;
    while i < lines.len() {
        let Some(columns) = (lines[i].len() < 120).then(|| header(&lines[i])).flatten() else {
            i += 1;
            continue;
        };
        i += 1;
        while i < lines.len() && !lines[i].trim().is_empty() {
            if let Some(record) = row(&lines[i], &columns, k) {
                lines[i] = record;
            }
            i += 1;
        }
    }
}

/// One row read by its header's columns, as "Title — Director, Year,
/// Country, Language, N min" (what the row has).
fn row(line: &str, columns: &[Column], k: &Knowledge) -> Option<String> {
    // Trailing dots a page left for cells it cut (". . .").
    let mut words: Vec<&str> = line.split_whitespace().collect();
    while words
        .last()
        .is_some_and(|w| w.chars().all(|c| !c.is_alphanumeric()))
    {
        words.pop();
    }
    let mut cells: Vec<(Column, String)> = Vec::new();
    let mut left = 0;
    let mut right = words.len();
    let mut columns = columns;
    // From the left while the column is one a value shows.
    while let Some((&c, rest)) = columns.split_first() {
        if matches!(c, Column::Title | Column::Director) {
            break;
        }
        let n = cell_at_start(c, &words[left..right])?;
        cells.push((c, words[left..left + n].join(" ")));
        left += n;
        columns = rest;
    }
    while let Some((&c, rest)) = columns.split_last() {
        if matches!(c, Column::Title | Column::Director) {
            break;
        }
        let n = cell_at_end(c, &words[left..right])?;
        cells.push((c, words[right - n..right].join(" ")));
        right -= n;
        columns = rest;
    }
    let middle = &words[left..right];
    let (title, director) = match columns {
        [Column::Title] => (middle.join(" "), None),
        [Column::Title, Column::Director] => {
            let n = name_at_end(middle, k)?;
            (
                middle[..middle.len() - n].join(" "),
                Some(middle[middle.len() - n..].join(" ")),
            )
        }
        [Column::Director, Column::Title] => {
            let n = name_at_start(middle, k)?;
            (middle[n..].join(" "), Some(middle[..n].join(" ")))
        }
        _ => return None,
    };
    if title.is_empty() {
        return None;
    }
    let mut credits: Vec<String> = director.into_iter().collect();
    for column in [
        Column::Year,
        Column::Country,
        Column::Language,
        Column::Runtime,
    ] {
        if let Some((_, value)) = cells.iter().find(|(c, _)| *c == column) {
            credits.push(match column {
                Column::Runtime if value.bytes().all(|b| b.is_ascii_digit()) => {
                    format!("{value} min")
                }
                _ => value.clone(),
            });
        }
    }
    Some(if credits.is_empty() {
        title
    } else {
        format!("{title} — {}", credits.join(", "))
    })
}

/// How many words at the start of a row are the column's value.
fn cell_at_start(c: Column, words: &[&str]) -> Option<usize> {
    (1..=3.min(words.len()))
        .rev()
        .find(|&n| is_value(c, &words[..n]))
}

/// How many words at the end of a row are the column's value.
fn cell_at_end(c: Column, words: &[&str]) -> Option<usize> {
    let len = words.len();
    (1..=3.min(len))
        .rev()
        .find(|&n| is_value(c, &words[len - n..]))
}

/// Whether words are a value of the column.
fn is_value(c: Column, words: &[&str]) -> bool {
    let text = words.join(" ");
    let bare = |w: &str| w.trim_matches(|ch: char| !ch.is_alphanumeric()).to_string();
    match c {
        Column::Date => {
            // "2022-Sep", "Sep-15": numbers and calendar words joined.
            let joined = |w: &str| {
                let pieces: Vec<&str> = w.split(['-', '/', '.']).collect();
                pieces.len() >= 2
                    && pieces.iter().any(|p| is_calendar_word(&fold(p)))
                    && pieces.iter().all(|p| {
                        is_calendar_word(&fold(p))
                            || (1..=4).contains(&p.len()) && p.bytes().all(|x| x.is_ascii_digit())
                    })
            };
            let dated =
                |w: &str| is_date_token(w) || joined(w) || is_calendar_word(&fold(&bare(w)));
            words.iter().all(|w| {
                let b = bare(w);
                dated(w) || b.len() <= 2 && !b.is_empty() && b.bytes().all(|x| x.is_ascii_digit())
            }) && words.iter().any(|w| dated(w))
        }
        Column::Year => words.len() == 1 && is_year(&bare(words[0])),
        Column::Runtime => {
            super::runtime::parse(&text).is_some()
                || words.len() == 1
                    && bare(words[0])
                        .parse::<u32>()
                        .is_ok_and(|m| (1..=600).contains(&m))
        }
        Column::Country => text
            .split(['/', ','])
            .all(|p| !p.trim().is_empty() && country_name(p.trim()).is_some()),
        Column::Language => super::fields::is_language(&text),
        Column::Title | Column::Director => false,
    }
}

/// Whether words make a person's name: capitalised words (particles
/// inside), a known person or a given name first.
fn is_name(words: &[&str], k: &Knowledge) -> bool {
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=4).contains(&words.len())
        && capital(&words[0])
        && capital(&words[words.len() - 1])
        && words
            .iter()
            .all(|w| capital(w) || NAME_PARTICLES.contains(w))
        && (k.knows_person(&words.join(" ")) || is_given_name(words[0]))
}

/// How many words at the end are the director's name: a known person's
/// name first, else the longest name that leaves a title.
fn name_at_end(words: &[&str], k: &Knowledge) -> Option<usize> {
    let len = words.len();
    let fits = |n: usize| n < len && is_name(&words[len - n..], k);
    (2..=4)
        .rev()
        .find(|&n| fits(n) && k.knows_person(&words[len - n..].join(" ")))
        .or_else(|| (2..=4).rev().find(|&n| fits(n)))
}

/// How many words at the start are the director's name.
fn name_at_start(words: &[&str], k: &Knowledge) -> Option<usize> {
    let fits = |n: usize| n < words.len() && is_name(&words[..n], k);
    (2..=4)
        .rev()
        .find(|&n| fits(n) && k.knows_person(&words[..n].join(" ")))
        .or_else(|| (2..=4).find(|&n| fits(n) && !fits(n + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_under_a_header_become_records() {
        let k = Knowledge::default();
        let mut lines: Vec<String> = [
            "Date Film Title Director(s) Year Country",
            "2022-Sep The Discreet Charm of the Bourgeoisie Luis Buñuel 1972 France",
            "2022-Oct Sambizanga Sarah Maldoror 1972 Angola . . .",
            "2022-Nov The Bitter Tears of Petra von Kant Rainer Werner Fassbinder 1972 West Germany",
            "2022-Dec Love in the Afternoon Eric Rohmer 1972 France",
            "",
            "2022-Dec Not a row Eric Rohmer 1972 France",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        rewrite_rows(&mut lines, &k);
        assert_eq!(
            &lines[1..5],
            [
                "The Discreet Charm of the Bourgeoisie — Luis Buñuel, 1972, France",
                "Sambizanga — Sarah Maldoror, 1972, Angola",
                "The Bitter Tears of Petra von Kant — Rainer Werner Fassbinder, 1972, West Germany",
                "Love in the Afternoon — Eric Rohmer, 1972, France",
            ]
        );
        assert_eq!(lines[6], "2022-Dec Not a row Eric Rohmer 1972 France");
        assert!(is_header("Date Film Title Director(s) Year Country"));
        // Words that are not all column names make no header.
        assert!(!is_header("The Year of the Country Film"));
        assert!(!is_header("Film Year"));
    }

    #[test]
    fn a_row_that_does_not_fit_stays() {
        let k = Knowledge::default();
        let columns = header("Title Director Year").unwrap();
        assert_eq!(row("Strike 1925", &columns, &k), None);
        assert_eq!(
            row("Strike Sergei Eisenstein 1925", &columns, &k).as_deref(),
            Some("Strike — Sergei Eisenstein, 1925")
        );
    }
}

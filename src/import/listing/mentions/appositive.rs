//! Titles in running text followed by what they are: "draait Peterloo,
//! een film gebaseerd op…", "They Shall Not Grow Old, a documentary by
//! Peter Jackson". A comma, an indefinite article and a film word right
//! after a capitalised run say the run is a film's title; its makers may
//! follow the film word.

use super::super::inline::title_start;
use super::*;

/// Indefinite articles before a film word in an apposition (folded).
const ARTICLES: &[&str] = &[
    "a", "an", "een", "un", "une", "una", "uno", "ein", "eine", "einen", "um", "uma", "en", "ett",
];

/// Words after a film word that make it a person's or a body's trade,
/// not what the title is ("a film director", "un film club").
const TRADES: &[&str] = &[
    "director",
    "directors",
    "maker",
    "makers",
    "critic",
    "critics",
    "festival",
    "club",
    "society",
    "school",
    "historian",
    "programmer",
    "crew",
    "studio",
    "producer",
    "star",
];

/// The titles (and makers, when the apposition names them) of a paragraph
/// named in an apposition with a film word.
pub(super) fn appositive_films(text: &str) -> Vec<(String, Option<String>, Option<i32>)> {
    let mut out = Vec::new();
    for (comma, _) in text.match_indices(", ") {
        let after = &text[comma + 2..];
        // The article and the three words after it, with their offsets.
        let words: Vec<(usize, &str)> = super::super::fields::words_at(after)
            .into_iter()
            .take(4)
            .collect();
        let Some(&(_, article)) = words.first() else {
            continue;
        };
        if !ARTICLES.contains(&fold(article).as_str()) {
            continue;
        }
        // The film word, maybe after one adjective ("a short documentary").
        let next: Vec<&str> = words[1..].iter().map(|&(_, w)| w).collect();
        let Some(at) = next.iter().take(2).position(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            FILM_WORDS.contains(&fold(w).as_str())
        }) else {
            continue;
        };
        let trade = next
            .get(at + 1)
            .is_some_and(|w| TRADES.contains(&fold(w).as_str()));
        if trade {
            continue;
        }
        // The title: the capitalised run that ends the clause before the
        // comma.
        // (Only the clause's last words matter: a window keeps a long
        // paragraph's many commas from costing its length each.)
        let mut from = comma.saturating_sub(240);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let before = &text[from..comma];
        let clause = &before[super::super::fields::after_last(
            before,
            &[", ", ": ", ". ", "; ", "? ", "! ", "(", ")"],
        )..];
        let clause_words: Vec<&str> = clause.split_whitespace().collect();
        // After a film word the clause has ("som gjort filmen Dröm
        // vidare"), else where a title starts after a clause's words.
        let after_film_word = clause_words
            .iter()
            .rposition(|w| super::super::inline::is_film_word(w))
            .map(|at| at + 1)
            .filter(|&at| at < clause_words.len());
        let Some(start) = after_film_word.or_else(|| title_start(&clause_words)) else {
            continue;
        };
        let title = clause_words[start..].join(" ");
        let title = title.trim_matches(|c: char| "\"“”«»'‘’*_".contains(c));
        let capitalised = title
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !capitalised || title.split_whitespace().count() > 10 {
            continue;
        }
        // "…, een documentaire van Peter Jackson": who made it.
        let (offset, word) = words[at + 1];
        let film_word_end = offset + word.len();
        let makers = super::super::names::makers_after(&after[film_word_end..])
            .map(|(who, _)| who.join(", "));
        // "Bastard Boys, a 2007 dramatisation of…": the year the
        // apposition gives.
        let year = next[..at]
            .iter()
            .find(|w| super::super::credits::is_year(w))
            .and_then(|w| w.parse().ok());
        out.push((title.to_string(), makers, year));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_and_what_it_is() {
        assert_eq!(
            appositive_films("VEENENDAAL - Woensdag 1 mei, om 20.00u, draait Peterloo, een film gebaseerd op het bloedbad"),
            [("Peterloo".to_string(), None, None)]
        );
        assert_eq!(
            appositive_films("They Shall Not Grow Old, a documentary by Peter Jackson, tells"),
            [(
                "They Shall Not Grow Old".to_string(),
                Some("Peter Jackson".to_string()),
                None
            )]
        );
    }

    #[test]
    fn after_a_film_word() {
        assert_eq!(
            appositive_films("Rojda Sekersöz som gjort filmen Dröm vidare, en film som tar upp"),
            [("Dröm vidare".to_string(), None, None)]
        );
    }

    #[test]
    fn the_year_the_apposition_gives() {
        assert_eq!(
            appositive_films("Bastard Boys, a 2007 dramatisation of the 1998 waterfront dispute."),
            [("Bastard Boys".to_string(), None, Some(2007))]
        );
    }

    #[test]
    fn a_trade_is_no_film() {
        assert!(appositive_films("We met Ken Loach, a film director of note").is_empty());
        assert!(appositive_films("We went to Manchester, a city of mills").is_empty());
    }
}

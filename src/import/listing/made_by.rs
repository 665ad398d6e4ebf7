//! Films named in running text with who made them: a comma and the
//! director ("Recursos humanos, del francés Laurent Cantet", "A Camareira,
//! estreia de Lila Avilés"), a directing verb ("Mario Monicelli dirige I
//! compagni"), or a film word with the maker before or after the title
//! ("il film di Nicholas Philibert In ogni istante", "del film On va tout
//! Péter di Lech Kowalski"). The maker's name says where the title ends, so
//! these readers may take titles no list or quotation marks.

use super::credits::Part;
use super::fields::is_name_shaped;
use super::inline::{is_film_word, title_start};

/// Titles followed by a comma and their director ("Recursos humanos, del
/// francés Laurent Cantet", "Matewan, by John Sayles"). The title is the
/// capitalised run before the comma, after any words in lower case that
/// open its clause ("se proyecta", "la española"); a country in
/// parentheses after it is left out.
pub(super) fn comma_by(text: &str) -> Vec<(String, String, Vec<Part>)> {
    let segments: Vec<&str> = text.split([',', ';', ':']).collect();
    let mut out = Vec::new();
    for pair in segments.windows(2) {
        let (before, after) = (pair[0].trim(), pair[1]);
        // "A Camareira, estreia de Lila Avilés", "…, the debut by X": a
        // word or two saying what the film is may come before "de".
        let lead = after
            .split_whitespace()
            .take_while(|w| {
                is_film_word(w) || MAKING_WORDS.contains(&crate::text::fold(w).as_str())
            })
            .take(2)
            .last();
        // (From the end of that word, wherever it stands.)
        let after = match lead {
            Some(w) => &after[w.as_ptr() as usize - after.as_ptr() as usize + w.len()..],
            None => after,
        };
        let Some(rest) = [
            " directed by ",
            " dirigido por ",
            " dirigida por ",
            " réalisé par ",
            " regia di ",
            " diretto da ",
            " realizado por ",
            " de ",
            " del ",
            " di ",
            " by ",
            " von ",
            " da ",
            " dei ",
            " do ",
            " dos ",
            " della ",
        ]
        .iter()
        .find_map(|by| after.strip_prefix(by)) else {
            continue;
        };
        // A demonym in lower case may come first: "del italiano Gianni".
        let words: Vec<&str> = rest.split_whitespace().collect();
        let skip = usize::from(
            words
                .first()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)),
        );
        let mut name: Vec<&str> = Vec::new();
        let from = skip.min(words.len());
        for (i, w) in words.iter().enumerate().skip(from) {
            if !(w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "y" | "e" | "and" | "et" | "de" | "van" | "von"))
            {
                break;
            }
            // "di Carlo Mazzacurati Una delle prime pellicole": the text
            // about the film starts.
            if super::names::opens_sentence_after(&name, w, words.get(i + 1).copied()) {
                break;
            }
            // A full stop ends the name with the sentence: "Paulo Rocha.
            // Mañana, domingo…".
            if let Some(last) = w.strip_suffix('.').filter(|l| l.chars().count() > 1) {
                name.push(last);
                break;
            }
            name.push(w);
        }
        let mut name = name.join(" ");
        for joiner in [" y", " e", " and", " et", " de", " van", " von"] {
            if let Some(n) = name.strip_suffix(joiner) {
                name = n.to_string();
            }
        }
        if !is_name_shaped(&name) || name.split_whitespace().count() > 6 {
            continue;
        }
        // The title: from its first capitalised word (after the last
        // bullet: "… fine Ottocento • La classe operaia va in Paradiso"),
        // a country in parentheses after it left out.
        let mut title = before
            .rsplit(['•', '▪', '■', '◦', '|'])
            .next()
            .unwrap_or(before)
            .trim();
        let mut parts = Vec::new();
        if let Some(open) = title.rfind(" (") {
            if title.ends_with(')') {
                let inner = &title[open + 2..title.len() - 1];
                if super::fields::country_name(inner).is_some() {
                    parts.push(Part::Country(inner.to_string()));
                }
                title = title[..open].trim();
            }
        }
        let words: Vec<&str> = title.split_whitespace().collect();
        let Some(start) = title_start(&words) else {
            continue;
        };
        let mut title: Vec<&str> = words[start..].to_vec();
        // "1991 – Riff Raff, di Ken Loach": a timeline's year before the
        // title.
        if title.len() > 2
            && super::credits::is_year(title[0])
            && ["–", "—", "-", ":"].contains(&title[1])
        {
            parts.extend(title[0].parse().ok().map(Part::Year));
            title.drain(..2);
        }
        if title.is_empty() || title.len() > 8 {
            continue;
        }
        let title = title.join(" ");
        if title.contains(['"', '“', '”', '«', '»'])
            || super::fields::context_reason(&title).is_some()
        {
            continue;
        }
        out.push((title, name, parts));
    }
    out
}

/// Words that say which of its maker's films a film is, before "de"/"by"
/// ("estreia de Lila Avilés", "the debut by …"; folded).
const MAKING_WORDS: &[&str] = &[
    "estreia", "debut", "debutto", "esordio", "opera", "obra", "classico", "classic", "premier",
    "primer", "primeiro", "primo", "ultimo", "last", "first", "new", "nuevo", "novo", "nuovo",
    "nouveau", "dernier",
];

/// Films named right after a film word, with who made them: "del film On
/// va tout Péter di Lech Kowalski, vincitore…" (title, then its maker) or
/// "con il film di Nicholas Philibert In ogni istante." (maker, then the
/// title, to the end of the clause). The title starts with a capital and
/// is short.
pub(super) fn after_film_word(text: &str) -> Vec<(String, String)> {
    let words = super::fields::words_at(text);
    let capital = opens_capitalised;
    let mut out = Vec::new();
    for (n, &(at, w)) in words.iter().enumerate() {
        // A film word in lower case ("il film", "the documentary").
        if !is_film_word(w) || !w.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let rest = &text[at + w.len()..];
        // The maker first: "film di Nicholas Philibert In ogni istante".
        if let Some((who, after)) = super::names::makers_after(rest) {
            let clause = after
                .trim_start()
                .split([',', '.', ';', ':', '('])
                .next()
                .unwrap_or("")
                .trim();
            let n_words = clause.split_whitespace().count();
            if capital(clause) && (1..=8).contains(&n_words) && !is_name_shaped(clause) {
                out.push((clause.to_string(), who.join(", ")));
            }
            continue;
        }
        // The title first, then "di"/"de"/"by" and its maker.
        let Some(&(_, first)) = words.get(n + 1) else {
            continue;
        };
        if !capital(first) {
            continue;
        }
        // "i filmen Taxiklubben, där vi följer…": a capitalised run that
        // ends its clause is the title alone.
        // (Not after a film word that ends a clause: "del filme, Ricky,
        // quien…".)
        let clause_ends = w.ends_with(|c: char| !c.is_alphanumeric());
        if let Some(title) = capitalised_clause(&words[n + 1..]).filter(|_| !clause_ends) {
            if !is_name_shaped(&title) {
                out.push((title, String::new()));
            }
            continue;
        }
        for m in n + 2..(n + 10).min(words.len()) {
            let (by_at, by) = words[m];
            if by.ends_with([',', '.', ';', ':']) {
                break;
            }
            if !["di", "de", "by", "von", "da"].contains(&by) {
                continue;
            }
            let title = text[words[n + 1].0..by_at].trim();
            if let Some((who, _)) = super::names::makers_after(&text[by_at..]) {
                if !is_name_shaped(title) {
                    out.push((title.to_string(), who.join(", ")));
                }
            }
            break;
        }
    }
    out
}

/// A run of capitalised words (short words in lower case inside it) that
/// ends with a comma, a full stop or a semicolon: a title by its shape.
fn capitalised_clause(words: &[(usize, &str)]) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for &(_, w) in words.iter().take(6) {
        let bare = w.trim_end_matches([',', '.', ';']);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let small =
            !run.is_empty() && bare.chars().count() <= 3 && bare.chars().all(char::is_lowercase);
        if !(capital || small) {
            return None;
        }
        run.push(bare);
        if bare.len() != w.len() {
            return capital.then(|| run.join(" "));
        }
    }
    None
}

/// Whether a word opens with a capital or a digit, as a title's or a
/// name's words do.
fn opens_capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Verbs that say a person directed a film, between the person and the
/// title: "Mario Monicelli dirige I compagni", "Michael Powell directs Red
/// Ensign", "Jean-Pierre Thorn réalise …".
const DIRECTS: &[&str] = &[
    "dirige", "directs", "directed", "realise", "réalise", "réalisa", "dreht", "drehte", "gira",
    "girò", "rueda", "rodó", "filma", "filmó", "firma",
];

/// Words that end a title in running text: relative pronouns and the
/// like ("Fantozzi che…", "Strike, which…").
const TITLE_ENDS: &[&str] = &[
    "che",
    "qui",
    "que",
    "which",
    "who",
    "that",
    "der",
    "die",
    "das",
    "dove",
    "où",
    "donde",
    "pellicola",
    "film",
];

/// Films named after a directing verb, with their director before it:
/// "1963 – Mario Monicelli dirige I compagni, in cui degli operai…". The
/// title runs from the verb to the first comma, full stop, exclamation or
/// question mark (kept: "Sciopero!") or a word that opens a clause; it
/// opens with a capital and has at most eight words. A year opening the
/// sentence ("1925 – …") is the film's.
pub(super) fn directed_by_verb(text: &str) -> Vec<(String, String, Option<i32>)> {
    let mut out = Vec::new();
    // (Cut at full stops, not after initials: "Herbert J. Biberman
    // dirige …".)
    for sentence in super::credits::sentences(text) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let year = words
            .first()
            .filter(|w| super::credits::is_year(w))
            .and_then(|w| w.parse::<i32>().ok())
            .filter(|_| {
                words
                    .get(1)
                    .is_some_and(|w| ["–", "—", "-", ":"].contains(w))
            });
        for (v, w) in words.iter().enumerate() {
            if v < 2 || !DIRECTS.contains(&w.to_lowercase().as_str()) {
                continue;
            }
            // The director: the capitalised run before the verb.
            let mut from = v;
            while from > 0
                && words[from - 1]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            {
                from -= 1;
            }
            // "L’americano Herbert J. Biberman": an elided article opens
            // the phrase, not the name.
            while from < v && words[from].contains(['’', '\'']) {
                from += 1;
            }
            let who = words[from..v].join(" ");
            if !is_name_shaped(&who) {
                continue;
            }
            let mut title: Vec<&str> = Vec::new();
            for t in &words[v + 1..] {
                let bare = t.trim_end_matches([',', '.', ';', ':', '!', '?']);
                if !title.is_empty() && TITLE_ENDS.contains(&bare.to_lowercase().as_str()) {
                    break;
                }
                if t.ends_with(['!', '?']) {
                    title.push(t);
                    break;
                }
                title.push(bare);
                if bare.len() < t.len() || title.len() > 8 {
                    break;
                }
            }
            let opens = title
                .first()
                .and_then(|t| t.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if opens && (1..=8).contains(&title.len()) {
                out.push((title.join(" "), who, year));
            }
        }
    }
    out
}

/// Titles a sentence's shape gives in a numbered list about films: "1) In
/// I'm Alright, Jack, a militant shop steward…" (after "In" at the item's
/// start, to a comma before a word in lower case), and "Guy Debord's first
/// feature, The Society and the Spectacle, mixes…" (between commas right
/// after a film word), with the possessor before the film word as its
/// maker.
/// `listed` says the text is a list item whose mark the reader already took
/// off; otherwise the text must start with its number.
pub(super) fn titles_in_sentences(text: &str, listed: bool) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let capital = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
    // The item's number: "1)", "2.", "3 -".
    let numbered = text.split_whitespace().next().is_some_and(|w| {
        let d = w.trim_end_matches([')', '.', '-', ':']);
        !d.is_empty() && d.len() <= 2 && d.bytes().all(|b| b.is_ascii_digit()) && d.len() < w.len()
    });
    let body = if numbered {
        text.split_once(' ').map_or("", |(_, b)| b).trim_start()
    } else if listed {
        text.trim_start()
    } else {
        return out;
    };
    // "In I'm Alright, Jack, a militant…".
    if let Some(rest) = body.strip_prefix("In ") {
        let mut end = None;
        for (at, _) in rest.match_indices(", ") {
            let next = rest[at + 2..].split_whitespace().next().unwrap_or("");
            if next.chars().next().is_some_and(char::is_lowercase) {
                end = Some(at);
                break;
            }
        }
        if let Some(end) = end {
            let title = rest[..end].trim();
            let n = title.split_whitespace().count();
            if capital(title)
                && (1..=8).contains(&n)
                && !title.chars().next().is_some_and(|c| c.is_ascii_digit())
            {
                out.push((title.to_string(), None));
            }
        }
    }
    // "Guy Debord's first feature, The Society and the Spectacle, mixes".
    for (at, _) in body.match_indices(", ") {
        let before: Vec<&str> = body[..at].split_whitespace().collect();
        if !before.last().is_some_and(|w| is_film_word(w)) {
            continue;
        }
        let rest = &body[at + 2..];
        let Some((title, _)) = rest.split_once(", ") else {
            continue;
        };
        let n = title.split_whitespace().count();
        if !capital(title) || !(1..=8).contains(&n) || is_name_shaped(title) {
            continue;
        }
        let maker = before
            .iter()
            .position(|w| w.ends_with("'s") || w.ends_with("’s"))
            .and_then(|p| super::names::possessor(&before, p));
        out.push((title.to_string(), maker));
    }
    out
}

/// Films named with their maker's possessive and what they are: "Michael
/// Powell's 1934 drama Red Ensign, a story of…", "Ken Loach's documentary
/// The Spirit of '45." — a name with "'s", a year or a film word (or both),
/// then the title to the next comma, full stop or word in lower case that
/// opens a clause.
pub(super) fn possessive_makers(text: &str) -> Vec<(String, String, Option<i32>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = opens_capitalised;
    let mut out = Vec::new();
    for n in 0..words.len() {
        let Some(who) = super::names::possessor(&words, n) else {
            continue;
        };
        let mut i = n + 1;
        let mut year = None;
        if let Some(y) = words.get(i).filter(|y| super::credits::is_year(y)) {
            year = y.parse().ok();
            i += 1;
        }
        // What it is: a film word or a genre, maybe after an adjective.
        let kind_at = (i..(i + 2).min(words.len())).find(|&j| {
            let f = crate::text::fold(words[j].trim_matches(|c: char| !c.is_alphanumeric()));
            // In running text, in lower case ("a new Film Club" is a name).
            words[j].chars().next().is_some_and(char::is_lowercase)
                && (is_film_word(words[j])
                    || super::credits::KIND_WORDS.contains(&f.as_str())
                    || f == "drama")
        });
        let Some(kind_at) = kind_at else {
            continue;
        };
        let mut title: Vec<&str> = Vec::new();
        for t in &words[kind_at + 1..] {
            let bare = t.trim_end_matches([',', '.', ';', ':', ')']);
            if title.is_empty() && !capital(bare) {
                break;
            }
            if !title.is_empty()
                && bare.chars().next().is_some_and(char::is_lowercase)
                && !["of", "the", "and", "in", "a", "to", "on"].contains(&bare)
            {
                break;
            }
            title.push(bare);
            if bare.len() < t.len() || title.len() == 8 {
                break;
            }
        }
        if !title.is_empty() {
            out.push((title.join(" "), who, year));
        }
    }
    out
}

/// Films named after their maker's name in the German genitive, with no
/// apostrophe: "Volker Koepps Dokumentarfilm Die Wismut (1993)", "In Karl
/// Grunes Schlagende Wetter (1923) läuft…". A given name, a surname ending
/// in "s", then a film word or a title with its year in parentheses; the
/// maker is the name without its "s".
pub(super) fn genitive_makers(text: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capital = opens_capitalised;
    let mut out = Vec::new();
    for n in 1..words.len() {
        let (given, word) = (words[n - 1], words[n]);
        let Some(surname) = word.strip_suffix('s') else {
            continue;
        };
        if !super::fields::is_given_name(given)
            || !capital(given)
            || !capital(surname)
            || surname.chars().count() < 3
            || !surname.chars().all(char::is_alphabetic)
        {
            continue;
        }
        let film_word = words.get(n + 1).is_some_and(|w| {
            let f = crate::text::fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
            super::sentences::FILM_WORDS.contains(&f.as_str())
                || super::credits::KIND_WORDS.contains(&f.as_str())
        });
        let from = n + 1 + usize::from(film_word);
        // The title: capitalised words to a parenthesis, a comma or a full
        // stop (short words in lower case inside it).
        let mut title: Vec<&str> = Vec::new();
        let mut dated = false;
        for (j, t) in words.iter().enumerate().skip(from).take(8) {
            let bare = t.trim_end_matches([',', '.', ';', ':']);
            if !(capital(bare) || !title.is_empty() && bare.chars().count() <= 3) {
                break;
            }
            title.push(bare);
            if bare.len() < t.len() {
                break;
            }
            if let Some(next) = words.get(j + 1).filter(|w| w.starts_with('(')) {
                let inner = next.trim_matches(|c: char| !c.is_alphanumeric());
                dated = super::credits::is_year(inner)
                    || words.get(j + 2).is_some_and(|y| {
                        super::credits::is_year(y.trim_matches(|c: char| !c.is_alphanumeric()))
                    });
                break;
            }
        }
        if !title.is_empty() && (film_word || dated) {
            out.push((title.join(" "), format!("{given} {surname}")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makers_in_the_german_genitive() {
        assert_eq!(
            genitive_makers("Volker Koepps Dokumentarfilm Die Wismut (1993) begibt sich"),
            [("Die Wismut".to_string(), "Volker Koepp".to_string())]
        );
        assert_eq!(
            genitive_makers("In Karl Grunes Schlagende Wetter (1923) läuft alles"),
            [("Schlagende Wetter".to_string(), "Karl Grune".to_string())]
        );
        assert!(genitive_makers("Thomas Manns Roman Buddenbrooks ist").is_empty());
        assert!(genitive_makers("den Bergarbeiter Thomas (Eugen Klöpfer) heiratet").is_empty());
    }

    #[test]
    fn titles_between_bullets_with_their_directors() {
        let text = "IL LAVORO ieri • L’albero degli zoccoli, di Ermanno Olmi narra la vita in una cascina di fine Ottocento • La classe operaia va in Paradiso, di Elio Petri Un classico del 1971 • Vesna va veloce, di Carlo Mazzacurati Una delle prime pellicole • Tutta la vita davanti, di Paolo Virzì Liberamente ispirato al libro";
        let pairs = |t: &str| -> Vec<(String, String)> {
            comma_by(t).into_iter().map(|(t, n, _)| (t, n)).collect()
        };
        assert_eq!(
            pairs(text),
            [
                (
                    "L’albero degli zoccoli".to_string(),
                    "Ermanno Olmi".to_string()
                ),
                (
                    "La classe operaia va in Paradiso".to_string(),
                    "Elio Petri".to_string()
                ),
                (
                    "Vesna va veloce".to_string(),
                    "Carlo Mazzacurati".to_string()
                ),
                (
                    "Tutta la vita davanti".to_string(),
                    "Paolo Virzì".to_string()
                ),
            ]
        );
        // What the film is, before "de"; a demonym after it.
        assert_eq!(
            pairs("além de Mamma Roma, de Pier Paolo Pasolini, e A Camareira, estreia de Lila Avilés que representou o México; e A Pequena Vendedora de Sol, do senegalês Djibril Diop Mambéty, exibido"),
            [
                ("Mamma Roma".to_string(), "Pier Paolo Pasolini".to_string()),
                ("A Camareira".to_string(), "Lila Avilés".to_string()),
                ("A Pequena Vendedora de Sol".to_string(), "Djibril Diop Mambéty".to_string()),
            ]
        );
        // A country in parentheses after the title is the film's.
        assert_eq!(
            comma_by("a las 22.00, Un hombre sin importancia (Irlanda), de Suri Krishnamma, y"),
            [(
                "Un hombre sin importancia".to_string(),
                "Suri Krishnamma".to_string(),
                vec![Part::Country("Irlanda".to_string())]
            )]
        );
        // A given name before the last word keeps it: the surname.
        assert_eq!(
            pairs("Rosetta, di Jean-Pierre e Luc Dardenne racconta una ragazza"),
            [(
                "Rosetta".to_string(),
                "Jean-Pierre e Luc Dardenne".to_string()
            )]
        );
    }

    #[test]
    fn titles_a_sentence_gives_in_a_numbered_list() {
        assert_eq!(
            titles_in_sentences("1) In I'm Alright, Jack, a militant shop steward uses a dopey young aristocrat as a pawn.", false),
            [("I'm Alright, Jack".to_string(), None)]
        );
        assert_eq!(
            titles_in_sentences("Guy Debord's first feature, The Society and the Spectacle, mixes archival images of the May 1968 strikes.", true),
            [(
                "The Society and the Spectacle".to_string(),
                Some("Guy Debord".to_string())
            )]
        );
        // Not numbered: any sentence may open with "In Detroit, …".
        assert!(titles_in_sentences("In Detroit, the workers struck.", false).is_empty());
        assert!(titles_in_sentences("2) In 1968, the workers struck.", false).is_empty());
    }

    #[test]
    fn films_after_their_makers_possessive() {
        assert_eq!(
            possessive_makers("Films included Michael Powell's 1934 drama Red Ensign, a story of romance on Clydeside."),
            [(
                "Red Ensign".to_string(),
                "Michael Powell".to_string(),
                Some(1934)
            )]
        );
        // Without a year or a film word it says nothing: "Britain's rich
        // shipbuilding heritage".
        assert!(possessive_makers("celebrating Britain's rich shipbuilding heritage.").is_empty());
        assert!(possessive_makers("Ken Loach's new Film Club opens.").is_empty());
    }

    #[test]
    fn titles_right_after_a_film_word() {
        assert_eq!(
            after_film_word("come l'anteprima del film On va tout Péter di Lech Kowalski, vincitore dell'ultimo Filmmaker Festival, e quella con il film di Nicholas Philibert In ogni istante."),
            [
                ("On va tout Péter".to_string(), "Lech Kowalski".to_string()),
                ("In ogni istante".to_string(), "Nicholas Philibert".to_string()),
            ]
        );
        // A film word with no maker names nothing; nor does a person.
        assert!(after_film_word("the film Pride was shown twice.").is_empty());
        assert!(after_film_word("il film di Ken Loach Paul Laverty, sceneggiatore.").is_empty());
        // A capitalised run that ends its clause is the title alone.
        assert_eq!(
            after_film_word("huvudkaraktär i filmen Taxiklubben, där vi följer"),
            [("Taxiklubben".to_string(), String::new())]
        );
        assert!(after_film_word("del filme, Ricky, quien lleva").is_empty());
        assert!(after_film_word("esta película. Así, el rodaje").is_empty());
    }

    #[test]
    fn films_after_a_directing_verb() {
        let text = "1925 – Il regista sovietico Sergej Ejzenstejn dirige Sciopero! pellicola dai chiari intenti. 1963 – Mario Monicelli dirige I compagni, in cui degli operai scioperano. 1975 – Luciano Salce dirige il primo Fantozzi che fa ridere.";
        assert_eq!(
            directed_by_verb(text),
            [
                (
                    "Sciopero!".to_string(),
                    "Sergej Ejzenstejn".to_string(),
                    Some(1925)
                ),
                (
                    "I compagni".to_string(),
                    "Mario Monicelli".to_string(),
                    Some(1963)
                ),
            ]
        );
    }
}

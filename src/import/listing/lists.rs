//! Lists of titles in running text: the phrases that open them ("films
//! such as", "des films comme", "tra cui"), a text cut into sentences at
//! the marks that end them, and a list cut into its items (at commas and
//! the last "and", never inside quotation marks), each item short and
//! capitalised, the list ending at the first item that is not.

use super::quotes::QUOTE_PAIRS;

/// Phrases after which a list of film titles follows (folded).
pub(super) const FILM_LISTS: &[&str] = &[
    "films such as",
    "films like",
    "films including",
    "films include",
    "films including the",
    "movies such as",
    "titles such as",
    "documentaries such as",
    "we will show",
    "des films comme",
    "films comme",
    "films tels que",
    "filme wie",
    "filmen wie",
    "peliculas como",
    "titulos como",
    "obras como",
    "titoli come",
    "titres comme",
    "titulos como",
    "films como",
    "film come",
    "film quali",
    "filmes como",
    "filmy takie jak",
    "film in programma",
    "the programme includes",
    "programme includes",
    "line up includes",
];

/// Phrases after which a list of things follows, films or not (folded).
pub(super) const LISTS: &[&str] = &[
    "such as",
    "including",
    "entre las que destacan",
    "entre los que destacan",
    "destacan",
    "destacam",
    "entre ellas",
    "entre ellos",
    "entre eles",
    "tra cui",
    "darunter",
    "parmi lesquels",
    "parmi lesquelles",
    "like",
    "among them",
    "comme",
    "wie",
    "como",
    "come",
];

/// The last item of a list in running text without the clause that
/// tells what the films do: "Strikebound que narran conflictos laborales"
/// → "Strikebound" (a relative pronoun, then only words in lower case).
pub(super) fn without_relative_clause(item: &str) -> &str {
    const PRONOUNS: &[&str] = &[
        "que", "qui", "which", "that", "who", "che", "die", "welche", "som", "cui",
    ];
    let words = super::fields::words_at(item);
    for (n, (at, w)) in words.iter().enumerate().skip(1) {
        let tail = &words[n + 1..];
        if PRONOUNS.contains(w)
            && tail.len() >= 2
            && tail
                .iter()
                .all(|(_, t)| !t.chars().next().is_some_and(|c| c.is_uppercase()))
        {
            return item[..*at].trim_end();
        }
    }
    item
}

/// A paragraph cut into sentences after ".", "!", "?" and ";", keeping
/// each mark; a mark followed by a comma or a closing parenthesis ends a
/// title, not a sentence ("¡Qué verde era mi valle!, Matewan").
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | ';') {
            continue;
        }
        if matches!(chars.peek(), Some((_, ',' | ')'))) {
            continue;
        }
        let end = i + c.len_utf8();
        out.push(&text[start..end]);
        start = end;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Lists of three or more title-shaped items in parentheses ("(Daens,
/// Harlan County USA, La huelga)"), each list whole or not at all.
pub(super) fn parenthesised_lists(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (open, close) in super::fields::parentheses(text) {
        let inner = &text[open + 1..close];
        if inner.contains('(') || inner.matches(',').count() < 2 {
            continue;
        }
        let items = list_items(inner);
        // Every piece an item (a list stops at its first non-title), none
        // a year or credits.
        let pieces = inner.split([',', ';']).count();
        if items.len() >= 3
            && items.len() >= pieces
            && items
                .iter()
                .all(|i| !i.bytes().all(|b| b.is_ascii_digit() || b == b' '))
        {
            out.push(items);
        }
    }
    out
}

/// The items of a list in running text: "Norma Rae, Silkwood and Blue
/// Collar." → three items; an item must start with a capital (or a quote)
/// and be short; the list stops at the first item that is not one.
pub(super) fn list_items(list: &str) -> Vec<String> {
    // Asides in parentheses are no items: "Itaker di Toni Trupia (presente
    // il regista)".
    let mut bare = String::new();
    let mut depth = 0usize;
    for c in list.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    let list = bare.as_str();
    // "I film in programma sono: Pane e cioccolata…", "films we show are:
    // …": a few words in lower case and a colon before the items.
    let list = match list.split_once(':') {
        Some((head, items))
            if head.split_whitespace().count() <= 3
                && !head.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()) =>
        {
            items
        }
        _ => list,
    };
    let list = list.trim();
    let list = list.trim_end_matches(['.', '!', '?', ';', ')']);
    let mut items = Vec::new();
    for piece in quote_aware_split(list) {
        for item in split_and(piece) {
            let item = item.trim();
            if item.is_empty() {
                continue;
            }
            let starts = item
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«„'¡¿".contains(c));
            if !starts || item.split_whitespace().count() > 12 {
                return items;
            }
            items.push(item.to_string());
        }
    }
    items
}

/// A list cut at its commas and semicolons, except inside a quoted item
/// ("'Esther & de wet, de zaak tegen Shell' van Tatiana Scheltema").
pub(super) fn quote_aware_split(list: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut closer: Option<char> = None;
    let mut item_start = true;
    for (i, c) in list.char_indices() {
        match closer {
            Some(close) if c == close => {
                // An apostrophe inside a word closes nothing ("zo'n").
                let next = list[i + c.len_utf8()..].chars().next();
                if !(matches!(c, '\'' | '’') && next.is_some_and(char::is_alphanumeric)) {
                    closer = None;
                }
            }
            Some(_) => {}
            None if item_start && !c.is_whitespace() => {
                closer = QUOTE_PAIRS.iter().find(|(o, _)| *o == c).map(|&(_, cl)| cl);
                item_start = false;
            }
            None if c == ',' || c == ';' => {
                out.push(&list[start..i]);
                start = i + 1;
                item_start = true;
            }
            None => {}
        }
    }
    out.push(&list[start..]);
    out
}

/// A list piece cut at its last "and"/"et"/"und"/"y"/"e"/"i"/"or".
pub(super) fn split_and(piece: &str) -> Vec<&str> {
    for joiner in [
        " and ", " et ", " und ", " y ", " e ", " i ", " or ", " o ", " ou ", " oder ", " & ",
    ] {
        if let Some((a, b)) = piece.rsplit_once(joiner) {
            // "“Lossers and Winners”": a joiner inside quotation marks is
            // part of the title.
            let straight = a.matches('"').count() % 2 == 1;
            let curly = a.matches(['“', '«', '„']).count() > a.matches(['”', '»']).count();
            if straight || curly {
                continue;
            }
            // Inside a title ("Pane e cioccolata") the word after the
            // joiner is in lower case; a next item starts with a capital.
            if b.trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || "\"“«'".contains(c))
                && !a.trim().is_empty()
            {
                return vec![a, b];
            }
        }
    }
    vec![piece]
}

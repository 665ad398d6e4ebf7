//! Quotation marks in the languages of listings: which marks pair up
//! ("…", «…», „…“, ‘…’, the marks of works in Korean, Chinese and
//! Japanese), where a quotation closes (an apostrophe inside a word closes
//! nothing), the quoted spans of a text, and a line that is a press
//! quotation. Titles are quoted more often than anything else a listing
//! says, so every reader of running text asks here.

/// Quotation marks in the languages of listings, opening and closing.
pub(super) const QUOTE_PAIRS: [(char, char); 18] = [
    ('"', '"'),
    // The marks of works in Korean, Chinese and Japanese text (and their
    // ASCII stand-in): "오전 11시 <미국민중사1>".
    ('<', '>'),
    ('〈', '〉'),
    ('《', '》'),
    ('「', '」'),
    ('『', '』'),
    ('＜', '＞'),
    ('“', '”'),
    // A page may close with another mark than it opened with.
    ('“', '"'),
    ('"', '”'),
    ('«', '»'),
    ('„', '“'),
    ('„', '”'),
    ('»', '«'),
    ('‘', '’'),
    // "‘Los Tortuga‘ de Belén Funes": a page may close a single quotation
    // with the opening mark (see `find_close`).
    ('‘', '‘'),
    ('‹', '›'),
    ('\'', '\''),
];

/// The quoted spans of a text in the order they open, marks of any
/// language ("<보라보라>", "«Coal Face»", "“Pride”"); an apostrophe inside a
/// word opens nothing.
pub(super) fn quoted(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let next = QUOTE_PAIRS
            .iter()
            .filter_map(|&(open, close)| {
                let i = at + text[at..].find(open)?;
                let before = text[..i].chars().next_back();
                if matches!(open, '\'' | '’') && before.is_some_and(char::is_alphanumeric) {
                    return None;
                }
                let from = i + open.len_utf8();
                let j = from + find_close(&text[from..], close)?;
                Some((i, from, j, close))
            })
            .min_by_key(|&(i, ..)| i);
        let Some((_, from, j, close)) = next else {
            break;
        };
        let inner = text[from..j].trim();
        if !inner.is_empty() {
            out.push(inner);
        }
        at = j + close.len_utf8();
    }
    out
}

/// Where a closing quotation mark is: for an apostrophe, one not inside a
/// word ("Whores’ Glory").
pub(super) fn find_close(text: &str, close: char) -> Option<usize> {
    if close == '‘' {
        return opening_mark_as_close(text);
    }
    let mut from = 0;
    while let Some(j) = text[from..].find(close).map(|j| j + from) {
        let after = text[j + close.len_utf8()..].chars().next();
        let inside_word = matches!(close, '’' | '\'') && after.is_some_and(char::is_alphanumeric);
        if !inside_word {
            return Some(j);
        }
        from = j + close.len_utf8();
    }
    None
}

/// Where a quotation opened with ‘ closes with ‘ ("‘Barcelona nit
/// d’hivern‘ i el debat"): the next ‘ after a word and before a space or a
/// punctuation mark, when no ’ outside a word closes the quotation first
/// and no ‘ opens another.
fn opening_mark_as_close(text: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (j, c) in text.char_indices() {
        let next = text[j + c.len_utf8()..].chars().next();
        match c {
            '’' if !next.is_some_and(char::is_alphanumeric) => return None,
            '‘' => {
                let after_word = prev.is_some_and(|p| !p.is_whitespace());
                let before_gap = !next.is_some_and(char::is_alphanumeric);
                return (after_word && before_gap).then_some(j);
            }
            _ => {}
        }
        prev = Some(c);
    }
    None
}

/// German low quotation marks typed as two commas (",,Die Internationale”")
/// made the mark they stand for, where they open a word after a space, a
/// colon or the start of the line.
pub(super) fn commas_as_low_quotes(line: String) -> String {
    if !line.contains(",,") {
        return line;
    }
    let mut out = String::with_capacity(line.len() + 2);
    let mut rest = line.as_str();
    while let Some(i) = rest.find(",,") {
        // The character before the commas: in what is left, or already out.
        let before = rest[..i]
            .chars()
            .next_back()
            .or_else(|| out.chars().next_back());
        let opens = before.is_none_or(|c| c.is_whitespace() || c == ':' || c == '(');
        let next = rest[i + 2..].chars().next();
        out.push_str(&rest[..i]);
        if opens && next.is_some_and(char::is_alphanumeric) {
            out.push('„');
        } else {
            out.push_str(",,");
        }
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// The title a paragraph opens with in quotation marks, when it is shaped
/// like one: one to twelve words, a capital first, no sentence's end.
pub(super) fn opening_title(text: &str) -> Option<String> {
    let first = text.chars().next()?;
    let (_, close) = QUOTE_PAIRS.iter().find(|(open, _)| *open == first)?;
    let inner_text = &text[first.len_utf8()..];
    let inner = inner_text[..find_close(inner_text, *close)?].trim();
    let titled = inner
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && (1..=12).contains(&inner.split_whitespace().count())
        && !inner.ends_with(['.', '!', '?', ',']);
    titled.then(|| inner.to_string())
}

/// A list item that is a quoted title, maybe with who made it after it:
/// "'Het geheim van carnaval' van Barbara de Baare" → the title and the
/// makers.
pub(super) fn quoted_with_makers(item: &str) -> Option<(String, Option<String>)> {
    let open = item.chars().next()?;
    let close = QUOTE_PAIRS.iter().find(|(o, _)| *o == open)?.1;
    let inner_start = open.len_utf8();
    let end = inner_start + find_close(&item[inner_start..], close)?;
    let title = item[inner_start..end].trim();
    let rest = item[end + close.len_utf8()..].trim();
    if title.is_empty() {
        return None;
    }
    let who = super::names::makers_after(rest).map(|(who, _)| who.join(", "));
    (rest.is_empty() || who.is_some()).then(|| (title.to_string(), who))
}

/// Whether a line is a quotation from the press: it opens with a quotation
/// mark, and after the quotation closes come a few words at most (who said
/// it: "“Powerful and beautifully made” Financial Times").
pub(super) fn is_quotation(line: &str) -> bool {
    for (open, close) in [
        ('“', '”'),
        ('"', '"'),
        ('‘', '’'),
        ('«', '»'),
        ('„', '“'),
        ('\'', '\''),
    ] {
        let Some(inner) = line.strip_prefix(open) else {
            continue;
        };
        let Some(end) = inner.rfind(close) else {
            continue;
        };
        let quoted = inner[..end].split_whitespace().count();
        let after = inner[end + close.len_utf8()..].split_whitespace().count();
        return quoted >= 3 && after <= 8;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_quotation_closed_with_its_opening_mark() {
        assert_eq!(
            quoted("amb ‘Los Tortuga‘ de Belén Funes i ‘Barcelona nit d’hivern‘ i el debat"),
            ["Los Tortuga", "Barcelona nit d’hivern"]
        );
        assert_eq!(quoted("‘Pride’ and ‘Norma Rae’"), ["Pride", "Norma Rae"]);
    }

    #[test]
    fn two_commas_for_a_low_quotation_mark() {
        assert_eq!(
            commas_as_low_quotes("Eröffnungsfilm: ,,Die Internationale” USA 2000".into()),
            "Eröffnungsfilm: „Die Internationale” USA 2000"
        );
        assert_eq!(
            commas_as_low_quotes(",,1. Mai” und 1,,5".into()),
            "„1. Mai” und 1,,5"
        );
    }
}

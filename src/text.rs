//! Text helpers shared by every layer: accent- and case-folding, slugs,
//! title keys for matching, "did you mean" suggestions, and the control
//! characters that data may not hold or print ([`is_control`]).

use std::borrow::Cow;

/// Lower case that keeps every byte offset: a character whose lower case
/// is another length in UTF-8 ("İ" → "i̇") stays as it is, so that a place
/// found in the result is the same place in the text (and cutting the text
/// there cannot split a character).
pub fn lower_keeping_offsets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// Folds text for comparison: transliterates to ASCII (accents dropped,
/// Cyrillic and Greek romanised), lowercases, turns every run of
/// non-alphanumeric characters into one space, and trims.
///
/// ```
/// assert_eq!(slate::text::fold("A Fábrica de Nada!"), "a fabrica de nada");
/// ```
pub fn fold(s: &str) -> String {
    // The Catalan middle dot joins its letters like an apostrophe
    // ("pel·lícula" -> "pellicula").
    let ascii = if s.is_ascii() {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(deunicode::deunicode(&s.replace('·', "")))
    };
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for c in ascii.chars() {
        // Apostrophes join words ("women's" -> "womens") rather than split them.
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// A URL- and file-safe identifier: folded, words joined by hyphens.
///
/// ```
/// assert_eq!(slate::text::slugify("Harlan County, USA"), "harlan-county-usa");
/// ```
pub fn slugify(s: &str) -> String {
    fold(s).replace(' ', "-")
}

/// Whether `s` is a valid slug: lowercase ASCII letters and digits in
/// hyphen-separated words.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Leading articles dropped when comparing titles, in the languages the
/// catalogue's films most often carry.
const ARTICLES: &[&str] = &[
    "the", "a", "an", // English
    "le", "la", "les", "l", "un", "une", // French
    "el", "los", "las", "una", "uno", // Spanish
    "il", "lo", "gli", "i", // Italian
    "o", "os", "as", "um", "uma", // Portuguese
    "der", "die", "das", "ein", "eine", // German
    "de", "het", "een", // Dutch
];

/// The key under which two titles are considered the same: folded, with one
/// leading article removed.
///
/// ```
/// use slate::text::title_key;
/// assert_eq!(title_key("The Strike"), title_key("Strike"));
/// assert_eq!(title_key("A Fábrica de Nada"), "fabrica de nada");
/// ```
pub fn title_key(title: &str) -> String {
    let folded = fold(title);
    match folded.split_once(' ') {
        Some((first, rest)) if ARTICLES.contains(&first) && !rest.is_empty() => rest.to_string(),
        _ => folded,
    }
}

/// The closest candidate to `word`, if one is close enough to be a plausible
/// typo: within an edit distance of about a third of the word's length
/// (at least 1, at most 3), compared case- and accent-insensitively; failing
/// that, the shortest candidate that begins with it (a truncated id).
pub fn suggest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let w = fold(word);
    if w.is_empty() {
        return None;
    }
    let limit = (w.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &'a str)> = None;
    for &c in &candidates {
        let d = strsim::damerau_levenshtein(&w, &fold(c));
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    if best.is_none() && w.len() >= 4 {
        // A truncated name ("harlan-county" for "harlan-county-usa"): the
        // shortest candidate that starts with it.
        for &c in &candidates {
            let fc = fold(c);
            if fc.starts_with(&w)
                && best.is_none_or(|(l, b)| fc.len() < l || (fc.len() == l && c < b))
            {
                best = Some((fc.len(), c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// "did you mean `x`?" when there is a plausible candidate.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    suggest(word, candidates).map(|s| format!("did you mean `{s}`?"))
}

/// Escapes text for XML and HTML content and quoted attribute values;
/// control characters and the noncharacters U+FFFE and U+FFFF (which
/// neither may hold) are dropped.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_escaped(&mut out, s);
    out
}

/// [`escape_markup`] into `out`: the runs between characters to escape or
/// drop are copied whole (pages of tens of megabytes are mostly such runs).
pub fn push_escaped(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (replacement, len): (&str, usize) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            b'\n' | b'\t' => {
                i += 1;
                continue;
            }
            0..=0x1F => ("", 1),
            // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                ("", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[run..i]);
        out.push_str(replacement);
        i += len;
        run = i;
    }
    out.push_str(&s[run..]);
}

/// Whether `c` is a character that can drive a terminal or disguise text,
/// and so may not be in catalogue text nor printed raw from data: the C0
/// controls (U+0000–U+001F, among them tab, line feed and ESC), DEL
/// (U+007F), the C1 controls (U+0080–U+009F), and the bidirectional-text
/// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
pub fn is_control(c: char) -> bool {
    matches!(c as u32,
        0x00..=0x1F | 0x7F..=0x9F | 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// Whether `c` is one of the bidirectional-text controls of [`is_control`].
pub fn is_bidi_control(c: char) -> bool {
    is_control(c) && (c as u32) > 0x9F
}

/// "U+001B", as characters are named in messages.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Text for a terminal: each [`is_control`] character except those in
/// `keep` written as a Rust escape (`\u{1b}`), so data can never drive the
/// terminal. Borrows when there is nothing to escape.
pub fn escape_controls<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !s.chars().any(|c| is_control(c) && !keep.contains(&c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) && !keep.contains(&c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How [`escape_controls`] writes one character (`\u{1b}`).
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// "1 screening", "3 screenings".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {

    /// The escaping as first written, character by character: the chunked
    /// [`push_escaped`] must give the same text.
    fn escaped_char_by_char(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
                '\u{FFFE}' | '\u{FFFF}' => {}
                c => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn chunked_escaping_is_character_escaping(s in "(\\PC|[&<>\"'\u{0}-\u{1f}\u{fffe}\u{ffff}\u{fffd}])*") {
            proptest::prop_assert_eq!(escape_markup(&s), escaped_char_by_char(&s));
        }
    }
    use super::*;

    #[test]
    fn controls_are_escaped_for_terminals() {
        assert_eq!(escape_controls("plain été", &[]), "plain été");
        assert_eq!(escape_controls("a\x1b[31mb", &[]), "a\\u{1b}[31mb");
        assert_eq!(
            escape_controls("x\u{202e}y\u{9b}\x7f", &[]),
            "x\\u{202e}y\\u{9b}\\u{7f}"
        );
        assert_eq!(escape_controls("a\nb\tc", &['\n']), "a\nb\\u{9}c");
        assert!(is_control('\u{200f}') && is_bidi_control('\u{2066}'));
        assert!(!is_control(' ') && !is_control('é') && !is_control('\u{a0}'));
        assert_eq!(code_point('\x1b'), "U+001B");
    }

    #[test]
    fn folds_accents_case_and_punctuation() {
        assert_eq!(fold("A Fábrica de Nada"), "a fabrica de nada");
        assert_eq!(fold("  Harlan County, USA "), "harlan county usa");
        assert_eq!(fold("Women’s Work"), "womens work");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("pel·lícula"), "pellicula");
        assert_eq!(fold("Стачка"), "stachka");
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Harlan County, USA"), "harlan-county-usa");
        assert!(is_slug("strike-1925"));
        assert!(!is_slug("Strike"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }

    #[test]
    fn title_keys_drop_one_leading_article() {
        assert_eq!(title_key("The Strike"), title_key("Strike"));
        assert_eq!(title_key("La Classe operaia"), "classe operaia");
        assert_eq!(title_key("The"), "the");
    }

    #[test]
    fn suggestions() {
        let keys = ["runtime", "title", "year", "directors"];
        assert_eq!(suggest("runtme", keys), Some("runtime"));
        assert_eq!(suggest("director", keys), Some("directors"));
        assert_eq!(suggest("colour", keys), None);
        assert_eq!(suggest("", keys), None);
        assert_eq!(
            suggest("harlan-county", ["harlan-county-usa", "matewan"]),
            Some("harlan-county-usa")
        );
    }
}

//! A fast reader for the plain TOML that big catalogue files are written in:
//! `[[name]]` tables whose lines are each one `key = value`, the value a
//! basic string without escapes, a decimal integer, a boolean or a one-line
//! array of such strings; blank and comment lines anywhere.
//!
//! Why it exists: at 100,000 films the general TOML parser was 40% of the
//! time `slate related` spends (issue 15); almost every line of a generated
//! or exported catalogue is this plain. Why it is safe: it builds exactly
//! the tree the parser builds (the same [`DeTable`]s with the same spans, so
//! every later check and message is unchanged), and on the first line
//! outside the subset, however valid, it gives up and the caller parses the
//! text with the real parser. It never reports anything itself: a text it
//! accepts is one the parser accepts with the same meaning (tests compare
//! the two trees on generated, bundled and random texts).

use std::collections::HashMap;

use std::ops::Range;
use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

/// Hands each `[[name]]` table of `text` to `visit`, with the span of its
/// header, as `DeTable::parse_recoverable(text)` would give it, while `text`
/// is written in the plain subset (see the module documentation) and holds
/// nothing but those tables. Returns false at the first line outside the
/// subset: what was visited so far must then be discarded and `text` parsed
/// by the real parser. Each table is dropped once visited, so memory is
/// reused from one table to the next.
pub fn for_each_table<'i>(
    text: &'i str,
    name: &str,
    mut visit: impl FnMut(&DeTable<'i>, Range<usize>),
) -> bool {
    let header = format!("[[{name}]]");
    let mut table: Option<(DeTable<'i>, Range<usize>)> = None;
    let mut integers: HashMap<&'i str, DeValue<'i>> = HashMap::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p);
        let line_end = if end > at && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        let line = &text[at..line_end];
        if line.as_bytes().contains(&b'\r') {
            return false; // a lone carriage return
        }
        if line.starts_with(&header) {
            if !rest_is_blank(&line[header.len()..]) {
                return false;
            }
            if let Some((done, span)) = table.replace((DeTable::new(), at..at + header.len())) {
                visit(&done, span);
            }
        } else if !rest_is_blank(line) {
            let Some((table, _)) = table.as_mut() else {
                return false; // a key before the first table belongs to the root
            };
            let Some((key, value)) = key_value(text, at, line_end, &mut integers) else {
                return false;
            };
            if table.insert(key, value).is_some() {
                return false; // a key given twice: the parser's error to report
            }
        }
        at = end + 1;
    }
    if let Some((done, span)) = table {
        visit(&done, span);
    }
    true
}

/// Whether what is left of a line is blanks and at most a comment.
fn rest_is_blank(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.is_empty() || (rest.starts_with('#') && !has_control(&rest[1..]))
}

/// Whether `s` holds a character TOML allows in neither comments nor basic
/// strings (controls other than tab).
fn has_control(s: &str) -> bool {
    s.bytes().any(|b| (b < 0x20 && b != b'\t') || b == 0x7F)
}

/// One `key = value` line, `text[at..end]`, with spans as the parser gives
/// them.
fn key_value<'i>(
    text: &'i str,
    at: usize,
    end: usize,
    integers: &mut HashMap<&'i str, DeValue<'i>>,
) -> Option<(Spanned<std::borrow::Cow<'i, str>>, Spanned<DeValue<'i>>)> {
    let bytes = text.as_bytes();
    let key_end = at
        + bytes[at..end]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))?;
    if key_end == at {
        return None;
    }
    let mut i = skip_blanks(bytes, key_end, end);
    if bytes.get(i) != Some(&b'=') || i >= end {
        return None;
    }
    i = skip_blanks(bytes, i + 1, end);
    let (value, after) = match bytes.get(i).filter(|_| i < end)? {
        b'"' => string(text, i, end)?,
        b'[' => array(text, i, end)?,
        b't' if text[i..end].starts_with("true") => (DeValue::Boolean(true), i + 4),
        b'f' if text[i..end].starts_with("false") => (DeValue::Boolean(false), i + 5),
        b'0'..=b'9' => {
            let digits = bytes[i..end]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let literal = &text[i..i + digits];
            if literal.len() > 1 && literal.starts_with('0') {
                return None;
            }
            let value = match integers.get(literal) {
                Some(v) => v.clone(),
                None => {
                    let v = DeValue::parse(literal).ok()?.into_inner();
                    integers.insert(literal, v.clone());
                    v
                }
            };
            (value, i + digits)
        }
        _ => return None,
    };
    // The value must be followed by blanks and at most a comment; a value
    // such as `truely` or `12:30` is not plain.
    if !rest_is_blank(&text[after..end]) {
        return None;
    }
    let key = Spanned::new(at..key_end, std::borrow::Cow::Borrowed(&text[at..key_end]));
    Some((key, Spanned::new(i..after, value)))
}

fn skip_blanks(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    i
}

/// A basic string without escapes starting at the quote at `i`; the value
/// and the offset after its closing quote.
fn string(text: &str, i: usize, end: usize) -> Option<(DeValue<'_>, usize)> {
    let close = i + 1 + memchr::memchr2(b'"', b'\\', &text.as_bytes()[i + 1..end])?;
    if text.as_bytes()[close] == b'\\' {
        return None;
    }
    let content = &text[i + 1..close];
    if has_control(content) {
        return None;
    }
    Some((
        DeValue::String(std::borrow::Cow::Borrowed(content)),
        close + 1,
    ))
}

/// A one-line array of plain strings starting at the bracket at `i`.
fn array(text: &str, i: usize, end: usize) -> Option<(DeValue<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut items = DeArray::new();
    let mut j = skip_blanks(bytes, i + 1, end);
    loop {
        match bytes.get(j).filter(|_| j < end)? {
            b']' => return Some((DeValue::Array(items), j + 1)),
            b'"' => {
                let (value, after) = string(text, j, end)?;
                items.push(Spanned::new(j..after, value));
                j = skip_blanks(bytes, after, end);
                match bytes.get(j).filter(|_| j < end)? {
                    b',' => j = skip_blanks(bytes, j + 1, end),
                    b']' => {}
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The parser's `[[name]]` tables of `text`, if it parses cleanly.
    fn parsed(text: &str) -> Option<String> {
        let (root, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            return None;
        }
        let root = root.into_inner();
        let tables: Vec<(DeTable<'_>, Range<usize>)> = match root.get("film") {
            Some(v) => match v.get_ref() {
                DeValue::Array(items) => items
                    .iter()
                    .map(|t| match t.get_ref() {
                        DeValue::Table(table) => (table.clone(), t.span()),
                        _ => unreachable!("an array of tables"),
                    })
                    .collect(),
                _ => return None,
            },
            None => Vec::new(),
        };
        Some(format!("{tables:#?}"))
    }

    /// The tables the scanner visits, if it reads all of `text`.
    fn tables<'i>(text: &'i str, name: &str) -> Option<Vec<(DeTable<'i>, Range<usize>)>> {
        let mut out = Vec::new();
        for_each_table(text, name, |t, span| out.push((t.clone(), span))).then_some(out)
    }

    /// The scanner agrees with the parser whenever it answers.
    fn agrees(text: &str) -> bool {
        match tables(text, "film") {
            Some(scanned) => {
                assert_eq!(
                    Some(format!("{scanned:#?}")),
                    parsed(text),
                    "scanner and parser disagree on:\n{text}"
                );
                true
            }
            None => false,
        }
    }

    #[test]
    fn reads_plain_tables_as_the_parser_does() {
        let text = "# catalogue\n\n[[film]]  # first\nid = \"f-1\"  # the id\nyear = 1927\n\
                    themes = [ \"a\" , \"b\", ]\nshort = true\nempty = []\ncountry=\"Café\"\n\n\
                    [[film]]\r\nid = \"f-2\"\r\nruntime = 0\r\nflag = false\n";
        assert!(agrees(text));
        assert!(agrees(""));
        assert!(agrees("# only a comment\n"));
    }

    #[test]
    fn gives_up_on_anything_outside_the_subset() {
        for text in [
            "id = \"root key\"\n[[film]]\n",
            "[[film]]\nid = \"a\\\"b\"\n",
            "[[film]]\nid = 'literal'\n",
            "[[film]]\nsynopsis = \"\"\"\nlong\n\"\"\"\n",
            "[[film]]\nyear = +1927\n",
            "[[film]]\nyear = 1_927\n",
            "[[film]]\nyear = 01927\n",
            "[[film]]\nyear = 1927.5\n",
            "[[film]]\nwhen = 1979-05-27\n",
            "[[film]]\nthemes = [\n\"a\"]\n",
            "[[film]]\nthemes = [1, 2]\n",
            "[[film]]\ncompanions = [{ film = \"x\" }]\n",
            "[[film]]\nid = \"a\"\nid = \"b\"\n",
            "[[film]]\n\"quoted key\" = 1\n",
            "[[film]]\na.b = 1\n",
            "[[film]]\n  id = \"indented\"\n",
            "[[film]]\nid = \"tab\u{1}\"\n",
            "[[film]]\nid = \"x\" trailing\n",
            "[[film]]\nshort = truely\n",
            "[[film]]\nid = \"x\"\rnotes = \"y\"\n",
            "[film]\nid = \"x\"\n",
            "[[film]] x\n",
            "[[film]]\n# bad \u{7f} comment\n",
        ] {
            assert!(tables(text, "film").is_none(), "accepted: {text:?}");
        }
    }

    #[test]
    fn agrees_with_the_parser_on_the_bundled_catalogue() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/films");
        let mut plain = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            plain += usize::from(agrees(&text));
        }
        // Most bundled files use multi-line strings or inline tables, which
        // the parser reads; some are plain.
        assert!(plain > 0, "no bundled film file is plain TOML");
    }

    #[test]
    fn agrees_with_the_parser_on_a_generated_catalogue() {
        let spec = crate::synthetic::Spec {
            per_file: 300,
            ..crate::synthetic::Spec::new(300)
        };
        let dir = tempfile::tempdir().unwrap();
        crate::synthetic::write_catalogue(dir.path(), &spec).unwrap();
        let file = std::fs::read_dir(dir.path().join("films"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let text = std::fs::read_to_string(file).unwrap();
        assert!(agrees(&text), "a generated catalogue is plain TOML");
    }

    /// Lines drawn from plain and not-quite-plain shapes.
    fn line() -> impl Strategy<Value = String> {
        let word = "[a-z_-]{1,6}";
        let content = "[ a-zé\"\\\\#\t\u{1}\\[\\],=]{0,8}";
        prop_oneof![
            Just("[[film]]".to_string()),
            Just("[[film]] # h".to_string()),
            Just(String::new()),
            Just("# note".to_string()),
            (word, content).prop_map(|(k, c)| format!("{k} = \"{c}\"")),
            (word, "[0-9+_.]{1,5}").prop_map(|(k, n)| format!("{k} = {n}")),
            (word, proptest::bool::ANY).prop_map(|(k, b)| format!("{k} = {b}")),
            (word, proptest::collection::vec(content, 0..3), "[ ,]{0,2}").prop_map(
                |(k, items, tail)| {
                    let items: Vec<String> = items.iter().map(|c| format!("\"{c}\"")).collect();
                    format!("{k} = [{}{tail}]", items.join(", "))
                }
            ),
            "[ -~\t]{0,12}",
        ]
    }

    /// Lines of the plain subset only.
    fn plain_line() -> impl Strategy<Value = String> {
        let word = "[a-z_-]{1,6}";
        let content = "[ a-zé#\t,=\\[\\]]{0,8}";
        prop_oneof![
            Just("[[film]]  # h".to_string()),
            Just("  # note".to_string()),
            Just(String::new()),
            (word, content).prop_map(|(k, c)| format!("{k} =  \"{c}\" # c")),
            (word, "0|[1-9][0-9]{0,5}").prop_map(|(k, n)| format!("{k}={n}")),
            (word, proptest::bool::ANY).prop_map(|(k, b)| format!("{k} = {b}")),
            (word, proptest::collection::vec(content, 0..3)).prop_map(|(k, items)| {
                let items: Vec<String> = items.iter().map(|c| format!("\"{c}\"")).collect();
                format!("{k} = [ {} ]", items.join(" ,"))
            }),
        ]
    }

    proptest! {
        #[test]
        fn plain_text_is_read_as_the_parser_reads_it(
            lines in proptest::collection::vec(plain_line(), 0..12),
        ) {
            // Keys are unique per table and come after a header.
            let mut text = String::from("[[film]]\n");
            let mut seen = std::collections::HashSet::new();
            for line in lines {
                if line.starts_with("[[") {
                    seen.clear();
                } else if let Some(key) = line.split('=').next().filter(|_| line.contains('=')) {
                    if !seen.insert(key.trim().to_string()) {
                        continue;
                    }
                }
                text.push_str(&line);
                text.push('\n');
            }
            prop_assert!(agrees(&text), "plain text refused:\n{}", text);
        }

        #[test]
        fn whatever_it_accepts_the_parser_reads_the_same(
            lines in proptest::collection::vec(line(), 0..12),
            crlf in proptest::bool::ANY,
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            agrees(&text);
        }
    }
}

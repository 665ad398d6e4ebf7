//! Where a big film file may be cut so its parts can be parsed in parallel,
//! and the check that a split parse means exactly what the whole file means.
//!
//! Splitting is an optimisation only: it must never change what is accepted
//! or what is reported. Two rules guarantee that:
//!
//! 1. [`parts`] cuts only at the start of a line that is exactly a `[[film]]`
//!    header (optionally followed by blanks, a comment, `\r`) outside any
//!    string, found by a small scan that follows TOML's strings and comments
//!    (so a `[[film]]` line inside a `"""` or `'''` synopsis is not a cut), and
//!    only when nothing but blank and comment lines precede the first
//!    `[[film]]` header (top-level keys before it would belong to the root and
//!    could clash with later parts). Cuts fall on line starts, so never inside
//!    a UTF-8 character.
//! 2. The loader then accepts the parts only if each parses without a syntax
//!    error and its root holds nothing but the `film` array ([`only_films`]).
//!    Each part then starts with a `[[film]]` header at top level, so every
//!    table and key in it belongs to that part's own films, as in the whole
//!    file: duplicate keys, sub-tables (`[film.x]`) and dotted keys are
//!    checked as the whole parse checks them. Otherwise the file is parsed
//!    whole, so its diagnostics are exactly those of the whole file.

use std::ops::Range;

use memchr::memmem;
use toml::de::DeTable;
use toml::Spanned;

/// Lexical state at the start of a line.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Top,
    /// Inside a `"""` string.
    MultiBasic,
    /// Inside a `'''` string.
    MultiLiteral,
}

/// Whether `line` (without its `\n`) is exactly a `[[film]]` header.
fn is_film_header(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"[[film]]") else {
        return false;
    };
    let rest = rest.strip_suffix(b"\r").unwrap_or(rest);
    let rest = rest.trim_ascii_start();
    rest.is_empty() || rest[0] == b'#'
}

/// Whether `line` is blank or only a comment.
fn is_blank_or_comment(line: &[u8]) -> bool {
    let t = line.trim_ascii();
    t.is_empty() || t[0] == b'#'
}

/// Finds `"""` (or `'''`) closing a multi-line string in `line` from `i`,
/// skipping backslash escapes in basic strings. Returns the index after it.
fn close_multi(line: &[u8], mut i: usize, quote: u8) -> Option<usize> {
    while i < line.len() {
        let b = line[i];
        if quote == b'"' && b == b'\\' {
            i += 2;
            continue;
        }
        if b == quote && line[i..].starts_with(&[quote; 3]) {
            // Up to two more quotes belong to the content (`""""` ends a
            // string whose last character is `"`).
            let mut end = i + 3;
            while end < line.len() && end < i + 5 && line[end] == quote {
                end += 1;
            }
            return Some(end);
        }
        i += 1;
    }
    None
}

/// The state after the line `line`, entered in `state`.
fn scan_line(line: &[u8], mut state: State) -> State {
    let mut i = 0;
    loop {
        match state {
            State::MultiBasic | State::MultiLiteral => {
                let quote = if state == State::MultiBasic {
                    b'"'
                } else {
                    b'\''
                };
                match close_multi(line, i, quote) {
                    Some(end) => {
                        i = end;
                        state = State::Top;
                    }
                    None => return state,
                }
            }
            State::Top => {
                while i < line.len() {
                    match line[i] {
                        b'#' => return State::Top,
                        q @ (b'"' | b'\'') => {
                            if line[i..].starts_with(&[q; 3]) {
                                i += 3;
                                state = if q == b'"' {
                                    State::MultiBasic
                                } else {
                                    State::MultiLiteral
                                };
                                break;
                            }
                            // A one-line string ends at its quote or the line's end.
                            i += 1;
                            while i < line.len() && line[i] != q {
                                i += if q == b'"' && line[i] == b'\\' { 2 } else { 1 };
                            }
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
                if state == State::Top {
                    return state;
                }
            }
        }
    }
}

/// Splits a film file into byte ranges of about `target` bytes, each after
/// the first starting at a top-level `[[film]]` header line (see the module
/// documentation). Files up to 1.5 × `target` are one part, as is any file
/// with keys before its first `[[film]]`.
///
/// Only lines holding `"""` or `'''` can open or close a multi-line string,
/// so the scan jumps from one such line to the next (with `memchr`), and
/// between them looks for `[[film]]` lines only where a cut is due.
pub fn parts(text: &str, target: usize) -> Vec<Range<usize>> {
    let whole = std::iter::once(0..text.len()).collect();
    let limit = target.saturating_mul(3) / 2;
    if text.len() <= limit {
        return whole;
    }
    let bytes = text.as_bytes();
    let Some(first) = first_film_header(bytes) else {
        return whole;
    };
    let mut cuts = Cuts {
        bytes,
        target,
        limit,
        first,
        start: 0,
        ranges: Vec::new(),
    };
    let basic = memmem::Finder::new(b"\"\"\"");
    let literal = memmem::Finder::new(b"'''");
    let find =
        |f: &memmem::Finder, from: usize| f.find(&bytes[from..]).map_or(bytes.len(), |p| from + p);
    let (mut next_basic, mut next_literal) = (find(&basic, first), find(&literal, first));
    let mut state = State::Top;
    let mut pos = first;
    while pos < bytes.len() {
        if next_basic < pos {
            next_basic = find(&basic, pos);
        }
        if next_literal < pos {
            next_literal = find(&literal, pos);
        }
        let next = next_basic.min(next_literal);
        // Lines up to the one holding `next` keep the state they start in.
        let end = memchr::memchr(b'\n', &bytes[next.min(bytes.len())..])
            .map_or(bytes.len(), |p| next + p);
        if state == State::Top {
            cuts.between(pos, end);
        }
        if next >= bytes.len() {
            break;
        }
        let line_start = memchr::memrchr(b'\n', &bytes[pos..next]).map_or(pos, |p| pos + p + 1);
        state = scan_line(&bytes[line_start..end], state);
        pos = end + 1;
    }
    cuts.ranges.push(cuts.start..text.len());
    cuts.ranges
}

/// The offset of the first `[[film]]` header line, when only blank and
/// comment lines precede it.
fn first_film_header(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while at < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p);
        let line = &bytes[at..end];
        if is_film_header(line) {
            return Some(at);
        }
        if !is_blank_or_comment(line) {
            return None;
        }
        at = end + 1;
    }
    None
}

/// The cuts made so far.
struct Cuts<'t> {
    bytes: &'t [u8],
    target: usize,
    limit: usize,
    /// The first `[[film]]` header, which is never a cut.
    first: usize,
    /// Start of the part being grown.
    start: usize,
    ranges: Vec<Range<usize>>,
}

impl Cuts<'_> {
    /// Cuts at the `[[film]]` header lines due in `from..to`, a run of whole
    /// lines at top level (outside any multi-line string).
    fn between(&mut self, from: usize, to: usize) {
        let mut at = from.max(self.start + self.target).max(self.first + 1);
        while at < to && self.bytes.len() - self.start > self.limit {
            // A header line starts just after a line break.
            let Some(p) = memmem::find(&self.bytes[at - 1..to], b"\n[[film]]") else {
                return;
            };
            let line_start = at + p;
            let line_end = memchr::memchr(b'\n', &self.bytes[line_start..])
                .map_or(self.bytes.len(), |e| line_start + e);
            if is_film_header(&self.bytes[line_start..line_end]) {
                self.ranges.push(self.start..line_start);
                self.start = line_start;
                at = line_start + self.target;
            } else {
                at = line_start + 1;
            }
        }
    }
}

/// Whether a parsed part holds nothing but `[[film]]` tables at its root, so
/// it cannot clash with the other parts (see the module documentation).
pub fn only_films(root: &Spanned<DeTable<'_>>) -> bool {
    root.get_ref().iter().all(|(k, _)| k.get_ref() == "film")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn films(n: usize, one: &str) -> String {
        (0..n).map(|i| one.replace('N', &i.to_string())).collect()
    }

    #[test]
    fn cuts_only_at_film_headers_outside_strings() {
        let one = "[[film]]\nid = \"f-N\"\nsynopsis = \"\"\"\n[[film]]\n\"\"\"\nnotes = '''\n[[film]]\n'''\n";
        let text = films(50, one);
        let ranges = parts(&text, 100);
        assert!(ranges.len() > 10);
        for r in &ranges[1..] {
            assert!(text[r.clone()].starts_with("[[film]]\nid = "), "{r:?}");
        }
    }

    #[test]
    fn strings_and_comments_on_one_line_do_not_open_multi_line_strings() {
        let one = "[[film]] # a \"\"\" comment\nid = \"f-N \\\" '''\"\ntitle = 'x\"\"\"'\n";
        let text = films(50, one);
        assert!(parts(&text, 100).len() > 10);
    }

    #[test]
    fn keys_before_the_first_film_keep_the_file_whole() {
        let text = format!("title = \"x\"\n{}", films(50, "[[film]]\nid = \"f-N\"\n"));
        assert_eq!(parts(&text, 100).len(), 1);
        let text = format!("# listing\n\n{}", films(50, "[[film]]\nid = \"f-N\"\n"));
        assert!(parts(&text, 100).len() > 5);
    }

    #[test]
    fn a_cut_near_a_multi_byte_character_does_not_panic() {
        // The old splitter searched for the first cut from byte `target`,
        // here inside an `é`.
        let one = "[[film]]\nid = \"f-N\"\ntitle = \"ééééééééééééééééééééééééééééééééééééééééé\"\n";
        let text = format!(
            "[[film]]\nid = \"x\"\ntitle = \"a{}\"\n{}",
            "é".repeat(60),
            films(20, one)
        );
        let target = (100..).find(|&t| !text.is_char_boundary(t)).unwrap();
        let ranges = parts(&text, target);
        assert!(ranges.len() > 1);
    }

    /// The cuts made line by line, following every line's state: what
    /// [`parts`] computes by jumping between lines with triple quotes.
    fn parts_by_line(text: &str, target: usize) -> Vec<Range<usize>> {
        let limit = target.saturating_mul(3) / 2;
        if text.len() <= limit {
            return std::iter::once(0..text.len()).collect();
        }
        let bytes = text.as_bytes();
        let (mut ranges, mut start, mut state, mut started, mut at) =
            (Vec::new(), 0, State::Top, false, 0);
        while at < bytes.len() {
            let end = bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |p| at + p);
            let line = &bytes[at..end];
            if state == State::Top {
                if is_film_header(line) {
                    if !started {
                        started = true;
                    } else if at - start >= target && bytes.len() - start > limit {
                        ranges.push(start..at);
                        start = at;
                    }
                } else if !started && !is_blank_or_comment(line) {
                    return std::iter::once(0..text.len()).collect();
                }
            }
            state = scan_line(line, state);
            at = end + 1;
        }
        ranges.push(start..text.len());
        ranges
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// For any text and any threshold the parts are contiguous, cover
        /// the text, start on line boundaries (so on character boundaries),
        /// and every part after the first starts with a `[[film]]` header.
        #[test]
        fn parts_tile_the_text_at_film_headers(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just("[[film]]\n".to_string()),
                    Just("\"\"\"\n".to_string()),
                    Just("'''\n".to_string()),
                    Just("# c\n".to_string()),
                    "\\PC{0,12}\n",
                    "[a-zé\"'\\[\\] =\\\\ÿ€😀]{0,12}\n?",
                ],
                0..60,
            ),
            target in 1usize..64,
        ) {
            let text: String = pieces.concat();
            let ranges = parts(&text, target);
            prop_assert_eq!(ranges[0].start, 0);
            prop_assert_eq!(ranges.last().unwrap().end, text.len());
            for w in ranges.windows(2) {
                prop_assert_eq!(w[0].end, w[1].start);
            }
            for r in &ranges[1..] {
                prop_assert!(text.is_char_boundary(r.start));
                prop_assert_eq!(&text.as_bytes()[r.start - 1], &b'\n');
                prop_assert!(text[r.clone()].starts_with("[[film]]"));
            }
            prop_assert_eq!(ranges, parts_by_line(&text, target));
        }
    }
}

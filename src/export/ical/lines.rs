//! RFC 5545 content lines, written by hand because the `ical` crate's
//! generator gets them wrong: TEXT values are escaped (backslash, semicolon,
//! comma, newline), parameter values with special characters are quoted,
//! lines are folded at 75 *octets* without splitting a UTF-8 sequence, and
//! every line ends with CRLF.
//!
//! A fold never leaves a space at the end of a line: the `ical` crate's
//! parser (and some clients) drop it when unfolding, so the split moves one
//! character earlier.

/// Escapes a TEXT value: `\` `;` `,` and newlines (CR, LF, CRLF → `\n`).
/// Other control characters are dropped.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 && c != '\t' => {}
            '\u{7f}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`text`].
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A parameter value: quoted when it holds `:` `;` or `,` (RFC 5545 §3.2);
/// double quotes, which cannot be quoted, become single quotes.
pub fn param(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// Octets of the character starting at `bytes[i]` (a UTF-8 leading byte).
fn char_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Appends one content line, folded at 75 octets, ending with CRLF.
///
/// A fold falls only between whole characters and never inside an escape
/// (`\\` `\;` `\,` `\n`: a backslash and the character after it stay on one
/// line — Google Calendar drops events folded there, collective/icalendar#1501),
/// and never leaves a space at the end of a line.
pub fn push(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut first = true;
    loop {
        // A continuation line starts with a space, which counts.
        let room = if first { LIMIT } else { LIMIT - 1 };
        if !first {
            out.push(' ');
        }
        if line.len() - start <= room {
            out.push_str(&line[start..]);
            out.push_str("\r\n");
            return;
        }
        // Walk whole units (a character, or a backslash and the character it
        // escapes) while they fit; cut after the last that does not end in a
        // space (or, in a run of spaces longer than a line, the last).
        let mut i = start;
        let mut cut = None;
        let mut any = start;
        while i < line.len() {
            let mut unit = char_len(bytes[i]);
            if bytes[i] == b'\\' && i + 1 < line.len() {
                unit += char_len(bytes[i + 1]);
            }
            if i + unit - start > room {
                break;
            }
            i += unit;
            any = i;
            if bytes[i - 1] != b' ' {
                cut = Some(i);
            }
        }
        let cut = cut.unwrap_or(any);
        out.push_str(&line[start..cut]);
        out.push_str("\r\n");
        start = cut;
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(text("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assert_eq!(unescape(&text("a\\b;c,d\ne")), "a\\b;c,d\ne");
        assert_eq!(text("bell\u{7}"), "bell");
    }

    #[test]
    fn an_injected_event_stays_inside_its_property() {
        let mut out = String::new();
        push(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                text("x\r\nEND:VEVENT\r\nBEGIN:VEVENT\nSUMMARY:evil")
            ),
        );
        assert_eq!(out.matches("\r\n").count(), 1);
        assert!(out.starts_with("DESCRIPTION:x\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:evil"));
    }

    #[test]
    fn quotes_parameters() {
        assert_eq!(param("Europe/Lisbon"), "Europe/Lisbon");
        assert_eq!(param("Sala 1: São Jorge"), "\"Sala 1: São Jorge\"");
        assert_eq!(param("say \"hi\""), "say 'hi'");
    }

    #[test]
    fn folds_at_75_octets_on_character_boundaries() {
        let title = "A Fábrica de Nada ".repeat(12);
        let mut out = String::new();
        push(&mut out, &format!("SUMMARY:{title}"));
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        for l in &lines[..lines.len() - 1] {
            assert!(!l.ends_with(' '), "a folded line ends with a space: {l:?}");
        }
        // Unfolding gives the original line back.
        let unfolded: String = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{title}"));
    }

    #[test]
    fn folds_multibyte_text() {
        let mut out = String::new();
        push(&mut out, &format!("SUMMARY:{}", "字".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75);
        }
        assert_eq!(
            out.trim_end().replace("\r\n ", ""),
            format!("SUMMARY:{}", "字".repeat(60))
        );
    }

    /// Every fold position of a folded line (offsets into the logical line).
    fn physical(out: &str) -> Vec<&str> {
        out.strip_suffix("\r\n")
            .unwrap()
            .split("\r\n")
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    l
                } else {
                    l.strip_prefix(' ').unwrap()
                }
            })
            .collect()
    }

    /// Whether a piece of escaped text ends inside an escape: a backslash
    /// whose character is on the next line.
    fn ends_in_escape(piece: &str) -> bool {
        let mut chars = piece.chars();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.next().is_none() {
                return true;
            }
        }
        false
    }

    #[test]
    fn never_folds_inside_an_escape() {
        // festival.toml's calendar: "...; 73 min.\nA First World War veteran"
        // folded between the backslash and the n.
        for pad in 0..80 {
            let value = format!("{}; 73 min.\nA veteran, a; b\\c", "x".repeat(pad));
            let mut out = String::new();
            push(&mut out, &format!("DESCRIPTION:{}", text(&value)));
            for piece in physical(&out) {
                assert!(!ends_in_escape(piece), "pad {pad}: {out:?}");
            }
            assert_eq!(
                physical(&out).concat(),
                format!("DESCRIPTION:{}", text(&value))
            );
        }
    }

    /// `text` as the reader sees it after unescaping: control characters
    /// dropped, every line break a `\n`.
    fn cleaned(s: &str) -> String {
        s.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|&c| c == '\n' || c == '\t' || !((c as u32) < 0x20 || c == '\u{7f}'))
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Folding any text: lines of at most 75 octets, each valid UTF-8 on
        /// its own, none ending inside an escape; unfolding and unescaping
        /// gives the text back (as `text` keeps it).
        #[test]
        fn folding_keeps_text_whole(
            name in "(SUMMARY|DESCRIPTION|LOCATION|X-SLATE-SERIES)",
            value in proptest::prelude::any::<String>(),
            pre in "[\\\\;,\n a-zé字😀]{0,80}",
        ) {
            let value = format!("{pre}{value}");
            let mut out = String::new();
            let escaped = text(&value);
            push(&mut out, &format!("{name}:{escaped}"));
            proptest::prop_assert!(out.ends_with("\r\n"));
            for (i, raw) in out.strip_suffix("\r\n").unwrap().split("\r\n").enumerate() {
                proptest::prop_assert!(raw.len() <= 75, "{} octets: {raw:?}", raw.len());
                proptest::prop_assert!(std::str::from_utf8(raw.as_bytes()).is_ok());
                proptest::prop_assert!(i == 0 || raw.starts_with(' '));
            }
            let pieces = physical(&out);
            for piece in &pieces {
                proptest::prop_assert!(!ends_in_escape(piece), "{out:?}");
            }
            let unfolded = pieces.concat();
            proptest::prop_assert_eq!(&unfolded, &format!("{name}:{escaped}"));
            let back = unescape(unfolded.split_once(':').unwrap().1);
            proptest::prop_assert_eq!(back, cleaned(&value));
        }
    }
}

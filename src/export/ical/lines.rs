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

/// Appends one content line, folded at 75 octets, ending with CRLF.
pub fn push(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let mut rest = line;
    let mut first = true;
    loop {
        // A continuation line starts with a space, which counts.
        let room = if first { LIMIT } else { LIMIT - 1 };
        if !first {
            out.push(' ');
        }
        if rest.len() <= room {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        // Never end a folded line with a space.
        while cut > 1 && rest[..cut].ends_with(' ') {
            cut -= 1;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n");
        rest = &rest[cut..];
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
}

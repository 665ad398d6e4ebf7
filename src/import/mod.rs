//! Importing pasted film listings: splitting them into entries
//! ([`listing`]), reading runtimes ([`runtime`]), tagging themes from the
//! text (`themes::tagging`), matching entries against each other and the
//! catalogue ([`matching`]), deciding each entry's fate ([`plan`]) and
//! writing the catalogue without disturbing its files ([`write`]).

pub mod listing;
pub mod matching;
pub mod plan;
pub mod runtime;
pub mod write;

/// Why bytes are not a text listing, when they look like a binary file: a
/// NUL byte, or many control characters that text never holds (executables,
/// images, archives, PDFs). None for text, in any encoding slate reads.
pub fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Some(format!(
            "it holds a NUL byte (at byte {at}), which text never does"
        ));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    (head.len() >= 64 && controls * 100 > head.len()).then(|| {
        format!(
            "{controls} of its first {} bytes are control characters",
            head.len()
        )
    })
}

/// Decodes a listing: UTF-8, or else Windows-1252 (what pasted web text
/// usually is when it is not UTF-8). Returns the text and whether it had to
/// fall back.
pub fn decode(bytes: &[u8]) -> (String, bool) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.trim_start_matches('\u{feff}').to_string(), false),
        Err(_) => {
            const HIGH: [char; 32] = [
                '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}',
                'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›',
                'œ', '\u{9d}', 'ž', 'Ÿ',
            ];
            let text = bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => HIGH[(b - 0x80) as usize],
                    _ => b as char,
                })
                .collect();
            (text, true)
        }
    }
}

/// Removes from listing text the characters catalogue text may not hold
/// ([`crate::text::is_control`]: terminal escapes, other control characters,
/// bidirectional-text marks, common in text pasted from web pages), keeping
/// line breaks, tabs and form feeds, which separate a listing's parts.
/// Returns the text and how many characters were dropped, so that what is
/// imported always loads.
pub fn drop_controls(text: &str) -> (String, usize) {
    let dropped = |c: char| crate::text::is_control(c) && !matches!(c, '\n' | '\r' | '\t' | '\x0c');
    let n = text.chars().filter(|&c| dropped(c)).count();
    if n == 0 {
        return (text.to_string(), 0);
    }
    (text.chars().filter(|&c| !dropped(c)).collect(), n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_dropped_from_listings() {
        assert_eq!(
            super::drop_controls("La Gr\u{200e}ve\x1b[1m\u{9b}\tx\r\ny\x7f"),
            ("La Grve[1m\tx\r\ny".to_string(), 4)
        );
        assert_eq!(
            super::drop_controls("plain été\n"),
            ("plain été\n".to_string(), 0)
        );
    }

    #[test]
    fn binary_files_are_told_from_text() {
        assert!(super::binary_reason(b"\x7fELF\x02\x01\x01\0\0\0").is_some());
        assert!(super::binary_reason(&[1u8; 200]).is_some());
        assert!(super::binary_reason("Tout va bien (1972)\r\n\tGodard\x0c".as_bytes()).is_none());
        assert!(super::binary_reason(b"caf\xe9 cr\xe8me").is_none());
    }

    #[test]
    fn decodes_windows_1252() {
        assert_eq!(
            super::decode(b"Caf\xe9 \x93quoted\x94"),
            ("Café “quoted”".to_string(), true)
        );
        assert_eq!(
            super::decode("Fábrica".as_bytes()),
            ("Fábrica".to_string(), false)
        );
    }
}

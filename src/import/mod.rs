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

#[cfg(test)]
mod tests {
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

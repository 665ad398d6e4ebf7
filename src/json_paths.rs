//! Where each value of a JSON text is: a byte span for every path such as
//! `screenings[3].films[0].runtime`, found in one pass over the text.
//!
//! serde reads plans into structs and forgets positions; checks that run on
//! the structs (is this film in the catalogue? does this screening fit its
//! slot?) still owe the user a file, line and column. So the text is
//! scanned once more, cheaply, for the spans of the values, and a check
//! names the path of what it objects to. The scanner only needs text that
//! serde already accepted; on anything else it stops and knows less (a
//! diagnostic then falls back to naming the file).

use std::collections::HashMap;
use std::ops::Range;

/// Byte spans of the values of a JSON text, by path.
#[derive(Debug, Default)]
pub struct JsonPaths {
    spans: HashMap<String, Range<usize>>,
}

impl JsonPaths {
    /// Scans `text` (JSON that parsed).
    pub fn new(text: &str) -> JsonPaths {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            at: 0,
            spans: HashMap::new(),
        };
        let mut path = String::new();
        let _ = scanner.value(&mut path);
        JsonPaths {
            spans: scanner.spans,
        }
    }

    /// The span of the value at `path` (`""` is the whole document).
    pub fn span(&self, path: &str) -> Option<Range<usize>> {
        self.spans.get(path).cloned()
    }

    /// The span of the value at `path`, else of the nearest enclosing value
    /// that has one.
    pub fn nearest(&self, path: &str) -> Option<Range<usize>> {
        let mut p = path;
        loop {
            if let Some(s) = self.spans.get(p) {
                return Some(s.clone());
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
    spans: HashMap<String, Range<usize>>,
}

impl Scanner<'_> {
    fn skip_space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| b.is_ascii_whitespace())
        {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// One value at `path`; records its span. None where the text is not JSON.
    fn value(&mut self, path: &mut String) -> Option<()> {
        self.skip_space();
        let start = self.at;
        match self.peek()? {
            b'{' => {
                self.at += 1;
                self.skip_space();
                if self.peek()? == b'}' {
                    self.at += 1;
                } else {
                    loop {
                        self.skip_space();
                        let key = self.string()?;
                        self.skip_space();
                        (self.peek()? == b':').then_some(())?;
                        self.at += 1;
                        let len = path.len();
                        if !path.is_empty() {
                            path.push('.');
                        }
                        path.push_str(&key);
                        self.value(path)?;
                        path.truncate(len);
                        self.skip_space();
                        match self.peek()? {
                            b',' => self.at += 1,
                            b'}' => {
                                self.at += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
            }
            b'[' => {
                self.at += 1;
                self.skip_space();
                if self.peek()? == b']' {
                    self.at += 1;
                } else {
                    let mut i = 0;
                    loop {
                        let len = path.len();
                        path.push_str(&format!("[{i}]"));
                        self.value(path)?;
                        path.truncate(len);
                        i += 1;
                        self.skip_space();
                        match self.peek()? {
                            b',' => self.at += 1,
                            b']' => {
                                self.at += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
            }
            b'"' => {
                self.string()?;
            }
            _ => {
                // A number or a literal: up to the next delimiter.
                while self
                    .peek()
                    .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                (self.at > start).then_some(())?;
            }
        }
        self.spans.insert(path.clone(), start..self.at);
        Some(())
    }

    /// A string; returns its text (escapes read, enough for keys).
    fn string(&mut self) -> Option<String> {
        (self.peek()? == b'"').then_some(())?;
        self.at += 1;
        let start = self.at;
        let mut escaped = false;
        while let Some(b) = self.peek() {
            self.at += 1;
            match b {
                b'\\' => {
                    self.at += 1;
                    escaped = true;
                }
                b'"' => {
                    let raw = std::str::from_utf8(&self.bytes[start..self.at - 1]).ok()?;
                    return Some(if escaped {
                        serde_json::from_str(&format!("\"{raw}\"")).ok()?
                    } else {
                        raw.to_string()
                    });
                }
                _ => {}
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values() {
        let text = r#"{
  "programme": "Week \"end\"",
  "screenings": [
    { "id": "a@1", "films": [ { "id": "x", "runtime": 95 } ] },
    { "id": "b@2", "films": [] }
  ],
  "k\u0065y": [1, 2.5e3, true, null]
}"#;
        let p = JsonPaths::new(text);
        let at = |path: &str| &text[p.span(path).unwrap()];
        assert_eq!(at("programme"), r#""Week \"end\"""#);
        assert_eq!(at("screenings[0].films[0].runtime"), "95");
        assert_eq!(at("screenings[1].id"), "\"b@2\"");
        assert_eq!(at("screenings[1].films"), "[]");
        assert_eq!(at("key[1]"), "2.5e3");
        assert_eq!(at("key[3]"), "null");
        assert!(at("").starts_with('{'));
        assert_eq!(
            &text[p.nearest("screenings[0].films[0].title").unwrap()],
            r#"{ "id": "x", "runtime": 95 }"#
        );
    }

    #[test]
    fn never_panics_on_broken_text() {
        for text in [
            "",
            "{",
            "[1,",
            "{\"a\":",
            "\"abc",
            "{\"a\" 1}",
            "[1 2]",
            "\u{1F600}",
        ] {
            let _ = JsonPaths::new(text);
        }
    }
}

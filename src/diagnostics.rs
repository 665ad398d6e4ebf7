//! Located diagnostics: errors and warnings that name the file, line and column
//! of the offending value, render like a compiler's messages, and serialise to
//! JSON for scripts and editors.
//!
//! Every loader in slate (themes, films, later programmes) reports problems as
//! [`Diagnostic`]s and keeps going, so a user sees all errors of a run at once.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;

use crate::text::{escape_controls, escaped, is_control};

/// How serious a diagnostic is. Errors make a command exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in an input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file the problem is in, as the user named it (None for problems of the whole run).
    pub file: Option<PathBuf>,
    /// 1-based line number.
    pub line: Option<usize>,
    /// 1-based column, counted in characters.
    pub column: Option<usize>,
    /// What is wrong, naming the offending value.
    pub message: String,
    /// The offending value as written in the file, when there is one.
    pub value: Option<String>,
    /// What to do about it ("did you mean `runtime`?").
    pub help: Option<String>,
    /// The source line, for rendering.
    #[serde(skip)]
    pub source_line: Option<String>,
    /// Width in characters of the highlighted part of `source_line`.
    #[serde(skip)]
    pub width: usize,
}

impl Diagnostic {
    fn new(severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: None,
            line: None,
            column: None,
            message: message.into(),
            value: None,
            help: None,
            source_line: None,
            width: 0,
        }
    }

    /// An error not (yet) attached to a place.
    pub fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message)
    }

    /// A warning not (yet) attached to a place.
    pub fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message)
    }

    /// Attaches the diagnostic to a whole file.
    pub fn in_file(mut self, path: &Path) -> Self {
        self.file = Some(path.to_path_buf());
        self
    }

    /// Attaches the diagnostic to a byte range of a source file; the value
    /// defaults to the text of that range.
    pub fn at(mut self, source: &SourceFile, span: std::ops::Range<usize>) -> Self {
        let (line, column, text) = source.locate(span.start);
        let end = span.end.max(span.start).min(source.text.len());
        let covered = source.text.get(span.start..end).unwrap_or("");
        let covered_first_line = covered.split('\n').next().unwrap_or("");
        self.file = Some(source.path.clone());
        self.line = Some(line);
        self.column = Some(column);
        self.width = covered_first_line.chars().count().max(1);
        self.source_line = Some(text.to_string());
        if self.value.is_none() && !covered.is_empty() {
            self.value = Some(truncate(covered.trim(), 120));
        }
        self
    }

    /// Sets the offending value explicitly.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Adds advice.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds advice when there is some.
    pub fn maybe_help(self, help: Option<String>) -> Self {
        match help {
            Some(h) => self.help(h),
            None => self,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key: file, then position, so output is in reading order.
    pub fn sort_key(&self) -> (Option<&Path>, usize, usize, Severity) {
        (
            self.file.as_deref(),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
        )
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}

impl fmt::Display for Diagnostic {
    /// Renders like a compiler message:
    ///
    /// ```text
    /// error: unknown key `runtme` in film `harlan-county-usa`
    ///   --> data/films.toml:7:1
    ///    |
    ///  7 | runtme = 103
    ///    | ^^^^^^
    ///    = help: did you mean `runtime`?
    /// ```
    ///
    /// Control characters from the data ([`crate::text::is_control`]) are
    /// shown escaped (`\u{1b}`), so a message can never drive the terminal;
    /// a tab in the source line is kept, for the caret to line up.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", escape_controls(&self.message, &[]))?;
        let gutter = self.line.map(|l| l.to_string().len()).unwrap_or(1);
        let pad = " ".repeat(gutter);
        if let Some(file) = &self.file {
            let file = file.display().to_string();
            let file = escape_controls(&file, &[]);
            match (self.line, self.column) {
                (Some(l), Some(c)) => writeln!(f, "{pad}--> {file}:{l}:{c}")?,
                (Some(l), None) => writeln!(f, "{pad}--> {file}:{l}")?,
                _ => writeln!(f, "{pad}--> {file}")?,
            }
        }
        if let (Some(line), Some(col), Some(src)) = (self.line, self.column, &self.source_line) {
            let chars: Vec<char> = src.trim_end_matches(['\r', '\n']).chars().collect();
            let shown = |c: char| -> String {
                if c == '\t' || !is_control(c) {
                    c.to_string()
                } else {
                    escaped(c)
                }
            };
            let text: String = chars.iter().map(|&c| shown(c)).collect();
            writeln!(f, "{pad} |")?;
            writeln!(f, "{line} | {text}")?;
            let before = col.saturating_sub(1).min(chars.len());
            let lead: String = chars[..before]
                .iter()
                .map(|&c| match c {
                    '\t' => "\t".to_string(),
                    c => " ".repeat(shown(c).chars().count()),
                })
                .collect();
            let covered = &chars[before..(before + self.width).min(chars.len())];
            let width: usize = covered
                .iter()
                .map(|&c| shown(c).chars().count())
                .sum::<usize>()
                + (self.width - covered.len());
            writeln!(f, "{pad} | {lead}{}", "^".repeat(width.max(1)))?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "{pad} = help: {}", escape_controls(help, &[]))?;
        }
        Ok(())
    }
}

/// A text file held in memory with a lazily built line index, so positions
/// are only computed for the rare bytes that have something wrong with them.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        SourceFile {
            path: path.into(),
            text,
            line_starts: OnceLock::new(),
        }
    }

    /// Reads a file, reporting unreadable or non-UTF-8 content as a located diagnostic.
    pub fn read(path: &Path) -> Result<SourceFile, Box<Diagnostic>> {
        let bytes = std::fs::read(path).map_err(|e| {
            Box::new(
                Diagnostic::error(format!("cannot read {}: {e}", path.display())).in_file(path),
            )
        })?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile::new(path, text)),
            Err(e) => {
                let bytes = e.into_bytes();
                let bad = std::str::from_utf8(&bytes).unwrap_err();
                let at = bad.valid_up_to();
                let len = bad.error_len().unwrap_or(bytes.len() - at).max(1);
                let shown: Vec<String> = bytes[at..(at + len).min(bytes.len())]
                    .iter()
                    .map(|b| format!("\\x{b:02X}"))
                    .collect();
                // Build the position from the valid prefix.
                let prefix = String::from_utf8_lossy(&bytes[..at]).into_owned();
                let line = prefix.matches('\n').count() + 1;
                let line_start = prefix.rfind('\n').map(|i| i + 1).unwrap_or(0);
                let column = prefix[line_start..].chars().count() + 1;
                let rest_end = bytes[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map(|p| at + p)
                    .unwrap_or(bytes.len());
                let line_text = String::from_utf8_lossy(&bytes[line_start..rest_end]).into_owned();
                let mut d = Diagnostic::error(format!(
                    "{} is not valid UTF-8: invalid byte sequence {}",
                    path.display(),
                    shown.join("")
                ))
                .in_file(path)
                .value(shown.join(""))
                .help("save the file as UTF-8 (most editors offer \"Save with encoding\"; iconv -f latin1 -t utf-8 converts Latin-1)");
                d.line = Some(line);
                d.column = Some(column);
                d.source_line = Some(line_text);
                d.width = 1;
                Err(Box::new(d))
            }
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// 1-based line and character column of a byte offset, and the line's text.
    pub fn locate(&self, offset: usize) -> (usize, usize, &str) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let idx = match starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = starts[idx];
        let end = starts
            .get(idx + 1)
            .map(|e| e - 1)
            .unwrap_or(self.text.len());
        let mut offset = offset;
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let column = self.text[start..offset].chars().count() + 1;
        (idx + 1, column, &self.text[start..end.max(start)])
    }
}

/// Renders diagnostics for a terminal, in reading order, followed by a
/// one-line summary ("2 errors, 1 warning").
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut sorted: Vec<&Diagnostic> = diagnostics.iter().collect();
    sorted.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut out = String::new();
    for d in sorted {
        out.push_str(&d.to_string());
        out.push('\n');
    }
    out
}

/// "3 errors and 1 warning" style summary.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_characters_not_bytes() {
        let src = SourceFile::new("x.toml", "a = 1\ntitle = \"Fábrica\" x\n".to_string());
        let off = src.text.find(" x").unwrap() + 1;
        let (line, col, text) = src.locate(off);
        assert_eq!(line, 2);
        assert_eq!(col, 19);
        assert_eq!(text, "title = \"Fábrica\" x");
    }

    #[test]
    fn renders_location_caret_and_help() {
        let src = SourceFile::new("f.toml", "[[film]]\nruntme = 103\n".to_string());
        let d = Diagnostic::error("unknown key `runtme`")
            .at(&src, 9..15)
            .help("did you mean `runtime`?");
        let s = d.to_string();
        assert!(s.contains("--> f.toml:2:1"), "{s}");
        assert!(s.contains("2 | runtme = 103"), "{s}");
        assert!(s.contains("  | ^^^^^^\n"), "{s}");
        assert!(s.contains("= help: did you mean `runtime`?"), "{s}");
        assert_eq!(d.value.as_deref(), Some("runtme"));
    }

    #[test]
    fn control_characters_from_data_are_shown_escaped() {
        let src = SourceFile::new(
            "f\x1b.toml",
            "title = \"A\u{202e}B\\e[31m\"\n\tx = \"\x1b\"\n".to_string(),
        );
        let d = Diagnostic::error("title `A\u{202e}B\x1b[31m`")
            .at(&src, 10..11)
            .help("not \u{9b}");
        let s = d.to_string();
        assert!(
            !s.chars().any(|c| crate::text::is_control(c) && c != '\n'),
            "{s:?}"
        );
        assert!(s.contains("error: title `A\\u{202e}B\\u{1b}[31m`"), "{s}");
        assert!(s.contains("--> f\\u{1b}.toml:1:11"), "{s}");
        assert!(s.contains("1 | title = \"A\\u{202e}B\\e[31m\""), "{s}");
        // The caret is under the escaped character, as wide as its escape.
        assert!(s.contains("  |           ^^^^^^^^\n"), "{s}");
        assert!(s.contains("= help: not \\u{9b}"), "{s}");
        // A tab in the source line is kept, for the caret to line up.
        let d = Diagnostic::error("x").at(&src, src.text.find('x').unwrap()..src.text.len());
        assert!(
            d.to_string()
                .contains("2 | \tx = \"\\u{1b}\"\n  | \t^^^^^^^^^^^^\n"),
            "{d}"
        );
    }

    proptest::proptest! {
        /// Whatever the data, a rendered diagnostic holds no control
        /// character but its own line breaks and the source line's tabs,
        /// and rendering never panics.
        #[test]
        fn rendering_never_prints_control_characters(
            text in "(\\PC|[\u{0}-\u{1f}\u{7f}-\u{9f}\u{200e}\u{202a}-\u{202e}\u{2066}-\u{2069}]){0,40}",
            start in 0usize..200,
            len in 0usize..20,
        ) {
            let src = SourceFile::new("f\u{1b}.toml", text.clone());
            let d = Diagnostic::error(format!("bad `{text}`"))
                .at(&src, start..start + len)
                .help(text.clone());
            let shown = d.to_string();
            proptest::prop_assert!(
                !shown.chars().any(|c| crate::text::is_control(c) && c != '\n' && c != '\t'),
                "{shown:?}"
            );
        }
    }

    #[test]
    fn non_utf8_is_located() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.toml");
        std::fs::write(&p, b"[[film]]\ntitle = \"Caf\xe9\"\n").unwrap();
        let d = SourceFile::read(&p).unwrap_err();
        assert_eq!(d.line, Some(2));
        assert_eq!(d.column, Some(13));
        assert_eq!(d.value.as_deref(), Some("\\xE9"));
    }

    #[test]
    fn summary_pluralises() {
        let e = Diagnostic::error("a");
        let w = Diagnostic::warning("b");
        assert_eq!(summary(std::slice::from_ref(&e)), "1 error");
        assert_eq!(summary(&[e.clone(), e, w]), "2 errors and 1 warning");
    }
}

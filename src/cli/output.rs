//! Output formats shared by every listing command: an aligned table for
//! people, JSON and CSV for scripts (stable interfaces), and writing to stdout
//! without failing when the reader goes away (`slate … | head`).

use std::io::Write;
use std::path::Path;

use comfy_table::{presets, ContentArrangement, Table};
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use slate::atomic_file::{write_output, WriteError};
use slate::diagnostics::Diagnostic;
use slate::text::{escape_controls, is_control};

use super::Failure;

/// `--format` of listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for reading
    #[default]
    Table,
    /// JSON for scripts
    Json,
    /// CSV with a header row, lists joined with "; " (values verbatim)
    Csv,
}

/// Writes `text` to stdout; a closed pipe ends the command quietly.
pub fn emit(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Data(format!("error: cannot write output: {e}"))),
    }
}

/// Streams pretty JSON (and a final newline) to stdout without building it in
/// memory first: big reports stay cheap. A closed pipe ends quietly.
pub fn emit_json<T: Serialize + ?Sized>(value: &T) -> Result<(), Failure> {
    let out = std::io::stdout().lock();
    let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
    let result = write_json(&mut w, value)
        .map_err(std::io::Error::from)
        .and_then(|_| w.write_all(b"\n"))
        .and_then(|_| w.flush());
    match result {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::Data(format!("error: cannot write output: {e}"))),
    }
}

/// Pretty JSON with a final newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    write_json(&mut out, value).expect("serialisable output");
    let mut s = String::from_utf8(out).expect("JSON is UTF-8");
    s.push('\n');
    s
}

/// Writes pretty JSON in which every control character
/// ([`slate::text::is_control`]) is a `\uXXXX` escape: serde_json escapes
/// U+0000–U+001F itself, [`SafeJson`] the rest (DEL, C1, bidirectional-text
/// controls), so JSON read on a terminal cannot drive it either.
fn write_json<W: Write, T: Serialize + ?Sized>(w: W, value: &T) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(w, SafeJson(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// serde_json's pretty layout, with the escapes of [`write_json`].
struct SafeJson<'a>(PrettyFormatter<'a>);

impl Formatter for SafeJson<'_> {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Most text is ASCII without DEL: nothing to escape.
        if fragment.bytes().all(|b| b < 0x7f) {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_control(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

/// CSV text from a header and rows.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).expect("in-memory write");
    for r in rows {
        w.write_record(r).expect("in-memory write");
    }
    String::from_utf8(w.into_inner().expect("in-memory flush")).expect("utf-8 input")
}

/// An aligned plain-text table (wrapped to the terminal's width on a terminal).
/// Control characters in cells ([`slate::text::is_control`]) are shown
/// escaped (`\u{1b}`), so data can never drive the terminal; a line break
/// makes a cell of several lines.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let cell = |s: &str| escape_controls(s, &['\n']).into_owned();
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(|h| cell(h)));
    for r in rows {
        t.add_row(r.iter().map(|c| cell(c)));
    }
    let mut s = t
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    s.push('\n');
    s
}

/// Joins list values for one table or CSV cell.
pub fn join(items: &[String]) -> String {
    items.join("; ")
}

/// An optional value as cell text ("" when absent).
pub fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// Whether `-o` names standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Writes one output file (`-` for standard output) through
/// [`write_output`]: atomically, with the modes people expect, through links
/// and devices, never over one of the command's `inputs` (a usage error).
/// Returns whether a file was written (so the caller reports it).
pub fn write_file(path: &Path, text: &str, inputs: &[&Path]) -> Result<bool, Failure> {
    if is_stdout(path) {
        emit(text)?;
        return Ok(false);
    }
    write_output(path, text.as_bytes(), inputs).map_err(write_failure)?;
    Ok(true)
}

/// A failed write as a command failure: exit 2 when the command line asked
/// for it (an input as output), else 1.
pub fn write_failure(e: WriteError) -> Failure {
    if e.is_usage() {
        Failure::Usage(format!("-o {e}"))
    } else {
        Failure::Data(format!("error: {e}"))
    }
}

/// Commands that write a directory take no `-`.
pub fn directory_output(path: &Path) -> Result<(), Failure> {
    if is_stdout(path) {
        return Err(Failure::Usage(
            "-o - (standard output) cannot hold a directory of files; give a directory".into(),
        ));
    }
    Ok(())
}

/// Diagnostics as CSV rows (`check` commands' `--format csv`).
pub fn diagnostics_csv(diagnostics: &[Diagnostic]) -> String {
    let rows: Vec<Vec<String>> = diagnostics
        .iter()
        .map(|d| {
            vec![
                format!("{:?}", d.severity).to_lowercase(),
                opt(d.file.as_ref().map(|f| f.display())),
                opt(d.line),
                opt(d.column),
                d.message.clone(),
                opt(d.value.as_ref()),
                opt(d.help.as_ref()),
            ]
        })
        .collect();
    csv(
        &[
            "severity", "file", "line", "column", "message", "value", "help",
        ],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_every_control_character() {
        let v = serde_json::json!({"title": "a\x1b\x7f\u{9b}\u{202e}\u{2069}é\n"});
        let text = json(&v);
        assert!(
            !text.chars().any(|c| is_control(c) && c != '\n'),
            "{text:?}"
        );
        assert!(
            text.contains(r#""a\u001b\u007f\u009b\u202e\u2069é\n""#),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
        assert_eq!(
            json(&[1, 2]),
            serde_json::to_string_pretty(&[1, 2]).unwrap() + "\n"
        );
    }

    #[test]
    fn tables_show_control_characters_escaped() {
        let t = table(
            &["title"],
            &[vec![
                "Red \x1b[31m\u{202e}x\u{9b}\x7f\ttwo\nlines".to_string()
            ]],
        );
        assert!(
            !t.chars().any(|c| slate::text::is_control(c) && c != '\n'),
            "{t:?}"
        );
        assert!(
            t.contains("Red \\u{1b}[31m\\u{202e}x\\u{9b}\\u{7f}\\u{9}two\n lines"),
            "{t}"
        );
    }
}

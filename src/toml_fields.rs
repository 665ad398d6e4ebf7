//! Reading TOML tables field by field with every problem located.
//!
//! slate's input files are parsed into a span-preserving tree
//! ([`toml::de::DeTable`]), then read with [`Fields`]: each accessor checks the
//! value's type and records a located [`Diagnostic`] instead of stopping, and
//! [`Fields::unknown_keys`] reports misspelt keys with a suggestion. This is how
//! a loader reports *all* the errors of a file in one run.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::{code_point, did_you_mean, is_bidi_control, is_control};

/// Parses a TOML document, returning every syntax error found (with recovery).
pub fn parse(source: &SourceFile) -> Result<Spanned<DeTable<'_>>, Vec<Diagnostic>> {
    parse_part(source, 0..source.text.len())
}

/// Parses the part `range` of a document as a document of its own (used to
/// parse a big file's `[[film]]` runs in parallel). Spans in the result are
/// relative to `range.start`; diagnostics are already absolute.
pub fn parse_part(
    source: &SourceFile,
    range: Range<usize>,
) -> Result<Spanned<DeTable<'_>>, Vec<Diagnostic>> {
    let base = range.start;
    let (table, errors) = DeTable::parse_recoverable(&source.text[range]);
    if errors.is_empty() {
        return Ok(table);
    }
    let diags = errors
        .into_iter()
        .map(|e| {
            let span = shift(base, e.span().unwrap_or(0..0));
            let message = e.message().trim().trim_end_matches('.').to_string();
            Diagnostic::error(format!("invalid TOML: {message}")).at(source, span)
        })
        .collect();
    Err(diags)
}

/// A human name for a TOML value's type, as used in messages.
pub fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Where in the string value at `span` of `text` the character `c` is
/// written: raw, or as a TOML escape (`\u001B`, `\U0000001B`, `\e`, `\t`,
/// …). The whole value when it cannot be found.
fn char_span(text: &str, span: Range<usize>, c: char) -> Range<usize> {
    let Some(value) = text.get(span.clone()) else {
        return span;
    };
    let n = c as u32;
    let mut forms = vec![
        c.to_string(),
        format!("\\u{n:04X}"),
        format!("\\u{n:04x}"),
        format!("\\U{n:08X}"),
        format!("\\U{n:08x}"),
    ];
    let short = match c {
        '\x1b' => "\\e",
        '\t' => "\\t",
        '\n' => "\\n",
        '\r' => "\\r",
        '\x08' => "\\b",
        '\x0c' => "\\f",
        _ => "",
    };
    if !short.is_empty() {
        forms.push(short.to_string());
    }
    forms
        .iter()
        .filter_map(|f| value.find(f.as_str()).map(|at| (at, f.len())))
        .min()
        .map_or(span.clone(), |(at, len)| {
            span.start + at..span.start + at + len
        })
}

/// A span of a part parsed on its own, made absolute in its file.
fn shift(base: usize, span: Range<usize>) -> Range<usize> {
    span.start + base..span.end + base
}

/// One TOML table being read, with the source it came from and a phrase
/// naming it in messages ("film `harlan-county-usa`"). Every span it hands
/// out is absolute in the source file.
pub struct Fields<'t, 'i> {
    pub table: &'t DeTable<'i>,
    /// Absolute span of the table.
    pub span: Range<usize>,
    pub source: &'t SourceFile,
    pub what: String,
    /// Offset of the part the table was parsed from (0 for whole files).
    base: usize,
    /// When set, strings may not hold control characters; the keys listed
    /// may hold line breaks and tabs (see [`Fields::plain_text`]).
    plain_text: Option<&'static [&'static str]>,
}

impl<'t, 'i> Fields<'t, 'i> {
    /// `span` is absolute; `base` is the offset of the part the table was
    /// parsed from (0 when the whole file was parsed at once).
    pub fn new(
        table: &'t DeTable<'i>,
        span: Range<usize>,
        source: &'t SourceFile,
        base: usize,
        what: impl Into<String>,
    ) -> Self {
        Fields {
            table,
            span,
            source,
            what: what.into(),
            base,
            plain_text: None,
        }
    }

    /// Refuses, with a located error, every string value (alone or in a
    /// list) holding a control character ([`crate::text::is_control`]: C0
    /// and C1 controls, DEL, bidirectional-text controls), except line
    /// breaks (`\n`, `\r\n`) and tabs in the values of `multiline_keys`.
    pub fn plain_text(mut self, multiline_keys: &'static [&'static str]) -> Self {
        self.plain_text = Some(multiline_keys);
        self
    }

    /// Reports the first control character of `s` not allowed under `key`.
    fn check_text(&self, key: &str, s: &str, span: Range<usize>, diags: &mut Vec<Diagnostic>) {
        let Some(multiline) = self.plain_text else {
            return;
        };
        // Every control character is encoded with a byte below 0x20, 0x7F,
        // or a lead byte 0xC2 (C1), 0xD8 (U+061C) or 0xE2 (U+200E…): most
        // text has none of them and is passed at byte speed.
        if !s
            .bytes()
            .any(|b| b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2))
        {
            return;
        }
        let lines = multiline.contains(&key);
        let allowed = |i: usize, c: char| {
            lines && (c == '\n' || c == '\t' || (c == '\r' && s[i + 1..].starts_with('\n')))
        };
        let Some((_, c)) = s
            .char_indices()
            .find(|&(i, c)| is_control(c) && !allowed(i, c))
        else {
            return;
        };
        let kind = if is_bidi_control(c) {
            "bidirectional-text control"
        } else {
            "control character"
        };
        let help = if lines {
            format!("remove it: text may not hold control characters (`{key}` may hold line breaks and tabs)")
        } else if multiline.is_empty() {
            "remove it: text may not hold control characters, not even tabs or line breaks".into()
        } else {
            format!(
                "remove it: text may not hold control characters (only {} may hold line breaks and tabs)",
                multiline.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(" and ")
            )
        };
        diags.push(
            Diagnostic::error(format!(
                "`{key}` in {} holds the {kind} {}",
                self.what,
                code_point(c)
            ))
            .at(self.source, char_span(&self.source.text, span, c))
            .value(s)
            .help(help),
        );
    }

    /// The absolute span of a value of this table.
    pub fn abs_span(&self, v: &Spanned<DeValue<'_>>) -> Range<usize> {
        self.abs(v.span())
    }

    fn abs(&self, span: Range<usize>) -> Range<usize> {
        shift(self.base, span)
    }

    /// Renames the table in later messages (once its id is known).
    pub fn set_what(&mut self, what: impl Into<String>) {
        self.what = what.into();
    }

    /// The raw value under `key` with its span.
    pub fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed key.
    pub fn unknown_keys(&self, allowed: &[&str], diags: &mut Vec<Diagnostic>) {
        for (key, _) in self.table.iter() {
            let name: &str = key.get_ref();
            if !allowed.contains(&name) {
                let help = did_you_mean(name, allowed.iter().copied()).unwrap_or_else(|| {
                    format!(
                        "the keys a {} may have are: {}",
                        self.kind(),
                        allowed.join(", ")
                    )
                });
                diags.push(
                    Diagnostic::error(format!("unknown key `{name}` in {}", self.what))
                        .at(self.source, self.abs(key.span()))
                        .value(name)
                        .help(help),
                );
            }
        }
    }

    /// What kind of table this is, for "the keys a venue may have": the
    /// description without its article, id or "of …" ("a slot template" →
    /// "slot template", "series `strikes`" → "series", "the programme" →
    /// "programme").
    fn kind(&self) -> String {
        let words: Vec<&str> = self
            .what
            .split_whitespace()
            .skip_while(|w| matches!(*w, "a" | "an" | "the"))
            .take_while(|w| !w.starts_with(['`', '#']) && *w != "of")
            .collect();
        if words.is_empty() {
            "table".into()
        } else {
            words.join(" ")
        }
    }

    fn type_error(&self, key: &str, expected: &str, v: &Spanned<DeValue<'_>>) -> Diagnostic {
        Diagnostic::error(format!(
            "`{key}` in {} must be {expected}, found {}",
            self.what,
            type_name(v.get_ref())
        ))
        .at(self.source, self.abs(v.span()))
    }

    /// Reports a required key that is absent.
    pub fn missing(&self, key: &str, example: &str, diags: &mut Vec<Diagnostic>) {
        let header_end = self.span.start.min(self.source.text.len());
        diags.push(
            Diagnostic::error(format!("{} has no `{key}`", self.what))
                .at(self.source, header_end..header_end)
                .help(format!("add a line such as {example}")),
        );
    }

    /// A string value.
    pub fn str(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<(&'t str, Range<usize>)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => {
                self.check_text(key, s, self.abs(v.span()), diags);
                Some((s.as_ref(), self.abs(v.span())))
            }
            _ => {
                diags.push(self.type_error(key, "a string", v));
                None
            }
        }
    }

    /// An integer value (out-of-range integers are reported, not wrapped).
    pub fn int(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<(i64, Range<usize>)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some((n, self.abs(v.span()))),
                Err(_) => {
                    diags.push(
                        Diagnostic::error(format!(
                            "`{key}` in {} is too large to be a number of this kind",
                            self.what
                        ))
                        .at(self.source, self.abs(v.span())),
                    );
                    None
                }
            },
            DeValue::String(s) if s.trim().parse::<i64>().is_ok() => {
                diags.push(
                    self.type_error(key, "an integer", v)
                        .help(format!("write it without quotes: {key} = {}", s.trim())),
                );
                None
            }
            _ => {
                diags.push(self.type_error(key, "an integer", v));
                None
            }
        }
    }

    /// A boolean value.
    pub fn bool(&self, key: &str, diags: &mut Vec<Diagnostic>) -> Option<(bool, Range<usize>)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some((*b, self.abs(v.span()))),
            _ => {
                diags.push(self.type_error(key, "true or false", v));
                None
            }
        }
    }

    /// An array of inline tables (`companions = [{ film = "x", relation = "sequel" }]`),
    /// each read with its own [`Fields`] named `what` ("a companion of film `x`"),
    /// with the same plain-text rule. `example` shows the expected shape in
    /// messages about a value of the wrong type.
    pub fn table_list(
        &self,
        key: &str,
        what: &str,
        example: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Vec<Fields<'t, 'i>>> {
        let v = self.get(key)?;
        let DeValue::Array(items) = v.get_ref() else {
            diags.push(
                self.type_error(key, "an array of tables", v)
                    .help(format!("write {example}")),
            );
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push(Fields {
                    table: t,
                    span: self.abs(item.span()),
                    source: self.source,
                    what: what.to_string(),
                    base: self.base,
                    plain_text: self.plain_text,
                }),
                other => diags.push(
                    Diagnostic::error(format!(
                        "each entry of `{key}` in {} must be a table, found {}",
                        self.what,
                        type_name(other)
                    ))
                    .at(self.source, self.abs(item.span()))
                    .help(format!("write {example}")),
                ),
            }
        }
        Some(out)
    }

    /// An array of strings; each element comes with its own span.
    pub fn str_list(
        &self,
        key: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Vec<(&'t str, Range<usize>)>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                let mut ok = true;
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => {
                            self.check_text(key, s, self.abs(item.span()), diags);
                            out.push((s.as_ref(), self.abs(item.span())));
                        }
                        other => {
                            ok = false;
                            diags.push(
                                Diagnostic::error(format!(
                                    "`{key}` in {} must hold only strings, found {}",
                                    self.what,
                                    type_name(other)
                                ))
                                .at(self.source, self.abs(item.span())),
                            );
                        }
                    }
                }
                ok.then_some(out)
            }
            DeValue::String(s) => {
                diags.push(
                    self.type_error(key, "an array of strings", v)
                        .help(format!("put it in brackets: {key} = [\"{s}\"]")),
                );
                None
            }
            _ => {
                diags.push(self.type_error(key, "an array of strings", v));
                None
            }
        }
    }
}

/// Reads the `id` of an entry of a vocabulary file (`[[event]]`,
/// `[[festival]]`): present, a slug, not used before in the file (`seen`
/// maps ids to their offsets). Names the table after its id from then on.
/// `kind` is "event"; `example` an id to show ("uk-miners-strike-1984").
pub fn vocabulary_id(
    f: &mut Fields<'_, '_>,
    kind: &str,
    example: &str,
    seen: &mut std::collections::HashMap<String, usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let Some((id, span)) = f.str("id", diags) else {
        if f.get("id").is_none() {
            f.missing("id", &format!("id = \"{example}\""), diags);
        }
        return None;
    };
    f.set_what(format!("{kind} `{id}`"));
    if !crate::text::is_slug(id) {
        diags.push(
            Diagnostic::error(format!(
                "{kind} id `{id}` is not a slug (lowercase letters, digits and hyphens)"
            ))
            .at(f.source, span.clone())
            .value(id)
            .help(format!("use id = \"{}\"", crate::text::slugify(id))),
        );
        return None;
    }
    if let Some(&first) = seen.get(id) {
        let (line, _, _) = f.source.locate(first);
        diags.push(
            Diagnostic::error(format!("duplicate {kind} id `{id}`"))
                .at(f.source, span)
                .value(id)
                .help(format!("`{id}` is already defined on line {line}")),
        );
        return None;
    }
    seen.insert(id.to_string(), span.start);
    Some(id.to_string())
}

/// Reads the top level of a document whose only key is an array of tables
/// named `array` (`[[film]]`, `[[theme]]`), reporting other keys. Returns each
/// table with its absolute span. `base` is the offset of the parsed part.
pub fn array_of_tables<'t, 'i>(
    root: &'t Spanned<DeTable<'i>>,
    source: &SourceFile,
    base: usize,
    array: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(&'t DeTable<'i>, Range<usize>)> {
    let mut out = Vec::new();
    for (key, value) in root.get_ref().iter() {
        let name: &str = key.get_ref();
        if name != array {
            let help = did_you_mean(name, [array])
                .unwrap_or_else(|| format!("this file holds only [[{array}]] tables"));
            diags.push(
                Diagnostic::error(format!("unexpected top-level key `{name}`"))
                    .at(source, shift(base, key.span()))
                    .value(name)
                    .help(help),
            );
            continue;
        }
        match value.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(t) => out.push((t, shift(base, item.span()))),
                        other => diags.push(
                            Diagnostic::error(format!(
                                "each `{array}` must be a table, found {}",
                                type_name(other)
                            ))
                            .at(source, shift(base, item.span())),
                        ),
                    }
                }
            }
            other => diags.push(
                Diagnostic::error(format!(
                    "`{array}` must be an array of tables ([[{array}]]), found {}",
                    type_name(other)
                ))
                .at(source, shift(base, value.span()))
                .help(format!("start each entry with a [[{array}]] line")),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_refuses_control_characters_except_line_breaks_where_allowed() {
        let src = SourceFile::new(
            "t.toml",
            "[[t]]\nlabel = \"a\\tb\"\nlist = [\"ok\", \"x\u{200f}\"]\ndescription = \"one\\r\\ntwo\\tthree\"\nlone = \"cr\\r\"\n"
                .to_string(),
        );
        let root = parse(&src).unwrap();
        let Some(DeValue::Array(items)) = root.get_ref().get("t").map(|v| v.get_ref()) else {
            panic!("no t");
        };
        let DeValue::Table(t) = items[0].get_ref() else {
            panic!("not a table");
        };
        let f = Fields::new(t, items[0].span(), &src, 0, "theme `x`")
            .plain_text(&["description", "lone"]);
        let mut diags = Vec::new();
        assert!(f.str("description", &mut diags).is_some());
        assert!(diags.is_empty(), "{diags:?}");
        f.str("label", &mut diags);
        f.str_list("list", &mut diags);
        f.str("lone", &mut diags);
        let got: Vec<(usize, usize, &str)> = diags
            .iter()
            .map(|d| (d.line.unwrap(), d.column.unwrap(), d.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    2,
                    11,
                    "`label` in theme `x` holds the control character U+0009"
                ),
                (
                    3,
                    17,
                    "`list` in theme `x` holds the bidirectional-text control U+200F"
                ),
                (
                    5,
                    11,
                    "`lone` in theme `x` holds the control character U+000D"
                ),
            ]
        );
        assert_eq!(diags[0].width, 2);
        // Without plain_text, anything goes (programme files, for now).
        let f = Fields::new(t, items[0].span(), &src, 0, "theme `x`");
        let mut diags = Vec::new();
        f.str("label", &mut diags);
        assert!(diags.is_empty());
    }

    #[test]
    fn unknown_key_help_names_the_kind_of_table() {
        let src = SourceFile::new("p.toml", "[[slots]]\nvenus = 1\n".to_string());
        let root = parse(&src).unwrap();
        let Some(DeValue::Array(items)) = root.get_ref().get("slots").map(|v| v.get_ref()) else {
            panic!("no slots");
        };
        let DeValue::Table(t) = items[0].get_ref() else {
            panic!("not a table");
        };
        for (what, kind) in [
            ("a slot template", "slot template"),
            ("the programme", "programme"),
            ("series `strikes`", "series"),
            ("a film of this file", "film"),
            ("theme #3", "theme"),
        ] {
            let f = Fields::new(t, items[0].span(), &src, 0, what);
            let mut diags = Vec::new();
            f.unknown_keys(&["id", "length"], &mut diags);
            assert_eq!(
                diags[0].help.as_deref(),
                Some(format!("the keys a {kind} may have are: id, length").as_str()),
                "{what}"
            );
        }
    }
}

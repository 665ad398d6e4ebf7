//! The festivals and strands the catalogue's films were drawn from, read
//! from `festivals.toml`; films name them in `festivals = [...]`.
//!
//! A festival is kept as a vocabulary (like themes and events) rather than as
//! free text on each film so that one spelling serves every film, `catalog
//! check` catches a misspelt id, and `catalog stats` can count films and
//! countries per festival. The file is optional.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::addresses;
use crate::countries;
use crate::diagnostics::{Diagnostic, SourceFile};
use crate::indexed::{Identified, Indexed};
use crate::toml_fields::{array_of_tables, parse, vocabulary_id, Fields};

/// A festival, series or strand that screens films.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Festival {
    pub id: String,
    pub name: String,
    pub city: Option<String>,
    /// Canonical country name.
    pub country: Option<String>,
    pub website: Option<String>,
    /// Programme pages and other pages that show what it screened.
    pub sources: Vec<String>,
}

/// The keys a `[[festival]]` table may have (a public interface).
pub const FESTIVAL_KEYS: &[&str] = &["id", "name", "city", "country", "website", "sources"];

/// All festivals of a data directory, in file order, indexed by id.
pub type Festivals = Indexed<Festival>;

impl Identified for Festival {
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.name
    }
}

impl Indexed<Festival> {
    /// Loads `festivals.toml`; no file is no festivals.
    pub fn load(path: &Path) -> (Festivals, Vec<Diagnostic>) {
        if !path.exists() {
            return (Indexed::default(), Vec::new());
        }
        match SourceFile::read(path) {
            Ok(src) => Self::parse(&src),
            Err(d) => (Indexed::default(), vec![*d]),
        }
    }

    /// Parses and validates a festivals document.
    pub fn parse(src: &SourceFile) -> (Festivals, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let root = match parse(src) {
            Ok(r) => r,
            Err(d) => return (Indexed::default(), d),
        };
        let tables = array_of_tables(&root, src, 0, "festival", &mut diags);
        let mut festivals = Vec::new();
        let mut seen = HashMap::new();
        for (n, (table, span)) in tables.into_iter().enumerate() {
            let mut f =
                Fields::new(table, span, src, 0, format!("festival #{}", n + 1)).plain_text(&[]);
            let id = vocabulary_id(&mut f, "festival", "reel-work", &mut seen, &mut diags);
            f.unknown_keys(FESTIVAL_KEYS, &mut diags);
            let text = |key: &str, diags: &mut Vec<Diagnostic>| {
                f.str(key, diags)
                    .map(|(s, span)| (s.trim().to_string(), span))
                    .filter(|(s, _)| !s.is_empty())
            };
            let name = text("name", &mut diags).map(|(s, _)| s);
            if name.is_none() && f.get("name").is_none() {
                f.missing(
                    "name",
                    "name = \"Reel Work May Day Labor Film Festival\"",
                    &mut diags,
                );
            }
            let city = text("city", &mut diags).map(|(s, _)| s);
            let country = text("country", &mut diags).and_then(|(c, span)| {
                if countries::is_canonical(&c) {
                    return Some(c);
                }
                diags.push(
                    Diagnostic::error(format!("unknown country `{c}` in {}", f.what))
                        .at(src, span)
                        .value(c.as_str())
                        .maybe_help(countries::suggest(&c).map(|s| format!("did you mean `{s}`?"))),
                );
                None
            });
            let website =
                text("website", &mut diags).and_then(|(w, span)| match addresses::url(&w) {
                    None => Some(w),
                    Some(fault) => {
                        diags.push(address_error(&f, "website", &w, span, &fault));
                        None
                    }
                });
            let mut sources = Vec::new();
            for (s, span) in f.str_list("sources", &mut diags).unwrap_or_default() {
                let s = s.trim();
                if let Some(fault) = addresses::is_address(s)
                    .then(|| addresses::url(s))
                    .flatten()
                {
                    diags.push(address_error(&f, "sources", s, span, &fault));
                } else if !s.is_empty() {
                    sources.push(s.to_string());
                }
            }
            let (Some(id), Some(name)) = (id, name) else {
                continue;
            };
            festivals.push(Festival {
                id,
                name,
                city,
                country,
                website,
                sources,
            });
        }
        (Indexed::new(festivals), diags)
    }
}

/// The error for a faulty address under `key` of the table `f`.
pub fn address_error(
    f: &Fields,
    key: &str,
    value: &str,
    span: std::ops::Range<usize>,
    fault: &addresses::Fault,
) -> Diagnostic {
    Diagnostic::error(format!("`{key}` of {} {}", f.what, fault.problem))
        .at(f.source, span)
        .value(value)
        .help(match &fault.fix {
            Some(fix) => format!("write \"{fix}\""),
            None => "copy the address again from the page's address bar".into(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_festivals_and_reports_problems() {
        let src = SourceFile::new(
            "festivals.toml",
            r#"
[[festival]]
id = "reel-work"
name = "Reel Work"
country = "United States"
website = "http://www.reelwork.org"
sources = ["http://reelwork.org/archive/2016/schedule2016.htm"]

[[festival]]
id = "bad"
name = "Bad"
country = "Untied States"
website = "http://advanceq.comwww.reelwork.org"
"#
            .to_string(),
        );
        let (f, d) = Festivals::parse(&src);
        assert_eq!(f.len(), 2);
        assert_eq!(
            f.get("reel-work").unwrap().country.as_deref(),
            Some("United States")
        );
        let all: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(d.len(), 2, "{all:?}");
        assert!(
            all[0].contains("unknown country `Untied States`"),
            "{all:?}"
        );
        assert!(all[1].contains("two addresses"), "{all:?}");
        assert_eq!(
            d[1].help.as_deref(),
            Some("write \"http://www.reelwork.org\"")
        );
    }
}

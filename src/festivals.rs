//! The festivals and strands the catalogue's films were drawn from, read
//! from `festivals.toml`; films name them in `festivals = [...]`.
//!
//! A festival is kept as a vocabulary (like themes and events) rather than as
//! free text on each film so that one spelling serves every film, `catalog
//! check` catches a misspelt id, and `catalog stats` can count films and
//! countries per festival. The file is optional; it is read by
//! [`Indexed::load`], and [`VocabularyEntry::read`] here reads one `[[festival]]`.

use serde::Serialize;

use crate::addresses;
use crate::countries;
use crate::diagnostics::Diagnostic;
use crate::indexed::{Identified, Indexed, VocabularyEntry};
use crate::toml_fields::Fields;

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

impl VocabularyEntry for Festival {
    const ARRAY: &'static str = "festival";
    const EXAMPLE_ID: &'static str = "reel-work";
    const MULTILINE: &'static [&'static str] = &[];

    fn read(f: &Fields, id: Option<String>, diags: &mut Vec<Diagnostic>) -> Option<Festival> {
        f.unknown_keys(FESTIVAL_KEYS, diags);
        let text = |key: &str, diags: &mut Vec<Diagnostic>| {
            f.str(key, diags)
                .map(|(s, span)| (s.trim().to_string(), span))
                .filter(|(s, _)| !s.is_empty())
        };
        let name = text("name", diags).map(|(s, _)| s);
        if name.is_none() && f.get("name").is_none() {
            f.missing(
                "name",
                "name = \"Reel Work May Day Labor Film Festival\"",
                diags,
            );
        }
        let city = text("city", diags).map(|(s, _)| s);
        let country = text("country", diags)
            .and_then(|(c, span)| countries::located(&c, span, f.source, &f.what, diags))
            .map(str::to_string);
        let website = text("website", diags).and_then(|(w, span)| match addresses::url(&w) {
            None => Some(w),
            Some(fault) => {
                diags.push(addresses::error(f, "website", &w, span, &fault));
                None
            }
        });
        let sources = addresses::sources(f, diags);
        Some(Festival {
            id: id?,
            name: name?,
            city,
            country,
            website,
            sources,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;

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

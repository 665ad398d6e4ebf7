//! The event vocabulary: specific struggles and historical events that films
//! are about (the 1984–85 UK miners' strike, the Lawrence textile strike),
//! read from `events.toml`, which films carry as `events = [...]`.
//!
//! An event is far more telling than a theme: two films about the Gdańsk
//! shipyard strike belong together in a way two films about "strikes" do
//! not. Events have keywords like themes, and tagging reuses the theme
//! tagger over them ([`Events::tagging_vocabulary`]), so importing learns
//! events from a synopsis as it learns themes. The file is optional: a data
//! directory without it has no events. The file is read by
//! [`Indexed::load`]; [`VocabularyEntry::read`] here reads one `[[event]]`.

use serde::Serialize;

use crate::addresses;
use crate::countries;
use crate::diagnostics::Diagnostic;
use crate::indexed::{Identified, Indexed, VocabularyEntry};
use crate::themes::{Theme, Vocabulary};
use crate::toml_fields::Fields;

/// One struggle or event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: String,
    /// "1984–85 UK miners' strike".
    pub label: String,
    /// First and last year (the same for a one-year event).
    pub years: (i32, i32),
    /// Canonical country names.
    pub places: Vec<String>,
    /// Regions, cities, sites, as free text.
    pub regions: Vec<String>,
    pub description: Option<String>,
    /// Phrases that, in a synopsis, mean this event.
    pub keywords: Vec<String>,
    pub sources: Vec<String>,
}

impl Event {
    /// "1984–85" or "1912".
    pub fn years_label(&self) -> String {
        let (a, b) = self.years;
        if a == b {
            a.to_string()
        } else if a / 100 == b / 100 {
            format!("{a}–{:02}", b % 100)
        } else {
            format!("{a}–{b}")
        }
    }
}

/// The keys an `[[event]]` table may have (a public interface).
pub const EVENT_KEYS: &[&str] = &[
    "id",
    "label",
    "years",
    "places",
    "regions",
    "description",
    "keywords",
    "sources",
];

/// All events of a data directory, in file order, indexed by id.
pub type Events = Indexed<Event>;

impl Identified for Event {
    fn id(&self) -> &str {
        &self.id
    }
    fn label(&self) -> &str {
        &self.label
    }
}

impl Indexed<Event> {
    /// The events as a theme vocabulary without hierarchy, so the theme
    /// tagger finds them in a text by their keywords.
    pub fn tagging_vocabulary(&self) -> Vocabulary {
        Vocabulary::new(
            self.all()
                .iter()
                .map(|e| Theme {
                    id: e.id.clone(),
                    label: e.label.clone(),
                    description: None,
                    keywords: e.keywords.clone(),
                    broader: None,
                })
                .collect(),
        )
    }
}

impl VocabularyEntry for Event {
    const ARRAY: &'static str = "event";
    const EXAMPLE_ID: &'static str = "uk-miners-strike-1984";
    const MULTILINE: &'static [&'static str] = &["description"];

    fn read(f: &Fields, id: Option<String>, diags: &mut Vec<Diagnostic>) -> Option<Event> {
        f.unknown_keys(EVENT_KEYS, diags);
        let label = f.str("label", diags).map(|(l, _)| l.trim().to_string());
        if label.is_none() && f.get("label").is_none() {
            f.missing("label", "label = \"1984–85 UK miners' strike\"", diags);
        }
        let years = read_years(f, diags);
        let list = |key: &str, diags: &mut Vec<Diagnostic>| -> Vec<String> {
            f.str_list(key, diags)
                .unwrap_or_default()
                .into_iter()
                .map(|(s, _)| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let mut places = Vec::new();
        for (p, span) in f.str_list("places", diags).unwrap_or_default() {
            places
                .extend(countries::located(p, span, f.source, &f.what, diags).map(str::to_string));
        }
        let regions = list("regions", diags);
        let keywords = list("keywords", diags);
        let sources = addresses::sources(f, diags);
        let description = f
            .str("description", diags)
            .map(|(d, _)| d.trim().to_string())
            .filter(|d| !d.is_empty());
        let (Some(id), Some(label), Some(years)) = (id, label, years) else {
            return None;
        };
        if sources.is_empty() {
            diags.push(
                Diagnostic::warning(format!("{} names no sources", f.what))
                    .at(f.source, f.span.start..f.span.start)
                    .help("add sources = [\"https://…\"] stating the event's dates and places"),
            );
        }
        Some(Event {
            id,
            label,
            years,
            places,
            regions,
            description,
            keywords,
            sources,
        })
    }
}

/// `years = [1984, 1985]` or `years = [1912]`.
fn read_years(f: &Fields, diags: &mut Vec<Diagnostic>) -> Option<(i32, i32)> {
    let Some(v) = f.get("years") else {
        f.missing("years", "years = [1984, 1985]", diags);
        return None;
    };
    let bad = |diags: &mut Vec<Diagnostic>, why: &str| {
        let mut d = Diagnostic::error(format!("`years` of {} {why}", f.what))
            .help("write years = [first, last], or years = [1912] for one year");
        d = match f.source.text.get(v.span()) {
            Some(_) => d.at(f.source, v.span()),
            None => d,
        };
        diags.push(d);
        None
    };
    let toml::de::DeValue::Array(items) = v.get_ref() else {
        return bad(diags, "must be an array of one or two years");
    };
    let mut ys = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            toml::de::DeValue::Integer(i) => match i.as_str().parse::<i32>() {
                Ok(y) if (1000..=9999).contains(&y) => ys.push(y),
                _ => return bad(diags, "holds something that is not a year"),
            },
            _ => return bad(diags, "holds something that is not a year"),
        }
    }
    match ys[..] {
        [y] => Some((y, y)),
        [a, b] if a <= b => Some((a, b)),
        [_, _] => bad(diags, "ends before it starts"),
        _ => bad(diags, "must hold one or two years"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;

    fn parse_str(s: &str) -> (Events, Vec<Diagnostic>) {
        Events::parse(&SourceFile::new("events.toml", s.to_string()))
    }

    #[test]
    fn reads_events() {
        let (e, d) = parse_str(
            r#"
[[event]]
id = "uk-miners-strike-1984"
label = "1984–85 UK miners' strike"
years = [1984, 1985]
places = ["United Kingdom"]
keywords = ["Orgreave"]
sources = ["https://example.org"]
"#,
        );
        assert!(d.is_empty(), "{d:?}");
        let ev = e.get("uk-miners-strike-1984").unwrap();
        assert_eq!(ev.years_label(), "1984–85");
        assert_eq!(e.tagging_vocabulary().len(), 1);
        assert_eq!(
            e.suggestion("uk-miners-strike").as_deref(),
            Some("did you mean `uk-miners-strike-1984`?")
        );
    }

    #[test]
    fn reports_every_problem() {
        let (e, d) = parse_str(
            r#"
[[event]]
id = "a"
label = "A"
years = [1990, 1980]
places = ["Yorkshire"]
[[event]]
id = "a"
label = "again"
years = [1990]
[[event]]
id = "Bad Id"
labl = "x"
years = "1990"
"#,
        );
        let msgs: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        let all = msgs.join("\n");
        for want in [
            "ends before it starts",
            "unknown country `Yorkshire`",
            "duplicate event id `a`",
            "not a slug",
            "unknown key `labl`",
            "must be an array",
        ] {
            assert!(all.contains(want), "{want} not in\n{all}");
        }
        assert!(e.is_empty() || e.len() <= 1);
    }
}

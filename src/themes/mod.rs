//! The theme vocabulary: [`Theme`]s read from `themes.toml`, their `broader`
//! hierarchy, look-ups by id, and keyword tagging of texts ([`tagging`]).

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::{did_you_mean, is_slug, slugify};
use crate::toml_fields::{array_of_tables, parse, Fields};

pub mod tagging;

/// A theme films can carry ("strikes", "coal").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Theme {
    /// Stable slug used in films' `themes` lists.
    pub id: String,
    /// Short human label ("Strikes and lockouts").
    pub label: String,
    /// What the theme covers.
    pub description: Option<String>,
    /// Words and phrases that signal the theme in a synopsis.
    pub keywords: Vec<String>,
    /// Parent theme id: a coal film is also a mining film.
    pub broader: Option<String>,
}

/// The keys a `[[theme]]` table may have (a public interface).
pub const THEME_KEYS: &[&str] = &["id", "label", "description", "keywords", "broader"];

/// All themes of a catalogue, in file order, indexed by id.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    themes: Vec<Theme>,
    index: HashMap<String, usize>,
}

impl Vocabulary {
    /// Builds a vocabulary from themes already known to be valid (unique ids,
    /// existing `broader` targets, no cycles).
    pub fn new(themes: Vec<Theme>) -> Self {
        let index = themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        Vocabulary { themes, index }
    }

    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    pub fn len(&self) -> usize {
        self.themes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Theme> {
        self.index.get(id).map(|&i| &self.themes[i])
    }

    /// Position of a theme in the vocabulary (stable for one load).
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Ids of all themes, in file order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.themes.iter().map(|t| t.id.as_str())
    }

    /// The theme and all its ancestors through `broader`, nearest first.
    pub fn ancestors<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let mut next = self.get(id).map(|t| t.id.as_str());
        let mut steps = 0;
        std::iter::from_fn(move || {
            let cur = next?;
            steps += 1;
            next = if steps > self.themes.len() {
                None
            } else {
                self.get(cur).and_then(|t| t.broader.as_deref())
            };
            Some(cur)
        })
    }

    /// Whether a film carrying `carried` counts as carrying `wanted`: the same
    /// theme or a narrower one (a `coal` film matches `mining`).
    pub fn implies(&self, carried: &str, wanted: &str) -> bool {
        self.ancestors(carried).any(|a| a == wanted)
    }

    /// Why an id is not in the vocabulary, with a suggestion: a close id
    /// (`strikez`), or the theme whose label was written instead of its id
    /// (`"Coal mining"` for `coal`). Programme files, film files and the
    /// `--theme` options of the commands all answer with this.
    pub fn suggestion(&self, id: &str) -> Option<String> {
        did_you_mean(id, self.ids()).or_else(|| {
            let label = crate::text::suggest(id, self.themes.iter().map(|t| t.label.as_str()))?;
            let theme = self.themes.iter().find(|t| t.label == label)?;
            Some(format!("did you mean `{}` ({})?", theme.id, theme.label))
        })
    }

    /// Loads and validates `themes.toml`. Returns the vocabulary (possibly
    /// partial) and every problem found.
    pub fn load(path: &Path) -> (Vocabulary, Vec<Diagnostic>) {
        match SourceFile::read(path) {
            Ok(src) => Self::parse(&src),
            Err(d) => (Vocabulary::default(), vec![*d]),
        }
    }

    /// Parses and validates a themes document.
    pub fn parse(src: &SourceFile) -> (Vocabulary, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let root = match parse(src) {
            Ok(r) => r,
            Err(d) => return (Vocabulary::default(), d),
        };
        let tables = array_of_tables(&root, src, 0, "theme", &mut diags);
        if tables.is_empty() && diags.is_empty() {
            diags.push(
                Diagnostic::error(format!("{} defines no themes", src.path.display()))
                    .in_file(&src.path)
                    .help("add [[theme]] tables with at least `id` and `label`"),
            );
        }
        let mut themes: Vec<Theme> = Vec::new();
        let mut broader_spans = Vec::new();
        // `@narrower` keywords, checked once every theme is known.
        let mut implications = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (n, (table, span)) in tables.into_iter().enumerate() {
            let mut f = Fields::new(table, span.clone(), src, 0, format!("theme #{}", n + 1))
                .plain_text(&["description"]);
            let id = f.str("id", &mut diags);
            if let Some((id, _)) = id {
                f.set_what(format!("theme `{id}`"));
            }
            f.unknown_keys(THEME_KEYS, &mut diags);
            let label = f.str("label", &mut diags);
            let description = f.str("description", &mut diags);
            let keywords = f.str_list("keywords", &mut diags).unwrap_or_default();
            let broader = f.str("broader", &mut diags);
            let Some((id, id_span)) = id else {
                if f.get("id").is_none() {
                    f.missing("id", "id = \"strikes\"", &mut diags);
                }
                continue;
            };
            if !is_slug(id) {
                diags.push(
                    Diagnostic::error(format!(
                        "theme id `{id}` is not a slug (lowercase letters, digits and hyphens)"
                    ))
                    .at(src, id_span.clone())
                    .value(id)
                    .help(format!("use id = \"{}\"", slugify(id))),
                );
            }
            if let Some(&first) = seen.get(id) {
                let (line, _, _) = src.locate(first);
                diags.push(
                    Diagnostic::error(format!("duplicate theme id `{id}`"))
                        .at(src, id_span.clone())
                        .value(id)
                        .help(format!("`{id}` is already defined on line {line}")),
                );
                continue;
            }
            seen.insert(id.to_string(), id_span.start);
            let label = match label {
                Some((l, s)) if l.trim().is_empty() => {
                    diags.push(
                        Diagnostic::error(format!("theme `{id}` has an empty label"))
                            .at(src, s)
                            .value("\"\""),
                    );
                    id.to_string()
                }
                Some((l, _)) => l.trim().to_string(),
                None => {
                    if f.get("label").is_none() {
                        f.missing("label", "label = \"Strikes and lockouts\"", &mut diags);
                    }
                    id.to_string()
                }
            };
            let mut kw = Vec::with_capacity(keywords.len());
            for (k, s) in keywords {
                if k.trim().is_empty() {
                    diags.push(
                        Diagnostic::error(format!("theme `{id}` has an empty keyword"))
                            .at(src, s)
                            .value("\"\""),
                    );
                } else {
                    if let Some(n) = k.trim().strip_prefix('@') {
                        implications.push((id.to_string(), n.trim().to_string(), s));
                    }
                    kw.push(k.trim().to_string());
                }
            }
            if let Some((_, s)) = &broader {
                broader_spans.push(s.clone());
            } else {
                broader_spans.push(0..0);
            }
            themes.push(Theme {
                id: id.to_string(),
                label,
                description: description.map(|(d, _)| d.trim().to_string()),
                keywords: kw,
                broader: broader.map(|(b, _)| b.to_string()),
            });
        }
        // `broader` must name a theme and must not loop.
        let ids: Vec<String> = themes.iter().map(|t| t.id.clone()).collect();
        for (t, span) in themes.iter_mut().zip(&broader_spans) {
            if let Some(b) = &t.broader {
                if !ids.contains(b) {
                    diags.push(
                        Diagnostic::error(format!(
                            "theme `{}` has broader theme `{b}`, which is not defined",
                            t.id
                        ))
                        .at(src, span.clone())
                        .value(b.as_str())
                        .maybe_help(did_you_mean(b, ids.iter().map(String::as_str))),
                    );
                    t.broader = None;
                } else if b == &t.id {
                    diags.push(
                        Diagnostic::error(format!("theme `{}` is its own broader theme", t.id))
                            .at(src, span.clone())
                            .value(b.as_str()),
                    );
                    t.broader = None;
                }
            }
        }
        let vocab = Vocabulary::new(themes);
        for (t, span) in vocab.themes.iter().zip(&broader_spans) {
            let chain: Vec<&str> = vocab.ancestors(&t.id).take(vocab.len() + 1).collect();
            if chain.len() > vocab.len() {
                diags.push(
                    Diagnostic::error(format!(
                        "theme `{}` is part of a cycle of broader themes: {}",
                        t.id,
                        chain[..chain.len().min(6)].join(" → ")
                    ))
                    .at(src, span.clone()),
                );
            }
        }
        for (id, narrower, span) in implications {
            if narrower == id || !vocab.implies(&narrower, &id) {
                diags.push(
                    Diagnostic::error(format!(
                        "theme `{id}` has keyword `@{narrower}`, but `{narrower}` is not a narrower theme of `{id}`"
                    ))
                    .at(src, span)
                    .value(format!("@{narrower}"))
                    .help("`@theme` names a theme whose `broader` chain leads here"),
                );
            }
        }
        (vocab, diags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> (Vocabulary, Vec<Diagnostic>) {
        Vocabulary::parse(&SourceFile::new("themes.toml", s.to_string()))
    }

    #[test]
    fn loads_hierarchy() {
        let (v, d) = parse_str(
            r#"
[[theme]]
id = "mining"
label = "Mining"
[[theme]]
id = "coal"
label = "Coal mining"
broader = "mining"
keywords = ["coal", "colliery"]
"#,
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(v.len(), 2);
        assert!(v.implies("coal", "mining"));
        assert!(!v.implies("mining", "coal"));
        assert_eq!(v.ancestors("coal").collect::<Vec<_>>(), ["coal", "mining"]);
        assert_eq!(v.suggestion("minning").unwrap(), "did you mean `mining`?");
        assert_eq!(
            v.suggestion("coal mining").unwrap(),
            "did you mean `coal` (Coal mining)?"
        );
        assert_eq!(
            v.suggestion("Coal-Mining").unwrap(),
            "did you mean `coal` (Coal mining)?"
        );
        assert_eq!(v.suggestion("weaving"), None);
    }

    #[test]
    fn reports_all_problems() {
        let (_, d) = parse_str(
            r#"
[[theme]]
id = "mining"
lable = "Mining"
[[theme]]
id = "mining"
label = "Again"
[[theme]]
id = "coal"
label = "Coal"
broader = "minning"
"#,
        );
        let msgs: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(
            msgs.iter().any(|m| m.contains("unknown key `lable`")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("duplicate theme id `mining`")),
            "{msgs:?}"
        );
        assert!(msgs.iter().any(|m| m.contains("`minning`")), "{msgs:?}");
        let lable = d.iter().find(|d| d.message.contains("lable")).unwrap();
        assert_eq!(lable.help.as_deref(), Some("did you mean `label`?"));
        assert_eq!((lable.line, lable.column), (Some(4), Some(1)));
    }

    #[test]
    fn detects_cycles() {
        let (_, d) = parse_str(
            r#"
[[theme]]
id = "a"
label = "A"
broader = "b"
[[theme]]
id = "b"
label = "B"
broader = "a"
"#,
        );
        assert!(d.iter().any(|d| d.message.contains("cycle")), "{d:?}");
    }

    #[test]
    fn implication_keywords_name_narrower_themes() {
        let (v, d) = parse_str(
            r#"
[[theme]]
id = "unions"
label = "Unions"
keywords = ["union", "@strikes", "@coal"]
[[theme]]
id = "strikes"
label = "Strikes"
broader = "unions"
[[theme]]
id = "coal"
label = "Coal"
"#,
        );
        assert_eq!(v.len(), 3);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0]
            .to_string()
            .contains("`coal` is not a narrower theme of `unions`"));
    }
}

//! The country vocabulary: canonical English names for films' `countries`,
//! with aliases ("USA", "UK", "USSR") accepted by filters and suggested by
//! validation. Historical states are included because films were made in them.
//! The list itself lives in `countries.txt` beside this file.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold;

const LIST: &str = include_str!("countries.txt");

struct Countries {
    canonical: Vec<&'static str>,
    /// Canonical names as written, for the fast exact check.
    exact: std::collections::HashSet<&'static str>,
    by_folded: HashMap<String, &'static str>,
    /// Folded aliases that name a part of their country (`<` in the list).
    parts: std::collections::HashSet<String>,
}

fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| {
        let mut canonical = Vec::new();
        let mut by_folded = HashMap::new();
        let mut parts = std::collections::HashSet::new();
        for line in LIST.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut names = line.split('|').map(str::trim);
            let name = names.next().expect("split yields at least one item");
            canonical.push(name);
            by_folded.insert(fold(name), name);
            for alias in names {
                let (alias, part) = match alias.strip_prefix('<') {
                    Some(a) => (a, true),
                    None => (alias, false),
                };
                if part {
                    parts.insert(fold(alias));
                }
                by_folded.insert(fold(alias), name);
            }
        }
        Countries {
            exact: canonical.iter().copied().collect(),
            canonical,
            by_folded,
            parts,
        }
    })
}

/// Every canonical country name, in the list's (alphabetical) order.
pub fn all() -> &'static [&'static str] {
    &countries().canonical
}

/// Whether `name` is a canonical name exactly as it should be written.
pub fn is_canonical(name: &str) -> bool {
    countries().exact.contains(name)
}

/// The canonical name for a name or alias, ignoring case and accents.
///
/// ```
/// assert_eq!(slate::countries::canonical("usa"), Some("United States"));
/// assert_eq!(slate::countries::canonical("Atlantis"), None);
/// ```
pub fn canonical(name: &str) -> Option<&'static str> {
    countries().by_folded.get(&fold(name)).copied()
}

/// The country a name denotes a part of (a nation or region within it, such
/// as Scotland or Holland), which filters read as the whole country.
///
/// ```
/// assert_eq!(slate::countries::part_of("Scotland"), Some("United Kingdom"));
/// assert_eq!(slate::countries::part_of("UK"), None);
/// ```
pub fn part_of(name: &str) -> Option<&'static str> {
    let c = countries();
    let key = fold(name);
    c.parts.contains(&key).then(|| c.by_folded[&key])
}

/// The canonical name a misspelt country most likely means.
pub fn suggest(name: &str) -> Option<&'static str> {
    canonical(name).or_else(|| crate::text::suggest(name, all().iter().copied()))
}

/// Reads a country written in a data file: the canonical name, or an error
/// at `span` naming the value, with the canonical name when an alias was
/// written and the nearest name otherwise. `where_` names the table
/// ("film `kes`").
pub fn located(
    c: &str,
    span: std::ops::Range<usize>,
    source: &crate::diagnostics::SourceFile,
    where_: &str,
    diags: &mut Vec<crate::diagnostics::Diagnostic>,
) -> Option<&'static str> {
    let c = c.trim();
    if is_canonical(c) {
        return canonical(c);
    }
    let help = match suggest(c) {
        Some(s) if canonical(c) == Some(s) => format!("write the canonical name `{s}`"),
        Some(s) => format!("did you mean `{s}`?"),
        None => "countries are English short names such as \"United States\", \"Soviet Union\" (list: src/countries.txt)".into(),
    };
    diags.push(
        crate::diagnostics::Diagnostic::error(format!("unknown country `{c}` in {where_}"))
            .at(source, span)
            .value(c)
            .help(help),
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve() {
        assert_eq!(canonical("USA"), Some("United States"));
        assert_eq!(canonical("u.k."), Some("United Kingdom"));
        assert_eq!(canonical("ussr"), Some("Soviet Union"));
        assert_eq!(canonical("Côte d'Ivoire"), Some("Ivory Coast"));
        assert!(is_canonical("Portugal"));
        assert!(!is_canonical("portugal"));
        assert!(!is_canonical("USA"));
        assert_eq!(canonical("scotland"), Some("United Kingdom"));
        assert_eq!(part_of("Northern Ireland"), Some("United Kingdom"));
        assert_eq!(part_of("holland"), Some("Netherlands"));
        assert_eq!(part_of("Britain"), None);
        assert_eq!(part_of("United Kingdom"), None);
    }

    #[test]
    fn suggests_misspellings() {
        assert_eq!(suggest("Argentine"), Some("Argentina"));
        assert_eq!(suggest("Untied States"), Some("United States"));
        assert_eq!(suggest("Atlantis"), None);
    }

    #[test]
    fn list_is_sorted_and_unique() {
        let all = all();
        let mut sorted = all.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), all.len());
    }
}

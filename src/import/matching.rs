//! Matching imported entries to catalogue films (and to each other) without
//! comparing every pair: candidates are blocked by a normalised title key
//! (folded, a leading article and parentheticals dropped, so "The Strike
//! (1925)" and "Strike" meet), then confirmed by year (within one, or any
//! when title and director agree exactly — the year conflict is reported),
//! director (within a small edit distance: "Esenstein" ~ "Eisenstein") and
//! runtime (within 10%, unless a director confirms the match).

use std::collections::HashMap;

use super::listing::Entry;
use crate::catalogue::Catalogue;
use crate::text::{fold, title_key};

/// The blocking key of a title: without parentheticals, folded, without a
/// leading article.
pub fn key(title: &str) -> String {
    let mut t = String::with_capacity(title.len());
    let mut depth = 0;
    for c in title.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            c if depth == 0 => t.push(c),
            _ => {}
        }
    }
    title_key(&t)
}

/// Films of a catalogue by title key (titles and original titles), with
/// each film's directors folded once (an entry is compared with every
/// film of its title, and a common title has many).
pub struct Index {
    by_key: HashMap<String, Vec<usize>>,
    directors: Vec<Vec<String>>,
}

impl Index {
    pub fn new(catalogue: &Catalogue) -> Index {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in catalogue.films().iter().enumerate() {
            for t in std::iter::once(&f.title).chain(f.original_title.as_ref()) {
                let list = by_key.entry(key(t)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        let directors = catalogue
            .films()
            .iter()
            .map(|f| f.directors.iter().map(|d| fold(d)).collect())
            .collect();
        Index { by_key, directors }
    }

    pub fn candidates(&self, title: &str) -> &[usize] {
        self.by_key
            .get(&key(title))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// Whether two director names are the same person, allowing a typo.
pub fn same_director(a: &str, b: &str) -> bool {
    same_folded_director(&fold(a), &fold(b))
}

/// `same_director` of two names already folded.
fn same_folded_director(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // "Sergei M. Esenstein" ~ "Sergei Eisenstein": compare surnames, then whole.
    let last = |s: &str| s.rsplit(' ').next().unwrap_or("").to_string();
    let (la, lb) = (last(a), last(b));
    let limit = (la.len().max(lb.len()) / 4).max(1);
    let first = |s: &str| s.split(' ').next().unwrap_or("").to_string();
    // Listings glue text onto names ("Alejandro MalowikiPYME"): the same first
    // name and a surname sharing its first five letters is the same person.
    let shared = la
        .chars()
        .zip(lb.chars())
        .take_while(|(x, y)| x == y)
        .count();
    // Lengths further apart than the limit are further apart in edits too:
    // the cheap test first (a common title has many films to compare).
    let near = |x: &str, y: &str, limit: usize| {
        x.len().abs_diff(y.len()) <= limit && strsim::levenshtein(x, y) <= limit
    };
    near(&la, &lb, limit)
        || near(a, b, (a.len().max(b.len()) / 5).max(1))
        || (first(a) == first(b) && a.contains(' ') && b.contains(' ') && shared >= 5)
}

/// How an entry matched a film.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Match {
    pub film: String,
    /// Facts the entry states differently from the catalogue (the catalogue keeps its own).
    pub conflicts: Vec<String>,
}

/// The catalogue film an entry is, if any.
pub fn find(catalogue: &Catalogue, index: &Index, entry: &Entry) -> Option<Match> {
    let title = entry.title.as_deref()?;
    let films = catalogue.films();
    let mut titles = vec![title.to_string()];
    titles.extend(entry.other_titles.iter().cloned());
    let mut best: Option<(usize, u32)> = None;
    let listed: Vec<String> = entry.directors.iter().map(|d| fold(d)).collect();
    for t in &titles {
        for &f in index.candidates(t) {
            let film = &films[f];
            let director_agrees = listed.iter().any(|d| {
                index.directors[f]
                    .iter()
                    .any(|c| same_folded_director(d, c))
            });
            let director_known = !entry.directors.is_empty() && !film.directors.is_empty();
            if director_known && !director_agrees {
                continue;
            }
            // Runtimes more than 10% apart speak against the match unless a
            // director confirms it (then the runtime is a reported conflict).
            let runtimes_agree = match (entry.runtime, film.runtime) {
                (Some(a), Some(b)) => a.abs_diff(b) * 10 <= a.max(b),
                _ => true,
            };
            if !runtimes_agree && !director_agrees {
                continue;
            }
            let gap = match (entry.year, film.year) {
                (Some(a), Some(b)) => Some(a.abs_diff(b)),
                _ => None,
            };
            let ok = match gap {
                None => true,
                Some(g) if g <= 1 => true,
                Some(_) => director_agrees && key(t) == key(&film.title),
            };
            if ok {
                let rank = gap.unwrap_or(0) * 2 + u32::from(!director_agrees);
                if best.is_none_or(|(_, r)| rank < r) {
                    best = Some((f, rank));
                }
                // Same year and director: no film can match better.
                if rank == 0 {
                    break;
                }
            }
        }
    }
    let (f, _) = best?;
    let film = &films[f];
    let mut conflicts = Vec::new();
    if let (Some(a), Some(b)) = (entry.year, film.year) {
        if a != b {
            conflicts.push(format!("year: the listing says {a}, the catalogue {b}"));
        }
    }
    if let (Some(a), Some(b)) = (entry.runtime, film.runtime) {
        if a.abs_diff(b) * 10 > b {
            conflicts.push(format!(
                "runtime: the listing says {a} min, the catalogue {b}"
            ));
        }
    }
    Some(Match {
        film: film.id.clone(),
        conflicts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_articles_parentheticals_and_case() {
        assert_eq!(key("The Strike (1925)"), key("Strike"));
        assert_eq!(key("Harlan County USA"), key("Harlan County, USA"));
        assert_eq!(key("PyME (Sitiados)"), key("Pyme"));
    }

    #[test]
    fn runtimes_far_apart_need_a_director() {
        use crate::catalogue::{Film, Origin};
        use crate::themes::Vocabulary;
        let film = Film {
            id: "strike-1925".into(),
            title: "Strike".into(),
            year: Some(1925),
            runtime: Some(82),
            directors: vec!["Sergei Eisenstein".into()],
            ..Film::default()
        };
        let o = Origin {
            file: 0,
            line: 1,
            column: 1,
        };
        let cat = Catalogue::from_parts(
            vec![film],
            vec![o],
            vec!["f.toml".into()],
            Vocabulary::default(),
        );
        let index = Index::new(&cat);
        let entry = |runtime: u32, director: Option<&str>| Entry {
            title: Some("Strike".into()),
            year: Some(1925),
            runtime: Some(runtime),
            directors: director.map(|d| vec![d.to_string()]).unwrap_or_default(),
            ..Entry::default()
        };
        assert!(find(&cat, &index, &entry(85, None)).is_some());
        assert!(find(&cat, &index, &entry(120, None)).is_none());
        let m = find(&cat, &index, &entry(120, Some("S. Eisenstein"))).unwrap();
        assert!(m.conflicts[0].starts_with("runtime"));
    }

    #[test]
    fn directors_with_typos() {
        assert!(same_director("Sergei M. Esenstein", "Sergei Eisenstein"));
        assert!(same_director("Alejandro Malowiki", "Alejandro Malowicki"));
        assert!(same_director(
            "Alejandro MalowikiPYME",
            "Alejandro Malowicki"
        ));
        assert!(!same_director(
            "Alejandro Malowicki",
            "Alejandro Jodorowsky"
        ));
        assert!(!same_director("Ken Loach", "Mike Leigh"));
    }
}

//! Asking the catalogue questions: [`Filter`]s for listings, and [`find`] for
//! resolving what a user typed ("harlan county", "Strike 1925", an id) to a film.

use crate::countries;
use crate::text::{fold, title_key};

use super::{Catalogue, Film, Kind};

/// Criteria a film must meet to be listed. Every criterion given must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Theme ids the film must carry, each directly or through a narrower
    /// theme (asking for `mining` finds `coal` films).
    pub themes: Vec<String>,
    /// Case- and accent-insensitive substring of one of the directors' names.
    pub director: Option<String>,
    /// First year of a decade (1970 for the 1970s).
    pub decade: Option<i32>,
    /// A canonical country name.
    pub country: Option<String>,
    pub kind: Option<Kind>,
    /// Films without a known runtime never pass a runtime limit.
    pub max_runtime: Option<u32>,
    /// Only shorts.
    pub short: bool,
}

impl Filter {
    pub fn matches(&self, film: &Film, catalogue: &Catalogue) -> bool {
        let vocab = catalogue.vocabulary();
        self.themes
            .iter()
            .all(|want| film.themes.iter().any(|t| vocab.implies(t, want)))
            && self.director.as_ref().is_none_or(|d| {
                let d = fold(d);
                film.directors.iter().any(|n| fold(n).contains(&d))
            })
            && self.decade.is_none_or(|d| film.decade() == Some(d))
            && self
                .country
                .as_ref()
                .is_none_or(|c| film.countries.iter().any(|x| x == c))
            && self.kind.is_none_or(|k| film.kind == Some(k))
            && self
                .max_runtime
                .is_none_or(|m| film.runtime.is_some_and(|r| r <= m))
            && (!self.short || film.is_short())
    }

    /// The films that pass, in catalogue order.
    pub fn apply<'a>(&self, catalogue: &'a Catalogue) -> Vec<&'a Film> {
        catalogue
            .films()
            .iter()
            .filter(|f| self.matches(f, catalogue))
            .collect()
    }
}

/// Parses "1970s", "1970" or "70s" into the decade's first year.
pub fn parse_decade(s: &str) -> Result<i32, String> {
    let t = s.trim().trim_end_matches(['s', 'S']).trim_end_matches('\'');
    let t = t.trim_start_matches('\'');
    let n: i32 = t
        .parse()
        .map_err(|_| format!("`{s}` is not a decade; write it like 1970s"))?;
    let year = match t.len() {
        2 => 1900 + n,
        4 => n,
        _ => return Err(format!("`{s}` is not a decade; write it like 1970s")),
    };
    if year % 10 != 0 {
        return Err(format!(
            "`{s}` is not the start of a decade; did you mean {}s?",
            year - year % 10
        ));
    }
    Ok(year)
}

/// Resolves a user-typed country name or alias to its canonical name.
pub fn parse_country(s: &str) -> Result<&'static str, String> {
    countries::canonical(s).ok_or_else(|| match countries::suggest(s) {
        Some(c) => format!("unknown country `{s}`; did you mean `{c}`?"),
        None => format!("unknown country `{s}`"),
    })
}

/// How the catalogue answered a film query.
#[derive(Debug)]
pub enum Lookup<'a> {
    Found(&'a Film),
    /// Several films fit equally well: the user must choose.
    Ambiguous(Vec<&'a Film>),
    /// Nothing fits; these are the closest titles.
    NotFound(Vec<&'a Film>),
}

/// Finds a film by id, or by title or original title ignoring case, accents,
/// punctuation and a leading article. A trailing year ("Strike 1925",
/// "Strike (1925)") narrows the search. If no title matches exactly, a query
/// whose words all appear in exactly one title finds that film.
pub fn find<'a>(catalogue: &'a Catalogue, query: &str) -> Lookup<'a> {
    let q = query.trim();
    if let Some(f) = catalogue.get(q) {
        return Lookup::Found(f);
    }
    let (words, year) = split_year(q);
    let key = title_key(&words);
    let films = catalogue.films();
    let year_ok = |f: &Film| year.is_none() || f.year == year;
    let titles = |f: &'a Film| std::iter::once(f.title.as_str()).chain(f.original_title.as_deref());
    let exact: Vec<&Film> = films
        .iter()
        .filter(|f| year_ok(f) && titles(f).any(|t| title_key(t) == key))
        .collect();
    if let Some(one) = single(&exact) {
        return Lookup::Found(one);
    }
    if exact.len() > 1 {
        return Lookup::Ambiguous(sorted(exact));
    }
    let wanted: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if !wanted.is_empty() {
        let partial: Vec<&Film> = films
            .iter()
            .filter(|f| {
                year_ok(f)
                    && titles(f).any(|t| {
                        let folded = fold(t);
                        let have: Vec<&str> = folded.split(' ').collect();
                        wanted.iter().all(|w| have.contains(w))
                    })
            })
            .collect();
        if let Some(one) = single(&partial) {
            return Lookup::Found(one);
        }
        if partial.len() > 1 {
            return Lookup::Ambiguous(sorted(partial));
        }
    }
    // Nothing: offer the closest titles by edit distance.
    let mut scored: Vec<(usize, &Film)> = films
        .iter()
        .map(|f| (strsim::levenshtein(&key, &title_key(&f.title)), f))
        .filter(|(d, _)| *d <= key.len().max(4) / 2)
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
    Lookup::NotFound(scored.into_iter().take(5).map(|(_, f)| f).collect())
}

fn single<'a>(v: &[&'a Film]) -> Option<&'a Film> {
    match v {
        [one] => Some(one),
        _ => None,
    }
}

fn sorted(mut v: Vec<&Film>) -> Vec<&Film> {
    v.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.id.cmp(&b.id)));
    v
}

/// Splits a trailing year off a query: "Strike (1925)" → ("Strike", Some(1925)).
fn split_year(q: &str) -> (String, Option<i32>) {
    let trimmed = q.trim_end_matches([')', ' ']);
    if let Some((head, tail)) = trimmed.rsplit_once([' ', '(']) {
        if tail.len() == 4 && tail.bytes().all(|b| b.is_ascii_digit()) && !head.trim().is_empty() {
            let head = head.trim_end_matches(['(', ' ']);
            return (head.to_string(), tail.parse().ok());
        }
    }
    (q.to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Origin;
    use crate::themes::{Theme, Vocabulary};

    fn film(id: &str, title: &str, year: i32) -> Film {
        Film {
            id: id.into(),
            title: title.into(),
            year: Some(year),
            ..Film::default()
        }
    }

    fn cat(films: Vec<Film>) -> Catalogue {
        let origins = vec![
            Origin {
                file: 0,
                line: 1,
                column: 1
            };
            films.len()
        ];
        let vocab = Vocabulary::new(vec![
            Theme {
                id: "mining".into(),
                label: "Mining".into(),
                description: None,
                keywords: vec![],
                broader: None,
            },
            Theme {
                id: "coal".into(),
                label: "Coal".into(),
                description: None,
                keywords: vec![],
                broader: Some("mining".into()),
            },
        ]);
        Catalogue::from_parts(films, origins, vec!["films.toml".into()], vocab)
    }

    #[test]
    fn finds_by_id_title_accents_and_year() {
        let mut f = film("the-nothing-factory", "The Nothing Factory", 2017);
        f.original_title = Some("A Fábrica de Nada".into());
        let c = cat(vec![
            f,
            film("strike-1925", "Strike", 1925),
            film("strike-2006", "Strike", 2006),
            film("harlan-county-usa", "Harlan County, USA", 1976),
        ]);
        let id = |l: Lookup| match l {
            Lookup::Found(f) => f.id.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(id(find(&c, "harlan-county-usa")), "harlan-county-usa");
        assert_eq!(id(find(&c, "HARLAN county usa")), "harlan-county-usa");
        assert_eq!(id(find(&c, "a fabrica de nada")), "the-nothing-factory");
        assert_eq!(id(find(&c, "Strike (1925)")), "strike-1925");
        assert_eq!(id(find(&c, "The Strike 1925")), "strike-1925");
        assert_eq!(id(find(&c, "harlan")), "harlan-county-usa");
        match find(&c, "strike") {
            Lookup::Ambiguous(v) => assert_eq!(v.len(), 2),
            other => panic!("{other:?}"),
        }
        match find(&c, "harlen county usa") {
            Lookup::NotFound(v) => assert_eq!(v[0].id, "harlan-county-usa"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn theme_filter_includes_narrower_themes() {
        let mut a = film("a", "A", 1970);
        a.themes = vec!["coal".into()];
        let mut b = film("b", "B", 1981);
        b.themes = vec!["mining".into()];
        let c = cat(vec![a, b]);
        let f = Filter {
            themes: vec!["mining".into()],
            ..Filter::default()
        };
        assert_eq!(f.apply(&c).len(), 2);
        let f = Filter {
            themes: vec!["coal".into()],
            decade: Some(1970),
            ..Filter::default()
        };
        assert_eq!(f.apply(&c).len(), 1);
    }

    #[test]
    fn decades_parse() {
        assert_eq!(parse_decade("1970s"), Ok(1970));
        assert_eq!(parse_decade("1970"), Ok(1970));
        assert_eq!(parse_decade("70s"), Ok(1970));
        assert!(parse_decade("1975").unwrap_err().contains("1970s"));
        assert!(parse_decade("seventies").is_err());
    }
}

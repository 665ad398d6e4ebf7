//! Companion films: the relations a film states to other films of the
//! catalogue (`companions = [{ film = "man-of-marble", relation = "sequel" }]`),
//! seen from both sides, and their validation across the catalogue.
//!
//! A pair is written once, on either film; the other side is derived
//! ([`Relation::inverse`]: a sequel's original has the sequel as its
//! follow-up, a remade film was remade as the remake). Writing it on both
//! films is allowed when the two agree. Validation needs every film, so it
//! runs after loading ([`check`]); [`links`] builds the two-sided view the
//! recommender and the outputs read.

use std::collections::HashMap;
use std::fmt;

use serde::{Serialize, Serializer};

use super::Film;
use crate::diagnostics::Diagnostic;
use crate::text::did_you_mean;

/// How a film relates to a companion, read "this film is a … of the other".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// A continuation of the other film (Man of Iron of Man of Marble).
    Sequel,
    /// The other film continues this one.
    Prequel,
    /// Parts of one multi-part work or cycle (The Battle of Chile).
    Part,
    /// A new film of the other's story.
    Remake,
    /// The other film is a remake of this one (derived, never written).
    RemadeAs,
    /// About the very same strike, event or people.
    SameSubject,
    /// Made in reply to the other film.
    Answer,
    /// The other film was made in reply to this one (derived, never written).
    AnsweredBy,
}

impl Relation {
    /// The relations a film file may state (the others are derived).
    pub const WRITTEN: [Relation; 6] = [
        Relation::Sequel,
        Relation::Prequel,
        Relation::Part,
        Relation::Remake,
        Relation::SameSubject,
        Relation::Answer,
    ];

    /// The name in film files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Sequel => "sequel",
            Relation::Prequel => "prequel",
            Relation::Part => "part",
            Relation::Remake => "remake",
            Relation::RemadeAs => "remade-as",
            Relation::SameSubject => "same-subject",
            Relation::Answer => "answer",
            Relation::AnsweredBy => "answered-by",
        }
    }

    /// A relation as written in a film file.
    pub fn parse(s: &str) -> Option<Relation> {
        Relation::WRITTEN.into_iter().find(|r| r.as_str() == s)
    }

    /// The same relation seen from the other film.
    pub fn inverse(self) -> Relation {
        match self {
            Relation::Sequel => Relation::Prequel,
            Relation::Prequel => Relation::Sequel,
            Relation::Part => Relation::Part,
            Relation::Remake => Relation::RemadeAs,
            Relation::RemadeAs => Relation::Remake,
            Relation::SameSubject => Relation::SameSubject,
            Relation::Answer => Relation::AnsweredBy,
            Relation::AnsweredBy => Relation::Answer,
        }
    }

    /// "sequel of Man of Marble": how a film names its companion.
    pub fn phrase(self, other: &str) -> String {
        match self {
            Relation::Sequel => format!("sequel of {other}"),
            Relation::Prequel => format!("followed by its sequel {other}"),
            Relation::Part => format!("part of one work with {other}"),
            Relation::Remake => format!("remake of {other}"),
            Relation::RemadeAs => format!("remade as {other}"),
            Relation::SameSubject => format!("same subject as {other}"),
            Relation::Answer => format!("made in answer to {other}"),
            Relation::AnsweredBy => format!("answered by {other}"),
        }
    }

    /// How closely the relation ties two films, for ordering recommendations:
    /// one story or work first, then remakes and replies, then a shared subject.
    pub fn closeness(self) -> u8 {
        match self {
            Relation::Sequel | Relation::Prequel | Relation::Part => 3,
            Relation::Remake | Relation::RemadeAs | Relation::Answer | Relation::AnsweredBy => 2,
            Relation::SameSubject => 1,
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Relation {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One companion as written in a film's `companions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Companion {
    /// The other film's id.
    pub film: String,
    pub relation: Relation,
}

/// A companion seen from one film: the other film's catalogue index and the
/// relation read from this film ("this film is a sequel of the other").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub film: u32,
    pub relation: Relation,
}

/// Every film's companions, from both sides, closest first (then by the
/// other film's position). Entries naming unknown films or the film itself
/// are left out ([`check`] reports them); a pair written on both films is
/// one link.
pub fn links(films: &[Film], by_id: &HashMap<String, usize>) -> Vec<Vec<Link>> {
    let mut out: Vec<Vec<Link>> = vec![Vec::new(); films.len()];
    for (a, film) in films.iter().enumerate() {
        for c in &film.companions {
            let Some(&b) = by_id.get(&c.film) else {
                continue;
            };
            if a == b {
                continue;
            }
            for (from, to, relation) in [(a, b, c.relation), (b, a, c.relation.inverse())] {
                let list = &mut out[from];
                if !list.iter().any(|l| l.film == to as u32) {
                    list.push(Link {
                        film: to as u32,
                        relation,
                    });
                }
            }
        }
    }
    for list in &mut out {
        list.sort_by_key(|l| (std::cmp::Reverse(l.relation.closeness()), l.film));
    }
    out
}

/// Problems of the catalogue's companions: unknown films, a film naming
/// itself, a film named twice, and pairs whose two sides disagree.
/// `at[i][j]` locates film `i`'s `j`-th companion (an error with file, line,
/// column and value already set; its message is filled in here).
pub fn check(
    films: &[Film],
    by_id: &HashMap<String, usize>,
    at: &[Vec<Diagnostic>],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let located = |i: usize, j: usize, message: String| {
        let mut d = at
            .get(i)
            .and_then(|v| v.get(j))
            .cloned()
            .unwrap_or_else(|| Diagnostic::error(""));
        d.message = message;
        d
    };
    // Each ordered pair's stated relation, to compare the two sides.
    let mut stated: HashMap<(usize, usize), (Relation, usize)> = HashMap::new();
    for (a, film) in films.iter().enumerate() {
        for (j, c) in film.companions.iter().enumerate() {
            let what = format!("film `{}`", film.id);
            let Some(&b) = by_id.get(&c.film) else {
                diags.push(
                    located(
                        a,
                        j,
                        format!("companion `{}` of {what} is not a film", c.film),
                    )
                    .help(
                        did_you_mean(&c.film, films.iter().map(|f| f.id.as_str())).unwrap_or_else(
                            || "companions name films of the catalogue by id".into(),
                        ),
                    ),
                );
                continue;
            };
            if a == b {
                diags.push(
                    located(a, j, format!("{what} names itself as a companion"))
                        .help("a companion is another film"),
                );
                continue;
            }
            if let Some(&(first, _)) = stated.get(&(a, b)) {
                diags.push(
                    located(
                        a,
                        j,
                        format!("{what} names `{}` twice as a companion", c.film),
                    )
                    .help(format!(
                        "keep one entry: a pair has one relation (the first says {first})"
                    )),
                );
                continue;
            }
            stated.insert((a, b), (c.relation, j));
        }
    }
    let mut pairs: Vec<(usize, usize)> = stated.keys().copied().collect();
    pairs.sort_unstable();
    for (a, b) in pairs {
        let (relation, _) = stated[&(a, b)];
        if a > b {
            continue;
        }
        let Some(&(back, k)) = stated.get(&(b, a)) else {
            continue;
        };
        if back != relation.inverse() {
            let (fa, fb) = (&films[a].id, &films[b].id);
            diags.push(
                located(
                    b,
                    k,
                    format!(
                        "`{fb}` says it is `{back}` of `{fa}`, but `{fa}` says it is `{relation}` of `{fb}`"
                    ),
                )
                .help(format!(
                    "write the pair once (on `{fa}`: relation = \"{relation}\") or make the sides agree (on `{fb}`: relation = \"{}\")",
                    relation.inverse()
                )),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn film(id: &str, companions: &[(&str, Relation)]) -> Film {
        Film {
            id: id.into(),
            title: id.into(),
            companions: companions
                .iter()
                .map(|&(f, relation)| Companion {
                    film: f.into(),
                    relation,
                })
                .collect(),
            ..Film::default()
        }
    }

    fn index(films: &[Film]) -> HashMap<String, usize> {
        films
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect()
    }

    #[test]
    fn a_pair_written_once_is_seen_from_both_sides() {
        let films = vec![
            film("man-of-iron", &[("man-of-marble", Relation::Sequel)]),
            film("man-of-marble", &[]),
        ];
        let l = links(&films, &index(&films));
        assert_eq!(
            l[0],
            [Link {
                film: 1,
                relation: Relation::Sequel
            }]
        );
        assert_eq!(
            l[1],
            [Link {
                film: 0,
                relation: Relation::Prequel
            }]
        );
        assert_eq!(
            Relation::Prequel.phrase("Man of Iron"),
            "followed by its sequel Man of Iron"
        );
        assert!(check(&films, &index(&films), &[]).is_empty());
    }

    #[test]
    fn every_relation_inverts_back() {
        for r in Relation::WRITTEN {
            assert_eq!(r.inverse().inverse(), r);
            assert_eq!(Relation::parse(r.as_str()), Some(r));
        }
        assert_eq!(Relation::parse("remade-as"), None);
    }

    #[test]
    fn closer_relations_come_first() {
        let films = vec![
            film("a", &[("b", Relation::SameSubject), ("c", Relation::Part)]),
            film("b", &[]),
            film("c", &[]),
        ];
        let l = links(&films, &index(&films));
        assert_eq!(l[0].iter().map(|x| x.film).collect::<Vec<_>>(), [2, 1]);
    }

    #[test]
    fn problems_are_all_reported() {
        let films = vec![
            film(
                "a",
                &[
                    ("a", Relation::Part),
                    ("zz", Relation::Part),
                    ("b", Relation::Sequel),
                    ("b", Relation::Part),
                ],
            ),
            film("b", &[("a", Relation::Sequel)]),
            film("c", &[("d", Relation::Remake)]),
            film("d", &[("c", Relation::Remake)]),
        ];
        let d = check(&films, &index(&films), &[]);
        let msgs: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            msgs,
            [
                "film `a` names itself as a companion",
                "companion `zz` of film `a` is not a film",
                "film `a` names `b` twice as a companion",
                "`b` says it is `sequel` of `a`, but `a` says it is `sequel` of `b`",
                "`d` says it is `remake` of `c`, but `c` says it is `remake` of `d`",
            ]
        );
        // Agreeing sides are fine.
        let films = vec![
            film("a", &[("b", Relation::Remake)]),
            film("b", &[("a", Relation::RemadeAs)]),
        ];
        assert!(check(&films, &index(&films), &[]).is_empty());
    }
}

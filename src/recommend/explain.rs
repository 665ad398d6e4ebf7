//! Explanations: what two films share, as data ([`Why`]) and as a line a
//! programmer can read ("shares coal mining / strikes and lockouts — both
//! rare; same decade").

use serde::Serialize;

use crate::catalogue::{Catalogue, Relation};
use crate::graph::ThemeGraph;

/// A theme at most this share of the catalogue carries is called rare.
pub const RARE_SHARE: f32 = 0.05;

/// A theme two films share.
#[derive(Debug, Clone, Serialize)]
pub struct SharedTheme {
    pub id: String,
    pub label: String,
    /// Films carrying it (directly or through a narrower theme).
    pub films: u32,
    /// False when the films meet only at a broader theme.
    pub direct: bool,
    /// Its part of the thematic similarity.
    pub contribution: f32,
    /// A narrower shared theme that already says this one (coal for mining);
    /// such themes are left out of the one-line explanation.
    pub implied_by: Option<String>,
}

/// A companion relation between the recommended film and the film asked
/// about, read from the recommended film ("sequel of Man of Marble").
#[derive(Debug, Clone, Serialize)]
pub struct CompanionWhy {
    /// The film asked about.
    pub film: String,
    pub title: String,
    /// The recommended film is a … of the film asked about.
    pub relation: Relation,
}

/// A historical event both films are about.
#[derive(Debug, Clone, Serialize)]
pub struct SharedEvent {
    pub id: String,
    pub label: String,
}

/// Why a film was recommended.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Why {
    /// The companion relation, when the two films are companions.
    pub companion: Option<CompanionWhy>,
    /// Events both films are about, in vocabulary order.
    pub events: Vec<SharedEvent>,
    /// Distinctive words both synopses use, as the recommended film writes
    /// them, most telling first (see [`super::words`]).
    pub words: Vec<String>,
    /// The parts of a related film's score these add (0 when none; see
    /// [`super::related`]).
    pub companion_bonus: f32,
    pub events_bonus: f32,
    pub words_bonus: f32,
    /// Shared themes, most telling first.
    pub themes: Vec<SharedTheme>,
    /// A director the two films share.
    pub same_director: Option<String>,
    /// A production country the two films share.
    pub same_country: Option<String>,
    /// Years between the two films, when both are known.
    pub year_gap: Option<u32>,
    /// For discovery: the seed the film was reached from, and the film in
    /// between when it is two steps away.
    pub via: Option<Via>,
}

/// The path a discovered film was reached by.
#[derive(Debug, Clone, Serialize)]
pub struct Via {
    pub seed: String,
    pub seed_title: String,
    /// The film in between, for a film two steps from the seed.
    pub through: Option<String>,
    pub through_title: Option<String>,
}

impl Why {
    /// The reasons film `b` relates to film `a` (both catalogue indices).
    pub fn between(catalogue: &Catalogue, graph: &ThemeGraph, a: usize, b: usize) -> Why {
        let vocab = catalogue.vocabulary();
        let shared = graph.shared_themes(a as u32, b as u32);
        let themes = shared
            .iter()
            .map(|&(m, contribution)| {
                let t = &vocab.themes()[m.theme as usize];
                let implied_by = shared
                    .iter()
                    .map(|(o, _)| &vocab.themes()[o.theme as usize].id)
                    .find(|o| **o != t.id && vocab.implies(o, &t.id))
                    .cloned();
                SharedTheme {
                    id: t.id.clone(),
                    label: t.label.clone(),
                    films: graph.films_with_theme(m.theme),
                    direct: m.direct,
                    contribution,
                    implied_by,
                }
            })
            .collect();
        let (fa, fb) = (&catalogue.films()[a], &catalogue.films()[b]);
        let same_director = fa
            .directors
            .iter()
            .find(|d| {
                fb.directors
                    .iter()
                    .any(|e| crate::text::fold(e) == crate::text::fold(d))
            })
            .cloned();
        let same_country = fa
            .countries
            .iter()
            .find(|c| fb.countries.contains(c))
            .cloned();
        let year_gap = match (fa.year, fb.year) {
            (Some(x), Some(y)) => Some(x.abs_diff(y)),
            _ => None,
        };
        let companion = catalogue
            .companions(b)
            .iter()
            .find(|l| l.film as usize == a)
            .map(|l| CompanionWhy {
                film: fa.id.clone(),
                title: fa.title.clone(),
                relation: l.relation,
            });
        Why {
            companion,
            events: shared_events(catalogue, a, b),
            words: Vec::new(),
            companion_bonus: 0.0,
            events_bonus: 0.0,
            words_bonus: 0.0,
            themes,
            same_director,
            same_country,
            year_gap,
            via: None,
        }
    }

    /// The one-line explanation. `total` is the number of films in the
    /// catalogue (for "rare"); `years` are the two films' years, for
    /// "same decade".
    pub fn line(&self, total: usize, years: (Option<i32>, Option<i32>)) -> String {
        let mut parts = Vec::new();
        if let Some(via) = &self.via {
            parts.push(match &via.through_title {
                Some(t) => format!("via {t} (close to {})", via.seed_title),
                None => format!("via {}", via.seed_title),
            });
        }
        if let Some(c) = &self.companion {
            parts.push(c.relation.phrase(&c.title));
        }
        match &self.events[..] {
            [] => {}
            many => parts.push(format!(
                "both about {}",
                many.iter()
                    .map(|e| named(&e.label))
                    .collect::<Vec<_>>()
                    .join(" and ")
            )),
        }
        let shown: Vec<&SharedTheme> = self
            .themes
            .iter()
            .filter(|t| t.implied_by.is_none())
            .take(3)
            .collect();
        if !shown.is_empty() {
            let is_rare = |t: &SharedTheme| (t.films as f32) <= RARE_SHARE * total as f32;
            let rare = shown.iter().filter(|t| is_rare(t)).count();
            let all_rare = rare == shown.len();
            let names: Vec<String> = shown
                .iter()
                .map(|t| {
                    let mut name = lower_first(&t.label);
                    if !t.direct {
                        name.push_str(" (broader)");
                    } else if is_rare(t) && !all_rare {
                        name.push_str(" (rare)");
                    }
                    name
                })
                .collect();
            let rarity = match (all_rare, shown.len()) {
                (false, _) => "",
                (true, 1) => " — rare",
                (true, 2) => " — both rare",
                (true, _) => " — all rare",
            };
            parts.push(format!("shares {}{rarity}", names.join(" / ")));
        }
        if !self.words.is_empty() {
            parts.push(format!("both mention {}", self.words.join(", ")));
        }
        if let Some(d) = &self.same_director {
            parts.push(format!("same director ({d})"));
        }
        if let Some(c) = &self.same_country {
            parts.push(format!("both from {c}"));
        }
        if let (Some(gap), (Some(a), Some(b))) = (self.year_gap, years) {
            if gap == 0 {
                parts.push("same year".into());
            } else if a.div_euclid(10) == b.div_euclid(10) {
                parts.push("same decade".into());
            } else if gap == 1 {
                parts.push("a year apart".into());
            } else if gap <= 5 {
                parts.push(format!("{gap} years apart"));
            }
        }
        if parts.is_empty() {
            "no shared themes".into()
        } else {
            parts.join("; ")
        }
    }
}

/// The events films `a` and `b` (catalogue indices) are both about.
pub fn shared_events(catalogue: &Catalogue, a: usize, b: usize) -> Vec<SharedEvent> {
    let (fa, fb) = (&catalogue.films()[a], &catalogue.films()[b]);
    let mut out: Vec<(usize, SharedEvent)> = fa
        .events
        .iter()
        .filter(|e| fb.events.contains(e))
        .filter_map(|e| {
            let p = catalogue.events().position(e)?;
            let ev = &catalogue.events().all()[p];
            Some((
                p,
                SharedEvent {
                    id: ev.id.clone(),
                    label: ev.label.clone(),
                },
            ))
        })
        .collect();
    out.sort_by_key(|(p, _)| *p);
    out.into_iter().map(|(_, e)| e).collect()
}

/// An event's label in running text: "the 1984–85 UK miners' strike", but
/// "Argentina's recovered factories" (a possessive takes no article).
fn named(label: &str) -> String {
    let first = label.split_whitespace().next().unwrap_or("");
    if first.ends_with("'s") || first.ends_with("’s") || first == "The" {
        label.to_string()
    } else {
        format!("the {label}")
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(label: &str, films: u32, direct: bool) -> SharedTheme {
        SharedTheme {
            id: label.to_lowercase(),
            label: label.into(),
            films,
            direct,
            contribution: 0.1,
            implied_by: None,
        }
    }

    #[test]
    fn lines_read_well() {
        let why = Why {
            themes: vec![theme("Strikes", 10, true), theme("Company towns", 8, true)],
            same_director: None,
            same_country: None,
            year_gap: Some(3),
            ..Why::default()
        };
        assert_eq!(
            why.line(400, (Some(1976), Some(1979))),
            "shares strikes / company towns — both rare; same decade"
        );
        let why = Why {
            themes: vec![theme("Coal mining", 10, true), theme("Mining", 100, false)],
            same_director: Some("Ken Loach".into()),
            same_country: Some("United Kingdom".into()),
            year_gap: Some(4),
            ..Why::default()
        };
        assert_eq!(
            why.line(400, (Some(1969), Some(1973))),
            "shares coal mining (rare) / mining (broader); same director (Ken Loach); both from United Kingdom; 4 years apart"
        );
        assert_eq!(Why::default().line(10, (None, None)), "no shared themes");
    }
}

//! Recommendations over the [`ThemeGraph`]: related films ([`related`]),
//! discovery from several seeds ([`discover`]) and series suggestions
//! ([`series`]). Every result says why ([`explain`]).

pub mod discover;
pub mod explain;
pub mod related;
pub mod series;
pub mod words;

use serde::Serialize;

pub use explain::Why;

/// One recommended film.
#[derive(Debug, Clone, Serialize)]
pub struct Recommendation {
    /// Index of the film in the catalogue.
    #[serde(skip)]
    pub film: usize,
    pub id: String,
    pub title: String,
    pub year: Option<i32>,
    /// Higher is closer; comparable within one answer.
    pub score: f32,
    /// The one-line explanation.
    pub why: String,
    /// What the explanation is made of.
    pub reasons: Why,
    /// For discovery: the film's rank by relevance alone, before the answer
    /// was diversified (1 = most relevant).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relevance_rank: Option<usize>,
}

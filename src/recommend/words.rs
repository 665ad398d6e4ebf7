//! Synopsis words: the second stage of [`super::related`], which reorders
//! the best candidates by the distinctive words their synopses share with
//! the query film's ("Liverpool", "dockers", "garment", "Seraing").
//!
//! Themes say what a film is about in broad terms; in a catalogue of a
//! thousand labour films, dozens share "cooperatives" and "occupations" with
//! *The Take*, and what singles out its closest relatives is in the text:
//! Argentina, a recovered factory. Words are weighed by how rare they are
//! *among the candidates* (the query film and its best thematic matches),
//! not in the whole catalogue: a word every candidate uses ("factory",
//! "workers") says nothing there, while one only two of them use says a
//! lot. Computing the weights over the few dozen candidates keeps the cost
//! per query small and independent of the catalogue's size.
//!
//! Words are folded, cut at anything not a letter or digit, stemmed like
//! theme keywords, and kept when they have four letters or more and are not
//! common English or film-listing words (the `STOP` list).

use std::collections::HashMap;

use crate::text::fold;
use crate::themes::tagging::stem;

/// Common words that say nothing about a film's subject.
const STOP: &[&str] = &[
    "about",
    "after",
    "again",
    "against",
    "also",
    "among",
    "another",
    "around",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "came",
    "come",
    "comes",
    "could",
    "does",
    "documentary",
    "down",
    "during",
    "each",
    "even",
    "every",
    "film",
    "films",
    "first",
    "follows",
    "from",
    "have",
    "having",
    "here",
    "into",
    "just",
    "life",
    "like",
    "lives",
    "made",
    "make",
    "makes",
    "many",
    "more",
    "most",
    "much",
    "must",
    "never",
    "only",
    "other",
    "over",
    "own",
    "portrait",
    "shows",
    "some",
    "story",
    "such",
    "take",
    "takes",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "told",
    "tells",
    "under",
    "until",
    "upon",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "whose",
    "will",
    "with",
    "within",
    "without",
    "would",
    "year",
    "years",
    "your",
];

/// The distinct stems of a text's content words, sorted.
pub fn stems(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.bytes().all(|b| b.is_ascii_digit()))
        .filter(|w| !STOP.contains(w))
        .map(stem)
        .filter(|s| s.chars().count() >= 3)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Word weights over a set of documents (the query film and its candidates):
/// `ln(1 + docs / df)` for words in at least two documents; a word only one
/// document uses cannot be shared and is left out.
pub struct Weights {
    idf: HashMap<String, f32>,
}

impl Weights {
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a [String]>) -> Weights {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut n = 0u32;
        for d in docs {
            n += 1;
            for w in d {
                *df.entry(w.clone()).or_default() += 1;
            }
        }
        let idf = df
            .into_iter()
            .filter(|&(_, c)| c >= 2)
            .map(|(w, c)| (w, (1.0 + n as f32 / c as f32).ln()))
            .collect();
        Weights { idf }
    }

    fn weight(&self, w: &str) -> f32 {
        self.idf.get(w).copied().unwrap_or(0.0)
    }

    fn norm(&self, d: &[String]) -> f32 {
        d.iter().map(|w| self.weight(w).powi(2)).sum::<f32>().sqrt()
    }

    /// The cosine of two documents' weighted word sets (0..=1), and the
    /// shared words, most telling first.
    pub fn similarity<'d>(&self, a: &'d [String], b: &[String]) -> (f32, Vec<&'d str>) {
        let (na, nb) = (self.norm(a), self.norm(b));
        if na == 0.0 || nb == 0.0 {
            return (0.0, Vec::new());
        }
        let mut shared: Vec<(&str, f32)> = a
            .iter()
            .filter(|w| b.binary_search(w).is_ok())
            .map(|w| (w.as_str(), self.weight(w)))
            .filter(|&(_, x)| x > 0.0)
            .collect();
        let dot: f32 = shared.iter().map(|(_, x)| x * x).sum();
        shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
        (
            (dot / (na * nb)).min(1.0),
            shared.into_iter().map(|(w, _)| w).collect(),
        )
    }
}

/// The words of `text` whose stem is in `wanted`, as written (first
/// occurrence of each stem), for explanations.
pub fn as_written(text: &str, wanted: &[&str]) -> Vec<String> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < 4 {
            continue;
        }
        let s = stem(&fold(word));
        if let Some(rank) = wanted.iter().position(|w| *w == s) {
            if !out.iter().any(|(r, _)| *r == rank) {
                out.push((rank, word.to_string()));
            }
        }
    }
    out.sort_by_key(|(r, _)| *r);
    out.into_iter().map(|(_, w)| w).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_rare_words_count_and_common_ones_do_not() {
        let a = stems("Liverpool dockers sacked for refusing to cross a picket line at the port.");
        let b = stems("The Liverpool dockers' dispute of 1995, told by the dockers themselves.");
        let c = stems("Strikers at the port of Gdansk refuse to go back to work.");
        let d = stems("Port workers on strike in Rotterdam.");
        let w = Weights::new([a.as_slice(), b.as_slice(), c.as_slice(), d.as_slice()]);
        let (ab, words) = w.similarity(&a, &b);
        let (ac, _) = w.similarity(&a, &c);
        assert!(ab > ac, "{ab} {ac}");
        assert!(words.contains(&"liverpool"), "{words:?}");
        assert_eq!(
            as_written("The Liverpool dockers' dispute", &["liverpool"]),
            ["Liverpool"]
        );
    }

    #[test]
    fn stop_words_and_short_words_are_left_out() {
        assert_eq!(stems("The film is about the 1984 strike"), ["strik"]);
    }
}

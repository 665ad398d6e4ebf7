//! Theme tagging: which themes a text (a synopsis, notes) signals, by the
//! vocabulary's keywords, and which words triggered each.
//!
//! Text and keywords are folded alike (case, accents, punctuation) and cut
//! into words; each word is reduced to a light English stem, so "strike",
//! "strikes", "striking" and "striker" meet, as do "miner", "miners",
//! "mining" and "mine". A keyword of several words matches the same stems in
//! a row. A keyword written with a leading `=` ("=owner") matches its exact
//! (folded) words only, for words whose stem would be too short to mean
//! anything ("owner" would otherwise meet "own"). A theme is assigned when
//! any of its keywords occurs.

use std::collections::HashMap;

use serde::Serialize;

use super::Vocabulary;
use crate::text::fold;

/// A light stemmer for English inflections: plural and verbal endings go,
/// then a final "e" (so "mine" and "mining" share "min").
pub fn stem(word: &str) -> String {
    let w = word;
    let mut s: &str = w;
    let owned;
    if s.len() > 4 && s.ends_with("ies") {
        owned = format!("{}y", &s[..s.len() - 3]);
        s = &owned;
    } else {
        for suffix in ["ings", "ing", "ers", "er", "ed", "es", "s"] {
            if s.len() > suffix.len() + 2 && s.ends_with(suffix) && !s.ends_with("ss") {
                s = &s[..s.len() - suffix.len()];
                break;
            }
        }
    }
    let s = s.strip_suffix('e').filter(|r| r.len() >= 3).unwrap_or(s);
    // Doubled final consonants from -ing/-ed ("shipping" → "shipp" → "ship").
    let b = s.as_bytes();
    if b.len() > 3
        && b[b.len() - 1] == b[b.len() - 2]
        && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
    {
        return s[..s.len() - 1].to_string();
    }
    s.to_string()
}

/// A theme found in a text, with the words (as written, folded) that signalled it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    pub theme: String,
    pub words: Vec<String>,
}

/// Keyword matcher built once from a vocabulary.
pub struct Tagger {
    /// First stem of a keyword → (theme index, keyword stems).
    by_first: HashMap<String, Vec<(usize, Vec<String>)>>,
    /// First word of an exact (`=`) keyword → (theme index, keyword words).
    exact_by_first: HashMap<String, Vec<(usize, Vec<String>)>>,
    ids: Vec<String>,
}

impl Tagger {
    pub fn new(vocab: &Vocabulary) -> Tagger {
        let mut by_first: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        let mut exact_by_first: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
        for (i, t) in vocab.themes().iter().enumerate() {
            for k in &t.keywords {
                if let Some(exact) = k.strip_prefix('=') {
                    let words: Vec<String> =
                        fold(exact).split_whitespace().map(str::to_string).collect();
                    if let Some(first) = words.first() {
                        exact_by_first
                            .entry(first.clone())
                            .or_default()
                            .push((i, words));
                    }
                    continue;
                }
                let stems: Vec<String> = fold(k).split_whitespace().map(stem).collect();
                if let Some(first) = stems.first() {
                    by_first.entry(first.clone()).or_default().push((i, stems));
                }
            }
        }
        Tagger {
            by_first,
            exact_by_first,
            ids: vocab.ids().map(str::to_string).collect(),
        }
    }

    /// The themes `text` signals, in vocabulary order, each with its trigger words.
    pub fn tag(&self, text: &str) -> Vec<Tag> {
        let folded = fold(text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        let mut found: HashMap<usize, Vec<String>> = HashMap::new();
        let mut note = |theme: usize, phrase: String| {
            let list = found.entry(theme).or_default();
            if !list.contains(&phrase) {
                list.push(phrase);
            }
        };
        for (i, s) in stems.iter().enumerate() {
            for (theme, kw) in self.by_first.get(s).into_iter().flatten() {
                if i + kw.len() <= stems.len() && stems[i..i + kw.len()] == kw[..] {
                    note(*theme, words[i..i + kw.len()].join(" "));
                }
            }
            for (theme, kw) in self.exact_by_first.get(words[i]).into_iter().flatten() {
                if i + kw.len() <= words.len() && words[i..i + kw.len()] == kw[..] {
                    note(*theme, words[i..i + kw.len()].join(" "));
                }
            }
        }
        let mut tags: Vec<(usize, Vec<String>)> = found.into_iter().collect();
        tags.sort_by_key(|(i, _)| *i);
        tags.into_iter()
            .map(|(i, words)| Tag {
                theme: self.ids[i].clone(),
                words,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::Theme;

    #[test]
    fn stems_meet() {
        for group in [
            &["strike", "strikes", "striking", "striker", "strikers"][..],
            &["miner", "miners", "mining", "mine", "mines"][..],
            &["factory", "factories"][..],
            &["closure", "closures"][..],
            &["dock", "docks", "docker", "dockers"][..],
        ] {
            let s: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(s.windows(2).all(|w| w[0] == w[1]), "{group:?} → {s:?}");
        }
        assert_ne!(stem("minute"), stem("mine"));
        assert_eq!(stem("glass"), "glass");
    }

    #[test]
    fn tags_with_trigger_words() {
        let theme = |id: &str, kws: &[&str]| Theme {
            id: id.into(),
            label: id.into(),
            description: None,
            keywords: kws.iter().map(|s| s.to_string()).collect(),
            broader: None,
        };
        let v = Vocabulary::new(vec![
            theme("strikes", &["strike", "picket line"]),
            theme("mining", &["miner", "coal mine"]),
            theme("closures", &["shut down"]),
            theme("bosses", &["=owner"]),
        ]);
        let t = Tagger::new(&v);
        let tags = t.tag(
            "A filmed account of a bitterly violent MINER STRIKE; the pickets, the Picket Lines.",
        );
        assert_eq!(
            tags,
            vec![
                Tag {
                    theme: "strikes".into(),
                    words: vec!["strike".into(), "picket lines".into()]
                },
                Tag {
                    theme: "mining".into(),
                    words: vec!["miner".into()]
                },
            ]
        );
        assert!(t
            .tag("The plant was shut down in 1986.")
            .iter()
            .any(|t| t.theme == "closures"));
        assert!(t
            .tag("Mínérs of the Sîlver minès")
            .iter()
            .any(|t| t.theme == "mining"));
        assert!(t.tag("nothing here").is_empty());
        assert!(t
            .tag("Its owner decides.")
            .iter()
            .any(|t| t.theme == "bosses"));
        assert!(!t.tag("their own town").iter().any(|t| t.theme == "bosses"));
    }
}

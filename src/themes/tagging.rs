//! Theme tagging: which themes a text (a synopsis, notes) signals, by the
//! vocabulary's keywords, and which words triggered each.
//!
//! The rules, in the order they apply:
//!
//! - **Clauses.** The text is cut at sentence and clause punctuation
//!   (`. , ; : ! ? ( ) [ ]`, dashes, line breaks); no keyword matches across
//!   a cut. Each clause is folded (case, accents, other punctuation) and cut
//!   into words.
//! - **Stems.** Each word is reduced to a light English stem, so "strike",
//!   "strikes", "striking" and "striker" meet, as do "miner", "miners",
//!   "mining" and "mine". A keyword of several words matches the same stems
//!   in a row.
//! - **Exact keywords** (`=owner`) match their exact (folded) words only, for
//!   words whose stem would meet unrelated words ("owner" would meet "own",
//!   "herring" would meet "her", "porter" would meet "port").
//! - **Stop-phrases** (`-soviet union` in `unions`) are matched like keywords
//!   but signal nothing: a keyword of the same theme lying inside one does
//!   not count ("Soviet Union" is not about trade unions, "without bosses"
//!   is about cooperatives, not bosses).
//! - **Weak keywords** (`~plant`) are ambiguous words that signal their theme
//!   only with support: a second, separate weak mention of the theme (with a
//!   different stem; weak keywords side by side, as in "manufacturing
//!   plants", are one mention), or a strong keyword of a theme related to it
//!   by `broader` (its parent or a child: "steel" counts when a factory is
//!   named). A theme with any strong keyword needs no support.
//! - **Hedges.** A listing that says a film "includes scenes of" something,
//!   or is "not exclusively about" it, says it is not the film's subject: the
//!   [`HEDGE_REACH`] words after a hedge ([`HEDGES`]) count as weak whatever
//!   their keywords.
//! - **Implication** (`@strikes` in `unions`): a theme is also assigned
//!   whenever the named narrower theme is (a film about a strike is a film
//!   about organising), with that theme's trigger words. Only where the
//!   vocabulary says so; `broader` alone implies nothing, since many films
//!   about a narrower theme are not about its parent (most steel films are
//!   not about the factory floor).
//!
//! Prefixes combine as `~=owners` (weak and exact).

use std::collections::HashMap;

use serde::Serialize;

use super::Vocabulary;
use crate::text::fold;

/// Words of units in listings' credits ("95 min", "16 mm", "1 h 30"),
/// folded: never the start of a theme keyword.
const UNIT_WORDS: &[&str] = &[
    "min", "mins", "minute", "minutes", "minuten", "minutos", "minuti", "mn", "m", "h", "hr",
    "hrs", "mm", "sec", "secs", "s",
];

/// A light stemmer for English inflections: plural and verbal endings go,
/// then a final "e" (so "mine" and "mining" share "min").
pub fn stem(word: &str) -> String {
    stem_of(word).into_owned()
}

/// `stem`, borrowing the word when the stem is a part of it (most words:
/// the tagger stems every word of every text).
fn stem_of(word: &str) -> std::borrow::Cow<'_, str> {
    let w = word;
    let mut s: &str = w;
    if s.len() > 4 && s.ends_with("ies") {
        return std::borrow::Cow::Owned(format!("{}y", &s[..s.len() - 3]));
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
        return std::borrow::Cow::Borrowed(&s[..s.len() - 1]);
    }
    std::borrow::Cow::Borrowed(s)
}

/// A theme found in a text, with the words (as written, folded) that signalled it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    pub theme: String,
    pub words: Vec<String>,
}

/// What a vocabulary keyword does when it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Signals its theme on its own.
    Strong,
    /// Signals its theme only with support (`~`).
    Weak,
    /// Words that never signal the theme, whatever keyword they contain (`-`).
    Stop,
}

/// One keyword of the vocabulary, ready to match.
#[derive(Debug, Clone)]
struct Keyword {
    theme: usize,
    /// Folded words (`exact`) or their stems.
    words: Vec<String>,
    exact: bool,
    role: Role,
}

/// Phrases that hedge what follows: a listing that says a film "includes
/// scenes of" something, or is "not exclusively about" it, says it is not
/// the film's subject. Keywords in the next [`HEDGE_REACH`] words count as weak.
pub const HEDGES: &[&str] = &[
    "includes scenes of",
    "include scenes of",
    "including scenes of",
    "features scenes of",
    "not exclusively about",
    "not primarily about",
    "not strictly about",
    "not really about",
];
/// How many words after a hedge it reaches.
pub const HEDGE_REACH: usize = 3;

/// Keyword matcher built once from a vocabulary.
pub struct Tagger {
    keywords: Vec<Keyword>,
    /// First stem of a keyword → indices into `keywords`.
    by_stem: HashMap<String, Vec<usize>>,
    /// First word of an exact (`=`) keyword → indices into `keywords`.
    by_word: HashMap<String, Vec<usize>>,
    /// Each theme's related themes: its `broader` parent and its children.
    related: Vec<Vec<usize>>,
    /// Each theme's `@` references: narrower themes that imply it.
    implied_by: Vec<Vec<usize>>,
    hedges: Vec<Vec<String>>,
    ids: Vec<String>,
}

/// A keyword that occurs in a clause, and the words it covers.
struct Hit {
    keyword: usize,
    start: usize,
    end: usize,
}

/// A keyword occurrence that counts: its theme, whether it is weak (by the
/// vocabulary or by a hedge), and where it is.
struct Found {
    theme: usize,
    weak: bool,
    phrase: String,
    stems: Vec<String>,
    clause: usize,
    start: usize,
    end: usize,
}

impl Tagger {
    pub fn new(vocab: &Vocabulary) -> Tagger {
        let mut keywords = Vec::new();
        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in vocab.themes().iter().enumerate() {
            for k in &t.keywords {
                if k.starts_with('@') {
                    continue;
                }
                let (role, k) = if let Some(rest) = k.strip_prefix('~') {
                    (Role::Weak, rest)
                } else if let Some(rest) = k.strip_prefix('-') {
                    (Role::Stop, rest)
                } else {
                    (Role::Strong, k.as_str())
                };
                let (exact, k) = match k.strip_prefix('=') {
                    Some(rest) => (true, rest),
                    None => (false, k),
                };
                let folded = fold(k);
                let words: Vec<String> = folded
                    .split_whitespace()
                    .map(|w| if exact { w.to_string() } else { stem(w) })
                    .collect();
                let Some(first) = words.first() else { continue };
                let index = if exact { &mut by_word } else { &mut by_stem };
                index.entry(first.clone()).or_default().push(keywords.len());
                keywords.push(Keyword {
                    theme: i,
                    words,
                    exact,
                    role,
                });
            }
        }
        let mut implied_by = vec![Vec::new(); vocab.len()];
        for (i, t) in vocab.themes().iter().enumerate() {
            for k in &t.keywords {
                if let Some(n) = k.strip_prefix('@').and_then(|id| vocab.position(id.trim())) {
                    implied_by[i].push(n);
                }
            }
        }
        let mut related = vec![Vec::new(); vocab.len()];
        for (i, t) in vocab.themes().iter().enumerate() {
            if let Some(p) = t.broader.as_deref().and_then(|b| vocab.position(b)) {
                related[i].push(p);
                related[p].push(i);
            }
        }
        Tagger {
            keywords,
            by_stem,
            by_word,
            related,
            implied_by,
            hedges: HEDGES
                .iter()
                .map(|h| h.split_whitespace().map(str::to_string).collect())
                .collect(),
            ids: vocab.ids().map(str::to_string).collect(),
        }
    }

    /// The keywords found in one clause, less those inside a stop-phrase.
    fn clause_hits(&self, clause: usize, text: &str, out: &mut Vec<Found>) {
        let folded = fold(text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let stems: Vec<std::borrow::Cow<str>> = words.iter().map(|w| stem_of(w)).collect();
        let mut hits = Vec::new();
        for i in 0..words.len() {
            // Units never signal a theme: "95 min" is not about mining,
            // whatever "min" stems with.
            if UNIT_WORDS.contains(&words[i]) {
                continue;
            }
            let candidates = self.by_stem.get(stems[i].as_ref()).into_iter().flatten();
            for &k in candidates.chain(self.by_word.get(words[i]).into_iter().flatten()) {
                let kw = &self.keywords[k];
                let end = i + kw.words.len();
                let matches = end <= words.len()
                    && if kw.exact {
                        words[i..end].iter().zip(&kw.words).all(|(a, b)| a == b)
                    } else {
                        stems[i..end] == kw.words[..]
                    };
                if matches {
                    hits.push(Hit {
                        keyword: k,
                        start: i,
                        end,
                    });
                }
            }
        }
        // Hedged words: the few after a hedge phrase.
        let mut hedged = vec![false; words.len()];
        for h in &self.hedges {
            for i in 0..words.len().saturating_sub(h.len() - 1) {
                if words[i..i + h.len()].iter().zip(h).all(|(a, b)| a == b) {
                    for x in hedged.iter_mut().skip(i + h.len()).take(HEDGE_REACH) {
                        *x = true;
                    }
                }
            }
        }
        let stops: Vec<&Hit> = hits
            .iter()
            .filter(|h| self.keywords[h.keyword].role == Role::Stop)
            .collect();
        for h in &hits {
            let kw = &self.keywords[h.keyword];
            if kw.role == Role::Stop {
                continue;
            }
            let stopped = stops.iter().any(|s| {
                self.keywords[s.keyword].theme == kw.theme && s.start <= h.start && h.end <= s.end
            });
            if !stopped {
                out.push(Found {
                    theme: kw.theme,
                    weak: kw.role == Role::Weak || hedged[h.start],
                    phrase: words[h.start..h.end].join(" "),
                    stems: stems[h.start..h.end]
                        .iter()
                        .map(|s| s.to_string())
                        .collect(),
                    clause,
                    start: h.start,
                    end: h.end,
                });
            }
        }
    }

    /// The themes `text` signals, in vocabulary order, each with its trigger words.
    pub fn tag(&self, text: &str) -> Vec<Tag> {
        let mut found = Vec::new();
        for (c, clause) in clauses(text).enumerate() {
            self.clause_hits(c, clause, &mut found);
        }
        let n = self.ids.len();
        let mut words: Vec<Vec<String>> = vec![Vec::new(); n];
        let mut strong = vec![false; n];
        // Weak signals: the stems seen, and how many separate mentions
        // brought new ones (adjacent weak keywords are one mention).
        let mut weak_stems: Vec<Vec<String>> = vec![Vec::new(); n];
        let mut signals = vec![0usize; n];
        let mut last: Vec<Option<(usize, usize)>> = vec![None; n];
        for f in &found {
            if !words[f.theme].contains(&f.phrase) {
                words[f.theme].push(f.phrase.clone());
            }
            if !f.weak {
                strong[f.theme] = true;
                continue;
            }
            let adjacent = last[f.theme].is_some_and(|(c, end)| c == f.clause && f.start <= end);
            let new = f.stems.iter().any(|s| !weak_stems[f.theme].contains(s));
            if new && !adjacent {
                signals[f.theme] += 1;
            }
            weak_stems[f.theme].extend(f.stems.iter().cloned());
            last[f.theme] = Some((f.clause, f.end));
        }
        let mut kept: Vec<bool> = (0..n)
            .map(|t| {
                strong[t]
                    || signals[t] >= 2
                    || (signals[t] == 1 && self.related[t].iter().any(|&r| strong[r]))
            })
            .collect();
        // `@narrower` references: a theme found implies the themes that name it.
        loop {
            let mut changed = false;
            for t in 0..n {
                if !kept[t] {
                    if let Some(&r) = self.implied_by[t].iter().find(|&&r| kept[r]) {
                        kept[t] = true;
                        words[t] = words[r].clone();
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        words
            .into_iter()
            .enumerate()
            .filter(|(t, _)| kept[*t])
            .map(|(t, words)| Tag {
                theme: self.ids[t].clone(),
                words,
            })
            .collect()
    }
}

/// Cuts a text into clauses at sentence and clause punctuation, so that
/// no phrase reaches across a comma or a full stop.
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '\n' | '–' | '—'
        )
    })
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
        // A runtime's unit is no mine.
        assert!(!t
            .tag("Dir. Ken Loach / UK / 2016 / 100 min. 95 mins, 1 h 30 min")
            .iter()
            .any(|t| t.theme == "mining"));
        assert!(t.tag("nothing here").is_empty());
        assert!(t
            .tag("Its owner decides.")
            .iter()
            .any(|t| t.theme == "bosses"));
        assert!(!t.tag("their own town").iter().any(|t| t.theme == "bosses"));
    }

    fn vocab(themes: &[(&str, &[&str], Option<&str>)]) -> Vocabulary {
        Vocabulary::new(
            themes
                .iter()
                .map(|(id, kws, broader)| Theme {
                    id: id.to_string(),
                    label: id.to_string(),
                    description: None,
                    keywords: kws.iter().map(|s| s.to_string()).collect(),
                    broader: broader.map(str::to_string),
                })
                .collect(),
        )
    }

    fn ids(tags: Vec<Tag>) -> Vec<String> {
        tags.into_iter().map(|t| t.theme).collect()
    }

    #[test]
    fn weak_keywords_need_support() {
        let v = vocab(&[
            (
                "factory-work",
                &["factory", "~plant", "~manufacturing", "~foreman"],
                None,
            ),
            ("steel", &["steelworks", "~steel"], Some("factory-work")),
            ("bosses", &["~=owner", "~=owners", "~management"], None),
        ]);
        let t = Tagger::new(&v);
        // One weak mention is not enough; adjacent weak words are one mention.
        assert!(t.tag("They broke through the steel ceiling.").is_empty());
        assert!(t.tag("The plant closed.").is_empty());
        assert!(t.tag("Manufacturing plants have closed.").is_empty());
        // Two separate weak mentions are.
        assert_eq!(
            ids(t.tag("The plant closed, and the foreman left.")),
            ["factory-work"]
        );
        // The same stem twice is still one.
        assert!(t.tag("Its owner, and the owners' sons.").is_empty());
        assert_eq!(
            ids(t.tag("Its owner, and then the management.")),
            ["bosses"]
        );
        // A strong keyword of a related (broader or narrower) theme supports.
        assert_eq!(
            ids(t.tag("A factory that makes steel.")),
            ["factory-work", "steel"]
        );
        assert_eq!(
            ids(t.tag("The steelworks and its plant.")),
            ["factory-work", "steel"]
        );
    }

    #[test]
    fn stop_phrases_and_clauses() {
        let v = vocab(&[
            ("unions", &["union", "-soviet union"], None),
            ("bosses", &["boss", "-without bosses"], None),
            ("cooperatives", &["without bosses"], None),
            ("closures", &["shut down"], None),
        ]);
        let t = Tagger::new(&v);
        assert!(t.tag("Made across the Soviet Union.").is_empty());
        assert_eq!(ids(t.tag("The Soviet Union's first union.")), ["unions"]);
        assert_eq!(ids(t.tag("They run it without bosses.")), ["cooperatives"]);
        // No phrase reaches across a comma or a full stop.
        assert!(t.tag("They shut. Down the road").is_empty());
        assert!(t.tag("When the doors shut, down came the rain").is_empty());
    }

    #[test]
    fn hedges_make_keywords_weak() {
        let v = vocab(&[
            ("factory-work", &["factory", "~plant"], None),
            ("class-struggle", &["revolutionary"], None),
        ]);
        let t = Tagger::new(&v);
        assert!(t
            .tag("While not exclusively about factories, it is a polar adventure.")
            .is_empty());
        assert_eq!(
            ids(t.tag(
                "It includes scenes of factory workers and their role in the revolutionary struggle."
            )),
            ["class-struggle"]
        );
        // Hedged words still count as weak mentions.
        assert_eq!(
            ids(t.tag("It includes scenes of factory life; the plant is a character.")),
            ["factory-work"]
        );
    }

    #[test]
    fn implication_only_where_declared() {
        let v = vocab(&[
            ("unions", &["union", "@strikes"], None),
            ("strikes", &["strike"], Some("unions")),
            ("factory-work", &["factory"], None),
            ("steel", &["steel mill"], Some("factory-work")),
        ]);
        let t = Tagger::new(&v);
        assert_eq!(
            t.tag("A violent miner strike."),
            vec![
                Tag {
                    theme: "unions".into(),
                    words: vec!["strike".into()]
                },
                Tag {
                    theme: "strikes".into(),
                    words: vec!["strike".into()]
                },
            ]
        );
        assert_eq!(ids(t.tag("Life at the steel mill.")), ["steel"]);
    }
}

//! Summary figures of a catalogue: films per theme, decade, country and kind,
//! and the runtime distribution.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Catalogue, Kind};

/// A count under a name ("1970s": 21).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub films: usize,
}

/// Runtime distribution over the films with a known runtime.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Runtimes {
    pub known: usize,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub total_hours: f64,
    /// Films per runtime band ("41–60 min").
    pub bands: Vec<Count>,
}

/// Everything `slate catalog stats` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub films: usize,
    pub shorts: usize,
    pub features: usize,
    pub themes: usize,
    pub directors: usize,
    pub countries: usize,
    pub earliest: Option<i32>,
    pub latest: Option<i32>,
    /// Films carrying each theme directly, in vocabulary order.
    pub by_theme: Vec<Count>,
    pub by_decade: Vec<Count>,
    /// Most films first, then by name.
    pub by_country: Vec<Count>,
    pub by_kind: Vec<Count>,
    pub runtime: Runtimes,
    /// Festivals in `festivals.toml`, and how many of the films name one.
    pub festivals: usize,
    pub films_from_festivals: usize,
    /// Films per festival (key: id, label: "name (country)"), most first.
    pub by_festival: Vec<Count>,
    /// Films screened by the festivals of each country, most first (a film
    /// two festivals of one country screened counts once there).
    pub by_festival_country: Vec<Count>,
    /// Films per historical event, in vocabulary order.
    pub by_event: Vec<Count>,
    /// Companion pairs (each pair once).
    pub companion_pairs: usize,
}

/// Upper bounds (inclusive) of the runtime bands, in minutes.
const BANDS: &[(u32, &str)] = &[
    (10, "≤10 min"),
    (20, "11–20 min"),
    (40, "21–40 min"),
    (60, "41–60 min"),
    (90, "61–90 min"),
    (120, "91–120 min"),
    (150, "121–150 min"),
    (180, "151–180 min"),
    (u32::MAX, ">180 min"),
];

impl Stats {
    pub fn of(catalogue: &Catalogue) -> Stats {
        let films = catalogue.films();
        let vocab = catalogue.vocabulary();
        let mut theme_counts = vec![0usize; vocab.len()];
        let mut decades: BTreeMap<i32, usize> = BTreeMap::new();
        let mut countries: BTreeMap<&str, usize> = BTreeMap::new();
        let mut kinds: BTreeMap<Option<Kind>, usize> = BTreeMap::new();
        let mut directors = std::collections::HashSet::new();
        let mut runtimes: Vec<u32> = Vec::new();
        for f in films {
            for t in &f.themes {
                if let Some(i) = vocab.position(t) {
                    theme_counts[i] += 1;
                }
            }
            if let Some(d) = f.decade() {
                *decades.entry(d).or_default() += 1;
            }
            for c in &f.countries {
                *countries.entry(c).or_default() += 1;
            }
            *kinds.entry(f.kind).or_default() += 1;
            directors.extend(f.directors.iter().map(String::as_str));
            runtimes.extend(f.runtime);
        }
        runtimes.sort_unstable();
        let shorts = films.iter().filter(|f| f.is_short()).count();
        let by_theme = vocab
            .themes()
            .iter()
            .zip(theme_counts)
            .map(|(t, n)| Count {
                key: t.id.clone(),
                label: t.label.clone(),
                films: n,
            })
            .collect();
        let by_decade = decades
            .into_iter()
            .map(|(d, n)| Count {
                key: d.to_string(),
                label: format!("{d}s"),
                films: n,
            })
            .collect();
        let by_country = most_first(countries);
        let by_kind = kinds
            .into_iter()
            .map(|(k, n)| {
                let name = k.map(|k| k.as_str()).unwrap_or("unknown");
                Count {
                    key: name.to_string(),
                    label: name.to_string(),
                    films: n,
                }
            })
            .collect();
        let festivals = catalogue.festivals();
        let mut per_festival: BTreeMap<&str, usize> = BTreeMap::new();
        let mut per_festival_country: BTreeMap<&str, usize> = BTreeMap::new();
        for f in films {
            let mut seen_countries: Vec<&str> = Vec::new();
            for id in &f.festivals {
                *per_festival.entry(id.as_str()).or_default() += 1;
                if let Some(c) = festivals.get(id).and_then(|x| x.country.as_deref()) {
                    if !seen_countries.contains(&c) {
                        seen_countries.push(c);
                        *per_festival_country.entry(c).or_default() += 1;
                    }
                }
            }
        }
        let mut by_festival: Vec<Count> = festivals
            .all()
            .iter()
            .map(|x| Count {
                key: x.id.clone(),
                label: match &x.country {
                    Some(c) => format!("{} ({c})", x.name),
                    None => x.name.clone(),
                },
                films: per_festival.get(x.id.as_str()).copied().unwrap_or(0),
            })
            .collect();
        by_festival.sort_by(|a, b| b.films.cmp(&a.films).then_with(|| a.key.cmp(&b.key)));
        let by_festival_country = most_first(per_festival_country);
        let by_event = catalogue
            .events()
            .all()
            .iter()
            .enumerate()
            .map(|(p, e)| Count {
                key: e.id.clone(),
                label: e.label.clone(),
                films: catalogue.event_films(p).len(),
            })
            .collect();
        let companion_pairs = (0..films.len())
            .map(|i| catalogue.companions(i).len())
            .sum::<usize>()
            / 2;
        let mut band_counts = vec![0usize; BANDS.len()];
        for r in &runtimes {
            let i = BANDS
                .iter()
                .position(|(max, _)| r <= max)
                .unwrap_or(BANDS.len() - 1);
            band_counts[i] += 1;
        }
        let total: u64 = runtimes.iter().map(|&r| r as u64).sum();
        let n = runtimes.len();
        let median = match n {
            0 => None,
            _ if n % 2 == 1 => Some(runtimes[n / 2] as f64),
            _ => Some((runtimes[n / 2 - 1] + runtimes[n / 2]) as f64 / 2.0),
        };
        Stats {
            films: films.len(),
            shorts,
            features: films.len() - shorts,
            themes: vocab.len(),
            directors: directors.len(),
            countries: by_country.len(),
            earliest: films.iter().filter_map(|f| f.year).min(),
            latest: films.iter().filter_map(|f| f.year).max(),
            by_theme,
            by_decade,
            by_country,
            by_kind,
            festivals: festivals.len(),
            films_from_festivals: films.iter().filter(|f| !f.festivals.is_empty()).count(),
            by_festival,
            by_festival_country,
            by_event,
            companion_pairs,
            runtime: Runtimes {
                known: n,
                min: runtimes.first().copied(),
                max: runtimes.last().copied(),
                mean: (n > 0).then(|| round1(total as f64 / n as f64)),
                median,
                total_hours: round1(total as f64 / 60.0),
                bands: BANDS
                    .iter()
                    .zip(band_counts)
                    .map(|((max, label), films)| Count {
                        key: if *max == u32::MAX {
                            "181+".into()
                        } else {
                            max.to_string()
                        },
                        label: label.to_string(),
                        films,
                    })
                    .collect(),
            },
        }
    }
}

/// Counts by name, most films first, then by name.
fn most_first(counts: BTreeMap<&str, usize>) -> Vec<Count> {
    let mut out: Vec<Count> = counts
        .into_iter()
        .map(|(c, n)| Count {
            key: c.to_string(),
            label: c.to_string(),
            films: n,
        })
        .collect();
    out.sort_by(|a, b| b.films.cmp(&a.films).then_with(|| a.key.cmp(&b.key)));
    out
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

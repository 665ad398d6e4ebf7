//! Generated catalogues for benchmarks and load tests: realistic in shape
//! (a theme hierarchy, Zipf-distributed theme popularity, synopses of typical
//! length, a few shorts), deterministic for a seed, and written
//! as `films/part-NNNN.toml` files like a large real catalogue would be.
//! The films are not real and must never be mixed into `data/`.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const WORDS: &[&str] = &[
    "workers",
    "factory",
    "strike",
    "mine",
    "union",
    "town",
    "shift",
    "closure",
    "machine",
    "river",
    "harbour",
    "steel",
    "cotton",
    "family",
    "night",
    "owners",
    "picket",
    "coal",
    "furnace",
    "women",
    "migrants",
    "cooperative",
    "plant",
    "island",
    "railway",
    "dust",
    "wages",
    "dock",
    "market",
    "village",
    "winter",
    "years",
    "memory",
    "city",
    "fields",
    "oil",
    "crane",
    "tunnel",
    "voices",
];
const COUNTRIES: &[&str] = &[
    "United States",
    "United Kingdom",
    "France",
    "Italy",
    "Germany",
    "Soviet Union",
    "Brazil",
    "Argentina",
    "India",
    "China",
    "Japan",
    "Poland",
    "Mexico",
    "Spain",
    "Belgium",
    "Chile",
    "South Korea",
    "Portugal",
    "Sweden",
    "South Africa",
];
const KINDS: &[&str] = &[
    "documentary",
    "fiction",
    "fiction",
    "documentary",
    "animation",
    "experimental",
];

/// The shape of a generated catalogue.
#[derive(Debug, Clone)]
pub struct Spec {
    pub films: usize,
    /// Films per `films/part-NNNN.toml` file.
    pub per_file: usize,
    /// Size of the vocabulary; themes from the 21st on have a broader theme
    /// among the first 20.
    pub themes: usize,
    /// Themes per film, drawn uniformly from this range.
    pub min_themes: usize,
    pub max_themes: usize,
    /// Exponent of the Zipf law of theme popularity (theme `r` is drawn
    /// with probability ∝ 1/r^s).
    pub zipf: f64,
    pub seed: u64,
}

impl Spec {
    /// The benchmarks' shape: 200 themes, 2–8 a film, Zipf exponent 1.
    pub fn new(films: usize) -> Spec {
        Spec {
            films,
            per_file: 10_000,
            themes: 200,
            min_themes: 2,
            max_themes: 8,
            zipf: 1.0,
            seed: 42,
        }
    }
}

/// Writes a vocabulary of `themes` themes (`theme-0` … with keywords) to `dir/themes.toml`.
pub fn write_themes(dir: &Path, themes: usize) -> io::Result<()> {
    let mut s = String::new();
    for t in 0..themes {
        let _ = write!(
            s,
            "[[theme]]\nid = \"theme-{t}\"\nlabel = \"Theme {t}\"\ndescription = \"Generated theme {t}.\"\nkeywords = [\"{}\", \"{}\"]\n",
            WORDS[t % WORDS.len()],
            WORDS[(t * 7 + 3) % WORDS.len()]
        );
        if t >= 20 {
            let _ = writeln!(s, "broader = \"theme-{}\"", t % 20);
        }
        s.push('\n');
    }
    std::fs::write(dir.join("themes.toml"), s)
}

/// Writes a generated catalogue of the given shape into `dir` (created if needed).
pub fn write_catalogue(dir: &Path, spec: &Spec) -> io::Result<()> {
    std::fs::create_dir_all(dir.join("films"))?;
    write_themes(dir, spec.themes)?;
    let mut rng = StdRng::seed_from_u64(spec.seed);
    // Cumulative Zipf weights, for sampling by binary search.
    let mut cumulative = Vec::with_capacity(spec.themes);
    let mut total = 0.0;
    for r in 1..=spec.themes {
        total += 1.0 / (r as f64).powf(spec.zipf);
        cumulative.push(total);
    }
    let per_file = spec.per_file.max(1);
    let mut n = 0;
    let mut part = 0;
    while n < spec.films {
        let mut s = String::with_capacity(per_file * 480);
        for _ in 0..per_file.min(spec.films - n) {
            film(&mut s, n, spec, &cumulative, &mut rng);
            n += 1;
        }
        std::fs::write(dir.join("films").join(format!("part-{part:04}.toml")), s)?;
        part += 1;
    }
    Ok(())
}

fn film(s: &mut String, n: usize, spec: &Spec, cumulative: &[f64], rng: &mut StdRng) {
    let w = |rng: &mut StdRng| WORDS[rng.random_range(0..WORDS.len())];
    let title = format!("{} of the {}", capitalise(w(rng)), w(rng));
    let year = rng.random_range(1895..=2025);
    let runtime = if rng.random_bool(0.15) {
        rng.random_range(3..=40)
    } else {
        rng.random_range(60..=180)
    };
    let total = *cumulative.last().unwrap_or(&1.0);
    let wanted = rng.random_range(spec.min_themes..=spec.max_themes.max(spec.min_themes));
    let mut ts: Vec<usize> = Vec::with_capacity(wanted);
    let mut tries = 0;
    while ts.len() < wanted && tries < wanted * 20 {
        tries += 1;
        let u: f64 = rng.random::<f64>() * total;
        let t = cumulative
            .partition_point(|&c| c < u)
            .min(cumulative.len() - 1);
        if !ts.contains(&t) {
            ts.push(t);
        }
    }
    let theme_list: Vec<String> = ts.iter().map(|t| format!("\"theme-{t}\"")).collect();
    let synopsis: Vec<&str> = (0..rng.random_range(20..40)).map(|_| w(rng)).collect();
    let _ = write!(
        s,
        "[[film]]\nid = \"film-{n}\"\ntitle = \"{title}\"\nyear = {year}\ndirectors = [\"Director {}\"]\n\
         countries = [\"{}\"]\nlanguages = [\"English\"]\nruntime = {runtime}\nkind = \"{}\"\n\
         themes = [{}]\nsynopsis = \"{}.\"\nsources = [\"https://example.org/film/{n}\"]\n\n",
        rng.random_range(0..(n / 3 + 10)),
        COUNTRIES[rng.random_range(0..COUNTRIES.len())],
        KINDS[rng.random_range(0..KINDS.len())],
        theme_list.join(", "),
        synopsis.join(" "),
    );
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load::load;
    use crate::catalogue::LoadOptions;

    #[test]
    fn generated_catalogue_is_valid_and_deterministic() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let spec = Spec {
            per_file: 100,
            ..Spec::new(250)
        };
        write_catalogue(a.path(), &spec).unwrap();
        write_catalogue(b.path(), &spec).unwrap();
        let read = |d: &Path| std::fs::read(d.join("films/part-0002.toml")).unwrap();
        assert_eq!(read(a.path()), read(b.path()));
        let loaded = load(
            a.path(),
            &LoadOptions {
                max_year: 2027,
                ..LoadOptions::default()
            },
            &|_| {},
        )
        .unwrap_or_else(|e| panic!("{:?}", e.diagnostics));
        assert_eq!(loaded.catalogue.len(), 250);
        assert_eq!(loaded.catalogue.files().len(), 3);
        for f in loaded.catalogue.films() {
            assert!((2..=8).contains(&f.themes.len()), "{}", f.themes.len());
        }
        // Zipf: theme-0 is far more common than theme-100.
        let count = |t: &str| {
            loaded
                .catalogue
                .films()
                .iter()
                .filter(|f| f.themes.iter().any(|x| x == t))
                .count()
        };
        assert!(count("theme-0") > 5 * count("theme-100").max(1));
    }
}

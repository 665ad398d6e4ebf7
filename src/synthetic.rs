//! Generated catalogues for benchmarks and load tests: realistic in shape
//! (a vocabulary like the bundled one, themes of skewed popularity, synopses
//! of typical length, a few shorts), deterministic for a seed, and written
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
        if t >= 8 {
            let _ = writeln!(s, "broader = \"theme-{}\"", t % 8);
        }
        s.push('\n');
    }
    std::fs::write(dir.join("themes.toml"), s)
}

/// Writes a catalogue of `films` generated films in files of `per_file`
/// films, plus a vocabulary of 40 themes, into `dir` (created if needed).
pub fn write_catalogue(dir: &Path, films: usize, per_file: usize, seed: u64) -> io::Result<()> {
    const THEMES: usize = 40;
    std::fs::create_dir_all(dir.join("films"))?;
    write_themes(dir, THEMES)?;
    let mut rng = StdRng::seed_from_u64(seed);
    let per_file = per_file.max(1);
    let mut n = 0;
    let mut part = 0;
    while n < films {
        let mut s = String::with_capacity(per_file * 420);
        for _ in 0..per_file.min(films - n) {
            film(&mut s, n, THEMES, &mut rng);
            n += 1;
        }
        std::fs::write(dir.join("films").join(format!("part-{part:04}.toml")), s)?;
        part += 1;
    }
    Ok(())
}

fn film(s: &mut String, n: usize, themes: usize, rng: &mut StdRng) {
    let w = |rng: &mut StdRng| WORDS[rng.random_range(0..WORDS.len())];
    let title = format!("{} of the {}", capitalise(w(rng)), w(rng));
    let year = rng.random_range(1895..=2025);
    let runtime = if rng.random_bool(0.15) {
        rng.random_range(3..=40)
    } else {
        rng.random_range(60..=180)
    };
    let mut ts: Vec<usize> = Vec::new();
    for _ in 0..rng.random_range(2..=5) {
        // Skewed popularity: low-numbered themes are common, high ones rare.
        let u: f64 = rng.random();
        let t = ((u * u * u) * themes as f64) as usize;
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
        write_catalogue(a.path(), 250, 100, 7).unwrap();
        write_catalogue(b.path(), 250, 100, 7).unwrap();
        let read = |d: &Path| std::fs::read(d.join("films/part-0002.toml")).unwrap();
        assert_eq!(read(a.path()), read(b.path()));
        let loaded = load(a.path(), &LoadOptions { max_year: 2027 }, &|_| {})
            .unwrap_or_else(|e| panic!("{:?}", e.diagnostics));
        assert_eq!(loaded.catalogue.len(), 250);
        assert_eq!(loaded.catalogue.files().len(), 3);
    }
}

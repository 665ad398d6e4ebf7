//! Film filters shared by the commands that list films (`catalog list`,
//! `related`, `discover`), and the check of theme arguments.

use clap::Args;

use slate::catalogue::query::{parse_country, parse_decade, Filter};
use slate::{Catalogue, Kind};

use super::Failure;

/// `--decade`, `--country`, `--kind`, `--max-runtime`, `--short`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilmFilters {
    /// Only films of this decade (1970s)
    #[arg(long, value_parser = parse_decade, value_name = "DECADE")]
    decade: Option<i32>,
    /// Only films made in this country (name or alias: UK, USA, USSR)
    #[arg(long, value_parser = country_arg, value_name = "COUNTRY")]
    country: Option<CountryArg>,
    /// Only films of this kind
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Only films of at most this many minutes (films of unknown runtime are left out)
    #[arg(long, value_name = "MINUTES")]
    max_runtime: Option<u32>,
    /// Only shorts (40 minutes or less unless marked otherwise)
    #[arg(long)]
    short: bool,
}

/// A `--country` as written and the country it was read as.
#[derive(Debug, Clone)]
struct CountryArg {
    written: String,
    canonical: &'static str,
}

fn country_arg(s: &str) -> Result<CountryArg, String> {
    parse_country(s).map(|canonical| CountryArg {
        written: s.trim().to_string(),
        canonical,
    })
}

impl FilmFilters {
    /// The filter, saying on stderr when `--country` named a part of a
    /// country (Scotland) and was read as the whole (United Kingdom).
    pub fn filter(&self) -> Filter {
        if let Some(c) = &self.country {
            if let Some(country) = slate::countries::part_of(&c.written) {
                say!(
                    "note: --country {} read as {country} (the catalogue records countries, not nations within them)",
                    c.written
                );
            }
        }
        Filter {
            decade: self.decade,
            country: self.country.as_ref().map(|c| c.canonical.to_string()),
            kind: self.kind.map(Kind::from),
            max_runtime: self.max_runtime,
            short: self.short,
            ..Filter::default()
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum KindArg {
    Documentary,
    Fiction,
    Animation,
    Experimental,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Documentary => Kind::Documentary,
            KindArg::Fiction => Kind::Fiction,
            KindArg::Animation => Kind::Animation,
            KindArg::Experimental => Kind::Experimental,
        }
    }
}

/// Event ids given on the command line must exist: a usage error otherwise.
pub fn check_events(cat: &Catalogue, events: &[String]) -> Result<(), Failure> {
    for e in events {
        if !cat.events().contains(e) {
            let hint = cat.events().suggestion(e).unwrap_or_else(|| {
                "events are the ids of data/events.toml (`slate catalog stats` lists them)".into()
            });
            return Err(Failure::Usage(format!("unknown event `{e}`; {hint}")));
        }
    }
    Ok(())
}

/// Countries given on the command line, read as the catalogue's names.
pub fn countries(list: &[String]) -> Result<Vec<String>, Failure> {
    list.iter()
        .map(|c| {
            parse_country(c)
                .map(str::to_string)
                .map_err(|e| Failure::Usage(format!("--country {c}: {e}")))
        })
        .collect()
}

/// Theme ids given on the command line must exist: a usage error otherwise.
pub fn check_themes(cat: &Catalogue, themes: &[String]) -> Result<(), Failure> {
    for t in themes {
        if !cat.vocabulary().contains(t) {
            let hint = cat
                .vocabulary()
                .suggestion(t)
                .unwrap_or_else(|| "`slate themes` lists the theme ids".into());
            return Err(Failure::Usage(format!("unknown theme `{t}`; {hint}")));
        }
    }
    Ok(())
}

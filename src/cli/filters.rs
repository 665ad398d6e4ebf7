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
    #[arg(long, value_parser = parse_country, value_name = "COUNTRY")]
    country: Option<&'static str>,
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

impl FilmFilters {
    pub fn filter(&self) -> Filter {
        Filter {
            decade: self.decade,
            country: self.country.map(str::to_string),
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

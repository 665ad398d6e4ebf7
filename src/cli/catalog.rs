//! `slate catalog check | list | show | stats`.

use clap::{Args, Subcommand};
use serde::Serialize;

use slate::catalogue::load::{load, Loaded};
use slate::catalogue::stats::{Count, Stats};
use slate::catalogue::{LoadOptions, FILM_KEYS};
use slate::diagnostics::{render, summary, Diagnostic};
use slate::text::title_key;
use slate::{Catalogue, Film};

use super::filters::{check_themes, FilmFilters};
use super::output::{csv, diagnostics_csv, emit, join, json, opt, table, Format};
use super::{load_catalogue, read_lock, resolve_film, Cli, CmdResult, Failure};

#[derive(Subcommand)]
pub enum CatalogCommand {
    /// Validate the data directory: every problem with file, line and column
    #[command(after_help = "Exit status: 0 if the catalogue is valid, 1 if not.\n\n\
        Examples:\n  slate catalog check\n  slate --data other/data catalog check --format json")]
    Check {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// List films, optionally filtered
    #[command(
        after_help = "Filters combine: a film must meet all of them. --theme may be \
        repeated; a theme also finds films tagged with its narrower themes (mining finds coal films).\n\n\
        Examples:\n  slate catalog list --theme strikes --decade 1970s\n  \
        slate catalog list --theme mining --country UK --max-runtime 100\n  \
        slate catalog list --short --kind animation --format csv"
    )]
    List(ListArgs),
    /// Show one film by id or title (case- and accent-insensitive)
    #[command(after_help = "Examples:\n  slate catalog show harlan-county-usa\n  \
        slate catalog show \"a fabrica de nada\"\n  slate catalog show \"Strike (1925)\" --format json")]
    Show {
        /// Film id, title or original title; a trailing year narrows it ("Strike 1925")
        film: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Films per theme, decade, country and kind; runtime distribution
    #[command(
        after_help = "Examples:\n  slate catalog stats\n  slate catalog stats --format json"
    )]
    Stats {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Args)]
pub struct ListArgs {
    /// Only films carrying this theme (repeatable: all must hold)
    #[arg(long = "theme", value_name = "THEME")]
    themes: Vec<String>,
    /// Only films by a director whose name contains this text
    #[arg(long, value_name = "NAME")]
    director: Option<String>,
    #[command(flatten)]
    filters: FilmFilters,
    /// Order of the listing
    #[arg(long, value_enum, default_value_t)]
    sort: SortKey,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

#[derive(Clone, Copy, Default, clap::ValueEnum)]
enum SortKey {
    /// Title, ignoring case, accents and a leading article
    #[default]
    Title,
    Year,
    Runtime,
    Id,
}

pub fn run(cli: &Cli, cmd: &CatalogCommand) -> CmdResult {
    match cmd {
        CatalogCommand::Check { format } => check(cli, *format),
        CatalogCommand::List(args) => list(cli, args),
        CatalogCommand::Show { film, format } => show(cli, film, *format),
        CatalogCommand::Stats { format } => stats(cli, *format),
    }
}

#[derive(Serialize)]
struct CheckReport<'a> {
    ok: bool,
    data: String,
    films: usize,
    themes: usize,
    files: usize,
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

fn check(cli: &Cli, format: Format) -> CmdResult {
    if format == Format::Table {
        let loaded = load_catalogue(cli)?;
        let Loaded {
            catalogue,
            warnings,
        } = &*loaded;
        return emit(&format!(
            "ok: {} films and {} themes in {} ({} film file{}){}\n",
            catalogue.len(),
            catalogue.vocabulary().len(),
            cli.data.display(),
            catalogue.files().len(),
            if catalogue.files().len() == 1 {
                ""
            } else {
                "s"
            },
            if warnings.is_empty() {
                String::new()
            } else {
                format!("; {}", summary(warnings))
            }
        ));
    }
    let lock = read_lock(cli);
    let result = load(&cli.data, &LoadOptions::default(), &|_| {});
    drop(lock);
    let (ok, films, themes, files, diagnostics) = match &result {
        Ok(l) => (
            true,
            l.catalogue.len(),
            l.catalogue.vocabulary().len(),
            l.catalogue.files().len(),
            l.warnings.clone(),
        ),
        Err(e) => (false, 0, 0, 0, e.diagnostics.clone()),
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let report = CheckReport {
        ok,
        data: cli.data.display().to_string(),
        films,
        themes,
        files,
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics: &diagnostics,
    };
    let text = match format {
        Format::Json => json(&report),
        _ => diagnostics_csv(&diagnostics),
    };
    emit(&text)?;
    if ok {
        Ok(())
    } else {
        say_raw!("{}", render(&diagnostics));
        Err(Failure::Data(String::new()))
    }
}

fn list(cli: &Cli, args: &ListArgs) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    check_themes(cat, &args.themes)?;
    let mut filter = args.filters.filter();
    filter.themes = args.themes.clone();
    filter.director = args.director.clone();
    let mut films = filter.apply(cat);
    match args.sort {
        SortKey::Title => films.sort_by_cached_key(|f| (title_key(&f.title), f.year, f.id.clone())),
        SortKey::Year => films.sort_by(|a, b| (a.year, &a.id).cmp(&(b.year, &b.id))),
        SortKey::Runtime => films.sort_by(|a, b| (a.runtime, &a.id).cmp(&(b.runtime, &b.id))),
        SortKey::Id => films.sort_by(|a, b| a.id.cmp(&b.id)),
    }
    emit(&render_films(&films, args.format))
}

/// One film as a CSV row, in the order of [`FILM_KEYS`].
fn film_csv_row(f: &Film) -> Vec<String> {
    vec![
        f.id.clone(),
        f.title.clone(),
        opt(f.original_title.as_ref()),
        opt(f.year),
        join(&f.directors),
        join(&f.countries),
        join(&f.languages),
        opt(f.runtime),
        opt(f.kind),
        f.is_short().to_string(),
        join(&f.themes),
        opt(f.synopsis.as_ref()),
        join(&f.sources),
        opt(f.notes.as_ref()),
        join(&f.cast),
        f.silent.to_string(),
        join(&f.festivals),
        join(&f.events),
        f.companions
            .iter()
            .map(|c| format!("{} {}", c.relation, c.film))
            .collect::<Vec<_>>()
            .join("; "),
        opt(f.wikidata.as_ref()),
        opt(f.imdb.as_ref()),
        opt(f.website.as_ref()),
    ]
}

fn render_films(films: &[&Film], format: Format) -> String {
    match format {
        Format::Json => json(films),
        Format::Csv => csv(
            FILM_KEYS,
            &films.iter().map(|f| film_csv_row(f)).collect::<Vec<_>>(),
        ),
        Format::Table => {
            let rows: Vec<Vec<String>> = films
                .iter()
                .map(|f| {
                    vec![
                        f.id.clone(),
                        f.title.clone(),
                        opt(f.year),
                        f.directors.join(", "),
                        f.countries.join(", "),
                        opt(f.runtime),
                        opt(f.kind),
                        f.themes.join(", "),
                    ]
                })
                .collect();
            let mut s = table(
                &[
                    "ID",
                    "TITLE",
                    "YEAR",
                    "DIRECTORS",
                    "COUNTRIES",
                    "MIN",
                    "KIND",
                    "THEMES",
                ],
                &rows,
            );
            s.push_str(&format!(
                "{} film{}\n",
                films.len(),
                if films.len() == 1 { "" } else { "s" }
            ));
            s
        }
    }
}

fn show(cli: &Cli, query: &str, format: Format) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    let film = &cat.films()[resolve_film(cat, query)?];
    let text = match format {
        Format::Json => json(film),
        Format::Csv => csv(FILM_KEYS, &[film_csv_row(film)]),
        Format::Table => detail(cat, film),
    };
    emit(&text)
}

/// The human-readable card of one film.
fn detail(cat: &Catalogue, f: &Film) -> String {
    let mut s = format!(
        "{}\n{}\n",
        f.display_title(),
        "=".repeat(f.display_title().chars().count())
    );
    let mut field = |name: &str, value: String| {
        if !value.is_empty() {
            s.push_str(&format!("{name:<15}{value}\n"));
        }
    };
    field("id", f.id.clone());
    field("original title", opt(f.original_title.as_ref()));
    field("directed by", f.directors.join(", "));
    field("countries", f.countries.join(", "));
    field("languages", f.languages.join(", "));
    field(
        "runtime",
        f.runtime
            .map(|r| format!("{r} min{}", if f.is_short() { " (short)" } else { "" }))
            .unwrap_or_default(),
    );
    field("kind", opt(f.kind));
    if f.silent {
        field("sound", "silent".into());
    }
    field("cast", f.cast.join(", "));
    let themes: Vec<String> = f
        .themes
        .iter()
        .map(|t| match cat.vocabulary().get(t) {
            Some(th) => format!("{t} ({})", th.label),
            None => t.clone(),
        })
        .collect();
    field("themes", themes.join(", "));
    let events: Vec<String> = f
        .events
        .iter()
        .map(|e| match cat.events().get(e) {
            Some(ev) => format!("{e} ({})", ev.label),
            None => e.clone(),
        })
        .collect();
    field("events", events.join(", "));
    let index = cat.position(&f.id).unwrap_or(usize::MAX);
    let companions: Vec<String> = cat
        .companions(index)
        .iter()
        .map(|l| {
            let other = &cat.films()[l.film as usize];
            format!(
                "{} [{}]",
                l.relation.phrase(&other.display_title()),
                other.id
            )
        })
        .collect();
    field("companions", companions.join("; "));
    let festivals: Vec<String> = f
        .festivals
        .iter()
        .map(|id| match cat.festivals().get(id) {
            Some(x) => x.name.clone(),
            None => id.clone(),
        })
        .collect();
    field("festivals", festivals.join("; "));
    for (name, link) in slate::catalogue::links(f) {
        field(name, link);
    }
    field("defined at", opt(cat.origin(&f.id)));
    if let Some(syn) = &f.synopsis {
        s.push_str(&format!("\n{}\n", wrap(syn, 78)));
    }
    if let Some(notes) = &f.notes {
        s.push_str(&format!("\nNotes:\n{}\n", wrap(notes, 78)));
    }
    if !f.sources.is_empty() {
        s.push_str("\nSources:\n");
        for src in &f.sources {
            s.push_str(&format!("  - {src}\n"));
        }
    }
    s
}

/// Greedy word wrap.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in text.split_whitespace() {
        let n = word.chars().count();
        if line_len > 0 && line_len + 1 + n > width {
            out.push('\n');
            line_len = 0;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += n;
    }
    out
}

fn stats(cli: &Cli, format: Format) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let st = Stats::of(&loaded.catalogue);
    let text = match format {
        Format::Json => json(&st),
        Format::Csv => {
            let mut rows = Vec::new();
            let overview = [
                ("films", st.films),
                ("shorts", st.shorts),
                ("features", st.features),
                ("themes", st.themes),
                ("directors", st.directors),
                ("countries", st.countries),
            ];
            for (k, n) in overview {
                rows.push(vec!["total".into(), k.into(), k.into(), n.to_string()]);
            }
            rows.push(vec![
                "total".into(),
                "festivals".into(),
                "festivals".into(),
                st.festivals.to_string(),
            ]);
            rows.push(vec![
                "total".into(),
                "films_from_festivals".into(),
                "films from festivals".into(),
                st.films_from_festivals.to_string(),
            ]);
            rows.push(vec![
                "total".into(),
                "companion_pairs".into(),
                "companion pairs".into(),
                st.companion_pairs.to_string(),
            ]);
            let sections: [(&str, &[Count]); 8] = [
                ("theme", &st.by_theme),
                ("decade", &st.by_decade),
                ("country", &st.by_country),
                ("kind", &st.by_kind),
                ("runtime", &st.runtime.bands),
                ("festival", &st.by_festival),
                ("festival_country", &st.by_festival_country),
                ("event", &st.by_event),
            ];
            for (name, counts) in sections {
                for c in counts {
                    rows.push(vec![
                        name.into(),
                        c.key.clone(),
                        c.label.clone(),
                        c.films.to_string(),
                    ]);
                }
            }
            csv(&["section", "key", "label", "films"], &rows)
        }
        Format::Table => stats_table(&st),
    };
    emit(&text)
}

fn stats_table(st: &Stats) -> String {
    let r = &st.runtime;
    let years = match (st.earliest, st.latest) {
        (Some(a), Some(b)) => format!(" · {a}–{b}"),
        _ => String::new(),
    };
    let mut s = format!(
        "{} films ({} features, {} shorts) · {} themes · {} directors · {} countries{years}\n",
        st.films, st.features, st.shorts, st.themes, st.directors, st.countries,
    );
    if r.known == 0 {
        s.push_str("runtime: none known\n");
    } else {
        s.push_str(&format!(
            "runtime: {} known, min {} · median {} · mean {} · max {} min · {} hours in all\n",
            r.known,
            opt(r.min),
            opt(r.median),
            opt(r.mean),
            opt(r.max),
            r.total_hours
        ));
    }
    let section = |title: &str, counts: &[Count], show_key: bool| {
        let max = counts.iter().map(|c| c.films).max().unwrap_or(0).max(1);
        let rows: Vec<Vec<String>> = counts
            .iter()
            .map(|c| {
                let bar =
                    "█".repeat((c.films * 30).div_ceil(max).min(30) * usize::from(c.films > 0));
                let mut row = vec![c.label.clone()];
                if show_key {
                    row.insert(0, c.key.clone());
                }
                row.push(c.films.to_string());
                row.push(bar);
                row
            })
            .collect();
        let mut header = vec![title, "FILMS", ""];
        if show_key {
            header.insert(0, "ID");
        }
        format!("\n{}", table(&header, &rows))
    };
    s.push_str(&section("THEME", &st.by_theme, true));
    s.push_str(&section("DECADE", &st.by_decade, false));
    s.push_str(&section("COUNTRY", &st.by_country, false));
    s.push_str(&section("KIND", &st.by_kind, false));
    s.push_str(&section("RUNTIME", &st.runtime.bands, false));
    if st.festivals > 0 {
        s.push_str(&format!(
            "\n{} of the films were screened by {} festivals in {} countries:\n",
            st.films_from_festivals,
            st.festivals,
            st.by_festival_country.len()
        ));
        s.push_str(&section("FESTIVAL COUNTRY", &st.by_festival_country, false));
        s.push_str(&section("FESTIVAL", &st.by_festival, true));
    }
    if !st.by_event.is_empty() {
        s.push_str(&section("EVENT", &st.by_event, true));
    }
    if st.companion_pairs > 0 {
        s.push_str(&format!("\n{} companion pairs\n", st.companion_pairs));
    }
    s
}

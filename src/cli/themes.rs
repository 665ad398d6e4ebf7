//! `slate themes`: the vocabulary with film counts.

use clap::Args;
use serde::Serialize;

use super::output::{csv, emit, json, opt, table, Format};
use super::{load_catalogue, Cli, CmdResult};

#[derive(Args)]
pub struct ThemesArgs {
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

/// One row of `slate themes` (JSON field names are a public interface).
#[derive(Serialize)]
struct ThemeRow<'a> {
    id: &'a str,
    label: &'a str,
    broader: Option<&'a str>,
    description: Option<&'a str>,
    keywords: &'a [String],
    /// Films tagged with the theme itself.
    films: usize,
    /// Films tagged with the theme or any narrower theme.
    films_including_narrower: usize,
}

pub fn run(cli: &Cli, args: &ThemesArgs) -> CmdResult {
    let loaded = load_catalogue(cli)?;
    let cat = &loaded.catalogue;
    let vocab = cat.vocabulary();
    let rows: Vec<ThemeRow> = vocab
        .themes()
        .iter()
        .map(|t| ThemeRow {
            id: &t.id,
            label: &t.label,
            broader: t.broader.as_deref(),
            description: t.description.as_deref(),
            keywords: &t.keywords,
            films: cat
                .films()
                .iter()
                .filter(|f| f.themes.contains(&t.id))
                .count(),
            films_including_narrower: cat
                .films()
                .iter()
                .filter(|f| f.themes.iter().any(|c| vocab.implies(c, &t.id)))
                .count(),
        })
        .collect();
    let text = match args.format {
        Format::Json => json(&rows),
        Format::Csv => csv(
            &[
                "id",
                "label",
                "broader",
                "description",
                "keywords",
                "films",
                "films_including_narrower",
            ],
            &rows
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.label.to_string(),
                        opt(r.broader),
                        opt(r.description),
                        r.keywords.join("; "),
                        r.films.to_string(),
                        r.films_including_narrower.to_string(),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        Format::Table => {
            let mut s = table(
                &["ID", "LABEL", "BROADER", "FILMS", "WITH NARROWER"],
                &rows
                    .iter()
                    .map(|r| {
                        vec![
                            r.id.to_string(),
                            r.label.to_string(),
                            opt(r.broader),
                            r.films.to_string(),
                            r.films_including_narrower.to_string(),
                        ]
                    })
                    .collect::<Vec<_>>(),
            );
            s.push_str(&format!("{} themes\n", rows.len()));
            s
        }
    };
    emit(&text)
}

//! Splitting pasted listings into entries and reading their fields: the
//! line-by-line reader ([`parse`]) here; labelled lines and titles in
//! `labels`, credit lines by their shape in `credits`, tables in `table`.
//!
//! Layouts read so far:
//! - labelled blocks: a title line, optionally with "(1976)" and other
//!   parentheticals, then `Directed by:`, `Running Time:`, `Starring:`,
//!   `Website:`, `Synopsis:`, `Country:` lines and free synopsis paragraphs;
//! - prose blocks with credits inline (`DIR/SCR/PROD Name; PROD Name.
//!   Portugal, 2017, color, 177 min. In Portuguese and French …`), followed
//!   by `Run Time:` and `Genre:` lines, usually without a title;
//! - titled lists with `Description:` and `Fact:` lines;
//! - one-line credits after a title, in any order and with any of the
//!   separators `/ | , · •` ("Herbert J. Biberman / USA / 1954 / 94'",
//!   "Dir. Mike Nichols/USA/1983/128 min"), and pipe lines with the title
//!   first ("Matewan | USA | 1987 | 133 minutes");
//! - a title with its credits in parentheses ("Blue Collar (Paul Schrader,
//!   1978, 114 min)"), optionally with the director after a dash when the
//!   parentheses hold more than a year ("Norma Rae — Martin Ritt (USA, 1979,
//!   114')");
//! - CSV with a header row (see `table::COLUMNS`), IMDb and Letterboxd exports
//!   among them, and tab-separated tables copied from a spreadsheet;
//! - several labels on one line ("Director: X | Country: Y | 98 min") and
//!   alternative titles after " / " ("The Miner / Rudar (2017)");
//! - any of these as numbered or bulleted lists or Markdown (list markers,
//!   `##` headings and `**emphasis**` are dropped, see `labels::clean`); a title
//!   line with a year in parentheses at its end ("Brassed Off (1996)")
//!   followed by a paragraph.
//!
//! A credit line is recognised by its shape, not by its words: short, cut
//! by separators into parts that are each a year, a runtime, a country, a
//! format word ("color", "35mm") or a name — at most two names — with a year
//! or a runtime among them. A synopsis sentence fails that test.
//!
//! Titles written in capitals ("SALT OF THE EARTH") are given ordinary
//! capitalisation (small words lower case, Roman numerals kept); matching
//! ignores case anyway, and a film new to the catalogue should not shout.
//! An entry without a title keeps everything else found; paragraphs with
//! no film facts at all (an introduction) are skipped.

mod credits;
mod labels;
mod table;

use super::runtime;
use credits::*;
use labels::*;
use table::*;

/// What a listing says about one film.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Entry {
    pub title: Option<String>,
    /// Other titles in parentheses ("SMB", "Argentine Industry").
    pub other_titles: Vec<String>,
    pub year: Option<i32>,
    pub directors: Vec<String>,
    pub cast: Vec<String>,
    pub runtime: Option<u32>,
    pub countries: Vec<String>,
    pub languages: Vec<String>,
    pub kind: Option<String>,
    pub synopsis: Option<String>,
    pub notes: Option<String>,
    /// Line of the entry in its file (1-based).
    pub line: usize,
}

/// What a line of a listing is, by itself.
enum LineKind {
    Blank,
    /// Starts with a label ("Directed by:").
    Labelled,
    /// A credit line, read.
    Credits(Vec<Part>),
    /// A title with credits or a year in parentheses.
    Titled,
    /// Anything else: a title or a paragraph, as the lines around it say.
    Other,
}

impl LineKind {
    fn of(line: &str) -> LineKind {
        if line.is_empty() {
            LineKind::Blank
        } else if label(line).is_some() {
            LineKind::Labelled
        } else if let Some(parts) = credit_line(line) {
            LineKind::Credits(parts)
        } else if titled_with_credits(line) {
            LineKind::Titled
        } else {
            LineKind::Other
        }
    }
}

/// Splits a listing into entries.
pub fn parse(text: &str) -> Vec<Entry> {
    // Pasted web text is full of non-breaking and odd spaces.
    // (Tabs are kept for a table copied from a spreadsheet.)
    let text: String = text
        .chars()
        .map(|c| {
            if c != '\n' && c != '\r' && c != '\t' && c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    if let Some(entries) = csv_entries(&text) {
        return entries;
    }
    let text = text.replace('\t', " ");
    let cleaned: Vec<String> = text.lines().map(clean).collect();
    let lines: Vec<&str> = cleaned.iter().map(|l| l.trim()).collect();
    // What each line is, decided once (the loop looks ahead and back).
    let mut kinds: Vec<LineKind> = lines.iter().map(|l| LineKind::of(l)).collect();
    let mut entries: Vec<Entry> = Vec::new();
    let mut current: Option<Entry> = None;
    // Whether the current entry still takes free text as its synopsis.
    let mut open = false;
    // Whether the line before (blank lines aside) was a title.
    let mut just_titled = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() || line.to_lowercase().starts_with("category archives") {
            i += 1;
            continue;
        }
        let after_title = std::mem::take(&mut just_titled);
        if matches!(kinds[i], LineKind::Labelled) {
            let e = current.get_or_insert_with(|| Entry {
                line: i + 1,
                ..Entry::default()
            });
            // Several labels on one line: "Director: X | Country: Y | 98 min".
            for segment in label_segments(line) {
                match label(&segment) {
                    Some((l, value)) => {
                        if let Some(opens) = apply_label(e, l, value) {
                            open = opens;
                        }
                    }
                    None => credit_parts(e, std::iter::once(segment.as_str())),
                }
            }
            i += 1;
            continue;
        }
        // A pipe line: "Title | Country | Year | N minutes".
        if line.matches('|').count() >= 2 {
            if let Some(done) = current.take() {
                entries.push(done);
            }
            let mut fields = line.split('|').map(str::trim);
            let mut e = Entry {
                line: i + 1,
                ..Entry::default()
            };
            let first = titled(fields.next().unwrap_or(""), i + 1);
            e.title = first.title;
            e.year = first.year;
            e.other_titles = first.other_titles;
            credit_parts(&mut e, fields);
            current = Some(e);
            open = true;
            i += 1;
            continue;
        }
        // A credit line: the credits of the entry just titled, or of an
        // untitled one.
        if let LineKind::Credits(parts) = &mut kinds[i] {
            let parts = std::mem::take(parts);
            let fresh = after_title
                || current.as_ref().is_some_and(|e| {
                    open && e.synopsis.is_none() && e.year.is_none() && e.runtime.is_none()
                });
            if !fresh {
                if let Some(done) = current.take() {
                    entries.push(done);
                }
            }
            let e = current.get_or_insert_with(|| Entry {
                line: i + 1,
                ..Entry::default()
            });
            for p in parts {
                apply_part(e, p);
            }
            open = true;
            i += 1;
            continue;
        }
        // A title: a short line followed by labels or by a credit line, or
        // with its credits in parentheses.
        let short = line.chars().count() <= 100 && !line.ends_with('.');
        let next = kinds[i + 1..]
            .iter()
            .find(|k| !matches!(k, LineKind::Blank));
        if (short && matches!(next, Some(LineKind::Labelled | LineKind::Credits(_))))
            || matches!(kinds[i], LineKind::Titled)
        {
            if let Some(done) = current.take() {
                entries.push(done);
            }
            current = Some(titled(line, i + 1));
            open = true;
            just_titled = true;
            i += 1;
            continue;
        }
        // Free text: a paragraph.
        let start = i;
        let mut para = Vec::new();
        while i < lines.len()
            && match &kinds[i] {
                LineKind::Blank | LineKind::Labelled => false,
                LineKind::Credits(_) | LineKind::Titled => para.is_empty(),
                LineKind::Other => true,
            }
        {
            para.push(lines[i]);
            i += 1;
        }
        let text = para.join(" ");
        let continues = open && current.as_ref().is_some_and(|e| e.synopsis.is_none());
        if continues {
            let e = current.as_mut().expect("checked");
            apply_prose(e, &text);
            open = false;
        } else {
            if let Some(done) = current.take() {
                entries.push(done);
            }
            let mut e = Entry {
                line: start + 1,
                ..Entry::default()
            };
            apply_prose(&mut e, &text);
            current = Some(e);
            open = false;
        }
    }
    if let Some(done) = current.take() {
        entries.push(done);
    }
    entries
        .into_iter()
        .filter(|e| {
            e.title.is_some() || !e.directors.is_empty() || e.runtime.is_some() || e.year.is_some()
        })
        .collect()
}

/// A new entry from a title line.
fn titled(line: &str, at: usize) -> Entry {
    let tl = title_line(line);
    let mut e = Entry {
        title: (!tl.title.is_empty()).then_some(tl.title),
        year: tl.year,
        other_titles: tl.others,
        line: at,
        ..Entry::default()
    };
    for p in tl.credits {
        apply_part(&mut e, p);
    }
    e
}

/// Whether a line is a title with credits in parentheses ("Blue Collar
/// (Paul Schrader, 1978, 114 min)").
/// Also a title with a year in parentheses at its end ("Brassed Off
/// (1996)").
fn titled_with_credits(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > 140 || line.ends_with('.') || line.find('(').is_none_or(|i| i == 0) {
        return false;
    }
    let tl = title_line(line);
    !tl.credits.is_empty() || (tl.year.is_some() && line.ends_with(')'))
}

/// Free text: a synopsis, with any inline credits read out of it.
fn apply_prose(e: &mut Entry, text: &str) {
    let synopsis = match prose_credits(text, e) {
        Some(at) => text[..at].trim(),
        None => text.trim(),
    };
    if !synopsis.is_empty() {
        e.synopsis = Some(synopsis.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_blocks() {
        let e = parse(
            "Category Archives: Industrial\n\nHarlan County USA (1976)\n\nDirected by:  Barbara Kopple\nRunning Time: 103 min\nStarring:  Norman Yarborough, Houston Elmore\n\nWebsite: N/a\n\nSynopsis: A filmed account of a bitterly violent miner strike.\n\n\nPyme (2004) (SMB)\n\nDirected by: Alejandro Malowiki\nRunning Time: 96 minutes.\nStarring: N/a\n\nSMB (Pyme) is a fiction film about a plastics factory.\n",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("Harlan County USA"));
        assert_eq!(e[0].year, Some(1976));
        assert_eq!(e[0].directors, ["Barbara Kopple"]);
        assert_eq!(e[0].runtime, Some(103));
        assert_eq!(e[0].cast.len(), 2);
        assert_eq!(e[1].other_titles, ["SMB"]);
        assert_eq!(e[1].runtime, Some(96));
        assert!(e[1].synopsis.as_deref().unwrap().starts_with("SMB (Pyme)"));
    }

    #[test]
    fn prose_with_inline_credits_and_no_title() {
        let e = parse("Workers at a factory. DIR/SCR/PROD Pedro Pinho; SCR/PROD Tiago Hespanha. Portugal, 2017, color, 177 min. In Portuguese and French with English subtitles. NOT RATED\nRun Time: 177 Minutes\nGenre: Drama\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].title, None);
        assert_eq!(e[0].directors, ["Pedro Pinho"]);
        assert_eq!(e[0].year, Some(2017));
        assert_eq!(e[0].countries, ["Portugal"]);
        assert_eq!(e[0].runtime, Some(177));
        assert_eq!(e[0].languages, ["Portuguese", "French"]);
        assert_eq!(e[0].kind.as_deref(), Some("fiction"));
        assert_eq!(e[0].synopsis.as_deref(), Some("Workers at a factory."));
    }

    #[test]
    fn one_line_credits_pipes_and_csv() {
        let e = parse(
            "Silkwood\nDir. Mike Nichols/USA/1983/128 min\n\nMatewan | USA | 1987 | 133 minutes\n",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("Silkwood"));
        assert_eq!(e[0].directors, ["Mike Nichols"]);
        assert_eq!((e[0].year, e[0].runtime), (Some(1983), Some(128)));
        assert_eq!(e[0].countries, ["USA"]);
        assert_eq!(e[1].title.as_deref(), Some("Matewan"));
        assert_eq!((e[1].year, e[1].runtime), (Some(1987), Some(133)));
        let e = parse("Year,Director,Title,Running time,Country\n1979,Martin Ritt,Norma Rae,1h54,USA\n1996,Mark Herman,\"Brassed Off\",107 min,UK\n");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("Norma Rae"));
        assert_eq!(e[0].runtime, Some(114));
        assert_eq!(e[1].directors, ["Mark Herman"]);
        assert_eq!(e[1].countries, ["UK"]);
    }

    #[test]
    fn description_lists_and_introductions() {
        let e = parse("Soviet cinema has a rich history. Here is a list.\n\nThe Strike (1925)\nDescription: Workers strike.\nFact: Shot in Moscow.\n\n\nThe Vow (1946)\nDescription: A wartime factory.\n");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].title.as_deref(), Some("The Strike"));
        assert_eq!(e[0].notes.as_deref(), Some("Shot in Moscow."));
        assert_eq!(e[1].year, Some(1946));
    }

    #[test]
    fn credit_lines_in_any_order_and_separator() {
        let e = parse("SALT OF THE EARTH\nHerbert J. Biberman / USA / 1954 / 94' / b&w\nZinc miners strike, and their wives take the picket line.\n\nTHE BATTLE OF CHILE: PART III – POPULAR POWER (1979)\nPatricio Guzmán · Chile, Cuba, Venezuela · 80 min · documentary\nWorkers' committees keep the factories running.\n");
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(e[0].title.as_deref(), Some("Salt of the Earth"));
        assert_eq!(e[0].directors, ["Herbert J. Biberman"]);
        assert_eq!((e[0].year, e[0].runtime), (Some(1954), Some(94)));
        assert_eq!(e[0].countries, ["USA"]);
        assert!(e[0].synopsis.as_deref().unwrap().starts_with("Zinc miners"));
        // The dash stays in a title whose parentheses hold only a year.
        assert_eq!(
            e[1].title.as_deref(),
            Some("The Battle of Chile: Part III – Popular Power")
        );
        assert_eq!(e[1].directors, ["Patricio Guzmán"]);
        assert_eq!(e[1].countries, ["Chile", "Cuba", "Venezuela"]);
        assert_eq!((e[1].year, e[1].runtime), (Some(1979), Some(80)));
        assert_eq!(e[1].kind.as_deref(), Some("documentary"));
    }

    #[test]
    fn credits_in_parentheses_and_after_a_dash() {
        let e = parse("Blue Collar (Paul Schrader, 1978, 114 min)\nThree Detroit auto workers rob their union.\nTout va bien — Jean-Luc Godard and Jean-Pierre Gorin (France/Italy, 1972, 95')\nA strike at a sausage factory.\n");
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(e[0].title.as_deref(), Some("Blue Collar"));
        assert_eq!(e[0].directors, ["Paul Schrader"]);
        assert_eq!((e[0].year, e[0].runtime), (Some(1978), Some(114)));
        assert_eq!(
            e[0].synopsis.as_deref(),
            Some("Three Detroit auto workers rob their union.")
        );
        assert_eq!(e[1].title.as_deref(), Some("Tout va bien"));
        assert_eq!(e[1].directors, ["Jean-Luc Godard", "Jean-Pierre Gorin"]);
        assert_eq!(e[1].countries, ["France", "Italy"]);
        assert_eq!((e[1].year, e[1].runtime), (Some(1972), Some(95)));
    }

    #[test]
    fn sentences_are_not_credit_lines() {
        for line in [
            "In 1954, miners in New Mexico strike for 15 months.",
            "Shot in 1972, in Paris, over 95 days",
            "The strike, the union, the town",
            "Detroit, 1978: three auto workers and a union safe",
        ] {
            assert_eq!(credit_line(line), None, "{line}");
        }
        assert!(credit_line("Dir. Mike Nichols/USA/1983/128 min").is_some());
        assert!(credit_line("Ken Loach | UK | 1969").is_some());
    }

    #[test]
    fn capitals_become_ordinary_titles() {
        assert_eq!(ordinary_case("SALT OF THE EARTH"), "Salt of the Earth");
        assert_eq!(
            ordinary_case("THE BATTLE OF CHILE: PART III"),
            "The Battle of Chile: Part III"
        );
        assert_eq!(ordinary_case("Norma Rae"), "Norma Rae");
        assert_eq!(ordinary_case("ABC"), "ABC");
    }

    #[test]
    fn csv_exports_with_a_preamble() {
        let e = parse("Letterboxd list export v7\nDate,Name,Tags,URL,Description\n2026-01-02,Labour,,https://x,\n\nPosition,Name,Year,URL,Description\n1,Matewan,1987,https://y,Miners organise.\n2,The Organizer,1963,https://z,\n");
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(e[0].title.as_deref(), Some("Matewan"));
        assert_eq!(e[0].line, 6);
        assert_eq!(e[1].year, Some(1963));
        let e = parse(
            "Const,Title,Runtime (mins),Year,Directors\ntt1,Norma Rae,114,1979,Martin Ritt\n",
        );
        assert_eq!(e[0].runtime, Some(114));
        assert_eq!(e[0].directors, ["Martin Ritt"]);
    }

    #[test]
    fn list_and_markdown_markup_is_not_text() {
        assert_eq!(
            clean("1. Harlan County, USA (1976)"),
            "Harlan County, USA (1976)"
        );
        assert_eq!(clean("12) Matewan"), "Matewan");
        assert_eq!(clean("- Norma Rae"), "Norma Rae");
        assert_eq!(clean("## Strike (1925)"), "Strike (1925)");
        assert_eq!(
            clean("**Director:** Sergei Eisenstein  "),
            "Director: Sergei Eisenstein"
        );
        assert_eq!(clean("*Strike* (1925)"), "Strike (1925)");
        // Years and odd stars are text.
        assert_eq!(clean("1976. The miners vote"), "1976. The miners vote");
        assert_eq!(clean("M*A*S*H"), "M*A*S*H");
        let e = parse("3) Brassed Off (1996)\nA colliery band plays on while the pit closes.\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].title.as_deref(), Some("Brassed Off"));
        assert_eq!(e[0].year, Some(1996));
        assert!(e[0].synopsis.is_some());
    }

    #[test]
    fn several_labels_on_a_line_alternative_titles_and_tabs() {
        let e = parse("The Miner / Rudar (2017)\nDirector: Hanna Slak | Country: Slovenia, Croatia | Runtime: 98 min\nA miner is sent to close a pit.\n\nCoup pour coup\nYear: 1972 · Director: Marin Karmitz · 85'\n");
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(e[0].title.as_deref(), Some("The Miner"));
        assert_eq!(e[0].other_titles, ["Rudar"]);
        assert_eq!(e[0].directors, ["Hanna Slak"]);
        assert_eq!(e[0].countries, ["Slovenia", "Croatia"]);
        assert_eq!(e[0].runtime, Some(98));
        assert_eq!((e[1].year, e[1].runtime), (Some(1972), Some(85)));
        assert_eq!(e[1].directors, ["Marin Karmitz"]);
        let e = parse("Title\tYear\tDirector\nMatewan\t1987\tJohn Sayles\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].directors, ["John Sayles"]);
    }

    #[test]
    fn letters_whose_lower_case_is_longer_do_not_shift_labels() {
        let e = parse("İzmir Strike (1984)\nFact: İİİİİİİİİİİİİİİİİİİİİİİİİİİİİİ\nSynopsis: İzmir dockers stop work.\n");
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].notes.as_deref(),
            Some("İİİİİİİİİİİİİİİİİİİİİİİİİİİİİİ")
        );
        assert_eq!(e[0].synopsis.as_deref(), Some("İzmir dockers stop work."));
    }
}

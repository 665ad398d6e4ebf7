//! Splitting pasted listings into entries and reading their fields, and
//! accounting for every line: what each line is by itself (`lines`, from
//! the recognisers in `fields` over the word lists of `lexicon`, the labels
//! of `labels`, credit lines in `credits` and title lines in `titles`), how
//! lines make entries (`assemble`, with the facts of entries and paragraphs
//! in `facts`), films named in running text (`mentions`, with the inline
//! readers of `inline` and the film sentences and words of `sentences`),
//! page cells that ran together (`glue`), what a title may not be
//! (`guard`), people's names in credits (`names`), tables (`table`) and
//! spaced records in scripts that space no words (`spaced_cjk`).
//!
//! Fields are recognised by what they are, in any order and language: a
//! year, a runtime in any notation ("94'", "1h34", "95m", "1:34"), a country
//! (`src/countries.txt`, aliases and names in other languages), a language,
//! a format word, a person's name, a label in any of the languages listed in
//! `labels`. Entries are recognised by layout: a title line with a credit
//! line after it (dates, venues and ticket lines may come between); credits
//! on the title line itself, in parentheses, after a dash or after the
//! parentheses ("Title (1979) 95m; Sweden; D: Name"); labelled blocks; a
//! title and a description with a screening date; roll-calls (lists of
//! titles); films named in prose ("films such as Norma Rae and Silkwood");
//! CSV and tab-separated tables.
//!
//! Every line of the input either belongs to an entry or is reported as
//! skipped with its reason ([`Reading::skipped`]); the totals add up to the
//! input. No entry is titled with a date, a time, a country, a language, a
//! heading or a known person's name; an entry the reader is unsure of
//! carries the reason in [`Entry::uncertain`] and is not written unless the
//! user accepts it.
//!
//! Titles written in capitals ("SALT OF THE EARTH") are given ordinary
//! capitalisation (small words lower case, Roman numerals kept); matching
//! ignores case anyway, and a film new to the catalogue should not shout.

mod assemble;
mod country_codes;
mod credit_words;
mod credits;
mod facts;
mod fields;
mod glue;
mod guard;
mod inline;
mod label_words;
mod labels;
mod lexicon;
mod lines;
mod lists;
mod made_by;
mod maker_lists;
mod mentions;
mod names;
mod quotes;
mod records;
mod runon;
mod sentences;
mod spaced;
mod spaced_cjk;
mod table;
mod titles;

use super::runtime;
use labels::*;
use table::*;
use titles::*;

pub use fields::country_name;
pub use guard::Knowledge;

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
    /// Last line of the entry in its file (1-based).
    #[serde(skip_serializing_if = "is_zero")]
    pub last_line: usize,
    /// How many lines of the file make the entry.
    #[serde(skip)]
    pub lines: usize,
    /// The layout the entry was read from ("title and credits", "one-line
    /// record", "labelled block", "named in running text", …).
    #[serde(skip_serializing_if = "str::is_empty")]
    pub layout: &'static str,
    /// Why the reader is unsure this is a film; such entries are reported
    /// but not written unless accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncertain: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Lines of a listing that are no part of any entry, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Skipped {
    /// First and last line (1-based).
    pub line: usize,
    pub last_line: usize,
    pub reason: String,
}

impl Skipped {
    /// Adds line `i` (0-based) to the runs skipped: to the last run when it
    /// ends just before with the same reason, else as a new run.
    pub(super) fn add(runs: &mut Vec<Skipped>, i: usize, reason: &str) {
        match runs.last_mut() {
            Some(s) if s.reason == reason && s.last_line == i => s.last_line = i + 1,
            _ => runs.push(Skipped {
                line: i + 1,
                last_line: i + 1,
                reason: reason.to_string(),
            }),
        }
    }
}

/// A listing read: its entries, the lines skipped, and the totals that
/// account for every line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    pub entries: Vec<Entry>,
    pub skipped: Vec<Skipped>,
    /// Lines in the input.
    pub lines: usize,
    /// Blank lines.
    pub blank: usize,
}

impl Reading {
    /// Lines that belong to entries.
    pub fn entry_lines(&self) -> usize {
        self.entries.iter().map(|e| e.lines).sum()
    }

    /// Lines skipped.
    pub fn skipped_lines(&self) -> usize {
        self.skipped.iter().map(|s| s.last_line + 1 - s.line).sum()
    }
}

/// Splits a listing into entries, knowing nothing of a catalogue.
pub fn parse(text: &str) -> Vec<Entry> {
    read(text, &Knowledge::default()).entries
}

/// Reads a listing into entries and skipped lines, with what the catalogue
/// knows of titles and names.
pub fn read(text: &str, knowledge: &Knowledge) -> Reading {
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
        return table_reading(&text, entries);
    }
    let text = text.replace('\t', " ");
    use rayon::prelude::*;
    let raw: Vec<&str> = text.lines().collect();
    let (mut lines, marked): (Vec<String>, Vec<bool>) = raw
        .par_iter()
        .map(|l| {
            let (c, m) = clean(l);
            // Runs of spaces inside a line are one space.
            (
                space_after_comma_before_year(space_before_quotes(quotes::commas_as_low_quotes(
                    c.split(' ')
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                ))),
                m,
            )
        })
        .unzip();
    let mut marked = marked;
    unnumber_runs(&mut lines, &mut marked);
    // Lines that end in two spaces or more: a forced break, maybe a wrap.
    let hard_wrapped: Vec<bool> = raw
        .iter()
        .map(|l| l.trim_end_matches('\r').ends_with("  "))
        .collect();
    let joined = join_broken_lines(&mut lines, &hard_wrapped);
    spaced::rewrite_rows(&mut lines, knowledge);
    lines
        .par_iter_mut()
        .for_each(|l| repair_glued_cells(l, knowledge));
    assemble::assemble(&lines, &marked, &joined, knowledge)
}

/// Numbers that count lines with no mark after them ("402 Skarga (1991),
/// reż. Jacek Wójcik." / "403 Śmierć jak kromka chleba (1994), …"): a
/// footnote's or a list's numbers, told from a title's own number by
/// counting on. Three lines or more that open with consecutive numbers
/// (other lines may come between) lose them and are marked as list items;
/// a number alone is the title's ("300 mil do nieba").
fn unnumber_runs(lines: &mut [String], marked: &mut [bool]) {
    let number = |l: &str| -> Option<(u32, usize)> {
        let digits = l.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        let rest = l[digits..].strip_prefix(' ')?;
        let opens = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || "\"“«„".contains(c));
        if !opens {
            return None;
        }
        Some((l[..digits].parse().ok()?, digits + 1))
    };
    let numbered: Vec<(usize, u32, usize)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| number(l).map(|(n, len)| (i, n, len)))
        .collect();
    let mut start = 0;
    for end in 1..=numbered.len() {
        let counts_on = end < numbered.len() && numbered[end].1 == numbered[end - 1].1 + 1;
        if counts_on {
            continue;
        }
        if end - start >= 3 {
            for &(i, _, len) in &numbered[start..end] {
                lines[i] = lines[i][len..].trim_start().to_string();
                marked[i] = true;
            }
        }
        start = end;
    }
}

/// A space after a comma a page left out between a word and a year
/// ("Jean-Jacques N’Diaye,1995, 15’"), so the year is a credit of its own.
/// (Between digits a comma is a number's: "10,000".)
fn space_after_comma_before_year(line: String) -> String {
    if !line.contains(',') {
        return line;
    }
    let mut out = String::with_capacity(line.len() + 2);
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        out.push(c);
        if c == ',' && previous.is_alphabetic() {
            let after = &line[i + 1..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 4 && credits::is_year(&after[..4]) {
                out.push(' ');
            }
        }
        previous = c;
    }
    out
}

/// A space between a date and the quoted title a page ran into it
/// (`17/02/2011"Los lunes al sol"`): a digit, then an opening quotation
/// mark and a capital.
fn space_before_quotes(line: String) -> String {
    if !line.contains(['"', '“', '«', '„']) {
        return line;
    }
    let mut out = String::with_capacity(line.len() + 2);
    let mut chars = line.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        if previous.is_ascii_digit()
            && "\"“«„".contains(c)
            && chars.peek().is_some_and(|n| n.is_uppercase())
        {
            out.push(' ');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// A line whose page cells ran together (see `glue`): written once if it
/// was written twice, cut into cells where that makes it credits, a record
/// or a dated line.
fn repair_glued_cells(line: &mut String, k: &Knowledge) {
    if let Some(once) = glue::undouble(line) {
        *line = once.to_string();
        return;
    }
    if !glue::may_be_glued(line) {
        return;
    }
    let Some(cut) = glue::unglue(line) else {
        return;
    };
    use lines::Class;
    let plain = |c: &Class| matches!(c, Class::Short | Class::Prose | Class::Context(_));
    let read = |c: &Class| {
        matches!(
            c,
            Class::Credits(..)
                | Class::Record(_)
                | Class::RecordThen(..)
                | Class::Labelled(_)
                | Class::DatedTitle(_)
                | Class::Dated(_)
        )
    };
    if plain(&Class::of(line, k)) && read(&Class::of(&cut, k)) {
        *line = cut;
    }
}

/// Joins lines a page broke in the middle of a title, a quotation or a
/// phrase: a line ending in a dash ("Das ist nur der Anfang -"), an opening
/// quotation mark or an open parenthesis, a line cut mid-phrase whose next
/// one goes on in lower case, and a paragraph wrapped at a fixed width
/// (`hard_wrapped`: the lines that ended in two spaces) take the next
/// line. The line taken becomes empty and is marked, so it is accounted
/// with the line it joined.
fn join_broken_lines(lines: &mut [String], hard_wrapped: &[bool]) -> Vec<bool> {
    let mut joined = vec![false; lines.len()];
    // "Mit seltenen Archiv-Aufnahmen und Interviews, unter anderem von
    // Billy  " / "Bragg und Pete Seeger, …": a paragraph a mail or a
    // newsletter wrapped at a fixed width, each line ending in the two
    // spaces of a forced break, runs on while a long line ends in no
    // sentence's end.
    let wrapped = |tail: usize, l: &str| {
        hard_wrapped.get(tail).copied().unwrap_or(false)
            && !l.ends_with(['.', '!', '?', ':', ';', ')', '”', '"', '“'])
    };
    let broken = |l: &str, next: &str| {
        // (In German "„The Internationale“" the last mark closes.)
        let open_quote = l.ends_with(['„', '«'])
            || l.ends_with('“') && l.matches('„').count() < l.matches('“').count()
            || l.ends_with('"') && l.matches('"').count() % 2 == 1;
        let dash = l.ends_with(" -")
            || l.ends_with(" –") && next.chars().next().is_some_and(char::is_lowercase);
        // "17h30 : L’été froid de 1953 (Aleksandr" / "Prochkine )": a
        // parenthesis the next short line closes.
        let open_paren = l.matches('(').count() > l.matches(')').count()
            && next.contains(')')
            && !next.contains('(')
            && next.split_whitespace().count() <= 8;
        // "13h00 : Poussière mortelle, le grand" / "procès de l’amiante
        // (…)": a line cut mid-phrase, the next one going on in lower case.
        let cut_phrase = l.split_whitespace().count() >= 3
            && l.ends_with(|c: char| c.is_alphabetic() || c == ',')
            && l.rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == ','))
            && next.chars().next().is_some_and(char::is_lowercase)
            && next.split_whitespace().count() >= 2
            && label(l).is_none()
            && label(next).is_none();
        (open_quote || dash || open_paren || cut_phrase) && !next.is_empty() && l.len() < 4000
    };
    let mut i = 0;
    while i < lines.len() {
        let mut next = i + 1;
        let mut tail_len = lines[i].chars().count();
        while next < lines.len()
            && (broken(&lines[i], &lines[next])
                || !lines[next].is_empty() && tail_len >= 45 && wrapped(next - 1, &lines[i]))
        {
            tail_len = lines[next].chars().count();
            let taken = std::mem::take(&mut lines[next]);
            let sep = if lines[i].ends_with(['“', '„', '«', '"']) {
                ""
            } else {
                " "
            };
            lines[i].push_str(sep);
            lines[i].push_str(&taken);
            joined[next] = true;
            next += 1;
        }
        i = next;
    }
    joined
}

/// The accounting of a table: each row an entry, other lines skipped.
fn table_reading(text: &str, mut entries: Vec<Entry>) -> Reading {
    let lines: Vec<&str> = text.lines().collect();
    // Each line counts once: a row is one line of the input (a line the
    // CSV reader gives twice, or one past the end, is not counted again).
    let mut rows: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for e in &mut entries {
        e.last_line = e.line;
        let counted = (1..=lines.len()).contains(&e.line)
            && !lines[e.line - 1].trim().is_empty()
            && rows.insert(e.line);
        e.lines = usize::from(counted);
    }
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut blank = 0;
    for (i, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            blank += 1;
            continue;
        }
        if rows.contains(&(i + 1)) {
            continue;
        }
        Skipped::add(
            &mut skipped,
            i,
            "a table header, or a line or row naming no film",
        );
    }
    Reading {
        entries,
        skipped,
        lines: lines.len(),
        blank,
    }
}

#[cfg(test)]
mod tests {
    use super::credits::credit_line;
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
            clean("1. Harlan County, USA (1976)").0,
            "Harlan County, USA (1976)"
        );
        assert_eq!(clean("12) Matewan").0, "Matewan");
        assert_eq!(clean("- Norma Rae").0, "Norma Rae");
        assert_eq!(clean("## Strike (1925)").0, "Strike (1925)");
        assert_eq!(
            clean("**Director:** Sergei Eisenstein  ").0,
            "Director: Sergei Eisenstein"
        );
        assert_eq!(clean("*Strike* (1925)").0, "Strike (1925)");
        // Years and odd stars are text.
        assert_eq!(clean("1976. The miners vote").0, "1976. The miners vote");
        assert_eq!(clean("M*A*S*H").0, "M*A*S*H");
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

    #[test]
    fn a_bulleted_sentence_is_no_description_of_the_bullet_before() {
        let e = parse("• Hoffa (1992): The man who was willing to pay the price for power.\n• The 1985 documentary film Final Offer by Sturla Gunnarsson and Robert Collision shows the 1984 negotiations.\n");
        let titles: Vec<_> = e.iter().filter_map(|e| e.title.as_deref()).collect();
        assert_eq!(titles, ["Hoffa", "Final Offer"]);
        assert_eq!(e[1].year, Some(1985));
        assert_eq!(e[1].directors, ["Sturla Gunnarsson", "Robert Collision"]);
    }

    #[test]
    fn numbers_that_count_lines_are_no_part_of_titles() {
        let mut lines: Vec<String> = [
            "402 Skarga (1991), reż. Jacek Wójcik.",
            "",
            "403 Śmierć jak kromka chleba (1994), reż. Kazimierz Kutz.",
            "404 Tam i z powrotem (2001), reż. Wojciech Wójcik.",
            "300 mil do nieba (1989)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut marked = vec![false; lines.len()];
        unnumber_runs(&mut lines, &mut marked);
        assert_eq!(lines[0], "Skarga (1991), reż. Jacek Wójcik.");
        assert_eq!(lines[3], "Tam i z powrotem (2001), reż. Wojciech Wójcik.");
        assert_eq!(lines[4], "300 mil do nieba (1989)");
        assert!(marked[2] && !marked[4]);
    }

    #[test]
    fn a_record_sentence_then_the_description() {
        let e = parse("FEMININAS, Brasil/PR, 1990, de Werner Schumann. Documentário. Sobre mulheres curitibanas que se ocupam de atividades de homens.\n\nCoalwood, West Virginia, 1957. Homer Hickam grows up in a mining town.\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].title.as_deref(), Some("Femininas"));
        assert_eq!(e[0].year, Some(1990));
        assert_eq!(e[0].countries, ["Brasil"]);
        assert_eq!(e[0].directors, ["Werner Schumann"]);
        assert!(e[0].synopsis.as_deref().unwrap().contains("mulheres"));
    }

    #[test]
    fn years_without_their_century_and_three_letter_codes() {
        let e = parse("\"Gli anni duri\" di A.Ceste (ITA '95) - 30'\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].title.as_deref(), Some("Gli anni duri"));
        assert_eq!(e[0].year, Some(1995));
        assert_eq!(e[0].runtime, Some(30));
        assert_eq!(e[0].countries, ["Italy"]);
        assert_eq!(e[0].directors, ["A.Ceste"]);
        assert_eq!(super::credits::apostrophe_year("’05"), Some(2005));
        assert_eq!(super::credits::apostrophe_year("35'"), None);
    }

    #[test]
    fn records_of_a_french_programme() {
        let e = parse("Le 1er mai 1967 à Saint-Nazaire, de Marcel Trillat et Hubert Knapp, 1967, 24’, vidéo\nAu piquet ! Jean-Jacques N’Diaye,1995, 15’, vidéo\nUn blocage, sinon rien, d’Ivora Cusack, Christine Cabory et Agathe Dreyfus, 2010, 10’, vidéo\n");
        let titles: Vec<_> = e.iter().filter_map(|e| e.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                "Le 1er mai 1967 à Saint-Nazaire",
                "Au piquet !",
                "Un blocage, sinon rien"
            ]
        );
        assert_eq!(e[1].directors, ["Jean-Jacques N’Diaye"]);
        assert_eq!(e[1].runtime, Some(15));
        assert_eq!(e[2].directors.len(), 3);
        // A screening's date line is still no title.
        assert!(parse("Dimanche 6 février 13h45 à L’Ecran Saint-Denis\n")
            .iter()
            .all(|e| e.uncertain.is_some() || e.title.is_none()));
    }

    #[test]
    fn a_list_of_quoted_titles_with_initialled_makers() {
        let e = parse("- „Jede Menge Kohle“ (A. Winckelmann, BRD 1981)\n- „Out of Darkness: The Mine Worker’s Story“ (B. Kopple/B. Davies, USA 1990)\n- „The Wire“ (USA 2002-2008)\n- „Union Maids“ (J. Klein/J. Reichert/M. Mogulescu, USA 1976)\n- „Working Stiffs“ (Fernsehserie, USA 1979)\n");
        let titles: Vec<_> = e.iter().filter_map(|e| e.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                "Jede Menge Kohle",
                "Out of Darkness: The Mine Worker’s Story",
                "The Wire",
                "Union Maids",
                "Working Stiffs"
            ]
        );
        assert_eq!(e[0].directors, ["A. Winckelmann"]);
        assert_eq!(e[3].directors, ["J. Klein", "J. Reichert", "M. Mogulescu"]);
        assert!(e[2].uncertain.is_none());
        assert!(e[4]
            .uncertain
            .as_deref()
            .unwrap()
            .contains("television series"));
    }

    #[test]
    fn a_quoted_title_and_its_credits_in_parentheses_in_any_script() {
        let e = parse("폐막작은 공장폐쇄를 담은 ‘무엇이 문제인가-독일금속노조, 이상과 현실’(Holger Wwgemann・2007·81m)이 선정됐다.\n");
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].title.as_deref(),
            Some("무엇이 문제인가-독일금속노조, 이상과 현실")
        );
        assert_eq!(e[0].year, Some(2007));
        assert_eq!(e[0].runtime, Some(81));
        assert_eq!(e[0].directors, ["Holger Wwgemann"]);
    }

    #[test]
    fn collectives_footage_and_possessive_credits() {
        let e = parse("La grande lutte des mineurs, collectif CGT, 1948, 12’, vidéo\nLa lutte des Rateau, rushes, 1974\n\nHoffa—A Danny DeVito film (1992): The man who was willing to pay the price for power.\n");
        let titles: Vec<_> = e.iter().filter_map(|e| e.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                "La grande lutte des mineurs",
                "La lutte des Rateau",
                "Hoffa"
            ]
        );
        assert_eq!(e[0].directors, ["collectif CGT"]);
        assert_eq!(e[2].directors, ["Danny DeVito"]);
    }
}

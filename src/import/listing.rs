//! Splitting pasted listings into entries and reading their fields.
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
//! - CSV with a header row (see [`COLUMNS`]), IMDb and Letterboxd exports
//!   among them, and tab-separated tables copied from a spreadsheet;
//! - several labels on one line ("Director: X | Country: Y | 98 min") and
//!   alternative titles after " / " ("The Miner / Rudar (2017)");
//! - any of these as numbered or bulleted lists or Markdown (list markers,
//!   `##` headings and `**emphasis**` are dropped, see [`clean`]); a title
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

use super::runtime;

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

const LABELS: &[&str] = &[
    "directed by",
    "dir.",
    "director",
    "running time",
    "run time",
    "runtime",
    "starring",
    "cast",
    "website",
    "synopsis",
    "country",
    "countries",
    "description",
    "fact",
    "genre",
    "year",
    "language",
    "languages",
];

/// The label a line starts with ("Directed by: X" → ("directed by", "X")).
fn label(line: &str) -> Option<(&'static str, String)> {
    let line = line.trim();
    for l in LABELS {
        // Labels are ASCII: compare bytes without case, then cut the line
        // itself (lower-casing can change a text's length: "İ" → "i̇").
        let Some(rest) = line
            .get(..l.len())
            .filter(|head| head.eq_ignore_ascii_case(l))
            .map(|_| line[l.len()..].trim_start())
        else {
            continue;
        };
        let free = (*l == "directed by" || *l == "dir.") && !rest.is_empty();
        if rest.starts_with(':') || free {
            let value = rest.trim_start_matches(':').trim();
            return Some((l, value.to_string()));
        }
    }
    None
}

fn is_nothing(v: &str) -> bool {
    let t = v.trim().trim_end_matches('.').to_lowercase();
    t.is_empty() || t == "n/a" || t == "na" || t == "none" || t == "-"
}

/// A title line, read: the title, a year, other titles and credits.
#[derive(Debug, Default, PartialEq)]
struct TitleLine {
    title: String,
    year: Option<i32>,
    /// Other titles in parentheses ("SMB", "Argentine Industry").
    others: Vec<String>,
    /// Credits from parentheses or after a dash ("Paul Schrader",
    /// "114 min").
    credits: Vec<Part>,
}

/// "Harlan County USA (1976)", "Pyme (2004) (SMB)", "Blue Collar (Paul
/// Schrader, 1978, 114 min)", "Norma Rae — Martin Ritt (USA, 1979, 114')".
fn title_line(line: &str) -> TitleLine {
    let mut out = TitleLine::default();
    let mut rest = line.trim();
    let mut title = rest;
    if let Some(i) = rest.find('(') {
        title = rest[..i].trim();
        rest = &rest[i..];
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')') else {
                break;
            };
            let inner = rest[open + 1..open + close].trim();
            if is_year(inner) {
                out.year = inner.parse().ok();
            } else if let Some(parts) = credit_line(inner) {
                out.credits.extend(parts);
            } else if !inner.is_empty() {
                out.others.push(inner.to_string());
            }
            rest = &rest[open + close + 1..];
        }
    }
    // "Title — Director (…)": only when parentheses held credits beyond a
    // year, so that "Part III – Popular Power (1979)" keeps its whole title.
    if !out.credits.is_empty() {
        for dash in [" — ", " – ", " - "] {
            if let Some((t, who)) = title.rsplit_once(dash) {
                if let Some(name @ Part::Name(_)) = part(who.trim()) {
                    out.credits.insert(0, name);
                    title = t.trim();
                    break;
                }
            }
        }
    }
    // "The Miner / Rudar": the title, then another (original) title.
    let mut titles = title.split(" / ").map(str::trim).filter(|t| !t.is_empty());
    out.title = ordinary_case(titles.next().unwrap_or(""));
    out.others.extend(titles.map(ordinary_case));
    out
}

/// A title in capitals, given ordinary capitalisation.
fn ordinary_case(title: &str) -> String {
    let letters = title.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || title.chars().any(|c| c.is_lowercase()) {
        return title.to_string();
    }
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "by", "de", "la", "le",
        "les", "du", "des", "el", "y", "e", "da", "do", "der", "die", "und",
    ];
    let roman = |w: &str| w.len() > 1 && w.chars().all(|c| "IVXLC".contains(c));
    title
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if roman(w) || w.chars().any(|c| c.is_ascii_digit()) {
                w.to_string()
            } else if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a text is a year a film could have.
fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<i32>().is_ok_and(|y| (1880..=2040).contains(&y))
}

/// Words in credit lines that are neither names nor facts slate keeps
/// ([`KIND_WORDS`] aside).
const FORMAT_WORDS: &[&str] = &[
    "color",
    "colour",
    "b&w",
    "b/w",
    "bw",
    "black and white",
    "black & white",
    "35mm",
    "16mm",
    "8mm",
    "super 8",
    "dcp",
    "digital",
    "video",
    "hd",
    "sound",
    "silent",
    "mono",
    "stereo",
    "feature",
    "short",
    "not rated",
    "nr",
];

/// One part of a credit line.
#[derive(Debug, PartialEq)]
enum Part {
    Year(i32),
    Runtime(u32),
    Country(String),
    /// "documentary", "fiction", … : the film's kind.
    Kind(String),
    /// A format word slate keeps nothing of ("color", "35mm").
    Format,
    /// A director, or two joined by "and".
    Name(String),
}

/// Format words that name a film's kind.
const KIND_WORDS: &[&str] = &[
    "documentary",
    "fiction",
    "drama",
    "animation",
    "experimental",
];

/// What a part of a credit line is, if it is anything a credit line holds.
fn part(p: &str) -> Option<Part> {
    let p = p.trim().trim_end_matches('.').trim();
    if p.is_empty() {
        return None;
    }
    if is_year(p) {
        return p.parse().ok().map(Part::Year);
    }
    let lower = p.to_lowercase();
    if p.bytes().any(|b| b.is_ascii_digit()) {
        // A runtime: a number with a unit ("94'", "1h30", "114 min") or a
        // bare number of minutes.
        let bare = p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
        let unit = ["min", "'", "’", "h", ":"]
            .iter()
            .any(|u| lower.contains(u));
        return if bare || unit {
            runtime::parse(p)
                .filter(|&m| (1..=1500).contains(&m))
                .map(Part::Runtime)
        } else {
            None
        };
    }
    if KIND_WORDS.contains(&lower.as_str()) {
        return Some(Part::Kind(kind_of_genre(&lower)));
    }
    if FORMAT_WORDS.contains(&lower.as_str()) {
        return Some(Part::Format);
    }
    if crate::countries::canonical(p).is_some() {
        return Some(Part::Country(p.to_string()));
    }
    // A name: "Dir. X", "directed by X", "by X", or capitalised words.
    let mut who = p;
    for prefix in [
        "directed by ",
        "director: ",
        "director ",
        "dir. ",
        "dir ",
        "a film by ",
        "by ",
    ] {
        if p.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
        {
            who = p[prefix.len()..].trim();
            break;
        }
    }
    let words: Vec<&str> = who.split_whitespace().collect();
    let joined = who.contains(" and ") || who.contains(" & ");
    let capitalised = words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.is_empty()
            || w.chars().next().is_some_and(char::is_uppercase)
            || [
                "and", "de", "da", "van", "von", "der", "la", "le", "del", "di", "du", "y",
            ]
            .contains(&w)
    });
    let ok = !words.is_empty()
        && !who.contains(['(', ')', '[', ']', ':', '"'])
        && words.len() <= if joined { 8 } else { 5 }
        && capitalised
        && !who.ends_with('.')
        && who.chars().any(char::is_alphabetic);
    ok.then(|| Part::Name(who.to_string()))
}

/// A credit line read into its parts, when the whole line is one: at least
/// two parts, a year or a runtime among them, at most two names, and
/// nothing that is not a credit.
fn credit_line(line: &str) -> Option<Vec<Part>> {
    let line = line.trim();
    if line.chars().count() > 120 || line.is_empty() {
        return None;
    }
    let pieces: Vec<&str> = line
        .split(['/', '|', ',', '·', '•', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    let parts: Vec<Part> = pieces.iter().map(|p| part(p)).collect::<Option<_>>()?;
    let facts = parts
        .iter()
        .filter(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
        .count();
    let names = parts.iter().filter(|p| matches!(p, Part::Name(_))).count();
    (facts >= 1 && names <= 2).then_some(parts)
}

fn names(v: &str) -> Vec<String> {
    if is_nothing(v) {
        return Vec::new();
    }
    v.split([',', ';'])
        .map(|n| n.trim().trim_end_matches('.').trim())
        .filter(|n| !n.is_empty() && n.chars().any(|c| c.is_alphabetic()))
        .map(str::to_string)
        .collect()
}

/// Reads credits written inline in prose ("DIR/SCR Hanna Slak; PROD … .
/// Slovenia/Croatia, 2017, color, 98 min. In Slovenian with English subtitles.").
fn prose_credits(text: &str, e: &mut Entry) -> Option<usize> {
    let at = text.find("DIR/").or_else(|| text.find("DIR "))?;
    let credits = &text[at..];
    for part in credits.split(';') {
        let part = part.trim();
        let Some((roles, who)) = part.split_once(' ') else {
            continue;
        };
        if roles.split('/').any(|r| r == "DIR") {
            let who = who.split(". ").next().unwrap_or(who);
            add_directors(e, names(who));
        }
    }
    // "Portugal, 2017, color, 177 min."
    for sentence in credits.split(". ") {
        let fields: Vec<&str> = sentence.split(',').map(str::trim).collect();
        if let Some(pos) = fields
            .iter()
            .position(|f| f.len() == 4 && f.bytes().all(|b| b.is_ascii_digit()))
        {
            if pos > 0 && e.year.is_none() {
                e.year = fields[pos].parse().ok();
                e.countries = fields[pos - 1]
                    .split('/')
                    .map(|c| c.trim().to_string())
                    .filter(|c| !c.is_empty() && !c.contains(' ') || c.split(' ').count() <= 3)
                    .collect();
                if let Some(rt) = fields
                    .iter()
                    .skip(pos)
                    .find_map(|f| f.contains("min").then(|| runtime::parse(f)).flatten())
                {
                    e.runtime = Some(rt);
                }
            }
        }
        if let Some(langs) = sentence.trim().strip_prefix("In ") {
            let langs = langs.split(" with ").next().unwrap_or(langs);
            e.languages = langs
                .split([',', '&'])
                .flat_map(|p| p.split(" and "))
                .map(|l| l.trim().trim_end_matches('.').to_string())
                .filter(|l| !l.is_empty())
                .collect();
        }
    }
    Some(at)
}

/// A line without the markup of lists and Markdown: list markers ("1.",
/// "2)", "-", "*", "•"), heading marks ("## "), emphasis ("**Director:**",
/// "*Strike*") and a trailing hard break.
fn clean(line: &str) -> String {
    let mut t = line.trim();
    t = t.trim_start_matches('#').trim_start();
    // "1. ", "12) ", "#3 " — at most three digits, so "1976. The miners" stays.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
        && t.as_bytes().get(digits + 1) == Some(&b' ')
    {
        t = t[digits + 2..].trim_start();
    }
    for marker in ["- ", "* ", "• ", "· ", "– ", "— "] {
        if let Some(rest) = t.strip_prefix(marker) {
            t = rest.trim_start();
            break;
        }
    }
    let mut out = t.replace("**", "").replace("__", "");
    // Emphasis in pairs ("*Strike* (1925)"); a lone or odd star is text.
    let stars = out.matches('*').count();
    if stars >= 2 && stars.is_multiple_of(2) {
        out = out.replace('*', "");
    }
    out.trim().to_string()
}

/// A labelled line cut where another label follows a separator (`|`, `·`,
/// `•`): "Year: 1972 · Director: Marin Karmitz · 85'" → three segments. A
/// line with one label is one segment.
fn label_segments(line: &str) -> Vec<String> {
    let pieces: Vec<&str> = line.split(['|', '·', '•']).map(str::trim).collect();
    if pieces.len() > 1 && pieces[1..].iter().any(|p| label(p).is_some()) {
        pieces
            .into_iter()
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        vec![line.to_string()]
    }
}

/// Applies one labelled value to an entry; `Some(open)` when it decides
/// whether free text that follows is the synopsis.
fn apply_label(e: &mut Entry, l: &str, value: String) -> Option<bool> {
    match l {
        "directed by" | "director" | "dir." if value.contains(['/', '|', '·', '•']) => {
            // One-line credits: "Dir. Mike Nichols/USA/1983/128 min".
            credit_parts(e, value.split(['/', '|', '·', '•']));
        }
        "directed by" | "director" | "dir." => {
            add_directors(e, names(value.split(';').next().unwrap_or(&value)));
        }
        "running time" | "run time" | "runtime" if e.runtime.is_none() => {
            e.runtime = runtime::parse(&value);
        }
        "starring" | "cast" => e.cast = names(&value),
        "country" | "countries" => {
            e.countries = value
                .trim_end_matches('.')
                .split([',', '/'])
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect()
        }
        "language" | "languages" => e.languages = names(&value),
        "year" => e.year = value.trim().parse().ok(),
        "genre" => e.kind = Some(kind_of_genre(&value)),
        "synopsis" | "description" => {
            if !is_nothing(&value) {
                e.synopsis = Some(value);
            }
            return Some(e.synopsis.is_none());
        }
        "fact" => e.notes = Some(value),
        _ => {}
    }
    None
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

/// A film's kind from a listing's genre: documentary, animation and
/// experimental by name, any other genre (drama, thriller, comedy) fiction.
fn kind_of_genre(genre: &str) -> String {
    let g = genre.to_lowercase();
    if g.contains("doc") {
        "documentary"
    } else if g.contains("anim") {
        "animation"
    } else if g.contains("experimental") {
        "experimental"
    } else {
        "fiction"
    }
    .to_string()
}

/// Adds directors the entry does not have yet.
fn add_directors(e: &mut Entry, found: Vec<String>) {
    for n in found {
        if !e.directors.contains(&n) {
            e.directors.push(n);
        }
    }
}

/// Applies one credit to an entry.
fn apply_part(e: &mut Entry, part: Part) {
    match part {
        Part::Year(y) => e.year = Some(y),
        Part::Runtime(r) => e.runtime = Some(r),
        Part::Country(c) => e.countries.push(c),
        Part::Kind(k) => e.kind = Some(k),
        Part::Format => {}
        Part::Name(n) => add_directors(e, names(&n.replace(" and ", ", ").replace(" & ", ", "))),
    }
}

/// Reads credit fields of unknown order: a year, a runtime, a country, a
/// kind ("documentary"), or else a director's name.
fn credit_parts<'a>(e: &mut Entry, parts: impl Iterator<Item = &'a str>) {
    for raw in parts.map(str::trim).filter(|p| !p.is_empty()) {
        match part(raw) {
            Some(p) => apply_part(e, p),
            // Not recognisably anything: a runtime in an odd spelling, or a
            // name in lower case.
            None if raw.bytes().any(|b| b.is_ascii_digit()) => {
                if let Some(r) = runtime::parse(raw) {
                    e.runtime = Some(r);
                }
            }
            None => add_directors(e, names(raw)),
        }
    }
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

/// Column names a CSV header may use for each field.
const COLUMNS: &[(&str, &[&str])] = &[
    ("title", &["title", "film", "name", "english title"]),
    ("original_title", &["original title", "original_title"]),
    ("year", &["year", "release year", "date"]),
    (
        "directors",
        &["director", "directors", "directed by", "dir"],
    ),
    (
        "runtime",
        &[
            "runtime",
            "running time",
            "length",
            "duration",
            "minutes",
            "min",
            "mins",
            "runtime (mins)",
            "runtime (min)",
            "runtime (minutes)",
            "length (min)",
            "duration (min)",
        ],
    ),
    ("countries", &["country", "countries"]),
    ("languages", &["language", "languages"]),
    ("synopsis", &["synopsis", "description", "summary", "plot"]),
    ("cast", &["cast", "starring", "actors"]),
    ("kind", &["genre", "genres", "kind", "type"]),
];

/// A CSV listing with a header row naming at least a title column, in any
/// order. A preamble before the table (Letterboxd's list exports carry one)
/// is passed over: then the table read is the largest block of lines,
/// between blank lines, whose header names a title and another known column.
fn csv_entries(text: &str) -> Option<Vec<Entry>> {
    if let Some(entries) = csv_table(text, 0, 1) {
        return Some(entries);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut best: Option<Vec<Entry>> = None;
    let mut start = 0;
    while start < lines.len() {
        if lines[start].trim().is_empty() {
            start += 1;
            continue;
        }
        let end = (start..lines.len())
            .find(|&i| lines[i].trim().is_empty())
            .unwrap_or(lines.len());
        let block = lines[start..end].join("\n");
        if let Some(entries) = csv_table(&block, start, 2) {
            if best.as_ref().is_none_or(|b| entries.len() > b.len()) {
                best = Some(entries);
            }
        }
        start = end;
    }
    best
}

/// A CSV table whose header (its first non-empty line) names a title
/// column and at least `known` other columns slate reads; `offset` is the
/// number of lines before `text` in its file.
fn csv_table(text: &str, offset: usize, known: usize) -> Option<Vec<Entry>> {
    let first = text.lines().find(|l| !l.trim().is_empty())?;
    // Commas, semicolons, or tabs (a range copied from a spreadsheet).
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|&d| first.matches(d as char).count())
        .filter(|&d| first.contains(d as char))?;
    // Cheaply first: does the header name a title column at all?
    let titles = COLUMNS
        .iter()
        .find(|(f, _)| *f == "title")
        .map_or(&[][..], |(_, n)| *n);
    if !first
        .split(delimiter as char)
        .map(|h| crate::text::fold(h.trim().trim_matches('"')))
        .any(|h| titles.contains(&h.as_str()))
    {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .ok()?
        .iter()
        .map(crate::text::fold)
        .collect();
    let column = |field: &str| {
        let names = COLUMNS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, n)| *n)
            .unwrap_or(&[]);
        headers
            .iter()
            .position(|h| names.iter().any(|n| crate::text::fold(n) == *h))
    };
    let recognised = COLUMNS
        .iter()
        .filter(|(f, _)| *f != "title" && column(f).is_some())
        .count();
    if recognised < known {
        return None;
    }
    let title_col = column("title")?;
    if headers.len() < 2 {
        return None;
    }
    let mut out = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let Ok(record) = record else { continue };
        let line = offset + record.position().map_or(n + 2, |p| p.line() as usize);
        let get = |field: &str| {
            column(field)
                .and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let mut e = Entry {
            line,
            ..Entry::default()
        };
        if let Some(t) = record
            .get(title_col)
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            let first = titled(t, line);
            e.title = first.title;
            e.year = first.year;
            e.other_titles = first.other_titles;
        }
        if let Some(o) = get("original_title") {
            e.other_titles.push(o.to_string());
        }
        if let Some(y) = get("year") {
            e.year = y.get(..4).and_then(|y| y.parse().ok()).or(e.year);
        }
        e.directors = get("directors").map(names).unwrap_or_default();
        e.runtime = get("runtime").and_then(runtime::parse);
        e.countries = get("countries")
            .map(|c| {
                c.split(['/', ',', ';'])
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        e.languages = get("languages").map(names).unwrap_or_default();
        e.cast = get("cast").map(names).unwrap_or_default();
        e.synopsis = get("synopsis").map(str::to_string);
        e.kind = get("kind").map(kind_of_genre);
        if e.title.is_some() || !e.directors.is_empty() {
            out.push(e);
        }
    }
    Some(out)
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

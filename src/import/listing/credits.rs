//! Credit lines recognised by their shape: parts that are each a year, a
//! runtime, a country, a language, a format or kind word or a name, and
//! credits written inline in prose ("DIR/SCR Name. Portugal, 2017, 177
//! min"). A credit line may run on into other text on the same line (a web
//! page flattened: "Dir. Bob Byington/USA/2015/75 min The title of…"):
//! [`credit_prefix`] reads the credits and hands back the rest.

use super::fields::{country_code, is_language, is_name_shaped, is_rating};
use super::labels::*;
use super::*;

/// Whether a text is a year a film could have.
pub(super) fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<i32>().is_ok_and(|y| (1880..=2040).contains(&y))
}

/// Words in credit lines that are neither names nor facts slate keeps
/// ([`KIND_WORDS`] aside).
pub(super) const FORMAT_WORDS: &[&str] = &[
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
    "omu",
    "omeu",
    "ov",
    "vo",
    "vost",
    "vostfr",
    "vose",
    "couleur",
    "farbe",
    "sw",
    "s w",
    "n b",
    "nb",
    "bn",
    "b n",
    "blanco y negro",
    "noir et blanc",
    "bianco e nero",
    "schwarzweiss",
    "colour and b w",
    "court metrage",
    "long metrage",
    "kurzfilm",
    "cortometraje",
    "largometraje",
    "cortometraggio",
    "premiere",
    "uk premiere",
    "world premiere",
    "european premiere",
    "doc",
];

/// One part of a credit line.
#[derive(Debug, PartialEq)]
pub(super) enum Part {
    Year(i32),
    Runtime(u32),
    Country(String),
    /// "documentary", "fiction", … : the film's kind.
    Kind(String),
    /// A format word slate keeps nothing of ("color", "35mm").
    Format,
    /// A language the film is in.
    Language(String),
    /// A director, or two joined by "and".
    Name(String),
}

/// Format words that name a film's kind.
pub(super) const KIND_WORDS: &[&str] = &[
    "documentary",
    "documentaire",
    "dokumentarfilm",
    "documental",
    "documentario",
    "documentário",
    "dokument",
    "dokumentalny",
    "dokumentär",
    "dokumentar",
    "documentaire",
    "kortfilm",
    "spelfilm",
    "fiktion",
    "animación",
    "fiction",
    "drama",
    "animation",
    "experimental",
];

/// What a part of a credit line is, if it is anything a credit line holds.
pub(super) fn part(p: &str) -> Option<Part> {
    let p = p
        .trim()
        .trim_end_matches(['.', ')', ']'])
        .trim_start_matches(['(', '['])
        .trim();
    if p.is_empty() {
        return None;
    }
    if is_year(p) {
        return p.parse().ok().map(Part::Year);
    }
    if is_rating(p) && p.chars().count() <= 8 {
        return Some(Part::Format);
    }
    if let Some(c) = country_code(p) {
        return Some(Part::Country(c.to_string()));
    }
    let lower = p.to_lowercase();
    let folded = crate::text::fold(p);
    if p.bytes().any(|b| b.is_ascii_digit()) {
        if folded.ends_with("mm") || folded == "super 8" {
            return Some(Part::Format);
        }
        // A runtime: a number with a unit ("94'", "1h30", "114 min", "95m")
        // or a bare number of minutes.
        let bare = p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
        let unit = ["min", "'", "’", "′", "h", ":", "m"]
            .iter()
            .any(|u| lower.contains(u));
        let short = p.split_whitespace().count() <= 4;
        return if (bare || unit) && short {
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
    if FORMAT_WORDS.contains(&lower.as_str()) || FORMAT_WORDS.contains(&folded.as_str()) {
        return Some(Part::Format);
    }
    if crate::countries::canonical(p).is_some() {
        return Some(Part::Country(p.to_string()));
    }
    if is_language(p) {
        return Some(Part::Language(p.to_string()));
    }
    // A labelled value: "D: Name", "Regie: Name", "Country: France".
    if let Some((field, value)) = label(p) {
        return match field {
            labels::Field::Director | labels::Field::DirectorOrCast if is_name_shaped(&value) => {
                Some(Part::Name(value))
            }
            labels::Field::Country => crate::countries::canonical(&value)
                .is_some()
                .then(|| Part::Country(value)),
            labels::Field::Runtime => runtime::parse(&value).map(Part::Runtime),
            labels::Field::Year => value.trim().parse().ok().filter(|_| is_year(value.trim())).map(Part::Year),
            labels::Field::Language => Some(Part::Language(value)),
            labels::Field::Other | labels::Field::Cast => Some(Part::Format),
            _ => None,
        };
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
        "un film de ",
        "ein film von ",
        "by ",
        "de ",
        "von ",
        "di ",
    ] {
        // "de", "von", "di" only in lower case: "De Sica" is a name.
        let short = prefix.len() <= 4 && prefix != "dir ";
        if p.get(..prefix.len()).is_some_and(|h| {
            if short {
                h == prefix
            } else {
                h.eq_ignore_ascii_case(prefix)
            }
        }) {
            who = p[prefix.len()..].trim();
            break;
        }
    }
    is_name_shaped(who).then(|| Part::Name(who.to_string()))
}

/// The separators between the parts of a credit line.
const SEPARATORS: &[char] = &['/', '|', ',', '·', '•', ';', '–', '—', '(', ')', '[', ']'];

/// A credit text cut into its pieces at the separators.
pub(super) fn split_credits(line: &str) -> impl Iterator<Item = &str> {
    line.split(SEPARATORS)
        .filter(|p| !matches!(p.trim().to_lowercase().as_str(), "s" | "w" | "b" | "n"))
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// A piece of a credit line that is several parts without separators
/// ("DE 1987", "BRD 1982", "Italy 1962", "35mm colour"): each word, or the
/// words before a year, a part.
pub(super) fn words_as_parts(piece: &str) -> Option<Vec<Part>> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.len() < 2 || words.len() > 5 {
        return None;
    }
    // "United Kingdom 1999": the words before the last, together.
    let (last, head) = words.split_last()?;
    let mut out = Vec::new();
    if let Some(p @ (Part::Year(_) | Part::Runtime(_))) = part(last) {
        let before = head.join(" ");
        out.push(part(&before).filter(|p| !matches!(p, Part::Name(_)))?);
        out.push(p);
        return Some(out);
    }
    for w in &words {
        match part(w)? {
            Part::Name(_) => return None,
            p => out.push(p),
        }
    }
    Some(out)
}

/// Whether parts make a credit line: a year or a runtime among them (or a
/// labelled director), and at most two bare names.
fn credits_ok(parts: &[Part], pieces: usize) -> bool {
    let facts = parts
        .iter()
        .filter(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
        .count();
    let names = parts.iter().filter(|p| matches!(p, Part::Name(_))).count();
    facts >= 1 && names <= 1 && (pieces >= 2 || facts == 1)
}

/// A credit line read into its parts, when the whole line is one: a year
/// or a runtime among them, at most two names, and nothing that is not a
/// credit.
pub(super) fn credit_line(line: &str) -> Option<Vec<Part>> {
    let line = line.trim();
    if line.chars().count() > 160 || line.is_empty() {
        return None;
    }
    let pieces: Vec<&str> = split_credits(line).collect();
    let parts: Vec<Part> = pieces
        .iter()
        .map(|p| part(p).map(|p| vec![p]).or_else(|| words_as_parts(p)))
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    // A lone bare number is not a credit line ("12").
    if pieces.len() == 1 && line.bytes().all(|b| b.is_ascii_digit()) && !is_year(line) {
        return None;
    }
    credits_ok(&parts, pieces.len()).then_some(parts)
}

/// A line that starts with credits and runs on into other text ("Dir. Bob
/// Byington/USA/2015/75 min The title of this…", "Dir. Mike
/// Nichols/USA/1983/128 min Thursday 22 September 17:30"): the credits and
/// the byte offset where the rest begins.
pub(super) fn credit_prefix(line: &str) -> Option<(Vec<Part>, usize)> {
    let line = line.trim_end();
    // The last separator before the run-on text.
    let cut = line.rfind(SEPARATORS)?;
    let head = &line[..cut];
    let tail = &line[cut + line[cut..].chars().next()?.len_utf8()..];
    let lead = tail.len() - tail.trim_start().len();
    let words: Vec<(usize, &str)> = tail
        .trim_start()
        .split_whitespace()
        .scan(0usize, |at, w| {
            let start = tail.trim_start()[*at..].find(w).map(|i| i + *at)?;
            *at = start + w.len();
            Some((start, w))
        })
        .collect();
    if words.len() < 2 {
        return None;
    }
    // The longest run of words (at most three) that is one credit part.
    for k in (1..=3.min(words.len() - 1)).rev() {
        let end = words[k - 1].0 + words[k - 1].1.len();
        let piece = &tail.trim_start()[..end];
        let Some(p) = part(piece) else { continue };
        if matches!(p, Part::Name(_)) {
            continue;
        }
        let mut parts = credit_line(head)
            .or_else(|| part(head).map(|p| vec![p]))?;
        parts.push(p);
        if !credits_ok(&parts, 2) {
            return None;
        }
        let rest = cut + 1 + lead + words[k].0;
        return Some((parts, rest.min(line.len())));
    }
    None
}

/// A title line, read: the title, a year, other titles and credits.
#[derive(Debug, Default, PartialEq)]
pub(super) struct TitleLine {
    pub(super) title: String,
    pub(super) year: Option<i32>,
    /// Other titles in parentheses ("SMB", "Argentine Industry") or after
    /// " / ".
    pub(super) others: Vec<String>,
    /// Credits from parentheses, after a dash or after the parentheses.
    pub(super) credits: Vec<Part>,
}

impl TitleLine {
    /// Whether the line gave film facts beyond a title.
    pub(super) fn has_facts(&self) -> bool {
        self.year.is_some()
            || self
                .credits
                .iter()
                .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
    }
}

/// Quotation marks around titles.
const QUOTES: &[(char, char)] = &[('"', '"'), ('“', '”'), ('«', '»'), ('„', '“'), ('‘', '’'), ('‚', '‘'), ('»', '«')];

/// "Harlan County USA (1976)", "Pyme (2004) (SMB)", "Blue Collar (Paul
/// Schrader, 1978, 114 min)", "Norma Rae — Martin Ritt (USA, 1979, 114')",
/// "Title (1979) 95m; Sweden; D: Name", "Title — Director, 2002, UK, 106
/// min.", "“Title”, Director, 1999".
pub(super) fn title_line(line: &str) -> TitleLine {
    let mut out = TitleLine::default();
    let line = line.trim();
    // A quoted title: the quotes say where it ends.
    for (open, close) in QUOTES {
        if let Some(inner) = line.strip_prefix(*open) {
            if let Some(end) = inner.find(*close) {
                let title = inner[..end].trim();
                let rest = inner[end + close.len_utf8()..]
                    .trim()
                    .trim_start_matches([',', '-', '–', '—', ':', '/', '|', '.'])
                    .trim();
                if !title.is_empty() {
                    let tail = title_line(&format!("x {rest}"));
                    out.title = title.to_string();
                    out.year = tail.year;
                    out.others = tail.others;
                    out.credits = tail.credits;
                    if rest.is_empty() || out.has_facts() || !out.others.is_empty() {
                        return out;
                    }
                    out = TitleLine::default();
                }
            }
        }
    }
    let mut title = line;
    if let Some(i) = line.find(" (").or_else(|| line.find('(').filter(|&i| i > 0)) {
        title = line[..i].trim();
        let mut rest = &line[i..];
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')') else {
                break;
            };
            let between = rest[..open].trim();
            if !between.is_empty() {
                break;
            }
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
        // Credits after the parentheses: "(1979) 95m; Sweden; D: Name".
        let tail = rest.trim().trim_start_matches([',', ';', '-', '–', '—', '.', ':']).trim();
        if !tail.is_empty() {
            match credit_line(tail).or_else(|| {
                split_credits(tail)
                    .map(part)
                    .collect::<Option<Vec<_>>>()
                    .filter(|p| !p.is_empty())
            }) {
                Some(parts) => out.credits.extend(parts),
                None => {
                    // Not credits: the parentheses were part of the title.
                    out = TitleLine::default();
                    title = line;
                }
            }
        }
    }
    // "Title — Director, 2002, UK, 106 min." or "Title, Director, 1999":
    // the first cut whose right side is a whole credit line.
    if out.credits.is_empty() && out.year.is_none() {
        if let Some((t, parts)) = split_at_credits(title) {
            title = t;
            out.credits = parts;
        }
    } else if !out.credits.is_empty() {
        // "Norma Rae — Martin Ritt (USA, 1979, 114')".
        for dash in [" — ", " – ", " - ", ", "] {
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
    let title = title.trim().trim_end_matches([',', ';', ':', '–', '—']).trim();
    let mut titles = title.split(" / ").map(str::trim).filter(|t| !t.is_empty());
    out.title = strip_quotes(&ordinary_case(titles.next().unwrap_or("")));
    out.others.extend(titles.map(|t| strip_quotes(&ordinary_case(t))));
    out
}

/// A title without the quotation marks around it.
fn strip_quotes(t: &str) -> String {
    for (open, close) in QUOTES {
        if let Some(inner) = t.strip_prefix(*open).and_then(|i| i.strip_suffix(*close)) {
            return inner.trim().to_string();
        }
    }
    t.to_string()
}

/// The first cut of a line, at a dash, comma, semicolon, colon or pipe,
/// after which the rest is a whole credit line: "Title — Director, 2002,
/// UK, 106 min." → ("Title", credits).
fn split_at_credits(line: &str) -> Option<(&str, Vec<Part>)> {
    let cuts = [" — ", " – ", " - ", " -- ", ", ", "; ", " | ", ": ", " / ", ". "];
    let mut at: Vec<(usize, usize)> = cuts
        .iter()
        .flat_map(|c| line.match_indices(c).map(move |(i, _)| (i, c.len())))
        .collect();
    at.sort_unstable();
    for (i, len) in at {
        let (left, right) = (line[..i].trim(), line[i + len..].trim());
        // The left side is the title: not itself a fact.
        if left.is_empty() || part(left).is_some_and(|p| !matches!(p, Part::Name(_))) {
            continue;
        }
        if let Some(parts) = credit_line(right) {
            return Some((left, parts));
        }
    }
    None
}

pub(super) fn names(v: &str) -> Vec<String> {
    if is_nothing(v) {
        return Vec::new();
    }
    v.split([',', ';'])
        .flat_map(|n| n.split(" & "))
        .map(|n| {
            let n = n.trim();
            let n = ["u.a.", "et al.", "et al", "etc.", "u. a."]
                .iter()
                .find_map(|x| n.strip_suffix(x))
                .unwrap_or(n);
            n.trim().trim_end_matches('.').trim()
        })
        .filter(|n| !n.is_empty() && n.chars().any(|c| c.is_alphabetic()))
        .map(str::to_string)
        .collect()
}

/// Reads credits written inline in prose ("DIR/SCR Hanna Slak; PROD … .
/// Slovenia/Croatia, 2017, color, 98 min. In Slovenian with English subtitles.").
pub(super) fn prose_credits(text: &str, e: &mut Entry) -> Option<usize> {
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

/// A film's kind from a listing's genre: documentary, animation and
/// experimental by name, any other genre (drama, thriller, comedy) fiction.
pub(super) fn kind_of_genre(genre: &str) -> String {
    let g = genre.to_lowercase();
    if g.contains("doc") || g.contains("dok") {
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
pub(super) fn add_directors(e: &mut Entry, found: Vec<String>) {
    for n in found {
        if !e.directors.contains(&n) {
            e.directors.push(n);
        }
    }
}

/// Applies one credit to an entry.
pub(super) fn apply_part(e: &mut Entry, part: Part) {
    match part {
        Part::Year(y) => e.year = Some(y),
        Part::Runtime(r) => e.runtime = Some(r),
        Part::Country(c) => e.countries.push(c),
        Part::Kind(k) => e.kind = Some(k),
        Part::Format => {}
        Part::Language(l) => {
            if !e.languages.contains(&l) {
                e.languages.push(l)
            }
        }
        Part::Name(n) => add_directors(e, names(&n.replace(" and ", ", ").replace(" & ", ", "))),
    }
}

/// Reads credit fields of unknown order: a year, a runtime, a country, a
/// kind ("documentary"), or else a director's name.
pub(super) fn credit_parts<'a>(e: &mut Entry, parts: impl Iterator<Item = &'a str>) {
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
            None if raw.split_whitespace().count() <= 5 => add_directors(e, names(raw)),
            None => {}
        }
    }
}

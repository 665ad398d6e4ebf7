//! Credit lines recognised by their shape: parts that are each a year, a
//! runtime, a country, a format or kind word or a name, and credits written
//! inline in prose ("DIR/SCR Name. Portugal, 2017, 177 min").

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
    /// A director, or two joined by "and".
    Name(String),
}

/// Format words that name a film's kind.
pub(super) const KIND_WORDS: &[&str] = &[
    "documentary",
    "fiction",
    "drama",
    "animation",
    "experimental",
];

/// What a part of a credit line is, if it is anything a credit line holds.
pub(super) fn part(p: &str) -> Option<Part> {
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
pub(super) fn credit_line(line: &str) -> Option<Vec<Part>> {
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

pub(super) fn names(v: &str) -> Vec<String> {
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
            None => add_directors(e, names(raw)),
        }
    }
}

//! Credit lines recognised by their shape: parts that are each a year, a
//! runtime, a country, a language, a format or kind word or a name, and
//! credits written inline in prose ("DIR/SCR Name. Portugal, 2017, 177
//! min"). A credit line may run on into other text on the same line (a web
//! page flattened: "Dir. Bob Byington/USA/2015/75 min The title of…"):
//! [`credit_prefix`] reads the credits and hands back the rest.

use super::credit_words::{
    COLLECTIVE_WORDS, GENRE_WORDS, RUNTIME_WORDS, SERIES_WORDS, TELEVISION_SERIES, UNIT_WORDS,
};
pub(super) use super::credit_words::{FORMAT_WORDS, KIND_WORDS};
use super::fields::{country_code, has_day_and_month, is_language, is_name_shaped, is_rating};
use super::labels::*;
pub(super) use super::names::names;
use super::*;

/// Whether a text is a year a film could have.
pub(super) fn is_year(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<i32>().is_ok_and(|y| (1880..=2040).contains(&y))
}

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

/// What a part of a credit line is, if it is anything a credit line holds.
pub(super) fn part(p: &str) -> Option<Part> {
    let p = p
        .trim()
        .trim_end_matches(['.', ')', ']'])
        .trim_start_matches(['(', '[', '-'])
        .trim();
    if p.is_empty() {
        return None;
    }
    if is_year(p) {
        return p.parse().ok().map(Part::Year);
    }
    if let Some(year) = apostrophe_year(p) {
        return Some(Part::Year(year));
    }
    if is_rating(p) && p.chars().count() <= 8 {
        return Some(Part::Format);
    }
    // "production Le Fresnoy", "Prod.: IAD": who produced it, nothing slate
    // keeps.
    let head = crate::text::fold(p.split_whitespace().next().unwrap_or(""));
    if [
        "production",
        "prod",
        "produktion",
        "produccion",
        "produzione",
        "producao",
        "produced",
        "productie",
    ]
    .contains(&head.as_str())
        && p.split_whitespace().count() <= 6
    {
        return Some(Part::Format);
    }
    // A release date among the credits ("13 April 2013"): nothing slate
    // keeps, and no runtime.
    if super::fields::is_date_phrase(p) {
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
        // "2020 1h 29min" is a year and a runtime, read word by word.
        if p.split_whitespace().count() > 1 && p.split_whitespace().any(is_year) {
            return None;
        }
        // "20:30", "18h30": a time of day, not a running time (which, in
        // hours and minutes, is under five hours).
        let hours: String = p.chars().take_while(char::is_ascii_digit).collect();
        if super::fields::is_time(p) && hours.parse::<u32>().is_ok_and(|h| h >= 5) {
            return None;
        }
        // A runtime: a number with a unit ("94'", "1h30", "114 min", "95m")
        // or a bare number of minutes.
        let bare = p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) && !p.starts_with('0');
        let unit = ["min", "'", "’", "′", "‘", "´", "h", ":", "m"]
            .iter()
            .any(|u| lower.contains(u));
        // Every word a number or a unit: "1 hr 22 min", "95 Min.", "1h30".
        let short = p.split_whitespace().count() <= 4
            && lower
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| {
                    UNIT_WORDS.contains(&w)
                        || RUNTIME_WORDS.contains(&crate::text::fold(w).as_str())
                });
        if (bare || unit) && short {
            return runtime::parse(p)
                .filter(|&m| (1..=1500).contains(&m))
                .map(Part::Runtime);
        }
        // "Durée : 21′", "Cor: 126min": a labelled number, read below.
        if !p.contains(':') {
            return None;
        }
    }
    if SERIES_WORDS.contains(&folded.as_str()) {
        return Some(Part::Kind(TELEVISION_SERIES.to_string()));
    }
    if GENRE_WORDS.contains(&folded.as_str()) {
        return Some(Part::Kind(kind_of_genre(&lower)));
    }
    if KIND_WORDS.contains(&lower.as_str()) {
        return Some(Part::Kind(kind_of_genre(&lower)));
    }
    if FORMAT_WORDS.contains(&lower.as_str()) || FORMAT_WORDS.contains(&folded.as_str()) {
        return Some(Part::Format);
    }
    // German catalogues' version notes: "engl. OF" (original version),
    // "dt. UT" (subtitles), "OmU": the capitals are the version, the
    // abbreviations before them the language.
    // (Alone: "engl", "dt"; before a version: "engl. OF", "mit dt. UT".)
    const LANGUAGE_ABBREVIATIONS: &[&str] = &[
        "engl", "dt", "span", "franz", "frz", "ital", "russ", "poln", "port", "schwed", "tschech",
        "türk", "turk", "arab", "jap", "chin", "niederl",
    ];
    const BEFORE_A_VERSION: &[&str] = &[
        "engl", "dt", "span", "franz", "frz", "ital", "mit dt", "mit engl", "orig",
    ];
    if matches!(p, "OF" | "UT" | "OmU" | "OmeU" | "OV" | "OmdU" | "DF")
        || LANGUAGE_ABBREVIATIONS.contains(&lower.as_str())
        || BEFORE_A_VERSION.iter().any(|a| {
            lower
                .strip_prefix(a)
                .and_then(|r| r.strip_prefix(". ").or_else(|| r.strip_prefix(' ')))
                .is_some_and(|r| matches!(r, "of" | "ut" | "ov"))
        })
    {
        return Some(Part::Format);
    }
    if crate::countries::canonical(p).is_some() {
        return Some(Part::Country(p.to_string()));
    }
    if let Some(country) = country_and_region(p) {
        return Some(Part::Country(country.to_string()));
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
                .then_some(Part::Country(value)),
            labels::Field::Runtime => runtime::parse(&value).map(Part::Runtime),
            labels::Field::Year => value
                .trim()
                .parse()
                .ok()
                .filter(|_| is_year(value.trim()))
                .map(Part::Year),
            // "LANGUAGE: / )": a label with no language after it says nothing.
            labels::Field::Language => {
                let value = value.trim();
                value
                    .chars()
                    .any(char::is_alphabetic)
                    .then(|| Part::Language(value.to_string()))
            }
            labels::Field::Other | labels::Field::Cast => {
                // "Cor: 126min": a runtime under a label slate keeps nothing of.
                Some(
                    part(&value)
                        .filter(|p| matches!(p, Part::Runtime(_)))
                        .unwrap_or(Part::Format),
                )
            }
            _ => None,
        };
    }
    // "collectif CGT", "Kollektiv Arbeiterfilm": a collective credited as
    // the maker.
    let words: Vec<&str> = p.split_whitespace().collect();
    if (2..=5).contains(&words.len())
        && COLLECTIVE_WORDS.contains(&crate::text::fold(words[0]).as_str())
        && words[1].chars().next().is_some_and(char::is_uppercase)
    {
        return Some(Part::Name(p.to_string()));
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
        "d’",
        "d'",
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

/// Whether a text only says what kind of film it is: "Documentary
/// Feature", "Narrative Short", "Court métrage".
pub(super) fn is_form_phrase(text: &str) -> bool {
    let f = crate::text::fold(text);
    !f.is_empty()
        && f.split(' ')
            .all(|w| KIND_WORDS.contains(&w) || super::lexicon::FORM_WORDS.contains(&w))
}

/// The separators between the parts of a credit line.
const SEPARATORS: &[char] = &['/', '|', ',', '·', '•', ';', '–', '—', '(', ')', '[', ']'];

/// A year written with its century left out: "'63", "’94" (the
/// apostrophe before the digits; after them it marks minutes, "35'").
/// Two-digit years up to this one are this century's ("'05" is 2005,
/// "'63" 1963); fixed, so the same listing reads the same on any day.
const TWO_DIGIT_PIVOT: i32 = 28;

/// Years up to [`TWO_DIGIT_PIVOT`] are this century's.
pub(super) fn apostrophe_year(word: &str) -> Option<i32> {
    let digits = word.strip_prefix(['\'', '’', '‘'])?;
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = digits.parse().ok()?;
    Some(if n <= TWO_DIGIT_PIVOT {
        2000 + n
    } else {
        1900 + n
    })
}

/// "Brasil/PR": a country's name and the code of its state or province
/// (two capitals), the country. (Two codes, or two names, are a
/// co-production: "UK/FR", "Brasil/Portugal".)
fn country_and_region(piece: &str) -> Option<&str> {
    let (country, region) = piece.trim().split_once('/')?;
    let code = region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase());
    (code && country.chars().count() > 3 && crate::countries::canonical(country).is_some())
        .then_some(country)
}

/// A text cut at the separators, a country and its state's code kept
/// together ("Brasil/PR").
fn separated(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if !SEPARATORS.contains(&c) || i < start {
            continue;
        }
        if c == '/' {
            let end = text[i + 1..]
                .find(|c: char| SEPARATORS.contains(&c) || c.is_whitespace())
                .map_or(text.len(), |e| i + 1 + e);
            if country_and_region(&text[start..end]).is_some() {
                out.push(&text[start..end]);
                start = end;
                continue;
            }
        }
        out.push(&text[start..i]);
        start = i + c.len_utf8();
    }
    out.push(&text[start..]);
    out
}

/// A credit text cut into its pieces at the separators.
pub(super) fn split_credits(line: &str) -> impl Iterator<Item = &str> {
    sentences(line)
        .into_iter()
        .flat_map(separated)
        .filter(|p| !matches!(p.trim().to_lowercase().as_str(), "s" | "w" | "b" | "n"))
        // "-- 2014. -- 1 DVD (120 min.)": a library record's separators.
        .flat_map(|p| p.split(" -- "))
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// A piece of a credit line that is several parts without separators
/// ("DE 1987", "BRD 1982", "Italy 1962", "Icíar Bollaín 2016", "Peter
/// Farrelly 2018 USA"): its words read from the left, facts one word (or a
/// number and its unit) at a time, the words between them a name.
pub(super) fn words_as_parts(piece: &str) -> Option<Vec<Part>> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.len() < 2 || words.len() > 7 {
        return None;
    }
    let mut out = Vec::new();
    let mut name: Vec<&str> = Vec::new();
    let mut names = 0;
    let flush = |name: &mut Vec<&str>, out: &mut Vec<Part>, names: &mut usize| -> Option<()> {
        if name.is_empty() {
            return Some(());
        }
        let text = name.join(" ");
        name.clear();
        match part(&text)? {
            p @ Part::Name(_) => {
                *names += 1;
                out.push(p)
            }
            p => out.push(p),
        }
        Some(())
    };
    let mut i = 0;
    while i < words.len() {
        // A number and its unit: "100 mins", "1 hour 45"; never a bare
        // number ("1 February 2021" is a date).
        let two = (i + 1 < words.len()).then(|| format!("{} {}", words[i], words[i + 1]));
        let fact = |t: &str| {
            part(t).filter(|p| !matches!(p, Part::Name(_))).filter(|p| {
                !matches!(p, Part::Runtime(_)) || !t.bytes().all(|b| b.is_ascii_digit())
            })
        };
        if is_year(words[i]) || apostrophe_year(words[i]).is_some() {
            flush(&mut name, &mut out, &mut names)?;
            out.push(fact(words[i])?);
            i += 1;
            continue;
        }
        if words[i].bytes().all(|b| b.is_ascii_digit()) && two.as_deref().and_then(fact).is_none() {
            return None;
        }
        if let Some(p) = two.as_deref().and_then(|t| {
            fact(t).filter(|p| matches!(p, Part::Runtime(_) | Part::Country(_) | Part::Language(_)))
        }) {
            flush(&mut name, &mut out, &mut names)?;
            out.push(p);
            i += 2;
            continue;
        }
        if let Some(p) = fact(words[i]) {
            flush(&mut name, &mut out, &mut names)?;
            out.push(p);
        } else if out.is_empty() {
            name.push(words[i]);
        } else {
            // A name comes first ("Icíar Bollaín 2016"); words after the
            // facts ("2018 Oscar Selection") are not credits.
            return None;
        }
        i += 1;
    }
    flush(&mut name, &mut out, &mut names)?;
    (names <= 1 && out.len() >= 2).then_some(out)
}

/// A text cut at its full stops (". "), but not after an initial ("Herbert
/// J. Biberman") or an abbreviation of one or two letters ("Dir. X" stays
/// whole only when its label is longer than two letters).
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        // (The word after a slash: "J. Klein/J. Reichert".)
        let word = text[start..i].rsplit([' ', '/']).next().unwrap_or("");
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // Initials: "R.W. Fassbinder", "J.-P. Dardenne", "H.C. Schmid".
        let initials = !word.is_empty()
            && word
                .split(['.', '-'])
                .filter(|w| !w.is_empty())
                .all(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
        let abbreviation = matches!(
            word.to_lowercase().as_str(),
            "dir"
                | "réal"
                | "real"
                | "reż"
                | "rez"
                | "prod"
                | "min"
                | "ca"
                | "approx"
                | "u.a"
                | "no"
        );
        // ("Jakob Ziemnicki . 98 min.": a full stop set apart ends
        // whatever comes before it.)
        let set_apart = word.is_empty() && i > start;
        if (letters > 1 || word.bytes().any(|b| b.is_ascii_digit()) || set_apart)
            && !abbreviation
            && !initials
        {
            out.push(&text[start..i]);
            start = i + 2;
        }
    }
    out.push(&text[start..]);
    out
}

/// Whether parts make a credit line: a year or a runtime among them (or a
/// labelled director), and at most two bare names.
fn credits_ok(parts: &[Part], pieces: usize) -> bool {
    let facts = parts
        .iter()
        .filter(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
        .count();
    let names = parts.iter().filter(|p| matches!(p, Part::Name(_))).count();
    facts >= 1 && (names <= 1 || names == 2 && facts >= 2) && (pieces >= 2 || facts == 1)
}

/// Whether a credit text names its director with a label ("Regissör: A |
/// B"): then several names are the directors.
fn labelled_director(line: &str) -> bool {
    split_credits(line).any(|p| {
        matches!(
            label(p),
            Some((labels::Field::Director | labels::Field::DirectorOrCast, _))
        ) || ["dir. ", "directed by ", "regie ", "réalisation "]
            .iter()
            .any(|l| p.to_lowercase().starts_with(l))
    })
}

/// A credit line read into its parts, when the whole line is one: a year
/// or a runtime among them, at most two names, and nothing that is not a
/// credit.
pub(super) fn credit_line(line: &str) -> Option<Vec<Part>> {
    let line = line.trim();
    if line.len() > 480 || line.chars().count() > 160 || line.is_empty() {
        return None;
    }
    // Credits hold a year or a runtime, so a digit; only a short line of
    // details ("Comedy, Drama • Rating: U") has none.
    if line.len() > 60 && !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // "21 oct. 2022", "2012-05-31 20:01:48": a date, not a year among
    // credits.
    let full_date = line.split_whitespace().any(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        t.matches(['-', '/', '.']).count() == 2 && super::fields::is_date_token(t)
    });
    if (has_day_and_month(line) || full_date)
        && !line.bytes().any(|b| b == b'\'')
        && !line.contains("min")
    {
        return None;
    }
    // "1950 - 1969": a period, not a film's year.
    if is_year_span(line) {
        return None;
    }
    let pieces: Vec<&str> = split_credits(line).collect();
    let read: Vec<Option<Vec<Part>>> = pieces
        .iter()
        .map(|p| part(p).map(|p| vec![p]).or_else(|| words_as_parts(p)))
        .collect();
    // One piece slate does not know (a school, a producer: "Animation /
    // Royaume-Uni / 2020 / 16′ / NFTS") is let pass when a year and a
    // runtime say the line is credits.
    let unknown = read.iter().filter(|p| p.is_none()).count();
    // Never the first piece: that is where a title stands.
    if read.first().is_some_and(Option::is_none) {
        return None;
    }
    // Nor a quoted piece ("video - \"Scioperi a Torino\" di P. e C.
    // Gobetti (ITA '63)- 35'"): a title in quotation marks.
    let quoted = |p: &str| !super::quotes::quoted(p).is_empty();
    if pieces
        .iter()
        .zip(&read)
        .any(|(p, r)| r.is_none() && quoted(p))
    {
        return None;
    }
    let parts: Vec<Part> = read.into_iter().flatten().flatten().collect();
    let facts = parts
        .iter()
        .filter(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
        .count();
    if unknown > 1 || unknown == 1 && (facts < 2 || pieces.len() < 4) {
        return None;
    }
    // A lone bare number is not a credit line ("12").
    if pieces.len() == 1 && line.bytes().all(|b| b.is_ascii_digit()) && !is_year(line) {
        return None;
    }
    // A line of details alone: "Comedy, Drama • Rating: 15".
    let details = pieces.len() >= 2
        && unknown == 0
        && parts
            .iter()
            .all(|p| matches!(p, Part::Kind(_) | Part::Format | Part::Language(_)))
        && parts
            .iter()
            .any(|p| matches!(p, Part::Kind(_) | Part::Format));
    let ok = details
        || credits_ok(&parts, pieces.len())
        || (labelled_director(line) || slash_joined_makers(line)) && {
            let facts = parts
                .iter()
                .filter(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
                .count();
            facts >= 1
        };
    ok.then_some(parts)
}

/// Whether a credit text names several makers joined by slashes with no
/// space between ("B. Kopple/B. Davies, USA 1990"): a film's co-directors
/// written as one credit, not a cast list.
fn slash_joined_makers(line: &str) -> bool {
    line.split([',', ';', '(', ')']).any(|segment| {
        let segment = segment.trim();
        segment.contains('/')
            && !segment.contains(" /")
            && !segment.contains("/ ")
            && segment.split('/').all(|n| is_name_shaped(n.trim()))
    })
}

/// Whether a text is a span of years and nothing else: "1950 - 1969",
/// "1950–1969" (a period a programme covers).
pub(super) fn is_year_span(text: &str) -> bool {
    let t = text.trim().trim_matches(['(', ')']);
    let Some((a, b)) = t.split_once(['-', '–', '—']) else {
        return false;
    };
    let (a, b) = (a.trim(), b.trim());
    is_year(a) && is_year(b) && a < b
}

/// A line that starts with credits and runs on into other text ("Dir. Bob
/// Byington/USA/2015/75 min The title of this…", "Dir. Mike
/// Nichols/USA/1983/128 min Thursday 22 September 17:30"): the credits and
/// the byte offset where the rest begins. Pieces are read from the left
/// while each is a credit; the first that is not may start with one (a
/// runtime, a year, a country) and then the rest of the line follows.
pub(super) fn credit_prefix(line: &str) -> Option<(Vec<Part>, usize)> {
    let line = line.trim_end();
    let mut parts = Vec::new();
    let mut at = 0;
    let mut pieces = 0;
    while at < line.len() {
        let end = line[at..].find(SEPARATORS).map_or(line.len(), |i| at + i);
        let piece = &line[at..end];
        if piece.trim().is_empty() {
            at = end + line[end..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if let Some(p) = part(piece) {
            // A run-on line opens with a fact or a labelled name: a bare
            // name first is a title ("THE CHILDREN ACT (cert 12A) 1 hour…").
            if pieces == 0 && matches!(&p, Part::Name(n) if n == piece.trim()) {
                return None;
            }
            parts.push(p);
            pieces += 1;
            at = end + line[end..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        // The piece where the credits stop: its first words a credit?
        let lead = piece.len() - piece.trim_start().len();
        let words = super::fields::words_at(piece.trim_start());
        for k in (1..=3.min(words.len().saturating_sub(1))).rev() {
            let stop = words[k - 1].0 + words[k - 1].1.len();
            let head = &piece.trim_start()[..stop];
            let Some(p) = part(head) else { continue };
            if matches!(p, Part::Name(_))
                || head.bytes().all(|b| b.is_ascii_digit()) && !is_year(head)
            {
                continue;
            }
            parts.push(p);
            if !credits_ok(&parts, pieces + 1) || pieces == 0 {
                return None;
            }
            return Some((parts, at + lead + words[k].0));
        }
        return None;
    }
    None
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
        // "(1979/1980)": the first year given.
        Part::Year(y) => e.year = e.year.or(Some(y)),
        Part::Runtime(r) => e.runtime = Some(r),
        Part::Country(c) => e.countries.push(c),
        Part::Kind(k) => e.kind = Some(k),
        Part::Format => {}
        Part::Language(l) => {
            if !e.languages.contains(&l) {
                e.languages.push(l)
            }
        }
        Part::Name(n) => add_directors(e, names(&n)),
    }
}

/// The facts in a piece of credits slate cannot read whole
/// ("DEFA-Studio für Dokumentarfilme 1956"): a year standing as a word, a
/// runtime with its unit.
pub(super) fn loose_facts(e: &mut Entry, piece: &str) {
    let words: Vec<&str> = piece.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if is_year(w) {
            e.year = e.year.or(w.parse().ok());
        } else if w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty() {
            if let Some(unit) = words.get(i + 1) {
                if let Some(Part::Runtime(r)) = part(&format!("{w} {unit}")) {
                    e.runtime = e.runtime.or(Some(r));
                }
            }
        }
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

//! Title lines: a title with what the same line says of the film, in
//! parentheses ("Blue Collar (Paul Schrader, 1978, 114 min)"), after them
//! ("Title (1979) 95m; Sweden; D: Name"), after a dash or a comma
//! ("Title — Director, 2002, UK, 106 min.") or in quotation marks; other
//! titles after " / " or in parentheses, notes in parentheses left out.

use super::credits::*;
use super::fields::is_rating;
use super::labels::*;

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
    /// The film's year: in parentheses after the title, or among its
    /// credits.
    pub(super) fn year_given(&self) -> Option<i32> {
        self.year.or_else(|| {
            self.credits.iter().find_map(|p| match p {
                Part::Year(y) => Some(*y),
                _ => None,
            })
        })
    }

    /// Whether the line dates or times the film: a year or a runtime.
    pub(super) fn has_year_or_runtime(&self) -> bool {
        self.year.is_some()
            || self
                .credits
                .iter()
                .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
    }

    /// Whether the line gave film facts beyond a title.
    pub(super) fn has_facts(&self) -> bool {
        self.year.is_some()
            || self
                .credits
                .iter()
                .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_) | Part::Name(_)))
    }
}

/// Quotation marks around titles.
const QUOTES: &[(char, char)] = &[
    ('[', ']'),
    ('"', '"'),
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('‘', '’'),
    ('‚', '‘'),
    ('»', '«'),
];

/// A title and who made it after a comma: "Madame Lee, Pier Emanuel
/// Petit", "On ira à Neuilly inch'allah, Anna Salzberg et Mehdi Ahoudig".
/// Everything after the cut must be people (a name that starts with a given
/// name), or a collective's one word beside one ("Cinélutte - Jean-Pierre
/// Thorn"): "Goodbye, Dragon Inn" keeps its comma.
fn split_at_makers(line: &str) -> Option<(&str, Vec<String>)> {
    // "I, DANIEL BLAKE": a line in capitals is one title.
    if !line.chars().any(char::is_lowercase) {
        return None;
    }
    for (at, _) in line.match_indices(", ") {
        let (title, who) = (line[..at].trim(), line[at + 2..].trim());
        // "Anmaßung | Director: Chris Wright, Stefan Kolbe": labelled
        // credits, read as such elsewhere.
        if title.is_empty() || title.contains(['|', ':']) {
            return None;
        }
        if title.chars().filter(|c| c.is_alphanumeric()).count() < 4 {
            continue;
        }
        let mut joined = who.to_string();
        for joiner in [" - ", " et ", " and ", " & ", " y ", " e ", " und "] {
            joined = joined.replace(joiner, ", ");
        }
        let pieces: Vec<String> = joined.split(", ").map(|n| n.trim().to_string()).collect();
        let person = |n: &str| {
            super::fields::is_name_shaped(n)
                && n.split_whitespace()
                    .next()
                    .is_some_and(super::fields::is_given_name)
        };
        let collective = |n: &str| {
            !n.contains(' ')
                && n.chars().next().is_some_and(char::is_uppercase)
                && n.chars().count() >= 3
        };
        let people = pieces.iter().filter(|n| person(n)).count();
        if people >= 1 && pieces.iter().all(|n| person(n) || collective(n)) {
            return Some((title, pieces));
        }
    }
    None
}

/// "Harlan County USA (1976)", "Pyme (2004) (SMB)", "Blue Collar (Paul
/// Schrader, 1978, 114 min)", "Norma Rae — Martin Ritt (USA, 1979, 114')",
/// "Title (1979) 95m; Sweden; D: Name", "Title — Director, 2002, UK, 106
/// min.", "“Title”, Director, 1999".
pub(super) fn title_line(line: &str) -> TitleLine {
    let mut out = title_line_as_read(line);
    maker_after_an_exclamation(&mut out);
    possessive_credit_after_a_dash(&mut out);
    out
}

/// "Au piquet ! Jean-Jacques N’Diaye, 1995, 15’": a title that ends in an
/// exclamation or a question does not run on into its maker's name.
fn maker_after_an_exclamation(out: &mut TitleLine) {
    if !out.has_year_or_runtime() || out.credits.iter().any(|p| matches!(p, Part::Name(_))) {
        return;
    }
    let cut = [" ! ", " ? "]
        .iter()
        .filter_map(|mark| out.title.rfind(mark).map(|at| (at, mark.len())))
        .max();
    if let Some((at, len)) = cut {
        let who = out.title[at + len..].trim();
        if super::fields::is_name_shaped(who) && (2..=4).contains(&who.split_whitespace().count()) {
            let who = who.to_string();
            out.title.truncate(at + len - 1);
            out.credits.insert(0, Part::Name(who));
        }
    }
}

/// "Hoffa—A Danny DeVito film (1992)": a dash, then the maker's possessive
/// credit, ends the title.
fn possessive_credit_after_a_dash(out: &mut TitleLine) {
    for dash in ['—', '–', '-'] {
        let Some(at) = out.title.rfind(dash) else {
            continue;
        };
        let credit = out.title[at + dash.len_utf8()..].trim();
        let words: Vec<&str> = credit.split_whitespace().collect();
        let framed = words.len() >= 4
            && matches!(words[0], "A" | "An" | "a" | "an")
            && matches!(
                crate::text::fold(words[words.len() - 1]).as_str(),
                "film" | "movie" | "picture" | "joint"
            );
        if !framed {
            continue;
        }
        let who = words[1..words.len() - 1].join(" ");
        if super::fields::is_name_shaped(&who) && !out.title[..at].trim().is_empty() {
            out.title = out.title[..at].trim().to_string();
            out.credits.insert(0, Part::Name(who));
            return;
        }
    }
}

/// A title line as its layout reads, before [`title_line`] looks again at
/// the title.
fn title_line_as_read(line: &str) -> TitleLine {
    let mut out = TitleLine::default();
    let line = line.trim();
    // "(2002, 14mn, projection après …": a parenthesis the page never
    // closed ends with the line.
    let closed;
    let line = if line.matches('(').count() > line.matches(')').count() {
        closed = format!("{line})");
        closed.as_str()
    } else {
        line
    };
    // A quoted title: the quotes say where it ends.
    for (open, close) in QUOTES {
        if let Some(inner) = line.strip_prefix(*open) {
            // “Te doy mis ojos" de Icíar Bollaín: a page may close a
            // quotation with another mark than it opened it with.
            // ("„1. Mai -Helden bei der Arbeit”": the German low mark
            // closed with the English one.)
            let end = inner.find(*close).or_else(|| {
                matches!(*open, '“' | '"' | '„')
                    .then(|| inner.find(['”', '"', '“']))
                    .flatten()
            });
            if let Some(end) = end {
                let close = inner[end..].chars().next().unwrap_or(*close);
                let title = inner[..end].trim();
                let rest = inner[end + close.len_utf8()..]
                    .trim()
                    .trim_start_matches([',', '-', '–', '—', ':', '/', '|', '.'])
                    .trim();
                if !title.is_empty() {
                    // "« Marche funèbre » d’Axel et Tancrède Ramonet (2002,
                    // 14mn)": who made it, then its credits.
                    let (makers, rest) =
                        super::names::makers_after(rest).unwrap_or((Vec::new(), rest));
                    let rest = rest
                        .trim()
                        .trim_start_matches([',', '-', '–', '—', ':', '/', '|', '.'])
                        .trim();
                    // "“L’era Dièsel. Dièsel Times” 1950 - 1969": a period.
                    let rest = if super::credits::is_year_span(rest) {
                        ""
                    } else {
                        rest
                    };
                    // (Credits after the makers are cut from the stand-in
                    // title by a comma: "…, dir. Max Barbakow, runtime
                    // 90’, 2020".)
                    let joint = if rest.starts_with('(') { " " } else { ", " };
                    let tail = title_line(&format!("x{joint}{rest}"));
                    // "“Primero de Mayo (…) / First of May (…)”": two titles.
                    // (However the slash is spaced: "…(La Ciudad-fábrica)/
                    // First of May (The City Factory)".)
                    let mut titles = at_spaced_slashes(title).into_iter();
                    let title = titles.next().unwrap_or(title);
                    out.others.extend(titles.map(str::to_string));
                    out.title = title.to_string();
                    out.year = tail.year;
                    out.others.extend(tail.others);
                    out.credits = makers.into_iter().map(Part::Name).collect();
                    out.credits.extend(tail.credits);
                    if rest.is_empty() || out.has_facts() || !out.others.is_empty() {
                        return out;
                    }
                    out = TitleLine::default();
                }
            }
        }
    }
    // "Tempos modernos [Modern Times]": brackets after a title hold what
    // parentheses would.
    let bracketed;
    let line = if line.contains(" [") && line.contains(']') && !line.contains('(') {
        bracketed = line.replace(" [", " (").replace(']', ")");
        bracketed.as_str()
    } else {
        line
    };
    let mut title = line;
    if let Some(i) = line
        .find(" (")
        .or_else(|| line.find('(').filter(|&i| i > 0))
    {
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
            // "Metuan (Matewan, 1987)", "Dva dana, jedna noć (Deux jours,
            // une nuit, 2014)": the original title, then the year.
            let original = inner.rsplit_once(", ").filter(|(first, year)| {
                is_year(year.trim())
                    && first.chars().next().is_some_and(char::is_uppercase)
                    && !first
                        .split_whitespace()
                        .next()
                        .is_some_and(super::fields::is_given_name)
                    && super::fields::country_name(first).is_none()
                    && credit_line(first).is_none()
            });
            if is_year(inner) {
                out.year = inner.parse().ok();
            } else if let Some((first, year)) = original {
                out.others.push(first.trim().to_string());
                out.year = year.trim().parse().ok();
            } else if let Some(parts) = credit_line(inner) {
                out.credits.extend(parts);
            } else if let Some(who) = made_by_in_parentheses(inner) {
                // "La Françafrique (documentaire de Patrick Benquet )".
                out.credits.push(Part::Name(who));
            } else if let Some(parts) = leading_credits(inner) {
                // "(2002, 14mn, projection après « L’étourdissement »)":
                // credits, then a note.
                out.credits.extend(parts);
            } else if out.year.is_none()
                && out.others.is_empty()
                && !inner
                    .split_whitespace()
                    .any(|w| super::fields::country_name(w).is_some())
                && {
                    let people = super::names::names(inner);
                    !people.is_empty()
                        && people.iter().all(|n| {
                            (2..=3).contains(&n.split_whitespace().count())
                                && super::fields::is_name_shaped(n)
                                && n.split_whitespace()
                                    .next()
                                    .is_some_and(super::fields::is_given_name)
                        })
                }
            {
                // "Les dieux du feu (Henri Storck)", "(Niccolo Bruna et
                // Andrea Prandstrallet)": the directors (but "Industria
                // Argentina (2011) (Argentine Industry)" is the title in
                // English).
                out.credits.push(Part::Name(inner.trim().to_string()));
            } else if !inner.is_empty() && !is_note(inner) {
                out.others.push(inner.to_string());
            }
            rest = &rest[open + close + 1..];
        }
        // Credits after the parentheses: "(1979) 95m; Sweden; D: Name".
        let tail = rest
            .trim()
            .trim_start_matches([',', ';', '-', '–', '—', '.', ':'])
            .trim();
        if !tail.is_empty() {
            // Not credits: a note after the parentheses ("Strike
            // (Eisenstein) 100th anniv of Russian Revolution"), left out.
            if let Some(parts) = credit_line(tail).or_else(|| {
                split_credits(tail)
                    .map(part)
                    .collect::<Option<Vec<_>>>()
                    .filter(|p| !p.is_empty())
            }) {
                out.credits.extend(parts);
            }
        }
    }
    // "Title — Director, 2002, UK, 106 min." or "Title, Director, 1999":
    // the first cut whose right side is a whole credit line.
    if out.credits.is_empty() && out.year.is_none() {
        if let Some((t, parts)) = split_at_credits(title) {
            title = t;
            out.credits = parts;
        } else if let Some((t, people)) = split_at_makers(title) {
            // "Un cinéma dans la ville, Jérémy Leroux", "La Grève des
            // ouvriers de Margoline, Cinélutte - Jean-Pierre Thorn".
            title = t;
            out.credits = people.into_iter().map(Part::Name).collect();
        }
    } else if !out.credits.is_empty() && !out.credits.iter().any(|p| matches!(p, Part::Name(_))) {
        // "Norma Rae — Martin Ritt (USA, 1979, 114')"; credits that name
        // the director already leave the title whole ("Two Days, One
        // Night (…) – Jean-Pierre and Luc Dardenne, Belgium 2014").
        let mut named = false;
        for dash in [" — ", " – ", " - ", ", "] {
            if let Some((t, who)) = title.rsplit_once(dash) {
                if let Some(name @ Part::Name(_)) = part(who.trim()) {
                    out.credits.insert(0, name);
                    title = t.trim();
                    named = true;
                    break;
                }
            }
        }
        // "Un monde moderne d'Arnaud Soulier et Sabrina Malek (2004,
        // 45')": the makers after the word for "by", two title words at
        // least before them.
        if let Some((at, makers)) = super::names::makers_ending(title)
            .filter(|(at, _)| !named && title[..*at].split_whitespace().count() >= 2)
        {
            for (n, who) in makers.into_iter().enumerate() {
                out.credits.insert(n, Part::Name(who));
            }
            title = title[..at].trim();
        }
    }
    // "The Miner / Rudar": the title, then another (original) title.
    let title = strip_version(strip_material(
        title
            .trim()
            .trim_end_matches([',', ';', ':', '–', '—'])
            .trim(),
    ));
    // "1877: The Grand Army of Starvation. American Social History
    // Project.": the title is the first sentence, the rest a note; a full
    // stop after a title of several words is punctuation ("…with a
    // Future."), after one word it may be the title's own ("Prah.").
    // (With credits after it, the full stop is the title's own: "La classe
    // operaia va in paradiso. Retroscena di un film novarese, di …, 2006".)
    let mut title = title;
    let credited = !out.credits.is_empty() || out.year.is_some();
    if let Some((head, tail)) = title.split_once(". ").filter(|_| !credited) {
        if head.split_whitespace().count() >= 3
            && tail.split_whitespace().count() >= 2
            && tail.chars().next().is_some_and(char::is_uppercase)
        {
            title = head;
        }
    }
    if title.split_whitespace().count() >= 3 && !title.ends_with("..") {
        if let Some(t) = title.strip_suffix('.') {
            let last = t.rsplit(' ').next().unwrap_or("");
            if last.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                title = t;
            }
        }
    }
    // "Esquirlas/ Splinters": another title after a slash, however spaced.
    // "Pride [videorecording] / directed by Matthew Warchus. -- 2014": a
    // statement of who made it after the slash is credits, not a title.
    let mut titles: Vec<&str> = Vec::new();
    for t in at_spaced_slashes(title) {
        if !titles.is_empty() && matches!(label(t), Some((Field::Director, _))) {
            out.credits.extend(split_credits(t).filter_map(part));
        } else {
            titles.push(t);
        }
    }
    let mut titles = titles.into_iter();
    out.title = strip_quotes(&ordinary_case(strip_material(titles.next().unwrap_or(""))));
    out.others
        .extend(titles.map(|t| strip_quotes(&ordinary_case(strip_material(t)))));
    article_back_in_front(&mut out);
    out
}

/// A title cut at each slash with a space on at least one side ("The Miner
/// / Rudar", "Esquirlas/ Splinters"); a slash inside a word stays ("Beijo
/// 2348/72"). Empty pieces are left out.
fn at_spaced_slashes(title: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in title.match_indices('/') {
        let spaced = title[..i].ends_with(char::is_whitespace)
            || title[i + 1..].starts_with(char::is_whitespace);
        if spaced {
            out.push(title[start..i].trim());
            start = i + 1;
        }
    }
    out.push(title[start..].trim());
    out.retain(|t| !t.is_empty());
    out
}

/// Articles a catalogue moves behind a title in parentheses (folded).
const MOVED_ARTICLES: &[&str] = &[
    "the", "a", "an", "le", "la", "les", "l", "un", "une", "il", "lo", "gli", "el", "los", "las",
    "der", "die", "das", "de", "het", "een", "o", "os", "as",
];

/// "Nomades du nucléaire (Les)": the article a catalogue moved behind the
/// title goes back in front ("Les Nomades du nucléaire"), the title as
/// written kept as another.
fn article_back_in_front(out: &mut TitleLine) {
    if out.title.is_empty() {
        return;
    }
    let Some(at) = out.others.iter().position(|o| {
        let article = o.trim_end_matches(['\'', '’']);
        MOVED_ARTICLES.contains(&crate::text::fold(article).as_str())
            && article.chars().next().is_some_and(char::is_uppercase)
    }) else {
        return;
    };
    let article = out.others.remove(at);
    let written = format!("{} ({article})", out.title);
    let joined = if article.ends_with(['\'', '’']) {
        format!("{article}{}", out.title)
    } else {
        format!("{article} {}", out.title)
    };
    out.title = joined;
    out.others.insert(0, written);
}

/// Who made a film, as parentheses after its title say it: "documentaire
/// de Patrick Benquet", "a film by Ken Loach", "regia di Daniele Segre".
fn made_by_in_parentheses(inner: &str) -> Option<String> {
    let who = super::names::without_maker_phrase(inner.trim());
    (who.len() < inner.trim().len()
        && (2..=6).contains(&who.split_whitespace().count())
        && super::fields::is_name_shaped(who))
    .then(|| who.trim().to_string())
}

/// A title without a library's note of what the item is, in brackets
/// ("Pride [videorecording]", "Matewan [DVD]").
fn strip_material(title: &str) -> &str {
    let t = title.trim();
    if let Some(open) = t.rfind(" [") {
        if t.ends_with(']') {
            let inner = crate::text::fold(&t[open + 2..t.len() - 1]);
            if [
                "videorecording",
                "video recording",
                "dvd",
                "videocassette",
                "motion picture",
                "film",
                "video",
                "electronic resource",
                "videodisc",
                "blu ray",
                "vhs",
            ]
            .contains(&inner.as_str())
            {
                return t[..open].trim_end();
            }
        }
    }
    t
}

/// A title without the words that say how it is shown ("Ich, Daniel Blake
/// OmU", "Coup pour coup VOSTFR", "Avatar 3D").
fn strip_version(title: &str) -> &str {
    const VERSIONS: &[&str] = &[
        "omu", "omeu", "omdu", "ov", "o.v.", "vo", "v.o.", "vost", "vostfr", "vose", "vos", "3d",
        "(omu)", "(ov)", "(vo)", "(vost)", "(vostfr)", "(vose)", "(omeu)",
    ];
    let mut t = title.trim();
    while let Some((head, last)) = t.rsplit_once(' ') {
        if VERSIONS.contains(&last.to_lowercase().as_str()) && !head.trim().is_empty() {
            t = head.trim_end();
        } else {
            break;
        }
    }
    t
}

/// Whether a parenthesis after a title is a note, not another title:
/// "(original title)", "(cert 12A)", "(12)", "(restored)".
fn is_note(inner: &str) -> bool {
    let f = crate::text::fold(inner);
    is_rating(inner)
        || f.starts_with("cert")
        || f.starts_with("rated")
        || f.starts_with("original")
        || f.starts_with("titre original")
        || f.starts_with("originaltitel")
        || f.contains("restor")
        || f.contains("subtitle")
        || f.contains("premiere")
        || f.contains("director s cut")
        || f == "tbc"
        || f == "new"
}

/// A title without the quotation marks around it.
fn strip_quotes(t: &str) -> String {
    for (open, close) in QUOTES {
        if let Some(inner) = t.strip_prefix(*open).and_then(|i| i.strip_suffix(*close)) {
            return inner.trim().to_string();
        }
    }
    // "'Occupation 101'": straight single quotes round the whole title (an
    // apostrophe inside stays: "'I'm Alright, Jack'").
    if let Some(inner) = t.strip_prefix('\'').and_then(|i| i.strip_suffix('\'')) {
        if !inner.is_empty() && !inner.starts_with(' ') && !inner.ends_with(' ') {
            return inner.to_string();
        }
    }
    t.to_string()
}

/// The first cut of a line, at a dash, comma, semicolon, colon or pipe,
/// after which the rest is a whole credit line: "Title — Director, 2002,
/// UK, 106 min." → ("Title", credits).
fn split_at_credits(line: &str) -> Option<(&str, Vec<Part>)> {
    let cuts = [
        " — ", " – ", " - ", " -- ", ", ", "; ", " | ", ": ", " / ", ". ",
    ];
    let mut at: Vec<(usize, usize)> = cuts
        .iter()
        .flat_map(|c| line.match_indices(c).map(move |(i, _)| (i, c.len())))
        .collect();
    // Dashes first: "Two Days, One Night (Deux jours, une nuit) – Jean-Pierre
    // and Luc Dardenne, Belgium 2014" is cut at the dash, not the comma.
    let dash = |len: usize, i: usize| {
        let cut = &line[i..i + len];
        !matches!(cut.trim(), "—" | "–" | "-" | "--")
    };
    at.sort_unstable_by_key(|&(i, len)| (dash(len, i), i));
    for (i, len) in at {
        let (left, right) = (line[..i].trim(), line[i + len..].trim());
        // "… 1950 - 1969": a period, not a cut.
        let last_left = left.rsplit(' ').next().unwrap_or("");
        let first_right = right.split(' ').next().unwrap_or("");
        if super::credits::is_year_span(&format!("{last_left}-{first_right}")) {
            continue;
        }
        // The left side is the title: not itself a fact, nor a run of them
        // ("Documentaire / Russie / 2019 / Durée").
        if left.is_empty() || part(left).is_some_and(|p| !matches!(p, Part::Name(_))) {
            continue;
        }
        let facts_left = split_credits(left)
            .filter(|p| part(p).is_some_and(|p| !matches!(p, Part::Name(_))))
            .count();
        // "Cybernetica 20 min, 1972": facts glued to the title are not in
        // it.
        // (A year may be the title's own: "Summer 1993, Carla Simón".)
        let runtime_glued = glued_credits(left)
            .is_some_and(|(_, parts)| parts.iter().any(|p| matches!(p, Part::Runtime(_))));
        if facts_left >= 2 || runtime_glued {
            continue;
        }
        if let Some(parts) = credit_line(right) {
            return Some((left, parts));
        }
        // "A Symphony of Noise | Director: Enrique Sánchez Lansch".
        if let Some((Field::Director, value)) = label(right) {
            if let Some(p @ Part::Name(_)) = part(right) {
                return Some((left, vec![p]));
            }
            // "Anmaßung | Director: Chris Wright, Stefan Kolbe".
            let people = super::names::names(&value);
            if !people.is_empty() && people.iter().all(|n| super::fields::is_name_shaped(n)) {
                return Some((left, vec![Part::Name(value)]));
            }
        }
    }
    glued_credits(line)
}

/// "Cybernetica 20 min, 1972", "Norma Rae 1979": facts run on after the
/// title with no mark between. The credits start at the first word that
/// is a year or a runtime with its unit, run to the end, and name no one
/// (a name could be the title's own words).
fn glued_credits(line: &str) -> Option<(&str, Vec<Part>)> {
    let mut from = 0;
    while let Some(space) = line[from..].find(' ').map(|i| from + i) {
        from = space + 1;
        let (left, right) = (line[..space].trim(), line[space + 1..].trim());
        let first: Vec<&str> = right.split_whitespace().take(2).collect();
        let bare = |w: &str| w.trim_end_matches([',', ';', '.']).to_string();
        let opens = first.first().is_some_and(|w| is_year(&bare(w)))
            || first
                .first()
                .is_some_and(|w| w.bytes().next().is_some_and(|b| b.is_ascii_digit()))
                && super::runtime::parse(&bare(&first.join(" "))).is_some()
                && first.len() == 2
                && first[1].chars().next().is_some_and(char::is_alphabetic);
        // The title ends in a capitalised word or a number, and is short
        // ("Premio del jurado en el festival de Cannes de 1993." is a
        // sentence).
        let title_end = left
            .rsplit(' ')
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !opens
            || left.is_empty()
            || part(left).is_some()
            || !title_end
            || left.split_whitespace().count() > 10
        {
            continue;
        }
        let parts = credit_line(right)?;
        let facts = parts
            .iter()
            .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_)));
        return (facts && !parts.iter().any(|p| matches!(p, Part::Name(_))))
            .then_some((left, parts));
    }
    None
}

/// The credits a parenthesis opens with, before a note ("2002, 14mn,
/// projection après …"): at least a year and one more fact, each piece
/// read whole.
fn leading_credits(inner: &str) -> Option<Vec<Part>> {
    let parts: Vec<Part> = split_credits(inner).map_while(part).collect();
    let year = parts.iter().any(|p| matches!(p, Part::Year(_)));
    (year && parts.len() >= 2).then_some(parts)
}

/// The quoted title inside a few words round it: "Mais aussi “Voix de
/// garage”" → "Voix de garage", "Sein Stummfilmklassiker „Streik“" →
/// "Streik". A title that is all quotation, or has none, is left alone.
pub(super) fn quoted_core(title: &str) -> Option<String> {
    for (open, close) in [
        ('“', '”'),
        ('„', '“'),
        ('„', '”'),
        ('«', '»'),
        ('"', '"'),
        ('»', '«'),
    ] {
        let Some(i) = title.find(open) else { continue };
        let after = &title[i + open.len_utf8()..];
        let Some(j) = after.find(close) else { continue };
        let inner = after[..j].trim();
        let outside = format!("{} {}", &title[..i], &after[j + close.len_utf8()..]);
        let outside_words = outside.split_whitespace().count();
        if (1..=4).contains(&outside_words)
            && !inner.is_empty()
            && inner
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return Some(inner.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_glued_to_a_title_and_periods_that_are_not_years() {
        let tl = title_line("Cybernetica 20 min, 1972");
        assert_eq!(
            (tl.title.as_str(), tl.year_given()),
            ("Cybernetica", Some(1972))
        );
        assert_eq!(title_line("Summer 1993, Carla Simón").title, "Summer 1993");
        let tl = title_line("“L’era Dièsel. Dièsel Times” 1950 - 1969");
        assert!(!tl.has_facts(), "{tl:?}");
        let tl = title_line("La classe operaia va in paradiso. Retroscena di un film novarese, di Enrico Omodeo Salè, 2006, 50´");
        assert_eq!(
            tl.title,
            "La classe operaia va in paradiso. Retroscena di un film novarese"
        );
    }

    #[test]
    fn quoted_titles_with_other_titles_and_makers() {
        let tl = title_line("„1. Mai -Helden bei der Arbeit”, D 2008");
        assert_eq!(
            (tl.title.as_str(), tl.year_given()),
            ("1. Mai -Helden bei der Arbeit", Some(2008))
        );
        let tl =
            title_line("“Primero de Mayo (La Ciudad-fábrica)/ First of May (The City Factory)”");
        assert_eq!(tl.title, "Primero de Mayo (La Ciudad-fábrica)");
        assert_eq!(tl.others, ["First of May (The City Factory)"]);
        let tl = title_line("“Palm Springs”, dir. Max Barbakow, runtime 90’, 2020");
        assert_eq!(
            (tl.title.as_str(), tl.year_given()),
            ("Palm Springs", Some(2020))
        );
        assert!(tl.credits.contains(&Part::Runtime(90)), "{tl:?}");
        let tl = title_line("Un monde moderne d'Arnaud Soulier et Sabrina Malek (2004, 45')");
        assert_eq!(tl.title, "Un monde moderne");
        assert!(tl.credits.contains(&Part::Name("Sabrina Malek".into())));
    }

    #[test]
    fn titles_at_spaced_slashes() {
        assert_eq!(
            at_spaced_slashes("The Miner / Rudar"),
            ["The Miner", "Rudar"]
        );
        assert_eq!(
            at_spaced_slashes("Esquirlas/ Splinters"),
            ["Esquirlas", "Splinters"]
        );
        assert_eq!(at_spaced_slashes("Beijo 2348/72"), ["Beijo 2348/72"]);
        assert_eq!(
            at_spaced_slashes("Beijo 2348/72 / Kiss"),
            ["Beijo 2348/72", "Kiss"]
        );
    }

    #[test]
    fn an_article_moved_behind_the_title() {
        let tl = title_line("Nomades du nucléaire (Les)");
        assert_eq!(tl.title, "Les Nomades du nucléaire");
        assert_eq!(tl.others, ["Nomades du nucléaire (Les)"]);
        assert_eq!(title_line("Usine (L')").title, "L'Usine");
        // A capitalised other title is no article: "Pyme (SMB)".
        assert_eq!(title_line("Pyme (SMB)").title, "Pyme");
    }

    #[test]
    fn the_quoted_title_inside_words() {
        assert_eq!(
            quoted_core("Mais aussi \"Voix de garage\"").as_deref(),
            Some("Voix de garage")
        );
        assert_eq!(
            quoted_core("Sein Stummfilmklassiker „Streik“").as_deref(),
            Some("Streik")
        );
        assert_eq!(quoted_core("“Streik”"), None);
        assert_eq!(quoted_core("Streik"), None);
    }
}

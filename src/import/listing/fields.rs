//! What a piece of listing text *is*, by itself: a date, a time, a weekday
//! or month, a venue, a ticket or event note, a language, a format word, a
//! person's name. Lines and parts of lines are classified from these
//! recognisers (`lines`), and titles are held to them (`guard`), so one
//! word list serves both reading and refusing.
//!
//! The lists cover the languages slate's users paste listings in (English,
//! French, German, Spanish, Italian, Portuguese, Polish, Dutch, Swedish,
//! Czech, Catalan); a word in them is lower case and folded (no accents).

use super::country_codes::COUNTRY_CODES;
use super::lexicon::*;
use crate::text::fold;

fn ends_like_sentence(line: &str) -> bool {
    line.split_whitespace().count() > 8 && line.ends_with('.')
}

/// A word list lookup on folded text.
fn listed(words: &[&str], folded: &str) -> bool {
    words.contains(&folded)
}

/// Whether a text is an hour of the day written as one or two digits
/// ("20" of "20 Uhr", "11" of "11시").
fn is_hour(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 2
        && t.bytes().all(|b| b.is_ascii_digit())
        && t.parse::<u32>().is_ok_and(|h| h < 24)
}

/// The parentheses of a text, in order: the byte offsets of each "(" and
/// of the first ")" after it (a parenthesis the text never closes ends the
/// search).
pub(super) fn parentheses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| from + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        out.push((open, close));
        from = close + 1;
    }
    out
}

/// Where the text after the last of some marks starts (0 when none is
/// there): "the clause's words" after its last comma, colon or full stop.
pub(super) fn after_last(text: &str, marks: &[&str]) -> usize {
    marks
        .iter()
        .filter_map(|m| text.rfind(m).map(|i| i + m.len()))
        .max()
        .unwrap_or(0)
}

/// The words of a text cut at its spaces, each with the byte offset it
/// starts at (nothing between two spaces is a word): where a word is, for
/// the readers that cut a line after one.
pub(super) fn words_at(text: &str) -> Vec<(usize, &str)> {
    text.split(' ')
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

/// Whether a folded word is a weekday or month name (looked up in a set:
/// every word of every line is asked).
pub(super) fn is_calendar_word(folded: &str) -> bool {
    static CALENDAR: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    CALENDAR
        .get_or_init(|| WEEKDAYS.iter().chain(MONTHS).copied().collect())
        .contains(folded)
}

/// Whether a text holds a day of the month beside a month's name ("21
/// oct. 2022", "3 May", "May 3rd"): a date, whatever else is on the line.
pub(super) fn has_day_and_month(text: &str) -> bool {
    // Called for every credit line: the cheap tests first.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let tokens: Vec<&str> = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let day = |t: &str| {
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        t.len() - digits.len() <= 2 && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let month = |t: &str| MONTHS.contains(&fold(t).as_str());
    // "13 de desembre", "4th of July": a word for "of" may come between.
    let of = |t: &str| matches!(fold(t).as_str(), "de" | "of" | "del");
    tokens.windows(2).any(|w| {
        day(w[0]) && month(w[1]) || day(w[1]) && !super::credits::is_year(w[1]) && month(w[0])
    }) || tokens
        .windows(3)
        .any(|w| day(w[0]) && of(w[1]) && month(w[2]))
}

/// Whether a text is a language name, or several ("French and Arabic"),
/// or says a film's version ("OmU", "with English subtitles").
pub(super) fn is_language(text: &str) -> bool {
    static WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| LANGUAGES.iter().chain(VERSION_WORDS).copied().collect());
    if text.len() > 60 {
        return false;
    }
    let f = fold(text);
    if f.is_empty() {
        return false;
    }
    if words.contains(f.as_str()) {
        return true;
    }
    f.split(' ')
        .filter(|w| !matches!(*w, "and" | "et" | "und" | "y" | "e" | "i" | "en" | "with"))
        .all(|w| words.contains(w) || w == "subtitles")
}

/// Whether a text is a time of day: "6.30pm", "20:30", "18h30", "7 pm",
/// "17.30 Uhr".
pub(super) fn is_time(token: &str) -> bool {
    let t = token.to_lowercase();
    let t = t.trim_matches(|c: char| !c.is_alphanumeric());
    let t = t
        .trim_end_matches("uhr")
        .trim_end_matches("hrs")
        .trim_end_matches("h.")
        .trim();
    if t == "noon" || t == "midnight" || t == "midi" {
        return true;
    }
    // "오후 2시 30분", "11時": an hour in Korean, Japanese or Chinese.
    if let Some(h) = t.strip_suffix(['시', '時', '点']) {
        return is_hour(h);
    }
    let (num, ampm) = match t
        .strip_suffix("pm")
        .or_else(|| t.strip_suffix("am"))
        .or_else(|| t.strip_suffix('p').filter(|n| n.contains([':', '.'])))
        .or_else(|| t.strip_suffix('a').filter(|n| n.contains([':', '.'])))
    {
        Some(n) => (n.trim().trim_end_matches('.'), true),
        None => (t, false),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if ampm && num.contains([':', '.']) {
        return num
            .split([':', '.'])
            .collect::<Vec<_>>()
            .as_slice()
            .first()
            .is_some_and(|h| digits(h) && h.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h)));
    }
    if ampm && digits(num) {
        return num.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h));
    }
    for sep in [':', '.', 'h'] {
        if let Some((h, m)) = num.split_once(sep) {
            if digits(h)
                && m.len() == 2
                && m.bytes().all(|b| b.is_ascii_digit())
                && h.parse::<u32>().is_ok_and(|h| h < 24)
                && m.parse::<u32>().is_ok_and(|m| m < 60)
            {
                // "1.30" alone could be a runtime in hours; a time has a
                // minute part and, without am/pm, the form of a clock.
                return sep != 'h' || !ampm;
            }
        }
    }
    // "20:01:48": a clock with seconds (a running time "1:42:00" has fewer
    // than five hours).
    let hms: Vec<&str> = num.split(':').collect();
    if hms.len() == 3
        && hms
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && hms[0].parse::<u32>().is_ok_and(|h| (5..24).contains(&h))
        && hms[1..]
            .iter()
            .all(|p| p.parse::<u32>().is_ok_and(|v| v < 60))
    {
        return true;
    }
    // "20h", "20h - 22h": an hour of the evening in French or Portuguese;
    // no film runs five hours or more in a listing's few words.
    num.strip_suffix('h')
        .filter(|h| digits(h))
        .and_then(|h| h.parse::<u32>().ok())
        .is_some_and(|h| (5..24).contains(&h))
}

/// Whether a text is a calendar date: "3/5", "06.10.2016", "2016-10-06",
/// "6th", "3 May", "Sunday".
pub(super) fn is_date_token(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() {
        return false;
    }
    let f = fold(t);
    if is_calendar_word(&f) {
        return true;
    }
    let lower = t.to_lowercase();
    // "6th", "21st", "3rd", "2nd", "1er", "3."
    for suffix in ["st", "nd", "rd", "th", "er", "e"] {
        if let Some(n) = lower.strip_suffix(suffix) {
            if !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) {
                return n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
            }
        }
    }
    // Numeric dates with separators.
    let groups: Vec<&str> = t.split(['/', '.', '-']).collect();
    (2..=3).contains(&groups.len())
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.len() <= 4 && g.bytes().all(|b| b.is_ascii_digit()))
        && groups.iter().filter(|g| g.len() == 4).count() <= 1
}

/// Whether a text is a calendar date and nothing else: "13 April 2013",
/// "1er mai", "May 3rd, 2019".
pub(super) fn is_date_phrase(text: &str) -> bool {
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    !tokens.is_empty()
        && tokens.iter().any(|t| is_calendar_word(&fold(t)))
        && tokens.iter().all(|t| {
            let digits = t.bytes().all(|b| b.is_ascii_digit());
            is_calendar_word(&fold(t))
                || is_date_token(t)
                || digits && (t.len() <= 2 || t.len() == 4)
                || matches!(fold(t).as_str(), "de" | "of" | "the" | "le" | "el" | "del")
        })
}

/// What a line about the event rather than a film is, when it is one: a
/// date or time line, a ticket or guest note, a venue line. The reason is
/// the one the import report gives for skipping it.
pub(super) fn context_reason(line: &str) -> Option<&'static str> {
    // Lines about the event are short; a paragraph is none (and is not
    // searched word by word).
    if line.split_whitespace().nth(16).is_some() {
        return (line.starts_with("http") || line.starts_with("www.")).then_some("a link");
    }
    let f = fold(line);
    if f.is_empty() {
        return None;
    }
    let words: Vec<&str> = f.split(' ').collect();
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let has_number = tokens.iter().any(|t| {
        t.trim_matches(|c: char| !c.is_alphanumeric())
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit())
    });
    // "Sunday 3 May", "Fri 6.30pm", or a line of calendar words alone
    // ("THURSDAY"); "The March" is a title.
    // A day of the month or a year beside the calendar word: "Maj 68" is
    // a title.
    let has_day = tokens.iter().any(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        digits
            .parse::<u32>()
            .is_ok_and(|n| (1..=31).contains(&n) || (1880..=2100).contains(&n))
    });
    // "20 Uhr", "ore 18", "18 heures": an hour and its word.
    let hour = |t: &str| is_hour(t.trim_matches(|c: char| !c.is_alphanumeric()));
    let spelled_hour = tokens.windows(2).any(|w| {
        let (a, b) = (fold(w[0]), fold(w[1]));
        hour(w[0])
            && matches!(
                b.as_str(),
                "uhr" | "heures" | "heure" | "horas" | "hrs" | "godz"
            )
            || matches!(a.as_str(), "ore" | "godz") && hour(w[1])
    });
    let dated = tokens.iter().any(|t| is_time(t))
        || spelled_hour
        || words.iter().any(|w| is_calendar_word(w))
            && has_number
            && has_day
            && prose_words(&tokens) <= 2
        || words
            .iter()
            .all(|w| is_calendar_word(w) || matches!(*w, "and" | "to" | "et" | "und" | "y"));
    let numeric_date = tokens
        .iter()
        .any(|t| t.contains(['/', '.', '-']) && is_date_token(t) && t.len() >= 4);
    // Date lines are short: a synopsis may mention "Monday" or "1984".
    if (dated || numeric_date) && words.len() <= 14 {
        return Some("a date and time line");
    }
    // A social-media handle ("La Izquierda Diario @LaIzqDiarioMX") is a
    // byline or a link.
    let handle = tokens.iter().any(|t| {
        t.len() > 2 && t.starts_with('@') && t[1..].chars().all(|c| c.is_alphanumeric() || c == '_')
    });
    if line.starts_with("http")
        || line.starts_with("www.")
        || line.contains('@') && words.len() <= 3
        || handle && words.len() <= 8
    {
        return Some("a link");
    }
    if line.contains('©') {
        return Some("page furniture (links, comments, sharing, captions)");
    }
    if is_shelf_mark(&tokens) {
        return Some("a catalogue or shelf number");
    }
    // "Quand" / "20h - 22h", "Où" / "…": a field's name over its value.
    if words.len() == 1
        && [
            "quand", "ou", "when", "where", "wann", "wo", "cuando", "donde", "quando", "dove",
            "onde", "wanneer", "waar", "kiedy", "gdzie",
        ]
        .contains(&f.as_str())
    {
        return Some("an event detail (date, venue, tickets, guests)");
    }
    // "Score courtesy of Vector Lovers": thanks for the print or the music.
    if words.len() <= 12
        && [
            "courtesy of",
            "avec l aimable autorisation",
            "mit freundlicher genehmigung",
            "por cortesia de",
            "per gentile concessione",
            "print courtesy",
        ]
        .iter()
        .any(|w| inside(&f, w) || opens_with(&f, w))
    {
        return Some("an acknowledgement (print, music, rights)");
    }
    let event = EVENT_WORDS
        .iter()
        .any(|w| f == *w || opens_with(&f, w) || (w.contains(' ') && inside(&f, w)));
    if event && words.len() <= 16 {
        return Some("a ticket, guest or event note");
    }
    let award = AWARD_WORDS.iter().any(|w| {
        f == *w
            || opens_with(&f, w)
            || words.len() <= 8
                && (inside(&f, w) || f.strip_suffix(w).is_some_and(|h| h.ends_with(' ')))
    });
    if award && words.len() <= 16 && !ends_like_sentence(line) {
        return Some("an award or festival note");
    }
    let page = PAGE_WORDS.iter().any(|w| f == *w || opens_with(&f, w));
    if page && words.len() <= 16 {
        return Some("page furniture (links, comments, sharing, captions)");
    }
    if line.contains(['£', '€', '$']) && words.len() <= 10 {
        return Some("a ticket, guest or event note");
    }
    None
}

/// Whether a line is a library's or a shop's code for the item: "HD 5307
/// .A15 1987 (1) w/Guide", "ISBN 978-3-89848-123-4", "DVD 7517": codes
/// (letters and digits mixed, numbers, short capitals), with at least one
/// that mixes letters and digits or opens with a full stop.
fn is_shelf_mark(tokens: &[&str]) -> bool {
    if tokens.len() < 2 || tokens.len() > 10 {
        return false;
    }
    let code = |t: &str| {
        let t = t.trim_matches(|c: char| "()[],;".contains(c));
        t.bytes().any(|b| b.is_ascii_digit())
            || t.starts_with('.')
            || (1..=3).contains(&t.len()) && t.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            || t.contains('/')
    };
    let mixed = |t: &str| {
        let t = t.trim_matches(|c: char| "()[],;".contains(c));
        t.starts_with('.') && t.len() > 1
            || t.bytes().any(|b| b.is_ascii_digit()) && t.bytes().any(|b| b.is_ascii_alphabetic())
    };
    let codes = tokens.iter().filter(|t| code(t)).count();
    codes * 4 >= tokens.len() * 3 && tokens.iter().any(|t| mixed(t)) && !is_time(tokens[0])
}

/// Whether folded text opens with a phrase as whole words.
fn opens_with(f: &str, w: &str) -> bool {
    f.strip_prefix(w).is_some_and(|rest| rest.starts_with(' '))
}

/// Whether folded text holds a phrase as whole words, not at its start.
fn inside(f: &str, w: &str) -> bool {
    f.match_indices(w)
        .any(|(i, _)| i > 0 && f.as_bytes()[i - 1] == b' ' && f[i + w.len()..].starts_with(' '))
}

/// Lower-case words longer than three letters that are not calendar words:
/// what makes "In May 1984 the miners walked out" a sentence, not a date.
fn prose_words(tokens: &[&str]) -> usize {
    tokens
        .iter()
        .filter(|t| {
            let w = t.trim_matches(|c: char| !c.is_alphabetic());
            w.chars().count() > 3
                && w.chars().next().is_some_and(char::is_lowercase)
                && !is_calendar_word(&fold(w))
        })
        .count()
}

/// Whether a short line names a venue ("Picturehouse Bar (FACT) Liverpool",
/// "Salle 2", "upstairs bar").
pub(super) fn is_venue(line: &str) -> bool {
    let f = fold(line);
    let words: Vec<&str> = f.split(' ').collect();
    words.len() <= 6 && words.iter().any(|w| listed(VENUE_WORDS, w))
}

/// The canonical country a name, alias or upper-case code stands for
/// ("USA", "Deutschland", "DE", "BRD").
pub fn country_name(text: &str) -> Option<&'static str> {
    crate::countries::canonical(text).or_else(|| country_code(text.trim()))
}

/// The country an upper-case code or abbreviation stands for.
pub(super) fn country_code(word: &str) -> Option<&'static str> {
    let w = word.trim_matches(|c: char| c == '.' || c == ',');
    if w.is_empty() || !w.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    COUNTRY_CODES
        .iter()
        .find(|(code, _)| *code == w)
        .map(|(_, name)| *name)
}

/// Whether a text is an age rating or certificate ("12A", "PG-13", "FSK
/// 16", "(15)", "U", "Tout public").
pub(super) fn is_rating(text: &str) -> bool {
    let t = text.trim().trim_matches(['(', ')']).trim();
    // "15’", "12'": minutes, not a certificate.
    if t.ends_with(['’', '\'', '′', '‘']) {
        return false;
    }
    let f = fold(t);
    matches!(
        f.as_str(),
        "u" | "pg"
            | "pg 13"
            | "r"
            | "nc 17"
            | "g"
            | "12"
            | "12a"
            | "15"
            | "18"
            | "m"
            | "ma"
            | "e"
            | "tbc"
            | "nr"
            | "tout public"
            | "tp"
            | "atp"
            | "ctba"
    ) || f.starts_with("fsk ")
        || f.starts_with("ab ") && f.len() <= 6
        || [
            " ans", " anos", " anos", " anni", " jahre", " jahren", " years",
        ]
        .iter()
        .any(|x| f.ends_with(x) && f.len() <= 10 && f.starts_with(|c: char| c.is_ascii_digit()))
        || f.starts_with("-") && f.len() <= 4
}

/// Whether a word is a given name (see `given-names.txt`), or an initial
/// ("J.", "J.T."): the start of a person's name rather than of a title.
pub(super) fn is_given_name(word: &str) -> bool {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        include_str!("given-names.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    let w = word.trim_end_matches(',');
    let initial = w.ends_with('.')
        && w.split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    // "Jean-Pierre": a given name joined to another.
    let first = w.split('-').next().unwrap_or(w);
    initial || names.contains(crate::text::fold(first).as_str())
}

/// Whether a text is a person's name as credits write one: a first name in
/// ordinary capitals, then the surname in capitals ("Gilles BALBASTRE",
/// "Marie-Pierre JAURY", "Atisso MÉDESSOU"). Titles are written in
/// capitals whole, or not at all.
pub(super) fn is_credited_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || !is_name_shaped(text) {
        return false;
    }
    let first = words[0];
    let upper = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && w.chars().all(|c| !c.is_lowercase())
    };
    first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().any(char::is_lowercase)
        && words[1..]
            .iter()
            .all(|w| upper(w) || NAME_PARTICLES.contains(w))
        && words.last().is_some_and(|w| upper(w))
}

/// Particles of names ("de", "van", "von") kept lower case inside them.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "and", "de", "da", "das", "dos", "van", "von", "der", "den", "la", "le", "del", "della", "di",
    "du", "y", "e", "i", "en", "und", "et", "bin", "ibn", "al", "el", "ten", "zu",
];

/// Whether a text is shaped like a person's name, or two joined by "and":
/// two to five capitalised words (particles aside), no digits, no sentence
/// punctuation.
pub(super) fn is_name_shaped(text: &str) -> bool {
    let who = text.trim();
    if who.is_empty()
        || who.contains([
            '(', ')', '[', ']', ':', '"', '?', '!', '“', '”', ',', ';', '/', '|',
        ])
    {
        return false;
    }
    if who.bytes().any(|b| b.is_ascii_digit()) || who.ends_with('.') && !ends_with_initial(who) {
        return false;
    }
    let joiners = [" and ", " & ", " et ", " e ", " y ", " und ", " en "];
    let joined = joiners.iter().any(|j| who.contains(j));
    // Joined names are whole names: "Bread and Roses" is no pair of people.
    if joined {
        let last = joiners
            .iter()
            .filter_map(|j| who.rsplit_once(j).map(|(_, b)| b))
            .min_by_key(|b| b.len())
            .unwrap_or("");
        if last.split_whitespace().count() < 2 {
            return false;
        }
    }
    let words: Vec<&str> = who.split_whitespace().collect();
    let max = if joined { 9 } else { 5 };
    // One word is a name only where a label says so ("Dir: Costa-Gavras"),
    // or when it is an initial glued to a surname ("M.Monicelli").
    let glued_initial = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase)
            && c.next() == Some('.')
            && c.next().is_some_and(char::is_uppercase)
            && w.matches('.').count() == 1
            && c.clone().count() >= 2
            && c.all(|c| c.is_alphabetic() && c.is_lowercase() || c == '-' || c == '\'')
    };
    let one_glued = words.len() == 1 && glued_initial(words[0]);
    if (words.len() < 2 && !one_glued) || words.len() > max {
        return false;
    }
    // Articles and prepositions make a title, not a name: "The Organizer".
    const NOT_IN_NAMES: &[&str] = &[
        "the", "a", "an", "of", "in", "on", "for", "to", "with", "at", "from", "les", "des", "une",
        "un", "die", "ein", "eine", "il", "lo", "gli", "los", "las", "o", "os", "uma", "um", "is",
        "my", "our", "your", "their", "this", "that", "it", "no", "not", "we", "i", "you", "he",
        "she", "they", "us", "me", "im", "am", "zum", "zur", "or", "but", "all", "why", "what",
        "how", "when", "who", "where", "was", "are", "be", "will", "can", "do", "does", "nous",
        "ils", "wir", "ich", "sie",
    ];
    // (An initial is no article: "A. Winckelmann", "I. Bergman".)
    let initial = |w: &str| w.chars().count() == 2 && w.ends_with('.');
    if words.iter().any(|w| {
        !initial(w)
            && NOT_IN_NAMES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic()))
    }) {
        return false;
    }
    let capitalised = words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.is_empty()
            || w.chars().next().is_some_and(char::is_uppercase)
            || NAME_PARTICLES.contains(&w)
            || w == "et"
    });
    // A name ends with a name, not a particle or a word cut short: "von
    // Lebens- und" is a sentence broken off.
    let whole = !words
        .last()
        .is_some_and(|w| NAME_PARTICLES.contains(w) || w.ends_with('-'))
        && !words.iter().any(|w| w.ends_with('-'));
    capitalised && whole && who.chars().any(char::is_alphabetic)
}

fn ends_with_initial(s: &str) -> bool {
    let last = s.split_whitespace().last().unwrap_or("");
    last.chars().filter(|c| c.is_alphabetic()).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_whole() {
        assert!(is_name_shaped("Jan-Christoph Glaser"));
        assert!(is_name_shaped("Ludwig van Beethoven"));
        assert!(!is_name_shaped("Lebens- und"));
        assert!(!is_name_shaped("Ken Loach und"));
    }

    #[test]
    fn a_day_and_its_month() {
        assert!(has_day_and_month("Zaterdag 4 mei 20.30u"));
        assert!(has_day_and_month("I el 13 de desembre es podrà gaudir"));
        assert!(has_day_and_month("on the 4th of July"));
        assert!(!has_day_and_month("13 de los 20 mineros"));
        assert!(!has_day_and_month("Mai 68"));
    }

    #[test]
    fn times_and_dates() {
        for t in [
            "6.30pm", "20:30", "18h30", "7pm", "17.30", "11am", "(20:30)",
        ] {
            assert!(is_time(t), "{t}");
        }
        for t in ["1979", "95'", "1h", "2016", "3.5"] {
            assert!(!is_time(t), "{t}");
        }
        for d in [
            "6th",
            "3/5",
            "06.10.2016",
            "2016-10-06",
            "Sunday",
            "mai",
            "Oktober",
        ] {
            assert!(is_date_token(d), "{d}");
        }
        for d in ["1979", "Norma", "95", "Matewan"] {
            assert!(!is_date_token(d), "{d}");
        }
    }

    #[test]
    fn context_lines() {
        for l in [
            "Sunday 3 May, 6.30pm – upstairs bar",
            "Thursday 6th October 5:30pm – Special release screening. Picturehouse (FACT) Liverpool.",
            "Friday 23 September 20:30",
            "Samstag, 12. Mai 2018, 19 Uhr",
            "Mercredi 14 mars à 20h30",
            "THURSDAY",
            "Book tickets",
            "Post-screening Q&A with Catherine Garrick",
            "Entrée libre",
            "Tickets £5 / £3 concessions",
        ] {
            assert!(context_reason(l).is_some(), "{l}");
        }
        for l in [
            "Norma Rae",
            "In 1984, miners struck for a year across the coalfields of Britain and Wales.",
            "The Organizer",
            "Dir. Ken Loach/UK/2016/100 min",
        ] {
            assert_eq!(context_reason(l), None, "{l}");
        }
    }

    #[test]
    fn languages_and_names() {
        for l in [
            "French",
            "Französisch",
            "français",
            "OmU",
            "English subtitles",
            "Polish and German",
        ] {
            assert!(is_language(l), "{l}");
        }
        assert!(!is_language("France"));
        assert!(!is_language("Norma Rae"));
        for n in [
            "Ken Loach",
            "Jean-Luc Godard and Jean-Pierre Gorin",
            "Herbert J. Biberman",
            "Agnès Varda",
            "Lav Diaz",
        ] {
            assert!(is_name_shaped(n), "{n}");
        }
        for n in ["In 1984 the miners", "Blue collar workers struck.", "(USA)"] {
            assert!(!is_name_shaped(n), "{n}");
        }
        for n in ["Gilles BALBASTRE", "Marie-Pierre JAURY", "Yves de LA TOUR"] {
            assert!(is_credited_name(n), "{n}");
        }
        for n in ["SALT OF THE EARTH", "Norma Rae", "Radio", "Ken Loach"] {
            assert!(!is_credited_name(n), "{n}");
        }
    }
}

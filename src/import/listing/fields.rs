//! What a piece of listing text *is*, by itself: a date, a time, a weekday
//! or month, a venue, a ticket or event note, a language, a format word, a
//! person's name. Lines and parts of lines are classified from these
//! recognisers (`lines`), and titles are held to them (`guard`), so one
//! word list serves both reading and refusing.
//!
//! The lists cover the languages slate's users paste listings in (English,
//! French, German, Spanish, Italian, Portuguese, Polish, Dutch, Swedish,
//! Czech, Catalan); a word in them is lower case and folded (no accents).

use crate::text::fold;

/// Weekday names and their common abbreviations.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
    "lunedi",
    "martedi",
    "mercoledi",
    "giovedi",
    "venerdi",
    "domenica",
    "segunda",
    "terca",
    "quarta",
    "quinta",
    "sexta",
    "poniedzialek",
    "wtorek",
    "sroda",
    "czwartek",
    "piatek",
    "sobota",
    "niedziela",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "mandag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lordag",
    "sondag",
    "pondeli",
    "utery",
    "streda",
    "ctvrtek",
    "patek",
    "dilluns",
    "dimarts",
    "dimecres",
    "dijous",
    "divendres",
    "dissabte",
    "diumenge",
    "feira",
];

/// Month names and their common abbreviations.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "januar",
    "februar",
    "marz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "marco",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "wrzesnia",
    "pazdziernika",
    "listopada",
    "grudnia",
    "styczen",
    "luty",
    "marzec",
    "kwiecien",
    "czerwiec",
    "lipiec",
    "sierpien",
    "wrzesien",
    "pazdziernik",
    "listopad",
    "grudzien",
    "januari",
    "februari",
    "maart",
    "augustus",
    "mei",
    "juni",
    "augusti",
    "gener",
    "febrer",
    "abril",
    "maig",
    "juny",
    "juliol",
    "setembre",
    "octubre",
    "desembre",
];

/// Words of lines about the event rather than a film: tickets, prices,
/// guests and discussions, doors, links.
const EVENT_WORDS: &[&str] = &[
    "tickets",
    "ticket",
    "book tickets",
    "book now",
    "booking",
    "buy tickets",
    "read more",
    "more info",
    "more information",
    "free entry",
    "free admission",
    "admission",
    "entry",
    "doors",
    "q a",
    "q and a",
    "panel",
    "discussion",
    "introduced by",
    "followed by",
    "in conversation",
    "post screening",
    "reception",
    "drinks",
    "trailer",
    "watch trailer",
    "share",
    "tweet",
    "sold out",
    "billets",
    "billetterie",
    "reservation",
    "reserver",
    "entree libre",
    "entree",
    "tarif",
    "tarifs",
    "debat",
    "rencontre",
    "suivi d",
    "suivie d",
    "en presence",
    "karten",
    "eintritt",
    "eintritt frei",
    "tickets kaufen",
    "gesprach",
    "diskussion",
    "im anschluss",
    "zu gast",
    "entradas",
    "entrada libre",
    "entrada gratuita",
    "coloquio",
    "debate",
    "presentacion",
    "biglietti",
    "ingresso",
    "ingresso libero",
    "dibattito",
    "incontro",
    "ingressos",
    "entrada franca",
    "bilety",
    "wstep wolny",
    "dyskusja",
    "spotkanie",
    "kaartjes",
    "toegang",
    "nagesprek",
    "biljetter",
    "fri entre",
    "vstupenky",
    "vstup",
];

/// Lines of a web page around the listing: links, comments, sharing.
const PAGE_WORDS: &[&str] = &[
    "leave a comment",
    "leave a reply",
    "comments",
    "no comments",
    "posted by",
    "posted in",
    "filed under",
    "tagged",
    "tags",
    "labels",
    "share this",
    "share",
    "like this",
    "related",
    "permalink",
    "subscribe",
    "back to top",
    "previous",
    "next",
    "see more",
    "see all",
    "view all",
    "click here",
    "photograph",
    "photo",
    "image",
    "credit",
    "newer posts",
    "older posts",
    "retour",
    "zuruck",
    "volver",
    "torna",
    "voltar",
    "more films",
    "website",
    "film website",
    "official website",
    "trailer",
    "facebook",
    "instagram",
    "twitter",
    "imdb",
    "entire film available online",
    "watch online",
    "contact",
    "voir",
    "voir sur une carte",
    "acheter en ligne",
    "en savoir plus",
    "partager",
    "imprimer",
    "mehr",
    "mehr erfahren",
    "weiterlesen",
    "leggi tutto",
    "leer mas",
    "saiba mais",
    "lees meer",
    "usually ships in",
    "add to cart",
    "buy now",
    "in stock",
];

/// Words that open a line about a film's prizes and festivals.
const AWARD_WORDS: &[&str] = &[
    "prix",
    "grand prix",
    "award",
    "awards",
    "winner",
    "winner of",
    "prize",
    "best film",
    "nominated",
    "nomination",
    "official selection",
    "selection officielle",
    "preis",
    "preistrager",
    "premio",
    "premiado",
    "ganador",
    "vincitore",
    "nagroda",
    "laureat",
    "palme d or",
    "golden bear",
    "world premiere",
    "uk premiere",
    "european premiere",
    "premiere",
    "oscar",
    "oscars",
    "academy award",
    "bafta",
    "festival selection",
];

fn ends_like_sentence(line: &str) -> bool {
    line.split_whitespace().count() > 8 && line.ends_with('.')
}

/// Words naming a place where films are shown.
const VENUE_WORDS: &[&str] = &[
    "cinema",
    "cinemas",
    "theatre",
    "theater",
    "picturehouse",
    "screen",
    "auditorium",
    "hall",
    "room",
    "bar",
    "library",
    "museum",
    "centre",
    "center",
    "gallery",
    "studio",
    "arts",
    "kino",
    "salle",
    "cinematheque",
    "sala",
    "cine",
    "saal",
    "filmhaus",
    "kinemathek",
    "filmoteca",
    "cineteca",
    "biblioteca",
    "bibliotheque",
    "bibliothek",
    "aula",
    "foyer",
    "upstairs",
    "downstairs",
    "venue",
    "online",
];

/// Language names (in English and in the languages themselves or the
/// listing's), as credits and labels give them.
const LANGUAGES: &[&str] = &[
    "english",
    "french",
    "german",
    "spanish",
    "italian",
    "portuguese",
    "polish",
    "russian",
    "dutch",
    "swedish",
    "danish",
    "norwegian",
    "finnish",
    "czech",
    "slovak",
    "hungarian",
    "romanian",
    "bulgarian",
    "serbian",
    "croatian",
    "slovenian",
    "greek",
    "turkish",
    "arabic",
    "hebrew",
    "persian",
    "farsi",
    "hindi",
    "bengali",
    "urdu",
    "tamil",
    "chinese",
    "mandarin",
    "cantonese",
    "japanese",
    "korean",
    "vietnamese",
    "thai",
    "indonesian",
    "tagalog",
    "filipino",
    "catalan",
    "basque",
    "galician",
    "welsh",
    "irish",
    "gaelic",
    "ukrainian",
    "georgian",
    "armenian",
    "swahili",
    "zulu",
    "xhosa",
    "afrikaans",
    "quechua",
    "guarani",
    "yiddish",
    "latin",
    "icelandic",
    "estonian",
    "latvian",
    "lithuanian",
    "anglais",
    "francais",
    "allemand",
    "espagnol",
    "italien",
    "portugais",
    "polonais",
    "russe",
    "neerlandais",
    "suedois",
    "arabe",
    "chinois",
    "japonais",
    "englisch",
    "franzosisch",
    "deutsch",
    "spanisch",
    "italienisch",
    "portugiesisch",
    "polnisch",
    "russisch",
    "niederlandisch",
    "schwedisch",
    "turkisch",
    "arabisch",
    "chinesisch",
    "japanisch",
    "ingles",
    "frances",
    "aleman",
    "espanol",
    "castellano",
    "italiano",
    "portugues",
    "polaco",
    "ruso",
    "inglese",
    "francese",
    "tedesco",
    "spagnolo",
    "portoghese",
    "polacco",
    "russo",
    "angielski",
    "francuski",
    "niemiecki",
    "hiszpanski",
    "wloski",
    "polski",
    "rosyjski",
    "engels",
    "frans",
    "duits",
    "spaans",
    "italiaans",
    "nederlands",
    "engelska",
    "franska",
    "tyska",
    "spanska",
    "svenska",
    "anglictina",
    "cestina",
    "catala",
    "euskara",
];

/// Words that say a film is shown in its original language or subtitled.
const VERSION_WORDS: &[&str] = &[
    "omu",
    "omeu",
    "ov",
    "vo",
    "vost",
    "vostf",
    "vostfr",
    "vf",
    "vose",
    "vos",
    "v o",
    "v o s t",
    "subtitled",
    "subtitles",
    "english subtitles",
    "with english subtitles",
    "sottotitoli",
    "sottotitolato",
    "subtitulada",
    "subtitulos",
    "legendado",
    "legendas",
    "napisy",
    "ondertiteld",
    "untertitel",
    "sous titres",
    "sous titre",
    "silent",
    "muet",
    "stumm",
    "mudo",
    "muto",
    "niemy",
];

/// A word list lookup on folded text.
fn listed(words: &[&str], folded: &str) -> bool {
    words.contains(&folded)
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
    false
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
    let dated = tokens.iter().any(|t| is_time(t))
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
    if line.starts_with("http")
        || line.starts_with("www.")
        || line.contains('@') && words.len() <= 3
    {
        return Some("a link");
    }
    if line.contains('©') {
        return Some("page furniture (links, comments, sharing, captions)");
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

/// Country codes and abbreviations that credit lines use ("DE 1987",
/// "GB/F/B 2016", "BRD 1982"): ISO codes and the German and festival
/// catalogue abbreviations, upper case only, mapped to canonical names.
const COUNTRY_CODES: &[(&str, &str)] = &[
    ("US", "United States"),
    ("UK", "United Kingdom"),
    ("GB", "United Kingdom"),
    ("DE", "Germany"),
    ("D", "Germany"),
    ("BRD", "West Germany"),
    ("DDR", "East Germany"),
    ("FR", "France"),
    ("F", "France"),
    ("IT", "Italy"),
    ("I", "Italy"),
    ("ES", "Spain"),
    ("E", "Spain"),
    ("PL", "Poland"),
    ("BE", "Belgium"),
    ("B", "Belgium"),
    ("NL", "Netherlands"),
    ("CH", "Switzerland"),
    ("AT", "Austria"),
    ("A", "Austria"),
    ("SE", "Sweden"),
    ("S", "Sweden"),
    ("DK", "Denmark"),
    ("DK", "Denmark"),
    ("NO", "Norway"),
    ("FI", "Finland"),
    ("PT", "Portugal"),
    ("P", "Portugal"),
    ("IE", "Ireland"),
    ("IRL", "Ireland"),
    ("CZ", "Czech Republic"),
    ("CS", "Czechoslovakia"),
    ("SU", "Soviet Union"),
    ("RU", "Russia"),
    ("HU", "Hungary"),
    ("H", "Hungary"),
    ("GR", "Greece"),
    ("TR", "Turkey"),
    ("CA", "Canada"),
    ("CDN", "Canada"),
    ("MX", "Mexico"),
    ("AR", "Argentina"),
    ("RA", "Argentina"),
    ("BR", "Brazil"),
    ("CL", "Chile"),
    ("RCH", "Chile"),
    ("CU", "Cuba"),
    ("JP", "Japan"),
    ("J", "Japan"),
    ("CN", "China"),
    ("VRC", "China"),
    ("KR", "South Korea"),
    ("IN", "India"),
    ("IND", "India"),
    ("AU", "Australia"),
    ("AUS", "Australia"),
    ("NZ", "New Zealand"),
    ("ZA", "South Africa"),
    ("YU", "Yugoslavia"),
    ("SLO", "Slovenia"),
    ("HR", "Croatia"),
    ("RS", "Serbia"),
    ("RO", "Romania"),
    ("BG", "Bulgaria"),
    ("IR", "Iran"),
    ("IL", "Israel"),
    ("EG", "Egypt"),
    ("LU", "Luxembourg"),
    ("L", "Luxembourg"),
];

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

/// Particles of names ("de", "van", "von") kept lower case inside them.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "and", "de", "da", "das", "dos", "van", "von", "der", "den", "la", "le", "del", "della", "di",
    "du", "y", "e", "i", "bin", "ibn", "al", "el", "ten", "zu",
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
    let joiners = [" and ", " & ", " et ", " e ", " y ", " und "];
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
    // One word is a name only where a label says so ("Dir: Costa-Gavras").
    if words.len() < 2 || words.len() > max {
        return false;
    }
    // Articles and prepositions make a title, not a name: "The Organizer".
    const NOT_IN_NAMES: &[&str] = &[
        "the", "a", "an", "of", "in", "on", "for", "to", "with", "at", "from", "les", "des", "une",
        "un", "die", "ein", "eine", "il", "lo", "gli", "los", "las", "o", "os", "uma", "um", "is",
        "my", "our", "your", "their", "this", "that", "it", "no", "not",
    ];
    if words.iter().any(|w| {
        NOT_IN_NAMES.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic()))
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
    capitalised && who.chars().any(char::is_alphabetic)
}

fn ends_with_initial(s: &str) -> bool {
    let last = s.split_whitespace().last().unwrap_or("");
    last.chars().filter(|c| c.is_alphabetic()).count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}

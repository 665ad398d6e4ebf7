//! What each line of a listing is, by itself: blank, labelled, a credit
//! line (possibly running on into other text), a record (a title with its
//! facts on one line), a line about the event (date, venue, tickets), a
//! heading, a short line that may be a title, or prose. The assembler
//! (`assemble`) then decides from the lines around it what a short line
//! is.

use super::credits::*;
use super::fields::*;
use super::guard::Knowledge;
use super::labels::*;
use super::quotes::is_quotation;
use super::records::{
    is_publication, names_a_kind, record_sentence_then_text, record_then, record_then_labels,
    starts_sentence, title_cased, title_then_text,
};
use super::titles::*;

/// What a line is, by itself.
#[derive(Debug)]
pub(super) enum Class {
    Blank,
    /// Labelled segments ("Director: X | Country: Y"); a segment without a
    /// label is a credit text.
    Labelled(Vec<(Option<Field>, String)>),
    /// A credit line, read, and the text it runs on into (offset in the
    /// line), if any.
    Credits(Vec<Part>, Option<usize>),
    /// A title with facts on the same line.
    Record(TitleLine),
    /// A title with facts, then a description on the same line ("THE
    /// CHILDREN ACT (cert 12A) 1 hour 45 mins. Fiona Maye, an eminent…").
    RecordThen(TitleLine, String),
    /// About the event, not a film; the reason says what it is.
    Context(&'static str),
    /// A date line that also names what is screened ("Monday 28 April –
    /// Big Society – The Musical – European film Premiere"): the title.
    DatedTitle(String),
    /// A heading over films ("Strand: Women at Work", "Films:").
    Heading,
    /// A programme index run on one line: titles, each with its date
    /// (see `runon`).
    Index(Vec<String>),
    /// A date (and time) before what the rest of the line is: "1st October
    /// 2019     The Olive Tree", "Saturday 2 March THE CHILDREN ACT (cert
    /// 12A) 1 hour 45 mins. Fiona Maye…".
    Dated(Box<Class>),
    /// A list of people: the cast (three or more names), or the directors
    /// when the line says so ("J.T. Haines, Tommy Haines & Andrew
    /// Sherburne, co-directors").
    Cast(Vec<String>),
    Directors(Vec<String>),
    /// A short line: a title, a name, a heading — the lines around it say.
    Short,
    /// Running text.
    Prose,
}

/// Whether words before a colon are a title's: in title case, and no
/// person's name (a speaker: "Vic Spanner: It's another…").
pub(super) fn titled_not_a_person(head: &str, k: &Knowledge) -> bool {
    title_cased(head)
        && !head.split_whitespace().next().is_some_and(is_given_name)
        && !k.looks_like_person(head)
}

/// Words of headings over films, not titles (folded).
const HEADING_WORDS: &[&str] = &[
    "festival",
    "festivals",
    "programme",
    "programmes",
    "program",
    "programm",
    "programma",
    "programa",
    "programmation",
    "strand",
    "section",
    "screenings",
    "season",
    "retrospective",
    "selection",
    "competition",
    "category",
    "edition",
    "line up",
    "lineup",
    "films",
    "film list",
    "filmreihe",
    "reihe",
    "seances",
    "selection officielle",
    "sezione",
    "rassegna",
    "seccion",
    "ciclo",
    "categorie",
];

/// Words of a page's menus: headings only as a line of their own.
const MENU_WORDS: &[&str] = &[
    "menu",
    "home",
    "contact",
    "about",
    "about us",
    "news",
    "archive",
    "archives",
    "events",
    "calendar",
    "schedule",
    "sponsors",
    "partners",
    "navigation",
    "search",
    "shop",
    "donate",
    "membership",
    "login",
    "programme",
    "films",
];

/// Whether a short line is a heading by its words: a programme, strand,
/// festival or page heading ("2016 programme of events", "Films - North
/// West Labour Film Festival"), a menu item, or a line ending in a colon.
pub(super) fn is_heading(line: &str) -> bool {
    let t = line.trim();
    if t.ends_with(':') {
        return true;
    }
    let f = crate::text::fold(t);
    if MENU_WORDS.contains(&f.as_str()) {
        return true;
    }
    let words: Vec<&str> = f.split(' ').collect();
    // "Nordisk arbetarfilmfestival", "Arbeiterfilmfestival": a compound
    // that ends in a long heading word is one.
    let compound = |w: &str| {
        HEADING_WORDS
            .iter()
            .any(|h| h.len() >= 7 && w.len() >= h.len() + 3 && w.ends_with(h))
    };
    words.len() <= 8
        && (words
            .iter()
            .any(|w| HEADING_WORDS.contains(w) || compound(w))
            || HEADING_WORDS
                .iter()
                .any(|h| h.contains(' ') && f.contains(h)))
}

impl Class {
    pub(super) fn of(line: &str, k: &Knowledge) -> Class {
        if line.is_empty() {
            return Class::Blank;
        }
        if let Some(titles) = super::runon::index_titles(line, k) {
            return Class::Index(titles);
        }
        // "何が彼女をそうさせたか 1930 帝キネ 鈴木重吉 [劇]": spaced fields in
        // a script that spaces no words.
        if line.bytes().any(|b| b.is_ascii_digit()) {
            if let Some(tl) = super::spaced_cjk::spaced_cjk_record(line) {
                return Class::Record(tl);
            }
        }
        if super::spaced::is_header(line) {
            return Class::Context("a table's header");
        }
        if is_publication(line) {
            return Class::Context("a book's publication details");
        }
        // "Information film dealing with the new Manchester - St. Pancras
        // Diesel Pullman . (Synopsis)": a catalogue marks its synopses.
        let lower_end = line
            .get(line.len().saturating_sub(12)..)
            .map(str::to_lowercase);
        if lower_end.is_some_and(|e| e.ends_with("(synopsis)") || e.ends_with("(summary)")) {
            return Class::Prose;
        }
        // A line in parentheses: credits with a year ("(Wim Wenders, DE
        // 1987, 122mins)"), or another title or a note under a title.
        if line.starts_with('(') && line.ends_with(')') {
            let inner = &line[1..line.len() - 1];
            return match credit_line(inner) {
                Some(parts)
                    if parts
                        .iter()
                        .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_))) =>
                {
                    Class::Credits(parts, None)
                }
                // "(Elsa Fayner )" under a title: its director.
                _ if (2..=4).contains(&inner.split_whitespace().count())
                    && is_name_shaped(inner.trim())
                    && inner.split_whitespace().next().is_some_and(is_given_name) =>
                {
                    Class::Directors(vec![inner.trim().to_string()])
                }
                _ => Class::Short,
            };
        }
        // "(D 2011, Regie: Carmen Losmann, 90 Min.) Nichts wird mehr…":
        // credits in parentheses opening a paragraph, then its text.
        if line.starts_with('(') {
            if let Some(close) = line.find(')').filter(|&c| c + 1 < line.len()) {
                if let Some(parts) = credit_line(&line[1..close]).filter(|parts| {
                    parts
                        .iter()
                        .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
                }) {
                    // "(BRD 1961) 34 Min., s/w": credits go on after them.
                    let after = line[close + 1..].trim().trim_start_matches([',', ';']);
                    if let Some(more) = credit_line(after.trim()) {
                        let mut parts = parts;
                        parts.extend(more);
                        return Class::Credits(parts, None);
                    }
                    return Class::Credits(parts, Some(close + 1));
                }
            }
        }
        // "When Miners March (2006)": a title and its year, not a name and
        // a year, unless the name is one the catalogue knows.
        // "18.00 American Factory (…)": a time first is no part of the
        // title ("October Sky (1999)" has no time).
        // The whole date before the text ("Sunday 11 June – "), however
        // many steps `after_date` takes to pass it.
        let mut undated = line;
        while let Some(rest) = after_date(undated).filter(|r| r.len() < undated.len()) {
            undated = rest;
        }
        let timed = line[..line.len() - undated.len()]
            .bytes()
            .any(|b| b.is_ascii_digit());
        if let Some(open) = line.find(" (").filter(|_| !timed) {
            let tl = title_line(line);
            let year = tl.year_given().is_some();
            // A record names one film: a sentence that lists several, each
            // with its credits, is prose ("…con: Guardiano del faro di
            // Lorenzo Ferrò (Italia, 2022, 14’), Auxiliaire di …").
            let one_film = line[..open].split_whitespace().count() <= 14
                && (line.matches('(').count() < 2
                    || super::inline::credited_items(line).len() <= 1);
            // "La contrafigura la donarà l’obra del cineasta Jordi Bayona
            // (Vic, 1931- La Floresta, 2013) que amb Distancia 200 metres
            // posa…": a sentence runs on after the parentheses.
            let runs_on = line
                .rfind(')')
                .is_some_and(|close| line[close + 1..].split_whitespace().nth(12).is_some());
            // "Documentary Feature (2016) Australia": credits.
            if year && is_form_phrase(&tl.title) {
                let mut parts = vec![Part::Kind(kind_of_genre(&tl.title))];
                parts.extend(tl.year.map(Part::Year));
                parts.extend(tl.credits);
                return Class::Credits(parts, None);
            }
            if year
                && one_film
                && !runs_on
                && !tl.title.is_empty()
                && crate::text::fold(line[..open].trim()) == crate::text::fold(&tl.title)
                && !k.knows_person(&tl.title)
                && label(line).is_none()
            {
                return Class::Record(tl);
            }
        }
        // A labelled line whose label holds no credits is what it says
        // ("Synopsis: …", "Starring: …"): no need to read it as credits.
        let labelled = label(line);
        // A label with a colon says what its line is ("Synopsis: …",
        // "Director: Ruben Östlund, Sweden 2017, 151 minutes"): the value is
        // read as that field, credits and all. A label without one ("Dir.
        // Bob Byington/USA/2015/75 min The title of…") may open a credit
        // line that runs on, read below.
        let colon = labelled.is_some() && colon_label(line);
        if let (true, Some((field, _))) = (colon, labelled.as_ref()) {
            match field {
                Field::Event => {
                    return Class::Context("an event detail (date, venue, tickets, guests)")
                }
                Field::Section => return Class::Heading,
                _ => {}
            }
        }
        if colon {
            return labelled_line(line);
        }
        if let Some(record) = record_sentence_then_text(line, k) {
            return record;
        }
        // Credits first: "Dir. Mike Nichols/USA/1983/128 min" is a credit
        // line that starts with a label, and may run on into a synopsis.
        if let Some(parts) = credit_line(line) {
            return Class::Credits(parts, None);
        }
        if let Some((parts, rest)) = credit_prefix(line) {
            return Class::Credits(parts, Some(rest));
        }
        if let Some(reason) = line
            .strip_suffix(':')
            .and_then(super::fields::context_reason)
        {
            return Class::Context(reason);
        }
        if let Some((field, _)) = labelled {
            return match field {
                Field::Event => Class::Context("an event detail (date, venue, tickets, guests)"),
                Field::Section => Class::Heading,
                _ => labelled_line(line),
            };
        }
        // "“Te doy mis ojos" de Icíar Bollaín.": a quoted title with who
        // made it or its credits is a record; a quotation alone is what
        // the press said.
        if line.starts_with(['“', '"', '«', '„', '‘', '»']) {
            let tl = title_line(line);
            // (A sentence running on after it is prose, read for the films
            // it names.)
            let short = line.split_whitespace().count() <= tl.title.split_whitespace().count() + 16;
            if tl.has_facts()
                && short
                && !tl.title.is_empty()
                && tl.title.split_whitespace().count() <= 14
            {
                return Class::Record(tl);
            }
        }
        // „1. Mai - Helden bei der Arbeit“: a short quotation alone on its
        // line is a title, even one that names a date.
        if let Some(inner) = line
            .strip_prefix(['„', '“', '"', '«'])
            .and_then(|l| l.strip_suffix(['“', '”', '"', '»']))
        {
            let n = inner.split_whitespace().count();
            // (Two titles may share the marks: "“Primero de Mayo (La
            // Ciudad-fábrica)/ First of May (The City Factory)”".)
            if (2..=14).contains(&n)
                && !inner.contains(['„', '“', '”', '"', '«', '»'])
                && !inner.ends_with(['.', '!', '?'])
                && inner
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            {
                return Class::Short;
            }
        }
        if is_quotation(line) {
            return Class::Context("a press quotation");
        }
        // A date, then a film: the date says when, the rest what.
        if let Some(rest) = after_date(line) {
            // "Monday 28 April – Big Society – The Musical – European film
            // Premiere": the title without the notes around it.
            if rest.split_whitespace().count() <= 16 {
                if let Some(title) = dated_title(rest) {
                    return Class::DatedTitle(title);
                }
            }
            // "4.30pm - 'Nur, Path of Light'": a quoted title after the time.
            // (The quotation is all there is: its marks round it.)
            let marks_round = |q: &&&str| {
                let mut chars = rest.chars();
                chars.next();
                chars.next_back();
                chars.as_str().trim() == **q
            };
            if let Some(inner) = super::quotes::quoted(rest).first().filter(marks_round) {
                if (1..=12).contains(&inner.split_whitespace().count()) {
                    return Class::DatedTitle(inner.to_string());
                }
            }
            return match Class::of(rest, k) {
                // "Monday 28 April – Big Society – The Musical – European
                // film Premiere": the title without the notes.
                Class::Short => {
                    Class::DatedTitle(dated_title(rest).unwrap_or_else(|| rest.to_string()))
                }
                Class::Prose => match record_then(rest).or_else(|| title_then_text(rest)) {
                    Some(inner) => Class::Dated(Box::new(inner)),
                    // "… 5:30pm – Special release screening. Picturehouse
                    // (FACT) Liverpool.": a note on the screening.
                    None if rest.split_whitespace().count() <= 12 => {
                        Class::Context("a date and time line")
                    }
                    None => Class::Dated(Box::new(Class::Prose)),
                },
                inner @ (Class::Record(_) | Class::RecordThen(..) | Class::Credits(..)) => {
                    Class::Dated(Box::new(inner))
                }
                _ => Class::Context("a date and time line"),
            };
        }
        // "20 Uhr „1. Mai -Helden bei der Arbeit”, D 2008": a date or a
        // time, then a quoted title and its credits (the title may name a
        // date itself).
        if let Some(q) = line.find(['„', '“', '"', '«']).filter(|&q| q > 0) {
            let tl = title_line(&line[q..]);
            if tl.has_facts()
                && !tl.title.is_empty()
                && context_reason(line[..q].trim()) == Some("a date and time line")
            {
                return Class::Dated(Box::new(Class::Record(tl)));
            }
        }
        if let Some(reason) = context_reason(line) {
            if reason == "a date and time line" {
                if let Some(title) = dated_title(line) {
                    return Class::DatedTitle(title);
                }
            }
            return Class::Context(reason);
        }
        let mut names: Vec<&str> = line
            .split([',', ';'])
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        let role = names.last().map(|r| crate::text::fold(r)).filter(|r| {
            [
                "director",
                "directors",
                "co director",
                "co directors",
                "directed",
                "realisateurs",
                "realisateur",
                "regie",
                "directores",
                "registi",
            ]
            .contains(&r.as_str())
        });
        if role.is_some() {
            names.pop();
        }
        let all_names = !names.is_empty()
            && names
                .iter()
                .all(|n| is_name_shaped(n.trim_end_matches('.')));
        if all_names && role.is_some() {
            return Class::Directors(super::credits::names(&names.join(", ")));
        }
        if all_names && names.len() >= 3 {
            return Class::Cast(
                names
                    .iter()
                    .map(|n| n.trim_end_matches('.').to_string())
                    .collect(),
            );
        }
        if super::sentences::is_film_sentence(line) {
            return Class::Prose;
        }
        let words = line.split_whitespace().count();
        if let Some(tl) = by_director(line) {
            return Class::Record(tl);
        }
        if line.chars().count() <= 220 && words <= 30 {
            let tl = title_line(line);
            // "Karl Blaha (Helmut Berger) soll ein Maiplakat malen, …": a
            // name in parentheses, then a sentence, is no record.
            let only_a_name =
                tl.year.is_none() && tl.credits.iter().all(|p| matches!(p, Part::Name(_)));
            let sentence_after = line
                .rsplit_once(')')
                .is_some_and(|(_, t)| t.split_whitespace().count() >= 5);
            if !tl.title.is_empty()
                && tl.has_facts()
                && tl.title.split_whitespace().count() <= 14
                && !tl.title.ends_with('.')
                && !(only_a_name && sentence_after)
                && (line.matches('(').count() < 2 || super::inline::credited_items(line).len() <= 1)
            {
                return Class::Record(tl);
            }
        }
        if let Some(record) = record_then_labels(line) {
            return record;
        }
        // A short fragment in lower case ("veradrake", "zurück zur
        // Programmübersicht", "+"): no title starts so.
        let first = line.chars().find(|c| c.is_alphanumeric());
        let numbered_fragment = line
            .split_whitespace()
            .next()
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
            && line
                .split_whitespace()
                .skip(1)
                .all(|w| w.chars().next().is_some_and(char::is_lowercase));
        // A title starts with a capital: a short line in lower case is a
        // fragment of the page ("screen times please click here").
        let lower_start = first.is_none_or(char::is_lowercase) && !k.knows_title(line);
        if (words <= 4 || words <= 14 && !line.ends_with('.')) && lower_start
            || words <= 4 && numbered_fragment
        {
            return Class::Context("a fragment, not recognised");
        }
        // Another title in parentheses does not make a title line long:
        // "La Reprise du travail aux usines Wonder (The Return to Work at
        // the Wonder Factory)".
        let outside = match (line.find(" ("), line.ends_with(')')) {
            (Some(open), true) => line[..open].split_whitespace().count(),
            _ => words,
        };
        let limit = if outside < words { 160 } else { 110 };
        // "One Day Longer: Ten-year strike of Las Vegas casino workers": a
        // title in title case, a colon, and what the film is.
        if let Some(class) = title_then_text(line).filter(|_| {
            // Not credits ("Spanien 2004, R: Marcelo Expósito, 70 min"), not
            // a speaker and their words ("Vic Spanner: It's another…").
            line.split_once(": ").is_some_and(|(head, rest)| {
                titled_not_a_person(head, k)
                    && starts_sentence(rest)
                    && !names_a_kind(head)
                    && !head.contains(',')
                    && !head.split_whitespace().any(is_year)
            })
        }) {
            return class;
        }
        if outside <= 14 && words <= 24 && line.chars().count() <= limit && !ends_sentence(line) {
            // "Films:" is a heading; "On the Waterfront:" a title with
            // what it is below.
            let head = line.trim_end_matches(':').trim_end();
            if line.ends_with(':')
                && !(titled_not_a_person(head, k)
                    && head.split_whitespace().count() >= 2
                    && !is_heading(head))
            {
                return Class::Heading;
            }
            return Class::Short;
        }
        Class::Prose
    }
}

/// A labelled line: its segments, each with its label when it has one
/// ("Director: X | Country: Y | 98 min").
fn labelled_line(line: &str) -> Class {
    Class::Labelled(
        label_segments(line)
            .into_iter()
            .map(|s| match label(&s) {
                Some((f, v)) => (Some(f), v),
                None => (None, s),
            })
            .collect(),
    )
}

/// Whether a line ends as a sentence does ("." but not after an initial,
/// "!" or "?" after several words).
fn ends_sentence(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if line.ends_with('.') {
        // "The Square." is a title with a full stop; "A story of miners."
        // a sentence: longer, or with words in lower case.
        // "1877: The Grand Army of Starvation. American Social History
        // Project.": capitalised like a title, with a full stop.
        let lower = line
            .split_whitespace()
            .skip(1)
            .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_lowercase))
            .count();
        let capitals = line
            .split_whitespace()
            .filter(|w| {
                w.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            })
            .count();
        let last_capital = line
            .split_whitespace()
            .next_back()
            .and_then(|w| w.chars().find(|c| c.is_alphanumeric()))
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let title_case =
            (lower == 0 || lower == 1 && words >= 6) && last_capital && capitals * 5 >= words * 3;
        return (words > 5 || lower >= 1) && !title_case;
    }
    // A question on a line of its own is a title ("Kuhle Wampe oder: Wem
    // gehört die Welt?", "Comrade, Where Are You Today?") unless long.
    line.ends_with('!') && words > 5 || line.ends_with('?') && words > 10
}

/// The title in a date line cut by dashes or pipes: the one run of
/// segments that are not a date, a time, a venue or an event note
/// ("Monday 28 April – Big Society – The Musical – European film
/// Premiere" → "Big Society – The Musical").
fn dated_title(line: &str) -> Option<String> {
    let mut segments: Vec<(&str, &str)> = Vec::new();
    let mut rest = line;
    loop {
        let next = [" – ", " — ", " - ", " | "]
            .iter()
            .filter_map(|d| rest.find(d).map(|i| (i, *d)))
            .min();
        match next {
            Some((i, d)) => {
                segments.push((rest[..i].trim(), d));
                rest = &rest[i + d.len()..];
            }
            None => {
                segments.push((rest.trim(), ""));
                break;
            }
        }
    }
    if segments.len() < 2 {
        return None;
    }
    let film = |s: &str| {
        let lower = s.to_lowercase();
        !s.is_empty()
            && context_reason(s).is_none()
            && !is_venue(s)
            && !lower.contains("premiere")
            && !lower.contains("première")
    };
    let runs: Vec<Vec<(&str, &str)>> = segments
        .split(|(s, _)| !film(s))
        .filter(|r| !r.is_empty())
        .map(<[_]>::to_vec)
        .collect();
    let [run] = runs.as_slice() else {
        return None;
    };
    let mut title = String::new();
    for (i, (s, d)) in run.iter().enumerate() {
        title.push_str(s);
        if i + 1 < run.len() {
            title.push_str(d);
        }
    }
    (title.split_whitespace().count() <= 10).then_some(title)
}

/// "ORANGE MÉCANIQUE de Stanley Kubrick", "Il posto di Ermanno Olmi",
/// "Matewan by John Sayles": a title and its director joined by the word
/// for "by". The title must be short and the name a whole name.
pub(super) fn by_director(line: &str) -> Option<TitleLine> {
    for by in [
        " de ", " by ", " di ", " von ", " van ", " d’", " d'", " del ", " da ", " af ",
    ] {
        // The first "de" whose right side is a name ("LE MAGNIFIQUE de
        // Philippe de Broca"); a demonym may come first ("Código
        // desconocido, del austriaco Michael Haneke").
        let Some((at, who)) = line.match_indices(by).find_map(|(at, _)| {
            let who = line[at + by.len()..].trim().trim_end_matches(['.', ',']);
            let who = match who.split_once(' ') {
                Some((first, rest)) if first.chars().all(char::is_lowercase) && first.len() > 3 => {
                    rest
                }
                _ => who,
            };
            (is_name_shaped(who) && who.split_whitespace().count() <= 4).then_some((at, who))
        }) else {
            continue;
        };
        let title = line[..at].trim().trim_end_matches(',').trim();
        let title_words = title.split_whitespace().count();
        // A long run in lower case before "da Alberto Cesa" is a sentence
        // ("Canti del lavoro … eseguiti dal vivo da …").
        let capitals = title
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        if (1..=10).contains(&title_words)
            && (title_words <= 7 || capitals * 2 >= title_words)
            && title
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«'".contains(c))
        {
            let mut tl = title_line(title);
            if tl.title.is_empty() {
                return None;
            }
            tl.credits.push(Part::Name(who.to_string()));
            return Some(tl);
        }
    }
    None
}

/// The rest of a line after the date and time it opens with ("1st October
/// 2019     The Olive Tree" → "The Olive Tree"), when something follows
/// that starts with a capital, a digit or a quotation mark.
pub(super) fn after_date(line: &str) -> Option<&str> {
    let mut at = 0;
    let mut dated = false;
    // "11 June", "Sunday 11 June": a day's number beside a month's name.
    let month_word = |w: &str| {
        let f = crate::text::fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
        !f.is_empty() && super::lexicon::MONTHS.contains(&f.as_str())
    };
    for (i, w) in line.split_inclusive(' ').scan(0usize, |pos, w| {
        let start = *pos;
        *pos += w.len();
        Some((start, w))
    }) {
        let day_of_month = !w.trim().is_empty() && {
            let t = w.trim().trim_end_matches('.');
            let next = line[i + w.len()..].split_whitespace().next().unwrap_or("");
            t.len() <= 2
                && t.bytes().all(|b| b.is_ascii_digit())
                && t.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
                && month_word(next)
        };
        let t = w.trim();
        if t.is_empty() {
            at = i + w.len();
            continue;
        }
        let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
        let f = crate::text::fold(bare);
        let joiner = matches!(
            f.as_str(),
            "at" | "a"
                | "um"
                | "a las"
                | "las"
                | "alle"
                | "ore"
                | "le"
                | "the"
                | "on"
                | "de"
                | "del"
                | "di"
                | "o"
                | "from"
                | "to"
                | "bis"
                | "au"
                | "am"
                | "den"
                | "el"
        ) || bare.is_empty() && !t.contains(['«', '“', '„', '"', '‘', '‚', '»'])
            || dated
                && matches!(
                    f.as_str(),
                    "a m" | "p m" | "am" | "pm" | "h" | "hrs" | "uhr"
                );
        // Joining words are lower case: "A Short Film…" after a date is a title.
        let joiner = joiner && !bare.chars().next().is_some_and(char::is_uppercase);
        // A quotation opens what is screened: „1. Mai …" is a title.
        let quoted = t.starts_with(['«', '“', '„', '"', '‘', '‚', '»']);
        let dateish = !quoted && (day_of_month || is_date_token(t))
            || is_time(t)
            || is_calendar_word(&f)
            || super::credits::is_year(bare)
            || f.starts_with("uhr")
            || f.ends_with("nd") && f.chars().next().is_some_and(|c| c.is_ascii_digit());
        if dateish {
            // A year alone does not date a screening ("2018 Oscar Selection"),
            // nor a month's name alone ("May Day at the Movies").
            let month_alone = month_word(t)
                && !super::lexicon::WEEKDAYS.contains(&f.as_str())
                && !line[i + w.len()..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|n| n.bytes().next().is_some_and(|b| b.is_ascii_digit()))
                && !line[..i].bytes().any(|b| b.is_ascii_digit());
            dated |= !super::credits::is_year(bare) && !month_alone;
            if month_alone && !dated {
                break;
            }
            at = i + w.len();
        } else if joiner && dated {
            at = i + w.len();
        } else {
            break;
        }
    }
    if !dated {
        return None;
    }
    let rest = line[at..]
        .trim()
        .trim_start_matches(['–', '—', '-', '|', ':', ',', '·', '•'])
        .trim();
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«‘'[".contains(c))
        .then_some(rest)
}

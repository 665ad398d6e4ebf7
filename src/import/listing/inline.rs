//! Films written inline in running text with what identifies them: a
//! comma and their director ("Recursos humanos, del francés Laurent
//! Cantet"), their credits in parentheses ("Guardiano del faro di Lorenzo
//! Ferrò (Italia, 2022, 14’), Auxiliaire di …"), their country in
//! parentheses in a list ("Troperos (Argentina), Fuera de Sistema
//! (Chile)"), a directing verb ("Mario Monicelli dirige I compagni"), or
//! as many titles in parentheses as the paragraph says it shows ("vier
//! Filme … (Nae Pasaran)"). `mentions` asks these readers of every
//! paragraph that belongs to no entry.

use super::credits::Part;
use super::fields::is_name_shaped;
use super::lines::by_director;

/// Titles followed by a comma and their director ("Recursos humanos, del
/// francés Laurent Cantet", "Matewan, by John Sayles"). The title is the
/// capitalised run before the comma, after any words in lower case that
/// open its clause ("se proyecta", "la española"); a country in
/// parentheses after it is left out.
pub(super) fn comma_by(text: &str) -> Vec<(String, String, Vec<Part>)> {
    let segments: Vec<&str> = text.split([',', ';', ':']).collect();
    let mut out = Vec::new();
    for pair in segments.windows(2) {
        let (before, after) = (pair[0].trim(), pair[1]);
        // "A Camareira, estreia de Lila Avilés", "…, the debut by X": a
        // word or two saying what the film is may come before "de".
        let lead = after
            .split_whitespace()
            .take_while(|w| {
                is_film_word(w) || MAKING_WORDS.contains(&crate::text::fold(w).as_str())
            })
            .take(2)
            .map(|w| w.len() + 1)
            .sum::<usize>();
        let after = if lead > 0 {
            let start = after.len() - after.trim_start().len();
            &after[(start + lead - 1).min(after.len())..]
        } else {
            after
        };
        let Some(rest) = [
            " de ", " del ", " di ", " by ", " von ", " da ", " dei ", " do ", " dos ", " della ",
        ]
        .iter()
        .find_map(|by| after.strip_prefix(by)) else {
            continue;
        };
        // A demonym in lower case may come first: "del italiano Gianni".
        let words: Vec<&str> = rest.split_whitespace().collect();
        let skip = usize::from(
            words
                .first()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase)),
        );
        let mut name: Vec<&str> = Vec::new();
        let from = skip.min(words.len());
        for (i, w) in words.iter().enumerate().skip(from) {
            if !(w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "y" | "e" | "and" | "et" | "de" | "van" | "von"))
            {
                break;
            }
            // "di Carlo Mazzacurati Una delle prime pellicole": the text
            // about the film starts.
            if super::names::opens_sentence_after(&name, w, words.get(i + 1).copied()) {
                break;
            }
            // A full stop ends the name with the sentence: "Paulo Rocha.
            // Mañana, domingo…".
            if let Some(last) = w.strip_suffix('.').filter(|l| l.chars().count() > 1) {
                name.push(last);
                break;
            }
            name.push(w);
        }
        let mut name = name.join(" ");
        for joiner in [" y", " e", " and", " et", " de", " van", " von"] {
            if let Some(n) = name.strip_suffix(joiner) {
                name = n.to_string();
            }
        }
        if !is_name_shaped(&name) || name.split_whitespace().count() > 6 {
            continue;
        }
        // The title: from its first capitalised word (after the last
        // bullet: "… fine Ottocento • La classe operaia va in Paradiso"),
        // a country in parentheses after it left out.
        let mut title = before
            .rsplit(['•', '▪', '■', '◦', '|'])
            .next()
            .unwrap_or(before)
            .trim();
        let mut parts = Vec::new();
        if let Some(open) = title.rfind(" (") {
            if title.ends_with(')') {
                let inner = &title[open + 2..title.len() - 1];
                if super::fields::country_name(inner).is_some() {
                    parts.push(Part::Country(inner.to_string()));
                }
                title = title[..open].trim();
            }
        }
        let words: Vec<&str> = title.split_whitespace().collect();
        let Some(start) = title_start(&words) else {
            continue;
        };
        let mut title: Vec<&str> = words[start..].to_vec();
        // "1991 – Riff Raff, di Ken Loach": a timeline's year before the
        // title.
        if title.len() > 2
            && super::credits::is_year(title[0])
            && ["–", "—", "-", ":"].contains(&title[1])
        {
            parts.extend(title[0].parse().ok().map(Part::Year));
            title.drain(..2);
        }
        if title.is_empty() || title.len() > 8 {
            continue;
        }
        let title = title.join(" ");
        if title.contains(['"', '“', '”', '«', '»'])
            || super::fields::context_reason(&title).is_some()
        {
            continue;
        }
        out.push((title, name, parts));
    }
    out
}

/// Films in running text each followed by its credits in parentheses: a
/// year or a runtime in them says the words before are a film, from the
/// end of the item before (a comma, a colon, a full stop, or "and" before
/// a capital) — "Title di Name (Country, 2022, 14’)", "Title (2019, 84
/// min)". Parentheses without credits ("(The Shift)") stay in the item.
pub(super) fn credited_items(text: &str) -> Vec<(String, Option<String>, Vec<Part>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    while let Some(open) = text[from..].find('(').map(|i| i + from) {
        let Some(close) = text[open..].find(')').map(|i| i + open) else {
            break;
        };
        from = close + 1;
        let inner = &text[open + 1..close];
        // "(In time, 2011)": another title and the year (the other
        // title is not kept: a mention carries one title).
        let parts = match super::credits::credit_line(inner) {
            Some(parts) => parts,
            None => match other_title_and_year(inner) {
                Some(year) => vec![Part::Year(year)],
                None => continue,
            },
        };
        // Two facts at least ("(Italia, 2022, 14’)"): a year alone in
        // parentheses is any mention of a film, or of anything — unless
        // the text says it is one: its director after it ("(1954)
        // dirigida por Herbert J. Biberman"), a film word after it
        // ("(2011) documental sobre…") or before the title ("la cinta La
        // sal de la tierra (1954)").
        let facts = parts
            .iter()
            .filter(|p| matches!(p, Part::Year(_) | Part::Runtime(_) | Part::Country(_)))
            .count();
        if !parts
            .iter()
            .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
        {
            continue;
        }
        let after = &text[close + 1..];
        let made_by = super::names::makers_after(after).map(|(who, _)| who);
        let film_after = after.split_whitespace().next().is_some_and(is_film_word);
        let before = &text[start..open];
        let film_before = film_word_before_title(before)
            || before
                .split_whitespace()
                .rev()
                .take(8)
                .skip(1)
                .any(is_film_word);
        if facts < 2 && made_by.is_none() && !film_after && !film_before {
            continue;
        }
        start = close + 1;
        let mut cut = 0;
        for b in [", ", ": ", ". ", "; ", " – ", " — ", "? ", "! "] {
            if let Some(i) = before.rfind(b) {
                cut = cut.max(i + b.len());
            }
        }
        for joiner in [
            " e ", " and ", " y ", " et ", " und ", " en ", " och ", " i ",
        ] {
            let mut rest = &before[cut..];
            let mut offset = cut;
            while let Some(i) = rest.find(joiner) {
                let after = &rest[i + joiner.len()..];
                // "di Michelle e Noel Keserwany": inside the names after
                // "di"/"by", a joiner joins names.
                let naming = [" di ", " by ", " de ", " von ", " da ", " del "]
                    .iter()
                    .any(|by| before[cut..offset + i].contains(by));
                if !naming
                    && after
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || "\"“«„".contains(c))
                {
                    cut = cut.max(offset + i + joiner.len());
                }
                offset += i + joiner.len();
                rest = after;
            }
        }
        let mut item = before[cut..].trim();
        // "con la cinta La sal de la tierra": the title starts at its
        // capital, after the clause's words (not a person's name: "…una
        // noche” de Jean Pierre y Luc Dardenne (14/4)").
        let all: Vec<&str> = item.split_whitespace().collect();
        let lower_start = item.chars().next().is_some_and(char::is_lowercase);
        let quoted = item.contains(['"', '“', '”', '«', '»', '„']);
        // With only a year to go on, the title is the capitalised run
        // after the clause's last words in lower case ("El jueves se
        // proyectará Zanón (2011)").
        // ("Volker Koepps Dokumentarfilm Die Wismut (1993)": after the
        // film word.)
        let after_film_word = all
            .iter()
            .rposition(|w| is_film_word(w))
            .filter(|&at| at + 1 < all.len())
            .map(|at| at + 1);
        let start_at = if facts < 2 {
            after_film_word.or_else(|| after_lower_run(&all))
        } else {
            title_start(&all)
        };
        if (lower_start || all.len() > 8 || facts < 2) && !quoted {
            if let Some(at) = start_at {
                let skipped: usize = all[..at].iter().map(|w| w.len() + 1).sum();
                item = item[skipped.min(item.len())..].trim();
                if is_name_shaped(item) {
                    continue;
                }
            }
        }
        // "se proyectará FaSinPat, Fábrica sin patrones (2011)": with only
        // a year to go on, a comma that may be inside the title leaves the
        // item unsure; it is left out.
        let comma_cut = cut >= 2
            && before[..cut].ends_with(", ")
            && before[cut..].chars().next().is_some_and(char::is_uppercase);
        if facts < 2 && comma_cut {
            let head: Vec<&str> = before[..cut - 2].split_whitespace().rev().take(2).collect();
            let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            if head.first().is_some_and(|w| capital(w)) && head.get(1).is_none_or(|w| !capital(w)) {
                continue;
            }
        }
        let words = item.split_whitespace().count();
        let capital = item
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«„".contains(c));
        if !(1..=14).contains(&words) || !capital {
            continue;
        }
        let (title, director) = title_and_director(item);
        let mut parts = parts;
        // The names in the parentheses are the director, unless one is given.
        if director.is_some() {
            parts.retain(|p| !matches!(p, Part::Name(_)));
        }
        let director = director.or_else(|| made_by.map(|who| who.join(", ")));
        out.push((title, director, parts));
    }
    out
}

/// Where a title starts after a clause: at the last capitalised word
/// that follows two words in lower case ("El jueves se proyectará Zanón",
/// "con la cinta La sal de la tierra"), or at the first capitalised word
/// when none does.
fn after_lower_run(words: &[&str]) -> Option<usize> {
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    (2..words.len())
        .rev()
        .find(|&i| capital(words[i]) && !capital(words[i - 1]) && !capital(words[i - 2]))
        .or_else(|| words.iter().position(|w| capital(w)))
}

/// Words that say which of its maker's films a film is, before "de"/"by"
/// ("estreia de Lila Avilés", "the debut by …"; folded).
const MAKING_WORDS: &[&str] = &[
    "estreia", "debut", "debutto", "esordio", "opera", "obra", "classico", "classic", "premier",
    "primer", "primeiro", "primo", "ultimo", "last", "first", "new", "nuevo", "novo", "nuovo",
    "nouveau", "dernier",
];

/// Films named right after a film word, with who made them: "del film On
/// va tout Péter di Lech Kowalski, vincitore…" (title, then its maker) or
/// "con il film di Nicholas Philibert In ogni istante." (maker, then the
/// title, to the end of the clause). The title starts with a capital and
/// is short.
pub(super) fn after_film_word(text: &str) -> Vec<(String, String)> {
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let capital = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let mut out = Vec::new();
    for (n, &(at, w)) in words.iter().enumerate() {
        // A film word in lower case ("il film", "the documentary").
        if !is_film_word(w) || !w.chars().next().is_some_and(char::is_lowercase) {
            continue;
        }
        let rest = &text[at + w.len()..];
        // The maker first: "film di Nicholas Philibert In ogni istante".
        if let Some((who, after)) = super::names::makers_after(rest) {
            let clause = after
                .trim_start()
                .split([',', '.', ';', ':', '('])
                .next()
                .unwrap_or("")
                .trim();
            let n_words = clause.split_whitespace().count();
            if capital(clause) && (1..=8).contains(&n_words) && !is_name_shaped(clause) {
                out.push((clause.to_string(), who.join(", ")));
            }
            continue;
        }
        // The title first, then "di"/"de"/"by" and its maker.
        let Some(&(_, first)) = words.get(n + 1) else {
            continue;
        };
        if !capital(first) {
            continue;
        }
        for m in n + 2..(n + 10).min(words.len()) {
            let (by_at, by) = words[m];
            if by.ends_with([',', '.', ';', ':']) {
                break;
            }
            if !["di", "de", "by", "von", "da"].contains(&by) {
                continue;
            }
            let title = text[words[n + 1].0..by_at].trim();
            if let Some((who, _)) = super::names::makers_after(&text[by_at..]) {
                if !is_name_shaped(title) {
                    out.push((title.to_string(), who.join(", ")));
                }
            }
            break;
        }
    }
    out
}

/// Whether a word says "film" ("documental", "película", "cinta").
fn is_film_word(word: &str) -> bool {
    let w = crate::text::fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
    super::sentences::FILM_WORDS.contains(&w.as_str())
}

/// Whether the clause before a title ends with a film word and, maybe,
/// an article or an adjective: "con la cinta La sal de la tierra", "the
/// film Pride".
fn film_word_before_title(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    let Some(at) = title_start(&words) else {
        return false;
    };
    words[..at].iter().rev().take(2).any(|w| is_film_word(w))
}

/// "In time, 2011": a capitalised other title, a comma and a year (the
/// year).
fn other_title_and_year(inner: &str) -> Option<i32> {
    let (other, year) = inner.rsplit_once(", ")?;
    let year = year.trim();
    let other = other.trim();
    (super::credits::is_year(year)
        && other.chars().next().is_some_and(char::is_uppercase)
        && (1..=6).contains(&other.split_whitespace().count())
        && super::fields::country_name(other).is_none()
        && !super::fields::is_name_shaped(other))
    .then(|| year.parse().ok())
    .flatten()
}

/// A list item read as its title and, after "di"/"by"/"de", its director
/// ("Il posto di Ermanno Olmi"), or all title.
/// ("Recuerdos del Mineral de El Teniente" is all title: a name does not
/// open with an article).
pub(super) fn title_and_director(item: &str) -> (String, Option<String>) {
    match by_director(item) {
        Some(tl) => {
            let who = tl.credits.iter().find_map(|p| match p {
                Part::Name(n) => Some(n.clone()),
                _ => None,
            });
            if who.as_deref().is_some_and(super::names::opens_with_article) {
                return (item.to_string(), None);
            }
            (tl.title, who)
        }
        None => (item.to_string(), None),
    }
}

/// Where a title starts in the words before its director: at the first
/// capitalised word when what follows is a title's length ("se proyecta Así
/// reían", "Un hombre sin importancia"); in a longer clause, at the first
/// capitalised word after its last run of two or more words in lower case
/// ("O público poderá reviver clássicos fundamentais como Tempos
/// Modernos", "A programação inclui títulos modernos como Como Enlouquecer
/// seu Chefe").
fn title_start(words: &[&str]) -> Option<usize> {
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    // The first capitalised word, when that makes a title's length ("se
    // proyecta Así reían", "Un hombre sin importancia").
    let first = words.iter().position(|w| capital(w))?;
    if words.len() - first <= 8 {
        return Some(first);
    }
    let mut after_run = 0;
    for i in 1..words.len() {
        if !capital(words[i]) && !capital(words[i - 1]) {
            after_run = i + 1;
        }
    }
    (after_run..words.len()).find(|&i| capital(words[i]))
}

/// Titles listed each with its country in parentheses: "Troperos
/// (Argentina), Fuera de Sistema (Chile) y Norma Rae (EE.UU)". Two or more
/// in a paragraph that speaks of films; the title runs from the first
/// capitalised word after the list's comma or joining word to the
/// parenthesis.
pub(super) fn country_items(text: &str) -> Vec<(String, Option<String>, Vec<Part>)> {
    let lower = text.to_lowercase();
    let about_films = [
        "film",
        "pelicul",
        "película",
        "movie",
        "document",
        "largometraje",
        "cortometraje",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if !about_films {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(" (").map(|i| from + i) {
        let Some(close) = text[open..].find(')').map(|i| open + i) else {
            break;
        };
        let inner = text[open + 2..close].trim();
        let country = super::fields::country_name(inner);
        let before = &text[from..open];
        let cut = [", ", " y ", " e ", " et ", " and ", " und ", ": ", " – "]
            .iter()
            .filter_map(|j| before.rfind(j).map(|i| i + j.len()))
            .max()
            .unwrap_or(0);
        let words: Vec<&str> = before[cut..].split_whitespace().collect();
        // Titles in sentence case ("el documental Carne propia"): from the
        // first capitalised word after the cut.
        let start = words.iter().position(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        if let (Some(country), Some(start)) = (country, start) {
            let title = words[start..].join(" ");
            if (1..=8).contains(&(words.len() - start)) {
                out.push((title, None, vec![Part::Country(country.to_string())]));
            }
        }
        from = close + 1;
    }
    if out.len() >= 2 {
        out
    } else {
        Vec::new()
    }
}

/// Verbs that say a person directed a film, between the person and the
/// title: "Mario Monicelli dirige I compagni", "Michael Powell directs Red
/// Ensign", "Jean-Pierre Thorn réalise …".
const DIRECTS: &[&str] = &[
    "dirige", "directs", "directed", "realise", "réalise", "réalisa", "dreht", "drehte", "gira",
    "girò", "rueda", "rodó", "filma", "filmó", "firma",
];

/// Words that end a title in running text: relative pronouns and the
/// like ("Fantozzi che…", "Strike, which…").
const TITLE_ENDS: &[&str] = &[
    "che",
    "qui",
    "que",
    "which",
    "who",
    "that",
    "der",
    "die",
    "das",
    "dove",
    "où",
    "donde",
    "pellicola",
    "film",
];

/// Films named after a directing verb, with their director before it:
/// "1963 – Mario Monicelli dirige I compagni, in cui degli operai…". The
/// title runs from the verb to the first comma, full stop, exclamation or
/// question mark (kept: "Sciopero!") or a word that opens a clause; it
/// opens with a capital and has at most eight words. A year opening the
/// sentence ("1925 – …") is the film's.
pub(super) fn directed_by_verb(text: &str) -> Vec<(String, String, Option<i32>)> {
    let mut out = Vec::new();
    // (Cut at full stops, not after initials: "Herbert J. Biberman
    // dirige …".)
    for sentence in super::credits::sentences(text) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let year = words
            .first()
            .filter(|w| super::credits::is_year(w))
            .and_then(|w| w.parse::<i32>().ok())
            .filter(|_| {
                words
                    .get(1)
                    .is_some_and(|w| ["–", "—", "-", ":"].contains(w))
            });
        for (v, w) in words.iter().enumerate() {
            if v < 2 || !DIRECTS.contains(&w.to_lowercase().as_str()) {
                continue;
            }
            // The director: the capitalised run before the verb.
            let mut from = v;
            while from > 0
                && words[from - 1]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            {
                from -= 1;
            }
            // "L’americano Herbert J. Biberman": an elided article opens
            // the phrase, not the name.
            while from < v && words[from].contains(['’', '\'']) {
                from += 1;
            }
            let who = words[from..v].join(" ");
            if !is_name_shaped(&who) {
                continue;
            }
            let mut title: Vec<&str> = Vec::new();
            for t in &words[v + 1..] {
                let bare = t.trim_end_matches([',', '.', ';', ':', '!', '?']);
                if !title.is_empty() && TITLE_ENDS.contains(&bare.to_lowercase().as_str()) {
                    break;
                }
                if t.ends_with(['!', '?']) {
                    title.push(t);
                    break;
                }
                title.push(bare);
                if bare.len() < t.len() || title.len() > 8 {
                    break;
                }
            }
            let opens = title
                .first()
                .and_then(|t| t.chars().next())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if opens && (1..=8).contains(&title.len()) {
                out.push((title.join(" "), who, year));
            }
        }
    }
    out
}

/// Number words, two to twelve, in the languages of the labels (folded).
const COUNTS: &[(&str, usize)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("funf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("sept", 7),
    ("huit", 8),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("seis", 6),
    ("siete", 7),
    ("ocho", 8),
    ("due", 2),
    ("tre", 3),
    ("quattro", 4),
    ("cinque", 5),
    ("sette", 7),
    ("otto", 8),
    ("dois", 2),
    ("duas", 2),
    ("quatro", 4),
    ("sete", 7),
    ("oito", 8),
    ("twee", 2),
    ("drie", 3),
    ("zes", 6),
    ("zeven", 7),
];

/// Titles in parentheses in a paragraph that says how many films it
/// shows ("vier Filme", "three films"), when it holds exactly that many
/// short capitalised texts in parentheses that are no year or credits.
pub(super) fn counted_in_parentheses(text: &str) -> Vec<String> {
    let f = crate::text::fold(text);
    let words: Vec<&str> = f.split(' ').collect();
    let said = words.windows(2).find_map(|w| {
        let n = COUNTS
            .iter()
            .find(|(c, _)| *c == w[0])
            .map(|(_, n)| *n)
            .or_else(|| w[0].parse::<usize>().ok().filter(|n| (2..=12).contains(n)))?;
        (super::sentences::FILM_PLURALS.contains(&w[1]) || w[1] == "film").then_some(n)
    });
    let Some(n) = said else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = rest[open + 1..open + close].trim();
        let titled = inner.chars().next().is_some_and(|c| c.is_uppercase())
            && (1..=8).contains(&inner.split_whitespace().count())
            && !inner.bytes().any(|b| b.is_ascii_digit())
            && super::credits::credit_line(inner).is_none();
        if titled {
            found.push(inner.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    if found.len() == n {
        found
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_alone_when_the_text_says_it_is_a_film() {
        let got = |t: &str| -> Vec<(String, Option<String>)> {
            credited_items(t)
                .into_iter()
                .map(|(title, who, _)| (title, who))
                .collect()
        };
        assert_eq!(
            got("Arranca el cine club en la Ciudad de México, con la cinta La sal de la tierra (1954) dirigida por Herbert J. Biberman y protagonizada por Rosaura Revueltas."),
            [("La sal de la tierra".to_string(), Some("Herbert J. Biberman".to_string()))]
        );
        assert_eq!(
            got("El jueves se proyectará Zanón (2011) documental sobre la fábrica."),
            [("Zanón".to_string(), None)]
        );
        // A year alone says nothing: "the strike of Ludlow (1914) was…";
        // a title that may run over a comma is left out.
        assert!(got("The strike at Ludlow (1914) was crushed.").is_empty());
        assert!(got("se proyectará FaSinPat, Fábrica sin patrones (2011) documental").is_empty());
    }

    #[test]
    fn titles_right_after_a_film_word() {
        assert_eq!(
            after_film_word("come l'anteprima del film On va tout Péter di Lech Kowalski, vincitore dell'ultimo Filmmaker Festival, e quella con il film di Nicholas Philibert In ogni istante."),
            [
                ("On va tout Péter".to_string(), "Lech Kowalski".to_string()),
                ("In ogni istante".to_string(), "Nicholas Philibert".to_string()),
            ]
        );
        // A film word with no maker names nothing; nor does a person.
        assert!(after_film_word("the film Pride was shown twice.").is_empty());
        assert!(after_film_word("il film di Ken Loach Paul Laverty, sceneggiatore.").is_empty());
    }

    #[test]
    fn titles_between_bullets_with_their_directors() {
        let text = "IL LAVORO ieri • L’albero degli zoccoli, di Ermanno Olmi narra la vita in una cascina di fine Ottocento • La classe operaia va in Paradiso, di Elio Petri Un classico del 1971 • Vesna va veloce, di Carlo Mazzacurati Una delle prime pellicole • Tutta la vita davanti, di Paolo Virzì Liberamente ispirato al libro";
        let pairs = |t: &str| -> Vec<(String, String)> {
            comma_by(t).into_iter().map(|(t, n, _)| (t, n)).collect()
        };
        assert_eq!(
            pairs(text),
            [
                (
                    "L’albero degli zoccoli".to_string(),
                    "Ermanno Olmi".to_string()
                ),
                (
                    "La classe operaia va in Paradiso".to_string(),
                    "Elio Petri".to_string()
                ),
                (
                    "Vesna va veloce".to_string(),
                    "Carlo Mazzacurati".to_string()
                ),
                (
                    "Tutta la vita davanti".to_string(),
                    "Paolo Virzì".to_string()
                ),
            ]
        );
        // What the film is, before "de"; a demonym after it.
        assert_eq!(
            pairs("além de Mamma Roma, de Pier Paolo Pasolini, e A Camareira, estreia de Lila Avilés que representou o México; e A Pequena Vendedora de Sol, do senegalês Djibril Diop Mambéty, exibido"),
            [
                ("Mamma Roma".to_string(), "Pier Paolo Pasolini".to_string()),
                ("A Camareira".to_string(), "Lila Avilés".to_string()),
                ("A Pequena Vendedora de Sol".to_string(), "Djibril Diop Mambéty".to_string()),
            ]
        );
        // A country in parentheses after the title is the film's.
        assert_eq!(
            comma_by("a las 22.00, Un hombre sin importancia (Irlanda), de Suri Krishnamma, y"),
            [(
                "Un hombre sin importancia".to_string(),
                "Suri Krishnamma".to_string(),
                vec![Part::Country("Irlanda".to_string())]
            )]
        );
        // A given name before the last word keeps it: the surname.
        assert_eq!(
            pairs("Rosetta, di Jean-Pierre e Luc Dardenne racconta una ragazza"),
            [(
                "Rosetta".to_string(),
                "Jean-Pierre e Luc Dardenne".to_string()
            )]
        );
    }

    #[test]
    fn films_after_a_directing_verb() {
        let text = "1925 – Il regista sovietico Sergej Ejzenstejn dirige Sciopero! pellicola dai chiari intenti. 1963 – Mario Monicelli dirige I compagni, in cui degli operai scioperano. 1975 – Luciano Salce dirige il primo Fantozzi che fa ridere.";
        assert_eq!(
            directed_by_verb(text),
            [
                (
                    "Sciopero!".to_string(),
                    "Sergej Ejzenstejn".to_string(),
                    Some(1925)
                ),
                (
                    "I compagni".to_string(),
                    "Mario Monicelli".to_string(),
                    Some(1963)
                ),
            ]
        );
    }

    #[test]
    fn titles_listed_with_their_countries() {
        let text = "Las películas que se exhibieron, se encontraban Troperos (Argentina), Fuera de Sistema (Chile) y el documental Carne propia (Argentina).";
        let titles: Vec<String> = country_items(text).into_iter().map(|t| t.0).collect();
        assert_eq!(titles, ["Troperos", "Fuera de Sistema", "Carne propia"]);
        // One is not a list; without films in the paragraph, nothing.
        assert!(country_items("Las películas de Troperos (Argentina).").is_empty());
        assert!(country_items("Visits to Lyon (France), Turin (Italy) and Leeds (UK).").is_empty());
    }

    #[test]
    fn a_title_ends_a_run_of_capitalised_words() {
        let w: Vec<&str> = "clássicos fundamentais como Tempos Modernos"
            .split(' ')
            .collect();
        assert_eq!(title_start(&w), Some(3));
        let w: Vec<&str> = "títulos modernos como Como Enlouquecer seu Chefe"
            .split(' ')
            .collect();
        assert_eq!(title_start(&w), Some(3));
    }
}

//! Quoted titles in running text: which quotations are films (with their
//! makers or year after them, after a film word, screened on the date the
//! paragraph gives, an example in parentheses, the subject a paragraph
//! opens with) and which name a show, a place or what the press said.

use super::*;

/// Quoted titles in a paragraph: with their makers after them ("“Il
/// posto” di Ermanno Olmi"), with their year ("„Streik“ (1925)"), after a
/// film word ("la película “La cuestión humana”"), screened on a date the
/// paragraph gives, as an example in parentheses or as the subject that
/// opens a paragraph about films; other short quotations in a paragraph
/// about films are unsure.
pub(super) fn quoted_mentions(text: &str, about_films: bool, dated: bool, found: &mut Found) {
    for (open, close) in QUOTE_PAIRS {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            // An apostrophe inside a word is no quotation mark.
            if open == '\'' || open == '’' {
                let before = rest[..i].chars().next_back();
                if before.is_some_and(char::is_alphanumeric) {
                    rest = &rest[i + open.len_utf8()..];
                    continue;
                }
            }
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = find_close(after, close) else {
                // (A ‘ closed by nothing but another ‘ may be closed by a ’:
                // the next quotation is looked at.)
                if close == '‘' {
                    rest = after;
                    continue;
                }
                break;
            };
            let inner = after[..j].trim();
            let tail = &after[j + close.len_utf8()..];
            // A capital, a digit, or a letter of a script without case
            // (Korean, Chinese, Japanese).
            let titled = inner.chars().next().is_some_and(|c| {
                c.is_uppercase() || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_lowercase())
            }) && (1..=8).contains(&inner.split_whitespace().count())
                && !inner.ends_with(['?', '!', '.', ',']);
            // „Streik“ (1925): a title and its year.
            let year = tail
                .trim_start()
                .strip_prefix('(')
                .and_then(|t| t.get(..4))
                .filter(|y| super::super::credits::is_year(y))
                .and_then(|y| y.parse::<i32>().ok());
            let mut with_director = false;
            // "‘무엇이 문제인가-독일금속노조, 이상과 현실’(Holger Wwgemann・2007·81m)":
            // the credits in the parentheses right after the quotation, cut
            // at middle dots or commas: a year or a runtime says it is a
            // film, and one other piece is who made it.
            if let Some((year, runtime, maker)) = credits_in_parentheses(tail).filter(|_| titled) {
                found.push(
                    &format!("{inner}\u{1f}{}", maker.unwrap_or_default()),
                    true,
                    year,
                );
                let named = found.0.iter_mut().find(|m| fold(&m.title) == fold(inner));
                if let (Some(minutes), Some(m)) = (runtime, named) {
                    if !m.parts.iter().any(|p| matches!(p, Part::Runtime(_))) {
                        m.parts.push(Part::Runtime(minutes));
                    }
                }
                rest = &after[j + close.len_utf8()..];
                continue;
            }
            if let Some((makers, after)) = super::super::names::makers_after(tail) {
                if inner.split_whitespace().count() <= 10 {
                    // "“La gueule de l'emploi” de Didier Cros (2011), qui…".
                    let year = year.or_else(|| {
                        after
                            .trim_start()
                            .starts_with('(')
                            .then(|| {
                                super::super::titles::title_line(&format!("x {}", after.trim()))
                            })
                            .and_then(|tl| tl.year_given())
                    });
                    found.push(&format!("{inner}\u{1f}{}", makers.join(", ")), true, year);
                    with_director = true;
                }
            }
            // "la película “La cuestión humana”", "the film ‘Pride’": a
            // film word right before the quotation says what it is.
            // The three words before the quotation, folded, nearest first.
            let before: Vec<String> = rest[..i]
                .split_whitespace()
                .rev()
                .take(3)
                .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
                .collect();
            // ("a mostra de filme “Trabalhador de Fatos”" names the show;
            // "Biblioteca Popular “La Chicharra”" a place.)
            // (Only when the words between join the show's word to the name:
            // "el ciclo de cine comienza con “El sentido del tiempo”" names
            // a film.)
            let raw_before: Vec<&str> = rest[..i].split_whitespace().rev().take(3).collect();
            let joins = |w: &&str| {
                let f = fold(w);
                w.chars().next().is_some_and(char::is_uppercase)
                    || FILM_WORDS.contains(&f.as_str())
                    || FILM_PLURALS.contains(&f.as_str())
                    || matches!(
                        f.as_str(),
                        "de" | "del" | "da" | "di" | "of" | "du" | "des" | "y" | "e" | "et" | "and"
                    )
            };
            let names_a_show_or_place = (1..before.len()).any(|k| {
                (SHOW_WORDS.contains(&before[k].as_str())
                    || super::super::lexicon::VENUE_WORDS.contains(&before[k].as_str()))
                    && raw_before[..k].iter().all(joins)
            });
            let named_film = before.first().is_some_and(|w| {
                FILM_WORDS.contains(&w.as_str()) || FILM_PLURALS.contains(&w.as_str())
            }) && !names_a_show_or_place;
            // "Giovedì 23 ottobre alle h 18.00 … presenterà “Signorinaeffe”":
            // a quoted title in a paragraph that says when it is shown is a
            // screening, unless the word before names a series or an event
            // ("la rassegna “Sguardi al lavoro”").
            let word_before = rest[..i]
                .split_whitespace()
                .next_back()
                .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
                .unwrap_or_default();
            // ("…chiuderanno questa rassegna: “I sogni del Signor Rossi”":
            // after a colon the series' word names what follows.)
            let after_colon = rest[..i].trim_end().ends_with(':');
            let screened = dated
                && !names_a_show_or_place
                && (after_colon
                    || !super::super::lines::is_heading(&word_before)
                        && !SHOW_WORDS.contains(&word_before.as_str()));
            // With its year it is a film; a short quoted title in a
            // paragraph about films may be one (or the series' name).
            // "Dokumentationen über Sexarbeiterinnen („Whores’ Glory“)": a
            // quoted title in parentheses, in a paragraph about films, is
            // an example of one.
            let example = about_films
                && rest[..i].trim_end().ends_with('(')
                && tail.trim_start().starts_with(')');
            // "\"Grèves à la chaîne\" is slachtoffer van …": a quoted title
            // opening a paragraph about films, the subject of its sentence
            // (not a press quotation: "“Moving” says the Guardian").
            let next_word = tail.split_whitespace().next().unwrap_or("");
            let subject = about_films
                && text[..text.len() - rest.len() + i].trim().is_empty()
                && next_word.chars().next().is_some_and(char::is_lowercase)
                && !SPEECH_VERBS.contains(&fold(next_word).as_str());
            let example = example || subject;
            if !with_director && titled && (year.is_some() || named_film || screened || example) {
                // (The quotation marks say where the title ends: "I sogni
                // del Signor Rossi" is no title and director.)
                found.push(&format!("{inner}\u{1f}"), true, year);
            } else if !with_director && titled && about_films {
                found.push(&format!("{inner}\u{1f}"), false, None);
            }
            rest = &after[j + close.len_utf8()..];
        }
    }
}

/// The year, runtime and maker given in parentheses right after a
/// quotation ("(노동자뉴스제작단·2008)", "(Holger Wwgemann・2007·81m)"), when
/// a year or a runtime is among them.
fn credits_in_parentheses(tail: &str) -> Option<(Option<i32>, Option<u32>, Option<String>)> {
    let inner = tail.trim_start().strip_prefix('(')?;
    let inner = &inner[..inner.find(')')?];
    let (mut year, mut runtime, mut others) = (None, None, Vec::new());
    for piece in inner
        .split(['·', '・', ',', '，', '、', '/'])
        .map(str::trim)
    {
        if super::super::credits::is_year(piece) {
            year = piece.parse().ok();
        } else if piece.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            runtime = runtime
                .or(super::super::runtime::parse(piece).filter(|&m| (1..=1500).contains(&m)));
        } else if !piece.is_empty() {
            others.push(piece);
        }
    }
    if year.is_none() && runtime.is_none() {
        return None;
    }
    // One maker, shaped as a name or written in a script without case.
    let maker = match others[..] {
        [who]
            if (2..=40).contains(&who.chars().count())
                && (super::super::fields::is_name_shaped(who)
                    || who
                        .chars()
                        .all(|c| super::super::spaced_cjk::is_cjk(c) || c == ' ')) =>
        {
            Some(who.to_string())
        }
        _ => None,
    };
    Some((year, runtime, maker))
}

/// Verbs that say who said a quotation (folded).
const SPEECH_VERBS: &[&str] = &[
    "says", "said", "writes", "wrote", "dit", "ecrit", "sagt", "schreibt", "dice", "scrive", "diz",
    "escreve", "zegt", "schrijft", "escribe",
];

/// Words for what is shown besides films: a quotation after them names a
/// play, a concert, an exhibition, a talk or a book (folded).
const SHOW_WORDS: &[&str] = &[
    "spettacolo",
    "concerto",
    "mostra",
    "libro",
    "book",
    "play",
    "concert",
    "exhibition",
    "talk",
    "lecture",
    "livre",
    "piece",
    "spectacle",
    "exposition",
    "conference",
    "buch",
    "ausstellung",
    "vortrag",
    "konzert",
    "theaterstuck",
    "libro",
    "obra",
    "exposicion",
    "charla",
    "livro",
    "peca",
    "exposicao",
    "palestra",
    "tema",
    "theme",
    "thema",
    "motto",
    "titolo",
    "title",
    "titel",
    "titre",
    "titulo",
    "progetto",
    "project",
    "projekt",
    "projet",
    "proyecto",
    "projeto",
    "rassegna",
    "series",
    "serie",
    "cycle",
    "ciclo",
    "reihe",
    "edizione",
    "edition",
    "festival",
    "programme",
    "program",
    "programma",
    "soiree",
    "soirees",
    "evening",
    "night",
    "serata",
    "noche",
    "velada",
    "abend",
    "concorso",
    "competition",
    "wettbewerb",
    "concours",
    "concurso",
    "giornata",
    "journee",
    "convegno",
    "congress",
    "conference",
    "kongress",
    "seminar",
    "seminario",
    "workshop",
    "atelier",
    "incontro",
    "rencontre",
    "debate",
    "dibattito",
    "evento",
    "event",
    "evenement",
    "veranstaltung",
    "sezione",
    "section",
    "sektion",
    "seccion",
    "secao",
    "award",
    "prize",
    "premio",
    "prix",
    "preis",
    "settimana",
    "week",
    "semaine",
    "woche",
    "semana",
    "mese",
    "month",
    "mois",
    // Places and bodies: "Samoobrazovni univerzitet “Svetozar Marković”".
    "univerzitet",
    "university",
    "universita",
    "universite",
    "universidad",
    "universidade",
    "universitat",
    "institut",
    "institute",
    "istituto",
    "instituto",
    "fondazione",
    "foundation",
    "fondation",
    "stiftung",
    "fundacion",
    "fundacao",
    "museum",
    "museo",
    "musee",
    "museu",
    "club",
    "circolo",
    "associazione",
    "association",
    "verein",
    "asociacion",
    "associacao",
    "cinema",
    "kino",
    "cine",
    "teatro",
    "theatre",
    "theater",
    "sala",
    "hall",
    "salle",
    "saal",
    "school",
    "scuola",
    "ecole",
    "schule",
    "escuela",
    "escola",
    "library",
    "biblioteca",
    "bibliotheque",
    "bibliothek",
    "cinematheque",
    "cineteca",
    "centre",
    "center",
    "centro",
    "zentrum",
    "casa",
    "haus",
    "maison",
    "house",
];

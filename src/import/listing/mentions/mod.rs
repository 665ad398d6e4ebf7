//! Films named in running text: "with films such as Norma Rae, Silkwood
//! and Blue Collar", "des films comme Coup pour coup et Tout va bien", and
//! any title the catalogue knows written in a paragraph that belongs to no
//! entry (an introduction, an article).
//!
//! A list after a phrase that says films follow ("films such as",
//! "films including", "des films comme", "Filme wie") gives titles; items
//! must look like titles (capitalised, short). Other lists ("such as",
//! "including") give only titles the catalogue knows, or uncertain ones.

use super::credits::Part;
use super::guard::Knowledge;
use super::inline::{counted_in_parentheses, credited_items, title_and_director};
use super::lists::{
    list_items, parenthesised_lists, sentences, without_relative_clause, FILM_LISTS, LISTS,
};
use super::made_by::{after_film_word, comma_by, directed_by_verb};
use super::quotes::{find_close, quoted_with_makers, QUOTE_PAIRS};
use super::sentences::{film_sentence, film_word_colon, find_words, FILM_PLURALS, FILM_WORDS};
use crate::text::fold;

mod appositive;
mod framed;
mod listed;
mod quoted;

use listed::listed_mentions;
use quoted::quoted_mentions;

/// A title found in prose, its director when the text gives one, and
/// whether the text says it is a film.
#[derive(Debug, PartialEq)]
pub(super) struct Mention {
    pub(super) title: String,
    pub(super) director: Option<String>,
    pub(super) year: Option<i32>,
    pub(super) certain: bool,
    /// Credits the text gives the film ("(Italia, 2022, 14’)").
    pub(super) parts: Vec<Part>,
}

/// The films a paragraph names, as its readers find them.
#[derive(Default)]
struct Found(Vec<Mention>);

impl Found {
    /// A title a reader found, with its director after "\u{1f}" when the
    /// reader told them apart, whether the reader is sure, and the year.
    fn push(&mut self, item: &str, certain: bool, year: Option<i32>) {
        // "Il posto di Ermanno Olmi": the title and its director; "\u{1f}"
        // joins a title and a director already told apart.
        // (A title with "\u{1f}" and nothing after it is taken whole:
        // "El fin de San Petersburgo" is no title and director.)
        let (title, director) = match item.split_once('\u{1f}') {
            Some((t, d)) => (t.to_string(), (!d.is_empty()).then(|| d.to_string())),
            // "'Het geheim van carnaval' van Barbara de Baare": a quoted
            // title and who made it.
            None => quoted_with_makers(item).unwrap_or_else(|| title_and_director(item)),
        };
        let title = title
            .trim()
            .trim_matches(|c: char| "\"“”«»‘’'*_".contains(c))
            .trim()
            .to_string();
        if title.is_empty() {
            return;
        }
        let certain = certain || director.is_some();
        // Named twice: a later, surer reading ("Tempos Modernos, de
        // Charles Chaplin") completes an earlier one: what it lacks, and
        // its doubt.
        if let Some(m) = self.0.iter_mut().find(|m| fold(&m.title) == fold(&title)) {
            if certain {
                m.certain = true;
                m.director = m.director.take().or(director);
                m.year = m.year.or(year);
            }
            return;
        }
        self.0.push(Mention {
            title,
            director,
            year,
            certain,
            parts: Vec::new(),
        });
    }
}

/// The films a paragraph names.
pub(super) fn mentions(text: &str, k: &Knowledge) -> Vec<Mention> {
    let mut found = Found::default();
    // "…con: Guardiano del faro di Lorenzo Ferrò (Italia, 2022, 14’),
    // Auxiliaire di Lucas Bacle (Francia, 2022, 24’) e …": films with their
    // credits in parentheses.
    // "…se encontraban Troperos (Argentina), Fuera de Sistema (Chile) y
    // Norma Rae (EE.UU), el documental Carne propia (Argentina)": titles,
    // each with its country, listed in a paragraph about films.
    let mut items = credited_items(text);
    if items.is_empty() {
        items = super::inline::country_items(text);
    }
    // Titles read up to their parentheses are whole: a reading of a piece
    // of one ("Made in L" of "Made in L.A. (2007)", "000 Black Men…" of
    // "10,000 Black Men Named George (2002)") is dropped below.
    let whole: Vec<String> = items.iter().map(|(t, ..)| fold(t)).collect();
    for (title, director, parts) in items {
        let year = parts.iter().find_map(|p| match p {
            Part::Year(y) => Some(*y),
            _ => None,
        });
        if !found.0.iter().any(|m| fold(&m.title) == fold(&title)) {
            found.0.push(Mention {
                title,
                director,
                year,
                certain: true,
                parts,
            });
        }
    }
    // Titles in lists that do not say they are films ("such as …", a list
    // in parentheses): sure when the paragraph speaks of films and names
    // others surely.
    let mut listed = listed_mentions(text, k, &mut found);
    // A quoted title with its director after it: "“Il posto” di Ermanno
    // Olmi", "«Coup pour coup» de Marin Karmitz".
    // Whether the paragraph speaks of films: then a short quoted title in
    // it is one ("Dokumentationen über Sexarbeiterinnen („Whores’ Glory“)").
    let about_films = about_films_in(text);
    // Whether the paragraph says when: a day and month, or a clock time.
    let dated = super::fields::has_day_and_month(text)
        || text
            .split_whitespace()
            .any(|t| super::fields::is_time(t.trim_matches(|c: char| c == ',' || c == '.')));
    quoted_mentions(text, about_films, dated, &mut found);
    // "Harlan County, USA di Barbara Kopple, Oscar…", "We want sex è un
    // film del 2010 diretto da Nigel Cole": a sentence about a film.
    for sentence in text.split_inclusive(". ") {
        if let Some(m) = film_sentence(sentence.trim()) {
            let certain = true;
            let item = match &m.1 {
                Some(d) => format!("{} by {d}", m.0),
                None => m.0.clone(),
            };
            found.push(&item, certain, m.2);
        }
    }
    // "The 1979 film Norma Rae, directed by Martin Ritt, is…": a title
    // after an article, its year and a film word. A longer reading
    // around it (one that took the frame into the title) is dropped below.
    let framed: Vec<String> = framed::framed_films(text)
        .into_iter()
        .map(|(title, director, year)| {
            found.push(
                &format!("{title}\u{1f}{}", director.unwrap_or_default()),
                true,
                Some(year),
            );
            fold(&title)
        })
        .collect();
    // "draait Peterloo, een film gebaseerd op…": a title and what it is.
    for (title, makers, year) in appositive::appositive_films(text) {
        found.push(
            &format!("{title}\u{1f}{}", makers.unwrap_or_default()),
            true,
            year,
        );
    }
    // "…, se proyecta Así reían, del italiano Gianni Amelio; a las 19.30,
    // Recursos humanos, del francés Laurent Cantet": a title, a comma, and
    // its director after "de"/"del"/"di"/"by" (a demonym may come between).
    let mut located: Vec<(String, Vec<Part>)> = Vec::new();
    for (title, director, parts) in comma_by(text) {
        found.push(&format!("{title}\u{1f}{director}"), true, None);
        located.push((fold(&title), parts));
    }
    // "Michael Powell's 1934 drama Red Ensign, a story of romance…".
    for (title, director, year) in super::made_by::possessive_makers(text) {
        found.push(&format!("{title}\u{1f}{director}"), true, year);
    }
    // "Volker Koepps Dokumentarfilm Die Wismut (1993)".
    for (title, director) in super::made_by::genitive_makers(text) {
        found.push(&format!("{title}\u{1f}{director}"), true, None);
    }
    // "1) In I'm Alright, Jack, a militant shop steward…", "Guy Debord's
    // first feature, The Society and the Spectacle, mixes…".
    for (title, director) in super::made_by::titles_in_sentences(text, false) {
        found.push(
            &format!("{title}\u{1f}{}", director.unwrap_or_default()),
            true,
            None,
        );
    }
    // "l'anteprima del film On va tout Péter di Lech Kowalski", "il film
    // di Nicholas Philibert In ogni istante".
    for (title, director) in after_film_word(text) {
        found.push(&format!("{title}\u{1f}{director}"), true, None);
    }
    // "zeigt … vier Filme, die …: … (Louise-Michel), über … (Factory to
    // the Workers), …": as many titles in parentheses as the films it says.
    for title in counted_in_parentheses(text) {
        found.push(&title, true, None);
    }
    // "1963 – Mario Monicelli dirige I compagni, in cui…".
    for (title, director, year) in directed_by_verb(text) {
        found.push(&format!("{title}\u{1f}{director}"), true, year);
    }
    // "…en estas películas (Daens, Harlan County USA, La huelga, Norma
    // Rae, …)": titles listed in parentheses in a paragraph about films,
    // sure when the catalogue knows one of them.
    if about_films {
        for items in parenthesised_lists(text) {
            let known = items.iter().any(|i| k.knows_title(i));
            for item in items {
                if !known {
                    listed.push(item.clone());
                }
                found.push(&format!("{item}\u{1f}"), known, None);
            }
        }
    }
    // Titles the catalogue knows, written in the text (not as part of a
    // longer title read elsewhere: "Der Banker – Master of the Universe",
    // see below).
    let known_in_text = k.titles_in(text);
    for title in &known_in_text {
        found.push(title, true, None);
        // "Sonne Unter Tage (2022) dreht sich um…": the credits in
        // parentheses right after it are its own.
        if let Some(parts) = credits_after(text, title) {
            located.push((fold(title), parts));
        }
    }
    // Quoted titles and titles the catalogue knows.
    for (open, close) in [('“', '”'), ('«', '»'), ('"', '"'), ('„', '“')] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = after.find(close) else { break };
            let inner = &after[..j];
            if k.knows_title(inner) {
                found.push(inner, true, None);
            }
            rest = &after[j + close.len_utf8()..];
        }
    }
    let mut out = found.0;
    out.retain(|m| {
        let f = fold(&m.title);
        !framed
            .iter()
            .any(|t| f.len() > t.len() && f.contains(t.as_str()))
            && !whole
                .iter()
                .any(|t| t.len() > f.len() && t.contains(f.as_str()))
    });
    let titles: Vec<String> = out.iter().map(|m| fold(&m.title)).collect();
    out.retain(|m| {
        let f = fold(&m.title);
        !known_in_text.iter().any(|k| fold(k) == f)
            || !titles.iter().any(|l| l.len() > f.len() && l.contains(&f))
    });
    // "il regista Daniele Segre incontrerà il pubblico … “Morire di
    // lavoro”": the one film a paragraph shows, and the director it names.
    let sure: Vec<usize> = (0..out.len()).filter(|&i| out[i].certain).collect();
    if let [only] = sure[..] {
        if out[only].director.is_none() {
            out[only].director = director_in_person(text);
        }
    }
    // "Un hombre sin importancia (Irlanda), de Suri Krishnamma", "1991 –
    // Riff Raff, di Ken Loach": the country and the year given beside a
    // title.
    for (title, parts) in located {
        if let Some(m) = out.iter_mut().find(|m| fold(&m.title) == title) {
            for p in parts {
                match p {
                    Part::Year(y) => m.year = m.year.or(Some(y)),
                    Part::Country(_) if m.parts.iter().any(|p| matches!(p, Part::Country(_))) => {}
                    p => m.parts.push(p),
                }
            }
        }
    }
    // A paragraph about films that names three or more surely: its other
    // lists name films too ("…otros títulos como Comrades o El rigor del
    // destino", "…del cine italiano (La caza trágica, El molino del Po)").
    if about_films && out.iter().filter(|m| m.certain).count() >= 3 {
        for m in out.iter_mut() {
            if !m.certain
                && m.director.is_none()
                && listed.iter().any(|l| fold(l) == fold(&m.title))
            {
                m.certain = true;
            }
        }
    }
    out
}

/// The credits in parentheses right after a title's first place in a text
/// ("Sonne Unter Tage (2022)", "Frauen-Leben (BRD 1980)"): a year, or a
/// credit line.
fn credits_after(text: &str, title: &str) -> Option<Vec<Part>> {
    let at = text.find(title)?;
    let rest = text[at + title.len()..].trim_start().strip_prefix('(')?;
    let inner = &rest[..rest.find(')')?];
    if super::credits::is_year(inner.trim()) {
        return Some(vec![Part::Year(inner.trim().parse().ok()?)]);
    }
    super::credits::credit_line(inner).filter(|parts| {
        parts
            .iter()
            .any(|p| matches!(p, Part::Year(_) | Part::Runtime(_)))
    })
}

/// A director named by their trade in a paragraph ("il regista Daniele
/// Segre", "the director Ken Loach", "der Regisseur Volker Koepp"): the
/// name after the word, two to four capitalised words.
fn director_in_person(text: &str) -> Option<String> {
    const TRADE: &[&str] = &[
        "il regista ",
        "la regista ",
        "the director ",
        "director ",
        "le réalisateur ",
        "la réalisatrice ",
        "der regisseur ",
        "die regisseurin ",
        "el director ",
        "la directora ",
        "o realizador ",
        "a realizadora ",
        "o diretor ",
        "a diretora ",
        "de regisseur ",
    ];
    let lower = crate::text::lower_keeping_offsets(text);
    for t in TRADE {
        let Some(at) = find_words(&lower, t.trim_end()) else {
            continue;
        };
        // The same byte offsets: the trade words are lower case in both.
        let Some(rest) = text.get(at + t.len()..) else {
            continue;
        };
        let mut name: Vec<&str> = rest
            .split_whitespace()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || super::fields::NAME_PARTICLES.contains(w)
            })
            .take(4)
            .map(|w| w.trim_end_matches([',', '.', ';', ':']))
            .collect();
        while name
            .last()
            .is_some_and(|w| super::fields::NAME_PARTICLES.contains(w))
        {
            name.pop();
        }
        let name = name.join(" ");
        // A person: a given name first ("the director's Black Girl" names
        // none).
        if (2..=4).contains(&name.split_whitespace().count())
            && super::fields::is_name_shaped(&name)
            && name
                .split_whitespace()
                .next()
                .is_some_and(super::fields::is_given_name)
        {
            return Some(name);
        }
    }
    None
}

/// Whether a paragraph speaks of films: then a short quoted title in it
/// may be one.
fn about_films_in(text: &str) -> bool {
    let lower = text.to_lowercase();
    FILM_WORDS
        .iter()
        .chain(
            [
                "filme",
                "films",
                "documentaires",
                "dokumentationen",
                "kurzfilm",
                "영화",
                "映画",
                "电影",
                "電影",
                "stummfilm",
            ]
            .iter(),
        )
        .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The titles the readers are sure of.
    fn sure_titles(m: &[Mention]) -> Vec<&str> {
        m.iter()
            .filter(|m| m.certain)
            .map(|m| m.title.as_str())
            .collect()
    }

    #[test]
    fn titles_listed_in_parentheses() {
        let mut k = Knowledge::default();
        k.add_title("Norma Rae");
        let text = "En estas películas la huelga es central (Los puertos, Norma Rae, El fin de San Petersburgo). Otras obras (Uno, dos, tres) son comedias.";
        let m = mentions(text, &k);
        let sure = sure_titles(&m);
        assert_eq!(
            sure,
            ["Los puertos", "Norma Rae", "El fin de San Petersburgo"]
        );
        assert!(m.iter().all(|m| m.director.is_none()));
    }

    #[test]
    fn other_lists_in_a_paragraph_that_names_films() {
        let k = Knowledge::default();
        let text = "La minería aparece en filmes como Borinage, Germinal, ¡Qué verde era mi valle!, Strikebound que narran conflictos laborales; y el campo en el cine italiano (La caza trágica, El molino del Po, Hay que quemar a un hombre) además de otros títulos como Comrades o El rigor del destino.";
        let m = mentions(text, &k);
        let sure = sure_titles(&m);
        assert_eq!(
            sure,
            [
                "Borinage",
                "Germinal",
                "¡Qué verde era mi valle!",
                "Strikebound",
                "Comrades",
                "El rigor del destino",
                "La caza trágica",
                "El molino del Po",
                "Hay que quemar a un hombre"
            ]
        );
        // Alone, a list that does not say it names films stays unsure.
        let m = mentions("Workers such as Miners and Dockers struck.", &k);
        assert!(m.iter().all(|m| !m.certain), "{m:?}");
    }

    #[test]
    fn examples_in_parentheses_and_titles_inside_longer_ones() {
        let mut k = Knowledge::default();
        k.add_title("Master of the Universe");
        k.add_title("Women's Day");
        let m = mentions("Filme mit FabrikarbeiterInnen sind genauso darunter zu finden wie Dokumentationen über Sexarbeiterinnen („Whores’ Glory“) oder Top Manager („Der Banker – Master of the Universe“).", &k);
        let sure = sure_titles(&m);
        assert_eq!(
            sure,
            ["Whores’ Glory", "Der Banker – Master of the Universe"]
        );
        let m = mentions(
            "On 8 March, the centenary of International Women's Day, there was a rare screening.",
            &k,
        );
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn a_list_of_quoted_titles_with_commas_inside() {
        let k = Knowledge::default();
        let m = mentions("Met deze week de volgende documentaires: 'The Happy Worker' van John Webster, 'Esther & de wet, de zaak tegen Shell' van Tatiana Scheltema en 'Broertje is verdwaald' van Bart Hölscher.", &k);
        let got: Vec<(&str, Option<&str>)> = m
            .iter()
            .map(|m| (m.title.as_str(), m.director.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("The Happy Worker", Some("John Webster")),
                (
                    "Esther & de wet, de zaak tegen Shell",
                    Some("Tatiana Scheltema")
                ),
                ("Broertje is verdwaald", Some("Bart Hölscher")),
            ]
        );
    }

    #[test]
    fn the_one_film_a_paragraph_shows_and_its_director_in_person() {
        let k = Knowledge::default();
        let m = mentions("Venerdì 24 ottobre alle h 21.00 il regista Gianni Zanasi e gli attori Giuseppe Battiston e Teco Celio introdurranno “Non pensarci”.", &k);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].title, "Non pensarci");
        assert_eq!(m[0].director.as_deref(), Some("Gianni Zanasi"));
        // Quotation marks hold a title whole: "del Signor Rossi" is no maker.
        let m = mentions("Chiuderanno questa rassegna: “I sogni del Signor Rossi” domenica 26 ottobre alle h 15.00.", &k);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].title, "I sogni del Signor Rossi");
        assert!(m[0].certain && m[0].director.is_none());
    }

    #[test]
    fn quoted_names_of_shows_and_places_are_no_films() {
        let k = Knowledge::default();
        let m = mentions("O Sesc Santana realiza no mês de maio a mostra de filme “Trabalhador de Fatos”, com a entrada gratuita.", &k);
        assert!(m.iter().all(|m| !m.certain), "{m:?}");
        let m = mentions("Con la proyección de “Lazos de familia” de Ken Loach, el martes a las 18.30 comenzará un ciclo de cine en la Biblioteca Popular “La Chicharra”, en 18 y 71.", &k);
        let sure = sure_titles(&m);
        assert_eq!(sure, ["Lazos de familia"]);
    }

    #[test]
    fn a_quoted_title_opening_a_paragraph_about_films() {
        let k = Knowledge::default();
        let m = mentions("\"Grèves à la chaîne\" is slachtoffer van een blokkade, en dus is de film op zoek naar plekken.", &k);
        assert!(m.len() == 1 && m[0].certain, "{m:?}");
        // A press quotation is no title.
        let m = mentions("“Powerful and moving” says the Guardian of this film.", &k);
        assert!(m.iter().all(|m| !m.certain), "{m:?}");
    }

    #[test]
    fn recommendations_in_a_thread_about_films() {
        let k = Knowledge::default();
        let m = mentions("I asked my friends at Working Films, who connect film makers with organizers, and Molly Murphy there suggested:  The Hand That Feeds and Food Chains.  She says she can make introductions.", &k);
        let sure = sure_titles(&m);
        assert_eq!(sure, ["The Hand That Feeds", "Food Chains"]);
        let m = mentions(
            "I'd also recommend The Molly McGuires, directed by Martin Ritt, with Sean Connery.",
            &k,
        );
        assert_eq!(m[0].title, "The Molly McGuires");
        assert_eq!(m[0].director.as_deref(), Some("Martin Ritt"));
    }

    #[test]
    fn lists_of_films_in_prose() {
        let k = Knowledge::default();
        let m = mentions(
            "The strand opens with films such as Norma Rae, Silkwood and Blue Collar. Tickets are free.",
            &k,
        );
        let titles: Vec<&str> = m.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, ["Norma Rae", "Silkwood", "Blue Collar"]);
        assert!(m.iter().all(|m| m.certain));
        let m = mentions(
            "I film in programma sono: Pane e cioccolata di Franco Brusati (presente il regista), Itaker di Toni Trupia e La migliore offerta di Giuseppe Tornatore.",
            &k,
        );
        let titles: Vec<&str> = m.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Pane e cioccolata", "Itaker", "La migliore offerta"]
        );
        let m = mentions(
            "Si parte alle ore 15 con: Guardiano del faro di Lorenzo Ferrò (Italia, 2022, 14’), Auxiliaire di Lucas Bacle (Francia, 2022, 24’) e La voix des autres di Fatima Kaci (Francia, 2023, 30’).",
            &k,
        );
        let got: Vec<(&str, Option<&str>, Option<i32>)> = m
            .iter()
            .map(|m| (m.title.as_str(), m.director.as_deref(), m.year))
            .collect();
        assert_eq!(
            got,
            [
                ("Guardiano del faro", Some("Lorenzo Ferrò"), Some(2022)),
                ("Auxiliaire", Some("Lucas Bacle"), Some(2022)),
                ("La voix des autres", Some("Fatima Kaci"), Some(2023))
            ]
        );
        assert_eq!(m[0].parts.len(), 3);
        let m = mentions("Workers such as miners and dockers struck.", &k);
        assert!(m.is_empty(), "{m:?}");
    }
}

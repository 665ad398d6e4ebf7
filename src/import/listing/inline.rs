//! Films written inline in running text with what identifies them in
//! parentheses: their credits ("Guardiano del faro di Lorenzo Ferrò
//! (Italia, 2022, 14’), Auxiliaire di …", or a year alone where the text
//! says it is a film), their country in a list ("Troperos (Argentina),
//! Fuera de Sistema (Chile)"), or as many titles in parentheses as the
//! paragraph says it shows ("vier Filme … (Nae Pasaran)"); and where a
//! title starts in the words before them. Films named with who made them
//! are `made_by`'s. `mentions` asks these readers of every paragraph that
//! belongs to no entry.

use super::credits::Part;
use super::fields::is_name_shaped;
use super::lines::by_director;

/// Words that join the last two items of a list ("…, Matewan and Salt of
/// the Earth").
const JOINERS: &[&str] = &[
    " e ", " and ", " y ", " et ", " und ", " en ", " och ", " i ",
];

/// Films in running text each followed by its credits in parentheses: a
/// year or a runtime in them says the words before are a film, from the
/// end of the item before (a comma, a colon, a full stop, or "and" before
/// a capital) — "Title di Name (Country, 2022, 14’)", "Title (2019, 84
/// min)". Parentheses without credits ("(The Shift)") stay in the item.
pub(super) fn credited_items(text: &str) -> Vec<(String, Option<String>, Vec<Part>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let groups = super::fields::parentheses(text);
    let listed = listed_years(text, &groups);
    for (n, &(open, close)) in groups.iter().enumerate() {
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
        // ("(1989, reż. Janusz Kijowski)": who made it is a fact too.)
        let facts = parts
            .iter()
            .filter(|p| {
                matches!(p, Part::Year(_) | Part::Runtime(_) | Part::Country(_))
                    || matches!(p, Part::Name(n) if is_name_shaped(n) && n.contains(' '))
            })
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
        if facts < 2 && made_by.is_none() && !film_after && !film_before && !listed[n] {
            continue;
        }
        start = close + 1;
        // (A separator that ends the text before the parenthesis is no
        // item's start: "Made in L.A. (2007)".)
        let trimmed = before.trim_end();
        // An item of a list of titles with their years starts after the
        // list's own separator ("Harlan County, USA (1976)" in a list cut
        // by semicolons) or the colon that opens the list.
        let mut cut = match listed[n]
            .then(|| list_separator(text, &groups, n))
            .flatten()
        {
            Some(sep) if trimmed.contains(sep) => super::fields::after_last(trimmed, &[sep]),
            Some(_) => super::fields::after_last(trimmed, &[": "]),
            None => super::fields::after_last(
                trimmed,
                &[", ", ": ", ". ", "; ", " – ", " — ", "? ", "! "],
            ),
        };
        // (In a list of titles with their years the list's separator cut
        // the item: "With Babies and Banners: Story of…" keeps its "and",
        // and only a joiner opening the item goes: "…, and Matewan
        // (1987)".)
        let joiners: &[&str] = if listed[n] { &[] } else { JOINERS };
        if listed[n] {
            let rest = before[cut..].trim_start();
            if let Some(joiner) = JOINERS
                .iter()
                .map(|j| j.trim_start())
                .find(|j| rest.starts_with(j))
            {
                cut = before.len() - rest.len() + joiner.len();
            }
        }
        for joiner in joiners {
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
        if (lower_start || (all.len() > 8 || facts < 2) && !listed[n]) && !quoted {
            if let Some(at) = start_at {
                // Where that word starts in the item, whatever spaces
                // stood between the words.
                let skipped = all[at].as_ptr() as usize - item.as_ptr() as usize;
                item = item[skipped..].trim();
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
        if facts < 2 && comma_cut && !listed[n] {
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

/// Which parentheses are a year in a list of titles each with its year:
/// "Made in L.A. (2007); American Standoff (2002); The Fight in the Fields
/// (1997)". Three or more in a row, each a year alone, each item after
/// the first opening with a semicolon or a comma and a capital and no
/// longer than a title. A list that long of capitalised items with their
/// years is a filmography, whatever the sentence says.
fn listed_years(text: &str, groups: &[(usize, usize)]) -> Vec<bool> {
    let year_alone =
        |&(open, close): &(usize, usize)| super::credits::is_year(text[open + 1..close].trim());
    // Whether the item between two parentheses is a list's next title.
    let next_item = |from: usize, to: usize| {
        let between = text[from..to].trim_end();
        let Some(item) = between
            .strip_prefix(';')
            .or_else(|| between.strip_prefix(','))
            .map(str::trim_start)
        else {
            return false;
        };
        let item = item.strip_prefix("and ").unwrap_or(item);
        item.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«„".contains(c))
            && (1..=12).contains(&item.split_whitespace().count())
    };
    let mut listed = vec![false; groups.len()];
    let mut run_start = 0;
    for n in 0..=groups.len() {
        let goes_on = n < groups.len()
            && year_alone(&groups[n])
            && (n > run_start && next_item(groups[n - 1].1 + 1, groups[n].0) || n == run_start);
        if goes_on {
            continue;
        }
        // The run [run_start, n) ended; it counts from three.
        if n - run_start >= 3 {
            listed[run_start..n].iter_mut().for_each(|l| *l = true);
        }
        // This group may start the next run.
        run_start = if n < groups.len() && year_alone(&groups[n]) {
            n
        } else {
            n + 1
        };
    }
    listed
}

/// The separator of the list the `n`th parenthesis is in: what opens the
/// text between it and its neighbour ("; " or ", ").
fn list_separator(text: &str, groups: &[(usize, usize)], n: usize) -> Option<&'static str> {
    let between = |a: usize| text[groups[a].1 + 1..groups[a + 1].0].trim_start();
    let gap = if n > 0 { between(n - 1) } else { between(n) };
    if gap.starts_with(';') {
        Some("; ")
    } else if gap.starts_with(',') {
        Some(", ")
    } else {
        None
    }
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

/// Whether a word says "film" ("documental", "película", "cinta").
pub(super) fn is_film_word(word: &str) -> bool {
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
pub(super) fn title_start(words: &[&str]) -> Option<usize> {
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    // The first capitalised word, when that makes a title's length ("se
    // proyecta Así reían", "Un hombre sin importancia").
    let first = words.iter().position(|w| capital(w))?;
    // "I'd also recommend The Molly McGuires": a pronoun opens a clause,
    // the title follows its words in lower case.
    let pronoun = [
        "i", "i'd", "i’d", "i'm", "we", "you", "he", "she", "they", "je", "ich", "io", "yo", "eu",
    ]
    .contains(&words[first].to_lowercase().as_str());
    if pronoun {
        let after = (first + 1..words.len()).find(|&i| capital(words[i]) && !capital(words[i - 1]));
        if after.is_some() {
            return after;
        }
    }
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
        let cut = super::fields::after_last(
            before,
            &[", ", " y ", " e ", " et ", " and ", " und ", ": ", " – "],
        );
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

    #[test]
    fn a_list_of_titles_each_with_its_year() {
        let items = credited_items("Other documentaries: Made in L.A. (2007); American Standoff (2002); With Babies and Banners: Story of the Women's Emergency Brigade (1979); Harlan County, USA (1976)");
        let titles: Vec<&str> = items.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Made in L.A.",
                "American Standoff",
                "With Babies and Banners: Story of the Women's Emergency Brigade",
                "Harlan County, USA"
            ]
        );
        // Two years in parentheses are no list: any text dates things.
        assert!(credited_items("The strike (1984) and the closure (1985) ended it.").is_empty());
    }

    #[test]
    fn who_made_it_in_the_parentheses_is_a_fact() {
        let items = credited_items("Oprócz omówionych można wymienić: Stan strachu (1989, reż. Janusz Kijowski), Ostatni prom (1989, reż. Waldemar Krzystek).");
        let titles: Vec<&str> = items.iter().map(|(t, ..)| t.as_str()).collect();
        assert_eq!(titles, ["Stan strachu", "Ostatni prom"]);
    }
}

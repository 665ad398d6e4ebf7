//! Films in the lists of a paragraph's sentences: after a film word and a
//! colon, a recommendation and a colon, or a phrase that says a list
//! follows.

use super::*;

/// Films in the lists of a paragraph's sentences: after a film word and a
/// colon, a recommendation and a colon, or a phrase that says a list
/// follows ("films such as", "como", "tra cui"). Returns the titles from
/// lists that do not say they are films (unsure unless the catalogue knows
/// them).
pub(super) fn listed_mentions(text: &str, k: &Knowledge, found: &mut Found) -> Vec<String> {
    let mut listed: Vec<String> = Vec::new();
    for sentence in sentences(text) {
        let lower = crate::text::lower_keeping_offsets(sentence);
        // "otras siete películas: “Resistencia”, “Agua con sal” y
        // “Bubble”", "Films: …": a film word and a colon open a list.
        // "Molly Murphy there suggested:  The Hand That Feeds and Food
        // Chains.": a recommendation and a colon, in a paragraph about
        // films.
        let recommended = about_films_in(text).then(|| {
            RECOMMENDS
                .iter()
                .filter_map(|v| lower.find(&format!("{v}:")).map(|i| i + v.len() + 1))
                .min()
        });
        if let Some(at) = film_word_colon(&lower).or(recommended.flatten()) {
            for item in list_items(&sentence[at..]) {
                found.push(&item, true, None);
            }
            continue;
        }
        for (phrases, says_films) in [(FILM_LISTS, true), (LISTS, false)] {
            let Some((at, len)) = phrases
                .iter()
                .filter_map(|p| find_words(&lower, p).map(|i| (i, p.len())))
                .min()
            else {
                continue;
            };
            let list = &sentence[at + len..];
            // "como en Britannia Hospital o Zazie en el metro": a
            // preposition before the first item.
            let list = list.trim_start();
            let list = ["en ", "in ", "dans ", "im ", "em ", "no ", "na "]
                .iter()
                .find_map(|p| list.strip_prefix(p))
                .unwrap_or(list);
            let mut items = list_items(list);
            if let Some(last) = items.last_mut() {
                *last = without_relative_clause(last).to_string();
            }
            for item in items {
                let known = k.knows_title(&item);
                if !(known || says_films) {
                    listed.push(item.clone());
                }
                found.push(&item, known || says_films, None);
            }
            break;
        }
    }
    listed
}

/// Verbs of recommending; a colon after one opens a list of films in a
/// paragraph about films.
const RECOMMENDS: &[&str] = &[
    "recommend",
    "recommends",
    "recommended",
    "suggest",
    "suggests",
    "suggested",
    "recomienda",
    "recomiendo",
    "consiglia",
    "consiglio",
    "recommande",
    "empfiehlt",
    "empfehle",
    "recomenda",
];

//! Lists whose lines each give a title and its makers, and nothing else:
//! "Chronique d’un été. Jean Rouch et Edgar Morin", "Entre nos mains,
//! Mariana Otero", "Reprise de Hervé Le Roux", "Kombinat – Gabriel
//! Tejedor". One such line alone is ambiguous (a title, a sentence, a
//! place and its region), so the lines are read together: a paragraph
//! where at least three lines, and at least half of its lines, have this
//! shape is such a list, and each line of that shape is one film's record.
//! This runs over the lines' classes once every line has one, before the
//! entries are assembled, and changes only lines read as nothing more
//! definite than a short line, running text, a name or credits.

use super::credits::Part;
use super::guard::Knowledge;
use super::lines::Class;
use super::titles::TitleLine;

/// Where a title ends and its makers begin: after a full stop, a comma or a
/// dash, or before a maker word ("Reprise de Hervé Le Roux").
const SEPARATORS: &[&str] = &[". ", ", ", " – ", " — ", " - ", " / "];

/// Fewest lines of the shape that make a paragraph such a list.
const FEWEST: usize = 3;

/// The title and makers of a line shaped "title, makers", if it is one.
pub(super) fn title_and_makers(line: &str, k: &Knowledge) -> Option<(String, Vec<String>)> {
    let line = line.trim().trim_end_matches([',', ';']).trim_end();
    if line.split_whitespace().count() > 24 {
        return None;
    }
    let mut splits: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .flat_map(|sep| line.match_indices(sep).map(|(i, s)| (i, i + s.len())))
        .collect();
    // The rightmost split whose tail is makers, and whose head is a title.
    splits.sort_unstable_by(|a, b| b.cmp(a));
    let (head_end, makers) = splits
        .into_iter()
        .find_map(|(head_end, tail_start)| {
            let tail = line[tail_start..].trim_end_matches('.');
            let makers = super::names::names(tail);
            all_makers(&makers, k).then_some((head_end, makers))
        })
        .or_else(|| super::names::makers_ending(line))?;
    let title = line[..head_end]
        .trim()
        .trim_end_matches(['.', ',', '–', '—', '-']);
    // "Classe de lutte. 1968-1969. Groupe Medvedkine": the years it was
    // made, after the title.
    let title = match title.rsplit_once(". ") {
        Some((t, years))
            if years
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '–' | ' ')) =>
        {
            t
        }
        _ => title,
    };
    let title = title.trim();
    let titled = title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && title.split_whitespace().count() <= 16;
    // "Jean Rouch, Edgar Morin": people, not a film and its makers.
    let a_person = super::fields::is_name_shaped(title)
        && title
            .split_whitespace()
            .next()
            .is_some_and(super::fields::is_given_name)
        || k.looks_like_person(title);
    (titled && !a_person).then(|| (title.to_string(), makers))
}

/// Whether every one of the names is a maker's: a name of two to four
/// words, or one the catalogue knows.
fn all_makers(makers: &[String], k: &Knowledge) -> bool {
    !makers.is_empty()
        && makers.iter().all(|m| {
            let words = m.split_whitespace().count();
            k.knows_person(m)
                || (2..=4).contains(&words)
                    && super::fields::is_name_shaped(m)
                    && !super::names::opens_with_article(m)
        })
}

/// Reads the paragraphs that are lists of titles and makers: their lines
/// of that shape become records.
pub(super) fn read_maker_lists(lines: &[String], classes: &mut [Class], k: &Knowledge) {
    let mut start = 0;
    while start < lines.len() {
        let end = (start..lines.len())
            .find(|&i| lines[i].trim().is_empty())
            .unwrap_or(lines.len());
        if end > start {
            read_paragraph(lines, classes, start..end, k);
        }
        start = end + 1;
    }
}

fn read_paragraph(
    lines: &[String],
    classes: &mut [Class],
    span: std::ops::Range<usize>,
    k: &Knowledge,
) {
    let read: Vec<(usize, (String, Vec<String>))> = span
        .clone()
        .filter(|&i| open_to_reading(&classes[i]))
        .filter_map(|i| title_and_makers(&lines[i], k).map(|tm| (i, tm)))
        .collect();
    if read.len() < FEWEST || 2 * read.len() < span.len() {
        return;
    }
    for (i, (title, makers)) in read {
        classes[i] = Class::Record(TitleLine {
            title,
            year: None,
            others: Vec::new(),
            credits: makers.into_iter().map(Part::Name).collect(),
        });
    }
}

/// Whether a line's class is no more definite than the list would make it.
fn open_to_reading(class: &Class) -> bool {
    matches!(
        class,
        Class::Short | Class::Prose | Class::Directors(_) | Class::Cast(_) | Class::Credits(..)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(String, Vec<String>)> {
        title_and_makers(line, &Knowledge::default())
    }

    #[test]
    fn a_title_and_its_makers() {
        assert_eq!(
            read("Chronique d’un été. Jean Rouch et Edgar Morin"),
            Some((
                "Chronique d’un été".into(),
                vec!["Jean Rouch".into(), "Edgar Morin".into()]
            ))
        );
        assert_eq!(
            read("Les Lip, l’imagination au pouvoir. Christian Rouhaud"),
            Some((
                "Les Lip, l’imagination au pouvoir".into(),
                vec!["Christian Rouhaud".into()]
            ))
        );
        assert_eq!(
            read("Reprise de Hervé Le Roux"),
            Some(("Reprise".into(), vec!["Hervé Le Roux".into()]))
        );
    }

    #[test]
    fn people_and_places_are_no_film() {
        assert_eq!(read("Jean Rouch, Edgar Morin"), None);
        assert_eq!(read("Paris, France"), None);
        assert_eq!(read("le film de Jean Rouch"), None);
    }
}

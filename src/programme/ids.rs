//! The ids that give a programme and its slots a stable identity: what a
//! programme `id` may hold, and the ids slots get when the file gives none.
//!
//! Calendar UIDs are made from these ids, so they must survive the edits a
//! programmer makes: correcting the programme's `name` (hence a separate
//! programme `id`), or moving a `[[slots]]` template's times (hence a
//! template `id`, which makes its slots' ids from venue and date, numbered
//! in time order when it has several times a day, instead of from the time).

use jiff::civil::{Date, DateTime};

/// The longest programme `id`, in characters.
pub const MAX_PROGRAMME_ID: usize = 200;

/// What is wrong with a programme `id`, if anything: it must hold 1 to
/// [`MAX_PROGRAMME_ID`] characters (spaces around it do not count) and no
/// control characters. Any text a programme `name` can be is a valid id, so
/// that a renamed programme keeps its calendars' UIDs with
/// `id = "<its old name>"` (without an id, the name is the namespace).
///
/// ```
/// use slate::programme::ids::programme_id_problem;
/// assert_eq!(programme_id_problem("labour-on-screen_2027.v2"), None);
/// assert_eq!(programme_id_problem("Labour on Screen 2027"), None);
/// assert!(programme_id_problem("  ").unwrap().contains("empty"));
/// assert!(programme_id_problem("a\u{1b}[31m").unwrap().contains("U+001B"));
/// ```
pub fn programme_id_problem(id: &str) -> Option<String> {
    let id = id.trim();
    let n = id.chars().count();
    if id.is_empty() {
        return Some("the programme's `id` is empty".into());
    }
    if n > MAX_PROGRAMME_ID {
        return Some(format!(
            "the programme's `id` is {n} characters long, over {MAX_PROGRAMME_ID}"
        ));
    }
    let bad = id.chars().find(|c| c.is_control())?;
    Some(format!(
        "the programme's `id` holds the control character U+{:04X}",
        bad as u32
    ))
}

/// The id of a slot the file does not name: `<venue>-<YYYYMMDD>-<HHMM>`.
pub fn default_slot_id(venue: &str, start: DateTime) -> String {
    format!("{venue}-{}", start.strftime("%Y%m%d-%H%M"))
}

/// The id of a slot made by a `[[slots]]` template with an `id`:
/// `<prefix>-<venue>-<YYYYMMDD>` when the template has one time a day,
/// `<prefix>-<venue>-<YYYYMMDD>-<n>` (`n` from 1, in time order) when it has
/// several. The time is left out so that moving it keeps the id.
pub fn template_slot_id(prefix: &str, venue: &str, day: Date, n: usize, times: usize) -> String {
    let base = format!("{prefix}-{venue}-{}", day.strftime("%Y%m%d"));
    if times > 1 {
        format!("{base}-{n}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn programme_ids() {
        assert_eq!(programme_id_problem("a"), None);
        assert_eq!(programme_id_problem(&"x".repeat(200)), None);
        assert!(programme_id_problem(&"x".repeat(201))
            .unwrap()
            .contains("201 characters"));
        assert!(programme_id_problem("").unwrap().contains("empty"));
        // Any text a name can be: a renamed programme keeps its old name.
        assert_eq!(programme_id_problem("Fête du cinéma / 2027"), None);
        assert!(programme_id_problem("a\tb").unwrap().contains("U+0009"));
    }

    #[test]
    fn slot_ids() {
        let d = date(2027, 5, 1);
        assert_eq!(
            default_slot_id("sala1", d.at(21, 0, 0, 0)),
            "sala1-20270501-2100"
        );
        assert_eq!(
            template_slot_id("eve", "sala1", d, 1, 1),
            "eve-sala1-20270501"
        );
        assert_eq!(
            template_slot_id("eve", "sala1", d, 2, 3),
            "eve-sala1-20270501-2"
        );
    }
}

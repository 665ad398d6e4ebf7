//! What re-publishing decides before any event is written: whether the
//! previous calendar may be re-published against at all (the same
//! programme's calendar, under the same identity), and the summary of what
//! this run changed, which a programmer reads to decide whether to announce
//! changes.

use std::collections::HashSet;

use super::lines::text;
use super::previous::{Previous, PreviousEvent};
use super::{film_ids, identity, summary};
use crate::schedule::Plan;

/// Why a previous calendar cannot be re-published against.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentityError {
    /// Not one UID survives although most screenings are the same.
    #[error("{}", self.message("the previous calendar"))]
    Changed {
        events: usize,
        /// The identity the old calendar was published under, when known.
        old: Option<String>,
    },
    /// Not a slate calendar of this programme.
    #[error("{}", self.message("the previous calendar"))]
    Foreign {
        events: usize,
        /// What it is instead.
        what: String,
        programme: String,
    },
}

impl IdentityError {
    /// The explanation, naming the previous calendar `file`.
    pub fn message(&self, file: &str) -> String {
        match self {
            IdentityError::Changed { events, old } => format!(
                "none of the {events} events of {file} keeps its UID: the programme's name or id \
                 changed? set `id = \"{}\"` in the programme to the old identity, or pass \
                 --new-identity to publish a new calendar on purpose",
                old.as_deref().unwrap_or("...")
            ),
            IdentityError::Foreign {
                events,
                what,
                programme,
            } => format!(
                "{file} is {what}, not the calendar of `{programme}`: its {} would all be \
                 republished as cancelled; give the calendar published last time for this \
                 programme, or pass --new-identity to replace it on purpose",
                crate::text::plural(*events, "event", "events")
            ),
        }
    }
}

/// What a publication changed against the previous calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Events in the calendar (cancelled ones included).
    pub events: usize,
    /// No previous calendar: everything is published for the first time.
    pub first: bool,
    /// Screenings published for the first time.
    pub new: usize,
    /// Screenings moved (new times under their old UID).
    pub moved: usize,
    /// Screenings whose times, place or texts changed (or that came back).
    pub changed: usize,
    pub unchanged: usize,
    /// Screenings cancelled now.
    pub cancelled: usize,
    /// Events cancelled already in the previous calendar.
    pub still_cancelled: usize,
}

impl std::fmt::Display for Changes {
    /// "74 events: 3 moved, 1 changed, 1 cancelled, 69 unchanged", or
    /// "74 events: first publication".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::text::plural(self.events, "event", "events"))?;
        if self.first {
            return write!(f, ": first publication");
        }
        let parts: Vec<String> = [
            (self.new, "new"),
            (self.moved, "moved"),
            (self.changed, "changed"),
            (self.cancelled, "cancelled"),
            (self.unchanged, "unchanged"),
            (self.still_cancelled, "still cancelled"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        if !parts.is_empty() {
            write!(f, ": {}", parts.join(", "))?;
        }
        Ok(())
    }
}

/// Refuses a previous calendar that this plan's events would all cancel
/// by mistake: one of the same screenings under another identity (the
/// programme renamed), or one that is not a slate calendar of this programme.
/// A calendar of the same identity (`X-SLATE-PROGRAMME`), or one that shares
/// a UID with the plan, is this programme's.
pub(super) fn check_identity(
    plan: &Plan,
    previous: &Previous,
    survivors: usize,
) -> Result<(), IdentityError> {
    let namespace = identity(plan);
    if survivors > 0 || previous.programme.as_deref() == Some(namespace) {
        return Ok(());
    }
    let live: Vec<&PreviousEvent> = previous.events.iter().filter(|e| !e.cancelled).collect();
    if !live.is_empty() {
        // Same series, films (or, in calendars without X-SLATE-FILMS, title), venue and day.
        let mut keys: HashSet<(&str, &str, &str, String)> = HashSet::new();
        for s in &plan.screenings {
            keys.insert((&s.series, &s.venue, &s.day, film_ids(s).join(",")));
            keys.insert((
                &s.series,
                &s.venue,
                &s.day,
                format!("\0{}", text(&summary(s))),
            ));
        }
        let same = live
            .iter()
            .filter(|o| {
                let what = match &o.films {
                    Some(f) => f.join(","),
                    None => format!("\0{}", o.value("SUMMARY").unwrap_or_default()),
                };
                keys.contains(&(o.series.as_str(), o.venue.as_str(), o.day.as_str(), what))
            })
            .count();
        if same * 2 > live.len() {
            let old = previous.programme.clone().or_else(|| {
                (previous.is_slate() && !previous.name.is_empty()).then(|| previous.name.clone())
            });
            return Err(IdentityError::Changed {
                events: previous.events.len(),
                old,
            });
        }
    }
    let what = if !previous.is_slate() {
        Some(if previous.prodid.is_empty() {
            "not a calendar slate published (it has no PRODID)".to_string()
        } else {
            format!(
                "not a calendar slate published (PRODID {})",
                previous.prodid
            )
        })
    } else {
        match &previous.programme {
            Some(p) if p != namespace => Some(format!("the calendar of `{p}`")),
            None if previous.name != plan.programme => {
                Some(format!("the calendar `{}`", previous.name))
            }
            _ => None,
        }
    };
    match what {
        Some(what) => Err(IdentityError::Foreign {
            events: previous.events.len(),
            what,
            programme: namespace.to_string(),
        }),
        None => Ok(()),
    }
}

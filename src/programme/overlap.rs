//! Slots of one venue against each other: they must not overlap, and must
//! leave the programme's changeover between one's end and the next start.
//!
//! This module owns that check so that every offending pair is reported (a
//! long slot overlapping the next three gives three errors), not only
//! neighbours in start order, while staying linear when slots do not
//! overlap: a sweep per venue in start order keeps only the slots that still
//! reach the next start (their end plus the changeover).

use std::path::Path;

use jiff::tz::TimeZone;

use super::{Slot, Venue};
use crate::diagnostics::Diagnostic;

/// Reports every pair of slots of a venue that overlap or leave less than
/// `changeover` minutes between them. `slots` are in start order.
pub(super) fn check(
    path: &Path,
    venues: &[Venue],
    slots: &[Slot],
    changeover: u32,
    tz: Option<&TimeZone>,
    diags: &mut Vec<Diagnostic>,
) {
    for (v, venue) in venues.iter().enumerate() {
        let mut reaching: Vec<&Slot> = Vec::new();
        for b in slots.iter().filter(|s| s.venue == v) {
            let limit = b.start_at.as_second() - 60 * changeover as i64;
            reaching.retain(|a| a.end_at().as_second() > limit);
            for &a in &reaching {
                let gap = (b.start_at.as_second() - a.end_at().as_second()).div_euclid(60);
                let mut d = if a.overlaps(b) {
                    Diagnostic::error(format!(
                        "slots `{}` and `{}` overlap in venue `{}`",
                        a.id, b.id, venue.id
                    ))
                    .in_file(path)
                    .help(format!(
                        "`{}` (line {}) runs until {}; `{}` (line {}) starts at {}",
                        a.id,
                        a.line,
                        local_end(a, tz),
                        b.id,
                        b.line,
                        b.start.strftime("%Y-%m-%d %H:%M")
                    ))
                } else {
                    Diagnostic::error(format!(
                    "only {gap} minutes between slots `{}` and `{}` in venue `{}`; the changeover is {changeover}",
                    a.id, b.id, venue.id
                ))
                .in_file(path)
                .help(format!(
                    "`{}` (line {}) ends at {}: start `{}` later or shorten the first slot",
                    a.id,
                    a.line,
                    local_end(a, tz),
                    b.id
                ))
                };
                d.line = Some(b.line);
                diags.push(d);
            }
            reaching.push(b);
        }
    }
}

/// A slot's local end, for messages.
fn local_end(s: &Slot, tz: Option<&TimeZone>) -> String {
    match tz {
        Some(tz) => s
            .end_at()
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn slot(venue: usize, hour: i8, length: u32) -> Slot {
        let start = date(2027, 5, 1).at(hour, 0, 0, 0);
        Slot {
            id: format!("v{venue}-{hour}"),
            venue,
            start,
            start_at: start.to_zoned(TimeZone::UTC).unwrap().timestamp(),
            length,
            line: hour as usize,
        }
    }

    fn messages(slots: &[Slot], changeover: u32) -> Vec<String> {
        let venues: Vec<Venue> = (0..2)
            .map(|i| Venue {
                id: format!("v{i}"),
                name: String::new(),
                address: None,
                url: None,
            })
            .collect();
        let mut diags = Vec::new();
        check(
            Path::new("p.toml"),
            &venues,
            slots,
            changeover,
            Some(&TimeZone::UTC),
            &mut diags,
        );
        diags.into_iter().map(|d| d.message).collect()
    }

    #[test]
    fn every_overlapping_or_close_pair_of_a_venue() {
        // v0: 10:00 for 8 hours covers 12:00, 14:00 and 16:00; 18:00 starts
        // as it ends (only the changeover is short). v1 is clear.
        let slots = [
            slot(0, 10, 480),
            slot(1, 10, 60),
            slot(0, 12, 60),
            slot(1, 12, 60),
            slot(0, 14, 60),
            slot(0, 16, 60),
            slot(0, 18, 60),
        ];
        let m = messages(&slots, 15);
        assert_eq!(m.len(), 4, "{m:#?}");
        for later in ["v0-12", "v0-14", "v0-16"] {
            assert!(
                m.contains(&format!(
                    "slots `v0-10` and `{later}` overlap in venue `v0`"
                )),
                "{m:#?}"
            );
        }
        assert!(
            m[3].starts_with("only 0 minutes between slots `v0-10` and `v0-18`"),
            "{m:#?}"
        );
        assert!(messages(&slots[1..], 15).is_empty());
        assert_eq!(messages(&slots, 0).len(), 3);
    }
}

//! VTIMEZONE components generated from the IANA data bundled with `jiff`
//! (so the output does not depend on the machine's zone database).
//!
//! chrono-tz cannot list a zone's transitions; jiff's `TimeZone` can
//! (`preceding`/`following`). The component lists the observance in force
//! when the programme starts and every transition up to its end, each as a
//! STANDARD or DAYLIGHT sub-component with an explicit DTSTART — the local
//! time of the change in the offset *before* it (the onset: 01:00 for
//! Lisbon's spring change, when clocks jump to 02:00) — instead of RRULEs,
//! which would claim more than the data says. A zone without daylight
//! saving gets one STANDARD observance.

use jiff::tz::{Dst, Offset, TimeZone};
use jiff::Timestamp;

use super::lines::push;

fn offset(o: Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    let a = s.abs();
    if a % 60 == 0 {
        format!("{sign}{:02}{:02}", a / 3600, (a % 3600) / 60)
    } else {
        format!("{sign}{:02}{:02}{:02}", a / 3600, (a % 3600) / 60, a % 60)
    }
}

fn local(ts: Timestamp, o: Offset) -> String {
    o.to_datetime(ts).strftime("%Y%m%dT%H%M%S").to_string()
}

/// Appends the VTIMEZONE of `name` covering `from..=to` to `out`.
pub fn write(out: &mut String, name: &str, tz: &TimeZone, from: Timestamp, to: Timestamp) {
    push(out, "BEGIN:VTIMEZONE");
    push(out, &format!("TZID:{name}"));
    // The observance in force at `from`: from the last transition before it.
    let first = tz
        .preceding(
            from.checked_add(jiff::SignedDuration::from_secs(1))
                .unwrap_or(from),
        )
        .next();
    // (onset, offset before, offset after, abbreviation, daylight saving)
    let observance = |t: &jiff::tz::TimeZoneTransition| {
        let onset = t.timestamp();
        let before = tz.to_offset(
            onset
                .checked_sub(jiff::SignedDuration::from_secs(1))
                .unwrap_or(onset),
        );
        (
            onset,
            before,
            t.offset(),
            t.abbreviation().to_string(),
            t.dst() == Dst::Yes,
        )
    };
    let mut observances: Vec<(Timestamp, Offset, Offset, String, bool)> = Vec::new();
    match first {
        Some(t) => observances.push(observance(&t)),
        None => {
            // No transition ever: one fixed offset since the epoch.
            let info = tz.to_offset_info(from);
            let o = info.offset();
            let ts = Timestamp::from_second(0).expect("the epoch");
            observances.push((ts, o, o, info.abbreviation().to_string(), false));
        }
    }
    observances.extend(
        tz.following(from)
            .take_while(|t| t.timestamp() <= to)
            .map(|t| observance(&t)),
    );
    for (ts, from_offset, to_offset, abbr, dst) in observances {
        let kind = if dst { "DAYLIGHT" } else { "STANDARD" };
        push(out, &format!("BEGIN:{kind}"));
        push(out, &format!("DTSTART:{}", local(ts, from_offset)));
        push(out, &format!("TZOFFSETFROM:{}", offset(from_offset)));
        push(out, &format!("TZOFFSETTO:{}", offset(to_offset)));
        if !abbr.is_empty() && !abbr.starts_with(['+', '-']) {
            push(out, &format!("TZNAME:{}", super::lines::text(&abbr)));
        }
        push(out, &format!("END:{kind}"));
    }
    push(out, "END:VTIMEZONE");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vtz(name: &str, from: &str, to: &str) -> String {
        let tz = TimeZone::get(name).unwrap();
        let mut out = String::new();
        write(
            &mut out,
            name,
            &tz,
            from.parse().unwrap(),
            to.parse().unwrap(),
        );
        out
    }

    #[test]
    fn lisbon_springs_forward_at_one() {
        let v = vtz(
            "Europe/Lisbon",
            "2027-03-26T00:00:00Z",
            "2027-03-30T00:00:00Z",
        );
        assert!(v.contains("BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:WEST\r\nEND:DAYLIGHT"), "{v}");
        assert!(v.contains("BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000"), "{v}");
    }

    #[test]
    fn new_york_falls_back_at_two() {
        let v = vtz(
            "America/New_York",
            "2027-11-05T00:00:00Z",
            "2027-11-09T00:00:00Z",
        );
        assert!(v.contains("BEGIN:STANDARD\r\nDTSTART:20271107T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST"), "{v}");
    }

    #[test]
    fn a_zone_without_daylight_saving_has_one_observance() {
        let v = vtz(
            "Asia/Kolkata",
            "2027-05-01T00:00:00Z",
            "2027-05-10T00:00:00Z",
        );
        assert_eq!(v.matches("BEGIN:STANDARD").count(), 1);
        assert!(!v.contains("DAYLIGHT"));
        assert!(v.contains("TZOFFSETTO:+0530"));
    }
}

//! The values of a programme file's keys and their ranges: integers (minutes,
//! counts, the seed), dates, local date-times and times of day.
//!
//! Every numeric key has a documented range (the table in
//! docs/programme-files.md) and a value outside it is a located error naming
//! the key, the range and the value — never a wrapped or truncated number.
//! Dates are kept between [`FIRST_DATE`] and [`LAST_DATE`] so that every
//! slot's end, offset and calendar rendering stays inside jiff's range, and
//! times are whole minutes (`HH:MM`, 00:00–23:59): a leap second (`:60`) or
//! a bare hour is refused, not dropped or guessed. This module owns those
//! judgements so that `[[slot]]` starts and `[[slots]]` templates agree —
//! and [`instant`] turns a local time into an instant (a skipped hour is an
//! error, a repeated one its first occurrence), for slots and guests'
//! windows alike.

use std::ops::{Range, RangeInclusive};

use jiff::civil::{Date, DateTime, Time};
use toml::de::DeValue;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::toml_fields::{type_name, Fields};

/// The earliest date a slot may be on.
pub const FIRST_DATE: Date = jiff::civil::date(1900, 1, 1);
/// The latest date a slot may start on: a day-long slot then still ends
/// well inside the range of dates jiff (and calendars) can represent.
pub const LAST_DATE: Date = jiff::civil::date(9998, 12, 31);

/// What every time in a programme must look like.
pub const TIME_RULE: &str = "times are HH:MM, 00:00–23:59";

/// The text of a value in the file, for messages.
fn text(src: &SourceFile, span: &Range<usize>) -> String {
    src.text
        .get(span.clone())
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// An integer key that must lie in `range` (`unit` follows the bounds in
/// the message, e.g. " minutes"). Out of range, a located error names the
/// key, the range and the value, and None is returned.
pub fn ranged(
    f: &Fields,
    key: &str,
    range: RangeInclusive<i64>,
    unit: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<(i64, Range<usize>)> {
    let (n, span) = f.int(key, diags)?;
    if range.contains(&n) {
        return Some((n, span));
    }
    diags.push(
        Diagnostic::error(format!(
            "`{key}` must be between {} and {}{unit}, found {n}",
            range.start(),
            range.end()
        ))
        .at(f.source, span)
        .value(n.to_string()),
    );
    None
}

/// A date inside [`FIRST_DATE`]..=[`LAST_DATE`], else a located error.
fn in_range(d: Date, span: &Range<usize>, src: &SourceFile, diags: &mut Vec<Diagnostic>) -> bool {
    if (FIRST_DATE..=LAST_DATE).contains(&d) {
        return true;
    }
    diags.push(
        Diagnostic::error(format!(
            "date {d} is outside the dates a programme may use, {FIRST_DATE} to {LAST_DATE}"
        ))
        .at(src, span.clone())
        .value(text(src, span)),
    );
    false
}

/// A time of day from hours, minutes and (optional) seconds: only whole
/// minutes.
fn clock(hour: i64, minute: i64, second: i64, nanos: i64) -> Option<Time> {
    if !(0..=23).contains(&hour) || !(0..=59).contains(&minute) || second != 0 || nanos != 0 {
        return None;
    }
    Time::new(hour as i8, minute as i8, 0, 0).ok()
}

/// A time written `H:MM` or `HH:MM`.
fn parse_hhmm(s: &str) -> Option<Time> {
    let (h, m) = s.split_once(':')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !(digits(h) && h.len() <= 2 && digits(m) && m.len() == 2) {
        return None;
    }
    clock(h.parse().ok()?, m.parse().ok()?, 0, 0)
}

/// The programme's `day_starts`: when a festival day begins, `"HH:MM"`
/// from 00:00 to 12:00 (default [`DAY_STARTS`]). A screening that starts
/// after midnight but before it belongs to the day before.
pub fn day_starts(f: &Fields, diags: &mut Vec<Diagnostic>) -> Time {
    let Some(v) = f.get("day_starts") else {
        return DAY_STARTS;
    };
    let span = f.abs_span(v);
    let parsed = match v.get_ref() {
        DeValue::String(s) => parse_hhmm(s.trim()),
        DeValue::Datetime(dt) if dt.date.is_none() && dt.offset.is_none() => dt
            .time
            .and_then(|t| clock(t.hour.into(), t.minute.into(), 0, 0)),
        _ => None,
    };
    match parsed {
        Some(t) if t <= Time::constant(12, 0, 0, 0) => t,
        Some(_) => {
            diags.push(
                Diagnostic::error(format!(
                    "day_starts {} is after noon",
                    text(f.source, &span)
                ))
                .at(f.source, span.clone())
                .value(text(f.source, &span))
                .help("day_starts is when the festival's night ends, 00:00 to 12:00, such as day_starts = \"05:00\""),
            );
            DAY_STARTS
        }
        None => {
            diags.push(bad_time(
                "day_starts",
                span,
                f.source,
                "day_starts = \"05:00\"",
            ));
            DAY_STARTS
        }
    }
}

/// When a festival day begins unless the programme says (`day_starts`).
pub const DAY_STARTS: Time = Time::constant(5, 0, 0, 0);

/// The located error for a time that is not `HH:MM`.
fn bad_time(what: &str, span: Range<usize>, src: &SourceFile, example: &str) -> Diagnostic {
    let value = text(src, &span);
    Diagnostic::error(format!("{what} {value} is not a time of day: {TIME_RULE}"))
        .at(src, span)
        .value(value)
        .help(example.to_string())
}

/// A local date-time: a TOML local date-time or a string like
/// "2027-05-01T14:00", on a whole minute and inside the dates allowed.
pub fn datetime(
    v: &DeValue<'_>,
    span: Range<usize>,
    src: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<DateTime> {
    const EXAMPLE: &str = "write it like start = 2027-05-01T14:00:00";
    let (date, time) = match v {
        DeValue::Datetime(dt) => {
            if dt.offset.is_some() {
                diags.push(
                    Diagnostic::error(
                        "slot times are local to the programme's timezone; remove the UTC offset",
                    )
                    .at(src, span),
                );
                return None;
            }
            let (Some(d), Some(t)) = (dt.date, dt.time) else {
                diags.push(
                    Diagnostic::error("`start` needs a date and a time, like 2027-05-01T14:00:00")
                        .at(src, span),
                );
                return None;
            };
            let date = Date::new(d.year as i16, d.month as i8, d.day as i8).ok();
            let time = clock(
                t.hour.into(),
                t.minute.into(),
                t.second.unwrap_or(0).into(),
                t.nanosecond.unwrap_or(0).into(),
            );
            (date, time)
        }
        DeValue::String(s) => match s.trim().parse::<DateTime>() {
            Ok(d) => {
                let t = d.time();
                // A leap second in text is read as :59; either way it is not
                // a whole minute.
                let leap = s.contains(":60");
                let time = clock(
                    t.hour().into(),
                    t.minute().into(),
                    if leap { 60 } else { t.second().into() },
                    t.subsec_nanosecond().into(),
                );
                (Some(d.date()), time)
            }
            Err(_) => {
                diags.push(
                    Diagnostic::error(format!("`{s}` is not a date and time"))
                        .at(src, span)
                        .value(s.to_string())
                        .help("write it like 2027-05-01T14:00:00 (no quotes needed)"),
                );
                return None;
            }
        },
        other => {
            diags.push(
                Diagnostic::error(format!(
                    "expected a local date-time, found {}",
                    type_name(other)
                ))
                .at(src, span)
                .help(EXAMPLE),
            );
            return None;
        }
    };
    let Some(date) = date else {
        diags.push(
            Diagnostic::error(format!("{} is not a date", text(src, &span)))
                .at(src, span.clone())
                .value(text(src, &span))
                .help(EXAMPLE),
        );
        return None;
    };
    let Some(time) = time else {
        diags.push(bad_time("slot start", span, src, EXAMPLE));
        return None;
    };
    in_range(date, &span, src, diags).then(|| date.to_datetime(time))
}

/// A date of a `[[slots]]` template.
pub fn date(
    v: &DeValue<'_>,
    span: Range<usize>,
    src: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<Date> {
    let parsed = match v {
        DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
            .date
            .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
        DeValue::String(s) => s.trim().parse::<Date>().ok(),
        _ => None,
    };
    let Some(d) = parsed else {
        diags.push(
            Diagnostic::error("expected a date like 2027-05-01")
                .at(src, span.clone())
                .value(text(src, &span))
                .help("dates = [2027-05-01, 2027-05-02]"),
        );
        return None;
    };
    in_range(d, &span, src, diags).then_some(d)
}

/// A time of a `[[slots]]` template: `"17:30"` (or a TOML local time on
/// the minute, `17:30:00`).
pub fn time(
    v: &DeValue<'_>,
    span: Range<usize>,
    src: &SourceFile,
    diags: &mut Vec<Diagnostic>,
) -> Option<Time> {
    let parsed = match v {
        DeValue::Datetime(dt) if dt.date.is_none() && dt.offset.is_none() => {
            dt.time.and_then(|t| {
                clock(
                    t.hour.into(),
                    t.minute.into(),
                    t.second.unwrap_or(0).into(),
                    t.nanosecond.unwrap_or(0).into(),
                )
            })
        }
        DeValue::String(s) => parse_hhmm(s.trim()),
        _ => None,
    };
    if parsed.is_none() {
        diags.push(bad_time(
            "template time",
            span,
            src,
            "times = [\"17:30\", \"21:00\"]",
        ));
    }
    parsed
}

/// The instant of a local date-time in the programme's zone (`zone` is its
/// name, for messages). A time the clocks skip is an error (`gap_help` says
/// what to do); a time that happens twice is taken as its first occurrence,
/// with a warning. Slots and guests' windows are read alike.
pub fn instant(
    tz: &jiff::tz::TimeZone,
    zone: &str,
    at: DateTime,
    span: Range<usize>,
    src: &SourceFile,
    gap_help: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<jiff::Timestamp> {
    use jiff::tz::AmbiguousOffset;
    let offset = match tz.to_ambiguous_zoned(at).offset() {
        AmbiguousOffset::Unambiguous { offset } => offset,
        AmbiguousOffset::Gap { before, after } => {
            diags.push(
                Diagnostic::error(format!(
                    "{} does not exist in {zone}: clocks jump from {} to {} that night",
                    at.strftime("%Y-%m-%d %H:%M"),
                    fmt_offset(before),
                    fmt_offset(after)
                ))
                .at(src, span)
                .value(at.strftime("%Y-%m-%dT%H:%M").to_string())
                .help(gap_help),
            );
            return None;
        }
        AmbiguousOffset::Fold { before, after } => {
            diags.push(
                Diagnostic::warning(format!(
                    "{} happens twice in {zone} (clocks go back from {} to {}); taken as the first time, at {}",
                    at.strftime("%Y-%m-%d %H:%M"),
                    fmt_offset(before),
                    fmt_offset(after),
                    fmt_offset(before)
                ))
                .at(src, span.clone())
                .value(at.strftime("%Y-%m-%dT%H:%M").to_string()),
            );
            before
        }
    };
    match offset.to_timestamp(at) {
        Ok(t) => Some(t),
        Err(_) => {
            diags.push(Diagnostic::error("the time is out of range").at(src, span));
            None
        }
    }
}

/// "UTC+01:00".
fn fmt_offset(o: jiff::tz::Offset) -> String {
    let s = o.seconds();
    let sign = if s < 0 { '-' } else { '+' };
    format!(
        "UTC{sign}{:02}:{:02}",
        s.abs() / 3600,
        (s.abs() % 3600) / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_whole_minutes_of_a_day() {
        assert_eq!(parse_hhmm("17:30"), Time::new(17, 30, 0, 0).ok());
        assert_eq!(parse_hhmm("9:05"), Time::new(9, 5, 0, 0).ok());
        assert_eq!(parse_hhmm("00:00"), Time::new(0, 0, 0, 0).ok());
        assert_eq!(parse_hhmm("23:59"), Time::new(23, 59, 0, 0).ok());
        for bad in [
            "12", "12:00:60", "12:00:00", "24:00", "12:60", "12:5", "-1:00", "+1:00", "1 2:00",
            "123:00", "", ":",
        ] {
            assert_eq!(parse_hhmm(bad), None, "{bad}");
        }
        assert!(clock(12, 0, 60, 0).is_none());
        assert!(clock(12, 0, 0, 1).is_none());
        assert!(clock(12, 0, 0, 0).is_some());
    }
}

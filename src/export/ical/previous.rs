//! Reading the calendar published last time (`--previous OLD.ics`) with the
//! `ical` crate's parser: what it knew of each event (UID, SEQUENCE,
//! LAST-MODIFIED, STATUS, times and the texts slate writes) and of the
//! calendar (its PRODID and `X-SLATE-PROGRAMME`) is all the state that
//! re-publishing needs.
//!
//! The file is outside data, so everything is checked and cleaned here:
//! a file that is not a VCALENDAR is refused; of an event only the
//! properties slate writes are kept (DTSTART, DTEND, SUMMARY, DESCRIPTION,
//! LOCATION, CATEGORIES, URL, TRANSP and its `X-SLATE-*`), texts unescaped
//! and escaped again, times read into instants, URLs kept only when they
//! are web addresses — so an event republished from it (cancelled) is
//! always valid, whatever the old file held (RRULE, ATTENDEE, bare CRs).
//! SEQUENCE is read as a wide integer and capped at 2147483647 (the RFC 5545
//! integer maximum); one that is not a non-negative integer is an error. A
//! UID that appears more than once keeps its event of highest SEQUENCE, with
//! a warning.

use std::collections::HashMap;
use std::io::BufReader;

use jiff::Timestamp;

use super::lines::{text, unescape};

/// The largest SEQUENCE (RFC 5545 INTEGER): never wrapped, never exceeded.
pub const SEQUENCE_MAX: u32 = i32::MAX as u32;

/// An event of the previous calendar.
#[derive(Debug, Clone)]
pub struct PreviousEvent {
    pub uid: String,
    pub sequence: u32,
    /// A UTC date-time (`YYYYMMDDTHHMMSSZ`), when the old one was one.
    pub last_modified: Option<String>,
    pub cancelled: bool,
    pub start: Timestamp,
    pub end: Timestamp,
    /// (name, escaped value) of its texts: SUMMARY, DESCRIPTION, LOCATION,
    /// CATEGORIES, URL, TRANSP, in slate's order, each cleaned.
    pub props: Vec<(String, String)>,
    /// slate's `X-SLATE-*` values, unescaped ("" when absent).
    pub venue: String,
    pub series: String,
    pub day: String,
    pub screening: String,
    /// The films' ids (`X-SLATE-FILMS`), when the file has them.
    pub films: Option<Vec<String>>,
}

impl PreviousEvent {
    /// The (escaped) value of one of its texts, by name.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The previous calendar, by UID.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    pub events: Vec<PreviousEvent>,
    /// Its PRODID, and its name (NAME or X-WR-CALNAME), unescaped.
    pub prodid: String,
    pub name: String,
    /// Its `X-SLATE-PROGRAMME`: the programme's identity (UID namespace).
    pub programme: Option<String>,
    /// What was odd but could be read (duplicate UIDs, events left out).
    pub warnings: Vec<String>,
    by_uid: HashMap<String, usize>,
}

/// The text properties of an event that slate writes and reads back, in order.
const TEXTS: [&str; 6] = [
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "CATEGORIES",
    "URL",
    "TRANSP",
];

/// An escaped TEXT value from outside, unescaped and escaped again.
fn clean_text(raw: &str) -> String {
    text(&unescape(raw))
}

/// A list of TEXT values (CATEGORIES), each cleaned.
fn clean_list(raw: &str) -> String {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            ',' => items.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    items.push(cur);
    items
        .iter()
        .map(|i| clean_text(i))
        .filter(|i| !i.is_empty())
        .collect::<Vec<_>>()
        .join(",")
}

/// A DATE-TIME value (`YYYYMMDDTHHMMSS[Z]`) with its TZID, as an instant.
fn instant(value: &str, tzid: Option<&str>) -> Option<Timestamp> {
    let value = value.trim();
    let (local, utc) = match value.strip_suffix('Z') {
        Some(v) => (v, true),
        None => (value, false),
    };
    if local.len() != 15 || local.as_bytes()[8] != b'T' {
        return None;
    }
    let dt: jiff::civil::DateTime = jiff::fmt::strtime::parse("%Y%m%dT%H%M%S", local)
        .ok()?
        .to_datetime()
        .ok()?;
    let tz = if utc {
        jiff::tz::TimeZone::UTC
    } else {
        jiff::tz::TimeZone::get(tzid?).ok()?
    };
    tz.to_ambiguous_zoned(dt)
        .compatible()
        .ok()
        .map(|z| z.timestamp())
}

/// A SEQUENCE value: a non-negative integer, capped at [`SEQUENCE_MAX`].
pub fn sequence(value: &str) -> Option<u32> {
    let v = value.trim();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = v.trim_start_matches('0');
    if digits.len() > 10 {
        return Some(SEQUENCE_MAX);
    }
    Some(digits.parse::<u64>().unwrap_or(0).min(SEQUENCE_MAX as u64) as u32)
}

fn is_utc_stamp(v: &str) -> bool {
    v.len() == 16
        && v.ends_with('Z')
        && v.as_bytes()[8] == b'T'
        && v.bytes()
            .enumerate()
            .all(|(i, b)| i == 8 || i == 15 || b.is_ascii_digit())
}

impl Previous {
    pub fn get(&self, uid: &str) -> Option<&PreviousEvent> {
        self.index(uid).map(|i| &self.events[i])
    }

    /// The position in `events` of the event of a UID.
    pub fn index(&self, uid: &str) -> Option<usize> {
        self.by_uid.get(uid).copied()
    }

    /// Whether slate wrote it (its PRODID).
    pub fn is_slate(&self) -> bool {
        self.prodid.starts_with("-//slate//")
    }

    /// Parses an iCalendar file: an error when it is not one (empty, binary,
    /// plain text, no VCALENDAR) or an event's SEQUENCE is not a number.
    pub fn parse(bytes: &[u8]) -> Result<Previous, String> {
        let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let start = body
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(body.len());
        if start == body.len() {
            return Err("the file is empty".into());
        }
        let head = &body[start..body.len().min(start + 15)];
        if !head.eq_ignore_ascii_case(b"BEGIN:VCALENDAR") {
            // Quote its first words when they are text.
            let first = String::from_utf8_lossy(&body[start..body.len().min(start + 24)])
                .lines()
                .next()
                .unwrap_or_default()
                .to_string();
            let quoted = if first.chars().any(|c| c.is_control() || c == '\u{fffd}') {
                String::new()
            } else {
                format!(" (it starts with \"{first}\")")
            };
            return Err(format!("it does not start with BEGIN:VCALENDAR{quoted}"));
        }
        let mut previous = Previous::default();
        let mut events: Vec<PreviousEvent> = Vec::new();
        let mut calendars = 0;
        for cal in ical::IcalParser::new(BufReader::new(body)) {
            let cal = cal.map_err(|e| e.to_string())?;
            calendars += 1;
            for p in &cal.properties {
                let value = p.value.clone().unwrap_or_default();
                match p.name.as_str() {
                    "PRODID" if previous.prodid.is_empty() => previous.prodid = value,
                    "NAME" | "X-WR-CALNAME" if previous.name.is_empty() => {
                        previous.name = unescape(&value)
                    }
                    "X-SLATE-PROGRAMME" if previous.programme.is_none() => {
                        previous.programme = Some(unescape(&value))
                    }
                    _ => {}
                }
            }
            for ev in cal.events {
                if let Some(e) = read_event(ev, &mut previous.warnings)? {
                    events.push(e);
                }
            }
        }
        if calendars == 0 {
            return Err("it holds no VCALENDAR".into());
        }
        // One event per UID: the one of highest SEQUENCE (the first of equals).
        let mut by_uid: HashMap<String, usize> = HashMap::new();
        let mut kept: Vec<PreviousEvent> = Vec::with_capacity(events.len());
        let mut copies: HashMap<String, usize> = HashMap::new();
        for e in events {
            match by_uid.get(&e.uid) {
                Some(&i) => {
                    *copies.entry(e.uid.clone()).or_insert(1) += 1;
                    if e.sequence > kept[i].sequence {
                        kept[i] = e;
                    }
                }
                None => {
                    by_uid.insert(e.uid.clone(), kept.len());
                    kept.push(e);
                }
            }
        }
        let mut dups: Vec<(String, usize)> = copies.into_iter().collect();
        dups.sort();
        for (uid, n) in dups {
            let seq = kept[by_uid[&uid]].sequence;
            previous.warnings.push(format!(
                "UID {uid} appears {n} times; kept the event of SEQUENCE {seq}"
            ));
        }
        previous.events = kept;
        previous.by_uid = by_uid;
        Ok(previous)
    }
}

/// One VEVENT, cleaned; `None` (with a warning) when it cannot be
/// republished: no UID, or no start and end slate can read.
fn read_event(
    ev: ical::parser::ical::component::IcalEvent,
    warnings: &mut Vec<String>,
) -> Result<Option<PreviousEvent>, String> {
    let mut uid = String::new();
    let mut sequence = 0;
    let mut last_modified = None;
    let mut cancelled = false;
    let mut times: [Option<Result<Timestamp, String>>; 2] = [None, None];
    let mut texts: HashMap<&str, String> = HashMap::new();
    let mut slate: HashMap<String, String> = HashMap::new();
    for p in ev.properties {
        let value = p.value.unwrap_or_default();
        let name = p.name.to_ascii_uppercase();
        match name.as_str() {
            "UID" => uid = value.chars().filter(|c| !c.is_control()).collect(),
            "SEQUENCE" => {
                sequence = self::sequence(&value)
                    .ok_or_else(|| format!("SEQUENCE `{value}` is not a non-negative integer"))?
            }
            "LAST-MODIFIED" => {
                last_modified = Some(value.trim().to_string()).filter(|v| is_utc_stamp(v))
            }
            "STATUS" => cancelled = value.trim().eq_ignore_ascii_case("CANCELLED"),
            "DTSTART" | "DTEND" => {
                let tzid = p.params.as_ref().and_then(|ps| {
                    ps.iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case("TZID"))
                        .and_then(|(_, v)| v.first())
                        .map(|v| v.trim_matches('"').to_string())
                });
                let slot = if name == "DTSTART" { 0 } else { 1 };
                times[slot] = Some(instant(&value, tzid.as_deref()).ok_or(format!(
                    "{name} `{value}`{}",
                    tzid.map(|z| format!(" (TZID {z})")).unwrap_or_default()
                )));
            }
            "CATEGORIES" => {
                texts.insert("CATEGORIES", clean_list(&value));
            }
            "URL" => {
                if let Some(u) = crate::export::web_url(&value) {
                    texts.insert("URL", u.to_string());
                }
            }
            "TRANSP" => {
                let v = value.trim().to_ascii_uppercase();
                if v == "OPAQUE" || v == "TRANSPARENT" {
                    texts.insert("TRANSP", v);
                }
            }
            "SUMMARY" | "DESCRIPTION" | "LOCATION" => {
                let key = TEXTS
                    .iter()
                    .find(|t| **t == name)
                    .copied()
                    .unwrap_or("SUMMARY");
                texts.insert(key, clean_text(&value));
            }
            n if n.starts_with("X-SLATE-") => {
                slate.insert(n.to_string(), unescape(&value));
            }
            _ => {}
        }
    }
    if uid.is_empty() {
        return Ok(None);
    }
    let (start, end) = match times {
        [Some(Ok(s)), Some(Ok(e))] if e > s => (s, e),
        [s, e] => {
            let why = match (s, e) {
                (None, _) => "no DTSTART".to_string(),
                (_, None) => "no DTEND".to_string(),
                (Some(Err(v)), _) | (_, Some(Err(v))) => {
                    format!("{v} is not a time slate can read")
                }
                _ => "it ends before it starts".to_string(),
            };
            warnings.push(format!("event {uid} left out: {why}"));
            return Ok(None);
        }
    };
    let props = TEXTS
        .iter()
        .filter_map(|n| texts.remove(n).map(|v| (n.to_string(), v)))
        .collect();
    let films = slate.get("X-SLATE-FILMS").map(|f| {
        f.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    });
    let mut x = |n: &str| slate.remove(n).unwrap_or_default();
    Ok(Some(PreviousEvent {
        uid,
        sequence,
        last_modified,
        cancelled,
        start,
        end,
        props,
        venue: x("X-SLATE-VENUE"),
        series: x("X-SLATE-SERIES"),
        day: x("X-SLATE-DAY"),
        screening: x("X-SLATE-SCREENING"),
        films,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cal(events: &str) -> String {
        format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//slate//slate 0.1.0//EN\r\n\
             X-SLATE-PROGRAMME:Weekend\r\n{events}END:VCALENDAR\r\n"
        )
    }

    fn event(uid: &str, seq: &str, extra: &str) -> String {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nSEQUENCE:{seq}\r\nDTSTART:20270501T200000Z\r\n\
             DTEND:20270501T220000Z\r\nSUMMARY:Film\r\n{extra}END:VEVENT\r\n"
        )
    }

    #[test]
    fn what_is_not_a_calendar_is_refused() {
        for bytes in [
            &b""[..],
            b"  \r\n",
            b"hello, world\n",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
            b"BEGIN:VCARD\r\nEND:VCARD\r\n",
        ] {
            assert!(Previous::parse(bytes).is_err(), "{bytes:?}");
        }
        let p = Previous::parse(cal("").as_bytes()).unwrap();
        assert!(p.events.is_empty() && p.is_slate());
        assert_eq!(p.programme.as_deref(), Some("Weekend"));
    }

    #[test]
    fn sequences_are_wide_and_capped_never_wrapped() {
        assert_eq!(sequence("0"), Some(0));
        assert_eq!(sequence(" 41 "), Some(41));
        assert_eq!(sequence("2147483646"), Some(2147483646));
        assert_eq!(sequence("2147483648"), Some(SEQUENCE_MAX));
        assert_eq!(sequence("4294967297"), Some(SEQUENCE_MAX));
        assert_eq!(sequence("99999999999999999999999999"), Some(SEQUENCE_MAX));
        assert_eq!(sequence("-1"), None);
        assert_eq!(sequence("one"), None);
        assert_eq!(sequence(""), None);
        let p = Previous::parse(cal(&event("a", "4294967296", "")).as_bytes()).unwrap();
        assert_eq!(p.events[0].sequence, SEQUENCE_MAX);
        let e = Previous::parse(cal(&event("a", "x1", "")).as_bytes()).unwrap_err();
        assert!(e.contains("SEQUENCE `x1`"), "{e}");
    }

    #[test]
    fn a_duplicate_uid_keeps_its_highest_sequence() {
        let text = cal(&format!(
            "{}{}{}",
            event("a", "1", ""),
            event("a", "3", "DESCRIPTION:third\r\n"),
            event("a", "2", "")
        ));
        let p = Previous::parse(text.as_bytes()).unwrap();
        assert_eq!(p.events.len(), 1);
        assert_eq!(p.events[0].sequence, 3);
        assert_eq!(p.events[0].value("DESCRIPTION"), Some("third"));
        assert_eq!(p.warnings.len(), 1);
        assert!(
            p.warnings[0].contains("appears 3 times"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn only_known_properties_are_kept_and_cleaned() {
        let text = cal(&event(
            "a",
            "0",
            "RRULE:FREQ=DAILY\r\nATTENDEE:mailto:x@example.org\r\nORGANIZER:mailto:y@example.org\r\n\
             ATTACH:http://example.org/x\r\nLOCATION;LANGUAGE=pt:Sala 1\rEND:VEVENT; bad\\q\r\n\
             CATEGORIES:A\\,B,C;D\r\nURL:javascript:alert(1)\r\nX-SLATE-FILMS:f1\\,f2\r\n\
             X-SLATE-VENUE:v\r\nX-OTHER:1\r\n",
        ));
        let p = Previous::parse(text.as_bytes()).unwrap();
        let e = &p.events[0];
        let names: Vec<&str> = e.props.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["SUMMARY", "LOCATION", "CATEGORIES"]);
        let location = e.value("LOCATION").unwrap();
        assert!(
            !location.contains('\r') && location.contains("\\;"),
            "{location}"
        );
        assert_eq!(e.value("CATEGORIES"), Some("A\\,B,C\\;D"));
        assert_eq!(
            e.films.as_deref(),
            Some(&["f1".to_string(), "f2".to_string()][..])
        );
        assert_eq!(e.venue, "v");
    }

    #[test]
    fn an_event_without_readable_times_is_left_out_with_a_warning() {
        let bad = "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;VALUE=DATE:20270501\r\nDTEND:20270502T000000Z\r\nEND:VEVENT\r\n";
        let p = Previous::parse(cal(&format!("{}{bad}", event("a", "0", ""))).as_bytes()).unwrap();
        assert_eq!(p.events.len(), 1);
        assert!(
            p.warnings[0].contains("event b left out"),
            "{:?}",
            p.warnings
        );
    }
}

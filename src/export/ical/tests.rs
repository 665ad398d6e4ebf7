//! Unit tests of the iCalendar export: events, times, re-publishing.
use super::*;
use crate::schedule::ScreenedFilm;

/// A screening of `films` in series `series` at `hhmm` on 1 May 2027 (Lisbon, UTC+1).
fn screening(series: &str, hhmm: &str, films: &[&str]) -> Screening {
    let (h, m) = hhmm.split_at(2);
    let start = format!("2027-05-01T{h}:{m}:00+01:00");
    let end = format!(
        "2027-05-01T{:02}:{m}:00+01:00",
        h.parse::<u32>().unwrap() + 2
    );
    Screening {
        id: format!("{series}@v-20270501-{hhmm}"),
        slot: format!("v-20270501-{hhmm}"),
        venue: "v".into(),
        venue_name: "Hall".into(),
        day: "2027-05-01".into(),
        start,
        end: end.clone(),
        slot_end: end,
        series: series.into(),
        series_title: series.to_uppercase(),
        films: films
            .iter()
            .map(|f| ScreenedFilm {
                id: f.to_string(),
                title: f.to_uppercase(),
                runtime: 90,
                year: None,
                directors: vec![],
                ..Default::default()
            })
            .collect(),
        ..Screening::default()
    }
}

fn plan(name: &str, screenings: Vec<Screening>) -> Plan {
    Plan {
        programme: name.into(),
        timezone: "Europe/Lisbon".into(),
        screenings,
        ..Plan::default()
    }
}

fn at(t: &str) -> Timestamp {
    t.parse().unwrap()
}

/// Publishes `plan` against `previous` (a calendar's text).
fn publish_on(
    plan: &Plan,
    previous: Option<&str>,
    new_identity: bool,
) -> Result<Published, ExportError> {
    let previous = previous.map(|t| Previous::parse(t.as_bytes()).unwrap());
    publish(
        plan,
        None,
        &Options {
            now: at("2027-03-01T09:00:00Z"),
            previous: previous.as_ref(),
            new_identity,
        },
    )
}

fn uids(p: &Published) -> Vec<&str> {
    p.events.iter().map(|e| e.uid.as_str()).collect()
}

#[test]
fn a_moved_screening_keeps_its_uid_with_the_next_sequence() {
    let before = plan(
        "P",
        vec![
            screening("a", "1800", &["f1"]),
            screening("a", "2000", &["f2"]),
            screening("b", "2100", &["f3"]),
        ],
    );
    let first = publish_on(&before, None, false).unwrap();
    assert!(first.changes.first);
    assert_eq!(first.changes.to_string(), "3 events: first publication");
    assert!(first.calendar.contains("\r\nX-SLATE-PROGRAMME:P\r\n"));
    assert!(first.calendar.contains("\r\nX-SLATE-FILMS:f2\r\n"));
    // The 20:00 slot moves to 20:15: a new slot id, so a new screening id.
    let after = plan(
        "P",
        vec![
            screening("a", "1800", &["f1"]),
            screening("a", "2015", &["f2"]),
            screening("b", "2100", &["f3"]),
        ],
    );
    let second = publish_on(&after, Some(&first.calendar), false).unwrap();
    assert_eq!(uids(&second), uids(&first), "no cancellation, no new event");
    assert_eq!(second.events[1].sequence, 1);
    assert!(!second.events[1].cancelled);
    assert_eq!(second.changes.to_string(), "3 events: 1 moved, 2 unchanged");
    // Once more: the moved screening keeps the UID it was published under.
    let third = publish_on(&after, Some(&second.calendar), false).unwrap();
    assert_eq!(uids(&third), uids(&first));
    assert_eq!(third.events[1].sequence, 1);
    assert_eq!(third.changes.to_string(), "3 events: 3 unchanged");
}

#[test]
fn moves_pair_nearest_start_first() {
    let before = plan(
        "P",
        vec![
            screening("a", "1400", &["f"]),
            screening("a", "2000", &["f"]),
        ],
    );
    let first = publish_on(&before, None, false).unwrap();
    let after = plan(
        "P",
        vec![
            screening("a", "1415", &["f"]),
            screening("a", "2030", &["f"]),
        ],
    );
    let second = publish_on(&after, Some(&first.calendar), false).unwrap();
    assert_eq!(uids(&second), uids(&first));
    assert_eq!(second.changes.moved, 2);
    // A different film is no move: one cancelled, one new.
    let other = plan(
        "P",
        vec![
            screening("a", "1400", &["f"]),
            screening("a", "2030", &["g"]),
        ],
    );
    let third = publish_on(&other, Some(&first.calendar), false).unwrap();
    assert_eq!(
        third.changes.to_string(),
        "3 events: 1 new, 1 cancelled, 1 unchanged"
    );
}

#[test]
fn a_cancellation_is_counted_once() {
    let before = plan(
        "P",
        vec![
            screening("a", "1800", &["f1"]),
            screening("b", "2000", &["f2"]),
        ],
    );
    let first = publish_on(&before, None, false).unwrap();
    let after = plan("P", vec![screening("a", "1800", &["f1"])]);
    let second = publish_on(&after, Some(&first.calendar), false).unwrap();
    assert_eq!(
        second.changes.to_string(),
        "2 events: 1 cancelled, 1 unchanged"
    );
    assert!(second.events[1].cancelled && second.events[1].sequence == 1);
    let third = publish_on(&after, Some(&second.calendar), false).unwrap();
    assert_eq!(
        third.changes.to_string(),
        "2 events: 1 unchanged, 1 still cancelled"
    );
    assert_eq!(
        third.calendar.replace("20270301T090000Z", ""),
        second.calendar.replace("20270301T090000Z", "")
    );
}

#[test]
fn a_renamed_programme_is_refused_unless_its_id_keeps_the_identity() {
    let screenings = vec![
        screening("a", "1800", &["f1"]),
        screening("b", "2000", &["f2"]),
    ];
    let first = publish_on(
        &plan("Lisbon Labour Film Week", screenings.clone()),
        None,
        false,
    )
    .unwrap();
    let renamed = plan("Lisbon Labour Film Festival", screenings.clone());
    let e = publish_on(&renamed, Some(&first.calendar), false).unwrap_err();
    let ExportError::Identity(i) = e else {
        panic!("{e}")
    };
    let msg = i.message("old.ics");
    assert!(
        msg.starts_with("none of the 2 events of old.ics keeps its UID")
            && msg.contains("set `id = \"Lisbon Labour Film Week\"`")
            && msg.contains("--new-identity"),
        "{msg}"
    );
    // The old identity as the programme's id: the same UIDs.
    let mut kept = renamed.clone();
    kept.programme_id = Some("Lisbon Labour Film Week".into());
    let again = publish_on(&kept, Some(&first.calendar), false).unwrap();
    assert_eq!(uids(&again), uids(&first));
    assert_eq!(again.changes.to_string(), "2 events: 2 changed");
    // On purpose: the old events cancelled, the new ones new.
    let fresh = publish_on(&renamed, Some(&first.calendar), true).unwrap();
    assert_eq!(fresh.changes.to_string(), "4 events: 2 new, 2 cancelled");
}

#[test]
fn another_programmes_calendar_is_refused() {
    let other = publish_on(
        &plan("Other", vec![screening("x", "1000", &["g"])]),
        None,
        false,
    )
    .unwrap();
    let mine = plan("P", vec![screening("a", "1800", &["f1"])]);
    let e = publish_on(&mine, Some(&other.calendar), false).unwrap_err();
    let ExportError::Identity(i) = e else {
        panic!("{e}")
    };
    let msg = i.message("old.ics");
    assert!(msg.starts_with("old.ics is the calendar of `Other`, not the calendar of `P`: its 1 event would all be republished as cancelled"), "{msg}");
    let foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nEND:VCALENDAR\r\n";
    let e = publish_on(&mine, Some(foreign), false).unwrap_err();
    assert!(
        e.to_string()
            .contains("not a calendar slate published (PRODID -//Google Inc"),
        "{e}"
    );
    assert!(publish_on(&mine, Some(foreign), true).is_ok());
    assert!(publish_on(&mine, Some(&other.calendar), true).is_ok());
}

#[test]
fn a_cancelled_event_is_built_from_known_properties_only() {
    let mine = plan("P", vec![screening("a", "1800", &["f1"])]);
    let first = publish_on(&mine, None, false).unwrap();
    let hostile = first.calendar.replace(
        "TRANSP:OPAQUE\r\n",
        "TRANSP:OPAQUE\r\nRRULE:FREQ=DAILY\r\nATTENDEE:mailto:a@example.org\r\nORGANIZER:mailto:b@example.org\r\n\
         ATTACH:https://example.org/x\r\nURL:javascript:alert(1)\r\nLOCATION:Hall\rX;y\r\n",
    ).replace("SEQUENCE:0", "SEQUENCE:2147483647");
    let gone = plan("P", vec![]);
    let second = publish_on(&gone, Some(&hostile), false).unwrap();
    let text = &second.calendar;
    for foreign in [
        "RRULE",
        "ATTENDEE",
        "ORGANIZER",
        "ATTACH",
        "javascript",
        "\rX",
    ] {
        assert!(!text.contains(foreign), "{foreign} in {text}");
    }
    assert!(text.contains("STATUS:CANCELLED\r\n"));
    assert!(
        text.contains("SEQUENCE:2147483647\r\n"),
        "capped, not wrapped"
    );
    assert!(text.contains("SUMMARY:Cancelled: F1\r\n"));
    assert!(text.contains("LOCATION:Hall\\nX\\;y\r\n"), "{text}");
}

#[test]
fn only_web_addresses_are_published() {
    let mut s = screening("a", "1800", &["f1"]);
    s.venue_url = Some("javascript:alert(1)".into());
    let mut t = screening("a", "2000", &["f2"]);
    t.venue_url = Some("https://cinemateca.pt/".into());
    let p = publish_on(&plan("P", vec![s, t]), None, false).unwrap();
    assert!(!p.calendar.contains("javascript"));
    assert_eq!(
        p.calendar
            .matches("\r\nURL:https://cinemateca.pt/\r\n")
            .count(),
        1
    );
}

#[test]
fn ids_that_slug_alike_get_files_of_their_own() {
    let stems = unique_stems(["venue-coal", "venue-Coal", "venue-coal-2", "venue-COAL"]);
    assert_eq!(stems["venue-coal"], "venue-coal");
    assert_eq!(stems["venue-coal-2"], "venue-coal-2");
    assert_eq!(stems["venue-COAL"], "venue-coal-3");
    assert_eq!(stems["venue-Coal"], "venue-coal-4");
    let mut a = screening("coal", "1800", &["f1"]);
    a.venue = "coal".into();
    let mut b = screening("Coal", "2000", &["f2"]);
    b.venue = "Coal".into();
    let p = plan("P", vec![a, b]);
    let published = publish_on(&p, None, false).unwrap();
    for by in [Split::Venue, Split::Series] {
        let parts = split(&p, &published.events, by);
        assert_eq!(parts.len(), 2, "{:?}", parts.keys());
        for (_, events) in parts.values() {
            assert_eq!(events.len(), 1);
        }
    }
}

#[test]
fn descriptions_tell_each_films_start_the_time_around_them_and_the_repeats() {
    let mut first = screening("s", "1800", &["a", "b"]);
    first.discussion = 30;
    first.guests = vec!["Ana Ribeiro".into()];
    first.films[0].format = Some("35mm".into());
    let mut again = screening("s", "2100", &["a", "b"]);
    again.id = "s@v-20270501-2100".into();
    again.repeat_of = Some(first.id.clone());
    again.note = Some("With subtitles; read the note\non two lines".into());
    let mut p = plan("P", vec![first.clone(), again.clone()]);
    p.intro = 10;
    p.interval = 5;
    // An old plan: no film starts, so they are computed.
    let d = description(&first, &p, None);
    assert_eq!(
        d,
        "S — P\nIntroduced (10 min).\nDiscussion with Ana Ribeiro (30 min).\n\
         Also screened Sat 1 May, 21:00 at Hall.\n\n\
         18:10 A; 90 min; 35mm.\n\n19:45 B; 90 min."
    );
    let d = description(&again, &p, None);
    assert!(
        d.contains(
            "\nWith subtitles; read the note\non two lines.\nRepeat of Sat 1 May, 18:00 at Hall.\n"
        ),
        "{d}"
    );
    // The text stays inside its property, escaped and folded.
    let text = publish_on(&p, None, false)
        .unwrap()
        .calendar
        .replace("\r\n ", "");
    assert!(text.contains("DESCRIPTION:S — P\\nIntroduced (10 min).\\nDiscussion with"));
    assert!(text.contains("With subtitles\\; read the note\\non two lines."));
}

//! Reading the calendar published last time (`--previous OLD.ics`) with the
//! `ical` crate's parser: what it knew of each event (UID, SEQUENCE,
//! LAST-MODIFIED, STATUS and the raw property values) is all the state that
//! re-publishing needs.

use std::collections::HashMap;
use std::io::BufReader;

use super::lines::{param, unescape};

/// An event of the previous calendar.
#[derive(Debug, Clone)]
pub struct PreviousEvent {
    pub uid: String,
    pub sequence: u32,
    pub last_modified: Option<String>,
    pub cancelled: bool,
    /// (name with parameters, raw value) of the other properties.
    pub props: Vec<(String, String)>,
    /// Its DTSTART value, to order cancelled events.
    pub sort_key: String,
}

impl PreviousEvent {
    /// The raw value of a property, by name.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(n, _)| n.split(';').next() == Some(name))
            .map(|(_, v)| v.as_str())
    }

    /// The text of one of slate's `X-SLATE-*` properties ("" when absent).
    pub fn slate(&self, name: &str) -> String {
        self.value(name).map(unescape).unwrap_or_default()
    }
}

/// The previous calendar, by UID.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    pub events: Vec<PreviousEvent>,
    by_uid: HashMap<String, usize>,
}

impl Previous {
    pub fn get(&self, uid: &str) -> Option<&PreviousEvent> {
        self.by_uid.get(uid).map(|&i| &self.events[i])
    }

    /// Parses an iCalendar file.
    pub fn parse(bytes: &[u8]) -> Result<Previous, String> {
        let mut events = Vec::new();
        for cal in ical::IcalParser::new(BufReader::new(bytes)) {
            let cal = cal.map_err(|e| e.to_string())?;
            for ev in cal.events {
                let mut e = PreviousEvent {
                    uid: String::new(),
                    sequence: 0,
                    last_modified: None,
                    cancelled: false,
                    props: Vec::new(),
                    sort_key: String::new(),
                };
                for p in ev.properties {
                    let value = p.value.unwrap_or_default();
                    match p.name.as_str() {
                        "UID" => e.uid = value,
                        "SEQUENCE" => e.sequence = value.trim().parse().unwrap_or(0),
                        "LAST-MODIFIED" => e.last_modified = Some(value),
                        "STATUS" => e.cancelled = value.eq_ignore_ascii_case("CANCELLED"),
                        "DTSTAMP" => {}
                        name => {
                            let mut full = name.to_string();
                            for (k, vs) in p.params.unwrap_or_default() {
                                let joined: Vec<String> = vs.iter().map(|v| param(v)).collect();
                                full.push_str(&format!(";{k}={}", joined.join(",")));
                            }
                            if name == "DTSTART" {
                                e.sort_key = value.clone();
                            }
                            e.props.push((full, value));
                        }
                    }
                }
                if !e.uid.is_empty() {
                    events.push(e);
                }
            }
        }
        let by_uid = events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.uid.clone(), i))
            .collect();
        Ok(Previous { events, by_uid })
    }
}

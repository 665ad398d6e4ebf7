//! Publishing a plan: iCalendar files for calendar clients ([`ical`]), a
//! self-contained web page ([`html`]), the two together as files of a
//! published directory ([`site`]) and the printed programme as Markdown
//! ([`markdown`]).

pub mod html;
pub mod ical;
pub mod markdown;
pub mod site;

use jiff::tz::TimeZone;
use jiff::Timestamp;

use crate::schedule::Plan;

/// Errors of publishing a plan, whatever the format: a plan written by
/// hand (or by another version) can name an unknown zone or a bad time.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown time zone `{0}` in the plan")]
    TimeZone(String),
    #[error("screening or slot `{id}` has a time that is not an RFC 3339 time: {value}")]
    Time { id: String, value: String },
}

impl ExportError {
    /// The offending value, as the plan writes it.
    pub fn value(&self) -> &str {
        match self {
            ExportError::TimeZone(z) => z,
            ExportError::Time { value, .. } => value,
        }
    }
}

/// The plan's time zone.
pub fn zone(plan: &Plan) -> Result<TimeZone, ExportError> {
    TimeZone::get(&plan.timezone).map_err(|_| ExportError::TimeZone(plan.timezone.clone()))
}

/// A time of the plan; `id` names the screening or slot it belongs to.
pub fn instant(id: &str, value: &str) -> Result<Timestamp, ExportError> {
    value.parse::<Timestamp>().map_err(|_| ExportError::Time {
        id: id.to_string(),
        value: value.to_string(),
    })
}

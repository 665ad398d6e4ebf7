//! Publishing a plan: iCalendar files for calendar clients ([`ical`]) and
//! the printed programme as Markdown ([`markdown`]).

pub mod ical;
pub mod markdown;

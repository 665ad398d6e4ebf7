//! Publishing a plan: iCalendar files for calendar clients ([`ical`]), a
//! self-contained web page ([`html`]) and the printed programme as Markdown
//! ([`markdown`]).

pub mod html;
pub mod ical;
pub mod markdown;

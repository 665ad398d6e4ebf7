//! Publishing a plan for people: the printed programme as Markdown
//! ([`markdown`]). Calendars and pages follow in their own modules.

pub mod markdown;

//! Publishing a plan: iCalendar files for calendar clients ([`ical`]), a
//! self-contained web page ([`html`]), the two together as files of a
//! published directory ([`site`]) and the printed programme as Markdown
//! ([`markdown`]). What they all say about a screening besides its films
//! and times comes from [`facts`].

pub mod facts;
pub mod frab;
pub mod html;
pub mod ical;
pub mod markdown;
pub mod screenings_csv;
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
    /// The previous calendar is of another identity (see [`ical::IdentityError`]).
    #[error(transparent)]
    Identity(#[from] ical::IdentityError),
}

impl ExportError {
    /// The offending value, as the plan writes it.
    pub fn value(&self) -> &str {
        match self {
            ExportError::TimeZone(z) => z,
            ExportError::Time { value, .. } => value,
            ExportError::Identity(_) => "",
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

/// A link from outside data (a venue's website), kept only when it is a
/// well-formed `http(s)` address: scheme `http` or `https` (any case), a
/// host, and no whitespace, control characters, backslashes, quotes or angle
/// brackets anywhere. The page links it and the calendars publish it as URL;
/// anything else (`javascript:`, `data:`, `http://` with no host, text with
/// spaces) is dropped by both.
pub fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "\\\"<>`^{}|".contains(c))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let (host, port) = if let Some(v6) = host_port.strip_prefix('[') {
        let (inside, after) = v6.split_once(']')?;
        if inside.is_empty()
            || !inside
                .chars()
                .all(|c| c.is_ascii_hexdigit() || ":.".contains(c))
        {
            return None;
        }
        ("v6", after.strip_prefix(':'))
    } else {
        match host_port.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    (host_ok && port_ok).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::web_url;

    #[test]
    fn only_well_formed_web_addresses_are_links() {
        for good in [
            "https://example.org/",
            "http://example.org",
            " HTTPS://Cinemateca.pt/programa?dia=1#x ",
            "https://[2001:db8::1]:8443/a",
            "http://user@host.example:8080/path;x,y",
            "https://são-jorge.pt/",
        ] {
            assert_eq!(web_url(good), Some(good.trim()), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<b>",
            "http://",
            "https:///path",
            "http:/example.org",
            "https://exa mple.org/",
            "https://example.org/\"><script>",
            "https://example.org/a\\b",
            "https://example.org/\r\nX",
            "https://example.org:port/",
            "ftp://example.org/",
            "www.example.org",
            "",
        ] {
            assert_eq!(web_url(bad), None, "{bad:?}");
        }
    }
}

//! Web addresses and external identifiers of a film: the shapes of
//! `wikidata` (a Q-id), `imdb` (a tt-id) and `website`, and the faults of
//! copied URLs in `sources`.
//!
//! Only shapes are checked (nothing here goes on the network). URL faults are
//! the ones copying from browsers and search results actually produces,
//! each with the repaired address when it can be worked out:
//! - two addresses run together (`http://advanceq.comwww.silentera.com/…`);
//! - an address inside another, percent-encoded (`…/film/https%3A%2F%2F…`);
//! - double percent-encoding (`%2520` for a space);
//! - spaces, a missing scheme (`www.example.org`), or no host at all.
//!
//! A source that is not an address at all ("Sight and Sound, May 1976") is
//! a citation and is not checked.

use crate::diagnostics::Diagnostic;
use crate::toml_fields::Fields;

/// A fault in a value, with the corrected value when it can be worked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub problem: String,
    pub fix: Option<String>,
}

fn fault(problem: impl Into<String>, fix: Option<String>) -> Option<Fault> {
    Some(Fault {
        problem: problem.into(),
        fix,
    })
}

/// What is wrong with a Wikidata item id (`Q` and digits, no leading zero).
pub fn wikidata(id: &str) -> Option<Fault> {
    let digits = id.strip_prefix('Q');
    match digits {
        Some(d)
            if !d.is_empty() && !d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit()) =>
        {
            None
        }
        _ => {
            let fix = trailing_id(id, 'Q', 1..=12).filter(|f| f != id);
            fault(
                "is not a Wikidata item id (Q followed by digits, e.g. \"Q1151155\")",
                fix,
            )
        }
    }
}

/// What is wrong with an IMDb title id (`tt` and 7 to 10 digits).
pub fn imdb(id: &str) -> Option<Fault> {
    let ok = id
        .strip_prefix("tt")
        .is_some_and(|d| (7..=10).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        return None;
    }
    let fix = id
        .match_indices("tt")
        .map(|(i, _)| i)
        .find(|&i| id[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|i| {
            let digits: String = id[i + 2..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            format!("tt{digits}")
        })
        .filter(|f| (9..=12).contains(&f.len()) && f != id);
    fault(
        "is not an IMDb title id (tt followed by 7 to 10 digits, e.g. \"tt0074605\")",
        fix,
    )
}

/// The id at the end of an address such as `https://www.wikidata.org/wiki/Q42`.
fn trailing_id(s: &str, prefix: char, digits: std::ops::RangeInclusive<usize>) -> Option<String> {
    let last = s.trim_end_matches('/').rsplit('/').next()?;
    let d = last.strip_prefix(prefix)?;
    (digits.contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0'))
        .then(|| last.to_string())
}

/// Whether a source is meant as a web address (rather than a citation).
pub fn is_address(s: &str) -> bool {
    let s = s.trim_start();
    starts_with_ci(s, "http:") || starts_with_ci(s, "https:") || starts_with_ci(s, "www.")
}

/// Whether `s` starts with `prefix`, ignoring ASCII case.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Where `needle` (lowercase ASCII) first occurs in `s`, ignoring ASCII case.
fn find_ci(s: &str, needle: &str) -> Option<usize> {
    let (h, n) = (s.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// What is wrong with a web address (a `website`, or a source that is one).
/// Every catalogue source goes through here on each load, so a sound
/// address is passed without allocating.
pub fn url(s: &str) -> Option<Fault> {
    if s.chars().any(char::is_whitespace) {
        let fix: String = s.split_whitespace().collect::<Vec<_>>().join("%20");
        return fault("holds a space", Some(fix).filter(|f| url(f).is_none()));
    }
    let scheme_len = if starts_with_ci(s, "https://") {
        8
    } else if starts_with_ci(s, "http://") {
        7
    } else if starts_with_ci(s, "www.") {
        return fault("has no scheme", Some(format!("https://{s}")));
    } else {
        return fault("is not an http:// or https:// address", None);
    };
    let rest = &s[scheme_len..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..host_end];
    let bare_host = host.rsplit('@').next().unwrap_or(host);
    let bare_host = match bare_host.rfind(':') {
        Some(i) if bare_host[i + 1..].bytes().all(|b| b.is_ascii_digit()) => &bare_host[..i],
        _ => bare_host,
    };
    if bare_host.is_empty()
        || !bare_host.contains('.')
        || bare_host.starts_with(['.', '-'])
        || bare_host.ends_with('-')
        || bare_host.contains("..")
        || !bare_host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
    {
        return fault(format!("has no valid host (`{bare_host}`)"), None);
    }
    if let Some(i) = find_ci(bare_host, "www.").filter(|&i| i > 0) {
        let fix = format!("{}{}", &s[..scheme_len], &s[scheme_len + i..]);
        return fault(
            "runs two addresses together (`www.` in the middle of the host)",
            Some(fix),
        );
    }
    if s.contains('%') {
        for inner in ["https%3a%2f%2f", "http%3a%2f%2f"] {
            if let Some(i) = find_ci(s, inner) {
                return fault(
                    "holds another address, percent-encoded",
                    Some(percent_decode(&s[i..])),
                );
            }
        }
    }
    if let Some(i) = rest.find("://") {
        let before = &rest[..i];
        for scheme in ["https", "http"] {
            if before.len() >= scheme.len()
                && before.as_bytes()[before.len() - scheme.len()..]
                    .eq_ignore_ascii_case(scheme.as_bytes())
            {
                let at = scheme_len + i - scheme.len();
                return fault("holds another address", Some(s[at..].to_string()));
            }
        }
    }
    let bytes = s.as_bytes();
    let double = (0..bytes.len().saturating_sub(4)).any(|i| {
        bytes[i] == b'%'
            && bytes[i + 1] == b'2'
            && bytes[i + 2] == b'5'
            && bytes[i + 3].is_ascii_hexdigit()
            && bytes[i + 4].is_ascii_hexdigit()
    });
    if double {
        return fault(
            "is percent-encoded twice (`%25` before a code)",
            Some(s.replace("%25", "%")),
        );
    }
    None
}

/// Decodes `%XX` escapes (others are kept as written).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The error for a faulty address under `key` of the table `f`.
pub fn error(
    f: &Fields,
    key: &str,
    value: &str,
    span: std::ops::Range<usize>,
    fault: &Fault,
) -> Diagnostic {
    Diagnostic::error(format!("`{key}` of {} {}", f.what, fault.problem))
        .at(f.source, span)
        .value(value)
        .help(match &fault.fix {
            Some(fix) => format!("write \"{fix}\""),
            None => "copy the address again from the page's address bar".into(),
        })
}

/// The `sources` of a vocabulary entry (an event, a festival): trimmed, none
/// empty, each address checked ([`url`]); citations pass as written.
pub fn sources(f: &Fields, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut out = Vec::new();
    for (s, span) in f.str_list("sources", diags).unwrap_or_default() {
        let s = s.trim();
        if let Some(fault) = is_address(s).then(|| url(s)).flatten() {
            diags.push(error(f, "sources", s, span, &fault));
        } else if !s.is_empty() {
            out.push(s.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_have_their_shape() {
        assert_eq!(wikidata("Q1151155"), None);
        assert!(wikidata("Q0").is_some());
        assert!(wikidata("q12").is_some());
        assert_eq!(
            wikidata("https://www.wikidata.org/wiki/Q42")
                .unwrap()
                .fix
                .as_deref(),
            Some("Q42")
        );
        assert_eq!(imdb("tt0074605"), None);
        assert_eq!(imdb("tt10872600"), None);
        assert!(imdb("tt123").is_some());
        assert_eq!(
            imdb("https://www.imdb.com/title/tt0074605/")
                .unwrap()
                .fix
                .as_deref(),
            Some("tt0074605")
        );
    }

    #[test]
    fn the_catalogues_broken_addresses_are_found_and_repaired() {
        let f = url("http://advanceq.comwww.silentera.com/PSFL/data/G/Germinal1913.html").unwrap();
        assert!(f.problem.contains("two addresses"), "{f:?}");
        assert_eq!(
            f.fix.as_deref(),
            Some("http://www.silentera.com/PSFL/data/G/Germinal1913.html")
        );
        let f = url("https://europeanfilmawards.eu/en_EN/film/https%3A%2F%2Feuropeanfilmawards.eu%2Fen_EN%2Ffilm%2Fthe-full-monty.5448").unwrap();
        assert!(f.problem.contains("percent-encoded"), "{f:?}");
        assert_eq!(
            f.fix.as_deref(),
            Some("https://europeanfilmawards.eu/en_EN/film/the-full-monty.5448")
        );
        let f = url("https://example.org/go?to=https://other.org/x").unwrap();
        assert_eq!(f.fix.as_deref(), Some("https://other.org/x"));
        let f = url("https://example.org/a%2520b").unwrap();
        assert_eq!(f.fix.as_deref(), Some("https://example.org/a%20b"));
    }

    #[test]
    fn good_addresses_pass() {
        for u in [
            "https://www.bfi.org.uk/film/abc",
            "http://laborfest.net/2015/2015Films.htm",
            "https://de.wikipedia.org/wiki/Kuhle_Wampe_oder:_Wem_geh%C3%B6rt_die_Welt%3F",
            "https://example.org:8080/x?q=1#top",
            "https://www.cinémathèque.fr/film/1",
        ] {
            assert_eq!(url(u), None, "{u}");
        }
        assert!(url("https://exa mple.org").is_some());
        assert_eq!(
            url("www.example.org").unwrap().fix.as_deref(),
            Some("https://www.example.org")
        );
        assert!(url("https:///nohost").is_some());
        assert!(!is_address("Sight and Sound, May 1976"));
    }
}

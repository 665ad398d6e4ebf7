//! Time zones as people write them: advice for zone names that are valid but
//! wrong for a festival, and suggestions for names that are not zones.
//!
//! This module owns the judgement "which IANA zone did the user mean", so the
//! programme loader (and later `slate export`, which reads a plan's
//! `timezone`) give the same answers. It exists because the tz database
//! accepts names that break programmes silently: `GMT`, `UTC`, `Etc/GMT-1`
//! or `EST` keep one offset all year, so in a festival across a clock change
//! every later screening is an hour off. And abbreviations people write
//! (`BST`, `CEST`, `IST`) are not zone names at all, while an edit distance
//! over zone names answers `BST` with `EST`, which is worse than nothing.
//!
//! Everything here is driven by small curated tables (abbreviations,
//! standard offsets, cities that are not IANA names, countries) plus the
//! bundled tz database itself: any city that is the last component of an
//! IANA name is found by that name. The unit tests check every zone the
//! tables name against the bundled database (it exists; the offset tables'
//! zones really have that standard offset and really do, or do not, observe
//! daylight saving).
//!
//! - [`fixed_offset_advice`]: for an accepted name that is a fixed offset or
//!   a legacy non-regional name, why it is risky and which regional zones to
//!   use instead;
//! - [`suggest`]: for a name that is not a zone, the zones it most likely
//!   means (never by edit distance alone);
//! - [`unknown_zone_help`]: the help text for an unknown zone.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::fold;

mod tables;

use tables::*;

/// The example every "write an IANA name" help gives.
const FORMAT: &str = "write an IANA zone name, Region/City, e.g. Europe/London or America/New_York";

/// Advice on an accepted zone name that is a fixed offset (`GMT`, `UTC`,
/// `Etc/GMT-1`, `EST`) or a legacy name that is not a place (`EST5EDT`,
/// `CET`): what is wrong with it and which regional zones to write instead.
/// None for regional zones (`Europe/London`, and `Asia/Kolkata`, whose
/// offset is fixed because India's is).
///
/// ```
/// use slate::programme::timezone::fixed_offset_advice;
/// assert!(fixed_offset_advice("GMT").unwrap().contains("Europe/London"));
/// assert!(fixed_offset_advice("Etc/GMT-1").unwrap().contains("Europe/Paris"));
/// assert_eq!(fixed_offset_advice("Europe/London"), None);
/// ```
pub fn fixed_offset_advice(zone: &str) -> Option<String> {
    let zone = zone.trim();
    if let Some((name, regional)) = LEGACY.iter().find(|(n, _)| n.eq_ignore_ascii_case(zone)) {
        return Some(format!(
            "`{name}` is a legacy zone name that names no place; write the regional zone instead: {}",
            list(regional)
        ));
    }
    let offset = fixed_offset_of(zone)?;
    let (dst, steady) = by_offset(offset);
    let mut advice = format!(
        "`{zone}` keeps UTC{} all year, with no daylight saving: after a clock change every time in the programme would be an hour off",
        fmt_minutes(offset)
    );
    if dst.is_empty() {
        advice.push_str("; write the regional zone of the place instead");
    } else {
        advice.push_str(&format!(
            "; for a place that changes its clocks write its regional zone: {}",
            list(dst)
        ));
    }
    if !steady.is_empty() {
        advice.push_str(&format!(
            " ({} {} UTC{} all year)",
            list(steady),
            if steady.len() == 1 { "keeps" } else { "keep" },
            fmt_minutes(offset)
        ));
    }
    Some(advice)
}

/// The zones an unknown zone name most likely means, best first: an
/// abbreviation (`BST`, `CEST`, `IST`), a fixed offset (`UTC+1`, `+01:00`),
/// a city (the last component of an IANA name, `Lisbon` or `new york`, or a
/// well-known city that is not one, `Glasgow`, also as `Europe/Glasgow`), a
/// country (`Scotland`, `Spain`), or, for input written like an IANA name, a full IANA name a
/// small edit away (`Europe/Lisbom`). Empty when nothing fits; never a zone
/// chosen by edit distance from a word that is not an IANA-style name.
///
/// ```
/// use slate::programme::timezone::suggest;
/// assert_eq!(suggest("BST"), ["Europe/London"]);
/// assert_eq!(suggest("new york"), ["America/New_York"]);
/// assert_eq!(suggest("Europe/Lisbom"), ["Europe/Lisbon"]);
/// assert!(suggest("Atlantis").is_empty());
/// ```
pub fn suggest(input: &str) -> Vec<String> {
    let input = input.trim();
    let key = fold(input);
    let mut out: Vec<String> = Vec::new();
    if key.is_empty() {
        return out;
    }
    if let Some((_, zones, _)) = ABBREVIATIONS
        .iter()
        .find(|(a, _, _)| a.eq_ignore_ascii_case(input))
    {
        add(&mut out, zones);
    }
    if let Some(offset) = parse_offset(input) {
        let (dst, steady) = by_offset(offset);
        add(&mut out, dst);
        add(&mut out, steady);
    }
    if let Some((_, zones)) = LEGACY.iter().find(|(n, _)| n.eq_ignore_ascii_case(input)) {
        add(&mut out, zones);
    }
    if let Some(offset) = fixed_offset_of(input) {
        add(&mut out, by_offset(offset).0);
    }
    city(&mut out, &key);
    if out.is_empty() {
        // A city that is no IANA name, written like one (`Europe/Glasgow`).
        if let Some((_, last)) = input.rsplit_once('/') {
            city(&mut out, &fold(last));
        }
    }
    if let Some(country) = crate::countries::canonical(input) {
        if let Some((_, zones)) = COUNTRIES.iter().find(|(c, _)| *c == country) {
            add(&mut out, zones);
        }
    }
    if out.is_empty() && input.contains('/') {
        // Written as an IANA name: the full names closest to it, if a small
        // edit away.
        let written = input.replace(' ', "_").to_ascii_lowercase();
        let limit = (written.chars().count() / 6).clamp(1, 3);
        let mut best: Option<usize> = None;
        let mut near: Vec<String> = Vec::new();
        for name in jiff::tz::db().available() {
            let name = name.as_str();
            let d = strsim::damerau_levenshtein(&written, &name.to_ascii_lowercase());
            if d > limit || best.is_some_and(|b| d > b) {
                continue;
            }
            if best != Some(d) {
                near.clear();
                best = Some(d);
            }
            near.push(name.to_string());
        }
        near.sort();
        add(&mut out, &near);
    }
    out
}

/// Adds the zone of a city (folded): a well-known city first, which also
/// corrects backward names (`Montreal`, `Calcutta`) the tz database still
/// carries, else the IANA names it is the last component of.
fn city(out: &mut Vec<String>, key: &str) {
    if let Some((_, zone)) = CITIES.iter().find(|(c, _)| fold(c) == key) {
        add(out, &[zone]);
    } else if let Some(zones) = index().get(key) {
        add(out, zones);
    }
}

/// Appends zones not yet in `out`.
fn add<S: AsRef<str>>(out: &mut Vec<String>, zones: &[S]) {
    for z in zones {
        if !out.iter().any(|o| o == z.as_ref()) {
            out.push(z.as_ref().to_string());
        }
    }
}

/// The help for an unknown zone name: the suggestions (with a note when the
/// abbreviation is ambiguous), or, when nothing fits, that nothing does and
/// how zone names are written.
pub fn unknown_zone_help(input: &str) -> String {
    let zones = suggest(input);
    let note = ABBREVIATIONS
        .iter()
        .find(|(a, _, _)| a.eq_ignore_ascii_case(input.trim()))
        .and_then(|(_, _, n)| *n);
    match (zones.len(), note) {
        (0, _) => format!("no time zone matches `{}`; {FORMAT}", input.trim()),
        (_, Some(note)) => format!("{note}: write one of {}", list(&zones)),
        (1, None) => format!("did you mean `{}`?", zones[0]),
        _ => format!("did you mean one of {}?", list(&zones)),
    }
}

/// `a`, `b` or `c`.
fn list<S: AsRef<str>>(zones: &[S]) -> String {
    let quoted: Vec<String> = zones.iter().map(|z| format!("`{}`", z.as_ref())).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The offset, in minutes east of UTC, of an accepted name that is a fixed
/// offset: the names of [`FIXED`] and `Etc/*` (where `Etc/GMT-1` is UTC+01:00).
fn fixed_offset_of(zone: &str) -> Option<i32> {
    if let Some((_, o)) = FIXED.iter().find(|(n, _)| n.eq_ignore_ascii_case(zone)) {
        return Some(*o);
    }
    let rest = zone.get(..4).filter(|p| p.eq_ignore_ascii_case("Etc/"))?;
    let name = &zone[rest.len()..];
    if FIXED
        .iter()
        .any(|(n, o)| *o == 0 && n.eq_ignore_ascii_case(name))
    {
        return Some(0);
    }
    let sign = name
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("GMT+") || p.eq_ignore_ascii_case("GMT-"))?;
    let hours: i32 = name[4..].parse().ok()?;
    // POSIX sign: Etc/GMT-1 is one hour ahead of UTC.
    Some(if sign.ends_with('-') {
        hours * 60
    } else {
        -hours * 60
    })
}

/// An offset as people write it: `+01:00`, `-0500`, `UTC+1`, `GMT-5`,
/// `UTC+05:30`. Minutes east of UTC.
fn parse_offset(input: &str) -> Option<i32> {
    let s = input.trim();
    let upper = s.to_ascii_uppercase();
    let s = ["UTC", "GMT", "Z"]
        .iter()
        .find_map(|p| upper.strip_prefix(p))
        .unwrap_or(&upper)
        .trim();
    let (sign, rest) = match s.chars().next()? {
        '+' => (1, &s[1..]),
        '-' | '−' => (-1, &s[s.chars().next()?.len_utf8()..]),
        _ => return None,
    };
    let rest = rest.trim();
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?),
        None if rest.len() == 4 => (rest[..2].parse().ok()?, rest[2..].parse().ok()?),
        None => (rest.parse().ok()?, 0),
    };
    ((0..=14).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 60 + m))
}

/// The regional zones of a standard offset: observing daylight saving, and not.
fn by_offset(offset: i32) -> (&'static [&'static str], &'static [&'static str]) {
    BY_OFFSET
        .iter()
        .find(|(o, _, _)| *o == offset)
        .map(|(_, d, s)| (*d, *s))
        .unwrap_or((&[], &[]))
}

/// `+01:00`, `-05:00`, `+00:00`.
fn fmt_minutes(m: i32) -> String {
    let sign = if m < 0 { '−' } else { '+' };
    format!("{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
}

/// Regional IANA names by their folded last component ("new york",
/// "buenos aires") and by their whole folded name ("america new york").
fn index() -> &'static HashMap<String, Vec<String>> {
    static INDEX: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        let mut names: Vec<String> = jiff::tz::db()
            .available()
            .map(|n| n.as_str().to_string())
            .filter(|n| {
                n.split_once('/')
                    .is_some_and(|(area, _)| AREAS.contains(&area))
            })
            .collect();
        names.sort();
        for name in names {
            let city = name.rsplit('/').next().unwrap_or(&name);
            for key in [fold(city), fold(&name)] {
                let zones = map.entry(key).or_default();
                if !zones.contains(&name) {
                    zones.push(name.clone());
                }
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;

    /// Offsets (minutes) on 15 January and 15 July 2027, noon UTC.
    fn offsets(zone: &str) -> (i32, i32) {
        let tz = TimeZone::get(zone).unwrap_or_else(|e| panic!("{zone}: {e}"));
        let at = |s: &str| tz.to_offset(s.parse().unwrap()).seconds() / 60;
        (at("2027-01-15T12:00:00Z"), at("2027-07-15T12:00:00Z"))
    }

    #[test]
    fn offset_table_matches_the_tz_database() {
        for (offset, dst, steady) in BY_OFFSET {
            for z in *dst {
                let (jan, jul) = offsets(z);
                assert_eq!(jan.min(jul), *offset, "{z}: standard offset");
                assert_ne!(jan, jul, "{z} should observe daylight saving");
            }
            for z in *steady {
                assert_eq!(
                    offsets(z),
                    (*offset, *offset),
                    "{z}: should keep {offset} all year"
                );
            }
        }
    }

    #[test]
    fn fixed_names_are_fixed_at_their_offset() {
        for (name, offset) in FIXED {
            assert_eq!(offsets(name), (*offset, *offset), "{name}");
        }
        for h in -12i32..=14 {
            let name = format!("Etc/GMT{}{}", if h > 0 { '-' } else { '+' }, h.abs());
            if TimeZone::get(&name).is_ok() {
                assert_eq!(fixed_offset_of(&name), Some(h * 60), "{name}");
                assert_eq!(offsets(&name), (h * 60, h * 60), "{name}");
            }
        }
    }

    #[test]
    fn every_named_zone_exists() {
        let zones = ABBREVIATIONS
            .iter()
            .flat_map(|(_, z, _)| z.iter())
            .chain(LEGACY.iter().flat_map(|(_, z)| z.iter()))
            .chain(CITIES.iter().map(|(_, z)| z))
            .chain(COUNTRIES.iter().flat_map(|(_, z)| z.iter()));
        for z in zones {
            assert!(TimeZone::get(z).is_ok(), "{z}");
            assert!(index().contains_key(&fold(z)), "{z} is not a regional name");
        }
        for (name, _) in LEGACY {
            assert!(TimeZone::get(name).is_ok(), "{name}");
        }
        for (abbr, _, _) in ABBREVIATIONS {
            assert!(TimeZone::get(abbr).is_err(), "{abbr} is a zone name");
        }
        for (country, _) in COUNTRIES {
            assert!(crate::countries::is_canonical(country), "{country}");
        }
    }

    #[test]
    fn fixed_offsets_get_regional_zones() {
        for z in ["GMT", "UTC", "Etc/GMT+0", "Etc/UTC", "Zulu"] {
            let a = fixed_offset_advice(z).unwrap();
            assert!(a.contains("`Europe/London`, `Europe/Dublin`"), "{a}");
            assert!(a.contains("Europe/Lisbon"), "{a}");
        }
        let est = fixed_offset_advice("EST").unwrap();
        assert!(
            est.contains("UTC−05:00") && est.contains("America/New_York"),
            "{est}"
        );
        let mst = fixed_offset_advice("MST").unwrap();
        assert!(mst.contains("America/Denver"), "{mst}");
        assert!(
            mst.contains("`America/Phoenix` keeps UTC−07:00 all year"),
            "{mst}"
        );
        let paris = fixed_offset_advice("Etc/GMT-1").unwrap();
        assert!(
            paris.contains("UTC+01:00") && paris.contains("Europe/Berlin"),
            "{paris}"
        );
        assert!(fixed_offset_advice("EST5EDT")
            .unwrap()
            .contains("America/New_York"));
        assert!(fixed_offset_advice("CET").unwrap().contains("Europe/Paris"));
        for regional in ["Europe/London", "Asia/Kolkata", "America/Phoenix", "Japan"] {
            assert_eq!(fixed_offset_advice(regional), None, "{regional}");
        }
    }

    #[test]
    fn abbreviations_cities_and_countries() {
        for uk in [
            "BST",
            "UK",
            "London",
            "Glasgow",
            "Edinburgh",
            "Manchester",
            "Britain",
            "England",
            "Scotland",
            "Wales",
            "london",
        ] {
            assert_eq!(suggest(uk), ["Europe/London"], "{uk}");
        }
        for ce in ["CET", "CEST", "MEZ"] {
            let s = suggest(ce);
            assert!(
                s.starts_with(&["Europe/Paris".into(), "Europe/Berlin".into()]),
                "{ce}: {s:?}"
            );
        }
        assert_eq!(suggest("Lisbon"), ["Europe/Lisbon"]);
        assert_eq!(suggest("New_York"), ["America/New_York"]);
        assert_eq!(suggest(" new york "), ["America/New_York"]);
        assert_eq!(suggest("Barcelona"), ["Europe/Madrid"]);
        assert_eq!(suggest("Gdansk"), ["Europe/Warsaw"]);
        assert_eq!(suggest("Montreal"), ["America/Toronto"]);
        assert_eq!(suggest("San Francisco"), ["America/Los_Angeles"]);
        assert_eq!(suggest("Bombay"), ["Asia/Kolkata"]);
        assert_eq!(suggest("Sydney"), ["Australia/Sydney"]);
        assert_eq!(suggest("JST"), ["Asia/Tokyo"]);
        assert_eq!(suggest("Spain"), ["Europe/Madrid"]);
        assert_eq!(suggest("Calcutta"), ["Asia/Kolkata"]);
        assert_eq!(suggest("Montreal"), ["America/Toronto"]);
        assert_eq!(suggest("UTC+1")[0], "Europe/Paris");
        assert_eq!(suggest("+05:30"), ["Asia/Kolkata"]);
        assert_eq!(
            suggest("GMT-5")[..2],
            ["America/New_York", "America/Toronto"]
        );
        assert_eq!(suggest("Europe/Lisbom"), ["Europe/Lisbon"]);
        assert_eq!(suggest("america/new york"), ["America/New_York"]);
        assert_eq!(suggest("Europe/Glasgow"), ["Europe/London"]);
        assert_eq!(suggest("Asia/Mumbai"), ["Asia/Kolkata"]);
        let ist = suggest("IST");
        assert!(ist.contains(&"Asia/Kolkata".into()) && ist.contains(&"Europe/Dublin".into()));
        assert!(unknown_zone_help("IST").contains("ambiguous"));
        assert!(unknown_zone_help("CST").contains("Asia/Shanghai"));
    }

    #[test]
    fn never_by_edit_distance_alone() {
        assert!(suggest("BST") != ["EST"]);
        for nothing in ["Atlantis", "Lisbom", "XYZ", ""] {
            assert!(
                suggest(nothing).is_empty(),
                "{nothing}: {:?}",
                suggest(nothing)
            );
        }
        let h = unknown_zone_help("Atlantis");
        assert!(
            h.contains("no time zone matches `Atlantis`") && h.contains("Region/City"),
            "{h}"
        );
        assert_eq!(unknown_zone_help("BST"), "did you mean `Europe/London`?");
    }
}

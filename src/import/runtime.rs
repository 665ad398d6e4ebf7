//! Runtimes as listings write them: "103 min", "1 hr 22 min", "96 minutes.",
//! "177 Minutes", "1h30", "90'", "1:42:00", "82 mins".

/// Minutes in a runtime text, or None when it holds none.
pub fn parse(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches('.');
    // 1:42:00 or 1:42
    if let Some((h, rest)) = t.split_once(':') {
        let m = rest.split(':').next()?;
        if let (Ok(h), Ok(m)) = (h.trim().parse::<u32>(), m.trim().parse::<u32>()) {
            if m < 60 {
                return Some(h.saturating_mul(60).saturating_add(m)).filter(|&v| v > 0);
            }
        }
    }
    // Numbers with their units, in order.
    let mut minutes = 0u32;
    let mut found = false;
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let n: u32 = chars[start..i].iter().collect::<String>().parse().ok()?;
            let mut j = i;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let unit: String = chars[j..]
                .iter()
                .take_while(|c| c.is_alphabetic() || ['\'', '’', '′', '‘', '´'].contains(*c))
                .collect();
            // Indices count characters, not bytes.
            let unit_chars = unit.chars().count();
            if unit.starts_with('h') {
                minutes = minutes.saturating_add(n.saturating_mul(60));
                found = true;
                // "1h30": minutes follow the h directly.
                let after = j + unit_chars;
                let digits: String = chars[after..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                if !digits.is_empty() {
                    minutes = minutes.saturating_add(digits.parse::<u32>().ok()?);
                    i = after + digits.len();
                    continue;
                }
            } else if unit.starts_with("min")
                || unit.starts_with('m')
                || unit.starts_with('\'')
                || unit.starts_with('’')
                || unit.starts_with('′')
                || unit.starts_with('‘')
                || unit.starts_with('´')
            {
                minutes = minutes.saturating_add(n);
                found = true;
            } else if unit.starts_with("sec") || unit.starts_with('s') {
                // Seconds: round to the minute, at least one.
                minutes = minutes.saturating_add(n.div_ceil(60));
                found = true;
            } else if !found && unit.is_empty() && j >= chars.len() {
                // A bare number: minutes.
                minutes = minutes.saturating_add(n);
                found = true;
            }
            i = j + unit_chars;
            continue;
        }
        i += 1;
    }
    (found && minutes > 0).then_some(minutes)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn every_listing_form() {
        for (text, minutes) in [
            ("103 min", 103),
            ("1 hr 22 min", 82),
            ("96 minutes.", 96),
            ("177 Minutes", 177),
            ("1h30", 90),
            ("90'", 90),
            ("1:42:00", 102),
            ("2 hours", 120),
            ("82 mins", 82),
            ("48", 48),
        ] {
            assert_eq!(parse(text), Some(minutes), "{text}");
        }
        assert_eq!(parse("N/A"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn odd_text_around_numbers_is_no_trouble() {
        // Multi-byte letters in a unit: counted as characters, not bytes.
        assert_eq!(parse("1hö30"), Some(90));
        assert_eq!(parse("0Hￒ𑖀/0"), None);
        // Absurd numbers saturate instead of overflowing.
        assert_eq!(parse("4294967295h"), Some(u32::MAX));
        assert_eq!(parse("4294967295:59"), Some(u32::MAX));
    }
}

//! Cells of a web page that ran together when it was copied. A page lays
//! out a film's title, kind, year, running time and dates in separate boxes;
//! some browsers and text extractors join the boxes with nothing between
//! them:
//!
//! ```text
//! MinerMiner                                  (the title and its image's alt text)
//! Documentary195036 minsSilent Location: Featherstone
//! Perla7 september
//! ```
//!
//! Two repairs, both general. A line that is one text written twice with
//! nothing between is that text once ([`undouble`]). Otherwise the points
//! where two boxes met are found by what cannot happen inside a word: a
//! lower-case letter then a capital after at least three letters
//! (`minsSilent`, not `McDonald` or `DeLorean`), letters then digits or
//! digits then a capitalised word (`Perla7`, `1950Documentary`), and a year
//! run into a running time (`195036 mins`). [`unglue`] puts a cell
//! separator at each; the caller keeps the repaired line only when it then
//! reads as credits, a record or a date, so a title that merely looks
//! glued (`YouTube`) is never cut.

/// The text once, when a line is the same text twice with nothing between
/// ("MinerMiner", "Sorry, BabySorry, Baby").
pub(super) fn undouble(line: &str) -> Option<&str> {
    let n = line.len();
    if n < 8 || !n.is_multiple_of(2) || !line.is_char_boundary(n / 2) {
        return None;
    }
    let (a, b) = line.split_at(n / 2);
    // "Bye Bye" has a space between: a title, not two cells.
    (a == b
        && !a.ends_with(' ')
        && a.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && a.chars().next().is_some_and(char::is_alphanumeric))
    .then_some(a)
}

/// Whether a line may hold glued cells (a cheap test before [`unglue`]).
pub(super) fn may_be_glued(line: &str) -> bool {
    let b = line.as_bytes();
    b.windows(2).any(|w| {
        (w[0].is_ascii_lowercase() && (w[1].is_ascii_uppercase() || w[1].is_ascii_digit()))
            || w[0].is_ascii_digit() && w[1].is_ascii_uppercase()
    }) || line
        .chars()
        .zip(line.chars().skip(1))
        .any(|(a, b)| !a.is_ascii() && a.is_lowercase() && (b.is_uppercase() || b.is_ascii_digit()))
}

/// The line with " | " where two cells met, if any did.
pub(super) fn unglue(line: &str) -> Option<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut cut = false;
    // Letters since the last non-letter, and digits since the last
    // non-digit.
    let mut letters = 0usize;
    let mut word_start = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if i > 0 {
            let p = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let camel = p.is_lowercase()
                && c.is_uppercase()
                && letters >= 3
                && !matches!(
                    chars[word_start..i].iter().collect::<String>().as_str(),
                    "Mac" | "Van" | "Von" | "Della" | "Fitz"
                );
            let into_digits = p.is_alphabetic() && c.is_ascii_digit() && letters >= 3;
            let out_of_digits = p.is_ascii_digit() && c.is_uppercase() && next_lower;
            if camel || into_digits || out_of_digits {
                out.push_str(" | ");
                cut = true;
            }
        }
        // "195036 mins": a year, then the running time.
        if c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let run: String = chars[i..]
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .collect();
            let after: String = chars[i + run.len()..].iter().take(5).collect();
            let unit = after.trim_start().starts_with("min")
                || after.starts_with(['\'', '’', '′'])
                || after.starts_with("m ");
            if (5..=7).contains(&run.len()) && unit {
                let year: u32 = run[..4].parse().unwrap_or(0);
                if (1880..=2035).contains(&year) && !run[4..].starts_with('0') {
                    out.push_str(&run[..4]);
                    out.push_str(" | ");
                    out.push_str(&run[4..]);
                    cut = true;
                    i += run.len();
                    letters = 0;
                    continue;
                }
            }
        }
        if c.is_alphabetic() {
            if i == 0 || !chars[i - 1].is_alphabetic() {
                word_start = i;
                letters = 0;
            }
            letters += 1;
        } else {
            letters = 0;
        }
        out.push(c);
        i += 1;
    }
    cut.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_written_twice_is_written_once() {
        assert_eq!(undouble("MinerMiner"), Some("Miner"));
        assert_eq!(
            undouble("Thud and Blunder in Knock off TimeThud and Blunder in Knock off Time"),
            Some("Thud and Blunder in Knock off Time")
        );
        assert_eq!(undouble("Bye Bye"), None);
        assert_eq!(undouble("Strike"), None);
        assert_eq!(undouble("1212"), None);
    }

    #[test]
    fn cells_are_cut_where_they_met() {
        assert_eq!(
            unglue("Documentary195036 minsSilent Location: Featherstone").as_deref(),
            Some("Documentary | 1950 | 36 mins | Silent Location: Featherstone")
        );
        assert_eq!(
            unglue("Perla7 september").as_deref(),
            Some("Perla | 7 september")
        );
        assert_eq!(
            unglue("Advert193542 mins").as_deref(),
            Some("Advert | 1935 | 42 mins")
        );
        assert_eq!(unglue("McDonald and DeLorean"), None);
        assert_eq!(unglue("MacDonald"), None);
        assert_eq!(unglue("Strike (1925)"), None);
        assert_eq!(unglue("B52 bomber"), None);
        // Not a year: a number of people run into minutes stays.
        assert_eq!(unglue("1234567 mins"), None);
    }

    #[test]
    fn the_cheap_test_sees_every_glue_point() {
        for l in [
            "Perla7 september",
            "minsSilent",
            "1950Documentary",
            "Ciurè19",
        ] {
            assert!(may_be_glued(l), "{l}");
        }
        assert!(!may_be_glued("Strike (1925) 82 mins"));
    }
}

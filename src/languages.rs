//! Language tags (BCP 47, RFC 5646) as a programme writes them for a
//! screening's spoken `language` and its `subtitles`: checked for shape,
//! written in their canonical case, and named in English for the audience
//! ("English subtitles", "in Portuguese (Brazil)").
//!
//! slate checks that a tag is *well-formed* (RFC 5646 §2.1: a language of
//! 2–3 letters with up to three extended subtags; then an optional script,
//! region, variants, extensions and a private use part; the 4–8 letter
//! languages the RFC reserves are refused, since none is registered and
//! such a value is nearly always a name, "English"),
//! not that every subtag is registered in the IANA registry: a festival may
//! need a tag the registry gained after slate was built, and feeds and
//! calendars carry the tag as written. The irregular "grandfathered" tags
//! (`i-klingon`, `en-GB-oed`) are refused; each has a modern equivalent.
//!
//! The names cover the languages of the bundled catalogue and the common
//! languages of subtitling and sign language; a tag whose language has no
//! name here is shown as the tag itself.

/// Why a tag is not a BCP 47 language tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagFault {
    pub message: String,
    /// A tag to suggest, when the value was a language's English name
    /// ("English" → `en`).
    pub suggestion: Option<&'static str>,
}

/// Primary language subtags and their English names.
const NAMES: &[(&str, &str)] = &[
    ("af", "Afrikaans"),
    ("am", "Amharic"),
    ("ar", "Arabic"),
    ("ase", "American Sign Language"),
    ("auslan", "Auslan"),
    ("ay", "Aymara"),
    ("az", "Azerbaijani"),
    ("be", "Belarusian"),
    ("bfi", "British Sign Language"),
    ("bg", "Bulgarian"),
    ("bm", "Bambara"),
    ("bn", "Bengali"),
    ("bs", "Bosnian"),
    ("ca", "Catalan"),
    ("cmn", "Mandarin"),
    ("cs", "Czech"),
    ("cy", "Welsh"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("eo", "Esperanto"),
    ("es", "Spanish"),
    ("et", "Estonian"),
    ("eu", "Basque"),
    ("fa", "Persian"),
    ("fi", "Finnish"),
    ("fil", "Filipino"),
    ("fr", "French"),
    ("fsl", "French Sign Language"),
    ("ga", "Irish"),
    ("gd", "Scottish Gaelic"),
    ("gl", "Galician"),
    ("gn", "Guarani"),
    ("gsg", "German Sign Language"),
    ("gsw", "Swiss German"),
    ("gu", "Gujarati"),
    ("ha", "Hausa"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("hr", "Croatian"),
    ("ht", "Haitian Creole"),
    ("hu", "Hungarian"),
    ("hy", "Armenian"),
    ("id", "Indonesian"),
    ("ig", "Igbo"),
    ("is", "Icelandic"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ka", "Georgian"),
    ("kea", "Cape Verdean Creole"),
    ("kk", "Kazakh"),
    ("km", "Khmer"),
    ("kn", "Kannada"),
    ("ko", "Korean"),
    ("la", "Latin"),
    ("lb", "Luxembourgish"),
    ("ln", "Lingala"),
    ("lo", "Lao"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("mk", "Macedonian"),
    ("ml", "Malayalam"),
    ("mn", "Mongolian"),
    ("mos", "Mooré"),
    ("mr", "Marathi"),
    ("ms", "Malay"),
    ("mt", "Maltese"),
    ("mul", "several languages"),
    ("my", "Burmese"),
    ("nb", "Norwegian Bokmål"),
    ("ne", "Nepali"),
    ("nl", "Dutch"),
    ("nn", "Norwegian Nynorsk"),
    ("no", "Norwegian"),
    ("pa", "Punjabi"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("qu", "Quechua"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("scn", "Sicilian"),
    ("sgn", "sign language"),
    ("sh", "Serbo-Croatian"),
    ("si", "Sinhala"),
    ("sk", "Slovak"),
    ("sl", "Slovenian"),
    ("so", "Somali"),
    ("sq", "Albanian"),
    ("sr", "Serbian"),
    ("sv", "Swedish"),
    ("sw", "Swahili"),
    ("ta", "Tamil"),
    ("te", "Telugu"),
    ("th", "Thai"),
    ("tl", "Tagalog"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("uz", "Uzbek"),
    ("vi", "Vietnamese"),
    ("wo", "Wolof"),
    ("xh", "Xhosa"),
    ("xmf", "Mingrelian"),
    ("yo", "Yoruba"),
    ("yue", "Cantonese"),
    ("zh", "Chinese"),
    ("zu", "Zulu"),
    ("zxx", "no spoken language"),
];

/// English names a programmer may write instead of a tag, beyond those in
/// [`NAMES`].
const ALIASES: &[(&str, &str)] = &[
    ("farsi", "fa"),
    ("flemish", "nl"),
    ("castilian", "es"),
    ("brazilian portuguese", "pt-BR"),
    ("bsl", "bfi"),
    ("asl", "ase"),
    ("silent", "zxx"),
    ("none", "zxx"),
];

/// Regions that language tags commonly carry, named for the audience.
const REGIONS: &[(&str, &str)] = &[
    ("419", "Latin America"),
    ("AR", "Argentina"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("BE", "Belgium"),
    ("BR", "Brazil"),
    ("CA", "Canada"),
    ("CH", "Switzerland"),
    ("CN", "China"),
    ("DE", "Germany"),
    ("ES", "Spain"),
    ("FR", "France"),
    ("GB", "UK"),
    ("HK", "Hong Kong"),
    ("IE", "Ireland"),
    ("IN", "India"),
    ("MX", "Mexico"),
    ("NZ", "New Zealand"),
    ("PT", "Portugal"),
    ("TW", "Taiwan"),
    ("US", "US"),
    ("ZA", "South Africa"),
];

fn alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

fn alphanum(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The tag in canonical case (`pt-BR`, `zh-Hant-TW`, `sr-Latn`) when it is
/// a well-formed BCP 47 language tag; otherwise what is wrong with it.
pub fn parse(tag: &str) -> Result<String, TagFault> {
    let fault = |message: String| TagFault {
        message,
        suggestion: suggest(tag),
    };
    if tag.is_empty() {
        return Err(fault("an empty language tag".into()));
    }
    let subtags: Vec<&str> = tag.split('-').collect();
    if let Some(bad) = subtags
        .iter()
        .find(|s| s.is_empty() || s.len() > 8 || !alphanum(s))
    {
        return Err(fault(if bad.is_empty() {
            "an empty subtag (two hyphens, or one at an end)".into()
        } else if bad.len() > 8 {
            format!("subtag `{bad}` is longer than 8 characters")
        } else {
            format!("subtag `{bad}` holds a character other than a letter or digit")
        }));
    }
    let mut out: Vec<String> = Vec::with_capacity(subtags.len());
    let mut i = 0;
    let lower = |s: &str| s.to_ascii_lowercase();
    // A tag wholly for private use: x-…
    if subtags[0].eq_ignore_ascii_case("x") {
        return private_use(&subtags, 0, out).map_err(fault);
    }
    let language = subtags[0];
    if !alpha(language) || !(2..=3).contains(&language.len()) {
        // 4 to 8 letters are well-formed in RFC 5646 but reserved: none is
        // registered, and such a value is nearly always a language's name.
        return Err(fault(format!(
            "`{language}` is not a language subtag (2 or 3 letters, such as `en` or `pt`)"
        )));
    }
    out.push(lower(language));
    i += 1;
    // Extended language subtags: up to three of 3 letters.
    let mut ext = 0;
    while i < subtags.len() && ext < 3 && subtags[i].len() == 3 && alpha(subtags[i]) {
        out.push(lower(subtags[i]));
        i += 1;
        ext += 1;
    }
    if i < subtags.len() && subtags[i].len() == 4 && alpha(subtags[i]) {
        let s = subtags[i];
        out.push(format!("{}{}", s[..1].to_ascii_uppercase(), lower(&s[1..])));
        i += 1;
    }
    if i < subtags.len() {
        let s = subtags[i];
        if (s.len() == 2 && alpha(s)) || (s.len() == 3 && digits(s)) {
            out.push(s.to_ascii_uppercase());
            i += 1;
        }
    }
    while i < subtags.len() {
        let s = subtags[i];
        let variant =
            (5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit());
        if !variant {
            break;
        }
        out.push(lower(s));
        i += 1;
    }
    while i < subtags.len() && subtags[i].len() == 1 && !subtags[i].eq_ignore_ascii_case("x") {
        let singleton = lower(subtags[i]);
        i += 1;
        let start = i;
        while i < subtags.len() && subtags[i].len() >= 2 {
            i += 1;
        }
        if i == start {
            return Err(fault(format!(
                "extension `{singleton}` has no subtag after it (such as `{singleton}-ca-gregory`)"
            )));
        }
        out.push(singleton);
        out.extend(subtags[start..i].iter().map(|s| lower(s)));
    }
    if i < subtags.len() && subtags[i].eq_ignore_ascii_case("x") {
        return private_use(&subtags, i, out).map_err(fault);
    }
    if i < subtags.len() {
        return Err(fault(format!(
            "subtag `{}` is out of place: a tag is language[-script][-region][-variant…], such as `pt-BR` or `sr-Latn`",
            subtags[i]
        )));
    }
    Ok(out.join("-"))
}

/// `x-…` from `subtags[at]` to the end.
fn private_use(subtags: &[&str], at: usize, mut out: Vec<String>) -> Result<String, String> {
    if at + 1 >= subtags.len() {
        return Err("`x` has no private use subtag after it".into());
    }
    out.push("x".into());
    out.extend(subtags[at + 1..].iter().map(|s| s.to_ascii_lowercase()));
    Ok(out.join("-"))
}

/// The tag for a language's English name ("English" → `en`), to suggest.
pub fn suggest(name: &str) -> Option<&'static str> {
    let folded = name.trim().to_lowercase();
    NAMES
        .iter()
        .find(|(_, n)| n.to_lowercase() == folded)
        .map(|(t, _)| *t)
        .or_else(|| ALIASES.iter().find(|(n, _)| *n == folded).map(|(_, t)| *t))
}

/// The English name of a well-formed tag: its language's name, with the
/// region's country when it has one ("Portuguese (Brazil)"); the tag
/// itself when the language has no name here.
pub fn name(tag: &str) -> String {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let Some(&(_, named)) = NAMES.iter().find(|(t, _)| *t == language) else {
        return tag.to_string();
    };
    let region = parts
        .take_while(|s| s.len() != 1)
        .find(|s| (s.len() == 2 && alpha(s)) || (s.len() == 3 && digits(s)))
        .and_then(|r| {
            let r = r.to_ascii_uppercase();
            REGIONS.iter().find(|(c, _)| *c == r).map(|(_, n)| *n)
        });
    match region {
        Some(country) => format!("{named} ({country})"),
        None => named.to_string(),
    }
}

/// Several tags' names joined as a person lists them ("English and French").
pub fn names(tags: &[String]) -> String {
    let names: Vec<String> = tags.iter().map(|t| name(t)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn well_formed_tags_come_back_in_canonical_case() {
        for (tag, canonical) in [
            ("en", "en"),
            ("PT-br", "pt-BR"),
            ("zh-hant-tw", "zh-Hant-TW"),
            ("sr-Latn", "sr-Latn"),
            ("es-419", "es-419"),
            ("zh-yue", "zh-yue"),
            ("de-CH-1996", "de-CH-1996"),
            ("sl-rozaj-biske", "sl-rozaj-biske"),
            ("en-US-u-ca-gregory", "en-US-u-ca-gregory"),
            ("x-whatever", "x-whatever"),
            ("es-419", "es-419"),
            ("en-x-US", "en-x-us"),
            ("bfi", "bfi"),
        ] {
            assert_eq!(parse(tag).as_deref(), Ok(canonical), "{tag}");
        }
    }

    #[test]
    fn malformed_tags_are_explained() {
        for tag in [
            "",
            "e",
            "english-",
            "en--gb",
            "en_GB",
            "123",
            "en-a",
            "en-x",
            "toolongsubtag",
            "en-GB-1",
            "i-klingon",
        ] {
            assert!(parse(tag).is_err(), "{tag} should be refused");
        }
        assert_eq!(parse("English").unwrap_err().suggestion, Some("en"));
        let f = parse("pt_BR").unwrap_err();
        assert!(f.message.contains("letter or digit"), "{f:?}");
        assert_eq!(
            parse("Brazilian Portuguese").unwrap_err().suggestion,
            Some("pt-BR")
        );
    }

    #[test]
    fn names_are_english_with_the_country() {
        assert_eq!(name("en"), "English");
        assert_eq!(name("pt-BR"), "Portuguese (Brazil)");
        assert_eq!(name("zh-Hant"), "Chinese");
        assert_eq!(name("tlh"), "tlh");
        assert_eq!(
            names(&["en".into(), "fr".into(), "pt".into()]),
            "English, French and Portuguese"
        );
        assert_eq!(suggest("english"), Some("en"));
        assert_eq!(suggest("BSL"), Some("bfi"));
    }

    proptest! {
        #[test]
        fn parsing_never_panics_and_is_idempotent(tag in "[a-zA-Z0-9-]{0,24}|\\PC{0,12}") {
            if let Ok(canonical) = parse(&tag) {
                prop_assert_eq!(parse(&canonical), Ok(canonical.clone()));
                prop_assert!(canonical.eq_ignore_ascii_case(&tag));
            }
        }
    }
}

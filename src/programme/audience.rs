//! What a ticket buyer needs to know about a screening beyond its films:
//! where to buy tickets and for how much, the language spoken and the
//! subtitles, open captions, audio description, a relaxed screening, an age
//! rating. [`AudienceFacts`].
//!
//! The same keys are read at every level a programme file has — the
//! programme, a `[[series]]`, a `[[slot]]` and a `[[fixed]]` screening — and
//! a screening gets, key by key, the most specific value given: the fixed
//! screening's, else its slot's, else its series', else the programme's. One
//! mechanism, so a festival can say "every screening is subtitled in
//! English" once, a series "in Portuguese", and a Sunday morning slot
//! "relaxed". All keys are optional; nothing is assumed when they are absent
//! (a screening is not said to be uncaptioned).

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::toml_fields::Fields;
use toml::de::DeValue;

/// The keys, as every level reads them.
pub const AUDIENCE_KEYS: &[&str] = &[
    "tickets",
    "price",
    "language",
    "subtitles",
    "captions",
    "audio_description",
    "relaxed",
    "age",
];

/// Longest `price` and `age`, in characters: a line on a page, not prose.
const MAX_SHORT_TEXT: usize = 80;

/// Ticketing and access facts of a screening (or of the level that gives
/// them). JSON field names are a public interface (the plan's screenings
/// carry them flattened).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AudienceFacts {
    /// Where to buy tickets (an `https://` address).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tickets: Option<String>,
    /// As written ("£8, £6 concessions", "free").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<String>,
    /// Spoken language(s), BCP 47 tags in canonical case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Vec<String>>,
    /// Subtitle language(s), BCP 47 tags; empty: none (overriding a
    /// broader level's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitles: Option<Vec<String>>,
    /// Open captions (subtitles for d/Deaf and hard of hearing viewers,
    /// burnt in or projected for everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub captions: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_description: Option<bool>,
    /// A relaxed screening (lights up a little, sound down, moving about
    /// welcome).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relaxed: Option<bool>,
    /// Age rating or advice, as written ("15", "PG", "12A").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<String>,
}

impl AudienceFacts {
    /// Key by key, these facts where given, else `broader`'s.
    pub fn over(&self, broader: &AudienceFacts) -> AudienceFacts {
        AudienceFacts {
            tickets: self.tickets.clone().or_else(|| broader.tickets.clone()),
            price: self.price.clone().or_else(|| broader.price.clone()),
            language: self.language.clone().or_else(|| broader.language.clone()),
            subtitles: self.subtitles.clone().or_else(|| broader.subtitles.clone()),
            captions: self.captions.or(broader.captions),
            audio_description: self.audio_description.or(broader.audio_description),
            relaxed: self.relaxed.or(broader.relaxed),
            age: self.age.clone().or_else(|| broader.age.clone()),
        }
    }

    /// These facts without those `general` states the same way: what a
    /// screening says beyond what is said once for the whole programme.
    pub fn beyond(&self, general: &AudienceFacts) -> AudienceFacts {
        fn unless<T: PartialEq + Clone>(own: &Option<T>, general: &Option<T>) -> Option<T> {
            own.clone().filter(|o| Some(o) != general.as_ref())
        }
        AudienceFacts {
            tickets: unless(&self.tickets, &general.tickets),
            price: unless(&self.price, &general.price),
            language: unless(&self.language, &general.language),
            subtitles: unless(&self.subtitles, &general.subtitles),
            captions: unless(&self.captions, &general.captions),
            audio_description: unless(&self.audio_description, &general.audio_description),
            relaxed: unless(&self.relaxed, &general.relaxed),
            age: unless(&self.age, &general.age),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == AudienceFacts::default()
    }

    /// Spoken languages (empty when not given).
    pub fn languages(&self) -> &[String] {
        self.language.as_deref().unwrap_or_default()
    }

    /// Subtitle languages (empty when not given).
    pub fn subtitle_languages(&self) -> &[String] {
        self.subtitles.as_deref().unwrap_or_default()
    }

    /// The access provisions that are on, named for the audience, in a
    /// fixed order.
    pub fn access(&self) -> Vec<&'static str> {
        [
            (self.captions, "open captions"),
            (self.audio_description, "audio description"),
            (self.relaxed, "relaxed screening"),
        ]
        .into_iter()
        .filter(|(on, _)| *on == Some(true))
        .map(|(_, name)| name)
        .collect()
    }

    /// The facts in a short line for the audience, in a fixed order:
    /// "In Portuguese with English subtitles · open captions · age 15 · £8".
    /// Tickets are left to the caller (a link on a page, a line in text).
    pub fn summary(&self) -> Vec<String> {
        let mut parts = Vec::new();
        let spoken = self.languages();
        let subtitles = self.subtitle_languages();
        let none = self.subtitles.as_ref().is_some_and(Vec::is_empty);
        match (spoken.is_empty(), subtitles.is_empty()) {
            (false, true) if none => parts.push(format!(
                "In {} without subtitles",
                crate::languages::names(spoken)
            )),
            (true, true) if none => parts.push("No subtitles".into()),
            (false, false) => parts.push(format!(
                "In {} with {} subtitles",
                crate::languages::names(spoken),
                crate::languages::names(subtitles)
            )),
            (false, true) => parts.push(format!("In {}", crate::languages::names(spoken))),
            (true, false) => {
                parts.push(format!("{} subtitles", crate::languages::names(subtitles)))
            }
            (true, true) => {}
        }
        for provision in self.access() {
            let mut c = provision.chars();
            parts.push(match (parts.is_empty(), c.next()) {
                (true, Some(first)) => first.to_uppercase().chain(c).collect(),
                _ => provision.to_string(),
            });
        }
        if let Some(age) = &self.age {
            let age = age.trim();
            let bare = age.chars().all(|c| c.is_ascii_digit() || c == '+');
            parts.push(if bare {
                format!("age {age}")
            } else {
                age.to_string()
            });
        }
        if let Some(price) = &self.price {
            parts.push(price.clone());
        }
        parts
    }
}

/// A price read from the programme's text, for machines (schema.org
/// `Offer`): the first amount, with its currency when the text names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// Decimal with a point ("8", "6.50"); "0" for a free screening.
    pub value: String,
    /// ISO 4217 code.
    pub currency: Option<&'static str>,
}

/// Words that say a screening is free, in the catalogue's languages.
const FREE_WORDS: &[&str] = &[
    "free",
    "gratis",
    "gratuit",
    "gratuite",
    "gratuito",
    "gratuita",
    "libre",
    "kostenlos",
    "frei",
    "darmowy",
    "bezpłatny",
];

/// Currency signs and codes; `$` alone is left unread (a dozen dollars).
const CURRENCIES: &[(&str, &str)] = &[
    ("£", "GBP"),
    ("€", "EUR"),
    ("R$", "BRL"),
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("zł", "PLN"),
    ("Kč", "CZK"),
    ("₹", "INR"),
];
/// Currency words written after an amount ("12 euros", "3,50 euro").
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("reais", "BRL"),
    ("złotych", "PLN"),
    ("zloty", "PLN"),
    ("yen", "JPY"),
];
const CODES: &[&str] = &[
    "GBP", "EUR", "USD", "CAD", "AUD", "NZD", "BRL", "ARS", "MXN", "CLP", "COP", "CHF", "SEK",
    "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "TRY", "JPY", "KRW", "CNY", "HKD",
    "TWD", "INR", "ZAR", "ILS",
];

impl AudienceFacts {
    /// The price as an amount, when the text gives one: "£8, £6
    /// concessions" → 8 GBP; "6,50 €" → 6.50 EUR; "Free" → 0.
    pub fn amount(&self) -> Option<Amount> {
        let text = self.price.as_deref()?;
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let digit_at = text.find(|c: char| c.is_ascii_digit());
        if digit_at.is_none() && words.iter().any(|w| FREE_WORDS.contains(w)) {
            return Some(Amount {
                value: "0".into(),
                currency: None,
            });
        }
        let start = digit_at?;
        let rest = &text[start..];
        let mut end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(rest.len());
        let mut number = rest[..end].trim_end_matches(['.', ',']).to_string();
        end = number.len();
        // The last comma or point followed by one or two digits is a
        // decimal separator ("6,50", "3.5"); any other (followed by three)
        // separates thousands ("1,200").
        let split = number
            .rfind([',', '.'])
            .filter(|&i| (1..=2).contains(&(number.len() - i - 1)));
        let (whole, cents) = match split {
            Some(i) => (&number[..i], format!("{:0<2}", &number[i + 1..])),
            None => (number.as_str(), String::new()),
        };
        let digits: String = whole.chars().filter(char::is_ascii_digit).collect();
        let whole = match digits.trim_start_matches('0') {
            "" => "0",
            w => w,
        };
        number = if cents.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{cents}")
        };
        // The currency: a sign or code right before the number, or right
        // after it.
        let before = text[..start].trim_end();
        let after = rest[end..].trim_start();
        let currency = CURRENCIES
            .iter()
            .find(|(sign, _)| before.ends_with(sign) || after.starts_with(sign))
            .map(|(_, code)| *code)
            .or_else(|| {
                let near = |w: &str| {
                    CODES
                        .iter()
                        .find(|c| w.eq_ignore_ascii_case(c))
                        .copied()
                        .or_else(|| {
                            let w = w.to_lowercase();
                            CURRENCY_WORDS
                                .iter()
                                .find(|(n, _)| *n == w)
                                .map(|(_, c)| *c)
                        })
                };
                before
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .and_then(near)
                    .or_else(|| {
                        after
                            .split(|c: char| !c.is_alphabetic())
                            .next()
                            .and_then(near)
                    })
            });
        Some(Amount {
            value: number,
            currency,
        })
    }
}

/// The audience keys of one table, each checked and located.
pub fn read(f: &Fields<'_, '_>, diags: &mut Vec<Diagnostic>) -> AudienceFacts {
    AudienceFacts {
        tickets: super::load::web_address(f, "tickets", diags),
        price: short_text(f, "price", diags),
        language: tags(f, "language", diags),
        subtitles: tags(f, "subtitles", diags),
        captions: f.bool("captions", diags).map(|(b, _)| b),
        audio_description: f.bool("audio_description", diags).map(|(b, _)| b),
        relaxed: f.bool("relaxed", diags).map(|(b, _)| b),
        age: short_text(f, "age", diags),
    }
}

fn short_text(f: &Fields<'_, '_>, key: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let (text, span) = f.str(key, diags)?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        diags.push(
            Diagnostic::error(format!("`{key}` of {} is empty", f.what))
                .at(f.source, span)
                .help(format!("leave `{key}` out when there is nothing to say")),
        );
        return None;
    }
    if trimmed.chars().count() > MAX_SHORT_TEXT || trimmed.contains('\n') {
        diags.push(
            Diagnostic::error(format!(
                "`{key}` of {} is longer than one short line ({MAX_SHORT_TEXT} characters)",
                f.what
            ))
            .at(f.source, span)
            .value(text)
            .help("say more in the `note` of a fixed screening or a series' `description`"),
        );
        return None;
    }
    Some(trimmed.to_string())
}

/// A BCP 47 tag or an array of them; each checked, in canonical case,
/// duplicates dropped.
fn tags(f: &Fields<'_, '_>, key: &str, diags: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let v = f.get(key)?;
    let list = match v.get_ref() {
        DeValue::String(_) => vec![f.str(key, diags)?],
        _ => f.str_list(key, diags)?,
    };
    let mut out: Vec<String> = Vec::new();
    let mut ok = true;
    for (tag, span) in list {
        match crate::languages::parse(tag.trim()) {
            Ok(t) => {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
            Err(fault) => {
                ok = false;
                let help = match fault.suggestion {
                    Some(s) => format!("write the BCP 47 tag: {key} = \"{s}\""),
                    None => {
                        "write a BCP 47 language tag such as \"en\", \"pt\" or \"pt-BR\"".into()
                    }
                };
                diags.push(
                    Diagnostic::error(format!(
                        "`{key}` of {} is not a language tag: {}",
                        f.what, fault.message
                    ))
                    .at(f.source, span)
                    .value(tag)
                    .help(help),
                );
            }
        }
    }
    // `subtitles = []`: this screening has none, whatever a broader level
    // says. A screening always has a spoken language (or `zxx`).
    if out.is_empty() && ok && key != "subtitles" {
        diags.push(
            Diagnostic::error(format!("`{key}` of {} lists no language", f.what))
                .at(f.source, f.abs_span(v))
                .help(format!("leave `{key}` out, or write {key} = \"en\"")),
        );
        return None;
    }
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_specific_level_wins_key_by_key() {
        let programme = AudienceFacts {
            tickets: Some("https://example.org/tickets".into()),
            subtitles: Some(vec!["en".into()]),
            ..AudienceFacts::default()
        };
        let series = AudienceFacts {
            language: Some(vec!["pt".into()]),
            price: Some("£8".into()),
            ..AudienceFacts::default()
        };
        let slot = AudienceFacts {
            relaxed: Some(true),
            price: Some("free".into()),
            ..AudienceFacts::default()
        };
        let got = slot.over(&series.over(&programme));
        assert_eq!(got.tickets.as_deref(), Some("https://example.org/tickets"));
        assert_eq!(got.price.as_deref(), Some("free"));
        assert_eq!(got.languages(), ["pt"]);
        assert_eq!(got.subtitle_languages(), ["en"]);
        assert_eq!(got.relaxed, Some(true));
        assert_eq!(
            got.summary(),
            [
                "In Portuguese with English subtitles",
                "relaxed screening",
                "free"
            ]
        );
        let off = AudienceFacts {
            relaxed: Some(false),
            ..AudienceFacts::default()
        };
        assert_eq!(off.over(&got).relaxed, Some(false), "a level can say no");
    }

    #[test]
    fn prices_are_read_as_amounts() {
        let amount = |p: &str| {
            AudienceFacts {
                price: Some(p.into()),
                ..AudienceFacts::default()
            }
            .amount()
            .map(|a| (a.value, a.currency))
        };
        let some = |v: &str, c: Option<&'static str>| Some((v.to_string(), c));
        assert_eq!(amount("£8, £6 concessions"), some("8", Some("GBP")));
        assert_eq!(amount("6,50 €"), some("6.50", Some("EUR")));
        assert_eq!(amount("€3.5"), some("3.50", Some("EUR")));
        assert_eq!(amount("£0.75"), some("0.75", Some("GBP")));
        assert_eq!(amount("EUR 5"), some("5", Some("EUR")));
        assert_eq!(amount("12 CHF"), some("12", Some("CHF")));
        assert_eq!(amount("R$ 20,00"), some("20.00", Some("BRL")));
        assert_eq!(amount("$10"), some("10", None));
        assert_eq!(amount("1,200 ₩"), some("1200", Some("KRW")));
        assert_eq!(amount("Free entry"), some("0", None));
        assert_eq!(amount("Entrada gratuita"), some("0", None));
        assert_eq!(amount("pay what you can"), None);
        // As real listings in tests/corpus/import write them.
        assert_eq!(
            amount("12 euros (10 para afiliados)"),
            some("12", Some("EUR"))
        );
        assert_eq!(amount("3,50 euro"), some("3.50", Some("EUR")));
        assert_eq!(amount("14 zł"), some("14", Some("PLN")));
        assert_eq!(
            amount("tarif 5 € / Tarif réduit 3 €"),
            some("5", Some("EUR"))
        );
        assert_eq!(amount("Tarif réduit : 2€"), some("2", Some("EUR")));
        assert_eq!(amount("Admission free"), some("0", None));
        assert_eq!(amount("Eintritt für Filme frei"), some("0", None));
        assert_eq!(amount("entrada libre y gratuita"), some("0", None));
    }

    #[test]
    fn the_summary_reads_as_a_line() {
        let f = AudienceFacts {
            subtitles: Some(vec!["en".into(), "fr".into()]),
            captions: Some(true),
            audio_description: Some(true),
            age: Some("15".into()),
            ..AudienceFacts::default()
        };
        assert_eq!(
            f.summary(),
            [
                "English and French subtitles",
                "open captions",
                "audio description",
                "age 15"
            ]
        );
        let g = AudienceFacts {
            captions: Some(true),
            age: Some("PG".into()),
            ..AudienceFacts::default()
        };
        assert_eq!(g.summary(), ["Open captions", "PG"]);
        assert!(AudienceFacts::default().summary().is_empty());
    }
}

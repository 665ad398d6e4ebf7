//! The two small parsers of a programme's ticketing and access facts, on
//! any text: language tags (`slate::languages::parse`: an error or a tag
//! that parses again to itself, differing from the input only in case)
//! and prices (`AudienceFacts::amount`: none, or a decimal number).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(tag) = slate::languages::parse(text) {
        assert_eq!(slate::languages::parse(&tag).as_deref(), Ok(tag.as_str()));
        assert!(tag.eq_ignore_ascii_case(text));
        let _ = slate::languages::name(&tag);
    }
    let facts = slate::programme::AudienceFacts {
        price: Some(text.to_string()),
        ..Default::default()
    };
    if let Some(amount) = facts.amount() {
        let ok = amount
            .value
            .split_once('.')
            .map_or(!amount.value.is_empty() && amount.value.bytes().all(|b| b.is_ascii_digit()), |(w, d)| {
                !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) && d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit())
            });
        assert!(ok, "{:?} from {text:?}", amount.value);
    }
    let _ = facts.summary();
});

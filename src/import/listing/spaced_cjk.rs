//! Records written in Chinese, Japanese or Korean with spaces between the
//! fields, as catalogue tables come out of a PDF: "何が彼女をそうさせたか
//! 1930 帝キネ 鈴木重吉 [劇]" (title, year, studio, director, genre). In
//! these scripts words are not spaced, so a space is a field's edge, and
//! a year standing alone between fields says where the title ends. The
//! last field before the genre is the director when a studio comes
//! before it; a single field is the studio alone.

use super::credits::{is_year, Part};
use super::titles::TitleLine;

/// Whether a character is a Han ideograph, kana or hangul.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff     // kana
        | 0x3400..=0x4dbf   // Han extension A
        | 0x4e00..=0x9fff   // Han
        | 0xac00..=0xd7af   // hangul syllables
        | 0x1100..=0x11ff   // hangul jamo
        | 0xf900..=0xfaff   // Han compatibility
    )
}

/// Whether most of a text's letters are CJK.
fn mostly_cjk(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let (letters, cjk) = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(n, k), c| (n + 1, k + usize::from(is_cjk(c))));
    letters > 0 && cjk * 2 > letters
}

/// Genre tags of such tables ("[記録]" documentary, "[劇]" fiction).
fn genre(tag: &str) -> Option<&'static str> {
    match tag {
        "記録" | "ドキュメンタリー" | "기록" | "다큐" | "다큐멘터리" | "纪录" | "紀錄" => {
            Some("documentary")
        }
        "劇" | "劇映画" | "アニメ" | "극" | "극영화" | "剧情" => {
            Some(if tag == "アニメ" {
                "animation"
            } else {
                "fiction"
            })
        }
        _ => None,
    }
}

/// A spaced CJK record: the title before a year standing alone, the
/// studio and director after it.
pub(super) fn spaced_cjk_record(line: &str) -> Option<TitleLine> {
    if !mostly_cjk(line) || line.chars().count() > 120 {
        return None;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    // A year alone, or a span of years ("1897-99"), after the title.
    let span = |t: &str| {
        t.split_once(['-', '–']).is_some_and(|(a, b)| {
            is_year(a) && b.len() <= 4 && b.bytes().all(|c| c.is_ascii_digit())
        })
    };
    let at = tokens.iter().position(|t| is_year(t) || span(t))?;
    if at == 0 || at > 3 {
        return None;
    }
    let title = tokens[..at].join(" ");
    if !title.chars().any(is_cjk) {
        return None;
    }
    let mut credits = Vec::new();
    if let Ok(year) = tokens[at].parse() {
        credits.push(Part::Year(year));
    }
    let mut fields: Vec<&str> = tokens[at + 1..].to_vec();
    while let Some(tag) = fields
        .last()
        .and_then(|t| t.strip_prefix(['[', '［']))
        .and_then(|t| t.strip_suffix([']', '］']))
    {
        fields.pop();
        if let Some(kind) = genre(tag) {
            credits.push(Part::Kind(kind.to_string()));
        }
    }
    // The fields must be short names, not a sentence.
    if fields.len() > 3 || fields.iter().any(|f| f.chars().count() > 20) {
        return None;
    }
    if fields.len() >= 2 {
        let director = fields[fields.len() - 1];
        // "岩崎昶ほか": "and others"; "薮下泰次・斎藤宗武": two makers.
        let director = ["ほか", "他", "ら", "외", "等"]
            .iter()
            .find_map(|s| director.strip_suffix(s))
            .unwrap_or(director);
        for name in director.split(['・', '･', '、']) {
            if name.chars().count() >= 2 && name.chars().all(|c| is_cjk(c) || c.is_alphabetic()) {
                credits.push(Part::Name(name.to_string()));
            }
        }
    }
    Some(TitleLine {
        title,
        year: None,
        others: Vec::new(),
        credits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_year_studio_director_genre() {
        let tl = spaced_cjk_record("何が彼女をそうさせたか 1930 帝キネ 鈴木重吉 [劇]").unwrap();
        assert_eq!(tl.title, "何が彼女をそうさせたか");
        assert_eq!(
            tl.credits,
            [
                Part::Year(1930),
                Part::Kind("fiction".into()),
                Part::Name("鈴木重吉".into())
            ]
        );
        let tl = spaced_cjk_record("隅田川 1931 文部省 薮下泰次・斎藤宗武 [記録]").unwrap();
        assert_eq!(tl.credits.len(), 4);
        // A studio alone is no director; a span of years is no year.
        let tl = spaced_cjk_record("明治の日本 1897-99 リュミエール社(仏) [記録]").unwrap();
        assert_eq!(tl.credits, [Part::Kind("documentary".into())]);
    }

    #[test]
    fn not_cjk_or_no_year_is_no_record() {
        assert!(spaced_cjk_record("Brassed Off 1996 Mark Herman").is_none());
        assert!(spaced_cjk_record("日本の労働映画百選").is_none());
    }
}

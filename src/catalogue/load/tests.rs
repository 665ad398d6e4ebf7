//! Tests of [`super`]: loading, validation, located errors and the
//! parallel split of big files.

use super::*;
use proptest::prelude::*;

fn vocab() -> Vocabularies {
    let src = SourceFile::new(
        "themes.toml",
        "[[theme]]\nid = \"strikes\"\nlabel = \"Strikes\"\n[[theme]]\nid = \"mining\"\nlabel = \"Mining\"\n"
            .to_string(),
    );
    let (v, d) = Vocabulary::parse(&src);
    assert!(d.is_empty());
    Vocabularies {
        themes: v,
        events: Events::default(),
        events_failed: false,
        festivals: Festivals::default(),
        festivals_failed: false,
    }
}

fn films(text: &str) -> (Vec<Film>, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("films.toml");
    std::fs::write(&p, text).unwrap();
    let opts = LoadOptions {
        max_year: 2027,
        ..LoadOptions::default()
    };
    let r = load_file(0, &p, &vocab(), &opts);
    (r.films.into_iter().map(|r| r.film).collect(), r.diags)
}

#[test]
fn reads_a_full_film() {
    let (f, d) = films(
        r#"
[[film]]
id = "harlan-county-usa"
title = "Harlan County, USA"
year = 1976
directors = ["Barbara Kopple"]
countries = ["United States"]
languages = ["English"]
runtime = 103
kind = "documentary"
themes = ["strikes", "mining"]
synopsis = "Miners strike."
sources = ["https://example.org"]
"#,
    );
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(f[0].runtime, Some(103));
    assert_eq!(f[0].kind, Some(Kind::Documentary));
    assert_eq!(f[0].themes, ["strikes", "mining"]);
}

#[test]
fn reports_every_problem_with_location() {
    let (_, d) = films(
        r#"[[film]]
id = "a"
title = "A"
runtme = 103
year = 1700
countries = ["USA"]
themes = ["strikez"]
kind = "docu"
[[film]]
id = "Bad Id"
title = "  "
runtime = 0
"#,
    );
    let find = |s: &str| {
        d.iter()
            .find(|x| x.message.contains(s))
            .unwrap_or_else(|| panic!("no `{s}` in {d:#?}"))
    };
    let k = find("unknown key `runtme`");
    assert_eq!((k.line, k.column), (Some(4), Some(1)));
    assert_eq!(k.help.as_deref(), Some("did you mean `runtime`?"));
    assert_eq!(find("year 1700").line, Some(5));
    assert_eq!(
        find("unknown country `USA`").help.as_deref(),
        Some("write the canonical name `United States`")
    );
    assert_eq!(
        find("unknown theme `strikez`").help.as_deref(),
        Some("did you mean `strikes`?")
    );
    assert!(find("unknown kind `docu`").help.is_some());
    assert_eq!(find("not a slug").value.as_deref(), Some("Bad Id"));
    assert_eq!(find("empty title").line, Some(11));
    assert_eq!(find("runtime 0").column, Some(11));
}

#[test]
fn type_errors_are_located() {
    let (_, d) = films("[[film]]\nid = \"a\"\ntitle = \"A\"\nyear = \"1976\"\ndirectors = \"X\"\n");
    assert!(d[0]
        .message
        .contains("`year` in film `a` must be an integer, found a string"));
    assert_eq!(
        d[0].help.as_deref(),
        Some("write it without quotes: year = 1976")
    );
    assert!(d[1].message.contains("`directors`"));
    assert_eq!(
        d[1].help.as_deref(),
        Some("put it in brackets: directors = [\"X\"]")
    );
}

/// The films (with where they are) and diagnostics of one film file.
type Outcome = (Vec<(Film, Origin, usize)>, Vec<Diagnostic>);

/// Loads `text` as one film file cut in parts of about `part_bytes`.
fn split_load(text: &str, part_bytes: usize) -> Outcome {
    let src = SourceFile::new("f.toml", text.to_string());
    let opts = LoadOptions {
        max_year: 2027,
        ..LoadOptions::default()
    };
    let r = load_source(0, &src, &vocab(), &opts, part_bytes);
    let films = r
        .films
        .into_iter()
        .map(|r| (r.film, r.origin, r.id_at))
        .collect();
    (films, r.diags)
}

#[test]
fn big_files_are_split_at_film_headers_with_the_same_result() {
    let one =
        "[[film]]\nid = \"f-N\"\ntitle = \"F\"\nthemes = [\"strikes\"]\nsources = [\"s\"]\n\n";
    let text: String = (0..400).map(|i| one.replace('N', &i.to_string())).collect();
    let ranges = split::parts(&text, 1000);
    assert!(ranges.len() > 5);
    let split = split_load(&text, 1000);
    assert_eq!(split.0.len(), 400);
    assert_eq!(split, split_load(&text, usize::MAX));
}

#[test]
fn errors_in_parts_keep_absolute_positions() {
    let one =
        "[[film]]\nid = \"f-N\"\ntitle = \"F\"\nthemes = [\"strikes\"]\nsources = [\"s\"]\n\n";
    let mut text: String = (0..300).map(|i| one.replace('N', &i.to_string())).collect();
    text.push_str("[[film]]\nid = \"late\"\ntitle = \"L\"\nruntme = 3\n");
    assert!(split::parts(&text, 1000).len() > 1);
    let (_, diags) = split_load(&text, 1000);
    let d = diags.iter().find(|d| d.message.contains("runtme")).unwrap();
    assert_eq!(d.line, Some(300 * 6 + 4));
    assert_eq!(d.source_line.as_deref(), Some("runtme = 3"));
}

/// Issue 12: a file cut where the old splitter searched from a byte
/// inside a multi-byte character panicked ("not a char boundary").
#[test]
fn a_split_never_cuts_a_character() {
    let one = "[[film]]\nid = \"f-N\"\ntitle = \"Fé\"\nthemes = []\nsources = [\"s\"]\n";
    let mut text = format!(
        "[[film]]\nid = \"x\"\ntitle = \"{}\"\nthemes = []\nsources = [\"s\"]\n",
        "é".repeat(600)
    );
    text.extend((0..100).map(|i| one.replace('N', &i.to_string())));
    // A threshold that falls inside an `é`, where the old splitter
    // started its search.
    let target = (100..).find(|&t| !text.is_char_boundary(t)).unwrap();
    let (films, diags) = split_load(&text, target);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(films.len(), 101);
}

/// Issue 12: what a split parse accepts must not differ from the whole
/// parse. Each of these is rejected whole; before the fix some were
/// accepted (or reported differently) once split.
#[test]
fn a_split_rejects_what_the_whole_file_rejects() {
    let one = "[[film]]\nid = \"f-N\"\ntitle = \"F\"\nthemes = []\nsources = [\"s\"]\n";
    let body: String = (0..60).map(|i| one.replace('N', &i.to_string())).collect();
    for text in [
        // An inline `film` array before the headers: `[[film]]` may not extend it.
        format!("film = [{{ id = \"a\", title = \"A\" }}]\n{body}"),
        // The same top-level table in two parts.
        format!("[extra]\nx = 1\n{body}[extra]\nx = 1\n"),
        // A duplicate key around a `[[film]]` line inside a multi-line string.
        format!("{body}[[film]]\nid = \"z\"\nnotes = '''\n[[film]]\n'''\nid = \"z\"\n{body}"),
    ] {
        let whole = split_load(&text, usize::MAX);
        assert!(whole.1.iter().any(Diagnostic::is_error));
        assert_eq!(split_load(&text, 100), whole, "{text}");
    }
}

/// Pieces of film files: valid and invalid lines, duplicate keys,
/// multi-line strings holding `[[film]]` lines, sub-tables, dotted keys.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (0u32..6).prop_map(|i| format!(
            "[[film]]\nid = \"f-{i}\"\ntitle = \"Film é {i}\"\nthemes = []\nsources = [\"s\"]\n"
        )),
        2 => Just("[[film]]\n".to_string()),
        1 => Just("id = \"dup\"\n".to_string()),
        1 => Just("title = \"Titre été\"\n".to_string()),
        1 => Just("synopsis = \"\"\"\n[[film]]\nid = \"in-string\"\n\"\"\"\n".to_string()),
        1 => Just("notes = '''\n[[film]]\n'''\n".to_string()),
        1 => Just("synopsis = \"\"\"\n".to_string()),
        1 => Just("\"\"\"\n".to_string()),
        1 => Just("[film.extra]\nx = 1\n".to_string()),
        1 => Just("extra.x = 1\n".to_string()),
        1 => Just("[other]\ny = 2\n".to_string()),
        1 => Just("[film]\n".to_string()),
        1 => Just("film = [{ id = \"inline\", title = \"I\" }]\n".to_string()),
        1 => Just("# [[film]] in a comment\n\n".to_string()),
        1 => Just("[[film]] # with a comment\r\n".to_string()),
        1 => "[a-zé =\"\\[\\]]{0,10}\n",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Splitting never changes the result: the same films at the same
    /// places and the same diagnostics (file:line:column, message) as
    /// parsing the file whole, for any threshold.
    #[test]
    fn split_parse_equals_whole_parse(
        pieces in proptest::collection::vec(piece(), 1..40),
        part_bytes in 1usize..200,
    ) {
        let text: String = pieces.concat();
        prop_assert_eq!(split_load(&text, part_bytes), split_load(&text, usize::MAX));
    }
}

/// Issue 12: control characters and bidirectional-text controls in
/// catalogue text are refused, located at the character, naming the
/// field and the character; line breaks and tabs only in synopsis and notes.
#[test]
fn control_characters_are_refused_in_film_text() {
    let (f, d) = films(
        "[[film]]\nid = \"a\"\ntitle = \"Red \\e[31m\"\ndirectors = [\"X\", \"Y\u{202e}Z\"]\n\
         synopsis = \"\"\"\nTwo\tlines,\r\nfine.\"\"\"\nnotes = \"bell \\u0007\"\n\
         original_title = \"tab\\there\"\ncast = [\"\u{9b}1m\"]\n",
    );
    let mut errors: Vec<&Diagnostic> = d.iter().filter(|d| d.is_error()).collect();
    errors.sort_by_key(|d| d.sort_key());
    let errors: Vec<String> = errors
        .iter()
        .map(|d| {
            format!(
                "{}:{} {} = {:?}",
                d.line.unwrap(),
                d.column.unwrap(),
                d.message,
                d.value.as_deref().unwrap()
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            "3:14 `title` in film `a` holds the control character U+001B = \"Red \\u{1b}[31m\"",
            "4:21 `directors` in film `a` holds the bidirectional-text control U+202E = \"Y\\u{202e}Z\"",
            "8:15 `notes` in film `a` holds the control character U+0007 = \"bell \\u{7}\"",
            "9:22 `original_title` in film `a` holds the control character U+0009 = \"tab\\there\"",
            "10:10 `cast` in film `a` holds the control character U+009B = \"\\u{9b}1m\"",
        ]
    );
    assert!(d[0]
        .help
        .as_deref()
        .unwrap()
        .contains("only `synopsis` and `notes` may hold line breaks and tabs"));
    assert!(f.is_empty() || d.iter().any(Diagnostic::is_error));
}

#[test]
fn syntax_errors_are_located() {
    let (_, d) = films("[[film]]\nid = \"a\"\ntitle = \"A\n");
    assert!(d[0].message.starts_with("invalid TOML"), "{d:?}");
    assert_eq!(d[0].line, Some(3));
}

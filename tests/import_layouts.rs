//! Listing layouts written after real pages' shapes (credits before the
//! title, schedules with times, bilingual title lines, records cut by
//! full stops, …), each read into its films with their credits. These
//! are the team's own fixtures: regression tests for the mechanisms in
//! `src/import/listing/`, not evidence that real pages are read (that is
//! the corpus, `tests/import_corpus.rs`).

use slate::import::listing::{read, Entry, Knowledge};

/// (title, year, directors, runtime).
type Film = (String, Option<i32>, Vec<String>, Option<u32>);

/// Each entry that would be written, as a [`Film`].
fn films(text: &str) -> Vec<Film> {
    read(text, &Knowledge::default())
        .entries
        .into_iter()
        .filter(|e: &Entry| e.uncertain.is_none() && e.title.is_some())
        .map(|e| (e.title.unwrap_or_default(), e.year, e.directors, e.runtime))
        .collect()
}

fn film(t: &str, y: i32, d: &[&str], r: u32) -> Film {
    (
        t.to_string(),
        Some(y),
        d.iter().map(|s| s.to_string()).collect(),
        Some(r),
    )
}

#[test]
fn credits_before_each_title() {
    let text = "Programme of the week\n\nDir. Ken Loach | UK | 2016 | 100 min\nI, DANIEL BLAKE\nA carpenter recovering from a heart attack is caught in the benefits system.\n\nDir. Stephane Brize | France | 2015 | 93 min\nTHE MEASURE OF A MAN\nA man out of work takes a job as a supermarket security guard.\n\nRegie: Maren Ade | Deutschland | 2016 | 162 min\nTONI ERDMANN\nA father visits his daughter, a management consultant in Bucharest.\n";
    assert_eq!(
        films(text),
        [
            film("I, Daniel Blake", 2016, &["Ken Loach"], 100),
            film("The Measure of a Man", 2015, &["Stephane Brize"], 93),
            film("Toni Erdmann", 2016, &["Maren Ade"], 162),
        ]
    );
}

#[test]
fn a_schedule_of_times_and_records() {
    let text = "Friday 3 May\n\n19:00 | NORMA RAE | Martin Ritt | USA 1979 | 114 min\n21:15 | MATEWAN | John Sayles | USA 1987 | 133 min\n";
    assert_eq!(
        films(text),
        [
            film("Norma Rae", 1979, &["Martin Ritt"], 114),
            film("Matewan", 1987, &["John Sayles"], 133),
        ]
    );
    let text = "Programme\nFriday\n18.00 American Factory (Steven Bognar & Julia Reichert, 2019, 110 min)\n20.30 Sorry We Missed You (Ken Loach, 2019, 101 min)\n";
    assert_eq!(
        films(text),
        [
            film(
                "American Factory",
                2019,
                &["Steven Bognar", "Julia Reichert"],
                110
            ),
            film("Sorry We Missed You", 2019, &["Ken Loach"], 101),
        ]
    );
}

#[test]
fn title_lines_with_another_title() {
    let text = "La Reprise du travail aux usines Wonder (The Return to Work at the Wonder Factory)\nFrance 1968, 10 min\nDirector: Jacques Willemont\nA woman refuses to go back to work after the May strikes.\n\nCoup pour coup (Blow for Blow)\nFrance 1972, 90 min\nDirector: Marin Karmitz\nWomen textile workers occupy their factory.\n";
    assert_eq!(
        films(text),
        [
            film(
                "La Reprise du travail aux usines Wonder",
                1968,
                &["Jacques Willemont"],
                10
            ),
            film("Coup pour coup", 1972, &["Marin Karmitz"], 90),
        ]
    );
    let text = "Two Days, One Night (Deux jours, une nuit) – Jean-Pierre and Luc Dardenne, Belgium 2014, 95 min\nSorry We Missed You – Ken Loach, UK 2019, 101 min\n";
    assert_eq!(
        films(text),
        [
            film(
                "Two Days, One Night",
                2014,
                &["Jean-Pierre Dardenne", "Luc Dardenne"],
                95
            ),
            film("Sorry We Missed You", 2019, &["Ken Loach"], 101),
        ]
    );
}

#[test]
fn records_cut_by_full_stops_and_guests_between() {
    let text = "Salt of the Earth. Herbert J. Biberman. USA, 1954. 94 min.\nMatewan. John Sayles. USA, 1987. 133 min.\n";
    assert_eq!(
        films(text),
        [
            film("Salt of the Earth", 1954, &["Herbert J. Biberman"], 94),
            film("Matewan", 1987, &["John Sayles"], 133),
        ]
    );
    let text = "BREAD AND ROSES\nwith director Ken Loach in attendance\nUK/Spain 2000, 110 min\nJanitors in Los Angeles organise.\n\nRIFF-RAFF\nintroduced by Dr Jane Smith\nUK 1991, 95 min\nA building site in London.\n";
    let got = films(text);
    let titles: Vec<&str> = got.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(titles, ["Bread and Roses", "Riff-raff"]);
}

#[test]
fn a_programme_index_on_one_line_and_its_write_up() {
    let text = "MARX RELOADED: Thu, April 26, 6:30p COMRADE, WHERE ARE YOU TODAY? Thu, May 3, 6:30p HARVEST OF EMPIRE Sun, May 6, 12:30pm ZERO WEEKS: Tues, May 15, 6p See below for write-ups.\n\nMarx Reloaded is a cultural-economic documentary about Karl Marx's ideas and the crisis of 2008. Germany, France, Belgium 2011, 52m, DIR Jason Barker |\n";
    let got = films(text);
    let titles: Vec<&str> = got.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Marx Reloaded",
            "Comrade, Where Are You Today?",
            "Harvest of Empire",
            "Zero Weeks"
        ]
    );
    assert_eq!(got[0], film("Marx Reloaded", 2011, &["Jason Barker"], 52));
}

#[test]
fn cinema_pages_in_german_and_french() {
    let text = "Do 12.05. 19:30 Uhr\nDer Lohn der Angst\nFrankreich 1953, 148 Min., OmU\nRegie: Henri-Georges Clouzot\nVier Männer fahren Nitroglyzerin durch Südamerika.\n\nFr 13.05. 20:00 Uhr\nKuhle Wampe oder: Wem gehört die Welt?\nDeutschland 1932, 71 Min.\nRegie: Slatan Dudow\nEine Arbeiterfamilie in Berlin in der Wirtschaftskrise.\n";
    assert_eq!(
        films(text),
        [
            film("Der Lohn der Angst", 1953, &["Henri-Georges Clouzot"], 148),
            film(
                "Kuhle Wampe oder: Wem gehört die Welt?",
                1932,
                &["Slatan Dudow"],
                71
            ),
        ]
    );
    let text = "Mardi 3 mars à 20h\nLA CLASSE OUVRIÈRE VA AU PARADIS\nde Elio Petri\nItalie, 1971, 1h52, VOSTF\nLulù Massa, ouvrier modèle, perd un doigt et devient militant.\n\nJeudi 5 mars à 18h30\nRESSOURCES HUMAINES\nde Laurent Cantet\nFrance, 1999, 1h40\nUn stagiaire des ressources humaines face à son père ouvrier.\n";
    let got = films(text);
    assert_eq!(got[0].2, ["Elio Petri"]);
    assert_eq!(
        got[1],
        film("Ressources Humaines", 1999, &["Laurent Cantet"], 100)
    );
}

#[test]
fn a_library_record() {
    let text = "Pride [videorecording] / directed by Matthew Warchus. -- 2014. -- 1 DVD (120 min.)\nMatewan [videorecording] / written and directed by John Sayles. -- 1987. -- 1 DVD (133 min.)\n";
    assert_eq!(
        films(text),
        [
            film("Pride", 2014, &["Matthew Warchus"], 120),
            film("Matewan", 1987, &["John Sayles"], 133),
        ]
    );
}

#[test]
fn cells_of_a_page_that_ran_together() {
    // A title written twice (image caption and heading), its kind, year
    // and running time run together; then a calendar whose titles run into
    // their dates, each film screened on several days.
    let text = "MinerMiner\nDocumentary195036 minsSilent Location: Featherstone\nAbsorbing overview of coalmining in the early years of nationalisation.\nGuilty ChimneysGuilty Chimneys\nDocumentary195418 mins\nA sponsored film about the smoke over British cities.\n";
    assert_eq!(
        films(text),
        [
            ("Miner".to_string(), Some(1950), Vec::new(), Some(36)),
            (
                "Guilty Chimneys".to_string(),
                Some(1954),
                Vec::new(),
                Some(18)
            ),
        ]
    );
    let text = "Perla7 september\nPerla8, 9 en 13 september\nThe North12 oktober\nThe North13, 14 en 18 oktober\n";
    let titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    assert_eq!(titles, ["Perla", "The North"]);
}

#[test]
fn makers_after_a_comma_and_titles_named_after_people() {
    let text = "Madame Lee, Pier Emanuel Petit\nFrance, 2014, couleur, 33 min\nÀ Montreuil, une échoppe coréenne.\n\nOn ira à Neuilly inch’allah, Anna Salzberg et Mehdi Ahoudig\nFrance, 2015, noir et blanc, 20 min\nUne manifestation de jeunes travailleurs.\n";
    assert_eq!(
        films(text),
        [
            film("Madame Lee", 2014, &["Pier Emanuel Petit"], 33),
            film(
                "On ira à Neuilly inch’allah",
                2015,
                &["Anna Salzberg", "Mehdi Ahoudig"],
                20
            ),
        ]
    );
    // A film named after a person, its director labelled below; another
    // title in brackets.
    let text = "César Chavez\n\n2014\n\nDir: Diego Luna\n\nCinebiografia do líder sindical.\n\nTempos modernos [Modern Times]\n\n1936\n\nDir: Charles Chaplin\n\nClássico do cinema-mudo.\n";
    let got = read(text, &Knowledge::default());
    let written: Vec<&Entry> = got
        .entries
        .iter()
        .filter(|e| e.uncertain.is_none())
        .collect();
    assert_eq!(written.len(), 2, "{:?}", got.entries);
    assert_eq!(written[0].title.as_deref(), Some("César Chavez"));
    assert_eq!(written[0].directors, ["Diego Luna"]);
    assert_eq!(written[1].title.as_deref(), Some("Tempos modernos"));
    assert_eq!(written[1].other_titles, ["Modern Times"]);
    assert_eq!(written[1].directors, ["Charles Chaplin"]);
}

#[test]
fn schedules_with_times_and_credits_in_parentheses() {
    // A time range, then "Title: what the film is".
    let text = "Date: Tuesday, May 1, 2018\n\n11:10 a.m. - 12:35 p.m. -- Inside Job: this Oscar-winning documentary reminds us of the potential for future Wall Street meltdowns.\n\n2:20 - 3:45 p.m. - Anita: the documentary details how the case of Anita Hill played out in the Senate.\n";
    let titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    assert_eq!(titles, ["Inside Job", "Anita"]);
    // Credits in parentheses open the paragraph under a dated title.
    let text = "19. Februar 2013, 20:00\n\nWORK HARD PLAY HARD\n\n(D 2011, Regie: Carmen Losmann, 90 Min.) Nichts wird mehr dem Zufall überlassen.\n\n11. jun – Metuan (Matewan, 1987)\n\nRežija: Džon Sejls\n";
    let got = films(text);
    assert_eq!(
        got[0],
        film("Work Hard Play Hard", 2011, &["Carmen Losmann"], 90)
    );
    assert_eq!(
        got[1],
        (
            "Metuan".to_string(),
            Some(1987),
            vec!["Džon Sejls".to_string()],
            None
        )
    );
}

#[test]
fn titles_each_with_a_description_confirmed_by_their_neighbours() {
    // Two of the four give credits; the other two are films by the same
    // layout. The page's own title on its first line stays out.
    let text = "Films from the docks\n\nSome films about ports we have shown this year.\n\nDockside Winter\nDirected by Anna Berg, 1998, 94 min. Dockers at a northern port hold out through a winter lock-out.\n\nThe Long Quay\nA crane driver teaches his daughter the trade as the port automates.\n\nSalt Harbour\nDirected by Paul Meyer, 2004, 88 min. A port town votes on the sale of its harbour.\n\nNight Shift at Pier Nine\nWomen cleaners organise the night shift on the ferries.\n";
    let titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    assert_eq!(
        titles,
        [
            "Dockside Winter",
            "The Long Quay",
            "Salt Harbour",
            "Night Shift at Pier Nine"
        ]
    );
}

#[test]
fn a_name_written_as_credits_write_names_is_a_director() {
    let text = "Nouvelles acquisitions\n\nLe quai des brumes du travail\nJeanne DUPRÉ, 2001\n\nLa grève du rail\nMarc LEROY, 2006\n";
    assert_eq!(
        films(text),
        [
            (
                "Le quai des brumes du travail".to_string(),
                Some(2001),
                vec!["Jeanne DUPRÉ".to_string()],
                None
            ),
            (
                "La grève du rail".to_string(),
                Some(2006),
                vec!["Marc LEROY".to_string()],
                None
            ),
        ]
    );
}

#[test]
fn titles_shaped_like_people_or_rooms_with_their_makers() {
    let text = "Programme\n\nLina Brandt\nDirected by Lina Kovac\n\nBoiler Room, de Pau Roig y Marta Vidal, 2003, 91 min.\n";
    let titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    assert!(titles.contains(&"Lina Brandt".to_string()), "{titles:?}");
    assert!(titles.contains(&"Boiler Room".to_string()), "{titles:?}");
}

#[test]
fn a_venue_on_the_date_line_under_a_title() {
    let text = "Season\n\nEight Grey Sisters\n\nFriday 7th October 7:40pm Regal Cinema (Upstairs) Leeds\n\nDir. Rosa Lind/USA/2015/75 min A cook in a hotel kitchen organises the night staff.\n";
    assert_eq!(
        films(text),
        [film("Eight Grey Sisters", 2015, &["Rosa Lind"], 75)]
    );
}

#[test]
fn titles_under_dates_and_times_with_screening_notes() {
    let text = "Filmreihe\n3. Mai, 19.00 Uhr\nDIE LETZTE SCHICHT\nDiskussion mit Anna Berger (IG Metall)\n10. Mai, 19.00 Uhr\nHAFEN IM NEBEL\nDiskussion mit Peter Holm\n";
    let titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    assert_eq!(titles, ["Die Letzte Schicht", "Hafen Im Nebel"]);
}

#[test]
fn titles_with_a_colon_before_what_the_film_is() {
    // Under a screening date: films. Without one: unsure, not written.
    let dated = "3/22: Double Feature\nOne Day Longer: Ten-year strike of Las Vegas casino workers\nLive Nude Girls Unite: Organizing, bargaining and striking at a strip club\n";
    let titles: Vec<String> = films(dated).into_iter().map(|f| f.0).collect();
    assert_eq!(titles, ["One Day Longer", "Live Nude Girls Unite"]);
    // The title alone on its line, the colon after it.
    let above = "2/2: Labor and Corruption\nOn the Waterfront:\nDockworkers, a union boss and a witness who will not stay silent.\n\nFilms:\nNorma Rae\n";
    let titles: Vec<String> = films(above).into_iter().map(|f| f.0).collect();
    assert!(
        titles.contains(&"On the Waterfront".to_string()),
        "{titles:?}"
    );
    assert!(!titles.contains(&"Films".to_string()), "{titles:?}");
    let undated = "One Day Longer: Ten-year strike of Las Vegas casino workers\n";
    assert!(films(undated).is_empty());
    // A speaker and their words, credits with a label: no titles.
    let lines = "3/22: Double Feature\nVic Spanner: It's another little prod at the very vitals of your freedom.\nSpanien 2004, R: Marcelo Expósito, 70 min, span. OF mit engl. UT\n";
    assert!(
        films(lines)
            .iter()
            .all(|f| f.0 != "Vic Spanner" && !f.0.starts_with("Spanien")),
        "{:?}",
        films(lines)
    );
}

#[test]
fn a_page_title_of_slashed_titles_confirmed_below() {
    let text = "Grèves d’occupation/La Grande Lutte des mineurs/Vivent les dockers\nCiné-archives : une mémoire ouvrière\n\nGrèves d’occupation\nManifestations et grèves de juin 1936 en région parisienne, filmées en 1936 et montées après, un des films les plus diffusés du Front populaire.\n\nLa Grande Lutte des mineurs\nLa longue grève des mineurs français de 1948 ; ce film d’agitation décrit son déclenchement et son déroulement.\n";
    let mut titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Grèves d’occupation",
            "La Grande Lutte des mineurs",
            "Vivent les dockers"
        ]
    );
    // Unconfirmed, slashed words are no roll-call.
    let alone = "Work/Life/Balance\nA talk on the week's hours, with questions after.\n";
    assert!(films(alone).is_empty(), "{:?}", films(alone));
}

#[test]
fn a_credit_line_with_a_school_under_the_director() {
    let text = "Puberty\nUn film de Elena Kondrateva\nDocumentaire / Russie / 2019 / Durée : 28 ‘ / Moscow Film School\nInna, 50 ans, sage-femme, cherche à rompre sa solitude.\n";
    assert_eq!(
        films(text),
        [film("Puberty", 2019, &["Elena Kondrateva"], 28)]
    );
}

#[test]
fn database_records_run_on_into_labelled_fields() {
    let text = "Volume 1 – On Rail Highlight Blue Pullman Industry sponsored film, 26 min, 1960 Production: British Transport Films Credits: Ritchie, James (Directed by) British Transport Films (Production Company) Anstey, Edgar (Produced by)\n\nInformation film dealing with the new Manchester - St. Pancras Diesel Pullman . (Synopsis)\n\nSubjects: Blue Pullman Restaurant cars\n\nCybernetica 20 min, 1972 Production: British Transport Films Credits: Sims, Peter (Directed by) With: Aspel, Michael\n\nFEIERABEND, DDR 1964, 35mm, 27 min, R: Karl Gass\n";
    assert_eq!(
        films(text),
        [
            film("Blue Pullman", 1960, &["James Ritchie"], 26),
            film("Cybernetica", 1972, &["Peter Sims"], 20),
            film("Feierabend", 1964, &["Karl Gass"], 27),
        ]
    );
}

#[test]
fn a_newsletter_wrapped_at_a_fixed_width() {
    // Each wrapped line ends in the two spaces of a forced break; German
    // quotation marks close with “; a title may name a date.
    let text = "Sonntag 2. Mai, 15 Uhr\n\nEröffnungsfilm: „The Internationale“\nUSA 2000, R: Peter Miller, 30 min, engl. OF\nMit seltenen Archiv-Aufnahmen und Interviews, unter anderem von Billy  \nBragg und Pete Seeger, erzählt der Film die Geschichte des Liedes.\n\n20 Uhr\n\n„1. Mai -Helden bei der Arbeit“\nD 2008, R: Jan-Christoph Glaser, Carsten Ludwig, Sven Taddicken, Jakob  \nZiemnicki, 98 min.\nEpisodenfilm: Ein elfjähriger Türke und zwei Jugendliche aus der  \nKleinstadt verschlägt es am 1. Mai nach Kreuzberg.\n";
    let got = films(text);
    assert_eq!(
        got,
        [
            film("The Internationale", 2000, &["Peter Miller"], 30),
            film(
                "1. Mai -Helden bei der Arbeit",
                2008,
                &[
                    "Jan-Christoph Glaser",
                    "Carsten Ludwig",
                    "Sven Taddicken",
                    "Jakob Ziemnicki"
                ],
                98
            ),
        ]
    );
}

#[test]
fn a_programme_cut_at_a_narrow_width() {
    // Lines cut mid-phrase go on in lower case; the directors stand in
    // parentheses on the title's line or the next.
    let text = "samedi 18 mai\n11h00 : Nucléaire, la bombe humaine\n(Elsa Fayner )\n13h00 : Poussière mortelle, le grand\nprocès de l’amiante (Niccolo Bruna et Andrea Prandstrallet )\n- La Françafrique (documentaire de Patrick Benquet )\n- Camille redouble (Noemie Lvovsky )\n\nFêtes de la jeunesse\nréalisation : une section de jeunes syndiqués du cinéma parisien\ndurée : 10'\n";
    let got: Vec<(String, Vec<String>)> = read(text, &Knowledge::default())
        .entries
        .into_iter()
        .filter(|e| e.uncertain.is_none() && e.title.is_some())
        .map(|e| (e.title.unwrap_or_default(), e.directors))
        .collect();
    let titles: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Nucléaire, la bombe humaine",
            "Poussière mortelle, le grand procès de l’amiante",
            "La Françafrique",
            "Camille redouble",
            "Fêtes de la jeunesse"
        ]
    );
    assert_eq!(got[1].1, ["Niccolo Bruna", "Andrea Prandstrallet"]);
    assert_eq!(got[2].1, ["Patrick Benquet"]);
    let fetes = read(text, &Knowledge::default())
        .entries
        .into_iter()
        .find(|e| e.title.as_deref() == Some("Fêtes de la jeunesse"))
        .unwrap();
    assert_eq!(fetes.runtime, Some(10));
}

#[test]
fn books_in_a_library_list_are_no_films() {
    let text = "La poste, un drôle de pli\nMarie-Pierre JAURY, 2006\n\nC’est quoi ce travail ?\nStéphane FRATTINI, édition Milan, 2011\n";
    let titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    assert_eq!(titles, ["La poste, un drôle de pli"]);
}

#[test]
fn titles_in_straight_single_quotes_after_their_times() {
    let text = "Dec 8\n\n2pm - 'In This World' (Michael Winterbottom, 2002)\nThis award-winning docudrama follows two young Afghan refugees.\n\n4.30pm - 'Nur, Path of Light'\nA true story about an Indonesian domestic worker held as a slave.\n";
    let titles: Vec<String> = films(text).into_iter().map(|f| f.0).collect();
    assert_eq!(titles, ["In This World", "Nur, Path of Light"]);
}

#[test]
fn credits_in_parentheses_then_more_credits() {
    let text = "Männer vor Kohle\n(BRD 1961) 34 Min., s/w\nBuch: Rüdiger Proske, Max Helmut Rehbein\nEin Film über die Arbeit unter Tage.\n";
    let got = read(text, &Knowledge::default()).entries;
    let e = got
        .iter()
        .find(|e| e.title.as_deref() == Some("Männer vor Kohle"))
        .unwrap();
    assert_eq!((e.year, e.runtime), (Some(1961), Some(34)));
    assert!(e.directors.is_empty(), "{:?}", e.directors);
}

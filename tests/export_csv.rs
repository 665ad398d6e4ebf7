//! `slate export csv`: one row per film screened, for a box office, from a
//! programme or a plan JSON; the same columns as `slate plan --format csv`.

mod common;

use common::{root, slate, stdout_of};

#[test]
fn a_box_office_gets_one_row_per_film_screened_with_names_and_credits() {
    let out = stdout_of(
        slate()
            .args(["export", "csv", common::FESTIVAL_PLAN, "-o", "-"])
            .current_dir(root()),
    );
    let plan = common::festival_plan();
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let films: usize = plan.screenings.iter().map(|s| s.films.len()).sum();
    assert_eq!(rows.len(), films);
    for (row, (s, f)) in rows.iter().zip(
        plan.screenings
            .iter()
            .flat_map(|s| s.films.iter().map(move |f| (s, f))),
    ) {
        assert_eq!(&row[col("screening")], s.id.as_str());
        assert_eq!(&row[col("venue_name")], s.venue_name.as_str());
        assert_eq!(&row[col("series_title")], s.series_title.as_str());
        assert_eq!(&row[col("directors")], f.directors.join("; ").as_str());
        assert_eq!(&row[col("runtime")], f.runtime.to_string().as_str());
        assert_eq!(&row[col("guests")], s.guests.join("; ").as_str());
        let start: jiff::Timestamp = row[col("film_start")].parse().unwrap();
        let end: jiff::Timestamp = row[col("film_end")].parse().unwrap();
        assert_eq!(end.duration_since(start).as_mins(), i64::from(f.runtime));
        assert!(!row[col("countries")].is_empty(), "{row:?}");
    }
    // The same rows as the plan's own CSV, from the programme.
    let from_plan = stdout_of(
        slate()
            .args(["plan", "programmes/weekend.toml", "--format", "csv"])
            .current_dir(root()),
    );
    let from_export = stdout_of(
        slate()
            .args(["export", "csv", "programmes/weekend.toml", "-o", "-"])
            .current_dir(root()),
    );
    assert_eq!(from_plan, from_export);
}

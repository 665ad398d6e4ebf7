//! Assembling entries from classified lines, and accounting for every
//! line: each one ends up in an entry or skipped with a reason.
//!
//! Entries are anchored on film facts. A credit line, a labelled line or a
//! record is an anchor; its title is the short line before it (dates,
//! venues and ticket lines in between are passed over), and short lines
//! between the title and the facts that are a name, a language or a country
//! are read as such. A short line followed by a paragraph, no facts, is a
//! film only when a date says it is screened (otherwise uncertain); short
//! lines with nothing after them are a roll-call when they are a list,
//! else uncertain or headings. Paragraphs after an entry are its synopsis
//! and description; a paragraph belonging to no entry is searched for
//! films it names (`mentions`). Every title, whatever its layout, is then
//! held to `guard`.

use super::credits::*;
use super::facts::*;
use super::fields::*;
use super::guard::{verdict, Knowledge, Verdict};
use super::labels::*;
use super::lines::{is_heading, Class};
use super::mentions::mentions;
use super::titles::*;
use super::*;

mod attach;
mod finish;
mod prose;

/// An entry being built, with the lines it owns.
#[derive(Debug, Default)]
struct Draft {
    entry: Entry,
    lines: Vec<usize>,
    /// Takes the next paragraph as its synopsis.
    open: bool,
    /// Why it is uncertain, if it is.
    uncertain: Option<String>,
    /// A date line says the entry is screened.
    dated: bool,
    /// Titled by a short line before a paragraph, with no facts (yet).
    weak: bool,
    /// The run of short lines it was one of (see `leftover`).
    run: Option<usize>,
    /// Credits waiting for the title on the line after them (see
    /// `credits_first`).
    wants_title: bool,
    /// A line shaped like a name read as the director of an entry with no
    /// other title: the title after all if labelled credits later name
    /// someone else ("César Chavez / 2014 / Dir: Diego Luna").
    name_line: Option<usize>,
    /// That line became the title: its credits name another director, so
    /// a title shaped like a name is no doubt.
    name_is_title: bool,
}

/// What became of a line.
#[derive(Debug, Clone, PartialEq)]
enum Owner {
    Blank,
    Entry(usize),
    Skipped(&'static str),
    Undecided,
}

struct Assembler<'a> {
    lines: &'a [String],
    marked: &'a [bool],
    /// Lines joined to the line before (see `join_broken_lines`).
    joined: &'a [bool],
    classes: Vec<Class>,
    drafts: Vec<Draft>,
    owner: Vec<Owner>,
    /// The draft that takes further facts and text.
    current: Option<usize>,
    /// Short lines not yet decided.
    pending: Vec<usize>,
    /// A date line seen since the last pending short line.
    dated_since: bool,
    /// The title a pending line gives, where it is not the line itself
    /// (a date line naming a film).
    titles: std::collections::HashMap<usize, String>,
    /// Inside a page's list of tags.
    furniture: bool,
    /// Lines taken as more description of an entry, in order.
    described: Vec<usize>,
    /// Runs of short lines seen so far (see `leftover`).
    runs: usize,
    /// The listing gives each film's credits before its title.
    credits_first: bool,
    /// Titles that date lines name more than once (folded): films screened
    /// on several days ("Perla 7 september", "Perla 8, 9 en 13 september").
    screened_again: std::collections::HashSet<String>,
    k: &'a Knowledge,
}

/// The reason given for a web page's links, tags and captions.
const FURNITURE: &str = "page furniture (links, comments, sharing, captions)";

/// Reads classified lines into entries and skipped spans.
pub(super) fn assemble(
    lines: &[String],
    marked: &[bool],
    joined: &[bool],
    k: &Knowledge,
) -> Reading {
    // What each line is, by itself: in parallel (the order is kept).
    use rayon::prelude::*;
    let mut classes: Vec<Class> = lines.par_iter().map(|l| Class::of(l, k)).collect();
    // What each line is among its neighbours.
    super::maker_lists::read_maker_lists(lines, &mut classes, k);
    let credits_first = credits_first(&classes);
    let screened_again = screened_again(&classes);
    let mut a = Assembler {
        lines,
        marked,
        joined,
        owner: vec![Owner::Undecided; lines.len()],
        classes,
        drafts: Vec::new(),
        current: None,
        pending: Vec::new(),
        dated_since: false,
        titles: std::collections::HashMap::new(),
        furniture: false,
        described: Vec::new(),
        runs: 0,
        credits_first,
        screened_again,
        k,
    };
    for i in 0..lines.len() {
        a.line(i);
    }
    a.resolve_pending();
    a.finish()
}

impl Assembler<'_> {
    fn line(&mut self, i: usize) {
        // The lines under "Labels:" or "Tags:", to the next blank line, are
        // the page's tags.
        if self.furniture {
            if self.lines[i].is_empty() {
                self.furniture = false;
            } else {
                self.owner[i] = Owner::Skipped(FURNITURE);
                return;
            }
        }
        match std::mem::replace(&mut self.classes[i], Class::Blank) {
            Class::Blank => self.owner[i] = Owner::Blank,
            Class::Context(reason) => {
                self.owner[i] = Owner::Skipped(reason);
                if reason == FURNITURE && self.lines[i].ends_with(':') {
                    self.furniture = true;
                }
                if reason == "a date and time line" {
                    self.dated_since = true;
                    if self.pending.is_empty() {
                        if let Some(c) = self.current {
                            self.drafts[c].dated = true;
                        }
                    }
                }
            }
            Class::Heading => {
                self.resolve_pending();
                self.current = None;
                self.owner[i] = Owner::Skipped("a heading");
            }
            Class::DatedTitle(title) => {
                // "7 Chinese Brothers / Thursday 6th October 7:40pm
                // Picturehouse (FACT) Liverpool": under a title, what a
                // date line names is where the film is shown.
                let under_title = self.pending.last().is_some_and(|&p| {
                    self.lines[p + 1..i].iter().all(|l| l.trim().is_empty())
                        && !self.titles.contains_key(&p)
                        && !is_heading(&self.lines[p])
                });
                if under_title && is_venue(&title_line(&title).title) {
                    self.owner[i] = Owner::Skipped("a date and time line");
                    self.dated_since = true;
                    return;
                }
                // A title candidate like any short line, with its date: the
                // lines after it say whether it is a film.
                self.resolve_pending();
                self.titles.insert(i, title);
                self.pending.push(i);
                self.dated_since = true;
            }
            Class::Record(tl) => {
                // "Un moment sans retour / (blank) / Raymond Macherel, 2022":
                // under a title waiting for its facts, a record titled with
                // a person's name is that title's credits.
                if self.title_waits_above(i)
                    && self.names_a_maker(i, &tl.title, tl.year_given().is_some())
                {
                    let mut parts = vec![Part::Name(tl.title)];
                    parts.extend(tl.year.map(Part::Year));
                    parts.extend(tl.credits);
                    self.classes[i] = Class::Credits(parts, None);
                    return self.line(i);
                }
                // "A Classe Operária Vai ao Paraíso / La Classe Operaia va
                // in Paradiso – Itália, 1971. Drama. … Dir. Elio Petri": a
                // title right above a record is the film's title in the
                // listing's language, the record's its original one.
                // (Not two items of a list: "- „The Wire“ (USA 2002-2008)
                // / - „Union Maids“ (J. Klein/…, USA 1976)".)
                let above = self.pending.last().copied().filter(|&p| {
                    p + 1 == i
                        && !self.titles.contains_key(&p)
                        && !is_heading(&self.lines[p])
                        && (!self.marked[p] || !self.marked[i])
                });
                if let Some(p) = above {
                    self.pending.pop();
                    self.resolve_pending();
                    let mut e = titled_entry(tl, p + 1);
                    let original = e.title.take();
                    e.title = Some(title_line(&self.lines[p]).title);
                    e.other_titles.splice(0..0, original);
                    let d = self.new_draft(p, e, "one-line record");
                    self.own(d, i);
                    return;
                }
                self.resolve_pending();
                self.new_draft(i, titled_entry(tl, i + 1), "one-line record");
            }
            Class::RecordThen(tl, text) => {
                self.resolve_pending();
                let facts = tl.has_facts();
                let d = self.new_draft(i, titled_entry(tl, i + 1), "one-line record");
                describe(&mut self.drafts[d].entry, &text);
                self.drafts[d].open = false;
                // "Title: what the film is" with no facts: a film when it
                // is screened on a date above, or the catalogue knows it.
                if !facts {
                    self.drafts[d].entry.layout = "title and description";
                    let known = self.drafts[d]
                        .entry
                        .title
                        .as_deref()
                        .is_some_and(|t| self.k.knows_title(t));
                    if self.dated_since {
                        self.drafts[d].dated = true;
                    } else if !known {
                        self.drafts[d].weak = true;
                        self.drafts[d].uncertain = Some(
                            "a title and a colon before a sentence, with no credits or screening date"
                                .into(),
                        );
                    }
                }
            }
            Class::Index(titles) => {
                // Each title is screened at the date after it; its write-up
                // further down joins it (see `finish`).
                self.resolve_pending();
                for t in titles {
                    let d =
                        self.new_draft(i, titled_entry(title_line(&t), i + 1), "programme index");
                    self.drafts[d].dated = true;
                    self.drafts[d].open = false;
                }
                self.current = None;
            }
            Class::Labelled(segments) => self.labelled(i, segments),
            Class::Credits(mut parts, rest) => {
                // "Brassed Off | UK | 1996 | 107 minutes": a line of credits
                // whose first part could be a name but follows no title is a
                // record, its first part the title — unless it is a name
                // the catalogue or the listing knows.
                let waiting = self.current.is_some_and(|c| {
                    let e = &self.drafts[c].entry;
                    e.title.is_some() && e.directors.is_empty() && e.runtime.is_none()
                });
                // "1935 – Coal Face", "Coal Face, 1935": a year and one
                // unlabelled "name" and nothing else is a title and its year
                // (chronological lists), unless the name is one people have.
                let year_and_name = parts.len() == 2
                    && parts.iter().any(|p| matches!(p, Part::Year(_)))
                    && parts.iter().any(|p| matches!(p, Part::Name(_)));
                let named_at = parts.iter().position(|p| matches!(p, Part::Name(_)));
                if let Some(Part::Name(n)) = named_at.map(|at| &parts[at]) {
                    // The line without the date before it ("19:00 | NORMA
                    // RAE | Martin Ritt | USA 1979 | 114 min").
                    let text = super::lines::after_date(&self.lines[i])
                        .unwrap_or(&self.lines[i])
                        .trim_start_matches(|c: char| "|/–—-:".contains(c) || c.is_whitespace());
                    let bare = if named_at == Some(0) {
                        text.trim_start().starts_with(n.as_str())
                            || crate::text::fold(text).starts_with(&crate::text::fold(n))
                    } else {
                        text.trim_end().ends_with(n.as_str())
                    };
                    // A title the catalogue knows is a title ("Norma Rae"),
                    // whatever name it looks like; a name as credits write
                    // one ("Gilles BALBASTRE, 2001") is a person, known or
                    // not.
                    let unknown = self.k.knows_title(n)
                        || !self.k.knows_person(n)
                            && !self.k.looks_like_person(n)
                            && !is_credited_name(n);
                    let first_unattached =
                        named_at == Some(0) && self.pending.is_empty() && !waiting;
                    // ("Un moment sans retour / (blank) / Raymond Macherel,
                    // 2022": under a title waiting for its facts, a person
                    // and a year are its credits.)
                    let dated = parts.iter().any(|p| matches!(p, Part::Year(_)));
                    let credits_of_title_above =
                        self.title_waits_above(i) && self.names_a_maker(i, n, dated);
                    if bare
                        && unknown
                        && (first_unattached || year_and_name && !credits_of_title_above)
                    {
                        self.resolve_pending();
                        let Part::Name(title) = parts.remove(named_at.unwrap_or(0)) else {
                            unreachable!("matched above")
                        };
                        let title = ordinary_case(&title);
                        let mut e = Entry {
                            title: Some(title),
                            line: i + 1,
                            ..Entry::default()
                        };
                        for p in parts {
                            apply_part(&mut e, p);
                        }
                        self.new_draft(i, e, "one-line record");
                        return;
                    }
                }
                let mut scratch = Entry::default();
                for p in parts {
                    apply_part(&mut scratch, p);
                }
                let d = self.attach_facts(i, scratch);
                if let Some(at) = rest {
                    let text = self.lines[i][at..].trim().to_string();
                    if context_reason(&text) == Some("a date and time line") {
                        self.drafts[d].dated = true;
                    } else if context_reason(&text).is_none() && self.drafts[d].open {
                        describe(&mut self.drafts[d].entry, &text);
                        self.drafts[d].open = self.drafts[d].entry.synopsis.is_none();
                    }
                }
            }
            Class::Short if self.current.is_some_and(|c| self.drafts[c].wants_title) => {
                // "Dir. Ken Loach | UK | 2016 / I, DANIEL BLAKE": the title
                // under its credits.
                let c = self.current.unwrap_or_default();
                let tl = title_line(&self.lines[i]);
                let draft = &mut self.drafts[c];
                draft.wants_title = false;
                draft.entry.layout = "credits and title";
                merge(&mut draft.entry, titled_entry(tl, i + 1));
                self.own(c, i);
            }
            Class::Short => {
                // "Publisher: …", "Product ##: 7517" among labelled lines: a
                // field slate does not read, part of the entry.
                let line = self.lines[i].as_str();
                let unknown_label = line
                    .split_once(':')
                    .is_some_and(|(head, _)| (1..=3).contains(&head.split_whitespace().count()));
                let after_labels = i > 0
                    && matches!(self.owner[i - 1], Owner::Entry(_))
                    && self.pending.is_empty();
                if unknown_label && after_labels {
                    if let Owner::Entry(d) = self.owner[i - 1] {
                        self.own(d, i);
                        return;
                    }
                }
                if self.pending.is_empty() {
                    self.dated_since = false;
                }
                self.pending.push(i);
            }
            Class::Prose => self.prose(i),
            Class::Dated(inner) => {
                if !matches!(*inner, Class::Prose) {
                    self.resolve_pending();
                }
                self.dated_since = true;
                let before = self.drafts.len();
                self.classes[i] = *inner;
                self.line(i);
                // The entry the line made or joined is screened then.
                if let Owner::Entry(d) = self.owner[i] {
                    self.drafts[d].dated = true;
                    if d >= before && self.drafts[d].weak {
                        self.drafts[d].weak = false;
                        self.drafts[d].uncertain = None;
                    }
                }
            }
            Class::Directors(directors) => {
                let scratch = Entry {
                    directors,
                    ..Entry::default()
                };
                self.attach_facts(i, scratch);
            }
            Class::Cast(cast) => {
                let scratch = Entry {
                    cast,
                    ..Entry::default()
                };
                self.attach_facts(i, scratch);
            }
        }
    }

    /// A new draft owning line `i`, made current.
    fn new_draft(&mut self, i: usize, mut entry: Entry, layout: &'static str) -> usize {
        entry.layout = layout;
        let d = self.drafts.len();
        self.drafts.push(Draft {
            entry,
            lines: vec![i],
            open: true,
            ..Draft::default()
        });
        self.owner[i] = Owner::Entry(d);
        self.current = Some(d);
        d
    }

    fn own(&mut self, d: usize, i: usize) {
        self.drafts[d].lines.push(i);
        self.owner[i] = Owner::Entry(d);
    }

    /// Entries for the films a paragraph names.
    fn mentioned(&mut self, i: usize, found: Vec<super::mentions::Mention>) {
        for m in found {
            let d = self.new_draft(
                i,
                {
                    let mut e = Entry {
                        title: Some(m.title),
                        directors: m.director.as_deref().map(names).unwrap_or_default(),
                        year: m.year,
                        line: i + 1,
                        ..Entry::default()
                    };
                    for p in m.parts {
                        apply_part(&mut e, p);
                    }
                    e
                },
                "named in running text",
            );
            self.drafts[d].open = false;
            if !m.certain {
                self.drafts[d].uncertain = Some("named in running text, not as a film".into());
            }
        }
        self.current = None;
    }

    /// The title text of a pending line.
    fn title_text(&self, p: usize) -> String {
        self.titles
            .get(&p)
            .cloned()
            .unwrap_or_else(|| self.lines[p].clone())
    }

    /// Short lines that no facts followed: a roll-call of titles when they
    /// are a list, else uncertain titles or headings.
    fn resolve_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        self.leftover(&pending);
    }

    fn leftover(&mut self, lines: &[usize]) {
        if lines.is_empty() {
            return;
        }
        // A run is a list when its lines are marked as list items, or when
        // three or more follow one another without a blank line.
        // Lines that merely follow one another are not enough: a page's
        // menus and captions do too. A list is marked as one, or the
        // catalogue knows most of its titles.
        let marked = lines.iter().filter(|&&l| self.marked[l]).count();
        let known = lines
            .iter()
            .filter(|&&l| self.k.knows_title(&self.title_text(l)))
            .count();
        // ("- „The Wire“ (USA 2002-2008)" between two list items read as
        // records is an item of the same list.)
        let among_items = |l: usize| {
            self.marked[l]
                && (l > 0 && self.marked[l - 1] || l + 1 < self.marked.len() && self.marked[l + 1])
        };
        let list = marked >= 2
            || (lines.len() >= 3 && known * 2 >= lines.len())
            || lines.len() == 1 && among_items(lines[0]);
        let run = (lines.len() >= 3).then(|| {
            self.runs += 1;
            self.runs
        });
        // "18. April, 19.00 Uhr / DIE WUNDERSAME WELT DER WASCHKRAFT": a
        // line right under a date and time, with only notes about the
        // screening (or nothing) after it, is what is shown then, when the
        // listing does so twice or more. One such line is as often a
        // blog's post title or an address; a line between a date and the
        // title under it is a series heading.
        let after_date = |l: usize| {
            let before = (0..l).rev().find(|&p| !self.lines[p].trim().is_empty());
            let after = (l + 1..self.lines.len()).find(|&n| !self.lines[n].trim().is_empty());
            before.is_some_and(|p| self.owner[p] == Owner::Skipped("a date and time line"))
                && after.is_none_or(|n| matches!(self.owner[n], Owner::Skipped(_)))
        };
        let under_dates: Vec<usize> = lines
            .iter()
            .copied()
            .filter(|&l| after_date(l) && !is_heading(&self.title_text(l)))
            .collect();
        for &l in lines {
            let line = self.title_text(l);
            if is_heading(&line) && !self.k.knows_title(&line) {
                self.owner[l] = Owner::Skipped("a heading");
                continue;
            }
            let known = self.k.knows_title(&line);
            let tl = title_line(&line);
            // "21:15 | MATEWAN | John Sayles | USA 1987 | 133 min": a title
            // with its credits on its line is no line alone.
            let credited = tl.has_facts();
            let again = self.titles.contains_key(&l)
                && self.screened_again.contains(&crate::text::fold(&tl.title));
            let shown = under_dates.len() >= 2 && under_dates.contains(&l);
            let d = self.new_draft(l, titled_entry(tl, l + 1), "title alone");
            self.drafts[d].open = false;
            self.drafts[d].run = run;
            self.drafts[d].dated = again;
            if !(known || list || credited || again || shown) {
                self.drafts[d].uncertain =
                    Some("a line alone, with no credits, date or description".into());
            }
        }
        self.current = None;
    }
}

/// Titles named by more than one date line of the listing (folded), when
/// at least two titles are.
fn screened_again(classes: &[Class]) -> std::collections::HashSet<String> {
    let mut seen = std::collections::HashSet::new();
    let mut again = std::collections::HashSet::new();
    for c in classes {
        if let Class::DatedTitle(t) = c {
            let t = crate::text::fold(&title_line(t).title);
            if !t.is_empty() && !seen.insert(t.clone()) {
                again.insert(t);
            }
        }
    }
    // A calendar of films names several titles again; one line repeated
    // ("18h | TAP Castille") is a venue or a slot.
    if again.len() < 2 {
        again.clear();
    }
    again
}

/// Whether the listing gives each film's credits before its title
/// ("Dir. Ken Loach | UK | 2016 | 100 min / I, DANIEL BLAKE / A carpenter
/// …"): most credit lines come after a paragraph (the film before's
/// description) with a short line right under them, rather than under a
/// short line. Decided once for the listing, from all its entries.
fn credits_first(classes: &[Class]) -> bool {
    let facts = |c: &Class| {
        matches!(c, Class::Credits(_, None) | Class::Directors(_))
            || matches!(c, Class::Labelled(segments) if segments.iter().all(|(f, _)| !matches!(f, Some(Field::Title))))
    };
    let filled: Vec<usize> = (0..classes.len())
        .filter(|&i| !matches!(classes[i], Class::Blank))
        .collect();
    let (mut before, mut after) = (0, 0);
    for (n, &i) in filled.iter().enumerate() {
        if !facts(&classes[i]) {
            continue;
        }
        let prev = n.checked_sub(1).map(|m| &classes[filled[m]]);
        // The title is on the very next line: a blank line between would
        // make it the next entry's.
        let next = classes.get(i + 1);
        if matches!(prev, Some(Class::Short)) {
            after += 1;
        } else if matches!(
            prev,
            None | Some(Class::Prose) | Some(Class::Context(_)) | Some(Class::Heading)
        ) && matches!(next, Some(Class::Short))
        {
            before += 1;
        }
    }
    before >= 2 && before > after
}

impl Assembler<'_> {
    /// Whether the last short line waiting to be decided is right above
    /// line `i` (blank lines between), a title that is no heading.
    fn title_waits_above(&self, i: usize) -> bool {
        self.pending.last().is_some_and(|&p| {
            self.lines[p + 1..i].iter().all(|l| l.trim().is_empty())
                && !self.titles.contains_key(&p)
                && !is_heading(&self.lines[p])
        })
    }

    /// Whether the name that opens line `i`, a credit line under the title waiting
    /// above is its maker, not another title: a person's name (two words
    /// or more shaped like a name, the first a given name, or a name the
    /// catalogue's people look like), or anything with a year under a
    /// bulleted title ("• Pour une paysannerie sans pétrole / Télé
    /// Millevaches, 2023"), unless the catalogue knows it as a title.
    fn names_a_maker(&self, i: usize, text: &str, dated: bool) -> bool {
        let shaped = is_name_shaped(text)
            && text.split_whitespace().count() >= 2
            && text.split_whitespace().next().is_some_and(is_given_name);
        // (A bulleted line under a bulleted title is the list's next
        // item, not the title's credits.)
        let bulleted =
            dated && !self.marked[i] && self.pending.last().is_some_and(|&p| self.marked[p]);
        (shaped || bulleted || self.k.looks_like_person(text)) && !self.k.knows_title(text)
    }
}

fn draft_has_facts(d: &Draft) -> bool {
    d.entry.year.is_some() || d.entry.runtime.is_some() || !d.entry.directors.is_empty()
}

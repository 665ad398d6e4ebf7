//! The end of assembling: titles held to the guard, a film named twice
//! made one entry, runs of titles the listing confirms, and the
//! accounting of every line (entries, skipped runs, blanks).

use super::*;
use crate::text::fold;

impl Assembler<'_> {
    /// Holds every title to the guard, drops entries with nothing in them,
    /// and accounts for every line.
    pub(super) fn finish(mut self) -> Reading {
        for d in &mut self.drafts {
            if let Some(core) = d.entry.title.as_deref().and_then(quoted_core) {
                d.entry.title = Some(core);
            }
        }
        self.split_title_lists();
        self.join_repeated_films();
        // Names found in the listing are names wherever else they appear.
        let mut listed = Knowledge::default();
        for d in &self.drafts {
            for n in &d.entry.directors {
                listed.add_person(n);
            }
        }
        // Each title held to the guard on its own: in parallel.
        use rayon::prelude::*;
        let verdicts: Vec<Option<Verdict>> = self
            .drafts
            .par_iter()
            .map(|d| {
                let e = &d.entry;
                let strong = (e.year.is_some() || e.runtime.is_some())
                    && (!e.directors.is_empty() || e.year.is_some() && e.runtime.is_some());
                e.title
                    .as_deref()
                    .map(|t| verdict(t, self.k, &listed, strong))
            })
            .collect();
        let mut entries = Vec::new();
        for (mut d, v) in std::mem::take(&mut self.drafts).into_iter().zip(verdicts) {
            let mut reason = "no film facts";
            if let Some(v) = v {
                match v {
                    Verdict::Fine => {}
                    Verdict::Not(why) => {
                        reason = why;
                        d.entry.title = None;
                        d.entry.other_titles.clear();
                    }
                    // "César Chavez / 2014 / Dir: Diego Luna": a film named
                    // after a person, made by someone else.
                    Verdict::Doubtful("it looks like a person's name")
                        if d.name_is_title || made_by_another(&d.entry) => {}
                    // "Smoking room, de Julio Wallovits y Roger Gual": a
                    // title that reads like a room, given on one line with
                    // its makers. (A venue on a date line above a film's
                    // credits stays doubtful.)
                    Verdict::Doubtful("it looks like a venue")
                        if matches!(
                            d.entry.layout,
                            "named in running text" | "one-line record"
                        ) && made_by_another(&d.entry) => {}
                    Verdict::Doubtful(why) => {
                        if d.uncertain.is_none() {
                            d.uncertain = Some(why.to_string());
                        }
                    }
                }
            }
            if d.entry.kind.as_deref() == Some(super::super::credit_words::TELEVISION_SERIES)
                && d.uncertain.is_none()
            {
                d.uncertain = Some("the listing calls it a television series, not a film".into());
            }
            let e = &d.entry;
            let keep = e.title.is_some()
                || !e.directors.is_empty()
                || e.runtime.is_some()
                || e.year.is_some();
            if !keep {
                for &l in &d.lines {
                    self.owner[l] = Owner::Skipped(reason);
                }
                continue;
            }
            d.lines.sort_unstable();
            d.lines.dedup();
            let mut e = d.entry;
            e.uncertain = d.uncertain;
            e.lines = d.lines.len();
            let first = d.lines.iter().min().copied().unwrap_or(e.line - 1);
            e.line = first + 1;
            e.last_line = d.lines.iter().max().copied().unwrap_or(first) + 1;
            for &l in &d.lines {
                self.owner[l] = Owner::Entry(entries.len());
            }
            entries.push(e);
        }
        // A joined line goes with the line it was joined to.
        for i in 1..self.owner.len() {
            if self.joined[i] {
                self.owner[i] = self.owner[i - 1].clone();
            }
        }
        let mut counts = vec![0usize; entries.len()];
        for o in &self.owner {
            if let Owner::Entry(n) = o {
                counts[*n] += 1;
            }
        }
        for (e, n) in entries.iter_mut().zip(counts) {
            e.lines = n;
        }
        let mut skipped: Vec<Skipped> = Vec::new();
        for (i, o) in self.owner.iter().enumerate() {
            let reason = match o {
                Owner::Skipped(r) => *r,
                Owner::Undecided => "not recognised",
                _ => continue,
            };
            Skipped::add(&mut skipped, i, reason);
        }
        let blank = self.owner.iter().filter(|o| **o == Owner::Blank).count();
        Reading {
            entries,
            skipped,
            lines: self.lines.len(),
            blank,
        }
    }
}

impl Assembler<'_> {
    /// "1er mai 1936/Grèves d’occupation/La Grande Lutte des mineurs/…":
    /// a line of titles between slashes, unsure as one title, is a
    /// roll-call of the listing's films when two of its pieces are titles
    /// of the listing's other entries (sure, or a title over its
    /// description) or films the catalogue knows. Each piece becomes an
    /// entry (joined with the rest of the film's entry, if any, by
    /// `join_repeated_films`), and the entries it names are sure.
    fn split_title_lists(&mut self) {
        let titled = |d: &Draft| d.uncertain.is_none() || d.weak;
        let listed: std::collections::HashSet<String> = self
            .drafts
            .iter()
            .filter(|d| titled(d))
            .filter_map(|d| d.entry.title.as_deref().map(fold))
            .collect();
        let piece_shaped = |p: &str| {
            p.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && (1..=10).contains(&p.split_whitespace().count())
        };
        let mut added: Vec<(usize, String)> = Vec::new();
        for d in 0..self.drafts.len() {
            if self.drafts[d].uncertain.is_none() || self.drafts[d].lines.len() != 1 {
                continue;
            }
            let i = self.drafts[d].lines[0];
            let pieces: Vec<&str> = self.lines[i].split('/').map(str::trim).collect();
            if pieces.len() < 3 || !pieces.iter().all(|p| piece_shaped(p)) {
                continue;
            }
            let folded: Vec<String> = pieces.iter().map(|p| fold(p)).collect();
            let confirmed = pieces
                .iter()
                .zip(&folded)
                .filter(|(p, f)| listed.contains(*f) || self.k.knows_title(p))
                .count();
            if confirmed < 2 {
                continue;
            }
            for other in self.drafts.iter_mut() {
                let named = other
                    .entry
                    .title
                    .as_deref()
                    .is_some_and(|t| folded.contains(&fold(t)));
                if named && other.weak {
                    other.uncertain = None;
                }
            }
            let draft = &mut self.drafts[d];
            draft.entry = Entry {
                title: Some(pieces[0].to_string()),
                line: i + 1,
                layout: "roll-call",
                ..Entry::default()
            };
            draft.uncertain = None;
            draft.weak = false;
            added.extend(pieces[1..].iter().map(|p| (i, p.to_string())));
        }
        for (i, title) in added {
            let entry = Entry {
                title: Some(title),
                line: i + 1,
                ..Entry::default()
            };
            let d = self.new_draft(i, entry, "roll-call");
            self.drafts[d].open = false;
        }
    }

    /// A film named twice in one listing is one entry: a page's index
    /// ("MARX RELOADED: Thu, April 26") and its write-up further down, a
    /// roll-call and the credits after it. The later mention's facts and
    /// lines join the first, unless their facts disagree (a remake).
    fn join_repeated_films(&mut self) {
        let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for d in 0..self.drafts.len() {
            let Some(title) = self.drafts[d].entry.title.as_deref() else {
                continue;
            };
            let key = crate::text::fold(title);
            let Some(&f) = first.get(&key) else {
                first.insert(key, d);
                continue;
            };
            if !same_film(&self.drafts[f].entry, &self.drafts[d].entry) {
                continue;
            }
            let later = std::mem::take(&mut self.drafts[d]);
            for &l in &later.lines {
                self.owner[l] = Owner::Entry(f);
            }
            let kept = &mut self.drafts[f];
            kept.lines.extend(later.lines);
            kept.dated |= later.dated;
            if later.uncertain.is_none() {
                kept.uncertain = None;
            }
            merge(&mut kept.entry, later.entry);
        }
        // A run of short lines two of whose titles the listing itself
        // shows to be films (their credits follow further down, or they
        // are screened on several days) is a list of films: a page's index,
        // roll-call or calendar.
        let mut confirmed: std::collections::HashMap<usize, usize> =
            std::collections::HashMap::new();
        for d in &self.drafts {
            if let (Some(r), None) = (d.run, &d.uncertain) {
                if draft_has_facts(d) || d.dated {
                    *confirmed.entry(r).or_default() += 1;
                }
            }
        }
        for d in &mut self.drafts {
            if d.run
                .is_some_and(|r| confirmed.get(&r).is_some_and(|&n| n >= 2))
            {
                d.uncertain = None;
            }
        }
        self.confirm_alike();
    }

    /// Titles each followed by a description or by credits, one after
    /// another, are one layout: when two or more of them (and at least a
    /// third) are films for sure (the catalogue knows them, or their text
    /// gives credits or a date), the others, guessed only from the layout,
    /// are films too ("5 memorable strikes in films: / Billy Elliot / … /
    /// Happiness / …"). The first line of the page stays unsure: it is
    /// usually the page's title.
    fn confirm_alike(&mut self) {
        let alike = |d: &Draft| {
            matches!(
                d.entry.layout,
                "title and description" | "title and credits"
            )
        };
        let mut start = 0;
        while start < self.drafts.len() {
            if !alike(&self.drafts[start]) {
                start += 1;
                continue;
            }
            let mut end = start;
            while end < self.drafts.len() && alike(&self.drafts[end]) {
                end += 1;
            }
            let run = &mut self.drafts[start..end];
            let sure = run.iter().filter(|d| d.uncertain.is_none()).count();
            if sure >= 2 && sure * 3 >= run.len() {
                // The page's first line is its own title ("Labor
                // Bibliography"), not one of its films, unless shown so.
                for d in run.iter_mut().filter(|d| d.weak && d.entry.line > 1) {
                    d.uncertain = None;
                }
            }
            start = end;
        }
    }
}

/// Whether an entry titled like a name or a place is a film all the same:
/// its credits name someone else as its director ("Martin Eden di Pietro
/// Marcello", "Smoking room, de Julio Wallovits y Roger Gual"), or give
/// both its year and its running time (no person or room has those).
fn made_by_another(e: &Entry) -> bool {
    let title = e
        .title
        .as_deref()
        .map(crate::text::fold)
        .unwrap_or_default();
    let directed =
        !e.directors.is_empty() && e.directors.iter().all(|d| crate::text::fold(d) != title);
    directed || e.year.is_some() && e.runtime.is_some()
}

/// Whether two entries with one title can be one film: no year, runtime
/// or director of one contradicts the other.
fn same_film(a: &Entry, b: &Entry) -> bool {
    let agree = |x: Option<i64>, y: Option<i64>| x.is_none() || y.is_none() || x == y;
    agree(a.year.map(i64::from), b.year.map(i64::from))
        && agree(a.runtime.map(i64::from), b.runtime.map(i64::from))
        && (a.directors.is_empty()
            || b.directors.is_empty()
            || a.directors.iter().any(|d| b.directors.contains(d)))
}

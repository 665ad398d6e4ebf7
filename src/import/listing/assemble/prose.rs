//! Paragraphs: a description of the entry they follow, the credits of a
//! film named in them, or running text that names films (`mentions`).
//! Which one a paragraph is depends on the entries around it, so this
//! is part of the assembler.

use super::*;

impl Assembler<'_> {
    pub(super) fn prose(&mut self, i: usize) {
        let text = self.lines[i].clone();
        // "• Hoffa (1992): … / • The 1985 documentary film Final Offer …":
        // a list item is an item of its own, never more description of
        // the entry another item began.
        if self.marked[i] {
            let other_item = self.current.is_some_and(|c| {
                self.drafts[c]
                    .lines
                    .first()
                    .is_some_and(|&first| first != i && self.marked[first])
            });
            if other_item {
                self.current = None;
            }
        }
        // A paragraph listing films, each with its credits in parentheses,
        // is their entries, not one film's credits — unless it is the
        // description an entry waits for ("…in the line of Salt of the
        // Earth (1954) and Matewan (1987)").
        let waiting = self
            .current
            .is_some_and(|c| self.drafts[c].open && self.drafts[c].entry.synopsis.is_none());
        // (Nor is a paragraph naming two films or more each with a comma
        // and its maker: ", y a las 22.00, Los idiotas, del danés Lars Von
        // Trier. … a las 17.00, La novia polaca (Holanda), de Karim Traidia".)
        let listed_with_makers = super::super::made_by::comma_by(&text).len() >= 2;
        if listed_with_makers || !waiting && super::super::inline::credited_items(&text).len() >= 2
        {
            self.resolve_pending();
            let found = mentions(&text, self.k);
            self.mentioned(i, found);
            return;
        }
        // A credit-shaped paragraph (a year and a runtime) is credits,
        // never a synopsis — unless it is running text naming several
        // films with their makers ("…: ABC Brasil, de Sérgio Péo; Greve de
        // Março, de Renato Tapajós; e Greve!, de João Batista de Andrade").
        let loose = loose_credits(&text);
        if loose.is_some() && !waiting && text.split_whitespace().nth(60).is_some() {
            let found = mentions(&text, self.k);
            if found.iter().filter(|m| m.director.is_some()).count() >= 2 {
                self.resolve_pending();
                self.mentioned(i, found);
                return;
            }
        }
        if let Some(parts) = loose {
            let mut scratch = Entry::default();
            apply_prose(&mut scratch, &text);
            // "Documentary 1976 PG 103 minutes. Director Barbara Kopple’s
            // film about …": the director its opening names.
            if scratch.directors.is_empty() {
                scratch
                    .directors
                    .extend(super::super::names::director_named(&text));
            }
            // The synopsis is the text before inline credits, never them.
            if scratch
                .synopsis
                .as_deref()
                .is_some_and(|s| loose_credits(s).is_some())
            {
                scratch.synopsis = None;
            }
            let mut loose = Entry::default();
            for p in parts {
                apply_part(&mut loose, p);
            }
            scratch.year = scratch.year.or(loose.year);
            scratch.runtime = scratch.runtime.or(loose.runtime);
            if scratch.countries.is_empty() {
                scratch.countries = loose.countries;
            }
            if self.pending.is_empty() && self.current.is_none() {
                name_from_opening(&mut scratch, &text);
            }
            let d = self.attach_facts(i, scratch);
            self.drafts[d].open = false;
            return;
        }
        // "Anchovies (17 min) / … / Program 7 / A short film about…": a
        // heading between an entry and its description is passed over.
        if !self.pending.is_empty()
            && self.pending.iter().all(|&p| {
                let t = self.title_text(p);
                is_heading(&t) && !self.k.knows_title(&t)
            })
        {
            for p in std::mem::take(&mut self.pending) {
                self.owner[p] = Owner::Skipped("a heading");
            }
        }
        if !self.pending.is_empty() {
            // A paragraph that names films itself ("Pane, pace, libertà è
            // un documentario di…"): the line before it was a heading.
            let dated = self.dated_since || starts_with_date(&text);
            let named: Vec<_> = mentions(&text, self.k)
                .into_iter()
                .filter(|m| m.certain)
                .collect();
            if !named.is_empty() && !dated {
                let pending = std::mem::take(&mut self.pending);
                self.leftover(&pending);
                self.mentioned(i, named);
                return;
            }
            // A title followed by its description.
            let d = self.entry_from_pending(i, &Entry::default());
            self.drafts[d].entry.layout = "title and description";
            describe(&mut self.drafts[d].entry, &text);
            self.own(d, i);
            self.drafts[d].open = false;
            let known = self.drafts[d]
                .entry
                .title
                .as_deref()
                .is_some_and(|t| self.k.knows_title(t));
            let credited = !self.drafts[d].entry.directors.is_empty()
                || self.drafts[d].entry.runtime.is_some()
                || speaks_of_a_film(&text);
            if dated || credited {
                self.drafts[d].dated |= dated;
            } else if !known {
                self.drafts[d].weak = true;
                self.drafts[d].uncertain = Some(
                    "a short line followed by a paragraph, with no credits or screening date"
                        .into(),
                );
            }
            return;
        }
        let mut probe = Entry::default();
        apply_prose(&mut probe, &text);
        let has_credits = !probe.directors.is_empty() || probe.runtime.is_some();
        if let Some(c) = self.current {
            // Under a line only guessed to be a title, a paragraph that
            // names films is about them ("MADRID / … se proyectarán otras
            // siete películas: …").
            if self.drafts[c].weak {
                let named: Vec<_> = mentions(&text, self.k)
                    .into_iter()
                    .filter(|m| m.certain)
                    .collect();
                if !named.is_empty() {
                    self.mentioned(i, named);
                    return;
                }
            }
            let draft = &mut self.drafts[c];
            if draft.open
                && draft.entry.synopsis.is_none()
                && !(has_credits && draft_has_facts(draft))
            {
                // "Christian Rouaud, 2006, FR, video, ov 118' / (blank) /
                // “Les LIP, l’imagination au pouvoir” geeft het woord…":
                // credits with no title take the one their description
                // opens with.
                if draft.entry.title.is_none() {
                    draft.entry.title = super::super::quotes::opening_title(&text);
                }
                describe(&mut draft.entry, &text);
                draft.open = false;
                self.own(c, i);
                return;
            }
            if !has_credits {
                // More description of the entry (or of the film whose
                // credits come right under it: see `attach_facts`).
                self.own(c, i);
                self.described.push(i);
                return;
            }
        }
        if has_credits {
            let mut e = probe;
            e.line = i + 1;
            name_from_opening(&mut e, &text);
            let d = self.new_draft(i, e, "paragraph with credits");
            self.drafts[d].open = false;
            return;
        }
        // A paragraph of no entry: an introduction or an article (or an item
        // of a numbered list about films: "1) In I'm Alright, Jack, …").
        let mut found = mentions(&text, self.k);
        if found.is_empty() && self.marked[i] {
            found = super::super::made_by::titles_in_sentences(&text, true)
                .into_iter()
                .map(|(title, director)| super::super::mentions::Mention {
                    title,
                    director,
                    year: None,
                    certain: true,
                    parts: Vec::new(),
                })
                .collect();
        }
        if found.is_empty() {
            self.owner[i] = Owner::Skipped("a paragraph naming no film");
            return;
        }
        self.mentioned(i, found);
    }
}

/// The title of a paragraph of credits that names no film on a line of
/// its own, from its opening sentence ("Marx Reloaded is a
/// cultural-economic documentary… Germany, France, Belgium 2011, 52m, DIR
/// Jason Barker").
fn name_from_opening(e: &mut Entry, text: &str) {
    if e.title.is_some() {
        return;
    }
    let first = text.split_inclusive(". ").next().unwrap_or(text).trim();
    if let Some((title, director, year)) = super::super::sentences::film_sentence(first) {
        e.title = Some(title);
        if e.directors.is_empty() {
            e.directors = director.as_deref().map(names).unwrap_or_default();
        }
        e.year = e.year.or(year);
        e.layout = "paragraph naming its film";
    }
}

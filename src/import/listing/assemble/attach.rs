//! Facts meeting their film: labelled lines, credit lines and the
//! titles waiting for them. A line of facts joins the entry it belongs to
//! (the one it follows, or the short lines before it that now become a
//! title), or starts an entry of its own when it contradicts what the entry
//! has.

use super::*;

impl Assembler<'_> {
    pub(super) fn labelled(&mut self, i: usize, segments: Vec<(Option<Field>, String)>) {
        let mut scratch = Entry::default();
        let mut opens = None;
        for (field, value) in segments {
            match field {
                Some(f) => {
                    if let Some(o) = apply_label(&mut scratch, f, value) {
                        opens = Some(o);
                    }
                }
                None => credit_parts(&mut scratch, split_credits(&value)),
            }
        }
        let d = if scratch.title.is_some() {
            self.resolve_pending();
            let mut e = scratch;
            e.line = i + 1;
            self.new_draft(i, e, "labelled block")
        } else {
            self.attach_facts(i, scratch)
        };
        if let Some(o) = opens {
            self.drafts[d].open = o;
        }
    }

    /// Attaches facts read from line `i` to the entry they belong to: a new
    /// one titled by the short lines before, the current one when they do
    /// not contradict it, or a new untitled one.
    pub(super) fn attach_facts(&mut self, i: usize, mut scratch: Entry) -> usize {
        if self.credits_first {
            if let Some(c) = self.current {
                let d = &self.drafts[c];
                if d.wants_title && compatible(&d.entry, &scratch) {
                    merge(&mut self.drafts[c].entry, scratch);
                    self.own(c, i);
                    return c;
                }
            }
            self.resolve_pending();
            let mut e = scratch;
            e.line = i + 1;
            let d = self.new_draft(i, e, "credits without a title");
            self.drafts[d].wants_title = true;
            return d;
        }
        if !self.pending.is_empty() {
            let d = self.entry_from_pending(i, &scratch);
            merge(&mut self.drafts[d].entry, scratch);
            self.own(d, i);
            return d;
        }
        if let Some(c) = self.current {
            if let Some(p) = self.drafts[c].name_line {
                let named = &self.drafts[c].entry.directors;
                if !scratch.directors.is_empty()
                    && scratch.directors.iter().all(|d| !named.contains(d))
                {
                    let e = &mut self.drafts[c].entry;
                    e.directors.clear();
                    e.title = Some(title_line(&self.lines[p]).title);
                    self.drafts[c].name_line = None;
                    self.drafts[c].name_is_title = true;
                }
            }
            // "Puberty / Un film de Elena Kondrateva / Documentaire / Russie
            // / 2019 / Durée : 28 ‘ / Moscow Film School": an entry with its
            // director and no other facts takes the facts of the credit
            // line under it; a name there is its school or producer.
            let e = &self.drafts[c].entry;
            let only_director = !e.directors.is_empty()
                && e.year.is_none()
                && e.runtime.is_none()
                && e.countries.is_empty();
            if only_director
                && (scratch.year.is_some() || scratch.runtime.is_some())
                && !scratch.directors.is_empty()
                && scratch.directors != e.directors
            {
                scratch.directors.clear();
            }
            if compatible(&self.drafts[c].entry, &scratch) {
                merge(&mut self.drafts[c].entry, scratch);
                self.own(c, i);
                // Facts settle a title the reader was unsure of.
                if draft_has_facts(&self.drafts[c]) && self.drafts[c].weak {
                    self.drafts[c].uncertain = None;
                    self.drafts[c].weak = false;
                }
                return c;
            }
        }
        let mut e = scratch;
        e.line = i + 1;
        let d = self.new_draft(i, e, "credits without a title");
        // Credits right under a paragraph taken as more description of the
        // entry before are the paragraph's film: "The film is about a lathe
        // machine worker… / Directed by Mangesh Joshi".
        let mut above = i;
        while above > 0 && self.described.last() == Some(&(above - 1)) {
            above -= 1;
            self.described.pop();
            if let Owner::Entry(c) = self.owner[above] {
                self.drafts[c].lines.retain(|&l| l != above);
            }
            self.own(d, above);
        }
        if above < i {
            let text: Vec<&str> = (above..i).map(|l| self.lines[l].as_str()).collect();
            let text = text.join(" ");
            let draft = &mut self.drafts[d];
            if draft.entry.synopsis.is_none() {
                describe(&mut draft.entry, &text);
            }
            draft.entry.line = above + 1;
        }
        d
    }

    /// A new entry from the pending short lines, for facts found on line
    /// `at`: the title is the last pending line that is not a name, a
    /// language or a country the facts lack.
    pub(super) fn entry_from_pending(&mut self, at: usize, facts: &Entry) -> usize {
        let pending = std::mem::take(&mut self.pending);
        // A name no one knows is a director only between a title and its
        // credits ("Title / Ann Smith / 2019, 84 min"), never before a
        // paragraph ("DC LABORFEST / Celebrating Labor Arts / …").
        let has_facts =
            facts.year.is_some() || facts.runtime.is_some() || !facts.countries.is_empty();
        let mut extra = Entry::default();
        let mut title_at = None;
        let mut used = Vec::new();
        for (n, &p) in pending.iter().enumerate().rev() {
            let text = self.title_text(p);
            let line = text.as_str();
            let more_above = n > 0;
            if !self.k.knows_title(line) {
                // "(Der Himmel über Berlin)" under "Wings of Desire", or
                // "Kailash (original title)": the original title.
                if more_above && line.starts_with('(') && line.ends_with(')') {
                    extra
                        .other_titles
                        .push(line[1..line.len() - 1].trim().to_string());
                    used.push(p);
                    continue;
                }
                let folded = crate::text::fold(line);
                if more_above
                    && [
                        "original title",
                        "titre original",
                        "originaltitel",
                        "titulo original",
                        "titolo originale",
                    ]
                    .iter()
                    .any(|m| folded.ends_with(m))
                {
                    extra.other_titles.push(title_line(line).title);
                    used.push(p);
                    continue;
                }
                // Only a heading above ("Films / King Coal / 1948 | 3
                // mins"): the line is the title unless it is a known name.
                let title_above = pending[..n]
                    .iter()
                    .any(|&q| !is_heading(&self.title_text(q)));
                if facts.directors.is_empty()
                    && extra.directors.is_empty()
                    && !self.titles.contains_key(&p)
                    && is_name_shaped(line)
                    && (self.k.knows_person(line)
                        || title_above && self.k.looks_like_person(line)
                        || more_above
                            && has_facts
                            && line.split_whitespace().next().is_some_and(is_given_name))
                    && line.split_whitespace().count() <= 4
                {
                    add_directors(&mut extra, names(&line.replace(" and ", ", ")));
                    used.push(p);
                    continue;
                }
                if is_language(line) {
                    extra.languages.push(line.to_string());
                    used.push(p);
                    continue;
                }
                if crate::countries::canonical(line).is_some() {
                    extra.countries.push(line.to_string());
                    used.push(p);
                    continue;
                }
            }
            title_at = Some(n);
            break;
        }
        // "Title / Original title / credits", one line after another: the
        // first line of the block is the title, the others other titles.
        let mut others = Vec::new();
        // A title the listing gave before ("WE WANT SEX" in the programme,
        // then over its credits) is the title: the line above it is no
        // other title of it ("ARBEITSWELT IM FILM", the series).
        let repeated = title_at.is_some_and(|n| {
            let key = crate::text::fold(&self.title_text(pending[n]));
            pending[..n]
                .iter()
                .any(|&p| crate::text::fold(&self.title_text(p)) == key)
        });
        if let Some(n) = title_at.filter(|_| !repeated) {
            let mut first = n;
            while first > 0
                && pending[first - 1] + 1 == pending[first]
                && !self.titles.contains_key(&pending[first - 1])
                && !is_heading(&self.lines[pending[first - 1]])
                && !self.marked[pending[first - 1]]
            {
                first -= 1;
            }
            if first < n {
                for &p in &pending[first + 1..=n] {
                    others.push(title_line(&self.title_text(p)).title);
                    used.push(p);
                }
                title_at = Some(first);
            }
        }
        let (first_line, entry) = match title_at {
            Some(n) => {
                let p = pending[n];
                self.leftover(&pending[..n]);
                let mut e = titled_entry(title_line(&self.title_text(p)), p + 1);
                e.other_titles.extend(others);
                merge(&mut e, extra);
                (p, e)
            }
            None => {
                extra.line = used.iter().min().copied().unwrap_or(at) + 1;
                (used.iter().min().copied().unwrap_or(at), extra)
            }
        };
        let name_line =
            (title_at.is_none() && used.len() == 1 && entry.directors.len() == 1).then(|| used[0]);
        let d = self.new_draft(first_line, entry, "title and credits");
        self.drafts[d].name_line = name_line;
        for p in used {
            self.own(d, p);
        }
        if std::mem::take(&mut self.dated_since) {
            self.drafts[d].dated = true;
        }
        d
    }
}

//! [`Indexed`]: the entries of a vocabulary file (`[[event]]`,
//! `[[festival]]`) in file order, looked up by id, with "did you mean"
//! suggestions; and [`Indexed::load`]/[`Indexed::parse`], which read such a
//! file (optional, every problem located) given how to read one entry — one
//! mechanism for every vocabulary that films refer to by id.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{Diagnostic, SourceFile};
use crate::text::did_you_mean;
use crate::toml_fields::{array_of_tables, parse, vocabulary_id, Fields};

/// One kind of vocabulary file and how to read an entry of it.
pub trait VocabularyEntry: Identified + Sized {
    /// The name of its tables (`event` for `[[event]]`).
    const ARRAY: &'static str;
    /// An id to show in messages ("uk-miners-strike-1984").
    const EXAMPLE_ID: &'static str;
    /// The keys whose text may hold line breaks and tabs.
    const MULTILINE: &'static [&'static str];
    /// Reads one table whose `id` was read already (None when it is missing
    /// or faulty: the other keys are still checked), reporting every problem.
    fn read(f: &Fields, id: Option<String>, diags: &mut Vec<Diagnostic>) -> Option<Self>;
}

/// An entry films refer to by id, with a human label.
pub trait Identified {
    fn id(&self) -> &str;
    fn label(&self) -> &str;
}

/// Entries in file order, indexed by id.
#[derive(Debug, Clone)]
pub struct Indexed<T> {
    items: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Default for Indexed<T> {
    fn default() -> Self {
        Indexed {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T: VocabularyEntry> Indexed<T> {
    /// Loads a vocabulary file; no file is an empty vocabulary.
    pub fn load(path: &Path) -> (Self, Vec<Diagnostic>) {
        if !path.exists() {
            return (Indexed::default(), Vec::new());
        }
        match SourceFile::read(path) {
            Ok(src) => Self::parse(&src),
            Err(d) => (Indexed::default(), vec![*d]),
        }
    }

    /// Parses and validates a vocabulary document: its `[[T::ARRAY]]`
    /// tables, ids unique slugs, each entry read by [`VocabularyEntry::read`].
    pub fn parse(src: &SourceFile) -> (Self, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let root = match parse(src) {
            Ok(r) => r,
            Err(d) => return (Indexed::default(), d),
        };
        let tables = array_of_tables(&root, src, 0, T::ARRAY, &mut diags);
        let mut items = Vec::new();
        let mut seen = HashMap::new();
        for (n, (table, span)) in tables.into_iter().enumerate() {
            let mut f = Fields::new(table, span, src, 0, format!("{} #{}", T::ARRAY, n + 1))
                .plain_text(T::MULTILINE);
            let id = vocabulary_id(&mut f, T::ARRAY, T::EXAMPLE_ID, &mut seen, &mut diags);
            items.extend(T::read(&f, id, &mut diags));
        }
        (Indexed::new(items), diags)
    }
}

impl<T: Identified> Indexed<T> {
    /// Entries already known to have unique ids.
    pub fn new(items: Vec<T>) -> Self {
        let index = items
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id().to_string(), i))
            .collect();
        Indexed { items, index }
    }

    pub fn all(&self) -> &[T] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    /// Position of an entry in file order.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// A close id, or the entry whose label was written instead of its id.
    pub fn suggestion(&self, id: &str) -> Option<String> {
        did_you_mean(id, self.items.iter().map(|e| e.id())).or_else(|| {
            let label = crate::text::suggest(id, self.items.iter().map(|e| e.label()))?;
            let e = self.items.iter().find(|e| e.label() == label)?;
            Some(format!("did you mean `{}` ({})?", e.id(), e.label()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct E(&'static str, &'static str);
    impl Identified for E {
        fn id(&self) -> &str {
            self.0
        }
        fn label(&self) -> &str {
            self.1
        }
    }

    #[test]
    fn looks_up_and_suggests() {
        let v = Indexed::new(vec![
            E("uk-miners-strike-1984", "UK miners' strike"),
            E("gdansk-1980", "Solidarity strike"),
        ]);
        assert_eq!(v.position("gdansk-1980"), Some(1));
        assert_eq!(
            v.suggestion("uk-miners-strike").as_deref(),
            Some("did you mean `uk-miners-strike-1984`?")
        );
        assert_eq!(
            v.suggestion("solidarity strikes").as_deref(),
            Some("did you mean `gdansk-1980` (Solidarity strike)?")
        );
    }
}

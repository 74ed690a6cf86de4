//! Diagnostics: one problem in `data/`, located by file and line.

use std::fmt;

/// One problem found while loading or validating `data/`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Repository-relative path, e.g. `data/qt/network_error.csv`.
    pub path: String,
    /// 1-based line, or `None` for a problem with the file as a whole.
    pub line: Option<usize>,
    /// What is wrong, ending with the offending value in parentheses where there is one.
    pub message: String,
}

impl Diagnostic {
    pub fn new(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_owned(), line, message: message.into() }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Proof that a problem was reported. Row parsers return `Result<_, Reported>`,
/// so a row can only be left out of the model together with a diagnostic:
/// there is no way to drop one in silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported(());

/// Collects every problem instead of stopping at the first.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Every path under `data/` the loader asked for (found or not), so that
    /// a file nothing reads can be reported instead of ignored.
    read: std::collections::BTreeSet<String>,
}

impl Diagnostics {
    pub fn push(&mut self, path: &str, line: Option<usize>, message: impl Into<String>) {
        self.items.push(Diagnostic::new(path, line, message));
    }

    pub fn at(&mut self, path: &str, line: usize, message: impl Into<String>) {
        self.push(path, Some(line), message);
    }

    /// Reports a problem and returns the proof that it was reported: the
    /// only way to make a [`Reported`], which is how a row parser says it
    /// left a row out.
    pub fn report(&mut self, path: &str, line: usize, message: impl Into<String>) -> Reported {
        self.at(path, line, message);
        Reported(())
    }

    /// Records that the loader read (or looked for) `relative`, a path under `data/`.
    pub fn note_read(&mut self, relative: &str) {
        self.read.insert(relative.to_owned());
    }

    pub fn was_read(&self, relative: &str) -> bool {
        self.read.contains(relative)
    }

    /// Whether the loader read anything inside the folder `relative`.
    pub fn read_inside(&self, relative: &str) -> bool {
        let prefix = format!("{relative}/");
        self.read.range(prefix.clone()..).next().is_some_and(|path| path.starts_with(&prefix))
    }

    /// Takes over the problems and reads another `Diagnostics` collected.
    pub fn absorb(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.read.extend(other.read);
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems in a stable order: by file, then line, then message.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort();
        self.items.dedup();
        self.items
    }
}

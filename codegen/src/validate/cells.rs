//! Typed access to the fields of one CSV row. Every accessor either returns
//! the value or reports why not, and returns [`Reported`] as proof.

use crate::diag::{Diagnostics, Reported};
use crate::load::{CsvRow, CsvTable};
use crate::model::Term;
use crate::spell;

pub struct Cells<'a> {
    pub table: &'a CsvTable,
    pub row: &'a CsvRow,
    pub diags: &'a mut Diagnostics,
}

impl Cells<'_> {
    pub fn err(&mut self, message: impl Into<String>) -> Reported {
        self.diags.report(&self.table.path, self.row.line, message)
    }

    /// The field of a column the table has (the schema asked for it).
    pub fn raw(&self, column: &str) -> &str {
        let index = self.table.index(column).unwrap_or_else(|| panic!("{}: column {column} was required", self.table.path));
        self.row.get(index)
    }

    /// The field of an optional column, empty where the table lacks it.
    pub fn optional_raw(&self, column: &str) -> &str {
        self.table.index(column).map_or("", |index| self.row.get(index))
    }

    /// A non-empty text field.
    pub fn text(&mut self, column: &str) -> Result<String, Reported> {
        let value = self.raw(column).to_owned();
        if value.trim().is_empty() {
            return Err(self.err(format!("{column} is empty ({value:?})")));
        }
        Ok(value)
    }

    /// An optional text field: `None` when empty or when the table lacks the column.
    pub fn optional(&self, column: &str) -> Option<String> {
        let value = self.optional_raw(column);
        (!value.is_empty()).then(|| value.to_owned())
    }

    /// A decimal integer without leading zeros, within `i64`.
    pub fn int(&mut self, column: &str) -> Result<i64, Reported> {
        let value = self.raw(column).to_owned();
        let digits = value.strip_prefix('-').unwrap_or(&value);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || (digits.len() > 1 && digits.starts_with('0')) {
            return Err(self.err(format!("{column} is not an integer ({value:?})")));
        }
        value.parse::<i64>().map_err(|_| self.err(format!("{column} does not fit in 64 bits ({value:?})")))
    }

    pub fn bool(&mut self, column: &str) -> Result<bool, Reported> {
        match self.raw(column) {
            "true" => Ok(true),
            "false" => Ok(false),
            other => {
                let other = other.to_owned();
                Err(self.err(format!("{column} must be true or false ({other:?})")))
            }
        }
    }

    /// A vocabulary term by id; `what` names the vocabulary in the message.
    pub fn term(&mut self, column: &str, terms: &[Term]) -> Result<usize, Reported> {
        let value = self.raw(column).to_owned();
        terms
            .iter()
            .position(|t| t.id == value)
            .ok_or_else(|| self.err(format!("unknown {column}; see data/vocabulary.toml ({value:?})")))
    }

    /// One of a fixed list of words.
    pub fn choice(&mut self, column: &str, choices: &[&str]) -> Result<usize, Reported> {
        let value = self.raw(column).to_owned();
        choices.iter().position(|c| *c == value).ok_or_else(|| {
            let list = match choices {
                [one, two] => format!("{one} or {two}"),
                _ => format!("{} or {}", choices[..choices.len() - 1].join(", "), choices[choices.len() - 1]),
            };
            self.err(format!("{column} must be {list} ({value:?})"))
        })
    }

    /// An `UPPER_SNAKE` identifier.
    pub fn upper_snake(&mut self, column: &str) -> Result<String, Reported> {
        let value = self.raw(column).to_owned();
        if spell::is_upper_snake(&value) { Ok(value) } else { Err(self.err(format!("{column} is not UPPER_SNAKE_CASE ({value:?})"))) }
    }
}

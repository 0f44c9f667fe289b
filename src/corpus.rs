//! A collection of records, and the links between them: duplicate stories,
//! dates borrowed from a duplicate, people named with an office elsewhere.

use crate::extract;
use crate::input::{check_text, Document, Rejection};
use crate::record::Record;

/// What one [`Corpus::add`] call did. `added.len() + rejected.len()` equals
/// the number of documents passed in.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AddReport {
    /// Indices (into [`Corpus::records`]) of the new records.
    pub added: Vec<usize>,
    /// Indices of earlier records whose tags, date or duplicate link changed
    /// because of the new ones.
    pub changed: Vec<usize>,
    /// Documents that could not be loaded, and why.
    pub rejected: Vec<Rejection>,
}

/// Every record loaded so far, in the order they came.
#[derive(Debug, Default)]
pub struct Corpus {
    records: Vec<Record>,
    ids: std::collections::HashSet<String>,
}

impl Corpus {
    /// An empty corpus.
    pub fn new() -> Self {
        Self::default()
    }

    /// The records, in load order.
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// Parses and adds documents, then links them with the rest.
    pub fn add(&mut self, docs: Vec<Document>) -> AddReport {
        let mut report = AddReport::default();
        for doc in docs {
            let record = match doc {
                Document::Text { source, text, meta } => {
                    if let Some(reason) = check_text(&text) {
                        report.rejected.push(Rejection { source, reason });
                        continue;
                    }
                    extract::extract(&source, &text, &meta)
                }
                Document::Record(r) => *r,
            };
            report.added.push(self.push(record));
        }
        report
    }

    fn push(&mut self, mut record: Record) -> usize {
        if record.id.is_empty() {
            record.id = record.source.clone();
        }
        if self.ids.contains(&record.id) {
            let base = record.id.clone();
            let mut n = 2;
            while self.ids.contains(&format!("{base}#{n}")) {
                n += 1;
            }
            record.id = format!("{base}#{n}");
        }
        self.ids.insert(record.id.clone());
        self.records.push(record);
        self.records.len() - 1
    }
}

//! The explorer: a corpus and its index kept in step, behind the small API
//! every front end uses (the page through WebAssembly, tests natively).

use serde::Serialize;

use crate::corpus::{self, AddReport, Corpus, Extracted};
use crate::error::{Error, ErrorKind, Result};
use crate::input::{self, Document, Rejection};
use crate::query::{Index, Query, Results};
use crate::record::Record;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One full record per line, as the CLI writes them.
    Jsonl,
    /// `id,date,title,outlet,countries,officials,source` with a header row;
    /// countries as `;`-separated ISO codes, officials as `;`-separated names.
    Csv,
}

impl Format {
    /// Reads `jsonl` or `csv`.
    pub fn parse(name: &str) -> Result<Format> {
        match name.to_ascii_lowercase().as_str() {
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            _ => Err(Error::new(ErrorKind::Query, format!("unknown export format '{name}' (expected jsonl or csv)"))),
        }
    }
}

/// What an add did, in the shape the page shows: counts and rejections.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddSummary {
    /// Records added.
    pub added: usize,
    /// Earlier records whose tags, date or duplicate link changed.
    pub changed: usize,
    /// Items that could not be loaded, and why.
    pub rejected: Vec<Rejection>,
}

impl From<AddReport> for AddSummary {
    fn from(report: AddReport) -> Self {
        AddSummary { added: report.added.len(), changed: report.changed.len(), rejected: report.rejected }
    }
}

/// Records and their index.
#[derive(Debug, Default)]
pub struct Explorer {
    corpus: Corpus,
    index: Index,
}

impl Explorer {
    /// An empty explorer.
    pub fn new() -> Self {
        Self::default()
    }

    /// Extracts, links and indexes documents. Records earlier documents'
    /// changes too (a date or an official learned from the new ones).
    pub fn add(&mut self, docs: Vec<Document>) -> AddReport {
        let count = docs.len();
        self.add_extracted(count, docs.into_iter().map(corpus::extract))
    }

    /// Links and indexes documents extracted elsewhere ([`corpus::extract`]
    /// in a Web Worker), in their order; `count` is how many there are.
    pub fn add_extracted(&mut self, count: usize, items: impl IntoIterator<Item = Extracted>) -> AddReport {
        let report = self.corpus.add_extracted(count, items);
        let records = self.corpus.records();
        for &i in &report.added {
            if let Some(record) = records.get(i) {
                // Indices come in load order, so the index stays in step.
                debug_assert_eq!(i, self.index.len());
                self.index.add(record);
            }
        }
        self.index.refresh_all(&report.changed, records);
        report
    }

    /// Reads a named file (`.txt` is one article, `.json`/`.jsonl` many)
    /// and adds what it holds; items that cannot be read are rejected in
    /// the report alongside those the corpus rejects.
    pub fn add_named(&mut self, name: &str, bytes: &[u8]) -> AddReport {
        let (docs, rejected) = input::read_named(name, bytes);
        let mut report = self.add(docs);
        let mut all = rejected;
        all.append(&mut report.rejected);
        report.rejected = all;
        report
    }

    /// Answers a query; fails on a malformed date or month.
    pub fn query(&self, q: &Query) -> Result<Results> {
        self.index.query(self.corpus.records(), q)
    }

    /// The record with this id.
    pub fn record(&self, id: &str) -> Option<&Record> {
        self.index.position(id).and_then(|i| self.corpus.records().get(i))
    }

    /// All records, in load order.
    pub fn records(&self) -> &[Record] {
        self.corpus.records()
    }

    /// The whole result of `q` (every page, each hit followed by its
    /// matching duplicates) in `format`; fails like [`Explorer::query`].
    pub fn export(&self, q: &Query, format: Format) -> Result<String> {
        let records = self.corpus.records();
        let order = self.index.matches(records, q)?;
        let picked = order.into_iter().filter_map(|i| records.get(i));
        Ok(match format {
            Format::Jsonl => to_jsonl(picked),
            Format::Csv => to_csv(picked),
        })
    }

    /// Forgets every record.
    pub fn clear(&mut self) {
        *self = Explorer::new();
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.corpus.records().len()
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sizes of the index.
    pub fn stats(&self) -> crate::query::IndexStats {
        self.index.stats()
    }
}

/// Records as JSON Lines, one record per line, as the CLI writes them.
pub fn to_jsonl<'a>(records: impl IntoIterator<Item = &'a Record>) -> String {
    let mut out = String::new();
    for r in records {
        // A record is plain strings, numbers and lists: it always serializes.
        if let Ok(line) = serde_json::to_string(r) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// Appends one CSV field, quoted when it holds a comma, quote or line break
/// (RFC 4180: quotes inside are doubled).
fn csv_field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn to_csv<'a>(records: impl Iterator<Item = &'a Record>) -> String {
    let mut out = String::from("id,date,title,outlet,countries,officials,source\r\n");
    for r in records {
        let countries: Vec<&str> = r.countries.iter().map(|c| c.code.as_str()).collect();
        let officials: Vec<&str> = r.officials.iter().map(|o| o.name.as_str()).collect();
        let fields = [
            r.id.as_str(),
            r.date.as_deref().unwrap_or(""),
            r.title.as_deref().unwrap_or(""),
            r.outlet.as_deref().unwrap_or(""),
            &countries.join(";"),
            &officials.join(";"),
            r.source.as_str(),
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(&mut out, f);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        csv_field(&mut out, "plain");
        out.push('|');
        csv_field(&mut out, "a, \"b\"\nc");
        assert_eq!(out, "plain|\"a, \"\"b\"\"\nc\"");
    }

    #[test]
    fn formats_parse_by_name() {
        assert_eq!(Format::parse("CSV").unwrap(), Format::Csv);
        assert_eq!(Format::parse("jsonl").unwrap(), Format::Jsonl);
        assert_eq!(
            Format::parse("xml").unwrap_err().to_string(),
            "unknown export format 'xml' (expected jsonl or csv)"
        );
    }
}

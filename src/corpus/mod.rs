//! A collection of records, and the links between them: duplicate stories,
//! dates and outlets borrowed from a duplicate, people named with an office
//! elsewhere in the corpus.

mod duplicates;
pub mod handover;
mod people;

use crate::extract::{self, dates, officials};
use crate::input::{check_text, Document, Rejection};
use crate::order::sort_by;
use crate::parse::dateline;
use crate::record::{Evidence, Record};
use crate::text::FxMap;
use duplicates::Fingerprints;
use people::{People, Waiting};

/// What one [`Corpus::add`] call did. `added.len() + rejected.len()` equals
/// the number of documents passed in.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AddReport {
    /// Indices (into [`Corpus::records`]) of the new records.
    pub added: Vec<usize>,
    /// Indices of earlier records whose officials, date, outlet or duplicate
    /// link changed because of the new ones.
    pub changed: Vec<usize>,
    /// Documents that could not be loaded, and why.
    pub rejected: Vec<Rejection>,
}

/// A document read on its own, before it meets the corpus: the part of
/// adding that does not depend on other stories, so it can run anywhere.
#[derive(Debug, Clone, PartialEq)]
// Almost every item is a record: boxing it would cost an allocation each.
#[allow(clippy::large_enum_variant)]
pub enum Extracted {
    /// Its record, and the names it writes without an office.
    Record {
        /// The record, not yet linked.
        record: Record,
        /// Names for the corpus to recognise.
        names: Vec<officials::NameMention>,
    },
    /// It could not be loaded, and why.
    Rejected(Rejection),
}

/// Extracts one document. A record parsed earlier is taken as it is: it was
/// linked when it was extracted, and loading it is not reading it again
/// (its officials still join the corpus's people, its copies are still
/// found).
pub fn extract(doc: Document) -> Extracted {
    match doc {
        Document::Text { source, text, meta } => match check_text(&text) {
            Some(reason) => Extracted::Rejected(Rejection { source, reason }),
            None => {
                let (record, names) = extract::extract_with_names(&source, &text, &meta);
                Extracted::Record { record, names }
            }
        },
        Document::Record(r) => Extracted::Record { record: *r, names: Vec::new() },
    }
}

/// Every record loaded so far, in the order they came.
#[derive(Debug, Default)]
pub struct Corpus {
    records: Vec<Record>,
    ids: FxMap<String, usize>,
    /// For an id taken more than once, the next `#n` to try: stories that
    /// share a name (an embedder adding untitled texts one at a time) do
    /// not each count through every number before theirs.
    suffixes: FxMap<String, u32>,
    fingerprints: Fingerprints,
    people: People,
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

    /// The index of the record with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Parses and adds documents, then links them with each other and with
    /// the records already here.
    pub fn add(&mut self, docs: Vec<Document>) -> AddReport {
        let count = docs.len();
        self.add_extracted(count, docs.into_iter().map(extract))
    }

    /// Adds documents [`extract`]ed elsewhere (a Web Worker, another
    /// thread), in their order: the corpus ends as [`Corpus::add`] of the
    /// same documents would leave it. `count` is how many there are, to
    /// reserve room.
    pub fn add_extracted(&mut self, count: usize, items: impl IntoIterator<Item = Extracted>) -> AddReport {
        let mut report = AddReport::default();
        let first_new = self.records.len();
        let mut changed = Vec::new();
        // Room for the batch, and an eighth more of what is held when the
        // batches are small (a slice from a worker): a doubling Vec of
        // records could hold twice what it needs, an exact one would be
        // copied whole for every slice.
        self.records.reserve_exact(count.max(self.records.len() / 8));
        for item in items {
            self.take(item, first_new, &mut report, &mut changed);
        }
        self.link_duplicates(&report.added, &mut changed);
        sort_by(&mut changed, |a, b| a < b);
        changed.dedup();
        report.changed = changed;
        report
    }

    /// Adds one item of [`Corpus::add_extracted`] (kept apart from the
    /// generic loop, so it is compiled once).
    fn take(&mut self, item: Extracted, first_new: usize, report: &mut AddReport, changed: &mut Vec<usize>) {
        let (record, found) = match item {
            Extracted::Record { record, names } => (record, names),
            Extracted::Rejected(r) => return report.rejected.push(r),
        };
        let i = self.push(record);
        report.added.push(i);
        // A record from an earlier run may point to a copy not loaded here.
        if let Some(dup) = &self.records[i].duplicate_of {
            if self.position(dup).is_none_or(|p| p == i) {
                self.records[i].duplicate_of = None;
            }
        }
        // Linked as each story comes, so a batch's names need not be held
        // all at once.
        self.link_people(i, &found, first_new, changed);
    }

    fn push(&mut self, mut record: Record) -> usize {
        if record.id.is_empty() {
            record.id = record.source.clone();
        }
        if self.ids.contains_key(&record.id) {
            // Ids are never given back, so every number below the one
            // remembered is still taken.
            let n = self.suffixes.entry(record.id.clone()).or_insert(2);
            while self.ids.contains_key(&format!("{}#{n}", record.id)) {
                *n += 1;
            }
            record.id = format!("{}#{n}", record.id);
            *n += 1;
        }
        self.ids.insert(record.id.clone(), self.records.len());
        self.records.push(record);
        self.records.len() - 1
    }

    /// One name per person across the corpus, and officials recognised by
    /// name where another story gave them their office. Earlier stories
    /// that `first_new` or later did not bring go in `changed`.
    fn link_people(&mut self, i: usize, names: &[officials::NameMention], first_new: usize, changed: &mut Vec<usize>) {
        let learned = self.people.learn(&self.records[i]);
        let record = &mut self.records[i];
        self.people.canonicalise(record);
        self.people.promote(record, names);
        self.people.wait(i as u32, names);
        // Earlier stories that wrote a newly learned name without an office.
        // Only those names can have changed what the story says: the rest
        // were matched against the same people when it came.
        let mut earlier: Vec<Waiting> =
            learned.iter().flat_map(|k| self.people.waiting_for(k)).copied().filter(|w| (w.doc as usize) < i).collect();
        sort_by(&mut earlier, |a, b| a.place() < b.place());
        earlier.dedup();
        for story in earlier.chunk_by(|a, b| a.doc == b.doc) {
            let d = story[0].doc as usize;
            let record = &mut self.records[d];
            let names: Vec<_> = story.iter().filter_map(|w| w.mention(&record.body)).collect();
            let renamed = self.people.canonicalise(record);
            if (self.people.promote(record, &names) || renamed) && d < first_new {
                changed.push(d);
            }
        }
    }

    /// Marks repeated stories and lets copies fill each other's missing year
    /// and outlet.
    fn link_duplicates(&mut self, added: &[usize], changed: &mut Vec<usize>) {
        for &i in added {
            let samples = duplicates::sample(&self.records[i].body);
            let mut copy_of = None;
            if let Some(found) = self.fingerprints.find(&samples) {
                let found = found as usize;
                let canonical =
                    self.records[found].duplicate_of.as_ref().and_then(|id| self.position(id)).unwrap_or(found);
                self.records[i].duplicate_of = Some(self.records[canonical].id.clone());
                copy_of = Some(canonical as u32);
                for (to, from) in [(i, canonical), (canonical, i)] {
                    if borrow(&mut self.records, to, from) && to < added[0] {
                        changed.push(to);
                    }
                }
            }
            self.fingerprints.insert(i as u32, &samples, copy_of);
        }
    }
}

/// Fills record `to`'s missing year and outlet from its copy `from`; returns
/// whether anything changed.
fn borrow(records: &mut [Record], to: usize, from: usize) -> bool {
    let (from_date, from_outlet, from_source) =
        (records[from].date.clone(), records[from].outlet.clone(), records[from].source.clone());
    let r = &mut records[to];
    let mut changed = false;
    if r.date.is_none() {
        let yearless = r.dateline.as_deref().and_then(|d| dateline::read(d, &|_| true)).and_then(|d| d.date);
        let full = from_date.as_deref().and_then(dates::iso);
        if let (Some(w), Some(day)) = (yearless, full) {
            if w.day == Some(day.day) && w.month == day.month {
                r.date = Some(day.to_string());
                let text =
                    format!("{}; year from the same story in {from_source}", r.dateline.as_deref().unwrap_or(""));
                r.date_evidence = Some(Evidence { kind: "dateline+duplicate".into(), text });
                r.warnings.retain(|w| !w.contains("gives no year"));
                changed = true;
            }
        }
    }
    if r.outlet.is_none() && from_outlet.is_some() {
        r.outlet = from_outlet;
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Ministers from Chile and Peru signed a fisheries agreement in Lima on Thursday after two \
        days of talks, setting quotas for the anchovy catch along their maritime border and creating a joint \
        commission to review the stocks every year, the foreign ministry said in a statement issued after the \
        ceremony at the presidential palace.";

    fn add(c: &mut Corpus, source: &str, text: &str) -> AddReport {
        c.add(vec![Document::text(source, text)])
    }

    #[test]
    fn a_copy_points_to_the_first_and_lends_it_a_year_and_outlet() {
        let mut c = Corpus::new();
        add(&mut c, "a.txt", &format!("Lima, June 6 {WIRE}"));
        assert_eq!(c.records()[0].date, None);
        let site = format!("Friday, June 9, 2023\n22 C\n\nChile and Peru sign fisheries deal\n\nLima, June 6 (EFE) {WIRE}\n\nRelated Articles\nOther");
        let r = add(&mut c, "b.txt", &site);
        assert_eq!(c.records()[1].duplicate_of.as_deref(), Some("a.txt"));
        assert_eq!(c.records()[1].date.as_deref(), Some("2023-06-06"));
        assert_eq!(c.records()[0].date.as_deref(), Some("2023-06-06"));
        assert_eq!(c.records()[0].date_evidence.as_ref().unwrap().kind, "dateline+duplicate");
        assert_eq!(c.records()[0].outlet.as_deref(), Some("EFE"));
        assert_eq!(r.changed, vec![0]);
    }

    #[test]
    fn a_name_without_an_office_is_an_official_the_corpus_knows() {
        let mut c = Corpus::new();
        add(&mut c, "a.txt", "The Aquino government said on Monday it would hold talks.");
        assert!(c.records()[0].officials.is_empty());
        let r = add(&mut c, "b.txt", "Philippine President Corazon Aquino arrived in Tokyo on Monday.");
        assert_eq!(r.changed, vec![0]);
        assert_eq!(c.records()[0].officials[0].name, "Corazon Aquino");
        let r = add(&mut c, "c.txt", "Later, Corazon Aquino said she was pleased. Treasury Secretary Aquino? No.");
        assert!(r.changed.is_empty());
        assert_eq!(c.records()[2].officials[0].name, "Corazon Aquino");
    }

    #[test]
    fn a_company_named_after_a_person_is_not_that_person() {
        let mut c = Corpus::new();
        add(&mut c, "a.txt", "Former U.S. President Gerald Ford spoke in Michigan.");
        add(&mut c, "b.txt", "Ford Motor Co said sales rose. Ford said it would hire.");
        assert!(c.records()[1].officials.is_empty(), "{:?}", c.records()[1].officials);
        add(&mut c, "c.txt", "The talks went on. Ford said he was pleased.");
        assert_eq!(c.records()[2].officials[0].name, "Gerald Ford");
    }

    #[test]
    fn spelling_variants_get_one_name_across_the_corpus() {
        let mut c = Corpus::new();
        add(&mut c, "a.txt", "South Korean President Lee Jae Myung spoke.");
        add(&mut c, "b.txt", "President Lee Jae-myung spoke again.");
        assert_eq!(c.records()[1].officials[0].name, "Lee Jae Myung");
        assert!(c.records()[1].officials[0].aliases.contains(&"Lee Jae-myung".to_string()));
    }

    #[test]
    fn an_ambiguous_surname_is_left_alone() {
        let mut c = Corpus::new();
        add(&mut c, "a.txt", "Treasury Secretary James Baker and chief of staff Howard Baker met.");
        add(&mut c, "b.txt", "Officials said Baker would attend the talks on Monday in Paris.");
        assert!(c.records()[1].officials.is_empty(), "{:?}", c.records()[1].officials);
    }

    #[test]
    fn stories_under_one_name_get_numbered_ids() {
        let mut c = Corpus::new();
        add(&mut c, "a", "A story about Ghana.");
        add(&mut c, "a#3", "A story about Peru.");
        for _ in 0..3 {
            add(&mut c, "a", "Another story about Chile.");
        }
        let ids: Vec<&str> = c.records().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "a#3", "a#2", "a#4", "a#5"]);
        assert_eq!(c.position("a#4"), Some(3));
    }

    #[test]
    fn counts_add_up() {
        let mut c = Corpus::new();
        let r = c.add(vec![Document::text("a", "Text of a story about Ghana."), Document::text("b", "  \n")]);
        assert_eq!(r.added.len() + r.rejected.len(), 2);
        assert_eq!(r.rejected[0].source, "b");
    }
}

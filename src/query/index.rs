//! The index over a list of records and the query that runs on it.
//!
//! Per document it keeps only small numbers: interned facet values, the date
//! as a span of days, the canonical copy of a duplicate. A query works on
//! bitsets of document numbers: the text matches, the date filter, each
//! facet's selection, then counts each facet over the intersection of all
//! the other sets.

use std::slice;

use super::bits::Bitset;
use super::facet::Facet;
use super::filter::{self, Range, Span};
use super::search::{TextIndex, BODY_WEIGHT, NAME_WEIGHT, TITLE_WEIGHT};
use super::{
    query_error, Duplicate, FacetTotals, Facets, Hit, HitCountry, HitOfficial, MonthCount, Query, Results, Sort,
    MAX_LIMIT,
};
use super::{snippet, tokens};
use crate::error::Result;
use crate::order::{greatest_by, sort_by};
use crate::record::Record;
use crate::text::FxMap;

const NONE: u32 = u32::MAX;
/// Characters of body a snippet shows.
const SNIPPET_CHARS: usize = 200;
/// Characters of a title made from the body's first sentence.
const TITLE_CHARS: usize = 120;
/// Query words past this many are ignored.
const MAX_QUERY_WORDS: usize = 16;
/// Histograms wider than this many months list only the months with hits.
const MAX_FILLED_MONTHS: u32 = 1200;

/// The four facets, in the order of `Index::facets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Country = 0,
    Official = 1,
    Outlet = 2,
    Month = 3,
}

const KINDS: [Kind; 4] = [Kind::Country, Kind::Official, Kind::Outlet, Kind::Month];

/// A run of values in `Index::lists`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Slot {
    start: u32,
    len: u32,
}

/// What the index keeps of one record: 40 bytes, with the country and
/// official numbers in one shared pool so that counting walks memory in
/// order instead of chasing a pointer per document.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Doc {
    span: Option<Span>,
    month: u32,
    outlet: u32,
    /// The canonical record when this one is a duplicate, else `NONE`.
    canon: u32,
    countries: Slot,
    officials: Slot,
}

/// A record's facet values before they are stored.
struct Entry {
    span: Option<Span>,
    month: u32,
    outlet: u32,
    countries: Vec<u32>,
    officials: Vec<u32>,
}

fn single(v: &u32) -> &[u32] {
    if *v == NONE {
        &[]
    } else {
        slice::from_ref(v)
    }
}

impl Entry {
    fn values(&self, kind: Kind) -> &[u32] {
        match kind {
            Kind::Country => &self.countries,
            Kind::Official => &self.officials,
            Kind::Outlet => single(&self.outlet),
            Kind::Month => single(&self.month),
        }
    }
}

/// Sizes of an index, for benchmarks and memory budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    /// Documents indexed.
    pub docs: usize,
    /// Distinct folded words.
    pub words: usize,
    /// Approximate heap bytes of the text index (postings and vocabulary).
    pub text_bytes: usize,
    /// Approximate heap bytes of everything else.
    pub other_bytes: usize,
}

/// The search and facet index over a list of records; document `i` is
/// record `i`.
#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<Doc>,
    /// Country and official numbers of every document, in `Slot`s.
    lists: Vec<u32>,
    ids: FxMap<String, u32>,
    facets: [Facet; 4],
    text: TextIndex,
    /// Canonical document → its duplicates, ascending.
    dups: FxMap<u32, Vec<u32>>,
    /// Record ids named by `duplicate_of` before they were loaded → the
    /// documents waiting for them.
    pending: FxMap<String, Vec<u32>>,
}

/// Counts from one pass over a set.
struct Tally {
    counts: [Vec<u32>; 4],
    undated: u32,
}

/// A query checked against the index: dates parsed, facet keys resolved.
struct Plan {
    words: Vec<String>,
    range: Range,
    /// Per facet: the selected keys as given, and their value numbers.
    selected: [(Vec<String>, Vec<u32>); 4],
    sort: Sort,
    offset: usize,
    limit: usize,
}

/// The sets a query computes, shared by its page and its export.
struct Run {
    plan: Plan,
    /// Documents passing text and dates.
    base: Bitset,
    /// Per facet: documents holding a selected value (if it selects).
    chosen: [Option<Bitset>; 4],
    /// Documents passing everything.
    result: Bitset,
    scores: Vec<f32>,
}

fn check_day(field: &str, value: &Option<String>) -> Result<Option<i32>> {
    match value {
        None => Ok(None),
        Some(s) => filter::parse_day(s)
            .map(Some)
            .ok_or_else(|| query_error(format!("{field}: '{s}' is not a date (YYYY-MM-DD)"))),
    }
}

impl Index {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether there are no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The document number of a record id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.ids.get(id).map(|&d| d as usize)
    }

    /// Sizes of the index.
    pub fn stats(&self) -> IndexStats {
        let other = self.docs.capacity() * std::mem::size_of::<Doc>()
            + self.lists.capacity() * 4
            + self.ids.capacity() * (std::mem::size_of::<(String, u32)>() + 1)
            + self.ids.keys().map(String::len).sum::<usize>();
        IndexStats {
            docs: self.docs.len(),
            words: self.text.vocabulary(),
            text_bytes: self.text.heap_bytes(),
            other_bytes: other,
        }
    }

    /// The values of document `d` in facet `kind`.
    fn values(&self, d: usize, kind: Kind) -> &[u32] {
        let doc = &self.docs[d];
        let slot = match kind {
            Kind::Country => doc.countries,
            Kind::Official => doc.officials,
            Kind::Outlet => return single(&doc.outlet),
            Kind::Month => return single(&doc.month),
        };
        self.lists.get(slot.start as usize..(slot.start + slot.len) as usize).unwrap_or(&[])
    }

    /// Stores an entry's lists in the pool (refreshed documents leave their
    /// old lists behind: refreshes are rare).
    fn store(&mut self, entry: &Entry, canon: u32) -> Doc {
        let mut slot = |values: &[u32]| {
            let start = self.lists.len() as u32;
            self.lists.extend_from_slice(values);
            Slot { start, len: values.len() as u32 }
        };
        Doc {
            span: entry.span,
            month: entry.month,
            outlet: entry.outlet,
            canon,
            countries: slot(&entry.countries),
            officials: slot(&entry.officials),
        }
    }

    /// What the index keeps of `record`, interning its facet values.
    fn describe(&mut self, record: &Record) -> Entry {
        let [countries, officials, outlets, months] = &mut self.facets;
        let mut country_ids: Vec<u32> = Vec::with_capacity(record.countries.len());
        for c in &record.countries {
            let id = countries.intern(&c.code, &c.name);
            if !country_ids.contains(&id) {
                country_ids.push(id);
            }
        }
        let mut official_ids: Vec<u32> = Vec::with_capacity(record.officials.len());
        for o in &record.officials {
            let id = officials.intern(&o.name, &o.name);
            officials.set_office(id, o.role.as_deref(), o.country.as_deref());
            if !official_ids.contains(&id) {
                official_ids.push(id);
            }
        }
        let outlet = match record.outlet.as_deref().map(str::trim) {
            Some(o) if !o.is_empty() => outlets.intern(o, o),
            _ => NONE,
        };
        let date = record.date.as_deref().and_then(filter::record_date);
        let month = match date.and_then(|(_, m)| m) {
            Some(m) => {
                let key = filter::month_key(m);
                months.intern(&key, &key)
            }
            None => NONE,
        };
        Entry { span: date.map(|(s, _)| s), month, outlet, countries: country_ids, officials: official_ids }
    }

    /// Indexes the next record (document number `len()`); returns its number.
    pub fn add(&mut self, record: &Record) -> usize {
        let d = self.docs.len() as u32;
        let entry = self.describe(record);
        for kind in KINDS {
            for &v in entry.values(kind) {
                self.facets[kind as usize].insert_doc(v, d);
            }
        }
        let doc = self.store(&entry, NONE);
        let names = official_names(record);
        let fields = [
            (record.title.as_deref().unwrap_or(""), TITLE_WEIGHT),
            (record.outlet.as_deref().unwrap_or(""), NAME_WEIGHT),
            (names.as_str(), NAME_WEIGHT),
            (record.body.as_str(), BODY_WEIGHT),
        ];
        self.text.add(d, &fields);
        self.docs.push(doc);
        self.ids.insert(record.id.clone(), d);
        self.link(d, record.duplicate_of.as_deref());
        if let Some(waiting) = self.pending.remove(&record.id) {
            for w in waiting {
                if w != d {
                    self.set_canon(w, d);
                }
            }
        }
        d as usize
    }

    /// Updates document `i` after its record's tags, date or duplicate link
    /// changed. Out-of-range numbers are ignored.
    pub fn refresh(&mut self, i: usize, record: &Record) {
        self.refresh_one(i, record);
        self.text.settle();
    }

    /// Updates the documents whose records (in `records`, by the same
    /// numbers) changed, in one pass over each word they gained.
    pub fn refresh_all(&mut self, changed: &[usize], records: &[Record]) {
        for &i in changed {
            if let Some(record) = records.get(i) {
                self.refresh_one(i, record);
            }
        }
        self.text.settle();
    }

    fn refresh_one(&mut self, i: usize, record: &Record) {
        if i >= self.docs.len() {
            return;
        }
        let d = i as u32;
        let entry = self.describe(record);
        for kind in KINDS {
            let old = self.values(i, kind).to_vec();
            let facet = &mut self.facets[kind as usize];
            for &v in &old {
                if !entry.values(kind).contains(&v) {
                    facet.remove_doc(v, d);
                }
            }
            for &v in entry.values(kind) {
                if !old.contains(&v) {
                    facet.insert_doc(v, d);
                }
            }
        }
        // Names no longer there stay findable: harmless, and removing them
        // would need a per-document word list.
        self.text.add_late(d, &official_names(record));
        self.docs[i] = self.store(&entry, self.docs[i].canon);
        self.link(d, record.duplicate_of.as_deref());
    }

    /// Points document `d` at the canonical record `target` names (one hop:
    /// a duplicate of a duplicate joins the first one's group), or waits for
    /// that record to be loaded.
    fn link(&mut self, d: u32, target: Option<&str>) {
        let canon = match target {
            None => NONE,
            Some(id) => match self.ids.get(id) {
                Some(&t) if t == d => NONE,
                Some(&t) => match self.docs[t as usize].canon {
                    NONE => t,
                    c if c == d => NONE,
                    c => c,
                },
                None => {
                    let waiting = self.pending.entry(id.to_string()).or_default();
                    if !waiting.contains(&d) {
                        waiting.push(d);
                    }
                    NONE
                }
            },
        };
        if canon != self.docs[d as usize].canon {
            self.set_canon(d, canon);
        }
    }

    fn set_canon(&mut self, d: u32, canon: u32) {
        let old = self.docs[d as usize].canon;
        if old != NONE {
            if let Some(list) = self.dups.get_mut(&old) {
                list.retain(|&x| x != d);
                if list.is_empty() {
                    self.dups.remove(&old);
                }
            }
        }
        self.docs[d as usize].canon = canon;
        if canon != NONE {
            let list = self.dups.entry(canon).or_default();
            if let Err(at) = list.binary_search(&d) {
                list.insert(at, d);
            }
        }
    }

    fn plan(&self, q: &Query) -> Result<Plan> {
        let from = check_day("from", &q.from)?;
        let to = check_day("to", &q.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(query_error(format!(
                    "from: '{}' is after to: '{}'",
                    q.from.as_deref().unwrap_or(""),
                    q.to.as_deref().unwrap_or("")
                )));
            }
        }
        for (i, m) in q.months.iter().enumerate() {
            if filter::parse_month(m).is_none() {
                return Err(query_error(format!("months[{i}]: '{m}' is not a month (YYYY-MM)")));
            }
        }
        let lists = [&q.countries, &q.officials, &q.outlets, &q.months];
        let selected = KINDS.map(|k| {
            let keys = lists[k as usize].clone();
            let ids = keys.iter().filter_map(|key| self.facets[k as usize].id(key)).collect();
            (keys, ids)
        });
        let mut words = tokens::query_words(&q.text);
        // A pasted paragraph is not a query; its first words are enough.
        words.truncate(MAX_QUERY_WORDS);
        let sort = match q.sort {
            None | Some(Sort::Relevance) if words.is_empty() => Sort::Newest,
            None => Sort::Relevance,
            Some(s) => s,
        };
        Ok(Plan { words, range: Range { from, to }, selected, sort, offset: q.offset, limit: q.limit.min(MAX_LIMIT) })
    }

    fn run(&self, q: &Query, n: usize) -> Result<Run> {
        let plan = self.plan(q)?;
        let mut scores = Vec::new();
        let mut base = if plan.words.is_empty() {
            Bitset::full(n)
        } else {
            if plan.sort == Sort::Relevance {
                scores = vec![0.0; n];
            }
            self.text.search(&plan.words, n, &mut scores)
        };
        if plan.range.is_set() {
            base.retain(|d| plan.range.keeps(self.docs[d].span));
        }
        let chosen = KINDS.map(|k| {
            let (keys, ids) = &plan.selected[k as usize];
            (!keys.is_empty()).then(|| self.facets[k as usize].select(ids, n))
        });
        let mut result = base.clone();
        for set in chosen.iter().flatten() {
            result.intersect(set);
        }
        Ok(Run { plan, base, chosen, result, scores })
    }

    /// One pass over the hits of `set`: per-value counts of each facet
    /// `kinds` asks for (empty lists for the others), the number of undated
    /// hits, and the hits themselves when `hits` is given.
    fn tally(&self, set: &Bitset, kinds: [bool; 4], mut hits: Option<&mut Vec<u32>>) -> Tally {
        let mut counts: [Vec<u32>; 4] =
            KINDS.map(|k| if kinds[k as usize] { vec![0u32; self.facets[k as usize].len()] } else { vec![] });
        let mut undated = 0;
        // Stories with copies that already have their hit: the canonical
        // record when it is in the set, else its first copy that is.
        let mut shown: Option<Bitset> = None;
        for d in set.iter() {
            let canon = self.docs[d].canon;
            if canon != NONE {
                let shown = shown.get_or_insert_with(|| Bitset::empty(self.docs.len()));
                if set.contains(canon as usize) || shown.contains(canon as usize) {
                    continue;
                }
                shown.insert(canon as usize);
            }
            if let Some(hits) = hits.as_deref_mut() {
                hits.push(d as u32);
            }
            for kind in KINDS {
                if kinds[kind as usize] {
                    let counts = &mut counts[kind as usize];
                    for &v in self.values(d, kind) {
                        if let Some(c) = counts.get_mut(v as usize) {
                            *c += 1;
                        }
                    }
                }
            }
            if self.docs[d].span.is_none() {
                undated += 1;
            }
        }
        Tally { counts, undated }
    }

    /// The hits of a run (one per story), in document order.
    fn hits(&self, run: &Run) -> Vec<u32> {
        let mut hits = Vec::new();
        self.tally(&run.result, [false; 4], Some(&mut hits));
        hits
    }

    /// Sorts `hits` by the run's order, only as far as the first `upto`.
    fn sort_hits(&self, hits: Vec<u32>, run: &Run, upto: usize) -> Vec<u32> {
        // One u64 per hit: the order key above, the document number (in
        // reverse, so earlier documents win ties) below; sorted descending.
        const OFFSET: i64 = 1 << 30;
        let key = |d: u32| -> u64 {
            let high: u32 = match run.plan.sort {
                Sort::Relevance => run.scores.get(d as usize).copied().unwrap_or(0.0).max(0.0).to_bits(),
                Sort::Newest => self.docs[d as usize].span.map_or(0, |s| (s.lo as i64 + OFFSET) as u32),
                Sort::Oldest => self.docs[d as usize].span.map_or(0, |s| (OFFSET * 3 - s.lo as i64) as u32),
            };
            ((high as u64) << 32) | (u32::MAX - d) as u64
        };
        let keys: Vec<u64> = hits.into_iter().map(key).collect();
        greatest_by(keys, upto, |a, b| a < b).into_iter().map(|k| u32::MAX - (k as u32)).collect()
    }

    /// Answers `q` over `records` (the records this index was built from).
    /// Fails on a date that is not `YYYY-MM-DD`, a month that is not
    /// `YYYY-MM`, or `from` after `to`.
    pub fn query(&self, records: &[Record], q: &Query) -> Result<Results> {
        let n = self.docs.len().min(records.len());
        let run = self.run(q, n)?;
        // Facets with no selection of their own count over the result itself,
        // in the same pass that collects the hits; the month counts also
        // make the histogram. Each facet with a selection takes one more
        // pass over its own set.
        let own = run.chosen.each_ref().map(|c| c.is_none());
        let mut hits = Vec::new();
        let mut tally = self.tally(&run.result, [own[0], own[1], own[2], true], Some(&mut hits));
        let histogram = self.histogram(&tally.counts[Kind::Month as usize]);
        let mut undated = tally.undated;
        for kind in KINDS.into_iter().filter(|&k| !own[k as usize]) {
            let mut set = run.base.clone();
            for (k, chosen) in run.chosen.iter().enumerate() {
                if let (Some(c), true) = (chosen, k != kind as usize) {
                    set.intersect(c);
                }
            }
            let mut wanted = [false; 4];
            wanted[kind as usize] = true;
            let other = self.tally(&set, wanted, None);
            if kind == Kind::Month {
                undated = other.undated;
            }
            tally.counts[kind as usize] = other.counts.into_iter().nth(kind as usize).unwrap_or_default();
        }
        let lists = KINDS.map(|k| {
            self.facets[k as usize].list(&tally.counts[k as usize], &run.plan.selected[k as usize].0, q.facet_limit)
        });
        let total = hits.len();
        let end = run.plan.offset.saturating_add(run.plan.limit).min(total);
        let page = if run.plan.offset >= end { vec![] } else { self.sort_hits(hits, &run, end) };
        let hits = page.iter().skip(run.plan.offset).map(|&d| self.hit(records, d as usize, &run)).collect();
        let [(country, countries), (official, officials), (outlet, outlets), (month, months)] = lists;
        Ok(Results {
            total,
            offset: run.plan.offset,
            hits,
            facets: Facets { country, official, outlet, month },
            facet_totals: FacetTotals { country: countries, official: officials, outlet: outlets, month: months },
            histogram,
            undated,
        })
    }

    /// Every hit of `q` in order, each followed by its matching duplicates:
    /// the record numbers an export writes. Fails like [`Index::query`].
    pub fn matches(&self, records: &[Record], q: &Query) -> Result<Vec<usize>> {
        let n = self.docs.len().min(records.len());
        let run = self.run(q, n)?;
        let mut out = Vec::new();
        for d in self.sort_hits(self.hits(&run), &run, usize::MAX) {
            out.push(d as usize);
            for copy in self.group(d as usize) {
                if copy as usize != d as usize && run.result.contains(copy as usize) {
                    out.push(copy as usize);
                }
            }
        }
        Ok(out)
    }

    /// The canonical document of `d`'s story followed by its duplicates.
    fn group(&self, d: usize) -> Vec<u32> {
        let canon = match self.docs[d].canon {
            NONE => d as u32,
            c => c,
        };
        let mut group = vec![canon];
        group.extend(self.dups.get(&canon).map(Vec::as_slice).unwrap_or(&[]));
        group
    }

    fn histogram(&self, counts: &[u32]) -> Vec<MonthCount> {
        let facet = &self.facets[Kind::Month as usize];
        let mut months: Vec<(u32, u32)> = counts
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c > 0)
            .filter_map(|(i, &c)| filter::parse_month(facet.key(i as u32)).map(|m| (m, c)))
            .collect();
        sort_by(&mut months, |a, b| a < b);
        let (Some(&(first, _)), Some(&(last, _))) = (months.first(), months.last()) else {
            return vec![];
        };
        if last - first >= MAX_FILLED_MONTHS {
            return months.into_iter().map(|(m, count)| MonthCount { month: filter::month_key(m), count }).collect();
        }
        let mut out: Vec<MonthCount> =
            (first..=last).map(|m| MonthCount { month: filter::month_key(m), count: 0 }).collect();
        for (m, c) in months {
            out[(m - first) as usize].count = c;
        }
        out
    }

    fn hit(&self, records: &[Record], d: usize, run: &Run) -> Hit {
        let r = &records[d];
        let words = &run.plan.words;
        // Without a title the body's first sentence stands in, and a snippet
        // with no match to show starts after it rather than repeat it.
        let (title, rest) = match r.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => (t.to_string(), 0),
            _ => match snippet::first_sentence(&r.body, TITLE_CHARS) {
                (s, _) if s.is_empty() => (r.source.clone(), 0),
                found => found,
            },
        };
        let body = match words.is_empty() {
            true => r.body.get(rest..).filter(|b| !b.trim().is_empty()).unwrap_or(&r.body),
            false => &r.body,
        };
        let text = snippet::snippet(body, words, SNIPPET_CHARS);
        let duplicates = self
            .group(d)
            .into_iter()
            .filter(|&x| x as usize != d)
            .filter_map(|x| records.get(x as usize))
            .map(|c| Duplicate { id: c.id.clone(), source: c.source.clone(), outlet: c.outlet.clone() })
            .collect();
        Hit {
            id: r.id.clone(),
            title_highlights: snippet::highlights(&title, words),
            title,
            date: r.date.clone(),
            date_kind: r.date_evidence.as_ref().map(|e| e.kind.clone()),
            outlet: r.outlet.clone(),
            source: r.source.clone(),
            countries: r.countries.iter().map(|c| HitCountry { code: c.code.clone(), name: c.name.clone() }).collect(),
            officials: r
                .officials
                .iter()
                .map(|o| HitOfficial { name: o.name.clone(), role: o.role.clone(), country: o.country.clone() })
                .collect(),
            highlights: snippet::highlights(&text, words),
            snippet: text,
            duplicates,
        }
    }
}

/// The searchable names of a record's officials, one per line.
fn official_names(record: &Record) -> String {
    let mut names = String::new();
    for o in &record.officials {
        names.push_str(&o.name);
        names.push('\n');
    }
    names
}

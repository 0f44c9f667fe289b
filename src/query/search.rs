//! Full-text search: an inverted index from folded words to the documents
//! that contain them, searched by word prefix and ranked with BM25.
//!
//! The vocabulary is kept sorted so that all the words starting with a
//! prefix ("kish" for "kishida", "kishi") are one contiguous range found by
//! binary search. Words new since the last sort wait in a short unsorted
//! tail that is scanned, and merged in once it grows, so adding documents
//! never re-sorts the whole vocabulary.
//!
//! Postings are stored compactly: per word one byte vector of
//! (document-number delta as a LEB128 varint, weighted term frequency as one
//! byte) pairs, about 2-3 bytes per posting instead of 8.

use super::bits::Bitset;
use super::tokens;
use crate::order::sort_by;
use crate::text::FxMap;

/// How much an occurrence counts, by where it is.
pub(crate) const TITLE_WEIGHT: u32 = 3;
/// Official names and the outlet count a little more than body text.
pub(crate) const NAME_WEIGHT: u32 = 2;
/// Body text.
pub(crate) const BODY_WEIGHT: u32 = 1;

/// BM25 parameters: term-frequency saturation and length normalisation.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// A prefix match ("kish" in "kishida") scores less than the whole word.
const PREFIX_FACTOR: f32 = 0.6;

#[derive(Debug)]
struct Term {
    text: Box<str>,
    /// (delta varint, weighted tf byte) pairs, ascending document numbers.
    postings: Vec<u8>,
    /// Number of documents.
    df: u32,
    /// The last document appended (for the next delta).
    last: u32,
    /// Weighted frequency in the document being indexed.
    pending: u32,
}

/// The inverted index.
#[derive(Debug, Default)]
pub(crate) struct TextIndex {
    /// Term number by word: words of up to eight bytes, most words, keyed
    /// by their bytes as an integer (one multiply to hash, one compare).
    short: FxMap<u64, u32>,
    /// Term number by word, for longer words.
    lookup: FxMap<String, u32>,
    terms: Vec<Term>,
    /// Term numbers sorted by text.
    sorted: Vec<u32>,
    /// Term numbers added since `sorted` was last merged, unsorted.
    tail: Vec<u32>,
    /// Weighted length of each document.
    doc_len: Vec<u32>,
    total_len: u64,
    /// Terms seen in the document being indexed.
    touched: Vec<u32>,
    /// Names added to earlier documents, waiting for [`TextIndex::settle`]:
    /// (term, document).
    late: Vec<(u32, u32)>,
}

/// A word of up to eight bytes as an integer: folded words hold no zero
/// byte, so the zero padding keeps them apart.
fn short_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    (b.len() <= 8).then(|| b.iter().rev().fold(0u64, |k, &c| k << 8 | u64::from(c)))
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Iterates (document, tf) pairs of an encoded postings list.
struct Postings<'a> {
    bytes: &'a [u8],
    at: usize,
    doc: u32,
}

impl Iterator for Postings<'_> {
    type Item = (u32, u8);

    fn next(&mut self) -> Option<(u32, u8)> {
        let mut delta: u32 = 0;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.at)?;
            self.at += 1;
            delta |= ((b & 0x7f) as u32) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
            if shift > 28 {
                return None;
            }
        }
        let tf = *self.bytes.get(self.at)?;
        self.at += 1;
        self.doc = self.doc.wrapping_add(delta);
        Some((self.doc, tf))
    }
}

fn postings(bytes: &[u8]) -> Postings<'_> {
    Postings { bytes, at: 0, doc: 0 }
}

impl Term {
    fn append(&mut self, doc: u32, tf: u32) {
        let delta = if self.df == 0 { doc } else { doc - self.last };
        push_varint(&mut self.postings, delta);
        self.postings.push(tf.min(255) as u8);
        self.df += 1;
        self.last = doc;
    }
}

impl TextIndex {
    /// The number of distinct words.
    pub fn vocabulary(&self) -> usize {
        self.terms.len()
    }

    /// Bytes held by postings and vocabulary (for the benchmarks).
    pub fn heap_bytes(&self) -> usize {
        let terms: usize = self.terms.iter().map(|t| t.postings.capacity() + 2 * t.text.len()).sum();
        terms
            + self.terms.capacity() * std::mem::size_of::<Term>()
            + self.lookup.capacity() * (std::mem::size_of::<(String, u32)>() + 1)
            + self.short.capacity() * (std::mem::size_of::<(u64, u32)>() + 1)
            + (self.sorted.capacity() + self.tail.capacity() + self.doc_len.capacity()) * 4
    }

    fn term_id(&mut self, word: &str) -> u32 {
        let key = short_key(word);
        let known = match key {
            Some(k) => self.short.get(&k),
            None => self.lookup.get(word),
        };
        if let Some(&id) = known {
            return id;
        }
        let id = self.terms.len() as u32;
        self.terms.push(Term { text: word.into(), postings: Vec::new(), df: 0, last: 0, pending: 0 });
        match key {
            Some(k) => self.short.insert(k, id),
            None => self.lookup.insert(word.to_string(), id),
        };
        self.tail.push(id);
        id
    }

    /// Indexes document `doc` (the next number: documents come in order)
    /// from its fields, each with the weight of its occurrences.
    pub fn add(&mut self, doc: u32, fields: &[(&str, u32)]) {
        let mut len = 0u32;
        for &(text, weight) in fields {
            tokens::words(text, |_, _, word| {
                let id = self.term_id(word);
                let term = &mut self.terms[id as usize];
                if term.pending == 0 {
                    self.touched.push(id);
                }
                term.pending += weight;
                len += weight;
            });
        }
        for id in self.touched.drain(..) {
            let term = &mut self.terms[id as usize];
            let tf = std::mem::take(&mut term.pending);
            term.append(doc, tf);
        }
        if self.doc_len.len() <= doc as usize {
            self.doc_len.resize(doc as usize + 1, 0);
        }
        self.doc_len[doc as usize] = len;
        self.total_len += len as u64;
        self.merge_tail(false);
    }

    /// Adds the words of official names to an already indexed document
    /// (names linking gave it) unless the document already has them. Words
    /// for a document before a word's last one wait for
    /// [`TextIndex::settle`]: a name learned late can reach thousands of
    /// earlier stories, and each word's postings are then rewritten once,
    /// not once per story.
    pub fn add_late(&mut self, doc: u32, names: &str) {
        let mut words = Vec::new();
        tokens::words(names, |_, _, w| words.push(w.to_string()));
        for word in words {
            let id = self.term_id(&word);
            let term = &mut self.terms[id as usize];
            if term.df == 0 || term.last < doc {
                term.append(doc, NAME_WEIGHT);
            } else {
                self.late.push((id, doc));
            }
        }
        self.merge_tail(false);
    }

    /// Merges the words [`TextIndex::add_late`] left waiting into their
    /// postings, in document order; a document a word already lists keeps
    /// its entry.
    pub fn settle(&mut self) {
        let mut late = std::mem::take(&mut self.late);
        sort_by(&mut late, |a, b| a < b);
        late.dedup();
        for group in late.chunk_by(|a, b| a.0 == b.0) {
            let term = &mut self.terms[group[0].0 as usize];
            let old = std::mem::take(&mut term.postings);
            term.postings.reserve(old.len() + 6 * group.len());
            term.df = 0;
            let mut waiting = group.iter().peekable();
            for (d, tf) in postings(&old) {
                while let Some(&&(_, w)) = waiting.peek() {
                    if w > d {
                        break;
                    }
                    if w < d {
                        term.append(w, NAME_WEIGHT);
                    }
                    waiting.next();
                }
                term.append(d, u32::from(tf));
            }
            for &(_, w) in waiting {
                term.append(w, NAME_WEIGHT);
            }
        }
    }

    /// Merges the unsorted tail into the sorted vocabulary once it is long
    /// enough to slow prefix lookups (or always, with `force`).
    fn merge_tail(&mut self, force: bool) {
        if self.tail.is_empty() || (!force && self.tail.len() < 256.max(self.sorted.len() / 16)) {
            return;
        }
        let terms = &self.terms;
        sort_by(&mut self.tail, |&a, &b| terms[a as usize].text < terms[b as usize].text);
        let mut merged = Vec::with_capacity(self.sorted.len() + self.tail.len());
        let (mut i, mut j) = (0, 0);
        while i < self.sorted.len() && j < self.tail.len() {
            let (a, b) = (self.sorted[i], self.tail[j]);
            if terms[a as usize].text <= terms[b as usize].text {
                merged.push(a);
                i += 1;
            } else {
                merged.push(b);
                j += 1;
            }
        }
        merged.extend_from_slice(&self.sorted[i..]);
        merged.extend_from_slice(&self.tail[j..]);
        self.sorted = merged;
        self.tail.clear();
    }

    /// Calls `f` with every term starting with `prefix`.
    fn with_prefix<'a>(&'a self, prefix: &str, mut f: impl FnMut(&'a Term)) {
        let start = self.sorted.partition_point(|&t| &*self.terms[t as usize].text < prefix);
        for &t in &self.sorted[start..] {
            let term = &self.terms[t as usize];
            if !term.text.starts_with(prefix) {
                break;
            }
            f(term);
        }
        for &t in &self.tail {
            let term = &self.terms[t as usize];
            if term.text.starts_with(prefix) {
                f(term);
            }
        }
    }

    /// The documents (below `n`) containing, for every query word, some
    /// word it prefixes; their BM25 scores are added into `scores` (pass an
    /// empty slice when no ranking is needed).
    ///
    /// A query word's rarity (its idf) is that of all the words it prefixes
    /// together, so a rare continuation ("budgetary" for "budget") does not
    /// outrank the word itself; whole-word matches then score above prefix
    /// matches.
    pub fn search(&self, words: &[String], n: usize, scores: &mut [f32]) -> Bitset {
        let mut all: Option<Bitset> = None;
        let docs = self.doc_len.len().max(1) as f32;
        let avg = (self.total_len as f32 / docs).max(1.0);
        let mut matched: Vec<&Term> = Vec::new();
        for word in words {
            matched.clear();
            self.with_prefix(word, |term| matched.push(term));
            let df = matched.iter().map(|t| t.df as f32).sum::<f32>().min(docs);
            let idf = (1.0 + (docs - df + 0.5) / (df + 0.5)).ln();
            let mut set = Bitset::empty(n);
            for term in &matched {
                let factor = if &*term.text == word.as_str() { 1.0 } else { PREFIX_FACTOR };
                for (doc, tf) in postings(&term.postings) {
                    let d = doc as usize;
                    if d >= n {
                        continue;
                    }
                    set.insert(d);
                    // No scores wanted (a date order): skip the arithmetic.
                    if let Some(s) = scores.get_mut(d) {
                        let tf = tf as f32;
                        let len = self.doc_len.get(d).copied().unwrap_or(0) as f32;
                        let norm = K1 * (1.0 - B + B * len / avg);
                        *s += factor * idf * tf * (K1 + 1.0) / (tf + norm);
                    }
                }
            }
            match &mut all {
                None => all = Some(set),
                Some(all) => all.intersect(&set),
            }
        }
        all.unwrap_or_else(|| Bitset::full(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(docs: &[&str]) -> TextIndex {
        let mut ix = TextIndex::default();
        for (i, d) in docs.iter().enumerate() {
            ix.add(i as u32, &[(d, BODY_WEIGHT)]);
        }
        ix
    }

    fn find(ix: &TextIndex, n: usize, q: &str) -> Vec<usize> {
        let mut scores = vec![0.0; n];
        ix.search(&tokens::query_words(q), n, &mut scores).iter().collect()
    }

    #[test]
    fn postings_round_trip_through_varints() {
        let mut t = Term { text: "x".into(), postings: vec![], df: 0, last: 0, pending: 0 };
        let docs = [0u32, 1, 127, 128, 300, 70_000, 2_000_000];
        for (i, &d) in docs.iter().enumerate() {
            t.append(d, i as u32 * 100);
        }
        let back: Vec<_> = postings(&t.postings).collect();
        let want: Vec<_> = docs.iter().enumerate().map(|(i, &d)| (d, (i as u32 * 100).min(255) as u8)).collect();
        assert_eq!(back, want);
    }

    #[test]
    fn every_word_must_prefix_some_word() {
        let ix = index(&["Prime Minister Kishida met Yoon", "Kishida spoke", "The minister left"]);
        assert_eq!(find(&ix, 3, "kish"), [0, 1]);
        assert_eq!(find(&ix, 3, "KISH yoo"), [0]);
        assert_eq!(find(&ix, 3, "minister"), [0, 2]);
        assert_eq!(find(&ix, 3, "ishida"), Vec::<usize>::new());
        assert_eq!(find(&ix, 3, "kishida zz"), Vec::<usize>::new());
    }

    #[test]
    fn the_tail_is_searched_before_and_after_merging() {
        let mut ix = TextIndex::default();
        for i in 0..2000u32 {
            ix.add(i, &[(&format!("word{i} common"), BODY_WEIGHT)]);
        }
        assert!(ix.tail.len() < 2000);
        assert_eq!(find(&ix, 2000, "word1999"), [1999]);
        assert_eq!(find(&ix, 2000, "word0"), [0]);
        assert_eq!(find(&ix, 2000, "word19").len(), 111);
        ix.merge_tail(true);
        assert!(ix.tail.is_empty());
        assert_eq!(find(&ix, 2000, "word19").len(), 111);
    }

    #[test]
    fn words_added_later_keep_postings_sorted() {
        let mut ix = index(&["alpha", "beta", "gamma"]);
        for (doc, words) in [(0, "Zed Zed"), (2, "zed"), (1, "zed alpha")] {
            ix.add_late(doc, words);
            ix.settle();
        }
        assert_eq!(find(&ix, 3, "zed"), [0, 1, 2]);
        assert_eq!(find(&ix, 3, "alpha"), [0, 1]);
    }

    #[test]
    fn words_left_waiting_settle_into_the_same_postings() {
        let texts = ["alpha one", "beta two", "gamma three", "delta four", "alpha five"];
        let late = [(3, "Zed alpha"), (1, "zed"), (3, "zed"), (0, "alpha zed"), (2, "beta Beta")];
        let mut now = index(&texts);
        let mut later = index(&texts);
        for (doc, words) in late {
            now.add_late(doc, words);
            now.settle();
            later.add_late(doc, words);
        }
        later.settle();
        for word in ["alpha", "beta", "zed", "delta"] {
            let (x, y) = (now.term_id(word), later.term_id(word));
            let (a, b) = (&now.terms[x as usize], &later.terms[y as usize]);
            assert_eq!((a.df, a.last, &a.postings), (b.df, b.last, &b.postings), "{word}");
        }
        assert_eq!(find(&later, 5, "zed"), [0, 1, 3]);
        assert_eq!(find(&later, 5, "alpha"), [0, 3, 4]);
    }

    #[test]
    fn title_weight_and_whole_words_rank_higher() {
        let mut ix = TextIndex::default();
        ix.add(0, &[("Budget", BODY_WEIGHT), ("talks on the budget and more text here", BODY_WEIGHT)]);
        ix.add(1, &[("Budget", TITLE_WEIGHT), ("talks on the budget and more text here", BODY_WEIGHT)]);
        ix.add(2, &[("Budgetary", TITLE_WEIGHT), ("talks and more text here", BODY_WEIGHT)]);
        let mut scores = vec![0.0; 3];
        ix.search(&tokens::query_words("budget"), 3, &mut scores);
        assert!(scores[1] > scores[0], "{scores:?}");
        assert!(scores[1] > scores[2], "{scores:?}");
    }
}

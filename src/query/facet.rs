//! One facet (countries, officials, outlets or months): its values interned
//! as small numbers, the sorted list of documents holding each value, and
//! the counted, sorted list a query returns.

use serde::Serialize;

use super::bits::Bitset;
use crate::order::{greatest_by, sort_by};
use crate::text::FxMap;

/// One value of a facet in a query's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// What a query selects it by: an ISO code, an official's canonical
    /// name, an outlet, or a `YYYY-MM` month.
    pub key: String,
    /// What to show: the country's name, the official's name, the outlet,
    /// the month.
    pub label: String,
    /// Results the value would have with every other facet's selection
    /// applied and this facet's own left out.
    pub count: u32,
    /// Whether the query selects it.
    pub selected: bool,
    /// For officials: the office, from the first record that names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For officials: the office's country (ISO code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// The values of one facet and the documents holding each.
#[derive(Debug, Default)]
pub(crate) struct Facet {
    keys: Vec<String>,
    labels: Vec<String>,
    /// Per value, for officials: office and country, once known.
    offices: Vec<(Option<String>, Option<String>)>,
    ids: FxMap<String, u32>,
    docs: Vec<Vec<u32>>,
}

impl Facet {
    /// The number of `key`, adding it with `label` if it is new. The first
    /// label a key comes with is the one shown.
    pub fn intern(&mut self, key: &str, label: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.to_string());
        self.labels.push(label.to_string());
        self.offices.push((None, None));
        self.ids.insert(key.to_string(), id);
        self.docs.push(Vec::new());
        id
    }

    /// Notes the office and country of value `id` where none is known yet.
    pub fn set_office(&mut self, id: u32, role: Option<&str>, country: Option<&str>) {
        if let Some((r, c)) = self.offices.get_mut(id as usize) {
            if r.is_none() {
                *r = role.map(String::from);
            }
            if c.is_none() {
                *c = country.map(String::from);
            }
        }
    }

    /// The number of `key`, if any document has had it.
    pub fn id(&self, key: &str) -> Option<u32> {
        self.ids.get(key).copied()
    }

    /// How many distinct values there are.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Records that `doc` has `value`; documents usually arrive in order,
    /// so this is an append.
    pub fn insert_doc(&mut self, value: u32, doc: u32) {
        let Some(list) = self.docs.get_mut(value as usize) else {
            return;
        };
        match list.last() {
            None => list.push(doc),
            Some(&last) if last < doc => list.push(doc),
            _ => {
                if let Err(at) = list.binary_search(&doc) {
                    list.insert(at, doc);
                }
            }
        }
    }

    /// Records that `doc` no longer has `value`.
    pub fn remove_doc(&mut self, value: u32, doc: u32) {
        let Some(list) = self.docs.get_mut(value as usize) else {
            return;
        };
        if let Ok(at) = list.binary_search(&doc) {
            list.remove(at);
        }
    }

    /// The documents holding any of `values`, as a set below `len`.
    pub fn select(&self, values: &[u32], len: usize) -> Bitset {
        let mut set = Bitset::empty(len);
        for &v in values {
            for &doc in self.docs.get(v as usize).map(Vec::as_slice).unwrap_or(&[]) {
                set.insert(doc as usize);
            }
        }
        set
    }

    /// The answer list from per-value `counts`: every value with a count
    /// (the `limit` most frequent, when there is a limit), plus every
    /// selected key even when it counts nothing (or is unknown), most
    /// frequent first, then by key; and the length the list has without a
    /// limit.
    pub fn list(&self, counts: &[u32], selected: &[String], limit: Option<usize>) -> (Vec<FacetCount>, usize) {
        let counted: Vec<(u32, u32)> =
            counts.iter().enumerate().filter(|&(_, &c)| c > 0).map(|(i, &c)| (c, i as u32)).collect();
        let mut total = counted.len();
        // Only the values that make the cut become strings.
        let kept = match limit {
            Some(k) if k < counted.len() => greatest_by(counted, k, |&(ca, a), &(cb, b)| {
                (ca, &self.keys[b as usize]) < (cb, &self.keys[a as usize])
            }),
            _ => counted,
        };
        let mut out: Vec<FacetCount> = kept
            .into_iter()
            .map(|(count, i)| {
                let i = i as usize;
                FacetCount {
                    key: self.keys[i].clone(),
                    label: self.labels[i].clone(),
                    count,
                    selected: false,
                    role: self.offices[i].0.clone(),
                    country: self.offices[i].1.clone(),
                }
            })
            .collect();
        for key in selected {
            match out.iter_mut().find(|f| &f.key == key) {
                Some(f) => f.selected = true,
                None => {
                    let id = self.id(key).map(|i| i as usize);
                    // A selected value past the limit is listed all the same;
                    // one that counts nothing lengthens the full list too.
                    let count = id.and_then(|i| counts.get(i)).copied().unwrap_or(0);
                    if count == 0 {
                        total += 1;
                    }
                    let label = id.map_or(key, |i| &self.labels[i]).clone();
                    let (role, country) = id.map(|i| self.offices[i].clone()).unwrap_or_default();
                    out.push(FacetCount { key: key.clone(), label, count, selected: true, role, country });
                }
            }
        }
        sort_by(&mut out, |a, b| (b.count, &a.key) < (a.count, &b.key));
        (out, total)
    }

    /// The key of a value number.
    pub fn key(&self, value: u32) -> &str {
        self.keys.get(value as usize).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_interned_once_with_their_first_label() {
        let mut f = Facet::default();
        let a = f.intern("JP", "Japan");
        let b = f.intern("KR", "South Korea");
        assert_eq!(f.intern("JP", "Nippon"), a);
        assert_ne!(a, b);
        assert_eq!(f.len(), 2);
        let (list, total) = f.list(&[1, 0], &[], None);
        assert_eq!(list[0].label, "Japan");
        assert_eq!(total, 1);
    }

    #[test]
    fn a_limit_keeps_the_most_frequent_and_every_selected_value() {
        let mut f = Facet::default();
        for key in ["a", "b", "c", "d", "e"] {
            f.intern(key, key);
        }
        let counts = [3, 9, 3, 1, 0];
        let keys = |list: &[FacetCount]| list.iter().map(|c| (c.key.clone(), c.count)).collect::<Vec<_>>();
        let (all, total) = f.list(&counts, &[], None);
        assert_eq!(total, 4);
        let (top, total) = f.list(&counts, &[], Some(2));
        assert_eq!(keys(&top), keys(&all[..2]));
        assert_eq!(total, 4);
        let selected = ["d".to_string(), "e".to_string(), "zz".to_string()];
        let (top, total) = f.list(&counts, &selected, Some(2));
        assert_eq!(keys(&top), [("b".into(), 9), ("a".into(), 3), ("d".into(), 1), ("e".into(), 0), ("zz".into(), 0)]);
        assert!(top[2..].iter().all(|c| c.selected));
        assert_eq!(total, 6, "the full list holds the two selected values that count nothing");
    }

    #[test]
    fn doc_lists_stay_sorted() {
        let mut f = Facet::default();
        let v = f.intern("x", "x");
        for d in [1, 5, 3, 5, 0] {
            f.insert_doc(v, d);
        }
        assert_eq!(f.docs[0], [0, 1, 3, 5]);
        f.remove_doc(v, 3);
        f.remove_doc(v, 9);
        assert_eq!(f.select(&[v], 8).iter().collect::<Vec<_>>(), [0, 1, 5]);
    }

    #[test]
    fn lists_sort_by_count_then_key_and_keep_selected_values() {
        let mut f = Facet::default();
        for k in ["b", "a", "c", "d"] {
            f.intern(k, &k.to_uppercase());
        }
        let (list, _) = f.list(&[2, 2, 5, 0], &["d".into(), "zz".into(), "a".into()], None);
        let keys: Vec<_> = list.iter().map(|c| (c.key.as_str(), c.count, c.selected)).collect();
        assert_eq!(keys, [("c", 5, false), ("a", 2, true), ("b", 2, false), ("d", 0, true), ("zz", 0, true)]);
        assert_eq!(list[3].label, "D");
        assert_eq!(list[4].label, "zz");
    }
}

//! A fixed-size set of document numbers, one bit each: the working set of
//! every query step (12.5 KB for 100,000 documents).

/// A set of document numbers below a fixed bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// The empty set of numbers below `len`.
    pub fn empty(len: usize) -> Self {
        Bitset { words: vec![0; len.div_ceil(64)], len }
    }

    /// Every number below `len`.
    pub fn full(len: usize) -> Self {
        let mut set = Bitset { words: vec![u64::MAX; len.div_ceil(64)], len };
        let tail = len % 64;
        if tail != 0 {
            if let Some(last) = set.words.last_mut() {
                *last = (1u64 << tail) - 1;
            }
        }
        set
    }

    /// Adds `i`; numbers out of range are ignored.
    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    /// Whether `i` is in the set.
    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Keeps only the numbers also in `other`.
    pub fn intersect(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Keeps only the numbers for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        for (i, word) in self.words.iter_mut().enumerate() {
            let mut w = *word;
            while w != 0 {
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                if !keep(i * 64 + bit) {
                    *word &= !(1 << bit);
                }
            }
        }
    }

    /// How many numbers are in the set.
    #[cfg(test)]
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The numbers in the set, ascending.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| Ones { word: w, base: i * 64 })
    }
}

struct Ones {
    word: u64,
    base: usize,
}

impl Iterator for Ones {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.word == 0 {
            return None;
        }
        let bit = self.word.trailing_zeros() as usize;
        self.word &= self.word - 1;
        Some(self.base + bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_sets_stop_at_their_length() {
        for len in [0, 1, 63, 64, 65, 130] {
            let set = Bitset::full(len);
            assert_eq!(set.count(), len);
            assert_eq!(set.iter().collect::<Vec<_>>(), (0..len).collect::<Vec<_>>());
        }
    }

    #[test]
    fn insert_remove_intersect() {
        let mut a = Bitset::empty(200);
        for i in [0, 5, 64, 199, 500] {
            a.insert(i);
        }
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 5, 64, 199]);
        assert!(a.contains(5) && a.contains(64) && !a.contains(6) && !a.contains(500));
        let mut b = Bitset::empty(200);
        b.insert(64);
        b.insert(7);
        a.intersect(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [64]);
        let mut c = Bitset::full(130);
        c.retain(|i| i % 3 == 0);
        assert_eq!(c.count(), 44);
        assert!(c.iter().all(|i| i % 3 == 0));
    }
}

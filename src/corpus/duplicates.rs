//! Finds the same story published twice: two sites running one wire story,
//! with different headers, quotes and line breaks.
//!
//! Each body is reduced to a sample of its six-word shingles (those whose
//! hash is 0 mod 16, from the first 600 words), so two copies of a story share
//! most of their samples whatever clutter surrounds them, while two stories
//! on the same event share a sentence or two at most.

use std::collections::hash_map::Entry;

use crate::order::sort_by;
use crate::text::{fold_char, FxMap};

/// Words per shingle.
const SHINGLE: usize = 6;
/// One shingle in this many is sampled.
const SAMPLE_MOD: u32 = 16;
/// Only the opening of a story is fingerprinted: copies agree most there.
const MAX_WORDS: usize = 600;
/// A shingle in more stories than this is boilerplate, not evidence.
const COMMON: usize = 32;

/// The sampled shingles of every story added so far.
#[derive(Debug, Default)]
pub struct Fingerprints {
    /// Shingle -> the first story that has it.
    first: FxMap<u32, u32>,
    /// Shingle -> later stories that have it too.
    more: FxMap<u32, Vec<u32>>,
    /// Story -> how many samples it has.
    sizes: Vec<u32>,
}

/// A story's sampled shingle hashes, deduplicated.
pub fn sample(body: &str) -> Vec<u32> {
    // On the stack, with a count: a push per word is a call in a
    // size-optimised build.
    let mut words = [0u32; MAX_WORDS];
    let mut n = 0;
    let mut h: u32 = 0x811c_9dc5;
    let mut in_word = false;
    let bytes = body.as_bytes();
    let mut folded = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, width) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            let c = body[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        i += width;
        let alnum = if b < 0x80 {
            let yes = b.is_ascii_alphanumeric();
            if yes {
                h = (h ^ u32::from(b | 0x20)).wrapping_mul(0x0100_0193);
            }
            yes
        } else if c.is_alphanumeric() {
            folded.clear();
            fold_char(c, &mut folded);
            for b in folded.bytes() {
                h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
            }
            true
        } else {
            false
        };
        if alnum {
            in_word = true;
        } else if in_word {
            words[n] = h;
            n += 1;
            h = 0x811c_9dc5;
            in_word = false;
            if n >= MAX_WORDS {
                break;
            }
        }
    }
    if in_word && n < MAX_WORDS {
        words[n] = h;
        n += 1;
    }
    let mut out: Vec<u32> = words[..n]
        .windows(SHINGLE)
        .map(|w| w.iter().fold(0x9e37_79b9u32, |acc, &x| (acc.rotate_left(5) ^ x).wrapping_mul(0x2754_8f3d)))
        .filter(|s| s % SAMPLE_MOD == 0)
        .collect();
    sort_by(&mut out, |a, b| a < b);
    out.dedup();
    out
}

impl Fingerprints {
    /// The earlier story that `samples` repeats, if any: at least half of
    /// the smaller story's samples, and at least three, are shared.
    pub fn find(&self, samples: &[u32]) -> Option<u32> {
        let mut shared: FxMap<u32, u32> = FxMap::default();
        for s in samples {
            let Some(&first) = self.first.get(s) else { continue };
            let more = self.more.get(s).map_or(&[][..], Vec::as_slice);
            if more.len() + 1 > COMMON {
                continue;
            }
            for &doc in std::iter::once(&first).chain(more) {
                *shared.entry(doc).or_default() += 1;
            }
        }
        let mine = samples.len() as u32;
        shared
            .into_iter()
            .filter(|&(doc, n)| {
                let theirs = self.sizes.get(doc as usize).copied().unwrap_or(0);
                n >= 3 && 2 * n >= mine.min(theirs)
            })
            .max_by_key(|&(doc, n)| (n, std::cmp::Reverse(doc)))
            .map(|(doc, _)| doc)
    }

    /// Adds story `doc` (its index in the corpus) with its samples; `copy_of`
    /// is the story it was found to repeat. A copy is listed only under the
    /// shingles its story lacks: a wire story on a hundred sites stays one
    /// story with a few shingles, not a hundred stories whose every shingle
    /// looks like boilerplate.
    pub fn insert(&mut self, doc: u32, samples: &[u32], copy_of: Option<u32>) {
        if self.sizes.len() <= doc as usize {
            self.sizes.resize(doc as usize + 1, 0);
        }
        self.sizes[doc as usize] = samples.len() as u32;
        for &s in samples {
            match self.first.entry(s) {
                Entry::Vacant(v) => {
                    v.insert(doc);
                }
                Entry::Occupied(first) => {
                    let more = self.more.entry(s).or_default();
                    // A list this long is boilerplate [`Fingerprints::find`]
                    // passes over: it need not grow, nor be searched.
                    if more.len() < COMMON && copy_of.is_none_or(|c| *first.get() != c && !more.contains(&c)) {
                        more.push(doc);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Finance ministers from the Group of Seven met in Naples on Saturday to discuss \
        debt relief for the poorest countries, the stability of currency markets and the slowing pace of \
        growth in Europe, officials said after the first session. The host country proposed a new fund for \
        reconstruction that several delegations welcomed, though details of its size and governance were \
        left to a later meeting of deputies scheduled for the autumn in Washington.";

    #[test]
    fn a_copy_with_clutter_is_a_duplicate() {
        let mut f = Fingerprints::default();
        f.insert(0, &sample(STORY), None);
        let copy = format!(
            "Home | World | Business\n\nG7 meets in Naples\n\n{}\n\nRelated Articles\nOther news",
            STORY.replace("'", "’")
        );
        assert_eq!(f.find(&sample(&copy)), Some(0));
    }

    #[test]
    fn another_story_on_the_same_event_is_not() {
        let mut f = Fingerprints::default();
        f.insert(0, &sample(STORY), None);
        let other = "Protesters gathered outside the hotel in Naples where finance ministers from the Group of \
            Seven met on Saturday, calling for debt relief. Police said the crowd was peaceful and numbered \
            about two thousand people. Organisers said they would return on Sunday when the ministers were \
            due to publish a joint statement on currency markets and growth in Europe.";
        assert_eq!(f.find(&sample(other)), None);
    }

    #[test]
    fn a_story_on_many_sites_stays_one_story() {
        let mut f = Fingerprints::default();
        f.insert(0, &sample(STORY), None);
        for site in 1..200 {
            let copy = format!("Site {site} | Home | World\n\n{STORY}\n\nMore from site {site}");
            let samples = sample(&copy);
            assert_eq!(f.find(&samples), Some(0), "copy {site}");
            f.insert(site, &samples, Some(0));
        }
    }

    #[test]
    fn samples_ignore_case_accents_and_punctuation() {
        assert_eq!(sample(STORY), sample(&STORY.to_uppercase().replace(',', " ;")));
    }
}

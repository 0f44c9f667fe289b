//! Words for search: splitting text into words and folding them so that case
//! and accents do not matter ("Müller" and "muller", "STRASSE" and "Straße").
//!
//! The same tokenizer reads documents when they are indexed, queries when they
//! are asked, and snippets when their matches are highlighted, so the three
//! always agree on what a word is.

/// Folded words longer than this many bytes are cut to it: the index stays
/// small on junk such as URLs and base64, and prefix search still finds them.
pub const MAX_WORD_BYTES: usize = 32;

use crate::text::{fold_char, is_combining};

/// True for Han ideographs and kana: scripts written without spaces, where
/// each character is indexed as a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// What a character contributes to a word.
enum Class {
    /// Not part of a word.
    Space,
    /// A word of its own (CJK).
    Alone,
    /// Part of a word.
    Word,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            Class::Word
        } else {
            Class::Space
        }
    } else if is_combining(c) {
        Class::Word
    } else if is_cjk(c) {
        Class::Alone
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Space
    }
}

/// Cuts a folded word to [`MAX_WORD_BYTES`] on a character boundary.
fn truncate_word(word: &mut String) {
    if word.len() > MAX_WORD_BYTES {
        let mut end = MAX_WORD_BYTES;
        while !word.is_char_boundary(end) {
            end -= 1;
        }
        word.truncate(end);
    }
}

/// Calls `f(start, end, folded)` for each word of `text`, where
/// `start..end` is the word's byte range in `text` and `folded` its folded
/// form (cut to [`MAX_WORD_BYTES`]). A word is a run of letters and digits;
/// each CJK character is a word by itself.
pub fn words(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    scan(text, |s, e, w| {
        f(s, e, w);
        true
    });
}

/// The byte range of the first word of `text` for which `pred` holds.
pub fn find_word(text: &str, mut pred: impl FnMut(&str) -> bool) -> Option<(usize, usize)> {
    let mut found = None;
    scan(text, |s, e, w| {
        if pred(w) {
            found = Some((s, e));
        }
        found.is_none()
    });
    found
}

/// [`words`], stopping as soon as `f` returns false.
fn scan(text: &str, mut f: impl FnMut(usize, usize, &str) -> bool) {
    let bytes = text.as_bytes();
    let mut buf = String::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // A run of ASCII letters and digits, most of most text, is copied
        // and lower-cased at once.
        if b.is_ascii_alphanumeric() {
            let mut run = i + 1;
            while bytes.get(run).is_some_and(u8::is_ascii_alphanumeric) {
                run += 1;
            }
            // A word that is this run alone, most words, is lower-cased on
            // the stack and handed on without the buffer.
            if start.is_none() && bytes.get(run).is_none_or(|b| b.is_ascii()) {
                let len = (run - i).min(MAX_WORD_BYTES);
                let mut low = [0u8; MAX_WORD_BYTES];
                for (to, from) in low.iter_mut().zip(&bytes[i..i + len]) {
                    *to = from.to_ascii_lowercase();
                }
                if !f(i, run, std::str::from_utf8(&low[..len]).unwrap_or("")) {
                    return;
                }
                i = run;
                continue;
            }
            if start.is_none() {
                start = Some(i);
                buf.clear();
            }
            let take = (run - i).min((MAX_WORD_BYTES + 4).saturating_sub(buf.len()));
            let from = buf.len();
            buf.push_str(&text[i..i + take]);
            buf[from..].make_ascii_lowercase();
            i = run;
            continue;
        }
        let (class, c) = if b < 0x80 {
            (if b.is_ascii_alphanumeric() { Class::Word } else { Class::Space }, b as char)
        } else {
            // `i` is always on a character boundary: it only moves by whole
            // characters.
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else { break };
            (class(c), c)
        };
        let width = c.len_utf8();
        if let Class::Word = class {
            if start.is_none() {
                start = Some(i);
                buf.clear();
            }
            if buf.len() < MAX_WORD_BYTES + 4 {
                if b < 0x80 {
                    buf.push(b.to_ascii_lowercase() as char);
                } else {
                    fold_char(c, &mut buf);
                }
            }
            i += width;
            continue;
        }
        if let Some(s) = start.take() {
            if !emit(&mut buf, s, i, &mut f) {
                return;
            }
        }
        if let Class::Alone = class {
            buf.clear();
            fold_char(c, &mut buf);
            if !emit(&mut buf, i, i + width, &mut f) {
                return;
            }
        }
        i += width;
    }
    if let Some(s) = start {
        emit(&mut buf, s, text.len(), &mut f);
    }
}

fn emit(buf: &mut String, start: usize, end: usize, f: &mut impl FnMut(usize, usize, &str) -> bool) -> bool {
    truncate_word(buf);
    // A lone combining mark folds to nothing; it is not a word.
    buf.is_empty() || f(start, end, buf)
}

/// Whether a folded document word matches any folded query word: the query
/// word is a prefix of it.
pub fn matches_any(word: &str, query: &[String]) -> bool {
    query.iter().any(|q| word.starts_with(q.as_str()))
}

/// The folded words of a query, in order, without repeats.
pub fn query_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    words(text, |_, _, w| {
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        words(text, |_, _, w| out.push(w.to_string()));
        out
    }

    #[test]
    fn case_and_accents_fold_away() {
        assert_eq!(folded("Müller ÉLYSÉE Straße"), ["muller", "elysee", "strasse"]);
        assert_eq!(folded("Łódź Ærø Œuvre Þór"), ["lodz", "aero", "oeuvre", "thor"]);
        assert_eq!(folded("İstanbul ŞIŞLI"), ["istanbul", "sisli"]);
        assert_eq!(folded("Ștefan Țiriac"), ["stefan", "tiriac"]);
    }

    #[test]
    fn decomposed_accents_fold_like_composed_ones() {
        assert_eq!(folded("Ele\u{301}onore"), folded("Eléonore"));
        assert_eq!(folded("e\u{301}te\u{301}"), ["ete"]);
    }

    #[test]
    fn punctuation_splits_words_and_offsets_are_bytes() {
        let mut spans = Vec::new();
        let text = "Yoon-joo, «Kōno» 2023";
        words(text, |s, e, w| spans.push((text[s..e].to_string(), w.to_string())));
        let words: Vec<_> = spans.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(words, ["yoon", "joo", "kono", "2023"]);
        assert_eq!(spans[2].0, "Kōno");
    }

    #[test]
    fn each_cjk_character_is_a_word() {
        assert_eq!(folded("東京で会談"), ["東", "京", "で", "会", "談"]);
        assert_eq!(folded("서울 회담"), ["서울", "회담"]);
    }

    #[test]
    fn long_words_are_cut_on_a_character_boundary() {
        let long = "é".repeat(40);
        let w = folded(&long);
        assert_eq!(w.len(), 1);
        assert!(w[0].len() <= MAX_WORD_BYTES);
        let long = "ж".repeat(40);
        assert!(folded(&long)[0].len() <= MAX_WORD_BYTES);
    }

    #[test]
    fn query_words_are_unique() {
        assert_eq!(query_words("Kish kish KISHIDA"), ["kish", "kishida"]);
        assert!(query_words("  -- ").is_empty());
    }
}

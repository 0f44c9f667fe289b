//! Small text helpers shared by extraction: a word tokenizer that keeps byte
//! offsets, accent folding for name keys, and a fast hasher for the tables.

use std::hash::{BuildHasherDefault, Hasher};

/// A word of an article, by byte range, with what its neighbours look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start of the word.
    pub start: usize,
    /// End of the word, before any possessive "'s".
    pub end: usize,
    /// The word is followed by "'s" or "’s".
    pub possessive: bool,
    /// The next word follows after a hyphen and nothing else ("Jae-myung").
    pub hyphen_next: bool,
}

/// Splits text into words: letters and digits, with inner apostrophes
/// ("d'Ivoire") and abbreviation dots ("U.S.", "N.Y."). Hyphens split words
/// but are remembered, so "South Korea-Japan" finds both countries and
/// "Lee Jae-myung" can be joined again.
pub fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out: Vec<Token> = Vec::with_capacity(n / 6);
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        if b < 0x80 {
            if !WORD[usize::from(b)] {
                if b == b'-' {
                    if let Some(last) = out.last_mut() {
                        if last.end == i && bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic() || *n >= 0x80) {
                            last.hyphen_next = true;
                        }
                    }
                }
                i += 1;
                continue;
            }
        } else {
            let Some(c) = text[i..].chars().next() else { break };
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        let mut end = i;
        let mut possessive = false;
        let mut j = i;
        loop {
            // Most words are ASCII: a run of them needs no decoding.
            while j < n && WORD[usize::from(bytes[j])] {
                j += 1;
            }
            if j > end {
                end = j;
            }
            if j >= n {
                break;
            }
            let c = if bytes[j] < 0x80 {
                char::from(bytes[j])
            } else {
                let Some(c) = text[j..].chars().next() else { break };
                if c.is_alphanumeric() {
                    j += c.len_utf8();
                    end = j;
                    continue;
                }
                c
            };
            if c == '\'' || c == '’' {
                let after = j + c.len_utf8();
                let mut rest = text[after..].chars();
                let (next, next2) = (rest.next(), rest.next());
                if next == Some('s') && !next2.is_some_and(char::is_alphanumeric) {
                    possessive = true;
                    j = after + 1;
                    break;
                }
                if next.is_some_and(char::is_alphabetic) {
                    j = after;
                    continue;
                }
                break;
            }
            // "U.S." and "N.Y.": single letters joined by dots keep the dots.
            if c == '.' && j - start >= 1 && j - start <= 12 && is_initialism(&text[start..j]) {
                let after = j + 1;
                let next = bytes.get(after);
                if next.is_some_and(u8::is_ascii_uppercase)
                    && !bytes.get(after + 1).is_some_and(u8::is_ascii_alphabetic)
                {
                    j = after;
                    continue;
                }
                if text[start..j].contains('.') {
                    end = after;
                    j = after;
                }
                break;
            }
            break;
        }
        out.push(Token { start, end, possessive, hyphen_next: false });
        i = j.max(end).max(start + 1);
    }
    out
}

/// ASCII letters and digits: the bytes a word is made of.
const WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

fn is_initialism(s: &str) -> bool {
    s.split('.').all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The number of white-space separated words in `s`, as
/// `s.split_whitespace().count()`, by bytes when `s` is ASCII.
pub fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // `char::is_whitespace` also counts the vertical tab (\t to \r, space).
    let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    // A word starts at the first byte or after a space. Counted pairwise,
    // with no state carried from byte to byte, in byte-wide sums of up to
    // 255 pairs, the loop runs on vectors sixteen bytes at a time.
    let b = s.as_bytes();
    let mut words = usize::from(b.first().is_some_and(|&c| !space(c)));
    for (before, at) in b.chunks(255).zip(b.get(1..).unwrap_or_default().chunks(255)) {
        let starts = before.iter().zip(at).map(|(&a, &c)| u8::from(space(a) & !space(c)));
        words += usize::from(starts.fold(0u8, u8::wrapping_add));
    }
    words
}

/// Whether a word starts with a capital letter.
pub fn capitalised(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether byte offset `at` of `text` starts a sentence: nothing but quotes
/// and brackets since the last full stop, line break or colon.
pub fn is_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '“', '\'', '‘', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '”'])
}

/// `s` in lower case, a character at a time: `str::to_lowercase` without
/// its rule for a word-final Greek sigma, which no English word needs and
/// whose code the WebAssembly module would carry.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Lower-cases and removes accents and hyphens, for comparing names:
/// "Lee Jae-myung" and "Lee Jae Myung" fold to the same "lee jae myung".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    if s.is_ascii() {
        // Most names: byte by byte, the same rules.
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase() as char);
                space = false;
            } else if !space && (b.is_ascii_whitespace() || b == b'-' || b == b'.' || b == b'\x0b') {
                out.push(' ');
                space = true;
            }
        }
        if out.ends_with(' ') {
            out.pop();
        }
        return out;
    }
    for c in s.chars() {
        if c.is_alphanumeric() {
            fold_char(c, &mut out);
            space = false;
        } else if !space && (c.is_whitespace() || c == '-' || c == '.' || c == '‐') {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// ASCII folding of U+00C0..=U+017F (Latin-1 Supplement and Latin
/// Extended-A), one byte per code point. `*` marks the letters that fold to
/// two letters (see [`fold_special`]), `#` the two symbols in the block.
const LATIN_FOLD: &[u8; 192] = b"aaaaaa*ceeeeiiii\
dnooooo#ouuuuy**\
aaaaaa*ceeeeiiii\
dnooooo#ouuuuy*y\
aaaaaaccccccccdd\
ddeeeeeeeeeegggg\
gggghhhhiiiiiiii\
ii**jjkkklllllll\
lllnnnnnnnnnoooo\
oo**rrrrrrssssss\
ssttttttuuuuuuuu\
uuuuwwyyyzzzzzzs";

fn fold_special(c: char) -> &'static str {
    match c {
        'Æ' | 'æ' => "ae",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        _ => "",
    }
}

/// Combining accents (as in decomposed "e\u{301}"): part of the word, but
/// they fold to nothing.
pub fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// Appends the folded form of `c` to `out`: lower case, accents removed.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let code = c as u32;
    if (0xC0..=0x17F).contains(&code) {
        match LATIN_FOLD.get((code - 0xC0) as usize) {
            Some(b'*') => out.push_str(fold_special(c)),
            Some(b'#') | None => {}
            Some(&b) => out.push(b as char),
        }
        return;
    }
    match c {
        // Romanian comma-below letters, common in names.
        'Ș' | 'ș' => out.push('s'),
        'Ț' | 'ț' => out.push('t'),
        _ if is_combining(c) => {}
        _ => out.extend(c.to_lowercase()),
    }
}

/// Upper-cases ASCII and Latin-1 letters and leaves other characters as
/// they are: enough to match "SÃO PAULO" and "TÜRKIYE", without carrying the
/// full Unicode case tables into the wasm.
pub fn upper_latin(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'a'..='z' => c.to_ascii_uppercase(),
            'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// FxHash: a fast, non-cryptographic hasher for the gazetteer's small keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, the last few zero-padded; built in
        // registers, as a copy into a buffer costs a call per key.
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word =
                u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
            self.add(word);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let word = rest.iter().rev().fold(0u64, |w, &b| (w << 8) | u64::from(b));
            self.add(word);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` keyed with [`FxHasher`].
pub type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokens(s).iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn word_count_agrees_with_split_whitespace() {
        for s in [
            "", "  ", "one", " two  words ", "tab\tand\x0bvertical\x0ctab", "a\r\nb", "Dũng  Nguyễn\u{a0}x",
            "x\u{2003}y",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
        // Long lines are counted in pieces: words across their seams too.
        for gap in [1, 2, 3, 7] {
            let s = format!("{}word", "ab".repeat(gap) + &" ".repeat(gap)).repeat(200);
            assert_eq!(word_count(&s), s.split_whitespace().count(), "{gap}");
        }
    }

    #[test]
    fn words_keep_abbreviations_and_split_hyphens() {
        assert_eq!(words("the U.S. and N.Y. met"), ["the", "U.S.", "and", "N.Y.", "met"]);
        assert_eq!(words("South Korea-Japan ties"), ["South", "Korea", "Japan", "ties"]);
        assert_eq!(words("Côte d'Ivoire's cocoa"), ["Côte", "d'Ivoire", "cocoa"]);
        assert_eq!(words("U.S. President"), ["U.S.", "President"]);
        assert_eq!(words("in the U.S."), ["in", "the", "U.S."]);
        let t = tokens("Lee Jae-myung’s plan");
        assert!(t[1].hyphen_next && t[2].possessive);
    }

    #[test]
    fn latin_upper_case_covers_headlines() {
        assert_eq!(upper_latin("São Paulo, Türkiye"), "SÃO PAULO, TÜRKIYE");
        assert_eq!(upper_latin("ß÷ÿ"), "ß÷ÿ");
    }

    #[test]
    fn folding_removes_case_accents_and_hyphens() {
        assert_eq!(fold("Lee Jae-myung"), fold("LEE Jae Myung"));
        assert_eq!(fold("Luiz Inácio Lula da Silva"), "luiz inacio lula da silva");
        assert_eq!(fold("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Сергей Лавров"), "сергей лавров");
        assert_eq!(fold("Ștefan 2nd"), "stefan 2nd");
    }
}

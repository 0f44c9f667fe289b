//! What a hit shows of its text: a short window of the body around the
//! first match, the words to highlight in it and in the title, and a title
//! for records that have none.
//!
//! Highlight ranges are `[start, end)` in UTF-16 code units, because that is
//! how JavaScript strings count (`text.slice(start, end)`).

use super::tokens;

/// About how many characters of context a snippet shows before its match.
const LEAD_CHARS: usize = 60;

/// Collapses runs of whitespace (newlines included) into single spaces and
/// trims the ends.
fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for part in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// The byte offset `chars` characters before `end` in `text` (0 if fewer).
fn back_chars(text: &str, end: usize, chars: usize) -> usize {
    if chars == 0 {
        return end;
    }
    text.get(..end).and_then(|t| t.char_indices().rev().nth(chars - 1)).map_or(0, |(i, _)| i)
}

/// The byte offset `chars` characters after `start` (the end if fewer).
fn forward_chars(text: &str, start: usize, chars: usize) -> usize {
    text.get(start..).and_then(|t| t.char_indices().nth(chars)).map_or(text.len(), |(i, _)| start + i)
}

/// A window of about `max_chars` characters of `body` around the first word
/// matching `query` (or its start when nothing matches), cut on word
/// boundaries, whitespace squashed, with "…" where text was cut off.
pub fn snippet(body: &str, query: &[String], max_chars: usize) -> String {
    let matched = if query.is_empty() { None } else { tokens::find_word(body, |w| tokens::matches_any(w, query)) };
    let (mut start, match_end) = match matched {
        Some((s, e)) => (back_chars(body, s, LEAD_CHARS), e),
        None => (0, 0),
    };
    if start > 0 {
        // Begin at the start of a word: skip the partial word we landed in.
        let before = matched.map_or(start, |(s, _)| s);
        if let Some(ws) = body.get(start..before).and_then(|t| t.find(char::is_whitespace)) {
            start += ws;
        }
    }
    let mut end = forward_chars(body, start, max_chars);
    if end < body.len() {
        // End at the end of a word, unless that would lose the match.
        if let Some(ws) = body.get(start..end).and_then(|t| t.rfind(char::is_whitespace)) {
            if start + ws >= match_end {
                end = start + ws;
            }
        }
    }
    let inner = squash(body.get(start..end).unwrap_or(""));
    let mut out = String::with_capacity(inner.len() + 8);
    if start > 0 && !inner.is_empty() {
        out.push('…');
    }
    out.push_str(&inner);
    if end < body.len() && !body[end..].trim().is_empty() {
        out.push('…');
    }
    out
}

/// `[start, end)` UTF-16 ranges of the words of `text` that match `query`.
pub fn highlights(text: &str, query: &[String]) -> Vec<[u32; 2]> {
    let mut out = Vec::new();
    if query.is_empty() {
        return out;
    }
    let (mut byte, mut unit) = (0usize, 0u32);
    let mut to_utf16 = |at: usize| {
        unit += text.get(byte..at).map_or(0, |t| t.encode_utf16().count() as u32);
        byte = at;
        unit
    };
    tokens::words(text, |s, e, w| {
        if tokens::matches_any(w, query) {
            let start = to_utf16(s);
            out.push([start, to_utf16(e)]);
        }
    });
    out
}

/// Whether the period at the end of `before` (the text up to it) ends a
/// sentence: not after a short capitalised abbreviation ("Oct.", "Mr.",
/// "Lt.") nor one with inner dots ("U.S.").
fn ends_sentence(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    if word.contains('.') {
        return false;
    }
    let is_short_capital = word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase);
    !is_short_capital
}

/// The first sentence of `body` (its first line at most), cut to at most
/// `max_chars` characters on a word boundary with "…"; used as the title of
/// records that have none. The second value is the byte offset in `body`
/// where the rest begins when the whole sentence fitted (else 0), so a
/// snippet need not repeat it.
pub fn first_sentence(body: &str, max_chars: usize) -> (String, usize) {
    let text = body.trim_start();
    let skipped = body.len() - text.len();
    let line_end = text.find('\n').unwrap_or(text.len());
    let line = &text[..line_end];
    let mut end = line.len();
    for (i, c) in line.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let next = line[i + c.len_utf8()..].chars().next();
        if next.is_some_and(|n| !n.is_whitespace()) {
            continue;
        }
        if c != '.' || ends_sentence(&line[..i]) {
            end = i + c.len_utf8();
            break;
        }
    }
    let sentence = squash(&line[..end]);
    if sentence.chars().count() <= max_chars {
        return (sentence, skipped + end);
    }
    let cut = forward_chars(&sentence, 0, max_chars.saturating_sub(1));
    let head = &sentence[..cut];
    let head = head.rfind(' ').map_or(head, |ws| &head[..ws]);
    (format!("{}…", head.trim_end_matches([',', ';', ':', ' '])), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<String> {
        tokens::query_words(text)
    }

    fn marked(text: &str, ranges: &[[u32; 2]]) -> Vec<String> {
        let units: Vec<u16> = text.encode_utf16().collect();
        ranges.iter().map(|&[s, e]| String::from_utf16_lossy(&units[s as usize..e as usize])).collect()
    }

    #[test]
    fn highlight_ranges_count_utf16_units() {
        let text = "Émile 😀 met Kishida; Müller and KISHIDA’s aide";
        let ranges = highlights(text, &q("kish mull"));
        assert_eq!(marked(text, &ranges), ["Kishida", "Müller", "KISHIDA"]);
        // The emoji is two UTF-16 units, "É" one.
        assert_eq!(ranges[0], [13, 20]);
        assert!(highlights(text, &[]).is_empty());
    }

    #[test]
    fn snippets_centre_on_the_first_match_and_cut_on_words() {
        let body = format!("{} Kishida arrived. {}", "word ".repeat(40), "after ".repeat(60));
        let s = snippet(&body, &q("kishida"), 200);
        assert!(s.starts_with("…word"), "{s}");
        assert!(s.ends_with("after…"), "{s}");
        assert!(s.contains("Kishida arrived."));
        assert!(s.chars().count() <= 202);
        assert_eq!(marked(&s, &highlights(&s, &q("kishida"))), ["Kishida"]);
    }

    #[test]
    fn snippets_without_a_match_show_the_start() {
        let body = "Line one.\n\nLine   two.";
        assert_eq!(snippet(body, &q("zzz"), 200), "Line one. Line two.");
        assert_eq!(snippet(body, &[], 6), "Line…");
        assert_eq!(snippet("", &q("a"), 200), "");
    }

    #[test]
    fn snippets_of_non_ascii_text_cut_on_character_boundaries() {
        let body = "ж".repeat(100) + " Zürich " + &"é".repeat(300);
        let s = snippet(&body, &q("zurich"), 200);
        assert!(s.contains("Zürich"));
        assert_eq!(marked(&s, &highlights(&s, &q("zurich"))), ["Zürich"]);
    }

    fn title(body: &str) -> String {
        first_sentence(body, 120).0
    }

    #[test]
    fn first_sentences_skip_abbreviations() {
        assert_eq!(title("SEOUL, Oct. 5 (Yonhap) -- Talks began. More."), "SEOUL, Oct. 5 (Yonhap) -- Talks began.");
        assert_eq!(title("The U.S. envoy left Seoul. Then"), "The U.S. envoy left Seoul.");
        assert_eq!(title("\n  Headline here\nBody"), "Headline here");
        let long = "word ".repeat(50);
        let (t, rest) = first_sentence(&long, 120);
        assert!(t.ends_with('…') && t.chars().count() <= 120, "{t}");
        assert_eq!(rest, 0);
        assert_eq!(title(""), "");
        let body = "  First one. Second one.";
        let (t, rest) = first_sentence(body, 120);
        assert_eq!((t.as_str(), &body[rest..]), ("First one.", " Second one."));
    }
}

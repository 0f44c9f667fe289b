//! Reads the dateline that opens a wire story: "SEOUL, Oct. 5 (Yonhap) --",
//! "Seoul, Nov 6 (IANS)", "HOUSTON, March 3 -", "GREENWICH, Conn., March 3 -",
//! "BERLIN (AP) —".

use crate::extract::dates::{self, Written};
use crate::text::word_count;

/// A parsed dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written ("SEOUL", "Greenwich, Conn.").
    pub place: String,
    /// The region after the place, if any ("Conn.").
    pub region: Option<String>,
    /// The month and day (and year, rarely) it gives.
    pub date: Option<Written>,
    /// The agency in parentheses ("Yonhap").
    pub agency: Option<String>,
    /// The dateline text itself.
    pub text: String,
    /// Byte length of the dateline and its separator at the start of the line.
    pub len: usize,
}

/// Reads a dateline at the start of `line`, or `None` when the line does not
/// open with one.
///
/// A place alone is not enough: it must be followed by a date, an agency, or
/// (for all-capital places) a dash, so that "Seoul said on Monday" is prose.
pub fn read(line: &str, is_known_place: &dyn Fn(&str) -> bool) -> Option<Dateline> {
    let place_end = line.find([',', '(', '-', '—', '–', ':'])?;
    let place = line[..place_end].trim();
    if !is_place(place) {
        return None;
    }
    // "NEW DELHI: The government said": a colon dateline needs a known
    // place in capitals, or "Note: see below" would be one.
    if line[place_end..].starts_with(':') {
        let caps = !place.chars().any(char::is_lowercase);
        if !(caps && is_known_place(place)) {
            return None;
        }
    }
    let mut rest = &line[place_end..];
    let mut region = None;
    let mut date = None;
    if let Some(after) = rest.strip_prefix(',') {
        // ", Conn., March 3" or ", March 3" or ", 5 March".
        let found = dates::find_all(after.get(..after.len().min(40)).unwrap_or(after));
        match found.first() {
            Some(f) if after[..f.start].trim().is_empty() => {
                date = Some(f.date);
                rest = &after[f.end..];
            }
            Some(f) if is_region(after[..f.start].trim().trim_end_matches(',')) => {
                region = Some(after[..f.start].trim().trim_end_matches(',').to_string());
                date = Some(f.date);
                rest = &after[f.end..];
            }
            // "ASHEVILLE, N.C. (WLOS) —": a region and an agency, no date;
            // "MANILA, Philippines —": a region and a dash.
            _ => {
                let open = after.find(['(', '—', '–', '-']).filter(|&o| o <= 24)?;
                let r = after[..open].trim();
                if !is_region(r) || !after[..open].ends_with(' ') && !after[open..].starts_with('(') {
                    return None;
                }
                region = Some(r.to_string());
                rest = &after[open..];
            }
        }
        rest = rest.trim_start_matches(',');
    }
    let mut agency = None;
    // "(Yonhap)", or "/TASS/" after the date's full stop.
    let trimmed = rest.trim_start().trim_start_matches(". ");
    if let Some((open, close)) = [('(', ')'), ('/', '/')].into_iter().find(|(o, _)| trimmed.starts_with(*o)) {
        let inner = &trimmed[1..];
        let end = inner.find(close)?;
        let name = inner[..end].trim();
        if is_agency(name) && (open == '(' || date.is_some()) {
            agency = Some(name.to_string());
            rest = inner[end + 1..].trim_start_matches('.');
        }
    }
    let before_sep = rest;
    let after_sep = rest.trim_start().trim_start_matches(['-', '—', '–', ':']);
    let has_sep = after_sep.len() < rest.trim_start().len();
    let all_caps = place.chars().any(char::is_alphabetic) && !place.chars().any(char::is_lowercase);
    // Without an agency, a mixed-case place must be one the gazetteer knows:
    // "However, March 3 was chosen" is prose.
    // With an agency but no date, too: "Aam Aadmi Party (AAP) councillor"
    // opens a sentence.
    let plausible = all_caps || is_known_place(place) || agency.is_some() && date.is_some();
    // A dash alone must stand apart: "HOUSTON - The", not "WBAL-TV".
    let apart = after_sep.is_empty() || after_sep.starts_with(char::is_whitespace);
    if !plausible || (date.is_none() && agency.is_none() && !(has_sep && apart)) {
        return None;
    }
    let rest = if has_sep { after_sep } else { before_sep }.trim_start();
    let len = line.len() - rest.len();
    let text = line[..len].trim().trim_end_matches(['-', '—', '–', ':']).trim().to_string();
    Some(Dateline { place: place.to_string(), region, date, agency, text, len })
}

/// A place is one to four capitalised words, no sentence punctuation.
fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && s.len() <= 40
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "de" | "da" | "do" | "del" | "la" | "el" | "es" | "al" | "am" | "upon")
        })
        && !s.contains(['!', '?', ':', '"', ';'])
}

/// A region is a short state or province, usually abbreviated ("Conn.", "N.Y.").
fn is_region(s: &str) -> bool {
    !s.is_empty() && s.len() <= 20 && word_count(s) <= 3 && s.chars().next().is_some_and(char::is_uppercase)
}

/// An agency is a short name in parentheses: "Yonhap", "AP", "Reuters", "AFP".
fn is_agency(s: &str) -> bool {
    let words = word_count(s);
    (1..=4).contains(&words)
        && s.len() <= 40
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.chars().any(|c| c.is_ascii_digit())
        && !matches!(s, "L" | "R" | "C" | "Left" | "Right")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_t(line: &str) -> Option<Dateline> {
        read(line, &|p| matches!(p.to_ascii_lowercase().as_str(), "lima" | "seoul" | "kenya"))
    }

    #[test]
    fn wire_datelines_are_read() {
        let d = read_t("SEOUL, Oct. 5 (Yonhap) -- South Korea and Japan met.").unwrap();
        assert_eq!(d.place, "SEOUL");
        assert_eq!(d.agency.as_deref(), Some("Yonhap"));
        assert_eq!(d.date.map(|w| (w.month, w.day)), Some((10, Some(5))));
        assert_eq!(d.text, "SEOUL, Oct. 5 (Yonhap)");
        assert!(read_t("SEOUL, Oct. 5 (Yonhap) -- South")
            .map(|d| "SEOUL, Oct. 5 (Yonhap) -- South"[d.len..].starts_with("South"))
            .unwrap());
        let d = read_t("Lima, Nov 6 The ministers met.").unwrap();
        assert_eq!(d.date.and_then(|w| w.day), Some(6));
        assert_eq!(&"Lima, Nov 6 The ministers met."[d.len..], "The ministers met.");
    }

    #[test]
    fn regions_and_agency_only_datelines_are_read() {
        let d = read_t("GREENWICH, Conn., March 3 - Shares rose.").unwrap();
        assert_eq!(d.region.as_deref(), Some("Conn."));
        let d = read_t("BERLIN (AP) — The chancellor spoke.").unwrap();
        assert_eq!(d.agency.as_deref(), Some("AP"));
        assert!(d.date.is_none());
        assert!(read_t("WASHINGTON - Talks resumed.").is_some());
        let d = read_t("KAZAN, October 24. /TASS/. The president met the secretary-general.").unwrap();
        assert_eq!(d.agency.as_deref(), Some("TASS"));
        assert_eq!(
            &"KAZAN, October 24. /TASS/. The president met the secretary-general."[d.len..],
            "The president met the secretary-general."
        );
        let d = read_t("ASHEVILLE, N.C. (WLOS) — The president flew in.").unwrap();
        assert_eq!((d.region.as_deref(), d.agency.as_deref()), (Some("N.C."), Some("WLOS")));
        let d = read_t("SEOUL: The ministry said on Monday.").unwrap();
        assert_eq!(
            (d.place.as_str(), &"SEOUL: The ministry said on Monday."[d.len..]),
            ("SEOUL", "The ministry said on Monday.")
        );
        let d = read_t("MANILA, Philippines — Police made an arrest.").unwrap();
        assert_eq!((d.place.as_str(), d.region.as_deref()), ("MANILA", Some("Philippines")));
        assert!(read_t("NOTE: The figures are provisional.").is_none());
        assert!(read_t("Seoul: the ministry said.").is_none());
    }

    #[test]
    fn prose_is_not_a_dateline() {
        assert!(read_t("Seoul said on Monday it would respond.").is_none());
        assert!(read_t("The minister, who arrived on Monday, said").is_none());
        assert!(read_t("However, March 3 was chosen").is_none());
        assert!(read_t("Kenya (pictured) - a view").is_none());
        // A station's name is no place and its hyphen no dateline dash.
        assert!(read_t("KHTV-TV 9 Harbour City").is_none());
        assert!(read_t("Lima, Peru-based miners said").is_none());
        assert!(read_t("The Monetary Policy Committee (Copom) of the bank raised rates.").is_none());
    }
}

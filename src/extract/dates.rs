//! Finds and reads dates: ISO dates, written dates ("Oct. 6, 2023",
//! "6 October 2023", "Thursday, January 15, 2026"), month-and-day datelines
//! with no year, and weekday words.

use std::fmt;

use crate::text::lowercase;

/// A calendar date as precise as the text made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year, e.g. 2023.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl Day {
    /// The same numbers read the other way round ("10/02" as 2 October
    /// rather than 10 February), where that is a day too.
    pub fn other_reading(self) -> Option<Day> {
        Day::new(self.year, self.day, self.month).filter(|&o| o != self)
    }

    /// A valid calendar day, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Day> {
        let ok = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        (ok && (1000..=2999).contains(&year)).then_some(Day { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), for ordering and distances.
    pub fn ordinal(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.ordinal() + 3).rem_euclid(7)) as u8
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The number of days in `month` (1 to 12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A date as written: the year may be missing (datelines), the day too
/// ("January 2025").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day, when written.
    pub day: Option<u8>,
    /// The weekday written next to it, 0 = Monday.
    pub weekday: Option<u8>,
}

impl Written {
    /// The full day, when year, month and day are all known.
    pub fn day(&self) -> Option<Day> {
        Day::new(self.year?, self.month, self.day?)
    }
}

/// A date found in a text, with where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// What was read.
    pub date: Written,
    /// Byte range of the date in the text it was found in.
    pub start: usize,
    /// End of that range.
    pub end: usize,
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Month names in the languages scraped pages most often carry beside
/// English (Spanish, Portuguese, French, German, Italian), month by month.
/// They are no English words, so they need no capital.
const FOREIGN_MONTHS: [&[&str]; 12] = [
    &["enero", "janeiro", "janvier", "januar", "gennaio"],
    &["febrero", "fevereiro", "février", "fevrier", "februar", "febbraio"],
    &["marzo", "março", "marco", "mars", "märz", "maerz"],
    &["abril", "avril", "aprile"],
    &["mayo", "maio", "mai", "maggio"],
    &["junio", "junho", "juin", "juni", "giugno"],
    &["julio", "julho", "juillet", "juli", "luglio"],
    &["agosto", "août", "aout"],
    &["septiembre", "setiembre", "setembro", "septembre", "settembre"],
    &["octubre", "outubro", "octobre", "oktober", "ottobre"],
    &["noviembre", "novembro", "novembre"],
    &["diciembre", "dezembro", "décembre", "decembre", "dezember", "dicembre"],
];

/// Reads an English month name or abbreviation ("Oct", "Oct.", "Sept",
/// "October").
pub fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 || w.len() > 9 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    // "May" and "March" are also words; callers only ask where a date fits.
    MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(w) || (w.len() == 3 && m[..3].eq_ignore_ascii_case(w)))
        .map(|i| i as u8 + 1)
}

/// Reads a month name in another language ("enero", "Juli", "décembre").
pub fn foreign_month(word: &str) -> Option<u8> {
    if word.len() < 3 || word.len() > 11 {
        return None;
    }
    let lower = lowercase(word);
    FOREIGN_MONTHS.iter().position(|names| names.contains(&lower.as_str())).map(|i| i as u8 + 1)
}

/// Reads a numeric day-first date: "24/11/2022", "02.10.2009", "5-3-2019".
/// Where both orders are possible, day first: most of the world writes so.
pub fn numeric(word: &str) -> Option<Day> {
    let mut parts = word.split(['/', '.', '-']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let all_digits = |s: &str| s.bytes().all(|x| x.is_ascii_digit());
    if parts.next().is_some() || !all_digits(a) || !all_digits(b) || !all_digits(c) {
        return None;
    }
    // "2024.05.26": the year first, then month and day, read one way only.
    if a.len() == 4 && (1..=2).contains(&b.len()) && (1..=2).contains(&c.len()) {
        return Day::new(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    }
    if a.is_empty() || b.is_empty() || a.len() > 2 || b.len() > 2 || c.len() != 4 {
        return None;
    }
    let (a, b, y): (u8, u8, i32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    Day::new(y, b, a).or_else(|| Day::new(y, a, b))
}

/// Reads a weekday name or abbreviation ("Thu", "Thursday").
pub fn weekday(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['.', ',']);
    if w.len() < 3 || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    WEEKDAYS
        .iter()
        .position(|d| d.eq_ignore_ascii_case(w) || (w.len() == 3 && d[..3].eq_ignore_ascii_case(w)))
        .map(|i| i as u8)
}

/// The English name of a weekday, 0 = Monday.
pub fn weekday_name(d: u8) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][usize::from(d % 7)]
}

/// Reads an ISO date `YYYY-MM-DD` (a time may follow) at the start of `s`.
pub fn iso(s: &str) -> Option<Day> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
    if !b[..4].iter().chain(&b[5..7]).chain(&b[8..10]).all(u8::is_ascii_digit) {
        return None;
    }
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Day::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
}

/// A word of a text, with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Splits on white space and commas, keeping byte offsets; commas matter to
/// dates only as separators.
fn words(s: &str) -> Vec<Word<'_>> {
    // Words average more than six bytes with their separators.
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut start = None;
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII by byte; other characters decoded (`i` stays on a boundary).
        let (sep, width) = if b.is_ascii() {
            (matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b',' | b'(' | b')' | b'|'), 1)
        } else {
            let c = s.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            (c.is_whitespace() || c == '•', c.len_utf8())
        };
        let at = i;
        i += width;
        match (sep, start) {
            (true, Some(st)) => {
                out.push(Word { text: &s[st..at], start: st, end: at });
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(Word { text: &s[st..], start: st, end: s.len() });
    }
    out
}

fn day_number(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let n: u8 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(w: &str) -> Option<i32> {
    let w = w.trim_end_matches(['.', ';', ':']);
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// Finds every date written in `s`, in order.
///
/// Month names only count next to a day or a year, so "May" the verb and
/// "March" the walk are not dates.
pub fn find_all(s: &str) -> Vec<Found> {
    // Every date this reader knows has a digit: most text can be skipped.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let ws = words(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // ISO and numeric dates open with a digit.
        let digit = ws[i].text.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if let Some(d) = digit.then(|| iso(ws[i].text)).flatten() {
            let date = Written { year: Some(d.year), month: d.month, day: Some(d.day), weekday: None };
            out.push(Found { date, start: ws[i].start, end: ws[i].start + 10 });
            i += 1;
            continue;
        }
        if let Some(mut d) = digit.then(|| numeric(ws[i].text.trim_end_matches(['.', ';']))).flatten() {
            // "Fri 06/12/2024", "03/11/2025 · Tuesday": a weekday beside
            // the date says which way round it is written.
            let near = [i.checked_sub(1), Some(i + 1), Some(i + 2)];
            let wd = near.into_iter().flatten().filter_map(|j| ws.get(j)).find_map(|w| weekday(w.text));
            if let Some(wd) = wd.filter(|&wd| d.weekday() != wd) {
                if let Some(other) = d.other_reading().filter(|o| o.weekday() == wd) {
                    d = other;
                }
            }
            let date = Written { year: Some(d.year), month: d.month, day: Some(d.day), weekday: None };
            out.push(Found { date, start: ws[i].start, end: ws[i].end });
            i += 1;
            continue;
        }
        let upper = ws[i].text.as_bytes().first().is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if !upper {
            i += 1;
            continue;
        }
        let wd = weekday(ws[i].text);
        let j = if wd.is_some() { i + 1 } else { i };
        if let Some((date, last)) = written_at(&ws, j) {
            let date = Written { weekday: wd.filter(|_| date.day.is_some()), ..date };
            let start = if date.weekday.is_some() { ws[i].start } else { ws[j].start };
            out.push(Found { date, start, end: ws[last].end });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Reads "Oct. 6, 2023", "Oct 6", "6 October 2023", "October 2023" at word `j`;
/// returns the date and the index of its last word.
fn written_at(ws: &[Word<'_>], j: usize) -> Option<(Written, usize)> {
    let w = ws.get(j)?;
    if let Some(m) = month(w.text).filter(|_| starts_upper(w.text)) {
        if let Some(d) = ws.get(j + 1).and_then(|n| day_number(n.text)) {
            let year = ws.get(j + 2).and_then(|n| year_number(n.text));
            let last = if year.is_some() { j + 2 } else { j + 1 };
            let date = Written { year, month: m, day: Some(d), weekday: None };
            return valid(date).then_some((date, last));
        }
        if let Some(y) = ws.get(j + 1).and_then(|n| year_number(n.text)) {
            return Some((Written { year: Some(y), month: m, day: None, weekday: None }, j + 1));
        }
        // "Jan - 07 - 2025": the parts set apart by dashes.
        let dash = |k: usize| ws.get(k).is_some_and(|x| x.text == "-");
        let day = ws.get(j + 2).and_then(|n| day_number(n.text));
        if let (true, Some(d), Some(y)) =
            (dash(j + 1) && dash(j + 3), day, ws.get(j + 4).and_then(|n| year_number(n.text)))
        {
            let date = Written { year: Some(y), month: m, day: Some(d), weekday: None };
            return valid(date).then_some((date, j + 4));
        }
        // "October 11/2019": the day and the year in one word.
        let (d, y) = ws.get(j + 1)?.text.split_once('/')?;
        let date = Written { year: Some(year_number(y)?), month: m, day: Some(day_number(d)?), weekday: None };
        return valid(date).then_some((date, j + 1));
    }
    let d = day_number(w.text)?;
    // "15 de enero de 2024" puts "de" between the parts.
    let de = |k: usize| ws.get(k).is_some_and(|x| matches!(x.text, "de" | "del"));
    let mj = if de(j + 1) { j + 2 } else { j + 1 };
    let next = ws.get(mj)?;
    let m = month(next.text).filter(|_| starts_upper(next.text)).or_else(|| foreign_month(next.text))?;
    let yj = if de(mj + 1) { mj + 2 } else { mj + 1 };
    let year = ws.get(yj).and_then(|n| year_number(n.text));
    let last = if year.is_some() { yj } else { mj };
    let date = Written { year, month: m, day: Some(d), weekday: None };
    valid(date).then_some((date, last))
}

fn valid(w: Written) -> bool {
    match (w.year, w.day) {
        (Some(y), Some(d)) => Day::new(y, w.month, d).is_some(),
        (None, Some(d)) => d <= days_in_month(2000, w.month),
        _ => true,
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The latest `month`/`day` not after `reference`: a story dated "Nov 6" on
/// a page printed on 15 January 2026 happened on 6 November 2025.
pub fn latest_not_after(month: u8, day: u8, reference: Day) -> Option<Day> {
    let this_year = Day::new(reference.year, month, day);
    match this_year {
        Some(d) if d <= reference => Some(d),
        _ => Day::new(reference.year - 1, month, day),
    }
}

/// The day `days` after 1970-01-01 (the inverse of [`Day::ordinal`]).
pub fn from_ordinal(days: i64) -> Option<Day> {
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Day::new(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// The `month`/`day` nearest to `reference` within a year either side that
/// `ok` accepts, on or after it where one is: a story's dateline is near
/// the dates its text mentions, and those are mostly past.
pub fn nearest_where(month: u8, day: u8, reference: Day, ok: impl Fn(Day) -> bool) -> Option<Day> {
    (reference.year - 1..=reference.year + 1)
        .filter_map(|y| Day::new(y, month, day))
        .filter(|d| ok(*d))
        .min_by_key(|d| after_first(*d, reference))
}

/// Orders days after `reference` first, each side by distance.
fn after_first(d: Day, reference: Day) -> (bool, i64) {
    let gap = d.ordinal() - reference.ordinal();
    (gap < 0, gap.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Written {
        find_all(s).first().copied().unwrap_or_else(|| panic!("no date in {s:?}")).date
    }

    #[test]
    fn written_forms_are_read() {
        assert_eq!(first("Published : Oct. 6, 2023 - 14:39").day(), Day::new(2023, 10, 6));
        assert_eq!(first("Posted on 12 May 2018 by staff").day(), Day::new(2018, 5, 12));
        assert_eq!(first("on Tuesday, 5 March 2019, the").day(), Day::new(2019, 3, 5));
        assert_eq!(first("Updated: 2021-02-03T10:00Z").day(), Day::new(2021, 2, 3));
        assert_eq!(first("September 21st, 1999").day(), Day::new(1999, 9, 21));
        assert_eq!(first("Jan - 07 - 2025 , 15:48").day(), Day::new(2025, 1, 7));
        // A dateline's dash ends the date: the year after it is the story's.
        assert_eq!(first("BRUSSELS, April 8 - 1986 Year").year, None);
        assert_eq!(first("Addis Abeba, October 11/2019").day(), Day::new(2019, 10, 11));
        let partial = first("the vote in January 2025 was");
        assert_eq!((partial.year, partial.month, partial.day), (Some(2025), 1, None));
    }

    #[test]
    fn yearless_and_weekday_dates_keep_what_they_say() {
        let d = first("NAIROBI, March 4 (Reuters) -");
        assert_eq!((d.year, d.month, d.day), (None, 3, Some(4)));
        let d = first("Thursday, January 15, 2026");
        assert_eq!(d.weekday, Some(3));
        assert_eq!(Day::new(2026, 1, 15).map(Day::weekday), Some(3));
    }

    #[test]
    fn numeric_and_foreign_dates_are_read() {
        assert_eq!(first("Updated: 24/11/2022 17:45").day(), Day::new(2022, 11, 24));
        assert_eq!(first("Published: 02.10.2009 20:15").day(), Day::new(2009, 10, 2));
        assert_eq!(first("Lunes 15 de enero de 2024").day(), Day::new(2024, 1, 15));
        assert_eq!(first("le 3 juillet 2019").day(), Day::new(2019, 7, 3));
        assert!(numeric("12/31/1999").is_some_and(|d| d.month == 12));
        assert_eq!(numeric("2024.05.26").map(|d| d.to_string()), Some("2024-05-26".into()));
        assert_eq!(numeric("2024/13/01"), None);
        // Day first unless a weekday beside it says otherwise.
        assert_eq!(first("Fri 06/12/2024 - 19:40").day(), Day::new(2024, 12, 6));
        assert_eq!(first("03/11/2025 · Tuesday · 8:14 PM").day(), Day::new(2025, 3, 11));
        assert_eq!(first("Tue 03/11/2025").day(), Day::new(2025, 3, 11));
    }

    #[test]
    fn month_words_alone_are_not_dates() {
        assert!(find_all("They may march on the capital in May.").is_empty());
        assert!(find_all("Feb 30 2023").is_empty());
        assert!(find_all("2023-02-30").is_empty());
    }

    #[test]
    fn a_yearless_day_resolves_against_a_reference() {
        let page = Day::new(2026, 1, 15).unwrap();
        assert_eq!(latest_not_after(11, 6, page), Day::new(2025, 11, 6));
        assert_eq!(latest_not_after(1, 15, page), Day::new(2026, 1, 15));
        let mention = Day::new(2019, 12, 30).unwrap();
        assert_eq!(nearest_where(1, 2, mention, |_| true), Day::new(2020, 1, 2));
        // Half a year either side: the story comes after what it mentions.
        let since = Day::new(2022, 4, 15).unwrap();
        assert_eq!(nearest_where(10, 24, since, |_| true), Day::new(2022, 10, 24));
        for d in [page, mention, Day::new(2000, 2, 29).unwrap()] {
            assert_eq!(from_ordinal(d.ordinal()), Some(d));
        }
    }
}

//! Dates as the filter sees them: a record's date is a span of days (one day,
//! a whole month or a whole year), and a date range keeps the records whose
//! span overlaps it.

/// A record's date as a span of days since 1970-01-01, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// First day.
    pub lo: i32,
    /// Last day.
    pub hi: i32,
}

use crate::extract::dates::{self, Day};

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    Day { year, month: month as u8, day: day as u8 }.ordinal() as i32
}

fn days_in_month(year: i32, month: u32) -> u32 {
    u32::from(dates::days_in_month(year, month as u8))
}

/// Reads exactly `n` ASCII digits.
fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() != n || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Reads `YYYY` or `YYYY-MM` into a year and an optional month (1-12).
fn year_month(s: &str) -> Option<(i32, Option<u32>)> {
    let year = digits(s.get(0..4)?, 4)? as i32;
    if year == 0 {
        return None;
    }
    match s.len() {
        4 => Some((year, None)),
        7 if s.as_bytes()[4] == b'-' => {
            let month = digits(s.get(5..7)?, 2)?;
            (1..=12).contains(&month).then_some((year, Some(month)))
        }
        _ => None,
    }
}

/// Reads a strict `YYYY-MM-DD` day; `None` when it is not a real date.
pub(crate) fn parse_day(s: &str) -> Option<i32> {
    if s.len() != 10 || s.as_bytes()[7] != b'-' {
        return None;
    }
    let (year, month) = year_month(s.get(0..7)?)?;
    let month = month?;
    let day = digits(s.get(8..10)?, 2)?;
    (1..=days_in_month(year, month)).contains(&day).then(|| days_from_civil(year, month, day))
}

/// Reads a strict `YYYY-MM` month into its number (`year * 12 + month - 1`).
pub(crate) fn parse_month(s: &str) -> Option<u32> {
    match year_month(s)? {
        (year, Some(month)) => Some(year as u32 * 12 + month - 1),
        _ => None,
    }
}

/// The `YYYY-MM` key of a month number from [`parse_month`].
pub(crate) fn month_key(month: u32) -> String {
    format!("{:04}-{:02}", month / 12, month % 12 + 1)
}

/// A record's date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) as its span of days
/// and its month number (none for a bare year). Anything else is undated.
pub(crate) fn record_date(date: &str) -> Option<(Span, Option<u32>)> {
    if let Some(day) = parse_day(date) {
        let month = parse_month(date.get(0..7)?)?;
        return Some((Span { lo: day, hi: day }, Some(month)));
    }
    match year_month(date)? {
        (year, Some(month)) => {
            let lo = days_from_civil(year, month, 1);
            let hi = days_from_civil(year, month, days_in_month(year, month));
            Some((Span { lo, hi }, Some(year as u32 * 12 + month - 1)))
        }
        (year, None) => {
            let span = Span { lo: days_from_civil(year, 1, 1), hi: days_from_civil(year, 12, 31) };
            Some((span, None))
        }
    }
}

/// An inclusive range of days; either end may be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Range {
    /// First day kept.
    pub from: Option<i32>,
    /// Last day kept.
    pub to: Option<i32>,
}

impl Range {
    /// Whether the range filters at all.
    pub fn is_set(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Whether a dated record overlaps the range; undated records never do.
    pub fn keeps(&self, span: Option<Span>) -> bool {
        let Some(span) = span else { return false };
        self.from.is_none_or(|from| span.hi >= from) && self.to.is_none_or(|to| span.lo <= to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("1970-01-02"), Some(1));
        assert_eq!(parse_day("1969-12-31"), Some(-1));
        assert_eq!(parse_day("2000-03-01").unwrap() - parse_day("2000-02-28").unwrap(), 2);
        assert_eq!(parse_day("1900-03-01").unwrap() - parse_day("1900-02-28").unwrap(), 1);
    }

    #[test]
    fn only_real_days_parse() {
        for bad in [
            "2023-13-01", "2023-02-29", "2023-1-01", "23-01-01", "2023/01/01", "", "2023-01-011", "0000-01-01",
            "２０２３-01-01",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        assert!(parse_day("2024-02-29").is_some());
    }

    #[test]
    fn partial_dates_span_their_month_or_year() {
        let (span, month) = record_date("2023-10").unwrap();
        assert_eq!(span.lo, parse_day("2023-10-01").unwrap());
        assert_eq!(span.hi, parse_day("2023-10-31").unwrap());
        assert_eq!(month_key(month.unwrap()), "2023-10");
        let (span, month) = record_date("2024").unwrap();
        assert_eq!(span.hi - span.lo, 365);
        assert_eq!(month, None);
        assert_eq!(record_date("yesterday"), None);
    }

    #[test]
    fn a_range_keeps_overlapping_spans_only() {
        let range = Range { from: parse_day("2023-10-31"), to: parse_day("2023-11-05") };
        let keeps = |d: &str| range.keeps(record_date(d).map(|(s, _)| s));
        assert!(keeps("2023-10") && keeps("2023") && keeps("2023-11-05") && keeps("2023-10-31"));
        assert!(!keeps("2023-11-06") && !keeps("2023-09") && !keeps("2022"));
        assert!(!range.keeps(None));
        let open = Range { from: parse_day("2023-11-01"), to: None };
        assert!(open.keeps(record_date("2030").map(|(s, _)| s)));
        assert!(!open.keeps(record_date("2023-10").map(|(s, _)| s)));
    }
}

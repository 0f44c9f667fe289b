//! Extraction: from one article's text to a [`Record`]: the page is taken
//! apart ([`crate::parse`]), then each kind of fact has its own reader.

pub mod countries;
pub mod dates;
pub mod officials;

use crate::gazetteer;
use crate::input::Meta;
use crate::parse::{self, Page};
use crate::record::{CountryTag, Evidence, Record};
use crate::text::tokens;
use dates::{Day, Written};

/// Extracts a record from one article's raw text. Metadata the user gave
/// wins over what the text says.
pub fn extract(source: &str, text: &str, meta: &Meta) -> Record {
    extract_with_names(source, text, meta).0
}

/// Like [`extract`], and also returns the names the story writes without an
/// office, for the corpus to recognise (saves reading the story twice).
pub fn extract_with_names(source: &str, text: &str, meta: &Meta) -> (Record, Vec<officials::NameMention>) {
    let g = gazetteer::get();
    let page = parse::parse(text, &|p| g.is_place(p));
    let mut warnings = meta.warnings.clone();
    let (date, date_evidence) = date(&page, meta, &mut warnings);

    let toks = tokens(&page.body);
    let (mut officials, names) = officials::read(&page.body, &toks, &page.bylines);
    // "Rep. Jim Jordan ... Jordan urged": an official's surname is no country.
    let mut mentions = countries::mentions(&page.body, &toks);
    // ("flew to Jordan", "Amman, Jordan" still name the country.)
    mentions.retain(|m| {
        let before = page.body[..m.start].trim_end();
        let word = before.rsplit(' ').next().unwrap_or("");
        let place =
            before.ends_with(',') || ["in", "to", "from", "into", "of", "for", "across", "visited"].contains(&word);
        place || !officials.iter().any(|o| is_surname_of(&page.body[m.start..m.end], &o.name))
    });
    let title = meta.title.clone().or_else(|| page.title.clone());
    // Countries named in the headline count too.
    let title_mentions = title.as_deref().map(|t| (t, countries::mentions(t, &tokens(t))));
    let in_body = mentions.iter().map(|m| (m.code, m.kind, &page.body[m.start..m.end]));
    let in_title = title_mentions.iter().flat_map(|(t, ms)| ms.iter().map(|m| (m.code, m.kind, &t[m.start..m.end])));
    let dateline_place = page.dateline.as_ref().and_then(countries::dateline_mention);
    let dateline_code = dateline_place.as_ref().map(|(code, _)| *code);
    let countries = countries::tags(in_body.chain(in_title), dateline_place);
    officials::home_countries(&mut officials, home_country(dateline_code, &countries));

    if page.body.trim().is_empty() {
        warnings.push("no story text found: everything looked like page clutter".into());
    }
    // A wire story on another site is the wire's ("Seoul, Nov 6 (IANS)",
    // "-- Bernama"), unless the wire is the site's own name shortened
    // ("(CEW)" on Central European Wire).
    let wire = page.dateline.as_ref().and_then(|d| d.agency.clone()).or_else(|| page.sign_off.clone());
    let outlet = meta.outlet.clone().or_else(|| match (wire, page.masthead.clone()) {
        (Some(w), Some(m)) if shortens(&w, &m) => Some(m),
        (w, m) => w.or(m),
    });
    let record = Record {
        id: meta.id.clone().unwrap_or_default(),
        source: source.to_string(),
        title,
        outlet,
        bylines: page.bylines.clone(),
        dateline: page.dateline.as_ref().map(|d| d.text.clone()),
        date,
        date_evidence,
        countries,
        officials,
        duplicate_of: None,
        body: page.body,
        warnings,
    };
    (record, names)
}

/// The country a story is about: the one it names at least twice as often
/// as any other, and at least twice unless it is the dateline's. The
/// offices it names with no country of their own are that country's, as a
/// reader takes "Finance Minister Choi said" in a story from Seoul. A
/// dateline alone does not decide it: a summit abroad is datelined where
/// the visitors are.
fn home_country(dateline: Option<&'static str>, countries: &[CountryTag]) -> Option<(String, &'static str)> {
    // Tags come most mentioned first.
    let top = countries.first()?;
    let next = countries.get(1).map_or(0, |t| t.mentions);
    let from_dateline = dateline == Some(top.code.as_str());
    let main = (top.mentions >= 2 || from_dateline) && top.mentions >= 2 * next;
    main.then(|| (top.code.clone(), if from_dateline { "the dateline" } else { "the story's main country" }))
}

/// Whether `word` is the last word of a name of several words.
fn is_surname_of(word: &str, name: &str) -> bool {
    name.rsplit_once(' ').is_some_and(|(_, last)| last == word)
}

/// Whether `short` is `name` shortened: its initials ("CEW" for "Central
/// European Wire") or its first word ("Ironbridge" for "Ironbridge
/// Financial News"). A first word in capitals is the brand itself:
/// "ANTARA" of "ANTARA News", "WLOS" of "WLOS ABC 13 News".
fn shortens(short: &str, name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().filter(|w| !w.eq_ignore_ascii_case("the")).collect();
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let brand = !short.chars().any(char::is_lowercase);
    words.len() > 1 && (initials.eq_ignore_ascii_case(short) || !brand && words[0].eq_ignore_ascii_case(short))
}

fn evidence(kind: &str, text: &str) -> Option<Evidence> {
    Some(Evidence { kind: kind.into(), text: text.trim().into() })
}

/// Picks the story's date from what the page offers, strongest first, and
/// warns where the page disagrees with itself.
fn date(page: &Page, meta: &Meta, warnings: &mut Vec<String>) -> (Option<String>, Option<Evidence>) {
    let dateline = page.dateline.as_ref().and_then(|d| d.date.map(|w| (w, d.text.as_str())));
    let lead = lead(&page.body);
    let lead_wd = lead_weekday(lead);
    let chosen: Option<(String, Option<Evidence>)> = meta
        .date
        .as_deref()
        .and_then(|m| read_any(m).map(|w| (partial(&w), evidence("metadata", m))))
        .or_else(|| page.header_date.as_ref().map(|(d, t)| (d.to_string(), evidence("header", t))))
        .or_else(|| {
            page.published.as_ref().and_then(|(kind, w, line)| w.day().map(|d| (d.to_string(), evidence(kind, line))))
        })
        .or_else(|| dateline.and_then(|(w, t)| w.day().map(|d| (d.to_string(), evidence("dateline", t)))))
        .or_else(|| {
            let (w, t) = dateline?;
            let (page_day, line) = page.page_date.as_ref().and_then(|(p, l)| p.day().map(|d| (d, l)))?;
            let d = dates::latest_not_after(w.month, w.day?, page_day)?;
            Some((d.to_string(), evidence("dateline+page-date", &format!("{t}; page dated {line}"))))
        })
        .or_else(|| {
            // The year that puts the dateline's day just after a full date
            // the story gives ("died on December 16, 2023" above "Dec 20"),
            // or within a year after a date (a month will do) where the
            // lead's weekday agrees.
            // Further out the year is a guess: stories recall old dates
            // and look ahead to later ones.
            let (w, t) = dateline?;
            let (reference, exact) = latest_full_date(&page.body)?;
            let after = |d: Day, days: i64| (0..=days).contains(&(d.ordinal() - reference.ordinal()));
            let agrees = |d: Day| lead_wd.is_some_and(|wd| wd == d.weekday() || (wd + 1) % 7 == d.weekday());
            let d = dates::nearest_where(w.month, w.day?, reference, |d| {
                exact && after(d, 14) || agrees(d) && after(d, 366)
            })?;
            Some((d.to_string(), evidence("dateline+text-date", &format!("{t}; the story mentions {reference}"))))
        })
        // (Not a lead's date that the dateline's day contradicts: an event
        // the story reports.)
        .or_else(|| {
            let (d, t) = lead_date(lead)?;
            let ok = dateline.is_none_or(|(w, _)| w.day.is_none_or(|day| (w.month, day) == (d.month, d.day)));
            ok.then(|| (d.to_string(), evidence("lead-date", t)))
        })
        .or_else(|| {
            // "elected on Tuesday" on a page dated Wednesday 7 May: the
            // latest Tuesday not after the page's date.
            let wd = lead_wd?;
            let (page_day, line) = page.page_date.as_ref().and_then(|(p, l)| p.day().map(|d| (d, l)))?;
            // "05/06/2025" on a page whose lead says Tuesday: 6 May, the
            // reading the weekday agrees with.
            let page_day =
                other_reading(&page_day.to_string(), line, wd).and_then(|d| dates::iso(&d)).unwrap_or(page_day);
            let back = (i64::from(page_day.weekday()) - i64::from(wd)).rem_euclid(7);
            let d = dates::from_ordinal(page_day.ordinal() - back)?;
            let text = format!("the lead's {}; page dated {line}", dates::weekday_name(wd));
            Some((d.to_string(), evidence("page-date+weekday", &text)))
        })
        .or_else(|| {
            page.page_date.as_ref().and_then(|(w, l)| w.day().map(|d| (d.to_string(), evidence("page-date", l))))
        })
        // "Posted: March 2024": as much of a date as the page gives.
        .or_else(|| page.published.as_ref().map(|(kind, w, line)| (partial(w), evidence(kind, line))));

    // "10/02/2024" on a page whose lead says Wednesday: 2 October, a
    // Wednesday, not 10 February, a Saturday.
    // The weekday of the lead, or of the paragraph after a standfirst.
    let early_wd = lead_wd.or_else(|| lead_weekday(lead_of(&page.body, 600)));
    let chosen = chosen.map(|(d, e)| {
        match e.as_ref().filter(|e| e.kind != "metadata").and_then(|e| other_reading(&d, &e.text, early_wd?)) {
            Some(other) => (other, e),
            None => (d, e),
        }
    });
    if chosen.is_none() {
        if let Some((_, t)) = dateline {
            warnings.push(format!("dateline '{t}' gives no year and nothing else dates the story"));
        }
    }
    if let Some((d, _)) = &chosen {
        check_agreement(d, page, dateline, lead_wd, warnings);
    }
    match chosen {
        Some((d, e)) => (Some(d), e),
        None => (None, None),
    }
}

/// The other reading of a numeric date ("10/02/2024") the evidence wrote
/// `chosen` as, where only that reading agrees with the lead's weekday.
fn other_reading(chosen: &str, evidence: &str, lead_wd: u8) -> Option<String> {
    let day = dates::iso(chosen)?;
    let agrees = |d: Day| d.weekday() == lead_wd || d.weekday() == (lead_wd + 1) % 7;
    if agrees(day) {
        return None;
    }
    // Written day first as numbers ("10/02/2024", "11.05.24"), where the
    // day could be a month.
    let numbers = |w: &str| {
        let mut parts = w.split(['/', '.', '-']).map(|p| p.parse::<u8>().ok());
        (parts.next().flatten(), parts.next().flatten())
    };
    evidence.split([' ', '|', ',']).find(|w| numbers(w) == (Some(day.day), Some(day.month)))?;
    day.other_reading().filter(|&o| agrees(o)).map(|o| o.to_string())
}

/// Reads a user-supplied date in any form the date reader knows.
fn read_any(s: &str) -> Option<Written> {
    if let Some(d) = dates::iso(s.trim()) {
        return Some(Written { year: Some(d.year), month: d.month, day: Some(d.day), weekday: None });
    }
    let t = s.trim();
    // "2023-10" and "2023".
    if t.len() == 7 && t.as_bytes()[4] == b'-' {
        let (y, m) = (t[..4].parse().ok()?, t[5..].parse().ok()?);
        return (1..=12).contains(&m).then_some(Written { year: Some(y), month: m, day: None, weekday: None });
    }
    dates::find_all(t).into_iter().find(|f| f.date.year.is_some()).map(|f| f.date)
}

fn partial(w: &Written) -> String {
    match (w.year, w.day) {
        (Some(y), Some(d)) => format!("{y:04}-{:02}-{d:02}", w.month),
        (Some(y), None) => format!("{y:04}-{:02}", w.month),
        _ => String::new(),
    }
}

/// A full date in the story's first sentence (its [`lead`]): "struck on
/// Sunday, 26 December 2004" dates a story that has no other date.
fn lead_date(lead: &str) -> Option<(Day, &str)> {
    let f = dates::find_all(lead).into_iter().find(|f| f.date.day().is_some() && !is_deadline(&lead[..f.start]))?;
    let day = f.date.day()?;
    // "Friday, April 3, 1986" where that day was a Thursday: the text
    // contradicts itself, and dates nothing.
    f.date.weekday.is_none_or(|w| day.weekday() == w).then_some((day, &lead[f.start..f.end]))
}

/// The latest date with a year written in the story, and whether it gave
/// the day ("in March 2011" stands as the 15th). Only the text just before
/// each four-digit year is read: such a date ends in its year.
fn latest_full_date(body: &str) -> Option<(Day, bool)> {
    let b = body.as_bytes();
    let mut best = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        // "19" or "20" first: most bytes fail on the first comparison.
        let is_year = matches!(&b[i..i + 2], b"19" | b"20")
            && b[i + 2..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if !is_year {
            i += 1;
            continue;
        }
        let mut from = i.saturating_sub(32);
        while !body.is_char_boundary(from) {
            from += 1;
        }
        let window = &body[from..i + 4];
        for f in dates::find_all(window) {
            if is_deadline(&body[..from + f.start]) {
                continue;
            }
            // "a January 2011 referendum" dates the story's year too.
            let day =
                f.date.day().map(|d| (d, true)).or_else(|| Some((Day::new(f.date.year?, f.date.month, 15)?, false)));
            best = best.max(day);
        }
        i += 4;
    }
    best
}

/// Whether the text before a date makes it a deadline or a term ("due
/// March 15, 1991", "until June 1988"): a date the story looks ahead to,
/// which says nothing of when it was written.
fn is_deadline(before: &str) -> bool {
    let last = before.trim_end().rsplit(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
    [
        "due", "maturing", "matures", "mature", "expiring", "expires", "expire", "until", "till", "through", "by",
        "before",
    ]
    .iter()
    .any(|w| last.eq_ignore_ascii_case(w))
}

/// Warns when the dateline's day, or a weekday the page or the lead
/// (`lead_wd`) writes, disagrees with the chosen date.
fn check_agreement(
    chosen: &str,
    page: &Page,
    dateline: Option<(Written, &str)>,
    lead_wd: Option<u8>,
    warnings: &mut Vec<String>,
) {
    let Some(day) = dates::iso(chosen) else { return };
    if let Some((w, t)) = dateline {
        if let Some(dd) = w.day {
            let near = [day, Day::new(day.year, day.month, day.day.saturating_sub(1)).unwrap_or(day)];
            if !near.iter().any(|d| d.month == w.month && d.day == dd) {
                warnings.push(format!("dateline '{t}' disagrees with the date {chosen}"));
            }
        }
    }
    for (w, line) in [
        page.published.as_ref().map(|(_, w, l)| (*w, l.as_str())),
        page.page_date.as_ref().map(|(w, l)| (*w, l.as_str())),
    ]
    .into_iter()
    .flatten()
    {
        if let (Some(wd), Some(d)) = (w.weekday, w.day()) {
            if d.weekday() != wd {
                warnings.push(format!(
                    "'{line}': {d} is a {}, not a {}",
                    dates::weekday_name(d.weekday()),
                    dates::weekday_name(wd)
                ));
            }
        }
    }
    if let Some(wd) = lead_wd {
        // A lead's "on Friday" is the story's day or the day before it.
        let ok = wd == day.weekday() || (wd + 1) % 7 == day.weekday();
        if !ok {
            warnings.push(format!(
                "the lead says {} but {chosen} is a {}",
                dates::weekday_name(wd),
                dates::weekday_name(day.weekday())
            ));
        }
    }
}

/// The weekday named in the first sentence (its [`lead`]), if any ("said
/// on Friday").
fn lead_weekday(lead: &str) -> Option<u8> {
    // Every weekday's name ends in "day": only the words around one are read.
    let b = lead.as_bytes();
    let mut from = 0;
    while let Some(i) = b[from..].windows(3).position(|w| w.eq_ignore_ascii_case(b"day")) {
        let end = from + i + 3;
        from = end;
        // A run of ASCII letters is the same word by bytes or by characters.
        let start = b[..end].iter().rposition(|c| !c.is_ascii_alphabetic()).map_or(0, |s| s + 1);
        if b.get(end).is_some_and(u8::is_ascii_alphabetic) || !(6..=9).contains(&(end - start)) {
            continue;
        }
        if matches!(b[start], b'M' | b'T' | b'W' | b'F' | b'S') {
            if let Some(wd) = dates::weekday(&lead[start..end]) {
                return Some(wd);
            }
        }
    }
    None
}

/// The story's first sentence, or its first 400 bytes.
fn lead(body: &str) -> &str {
    let head = lead_of(body, 400);
    match head.find(". ") {
        Some(i) => &head[..=i],
        None => head,
    }
}

/// The first `n` bytes of the story, to a character boundary.
fn lead_of(body: &str, n: usize) -> &str {
    let mut end = body.len().min(n);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(text: &str) -> Record {
        extract("t.txt", text, &Meta::default())
    }

    #[test]
    fn a_deadline_in_the_text_does_not_date_the_story() {
        let r = record(
            "NEW YORK, Feb 26 - The company said it sold 100 mln dlrs of notes due March 15, 1991, \
             after a board meeting held on February 12, 1987.",
        );
        assert_eq!(r.date.as_deref(), Some("1987-02-26"), "{:?}", r.date_evidence);
        let r = record("NEW YORK, Feb 26 - The offer is open until June 30, 1988, the company said.");
        assert_eq!(r.date, None, "{:?}", r.date_evidence);
    }

    #[test]
    fn a_page_date_gives_a_yearless_dateline_its_year() {
        let r = record("Thursday, January 15, 2026\n\nLima, Nov 6 (EFE) Peru's congress met on Thursday to vote.");
        assert_eq!(r.date.as_deref(), Some("2025-11-06"));
        assert_eq!(r.date_evidence.unwrap().kind, "dateline+page-date");
        assert_eq!(r.outlet.as_deref(), Some("EFE"));
    }

    #[test]
    fn explicit_dates_win_and_disagreements_warn() {
        let r = record("Published : Mar. 8, 2024 - 10:02\n\nLIMA, March 7 (EFE) -- Peru's congress met on Thursday.");
        assert_eq!(r.date.as_deref(), Some("2024-03-08"));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let r = record(" date 2024-03-08 LIMA, March 2 (EFE) -- Peru's congress met on Tuesday to vote on it.");
        assert_eq!(r.date.as_deref(), Some("2024-03-08"));
        assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    }

    #[test]
    fn a_yearless_dateline_alone_gives_no_date() {
        let r = record("NAIROBI, March 4 (Reuters) - Kenya's central bank held rates.");
        assert_eq!(r.date, None);
        assert!(r.warnings[0].contains("no year"));
        let r = record("NAIROBI, March 4 (Reuters) - Kenya said the rate set on March 1, 2019 would stay.");
        assert_eq!(r.date.as_deref(), Some("2019-03-04"));
        // A date months before, with no weekday to confirm a year, is history.
        let r = record("NAIROBI, March 4 (Reuters) - Kenya kept the rate it set on October 1, 2018.");
        assert_eq!(r.date, None, "{:?}", r.date_evidence);
    }

    #[test]
    fn names_that_are_places_are_not_countries() {
        let r = record(
            "WASHINGTON - Rep. Jim Jordan of Ohio lost the vote. Jordan urged calm, and Rep. Victoria \
             Spartz of Indiana abstained. Paraguay's President Santiago Pena attended.",
        );
        let codes: Vec<&str> = r.countries.iter().map(|c| c.code.as_str()).collect();
        assert!(!codes.iter().any(|c| matches!(*c, "JO" | "AU" | "CL")), "{codes:?}");
        assert!(codes.contains(&"PY"));
        let r = record("WASHINGTON - Rep. Jim Jordan of Ohio flew to Jordan on Monday.");
        assert!(r.countries.iter().any(|c| c.code == "JO"), "a place after a preposition");
    }

    #[test]
    fn the_lead_weekday_is_a_whole_word() {
        assert_eq!(lead_weekday("On her birthday the Holiday Inn said on Tuesday it would sell."), Some(1));
        assert_eq!(lead_weekday("Talks set for SUNDAY's vote"), Some(6));
        assert_eq!(lead_weekday("Markets shut on Mondays and Fridays, today and yesterday."), None);
        assert_eq!(lead_weekday("Schooldays in Wednesbury"), None);
    }

    #[test]
    fn the_lead_weekday_decides_which_way_a_numeric_date_is_written() {
        let text = "10/02/2024 6:15 PM EDT | Riverton 61°F\n\nFloods close the river road\n\n\
            The governor toured the flooded valley on Wednesday and promised federal help.";
        assert_eq!(record(text).date.as_deref(), Some("2024-10-02"));
        let text = text.replace("Wednesday", "Saturday");
        assert_eq!(record(&text).date.as_deref(), Some("2024-02-10"));
    }

    #[test]
    fn a_lead_date_or_weekday_dates_a_story_with_no_dateline_date() {
        let r = record("Voters in Chile went to the polls on Sunday, 4 September 2022, to decide on a new text.");
        assert_eq!(r.date.as_deref(), Some("2022-09-04"));
        assert_eq!(r.date_evidence.unwrap().kind, "lead-date");
        let r = record("Wednesday, 7 May 2025 | 17°C Berlin\n\nBERLIN (AP) -- The Bundestag elected a chancellor on Tuesday after a second vote.");
        assert_eq!(r.date.as_deref(), Some("2025-05-06"));
        assert_eq!(r.date_evidence.unwrap().kind, "page-date+weekday");
        // A numeric page date is read the way the lead's weekday agrees
        // with: 6 May 2025, a Tuesday, not 5 June, a Thursday.
        let r = record("05/06/2025\n\nThe Bundestag elected a chancellor on Tuesday after a second vote.");
        assert_eq!(r.date.as_deref(), Some("2025-05-06"), "{:?}", r.date_evidence);
        // A lead date its own weekday contradicts dates nothing.
        let r = record("Voters in Chile went to the polls on Friday, 4 September 2022, to decide on a new text.");
        assert_eq!(r.date, None, "{:?}", r.date_evidence);
    }

    #[test]
    fn a_lead_weekday_picks_the_year_among_the_texts_dates() {
        let r = record("JUBA, July 9 (Reuters) - A new state was declared on Saturday, after a January 2011 vote.");
        assert_eq!(r.date.as_deref(), Some("2011-07-09"));
    }

    #[test]
    fn a_month_without_a_day_is_a_partial_date() {
        let r = record("Posted: March 2024\n\nThe ministers of Chile and Peru met to discuss fishing quotas.");
        assert_eq!(r.date.as_deref(), Some("2024-03"));
    }

    #[test]
    fn metadata_wins() {
        let meta = Meta { date: Some("2020-05".into()), outlet: Some("Daily Planet".into()), ..Meta::default() };
        let r = extract("m.txt", "Published: May 3, 2021\n\nThe parliament of Ghana met in Accra.", &meta);
        assert_eq!(r.date.as_deref(), Some("2020-05"));
        assert_eq!(r.date_evidence.unwrap().kind, "metadata");
        assert_eq!(r.outlet.as_deref(), Some("Daily Planet"));
        assert_eq!(r.countries[0].code, "GH");
    }

    fn country_of(r: &Record, name: &str) -> Option<String> {
        r.officials.iter().find(|o| o.name == name).and_then(|o| o.country.clone())
    }

    #[test]
    fn offices_with_no_country_take_the_main_country_of_the_dateline() {
        let r = record(
            "LIMA, May 4 (Andina) - Finance Minister Rosa Quispe said on Monday that \
             UN Secretary-General Ana Ortiz would visit Peru. Chilean Foreign Minister Tomas Vera also spoke.",
        );
        assert_eq!(country_of(&r, "Rosa Quispe").as_deref(), Some("PE"));
        assert_eq!(country_of(&r, "Tomas Vera").as_deref(), Some("CL"));
        assert_eq!(country_of(&r, "Ana Ortiz"), None, "an intergovernmental office belongs to no country");
        let quispe = r.officials.iter().find(|o| o.name == "Rosa Quispe").unwrap();
        assert!(quispe.evidence.as_deref().unwrap_or("").ends_with("(country from the dateline)"));
    }

    #[test]
    fn a_dateline_abroad_gives_visitors_no_country() {
        let r = record("VIENNA, July 14 - Iran and six powers reached a deal. President Omar Farid welcomed it.");
        assert_eq!(country_of(&r, "Omar Farid"), None);
    }

    #[test]
    fn with_no_dateline_only_a_clearly_main_country_gives_offices_theirs() {
        let main = record("Kenya raised fuel taxes. Energy Minister Jane Wairimu said Kenya would review them.");
        assert_eq!(country_of(&main, "Jane Wairimu").as_deref(), Some("KE"));
        let even = record("Kenya and Uganda raised fuel taxes. Energy Minister Jane Wairimu said so.");
        assert_eq!(country_of(&even, "Jane Wairimu"), None);
    }

    #[test]
    fn the_dateline_place_counts_as_a_country() {
        let r = record("HOUSTON, March 3 - Oil prices rose on Tuesday.");
        assert_eq!(r.countries.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["US"]);
    }
}

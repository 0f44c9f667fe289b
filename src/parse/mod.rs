//! Separating a story from its page: title, outlet, bylines, dateline, the
//! page's own dates, and the body without clutter.
//!
//! A scraped page reads top to bottom as a header (site name, page date,
//! weather, headline, byline, "Published" line), the story (opening with a
//! dateline or the first sentence), and a trailer (teasers, disclaimers).
//! The parser walks the lines once in that order.

pub mod clutter;
pub mod dateline;

use crate::extract::dates::{self, Day, Written};
use crate::extract::officials::is_particle;
use crate::text::{lowercase, word_count};
use clutter::Clutter;
pub use dateline::Dateline;

/// One article, taken apart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The headline, from the header.
    pub title: Option<String>,
    /// The outlet named in the header ("The Korea Herald").
    pub masthead: Option<String>,
    /// An agency signing off the story: "... (Yonhap)".
    pub sign_off: Option<String>,
    /// Authors from "By ..." and "Reporting by ..." lines.
    pub bylines: Vec<String>,
    /// The dateline opening the story.
    pub dateline: Option<Dateline>,
    /// A machine header such as "date 2025-11-07".
    pub header_date: Option<(Day, String)>,
    /// A "Published"/"Updated"/"Posted" line: the kind word, the date, the line.
    pub published: Option<(&'static str, Written, String)>,
    /// A date alone in the header: the page's own date, not the story's.
    pub page_date: Option<(Written, String)>,
    /// The story text, clutter removed.
    pub body: String,
}

#[derive(PartialEq)]
enum State {
    Header,
    Story,
}

/// Takes a page apart. `is_known_place` tells the dateline reader which
/// mixed-case words are places.
pub fn parse(text: &str, is_known_place: &dyn Fn(&str) -> bool) -> Page {
    let mut page = Page::default();
    let mut state = State::Header;
    let mut body = String::with_capacity(text.len());
    let mut blank = false;
    // Read by index: whether a header line is the headline can depend on
    // the line after it.
    let lines: Vec<&str> = text.lines().collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    // The first header line that is not a date, a menu or other clutter:
    // a short line there in capitals names the site ("PUNCH" under the
    // day's date), where a section label would not ("Press release").
    let mut first_named = None;
    // A standfirst under the headline is expected, and when read, it opens
    // the story: the outlet's summary of it, above the byline.
    let mut standfirst = false;
    let mut dek = None;
    // The line the masthead was read from: a tagline may follow it.
    let mut masthead_at = None;
    let mut previous = None;
    // A byline or a "Published" line has followed the headline: it stays.
    let mut settled = false;
    // The story has told a sentence: a teaser heading now ends it.
    let mut told = false;
    // The title was read above a byline, a date or a dateline, not only
    // taken for want of another.
    let mut headline_seen = false;
    // That title was read above a bare date only, which may head the next
    // line as well.
    let mut dated_only = false;
    for (at, raw) in lines.iter().enumerate() {
        let mut line = raw.trim();
        if line.is_empty() {
            blank = true;
            continue;
        }
        let after_masthead = previous.is_some() && previous == masthead_at;
        previous = Some(at);
        if state == State::Header {
            line = strip_header_date(line, &mut page);
            line = clutter::strip_editors_note(line);
            if line.is_empty() {
                continue;
            }
        }
        if state == State::Header {
            // "1. Floods: death toll rises": a list of other stories.
            if is_list_item(line) || is_hashtags(line) || is_banner(line) {
                continue;
            }
            if let Some(p) = published(line) {
                stamp_story(&mut page, p);
                settled |= page.title.is_some();
                continue;
            }
            // "Arab Times / KUNA": the site credits the wire it carries.
            if let Some((site, wire)) = line.split_once(" / ").filter(|(site, wire)| {
                is_masthead(site) && word_count(wire) == 1 && !wire.chars().any(char::is_lowercase)
            }) {
                page.masthead.get_or_insert(site.to_string());
                page.sign_off.get_or_insert(wire.to_string());
                continue;
            }
            if let Some(date) = date_line(line).filter(|_| byline(line).is_none()) {
                // "Monday, December 11th 2023 - 09:12 UTC" stamps the story,
                // as does a date under its byline; a date alone above them is
                // the page's own ("Thursday, January 15, 2026").
                // (Prayer times beside it are no stamp.)
                if (has_time(line) || settled) && date.year.is_some() && !beside_weather(line) {
                    stamp_story(&mut page, ("published", date, line.to_string()));
                    settled |= page.title.is_some();
                } else {
                    page.page_date.get_or_insert((date, line.to_string()));
                }
                continue;
            }
        }
        match clutter::classify(line) {
            Some(Clutter::BlockStart) => {
                // A teaser heading before any of the story's sentences is
                // site navigation ("Comments" under the byline).
                if state == State::Story && told {
                    break;
                }
                continue;
            }
            Some(Clutter::Line | Clutter::Caption) => {
                take_credit_bylines(line, &mut page.bylines);
                continue;
            }
            None => {}
        }
        if let Some(name) = (state == State::Header).then(|| signed_for(line, page.masthead.as_deref())).flatten() {
            page.bylines.push(name.to_string());
            settled |= page.title.is_some();
            continue;
        }
        // In the story, "by the end of trading" wraps a sentence.
        if let Some(names) = byline(line).filter(|_| state == State::Header || !line.starts_with("by ")) {
            settled |= page.title.is_some();
            match &names[..] {
                // "By AFP", "By: Associated Press", "By Addis Standard Staff":
                // a wire or the site, not a writer.
                [wire]
                    if !wire.contains(' ') && wire.chars().filter(|c| c.is_uppercase()).count() >= 2
                        || is_masthead(wire) =>
                {
                    let name = [" Staff", " Reporter", " Correspondent"].iter().find_map(|s| wire.strip_suffix(s));
                    _ = page.sign_off.get_or_insert(name.unwrap_or(wire).to_string())
                }
                // "By Al Jazeera Staff and News Agencies": the site's staff
                // with the wires, no writer.
                [site, agencies] if site.ends_with(" Staff") && agencies.eq_ignore_ascii_case("news agencies") => {
                    _ = page.sign_off.get_or_insert(site.trim_end_matches(" Staff").to_string())
                }
                _ => page.bylines.extend(names),
            }
            // "By IANS | Updated: April 5, 2025 16:40 IST", "By X | 11/07/2024 15:42",
            // "By X - November 24, 2022 @ 6:12pm".
            let stamp = |part: &str| {
                let dated = date_line(part).filter(|d| d.year.is_some()).map(|d| ("published", d, part.to_string()));
                published(part).or(dated)
            };
            if let Some(p) = line.split('|').flat_map(|p| p.split(" - ")).skip(1).find_map(|part| stamp(part.trim())) {
                stamp_story(&mut page, p);
            }
            continue;
        }
        if let Some(p) = published(line) {
            stamp_story(&mut page, p);
            continue;
        }
        if state == State::Header {
            first_named.get_or_insert(at);
            if let Some(d) = dateline::read(line, is_known_place) {
                line = line.get(d.len..).unwrap_or("").trim_start();
                page.dateline = Some(d);
                state = State::Story;
                if line.is_empty() {
                    continue;
                }
            } else if headline_seen && is_writer(line) {
                // "Katrin Vollmer" under the headline signs the story (not
                // under a line only taken for one: "Metro Plus" in a menu).
                page.bylines.extend(line.split(" and ").map(String::from));
                settled = true;
                continue;
            } else if standfirst && is_standfirst(line) {
                standfirst = false;
                dek = Some(line);
                continue;
            } else if settled && is_title(line) && !is_prose(line) {
                // Below the byline, a line right above the dateline, a date
                // or a writer is a caption.
                if headline_ahead(&lines[at + 1..], page.masthead.as_deref(), is_known_place) != Some(0) {
                    state = State::Story;
                } else {
                    continue;
                }
            } else if is_title(line) && !is_masthead(line) {
                // A headline stands right above its byline, its date or its
                // dateline, or above a standfirst above them; what looked
                // like one before it was a tagline, a section label or a menu.
                let below = headline_ahead(&lines[at + 1..], page.masthead.as_deref(), is_known_place);
                // A headline has a standfirst below it where that is a
                // sentence or the headline reads like one; a short line
                // (a menu, a section, a tagline) does not.
                let below = below
                    .filter(|&gap| gap == 0 || looks_like_headline(line) || standfirst_is_sentence(&lines[at + 1..]));
                match below {
                    // "THE HARBOUR REVIEW / News from the coast".
                    Some(1) | None if after_masthead => continue,
                    Some(gap) => {
                        page.title = Some(line.to_string());
                        standfirst = gap == 1;
                        headline_seen = true;
                        dated_only = headline_ahead_dated(&lines[at + 1..]);
                        continue;
                    }
                    // "Peace and Security / 25 March 2024 / Gaza: Council
                    // passes ...": the date under a section label heads the
                    // headline below it too.
                    None if dated_only && looks_like_headline(line) && !is_prose(line) => {
                        page.title = Some(line.to_string());
                        dated_only = false;
                        continue;
                    }
                    None if page.title.is_some() || is_prose(line) => state = State::Story,
                    None => {
                        page.title = Some(line.to_string());
                        continue;
                    }
                }
            } else if is_prose(line) || page.title.is_some() && !is_masthead(line) && word_count(line) > 2 {
                state = State::Story;
            } else if page.masthead.is_none()
                && page.title.is_none()
                && (is_masthead(line)
                    || (Some(at) == first || Some(at) == first_named && !line.chars().any(char::is_lowercase))
                        && word_count(line) <= 2
                        && !line.contains(':'))
                && !next_is_dateline(&lines[at + 1..], is_known_place)
            {
                // "MercoPress. South Atlantic News Agency": the name, not its
                // tagline; "新华网 Xinhua": its name in the page's language.
                let name = line.split(". ").next().unwrap_or(line);
                let name = name.split(", ").next().unwrap_or(name);
                let latin: Vec<&str> = name.split(' ').filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic())).collect();
                page.masthead = Some(if latin.is_empty() { name.to_string() } else { latin.join(" ") });
                masthead_at = Some(at);
                continue;
            } else {
                // A masthead-like line above the dateline is a wire headline;
                // other short header lines (a place, a stray word) are page
                // furniture.
                if page.title.is_none() && is_title(line) && next_is_dateline(&lines[at + 1..], is_known_place) {
                    page.title = Some(line.to_string());
                }
                continue;
            }
        }
        // "--IANS", "— Bernama": the wire signs off, on a line of its own or
        // ending the story ("— Winston Churchill" mid-story quotes a man).
        if let Some((rest, agency)) =
            wire_sign_off(line).filter(|(rest, _)| rest.is_empty() || next_line(&lines[at + 1..]).is_none())
        {
            page.sign_off.get_or_insert(agency);
            line = rest;
            if line.is_empty() {
                continue;
            }
        }
        // "This report by The Canadian Press was first published ...": the
        // wire's own credit line.
        if let Some((wire, _)) = line.strip_prefix("This report by ").and_then(|r| r.split_once(" was first published"))
        {
            page.sign_off.get_or_insert(wire.to_string());
            continue;
        }
        told = told || is_prose(line);
        if let Some(dek) = dek.take() {
            body.push_str(dek);
            blank = true;
        }
        if !body.is_empty() {
            body.push_str(if blank { "\n\n" } else { "\n" });
        }
        body.push_str(line);
        blank = false;
    }
    // A text that never got past its header is all story: its standfirst,
    // or its one short line.
    if body.is_empty() {
        if let Some(dek) = dek {
            body.push_str(dek);
        } else if let Some(title) = page.title.take() {
            body = title;
        }
    }
    if page.sign_off.is_none() {
        page.sign_off = sign_off(&body);
    }
    body.shrink_to_fit();
    page.body = body;
    page
}

/// Keeps the page's first stamp, unless it was an update and the story's
/// own publication comes after it ("Updated 27 July 2021" above "July 26,
/// 2021 20:48"): the story is dated when it first appeared.
fn stamp_story(page: &mut Page, p: (&'static str, Written, String)) {
    let earlier = |a: &Written, b: &Written| (a.year, a.month, a.day) <= (b.year, b.month, b.day);
    match &page.published {
        None => page.published = Some(p),
        Some(old) if old.0 == "updated" && p.0 == "published" && earlier(&p.1, &old.1) => page.published = Some(p),
        Some(_) => {}
    }
}

/// The first line after a header line that is not blank or clutter.
fn next_line<'a>(rest: &'a [&'a str]) -> Option<&'a str> {
    lines_below(rest, 6).next()
}

/// The lines among the next `within` that are not blank or clutter.
fn lines_below<'a>(rest: &'a [&'a str], within: usize) -> impl Iterator<Item = &'a str> + 'a {
    // (A stamp in figures, "2024-06-14 23:10", has no word and would pass
    // for a stray symbol row.)
    let kept = |l: &&str| clutter::classify(l).is_none() || date_line(l).is_some();
    rest.iter().take(within).map(|l| l.trim()).filter(move |l| !l.is_empty() && kept(l))
}

/// How far below a header line the lines that follow a headline stand (a
/// byline, a writer's name, a date, a "Published" line, the dateline):
/// right below (0), or below a standfirst (1).
fn headline_ahead(rest: &[&str], masthead: Option<&str>, is_known_place: &dyn Fn(&str) -> bool) -> Option<usize> {
    let mut next = lines_below(rest, 8);
    let follows = |l: &str| {
        byline(l).is_some()
            || signed_for(l, masthead).is_some()
            || published(l).is_some()
            || date_line(l).is_some() && !beside_weather(l)
            || is_writer(l)
            || dateline::read(l, is_known_place).is_some()
    };
    let below = next.next()?;
    if follows(below) {
        return Some(0);
    }
    (is_standfirst(below) && next.next().is_some_and(follows)).then_some(1)
}

/// Whether the line under a headline is a bare date (no byline, no
/// "Published" line, no dateline).
fn headline_ahead_dated(rest: &[&str]) -> bool {
    next_line(rest).is_some_and(|l| date_line(l).is_some() && byline(l).is_none() && published(l).is_none())
}

/// A headline's length, with no menu bars: "Tinubu signs N70,000 minimum
/// wage bill into law", not "Politics | Germany".
fn looks_like_headline(line: &str) -> bool {
    // (A headline does not end in a full stop: a line that does is the
    // standfirst below one.)
    word_count(line) >= 6 && !line.contains('|') && !line.ends_with('.')
}

/// Whether the line below, a standfirst, is a sentence.
fn standfirst_is_sentence(rest: &[&str]) -> bool {
    next_line(rest).is_some_and(|l| l.trim_end_matches(['"', '\'', '”', '’']).ends_with(['.', '!', '?']))
}

/// A standfirst: a sentence or a headline-like line of a summary, never in
/// capitals (a line in capitals above a stamp is the headline itself).
fn is_standfirst(line: &str) -> bool {
    (is_title(line) || is_prose(line)) && word_count(line) <= 60 && line.chars().any(char::is_lowercase)
}

/// A writer's name on a line of its own: "Katrin Vollmer".
fn is_writer(line: &str) -> bool {
    // "Kristen Lajoie and Owen Mathers": two of them.
    line.len() <= 60
        && !is_masthead(line)
        && line.split(" and ").all(|name| (2..=4).contains(&word_count(name)) && is_name_like(name))
}

/// Whether the next line opens the story with a dateline, as a wire
/// headline's does ("BAHIA COCOA REVIEW" above "SALVADOR, Feb 26 -").
fn next_is_dateline(rest: &[&str], is_known_place: &dyn Fn(&str) -> bool) -> bool {
    next_line(rest).is_some_and(|l| !beside_weather(l) && dateline::read(l, is_known_place).is_some())
}

/// A header line with the weather in it: "Buenos Aires, Sunday, November
/// 9, 2025 | 21°C", "Tuesday, January 14, 2025 | Kuwait City 14°C | Fajr
/// 05:14". Its date is the page's, printed the day it was read: it stamps
/// no story, follows no headline, and its place opens no dateline.
fn beside_weather(line: &str) -> bool {
    line.contains('°')
}

/// "1. Floods: death toll rises", "2) Markets close higher".
fn is_list_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && matches!(line.as_bytes().get(digits..digits + 2), Some(b". " | b") "))
}

/// A site's banner above the story, which reads as sentences where a
/// headline would not: "Weather alert: Showers possible tonight. See the
/// full forecast.", "Support our journalism. Subscribe for ad-free reading."
fn is_banner(line: &str) -> bool {
    if !line.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '!']) {
        return false;
    }
    let alert = find_ascii_ignoring_case(line, " alert:").is_some_and(|at| !line[..at].contains(' '));
    alert || ["subscribe", "subscription", "newsletter"].iter().any(|w| find_ascii_ignoring_case(line, w).is_some())
}

/// "TRENDING: #Floods  #FinanceBill2024": a row of tags.
fn is_hashtags(line: &str) -> bool {
    line.as_bytes().contains(&b'#')
        && line.split_whitespace().filter(|w| w.starts_with('#') && w.len() > 1).count() >= 2
}

/// "09:12", "9:31am": a time of day.
fn has_time(line: &str) -> bool {
    let b = line.as_bytes();
    (1..b.len().saturating_sub(2))
        .any(|i| b[i] == b':' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit() && b[i + 2].is_ascii_digit())
}

/// " date 2025-11-07 A senior diplomat..." carries a machine date header.
fn strip_header_date<'a>(line: &'a str, page: &mut Page) -> &'a str {
    let Some(rest) = line.strip_prefix("date ").or_else(|| line.strip_prefix("Date: ")) else {
        return line;
    };
    match dates::iso(rest.trim_start()) {
        Some(day) => {
            let rest = rest.trim_start();
            page.header_date.get_or_insert((day, format!("date {}", &rest[..10])));
            rest[10..].trim_start()
        }
        None => line,
    }
}

/// "By Maria Silva", "By Ana Ruiz and Tom Hale", "By Kim Min-ji, Staff Reporter".
fn byline(line: &str) -> Option<Vec<String>> {
    let Some(rest) = ["By ", "BY ", "by ", "By: ", "BY: ", "Author: ", "Reporter: ", "Writer: ", "WRITER: "]
        .iter()
        .find_map(|p| line.strip_prefix(p))
    else {
        return signed_line(line);
    };
    // "By Friday, officials had reached a deal.": a sentence.
    if line.ends_with(['.', '!', '?']) && word_count(line) > 6 {
        return None;
    }
    let rest = rest.split([',', '|', '(']).next()?.split(" - ").next()?.split(" – ").next()?.trim();
    // "By Rui Fontes in Lusail", "By defence correspondent Tom Lachlan".
    let rest = rest.split(" in ").next().unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| c.is_lowercase() || c == ' ');
    let names = rest.split(" and ").flat_map(|n| n.split(" AND ")).flat_map(|n| n.split(" & ")).map(str::trim);
    let names: Vec<String> = names.filter(|n| is_name_like(n)).map(String::from).collect();
    let words = word_count(rest);
    (!names.is_empty() && words <= 8).then_some(names)
}

/// "Hana Rahman | The Peninsula": a writer's name signed with the outlet.
fn signed_line(line: &str) -> Option<Vec<String>> {
    // Most lines have no bar; a byte search rules them out cheaply.
    if !line.as_bytes().contains(&b'|') {
        return None;
    }
    let (name, outlet) = line.split_once(" | ")?;
    let (name, outlet) = (name.trim(), outlet.trim());
    let names = (2..=3).contains(&word_count(name)) && is_name_like(name) && is_masthead(outlet);
    names.then(|| vec![name.to_string()])
}

/// "Lucía Ferrer | El País" under the masthead "EL PAÍS": a writer signing
/// with the site's own name, whatever its words. Returns the writer.
fn signed_for<'a>(line: &'a str, masthead: Option<&str>) -> Option<&'a str> {
    let (name, site) = line.split_once(" | ")?;
    let site_named = masthead.is_some_and(|m| lowercase(m) == lowercase(site.trim()));
    let name = name.trim();
    (site_named && (2..=4).contains(&word_count(name)) && is_name_like(name)).then_some(name)
}

/// Picks journalists' names out of "Reporting by X; Editing by Y" lines.
fn take_credit_bylines(line: &str, out: &mut Vec<String>) {
    for key in ["reporting by ", "writing by ", "editing by ", "compiled by "] {
        let mut from = 0;
        // Searched in the line itself: lower-casing can change byte lengths
        // ("İ"), and offsets into a lower-cased copy would not fit the line.
        while let Some(i) = find_ascii_ignoring_case(&line[from..], key) {
            let start = from + i + key.len();
            let rest = &line[start..];
            let end = rest.find([';', ')', '\n']).unwrap_or(rest.len());
            for name in rest[..end].split([',']).flat_map(|s| s.split(" and ")) {
                let name = name.trim();
                if is_name_like(name) && !out.iter().any(|n| n == name) {
                    out.push(name.to_string());
                }
            }
            from = start;
        }
    }
}

/// The byte offset of ASCII `needle` (lower case) in `hay`, ignoring ASCII
/// case. A match starts and ends on ASCII bytes, so on character boundaries.
fn find_ascii_ignoring_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn is_name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // "Marelize van Heerden": particles in lower case inside a name.
    (1..=4).contains(&words.len())
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| w.chars().next().is_some_and(char::is_uppercase) || i > 0 && is_particle(w))
}

/// "Published : Oct. 6, 2023 - 14:39", "Updated: 2021-02-03", "Posted on 12 May 2018".
fn published(line: &str) -> Option<(&'static str, Written, String)> {
    let head = line.as_bytes();
    let kind = ["published", "updated", "posted", "first published", "last updated", "update:", "last update"]
        .into_iter()
        .find(|k| head.get(..k.len()).is_some_and(|h| h.eq_ignore_ascii_case(k.as_bytes())))?;
    let kind = if kind.contains("update") { "updated" } else { "published" };
    if word_count(line) > 14 {
        return None;
    }
    let found = dates::find_all(line);
    let date = found.iter().find(|f| f.date.year.is_some()).map(|f| f.date);
    // "Published: 11.05.24, 20:46": a stamp may give the year in two digits.
    let date = date.or_else(|| line.split([' ', ',']).find_map(two_digit_year))?;
    Some((kind, date, line.to_string()))
}

/// "11.05.24" as 11 May 2024 (day first, as [`dates::numeric`] reads).
fn two_digit_year(word: &str) -> Option<Written> {
    let (day_month, yy) = word.rsplit_once(['.', '/'])?;
    if yy.len() != 2 || !yy.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d = dates::numeric(&format!("{day_month}.20{yy}"))?;
    Some(Written { year: Some(d.year), month: d.month, day: Some(d.day), weekday: None })
}

/// A header line that is only a date ("Thursday, January 15, 2026").
fn date_line(line: &str) -> Option<Written> {
    // "Friday, May 10, 2024 | Nairobi 24°C | E-Paper": the date in a row.
    if line.contains('|') {
        return line.split('|').find_map(|part| date_line(part.trim()));
    }
    // Only a short line can be one; most lines are not, and reading their
    // dates would be wasted.
    if line.len() > 64 {
        return None;
    }
    let found = dates::find_all(line);
    let f = found.first()?;
    let rest = format!("{} {}", &line[..f.start], &line[f.end..]);
    // "Philippine Daily Inquirer / 03:42 PM March 11, 2025": the time's
    // numbers and its "PM" are no words of a sentence.
    let time_word = |w: &str| {
        w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit())
            || w.eq_ignore_ascii_case("am")
            || w.eq_ignore_ascii_case("pm")
    };
    let extra = rest.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !time_word(w)).count();
    let short = line.len() <= 64 && !line.trim_end().ends_with(['.', '!', '?']);
    // "24 OCT, 21:40" too: a day with a time and no year is a stamp.
    let stamp = f.date.year.is_some() || has_time(line);
    (stamp && f.date.day.is_some() && extra <= 5 && short).then_some(f.date)
}

/// Prose: a sentence that ends like one, or a long run of words.
fn is_prose(line: &str) -> bool {
    let words = word_count(line);
    let ends = line.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '!', '?']);
    (words >= 8 && ends) || words >= 30
}

/// Outlet words that make a short header line a masthead.
const OUTLET_WORDS: &[&str] = &[
    "Herald", "Times", "Post", "News", "Daily", "Journal", "Tribune", "Gazette", "Telegraph", "Guardian", "Chronicle",
    "Express", "Observer", "Star", "Mail", "Standard", "Today", "Agency", "Press", "Wire", "Monitor", "Insider",
    "Live", "Review", "Weekly", "Magazine", "Broadcasting", "Radio", "Television", "Network", "Online", "Media", "Sun",
    "Independent", "Nation", "Inquirer", "Courier", "Dispatch", "Bulletin", "Globe", "Record", "Sentinel", "Economist",
    "Reporter", "Hindu", "Mirror", "Examiner",
];

/// A masthead is a short title-case header line naming the outlet.
fn is_masthead(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && !line.ends_with(['.', '?', '!', ':'])
        // ("Times of Malta", "The Globe and Mail": short words between.)
        && words.iter().enumerate().all(|(i, w)| {
            w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || i > 0 && matches!(*w, "of" | "and" | "the" | "de" | "del" | "du" | "la" | "di")
        })
        && (words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            OUTLET_WORDS.iter().any(|o| o.eq_ignore_ascii_case(w))
        })
            // "The Maple Ledger": a short all-capitalised name with "The".
            || words[0].eq_ignore_ascii_case("The") && (2..=4).contains(&words.len()))
}

/// A headline has a few words and does not end like a sentence.
fn is_title(line: &str) -> bool {
    let words = word_count(line);
    (3..=30).contains(&words) && line.len() <= 250
}

/// A wire's name after a dash ending a line: "-- BERNAMA", "— Bernama",
/// "--IANS", "==Kyodo". Returns the line without it, and the name.
fn wire_sign_off(line: &str) -> Option<(&str, String)> {
    // The last dash, sought by bytes ('—' is E2 80 94): decoding every
    // character of every line backwards is slow in the wasm build.
    let b = line.as_bytes();
    let mut end = b.len();
    let at = loop {
        end = b[..end].iter().rposition(|&c| matches!(c, b'-' | b'=' | 0x94))?;
        match end.checked_sub(2) {
            _ if b[end] != 0x94 => break end,
            Some(start) if b[start..end] == [0xE2, 0x80] => break start,
            _ => {}
        }
    };
    let name = line[at..].trim_start_matches(['-', '—', '=']).trim();
    let rest = line[..at].trim_end_matches(['-', '—', '=']).trim_end();
    // A dash inside a sentence is followed by more sentence, and the
    // marks around a name are set apart: "-- BERNAMA", not "Abu-Dhabi".
    let marked = line[at..].starts_with('—') || line[..at].ends_with(['-', '=']);
    let ok = marked
        && (rest.is_empty() || rest.ends_with(['.', '"', '”', ')']))
        && !name.is_empty()
        && name.len() <= 24
        && word_count(name) <= 3
        // "— Bernama pic" credits a photo.
        && name.split([' ', '-']).all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && name.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    ok.then(|| (rest, name.to_string()))
}

/// "(Yonhap)" or "(AP)" ending the story names the agency.
fn sign_off(body: &str) -> Option<String> {
    let t = body.trim_end();
    let inner = t.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let name = inner[open + 1..].trim();
    let ok = !name.is_empty()
        && name.len() <= 24
        && word_count(name) <= 3
        && name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
        && !matches!(name, "R" | "L" | "C");
    ok.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(p: &str) -> bool {
        matches!(p, "Lima" | "Nairobi" | "Seoul")
    }

    #[test]
    fn header_parts_are_taken_apart() {
        let text = "The Andes Courier\n\nFriday, March 8, 2024\n14 C\nLima\n\n\
            Peru and Chile sign port deal\n\nBy Ana Ruiz\n\nPublished : Mar. 8, 2024 - 10:02\n\n\
            Lima, March 7 (EFE) -- Peru and Chile signed a port agreement on Thursday.\n\n\
            The deal covers two terminals.\n\nRelated Articles\n\nBrazil votes on budget";
        let p = parse(text, &known);
        assert_eq!(p.masthead.as_deref(), Some("The Andes Courier"));
        assert_eq!(p.title.as_deref(), Some("Peru and Chile sign port deal"));
        assert_eq!(p.bylines, vec!["Ana Ruiz"]);
        assert_eq!(p.page_date.map(|d| d.0.day), Some(Some(8)));
        assert_eq!(p.published.as_ref().map(|p| p.1.year), Some(Some(2024)));
        let d = p.dateline.unwrap();
        assert_eq!(d.agency.as_deref(), Some("EFE"));
        assert!(p.body.starts_with("Peru and Chile signed"));
        assert!(p.body.ends_with("two terminals."));
        assert!(!p.body.contains("Brazil"));
    }

    #[test]
    fn a_stamp_under_the_headline_keeps_it_over_a_caption() {
        let text = "HARBOUR WIRE\n\nPort strike ends after two weeks\n\n\
            HARBOUR WIRE - Mar 4, 2024 - 19:21 | Business\n\n\
            Dockers leave the port gates in Valletta after the vote on March 4, 2024. (Harbour Wire)\n\n\
            VALLETTA - Dockers voted on Monday to end the strike.";
        let p = parse(text, &known);
        assert_eq!(p.title.as_deref(), Some("Port strike ends after two weeks"));
        assert!(p.body.starts_with("Dockers voted"), "{}", p.body);
    }

    #[test]
    fn labelled_bylines_and_mastheads_with_taglines() {
        let text = "Coastline Press, Island News Agency\n\nFerry service resumes on the northern route\n\n\
            Reporter: Dewi Lestari, Arif Nugroho\n\nThe ferry company resumed sailings on Tuesday after repairs.";
        let p = parse(text, &known);
        assert_eq!(p.masthead.as_deref(), Some("Coastline Press"));
        assert_eq!(p.title.as_deref(), Some("Ferry service resumes on the northern route"));
        assert_eq!(p.bylines, vec!["Dewi Lestari"]);
        // A stamp after the writers' names and a dash.
        let text = "Ferry service resumes\n\nBy Dewi Lestari - November 24, 2022 @ 6:12pm\n\nThe ferry sailed.";
        assert_eq!(parse(text, &known).published.map(|p| p.1.day), Some(Some(24)));
        let p = parse("港口日报 Harbour\n\nThe ferry company resumed sailings on Tuesday after repairs.", &known);
        assert_eq!(p.masthead.as_deref(), Some("Harbour"));
        // Short words inside a name.
        let text = "Times of the Harbour\nLocal | World | Sport\n\nFerry service resumes on the northern route\n\n\
            By Dewi Lestari\n\nThe ferry company resumed sailings on Tuesday after repairs.";
        assert_eq!(parse(text, &known).masthead.as_deref(), Some("Times of the Harbour"));
    }

    #[test]
    fn machine_date_headers_and_editors_notes_are_removed() {
        let p = parse(" date 2019-06-28 (ATTN: ADDS details)\n\nBy Li Wei\n\nNAIROBI, June 28 (Xinhua) -- Kenya's parliament met.", &known);
        assert_eq!(p.header_date.map(|d| d.0.to_string()), Some("2019-06-28".into()));
        assert_eq!(p.bylines, vec!["Li Wei"]);
        assert!(p.body.starts_with("Kenya's parliament"));
        let p = parse(" date 2019-06-28 Kenya's parliament passed the budget on Friday after a long debate.", &known);
        assert!(p.body.starts_with("Kenya's parliament"));
    }

    #[test]
    fn a_story_with_no_header_has_no_title() {
        let p = parse("Seoul, Nov 6 Officials met on Thursday to discuss trade.\nThey agreed to meet again.", &known);
        assert_eq!(p.title, None);
        assert_eq!(p.dateline.map(|d| d.place), Some("Seoul".into()));
        assert_eq!(p.sign_off, None);
    }

    #[test]
    fn wires_signing_off_after_a_dash_are_read() {
        let p = parse("Leaders signed the plan in the capital on Monday.\n\n--IANS\nint/rad\n", &known);
        assert_eq!(p.sign_off.as_deref(), Some("IANS"));
        assert_eq!(p.body, "Leaders signed the plan in the capital on Monday.");
        let p = parse("Leaders signed the plan in the capital on Monday.\nIt runs to 2045. — Bernama", &known);
        assert_eq!(p.sign_off.as_deref(), Some("Bernama"));
        assert_eq!(p.body, "Leaders signed the plan in the capital on Monday.\nIt runs to 2045.");
        // A dash inside a sentence is the sentence's.
        let p = parse("Leaders agreed on areas — trade and the Ünye port — Tuesday.", &known);
        assert_eq!(p.sign_off, None);
    }

    #[test]
    fn the_headline_is_the_line_above_the_byline_or_the_dateline() {
        let text = "THE HARBOUR REVIEW\nNews from the coast\nMarkets | Ports | Opinion\n\n\
            Peru and Chile sign port deal\n\nby Ana Ruiz in Callao\n\nLima, March 7 (EFE) -- Peru and Chile signed.";
        let p = parse(text, &known);
        assert_eq!(p.masthead.as_deref(), Some("THE HARBOUR REVIEW"));
        assert_eq!(p.title.as_deref(), Some("Peru and Chile sign port deal"));
        assert_eq!(p.bylines, vec!["Ana Ruiz"]);
        assert!(p.dateline.is_some());
        let p = parse(
            "Home  World  Americas\n\nPeru and Chile sign port deal\n\nLima, March 7 (EFE) -- Peru and Chile signed.",
            &known,
        );
        assert_eq!(p.title.as_deref(), Some("Peru and Chile sign port deal"));
        let p = parse("TimesLIVE\n\nPeru and Chile sign port deal\n\nBy AFP\n\nThe two countries signed the deal on Monday in Lima.", &known);
        assert_eq!((p.title.as_deref(), p.sign_off.as_deref()), (Some("Peru and Chile sign port deal"), Some("AFP")));
        let p = parse(
            "Peru and Chile sign port deal\n\nBy Lima Daily Staff\n\nThe two countries signed the deal on Monday.",
            &known,
        );
        assert_eq!((p.sign_off.as_deref(), p.bylines.len()), (Some("Lima Daily"), 0));
        assert!(p.bylines.is_empty());
        let text = "Premium Times\nLima's leading online newspaper\nNews | Sport | Opinion\n\n\
            Peru and Chile sign port deal\n\nThe pact also sets a review every three years.\n\nKatrin Vollmer\n\n\
            The two countries signed the deal on Monday in Lima.";
        let p = parse(text, &known);
        assert_eq!(p.title.as_deref(), Some("Peru and Chile sign port deal"), "a standfirst under the headline");
        assert_eq!(p.bylines, vec!["Katrin Vollmer"]);
        // The standfirst is the outlet's summary of the story: it opens the body.
        assert!(
            p.body.starts_with("The pact also sets a review every three years.\n\nThe two countries"),
            "{}",
            p.body
        );
        // A wire headline in capitals above its dateline is no masthead.
        let p = parse("PERU PORT REVIEW\nLIMA, March 3 - Peru's ports handled more cargo.", &known);
        assert_eq!((p.title.as_deref(), p.masthead), (Some("PERU PORT REVIEW"), None));
    }

    #[test]
    fn banners_menus_and_taglines_are_no_headline() {
        // A tagline taken for a headline, then a menu of names: the menu
        // signs nothing and the real headline still wins.
        let text = "Tuesday, February 18, 2025\n\nHARBOUR\nThe coast's busiest newspaper\n\nNews\nMetro Plus\nPort Life\n\nSearch | Subscribe\n\n\
            Peru and Chile sign port deal\n\nBy Ana Ruiz & Tom Hale\n10/06/2023 | 8:14 am\n\n\
            The two countries signed the deal on Monday in Lima.";
        let p = parse(text, &known);
        assert_eq!(p.title.as_deref(), Some("Peru and Chile sign port deal"));
        assert_eq!(p.masthead.as_deref(), Some("HARBOUR"));
        assert_eq!(p.bylines, vec!["Ana Ruiz", "Tom Hale"]);
        assert_eq!(p.published.map(|p| (p.1.year, p.1.month)), Some((Some(2023), 6)));
        // A banner of sentences and an account bar above the headline.
        let text = "KHTV-TV 9 Harbour City\nLog in | Newsletters\n\n\
            Weather alert: Fog along the coast tonight. See the full forecast.\n\n\
            Support local news. Subscribe for unlimited access.\n\n\
            Port strike ends after nine days\n\nUpdated: 7:48 PM EDT Mar 26, 2024\n\n\
            Dock workers returned on Tuesday after a nine-day strike over pay.";
        let p = parse(text, &known);
        assert_eq!(p.title.as_deref(), Some("Port strike ends after nine days"));
        assert_eq!(p.dateline, None);
        assert!(p.body.starts_with("Dock workers"), "{}", p.body);
        // A standfirst ends in a full stop; its headline does not.
        let text = "Home > Trade > Agreements\n\nPress release\n\nPeru and Chile sign port deal\n\n\
            The two countries have agreed to share two terminals from next year.\n\n\
            From: Ministry of Foreign Affairs, Ministry of Transport\nPublished 24 July 2025\n\n\
            The agreement was signed in Lima by the two foreign ministers.";
        assert_eq!(parse(text, &known).title.as_deref(), Some("Peru and Chile sign port deal"));
        // Writers with a particle, over a stamp in figures alone.
        let text = "Peru and Chile sign port deal\n\nAna Ruiz and Marelize van Heerden\n2024-06-14T23:10:00+02:00\n\n\
            The two countries signed the deal on Monday in Lima after talks.";
        let p = parse(text, &known);
        assert_eq!(p.bylines, vec!["Ana Ruiz", "Marelize van Heerden"]);
        assert_eq!(p.published.map(|p| p.1.day), Some(Some(14)));
        // A section label above a bare date, the headline below it.
        let text = "Peace and Security\n\n25 March 2024\n\nCouncil passes ceasefire demand as one member abstains\n\n\
            The council on Monday adopted a resolution demanding a ceasefire for the month.";
        assert_eq!(
            parse(text, &known).title.as_deref(),
            Some("Council passes ceasefire demand as one member abstains")
        );
        // "Lima Daily Courier / EFE": the site credits the wire it carries.
        let text =
            "Peru and Chile sign port deal\n\nLima Daily Courier / EFE\n\nThe two countries signed the deal on Monday.";
        let p = parse(text, &known);
        assert_eq!((p.masthead.as_deref(), p.sign_off.as_deref()), (Some("Lima Daily Courier"), Some("EFE")));
        // An outlet with a time and a date stamps the story; "By:" a wire.
        let text =
            "Peru and Chile sign port deal\n\nBy: Associated Press\nLima Daily Courier / 03:42 PM March 11, 2025\n\n\
            The two countries signed the deal on Monday in Lima.";
        let p = parse(text, &known);
        assert_eq!(p.published.map(|p| p.1.day), Some(Some(11)));
        assert_eq!((p.sign_off.as_deref(), p.bylines.len()), (Some("Associated Press"), 0));
    }

    #[test]
    fn sentences_are_not_bylines_or_sign_offs() {
        let text = "Officials met in the capital on Monday to discuss trade.\n\
            by President Alan Garcia, who said the talks would go on.\n\
            By Friday, officials had reached a deal on the budget.\n\
            \"We will fight on.\" — Winston Churchill\n\
            The talks resume next week.";
        let p = parse(text, &known);
        assert!(p.bylines.is_empty(), "{:?}", p.bylines);
        assert_eq!(p.sign_off, None);
        assert!(p.body.contains("Alan Garcia") && p.body.contains("Winston Churchill"));
        let p = parse(
            "Leaders met.\n\nBy IANS | Updated: April 5, 2025 16:40 IST\n\nThe two leaders signed the pact on Monday.",
            &known,
        );
        assert_eq!(p.sign_off.as_deref(), Some("IANS"));
        assert_eq!(p.published.map(|p| p.0), Some("updated"));
    }

    #[test]
    fn a_stamp_may_write_the_year_in_two_digits() {
        let p = parse("Published: 11.05.24, 20:46\n\nThe minister resigned on Tuesday after a long row.", &known);
        let w = p.published.map(|p| p.1);
        assert_eq!(w.map(|w| (w.year, w.month, w.day)), Some((Some(2024), 5, Some(11))));
    }

    #[test]
    fn a_stamp_with_a_time_dates_the_story_and_a_bare_date_the_page() {
        let p = parse("Monday, December 11th 2023 - 09:12 UTC\n\nMilei takes office\n\nThe new president spoke to the crowd outside Congress.", &known);
        assert!(p.published.is_some() && p.page_date.is_none());
        let p = parse(
            "Monday, December 11, 2023\n\nMilei takes office\n\nThe new president spoke to the crowd outside Congress.",
            &known,
        );
        assert!(p.published.is_none() && p.page_date.is_some());
        // Under the byline, a date stamps the story.
        let p = parse(
            "Milei takes office\n\nBy Ana Ruiz\nDecember 11, 2023\n\nThe new president spoke to the crowd outside Congress.",
            &known,
        );
        assert!(p.published.is_some() && p.page_date.is_none());
        // A date beside the weather is the page's, prayer times or not.
        let p = parse(
            "Tuesday, January 14, 2025 | Lima 24°C | Fajr 05:14\n\nMilei takes office\n\nThe new president spoke to the crowd outside Congress.",
            &known,
        );
        assert!(p.published.is_none() && p.page_date.is_some());
    }

    #[test]
    fn the_story_is_dated_when_it_first_appeared() {
        // An update above the publication stamp; a writer signing with the
        // site's name in its own spelling; a section's link above.
        let text = "HARBOUR PAÍS\n\nPORTS >\n\nPeru and Chile sign port deal\n\n\
            The two countries agreed to share two terminals.\n\nAna Ruiz Díaz | Harbour País\n\
            Updated 27 July 2021\nLima - Jul 26, 2021 - 14:05 CET\n\nThe deal was signed on Monday in Lima.";
        let p = parse(text, &known);
        assert_eq!(p.title.as_deref(), Some("Peru and Chile sign port deal"));
        assert_eq!(p.bylines, vec!["Ana Ruiz Díaz"]);
        let published = p.published.expect("a stamp");
        assert_eq!((published.0, published.1.day), ("published", Some(26)));
    }

    #[test]
    fn a_standfirst_with_no_story_below_is_the_body() {
        let p = parse(
            "Peru and Chile sign port deal\n\nThe two countries agreed to share two terminals.\n\nBy Ana Ruiz",
            &known,
        );
        assert_eq!(p.title.as_deref(), Some("Peru and Chile sign port deal"));
        assert_eq!(p.body, "The two countries agreed to share two terminals.");
    }

    #[test]
    fn capitals_in_the_header() {
        // A masthead above the page's date and weather (whose place opens no
        // dateline), a slogan above the headline in capitals (no standfirst
        // is in capitals), a byline in capitals.
        let text = "THE HARBOUR TIMES\nLima, Sunday, November 9, 2025 | 21°C Partly cloudy\n\n\
            PORTS OF THE PACIFIC 2025 — Trade and Growth\n\nPERU AND CHILE SIGN PORT DEAL\n\n26/10/2025 01:47 PM\n\n\
            BY ANA RUIZ AND TOM HALE\n\nLIMA, Oct 26 (Reuters) - The two countries signed the deal on Sunday.";
        let p = parse(text, &known);
        assert_eq!(p.masthead.as_deref(), Some("THE HARBOUR TIMES"));
        assert_eq!(p.title.as_deref(), Some("PERU AND CHILE SIGN PORT DEAL"));
        assert_eq!(p.bylines, vec!["ANA RUIZ", "TOM HALE"]);
    }

    #[test]
    fn a_tagline_above_the_pages_date_and_a_byline_with_its_stamp() {
        // Under a tagline, the day's date and the weather head the page,
        // not a story; the byline's stamp, set apart by bars, is no menu.
        let text = "THE HARBOUR POST\nNews for the coast | Noticias\nWednesday, March 12, 2025 | Lima 27°C\n\n\
            LATIN AMERICA\n\nPeru's Congress removes the president\n\nBy Ana Ruiz  |  December 7, 2022  |  5:12 pm\n\n\
            Lima, 7 Dec (EFE).- Congress removed the president on Wednesday.";
        let p = parse(text, &known);
        assert_eq!(p.title.as_deref(), Some("Peru's Congress removes the president"));
        assert_eq!(p.bylines, vec!["Ana Ruiz"]);
        assert_eq!(p.published.map(|p| (p.1.year, p.1.month, p.1.day)), Some((Some(2022), 12, Some(7))));
    }

    #[test]
    fn sign_offs_and_credit_lines_are_read() {
        let p = parse("Officials met on Thursday to discuss trade and agreed to meet.\n\nThey will meet again. (Yonhap)\n\n(Reporting by Jo Kim; Editing by Sam Lee)", &known);
        assert_eq!(p.sign_off.as_deref(), Some("Yonhap"));
        assert_eq!(p.bylines, vec!["Jo Kim", "Sam Lee"]);
        assert!(!p.body.contains("Reporting"));
        let p = parse("Port deal signed\n\nBy Harbour Wire Staff and News Agencies\n\nThe deal was signed on Monday in Lima, officials said.", &known);
        assert_eq!((p.sign_off.as_deref(), p.bylines.len()), (Some("Harbour Wire"), 0));
        let p = parse("Officials met on Thursday to discuss trade and agreed to meet.\n\nThis report by Harbour Wire was first published Feb. 27, 2025.", &known);
        assert_eq!(p.sign_off.as_deref(), Some("Harbour Wire"));
        assert!(!p.body.contains("first published"));
    }

    #[test]
    fn credit_lines_with_letters_that_change_length_in_lower_case() {
        let p = parse("Officials met in the city and agreed on a plan.\n(Reporting by Ece Toksabay in İstanbul; Editing by Ümit Bektaş)", &known);
        assert_eq!(p.bylines, vec!["Ümit Bektaş"]);
    }

    #[test]
    fn a_wire_headline_in_capitals_is_the_title() {
        let p = parse("PERU CUTS RATES\nLIMA, March 3 - Peru's central bank cut\nrates on Tuesday.", &known);
        assert_eq!(p.title.as_deref(), Some("PERU CUTS RATES"));
        assert!(p.body.starts_with("Peru's central bank cut\nrates"));
    }
}

//! Finds people who hold or held a public office, from the titles and
//! appositions news copy names them with:
//!
//! - title before name: "Japanese Vice Foreign Minister Takehiro Funakoshi",
//!   "ministry spokesperson Lee Jae-woong", "Bank of Japan Governor Satoshi Sumita";
//! - name, then title: "Park Yoon-joo, South Korea's first vice foreign minister";
//! - taking office: "Javier Milei was sworn in as president of Argentina";
//! - counterparts: "... and his Japanese counterpart, Masataka Okano".
//!
//! The office's country comes from a demonym or country name in it, a
//! country after it ("president of Argentina"), or its institution
//! ("Kremlin spokesman"); the corpus fills it in from other stories.
//!
//! Honorifics (Mr., Dr., Sheikh, Dato' Seri) are not part of a name. Later
//! short mentions ("Park", "Mr. Funakoshi") and one-letter misspellings
//! ("Okana" for "Okano") count as the same person. Bylines never become
//! officials, and titles that belong to a company ("Exxon President ...") do
//! not make an official.

use crate::extract::countries;
use crate::gazetteer::{self, Kind};
use crate::order::sort_short_by_key;
use crate::record::OfficialTag;
use crate::text::{capitalised, fold, is_sentence_start, Token};
use vocab::{
    vocab, Lower, BUSINESS_HEADS, CORPORATE_HEADS, COUNTERPART, FAMILY_FIRST, HEAD, HONORIFIC, MODIFIER, NAME_WORD,
    NOT_NAME, OPENERS, ORG, PARTICLES, PUBLIC_BODIES, PUBLIC_WORDS, SURNAME_PLACE,
};

mod vocab;

/// An office holder found in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    name: String,
    role: Option<String>,
    country: Option<&'static str>,
    evidence: String,
    /// Byte offset of the name, to attribute later short mentions.
    at: usize,
    /// The office stands before the name as its title ("President Lula").
    titled: bool,
    /// The person was sworn in or inaugurated: an office of state.
    sworn: bool,
    /// Byte range of the evidence in the text.
    span: (usize, usize),
}

/// Reads one article's officials.
struct Reader<'a> {
    text: &'a str,
    toks: &'a [Token],
    flags: Vec<u8>,
    /// Initials the story gives a public body: "the Supreme Election
    /// Council (YSK)" makes "YSK Chairman" a public office.
    bodies: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, toks: &'a [Token]) -> Self {
        let v = vocab();
        let g = gazetteer::get();
        let flags = toks
            .iter()
            .map(|t| {
                let word = &text[t.start..t.end];
                // Byte tests, not `strip_suffix('.')`: cheaper in a size-optimised build.
                let bare = if word.as_bytes().last() == Some(&b'.') { &word[..word.len() - 1] } else { word };
                let vocab = v.flags(bare);
                // A name word is capitalised, not all capitals (but initials),
                // no vocabulary word, no number, and no country, demonym,
                // capital or region (cities are also surnames), unless people
                // are often named so ("Jim Jordan", "Victoria Spartz").
                if !name_shaped(word) || vocab & (NOT_NAME | HEAD) != 0 {
                    return vocab;
                }
                let places = g.lookup(word);
                if places.iter().all(|p| matches!(p.kind, Kind::City | Kind::NotAPlace))
                    || countries::PERSON_NAMES.contains(&word)
                {
                    vocab | NAME_WORD
                } else if places.iter().all(|p| matches!(p.kind, Kind::Capital | Kind::Region | Kind::City)) {
                    // A surname after a given name (below).
                    vocab | SURNAME_PLACE
                } else {
                    vocab
                }
            })
            .collect();
        let bodies = if text.as_bytes().contains(&b'(') { initialled_bodies(text, toks) } else { Vec::new() };
        let mut r = Reader { text, toks, flags, bodies };
        // "Dr Sultan Al Jaber", "Sheikh Sultan bin Mohammed", "Mr King":
        // after a plain honorific, an office's word is a name ("Mr Justice
        // Millett" is a judge's style, though).
        for i in 1..toks.len() {
            // "Joseph Muscat", "Ricardo Lima": a capital or a region after a
            // given name is a surname.
            if r.has(i, SURNAME_PLACE) && r.has(i - 1, NAME_WORD) && r.spaced(i - 1) {
                r.flags[i] |= NAME_WORD;
            }
            if !r.has(i, HEAD) || !r.has(i - 1, HONORIFIC) {
                continue;
            }
            let address = matches!(r.lw(i - 1).as_str(), "dr" | "mr" | "mrs" | "ms" | "miss" | "sheikh" | "sheikha");
            if address && r.after_honorific(i - 1) && r.lw(i).as_str() != "justice" {
                r.flags[i] = r.flags[i] & !HEAD | NAME_WORD;
            }
        }
        r
    }

    /// Token `i` lower-cased; empty past the end or for long or non-ASCII words.
    fn lw(&self, i: usize) -> Lower<'a> {
        match self.toks.get(i) {
            Some(t) => Lower::new(&self.text[t.start..t.end]),
            None => Lower::new(""),
        }
    }

    fn has(&self, i: usize, flag: u8) -> bool {
        self.flags.get(i).is_some_and(|f| f & flag != 0)
    }

    fn word(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn gap(&self, i: usize) -> &'a str {
        // Between token i and i + 1, possessive "'s" included.
        match self.toks.get(i + 1) {
            Some(n) => &self.text[self.toks[i].end..n.start],
            None => "",
        }
    }

    fn spaced(&self, i: usize) -> bool {
        // A line break may wrap a phrase; a paragraph break ends it.
        let g = self.gap(i);
        !self.toks[i].possessive
            && !g.is_empty()
            && g.chars().all(|c| c == ' ' || c == '\n' || c == '\u{a0}')
            && !g.contains("\n\n")
    }

    /// "Mr. Funakoshi", "Dato' Seri Anwar": an honorific's own dot or
    /// apostrophe may stand before the space.
    fn after_honorific(&self, i: usize) -> bool {
        let g = self.gap(i);
        g.contains(' ') && g.chars().all(|c| matches!(c, ' ' | '.' | '\'' | '’'))
    }

    fn is_head(&self, i: usize) -> bool {
        if !self.has(i, HEAD) {
            return false;
        }
        let lower = self.lw(i);
        let w = lower.as_str();
        // Abbreviations and ambiguous words only count capitalised.
        match w {
            "sen" | "rep" | "gen" | "adm" | "general" | "chief" | "head" | "crown" | "prince" | "deputy"
            | "director" | "justice" | "judge" | "attorney" | "representative" | "speaker" | "leader" | "chair"
            | "commander" | "administrator" | "aide" | "counsellor" | "counselor" => {
                capitalised(self.word(i)) || w == "leader" || w == "chief" || self.qualified(i)
            }
            _ => true,
        }
    }

    /// "trade representative", "IMF head", "Senate speaker": a lower-case
    /// ambiguous head right after an office word, public body or country.
    fn qualified(&self, i: usize) -> bool {
        i > 0
            && self.spaced(i - 1)
            && (self.has(i - 1, MODIFIER) && !matches!(self.lw(i - 1).as_str(), "the" | "of" | "and" | "for" | "a")
                || PUBLIC_BODIES.contains(&self.word(i - 1))
                || self.country_ending_at(i - 1).is_some())
    }

    fn is_role_word(&self, i: usize) -> bool {
        // "Under Secretary", "under-secretary", but not "under President X".
        if self.has(i, MODIFIER) && self.word(i) == "under" && !self.toks[i].hyphen_next {
            return false;
        }
        self.has(i, MODIFIER) || self.is_head(i)
    }

    /// The country a token (or two) names, with how many tokens it takes,
    /// reading backwards from `i`.
    fn country_ending_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let g = gazetteer::get();
        for len in [2usize, 1] {
            if len > i + 1 {
                continue;
            }
            let s = i + 1 - len;
            if len == 2 && !self.spaced(s) {
                continue;
            }
            let phrase = &self.text[self.toks[s].start..self.toks[i].end];
            if let Some(p) = g
                .lookup(phrase)
                .iter()
                .find(|p| matches!(p.kind, Kind::Name | Kind::Demonym | Kind::Capital | Kind::Region))
            {
                // "Georgia Secretary of State": the US state, unless the
                // story is in the Caucasus.
                if p.code == "GE" && phrase == "Georgia" && !crate::extract::countries::in_caucasus(self.text) {
                    return Some(("US", len));
                }
                return Some((p.code, len));
            }
        }
        None
    }

    /// "King Felipe VI of Spain", "Rep. Jim Jordan of Ohio": the country
    /// after a titled name ending at token `last`.
    fn country_after_name(&self, last: usize) -> Option<&'static str> {
        let n = self.toks.len();
        if last + 2 >= n || !self.spaced(last) || self.lw(last + 1).as_str() != "of" || !self.spaced(last + 1) {
            return None;
        }
        let two = (last + 3 < n).then(|| self.country_ending_at(last + 3)).flatten().filter(|&(_, l)| l == 2);
        two.or_else(|| self.country_ending_at(last + 2).filter(|&(_, l)| l == 1)).map(|(code, _)| code)
    }

    /// A country named inside an office, after its head: "president of
    /// Argentina", "Governor of the Bank of Japan"; not an envoy's posting
    /// ("Ambassador to China" is not China's).
    fn country_within(&self, head: usize, end: usize) -> Option<&'static str> {
        (head + 1..=end)
            .take_while(|&k| !matches!(self.lw(k).as_str(), "to" | "in"))
            .find_map(|k| self.country_ending_at(k))
            .map(|(code, _)| code)
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.has(i, NAME_WORD)
    }

    fn is_honorific(&self, i: usize) -> bool {
        self.has(i, HONORIFIC) && capitalised(self.word(i))
    }

    /// An honorific opening a name, which the name leaves out: "Tan Sri
    /// Muhyiddin", but "Sri Mulyani", where "Sri" alone is a given name.
    fn is_address(&self, i: usize) -> bool {
        self.is_honorific(i) && !(self.word(i) == "Sri" && !(i > 0 && self.is_honorific(i - 1)))
    }

    /// Reads a name starting at token `i` (after any honorifics): the name,
    /// and the index of its last token.
    fn name_at(&self, mut i: usize) -> Option<(String, usize)> {
        // "His Highness Sheikh Mishal", "Her Excellency".
        if self.has(i, NOT_NAME) && matches!(self.word(i), "His" | "Her") && self.spaced(i) && self.is_address(i + 1) {
            i += 1;
        }
        // Most words are neither: no name starts there.
        if !self.has(i, HONORIFIC | NAME_WORD) {
            return None;
        }
        while i + 1 < self.toks.len() && self.is_address(i) && self.after_honorific(i) {
            i += 1;
        }
        if i >= self.toks.len() || !self.is_name_word(i) {
            return None;
        }
        let mut name = String::from(self.word(i));
        let mut last = i;
        let mut parts = 1;
        loop {
            let t = self.toks[last];
            if t.possessive || last + 1 >= self.toks.len() {
                break;
            }
            let next = last + 1;
            let w = self.word(next);
            if t.hyphen_next {
                // "Jae-myung", "al-Sabah": hyphenated parts may be lower-case,
                // and are one word with the part before.
                name.push('-');
                name.push_str(w);
                last = next;
                continue;
            }
            if parts >= 5 {
                break;
            }
            // Two capitals open a name ("JD Vance") but do not go on one.
            if w.len() == 2 && w.bytes().all(|b| b.is_ascii_uppercase()) && !is_roman(w) {
                break;
            }
            let gap = self.gap(last);
            // 'Francis "Chiz" Escudero': a nickname in quotes is passed over.
            if matches!(gap, " \"" | " “") && matches!(self.gap(next), "\" " | "” ") {
                let after = next + 1;
                if after < self.toks.len() && (self.is_name_word(after) || is_particle(self.word(after))) {
                    name.push(' ');
                    name.push_str(self.word(after));
                    last = after;
                    parts += 1;
                    continue;
                }
                break;
            }
            // "John F. Kennedy", "Fernand St. Germain".
            let initial_dot = (self.word(last).len() == 1 || self.word(last) == "St")
                && gap.starts_with('.')
                && gap.len() > 1
                && gap[1..].chars().all(char::is_whitespace);
            if !(self.spaced(last) || initial_dot) || gap.as_bytes().windows(2).any(|w| w == b"\n\n") {
                break;
            }
            let particle = is_particle(w)
                && next + 1 < self.toks.len()
                && (self.toks[next].hyphen_next
                    || (self.spaced(next) && (capitalised(self.word(next + 1)) || is_particle(self.word(next + 1)))));
            let initial =
                w.len() <= 4 && w.ends_with('.') || (w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()));
            // "Mohammed VI", "Benedict XVI"; "Liu He", "Hun Sen": a regnal
            // number, or a short given name after a family name.
            let regnal = is_roman(w);
            let short_given = parts == 1
                && w.len() <= 4
                && capitalised(w)
                && FAMILY_FIRST.contains(&self.word(i))
                // "Sen" the given name, not "Sen." the senator.
                && (!self.has(next, HEAD) || w.len() <= 3 && !self.gap(next).starts_with('.'));
            // "Governor Mervyn King said": an office's word as a surname,
            // where no name follows it.
            let head_surname = self.has(next, HEAD)
                && capitalised(w)
                && w.bytes().skip(1).any(|b| b.is_ascii_lowercase())
                && (next + 1 >= self.toks.len() || !self.spaced(next) || !capitalised(self.word(next + 1)));
            if particle
                || (self.is_name_word(next) && !self.is_role_word(next))
                || initial
                || regnal
                || short_given
                || head_surname
            {
                name.push(' ');
                name.push_str(w);
                last = next;
                parts += 1;
                continue;
            }
            break;
        }
        // A name does not end on a particle.
        while let Some((rest, tail)) = name.rsplit_once(' ') {
            if !is_particle(tail) {
                break;
            }
            name.truncate(rest.len());
            last -= 1;
        }
        // "James F." cut short before its family name is no name.
        if last > i && self.word(last).len() == 1 && self.word(last).bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        // "Swap Dealers", "Goldman Sachs International": an organisation.
        let organisation = (i..=last).any(|k| self.has(k, ORG))
            || (self.has(last + 1, ORG) && !self.toks[last].possessive && self.spaced(last));
        if organisation {
            return None;
        }
        Some((name, last))
    }

    /// The office that ends at token `head_end`, read backwards: its first
    /// token, the country it names, and whether a company qualifies it.
    fn role_before(&self, head_end: usize) -> (usize, Option<&'static str>, bool) {
        let mut start = head_end;
        let mut country = None;
        while start > 0 {
            let prev = start - 1;
            // Words of a role are joined by a space, a hyphen or "'s ".
            let possessive_space =
                self.toks[prev].possessive && self.gap(prev).trim_start_matches(['\'', '’', 's']).starts_with(' ');
            if !(self.spaced(prev) || self.toks[prev].hyphen_next || possessive_space) {
                break;
            }
            if let Some((code, len)) = self.country_ending_at(prev) {
                country.get_or_insert(code);
                start = prev + 1 - len;
                continue;
            }
            if self.toks[prev].possessive {
                break;
            }
            // "the 68-year-old finance minister": an age before the office.
            if prev >= 2 && self.is_age(prev) {
                start = prev - 2;
                continue;
            }
            if self.is_role_word(prev) && !matches!(self.lw(prev).as_str(), "the" | "and" | "of" | "for") {
                start = prev;
                continue;
            }
            if matches!(self.lw(prev).as_str(), "of" | "and" | "the") && prev > 0 && start <= head_end {
                // "Bank of Japan Governor", "Energy and Mines Minister".
                let before = prev - 1;
                if self.spaced(before)
                    && (self.is_role_word(before)
                        || self.country_ending_at(before).is_some()
                        || PUBLIC_BODIES.contains(&self.word(before)))
                {
                    start = prev;
                    continue;
                }
            }
            // "Bundesbank President", "BOJ Governor", "YSK Chairman".
            let w = self.word(prev);
            if PUBLIC_BODIES.contains(&w) || is_institution(w) || self.bodies.contains(&w) {
                start = prev;
                continue;
            }
            if let Some((from, code)) = self.country_before_portfolio(prev) {
                country.get_or_insert(code);
                start = from;
            }
            break;
        }
        // A capitalised word just before the office that is no place and no
        // public body is a company: "Exxon President", "Toyota Chairman".
        let corporate = start > 0 && {
            let q = start - 1;
            let w = self.word(q);
            // "Exxon President", or "the FARC's top commander".
            (self.spaced(q) || self.toks[q].possessive && self.gap(q).ends_with(' '))
                && capitalised(w)
                && !self.has(q, NOT_NAME)
                && !PUBLIC_BODIES.contains(&w)
                && self.country_ending_at(q).is_none()
                && !self.is_role_word(q)
                && !self.is_honorific(q)
                && !is_sentence_start(self.text, self.toks[q].start)
        };
        (start, country, corporate)
    }

    /// "Pakistan's climate change minister": one or two plain words of a
    /// portfolio, ending at `last`, between a possessive country and its
    /// office. Returns where the country starts, and its code.
    fn country_before_portfolio(&self, last: usize) -> Option<(usize, &'static str)> {
        let mut q = last;
        for _ in 0..2 {
            let w = self.word(q);
            let plain = w.len() > 2
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !matches!(w, "the" | "and" | "for" | "who" | "was" | "has" | "had" | "with" | "that" | "said");
            if !plain || q == 0 {
                return None;
            }
            let p = q - 1;
            if self.toks[p].possessive && self.gap(p).trim_start_matches(['\'', '’', 's']).starts_with(' ') {
                let (code, len) = self.country_ending_at(p)?;
                return Some((p + 1 - len, code));
            }
            if !self.spaced(p) {
                return None;
            }
            q = p;
        }
        None
    }

    /// Whether token `i` ends an age: "68-year-old".
    fn is_age(&self, i: usize) -> bool {
        i >= 2
            && self.word(i) == "old"
            && self.word(i - 1) == "year"
            && self.toks[i - 1].hyphen_next
            && self.toks[i - 2].hyphen_next
            && self.word(i - 2).bytes().all(|b| b.is_ascii_digit())
    }

    fn role_text(&self, start: usize, end: usize) -> Option<String> {
        let mut s = start;
        // The age is the person's, not the office's.
        if s + 2 <= end && self.is_age(s + 2) {
            s += 3;
        }
        loop {
            // "Saudi Arabia's", "South Korean", "Japanese", "the former".
            if s < end && self.country_ending_at(s + 1).is_some_and(|(_, l)| l == 2) {
                s += 2;
            } else if s <= end
                && (self.country_ending_at(s).is_some_and(|(_, l)| l == 1)
                    || matches!(self.lw(s).as_str(), "the" | "former" | "then" | "ex"))
            {
                s += 1;
            } else {
                break;
            }
        }
        // One space between words, as the office is shown and compared
        // ("economy\nminister" in hard-wrapped copy); abbreviated offices
        // written out ("Gov." is "Governor").
        (s <= end).then(|| {
            let words = self.text[self.toks[s].start..self.toks[end].end].split_whitespace();
            words.map(|w| written_out(w).unwrap_or(w)).collect::<Vec<_>>().join(" ")
        })
    }

    /// Whether an office found is that of a body the story named by its
    /// initials ("YSK Chairman").
    fn heads_a_body(&self, f: &Found) -> bool {
        f.role.as_deref().and_then(|r| r.split(' ').next()).is_some_and(|w| self.bodies.contains(&w))
    }

    fn head_is_corporate(&self, start: usize, end: usize) -> bool {
        (start..=end).all(|k| CORPORATE_HEADS.contains(&self.lw(k).as_str()) || !self.is_head(k))
    }
}

/// The initials a story gives its public bodies in brackets: "the Supreme
/// Election Council (YSK)", "Independent National Electoral Commission
/// (INEC)", "Environmental Protection Agency (EPA)".
fn initialled_bodies<'a>(text: &'a str, toks: &[Token]) -> Vec<&'a str> {
    let mut out = Vec::new();
    for i in 1..toks.len() {
        let (before, after) = (&text[toks[i - 1].end..toks[i].start], text.as_bytes().get(toks[i].end));
        let word = &text[toks[i].start..toks[i].end];
        let initials = (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
        if !initials || before.trim() != "(" || after != Some(&b')') {
            continue;
        }
        // The body's last word says it is a state's: not "Board of Trade",
        // "Bank" or "Union", which companies and unions also are.
        let body = &text[toks[i - 1].start..toks[i - 1].end];
        if ["Commission", "Council", "Committee", "Ministry", "Agency", "Authority", "Court", "Assembly", "Tribunal"]
            .contains(&body)
        {
            out.push(word);
        }
    }
    out
}

/// The office an abbreviation stands for: "Gov." or "Gov" is "Governor".
fn written_out(word: &str) -> Option<&'static str> {
    const ABBREVIATIONS: &[(&str, &str)] = &[
        ("Gov", "Governor"),
        ("Sen", "Senator"),
        ("Rep", "Representative"),
        ("Gen", "General"),
        ("Adm", "Admiral"),
        ("Amb", "Ambassador"),
        ("Pres", "President"),
    ];
    let w = word.trim_end_matches('.');
    ABBREVIATIONS.iter().find(|(a, _)| *a == w).map(|&(_, full)| full)
}

/// A regnal number: "II", "VI", "XVI".
/// "de", "al", "van": lower-case words of at most five letters, so most
/// words are ruled out before the list is searched.
pub(crate) fn is_particle(w: &str) -> bool {
    w.len() <= 5 && w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) && PARTICLES.contains(&w)
}

/// Capitalised and not all capitals, unless an initial or initials ("U.").
fn name_shaped(word: &str) -> bool {
    // Most words start in lower case, which their first byte settles.
    if !capitalised(word) {
        return false;
    }
    let b = word.as_bytes();
    if word.is_ascii() {
        // "JD Vance": two initials written without dots, unless they are
        // the common abbreviations of places and bodies.
        let initials = b.len() == 2 && !matches!(word, "US" | "UK" | "UN" | "EU" | "AU" | "PM" | "TV" | "AI" | "OK");
        return b.len() == 1 || initials || b.contains(&b'.') || b.iter().any(u8::is_ascii_lowercase);
    }
    !(word.len() > 1 && !word.contains('.') && word.chars().all(|c| !c.is_lowercase()))
}

fn is_roman(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Finds the officials in an article body. `bylines` are never officials.
pub fn extract(text: &str, toks: &[Token], bylines: &[String]) -> Vec<OfficialTag> {
    read(text, toks, bylines).0
}

/// The officials of an article body, and the names it writes without an
/// office (see [`name_mentions`]), from one reading.
pub fn read(text: &str, toks: &[Token], bylines: &[String]) -> (Vec<OfficialTag>, Vec<NameMention>) {
    let r = Reader::new(text, toks);
    (officials(&r, bylines), names(&r))
}

fn officials(r: &Reader<'_>, bylines: &[String]) -> Vec<OfficialTag> {
    let toks = r.toks;
    let mut found: Vec<Found> = Vec::new();
    let n = toks.len();
    let mut i = 0;
    while i < n {
        if !r.is_head(i) {
            i += 1;
            continue;
        }
        // Extend the office forwards over "of State", "of the Exchequer".
        let mut end = i;
        while end + 1 < n {
            let next = end + 1;
            // "President-elect", "Prime Minister-designate".
            if r.toks[end].hyphen_next && matches!(r.lw(next).as_str(), "elect" | "designate") {
                end = next;
                continue;
            }
            if !r.spaced(end) {
                break;
            }
            let after_of = matches!(r.lw(end).as_str(), "of" | "the");
            // "of Saudi Arabia": the second word of a country name too.
            let country_goes_on = r.country_ending_at(next).is_some_and(|(_, l)| l == 2) && next >= i + 2;
            if r.is_role_word(next)
                || after_of
                    && (r.country_ending_at(next).is_some()
                        || PUBLIC_BODIES.contains(&r.word(next))
                        // "president of the legislature", "of the republic"
                        // (capitalised, "Republic of China" goes on).
                        || matches!(r.word(next), "legislature" | "parliament" | "senate" | "congress" | "assembly" | "republic"))
                || country_goes_on
            {
                end = next;
            } else {
                break;
            }
        }
        while end > i && matches!(r.lw(end).as_str(), "of" | "the" | "and" | "for") {
            end -= 1;
        }
        end = posting_end(r, constituency_end(r, end));
        if let Some(f) = title_then_name(r, i, end)
            .or_else(|| name_then_title(r, i, end))
            .or_else(|| name_then_title(r, i, i))
            .or_else(|| name_then_took_office(r, i, end, found.last()))
        {
            let (mut f, next) = f;
            // "Japanese Foreign Minister Yoko Kamikawa and Defense Minister
            // Minoru Kihara": the second office is of the same country,
            // unless it names its own ("and the Taoiseach").
            f.country = f.country.or_else(|| f.role.as_deref().and_then(institution_country));
            if let Some(prev) = found.last().filter(|p| f.country.is_none() && p.country.is_some()) {
                if r.text.get(prev.span.1..f.span.0).is_some_and(|gap| gap.trim() == "and") {
                    f.country = prev.country;
                }
            }
            i = next;
            found.push(f);
            continue;
        }
        i = end + 1;
    }
    counterparts(r, &mut found);
    plural_offices(r, &mut found);
    found.retain(|f| is_public(f) || r.heads_a_body(f));
    predecessors(r, &mut found);
    heads_of_bodies(r, &mut found);
    leaders_by_country(r, &mut found);
    let byline_keys: Vec<String> = bylines.iter().map(|b| fold(b)).collect();
    found.retain(|f| !byline_keys.contains(&fold(&f.name)));
    merge(r, found)
}

/// Whether an office found is a public one. Companies have presidents,
/// chairmen, directors and spokesmen too: those offices count only where
/// they name a country or a public body ("Fed Chairman", "Brazilian
/// President", "Foreign Ministry spokesperson"), or as the formal title
/// "President" or "Vice President" before a name, which wire style gives
/// heads of state and not executives.
fn is_public(f: &Found) -> bool {
    let Some(role) = f.role.as_deref() else { return true };
    let words = || role.split([' ', '-']);
    let any_of = |list: &[&str], w: &str| list.iter().any(|b| b.eq_ignore_ascii_case(w));
    // "deputy director" is a director's office: "deputy" decides nothing
    // there. A deputy president is a state's.
    let directs = words().any(|w| w.eq_ignore_ascii_case("director") || w.eq_ignore_ascii_case("manager"));
    let mut heads =
        words().filter(|w| vocab().flags(w) & HEAD != 0 && !(directs && w.eq_ignore_ascii_case("deputy"))).peekable();
    let business = heads.peek().is_some() && heads.all(|h| any_of(BUSINESS_HEADS, h));
    !business
        || f.country.is_some()
        || f.sworn
        || f.titled && is_presidency(role, &f.evidence)
        || words().any(|w| any_of(PUBLIC_WORDS, w))
}

/// "President", "Vice President", "Outgoing President": the formal title.
/// Wires write it in lower case after "then" and "late" ("then-president
/// Anwar Sadat"), words a company's president is not given; `evidence` is
/// the phrase the office was read from, which keeps the "then" the role
/// leaves out.
fn is_presidency(role: &str, evidence: &str) -> bool {
    let title = match role.split_once(' ') {
        Some((when, rest))
            if ["outgoing", "incoming", "acting", "interim", "former", "late"]
                .iter()
                .any(|t| t.eq_ignore_ascii_case(when)) =>
        {
            rest
        }
        _ => role,
    };
    let title = ["-elect", "-designate"].iter().find_map(|s| title.strip_suffix(s)).unwrap_or(title);
    let mut words = evidence.split([' ', '-']);
    let first = words.next().unwrap_or("");
    // "former presidents Ali Hassan Mwinyi and Jakaya Kikwete": a company's
    // former presidents are not listed by name ("former president David
    // Rattee" may be a bank's).
    let former =
        first.eq_ignore_ascii_case("former") && words.next().is_some_and(|w| w.eq_ignore_ascii_case("presidents"));
    let then = first.eq_ignore_ascii_case("then") || first == "late" || former;
    matches!(title, "President" | "Vice President" | "Vice-President")
        || then && ["president", "vice president", "vice-president"].iter().any(|t| t.eq_ignore_ascii_case(title))
}

/// "Finance Minister Ana Ruiz": the office ends at `end`, the name follows.
fn title_then_name(r: &Reader<'_>, head: usize, end: usize) -> Option<(Found, usize)> {
    let comma = r.gap(end).trim() == ",";
    // "Gov. Roy Cooper", "Sen. Ted Budd": an abbreviated office.
    let abbreviated = r.is_honorific(end) && r.is_head(end) && r.after_honorific(end);
    if !(r.spaced(end) || comma || abbreviated) || end + 1 >= r.toks.len() {
        return None;
    }
    // "leader of the ruling Nur Otan": a party's name follows, not a person's
    // ("the Leader of the Opposition, Jeremy Corbyn" is a person).
    if !comma && matches!(r.lw(end).as_str(), "ruling" | "opposition" | "governing") {
        return None;
    }
    // "community leader Edmond Haununu-Ramo": a leader of no public body
    // (an "opposition leader" or a "party leader" sits in a legislature).
    let private = |q: &str| PRIVATE_LEADERS.contains(&q) && !matches!(q, "party" | "opposition");
    if head == end && head > 0 && r.lw(head).as_str() == "leader" && private(r.lw(head - 1).as_str()) {
        return None;
    }
    // "chairman of the New York Mercantile Exchange": an office read into
    // an organisation's name, which the words after it finish.
    // "Chief of Army Staff General X" is a general's rank, though.
    let rank = end > 0 && r.lw(end).as_str() == "general" && r.lw(end - 1).as_str() == "staff";
    if OPENERS.contains(&r.lw(end).as_str()) && !rank && (head..end).any(|k| matches!(r.lw(k).as_str(), "of" | "for")) {
        return None;
    }
    // "director general of the National Energy Authority", "of the
    // Council of Trade Unions": the body's last word is no one's name.
    if PUBLIC_BODIES.contains(&r.word(end + 1)) || r.has(end + 1, ORG) {
        return None;
    }
    let (name, last) = r.name_at(end + 1)?;
    // "sworn in as Deputy Prime Minister, Penny Wong as Foreign Minister":
    // a list of who took which office, not an office and its holder.
    if comma && (r.spaced(last) && r.lw(last + 1).as_str() == "as" || head > 0 && r.lw(head - 1).as_str() == "as") {
        return None;
    }
    // "Minister for Social Policies": a portfolio's last word, not a person;
    // nor a word after a posting ("ambassador to the U.S.\nSuggested").
    if !name.contains([' ', '-']) && (head..end).any(|k| matches!(r.lw(k).as_str(), "for" | "to" | "in")) {
        return None;
    }
    // "General Electric", "General Elections": a general has a full name.
    if matches!(r.lw(head).as_str(), "general" | "gen") && head == end && !name.contains([' ', '-']) {
        return None;
    }
    let (start, country, corporate) = r.role_before(head);
    if corporate && r.head_is_corporate(head, end) {
        return None;
    }
    let mut role = r.role_text(start, end);
    let country = country.or_else(|| r.country_within(head, end)).or_else(|| r.country_after_name(last));
    if role.as_deref().is_some_and(|x| x.eq_ignore_ascii_case("leader")) && country.is_none() && start == head {
        // A bare "leader" before a name is an office only in phrases like
        // "leader Kim Jong-un"; keep it but say no more than the text does.
        role = Some("leader".into());
    }
    let span = (r.toks[start].start, r.toks[last].end);
    let evidence = r.text[span.0..span.1].to_string();
    Some((
        Found { name, role, country, evidence, at: r.toks[end + 1].start, titled: true, sworn: false, span },
        last + 1,
    ))
}

/// "Park Yoon-joo, South Korea's first vice foreign minister, said": a name,
/// a comma, then an office with no name after it.
fn name_then_title(r: &Reader<'_>, head: usize, end: usize) -> Option<(Found, usize)> {
    let (start, country, corporate) = r.role_before(head);
    if corporate {
        return None;
    }
    // Skip "the", "a", "an" and the country before the office.
    let mut s = start;
    if s > 0 && matches!(r.lw(s - 1).as_str(), "the" | "a" | "an") && r.spaced(s - 1) {
        s -= 1;
    }
    // "Nursultan Nazarbayev, the country's first president": the story's
    // country, which the record's country gives it later.
    let ours = |k: usize| r.toks[k].possessive && matches!(r.lw(k).as_str(), "country" | "nation");
    let mut role_start = start;
    if s >= 2 && s == start && ours(s - 1) && r.lw(s - 2).as_str() == "the" && r.spaced(s - 2) {
        s -= 2;
        role_start = s + 1;
    }
    if s == 0 || r.gap(s - 1).trim() != "," {
        return None;
    }
    // "Steve Lykken, chairman of the National Turkey Federation": a company
    // office unless what it heads is public.
    if r.head_is_corporate(head, end) && r.lw(end + 1).as_str() == "of" {
        let n = r.toks.len();
        let public = (end + 2..(end + 8).min(n)).any(|k| PUBLIC_BODIES.iter().any(|b| b.eq_ignore_ascii_case(r.word(k))))
            // "president of Argentina", "governor of the Bank of Japan".
            || (end + 2..(end + 4).min(n)).any(|k| r.country_ending_at(k).is_some());
        if !public {
            return None;
        }
    }
    // The office must close the phrase: "..., foreign minister, said".
    let after = r.gap(end).trim_start();
    if !(after.starts_with([',', '.', ';', ')'])
        || end + 1 >= r.toks.len()
        || matches!(Some(r.lw(end + 1).as_str()), Some("said" | "says" | "who" | "told" | "of" | "in" | "at" | "for")))
    {
        return None;
    }
    let (name, first) = name_ending_at(r, s - 1)?;
    if !name.contains([' ', '-']) {
        return None;
    }
    let role = r.role_text(role_start, end);
    let country = country.or_else(|| r.country_within(head, end));
    let span = (r.toks[first].start, r.toks[end].end);
    let evidence = r.text[span.0..span.1].to_string();
    Some((Found { name, role, country, evidence, at: r.toks[first].start, titled: false, sworn: false, span }, end + 1))
}

/// The name of two or more words that ends at token `last`, and its first
/// token.
fn name_ending_at(r: &Reader<'_>, last: usize) -> Option<(String, usize)> {
    // Up to five words; hyphenated parts are one word with the part before
    // ("Mishal Al-Ahmad Al-Jaber Al-Sabah").
    let (mut first, mut words) = (last, 1);
    while first > 0 && last - first < 10 {
        let hyphen = r.toks[first - 1].hyphen_next;
        let word = r.spaced(first - 1) && (r.is_name_word(first - 1) || is_particle(r.word(first - 1)));
        if !(hyphen || word && words < 5) {
            break;
        }
        words += usize::from(!hyphen);
        first -= 1;
    }
    while first < last && r.is_address(first) {
        first += 1;
    }
    if r.toks[last].possessive {
        return None;
    }
    let (name, name_last) = r.name_at(first)?;
    (name_last == last).then_some((name, first))
}

/// "MP for Spen Valley", "Senator for Victoria": a member's seat, up to
/// three capitalised words, is part of the office. Returns the office's
/// new last token.
fn constituency_end(r: &Reader<'_>, end: usize) -> usize {
    let member = matches!(r.lw(end).as_str(), "mp" | "msp" | "mla" | "mep" | "senator" | "member");
    if !member || !r.spaced(end) || r.lw(end + 1).as_str() != "for" || !r.spaced(end + 1) {
        return end;
    }
    let mut last = end + 1;
    while last + 1 < r.toks.len() && last < end + 4 && capitalised(r.word(last + 1)) {
        last += 1;
        if !r.spaced(last) && !r.toks[last].hyphen_next {
            break;
        }
    }
    // "the MP for Spen Valley, Kim Leadbeater": the seat ends at a comma.
    if last == end + 1 || r.gap(last).trim() != "," {
        end
    } else {
        last
    }
}

/// "Ambassador to China", "ambassador in Lima", "envoy to the UN": an
/// envoy's posting, a country, a capital or a body, is part of the office.
/// Returns the office's new last token.
fn posting_end(r: &Reader<'_>, end: usize) -> usize {
    let n = r.toks.len();
    let envoy = matches!(r.lw(end).as_str(), "ambassador" | "envoy" | "consul");
    if !envoy || end + 2 >= n || !r.spaced(end) || !matches!(r.lw(end + 1).as_str(), "to" | "in") || !r.spaced(end + 1)
    {
        return end;
    }
    let mut k = end + 2;
    if r.lw(k).as_str() == "the" && r.spaced(k) && k + 1 < n {
        k += 1;
    }
    let country = [k + 1, k]
        .into_iter()
        .find(|&last| last < n && r.country_ending_at(last).is_some_and(|(_, len)| last + 1 - len == k));
    country.unwrap_or(if PUBLIC_BODIES.contains(&r.word(k)) { k } else { end })
}

/// Verbs before a name that give it an office: "named Ana Ruiz as envoy".
const APPOINTING: &[&str] =
    &["appointed", "named", "nominated", "elected", "elects", "suspended", "sacked", "fired", "dismissed", "removed"];

/// Verbs that put a person into an office: "was sworn in as", "was elected",
/// "took office as", "began her term as", "became".
const TAKES_OFFICE: &[&str] = &[
    "sworn", "elected", "appointed", "named", "inaugurated", "installed", "confirmed", "office", "term", "oath",
    "became", "becomes", "chosen", "nominated", "designated", "reappointed", "retained", "remains", "stays",
    "succeeds", "succeeded", "resigned", "resigns", "ousted", "returns", "returned", "endorsed", "become",
];

/// Words that may stand between such a verb and the office: "as Malaysia's
/// 10th", "the first American", "her second five-year".
const BEFORE_OFFICE: &[&str] = &[
    "the", "a", "an", "as", "first", "second", "third", "new", "next", "youngest", "oldest", "only", "last", "interim",
    "acting", "its", "their", "his", "her", "democratically", "elected", "female", "woman", "year", "old", "five",
    "postwar", "four", "six", "seven", "two",
];

/// "Javier Milei was sworn in as president of Argentina", "Friedrich Merz
/// was elected Germany's chancellor", "Kaja Kallas took office on Sunday as
/// the European Union's foreign policy chief". `prev` is the office found
/// just before, which a list of appointments goes on from.
fn name_then_took_office(r: &Reader<'_>, head: usize, end: usize, prev: Option<&Found>) -> Option<(Found, usize)> {
    let (start, mut country, corporate) = r.role_before(head);
    // "elected Tomas Varga prime minister": the name before the office is
    // no company's.
    let given = |first: usize| given_office(r, first, prev).is_some();
    let corporate =
        corporate && !name_ending_at(r, start - 1).is_some_and(|(name, first)| name.contains(' ') && given(first));
    // "named X as its new general manager": a company's office, read short.
    if corporate || r.spaced(end) && matches!(r.lw(end + 1).as_str(), "manager" | "counsel") {
        return None;
    }
    // Back over ordinals, articles and an organisation's possessive.
    let mut p = start;
    while p > 0 {
        let q = p - 1;
        let joined = r.spaced(q) || r.toks[q].hyphen_next || r.toks[q].possessive && r.gap(q).ends_with(' ');
        if !joined {
            break;
        }
        let w = r.lw(q);
        let w = w.as_str();
        let ordinal = r.word(q).starts_with(|c: char| c.is_ascii_digit());
        let org = r.toks[q].possessive && capitalised(r.word(q)) || r.toks[q].hyphen_next;
        let named = r.country_ending_at(q);
        if let Some((code, _)) = named {
            // "as Australia's 31st prime minister": the country before the ordinal.
            country.get_or_insert(code);
        }
        if BEFORE_OFFICE.contains(&w) && w != "as" || ordinal || org || named.is_some() {
            p = q;
            continue;
        }
        break;
    }
    // Back over the verb phrase, which must name taking office, to the name.
    let mut k = p;
    // "was elected Germany's chancellor": the verb may be among the words
    // stepped over above.
    let mut took = (p..start).any(|q| TAKES_OFFICE.contains(&r.lw(q).as_str()));
    let mut sworn = false;
    let mut steps = 0;
    while k > 0 && steps < 9 {
        let q = k - 1;
        if !r.spaced(q) && !r.toks[q].hyphen_next {
            break;
        }
        let word = r.word(q);
        let lower = r.lw(q);
        let weekday = crate::extract::dates::weekday(word).is_some();
        if capitalised(word) && !weekday {
            break;
        }
        took |= TAKES_OFFICE.contains(&lower.as_str());
        sworn |= matches!(lower.as_str(), "sworn" | "inaugurated" | "oath");
        k = q;
        steps += 1;
    }
    // "suspended Godwin Emefiele as governor", "named Ana Ruiz as envoy":
    // the verb stands before the name, and only "as" after it.
    let verb_first = !took && k + 1 == p && r.lw(k).as_str() == "as";
    // "elected Liu Jinguo director of ...": or nothing after it.
    let bare = !took && k == p && k > 0 && r.spaced(k - 1);
    if !(took || verb_first || bare) || k == 0 || k == p && !bare {
        return None;
    }
    let mut last = k - 1;
    // Set apart by commas, a full name, and no relative clause ("MacDonald,
    // who remains as vice-chairman" is read elsewhere, if at all).
    let set_apart = r.gap(last).trim() == ",";
    if set_apart && r.lw(k).as_str() == "who" {
        return None;
    }
    if !r.spaced(last) {
        let named = |at: usize| name_ending_at(r, at).is_some_and(|(n, _)| n.contains([' ', '-']));
        let seat = |at: usize| name_ending_at(r, at).is_some_and(|(_, f)| f > 0 && r.lw(f - 1).as_str() == "for");
        match r.gap(last).trim() {
            // "Lai Ching-te (賴清德) was sworn in", "Ana Ruiz (63) was elected":
            // a parenthesis after the name is stepped over,
            ")" => last = (last.saturating_sub(4)..last).rev().find(|&j| r.gap(j).trim_end().ends_with('('))?,
            // as is an apposition between commas ("Lindsay Hoyle, MP for
            // Chorley, has been elected"), within the sentence.
            // A seat is no person: "Manele, the Member for Hograno-Kia-Havulei,".
            "," if !named(last) || seat(last) => {
                last = (last.saturating_sub(16)..last)
                    .rev()
                    .take_while(|&j| !r.gap(j).contains(['.', ';']) || r.gap(j).trim() == ".")
                    .find(|&j| r.gap(j).trim() == ",")?;
            }
            "," => {}
            _ => return None,
        }
    }
    // "Cardinal Robert Francis Prevost of Chicago was elected": step over
    // "of Chicago".
    if last >= 2 && matches!(r.lw(last - 1).as_str(), "of" | "from") && gazetteer::get().is_place(r.word(last)) {
        last -= 2;
    }
    let (name, first) = name_ending_at(r, last)?;
    if (set_apart || bare) && !name.contains([' ', '-']) {
        return None;
    }
    // With no verb after the name, the office is given by one before it,
    // or by the list it goes on, whose oath it shares ("sworn in as Deputy
    // Prime Minister, Penny Wong as Foreign Minister, Jim Chalmers as
    // Treasurer").
    if verb_first || bare {
        let listed = given_office(r, first, prev)?;
        sworn |= listed && prev.is_some_and(|p| p.sworn);
    }
    let role = r.role_text(start, end);
    let country = country.or_else(|| r.country_within(head, end));
    let span = (r.toks[first].start, r.toks[end].end);
    let evidence = r.text[span.0..span.1].to_string();
    Some((Found { name, role, country, evidence, at: r.toks[first].start, titled: false, sworn, span }, end + 1))
}

/// Whether the name starting at token `first` is given the office after it
/// by a verb before it ("named Ana Ruiz as envoy"), or by the verb of a list
/// it goes on ("named A as finance minister and B as foreign minister"),
/// `prev` being the list's office before. Returns whether it was the list.
fn given_office(r: &Reader<'_>, first: usize, prev: Option<&Found>) -> Option<bool> {
    if first == 0 {
        return None;
    }
    if r.spaced(first - 1) && APPOINTING.contains(&r.lw(first - 1).as_str()) {
        return Some(false);
    }
    let joint = if r.spaced(first - 1) && r.lw(first - 1).as_str() == "and" {
        first.checked_sub(2).filter(|&j| r.spaced(j) || r.gap(j).trim() == ",")
    } else {
        Some(first - 1).filter(|&j| r.gap(j).trim() == ",")
    };
    // The office before was read after its holder's name, as these are.
    let appointed = |f: &Found| f.evidence.strip_prefix(f.name.as_str()).is_some_and(|r| r.starts_with(' '));
    joint.is_some_and(|j| prev.is_some_and(|f| f.span.1 == r.toks[j].end && appointed(f))).then_some(true)
}

/// "his Japanese counterpart, Takehiro Funakoshi": the same office as the
/// official just named, in the country the demonym gives.
fn counterparts(r: &Reader<'_>, found: &mut Vec<Found>) {
    for i in 1..r.toks.len() {
        if !r.has(i, COUNTERPART) || !matches!(r.lw(i).as_str(), "counterpart" | "counterparts") {
            continue;
        }
        let country = r.country_ending_at(i - 1).map(|(c, _)| c);
        let gap = r.gap(i).trim();
        if !(gap.is_empty() || gap == ",") || i + 1 >= r.toks.len() {
            continue;
        }
        let Some((name, last)) = r.name_at(i + 1) else { continue };
        let at = r.toks[i].start;
        let role = found
            .iter()
            .filter(|f| f.at < at)
            .max_by_key(|f| f.at)
            .and_then(|f| f.role.clone())
            .map(|role| strip_ordinal(&role));
        let from = if country.is_some() { i - 1 } else { i };
        let span = (r.toks[from].start, r.toks[last].end);
        let evidence = r.text[span.0..span.1].to_string();
        found.push(Found { name, role, country, evidence, at: r.toks[i + 1].start, titled: false, sworn: false, span });
    }
}

/// "Merz, who succeeds Olaf Scholz", "sworn in as prime minister, taking
/// over from Justin Trudeau": the person an official follows held the same
/// office. The official is the one named just before, in the same sentence
/// or as its "he" or "she"; "replaced X with Y" and "was replaced by" say
/// something else.
fn predecessors(r: &Reader<'_>, found: &mut Vec<Found>) {
    for i in 2..r.toks.len().saturating_sub(1) {
        // The words as written, lower case, compared without copying; most
        // tokens are ruled out by their first letter.
        if !matches!(r.text.as_bytes()[r.toks[i].start], b's' | b'r' | b'f') {
            continue;
        }
        let verb = match r.word(i) {
            "succeeds" | "succeeded" | "succeeding" | "replaces" | "replaced" | "replacing" => i,
            "from" if r.word(i - 1) == "over" => match r.word(i - 2) {
                "take" | "takes" | "took" | "taking" => i - 2,
                _ => continue,
            },
            _ => continue,
        };
        if !r.spaced(i)
            || verb == 0
            || matches!(r.lw(verb - 1).as_str(), "was" | "were" | "been" | "be" | "is" | "being")
        {
            continue;
        }
        let Some((name, last)) = r.name_at(i + 1) else { continue };
        if !name.contains(' ') || r.lw(last + 1).as_str() == "with" || found.iter().any(|f| f.name == name) {
            continue;
        }
        let at = r.toks[verb].start;
        let before = found.iter().filter(|f| f.span.1 <= at).max_by_key(|f| f.span.1);
        // The official this sentence named, or the one its "he" or "she"
        // stands for, or "Merz, who succeeds": the name before "who".
        let (successor, same_sentence) = match r.lw(verb - 1).as_str() {
            "who" if verb >= 2 => (found.iter().find(|f| f.name.rsplit(' ').next() == Some(r.word(verb - 2))), false),
            // "He" is whom the story is about: the official it names first
            // ("Wong was sworn in before Chief Justice Menon. He succeeds").
            "he" | "she" => (found.iter().filter(|f| f.span.1 <= at).min_by_key(|f| f.span.0), false),
            // "Merz succeeds Olaf Scholz": an official named before, by surname.
            _ if capitalised(r.word(verb - 1)) => {
                match found.iter().find(|f| f.span.1 <= at && f.name.rsplit(' ').next() == Some(r.word(verb - 1))) {
                    Some(f) => (Some(f), false),
                    None => (before.filter(|f| !r.text[f.span.1..at].contains(". ")), true),
                }
            }
            _ => (before.filter(|f| !r.text[f.span.1..at].contains(". ")), true),
        };
        let Some(successor) = successor.filter(|f| f.role.is_some() && f.name.contains(' ')) else { continue };
        // "to be the next prime minister, replacing X": an office named
        // between the successor and the verb is the one handed over.
        let from = r.toks.partition_point(|t| t.start < successor.span.1);
        let (role, country) = match (from..verb).rev().find(|&k| same_sentence && r.is_head(k)) {
            Some(k) => match r.role_before(k) {
                // "elected Charter's chairman, succeeding X": a company's.
                (_, _, true) => continue,
                (start, country, false) => (r.role_text(start, k), country),
            },
            None => (successor.role.clone(), successor.country),
        };
        // The new office holder's "new" or "fourth" is not the old one's.
        let role = role.map(|x| {
            let old = ["new ", "incoming ", "next "].iter().find_map(|w| x.strip_prefix(w)).unwrap_or(&x);
            match old.split_once(' ') {
                Some((n, rest)) if is_ordinal(n) => rest.to_string(),
                _ => old.to_string(),
            }
        });
        let span = (at, r.toks[last].end);
        let evidence = r.text[span.0..span.1].to_string();
        let f = Found { name, role, country, evidence, at: r.toks[i + 1].start, titled: false, sworn: false, span };
        if is_public(&f) {
            found.push(f);
        }
    }
}

/// "Foreign Ministers Penny Wong and Winston Peters", "former ministers Ana
/// Ruiz and Tom Hale": an office in the plural before the two names it gives.
fn plural_offices(r: &Reader<'_>, found: &mut Vec<Found>) {
    for i in 0..r.toks.len().saturating_sub(4) {
        // A name follows, and the office is capitalised or qualified
        // ("former presidents"): most tokens are ruled out by flags.
        if !r.is_name_word(i + 1) || !(capitalised(r.word(i)) || i > 0 && r.has(i - 1, MODIFIER)) || !r.spaced(i) {
            continue;
        }
        let Some(one) = r.word(i).strip_suffix('s') else { continue };
        if vocab().flags(one) & HEAD == 0 {
            continue;
        }
        let Some((first, l1)) = r.name_at(i + 1) else { continue };
        if l1 + 2 >= r.toks.len() || r.word(l1 + 1) != "and" || !r.spaced(l1) || !r.spaced(l1 + 1) {
            continue;
        }
        let Some((second, l2)) = r.name_at(l1 + 2) else { continue };
        let (start, country, corporate) = r.role_before(i);
        if corporate || !first.contains(' ') || !second.contains(' ') {
            continue;
        }
        let role = r.role_text(start, i).map(|t| t.strip_suffix('s').unwrap_or(&t).to_string());
        for (name, at, last) in [(first, i + 1, l1), (second, l1 + 2, l2)] {
            if found.iter().any(|f| f.name == name) {
                continue;
            }
            let span = (r.toks[start].start, r.toks[last].end);
            let evidence = r.text[span.0..span.1].to_string();
            let at = r.toks[at].start;
            found.push(Found { name, role: role.clone(), country, evidence, at, titled: true, sworn: false, span });
        }
    }
}

/// "the US Federal Reserve, chaired by Jerome Powell": the head of a public
/// body the sentence has just named.
fn heads_of_bodies(r: &Reader<'_>, found: &mut Vec<Found>) {
    for i in 1..r.toks.len().saturating_sub(2) {
        // Most tokens are ruled out by their first letter.
        if !matches!(r.text.as_bytes()[r.toks[i].start], b'c' | b'l' | b'h') || r.word(i + 1) != "by" {
            continue;
        }
        let head = match r.word(i) {
            "chaired" => "chair",
            "led" | "headed" => "head",
            _ => continue,
        };
        let end = i - 1;
        if r.gap(end).trim() != "," || !r.spaced(i) || !PUBLIC_BODIES.contains(&r.word(end)) {
            continue;
        }
        let Some((name, last)) = r.name_at(i + 2) else { continue };
        if !name.contains(' ') || found.iter().any(|f| f.name == name) {
            continue;
        }
        let mut first = end;
        while first > 0 && r.spaced(first - 1) && capitalised(r.word(first - 1)) {
            first -= 1;
        }
        let body = &r.text[r.toks[first].start..r.toks[end].end];
        let country = (first..=end).find_map(|k| r.country_ending_at(k)).map(|(code, _)| code);
        let span = (r.toks[first].start, r.toks[last].end);
        let evidence = r.text[span.0..span.1].to_string();
        let role = Some(format!("{body} {head}"));
        found.push(Found { name, role, country, evidence, at: r.toks[i + 2].start, titled: false, sworn: false, span });
    }
}

/// "Seven heads of state attended, among them Brazil's Luiz Inácio Lula da
/// Silva, Chile's Gabriel Boric ...", "world leaders including France's
/// Emmanuel Macron": people listed by their country in a sentence that
/// names their office in the plural.
fn leaders_by_country(r: &Reader<'_>, found: &mut Vec<Found>) {
    for k in 0..r.toks.len().saturating_sub(1) {
        // Most tokens are no possessive; few of those are a country's.
        if !r.toks[k].possessive || !r.gap(k).ends_with(' ') {
            continue;
        }
        let Some((code, len)) = r.country_ending_at(k) else { continue };
        let Some((name, last)) = r.name_at(k + 1) else { continue };
        if !name.contains(' ') || found.iter().any(|f| f.name == name) {
            continue;
        }
        // Back through the sentence to the office in the plural.
        let first = k + 1 - len;
        let Some((role, at)) = (first.saturating_sub(40)..first)
            .rev()
            .take_while(|&j| !r.gap(j).contains(['.', ';', '!', '?']) && !r.gap(j).contains("\n\n"))
            .find_map(|j| plural_office(r, j).map(|role| (role, j)))
        else {
            continue;
        };
        let span = (r.toks[first].start, r.toks[last].end);
        let plural_end = if role.starts_with("head of") { at + 2 } else { at };
        let plural = &r.text[r.toks[at].start..r.toks[plural_end].end];
        let evidence = format!("{} (among the {plural})", &r.text[span.0..span.1]);
        let f = Found {
            name,
            role: Some(role),
            country: Some(code),
            evidence,
            at: r.toks[k + 1].start,
            titled: false,
            sworn: false,
            span,
        };
        if is_public(&f) {
            found.push(f);
        }
    }
}

/// Words that make a leader no one's in office: "business leaders",
/// "community leader Edmond Haununu-Ramo".
const PRIVATE_LEADERS: &[&str] = &[
    "business", "industry", "company", "corporate", "religious", "church", "union", "student", "tribal", "community",
    "civic", "party", "opposition", "rebel", "militia",
];

/// The office token `j` names in the plural, in the singular: "leaders",
/// "presidents", "heads of state", but not "business leaders".
fn plural_office(r: &Reader<'_>, j: usize) -> Option<String> {
    let w = r.lw(j);
    let role = match w.as_str() {
        "leaders" | "presidents" | "premiers" => w.as_str().strip_suffix('s')?.to_string(),
        "heads" if r.lw(j + 1).as_str() == "of" && matches!(r.lw(j + 2).as_str(), "state" | "government") => {
            format!("head of {}", r.lw(j + 2).as_str())
        }
        _ => return None,
    };
    let private = j > 0 && PRIVATE_LEADERS.contains(&r.lw(j - 1).as_str());
    (!private).then_some(role)
}

/// "First Vice Foreign Minister" -> "Vice Foreign Minister": a counterpart
/// holds the same office, not the same rank among deputies.
/// "fourth", "10th", "31st": a count of holders.
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    let counted = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    counted
        || ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
            .iter()
            .any(|o| o.eq_ignore_ascii_case(word))
}

fn strip_ordinal(role: &str) -> String {
    for p in ["First ", "first ", "Second ", "second ", "Senior ", "senior "] {
        if let Some(rest) = role.strip_prefix(p) {
            return rest.to_string();
        }
    }
    role.to_string()
}

/// The short form a later mention uses: the family name.
pub fn short_form(name: &str) -> &str {
    if !name.contains(' ') {
        return name;
    }
    let mut words = name.split(' ');
    let first = words.next().unwrap_or(name);
    let family_first = FAMILY_FIRST.contains(&first) && name.split(' ').count() >= 2
        // "Park Yoon-joo", "Rha Woong-Bae": a given name of two short
        // syllables (not a double-barrelled surname: "John Sebaana-Kizito").
        || name.split(' ').nth(1).is_some_and(|w| {
            w.split_once('-').is_some_and(|(a, b)| a.len() <= 5 && b.len() <= 5 || b.starts_with(char::is_lowercase))
        }) && name.split(' ').count() == 2;
    if family_first {
        first
    } else {
        name.rsplit(' ').next().unwrap_or(name)
    }
}

/// Whether two words differ by one letter (substitution, insertion or
/// deletion): "Okana" and "Okano", "Ho-ji" and "Ho-jin".
pub fn one_letter_apart(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return letter_apart(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    letter_apart(&a, &b)
}

fn letter_apart<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
    } else {
        short[i..] == long[i + 1..]
    }
}

/// Merges repeated and short forms into one official each, and counts
/// mentions of each in the text.
fn merge(r: &Reader<'_>, found: Vec<Found>) -> Vec<OfficialTag> {
    let mut tags: Vec<(OfficialTag, usize)> = Vec::new();
    for f in found {
        let key = fold(&f.name);
        let same = tags.iter().position(|(t, _)| {
            let k = fold(&t.name);
            k == key || same_person(&t.name, &f.name)
        });
        match same {
            Some(p) => {
                let (t, _) = &mut tags[p];
                // Keep the fuller form as the name.
                if f.name.split(' ').count() > t.name.split(' ').count() {
                    let old = std::mem::replace(&mut t.name, f.name.clone());
                    push_alias(&mut t.aliases, old);
                } else if fold(&t.name) != key || t.name != f.name {
                    push_alias(&mut t.aliases, f.name.clone());
                }
                // "People's Alliance leader Sitiveni Rabuka has been elected
                // Fiji's Prime Minister": a party's leader is the least said.
                let bare = t.role.as_deref().is_some_and(|x| x.eq_ignore_ascii_case("leader"));
                if t.role.is_none() || bare && f.role.is_some() {
                    t.role = f.role;
                }
                if t.country.is_none() {
                    t.country = f.country.map(String::from);
                }
            }
            None => tags.push((
                OfficialTag {
                    aliases: royal_style(&f.name, f.role.as_deref()).into_iter().collect(),
                    name: f.name,
                    role: f.role,
                    country: f.country.map(String::from),
                    mentions: 0,
                    evidence: Some(f.evidence),
                },
                f.at,
            )),
        }
    }
    for (t, _) in &mut tags {
        if t.country.is_none() {
            t.country = t.role.as_deref().and_then(institution_country).map(String::from);
        }
    }
    count_mentions(r, &mut tags);
    let mut out: Vec<OfficialTag> = tags.into_iter().map(|(t, _)| t).collect();
    sort_short_by_key(&mut out, |t| std::cmp::Reverse(t.mentions));
    out
}

/// Gives the offices with no country the story's home country (see
/// `extract::home_country`), and says so in their evidence. Offices of
/// intergovernmental bodies ("UN Secretary-General", "European Commission
/// President") and envoys, who serve abroad, keep none.
pub fn home_countries(officials: &mut [OfficialTag], home: Option<(String, &str)>) {
    let Some((code, from)) = home else { return };
    for o in officials.iter_mut().filter(|o| o.country.is_none()) {
        let Some(role) = o.role.as_deref() else { continue };
        let abroad = role
            .split([' ', '-'])
            .any(|w| INTERNATIONAL.iter().any(|i| i.eq_ignore_ascii_case(w.trim_end_matches(['\'', '’', 's']))));
        if abroad {
            continue;
        }
        set_known_country(o, &code, from);
    }
}

/// How evidence says an office's country was inferred, not written.
const INFERRED: &str = " (country from ";

/// Whether the official's country is the story's, not one the text gives
/// the office: another story that names their country outranks it.
pub fn country_inferred(o: &OfficialTag) -> bool {
    o.evidence.as_deref().is_some_and(|e| e.contains(INFERRED))
}

/// Gives an official a country `source` names for them (another story, or
/// this story's main country), saying so in place of any earlier such note.
pub fn set_known_country(o: &mut OfficialTag, code: &str, source: &str) {
    if let Some(e) = &mut o.evidence {
        if let Some(at) = e.find(INFERRED) {
            e.truncate(at);
        }
        e.push_str(INFERRED);
        e.push_str(source);
        e.push(')');
    }
    o.country = Some(code.to_string());
}

/// Words of offices that belong to no one country, or serve abroad.
const INTERNATIONAL: &[&str] = &[
    "UN", "U.N", "U.N.", "Nations", "IMF", "EU", "European", "Europe", "NATO", "OPEC", "WTO", "WHO", "World", "ASEAN",
    "African", "Arab", "League", "ECB", "Eurogroup", "OECD", "GATT", "Ambassador", "Envoy", "Consul", "Commissioner",
    "Secretary-General", "Director-General", "IAEA", "Interpol", "International", "Gulf", "Cooperation", "Mercosur",
];

/// Seats of government and offices that name their country: "Kremlin
/// spokesman", "White House senior adviser", "Taoiseach".
const INSTITUTIONS: &[(&str, &str)] = &[
    ("Kremlin", "RU"),
    ("Duma", "RU"),
    ("White House", "US"),
    ("Pentagon", "US"),
    ("State Department", "US"),
    ("Federal Reserve", "US"),
    ("Fed ", "US"),
    ("Secretary of State", "US"),
    ("Downing Street", "GB"),
    ("Exchequer", "GB"),
    ("Élysée", "FR"),
    ("Elysee", "FR"),
    ("Quai d'Orsay", "FR"),
    ("Bundestag", "DE"),
    ("Bundesbank", "DE"),
    ("Bundesrat", "DE"),
    ("Knesset", "IL"),
    ("Taoiseach", "IE"),
    ("Dáil", "IE"),
    ("Blue House", "KR"),
    ("Zhongnanhai", "CN"),
    ("Lok Sabha", "IN"),
    ("Rajya Sabha", "IN"),
    ("Diet", "JP"),
    ("Majlis", "IR"),
    ("Storting", "NO"),
    ("Riksdag", "SE"),
    ("Folketing", "DK"),
    ("Sejm", "PL"),
    ("External Affairs", "IN"),
    ("MEA ", "IN"),
    ("RBI ", "IN"),
    ("Chief Cabinet Secretary", "JP"),
    ("BOJ ", "JP"),
    ("BoJ ", "JP"),
    ("BOK ", "KR"),
    ("BoE ", "GB"),
    ("SNB ", "CH"),
    ("RBA ", "AU"),
    ("RBNZ ", "NZ"),
    ("SARB ", "ZA"),
    ("Riksbank", "SE"),
    ("Banxico", "MX"),
    ("SBP ", "PK"),
    ("CBN ", "NG"),
    ("CBK ", "KE"),
    ("PBOC ", "CN"),
    ("Bank of England", "GB"),
];

/// Whether a word is the whole name of an institution that names its
/// country ("Bundesbank", "BOJ").
fn is_institution(word: &str) -> bool {
    INSTITUTIONS.iter().any(|(name, _)| name.strip_suffix(' ').unwrap_or(name) == word)
}

/// The country an office names by its institution, if it does.
fn institution_country(role: &str) -> Option<&'static str> {
    // Compared byte by byte: an office is a few words, and a substring
    // search would spend more setting itself up than searching.
    let role = role.as_bytes();
    INSTITUTIONS.iter().find(|(name, _)| role.windows(name.len()).any(|w| w == name.as_bytes())).map(|&(_, code)| code)
}

/// "King Fahd", "Pope Francis": how a monarch or pope is usually named,
/// kept as an alias so either form finds them.
fn royal_style(name: &str, role: Option<&str>) -> Option<String> {
    const STYLES: &[&str] = &["King", "Queen", "Emperor", "Empress", "Sultan", "Emir", "Pope", "Prince", "Princess"];
    let style = role?.split_whitespace().last().and_then(|w| STYLES.iter().find(|s| s.eq_ignore_ascii_case(w)))?;
    (name.split(' ').count() <= 2).then(|| format!("{style} {name}"))
}

fn push_alias(aliases: &mut Vec<String>, alias: String) {
    if !aliases.contains(&alias) {
        aliases.push(alias);
    }
}

/// "Reagan" and "Ronald Reagan"; "Chang Ho-ji" and "Chang Ho-jin".
pub fn same_person(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    // "Siljanovska-Davkova" for "Gordana Siljanovska-Davkova": a double
    // surname alone, which folding splits in two.
    let surname_of = |one: &str, f1: &str, f2: &str| {
        !one.contains(' ') && f2.strip_suffix(f1).is_some_and(|given| given.ends_with(' '))
    };
    if surname_of(a, &fa, &fb) || surname_of(b, &fb, &fa) {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (fa.split(' ').collect(), fb.split(' ').collect());
    if wa.len() == 1 || wb.len() == 1 {
        let (one, many) = if wa.len() == 1 { (wa[0], &wb) } else { (wb[0], &wa) };
        return many.len() > 1 && (fold(short_form(if wa.len() == 1 { b } else { a })) == one);
    }
    one_word_apart(&fa, &fb)
}

/// Two folded names of as many words that differ in one word, by one letter
/// ("chang ho ji" and "chang ho jin"): [`same_person`] for names of more
/// than one word, already folded.
pub fn one_word_apart(fa: &str, fb: &str) -> bool {
    let (mut wa, mut wb) = (fa.split(' '), fb.split(' '));
    let mut diff = None;
    loop {
        match (wa.next(), wb.next()) {
            (None, None) => break,
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) if diff.is_none() => diff = Some((x, y)),
            _ => return false,
        }
    }
    diff.is_some_and(|(x, y)| x.len() >= 2 && one_letter_apart(x, y))
}

/// Counts full and short mentions; a short mention goes to the nearest
/// official before it with that short form ("Lee said" after "President Lee
/// Jae-myung"), a one-letter misspelling of a long family name too.
fn count_mentions(r: &Reader<'_>, tags: &mut [(OfficialTag, usize)]) {
    if tags.is_empty() {
        return;
    }
    let shorts: Vec<String> = tags.iter().map(|(t, _)| short_form(&t.name).to_string()).collect();
    let firsts: Vec<String> = tags.iter().map(|(t, _)| t.name.split(' ').next().unwrap_or("").to_string()).collect();
    let mut i = 0;
    while i < r.toks.len() {
        let w = r.word(i);
        if !capitalised(w) {
            i += 1;
            continue;
        }
        let at = r.toks[i].start;
        // A full name here?
        let mut matched = None;
        for (k, (t, _)) in tags.iter().enumerate() {
            if w == firsts[k] && r.text[at..].starts_with(t.name.as_str()) {
                matched = Some((k, t.name.split([' ', '-']).count()));
                break;
            }
        }
        if let Some((k, len)) = matched {
            tags[k].0.mentions += 1;
            i += len;
            continue;
        }
        let follows_name = i > 0
            && r.spaced(i - 1)
            && r.is_name_word(i - 1)
            && !is_sentence_start(r.text, r.toks[i - 1].start)
            && !r.is_honorific(i - 1);
        let precedes_name = !r.toks[i].possessive
            && !r.toks[i].hyphen_next
            && i + 1 < r.toks.len()
            && r.spaced(i)
            && r.is_name_word(i + 1);
        if follows_name || precedes_name || r.toks[i].hyphen_next {
            i += 1;
            continue;
        }
        let candidates: Vec<usize> = (0..tags.len())
            .filter(|&k| {
                shorts[k] == w
                    || (w.len() >= 5 && shorts[k].len() >= 5 && r.is_name_word(i) && one_letter_apart(&shorts[k], w))
            })
            .collect();
        let best = candidates
            .iter()
            .copied()
            .filter(|&k| tags[k].1 <= at)
            .max_by_key(|&k| tags[k].1)
            .or(candidates.first().copied());
        if let Some(k) = best {
            let (t, _) = &mut tags[k];
            t.mentions += 1;
            if t.name != w {
                push_alias(&mut t.aliases, w.to_string());
            }
        }
        i += 1;
    }
    for (t, _) in tags.iter_mut() {
        t.mentions = t.mentions.max(1);
    }
}

/// A person's name written without an office: a candidate for an official
/// when the corpus names that person with an office elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// The name as written, honorifics removed.
    pub name: String,
    /// Whether the name is one word that stands alone as a name here ("Reagan
    /// said", "Mr. Yoon", "the Yoon administration"), not a capitalised
    /// sentence opening.
    pub word_alone: bool,
    /// Byte offset of the name's first word (after any honorific).
    pub at: usize,
}

/// Every capitalised name in `text` of one to four words, for the corpus to
/// match against the officials it knows.
pub fn name_mentions(text: &str, toks: &[Token]) -> Vec<NameMention> {
    names(&Reader::new(text, toks))
}

/// The name [`name_mentions`] found at byte `at` of `text`, read again
/// from its paragraph alone: a story waiting for a name the corpus has just
/// learned need not be read whole a second time.
pub fn name_mention_at(text: &str, at: usize, word_alone: bool) -> Option<NameMention> {
    let rest = text.get(at..)?;
    // A name never runs across a blank line, and is decided by the words it
    // has and the two after it: a short window mostly holds all of them.
    let paragraph = &rest[..rest.find("\n\n").unwrap_or(rest.len())];
    let mut short = paragraph.len().min(160);
    while !paragraph.is_char_boundary(short) {
        short -= 1;
    }
    for window in [&paragraph[..short], paragraph] {
        let toks = crate::text::tokens(window);
        let whole = window.len() == paragraph.len();
        match Reader::new(window, &toks).name_at(0) {
            // The window's last word may be cut short: it must lie beyond them.
            Some((name, last)) if whole || last + 3 < toks.len() => return Some(NameMention { name, word_alone, at }),
            None if whole => return None,
            _ => {}
        }
    }
    None
}

fn names(r: &Reader<'_>) -> Vec<NameMention> {
    let (text, toks) = (r.text, r.toks);
    let mut out: Vec<NameMention> = Vec::new();
    // "Ford Motor Co ... Ford said": a word the story also writes as the
    // start of a company's name stands for the company on its own.
    let companies: Vec<&str> = (1..toks.len())
        .filter(|&k| r.has(k, ORG) && r.spaced(k - 1) && r.is_name_word(k - 1))
        .map(|k| r.word(k - 1))
        .collect();
    let mut i = 0;
    while i < toks.len() {
        let honorific = r.is_honorific(i) || r.is_head(i);
        let start = if honorific && i + 1 < toks.len() && r.after_honorific(i) { i + 1 } else { i };
        let Some((name, last)) = r.name_at(start) else {
            i += 1;
            continue;
        };
        let one_word = last == start && !toks[start].hyphen_next;
        let word_alone = one_word
            && (honorific
                || !is_sentence_start(text, toks[start].start)
                || toks[start].possessive
                || matches!(
                    Some(r.lw(start + 1).as_str()),
                    Some("said" | "says" | "told" | "administration" | "government")
                ));
        let company = one_word && companies.contains(&name.as_str());
        if (!one_word || word_alone) && !company && !out.iter().any(|m| m.name == name) {
            out.push(NameMention { name, word_alone, at: toks[start].start });
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The role and the country found for the official called `name`.
    /// Asserts that `text` names no official.
    fn assert_none(text: &str) {
        let o = officials(text);
        assert!(o.is_empty(), "{o:?}");
    }

    fn role_of(o: &[OfficialTag], name: &str) -> Option<String> {
        o.iter().find(|o| o.name == name).and_then(|o| o.role.clone())
    }

    fn country_of(o: &[OfficialTag], name: &str) -> Option<String> {
        o.iter().find(|o| o.name == name).and_then(|o| o.country.clone())
    }
    use crate::text::tokens;

    fn officials(text: &str) -> Vec<OfficialTag> {
        extract(text, &tokens(text), &[])
    }

    fn names(text: &str) -> Vec<String> {
        let mut n: Vec<String> = officials(text).into_iter().map(|o| o.name).collect();
        n.sort();
        n
    }

    #[test]
    fn every_particle_passes_the_particle_prefilter() {
        assert!(PARTICLES.iter().all(|p| is_particle(p)));
        assert!(!is_particle("De") && !is_particle("della-") && !is_particle(""));
    }

    #[test]
    fn titles_before_names_give_role_and_country() {
        let o = officials("Talks were led by Brazilian Finance Minister Fernando Haddad on Monday.");
        assert_eq!(o[0].name, "Fernando Haddad");
        assert_eq!(o[0].role.as_deref(), Some("Finance Minister"));
        assert_eq!(o[0].country.as_deref(), Some("BR"));
        let o = officials("She met US Deputy Secretary of State Kurt Campbell.");
        assert_eq!(o[0].name, "Kurt Campbell");
        assert_eq!(o[0].role.as_deref(), Some("Deputy Secretary of State"));
        let o = officials("said foreign ministry spokesperson Mao Ning in Beijing.");
        assert_eq!(o[0].name, "Mao Ning");
        // A central bank's initials name its country, and are the office's.
        let o = officials("Rates were held, SNB Chairman Thomas Jordan said.");
        assert_eq!(role_of(&o, "Thomas Jordan").as_deref(), Some("SNB Chairman"));
        assert_eq!(country_of(&o, "Thomas Jordan").as_deref(), Some("CH"));
    }

    #[test]
    fn a_lower_case_presidency_counts_after_then_but_not_a_company_one() {
        let o = officials("The 1978 accords were signed by then-president Jimmy Carter at Camp David.");
        assert_eq!(role_of(&o, "Jimmy Carter").as_deref(), Some("president"));
        let o = officials("Protests forced then president Lucio Gutierrez from office in 2005.");
        assert!(o.iter().any(|o| o.name == "Lucio Gutierrez"));
        assert_none("The board thanked former president Dana Whitfield for her years at the mill.");
    }

    #[test]
    fn words_of_office_as_names() {
        // A surname that is an office's word, a given name after "Dr".
        let o = officials("Bank of England Governor Mervyn King said rates would hold.");
        assert_eq!(role_of(&o, "Mervyn King").as_deref(), Some("Bank of England Governor"));
        let o = officials("Prime Minister Rishi Sunak met King Charles on Monday.");
        assert_eq!(role_of(&o, "Charles").as_deref(), Some("King"));
        assert!(!officials("Dr Sultan Ahmed Al Jaber, the summit's host, spoke.")
            .iter()
            .any(|o| o.role.as_deref() == Some("Sultan")));
        // ... and is part of the name an apposition gives an office.
        let o = officials("Sheikh Sultan bin Rashid Al Nuaimi, Supreme Council Member and Ruler of Ajman, attended.");
        assert_eq!(role_of(&o, "Sultan bin Rashid Al Nuaimi").as_deref(), Some("Supreme Council Member and Ruler"));
        // The short form: a family name first where the given name is two
        // syllables, else the last name.
        assert_eq!(short_form("Park Yoon-joo"), "Park");
        assert_eq!(short_form("Lai Ching-te"), "Lai");
        assert_eq!(short_form("Rha Woong-Bae"), "Rha");
        assert_eq!(short_form("John Sebaana-Kizito"), "Sebaana-Kizito");
        assert_eq!(short_form("Mervyn King"), "King");
    }

    #[test]
    fn a_parenthesis_after_the_name_does_not_hide_the_oath() {
        let o = officials("Lai Ching-te (賴清德) was sworn in as president on Monday.");
        assert_eq!(role_of(&o, "Lai Ching-te").as_deref(), Some("president"));
        let o = officials("Ana Ruiz (63) was elected mayor of Lima on Sunday.");
        assert!(o.iter().any(|o| o.name == "Ana Ruiz"), "{o:?}");
        assert_none("The plan (a draft) was sworn in as law.");
        // An apposition between commas, or a name set apart by them.
        let o = officials("Ana Ruiz, the member for Callao, has been elected Speaker of the Congress.");
        assert!(o.iter().any(|o| o.name == "Ana Ruiz"), "{o:?}");
        let o = officials("The party's candidate, Tom Hale, was elected mayor on Sunday.");
        assert!(o.iter().any(|o| o.name == "Tom Hale"), "{o:?}");
        assert_none("Talks ended. In Lima, a vote was held, and Congress was elected speaker.");
        assert_none("Ana Ruiz, who remains as chairman of the executive committee, spoke.");
        assert_none("Reyes, under a new contract, will work with his designated successor.");
    }

    #[test]
    fn an_appointing_verb_before_the_name() {
        let o =
            officials("President Bola Tinubu suspended Godwin Emefiele as Governor of the Central Bank of Nigeria.");
        assert_eq!(role_of(&o, "Godwin Emefiele").as_deref(), Some("Governor of the Central Bank of Nigeria"));
        let o = officials("The council named Ana Ruiz as envoy to Chile on Friday.");
        assert_eq!(role_of(&o, "Ana Ruiz").as_deref(), Some("envoy to Chile"));
        // Not any verb: "met Ana Ruiz as minister" says nothing of her office.
        assert!(!officials("Voters saw Ana Ruiz as president material.").iter().any(|o| o.name == "Ana Ruiz"));
        assert_none("The state oil firm named Ana Ruiz as its new general manager.");
        let o = officials("The assembly on Monday elects Tomas Varga as prime minister after two rounds.");
        assert_eq!(role_of(&o, "Tomas Varga").as_deref(), Some("prime minister"));
        let o = officials("In the reshuffle, Ines Okafor returns as health minister.");
        assert_eq!(role_of(&o, "Ines Okafor").as_deref(), Some("health minister"));
        // With no "as" between the name and the office.
        let o = officials("The congress elected Li Wen premier, and Ana Ruiz vice premier, on Monday.");
        assert_eq!(role_of(&o, "Li Wen").as_deref(), Some("premier"));
        assert_eq!(role_of(&o, "Ana Ruiz").as_deref(), Some("vice premier"));
        // A rank before the name is no name of its own.
        let o = officials("He appointed Colonel General Oleksandr Syrskyi to replace him.");
        assert!(role_of(&o, "Colonel").is_none(), "{o:?}");
    }

    #[test]
    fn a_paragraph_break_ends_an_office() {
        let o =
            officials("- Tom Hale has stepped down as Liberal leader\n\nAna Ruiz has been sworn in as prime minister.");
        assert_eq!(role_of(&o, "Ana Ruiz").as_deref(), Some("prime minister"));
    }

    #[test]
    fn lists_of_offices_and_portfolios() {
        let o = officials("Tom Hale was sworn in as Deputy Prime Minister, Ana Ruiz as Foreign Minister.");
        assert_eq!(role_of(&o, "Tom Hale").as_deref(), Some("Deputy Prime Minister"));
        assert_eq!(role_of(&o, "Ana Ruiz").as_deref(), Some("Foreign Minister"));
        // A company's office in the list is public when the oath is.
        let o = officials(
            "Ana Ruiz was sworn in as Prime Minister, Tom Hale as Treasurer and Li Wen as Minister for Ports.",
        );
        assert_eq!(role_of(&o, "Tom Hale").as_deref(), Some("Treasurer"));
        // The appointing verb is written once for the whole list.
        let o = officials(
            "The premier named Li Wen as finance minister, Ana Ruiz as trade minister and Tom Hale as envoy.",
        );
        assert_eq!(role_of(&o, "Ana Ruiz").as_deref(), Some("trade minister"));
        assert_eq!(role_of(&o, "Tom Hale").as_deref(), Some("envoy"));
        // Not after an office that no verb gave: "saw Ana Ruiz as ..." above.
        let o = officials("Critics saw Li Wen as a reformer and Ana Ruiz as foreign minister material.");
        assert!(role_of(&o, "Ana Ruiz").is_none(), "{o:?}");
        let o = officials("Tom Hale remains Coordinating Minister for Social Policies.");
        assert!(role_of(&o, "Policies").is_none(), "{o:?}");
    }

    #[test]
    fn a_capital_after_a_given_name_is_a_surname() {
        let o = officials("Outgoing prime minister Joseph Muscat handed in his resignation.");
        assert_eq!(role_of(&o, "Joseph Muscat").as_deref(), Some("Outgoing prime minister"));
        assert!(role_of(&officials("Former president Ricardo Lagos of Chile spoke."), "Ricardo Lagos").is_some());
    }

    #[test]
    fn an_office_in_the_plural_before_two_names() {
        let o = officials("Foreign Ministers Penny Wong and Winston Peters met in Wellington on Monday.");
        assert_eq!(role_of(&o, "Penny Wong").as_deref(), Some("Foreign Minister"));
        assert_eq!(role_of(&o, "Winston Peters").as_deref(), Some("Foreign Minister"));
        assert_none("Directors Dana Whitfield and Tom Hale of the mill resigned.");
        let o = officials("Former presidents Ana Maria Ruiz and Tom Hale sat in the front row.");
        assert_eq!(role_of(&o, "Tom Hale").as_deref(), Some("president"));
        // One former president may be a company's.
        assert_none("The bank said former president Tom Hale resigned.");
        // The text may end on the first name.
        assert_none("Talks were opened by Foreign Ministers Ana Maria Luisa Ruiz");
        assert_none("Talks were opened by Foreign Ministers Ana Maria Ruiz and");
    }

    #[test]
    fn the_head_of_a_body_named_before() {
        let o = officials("Results came from the Kenyan Electoral Commission, chaired by Wafula Chebukati, on Monday.");
        assert_eq!(role_of(&o, "Wafula Chebukati").as_deref(), Some("Kenyan Electoral Commission chair"));
        assert_none("The bid came from Acme Holdings, led by Dana Whitfield, on Monday.");
    }

    #[test]
    fn an_organisations_name_after_an_office_is_no_person() {
        // The office reads into the body's name: its last word, or a word
        // that ends organisations' names, is not a person.
        assert_none("He met the director general of the National Energy Authority on Monday.");
        assert_none("It was chaired by the President of the Vietnam Fatherland Front, a mass body.");
    }

    #[test]
    fn a_predecessor_held_the_office_handed_over() {
        // "She" is the story's first official, not the last one named.
        let text = "Ana Ruiz, 51, became the fourth prime minister before Chief Justice Tom Hale. \
                    She succeeds Maria Vidal.";
        assert_eq!(role_of(&officials(text), "Maria Vidal").as_deref(), Some("prime minister"));
        // Named again by surname: "Ruiz succeeds".
        let text = "Ana Ruiz has become Chile's 10th postwar chancellor. Yesterday Ruiz succeeds Maria Vidal, \
                    whose coalition fell.";
        let o = officials(text);
        assert_eq!(role_of(&o, "Ana Ruiz").as_deref(), Some("chancellor"));
        assert_eq!(role_of(&o, "Maria Vidal").as_deref(), Some("chancellor"));
        let text = "Keir Starmer became prime minister on Friday, taking over from Rishi Sunak after the vote.";
        let o = officials(text);
        assert_eq!(role_of(&o, "Rishi Sunak").as_deref(), Some("prime minister"));
        let text = "Luxon met Governor-General Cindy Kiro. Christopher Luxon, who succeeds Chris Hipkins, spoke.";
        let o = officials(text);
        assert_eq!(role_of(&o, "Chris Hipkins"), None, "Luxon has no office here: {o:?}");
        let text = "Christopher Luxon was sworn in as prime minister. Governor-General Cindy Kiro swore in Luxon, \
                    who succeeds Chris Hipkins.";
        assert_eq!(role_of(&officials(text), "Chris Hipkins").as_deref(), Some("prime minister"));
        let text = "Prime Minister Christopher Luxon was sworn in. He succeeds Chris Hipkins, who led Labour.";
        assert_eq!(role_of(&officials(text), "Chris Hipkins").as_deref(), Some("Prime Minister"));
        // The office named last before the verb, without the newcomer's "new".
        let text =
            "Former Finance Minister Noboru Takeshita will be the new prime minister, replacing Yasuhiro Nakasone.";
        assert_eq!(role_of(&officials(text), "Yasuhiro Nakasone").as_deref(), Some("prime minister"));
        // Replacing one official with another, or being replaced, hands nothing over.
        let text = "President Volodymyr Zelensky replaced Valery Zaluzhnyi with Oleksandr Syrskyi in February.";
        assert_eq!(role_of(&officials(text), "Valery Zaluzhnyi"), None);
        let text = "Energy Minister Ana Duarte was replaced by Rui Campos on Monday.";
        assert!(!officials(text).iter().any(|o| o.name == "Rui Campos"));
        // A company's chair hands over a company's office.
        let text =
            "Brazilian President Luiz Inacio Lula da Silva named Tom Reyes the mill's chairman, succeeding Ines Moura.";
        assert!(!officials(text).iter().any(|o| o.name == "Ines Moura"));
    }

    #[test]
    fn hyphenated_offices_and_short_given_names() {
        let o = officials("Governor-General David Hurley swore in Cambodian Prime Minister Hun Sen's guest.");
        assert_eq!(role_of(&o, "David Hurley").as_deref(), Some("Governor-General"));
        assert_eq!(names("Cambodian Prime Minister Hun Sen, who chaired it, spoke."), ["Hun Sen"]);
        assert_eq!(names("Chinese Vice Premier Liu He signed."), ["Liu He"]);
        assert_eq!(names("King Mohammed VI declared mourning."), ["Mohammed VI"]);
        // An office still to be taken.
        let o = officials("President-elect Ana Maria Ruiz, whose party won, thanked voters.");
        assert_eq!(role_of(&o, "Ana Maria Ruiz").as_deref(), Some("President-elect"));
        let o = officials("Tom Hale, the prime minister-designate, named his cabinet.");
        assert_eq!(role_of(&o, "Tom Hale").as_deref(), Some("prime minister-designate"));
    }

    #[test]
    fn two_word_countries_stay_out_of_names_and_roles() {
        let o = officials("Saudi Arabian Oil Minister Hisham Nazer met Saudi Arabia's King Fahd.");
        let role = |n: &str| role_of(&o, n);
        assert_eq!(role("Hisham Nazer").as_deref(), Some("Oil Minister"));
        assert_eq!(role("Fahd").as_deref(), Some("King"));
        assert!(o.iter().any(|o| o.name == "Fahd" && o.aliases.contains(&"King Fahd".to_string())));
        assert!(names("The acting governor of Saudi Arabia's oil company retired.").is_empty());
    }

    #[test]
    fn leaders_listed_by_their_country() {
        let o = officials("World leaders came, among them Chile's Ana Maria Ruiz and Peru's Tomas Vidal Soto.");
        assert_eq!(role_of(&o, "Ana Maria Ruiz").as_deref(), Some("leader"));
        assert_eq!(country_of(&o, "Tomas Vidal Soto").as_deref(), Some("PE"));
        let o = officials("Four heads of state attended, including Chile's Ana Maria Ruiz.");
        assert_eq!(role_of(&o, "Ana Maria Ruiz").as_deref(), Some("head of state"));
        // Not business leaders, nor a leader of a sentence before.
        assert_none("Business leaders such as Chile's Ana Maria Ruiz came.");
        assert_none("The leaders met. Chile's Ana Maria Ruiz sang.");
    }

    #[test]
    fn an_envoys_posting_is_part_of_the_office() {
        let o = officials("US Ambassador to China Nicholas Burns met officials.");
        assert_eq!(role_of(&o, "Nicholas Burns").as_deref(), Some("Ambassador to China"));
        assert_eq!(country_of(&o, "Nicholas Burns").as_deref(), Some("US"));
        let o = officials("The Chilean ambassador in Lima, Ana Maria Ruiz, said so.");
        assert_eq!(role_of(&o, "Ana Maria Ruiz").as_deref(), Some("ambassador in Lima"));
        assert_eq!(country_of(&o, "Ana Maria Ruiz").as_deref(), Some("CL"));
        // The posting is not the envoy's country.
        let o = officials("Ambassador to South Korea Tom Hale arrived.");
        assert_eq!(country_of(&o, "Tom Hale"), None);
        // A lone word after a posting is no name.
        assert_none("The ambassador to the U.S.\nSuggested that talks resume.");
    }

    #[test]
    fn people_taking_office_are_officials() {
        assert_eq!(names("Friedrich Merz was elected Germany's chancellor on Tuesday."), ["Friedrich Merz"]);
        let o = officials("Javier Milei was sworn in as president of Argentina on Sunday.");
        assert_eq!((o[0].name.as_str(), o[0].country.as_deref()), ("Javier Milei", Some("AR")));
        let o = officials("Anthony Albanese was sworn in as Australia's 31st prime minister on Monday.");
        assert_eq!((o[0].role.as_deref(), o[0].country.as_deref()), (Some("prime minister"), Some("AU")));
        assert_eq!(
            names("Cardinal Robert Prevost of Chicago was elected the first American pope."),
            ["Robert Prevost"]
        );
        assert!(names("Maria Lopez was elected to the board on Monday.").is_empty());
        // A legislature endorses a premier it is given.
        assert_eq!(names("Li Wen was endorsed as premier by the congress."), ["Li Wen"]);
        assert!(names("Li Wen endorsed Ana Ruiz as president.").is_empty());
    }

    #[test]
    fn organisations_are_not_people() {
        assert!(names("said General Electric and the General Elections commission.").is_empty());
        assert!(names("leader of the ruling Nur Otan party spoke.").is_empty());
        let o = officials("The Leader of the Opposition, Jeremy Corbyn, congratulated him.");
        assert_eq!(role_of(&o, "Jeremy Corbyn").as_deref(), Some("Leader of the Opposition"));
        assert!(names("Steve Lykken, chairman of the National Turkey Federation, spoke.").is_empty());
        assert_eq!(names("Ana Ruiz, chairwoman of the Senate committee, spoke."), ["Ana Ruiz"]);
    }

    #[test]
    fn names_in_other_scripts_stay_apart() {
        assert_eq!(
            names("Foreign Minister Сергей Лавров met Defence Minister Андрей Белоусов."),
            ["Андрей Белоусов", "Сергей Лавров"]
        );
    }

    #[test]
    fn staying_in_office_is_taking_it() {
        assert_eq!(names("Sri Wahyuni was retained as Minister of Finance."), ["Sri Wahyuni"]);
        assert_eq!(names("Budi Santoso stays on as Coordinating Minister for Economic Affairs."), ["Budi Santoso"]);
        assert_eq!(names("He was received by Chief of Army Staff General Waker-Uz-Zaman."), ["Waker-Uz-Zaman"]);
        assert!(names("He thanked Egypt's General Intelligence Service and the Lao People's Party.").is_empty());
    }

    #[test]
    fn parliamentary_offices() {
        assert_eq!(
            names("the bill, introduced by the Labour MP for Spen Valley, Kim Leadbeater, passed."),
            ["Kim Leadbeater"]
        );
        assert_eq!(names("a bill brought by the Liberal Democrat MSP Liam McArthur."), ["Liam McArthur"]);
        // With no comma the seat and the name run together: no half name.
        assert!(names("the Labour MP for Spen Valley Kim Leadbeater said.").iter().all(|n| n.contains("Kim")));
        assert_eq!(names("Majority Whip Tom Emmer of Minnesota won."), ["Tom Emmer"]);
        assert_eq!(names("It came three days after Rina Begum resigned as prime minister."), ["Rina Begum"]);
        // A party's leader: no company has one.
        let o = officials("The vote went 28 to 27 against HarbourFirst leader Tomas Vidal on Monday.");
        assert_eq!(role_of(&o, "Tomas Vidal").as_deref(), Some("leader"));
        // ... and the office they are elected to says more.
        let o = officials("People's Alliance leader Ana Ruiz has been elected Chile's Prime Minister.");
        assert_eq!(role_of(&o, "Ana Ruiz").as_deref(), Some("Prime Minister"));
        // A community's leader holds no office; an opposition's does.
        assert_none("Former teacher and community leader Tomas Vidal said so.");
        assert_eq!(names("Opposition leader Tomas Vidal disagreed."), ["Tomas Vidal"]);
        // A seat between commas is no person.
        let text = "Ruiz, the Member for Harbour-North-Vale, becomes the first Prime Minister from the island.";
        assert!(officials(text).iter().all(|o| !o.name.contains("Vale")), "{:?}", officials(text));
        // A National Assembly's initials.
        let o = officials("The session was chaired by NA Chairman Tran Van Minh.");
        assert_eq!(role_of(&o, "Tran Van Minh").as_deref(), Some("NA Chairman"));
    }

    #[test]
    fn abbreviated_offices_are_written_out() {
        let o = officials("Gov. Ann Ruiz met Sen. Tom Hale and U.S. Rep. Lee Park, then State Sen. Joe Kay.");
        let role = |n: &str| role_of(&o, n);
        assert_eq!(role("Ann Ruiz").as_deref(), Some("Governor"));
        assert_eq!(role("Tom Hale").as_deref(), Some("Senator"));
        assert_eq!(role("Lee Park").as_deref(), Some("Representative"));
        assert_eq!(role("Joe Kay").as_deref(), Some("State Senator"));
    }

    #[test]
    fn offices_around_names_that_look_like_other_things() {
        assert_eq!(names("Trump met Vice President JD Vance on Friday."), ["JD Vance"]);
        assert_eq!(names("President Bill Clinton announced the deal."), ["Bill Clinton"]);
        assert!(names("the leader of the Christian Democrats spoke.").is_empty());
        let o = officials("The plan came from Rosa Marin, the 68-year-old finance minister.");
        assert_eq!(
            o.first().map(|o| (o.name.as_str(), o.role.as_deref())),
            Some(("Rosa Marin", Some("finance minister")))
        );
        assert_eq!(names("Hans Vogel, the last prime minister of East Germany, spoke."), ["Hans Vogel"]);
        assert_eq!(names("The bond was issued under President Omar Kenyatta."), ["Omar Kenyatta"]);
        assert_eq!(names("The office of Deputy President Ruth Gacheru is not affected."), ["Ruth Gacheru"]);
        assert_eq!(
            names("He was met by Foreign Minister Ivan Petrov and Kremlin aide Oleg Sokol."),
            ["Ivan Petrov", "Oleg Sokol"]
        );
        assert_eq!(names("The agency, led by Administrator Dana Cole, opened centres."), ["Dana Cole"]);
        assert_eq!(names("Senator Paul St. Clair, a Democrat, spoke."), ["Paul St Clair"]);
        // Two capitals do not go on a name: "Manuel Azpur UA" is a wrapped word.
        assert_eq!(names("Energy Minister Luis Perez UA said."), ["Luis Perez"]);
        assert_eq!(names("Senate President Marco \"Chito\" Reyes voted."), ["Marco Reyes"]);
        assert_eq!(names("Senator Ramon \"Bong\" dela Cruz voted."), ["Ramon dela Cruz"]);
    }

    #[test]
    fn a_second_office_joined_by_and_shares_the_first_ones_country() {
        let o = officials(
            "Greek Foreign Minister Eleni Pappa and Defence Minister Nikos Doukas met. Prime Minister Ion Rusu spoke.",
        );
        let country = |n: &str| country_of(&o, n);
        assert_eq!(country("Nikos Doukas").as_deref(), Some("GR"));
        assert_eq!(country("Ion Rusu"), None, "only an office joined by 'and' shares the country");
        let o = officials("Hungarian Prime Minister Ivan Kovac and King Carlos IV of Spain attended.");
        assert_eq!(country_of(&o, "Carlos IV").as_deref(), Some("ES"));
        let o = officials("Kenya's climate change minister, Amina Odhiambo, led the talks.");
        assert_eq!(o.first().and_then(|o| o.country.as_deref()), Some("KE"));
        let o = officials("British Prime Minister Ann Hale and the Taoiseach, Sean Walsh, met.");
        assert_eq!(country_of(&o, "Sean Walsh").as_deref(), Some("IE"));
    }

    #[test]
    fn offices_name_their_country_by_institution_or_state() {
        let o = officials(
            "Kremlin spokesman Dmitry Peskov spoke. Georgia Secretary of State Brad Raffensperger certified it.",
        );
        let c = |n: &str| country_of(&o, n);
        assert_eq!(c("Dmitry Peskov").as_deref(), Some("RU"));
        assert_eq!(c("Brad Raffensperger").as_deref(), Some("US"));
    }

    #[test]
    fn lower_case_heads_count_after_an_office_word_or_body() {
        assert_eq!(names("said U.S. trade representative Clayton Yeutter on Monday."), ["Clayton Yeutter"]);
        assert_eq!(names("met IMF head Michel Camdessus in Paris."), ["Michel Camdessus"]);
        assert!(names("the director Pedro Almodovar said.").is_empty());
        assert!(names("the FARC's top commander, Rodrigo Londono, signed.").is_empty());
    }

    #[test]
    fn honorifics_are_not_names() {
        assert_eq!(names("Prime Minister Dato' Seri Anwar Ibrahim opened it."), ["Anwar Ibrahim"]);
        assert_eq!(names("Kuwait's Oil Minister Sheikh Ali al-Khalifa al-Sabah said."), ["Ali al-Khalifa al-Sabah"]);
        assert_eq!(names("Foreign Minister Datuk Seri Utama Ana Maria Ruiz spoke."), ["Ana Maria Ruiz"]);
        assert_eq!(names("The army detained State Counsellor Daw Ana Maria Ruiz."), ["Ana Maria Ruiz"]);
        assert_eq!(
            names("It was signed by the Head of State, His Highness Tomas Vidal II, on Monday."),
            ["Tomas Vidal II"]
        );
        // Hyphenated parts do not count against a name's length.
        assert_eq!(
            names("His Highness Sheikh Ahmad Al-Nasser Al-Jaber Al-Hamad Al-Sabah was sworn in as Amir."),
            ["Ahmad Al-Nasser Al-Jaber Al-Hamad Al-Sabah"]
        );
        // A counsellor is an office only capitalised.
        assert!(names("The school counsellor Ana Ruiz said so.").is_empty());
    }

    #[test]
    fn appositions_name_the_office_after_the_name() {
        let o = officials("Ngozi Okonjo-Iweala, the director-general of the WTO, spoke. Penny Wong, Australia's foreign minister, agreed.");
        let n: Vec<&str> = o.iter().map(|o| o.name.as_str()).collect();
        assert!(n.contains(&"Penny Wong"), "{n:?}");
        let wong = o.iter().find(|o| o.name == "Penny Wong").unwrap();
        assert_eq!(wong.country.as_deref(), Some("AU"));
        assert_eq!(wong.role.as_deref(), Some("foreign minister"));
        let o = officials("She took the oath before the president of the legislature, Tomas Vidal.");
        assert_eq!(role_of(&o, "Tomas Vidal").as_deref(), Some("president of the legislature"));
        // "The country's" is the story's country; a company's is no state.
        let o = officials("Power stayed with Ana Maria Ruiz, the country's first president, for years.");
        assert_eq!(role_of(&o, "Ana Maria Ruiz").as_deref(), Some("country's first president"));
        assert_none("Tom Hale, the company's president, said so.");
    }

    #[test]
    fn counterparts_take_the_office_and_the_demonym() {
        let o = officials("First Deputy Foreign Minister Ana Ruiz met her Chilean counterpart, Tomas Vidal, in Lima.");
        let vidal = o.iter().find(|o| o.name == "Tomas Vidal").expect("counterpart found");
        assert_eq!(vidal.role.as_deref(), Some("Deputy Foreign Minister"));
        assert_eq!(vidal.country.as_deref(), Some("CL"));
    }

    #[test]
    fn short_mentions_and_misspellings_merge() {
        let o = officials(
            "Japanese Vice Foreign Minister Akiko Tanabe arrived. Tanabe said talks went well. Later Tanabi left. \
             President Moon Jae-in met her; Moon smiled.",
        );
        let tanabe = o.iter().find(|o| o.name == "Akiko Tanabe").unwrap();
        assert_eq!(tanabe.mentions, 3);
        assert!(tanabe.aliases.contains(&"Tanabi".to_string()));
        let moon = o.iter().find(|o| o.name == "Moon Jae-in").unwrap();
        assert_eq!(moon.mentions, 2);
    }

    #[test]
    fn spelling_variants_of_one_person_are_one_official() {
        let o = officials("President Lula da Silva spoke. Later President Lula Da Silva left. Then President Lee Jae Myung and President Lee Jae-myung.");
        assert_eq!(o.len(), 2, "{o:?}");
        // A double surname alone later.
        let o = officials("Ana Ruiz-Vidal was sworn in as President. Ruiz-Vidal then served as President of Chile.");
        assert_eq!(o.len(), 1, "{o:?}");
        assert!(same_person("Ana Ruiz-Vidal", "Ruiz-Vidal") && !same_person("Ana Ruiz-Vidal", "Vidal-Ruiz"));
    }

    #[test]
    fn company_titles_and_bylines_are_not_officials() {
        assert!(names("said Exxon President Lee Raymond in Houston.").is_empty());
        assert!(names("Analyst John Smith said the yen would rise.").is_empty());
        let text = "By Maria Silva. Foreign Minister Maria Silva? No: Minister Carlos Franco spoke.";
        let o = extract(text, &tokens(text), &["Maria Silva".to_string()]);
        assert_eq!(o.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(), ["Carlos Franco"]);
    }

    #[test]
    fn company_offices_are_not_public_offices() {
        assert!(names("said chairman Tomas Berg, who founded the firm.").is_empty());
        assert!(names("Rita Okafor, vice president of finance, said sales rose.").is_empty());
        assert!(names("finance director Hugo Lind and spokesman Paul Ames declined comment.").is_empty());
        assert!(names("Lea Moreau, deputy director at a research institute, disagreed.").is_empty());
        // A country, a public body or the formal title makes them public.
        assert_eq!(names("said Foreign Ministry spokesman Omar Haddad."), ["Omar Haddad"]);
        assert_eq!(names("Chilean President Gabriel Boric spoke."), ["Gabriel Boric"]);
        assert_eq!(names("President Ana Lopes spoke. Outgoing President Rui Vaz left."), ["Ana Lopes", "Rui Vaz"]);
        assert_eq!(names("Hassan Diallo was sworn in as vice president on Friday."), ["Hassan Diallo"]);
        assert_eq!(names("Myanmar's junta chief, Min Aung Hlaing, stayed away."), ["Min Aung Hlaing"]);
        let o = officials("Senate Budget Committee chairman Carl\nOsborne spoke.");
        assert_eq!(o[0].role.as_deref(), Some("Senate Budget Committee chairman"));
    }

    #[test]
    fn offices_that_run_into_an_organisation_name_no_person() {
        assert!(names("said the new chairman of the New York Mercantile Exchange.").is_empty());
        assert!(names("a spokeswoman for the London Stock Exchange said.").is_empty());
        assert!(names("president of International Nabisco Brands said.").is_empty());
        assert!(names("its adviser, Quist Venture Partners, said.").is_empty());
        assert!(names("General Electric Credit Corp said.").is_empty());
    }

    #[test]
    fn a_name_cut_short_at_an_initial_is_no_name() {
        assert!(names("Commissioner James E.\n\nHolt said.").is_empty());
        assert_eq!(names("Commissioner James E. Holt said."), ["James E Holt"]);
    }

    #[test]
    fn public_bodies_make_titles_public() {
        assert_eq!(names("Bank of Japan Governor Kazuo Ueda spoke."), ["Kazuo Ueda"]);
        assert_eq!(names("Bundesbank President Joachim Nagel spoke."), ["Joachim Nagel"]);
        assert_eq!(names("Fed Chairman Jerome Powell spoke."), ["Jerome Powell"]);
        // Initials the story gives a state's body, not an exchange's.
        let text = "The Harbour Election Council (HEC) counted. HEC Chairman Tomas Vidal spoke.";
        assert_eq!(role_of(&officials(text), "Tomas Vidal").as_deref(), Some("HEC Chairman"));
        assert_none("The Harbour Board of Trade (HBT) met. HBT Chairman Tomas Vidal spoke.");
        let text = "The Harbour Election Council (HEC) counted. HEC Chief Accountant Ana Ruiz spoke.";
        assert_eq!(role_of(&officials(text), "Ana Ruiz").as_deref(), Some("HEC Chief Accountant"));
    }

    #[test]
    fn a_name_read_again_from_its_offset_is_the_same_mention() {
        // The first paragraph is longer than the window a name is read from.
        let filler = "and the talks went on into the night ".repeat(6);
        let text = &format!(
            "Mr. Okano met Ana de la Cruz in Lima {filler}.\n\nLater, Okano said Lee Jae-\nmyung and Cruz de\n\nLeon agreed."
        );
        let found = name_mentions(text, &tokens(text));
        assert!(found.len() >= 4, "{found:?}");
        for m in found {
            assert_eq!(name_mention_at(text, m.at, m.word_alone), Some(m));
        }
        assert_eq!(name_mention_at(text, text.len() + 1, false), None);
    }
}

//! Finds the countries a story names: by name, alias, demonym, capital or
//! region, plus the dateline's place. Words that only look like countries
//! are passed over: names inside longer names ("South China Sea", "The Korea
//! Herald"), "Jordan" the person, "Georgia" the US state.

use crate::gazetteer::{self, Gazetteer, Kind, Place};
use crate::order::sort_short_by_key;
use crate::parse::Dateline;
use crate::record::CountryTag;
use crate::text::{capitalised, is_sentence_start, Token};

/// A country mention: code, what kind of phrase found it, and the phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// ISO code.
    pub code: &'static str,
    /// The kind of phrase.
    pub kind: Kind,
    /// Byte offset in the text.
    pub start: usize,
    /// End of the phrase.
    pub end: usize,
}

/// Words that, right after a country word, make it part of an outlet's or
/// company's name ("Japan Times", "Korean Central News Agency").
const OUTLET_WORDS: &[&str] = &[
    "Herald", "Times", "Post", "Daily", "Journal", "Tribune", "Gazette", "Telegraph", "Today", "Agency",
    "Broadcasting", "Insider", "Monitor", "Chronicle", "Airlines", "Airways", "Telecom", "Inc", "Corp", "Corporation",
    "Co", "Ltd", "Plc", "PLC", "Petroleum", "Steel", "Motors", "Electric", "Industries", "Holdings", "Securities",
    "Railways", "Shipping", "Chemical", "Chemicals", "Insurance", "Pacific", "Telegraph", "Tobacco", "Breweries",
    "Express", "Federation", "Association", "Foundation", "Society", "Institute", "Club", "League", "Committee",
    // Treaties named after where they were signed: "the Rome Statute".
    "Statute", "Agreement", "Accord", "Accords", "Convention", "Conventions", "Treaty", "Protocol", "Declaration",
];

/// Currencies: "U.S. dlrs", "Swiss francs", "Japanese yen" name a money,
/// not a country the story is about.
const CURRENCIES: &[&str] = &[
    "dlrs", "dlr", "dollar", "dollars", "cents", "franc", "francs", "mark", "marks", "yen", "pound", "pounds",
    "sterling", "lire", "lira", "peso", "pesos", "crown", "crowns", "kronor", "krona", "kroner", "krone", "rupee",
    "rupees", "won", "yuan", "rand", "ringgit", "guilder", "guilders", "schilling", "schillings", "escudo", "escudos",
    "peseta", "pesetas", "drachma", "drachmas", "rupiah", "baht", "riyal", "riyals", "dinar", "dinars", "currency",
];

/// Currency words that are also verbs or nouns ("Russia won", "Germany
/// marks"): currencies only after an adjective ("South Korean won").
const AMBIGUOUS_CURRENCIES: &[&str] = &["won", "mark", "marks", "crown", "crowns", "pound", "pounds", "rand", "franc"];

/// Words before a demonym that make it a language: "spoke in Italian".
const LANGUAGE_CUES: &[&str] = &["in", "into", "speak", "speaks", "spoke", "speaking", "fluent", "translated"];

/// Country names that are also common first names or surnames.
pub const PERSON_NAMES: &[&str] = &[
    "Jordan", "Chad", "Georgia", "Israel", "Cuba", "Kenya", "India", "Paris", "Lima", "Luxembourg", "Victoria",
    "Santiago", "Aden", "Florence", "Regina",
];

/// Words that place "Georgia" in the Caucasus rather than the US South.
const CAUCASUS: &[&str] = &["Tbilisi", "Georgian", "Abkhazia", "Ossetia", "Caucasus", "Armenia", "Azerbaijan"];

/// Finds every country mention in `text`.
pub fn mentions(text: &str, toks: &[Token]) -> Vec<Mention> {
    let g = gazetteer::get();
    let mut out = Vec::new();
    let mut i = 0;
    let mut phrase = String::new();
    while i < toks.len() {
        let t = toks[i];
        if !capitalised(&text[t.start..]) {
            i += 1;
            continue;
        }
        let Some((len, place)) = longest(g, text, toks, i, &mut phrase) else {
            i += 1;
            continue;
        };
        let last = toks[i + len - 1];
        let skip = match place.kind {
            Kind::NotAPlace => true,
            // A city counts where the text puts something in it: "a
            // briefing in Geneva", "policy from Frankfurt".
            Kind::City => {
                !(i > 0 && matches!(word(text, toks, i - 1), Some("in" | "from" | "at" | "near" | "to" | "outside")))
                    || inside_a_name(text, toks, i, len)
                    || is_person(text, toks, i, len)
            }
            _ => {
                part_of_a_name(text, toks, i, len)
                    || is_money(text, toks, i, len, place.kind)
                    || is_language(text, toks, i, len, place.kind)
                    || is_person(text, toks, i, len)
                    || place.kind == Kind::Name && inside_a_name(text, toks, i, len)
            }
        };
        if !skip {
            let code = if &text[t.start..last.end] == "Georgia" && place.code == "GE" && !in_caucasus(text) {
                "US"
            } else {
                place.code
            };
            out.push(Mention { code, kind: place.kind, start: t.start, end: last.end });
        }
        i += len;
    }
    out
}

/// The longest gazetteer phrase starting at token `i`: its length in tokens
/// and its strongest meaning.
fn longest(g: &Gazetteer, text: &str, toks: &[Token], i: usize, buf: &mut String) -> Option<(usize, Place)> {
    let max = g.words_from(&text[toks[i].start..toks[i].end]).min(toks.len() - i);
    for len in (1..=max).rev() {
        let (a, b) = (toks[i], toks[i + len - 1]);
        // A phrase may not run across a possessive or punctuation.
        if toks[i..i + len - 1].iter().any(|t| t.possessive) {
            continue;
        }
        let raw = &text[a.start..b.end];
        let phrase = if len == 1 || is_plain(raw, toks, i, len, text) {
            raw
        } else {
            buf.clear();
            for (k, t) in toks[i..i + len].iter().enumerate() {
                if k > 0 {
                    buf.push(if toks[i + k - 1].hyphen_next { '-' } else { ' ' });
                }
                buf.push_str(&text[t.start..t.end]);
            }
            if !gaps_are_spaces(text, toks, i, len) {
                continue;
            }
            buf.as_str()
        };
        if let Some(p) = g.lookup(phrase).first() {
            return Some((len, *p));
        }
    }
    None
}

fn is_plain(raw: &str, toks: &[Token], i: usize, len: usize, text: &str) -> bool {
    // Byte tests: char patterns are slow in the size-optimised wasm.
    let b = raw.as_bytes();
    !b.iter().any(|c| matches!(c, b'\n' | b'\t' | b'\r' | b'\''))
        && (raw.is_ascii() || !raw.contains('’'))
        && !b.windows(2).any(|w| w == b"  ")
        && gaps_are_spaces(text, toks, i, len)
}

fn gaps_are_spaces(text: &str, toks: &[Token], i: usize, len: usize) -> bool {
    toks[i..i + len].windows(2).all(|w| {
        let gap = &text[w[0].end..w[1].start];
        gap.chars().all(char::is_whitespace) || (w[0].hyphen_next && gap == "-")
    })
}

fn word<'a>(text: &'a str, toks: &[Token], i: usize) -> Option<&'a str> {
    toks.get(i).map(|t| &text[t.start..t.end])
}

/// "Japan Times", "Korea JoongAng Daily": the country word opens a title.
fn part_of_a_name(text: &str, toks: &[Token], i: usize, len: usize) -> bool {
    for k in i + len..(i + len + 3).min(toks.len()) {
        let Some(w) = word(text, toks, k) else { break };
        if !capitalised(w) || !text[toks[k - 1].end..toks[k].start].chars().all(char::is_whitespace) {
            break;
        }
        if OUTLET_WORDS.contains(&w) {
            return true;
        }
        if toks[k].possessive {
            break;
        }
    }
    false
}

/// "Jennie-O Turkey Store": a country name between two capitalised words
/// is a word of some other name.
fn inside_a_name(text: &str, toks: &[Token], i: usize, len: usize) -> bool {
    if i == 0 || i + len >= toks.len() {
        return false;
    }
    let (prev, next) = (i - 1, i + len);
    let joined = |a: usize, b: usize| {
        let gap = &text[toks[a].end..toks[b].start];
        gap == " " || (toks[a].hyphen_next && gap == "-")
    };
    let proper = |k: usize| {
        // All-capital headlines say nothing by their capitals.
        word(text, toks, k).is_some_and(|w| {
            capitalised(w)
                && (w.len() == 1 || w.chars().any(char::is_lowercase))
                && !is_function_word(w)
                && gazetteer::get().lookup(w).is_empty()
        })
    };
    !toks[prev].possessive
        && !toks[i + len - 1].possessive
        && joined(prev, i)
        && joined(i + len - 1, next)
        && proper(prev)
        && proper(next)
        && !is_sentence_start(text, toks[prev].start)
}

/// "U.S. dlrs", "Japanese yen", "South Korean won".
fn is_money(text: &str, toks: &[Token], i: usize, len: usize, kind: Kind) -> bool {
    let Some(next) = word(text, toks, i + len) else { return false };
    if toks[i + len - 1].possessive || !CURRENCIES.contains(&next) {
        return false;
    }
    kind == Kind::Demonym || !AMBIGUOUS_CURRENCIES.contains(&next)
}

/// "in Italian and Spanish": a demonym standing alone after a language cue.
fn is_language(text: &str, toks: &[Token], i: usize, len: usize, kind: Kind) -> bool {
    if kind != Kind::Demonym || i == 0 {
        return false;
    }
    let mut before = word(text, toks, i - 1).unwrap_or("");
    // "in Italian and Spanish": the cue stands before the first language.
    if matches!(before, "and" | "or") && i >= 3 && word(text, toks, i - 2).is_some_and(capitalised) {
        before = word(text, toks, i - 3).unwrap_or("");
    }
    let next = word(text, toks, i + len);
    let alone = next.is_none_or(|n| matches!(n, "and" | "or")) || !text[toks[i + len - 1].end..].starts_with(' ');
    LANGUAGE_CUES.contains(&before) && alone
}

/// "Michael Jordan", "Jordan Peterson": a country that is also a name, next
/// to another capitalised word that is not a place.
fn is_person(text: &str, toks: &[Token], i: usize, len: usize) -> bool {
    let w = &text[toks[i].start..toks[i + len - 1].end];
    if !PERSON_NAMES.contains(&w) {
        return false;
    }
    let g = gazetteer::get();
    let name_like = |k: usize, gap: &str| {
        word(text, toks, k).is_some_and(|n| capitalised(n) && g.lookup(n).is_empty() && !is_function_word(n))
            && gap.chars().all(|c| c == ' ')
    };
    let before = i > 0 && !toks[i - 1].possessive && name_like(i - 1, &text[toks[i - 1].end..toks[i].start]);
    let after = !toks[i + len - 1].possessive
        && i + len < toks.len()
        && name_like(i + len, &text[toks[i + len - 1].end..toks[i + len].start]);
    before || after
}

/// Words that open a sentence and are no one's given name.
fn is_function_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "The", "A", "An", "In", "On", "At", "And", "But", "For", "With", "From", "To", "Of", "By", "As", "Most",
        "Many", "Some", "All", "Both", "Several",
    ];
    WORDS.contains(&w)
}

/// Whether a text that says "Georgia" means the country: it names the
/// Caucasus around it. Otherwise it is the US state.
pub fn in_caucasus(text: &str) -> bool {
    CAUCASUS.iter().any(|w| text.contains(w))
}

/// The dateline's place as a mention, when the gazetteer knows it.
pub fn dateline_mention(d: &Dateline) -> Option<(&'static str, String)> {
    let g = gazetteer::get();
    let place = d.place.trim_end_matches(',');
    let by_place = g.lookup(place).iter().find(|p| p.kind != Kind::NotAPlace).map(|p| p.code);
    let by_region =
        d.region.as_deref().and_then(|r| g.lookup(r).iter().find(|p| p.kind != Kind::NotAPlace)).map(|p| p.code);
    let code = by_region.or(by_place)?;
    Some((code, format!("{} (dateline)", d.text)))
}

/// Counts mentions into tags, most mentioned first, with the first few
/// phrases as evidence. Each mention is its code, the kind of phrase that
/// found it, and the phrase as written.
pub fn tags<'t>(
    mentions: impl IntoIterator<Item = (&'static str, Kind, &'t str)>,
    dateline: Option<(&'static str, String)>,
) -> Vec<CountryTag> {
    let g = gazetteer::get();
    let mut tags: Vec<CountryTag> = Vec::new();
    let mut add = |code: &'static str, evidence: &dyn Fn() -> String| {
        let i = match tags.iter().position(|t| t.code == code) {
            Some(i) => i,
            None => {
                let name = g.country_name(code).unwrap_or(code).to_string();
                tags.push(CountryTag { code: code.to_string(), name, mentions: 0, evidence: vec![] });
                tags.len() - 1
            }
        };
        let tag = &mut tags[i];
        tag.mentions += 1;
        if tag.evidence.len() < 2 {
            let e = evidence();
            if !tag.evidence.contains(&e) {
                tag.evidence.push(e);
            }
        }
    };
    if let Some((code, ev)) = dateline {
        add(code, &|| ev.clone());
    }
    for (code, kind, phrase) in mentions {
        let kind = match kind {
            Kind::Name => "name",
            Kind::Demonym => "demonym",
            Kind::Capital => "capital",
            Kind::Region => "region",
            Kind::City => "city",
            Kind::NotAPlace => "place",
        };
        add(code, &|| format!("{phrase} ({kind})"));
    }
    sort_short_by_key(&mut tags, |t| std::cmp::Reverse(t.mentions));
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn codes(text: &str) -> Vec<&'static str> {
        let mut c: Vec<&str> = mentions(text, &tokens(text)).into_iter().map(|m| m.code).collect();
        c.sort();
        c.dedup();
        c
    }

    #[test]
    fn names_demonyms_and_capitals_count() {
        assert_eq!(codes("Kenyan officials met in Addis Ababa with the U.S. envoy."), ["ET", "KE", "US"]);
        assert_eq!(codes("Talks between Britain and Türkiye resumed."), ["GB", "TR"]);
        assert_eq!(codes("the South Korea-Japan summit"), ["JP", "KR"]);
        assert_eq!(codes("Brasília said the DPRK had not replied."), ["BR", "KP"]);
    }

    #[test]
    fn look_alikes_do_not_count() {
        assert!(codes("Ships crossed the South China Sea.").is_empty());
        assert!(codes("She wrote for The Japan Times and the Korea JoongAng Daily.").is_empty());
        assert!(codes("Forward Michael Jordan scored; Jordan Peterson spoke.").is_empty());
        assert!(codes("They ate turkey and rice in the evening.").is_empty());
        assert_eq!(codes("Voters in Atlanta, Georgia, went to the polls."), ["US"]);
        assert_eq!(codes("Georgia's parliament in Tbilisi voted."), ["GE"]);
    }

    #[test]
    fn money_languages_and_company_names_are_not_countries() {
        assert!(codes("The bonds raised 50 mln U.S. dlrs and 3 bln Japanese yen.").is_empty());
        assert_eq!(codes("Dmitry Muratov of Russia won the prize."), ["RU"]);
        assert!(codes("The pope spoke in Italian and Spanish.").is_empty());
        assert!(codes("He chairs the Jennie-O Turkey Store board and the National Turkey Federation.").is_empty());
        assert!(codes("Shares of Credit Suisse fell.").is_empty());
        assert!(codes("It left the Rome Statute and cited the Kyoto Protocol.").is_empty());
        assert!(codes("The Norwegian Nobel Committee announced the prize.").is_empty());
    }

    #[test]
    fn a_city_counts_where_the_text_puts_something_in_it() {
        assert_eq!(codes("She told a briefing in Geneva that cases rose."), ["CH"]);
        assert!(codes("Geneva Smith won the race.").is_empty());
        // A sentence's opening word is no given name.
        assert_eq!(codes("Most Paris dealers held back."), ["FR"]);
    }

    #[test]
    fn all_capital_text_is_matched() {
        assert_eq!(codes("JAPAN AND SOUTH KOREA AGREE"), ["JP", "KR"]);
    }

    #[test]
    fn tags_count_mentions_and_keep_evidence() {
        let text = "Seoul and Tokyo agreed. South Korea will host.";
        let m = mentions(text, &tokens(text));
        let t = tags(m.iter().map(|m| (m.code, m.kind, &text[m.start..m.end])), None);
        assert_eq!(t[0].code, "KR");
        assert_eq!(t[0].mentions, 2);
        assert_eq!(t[0].evidence[0], "Seoul (capital)");
    }
}

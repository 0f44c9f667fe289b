//! The record: what the parser says about one article.
//!
//! This is the one contract every caller shares: the CLI writes it as JSON
//! Lines, the explorer indexes it, the page renders it, and the scoring tools
//! read it. Every extracted field carries the evidence that produced it so a
//! reader can trust or question a tag.

use serde::Serialize;

/// One parsed article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Record {
    /// Stable identifier: the user's `id`, else derived from the source.
    pub id: String,
    /// Where the article came from (file path, URL or the user's label).
    pub source: String,
    /// The headline, when the text has one.
    pub title: Option<String>,
    /// The publication or agency ("Yonhap", "The Korea Herald").
    pub outlet: Option<String>,
    /// Authors named in "By ..." lines; never tagged as officials.
    pub bylines: Vec<String>,
    /// The dateline as written ("SEOUL, Oct. 5 (Yonhap) --").
    pub dateline: Option<String>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` when the text does not say.
    pub date: Option<String>,
    /// Why `date` is what it is.
    pub date_evidence: Option<Evidence>,
    /// Countries the story is about, most mentioned first.
    pub countries: Vec<CountryTag>,
    /// Office holders named in the story, most mentioned first.
    pub officials: Vec<OfficialTag>,
    /// The id of the canonical record when this story appears elsewhere too.
    pub duplicate_of: Option<String>,
    /// The story text without site clutter.
    pub body: String,
    /// Things a reader should know: lossy decoding, disagreeing weekdays, ...
    pub warnings: Vec<String>,
}

/// Why a value was extracted: the rule that fired and the text it read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The rule, e.g. `header`, `published`, `dateline+page-date`, `metadata`.
    pub kind: String,
    /// The span of text the rule read.
    pub text: String,
}

/// A country tag with how often, and why, it was found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CountryTag {
    /// ISO 3166-1 alpha-2 code (`XK` for Kosovo).
    pub code: String,
    /// Common English name.
    pub name: String,
    /// Number of mentions in the story (names, demonyms, capitals, dateline).
    pub mentions: u32,
    /// The first few phrases that counted, e.g. `"Seoul (capital)"`.
    pub evidence: Vec<String>,
}

/// A person holding or having held a public office.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OfficialTag {
    /// The fullest form of the name in the story ("Park Yoon-joo").
    pub name: String,
    /// Other forms that were merged into this one ("Park", "Lee Jae Myung").
    pub aliases: Vec<String>,
    /// The office as written ("First Vice Foreign Minister").
    pub role: Option<String>,
    /// ISO code of the country the office belongs to, when known.
    pub country: Option<String>,
    /// Number of mentions, short forms included.
    pub mentions: u32,
    /// The phrase that showed the office, e.g. `"President Lee Jae Myung"`.
    pub evidence: Option<String>,
}

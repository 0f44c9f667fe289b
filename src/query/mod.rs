//! Filtering, searching and counting facets over records.
//!
//! An [`Index`] is built alongside the records, one document per record in
//! the same order, and answers a [`Query`] with [`Results`]: one page of
//! hits, the facet counts and a month histogram.
//!
//! The rules:
//! - **Facets** are country (ISO code), official (canonical name), outlet and
//!   month (`YYYY-MM`). Values selected within one facet are alternatives
//!   (OR); selections in different facets must all hold (AND).
//! - **Counts are disjunctive**: each facet's counts apply every filter but
//!   that facet's own selection, so ticking a value never hides its
//!   siblings. Selected values are always listed, with a count of 0 if need
//!   be.
//! - **Dates**: `from`/`to` are inclusive days (`YYYY-MM-DD`). A partial date
//!   is a span (`2023-10` is the whole month, `2023` the whole year) and
//!   matches a range it overlaps; undated records are left out whenever a
//!   range is set. Bare years have no month: they count as dated but appear
//!   in neither the month facet nor the histogram.
//! - **Text** is folded (case and accents ignored) and every query word must
//!   be the start of some word of the title, body, outlet or an official's
//!   name ("kish" finds "Kishida"); words past the sixteenth are ignored.
//!   Ranking is BM25 with title words counting triple and whole-word matches
//!   above prefix matches.
//! - **Order**: relevance when there is text, else newest first; `newest` and
//!   `oldest` on request, undated last, ties in load order. A partial date
//!   sorts by its first day.
//! - **Duplicates collapse**: a record whose `duplicate_of` names a loaded
//!   record is not a hit of its own when that canonical record matches; the
//!   canonical hit lists the other copies. When the canonical record is
//!   filtered out, the first matching copy stands in for the group. Counts,
//!   totals and the histogram count hits, not copies.

mod bits;
mod facet;
mod filter;
mod index;
mod search;
mod snippet;
pub(crate) mod tokens;

use serde::Serialize;
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};

pub use facet::FacetCount;
pub use index::{Index, IndexStats};

/// Hits per page when a query does not say.
pub const DEFAULT_LIMIT: usize = 20;
/// The most hits one page returns; larger limits are capped to it.
pub const MAX_LIMIT: usize = 1000;

/// The order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Best text match first (newest first when there is no text).
    Relevance,
    /// Latest date first, undated last.
    Newest,
    /// Earliest date first, undated last.
    Oldest,
}

impl Sort {
    /// Reads `relevance`, `newest` or `oldest`.
    pub fn parse(name: &str) -> Result<Sort> {
        match name {
            "relevance" => Ok(Sort::Relevance),
            "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            _ => Err(query_error(format!("sort: unknown order '{name}' (expected relevance, newest or oldest)"))),
        }
    }
}

/// What to look for. Every part is optional; the default query matches
/// everything. Values are checked when the query runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Words that must all start some word of the article.
    pub text: String,
    /// ISO codes; any of them.
    pub countries: Vec<String>,
    /// Canonical official names; any of them.
    pub officials: Vec<String>,
    /// Outlet names; any of them.
    pub outlets: Vec<String>,
    /// `YYYY-MM` months; any of them.
    pub months: Vec<String>,
    /// First day kept, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day kept, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// `None`: relevance when there is text, else newest first.
    pub sort: Option<Sort>,
    /// Hits to skip.
    pub offset: usize,
    /// Hits to return (capped to [`MAX_LIMIT`]).
    pub limit: usize,
    /// The most values each facet list holds (the most frequent; selected
    /// values always): a collection can name tens of thousands of
    /// officials, and a page shows a few hundred. `None`: every value.
    pub facet_limit: Option<usize>,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            countries: vec![],
            officials: vec![],
            outlets: vec![],
            months: vec![],
            from: None,
            to: None,
            sort: None,
            offset: 0,
            limit: DEFAULT_LIMIT,
            facet_limit: None,
        }
    }
}

/// The field names a query object may have.
const FIELDS: &[&str] =
    &["text", "countries", "officials", "outlets", "months", "from", "to", "sort", "offset", "limit", "facetLimit"];

fn query_error(message: String) -> Error {
    Error::new(ErrorKind::Query, message)
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn string_field(name: &str, value: &Value) -> Result<Option<String>> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => Ok(Some(s.trim().to_string())),
        other => Err(query_error(format!("{name}: expected a string, got {}", kind_of(other)))),
    }
}

fn list_field(name: &str, value: &Value) -> Result<Vec<String>> {
    let items = match value {
        Value::Null => return Ok(vec![]),
        Value::Array(items) => items,
        other => return Err(query_error(format!("{name}: expected an array of strings, got {}", kind_of(other)))),
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(s) => {
                if !out.contains(s) {
                    out.push(s.clone());
                }
            }
            other => return Err(query_error(format!("{name}[{i}]: expected a string, got {}", kind_of(other)))),
        }
    }
    Ok(out)
}

fn count_field(name: &str, value: &Value) -> Result<Option<usize>> {
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => match (n.as_u64(), n.as_f64()) {
            (Some(v), _) => Ok(Some(usize::try_from(v).unwrap_or(usize::MAX))),
            (None, Some(f)) if f >= 0.0 && f.fract() == 0.0 => Ok(Some(f.min(u32::MAX as f64) as usize)),
            _ => Err(query_error(format!("{name}: expected a whole number of 0 or more, got {n}"))),
        },
        other => Err(query_error(format!("{name}: expected a whole number, got {}", kind_of(other)))),
    }
}

impl Query {
    /// Reads a query from a JSON value: an object with any of the fields of
    /// [`Query`] (null means absent). Fails with a message naming the field
    /// on a wrong type, an unknown field or an unknown sort order.
    pub fn from_json(value: &Value) -> Result<Query> {
        let mut query = Query::default();
        let fields = match value {
            Value::Null => return Ok(query),
            Value::Object(fields) => fields,
            other => return Err(query_error(format!("query: expected an object, got {}", kind_of(other)))),
        };
        for (name, value) in fields {
            match name.as_str() {
                "text" => query.text = string_field(name, value)?.unwrap_or_default(),
                "countries" => query.countries = list_field(name, value)?,
                "officials" => query.officials = list_field(name, value)?,
                "outlets" => query.outlets = list_field(name, value)?,
                "months" => query.months = list_field(name, value)?,
                "from" => query.from = string_field(name, value)?,
                "to" => query.to = string_field(name, value)?,
                "sort" => query.sort = string_field(name, value)?.map(|s| Sort::parse(&s)).transpose()?,
                "offset" => query.offset = count_field(name, value)?.unwrap_or(0),
                "limit" => query.limit = count_field(name, value)?.unwrap_or(DEFAULT_LIMIT),
                "facetLimit" => query.facet_limit = count_field(name, value)?,
                other => {
                    return Err(query_error(format!("unknown query field '{other}' (known: {})", FIELDS.join(", "))))
                }
            }
        }
        Ok(query)
    }
}

impl std::str::FromStr for Query {
    type Err = Error;

    /// Reads a query from JSON text; see [`Query::from_json`].
    fn from_str(text: &str) -> Result<Query> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| query_error(format!("query: not valid JSON: {e}")))?;
        Query::from_json(&value)
    }
}

/// A country as a hit shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HitCountry {
    /// ISO code.
    pub code: String,
    /// English name.
    pub name: String,
}

/// An official as a hit shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HitOfficial {
    /// Canonical name (the facet key).
    pub name: String,
    /// The office, when known.
    pub role: Option<String>,
    /// ISO code of the office's country, when known.
    pub country: Option<String>,
}

/// Another copy of a hit's story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// The copy's record id.
    pub id: String,
    /// Where the copy came from.
    pub source: String,
    /// The copy's outlet.
    pub outlet: Option<String>,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Record id (for `record(id)`).
    pub id: String,
    /// The headline, or the body's first sentence when there is none.
    pub title: String,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or null.
    pub date: Option<String>,
    /// The rule that gave the date (its evidence kind), e.g. `header`.
    #[serde(rename = "dateKind")]
    pub date_kind: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// Where the record came from.
    pub source: String,
    /// Countries, most mentioned first.
    pub countries: Vec<HitCountry>,
    /// Officials, most mentioned first.
    pub officials: Vec<HitOfficial>,
    /// About 200 characters of the body around the first match.
    pub snippet: String,
    /// Matches in `snippet`: `[start, end)` in UTF-16 code units.
    pub highlights: Vec<[u32; 2]>,
    /// Matches in `title`, likewise.
    #[serde(rename = "titleHighlights")]
    pub title_highlights: Vec<[u32; 2]>,
    /// The other copies of this story.
    pub duplicates: Vec<Duplicate>,
}

/// The counts of every facet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    /// By ISO code.
    pub country: Vec<FacetCount>,
    /// By canonical official name.
    pub official: Vec<FacetCount>,
    /// By outlet.
    pub outlet: Vec<FacetCount>,
    /// By `YYYY-MM`.
    pub month: Vec<FacetCount>,
}

/// The length of every facet's full list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FacetTotals {
    /// Countries.
    pub country: usize,
    /// Officials.
    pub official: usize,
    /// Outlets.
    pub outlet: usize,
    /// Months.
    pub month: usize,
}

/// One bar of the histogram.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    /// Hits dated in that month.
    pub count: u32,
}

/// The answer to a query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    /// Hits in all (duplicates collapsed), not just this page.
    pub total: usize,
    /// The offset this page starts at.
    pub offset: usize,
    /// This page of hits.
    pub hits: Vec<Hit>,
    /// Disjunctive facet counts.
    pub facets: Facets,
    /// How many values each facet list would hold without `facetLimit`.
    #[serde(rename = "facetTotals")]
    pub facet_totals: FacetTotals,
    /// Hits per month over the whole result, every month from the first to
    /// the last (zeros included), oldest first.
    pub histogram: Vec<MonthCount>,
    /// Undated hits under the month facet's counting (every filter but the
    /// month selection).
    pub undated: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Query> {
        json.parse()
    }

    #[test]
    fn a_full_query_reads() {
        let q = parse(
            r#"{"text":" Kishida ","countries":["JP","KR","JP"],"officials":[],"outlets":null,
                "months":["2023-10"],"from":"2023-01-01","to":"","sort":"oldest","offset":20,"limit":5,
                "facetLimit":300}"#,
        )
        .unwrap();
        assert_eq!(q.text, "Kishida");
        assert_eq!(q.countries, ["JP", "KR"]);
        assert_eq!(q.months, ["2023-10"]);
        assert_eq!(q.from.as_deref(), Some("2023-01-01"));
        assert_eq!(q.to, None);
        assert_eq!(q.sort, Some(Sort::Oldest));
        assert_eq!((q.offset, q.limit), (20, 5));
        assert_eq!(q.facet_limit, Some(300));
        assert_eq!(parse("{}").unwrap(), Query::default());
        assert_eq!(parse("null").unwrap(), Query::default());
    }

    #[test]
    fn wrong_shapes_are_named() {
        let err = |json: &str| parse(json).unwrap_err().to_string();
        assert_eq!(err(r#"{"countries":"JP"}"#), "countries: expected an array of strings, got a string");
        assert_eq!(err(r#"{"officials":["a",3]}"#), "officials[1]: expected a string, got a number");
        assert_eq!(err(r#"{"sort":"best"}"#), "sort: unknown order 'best' (expected relevance, newest or oldest)");
        assert_eq!(err(r#"{"offset":-1}"#), "offset: expected a whole number of 0 or more, got -1");
        assert_eq!(err(r#"{"limit":2.5}"#), "limit: expected a whole number of 0 or more, got 2.5");
        assert!(err(r#"{"country":["JP"]}"#).starts_with("unknown query field 'country'"));
        assert!(err("[1]").starts_with("query: expected an object"));
        assert!(err("{").starts_with("query: not valid JSON"));
        assert_eq!(parse(r#"{"limit":3.0}"#).unwrap().limit, 3);
    }
}

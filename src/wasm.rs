//! The browser binding: the only file that names WebAssembly types.
//!
//! Each export decodes its arguments, calls the core, and encodes the answer
//! once. Results travel as JSON text parsed by the browser into plain
//! objects (faster than building them field by field across the boundary),
//! and every failure is a `JsError`, which JavaScript receives as a thrown
//! `Error` with the core's message.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::explorer::{self, AddSummary, Explorer as Core, Format};
use crate::input;
use crate::query::Query;

/// Installs the panic hook, so that a bug shows its message in the console.
#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

// The shapes that cross the boundary, for the generated .d.ts.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** What to look for; every field is optional. Facet values are ISO codes, canonical official names, outlets and YYYY-MM months; dates are YYYY-MM-DD. */
export interface Query {
  text?: string; countries?: string[]; officials?: string[]; outlets?: string[]; months?: string[];
  from?: string; to?: string; sort?: "relevance" | "newest" | "oldest"; offset?: number; limit?: number;
}
export interface Rejection { source: string; reason: string; }
export interface AddReport { added: number; changed: number; rejected: Rejection[]; }
/** count: hits with every other facet's selection applied, this facet's own left out. */
export interface FacetCount {
  key: string; label: string; count: number; selected: boolean;
  /** Officials only: the office and its country's ISO code, when known. */
  role?: string; country?: string;
}
/** Ranges are [start, end) in UTF-16 code units, as String.prototype.slice counts. */
export interface Hit {
  id: string; title: string; date: string | null; dateKind: string | null; outlet: string | null; source: string;
  countries: { code: string; name: string }[];
  officials: { name: string; role: string | null; country: string | null }[];
  snippet: string; highlights: [number, number][]; titleHighlights: [number, number][];
  duplicates: { id: string; source: string; outlet: string | null }[];
}
export interface Results {
  total: number; offset: number; hits: Hit[];
  facets: { country: FacetCount[]; official: FacetCount[]; outlet: FacetCount[]; month: FacetCount[] };
  histogram: { month: string; count: number }[]; undated: number;
}
export interface ArticleRecord {
  id: string; source: string; title: string | null; outlet: string | null; bylines: string[]; dateline: string | null;
  date: string | null; date_evidence: { kind: string; text: string } | null;
  countries: { code: string; name: string; mentions: number; evidence: string[] }[];
  officials: { name: string; aliases: string[]; role: string | null; country: string | null; mentions: number;
               evidence: string | null }[];
  duplicate_of: string | null; body: string; warnings: string[];
}
export interface Parsed { records: ArticleRecord[]; rejected: Rejection[]; }
/** Raw text, a title and body, or a record parseFile/parseDocuments (or the CLI) produced. */
export type ArticleInput =
  | { text: string; source?: string; url?: string; id?: string | number; title?: string; date?: string; outlet?: string }
  | { body: string; title?: string; source?: string; url?: string; id?: string | number; date?: string; outlet?: string }
  | ArticleRecord;
"#;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&format!("cannot encode the answer: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot decode the answer"))
}

/// `value` as JSON text ("null" for undefined and null).
fn to_json_text(value: &JsValue, what: &str) -> Result<String, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok("null".into());
    }
    let text = js_sys::JSON::stringify(value)
        .map_err(|_| JsError::new(&format!("{what}: cannot be read as JSON (a cycle or a BigInt?)")))?;
    JsValue::from(text).as_string().ok_or_else(|| JsError::new(&format!("{what}: cannot be read as JSON")))
}

fn query_of(value: &JsValue) -> Result<Query, JsError> {
    let text = to_json_text(value, "query")?;
    let json: Value = serde_json::from_str(&text).map_err(|e| JsError::new(&format!("query: {e}")))?;
    Query::from_json(&json).map_err(|e| JsError::new(&e.to_string()))
}

/// Reads `items` (an array of article objects or records) as documents.
fn documents_of(items: &JsValue, what: &str) -> Result<(Vec<input::Document>, Vec<input::Rejection>), JsError> {
    if !js_sys::Array::is_array(items) {
        return Err(JsError::new(&format!("{what}: expected an array of articles")));
    }
    let text = to_json_text(items, what)?;
    Ok(input::read_json(&text, "documents"))
}

/// A collection of articles in the page: add them, then query, read and
/// export them.
#[wasm_bindgen]
pub struct Explorer {
    core: Core,
}

impl Default for Explorer {
    fn default() -> Self {
        Self::new()
    }
}

#[wasm_bindgen]
impl Explorer {
    /// An empty explorer.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Explorer {
        Explorer { core: Core::new() }
    }

    /// Adds an array of `{source, text}`, `{title, body, date, outlet, id,
    /// url}` or parsed records. Returns `{added, changed, rejected: [{source,
    /// reason}]}`; throws when `items` is not an array.
    #[wasm_bindgen(js_name = addDocuments, unchecked_return_type = "AddReport")]
    pub fn add_documents(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "ArticleInput[]")] items: JsValue,
    ) -> Result<JsValue, JsError> {
        let (docs, rejected) = documents_of(&items, "addDocuments")?;
        let mut report = self.core.add(docs);
        let mut all = rejected;
        all.append(&mut report.rejected);
        report.rejected = all;
        to_js(&AddSummary::from(report))
    }

    /// Adds a file's bytes: `.txt` is one article, `.json`/`.jsonl` many.
    /// Returns the same report as `addDocuments`.
    #[wasm_bindgen(js_name = addFile, unchecked_return_type = "AddReport")]
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
        to_js(&AddSummary::from(self.core.add_named(name, bytes)))
    }

    /// Runs a query `{text, countries, officials, outlets, months, from, to,
    /// sort, offset, limit}` (all optional) and returns `{total, offset,
    /// hits, facets, histogram, undated}`. Throws on a malformed field.
    #[wasm_bindgen(unchecked_return_type = "Results")]
    pub fn query(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Query | null | undefined")] query: JsValue,
    ) -> Result<JsValue, JsError> {
        let q = query_of(&query)?;
        let results = self.core.query(&q).map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&results)
    }

    /// The full record with this id (body, evidence, warnings); throws when
    /// there is none.
    #[wasm_bindgen(unchecked_return_type = "ArticleRecord")]
    pub fn record(&self, id: &str) -> Result<JsValue, JsError> {
        match self.core.record(id) {
            Some(r) => to_js(r),
            None => Err(JsError::new(&format!("no record '{id}'"))),
        }
    }

    /// The whole result of a query as `"jsonl"` or `"csv"` text.
    pub fn export(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Query | null | undefined")] query: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"jsonl\" | \"csv\"")] format: &str,
    ) -> Result<String, JsError> {
        let q = query_of(&query)?;
        let format = Format::parse(format).map_err(|e| JsError::new(&e.to_string()))?;
        self.core.export(&q, format).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Forgets every article.
    pub fn clear(&mut self) {
        self.core.clear();
    }

    /// Number of articles.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.core.len()
    }
}

/// Extracts a file's articles without keeping them (for Web Workers):
/// `{records, rejected}`.
#[wasm_bindgen(js_name = parseFile, unchecked_return_type = "Parsed")]
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    to_js(&explorer::parse_named(name, bytes))
}

/// Extracts an array of articles without keeping them: `{records,
/// rejected}`; throws when `items` is not an array.
#[wasm_bindgen(js_name = parseDocuments, unchecked_return_type = "Parsed")]
pub fn parse_documents(
    #[wasm_bindgen(unchecked_param_type = "ArticleInput[]")] items: JsValue,
) -> Result<JsValue, JsError> {
    let (docs, mut rejected) = documents_of(&items, "parseDocuments")?;
    let mut parsed = explorer::parse_documents(docs);
    rejected.append(&mut parsed.rejected);
    parsed.rejected = rejected;
    to_js(&parsed)
}

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

use crate::corpus::{self, handover, Extracted};
use crate::explorer::{self, AddSummary, Explorer as Core, Format};
use crate::input::{self, Document, Rejection};
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
  /** The most values each facet list holds: the most frequent, and every selected one. Default: all. */
  facetLimit?: number;
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
  /** How many values each facet list holds without facetLimit. */
  facetTotals: { country: number; official: number; outlet: number; month: number };
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
/** Raw text, a title and body, or a record the CLI (or toJsonl) wrote. */
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

    /// Adds articles an `Extraction` (in a Web Worker) encoded, exactly as
    /// adding them here would have. Returns the same report as
    /// `addDocuments`; throws when the bytes are not an `Extraction`'s.
    #[wasm_bindgen(js_name = addExtracted, unchecked_return_type = "AddReport")]
    pub fn add_extracted(&mut self, bytes: &[u8]) -> Result<JsValue, JsError> {
        let items = handover::decode(bytes)
            .map_err(|e| JsError::new(&format!("addExtracted: not an extraction's output: {e}")))?;
        to_js(&AddSummary::from(self.core.add_extracted(items.len(), items)))
    }

    /// Every record in load order as JSON Lines, as the CLI writes them
    /// (what the page stores, and `addFile` reads back).
    #[wasm_bindgen(js_name = toJsonl)]
    pub fn to_jsonl(&self) -> String {
        explorer::to_jsonl(self.core.records())
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

/// A file's articles, extracted a slice at a time: in a Web Worker, whose
/// slices an `Explorer` on the page adds with `addExtracted`, or on the
/// page itself with `addTo`.
#[wasm_bindgen]
pub struct Extraction {
    /// Items that could not be read, handed on with the first slice.
    unread: Vec<Rejection>,
    docs: std::vec::IntoIter<Document>,
}

#[wasm_bindgen]
impl Extraction {
    /// Reads a file's bytes like `addFile`. `firstLine` is 1 for a whole
    /// file, or the line a part of a JSON Lines file starts at, so that its
    /// items are named by their line in the file.
    #[wasm_bindgen(constructor)]
    pub fn new(name: &str, bytes: &[u8], #[wasm_bindgen(js_name = firstLine)] first_line: usize) -> Extraction {
        let (docs, unread) = input::read_part(name, bytes, first_line.max(1));
        Extraction { unread, docs: docs.into_iter() }
    }

    /// Extracts up to `count` more articles, encoded for `addExtracted`;
    /// `undefined` once every article has been handed on.
    pub fn next(&mut self, count: usize) -> Option<Vec<u8>> {
        let items = self.slice(count);
        (!items.is_empty()).then(|| handover::encode(&items))
    }

    /// Extracts up to `count` more articles and adds them to `explorer`;
    /// returns its report, or `undefined` once every article is added.
    #[wasm_bindgen(js_name = addTo, unchecked_return_type = "AddReport | undefined")]
    pub fn add_to(&mut self, explorer: &mut Explorer, count: usize) -> Result<JsValue, JsError> {
        let items = self.slice(count);
        if items.is_empty() {
            return Ok(JsValue::UNDEFINED);
        }
        to_js(&AddSummary::from(explorer.core.add_extracted(items.len(), items)))
    }

    /// Articles not yet handed on.
    #[wasm_bindgen(getter)]
    pub fn remaining(&self) -> usize {
        self.unread.len() + self.docs.len()
    }

    fn slice(&mut self, count: usize) -> Vec<Extracted> {
        let unread = self.unread.drain(..).map(Extracted::Rejected);
        unread.chain(self.docs.by_ref().take(count.max(1)).map(corpus::extract)).collect()
    }
}

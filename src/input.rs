//! Reading what users bring: text files, folders, JSON Lines and JSON arrays.
//!
//! Every item either becomes a [`Document`] or a [`Rejection`] that says why,
//! so `read = parsed + rejected` always holds and nothing is dropped silently.

use std::path::{Path, PathBuf};

use crate::record::{CountryTag, Evidence, OfficialTag, Record};
use serde_json::{Map, Value};

/// Items larger than this are rejected rather than parsed: no news article
/// is five megabytes, and a file that size is almost always something else.
pub const MAX_ITEM_BYTES: usize = 5 * 1024 * 1024;

/// One article waiting to be parsed, or one already parsed elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    /// Raw article text, with whatever the user told us about it.
    Text {
        /// Where it came from.
        source: String,
        /// The article as scraped.
        text: String,
        /// Metadata given by the user; it wins over extraction.
        meta: Meta,
    },
    /// A record the CLI (or an earlier session) already extracted.
    Record(Box<Record>),
}

/// Metadata a user supplied next to the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The user's identifier.
    pub id: Option<String>,
    /// A headline given apart from the text.
    pub title: Option<String>,
    /// A date given apart from the text (any format the date reader knows).
    pub date: Option<String>,
    /// The outlet given apart from the text.
    pub outlet: Option<String>,
    /// Warnings from reading the item (lossy decoding, ...).
    pub warnings: Vec<String>,
}

/// An item that could not be loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rejection {
    /// The item: a path, `path:line`, or the user's source label.
    pub source: String,
    /// Why, in words a user can act on.
    pub reason: String,
}

impl Document {
    /// A raw text with no metadata.
    pub fn text(source: impl Into<String>, text: impl Into<String>) -> Self {
        Document::Text { source: source.into(), text: text.into(), meta: Meta::default() }
    }

    /// The source label of the document.
    pub fn source(&self) -> &str {
        match self {
            Document::Text { source, .. } => source,
            Document::Record(r) => &r.source,
        }
    }
}

/// Checks a text item before parsing; `Some(reason)` rejects it.
pub fn check_text(text: &str) -> Option<String> {
    if text.len() > MAX_ITEM_BYTES {
        return Some(format!("too large: {} bytes (the limit is {} bytes)", text.len(), MAX_ITEM_BYTES));
    }
    if is_binary(text.as_bytes()) {
        return Some("binary content (NUL bytes), not article text".into());
    }
    if text.trim().is_empty() {
        return Some("empty: no text".into());
    }
    None
}

/// A text is binary when NUL bytes make up more than one in a thousand of
/// its first 64 KiB: real text has none, UTF-16 and images have many.
fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    // Most texts have no NUL at all, and `contains` finds that fastest.
    head.contains(&0) && head.iter().filter(|&&b| b == 0).count() * 1000 >= head.len()
}

/// Decodes bytes as UTF-8, replacing invalid sequences; the second value is
/// a warning when anything was replaced.
pub fn decode(bytes: &[u8]) -> (String, Option<String>) {
    // Valid text, the usual case, is checked by the faster validator.
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), None);
    }
    let s = String::from_utf8_lossy(bytes).into_owned();
    let bad = s.matches('\u{FFFD}').count();
    (s, Some(format!("not valid UTF-8: {bad} invalid byte sequence(s) replaced")))
}

/// A JSON object as users write it: raw text, title and body, or a full
/// record from the CLI.
#[derive(Debug)]
pub struct RawDoc {
    id: Option<String>,
    source: Option<String>,
    url: Option<String>,
    file: Option<String>,
    text: Option<String>,
    title: Option<String>,
    body: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    /// Tags only records the parser wrote have: their presence is enough.
    tagged: bool,
}

impl RawDoc {
    /// Takes the fields out of a parsed object. Read from the generic map,
    /// not by a derived deserializer: the map reader is in the module
    /// anyway, and each derived one costs kilobytes of wasm.
    fn take(object: &mut Map<String, Value>) -> Result<RawDoc, String> {
        let mut text = |name: &str| match take(object, name) {
            Value::Null => Ok(None),
            Value::String(s) => Ok(Some(s)),
            // An `id` may be written as a whole number.
            Value::Number(n) if name == "id" && (n.is_u64() || n.is_i64()) => Ok(Some(n.to_string())),
            _ if name == "id" => Err("\"id\" is not a string or a whole number".to_string()),
            _ => Err(format!("\"{name}\" is not a string")),
        };
        Ok(RawDoc {
            id: text("id")?,
            source: text("source")?,
            url: text("url")?,
            file: text("file")?,
            text: text("text")?,
            title: text("title")?,
            body: text("body")?,
            date: text("date")?,
            outlet: text("outlet")?,
            tagged: ["countries", "officials", "date_evidence"]
                .iter()
                .any(|k| object.get(*k).is_some_and(|v| !v.is_null())),
        })
    }
}

/// Reads one JSON object (its text) as a document; `fallback` names it when
/// it has no source of its own.
pub fn read_object(json: &str, fallback: &str) -> Result<Document, Rejection> {
    // Read as any value, then checked: a typed read would word its own
    // error, and carry the code to print floating-point numbers.
    let value = serde_json::from_str(json)
        .map_err(|e| Rejection { source: fallback.into(), reason: format!("malformed JSON: {e}") })?;
    let mut object = match value {
        Value::Object(o) => o,
        other => {
            let what = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                _ => "true, false or null",
            };
            return Err(Rejection { source: fallback.into(), reason: format!("not an article object: {what}") });
        }
    };
    let raw = RawDoc::take(&mut object)
        .map_err(|e| Rejection { source: fallback.into(), reason: format!("not an article object: {e}") })?;
    let source = raw.source.clone().or_else(|| raw.url.clone()).or_else(|| raw.file.clone());
    let source = source.unwrap_or_else(|| fallback.to_string());
    if raw.tagged {
        return match read_record(raw, source.clone(), &mut object) {
            Ok(r) => Ok(Document::Record(Box::new(r))),
            Err(e) => Err(Rejection { source, reason: format!("not a valid record: {e}") }),
        };
    }
    let text = match (raw.text, raw.title.clone(), raw.body) {
        (Some(t), _, _) => t,
        (None, Some(title), Some(body)) => format!("{title}\n\n{body}"),
        (None, None, Some(body)) => body,
        (None, Some(_), None) | (None, None, None) => {
            return Err(Rejection { source, reason: "no \"text\" or \"body\" field".into() })
        }
    };
    if let Some(reason) = check_text(&text) {
        return Err(Rejection { source, reason });
    }
    let meta = Meta { id: raw.id, title: raw.title, date: raw.date, outlet: raw.outlet, warnings: vec![] };
    Ok(Document::Text { source, text, meta })
}

/// Takes a field out of a JSON object, leaving null: in place, as a map's
/// `remove` would carry 2 KB (gzipped) of tree rebalancing into the wasm
/// module.
fn take(object: &mut Map<String, Value>, name: &str) -> Value {
    object.get_mut(name).map(Value::take).unwrap_or(Value::Null)
}

/// Reads a record the parser wrote, strictly, so that a malformed tag list
/// is reported instead of half-loaded. Like [`RawDoc`], it is read from the
/// generic map: a derived deserializer for the record and its tags would
/// cost the wasm module more than this does.
fn read_record(raw: RawDoc, source: String, object: &mut Map<String, Value>) -> Result<Record, String> {
    let mut field = |name: &str| take(object, name);
    let country = |v: Value, at: &str| {
        let mut m = fields(v, at)?;
        let mut get = |name: &str| take(&mut m, name);
        Ok(CountryTag {
            code: text(get("code"), &format!("{at}.code"))?,
            name: text(get("name"), &format!("{at}.name"))?,
            mentions: count(get("mentions"), &format!("{at}.mentions"))?,
            evidence: items(get("evidence"), &format!("{at}.evidence"), text)?,
        })
    };
    let official = |v: Value, at: &str| {
        let mut m = fields(v, at)?;
        let mut get = |name: &str| take(&mut m, name);
        Ok(OfficialTag {
            name: text(get("name"), &format!("{at}.name"))?,
            aliases: items(get("aliases"), &format!("{at}.aliases"), text)?,
            role: optional(get("role"), &format!("{at}.role"))?,
            country: optional(get("country"), &format!("{at}.country"))?,
            mentions: count(get("mentions"), &format!("{at}.mentions"))?,
            evidence: optional(get("evidence"), &format!("{at}.evidence"))?,
        })
    };
    let date_evidence = match field("date_evidence") {
        Value::Null => None,
        v => {
            let mut m = fields(v, "date_evidence")?;
            let mut get = |name: &str| take(&mut m, name);
            Some(Evidence {
                kind: text(get("kind"), "date_evidence.kind")?,
                text: text(get("text"), "date_evidence.text")?,
            })
        }
    };
    Ok(Record {
        id: raw.id.unwrap_or_default(),
        source,
        title: raw.title,
        outlet: raw.outlet,
        bylines: items(field("bylines"), "bylines", text)?,
        dateline: optional(field("dateline"), "dateline")?,
        date: raw.date,
        date_evidence,
        countries: items(field("countries"), "countries", country)?,
        officials: items(field("officials"), "officials", official)?,
        duplicate_of: optional(field("duplicate_of"), "duplicate_of")?,
        // A record whose body was left out keeps the text it came with.
        body: raw.body.filter(|b| !b.is_empty()).or(raw.text).unwrap_or_default(),
        warnings: items(field("warnings"), "warnings", text)?,
    })
}

/// A string field, `None` when null or missing; `at` names it in errors.
fn optional(v: Value, at: &str) -> Result<Option<String>, String> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s)),
        _ => Err(format!("{at} is not a string")),
    }
}

fn text(v: Value, at: &str) -> Result<String, String> {
    optional(v, at).map(Option::unwrap_or_default)
}

fn count(v: Value, at: &str) -> Result<u32, String> {
    match v {
        Value::Null => Ok(0),
        Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(format!("{at} is not a count")),
        _ => Err(format!("{at} is not a count")),
    }
}

fn fields(v: Value, at: &str) -> Result<Map<String, Value>, String> {
    match v {
        Value::Object(m) => Ok(m),
        _ => Err(format!("{at} is not an object")),
    }
}

/// A list field, each item read by `read`; empty when null or missing.
fn items<T>(v: Value, at: &str, read: impl Fn(Value, &str) -> Result<T, String>) -> Result<Vec<T>, String> {
    match v {
        Value::Null => Ok(Vec::new()),
        Value::Array(list) => list.into_iter().enumerate().map(|(i, v)| read(v, &format!("{at}[{i}]"))).collect(),
        _ => Err(format!("{at} is not a list")),
    }
}

/// The items of a JSON array as text, split at the commas that stand
/// outside any string or nested value. Each item is then read on its own:
/// a malformed one is rejected and the rest still load, and no item is
/// parsed twice.
fn array_items(text: &str) -> Result<Vec<&str>, String> {
    let not_array = || "JSON must be an array of articles or one article object".to_string();
    let body = text.trim().strip_prefix('[').ok_or_else(not_array)?;
    let mut items = Vec::new();
    let (mut start, mut depth, mut in_string, mut escaped) = (0, 0u32, false, false);
    for (i, c) in body.bytes().enumerate() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth > 0 => depth -= 1,
            b',' if depth == 0 => {
                items.push(body[start..i].trim());
                start = i + 1;
            }
            b']' => {
                items.push(body[start..i].trim());
                if !body[i + 1..].trim().is_empty() {
                    return Err("malformed JSON: text after the array's end".into());
                }
                // "[]" and a trailing comma leave empty pieces, no items.
                items.retain(|item| !item.is_empty());
                return Ok(items);
            }
            _ => {}
        }
    }
    Err("malformed JSON: the array is not closed".into())
}

/// Reads a JSON Lines text: one document per non-blank line. A bad line is
/// rejected with its line number and the next lines still load. `first_line`
/// numbers the text's first line: 1, or where a part of a larger file starts.
pub fn read_jsonl(text: &str, source: &str, first_line: usize) -> (Vec<Document>, Vec<Rejection>) {
    let mut docs = Vec::new();
    let mut rejected = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match read_object(line, &format!("{source}:{}", first_line + i)) {
            Ok(doc) => docs.push(doc),
            Err(r) => rejected.push(r),
        }
    }
    (docs, rejected)
}

/// Reads a JSON text: an array of objects or a single object.
pub fn read_json(text: &str, source: &str) -> (Vec<Document>, Vec<Rejection>) {
    let one = |reason: String| (vec![], vec![Rejection { source: source.into(), reason }]);
    if text.trim_start().starts_with('{') {
        return match read_object(text, source) {
            Ok(doc) => (vec![doc], vec![]),
            Err(r) => (vec![], vec![r]),
        };
    }
    let items = match array_items(text) {
        Ok(items) => items,
        Err(reason) => return one(reason),
    };
    let mut docs = Vec::new();
    let mut rejected = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match read_object(item, &format!("{source}[{i}]")) {
            Ok(doc) => docs.push(doc),
            Err(r) => rejected.push(r),
        }
    }
    (docs, rejected)
}

/// Reads one named text as whatever its name says it is: `.jsonl`, `.json`,
/// or else one article.
pub fn read_named(name: &str, bytes: &[u8]) -> (Vec<Document>, Vec<Rejection>) {
    read_part(name, bytes, 1)
}

/// Like [`read_named`], for whole lines of a larger JSON Lines file that
/// start at line `first_line`: items are named by their line in the file.
pub fn read_part(name: &str, bytes: &[u8], first_line: usize) -> (Vec<Document>, Vec<Rejection>) {
    if bytes.len() > MAX_ITEM_BYTES && !is_collection(name) {
        let reason = format!("too large: {} bytes (the limit is {MAX_ITEM_BYTES} bytes)", bytes.len());
        return (vec![], vec![Rejection { source: name.into(), reason }]);
    }
    // A file is judged by its opening, as a whole; a later part's lines
    // are still checked one by one.
    if first_line == 1 && is_binary(bytes) {
        let reason = "binary content (NUL bytes), not article text".to_string();
        return (vec![], vec![Rejection { source: name.into(), reason }]);
    }
    let (text, warning) = decode(bytes);
    let lower = name.to_ascii_lowercase();
    let (mut docs, rejected) = if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        read_jsonl(&text, name, first_line)
    } else if lower.ends_with(".json") {
        read_json(&text, name)
    } else {
        if let Some(reason) = check_text(&text) {
            return (vec![], vec![Rejection { source: name.into(), reason }]);
        }
        let meta = Meta::default();
        (vec![Document::Text { source: name.into(), text, meta }], vec![])
    };
    if let Some(w) = warning {
        for doc in &mut docs {
            match doc {
                Document::Text { meta, .. } => meta.warnings.push(w.clone()),
                Document::Record(r) => r.warnings.push(w.clone()),
            }
        }
    }
    (docs, rejected)
}

fn is_collection(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json")
}

/// Reads files and folders. A folder contributes every `.txt`, `.jsonl` and
/// `.json` below it, in sorted order; an unreadable path is a rejection.
pub fn read_paths(paths: &[PathBuf]) -> (Vec<Document>, Vec<Rejection>) {
    let mut docs = Vec::new();
    let mut rejected = Vec::new();
    for path in paths {
        let mut files = Vec::new();
        if path.is_dir() {
            collect_files(path, &mut files, &mut rejected);
            files.sort();
        } else {
            files.push(path.clone());
        }
        for file in files {
            let name = file.to_string_lossy().into_owned();
            match std::fs::read(&file) {
                Ok(bytes) => {
                    let (d, r) = read_named(&name, &bytes);
                    docs.extend(d);
                    rejected.extend(r);
                }
                Err(e) => rejected.push(Rejection { source: name, reason: format!("cannot read: {e}") }),
            }
        }
    }
    (docs, rejected)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, rejected: &mut Vec<Rejection>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let source = dir.to_string_lossy().into_owned();
            rejected.push(Rejection { source, reason: format!("cannot read folder: {e}") });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out, rejected);
        } else if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
            if matches!(ext.to_ascii_lowercase().as_str(), "txt" | "jsonl" | "json" | "ndjson") {
                out.push(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_jsonl_line_is_rejected_with_its_number_and_the_rest_load() {
        let text = "{\"text\":\"ROME, May 2 - One.\"}\n{oops\n\n{\"title\":\"T\",\"body\":\"Two.\"}\n";
        let (docs, rejected) = read_jsonl(text, "a.jsonl", 1);
        assert_eq!(docs.len(), 2);
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].source, "a.jsonl:2");
        assert!(rejected[0].reason.starts_with("malformed JSON"));
    }

    #[test]
    fn each_rejection_reason_is_named() {
        assert!(check_text("   \n").unwrap().starts_with("empty"));
        assert!(check_text("a\0b\0c").unwrap().starts_with("binary"));
        let big = "a".repeat(MAX_ITEM_BYTES + 1);
        assert!(check_text(&big).unwrap().starts_with("too large"));
        let (_, r) = read_jsonl("{\"title\":\"only a title\"}", "x.jsonl", 1);
        assert!(r[0].reason.contains("no \"text\""));
        let (_, r) = read_json("42", "x.json");
        assert!(r[0].reason.contains("array"));
        let (_, r) = read_jsonl("{\"text\":5}\n[1,2]\n{\"id\":1.5,\"text\":\"x\"}", "x.jsonl", 1);
        assert_eq!(r.len(), 3);
        assert!(r[0].reason.contains("\"text\" is not a string"), "{}", r[0].reason);
        assert_eq!(r[1].reason, "not an article object: an array");
        assert!(r[2].reason.contains("\"id\" is not a string or a whole number"), "{}", r[2].reason);
    }

    #[test]
    fn a_malformed_record_names_the_field_and_the_rest_load() {
        let text = concat!(
            r#"{"body":"B","countries":[{"code":"FR","mentions":1},{"code":"DE","mentions":"two"}]}"#,
            "\n",
            r#"{"body":"B","officials":{"name":"X"}}"#,
            "\n",
            r#"{"body":"B","date_evidence":{"kind":3}}"#,
            "\n",
            r#"{"body":"B","officials":[{"name":"Ana Ruiz","role":"Mayor","mentions":2}]}"#,
        );
        let (docs, r) = read_jsonl(text, "r.jsonl", 1);
        let reasons: Vec<&str> = r.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "not a valid record: countries[1].mentions is not a count",
                "not a valid record: officials is not a list",
                "not a valid record: date_evidence.kind is not a string",
            ]
        );
        let Document::Record(ok) = &docs[0] else { panic!("expected record") };
        assert_eq!((ok.officials[0].role.as_deref(), ok.officials[0].mentions), (Some("Mayor"), 2));
    }

    #[test]
    fn a_json_array_loads_item_by_item() {
        // Commas and brackets inside strings and nested values split nothing;
        // a malformed item is rejected with its place and the rest load.
        let text = r#"[ {"title":"A, [b]","body":"One \"quoted\", {x}.","countries":null},
            {"text": oops}, {"text":"Two.","tags":[1,[2,3]]}, ]"#;
        let (docs, r) = read_json(text, "a.json");
        assert_eq!(docs.len(), 2, "{r:?}");
        assert_eq!((r.len(), r[0].source.as_str()), (1, "a.json[1]"));
        assert!(r[0].reason.starts_with("malformed JSON"), "{}", r[0].reason);
        let Document::Text { text, .. } = &docs[0] else { panic!("expected text") };
        assert_eq!(text, "A, [b]\n\nOne \"quoted\", {x}.");
        assert!(read_json("[]", "e.json").0.is_empty() && read_json("[]", "e.json").1.is_empty());
        for (bad, why) in [("[{\"text\":\"x\"}", "not closed"), ("[{\"text\":\"x\"}] extra", "after the array")] {
            let (docs, r) = read_json(bad, "b.json");
            assert!(docs.is_empty() && r[0].reason.contains(why), "{bad}: {r:?}");
        }
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let (docs, rejected) = read_named("latin1.txt", b"PARIS, Jan 3 - Caf\xe9 owners met.");
        assert!(rejected.is_empty());
        let Document::Text { text, meta, .. } = &docs[0] else { panic!("expected text") };
        assert!(text.contains('\u{FFFD}'));
        assert!(meta.warnings[0].contains("UTF-8"));
    }

    #[test]
    fn a_parsed_record_is_recognised_and_metadata_is_kept() {
        let line = r#"{"id":"7","source":"s","body":"B","countries":[{"code":"FR","name":"France","mentions":1}],
            "bylines":["Ana Ruiz"],"dateline":"PARIS, May 2","duplicate_of":"3","warnings":["w"]}"#;
        let (docs, _) = read_jsonl(&line.replace('\n', " "), "r.jsonl", 1);
        let Document::Record(r) = &docs[0] else { panic!("expected record") };
        assert_eq!(r.countries[0].code, "FR");
        assert_eq!(
            (r.bylines.len(), r.dateline.as_deref(), r.duplicate_of.as_deref()),
            (1, Some("PARIS, May 2"), Some("3"))
        );
        assert_eq!(r.warnings, ["w"]);
        // Null tags are no tags: a raw article.
        let (docs, _) = read_jsonl(r#"{"text":"ROME, May 2 - One.","countries":null}"#, "n.jsonl", 1);
        assert!(matches!(docs[0], Document::Text { .. }));
        let (docs, _) = read_json(r#"[{"id":3,"text":"x","date":"2020-01-02","outlet":"AP"}]"#, "j.json");
        let Document::Text { meta, .. } = &docs[0] else { panic!("expected text") };
        assert_eq!(meta.id.as_deref(), Some("3"));
        assert_eq!(meta.outlet.as_deref(), Some("AP"));
    }
}

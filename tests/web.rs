//! The exported `Explorer` driven as JavaScript drives it, in a headless
//! browser: `cargo test --target wasm32-unknown-unknown --features wasm --test web`.
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use article_explorer::wasm::{Explorer, Extraction};
use js_sys::JSON;
use serde_json::Value;
use wasm_bindgen::{JsError, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A JavaScript value from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

/// A JavaScript value back as JSON.
fn json(value: &JsValue) -> Value {
    let text: String = JSON::stringify(value).expect("stringify").into();
    serde_json::from_str(&text).expect("valid JSON")
}

fn message(err: JsError) -> String {
    js_sys::Error::from(JsValue::from(err)).message().into()
}

fn loaded() -> Explorer {
    let mut ex = Explorer::new();
    let report = ex
        .add_documents(js(r#"[
            {"id": "a", "title": "Kishida meets Yoon", "body": "Prime Minister Kishida met President Yoon in Tōkyō.", "outlet": "Kyodo"},
            {"id": "b", "source": "b.json", "title": "Budget vote", "body": "Lawmakers in Zürich approved the budget.",
             "outlet": "SRF", "date": "2023-05", "countries": [{"code": "CH", "name": "Switzerland", "mentions": 1}]},
            {"source": "broken.json"}
        ]"#))
        .expect("an array is accepted");
    let report = json(&report);
    assert_eq!(report["added"], 2);
    assert_eq!(report["rejected"][0]["source"], "broken.json");
    ex
}

#[wasm_bindgen_test]
fn documents_are_added_and_found_by_folded_prefix() {
    let ex = loaded();
    assert_eq!(ex.size(), 2);
    let results = json(&ex.query(js(r#"{"text": "TOKY kish"}"#)).unwrap());
    assert_eq!(results["total"], 1);
    let hit = &results["hits"][0];
    assert_eq!(hit["id"], "a");
    assert!(hit["highlights"].as_array().unwrap().len() >= 2);
    assert_eq!(hit["titleHighlights"][0], serde_json::json!([0, 7]));
    let results = json(&ex.query(js(r#"{"text": "zurich"}"#)).unwrap());
    assert_eq!(results["hits"][0]["id"], "b");
    // A parsed record keeps its tags: it is not extracted again.
    assert_eq!(results["facets"]["country"][0]["key"], "CH");
    assert_eq!(results["histogram"][0]["month"], "2023-05");
}

#[wasm_bindgen_test]
fn an_empty_or_missing_query_matches_everything() {
    let ex = loaded();
    for q in ["{}", "null"] {
        let results = json(&ex.query(js(q)).unwrap());
        assert_eq!(results["total"], 2);
        assert!(results["facets"]["outlet"].is_array());
        assert!(results["histogram"].is_array());
    }
    assert_eq!(json(&ex.query(JsValue::UNDEFINED).unwrap())["total"], 2);
}

#[wasm_bindgen_test]
fn bad_queries_are_errors_with_readable_messages() {
    let ex = loaded();
    let err = |q: &str| message(ex.query(js(q)).expect_err("should fail"));
    assert_eq!(err(r#"{"from": "2023-13-01"}"#), "from: '2023-13-01' is not a date (YYYY-MM-DD)");
    assert!(err(r#"{"sort": "best"}"#).starts_with("sort: unknown order 'best'"));
    assert_eq!(err(r#"{"countries": "JP"}"#), "countries: expected an array of strings, got a string");
    assert!(err("42").contains("expected an object"));
}

#[wasm_bindgen_test]
fn records_exports_and_clear() {
    let mut ex = loaded();
    let record = json(&ex.record("b").unwrap());
    assert!(record["body"].as_str().unwrap().contains("Zürich"));
    assert_eq!(message(ex.record("zz").expect_err("no such record")), "no record 'zz'");
    let csv = ex.export(js(r#"{"text": "budget"}"#), "csv").unwrap();
    assert_eq!(csv.lines().count(), 2);
    assert!(csv.starts_with("id,date,title,outlet,countries,officials,source"));
    let jsonl = ex.export(JsValue::NULL, "jsonl").unwrap();
    assert_eq!(jsonl.lines().count(), 2);
    assert!(ex.export(JsValue::NULL, "xml").is_err());
    ex.clear();
    assert_eq!(ex.size(), 0);
}

#[wasm_bindgen_test]
fn non_array_items_are_errors_not_panics() {
    let mut ex = Explorer::new();
    for bad in ["\"text\"", "{}", "3", "null"] {
        assert!(ex.add_documents(js(bad)).is_err(), "{bad}");
    }
    assert_eq!(ex.size(), 0);
}

#[wasm_bindgen_test]
fn files_are_read_by_name() {
    let mut ex = Explorer::new();
    let report = json(&ex.add_file("notes.jsonl", b"{\"text\": \"PARIS - Talks.\"}\n{oops\n").unwrap());
    assert_eq!(report["added"], 1);
    assert_eq!(report["rejected"][0]["source"], "notes.jsonl:2");
    let report = json(&ex.add_file("empty.txt", b"  ").unwrap());
    assert_eq!(report["added"], 0);
    assert!(report["rejected"][0]["reason"].as_str().unwrap().starts_with("empty"));
}

/// What the page does with a large file: a worker extracts slices, the
/// page adds them; the result is the same as adding the file at once.
#[wasm_bindgen_test]
fn slices_extracted_elsewhere_add_up_to_the_whole_file() {
    let file = "{\"text\": \"BERLIN, May 2, 2024 - Chancellor Olaf Scholz met President Macron.\"}\n\
        {oops\n\
        {\"text\": \"PARIS, May 3, 2024 - Officials said Scholz would travel to Rome on Friday.\"}\n\
        {\"source\": \"empty.txt\", \"text\": \" \"}\n";
    let mut whole = Explorer::new();
    let whole_report = json(&whole.add_file("f.jsonl", file.as_bytes()).unwrap());

    let mut part = Extraction::new("f.jsonl", file.as_bytes(), 1);
    assert_eq!(part.remaining(), 4, "three articles and one unreadable line");
    let mut ex = Explorer::new();
    let mut rejected = Vec::new();
    while let Some(bytes) = part.next(1) {
        let report = json(&ex.add_extracted(&bytes).unwrap());
        rejected.extend(report["rejected"].as_array().unwrap().iter().map(|r| r["source"].clone()));
    }
    assert_eq!(part.remaining(), 0);
    assert_eq!(
        rejected,
        whole_report["rejected"].as_array().unwrap().iter().map(|r| r["source"].clone()).collect::<Vec<_>>()
    );
    assert_eq!(ex.to_jsonl(), whole.to_jsonl());
    let records: Vec<Value> = ex.to_jsonl().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records[1]["officials"][0]["name"], "Olaf Scholz", "linked across slices: {records:?}");

    // A part of a file names its items by their line in the whole file.
    let mut later = Extraction::new("f.jsonl", b"{oops\n", 41);
    let report = json(&ex.add_extracted(&later.next(10).unwrap()).unwrap());
    assert_eq!(report["rejected"][0]["source"], "f.jsonl:41");
    assert!(message(ex.add_extracted(b"not an extraction").expect_err("bad bytes")).contains("not an extraction"));

    // On the page's own thread, an extraction adds straight into an explorer.
    let mut here = Explorer::new();
    let mut direct = Extraction::new("f.jsonl", file.as_bytes(), 1);
    while !direct.add_to(&mut here, 2).unwrap().is_undefined() {}
    assert_eq!(here.to_jsonl(), whole.to_jsonl());
}

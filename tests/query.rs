//! The query engine through the public API: each rule on small records, and
//! a randomised comparison with a brute-force model of the same rules.

use article_explorer::query::{Index, Query, Results};
use article_explorer::{CountryTag, Document, Evidence, Explorer, Format, OfficialTag, Record};

/// A record with the fields the engine reads.
#[derive(Clone, Default)]
struct R {
    id: &'static str,
    title: Option<&'static str>,
    body: &'static str,
    date: Option<&'static str>,
    outlet: Option<&'static str>,
    countries: &'static [&'static str],
    officials: &'static [&'static str],
    dup_of: Option<&'static str>,
}

fn country_name(code: &str) -> String {
    match code {
        "JP" => "Japan",
        "KR" => "South Korea",
        "US" => "United States",
        "FR" => "France",
        other => other,
    }
    .to_string()
}

impl R {
    fn record(&self) -> Record {
        Record {
            id: self.id.into(),
            source: format!("{}.txt", self.id),
            title: self.title.map(Into::into),
            outlet: self.outlet.map(Into::into),
            date: self.date.map(Into::into),
            date_evidence: self.date.map(|_| Evidence { kind: "header".into(), text: String::new() }),
            countries: self
                .countries
                .iter()
                .map(|c| CountryTag { code: c.to_string(), name: country_name(c), mentions: 1, evidence: vec![] })
                .collect(),
            officials: self
                .officials
                .iter()
                .map(|o| OfficialTag {
                    name: o.to_string(),
                    role: Some("Minister".into()),
                    country: Some("JP".into()),
                    mentions: 1,
                    ..OfficialTag::default()
                })
                .collect(),
            duplicate_of: self.dup_of.map(Into::into),
            body: self.body.into(),
            ..Record::default()
        }
    }
}

struct Fixture {
    records: Vec<Record>,
    index: Index,
}

impl Fixture {
    fn new(rs: &[R]) -> Self {
        let records: Vec<Record> = rs.iter().map(R::record).collect();
        let mut index = Index::new();
        for r in &records {
            index.add(r);
        }
        Fixture { records, index }
    }

    fn query(&self, q: &str) -> Results {
        let q: Query = q.parse().expect("query parses");
        self.index.query(&self.records, &q).expect("query runs")
    }

    fn ids(&self, q: &str) -> Vec<String> {
        self.query(q).hits.into_iter().map(|h| h.id).collect()
    }

    fn error(&self, q: &str) -> String {
        let q: Query = q.parse().expect("query parses");
        self.index.query(&self.records, &q).expect_err("query fails").to_string()
    }
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn count(results: &[article_explorer::FacetCount], key: &str) -> Option<(u32, bool)> {
    results.iter().find(|f| f.key == key).map(|f| (f.count, f.selected))
}

fn tagged() -> Fixture {
    Fixture::new(&[
        R {
            id: "a",
            body: "one",
            countries: &["JP"],
            officials: &["Fumio Kishida"],
            outlet: Some("Kyodo"),
            date: Some("2023-10-05"),
            ..R::default()
        },
        R {
            id: "b",
            body: "two",
            countries: &["KR"],
            officials: &["Yoon Suk Yeol"],
            outlet: Some("Yonhap"),
            date: Some("2023-11-01"),
            ..R::default()
        },
        R {
            id: "c",
            body: "three",
            countries: &["JP", "KR"],
            officials: &["Fumio Kishida", "Yoon Suk Yeol"],
            outlet: Some("Kyodo"),
            date: Some("2023-11"),
            ..R::default()
        },
        R { id: "d", body: "four", countries: &["US"], outlet: Some("AP"), date: Some("2022"), ..R::default() },
        R { id: "e", body: "five", countries: &["FR"], ..R::default() },
    ])
}

#[test]
fn values_within_a_facet_are_alternatives_and_facets_combine() {
    let f = tagged();
    assert_eq!(sorted(f.ids(r#"{"countries":["JP","US"]}"#)), ["a", "c", "d"]);
    assert_eq!(sorted(f.ids(r#"{"countries":["JP","US"],"outlets":["Kyodo"]}"#)), ["a", "c"]);
    assert_eq!(f.ids(r#"{"countries":["JP"],"officials":["Yoon Suk Yeol"]}"#), ["c"]);
    assert_eq!(f.ids(r#"{"countries":["KR"],"outlets":["AP"]}"#), Vec::<String>::new());
    assert_eq!(f.query("{}").total, 5);
}

#[test]
fn facet_counts_leave_out_their_own_selection_only() {
    let f = tagged();
    let r = f.query(r#"{"countries":["JP"]}"#);
    assert_eq!(r.total, 2);
    // The country facet counts as if no country were selected...
    assert_eq!(count(&r.facets.country, "JP"), Some((2, true)));
    assert_eq!(count(&r.facets.country, "KR"), Some((2, false)));
    assert_eq!(count(&r.facets.country, "US"), Some((1, false)));
    // ...while the other facets count within the JP selection.
    assert_eq!(count(&r.facets.outlet, "Kyodo"), Some((2, false)));
    assert_eq!(count(&r.facets.outlet, "Yonhap"), None);
    assert_eq!(count(&r.facets.official, "Yoon Suk Yeol"), Some((1, false)));

    let r = f.query(r#"{"countries":["JP"],"outlets":["Yonhap"]}"#);
    assert_eq!(r.total, 0);
    assert_eq!(count(&r.facets.country, "KR"), Some((1, false)), "countries counted within Yonhap");
    assert_eq!(count(&r.facets.outlet, "Kyodo"), Some((2, false)), "outlets counted within JP");
    assert_eq!(count(&r.facets.outlet, "Yonhap"), Some((0, true)), "a selected value stays listed at 0");
}

#[test]
fn official_facet_values_carry_their_office() {
    let f = tagged();
    let r = f.query("{}");
    let kishida = r.facets.official.iter().find(|o| o.key == "Fumio Kishida").unwrap();
    assert_eq!((kishida.role.as_deref(), kishida.country.as_deref()), (Some("Minister"), Some("JP")));
    assert!(r.facets.country.iter().all(|c| c.role.is_none()), "only officials have an office");
}

#[test]
fn facet_lists_sort_by_count_then_key_and_keep_unknown_selections() {
    let f = tagged();
    let r = f.query(r#"{"countries":["XX"]}"#);
    assert_eq!(r.total, 0);
    let keys: Vec<_> = r.facets.country.iter().map(|c| (c.key.as_str(), c.count)).collect();
    assert_eq!(keys, [("JP", 2), ("KR", 2), ("FR", 1), ("US", 1), ("XX", 0)]);
    assert_eq!(r.facets.country[0].label, "Japan");
    assert_eq!(r.facets.country[4].label, "XX");
}

#[test]
fn months_bare_years_and_undated_records() {
    let f = tagged();
    let r = f.query("{}");
    assert_eq!(count(&r.facets.month, "2023-10"), Some((1, false)));
    assert_eq!(count(&r.facets.month, "2023-11"), Some((2, false)));
    assert_eq!(r.facets.month.len(), 2, "a bare year has no month");
    assert_eq!(r.undated, 1);
    let bars: Vec<_> = r.histogram.iter().map(|m| (m.month.as_str(), m.count)).collect();
    assert_eq!(bars, [("2023-10", 1), ("2023-11", 2)]);
    assert_eq!(sorted(f.ids(r#"{"months":["2023-11"]}"#)), ["b", "c"]);
    let r = f.query(r#"{"months":["2023-11"]}"#);
    assert_eq!(r.undated, 1, "undated counts leave out the month selection");
    assert_eq!(count(&r.facets.month, "2023-10"), Some((1, false)));
}

#[test]
fn the_histogram_covers_every_month_between_the_first_and_last() {
    let f = Fixture::new(&[
        R { id: "a", date: Some("2023-11-30"), ..R::default() },
        R { id: "b", date: Some("2024-02"), ..R::default() },
    ]);
    let bars: Vec<_> = f.query("{}").histogram.iter().map(|m| (m.month.clone(), m.count)).collect();
    let want = [("2023-11", 1), ("2023-12", 0), ("2024-01", 0), ("2024-02", 1)].map(|(m, c)| (m.to_string(), c));
    assert_eq!(bars, want);
}

#[test]
fn partial_dates_match_ranges_they_overlap() {
    let f = Fixture::new(&[
        R { id: "day", date: Some("2023-10-15"), ..R::default() },
        R { id: "month", date: Some("2023-10"), ..R::default() },
        R { id: "year", date: Some("2023"), ..R::default() },
        R { id: "none", ..R::default() },
        R { id: "junk", date: Some("last week"), ..R::default() },
    ]);
    let ids = |q: &str| sorted(f.ids(q));
    assert_eq!(ids(r#"{"from":"2023-10-31","to":"2023-11-05"}"#), ["month", "year"]);
    assert_eq!(ids(r#"{"from":"2023-10-15","to":"2023-10-15"}"#), ["day", "month", "year"]);
    assert_eq!(ids(r#"{"from":"2023-10-16"}"#), ["month", "year"]);
    assert_eq!(ids(r#"{"to":"2023-09-30"}"#), ["year"]);
    assert_eq!(ids(r#"{"from":"2024-01-01"}"#), Vec::<String>::new());
    assert_eq!(ids("{}"), ["day", "junk", "month", "none", "year"]);
    assert_eq!(f.query(r#"{"to":"2030-01-01"}"#).total, 3, "undated records leave when a range is set");
}

#[test]
fn bad_queries_fail_with_the_field_and_value() {
    let f = tagged();
    assert_eq!(f.error(r#"{"from":"2023-13-01"}"#), "from: '2023-13-01' is not a date (YYYY-MM-DD)");
    assert_eq!(f.error(r#"{"to":"2023-02-30"}"#), "to: '2023-02-30' is not a date (YYYY-MM-DD)");
    assert_eq!(f.error(r#"{"to":"10/05/2023"}"#), "to: '10/05/2023' is not a date (YYYY-MM-DD)");
    assert_eq!(f.error(r#"{"months":["2023-10","2023-1"]}"#), "months[1]: '2023-1' is not a month (YYYY-MM)");
    assert_eq!(f.error(r#"{"from":"2023-02-01","to":"2023-01-01"}"#), "from: '2023-02-01' is after to: '2023-01-01'");
}

fn texts() -> Fixture {
    Fixture::new(&[
        R {
            id: "muller",
            title: Some("Talks in Zürich"),
            body: "Chancellor MÜLLER met Ms. Ñúñez at the Straße café.",
            ..R::default()
        },
        R {
            id: "kishida",
            title: Some("Kishida visits Seoul"),
            body: "Prime Minister Kishida arrived in Seoul.",
            outlet: Some("Kyodo News"),
            ..R::default()
        },
        R { id: "named", body: "The prime minister spoke.", officials: &["Takehiro Funakoshi"], ..R::default() },
        R { id: "plain", body: "Muller and Nunez are plain here; Strasse too.", ..R::default() },
    ])
}

#[test]
fn text_search_ignores_case_and_accents() {
    let f = texts();
    assert_eq!(sorted(f.ids(r#"{"text":"muller"}"#)), ["muller", "plain"]);
    assert_eq!(sorted(f.ids(r#"{"text":"MÜLLER nuñez"}"#)), ["muller", "plain"]);
    assert_eq!(sorted(f.ids(r#"{"text":"strasse"}"#)), ["muller", "plain"]);
    assert_eq!(f.ids(r#"{"text":"zurich"}"#), ["muller"]);
    assert_eq!(f.ids(r#"{"text":"cafe"}"#), ["muller"]);
}

#[test]
fn every_query_word_must_prefix_a_word_of_title_body_outlet_or_officials() {
    let f = texts();
    assert_eq!(f.ids(r#"{"text":"kish"}"#), ["kishida"]);
    assert_eq!(f.ids(r#"{"text":"kish seo"}"#), ["kishida"]);
    assert_eq!(f.ids(r#"{"text":"ishida"}"#), Vec::<String>::new());
    assert_eq!(f.ids(r#"{"text":"kishida zurich"}"#), Vec::<String>::new());
    assert_eq!(f.ids(r#"{"text":"kyodo"}"#), ["kishida"], "outlet");
    assert_eq!(f.ids(r#"{"text":"funako"}"#), ["named"], "official name");
    assert_eq!(f.query(r#"{"text":"  ... "}"#).total, 4, "no words: no text filter");
}

#[test]
fn highlights_are_utf16_ranges_in_snippet_and_title() {
    let f = Fixture::new(&[R {
        id: "x",
        title: Some("Émile 😀 meets Kishida"),
        body: "Ünter 𝒳 den Linden, Kishida and KISHIDA’s aide met Müller.",
        ..R::default()
    }]);
    let hit = &f.query(r#"{"text":"kish mull"}"#).hits[0];
    let slice = |text: &str, [s, e]: [u32; 2]| {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[s as usize..e as usize]).unwrap()
    };
    let title: Vec<_> = hit.title_highlights.iter().map(|&r| slice(&hit.title, r)).collect();
    assert_eq!(title, ["Kishida"]);
    let body: Vec<_> = hit.highlights.iter().map(|&r| slice(&hit.snippet, r)).collect();
    assert_eq!(body, ["Kishida", "KISHIDA", "Müller"]);
}

#[test]
fn snippets_show_the_first_match_and_titles_fall_back_to_the_first_sentence() {
    let long_body: &'static str = Box::leak(
        format!("Opening sentence here. {} The envoy Kishida spoke. {}", "filler ".repeat(60), "tail ".repeat(60))
            .into_boxed_str(),
    );
    let f = Fixture::new(&[R { id: "x", body: long_body, ..R::default() }]);
    let hit = &f.query(r#"{"text":"kishida"}"#).hits[0];
    assert_eq!(hit.title, "Opening sentence here.");
    assert!(hit.snippet.starts_with('…') && hit.snippet.ends_with('…'), "{}", hit.snippet);
    assert!(hit.snippet.contains("Kishida spoke"));
    assert!(hit.snippet.chars().count() <= 205);
    let plain = &f.query("{}").hits[0];
    assert!(plain.snippet.starts_with("filler"), "the title is not repeated: {}", plain.snippet);
    assert!(plain.highlights.is_empty());
}

#[test]
fn duplicates_collapse_into_the_canonical_hit() {
    let f = Fixture::new(&[
        R {
            id: "orig",
            body: "Summit in Seoul",
            outlet: Some("Yonhap"),
            countries: &["KR"],
            date: Some("2023-10-05"),
            ..R::default()
        },
        R {
            id: "copy1",
            body: "Summit in Seoul (copy)",
            outlet: Some("Korea Herald"),
            countries: &["KR"],
            date: Some("2023-10-05"),
            dup_of: Some("orig"),
            ..R::default()
        },
        R {
            id: "copy2",
            body: "Summit in Seoul again",
            outlet: Some("AP"),
            countries: &["KR", "US"],
            date: Some("2023-10-05"),
            dup_of: Some("orig"),
            ..R::default()
        },
        R { id: "other", body: "Other story", outlet: Some("AP"), countries: &["US"], ..R::default() },
    ]);
    let r = f.query(r#"{"text":"summit"}"#);
    assert_eq!(r.total, 1);
    let hit = &r.hits[0];
    assert_eq!(hit.id, "orig");
    let copies: Vec<_> = hit.duplicates.iter().map(|d| (d.id.as_str(), d.outlet.as_deref())).collect();
    assert_eq!(copies, [("copy1", Some("Korea Herald")), ("copy2", Some("AP"))]);
    assert_eq!(count(&r.facets.country, "KR"), Some((1, false)), "counts count hits, not copies");
    assert_eq!(r.histogram[0].count, 1);

    // The canonical record is filtered out: the first matching copy stands in.
    let r = f.query(r#"{"outlets":["AP"]}"#);
    assert_eq!(sorted(r.hits.iter().map(|h| h.id.clone()).collect()), ["copy2", "other"]);
    let copy2 = r.hits.iter().find(|h| h.id == "copy2").unwrap();
    let ids: Vec<_> = copy2.duplicates.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["orig", "copy1"]);
    let r = f.query(r#"{"outlets":["AP","Korea Herald"]}"#);
    assert_eq!(r.total, 2, "two matching copies of one story are one hit");
    assert!(r.hits.iter().any(|h| h.id == "copy1"));
}

#[test]
fn a_duplicate_loaded_before_its_canonical_record_joins_it() {
    let f = Fixture::new(&[
        R { id: "copy", body: "story", dup_of: Some("orig"), ..R::default() },
        R { id: "orig", body: "story", ..R::default() },
    ]);
    let r = f.query("{}");
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].id, "orig");
    assert_eq!(r.hits[0].duplicates[0].id, "copy");
}

#[test]
fn pages_cover_the_result_once() {
    let days: Vec<&'static str> =
        (0..45).map(|i| &*Box::leak(format!("2020-01-{:02}", i % 28 + 1).into_boxed_str())).collect();
    let ids: Vec<&'static str> = (0..45).map(|i| &*Box::leak(format!("r{i}").into_boxed_str())).collect();
    let rs: Vec<R> = (0..45).map(|i| R { id: ids[i], date: Some(days[i]), body: "x", ..R::default() }).collect();
    let f = Fixture::new(&rs);
    let mut seen = Vec::new();
    for offset in [0, 20, 40] {
        let r = f.query(&format!(r#"{{"offset":{offset},"limit":20}}"#));
        assert_eq!(r.total, 45);
        assert_eq!(r.offset, offset);
        seen.extend(r.hits.into_iter().map(|h| h.id));
    }
    assert_eq!(seen.len(), 45);
    let all = f.ids(r#"{"limit":1000}"#);
    assert_eq!(seen, all, "pages are slices of one order");
    assert_eq!(f.query("{}").hits.len(), 20, "default limit");
    assert!(f.query(r#"{"offset":45}"#).hits.is_empty());
    assert!(f.query(r#"{"limit":0}"#).hits.is_empty());
    assert_eq!(f.query(r#"{"limit":5000}"#).hits.len(), 45);
}

#[test]
fn the_limit_is_capped() {
    let rs: Vec<R> = (0..1005).map(|_| R { id: "", body: "x", ..R::default() }).collect();
    let f = Fixture::new(&rs);
    assert_eq!(f.query(r#"{"limit":5000}"#).hits.len(), 1000);
}

#[test]
fn sort_orders_put_undated_last() {
    let f = Fixture::new(&[
        R { id: "undated", body: "budget", ..R::default() },
        R { id: "old", body: "budget", date: Some("2019-05-01"), ..R::default() },
        R { id: "year", body: "budget", date: Some("2021"), ..R::default() },
        R { id: "new", body: "budget", date: Some("2023-01-02"), ..R::default() },
        R { id: "mid", body: "budget", date: Some("2021-06"), ..R::default() },
    ]);
    assert_eq!(f.ids("{}"), ["new", "mid", "year", "old", "undated"], "newest first by default");
    assert_eq!(f.ids(r#"{"sort":"newest"}"#), ["new", "mid", "year", "old", "undated"]);
    assert_eq!(f.ids(r#"{"sort":"oldest"}"#), ["old", "year", "mid", "new", "undated"]);
    assert_eq!(f.ids(r#"{"sort":"relevance"}"#), f.ids("{}"), "relevance without text is newest first");
}

#[test]
fn relevance_prefers_titles_and_repeated_words() {
    let f = Fixture::new(&[
        R {
            id: "once",
            body: "A long report that mentions the budget once among many other words here.",
            date: Some("2024-01-01"),
            ..R::default()
        },
        R {
            id: "title",
            title: Some("Budget approved"),
            body: "Lawmakers voted on spending today in a long session.",
            ..R::default()
        },
        R { id: "often", body: "Budget, budget, budget: the budget dominated.", ..R::default() },
        R { id: "none", body: "Nothing to see.", ..R::default() },
    ]);
    let ids = f.ids(r#"{"text":"budget"}"#);
    assert_eq!(ids.len(), 3);
    assert_eq!(ids.last().unwrap(), "once");
    assert_eq!(f.ids(r#"{"text":"budget","sort":"newest"}"#)[0], "once");
}

#[test]
fn refreshed_records_move_between_facet_values() {
    let mut records =
        vec![R { id: "a", body: "x", countries: &["JP"], date: Some("2023-01-01"), ..R::default() }.record()];
    let mut index = Index::new();
    index.add(&records[0]);
    records[0] =
        R { id: "a", body: "x", countries: &["KR"], officials: &["New Person"], date: Some("2024-02"), ..R::default() }
            .record();
    index.refresh(0, &records[0]);
    index.refresh(7, &records[0]);
    let q = |json: &str| index.query(&records, &json.parse().unwrap()).unwrap();
    assert_eq!(q(r#"{"countries":["JP"]}"#).total, 0);
    assert_eq!(q(r#"{"countries":["KR"]}"#).total, 1);
    assert_eq!(q(r#"{"months":["2024-02"]}"#).total, 1);
    assert_eq!(q(r#"{"text":"new person"}"#).total, 1, "new official names are searchable");
}

#[test]
fn the_explorer_adds_queries_reads_and_exports() {
    let mut ex = Explorer::new();
    let mut r1 = R {
        id: "r1",
        title: Some("Summit, \"final\" day"),
        body: "Leaders met.",
        countries: &["JP"],
        date: Some("2023-05-21"),
        ..R::default()
    }
    .record();
    r1.source = "a.json".into();
    let report = ex.add(vec![Document::Record(Box::new(r1)), Document::text("b.txt", "PARIS - Talks went on.")]);
    assert_eq!(report.added.len(), 2);
    let report = ex.add_named("c.jsonl", b"{\"text\":\"ROME - More talks.\"}\n{bad\n");
    assert_eq!((report.added.len(), report.rejected.len()), (1, 1));
    assert_eq!(report.rejected[0].source, "c.jsonl:2");
    assert_eq!(ex.len(), 3);
    assert_eq!(ex.record("r1").unwrap().body, "Leaders met.");
    assert!(ex.record("missing").is_none());
    let q: Query = r#"{"text":"summit"}"#.parse().unwrap();
    assert_eq!(ex.query(&q).unwrap().total, 1);
    let csv = ex.export(&q, Format::Csv).unwrap();
    let lines: Vec<_> = csv.lines().collect();
    assert_eq!(lines[0], "id,date,title,outlet,countries,officials,source");
    assert_eq!(lines[1], "r1,2023-05-21,\"Summit, \"\"final\"\" day\",,JP,,a.json");
    let jsonl = ex.export(&Query::default(), Format::Jsonl).unwrap();
    assert_eq!(jsonl.lines().count(), 3);
    let (back, rejected) = article_explorer::input::read_jsonl(&jsonl, "export.jsonl", 1);
    assert!(rejected.is_empty(), "{rejected:?}");
    assert!(matches!(&back[0], Document::Record(r) if r.id == ex.records()[0].id), "{back:?}");
    let bad = Query { from: Some("2023-13-01".into()), ..Query::default() };
    assert!(ex.export(&bad, Format::Csv).is_err());
    assert!(ex.query(&bad).is_err());
    ex.clear();
    assert_eq!(ex.len(), 0);
    assert_eq!(ex.query(&Query::default()).unwrap().total, 0);
}

#[test]
fn an_empty_index_answers_every_query() {
    let f = Fixture::new(&[]);
    let r = f.query(r#"{"text":"x","countries":["JP"],"from":"2020-01-01","sort":"oldest","offset":10}"#);
    assert_eq!(r.total, 0);
    assert!(r.hits.is_empty() && r.histogram.is_empty());
    assert_eq!(count(&r.facets.country, "JP"), Some((0, true)));
}

/// A brute-force model of the query rules, checked against the index on
/// random records and queries.
#[cfg(not(target_arch = "wasm32"))]
mod model {
    use super::*;
    use article_explorer::query::Sort;
    use proptest::prelude::*;

    const WORDS: &[&str] = &["alpha", "alps", "beta", "bet", "gamma", "delta", "kishida", "kim"];
    const COUNTRIES: &[&str] = &["JP", "KR", "US", "FR"];
    const OFFICIALS: &[&str] = &["Ann Lee", "Bo Kim", "Cy Park"];
    const OUTLETS: &[&str] = &["AP", "Kyodo", "Yonhap"];
    const DATES: &[&str] = &["2023-01-15", "2023-01", "2023", "2023-02-28", "2023-03-01", "2022-12-31", "2024"];

    #[derive(Debug, Clone)]
    struct Gen {
        body: Vec<usize>,
        countries: Vec<usize>,
        officials: Vec<usize>,
        outlet: Option<usize>,
        date: Option<usize>,
        dup: Option<usize>,
    }

    fn gen_record() -> impl Strategy<Value = Gen> {
        (
            prop::collection::vec(0..WORDS.len(), 1..5),
            prop::collection::vec(0..COUNTRIES.len(), 0..3),
            prop::collection::vec(0..OFFICIALS.len(), 0..2),
            prop::option::of(0..OUTLETS.len()),
            prop::option::of(0..DATES.len()),
            prop::option::weighted(0.2, 0..40usize),
        )
            .prop_map(|(body, countries, officials, outlet, date, dup)| Gen {
                body,
                countries,
                officials,
                outlet,
                date,
                dup,
            })
    }

    #[derive(Debug, Clone)]
    struct GenQuery {
        text: Vec<&'static str>,
        countries: Vec<usize>,
        officials: Vec<usize>,
        outlets: Vec<usize>,
        from: Option<&'static str>,
        to: Option<&'static str>,
        sort: usize,
    }

    fn gen_query() -> impl Strategy<Value = GenQuery> {
        let prefixes = prop::sample::select(vec!["al", "alp", "bet", "k", "kim", "gamma", "zeta", "de"]);
        let days = prop::sample::select(vec!["2023-01-01", "2023-01-31", "2023-02-15", "2023-03-01", "2024-06-01"]);
        (
            prop::collection::vec(prefixes, 0..3),
            prop::collection::vec(0..COUNTRIES.len(), 0..3),
            prop::collection::vec(0..OFFICIALS.len(), 0..2),
            prop::collection::vec(0..OUTLETS.len(), 0..2),
            prop::option::of(days.clone()),
            prop::option::of(days),
            0..3usize,
        )
            .prop_map(|(text, countries, officials, outlets, from, to, sort)| GenQuery {
                text,
                countries,
                officials,
                outlets,
                from,
                to,
                sort,
            })
    }

    fn build(gens: &[Gen]) -> Vec<Record> {
        gens.iter()
            .enumerate()
            .map(|(i, g)| {
                let mut countries: Vec<usize> = g.countries.clone();
                countries.dedup();
                Record {
                    id: format!("r{i}"),
                    source: format!("r{i}"),
                    body: g.body.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" "),
                    countries: countries
                        .iter()
                        .map(|&c| CountryTag {
                            code: COUNTRIES[c].into(),
                            name: COUNTRIES[c].into(),
                            ..CountryTag::default()
                        })
                        .collect(),
                    officials: g
                        .officials
                        .iter()
                        .map(|&o| OfficialTag { name: OFFICIALS[o].into(), ..OfficialTag::default() })
                        .collect(),
                    outlet: g.outlet.map(|o| OUTLETS[o].into()),
                    date: g.date.map(|d| DATES[d].into()),
                    // Only point at earlier canonical records (no chains).
                    duplicate_of: g
                        .dup
                        .filter(|&d| d < i && gens[d].dup.is_none_or(|x| x >= d))
                        .map(|d| format!("r{d}")),
                    ..Record::default()
                }
            })
            .collect()
    }

    fn span(date: &str) -> (String, String) {
        match date.len() {
            10 => (date.into(), date.into()),
            7 => (format!("{date}-01"), format!("{date}-31")),
            _ => (format!("{date}-01-01"), format!("{date}-12-31")),
        }
    }

    /// Whether a record passes every filter except facet `skip`
    /// (0 country, 1 official, 2 outlet; 3 skips none).
    fn passes(r: &Record, q: &GenQuery, skip: usize) -> bool {
        let words: Vec<String> =
            format!("{} {}", r.body, r.officials.iter().map(|o| o.name.clone()).collect::<Vec<_>>().join(" "))
                .to_lowercase()
                .split(' ')
                .map(String::from)
                .collect();
        let outlet_words: Vec<String> = r.outlet.iter().map(|o| o.to_lowercase()).collect();
        let text_ok = q.text.iter().all(|p| words.iter().chain(&outlet_words).any(|w| w.starts_with(p)));
        let range_ok = if q.from.is_none() && q.to.is_none() {
            true
        } else {
            match &r.date {
                None => false,
                Some(d) => {
                    let (lo, hi) = span(d);
                    q.from.is_none_or(|f| hi.as_str() >= f) && q.to.is_none_or(|t| lo.as_str() <= t)
                }
            }
        };
        let country_ok = skip == 0
            || q.countries.is_empty()
            || r.countries.iter().any(|c| q.countries.iter().any(|&s| COUNTRIES[s] == c.code));
        let official_ok = skip == 1
            || q.officials.is_empty()
            || r.officials.iter().any(|o| q.officials.iter().any(|&s| OFFICIALS[s] == o.name));
        let outlet_ok = skip == 2
            || q.outlets.is_empty()
            || r.outlet.as_ref().is_some_and(|o| q.outlets.iter().any(|&s| OUTLETS[s] == o));
        text_ok && range_ok && country_ok && official_ok && outlet_ok
    }

    fn canon(records: &[Record], i: usize) -> Option<usize> {
        records[i].duplicate_of.as_ref().and_then(|id| records.iter().position(|r| &r.id == id))
    }

    /// The hits among the members of `set`, by the collapse rule.
    fn reps(records: &[Record], set: &[bool]) -> Vec<usize> {
        (0..records.len())
            .filter(|&i| set[i])
            .filter(|&i| match canon(records, i) {
                None => true,
                Some(c) => !set[c] && !(0..i).any(|j| set[j] && canon(records, j) == Some(c)),
            })
            .collect()
    }

    fn to_query(q: &GenQuery) -> Query {
        Query {
            text: q.text.join(" "),
            countries: q.countries.iter().map(|&c| COUNTRIES[c].to_string()).collect(),
            officials: q.officials.iter().map(|&o| OFFICIALS[o].to_string()).collect(),
            outlets: q.outlets.iter().map(|&o| OUTLETS[o].to_string()).collect(),
            from: q.from.map(Into::into),
            to: q.to.map(Into::into),
            sort: Some([Sort::Relevance, Sort::Newest, Sort::Oldest][q.sort]),
            limit: 1000,
            ..Query::default()
        }
    }

    /// Text mixing ASCII, accents, combining marks, CJK, emoji and
    /// punctuation, where slicing mistakes would show.
    fn messy_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Kishida", "MÜLLER", "e\u{301}te", "Straße", "東京", "😀", "—", "…", ".", " ", "\n", "Mr.", "U.S.", "ǅ",
            "İ", "ﬁ", "𝒳", "a", "zz", "’s", "\t", "??", "٣", "Ωmega",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn any_text_and_query_give_in_range_highlights(
            bodies in prop::collection::vec(messy_text(), 1..6),
            title in prop::option::of(messy_text()),
            query in messy_text(),
        ) {
            let records: Vec<Record> = bodies
                .iter()
                .enumerate()
                .map(|(i, b)| Record { id: format!("r{i}"), title: title.clone(), body: b.clone(), ..Record::default() })
                .collect();
            let mut index = Index::new();
            for r in &records {
                index.add(r);
            }
            let q = Query { text: query, limit: 10, ..Query::default() };
            let results = index.query(&records, &q).unwrap();
            for hit in &results.hits {
                for (text, ranges) in [(&hit.snippet, &hit.highlights), (&hit.title, &hit.title_highlights)] {
                    let units = text.encode_utf16().count() as u32;
                    let mut last = 0;
                    for &[s, e] in ranges.iter() {
                        prop_assert!(last <= s && s < e && e <= units, "{:?} in {:?}", ranges, text);
                        last = e;
                    }
                }
                prop_assert!(hit.snippet.chars().count() <= 204);
                prop_assert!(hit.title.chars().count() <= 121 || title.is_some());
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn the_index_agrees_with_brute_force(gens in prop::collection::vec(gen_record(), 0..40), q in gen_query()) {
            let records = build(&gens);
            let mut index = Index::new();
            for r in &records {
                index.add(r);
            }
            let mut query = to_query(&q);
            let valid = match (q.from, q.to) { (Some(f), Some(t)) => f <= t, _ => true };
            let got = index.query(&records, &query);
            if !valid {
                prop_assert!(got.is_err());
                return Ok(());
            }
            let got = got.unwrap();
            let set: Vec<bool> = records.iter().map(|r| passes(r, &q, 3)).collect();
            let hits = reps(&records, &set);
            prop_assert_eq!(got.total, hits.len());
            let mut got_ids: Vec<String> = got.hits.iter().map(|h| h.id.clone()).collect();
            let mut want_ids: Vec<String> = hits.iter().map(|&i| records[i].id.clone()).collect();
            if q.sort == 0 && !q.text.is_empty() {
                got_ids.sort();
                want_ids.sort();
            } else {
                // Newest/oldest: by first day of the date, undated last, ties in load order.
                let first_day = |i: usize| records[i].date.as_deref().map(|d| span(d).0);
                let mut order = hits.clone();
                order.sort_by(|&a, &b| match (first_day(a), first_day(b)) {
                    (Some(x), Some(y)) => if q.sort == 2 { x.cmp(&y) } else { y.cmp(&x) }.then(a.cmp(&b)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => a.cmp(&b),
                });
                want_ids = order.iter().map(|&i| records[i].id.clone()).collect();
            }
            prop_assert_eq!(got_ids, want_ids);

            // Disjunctive counts, one facet at a time.
            for (skip, facet, keys) in [
                (0, &got.facets.country, COUNTRIES),
                (1, &got.facets.official, OFFICIALS),
                (2, &got.facets.outlet, OUTLETS),
            ] {
                let set: Vec<bool> = records.iter().map(|r| passes(r, &q, skip)).collect();
                let hits = reps(&records, &set);
                for key in keys {
                    let want = hits.iter().filter(|&&i| {
                        let r = &records[i];
                        match skip {
                            0 => r.countries.iter().any(|c| c.code == *key),
                            1 => r.officials.iter().any(|o| o.name == *key),
                            _ => r.outlet.as_deref() == Some(*key),
                        }
                    }).count() as u32;
                    let got_count = facet.iter().find(|f| f.key == *key).map_or(0, |f| f.count);
                    prop_assert_eq!(got_count, want, "facet {} key {}", skip, key);
                }
            }
            let undated = hits.iter().filter(|&&i| records[i].date.is_none()).count() as u32;
            prop_assert_eq!(got.undated, undated);
            let dated_in_months: u32 = got.histogram.iter().map(|m| m.count).sum();
            let with_month = hits.iter().filter(|&&i| records[i].date.as_deref().is_some_and(|d| d.len() >= 7)).count() as u32;
            prop_assert_eq!(dated_in_months, with_month);

            // Paging through gives the same order.
            query.limit = 3;
            query.offset = 3;
            let page = index.query(&records, &query).unwrap();
            let all: Vec<String> = got.hits.iter().skip(3).take(3).map(|h| h.id.clone()).collect();
            prop_assert_eq!(page.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>(), all);
        }
    }
}

/// A story, then the same story on another site with a page date: the
/// corpus links the copy and lends the first its year; the index follows.
#[test]
fn records_changed_by_later_documents_are_reindexed() {
    const STORY: &str = "Delegates from Norway and Iceland agreed in Reykjavik on Wednesday to extend their \
        shared quota for mackerel for three more seasons, after a week of talks about how warming waters have \
        moved the stocks north, the fisheries ministry said in a statement published after the signing at the \
        harbour offices.";
    let mut ex = Explorer::new();
    ex.add(vec![Document::text("wire.txt", format!("Reykjavik, March 8 {STORY}"))]);
    let in_march: Query = r#"{"from":"2023-03-01","to":"2023-03-31"}"#.parse().unwrap();
    assert_eq!(ex.query(&in_march).unwrap().total, 0, "no year yet");
    let site = format!(
        "Saturday, March 11, 2023\n\nMackerel quota extended\n\nReykjavik, March 8 (NTB) {STORY}\n\nRelated Articles\nMore"
    );
    let report = ex.add(vec![Document::text("site.txt", site)]);
    assert_eq!(report.changed, [0]);
    let r = ex.query(&in_march).unwrap();
    assert_eq!(r.total, 1, "the copy collapses into the first");
    assert_eq!(r.hits[0].id, "wire.txt");
    assert_eq!(r.hits[0].date.as_deref(), Some("2023-03-08"));
    assert_eq!(r.hits[0].duplicates[0].id, "site.txt");
    assert_eq!(count(&r.facets.month, "2023-03"), Some((1, false)));
    assert_eq!(count(&r.facets.outlet, "NTB"), Some((1, false)), "the outlet lent by the copy is counted once");
}

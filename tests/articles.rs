//! Whole articles of our own writing, read through the public API: each
//! checks the rules a reader would apply to it, not the text's sentences.

use std::path::PathBuf;

use article_explorer::{input, Corpus, Record};

fn corpus() -> Corpus {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/articles"));
    let (docs, rejected) = input::read_paths(&[dir]);
    assert!(rejected.is_empty(), "{rejected:?}");
    let mut corpus = Corpus::new();
    corpus.add(docs);
    corpus
}

fn record<'a>(c: &'a Corpus, file: &str) -> &'a Record {
    c.records().iter().find(|r| r.source.ends_with(file)).unwrap_or_else(|| panic!("{file} not loaded"))
}

fn codes(r: &Record) -> Vec<&str> {
    let mut c: Vec<&str> = r.countries.iter().map(|c| c.code.as_str()).collect();
    c.sort();
    c
}

fn names(r: &Record) -> Vec<&str> {
    let mut n: Vec<&str> = r.officials.iter().map(|o| o.name.as_str()).collect();
    n.sort();
    n
}

#[test]
fn a_wire_story_on_a_cluttered_page() {
    let c = corpus();
    let r = record(&c, "nairobi-wire.txt");
    assert_eq!(r.title.as_deref(), Some("Kenya and Ethiopia agree to extend power link"));
    assert_eq!(r.outlet.as_deref(), Some("Reuters"));
    assert_eq!(r.date.as_deref(), Some("2023-03-13"));
    assert_eq!(r.date_evidence.as_ref().map(|e| e.kind.as_str()), Some("dateline+page-date"));
    assert_eq!(codes(r), ["ET", "KE"], "the teaser about Nigeria is clutter");
    assert_eq!(names(r), ["Abiy Ahmed", "William Ruto"]);
    assert!(r.bylines.contains(&"Wanjiru Kamau".to_string()));
    let ruto = r.officials.iter().find(|o| o.name == "William Ruto").unwrap();
    assert_eq!((ruto.role.as_deref(), ruto.country.as_deref(), ruto.mentions), (Some("President"), Some("KE"), 2));
    assert!(!r.body.contains("Most Popular") && !r.body.contains("Editing by"));
}

#[test]
fn a_site_story_with_a_masthead_and_a_published_line() {
    let c = corpus();
    let r = record(&c, "ottawa-site.txt");
    assert_eq!(r.outlet.as_deref(), Some("The Maple Ledger"));
    assert_eq!(r.title.as_deref(), Some("Canada names new envoy to Japan"));
    assert_eq!(r.date.as_deref(), Some("2024-02-02"));
    assert_eq!(codes(r), ["CA", "JP"]);
    let n = names(r);
    assert!(n.contains(&"Melanie Joly") && n.contains(&"Yoko Kamikawa"), "{n:?}");
    let joly = r.officials.iter().find(|o| o.name == "Melanie Joly").unwrap();
    assert_eq!(joly.mentions, 2, "the later 'Joly said' counts");
    assert!(!r.body.contains("Copyright"));
}

#[test]
fn a_wire_story_and_its_copy_are_linked_and_share_a_year() {
    let c = corpus();
    let site = record(&c, "lima-site-copy.txt");
    let wire = record(&c, "lima-wire-copy.txt");
    assert_eq!(wire.duplicate_of.as_deref(), Some(site.id.as_str()));
    assert_eq!(site.date.as_deref(), Some("2023-06-06"));
    assert_eq!(wire.date.as_deref(), Some("2023-06-06"));
    assert_eq!(wire.date_evidence.as_ref().map(|e| e.kind.as_str()), Some("dateline+duplicate"));
    let urrejola = wire.officials.iter().find(|o| o.name == "Antonia Urrejola").expect("counterpart");
    assert_eq!(urrejola.country.as_deref(), Some("CL"));
    assert_eq!(record(&c, "nairobi-wire.txt").duplicate_of, None);
}

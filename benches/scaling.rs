//! How the corpus and the explorer grow with the collection, in shapes a
//! large collection brings: one wire story on many sites, stories that all
//! carry one source name, texts added one call at a time, a name many
//! stories wait on before anyone gives it an office, many officials sharing
//! a surname. Each is timed at 2,000, 8,000 and 32,000 stories; a cost that
//! grows with the collection shows as a last/middle ratio of about 4, one
//! that grows with its square as about 16.
//!
//! `cargo bench --bench scaling`

use std::time::Instant;

use article_explorer::{input, Document, Explorer, Query};

const CITIES: &[&str] = &["WASHINGTON", "TOKYO", "PARIS", "LONDON", "SEOUL", "BERLIN", "NAIROBI"];
const MONTHS: &[&str] = &["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];
const SYLLABLES: &[&str] = &["ka", "lo", "mi", "ten", "ra", "su", "ber", "on", "vi", "da", "ne", "por", "tal"];

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }

    /// A made-up lower-case word, so that stories differ.
    fn word(&mut self) -> String {
        (0..2 + self.below(3)).map(|_| SYLLABLES[self.below(SYLLABLES.len())]).collect()
    }

    fn words(&mut self, n: usize) -> String {
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ")
    }

    fn name(&mut self) -> String {
        let w = self.word();
        w[..1].to_uppercase() + &w[1..]
    }
}

/// A dateline for story `i`.
fn dateline(i: usize) -> String {
    format!("{}, {} {}", CITIES[i % CITIES.len()], MONTHS[i % 12], 1 + i % 28)
}

/// A story of its own, naming no one.
fn story(r: &mut Rng, i: usize) -> String {
    format!(
        "{} - The {} said on Tuesday {} {}.\n\n{} {}, officials said.",
        dateline(i),
        r.words(4),
        r.words(12),
        i,
        r.words(30),
        i * 7
    )
}

fn documents(texts: &[String]) -> Vec<Document> {
    texts.iter().enumerate().map(|(i, t)| Document::text(format!("story-{i}"), t.clone())).collect()
}

fn seconds<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed().as_secs_f64(), out)
}

/// Adds one story per call.
fn add_each(ex: &mut Explorer, docs: Vec<Document>) {
    for d in docs {
        ex.add(vec![d]);
    }
}

/// One scenario at one size: the seconds it took, and what it found (to show
/// the work was done, not skipped).
type Scenario = fn(usize, &mut Rng) -> (f64, String);

const SCENARIOS: &[(&str, Scenario)] = &[
    ("distinct stories, one call", |n, r| {
        let texts: Vec<String> = (0..n).map(|i| story(r, i)).collect();
        let mut ex = Explorer::new();
        let (s, report) = seconds(|| ex.add(documents(&texts)));
        (s, format!("{} added", report.added.len()))
    }),
    ("distinct stories, one call each", |n, r| {
        let texts: Vec<String> = (0..n).map(|i| story(r, i)).collect();
        let mut ex = Explorer::new();
        let (s, ()) = seconds(|| add_each(&mut ex, documents(&texts)));
        (s, format!("{} added", ex.records().len()))
    }),
    ("one source name for every story", |n, r| {
        let docs: Vec<Document> = (0..n).map(|i| Document::text("pasted", story(r, i))).collect();
        let mut ex = Explorer::new();
        let (s, report) = seconds(|| ex.add(docs));
        (s, format!("{} added", report.added.len()))
    }),
    ("one story on every site", |n, r| {
        let wire = story(r, 0);
        let docs: Vec<Document> =
            (0..n).map(|i| Document::text(format!("site-{i}"), format!("Site {i} | Home\n\n{wire}"))).collect();
        let mut ex = Explorer::new();
        let (s, _) = seconds(|| ex.add(docs));
        let copies = ex.records().iter().filter(|r| r.duplicate_of.is_some()).count();
        (s, format!("{copies} copies found"))
    }),
    ("... queried for half its copies", |n, r| {
        let wire = story(r, 0);
        let outlet = |i: usize| if i < n / 2 { "A" } else { "B" };
        let docs: Vec<Document> = (0..n)
            .map(|i| {
                let text = format!("{{\"source\":\"site-{i}\",\"outlet\":\"{}\",\"text\":{:?}}}", outlet(i), wire);
                input::read_object(&text, "x").unwrap_or_else(|r| panic!("{}", r.reason))
            })
            .collect();
        let mut ex = Explorer::new();
        ex.add(docs);
        let query = Query { outlets: vec!["B".into()], ..Query::default() };
        let (s, results) = seconds(|| ex.query(&query));
        (s, format!("{} hit", results.map_or(0, |r| r.total)))
    }),
    ("a name waited on, then learned", |n, r| {
        let texts: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    "{} - Anna Karlsson said the {} {}. Karlsson added {}.",
                    dateline(i),
                    r.words(10),
                    i,
                    r.words(10)
                )
            })
            .collect();
        let mut ex = Explorer::new();
        ex.add(documents(&texts));
        let office = format!("{} - Finance Minister Anna Karlsson said {}.", dateline(n), r.words(10));
        let (s, report) = seconds(|| ex.add(vec![Document::text("learned", office)]));
        (s, format!("{} stories changed", report.changed.len()))
    }),
    ("one surname, many officials", |n, r| {
        let texts: Vec<String> = (0..n)
            .map(|i| match i % 20 {
                0 => format!(
                    "SEOUL, {} (Yonhap) -- Minister Kim {}-{} said {}.",
                    dateline(i),
                    r.name(),
                    r.word(),
                    r.words(10)
                ),
                _ => format!("SEOUL, {} (Yonhap) -- The {} {}. Kim said {}.", dateline(i), r.words(10), i, r.words(10)),
            })
            .collect();
        let mut ex = Explorer::new();
        let (s, _) = seconds(|| ex.add(documents(&texts)));
        let officials: std::collections::HashSet<&str> =
            ex.records().iter().flat_map(|r| r.officials.iter().map(|o| o.name.as_str())).collect();
        (s, format!("{} officials", officials.len()))
    }),
];

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this
    // too, without it, and then small sizes check that it still works.
    let sizes = if std::env::args().any(|a| a == "--bench") { [2_000, 8_000, 32_000] } else { [50, 100, 200] };
    println!("scaling benchmark: seconds at each size (what was found at the largest)");
    println!();
    println!("| shape | {} | {} | {} | last/middle | found |", sizes[0], sizes[1], sizes[2]);
    println!("|---|---:|---:|---:|---:|---|");
    for (name, run) in SCENARIOS {
        let mut times = Vec::new();
        let mut found = String::new();
        for n in sizes {
            let (s, what) = run(n, &mut Rng(0x5eed + n as u64));
            times.push(s);
            found = what;
        }
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.1} | {found} |",
            times[0],
            times[1],
            times[2],
            times[2] / times[1].max(1e-9)
        );
    }
}

//! Query engine benchmark on generated records (extraction left out): index
//! build speed, index size against the raw text, and the median time of
//! each kind of query at 1,000, 10,000 and 100,000 documents.
//!
//! `cargo bench --bench query` (add `-- 100000` to run one size, or
//! `-- --records FILE.jsonl` to time loading and indexing records the CLI
//! wrote).

use std::time::Instant;

use article_explorer::query::{Index, Query};
use article_explorer::{input, Corpus, CountryTag, Evidence, OfficialTag, Record};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Roughly Zipf-distributed index below `n`: common words are common.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const COUNTRIES: &[(&str, &str)] = &[
    ("JP", "Japan"),
    ("KR", "South Korea"),
    ("US", "United States"),
    ("CN", "China"),
    ("FR", "France"),
    ("DE", "Germany"),
    ("GB", "United Kingdom"),
    ("IN", "India"),
    ("BR", "Brazil"),
    ("ZA", "South Africa"),
    ("NG", "Nigeria"),
    ("EG", "Egypt"),
    ("TR", "Türkiye"),
    ("MX", "Mexico"),
    ("CA", "Canada"),
    ("AU", "Australia"),
    ("ID", "Indonesia"),
    ("VN", "Vietnam"),
    ("PL", "Poland"),
    ("UA", "Ukraine"),
];

const FIRST: &[&str] =
    &["Ana", "Björn", "Chen", "Dmitri", "Élodie", "Fumio", "Grace", "Hakan", "Ines", "José", "Kim", "Lena"];
const LAST: &[&str] =
    &["Alvarez", "Brandt", "Çelik", "Dubois", "Eriksen", "Kishida", "Moon", "Nowak", "Okafor", "Park", "Silva"];
const OUTLETS: &[&str] = &["Reuters", "AP", "AFP", "Kyodo", "Yonhap", "BBC", "Al Jazeera", "DW", "NHK", "Xinhua"];

/// A vocabulary of made-up words, common ones short.
fn vocabulary(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYL: &[&str] = &["ka", "lo", "mi", "ten", "ra", "su", "ber", "on", "vi", "da", "ne", "por", "tal", "é", "ü"];
    (0..n)
        .map(|i| {
            let syllables = 1 + (i as f64).log10() as usize + rng.below(2);
            (0..syllables).map(|_| SYL[rng.below(SYL.len())]).collect()
        })
        .collect()
}

fn generate(n: usize, seed: u64) -> Vec<Record> {
    let mut rng = Rng(seed);
    let words = vocabulary(&mut rng, 20_000);
    let officials: Vec<String> =
        (0..60).map(|i| format!("{} {}", FIRST[i % FIRST.len()], LAST[(i * 7) % LAST.len()])).collect();
    (0..n)
        .map(|i| {
            let sentence = |rng: &mut Rng, len: usize| -> String {
                let mut s = String::new();
                for k in 0..len {
                    if k > 0 {
                        s.push(' ');
                    }
                    s.push_str(&words[rng.zipf(words.len())]);
                }
                s
            };
            let countries: Vec<CountryTag> = (0..1 + rng.below(3))
                .map(|_| {
                    let (code, name) = COUNTRIES[rng.zipf(COUNTRIES.len())];
                    CountryTag { code: code.into(), name: name.into(), mentions: 1, evidence: vec![] }
                })
                .collect();
            let people: Vec<OfficialTag> = (0..rng.below(4))
                .map(|_| OfficialTag {
                    name: officials[rng.zipf(officials.len())].clone(),
                    role: Some("Foreign Minister".into()),
                    country: Some(countries[0].code.clone()),
                    mentions: 2,
                    ..OfficialTag::default()
                })
                .collect();
            let mut body = String::new();
            for p in &people {
                body.push_str(&format!("{} {} said. ", p.role.as_deref().unwrap_or(""), p.name));
            }
            for _ in 0..12 + rng.below(12) {
                let len = 8 + rng.below(12);
                body.push_str(&sentence(&mut rng, len));
                body.push_str(". ");
            }
            let year = 2015 + rng.below(10);
            let date = match rng.below(20) {
                0 => None,
                1 => Some(format!("{year}")),
                2 => Some(format!("{year}-{:02}", 1 + rng.below(12))),
                _ => Some(format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28))),
            };
            let len = 5 + rng.below(5);
            let title = sentence(&mut rng, len);
            let duplicate_of = (i > 10 && rng.below(50) == 0).then(|| format!("doc{}", rng.below(i)));
            Record {
                id: format!("doc{i}"),
                source: format!("gen/{i}.txt"),
                title: Some(title),
                outlet: Some(OUTLETS[rng.zipf(OUTLETS.len())].into()),
                date_evidence: date.as_ref().map(|_| Evidence { kind: "header".into(), text: String::new() }),
                date,
                countries,
                officials: people,
                duplicate_of,
                body,
                ..Record::default()
            }
        })
        .collect()
}

fn median_ms(mut f: impl FnMut(), runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

/// Times the steps of adding a file of parsed records: reading them,
/// adding them to a corpus, and indexing them.
fn records_file(path: &str) {
    let bytes = std::fs::read(path).expect("readable records file");
    let t = Instant::now();
    let (docs, rejected) = input::read_named(path, &bytes);
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut corpus = Corpus::new();
    corpus.add(docs);
    let link = t.elapsed().as_secs_f64();
    let records = corpus.records();
    let raw: usize = records.iter().map(|r| r.body.len() + r.title.as_deref().map_or(0, str::len)).sum();
    let t = Instant::now();
    let mut index = Index::new();
    for r in records {
        index.add(r);
    }
    let build = t.elapsed().as_secs_f64();
    let stats = index.stats();
    let mb = bytes.len() as f64 / 1e6;
    println!("| step | time | rate |");
    println!("|---|---:|---:|");
    println!(
        "| read {} records ({} rejected, {mb:.1} MB of JSON) | {read:.2} s | {:.0} MB/s |",
        records.len(),
        rejected.len(),
        mb / read
    );
    println!("| corpus add (linking) | {link:.2} s | {:.0} MB/s |", mb / link);
    println!("| index | {build:.2} s | {:.0} MB/s of text |", raw as f64 / 1e6 / build);
    println!(
        "| index size | {} words, {:.1} MB text + {:.1} MB facets | {:.2}x the {:.1} MB of text |",
        stats.words,
        stats.text_bytes as f64 / 1e6,
        stats.other_bytes as f64 / 1e6,
        (stats.text_bytes + stats.other_bytes) as f64 / raw as f64,
        raw as f64 / 1e6
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--records") {
        records_file(args.get(i + 1).map(String::as_str).unwrap_or("records.jsonl"));
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --all-targets` runs this
    // too, without it, and then a small size checks that it still works.
    let sizes: Vec<usize> = match args.iter().skip(1).find_map(|a| a.parse().ok()) {
        Some(n) => vec![n],
        None if args.iter().any(|a| a == "--bench") => vec![1_000, 10_000, 100_000],
        None => vec![1_000],
    };
    let query = |json: &str| -> Query { json.parse().expect("benchmark query parses") };
    let kinds = [
        ("everything (counts + page)", query("{}")),
        ("text, one word", query(r#"{"text":"kalo"}"#)),
        ("text, short prefix", query(r#"{"text":"ka"}"#)),
        ("text, two words", query(r#"{"text":"kishida minister"}"#)),
        ("two facets", query(r#"{"countries":["JP","KR"],"outlets":["Kyodo","Reuters"]}"#)),
        ("date range, oldest", query(r#"{"from":"2019-01-01","to":"2020-06-30","sort":"oldest"}"#)),
        (
            "compound: text + 2 facets + range",
            query(
                r#"{"text":"park","countries":["JP","KR"],"outlets":["Kyodo","Reuters","AP"],"from":"2018-01-01","to":"2022-12-31"}"#,
            ),
        ),
    ];
    println!("| docs | what | median |");
    println!("|---:|---|---:|");
    for &n in &sizes {
        let records = generate(n, 0x5eed + n as u64);
        let raw: usize = records.iter().map(|r| r.body.len() + r.title.as_deref().map_or(0, str::len)).sum();
        let t = Instant::now();
        let mut index = Index::new();
        for r in &records {
            index.add(r);
        }
        let secs = t.elapsed().as_secs_f64();
        let stats = index.stats();
        println!("| {n} | index build ({:.1} MB of text) | {:.0} MB/s |", raw as f64 / 1e6, raw as f64 / 1e6 / secs);
        println!(
            "| {n} | index size: {} words, {:.1} MB text + {:.1} MB facets | {:.2}x the text |",
            stats.words,
            stats.text_bytes as f64 / 1e6,
            stats.other_bytes as f64 / 1e6,
            (stats.text_bytes + stats.other_bytes) as f64 / raw as f64
        );
        for (name, q) in &kinds {
            let mut total = 0;
            let ms = median_ms(
                || {
                    let r = index.query(&records, q).expect("benchmark query runs");
                    total = r.total;
                },
                if n >= 100_000 { 21 } else { 51 },
            );
            println!("| {n} | {name} ({total} hits) | {ms:.2} ms |");
        }
    }
    many_values(*sizes.last().unwrap_or(&1_000));
}

/// The query with no filter (every facet counted) again, over records
/// naming 20,000 officials and 2,000 outlets between them (as a large real
/// collection can), with every facet value listed and with the page's
/// `facetLimit` of 300.
fn many_values(n: usize) {
    let mut rng = Rng(0xface);
    let mut records = generate(n, 0x5eed + n as u64);
    for r in &mut records {
        r.outlet = Some(format!("Outlet {}", rng.below(2_000)));
        for o in &mut r.officials {
            o.name = format!("Official {}", rng.below(20_000));
        }
    }
    let mut index = Index::new();
    for r in &records {
        index.add(r);
    }
    for (name, limit) in [("every value listed", None), ("facetLimit 300", Some(300))] {
        let q = Query { facet_limit: limit, ..Query::default() };
        let mut listed = 0;
        let ms = median_ms(
            || {
                let r = index.query(&records, &q).expect("benchmark query runs");
                listed = r.facets.official.len() + r.facets.outlet.len();
            },
            21,
        );
        println!("| {n} | everything, 20,000 officials and 2,000 outlets, {name} ({listed} listed) | {ms:.2} ms |");
    }
}

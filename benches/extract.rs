//! Extraction throughput and memory on real newswire text.
//!
//! Reads the Reuters-21578 stories from `../shared/corpora/reuters21578/`
//! (or `$REUTERS_JSONL`); without them, it says so and measures the demo
//! corpus instead. Prints, for the same bytes in the same run: a plain byte
//! scan, extraction alone (one thread), and the peak heap extraction used
//! relative to the input size.
//!
//! Targets: extraction >= 100 MB/s, peak memory <= 3x the input.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use article_explorer::{Corpus, Document};

/// Counts live and peak heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn load() -> (String, Vec<(String, String)>) {
    let path = std::env::var("REUTERS_JSONL").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/reuters21578/reuters21578.jsonl").into()
    });
    if let Ok(text) = std::fs::read_to_string(&path) {
        let mut docs = Vec::new();
        for line in text.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(body) = v["body"].as_str() else { continue };
            let title = v["title"].as_str().unwrap_or("");
            let dateline = v["dateline"].as_str().unwrap_or("");
            docs.push((format!("reuters/{}", v["newid"]), format!("{title}\n{dateline} {body}")));
        }
        return ("Reuters-21578".into(), docs);
    }
    println!("note: {path} not found; measuring the demo corpus instead");
    let demo = include_str!("../www/demo/articles.jsonl");
    let docs = demo
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| (v["source"].as_str().unwrap_or("").to_string(), v["text"].as_str().unwrap_or("").to_string()))
        .collect();
    ("demo corpus".into(), docs)
}

/// The floor any text processing pays: read every byte once.
fn byte_scan(docs: &[(String, String)]) -> usize {
    docs.iter().map(|(_, t)| t.bytes().filter(|&b| b == b'\n' || b >= 0x80).count()).sum()
}

fn main() {
    let (name, docs) = load();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mb = bytes as f64 / 1e6;

    let mut scan_best = f64::MAX;
    let mut sink = 0;
    for _ in 0..5 {
        let t = Instant::now();
        sink += byte_scan(&docs);
        scan_best = scan_best.min(t.elapsed().as_secs_f64());
    }

    let mut best = f64::MAX;
    let mut peak_ratio = 0.0;
    let mut records = 0;
    for _ in 0..3 {
        let input: Vec<Document> = docs.iter().map(|(s, t)| Document::text(s.clone(), t.clone())).collect();
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t = Instant::now();
        let mut corpus = Corpus::new();
        let report = corpus.add(input);
        let secs = t.elapsed().as_secs_f64();
        best = best.min(secs);
        // Peak above what was live before, which already held the input once.
        peak_ratio = (PEAK.load(Ordering::Relaxed) - base + bytes) as f64 / bytes as f64;
        records = report.added.len();
        drop(corpus);
    }
    println!("extraction benchmark: {name}, {} stories, {mb:.1} MB (checksum {sink})", docs.len());
    println!();
    println!("| measure                         | result        | target      |");
    println!("|---------------------------------|---------------|-------------|");
    println!("| plain byte scan                 | {:>8.0} MB/s | -           |", mb / scan_best);
    println!("| extraction, one thread          | {:>8.1} MB/s | >= 100 MB/s |", mb / best);
    println!("| extraction time                 | {:>10.3} s  | -           |", best);
    println!("| peak memory / input size        | {:>11.2}x | <= 3x       |", peak_ratio);
    println!("| records                         | {records:>13} | -           |");
    phases(&docs, mb);
}

/// Where the time goes: each phase alone over the same stories, best of
/// three, to show what a faster design must cut.
fn phases(docs: &[(String, String)], mb: f64) {
    use article_explorer::{extract, gazetteer, input::Meta, parse, text};
    let best = |f: &mut dyn FnMut() -> usize| {
        let mut secs = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            std::hint::black_box(f());
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        secs
    };
    let g = gazetteer::get();
    let known = |p: &str| g.is_place(p);
    let pages: Vec<_> = docs.iter().map(|(_, t)| parse::parse(t, &known)).collect();
    let toks: Vec<_> = pages.iter().map(|p| text::tokens(&p.body)).collect();
    let meta = Meta::default();
    let rows: [(&str, f64); 5] = [
        ("taking pages apart", best(&mut || docs.iter().map(|(_, t)| parse::parse(t, &known).body.len()).sum())),
        ("tokens", best(&mut || pages.iter().map(|p| text::tokens(&p.body).len()).sum())),
        (
            "officials",
            best(&mut || {
                pages.iter().zip(&toks).map(|(p, t)| extract::officials::read(&p.body, t, &p.bylines).0.len()).sum()
            }),
        ),
        (
            "countries",
            best(&mut || pages.iter().zip(&toks).map(|(p, t)| extract::countries::mentions(&p.body, t).len()).sum()),
        ),
        (
            "one story's whole extraction",
            best(&mut || docs.iter().map(|(s, t)| extract::extract(s, t, &meta).countries.len()).sum()),
        ),
    ];
    println!();
    println!("| phase (alone, one thread)       | time          | rate          |");
    println!("|---------------------------------|---------------|---------------|");
    for (name, secs) in rows {
        println!("| {name:<31} | {:>10.0} ms | {:>8.0} MB/s |", secs * 1e3, mb / secs);
    }
}

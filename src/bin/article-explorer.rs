//! `article-explorer parse PATH... [-o FILE]`: extract records as JSON Lines.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use article_explorer::{input, Corpus};

const HELP: &str = "\
article-explorer: read raw news articles into dated, tagged records.

USAGE:
    article-explorer parse PATH... [-o FILE]

PATH is a .txt file (one article), a .jsonl, .ndjson or .json file (one article per
object: \"text\", or \"title\" + \"body\"; optional \"source\", \"url\", \"date\",
\"outlet\", \"id\"), or a folder (every .txt/.jsonl/.ndjson/.json below it, sorted).

Writes one JSON record per article to stdout, or to FILE with -o; the
explorer page loads that file as it is (no extraction in the browser).
Prints a summary on stderr: read, parsed, rejected, and each rejection
with its source and reason.

EXIT STATUS:
    0  at least one article parsed
    1  nothing parsed
    2  usage error
";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("article-explorer: {message}\n\nRun 'article-explorer --help' for usage.");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode, String> {
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return Ok(if args.is_empty() { ExitCode::from(2) } else { ExitCode::SUCCESS });
    }
    if args[0] != "parse" {
        return Err(format!("unknown command '{}'", args[0]));
    }
    let mut paths = Vec::new();
    let mut out: Option<PathBuf> = None;
    let mut rest = args[1..].iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "-o" | "--output" => out = Some(rest.next().ok_or("-o needs a file name")?.into()),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option '{s}'")),
            s => paths.push(PathBuf::from(s)),
        }
    }
    if paths.is_empty() {
        return Err("parse needs at least one PATH".into());
    }

    let (docs, mut rejected) = input::read_paths(&paths);
    let read = docs.len() + rejected.len();
    let mut corpus = Corpus::new();
    let report = corpus.add(docs);
    rejected.extend(report.rejected);

    let mut buf = Vec::with_capacity(corpus.records().iter().map(|r| r.body.len() + 512).sum());
    for record in corpus.records() {
        serde_json::to_writer(&mut buf, record).map_err(|e| e.to_string())?;
        buf.push(b'\n');
    }
    match &out {
        Some(path) => std::fs::write(path, &buf).map_err(|e| format!("cannot write {}: {e}", path.display()))?,
        None => std::io::stdout().write_all(&buf).map_err(|e| e.to_string())?,
    }

    let parsed = corpus.records().len();
    eprintln!("read {read}, parsed {parsed}, rejected {}", rejected.len());
    for r in &rejected {
        eprintln!("  rejected {}: {}", r.source, r.reason);
    }
    Ok(if parsed > 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

//! The `article-explorer parse` command as a user runs it: exit codes, the
//! summary on stderr, and one rejection per kind of bad input, with the rest
//! still loading.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_article-explorer")).args(args).output().expect("the CLI runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-explorer-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["parse"]).status.code(), Some(2));
    assert_eq!(run(&["parse", "--nope", "x"]).status.code(), Some(2));
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("article-explorer parse PATH"));
}

#[test]
fn a_folder_with_bad_items_loads_the_rest_and_counts_add_up() {
    let dir = scratch("mixed");
    write(
        &dir,
        "a.txt",
        b"ROME, May 2 (ANSA) - Italian Prime Minister Giorgia Meloni met Tunisian President Kais Saied.",
    );
    write(&dir, "b.jsonl", b"{\"text\":\"PARIS, Jan 3 - France and Spain met.\"}\n{broken\n{\"title\":\"T\"}\n");
    write(
        &dir,
        "c.json",
        b"[{\"title\":\"Lisbon talks\",\"body\":\"Portugal hosted talks.\",\"date\":\"2020-02-03\"}]",
    );
    write(&dir, "d.txt", &[0u8, 159, 146, 150, 0, 0, 1, 2]);
    write(&dir, "e.txt", b"   \n\n");
    write(&dir, "f.txt", &vec![b'a'; 5 * 1024 * 1024 + 1]);
    write(&dir, "g.txt", b"BERLIN, May 4 - Caf\xe9 owners in Germany protested.");
    write(&dir, "ignored.csv", b"not,an,article");
    let out_file = dir.join("out.jsonl");
    let out = run(&["parse", dir.to_str().unwrap(), "-o", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("read 9, parsed 4, rejected 5"), "{stderr}");
    for reason in
        ["b.jsonl:2: malformed JSON", "b.jsonl:3: no \"text\"", "d.txt: binary", "e.txt: empty", "f.txt: too large"]
    {
        assert!(stderr.contains(reason), "missing {reason:?} in {stderr}");
    }
    let records: Vec<serde_json::Value> =
        std::fs::read_to_string(&out_file).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), 4);
    let latin1 = records.iter().find(|r| r["source"].as_str().unwrap().ends_with("g.txt")).unwrap();
    assert!(latin1["warnings"][0].as_str().unwrap().contains("UTF-8"));
    let given = records.iter().find(|r| r["title"] == "Lisbon talks").unwrap();
    assert_eq!(given["date"], "2020-02-03");
    assert_eq!(given["date_evidence"]["kind"], "metadata");
}

#[test]
fn nothing_parsed_exits_1_and_records_reload_without_extraction() {
    let dir = scratch("empty");
    write(&dir, "e.txt", b"");
    let out = run(&["parse", dir.join("e.txt").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));

    write(&dir, "a.txt", b"TOKYO, March 3 (Kyodo) -- Prime Minister Fumio Kishida met reporters.");
    let first = run(&["parse", dir.join("a.txt").to_str().unwrap()]);
    write(&dir, "records.jsonl", &first.stdout);
    let again = run(&["parse", dir.join("records.jsonl").to_str().unwrap()]);
    let a: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(a["officials"], b["officials"]);
    assert_eq!(a["countries"], b["countries"]);
    assert_eq!(a["body"], b["body"]);
}

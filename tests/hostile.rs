//! Hostile input never panics: arbitrary bytes through every reader, and
//! article-like texts with random damage through extraction.

use article_explorer::{input, Corpus, Document};
use proptest::prelude::*;

const SHAPES: &[&str] = &[
    "Home | World | Sport\n",
    "Thursday, January 15, 2026\n8.1 C\nLima\n",
    " date 2025-11-07 ",
    "(ATTN: ADDS detail)\n",
    "By Ana Ruiz\n",
    "Published : Oct. 6, 2023 - 14:39\n",
    "SEOUL, Oct. 5 (Yonhap) -- ",
    "Seoul, Nov 6 (IANS) ",
    "GREENWICH, Conn., March 3 - ",
    "First Vice Foreign Minister Park Yoon-joo met his Japanese counterpart, Takehiro Funakoshi. ",
    "Prime Minister Dato' Seri Anwar Ibrahim said. ",
    "Mr. Funakoshi, Japan's vice foreign minister, said. ",
    "Jorge Mario Bergoglio was elected the first American pope. ",
    "The Yoon administration said on Friday. ",
    "King Mohammed VI of Morocco. ",
    "50 mln U.S. dlrs in Geneva. ",
    "Minister ",
    "counterpart, ",
    "\nHot this week\n",
    "(R) shakes hands (Yonhap)\n",
    "é ß 한국 “quoted” — ",
    "(Reporting by Ece Toksabay in İstanbul; Editing by Ümit Bektaş) ",
    "Foreign Minister Сергей Лавров said. ",
    "ȺȾ ẞ İİ ǅ ",
    "24/11/2022 ",
    "15 de enero de 2024 ",
    "Reporting by Jo Kim; Editing by Sam Lee",
    "They agreed. — Bernama\n",
    "--IANS\nint/rad\n",
    "==Kyodo ",
    "1. Floods close roads\n",
    "Home  World  Asia\n",
    "By IANS | Updated: April 5, 2025 16:40 IST\n",
    "Hana Rahman | The Peninsula\n",
    "ASHEVILLE, N.C. (WLOS) — ",
    "Fri 06/12/2024 - 19:40\n",
    "Updated 3 hours ago\n",
    "Kenya's climate change minister, Amina Odhiambo, ",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec((0..SHAPES.len(), any::<u8>(), 0usize..40), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (i, noise, cut) in parts {
            let shape = SHAPES[i];
            // Damage: cut a shape short at a character boundary, or add a stray byte.
            let mut end = cut.min(shape.len());
            while !shape.is_char_boundary(end) {
                end -= 1;
            }
            s.push_str(if noise % 3 == 0 { &shape[..end] } else { shape });
            if noise % 5 == 0 {
                s.push(char::from(noise % 128));
            }
            if noise % 7 == 0 {
                // Letters whose lower case has another byte length.
                s.push(['İ', 'Ⱥ', 'ẞ', 'Ω', 'ǅ'][usize::from(noise % 5)]);
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000), kind in 0..3u8) {
        let name = ["x.txt", "x.jsonl", "x.json"][usize::from(kind)];
        let (docs, rejected) = input::read_named(name, &bytes);
        let mut corpus = Corpus::new();
        let n = docs.len();
        let report = corpus.add(docs);
        prop_assert_eq!(report.added.len() + report.rejected.len(), n);
        prop_assert!(rejected.iter().all(|r| !r.reason.is_empty()));
    }

    #[test]
    fn damaged_articles_never_panic_and_stay_consistent(texts in prop::collection::vec(article(), 1..6)) {
        let mut corpus = Corpus::new();
        let docs: Vec<Document> = texts.iter().enumerate().map(|(i, t)| Document::text(format!("a{i}"), t.clone())).collect();
        let report = corpus.add(docs);
        prop_assert_eq!(report.added.len() + report.rejected.len(), texts.len());
        for r in corpus.records() {
            for c in &r.countries {
                prop_assert_eq!(c.code.len(), 2);
                prop_assert!(c.mentions >= 1);
            }
            for o in &r.officials {
                prop_assert!(!o.name.is_empty());
            }
            // Every field survives the trip the wasm boundary makes.
            let json = serde_json::to_string(r).unwrap();
            match article_explorer::input::read_object(&json, "x") {
                Ok(Document::Record(back)) => prop_assert_eq!(&*back, r),
                other => prop_assert!(false, "not read back as a record: {:?}", other),
            }
            if let Some(d) = &r.date {
                prop_assert!(matches!(d.len(), 4 | 7 | 10));
            }
            if let Some(dup) = &r.duplicate_of {
                prop_assert!(corpus.records().iter().any(|x| &x.id == dup && x.duplicate_of.is_none()));
            }
        }
    }
}

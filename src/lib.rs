//! Article explorer: read raw news articles into dated, tagged records, and
//! filter them by date, country and official.
//!
//! The core is plain Rust with no browser types: [`input`] turns files and
//! JSON into documents, [`parse`] separates a story from its page clutter,
//! [`extract`] finds its date, countries and officials, [`corpus`] links
//! stories across a collection (duplicates, shared people), and [`query`]
//! filters and counts them. The CLI and the WebAssembly binding are two
//! callers of the same API.
//!
//! ```
//! use article_explorer::{Corpus, Document};
//! let mut corpus = Corpus::new();
//! let report = corpus.add(vec![Document::text(
//!     "note.txt",
//!     "TOKYO, March 3 (Kyodo) -- Prime Minister Fumio Kishida met reporters.",
//! )]);
//! assert_eq!(report.added.len(), 1);
//! let record = &corpus.records()[0];
//! assert_eq!(record.countries[0].code, "JP");
//! ```
#![deny(missing_docs)]

pub mod corpus;
pub mod error;
pub mod explorer;
pub mod extract;
pub mod gazetteer;
pub mod input;
pub mod order;
pub mod parse;
pub mod query;
pub mod record;
pub mod text;

#[cfg(feature = "wasm")]
pub mod wasm;

pub use corpus::{AddReport, Corpus};
pub use error::{Error, ErrorKind, Result};
pub use explorer::{AddSummary, Explorer, Format};
pub use input::{Document, Rejection};
pub use query::{FacetCount, Hit, Query, Results, Sort};
pub use record::{CountryTag, Evidence, OfficialTag, Record};

//! Extraction: from one article's text to a [`Record`].

use crate::input::Meta;
use crate::record::Record;

/// Extracts a record from one article's raw text.
pub fn extract(source: &str, text: &str, meta: &Meta) -> Record {
    Record {
        id: meta.id.clone().unwrap_or_default(),
        source: source.to_string(),
        title: meta.title.clone(),
        outlet: meta.outlet.clone(),
        body: text.to_string(),
        warnings: meta.warnings.clone(),
        ..Record::default()
    }
}

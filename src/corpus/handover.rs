//! Extracted documents as bytes, to cross from a Web Worker to the page.
//!
//! A plain binary layout rather than JSON: a story's body is most of the
//! bytes, and copying it as it is costs far less than escaping it on one
//! side and unescaping it on the other. Little-endian `u32`s; a string is
//! its length then its UTF-8 bytes, a missing one the length `u32::MAX`; a
//! list is its length then its items. Each item starts with a byte: 0 for a
//! record (then its names), 1 for a rejection.

use super::Extracted;
use crate::extract::officials::NameMention;
use crate::input::Rejection;
use crate::record::{CountryTag, Evidence, OfficialTag, Record};

const RECORD: u8 = 0;
const REJECTED: u8 = 1;
const NONE: u32 = u32::MAX;

/// `items` as bytes for [`decode`].
pub fn encode(items: &[Extracted]) -> Vec<u8> {
    let mut out = Out(Vec::new());
    for item in items {
        match item {
            Extracted::Record { record, names } => {
                out.0.push(RECORD);
                out.record(record);
                out.list(names, |o, n| {
                    o.str(&n.name);
                    o.0.push(n.word_alone as u8);
                    o.num(n.at);
                });
            }
            Extracted::Rejected(r) => {
                out.0.push(REJECTED);
                out.str(&r.source);
                out.str(&r.reason);
            }
        }
    }
    out.0
}

/// The items [`encode`] wrote; an error says where other bytes went wrong.
pub fn decode(bytes: &[u8]) -> Result<Vec<Extracted>, String> {
    let mut input = In { bytes, at: 0 };
    let mut items = Vec::new();
    while input.at < bytes.len() {
        let item = match input.byte()? {
            RECORD => {
                let record = input.record()?;
                let names = input.list(|i| {
                    Ok(NameMention { name: i.string()?, word_alone: i.byte()? != 0, at: i.num()? as usize })
                })?;
                Extracted::Record { record, names }
            }
            REJECTED => Extracted::Rejected(Rejection { source: input.string()?, reason: input.string()? }),
            other => return Err(format!("unknown item kind {other} at byte {}", input.at - 1)),
        };
        items.push(item);
    }
    Ok(items)
}

struct Out(Vec<u8>);

impl Out {
    fn num(&mut self, n: impl TryInto<u32>) {
        // Offsets and counts of one story fit: an item is at most 5 MB.
        let n: u32 = n.try_into().unwrap_or(NONE - 1);
        self.0.extend_from_slice(&n.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.num(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.str(s),
            None => self.num(NONE),
        }
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Out, &T)) {
        self.num(items.len());
        for item in items {
            each(self, item);
        }
    }

    fn strings(&mut self, items: &[String]) {
        self.list(items, |o, s| o.str(s));
    }

    fn record(&mut self, r: &Record) {
        self.str(&r.id);
        self.str(&r.source);
        self.opt(&r.title);
        self.opt(&r.outlet);
        self.strings(&r.bylines);
        self.opt(&r.dateline);
        self.opt(&r.date);
        match &r.date_evidence {
            Some(e) => {
                self.str(&e.kind);
                self.str(&e.text);
            }
            None => (0..2).for_each(|_| self.num(NONE)),
        }
        self.list(&r.countries, |o, c| {
            o.str(&c.code);
            o.str(&c.name);
            o.num(c.mentions);
            o.strings(&c.evidence);
        });
        self.list(&r.officials, |o, t| {
            o.str(&t.name);
            o.strings(&t.aliases);
            o.opt(&t.role);
            o.opt(&t.country);
            o.num(t.mentions);
            o.opt(&t.evidence);
        });
        self.opt(&r.duplicate_of);
        self.str(&r.body);
        self.strings(&r.warnings);
    }
}

struct In<'a> {
    bytes: &'a [u8],
    at: usize,
}

type Read<T> = Result<T, String>;

impl In<'_> {
    fn take(&mut self, n: usize) -> Read<&[u8]> {
        let out = self.bytes.get(self.at..self.at.saturating_add(n)).ok_or("cut short")?;
        self.at += n;
        Ok(out)
    }

    fn byte(&mut self) -> Read<u8> {
        Ok(self.take(1)?[0])
    }

    fn num(&mut self) -> Read<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn opt(&mut self) -> Read<Option<String>> {
        let len = self.num()?;
        if len == NONE {
            return Ok(None);
        }
        let at = self.at;
        let bytes = self.take(len as usize)?;
        let s = std::str::from_utf8(bytes).map_err(|_| format!("not UTF-8 at byte {at}"))?;
        Ok(Some(s.to_string()))
    }

    fn string(&mut self) -> Read<String> {
        self.opt()?.ok_or_else(|| "a string is missing".to_string())
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let n = self.num()? as usize;
        // A story's lists are short; a bad count must not reserve much
        // before the bytes run out.
        let mut out = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            out.push(each(self)?);
        }
        Ok(out)
    }

    fn strings(&mut self) -> Read<Vec<String>> {
        self.list(|i| i.string())
    }

    fn record(&mut self) -> Read<Record> {
        let (id, source, title, outlet, bylines) =
            (self.string()?, self.string()?, self.opt()?, self.opt()?, self.strings()?);
        let (dateline, date) = (self.opt()?, self.opt()?);
        let date_evidence = match (self.opt()?, self.opt()?) {
            (Some(kind), Some(text)) => Some(Evidence { kind, text }),
            _ => None,
        };
        let countries = self.list(|i| {
            Ok(CountryTag { code: i.string()?, name: i.string()?, mentions: i.num()?, evidence: i.strings()? })
        })?;
        let officials = self.list(|i| {
            Ok(OfficialTag {
                name: i.string()?,
                aliases: i.strings()?,
                role: i.opt()?,
                country: i.opt()?,
                mentions: i.num()?,
                evidence: i.opt()?,
            })
        })?;
        let (duplicate_of, body, warnings) = (self.opt()?, self.string()?, self.strings()?);
        Ok(Record {
            id,
            source,
            title,
            outlet,
            bylines,
            dateline,
            date,
            date_evidence,
            countries,
            officials,
            duplicate_of,
            body,
            warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::extract;
    use crate::input::Document;

    #[test]
    fn what_is_encoded_decodes_the_same() {
        let story = "Chile and Peru sign deal\n\nBy Ana Ruiz\n\nLIMA, June 6, 2023 (EFE) - Prime Minister Fumio \
            Kishida said Kishida and Mr. Yoon would meet in Tōkyō.";
        let items = vec![
            extract(Document::text("a.txt", story)),
            Extracted::Rejected(Rejection { source: "b.txt".into(), reason: "empty: no text".into() }),
        ];
        let Extracted::Record { record, names } = &items[0] else { panic!("expected a record") };
        assert!(!names.is_empty() && !record.countries.is_empty() && !record.officials.is_empty());
        assert!(record.date_evidence.is_some() && !record.bylines.is_empty());
        assert_eq!(decode(&encode(&items)).unwrap(), items);
        assert!(decode(&[]).unwrap().is_empty());
    }

    #[test]
    fn other_bytes_are_an_error_not_a_panic() {
        let good = encode(&[extract(Document::text("a.txt", "President Lula spoke in Brasília."))]);
        for cut in 1..good.len() {
            assert!(decode(&good[..cut]).is_err(), "cut at {cut}");
        }
        assert!(decode(&[7]).unwrap_err().contains("unknown item kind 7"));
        // A rejection whose source claims four billion bytes, and a record
        // whose byline list claims four billion items: errors, not
        // allocations.
        assert!(decode(&[1, 0xfe, 0xff, 0xff, 0xff]).is_err());
        let mut huge = vec![0];
        huge.extend([0, 0, 0, 0, 0, 0, 0, 0]);
        huge.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
        huge.extend([0xfe, 0xff, 0xff, 0xff]);
        assert_eq!(decode(&huge).unwrap_err(), "cut short");
        assert!(decode(&[1, 255, 255, 255, 127]).is_err());
        let mut bad = good.clone();
        let at = good.windows(4).position(|w| w == b"Bras").expect("the body is in the bytes");
        bad[at] = 0xff;
        assert!(decode(&bad).unwrap_err().starts_with("not UTF-8"));
    }
}

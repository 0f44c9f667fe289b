//! The officials a corpus knows, so that one person gets one name across it
//! and a name written without an office elsewhere is still recognised.
//!
//! "President Yoon Suk Yeol" in one story makes "the Yoon administration" in
//! another a mention of the same official; "Lee Jae Myung" and
//! "Lee Jae-myung" become one facet value; "Treasury Secretary Baker" gets
//! the full name another story gives him. A lone surname is only resolved
//! when the corpus knows exactly one official by it.

use crate::extract::officials::{self, one_word_apart, short_form, NameMention};
use crate::order::sort_short_by_key;
use crate::record::{OfficialTag, Record};
use crate::text::{fold, FxMap};

/// An official as the corpus first met them.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    role: Option<String>,
    country: Option<String>,
    source: String,
    /// The story that gave the country.
    country_source: String,
}

/// Every official the corpus knows, and where their names wait untitled.
#[derive(Debug, Default)]
pub struct People {
    /// Folded full name -> person.
    by_key: FxMap<String, Person>,
    /// Folded short form -> folded full names.
    by_short: FxMap<String, Vec<String>>,
    /// Hash of a folded name written without an office -> where stories
    /// write it.
    waiting: FxMap<u64, Vec<Waiting>>,
}

/// A name a story writes without an office: the story, and the name's byte
/// offset in its body, whose top bit says whether the name was a lone word
/// ([`NameMention::word_alone`]). Eight bytes, as a corpus holds many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    /// The story's index in the corpus.
    pub doc: u32,
    at: u32,
}

const ALONE: u32 = 1 << 31;

impl Waiting {
    /// Story, then place in it: the order the story wrote its names in.
    pub fn place(self) -> (u32, u32) {
        (self.doc, self.at & !ALONE)
    }

    /// Reads the name again from the story's body.
    pub fn mention(self, body: &str) -> Option<NameMention> {
        let (_, at) = self.place();
        officials::name_mention_at(body, at as usize, self.at & ALONE != 0)
    }
}

fn hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = crate::text::FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

impl People {
    /// Learns the officials of a record whose full names it gives; returns
    /// the folded names that were new to the corpus, and the short forms
    /// that named no one before.
    pub fn learn(&mut self, record: &Record) -> Vec<String> {
        let mut new = Vec::new();
        for o in &record.officials {
            let key = fold(&o.name);
            // A country the story only inferred is not known for the person.
            let country = o.country.clone().filter(|_| !officials::country_inferred(o));
            if let Some(p) = self.by_key.get_mut(&key) {
                // Stories that named them before the one that gives their
                // country need another look.
                if p.country.is_none() && country.is_some() {
                    p.country = country;
                    p.country_source = record.source.clone();
                    new.push(key);
                }
                continue;
            }
            if !key.contains(' ') {
                continue;
            }
            // A spelling variant of someone known is not someone new.
            if self.variant_of_folded(&o.name, &key).is_some() {
                continue;
            }
            let short = fold(short_form(&o.name));
            let namesakes = self.by_short.entry(short.clone()).or_default();
            // A lone surname names someone only while one known person has
            // it: stories waiting on it need another look when the first
            // comes, not at every namesake after.
            let first = namesakes.is_empty();
            namesakes.push(key.clone());
            let person = Person {
                name: o.name.clone(),
                role: o.role.clone(),
                country,
                source: record.source.clone(),
                country_source: record.source.clone(),
            };
            self.by_key.insert(key.clone(), person);
            new.push(key);
            if first {
                new.push(short);
            }
        }
        new
    }

    /// The known person a name is a variant or a lone surname of.
    fn variant_of(&self, name: &str) -> Option<&Person> {
        self.variant_of_folded(name, &fold(name))
    }

    /// [`Self::variant_of`] for a name already folded to `key`.
    fn variant_of_folded(&self, name: &str, key: &str) -> Option<&Person> {
        if let Some(p) = self.by_key.get(key) {
            return Some(p);
        }
        let short = short_form(name);
        let folded_short;
        // A one-word name is its own short form.
        let short_key = if short == name {
            key
        } else {
            folded_short = fold(short);
            &folded_short
        };
        let keys = self.by_short.get(short_key)?;
        if !key.contains(' ') {
            // Two letters ("St", "Li") are too often something else.
            if key.chars().count() < 3 {
                return None;
            }
            return match keys.as_slice() {
                [only] => self.by_key.get(only),
                _ => None,
            };
        }
        // Both names have several words and are folded (a known person's
        // key is their folded name): compared without folding them again.
        let mut matches = keys.iter().filter(|k| one_word_apart(k, key)).filter_map(|k| self.by_key.get(k));
        let first = matches.next()?;
        matches.next().is_none().then_some(first)
    }

    /// Gives each official of a record the corpus's name for them; returns
    /// whether anything changed.
    pub fn canonicalise(&self, record: &mut Record) -> bool {
        let mut changed = false;
        for o in &mut record.officials {
            let Some(p) = self.variant_of(&o.name) else { continue };
            if p.name != o.name {
                let old = std::mem::replace(&mut o.name, p.name.clone());
                if !o.aliases.contains(&old) {
                    o.aliases.push(old);
                }
                changed = true;
            }
            if o.role.is_none() && p.role.is_some() {
                o.role = p.role.clone();
                changed = true;
            }
            if let Some(code) = &p.country {
                if o.country.is_none() {
                    o.country = Some(code.clone());
                    changed = true;
                } else if o.country.as_ref() != Some(code) && officials::country_inferred(o) {
                    officials::set_known_country(o, code, &p.country_source);
                    changed = true;
                }
            }
        }
        if changed {
            merge_same_names(&mut record.officials);
        }
        changed
    }

    /// Makes officials of the names a record writes without an office, when
    /// the corpus knows them; returns whether anything changed.
    pub fn promote(&self, record: &mut Record, names: &[NameMention]) -> bool {
        let bylines: Vec<String> = record.bylines.iter().map(|b| fold(b)).collect();
        let mut changed = false;
        for m in names {
            let key = fold(&m.name);
            if bylines.contains(&key) {
                continue;
            }
            let person = if key.contains(' ') {
                self.by_key.get(&key)
            } else if m.word_alone {
                self.variant_of_folded(&m.name, &key)
            } else {
                None
            };
            let Some(p) = person else { continue };
            if record.officials.iter().any(|o| o.name == p.name || fold(&o.name) == fold(&p.name)) {
                continue;
            }
            let mut aliases = Vec::new();
            if m.name != p.name {
                aliases.push(m.name.clone());
            }
            let role = p.role.as_deref().unwrap_or("an office");
            record.officials.push(OfficialTag {
                name: p.name.clone(),
                aliases,
                role: p.role.clone(),
                country: p.country.clone(),
                mentions: 1,
                evidence: Some(format!("{} (named as {role} in {})", m.name, p.source)),
            });
            changed = true;
        }
        changed
    }

    /// Remembers which names story `doc` writes without an office, so a
    /// later story that gives them one can update it.
    pub fn wait(&mut self, doc: u32, names: &[NameMention]) {
        for m in names {
            // Bodies are at most a few megabytes; a longer one is not waited on.
            let Some(at) = u32::try_from(m.at).ok().filter(|at| at & ALONE == 0) else { continue };
            let at = if m.word_alone { at | ALONE } else { at };
            self.waiting.entry(hash(&fold(&m.name))).or_default().push(Waiting { doc, at });
        }
    }

    /// Where stories write a folded name without an office.
    pub fn waiting_for(&self, key: &str) -> &[Waiting] {
        self.waiting.get(&hash(key)).map_or(&[], Vec::as_slice)
    }
}

/// Folds officials that now share a name into one.
fn merge_same_names(officials: &mut Vec<OfficialTag>) {
    let mut out: Vec<OfficialTag> = Vec::with_capacity(officials.len());
    for o in officials.drain(..) {
        match out.iter_mut().find(|x| x.name == o.name) {
            Some(x) => {
                x.mentions += o.mentions;
                for a in o.aliases {
                    if !x.aliases.contains(&a) && a != x.name {
                        x.aliases.push(a);
                    }
                }
                if x.role.is_none() {
                    x.role = o.role;
                }
            }
            None => out.push(o),
        }
    }
    sort_short_by_key(&mut out, |t| std::cmp::Reverse(t.mentions));
    *officials = out;
}

//! The words officials are found by: heads and modifiers of offices,
//! honorifics, words that never start a name, and the per-token flags that
//! let the reader look each word up once.

use crate::text::{lowercase, FxMap};

/// Words that can head an office.
pub(super) const HEADS: &[&str] = &[
    "president", "minister", "premier", "chancellor", "secretary", "ambassador", "envoy", "spokesperson", "spokesman",
    "spokeswoman", "governor", "senator", "sen", "congressman", "congresswoman", "representative", "rep", "lawmaker",
    "legislator", "mp", "speaker", "king", "queen", "emperor", "empress", "emir", "amir", "sultan", "monarch", "mayor",
    "leader", "chairman", "chairwoman", "chair", "commissioner", "general", "gen", "admiral", "adm", "marshal",
    "commander", "chief", "negotiator", "prosecutor", "director", "ombudsman", "deputy", "treasurer", "attorney",
    "justice", "judge", "crown", "prince", "taoiseach", "dictator", "ruler", "viceroy", "regent", "consul", "attache",
    "undersecretary", "administrator", "aide", "whip", "speakers", "msp", "mep", "mla", "head", "councillor",
    "councilor", "predecessor", "successor", "adviser", "advisor", "chairperson", "pope", "gov", "executive",
    "counsellor", "counselor",
];

/// Words that can stand inside an office's name before or after its head.
pub(super) const MODIFIERS: &[&str] = &[
    "managing", "accountant", "coordinating", "policy", "press", "first", "second", "vice", "deputy", "foreign",
    "finance", "financial", "defence", "defense", "trade", "economy", "economic", "economics", "interior", "home",
    "justice", "agriculture", "agricultural", "energy", "oil", "petroleum", "mines", "mining", "commerce", "industry",
    "labor", "labour", "health", "education", "environment", "transport", "culture", "unification", "state", "prime",
    "senior", "chief", "acting", "former", "ex", "then", "last", "outgoing", "incoming", "new", "interim", "junior",
    "assistant", "under", "permanent", "national", "security", "treasury", "exchequer", "federal", "reserve",
    "central", "bank", "fed", "presidential", "ministry", "ministerial", "government", "white", "house", "kremlin",
    "cabinet", "communist", "party", "opposition", "majority", "minority", "senate", "parliamentary", "parliament",
    "supreme", "military", "army", "navy", "naval", "air", "force", "forces", "joint", "chiefs", "staff", "affairs",
    "of", "the", "for", "and", "member", "council", "u.n", "un", "imf", "eu", "european", "commission", "nato", "opec",
    "board", "planning", "information", "communications", "telecommunications", "science", "technology", "resources",
    "natural", "development", "international", "external", "relations", "budget", "fisheries", "food", "housing",
    "works", "public", "social", "welfare", "employment", "immigration", "tourism", "sports", "youth", "women",
    "family", "water", "power", "electricity", "land", "infrastructure", "climate", "digital", "police",
    "intelligence", "administration", "general", "top", "special", "lord", "high", "ruling", "democratic",
    "republican", "conservative", "liberal", "green", "socialist", "lower", "upper", "legislative", "provincial",
    "regional", "city", "municipal", "world", "monetary", "fund", "organization", "organisation", "council",
    "committee", "united", "nations", "agency", "african", "union", "asean", "who", "wto", "g7", "g20", "bundesbank",
    "secretary", "minister", "president", "governor", "spokesperson", "spokesman", "junta", "congressional", "embassy",
];

/// Honorifics and titles of address, never part of the name.
pub(super) const HONORIFICS: &[&str] = &[
    "Cardinal", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sheikh", "Sheikha", "Shaikh", "Prince", "Princess", "Dato", "Datuk",
    "Datin", "Seri", "Tan", "Sri", "Sir", "Dame", "Lord", "Lady", "Gen", "Rev", "Hon", "Excellency", "Madam", "Madame",
    "Mme", "Monsieur", "Herr", "Frau", "Prof", "Professor", "Haji", "Hajji", "Tun", "Pehin", "Dasho", "Maj", "Col",
    "Lt", "Capt", "Cmdr", "Adm", "Brig", "Sgt", "Imam", "Ayatollah", "Rabbi", "Father", "Pope", "Saint", "Sen", "Rep",
    "Gov", "Amb", "Pres", "Daw", "Utama", "Highness", "Majesty",
];

/// Heads that name a company office when a company qualifies them.
pub(super) const CORPORATE_HEADS: &[&str] = &[
    "president", "chairman", "chairwoman", "chair", "director", "chief", "spokesman", "spokeswoman", "spokesperson",
    "head", "deputy", "treasurer", "secretary", "general", "commissioner", "commander",
];

/// Qualifiers that make a title public even though they are proper names.
pub(super) const PUBLIC_BODIES: &[&str] = &[
    "Fed", "Deputies", "Federal", "Reserve", "Bundesbank", "OPEC", "IMF", "EU", "UN", "U.N.", "NATO", "WTO", "ASEAN",
    "Senate", "House", "Congress", "Parliament", "Treasury", "Ministry", "Commission", "Council", "Committee", "Party",
    "Kremlin", "Cabinet", "Pentagon", "Bank", "Assembly", "Diet", "Knesset", "Duma", "Bundestag", "Government",
    "State", "Department", "Office", "Authority", "Court", "Army", "Navy", "Police", "Republican", "Democratic",
    "Labour", "Conservative", "GATT", "OECD", "Union", "Nations", "Agency", "Board", "Secretariat", "Politburo",
    "Chiefs", "Staff", "Forces", "Command", "NA",
];

/// Capitalised words that do not start a name.
pub(super) const NOT_NAMES: &[&str] = &[
    "Service", "Services", "People", "Democrat", "Republican", "The", "A", "An", "And", "But", "Or", "In", "On", "At",
    "Of", "For", "To", "From", "With", "By", "As", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "This",
    "That", "These", "Those", "There", "Here", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Office", "Department", "Ministry", "Council", "Committee", "Commission", "House", "Senate", "Party", "Government",
    "Administration", "Cabinet", "Palace", "Bank", "Board", "Agency", "Group", "Inc", "Corp", "Co", "Ltd", "Said",
    "Says", "Was", "Is", "Has", "Had", "Will", "Would", "Who", "What", "When", "Where", "Why", "How", "After",
    "Before", "During", "Since", "While", "If", "Also", "Not", "No", "Yes", "Last", "Next", "New", "Former", "Acting",
    "Unlike", "Like", "Despite", "Although", "Unless", "Until", "Without", "Among", "Deputy", "Vice", "Minister",
    "President", "Secretary", "General", "Chief", "Prime", "Foreign", "Finance", "Affairs", "Trade", "State",
    "Federal", "Reserve", "National", "Union", "United", "Nations", "Europe", "European", "Asia", "Africa", "America",
    "Americas", "Pacific", "Atlantic", "Gulf", "Middle", "East", "West", "North", "South", "Central", "Northern",
    "Southern", "Eastern", "Western", "Island", "Islands", "Sea", "River", "Street", "Square", "Hall", "Summit",
    "Forum", "Conference", "Meeting", "Talks", "Treaty", "Accord", "Agreement", "Act", "Law", "Court", "Supreme",
    "Congress", "Parliament", "Assembly", "Reuters", "Yonhap", "Xinhua", "Kyodo", "AP", "AFP", "IANS", "PTI", "TASS",
    "UPI", "Bloomberg", "Inc.", "Corp.", "Co.", "Ltd.", "Plc", "AG", "SA", "NV", "Holdings", "Industries", "Motors",
    "Airlines", "Oil", "Energy", "Mines", "Agriculture", "Defence", "Defense", "Interior", "Justice", "Health",
    "Education", "Economy", "Commerce", "Industry", "Labour", "Labor", "Transport", "Environment", "Communications",
    "Security", "Treasury", "Exchequer", "Chancellor", "Governor", "Ambassador", "Spokesman", "Spokeswoman",
    "Spokesperson", "Premier", "Senator", "Representative", "Leader", "Chairman", "Mayor", "King", "Queen",
    "Commissioner", "Director", "Envoy", "Speaker", "Defence", "According", "Thanks", "Meanwhile", "However",
    "Earlier", "Later", "Today", "Tomorrow", "Yesterday", "Tonight", "Both", "All", "Some", "Many", "Most", "Other",
    "Another", "Such", "Each", "Every", "One", "Two", "Three", "Then", "Now", "Still", "Even", "Staff", "Chiefs",
    "Community", "Institute", "Fund", "Organisation", "Organization", "Association", "Republic", "Kingdom",
    "Federation", "Emirates", "States", "Elections", "Election",
];

/// Common family names written first in Korean, Chinese and Vietnamese
/// names; for these a short mention is the first word ("Park" for
/// "Park Yoon-joo"), for others the last ("Funakoshi").
pub(super) const FAMILY_FIRST: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Chung", "Jung", "Kang", "Cho", "Yoon", "Yun", "Chang", "Jang", "Lim", "Han", "Shin",
    "Oh", "Seo", "Kwon", "Hwang", "Ahn", "Song", "Hong", "Moon", "Ban", "Roh", "Chun", "Ko", "Yoo", "Xi", "Li", "Wang",
    "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Hu", "Wen", "Jiang", "Deng", "Mao", "Zhu", "Qin",
    "Guo", "He", "Ma", "Sun", "Lin", "Nguyen", "Tran", "Pham", "Le", "Vo", "Ho", "Hun", "Kishida",
];

/// Name particles that may stand lower-case inside a name.
pub(super) const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "bin", "binti", "ibn",
    "al", "el", "la", "le", "y", "ter", "ben", "abu", "zu", "dela", "delos",
];

/// The word the counterpart pass looks for.
pub(super) const COUNTERPARTS: &[&str] = &["counterpart", "counterparts"];

/// Words of company and organisation names: a "name" with one of them
/// ("Swap Dealers", "York Mercantile Exchange") or followed by one is an
/// organisation, not a person. No common family name is among them.
pub(super) const ORG_WORDS: &[&str] = &[
    "Democrats", "Republicans", "Socialists", "Exchange", "Futures", "Commodity", "Commodities", "Clearing",
    "Refining", "Insurance", "Credit", "Brands", "Beverages", "Foods", "Products", "Proteins", "Machines", "Systems",
    "Services", "Technologies", "Technology", "Electronics", "Electric", "Airways", "Petroleum", "Chemical",
    "Chemicals", "Pharmaceuticals", "Laboratories", "Network", "Networks", "Telecom", "Utilities", "Realty",
    "Properties", "Resources", "Mining", "Dealers", "Bankers", "Brokers", "Traders", "Advisers", "Advisors",
    "Management", "Capital", "Trust", "Funds", "Financial", "Investment", "Investments", "Partners", "Associates",
    "Research", "Bureau", "Society", "Exporters", "Producers", "Growers", "Manufacturers", "Stores", "Markets",
    "Shipping", "Railways", "Railroad", "International", "Company", "Corporation", "Bancorp", "Bancshares", "Savings",
    "Enterprises", "Brothers", "Group", "Inc", "Corp", "Ltd", "LLC", "Foundation", "University", "Institute",
    "Association", "Federation", "Holdings", "Industries", "Motors", "Airlines", "Motor", "Co", "Division", "Bonds",
    "Dynamics", "Alliance", "Program", "Programme", "Manager", "Sales", "Front", "Movement", "Unions",
];

/// Offices that companies have too ("president", "chairman", "finance
/// director", "spokesman"): they make an official only where the office
/// names a country or a public body, or as the formal title "President".
pub(super) const BUSINESS_HEADS: &[&str] = &[
    "president", "chairman", "chairwoman", "chairperson", "chair", "director", "treasurer", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "chief", "executive",
];

/// Words that make an office public: government, legislatures, parties,
/// the armed forces, central banks and intergovernmental bodies.
pub(super) const PUBLIC_WORDS: &[&str] = &[
    "presidential", "government", "state", "national", "federal", "ministry", "ministerial", "minister",
    "parliamentary", "parliament", "white", "kremlin", "senate", "house", "congress", "congressional", "cabinet",
    "communist", "party", "opposition", "majority", "minority", "military", "army", "navy", "naval", "police",
    "intelligence", "security", "u.n", "u.n.", "un", "imf", "eu", "european", "commission", "nato", "opec", "world",
    "central", "reserve", "fed", "treasury", "supreme", "court", "legislative", "provincial", "regional", "municipal",
    "city", "public", "democratic", "republican", "bundesbank", "assembly", "council", "committee", "foreign",
    "embassy", "ecb", "who", "wto", "african", "asian", "eurogroup", "diet", "knesset", "duma", "bundestag",
    "politburo", "junta", "chamber", "deputies", "pentagon", "gatt", "oecd", "asean", "secretariat", "palace", "prime",
    "premier", "staff", "country's", "nation's", "legislature", "republic", "na",
];

/// Words that open a name and never end an office: an office read as far
/// as "chairman of the New" or "president of International" runs on into
/// an organisation's name, and what follows is not a person.
pub(super) const OPENERS: &[&str] = &[
    "new", "international", "national", "air", "world", "united", "central", "federal", "royal", "general", "first",
    "american", "british", "european", "african", "asian", "pacific", "atlantic",
];

pub(super) const HEAD: u8 = 1;
pub(super) const MODIFIER: u8 = 2;
pub(super) const HONORIFIC: u8 = 4;
pub(super) const NOT_NAME: u8 = 8;
/// Set on tokens that can be a word of a person's name (computed per text).
pub(super) const NAME_WORD: u8 = 16;
pub(super) const COUNTERPART: u8 = 32;
pub(super) const ORG: u8 = 64;
/// Set on capitals and regions, which are surnames after a given name.
pub(super) const SURNAME_PLACE: u8 = 128;

/// The vocabularies above in one table: lower-cased word -> flags, so each
/// token costs one lookup.
pub(super) struct Vocab {
    /// Keyed by the word packed into an integer (see [`packed`]), so that a
    /// lookup neither copies nor compares strings.
    words: FxMap<u128, u8>,
    /// Bit `len` of `shapes[first letter][second letter]` is set when some
    /// word of that opening and length is in `words`: most tokens skip the
    /// lookup.
    shapes: [[u32; 27]; 26],
}

impl Vocab {
    /// The flags of a word in any case; 0 for words not in the vocabulary.
    pub(super) fn flags(&self, w: &str) -> u8 {
        match shape(w) {
            Some((a, b)) if w.len() <= MAX_LEN && self.shapes[a][b] & (1 << w.len()) != 0 => {
                packed(w).and_then(|k| self.words.get(&k)).copied().unwrap_or(0)
            }
            _ => 0,
        }
    }
}

/// The longest word a key holds.
const MAX_LEN: usize = 21;

/// A word of up to 21 letters, digits, dots, hyphens and apostrophes in any
/// case, six bits a character; `None` for anything else, which no
/// vocabulary word is.
fn packed(w: &str) -> Option<u128> {
    if w.len() > MAX_LEN {
        return None;
    }
    w.bytes().try_fold(0u128, |key, b| {
        let code = match b.to_ascii_lowercase() {
            c @ b'a'..=b'z' => c - b'a' + 1,
            c @ b'0'..=b'9' => c - b'0' + 27,
            b'.' => 37,
            b'-' => 38,
            b'\'' => 39,
            _ => return None,
        };
        Some(key << 6 | u128::from(code))
    })
}

pub(super) fn vocab() -> &'static Vocab {
    static V: std::sync::OnceLock<Vocab> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let mut words: FxMap<u128, u8> = FxMap::default();
        let mut shapes = [[0u32; 27]; 26];
        for (list, flag) in [
            (HEADS, HEAD),
            (MODIFIERS, MODIFIER),
            (HONORIFICS, HONORIFIC),
            (NOT_NAMES, NOT_NAME),
            (COUNTERPARTS, COUNTERPART),
            (ORG_WORDS, ORG),
        ] {
            for w in list {
                let lower = lowercase(w);
                if let Some((a, b)) = shape(&lower) {
                    shapes[a][b] |= 1 << lower.len().min(31);
                }
                // Every word packs (tested below); one that did not would
                // simply never be found.
                if let Some(key) = packed(&lower) {
                    *words.entry(key).or_default() |= flag;
                }
            }
        }
        Vocab { words, shapes }
    })
}

/// A word's first two letters, lower-cased, as table indices (the second is
/// 26 for anything but a letter).
fn shape(w: &str) -> Option<(usize, usize)> {
    let b = w.as_bytes();
    let a = b.first()?.to_ascii_lowercase();
    if !a.is_ascii_lowercase() {
        return None;
    }
    let second =
        b.get(1).map(u8::to_ascii_lowercase).filter(u8::is_ascii_lowercase).map_or(26, |c| usize::from(c - b'a'));
    Some((usize::from(a - b'a'), second))
}

/// A word lower-cased on the stack: ASCII words of up to 31 bytes, which
/// covers every word of the vocabularies. A word already in lower case,
/// as most are, is borrowed as it is.
pub(super) enum Lower<'a> {
    Same(&'a str),
    Copy([u8; 31], u8),
}

impl<'a> Lower<'a> {
    pub(super) fn new(w: &'a str) -> Lower<'a> {
        if w.len() > 31 || !w.is_ascii() {
            return Lower::Same("");
        }
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Same(w);
        }
        let mut buf = [0; 31];
        for (i, b) in w.bytes().enumerate() {
            buf[i] = b.to_ascii_lowercase();
        }
        Lower::Copy(buf, w.len() as u8)
    }

    pub(super) fn as_str(&self) -> &str {
        match self {
            Lower::Same(w) => w,
            Lower::Copy(buf, len) => std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_vocabulary_word_is_found_in_any_case() {
        let v = vocab();
        for list in [HEADS, MODIFIERS, HONORIFICS, NOT_NAMES, COUNTERPARTS, ORG_WORDS] {
            for w in list {
                assert!(packed(w).is_some(), "{w} does not pack");
                assert_ne!(v.flags(w), 0, "{w}");
                assert_eq!(v.flags(w), v.flags(&w.to_uppercase()), "{w}");
            }
        }
        assert_eq!(v.flags("minister"), v.flags("Minister"));
        assert_eq!(v.flags("ministers"), 0);
        assert_eq!(v.flags("ministér"), 0);
    }
}

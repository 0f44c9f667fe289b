//! Recognises the lines a scraped page wraps around a story: menus, weather,
//! share buttons, disclaimers, photo captions, teaser blocks.

use crate::text::{lowercase, word_count};

/// What a clutter line is, for the record's explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clutter {
    /// A heading that opens a block of teasers, after which nothing is story.
    BlockStart,
    /// One line of site furniture.
    Line,
    /// A photo caption.
    Caption,
}

/// Headings after which a page holds only other stories or site furniture.
const BLOCK_STARTS: &[&str] = &[
    "hot this week", "related articles", "related", "related stories", "related news", "related posts",
    "related content", "also read", "read more", "more stories", "more from", "most popular", "most read",
    "most viewed", "trending", "trending now", "you may also like", "you might also like", "recommended",
    "recommended for you", "recommended stories", "topics", "tags", "latest news", "latest", "top stories",
    "go to source", "comments", "leave a comment", "leave a reply", "more news", "editor's picks", "popular",
    "what to read next", "read next", "in other news", "more on this story", "explore more", "keep reading",
    "read also", "related coverage", "more from the post", "latest updates", "more stories like this",
    "related topics", // The same headings on Spanish, Portuguese, French and German pages.
    "lo más leído", "lo mas leido", "más leídas", "noticias relacionadas", "te puede interesar", "leia também",
    "mais lidas", "lire aussi", "à lire aussi", "les plus lus", "meistgelesen", "mehr zum thema", "baca juga",
    "terpopuler", "berita terkait", "editor's pick", "see more", "see more on this topic",
];

/// Line openings that mark site furniture, lower-cased, grouped by first
/// byte (see [`runs`]).
const LINE_STARTS: &[&str] = &[
    "disclaimer",
    "download the app",
    "advertisement",
    "all rights reserved",
    "also read |",
    "also read:",
    "also see:",
    "additional reporting",
    "(this report has been published",
    "(this story has not been edited",
    "(only the headline",
    "(c) ",
    "(photo",
    "(reporting by",
    "(editing by",
    "(additional reporting",
    "(compiled by",
    "(writing by",
    "(attn",
    "(editors note",
    "(editor's note",
    "this story has not been edited",
    "trending:",
    "tags:",
    "translator:",
    "this article was",
    "copyright",
    "click here",
    "caption:",
    "compiled by",
    "cookies on ",
    "©",
    "share this",
    "share on",
    "share:",
    "subscribe",
    "sign up",
    "see also:",
    "sponsored",
    "skip to content",
    "skip links",
    "skip to main",
    "follow us",
    "file photo",
    "filed under",
    "for more news",
    "link copied",
    "latest:",
    "listen:",
    "listening:",
    "listen to this",
    "last modified",
    "image via",
    "image:",
    "photo:",
    "photo credit",
    "posted in",
    "[photo",
    "[image",
    "[attn",
    "related:",
    "read |",
    "related news:",
    "related story:",
    "read more:",
    "reporting by",
    "watch |",
    "watch:",
    "writing by",
    "most read:",
    "editor:",
    "editing by",
    "editor's note:",
    "home / ",
    "get the app",
    "you are here",
];

/// Where the [`LINE_STARTS`] opening with each byte stand.
const LINE_RUNS: [(u8, u8); 256] = runs(LINE_STARTS);

/// For each byte, the run of a list's patterns that open with it, so a line
/// is only tried against those. The lists keep their patterns grouped by
/// first byte; a list that does not fails to compile.
const fn runs(list: &[&str]) -> [(u8, u8); 256] {
    let mut t = [(0, 0); 256];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes()[0] as usize;
        assert!(t[b].1 == 0 || t[b].1 as usize == i, "patterns must be grouped by their first byte");
        if t[b].1 == 0 {
            t[b].0 = i as u8;
        }
        t[b].1 = i as u8 + 1;
        i += 1;
    }
    t
}

/// The patterns of `list` that open with byte `b`.
fn opening<'a>(list: &'a [&'a str], runs: &[(u8, u8); 256], b: u8) -> &'a [&'a str] {
    let (from, to) = runs[usize::from(b)];
    &list[usize::from(from)..usize::from(to)]
}

const PAREN: u8 = 1;
const BAR: u8 = 2;

/// Marker bytes: those that open captions or credits, and menu separators.
const MARKS: [u8; 256] = {
    let mut t = [0; 256];
    t[b'(' as usize] = PAREN;
    t[b'/' as usize] = PAREN;
    t[b':' as usize] = PAREN;
    t[b'|' as usize] = BAR;
    t[b'>' as usize] = BAR;
    t
};

/// Whole lines that are furniture on their own.
const LINE_WORDS: &[&str] = &[
    "print", "email", "share", "tweet", "whatsapp", "facebook", "twitter", "linkedin", "menu", "home", "search",
    "close", "login", "log in", "sign in", "listen", "save", "comment", "comments", "font size", "a a", "more", "next",
    "previous", "back to top", "advertisement", "ad", "loading...", "for subscribers", "subscribers only",
    "gift this article", "live", "live tv", "watch live", "navigation menu",
];

/// Classifies a trimmed line, or `None` when it may be story text.
pub fn classify(line: &str) -> Option<Clutter> {
    let trimmed = line.trim_start_matches(['•', '·', '-', '*', ' ']).trim();
    // Every pattern below is decided by the line's opening, its ending, or
    // a few marker characters, so long story lines are checked cheaply.
    let head = lower_prefix(trimmed, 48);
    let head = head.as_str();
    if trimmed.len() <= 48 {
        // "[Editor's pick]": a heading in brackets.
        let bare = head.trim_start_matches('[').trim_end_matches([':', '.', '»', '›', '>', ' ', ']']);
        // "Skip next section Explore more": a heading behind a skip link.
        let bare = bare.strip_prefix("skip next section ").unwrap_or(bare);
        // "BACA JUGA / ALSO READ": one heading in two languages.
        // (A byte test first: a substring search costs its set-up on every line.)
        let halves = bare.as_bytes().contains(&b'/').then(|| bare.split_once(" / ")).flatten();
        if halves.is_some_and(|(a, b)| BLOCK_STARTS.contains(&a) && BLOCK_STARTS.contains(&b)) {
            return Some(Clutter::BlockStart);
        }
        // "More from Politics", "Latest in News": a heading naming a section.
        // (A section's name is capitalised: "more in the coming weeks" is
        // a wrapped sentence.)
        let section = ["more from ", "latest in ", "more in ", "latest from "].iter().any(|h| {
            let named = trimmed.get(h.len()..).is_some_and(|rest| rest.starts_with(char::is_uppercase));
            bare.starts_with(h) && named && word_count(bare) <= 5 && !trimmed.ends_with(['.', ','])
        });
        // "Most read Swiss news", "More from this category": a heading of
        // several words that names its section after them.
        let titled = || {
            trimmed.starts_with(char::is_uppercase)
                && !trimmed.ends_with(['.', ','])
                && BLOCK_STARTS
                    .iter()
                    .any(|h| bare.strip_prefix(h).is_some_and(|r| r.starts_with(' ')) && h.contains(' '))
                && word_count(bare) <= 5
        };
        if BLOCK_STARTS.contains(&bare) || section || titled() {
            return Some(Clutter::BlockStart);
        }
        // "SPAIN POLITICS >", "World ›": a section's link.
        // (Not a ticker: "TALKING POINT/IBM <IBM>".)
        let link = (trimmed.ends_with(" >") || trimmed.ends_with(['›', '»'])) && word_count(bare) <= 4;
        if LINE_WORDS.contains(&bare) || bare.is_empty() || link {
            return Some(Clutter::Line);
        }
    }
    let first = head.as_bytes().first().copied().unwrap_or(0);
    if opening(LINE_STARTS, &LINE_RUNS, first).iter().any(|s| head.starts_with(s)) {
        return Some(Clutter::Line);
    }
    // "We use cookies to...", "Yle uses cookies and similar technologies".
    // "We use some essential cookies to make this website work".
    if head.contains("cookies") && (head.contains(" use ") || head.contains(" uses ")) && trimmed.len() < 400 {
        return Some(Clutter::Line);
    }
    let tail = lower_suffix(trimmed, 24);
    let tail = tail.as_str();
    if tail.ends_with("read more") || tail.ends_with("read more »") || tail.ends_with("continue reading") {
        return Some(Clutter::Line);
    }
    // "Updated 3 hours ago": a stamp relative to a day no one knows;
    // "2 min Reading time", "4 min read".
    // ("By Amina Yusuf | 2h ago" is a byline, though.)
    // "Full article 4 comments": a counter.
    if (tail.ends_with(" ago")
        || tail.ends_with("reading time")
        || tail.ends_with(" min read")
        || tail.ends_with(" comments"))
        && word_count(trimmed) <= 6
        && !head.starts_with("by ")
    {
        return Some(Clutter::Line);
    }
    // "... in Colombo on September 23. — Reuters pic": a photo's credit.
    if tail.ends_with(" pic") {
        return Some(Clutter::Caption);
    }
    // One pass finds which marker characters the line has at all.
    // No early exit: the loop stays branch-free and fast on long lines.
    let marks = trimmed.bytes().fold(0u8, |m, b| m | MARKS[usize::from(b)]);
    let (paren, mut bar) = (marks & PAREN != 0, marks & BAR != 0);
    let mut degree = false;
    if !trimmed.is_ascii() {
        bar |= trimmed.contains(['•', '·', '»', '›']);
        degree = trimmed.contains('°');
    }
    if paren && is_caption(trimmed) {
        return Some(Clutter::Caption);
    }
    // ("By Ana Ruiz | December 7, 2022 | 5:12 pm" is a byline with its stamp.)
    let menu = !head.starts_with("by ") && ((bar || paren) && is_menu(line) || is_spaced_menu(trimmed));
    if menu || bar && is_account_bar(trimmed) {
        return Some(Clutter::Line);
    }
    if (degree || trimmed.len() <= 12) && is_weather(&lowercase(trimmed)) {
        return Some(Clutter::Line);
    }
    if !has_latin_word(line) || trimmed.len() <= 24 && is_end_code(trimmed) {
        return Some(Clutter::Line);
    }
    // "Short Url https://...": a link on its own.
    if trimmed.len() <= 100 && head.contains("http") && trimmed.contains("://") && word_count(trimmed) <= 6 {
        return Some(Clutter::Line);
    }
    None
}

/// A short lower-cased piece of a line, on the stack when it is ASCII.
enum Piece {
    Ascii([u8; 48], usize),
    Other(String),
}

impl Piece {
    fn new(s: &str) -> Piece {
        if s.len() <= 48 && s.is_ascii() {
            let mut buf = [0u8; 48];
            for (i, b) in s.bytes().enumerate() {
                buf[i] = b.to_ascii_lowercase();
            }
            Piece::Ascii(buf, s.len())
        } else {
            Piece::Other(lowercase(s))
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Piece::Ascii(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
            Piece::Other(s) => s,
        }
    }
}

/// The first `n` bytes of `s` (to a character boundary), lower-cased.
fn lower_prefix(s: &str, n: usize) -> Piece {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    Piece::new(&s[..end])
}

/// The last `n` bytes of `s` (from a character boundary), lower-cased.
fn lower_suffix(s: &str, n: usize) -> Piece {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    Piece::new(&s[start..])
}

/// Captions place people in a picture: "(R)", "(left)", "(2nd from L)".
fn is_caption(line: &str) -> bool {
    if !line.is_ascii() {
        let lower = lowercase(line);
        return CAPTION_MARKS.iter().any(|m| if WORDED.contains(m) { line.contains(m) } else { lower.contains(m) });
    }
    // ASCII lower-cases byte for byte: the marks are sought in place.
    let b = line.as_bytes();
    (0..b.len()).any(|i| {
        let first = b[i].to_ascii_lowercase();
        opening(CAPTION_MARKS, &CAPTION_RUNS, first).iter().any(|m| {
            let found = b[i..].get(..m.len());
            if WORDED.contains(m) {
                found == Some(m.as_bytes())
            } else {
                found.is_some_and(|s| s.eq_ignore_ascii_case(m.as_bytes()))
            }
        })
    })
}

/// Places in a picture written out, which a caption writes in lower case:
/// "Antti Kaikkonen (Centre)" in a story names his party.
const WORDED: &[&str] = &["(left)", "(right)", "(center)", "(centre)"];

const CAPTION_RUNS: [(u8, u8); 256] = runs(CAPTION_MARKS);

/// The marks of a caption, lower-cased, grouped by first byte.
const CAPTION_MARKS: &[&str] = &[
    "(r)", "(l)", "(c)", "(left)", "(right)", "(center)", "(centre)", "(front", "(back row", "(pictured", "(pic:",
    "(file photo", "(photo by", "(123rf)", "(getty images", "(afp photo", "(reuters photo", "from left)",
    "from right)", "from l)", "from r)", "ap photo/", "photo: ", "/getty images", "© ",
];

/// Menus are three or more short items separated by bars or bullets.
fn is_menu(line: &str) -> bool {
    // Three items need two separators; most lines have none. One pass
    // counts the byte each separator has after its space. A breadcrumb
    // ("Local > Politics") needs one.
    let mut seen = [0u8; 256];
    for b in line.bytes() {
        seen[usize::from(b)] = seen[usize::from(b)].saturating_add(1);
    }
    [(" | ", 2), (" • ", 2), (" · ", 2), (" / ", 2), (" > ", 1), (" » ", 1), (" › ", 1)].iter().any(|&(sep, least)| {
        if seen[usize::from(sep.as_bytes()[1])] < least {
            return false;
        }
        // Items are short; a long menu may have one longer ("Ze Addis
        // Standard (Amharic)").
        let (mut items, mut long) = (0, 0);
        for item in line.split(sep) {
            items += 1;
            long += usize::from(word_count(item) > 3);
        }
        items > least && long <= usize::from(items >= 5)
    })
}

/// "Log in | Subscribe", "Become a member | Log in": the site's account
/// links, two of them or more; "Bahasa Indonesia | English": its editions.
fn is_account_bar(line: &str) -> bool {
    // Items are set apart by bars or by runs of spaces; a search box's
    // placeholder may run longer ("Search a quote, a news item...").
    let items: Vec<&str> =
        line.split('|').flat_map(|i| i.split("   ")).map(str::trim).filter(|i| !i.is_empty()).collect();
    items.len() >= 2
        && items.iter().all(|i| word_count(i) <= 4 || i.ends_with("..."))
        && items.iter().any(|i| {
            *i == "English" || {
                let lower = lowercase(i);
                ["log in", "login", "sign in", "sign up", "subscribe", "register", "newsletter", "my account", "menu"]
                    .iter()
                    .any(|a| lower.starts_with(a))
            }
        })
}

/// "Home  World  Asia": menu items set apart by runs of spaces.
fn is_spaced_menu(line: &str) -> bool {
    if !line.contains("  ") {
        return false;
    }
    let mut items = line.split("  ").map(str::trim).filter(|i| !i.is_empty());
    // Longer items ("Russian Politics & Diplomacy") in a longer menu.
    let n = items.clone().count();
    let most = if n <= 4 { 2 } else { 4 };
    n >= 3 && items.all(|i| word_count(i) <= most && !i.ends_with(['.', ',']))
}

/// A wire's routing code closing a story: "int/rad", "bur-fff/jj", "(END)".
fn is_end_code(line: &str) -> bool {
    let code = |w: &str| {
        w.contains('/')
            && w.split(['/', '-']).all(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()))
    };
    let t = line.trim();
    t == "(END)" || t == "(end)" || (1..=3).contains(&word_count(t)) && t.split_whitespace().all(code)
}

/// Weather lines: "8.1 C", "21°C Lagos", "Monday, 3 June 2024 | 21°C".
fn is_weather(lower: &str) -> bool {
    lower.split(['|', ' ', ',']).any(|w| {
        let w = w.trim();
        let num = w.trim_end_matches(['c', 'f']).trim_end_matches('°').trim_end();
        (w.ends_with("°c") || w.ends_with("°f") || w.ends_with('°'))
            && !num.is_empty()
            && num.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.')
    }) || {
        // "8.1 C" alone on a line.
        let mut parts = lower.split_whitespace();
        matches!((parts.next(), parts.next(), parts.next()), (Some(n), Some("c" | "f" | "°c" | "°f"), None)
            if n.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.'))
    }
}

/// A line with no Latin word of two letters is a stray script fragment or symbol row.
fn has_latin_word(line: &str) -> bool {
    line.split(|c: char| !c.is_alphabetic()).any(|w| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_alphabetic()))
        || line.chars().filter(|c| c.is_alphabetic() && !c.is_ascii()).count() > 0
            && line.chars().any(|c| matches!(c, 'à'..='ÿ' | 'À'..='Þ' | 'Ā'..='ž'))
}

/// An editor's note at the start of a line: "(ATTN: UPDATES throughout)".
/// Returns the rest of the line.
pub fn strip_editors_note(line: &str) -> &str {
    let t = line.trim_start();
    let upper = t.get(..6).map(str::to_ascii_uppercase);
    if matches!(upper.as_deref(), Some("(ATTN:" | "[ATTN:")) || t.starts_with("(EDITORS") || t.starts_with("(Editor") {
        let close = if t.starts_with('[') { ']' } else { ')' };
        if let Some(end) = t.find(close) {
            return t[end + 1..].trim_start();
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teaser_headings_start_blocks() {
        for h in [
            "Hot this week",
            "Related Articles",
            "ALSO READ:",
            "Most Popular",
            "You may also like",
            "Latest in News",
            "MORE FROM THE POST",
            "More from Politics",
            "Skip next section Explore more",
            "[Editor's pick]",
            "BACA JUGA / ALSO READ",
            "Most read Harbour news",
            "More from this category",
            "SEE MORE ON THIS TOPIC",
        ] {
            assert_eq!(classify(h), Some(Clutter::BlockStart), "{h}");
        }
    }

    #[test]
    fn furniture_lines_are_clutter() {
        for l in [
            "Home | World | Business | Sport",
            "Bahasa Indonesia | English",
            "Search a quote, a news item...      Log in   |   Sign up",
            "For Subscribers",
            "SPAIN POLITICS >",
            "Skip links",
            "Navigation menu",
            "You are here: Home > News > Travel",
            "Full article 12 comments",
            "Listening: Rates cut in surprise move  (3 min)",
            "12.5 C",
            "Monday, 3 June 2024 | 21°C Lagos",
            "• Link copied",
            "Disclaimer: auto-published from a feed.",
            "Copyright 2024 Example Media. All rights reserved.",
            "A long teaser about something else entirely. Read More",
            "Reporting by Ana Gomez; Editing by Tom Hale",
            "★★★ ★★",
            "We use cookies to improve your experience. Accept | Settings",
            "Home  World  Asia",
            "Russian Politics & Diplomacy  World  Business & Economy  Military & Defense  Sports",
            "Updated 3 hours ago",
            "2 min Reading time",
            "The president arrives in Colombo on September 23, 2024. — Reuters pic",
            "Related news: Singapore's leader congratulates the new president",
            "Trending: Oil slides · Gold steadies · Canada braces for tariffs",
            "[Image: The minister at a cabinet meeting. File photo]",
            "int/rad",
            "bur-fff/jj",
            "(END)",
            "Short Url https://example.com/x7",
            "Log In | Subscribe",
            "Become a Harbour member | Sign in",
            "Menu | Search the site",
            "We use some essential cookies to make this website work.",
            "Cookies on the Harbour Review",
            "Home » Politics",
            "Local > Politics",
            "News | Politics | Business | Opinion | Lima Courier (en Español)",
            "LATEST: Port traffic slows as fog returns",
            "READ | Chile's senate passes pension bill",
            "The minister is sworn in at the palace. © Harbour Press/Ana Ruiz",
        ] {
            assert!(classify(l).is_some(), "{l}");
        }
    }

    #[test]
    fn captions_are_recognised() {
        let c = "Finance Minister Ana Ruiz (L) greets her counterpart in Lima on May 3. (AP Photo/Staff)";
        assert_eq!(classify(c), Some(Clutter::Caption));
        let c = "Prime Minister Ana Ruiz (centre) with the leaders of the summit in Lima.";
        assert_eq!(classify(c), Some(Clutter::Caption));
        assert_eq!(classify("Ana Ruiz (centre) greets Tom Hale in São Paulo."), Some(Clutter::Caption));
    }

    #[test]
    fn story_lines_are_not_clutter() {
        for l in [
            "The central bank raised its main rate by half a point on Thursday.",
            "Related talks will resume in Geneva next month, officials said.",
            "Share prices in Tokyo fell 2 percent.",
            "São Paulo's mayor opened the new metro line.",
            "The deal was signed.  Talks resume in May.  Both sides agreed.",
            "more in the coming weeks.",
            "most read the report as a warning.",
            "Most read the report as a warning, he said",
            "Sales of Girl Scout cookies rose sharply this year.",
            "By Amina Yusuf | 2h ago",
            "By Ana Ruiz  |  December 7, 2022  |  5:12 pm",
            "Defence Minister Tom Hale (Centre) and Ana Ruiz (Left Alliance) attended the ceremony.",
            "Voters | Turnout rose in the north and south",
            "Home prices / rents rose again.",
            "co-op",
        ] {
            assert_eq!(classify(l), None, "{l}");
        }
    }

    #[test]
    fn editors_notes_are_stripped() {
        assert_eq!(strip_editors_note("(ATTN: ADDS quotes in paras 4-5) BERLIN, May 2"), "BERLIN, May 2");
        assert_eq!(strip_editors_note("BERLIN, May 2"), "BERLIN, May 2");
    }
}
